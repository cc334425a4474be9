export const id = 5068;
export const ids = [5068];
export const modules = {

/***/ 65068:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createTask: () => (/* binding */ createTask),
/* harmony export */   runPerRegion: () => (/* binding */ runPerRegion)
/* harmony export */ });
/* unused harmony exports gatewayTask, regionsOf */
/* harmony import */ var _shared_config_load_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(45481);
/* harmony import */ var _shared_harness_client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(90262);
/* harmony import */ var _shared_report_render_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(23617);
/* harmony import */ var _shared_runner_install_gates_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(53523);
/* harmony import */ var _shared_runner_install_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(81602);
/* harmony import */ var _overlap_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(55442);






const gatewayTask = (region) => `gateway:${region}`;
const createTask = (region) => `create:${region}`;
/** The config's regions, and the machines and gitspaces each one holds (a gitspace is in its machine's region). */
function regionsOf(config) {
    return Object.keys(config.infrastructure.regions).map((region) => {
        const machines = config.machines.filter((m) => m.region === region).map((m) => m.name);
        return {
            region,
            machines,
            gitspaces: config.gitspaces.filter((g) => machines.includes(g.machine)).map((g) => g.name),
        };
    });
}
/**
 * Runs every region's gateway wait and, after each, that region's create; returns the create phase's record.
 * `input` is the pipeline's input source (secrets, outputs handed on, the caller's inputs); `createRegion` runs
 * the create-gitspace action for one region (the pipeline's own phase runner, so it is reported like a phase).
 */
async function runPerRegion(opts) {
    const { io } = opts;
    const startedAt = io.clock.now();
    const config = await (0,_shared_config_load_js__WEBPACK_IMPORTED_MODULE_0__.loadConfig)(opts.input('config') ?? 'gitspaces.yaml');
    const apiKey = opts.input('harness-api-key') || io.env.HARNESS_API_KEY || '';
    if (!apiKey)
        throw (0,_shared_harness_client_js__WEBPACK_IMPORTED_MODULE_1__/* .missingHarnessApiKey */ .Sd)();
    const harness = (0,_shared_harness_client_js__WEBPACK_IMPORTED_MODULE_1__/* .harnessClientFromConfig */ .ed)(config, { apiKey, env: io.env, log: io.log, clock: io.clock });
    const infraId = config.infrastructure.identifier;
    // The version GW-101 expects: the input, else the setup YAML's gateway.version, read once for every region and
    // alongside each region's first gateways read (a failed read is tried again at the next poll).
    let versionRead;
    const expectedVersion = opts.input('gateway-version') ||
        (() => {
            versionRead ??= harness.getInfraProvider(infraId).then(_shared_runner_install_js__WEBPACK_IMPORTED_MODULE_4__/* .setupYamlGatewayVersion */ .lv);
            return versionRead.catch((e) => {
                versionRead = undefined;
                throw e;
            });
        });
    const wait = {
        harness,
        infraId,
        deadlineMs: io.inputs.duration('gateway-timeout', 10 * 60_000),
        pollIntervalMs: io.inputs.duration('poll-interval', 10_000),
        clock: io.clock,
        log: io.log,
    };
    const regions = regionsOf(config);
    const checks = [];
    const views = new Map();
    const creates = new Map();
    const tasks = [];
    for (const { region, machines, gitspaces } of regions) {
        tasks.push({
            id: gatewayTask(region),
            after: [],
            // A wait that reads only; not cut when another region fails: this region's gitspaces still get created.
            run: async () => {
                const gates = new _shared_runner_install_gates_js__WEBPACK_IMPORTED_MODULE_3__/* .HealthGates */ .fn(checks, io.clock, io.log);
                views.set(region, await (0,_shared_runner_install_gates_js__WEBPACK_IMPORTED_MODULE_3__/* .waitForRegionGateways */ .WI)(wait, gates, [region], expectedVersion));
                const f = gates.failure;
                if (!f)
                    return { status: 'ok' };
                return {
                    status: 'failed',
                    reason: `GW-101 ${region}: the gateway is not healthy. Last state: ${f.lastState}. Fix: ${f.fix}`,
                };
            },
        });
        if (!machines.length && !gitspaces.length)
            continue;
        tasks.push({
            id: createTask(region),
            after: [gatewayTask(region)],
            run: async () => {
                const c = await opts.createRegion(region);
                creates.set(region, c);
                return c.result.status === 'failed'
                    ? { status: 'failed', reason: c.result.summary }
                    : { status: 'ok' };
            },
        });
    }
    const taskRecords = await (0,_overlap_js__WEBPACK_IMPORTED_MODULE_5__/* .runTasks */ .e)(tasks, io.clock);
    opts.appendSummary((0,_shared_report_render_js__WEBPACK_IMPORTED_MODULE_2__/* .renderChecksMarkdown */ .pu)("Gateways, per region (each region's gitspaces are created once its own gateway is healthy)", checks.some((c) => c.status === 'error')
        ? `${checks.filter((c) => c.status === 'error').length} region(s) without a healthy gateway: their gitspaces were not created.`
        : `Every region's gateway is healthy (${checks.length}).`, checks));
    const records = taskRecords.map((r) => regionRecord(io, r, regions, creates));
    const outputs = mergedOutputs(regions, creates, views);
    return { phase: createPhase(io, startedAt, regions, records, creates), records, outputs };
}
/** A task's record as a row of the phase table and the timeline; a region's create not run names its gitspaces. */
function regionRecord(io, r, regions, creates) {
    const region = r.id.slice(r.id.indexOf(':') + 1);
    const ran = r.id.startsWith('create:') ? creates.get(region)?.result : undefined;
    if (ran)
        return { ...ran, name: r.id, startedAt: r.startedAt, durationMs: r.finishedAt - r.startedAt };
    let summary = r.reason ?? 'healthy';
    if (r.status === 'skipped') {
        const names = regions.find((x) => x.region === region)?.gitspaces ?? [];
        summary = `not run: the gateway of ${region} is not healthy (GW-101): ${names.length ? `gitspace(s) ${names.join(', ')} not created` : 'its machines not created'}`;
        io.log.warning(`${region}: ${summary.replace(/^not run: /, '')}`, {
            title: `gitspaces: ${region} not created`,
        });
    }
    return {
        name: r.id,
        status: r.status,
        startedAt: r.startedAt,
        durationMs: r.finishedAt - r.startedAt,
        summary,
    };
}
/** The create phase: every region's create (or why it did not run), as one phase. */
function createPhase(io, startedAt, regions, records, creates) {
    const parts = [];
    for (const { region, gitspaces } of regions) {
        const create = records.find((r) => r.name === createTask(region));
        const gateway = records.find((r) => r.name === gatewayTask(region));
        if (gateway?.status === 'failed')
            parts.push(`${region}: ${gitspaces.length ? `gitspace(s) ${gitspaces.join(', ')} not created` : 'nothing created'}: ${gateway.summary}`);
        else if (create)
            parts.push(`${region}: ${create.summary}`);
    }
    const bad = records.filter((r) => r.status !== 'ok');
    const sum = (k) => [...creates.values()].reduce((a, c) => a + (c.result.changes?.[k] ?? 0), 0);
    return {
        name: 'create',
        status: bad.length ? 'failed' : 'ok',
        startedAt,
        durationMs: io.clock.now() - startedAt,
        summary: parts.join('; ') || 'no machines or gitspaces in any region',
        changes: { created: sum('created'), updated: sum('updated'), deleted: sum('deleted') },
        details: [...creates.values()].flatMap((c) => c.result.details ?? []),
    };
}
/** The create phase's outputs over every region, as one create-gitspace run sets them. */
function mergedOutputs(regions, creates, views) {
    const gitspaces = [];
    for (const { region } of regions)
        gitspaces.push(...JSON.parse(creates.get(region)?.collected.gitspaces || '[]'));
    const out = {
        gitspaces: JSON.stringify(gitspaces),
        gateways: JSON.stringify(regions.flatMap(({ region }) => views.get(region) ?? [])),
    };
    if (gitspaces.length === 1) {
        out.url = gitspaces[0]?.url ?? '';
        out['ssh-command'] = gitspaces[0]?.['ssh-command'] ?? '';
    }
    return out;
}


/***/ })

};
