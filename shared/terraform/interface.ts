import { parse as parseYaml } from 'yaml';
import type { ModuleGeneration } from '../config/schema.js';
import { maskSecret } from '../inputs.js';
import type { Logger } from '../logger.js';

/**
 * The interface of harness/harness-gitspaces/gcp per generation, as docs/domain.md#the-terraform-module states it.
 * The root generator passes exactly these variables; the post-init check holds the downloaded module against them.
 */
export interface ModuleVariable {
  name: string;
  type: 'string' | 'bool';
  /** undefined: required (no default in the module). */
  default?: string | boolean;
}

const COMMON_VARIABLES: readonly ModuleVariable[] = [
  { name: 'service_account_key_file', type: 'string' },
  { name: 'infra_config_yaml_file', type: 'string' },
  { name: 'manage_dns_zone', type: 'bool' },
  { name: 'use_gcp_certificate_manager', type: 'bool', default: true },
  { name: 'private_key_path', type: 'string', default: '' },
  { name: 'certificate_path', type: 'string', default: '' },
];

export const MODULE_VARIABLES: Record<ModuleGeneration, readonly ModuleVariable[]> = {
  'v0.0.3': COMMON_VARIABLES,
  'post-0.0.3': [...COMMON_VARIABLES, { name: 'create_runner_vm', type: 'bool' }],
};

export const MODULE_OUTPUTS = [
  'vpc_network_id',
  'vpc_network_name',
  'managed_domain_zone',
  'alb_ips',
  'nlb_ips',
  'instance_yaml',
  'sub_networks',
] as const;

/** Infra Config YAML keys (dotted paths; `region_configs.*` for each region) the module reads, per generation. */
const COMMON_KEYS = [
  'name',
  'domain',
  'account_identifier',
  'infra_provider_config_identifier',
  'gitspace_vm_tags',
  'project.id',
  'project.service_account',
  'gateway.instances',
  'gateway.machine_type',
  'gateway.vm_tags',
  'gateway.shared_secret',
  'gateway.cde_manager_url',
  'gateway.version',
  'region_configs.*.region_name',
  'region_configs.*.default_subnet_ip_range',
  'region_configs.*.proxy_subnet_ip_range',
  'region_configs.*.certificates.contents.0.domain',
];

export const SETUP_YAML_KEYS: Record<ModuleGeneration, readonly string[]> = {
  'v0.0.3': [...COMMON_KEYS, 'gateway.vm_image.family', 'gateway.vm_image.project', 'runner.vm_image'],
  'post-0.0.3': [
    ...COMMON_KEYS,
    'gateway.vm_image_name',
    'runner.region',
    'runner.zone',
    'runner.vm_image_name',
  ],
};

export interface SetupYamlKeyCheck {
  /** Keys the pinned generation reads that the YAML lacks (plan would fail in yamldecode attribute access). */
  missing: string[];
  /** The generation the YAML's keys match, when it matches exactly one. */
  detected?: ModuleGeneration;
  /** Set when the YAML cannot be parsed or is not a mapping. */
  parseError?: string;
}

function has(doc: unknown, path: string[]): boolean[] {
  // Returns one boolean per expansion of `*` (each region).
  if (path.length === 0) return [doc !== undefined && doc !== null];
  const [head, ...rest] = path as [string, ...string[]];
  if (doc === null || typeof doc !== 'object') return [false];
  if (head === '*') {
    const values = Object.values(doc as Record<string, unknown>);
    return values.length ? values.flatMap((v) => has(v, rest)) : [false];
  }
  const next = Array.isArray(doc) ? doc[Number(head)] : (doc as Record<string, unknown>)[head];
  return has(next, rest);
}

function missingKeys(doc: unknown, generation: ModuleGeneration): string[] {
  return SETUP_YAML_KEYS[generation].filter((k) => !has(doc, k.split('.')).every(Boolean));
}

/** CFG-002: does the Infra Config YAML have every key the pinned module generation reads? */
export function checkSetupYamlKeys(yamlText: string, generation: ModuleGeneration): SetupYamlKeyCheck {
  let doc: unknown;
  try {
    doc = parseYaml(yamlText);
  } catch (e) {
    return { missing: [], parseError: e instanceof Error ? e.message.split('\n')[0] : String(e) };
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc))
    return { missing: [], parseError: 'the document is not a YAML mapping' };
  const fits = (['v0.0.3', 'post-0.0.3'] as const).filter((g) => missingKeys(doc, g).length === 0);
  return { missing: missingKeys(doc, generation), detected: fits.length === 1 ? fits[0] : undefined };
}

/** The human explanation of a key mismatch, for errors and check results. */
export function describeKeyMismatch(check: SetupYamlKeyCheck, generation: ModuleGeneration): string {
  const other =
    check.detected && check.detected !== generation
      ? ` The YAML looks like the ${check.detected} generation.`
      : '';
  return `The Infra Config YAML lacks ${check.missing.join(', ')}, which module generation ${generation} reads.${other}`;
}

/** Masks every secret-looking value of an Infra Config YAML (the gateway's shared_secret above all). */
export function maskSetupYaml(log: Logger, yamlText: string): string[] {
  const found: string[] = [];
  let doc: unknown;
  try {
    doc = parseYaml(yamlText);
  } catch {
    return found;
  }
  const walk = (v: unknown, key: string) => {
    if (typeof v === 'string' && /secret|token|password|private_key/i.test(key) && v) {
      maskSecret(log, v);
      found.push(v);
    } else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) walk(x, k);
  };
  walk(doc, '');
  return found;
}
