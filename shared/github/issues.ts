import { Octokit, commentBody, markerComment } from './comments.js';

export interface MarkedIssueTarget {
  octokit: Octokit;
  owner: string;
  repo: string;
  /** Hidden marker that identifies the one issue (e.g. `drift`). */
  marker: string;
}

export interface IssueRef {
  number: number;
  url: string;
  body: string;
}

/** The one open issue (not pull request) whose body carries the marker, across every page. */
export async function findMarkedIssue(t: MarkedIssueTarget): Promise<IssueRef | undefined> {
  const tag = markerComment(t.marker);
  const all = await t.octokit.paginate(t.octokit.rest.issues.listForRepo, {
    owner: t.owner,
    repo: t.repo,
    state: 'open',
    per_page: 100,
  });
  const hit = all.find((i) => !i.pull_request && (i.body ?? '').includes(tag));
  return hit ? { number: hit.number, url: hit.html_url, body: hit.body ?? '' } : undefined;
}

/** Keeps one open issue per marker: updates it when present, else opens it. */
export async function upsertMarkedIssue(
  t: MarkedIssueTarget & { title: string; body: string; labels?: string[] },
): Promise<{ action: 'created' | 'updated' | 'unchanged'; number: number; url: string }> {
  const body = commentBody(t.marker, t.body);
  const existing = await findMarkedIssue(t);
  if (existing) {
    if (existing.body === body) return { action: 'unchanged', number: existing.number, url: existing.url };
    const res = await t.octokit.rest.issues.update({
      owner: t.owner,
      repo: t.repo,
      issue_number: existing.number,
      title: t.title,
      body,
    });
    return { action: 'updated', number: res.data.number, url: res.data.html_url };
  }
  const res = await t.octokit.rest.issues.create({
    owner: t.owner,
    repo: t.repo,
    title: t.title,
    body,
    labels: t.labels,
  });
  return { action: 'created', number: res.data.number, url: res.data.html_url };
}

/** Closes the marked issue if one is open (drift resolved); returns its number, or undefined when none was open. */
export async function closeMarkedIssue(
  t: MarkedIssueTarget & { comment?: string },
): Promise<number | undefined> {
  const existing = await findMarkedIssue(t);
  if (!existing) return undefined;
  if (t.comment)
    await t.octokit.rest.issues.createComment({
      owner: t.owner,
      repo: t.repo,
      issue_number: existing.number,
      body: t.comment,
    });
  await t.octokit.rest.issues.update({
    owner: t.owner,
    repo: t.repo,
    issue_number: existing.number,
    state: 'closed',
    state_reason: 'completed',
  });
  return existing.number;
}
