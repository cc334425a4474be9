import { createHash, randomBytes } from 'node:crypto';
import type { Req, Res } from '../core/http.js';
import type { GithubComment, GithubIssue, GithubState, GithubUser, PullCommits } from './state.js';

/** GitHub's limit on an issue or comment body (characters). */
export const MAX_BODY_CHARS = 65536;
export const DOCS = 'https://docs.github.com/rest';
/** The repository prefix of every path the bundle uses. */
export const R = '/repos/{owner}/{repo}';

/** The user a token stands for: GITHUB_TOKEN is the `github-actions[bot]` app's installation token (type Bot). */
export const GITHUB_ACTIONS_BOT: GithubUser = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };
export const OCTOCAT: GithubUser = { login: 'octocat', id: 583231, type: 'User' };

export class GithubModel implements GithubState {
  /** `ghs_` is the prefix of installation tokens (GITHUB_TOKEN), `ghp_` of personal access tokens. */
  token = `ghs_${randomBytes(18).toString('hex')}`;
  userToken = `ghp_${randomBytes(18).toString('hex')}`;
  readOnlyToken = `ghs_${randomBytes(18).toString('hex')}`;
  login = GITHUB_ACTIONS_BOT.login;
  identities = new Map<string, GithubUser>([
    [this.token, GITHUB_ACTIONS_BOT],
    [this.userToken, OCTOCAT],
    [this.readOnlyToken, GITHUB_ACTIONS_BOT],
  ]);
  issues = new Map<string, Map<number, GithubIssue>>();
  comments = new Map<string, GithubComment[]>();
  pullCommits = new Map<string, PullCommits>();
  nextId = 1_000_000;
  bot: GithubUser = GITHUB_ACTIONS_BOT;
  commentsOn(repository: string, issueNumber: number): GithubComment[] {
    return this.comments.get(`${repository}#${issueNumber}`) ?? [];
  }
}

/** A commit sha that stands for `what` (a pull request's head, base or merge commit), the same in every run. */
export function fakeSha(what: string): string {
  return createHash('sha1').update(what).digest('hex');
}

/** The token of a request (`Authorization: token|Bearer <t>`), or undefined. */
export function tokenOf(req: Req): string | undefined {
  const auth = String(req.headers.authorization ?? '');
  return /^(?:token|bearer)\s+(.+)$/i.exec(auth)?.[1];
}

/** Whom the request's token belongs to (the guard has already refused unknown tokens). */
export function userOf(m: GithubModel, req: Req): GithubUser {
  return m.identities.get(tokenOf(req) ?? '') ?? m.bot;
}

export const iso = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

export function newIssue(
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

export function newComment(
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

export const notFound = (): Res => ({
  status: 404,
  body: { message: 'Not Found', documentation_url: DOCS, status: '404' },
});
export function validationFailed(resource: string, field: string, message: string, code = 'custom'): Res {
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

export function bodyProblem(resource: string, body: unknown, required: boolean): Res | undefined {
  if (body === undefined || body === null)
    return required ? validationFailed(resource, 'body', 'body is missing', 'missing_field') : undefined;
  if (typeof body !== 'string') return validationFailed(resource, 'body', 'body is not a string', 'invalid');
  if ([...body].length > MAX_BODY_CHARS)
    return validationFailed(resource, 'body', `body is too long (maximum is ${MAX_BODY_CHARS} characters)`);
  return undefined;
}

/** page/per_page as GitHub reads them, and the Link header it sends. */
export function paginate<T>(req: Req, items: T[]): Res {
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

/** `owner/repo` from the path. */
export const repoOf = (req: Req) => `${req.params.owner}/${req.params.repo}`;

export const obj = (b: unknown): Record<string, unknown> =>
  b && typeof b === 'object' && !Array.isArray(b) ? (b as Record<string, unknown>) : {};
