import { createHash } from 'node:crypto';
import { Router, googleError } from '../../core/http.js';
import { isValidDomain } from '../../../shared/net.js';
import { Json, bodyObject, googleErrorInfo, isRes, ok, paginate } from '../common.js';
import type { GcpWorld } from '../state.js';
import { L, T, notFoundRes, loc, lro, createTarget } from './resources.js';

/** DNS authorizations: create (LRO) with the CNAME record to publish, list, get, delete when no certificate uses one. */
export function dnsAuthorizationRoutes(r: Router, world: GcpWorld): void {
  r.post(`${L}/dnsAuthorizations`, (req) => {
    const target = createTarget(
      world,
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
      lro(world, parent, 'create', name, () => ({
        '@type': `${T}.DnsAuthorization`,
        ...structuredClone(auth),
      })),
    );
  });
  r.get(`${L}/dnsAuthorizations`, (req) => {
    const parent = loc(world, req);
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
    const parent = loc(world, req);
    if (isRes(parent)) return parent;
    const a = world.dnsAuthorizations.get(`${parent}/dnsAuthorizations/${req.params.id}`);
    return a ? ok(structuredClone(a)) : notFoundRes(`${parent}/dnsAuthorizations/${req.params.id}`);
  });
  r.delete(`${L}/dnsAuthorizations/{id}`, (req) => {
    const parent = loc(world, req);
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
    return ok(
      lro(world, parent, 'delete', name, () => ({ '@type': 'type.googleapis.com/google.protobuf.Empty' })),
    );
  });
}
