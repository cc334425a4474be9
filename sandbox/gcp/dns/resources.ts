import { Req, Res, googleError } from '../../core/http.js';
import type { Json } from '../common.js';
import type { DnsZone, GcpWorld } from '../state.js';

export const P = '/dns/v1/projects/{project}';
export const ZONE_NAME_RE = /^[a-z](?:[-a-z0-9]{0,61}[a-z0-9])?$/;
export const TYPES = new Set([
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

export type RRSet = { name: string; type: string; ttl: number; rrdatas: string[] };

export function zoneView(z: DnsZone): Json {
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

export function rrView(r: RRSet): Json {
  return { kind: 'dns#resourceRecordSet', name: r.name, type: r.type, ttl: r.ttl, rrdatas: [...r.rrdatas] };
}

/** Cloud DNS v1: managed zones, record sets and changes. */

/** The project in the path, or the 404 Cloud DNS answers for one it does not know. */
export function projectOr404(world: GcpWorld, req: Req): Res | undefined {
  return world.project(req.params.project as string)
    ? undefined
    : googleError(
        404,
        `The 'parameters.project' resource named '${req.params.project}' does not exist.`,
        'notFound',
      );
}

/** The zone named (or numbered) in the path, or the 404 Cloud DNS answers. */
export function zoneOf(world: GcpWorld, req: Req): DnsZone | Res {
  const bad = projectOr404(world, req);
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
}

/** A record set as Cloud DNS validates it: name inside the zone, known type, rrdatas, TTL. */
export function validate(z: DnsZone, rr: unknown, field: string): RRSet | Res {
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
}

/** 409 for a duplicate name and type; 400 for a CNAME beside other data at the same name. */
export function conflict(rrsets: RRSet[], n: RRSet, field: string): Res | undefined {
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
}
