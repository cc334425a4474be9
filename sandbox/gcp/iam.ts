import { Req, Res, Router, googleError } from '../core/http.js';
import { Json, apiGuard, hasPermission, ok, permissionDenied, GcpFamily } from './common.js';
import type { GcpWorld } from './state.js';
import { createPrivateKey } from 'node:crypto';
import { selfSignedCertificatePem } from './x509.js';

const certificates = new WeakMap<GcpWorld, string>();
/** The issued key's X.509 certificate (made once per world), as keys.get returns it with TYPE_X509_PEM_FILE. */
function certificateOf(world: GcpWorld, validBefore: string): string {
  let pem = certificates.get(world);
  if (!pem) {
    pem = selfSignedCertificatePem({
      privateKey: createPrivateKey(world.privateKeyPem),
      commonName: world.clientId,
      serial: Buffer.from(world.keyId.slice(0, 16), 'hex'),
      notBefore: world.keyCreatedAt,
      notAfter: Date.parse(validBefore) || Date.parse('9999-12-31T23:59:59Z'),
    });
    certificates.set(world, pem);
  }
  return pem;
}

function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');
}

/** Service accounts and their keys (get, list keys, get key). */
function serviceAccountRoutes(r: Router, world: GcpWorld): void {
  const saPath = (email: string) => `projects/${world.scn.projectId}/serviceAccounts/${email}`;
  const checkSa = (req: Req): Res | undefined => {
    const p = req.params.project as string;
    const email = req.params.email as string;
    if (p !== '-' && !world.project(p))
      return googleError(
        403,
        `Permission 'iam.serviceAccounts.get' denied on resource (or it may not exist).`,
        'forbidden',
      );
    if (email !== world.clientEmail && email !== world.clientId)
      return googleError(404, `Unknown service account`, 'notFound');
    return undefined;
  };
  const userKey = (): Json => {
    const sa = world.scn.serviceAccount;
    const key: Json = {
      name: `${saPath(world.clientEmail)}/keys/${world.keyId}`,
      validAfterTime: isoSeconds(world.keyCreatedAt),
      validBeforeTime:
        sa.keyExpiresInDays !== undefined
          ? isoSeconds(world.now() + sa.keyExpiresInDays * 86_400_000)
          : '9999-12-31T23:59:59Z',
      keyAlgorithm: 'KEY_ALG_RSA_2048',
      keyOrigin: 'GOOGLE_PROVIDED',
      keyType: 'USER_MANAGED',
    };
    if (sa.keyState === 'disabled') key.disabled = true;
    return key;
  };
  r.get('/v1/projects/{project}/serviceAccounts/{email}', (req) => {
    const bad = checkSa(req);
    if (bad) return bad;
    return ok({
      name: saPath(world.clientEmail),
      projectId: world.scn.projectId,
      uniqueId: world.clientId,
      email: world.clientEmail,
      displayName: world.clientEmail.split('@')[0],
      etag: 'MDEwMjE5MjA=',
      oauth2ClientId: world.clientId,
    });
  });
  r.get('/v1/projects/{project}/serviceAccounts/{email}/keys', (req) => {
    const bad = checkSa(req);
    if (bad) return bad;
    const keys: Json[] = [];
    const types = req.query.getAll('keyTypes');
    if (
      world.scn.serviceAccount.keyState !== 'deleted' &&
      (types.length === 0 || types.includes('USER_MANAGED'))
    )
      keys.push(userKey());
    if (types.length === 0 || types.includes('SYSTEM_MANAGED'))
      keys.push({
        name: `${saPath(world.clientEmail)}/keys/${[...world.keyId].reverse().join('')}`,
        validAfterTime: isoSeconds(world.now() - 86_400_000),
        validBeforeTime: isoSeconds(world.now() + 13 * 86_400_000),
        keyAlgorithm: 'KEY_ALG_RSA_2048',
        keyOrigin: 'GOOGLE_PROVIDED',
        keyType: 'SYSTEM_MANAGED',
      });
    return ok({ keys });
  });
  r.get('/v1/projects/{project}/serviceAccounts/{email}/keys/{keyId}', (req) => {
    const bad = checkSa(req);
    if (bad) return bad;
    if (!hasPermission(world, 'iam.serviceAccountKeys.get'))
      return permissionDenied(
        'iam.serviceAccountKeys.get',
        `${saPath(world.clientEmail)}/keys/${req.params.keyId}`,
      );
    const keyId = req.params.keyId as string;
    const name = `${saPath(world.clientEmail)}/keys/${keyId}`;
    if (keyId !== world.keyId || world.scn.serviceAccount.keyState === 'deleted')
      return googleError(404, `Service account key ${name} does not exist.`, 'notFound');
    // publicKeyType: TYPE_NONE (default, no public key) or TYPE_X509_PEM_FILE (publicKeyData: base64 of the
    // PEM certificate). IAM REST reference, projects.serviceAccounts.keys.get.
    const type = req.query.get('publicKeyType') ?? 'TYPE_NONE';
    const key = userKey();
    if (type === 'TYPE_X509_PEM_FILE')
      key.publicKeyData = Buffer.from(certificateOf(world, String(key.validBeforeTime))).toString('base64');
    else if (type !== 'TYPE_NONE')
      return googleError(
        400,
        `Invalid value at 'public_key_type' (type.googleapis.com/google.iam.admin.v1.ServiceAccountPublicKeyType), "${type}"`,
        'badRequest',
      );
    return ok(key);
  });
}

/** This API's resource families. A new family: a GcpFamily (in its own file when it grows), one line here. */
export const IAM_FAMILIES: GcpFamily[] = [serviceAccountRoutes];

export function iamRouter(world: GcpWorld): Router {
  const r = new Router();
  apiGuard(world, r, 'iam.googleapis.com');
  for (const family of IAM_FAMILIES) family(r, world);
  return r;
}
