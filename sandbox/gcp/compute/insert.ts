import { Req, Res, googleError } from '../../core/http.js';
import { locationAllowedBy } from '../../../shared/gcp/location-groups.js';
import { parseCidr, overlaps, size as cidrSize } from '../../../shared/net.js';
import { Json, bodyObject, ok } from '../common.js';
import type { ComputeContext, Scope } from './context.js';
import type { Insert } from './insert-request.js';
import { prepareInstance, prepareInstanceGroupManager } from './insert-instance.js';
import { BASE, NAME_RE, fingerprint, invalid, ipToString, notFound, parseLink } from './resources.js';

/** Collections whose references must exist at insert time. */
const REFERENCED = [
  'networks',
  'subnetworks',
  'instanceTemplates',
  'addresses',
  'disks',
  'healthChecks',
  'backendServices',
  'regionBackendServices',
  'urlMaps',
  'targetHttpsProxies',
  'targetHttpProxies',
];

/** The collection-specific part of an insert; collections not listed only get a fingerprint. */
const PREPARE: Record<string, (x: Insert) => Res | undefined> = {
  instances: prepareInstance,
  addresses: prepareAddress,
  globalAddresses: prepareAddress,
  networks: prepareNetwork,
  subnetworks: prepareSubnetwork,
  firewalls: prepareFirewall,
  forwardingRules: prepareForwardingRule,
  globalForwardingRules: prepareForwardingRule,
  instanceTemplates: prepareInstanceTemplate,
  regionInstanceTemplates: prepareInstanceTemplate,
  instanceGroupManagers: prepareInstanceGroupManager,
  disks: prepareDisk,
};

/** POST to a collection: name, permission, conflict, references and quota checked, then an insert operation. */
export function insertResource(
  req: Req,
  cx: ComputeContext,
  p: string,
  scope: Scope,
  collection: string,
): Res {
  const { gcp, ce } = cx;
  const raw = bodyObject(req);
  const name = raw.name;
  const sp = cx.scopePath(scope);
  if (typeof name !== 'string' || !NAME_RE.test(name))
    return invalid(
      'resource.name',
      name ?? '',
      "Must be a match of regex '(?:[a-z](?:[-a-z0-9]{0,61}[a-z0-9])?)'",
    );
  const rel = `projects/${p}/${sp}/${collection}/${name}`;
  const denied = cx.need(cx.verbPerm(collection, 'create'), rel);
  if (denied) return denied;
  if (gcp.compute.has(rel)) return googleError(409, `The resource '${rel}' already exists`, 'alreadyExists');
  const outside = locationRefusal(cx, scope, rel);
  if (outside) return outside;
  const region =
    scope.kind === 'regions'
      ? scope.name
      : scope.kind === 'zones'
        ? ce.zonesOf().find((z) => z.zone === scope.name)?.region
        : undefined;
  const zone = scope.kind === 'zones' ? scope.name : undefined;
  const body = ce.normalize(raw, p, { region, zone }) as Json;
  if (raw.labels !== undefined) body.labelFingerprint = fingerprint();
  const x: Insert = {
    req,
    cx,
    p,
    scope,
    sp,
    collection,
    name,
    rel,
    raw,
    body,
    region,
    zone,
    extra: {},
    created: [],
    refMissing: (link, field) => refMissing(cx, link, field),
    checkQuota: (metric, add) => checkQuota(cx, region, metric, add),
    checkProjectQuota: (metric, add) => checkProjectQuota(cx, metric, add),
  };
  const prepare = PREPARE[collection];
  const refused = prepare ? prepare(x) : undefined;
  if (refused) return refused;
  if (!prepare && body.fingerprint === undefined) x.extra.fingerprint = fingerprint();
  for (const c of x.created) ce.put(c.rel, c.body);
  const res = ce.put(rel, { ...body, ...x.extra });
  const op = ce.operation(p, sp, 'insert', res, cx.userOf(req));
  if (collection === 'instances' && zone) {
    const md = (res.metadata as Json).items as { key: string }[] | undefined;
    if (md?.some((i) => i.key === 'startup-script')) ce.boot(p, zone, res);
  }
  return ok(op);
}

function refMissing(cx: ComputeContext, link: unknown, field: string): Res | undefined {
  if (typeof link !== 'string') return undefined;
  const parsed = parseLink(link);
  if (!parsed) return invalid(field, link, 'Must be a URL to a Compute resource.');
  if (parsed.collection === 'images') return cx.ce.resolveImage(link) ? undefined : notFound(parsed.rel);
  if (REFERENCED.includes(parsed.collection) && !cx.gcp.compute.has(parsed.rel)) return notFound(parsed.rel);
  return undefined;
}

function checkQuota(
  cx: ComputeContext,
  region: string | undefined,
  metric: string,
  add: number,
): Res | undefined {
  if (!region) return undefined;
  const q = cx.gcp.scn.regions[region]?.quotas[metric];
  if (!q) return undefined;
  if (q.usage + cx.ce.quotaUsage(region, metric) + add > q.limit)
    return googleError(
      403,
      `Quota '${metric}' exceeded.  Limit: ${q.limit.toFixed(1)} in region ${region}.`,
      'quotaExceeded',
    );
  return undefined;
}

/**
 * gcp.resourceLocations enforced on create: a zonal or regional resource outside the effective policy is refused
 * with 412 conditionNotMet, `Location ZONE:<zone> violates constraint constraints/gcp.resourceLocations on the
 * resource <rel>.` (the message Compute gives, as quoted in googlecodelabs/feedback#351 and
 * cloudfoundry/bosh-bootloader#513; `REGION:` for regional resources by the same pattern). Value groups are
 * Google's (shared/gcp/location-groups.ts); a group the table does not know is not enforced. Global resources are
 * never refused: the constraint "does not affect where global resources ... are created" (defining-locations).
 */
function locationRefusal(cx: ComputeContext, scope: Scope, rel: string): Res | undefined {
  if (scope.kind !== 'zones' && scope.kind !== 'regions') return undefined;
  const o = cx.gcp.scn.orgPolicies;
  if (!o.resourceLocations && !o.resourceLocationsDenied) return undefined;
  const verdict = locationAllowedBy(
    { allowedValues: o.resourceLocations, deniedValues: o.resourceLocationsDenied },
    scope.name,
  );
  if (verdict.allowed !== 'no') return undefined;
  return googleError(
    412,
    `Location ${scope.kind === 'zones' ? 'ZONE' : 'REGION'}:${scope.name} violates constraint constraints/gcp.resourceLocations on the resource ${rel}.`,
    'conditionNotMet',
  );
}

/** A project quota (`gcp.projectQuotas`): Compute says "globally" where a regional quota names its region. */
function checkProjectQuota(cx: ComputeContext, metric: string, add: number): Res | undefined {
  const q = cx.gcp.scn.projectQuotas?.[metric];
  if (!q) return undefined;
  if (q.usage + cx.ce.projectQuotaUsage(metric) + add > q.limit)
    return googleError(
      403,
      `Quota '${metric}' exceeded.  Limit: ${q.limit.toFixed(1)} globally.`,
      'quotaExceeded',
    );
  return undefined;
}

/** An address: STATIC_ADDRESSES quota for external ones, a given IP must be free, else one is allocated. */
export function prepareAddress(x: Insert): Res | undefined {
  const { body, extra } = x;
  const { gcp, ce } = x.cx;
  const internal = body.addressType === 'INTERNAL';
  if (!internal) {
    const q = x.checkQuota('STATIC_ADDRESSES', 1);
    if (q) return q;
  }
  if (body.address !== undefined) {
    if (typeof body.address !== 'string' || !parseCidr(`${body.address}/32`))
      return invalid('resource.address', body.address, 'Must be a valid IPv4 address.');
    const clash = [...gcp.compute.values()].find(
      (x) => x.address === body.address && x.kind === 'compute#address',
    );
    if (clash)
      return googleError(
        409,
        `IP '${body.address}' is already being used by another resource.`,
        'alreadyExists',
      );
  }
  extra.address =
    body.address ??
    (internal ? ce.allocateInternalIp(body.subnetwork as string | undefined) : ce.allocateExternalIp(x.rel));
  extra.status = 'RESERVED';
  body.addressType = body.addressType ?? 'EXTERNAL';
  if (!internal) body.networkTier = body.networkTier ?? 'PREMIUM';
  body.ipVersion = body.ipVersion ?? 'IPV4';
  return undefined;
}

/** A VPC network with GCE's defaults (auto subnets, regional routing). */
export function prepareNetwork(x: Insert): Res | undefined {
  const { body } = x;
  body.autoCreateSubnetworks = body.autoCreateSubnetworks ?? true;
  body.routingConfig = body.routingConfig ?? { routingMode: 'REGIONAL' };
  body.networkFirewallPolicyEnforcementOrder = 'AFTER_CLASSIC_FIREWALL';
  return undefined;
}

/** A subnetwork: a valid CIDR with no host bits, not overlapping another subnetwork of its network. */
export function prepareSubnetwork(x: Insert): Res | undefined {
  const { body, extra } = x;
  const { gcp } = x.cx;
  if (typeof body.network !== 'string') return invalid('resource.network', '', 'Must be specified.');
  const miss = x.refMissing(body.network, 'resource.network');
  if (miss) return miss;
  const cidr = parseCidr(String(body.ipCidrRange ?? ''));
  if (!cidr || cidr.base % cidrSize(cidr) !== 0)
    return invalid(
      'resource.ipCidrRange',
      body.ipCidrRange ?? '',
      'Must be a valid CIDR range with no host bits set.',
    );
  for (const other of gcp.compute.values()) {
    if (other.kind !== 'compute#subnetwork' || other.network !== body.network) continue;
    const oc = parseCidr(String(other.ipCidrRange));
    if (oc && overlaps(oc, cidr))
      return googleError(
        400,
        `Invalid IPCidrRange: ${cidr.text} conflicts with existing subnetwork '${other.name}' in region '${String(other.region).split('/').pop()}'.`,
        'invalid',
      );
  }
  extra.gatewayAddress = ipToString(cidr.base + 1);
  extra.fingerprint = fingerprint();
  body.purpose = body.purpose ?? 'PRIVATE';
  body.stackType = body.stackType ?? 'IPV4_ONLY';
  // A JSON value of the wrong type is refused by Google's front end when it turns the body into the proto
  // (`Invalid value at '<field>' (TYPE_BOOL), "<value>"`, 400 INVALID_ARGUMENT), before the service sees it.
  if (body.privateIpGoogleAccess !== undefined && typeof body.privateIpGoogleAccess !== 'boolean')
    return googleError(
      400,
      `Invalid value at 'resource.private_ip_google_access' (TYPE_BOOL), ${JSON.stringify(body.privateIpGoogleAccess)}`,
      'invalid',
    );
  body.privateIpGoogleAccess = body.privateIpGoogleAccess ?? false;
  return undefined;
}

/** A firewall rule: INGRESS, priority 1000, and 0.0.0.0/0 when no source is given, as GCE defaults. */
export function prepareFirewall(x: Insert): Res | undefined {
  const { body, p } = x;
  body.network = body.network ?? `${BASE}projects/${p}/global/networks/default`;
  const miss = x.refMissing(body.network, 'resource.network');
  if (miss) return miss;
  body.direction = body.direction ?? 'INGRESS';
  body.priority = body.priority ?? 1000;
  body.disabled = body.disabled ?? false;
  if (body.direction === 'INGRESS' && !body.sourceRanges && !body.sourceTags && !body.sourceServiceAccounts)
    body.sourceRanges = ['0.0.0.0/0'];
  return undefined;
}

/** A forwarding rule: an address given by link resolves to its IP. */
export function prepareForwardingRule(x: Insert): Res | undefined {
  const { body, p, extra } = x;
  const { gcp, ce } = x.cx;
  let ipAddr = body.IPAddress;
  if (
    typeof ipAddr === 'string' &&
    (ipAddr.startsWith('http') ||
      ipAddr.startsWith('projects/') ||
      ipAddr.startsWith('regions/') ||
      ipAddr.startsWith('global/'))
  ) {
    const link =
      ipAddr.startsWith('http') || ipAddr.startsWith('projects/') ? ipAddr : `projects/${p}/${ipAddr}`;
    const parsed = parseLink(link);
    const addr = parsed ? gcp.compute.get(parsed.rel) : undefined;
    if (!addr) return notFound(parsed?.rel ?? ipAddr);
    ipAddr = addr.address;
  }
  extra.IPAddress = ipAddr ?? ce.allocateExternalIp();
  body.IPProtocol = body.IPProtocol ?? 'TCP';
  body.loadBalancingScheme = body.loadBalancingScheme ?? 'EXTERNAL';
  body.networkTier = body.networkTier ?? 'PREMIUM';
  extra.fingerprint = fingerprint();
  return undefined;
}

/** An instance template needs its properties. */
export function prepareInstanceTemplate(x: Insert): Res | undefined {
  const { body } = x;
  if (!body.properties || typeof body.properties !== 'object')
    return invalid('resource.properties', '', 'Must be specified.');
  return undefined;
}

/** A disk from an image that must exist. */
export function prepareDisk(x: Insert): Res | undefined {
  const { body, extra } = x;
  const miss = x.refMissing(body.sourceImage, 'resource.sourceImage');
  if (miss) return miss;
  body.sizeGb = String(body.sizeGb ?? '10');
  extra.status = 'READY';
  return undefined;
}
