import { join } from 'node:path';
import { itNeedsOpenssl, makeP12 } from '../gcp/p12.js';
import { runValidate, scenarioRun } from './helpers.js';

/** Lines of a PEM private key long enough to identify it. */
const keyLines = (pem: string) => pem.split('\n').filter((l) => l.length > 20 && !l.startsWith('-----'));

describe('validate-prereqs with a P12 key (the fixture made in the test with openssl, as Google issues them)', () => {
  let s: Awaited<ReturnType<typeof scenarioRun>>;
  beforeAll(async () => {
    s = await scenarioRun('healthy');
  });
  afterAll(async () => s.close());

  itNeedsOpenssl(
    'with the service account email: accepted, its key id found in IAM, AUTH-002 recommends JSON or keyless',
    async () => {
      const env = { ...s.env };
      delete env.GOOGLE_APPLICATION_CREDENTIALS;
      const p12 = makeP12(s.sb.world.gcp.privateKeyPem).toString('base64');
      const r = await runValidate(
        {
          config: s.configPath,
          'gcp-credentials': p12,
          'gcp-service-account-email': s.sb.world.gcp.clientEmail,
          'harness-api-key': s.sb.secrets.harnessApiKey,
          'report-path': join(s.dir, 'p12.json'),
        },
        env,
      );
      const auth = Object.fromEntries(
        r.report.checks.filter((c) => c.id.startsWith('AUTH-')).map((c) => [c.id, c]),
      );
      expect(auth['AUTH-001']?.status).toBe('ok');
      expect(auth['AUTH-001']?.observed).toContain(
        `P12 service-account key ${s.sb.world.gcp.keyId.slice(0, 8)}… for ${s.sb.world.gcp.clientEmail}`,
      );
      expect(auth['AUTH-002']?.status).toBe('warn');
      expect(auth['AUTH-002']?.observed).toMatch(
        /a P12 key for .*: accepted, converted to a JSON key in memory/,
      );
      expect(auth['AUTH-002']?.fix).toMatch(/Prefer a JSON key .* or keyless authentication/);
      // AUTH-003 reads the key IAM matched by its public key.
      expect(auth['AUTH-003']?.status).toBe('ok');
      expect(auth['AUTH-003']?.observed).toBe(
        `key ${s.sb.world.gcp.keyId.slice(0, 8)}… is enabled, no expiry`,
      );
      // The rest of the preflight ran with the P12's credentials (no skip for want of credentials).
      expect(r.report.checks.find((c) => c.id === 'API-002')?.status).toBe('ok');
      expect(r.report.checks.filter((c) => c.status === 'error')).toEqual([]);
      const visible = [r.log.text(), r.summary, r.reportText, JSON.stringify(r.outputs)].join('\n');
      for (const line of keyLines(s.sb.secrets.serviceAccountPrivateKey)) expect(visible).not.toContain(line);
      expect(visible).not.toContain(p12.slice(0, 60));
    },
  );

  itNeedsOpenssl('without the email: AUTH-002 says where to give it', async () => {
    const env = { ...s.env };
    delete env.GOOGLE_APPLICATION_CREDENTIALS;
    const r = await runValidate(
      {
        config: s.configPath,
        'gcp-credentials': makeP12(s.sb.world.gcp.privateKeyPem).toString('base64'),
        'harness-api-key': s.sb.secrets.harnessApiKey,
        'report-path': join(s.dir, 'p12-no-email.json'),
      },
      env,
    );
    const errors = r.report.checks.filter((x) => x.status === 'error');
    expect(errors.map((e) => e.id)).toEqual(['AUTH-002']);
    expect(errors[0]?.observed).toMatch(
      /are a P12 \(PKCS#12\) key, and it holds no service-account email: set gcp\.service_account_email in gitspaces\.yaml, or the gcp-service-account-email input/,
    );
    expect(r.result.exitCode).toBe(1);
  });
});
