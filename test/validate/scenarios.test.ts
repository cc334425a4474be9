import type { CheckResult } from '../../shared/report/model.js';
import { scenarioNames } from '../../sandbox/scenarios/config.js';
import { loadScenario } from '../../sandbox/scenario.js';
import { PREFLIGHT_CHECKS } from '../../shared/checks/index.js';
import { runValidate, scenarioRun } from './helpers.js';

const failing = (checks: CheckResult[]) =>
  checks
    .filter((c) => c.status === 'error' || c.status === 'warn')
    .map((c) => c.id)
    .sort();
const show = (checks: CheckResult[]) =>
  checks
    .filter((c) => c.status !== 'ok')
    .map((c) => `${c.id} ${c.status}: ${c.observed} | fix: ${c.fix}`)
    .join('\n');

describe('validate-prereqs against every sandbox scenario', () => {
  it('ships at least 15 failure scenarios and the catalog has at least 30 checks', () => {
    expect(scenarioNames().filter((n) => n !== 'healthy').length).toBeGreaterThanOrEqual(15);
    expect(new Set(PREFLIGHT_CHECKS.map((c) => c.id)).size).toBeGreaterThanOrEqual(30);
  });

  it.each(scenarioNames())(
    '%s: fails exactly its expectFailures, with observed, expected and a fix; mutates nothing',
    async (name) => {
      const expected = loadScenario(name);
      const s = await scenarioRun(name);
      try {
        const r = await runValidate(
          {
            config: s.configPath,
            'harness-api-key': s.sb.secrets.harnessApiKey,
            'report-path': `${s.dir}/report.json`,
          },
          s.env,
        );
        const checks = r.report.checks;
        const detail = show(checks);
        expect({ name, failing: failing(checks), detail }).toEqual({
          name,
          failing: [...expected.expectFailures].sort(),
          detail,
        });
        for (const id of expected.expectSkips ?? []) {
          const c = checks.find((x) => x.id === id) as CheckResult;
          expect({ id, status: c.status }).toEqual({ id, status: 'skip' });
          expect(c.fix.length).toBeGreaterThan(10); // the reason
        }
        for (const c of checks.filter((x) => x.status === 'error' || x.status === 'warn')) {
          expect(c.observed.length).toBeGreaterThan(10);
          expect(c.expected.length).toBeGreaterThan(5);
          expect(c.fix.length).toBeGreaterThan(15);
          expect(c.docUrl).toMatch(/^https:\/\//);
        }
        for (const c of checks.filter((x) => x.status === 'skip')) expect(c.fix).not.toBe('');
        // Outputs, exit code, annotations: one per error.
        const errors = checks.filter((c) => c.status === 'error');
        expect(r.outputs.errors).toBe(String(errors.length));
        expect(r.outputs.ok).toBe(String(errors.length === 0));
        expect(r.result.exitCode).toBe(errors.length ? 1 : 0);
        expect(
          r.log.annotations.filter((a) => a.level === 'error').map((a) => a.title?.split(' ')[0]),
        ).toEqual(errors.map((c) => c.id));
        expect(r.summary.split('\n').find((l) => l.startsWith('**'))).toContain(
          errors.length ? '❌' : checks.some((c) => c.status === 'warn') ? '⚠️' : '✅',
        );
        // Read-only: not one write tried in any emulator.
        expect(s.sb.journal.attempts().map((e) => `${e.service} ${e.method} ${e.path}`)).toEqual([]);
        // No secret anywhere the user can see.
        const visible = [r.log.text(), r.summary, r.reportText, JSON.stringify(r.outputs)].join('\n');
        expect(visible).not.toContain(s.sb.secrets.harnessApiKey);
        for (const line of s.sb.secrets.serviceAccountPrivateKey
          .split('\n')
          .filter((l) => l.length > 20 && !l.startsWith('-----')))
          expect(visible).not.toContain(line);
      } finally {
        await s.close();
      }
    },
  );
});
