import { Octokit } from './comments.js';
import { closeMarkedIssue, upsertMarkedIssue } from './issues.js';

export interface DriftIssueTarget {
  octokit: Octokit;
  owner: string;
  repo: string;
  /** Which Terraform root the drift is about: one issue per root. */
  root: string;
  label: string;
  runUrl?: string;
}

export interface DriftFinding {
  drift: boolean;
  drifted: string[];
}

/**
 * Keeps exactly one open issue per root while drift exists: opened on the first drift, updated in place on
 * later runs, closed with a comment once a run finds none. Returns what it did, for the summary.
 */
export async function syncDriftIssue(t: DriftIssueTarget, f: DriftFinding): Promise<string> {
  const marker = `gitspaces-drift: root=${t.root}`;
  const target = { octokit: t.octokit, owner: t.owner, repo: t.repo, marker };
  const run = t.runUrl ? ` ([run](${t.runUrl}))` : '';
  if (!f.drift) {
    const closed = await closeMarkedIssue({ ...target, comment: `✅ No drift any more${run}: closing.` });
    return closed === undefined ? 'no drift issue open' : `closed drift issue #${closed}`;
  }
  const body = [
    `**⚠️ ${f.drifted.length} resource(s) of \`${t.root}\` differ from the Terraform state**${run}.`,
    '',
    ...f.drifted.map((a) => `- \`${a}\``),
    '',
    'Re-apply the configuration (the setup workflow on the default branch), or bring gitspaces.yaml in line with the change. This issue closes itself when a drift check finds none.',
  ].join('\n');
  const r = await upsertMarkedIssue({
    ...target,
    title: `Gitspaces infrastructure drift in ${t.root}`,
    body,
    labels: [t.label],
  });
  return `${r.action} drift issue #${r.number}`;
}
