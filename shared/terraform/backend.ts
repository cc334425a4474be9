import type { GitspacesConfig } from '../config/schema.js';
import type { StateLock } from '../gcp/storage.js';

/**
 * Where Terraform keeps the state. A GitHub Actions job starts on a fresh runner, so state kept in the work tree
 * is gone when the job ends: the next job would plan to create everything again. With no `terraform.backend`
 * (or `backend: {type: gcs}` without a bucket), the root uses the `gcs` backend in a bucket of the project:
 *
 * - bucket `<gcp.project_id>-gitspaces-tfstate` (STATE_BUCKET_SUFFIX);
 * - prefix `gitspaces/<infrastructure.identifier>`, so that several infrastructures can share the bucket; the
 *   backend stores `<prefix>/<workspace>.tfstate` and locks with `<prefix>/<workspace>.tflock`.
 *
 * `backend: {type: local}` opts out (a warning in GitHub Actions); any other backend type is passed through with
 * its `config` as written.
 */
export const STATE_BUCKET_SUFFIX = '-gitspaces-tfstate';

export interface StateBackend {
  type: string;
  config: Record<string, string | number | boolean>;
  /** For gcs: the bucket and prefix in effect, and whether the bucket is the derived default. */
  bucket?: string;
  prefix?: string;
  derivedBucket?: boolean;
  /** Create a missing gcs bucket before init (terraform.backend.create_bucket or the create-state-bucket input). */
  createBucket: boolean;
}

export function defaultStateBucket(projectId: string): string {
  return `${projectId}${STATE_BUCKET_SUFFIX}`;
}

export function defaultStatePrefix(identifier: string): string {
  return `gitspaces/${identifier}`;
}

export function stateBackend(config: GitspacesConfig): StateBackend {
  const b = config.terraform.backend ?? { type: 'gcs', config: {}, create_bucket: false };
  if (b.type !== 'gcs') return { type: b.type, config: { ...b.config }, createBucket: false };
  const bucket = typeof b.config.bucket === 'string' && b.config.bucket ? b.config.bucket : undefined;
  const prefix = typeof b.config.prefix === 'string' ? b.config.prefix : undefined;
  const effective = {
    bucket: bucket ?? defaultStateBucket(config.gcp.project_id),
    prefix: prefix ?? defaultStatePrefix(config.infrastructure.identifier),
  };
  return {
    type: 'gcs',
    config: { ...b.config, ...effective },
    ...effective,
    derivedBucket: bucket === undefined,
    createBucket: b.create_bucket,
  };
}

/** Local state in GitHub Actions is lost with the runner: say so, and how to fix it. */
export function backendWarnings(backend: StateBackend, env: NodeJS.ProcessEnv): string[] {
  if (backend.type !== 'local' || env.GITHUB_ACTIONS !== 'true') return [];
  return [
    'terraform.backend.type is local: the Terraform state stays on this runner and is lost when the job ends, so ' +
      'the next job plans to create everything again (and drift and teardown see nothing). Fix: remove ' +
      'terraform.backend to keep the state in gs://<project_id>-gitspaces-tfstate (created with ' +
      'create-state-bucket: true), or set another remote backend.',
  ];
}

/** `terraform force-unlock` as the user should type it (never run by the product). */
export function forceUnlockCommand(lock: StateLock, workingDirectory?: string): string {
  return `terraform${workingDirectory ? ` -chdir=${workingDirectory}` : ''} force-unlock ${lock.id}`;
}

/** A sentence on who holds a state lock, since when, doing what. */
export function describeLock(lock: StateLock, now: number): string {
  const since = lock.created ? Date.parse(lock.created) : NaN;
  const age = Number.isFinite(since) ? ` (${Math.max(0, Math.round((now - since) / 60_000))} min ago)` : '';
  const info = lock.info ? `, run ${lock.info}` : '';
  return `held by ${lock.who ?? 'unknown'} for \`${lock.operation ?? 'an operation'}\` since ${lock.created ?? 'an unknown time'}${age}${info}, lock ID ${lock.id}`;
}
