import { Router, Service, startService } from '../core/http.js';
import type { World } from '../world.js';
import { DOCS, GithubModel, OCTOCAT, fakeSha, newComment, newIssue, notFound, tokenOf } from './model.js';
import { issueCommentRoutes } from './routes/comments.js';
import { issueRoutes } from './routes/issues.js';
import { repositoryRoutes } from './routes/repos.js';
import type { GithubComment, GithubIssue, GithubState } from './state.js';

export type { GithubState } from './state.js';
export { MAX_BODY_CHARS } from './model.js';

/** One resource family of the GitHub REST API: adds its routes to the `github` service's router. */
export type GithubFamily = (r: Router, world: World) => void;

/** The GitHub REST API's resource families, one file each under routes/. A new family: one file, one line here. */
export const GITHUB_FAMILIES: GithubFamily[] = [repositoryRoutes, issueCommentRoutes, issueRoutes];

export function createGithubState(world: World): GithubState {
  const m = new GithubModel();
  const sc = world.scenario.github;
  const repo = sc.repository;
  const issues = new Map<number, GithubIssue>();
  m.issues.set(repo, issues);
  const pulls = [
    { number: sc.pullRequest, mergeCommitSha: sc.mergeCommitSha },
    ...(sc.morePullRequests ?? []),
  ];
  for (const p of pulls) {
    const pr = newIssue(
      m,
      repo,
      p.number,
      'Update Gitspaces infrastructure',
      'Changes gitspaces.yaml',
      OCTOCAT,
      'http://127.0.0.1',
    );
    pr.pull_request = {
      url: `http://127.0.0.1/repos/${repo}/pulls/${p.number}`,
      html_url: `https://github.com/${repo}/pull/${p.number}`,
    };
    m.pullCommits.set(`${repo}#${p.number}`, {
      headSha: fakeSha(`${repo}#${p.number} head`),
      baseSha: fakeSha(`${repo} main`),
      mergeCommitSha: p.mergeCommitSha ?? fakeSha(`${repo}#${p.number} merge`),
    });
    issues.set(pr.number, pr);
    m.comments.set(`${repo}#${pr.number}`, []);
  }
  const pr = issues.get(sc.pullRequest) as GithubIssue;
  const list: GithubComment[] = [];
  for (let i = 0; i < sc.existingComments; i++)
    list.push(
      newComment(m, repo, pr.number, `Comment ${i + 1} from a reviewer`, OCTOCAT, 'http://127.0.0.1'),
    );
  m.comments.set(`${repo}#${pr.number}`, list);
  pr.comments = list.length;
  return m;
}

function githubRouter(world: World): Router {
  const m = world.github as GithubModel;
  const r = new Router();
  r.notFound = () => notFound();
  r.guard = (req, mutating) => {
    // The workflow's token and the users' tokens (model.ts); anything else is GitHub's 401.
    const token = tokenOf(req) ?? '';
    if (!m.identities.has(token))
      return { status: 401, body: { message: 'Bad credentials', documentation_url: DOCS, status: '401' } };
    // A fork's pull request runs with a read-only GITHUB_TOKEN ("Permissions for the GITHUB_TOKEN": pull requests
    // from public forks get read access only); a write is GitHub's 403 for a missing integration permission.
    if (mutating && token === m.readOnlyToken)
      return {
        status: 403,
        body: { message: 'Resource not accessible by integration', documentation_url: DOCS, status: '403' },
      };
    return undefined;
  };
  for (const family of GITHUB_FAMILIES) family(r, world);
  return r;
}

/** Starts the `github` service (world.urls.github): the REST API paths the bundle uses. */
export async function startGithub(world: World): Promise<Service[]> {
  const svc = await startService('github', githubRouter(world), world.journal, world.faults);
  world.urls.github = svc.url;
  // Seeded items were made before the port was known.
  const fix = (u: string) => u.replace(/^http:\/\/127\.0\.0\.1(?=\/)/, svc.url);
  for (const issues of world.github.issues.values())
    for (const i of issues.values()) {
      i.url = fix(i.url);
      if (i.pull_request) i.pull_request.url = fix(i.pull_request.url);
    }
  for (const list of world.github.comments.values())
    for (const c of list) {
      c.url = fix(c.url);
      c.issue_url = fix(c.issue_url);
    }
  return [svc];
}
