import { getOctokit } from '@actions/github';
import { Clock, realClock } from '../clock.js';
import { endpointsFromEnv } from '../endpoints.js';
import type { Logger } from '../logger.js';
import { withGithubRetries } from './retry.js';

/** The Octokit that @actions/github builds (REST methods + paginate). */
export type Octokit = ReturnType<typeof getOctokit>;

/** GitHub refuses issue and comment bodies longer than this (422 "body is too long"). */
export const MAX_COMMENT_CHARS = 65536;

/**
 * An Octokit for the GitHub API the environment points at (GITHUB_API_URL; the sandbox sets it), retrying as
 * GitHub documents (shared/github/retry.ts).
 */
export function githubClient(
  token: string,
  env: NodeJS.ProcessEnv = process.env,
  opts: { clock?: Clock; log?: Logger } = {},
): Octokit {
  const baseUrl = endpointsFromEnv(env).github;
  const octokit = getOctokit(token, { baseUrl });
  let host = 'api.github.com';
  try {
    host = new URL(baseUrl ?? 'https://api.github.com').host;
  } catch {
    /* keep */
  }
  octokit.hook.wrap('request', (request, options) =>
    withGithubRetries(String(options.method), String(options.url), async () => request(options), {
      clock: opts.clock ?? realClock,
      log: opts.log,
      host,
    }),
  );
  return octokit;
}

/** `<!-- gitspaces:<id> -->`: accepts the bare id (`plan`), `gitspaces:plan`, or the full HTML comment. */
export function markerComment(marker: string): string {
  const m = marker.trim();
  if (m.startsWith('<!--')) return m;
  return `<!-- ${m.startsWith('gitspaces:') ? m : `gitspaces:${m}`} -->`;
}

/**
 * Puts the hidden marker on the first line and keeps the whole within GitHub's limit: an over-long body is cut
 * at a line boundary with a note saying so (the full text belongs in the job summary or an artifact).
 */
export function commentBody(marker: string, body: string): string {
  const tag = markerComment(marker);
  const full = body.includes(tag) ? body : `${tag}\n${body}`;
  if ([...full].length <= MAX_COMMENT_CHARS) return full;
  const note = '\n\n… (truncated: the full output is in the workflow run summary)';
  const room = MAX_COMMENT_CHARS - [...note].length;
  let cut = [...full].slice(0, room).join('');
  const nl = cut.lastIndexOf('\n');
  if (nl > room / 2) cut = cut.slice(0, nl);
  return cut + note;
}

export interface MarkedCommentTarget {
  octokit: Octokit;
  owner: string;
  repo: string;
  issueNumber: number;
  marker: string;
  /** Only comments by this login count (the workflow's own, `github-actions[bot]` for GITHUB_TOKEN). */
  author?: string;
}

export interface FoundComment {
  id: number;
  body: string;
  url: string;
}

/**
 * The one comment that starts with the marker (a marker anywhere else is text someone wrote), by `author` when
 * given, looking through every page of the issue's comments.
 */
export async function findMarkedComment(t: MarkedCommentTarget): Promise<FoundComment | undefined> {
  const tag = markerComment(t.marker);
  const all = await t.octokit.paginate(t.octokit.rest.issues.listComments, {
    owner: t.owner,
    repo: t.repo,
    issue_number: t.issueNumber,
    per_page: 100,
  });
  const hit = all.find(
    (c) => (c.body ?? '').startsWith(tag) && (t.author === undefined || c.user?.login === t.author),
  );
  return hit ? { id: hit.id, body: hit.body ?? '', url: hit.html_url } : undefined;
}

export interface UpsertResult {
  action: 'created' | 'updated' | 'unchanged';
  id: number;
  url: string;
}

/** Updates the comment that carries the marker, or creates it: one sticky comment per marker. */
export async function upsertMarkedComment(t: MarkedCommentTarget & { body: string }): Promise<UpsertResult> {
  const body = commentBody(t.marker, t.body);
  return writeComment(t.octokit, t, await findMarkedComment(t), body);
}

/**
 * The write half of every upsert: the comment found is left as it is when it already says `body`, updated in place
 * when it differs, and a new one is created when none was found.
 */
export async function writeComment(
  octokit: Octokit,
  where: { owner: string; repo: string; issueNumber: number },
  existing: { id: number; body: string; url: string } | undefined,
  body: string,
): Promise<UpsertResult> {
  if (existing) {
    if (existing.body === body) return { action: 'unchanged', id: existing.id, url: existing.url };
    const res = await octokit.rest.issues.updateComment({
      owner: where.owner,
      repo: where.repo,
      comment_id: existing.id,
      body,
    });
    return { action: 'updated', id: res.data.id, url: res.data.html_url };
  }
  const res = await octokit.rest.issues.createComment({
    owner: where.owner,
    repo: where.repo,
    issue_number: where.issueNumber,
    body,
  });
  return { action: 'created', id: res.data.id, url: res.data.html_url };
}

/** `owner/repo` (GITHUB_REPOSITORY) split in two. */
export function splitRepository(repository: string): { owner: string; repo: string } {
  const [owner, repo] = repository.split('/');
  if (!owner || !repo) throw new Error(`Expected owner/repo, got "${repository}"`);
  return { owner, repo };
}
