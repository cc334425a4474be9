import { CheckResult, PhaseResult, checkVerdict, countByStatus } from '../../shared/report/model.js';
import {
  cell,
  formatDuration,
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

test('checks markdown: verdict, one table per family in catalog order, fixes for failures, skipped folded', () => {
  const md = renderChecksMarkdown('Preflight', checkVerdict(checks), checks);
  const lines = md.split('\n');
  expect(lines[0]).toBe('## Preflight');
  expect(lines[2]).toBe('**❌ 1 error(s), 1 warning(s): fix the errors below before anything is created.**');
  expect(lines.filter((l) => l.startsWith('### '))).toEqual([
    '### API',
    '### IAM',
    '### DNS',
    '### How to fix',
  ]);
  // A pipe in a value is escaped so the table keeps its columns.
  expect(md).toContain(
    '| ❌ | `DNS-001` title of DNS-001 | NS: ns1.other.net \\| ns2.other.net | expected DNS-001 |',
  );
  expect(md).toContain('- ❌ **DNS-001** title of DNS-001: fix DNS-001 ([docs](https://example.test/dns))');
  expect(md).toContain('- ⚠️ **API-001** title of API-001: fix API-001');
  expect(md).not.toContain('**API-002**');
  expect(md).toContain('<details><summary>Skipped checks and why</summary>');
  expect(md).toContain('- **IAM-003** title of IAM-003: no permission to read the IAM policy');
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
