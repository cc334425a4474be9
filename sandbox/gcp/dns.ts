import { Req, Res, Router, googleError } from '../core/http.js';
import { isValidDomain } from '../../shared/net.js';
import {
  Json,
  apiGuard,
  bodyObject,
  hasPermission,
  isRes,
  ok,
  paginate,
  permissionDenied,
} from './common.js';
import type { DnsZone, GcpWorld } from './state.js';

const P = '/dns/v1/projects/{project}';
const ZONE_NAME_RE = /^[a-z](?:[-a-z0-9]{0,61}[a-z0-9])?$/;
const TYPES = new Set([
  'A',
  'AAAA',
  'CAA',
  'CNAME',
  'DNSKEY',
  'DS',
  'HTTPS',
  'MX',
  'NAPTR',
  'NS',
  'PTR',
  'SOA',
  'SPF',
  'SRV',
  'SSHFP',
  'SVCB',
  'TLSA',
  'TXT',
]);

type RRSet = { name: string; type: string; ttl: number; rrdatas: string[] };

function zoneView(z: DnsZone): Json {
  const out: Json = {
    kind: 'dns#managedZone',
    name: z.name,
    dnsName: z.dnsName,
    description: z.description,
    id: z.id,
    nameServers: [...z.nameServers],
    creationTime: z.creationTime,
    visibility: z.visibility,
    cloudLoggingConfig: { kind: 'dns#managedZoneCloudLoggingConfig' },
  };
  if (z.labels) out.labels = z.labels;
  return out;
}

function rrView(r: RRSet): Json {
  return { kind: 'dns#resourceRecordSet', name: r.name, type: r.type, ttl: r.ttl, rrdatas: [...r.rrdatas] };
}

/** Cloud DNS v1: managed zones, record sets and changes. */
export function cloudDnsRouter(world: GcpWorld): Router {
  const r = new Router();
  apiGuard(world, r, 'dns.googleapis.com');
  const opMs = () => world.scn.operationMs ?? 50;

  const projectOr404 = (req: Req): Res | undefined =>
    world.project(req.params.project as string)
      ? undefined
      : googleError(
          404,
          `The 'parameters.project' resource named '${req.params.project}' does not exist.`,
          'notFound',
        );
  const zoneOf = (req: Req): DnsZone | Res => {
    const bad = projectOr404(req);
    if (bad) return bad;
    const z =
      world.zones.get(req.params.zone as string) ??
      [...world.zones.values()].find((x) => x.id === req.params.zone);
    return (
      z ??
      googleError(
        404,
        `The 'parameters.managedZone' resource named '${req.params.zone}' does not exist.`,
        'notFound',
      )
    );
  };

  r.get(`${P}/managedZones`, (req) => {
    const bad = projectOr404(req);
    if (bad) return bad;
    const dnsName = req.query.get('dnsName');
    const zones = [...world.zones.values()]
      .filter((z) => !dnsName || z.dnsName === (dnsName.endsWith('.') ? dnsName : `${dnsName}.`))
      .map(zoneView);
    const page = paginate(zones, req, 'maxResults', 1000, 1000);
    if (isRes(page)) return page;
    return ok({
      kind: 'dns#managedZonesListResponse',
      header: { operationId: `sandbox-${world.nextId()}` },
      managedZones: page.items,
      ...(page.nextPageToken ? { nextPageToken: page.nextPageToken } : {}),
    });
  });
  r.get(`${P}/managedZones/{zone}`, (req) => {
    const z = zoneOf(req);
    return isRes(z) ? z : ok(zoneView(z));
  });
  r.post(`${P}/managedZones`, (req) => {
    const bad = projectOr404(req);
    if (bad) return bad;
    if (!hasPermission(world, 'dns.managedZones.create'))
      return permissionDenied('dns.managedZones.create', `projects/${req.params.project}`);
    const b = bodyObject(req);
    const name = b.name;
    const dnsName = b.dnsName;
    if (typeof name !== 'string' || !ZONE_NAME_RE.test(name))
      return googleError(
        400,
        `Invalid value for 'entity.managedZone.name': '${String(name ?? '')}'`,
        'invalid',
      );
    if (typeof dnsName !== 'string' || !dnsName.endsWith('.') || !isValidDomain(dnsName.slice(0, -1)))
      return googleError(
        400,
        `Invalid value for 'entity.managedZone.dnsName': '${String(dnsName ?? '')}'`,
        'invalid',
      );
    if (world.zones.has(name))
      return googleError(
        409,
        `The resource 'entity.managedZone' named '${name}' already exists`,
        'alreadyExists',
      );
    const z = world.addZone(
      name,
      dnsName.toLowerCase(),
      typeof b.description === 'string' ? b.description : '',
      {
        visibility: typeof b.visibility === 'string' ? b.visibility : 'public',
        ...(b.labels && typeof b.labels === 'object' ? { labels: b.labels as Record<string, string> } : {}),
      },
    );
    return ok(zoneView(z));
  });
  r.delete(`${P}/managedZones/{zone}`, (req) => {
    const z = zoneOf(req);
    if (isRes(z)) return z;
    if (!hasPermission(world, 'dns.managedZones.delete'))
      return permissionDenied(
        'dns.managedZones.delete',
        `projects/${req.params.project}/managedZones/${z.name}`,
      );
    if (z.rrsets.some((x) => !(x.name === z.dnsName && (x.type === 'SOA' || x.type === 'NS'))))
      return googleError(
        400,
        `The resource named '${z.name}' cannot be deleted because it is not empty`,
        'containerNotEmpty',
      );
    world.zones.delete(z.name);
    return { status: 204 };
  });

  const validate = (z: DnsZone, rr: unknown, field: string): RRSet | Res => {
    const x = (rr ?? {}) as Json;
    const name = typeof x.name === 'string' ? x.name.toLowerCase() : '';
    const type = typeof x.type === 'string' ? x.type : '';
    if (!name.endsWith('.') || !(name === z.dnsName || name.endsWith(`.${z.dnsName}`)))
      return googleError(400, `Invalid value for '${field}.name': '${name}'`, 'invalid');
    if (!TYPES.has(type)) return googleError(400, `Invalid value for '${field}.type': '${type}'`, 'invalid');
    const rrdatas = Array.isArray(x.rrdatas) ? (x.rrdatas as unknown[]).map(String) : [];
    if (rrdatas.length === 0)
      return googleError(400, `The resource record set '${field}' has no rrdatas.`, 'invalid');
    if (type === 'A' && rrdatas.some((d) => !/^\d{1,3}(\.\d{1,3}){3}$/.test(d)))
      return googleError(400, `Invalid value for '${field}.rrdata': '${rrdatas.join(',')}'`, 'invalid');
    if (type === 'CNAME' && rrdatas.length !== 1)
      return googleError(
        400,
        `Invalid value for '${field}.rrdata': a CNAME record set holds one record.`,
        'invalid',
      );
    const ttl = x.ttl === undefined ? 300 : Number(x.ttl);
    if (!Number.isInteger(ttl) || ttl < 0)
      return googleError(400, `Invalid value for '${field}.ttl': '${String(x.ttl)}'`, 'invalid');
    return { name, type, ttl, rrdatas };
  };
  const conflict = (rrsets: RRSet[], n: RRSet, field: string): Res | undefined => {
    if (rrsets.some((x) => x.name === n.name && x.type === n.type))
      return googleError(
        409,
        `The resource '${field}' named '${n.name} (${n.type})' already exists`,
        'alreadyExists',
      );
    if (
      n.type === 'CNAME'
        ? rrsets.some((x) => x.name === n.name)
        : rrsets.some((x) => x.name === n.name && x.type === 'CNAME')
    )
      return googleError(
        400,
        `The resource record set '${field}' named '${n.name} (${n.type})' cannot coexist with a CNAME record at the same name.`,
        'cnameResourceRecordSetConflict',
      );
    return undefined;
  };

  r.get(`${P}/managedZones/{zone}/rrsets`, (req) => {
    const z = zoneOf(req);
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
    const z = zoneOf(req);
    if (isRes(z)) return z;
    const n = validate(z, bodyObject(req), 'entity.rrset');
    if (isRes(n)) return n;
    const c = conflict(z.rrsets, n, 'entity.rrset');
    if (c) return c;
    z.rrsets.push(n);
    return ok(rrView(n));
  });
  const one = (req: Req, z: DnsZone) => {
    const name = (req.params.name as string).toLowerCase();
    return z.rrsets.findIndex(
      (x) => x.name === (name.endsWith('.') ? name : `${name}.`) && x.type === req.params.type,
    );
  };
  r.get(`${P}/managedZones/{zone}/rrsets/{name}/{type}`, (req) => {
    const z = zoneOf(req);
    if (isRes(z)) return z;
    const i = one(req, z);
    return i < 0
      ? googleError(
          404,
          `The 'parameters.name' resource named '${req.params.name} (${req.params.type})' does not exist.`,
          'notFound',
        )
      : ok(rrView(z.rrsets[i] as RRSet));
  });
  r.patch(`${P}/managedZones/{zone}/rrsets/{name}/{type}`, (req) => {
    const z = zoneOf(req);
    if (isRes(z)) return z;
    const i = one(req, z);
    if (i < 0)
      return googleError(
        404,
        `The 'parameters.name' resource named '${req.params.name} (${req.params.type})' does not exist.`,
        'notFound',
      );
    const n = validate(z, { ...(z.rrsets[i] as RRSet), ...bodyObject(req) }, 'entity.rrset');
    if (isRes(n)) return n;
    z.rrsets[i] = n;
    return ok(rrView(n));
  });
  r.delete(`${P}/managedZones/{zone}/rrsets/{name}/{type}`, (req) => {
    const z = zoneOf(req);
    if (isRes(z)) return z;
    const i = one(req, z);
    if (i < 0)
      return googleError(
        404,
        `The 'parameters.name' resource named '${req.params.name} (${req.params.type})' does not exist.`,
        'notFound',
      );
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

  const changeView = (c: Json): Json => ({
    ...c,
    status: world.now() - Number(c.createdAt) >= opMs() ? 'done' : 'pending',
    createdAt: undefined,
  });
  r.post(`${P}/managedZones/{zone}/changes`, (req) => {
    const z = zoneOf(req);
    if (isRes(z)) return z;
    if (!hasPermission(world, 'dns.changes.create'))
      return permissionDenied('dns.changes.create', `projects/${req.params.project}/managedZones/${z.name}`);
    const b = bodyObject(req);
    const adds = Array.isArray(b.additions) ? b.additions : [];
    const dels = Array.isArray(b.deletions) ? b.deletions : [];
    if (adds.length + dels.length === 0)
      return googleError(400, 'The change must contain at least one addition or deletion.', 'required');
    const next = structuredClone(z.rrsets);
    const delSets: RRSet[] = [];
    for (const [i, d] of dels.entries()) {
      const n = validate(z, d, `entity.change.deletions[${i}]`);
      if (isRes(n)) return n;
      const at = next.findIndex((x) => x.name === n.name && x.type === n.type);
      if (at < 0)
        return googleError(
          404,
          `The 'entity.change.deletions[${i}]' resource named '${n.name} (${n.type})' does not exist.`,
          'notFound',
        );
      const cur = next[at] as RRSet;
      if (cur.ttl !== n.ttl || [...cur.rrdatas].sort().join('\n') !== [...n.rrdatas].sort().join('\n'))
        return googleError(
          412,
          `Precondition not met for 'entity.change.deletions[${i}]'`,
          'conditionNotMet',
        );
      next.splice(at, 1);
      delSets.push(n);
    }
    const addSets: RRSet[] = [];
    for (const [i, a] of adds.entries()) {
      const n = validate(z, a, `entity.change.additions[${i}]`);
      if (isRes(n)) return n;
      const c = conflict(next, n, `entity.change.additions[${i}]`);
      if (c) return c;
      next.push(n);
      addSets.push(n);
    }
    z.rrsets = next;
    const change: Json = {
      kind: 'dns#change',
      additions: addSets.map(rrView),
      deletions: delSets.map(rrView),
      startTime: new Date().toISOString(),
      id: String(z.changes.length + 1),
      createdAt: world.now(),
    };
    if (!addSets.length) delete change.additions;
    if (!delSets.length) delete change.deletions;
    z.changes.push(change);
    return ok(changeView(change));
  });
  r.get(`${P}/managedZones/{zone}/changes`, (req) => {
    const z = zoneOf(req);
    if (isRes(z)) return z;
    const page = paginate(z.changes.map(changeView), req, 'maxResults', 1000, 1000);
    if (isRes(page)) return page;
    return ok({
      kind: 'dns#changesListResponse',
      changes: page.items,
      ...(page.nextPageToken ? { nextPageToken: page.nextPageToken } : {}),
    });
  });
  r.get(`${P}/managedZones/{zone}/changes/{id}`, (req) => {
    const z = zoneOf(req);
    if (isRes(z)) return z;
    const c = z.changes.find((x) => x.id === req.params.id);
    return c
      ? ok(changeView(c))
      : googleError(
          404,
          `The 'parameters.changeId' resource named '${req.params.id}' does not exist.`,
          'notFound',
        );
  });
  return r;
}
