import { join } from 'node:path';
import { runValidate, scenarioRun } from '../validate/helpers.js';

/**
 * HARNESS-002 reports what Harness shows, and never infers "flag off" from the gitspace settings' map, which Harness
 * documents as the admin's regions and machine types per infrastructure type, not as CDE_HYBRID_ENABLED.
 */
describe('HARNESS-002 evidence, not verdicts', () => {
  async function harness002(scenario: string | Record<string, unknown>) {
    const s = await scenarioRun(scenario as never);
    try {
      const r = await runValidate(
        {
          config: s.configPath,
          'harness-api-key': s.sb.secrets.harnessApiKey,
          'report-path': join(s.dir, 'r.json'),
        },
        s.env,
      );
      const paths = s.sb.journal.entries.filter((e) => e.service === 'harness').map((e) => e.path);
      return { check: r.report.checks.find((c) => c.id === 'HARNESS-002'), paths };
    } finally {
      await s.close();
    }
  }

  it('hybrid_vm_gcp missing from the gitspace settings is a warning that says what was seen', async () => {
    const { check, paths } = await harness002('hybrid-flag-off');
    expect(check?.status).toBe('warn');
    expect(check?.observed).toMatch(
      /^the account's gitspace settings offer regions and machine types for harness_gcp but not hybrid_vm_gcp \(available_settings\.infra_provider_resources\)/,
    );
    expect(check?.observed).toMatch(/this is what was seen, not a verdict$/);
    expect(check?.observed).not.toMatch(/flag is off|is off/);
    expect(check?.fix).toMatch(/If configure-infra is then refused \(403\), ask Harness Support/);
    // The licensing API has no CDE module type: it is not asked.
    expect(paths.some((p) => p.includes('/ng/api/licenses'))).toBe(false);
  });

  it('hybrid_vm_gcp listed there is ok, with the types seen', async () => {
    const { check } = await harness002('healthy');
    expect(check?.status).toBe('ok');
    expect(check?.observed).toBe(
      "hybrid_vm_gcp is among the infrastructure types the account's gitspace settings offer (harness_gcp, hybrid_vm_gcp)",
    );
  });
});
