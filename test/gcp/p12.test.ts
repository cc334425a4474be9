import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError } from '../../shared/errors.js';
import { createGcp, loadCredentials } from '../../shared/gcp/index.js';
import { Pkcs12Error, publicKeyFingerprint, readPkcs12PrivateKey } from '../../shared/gcp/pkcs12.js';
import { RecordingLogger } from '../../shared/logger.js';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import { itNeedsOpenssl, makeP12 } from './p12.js';

/**
 * P12 keys (Harness's guide: "usually in the form of a JSON or P12 file"), made in the test with openssl as Google
 * makes them, read by shared/gcp/pkcs12.ts, and used against the sandbox with the service account's email.
 */

const pem = generateKeyPairSync('rsa', { modulusLength: 2048 })
  .privateKey.export({ type: 'pkcs8', format: 'pem' })
  .toString();
const fingerprintOf = (p: string) => publicKeyFingerprint(createPublicKey(p));

describe('the PKCS#12 reader', () => {
  itNeedsOpenssl('reads the key of a Google-style file (3DES key, RC2-40 certificate, SHA-1 MAC)', () => {
    const r = readPkcs12PrivateKey(makeP12(pem));
    expect(publicKeyFingerprint(r.key)).toBe(fingerprintOf(pem));
    expect(r.pem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
  });

  itNeedsOpenssl('reads the key of an OpenSSL 3 default file (PBES2 AES-256, SHA-256 MAC)', () => {
    const r = readPkcs12PrivateKey(makeP12(pem, { modern: true }));
    expect(publicKeyFingerprint(r.key)).toBe(fingerprintOf(pem));
  });

  itNeedsOpenssl('a wrong password fails on the MAC, saying so', () => {
    const p12 = makeP12(pem, { password: 'other' });
    expect(() => readPkcs12PrivateKey(p12)).toThrow(
      new Pkcs12Error('the MAC does not match: wrong password, or the file is damaged'),
    );
    expect(publicKeyFingerprint(readPkcs12PrivateKey(p12, 'other').key)).toBe(fingerprintOf(pem));
  });

  it('refuses what is not PKCS#12', () => {
    expect(() => readPkcs12PrivateKey(Buffer.from('{"type":"service_account"}'))).toThrow(Pkcs12Error);
    expect(() => readPkcs12PrivateKey(Buffer.from([0x30, 0x82, 0x09, 0xa4, 0x02, 0x01, 0x03]))).toThrow(
      /not a PKCS#12 file/,
    );
  });
});

describe('a P12 key against the sandbox', () => {
  let sb: Sandbox;
  let dir: string;
  beforeAll(async () => {
    sb = await startSandbox({ scenario: 'healthy' });
    dir = mkdtempSync(join(tmpdir(), 'gitspaces-p12-test-'));
  });
  afterAll(async () => {
    await sb?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  itNeedsOpenssl(
    'with the email: the clients get a token, the key id is found in IAM by its public key, and the key is masked',
    async () => {
      const p12 = makeP12(sb.world.gcp.privateKeyPem);
      const log = new RecordingLogger();
      const gcp = createGcp({
        keyJson: p12.toString('base64'),
        env: sb.env,
        log,
        serviceAccountEmail: sb.world.gcp.clientEmail,
      });
      try {
        const c = gcp.credentials;
        if (c.kind !== 'service_account') throw new Error(c.kind);
        expect({ format: c.format, email: c.clientEmail, id: c.privateKeyId }).toEqual({
          format: 'p12',
          email: sb.world.gcp.clientEmail,
          id: '',
        });
        // A client call through the official Compute client, authenticated with the P12's key (no kid yet).
        expect((await gcp.compute.getRegion('acme-gitspaces', 'us-central1')).name).toBe('us-central1');
        const { resolveP12KeyId } = await import('../../shared/gcp/iam.js');
        expect(await resolveP12KeyId(gcp.iam, c)).toBe(sb.world.gcp.keyId);
        expect(JSON.parse(c.json)).toMatchObject({
          type: 'service_account',
          client_email: sb.world.gcp.clientEmail,
          private_key_id: sb.world.gcp.keyId,
        });
        const keyLine = c.privateKey.split('\n')[1] as string;
        expect(log.masks.has(keyLine)).toBe(true);
        expect(log.masks.has(p12.toString('base64'))).toBe(true);
      } finally {
        await gcp.close();
      }
    },
  );

  itNeedsOpenssl('a P12 key of another key pair is not in IAM: refused, naming the account', async () => {
    const file = join(dir, 'other.p12');
    writeFileSync(file, makeP12(pem));
    const gcp = createGcp({
      keyJson: file,
      env: sb.env,
      log: new RecordingLogger(),
      serviceAccountEmail: sb.world.gcp.clientEmail,
    });
    try {
      const { resolveP12KeyId } = await import('../../shared/gcp/iam.js');
      // The token endpoint refuses the foreign key first; IAM is asked with the sandbox's own key.
      const own = createGcp({ keyJson: sb.files.serviceAccountKey, env: sb.env, log: new RecordingLogger() });
      const c = gcp.credentials;
      if (c.kind !== 'service_account') throw new Error(c.kind);
      const e = await resolveP12KeyId(own.iam, c).catch((x: unknown) => x);
      await own.close();
      expect(e).toBeInstanceOf(ConfigurationError);
      expect((e as ConfigurationError).code).toBe('AUTH_P12_KEY_UNKNOWN');
      expect((e as ConfigurationError).message).toContain(sb.world.gcp.clientEmail);
    } finally {
      await gcp.close();
    }
  });

  it('without the email the P12 is refused, naming gcp.service_account_email', () => {
    let e: unknown;
    try {
      loadCredentials({
        keyJson: Buffer.concat([
          Buffer.from([0x30, 0x82, 0x01, 0x00, 0x02, 0x01, 0x03, 0x30]),
          Buffer.alloc(64, 7),
        ]).toString('base64'),
        env: {},
        log: new RecordingLogger(),
      });
    } catch (x) {
      e = x;
    }
    expect(e).toBeInstanceOf(ConfigurationError);
    expect((e as ConfigurationError).code).toBe('AUTH_P12');
    expect((e as ConfigurationError).message).toMatch(
      /it holds no service-account email: set gcp\.service_account_email/,
    );
  });
});
