export const id = 1562;
export const ids = [1562];
export const modules = {

/***/ 91562:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   df: () => (/* binding */ loadScenario),
/* harmony export */   scenariosDir: () => (/* binding */ scenariosDir),
/* harmony export */   zb: () => (/* binding */ mergeScenario)
/* harmony export */ });
/* unused harmony export HEALTHY */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(73136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(38815);




const HEALTHY = {
    name: 'healthy',
    description: 'A project ready for Gitspaces: APIs on, Owner key valid, domain delegated, account flag on.',
    expectFailures: [],
    seed: 1,
    faults: [],
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
        regions: {
            'us-central1': {
                zones: ['us-central1-a', 'us-central1-b', 'us-central1-c', 'us-central1-f'],
                quotas: {
                    CPUS: { limit: 72, usage: 4 },
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
const here = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)((0,node_url__WEBPACK_IMPORTED_MODULE_2__.fileURLToPath)(import.meta.url));
/** Where the named scenarios live, whether running from sources or from the bundle (dist/sandbox/scenarios). */
function scenariosDir() {
    for (const candidate of [
        (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(here, 'scenarios'),
        (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(here, '..', 'sandbox', 'scenarios'),
        (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(here, '..', '..', 'sandbox', 'scenarios'),
    ]) {
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(candidate))
            return candidate;
    }
    return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(here, 'scenarios');
}
/** A scenario by name (sandbox/scenarios/<name>.yaml), from a file path, or an object of overrides. */
function loadScenario(nameOrPath = 'healthy') {
    if (typeof nameOrPath !== 'string')
        return mergeScenario(HEALTHY, nameOrPath);
    if (nameOrPath === 'healthy')
        return structuredClone(HEALTHY);
    const byName = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(scenariosDir(), `${nameOrPath}.yaml`);
    const path = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(byName) ? byName : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(nameOrPath);
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(path))
        throw new Error(`Unknown scenario "${nameOrPath}": not in ${scenariosDir()} and not a file`);
    const raw = (0,yaml__WEBPACK_IMPORTED_MODULE_3__.parse)((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8'));
    return mergeScenario(HEALTHY, { name: nameOrPath, ...raw });
}


/***/ })

};
