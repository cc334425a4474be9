import { isNotFound, listAll, type GcpRest } from './rest.js';

export interface ManagedZone {
  name: string;
  dnsName: string;
  nameServers: string[];
  visibility?: 'public' | 'private';
  description?: string;
  id?: string;
  labels?: Record<string, string>;
  dnssecConfig?: { state?: string };
}

export interface ResourceRecordSet {
  name: string;
  type: string;
  ttl?: number;
  rrdatas: string[];
}

/** Cloud DNS v1 (`/dns/v1/projects/{p}/managedZones ...`). */
export class CloudDns {
  constructor(private readonly rest: GcpRest) {}

  /** undefined when the zone does not exist. */
  async getManagedZone(project: string, zone: string): Promise<ManagedZone | undefined> {
    try {
      return normaliseZone(
        await this.rest.get<ManagedZone>(
          'cloudDns',
          `/dns/v1/projects/${enc(project)}/managedZones/${enc(zone)}`,
        ),
      );
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

  /** Every managed zone of the project (optionally only the one(s) for `dnsName`, with its trailing dot). */
  async listManagedZones(project: string, opts: { dnsName?: string } = {}): Promise<ManagedZone[]> {
    const zones = await listAll<ManagedZone>(
      (pageToken) =>
        this.rest.get('cloudDns', `/dns/v1/projects/${enc(project)}/managedZones`, {
          pageToken,
          dnsName: opts.dnsName,
        }),
      'managedZones',
    );
    return zones.map(normaliseZone);
  }

  /** Record sets of a zone, optionally filtered by name (FQDN with trailing dot) and type. */
  async listRecordSets(
    project: string,
    zone: string,
    opts: { name?: string; type?: string } = {},
  ): Promise<ResourceRecordSet[]> {
    const sets = await listAll<ResourceRecordSet>(
      (pageToken) =>
        this.rest.get('cloudDns', `/dns/v1/projects/${enc(project)}/managedZones/${enc(zone)}/rrsets`, {
          pageToken,
          name: opts.name,
          type: opts.name ? opts.type : undefined,
        }),
      'rrsets',
    );
    const filtered = opts.type && !opts.name ? sets.filter((s) => s.type === opts.type) : sets;
    return filtered.map((s) => ({ ...s, rrdatas: s.rrdatas ?? [] }));
  }
}

function normaliseZone(z: ManagedZone): ManagedZone {
  return { ...z, nameServers: z.nameServers ?? [] };
}

function enc(s: string): string {
  return encodeURIComponent(s);
}
