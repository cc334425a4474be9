import { CheckResult, PhaseResult, STATUS_ICON, countByStatus, family } from './model.js';

/** Escapes text for a Markdown table cell (pipes and newlines would break the row). */
export function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

const FAMILY_ORDER = [
  'CFG',
  'TOOL',
  'AUTH',
  'API',
  'IAM',
  'ORG',
  'QUOTA',
  'NET',
  'IMG',
  'REG',
  'DNS',
  'CERT',
  'HARNESS',
  'RUN',
  'DLG',
  'GW',
];

const byFamily = (a: string, b: string) =>
  (FAMILY_ORDER.indexOf(a) + 1 || 99) - (FAMILY_ORDER.indexOf(b) + 1 || 99) || a.localeCompare(b);

/**
 * Ends the part of a summary that must be read first (its failures and their fixes). The pipeline's summary moves
 * that part of each phase above its phase table and timeline (see renderPipelineMarkdown).
 */
export const LEAD_END = '<!-- gitspaces:lead-end -->';

/** Errors, then warnings: what was seen, what was expected and the fix, each on one line. Empty when none. */
export function renderFailuresMarkdown(checks: readonly CheckResult[]): string {
  const failing = [
    ...checks.filter((c) => c.status === 'error'),
    ...checks.filter((c) => c.status === 'warn'),
  ];
  if (!failing.length) return '';
  const out = ['### What to fix', ''];
  for (const c of failing) {
    out.push(
      `- ${STATUS_ICON[c.status]} **${c.id}** ${cell(c.title)}: ${cell(c.observed)} (expected: ${cell(c.expected)}).` +
        ` **Fix:** ${cell(c.fix)}${c.docUrl ? ` ([docs](${c.docUrl}))` : ''}`,
    );
  }
  return out.join('\n');
}

/**
 * Job-summary Markdown for a list of checks, in the order a reader needs it: the verdict, the failures and their
 * fixes, the counts, the skipped checks and why, then the passing checks folded per family.
 */
export function renderChecksMarkdown(title: string, verdict: string, checks: readonly CheckResult[]): string {
  const out: string[] = [`## ${title}`, '', `**${verdict}**`, ''];
  const failures = renderFailuresMarkdown(checks);
  if (failures) out.push(failures, '', LEAD_END, '');
  const n = countByStatus(checks);
  out.push(
    `${STATUS_ICON.ok} ${n.ok} passed · ${STATUS_ICON.warn} ${n.warn} warnings · ${STATUS_ICON.error} ${n.error} errors · ${STATUS_ICON.skip} ${n.skip} skipped`,
    '',
  );
  const skipped = checks.filter((c) => c.status === 'skip');
  if (skipped.length) {
    out.push(
      `<details><summary>${STATUS_ICON.skip} Skipped checks and why (${skipped.length})</summary>`,
      '',
    );
    for (const c of skipped) out.push(`- **${c.id}** ${cell(c.title)}: ${cell(c.fix)}`);
    out.push('', '</details>', '');
  }
  const passing = checks.filter((c) => c.status === 'ok');
  for (const fam of [...new Set(passing.map((c) => family(c.id)))].sort(byFamily)) {
    const rows = passing.filter((c) => family(c.id) === fam);
    out.push(
      `<details><summary>${STATUS_ICON.ok} ${fam}: ${rows.length} passed</summary>`,
      '',
      '| Check | Observed | Expected |',
      '|---|---|---|',
    );
    for (const c of rows)
      out.push(`| \`${c.id}\` ${cell(c.title)} | ${cell(c.observed)} | ${cell(c.expected)} |`);
    out.push('', '</details>', '');
  }
  return out.join('\n');
}

/**
 * The pipeline's job summary: the verdict, then what failed (the failed phase, and the failures and fixes of every
 * phase's summary), then the phase table and the timeline, then the rest of each phase's summary.
 */
export function renderPipelineMarkdown(
  verdict: string,
  phases: readonly PhaseResult[],
  sections: readonly string[],
  alongside: readonly PhaseResult[] = [],
): string {
  const leads: string[] = [];
  const rest: string[] = [];
  for (const md of sections) {
    const at = md.indexOf(LEAD_END);
    if (at < 0) rest.push(md);
    else {
      leads.push(md.slice(0, at).trimEnd());
      rest.push(md.slice(at + LEAD_END.length).trimStart());
    }
  }
  const out = ['## Gitspaces pipeline', '', `**${verdict}**`, ''];
  const failed = phases.find((p) => p.status === 'failed') ?? alongside.find((p) => p.status === 'failed');
  if (failed) out.push(`❌ **${failed.name}** failed: ${cell(failed.summary)}`, '');
  for (const lead of leads) out.push(lead, '');
  // Work that ran alongside the phases (the certificate wait) is listed after them; the timeline shows the overlap.
  const all = [...phases, ...alongside];
  out.push('### Phases', '', renderPhasesMarkdown(all), '', renderTimelineMermaid(all), '', ...rest);
  return out.join('\n');
}

/** A Mermaid Gantt chart of the phases, so the summary shows where the time went. */
export function renderTimelineMermaid(phases: readonly PhaseResult[]): string {
  if (phases.length === 0) return '';
  const t0 = Math.min(...phases.map((p) => p.startedAt));
  const lines = ['```mermaid', 'gantt', '  title Pipeline timeline', '  dateFormat x', '  axisFormat %M:%S'];
  for (const p of phases) {
    const tag = p.status === 'failed' ? 'crit, ' : p.status === 'skipped' ? 'done, ' : '';
    const start = p.startedAt - t0;
    const name = p.name.replace(/[:;#]/g, ' ');
    lines.push(
      `  ${name} (${formatDuration(p.durationMs)}) :${tag}${start}, ${start + Math.max(1, p.durationMs)}`,
    );
  }
  lines.push('```');
  return lines.join('\n');
}

export function renderPhasesMarkdown(phases: readonly PhaseResult[]): string {
  const icon = { ok: '✅', failed: '❌', skipped: '⏭️' } as const;
  const out = ['| | Phase | Duration | Result |', '|---|---|---|---|'];
  for (const p of phases)
    out.push(`| ${icon[p.status]} | ${p.name} | ${formatDuration(p.durationMs)} | ${cell(p.summary)} |`);
  return out.join('\n');
}

/** Plain-text lines for a terminal. */
export function renderPhasesText(phases: readonly PhaseResult[]): string {
  const icon = { ok: 'ok  ', failed: 'FAIL', skipped: 'skip' } as const;
  const width = Math.max(5, ...phases.map((p) => p.name.length));
  return phases
    .map(
      (p) =>
        `${icon[p.status]}  ${p.name.padEnd(width)}  ${formatDuration(p.durationMs).padStart(7)}  ${p.summary}`,
    )
    .join('\n');
}

export function renderChecksText(checks: readonly CheckResult[]): string {
  const icon = { ok: 'ok  ', warn: 'WARN', error: 'FAIL', skip: 'skip' } as const;
  const lines: string[] = [];
  for (const c of checks) {
    lines.push(`${icon[c.status]}  ${c.id.padEnd(11)} ${c.title}`);
    if (c.status === 'error' || c.status === 'warn') {
      lines.push(
        `      observed: ${c.observed}`,
        `      expected: ${c.expected}`,
        `      fix:      ${c.fix}`,
      );
    } else if (c.status === 'skip') {
      lines.push(`      skipped:  ${c.fix}`);
    }
  }
  return lines.join('\n');
}

export function formatDuration(ms: number): string {
  // Thresholds after rounding, so 59.99 s is 1m0s (not 60.0s) and 119.6 s is 2m0s (not 1m60s).
  if (ms < 999.5) return `${Math.round(ms)}ms`;
  if (ms < 59_950) return `${(ms / 1000).toFixed(1)}s`;
  const total = Math.round(ms / 1000);
  return `${Math.floor(total / 60)}m${total % 60}s`;
}

/**
 * The same timeline as the Mermaid chart, for a terminal: one bar per phase, placed at its start and as long as
 * its duration, so the CLI's end and the job summary tell the same story.
 */
export function renderTimelineText(phases: readonly PhaseResult[], width = 40): string {
  if (phases.length === 0) return '';
  const t0 = Math.min(...phases.map((p) => p.startedAt));
  const end = Math.max(...phases.map((p) => p.startedAt + p.durationMs));
  const span = Math.max(1, end - t0);
  const nameWidth = Math.max(...phases.map((p) => p.name.length));
  return phases
    .map((p) => {
      const from = Math.round(((p.startedAt - t0) / span) * width);
      const len = p.status === 'skipped' ? 0 : Math.max(1, Math.round((p.durationMs / span) * width));
      const bar = p.status === 'skipped' ? '·' : (p.status === 'failed' ? '▒' : '█').repeat(len);
      return `${p.name.padEnd(nameWidth)}  ${' '.repeat(from)}${bar} ${p.status === 'skipped' ? 'skipped' : formatDuration(p.durationMs)}`;
    })
    .join('\n');
}
