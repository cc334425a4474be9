import type { GitspacesConfig } from '../config/schema.js';
import type { DnsClient } from '../dns/query.js';
import { errorMessage } from '../errors.js';
import type { AggregatedItem, ComputeCollection } from '../gcp/compute.js';
import type { ManagedZone, ResourceRecordSet } from '../gcp/clouddns.js';
import type { Certificate, DnsAuthorization } from '../gcp/certmanager.js';
import type { ServiceAccount } from '../gcp/iam.js';
import { zoneNameFor } from '../net.js';

/** The read-only Google calls the scan makes (shared/gcp's clients satisfy them). */
export interface OrphanScanApis {
  compute: { aggregatedList(project: string, collection: ComputeCollection): Promise<AggregatedItem[]> };
  dns: {
    listManagedZones(project: string, opts?: { dnsName?: string }): Promise<ManagedZone[]>;
    listRecordSets(project: string, zone: string): Promise<ResourceRecordSet[]>;
  };
  certs: {
    listCertificates(project: string, location: string): Promise<Certificate[]>;
    listDnsAuthorizations(project: string, location: string): Promise<DnsAuthorization[]>;
  };
  iam: { getServiceAccount(project: string, email: string): Promise<ServiceAccount | undefined> };
  /** Public DNS, for the parent zone's delegation; absent: that check is skipped with the reason. */
  dnsClient?: DnsClient;
}

/** Something the setup created that is still there, with the command that removes it. */
export interface Orphan {
  kind: string;
  name: string;
  /** Zone, region or global. */
  where: string;
  /** Why it is attributed to this setup: the name prefix, a label, a known fixed name. */
  reason: string;
  command: string;
}

export interface ScanNotice {
  title: string;
  detail: string;
  fix: string;
}

export interface OrphanScan {
  orphans: Orphan[];
  /** Things that are not resources to delete but need a person: a parent zone still delegating. */
  notices: ScanNotice[];
  /** Lookups that could not be made, with why. */
  skipped: string[];
}

/** In deletion order: what uses a thing comes before it, the network last. */
const COLLECTIONS: { collection: ComputeCollection; kind: string; gcloud: string }[] = [
  { collection: 'globalForwardingRules', kind: 'forwarding rule', gcloud: 'forwarding-rules' },
  { collection: 'forwardingRules', kind: 'forwarding rule', gcloud: 'forwarding-rules' },
  { collection: 'targetHttpsProxies', kind: 'target HTTPS proxy', gcloud: 'target-https-proxies' },
  { collection: 'urlMaps', kind: 'URL map', gcloud: 'url-maps' },
  { collection: 'backendServices', kind: 'backend service', gcloud: 'backend-services' },
  { collection: 'instanceGroupManagers', kind: 'managed instance group', gcloud: 'instance-groups managed' },
  { collection: 'instanceTemplates', kind: 'instance template', gcloud: 'instance-templates' },
  { collection: 'instances', kind: 'instance', gcloud: 'instances' },
  { collection: 'disks', kind: 'disk', gcloud: 'disks' },
  { collection: 'healthChecks', kind: 'health check', gcloud: 'health-checks' },
  { collection: 'routers', kind: 'router (and its NAT)', gcloud: 'routers' },
  { collection: 'addresses', kind: 'address', gcloud: 'addresses' },
  { collection: 'globalAddresses', kind: 'address', gcloud: 'addresses' },
  { collection: 'firewalls', kind: 'firewall rule', gcloud: 'firewall-rules' },
  { collection: 'subnetworks', kind: 'subnetwork', gcloud: 'networks subnets' },
  { collection: 'networks', kind: 'network', gcloud: 'networks' },
];

/** `zones/us-central1-a` -> `--zone=us-central1-a`; `regions/x` -> `--region=x`; global -> `--global` where gcloud wants it. */
function scopeFlag(scope: string, collection: ComputeCollection): string {
  const [kind, value] = scope.split('/');
  if (kind === 'zones') return ` --zone=${value}`;
  if (kind === 'regions') return ` --region=${value}`;
  if (['firewalls', 'networks', 'instanceTemplates'].includes(collection)) return '';
  return ' --global';
}

function where(scope: string): string {
  return scope.split('/')[1] ?? scope;
}

function lastSegment(s: string | undefined): string {
  return (s ?? '').split('/').pop() ?? '';
}

/**
 * Whether a Compute resource belongs to this setup: its name carries the infrastructure name as prefix, it
 * is labelled with it, it is one of the module's fixed names (subnet `harnessdefault` and the global
 * `autohealing-health-check`) inside or next to the setup's network, or it sits in the setup's network.
 */
export function attribution(item: AggregatedItem, infraName: string, infraId: string): string | undefined {
  const prefix = `${infraName}-`;
  if (item.name.startsWith(prefix)) return `name starts with ${prefix}`;
  for (const [k, v] of Object.entries(item.labels)) {
    if (v === infraName || v === infraId.toLowerCase()) return `label ${k}=${v}`;
  }
  const network = lastSegment(item.resource.network as string | undefined);
  if (network === `${infraName}-network`) return `in network ${network}`;
  if (
    item.collection === 'subnetworks' &&
    item.name === 'harnessdefault' &&
    network === `${infraName}-network`
  )
    return "the module's default subnet";
  if (item.collection === 'healthChecks' && item.name === 'autohealing-health-check')
    return "the module's fixed autohealing health check name";
  return undefined;
}

/** The service account the module creates (`project.service_account` of the infra's setup YAML). */
export function moduleServiceAccountEmail(config: GitspacesConfig, fromSetupYaml?: string): string {
  const sa = fromSetupYaml || `${config.infrastructure.name}-sa`;
  return sa.includes('@') ? sa : `${sa}@${config.gcp.project_id}.iam.gserviceaccount.com`;
}

/** One scan: where it looks, and what it found so far. */
interface ScanRun {
  config: GitspacesConfig;
  apis: OrphanScanApis;
  project: string;
  /** The flags every gcloud command ends with. */
  p: string;
  found: OrphanScan;
}

/**
 * Looks for everything the setup could have created and is still there. Each lookup that fails is listed
 * as skipped with the reason: a scan that could not look never reports "nothing left".
 */
export async function scanOrphans(
  config: GitspacesConfig,
  apis: OrphanScanApis,
  opts: { serviceAccount?: string } = {},
): Promise<OrphanScan> {
  const project = config.gcp.project_id;
  const run: ScanRun = {
    config,
    apis,
    project,
    p: ` --project=${project} --quiet`,
    found: { orphans: [], notices: [], skipped: [] },
  };
  await scanCompute(run);
  await scanCertificates(run);
  const zoneExists = await scanDnsZones(run);
  await scanServiceAccount(run, opts.serviceAccount);
  if (!zoneExists) await checkParentDelegation(run);
  else if (!apis.dnsClient)
    run.found.skipped.push(
      `Parent-zone delegation of ${config.infrastructure.domain}: no DNS client configured`,
    );
  return run.found;
}

/** Compute resources the module names after the infrastructure (or places in its network). */
async function scanCompute({ config, apis, project, p, found }: ScanRun): Promise<void> {
  const infraName = config.infrastructure.name;
  const infraId = config.infrastructure.identifier;
  const lists = await Promise.all(
    COLLECTIONS.map(async (c) => {
      try {
        return { c, items: await apis.compute.aggregatedList(project, c.collection) };
      } catch (e) {
        found.skipped.push(`Compute ${c.collection}: ${errorMessage(e)}`);
        return { c, items: [] as AggregatedItem[] };
      }
    }),
  );
  for (const { c, items } of lists) {
    for (const item of items) {
      const reason = attribution(item, infraName, infraId);
      if (!reason) continue;
      found.orphans.push({
        kind: c.kind,
        name: item.name,
        where: where(item.scope),
        reason,
        command: `gcloud compute ${c.gcloud} delete ${item.name}${scopeFlag(item.scope, c.collection)}${p}`,
      });
    }
  }
}

/** Certificate Manager: per region of the infra, and global. */
async function scanCertificates({ config, apis, project, p, found }: ScanRun): Promise<void> {
  const infraName = config.infrastructure.name;
  const ours = (r: { name: string; labels?: Record<string, string> | null }) =>
    lastSegment(r.name).startsWith(`${infraName}-`) || Object.values(r.labels ?? {}).includes(infraName);
  for (const location of [...Object.keys(config.infrastructure.regions), 'global']) {
    try {
      for (const cert of (await apis.certs.listCertificates(project, location)).filter(ours)) {
        const name = lastSegment(cert.name);
        found.orphans.push({
          kind: 'certificate',
          name,
          where: location,
          reason: `name starts with ${infraName}-`,
          command: `gcloud certificate-manager certificates delete ${name} --location=${location}${p}`,
        });
      }
      for (const auth of (await apis.certs.listDnsAuthorizations(project, location)).filter(ours)) {
        const name = lastSegment(auth.name);
        found.orphans.push({
          kind: 'DNS authorization',
          name,
          where: location,
          reason: `name starts with ${infraName}-`,
          command: `gcloud certificate-manager dns-authorizations delete ${name} --location=${location}${p}`,
        });
      }
    } catch (e) {
      found.skipped.push(`Certificate Manager (${location}): ${errorMessage(e)}`);
    }
  }
}

/** Cloud DNS: the zone named after the domain, and its records (except the zone's own NS and SOA). */
async function scanDnsZones({ config, apis, project, p, found }: ScanRun): Promise<boolean> {
  const domain = config.infrastructure.domain;
  const zoneName = zoneNameFor(domain);
  let zoneExists = false;
  try {
    const zones = (await apis.dns.listManagedZones(project)).filter(
      (z) => z.name === zoneName || z.dnsName === `${domain}.`,
    );
    for (const z of zones) {
      zoneExists = true;
      try {
        for (const rr of await apis.dns.listRecordSets(project, z.name)) {
          if ((rr.type === 'NS' || rr.type === 'SOA') && rr.name === z.dnsName) continue;
          found.orphans.push({
            kind: `DNS ${rr.type} record`,
            name: rr.name,
            where: z.name,
            reason: `in zone ${z.name}`,
            command: `gcloud dns record-sets delete ${rr.name} --type=${rr.type} --zone=${z.name}${p}`,
          });
        }
      } catch (e) {
        found.skipped.push(`Cloud DNS records of ${z.name}: ${errorMessage(e)}`);
      }
      found.orphans.push({
        kind: 'DNS zone',
        name: z.name,
        where: 'global',
        reason: `zone for ${domain}`,
        command: `gcloud dns managed-zones delete ${z.name}${p}`,
      });
    }
  } catch (e) {
    found.skipped.push(`Cloud DNS zones: ${errorMessage(e)}`);
  }
  return zoneExists;
}

/** The module's (unused) service account. */
async function scanServiceAccount(
  { config, apis, project, p, found }: ScanRun,
  fromSetupYaml: string | undefined,
): Promise<void> {
  const email = moduleServiceAccountEmail(config, fromSetupYaml);
  try {
    const sa = await apis.iam.getServiceAccount(project, email);
    if (sa)
      found.orphans.push({
        kind: 'service account',
        name: email,
        where: 'global',
        reason: 'project.service_account of the infra YAML',
        command: `gcloud iam service-accounts delete ${email}${p}`,
      });
  } catch (e) {
    found.skipped.push(`IAM service account ${email}: ${errorMessage(e)}`);
  }
}

/** A parent zone that still delegates to a zone that no longer exists sends lookups into the void. */
async function checkParentDelegation({ config, apis, found }: ScanRun): Promise<void> {
  const domain = config.infrastructure.domain;
  if (!apis.dnsClient) {
    found.skipped.push(`Parent-zone delegation of ${domain}: no DNS client configured`);
    return;
  }
  try {
    const answers = await apis.dnsClient.askResolvers(domain, 'NS');
    const ns = new Set<string>();
    let asked = 0;
    for (const a of answers) {
      if (a.status !== 'fulfilled') continue;
      asked++;
      for (const r of [...a.value.answers, ...a.value.authorities])
        if (r.type === 'NS' && r.name.replace(/\.$/, '') === domain) ns.add(r.data);
    }
    if (!asked) found.skipped.push(`Parent-zone delegation of ${domain}: no resolver answered`);
    else if (ns.size) {
      found.notices.push({
        title: `The parent zone still delegates ${domain}`,
        detail: `NS ${[...ns].join(', ')} while the Cloud DNS zone ${zoneNameFor(domain)} is gone: lookups of ${domain} now fail (or, worse, answer from a zone someone else could create on those servers).`,
        fix: `Delete the NS records for ${domain} in the parent zone (at your registrar or DNS provider).`,
      });
    }
  } catch (e) {
    found.skipped.push(`Parent-zone delegation of ${domain}: ${errorMessage(e)}`);
  }
}
