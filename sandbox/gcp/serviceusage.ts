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
  lroView,
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

/** Service Usage answers 403 AUTH_PERMISSION_DENIED (not 404) for a project it does not know. */
function projectOr403(world: GcpWorld, p: string, what: string): Res | undefined {
  return world.project(p)
    ? undefined
    : googleErrorInfo(
        403,
        `Permission denied to ${what} in project ${p}.`,
        'AUTH_PERMISSION_DENIED',
        'forbidden',
        { permission: 'serviceusage.services.get' },
      );
}

/**
 * services.enable and services:batchEnable: at most 20 ids, unknown ids refused, an operation that completes
 * after enableOperationMs; calls to the API succeed enablePropagationMs later (the documented propagation delay).
 */
function enableServices(world: GcpWorld, req: Req, ids: unknown): Res {
  const denied = projectOr403(world, req.params.project as string, 'enable services');
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
}

/** Service Usage v1: services (get, batchGet, list, enable, batchEnable, disable) and their operations. */
export function serviceUsageRouter(world: GcpWorld): Router {
  const r = new Router();
  apiGuard(world, r, 'serviceusage.googleapis.com');
  r.get('/v1/projects/{project}/services:batchGet', (req) => {
    const denied = projectOr403(world, req.params.project as string, 'get services');
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
    const denied = projectOr403(world, req.params.project as string, 'list services');
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
    const denied = projectOr403(world, req.params.project as string, `get service [${svc}]`);
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

  r.post('/v1/projects/{project}/services:batchEnable', (req) =>
    enableServices(world, req, bodyObject(req).serviceIds),
  );
  r.post('/v1/projects/{project}/services/{service}:enable', (req) =>
    enableServices(world, req, [req.params.service]),
  );
  r.post('/v1/projects/{project}/services/{service}:disable', (req) => {
    if (!world.project(req.params.project as string))
      return projectOr403(world, req.params.project as string, 'disable service') as Res;
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
