import { createPublicKey, createVerify } from 'node:crypto';
import { Req, Res, Router, googleError } from '../core/http.js';
import type { GcpWorld } from './state.js';

export type Json = Record<string, unknown>;

export const SERVICE_TITLES: Record<string, string> = {
  'compute.googleapis.com': 'Compute Engine API',
  'dns.googleapis.com': 'Cloud DNS API',
  'certificatemanager.googleapis.com': 'Certificate Manager API',
  'iam.googleapis.com': 'Identity and Access Management (IAM) API',
  'iamcredentials.googleapis.com': 'IAM Service Account Credentials API',
  'cloudresourcemanager.googleapis.com': 'Cloud Resource Manager API',
  'serviceusage.googleapis.com': 'Service Usage API',
  'redis.googleapis.com': 'Google Cloud Memorystore for Redis API',
  'sts.googleapis.com': 'Security Token Service API',
  'iap.googleapis.com': 'Cloud Identity-Aware Proxy API',
  'logging.googleapis.com': 'Cloud Logging API',
  'monitoring.googleapis.com': 'Cloud Monitoring API',
};

/** Google's 403 when an API is not enabled in the consumer project (ErrorInfo reason SERVICE_DISABLED). */
export function serviceDisabled(world: GcpWorld, service: string): Res {
  const n = world.scn.projectNumber;
  const title = SERVICE_TITLES[service] ?? service;
  const activationUrl = `https://console.developers.google.com/apis/api/${service}/overview?project=${n}`;
  const message = `${title} has not been used in project ${n} before or it is disabled. Enable it by visiting ${activationUrl} then retry. If you enabled this API recently, wait a few minutes for the action to propagate to our systems and retry.`;
  const base = googleError(403, message, 'accessNotConfigured');
  const err = (base.body as { error: Json }).error;
  (err.errors as Json[])[0] = {
    message,
    domain: 'usageLimits',
    reason: 'accessNotConfigured',
    extendedHelp: 'https://console.developers.google.com',
  };
  err.details = [
    {
      '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
      reason: 'SERVICE_DISABLED',
      domain: 'googleapis.com',
      metadata: { service, consumer: `projects/${n}`, serviceTitle: title, containerInfo: n, activationUrl },
    },
    { '@type': 'type.googleapis.com/google.rpc.LocalizedMessage', locale: 'en-US', message },
    {
      '@type': 'type.googleapis.com/google.rpc.Help',
      links: [{ description: 'Google developers console API activation', url: activationUrl }],
    },
  ];
  return base;
}

/** A Google error with an ErrorInfo detail (reason/domain/metadata), as the newer APIs answer. */
export function googleErrorInfo(
  code: number,
  message: string,
  reason: string,
  legacyReason?: string,
  metadata: Record<string, string> = {},
): Res {
  const base = googleError(code, message, legacyReason ?? reason);
  (base.body as { error: Json }).error.details = [
    { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason, domain: 'googleapis.com', metadata },
  ];
  return base;
}

export function ok(body: unknown, status = 200): Res {
  return { status, body };
}

function verifyRs256(jwt: string, publicKeyPem: string): boolean {
  const [h, p, s] = jwt.split('.');
  if (!h || !p || !s) return false;
  try {
    const v = createVerify('RSA-SHA256');
    v.update(`${h}.${p}`);
    return v.verify(createPublicKey(publicKeyPem), Buffer.from(s, 'base64url'));
  } catch {
    return false;
  }
}

export function decodeJwt(jwt: string): { header: Json; payload: Json } | undefined {
  const parts = jwt.split('.');
  if (parts.length !== 3) return undefined;
  try {
    return {
      header: JSON.parse(Buffer.from(parts[0] as string, 'base64url').toString('utf8')) as Json,
      payload: JSON.parse(Buffer.from(parts[1] as string, 'base64url').toString('utf8')) as Json,
    };
  } catch {
    return undefined;
  }
}

/** Verifies a JWT signed with the issued key: signature, kid, and the key's state. Returns a reason on failure. */
export function verifyKeyJwt(
  world: GcpWorld,
  jwt: string,
): { ok: true; payload: Json } | { ok: false; reason: string; kind: 'signature' | 'key' | 'claims' } {
  const d = decodeJwt(jwt);
  if (!d)
    return {
      ok: false,
      reason: 'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe.',
      kind: 'claims',
    };
  if (d.header.alg !== 'RS256') return { ok: false, reason: 'Invalid JWT Signature.', kind: 'signature' };
  const iss = d.payload.iss;
  if (iss !== world.clientEmail)
    return { ok: false, reason: 'Invalid grant: account not found', kind: 'key' };
  const keyState = world.scn.serviceAccount.keyState;
  // `kid` is optional (RFC 7515 4.1.4): without it Google checks the signature against the account's keys (a
  // P12 key, which carries no key id, signs so); a kid naming another key fails.
  if (d.header.kid !== undefined && d.header.kid !== world.keyId)
    return { ok: false, reason: 'Invalid JWT Signature.', kind: 'signature' };
  if (keyState === 'deleted') return { ok: false, reason: 'Invalid JWT Signature.', kind: 'key' };
  if (keyState === 'disabled') return { ok: false, reason: 'Invalid JWT Signature.', kind: 'key' };
  if (!verifyRs256(jwt, world.publicKeyPem))
    return { ok: false, reason: 'Invalid JWT Signature.', kind: 'signature' };
  const exp = d.payload.exp;
  const iat = d.payload.iat;
  const now = Math.floor(world.now() / 1000);
  if (
    typeof exp !== 'number' ||
    typeof iat !== 'number' ||
    exp < now - 30 ||
    iat > now + 300 ||
    exp - iat > 3600
  )
    return {
      ok: false,
      reason:
        'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.',
      kind: 'claims',
    };
  const expires = world.scn.serviceAccount.keyExpiresInDays;
  if (expires !== undefined && expires <= 0)
    return { ok: false, reason: 'Invalid JWT Signature.', kind: 'key' };
  return { ok: true, payload: d.payload };
}

function unauthenticated(message: string, reason: string): Res {
  const res = googleErrorInfo(401, message, reason, 'authError');
  (((res.body as { error: Json }).error.errors as Json[])[0] as Json).location = 'Authorization';
  (((res.body as { error: Json }).error.errors as Json[])[0] as Json).locationType = 'header';
  res.headers = { 'www-authenticate': 'Bearer realm="https://accounts.google.com/", error="invalid_token"' };
  return res;
}

/** The identity behind a request's bearer token (an issued access token, or a self-signed JWT of the issued key). */
export function authenticate(world: GcpWorld, req: Req): { email: string } | Res {
  const h = req.headers.authorization;
  const header = Array.isArray(h) ? h[0] : h;
  if (!header || !/^Bearer\s+\S+/i.test(header))
    return unauthenticated(
      'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
      'CREDENTIALS_MISSING',
    );
  const token = header.replace(/^Bearer\s+/i, '').trim();
  const known = world.tokens.get(token);
  if (known && known.expiresAt > world.now() && !known.federated) return { email: known.email };
  if (!known && token.split('.').length === 3) {
    const v = verifyKeyJwt(world, token);
    if (v.ok && v.payload.sub === world.clientEmail) return { email: world.clientEmail };
  }
  return unauthenticated(
    'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
    'ACCESS_TOKEN_TYPE_UNSUPPORTED',
  );
}

/** Guard for an API router: a valid bearer token, then the API enabled (and propagated) in the project. */
export function apiGuard(world: GcpWorld, router: Router, service: string): void {
  router.guard = (req) => {
    const who = authenticate(world, req);
    if ('status' in who) return who;
    const st = world.serviceState(service);
    if (!st.usable) return serviceDisabled(world, service);
    return undefined;
  };
}

/** Whether the identity holds a permission (scenario.gcp.permissions: 'all' or a list). */
export function hasPermission(world: GcpWorld, permission: string): boolean {
  const p = world.scn.permissions;
  return p === 'all' || p.includes(permission);
}

export function permissionDenied(permission: string, resource: string): Res {
  return googleErrorInfo(
    403,
    `Permission '${permission}' denied on resource '${resource}' (or it may not exist).`,
    'IAM_PERMISSION_DENIED',
    'forbidden',
    {
      permission,
      resource,
    },
  );
}

/**
 * `nextPageToken` pagination. `sizeParam` is maxResults (Compute, Cloud DNS) or pageSize (newer APIs).
 * Tokens are opaque; a token from another query is rejected as Google does.
 */
export function paginate<T>(
  items: T[],
  req: Req,
  sizeParam: 'maxResults' | 'pageSize',
  defaultSize: number,
  maxSize: number,
): { items: T[]; nextPageToken?: string } | Res {
  const raw = req.query.get(sizeParam);
  let size = defaultSize;
  if (raw !== null && raw !== '') {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0)
      return googleError(
        400,
        `Invalid value for field '${sizeParam}': '${raw}'. Must be a non-negative integer.`,
        'invalid',
      );
    if (n > maxSize && sizeParam === 'maxResults' && maxSize === 500)
      return googleError(
        400,
        `Invalid value for field '${sizeParam}': '${raw}'. Must be less than or equal to ${maxSize}`,
        'invalid',
      );
    size = n === 0 ? defaultSize : Math.min(n, maxSize);
  }
  let offset = 0;
  const tok = req.query.get('pageToken');
  if (tok) {
    const m = /^o(\d+)$/.exec(Buffer.from(tok, 'base64url').toString('utf8'));
    if (!m) return googleError(400, `Invalid value for field 'pageToken': '${tok}'.`, 'invalid');
    offset = Number(m[1]);
  }
  const page = items.slice(offset, offset + size);
  const next =
    offset + size < items.length ? Buffer.from(`o${offset + size}`).toString('base64url') : undefined;
  return next ? { items: page, nextPageToken: next } : { items: page };
}

export function isRes(x: unknown): x is Res {
  return typeof x === 'object' && x !== null && 'status' in x && typeof (x as Res).status === 'number';
}

export function bodyObject(req: Req): Json {
  if (req.body && typeof req.body === 'object' && !Array.isArray(req.body)) return req.body as Json;
  if (typeof req.body === 'string' && req.body.trim().startsWith('{')) {
    try {
      return JSON.parse(req.body) as Json;
    } catch {
      return {};
    }
  }
  return {};
}

/**
 * A Compute-style `filter` expression: `name = "x"`, `name eq x.*`, `labels.k = v`, `status != RUNNING`,
 * clauses joined by AND or juxtaposed in parentheses.
 */
export function matchesFilter(obj: Json, filter: string | null): boolean {
  if (!filter || !filter.trim()) return true;
  const clauses = filter
    .split(/\)\s*(?:AND\s*)?\(|\s+AND\s+/i)
    .map((c) =>
      c
        .replace(/^\s*\(/, '')
        .replace(/\)\s*$/, '')
        .trim(),
    )
    .filter(Boolean);
  return clauses.every((c) => {
    const m = /^([\w.]+)\s*(=|!=|eq|ne|:)\s*"?(.*?)"?$/i.exec(c);
    if (!m) return true;
    const [, field, op, value] = m as unknown as [string, string, string, string];
    let cur: unknown = obj;
    for (const part of field.split('.'))
      cur = cur && typeof cur === 'object' ? (cur as Json)[part] : undefined;
    const actual = cur === undefined || cur === null ? '' : String(cur);
    const lop = op.toLowerCase();
    if (lop === 'eq' || lop === 'ne') {
      const hit = new RegExp(`^(?:${value})$`).test(actual);
      return lop === 'eq' ? hit : !hit;
    }
    const wildcard = new RegExp(`^${value.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
    const hit = wildcard.test(actual);
    return op === '!=' ? !hit : hit;
  });
}

/** One resource family of a Google API: adds its routes to that service's router. */
export type GcpFamily = (r: Router, world: GcpWorld) => void;
/** A google.longrunning.Operation as JSON (done omitted while false, as proto3 JSON does). */
export function lroView(
  op: {
    name: string;
    doneAt: number;
    metadata: Json;
    response?: () => Json;
    error?: { code: number; message: string };
  },
  now: number,
): Json {
  if (now < op.doneAt) return { name: op.name, metadata: op.metadata };
  if (op.error) return { name: op.name, metadata: op.metadata, done: true, error: op.error };
  return { name: op.name, metadata: op.metadata, done: true, response: op.response?.() ?? {} };
}
