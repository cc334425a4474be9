import type { Router } from '../../core/http.js';
import type { World } from '../../world.js';
import { type GithubModel, DOCS, R, repoOf, notFound, userOf } from '../model.js';
import type { GithubIssue } from '../state.js';

/** A pull request as `pulls/{n}` and `commits/{sha}/pulls` return it (the fields the bundle reads, and a few more). */
function pullJson(m: GithubModel, repo: string, issue: GithubIssue): Record<string, unknown> {
  const c = m.pullCommits.get(`${repo}#${issue.number}`);
  return {
    id: issue.id,
    number: issue.number,
    state: issue.state,
    title: issue.title,
    body: issue.body,
    user: issue.user,
    url: issue.pull_request?.url,
    html_url: `https://github.com/${repo}/pull/${issue.number}`,
    head: { ref: 'gitspaces-change', sha: c?.headSha ?? 'a'.repeat(40) },
    base: { ref: 'main', sha: c?.baseSha ?? 'b'.repeat(40) },
    merge_commit_sha: c?.mergeCommitSha ?? null,
    draft: false,
    merged: false,
  };
}

/** The repository, its pull requests, the pull requests of a commit, and the authenticated user. */
export function repositoryRoutes(r: Router, world: World): void {
  const m = world.github as GithubModel;
  r.get(R, (req) => {
    if (!m.issues.get(repoOf(req))) return notFound();
    return {
      status: 200,
      body: {
        id: 1,
        name: req.params.repo,
        full_name: repoOf(req),
        private: true,
        default_branch: 'main',
        html_url: `https://github.com/${repoOf(req)}`,
      },
    };
  });
  r.get(`${R}/pulls/{n}`, (req) => {
    const issue = m.issues.get(repoOf(req))?.get(Number(req.params.n));
    if (!issue?.pull_request) return notFound();
    return { status: 200, body: pullJson(m, repoOf(req), issue) };
  });
  // "List pull requests associated with a commit" (docs.github.com/rest/commits/commits): the pull request a
  // merge commit (or a head commit) belongs to, as a list; a commit without one answers []. GitHub answers 422
  // "No commit found for SHA" for a sha it does not have; the emulator has every well-formed sha as a commit of
  // the default branch, and refuses only malformed ones.
  r.get(`${R}/commits/{sha}/pulls`, (req) => {
    const all = m.issues.get(repoOf(req));
    if (!all) return notFound();
    const sha = String(req.params.sha).toLowerCase();
    if (!/^[0-9a-f]{7,40}$/.test(sha))
      return {
        status: 422,
        body: {
          message: `No commit found for SHA: ${req.params.sha}`,
          documentation_url: DOCS,
          status: '422',
        },
      };
    const hits = [...all.values()].filter((i) => {
      const c = i.pull_request ? m.pullCommits.get(`${repoOf(req)}#${i.number}`) : undefined;
      return c && (c.mergeCommitSha.startsWith(sha) || c.headSha.startsWith(sha));
    });
    return { status: 200, body: hits.map((i) => pullJson(m, repoOf(req), i)) };
  });
  // "Get the authenticated user": an installation token (GITHUB_TOKEN is one) is not a user, and GitHub answers
  // 403 "Resource not accessible by integration"; a personal token gets its user.
  r.get('/user', (req) => {
    const u = userOf(m, req);
    if (u.type === 'Bot')
      return {
        status: 403,
        body: {
          message: 'Resource not accessible by integration',
          documentation_url: 'https://docs.github.com/rest/users/users#get-the-authenticated-user',
          status: '403',
        },
      };
    return { status: 200, body: { login: u.login, id: u.id, type: u.type } };
  });
}
