import { Req, Router, googleError } from '../core/http.js';
import { apiGuard, bodyObject, hasPermission, ok, permissionDenied, GcpFamily } from './common.js';
import type { GcpWorld } from './state.js';

const BOOLEAN_CONSTRAINTS = new Set([
  'constraints/iam.disableServiceAccountKeyCreation',
  'constraints/compute.requireOsLogin',
  'constraints/compute.skipDefaultNetworkCreation',
  'constraints/iam.disableServiceAccountCreation',
]);

/** Projects (v1 and v3 get), IAM policy reads and permission tests, effective org policies. */
function projectRoutes(r: Router, world: GcpWorld): void {
  const callerDenied = () => googleError(403, 'The caller does not have permission', 'forbidden');
  const etag = Buffer.from(`etag-${world.scn.projectId}`).toString('base64').slice(0, 12);

  const project = (v: 'v1' | 'v3') => (req: Req) => {
    const id = world.project(req.params.project as string);
    if (!id) return callerDenied();
    const s = world.scn;
    return ok(
      v === 'v1'
        ? {
            projectNumber: s.projectNumber,
            projectId: s.projectId,
            lifecycleState: 'ACTIVE',
            name: s.projectId,
            createTime: '2024-03-01T12:00:00.000Z',
            parent: { type: 'organization', id: '433637338589' },
          }
        : {
            name: `projects/${s.projectNumber}`,
            parent: 'organizations/433637338589',
            projectId: s.projectId,
            state: 'ACTIVE',
            displayName: s.projectId,
            createTime: '2024-03-01T12:00:00.000Z',
            etag: `W/"${etag}"`,
          },
    );
  };
  r.get('/v1/projects/{project}', project('v1'));
  r.get('/v3/projects/{project}', project('v3'));

  const getIamPolicy = (req: Req) => {
    if (!world.project(req.params.project as string)) return callerDenied();
    if (!hasPermission(world, 'resourcemanager.projects.getIamPolicy'))
      return permissionDenied('resourcemanager.projects.getIamPolicy', `projects/${req.params.project}`);
    const bindings = Object.entries(world.scn.bindings).map(([role, members]) => ({
      role,
      members: [...members].sort(),
    }));
    return ok({ version: 1, etag, bindings });
  };
  r.post('/v1/projects/{project}:getIamPolicy', getIamPolicy, { mutating: false });
  r.post('/v3/projects/{project}:getIamPolicy', getIamPolicy, { mutating: false });

  const testIam = (req: Req) => {
    if (!world.project(req.params.project as string)) return callerDenied();
    const perms = bodyObject(req).permissions;
    if (!Array.isArray(perms))
      return googleError(400, 'Invalid JSON payload: permissions must be a list.', 'badRequest');
    const bad = perms.find((p) => typeof p !== 'string' || !/^[a-zA-Z0-9]+(\.[a-zA-Z0-9]+){2,}$/.test(p));
    if (bad !== undefined) return googleError(400, `Permission ${String(bad)} is not valid.`, 'badRequest');
    const held = (perms as string[]).filter((p) => hasPermission(world, p));
    return ok(held.length ? { permissions: held } : {});
  };
  r.post('/v1/projects/{project}:testIamPermissions', testIam, { mutating: false });
  r.post('/v3/projects/{project}:testIamPermissions', testIam, { mutating: false });

  r.post(
    '/v1/projects/{project}:getEffectiveOrgPolicy',
    (req) => {
      if (!world.project(req.params.project as string)) return callerDenied();
      if (!world.scn.canReadOrgPolicy) return callerDenied();
      const constraint = bodyObject(req).constraint;
      if (typeof constraint !== 'string' || !constraint.startsWith('constraints/'))
        return googleError(400, `Invalid constraint name: ${String(constraint)}`, 'badRequest');
      const o = world.scn.orgPolicies;
      const base = { version: 1, constraint, etag: 'BwYAAAAAAAA=', updateTime: '2025-01-01T00:00:00Z' };
      if (BOOLEAN_CONSTRAINTS.has(constraint)) {
        const enforced =
          constraint === 'constraints/iam.disableServiceAccountKeyCreation'
            ? o.disableServiceAccountKeyCreation
            : constraint === 'constraints/compute.requireOsLogin'
              ? o.requireOsLogin
              : undefined;
        return ok({ ...base, booleanPolicy: enforced ? { enforced: true } : {} });
      }
      // Values come back as the policy holds them (value groups such as in:eu-locations are not expanded);
      // Compute enforces them on create (compute/insert.ts).
      if (constraint === 'constraints/gcp.resourceLocations')
        return ok(
          o.resourceLocations || o.resourceLocationsDenied
            ? {
                ...base,
                listPolicy: {
                  ...(o.resourceLocations ? { allowedValues: [...o.resourceLocations] } : {}),
                  ...(o.resourceLocationsDenied ? { deniedValues: [...o.resourceLocationsDenied] } : {}),
                },
              }
            : { ...base, listPolicy: { allValues: 'ALLOW' } },
        );
      if (constraint === 'constraints/compute.vmExternalIpAccess')
        return ok({ ...base, listPolicy: { allValues: o.vmExternalIpAccess === 'deny' ? 'DENY' : 'ALLOW' } });
      return ok({ ...base, listPolicy: {} });
    },
    { mutating: false },
  );
}

/** This API's resource families. A new family: a GcpFamily (in its own file when it grows), one line here. */
export const RESOURCE_MANAGER_FAMILIES: GcpFamily[] = [projectRoutes];

export function resourceManagerRouter(world: GcpWorld): Router {
  const r = new Router();
  apiGuard(world, r, 'cloudresourcemanager.googleapis.com');
  for (const family of RESOURCE_MANAGER_FAMILIES) family(r, world);
  return r;
}
