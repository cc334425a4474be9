import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { ActionIO } from '../../shared/action.js';
import type { GitspacesConfig } from '../../shared/config/schema.js';
import { maskSecret } from '../../shared/inputs.js';
import type { TeardownTerraform } from '../../shared/teardown/steps.js';
import { TerraformCli } from '../../shared/terraform/cli.js';

/**
 * `terraform destroy` evaluates the module's variables again: the key file and the Infra Config YAML that
 * the apply named in terraform.tfvars.json must exist. A teardown in a later job (or after the apply removed
 * its key copy) writes them back from the credentials and from Harness, and removes what it wrote.
 */
function prepareVariableFiles(
  io: ActionIO,
  dir: string,
  keyJson: string,
  setupYaml: () => string | undefined,
): () => void {
  const written: string[] = [];
  const tfvarsPath = join(dir, 'terraform.tfvars.json');
  if (!existsSync(tfvarsPath)) return () => {};
  let vars: Record<string, unknown>;
  try {
    vars = JSON.parse(readFileSync(tfvarsPath, 'utf8')) as Record<string, unknown>;
  } catch {
    return () => {};
  }
  const put = (path: unknown, text: string | undefined, what: string) => {
    if (typeof path !== 'string' || !path || existsSync(resolve(dir, path))) return;
    if (!text) {
      io.log.warning(
        `${what} ${path} (named in terraform.tfvars.json) is missing and cannot be recreated; terraform destroy may fail.`,
      );
      return;
    }
    const full = resolve(dir, path);
    mkdirSync(dirname(full), { recursive: true, mode: 0o700 });
    writeFileSync(full, text, { mode: 0o600 });
    written.push(full);
  };
  let key = keyJson;
  if (key && !key.trim().startsWith('{') && existsSync(key)) key = readFileSync(key, 'utf8');
  if (!key && io.env.GOOGLE_APPLICATION_CREDENTIALS && existsSync(io.env.GOOGLE_APPLICATION_CREDENTIALS))
    key = readFileSync(io.env.GOOGLE_APPLICATION_CREDENTIALS, 'utf8');
  if (key) maskSecret(io.log, key);
  put(vars.service_account_key_file, key || undefined, 'The service-account key file');
  put(vars.infra_config_yaml_file, setupYaml(), 'The Infra Config YAML');
  return () => {
    for (const f of written) rmSync(f, { force: true });
  };
}

/** What teardown's terraform step works with: the CLI in the apply's root, or why there is nothing to destroy. */
export interface TeardownTerraformSetup {
  terraform?: TeardownTerraform;
  terraformMissing?: string;
  terraformInitialised: boolean;
}

/**
 * Terraform in the working directory the apply used; nothing there means nothing to destroy from here.
 * `setupYaml` is read lazily: destroy may need the Infra Config YAML written back from Harness.
 */
export function terraformForTeardown(
  io: ActionIO,
  config: GitspacesConfig,
  dir: string,
  keyJson: string,
  setupYaml: () => string | undefined,
): TeardownTerraformSetup {
  const hasConfig =
    existsSync(dir) && readdirSync(dir).some((f) => f.endsWith('.tf') || f.endsWith('.tf.json'));
  if (!hasConfig)
    return {
      terraformMissing: `no Terraform configuration in ${dir}: nothing to destroy from here (set working-directory, or run teardown where terraform-apply ran or with its remote backend)`,
      terraformInitialised: false,
    };
  const cli = new TerraformCli({
    binary: config.terraform.binary,
    cwd: dir,
    env: { ...process.env, ...io.env },
    log: io.log,
    lockTimeout: config.terraform.lock_timeout,
  });
  const backendConfig = config.terraform.backend
    ? Object.fromEntries(Object.entries(config.terraform.backend.config).map(([k, v]) => [k, String(v)]))
    : {};
  return {
    terraformInitialised: existsSync(join(dir, '.terraform')),
    terraform: {
      init: () => cli.init(backendConfig),
      exec: (args, opts) => cli.exec(args, opts),
      destroy: async () => {
        const cleanup = prepareVariableFiles(io, dir, keyJson, setupYaml);
        try {
          await cli.destroy();
        } finally {
          cleanup();
        }
      },
    },
  };
}
