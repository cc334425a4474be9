import { createHash } from 'node:crypto';
import { Req, Res, Router, googleError } from '../core/http.js';
import { Json, bodyObject, hasPermission, ok, permissionDenied } from './common.js';
import type { GcpWorld } from './state.js';

/**
 * What the Terraform provider changes in IAM and Resource Manager, on top of the read-only emulators (apis.ts):
 * creating and deleting service accounts (iam v1 projects.serviceAccounts create/get/patch/delete) and writing
 * the project's IAM policy (cloudresourcemanager v1 projects.setIamPolicy). An OverlayRouter answers these
 * routes and hands every other request to the router it wraps.
 * Messages and codes: REST references of projects.serviceAccounts.create ("Service account <id> already exists
 * within project projects/<p>.", 409 ALREADY_EXISTS) and projects.setIamPolicy.
 */

class OverlayRouter extends Router {
  constructor(private readonly inner: Router) {
    super();
    this.guard = inner.guard;
    this.notFound = inner.notFound;
  }
  override match(method: string, path: string): ReturnType<Router['match']> {
    return super.match(method, path) ?? this.inner.match(method, path);
  }
}

// accountId: 6-30 characters, lowercase letters, digits and hyphens, starting with a letter (REST reference).
const ACCOUNT_ID_RE = /^[a-z](?:[-a-z0-9]{4,28}[a-z0-9])$/;
const accounts = new WeakMap<GcpWorld, Map<string, Json>>();

function store(world: GcpWorld): Map<string, Json> {
  let m = accounts.get(world);
  if (!m) accounts.set(world, (m = new Map()));
  return m;
}

/** The iam service with service-account creation: wraps apis.ts's iamRouter. */
export function withServiceAccountAdmin(inner: Router, world: GcpWorld): Router {
  const r = new OverlayRouter(inner);
  const P = '/v1/projects/{project}/serviceAccounts';
  const email = (req: Req) => decodeURIComponent(req.params.email as string);
  const passThrough = (req: Req): Res | Promise<Res> => {
    const m = inner.match(req.method, req.path);
    return m ? m.route.handler({ ...req, params: m.params }) : inner.notFound(req);
  };
  r.post(P, (req) => {
    const project = world.project(req.params.project as string);
    if (!project) return googleError(404, `Project ${req.params.project} not found.`, 'notFound');
    if (!hasPermission(world, 'iam.serviceAccounts.create'))
      return permissionDenied('iam.serviceAccounts.create', `projects/${project}`);
    const b = bodyObject(req);
    const id = String(b.accountId ?? '');
    if (!ACCOUNT_ID_RE.test(id))
      return googleError(
        400,
        `Invalid account ID: ${id}. It must match ${ACCOUNT_ID_RE.source}.`,
        'badRequest',
      );
    const addr = `${id}@${project}.iam.gserviceaccount.com`;
    if (store(world).has(addr) || addr === world.clientEmail)
      return googleError(
        409,
        `Service account ${id} already exists within project projects/${project}.`,
        'alreadyExists',
      );
    const sa = (b.serviceAccount as Json | undefined) ?? {};
    const uniqueId = BigInt(`0x${createHash('sha256').update(addr).digest('hex').slice(0, 15)}`).toString();
    const account: Json = {
      name: `projects/${project}/serviceAccounts/${addr}`,
      projectId: project,
      uniqueId,
      email: addr,
      displayName: sa.displayName ?? '',
      description: sa.description,
      etag: 'MDEwMjE5MjA=',
      oauth2ClientId: uniqueId,
    };
    store(world).set(addr, account);
    return ok(account);
  });
  r.get(`${P}/{email}`, (req) => {
    const sa = store(world).get(email(req));
    return sa ? ok(sa) : passThrough(req);
  });
  r.patch(`${P}/{email}`, (req) => {
    const sa = store(world).get(email(req));
    if (!sa) return passThrough(req);
    const patch = (bodyObject(req).serviceAccount as Json | undefined) ?? {};
    for (const k of ['displayName', 'description']) if (patch[k] !== undefined) sa[k] = patch[k];
    return ok(sa);
  });
  r.delete(`${P}/{email}`, (req) => {
    if (!store(world).delete(email(req)))
      return googleError(
        404,
        `Service account projects/${req.params.project}/serviceAccounts/${email(req)} not found.`,
        'notFound',
      );
    return ok({});
  });
  return r;
}

/** The resourcemanager service with projects.setIamPolicy: wraps apis.ts's resourceManagerRouter. */
export function withIamPolicyWrites(inner: Router, world: GcpWorld): Router {
  const r = new OverlayRouter(inner);
  const set = (req: Req): Res => {
    if (!world.project(req.params.project as string))
      return googleError(403, 'The caller does not have permission', 'forbidden');
    if (!hasPermission(world, 'resourcemanager.projects.setIamPolicy'))
      return permissionDenied('resourcemanager.projects.setIamPolicy', `projects/${req.params.project}`);
    const policy =
      (bodyObject(req).policy as { bindings?: { role: string; members: string[] }[] } | undefined) ?? {};
    const bindings: Record<string, string[]> = {};
    for (const b of policy.bindings ?? [])
      bindings[b.role] = [...new Set([...(bindings[b.role] ?? []), ...b.members])];
    world.scn.bindings = bindings;
    return ok({
      version: 1,
      etag: 'BwYAAAAAAAA=',
      bindings: Object.entries(bindings).map(([role, members]) => ({ role, members: [...members].sort() })),
    });
  };
  r.post('/v1/projects/{project}:setIamPolicy', set);
  r.post('/v3/projects/{project}:setIamPolicy', set);
  return r;
}
