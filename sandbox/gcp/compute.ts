import { randomBytes } from 'node:crypto';
import { Req, Res, Router, googleError } from '../core/http.js';
import { parseCidr, overlaps, size as cidrSize } from '../../shared/net.js';
import type { World } from '../world.js';
import {
  Json,
  apiGuard,
  authenticate,
  bodyObject,
  hasPermission,
  isRes,
  matchesFilter,
  ok,
  paginate,
  permissionDenied,
} from './common.js';
import { COMPUTE_LINK_BASE, ComputeResource, GcpWorld, numericId } from './state.js';

const C = '/compute/v1/projects/{project}';
const NAME_RE = /^[a-z](?:[-a-z0-9]{0,61}[a-z0-9])?$/;
const BASE = COMPUTE_LINK_BASE;

const SINGULAR: Record<string, string> = {
  addresses: 'address',
  globalAddresses: 'address',
  policies: 'policy',
  regionHealthChecks: 'healthCheck',
};
function singular(collection: string): string {
  return (
    SINGULAR[collection] ??
    (collection.endsWith('ses') ? collection.slice(0, -2) : collection.replace(/s$/, ''))
  );
}

function stamp(ms = Date.now()): string {
  return new Date(ms).toISOString().replace('Z', '-00:00');
}

function fingerprint(): string {
  return randomBytes(8).toString('base64');
}

function vcpus(machineType: string): number {
  const name = machineType.split('/').pop() ?? '';
  const custom = /custom-(\d+)-\d+$/.exec(name);
  if (custom) return Number(custom[1]);
  const m = /-(\d+)$/.exec(name);
  return m ? Number(m[1]) : 2;
}

function ipToString(n: number): string {
  return [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');
}

function conditionNotMet(message: string): Res {
  const res = googleError(412, message, 'conditionNotMet');
  const err = (res.body as { error: { errors: Json[] } }).error.errors[0] as Json;
  err.location = 'If-Match';
  err.locationType = 'header';
  return res;
}

function notFound(path: string): Res {
  return googleError(404, `The resource '${path}' was not found`, 'notFound');
}

function invalid(field: string, value: unknown, why: string): Res {
  return googleError(
    400,
    `Invalid value for field '${field}': '${typeof value === 'string' ? value : JSON.stringify(value)}'. ${why}`,
    'invalid',
  );
}

/** Parses a Compute link or relative path into its project, scope and collection. */
export function parseLink(
  link: string,
): { project: string; scope: string; collection: string; name: string; rel: string } | undefined {
  const m =
    /^(?:https?:\/\/[^/]+\/compute\/(?:v1|beta|alpha)\/)?projects\/([^/]+)\/(global|regions\/[^/]+|zones\/[^/]+)\/([a-zA-Z]+)\/(.+)$/.exec(
      link,
    );
  if (!m) return undefined;
  return {
    project: m[1] as string,
    scope: m[2] as string,
    collection: m[3] as string,
    name: m[4] as string,
    rel: `projects/${m[1]}/${m[2]}/${m[3]}/${m[4]}`,
  };
}

/** The Compute emulator: a generic resource store keyed by self path, with the behaviours the bundle relies on. */
export class ComputeEmulator {
  constructor(
    private readonly world: World,
    private readonly gcp: GcpWorld,
  ) {}

  get opMs(): number {
    return this.gcp.scn.operationMs ?? 50;
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
    this.gcp.computeOps.set(rel, { op, doneAt: now + this.opMs });
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
      if (metric === 'CPUS' && parsed.collection === 'instances') n += vcpus(String(r.machineType ?? ''));
      if (metric === 'INSTANCES' && parsed.collection === 'instances') n++;
      if (metric === 'DISKS_TOTAL_GB' && parsed.collection === 'disks') n += Number(r.sizeGb ?? 0);
    }
    return n;
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

  allocateExternalIp(): string {
    const used = new Set([...this.gcp.compute.values()].map((r) => r.address).filter(Boolean));
    for (let i = 10; ; i++) {
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
}

type Scope = { kind: 'global' } | { kind: 'regions'; name: string } | { kind: 'zones'; name: string };

export function computeRouter(world: World): Router {
  const gcp = world.gcp as GcpWorld;
  const ce = new ComputeEmulator(world, gcp);
  ce.seed();
  const r = new Router();
  apiGuard(gcp, r, 'compute.googleapis.com');
  const userOf = (req: Req) => {
    const who = authenticate(gcp, req);
    return 'email' in who ? who.email : gcp.clientEmail;
  };
  const publicImageProjects = () =>
    new Set(gcp.scn.images.map((i) => parseLink(i.path)?.project).filter(Boolean) as string[]);
  /** The project id for the path's project, or a 404 as GCE answers for a project it does not know. */
  const proj = (req: Req, allowPublicImages = false): string | Res => {
    const p = req.params.project as string;
    const id = gcp.project(p);
    if (id) return id;
    if (allowPublicImages && publicImageProjects().has(p)) return p;
    return notFound(`projects/${p}`);
  };
  const scopeOf = (req: Req): Scope | Res => {
    const kind = req.params.scopeKind;
    const name = req.params.scope as string;
    if (kind === undefined) return { kind: 'global' };
    if (kind === 'regions')
      return gcp.scn.regions[name]
        ? { kind, name }
        : notFound(`projects/${req.params.project}/regions/${name}`);
    if (kind === 'zones')
      return ce.zonesOf().some((z) => z.zone === name)
        ? { kind, name }
        : notFound(`projects/${req.params.project}/zones/${name}`);
    return googleError(404, `No route ${req.method} ${req.path}`, 'notFound');
  };
  const scopePath = (s: Scope) => (s.kind === 'global' ? 'global' : `${s.kind}/${s.name}`);
  const need = (perm: string, resource: string): Res | undefined =>
    hasPermission(gcp, perm) ? undefined : permissionDenied(perm, resource);
  const verbPerm = (collection: string, verb: string) =>
    `compute.${collection === 'globalAddresses' ? 'globalAddresses' : collection}.${verb}`;

  const listBody = (req: Req, project: string, collection: string, items: Json[], scope: string): Res => {
    const filtered = items
      .filter((i) => matchesFilter(i, req.query.get('filter')))
      .sort((a, b) => String(a.name).localeCompare(String(b.name)));
    const page = paginate(filtered, req, 'maxResults', 500, 500);
    if (isRes(page)) return page;
    const rel = `projects/${project}/${scope ? `${scope}/` : ''}${collection}`;
    const body: Json = { kind: `compute#${singular(collection)}List`, id: rel, selfLink: `${BASE}${rel}` };
    if (page.items.length) body.items = page.items;
    if (page.nextPageToken) body.nextPageToken = page.nextPageToken;
    return ok(body);
  };

  // ---- project, regions, zones, machine types ----
  r.get(C, (req) => {
    const p = proj(req);
    if (isRes(p)) return p;
    return ok({
      kind: 'compute#project',
      id: gcp.scn.projectNumber,
      name: p,
      creationTimestamp: '2024-03-01T04:00:00.000-08:00',
      commonInstanceMetadata: { kind: 'compute#metadata', fingerprint: 'n6PyWmMFEi4=' },
      quotas: [
        { metric: 'NETWORKS', limit: 15, usage: gcp.listResources('networks', p).length },
        { metric: 'FIREWALLS', limit: 200, usage: 0 },
        { metric: 'IMAGES', limit: 2000, usage: 0 },
      ],
      selfLink: `${BASE}projects/${p}`,
      defaultServiceAccount: `${gcp.scn.projectNumber}-compute@developer.gserviceaccount.com`,
      xpnProjectStatus: 'UNSPECIFIED_XPN_PROJECT_STATUS',
      defaultNetworkTier: 'PREMIUM',
      vmDnsSetting: 'ZONAL_ONLY',
    });
  });
  r.get(`${C}/regions`, (req) => {
    const p = proj(req);
    if (isRes(p)) return p;
    return listBody(
      req,
      p,
      'regions',
      ce.regionsOf().map((reg) => ce.regionView(p, reg)),
      '',
    );
  });
  r.get(`${C}/regions/{region}`, (req) => {
    const p = proj(req);
    if (isRes(p)) return p;
    const region = req.params.region as string;
    if (!gcp.scn.regions[region]) return notFound(`projects/${req.params.project}/regions/${region}`);
    return ok(ce.regionView(p, region));
  });
  r.get(`${C}/zones`, (req) => {
    const p = proj(req);
    if (isRes(p)) return p;
    return listBody(
      req,
      p,
      'zones',
      ce.zonesOf().map((z) => ce.zoneView(p, z.zone, z.region)),
      '',
    );
  });
  r.get(`${C}/zones/{zone}`, (req) => {
    const p = proj(req);
    if (isRes(p)) return p;
    const z = ce.zonesOf().find((x) => x.zone === req.params.zone);
    if (!z) return notFound(`projects/${req.params.project}/zones/${req.params.zone}`);
    return ok(ce.zoneView(p, z.zone, z.region));
  });
  const machineType = (p: string, zone: string, name: string): Json | undefined => {
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
    const m = /^(e2|n1|n2|n2d|n4|c3|c4|t2d)-(standard|highmem|highcpu|medium|small|micro)(?:-(\d+))?$/.exec(
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
  };
  r.get(`${C}/zones/{zone}/machineTypes/{name}`, (req) => {
    const p = proj(req);
    if (isRes(p)) return p;
    if (!ce.zonesOf().some((z) => z.zone === req.params.zone))
      return notFound(`projects/${req.params.project}/zones/${req.params.zone}`);
    const mt = machineType(p, req.params.zone as string, req.params.name as string);
    return mt
      ? ok(mt)
      : notFound(`projects/${req.params.project}/zones/${req.params.zone}/machineTypes/${req.params.name}`);
  });

  // ---- images ----
  r.get(`${C}/global/images/family/{family}`, (req) => {
    const p = proj(req, true);
    if (isRes(p)) return p;
    const img = ce.fromFamily(p, req.params.family as string);
    return img
      ? ok(ce.view(img))
      : notFound(`projects/${req.params.project}/global/images/family/${req.params.family}`);
  });

  // ---- operations (zone / region / global) ----
  const opRoutes = (prefix: string, scoped: boolean) => {
    const opRel = (req: Req, p: string) =>
      `projects/${p}/${scoped ? `${req.params.scopeKind}/${req.params.scope}` : 'global'}/operations/${req.params.op}`;
    r.get(`${prefix}/operations`, (req) => {
      const p = proj(req);
      if (isRes(p)) return p;
      const pre = `projects/${p}/${scoped ? `${req.params.scopeKind}/${req.params.scope}` : 'global'}/operations/`;
      const items = [...gcp.computeOps.keys()]
        .filter((k) => k.startsWith(pre))
        .map((k) => ce.opView(k) as Json);
      return listBody(
        req,
        p,
        'operations',
        items,
        scoped ? `${req.params.scopeKind}/${req.params.scope}` : 'global',
      );
    });
    r.get(`${prefix}/operations/{op}`, (req) => {
      const p = proj(req);
      if (isRes(p)) return p;
      const v = ce.opView(opRel(req, p));
      return v ? ok(v) : notFound(opRel(req, req.params.project as string));
    });
    r.post(
      `${prefix}/operations/{op}/wait`,
      async (req) => {
        const p = proj(req);
        if (isRes(p)) return p;
        const rel = opRel(req, p);
        const e = gcp.computeOps.get(rel);
        if (!e) return notFound(opRel(req, req.params.project as string));
        // Like GCE: answer when the operation is DONE, or after about two minutes with it still RUNNING.
        // Loop, since a timer may fire a millisecond before the clock the operation is judged by.
        const giveUpAt = gcp.now() + 120_000;
        for (let now = gcp.now(); now < e.doneAt && now < giveUpAt; now = gcp.now()) {
          await new Promise((res) => setTimeout(res, Math.max(1, Math.min(e.doneAt, giveUpAt) - now)));
        }
        return ok(ce.opView(rel));
      },
      { mutating: false },
    );
    r.delete(`${prefix}/operations/{op}`, (req) => {
      const p = proj(req);
      if (isRes(p)) return p;
      return gcp.computeOps.delete(opRel(req, p))
        ? ok({})
        : notFound(opRel(req, req.params.project as string));
    });
  };
  opRoutes(`${C}/global`, false);
  opRoutes(`${C}/{scopeKind}/{scope}`, true);

  // ---- aggregated lists ----
  r.get(`${C}/aggregated/{collection}`, (req) => {
    const p = proj(req);
    if (isRes(p)) return p;
    const collection = req.params.collection as string;
    const all = [...gcp.compute.entries()]
      .filter(([rel]) => rel.startsWith(`projects/${p}/`) && parseLink(rel)?.collection === collection)
      .map(([rel, res]) => ({ scope: (parseLink(rel) as { scope: string }).scope, res: ce.view(res) }))
      .filter((x) => matchesFilter(x.res, req.query.get('filter')))
      .sort((a, b) => (a.scope + String(a.res.name)).localeCompare(b.scope + String(b.res.name)));
    const page = paginate(all, req, 'maxResults', 500, 500);
    if (isRes(page)) return page;
    const items: Record<string, Json> = {};
    const scopes =
      collection === 'instances' || collection === 'disks' || collection === 'instanceGroups'
        ? ce.zonesOf().map((z) => `zones/${z.zone}`)
        : ['global', ...ce.regionsOf().map((x) => `regions/${x}`)];
    for (const s of scopes)
      items[s] = {
        warning: {
          code: 'NO_RESULTS_ON_PAGE',
          message: `There are no results for scope '${s}' on this page.`,
          data: [{ key: 'scope', value: s }],
        },
      };
    for (const x of page.items) {
      const cur = items[x.scope];
      const list = cur && Array.isArray(cur[collection]) ? (cur[collection] as Json[]) : [];
      list.push(x.res);
      items[x.scope] = { [collection]: list };
    }
    const rel = `projects/${p}/aggregated/${collection}`;
    const body: Json = {
      kind: `compute#${singular(collection)}AggregatedList`,
      id: rel,
      items,
      selfLink: `${BASE}${rel}`,
    };
    if (page.nextPageToken) body.nextPageToken = page.nextPageToken;
    return ok(body);
  });

  // ---- instances: special verbs ----
  const Z = `${C}/zones/{zone}/instances/{name}`;
  const instanceOf = (req: Req): { p: string; rel: string; inst: ComputeResource } | Res => {
    const p = proj(req);
    if (isRes(p)) return p;
    if (!ce.zonesOf().some((z) => z.zone === req.params.zone))
      return notFound(`projects/${req.params.project}/zones/${req.params.zone}`);
    const rel = `projects/${p}/zones/${req.params.zone}/instances/${req.params.name}`;
    const inst = gcp.compute.get(rel);
    return inst
      ? { p, rel, inst }
      : notFound(`projects/${req.params.project}/zones/${req.params.zone}/instances/${req.params.name}`);
  };
  r.post(`${Z}/setMetadata`, (req) => {
    const x = instanceOf(req);
    if (isRes(x)) return x;
    const denied = need('compute.instances.setMetadata', x.rel);
    if (denied) return denied;
    const b = bodyObject(req);
    const md = (x.inst.metadata as Json | undefined) ?? {};
    if (b.fingerprint !== md.fingerprint)
      return conditionNotMet('Supplied fingerprint does not match current metadata fingerprint.');
    const items = Array.isArray(b.items) ? (b.items as { key?: unknown; value?: unknown }[]) : [];
    const keys = new Set<string>();
    for (const it of items) {
      if (typeof it.key !== 'string' || !/^[a-zA-Z0-9-_]{1,128}$/.test(it.key))
        return invalid('metadata.items.key', it.key, 'Must be a match of regex [a-zA-Z0-9-_]{1,128}');
      if (keys.has(it.key))
        return googleError(
          400,
          `Invalid value for field 'metadata.items': duplicate key '${it.key}'.`,
          'invalid',
        );
      keys.add(it.key);
    }
    x.inst.metadata = {
      kind: 'compute#metadata',
      fingerprint: fingerprint(),
      items: items.map((i) => ({ key: i.key, value: i.value === undefined ? '' : String(i.value) })),
    };
    if (!(x.inst.metadata as Json).items || items.length === 0) delete (x.inst.metadata as Json).items;
    return ok(ce.operation(x.p, `zones/${req.params.zone}`, 'setMetadata', x.inst, userOf(req)));
  });
  const power = (verb: 'reset' | 'start' | 'stop') =>
    r.post(`${Z}/${verb}`, (req) => {
      const x = instanceOf(req);
      if (isRes(x)) return x;
      const denied = need(`compute.instances.${verb}`, x.rel);
      if (denied) return denied;
      if (verb === 'reset' && x.inst.status !== 'RUNNING')
        return googleError(400, `The resource '${x.rel}' is not ready`, 'resourceNotReady');
      x.inst.status = verb === 'stop' ? 'TERMINATED' : 'RUNNING';
      if (verb === 'stop') x.inst.lastStopTimestamp = stamp();
      else x.inst.lastStartTimestamp = stamp();
      const op = ce.operation(x.p, `zones/${req.params.zone}`, verb, x.inst, userOf(req));
      if (verb !== 'stop') ce.boot(x.p, req.params.zone as string, x.inst);
      return ok(op);
    });
  power('reset');
  power('start');
  power('stop');
  r.get(`${Z}/getGuestAttributes`, (req) => {
    const x = instanceOf(req);
    if (isRes(x)) return x;
    const attrs = gcp.guestAttributes(x.rel);
    const variableKey = req.query.get('variableKey');
    const selfLink = `${x.inst.selfLink}/guestAttributes/`;
    if (variableKey) {
      if (!(variableKey in attrs)) return notFound(`${x.rel}/guestAttributes/${variableKey}`);
      return ok({
        kind: 'compute#guestAttributes',
        selfLink: `${selfLink}${variableKey}`,
        variableKey,
        variableValue: attrs[variableKey],
      });
    }
    const queryPath = req.query.get('queryPath') ?? '';
    const items = Object.entries(attrs)
      .filter(([k]) => k.startsWith(queryPath))
      .map(([k, value]) => {
        const [namespace, ...rest] = k.split('/');
        return { namespace, key: rest.join('/'), value };
      });
    if (items.length === 0) return notFound(`${x.rel}/guestAttributes/${queryPath}`);
    return ok({
      kind: 'compute#guestAttributes',
      selfLink: `${selfLink}${queryPath}`,
      queryPath,
      queryValue: { items },
    });
  });
  r.post(`${C}/regions/{region}/instanceGroupManagers/{name}/resize`, (req) => {
    const p = proj(req);
    if (isRes(p)) return p;
    const rel = `projects/${p}/regions/${req.params.region}/instanceGroupManagers/${req.params.name}`;
    const igm = gcp.compute.get(rel);
    if (!igm) return notFound(rel);
    const size = Number(req.query.get('size'));
    if (!Number.isInteger(size) || size < 0)
      return invalid('size', req.query.get('size'), 'Must be a non-negative integer.');
    igm.targetSize = size;
    igm.currentActions = { ...(igm.currentActions as Json), none: size };
    return ok(
      ce.operation(
        p,
        `regions/${req.params.region}`,
        'compute.regionInstanceGroupManagers.resize',
        igm,
        userOf(req),
      ),
    );
  });

  // ---- generic collections ----
  const genericRoutes = (prefix: string) => {
    const where = (req: Req): { p: string; scope: Scope; collection: string } | Res => {
      const collection = req.params.collection as string;
      const p = proj(req, collection === 'images' && req.method === 'GET');
      if (isRes(p)) return p;
      const scope = scopeOf(req);
      if (isRes(scope)) return scope;
      return { p, scope, collection };
    };
    r.get(`${prefix}/{collection}`, (req) => {
      const w = where(req);
      if (isRes(w)) return w;
      const pre = `projects/${w.p}/${scopePath(w.scope)}/${w.collection}/`;
      const items = [...gcp.compute.entries()]
        .filter(([rel]) => rel.startsWith(pre) && !rel.slice(pre.length).includes('/'))
        .map(([, res]) => ce.view(res));
      return listBody(req, w.p, w.collection, items, scopePath(w.scope));
    });
    r.get(`${prefix}/{collection}/{name}`, (req) => {
      const w = where(req);
      if (isRes(w)) return w;
      const rel = `projects/${w.p}/${scopePath(w.scope)}/${w.collection}/${req.params.name}`;
      const res = gcp.compute.get(rel);
      return res
        ? ok(ce.view(res))
        : notFound(`projects/${req.params.project}/${scopePath(w.scope)}/${w.collection}/${req.params.name}`);
    });
    r.post(`${prefix}/{collection}`, (req) => {
      const w = where(req);
      if (isRes(w)) return w;
      return insert(req, w.p, w.scope, w.collection);
    });
    r.delete(`${prefix}/{collection}/{name}`, (req) => {
      const w = where(req);
      if (isRes(w)) return w;
      const rel = `projects/${w.p}/${scopePath(w.scope)}/${w.collection}/${req.params.name}`;
      const res = gcp.compute.get(rel);
      if (!res)
        return notFound(
          `projects/${req.params.project}/${scopePath(w.scope)}/${w.collection}/${req.params.name}`,
        );
      const denied = need(verbPerm(w.collection, 'delete'), rel);
      if (denied) return denied;
      const users = ce.usersOf(res).filter((u) => u !== res.selfLink);
      if (users.length) {
        return googleError(
          400,
          `The ${singular(w.collection)
            .replace(/([A-Z])/g, ' $1')
            .toLowerCase()} resource '${rel}' is already being used by '${(users[0] as string).replace(BASE, '')}'`,
          'resourceInUseByAnotherResource',
        );
      }
      gcp.compute.delete(rel);
      if (w.collection === 'instances') {
        for (const d of (res.disks as Json[] | undefined) ?? []) {
          if (d.autoDelete && typeof d.source === 'string') gcp.compute.delete(d.source.replace(BASE, ''));
        }
        gcp.guest.delete(rel);
      }
      if (typeof res.instanceGroup === 'string') gcp.compute.delete(res.instanceGroup.replace(BASE, ''));
      return ok(ce.operation(w.p, scopePath(w.scope), 'delete', res, userOf(req)));
    });
    r.patch(`${prefix}/{collection}/{name}`, (req) => {
      const w = where(req);
      if (isRes(w)) return w;
      const rel = `projects/${w.p}/${scopePath(w.scope)}/${w.collection}/${req.params.name}`;
      const res = gcp.compute.get(rel);
      if (!res) return notFound(rel);
      const denied = need(verbPerm(w.collection, 'update'), rel);
      if (denied) return denied;
      const b = ce.normalize(bodyObject(req), w.p, {
        region: w.scope.kind === 'regions' ? w.scope.name : undefined,
      }) as Json;
      if (b.fingerprint !== undefined && res.fingerprint !== undefined && b.fingerprint !== res.fingerprint)
        return conditionNotMet('Supplied fingerprint does not match current fingerprint.');
      for (const [k, v] of Object.entries(b))
        if (!['name', 'selfLink', 'id', 'kind', 'fingerprint'].includes(k)) res[k] = v;
      if (res.fingerprint !== undefined) res.fingerprint = fingerprint();
      return ok(ce.operation(w.p, scopePath(w.scope), 'patch', res, userOf(req)));
    });
    r.post(`${prefix}/{collection}/{name}/setLabels`, (req) => {
      const w = where(req);
      if (isRes(w)) return w;
      const rel = `projects/${w.p}/${scopePath(w.scope)}/${w.collection}/${req.params.name}`;
      const res = gcp.compute.get(rel);
      if (!res) return notFound(rel);
      const b = bodyObject(req);
      if (b.labelFingerprint !== (res.labelFingerprint ?? '42WmSpB8rSM='))
        return conditionNotMet('Labels fingerprint either invalid or resource labels have changed');
      res.labels = (b.labels as Json | undefined) ?? {};
      res.labelFingerprint = fingerprint();
      return ok(ce.operation(w.p, scopePath(w.scope), 'setLabels', res, userOf(req)));
    });
  };
  genericRoutes(`${C}/global`);
  genericRoutes(`${C}/{scopeKind}/{scope}`);

  // ---- insert ----
  const insert = (req: Req, p: string, scope: Scope, collection: string): Res => {
    const raw = bodyObject(req);
    const name = raw.name;
    const sp = scopePath(scope);
    if (typeof name !== 'string' || !NAME_RE.test(name))
      return invalid(
        'resource.name',
        name ?? '',
        "Must be a match of regex '(?:[a-z](?:[-a-z0-9]{0,61}[a-z0-9])?)'",
      );
    const rel = `projects/${p}/${sp}/${collection}/${name}`;
    const denied = need(verbPerm(collection, 'create'), rel);
    if (denied) return denied;
    if (gcp.compute.has(rel))
      return googleError(409, `The resource '${rel}' already exists`, 'alreadyExists');
    const region =
      scope.kind === 'regions'
        ? scope.name
        : scope.kind === 'zones'
          ? ce.zonesOf().find((z) => z.zone === scope.name)?.region
          : undefined;
    const zone = scope.kind === 'zones' ? scope.name : undefined;
    const body = ce.normalize(raw, p, { region, zone }) as Json;
    if (raw.labels !== undefined) body.labelFingerprint = fingerprint();
    const refMissing = (link: unknown, field: string): Res | undefined => {
      if (typeof link !== 'string') return undefined;
      const parsed = parseLink(link);
      if (!parsed) return invalid(field, link, 'Must be a URL to a Compute resource.');
      if (parsed.collection === 'images') return ce.resolveImage(link) ? undefined : notFound(parsed.rel);
      if (
        [
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
        ].includes(parsed.collection) &&
        !gcp.compute.has(parsed.rel)
      )
        return notFound(parsed.rel);
      return undefined;
    };
    const checkQuota = (metric: string, add: number): Res | undefined => {
      if (!region) return undefined;
      const q = gcp.scn.regions[region]?.quotas[metric];
      if (!q) return undefined;
      if (q.usage + ce.quotaUsage(region, metric) + add > q.limit)
        return googleError(
          403,
          `Quota '${metric}' exceeded.  Limit: ${q.limit.toFixed(1)} in region ${region}.`,
          'quotaExceeded',
        );
      return undefined;
    };
    const extra: Json = {};
    const created: { rel: string; body: Json }[] = [];

    switch (collection) {
      case 'instances': {
        if (typeof body.machineType !== 'string')
          return invalid('resource.machineType', '', 'Must be specified.');
        const mt = parseLink(body.machineType);
        if (!mt || !machineType(p, zone as string, mt.name))
          return invalid(
            'resource.machineType',
            body.machineType,
            'Machine type with name was not found in zone.',
          );
        const q = checkQuota('CPUS', vcpus(mt.name));
        if (q) return q;
        const disks = Array.isArray(body.disks) ? (body.disks as Json[]) : [];
        if (!disks.some((d) => d.boot))
          return googleError(
            400,
            "Invalid value for field 'resource.disks': ''. Boot disk must be specified.",
            'invalid',
          );
        for (const [i, d] of disks.entries()) {
          const init = d.initializeParams as Json | undefined;
          if (init) {
            const miss = refMissing(init.sourceImage, `resource.disks[${i}].initializeParams.sourceImage`);
            if (miss) return miss;
            const diskName =
              typeof init.diskName === 'string' ? init.diskName : i === 0 ? name : `${name}-${i}`;
            const img = typeof init.sourceImage === 'string' ? ce.resolveImage(init.sourceImage) : undefined;
            const diskRel = `projects/${p}/zones/${zone}/disks/${diskName}`;
            created.push({
              rel: diskRel,
              body: {
                kind: 'compute#disk',
                sizeGb: String(init.diskSizeGb ?? img?.diskSizeGb ?? '10'),
                status: 'READY',
                sourceImage: img?.selfLink,
                type: `${BASE}projects/${p}/zones/${zone}/diskTypes/${typeof init.diskType === 'string' ? (init.diskType.split('/').pop() as string) : 'pd-standard'}`,
                users: [`${BASE}${rel}`],
                labels: init.labels,
              },
            });
            d.source = `${BASE}${diskRel}`;
            d.autoDelete = d.autoDelete ?? true;
            delete d.initializeParams;
          } else {
            const miss = refMissing(d.source, `resource.disks[${i}].source`);
            if (miss) return miss;
          }
          d.kind = 'compute#attachedDisk';
          d.index = i;
          d.deviceName = d.deviceName ?? (i === 0 ? 'persistent-disk-0' : `persistent-disk-${i}`);
          d.type = d.type ?? 'PERSISTENT';
          d.mode = d.mode ?? 'READ_WRITE';
          d.interface = d.interface ?? 'SCSI';
        }
        const nics = Array.isArray(body.networkInterfaces) ? (body.networkInterfaces as Json[]) : [{}];
        for (const [i, nic] of nics.entries()) {
          nic.network = nic.network ?? `${BASE}projects/${p}/global/networks/default`;
          if (!nic.subnetwork) {
            const sub = [...gcp.compute.values()].find(
              (s) =>
                s.kind === 'compute#subnetwork' &&
                s.network === nic.network &&
                s.region === `${BASE}projects/${p}/regions/${region}`,
            );
            if (sub) nic.subnetwork = sub.selfLink;
          }
          const miss =
            refMissing(nic.network, `resource.networkInterfaces[${i}].network`) ??
            refMissing(nic.subnetwork, `resource.networkInterfaces[${i}].subnetwork`);
          if (miss) return miss;
          nic.kind = 'compute#networkInterface';
          nic.name = `nic${i}`;
          nic.networkIP = nic.networkIP ?? ce.allocateInternalIp(nic.subnetwork as string | undefined);
          nic.fingerprint = fingerprint();
          nic.stackType = nic.stackType ?? 'IPV4_ONLY';
          for (const ac of (nic.accessConfigs as Json[] | undefined) ?? []) {
            ac.kind = 'compute#accessConfig';
            ac.type = ac.type ?? 'ONE_TO_ONE_NAT';
            ac.name = ac.name ?? 'External NAT';
            ac.natIP = ac.natIP ?? ce.allocateExternalIp();
            ac.networkTier = ac.networkTier ?? 'PREMIUM';
          }
        }
        body.networkInterfaces = nics;
        const md = (raw.metadata as Json | undefined) ?? {};
        const items = Array.isArray(md.items)
          ? (md.items as Json[]).map((it) => ({
              key: String(it.key),
              value: it.value === undefined ? '' : String(it.value),
            }))
          : [];
        body.metadata = items.length
          ? { kind: 'compute#metadata', fingerprint: fingerprint(), items }
          : { kind: 'compute#metadata', fingerprint: fingerprint() };
        const tags = raw.tags as Json | undefined;
        body.tags = tags?.items
          ? { items: tags.items, fingerprint: fingerprint() }
          : { fingerprint: fingerprint() };
        Object.assign(extra, {
          status: 'RUNNING',
          cpuPlatform: 'Intel Broadwell',
          lastStartTimestamp: stamp(),
          startRestricted: false,
          deletionProtection: false,
          fingerprint: fingerprint(),
        });
        body.scheduling = body.scheduling ?? {
          onHostMaintenance: 'MIGRATE',
          automaticRestart: true,
          preemptible: false,
          provisioningModel: 'STANDARD',
        };
        break;
      }
      case 'addresses':
      case 'globalAddresses': {
        const internal = body.addressType === 'INTERNAL';
        if (!internal) {
          const q = checkQuota('STATIC_ADDRESSES', 1);
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
          (internal ? ce.allocateInternalIp(body.subnetwork as string | undefined) : ce.allocateExternalIp());
        extra.status = 'RESERVED';
        body.addressType = body.addressType ?? 'EXTERNAL';
        if (!internal) body.networkTier = body.networkTier ?? 'PREMIUM';
        body.ipVersion = body.ipVersion ?? 'IPV4';
        break;
      }
      case 'networks': {
        body.autoCreateSubnetworks = body.autoCreateSubnetworks ?? true;
        body.routingConfig = body.routingConfig ?? { routingMode: 'REGIONAL' };
        body.networkFirewallPolicyEnforcementOrder = 'AFTER_CLASSIC_FIREWALL';
        break;
      }
      case 'subnetworks': {
        if (typeof body.network !== 'string') return invalid('resource.network', '', 'Must be specified.');
        const miss = refMissing(body.network, 'resource.network');
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
        body.privateIpGoogleAccess = body.privateIpGoogleAccess ?? false;
        break;
      }
      case 'firewalls': {
        body.network = body.network ?? `${BASE}projects/${p}/global/networks/default`;
        const miss = refMissing(body.network, 'resource.network');
        if (miss) return miss;
        body.direction = body.direction ?? 'INGRESS';
        body.priority = body.priority ?? 1000;
        body.disabled = body.disabled ?? false;
        if (
          body.direction === 'INGRESS' &&
          !body.sourceRanges &&
          !body.sourceTags &&
          !body.sourceServiceAccounts
        )
          body.sourceRanges = ['0.0.0.0/0'];
        break;
      }
      case 'forwardingRules':
      case 'globalForwardingRules': {
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
        break;
      }
      case 'instanceTemplates':
      case 'regionInstanceTemplates': {
        if (!body.properties || typeof body.properties !== 'object')
          return invalid('resource.properties', '', 'Must be specified.');
        break;
      }
      case 'instanceGroupManagers': {
        // The Terraform provider sends versions[] only (instanceTemplate is the API's older single-template field).
        body.instanceTemplate ??= ((body.versions as Json[] | undefined)?.[0] as Json | undefined)
          ?.instanceTemplate;
        const miss = refMissing(body.instanceTemplate, 'resource.instanceTemplate');
        if (miss) return miss;
        if (typeof body.instanceTemplate !== 'string')
          return invalid('resource.instanceTemplate', '', 'Must be specified.');
        if (region && scope.kind === 'regions') {
          const q = checkQuota('INSTANCE_GROUP_MANAGERS', 1);
          if (q) return q;
        }
        const igRel = `projects/${p}/${sp}/instanceGroups/${name}`;
        created.push({
          rel: igRel,
          body: {
            kind: 'compute#instanceGroup',
            size: Number(body.targetSize ?? 0),
            namedPorts: body.namedPorts,
            fingerprint: fingerprint(),
          },
        });
        extra.instanceGroup = `${BASE}${igRel}`;
        extra.fingerprint = fingerprint();
        extra.status = {
          isStable: true,
          versionTarget: { isReached: true },
          stateful: { hasStatefulConfig: false },
          allInstancesConfig: { effective: true },
        };
        extra.currentActions = {
          none: Number(body.targetSize ?? 0),
          creating: 0,
          creatingWithoutRetries: 0,
          verifying: 0,
          recreating: 0,
          deleting: 0,
          abandoning: 0,
          restarting: 0,
          refreshing: 0,
          resuming: 0,
          starting: 0,
          stopping: 0,
          suspending: 0,
        };
        body.baseInstanceName = body.baseInstanceName ?? name;
        body.targetSize = Number(body.targetSize ?? 0);
        body.listManagedInstancesResults = body.listManagedInstancesResults ?? 'PAGELESS';
        body.updatePolicy = body.updatePolicy ?? {
          type: 'OPPORTUNISTIC',
          minimalAction: 'REPLACE',
          maxSurge: { fixed: 3, calculated: 3 },
          maxUnavailable: { fixed: 3, calculated: 3 },
          replacementMethod: 'SUBSTITUTE',
        };
        if (scope.kind === 'regions') {
          const zones = ce.zonesOf().filter((z) => z.region === region);
          body.distributionPolicy = body.distributionPolicy ?? {
            zones: zones.map((z) => ({ zone: `${BASE}projects/${p}/zones/${z.zone}` })),
            targetShape: 'EVEN',
          };
        }
        break;
      }
      case 'disks': {
        const miss = refMissing(body.sourceImage, 'resource.sourceImage');
        if (miss) return miss;
        body.sizeGb = String(body.sizeGb ?? '10');
        extra.status = 'READY';
        break;
      }
      default:
        if (body.fingerprint === undefined) extra.fingerprint = fingerprint();
    }
    for (const c of created) ce.put(c.rel, c.body);
    const res = ce.put(rel, { ...body, ...extra });
    const op = ce.operation(p, sp, 'insert', res, userOf(req));
    if (collection === 'instances' && zone) {
      const md = (res.metadata as Json).items as { key: string }[] | undefined;
      if (md?.some((i) => i.key === 'startup-script')) ce.boot(p, zone, res);
    }
    return ok(op);
  };

  return r;
}
