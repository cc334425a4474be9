import { Router, googleError } from '../../core/http.js';
import { bodyObject, hasPermission, isRes, ok, paginate, permissionDenied } from '../common.js';
import { isValidDomain } from '../../../shared/net.js';
import type { GcpWorld } from '../state.js';
import { P, ZONE_NAME_RE, zoneView, projectOr404, zoneOf } from './resources.js';

/** Managed zones: list (by dnsName), get, create, delete when empty but for the apex SOA and NS. */
export function managedZoneRoutes(r: Router, world: GcpWorld): void {
  r.get(`${P}/managedZones`, (req) => {
    const bad = projectOr404(world, req);
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
    const z = zoneOf(world, req);
    return isRes(z) ? z : ok(zoneView(z));
  });
  r.post(`${P}/managedZones`, (req) => {
    const bad = projectOr404(world, req);
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
    const z = zoneOf(world, req);
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
}
