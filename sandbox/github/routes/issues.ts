import type { Router } from '../../core/http.js';
import type { World } from '../../world.js';
import {
  type GithubModel,
  R,
  iso,
  repoOf,
  obj,
  notFound,
  validationFailed,
  bodyProblem,
  paginate,
  newIssue,
  userOf,
} from '../model.js';

/** Issues: list by state and labels, create, get, update (title, body, state, labels). */
export function issueRoutes(r: Router, world: World): void {
  const m = world.github as GithubModel;
  r.get(`${R}/issues`, (req) => {
    const all = m.issues.get(repoOf(req));
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
    const all = m.issues.get(repoOf(req));
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
      userOf(m, req),
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
    const issue = m.issues.get(repoOf(req))?.get(Number(req.params.n));
    return issue ? { status: 200, body: issue } : notFound();
  });
  r.patch(`${R}/issues/{n}`, (req) => {
    const issue = m.issues.get(repoOf(req))?.get(Number(req.params.n));
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
}
