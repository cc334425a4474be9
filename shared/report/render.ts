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

/** Job-summary Markdown for a list of checks: verdict first, a table per family, fixes for failures. */
export function renderChecksMarkdown(title: string, verdict: string, checks: readonly CheckResult[]): string {
  const out: string[] = [`## ${title}`, '', `**${verdict}**`, ''];
  const n = countByStatus(checks);
  out.push(
    `${STATUS_ICON.ok} ${n.ok} passed · ${STATUS_ICON.warn} ${n.warn} warnings · ${STATUS_ICON.error} ${n.error} errors · ${STATUS_ICON.skip} ${n.skip} skipped`,
    '',
  );
  const families = [...new Set(checks.map((c) => family(c.id)))].sort(
    (a, b) => (FAMILY_ORDER.indexOf(a) + 1 || 99) - (FAMILY_ORDER.indexOf(b) + 1 || 99) || a.localeCompare(b),
  );
  for (const fam of families) {
    out.push(`### ${fam}`, '', '| | Check | Observed | Expected |', '|---|---|---|---|');
    for (const c of checks.filter((x) => family(x.id) === fam)) {
      out.push(
        `| ${STATUS_ICON[c.status]} | \`${c.id}\` ${cell(c.title)} | ${cell(c.observed)} | ${cell(c.expected)} |`,
      );
    }
    out.push('');
  }
  const failing = checks.filter((c) => c.status === 'error' || c.status === 'warn');
  if (failing.length) {
    out.push('### How to fix', '');
    for (const c of failing) {
      out.push(
        `- ${STATUS_ICON[c.status]} **${c.id}** ${cell(c.title)}: ${c.fix}${c.docUrl ? ` ([docs](${c.docUrl}))` : ''}`,
      );
    }
    out.push('');
  }
  const skipped = checks.filter((c) => c.status === 'skip');
  if (skipped.length) {
    out.push('<details><summary>Skipped checks and why</summary>', '');
    for (const c of skipped) out.push(`- **${c.id}** ${cell(c.title)}: ${c.fix}`);
    out.push('', '</details>', '');
  }
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
