import { cell } from '../report/render.js';
import type { OrphanScan } from './orphans.js';
import { STEP_TITLES, StepResult } from './steps.js';

const ICON: Record<string, string> = {
  done: '✅',
  'nothing-to-do': '➖',
  'would-do': '📝',
  skipped: '⏭️',
  failed: '❌',
};

export function renderTeardownSummary(
  steps: readonly StepResult[],
  scan: OrphanScan | undefined,
  dryRun: boolean,
): string {
  const out = [`## Teardown${dryRun ? ' (dry run: nothing was changed)' : ''}`, ''];
  const failed = steps.filter((s) => s.status === 'failed');
  if (failed.length)
    out.push(
      `**❌ Stopped at ${failed.map((f) => f.step).join(', ')}: fix the cause and run teardown again (every step is safe to repeat).**`,
      '',
    );
  else if (scan && scan.orphans.length)
    out.push(
      `**⚠️ ${scan.orphans.length} resource(s) ${dryRun ? 'exist' : 'are left'}: see below for how to remove each.**`,
      '',
    );
  else
    out.push(
      dryRun
        ? '**📝 Dry run: the steps below say what a teardown would do.**'
        : '**✅ Torn down; the orphan scan found nothing left.**',
      '',
    );
  out.push('| | Step | Result |', '|---|---|---|');
  for (const s of steps) out.push(`| ${ICON[s.status] ?? ''} | ${STEP_TITLES[s.step]} | ${cell(s.detail)} |`);
  out.push('');
  const planned = steps.filter((s) => s.status === 'would-do' && s.actions.length);
  if (planned.length) {
    out.push('### What would be removed', '');
    for (const s of planned) for (const a of s.actions) out.push(`- ${cell(a)}`);
    out.push('');
  }
  if (scan) {
    out.push(`### Orphan scan`, '');
    if (!scan.orphans.length) out.push('Nothing found by name prefix, label, or network.', '');
    else {
      out.push('| Kind | Name | Where | Why it is ours |', '|---|---|---|---|');
      for (const o of scan.orphans)
        out.push(`| ${o.kind} | ${cell(o.name)} | ${o.where} | ${cell(o.reason)} |`);
      out.push(
        '',
        'To remove them (in this order):',
        '',
        '```sh',
        ...scan.orphans.map((o) => o.command),
        '```',
        '',
      );
    }
    for (const n of scan.notices) out.push(`> ⚠️ **${n.title}**: ${n.detail} ${n.fix}`, '');
    if (scan.skipped.length) {
      out.push(
        '<details><summary>Lookups that could not be made</summary>',
        '',
        ...scan.skipped.map((s) => `- ${cell(s)}`),
        '',
        '</details>',
        '',
      );
    }
  }
  return out.join('\n');
}
