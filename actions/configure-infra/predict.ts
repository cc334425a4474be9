/**
 * The Infra Config YAML (setup_yaml) an infra provider WOULD have once configure writes it, computed without
 * writing anything, so that a pull request's preview can plan Terraform against it.
 *
 * - The provider exists: its current setup_yaml with the Harness diff applied, key by key (a field the diff does
 *   not touch keeps the server's value, so with no diff the prediction is the current YAML byte for byte).
 * - It does not exist yet: built locally in the documented shape of the pinned module generation
 *   (docs/domain.md#the-infra-config-yaml). What Harness generates on create (the gateway's shared secret, the CDE
 *   manager URL, the gateway version) cannot be known: those are placeholders, and the preview says so.
 */
import type { GitspacesConfig } from '../../shared/config/schema.js';
import type { OpenapiCreateInfraProviderConfigRequest } from '../../shared/harness/types.js';
import type { FieldChange } from './infra.js';

/** What a first preview cannot know, and shows as such. */
export const PLACEHOLDERS = {
  shared_secret: 'generated-by-harness-on-create',
  cde_manager_url: 'https://generated-by-harness-on-create.invalid/gateway/cde',
  version: 'set-by-harness-on-create',
} as const;

const DEFAULT_IMAGE = 'projects/ubuntu-os-cloud/global/images/family/ubuntu-2204-lts';

type Doc = Record<string, unknown>;
const obj = (v: unknown): Doc => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Doc) : {});

/** `projects/<p>/global/images/family/<f>` (or `.../images/<name>`) as module v0.0.3's `{family, project}`. */
export function imageFamily(path: string): { family: string; project: string } {
  const m = /^projects\/([^/]+)\/global\/images\/(?:family\/)?([^/]+)$/.exec(path);
  return m ? { family: m[2] as string, project: m[1] as string } : { family: path, project: '' };
}

function regionEntry(desired: OpenapiCreateInfraProviderConfigRequest, region: string): Doc {
  const rc = obj(obj(obj(desired.metadata).region_configs)[region]);
  return {
    region_name: rc.region_name ?? region,
    default_subnet_ip_range: rc.default_subnet_ip_range,
    proxy_subnet_ip_range: rc.proxy_subnet_ip_range,
    certificates: rc.certificates,
  };
}

function selectors(desired: OpenapiCreateInfraProviderConfigRequest, current: unknown): Doc[] {
  const have = Array.isArray(current) ? (current as unknown[]).map(obj) : [];
  const want = (obj(desired.metadata).delegate_selectors as { selector: string }[] | undefined) ?? [];
  return want.map(
    (s) => have.find((h) => h.selector === s.selector) ?? { selector: s.selector, origin: 'default' },
  );
}

/** The image the YAML holds, in the shape the current YAML (or the generation) uses. */
function image(doc: Doc, path: unknown, v003: boolean): void {
  const p = typeof path === 'string' && path ? path : DEFAULT_IMAGE;
  if (v003 || 'vm_image' in doc) {
    doc.vm_image = imageFamily(p);
    delete doc.vm_image_name;
  } else doc.vm_image_name = p;
}

/** The current YAML document with each changed field written where the YAML keeps it. */
export function applyDiff(
  current: Doc,
  desired: OpenapiCreateInfraProviderConfigRequest,
  changes: readonly FieldChange[],
): Doc {
  const doc = structuredClone(current);
  const gateway = obj(doc.gateway);
  const runner = obj(doc.runner);
  const regions = obj(doc.region_configs);
  const md = obj(desired.metadata);
  const gw = obj(md.gateway);
  const run = obj(md.runner);
  for (const c of changes) {
    const f = c.field;
    if (f === 'name') doc.name = desired.name;
    else if (f === 'metadata.gateway.machine_type') gateway.machine_type = gw.machine_type;
    else if (f === 'metadata.gateway.instances') gateway.instances = gw.instances;
    else if (f === 'metadata.gateway.vm_image_name') image(gateway, gw.vm_image_name, false);
    else if (f === 'metadata.gateway.whitelist_ip_ranges') {
      if (Array.isArray(gw.whitelist_ip_ranges) && gw.whitelist_ip_ranges.length)
        gateway.whitelist_ip_ranges = gw.whitelist_ip_ranges;
      else delete gateway.whitelist_ip_ranges;
    } else if (f === 'metadata.runner.vm_image_name') image(runner, run.vm_image_name, false);
    else if ((f === 'metadata.runner.region' || f === 'metadata.runner.zone') && !('vm_image' in runner))
      runner[f.slice('metadata.runner.'.length)] = run[f.slice('metadata.runner.'.length)];
    else if (f === 'metadata.delegate_selectors')
      doc.delegateselectors = selectors(desired, doc.delegateselectors);
    else if (f.startsWith('metadata.region_configs.')) {
      const region = f.split('.')[2] as string;
      if (region in obj(md.region_configs)) regions[region] = regionEntry(desired, region);
      else delete regions[region];
    }
  }
  doc.gateway = gateway;
  doc.runner = runner;
  doc.region_configs = regions;
  return doc;
}

/** The setup YAML of a provider that does not exist yet, in the pinned generation's shape. */
export function predictNew(config: GitspacesConfig, desired: OpenapiCreateInfraProviderConfigRequest): Doc {
  const v003 = config.terraform.module.generation === 'v0.0.3';
  const md = obj(desired.metadata);
  const gw = obj(md.gateway);
  const run = obj(md.runner);
  const gateway: Doc = {
    instances: gw.instances,
    machine_type: gw.machine_type,
    vm_tags: ['gateway'],
  };
  image(gateway, gw.vm_image_name, v003);
  Object.assign(gateway, PLACEHOLDERS);
  if (Array.isArray(gw.whitelist_ip_ranges) && gw.whitelist_ip_ranges.length)
    gateway.whitelist_ip_ranges = gw.whitelist_ip_ranges;
  const runner: Doc = v003 ? {} : { region: run.region, zone: run.zone };
  image(runner, run.vm_image_name, v003);
  const regions: Doc = {};
  for (const r of Object.keys(obj(md.region_configs))) regions[r] = regionEntry(desired, r);
  return {
    name: desired.name,
    domain: md.domain,
    account_identifier: config.harness.account_id,
    infra_provider_config_identifier: desired.identifier,
    gitspace_vm_tags: ['gcp-gitspace'],
    project: { id: obj(md.project).id, service_account: `${desired.name}-sa` },
    delegateselectors: selectors(desired, undefined),
    gateway,
    runner,
    region_configs: regions,
  };
}

/** The predicted setup YAML text: the current one untouched when nothing changes. */
export async function predictSetupYaml(
  config: GitspacesConfig,
  desired: OpenapiCreateInfraProviderConfigRequest,
  current: string | undefined,
  changes: readonly FieldChange[],
): Promise<string> {
  const { parse, stringify } = await import('yaml');
  if (current && !changes.length) return current;
  if (current) return stringify(applyDiff(obj(parse(current)), desired, changes));
  return stringify(predictNew(config, desired));
}
