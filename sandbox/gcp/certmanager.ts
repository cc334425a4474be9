import { createHash } from 'node:crypto';
import { Req, Res, Router, googleError } from '../core/http.js';
import { isValidDomain } from '../../shared/net.js';
import { lroView } from './apis.js';
import {
  Json,
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

const L = '/v1/projects/{project}/locations/{location}';
const T = 'type.googleapis.com/google.cloud.certificatemanager.v1';
const ID_RE = /^[a-z](?:[-a-z0-9]{0,61}[a-z0-9])?$/;

function notFoundRes(name: string): Res {
  return googleErrorInfo(404, `Resource '${name}' was not found`, 'RESOURCE_NOT_FOUND', 'notFound');
}

/** Certificate Manager v1: certificates (managed state moves with delegation and time) and DNS authorizations, as LROs. */
export function certificateManagerRouter(world: GcpWorld): Router {
  const r = new Router();
  apiGuard(world, r, 'certificatemanager.googleapis.com');
  const opMs = () => world.scn.operationMs ?? 50;

  const loc = (req: Req): string | Res => {
    const p = world.project(req.params.project as string);
    if (!p)
      return googleError(
        403,
        `Permission 'certificatemanager.certs.list' denied on 'projects/${req.params.project}/locations/${req.params.location}'`,
        'forbidden',
      );
    const l = req.params.location as string;
    if (l !== 'global' && !/^[a-z]+-[a-z]+\d+$/.test(l))
      return googleError(400, `Invalid location: ${l}`, 'badRequest');
    return `projects/${p}/locations/${l}`;
  };
  const lro = (parent: string, verb: string, target: string, response: () => Json): Json => {
    const now = world.now();
    const name = `${parent}/operations/operation-${now}-${createHash('sha1').update(`${target}${world.nextId()}`).digest('hex').slice(0, 30)}`;
    const meta = (done: boolean): Json => ({
      '@type': `${T}.OperationMetadata`,
      createTime: new Date(now).toISOString(),
      ...(done ? { endTime: new Date(now + opMs()).toISOString() } : {}),
      target,
      verb,
      requestedCancellation: false,
      apiVersion: 'v1',
    });
    const op = { name, createdAt: now, doneAt: now + opMs(), metadata: meta(false), response };
    world.operations.set(name, op);
    return lroView(op, world.now());
  };

  /** What every create does first: the location, the permission, a valid id, and no resource of that name yet. */
  const createTarget = (
    req: Req,
    permission: string,
    idParam: string,
    collection: string,
    existing: Map<string, unknown>,
  ): { parent: string; name: string } | Res => {
    const parent = loc(req);
    if (isRes(parent)) return parent;
    if (!hasPermission(world, permission)) return permissionDenied(permission, parent);
    const id = req.query.get(idParam) ?? '';
    if (!ID_RE.test(id)) return googleError(400, `Invalid resource id: "${id}"`, 'badRequest');
    const name = `${parent}/${collection}/${id}`;
    if (existing.has(name))
      return googleErrorInfo(
        409,
        `Resource '${name}' already exists`,
        'RESOURCE_ALREADY_EXISTS',
        'alreadyExists',
      );
    return { parent, name };
  };

  // ---- certificates ----
  r.post(`${L}/certificates`, (req) => {
    const target = createTarget(
      req,
      'certificatemanager.certs.create',
      'certificateId',
      'certificates',
      world.certs,
    );
    if (isRes(target)) return target;
    const { parent, name } = target;
    const b = bodyObject(req);
    const now = new Date().toISOString();
    const body: Json = {
      name,
      createTime: now,
      updateTime: now,
      scope: typeof b.scope === 'string' ? b.scope : 'DEFAULT',
    };
    if (b.description) body.description = b.description;
    if (b.labels) body.labels = b.labels;
    const managed = b.managed as Json | undefined;
    if (managed) {
      const domains = Array.isArray(managed.domains) ? (managed.domains as unknown[]).map(String) : [];
      if (domains.length === 0)
        return googleError(400, 'managed.domains must contain at least one domain', 'badRequest');
      const badDomain = domains.find((d) => !isValidDomain(d.replace(/^\*\./, '')));
      if (badDomain) return googleError(400, `Invalid domain name: ${badDomain}`, 'badRequest');
      const auths = Array.isArray(managed.dnsAuthorizations)
        ? (managed.dnsAuthorizations as unknown[]).map(String)
        : [];
      for (const a of auths) {
        const an = a.replace(/^\/\/certificatemanager\.googleapis\.com\//, '');
        if (!world.dnsAuthorizations.has(an))
          return googleError(400, `DNS authorization ${a} does not exist`, 'badRequest');
      }
      if (auths.length) {
        const covered = new Set(
          auths.map(
            (a) =>
              world.dnsAuthorizations.get(a.replace(/^\/\/certificatemanager\.googleapis\.com\//, ''))
                ?.domain,
          ),
        );
        const uncovered = domains.find((d) => !covered.has(d.replace(/^\*\./, '')));
        if (uncovered)
          return googleError(
            400,
            `Domain ${uncovered} is not covered by any of the given DNS authorizations`,
            'badRequest',
          );
      }
      body.managed = {
        domains,
        ...(auths.length ? { dnsAuthorizations: auths } : {}),
        ...(managed.issuanceConfig ? { issuanceConfig: managed.issuanceConfig } : {}),
        state: 'PROVISIONING',
      };
      body.sanDnsnames = [...domains];
    } else if (b.selfManaged) {
      const sm = b.selfManaged as Json;
      if (typeof sm.pemCertificate !== 'string' || typeof sm.pemPrivateKey !== 'string')
        return googleError(400, 'selfManaged needs pemCertificate and pemPrivateKey', 'badRequest');
      body.pemCertificate = sm.pemCertificate;
      body.selfManaged = {};
    } else return googleError(400, 'One of managed or selfManaged must be set', 'badRequest');
    const rec = { name, createdAt: world.now(), body };
    world.certs.set(name, rec);
    return ok(lro(parent, 'create', name, () => ({ '@type': `${T}.Certificate`, ...world.certView(rec) })));
  });
  r.get(`${L}/certificates`, (req) => {
    const parent = loc(req);
    if (isRes(parent)) return parent;
    const items = [...world.certs.values()]
      .filter((c) => c.name.startsWith(`${parent}/`))
      .map((c) => world.certView(c))
      .filter((c) => matchesFilter(c, req.query.get('filter')));
    const page = paginate(items, req, 'pageSize', 500, 500);
    if (isRes(page)) return page;
    return ok({
      certificates: page.items,
      ...(page.nextPageToken ? { nextPageToken: page.nextPageToken } : {}),
    });
  });
  r.get(`${L}/certificates/{id}`, (req) => {
    const parent = loc(req);
    if (isRes(parent)) return parent;
    const c = world.certs.get(`${parent}/certificates/${req.params.id}`);
    return c ? ok(world.certView(c)) : notFoundRes(`${parent}/certificates/${req.params.id}`);
  });
  r.delete(`${L}/certificates/{id}`, (req) => {
    const parent = loc(req);
    if (isRes(parent)) return parent;
    const name = `${parent}/certificates/${req.params.id}`;
    if (!world.certs.has(name)) return notFoundRes(name);
    if (!hasPermission(world, 'certificatemanager.certs.delete'))
      return permissionDenied('certificatemanager.certs.delete', name);
    world.certs.delete(name);
    return ok(lro(parent, 'delete', name, () => ({ '@type': 'type.googleapis.com/google.protobuf.Empty' })));
  });

  // ---- DNS authorizations ----
  r.post(`${L}/dnsAuthorizations`, (req) => {
    const target = createTarget(
      req,
      'certificatemanager.dnsauthorizations.create',
      'dnsAuthorizationId',
      'dnsAuthorizations',
      world.dnsAuthorizations,
    );
    if (isRes(target)) return target;
    const { parent, name } = target;
    const b = bodyObject(req);
    const domain = typeof b.domain === 'string' ? b.domain.replace(/\.$/, '') : '';
    if (!domain || domain.startsWith('*') || !isValidDomain(domain))
      return googleError(400, `Invalid domain: "${domain}"`, 'badRequest');
    const now = new Date().toISOString();
    const hash = createHash('sha256').update(`${world.scn.projectNumber}:${domain}:${name}`).digest('hex');
    const auth: Json = {
      name,
      createTime: now,
      updateTime: now,
      domain,
      dnsResourceRecord: {
        name: `_acme-challenge.${domain}.`,
        type: 'CNAME',
        data: `${hash.slice(0, 12)}-${hash.slice(12, 16)}.${(parseInt(hash.slice(16, 18), 16) % 20) + 1}.authorize.certificatemanager.goog.`,
      },
      type: typeof b.type === 'string' ? b.type : 'FIXED_RECORD',
    };
    if (b.description) auth.description = b.description;
    if (b.labels) auth.labels = b.labels;
    world.dnsAuthorizations.set(name, auth);
    return ok(
      lro(parent, 'create', name, () => ({ '@type': `${T}.DnsAuthorization`, ...structuredClone(auth) })),
    );
  });
  r.get(`${L}/dnsAuthorizations`, (req) => {
    const parent = loc(req);
    if (isRes(parent)) return parent;
    const items = [...world.dnsAuthorizations.entries()]
      .filter(([n]) => n.startsWith(`${parent}/`))
      .map(([, a]) => structuredClone(a));
    const page = paginate(items, req, 'pageSize', 500, 500);
    if (isRes(page)) return page;
    return ok({
      dnsAuthorizations: page.items,
      ...(page.nextPageToken ? { nextPageToken: page.nextPageToken } : {}),
    });
  });
  r.get(`${L}/dnsAuthorizations/{id}`, (req) => {
    const parent = loc(req);
    if (isRes(parent)) return parent;
    const a = world.dnsAuthorizations.get(`${parent}/dnsAuthorizations/${req.params.id}`);
    return a ? ok(structuredClone(a)) : notFoundRes(`${parent}/dnsAuthorizations/${req.params.id}`);
  });
  r.delete(`${L}/dnsAuthorizations/{id}`, (req) => {
    const parent = loc(req);
    if (isRes(parent)) return parent;
    const name = `${parent}/dnsAuthorizations/${req.params.id}`;
    if (!world.dnsAuthorizations.has(name)) return notFoundRes(name);
    const user = [...world.certs.values()].find((c) =>
      ((c.body.managed as Json | undefined)?.dnsAuthorizations as string[] | undefined)?.some((a) =>
        a.endsWith(name),
      ),
    );
    if (user)
      return googleErrorInfo(
        400,
        `Resource '${name}' is in use by '${user.name}'`,
        'RESOURCE_IN_USE',
        'failedPrecondition',
      );
    world.dnsAuthorizations.delete(name);
    return ok(lro(parent, 'delete', name, () => ({ '@type': 'type.googleapis.com/google.protobuf.Empty' })));
  });

  // ---- operations ----
  r.get(`${L}/operations/{op}`, (req) => {
    const parent = loc(req);
    if (isRes(parent)) return parent;
    const name = `${parent}/operations/${req.params.op}`;
    const op = world.operations.get(name);
    if (!op) return notFoundRes(name);
    const v = lroView(op, world.now());
    if (v.done) (v.metadata as Json).endTime = new Date(op.doneAt).toISOString();
    return ok(v);
  });
  r.get(`${L}/operations`, (req) => {
    const parent = loc(req);
    if (isRes(parent)) return parent;
    const items = [...world.operations.values()]
      .filter((o) => o.name.startsWith(`${parent}/operations/`))
      .map((o) => lroView(o, world.now()));
    const page = paginate(items, req, 'pageSize', 500, 500);
    if (isRes(page)) return page;
    return ok({
      operations: page.items,
      ...(page.nextPageToken ? { nextPageToken: page.nextPageToken } : {}),
    });
  });
  return r;
}
