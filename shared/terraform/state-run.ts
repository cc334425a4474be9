import { isTransient } from '../retry.js';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigurationError, RemoteError } from '../errors.js';
import type { Logger } from '../logger.js';
import { CloudStorage, StateLock, stateBucketSettings } from '../gcp/storage.js';
import type { GcpRest } from '../gcp/rest.js';
import type { GitspacesConfig } from '../config/schema.js';
import { StateBackend, describeLock, forceUnlockCommand, stateBackend } from './backend.js';
import { generateRoot, writeRoot } from './root.js';
import { infraConfigDefaultPath, privateDirPath } from '../workspace.js';

/**
 * What a terraform run needs around the state: a private scratch directory outside the work tree for the plan
 * file (it holds every secret the plan does), `.terraform` removed from the work tree at the end (with the gcs
 * backend it holds the backend's settings in `.terraform/terraform.tfstate`; nothing should look like state
 * there), the state bucket created when asked, and a held lock explained before Terraform waits on it.
 *
 * Terraform's data directory stays `<working dir>/.terraform` during the run: moving it (TF_DATA_DIR) changes
 * `path.module` of a copied module with every run, and with it the plan's fingerprint.
 */

export interface TerraformScratch {
  /** Mode 0700, under RUNNER_TEMP (or the OS temp directory outside GitHub Actions). */
  dir: string;
  planFile: string;
  /** Also remove `path` at cleanup, and on SIGINT/SIGTERM/SIGHUP (e.g. the key copy the module reads). */
  track(path: string): void;
  cleanup(): void;
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** A scratch directory removed at cleanup or when the process is told to stop (the signal is then re-raised). */
export function createScratch(env: NodeJS.ProcessEnv, workdir: string): TerraformScratch {
  const base = env.RUNNER_TEMP ? resolve(env.RUNNER_TEMP) : tmpdir();
  mkdirSync(base, { recursive: true });
  const dir = mkdtempSync(join(base, 'gitspaces-tf-')); // mkdtemp creates it with mode 0700
  const tracked = [dir, join(workdir, '.terraform')];
  let done = false;
  const cleanup = () => {
    if (done) return;
    done = true;
    for (const s of SIGNALS) process.removeListener(s, onSignal);
    for (const p of tracked) rmSync(p, { recursive: true, force: true });
  };
  function onSignal(signal: NodeJS.Signals): void {
    cleanup();
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  }
  for (const s of SIGNALS) process.once(s, onSignal);
  return { dir, planFile: join(dir, 'plan.tfplan'), track: (p) => tracked.push(p), cleanup };
}

/**
 * The environment terraform runs with: the gcs backend's credentials (GOOGLE_BACKEND_CREDENTIALS, which the backend reads before GOOGLE_CREDENTIALS and ADC) set to the
 * key file the module reads, unless the caller set backend credentials or an access token already.
 */
export function terraformEnv(env: NodeJS.ProcessEnv, keyFile: string): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...env };
  if (!env.GOOGLE_BACKEND_CREDENTIALS && !env.GOOGLE_CREDENTIALS && !env.GOOGLE_OAUTH_ACCESS_TOKEN)
    out.GOOGLE_BACKEND_CREDENTIALS = keyFile;
  return out;
}

/** `<prefix>/<workspace>.tflock`, as the gcs backend names its lock object. */
export function lockObjectName(backend: StateBackend, workspace: string): string {
  const prefix = (backend.prefix ?? '').replace(/^\/+|\/+$/g, '');
  return prefix ? `${prefix}/${workspace}.tflock` : `${workspace}.tflock`;
}

export interface StateBucketRequest {
  backend: StateBackend;
  /** The create-state-bucket input (OR terraform.backend.create_bucket). */
  create: boolean;
  project: string;
  /** Where to create it (the first configured region). */
  location: string;
  rest: GcpRest;
  log: Logger;
}

/**
 * Creates a missing gcs state bucket when asked (versioned, uniform bucket-level access, public access
 * prevention enforced) and says so; a missing bucket otherwise is an error with the fix, before terraform init
 * fails on it less clearly. Returns a line for the summary, or undefined when nothing was done.
 */
export async function prepareStateBucket(req: StateBucketRequest): Promise<string | undefined> {
  const { backend } = req;
  if (backend.type !== 'gcs' || !backend.bucket) return undefined;
  const storage = new CloudStorage(req.rest);
  if (await storage.getBucket(backend.bucket)) return undefined;
  if (!(req.create || backend.createBucket))
    throw new ConfigurationError(
      'STATE_BUCKET_MISSING',
      `The Terraform state bucket gs://${backend.bucket} does not exist.`,
      'Set the input create-state-bucket: true (or terraform.backend.create_bucket: true) to create it with versioning, uniform bucket-level access and public access prevention; or create it yourself (see STATE-001 in docs/troubleshooting.md).',
    );
  await createBucketOnce(
    storage,
    req.project,
    stateBucketSettings(backend.bucket, req.location),
    backend.bucket,
  );
  const line = `Created the Terraform state bucket gs://${backend.bucket} in ${req.project} (${req.location}; versioning, uniform bucket-level access, public access prevention enforced).`;
  req.log.info(line);
  return line;
}

/**
 * buckets.insert is not idempotent (a replay of an applied create answers 409: the name is taken), so after a
 * transient failure (5xx, a dropped answer) the bucket is read back: there (the create was applied: done), or not
 * (not applied: created again, at most 3 times in all).
 */
async function createBucketOnce(
  storage: CloudStorage,
  project: string,
  settings: Record<string, unknown>,
  bucket: string,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await storage.insertBucket(project, settings);
      return;
    } catch (e) {
      const replayed = attempt > 1 && e instanceof RemoteError && e.status === 409;
      if (!(isTransient(e) || replayed) || attempt >= 3) throw e;
      if (await storage.getBucket(bucket)) return;
      if (replayed) throw e;
    }
  }
}

/** The lock on this state, if someone holds it (read before Terraform starts waiting on it). */
export async function readStateLock(
  rest: GcpRest,
  backend: StateBackend,
  workspace: string,
): Promise<StateLock | undefined> {
  if (backend.type !== 'gcs' || !backend.bucket) return undefined;
  return new CloudStorage(rest).readLock(backend.bucket, lockObjectName(backend, workspace));
}

/** What to tell the user about a held lock: who, since when, which run, and the exact force-unlock command. */
export function lockNotice(
  lock: StateLock,
  now: number,
  workingDirectory: string,
  lockTimeout: string,
): string {
  return (
    `The Terraform state is locked: ${describeLock(lock, now)}. Terraform waits up to ${lockTimeout} ` +
    `(terraform.lock_timeout) for it. If that run was killed, release the lock (the bundle never does unless asked): ` +
    `run again with the input force-unlock: ${lock.id}, or ${forceUnlockCommand(lock, workingDirectory)}`
  );
}

/**
 * For a job that did not apply (teardown on a fresh runner): with remote state, the root module can be written
 * again from the config alone, and Terraform finds everything it must destroy in the state. The key and the Infra
 * Config YAML it names are for the caller to put back. Returns whether a root was written.
 */
export function writeRootForRemoteState(
  dir: string,
  config: GitspacesConfig,
  env: NodeJS.ProcessEnv,
): boolean {
  if (stateBackend(config).type === 'local') return false;
  // The paths terraform-apply uses (RUNNER_TEMP is the same path in every job of a GitHub-hosted runner): the
  // state records them, and destroy-time provisioners read them from the state.
  const root = generateRoot({
    config,
    keyFile: join(
      env.RUNNER_TEMP ? privateDirPath(env, dir) : join(dir, '.gitspaces'),
      'gitspaces-sa-key.json',
    ),
    infraConfigFile: infraConfigDefaultPath(env, config.terraform.working_directory),
    env,
    workdir: dir,
  });
  writeRoot(dir, root);
  return true;
}

/** terraformEnv for a root already written: the key is the file its terraform.tfvars.json names. */
export function terraformEnvForRoot(env: NodeJS.ProcessEnv, dir: string): NodeJS.ProcessEnv {
  try {
    const vars = JSON.parse(readFileSync(join(dir, 'terraform.tfvars.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    const key = vars.service_account_key_file;
    return typeof key === 'string' && key ? terraformEnv(env, resolve(dir, key)) : { ...env };
  } catch {
    return { ...env };
  }
}
