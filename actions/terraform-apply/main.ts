import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ActionIO, ActionResult } from '../../shared/action.js';
import { loadConfig } from '../../shared/config/load.js';
import type { GitspacesConfig } from '../../shared/config/schema.js';
import { ConfigurationError, isConfigurationError } from '../../shared/errors.js';
import { maskSecret } from '../../shared/inputs.js';
import {
  ensurePrivateDir,
  infraConfigDefaultPath,
  privateDirPath,
  resolveInWorkspace,
} from '../../shared/workspace.js';
import { planMarker, runUrlFromEnv } from '../../shared/terraform/plan-render.js';
import { TerraformCli } from '../../shared/terraform/cli.js';
import { createGcp, jsonKeyForP12 } from '../../shared/gcp/index.js';
import type { GeneratedRoot } from '../../shared/terraform/root.js';
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
  pushedPullRequest,
} from './modes.js';
import { IMPORTS_FILE, releaseLockIfAsked, writeImports } from './recover.js';
import type { StateLock } from '../../shared/gcp/storage.js';

export { KEY_FILE_NAME, MODES, runnerPoolYaml } from './modes.js';
export type { Mode, PlanComments, TerraformApplyDeps } from './modes.js';

/**
 * The key file the module reads, copied to a fixed path (and removed at the end when we made it). A key converted
 * from P12 goes into its own directory (mode 0700) under the same fixed place, so plan and apply name one path.
 */
function prepareKeyFile(
  io: ActionIO,
  gcpCredentials: string,
  stableDir: string,
  fromP12 = false,
): { path: string; dir?: string; created: boolean; secrets: string[] } {
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
  // A private directory (0700, this user's, not a symbolic link): the key is mode 0600 inside it; a key converted
  // from P12 goes into a private directory of its own there.
  ensurePrivateDir(stableDir);
  const dir = fromP12 ? join(stableDir, 'gitspaces-p12-key') : undefined;
  if (dir) ensurePrivateDir(dir);
  const path = join(dir ?? stableDir, KEY_FILE_NAME);
  writeFileSync(path, text, { mode: 0o600 });
  return { path, dir, created: true, secrets };
}

/** The Infra Config YAML configure-infra wrote (the module's input); its secrets are masked at once. */
async function readInfraConfig(
  io: ActionIO,
  path: string,
): Promise<{ setupYaml: string; secrets: string[] }> {
  if (!existsSync(path)) {
    throw new ConfigurationError(
      'INFRA_CONFIG_MISSING',
      `No Infra Config YAML at ${path}`,
      'Run configure-infra first and pass its `infra-config-path` output as `infra-config-path`.',
    );
  }
  const setupYaml = readFileSync(path, 'utf8');
  const { maskSetupYaml } = await import('../../shared/terraform/interface.js');
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
  const given = inp.optional('working-directory');
  const rootDir = given || config.terraform.working_directory;
  // Relative to the workspace (GITHUB_WORKSPACE on a runner); absolute, `~` and `..` are refused as in the config.
  const workdir = resolveInWorkspace(
    rootDir,
    io.env,
    given ? 'The working-directory input' : 'terraform.working_directory',
  );
  return {
    mode,
    binary: inp.oneOf('binary', ['terraform', 'tofu'] as const, config.terraform.binary),
    rootDir,
    workdir,
    label: inp.optional('label', ''),
    workspace: io.env.TF_WORKSPACE || 'default',
    stableDir: io.env.RUNNER_TEMP ? privateDirPath(io.env, workdir) : join(workdir, '.gitspaces'),
    infraConfigPath: resolve(
      inp.optional('infra-config-path') || infraConfigDefaultPath(io.env, config.terraform.working_directory),
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
  i: ApplyInputs & { pushedPr?: number },
  given: {
    githubToken: string;
    gcpCredentials: string;
    setupYaml: string;
    secrets: string[];
    startedAt: number;
    planFile: string;
    terraformEnv: NodeJS.ProcessEnv;
  },
): ApplyRun {
  const terraform = new TerraformCli({
    binary: i.binary,
    cwd: i.workdir,
    env: given.terraformEnv,
    log: io.log,
    lockTimeout: config.terraform.lock_timeout,
    secrets: given.secrets,
    lockFree: i.mode === 'preview',
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
    planFile: given.planFile,
    target,
    marker: planMarker(target),
    runUrl: runUrlFromEnv(io.env),
    outputs,
    setOutput: (k, v) => {
      outputs[k] = v;
      io.setOutput(k, v);
    },
    phase: (status, summary, extra = {}) => ({
      name:
        mode === 'plan' || mode === 'preview'
          ? 'plan'
          : mode === 'drift'
            ? 'drift'
            : mode === 'destroy'
              ? 'destroy'
              : 'apply',
      status,
      startedAt: given.startedAt,
      durationMs: io.clock.now() - given.startedAt,
      summary,
      ...extra,
    }),
  };
}

/**
 * Before init: say where the state lives (and warn about local state in GitHub Actions), create a missing state
 * bucket when create-state-bucket asks (said in the summary), and explain a held lock before Terraform waits on it.
 */
async function prepareState(
  io: ActionIO,
  p: {
    root: GeneratedRoot;
    config: GitspacesConfig;
    gcpCredentials: string;
    rootDir: string;
    workspace: string;
    forceUnlock: string;
  },
): Promise<StateLock | undefined> {
  const { backend } = p.root;
  for (const w of p.root.warnings) io.log.warning(w);
  if (backend.type !== 'gcs') return undefined;
  const { lockNotice, prepareStateBucket, readStateLock } =
    await import('../../shared/terraform/state-run.js');
  io.log.info(`Terraform state: gs://${backend.bucket}/${backend.prefix} (gcs backend)`);
  const gcp = createGcp({ keyJson: p.gcpCredentials, env: io.env, log: io.log, clock: io.clock });
  try {
    // The lock is read alongside the bucket check (one round trip, not two): in a bucket that is missing, or
    // created just now, there is no lock, and the read says so.
    const [created, lock] = await Promise.all([
      prepareStateBucket({
        backend,
        create: io.inputs.boolean('create-state-bucket', false),
        project: p.config.gcp.project_id,
        location: Object.keys(p.config.infrastructure.regions)[0] ?? 'US',
        rest: gcp.rest,
        log: io.log,
      }),
      readStateLock(gcp.rest, backend, p.workspace),
    ]);
    if (created) await io.appendSummary(`## Gitspaces: Terraform state\n\n${created}\n`);
    if (lock && lock.id !== p.forceUnlock)
      io.log.warning(lockNotice(lock, io.clock.now(), p.rootDir, p.config.terraform.lock_timeout));
    return lock;
  } finally {
    await gcp.close().catch(() => undefined);
  }
}

/** A failed terraform command in the job summary, with Terraform's own `Error:` blocks (secrets already masked). */
async function summariseTerraformFailure(io: ActionIO, e: unknown): Promise<void> {
  if (!isConfigurationError(e) || (e as ConfigurationError).code !== 'TERRAFORM_FAILED') return;
  const ce = e as ConfigurationError;
  const fence = '```';
  const quoted = ce.details.join('\n').split(fence).join("'''");
  const title = ce.message.split(' failed')[0] ?? 'terraform';
  await io.appendSummary(
    `## Gitspaces: ${title} failed\n\n${quoted ? `${fence}\n${quoted}\n${fence}\n\n` : ''}**Fix:** ${ce.fix}\n`,
  );
}

export async function main(io: ActionIO, deps: TerraformApplyDeps = {}): Promise<ActionResult> {
  const startedAt = io.clock.now();
  const inp = io.inputs;
  const givenCredentials = inp.secret('gcp-credentials');
  const githubToken = inp.secret('github-token') || io.env.GITHUB_TOKEN || '';
  if (githubToken) io.log.mask(githubToken);
  inp.secret('harness-api-key');
  const mode = inp.oneOf('mode', MODES, 'plan');
  const config = deps.config ?? (await loadConfig(inp.optional('config', 'gitspaces.yaml')));
  const i = readApplyInputs(io, config, mode);
  // apply on a push: the reviewed pull request is found before anything runs (a plan takes a state lock).
  const pushedPr = mode === 'apply' ? await pushedPullRequest(io, githubToken) : undefined;
  // Loaded once the config was read: a run that stops on its inputs never loads yaml or the root generator.
  const [{ checkInstalledModule, generateRoot, writeRoot }, { createScratch, terraformEnv }] =
    await Promise.all([
      import('../../shared/terraform/root.js'),
      import('../../shared/terraform/state-run.js'),
    ]);

  // preview: a module outside the allow-list is never initialised (init and plan would run its code).
  const { modulePin, previewBackend, previewPlan, refuseModule } = await import('./preview.js');
  if (mode === 'preview') {
    const pin = modulePin(config, inp.list('allowed-module-sources'));
    if (pin.refused) refuseModule(pin);
  }
  const { setupYaml, secrets } = await readInfraConfig(io, i.infraConfigPath);
  // A P12 key becomes the equivalent JSON key (in memory) for every client and for Terraform.
  const fromP12 = await jsonKeyForP12({
    keyJson: givenCredentials,
    env: io.env,
    log: io.log,
    clock: io.clock,
    serviceAccountEmail: inp.optional('gcp-service-account-email') || config.gcp.service_account_email,
  });
  const gcpCredentials = fromP12 ?? givenCredentials;
  // The plan file lives outside the work tree; it, .terraform and the key copy go at the end or on a signal
  // (the handlers are in place before the key is written).
  const scratch = createScratch(io.env, i.workdir);
  let key: ReturnType<typeof prepareKeyFile>;
  try {
    key = prepareKeyFile(io, gcpCredentials, i.stableDir, fromP12 !== undefined);
  } catch (e) {
    scratch.cleanup();
    throw e;
  }
  scratch.track(key.dir ?? key.path);
  secrets.push(...key.secrets);
  const run = newApplyRun(
    io,
    deps,
    config,
    { ...i, pushedPr },
    {
      githubToken,
      gcpCredentials,
      setupYaml,
      secrets,
      startedAt,
      planFile: scratch.planFile,
      terraformEnv: terraformEnv(io.env, key.path),
    },
  );
  const { workdir } = i;
  try {
    const root = generateRoot({
      config,
      keyFile: key.path,
      infraConfigFile: i.infraConfigPath,
      env: io.env,
      workdir,
    });
    const stateNote =
      mode === 'preview'
        ? await previewBackend(io, root, { gcpCredentials, workspace: i.workspace, scratchDir: scratch.dir })
        : '';
    writeRoot(workdir, root);
    io.log.info(
      `Module ${root.source}${root.version ? ` ${root.version}` : ''} (generation ${root.generation}); root ${i.rootDir}`,
    );
    if (mode === 'preview') io.log.info(`Preview: ${stateNote}`);
    const forceUnlock = mode === 'preview' ? '' : inp.optional('force-unlock');
    const importExisting = mode !== 'preview' && inp.boolean('import-existing', false);
    const lock =
      mode === 'preview'
        ? undefined
        : await prepareState(io, {
            root,
            config,
            gcpCredentials,
            rootDir: i.rootDir,
            workspace: i.workspace,
            forceUnlock,
          });
    await io.log.group(`${i.binary} init`, () => run.terraform.init());
    await checkInstalledModule(workdir, root, setupYaml);
    const released = await releaseLockIfAsked(
      io,
      run.terraform,
      forceUnlock,
      lock,
      root.backend.type === 'gcs',
    );
    if (released) await io.appendSummary(`## Gitspaces: Terraform state\n\n${released}\n`);
    if (importExisting && (mode === 'plan' || mode === 'apply')) {
      scratch.track(join(workdir, IMPORTS_FILE));
      await writeImports(io, { config, terraform: run.terraform, workdir, gcpCredentials });
    }

    if (mode === 'destroy') return await destroyStack(run);
    if (mode === 'drift') return await checkDrift(run);
    const plan = await makePlan(run);
    if (mode === 'preview') return await previewPlan(run, plan, plan.plan, stateNote);
    return mode === 'plan' ? await planForReview(run, plan) : await applyReviewedPlan(run, plan);
  } catch (e) {
    await summariseTerraformFailure(io, e);
    throw e;
  } finally {
    // Plan files and the key copy hold secrets: nothing of them stays behind or gets uploaded.
    scratch.cleanup();
    if (key.created) rmSync(key.path, { force: true });
    if (existsSync(join(workdir, '.gitspaces')) && !io.env.RUNNER_TEMP)
      rmSync(join(workdir, '.gitspaces'), { recursive: true, force: true });
  }
}
