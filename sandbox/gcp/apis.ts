import { randomUUID } from 'node:crypto';
import { Req, Res, Router, googleError } from '../core/http.js';
import {
  Json,
  SERVICE_TITLES,
  apiGuard,
  bodyObject,
  googleErrorInfo,
  hasPermission,
  isRes,
  matchesFilter,
  ok,
  paginate,
  permissionDenied,
} from './common.js';
import type { GcpWorld } from './state.js';

const SU_TYPE = 'type.googleapis.com/google.api.serviceusage.v1';

// ---------------------------------------------------------------- Service Usage v1

function serviceView(world: GcpWorld, svc: string): Json {
  const n = world.scn.projectNumber;
  const st = world.serviceState(svc);
  return {
    name: `projects/${n}/services/${svc}`,
    config: {
      name: svc,
      title: SERVICE_TITLES[svc] ?? svc,
      documentation: { summary: `${SERVICE_TITLES[svc] ?? svc}.` },
      quota: {},
      authentication: {},
      usage: { requirements: ['serviceusage.googleapis.com/tos/cloud'] },
      monitoring: {},
    },
    state: st.enabled ? 'ENABLED' : 'DISABLED',
    parent: `projects/${n}`,
  };
}

const SERVICE_RE = /^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*\.googleapis\.com$/;

export function serviceUsageRouter(world: GcpWorld): Router {
  const r = new Router();
  apiGuard(world, r, 'serviceusage.googleapis.com');
  const projectOr403 = (p: string, what: string): Res | undefined =>
    world.project(p)
      ? undefined
      : googleErrorInfo(
          403,
          `Permission denied to ${what} in project ${p}.`,
          'AUTH_PERMISSION_DENIED',
          'forbidden',
          { permission: 'serviceusage.services.get' },
        );

  r.get('/v1/projects/{project}/services:batchGet', (req) => {
    const denied = projectOr403(req.params.project as string, 'get services');
    if (denied) return denied;
    if (!hasPermission(world, 'serviceusage.services.get'))
      return permissionDenied('serviceusage.services.get', `projects/${req.params.project}`);
    const names = req.query.getAll('names');
    if (names.length === 0)
      return googleError(400, 'The request must contain at least one service name.', 'badRequest');
    if (names.length > 30)
      return googleError(
        400,
        `The number of services requested (${names.length}) exceeds the limit of 30.`,
        'badRequest',
      );
    const services: Json[] = [];
    for (const name of names) {
      const m = /^projects\/([^/]+)\/services\/([^/]+)$/.exec(name);
      if (!m || !world.project(m[1] as string))
        return googleError(
          400,
          `Invalid service name: ${name}. Expected projects/{project}/services/{service}.`,
          'badRequest',
        );
      if (!SERVICE_RE.test(m[2] as string))
        return googleErrorInfo(
          403,
          `Not found or permission denied for service(s): ${m[2]}.`,
          'SERVICE_CONFIG_NOT_FOUND_OR_PERMISSION_DENIED',
          'forbidden',
        );
      services.push(serviceView(world, m[2] as string));
    }
    return ok({ services });
  });

  r.get('/v1/projects/{project}/services', (req) => {
    const denied = projectOr403(req.params.project as string, 'list services');
    if (denied) return denied;
    const all = new Set([...Object.keys(SERVICE_TITLES), ...world.services.keys()]);
    const views = [...all].sort().map((s) => serviceView(world, s));
    const filter = req.query.get('filter');
    const filtered = filter
      ? views.filter((v) => matchesFilter(v, filter.replace(/^state:/, 'state=')))
      : views;
    const page = paginate(filtered, req, 'pageSize', 50, 200);
    if (isRes(page)) return page;
    return ok(
      page.nextPageToken
        ? { services: page.items, nextPageToken: page.nextPageToken }
        : { services: page.items },
    );
  });

  r.get('/v1/projects/{project}/services/{service}', (req) => {
    const svc = req.params.service as string;
    const denied = projectOr403(req.params.project as string, `get service [${svc}]`);
    if (denied) return denied;
    if (!hasPermission(world, 'serviceusage.services.get'))
      return permissionDenied('serviceusage.services.get', `projects/${req.params.project}/services/${svc}`);
    if (!SERVICE_RE.test(svc))
      return googleErrorInfo(
        403,
        `Not found or permission denied for service(s): ${svc}.`,
        'SERVICE_CONFIG_NOT_FOUND_OR_PERMISSION_DENIED',
        'forbidden',
      );
    return ok(serviceView(world, svc));
  });

  const enable = (req: Req, ids: unknown): Res => {
    const denied = projectOr403(req.params.project as string, 'enable services');
    if (denied) return denied;
    if (!hasPermission(world, 'serviceusage.services.enable'))
      return permissionDenied('serviceusage.services.enable', `projects/${req.params.project}`);
    if (!Array.isArray(ids) || ids.length === 0 || ids.some((i) => typeof i !== 'string'))
      return googleError(
        400,
        'Invalid request: serviceIds must contain at least one service id.',
        'badRequest',
      );
    if (ids.length > 20)
      return googleError(
        400,
        `Too many services (${ids.length}) in one request; the limit is 20.`,
        'badRequest',
      );
    const bad = (ids as string[]).filter((i) => !SERVICE_RE.test(i));
    if (bad.length)
      return googleErrorInfo(
        403,
        `Not found or permission denied for service(s): ${bad.join(', ')}.`,
        'SERVICE_CONFIG_NOT_FOUND_OR_PERMISSION_DENIED',
        'forbidden',
      );
    const now = world.now();
    const todo = (ids as string[]).filter((i) => !world.services.has(i));
    const single = req.path.endsWith(':enable');
    const responseOf = () =>
      single
        ? { '@type': `${SU_TYPE}.EnableServiceResponse`, service: serviceView(world, ids[0] as string) }
        : {
            '@type': `${SU_TYPE}.BatchEnableServicesResponse`,
            services: (ids as string[]).map((i) => serviceView(world, i)),
          };
    if (todo.length === 0)
      return ok({ name: 'operations/noop.DONE_OPERATION', done: true, response: responseOf() });
    const doneAt = now + world.scn.enableOperationMs;
    for (const id of todo)
      world.services.set(id, { enabledAt: doneAt, usableAt: doneAt + world.scn.enablePropagationMs });
    const name = `operations/acat.p2-${world.scn.projectNumber}-${randomUUID()}`;
    world.operations.set(name, {
      name,
      createdAt: now,
      doneAt,
      metadata: {
        '@type': `${SU_TYPE}.OperationMetadata`,
        resourceNames: todo.map((i) => `projects/${world.scn.projectNumber}/services/${i}`),
      },
      response: responseOf,
    });
    return ok({ name, metadata: { '@type': `${SU_TYPE}.OperationMetadata` } });
  };
  r.post('/v1/projects/{project}/services:batchEnable', (req) => enable(req, bodyObject(req).serviceIds));
  r.post('/v1/projects/{project}/services/{service}:enable', (req) => enable(req, [req.params.service]));
  r.post('/v1/projects/{project}/services/{service}:disable', (req) => {
    if (!world.project(req.params.project as string))
      return projectOr403(req.params.project as string, 'disable service') as Res;
    world.services.delete(req.params.service as string);
    return ok({
      name: 'operations/noop.DONE_OPERATION',
      done: true,
      response: {
        '@type': `${SU_TYPE}.DisableServiceResponse`,
        service: serviceView(world, req.params.service as string),
      },
    });
  });
  r.get('/v1/operations/{op*}', (req) => {
    const name = `operations/${req.params.op}`;
    if (name === 'operations/noop.DONE_OPERATION') return ok({ name, done: true });
    const op = world.operations.get(name);
    if (!op) return googleError(404, `Operation '${name}' not found.`, 'notFound');
    return ok(lroView(op, world.now()));
  });
  return r;
}

/** A google.longrunning.Operation as JSON (done omitted while false, as proto3 JSON does). */
export function lroView(
  op: {
    name: string;
    doneAt: number;
    metadata: Json;
    response?: () => Json;
    error?: { code: number; message: string };
  },
  now: number,
): Json {
  if (now < op.doneAt) return { name: op.name, metadata: op.metadata };
  if (op.error) return { name: op.name, metadata: op.metadata, done: true, error: op.error };
  return { name: op.name, metadata: op.metadata, done: true, response: op.response?.() ?? {} };
}

// ---------------------------------------------------------------- Resource Manager v1 (and v3 reads)

const BOOLEAN_CONSTRAINTS = new Set([
  'constraints/iam.disableServiceAccountKeyCreation',
  'constraints/compute.requireOsLogin',
  'constraints/compute.skipDefaultNetworkCreation',
  'constraints/iam.disableServiceAccountCreation',
]);

export function resourceManagerRouter(world: GcpWorld): Router {
  const r = new Router();
  apiGuard(world, r, 'cloudresourcemanager.googleapis.com');
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
      if (constraint === 'constraints/gcp.resourceLocations')
        return ok(
          o.resourceLocations
            ? { ...base, listPolicy: { allowedValues: [...o.resourceLocations] } }
            : { ...base, listPolicy: { allValues: 'ALLOW' } },
        );
      if (constraint === 'constraints/compute.vmExternalIpAccess')
        return ok({ ...base, listPolicy: { allValues: o.vmExternalIpAccess === 'deny' ? 'DENY' : 'ALLOW' } });
      return ok({ ...base, listPolicy: {} });
    },
    { mutating: false },
  );
  return r;
}

// ---------------------------------------------------------------- IAM v1

function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');
}

export function iamRouter(world: GcpWorld): Router {
  const r = new Router();
  apiGuard(world, r, 'iam.googleapis.com');
  const saPath = (email: string) => `projects/${world.scn.projectId}/serviceAccounts/${email}`;
  const checkSa = (req: Req): Res | undefined => {
    const p = req.params.project as string;
    const email = req.params.email as string;
    if (p !== '-' && !world.project(p))
      return googleError(
        403,
        `Permission 'iam.serviceAccounts.get' denied on resource (or it may not exist).`,
        'forbidden',
      );
    if (email !== world.clientEmail && email !== world.clientId)
      return googleError(404, `Unknown service account`, 'notFound');
    return undefined;
  };
  const userKey = (): Json => {
    const sa = world.scn.serviceAccount;
    const key: Json = {
      name: `${saPath(world.clientEmail)}/keys/${world.keyId}`,
      validAfterTime: isoSeconds(world.keyCreatedAt),
      validBeforeTime:
        sa.keyExpiresInDays !== undefined
          ? isoSeconds(world.now() + sa.keyExpiresInDays * 86_400_000)
          : '9999-12-31T23:59:59Z',
      keyAlgorithm: 'KEY_ALG_RSA_2048',
      keyOrigin: 'GOOGLE_PROVIDED',
      keyType: 'USER_MANAGED',
    };
    if (sa.keyState === 'disabled') key.disabled = true;
    return key;
  };
  r.get('/v1/projects/{project}/serviceAccounts/{email}', (req) => {
    const bad = checkSa(req);
    if (bad) return bad;
    return ok({
      name: saPath(world.clientEmail),
      projectId: world.scn.projectId,
      uniqueId: world.clientId,
      email: world.clientEmail,
      displayName: world.clientEmail.split('@')[0],
      etag: 'MDEwMjE5MjA=',
      oauth2ClientId: world.clientId,
    });
  });
  r.get('/v1/projects/{project}/serviceAccounts/{email}/keys', (req) => {
    const bad = checkSa(req);
    if (bad) return bad;
    const keys: Json[] = [];
    const types = req.query.getAll('keyTypes');
    if (
      world.scn.serviceAccount.keyState !== 'deleted' &&
      (types.length === 0 || types.includes('USER_MANAGED'))
    )
      keys.push(userKey());
    if (types.length === 0 || types.includes('SYSTEM_MANAGED'))
      keys.push({
        name: `${saPath(world.clientEmail)}/keys/${[...world.keyId].reverse().join('')}`,
        validAfterTime: isoSeconds(world.now() - 86_400_000),
        validBeforeTime: isoSeconds(world.now() + 13 * 86_400_000),
        keyAlgorithm: 'KEY_ALG_RSA_2048',
        keyOrigin: 'GOOGLE_PROVIDED',
        keyType: 'SYSTEM_MANAGED',
      });
    return ok({ keys });
  });
  r.get('/v1/projects/{project}/serviceAccounts/{email}/keys/{keyId}', (req) => {
    const bad = checkSa(req);
    if (bad) return bad;
    if (!hasPermission(world, 'iam.serviceAccountKeys.get'))
      return permissionDenied(
        'iam.serviceAccountKeys.get',
        `${saPath(world.clientEmail)}/keys/${req.params.keyId}`,
      );
    const keyId = req.params.keyId as string;
    const name = `${saPath(world.clientEmail)}/keys/${keyId}`;
    if (keyId !== world.keyId || world.scn.serviceAccount.keyState === 'deleted')
      return googleError(404, `Service account key ${name} does not exist.`, 'notFound');
    return ok(userKey());
  });
  return r;
}
