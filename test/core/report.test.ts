import { CheckResult, PhaseResult, checkVerdict, countByStatus } from '../../shared/report/model.js';
import {
  cell,
  formatDuration,
  LEAD_END,
  renderChecksMarkdown,
  renderChecksText,
  renderPhasesMarkdown,
  renderPhasesText,
  renderTimelineMermaid,
} from '../../shared/report/render.js';

const check = (id: string, status: CheckResult['status'], extra: Partial<CheckResult> = {}): CheckResult => ({
  id,
  title: `title of ${id}`,
  status,
  observed: `observed ${id}`,
  expected: `expected ${id}`,
  fix: `fix ${id}`,
  docUrl: '',
  durationMs: 12,
  ...extra,
});

const checks = [
  check('DNS-001', 'error', {
    observed: 'NS: ns1.other.net | ns2.other.net',
    docUrl: 'https://example.test/dns',
  }),
  check('API-002', 'ok'),
  check('API-001', 'warn'),
  check('IAM-003', 'skip', { fix: 'no permission to read the IAM policy' }),
];

test('verdicts count errors and warnings', () => {
  expect(countByStatus(checks)).toEqual({ ok: 1, warn: 1, error: 1, skip: 1 });
  expect(checkVerdict(checks)).toBe(
    '❌ 1 error(s), 1 warning(s): fix the errors below before anything is created.',
  );
  expect(checkVerdict([check('A-1', 'ok'), check('A-2', 'warn')])).toBe(
    '⚠️ Ready, with 1 warning(s) to review (1 passed, 0 skipped).',
  );
  expect(checkVerdict([check('A-1', 'ok'), check('A-2', 'skip')])).toBe(
    '✅ All 1 checks passed (1 skipped): ready to set up Gitspaces.',
  );
});

test('checks markdown: verdict, failures and fixes first, then counts, skipped and passing folded per family', () => {
  const md = renderChecksMarkdown('Preflight', checkVerdict(checks), checks);
  const lines = md.split('\n');
  expect(lines.slice(0, 8)).toEqual([
    '## Preflight',
    '',
    '**❌ 1 error(s), 1 warning(s): fix the errors below before anything is created.**',
    '',
    '### What to fix',
    '',
    // Errors before warnings; a pipe in a value is escaped.
    '- ❌ **DNS-001** title of DNS-001: NS: ns1.other.net \\| ns2.other.net (expected: expected DNS-001). **Fix:** fix DNS-001 ([docs](https://example.test/dns))',
    '- ⚠️ **API-001** title of API-001: observed API-001 (expected: expected API-001). **Fix:** fix API-001',
  ]);
  const rest = lines.slice(8).filter((l) => l && l !== LEAD_END);
  expect(rest).toEqual([
    '✅ 1 passed · ⚠️ 1 warnings · ❌ 1 errors · ⏭️ 1 skipped',
    '<details><summary>⏭️ Skipped checks and why (1)</summary>',
    '- **IAM-003** title of IAM-003: no permission to read the IAM policy',
    '</details>',
    '<details><summary>✅ API: 1 passed</summary>',
    '| Check | Observed | Expected |',
    '|---|---|---|',
    '| `API-002` title of API-002 | observed API-002 | expected API-002 |',
    '</details>',
  ]);
});

test('checks markdown with nothing failing: no fix section, every family folded in catalog order', () => {
  const ok = [
    check('DNS-002', 'ok'),
    check('API-001', 'ok'),
    check('API-003', 'ok'),
    check('TOOL-001', 'ok'),
  ];
  const md = renderChecksMarkdown('Preflight', checkVerdict(ok), ok);
  expect(md).not.toContain('What to fix');
  expect(md).not.toContain(LEAD_END);
  expect(md.split('\n').filter((l) => l.startsWith('<details>'))).toEqual([
    '<details><summary>✅ TOOL: 1 passed</summary>',
    '<details><summary>✅ API: 2 passed</summary>',
    '<details><summary>✅ DNS: 1 passed</summary>',
  ]);
});

test('checks as text: the failing ones say observed, expected and fix', () => {
  expect(
    renderChecksText([
      check('API-002', 'ok'),
      check('DNS-001', 'error'),
      check('IAM-003', 'skip', { fix: 'why' }),
    ]),
  ).toBe(
    [
      'ok    API-002     title of API-002',
      'FAIL  DNS-001     title of DNS-001',
      '      observed: observed DNS-001',
      '      expected: expected DNS-001',
      '      fix:      fix DNS-001',
      'skip  IAM-003     title of IAM-003',
      '      skipped:  why',
    ].join('\n'),
  );
});

const phases: PhaseResult[] = [
  { name: 'validate', status: 'ok', startedAt: 1000, durationMs: 1500, summary: '42 checks passed' },
  {
    name: 'apply',
    status: 'failed',
    startedAt: 2500,
    durationMs: 95_000,
    summary: 'terraform apply failed:\nquota',
  },
  { name: 'create', status: 'skipped', startedAt: 97_500, durationMs: 0, summary: 'not run' },
];

test('phases as a table, as text and as a Mermaid timeline', () => {
  expect(renderPhasesMarkdown(phases).split('\n')).toEqual([
    '| | Phase | Duration | Result |',
    '|---|---|---|---|',
    '| ✅ | validate | 1.5s | 42 checks passed |',
    '| ❌ | apply | 1m35s | terraform apply failed:<br>quota |',
    '| ⏭️ | create | 0ms | not run |',
  ]);
  expect(renderPhasesText(phases).split('\n').slice(0, 2)).toEqual([
    'ok    validate     1.5s  42 checks passed',
    'FAIL  apply       1m35s  terraform apply failed:',
  ]);
  expect(renderTimelineMermaid(phases).split('\n')).toEqual([
    '```mermaid',
    'gantt',
    '  title Pipeline timeline',
    '  dateFormat x',
    '  axisFormat %M:%S',
    '  validate (1.5s) :0, 1500',
    '  apply (1m35s) :crit, 1500, 96500',
    '  create (0ms) :done, 96500, 96501',
    '```',
  ]);
  expect(renderTimelineMermaid([])).toBe('');
});

test('cell and formatDuration', () => {
  expect(cell('a|b\nc\\d')).toBe('a\\|b<br>c\\\\d');
  expect([0, 999, 1000, 59_000, 60_000, 61_500, 3_600_000].map(formatDuration)).toEqual([
    '0ms',
    '999ms',
    '1.0s',
    '59.0s',
    '1m0s',
    '1m2s',
    '60m0s',
  ]);
  // Rounding never shows 60 of a unit.
  expect([999.7, 59_990, 119_600].map(formatDuration)).toEqual(['1.0s', '1m0s', '2m0s']);
});
