import type { GitspacesConfig } from '../config/schema.js';
import type { AggregatedItem, ComputeCollection } from '../gcp/compute.js';
import type { ManagedZone, ResourceRecordSet } from '../gcp/clouddns.js';
import type { Certificate, DnsAuthorization } from '../gcp/certmanager.js';
import type { ServiceAccount } from '../gcp/iam.js';
import { isNotFound } from '../gcp/rest.js';
import { zoneNameFor } from '../net.js';
import { MODULE_NAME } from './root.js';

/**
 * Collisions: what harness/harness-gitspaces/gcp would create that already exists in the project while the
 * Terraform state does not know it. The Google provider stops such an apply with `Error 409: ... already exists`
 * (a Cloud DNS zone made by hand, a leftover `<name>-network`, a service account or an address from an earlier
 * attempt, resources created by an apply that was killed before it wrote the state). Each collision carries the
 * exact `terraform import` address and ID (the formats the provider's import documentation lists for the
 * resource type), and the command that deletes it instead.
 *
 * The names are the module's (sandbox/module mirrors its body): derived from the config as configure-infra
 * writes the Infra Config YAML (name = infrastructure.name, region keys = the regions, domain and the regions'
 * subdomains, service account `<name>-sa`). The gateway templates and groups are named with `uuid()`: a new apply
 * never collides with them, but ones the state does not know are left behind by an interrupted apply and are
 * never managed again, so they are listed as leftovers to delete.
 */

/** The read-only Google calls the lookup makes (shared/gcp's clients satisfy them). */
export interface CollisionApis {
  compute: { aggregatedList(project: string, collection: ComputeCollection): Promise<AggregatedItem[]> };
  dns: {
    getManagedZone(project: string, zone: string): Promise<ManagedZone | undefined>;
    listRecordSets(project: string, zone: string): Promise<ResourceRecordSet[]>;
  };
  certs: {
    listCertificates(project: string, location: string): Promise<Certificate[]>;
    listDnsAuthorizations(project: string, location: string): Promise<DnsAuthorization[]>;
  };
  iam: { getServiceAccount(project: string, email: string): Promise<ServiceAccount | undefined> };
}

type Lookup =
  | { api: 'compute'; collection: ComputeCollection; scope: string; nat?: { router: string } }
  | { api: 'zone' }
  | { api: 'record'; zone: string; type: string }
  | { api: 'certificate' | 'dnsAuthorization'; location: string }
  | { api: 'serviceAccount' };

/** One resource the module would create under a predictable name. */
export interface PlannedResource {
  /** `module.gitspaces.module.infra.google_compute_network.vpc_network`, with its `["key"]` or `[0]`. */
  address: string;
  kind: string;
  name: string;
  /** global, a region or a zone. */
  where: string;
  /** The import ID, in a format the provider documents for the type. */
  importId: string;
  deleteCommand: string;
  lookup: Lookup;
}

export interface Collision extends PlannedResource {
  /** What else is known about it (who uses an address). */
  detail?: string;
}

/** Gateway templates and groups (uuid()-named) that exist but the state does not know. */
export interface Leftover {
  kind: string;
  name: string;
  where: string;
  deleteCommand: string;
}

/** What the state knows: resource instance addresses, and the names of the uuid()-named gateway resources. */
export interface StateView {
  addresses: Set<string>;
  names: Set<string>;
}

const key = (k: string) => `[${JSON.stringify(k)}]`;

/** The region's domain as configure-infra builds it: `<subdomain>.<domain>`, or the domain. */
function regionDomain(config: GitspacesConfig, region: string): string {
  const sub = config.infrastructure.regions[region]?.subdomain ?? '';
  return sub ? `${sub}.${config.infrastructure.domain}` : config.infrastructure.domain;
}

/** The module's service account email (`project.service_account` of the Infra Config YAML: `<name>-sa`). */
export function provisionerEmail(config: GitspacesConfig): string {
  return `${config.infrastructure.name}-sa@${config.gcp.project_id}.iam.gserviceaccount.com`;
}

const FIREWALL_RULES = [
  'allow-healthcheck-egress',
  'allow-google-apis-egress',
  'allow-all-egress',
  'allow-healthcheck-ingress',
  'deny-all-ingress',
  'allow-ingress-gitspace',
  'allow-gateway-ssh',
  'allow-all-ingress-gateway',
];

interface Builder {
  out: PlannedResource[];
  project: string;
  /** ` --project=<p> --quiet`, the end of every gcloud command. */
  p: string;
}

function regional(
  b: Builder,
  r: { address: string; kind: string; name: string; region: string; collection: ComputeCollection },
  gcloud: string,
): void {
  b.out.push({
    address: r.address,
    kind: r.kind,
    name: r.name,
    where: r.region,
    importId: `projects/${b.project}/regions/${r.region}/${r.collection}/${r.name}`,
    deleteCommand: `gcloud compute ${gcloud} delete ${r.name} --region=${r.region}${b.p}`,
    lookup: { api: 'compute', collection: r.collection, scope: `regions/${r.region}` },
  });
}

function globalCompute(
  b: Builder,
  r: { address: string; kind: string; name: string; collection: ComputeCollection },
  gcloud: string,
): void {
  b.out.push({
    address: r.address,
    kind: r.kind,
    name: r.name,
    where: 'global',
    importId: `projects/${b.project}/global/${r.collection}/${r.name}`,
    deleteCommand: `gcloud compute ${gcloud} delete ${r.name}${gcloud === 'health-checks' ? ' --global' : ''}${b.p}`,
    lookup: { api: 'compute', collection: r.collection, scope: 'global' },
  });
}

/** module.domain[0]: the zone and, with Certificate Manager, each region's authorization, challenge and certificate. */
function domainResources(b: Builder, config: GitspacesConfig): void {
  const D = `module.${MODULE_NAME}.module.domain[0]`;
  const name = config.infrastructure.name;
  const zone = zoneNameFor(config.infrastructure.domain);
  b.out.push({
    address: `${D}.google_dns_managed_zone.default`,
    kind: 'Cloud DNS zone',
    name: zone,
    where: 'global',
    importId: `projects/${b.project}/managedZones/${zone}`,
    deleteCommand: `gcloud dns managed-zones delete ${zone}${b.p} (after deleting its record sets other than NS and SOA)`,
    lookup: { api: 'zone' },
  });
  if (config.terraform.certificate.mode === 'files') return;
  for (const region of Object.keys(config.infrastructure.regions)) {
    const auth = `${name}-${region}-default-wildcard-dns-auth`;
    const cert = `${name}-${region}-dns-cert`;
    b.out.push({
      address: `${D}.google_certificate_manager_dns_authorization.default${key(region)}`,
      kind: 'DNS authorization',
      name: auth,
      where: region,
      importId: `projects/${b.project}/locations/${region}/dnsAuthorizations/${auth}`,
      deleteCommand: `gcloud certificate-manager dns-authorizations delete ${auth} --location=${region}${b.p}`,
      lookup: { api: 'dnsAuthorization', location: region },
    });
    const challenge = `_acme-challenge.${regionDomain(config, region)}.`;
    b.out.push({
      address: `${D}.google_dns_record_set.default-challenge${key(region)}`,
      kind: 'DNS record CNAME',
      name: challenge,
      where: zone,
      importId: `projects/${b.project}/managedZones/${zone}/rrsets/${challenge}/CNAME`,
      deleteCommand: `gcloud dns record-sets delete ${challenge} --type=CNAME --zone=${zone}${b.p}`,
      lookup: { api: 'record', zone, type: 'CNAME' },
    });
    b.out.push({
      address: `${D}.google_certificate_manager_certificate.default${key(region)}`,
      kind: 'certificate',
      name: cert,
      where: region,
      importId: `projects/${b.project}/locations/${region}/certificates/${cert}`,
      deleteCommand: `gcloud certificate-manager certificates delete ${cert} --location=${region}${b.p}`,
      lookup: { api: 'certificate', location: region },
    });
  }
}

/** One region's resources of module.infra (the gateway's uuid()-named template and group aside). */
function regionResources(b: Builder, config: GitspacesConfig, region: string): void {
  const I = `module.${MODULE_NAME}.module.infra`;
  const n = `${config.infrastructure.name}-${region}`;
  const k = key(region);
  regional(
    b,
    {
      address: `${I}.google_compute_subnetwork.subnet${k}`,
      kind: 'subnetwork',
      name: 'harnessdefault',
      region,
      collection: 'subnetworks',
    },
    'networks subnets',
  );
  regional(
    b,
    {
      address: `${I}.google_compute_subnetwork.proxy${k}`,
      kind: 'subnetwork',
      name: `${n}-proxy-subnet`,
      region,
      collection: 'subnetworks',
    },
    'networks subnets',
  );
  for (const [res, suffix] of [
    ['nat_static_ip', 'nat-static-ip'],
    ['alb_ip', 'alb-ip'],
    ['nlb_ip', 'nlb-ip'],
  ] as const)
    regional(
      b,
      {
        address: `${I}.google_compute_address.${res}${k}`,
        kind: 'address',
        name: `${n}-${suffix}`,
        region,
        collection: 'addresses',
      },
      'addresses',
    );
  const R = `${I}.module.cloud_router${k}`;
  const router = `${n}-gateway-router`;
  regional(
    b,
    {
      address: `${R}.google_compute_router.router`,
      kind: 'Cloud Router',
      name: router,
      region,
      collection: 'routers',
    },
    'routers',
  );
  const nat = `${n}-gateway-nat`;
  b.out.push({
    address: `${R}.google_compute_router_nat.nats${key(nat)}`,
    kind: 'Cloud NAT',
    name: nat,
    where: region,
    importId: `${b.project}/${region}/${router}/${nat}`,
    deleteCommand: `gcloud compute routers nats delete ${nat} --router=${router} --region=${region}${b.p}`,
    lookup: { api: 'compute', collection: 'routers', scope: `regions/${region}`, nat: { router } },
  });
  const chain: [string, string, ComputeCollection, string, string][] = [
    [
      'google_compute_region_health_check.alb_default',
      'health-check',
      'healthChecks',
      'health check',
      'health-checks',
    ],
    [
      'google_compute_region_health_check.nlb_default',
      'nlb-health-check',
      'healthChecks',
      'health check',
      'health-checks',
    ],
    [
      'google_compute_region_backend_service.alb_default',
      'alb-backend',
      'backendServices',
      'backend service',
      'backend-services',
    ],
    [
      'google_compute_region_backend_service.nlb_default',
      'nlb-backend',
      'backendServices',
      'backend service',
      'backend-services',
    ],
    [
      'google_compute_region_backend_service.nlb_gateway_default',
      'gateway-nlb-backend',
      'backendServices',
      'backend service',
      'backend-services',
    ],
    ['google_compute_region_url_map.default', 'url-map', 'urlMaps', 'URL map', 'url-maps'],
    [
      'google_compute_region_target_https_proxy.default',
      'https-proxy',
      'targetHttpsProxies',
      'target HTTPS proxy',
      'target-https-proxies',
    ],
    [
      'google_compute_forwarding_rule.alb_default',
      'default-alb-frontend',
      'forwardingRules',
      'forwarding rule',
      'forwarding-rules',
    ],
    [
      'google_compute_forwarding_rule.nlb_default',
      'default-nlb-frontend',
      'forwardingRules',
      'forwarding rule',
      'forwarding-rules',
    ],
    [
      'google_compute_forwarding_rule.nlb_gateway_default',
      'gateway-nlb-frontend',
      'forwardingRules',
      'forwarding rule',
      'forwarding-rules',
    ],
  ];
  for (const [res, suffix, collection, kind, gcloud] of chain)
    regional(b, { address: `${I}.${res}${k}`, kind, name: `${n}-${suffix}`, region, collection }, gcloud);
  if (config.terraform.manage_dns_zone) regionRecords(b, config, region);
}

/** The region's A record and wildcard CNAME in the managed zone (module.infra's alb_a, alb_a_wildcard). */
function regionRecords(b: Builder, config: GitspacesConfig, region: string): void {
  const zone = zoneNameFor(config.infrastructure.domain);
  const domain = regionDomain(config, region);
  for (const [res, name, type] of [
    ['alb_a', `${domain}.`, 'A'],
    ['alb_a_wildcard', `*.${domain}.`, 'CNAME'],
  ] as const)
    b.out.push({
      address: `module.${MODULE_NAME}.module.infra.google_dns_record_set.${res}${key(region)}`,
      kind: `DNS record ${type}`,
      name,
      where: zone,
      importId: `projects/${b.project}/managedZones/${zone}/rrsets/${name}/${type}`,
      deleteCommand: `gcloud dns record-sets delete '${name}' --type=${type} --zone=${zone}${b.p}`,
      lookup: { api: 'record', zone, type },
    });
}

/** Every resource the module would create under a name known before the apply, in the module's order. */
export function plannedResources(config: GitspacesConfig): PlannedResource[] {
  const project = config.gcp.project_id;
  const b: Builder = { out: [], project, p: ` --project=${project} --quiet` };
  const I = `module.${MODULE_NAME}.module.infra`;
  const name = config.infrastructure.name;
  if (config.terraform.manage_dns_zone) domainResources(b, config);
  globalCompute(
    b,
    {
      address: `${I}.google_compute_network.vpc_network`,
      kind: 'VPC network',
      name: `${name}-network`,
      collection: 'networks',
    },
    'networks',
  );
  for (const rule of FIREWALL_RULES) {
    const fw = `${name}-network-${rule}`;
    globalCompute(
      b,
      {
        address: `${I}.module.firewall_rules.google_compute_firewall.rules_ingress_egress${key(fw)}`,
        kind: 'firewall rule',
        name: fw,
        collection: 'firewalls',
      },
      'firewall-rules',
    );
  }
  globalCompute(
    b,
    {
      address: `${I}.google_compute_health_check.autohealing`,
      kind: 'health check',
      name: 'autohealing-health-check',
      collection: 'healthChecks',
    },
    'health-checks',
  );
  const email = provisionerEmail(config);
  b.out.push({
    address: `${I}.google_service_account.provisioner`,
    kind: 'service account',
    name: email,
    where: 'global',
    importId: `projects/${project}/serviceAccounts/${email}`,
    deleteCommand: `gcloud iam service-accounts delete ${email}${b.p}`,
    lookup: { api: 'serviceAccount' },
  });
  for (const region of Object.keys(config.infrastructure.regions)) regionResources(b, config, region);
  if (config.terraform.module.generation !== 'v0.0.3' && config.terraform.create_runner_vm) {
    const { region, zone } = config.infrastructure.runner;
    const vm = `${name}-${region}-runner-vm`;
    b.out.push({
      address: `${I}.google_compute_instance.runner_vm[0]`,
      kind: 'instance (the runner VM)',
      name: vm,
      where: zone,
      importId: `projects/${project}/zones/${zone}/instances/${vm}`,
      deleteCommand: `gcloud compute instances delete ${vm} --zone=${zone}${b.p}`,
      lookup: { api: 'compute', collection: 'instances', scope: `zones/${zone}` },
    });
  }
  return b.out;
}

// ------------------------------------------------------------------------------------------- the state

interface StateJson {
  resources?: {
    module?: string;
    mode?: string;
    type?: string;
    name?: string;
    instances?: { index_key?: string | number; attributes?: { name?: unknown } }[];
  }[];
}

/** What a state file (format 4, as every backend stores it) knows; an empty view for no state at all. */
export function stateView(state: unknown): StateView {
  const view: StateView = { addresses: new Set(), names: new Set() };
  for (const r of (state as StateJson | undefined)?.resources ?? []) {
    if (r.mode !== 'managed' || !r.type || !r.name) continue;
    const base = `${r.module ? `${r.module}.` : ''}${r.type}.${r.name}`;
    for (const i of r.instances ?? []) {
      const k = i.index_key;
      view.addresses.add(
        k === undefined ? base : typeof k === 'number' ? `${base}[${k}]` : `${base}${key(k)}`,
      );
      if (typeof i.attributes?.name === 'string') view.names.add(i.attributes.name);
    }
  }
  return view;
}

/** A view from `terraform state list` (addresses only). */
export function stateViewFromList(addresses: readonly string[]): StateView {
  return { addresses: new Set(addresses.filter(Boolean)), names: new Set() };
}

// ------------------------------------------------------------------------------------------- the lookup

const last = (s: unknown) => (typeof s === 'string' ? (s.split('/').pop() ?? s) : '');

/** `users` of an address (the forwarding rules or NAT using it), for the message. */
function usedBy(item: AggregatedItem): string | undefined {
  const users = item.resource.users;
  if (!Array.isArray(users) || !users.length) return undefined;
  return `in use by ${users.map((u) => last(u)).join(', ')}`;
}

/**
 * The planned resources that exist while the state does not know them, and the gateway templates and groups
 * that the state does not know. Only reads.
 */
export async function findCollisions(
  config: GitspacesConfig,
  apis: CollisionApis,
  state: StateView,
): Promise<{ collisions: Collision[]; leftovers: Leftover[] }> {
  const project = config.gcp.project_id;
  const planned = plannedResources(config).filter((r) => !state.addresses.has(r.address));
  const collections = [
    ...new Set(planned.flatMap((r) => (r.lookup.api === 'compute' ? [r.lookup.collection] : []))),
    'instanceTemplates',
    'instanceGroupManagers',
  ] as ComputeCollection[];
  const zoneName = zoneNameFor(config.infrastructure.domain);
  const locations = [...new Set(planned.flatMap((r) => ('location' in r.lookup ? [r.lookup.location] : [])))];
  const needSa = planned.some((r) => r.lookup.api === 'serviceAccount');
  // Every read at once (one round trip, not five one after another); the zone's records alongside the zone
  // itself: a zone that does not exist has none (Cloud DNS answers 404).
  const [lists, zone, records, certs, sa] = await Promise.all([
    Promise.all(
      collections.map(async (c) => [c, await apis.compute.aggregatedList(project, c)] as const),
    ).then((pairs) => new Map(pairs)),
    apis.dns.getManagedZone(project, zoneName),
    apis.dns.listRecordSets(project, zoneName).catch((e: unknown) => {
      if (isNotFound(e)) return [];
      throw e;
    }),
    Promise.all(
      locations.map(async (l) => {
        const [c, a] = await Promise.all([
          apis.certs.listCertificates(project, l),
          apis.certs.listDnsAuthorizations(project, l),
        ]);
        return [
          l,
          { certificate: c.map((x) => last(x.name)), dnsAuthorization: a.map((x) => last(x.name)) },
        ] as const;
      }),
    ).then((pairs) => new Map(pairs)),
    needSa ? apis.iam.getServiceAccount(project, provisionerEmail(config)) : undefined,
  ]);

  const collisions: Collision[] = [];
  for (const r of planned) {
    const l = r.lookup;
    let found = false;
    let detail: string | undefined;
    if (l.api === 'compute') {
      const item = lists
        .get(l.collection)
        ?.find((i) => i.scope === l.scope && i.name === (l.nat ? l.nat.router : r.name));
      if (item && l.nat) {
        const nats = Array.isArray(item.resource.nats) ? (item.resource.nats as { name?: string }[]) : [];
        found = nats.some((x) => x.name === r.name);
      } else if (item) {
        found = true;
        detail = usedBy(item);
      }
    } else if (l.api === 'zone') found = zone !== undefined;
    else if (l.api === 'record') found = records.some((x) => x.name === r.name && x.type === l.type);
    else if (l.api === 'serviceAccount') found = sa !== undefined;
    else found = certs.get(l.location)?.[l.api].includes(r.name) ?? false;
    if (found) collisions.push({ ...r, ...(detail ? { detail } : {}) });
  }

  const leftovers: Leftover[] = [];
  for (const region of Object.keys(config.infrastructure.regions)) {
    const prefix = `${config.infrastructure.name}-${region}-gateway-`;
    for (const [collection, kind, gcloud, infix] of [
      ['instanceGroupManagers', 'gateway instance group', 'instance-groups managed', 'group-'],
      ['instanceTemplates', 'gateway instance template', 'instance-templates', 'template-'],
    ] as const)
      for (const item of lists.get(collection) ?? [])
        if (
          item.scope === `regions/${region}` &&
          item.name.startsWith(prefix + infix) &&
          !state.names.has(item.name)
        )
          leftovers.push({
            kind,
            name: item.name,
            where: region,
            deleteCommand: `gcloud compute ${gcloud} delete ${item.name} --region=${region} --project=${project} --quiet`,
          });
  }
  return { collisions, leftovers };
}

/** `terraform import` as the user types it, in the root's working directory. */
export function importCommand(
  c: Pick<PlannedResource, 'address' | 'importId'>,
  workingDirectory: string,
): string {
  return `terraform -chdir=${workingDirectory} import '${c.address}' '${c.importId}'`;
}

/** Terraform import blocks (JSON syntax) for the root: `terraform plan` then shows each import. */
export function importBlocks(collisions: readonly Pick<PlannedResource, 'address' | 'importId'>[]): {
  import: { to: string; id: string }[];
} {
  return { import: collisions.map((c) => ({ to: c.address, id: c.importId })) };
}
