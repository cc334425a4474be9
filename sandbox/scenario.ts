import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { FaultRule } from './core/faults.js';
import type { StorageBucketSeed } from './gcp/storage-state.js';
import { DEFAULT_TIME_SCALE, latencyOverrides, scaled } from './latency/profile.js';

/**
 * A scenario seeds the sandbox's world. Every field has a default (the healthy project); a named scenario
 * or a file only says what differs. docs/sandbox.md documents each field.
 * Sections are owned by the emulator that reads them: gcp (sandbox/gcp), dns (sandbox/dns),
 * harness (sandbox/harness), vm (sandbox/vm), github (sandbox/github).
 */
export interface Scenario {
  name: string;
  description: string;
  /** Which failing check ids this scenario is built to trigger (the preflight tests assert exactly these). */
  expectFailures: string[];
  /** Preflight checks this scenario makes `skip` (with the reason), e.g. org policies that cannot be read. */
  expectSkips?: string[];
  /**
   * Overrides of the gitspaces.yaml the scenario is meant to be validated with (deep-merged over the sandbox's
   * default config, see sandbox/scenarios/config.ts), e.g. `terraform: {manage_dns_zone: false}`.
   */
  config?: Record<string, unknown>;
  /** Action inputs the scenario is meant to run with (e.g. `enable-apis: 'true'`). */
  inputs?: Record<string, string>;
  seed: number;
  faults: FaultRule[];
  /**
   * `realistic`: every long operation takes its duration from sandbox/latency/profile.ts (published figures),
   * multiplied by `timeScale`. Fields the scenario sets explicitly win over the profile's.
   */
  latency?: 'realistic';
  /** The factor on the profile's real durations (default 0.01: one real minute takes 600 ms). */
  timeScale?: number;
  /**
   * Added to every request of every emulated service (HTTP and DNS) before it is answered: the network round
   * trip. 0 by default; the realistic profile's `request` figure, scaled, with `latency: realistic`.
   */
  requestLatencyMs: number;
  gcp: GcpScenario;
  dns: DnsScenario;
  harness: HarnessScenario;
  vm: VmScenario;
  github: GithubScenario;
}

export interface GcpScenario {
  projectId: string;
  projectNumber: string;
  /** Services ENABLED at start, e.g. compute.googleapis.com. */
  enabledApis: string[];
  /** After batchEnable: how long the operation stays not-done, and how much longer the API answers 403 SERVICE_DISABLED. */
  enableOperationMs: number;
  enablePropagationMs: number;
  serviceAccount: {
    email: string;
    /** Key state as IAM reports it. `deleted` makes the token endpoint answer invalid_grant. */
    keyState: 'active' | 'disabled' | 'deleted';
    keyAgeDays: number;
    /** Key expiry in days from now; absent means never expires. */
    keyExpiresInDays?: number;
  };
  /** IAM policy bindings: role -> members. */
  bindings: Record<string, string[]>;
  /** Permissions the identity holds for testIamPermissions: "all", or the list. */
  permissions: 'all' | string[];
  canReadOrgPolicy: boolean;
  orgPolicies: {
    disableServiceAccountKeyCreation?: boolean;
    /** gcp.resourceLocations allowedValues (e.g. `in:eu-locations`), as the policy holds them. */
    resourceLocations?: string[];
    /** gcp.resourceLocations deniedValues. */
    resourceLocationsDenied?: string[];
    vmExternalIpAccess?: 'deny' | 'allow';
    requireOsLogin?: boolean;
  };
  /**
   * Project-level (global) Compute quotas, metric -> limit/usage, listed by projects.get: CPUS_ALL_REGIONS counts
   * every instance's vCPUs in every region. Usage adds what the sandbox has created.
   */
  projectQuotas?: Record<string, { limit: number; usage: number }>;
  /**
   * Region -> zones and quotas (metric -> limit/usage). Instances count against their family's metric (N2_CPUS,
   * N2D_CPUS, C2_CPUS, C3_CPUS, ...) when the region lists it, else against CPUS (sandbox/gcp/compute/resources.ts).
   */
  regions: Record<string, { zones: string[]; quotas: Record<string, { limit: number; usage: number }> }>;
  /** Image paths (projects/x/global/images/name) that exist, with their family and whether they are Ubuntu. */
  images: { path: string; family?: string; ubuntu: boolean }[];
  /** Subnetworks already in the project (NET-002 checks overlaps). */
  subnetworks: { region: string; name: string; network: string; ipCidrRange: string }[];
  /** Cloud DNS zones already present (manage_dns_zone: false needs one). */
  managedZones: { name: string; dnsName: string }[];
  /** Certificate Manager: the state certificates reach, and how long they take. */
  certificates: {
    finalState: 'ACTIVE' | 'FAILED' | 'PROVISIONING';
    activeAfterMs: number;
    needsDelegation: boolean;
  };
  /** How long Compute and Certificate Manager long-running operations stay RUNNING (default 50 ms). */
  operationMs?: number;
  /**
   * Per Compute collection (`instances`, `instanceGroupManagers`, ...) and for Cloud DNS `changes`: how long an
   * insert's operation (a change) stays RUNNING (pending); other operations take `operationMs`.
   */
  operationMsByCollection?: Record<string, number>;
  /** Cloud Storage buckets (sandbox/gcp/storage-state.ts); absent: one healthy `<projectId>-gitspaces-tfstate`. */
  storageBuckets?: StorageBucketSeed[];
}

export interface DnsScenario {
  /** The parent zone that must delegate the gitspaces domain (e.g. acme.dev for gitspaces.acme.dev). */
  parentZone: string;
  /** The gitspaces domain the parent delegates (infrastructure.domain of the config the tests use). */
  domain: string;
  /** Host names of the parent zone's own authoritative servers (NS of parentZone). */
  parentNameServers: string[];
  /** Whether the parent zone's NS records for the domain name the Cloud DNS zone's name servers. */
  delegated: boolean;
  /**
   * Name servers of a wrong or older delegation: what the parent serves when `delegated` is false (empty: the
   * parent has no NS records for the domain, NXDOMAIN), and what resolvers still have cached while
   * `resolversUpdated` is false.
   */
  wrongNameServers: string[];
  /** Whether the public resolvers see the delegation yet (propagation). False: they serve the old answer until its TTL runs out. */
  resolversUpdated: boolean;
  /** TTL of the delegation NS records (and of the cached old answer the resolvers hold). */
  ttlSeconds: number;
}

export interface HarnessScenario {
  accountId: string;
  org: string;
  projects: string[];
  /** What the API key can do: account scope, project scope only, or nothing (revoked). */
  keyScope: 'account' | 'project' | 'invalid';
  /** CDE_HYBRID_ENABLED: without it hybrid_vm_gcp infra providers are refused. */
  hybridEnabled: boolean;
  gatewayVersion: string;
  /** How long after runner and delegate are up the gateway reports healthy. */
  gatewayHealthyAfterMs: number;
  /**
   * Per region: how long after runner and delegate are up (and the region's instance group exists) that region's
   * gateway reports healthy; regions not listed take `gatewayHealthyAfterMs`. Each region's gateway is its own
   * managed instance group whose VMs boot and heartbeat on their own (sandbox/latency/graph.ts). With
   * `latency: realistic` the values are real durations, multiplied by `timeScale` like the profile's
   * (`gatewayDelayMs`).
   */
  gatewayHealthyAfterMsByRegion?: Record<string, number>;
  /** `true`: no gateway ever turns healthy; a list of regions: only those regions' gateways never do. */
  gatewayStuckUnhealthy: boolean | string[];
  /** How long a gitspace takes per state, and whether starting it fails. */
  gitspaceStepMs: number;
  gitspaceStartFails: boolean;
  /**
   * Harness's API rate limit per API key (docs: 1000 requests per minute), as `requests` per `windowMs`; absent:
   * no limit. Over it, 429 without Retry-After (sandbox/harness/rate-limit.ts).
   */
  rateLimit?: { requests: number; windowMs: number };
  /** Infra providers already configured (for update/no-op paths). */
  existingInfra: boolean;
  /** Which module generation's YAML keys the server's setup_yaml carries (default post-0.0.3, as Harness emits today). */
  setupYamlGeneration?: 'v0.0.3' | 'post-0.0.3';
}

export interface VmScenario {
  /** Whether the runner container ever answers /healthz OK. */
  runnerHealthy: boolean;
  /** Whether the delegate connects (a wrong manager URL or token keeps it out). */
  delegateConnects: boolean;
  /** How long the startup script takes to finish (ms). */
  bootMs: number;
  /**
   * The Docker Engine version on the runner VM (default 27.0.0). Before 20.10 a container's --hostname is no DNS
   * name for other containers (sandbox/vm/docker-state.ts, dnsNamesOf).
   */
  dockerVersion?: string;
}

export interface GithubScenario {
  repository: string;
  pullRequest: number;
  /** Comments already on the pull request (for pagination tests). */
  existingComments: number;
  /**
   * The merge commit of the pull request (what a push event's GITHUB_SHA is after the merge); default a sha
   * derived from the repository and the number. `commits/{sha}/pulls` answers the pull request for it.
   */
  mergeCommitSha?: string;
  /** More pull requests, each with its own merge commit (two pull requests merged in turn). */
  morePullRequests?: { number: number; mergeCommitSha?: string }[];
}

export const HEALTHY: Scenario = {
  name: 'healthy',
  description: 'A project ready for Gitspaces: APIs on, Owner key valid, domain delegated, account flag on.',
  expectFailures: [],
  seed: 1,
  faults: [],
  requestLatencyMs: 0,
  gcp: {
    projectId: 'acme-gitspaces',
    projectNumber: '123456789012',
    enabledApis: [
      'cloudresourcemanager.googleapis.com',
      'compute.googleapis.com',
      'certificatemanager.googleapis.com',
      'iam.googleapis.com',
      'dns.googleapis.com',
      'redis.googleapis.com',
      'serviceusage.googleapis.com',
    ],
    enableOperationMs: 300,
    enablePropagationMs: 500,
    serviceAccount: {
      email: 'gitspaces-admin@acme-gitspaces.iam.gserviceaccount.com',
      keyState: 'active',
      keyAgeDays: 10,
    },
    bindings: {
      'roles/owner': [
        'serviceAccount:gitspaces-admin@acme-gitspaces.iam.gserviceaccount.com',
        'user:admin@acme.dev',
      ],
    },
    permissions: 'all',
    canReadOrgPolicy: true,
    orgPolicies: {},
    projectQuotas: { CPUS_ALL_REGIONS: { limit: 96, usage: 4 } },
    regions: {
      'us-central1': {
        zones: ['us-central1-a', 'us-central1-b', 'us-central1-c', 'us-central1-f'],
        quotas: {
          CPUS: { limit: 72, usage: 4 },
          N2_CPUS: { limit: 24, usage: 0 },
          N2D_CPUS: { limit: 24, usage: 0 },
          C2_CPUS: { limit: 24, usage: 0 },
          C3_CPUS: { limit: 24, usage: 0 },
          IN_USE_ADDRESSES: { limit: 8, usage: 0 },
          STATIC_ADDRESSES: { limit: 8, usage: 0 },
          INSTANCE_GROUPS: { limit: 100, usage: 0 },
          INSTANCE_GROUP_MANAGERS: { limit: 100, usage: 0 },
          DISKS_TOTAL_GB: { limit: 4096, usage: 100 },
          SSD_TOTAL_GB: { limit: 500, usage: 0 },
        },
      },
      'europe-west1': {
        zones: ['europe-west1-b', 'europe-west1-c', 'europe-west1-d'],
        quotas: {
          CPUS: { limit: 24, usage: 0 },
          N2_CPUS: { limit: 24, usage: 0 },
          N2D_CPUS: { limit: 24, usage: 0 },
          C2_CPUS: { limit: 24, usage: 0 },
          C3_CPUS: { limit: 24, usage: 0 },
          IN_USE_ADDRESSES: { limit: 8, usage: 0 },
          STATIC_ADDRESSES: { limit: 8, usage: 0 },
          INSTANCE_GROUPS: { limit: 100, usage: 0 },
          INSTANCE_GROUP_MANAGERS: { limit: 100, usage: 0 },
          DISKS_TOTAL_GB: { limit: 4096, usage: 0 },
          SSD_TOTAL_GB: { limit: 500, usage: 0 },
        },
      },
    },
    images: [
      {
        path: 'projects/ubuntu-os-cloud/global/images/ubuntu-2204-jammy-v20250112',
        family: 'ubuntu-2204-lts',
        ubuntu: true,
      },
      {
        path: 'projects/ubuntu-os-cloud/global/images/ubuntu-2004-focal-v20250213',
        family: 'ubuntu-2004-lts',
        ubuntu: true,
      },
      {
        path: 'projects/debian-cloud/global/images/debian-11-bullseye-v20250123',
        family: 'debian-11',
        ubuntu: false,
      },
    ],
    subnetworks: [
      { region: 'us-central1', name: 'default', network: 'default', ipCidrRange: '10.128.0.0/20' },
    ],
    managedZones: [],
    certificates: { finalState: 'ACTIVE', activeAfterMs: 300, needsDelegation: true },
  },
  dns: {
    parentZone: 'acme.dev',
    domain: 'gitspaces.acme.dev',
    parentNameServers: ['ns1.acme.dev', 'ns2.acme.dev'],
    delegated: true,
    wrongNameServers: [],
    resolversUpdated: true,
    ttlSeconds: 300,
  },
  harness: {
    accountId: 'AbCdEfGhIjKlMnOpQrStUv',
    org: 'default',
    projects: ['platform'],
    keyScope: 'account',
    hybridEnabled: true,
    gatewayVersion: '1.16.0',
    gatewayHealthyAfterMs: 300,
    gatewayStuckUnhealthy: false,
    gitspaceStepMs: 100,
    gitspaceStartFails: false,
    existingInfra: false,
  },
  vm: { runnerHealthy: true, delegateConnects: true, bootMs: 100 },
  github: { repository: 'acme/platform-infra', pullRequest: 7, existingComments: 0 },
};

type DeepPartial<T> = {
  [K in keyof T]?: T[K] extends (infer U)[] ? U[] : T[K] extends object ? DeepPartial<T[K]> : T[K];
};

/** Deep merge for plain objects; arrays and scalars in the override replace the base. */
export function mergeScenario<T>(base: T, override: DeepPartial<T> | undefined): T {
  if (override === undefined) return structuredClone(base);
  if (Array.isArray(base) || typeof base !== 'object' || base === null) return structuredClone(override as T);
  const out = structuredClone(base) as Record<string, unknown>;
  for (const [k, v] of Object.entries(override as Record<string, unknown>)) {
    const b = (base as Record<string, unknown>)[k];
    out[k] =
      v && typeof v === 'object' && !Array.isArray(v) && b && typeof b === 'object' && !Array.isArray(b)
        ? mergeScenario(b, v as never)
        : structuredClone(v);
  }
  return out as T;
}

const here = dirname(fileURLToPath(import.meta.url));

/** Where the named scenarios live, whether running from sources or from the bundle (dist/sandbox/scenarios). */
export function scenariosDir(): string {
  for (const candidate of [
    join(here, 'scenarios'),
    join(here, '..', 'sandbox', 'scenarios'),
    join(here, '..', '..', 'sandbox', 'scenarios'),
  ]) {
    if (existsSync(candidate)) return candidate;
  }
  return join(here, 'scenarios');
}

/**
 * The base a scenario's fields are merged over: the healthy project, with the realistic latency profile's
 * durations when the scenario asks for it (so that its own explicit fields still win).
 */
function baseFor(override: DeepPartial<Scenario>): Scenario {
  if (override.latency === undefined) return HEALTHY;
  if (override.latency !== 'realistic')
    throw new Error(
      `Scenario latency: "${String(override.latency)}" is not a profile; use latency: realistic`,
    );
  const timeScale = override.timeScale ?? DEFAULT_TIME_SCALE;
  if (!(typeof timeScale === 'number' && timeScale > 0 && timeScale <= 1))
    throw new Error(
      `Scenario timeScale: ${String(override.timeScale)} is not a factor in (0, 1]; use e.g. timeScale: 0.01`,
    );
  return mergeScenario(HEALTHY, { ...latencyOverrides(timeScale), latency: 'realistic', timeScale });
}

/** A scenario by name (sandbox/scenarios/<name>.yaml), from a file path, or an object of overrides. */
export function loadScenario(nameOrPath: string | DeepPartial<Scenario> = 'healthy'): Scenario {
  if (typeof nameOrPath !== 'string')
    return checkGatewayRegions(mergeScenario(baseFor(nameOrPath), nameOrPath));
  if (nameOrPath === 'healthy') return structuredClone(HEALTHY);
  const byName = join(scenariosDir(), `${nameOrPath}.yaml`);
  const path = existsSync(byName) ? byName : resolve(nameOrPath);
  if (!existsSync(path))
    throw new Error(`Unknown scenario "${nameOrPath}": not in ${scenariosDir()} and not a file`);
  const raw = parse(readFileSync(path, 'utf8')) as DeepPartial<Scenario>;
  return checkGatewayRegions(mergeScenario(baseFor(raw), { name: nameOrPath, ...raw }));
}

/**
 * The per-region gateway fields name regions of the world (`gcp.regions`), with delays in ms >= 0: a region
 * misspelt would otherwise leave its gateway on the default schedule without a word.
 */
function checkGatewayRegions(s: Scenario): Scenario {
  const known = Object.keys(s.gcp.regions);
  const h = s.harness;
  const named = [
    ...Object.keys(h.gatewayHealthyAfterMsByRegion ?? {}).map((r) => ['gatewayHealthyAfterMsByRegion', r]),
    ...(Array.isArray(h.gatewayStuckUnhealthy) ? h.gatewayStuckUnhealthy : []).map((r) => [
      'gatewayStuckUnhealthy',
      r,
    ]),
  ];
  for (const [field, region] of named)
    if (!known.includes(region as string))
      throw new Error(
        `Scenario harness.${field}: "${region}" is not a region of the world; use one of gcp.regions (${known.join(', ')})`,
      );
  for (const [region, ms] of Object.entries(h.gatewayHealthyAfterMsByRegion ?? {}))
    if (!(typeof ms === 'number' && ms >= 0))
      throw new Error(
        `Scenario harness.gatewayHealthyAfterMsByRegion.${region}: ${String(ms)} is not a duration; use milliseconds >= 0, e.g. 5000`,
      );
  return s;
}

/**
 * How long after its conditions hold a region's gateway reports healthy, in the sandbox's (scaled) milliseconds:
 * the region's own `gatewayHealthyAfterMsByRegion` (a real duration under `latency: realistic`, so scaled by
 * `timeScale` like the profile's figures), else `gatewayHealthyAfterMs` (already the scaled profile figure, or
 * what the scenario set).
 */
export function gatewayDelayMs(
  s: Pick<Scenario, 'harness' | 'latency' | 'timeScale'>,
  region: string,
): number {
  const own = s.harness.gatewayHealthyAfterMsByRegion?.[region];
  if (own === undefined) return s.harness.gatewayHealthyAfterMs;
  return s.latency === 'realistic' ? scaled(own, s.timeScale ?? DEFAULT_TIME_SCALE) : own;
}

/** Whether the scenario keeps a region's gateway unhealthy for good. */
export function gatewayStuck(s: Pick<Scenario, 'harness'>, region: string): boolean {
  const stuck = s.harness.gatewayStuckUnhealthy;
  return stuck === true || (Array.isArray(stuck) && stuck.includes(region));
}

export type { DeepPartial };
