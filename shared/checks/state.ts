import { RemoteError } from '../errors.js';
import { CloudStorage, StorageBucket } from '../gcp/storage.js';
import { StateBackend, describeLock, forceUnlockCommand, stateBackend } from '../terraform/backend.js';
import { STATE_006 } from './collisions.js';
import { requireGcp } from './gcp-access.js';
import { CheckDef, PreflightContext, SkipCheck, error, list, needConfig, ok, warn } from './types.js';

/**
 * STATE-001..005: the bucket that keeps the Terraform state between jobs (the gcs backend, the default). The
 * preflight only reads: a missing bucket is created by terraform-apply when `create-state-bucket` (or
 * `terraform.backend.create_bucket`) asks for it.
 */

/** What the backend needs on objects: read and list to plan; create and delete to write state and to lock. */
export const STATE_OBJECT_PERMISSIONS = [
  'storage.objects.get',
  'storage.objects.list',
  'storage.objects.create',
  'storage.objects.delete',
] as const;
const READ_ONLY = ['storage.objects.get', 'storage.objects.list'];

interface StateTarget {
  backend: StateBackend & { bucket: string; prefix: string };
  storage: CloudStorage;
  project: string;
}

/** The gcs backend and a storage client, or a skip saying why the bucket is not ours to check. */
async function target(ctx: PreflightContext): Promise<StateTarget> {
  const config = needConfig(ctx);
  const backend = stateBackend(config);
  if (backend.type !== 'gcs' || !backend.bucket || backend.prefix === undefined)
    throw new SkipCheck(
      `terraform.backend.type is ${backend.type}: the state is not in a Cloud Storage bucket this check can look at`,
    );
  const { gcp, project } = await requireGcp(ctx);
  return {
    backend: backend as StateTarget['backend'],
    storage: new CloudStorage(gcp.rest),
    project,
  };
}

type BucketLook =
  | { kind: 'found'; bucket: StorageBucket; projectNumber: string }
  | { kind: 'missing' }
  | { kind: 'denied'; message: string };

/** One buckets.get (and the project's number) shared by STATE-001..005. */
function lookAtBucket(ctx: PreflightContext, t: StateTarget): Promise<BucketLook> {
  return ctx.once('state-bucket', async () => {
    if (!ctx.gcp.ok) throw new SkipCheck('no usable Google credentials');
    // The project's number and the bucket read at once (one round trip); the project's failure comes first.
    const bucketRead = t.storage.getBucket(t.backend.bucket);
    bucketRead.catch(() => undefined);
    const projectNumber = (await ctx.gcp.gcp.resourceManager.getProject(t.project)).projectNumber;
    try {
      const bucket = await bucketRead;
      return bucket ? { kind: 'found', bucket, projectNumber } : { kind: 'missing' };
    } catch (e) {
      if (e instanceof RemoteError && e.status === 403) return { kind: 'denied', message: e.message };
      throw e;
    }
  });
}

async function foundBucket(ctx: PreflightContext, t: StateTarget): Promise<StorageBucket> {
  const look = await lookAtBucket(ctx, t);
  if (look.kind !== 'found' || look.bucket.projectNumber !== look.projectNumber)
    throw new SkipCheck(`the state bucket gs://${t.backend.bucket} is not usable (see STATE-001)`);
  return look.bucket;
}

function createCommand(t: StateTarget): string {
  return (
    `gcloud storage buckets create gs://${t.backend.bucket} --project ${t.project} --location US ` +
    '--uniform-bucket-level-access --public-access-prevention && ' +
    `gcloud storage buckets update gs://${t.backend.bucket} --versioning`
  );
}

export const STATE_001: CheckDef = {
  id: 'STATE-001',
  title: 'Terraform state bucket exists in this project',
  async run(ctx) {
    const t = await target(ctx);
    const where = `gs://${t.backend.bucket}`;
    const expected = `${where} in project ${t.project} (Terraform state, prefix ${t.backend.prefix})`;
    const look = await lookAtBucket(ctx, t);
    if (look.kind === 'missing') {
      if (t.backend.createBucket)
        return ok(
          `${where} does not exist yet; terraform.backend.create_bucket is true: terraform-apply creates it`,
          expected,
        );
      return error(
        `${where} does not exist`,
        expected,
        `Let the pipeline create it (input create-state-bucket: true, or terraform.backend.create_bucket: true), or create it once: ${createCommand(t)}`,
      );
    }
    if (look.kind === 'denied')
      return error(
        `${where} cannot be read: ${look.message}`,
        expected,
        'Bucket names are global: it may belong to another project. Grant this identity roles/storage.admin on it, or set terraform.backend.config.bucket to a bucket of this project.',
      );
    if (look.bucket.projectNumber !== look.projectNumber)
      return error(
        `${where} belongs to project number ${look.bucket.projectNumber ?? 'unknown'}, not ${t.project} (${look.projectNumber})`,
        expected,
        'Bucket names are global and this one is taken: set terraform.backend.config.bucket to a bucket of this project.',
      );
    return ok(`${where} exists in ${t.project} (${look.bucket.location ?? 'unknown location'})`, expected);
  },
};

export const STATE_002: CheckDef = {
  id: 'STATE-002',
  title: 'Object versioning on the state bucket',
  async run(ctx) {
    const t = await target(ctx);
    const b = await foundBucket(ctx, t);
    const expected =
      'versioning.enabled true, so an earlier state can be restored (Terraform recommends it for gcs)';
    if (b.versioning?.enabled) return ok(`gs://${b.name}: versioning on`, expected);
    return warn(
      `gs://${b.name}: versioning off; a damaged or deleted state cannot be recovered`,
      expected,
      `gcloud storage buckets update gs://${b.name} --versioning`,
    );
  },
};

export const STATE_003: CheckDef = {
  id: 'STATE-003',
  title: 'State bucket is private: uniform bucket-level access and public access prevention',
  async run(ctx) {
    const t = await target(ctx);
    const b = await foundBucket(ctx, t);
    const expected =
      'uniformBucketLevelAccess on, publicAccessPrevention enforced, no allUsers/allAuthenticatedUsers binding';
    const policy = await t.storage.getIamPolicy(b.name);
    const publicRoles = (policy.bindings ?? [])
      .filter((x) => x.members.some((m) => m === 'allUsers' || m === 'allAuthenticatedUsers'))
      .map((x) => `${x.role} (${x.members.filter((m) => m.startsWith('all')).join(', ')})`);
    const ubla = b.iamConfiguration?.uniformBucketLevelAccess?.enabled === true;
    const pap = b.iamConfiguration?.publicAccessPrevention ?? 'inherited';
    const observed = `gs://${b.name}: uniform bucket-level access ${ubla ? 'on' : 'off'}, public access prevention ${pap}`;
    const fix =
      `gcloud storage buckets update gs://${b.name} --uniform-bucket-level-access --public-access-prevention` +
      (publicRoles.length
        ? ' (and remove the public bindings: gcloud storage buckets remove-iam-policy-binding ...)'
        : '');
    if (publicRoles.length)
      return error(
        `${observed}; PUBLIC: ${list(publicRoles)}. The state holds the gateway's secrets.`,
        expected,
        fix,
      );
    if (!ubla || pap !== 'enforced')
      return warn(
        `${observed}; the state holds secrets and nothing stops it being made public`,
        expected,
        fix,
      );
    return ok(observed, expected);
  },
};

export const STATE_004: CheckDef = {
  id: 'STATE-004',
  title: 'Identity can read, list, write and delete state objects',
  async run(ctx) {
    const t = await target(ctx);
    const b = await foundBucket(ctx, t);
    const expected = `${STATE_OBJECT_PERMISSIONS.join(', ')} on gs://${b.name} (plan-only identities: get and list)`;
    const held = new Set(await t.storage.testPermissions(b.name, STATE_OBJECT_PERMISSIONS));
    const missing = STATE_OBJECT_PERMISSIONS.filter((p) => !held.has(p));
    if (!missing.length) return ok(`all ${STATE_OBJECT_PERMISSIONS.length} held`, expected);
    const fix = `gcloud storage buckets add-iam-policy-binding gs://${b.name} --member=<this identity> --role=roles/storage.objectAdmin`;
    if (missing.every((p) => !READ_ONLY.includes(p)))
      return warn(`missing ${list(missing)}: enough to plan (preview), not to apply or lock`, expected, fix);
    return error(`missing ${list(missing)}: Terraform cannot read the state`, expected, fix);
  },
};

export const STATE_005: CheckDef = {
  id: 'STATE-005',
  title: 'No lock held on the Terraform state',
  async run(ctx) {
    const t = await target(ctx);
    const b = await foundBucket(ctx, t);
    const workspace = ctx.env.TF_WORKSPACE || 'default';
    const object = `${t.backend.prefix.replace(/^\/+|\/+$/g, '')}/${workspace}.tflock`;
    const expected = `no gs://${b.name}/${object}`;
    const lock = await t.storage.readLock(b.name, object);
    if (!lock) return ok('not locked', expected);
    const config = needConfig(ctx);
    return warn(
      `gs://${b.name}/${object} is ${describeLock(lock, ctx.clock.now())}`,
      expected,
      `If that run is still going, wait for it. If it was killed, release the lock: run terraform-apply (or the pipeline) with the input force-unlock: ${lock.id}, or ${forceUnlockCommand(lock, config.terraform.working_directory)} (after terraform init in that directory).`,
    );
  },
};

export const STATE_CHECKS: readonly CheckDef[] = [
  STATE_001,
  STATE_002,
  STATE_003,
  STATE_004,
  STATE_005,
  STATE_006,
];
