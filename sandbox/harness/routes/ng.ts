import type { Router } from '../../core/http.js';
import type { World } from '../../world.js';
import { NG_PREFIX, json, ngError } from '../api.js';

/** NG organizations and projects, as the preflight reads them. */
export function organizationRoutes(r: Router, world: World): void {
  const sc = world.scenario.harness;
  r.get(`${NG_PREFIX}/organizations/{org}`, (req) =>
    req.params.org === sc.org
      ? json(200, {
          status: 'SUCCESS',
          data: {
            organization: { identifier: sc.org, name: sc.org, description: '', tags: {} },
            createdAt: 0,
            lastModifiedAt: 0,
            harnessManaged: sc.org === 'default',
          },
        })
      : ngError(404, 'RESOURCE_NOT_FOUND', `Organization with identifier [${req.params.org}] not found`),
  );
  r.get(`${NG_PREFIX}/projects/{project}`, (req) => {
    const org = req.query.get('orgIdentifier') ?? 'default';
    return org === sc.org && sc.projects.includes(req.params.project as string)
      ? json(200, {
          status: 'SUCCESS',
          data: {
            project: {
              orgIdentifier: org,
              identifier: req.params.project,
              name: req.params.project,
              modules: ['CDE'],
              tags: {},
            },
            createdAt: 0,
            lastModifiedAt: 0,
          },
        })
      : ngError(
          404,
          'RESOURCE_NOT_FOUND',
          `Project with orgIdentifier [${org}] and identifier [${req.params.project}] not found`,
        );
  });
}
