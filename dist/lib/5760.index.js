export const id = 5760;
export const ids = [5760,8430,2341];
export const modules = {

/***/ 46046:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ CloudStorage),
/* harmony export */   p: () => (/* binding */ stateBucketSettings)
/* harmony export */ });
/* harmony import */ var _rest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(19809);

/** The settings a state bucket is created with: versioned, uniform bucket-level access, public access prevented. */
function stateBucketSettings(name, location) {
    return {
        name,
        location,
        storageClass: 'STANDARD',
        versioning: { enabled: true },
        iamConfiguration: {
            uniformBucketLevelAccess: { enabled: true },
            publicAccessPrevention: 'enforced',
        },
        labels: { 'managed-by': 'gitspaces-actions' },
    };
}
class CloudStorage {
    rest;
    constructor(rest) {
        this.rest = rest;
    }
    /** The bucket, or undefined when it does not exist (404). A 403 (not ours, or no permission) throws. */
    async getBucket(name) {
        try {
            return await this.rest.get('storage', `/storage/v1/b/${encodeURIComponent(name)}`);
        }
        catch (e) {
            if ((0,_rest_js__WEBPACK_IMPORTED_MODULE_0__/* .isNotFound */ .c4)(e))
                return undefined;
            throw e;
        }
    }
    getIamPolicy(bucket) {
        return this.rest.get('storage', `/storage/v1/b/${encodeURIComponent(bucket)}/iam`);
    }
    /** The subset of `permissions` the caller holds on the bucket. */
    async testPermissions(bucket, permissions) {
        const r = await this.rest.get('storage', `/storage/v1/b/${encodeURIComponent(bucket)}/iam/testPermissions`, { permissions });
        return r.permissions ?? [];
    }
    insertBucket(project, body) {
        return this.rest.post('storage', '/storage/v1/b', body, { project });
    }
    /** A JSON object's content (a Terraform state), or undefined when the object or the bucket does not exist. */
    async readJson(bucket, object) {
        const path = `/storage/v1/b/${encodeURIComponent(bucket)}/o/${encodeURIComponent(object)}`;
        try {
            return await this.rest.get('storage', path, { alt: 'media' });
        }
        catch (e) {
            if ((0,_rest_js__WEBPACK_IMPORTED_MODULE_0__/* .isNotFound */ .c4)(e))
                return undefined;
            throw e;
        }
    }
    /** Whether an object exists (a metadata read; 404 is false, other errors throw). */
    async objectExists(bucket, object) {
        try {
            await this.rest.get('storage', `/storage/v1/b/${encodeURIComponent(bucket)}/o/${encodeURIComponent(object)}`);
            return true;
        }
        catch (e) {
            if ((0,_rest_js__WEBPACK_IMPORTED_MODULE_0__/* .isNotFound */ .c4)(e))
                return false;
            throw e;
        }
    }
    /** Terraform's lock object for a state, or undefined when nobody holds the lock. */
    async readLock(bucket, object) {
        const path = `/storage/v1/b/${encodeURIComponent(bucket)}/o/${encodeURIComponent(object)}`;
        try {
            const meta = await this.rest.get('storage', path);
            const info = await this.rest.get('storage', path, {
                alt: 'media',
                generation: meta.generation,
            });
            const str = (k) => (typeof info[k] === 'string' ? info[k] : undefined);
            return {
                id: meta.generation ?? '',
                operation: str('Operation'),
                who: str('Who'),
                created: str('Created'),
                info: str('Info'),
                version: str('Version'),
                path: str('Path'),
            };
        }
        catch (e) {
            if ((0,_rest_js__WEBPACK_IMPORTED_MODULE_0__/* .isNotFound */ .c4)(e))
                return undefined;
            throw e;
        }
    }
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


/***/ }),

/***/ 45760:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createScratch: () => (/* binding */ createScratch),
/* harmony export */   lockNotice: () => (/* binding */ lockNotice),
/* harmony export */   lockObjectName: () => (/* binding */ lockObjectName),
/* harmony export */   prepareStateBucket: () => (/* binding */ prepareStateBucket),
/* harmony export */   readStateLock: () => (/* binding */ readStateLock),
/* harmony export */   terraformEnv: () => (/* binding */ terraformEnv),
/* harmony export */   terraformEnvForRoot: () => (/* binding */ terraformEnvForRoot),
/* harmony export */   writeRootForRemoteState: () => (/* binding */ writeRootForRemoteState)
/* harmony export */ });
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(42372);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(32635);
/* harmony import */ var _gcp_storage_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(46046);
/* harmony import */ var _backend_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(11037);
/* harmony import */ var _root_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(62341);
/* harmony import */ var _workspace_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(74107);









const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
/** A scratch directory removed at cleanup or when the process is told to stop (the signal is then re-raised). */
function createScratch(env, workdir) {
    const base = env.RUNNER_TEMP ? (0,node_path__WEBPACK_IMPORTED_MODULE_3__.resolve)(env.RUNNER_TEMP) : (0,node_os__WEBPACK_IMPORTED_MODULE_2__.tmpdir)();
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdirSync)(base, { recursive: true });
    const dir = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdtempSync)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(base, 'gitspaces-tf-')); // mkdtemp creates it with mode 0700
    const tracked = [dir, (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(workdir, '.terraform')];
    let done = false;
    const cleanup = () => {
        if (done)
            return;
        done = true;
        for (const s of SIGNALS)
            process.removeListener(s, onSignal);
        for (const p of tracked)
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(p, { recursive: true, force: true });
    };
    function onSignal(signal) {
        cleanup();
        if (process.listenerCount(signal) === 0)
            process.kill(process.pid, signal);
    }
    for (const s of SIGNALS)
        process.once(s, onSignal);
    return { dir, planFile: (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, 'plan.tfplan'), track: (p) => tracked.push(p), cleanup };
}
/**
 * The environment terraform runs with: the gcs backend's credentials (GOOGLE_BACKEND_CREDENTIALS, which the backend reads before GOOGLE_CREDENTIALS and ADC) set to the
 * key file the module reads, unless the caller set backend credentials or an access token already.
 */
function terraformEnv(env, keyFile) {
    const out = { ...env };
    if (!env.GOOGLE_BACKEND_CREDENTIALS && !env.GOOGLE_CREDENTIALS && !env.GOOGLE_OAUTH_ACCESS_TOKEN)
        out.GOOGLE_BACKEND_CREDENTIALS = keyFile;
    return out;
}
/** `<prefix>/<workspace>.tflock`, as the gcs backend names its lock object. */
function lockObjectName(backend, workspace) {
    const prefix = (backend.prefix ?? '').replace(/^\/+|\/+$/g, '');
    return prefix ? `${prefix}/${workspace}.tflock` : `${workspace}.tflock`;
}
/**
 * Creates a missing gcs state bucket when asked (versioned, uniform bucket-level access, public access
 * prevention enforced) and says so; a missing bucket otherwise is an error with the fix, before terraform init
 * fails on it less clearly. Returns a line for the summary, or undefined when nothing was done.
 */
async function prepareStateBucket(req) {
    const { backend } = req;
    if (backend.type !== 'gcs' || !backend.bucket)
        return undefined;
    const storage = new _gcp_storage_js__WEBPACK_IMPORTED_MODULE_5__/* .CloudStorage */ .f(req.rest);
    if (await storage.getBucket(backend.bucket))
        return undefined;
    if (!(req.create || backend.createBucket))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigurationError */ .j1('STATE_BUCKET_MISSING', `The Terraform state bucket gs://${backend.bucket} does not exist.`, 'Set the input create-state-bucket: true (or terraform.backend.create_bucket: true) to create it with versioning, uniform bucket-level access and public access prevention; or create it yourself (see STATE-001 in docs/troubleshooting.md).');
    await createBucketOnce(storage, req.project, (0,_gcp_storage_js__WEBPACK_IMPORTED_MODULE_5__/* .stateBucketSettings */ .p)(backend.bucket, req.location), backend.bucket);
    const line = `Created the Terraform state bucket gs://${backend.bucket} in ${req.project} (${req.location}; versioning, uniform bucket-level access, public access prevention enforced).`;
    req.log.info(line);
    return line;
}
/**
 * buckets.insert is not idempotent (a replay of an applied create answers 409: the name is taken), so after a
 * transient failure (5xx, a dropped answer) the bucket is read back: there (the create was applied: done), or not
 * (not applied: created again, at most 3 times in all).
 */
async function createBucketOnce(storage, project, settings, bucket) {
    for (let attempt = 1;; attempt++) {
        try {
            await storage.insertBucket(project, settings);
            return;
        }
        catch (e) {
            const replayed = attempt > 1 && e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .RemoteError */ .Hi && e.status === 409;
            if (!((0,_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .isTransient */ .dg)(e) || replayed) || attempt >= 3)
                throw e;
            if (await storage.getBucket(bucket))
                return;
            if (replayed)
                throw e;
        }
    }
}
/** The lock on this state, if someone holds it (read before Terraform starts waiting on it). */
async function readStateLock(rest, backend, workspace) {
    if (backend.type !== 'gcs' || !backend.bucket)
        return undefined;
    return new _gcp_storage_js__WEBPACK_IMPORTED_MODULE_5__/* .CloudStorage */ .f(rest).readLock(backend.bucket, lockObjectName(backend, workspace));
}
/** What to tell the user about a held lock: who, since when, which run, and the exact force-unlock command. */
function lockNotice(lock, now, workingDirectory, lockTimeout) {
    return (`The Terraform state is locked: ${(0,_backend_js__WEBPACK_IMPORTED_MODULE_8__/* .describeLock */ .FD)(lock, now)}. Terraform waits up to ${lockTimeout} ` +
        `(terraform.lock_timeout) for it. If that run was killed, release the lock (the bundle never does unless asked): ` +
        `run again with the input force-unlock: ${lock.id}, or ${(0,_backend_js__WEBPACK_IMPORTED_MODULE_8__/* .forceUnlockCommand */ .Vs)(lock, workingDirectory)}`);
}
/**
 * For a job that did not apply (teardown on a fresh runner): with remote state, the root module can be written
 * again from the config alone, and Terraform finds everything it must destroy in the state. The key and the Infra
 * Config YAML it names are for the caller to put back. Returns whether a root was written.
 */
function writeRootForRemoteState(dir, config, env) {
    if ((0,_backend_js__WEBPACK_IMPORTED_MODULE_8__/* .stateBackend */ ._h)(config).type === 'local')
        return false;
    // The paths terraform-apply uses (RUNNER_TEMP is the same path in every job of a GitHub-hosted runner): the
    // state records them, and destroy-time provisioners read them from the state.
    const root = (0,_root_js__WEBPACK_IMPORTED_MODULE_6__.generateRoot)({
        config,
        keyFile: (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(env.RUNNER_TEMP ? (0,_workspace_js__WEBPACK_IMPORTED_MODULE_7__/* .privateDirPath */ .eK)(env, dir) : (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, '.gitspaces'), 'gitspaces-sa-key.json'),
        infraConfigFile: (0,_workspace_js__WEBPACK_IMPORTED_MODULE_7__/* .infraConfigDefaultPath */ .V9)(env, config.terraform.working_directory),
        env,
        workdir: dir,
    });
    (0,_root_js__WEBPACK_IMPORTED_MODULE_6__.writeRoot)(dir, root);
    return true;
}
/** terraformEnv for a root already written: the key is the file its terraform.tfvars.json names. */
function terraformEnvForRoot(env, dir) {
    try {
        const vars = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, 'terraform.tfvars.json'), 'utf8'));
        const key = vars.service_account_key_file;
        return typeof key === 'string' && key ? terraformEnv(env, (0,node_path__WEBPACK_IMPORTED_MODULE_3__.resolve)(dir, key)) : { ...env };
    }
    catch {
        return { ...env };
    }
}


/***/ })

};
