export const id = 6979;
export const ids = [6979,1490];
export const modules = {

/***/ 37484:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main),
  renderConfigureSummary: () => (/* binding */ renderConfigureSummary)
});

// EXTERNAL MODULE: ./shared/config/load.ts
var load = __webpack_require__(45481);
// EXTERNAL MODULE: ./shared/errors.ts
var errors = __webpack_require__(32635);
// EXTERNAL MODULE: ./shared/harness/client.ts
var client = __webpack_require__(90262);
// EXTERNAL MODULE: ./shared/report/render.ts
var render = __webpack_require__(23617);
// EXTERNAL MODULE: ./shared/preview/render.ts
var preview_render = __webpack_require__(79725);
// EXTERNAL MODULE: ./shared/retry.ts
var retry = __webpack_require__(42372);
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
    // No whitelist_ip_ranges: the UI's form has no such field and sends none, and what the closed-source server does
    // with one is not documented. configure-infra writes it into the downloaded Infra Config YAML instead, the file
    // the module reads it from (shared/checks/infra-yaml.ts).
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
/**
 * The create POST is not sent again blindly: after a transient failure (5xx, a dropped answer) it may have been
 * applied, and Harness refuses a second provider with the same identifier. So the provider is read back by its
 * identifier: there (applied: done) or not (not applied: created again, at most 3 times in all).
 */
async function createInfraProviderOnce(harness, identifier, desired, log) {
    for (let attempt = 1;; attempt++) {
        try {
            await harness.createInfraProvider(desired);
            return;
        }
        catch (e) {
            if (!(0,retry/* isTransient */.dg)(e) || attempt >= 3)
                throw e;
            if (await harness.getInfraProvider(identifier)) {
                log.info(`The create of ${identifier} answered "${(0,errors/* errorMessage */.gJ)(e)}", but it was applied`);
                return;
            }
            log.info(`The create of ${identifier} answered "${(0,errors/* errorMessage */.gJ)(e)}" and was not applied; creating it again`);
        }
    }
}

;// CONCATENATED MODULE: ./actions/configure-infra/predict.ts
/** What a first preview cannot know, and shows as such. */
const PLACEHOLDERS = {
    shared_secret: 'generated-by-harness-on-create',
    cde_manager_url: 'https://generated-by-harness-on-create.invalid/gateway/cde',
    version: 'set-by-harness-on-create',
};
const DEFAULT_IMAGE = 'projects/ubuntu-os-cloud/global/images/family/ubuntu-2204-lts';
const obj = (v) => (v && typeof v === 'object' && !Array.isArray(v) ? v : {});
/** `projects/<p>/global/images/family/<f>` (or `.../images/<name>`) as module v0.0.3's `{family, project}`. */
function imageFamily(path) {
    const m = /^projects\/([^/]+)\/global\/images\/(?:family\/)?([^/]+)$/.exec(path);
    return m ? { family: m[2], project: m[1] } : { family: path, project: '' };
}
function regionEntry(desired, region) {
    const rc = obj(obj(obj(desired.metadata).region_configs)[region]);
    return {
        region_name: rc.region_name ?? region,
        default_subnet_ip_range: rc.default_subnet_ip_range,
        proxy_subnet_ip_range: rc.proxy_subnet_ip_range,
        certificates: rc.certificates,
    };
}
function selectors(desired, current) {
    const have = Array.isArray(current) ? current.map(obj) : [];
    const want = obj(desired.metadata).delegate_selectors ?? [];
    return want.map((s) => have.find((h) => h.selector === s.selector) ?? { selector: s.selector, origin: 'default' });
}
/** The image the YAML holds, in the shape the current YAML (or the generation) uses. */
function predict_image(doc, path, v003) {
    const p = typeof path === 'string' && path ? path : DEFAULT_IMAGE;
    if (v003 || 'vm_image' in doc) {
        doc.vm_image = imageFamily(p);
        delete doc.vm_image_name;
    }
    else
        doc.vm_image_name = p;
}
/** The current YAML document with each changed field written where the YAML keeps it. */
function applyDiff(current, desired, changes) {
    const doc = structuredClone(current);
    const gateway = obj(doc.gateway);
    const runner = obj(doc.runner);
    const regions = obj(doc.region_configs);
    const md = obj(desired.metadata);
    const gw = obj(md.gateway);
    const run = obj(md.runner);
    for (const c of changes) {
        const f = c.field;
        if (f === 'name')
            doc.name = desired.name;
        else if (f === 'metadata.gateway.machine_type')
            gateway.machine_type = gw.machine_type;
        else if (f === 'metadata.gateway.instances')
            gateway.instances = gw.instances;
        else if (f === 'metadata.gateway.vm_image_name')
            predict_image(gateway, gw.vm_image_name, false);
        else if (f === 'metadata.gateway.whitelist_ip_ranges') {
            if (Array.isArray(gw.whitelist_ip_ranges) && gw.whitelist_ip_ranges.length)
                gateway.whitelist_ip_ranges = gw.whitelist_ip_ranges;
            else
                delete gateway.whitelist_ip_ranges;
        }
        else if (f === 'metadata.runner.vm_image_name')
            predict_image(runner, run.vm_image_name, false);
        else if ((f === 'metadata.runner.region' || f === 'metadata.runner.zone') && !('vm_image' in runner))
            runner[f.slice('metadata.runner.'.length)] = run[f.slice('metadata.runner.'.length)];
        else if (f === 'metadata.delegate_selectors')
            doc.delegateselectors = selectors(desired, doc.delegateselectors);
        else if (f.startsWith('metadata.region_configs.')) {
            const region = f.split('.')[2];
            if (region in obj(md.region_configs))
                regions[region] = regionEntry(desired, region);
            else
                delete regions[region];
        }
    }
    doc.gateway = gateway;
    doc.runner = runner;
    doc.region_configs = regions;
    return doc;
}
/** The setup YAML of a provider that does not exist yet, in the pinned generation's shape. */
function predictNew(config, desired) {
    const v003 = config.terraform.module.generation === 'v0.0.3';
    const md = obj(desired.metadata);
    const gw = obj(md.gateway);
    const run = obj(md.runner);
    const gateway = {
        instances: gw.instances,
        machine_type: gw.machine_type,
        vm_tags: ['gateway'],
    };
    predict_image(gateway, gw.vm_image_name, v003);
    Object.assign(gateway, PLACEHOLDERS);
    if (Array.isArray(gw.whitelist_ip_ranges) && gw.whitelist_ip_ranges.length)
        gateway.whitelist_ip_ranges = gw.whitelist_ip_ranges;
    const runner = v003 ? {} : { region: run.region, zone: run.zone };
    predict_image(runner, run.vm_image_name, v003);
    const regions = {};
    for (const r of Object.keys(obj(md.region_configs)))
        regions[r] = regionEntry(desired, r);
    return {
        name: desired.name,
        domain: md.domain,
        account_identifier: config.harness.account_id,
        infra_provider_config_identifier: desired.identifier,
        gitspace_vm_tags: ['gcp-gitspace'],
        project: { id: obj(md.project).id, service_account: `${desired.name}-sa` },
        delegateselectors: selectors(desired, undefined),
        gateway,
        runner,
        region_configs: regions,
    };
}
/** The predicted setup YAML text: the current one untouched when nothing changes. */
async function predictSetupYaml(config, desired, current, changes) {
    const { parse, stringify } = await __webpack_require__.e(/* import() */ 8815).then(__webpack_require__.t.bind(__webpack_require__, 38815, 19));
    if (current && !changes.length)
        return current;
    if (current)
        return stringify(applyDiff(obj(parse(current)), desired, changes));
    return stringify(predictNew(config, desired));
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./shared/workspace.ts
var workspace = __webpack_require__(74107);
;// CONCATENATED MODULE: ./actions/configure-infra/yaml-file.ts
/**
 * The Infra Config YAML as configure-infra writes it, in apply and in preview alike: the config's gateway settings
 * written in and checked, and the file kept where only this user can read it.
 */




/**
 * The config's gateway whitelist and image written into the downloaded YAML (Harness's does not carry the
 * whitelist, and its v0.0.3 sample names a Debian gateway image: shared/checks/infra-yaml.ts), then held to
 * NET-004 and IMG-002. A gateway left open or on another image is a configuration error: nothing is written.
 */
async function gatewayIntoYaml(setupYaml, config) {
    const { parse, stringify } = await __webpack_require__.e(/* import() */ 8815).then(__webpack_require__.t.bind(__webpack_require__, 38815, 19));
    const { applyGatewayConfig, gatewayOf, imageFinding, whitelistFinding } = await __webpack_require__.e(/* import() */ 2318).then(__webpack_require__.bind(__webpack_require__, 42318));
    const doc = parse(setupYaml);
    const changes = applyGatewayConfig(doc, config);
    const gw = gatewayOf(doc);
    const findings = [
        {
            id: 'NET-004',
            title: 'the Infra Config YAML restricts the gateway ingress',
            ...whitelistFinding(gw, config),
        },
        { id: 'IMG-002', title: 'the Infra Config YAML names the gateway image', ...imageFinding(gw, config) },
    ];
    const failed = findings.find((f) => f.status === 'error');
    if (failed)
        throw new errors/* ConfigurationError */.j1(failed.id === 'NET-004' ? 'GATEWAY_OPEN_TO_INTERNET' : 'GATEWAY_IMAGE_UNSUPPORTED', `${failed.id}: ${failed.observed}.`, failed.fix);
    const checks = findings.map((f) => ({ ...f, docUrl: '', durationMs: 0 }));
    return { text: changes.length ? stringify(doc) : setupYaml, changes, checks };
}
/**
 * Writes the YAML and returns its path. It holds the gateway's shared secret: by default it goes to a private (0700)
 * directory outside the work tree (RUNNER_TEMP/gitspaces on a runner, which the runner empties at the end of the
 * job), mode 0600; a path the caller chose inside the workspace is written there with a warning.
 */
function writeInfraConfig(io, config, text, requested) {
    const defaultPath = (0,workspace/* infraConfigDefaultPath */.V9)(io.env, config.terraform.working_directory);
    const path = (0,external_node_path_.resolve)(requested || defaultPath);
    if (path === defaultPath) {
        (0,workspace/* writePrivateFile */.Pl)(path, text, (0,external_node_path_.dirname)(path));
        return path;
    }
    const rel = (0,external_node_path_.relative)((0,workspace/* workspaceRoot */.oS)(io.env), path);
    if (!rel.startsWith('..') && !(0,external_node_path_.isAbsolute)(rel))
        io.log.warning(`infra-config-path ${path} is inside the workspace: the Infra Config YAML holds the gateway's shared secret and would stay in the work tree. Leave infra-config-path empty to keep it in a private directory under RUNNER_TEMP.`);
    (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(path), { recursive: true, mode: 0o700 });
    (0,external_node_fs_.writeFileSync)(path, text, { mode: 0o600 });
    (0,external_node_fs_.chmodSync)(path, 0o600);
    return path;
}

;// CONCATENATED MODULE: ./actions/configure-infra/preview.ts





const show = (v) => (v === undefined ? '(absent)' : JSON.stringify(v));
async function previewConfigure(io, config, harness, requestedPath, startedAt) {
    const identifier = config.infrastructure.identifier;
    const desired = infraProviderRequest(config);
    const existing = await harness.getInfraProvider(identifier);
    if (existing?.type && existing.type !== 'hybrid_vm_gcp')
        throw new errors/* ConfigurationError */.j1('INFRA_IMMUTABLE_FIELD', `An infra provider ${identifier} exists with type ${existing.type}, not hybrid_vm_gcp.`, 'Choose another infrastructure.identifier in gitspaces.yaml; an infra provider cannot change its type.');
    const changes = diffInfraProvider(existing ?? {}, desired);
    if (existing)
        assertMutable(identifier, changes);
    const diff = {
        identifier,
        action: !existing ? 'create' : changes.length ? 'update' : 'unchanged',
        changes: existing ? changes : [],
        placeholders: existing?.setup_yaml ? [] : Object.keys(PLACEHOLDERS).map((k) => `gateway.${k}`),
    };
    if (!existing)
        diff.changes = changes.map((c) => ({ ...c, from: undefined }));
    // As configure writes it: the config's gateway whitelist and image written in and checked (NET-004, IMG-002).
    const predicted = (await gatewayIntoYaml(await predictSetupYaml(config, desired, existing?.setup_yaml, changes), config)).text;
    const { checkSetupYamlKeys, describeKeyMismatch, maskSetupYaml } = await Promise.all(/* import() */[__webpack_require__.e(8815), __webpack_require__.e(8430)]).then(__webpack_require__.bind(__webpack_require__, 58430));
    maskSetupYaml(io.log, predicted);
    const keys = checkSetupYamlKeys(predicted, config.terraform.module.generation);
    if (keys.parseError || keys.missing.length)
        throw new errors/* ConfigurationError */.j1('MODULE_GENERATION_MISMATCH', keys.parseError ?? describeKeyMismatch(keys, config.terraform.module.generation), 'Set terraform.module.generation (or version) to the module the YAML was generated for.');
    const path = writeInfraConfig(io, config, predicted, requestedPath);
    const outputs = {
        'infra-identifier': identifier,
        'infra-config-path': path,
        changed: String(diff.action !== 'unchanged'),
        'harness-diff': JSON.stringify(diff),
    };
    for (const [k, v] of Object.entries(outputs))
        io.setOutput(k, v);
    await io.appendSummary(`## Gitspaces: configure infrastructure (preview, nothing written)\n\n${(0,preview_render/* renderHarnessDiff */.qG)(diff)}\n- Predicted Infra Config YAML: \`${path}\` (it holds the gateway's shared secret: do not upload or commit it)\n`);
    const summary = diff.action === 'create'
        ? `would create infra provider ${identifier}`
        : diff.action === 'update'
            ? `would update infra provider ${identifier} (${changes.map((c) => c.field).join(', ')})`
            : `infra provider ${identifier} unchanged`;
    return {
        outputs,
        phase: {
            name: 'configure',
            status: 'ok',
            startedAt,
            durationMs: io.clock.now() - startedAt,
            summary: `preview: ${summary}`,
            details: diff.changes.map((c) => `${c.field}: ${show(c.from)} -> ${show(c.to)}`),
        },
        preview: { harness: diff },
        exitCode: 0,
    };
}

;// CONCATENATED MODULE: ./actions/configure-infra/main.ts







const main_show = (v) => (v === undefined ? '(absent)' : JSON.stringify(v));
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
            out.push(`| \`${c.field}\` | ${(0,render/* cell */.Hn)(main_show(c.from))} | ${(0,render/* cell */.Hn)(main_show(c.to))} |`);
        out.push('', 'The Infra Config YAML was downloaded again; apply Terraform with it (Harness requires a re-apply after every edit).', '');
    }
    out.push(`- Infra Config YAML: \`${r.path}\` (keys checked against module generation \`${r.generation}\`; it holds the gateway's shared secret: do not upload or commit it)`);
    for (const c of r.yamlChanges ?? [])
        out.push(`- Written into it from gitspaces.yaml (Harness's YAML does not carry it): ${(0,render/* cell */.Hn)(c)}`);
    return out.join('\n') + '\n';
}
async function main(io, deps = {}) {
    const startedAt = io.clock.now();
    const inp = io.inputs;
    const apiKey = (0,client/* readHarnessApiKey */.In)(io);
    inp.secret('gcp-credentials');
    const config = deps.config ?? (await (0,load.loadConfig)(inp.optional('config', 'gitspaces.yaml')));
    const generation = config.terraform.module.generation;
    if (!deps.harness && !apiKey) {
        throw (0,client/* missingHarnessApiKey */.Sd)('Infra Provider view/edit');
    }
    const harness = deps.harness ?? (0,client/* harnessClientFromConfig */.ed)(config, { apiKey, env: io.env, log: io.log, clock: io.clock });
    const identifier = config.infrastructure.identifier;
    // preview: the diff and the YAML that would result, nothing written to Harness.
    if (inp.oneOf('mode', ['apply', 'preview'], 'apply') === 'preview')
        return previewConfigure(io, config, harness, inp.optional('infra-config-path'), startedAt);
    const desired = infraProviderRequest(config);
    const existing = await harness.getInfraProvider(identifier);
    let action;
    let changes = [];
    if (!existing) {
        io.log.info(`Creating the infra provider ${identifier} (hybrid_vm_gcp) in account ${config.harness.account_id}`);
        await createInfraProviderOnce(harness, identifier, desired, io.log);
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
    const gateway = await gatewayIntoYaml(setupYaml, config);
    for (const c of gateway.changes)
        io.log.info(`Infra Config YAML: ${c}`);
    const path = writeInfraConfig(io, config, gateway.text, inp.optional('infra-config-path'));
    const outputs = {
        'infra-identifier': identifier,
        'infra-config-path': path,
        changed: String(action !== 'unchanged'),
    };
    for (const [k, v] of Object.entries(outputs))
        io.setOutput(k, v);
    await io.appendSummary(renderConfigureSummary({ identifier, action, changes, path, generation, yamlChanges: gateway.changes }));
    const summary = action === 'created'
        ? `created infra provider ${identifier}`
        : action === 'updated'
            ? `updated infra provider ${identifier} (${changes.map((c) => c.field).join(', ')})`
            : `infra provider ${identifier} unchanged`;
    return {
        outputs,
        checks: [cfg002, ...gateway.checks],
        phase: {
            name: 'configure',
            status: 'ok',
            startedAt,
            durationMs: io.clock.now() - startedAt,
            summary,
            changes: { created: action === 'created' ? 1 : 0, updated: action === 'updated' ? 1 : 0, deleted: 0 },
            details: changes.map((c) => `${c.field}: ${main_show(c.from)} -> ${main_show(c.to)}`),
        },
        exitCode: 0,
    };
}


/***/ }),

/***/ 41490:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gr: () => (/* binding */ gitBranchProblem),
/* harmony export */   UM: () => (/* binding */ gitnessIdentifierProblem),
/* harmony export */   hK: () => (/* binding */ insidePathProblem),
/* harmony export */   rK: () => (/* binding */ isImageRef),
/* harmony export */   u6: () => (/* binding */ ngIdentifierProblem),
/* harmony export */   wX: () => (/* binding */ workspacePathProblem),
/* harmony export */   zu: () => (/* binding */ rfc1035)
/* harmony export */ });
/* unused harmony exports NG_IDENTIFIER_RE, NG_RESERVED_WORDS, GITNESS_IDENTIFIER_RE, MAX_PATH_LENGTH */
/**
 * The real services' rules for the names and paths gitspaces.yaml holds, without zod (the actions can use them on
 * inputs without loading the parser). Each rule names its source; docs/config.md lists them for users.
 */
/**
 * Harness NG identifiers (organisation, project): harness-core EntityIdentifierValidator,
 * `^[a-zA-Z_][0-9a-zA-Z_$]{0,127}$`, and not one of its NOT_ALLOWED_WORDS; the developer hub's "Entity identifier
 * reference" states the same characters ("must start with a-z, A-Z, or _ ... followed by 0-9, a-z, A-Z, _, $").
 */
const NG_IDENTIFIER_RE = /^[a-zA-Z_][0-9a-zA-Z_$]{0,127}$/;
const NG_RESERVED_WORDS = new Set([
    'or',
    'and',
    'eq',
    'ne',
    'lt',
    'gt',
    'le',
    'ge',
    'div',
    'mod',
    'not',
    'null',
    'true',
    'false',
    'new',
    'var',
    'return',
    'step',
    'parallel',
    'stepGroup',
    'org',
    'account',
    'class',
    'shellScriptProvisioner',
]);
function ngIdentifierProblem(v) {
    if (!NG_IDENTIFIER_RE.test(v))
        return 'expected a Harness identifier: a letter or _ then up to 127 letters, digits, _ or $';
    if (NG_RESERVED_WORDS.has(v))
        return `expected a Harness identifier that is not the reserved word "${v}"`;
    return undefined;
}
/**
 * Gitspaces identifiers (infra provider, machine resource): harness/harness types/check/common.go `Identifier`,
 * 1-100 of `[a-zA-Z0-9-_.]`. Made of dots only (`.`, `..`) it would be a dot segment in the API's URL paths,
 * which clients and proxies remove (RFC 3986 section 5.2.4): `/infraproviders/..` addresses something else.
 */
const GITNESS_IDENTIFIER_RE = /^[a-zA-Z0-9_.-]{1,100}$/;
function gitnessIdentifierProblem(v) {
    if (!GITNESS_IDENTIFIER_RE.test(v))
        return 'expected 1-100 letters, digits, - _ or .';
    if (/^\.+$/.test(v))
        return 'expected an identifier that is not made of dots only (. and .. are path segments)';
    return undefined;
}
/**
 * A GCP resource name (RFC 1035 label, the Compute API's `[a-z]([-a-z0-9]*[a-z0-9])?`) of at most `max`
 * characters (63 for instances, machine types, networks).
 */
function rfc1035(max) {
    return new RegExp(`^[a-z](?:[-a-z0-9]{0,${max - 2}}[a-z0-9])?$`);
}
/** A container image reference (the distribution reference grammar: registry[:port]/path[:tag][@digest]). */
const IMAGE_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const IMAGE_REF_RE = new RegExp(`^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?/)?` +
    `${IMAGE_COMPONENT}(?:/${IMAGE_COMPONENT})*(?::[\\w][\\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$`);
function isImageRef(v) {
    return v.length <= 512 && IMAGE_REF_RE.test(v);
}
/** Characters never accepted in a path of the config: a shell, a log line or Terraform would read them. */
const PATH_UNSAFE = /[\\'"`$*?<>|]/;
/** The longest relative path accepted (each path is a directory or file inside a checkout). */
const MAX_PATH_LENGTH = 255;
/**
 * A path that must stay inside a directory (the workspace for working directories and local state, the
 * repository for a devcontainer.json): relative, without `..` segments, not under `~`, printable, bounded.
 */
function insidePathProblem(v, inside) {
    if (v.trim() === '')
        return `a non-empty path relative to ${inside}`;
    if (v.length > MAX_PATH_LENGTH)
        return `a path of at most ${MAX_PATH_LENGTH} characters`;
    if (v.startsWith('~'))
        return `a path relative to ${inside}, not under the home directory (~)`;
    if (v.startsWith('/') || /^[a-zA-Z]:/.test(v) || v.startsWith('\\'))
        return `a path relative to ${inside}, not an absolute path`;
    if (v.split(/[\\/]/).includes('..'))
        return `a path inside ${inside}, without \`..\` segments`;
    if (PATH_UNSAFE.test(v))
        return 'a path of letters, digits and - _ . / @ + , = : space (no \\ \' " ` $ * ? < > |)';
    return undefined;
}
function workspacePathProblem(v) {
    return insidePathProblem(v, 'the workspace');
}
/**
 * A branch name as `git check-ref-format --branch` accepts it (git-check-ref-format(1)): no component starting
 * with `.` or ending with `.lock`, no `..`, no control character, space, `~ ^ : ? * [ \`, no `@{`, not `@`, not
 * ending with `/` or `.`, no empty component, not starting with `-`, not HEAD (checked against git 2.x). Bounded at 255 bytes (a ref is a file
 * name under .git/refs on most servers: GitHub refuses longer ones).
 */
function gitBranchProblem(v) {
    const bytes = Buffer.byteLength(v, 'utf8');
    if (bytes === 0)
        return 'a branch name';
    if (bytes > 255)
        return 'a branch name of at most 255 bytes';
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u0020\u007f~^:?*[\\]/.test(v))
        return 'a branch name without spaces, control characters or ~ ^ : ? * [ \\';
    if (v.startsWith('-'))
        return 'a branch name that does not start with -';
    if (v === '@' || v.includes('@{'))
        return 'a branch name that is not @ and has no @{';
    if (v === 'HEAD')
        return 'a branch name other than HEAD';
    if (v.includes('..'))
        return 'a branch name without ..';
    if (v.endsWith('/') || v.endsWith('.'))
        return 'a branch name that does not end with / or .';
    if (v.split('/').some((c) => c === '' || c.startsWith('.') || c.endsWith('.lock')))
        return 'a branch name whose /-separated parts are not empty, do not start with . and do not end with .lock';
    return undefined;
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
    if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .RemoteError */ .Hi)
        return e.status === 0 && /\bECONNREFUSED\b/.test(e.message);
    return err?.code === 'ECONNREFUSED' || err?.cause?.code === 'ECONNREFUSED';
}
/**
 * Retry policy: reads and idempotent writes (GET/PUT/DELETE) retry every transient failure; a POST retries
 * only when it certainly was not applied: throttled (429: Harness's rate limiter answers before the request
 * reaches the service, https://developer.harness.io/docs/platform/rate-limits/) or a refused connection. A 5xx
 * or dropped POST may have been applied, so the error goes to the caller, who reconciles (reads back by
 * identifier or name, then decides): see each caller.
 */
function retryableFor(method) {
    if (method === 'POST' || method === 'PATCH')
        return (e) => (0,_retry_js__WEBPACK_IMPORTED_MODULE_4__/* .isThrottled */ .B5)(e) || isConnectionRefused(e);
    return (e) => (0,_retry_js__WEBPACK_IMPORTED_MODULE_4__/* .isTransient */ .dg)(e);
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
            let res;
            let text;
            try {
                res = await this.fetchImpl(u, {
                    method,
                    headers,
                    body: payload,
                    signal: AbortSignal.timeout(this.timeoutMs),
                });
                text = await res.text();
            }
            catch (e) {
                // A network failure (refused, reset, dropped, timed out) is a transient remote error naming the host.
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .RemoteError */ .Hi('harness', 0, `Cannot reach Harness at ${u.host} (${where}): ${(0,_retry_js__WEBPACK_IMPORTED_MODULE_4__/* .networkCause */ .u6)(e)}`);
            }
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

/***/ 79725:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IT: () => (/* binding */ readPreviewComment),
/* harmony export */   K2: () => (/* binding */ renderPreviewComment),
/* harmony export */   M3: () => (/* binding */ renderIntents),
/* harmony export */   _v: () => (/* binding */ readAdmission),
/* harmony export */   c0: () => (/* binding */ renderAdmission),
/* harmony export */   ko: () => (/* binding */ isPreviewOf),
/* harmony export */   qG: () => (/* binding */ renderHarnessDiff),
/* harmony export */   vW: () => (/* binding */ safeKey)
/* harmony export */ });
/* unused harmony export esc */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _report_render_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(23617);
/**
 * The pull request's one preview comment, and reading it back.
 *
 * Its first line is the only place the gate reads: `<!-- gitspaces-preview key=... fingerprint=... harness=...
 * terraform=... resources=... digest=... -->`. It is anchored at the comment's start, so nothing a user controls
 * (a config value, a resource name) can come before it; every user value below it is escaped (`<` and `>` as
 * entities), so none can open an HTML comment of its own; and `digest` is the sha256 of the rest of the body, so
 * an edit of the comment (GitHub keeps the bot as its author whoever edits it) is seen and the comment ignored.
 */


/** Escapes a user value for Markdown and HTML: no tag, no HTML comment, no table break. */
function esc(v) {
    return (0,_report_render_js__WEBPACK_IMPORTED_MODULE_1__/* .cell */ .Hn)(v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
}
const show = (v) => esc(v === undefined ? '(absent)' : JSON.stringify(v));
/** An infrastructure key as the comments' first lines carry it. */
const safeKey = (k) => k.replace(/[^A-Za-z0-9_.:/@-]/g, '_');
const digestOf = (rest) => 'sha256:' + (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(rest).digest('hex');
const HEADER_RE = /^<!-- gitspaces-preview key=([A-Za-z0-9_.:/@-]+) pr=(\d+) fingerprint=(sha256:[0-9a-f]{64}) harness=(sha256:[0-9a-f]{64}) terraform=(sha256:[0-9a-f]{64}) resources=(sha256:[0-9a-f]{64}) digest=(sha256:[0-9a-f]{64}) -->$/;
function renderHarnessDiff(d) {
    const id = esc(d.identifier);
    const head = {
        create: `Would create the infra provider \`${id}\` (hybrid_vm_gcp).`,
        update: `Would update the infra provider \`${id}\`: ${d.changes.length} field(s).`,
        unchanged: `The infra provider \`${id}\` already matches: nothing would change.`,
    }[d.action];
    const out = [`**${head}**`, ''];
    if (d.changes.length) {
        out.push('| Field | Now | After merge |', '|---|---|---|');
        for (const c of d.changes)
            out.push(`| ${esc(c.field)} | ${show(c.from)} | ${show(c.to)} |`);
        out.push('');
    }
    if (d.placeholders.length)
        out.push(`The Infra Config YAML was predicted locally (the provider does not exist yet): Harness generates ${d.placeholders.map((p) => `\`${p}\``).join(', ')} on create, so the plan shows placeholders for them.`, '');
    return out.join('\n');
}
const VERB = {
    create: '➕ create',
    start: '▶️ start',
    stop: '⏹️ stop',
    delete: '🗑️ delete',
    none: 'no change',
    differs: '⚠️ differs',
};
function renderIntents(list) {
    if (!list.length)
        return '_No machines or gitspaces declared._\n';
    const rows = list.map((r) => `| ${r.kind} | ${esc(r.name)} | ${VERB[r.action]} | ${esc(r.detail)} |`);
    return ['| Kind | Name | Would | Detail |', '|---|---|---|---|', ...rows, ''].join('\n');
}
function preflightSection(p) {
    const pf = p.preflight;
    if (!pf)
        return ['_Not run (see above)._', ''];
    const out = [];
    if (!pf.failed.length)
        out.push('**✅ No check fails.**', '');
    else {
        out.push(`**❌ ${pf.failed.length} check(s) fail:**`, '', '| Check | Observed | Fix |', '|---|---|---|');
        for (const c of pf.failed)
            out.push(`| ${esc(c.id)} ${esc(c.title)} | ${esc(c.observed)} | ${esc(c.fix)} |`);
        out.push('');
    }
    if (pf.warnings.length)
        out.push(`Warnings: ${pf.warnings.map((w) => `${esc(w.id)} (${esc(w.observed)})`).join('; ')}`, '');
    if (pf.notChecked.length)
        out.push(`Not checked with the preview's read-only identity: ${pf.notChecked.map((c) => `${esc(c.id)} (${esc(c.reason)})`).join('; ')}. The apply job checks them with its own identity.`, '');
    return out;
}
function terraformSection(p) {
    const t = p.terraform;
    if (!t)
        return ['_Not planned (see above)._', ''];
    return [
        `**${esc(t.countsLine)}**${t.churnLine ? ` ${esc(t.churnLine)}` : ''}`,
        '',
        t.rendered.replace(/<!--/g, '&lt;!--'),
        '',
        `_${esc(t.stateNote)}._`,
        '',
    ];
}
/** The comment's Markdown: what fails the preflight, the Harness diff, the plan (counts first), the machines and gitspaces. */
function renderPreviewComment(p, fp, pr, runUrl) {
    const top = [`### Gitspaces preview: \`${esc(p.config)}\` · \`${esc(p.key)}\``, ''];
    if (p.configCheck)
        top.push(`Config check: ✅ ${esc(p.configCheck)}`, '');
    if (p.module.refused)
        top.push(`> **❌ Module refused:** ${esc(p.module.refused)}.`, '');
    else if (p.module.changed) {
        const named = (m) => `\`${esc(m.source)}\`${m.version ? ` ${esc(m.version)}` : ''}`;
        top.push(p.module.base
            ? `> **⚠️ This pull request changes the Terraform module:** ${named(p.module.base)} → ${named(p.module)}.`
            : `> **⚠️ Terraform module:** this configuration uses ${named(p.module)}, not the bundle's pin ${named({ source: p.module.pinnedSource, version: p.module.pinnedVersion })}.`, '');
    }
    if (p.skipped.length) {
        top.push('**Not previewed:**', '');
        for (const s of p.skipped)
            top.push(`- ${esc(s.part)}: ${esc(s.reason)}`);
        top.push('');
    }
    if (p.fileDiff !== undefined)
        top.push('<details><summary>Changes to the config file</summary>', '', '```diff', p.fileDiff.replace(/```/g, "'''"), '```', '', '</details>', '');
    const body = [
        ...top,
        '#### 1. Preflight',
        '',
        ...preflightSection(p),
        '#### 2. Harness infra provider',
        '',
        p.harness ? renderHarnessDiff(p.harness) : '_Not computed (see above)._\n',
        '#### 3. Terraform plan',
        '',
        ...terraformSection(p),
        '#### 4. Machines and gitspaces',
        '',
        p.resources ? renderIntents(p.resources) : '_Not computed (see above)._\n',
        `<sub>Preview fingerprint \`${fp.fingerprint.slice(0, 19)}…\`: the apply on merge recomputes this preview and refuses (plan-changed) if anything differs.${runUrl ? ` [Workflow run](${runUrl}).` : ''}</sub>`,
    ].join('\n');
    const header = `<!-- gitspaces-preview key=${safeKey(p.key)} pr=${pr} fingerprint=${fp.fingerprint} harness=${fp.harness} terraform=${fp.terraform} resources=${fp.resources} digest=${digestOf(`${pr}\n${body}`)} -->`;
    return `${header}\n${body}`;
}
/**
 * The fingerprint a preview comment carries, read from its first line only; undefined when the comment is not a
 * preview, or when its body was edited after the workflow wrote it (the digest no longer matches).
 */
function readPreviewComment(body) {
    const nl = body.indexOf('\n');
    const first = nl >= 0 ? body.slice(0, nl) : body;
    const m = HEADER_RE.exec(first);
    if (!m)
        return {};
    const rest = nl >= 0 ? body.slice(nl + 1) : '';
    if (digestOf(`${m[2]}\n${rest}`) !== m[7])
        return { edited: true };
    return {
        found: {
            key: m[1],
            pr: Number(m[2]),
            fingerprint: m[3],
            harness: m[4],
            terraform: m[5],
            resources: m[6],
        },
    };
}
/** Whether a comment is (or was) the preview of `key`, from its first line, whatever its digest. */
function isPreviewOf(body, key) {
    return body.startsWith(`<!-- gitspaces-preview key=${safeKey(key)} `);
}
/**
 * The record the gate leaves on the pull request when it admits a pushed commit for apply: `<!-- gitspaces-admitted
 * key=... sha=... fingerprint=... -->` on the first line, the reviewed fingerprint it matched. A later run of the
 * same commit (GitHub's "Re-run failed jobs" after an apply was cancelled or killed) finds it and continues that
 * apply: its own preview now shows what the interrupted run already did, so it can no longer match the review.
 */
const ADMITTED_RE = /^<!-- gitspaces-admitted key=([A-Za-z0-9_.:/@-]+) sha=([0-9a-f]{40}) config=(sha256:[0-9a-f]{64}) fingerprint=(sha256:[0-9a-f]{64}) -->$/;
function renderAdmission(a, runUrl) {
    const { key, sha, config, fingerprint } = a;
    return [
        `<!-- gitspaces-admitted key=${safeKey(key)} sha=${sha} config=${config} fingerprint=${fingerprint} -->`,
        `✅ Commit \`${sha.slice(0, 12)}\` matched the reviewed preview (\`${fingerprint.slice(0, 19)}…\`) and was admitted for apply${runUrl ? ` by [this run](${runUrl})` : ''}. A re-run of this commit continues that apply.`,
    ].join('\n');
}
/**
 * The admission a comment records, read from its first line only: the key, the commit, the sha256 of the config
 * file admitted (the same commit read with another config is not the same apply), the reviewed fingerprint.
 */
function readAdmission(body) {
    const nl = body.indexOf('\n');
    const m = ADMITTED_RE.exec(nl >= 0 ? body.slice(0, nl) : body);
    return m
        ? { key: m[1], sha: m[2], config: m[3], fingerprint: m[4] }
        : undefined;
}


/***/ })

};
