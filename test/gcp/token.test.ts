import { createVerify } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeClock } from '../../shared/clock.js';
import { ConfigurationError } from '../../shared/errors.js';
import { RecordingLogger } from '../../shared/logger.js';
import { loadCredentials } from '../../shared/gcp/credentials.js';
import { authClientFor } from '../../shared/gcp/authclient.js';
import { createTokenSource, withSharedTokens } from '../../shared/gcp/token.js';
import { form, keyMaterial, makeKey, startServer, TestServer } from './helpers.js';

let server: TestServer;

/** Credential files the tests write, removed after each test whether it passed or not. */
const scratchDirs: string[] = [];
function scratchDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gcp-token-test-'));
  scratchDirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of scratchDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

let answer: (
  path: string,
  body: string,
  headers: Record<string, unknown>,
) => { status?: number; body?: unknown; headers?: Record<string, string> };
beforeAll(async () => {
  server = await startServer((req) => answer(req.path, req.body, req.headers));
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

function decodeJwt(jwt: string) {
  const [h, p, s] = jwt.split('.') as [string, string, string];
  return {
    header: JSON.parse(Buffer.from(h, 'base64url').toString()),
    payload: JSON.parse(Buffer.from(p, 'base64url').toString()),
    signed: `${h}.${p}`,
    signature: Buffer.from(s, 'base64url'),
  };
}

describe('service-account key: JWT bearer grant', () => {
  test('signs an RS256 JWT the public key verifies, posts it to the configured token URL and caches the token', async () => {
    const key = makeKey({ token_uri: 'https://example.invalid/token' });
    const clock = new FakeClock(1_700_000_000_000);
    let n = 0;
    answer = () => ({ body: { access_token: `ya29.token-${++n}`, expires_in: 3600, token_type: 'Bearer' } });
    const log = new RecordingLogger();
    const creds = loadCredentials({ keyJson: key.json, env: {}, log });
    const ts = createTokenSource(creds, { endpoints: { googleTokenUrl: `${server.url}/token` }, clock, log });

    expect(await ts.getToken()).toBe('ya29.token-1');
    expect(await ts.getToken()).toBe('ya29.token-1');
    expect(server.requests).toHaveLength(1);
    const req = server.requests[0]!;
    expect(req.path).toBe('/token');
    expect(req.headers['content-type']).toBe('application/x-www-form-urlencoded');
    const f = form(req.body);
    expect(f.get('grant_type')).toBe('urn:ietf:params:oauth:grant-type:jwt-bearer');
    const jwt = decodeJwt(f.get('assertion')!);
    expect(jwt.header).toEqual({ alg: 'RS256', typ: 'JWT', kid: key.privateKeyId });
    expect(jwt.payload).toEqual({
      iss: key.clientEmail,
      scope: 'https://www.googleapis.com/auth/cloud-platform',
      aud: `${server.url}/token`,
      iat: 1_700_000_000,
      exp: 1_700_003_600,
    });
    expect(createVerify('RSA-SHA256').update(jwt.signed).verify(key.publicKey, jwt.signature)).toBe(true);
    expect(ts.identity()).toBe(key.clientEmail);
    // the token itself is masked
    log.info('token ya29.token-1');
    expect(log.text()).not.toContain('ya29.token-1');

    // renewed shortly before expiry, not after
    clock.advance(50 * 60_000);
    expect(await ts.getToken()).toBe('ya29.token-1');
    clock.advance(6 * 60_000);
    expect(await ts.getToken()).toBe('ya29.token-2');
    expect(server.requests).toHaveLength(2);
  });

  test('concurrent callers share one token request', async () => {
    const key = makeKey();
    answer = () => ({ body: { access_token: 'shared', expires_in: 3600 } });
    const ts = createTokenSource(
      loadCredentials({ keyJson: key.json, env: {}, log: new RecordingLogger() }),
      {
        endpoints: { googleTokenUrl: `${server.url}/token` },
        clock: new FakeClock(1e12),
      },
    );
    const all = await Promise.all([ts.getToken(), ts.getToken(), ts.getToken()]);
    expect(all).toEqual(['shared', 'shared', 'shared']);
    expect(server.requests).toHaveLength(1);
  });

  test('within one pipeline run, every source made for the same key shares its token; another key, or outside a run, fetches its own', async () => {
    const key = makeKey();
    const other = makeKey({
      client_email: 'other@acme-gitspaces.iam.gserviceaccount.com',
      private_key_id: 'f'.repeat(40),
    });
    let n = 0;
    answer = () => ({ body: { access_token: `ya29.run-${++n}`, expires_in: 3600 } });
    const endpoints = { googleTokenUrl: `${server.url}/token` };
    const clock = new FakeClock(1e12);
    const source = (json: string) =>
      createTokenSource(loadCredentials({ keyJson: json, env: {}, log: new RecordingLogger() }), {
        endpoints,
        clock,
      });

    // Each phase of a run loads the key again and makes its own source: one token request for all of them.
    const inRun = await withSharedTokens(async () => {
      const first = await source(key.json).getToken();
      const later = await Promise.all([source(key.json).getToken(), source(key.json).getToken()]);
      const otherKey = await source(other.json).getToken();
      return [first, ...later, otherKey];
    });
    expect(inRun).toEqual(['ya29.run-1', 'ya29.run-1', 'ya29.run-1', 'ya29.run-2']);
    expect(server.requests).toHaveLength(2);

    // A second run shares nothing with the first; outside a run, each source asks for itself.
    expect(await withSharedTokens(() => source(key.json).getToken())).toBe('ya29.run-3');
    expect(await source(key.json).getToken()).toBe('ya29.run-4');
    expect(await source(key.json).getToken()).toBe('ya29.run-5');
    expect(server.requests).toHaveLength(5);
  });

  test("invalid_grant becomes AUTH_TOKEN_REJECTED with Google's description and the likely causes, without key material", async () => {
    const key = makeKey();
    answer = () => ({
      status: 400,
      body: { error: 'invalid_grant', error_description: 'Invalid JWT Signature.' },
    });
    const ts = createTokenSource(
      loadCredentials({ keyJson: key.json, env: {}, log: new RecordingLogger() }),
      {
        endpoints: { googleTokenUrl: `${server.url}/token` },
        clock: new FakeClock(1e12),
      },
    );
    const e = (await ts.getToken().catch((x: unknown) => x)) as ConfigurationError;
    expect(e).toBeInstanceOf(ConfigurationError);
    expect(e.code).toBe('AUTH_TOKEN_REJECTED');
    expect(e.message).toContain('Invalid JWT Signature.');
    expect(e.message).toContain(key.clientEmail);
    expect(e.fix).toMatch(/deleted or disabled/);
    expect(e.fix).toMatch(/clock/);
    expect(e.fix).toMatch(/project/);
    const text = e.message + e.fix;
    for (const l of keyMaterial(key.privateKeyPem)) expect(text).not.toContain(l);
    expect(server.requests).toHaveLength(1);
  });

  test('a 503 from the token endpoint is retried', async () => {
    const key = makeKey();
    let n = 0;
    answer = () =>
      ++n === 1
        ? { status: 503, body: 'busy', headers: { 'retry-after': '2' } }
        : { body: { access_token: 'after-retry', expires_in: 3600 } };
    const clock = new FakeClock(1e12);
    const ts = createTokenSource(
      loadCredentials({ keyJson: key.json, env: {}, log: new RecordingLogger() }),
      {
        endpoints: { googleTokenUrl: `${server.url}/token` },
        clock,
        random: () => 0,
      },
    );
    expect(await ts.getToken()).toBe('after-retry');
    expect(clock.sleeps).toEqual([2000]);
  });
});

describe('external_account (workload identity federation)', () => {
  test('reads the subject token from the URL, exchanges it at STS, then impersonates the service account', async () => {
    const dir = scratchDir();
    const file = join(dir, 'gha-creds.json');
    writeFileSync(
      file,
      JSON.stringify({
        type: 'external_account',
        audience: '//iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/gh/providers/repo',
        subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
        token_url: `${server.url}/v1/token`,
        service_account_impersonation_url: `${server.url}/v1/projects/-/serviceAccounts/sa@proj-1234.iam.gserviceaccount.com:generateAccessToken`,
        credential_source: {
          url: `${server.url}/oidc?audience=x`,
          headers: { Authorization: 'Bearer oidc-request-token' },
          format: { type: 'json', subject_token_field_name: 'value' },
        },
      }),
    );
    const expire = new Date(Date.now() + 3600_000).toISOString();
    answer = (path, body, headers) => {
      if (path === '/oidc')
        return headers.authorization === 'Bearer oidc-request-token'
          ? { body: { count: 1, value: 'github-oidc-jwt' } }
          : { status: 401 };
      if (path === '/v1/token') {
        const f = form(body);
        if (f.get('subject_token') !== 'github-oidc-jwt')
          return { status: 400, body: { error: 'invalid_grant', error_description: 'bad subject' } };
        return { body: { access_token: 'federated', token_type: 'Bearer', expires_in: 3600 } };
      }
      if (headers.authorization !== 'Bearer federated')
        return { status: 401, body: { error: { code: 401, message: 'no' } } };
      return { body: { accessToken: 'impersonated', expireTime: expire } };
    };
    const log = new RecordingLogger();
    const creds = loadCredentials({ env: { GOOGLE_APPLICATION_CREDENTIALS: file }, log });
    const ts = createTokenSource(creds, {
      endpoints: { googleTokenUrl: `${server.url}/unused` },
      log,
      clock: new FakeClock(1e12),
    });
    expect(await ts.getToken()).toBe('impersonated');
    expect(ts.identity()).toBe('sa@proj-1234.iam.gserviceaccount.com');
    expect(server.requests.map((r) => r.path)).toEqual([
      '/oidc',
      '/v1/token',
      '/v1/projects/-/serviceAccounts/sa@proj-1234.iam.gserviceaccount.com:generateAccessToken',
    ]);
    const sts = form(server.requests[1]!.body);
    expect(Object.fromEntries(sts)).toEqual({
      grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
      audience: '//iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/gh/providers/repo',
      scope: 'https://www.googleapis.com/auth/cloud-platform',
      requested_token_type: 'urn:ietf:params:oauth:token-type:access_token',
      subject_token: 'github-oidc-jwt',
      subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
    });
    expect(JSON.parse(server.requests[2]!.body)).toEqual({
      scope: ['https://www.googleapis.com/auth/cloud-platform'],
      lifetime: '3600s',
    });
    log.info('github-oidc-jwt federated impersonated oidc-request-token');
    expect(log.text()).toBe('info: *** *** *** ***');
  });

  test('an STS refusal is AUTH_TOKEN_REJECTED pointing at the provider', async () => {
    const dir = scratchDir();
    writeFileSync(join(dir, 'subject'), 'file-subject-token\n');
    const file = join(dir, 'creds.json');
    writeFileSync(
      file,
      JSON.stringify({
        type: 'external_account',
        audience: '//iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/gh/providers/repo',
        subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
        token_url: `${server.url}/v1/token`,
        credential_source: { file: join(dir, 'subject') },
      }),
    );
    answer = () => ({
      status: 400,
      body: {
        error: 'invalid_grant',
        error_description: 'The audience in ID Token does not match the expected audience.',
      },
    });
    const ts = createTokenSource(
      loadCredentials({ env: { GOOGLE_GHA_CREDS_PATH: file }, log: new RecordingLogger() }),
      {
        endpoints: { googleTokenUrl: `${server.url}/unused` },
        clock: new FakeClock(1e12),
      },
    );
    const e = (await ts.getToken().catch((x: unknown) => x)) as ConfigurationError;
    expect(e.code).toBe('AUTH_TOKEN_REJECTED');
    expect(e.message).toContain('does not match the expected audience');
    expect(e.fix).toMatch(/attribute condition/);
    expect(form(server.requests[0]!.body).get('subject_token')).toBe('file-subject-token');
  });
});

describe('authorized_user and the google-auth-library bridge', () => {
  test('refresh-token grant at the configured token URL; authClientFor hands the token to OAuth2Client', async () => {
    const dir = scratchDir();
    const file = join(dir, 'adc.json');
    writeFileSync(
      file,
      JSON.stringify({ type: 'authorized_user', client_id: 'cid', client_secret: 'cs', refresh_token: 'rt' }),
    );
    answer = () => ({ body: { access_token: 'user-token', expires_in: 3599 } });
    const ts = createTokenSource(
      loadCredentials({ env: { GOOGLE_APPLICATION_CREDENTIALS: file }, log: new RecordingLogger() }),
      {
        endpoints: { googleTokenUrl: `${server.url}/token` },
      },
    );
    const client = authClientFor(ts);
    const headers = await client.getRequestHeaders();
    expect(headers.get('authorization')).toBe('Bearer user-token');
    expect(Object.fromEntries(form(server.requests[0]!.body))).toEqual({
      grant_type: 'refresh_token',
      client_id: 'cid',
      client_secret: 'cs',
      refresh_token: 'rt',
    });
  });
});
