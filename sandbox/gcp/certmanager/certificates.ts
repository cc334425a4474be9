import { Router, googleError } from '../../core/http.js';
import { isValidDomain } from '../../../shared/net.js';
import {
  Json,
  bodyObject,
  hasPermission,
  isRes,
  matchesFilter,
  ok,
  paginate,
  permissionDenied,
} from '../common.js';
import type { GcpWorld } from '../state.js';
import { L, T, notFoundRes, loc, lro, createTarget } from './resources.js';

/** Certificates: create (LRO), list, get, delete; a managed certificate's state moves with DNS delegation and time. */
export function certificateRoutes(r: Router, world: GcpWorld): void {
  r.post(`${L}/certificates`, (req) => {
    const target = createTarget(
      world,
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
    return ok(
      lro(world, parent, 'create', name, () => ({ '@type': `${T}.Certificate`, ...world.certView(rec) })),
    );
  });
  r.get(`${L}/certificates`, (req) => {
    const parent = loc(world, req);
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
    const parent = loc(world, req);
    if (isRes(parent)) return parent;
    const c = world.certs.get(`${parent}/certificates/${req.params.id}`);
    return c ? ok(world.certView(c)) : notFoundRes(`${parent}/certificates/${req.params.id}`);
  });
  r.delete(`${L}/certificates/{id}`, (req) => {
    const parent = loc(world, req);
    if (isRes(parent)) return parent;
    const name = `${parent}/certificates/${req.params.id}`;
    if (!world.certs.has(name)) return notFoundRes(name);
    if (!hasPermission(world, 'certificatemanager.certs.delete'))
      return permissionDenied('certificatemanager.certs.delete', name);
    world.certs.delete(name);
    return ok(
      lro(world, parent, 'delete', name, () => ({ '@type': 'type.googleapis.com/google.protobuf.Empty' })),
    );
  });
}
