import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runValidate, scenarioRun } from './helpers.js';

/** Lines of a PEM private key long enough to identify it. */
const keyLines = (pem: string) => pem.split('\n').filter((l) => l.length > 20 && !l.startsWith('-----'));

describe('validate-prereqs with bad credentials: one clear error each, no key material anywhere', () => {
  let s: Awaited<ReturnType<typeof scenarioRun>>;
  let keyText: string;
  beforeAll(async () => {
    s = await scenarioRun('healthy');
    keyText = readFileSync(s.sb.files.serviceAccountKey, 'utf8');
  });
  afterAll(async () => s.close());

  const otherPem = generateKeyPairSync('rsa', { modulusLength: 2048 })
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();
  const cases: { name: string; make: () => string; id: string; says: RegExp; pem: () => string }[] = [
    {
      name: 'truncated JSON',
      make: () => keyText.slice(0, Math.floor(keyText.length / 2)),
      id: 'AUTH-002',
      says: /not valid JSON.*truncated/s,
      pem: () => s.sb.secrets.serviceAccountPrivateKey,
    },
    {
      name: 'a P12 file',
      make: () => {
        const p = join(s.dir, 'key.p12');
        writeFileSync(
          p,
          Buffer.concat([
            Buffer.from([0x30, 0x82, 0x09, 0xa4, 0x02, 0x01, 0x03, 0x30, 0x82]),
            Buffer.alloc(64, 7),
          ]),
        );
        return p;
      },
      id: 'AUTH-002',
      says: /P12 \(PKCS#12\)/,
      pem: () => s.sb.secrets.serviceAccountPrivateKey,
    },
    {
      name: 'a key for another project',
      make: () => {
        const k = JSON.parse(keyText) as Record<string, string>;
        return JSON.stringify({
          ...k,
          project_id: 'other-project-42',
          client_email: 'deployer@other-project-42.iam.gserviceaccount.com',
        });
      },
      id: 'AUTH-001',
      says: /of project other-project-42, but gcp\.project_id is acme-gitspaces/,
      pem: () => s.sb.secrets.serviceAccountPrivateKey,
    },
    {
      name: 'a private key that does not match its key id',
      make: () =>
        JSON.stringify({ ...(JSON.parse(keyText) as Record<string, string>), private_key: otherPem }),
      id: 'AUTH-003',
      says: /refused a token.*invalid_grant/s,
      pem: () => otherPem,
    },
  ];

  it.each(cases)('$name -> $id', async (c) => {
    const env = { ...s.env };
    delete env.GOOGLE_APPLICATION_CREDENTIALS;
    const secretInput = c.make();
    const r = await runValidate(
      {
        config: s.configPath,
        'gcp-credentials': secretInput,
        'harness-api-key': s.sb.secrets.harnessApiKey,
        'report-path': join(s.dir, `${c.id}.json`),
      },
      env,
    );
    const errors = r.report.checks.filter((x) => x.status === 'error');
    expect(errors.map((e) => e.id)).toEqual([c.id]);
    expect(errors[0]?.observed).toMatch(c.says);
    expect(errors[0]?.fix.length).toBeGreaterThan(40);
    // Every other GCP check says why it did not look.
    for (const id of ['API-002', 'IAM-001', 'QUOTA-001', 'IMG-001']) {
      const x = r.report.checks.find((y) => y.id === id);
      expect(x?.status).toBe('skip');
      expect(x?.fix).toMatch(/no usable Google credentials \(see AUTH-00\d\)/);
    }
    expect(r.result.exitCode).toBe(1);
    const visible = [
      r.log.text(),
      r.summary,
      r.reportText,
      JSON.stringify(r.outputs),
      JSON.stringify(r.result),
    ].join('\n');
    for (const line of keyLines(c.pem())) expect(visible).not.toContain(line);
    if (secretInput.startsWith('{')) expect(visible).not.toContain(secretInput.slice(0, 200));
  });

  it('a deleted key (scenario key-deleted) -> AUTH-003 only', async () => {
    const d = await scenarioRun('key-deleted');
    try {
      const r = await runValidate(
        {
          config: d.configPath,
          'harness-api-key': d.sb.secrets.harnessApiKey,
          'report-path': join(d.dir, 'r.json'),
        },
        d.env,
      );
      const errors = r.report.checks.filter((x) => x.status === 'error');
      expect(errors.map((e) => e.id)).toEqual(['AUTH-003']);
      expect(errors[0]?.observed).toMatch(/Invalid JWT Signature/);
      expect(errors[0]?.fix).toMatch(/deleted or disabled/);
      const visible = [r.log.text(), r.summary, r.reportText].join('\n');
      for (const line of keyLines(d.sb.secrets.serviceAccountPrivateKey)) expect(visible).not.toContain(line);
    } finally {
      await d.close();
    }
  });
});
