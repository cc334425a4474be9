import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ActionIO, ActionResult } from '../../shared/action.js';
import { loadConfig } from '../../shared/config/load.js';
import type { GitspacesConfig } from '../../shared/config/schema.js';
import { ConfigurationError } from '../../shared/errors.js';
import { maskSecret } from '../../shared/inputs.js';
import { maskSetupYaml } from '../../shared/terraform/interface.js';
import { planMarker, runUrlFromEnv } from '../../shared/terraform/plan-render.js';
import { checkInstalledModule, generateRoot, writeRoot } from '../../shared/terraform/root.js';
import { TerraformCli } from '../../shared/terraform/cli.js';
import {
  ApplyRun,
  KEY_FILE_NAME,
  MODES,
  TerraformApplyDeps,
  applyReviewedPlan,
  checkDrift,
  destroyStack,
  makePlan,
  planForReview,
} from './modes.js';

export { KEY_FILE_NAME, MODES, runnerPoolYaml } from './modes.js';
export type { Mode, PlanComments, TerraformApplyDeps } from './modes.js';

/** The key file the module reads, copied to a fixed path (and removed at the end when we made it). */
function prepareKeyFile(
  io: ActionIO,
  gcpCredentials: string,
  stableDir: string,
): { path: string; created: boolean; secrets: string[] } {
  let text = '';
  if (gcpCredentials) {
    text = gcpCredentials.trim().startsWith('{')
      ? gcpCredentials
      : existsSync(gcpCredentials)
        ? readFileSync(gcpCredentials, 'utf8')
        : '';
  } else if (io.env.GOOGLE_APPLICATION_CREDENTIALS && existsSync(io.env.GOOGLE_APPLICATION_CREDENTIALS)) {
    text = readFileSync(io.env.GOOGLE_APPLICATION_CREDENTIALS, 'utf8');
  }
  if (!text) {
    throw new ConfigurationError(
      'AUTH_MISSING',
      'No Google credentials for Terraform: the gcp-credentials input is empty and GOOGLE_APPLICATION_CREDENTIALS names no file.',
      'Pass a service-account JSON key in gcp-credentials (from a secret), or run google-github-actions/auth before this step.',
    );
  }
  maskSecret(io.log, text);
  const secrets: string[] = [];
  try {
    const pk = (JSON.parse(text) as { private_key?: string }).private_key;
    if (pk) {
      maskSecret(io.log, pk);
      secrets.push(pk);
    }
  } catch {
    /* the module will report an unreadable key */
  }
  mkdirSync(stableDir, { recursive: true, mode: 0o700 });
  const path = join(stableDir, KEY_FILE_NAME);
  writeFileSync(path, text, { mode: 0o600 });
  return { path, created: true, secrets };
}

/** The Infra Config YAML configure-infra wrote (the module's input); its secrets are masked at once. */
function readInfraConfig(io: ActionIO, path: string): { setupYaml: string; secrets: string[] } {
  if (!existsSync(path)) {
    throw new ConfigurationError(
      'INFRA_CONFIG_MISSING',
      `No Infra Config YAML at ${path}`,
      'Run configure-infra first and pass its `infra-config-path` output as `infra-config-path`.',
    );
  }
  const setupYaml = readFileSync(path, 'utf8');
  return { setupYaml, secrets: maskSetupYaml(io.log, setupYaml) };
}

/** What the inputs ask of this run, besides the secrets. */
interface ApplyInputs {
  mode: ApplyRun['mode'];
  binary: 'terraform' | 'tofu';
  rootDir: string;
  workdir: string;
  label: string;
  workspace: string;
  /** Where the key file lives across jobs (RUNNER_TEMP), so plan and apply plan the same path. */
  stableDir: string;
  infraConfigPath: string;
  runGates: boolean;
  comment: boolean;
  reviewedPlanFile: string;
}

function readApplyInputs(io: ActionIO, config: GitspacesConfig, mode: ApplyRun['mode']): ApplyInputs {
  const inp = io.inputs;
  const rootDir = inp.optional('working-directory', config.terraform.working_directory);
  const workdir = resolve(rootDir);
  return {
    mode,
    binary: inp.oneOf('binary', ['terraform', 'tofu'] as const, config.terraform.binary),
    rootDir,
    workdir,
    label: inp.optional('label', ''),
    workspace: io.env.TF_WORKSPACE || 'default',
    stableDir: io.env.RUNNER_TEMP ? resolve(io.env.RUNNER_TEMP) : join(workdir, '.gitspaces'),
    infraConfigPath: resolve(
      inp.optional('infra-config-path') ||
        join(io.env.RUNNER_TEMP || config.terraform.working_directory, 'gitspaces-infra-config.yaml'),
    ),
    runGates: inp.boolean('gates', true),
    comment: inp.boolean('comment', true),
    reviewedPlanFile: inp.optional('plan-file'),
  };
}

/** The run's shared state: the terraform CLI in the root, the plan comment's identity, outputs and phase. */
function newApplyRun(
  io: ActionIO,
  deps: TerraformApplyDeps,
  config: GitspacesConfig,
  i: ApplyInputs,
  given: {
    githubToken: string;
    gcpCredentials: string;
    setupYaml: string;
    secrets: string[];
    startedAt: number;
  },
): ApplyRun {
  const terraform = new TerraformCli({
    binary: i.binary,
    cwd: i.workdir,
    env: io.env,
    log: io.log,
    lockTimeout: config.terraform.lock_timeout,
  });
  const outputs: Record<string, string> = {};
  const target = { root: i.rootDir, workspace: i.workspace, label: i.label };
  const { mode } = i;
  return {
    io,
    deps,
    config,
    ...i,
    ...given,
    terraform,
    planFile: join(i.workdir, 'plan.tfplan'),
    target,
    marker: planMarker(target),
    runUrl: runUrlFromEnv(io.env),
    outputs,
    setOutput: (k, v) => {
      outputs[k] = v;
      io.setOutput(k, v);
    },
    phase: (status, summary, extra = {}) => ({
      name: mode === 'plan' ? 'plan' : mode === 'drift' ? 'drift' : mode === 'destroy' ? 'destroy' : 'apply',
      status,
      startedAt: given.startedAt,
      durationMs: io.clock.now() - given.startedAt,
      summary,
      ...extra,
    }),
  };
}

export async function main(io: ActionIO, deps: TerraformApplyDeps = {}): Promise<ActionResult> {
  const startedAt = io.clock.now();
  const inp = io.inputs;
  const gcpCredentials = inp.secret('gcp-credentials');
  const githubToken = inp.secret('github-token') || io.env.GITHUB_TOKEN || '';
  if (githubToken) io.log.mask(githubToken);
  inp.secret('harness-api-key');
  const mode = inp.oneOf('mode', MODES, 'plan');
  const config = deps.config ?? (await loadConfig(inp.optional('config', 'gitspaces.yaml')));
  const i = readApplyInputs(io, config, mode);

  const { setupYaml, secrets } = readInfraConfig(io, i.infraConfigPath);
  const key = prepareKeyFile(io, gcpCredentials, i.stableDir);
  secrets.push(...key.secrets);
  const run = newApplyRun(io, deps, config, i, {
    githubToken,
    gcpCredentials,
    setupYaml,
    secrets,
    startedAt,
  });
  const { workdir } = i;
  try {
    const root = generateRoot({ config, keyFile: key.path, infraConfigFile: i.infraConfigPath, env: io.env });
    writeRoot(workdir, root);
    io.log.info(
      `Module ${root.source}${root.version ? ` ${root.version}` : ''} (generation ${root.generation}); root ${i.rootDir}`,
    );
    await io.log.group(`${i.binary} init`, () => run.terraform.init());
    await checkInstalledModule(workdir, root, setupYaml);

    if (mode === 'destroy') return await destroyStack(run);
    if (mode === 'drift') return await checkDrift(run);
    const plan = await makePlan(run);
    return mode === 'plan' ? await planForReview(run, plan) : await applyReviewedPlan(run, plan);
  } finally {
    // Plan files and the key copy hold secrets: nothing of them stays behind or gets uploaded.
    rmSync(run.planFile, { force: true });
    if (key.created) rmSync(key.path, { force: true });
    if (existsSync(join(workdir, '.gitspaces')) && !io.env.RUNNER_TEMP)
      rmSync(join(workdir, '.gitspaces'), { recursive: true, force: true });
  }
}
