export const id = 183;
export const ids = [183];
export const modules = {

/***/ 60183:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main),
  renderConfigureSummary: () => (/* binding */ renderConfigureSummary)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./shared/config/load.ts
var load = __webpack_require__(45481);
// EXTERNAL MODULE: ./shared/errors.ts
var errors = __webpack_require__(32635);
// EXTERNAL MODULE: ./shared/harness/client.ts
var client = __webpack_require__(90262);
// EXTERNAL MODULE: ./shared/report/render.ts
var render = __webpack_require__(23617);
;// CONCATENATED MODULE: ./actions/configure-infra/infra.ts

/** The region domain the UI builds: subdomain prefix + "." + root domain. */
function regionDomain(config, region) {
    const sub = config.infrastructure.regions[region]?.subdomain ?? '';
    return sub ? `${sub}.${config.infrastructure.domain}` : config.infrastructure.domain;
}
/** The create/update body, as the UI's "Configure GCP" form sends it (docs/domain.md#the-infrastructure-provider; HUI GcpInfraDetails.tsx). */
function infraProviderRequest(config) {
    const infra = config.infrastructure;
    const gateway = {
        machine_type: infra.gateway.machine_type,
        instances: infra.gateway.instances,
    };
    if (infra.gateway.vm_image_name)
        gateway.vm_image_name = infra.gateway.vm_image_name;
    if (infra.gateway.whitelist_ip_ranges)
        gateway.whitelist_ip_ranges = [...infra.gateway.whitelist_ip_ranges];
    const runner = { region: infra.runner.region, zone: infra.runner.zone };
    if (infra.runner.vm_image_name)
        runner.vm_image_name = infra.runner.vm_image_name;
    const region_configs = {};
    for (const [region, rc] of Object.entries(infra.regions)) {
        region_configs[region] = {
            region_name: region,
            default_subnet_ip_range: rc.default_subnet_ip_range,
            proxy_subnet_ip_range: rc.proxy_subnet_ip_range,
            certificates: { contents: [{ domain: regionDomain(config, region) }] },
        };
    }
    return {
        identifier: infra.identifier,
        name: infra.name,
        space_ref: '',
        type: 'hybrid_vm_gcp',
        metadata: {
            domain: infra.domain,
            runner,
            delegate_selectors: (config.delegate?.tags ?? []).map((selector) => ({ selector })),
            name: infra.identifier,
            region_configs,
            project: { id: config.gcp.project_id },
            gateway,
        },
    };
}
/** Fields the API will not change after creation (the UI disables them in edit mode). */
const IMMUTABLE_FIELDS = ['metadata.project.id', 'metadata.domain', 'type'];
function leaves(value, prefix, out) {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
        const entries = Object.entries(value);
        if (entries.length === 0)
            out.set(prefix, value);
        for (const [k, v] of entries)
            leaves(v, prefix ? `${prefix}.${k}` : k, out);
    }
    else
        out.set(prefix, value);
}
function get(obj, path) {
    let cur = obj;
    for (const part of path.split('.')) {
        if (!cur || typeof cur !== 'object')
            return undefined;
        cur = cur[part];
    }
    return cur;
}
/**
 * What differs between the infra provider Harness has and the one the config describes. Only the fields the
 * config sets are compared (the server adds its own, such as defaults); a region removed from the config counts too.
 */
function diffInfraProvider(existing, desired) {
    const want = new Map();
    leaves({ name: desired.name, type: desired.type, metadata: desired.metadata }, '', want);
    const changes = [];
    for (const [field, to] of want) {
        const from = get(existing, field);
        if (JSON.stringify(from) !== JSON.stringify(to))
            changes.push({ field, from, to });
    }
    const haveRegions = Object.keys(get(existing, 'metadata.region_configs') ?? {});
    const wantRegions = Object.keys(get(desired, 'metadata.region_configs') ?? {});
    for (const r of haveRegions)
        if (!wantRegions.includes(r))
            changes.push({
                field: `metadata.region_configs.${r}`,
                from: get(existing, `metadata.region_configs.${r}`),
                to: undefined,
            });
    return changes;
}
/** An edit the API would refuse (or silently ignore) becomes an error that says what to do. */
function assertMutable(identifier, changes) {
    const immutable = changes.filter((c) => IMMUTABLE_FIELDS.includes(c.field));
    if (!immutable.length)
        return;
    const configKey = {
        'metadata.project.id': 'gcp.project_id',
        'metadata.domain': 'infrastructure.domain',
        type: '(type)',
    };
    throw new errors/* ConfigurationError */.j1('INFRA_IMMUTABLE_FIELD', `The infra provider ${identifier} exists with ${immutable.map((c) => `${c.field} = ${JSON.stringify(c.from)}`).join(', ')}, and Harness does not change ${immutable.length > 1 ? 'these fields' : 'this field'} after creation.`, `Either set ${immutable.map((c) => `${configKey[c.field]} back to ${JSON.stringify(c.from)}`).join(' and ')} in gitspaces.yaml, or create a new infrastructure: ` +
        'choose a new infrastructure.identifier (the old one must be torn down with the teardown action, or deleted under Account Settings > Gitspace Infrastructure, after its Terraform stack is destroyed).', immutable.map((c) => `${c.field}: Harness has ${JSON.stringify(c.from)}, gitspaces.yaml wants ${JSON.stringify(c.to)}`));
}

;// CONCATENATED MODULE: ./actions/configure-infra/main.ts







const show = (v) => (v === undefined ? '(absent)' : JSON.stringify(v));
function renderConfigureSummary(r) {
    const head = {
        created: `✅ Created the infra provider \`${r.identifier}\` (hybrid_vm_gcp).`,
        updated: `✅ Updated the infra provider \`${r.identifier}\`: ${r.changes.length} field(s) changed.`,
        unchanged: `✅ The infra provider \`${r.identifier}\` already matches gitspaces.yaml: nothing changed.`,
    }[r.action];
    const out = ['## Gitspaces: configure infrastructure', '', `**${head}**`, ''];
    if (r.action === 'updated') {
        out.push('| Field | Was | Now |', '|---|---|---|');
        for (const c of r.changes)
            out.push(`| \`${c.field}\` | ${(0,render/* cell */.Hn)(show(c.from))} | ${(0,render/* cell */.Hn)(show(c.to))} |`);
        out.push('', 'The Infra Config YAML was downloaded again; apply Terraform with it (Harness requires a re-apply after every edit).', '');
    }
    out.push(`- Infra Config YAML: \`${r.path}\` (keys checked against module generation \`${r.generation}\`; it holds the gateway's shared secret: do not upload or commit it)`);
    return out.join('\n') + '\n';
}
async function main(io, deps = {}) {
    const startedAt = io.clock.now();
    const inp = io.inputs;
    const apiKey = (0,client/* readHarnessApiKey */.In)(io);
    inp.secret('gcp-credentials');
    const config = deps.config ?? (await (0,load/* loadConfig */.Z)(inp.optional('config', 'gitspaces.yaml')));
    const generation = config.terraform.module.generation;
    if (!deps.harness && !apiKey) {
        throw (0,client/* missingHarnessApiKey */.Sd)('Infra Provider view/edit');
    }
    const harness = deps.harness ?? (0,client/* harnessClientFromConfig */.ed)(config, { apiKey, env: io.env, log: io.log, clock: io.clock });
    const identifier = config.infrastructure.identifier;
    const desired = infraProviderRequest(config);
    const existing = await harness.getInfraProvider(identifier);
    let action;
    let changes = [];
    if (!existing) {
        io.log.info(`Creating the infra provider ${identifier} (hybrid_vm_gcp) in account ${config.harness.account_id}`);
        await harness.createInfraProvider(desired);
        action = 'created';
    }
    else {
        if (existing.type && existing.type !== 'hybrid_vm_gcp') {
            throw new errors/* ConfigurationError */.j1('INFRA_IMMUTABLE_FIELD', `An infra provider ${identifier} exists with type ${existing.type}, not hybrid_vm_gcp.`, 'Choose another infrastructure.identifier in gitspaces.yaml; an infra provider cannot change its type.');
        }
        changes = diffInfraProvider(existing, desired);
        assertMutable(identifier, changes);
        if (changes.length) {
            io.log.info(`Updating the infra provider ${identifier}: ${changes.map((c) => c.field).join(', ')}`);
            await harness.updateInfraProvider(identifier, desired);
            action = 'updated';
        }
        else {
            io.log.info(`The infra provider ${identifier} already matches the configuration`);
            action = 'unchanged';
        }
    }
    // The Infra Config YAML, as the UI's "Download and Apply YAML" step fetches it.
    const fetched = action === 'unchanged' && existing?.setup_yaml ? existing : await harness.getInfraProvider(identifier);
    const setupYaml = fetched?.setup_yaml ?? '';
    if (!setupYaml) {
        throw new errors/* ConfigurationError */.j1('INFRA_SETUP_YAML_MISSING', `Harness returned no setup_yaml for the infra provider ${identifier}.`, 'Check that the account has self-hosted Gitspaces enabled and that the API key may view infra providers; then run configure again.');
    }
    // Loaded here: its YAML parser is needed only once the config has been read.
    const { checkSetupYamlKeys, describeKeyMismatch, maskSetupYaml } = await Promise.all(/* import() */[__webpack_require__.e(8815), __webpack_require__.e(8430)]).then(__webpack_require__.bind(__webpack_require__, 58430));
    maskSetupYaml(io.log, setupYaml);
    const keyCheck = checkSetupYamlKeys(setupYaml, generation);
    const cfg002 = {
        id: 'CFG-002',
        title: 'the Infra Config YAML keys match the pinned module generation',
        status: keyCheck.parseError || keyCheck.missing.length ? 'error' : 'ok',
        observed: keyCheck.parseError
            ? `unreadable YAML: ${keyCheck.parseError}`
            : keyCheck.missing.length
                ? `missing ${keyCheck.missing.join(', ')}`
                : `every key generation ${generation} reads is present`,
        expected: `the keys module generation ${generation} reads (docs/domain.md#the-infra-config-yaml)`,
        fix: 'Set terraform.module.generation (or version) to the module the YAML was generated for.',
        docUrl: '',
        durationMs: 0,
    };
    if (cfg002.status === 'error') {
        throw new errors/* ConfigurationError */.j1('MODULE_GENERATION_MISMATCH', keyCheck.parseError
            ? `The Infra Config YAML from Harness cannot be read: ${keyCheck.parseError}`
            : describeKeyMismatch(keyCheck, generation), keyCheck.detected
            ? `Pin the module generation the YAML was made for: set terraform.module.generation: ${keyCheck.detected} (and a matching version) in gitspaces.yaml.`
            : cfg002.fix);
    }
    const path = (0,external_node_path_.resolve)(inp.optional('infra-config-path') ||
        (0,external_node_path_.join)(io.env.RUNNER_TEMP || config.terraform.working_directory, 'gitspaces-infra-config.yaml'));
    (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(path), { recursive: true });
    (0,external_node_fs_.writeFileSync)(path, setupYaml, { mode: 0o600 });
    (0,external_node_fs_.chmodSync)(path, 0o600);
    const outputs = {
        'infra-identifier': identifier,
        'infra-config-path': path,
        changed: String(action !== 'unchanged'),
    };
    for (const [k, v] of Object.entries(outputs))
        io.setOutput(k, v);
    await io.appendSummary(renderConfigureSummary({ identifier, action, changes, path, generation }));
    const summary = action === 'created'
        ? `created infra provider ${identifier}`
        : action === 'updated'
            ? `updated infra provider ${identifier} (${changes.map((c) => c.field).join(', ')})`
            : `infra provider ${identifier} unchanged`;
    return {
        outputs,
        checks: [cfg002],
        phase: {
            name: 'configure',
            status: 'ok',
            startedAt,
            durationMs: io.clock.now() - startedAt,
            summary,
            changes: { created: action === 'created' ? 1 : 0, updated: action === 'updated' ? 1 : 0, deleted: 0 },
            details: changes.map((c) => `${c.field}: ${show(c.from)} -> ${show(c.to)}`),
        },
        exitCode: 0,
    };
}


/***/ }),

/***/ 45481:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ loadConfig),
/* harmony export */   i: () => (/* binding */ readConfigText)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(32635);


/**
 * Reads and validates gitspaces.yaml. The parser (yaml + the zod schema, ~100 ms to load) is imported only once
 * the file has been read, so an action that stops on a missing file starts and fails at once.
 */
async function loadConfig(path) {
    const text = await readConfigText(path);
    const { configFromText } = await Promise.all(/* import() */[__webpack_require__.e(8815), __webpack_require__.e(8816), __webpack_require__.e(8970)]).then(__webpack_require__.bind(__webpack_require__, 38970));
    return configFromText(text, path);
}
/** The config file's text, or the error a user needs when it cannot be read. */
async function readConfigText(path) {
    try {
        return await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, 'utf8');
    }
    catch (e) {
        const code = e.code;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1('CONFIG_NOT_FOUND', `Cannot read the config file ${path} (${code ?? 'error'})`, 'Create gitspaces.yaml (start from examples/gitspaces.yaml) or set the `config` input / --config to its path.');
    }
}


/***/ }),

/***/ 57416:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   iG: () => (/* binding */ ENDPOINT_ENV),
/* harmony export */   k3: () => (/* binding */ endpointsFromEnv)
/* harmony export */ });
/* unused harmony export GOOGLE_DEFAULTS */
const GOOGLE_DEFAULTS = {
    googleTokenUrl: 'https://oauth2.googleapis.com/token',
    serviceUsage: 'https://serviceusage.googleapis.com',
    resourceManager: 'https://cloudresourcemanager.googleapis.com',
    iam: 'https://iam.googleapis.com',
    compute: 'https://compute.googleapis.com',
    cloudDns: 'https://dns.googleapis.com',
    certificateManager: 'https://certificatemanager.googleapis.com',
    storage: 'https://storage.googleapis.com',
};
const ENDPOINT_ENV = {
    googleTokenUrl: 'GITSPACES_GOOGLE_TOKEN_URL',
    serviceUsage: 'GITSPACES_SERVICEUSAGE_URL',
    resourceManager: 'GITSPACES_RESOURCEMANAGER_URL',
    iam: 'GITSPACES_IAM_URL',
    compute: 'GITSPACES_COMPUTE_URL',
    cloudDns: 'GITSPACES_CLOUDDNS_URL',
    certificateManager: 'GITSPACES_CERTIFICATEMANAGER_URL',
    storage: 'GITSPACES_STORAGE_URL',
    harness: 'GITSPACES_HARNESS_URL',
    github: 'GITHUB_API_URL',
    dnsResolvers: 'GITSPACES_DNS_RESOLVERS',
    dnsAuthoritativeOverride: 'GITSPACES_DNS_AUTHORITATIVE',
};
const trim = (u) => u.replace(/\/+$/, '');
function endpointsFromEnv(env = process.env) {
    const pick = (key) => trim(env[ENDPOINT_ENV[key]] || GOOGLE_DEFAULTS[key]);
    return {
        googleTokenUrl: env[ENDPOINT_ENV.googleTokenUrl] || GOOGLE_DEFAULTS.googleTokenUrl,
        serviceUsage: pick('serviceUsage'),
        resourceManager: pick('resourceManager'),
        iam: pick('iam'),
        compute: pick('compute'),
        cloudDns: pick('cloudDns'),
        certificateManager: pick('certificateManager'),
        storage: pick('storage'),
        harness: env[ENDPOINT_ENV.harness] ? trim(env[ENDPOINT_ENV.harness]) : undefined,
        github: trim(env.GITHUB_API_URL || 'https://api.github.com'),
        dnsResolvers: (env[ENDPOINT_ENV.dnsResolvers] || '8.8.8.8,1.1.1.1')
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
        dnsAuthoritativeOverride: env[ENDPOINT_ENV.dnsAuthoritativeOverride] || undefined,
    };
}


/***/ }),

/***/ 90262:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   In: () => (/* binding */ readHarnessApiKey),
/* harmony export */   Sd: () => (/* binding */ missingHarnessApiKey),
/* harmony export */   aU: () => (/* binding */ HarnessClient),
/* harmony export */   ed: () => (/* binding */ harnessClientFromConfig),
/* harmony export */   pj: () => (/* binding */ harnessBaseUrl)
/* harmony export */ });
/* unused harmony export retryableFor */
/* harmony import */ var _clock_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17128);
/* harmony import */ var _endpoints_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(57416);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(32635);
/* harmony import */ var _logger_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(56640);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(42372);





/** Where the Harness API is: the endpoint override (GITSPACES_HARNESS_URL) wins over the config's harness.api_url. */
function harnessBaseUrl(config, env = process.env) {
    return ((0,_endpoints_js__WEBPACK_IMPORTED_MODULE_1__/* .endpointsFromEnv */ .k3)(env).harness ?? config.harness.api_url).replace(/\/+$/, '');
}
function isConnectionRefused(e) {
    const err = e;
    return err?.code === 'ECONNREFUSED' || err?.cause?.code === 'ECONNREFUSED';
}
/**
 * Retry policy: reads and idempotent writes (GET/PUT/DELETE) retry every transient failure; a POST retries
 * only when it certainly was not applied: 429 or a refused connection. A 5xx POST may have been applied, so
 * the error goes to the caller, who reconciles (lists, then decides).
 */
function retryableFor(method) {
    if (method === 'POST' || method === 'PATCH')
        return (e) => (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .RemoteError */ .Hi && e.status === 429) || isConnectionRefused(e);
    return (e) => (0,_retry_js__WEBPACK_IMPORTED_MODULE_4__/* .isTransient */ .dg)(e) || e?.name === 'TimeoutError';
}
/** Client of the Harness CDE API (/gateway/cde/api/v1) and the NG platform API (/ng/api) for what the bundle needs. */
class HarnessClient {
    baseUrl;
    accountId;
    apiKey;
    log;
    clock;
    retryOpts;
    fetchImpl;
    timeoutMs;
    constructor(opts) {
        this.baseUrl = opts.baseUrl.replace(/\/+$/, '');
        this.apiKey = opts.apiKey;
        this.accountId = opts.accountId;
        this.log = opts.log ?? _logger_js__WEBPACK_IMPORTED_MODULE_3__/* .nullLogger */ .Gi;
        this.clock = opts.clock ?? _clock_js__WEBPACK_IMPORTED_MODULE_0__/* .realClock */ .d;
        this.retryOpts = opts.retry ?? {};
        this.fetchImpl = opts.fetch ?? fetch;
        this.timeoutMs = opts.timeoutMs ?? 60_000;
        this.log.mask(opts.apiKey);
    }
    get cde() {
        return `${this.baseUrl}/gateway/cde/api/v1`;
    }
    get ng() {
        return `${this.baseUrl}/ng/api`;
    }
    acc() {
        return `${this.cde}/accounts/${encodeURIComponent(this.accountId)}`;
    }
    infra(id) {
        return `${this.acc()}/infraproviders/${encodeURIComponent(id)}`;
    }
    gitspaces(org, project) {
        return `${this.acc()}/orgs/${encodeURIComponent(org)}/projects/${encodeURIComponent(project)}/gitspaces`;
    }
    /** One call with retries; returns undefined for a 404 when `allow404`. */
    async request(method, url, opts = {}) {
        const u = new URL(url);
        for (const [k, v] of Object.entries(opts.query ?? {}))
            if (v !== undefined)
                u.searchParams.set(k, String(v));
        u.searchParams.set('routingId', this.accountId);
        const where = `${method} ${u.pathname}`;
        return (0,_retry_js__WEBPACK_IMPORTED_MODULE_4__/* .retry */ .L5)(async () => {
            const headers = { 'x-api-key': this.apiKey, accept: 'application/json' };
            let payload;
            if (opts.body !== undefined) {
                headers['content-type'] = 'application/json';
                payload = JSON.stringify(opts.body);
            }
            const res = await this.fetchImpl(u, {
                method,
                headers,
                body: payload,
                signal: AbortSignal.timeout(this.timeoutMs),
            });
            const text = await res.text();
            let parsed = undefined;
            if (text) {
                try {
                    parsed = JSON.parse(text);
                }
                catch {
                    parsed = text;
                }
            }
            if (res.status === 404 && opts.allow404)
                return undefined;
            if (!res.ok) {
                const body = parsed;
                const msg = typeof body === 'object' && body?.message
                    ? body.message
                    : typeof body === 'string' && body
                        ? body.slice(0, 300)
                        : res.statusText;
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .RemoteError */ .Hi('harness', res.status, `Harness API ${where} answered ${res.status}: ${msg}`, parsed, (0,_retry_js__WEBPACK_IMPORTED_MODULE_4__/* .parseRetryAfter */ .mu)(res.headers.get('retry-after'), this.clock.now()));
            }
            return parsed;
        }, {
            ...this.retryOpts,
            clock: this.clock,
            retryable: retryableFor(method),
            onRetry: (e, attempt, delay) => this.log.debug(`Harness API ${where}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(e)}; retry ${attempt} in ${delay} ms`),
        });
    }
    async must(method, url, opts = {}) {
        return (await this.request(method, url, opts));
    }
    // ---- infra providers ----
    async listInfraProviders() {
        return ((await this.must('GET', `${this.acc()}/infraproviders`, {
            query: { acl_filter: 'false' },
        })) ?? []);
    }
    /** The infra provider with setup_yaml and resources, or undefined when it does not exist. */
    getInfraProvider(id) {
        return this.request('GET', this.infra(id), {
            query: { acl_filter: 'false' },
            allow404: true,
        });
    }
    createInfraProvider(body) {
        return this.must('POST', `${this.acc()}/infraproviders`, { body });
    }
    updateInfraProvider(id, body) {
        return this.must('PUT', this.infra(id), { body });
    }
    /** DELETE on the real path (the swagger's extra `{delete_bug}` segment is an artefact of the generated UI client). */
    async deleteInfraProvider(id) {
        await this.request('DELETE', this.infra(id));
    }
    async listGateways(infraId) {
        return ((await this.must('GET', `${this.infra(infraId)}/gateways`, {
            query: { is_latest: 'true' },
        })) ?? []);
    }
    async listResources(infraId) {
        return ((await this.must('GET', `${this.infra(infraId)}/resources`, {
            query: { acl_filter: 'false' },
        })) ?? []);
    }
    /** Creates machines: the body is a JSON array (the swagger declares none); metadata values are sent as strings. */
    async createResources(infraId, resources) {
        const body = resources.map((r) => ({
            ...r,
            metadata: Object.fromEntries(Object.entries(r.metadata ?? {}).map(([k, v]) => [k, String(v)])),
        }));
        return ((await this.must('POST', `${this.infra(infraId)}/resources`, {
            body,
        })) ?? []);
    }
    async deleteResource(infraId, resId) {
        await this.request('DELETE', `${this.infra(infraId)}/resources/${encodeURIComponent(resId)}`);
    }
    // ---- gitspaces ----
    /** Every gitspace of the project: pages of 100 until a short page. */
    async listGitspaces(org, project) {
        const limit = 100;
        const out = [];
        for (let page = 1;; page++) {
            const batch = (await this.must('GET', this.gitspaces(org, project), {
                query: { page, limit },
            })) ?? [];
            out.push(...batch);
            if (batch.length < limit)
                return out;
        }
    }
    getGitspace(org, project, id) {
        return this.request('GET', `${this.gitspaces(org, project)}/${encodeURIComponent(id)}`, { allow404: true });
    }
    /** Creates a gitspace config; the server lower-cases the identifier and appends a suffix: use the response's. */
    createGitspace(org, project, body) {
        return this.must('POST', this.gitspaces(org, project), { body });
    }
    gitspaceAction(org, project, id, action) {
        return this.must('POST', `${this.gitspaces(org, project)}/${encodeURIComponent(id)}/actions`, {
            body: { action },
        });
    }
    async deleteGitspace(org, project, id) {
        await this.request('DELETE', `${this.gitspaces(org, project)}/${encodeURIComponent(id)}`);
    }
    async gitspaceEvents(org, project, id) {
        return ((await this.must('GET', `${this.gitspaces(org, project)}/${encodeURIComponent(id)}/events`)) ?? []);
    }
    // ---- NG platform ----
    ngQuery(extra = {}) {
        return { accountIdentifier: this.accountId, ...extra };
    }
    /** Whether the organization exists: true/false, undefined when the key may not read it (403). */
    async getOrganization(org) {
        return this.exists(`${this.ng}/organizations/${encodeURIComponent(org)}`, this.ngQuery());
    }
    /** Whether the project exists in the organization: true/false, undefined when the key may not read it (403). */
    async getProject(org, project) {
        return this.exists(`${this.ng}/projects/${encodeURIComponent(project)}`, this.ngQuery({ orgIdentifier: org }));
    }
    async exists(url, query) {
        try {
            return (await this.request('GET', url, { query, allow404: true })) !== undefined;
        }
        catch (e) {
            if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .RemoteError */ .Hi && e.status === 403)
                return undefined;
            throw e;
        }
    }
    /**
     * Account-level delegate tokens, of one name or all. Harness includes each token's value for a key allowed to
     * edit delegates (harness-go-sdk DelegateTokenDetails.value; ng-manager DelegateTokenNgResource checks
     * core_delegate_edit): every value is masked the moment it is read.
     */
    async listDelegateTokens(name) {
        const r = await this.must('GET', `${this.ng}/delegate-token-ng`, { query: this.ngQuery({ name }) });
        const tokens = r?.resource ?? [];
        for (const t of tokens)
            if (t.value)
                this.log.mask(t.value);
        return tokens;
    }
    /**
     * The token of this exact name, with its value when Harness returns it (a key with delegate edit permission,
     * which creating a token needs too), or undefined when there is none. terraform-provider-harness reads a
     * token's value back the same way (GET delegate-token-ng?name=).
     */
    async getDelegateToken(name) {
        return (await this.listDelegateTokens(name)).find((t) => t.name === name);
    }
    /** Creates an account-level delegate token; its value is masked before anything else happens. */
    async createDelegateToken(name) {
        const r = await this.must('POST', `${this.ng}/delegate-token-ng`, {
            query: this.ngQuery({ tokenName: name }),
        });
        if (r?.resource?.value)
            this.log.mask(r.resource.value);
        return r.resource;
    }
    async revokeDelegateToken(name) {
        const r = await this.must('PUT', `${this.ng}/delegate-token-ng`, {
            query: this.ngQuery({ tokenName: name }),
        });
        return r.resource;
    }
    /** The delegate groups that connected with this token, and whether each is connected now. */
    async delegateGroupsForToken(tokenName) {
        const r = await this.must('GET', `${this.ng}/delegate-token-ng/delegate-groups`, {
            query: this.ngQuery({ delegateTokenName: tokenName }),
        });
        return (r?.resource?.delegateGroupDetails ?? []).map((g) => ({
            groupName: g.groupName,
            activelyConnected: g.activelyConnected === true,
            connectivityStatus: g.connectivityStatus ?? 'unknown',
            lastHeartBeat: g.lastHeartBeat ?? 0,
            tags: [...new Set([...(g.groupCustomSelectors ?? []), ...Object.keys(g.groupImplicitSelectors ?? {})])],
        }));
    }
}
/**
 * A client for the configured account, at the endpoint the environment names (GITSPACES_HARNESS_URL) or the
 * config's harness.api_url. The key is masked at once.
 */
function harnessClientFromConfig(config, opts) {
    opts.log?.mask(opts.apiKey);
    return new HarnessClient({
        baseUrl: harnessBaseUrl(config, opts.env),
        apiKey: opts.apiKey,
        accountId: config.harness.account_id,
        log: opts.log,
        clock: opts.clock,
        retry: opts.retry,
    });
}
/** The Harness API key: the `harness-api-key` input, else HARNESS_API_KEY (the CLI), masked the moment it is read. */
function readHarnessApiKey(io) {
    const key = io.inputs.secret('harness-api-key') || io.env.HARNESS_API_KEY || '';
    if (key)
        io.log.mask(key);
    return key;
}
/** A ConfigurationError for a missing key, with what the key must be allowed to do. */
function missingHarnessApiKey(needs = '') {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1('INPUT_MISSING', 'No Harness API key', `Set the \`harness-api-key\` input (from a secret) or HARNESS_API_KEY${needs ? `; the key needs ${needs}` : ''}.`);
}


/***/ }),

/***/ 56640:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cr: () => (/* binding */ ConsoleLogger),
/* harmony export */   Gi: () => (/* binding */ nullLogger)
/* harmony export */ });
/* unused harmony export RecordingLogger */
const nullLogger = {
    debug() { },
    info() { },
    warning() { },
    error() { },
    mask() { },
    group: (_title, fn) => fn(),
};
/** Records every line (with masks applied) so tests can assert what a user would read. */
class RecordingLogger {
    lines = [];
    masks = new Set();
    debug(m) {
        this.push('debug', m);
    }
    info(m) {
        this.push('info', m);
    }
    warning(m) {
        this.push('warning', m);
    }
    error(m) {
        this.push('error', m);
    }
    mask(secret) {
        if (secret)
            this.masks.add(secret);
    }
    async group(title, fn) {
        this.push('group', title);
        return fn();
    }
    text() {
        return this.lines.join('\n');
    }
    push(level, m) {
        let out = m;
        for (const s of this.masks)
            out = out.split(s).join('***');
        this.lines.push(`${level}: ${out}`);
    }
}
/** Plain console logger for the CLI: masks are applied before anything reaches the terminal. */
class ConsoleLogger {
    out;
    verbose;
    masks = new Set();
    /** Errors printed so far: a failure already told needs no second line. */
    errors = 0;
    constructor(out = (l) => process.stderr.write(l + '\n'), verbose = false) {
        this.out = out;
        this.verbose = verbose;
    }
    debug(m) {
        if (this.verbose)
            this.out(this.scrub(`  ${m}`));
    }
    info(m) {
        this.out(this.scrub(m));
    }
    warning(m) {
        this.out(this.scrub(`warning: ${m}`));
    }
    error(m) {
        this.errors++;
        this.out(this.scrub(`error: ${m}`));
    }
    mask(secret) {
        if (secret)
            this.masks.add(secret);
    }
    async group(title, fn) {
        this.out(this.scrub(`▸ ${title}`));
        return fn();
    }
    scrub(m) {
        let out = m;
        for (const s of this.masks)
            out = out.split(s).join('***');
        return out;
    }
}


/***/ }),

/***/ 1124:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ks: () => (/* binding */ checkVerdict),
/* harmony export */   T1: () => (/* binding */ family),
/* harmony export */   tW: () => (/* binding */ STATUS_ICON),
/* harmony export */   x7: () => (/* binding */ countByStatus)
/* harmony export */ });
const STATUS_ICON = { ok: '✅', warn: '⚠️', error: '❌', skip: '⏭️' };
function family(id) {
    return id.split('-')[0] ?? id;
}
function countByStatus(checks) {
    const counts = { ok: 0, warn: 0, error: 0, skip: 0 };
    for (const c of checks)
        counts[c.status]++;
    return counts;
}
function checkVerdict(checks) {
    const n = countByStatus(checks);
    if (n.error > 0)
        return `❌ ${n.error} error(s), ${n.warn} warning(s): fix the errors below before anything is created.`;
    if (n.warn > 0)
        return `⚠️ Ready, with ${n.warn} warning(s) to review (${n.ok} passed, ${n.skip} skipped).`;
    return `✅ All ${n.ok} checks passed${n.skip ? ` (${n.skip} skipped)` : ''}: ready to set up Gitspaces.`;
}


/***/ }),

/***/ 23617:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $w: () => (/* binding */ renderChecksText),
/* harmony export */   Hn: () => (/* binding */ cell),
/* harmony export */   Kn: () => (/* binding */ renderPipelineMarkdown),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   b5: () => (/* binding */ renderTimelineText),
/* harmony export */   pu: () => (/* binding */ renderChecksMarkdown),
/* harmony export */   ux: () => (/* binding */ renderPhasesText)
/* harmony export */ });
/* unused harmony exports LEAD_END, renderFailuresMarkdown, renderTimelineMermaid, renderPhasesMarkdown */
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1124);

/** Escapes text for a Markdown table cell (pipes and newlines would break the row). */
function cell(text) {
    return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}
const FAMILY_ORDER = [
    'CFG',
    'TOOL',
    'AUTH',
    'API',
    'IAM',
    'ORG',
    'QUOTA',
    'NET',
    'IMG',
    'REG',
    'DNS',
    'CERT',
    'HARNESS',
    'RUN',
    'DLG',
    'GW',
];
const byFamily = (a, b) => (FAMILY_ORDER.indexOf(a) + 1 || 99) - (FAMILY_ORDER.indexOf(b) + 1 || 99) || a.localeCompare(b);
/**
 * Ends the part of a summary that must be read first (its failures and their fixes). The pipeline's summary moves
 * that part of each phase above its phase table and timeline (see renderPipelineMarkdown).
 */
const LEAD_END = '<!-- gitspaces:lead-end -->';
/** Errors, then warnings: what was seen, what was expected and the fix, each on one line. Empty when none. */
function renderFailuresMarkdown(checks) {
    const failing = [
        ...checks.filter((c) => c.status === 'error'),
        ...checks.filter((c) => c.status === 'warn'),
    ];
    if (!failing.length)
        return '';
    const out = ['### What to fix', ''];
    for (const c of failing) {
        out.push(`- ${_model_js__WEBPACK_IMPORTED_MODULE_0__/* .STATUS_ICON */ .tW[c.status]} **${c.id}** ${cell(c.title)}: ${cell(c.observed)} (expected: ${cell(c.expected)}).` +
            ` **Fix:** ${cell(c.fix)}${c.docUrl ? ` ([docs](${c.docUrl}))` : ''}`);
    }
    return out.join('\n');
}
/**
 * Job-summary Markdown for a list of checks, in the order a reader needs it: the verdict, the failures and their
 * fixes, the counts, the skipped checks and why, then the passing checks folded per family.
 */
function renderChecksMarkdown(title, verdict, checks) {
    const out = [`## ${title}`, '', `**${verdict}**`, ''];
    const failures = renderFailuresMarkdown(checks);
    if (failures)
        out.push(failures, '', LEAD_END, '');
    const n = (0,_model_js__WEBPACK_IMPORTED_MODULE_0__/* .countByStatus */ .x7)(checks);
    out.push(`${_model_js__WEBPACK_IMPORTED_MODULE_0__/* .STATUS_ICON */ .tW.ok} ${n.ok} passed · ${_model_js__WEBPACK_IMPORTED_MODULE_0__/* .STATUS_ICON */ .tW.warn} ${n.warn} warnings · ${_model_js__WEBPACK_IMPORTED_MODULE_0__/* .STATUS_ICON */ .tW.error} ${n.error} errors · ${_model_js__WEBPACK_IMPORTED_MODULE_0__/* .STATUS_ICON */ .tW.skip} ${n.skip} skipped`, '');
    const skipped = checks.filter((c) => c.status === 'skip');
    if (skipped.length) {
        out.push(`<details><summary>${_model_js__WEBPACK_IMPORTED_MODULE_0__/* .STATUS_ICON */ .tW.skip} Skipped checks and why (${skipped.length})</summary>`, '');
        for (const c of skipped)
            out.push(`- **${c.id}** ${cell(c.title)}: ${cell(c.fix)}`);
        out.push('', '</details>', '');
    }
    const passing = checks.filter((c) => c.status === 'ok');
    for (const fam of [...new Set(passing.map((c) => (0,_model_js__WEBPACK_IMPORTED_MODULE_0__/* .family */ .T1)(c.id)))].sort(byFamily)) {
        const rows = passing.filter((c) => (0,_model_js__WEBPACK_IMPORTED_MODULE_0__/* .family */ .T1)(c.id) === fam);
        out.push(`<details><summary>${_model_js__WEBPACK_IMPORTED_MODULE_0__/* .STATUS_ICON */ .tW.ok} ${fam}: ${rows.length} passed</summary>`, '', '| Check | Observed | Expected |', '|---|---|---|');
        for (const c of rows)
            out.push(`| \`${c.id}\` ${cell(c.title)} | ${cell(c.observed)} | ${cell(c.expected)} |`);
        out.push('', '</details>', '');
    }
    return out.join('\n');
}
/**
 * The pipeline's job summary: the verdict, then what failed (the failed phase, and the failures and fixes of every
 * phase's summary), then the phase table and the timeline, then the rest of each phase's summary.
 */
function renderPipelineMarkdown(verdict, phases, sections) {
    const leads = [];
    const rest = [];
    for (const md of sections) {
        const at = md.indexOf(LEAD_END);
        if (at < 0)
            rest.push(md);
        else {
            leads.push(md.slice(0, at).trimEnd());
            rest.push(md.slice(at + LEAD_END.length).trimStart());
        }
    }
    const out = ['## Gitspaces pipeline', '', `**${verdict}**`, ''];
    const failed = phases.find((p) => p.status === 'failed');
    if (failed)
        out.push(`❌ **${failed.name}** failed: ${cell(failed.summary)}`, '');
    for (const lead of leads)
        out.push(lead, '');
    out.push('### Phases', '', renderPhasesMarkdown(phases), '', renderTimelineMermaid(phases), '', ...rest);
    return out.join('\n');
}
/** A Mermaid Gantt chart of the phases, so the summary shows where the time went. */
function renderTimelineMermaid(phases) {
    if (phases.length === 0)
        return '';
    const t0 = Math.min(...phases.map((p) => p.startedAt));
    const lines = ['```mermaid', 'gantt', '  title Pipeline timeline', '  dateFormat x', '  axisFormat %M:%S'];
    for (const p of phases) {
        const tag = p.status === 'failed' ? 'crit, ' : p.status === 'skipped' ? 'done, ' : '';
        const start = p.startedAt - t0;
        const name = p.name.replace(/[:;#]/g, ' ');
        lines.push(`  ${name} (${formatDuration(p.durationMs)}) :${tag}${start}, ${start + Math.max(1, p.durationMs)}`);
    }
    lines.push('```');
    return lines.join('\n');
}
function renderPhasesMarkdown(phases) {
    const icon = { ok: '✅', failed: '❌', skipped: '⏭️' };
    const out = ['| | Phase | Duration | Result |', '|---|---|---|---|'];
    for (const p of phases)
        out.push(`| ${icon[p.status]} | ${p.name} | ${formatDuration(p.durationMs)} | ${cell(p.summary)} |`);
    return out.join('\n');
}
/** Plain-text lines for a terminal. */
function renderPhasesText(phases) {
    const icon = { ok: 'ok  ', failed: 'FAIL', skipped: 'skip' };
    const width = Math.max(5, ...phases.map((p) => p.name.length));
    return phases
        .map((p) => `${icon[p.status]}  ${p.name.padEnd(width)}  ${formatDuration(p.durationMs).padStart(7)}  ${p.summary}`)
        .join('\n');
}
function renderChecksText(checks) {
    const icon = { ok: 'ok  ', warn: 'WARN', error: 'FAIL', skip: 'skip' };
    const lines = [];
    for (const c of checks) {
        lines.push(`${icon[c.status]}  ${c.id.padEnd(11)} ${c.title}`);
        if (c.status === 'error' || c.status === 'warn') {
            lines.push(`      observed: ${c.observed}`, `      expected: ${c.expected}`, `      fix:      ${c.fix}`);
        }
        else if (c.status === 'skip') {
            lines.push(`      skipped:  ${c.fix}`);
        }
    }
    return lines.join('\n');
}
function formatDuration(ms) {
    // Thresholds after rounding, so 59.99 s is 1m0s (not 60.0s) and 119.6 s is 2m0s (not 1m60s).
    if (ms < 999.5)
        return `${Math.round(ms)}ms`;
    if (ms < 59_950)
        return `${(ms / 1000).toFixed(1)}s`;
    const total = Math.round(ms / 1000);
    return `${Math.floor(total / 60)}m${total % 60}s`;
}
/**
 * The same timeline as the Mermaid chart, for a terminal: one bar per phase, placed at its start and as long as
 * its duration, so the CLI's end and the job summary tell the same story.
 */
function renderTimelineText(phases, width = 40) {
    if (phases.length === 0)
        return '';
    const t0 = Math.min(...phases.map((p) => p.startedAt));
    const end = Math.max(...phases.map((p) => p.startedAt + p.durationMs));
    const span = Math.max(1, end - t0);
    const nameWidth = Math.max(...phases.map((p) => p.name.length));
    return phases
        .map((p) => {
        const from = Math.round(((p.startedAt - t0) / span) * width);
        const len = p.status === 'skipped' ? 0 : Math.max(1, Math.round((p.durationMs / span) * width));
        const bar = p.status === 'skipped' ? '·' : (p.status === 'failed' ? '▒' : '█').repeat(len);
        return `${p.name.padEnd(nameWidth)}  ${' '.repeat(from)}${bar} ${p.status === 'skipped' ? 'skipped' : formatDuration(p.durationMs)}`;
    })
        .join('\n');
}


/***/ }),

/***/ 42372:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EY: () => (/* binding */ backoffDelay),
/* harmony export */   L5: () => (/* binding */ retry),
/* harmony export */   dg: () => (/* binding */ isTransient),
/* harmony export */   fm: () => (/* binding */ waitFor),
/* harmony export */   mu: () => (/* binding */ parseRetryAfter),
/* harmony export */   sf: () => (/* binding */ mapLimit)
/* harmony export */ });
/* harmony import */ var _clock_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17128);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(32635);
/* harmony import */ var _logger_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(56640);



const RETRYABLE_CODES = new Set([
    'ECONNRESET',
    'ECONNREFUSED',
    'EPIPE',
    'ETIMEDOUT',
    'EAI_AGAIN',
    'UND_ERR_SOCKET',
]);
/** Default policy: transient transport errors and 408/429/5xx. A 4xx that is the caller's fault never is. */
function isTransient(e) {
    if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RemoteError */ .Hi)
        return e.status === 408 || e.status === 429 || e.status >= 500 || e.status === 0;
    const err = e;
    if (err?.code && RETRYABLE_CODES.has(err.code))
        return true;
    if (err?.cause?.code && RETRYABLE_CODES.has(err.cause.code))
        return true;
    return err?.name === 'TypeError' && /fetch failed/.test((0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(e));
}
/** Retry-After as milliseconds: seconds or an HTTP date, per RFC 9110 §10.2.3. */
function parseRetryAfter(value, nowMs) {
    if (!value)
        return undefined;
    const trimmed = value.trim();
    if (/^\d+$/.test(trimmed))
        return Number(trimmed) * 1000;
    const date = Date.parse(trimmed);
    return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}
/** Full-jitter exponential backoff: uniform in [0, min(max, base·2^n)]; a server's Retry-After wins when longer. */
function backoffDelay(attempt, opts, retryAfterMs) {
    const base = opts.baseMs ?? 500;
    const max = opts.maxMs ?? 30_000;
    const random = opts.random ?? Math.random;
    const cap = Math.min(max, base * 2 ** attempt);
    const jittered = Math.round(cap / 2 + (random() * cap) / 2);
    return retryAfterMs !== undefined ? Math.max(retryAfterMs, jittered) : jittered;
}
async function retry(fn, opts = {}) {
    const attempts = opts.attempts ?? 5;
    const clock = opts.clock ?? _clock_js__WEBPACK_IMPORTED_MODULE_0__/* .realClock */ .d;
    const retryable = opts.retryable ?? isTransient;
    for (let attempt = 0;; attempt++) {
        try {
            return await fn(attempt);
        }
        catch (e) {
            if (attempt + 1 >= attempts || !retryable(e))
                throw e;
            const retryAfter = e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RemoteError */ .Hi ? e.retryAfterMs : undefined;
            const delay = backoffDelay(attempt, opts, retryAfter);
            opts.onRetry?.(e, attempt + 1, delay);
            await clock.sleep(delay);
        }
    }
}
/**
 * Polls `observe` until it reports done, logging each change of state. On the deadline it throws a
 * WaitTimeoutError naming what it waited for and the last state seen.
 */
async function waitFor(observe, opts) {
    const clock = opts.clock ?? _clock_js__WEBPACK_IMPORTED_MODULE_0__/* .realClock */ .d;
    const log = opts.log ?? _logger_js__WEBPACK_IMPORTED_MODULE_2__/* .nullLogger */ .Gi;
    const start = clock.now();
    let interval = opts.intervalMs ?? 5000;
    let last = '(nothing observed yet)';
    for (;;) {
        let obs;
        try {
            obs = await observe();
        }
        catch (e) {
            if (!isTransient(e))
                throw e;
            obs = { done: false, state: `transient error: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(e)}` };
        }
        if (obs.state !== last)
            log.info(`${opts.describe}: ${obs.state}`);
        last = obs.state;
        if (obs.done)
            return obs.value;
        const elapsed = clock.now() - start;
        if (obs.failed)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .WaitTimeoutError */ .Do(opts.describe, last, elapsed, opts.fix);
        if (elapsed + interval > opts.deadlineMs) {
            if (elapsed < opts.deadlineMs) {
                await clock.sleep(opts.deadlineMs - elapsed);
                continue;
            }
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .WaitTimeoutError */ .Do(opts.describe, last, elapsed, opts.fix);
        }
        await clock.sleep(interval);
        interval = Math.min(opts.maxIntervalMs ?? interval, Math.round(interval * (opts.factor ?? 1)));
    }
}
/** Runs tasks with at most `limit` in flight; results keep the input order. */
async function mapLimit(items, limit, fn) {
    const out = new Array(items.length);
    let next = 0;
    const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
        while (next < items.length) {
            const i = next++;
            out[i] = await fn(items[i], i);
        }
    });
    await Promise.all(workers);
    return out;
}


/***/ })

};
