import { randomBytes } from 'node:crypto';
import { Req, Res, Router, Service, startService } from '../core/http.js';
import type { World } from '../world.js';
import type { GithubComment, GithubIssue, GithubState, GithubUser } from './state.js';

export type { GithubState } from './state.js';

/** GitHub's limit on an issue or comment body (characters). */
export const MAX_BODY_CHARS = 65536;
const DOCS = 'https://docs.github.com/rest';

class GithubModel implements GithubState {
  token = `ghs_${randomBytes(18).toString('hex')}`;
  login = 'github-actions[bot]';
  issues = new Map<string, Map<number, GithubIssue>>();
  comments = new Map<string, GithubComment[]>();
  nextId = 1_000_000;
  bot: GithubUser = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };
  commentsOn(repository: string, issueNumber: number): GithubComment[] {
    return this.comments.get(`${repository}#${issueNumber}`) ?? [];
  }
}

const iso = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

export function createGithubState(world: World): GithubState {
  const m = new GithubModel();
  const sc = world.scenario.github;
  const repo = sc.repository;
  const issues = new Map<number, GithubIssue>();
  m.issues.set(repo, issues);
  const pr = newIssue(
    m,
    repo,
    sc.pullRequest,
    'Update Gitspaces infrastructure',
    'Changes gitspaces.yaml',
    { login: 'octocat', id: 583231, type: 'User' },
    'http://127.0.0.1',
  );
  pr.pull_request = {
    url: `http://127.0.0.1/repos/${repo}/pulls/${sc.pullRequest}`,
    html_url: `https://github.com/${repo}/pull/${sc.pullRequest}`,
  };
  issues.set(pr.number, pr);
  const list: GithubComment[] = [];
  for (let i = 0; i < sc.existingComments; i++)
    list.push(
      newComment(
        m,
        repo,
        pr.number,
        `Comment ${i + 1} from a reviewer`,
        { login: 'octocat', id: 583231, type: 'User' },
        'http://127.0.0.1',
      ),
    );
  m.comments.set(`${repo}#${pr.number}`, list);
  pr.comments = list.length;
  return m;
}

function newIssue(
  m: GithubModel,
  repo: string,
  number: number,
  title: string,
  body: string | null,
  user: GithubUser,
  base: string,
): GithubIssue {
  const id = m.nextId++;
  return {
    id,
    node_id: `I_kwDO${id}`,
    number,
    title,
    body,
    state: 'open',
    state_reason: null,
    labels: [],
    user,
    url: `${base}/repos/${repo}/issues/${number}`,
    html_url: `https://github.com/${repo}/issues/${number}`,
    comments: 0,
    created_at: iso(),
    updated_at: iso(),
    closed_at: null,
  };
}

function newComment(
  m: GithubModel,
  repo: string,
  issueNumber: number,
  body: string,
  user: GithubUser,
  base: string,
): GithubComment {
  const id = m.nextId++;
  return {
    id,
    node_id: `IC_kwDO${id}`,
    url: `${base}/repos/${repo}/issues/comments/${id}`,
    html_url: `https://github.com/${repo}/issues/${issueNumber}#issuecomment-${id}`,
    issue_url: `${base}/repos/${repo}/issues/${issueNumber}`,
    body,
    user,
    created_at: iso(),
    updated_at: iso(),
    author_association: user.type === 'Bot' ? 'NONE' : 'MEMBER',
  };
}

const notFound = (): Res => ({
  status: 404,
  body: { message: 'Not Found', documentation_url: DOCS, status: '404' },
});
function validationFailed(resource: string, field: string, message: string, code = 'custom'): Res {
  return {
    status: 422,
    body: {
      message: 'Validation Failed',
      errors: [{ resource, code, field, message }],
      documentation_url: DOCS,
      status: '422',
    },
  };
}

function bodyProblem(resource: string, body: unknown, required: boolean): Res | undefined {
  if (body === undefined || body === null)
    return required ? validationFailed(resource, 'body', 'body is missing', 'missing_field') : undefined;
  if (typeof body !== 'string') return validationFailed(resource, 'body', 'body is not a string', 'invalid');
  if ([...body].length > MAX_BODY_CHARS)
    return validationFailed(resource, 'body', `body is too long (maximum is ${MAX_BODY_CHARS} characters)`);
  return undefined;
}

/** page/per_page as GitHub reads them, and the Link header it sends. */
function paginate<T>(req: Req, items: T[]): Res {
  const perPage = Math.min(100, Math.max(1, Number(req.query.get('per_page') ?? 30) || 30));
  const page = Math.max(1, Number(req.query.get('page') ?? 1) || 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const slice = items.slice((page - 1) * perPage, page * perPage);
  const link = (p: number) => {
    const q = new URLSearchParams(req.query);
    q.set('per_page', String(perPage));
    q.set('page', String(p));
    return `<${req.baseUrl}${req.path}?${q.toString()}>`;
  };
  const rels: string[] = [];
  if (page > 1) rels.push(`${link(page - 1)}; rel="prev"`);
  if (page < last) rels.push(`${link(page + 1)}; rel="next"`, `${link(last)}; rel="last"`);
  if (page > 1) rels.push(`${link(1)}; rel="first"`);
  return { status: 200, body: slice, headers: rels.length ? { link: rels.join(', ') } : {} };
}

function githubRouter(world: World): Router {
  const m = world.github as GithubModel;
  const r = new Router();
  r.notFound = () => notFound();
  r.guard = (req) => {
    const auth = String(req.headers.authorization ?? '');
    const token = /^(?:token|bearer)\s+(.+)$/i.exec(auth)?.[1];
    if (token !== m.token)
      return { status: 401, body: { message: 'Bad credentials', documentation_url: DOCS, status: '401' } };
    return undefined;
  };
  const repoOf = (req: Req) => `${req.params.owner}/${req.params.repo}`;
  const issuesOf = (req: Req) => m.issues.get(repoOf(req));
  const obj = (b: unknown): Record<string, unknown> =>
    b && typeof b === 'object' && !Array.isArray(b) ? (b as Record<string, unknown>) : {};
  const R = '/repos/{owner}/{repo}';

  r.get(R, (req) => {
    if (!issuesOf(req)) return notFound();
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
    const issue = issuesOf(req)?.get(Number(req.params.n));
    if (!issue?.pull_request) return notFound();
    return {
      status: 200,
      body: {
        id: issue.id,
        number: issue.number,
        state: issue.state,
        title: issue.title,
        body: issue.body,
        user: issue.user,
        html_url: `https://github.com/${repoOf(req)}/pull/${issue.number}`,
        head: { ref: 'gitspaces-change', sha: 'a'.repeat(40) },
        base: { ref: 'main', sha: 'b'.repeat(40) },
        draft: false,
        merged: false,
      },
    };
  });
  r.get(`${R}/issues/{n}/comments`, (req) => {
    const key = `${repoOf(req)}#${Number(req.params.n)}`;
    if (!issuesOf(req)?.has(Number(req.params.n))) return notFound();
    return paginate(req, m.comments.get(key) ?? []);
  });
  r.post(`${R}/issues/{n}/comments`, (req) => {
    const n = Number(req.params.n);
    const issue = issuesOf(req)?.get(n);
    if (!issue) return notFound();
    const bad = bodyProblem('IssueComment', obj(req.body).body, true);
    if (bad) return bad;
    const c = newComment(m, repoOf(req), n, obj(req.body).body as string, m.bot, req.baseUrl);
    const key = `${repoOf(req)}#${n}`;
    m.comments.set(key, [...(m.comments.get(key) ?? []), c]);
    issue.comments++;
    return { status: 201, body: c, headers: { location: c.url } };
  });
  const findComment = (req: Req): { list: GithubComment[]; c: GithubComment; key: string } | undefined => {
    const id = Number(req.params.id);
    for (const [key, list] of m.comments) {
      if (!key.startsWith(`${repoOf(req)}#`)) continue;
      const c = list.find((x) => x.id === id);
      if (c) return { list, c, key };
    }
    return undefined;
  };
  r.get(`${R}/issues/comments/{id}`, (req) => {
    const f = findComment(req);
    return f ? { status: 200, body: f.c } : notFound();
  });
  r.patch(`${R}/issues/comments/{id}`, (req) => {
    const f = findComment(req);
    if (!f) return notFound();
    const bad = bodyProblem('IssueComment', obj(req.body).body, true);
    if (bad) return bad;
    f.c.body = obj(req.body).body as string;
    f.c.updated_at = iso();
    return { status: 200, body: f.c };
  });
  r.delete(`${R}/issues/comments/{id}`, (req) => {
    const f = findComment(req);
    if (!f) return notFound();
    m.comments.set(
      f.key,
      f.list.filter((c) => c !== f.c),
    );
    return { status: 204 };
  });
  r.get(`${R}/issues`, (req) => {
    const all = issuesOf(req);
    if (!all) return notFound();
    const state = req.query.get('state') ?? 'open';
    const labels = (req.query.get('labels') ?? '').split(',').filter(Boolean);
    const items = [...all.values()]
      .filter((i) => state === 'all' || i.state === state)
      .filter((i) => labels.every((l) => i.labels.some((x) => x.name === l)))
      .sort((a, b) => b.number - a.number);
    return paginate(req, items);
  });
  r.post(`${R}/issues`, (req) => {
    const all = issuesOf(req);
    if (!all) return notFound();
    const b = obj(req.body);
    if (typeof b.title !== 'string' || !b.title)
      return validationFailed('Issue', 'title', 'title is missing', 'missing_field');
    const bad = bodyProblem('Issue', b.body, false);
    if (bad) return bad;
    const number = Math.max(0, ...all.keys()) + 1;
    const issue = newIssue(
      m,
      repoOf(req),
      number,
      b.title,
      typeof b.body === 'string' ? b.body : null,
      m.bot,
      req.baseUrl,
    );
    issue.labels = (Array.isArray(b.labels) ? b.labels : []).map((l, i) => ({
      id: i + 1,
      name: typeof l === 'string' ? l : String(obj(l).name),
      color: 'ededed',
    }));
    all.set(number, issue);
    return { status: 201, body: issue };
  });
  r.get(`${R}/issues/{n}`, (req) => {
    const issue = issuesOf(req)?.get(Number(req.params.n));
    return issue ? { status: 200, body: issue } : notFound();
  });
  r.patch(`${R}/issues/{n}`, (req) => {
    const issue = issuesOf(req)?.get(Number(req.params.n));
    if (!issue) return notFound();
    const b = obj(req.body);
    const bad = bodyProblem('Issue', b.body, false);
    if (bad) return bad;
    if (typeof b.title === 'string') issue.title = b.title;
    if (typeof b.body === 'string') issue.body = b.body;
    if (b.state === 'open' || b.state === 'closed') {
      issue.state = b.state;
      issue.closed_at = b.state === 'closed' ? iso() : null;
      issue.state_reason =
        b.state === 'closed' ? (typeof b.state_reason === 'string' ? b.state_reason : 'completed') : null;
    }
    if (Array.isArray(b.labels))
      issue.labels = b.labels.map((l, i) => ({
        id: i + 1,
        name: typeof l === 'string' ? l : String(obj(l).name),
        color: 'ededed',
      }));
    issue.updated_at = iso();
    return { status: 200, body: issue };
  });
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
