import type { Req, Router } from '../../core/http.js';
import type { World } from '../../world.js';
import {
  type GithubModel,
  R,
  iso,
  repoOf,
  obj,
  notFound,
  bodyProblem,
  paginate,
  newComment,
  userOf,
} from '../model.js';
import type { GithubComment } from '../state.js';

/** Issue and pull-request comments: list (paged, Link header), create, get, update, delete. */
export function issueCommentRoutes(r: Router, world: World): void {
  const m = world.github as GithubModel;
  r.get(`${R}/issues/{n}/comments`, (req) => {
    const key = `${repoOf(req)}#${Number(req.params.n)}`;
    if (!m.issues.get(repoOf(req))?.has(Number(req.params.n))) return notFound();
    return paginate(req, m.comments.get(key) ?? []);
  });
  r.post(`${R}/issues/{n}/comments`, (req) => {
    const n = Number(req.params.n);
    const issue = m.issues.get(repoOf(req))?.get(n);
    if (!issue) return notFound();
    const bad = bodyProblem('IssueComment', obj(req.body).body, true);
    if (bad) return bad;
    // The comment's author is whoever the token belongs to (the workflow's bot, or a user).
    const c = newComment(m, repoOf(req), n, obj(req.body).body as string, userOf(m, req), req.baseUrl);
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
    // As on GitHub, an edit keeps the comment's author (`user`), whoever edits it: the REST API does not say who
    // edited a comment (only GraphQL's `editor` does), so the author alone cannot tell an edited comment apart.
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
}
