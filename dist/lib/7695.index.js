export const id = 7695;
export const ids = [7695];
export const modules = {

/***/ 7695:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  aG: () => (/* binding */ gatewayDelayMs),
  Zd: () => (/* binding */ gatewayStuck),
  df: () => (/* binding */ loadScenario),
  zb: () => (/* binding */ mergeScenario),
  scenariosDir: () => (/* binding */ scenariosDir)
});

// UNUSED EXPORTS: HEALTHY

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./sandbox/latency/profile.ts
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
const S = 1000;
const MIN = 60 * S;
/** Every long operation the sandbox times, real durations. */
const REALISTIC = {
    /**
     * One request's round trip to a real API, read or write (its answer, not the operation it starts): every
     * emulated HTTP service and the DNS resolver add it to each request. Runs make hundreds of them one after
     * another (a Terraform refresh walks the module's graph in dependency order), which loopback hides.
     */
    request: {
        value: 100,
        range: [30, 500],
        source: 'Google Cloud Platform blog (googlecloudplatform.blogspot.com), on isolating App Engine latency with curl: a trivial request to the nearest Google front end took 98 ms to connect and 144 ms in all; no published figure for an API call: our reading, about 100 ms for a read from a CI runner, more across continents',
        estimate: true,
    },
    /** A Compute long-running operation that is not an instance or a group (addresses, firewalls, backend services, forwarding rules, health checks). */
    computeOperation: {
        value: 15 * S,
        range: [5 * S, 60 * S],
        source: "Compute API operations are asynchronous (an Operation RUNNING until DONE); no published duration: our reading, seconds for network resources, with the google provider's 20m default create timeout as the bound it tolerates",
        estimate: true,
    },
    /** instances.insert until the operation is DONE (the VM is RUNNING). */
    instanceInsert: {
        value: 30 * S,
        range: [10 * S, 90 * S],
        source: 'https://cloud.google.com/compute/docs/instances/creating-and-starting-an-instance ("Compute Engine automatically starts the instance after you create it"; creation is limited to 20 instances per second); no published duration: tens of seconds is the common observation (issue 18)',
        estimate: true,
    },
    /** instanceGroupManagers.insert until the operation is DONE (the group has created its instances). */
    instanceGroupInsert: {
        value: 2 * MIN,
        range: [1 * MIN, 5 * MIN],
        source: 'https://cloud.google.com/compute/docs/instance-groups/creating-groups-of-managed-instances (the MIG creates each of its instances from the template, so at least one instance creation, above, plus the group); no published duration: minutes (issue 18)',
        estimate: true,
    },
    /** A Cloud DNS change (the zone\'s records) until `done`. */
    dnsChange: {
        value: 10 * S,
        range: [1 * S, 60 * S],
        source: 'Cloud DNS changes.create answers a Change `pending` until it is `done` (https://cloud.google.com/dns/docs/reference/rest/v1/changes); no published duration: our reading, seconds',
        estimate: true,
    },
    /** Certificate Manager: a Google-managed certificate with DNS authorization, from creation to ACTIVE. */
    certificateActive: {
        value: 30 * MIN,
        range: [5 * MIN, 60 * MIN],
        source: 'https://cloud.google.com/certificate-manager/docs/troubleshooting ("Provisioning a Google-managed certificate can take up to 60 minutes after your DNS and load balancer configuration changes propagate"); GKE\'s managed-certificate guides give 30 to 60 minutes with a correct configuration',
    },
    /** The runner VM\'s startup script: Docker installed, the runner and delegate images pulled and started. */
    runnerBoot: {
        value: 90 * S,
        range: [45 * S, 5 * MIN],
        source: "docs/domain.md (the runner VM installs Docker and pulls the runner and delegate images on boot); install-runner's runner-timeout default of 10m is the upper bound we wait for",
        estimate: true,
    },
    /** From runner and delegate up to the gateway reporting healthy in Harness. */
    gatewayHealthy: {
        value: 4 * MIN,
        range: [3 * MIN, 5 * MIN],
        source: 'Harness UI strings (`waitingMessage`, harness/harness-ui): connecting the gateway takes "about 3-5 minutes"; install-runner\'s GW-101 fix says the same',
    },
    /** A gitspace from the start action to `running` (provisioning through the gateway, then the agent\'s setup). */
    gitspaceStart: {
        value: 3 * MIN,
        range: [1 * MIN, 60 * MIN],
        source: 'harness/harness types/config.go: GITNESS_INFRA_TIMEOUT_IN_MINS=60 is the upper bound the control plane allows; Harness publishes no typical figure (a VM from the machine template, then the devcontainer image pull)',
        estimate: true,
    },
};
const DEFAULT_TIME_SCALE = 0.01;
/** A real duration scaled for the sandbox (never below 1 ms, so order is kept). */
function scaled(ms, timeScale) {
    return Math.max(1, Math.round(ms * timeScale));
}
/** Number of gitspace states the emulator steps through to `running` (sandbox/harness/routes/gitspace-actions.ts). */
const GITSPACE_START_STEPS = 4;
/** The scenario fields the profile sets, scaled. Explicit fields of the same scenario win over these. */
function latencyOverrides(timeScale) {
    const p = REALISTIC;
    const t = (f) => scaled(f.value, timeScale);
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

;// CONCATENATED MODULE: ./sandbox/scenario.ts





const HEALTHY = {
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
/** Deep merge for plain objects; arrays and scalars in the override replace the base. */
function mergeScenario(base, override) {
    if (override === undefined)
        return structuredClone(base);
    if (Array.isArray(base) || typeof base !== 'object' || base === null)
        return structuredClone(override);
    const out = structuredClone(base);
    for (const [k, v] of Object.entries(override)) {
        const b = base[k];
        out[k] =
            v && typeof v === 'object' && !Array.isArray(v) && b && typeof b === 'object' && !Array.isArray(b)
                ? mergeScenario(b, v)
                : structuredClone(v);
    }
    return out;
}
const here = (0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(import.meta.url));
/** Where the named scenarios live, whether running from sources or from the bundle (dist/sandbox/scenarios). */
function scenariosDir() {
    for (const candidate of [
        (0,external_node_path_.join)(here, 'scenarios'),
        (0,external_node_path_.join)(here, '..', 'sandbox', 'scenarios'),
        (0,external_node_path_.join)(here, '..', '..', 'sandbox', 'scenarios'),
    ]) {
        if ((0,external_node_fs_.existsSync)(candidate))
            return candidate;
    }
    return (0,external_node_path_.join)(here, 'scenarios');
}
/**
 * The base a scenario's fields are merged over: the healthy project, with the realistic latency profile's
 * durations when the scenario asks for it (so that its own explicit fields still win).
 */
function baseFor(override) {
    if (override.latency === undefined)
        return HEALTHY;
    if (override.latency !== 'realistic')
        throw new Error(`Scenario latency: "${String(override.latency)}" is not a profile; use latency: realistic`);
    const timeScale = override.timeScale ?? DEFAULT_TIME_SCALE;
    if (!(typeof timeScale === 'number' && timeScale > 0 && timeScale <= 1))
        throw new Error(`Scenario timeScale: ${String(override.timeScale)} is not a factor in (0, 1]; use e.g. timeScale: 0.01`);
    return mergeScenario(HEALTHY, { ...latencyOverrides(timeScale), latency: 'realistic', timeScale });
}
/** A scenario by name (sandbox/scenarios/<name>.yaml), from a file path, or an object of overrides. */
function loadScenario(nameOrPath = 'healthy') {
    if (typeof nameOrPath !== 'string')
        return checkGatewayRegions(mergeScenario(baseFor(nameOrPath), nameOrPath));
    if (nameOrPath === 'healthy')
        return structuredClone(HEALTHY);
    const byName = (0,external_node_path_.join)(scenariosDir(), `${nameOrPath}.yaml`);
    const path = (0,external_node_fs_.existsSync)(byName) ? byName : (0,external_node_path_.resolve)(nameOrPath);
    if (!(0,external_node_fs_.existsSync)(path))
        throw new Error(`Unknown scenario "${nameOrPath}": not in ${scenariosDir()} and not a file`);
    const raw = (0,dist.parse)((0,external_node_fs_.readFileSync)(path, 'utf8'));
    return checkGatewayRegions(mergeScenario(baseFor(raw), { name: nameOrPath, ...raw }));
}
/**
 * The per-region gateway fields name regions of the world (`gcp.regions`), with delays in ms >= 0: a region
 * misspelt would otherwise leave its gateway on the default schedule without a word.
 */
function checkGatewayRegions(s) {
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
        if (!known.includes(region))
            throw new Error(`Scenario harness.${field}: "${region}" is not a region of the world; use one of gcp.regions (${known.join(', ')})`);
    for (const [region, ms] of Object.entries(h.gatewayHealthyAfterMsByRegion ?? {}))
        if (!(typeof ms === 'number' && ms >= 0))
            throw new Error(`Scenario harness.gatewayHealthyAfterMsByRegion.${region}: ${String(ms)} is not a duration; use milliseconds >= 0, e.g. 5000`);
    return s;
}
/**
 * How long after its conditions hold a region's gateway reports healthy, in the sandbox's (scaled) milliseconds:
 * the region's own `gatewayHealthyAfterMsByRegion` (a real duration under `latency: realistic`, so scaled by
 * `timeScale` like the profile's figures), else `gatewayHealthyAfterMs` (already the scaled profile figure, or
 * what the scenario set).
 */
function gatewayDelayMs(s, region) {
    const own = s.harness.gatewayHealthyAfterMsByRegion?.[region];
    if (own === undefined)
        return s.harness.gatewayHealthyAfterMs;
    return s.latency === 'realistic' ? scaled(own, s.timeScale ?? DEFAULT_TIME_SCALE) : own;
}
/** Whether the scenario keeps a region's gateway unhealthy for good. */
function gatewayStuck(s, region) {
    const stuck = s.harness.gatewayStuckUnhealthy;
    return stuck === true || (Array.isArray(stuck) && stuck.includes(region));
}


/***/ })

};
