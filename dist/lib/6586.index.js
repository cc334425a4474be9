export const id = 6586;
export const ids = [6586];
export const modules = {

/***/ 56586:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   main: () => (/* binding */ main),
/* harmony export */   renderInstallSummary: () => (/* binding */ renderInstallSummary),
/* harmony export */   resolveRunnerKey: () => (/* binding */ resolveRunnerKey)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _shared_config_load_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(45481);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(32635);
/* harmony import */ var _shared_workspace_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(74107);
/* harmony import */ var _shared_gcp_index_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(15924);
/* harmony import */ var _shared_harness_client_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(90262);
/* harmony import */ var _shared_inputs_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(18573);
/* harmony import */ var _shared_report_model_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(1124);
/* harmony import */ var _shared_report_render_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(23617);
/* harmony import */ var _shared_runner_bootstrap_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(94711);











/** The key the runner puts in /runner: a service-account JSON key (the runner reads JSON; a P12 gcp-credentials key arrives converted). */
function resolveRunnerKey(io, explicit, gcpCredentials) {
    let key = explicit || gcpCredentials;
    let source = explicit ? 'runner-key' : 'gcp-credentials';
    if (!key) {
        const file = io.env.GOOGLE_APPLICATION_CREDENTIALS;
        if (file && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file)) {
            key = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8').trim();
            source = `GOOGLE_APPLICATION_CREDENTIALS (${file})`;
            (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_7__/* .maskSecret */ .$l)(io.log, key);
        }
    }
    if (!key) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1('RUNNER_KEY_MISSING', 'No service-account key for the runner: it needs a JSON key (pool.yaml json_path) to create gitspace VMs', 'Pass the key as `runner-key` (or `gcp-credentials`) from a secret. Keyless auth covers this workflow, not the runner VM.');
    }
    let parsed;
    try {
        parsed = JSON.parse(key);
    }
    catch {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1('RUNNER_KEY_INVALID', `The runner key from ${source} is not JSON`, 'Use a JSON service-account key: the runner reads JSON only (a P12 key is converted when it is the gcp-credentials key, with gcp-service-account-email).');
    }
    if (parsed.private_key)
        (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_7__/* .maskSecret */ .$l)(io.log, parsed.private_key);
    if (parsed.type !== 'service_account' || !parsed.private_key || !parsed.client_email) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1('RUNNER_KEY_INVALID', `The runner key from ${source} is not a service-account key (type ${parsed.type ?? 'missing'})`, 'The runner needs a service-account JSON key (type service_account); with keyless auth, pass one as `runner-key`.');
    }
    return key;
}
function renderInstallSummary(r) {
    const out = [];
    const failed = r.failure;
    out.push(`## Runner and delegate on \`${r.vm.name}\``, '');
    out.push(failed
        ? `**${_shared_report_model_js__WEBPACK_IMPORTED_MODULE_8__/* .STATUS_ICON */ .tW.error} ${failed.gate} failed: ${(0,_shared_report_render_js__WEBPACK_IMPORTED_MODULE_9__/* .cell */ .Hn)(failed.title)}.** Last state: ${(0,_shared_report_render_js__WEBPACK_IMPORTED_MODULE_9__/* .cell */ .Hn)(failed.lastState)}.`
        : r.installed
            ? `**${_shared_report_model_js__WEBPACK_IMPORTED_MODULE_8__/* .STATUS_ICON */ .tW.ok} Installed: the runner is healthy, the delegate connected${waitedForGateways(r) ? ' and every gateway healthy' : ' (gateways not waited for here)'}.**`
            : r.changes.length
                ? `**${_shared_report_model_js__WEBPACK_IMPORTED_MODULE_8__/* .STATUS_ICON */ .tW.ok} The VM already runs this configuration, and ${gatesPassed(r)}.**`
                : `**${_shared_report_model_js__WEBPACK_IMPORTED_MODULE_8__/* .STATUS_ICON */ .tW.ok} Nothing changed: the VM already runs this configuration, and ${gatesPassed(r)}.**`, '');
    out.push(`- VM: \`${r.vm.name}\` in \`${r.vm.zone}\` (project \`${r.vm.project}\`), configuration \`${r.configHash}\``);
    out.push(`- Delegate: \`${r.delegateName}\``);
    out.push(`- Secrets: ${r.secrets.note}`);
    if (r.changes.length) {
        out.push('- Changes:');
        for (const c of r.changes)
            out.push(`  - ${c}`);
    }
    else
        out.push('- Changes: none');
    out.push('');
    if (r.progress && Object.keys(r.progress.steps).length) {
        out.push('| Bootstrap step | Reported by the VM |', '|---|---|');
        for (const s of _shared_runner_bootstrap_js__WEBPACK_IMPORTED_MODULE_10__/* .BOOTSTRAP_STEPS */ .ZK)
            out.push(`| ${s} | ${(0,_shared_report_render_js__WEBPACK_IMPORTED_MODULE_9__/* .cell */ .Hn)(r.progress.steps[s] ?? 'not reported')} |`);
        out.push('');
    }
    if (r.gateways.length) {
        out.push('| Region | Gateway | Overall health | Version |', '|---|---|---|---|');
        for (const g of r.gateways)
            out.push(`| ${g.region} | ${(0,_shared_report_render_js__WEBPACK_IMPORTED_MODULE_9__/* .cell */ .Hn)(g.name)} | ${g.overall_health} | ${(0,_shared_report_render_js__WEBPACK_IMPORTED_MODULE_9__/* .cell */ .Hn)(g.version)} |`);
        out.push('');
    }
    const verdict = failed ? `${failed.gate} failed. Fix: ${failed.fix}` : 'All gates passed.';
    out.push((0,_shared_report_render_js__WEBPACK_IMPORTED_MODULE_9__/* .renderChecksMarkdown */ .pu)('Health gates', verdict, r.checks));
    return out.join('\n');
}
/** Whether this install waited for the gateways (GW-101 ran, rather than being recorded skipped by wait-for-gateways: false). */
function waitedForGateways(r) {
    return !r.checks.some((c) => c.id === 'GW-101' && c.status === 'skip' && !r.failure);
}
function gatesPassed(r) {
    return waitedForGateways(r)
        ? 'every gate passes'
        : 'the runner and delegate gates pass (gateways not waited for here)';
}
/** What the inputs ask of this install, besides the secrets. */
function readInstallInputs(io, config) {
    const inp = io.inputs;
    return {
        poolPath: inp.optional('pool-yaml-path') ||
            (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)((0,_shared_workspace_js__WEBPACK_IMPORTED_MODULE_4__/* .resolveInWorkspace */ .z1)(config.terraform.working_directory, io.env, 'terraform.working_directory'), 'pool.yaml'),
        timeouts: {
            runnerMs: inp.duration('runner-timeout', 10 * 60_000),
            delegateMs: inp.duration('delegate-timeout', 5 * 60_000),
            gatewayMs: inp.duration('gateway-timeout', 10 * 60_000),
        },
        pollIntervalMs: inp.duration('poll-interval', 10_000),
        manageDelegateSelector: inp.boolean('manage-delegate-selector', true),
        force: inp.boolean('force', false),
        gatewayVersion: inp.optional('gateway-version') || undefined,
        vmName: inp.optional('vm-name') || undefined,
        waitForGateways: inp.boolean('wait-for-gateways', true),
    };
}
/** The pool file terraform-apply wrote (its `pool-yaml-path` output). */
function readPoolYaml(poolPath) {
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(poolPath)) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1('POOL_YAML_MISSING', `No pool file at ${poolPath}`, 'Run terraform-apply first and pass its `pool-yaml-path` output (the module writes pool.yaml in the Terraform working directory).');
    }
    return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(poolPath, 'utf8');
}
/** Outputs, the summary and the verdict of an install. */
async function reportInstall(io, r, startedAt) {
    const outputs = {
        'runner-healthy': String(r.runnerHealthy),
        'delegate-name': r.delegateName,
    };
    // Not waited for (wait-for-gateways: false): the caller reports the gateways it waited for.
    if (waitedForGateways(r))
        outputs.gateways = JSON.stringify(r.gateways);
    for (const [k, v] of Object.entries(outputs))
        io.setOutput(k, v);
    await io.appendSummary(renderInstallSummary(r));
    const summary = r.failure
        ? `${r.failure.gate} failed on ${r.vm.name}: ${r.failure.lastState}`
        : r.installed
            ? `runner and delegate installed on ${r.vm.name}${waitedForGateways(r) ? '; gateways healthy' : ''}`
            : `${r.vm.name} already healthy with this configuration; ${r.changes.length ? r.changes.join('; ') : 'nothing changed'}`;
    if (r.failure)
        io.setFailed(`${r.failure.gate} ${r.failure.title}: failed.\nLast state: ${r.failure.lastState}\nFix: ${r.failure.fix}`);
    else
        io.log.info(summary);
    return {
        outputs,
        checks: r.checks,
        exitCode: r.failure ? 1 : 0,
        phase: {
            name: 'install-runner',
            status: r.failure ? 'failed' : 'ok',
            startedAt,
            durationMs: io.clock.now() - startedAt,
            summary,
            changes: {
                created: r.changes.filter((c) => c.startsWith('created')).length,
                updated: r.changes.filter((c) => !c.startsWith('created')).length,
                deleted: 0,
            },
            details: [...r.changes, r.secrets.note],
        },
    };
}
async function main(io, deps = {}) {
    const startedAt = io.clock.now();
    const inp = io.inputs;
    // Secrets first: masked before anything else can print them.
    const gcpCredentials = inp.secret('gcp-credentials');
    const apiKey = (0,_shared_harness_client_js__WEBPACK_IMPORTED_MODULE_6__/* .readHarnessApiKey */ .In)(io);
    const explicitKey = inp.secret('runner-key');
    const delegateToken = inp.secret('delegate-token');
    const config = deps.config ?? (await (0,_shared_config_load_js__WEBPACK_IMPORTED_MODULE_2__.loadConfig)(inp.optional('config', 'gitspaces.yaml')));
    const { poolPath, ...options } = readInstallInputs(io, config);
    const poolYaml = readPoolYaml(poolPath);
    // A P12 key becomes the equivalent JSON key (in memory): the runner on the VM reads JSON only.
    const fromP12 = deps.compute
        ? undefined
        : await (0,_shared_gcp_index_js__WEBPACK_IMPORTED_MODULE_5__.jsonKeyForP12)({
            keyJson: gcpCredentials,
            env: io.env,
            log: io.log,
            clock: io.clock,
            inputName: 'gcp-credentials',
            serviceAccountEmail: inp.optional('gcp-service-account-email') || config.gcp.service_account_email,
        });
    const runnerKey = resolveRunnerKey(io, explicitKey, fromP12 ?? gcpCredentials);
    if (!deps.harness && !apiKey)
        throw (0,_shared_harness_client_js__WEBPACK_IMPORTED_MODULE_6__/* .missingHarnessApiKey */ .Sd)();
    const gcp = deps.compute
        ? undefined
        : (0,_shared_gcp_index_js__WEBPACK_IMPORTED_MODULE_5__.createGcp)({
            keyJson: fromP12 ?? gcpCredentials,
            env: io.env,
            log: io.log,
            clock: io.clock,
            inputName: 'gcp-credentials',
        });
    const compute = deps.compute ?? gcp.compute;
    const harness = deps.harness ?? (0,_shared_harness_client_js__WEBPACK_IMPORTED_MODULE_6__/* .harnessClientFromConfig */ .ed)(config, { apiKey, env: io.env, log: io.log, clock: io.clock });
    const managerUrl = config.delegate.manager_url ?? (0,_shared_harness_client_js__WEBPACK_IMPORTED_MODULE_6__/* .harnessBaseUrl */ .pj)(config, io.env);
    // Loaded once the config was read: a run that stops on its inputs never loads yaml.
    const { installRunner } = await Promise.all(/* import() */[__webpack_require__.e(8815), __webpack_require__.e(1602), __webpack_require__.e(2779)]).then(__webpack_require__.bind(__webpack_require__, 81602));
    let r;
    try {
        r = await io.log.group(`Install the runner and the delegate`, () => installRunner({
            config,
            compute,
            harness,
            log: io.log,
            clock: io.clock,
            poolYaml,
            poolYamlSource: poolPath,
            serviceAccountKey: runnerKey,
            delegateToken: delegateToken || undefined,
            managerUrl,
            ...options,
        }));
    }
    finally {
        await gcp?.close();
    }
    return reportInstall(io, r, startedAt);
}


/***/ })

};
