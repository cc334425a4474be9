import { Req, Res, Router, googleError } from '../../core/http.js';
import { bodyObject, isRes, ok, paginate } from '../common.js';
import type { DnsZone, GcpWorld } from '../state.js';
import { P, RRSet, rrView, zoneOf, validate, conflict } from './resources.js';

/** Record sets: list by name/type, create, get, patch, delete (never the apex SOA and NS). */
export function recordSetRoutes(r: Router, world: GcpWorld): void {
  r.get(`${P}/managedZones/{zone}/rrsets`, (req) => {
    const z = zoneOf(world, req);
    if (isRes(z)) return z;
    const name = req.query.get('name');
    const type = req.query.get('type');
    if (type && !name)
      return googleError(400, "Invalid value for 'parameters.type': type requires name", 'invalid');
    const items = z.rrsets
      .filter(
        (x) =>
          (!name || x.name === (name.endsWith('.') ? name : `${name}.`).toLowerCase()) &&
          (!type || x.type === type),
      )
      .sort((a, b) => (a.name + a.type).localeCompare(b.name + b.type))
      .map(rrView);
    const page = paginate(items, req, 'maxResults', 1000, 1000);
    if (isRes(page)) return page;
    return ok({
      kind: 'dns#resourceRecordSetsListResponse',
      rrsets: page.items,
      ...(page.nextPageToken ? { nextPageToken: page.nextPageToken } : {}),
    });
  });
  r.post(`${P}/managedZones/{zone}/rrsets`, (req) => {
    const z = zoneOf(world, req);
    if (isRes(z)) return z;
    const n = validate(z, bodyObject(req), 'entity.rrset');
    if (isRes(n)) return n;
    const c = conflict(z.rrsets, n, 'entity.rrset');
    if (c) return c;
    z.rrsets.push(n);
    return ok(rrView(n));
  });
  /** The zone and the index of the record set a path names, or Google's 404 for either. */
  const located = (req: Req): { z: DnsZone; i: number } | Res => {
    const z = zoneOf(world, req);
    if (isRes(z)) return z;
    const name = (req.params.name as string).toLowerCase();
    const fqdn = name.endsWith('.') ? name : `${name}.`;
    const i = z.rrsets.findIndex((x) => x.name === fqdn && x.type === req.params.type);
    if (i >= 0) return { z, i };
    return googleError(
      404,
      `The 'parameters.name' resource named '${req.params.name} (${req.params.type})' does not exist.`,
      'notFound',
    );
  };
  r.get(`${P}/managedZones/{zone}/rrsets/{name}/{type}`, (req) => {
    const at = located(req);
    return isRes(at) ? at : ok(rrView(at.z.rrsets[at.i] as RRSet));
  });
  r.patch(`${P}/managedZones/{zone}/rrsets/{name}/{type}`, (req) => {
    const at = located(req);
    if (isRes(at)) return at;
    const { z, i } = at;
    const n = validate(z, { ...(z.rrsets[i] as RRSet), ...bodyObject(req) }, 'entity.rrset');
    if (isRes(n)) return n;
    z.rrsets[i] = n;
    return ok(rrView(n));
  });
  r.delete(`${P}/managedZones/{zone}/rrsets/{name}/{type}`, (req) => {
    const at = located(req);
    if (isRes(at)) return at;
    const { z, i } = at;
    const rr = z.rrsets[i] as RRSet;
    if (rr.name === z.dnsName && (rr.type === 'SOA' || rr.type === 'NS'))
      return googleError(
        400,
        `The resource record set '${rr.name} (${rr.type})' at the zone apex cannot be deleted.`,
        'invalid',
      );
    z.rrsets.splice(i, 1);
    return ok({});
  });
}
