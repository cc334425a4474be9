import { cell } from '../report/render.js';
import type { MachineOutcome } from './machines.js';
import type { GitspaceOutcome } from './gitspaces.js';

const ICON: Record<string, string> = {
  created: '🆕',
  existing: '✅',
  started: '▶️',
  running: '✅',
  stopped: '⏹️',
  deleted: '🗑️',
  absent: '➖',
  'would-create': '📝',
  failed: '❌',
  unchanged: '✅',
  different: '⚠️',
};

/** What the `gitspaces` output holds for each one. */
export function gitspacesOutput(outcomes: readonly GitspaceOutcome[]): {
  identifier: string | null;
  name: string;
  state: string | null;
  result: string;
  url: string | null;
  'ssh-command': string | null;
}[] {
  return outcomes.map((o) => ({
    identifier: o.identifier ?? null,
    name: o.name,
    state: o.state ?? null,
    result: o.result,
    url: o.url ?? null,
    'ssh-command': o.sshCommand ?? null,
  }));
}

export function renderCreateSummary(
  title: string,
  machines: readonly MachineOutcome[],
  gitspaces: readonly GitspaceOutcome[],
): string {
  const out = [`## ${title}`, ''];
  const failed = gitspaces.filter((g) => g.result === 'failed').length;
  out.push(
    failed
      ? `**❌ ${failed} of ${gitspaces.length} gitspace(s) failed.**`
      : `**✅ ${gitspaces.length} gitspace(s) done.**`,
    '',
  );
  if (machines.length) {
    out.push('### Machines', '', '| | Machine | Region | Identifier | Result |', '|---|---|---|---|---|');
    for (const m of machines) {
      const what = m.status === 'different' ? `differs (not changed): ${m.differences.join('; ')}` : m.status;
      out.push(
        `| ${ICON[m.status] ?? ''} | ${cell(m.name)} | ${m.region} | ${cell(m.identifier ?? '')} | ${cell(what)} |`,
      );
    }
    out.push('');
  }
  if (gitspaces.length) {
    out.push(
      '### Gitspaces',
      '',
      '| | Gitspace | Identifier | State | Result | Open |',
      '|---|---|---|---|---|---|',
    );
    for (const g of gitspaces) {
      const open = [g.url ? `[browser](${g.url})` : '', g.sshCommand ? `\`${cell(g.sshCommand)}\`` : '']
        .filter(Boolean)
        .join('<br>');
      out.push(
        `| ${ICON[g.result] ?? ''} | ${cell(g.name)} | ${cell(g.identifier ?? '')} | ${g.state ?? ''} | ${cell(g.detail)} | ${open} |`,
      );
    }
    out.push('');
    const withEvents = gitspaces.filter((g) => g.result === 'failed' && g.lastEvents?.length);
    for (const g of withEvents) {
      out.push(
        `<details><summary>${cell(g.name)}: last events</summary>`,
        '',
        ...(g.lastEvents ?? []).map((e) => `- ${cell(e)}`),
        '',
        '</details>',
        '',
      );
    }
  }
  return out.join('\n');
}
