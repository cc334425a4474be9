/**
 * The pull request's preview comment and the pull request of a pushed commit: what the preview writes and the
 * gate reads (issue 12). Only comments written by the workflow's own identity count.
 *
 * Which login is "the workflow's own": GITHUB_TOKEN is an installation token of the GitHub Actions app, whose
 * comments GitHub attributes to `github-actions[bot]` (type Bot). An installation token cannot ask who it is
 * (`GET /user` answers 403 "Resource not accessible by integration"), so the login is not looked up: it is
 * `github-actions[bot]` unless the `preview-author` input names another (a GitHub App's `<slug>[bot]` when the
 * workflow comments with an app token).
 */
import { MAX_COMMENT_CHARS, type Octokit, writeComment } from './comments.js';
import {
  isPreviewOf,
  readAdmission,
  readPreviewComment,
  renderAdmission,
  safeKey,
  type ReadPreview,
} from '../preview/render.js';

export const DEFAULT_PREVIEW_AUTHOR = 'github-actions[bot]';

export interface GithubContext {
  eventName: string;
  event: Record<string, unknown>;
  sha: string;
  repository: string;
}

export function prNumberOfEvent(event: Record<string, unknown>): number | undefined {
  const pr = event.pull_request as { number?: number } | undefined;
  return typeof pr?.number === 'number' ? pr.number : undefined;
}

/** What the preview comment on a pull request says, as the gate sees it. */
export interface PreviewLookup {
  found?: ReadPreview & { url: string };
  /** The workflow's preview comment was edited after it wrote it (digest mismatch): ignored. */
  edited?: string;
  /** Comments carrying a preview header by someone else: ignored. */
  ignoredOthers: string[];
}

/** Every comment on the pull request, all pages. */
function commentsOf(octokit: Octokit, t: { owner: string; repo: string; pr: number }) {
  return octokit.paginate(octokit.rest.issues.listComments, {
    owner: t.owner,
    repo: t.repo,
    issue_number: t.pr,
    per_page: 100,
  });
}

export async function findPreviewComment(
  octokit: Octokit,
  t: { owner: string; repo: string; pr: number; key: string; author: string },
): Promise<PreviewLookup & { id?: number; body?: string }> {
  const all = await commentsOf(octokit, t);
  const out: PreviewLookup & { id?: number; body?: string } = { ignoredOthers: [] };
  for (const c of all) {
    const body = c.body ?? '';
    if (!isPreviewOf(body, t.key)) continue;
    if (c.user?.login !== t.author) {
      out.ignoredOthers.push(`${c.user?.login ?? 'unknown'} (${c.html_url})`);
      continue;
    }
    if (out.id !== undefined) continue; // the first of the workflow's own is the one it keeps updating
    out.id = c.id;
    out.body = body;
    const r = readPreviewComment(body);
    if (r.found && r.found.pr === t.pr) out.found = { ...r.found, url: c.html_url };
    else out.edited = c.html_url;
  }
  return out;
}

/** Creates or updates (in place) the workflow's own preview comment. */
export async function upsertPreviewComment(
  octokit: Octokit,
  t: { owner: string; repo: string; pr: number; key: string; author: string; body: string },
): Promise<{ action: 'created' | 'updated' | 'unchanged'; url: string }> {
  if ([...t.body].length > MAX_COMMENT_CHARS)
    throw new Error(
      `the preview is ${[...t.body].length} characters, more than a comment holds (${MAX_COMMENT_CHARS})`,
    );
  const existing = await findPreviewComment(octokit, t);
  const found =
    existing.id !== undefined
      ? { id: existing.id, body: existing.body ?? '', url: existing.found?.url ?? existing.edited ?? '' }
      : undefined;
  const r = await writeComment(octokit, { owner: t.owner, repo: t.repo, issueNumber: t.pr }, found, t.body);
  return { action: r.action, url: r.url };
}

/** The pull requests GitHub associates with a commit (the merged one for a merge commit on the default branch). */
export async function pullsOfCommit(
  octokit: Octokit,
  t: { owner: string; repo: string; sha: string },
): Promise<{ number: number; state: string; url: string }[]> {
  const r = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
    owner: t.owner,
    repo: t.repo,
    commit_sha: t.sha,
  });
  return r.data.map((p) => ({ number: p.number, state: p.state, url: p.html_url }));
}

/**
 * The gate's admission of `sha` on the pull request, written by `author` only (anyone else's is ignored), for
 * this infrastructure key: the reviewed fingerprint it matched, and where.
 */
export async function findAdmission(
  octokit: Octokit,
  t: { owner: string; repo: string; pr: number; key: string; author: string; sha: string; config: string },
): Promise<{ fingerprint: string; url: string } | undefined> {
  const all = await commentsOf(octokit, t);
  for (const c of all) {
    if (c.user?.login !== t.author) continue;
    const a = readAdmission(c.body ?? '');
    if (a && a.sha === t.sha && a.config === t.config && a.key === safeKey(t.key))
      return { fingerprint: a.fingerprint, url: c.html_url };
  }
  return undefined;
}

/** Records the gate's admission of `sha` (one comment; none again when the same admission is there). */
export async function recordAdmission(
  octokit: Octokit,
  t: {
    owner: string;
    repo: string;
    pr: number;
    key: string;
    author: string;
    sha: string;
    config: string;
    fingerprint: string;
  },
  runUrl?: string,
): Promise<string> {
  const there = await findAdmission(octokit, t);
  if (there?.fingerprint === t.fingerprint) return there.url;
  const r = await octokit.rest.issues.createComment({
    owner: t.owner,
    repo: t.repo,
    issue_number: t.pr,
    body: renderAdmission(t, runUrl),
  });
  return r.data.html_url;
}
