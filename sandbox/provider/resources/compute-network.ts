import type { ObjectValue, Value } from '../cty.js';
import { lastSegment } from '../resource.js';
import { Json, computeResource, list, patchWith, regionName, str } from './compute-base.js';

/**
 * google_compute_network, _subnetwork, _firewall, _address: request bodies and read-back as the provider's
 * generated code maps them (the Compute v1 field names in the REST reference for each collection).
 */

const nonEmpty = (v: Value | undefined) => (Array.isArray(v) && v.length ? v : undefined);
const strings = (v: unknown): string[] | null => (Array.isArray(v) && v.length ? (v as string[]) : null);

export const network = computeResource({
  kind: 'Network',
  collection: 'networks',
  scope: 'global',
  toApi: (v) => ({
    name: v.name,
    description: str(v.description),
    autoCreateSubnetworks: v.auto_create_subnetworks,
    routingConfig: str(v.routing_mode) ? { routingMode: v.routing_mode } : undefined,
    mtu: typeof v.mtu === 'number' ? v.mtu : undefined,
    enableUlaInternalIpv6: v.enable_ula_internal_ipv6 ?? undefined,
    networkFirewallPolicyEnforcementOrder: v.network_firewall_policy_enforcement_order,
  }),
  fromApi: (b) => ({
    name: b.name as string,
    description: (b.description as string) ?? null,
    auto_create_subnetworks: Boolean(b.autoCreateSubnetworks),
    routing_mode: ((b.routingConfig as Json | undefined)?.routingMode as string) ?? 'REGIONAL',
    mtu: typeof b.mtu === 'number' ? b.mtu : 1460,
    gateway_ipv4: (b.gatewayIPv4 as string) ?? null,
    numeric_id: String(b.id ?? ''),
    network_id: String(b.id ?? ''),
    self_link: b.selfLink as string,
    internal_ipv6_range: (b.internalIpv6Range as string) ?? null,
    network_firewall_policy_enforcement_order:
      (b.networkFirewallPolicyEnforcementOrder as string) ?? 'AFTER_CLASSIC_FIREWALL',
  }),
  update: async (ctx, url, _prior, planned, current) =>
    patchWith(ctx, url, { routingConfig: { routingMode: planned.routing_mode } }, current, 'Network'),
});

export const subnetwork = computeResource({
  kind: 'Subnetwork',
  collection: 'subnetworks',
  scope: 'region',
  toApi: (v) => ({
    name: v.name,
    ipCidrRange: v.ip_cidr_range,
    network: v.network,
    description: str(v.description),
    purpose: str(v.purpose),
    role: str(v.role),
    privateIpGoogleAccess: v.private_ip_google_access ?? undefined,
    stackType: str(v.stack_type),
  }),
  fromApi: (b) => ({
    name: b.name as string,
    ip_cidr_range: b.ipCidrRange as string,
    network: b.network as string,
    region: regionName(b),
    description: (b.description as string) ?? null,
    purpose: (b.purpose as string) ?? 'PRIVATE',
    role: (b.role as string) ?? null,
    private_ip_google_access: Boolean(b.privateIpGoogleAccess),
    stack_type: (b.stackType as string) ?? 'IPV4_ONLY',
    gateway_address: (b.gatewayAddress as string) ?? null,
    creation_timestamp: (b.creationTimestamp as string) ?? null,
    fingerprint: (b.fingerprint as string) ?? null,
    subnetwork_id: b.id === undefined ? null : String(b.id),
    self_link: b.selfLink as string,
  }),
  update: async (ctx, url, _prior, planned, current) =>
    patchWith(
      ctx,
      url,
      {
        ipCidrRange: planned.ip_cidr_range,
        description: planned.description,
        privateIpGoogleAccess: planned.private_ip_google_access,
      },
      current,
      'Subnetwork',
    ),
});

const rules = (v: Value | undefined) =>
  nonEmpty(v)?.map((r) => ({
    IPProtocol: (r as ObjectValue).protocol,
    ports: nonEmpty((r as ObjectValue).ports),
  }));
const rulesBack = (v: unknown): ObjectValue[] =>
  ((v as Json[] | undefined) ?? []).map((r) => ({
    protocol: r.IPProtocol as string,
    ports: strings(r.ports),
  }));

function firewallBody(v: ObjectValue): Json {
  return {
    name: v.name,
    network: v.network,
    description: str(v.description),
    direction: str(v.direction),
    priority: v.priority,
    disabled: v.disabled ?? undefined,
    allowed: rules(v.allow),
    denied: rules(v.deny),
    sourceRanges: nonEmpty(v.source_ranges),
    destinationRanges: nonEmpty(v.destination_ranges),
    sourceTags: nonEmpty(v.source_tags),
    targetTags: nonEmpty(v.target_tags),
    sourceServiceAccounts: nonEmpty(v.source_service_accounts),
    targetServiceAccounts: nonEmpty(v.target_service_accounts),
    logConfig: nonEmpty(v.log_config)
      ? { enable: true, metadata: (list(v.log_config)[0] as ObjectValue).metadata }
      : undefined,
  };
}

export const firewall = computeResource({
  kind: 'Firewall',
  collection: 'firewalls',
  scope: 'global',
  toApi: (v) => firewallBody(v),
  fromApi: (b) => ({
    name: b.name as string,
    network: b.network as string,
    description: (b.description as string) ?? null,
    direction: (b.direction as string) ?? 'INGRESS',
    priority: typeof b.priority === 'number' ? b.priority : 1000,
    disabled: typeof b.disabled === 'boolean' ? b.disabled : null,
    allow: rulesBack(b.allowed),
    deny: rulesBack(b.denied),
    source_ranges: strings(b.sourceRanges),
    destination_ranges: strings(b.destinationRanges),
    source_tags: strings(b.sourceTags),
    target_tags: strings(b.targetTags),
    source_service_accounts: strings(b.sourceServiceAccounts),
    target_service_accounts: strings(b.targetServiceAccounts),
    creation_timestamp: (b.creationTimestamp as string) ?? null,
    self_link: b.selfLink as string,
  }),
  // The provider PATCHes the whole rule (compute_firewall.go, update_verb PATCH).
  update: async (ctx, url, _prior, planned, current) =>
    patchWith(ctx, url, firewallBody(planned), current, 'Firewall'),
});

export const address = computeResource({
  kind: 'Address',
  collection: 'addresses',
  scope: 'region',
  toApi: (v) => ({
    name: v.name,
    address: str(v.address),
    addressType: v.address_type,
    description: str(v.description),
    network: str(v.network),
    networkTier: str(v.network_tier),
    purpose: str(v.purpose),
    subnetwork: str(v.subnetwork),
    prefixLength: typeof v.prefix_length === 'number' ? v.prefix_length : undefined,
    ipVersion: str(v.ip_version),
    labels: v.labels ?? undefined,
  }),
  fromApi: (b) => ({
    name: b.name as string,
    address: (b.address as string) ?? null,
    address_type: (b.addressType as string) ?? 'EXTERNAL',
    network_tier: (b.networkTier as string) ?? 'PREMIUM',
    purpose: (b.purpose as string) ?? null,
    subnetwork: (b.subnetwork as string) ?? null,
    prefix_length: typeof b.prefixLength === 'number' ? b.prefixLength : null,
    region: regionName(b),
    effective_labels: (b.labels as ObjectValue) ?? {},
    terraform_labels: (b.labels as ObjectValue) ?? {},
    label_fingerprint: (b.labelFingerprint as string) ?? null,
    users: strings(b.users) ?? [],
    creation_timestamp: (b.creationTimestamp as string) ?? null,
    self_link: b.selfLink as string,
  }),
});

export { lastSegment };
