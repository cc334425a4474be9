import { Req, Res, Router } from '../core/http.js';
import type { World } from '../world.js';
import { authenticate, hasPermission } from './common.js';
import type { GcpWorld } from './state.js';
import {
  Bucket,
  Preconditions,
  STORAGE_PERMISSIONS,
  StorageState,
  StoredObject,
  crc32cBase64,
  md5Base64,
} from './storage-state.js';

/**
 * Cloud Storage, the JSON API (`/storage/v1/...`, uploads under `/upload/storage/v1/...`) and the XML API's
 * object GET (`/{bucket}/{object}`), which is how the Go client that Terraform's gcs backend uses reads an
 * object's bytes (cloud.google.com/go/storage reads over XML unless told otherwise). Paths, parameters and
 * resource fields are those of the discovery document (https://storage.googleapis.com/$discovery/rest?version=v1).
 * Terraform reaches it through `storage_custom_endpoint` (`<url>/storage/v1/`), see docs/sandbox.md.
 */

type Json = Record<string, unknown>;

/**
 * The JSON API's error body: `{error: {code, message, errors: [{message, domain, reason, ...}]}}`; Cloud Storage
 * does not add `status` or `details` (https://cloud.google.com/storage/docs/json_api/v1/status-codes).
 */
export function storageError(code: number, message: string, reason: string, extra: Json = {}): Res {
  return {
    status: code,
    body: { error: { code, message, errors: [{ message, domain: 'global', reason, ...extra }] } },
  };
}

/** The XML API's error body (https://cloud.google.com/storage/docs/xml-api/reference-status). */
function xmlError(status: number, code: string, message: string, details?: string): Res {
  const d = details ? `<Details>${details}</Details>` : '';
  return {
    status,
    headers: { 'content-type': 'application/xml; charset=UTF-8' },
    body: `<?xml version='1.0' encoding='UTF-8'?><Error><Code>${code}</Code><Message>${message}</Message>${d}</Error>`,
  };
}

const PRECONDITION_FAILED = 'At least one of the pre-conditions you specified did not hold.';
/** 412 as the JSON API answers a failed generation/metageneration precondition (status-codes page, 412). */
function preconditionFailed(): Res {
  return storageError(412, PRECONDITION_FAILED, 'conditionNotMet', {
    locationType: 'header',
    location: 'If-Match',
  });
}

function noSuchBucket(): Res {
  return storageError(404, 'The specified bucket does not exist.', 'notFound');
}
function noSuchObject(bucket: string, name: string): Res {
  return storageError(404, `No such object: ${bucket}/${name}`, 'notFound');
}

function forbidden(email: string, permission: string, what: string): Res {
  return storageError(
    403,
    `${email} does not have ${permission} access to ${what}. Permission '${permission}' denied on resource (or it may not exist).`,
    'forbidden',
  );
}

function preconditions(q: URLSearchParams): Preconditions | Res {
  const out: Preconditions = {};
  for (const k of [
    'ifGenerationMatch',
    'ifGenerationNotMatch',
    'ifMetagenerationMatch',
    'ifMetagenerationNotMatch',
  ] as const) {
    const v = q.get(k);
    if (v === null) continue;
    if (!/^\d+$/.test(v)) return storageError(400, `Invalid argument: ${k}=${v}`, 'invalid');
    out[k] = v;
  }
  return out;
}

export function bucketResource(b: Bucket, baseUrl: string): Json {
  return {
    kind: 'storage#bucket',
    selfLink: `${baseUrl}/storage/v1/b/${b.name}`,
    id: b.name,
    name: b.name,
    projectNumber: b.projectNumber,
    metageneration: String(b.metageneration),
    location: b.location,
    storageClass: b.storageClass,
    etag: Buffer.from(`${b.name}:${b.metageneration}`).toString('base64url'),
    timeCreated: b.timeCreated,
    updated: b.updated,
    versioning: { enabled: b.versioning },
    iamConfiguration: {
      bucketPolicyOnly: { enabled: b.uniformBucketLevelAccess },
      uniformBucketLevelAccess: { enabled: b.uniformBucketLevelAccess },
      publicAccessPrevention: b.publicAccessPrevention,
    },
    locationType: b.location.includes('-') ? 'region' : 'multi-region',
    ...(b.labels ? { labels: b.labels } : {}),
  };
}

function objectResource(o: StoredObject, baseUrl: string): Json {
  const path = `b/${o.bucket}/o/${encodeURIComponent(o.name)}`;
  return {
    kind: 'storage#object',
    id: `${o.bucket}/${o.name}/${o.generation}`,
    selfLink: `${baseUrl}/storage/v1/${path}`,
    mediaLink: `${baseUrl}/download/storage/v1/${path}?generation=${o.generation}&alt=media`,
    name: o.name,
    bucket: o.bucket,
    generation: o.generation,
    metageneration: String(o.metageneration),
    contentType: o.contentType,
    storageClass: 'STANDARD',
    size: String(o.data.length),
    md5Hash: md5Base64(o.data),
    crc32c: crc32cBase64(o.data),
    etag: Buffer.from(`${o.generation}:${o.metageneration}`).toString('base64url'),
    timeCreated: o.timeCreated,
    updated: o.updated,
    timeStorageClassUpdated: o.timeCreated,
    ...(o.timeDeleted ? { timeDeleted: o.timeDeleted } : {}),
    ...(o.metadata ? { metadata: o.metadata } : {}),
  };
}

/** The bytes of an object, with the headers the XML API and `alt=media` send (x-goog-generation, x-goog-hash...). */
function media(o: StoredObject): Res {
  return {
    status: 200,
    headers: {
      'content-type': o.contentType,
      'x-goog-generation': o.generation,
      'x-goog-metageneration': String(o.metageneration),
      'x-goog-hash': `crc32c=${crc32cBase64(o.data)},md5=${md5Base64(o.data)}`,
      'x-goog-stored-content-length': String(o.data.length),
      'x-goog-stored-content-encoding': 'identity',
      'x-goog-storage-class': 'STANDARD',
      etag: `"${Buffer.from(md5Base64(o.data), 'base64').toString('hex')}"`,
      'last-modified': new Date(o.updated).toUTCString(),
    },
    body: o.data.toString('utf8'),
  };
}

/** The parts of a multipart/related upload: the metadata JSON and the media (https://cloud.google.com/storage/docs/uploading-objects#uploading-an-object, multipart). */
function multipart(req: Req): { meta: Json; data: Buffer; contentType: string } | Res {
  const ctype = String(req.headers['content-type'] ?? '');
  const boundary = /boundary="?([^";]+)"?/i.exec(ctype)?.[1];
  if (!/^multipart\/related/i.test(ctype) || !boundary)
    return storageError(
      400,
      'Multipart upload needs Content-Type multipart/related with a boundary.',
      'invalid',
    );
  const parts = req.rawBody.split(`--${boundary}`).slice(1, -1);
  if (parts.length !== 2)
    return storageError(400, 'Multipart upload must have exactly two parts.', 'invalid');
  const parsed = parts.map((p) => {
    const body = p.replace(/^\r?\n/, '');
    const sep = body.search(/\r?\n\r?\n/);
    const head = body.slice(0, sep);
    const content = body
      .slice(sep)
      .replace(/^\r?\n\r?\n/, '')
      .replace(/\r?\n$/, '');
    return { type: /content-type:\s*([^\r\n]+)/i.exec(head)?.[1]?.trim() ?? '', content };
  });
  let meta: Json;
  try {
    meta = JSON.parse(parsed[0]?.content ?? '{}') as Json;
  } catch {
    return storageError(400, 'The metadata part of the multipart upload is not JSON.', 'parseError');
  }
  const contentType =
    (meta.contentType as string | undefined) ?? (parsed[1]?.type || 'application/octet-stream');
  return { meta, data: Buffer.from(parsed[1]?.content ?? '', 'utf8'), contentType };
}

export interface StorageService {
  router: Router;
  state: StorageState;
}

/** The Cloud Storage emulator over the scenario's buckets (`gcp.storageBuckets`). */
export function storageRouter(world: World): Router {
  return createStorage(world).router;
}

export function createStorage(world: World): StorageService {
  const gcp = world.gcp as GcpWorld;
  const scn = world.scenario.gcp;
  const state = new StorageState(scn.projectId, scn.projectNumber, scn.storageBuckets, () => gcp.now());
  const r = new Router();
  const who = new WeakMap<Req, string>();

  r.guard = (req) => {
    const id = authenticate(gcp, req);
    if ('status' in id) {
      // Cloud Storage's own 401 (status-codes page, 401 authError).
      if (
        !req.path.startsWith('/storage/') &&
        !req.path.startsWith('/upload/') &&
        !req.path.startsWith('/download/')
      )
        return xmlError(401, 'AuthenticationRequired', 'Authentication required.');
      return storageError(401, 'Invalid Credentials', 'authError', {
        locationType: 'header',
        location: 'Authorization',
      });
    }
    who.set(req, id.email);
    return undefined;
  };
  const email = (req: Req) => who.get(req) ?? 'anonymous';

  /** A bucket the caller may act on with `permission`, or the error Cloud Storage gives. */
  const bucketFor = (req: Req, permission: string, xml = false): Bucket | Res => {
    const b = state.buckets.get(req.params.bucket ?? '');
    if (!b)
      return xml ? xmlError(404, 'NoSuchBucket', 'The specified bucket does not exist.') : noSuchBucket();
    // Another project's bucket: this identity holds no role there (bucket names are global, access is not).
    if (b.deniedPermissions.includes(permission) || b.projectNumber !== scn.projectNumber)
      return forbidden(
        email(req),
        permission,
        permission.startsWith('storage.objects')
          ? 'the Google Cloud Storage object'
          : 'the Google Cloud Storage bucket',
      );
    return b;
  };
  const c: Ctx = { r, state, gcp, projectNumber: scn.projectNumber, email, bucketFor };
  bucketRoutes(c);
  objectRoutes(c);

  return { router: r, state };
}

function bodyOf(req: Req): Json {
  if (req.body && typeof req.body === 'object') return req.body as Json;
  try {
    return req.rawBody ? (JSON.parse(req.rawBody) as Json) : {};
  } catch {
    return {};
  }
}

function applyBucketFields(b: Bucket, body: Json): void {
  const v = body.versioning as { enabled?: boolean } | undefined;
  if (v && typeof v.enabled === 'boolean') b.versioning = v.enabled;
  const iam = body.iamConfiguration as
    | {
        uniformBucketLevelAccess?: { enabled?: boolean };
        bucketPolicyOnly?: { enabled?: boolean };
        publicAccessPrevention?: string;
      }
    | undefined;
  const ubla = iam?.uniformBucketLevelAccess?.enabled ?? iam?.bucketPolicyOnly?.enabled;
  if (typeof ubla === 'boolean') b.uniformBucketLevelAccess = ubla;
  if (iam?.publicAccessPrevention === 'enforced' || iam?.publicAccessPrevention === 'inherited')
    b.publicAccessPrevention = iam.publicAccessPrevention;
  if (body.labels && typeof body.labels === 'object') b.labels = body.labels as Record<string, string>;
}

/**
 * buckets.insert. Names follow https://cloud.google.com/storage/docs/buckets#naming; the namespace is global, so
 * a taken name answers 409 whoever owns it. Without explicit settings a new bucket has versioning off, uniform
 * bucket-level access off and publicAccessPrevention `inherited` (the API's defaults, absent org policies).
 */
function insertBucket(req: Req, state: StorageState, gcp: GcpWorld, email: string): Res {
  const project = req.query.get('project');
  if (!project) return storageError(400, 'Required parameter: project', 'required');
  if (!gcp.project(project) || !hasPermission(gcp, 'storage.buckets.create'))
    return forbidden(email, 'storage.buckets.create', `the Google Cloud project ${project}`);
  const body = bodyOf(req);
  const name = typeof body.name === 'string' ? body.name : '';
  if (!/^[a-z0-9][a-z0-9_.-]{1,61}[a-z0-9]$/.test(name) || name.startsWith('goog') || name.includes('google'))
    return storageError(400, `Invalid bucket name: '${name}'`, 'invalid');
  const existing = state.buckets.get(name);
  if (existing)
    return existing.projectNumber === state.projectNumber
      ? storageError(
          409,
          'Your previous request to create the named bucket succeeded and you already own it.',
          'conflict',
        )
      : storageError(
          409,
          'The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.',
          'conflict',
        );
  const b = state.newBucket({
    name,
    projectNumber: state.projectNumber,
    location: typeof body.location === 'string' ? body.location.toUpperCase() : 'US',
    storageClass: typeof body.storageClass === 'string' ? body.storageClass : 'STANDARD',
    versioning: false,
    uniformBucketLevelAccess: false,
    publicAccessPrevention: 'inherited',
  });
  applyBucketFields(b, body);
  return { status: 200, body: bucketResource(b, req.baseUrl) };
}

/**
 * objects.list: `prefix`, `delimiter` (names whose rest holds the delimiter are rolled up into `prefixes`),
 * `versions`, `maxResults` (default and maximum 1000) and `pageToken`.
 */
function listObjects(req: Req, state: StorageState, b: Bucket): Res {
  const prefix = req.query.get('prefix') ?? '';
  const delimiter = req.query.get('delimiter') ?? '';
  const versions = req.query.get('versions') === 'true';
  const rawMax = req.query.get('maxResults');
  const max = rawMax ? Math.min(Number(rawMax), 1000) : 1000;
  if (!Number.isInteger(max) || max < 1)
    return storageError(400, `Invalid value for maxResults: ${rawMax}`, 'invalid');
  type Entry = { key: string; obj?: StoredObject; prefix?: string };
  const entries: Entry[] = [];
  const seen = new Set<string>();
  for (const o of state.list(b.name, versions)) {
    if (!o.name.startsWith(prefix)) continue;
    const rest = o.name.slice(prefix.length);
    const cut = delimiter ? rest.indexOf(delimiter) : -1;
    if (cut >= 0) {
      const p = prefix + rest.slice(0, cut + delimiter.length);
      if (!seen.has(p)) entries.push({ key: p, prefix: p });
      seen.add(p);
    } else entries.push({ key: `${o.name}#${o.generation}`, obj: o });
  }
  entries.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  let start = 0;
  const token = req.query.get('pageToken');
  if (token) {
    const after = Buffer.from(token, 'base64url').toString('utf8');
    start = entries.findIndex((e) => e.key > after);
    if (start < 0) start = entries.length;
  }
  const page = entries.slice(start, start + max);
  const items = page.filter((e) => e.obj).map((e) => objectResource(e.obj as StoredObject, req.baseUrl));
  const prefixes = page.filter((e) => e.prefix).map((e) => e.prefix as string);
  const last = page.at(-1);
  const more = start + max < entries.length && last;
  return {
    status: 200,
    body: {
      kind: 'storage#objects',
      ...(more ? { nextPageToken: Buffer.from(last.key).toString('base64url') } : {}),
      ...(prefixes.length ? { prefixes } : {}),
      ...(items.length ? { items } : {}),
    },
  };
}

type BucketFor = (req: Req, permission: string) => Bucket | Res;

/** objects.insert through the upload endpoint: uploadType media, multipart or resumable (its first request). */
function upload(req: Req, state: StorageState, bucketFor: BucketFor): Res {
  const b = bucketFor(req, 'storage.objects.create');
  if ('status' in b) return b;
  const bucket = b;
  const pre = preconditions(req.query);
  if ('status' in pre) return pre;
  const kind = req.query.get('uploadType');
  let name = req.query.get('name') ?? '';
  let data: Buffer;
  let contentType = String(req.headers['content-type'] ?? 'application/octet-stream');
  let metadata: Record<string, string> | undefined;
  if (kind === 'media') data = Buffer.from(req.rawBody, 'utf8');
  else if (kind === 'multipart' || kind === 'resumable') {
    const parts =
      kind === 'multipart' ? multipart(req) : { meta: bodyOf(req), data: Buffer.alloc(0), contentType: '' };
    if ('status' in parts) return parts;
    name = (parts.meta.name as string | undefined) ?? name;
    metadata = parts.meta.metadata as Record<string, string> | undefined;
    data = parts.data;
    contentType =
      (parts.meta.contentType as string | undefined) ??
      (kind === 'resumable'
        ? String(req.headers['x-upload-content-type'] ?? 'application/octet-stream')
        : parts.contentType);
  } else return storageError(400, `Invalid upload type: ${kind ?? '(none)'}`, 'invalid');
  if (!name) return storageError(400, 'Required', 'required');
  if (state.check(state.live(bucket.name, name), pre) !== 'ok') return preconditionFailed();
  if (kind === 'resumable') {
    const id = state.newUploadId();
    state.uploads.set(id, { bucket: bucket.name, name, contentType, metadata, pre: pre });
    return {
      status: 200,
      headers: {
        location: `${req.baseUrl}/upload/storage/v1/b/${bucket.name}/o?uploadType=resumable&upload_id=${id}`,
        'x-guploader-uploadid': id,
      },
    };
  }
  const o = state.put(bucket.name, name, data, contentType, metadata);
  return { status: 200, body: objectResource(o, req.baseUrl) };
}

/** The data of a resumable upload, sent in one PUT (https://cloud.google.com/storage/docs/performing-resumable-uploads). */
function resumableChunk(req: Req, state: StorageState): Res {
  const id = req.query.get('upload_id') ?? '';
  const u = state.uploads.get(id);
  if (!u) return storageError(404, 'No such upload session.', 'notFound');
  const range = String(req.headers['content-range'] ?? '');
  const total = /\/(\d+)$/.exec(range)?.[1];
  const data = Buffer.from(req.rawBody, 'utf8');
  if (range && total === undefined) return { status: 308, headers: { range: `bytes=0-${data.length - 1}` } };
  // The preconditions of the initiating request are checked again when the object is finalised.
  if (state.check(state.live(u.bucket, u.name), u.pre) !== 'ok') {
    state.uploads.delete(id);
    return preconditionFailed();
  }
  state.uploads.delete(id);
  const o = state.put(u.bucket, u.name, data, u.contentType, u.metadata);
  return { status: 200, body: objectResource(o, req.baseUrl) };
}

interface Ctx {
  r: Router;
  state: StorageState;
  gcp: GcpWorld;
  projectNumber: string;
  email(req: Req): string;
  bucketFor(req: Req, permission: string, xml?: boolean): Bucket | Res;
}
const isRes = (x: Bucket | Res | Preconditions): x is Res => 'status' in x;

/** buckets.get / list / insert / patch, getIamPolicy, testIamPermissions. */
function bucketRoutes({ r, state, gcp, projectNumber, email, bucketFor }: Ctx): void {
  r.get('/storage/v1/b/{bucket}', (req) => {
    const b = bucketFor(req, 'storage.buckets.get');
    return isRes(b) ? b : { status: 200, body: bucketResource(b, req.baseUrl) };
  });
  r.get('/storage/v1/b', (req) => {
    const project = req.query.get('project');
    if (!project) return storageError(400, 'Required parameter: project', 'required');
    if (!gcp.project(project))
      return forbidden(email(req), 'storage.buckets.list', `the Google Cloud project ${project}`);
    const items = [...state.buckets.values()].filter((b) => b.projectNumber === projectNumber);
    return {
      status: 200,
      body: {
        kind: 'storage#buckets',
        ...(items.length ? { items: items.map((b) => bucketResource(b, req.baseUrl)) } : {}),
      },
    };
  });
  r.post('/storage/v1/b', (req) => insertBucket(req, state, gcp, email(req)));
  r.patch('/storage/v1/b/{bucket}', (req) => {
    const b = bucketFor(req, 'storage.buckets.update');
    if (isRes(b)) return b;
    applyBucketFields(b, bodyOf(req));
    b.metageneration += 1;
    b.updated = new Date(gcp.now()).toISOString();
    return { status: 200, body: bucketResource(b, req.baseUrl) };
  });
  r.get('/storage/v1/b/{bucket}/iam', (req) => {
    const b = bucketFor(req, 'storage.buckets.getIamPolicy');
    if (isRes(b)) return b;
    return {
      status: 200,
      body: {
        kind: 'storage#policy',
        resourceId: `projects/_/buckets/${b.name}`,
        version: 1,
        etag: 'CAE=',
        bindings: b.bindings,
      },
    };
  });
  // testIamPermissions answers with the subset the caller holds; it never fails for a missing permission.
  r.get('/storage/v1/b/{bucket}/iam/testPermissions', (req) => {
    const b = state.buckets.get(req.params.bucket ?? '');
    if (!b) return noSuchBucket();
    const asked = req.query.getAll('permissions');
    if (!asked.length) return storageError(400, 'Required parameter: permissions', 'required');
    const known = new Set<string>(STORAGE_PERMISSIONS);
    const ownProject = b.projectNumber === projectNumber;
    const granted = asked.filter((p) => known.has(p) && ownProject && !b.deniedPermissions.includes(p));
    return {
      status: 200,
      body: {
        kind: 'storage#testIamPermissionsResponse',
        ...(granted.length ? { permissions: granted } : {}),
      },
    };
  });
}

/** objects.list / get / delete, the upload endpoint, and the XML API's object read. */
function objectRoutes({ r, state, email, bucketFor }: Ctx): void {
  r.get('/storage/v1/b/{bucket}/o', (req) => {
    const b = bucketFor(req, 'storage.objects.list');
    return isRes(b) ? b : listObjects(req, state, b);
  });
  const getObject = (req: Req, forceMedia: boolean): Res => {
    const b = bucketFor(req, 'storage.objects.get');
    if (isRes(b)) return b;
    const pre = preconditions(req.query);
    if (isRes(pre)) return pre;
    const name = req.params.object ?? '';
    const o = state.find(b.name, name, req.query.get('generation'));
    if (!o) return noSuchObject(b.name, name);
    if (state.check(o.timeDeleted ? undefined : o, pre) !== 'ok') return preconditionFailed();
    return forceMedia || req.query.get('alt') === 'media'
      ? media(o)
      : { status: 200, body: objectResource(o, req.baseUrl) };
  };
  r.get('/storage/v1/b/{bucket}/o/{object*}', (req) => getObject(req, false));
  r.get('/download/storage/v1/b/{bucket}/o/{object*}', (req) => getObject(req, true));
  r.delete('/storage/v1/b/{bucket}/o/{object*}', (req) => {
    const b = bucketFor(req, 'storage.objects.delete');
    if (isRes(b)) return b;
    const pre = preconditions(req.query);
    if (isRes(pre)) return pre;
    const name = req.params.object ?? '';
    const generation = req.query.get('generation');
    const o = state.find(b.name, name, generation);
    if (!o) return noSuchObject(b.name, name);
    if (state.check(state.live(b.name, name), pre) !== 'ok') return preconditionFailed();
    state.delete(b.name, name, generation);
    return { status: 204 };
  });
  r.post('/upload/storage/v1/b/{bucket}/o', (req) => upload(req, state, bucketFor));
  r.put('/upload/storage/v1/b/{bucket}/o', (req) => resumableChunk(req, state));

  // ---- the XML API's object read (GET https://storage.googleapis.com/<bucket>/<object>) ----
  r.get('/{bucket}/{object*}', (req) => {
    const b = bucketFor(req, 'storage.objects.get', true);
    if (isRes(b) && b.status === 404) return b;
    if (isRes(b))
      return xmlError(
        403,
        'AccessDenied',
        'Access denied.',
        `${email(req)} does not have storage.objects.get access to the Google Cloud Storage object.`,
      );
    const name = req.params.object ?? '';
    const o = state.find(b.name, name, req.query.get('generation'));
    if (!o)
      return xmlError(
        404,
        'NoSuchKey',
        'The specified key does not exist.',
        `No such object: ${b.name}/${name}`,
      );
    return media(o);
  });
}
