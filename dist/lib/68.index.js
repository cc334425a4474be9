export const id = 68;
export const ids = [68,8430,2341];
export const modules = {

/***/ 50068:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   findCollisions: () => (/* binding */ findCollisions),
/* harmony export */   importBlocks: () => (/* binding */ importBlocks),
/* harmony export */   importCommand: () => (/* binding */ importCommand),
/* harmony export */   plannedResources: () => (/* binding */ plannedResources),
/* harmony export */   provisionerEmail: () => (/* binding */ provisionerEmail),
/* harmony export */   stateView: () => (/* binding */ stateView),
/* harmony export */   stateViewFromList: () => (/* binding */ stateViewFromList)
/* harmony export */ });
/* harmony import */ var _gcp_rest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(19809);
/* harmony import */ var _net_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(27781);
/* harmony import */ var _root_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(62341);



const key = (k) => `[${JSON.stringify(k)}]`;
/** The region's domain as configure-infra builds it: `<subdomain>.<domain>`, or the domain. */
function regionDomain(config, region) {
    const sub = config.infrastructure.regions[region]?.subdomain ?? '';
    return sub ? `${sub}.${config.infrastructure.domain}` : config.infrastructure.domain;
}
/** The module's service account email (`project.service_account` of the Infra Config YAML: `<name>-sa`). */
function provisionerEmail(config) {
    return `${config.infrastructure.name}-sa@${config.gcp.project_id}.iam.gserviceaccount.com`;
}
const FIREWALL_RULES = [
    'allow-healthcheck-egress',
    'allow-google-apis-egress',
    'allow-all-egress',
    'allow-healthcheck-ingress',
    'deny-all-ingress',
    'allow-ingress-gitspace',
    'allow-gateway-ssh',
    'allow-all-ingress-gateway',
];
function regional(b, r, gcloud) {
    b.out.push({
        address: r.address,
        kind: r.kind,
        name: r.name,
        where: r.region,
        importId: `projects/${b.project}/regions/${r.region}/${r.collection}/${r.name}`,
        deleteCommand: `gcloud compute ${gcloud} delete ${r.name} --region=${r.region}${b.p}`,
        lookup: { api: 'compute', collection: r.collection, scope: `regions/${r.region}` },
    });
}
function globalCompute(b, r, gcloud) {
    b.out.push({
        address: r.address,
        kind: r.kind,
        name: r.name,
        where: 'global',
        importId: `projects/${b.project}/global/${r.collection}/${r.name}`,
        deleteCommand: `gcloud compute ${gcloud} delete ${r.name}${gcloud === 'health-checks' ? ' --global' : ''}${b.p}`,
        lookup: { api: 'compute', collection: r.collection, scope: 'global' },
    });
}
/** module.domain[0]: the zone and, with Certificate Manager, each region's authorization, challenge and certificate. */
function domainResources(b, config) {
    const D = `module.${_root_js__WEBPACK_IMPORTED_MODULE_2__.MODULE_NAME}.module.domain[0]`;
    const name = config.infrastructure.name;
    const zone = (0,_net_js__WEBPACK_IMPORTED_MODULE_1__/* .zoneNameFor */ .$k)(config.infrastructure.domain);
    b.out.push({
        address: `${D}.google_dns_managed_zone.default`,
        kind: 'Cloud DNS zone',
        name: zone,
        where: 'global',
        importId: `projects/${b.project}/managedZones/${zone}`,
        deleteCommand: `gcloud dns managed-zones delete ${zone}${b.p} (after deleting its record sets other than NS and SOA)`,
        lookup: { api: 'zone' },
    });
    if (config.terraform.certificate.mode === 'files')
        return;
    for (const region of Object.keys(config.infrastructure.regions)) {
        const auth = `${name}-${region}-default-wildcard-dns-auth`;
        const cert = `${name}-${region}-dns-cert`;
        b.out.push({
            address: `${D}.google_certificate_manager_dns_authorization.default${key(region)}`,
            kind: 'DNS authorization',
            name: auth,
            where: region,
            importId: `projects/${b.project}/locations/${region}/dnsAuthorizations/${auth}`,
            deleteCommand: `gcloud certificate-manager dns-authorizations delete ${auth} --location=${region}${b.p}`,
            lookup: { api: 'dnsAuthorization', location: region },
        });
        const challenge = `_acme-challenge.${regionDomain(config, region)}.`;
        b.out.push({
            address: `${D}.google_dns_record_set.default-challenge${key(region)}`,
            kind: 'DNS record CNAME',
            name: challenge,
            where: zone,
            importId: `projects/${b.project}/managedZones/${zone}/rrsets/${challenge}/CNAME`,
            deleteCommand: `gcloud dns record-sets delete ${challenge} --type=CNAME --zone=${zone}${b.p}`,
            lookup: { api: 'record', zone, type: 'CNAME' },
        });
        b.out.push({
            address: `${D}.google_certificate_manager_certificate.default${key(region)}`,
            kind: 'certificate',
            name: cert,
            where: region,
            importId: `projects/${b.project}/locations/${region}/certificates/${cert}`,
            deleteCommand: `gcloud certificate-manager certificates delete ${cert} --location=${region}${b.p}`,
            lookup: { api: 'certificate', location: region },
        });
    }
}
/** One region's resources of module.infra (the gateway's uuid()-named template and group aside). */
function regionResources(b, config, region) {
    const I = `module.${_root_js__WEBPACK_IMPORTED_MODULE_2__.MODULE_NAME}.module.infra`;
    const n = `${config.infrastructure.name}-${region}`;
    const k = key(region);
    regional(b, {
        address: `${I}.google_compute_subnetwork.subnet${k}`,
        kind: 'subnetwork',
        name: 'harnessdefault',
        region,
        collection: 'subnetworks',
    }, 'networks subnets');
    regional(b, {
        address: `${I}.google_compute_subnetwork.proxy${k}`,
        kind: 'subnetwork',
        name: `${n}-proxy-subnet`,
        region,
        collection: 'subnetworks',
    }, 'networks subnets');
    for (const [res, suffix] of [
        ['nat_static_ip', 'nat-static-ip'],
        ['alb_ip', 'alb-ip'],
        ['nlb_ip', 'nlb-ip'],
    ])
        regional(b, {
            address: `${I}.google_compute_address.${res}${k}`,
            kind: 'address',
            name: `${n}-${suffix}`,
            region,
            collection: 'addresses',
        }, 'addresses');
    const R = `${I}.module.cloud_router${k}`;
    const router = `${n}-gateway-router`;
    regional(b, {
        address: `${R}.google_compute_router.router`,
        kind: 'Cloud Router',
        name: router,
        region,
        collection: 'routers',
    }, 'routers');
    const nat = `${n}-gateway-nat`;
    b.out.push({
        address: `${R}.google_compute_router_nat.nats${key(nat)}`,
        kind: 'Cloud NAT',
        name: nat,
        where: region,
        importId: `${b.project}/${region}/${router}/${nat}`,
        deleteCommand: `gcloud compute routers nats delete ${nat} --router=${router} --region=${region}${b.p}`,
        lookup: { api: 'compute', collection: 'routers', scope: `regions/${region}`, nat: { router } },
    });
    const chain = [
        [
            'google_compute_region_health_check.alb_default',
            'health-check',
            'healthChecks',
            'health check',
            'health-checks',
        ],
        [
            'google_compute_region_health_check.nlb_default',
            'nlb-health-check',
            'healthChecks',
            'health check',
            'health-checks',
        ],
        [
            'google_compute_region_backend_service.alb_default',
            'alb-backend',
            'backendServices',
            'backend service',
            'backend-services',
        ],
        [
            'google_compute_region_backend_service.nlb_default',
            'nlb-backend',
            'backendServices',
            'backend service',
            'backend-services',
        ],
        [
            'google_compute_region_backend_service.nlb_gateway_default',
            'gateway-nlb-backend',
            'backendServices',
            'backend service',
            'backend-services',
        ],
        ['google_compute_region_url_map.default', 'url-map', 'urlMaps', 'URL map', 'url-maps'],
        [
            'google_compute_region_target_https_proxy.default',
            'https-proxy',
            'targetHttpsProxies',
            'target HTTPS proxy',
            'target-https-proxies',
        ],
        [
            'google_compute_forwarding_rule.alb_default',
            'default-alb-frontend',
            'forwardingRules',
            'forwarding rule',
            'forwarding-rules',
        ],
        [
            'google_compute_forwarding_rule.nlb_default',
            'default-nlb-frontend',
            'forwardingRules',
            'forwarding rule',
            'forwarding-rules',
        ],
        [
            'google_compute_forwarding_rule.nlb_gateway_default',
            'gateway-nlb-frontend',
            'forwardingRules',
            'forwarding rule',
            'forwarding-rules',
        ],
    ];
    for (const [res, suffix, collection, kind, gcloud] of chain)
        regional(b, { address: `${I}.${res}${k}`, kind, name: `${n}-${suffix}`, region, collection }, gcloud);
    if (config.terraform.manage_dns_zone)
        regionRecords(b, config, region);
}
/** The region's A record and wildcard CNAME in the managed zone (module.infra's alb_a, alb_a_wildcard). */
function regionRecords(b, config, region) {
    const zone = (0,_net_js__WEBPACK_IMPORTED_MODULE_1__/* .zoneNameFor */ .$k)(config.infrastructure.domain);
    const domain = regionDomain(config, region);
    for (const [res, name, type] of [
        ['alb_a', `${domain}.`, 'A'],
        ['alb_a_wildcard', `*.${domain}.`, 'CNAME'],
    ])
        b.out.push({
            address: `module.${_root_js__WEBPACK_IMPORTED_MODULE_2__.MODULE_NAME}.module.infra.google_dns_record_set.${res}${key(region)}`,
            kind: `DNS record ${type}`,
            name,
            where: zone,
            importId: `projects/${b.project}/managedZones/${zone}/rrsets/${name}/${type}`,
            deleteCommand: `gcloud dns record-sets delete '${name}' --type=${type} --zone=${zone}${b.p}`,
            lookup: { api: 'record', zone, type },
        });
}
/** Every resource the module would create under a name known before the apply, in the module's order. */
function plannedResources(config) {
    const project = config.gcp.project_id;
    const b = { out: [], project, p: ` --project=${project} --quiet` };
    const I = `module.${_root_js__WEBPACK_IMPORTED_MODULE_2__.MODULE_NAME}.module.infra`;
    const name = config.infrastructure.name;
    if (config.terraform.manage_dns_zone)
        domainResources(b, config);
    globalCompute(b, {
        address: `${I}.google_compute_network.vpc_network`,
        kind: 'VPC network',
        name: `${name}-network`,
        collection: 'networks',
    }, 'networks');
    for (const rule of FIREWALL_RULES) {
        const fw = `${name}-network-${rule}`;
        globalCompute(b, {
            address: `${I}.module.firewall_rules.google_compute_firewall.rules_ingress_egress${key(fw)}`,
            kind: 'firewall rule',
            name: fw,
            collection: 'firewalls',
        }, 'firewall-rules');
    }
    globalCompute(b, {
        address: `${I}.google_compute_health_check.autohealing`,
        kind: 'health check',
        name: 'autohealing-health-check',
        collection: 'healthChecks',
    }, 'health-checks');
    const email = provisionerEmail(config);
    b.out.push({
        address: `${I}.google_service_account.provisioner`,
        kind: 'service account',
        name: email,
        where: 'global',
        importId: `projects/${project}/serviceAccounts/${email}`,
        deleteCommand: `gcloud iam service-accounts delete ${email}${b.p}`,
        lookup: { api: 'serviceAccount' },
    });
    for (const region of Object.keys(config.infrastructure.regions))
        regionResources(b, config, region);
    if (config.terraform.module.generation !== 'v0.0.3' && config.terraform.create_runner_vm) {
        const { region, zone } = config.infrastructure.runner;
        const vm = `${name}-${region}-runner-vm`;
        b.out.push({
            address: `${I}.google_compute_instance.runner_vm[0]`,
            kind: 'instance (the runner VM)',
            name: vm,
            where: zone,
            importId: `projects/${project}/zones/${zone}/instances/${vm}`,
            deleteCommand: `gcloud compute instances delete ${vm} --zone=${zone}${b.p}`,
            lookup: { api: 'compute', collection: 'instances', scope: `zones/${zone}` },
        });
    }
    return b.out;
}
/** What a state file (format 4, as every backend stores it) knows; an empty view for no state at all. */
function stateView(state) {
    const view = { addresses: new Set(), names: new Set() };
    for (const r of state?.resources ?? []) {
        if (r.mode !== 'managed' || !r.type || !r.name)
            continue;
        const base = `${r.module ? `${r.module}.` : ''}${r.type}.${r.name}`;
        for (const i of r.instances ?? []) {
            const k = i.index_key;
            view.addresses.add(k === undefined ? base : typeof k === 'number' ? `${base}[${k}]` : `${base}${key(k)}`);
            if (typeof i.attributes?.name === 'string')
                view.names.add(i.attributes.name);
        }
    }
    return view;
}
/** A view from `terraform state list` (addresses only). */
function stateViewFromList(addresses) {
    return { addresses: new Set(addresses.filter(Boolean)), names: new Set() };
}
// ------------------------------------------------------------------------------------------- the lookup
const last = (s) => (typeof s === 'string' ? (s.split('/').pop() ?? s) : '');
/** `users` of an address (the forwarding rules or NAT using it), for the message. */
function usedBy(item) {
    const users = item.resource.users;
    if (!Array.isArray(users) || !users.length)
        return undefined;
    return `in use by ${users.map((u) => last(u)).join(', ')}`;
}
/**
 * The planned resources that exist while the state does not know them, and the gateway templates and groups
 * that the state does not know. Only reads.
 */
async function findCollisions(config, apis, state) {
    const project = config.gcp.project_id;
    const planned = plannedResources(config).filter((r) => !state.addresses.has(r.address));
    const collections = [
        ...new Set(planned.flatMap((r) => (r.lookup.api === 'compute' ? [r.lookup.collection] : []))),
        'instanceTemplates',
        'instanceGroupManagers',
    ];
    const zoneName = (0,_net_js__WEBPACK_IMPORTED_MODULE_1__/* .zoneNameFor */ .$k)(config.infrastructure.domain);
    const locations = [...new Set(planned.flatMap((r) => ('location' in r.lookup ? [r.lookup.location] : [])))];
    const needSa = planned.some((r) => r.lookup.api === 'serviceAccount');
    // Every read at once (one round trip, not five one after another); the zone's records alongside the zone
    // itself: a zone that does not exist has none (Cloud DNS answers 404).
    const [lists, zone, records, certs, sa] = await Promise.all([
        Promise.all(collections.map(async (c) => [c, await apis.compute.aggregatedList(project, c)])).then((pairs) => new Map(pairs)),
        apis.dns.getManagedZone(project, zoneName),
        apis.dns.listRecordSets(project, zoneName).catch((e) => {
            if ((0,_gcp_rest_js__WEBPACK_IMPORTED_MODULE_0__/* .isNotFound */ .c4)(e))
                return [];
            throw e;
        }),
        Promise.all(locations.map(async (l) => {
            const [c, a] = await Promise.all([
                apis.certs.listCertificates(project, l),
                apis.certs.listDnsAuthorizations(project, l),
            ]);
            return [
                l,
                { certificate: c.map((x) => last(x.name)), dnsAuthorization: a.map((x) => last(x.name)) },
            ];
        })).then((pairs) => new Map(pairs)),
        needSa ? apis.iam.getServiceAccount(project, provisionerEmail(config)) : undefined,
    ]);
    const collisions = [];
    for (const r of planned) {
        const l = r.lookup;
        let found = false;
        let detail;
        if (l.api === 'compute') {
            const item = lists
                .get(l.collection)
                ?.find((i) => i.scope === l.scope && i.name === (l.nat ? l.nat.router : r.name));
            if (item && l.nat) {
                const nats = Array.isArray(item.resource.nats) ? item.resource.nats : [];
                found = nats.some((x) => x.name === r.name);
            }
            else if (item) {
                found = true;
                detail = usedBy(item);
            }
        }
        else if (l.api === 'zone')
            found = zone !== undefined;
        else if (l.api === 'record')
            found = records.some((x) => x.name === r.name && x.type === l.type);
        else if (l.api === 'serviceAccount')
            found = sa !== undefined;
        else
            found = certs.get(l.location)?.[l.api].includes(r.name) ?? false;
        if (found)
            collisions.push({ ...r, ...(detail ? { detail } : {}) });
    }
    const leftovers = [];
    for (const region of Object.keys(config.infrastructure.regions)) {
        const prefix = `${config.infrastructure.name}-${region}-gateway-`;
        for (const [collection, kind, gcloud, infix] of [
            ['instanceGroupManagers', 'gateway instance group', 'instance-groups managed', 'group-'],
            ['instanceTemplates', 'gateway instance template', 'instance-templates', 'template-'],
        ])
            for (const item of lists.get(collection) ?? [])
                if (item.scope === `regions/${region}` &&
                    item.name.startsWith(prefix + infix) &&
                    !state.names.has(item.name))
                    leftovers.push({
                        kind,
                        name: item.name,
                        where: region,
                        deleteCommand: `gcloud compute ${gcloud} delete ${item.name} --region=${region} --project=${project} --quiet`,
                    });
    }
    return { collisions, leftovers };
}
/** `terraform import` as the user types it, in the root's working directory. */
function importCommand(c, workingDirectory) {
    return `terraform -chdir=${workingDirectory} import '${c.address}' '${c.importId}'`;
}
/** Terraform import blocks (JSON syntax) for the root: `terraform plan` then shows each import. */
function importBlocks(collisions) {
    return { import: collisions.map((c) => ({ to: c.address, id: c.importId })) };
}


/***/ }),

/***/ 58430:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkSetupYamlKeys: () => (/* binding */ checkSetupYamlKeys),
/* harmony export */   describeKeyMismatch: () => (/* binding */ describeKeyMismatch),
/* harmony export */   hl: () => (/* binding */ MODULE_VARIABLES),
/* harmony export */   maskSetupYaml: () => (/* binding */ maskSetupYaml),
/* harmony export */   qQ: () => (/* binding */ MODULE_OUTPUTS)
/* harmony export */ });
/* unused harmony export SETUP_YAML_KEYS */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38815);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(18573);


const COMMON_VARIABLES = [
    { name: 'service_account_key_file', type: 'string' },
    { name: 'infra_config_yaml_file', type: 'string' },
    { name: 'manage_dns_zone', type: 'bool' },
    { name: 'use_gcp_certificate_manager', type: 'bool', default: true },
    { name: 'private_key_path', type: 'string', default: '' },
    { name: 'certificate_path', type: 'string', default: '' },
];
const MODULE_VARIABLES = {
    'v0.0.3': COMMON_VARIABLES,
    'post-0.0.3': [...COMMON_VARIABLES, { name: 'create_runner_vm', type: 'bool' }],
};
const MODULE_OUTPUTS = [
    'vpc_network_id',
    'vpc_network_name',
    'managed_domain_zone',
    'alb_ips',
    'nlb_ips',
    'instance_yaml',
    'sub_networks',
];
/** Infra Config YAML keys (dotted paths; `region_configs.*` for each region) the module reads, per generation. */
const COMMON_KEYS = [
    'name',
    'domain',
    'account_identifier',
    'infra_provider_config_identifier',
    'gitspace_vm_tags',
    'project.id',
    'project.service_account',
    'gateway.instances',
    'gateway.machine_type',
    'gateway.vm_tags',
    'gateway.shared_secret',
    'gateway.cde_manager_url',
    'gateway.version',
    'region_configs.*.region_name',
    'region_configs.*.default_subnet_ip_range',
    'region_configs.*.proxy_subnet_ip_range',
    'region_configs.*.certificates.contents.0.domain',
];
const SETUP_YAML_KEYS = {
    'v0.0.3': [...COMMON_KEYS, 'gateway.vm_image.family', 'gateway.vm_image.project', 'runner.vm_image'],
    'post-0.0.3': [
        ...COMMON_KEYS,
        'gateway.vm_image_name',
        'runner.region',
        'runner.zone',
        'runner.vm_image_name',
    ],
};
function has(doc, path) {
    // Returns one boolean per expansion of `*` (each region).
    if (path.length === 0)
        return [doc !== undefined && doc !== null];
    const [head, ...rest] = path;
    if (doc === null || typeof doc !== 'object')
        return [false];
    if (head === '*') {
        const values = Object.values(doc);
        return values.length ? values.flatMap((v) => has(v, rest)) : [false];
    }
    const next = Array.isArray(doc) ? doc[Number(head)] : doc[head];
    return has(next, rest);
}
function missingKeys(doc, generation) {
    return SETUP_YAML_KEYS[generation].filter((k) => !has(doc, k.split('.')).every(Boolean));
}
/** CFG-002: does the Infra Config YAML have every key the pinned module generation reads? */
function checkSetupYamlKeys(yamlText, generation) {
    let doc;
    try {
        doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__.parse)(yamlText);
    }
    catch (e) {
        return { missing: [], parseError: e instanceof Error ? e.message.split('\n')[0] : String(e) };
    }
    if (!doc || typeof doc !== 'object' || Array.isArray(doc))
        return { missing: [], parseError: 'the document is not a YAML mapping' };
    const fits = ['v0.0.3', 'post-0.0.3'].filter((g) => missingKeys(doc, g).length === 0);
    return { missing: missingKeys(doc, generation), detected: fits.length === 1 ? fits[0] : undefined };
}
/** The human explanation of a key mismatch, for errors and check results. */
function describeKeyMismatch(check, generation) {
    const other = check.detected && check.detected !== generation
        ? ` The YAML looks like the ${check.detected} generation.`
        : '';
    return `The Infra Config YAML lacks ${check.missing.join(', ')}, which module generation ${generation} reads.${other}`;
}
/** Masks every secret-looking value of an Infra Config YAML (the gateway's shared_secret above all). */
function maskSetupYaml(log, yamlText) {
    const found = [];
    let doc;
    try {
        doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__.parse)(yamlText);
    }
    catch {
        return found;
    }
    const walk = (v, key) => {
        if (typeof v === 'string' && /secret|token|password|private_key/i.test(key) && v) {
            (0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .maskSecret */ .$l)(log, v);
            found.push(v);
        }
        else if (v && typeof v === 'object')
            for (const [k, x] of Object.entries(v))
                walk(x, k);
    };
    walk(doc, '');
    return found;
}


/***/ }),

/***/ 62341:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MIRROR_ENV: () => (/* binding */ MIRROR_ENV),
/* harmony export */   MODULE_NAME: () => (/* binding */ MODULE_NAME),
/* harmony export */   PROVIDERS_ENV: () => (/* binding */ PROVIDERS_ENV),
/* harmony export */   STATE_BUCKET_SUFFIX: () => (/* reexport safe */ _backend_js__WEBPACK_IMPORTED_MODULE_4__.TW),
/* harmony export */   checkInstalledModule: () => (/* binding */ checkInstalledModule),
/* harmony export */   declaredVariables: () => (/* binding */ declaredVariables),
/* harmony export */   defaultStateBucket: () => (/* reexport safe */ _backend_js__WEBPACK_IMPORTED_MODULE_4__.vP),
/* harmony export */   defaultStatePrefix: () => (/* reexport safe */ _backend_js__WEBPACK_IMPORTED_MODULE_4__.Te),
/* harmony export */   generateRoot: () => (/* binding */ generateRoot),
/* harmony export */   installedModuleDir: () => (/* binding */ installedModuleDir),
/* harmony export */   isRegistrySource: () => (/* binding */ isRegistrySource),
/* harmony export */   loadHclParser: () => (/* binding */ loadHclParser),
/* harmony export */   moduleSource: () => (/* binding */ moduleSource),
/* harmony export */   moduleVariables: () => (/* binding */ moduleVariables),
/* harmony export */   parseHcl: () => (/* binding */ parseHcl),
/* harmony export */   stateBackend: () => (/* reexport safe */ _backend_js__WEBPACK_IMPORTED_MODULE_4__._h),
/* harmony export */   workdirRelative: () => (/* binding */ workdirRelative),
/* harmony export */   writeRoot: () => (/* binding */ writeRoot)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(32635);
/* harmony import */ var _backend_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(11037);
/* harmony import */ var _interface_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(58430);





/**
 * The root configuration that wraps harness/harness-gitspaces/gcp, generated as JSON (main.tf.json +
 * terraform.tfvars.json). Values only ever travel in terraform.tfvars.json, where Terraform takes strings
 * literally; main.tf.json refers to them as `${var.x}`, so a value holding quotes, `${`, newlines or
 * backslashes reaches the module unchanged (in main.tf.json the same string would be a template).
 *
 * Environment:
 * - GITSPACES_TF_MODULE_MIRROR: a directory holding one copy of the module per generation
 *   (`<mirror>/v0.0.3`, `<mirror>/post-0.0.3`). For air-gapped runners or a vetted mirror; it replaces the
 *   registry/git source (and its version). The sandbox points it at the stand-in module.
 * - GITSPACES_TF_PROVIDERS=none: leave out required_providers, for runners whose providers are pre-installed
 *   or served by a filesystem/network mirror configured in the CLI config (and for the sandbox, whose stand-in
 *   module needs no provider).
 */

const MODULE_NAME = 'gitspaces';
const MIRROR_ENV = 'GITSPACES_TF_MODULE_MIRROR';
const PROVIDERS_ENV = 'GITSPACES_TF_PROVIDERS';
/** `namespace/name/provider` (optionally `host/...`): a registry address, the only kind that takes `version`. */
function isRegistrySource(source) {
    if (source.startsWith('./') ||
        source.startsWith('../') ||
        (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(source) ||
        source.includes('::') ||
        source.includes('://'))
        return false;
    if (/^(github\.com|bitbucket\.org)\//.test(source))
        return false;
    const parts = source.split('//')[0].split('/');
    return (parts.length === 3 || parts.length === 4) && parts.every((p) => /^[A-Za-z0-9._-]+$/.test(p));
}
function moduleSource(config, env) {
    const generation = config.terraform.module.generation;
    const mirror = env[MIRROR_ENV];
    if (mirror)
        return { source: `${(0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(mirror)}/${generation}` };
    const { source, version } = config.terraform.module;
    return isRegistrySource(source) && version ? { source, version } : { source };
}
/** The variable values for the pinned generation: every variable it declares, none it does not. */
function moduleVariables(inputs) {
    const { config } = inputs;
    const tf = config.terraform;
    const files = tf.certificate.mode === 'files';
    const all = {
        service_account_key_file: inputs.keyFile,
        infra_config_yaml_file: inputs.infraConfigFile,
        manage_dns_zone: tf.manage_dns_zone,
        use_gcp_certificate_manager: !files,
        private_key_path: files ? (tf.certificate.private_key_path ?? '') : '',
        certificate_path: files ? (tf.certificate.certificate_path ?? '') : '',
        create_runner_vm: tf.create_runner_vm,
    };
    const out = {};
    for (const v of _interface_js__WEBPACK_IMPORTED_MODULE_3__/* .MODULE_VARIABLES */ .hl[tf.module.generation])
        out[v.name] = all[v.name];
    return out;
}
/** `path` relative to `workdir` when it lies inside it (Terraform resolves relative paths against its working dir). */
function workdirRelative(path, workdir) {
    if (!workdir || !(0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(path))
        return path;
    const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(workdir), path);
    return rel && !rel.startsWith('..') && !(0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(rel) ? rel : path;
}
function generateRoot(inputs) {
    const { config, env } = inputs;
    const generation = config.terraform.module.generation;
    const { source, version } = moduleSource(config, env);
    const tfvars = moduleVariables({
        config,
        keyFile: workdirRelative(inputs.keyFile, inputs.workdir),
        infraConfigFile: workdirRelative(inputs.infraConfigFile, inputs.workdir),
    });
    const terraform = { required_version: '>= 1.3' };
    if ((env[PROVIDERS_ENV] ?? '').toLowerCase() !== 'none') {
        terraform.required_providers = {
            google: { source: 'hashicorp/google', version: '~> 6.1' },
            null: { source: 'hashicorp/null', version: '~> 3.2' },
        };
    }
    const backend = (0,_backend_js__WEBPACK_IMPORTED_MODULE_4__/* .stateBackend */ ._h)(config);
    terraform.backend = { [backend.type]: { ...backend.config } };
    const variable = {};
    const moduleBlock = { source };
    if (version)
        moduleBlock.version = version;
    for (const v of _interface_js__WEBPACK_IMPORTED_MODULE_3__/* .MODULE_VARIABLES */ .hl[generation]) {
        variable[v.name] = {
            type: v.type,
            ...(v.name === 'service_account_key_file'
                ? { description: 'Path of the service-account JSON key.' }
                : {}),
        };
        moduleBlock[v.name] = `\${var.${v.name}}`;
    }
    const output = {};
    for (const o of _interface_js__WEBPACK_IMPORTED_MODULE_3__/* .MODULE_OUTPUTS */ .qQ)
        output[o] = { value: `\${module.${MODULE_NAME}.${o}}` };
    const mainTf = {
        '//': `Generated by harness-gitspaces-actions for module generation ${generation}. Do not edit: change gitspaces.yaml.`,
        terraform,
        variable,
        module: { [MODULE_NAME]: moduleBlock },
        output,
    };
    return { generation, source, version, mainTf, tfvars, backend, warnings: (0,_backend_js__WEBPACK_IMPORTED_MODULE_4__/* .backendWarnings */ .Qy)(backend, env) };
}
function writeRoot(dir, root) {
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(dir, { recursive: true });
    const mainTfPath = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'main.tf.json');
    const tfvarsPath = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'terraform.tfvars.json');
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(mainTfPath, JSON.stringify(root.mainTf, null, 2) + '\n');
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(tfvarsPath, JSON.stringify(root.tfvars, null, 2) + '\n');
    return { mainTfPath, tfvarsPath };
}
let hcl;
/**
 * hcl2-parser is 3.8 MB of GopherJS: it is loaded when a module is first checked, not when an action starts
 * (a plan with a missing input fails in milliseconds instead of after parsing it).
 */
async function loadHclParser() {
    hcl ??= (await __webpack_require__.e(/* import() */ 2750).then(__webpack_require__.t.bind(__webpack_require__, 2750, 23))).default;
}
/** `[result, error]` from hcl2-parser as a value or a real error (call loadHclParser first). */
function parseHcl(text, file) {
    if (!hcl)
        throw new Error('parseHcl: call loadHclParser() first');
    const [result, err] = hcl.parseToObject(text);
    if (err && (typeof err !== 'object' || Object.keys(err).length > 0)) {
        throw new Error(`Cannot parse ${file}: ${typeof err === 'string' ? err : JSON.stringify(err)}`);
    }
    if (!result)
        throw new Error(`Cannot parse ${file}: it is not valid HCL (the parser gives no detail; \`terraform validate\` in that directory does)`);
    return result;
}
/** The variables a module directory declares (every *.tf file; JSON-syntax *.tf.json too). */
function declaredVariables(moduleDir) {
    const out = [];
    for (const f of (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(moduleDir).sort()) {
        let blocks;
        if (f.endsWith('.tf'))
            blocks = parseHcl((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(moduleDir, f), 'utf8'), (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(moduleDir, f));
        else if (f.endsWith('.tf.json'))
            blocks = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(moduleDir, f), 'utf8'));
        else
            continue;
        const vars = (blocks.variable ?? {});
        for (const [name, raw] of Object.entries(vars)) {
            const body = (Array.isArray(raw) ? raw[0] : raw);
            const type = typeof body?.type === 'string' ? body.type.replace(/^\$\{(.*)\}$/, '$1') : undefined;
            out.push({ name, type, required: !body || !('default' in body) });
        }
    }
    return out;
}
/** Where `terraform init` put the module (from .terraform/modules/modules.json). */
function installedModuleDir(workdir, key = MODULE_NAME) {
    const manifest = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(workdir, '.terraform', 'modules', 'modules.json');
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(manifest))
        throw new Error(`${manifest} is missing: run init first`);
    const parsed = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(manifest, 'utf8'));
    const entry = parsed.Modules?.find((m) => m.Key === key);
    if (!entry)
        throw new Error(`module "${key}" is not in ${manifest}`);
    return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(workdir, entry.Dir);
}
const GENERATION_FIX = 'Set terraform.module.generation (or pin terraform.module.version) to the interface the module source really has: ' +
    'v0.0.3 has no create_runner_vm and reads gateway.vm_image.{family,project}; post-0.0.3 requires create_runner_vm and reads ' +
    'gateway.vm_image_name and runner.{region,zone,vm_image_name}. Then run configure again so the Infra Config YAML matches.';
/**
 * After init, before plan: the module that was downloaded must declare what this generation passes, and the
 * Infra Config YAML must hold the keys it reads. Either mismatch would otherwise surface as an obscure
 * "Unsupported attribute" inside yamldecode or "No value for required variable".
 */
async function checkInstalledModule(workdir, root, setupYaml) {
    await loadHclParser();
    const problems = [];
    const declared = declaredVariables(installedModuleDir(workdir));
    const names = new Set(declared.map((d) => d.name));
    for (const name of Object.keys(root.tfvars)) {
        if (!names.has(name))
            problems.push(`the module at ${root.source} declares no variable "${name}", which generation ${root.generation} passes`);
    }
    for (const d of declared) {
        if (d.required && !(d.name in root.tfvars))
            problems.push(`the module at ${root.source} requires variable "${d.name}", which generation ${root.generation} does not pass`);
    }
    if (setupYaml !== undefined) {
        const check = (0,_interface_js__WEBPACK_IMPORTED_MODULE_3__.checkSetupYamlKeys)(setupYaml, root.generation);
        if (check.parseError)
            problems.push(`the Infra Config YAML cannot be read: ${check.parseError}`);
        else if (check.missing.length)
            problems.push((0,_interface_js__WEBPACK_IMPORTED_MODULE_3__.describeKeyMismatch)(check, root.generation));
    }
    if (problems.length) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1('MODULE_GENERATION_MISMATCH', `The Terraform module and the configuration disagree about the module generation (${root.generation}).`, GENERATION_FIX, problems);
    }
}


/***/ })

};
