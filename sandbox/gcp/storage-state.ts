import { createHash, randomBytes } from 'node:crypto';

/**
 * The emulated Cloud Storage's world: buckets and every generation of every object. Behaviour follows the
 * JSON API reference (https://cloud.google.com/storage/docs/json_api/v1) and its discovery document
 * (https://storage.googleapis.com/$discovery/rest?version=v1); each rule below names the page it comes from.
 */

/** How a scenario seeds a bucket (`gcp.storageBuckets`); every field has the healthy default. */
export interface StorageBucketSeed {
  /** Default `<projectId>-gitspaces-tfstate`, the bucket the product derives for Terraform state. */
  name?: string;
  /** The project that owns it (default the scenario's project); another project's bucket has another number. */
  projectNumber?: string;
  location?: string;
  /** Object versioning (default true). */
  versioning?: boolean;
  /** iamConfiguration.uniformBucketLevelAccess.enabled (default true). */
  uniformBucketLevelAccess?: boolean;
  /** iamConfiguration.publicAccessPrevention (default `enforced`). */
  publicAccessPrevention?: 'enforced' | 'inherited';
  /** Members of roles/storage.objectViewer, e.g. `allUsers` for a public bucket. */
  publicReaders?: string[];
  /** Permissions the identity does NOT hold on this bucket (a bucket IAM policy that leaves them out). */
  deniedPermissions?: string[];
}

export interface Bucket {
  name: string;
  projectNumber: string;
  location: string;
  storageClass: string;
  versioning: boolean;
  uniformBucketLevelAccess: boolean;
  publicAccessPrevention: 'enforced' | 'inherited';
  bindings: { role: string; members: string[] }[];
  deniedPermissions: string[];
  timeCreated: string;
  updated: string;
  metageneration: number;
  labels?: Record<string, string>;
}

export interface StoredObject {
  bucket: string;
  name: string;
  generation: string;
  metageneration: number;
  data: Buffer;
  contentType: string;
  metadata?: Record<string, string>;
  timeCreated: string;
  updated: string;
  /** Set when the generation stopped being live (overwritten or deleted) in a versioned bucket. */
  timeDeleted?: string;
}

/** Preconditions of the JSON API (https://cloud.google.com/storage/docs/request-preconditions). */
export interface Preconditions {
  ifGenerationMatch?: string;
  ifGenerationNotMatch?: string;
  ifMetagenerationMatch?: string;
  ifMetagenerationNotMatch?: string;
}

/** Every permission a bucket's testIamPermissions knows (https://cloud.google.com/storage/docs/access-control/iam-permissions). */
export const STORAGE_PERMISSIONS = [
  'storage.buckets.get',
  'storage.buckets.getIamPolicy',
  'storage.buckets.update',
  'storage.buckets.delete',
  'storage.objects.get',
  'storage.objects.list',
  'storage.objects.create',
  'storage.objects.delete',
] as const;

export function defaultStateBucketName(projectId: string): string {
  return `${projectId}-gitspaces-tfstate`;
}

const CRC_TABLE = (() => {
  // CRC-32C (Castagnoli, reflected polynomial 0x82F63B78), the checksum Cloud Storage reports as crc32c.
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** crc32c as the JSON API reports it: the big-endian 4 bytes, base64 (https://cloud.google.com/storage/docs/hashes-etags). */
export function crc32cBase64(data: Buffer): string {
  let c = 0xffffffff;
  for (const byte of data) c = (CRC_TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  const out = Buffer.alloc(4);
  out.writeUInt32BE((c ^ 0xffffffff) >>> 0);
  return out.toString('base64');
}

export function md5Base64(data: Buffer): string {
  return createHash('md5').update(data).digest('base64');
}

export type PreconditionResult = 'ok' | 'failed' | 'notFound';

export class StorageState {
  readonly buckets = new Map<string, Bucket>();
  /** bucket -> object name -> generations, oldest first; the live one (if any) is last, without timeDeleted. */
  private readonly objects = new Map<string, Map<string, StoredObject[]>>();
  /** Resumable uploads in progress: upload_id -> what the initiating request said. */
  readonly uploads = new Map<
    string,
    {
      bucket: string;
      name: string;
      contentType: string;
      metadata?: Record<string, string>;
      pre: Preconditions;
    }
  >();
  private lastGeneration = 0;

  constructor(
    readonly projectId: string,
    readonly projectNumber: string,
    seeds: StorageBucketSeed[] | undefined,
    private readonly now: () => number,
  ) {
    for (const seed of seeds ?? [{}]) this.addBucket(this.bucketFromSeed(seed));
  }

  private bucketFromSeed(seed: StorageBucketSeed): Bucket {
    const t = new Date(this.now()).toISOString();
    return {
      name: seed.name ?? defaultStateBucketName(this.projectId),
      projectNumber: seed.projectNumber ?? this.projectNumber,
      location: seed.location ?? 'US',
      storageClass: 'STANDARD',
      versioning: seed.versioning ?? true,
      uniformBucketLevelAccess: seed.uniformBucketLevelAccess ?? true,
      publicAccessPrevention: seed.publicAccessPrevention ?? 'enforced',
      bindings: defaultBindings(this.projectNumber, seed.publicReaders ?? []),
      deniedPermissions: seed.deniedPermissions ?? [],
      timeCreated: t,
      updated: t,
      metageneration: 1,
    };
  }

  addBucket(b: Bucket): void {
    this.buckets.set(b.name, b);
    this.objects.set(b.name, new Map());
  }

  newBucket(
    fields: Omit<Bucket, 'timeCreated' | 'updated' | 'metageneration' | 'bindings' | 'deniedPermissions'>,
  ): Bucket {
    const t = new Date(this.now()).toISOString();
    const b: Bucket = {
      ...fields,
      bindings: defaultBindings(fields.projectNumber, []),
      deniedPermissions: [],
      timeCreated: t,
      updated: t,
      metageneration: 1,
    };
    this.addBucket(b);
    return b;
  }

  /**
   * Generations are the object's creation time in microseconds and strictly increase
   * (https://cloud.google.com/storage/docs/metadata#generation-number).
   */
  nextGeneration(): string {
    this.lastGeneration = Math.max(this.lastGeneration + 1, this.now() * 1000);
    return String(this.lastGeneration);
  }

  newUploadId(): string {
    return `ADPycd${randomBytes(24).toString('base64url')}`;
  }

  versions(bucket: string, name: string): StoredObject[] {
    return this.objects.get(bucket)?.get(name) ?? [];
  }

  live(bucket: string, name: string): StoredObject | undefined {
    const last = this.versions(bucket, name).at(-1);
    return last && !last.timeDeleted ? last : undefined;
  }

  /** A generation (live or noncurrent), or the live object when `generation` is not given. */
  find(bucket: string, name: string, generation?: string | null): StoredObject | undefined {
    if (!generation) return this.live(bucket, name);
    return this.versions(bucket, name).find((o) => o.generation === generation);
  }

  /** Every object of a bucket, by name; `versions` includes noncurrent generations. */
  list(bucket: string, versions: boolean): StoredObject[] {
    const out: StoredObject[] = [];
    const names = [...(this.objects.get(bucket)?.keys() ?? [])].sort();
    for (const n of names) {
      const all = this.versions(bucket, n);
      if (versions) out.push(...all);
      else {
        const l = this.live(bucket, n);
        if (l) out.push(l);
      }
    }
    return out;
  }

  /**
   * ifGenerationMatch=0 means "only if no live object exists" (how Terraform's gcs backend takes its lock);
   * against a missing object any other generation or metageneration condition fails with 412
   * (https://cloud.google.com/storage/docs/request-preconditions#special-case).
   */
  check(obj: StoredObject | undefined, pre: Preconditions): PreconditionResult {
    const { ifGenerationMatch: gm, ifGenerationNotMatch: gnm } = pre;
    const { ifMetagenerationMatch: mm, ifMetagenerationNotMatch: mnm } = pre;
    if (gm !== undefined) {
      if (gm === '0') {
        if (obj) return 'failed';
      } else if (!obj || obj.generation !== gm) return 'failed';
    }
    if (gnm !== undefined && obj && obj.generation === gnm) return 'failed';
    if (mm !== undefined && (!obj || String(obj.metageneration) !== mm)) return 'failed';
    if (mnm !== undefined && obj && String(obj.metageneration) === mnm) return 'failed';
    return 'ok';
  }

  /**
   * Writes a new live generation. With versioning on, the previous live generation becomes noncurrent
   * (timeDeleted set) and stays readable by generation; with it off, it is gone
   * (https://cloud.google.com/storage/docs/object-versioning).
   */
  put(
    bucket: string,
    name: string,
    data: Buffer,
    contentType: string,
    metadata?: Record<string, string>,
  ): StoredObject {
    const b = this.buckets.get(bucket) as Bucket;
    const t = new Date(this.now()).toISOString();
    const obj: StoredObject = {
      bucket,
      name,
      generation: this.nextGeneration(),
      metageneration: 1,
      data,
      contentType,
      ...(metadata ? { metadata } : {}),
      timeCreated: t,
      updated: t,
    };
    const byName = this.objects.get(bucket) as Map<string, StoredObject[]>;
    const versions = this.retire(b, byName.get(name) ?? [], t);
    versions.push(obj);
    byName.set(name, versions);
    return obj;
  }

  private retire(b: Bucket, versions: StoredObject[], t: string): StoredObject[] {
    // Noncurrent generations kept while versioning was on stay when it is turned off; only the live one goes.
    const last = versions.at(-1);
    if (!last || last.timeDeleted) return versions;
    if (!b.versioning) return versions.slice(0, -1);
    last.timeDeleted = t;
    return versions;
  }

  /** Deletes the live object (kept as noncurrent in a versioned bucket), or one generation permanently. */
  delete(bucket: string, name: string, generation?: string | null): boolean {
    const b = this.buckets.get(bucket) as Bucket;
    const byName = this.objects.get(bucket) as Map<string, StoredObject[]>;
    const versions = byName.get(name) ?? [];
    if (generation) {
      const i = versions.findIndex((o) => o.generation === generation);
      if (i < 0) return false;
      versions.splice(i, 1);
    } else {
      if (!this.live(bucket, name)) return false;
      const kept = this.retire(b, versions, new Date(this.now()).toISOString());
      byName.set(name, kept);
    }
    if (!(byName.get(name) ?? []).length) byName.delete(name);
    return true;
  }
}

/** The IAM policy a new bucket gets: the project's convenience roles (https://cloud.google.com/storage/docs/access-control/iam#convenience-values). */
function defaultBindings(projectNumber: string, publicReaders: string[]): Bucket['bindings'] {
  const bindings = [
    {
      role: 'roles/storage.legacyBucketOwner',
      members: [`projectEditor:${projectNumber}`, `projectOwner:${projectNumber}`],
    },
    { role: 'roles/storage.legacyBucketReader', members: [`projectViewer:${projectNumber}`] },
    {
      role: 'roles/storage.legacyObjectOwner',
      members: [`projectEditor:${projectNumber}`, `projectOwner:${projectNumber}`],
    },
    { role: 'roles/storage.legacyObjectReader', members: [`projectViewer:${projectNumber}`] },
  ];
  if (publicReaders.length) bindings.push({ role: 'roles/storage.objectViewer', members: publicReaders });
  return bindings;
}
