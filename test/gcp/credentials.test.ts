import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigurationError } from '../../shared/errors.js';
import { RecordingLogger } from '../../shared/logger.js';
import { loadCredentials } from '../../shared/gcp/credentials.js';
import { keyMaterial, makeKey } from './helpers.js';

const here = dirname(fileURLToPath(import.meta.url));
const p12 = readFileSync(join(here, 'fixtures', 'test-key.p12'));
const dir = mkdtempSync(join(tmpdir(), 'gcp-cred-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function refusal(fn: () => unknown): ConfigurationError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigurationError);
    return e as ConfigurationError;
  }
  throw new Error('expected a ConfigurationError');
}

function expectNoKeyMaterial(e: ConfigurationError, pem: string) {
  const text = [e.message, e.fix, ...e.details].join('\n');
  for (const line of keyMaterial(pem)) expect(text).not.toContain(line);
  expect(text).not.toContain('PRIVATE KEY');
}

describe('loadCredentials: service-account JSON key', () => {
  test('reads a key from the input and masks the private key and each of its lines', () => {
    const key = makeKey();
    const log = new RecordingLogger();
    const c = loadCredentials({ keyJson: key.json, env: {}, log });
    expect(c).toMatchObject({
      kind: 'service_account',
      source: 'input gcp-credentials',
      projectId: 'acme-gitspaces',
      clientEmail: key.clientEmail,
      privateKeyId: key.privateKeyId,
      tokenUri: 'https://oauth2.googleapis.com/token',
    });
    const lines = keyMaterial(key.privateKeyPem);
    log.info(`whole key: ${key.privateKeyPem}`);
    log.info(`one line: ${lines[3]}`);
    log.info(`escaped: ${JSON.stringify(key.privateKeyPem)}`);
    for (const l of lines) expect(log.text()).not.toContain(l);
  });

  test('accepts base64 of the key and a path to a key file', () => {
    const key = makeKey();
    const b64 = loadCredentials({
      keyJson: Buffer.from(key.json).toString('base64'),
      env: {},
      log: new RecordingLogger(),
    });
    expect(b64.kind).toBe('service_account');
    const file = join(dir, 'key.json');
    writeFileSync(file, key.json);
    const fromPath = loadCredentials({ keyJson: file, env: {}, log: new RecordingLogger() });
    expect(fromPath).toMatchObject({
      kind: 'service_account',
      source: `file ${file} (input gcp-credentials)`,
    });
  });

  test('a truncated key is AUTH_KEY_INVALID naming the input, without key material', () => {
    const key = makeKey();
    const truncated = key.json.slice(0, Math.floor(key.json.length * 0.6));
    const e = refusal(() => loadCredentials({ keyJson: truncated, env: {}, log: new RecordingLogger() }));
    expect(e.code).toBe('AUTH_KEY_INVALID');
    expect(e.message).toContain('input gcp-credentials');
    expect(e.message).toMatch(/truncated/);
    expect(e.fix).toMatch(/JSON key/);
    expectNoKeyMaterial(e, key.privateKeyPem);
  });

  test('non-JSON text is AUTH_KEY_INVALID with the input name from the caller', () => {
    const e = refusal(() =>
      loadCredentials({
        keyJson: 'not a key at all',
        env: {},
        log: new RecordingLogger(),
        inputName: 'credentials_json',
      }),
    );
    expect(e.code).toBe('AUTH_KEY_INVALID');
    expect(e.message).toContain('input credentials_json');
    expect(e.message).not.toContain('not a key at all');
  });

  test('missing fields are listed', () => {
    const key = makeKey({ private_key_id: undefined, token_uri: '' });
    const e = refusal(() => loadCredentials({ keyJson: key.json, env: {}, log: new RecordingLogger() }));
    expect(e.code).toBe('AUTH_KEY_INVALID');
    expect(e.message).toContain('private_key_id, token_uri');
    expectNoKeyMaterial(e, key.privateKeyPem);
  });

  test('a damaged PEM is refused without echoing it', () => {
    const key = makeKey();
    const damaged = makeKey({ private_key: key.privateKeyPem.replace('-----END PRIVATE KEY-----', '') });
    const e = refusal(() => loadCredentials({ keyJson: damaged.json, env: {}, log: new RecordingLogger() }));
    expect(e.code).toBe('AUTH_KEY_INVALID');
    expectNoKeyMaterial(e, key.privateKeyPem);
  });
});

describe('loadCredentials: a P12 key without the service account it belongs to is refused, naming where to say it', () => {
  const cases: [string, () => string][] = [
    ['binary P12 text in the input', () => p12.toString('latin1')],
    ['binary P12 read as UTF-8 (as the runner passes inputs)', () => p12.toString('utf8')],
    ['base64 of a P12 in the input', () => p12.toString('base64')],
    ['a .p12 path in the input', () => '/home/runner/work/key.p12'],
  ];
  test.each(cases)('%s', (_name, input) => {
    const e = refusal(() => loadCredentials({ keyJson: input(), env: {}, log: new RecordingLogger() }));
    expect(e.code).toBe('AUTH_P12');
    expect(e.message).toContain('P12');
    // The file holds no email: the refusal names the config key and the input that give it ...
    expect(e.message + e.fix).toMatch(/gcp\.service_account_email/);
    expect(e.message + e.fix).toMatch(/gcp-service-account-email/);
    // ... and recommends a JSON key or keyless authentication.
    expect(e.fix).toMatch(/JSON key/);
    expect(e.fix).toMatch(/keyless/);
    expect(e.message + e.fix).not.toContain(p12.toString('base64').slice(0, 40));
  });

  test('a P12 file named by GOOGLE_APPLICATION_CREDENTIALS', () => {
    const file = join(dir, 'key-file');
    writeFileSync(file, p12);
    const e = refusal(() =>
      loadCredentials({ env: { GOOGLE_APPLICATION_CREDENTIALS: file }, log: new RecordingLogger() }),
    );
    expect(e.code).toBe('AUTH_P12');
    expect(e.message).toContain(file);
  });
});

describe('loadCredentials: keyless', () => {
  test('external_account file written by google-github-actions/auth', () => {
    const file = join(dir, 'gha-creds-1234.json');
    writeFileSync(
      file,
      JSON.stringify({
        type: 'external_account',
        audience:
          '//iam.googleapis.com/projects/123456/locations/global/workloadIdentityPools/github/providers/my-repo',
        subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
        token_url: 'https://sts.googleapis.com/v1/token',
        service_account_impersonation_url:
          'https://iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/gitspaces@acme-gitspaces.iam.gserviceaccount.com:generateAccessToken',
        credential_source: {
          url: 'https://pipelines.actions.githubusercontent.com/abc/idtoken?api-version=2.0&audience=x',
          headers: { Authorization: 'Bearer request-token-secret-value' },
          format: { type: 'json', subject_token_field_name: 'value' },
        },
      }),
    );
    const log = new RecordingLogger();
    const c = loadCredentials({ keyJson: '', env: { GOOGLE_GHA_CREDS_PATH: file }, log });
    expect(c).toMatchObject({
      kind: 'external_account',
      serviceAccountEmail: 'gitspaces@acme-gitspaces.iam.gserviceaccount.com',
      projectId: 'acme-gitspaces',
      credentialSource: { format: { type: 'json', subjectTokenFieldName: 'value' } },
    });
    log.info('header: Bearer request-token-secret-value');
    expect(log.text()).not.toContain('request-token-secret-value');
  });

  test('GOOGLE_APPLICATION_CREDENTIALS naming a service-account key file', () => {
    const key = makeKey();
    const file = join(dir, 'sa.json');
    writeFileSync(file, key.json);
    const c = loadCredentials({ env: { GOOGLE_APPLICATION_CREDENTIALS: file }, log: new RecordingLogger() });
    expect(c).toMatchObject({
      kind: 'service_account',
      source: `file ${file} (GOOGLE_APPLICATION_CREDENTIALS)`,
    });
  });

  test('authorized_user ADC file; the project comes from the environment', () => {
    const file = join(dir, 'adc.json');
    writeFileSync(
      file,
      JSON.stringify({
        type: 'authorized_user',
        client_id: 'cid',
        client_secret: 'csecret-value',
        refresh_token: 'rtoken-value',
      }),
    );
    const log = new RecordingLogger();
    const c = loadCredentials({
      env: { CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE: file, GOOGLE_CLOUD_PROJECT: 'p1' },
      log,
    });
    expect(c).toMatchObject({ kind: 'authorized_user', clientId: 'cid', projectId: 'p1' });
    log.info('csecret-value rtoken-value');
    expect(log.text()).toBe('info: *** ***');
  });

  test('nothing configured is AUTH_MISSING naming both ways', () => {
    const e = refusal(() => loadCredentials({ env: {}, log: new RecordingLogger() }));
    expect(e.code).toBe('AUTH_MISSING');
    expect(e.fix).toMatch(/google-github-actions\/auth/);
    expect(e.fix).toMatch(/gcp-credentials/);
  });

  test('a variable naming a missing file says which', () => {
    const e = refusal(() =>
      loadCredentials({
        env: { GOOGLE_APPLICATION_CREDENTIALS: join(dir, 'nope.json') },
        log: new RecordingLogger(),
      }),
    );
    expect(e.code).toBe('AUTH_KEY_INVALID');
    expect(e.message).toContain('GOOGLE_APPLICATION_CREDENTIALS');
    expect(e.message).toContain('ENOENT');
  });
});
