import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { runValidate, scenarioRun } from './helpers.js';

describe('validate-prereqs enable-apis', () => {
  it('apis-disabled with enable-apis: true enables the missing APIs, waits for the operation, probes each, then passes', async () => {
    const s = await scenarioRun('apis-disabled');
    try {
      const r = await runValidate(
        {
          config: s.configPath,
          'enable-apis': 'true',
          'harness-api-key': s.sb.secrets.harnessApiKey,
          'report-path': join(s.dir, 'r.json'),
        },
        s.env,
        { enableDeadlineMs: 60_000 },
      );
      const byId = Object.fromEntries(r.report.checks.map((c) => [c.id, c]));
      expect(r.report.checks.filter((c) => c.status === 'error')).toEqual([]);
      expect(byId['API-007']?.observed).toMatch(
        /^enabled compute\.googleapis\.com, certificatemanager\.googleapis\.com, dns\.googleapis\.com; every probe answered/,
      );
      for (const id of ['API-002', 'API-003', 'API-005'])
        expect(byId[id]?.observed).toMatch(/was DISABLED, enabled by API-007/);
      // Checks that need compute ran after the enablement instead of skipping.
      expect(byId['QUOTA-001']?.status).toBe('ok');
      expect(byId['IMG-001']?.status).toBe('ok');
      const muts = s.sb.journal.mutations().map((e) => `${e.method} ${e.path}`);
      expect(muts).toEqual(['POST /v1/projects/acme-gitspaces/services:batchEnable']);
      const after = s.sb.journal.entries.filter((e) => e.seq > (s.sb.journal.mutations()[0]?.seq ?? 0));
      // The operation was polled, and each API was probed (one answered SERVICE_DISABLED while propagating, or all on the first try).
      expect(after.some((e) => e.service === 'serviceusage' && /operations\//.test(e.path))).toBe(true);
      expect(after.some((e) => /regions\/us-central1/.test(e.path))).toBe(true);
      expect(after.some((e) => /managedZones/.test(e.path))).toBe(true);
      expect(r.result.exitCode).toBe(0);
    } finally {
      await s.close();
    }
  });

  it('without enable-apis the same scenario changes nothing and API-007 says why', async () => {
    const s = await scenarioRun('apis-disabled');
    try {
      const r = await runValidate(
        {
          config: s.configPath,
          'harness-api-key': s.sb.secrets.harnessApiKey,
          'report-path': join(s.dir, 'r.json'),
        },
        s.env,
      );
      const api7 = r.report.checks.find((c) => c.id === 'API-007');
      expect(api7?.status).toBe('skip');
      expect(api7?.fix).toMatch(/enable-apis is false, so nothing was changed/);
      const quota = r.report.checks.find((c) => c.id === 'QUOTA-001');
      expect(quota?.status).toBe('skip');
      expect(quota?.fix).toMatch(/compute\.googleapis\.com is not enabled.*API-002/);
      expect(s.sb.journal.attempts()).toEqual([]);
      expect(r.summary).toMatch(/gcloud services enable compute\.googleapis\.com --project acme-gitspaces/);
    } finally {
      await s.close();
    }
  });
});

describe('validate-prereqs config and exit codes', () => {
  it('an invalid config is one CFG-001 error with every problem, exit code 2, and nothing else fails because of it', async () => {
    const s = await scenarioRun('healthy');
    try {
      const bad = join(s.dir, 'bad.yaml');
      writeFileSync(bad, 'version: 1\nharness: {account_id: "x y"}\ngcp: {project_id: Acme}\n');
      const r = await runValidate(
        { config: bad, 'harness-api-key': s.sb.secrets.harnessApiKey, 'report-path': join(s.dir, 'r.json') },
        s.env,
      );
      const errors = r.report.checks.filter((c) => c.status === 'error');
      expect(errors.map((c) => c.id)).toEqual(['CFG-001']);
      expect(errors[0]?.observed).toMatch(/harness\.account_id.*gcp\.project_id.*infrastructure/s);
      expect(r.result.exitCode).toBe(2);
      expect(r.report.checks.find((c) => c.id === 'NET-001')?.fix).toMatch(/did not load \(see CFG-001\)/);
      expect(r.failed[0]).toMatch(/config file is invalid/);
      expect(s.sb.journal.attempts()).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it('fail-on: warn fails the step on a warning; the default passes it', async () => {
    const s = await scenarioRun('dns-propagating');
    try {
      const base = {
        config: s.configPath,
        'harness-api-key': s.sb.secrets.harnessApiKey,
        'dns-resolvers': s.sb.urls.dns as string,
      };
      const lenient = await runValidate({ ...base, 'report-path': join(s.dir, 'a.json') }, s.env);
      expect(lenient.result.exitCode).toBe(0);
      expect(lenient.outputs).toMatchObject({ ok: 'true', errors: '0', warnings: '1' });
      const dns3 = lenient.report.checks.find((c) => c.id === 'DNS-003');
      expect(dns3?.status).toBe('warn');
      expect(dns3?.observed).toMatch(
        /still returns ns1\.oldhost\.net, ns2\.oldhost\.net \(cached, TTL (3[45]\d\d|3600) s left\)/,
      );
      expect(dns3?.fix).toMatch(/expire within ~(59|60) ?m/);
      const strict = await runValidate(
        { ...base, 'fail-on': 'warn', 'report-path': join(s.dir, 'b.json') },
        s.env,
      );
      expect(strict.result.exitCode).toBe(1);
      expect(strict.outputs.ok).toBe('false');
    } finally {
      await s.close();
    }
  });
});
