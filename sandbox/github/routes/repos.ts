import type { Router } from '../../core/http.js';
import type { World } from '../../world.js';
import { type GithubModel, R, repoOf, notFound } from '../model.js';

/** The repository and its pull requests. */
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
}
