import { createHash, randomBytes } from 'node:crypto';
import { parseCidr, size as cidrSize } from '../../../shared/net.js';
import type { World } from '../../world.js';
import type { Json } from '../common.js';
import { ComputeResource, GcpWorld, numericId } from '../state.js';
import {
  BASE,
  GLOBAL_CPUS,
  cpuQuotaMetric,
  fingerprint,
  ipToString,
  parseLink,
  singular,
  stamp,
  vcpus,
} from './resources.js';

/** The Compute emulator: a generic resource store keyed by self path, with the behaviours the bundle relies on. */
export class ComputeEmulator {
  constructor(
    private readonly world: World,
    private readonly gcp: GcpWorld,
  ) {}

  get opMs(): number {
    return this.gcp.scn.operationMs ?? 50;
  }

  /** How long an operation stays RUNNING: an insert takes its collection's time (latency profile), others opMs. */
  private insertMs(type: string, selfLink: string): number {
    const byCollection = this.gcp.scn.operationMsByCollection;
    if (type !== 'insert' || !byCollection) return this.opMs;
    const collection = /\/([A-Za-z]+)\/[^/]+$/.exec(selfLink)?.[1];
    return (collection ? byCollection[collection] : undefined) ?? this.opMs;
  }

  /** Seeds regions, zones, images, networks and subnetworks from the scenario. */
  seed(): void {
    const s = this.gcp.scn;
    const p = s.projectId;
    for (const img of s.images) {
      const parsed = parseLink(img.path);
      if (!parsed) continue;
      const ubuntu = img.ubuntu;
      const osFamily = ubuntu ? 'ubuntu' : parsed.name.split('-')[0];
      this.put(parsed.rel, {
        kind: 'compute#image',
        name: parsed.name,
        family: img.family,
        status: 'READY',
        sourceType: 'RAW',
        architecture: 'X86_64',
        diskSizeGb: '10',
        archiveSizeBytes: '2430086528',
        description: ubuntu
          ? `Canonical, Ubuntu, ${parsed.name}, amd64 image`
          : `${osFamily} image ${parsed.name}`,
        licenses: [`${BASE}projects/${parsed.project}/global/licenses/${img.family ?? parsed.name}`],
        guestOsFeatures: [
          { type: 'VIRTIO_SCSI_MULTIQUEUE' },
          { type: 'UEFI_COMPATIBLE' },
          { type: 'GVNIC' },
          { type: 'SEV_CAPABLE' },
        ],
        labelFingerprint: '42WmSpB8rSM=',
        storageLocations: ['us', 'eu', 'asia'],
      });
    }
    const networks = new Set(s.subnetworks.map((n) => n.network));
    for (const n of networks) {
      this.put(`projects/${p}/global/networks/${n}`, {
        kind: 'compute#network',
        name: n,
        autoCreateSubnetworks: n === 'default',
        routingConfig: { routingMode: 'REGIONAL' },
        networkFirewallPolicyEnforcementOrder: 'AFTER_CLASSIC_FIREWALL',
      });
    }
    for (const sn of s.subnetworks) {
      const cidr = parseCidr(sn.ipCidrRange);
      this.put(`projects/${p}/regions/${sn.region}/subnetworks/${sn.name}`, {
        kind: 'compute#subnetwork',
        name: sn.name,
        network: `${BASE}projects/${p}/global/networks/${sn.network}`,
        ipCidrRange: sn.ipCidrRange,
        gatewayAddress: cidr ? ipToString(cidr.base + 1) : undefined,
        region: `${BASE}projects/${p}/regions/${sn.region}`,
        privateIpGoogleAccess: false,
        purpose: 'PRIVATE',
        stackType: 'IPV4_ONLY',
        fingerprint: fingerprint(),
      });
    }
  }

  /** Stores a resource at a relative path, filling the fields every Compute resource has. */
  put(rel: string, body: Json): ComputeResource {
    const parsed = parseLink(rel) as NonNullable<ReturnType<typeof parseLink>>;
    const selfLink = `${BASE}${rel}`;
    const res: ComputeResource = {
      kind: `compute#${singular(parsed.collection)}`,
      id: numericId(`${selfLink}:${this.gcp.nextId()}`),
      creationTimestamp: stamp(),
      ...body,
      name: parsed.name,
      selfLink,
    };
    if (parsed.scope.startsWith('zones/')) res.zone = `${BASE}projects/${parsed.project}/${parsed.scope}`;
    if (parsed.scope.startsWith('regions/')) res.region = `${BASE}projects/${parsed.project}/${parsed.scope}`;
    for (const k of Object.keys(res)) if (res[k] === undefined) delete res[k];
    this.gcp.compute.set(rel, res);
    return res;
  }

  regionsOf(): string[] {
    return Object.keys(this.gcp.scn.regions);
  }
  zonesOf(): { zone: string; region: string }[] {
    return Object.entries(this.gcp.scn.regions).flatMap(([region, r]) =>
      r.zones.map((zone) => ({ zone, region })),
    );
  }

  /** Computed fields of a resource at read time (who uses an address, a network's subnetworks). */
  view(r: ComputeResource): Json {
    const out = structuredClone(r) as Json;
    const parsed = parseLink(r.selfLink);
    if (!parsed) return out;
    if (parsed.collection === 'networks') {
      const subs = [...this.gcp.compute.values()]
        .filter((x) => x.kind === 'compute#subnetwork' && x.network === r.selfLink)
        .map((x) => x.selfLink);
      if (subs.length) out.subnetworks = subs;
    }
    if (parsed.collection === 'addresses' || parsed.collection === 'globalAddresses') {
      const users = this.addressUsers(r);
      if (users.length) {
        out.users = users;
        out.status = 'IN_USE';
      }
    }
    return out;
  }

  addressUsers(addr: ComputeResource): string[] {
    const ip = addr.address;
    const users: string[] = [];
    for (const x of this.gcp.compute.values()) {
      if (x.kind === 'compute#forwardingRule' && (x.IPAddress === ip || x.IPAddress === addr.selfLink))
        users.push(x.selfLink);
      if (x.kind === 'compute#instance') {
        for (const nic of (x.networkInterfaces as Json[] | undefined) ?? [])
          for (const ac of (nic.accessConfigs as Json[] | undefined) ?? [])
            if (ac.natIP === ip) users.push(x.selfLink);
      }
    }
    return users;
  }

  /** Links that other resources hold to this one (GCE refuses to delete a resource still in use). */
  usersOf(target: ComputeResource): string[] {
    const links = new Set([target.selfLink]);
    if (typeof target.instanceGroup === 'string') links.add(target.instanceGroup);
    const users: string[] = [];
    const walk = (v: unknown, owner: string, key = ''): boolean => {
      if (key === 'metadata' || key === 'selfLink' || key === 'instanceGroup' || key === 'users')
        return false;
      if (typeof v === 'string') return links.has(v);
      if (Array.isArray(v)) return v.some((x) => walk(x, owner));
      if (v && typeof v === 'object') return Object.entries(v).some(([k, x]) => walk(x, owner, k));
      return false;
    };
    for (const x of this.gcp.compute.values()) {
      if (x === target) continue;
      if (x.kind === 'compute#instanceGroup' && x.selfLink === target.instanceGroup) continue;
      if (walk(x, x.selfLink)) users.push(x.selfLink);
    }
    if (target.kind === 'compute#address') users.push(...this.addressUsers(target));
    return users;
  }

  /** Normalises references in a request body to full URLs as GCE stores them. */
  normalize(v: unknown, project: string, ctx: { region?: string; zone?: string }, key = ''): unknown {
    if (
      [
        'metadata',
        'labels',
        'description',
        'tags',
        'IPAddress',
        'address',
        'ipCidrRange',
        'sourceRanges',
        'destinationRanges',
        'name',
      ].includes(key)
    )
      return v;
    if (typeof v === 'string') {
      const parsed = parseLink(
        v.startsWith('http') || v.startsWith('projects/') ? v : `projects/${project}/${v}`,
      );
      if (
        parsed &&
        /^(global|regions|zones)/.test(
          v
            .replace(/^projects\/[^/]+\//, '')
            .replace(/^https?:\/\/[^/]+\/compute\/v1\/projects\/[^/]+\//, ''),
        )
      )
        return `${BASE}${parsed.rel}`;
      if (/^[a-z][-a-z0-9]*$/.test(v)) {
        if (key === 'network') return `${BASE}projects/${project}/global/networks/${v}`;
        if (key === 'subnetwork' && ctx.region)
          return `${BASE}projects/${project}/regions/${ctx.region}/subnetworks/${v}`;
        if (key === 'machineType' && ctx.zone)
          return `${BASE}projects/${project}/zones/${ctx.zone}/machineTypes/${v}`;
        if (key === 'region') return `${BASE}projects/${project}/regions/${v}`;
        if (key === 'zone') return `${BASE}projects/${project}/zones/${v}`;
      }
      return v;
    }
    if (Array.isArray(v)) return v.map((x) => this.normalize(x, project, ctx, key));
    if (v && typeof v === 'object') {
      const out: Json = {};
      for (const [k, x] of Object.entries(v)) out[k] = this.normalize(x, project, ctx, k);
      return out;
    }
    return v;
  }

  // ---- operations ----
  operation(
    project: string,
    scope: string,
    type: string,
    target: ComputeResource | { selfLink: string; id?: unknown },
    user: string,
  ): Json {
    const now = this.gcp.now();
    const name = `operation-${now}-${randomBytes(6).toString('hex')}-${randomBytes(4).toString('hex')}`;
    const rel = `projects/${project}/${scope === 'global' ? 'global' : scope}/operations/${name}`;
    const op: Json = {
      kind: 'compute#operation',
      id: numericId(rel),
      name,
      operationType: type,
      targetLink: target.selfLink,
      targetId: typeof target.id === 'string' ? target.id : undefined,
      status: 'RUNNING',
      user,
      progress: 0,
      insertTime: stamp(now),
      startTime: stamp(now),
      selfLink: `${BASE}${rel}`,
    };
    if (scope.startsWith('zones/')) op.zone = `${BASE}projects/${project}/${scope}`;
    if (scope.startsWith('regions/')) op.region = `${BASE}projects/${project}/${scope}`;
    if (op.targetId === undefined) delete op.targetId;
    this.gcp.computeOps.set(rel, { op, doneAt: now + this.insertMs(type, target.selfLink) });
    return this.opView(rel) as Json;
  }

  opView(rel: string): Json | undefined {
    const e = this.gcp.computeOps.get(rel);
    if (!e) return undefined;
    const op = structuredClone(e.op);
    if (this.gcp.now() >= e.doneAt) {
      op.status = 'DONE';
      op.progress = 100;
      op.endTime = stamp(e.doneAt);
    }
    return op;
  }

  boot(project: string, zone: string, inst: ComputeResource): void {
    const metadata: Record<string, string> = {};
    for (const it of ((inst.metadata as Json | undefined)?.items as
      { key: string; value?: string }[] | undefined) ?? [])
      metadata[it.key] = it.value ?? '';
    try {
      this.world.vm.onBoot({ project, zone, name: inst.name, metadata });
    } catch {
      // The VM simulation's failures show in its own state, never as a Compute API error.
    }
  }

  quotaUsage(region: string, metric: string): number {
    const p = this.gcp.scn.projectId;
    let n = 0;
    for (const [rel, r] of this.gcp.compute) {
      const parsed = parseLink(rel);
      if (!parsed || parsed.project !== p) continue;
      const inRegion =
        parsed.scope === `regions/${region}` ||
        (parsed.scope.startsWith('zones/') && parsed.scope.slice(6).startsWith(`${region}-`));
      if (!inRegion) continue;
      if (
        (metric === 'STATIC_ADDRESSES' || metric === 'IN_USE_ADDRESSES') &&
        parsed.collection === 'addresses' &&
        r.addressType !== 'INTERNAL'
      )
        n++;
      if (metric === 'INSTANCE_GROUP_MANAGERS' && parsed.collection === 'instanceGroupManagers') n++;
      if (metric === 'INSTANCE_GROUPS' && parsed.collection === 'instanceGroups') n++;
      if (parsed.collection === 'instances' && metric === cpuQuotaMetric(String(r.machineType ?? '')))
        n += vcpus(String(r.machineType ?? ''));
      if (metric === 'INSTANCES' && parsed.collection === 'instances') n++;
      if (metric === 'DISKS_TOTAL_GB' && parsed.collection === 'disks') n += Number(r.sizeGb ?? 0);
    }
    return n;
  }

  /** Usage of a project-level metric from what exists: CPUS_ALL_REGIONS is every instance's vCPUs. */
  projectQuotaUsage(metric: string): number {
    const p = this.gcp.scn.projectId;
    let n = 0;
    for (const [rel, r] of this.gcp.compute) {
      const parsed = parseLink(rel);
      if (!parsed || parsed.project !== p || parsed.collection !== 'instances') continue;
      if (metric === GLOBAL_CPUS) n += vcpus(String(r.machineType ?? ''));
    }
    return n;
  }

  /** The project's quotas as projects.get lists them: the fixed ones, then the scenario's (CPUS_ALL_REGIONS, ...). */
  projectQuotas(fixed: { metric: string; limit: number; usage: number }[]): Json[] {
    return [
      ...fixed,
      ...Object.entries(this.gcp.scn.projectQuotas ?? {}).map(([metric, q]) => ({
        metric,
        limit: q.limit,
        usage: q.usage + this.projectQuotaUsage(metric),
      })),
    ];
  }

  regionView(project: string, region: string): Json {
    const r = this.gcp.scn.regions[region] as {
      zones: string[];
      quotas: Record<string, { limit: number; usage: number }>;
    };
    const rel = `projects/${project}/regions/${region}`;
    return {
      kind: 'compute#region',
      id: numericId(rel, 4),
      creationTimestamp: '1969-12-31T16:00:00.000-08:00',
      name: region,
      description: region,
      status: 'UP',
      zones: r.zones.map((z) => `${BASE}projects/${project}/zones/${z}`),
      quotas: Object.entries(r.quotas).map(([metric, q]) => ({
        metric,
        limit: q.limit,
        usage: q.usage + this.quotaUsage(region, metric),
      })),
      selfLink: `${BASE}${rel}`,
      supportsPzs: false,
    };
  }

  zoneView(project: string, zone: string, region: string): Json {
    const rel = `projects/${project}/zones/${zone}`;
    return {
      kind: 'compute#zone',
      id: numericId(rel, 4),
      creationTimestamp: '1969-12-31T16:00:00.000-08:00',
      name: zone,
      description: zone,
      status: 'UP',
      region: `${BASE}projects/${project}/regions/${region}`,
      selfLink: `${BASE}${rel}`,
      availableCpuPlatforms: [
        'Intel Broadwell',
        'Intel Cascade Lake',
        'Intel Ice Lake',
        'AMD Milan',
        'AMD Genoa',
      ],
      supportsPzs: false,
    };
  }

  /**
   * A free external IP. With `key` (a reserved address's path) the search starts at a point derived from it, so
   * the same address gets the same IP in every sandbox whatever order its inserts arrive in: terraform creates a
   * module's addresses in parallel, and tests compare two sandboxes' DNS records. Otherwise from 34.120.0.10.
   */
  allocateExternalIp(key?: string): string {
    const used = new Set([...this.gcp.compute.values()].map((r) => r.address).filter(Boolean));
    const start = key
      ? 10 + (parseInt(createHash('sha256').update(key).digest('hex').slice(0, 8), 16) % 60_000)
      : 10;
    for (let i = start; ; i++) {
      const ip = `34.${120 + Math.floor(i / 65536)}.${Math.floor(i / 256) % 256}.${i % 256}`;
      if (!used.has(ip)) return ip;
    }
  }

  allocateInternalIp(subnetLink: string | undefined): string {
    const sub = subnetLink ? this.gcp.compute.get(subnetLink.replace(BASE, '')) : undefined;
    const cidr = parseCidr(String(sub?.ipCidrRange ?? '10.128.0.0/20'));
    const used = new Set<string>();
    for (const r of this.gcp.compute.values()) {
      if (typeof r.address === 'string') used.add(r.address);
      for (const nic of (r.networkInterfaces as Json[] | undefined) ?? [])
        if (typeof nic.networkIP === 'string') used.add(nic.networkIP);
    }
    const base = cidr?.base ?? 0x0a800000;
    const n = cidr ? cidrSize(cidr) : 4096;
    for (let i = 2; i < n - 1; i++) {
      const ip = ipToString(base + i);
      if (!used.has(ip)) return ip;
    }
    return ipToString(base + 2);
  }

  /** Resolves an image link or family link to a stored image. */
  resolveImage(link: string): ComputeResource | undefined {
    const parsed = parseLink(link);
    if (!parsed || parsed.collection !== 'images') return undefined;
    if (parsed.name.startsWith('family/')) return this.fromFamily(parsed.project, parsed.name.slice(7));
    return this.gcp.compute.get(parsed.rel);
  }

  fromFamily(project: string, family: string): ComputeResource | undefined {
    return [...this.gcp.compute.entries()]
      .filter(
        ([rel, r]) =>
          rel.startsWith(`projects/${project}/global/images/`) &&
          r.family === family &&
          !(r.deprecated as Json | undefined)?.state,
      )
      .map(([, r]) => r)
      .sort((a, b) =>
        (String(b.creationTimestamp) + b.name).localeCompare(String(a.creationTimestamp) + a.name),
      )[0];
  }

  /** A machine type as the zone lists it: the predefined families' shapes, and custom-N-M. */
  machineType(p: string, zone: string, name: string): Json | undefined {
    const custom = /^(?:(?:e2|n2|n2d|n4)-)?custom-(\d+)-(\d+)$/.exec(name);
    if (custom) {
      const rel = `projects/${p}/zones/${zone}/machineTypes/${name}`;
      return {
        kind: 'compute#machineType',
        id: numericId(rel, 7),
        name,
        description: 'Custom created machine type.',
        guestCpus: Number(custom[1]),
        memoryMb: Number(custom[2]),
        zone,
        selfLink: `${BASE}${rel}`,
        isSharedCpu: false,
      };
    }
    const m =
      /^(e2|n1|n2|n2d|n4|c2|c2d|c3|c4|t2d)-(standard|highmem|highcpu|medium|small|micro)(?:-(\d+))?$/.exec(
        name,
      );
    if (!m) return undefined;
    const cpus = m[3] ? Number(m[3]) : 2;
    const mem =
      m[2] === 'highmem' ? 8 : m[2] === 'highcpu' ? 1 : m[2] === 'micro' ? 0.5 : m[2] === 'small' ? 1 : 4;
    const rel = `projects/${p}/zones/${zone}/machineTypes/${name}`;
    return {
      kind: 'compute#machineType',
      id: numericId(rel, 7),
      name,
      description: `${cpus} vCPUs, ${mem * cpus} GB RAM`,
      guestCpus: cpus,
      memoryMb: mem * cpus * 1024,
      zone,
      selfLink: `${BASE}${rel}`,
      isSharedCpu: /micro|small/.test(m[2] as string),
    };
  }
}
