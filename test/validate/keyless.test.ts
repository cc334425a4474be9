import { join } from 'node:path';
import { runValidate, scenarioRun } from './helpers.js';

it('keyless (external_account as google-github-actions/auth leaves it): the GCP checks pass through the impersonated service account', async () => {
  const s = await scenarioRun('healthy');
  try {
    const env = {
      ...s.env,
      GOOGLE_APPLICATION_CREDENTIALS: s.sb.files.externalAccount,
      GITHUB_ACTIONS: 'true',
      GOOGLE_CLOUD_PROJECT: s.scenario.gcp.projectId,
    };
    const r = await runValidate(
      {
        config: s.configPath,
        'harness-api-key': s.sb.secrets.harnessApiKey,
        'report-path': join(s.dir, 'r.json'),
      },
      env,
    );
    const byId = Object.fromEntries(r.report.checks.map((c) => [c.id, c]));
    expect(byId['AUTH-001']?.observed).toMatch(
      /^keyless: external_account \(Workload Identity Federation, impersonating gitspaces-admin@acme-gitspaces\.iam\.gserviceaccount\.com\)/,
    );
    expect(byId['AUTH-002']?.status).toBe('ok');
    expect(byId['AUTH-003']?.observed).toMatch(/no key: external_account/);
    expect(byId['AUTH-004']?.status).toBe('ok');
    expect(byId['IAM-002']?.status).toBe('ok');
    expect(
      r.report.checks.filter((c) => c.status === 'error' || c.status === 'warn').map((c) => c.id),
    ).toEqual([]);
    expect(s.sb.journal.attempts()).toEqual([]);
  } finally {
    await s.close();
  }
});

it('a long-lived key inside GitHub Actions is a warning pointing to keyless (AUTH-004), not an error', async () => {
  const s = await scenarioRun('healthy');
  try {
    const r = await runValidate(
      {
        config: s.configPath,
        'harness-api-key': s.sb.secrets.harnessApiKey,
        'report-path': join(s.dir, 'r.json'),
      },
      { ...s.env, GITHUB_ACTIONS: 'true' },
    );
    const a4 = r.report.checks.find((c) => c.id === 'AUTH-004');
    expect(a4).toMatchObject({
      status: 'warn',
      fix: expect.stringMatching(/google-github-actions\/auth with workload_identity_provider/),
    });
    expect(r.result.exitCode).toBe(0);
    expect(r.log.annotations.filter((a) => a.level === 'warning').map((a) => a.title)).toEqual([
      'AUTH-004 Long-lived key where keyless would do; key age',
    ]);
  } finally {
    await s.close();
  }
});
