export const id = 8430;
export const ids = [8430];
export const modules = {

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


/***/ })

};
