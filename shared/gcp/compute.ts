/**
 * Compute Engine through the OFFICIAL @google-cloud/compute clients (REST transport), loaded lazily: the package is
 * 108 MB and takes seconds to load, so nothing imports it at module top level; each client is a deep import of its
 * own file, so a bundle carries only the clients used here.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { OAuth2Client } from 'google-auth-library';
import { Clock, realClock } from '../clock.js';
import type { Endpoints } from '../endpoints.js';
import { ConfigurationError, RemoteError, errorMessage } from '../errors.js';
import { Logger, nullLogger } from '../logger.js';
import { isRefusedUnapplied, isTransient, parseRetryAfter, retry, waitFor } from '../retry.js';
import type { TokenSource } from './token.js';

export * from './compute-types.js';
import type {
  ComputeObject,
  Image,
  Instance,
  MetadataChange,
  Operation,
  Region,
  Subnetwork,
  Zone,
} from './compute-types.js';

/** One resource found by aggregatedList: `scope` is `zones/<z>`, `regions/<r>` or `global`. */
export interface AggregatedItem {
  collection: ComputeCollection;
  scope: string;
  name: string;
  selfLink?: string;
  labels: Record<string, string>;
  resource: ComputeObject;
}

export interface WaitOperationOptions {
  deadlineMs?: number;
  intervalMs?: number;
}

// ---------------------------------------------------------------- the official clients, loaded lazily

type Req = Record<string, unknown>;
interface CallOpts {
  retry?: null;
  timeout?: number;
  autoPaginate?: boolean;
}
interface GaxClient {
  close(): Promise<void>;
}
interface GetClient extends GaxClient {
  get(req: Req, opts?: CallOpts): Promise<[ComputeObject, ...unknown[]]>;
}
interface ListClient extends GaxClient {
  listAsync(req: Req, opts?: CallOpts): AsyncIterable<ComputeObject>;
}
interface AggregatedClient extends ListClient {
  aggregatedListAsync(req: Req, opts?: CallOpts): AsyncIterable<[string, ComputeObject]>;
}
type LroResult = Promise<[{ latestResponse: ComputeObject }, ...unknown[]]>;
interface InstancesClientLike extends GetClient, AggregatedClient {
  setMetadata(req: Req, opts?: CallOpts): LroResult;
  reset(req: Req, opts?: CallOpts): LroResult;
  getGuestAttributes(req: Req, opts?: CallOpts): Promise<[ComputeObject, ...unknown[]]>;
  getSerialPortOutput(req: Req, opts?: CallOpts): Promise<[ComputeObject, ...unknown[]]>;
}
interface ImagesClientLike extends GetClient, ListClient {
  getFromFamily(req: Req, opts?: CallOpts): Promise<[ComputeObject, ...unknown[]]>;
}

export interface ClientOptions {
  apiEndpoint: string;
  port: number;
  protocol: 'http' | 'https';
  authClient: OAuth2Client;
  fallback: boolean;
}

type Ctor = new (opts: ClientOptions, gaxInstance?: object) => GaxClient;
type Loader = () => Promise<Ctor>;

/** Static specifiers (one file each) so bundlers include exactly these clients, and only load them when called. */
function pick(mod: Record<string, unknown>, name: string): Ctor {
  const direct = mod[name] ?? (mod.default as Record<string, unknown> | undefined)?.[name];
  if (typeof direct !== 'function') throw new Error(`@google-cloud/compute: ${name} not found in its module`);
  return direct as Ctor;
}
const LOADERS = {
  instances: async () =>
    pick(await import('@google-cloud/compute/build/src/v1/instances_client.js'), 'InstancesClient'),
  regions: async () =>
    pick(await import('@google-cloud/compute/build/src/v1/regions_client.js'), 'RegionsClient'),
  zones: async () => pick(await import('@google-cloud/compute/build/src/v1/zones_client.js'), 'ZonesClient'),
  images: async () =>
    pick(await import('@google-cloud/compute/build/src/v1/images_client.js'), 'ImagesClient'),
  subnetworks: async () =>
    pick(await import('@google-cloud/compute/build/src/v1/subnetworks_client.js'), 'SubnetworksClient'),
  zoneOperations: async () =>
    pick(
      await import('@google-cloud/compute/build/src/v1/zone_operations_client.js'),
      'ZoneOperationsClient',
    ),
  regionOperations: async () =>
    pick(
      await import('@google-cloud/compute/build/src/v1/region_operations_client.js'),
      'RegionOperationsClient',
    ),
  globalOperations: async () =>
    pick(
      await import('@google-cloud/compute/build/src/v1/global_operations_client.js'),
      'GlobalOperationsClient',
    ),
  disks: async () => pick(await import('@google-cloud/compute/build/src/v1/disks_client.js'), 'DisksClient'),
  addresses: async () =>
    pick(await import('@google-cloud/compute/build/src/v1/addresses_client.js'), 'AddressesClient'),
  globalAddresses: async () =>
    pick(
      await import('@google-cloud/compute/build/src/v1/global_addresses_client.js'),
      'GlobalAddressesClient',
    ),
  forwardingRules: async () =>
    pick(
      await import('@google-cloud/compute/build/src/v1/forwarding_rules_client.js'),
      'ForwardingRulesClient',
    ),
  globalForwardingRules: async () =>
    pick(
      await import('@google-cloud/compute/build/src/v1/global_forwarding_rules_client.js'),
      'GlobalForwardingRulesClient',
    ),
  instanceGroupManagers: async () =>
    pick(
      await import('@google-cloud/compute/build/src/v1/instance_group_managers_client.js'),
      'InstanceGroupManagersClient',
    ),
  instanceTemplates: async () =>
    pick(
      await import('@google-cloud/compute/build/src/v1/instance_templates_client.js'),
      'InstanceTemplatesClient',
    ),
  firewalls: async () =>
    pick(await import('@google-cloud/compute/build/src/v1/firewalls_client.js'), 'FirewallsClient'),
  networks: async () =>
    pick(await import('@google-cloud/compute/build/src/v1/networks_client.js'), 'NetworksClient'),
  routers: async () =>
    pick(await import('@google-cloud/compute/build/src/v1/routers_client.js'), 'RoutersClient'),
  healthChecks: async () =>
    pick(await import('@google-cloud/compute/build/src/v1/health_checks_client.js'), 'HealthChecksClient'),
  backendServices: async () =>
    pick(
      await import('@google-cloud/compute/build/src/v1/backend_services_client.js'),
      'BackendServicesClient',
    ),
  urlMaps: async () =>
    pick(await import('@google-cloud/compute/build/src/v1/url_maps_client.js'), 'UrlMapsClient'),
  targetHttpsProxies: async () =>
    pick(
      await import('@google-cloud/compute/build/src/v1/target_https_proxies_client.js'),
      'TargetHttpsProxiesClient',
    ),
} satisfies Record<string, Loader>;

type ClientName = keyof typeof LOADERS;

/** Collections aggregatedList() can scan; `aggregated` ones span zones/regions, the others are global lists. */
export const COMPUTE_COLLECTIONS = {
  instances: 'aggregated',
  disks: 'aggregated',
  addresses: 'aggregated',
  forwardingRules: 'aggregated',
  instanceGroupManagers: 'aggregated',
  instanceTemplates: 'aggregated',
  subnetworks: 'aggregated',
  routers: 'aggregated',
  healthChecks: 'aggregated',
  backendServices: 'aggregated',
  urlMaps: 'aggregated',
  targetHttpsProxies: 'aggregated',
  firewalls: 'global',
  networks: 'global',
  globalAddresses: 'global',
  globalForwardingRules: 'global',
} as const satisfies Partial<Record<ClientName, 'aggregated' | 'global'>>;

export type ComputeCollection = keyof typeof COMPUTE_COLLECTIONS;

/** How the official clients are pointed at endpoints.compute: host, port and protocol separately (the URL path is not used). */
export function computeClientTarget(computeUrl: string): {
  apiEndpoint: string;
  port: number;
  protocol: 'http' | 'https';
  path: string;
} {
  const u = new URL(computeUrl);
  const protocol = u.protocol === 'http:' ? 'http' : 'https';
  return {
    apiEndpoint: u.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: u.port ? Number(u.port) : protocol === 'http' ? 80 : 443,
    protocol,
    path: u.pathname.replace(/\/+$/, ''),
  };
}

export interface ComputeApiOptions {
  log?: Logger;
  clock?: Clock;
  /** Attempts per call for retryable answers (default 5). */
  attempts?: number;
  random?: () => number;
  /** Per-call timeout (default 60 s). */
  timeoutMs?: number;
}

const HTTP_FROM_GRPC: Record<number, number> = {
  1: 499,
  2: 500,
  3: 400,
  4: 504,
  5: 404,
  6: 409,
  7: 403,
  8: 429,
  9: 412,
  10: 409,
  11: 400,
  12: 501,
  13: 500,
  14: 503,
  15: 500,
  16: 401,
};
const GRPC_NAMES: Record<number, string> = {
  1: 'CANCELLED',
  2: 'UNKNOWN',
  3: 'INVALID_ARGUMENT',
  4: 'DEADLINE_EXCEEDED',
  5: 'NOT_FOUND',
  6: 'ALREADY_EXISTS',
  7: 'PERMISSION_DENIED',
  8: 'RESOURCE_EXHAUSTED',
  9: 'FAILED_PRECONDITION',
  10: 'ABORTED',
  11: 'OUT_OF_RANGE',
  12: 'UNIMPLEMENTED',
  13: 'INTERNAL',
  14: 'UNAVAILABLE',
  15: 'DATA_LOSS',
  16: 'UNAUTHENTICATED',
};

/**
 * The official client drops response headers from its errors; the auth client's fetch (which the REST transport
 * calls) records Retry-After into the store of the call in progress, so our retry can honour it.
 */
const callContext = new AsyncLocalStorage<{ retryAfter?: string | null }>();

function withRetryAfterCapture(client: OAuth2Client): OAuth2Client {
  const original = client.fetch.bind(client) as unknown as (
    ...args: unknown[]
  ) => Promise<{ headers?: Headers }>;
  const wrapped = async (...args: unknown[]) => {
    const res = await original(...args);
    const store = callContext.getStore();
    if (store) store.retryAfter = res?.headers?.get?.('retry-after') ?? null;
    return res;
  };
  (client as unknown as { fetch: typeof wrapped }).fetch = wrapped;
  return client;
}

/**
 * The google-gax instance the clients are given (their documented second argument): gax's REST transport, whose
 * GrpcClient loads the subset of Compute's protos our clients use (compute-protos.generated.ts, written by
 * scripts/compute-protos.mjs) instead of all of them: the first client of a process is ready in about a quarter of
 * the CPU (`npm run bench compute-client`: 146 ms against 569 ms, 42 MiB less). A client whose service is not in
 * the subset (a new import, the file not written again) gets gax as it comes.
 */
let prunedGax: Promise<{ services: ReadonlySet<string>; gax: object }> | undefined;
export async function gaxFor(Ctor: Ctor): Promise<object | undefined> {
  prunedGax ??= (async () => {
    const [gax, subset] = await Promise.all([import('google-gax'), import('./compute-protos.generated.js')]);
    const fallback = (gax.default ?? gax).fallback;
    class SubsetGrpcClient extends fallback.GrpcClient {
      override loadProtoJSON() {
        return super.loadProtoJSON(subset.COMPUTE_PROTOS);
      }
    }
    return {
      services: new Set(subset.COMPUTE_PROTO_SERVICES),
      gax: { fallback: { ...fallback, GrpcClient: SubsetGrpcClient } },
    };
  })();
  const { services, gax } = await prunedGax;
  const service = `google.cloud.compute.v1.${Ctor.name.replace(/Client$/, '')}`;
  return services.has(service) ? gax : undefined;
}

/** Compute Engine v1 calls the actions need. Every method takes the project explicitly. */
export class ComputeApi {
  private readonly clients = new Map<ClientName, Promise<GaxClient>>();
  private readonly log: Logger;
  private readonly clock: Clock;
  private authClient?: OAuth2Client;

  constructor(
    readonly endpoints: Pick<Endpoints, 'compute'>,
    readonly tokenSource: TokenSource,
    private readonly opts: ComputeApiOptions = {},
  ) {
    this.log = opts.log ?? nullLogger;
    this.clock = opts.clock ?? realClock;
  }

  // ------------------------------------------------------------ reads

  async getRegion(project: string, region: string): Promise<Region> {
    const r = await this.get('regions', { project, region }, `regions/${region}`);
    const quotas = (Array.isArray(r.quotas) ? r.quotas : []).map((q: Record<string, unknown>) => ({
      metric: String(q.metric ?? ''),
      limit: Number(q.limit ?? 0),
      usage: Number(q.usage ?? 0),
    }));
    return { ...r, name: String(r.name ?? region), quotas } as Region;
  }

  async getZone(project: string, zone: string): Promise<Zone> {
    return (await this.get('zones', { project, zone }, `zones/${zone}`)) as Zone;
  }

  /**
   * An image by path: `projects/<p>/global/images/<name>` or `projects/<p>/global/images/family/<family>`
   * (the format the Harness UI accepts; a full URL works too). undefined when it does not exist.
   */
  async getImage(path: string): Promise<Image | undefined> {
    const m = path.match(/projects\/([^/]+)\/global\/images\/(?:family\/([^/]+)|([^/]+))$/);
    if (!m)
      throw new ConfigurationError(
        'IMAGE_PATH_INVALID',
        `"${path}" is not an image path.`,
        'Write images as projects/<project>/global/images/<name> or projects/<project>/global/images/family/<family>.',
      );
    const [, project, family, name] = m as unknown as [
      string,
      string,
      string | undefined,
      string | undefined,
    ];
    if (family) return this.getImageFromFamily(project, family);
    return this.orUndefined(() => this.get('images', { project, image: name }, `images/${name}`)) as Promise<
      Image | undefined
    >;
  }

  /** The newest non-deprecated image of a family; undefined when the family has none. */
  async getImageFromFamily(project: string, family: string): Promise<Image | undefined> {
    return this.orUndefined(async () => {
      const c = (await this.client('images')) as ImagesClientLike;
      const [img] = await this.call(`images/family/${family}`, true, () =>
        c.getFromFamily({ project, family }, this.callOpts()),
      );
      return clean(img);
    }) as Promise<Image | undefined>;
  }

  /** Subnetworks of one region, or of every region when `region` is omitted (aggregated list). */
  async listSubnetworks(project: string, region?: string): Promise<Subnetwork[]> {
    if (region) {
      const c = (await this.client('subnetworks')) as AggregatedClient;
      return (await this.collect(`subnetworks in ${region}`, () =>
        c.listAsync({ project, region }, this.callOpts()),
      )) as Subnetwork[];
    }
    return (await this.aggregatedList(project, 'subnetworks')).map((i) => i.resource as Subnetwork);
  }

  /** undefined when the instance does not exist. */
  async getInstance(project: string, zone: string, name: string): Promise<Instance | undefined> {
    return this.orUndefined(() =>
      this.get('instances', { project, zone, instance: name }, `instances/${name}`),
    ) as Promise<Instance | undefined>;
  }

  /**
   * Guest attributes under `queryPath` (`namespace/` or `namespace/key`) as `{ "namespace/key": value }`.
   * Empty when there are none (Compute answers 404 then).
   */
  async getGuestAttributes(
    project: string,
    zone: string,
    name: string,
    queryPath: string,
  ): Promise<Record<string, string>> {
    const c = (await this.client('instances')) as InstancesClientLike;
    try {
      const [ga] = await this.call(`instances/${name} guest attributes ${queryPath}`, true, () =>
        c.getGuestAttributes({ project, zone, instance: name, queryPath }, this.callOpts()),
      );
      const out: Record<string, string> = {};
      const items = ((ga.queryValue as { items?: Record<string, unknown>[] } | undefined)?.items ??
        []) as Record<string, unknown>[];
      for (const it of items)
        out[`${String(it.namespace ?? '')}/${String(it.key ?? '')}`] = String(it.value ?? '');
      if (!items.length && typeof ga.variableKey === 'string' && ga.variableKey)
        out[ga.variableKey] = String(ga.variableValue ?? '');
      return out;
    } catch (e) {
      if (e instanceof RemoteError && e.status === 404) return {};
      throw e;
    }
  }

  /**
   * Serial port 1 of an instance from byte `start` on: its contents and the offset to read from next
   * (instances.getSerialPortOutput). The startup script's output appears there.
   */
  async getSerialPortOutput(
    project: string,
    zone: string,
    name: string,
    start = 0,
  ): Promise<{ contents: string; next: number }> {
    const c = (await this.client('instances')) as InstancesClientLike;
    const [out] = await this.call(`instances/${name} serial port 1`, true, () =>
      c.getSerialPortOutput({ project, zone, instance: name, port: 1, start }, this.callOpts()),
    );
    const next = Number(out.next ?? start);
    return { contents: String(out.contents ?? ''), next: Number.isFinite(next) ? next : start };
  }

  /**
   * Every resource of a collection in the project, across zones and regions (plain `list` for global
   * collections). Filtering by label or name prefix is the caller's business.
   */
  async aggregatedList(project: string, collection: ComputeCollection): Promise<AggregatedItem[]> {
    const kind = COMPUTE_COLLECTIONS[collection];
    const c = (await this.client(collection)) as AggregatedClient;
    const out: AggregatedItem[] = [];
    const toItem = (scope: string, r: ComputeObject): AggregatedItem => ({
      collection,
      scope,
      name: String(r.name ?? ''),
      selfLink: typeof r.selfLink === 'string' ? r.selfLink : undefined,
      labels: (r.labels && typeof r.labels === 'object' ? r.labels : {}) as Record<string, string>,
      resource: r,
    });
    await this.call(`aggregated ${collection}`, true, async () => {
      out.length = 0;
      if (kind === 'global') {
        for await (const r of c.listAsync({ project }, this.callOpts())) out.push(toItem('global', clean(r)));
      } else {
        for await (const [scope, list] of c.aggregatedListAsync(
          { project, returnPartialSuccess: true },
          this.callOpts(),
        )) {
          const items = (list as Record<string, unknown>)[collection];
          if (Array.isArray(items)) for (const r of items) out.push(toItem(scope, clean(r as ComputeObject)));
        }
      }
      return out;
    });
    return out;
  }

  // ------------------------------------------------------------ changes

  /**
   * Sets and deletes metadata keys, keeping the others: reads the current items and fingerprint, applies
   * the changes and calls setMetadata; when the fingerprint changed meanwhile (412) it reads again and
   * retries once. Waits for the operation unless `wait: false`.
   */
  async setInstanceMetadata(
    project: string,
    zone: string,
    name: string,
    changes: readonly MetadataChange[],
    opts: WaitOperationOptions & { wait?: boolean } = {},
  ): Promise<Operation> {
    const c = (await this.client('instances')) as InstancesClientLike;
    const attempt = async (): Promise<Operation> => {
      const inst = await this.getInstance(project, zone, name);
      if (!inst)
        throw new RemoteError(
          'compute',
          404,
          `404 NOT_FOUND: The instance projects/${project}/zones/${zone}/instances/${name} does not exist`,
        );
      const items = new Map<string, string>();
      for (const it of inst.metadata?.items ?? []) if (it.key) items.set(it.key, it.value ?? '');
      for (const ch of changes) {
        if (ch.value === null) items.delete(ch.key);
        else items.set(ch.key, ch.value);
      }
      const metadataResource = {
        fingerprint: inst.metadata?.fingerprint,
        items: [...items].map(([key, value]) => ({ key, value })),
      };
      // Safe to send again (CONTRIBUTING, Retries): a replay of an applied change answers 412 (fingerprint).
      const [op] = await this.call(`instances/${name} setMetadata`, true, () =>
        c.setMetadata({ project, zone, instance: name, metadataResource }, this.callOpts()),
      );
      return clean(op.latestResponse) as Operation;
    };
    let op: Operation;
    try {
      op = await attempt();
    } catch (e) {
      if (!(e instanceof RemoteError && e.status === 412)) throw e;
      this.log.debug(`metadata of ${name} changed while updating it (412); reading it again`);
      op = await attempt();
    }
    return opts.wait === false ? op : this.waitZoneOperation(project, zone, op.name, opts);
  }

  /** Resets (hard restarts) an instance; the startup script runs again. Waits for the operation unless `wait: false`. */
  async resetInstance(
    project: string,
    zone: string,
    name: string,
    opts: WaitOperationOptions & { wait?: boolean } = {},
  ): Promise<Operation> {
    const c = (await this.client('instances')) as InstancesClientLike;
    const [res] = await this.call(`instances/${name} reset`, false, () =>
      c.reset({ project, zone, instance: name }, this.callOpts()),
    );
    const op = clean(res.latestResponse) as Operation;
    return opts.wait === false ? op : this.waitZoneOperation(project, zone, op.name, opts);
  }

  // ------------------------------------------------------------ operations

  async waitZoneOperation(
    project: string,
    zone: string,
    operation: string,
    opts: WaitOperationOptions = {},
  ): Promise<Operation> {
    return this.waitOperation('zoneOperations', { project, zone, operation }, `zone ${zone}`, opts);
  }
  async waitRegionOperation(
    project: string,
    region: string,
    operation: string,
    opts: WaitOperationOptions = {},
  ): Promise<Operation> {
    return this.waitOperation('regionOperations', { project, region, operation }, `region ${region}`, opts);
  }
  async waitGlobalOperation(
    project: string,
    operation: string,
    opts: WaitOperationOptions = {},
  ): Promise<Operation> {
    return this.waitOperation('globalOperations', { project, operation }, 'global', opts);
  }

  /** Closes the clients that were created. */
  async close(): Promise<void> {
    const all = [...this.clients.values()];
    this.clients.clear();
    await Promise.all(all.map(async (p) => (await p.catch(() => undefined))?.close().catch(() => undefined)));
  }

  // ------------------------------------------------------------ internals

  private async waitOperation(
    which: ClientName,
    req: Req,
    where: string,
    opts: WaitOperationOptions,
  ): Promise<Operation> {
    const c = (await this.client(which)) as GetClient;
    const op = await waitFor<Operation>(
      async () => {
        const [o] = await this.call(`operation ${String(req.operation)}`, true, () =>
          c.get(req, this.callOpts()),
        );
        const cur = clean(o) as Operation;
        return {
          done: cur.status === 'DONE',
          state: `${cur.operationType ?? 'operation'} ${cur.status ?? 'PENDING'}`,
          value: cur,
        };
      },
      {
        describe: `Compute operation ${String(req.operation)} (${where})`,
        deadlineMs: opts.deadlineMs ?? 5 * 60_000,
        intervalMs: opts.intervalMs ?? 1000,
        factor: 1.5,
        maxIntervalMs: 10_000,
        clock: this.clock,
        log: this.log,
      },
    );
    const errors = op.error?.errors ?? [];
    if (errors.length) {
      const status = Number(op.httpErrorStatusCode) || 400;
      const detail = errors.map((e) => `${e.code ?? 'ERROR'}: ${e.message ?? ''}`).join('; ');
      throw new RemoteError(
        'compute',
        status,
        `Compute operation ${op.name} (${op.operationType ?? '?'} ${op.targetLink ?? ''}) failed: ${detail}`,
        op,
      );
    }
    return op;
  }

  private async get(which: ClientName, req: Req, what: string): Promise<ComputeObject> {
    const c = (await this.client(which)) as GetClient;
    const [r] = await this.call(what, true, () => c.get(req, this.callOpts()));
    return clean(r);
  }

  private async collect(what: string, it: () => AsyncIterable<ComputeObject>): Promise<ComputeObject[]> {
    return this.call(what, true, async () => {
      const out: ComputeObject[] = [];
      for await (const r of it()) out.push(clean(r));
      return out;
    });
  }

  private async orUndefined<T>(fn: () => Promise<T>): Promise<T | undefined> {
    try {
      return await fn();
    } catch (e) {
      if (e instanceof RemoteError && e.status === 404) return undefined;
      throw e;
    }
  }

  private callOpts(): CallOpts {
    // Retries are ours (Retry-After, the injected clock); gax's would sleep on the wall clock.
    return { retry: null, timeout: this.opts.timeoutMs ?? 60_000, autoPaginate: false };
  }

  /** Runs a client call with our retry policy, turning gax errors into RemoteError. */
  private async call<T>(what: string, idempotent: boolean, fn: () => Promise<T>): Promise<T> {
    let reauthenticated = false;
    return retry(
      async () => {
        const store: { retryAfter?: string | null } = {};
        try {
          return await callContext.run(store, fn);
        } catch (e) {
          const err = toRemoteError(e, what, this.endpoints.compute);
          if (err instanceof RemoteError && err.status === 401 && !reauthenticated) {
            // An expired or revoked token: fetch a new one once.
            reauthenticated = true;
            this.tokenSource.invalidate();
            if (this.authClient) this.authClient.credentials = {};
            return Promise.reject(new RemoteError(err.service, 401, err.message, err.body, 0));
          }
          if (err instanceof RemoteError && store.retryAfter && err.retryAfterMs === undefined) {
            const ms = parseRetryAfter(store.retryAfter, this.clock.now());
            return Promise.reject(new RemoteError(err.service, err.status, err.message, err.body, ms));
          }
          throw err;
        }
      },
      {
        clock: this.clock,
        random: this.opts.random,
        attempts: this.opts.attempts,
        retryable: (e) => {
          if (e instanceof RemoteError && e.status === 401) return e.retryAfterMs === 0;
          return idempotent ? isTransient(e) : isRefusedUnapplied(e);
        },
        onRetry: (e, n, delay) =>
          this.log.debug(`compute ${what}: ${errorMessage(e)}; retry ${n} in ${delay} ms`),
      },
    );
  }

  private client(name: ClientName): Promise<GaxClient> {
    let p = this.clients.get(name);
    if (!p) {
      p = (async () => {
        const Ctor = await LOADERS[name]();
        const t = computeClientTarget(this.endpoints.compute);
        if (t.path)
          this.log.warning(
            `The Compute endpoint ${this.endpoints.compute} has a path (${t.path}); the Compute client ignores it.`,
          );
        if (!this.authClient) {
          const { authClientFor } = await import('./authclient.js');
          this.authClient ??= withRetryAfterCapture(authClientFor(this.tokenSource));
        }
        return new Ctor(
          {
            apiEndpoint: t.apiEndpoint,
            port: t.port,
            protocol: t.protocol,
            authClient: this.authClient,
            fallback: true,
          },
          await gaxFor(Ctor),
        );
      })();
      p.catch(() => this.clients.delete(name));
      this.clients.set(name, p);
    }
    return p;
  }
}

/** A gax GoogleError (or transport failure) as RemoteError('compute', httpStatus, "<status> <STATUS>: <message> (<reason>)", body). */
export function toRemoteError(e: unknown, what: string, endpoint: string): unknown {
  if (e instanceof RemoteError) return e;
  const err = e as {
    code?: unknown;
    httpStatusCode?: unknown;
    message?: string;
    reason?: string;
    domain?: string;
    errorInfoMetadata?: Record<string, string>;
  };
  if (!(e instanceof Error)) return e;
  const grpc = typeof err.code === 'number' ? err.code : undefined;
  let status =
    typeof err.httpStatusCode === 'number'
      ? err.httpStatusCode
      : grpc !== undefined
        ? (HTTP_FROM_GRPC[grpc] ?? 500)
        : 0;
  // A transport failure (connection refused, reset, DNS) has no HTTP status.
  const transport =
    typeof err.code === 'string' ||
    (grpc === 14 &&
      err.httpStatusCode === undefined &&
      /ECONN|ENOTFOUND|EAI_AGAIN|socket|fetch failed|network/i.test(err.message ?? ''));
  if (transport) status = 0;
  if (status === 0) {
    let host = endpoint;
    try {
      host = new URL(endpoint).host;
    } catch {
      /* keep */
    }
    return new RemoteError(
      'compute',
      0,
      `Cannot reach compute at ${host} (${what}): ${err.message ?? String(e)}`,
    );
  }
  const statusName = grpc !== undefined ? GRPC_NAMES[grpc] : undefined;
  const message = (err.message ?? '').replace(/^\d+ [A-Z_]+: /, '');
  const body = {
    error: {
      code: status,
      message,
      status: statusName,
      ...(err.reason
        ? {
            details: [
              {
                '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
                reason: err.reason,
                domain: err.domain,
                metadata: err.errorInfoMetadata,
              },
            ],
          }
        : {}),
    },
  };
  return new RemoteError(
    'compute',
    status,
    `${status}${statusName ? ` ${statusName}` : ''}: ${message}${err.reason ? ` (${err.reason})` : ''}`,
    body,
  );
}

/** Drops the proto3 `optional` markers (`_name: "name"`) the decoded messages carry, recursively. */
export function clean<T>(v: T): T {
  if (Array.isArray(v)) return v.map((x) => clean(x)) as unknown as T;
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      if (k.startsWith('_') && x === k.slice(1)) continue;
      out[k] = clean(x);
    }
    return out as T;
  }
  return v;
}
