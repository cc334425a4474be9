import { stringify } from 'yaml';

/**
 * The Infra Config YAML (`setup_yaml`) the emulated control plane generates from an infra provider's metadata.
 * The real server's generator is closed source (docs/domain.md#the-infra-config-yaml); the shape here is the one the Terraform module
 * reads (docs/domain.md#the-terraform-module), in either interface generation.
 */
export interface SetupYamlInput {
  accountId: string;
  identifier: string;
  /** The infra's top-level name: the module's resource-name prefix. */
  name: string;
  metadata: Record<string, unknown>;
  sharedSecret: string;
  cdeManagerUrl: string;
  gatewayVersion: string;
  generation: 'v0.0.3' | 'post-0.0.3';
}

const DEFAULT_IMAGE = 'projects/ubuntu-os-cloud/global/images/family/ubuntu-2204-lts';
/** The gateway image in Harness's sample Infra Config YAML (module v0.0.3's `vm_image`). */
export const V003_GATEWAY_IMAGE = { family: 'debian-11', project: 'debian-cloud' } as const;

function obj(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}
function str(v: unknown, fallback = ''): string {
  return typeof v === 'string' ? v : v === undefined || v === null ? fallback : String(v);
}

export function buildSetupYaml(i: SetupYamlInput): string {
  const md = i.metadata;
  const gw = obj(md.gateway);
  const runner = obj(md.runner);
  const project = obj(md.project);
  const selectors = Array.isArray(md.delegate_selectors)
    ? (md.delegate_selectors as unknown[]).map((s) => ({ selector: str(obj(s).selector), origin: 'default' }))
    : [];
  const gatewayImage = str(gw.vm_image_name, DEFAULT_IMAGE) || DEFAULT_IMAGE;
  const runnerImage = str(runner.vm_image_name, DEFAULT_IMAGE) || DEFAULT_IMAGE;
  const regionConfigs: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(obj(md.region_configs))) {
    const rc = obj(raw);
    const contents = Array.isArray(obj(rc.certificates).contents)
      ? (obj(rc.certificates).contents as unknown[])
      : [];
    const domain = str(obj(contents[0]).domain, `${key}.${str(md.domain)}`);
    regionConfigs[key] = {
      region_name: str(rc.region_name, key),
      default_subnet_ip_range: str(rc.default_subnet_ip_range),
      proxy_subnet_ip_range: str(rc.proxy_subnet_ip_range),
      certificates: { contents: [{ domain }] },
    };
  }
  const gateway: Record<string, unknown> = {
    instances: Number(gw.instances ?? 3),
    machine_type: str(gw.machine_type),
    vm_tags: ['gateway'],
    // v0.0.3: the gateway image of Harness's own sample Infra Config YAML (developer-hub
    // docs/cloud-development-environments/self-hosted-gitspaces/steps/content/gitspace-infra-ui-gcp.md), whatever
    // the metadata says: the only v0.0.3 output Harness documents. After it, the UI's vm_image_name.
    ...(i.generation === 'v0.0.3' ? { vm_image: V003_GATEWAY_IMAGE } : { vm_image_name: gatewayImage }),
    shared_secret: i.sharedSecret,
    cde_manager_url: i.cdeManagerUrl,
    version: i.gatewayVersion,
  };
  // No whitelist_ip_ranges, even when the metadata carries one: Harness's UI never sends it (harness/harness
  // web/src/cde-gitness/pages/InfraConfigure/InfraDetails/GcpInfraDetails.tsx sends gateway.{machine_type,
  // instances, vm_image_name} only), the sample YAML has none, and the server's generator is closed source
  // (harness/harness implements GenerateSetupYAML only for the Docker provider, infraprovider/docker_provider.go).
  // The module then opens the gateway to 0.0.0.0/0 (contracts/terraform-module.md).
  const doc: Record<string, unknown> = {
    name: i.name,
    domain: str(md.domain),
    account_identifier: i.accountId,
    infra_provider_config_identifier: i.identifier,
    gitspace_vm_tags: ['gcp-gitspace'],
    project: { id: str(project.id), service_account: `${i.name}-sa` },
    delegateselectors: selectors,
    gateway,
    runner:
      i.generation === 'v0.0.3'
        ? { vm_image: runnerImage }
        : { region: str(runner.region), zone: str(runner.zone), vm_image_name: runnerImage },
    region_configs: regionConfigs,
  };
  return stringify(doc);
}
