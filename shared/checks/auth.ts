/** The auth family (AUTH): the Google credentials resolve, are a JSON key or keyless, and the key is usable. */
import { RemoteError } from '../errors.js';
import type { ServiceAccountKey } from '../gcp/iam.js';
import { gcpAuth } from './gcp-access.js';
import { PreflightCheck, PreflightContext, SkipCheck, error, ok, skip, warn } from './types.js';

function describeCredentials(ctx: PreflightContext): string {
  if (!ctx.gcp.ok) return '';
  const c = ctx.gcp.gcp.credentials;
  switch (c.kind) {
    case 'service_account':
      return `${c.format === 'p12' ? 'P12 ' : ''}service-account key ${c.privateKeyId ? `${c.privateKeyId.slice(0, 8)}…` : '(id not found in IAM)'} for ${c.clientEmail} (${c.source})`;
    case 'external_account':
      return `keyless: external_account (Workload Identity Federation${c.serviceAccountEmail ? `, impersonating ${c.serviceAccountEmail}` : ''}) from ${c.source}`;
    case 'authorized_user':
      return `gcloud user credentials (authorized_user) from ${c.source}`;
  }
}

export const AUTH_001: PreflightCheck = {
  id: 'AUTH-001',
  async run(ctx) {
    const expected =
      'a service-account JSON key (input gcp-credentials or GOOGLE_APPLICATION_CREDENTIALS) or keyless credentials, for the configured project, that obtain a token';
    const auth = await gcpAuth(ctx);
    if (!auth.ok) {
      if (auth.checkId !== 'AUTH-001')
        return skip(`the credentials were found; ${auth.checkId} reports why they cannot be used`, expected);
      return error(auth.observed, expected, auth.fix);
    }
    return ok(`${describeCredentials(ctx)}; token obtained for project ${auth.project}`, expected);
  },
};

export const AUTH_002: PreflightCheck = {
  id: 'AUTH-002',
  async run(ctx) {
    const expected = 'a JSON service-account key ("type": "service_account"), or keyless credentials';
    const setup = ctx.gcp;
    if (!setup.ok) {
      if (setup.checkId === 'AUTH-002') return error(setup.message, expected, setup.fix);
      return skip('no credentials were found (see AUTH-001)', expected);
    }
    const auth = await gcpAuth(ctx);
    if (!auth.ok && auth.checkId === 'AUTH-002') return error(auth.observed, expected, auth.fix);
    const c = setup.gcp.credentials;
    if (c.kind === 'service_account' && c.format === 'p12')
      return warn(
        `a P12 key for ${c.clientEmail} (${c.source}): accepted, converted to a JSON key in memory for the clients and Terraform`,
        expected,
        `Prefer a JSON key (\`gcloud iam service-accounts keys create key.json --iam-account=${c.clientEmail}\`, then delete the P12 key), or keyless authentication (google-github-actions/auth with Workload Identity Federation).`,
      );
    if (c.kind === 'service_account') return ok(`JSON service-account key for ${c.clientEmail}`, expected);
    return ok(`no key file: ${c.kind} credentials`, expected);
  },
};

/** The key's IAM record (once per run). */
function keyRecord(ctx: PreflightContext): Promise<ServiceAccountKey | undefined> {
  return ctx.once('sa-key', async () => {
    const auth = await gcpAuth(ctx);
    if (!auth.ok || auth.gcp.credentials.kind !== 'service_account') return undefined;
    const c = auth.gcp.credentials;
    if (!c.privateKeyId) {
      // A P12 key whose id IAM would not tell (no iam.serviceAccountKeys.list / get).
      throw new RemoteError('iam', 403, `cannot list the keys of ${c.clientEmail}`);
    }
    return auth.gcp.iam.getServiceAccountKey(c.projectId, c.clientEmail, c.privateKeyId);
  });
}

export const AUTH_003: PreflightCheck = {
  id: 'AUTH-003',
  async run(ctx) {
    const expected = 'an enabled key that the token endpoint accepts, not expiring within 30 days';
    const auth = await gcpAuth(ctx);
    if (!auth.ok) {
      if (auth.checkId === 'AUTH-003') return error(auth.observed, expected, auth.fix);
      return skip(`no usable credentials to test (see ${auth.checkId})`, expected);
    }
    const c = auth.gcp.credentials;
    if (c.kind !== 'service_account') return ok(`no key: ${c.kind} credentials obtained a token`, expected);
    let key: ServiceAccountKey | undefined;
    try {
      key = await keyRecord(ctx);
    } catch (e) {
      if (e instanceof RemoteError && e.status === 403)
        throw new SkipCheck(
          `the key obtained a token, but IAM does not let ${c.clientEmail} read its own keys (iam.serviceAccountKeys.get)`,
          expected,
        );
      throw e;
    }
    const id = `${c.privateKeyId.slice(0, 8)}…`;
    const fix = `Create a new JSON key (\`gcloud iam service-accounts keys create key.json --iam-account=${c.clientEmail}\`), update the secret, then delete key ${id}; or move to keyless authentication.`;
    if (!key) return error(`key ${id} of ${c.clientEmail} does not exist in IAM (deleted)`, expected, fix);
    if (key.disabled)
      return error(
        `key ${id} of ${c.clientEmail} is disabled`,
        expected,
        `Enable it again (\`gcloud iam service-accounts keys enable ${c.privateKeyId} --iam-account=${c.clientEmail}\`) or ${fix.charAt(0).toLowerCase()}${fix.slice(1)}`,
      );
    if (key.validBeforeTime && !key.validBeforeTime.startsWith('9999')) {
      const days = Math.floor((Date.parse(key.validBeforeTime) - ctx.clock.now()) / 86_400_000);
      if (days < 0) return error(`key ${id} expired on ${key.validBeforeTime}`, expected, fix);
      if (days < 30)
        return warn(`key ${id} expires in ${days} day(s) (${key.validBeforeTime})`, expected, fix);
    }
    return ok(
      `key ${id} is enabled${key.validBeforeTime && !key.validBeforeTime.startsWith('9999') ? ` until ${key.validBeforeTime}` : ', no expiry'}`,
      expected,
    );
  },
};

export const AUTH_004: PreflightCheck = {
  id: 'AUTH-004',
  async run(ctx) {
    const expected =
      'keyless authentication (Workload Identity Federation) in GitHub Actions; a key younger than 90 days otherwise';
    const auth = await gcpAuth(ctx);
    if (!auth.ok) return skip(`no usable credentials (see ${auth.checkId})`, expected);
    const c = auth.gcp.credentials;
    if (c.kind !== 'service_account') return ok(`keyless (${c.kind})`, expected);
    const key = await keyRecord(ctx).catch(() => undefined);
    const ageDays = key?.validAfterTime
      ? Math.floor((ctx.clock.now() - Date.parse(key.validAfterTime)) / 86_400_000)
      : undefined;
    const age = ageDays !== undefined ? `${ageDays} day(s) old` : 'age unknown';
    const keylessFix =
      'Use google-github-actions/auth with workload_identity_provider and service_account (and `permissions: id-token: write`), set gcp.credentials: keyless, and delete the key. ' +
      'The Terraform module and the VM runner still read a JSON key file: the runner keeps its own key on the VM.';
    if (ctx.config?.gcp.credentials === 'keyless')
      return warn(`gcp.credentials is keyless, but a key is in use (${age})`, expected, keylessFix);
    if (ctx.env.GITHUB_ACTIONS === 'true')
      return warn(
        `a long-lived service-account key (${age}) in GitHub Actions, where keyless would do`,
        expected,
        keylessFix,
      );
    if (ageDays !== undefined && ageDays > 90)
      return warn(
        `the key is ${ageDays} days old`,
        expected,
        `Rotate it: create a new key, update the secret, delete the old one. ${keylessFix}`,
      );
    return ok(`service-account key, ${age}`, expected);
  },
};

export const AUTH_CHECKS: readonly PreflightCheck[] = [AUTH_001, AUTH_002, AUTH_003, AUTH_004];
