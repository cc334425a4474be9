import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { GitspacesConfig, ModuleGeneration } from '../config/schema.js';
import { ConfigurationError } from '../errors.js';
import { StateBackend, backendWarnings, stateBackend } from './backend.js';
import { MODULE_OUTPUTS, MODULE_VARIABLES, checkSetupYamlKeys, describeKeyMismatch } from './interface.js';

/**
 * The root configuration that wraps harness/harness-gitspaces/gcp, generated as JSON (main.tf.json +
 * terraform.tfvars.json). Values only ever travel in terraform.tfvars.json, where Terraform takes strings
 * literally; main.tf.json refers to them as `${var.x}`, so a value holding quotes, `${`, newlines or
 * backslashes reaches the module unchanged (in main.tf.json the same string would be a template).
 *
 * Environment:
 * - GITSPACES_TF_MODULE_MIRROR: a directory holding one copy of the module per generation
 *   (`<mirror>/v0.0.3`, `<mirror>/post-0.0.3`). For air-gapped runners or a vetted mirror; it replaces the
 *   registry/git source (and its version). The sandbox points it at the stand-in module.
 * - GITSPACES_TF_PROVIDERS=none: leave out required_providers, for runners whose providers are pre-installed
 *   or served by a filesystem/network mirror configured in the CLI config (and for the sandbox, whose stand-in
 *   module needs no provider).
 */

export { STATE_BUCKET_SUFFIX, defaultStateBucket, defaultStatePrefix, stateBackend } from './backend.js';
export type { StateBackend } from './backend.js';

export const MODULE_NAME = 'gitspaces';
export const MIRROR_ENV = 'GITSPACES_TF_MODULE_MIRROR';
export const PROVIDERS_ENV = 'GITSPACES_TF_PROVIDERS';

export interface RootInputs {
  config: GitspacesConfig;
  /** Value of service_account_key_file: the key path as the module (and pool.yaml's json_path) sees it. */
  keyFile: string;
  /** Value of infra_config_yaml_file: the downloaded setup_yaml. */
  infraConfigFile: string;
  env: NodeJS.ProcessEnv;
  /**
   * The working directory terraform runs in. Files inside it are passed relative to it, so that the same config
   * planned from another checkout (another job, another machine) plans the same values as the state holds.
   */
  workdir?: string;
}

export interface GeneratedRoot {
  generation: ModuleGeneration;
  backend: StateBackend;
  /** Things the user should know about where the state lives (local state in GitHub Actions). */
  warnings: string[];
  source: string;
  version?: string;
  mainTf: Record<string, unknown>;
  tfvars: Record<string, string | boolean>;
}

/** `namespace/name/provider` (optionally `host/...`): a registry address, the only kind that takes `version`. */
export function isRegistrySource(source: string): boolean {
  if (
    source.startsWith('./') ||
    source.startsWith('../') ||
    isAbsolute(source) ||
    source.includes('::') ||
    source.includes('://')
  )
    return false;
  if (/^(github\.com|bitbucket\.org)\//.test(source)) return false;
  const parts = source.split('//')[0]!.split('/');
  return (parts.length === 3 || parts.length === 4) && parts.every((p) => /^[A-Za-z0-9._-]+$/.test(p));
}

export function moduleSource(
  config: GitspacesConfig,
  env: NodeJS.ProcessEnv,
): { source: string; version?: string } {
  const generation = config.terraform.module.generation;
  const mirror = env[MIRROR_ENV];
  if (mirror) return { source: `${resolve(mirror)}/${generation}` };
  const { source, version } = config.terraform.module;
  return isRegistrySource(source) && version ? { source, version } : { source };
}

/** The variable values for the pinned generation: every variable it declares, none it does not. */
export function moduleVariables(
  inputs: Pick<RootInputs, 'config' | 'keyFile' | 'infraConfigFile'>,
): Record<string, string | boolean> {
  const { config } = inputs;
  const tf = config.terraform;
  const files = tf.certificate.mode === 'files';
  const all: Record<string, string | boolean> = {
    service_account_key_file: inputs.keyFile,
    infra_config_yaml_file: inputs.infraConfigFile,
    manage_dns_zone: tf.manage_dns_zone,
    use_gcp_certificate_manager: !files,
    private_key_path: files ? (tf.certificate.private_key_path ?? '') : '',
    certificate_path: files ? (tf.certificate.certificate_path ?? '') : '',
    create_runner_vm: tf.create_runner_vm,
  };
  const out: Record<string, string | boolean> = {};
  for (const v of MODULE_VARIABLES[tf.module.generation]) out[v.name] = all[v.name] as string | boolean;
  return out;
}

/** `path` relative to `workdir` when it lies inside it (Terraform resolves relative paths against its working dir). */
export function workdirRelative(path: string, workdir?: string): string {
  if (!workdir || !isAbsolute(path)) return path;
  const rel = relative(resolve(workdir), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

export function generateRoot(inputs: RootInputs): GeneratedRoot {
  const { config, env } = inputs;
  const generation = config.terraform.module.generation;
  const { source, version } = moduleSource(config, env);
  const tfvars = moduleVariables({
    config,
    keyFile: workdirRelative(inputs.keyFile, inputs.workdir),
    infraConfigFile: workdirRelative(inputs.infraConfigFile, inputs.workdir),
  });
  const terraform: Record<string, unknown> = { required_version: '>= 1.3' };
  if ((env[PROVIDERS_ENV] ?? '').toLowerCase() !== 'none') {
    terraform.required_providers = {
      google: { source: 'hashicorp/google', version: '~> 6.1' },
      null: { source: 'hashicorp/null', version: '~> 3.2' },
    };
  }
  const backend = stateBackend(config);
  terraform.backend = { [backend.type]: { ...backend.config } };
  const variable: Record<string, unknown> = {};
  const moduleBlock: Record<string, unknown> = { source };
  if (version) moduleBlock.version = version;
  for (const v of MODULE_VARIABLES[generation]) {
    variable[v.name] = {
      type: v.type,
      ...(v.name === 'service_account_key_file'
        ? { description: 'Path of the service-account JSON key.' }
        : {}),
    };
    moduleBlock[v.name] = `\${var.${v.name}}`;
  }
  const output: Record<string, unknown> = {};
  for (const o of MODULE_OUTPUTS) output[o] = { value: `\${module.${MODULE_NAME}.${o}}` };
  const mainTf = {
    '//': `Generated by harness-gitspaces-actions for module generation ${generation}. Do not edit: change gitspaces.yaml.`,
    terraform,
    variable,
    module: { [MODULE_NAME]: moduleBlock },
    output,
  };
  return { generation, source, version, mainTf, tfvars, backend, warnings: backendWarnings(backend, env) };
}

export function writeRoot(dir: string, root: GeneratedRoot): { mainTfPath: string; tfvarsPath: string } {
  mkdirSync(dir, { recursive: true });
  const mainTfPath = join(dir, 'main.tf.json');
  const tfvarsPath = join(dir, 'terraform.tfvars.json');
  writeFileSync(mainTfPath, JSON.stringify(root.mainTf, null, 2) + '\n');
  writeFileSync(tfvarsPath, JSON.stringify(root.tfvars, null, 2) + '\n');
  return { mainTfPath, tfvarsPath };
}

export interface DeclaredVariable {
  name: string;
  type?: string;
  required: boolean;
}

type HclParser = { parseToObject(text: string): unknown };
let hcl: HclParser | undefined;

/**
 * hcl2-parser is 3.8 MB of GopherJS: it is loaded when a module is first checked, not when an action starts
 * (a plan with a missing input fails in milliseconds instead of after parsing it).
 */
export async function loadHclParser(): Promise<void> {
  hcl ??= ((await import('hcl2-parser')) as unknown as { default: HclParser }).default;
}

/** `[result, error]` from hcl2-parser as a value or a real error (call loadHclParser first). */
export function parseHcl(text: string, file: string): Record<string, unknown> {
  if (!hcl) throw new Error('parseHcl: call loadHclParser() first');
  const [result, err] = hcl.parseToObject(text) as [Record<string, unknown> | null, unknown];
  if (err && (typeof err !== 'object' || Object.keys(err as object).length > 0)) {
    throw new Error(`Cannot parse ${file}: ${typeof err === 'string' ? err : JSON.stringify(err)}`);
  }
  if (!result)
    throw new Error(
      `Cannot parse ${file}: it is not valid HCL (the parser gives no detail; \`terraform validate\` in that directory does)`,
    );
  return result;
}

/** The variables a module directory declares (every *.tf file; JSON-syntax *.tf.json too). */
export function declaredVariables(moduleDir: string): DeclaredVariable[] {
  const out: DeclaredVariable[] = [];
  for (const f of readdirSync(moduleDir).sort()) {
    let blocks: Record<string, unknown>;
    if (f.endsWith('.tf')) blocks = parseHcl(readFileSync(join(moduleDir, f), 'utf8'), join(moduleDir, f));
    else if (f.endsWith('.tf.json'))
      blocks = JSON.parse(readFileSync(join(moduleDir, f), 'utf8')) as Record<string, unknown>;
    else continue;
    const vars = (blocks.variable ?? {}) as Record<string, unknown>;
    for (const [name, raw] of Object.entries(vars)) {
      const body = (Array.isArray(raw) ? raw[0] : raw) as Record<string, unknown> | undefined;
      const type = typeof body?.type === 'string' ? body.type.replace(/^\$\{(.*)\}$/, '$1') : undefined;
      out.push({ name, type, required: !body || !('default' in body) });
    }
  }
  return out;
}

/** Where `terraform init` put the module (from .terraform/modules/modules.json). */
export function installedModuleDir(workdir: string, key = MODULE_NAME): string {
  const manifest = join(workdir, '.terraform', 'modules', 'modules.json');
  if (!existsSync(manifest)) throw new Error(`${manifest} is missing: run init first`);
  const parsed = JSON.parse(readFileSync(manifest, 'utf8')) as { Modules?: { Key: string; Dir: string }[] };
  const entry = parsed.Modules?.find((m) => m.Key === key);
  if (!entry) throw new Error(`module "${key}" is not in ${manifest}`);
  return resolve(workdir, entry.Dir);
}

const GENERATION_FIX =
  'Set terraform.module.generation (or pin terraform.module.version) to the interface the module source really has: ' +
  'v0.0.3 has no create_runner_vm and reads gateway.vm_image.{family,project}; post-0.0.3 requires create_runner_vm and reads ' +
  'gateway.vm_image_name and runner.{region,zone,vm_image_name}. Then run configure again so the Infra Config YAML matches.';

/**
 * After init, before plan: the module that was downloaded must declare what this generation passes, and the
 * Infra Config YAML must hold the keys it reads. Either mismatch would otherwise surface as an obscure
 * "Unsupported attribute" inside yamldecode or "No value for required variable".
 */
export async function checkInstalledModule(
  workdir: string,
  root: GeneratedRoot,
  setupYaml?: string,
): Promise<void> {
  await loadHclParser();
  const problems: string[] = [];
  const declared = declaredVariables(installedModuleDir(workdir));
  const names = new Set(declared.map((d) => d.name));
  for (const name of Object.keys(root.tfvars)) {
    if (!names.has(name))
      problems.push(
        `the module at ${root.source} declares no variable "${name}", which generation ${root.generation} passes`,
      );
  }
  for (const d of declared) {
    if (d.required && !(d.name in root.tfvars))
      problems.push(
        `the module at ${root.source} requires variable "${d.name}", which generation ${root.generation} does not pass`,
      );
  }
  if (setupYaml !== undefined) {
    const check = checkSetupYamlKeys(setupYaml, root.generation);
    if (check.parseError) problems.push(`the Infra Config YAML cannot be read: ${check.parseError}`);
    else if (check.missing.length) problems.push(describeKeyMismatch(check, root.generation));
  }
  if (problems.length) {
    throw new ConfigurationError(
      'MODULE_GENERATION_MISMATCH',
      `The Terraform module and the configuration disagree about the module generation (${root.generation}).`,
      GENERATION_FIX,
      problems,
    );
  }
}
