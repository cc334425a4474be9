import type { GitspacesConfig } from '../../shared/config/schema.js';
import { ConfigurationError, errorMessage } from '../../shared/errors.js';
import type { Logger } from '../../shared/logger.js';
import { isTransient } from '../../shared/retry.js';
import type {
  OpenapiCreateInfraProviderConfigRequest,
  TypesInfraProviderConfig,
} from '../../shared/harness/types.js';

/** What configure needs from Harness (HarnessClient has it; tests may pass anything shaped alike). */
export interface InfraProviderApi {
  getInfraProvider(id: string): Promise<TypesInfraProviderConfig | undefined>;
  createInfraProvider(body: OpenapiCreateInfraProviderConfigRequest): Promise<TypesInfraProviderConfig>;
  updateInfraProvider(
    id: string,
    body: OpenapiCreateInfraProviderConfigRequest,
  ): Promise<TypesInfraProviderConfig>;
}

/** The region domain the UI builds: subdomain prefix + "." + root domain. */
export function regionDomain(config: GitspacesConfig, region: string): string {
  const sub = config.infrastructure.regions[region]?.subdomain ?? '';
  return sub ? `${sub}.${config.infrastructure.domain}` : config.infrastructure.domain;
}

/** The create/update body, as the UI's "Configure GCP" form sends it (docs/domain.md#the-infrastructure-provider; HUI GcpInfraDetails.tsx). */
export function infraProviderRequest(config: GitspacesConfig): OpenapiCreateInfraProviderConfigRequest {
  const infra = config.infrastructure;
  const gateway: Record<string, unknown> = {
    machine_type: infra.gateway.machine_type,
    instances: infra.gateway.instances,
  };
  if (infra.gateway.vm_image_name) gateway.vm_image_name = infra.gateway.vm_image_name;
  // No whitelist_ip_ranges: the UI's form has no such field and sends none, and what the closed-source server does
  // with one is not documented. configure-infra writes it into the downloaded Infra Config YAML instead, the file
  // the module reads it from (shared/checks/infra-yaml.ts).
  const runner: Record<string, unknown> = { region: infra.runner.region, zone: infra.runner.zone };
  if (infra.runner.vm_image_name) runner.vm_image_name = infra.runner.vm_image_name;
  const region_configs: Record<string, unknown> = {};
  for (const [region, rc] of Object.entries(infra.regions)) {
    region_configs[region] = {
      region_name: region,
      default_subnet_ip_range: rc.default_subnet_ip_range,
      proxy_subnet_ip_range: rc.proxy_subnet_ip_range,
      certificates: { contents: [{ domain: regionDomain(config, region) }] },
    };
  }
  return {
    identifier: infra.identifier,
    name: infra.name,
    space_ref: '',
    type: 'hybrid_vm_gcp',
    metadata: {
      domain: infra.domain,
      runner,
      delegate_selectors: (config.delegate?.tags ?? []).map((selector) => ({ selector })),
      name: infra.identifier,
      region_configs,
      project: { id: config.gcp.project_id },
      gateway,
    },
  };
}

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

/** Fields the API will not change after creation (the UI disables them in edit mode). */
export const IMMUTABLE_FIELDS = ['metadata.project.id', 'metadata.domain', 'type'] as const;

function leaves(value: unknown, prefix: string, out: Map<string, unknown>): void {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) out.set(prefix, value);
    for (const [k, v] of entries) leaves(v, prefix ? `${prefix}.${k}` : k, out);
  } else out.set(prefix, value);
}

function get(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (!cur || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/**
 * What differs between the infra provider Harness has and the one the config describes. Only the fields the
 * config sets are compared (the server adds its own, such as defaults); a region removed from the config counts too.
 */
export function diffInfraProvider(
  existing: TypesInfraProviderConfig,
  desired: OpenapiCreateInfraProviderConfigRequest,
): FieldChange[] {
  const want = new Map<string, unknown>();
  leaves({ name: desired.name, type: desired.type, metadata: desired.metadata }, '', want);
  const changes: FieldChange[] = [];
  for (const [field, to] of want) {
    const from = get(existing, field);
    if (JSON.stringify(from) !== JSON.stringify(to)) changes.push({ field, from, to });
  }
  const haveRegions = Object.keys(
    (get(existing, 'metadata.region_configs') as Record<string, unknown> | undefined) ?? {},
  );
  const wantRegions = Object.keys(
    (get(desired, 'metadata.region_configs') as Record<string, unknown> | undefined) ?? {},
  );
  for (const r of haveRegions)
    if (!wantRegions.includes(r))
      changes.push({
        field: `metadata.region_configs.${r}`,
        from: get(existing, `metadata.region_configs.${r}`),
        to: undefined,
      });
  return changes;
}

/** An edit the API would refuse (or silently ignore) becomes an error that says what to do. */
export function assertMutable(identifier: string, changes: readonly FieldChange[]): void {
  const immutable = changes.filter((c) => (IMMUTABLE_FIELDS as readonly string[]).includes(c.field));
  if (!immutable.length) return;
  const configKey: Record<string, string> = {
    'metadata.project.id': 'gcp.project_id',
    'metadata.domain': 'infrastructure.domain',
    type: '(type)',
  };
  throw new ConfigurationError(
    'INFRA_IMMUTABLE_FIELD',
    `The infra provider ${identifier} exists with ${immutable.map((c) => `${c.field} = ${JSON.stringify(c.from)}`).join(', ')}, and Harness does not change ${immutable.length > 1 ? 'these fields' : 'this field'} after creation.`,
    `Either set ${immutable.map((c) => `${configKey[c.field]} back to ${JSON.stringify(c.from)}`).join(' and ')} in gitspaces.yaml, or create a new infrastructure: ` +
      'choose a new infrastructure.identifier (the old one must be torn down with the teardown action, or deleted under Account Settings > Gitspace Infrastructure, after its Terraform stack is destroyed).',
    immutable.map(
      (c) =>
        `${c.field}: Harness has ${JSON.stringify(c.from)}, gitspaces.yaml wants ${JSON.stringify(c.to)}`,
    ),
  );
}

/**
 * The create POST is not sent again blindly: after a transient failure (5xx, a dropped answer) it may have been
 * applied, and Harness refuses a second provider with the same identifier. So the provider is read back by its
 * identifier: there (applied: done) or not (not applied: created again, at most 3 times in all).
 */
export async function createInfraProviderOnce(
  harness: InfraProviderApi,
  identifier: string,
  desired: Parameters<InfraProviderApi['createInfraProvider']>[0],
  log: Logger,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await harness.createInfraProvider(desired);
      return;
    } catch (e) {
      if (!isTransient(e) || attempt >= 3) throw e;
      if (await harness.getInfraProvider(identifier)) {
        log.info(`The create of ${identifier} answered "${errorMessage(e)}", but it was applied`);
        return;
      }
      log.info(
        `The create of ${identifier} answered "${errorMessage(e)}" and was not applied; creating it again`,
      );
    }
  }
}
