/**
 * The realistic latency profile: how long each long operation the pipeline waits for takes on the real services,
 * in real milliseconds, each with where the figure comes from. A scenario with `latency: realistic` takes these
 * durations multiplied by its `timeScale` (default 0.01: a 30-minute certificate takes 18 s), so a whole run
 * keeps the real proportions and still takes seconds. docs/sandbox.md ("Latency profile") is the reader's version.
 *
 * `value` is the figure the sandbox uses; `range` is the published or documented range it was taken from; `source`
 * names the page (or the code) that says so. A figure marked `estimate` has no published number: it is a
 * conservative reading of what the source does say, and the docs list it as such.
 */

export interface LatencyFigure {
  /** Real duration, in milliseconds. */
  value: number;
  /** The documented range, in milliseconds, [low, high]. */
  range: [number, number];
  source: string;
  /** True when no published number exists and `value` is our reading of the source. */
  estimate?: boolean;
}

const S = 1000;
const MIN = 60 * S;

/** Every long operation the sandbox times, real durations. */
export const REALISTIC = {
  /**
   * One request's round trip to a real API, read or write (its answer, not the operation it starts): every
   * emulated HTTP service and the DNS resolver add it to each request. Runs make hundreds of them one after
   * another (a Terraform refresh walks the module's graph in dependency order), which loopback hides.
   */
  request: {
    value: 100,
    range: [30, 500],
    source:
      'Google Cloud Platform blog (googlecloudplatform.blogspot.com), on isolating App Engine latency with curl: a trivial request to the nearest Google front end took 98 ms to connect and 144 ms in all; no published figure for an API call: our reading, about 100 ms for a read from a CI runner, more across continents',
    estimate: true,
  },
  /** A Compute long-running operation that is not an instance or a group (addresses, firewalls, backend services, forwarding rules, health checks). */
  computeOperation: {
    value: 15 * S,
    range: [5 * S, 60 * S],
    source:
      "Compute API operations are asynchronous (an Operation RUNNING until DONE); no published duration: our reading, seconds for network resources, with the google provider's 20m default create timeout as the bound it tolerates",
    estimate: true,
  },
  /** instances.insert until the operation is DONE (the VM is RUNNING). */
  instanceInsert: {
    value: 30 * S,
    range: [10 * S, 90 * S],
    source:
      'https://cloud.google.com/compute/docs/instances/creating-and-starting-an-instance ("Compute Engine automatically starts the instance after you create it"; creation is limited to 20 instances per second); no published duration: tens of seconds is the common observation (issue 18)',
    estimate: true,
  },
  /** instanceGroupManagers.insert until the operation is DONE (the group has created its instances). */
  instanceGroupInsert: {
    value: 2 * MIN,
    range: [1 * MIN, 5 * MIN],
    source:
      'https://cloud.google.com/compute/docs/instance-groups/creating-groups-of-managed-instances (the MIG creates each of its instances from the template, so at least one instance creation, above, plus the group); no published duration: minutes (issue 18)',
    estimate: true,
  },
  /** A Cloud DNS change (the zone\'s records) until `done`. */
  dnsChange: {
    value: 10 * S,
    range: [1 * S, 60 * S],
    source:
      'Cloud DNS changes.create answers a Change `pending` until it is `done` (https://cloud.google.com/dns/docs/reference/rest/v1/changes); no published duration: our reading, seconds',
    estimate: true,
  },
  /** Certificate Manager: a Google-managed certificate with DNS authorization, from creation to ACTIVE. */
  certificateActive: {
    value: 30 * MIN,
    range: [5 * MIN, 60 * MIN],
    source:
      'https://cloud.google.com/certificate-manager/docs/troubleshooting ("Provisioning a Google-managed certificate can take up to 60 minutes after your DNS and load balancer configuration changes propagate"); GKE\'s managed-certificate guides give 30 to 60 minutes with a correct configuration',
  },
  /** The runner VM\'s startup script: Docker installed, the runner and delegate images pulled and started. */
  runnerBoot: {
    value: 90 * S,
    range: [45 * S, 5 * MIN],
    source:
      "docs/domain.md (the runner VM installs Docker and pulls the runner and delegate images on boot); install-runner's runner-timeout default of 10m is the upper bound we wait for",
    estimate: true,
  },
  /** From runner and delegate up to the gateway reporting healthy in Harness. */
  gatewayHealthy: {
    value: 4 * MIN,
    range: [3 * MIN, 5 * MIN],
    source:
      'Harness UI strings (`waitingMessage`, harness/harness-ui): connecting the gateway takes "about 3-5 minutes"; install-runner\'s GW-101 fix says the same',
  },
  /** A gitspace from the start action to `running` (provisioning through the gateway, then the agent\'s setup). */
  gitspaceStart: {
    value: 3 * MIN,
    range: [1 * MIN, 60 * MIN],
    source:
      'harness/harness types/config.go: GITNESS_INFRA_TIMEOUT_IN_MINS=60 is the upper bound the control plane allows; Harness publishes no typical figure (a VM from the machine template, then the devcontainer image pull)',
    estimate: true,
  },
} satisfies Record<string, LatencyFigure>;

export type LatencyProfile = typeof REALISTIC;

export const DEFAULT_TIME_SCALE = 0.01;

/** A real duration scaled for the sandbox (never below 1 ms, so order is kept). */
export function scaled(ms: number, timeScale: number): number {
  return Math.max(1, Math.round(ms * timeScale));
}

/** Number of gitspace states the emulator steps through to `running` (sandbox/harness/routes/gitspace-actions.ts). */
export const GITSPACE_START_STEPS = 4;

/** The scenario fields the profile sets (a part of sandbox/scenario.ts's Scenario), scaled. */
export interface LatencyOverrides {
  requestLatencyMs: number;
  gcp: {
    operationMs: number;
    operationMsByCollection: Record<string, number>;
    certificates: { activeAfterMs: number };
  };
  harness: { gatewayHealthyAfterMs: number; gitspaceStepMs: number };
  vm: { bootMs: number };
}

/** The scenario fields the profile sets, scaled. Explicit fields of the same scenario win over these. */
export function latencyOverrides(timeScale: number): LatencyOverrides {
  const p = REALISTIC;
  const t = (f: LatencyFigure) => scaled(f.value, timeScale);
  return {
    requestLatencyMs: t(p.request),
    gcp: {
      operationMs: t(p.computeOperation),
      operationMsByCollection: {
        instances: t(p.instanceInsert),
        instanceGroupManagers: t(p.instanceGroupInsert),
        regionInstanceGroupManagers: t(p.instanceGroupInsert),
        changes: t(p.dnsChange),
      },
      certificates: { activeAfterMs: t(p.certificateActive) },
    },
    harness: {
      gatewayHealthyAfterMs: t(p.gatewayHealthy),
      gitspaceStepMs: Math.max(1, Math.round(t(p.gitspaceStart) / GITSPACE_START_STEPS)),
    },
    vm: { bootMs: t(p.runnerBoot) },
  };
}
