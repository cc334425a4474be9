export const id = 2779;
export const ids = [2779];
export const modules = {

/***/ 38017:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cy: () => (/* binding */ TROUBLESHOOTING_DOC),
/* harmony export */   Wo: () => (/* binding */ catalogEntry),
/* harmony export */   nF: () => (/* binding */ entriesOfPhase)
/* harmony export */ });
/* unused harmony exports FAMILIES, CATALOG */
/**
 * Every check and health gate the bundle runs, in report order: the one list of ids, titles and families.
 *
 * - validate-prereqs runs the `preflight` ones (preflight.ts pairs each with its implementation);
 * - terraform-apply runs the `after-apply` gates (after-apply.ts), install-runner the `after-install` gates
 *   (after-install.ts), after their phase.
 *
 * Each family has its file in this folder (`dns.ts` implements DNS-001..004, `after-apply.ts` DNS-101 and CERT-101).
 * docs/troubleshooting.md has a section per id, headed `## <id>: <title>`, in this order, and a table generated from
 * this list. test/checks/catalog.test.ts holds the list to the implementations, test/docs/troubleshooting.test.ts
 * to that page and to the README's Troubleshooting table.
 *
 * Adding a check: an entry here, its implementation in its family's file (and in that file's list), a section in
 * docs/troubleshooting.md (then regenerate its table), and a link in the README's Troubleshooting table.
 */
/** The families, each one file of shared/checks/ (the id prefixes: CFG, TOOL, AUTH, API, IAM, ORG, ...). */
const FAMILIES = (/* unused pure expression or super */ null && ([
    'config',
    'tools',
    'auth',
    'apis',
    'iam',
    'org',
    'capacity',
    'network',
    'images',
    'dns',
    'certificates',
    'harness',
    'state',
    'after-apply',
    'after-install',
]));
const SERVICE_STATE = ['serviceusage.services.get'];
const ORG_POLICY = ['orgpolicy.policy.get (roles/orgpolicy.policyViewer)'];
const HARNESS_INFRA = [
    'view Gitspace infrastructure providers at account scope (CDE Admin or Account Admin)',
];
const ENTRIES = [
    {
        id: 'CFG-001',
        family: 'config',
        phase: 'preflight',
        title: 'Config file parses and validates',
        uses: ['config'],
    },
    {
        id: 'CFG-002',
        family: 'config',
        phase: 'preflight',
        title: 'Config keys match the pinned module generation',
        uses: ['config'],
    },
    {
        id: 'TOOL-001',
        family: 'tools',
        phase: 'preflight',
        title: 'Terraform or OpenTofu >= 1.3 on PATH',
        uses: ['config', 'exec'],
    },
    {
        id: 'TOOL-002',
        family: 'tools',
        phase: 'preflight',
        title: "POSIX shell for the module's local-exec",
        uses: ['exec'],
    },
    {
        id: 'AUTH-001',
        family: 'auth',
        phase: 'preflight',
        title: 'GCP credentials resolve (key file or keyless)',
        uses: ['config', 'gcp'],
    },
    {
        id: 'AUTH-002',
        family: 'auth',
        phase: 'preflight',
        title: 'Key is a JSON service-account key (a P12 key only with its account email)',
        uses: ['config', 'gcp'],
    },
    {
        id: 'AUTH-003',
        family: 'auth',
        phase: 'preflight',
        title: 'Key is usable: not deleted, disabled or expired',
        uses: ['config', 'gcp'],
        permissions: ['iam.serviceAccountKeys.get'],
    },
    {
        id: 'AUTH-004',
        family: 'auth',
        phase: 'preflight',
        title: 'Long-lived key where keyless would do; key age',
        uses: ['config', 'gcp'],
        permissions: ['iam.serviceAccountKeys.get'],
    },
    {
        id: 'API-001',
        family: 'apis',
        phase: 'preflight',
        title: 'Cloud Resource Manager API enabled',
        uses: ['config', 'gcp'],
        permissions: SERVICE_STATE,
    },
    {
        id: 'API-002',
        family: 'apis',
        phase: 'preflight',
        title: 'Compute Engine API enabled',
        uses: ['config', 'gcp'],
        permissions: SERVICE_STATE,
    },
    {
        id: 'API-003',
        family: 'apis',
        phase: 'preflight',
        title: 'Certificate Manager API enabled',
        uses: ['config', 'gcp'],
        permissions: SERVICE_STATE,
    },
    {
        id: 'API-004',
        family: 'apis',
        phase: 'preflight',
        title: 'IAM API enabled',
        uses: ['config', 'gcp'],
        permissions: SERVICE_STATE,
    },
    {
        id: 'API-005',
        family: 'apis',
        phase: 'preflight',
        title: 'Cloud DNS API enabled',
        uses: ['config', 'gcp'],
        permissions: SERVICE_STATE,
    },
    {
        id: 'API-006',
        family: 'apis',
        phase: 'preflight',
        title: 'Memorystore for Redis API enabled (HA gateways)',
        uses: ['config', 'gcp'],
        permissions: SERVICE_STATE,
    },
    {
        id: 'API-007',
        family: 'apis',
        phase: 'preflight',
        title: 'Enable missing APIs and wait until they answer (enable-apis)',
        uses: ['config', 'gcp'],
        permissions: [...SERVICE_STATE, 'serviceusage.services.enable (only with enable-apis: true)'],
    },
    {
        id: 'IAM-001',
        family: 'iam',
        phase: 'preflight',
        title: "Identity holds every permission the module's resources need",
        // projects:testIamPermissions answers any caller: it needs no permission of its own.
        uses: ['config', 'gcp'],
    },
    {
        id: 'IAM-002',
        family: 'iam',
        phase: 'preflight',
        title: 'Owner role as Harness documents (or enough permissions)',
        uses: ['config', 'gcp'],
        permissions: ['resourcemanager.projects.getIamPolicy'],
    },
    {
        id: 'ORG-001',
        family: 'org',
        phase: 'preflight',
        title: 'Org policy iam.disableServiceAccountKeyCreation',
        uses: ['config', 'gcp'],
        permissions: ORG_POLICY,
    },
    {
        id: 'ORG-002',
        family: 'org',
        phase: 'preflight',
        title: 'Org policy gcp.resourceLocations allows every region',
        uses: ['config', 'gcp'],
        permissions: ORG_POLICY,
    },
    {
        id: 'ORG-003',
        family: 'org',
        phase: 'preflight',
        title: 'Org policies compute.vmExternalIpAccess and compute.requireOsLogin',
        uses: ['config', 'gcp'],
        permissions: ORG_POLICY,
    },
    {
        id: 'QUOTA-001',
        family: 'capacity',
        phase: 'preflight',
        title: 'Quotas (regional, per machine family, global) cover the planned footprint',
        uses: ['config', 'gcp'],
        permissions: ['compute.regions.get', 'compute.projects.get'],
    },
    {
        id: 'NET-001',
        family: 'network',
        phase: 'preflight',
        title: 'Subnet ranges valid; default subnets inside 10.0.0.0/8',
        uses: ['config'],
    },
    {
        id: 'NET-002',
        family: 'network',
        phase: 'preflight',
        title: 'Subnets do not overlap each other or existing subnets',
        uses: ['config', 'gcp'],
        permissions: ['compute.subnetworks.list'],
    },
    {
        id: 'NET-003',
        family: 'network',
        phase: 'preflight',
        title: 'Gateway ingress restricted (whitelist_ip_ranges), or open by choice (allow_public)',
        uses: ['config'],
    },
    {
        id: 'NET-004',
        family: 'network',
        phase: 'preflight',
        title: 'The Infra Config YAML restricts the gateway ingress the module will create',
        uses: ['config', 'harness'],
        permissions: HARNESS_INFRA,
    },
    {
        id: 'IMG-001',
        family: 'images',
        phase: 'preflight',
        title: 'Gateway and runner images exist and are Ubuntu',
        uses: ['config', 'gcp'],
        permissions: ['compute.images.get', 'compute.images.getFromFamily'],
    },
    {
        id: 'IMG-002',
        family: 'images',
        phase: 'preflight',
        title: 'The Infra Config YAML names the configured (Ubuntu) gateway image',
        uses: ['config', 'harness'],
        permissions: HARNESS_INFRA,
    },
    // Regions belong with capacity: QUOTA-001 and REG-001 read the same regions.get answer.
    {
        id: 'REG-001',
        family: 'capacity',
        phase: 'preflight',
        title: 'Regions and the runner zone exist',
        uses: ['config', 'gcp'],
        permissions: ['compute.regions.get', 'compute.zones.get'],
    },
    {
        id: 'DNS-001',
        family: 'dns',
        phase: 'preflight',
        title: 'Domain, region domains and zone name are valid',
        uses: ['config'],
    },
    {
        id: 'DNS-002',
        family: 'dns',
        phase: 'preflight',
        title: "Parent zone delegates the domain to the Cloud DNS zone's name servers",
        uses: ['config', 'dns', 'gcp'],
        permissions: ['dns.managedZones.get'],
    },
    {
        id: 'DNS-003',
        family: 'dns',
        phase: 'preflight',
        title: 'Public resolvers see the delegation (propagation)',
        uses: ['config', 'dns'],
    },
    {
        id: 'DNS-004',
        family: 'dns',
        phase: 'preflight',
        title: 'manage_dns_zone: false has an existing zone named after the domain',
        uses: ['config', 'gcp'],
        permissions: ['dns.managedZones.get'],
    },
    {
        id: 'CERT-001',
        family: 'certificates',
        phase: 'preflight',
        title: 'BYO certificate: key matches, chain order, SANs, expiry',
        uses: ['config', 'files'],
    },
    {
        id: 'HARNESS-001',
        family: 'harness',
        phase: 'preflight',
        title: 'Harness API key authenticates with account scope',
        uses: ['config', 'harness'],
        permissions: HARNESS_INFRA,
    },
    {
        id: 'HARNESS-002',
        family: 'harness',
        phase: 'preflight',
        title: 'Self-hosted (hybrid) infrastructure is enabled on the account',
        uses: ['config', 'harness'],
        permissions: [...HARNESS_INFRA, "read the account's gitspace settings"],
    },
    {
        id: 'HARNESS-003',
        family: 'harness',
        phase: 'preflight',
        title: 'Configured Harness org and project exist',
        uses: ['config', 'harness'],
        permissions: ['view the organization and the project'],
    },
    {
        id: 'STATE-001',
        family: 'state',
        phase: 'preflight',
        title: 'Terraform state bucket exists in this project',
        uses: ['config', 'gcp'],
        permissions: ['storage.buckets.get', 'resourcemanager.projects.get'],
    },
    {
        id: 'STATE-002',
        family: 'state',
        phase: 'preflight',
        title: 'Object versioning on the state bucket',
        uses: ['config', 'gcp'],
        permissions: ['storage.buckets.get'],
    },
    {
        id: 'STATE-003',
        family: 'state',
        phase: 'preflight',
        title: 'State bucket is private: uniform bucket-level access and public access prevention',
        uses: ['config', 'gcp'],
        permissions: ['storage.buckets.get', 'storage.buckets.getIamPolicy'],
    },
    {
        id: 'STATE-004',
        family: 'state',
        phase: 'preflight',
        title: 'Identity can read, list, write and delete state objects',
        uses: ['config', 'gcp'],
        permissions: [
            'storage.objects.get',
            'storage.objects.list',
            'storage.objects.create',
            'storage.objects.delete',
        ],
    },
    {
        id: 'STATE-005',
        family: 'state',
        phase: 'preflight',
        title: 'No lock held on the Terraform state',
        uses: ['config', 'gcp'],
        permissions: ['storage.objects.get'],
    },
    {
        id: 'STATE-006',
        family: 'state',
        phase: 'preflight',
        title: 'Nothing the module would create already exists outside the Terraform state',
        uses: ['config', 'gcp'],
        permissions: [
            'storage.objects.get',
            'compute.{networks,subnetworks,firewalls,addresses,routers,healthChecks,backendServices,urlMaps,targetHttpsProxies,forwardingRules,instanceTemplates,instanceGroupManagers,instances}.list (roles/compute.viewer)',
            'dns.managedZones.get',
            'dns.resourceRecordSets.list',
            'certificatemanager.certs.list',
            'certificatemanager.dnsauthorizations.list',
            'iam.serviceAccounts.get',
        ],
    },
    {
        id: 'DNS-101',
        family: 'after-apply',
        phase: 'after-apply',
        title: 'Region A record points at the ALB',
        uses: ['config', 'gcp'],
        permissions: ['dns.resourceRecordSets.list (roles/dns.reader)'],
    },
    {
        id: 'CERT-101',
        family: 'after-apply',
        phase: 'after-apply',
        title: 'Region certificate is ACTIVE',
        uses: ['config', 'gcp'],
        permissions: ['certificatemanager.certs.get (roles/certificatemanager.viewer)', 'dns.managedZones.get'],
    },
    {
        id: 'NET-101',
        family: 'after-apply',
        phase: 'after-apply',
        title: "The gateways' firewall rule admits only the whitelisted ranges",
        uses: ['config', 'gcp'],
        permissions: ['compute.firewalls.get'],
    },
    {
        id: 'RUN-101',
        family: 'after-install',
        phase: 'after-install',
        title: 'Runner VM bootstrapped and its /healthz answers OK',
        uses: ['config', 'gcp'],
        permissions: [
            'compute.instances.getGuestAttributes',
            'compute.instances.get',
            'compute.instances.getSerialPortOutput (optional: a failure report GCE dropped is read there)',
        ],
    },
    {
        id: 'DLG-101',
        family: 'after-install',
        phase: 'after-install',
        title: 'Delegate actively connected with the selector the infrastructure expects',
        uses: ['config', 'harness'],
        permissions: ['view delegates', ...HARNESS_INFRA],
    },
    {
        id: 'GW-101',
        family: 'after-install',
        phase: 'after-install',
        title: "Every region's gateway reports overall_health healthy at the expected version",
        uses: ['config', 'harness'],
        permissions: HARNESS_INFRA,
    },
];
const TROUBLESHOOTING_DOC = 'docs/troubleshooting.md';
const CATALOG = ENTRIES.map(({ uses, permissions, ...e }) => ({
    ...e,
    needs: { uses, permissions: permissions ?? [] },
    doc: `${TROUBLESHOOTING_DOC}#${e.id}`,
}));
/** The catalog entry of an id; an unknown id is a bug in the caller, not a user's mistake. */
function catalogEntry(id) {
    const e = CATALOG.find((c) => c.id === id);
    if (!e)
        throw new Error(`${id} is not in the check catalog (shared/checks/catalog.ts)`);
    return e;
}
function entriesOfPhase(phase) {
    return CATALOG.filter((c) => c.phase === phase);
}


/***/ }),

/***/ 22779:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B_: () => (/* binding */ docUrlFor),
/* harmony export */   Po: () => (/* binding */ needConfig),
/* harmony export */   R8: () => (/* binding */ warn),
/* harmony export */   iv: () => (/* binding */ skip),
/* harmony export */   oC: () => (/* binding */ SkipCheck),
/* harmony export */   ok: () => (/* binding */ ok),
/* harmony export */   p_: () => (/* binding */ list),
/* harmony export */   z3: () => (/* binding */ error)
/* harmony export */ });
/* unused harmony export DOC_BASE */
/* harmony import */ var _catalog_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38017);

/** Thrown inside a check that cannot look (a prerequisite failed, no permission): becomes `skip` with the reason. */
class SkipCheck extends Error {
    reason;
    expected;
    name = 'SkipCheck';
    constructor(reason, expected = '') {
        super(reason);
        this.reason = reason;
        this.expected = expected;
    }
}
/** docs/troubleshooting.md has an anchor per check id (test/checks/catalog.test.ts holds it to the catalog). */
const DOC_BASE = `https://github.com/gitspaces-dev/gitspaces-actions/blob/main/${_catalog_js__WEBPACK_IMPORTED_MODULE_0__/* .TROUBLESHOOTING_DOC */ .Cy}`;
function docUrlFor(id) {
    return `${DOC_BASE}#${id}`;
}
const ok = (observed, expected, fix = '') => ({
    status: 'ok',
    observed,
    expected,
    fix,
});
const warn = (observed, expected, fix) => ({
    status: 'warn',
    observed,
    expected,
    fix,
});
const error = (observed, expected, fix) => ({
    status: 'error',
    observed,
    expected,
    fix,
});
const skip = (reason, expected = '') => ({
    status: 'skip',
    observed: 'not checked',
    expected,
    fix: reason,
});
/** The config or a skip: checks that read it cannot look when CFG-001 failed. */
function needConfig(ctx) {
    if (!ctx.config)
        throw new SkipCheck('the config file did not load (see CFG-001)');
    return ctx.config;
}
function list(items, max = 8) {
    if (items.length === 0)
        return 'none';
    return items.length <= max
        ? items.join(', ')
        : `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}


/***/ })

};
