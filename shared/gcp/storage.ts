import { isNotFound } from './rest.js';
import type { GcpRest } from './rest.js';

/**
 * The few Cloud Storage JSON API calls the product makes itself (https://cloud.google.com/storage/docs/json_api/v1):
 * the state bucket's settings and IAM for the preflight, creating it on request, and reading Terraform's lock
 * object to explain a held lock. Terraform reads and writes the state itself, through its gcs backend.
 */
export interface StorageBucket {
  name: string;
  projectNumber?: string;
  location?: string;
  versioning?: { enabled?: boolean };
  iamConfiguration?: {
    uniformBucketLevelAccess?: { enabled?: boolean };
    publicAccessPrevention?: string;
  };
}

export interface IamPolicy {
  bindings?: { role: string; members: string[] }[];
}

/** What Terraform writes into `<prefix>/<workspace>.tflock` (statemgr.LockInfo), plus the object's generation. */
export interface StateLock {
  /** The lock ID `terraform force-unlock` takes: for the gcs backend, the lock object's generation. */
  id: string;
  operation?: string;
  who?: string;
  created?: string;
  info?: string;
  version?: string;
  path?: string;
}

/** The settings a state bucket is created with: versioned, uniform bucket-level access, public access prevented. */
export function stateBucketSettings(name: string, location: string): Record<string, unknown> {
  return {
    name,
    location,
    storageClass: 'STANDARD',
    versioning: { enabled: true },
    iamConfiguration: {
      uniformBucketLevelAccess: { enabled: true },
      publicAccessPrevention: 'enforced',
    },
    labels: { 'managed-by': 'gitspaces-actions' },
  };
}

export class CloudStorage {
  constructor(private readonly rest: GcpRest) {}

  /** The bucket, or undefined when it does not exist (404). A 403 (not ours, or no permission) throws. */
  async getBucket(name: string): Promise<StorageBucket | undefined> {
    try {
      return await this.rest.get<StorageBucket>('storage', `/storage/v1/b/${encodeURIComponent(name)}`);
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

  getIamPolicy(bucket: string): Promise<IamPolicy> {
    return this.rest.get<IamPolicy>('storage', `/storage/v1/b/${encodeURIComponent(bucket)}/iam`);
  }

  /** The subset of `permissions` the caller holds on the bucket. */
  async testPermissions(bucket: string, permissions: readonly string[]): Promise<string[]> {
    const r = await this.rest.get<{ permissions?: string[] }>(
      'storage',
      `/storage/v1/b/${encodeURIComponent(bucket)}/iam/testPermissions`,
      { permissions },
    );
    return r.permissions ?? [];
  }

  insertBucket(project: string, body: Record<string, unknown>): Promise<StorageBucket> {
    return this.rest.post<StorageBucket>('storage', '/storage/v1/b', body, { project });
  }

  /** Whether an object exists (a metadata read; 404 is false, other errors throw). */
  async objectExists(bucket: string, object: string): Promise<boolean> {
    try {
      await this.rest.get(
        'storage',
        `/storage/v1/b/${encodeURIComponent(bucket)}/o/${encodeURIComponent(object)}`,
      );
      return true;
    } catch (e) {
      if (isNotFound(e)) return false;
      throw e;
    }
  }

  /** Terraform's lock object for a state, or undefined when nobody holds the lock. */
  async readLock(bucket: string, object: string): Promise<StateLock | undefined> {
    const path = `/storage/v1/b/${encodeURIComponent(bucket)}/o/${encodeURIComponent(object)}`;
    try {
      const meta = await this.rest.get<{ generation?: string }>('storage', path);
      const info = await this.rest.get<Record<string, unknown>>('storage', path, {
        alt: 'media',
        generation: meta.generation,
      });
      const str = (k: string) => (typeof info[k] === 'string' ? (info[k] as string) : undefined);
      return {
        id: meta.generation ?? '',
        operation: str('Operation'),
        who: str('Who'),
        created: str('Created'),
        info: str('Info'),
        version: str('Version'),
        path: str('Path'),
      };
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }
}
