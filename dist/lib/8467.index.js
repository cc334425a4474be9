export const id = 8467;
export const ids = [8467];
export const modules = {

/***/ 8467:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main),
  nameFromRepo: () => (/* binding */ nameFromRepo),
  selectSpecs: () => (/* binding */ selectSpecs),
  selectedRegions: () => (/* binding */ selectedRegions)
});

// EXTERNAL MODULE: ./shared/config/load.ts
var load = __webpack_require__(45481);
// EXTERNAL MODULE: ./shared/config/values.ts
var values = __webpack_require__(2483);
// EXTERNAL MODULE: ./shared/errors.ts
var errors = __webpack_require__(32635);
// EXTERNAL MODULE: ./shared/gitspaces/backoff.ts
var backoff = __webpack_require__(9734);
// EXTERNAL MODULE: ./shared/gitspaces/gitspaces.ts
var gitspaces_gitspaces = __webpack_require__(32173);
// EXTERNAL MODULE: ./shared/gitspaces/machines.ts
var gitspaces_machines = __webpack_require__(73342);
// EXTERNAL MODULE: ./shared/report/render.ts
var render = __webpack_require__(23617);
;// CONCATENATED MODULE: ./shared/gitspaces/report.ts

const ICON = {
    created: '🆕',
    existing: '✅',
    started: '▶️',
    running: '✅',
    stopped: '⏹️',
    deleted: '🗑️',
    absent: '➖',
    'would-create': '📝',
    failed: '❌',
    unchanged: '✅',
    different: '⚠️',
};
/** What the `gitspaces` output holds for each one. */
function gitspacesOutput(outcomes) {
    return outcomes.map((o) => ({
        identifier: o.identifier ?? null,
        name: o.name,
        state: o.state ?? null,
        result: o.result,
        url: o.url ?? null,
        'ssh-command': o.sshCommand ?? null,
    }));
}
function renderCreateSummary(title, machines, gitspaces) {
    const out = [`## ${title}`, ''];
    const failed = gitspaces.filter((g) => g.result === 'failed').length;
    out.push(failed
        ? `**❌ ${failed} of ${gitspaces.length} gitspace(s) failed.**`
        : `**✅ ${gitspaces.length} gitspace(s) done.**`, '');
    if (machines.length) {
        out.push('### Machines', '', '| | Machine | Region | Identifier | Result |', '|---|---|---|---|---|');
        for (const m of machines) {
            const what = m.status === 'different' ? `differs (not changed): ${m.differences.join('; ')}` : m.status;
            out.push(`| ${ICON[m.status] ?? ''} | ${(0,render/* cell */.Hn)(m.name)} | ${m.region} | ${(0,render/* cell */.Hn)(m.identifier ?? '')} | ${(0,render/* cell */.Hn)(what)} |`);
        }
        out.push('');
    }
    if (gitspaces.length) {
        out.push('### Gitspaces', '', '| | Gitspace | Identifier | State | Result | Open |', '|---|---|---|---|---|---|');
        for (const g of gitspaces) {
            const open = [g.url ? `[browser](${g.url})` : '', g.sshCommand ? `\`${(0,render/* cell */.Hn)(g.sshCommand)}\`` : '']
                .filter(Boolean)
                .join('<br>');
            out.push(`| ${ICON[g.result] ?? ''} | ${(0,render/* cell */.Hn)(g.name)} | ${(0,render/* cell */.Hn)(g.identifier ?? '')} | ${g.state ?? ''} | ${(0,render/* cell */.Hn)(g.detail)} | ${open} |`);
        }
        out.push('');
        const withEvents = gitspaces.filter((g) => g.result === 'failed' && g.lastEvents?.length);
        for (const g of withEvents) {
            out.push(`<details><summary>${(0,render/* cell */.Hn)(g.name)}: last events</summary>`, '', ...(g.lastEvents ?? []).map((e) => `- ${(0,render/* cell */.Hn)(e)}`), '', '</details>', '');
        }
    }
    return out.join('\n');
}

// EXTERNAL MODULE: ./shared/harness/client.ts
var client = __webpack_require__(90262);
// EXTERNAL MODULE: ./shared/preview/render.ts
var preview_render = __webpack_require__(79725);
;// CONCATENATED MODULE: ./actions/create-gitspace/preview.ts




/** A list that does not exist yet (no infra provider, no project) is empty, not an error. */
async function orEmpty(f) {
    try {
        return await f();
    }
    catch (e) {
        if ((0,backoff/* statusOf */.c2)(e) === 404)
            return [];
        throw e;
    }
}
async function resourceIntents(api, config, specs) {
    const infraId = config.infrastructure.identifier;
    const machines = await orEmpty(() => api.listResources(infraId));
    const out = [];
    for (const m of config.machines) {
        const have = (0,gitspaces_machines/* findMachine */.xZ)(machines, m.name, m.region);
        const diff = have ? (0,gitspaces_machines/* machineDifferences */.O5)(have, (0,gitspaces_machines/* machinePayload */.CG)(m)) : [];
        out.push({
            kind: 'machine',
            name: m.name,
            action: !have ? 'create' : diff.length ? 'differs' : 'none',
            detail: !have
                ? `${m.machine_type} in ${m.zone}`
                : diff.length
                    ? `differs (${diff.join('; ')}); machines cannot be updated: delete it to have it recreated`
                    : 'exists and matches',
        });
    }
    const project = config.harness.project ?? '';
    const gitspaces = specs.length ? await orEmpty(() => api.listGitspaces(config.harness.org, project)) : [];
    for (const s of specs) {
        const g = (0,gitspaces_gitspaces/* findGitspace */.Mj)(gitspaces, s.name);
        const state = g ? (0,gitspaces_gitspaces/* stateOf */.L4)(g) : '';
        out.push({
            kind: 'gitspace',
            name: s.name,
            action: !g ? 'create' : state === 'running' ? 'none' : 'start',
            detail: !g
                ? `${s.repoUrl} (${s.branch}) on ${s.machine}, ${s.ide}`
                : state === 'running'
                    ? 'running'
                    : `${state}: would be started`,
        });
    }
    return out;
}
async function previewCreate(io, api, config, specs, startedAt) {
    const resources = await resourceIntents(api, config, specs);
    const changing = resources.filter((r) => r.action !== 'none');
    await io.appendSummary(`## Gitspaces: machines and gitspaces (preview)\n\n${(0,preview_render/* renderIntents */.M3)(resources)}`);
    return {
        outputs: {},
        phase: {
            name: 'create-gitspace',
            status: 'ok',
            startedAt,
            durationMs: io.clock.now() - startedAt,
            summary: `preview: ${changing.length} of ${resources.length} machine(s) and gitspace(s) would change`,
            details: resources.map((r) => `${r.kind} ${r.name}: ${r.action} (${r.detail})`),
        },
        preview: { resources },
        exitCode: 0,
    };
}

;// CONCATENATED MODULE: ./actions/create-gitspace/main.ts









const ACTIONS = ['create', 'start', 'stop', 'delete'];
/** A name the server accepts, from a repository URL: `https://github.com/acme/API.git` -> `api`. */
function nameFromRepo(url) {
    const last = url
        .replace(/\.git$/, '')
        .replace(/\/+$/, '')
        .split('/')
        .pop() ?? 'gitspace';
    const name = last
        .toLowerCase()
        .replace(/[^a-z0-9-]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 43);
    return name || 'gitspace';
}
/**
 * The `regions` input: the regions whose gitspaces (and machines) to act on, each one of the config's; empty for
 * every region.
 */
function selectedRegions(io, config) {
    const wanted = io.inputs.list('regions');
    const known = Object.keys(config.infrastructure.regions);
    const unknown = wanted.filter((r) => !known.includes(r));
    if (unknown.length)
        throw new errors/* ConfigurationError */.j1('INPUT_INVALID', `Input regions names ${unknown.map((r) => `"${r}"`).join(', ')}, not a region of infrastructure.regions`, `Use regions of the config (${known.join(', ')}), or leave regions empty for every region.`);
    return wanted;
}
/**
 * The gitspaces to act on (one from the inputs, the one the `name` input picks from the config, or all of the
 * config's), kept to the `regions` input's regions when it names some: a gitspace is in its machine's region.
 */
function selectSpecs(io, config, op) {
    const specs = selectAllSpecs(io, config, op);
    const regions = selectedRegions(io, config);
    if (!regions.length)
        return specs;
    const picked = !!(io.inputs.optional('repo-url') || io.inputs.optional('name'));
    const outside = specs.find((s) => s.region && !regions.includes(s.region));
    if (outside && picked)
        throw new errors/* ConfigurationError */.j1('INPUT_INVALID', `Gitspace ${outside.name} is in ${outside.region}, which the regions input (${regions.join(', ')}) leaves out`, `Add ${outside.region} to regions, or leave regions empty.`);
    // A gitspace picked by name that the config does not declare has no known region: the name decides.
    return specs.filter((s) => (s.region ? regions.includes(s.region) : picked));
}
function selectAllSpecs(io, config, op) {
    const inp = io.inputs;
    const repoUrl = inp.optional('repo-url');
    const name = inp.optional('name');
    const region = inp.optional('region') || undefined;
    const fromConfig = config.gitspaces.map((g) => ({
        name: g.name,
        repoUrl: g.repo_url,
        repoType: g.repo_type,
        branch: g.branch,
        ide: g.ide,
        machine: g.machine,
        region: config.machines.find((m) => m.name === g.machine)?.region,
        devcontainerPath: g.devcontainer_path,
        sshTokenIdentifier: g.ssh_token_identifier,
    }));
    if (repoUrl) {
        if (!/^https?:\/\/\S+$/.test(repoUrl))
            throw new errors/* ConfigurationError */.j1('INPUT_INVALID', `Input repo-url is not an http(s) URL: "${repoUrl}"`, 'Use the repository URL, for example https://github.com/acme/api.');
        const gsName = name || nameFromRepo(repoUrl);
        if (!/^[a-z0-9][a-z0-9-]{0,49}$/.test(gsName))
            throw new errors/* ConfigurationError */.j1('INPUT_INVALID', `Input name "${gsName}" is not a valid gitspace name`, 'Use 1-50 lower-case letters, digits and dashes, e.g. api-dev.');
        const candidates = config.machines.filter((m) => !region || m.region === region);
        const machineName = inp.optional('machine') || (candidates.length === 1 ? candidates[0]?.name : undefined);
        if (!machineName) {
            throw new errors/* ConfigurationError */.j1('INPUT_MISSING', `Input machine is required: ${candidates.length} machines${region ? ` in ${region}` : ''} are declared`, `Set \`machine\` to one of: ${candidates.map((m) => m.name).join(', ') || '(none: declare one under machines: in the config)'}.`);
        }
        const machine = config.machines.find((m) => m.name === machineName && (!region || m.region === region));
        if (!machine && op === 'create')
            throw new errors/* ConfigurationError */.j1('INPUT_INVALID', `Machine "${machineName}"${region ? ` in ${region}` : ''} is not declared in the config`, `Declare it under machines: (names: ${config.machines.map((m) => m.name).join(', ') || 'none'}).`);
        const repoType = inp.optional('repo-type');
        return [
            {
                name: gsName,
                repoUrl,
                repoType: repoType
                    ? inp.oneOf('repo-type', values/* REPO_TYPES */.j, 'unknown')
                    : undefined,
                branch: inp.optional('branch', 'main'),
                ide: inp.oneOf('ide', values/* IDES */.u, 'vs_code_web'),
                machine: machineName,
                region: machine?.region ?? region,
            },
        ];
    }
    if (name) {
        const one = fromConfig.find((g) => g.name === name);
        if (one)
            return [one];
        if (op === 'create')
            throw new errors/* ConfigurationError */.j1('INPUT_INVALID', `No gitspace named "${name}" in the config, and no repo-url to create it from`, `Declare it under gitspaces:, or set repo-url (names in the config: ${fromConfig.map((g) => g.name).join(', ') || 'none'}).`);
        return [{ name, repoUrl: '', branch: 'main', ide: 'vs_code_web', machine: '' }];
    }
    return fromConfig;
}
async function main(io, deps = {}) {
    const startedAt = io.clock.now();
    const inp = io.inputs;
    const op = inp.oneOf('action', ACTIONS, 'create');
    const apiKey = (0,client/* readHarnessApiKey */.In)(io);
    const config = deps.config ?? (await (0,load.loadConfig)(inp.optional('config', 'gitspaces.yaml')));
    const concurrency = inp.integer('concurrency', 4, 1);
    const wait = inp.boolean('wait', true);
    const timeoutMs = inp.duration('timeout', 20 * 60_000);
    const pollIntervalMs = inp.duration('poll-interval', 10_000);
    const specs = selectSpecs(io, config, op);
    const project = config.harness.project;
    if (specs.length && !project)
        throw new errors/* ConfigurationError */.j1('CONFIG_INVALID', 'harness.project is not set', 'Gitspaces live in a Harness project: set harness.project in the config.');
    if (!deps.harness && !apiKey)
        throw (0,client/* missingHarnessApiKey */.Sd)();
    // One retry layer: the pacer below (shared Retry-After across workers, list-before-retry for POSTs).
    const harness = deps.harness ??
        (0,client/* harnessClientFromConfig */.ed)(config, {
            apiKey,
            env: io.env,
            log: io.log,
            clock: io.clock,
            retry: { attempts: 1 },
        });
    // preview: what would be created or started, from reads only.
    if (inp.oneOf('mode', ['apply', 'preview'], 'apply') === 'preview')
        return previewCreate(io, harness, config, specs, startedAt);
    const pacer = new backoff/* Pacer */._E({ clock: io.clock, log: io.log });
    const infraId = config.infrastructure.identifier;
    // The gitspaces are listed while the machines are reconciled: two reads in one round trip, not two.
    const listed = specs.length
        ? pacer.call('list gitspaces', () => harness.listGitspaces(config.harness.org, project ?? ''))
        : undefined;
    listed?.catch(() => undefined);
    let machines = [];
    let resources = [];
    if (op === 'create') {
        const regions = selectedRegions(io, config);
        const wanted = config.machines.filter((m) => (specs.some((s) => s.machine === m.name) || inp.optional('repo-url') === '') &&
            (!regions.length || regions.includes(m.region)));
        const r = await io.log.group('Machines', () => (0,gitspaces_machines/* reconcileMachines */.fF)({ api: harness, infraId, machines: wanted, pacer, log: io.log }));
        machines = r.outcomes;
        resources = r.resources;
    }
    const ctx = {
        api: harness,
        accountId: config.harness.account_id,
        org: config.harness.org,
        project: project ?? '',
        infraId,
        pacer,
        log: io.log,
        clock: io.clock,
        pollIntervalMs,
        timeoutMs,
        wait,
    };
    let outcomes = [];
    if (specs.length) {
        outcomes = await io.log.group(`Gitspaces: ${op} ${specs.length}`, () => (0,gitspaces_gitspaces/* applyMany */.my)(ctx, op, specs, resources, { concurrency, listed }));
    }
    else
        io.log.info('No gitspaces declared (gitspaces: in the config) and none given by inputs.');
    const failed = outcomes.filter((o) => o.result === 'failed');
    const outputs = { gitspaces: JSON.stringify(gitspacesOutput(outcomes)) };
    if (outcomes.length === 1) {
        outputs.url = outcomes[0]?.url ?? '';
        outputs['ssh-command'] = outcomes[0]?.sshCommand ?? '';
    }
    for (const [k, v] of Object.entries(outputs))
        io.setOutput(k, v);
    const counts = (r) => outcomes.filter((o) => o.result === r).length;
    const summary = `${op}: ${outcomes.length} gitspace(s): ${counts('created')} created, ${counts('existing') + counts('running')} already running, ${counts('started')} started, ${counts('stopped')} stopped, ${counts('deleted')} deleted, ${failed.length} failed`;
    io.log.info(summary);
    const regions = selectedRegions(io, config);
    await io.appendSummary(renderCreateSummary(`Gitspaces (${[op, ...regions].join(', ')})`, machines, outcomes));
    if (pacer.stats.rateLimited || pacer.stats.ambiguous)
        io.log.info(`Harness API: ${pacer.stats.calls} calls, ${pacer.stats.rateLimited} rate-limited (429) and waited out, ${pacer.stats.ambiguous} ambiguous failures reconciled by listing.`);
    if (failed.length)
        io.setFailed(`${failed.length} of ${outcomes.length} gitspace(s) failed: ${failed.map((f) => `${f.name} (${f.detail.split('\n')[0]})`).join('; ')}`);
    return {
        outputs,
        phase: {
            name: 'create-gitspace',
            status: failed.length ? 'failed' : 'ok',
            startedAt,
            durationMs: io.clock.now() - startedAt,
            summary,
            changes: {
                created: counts('created') + machines.filter((m) => m.status === 'created').length,
                updated: counts('started') + counts('stopped'),
                deleted: counts('deleted'),
            },
            details: outcomes.map((o) => `${o.name}: ${o.result} (${o.detail})`),
        },
        exitCode: failed.length ? 1 : 0,
    };
}


/***/ }),

/***/ 45481:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ readConfigText),
/* harmony export */   loadConfig: () => (/* binding */ loadConfig)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(32635);
/* harmony import */ var _read_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(95609);


/**
 * Reads and validates gitspaces.yaml. The parser (yaml + the zod schema, ~100 ms to load) is imported only once
 * the file has been read, so an action that stops on a missing file starts and fails at once.
 */
async function loadConfig(path) {
    const text = await readConfigText(path);
    const { configFromText } = await Promise.all(/* import() */[__webpack_require__.e(8815), __webpack_require__.e(8816), __webpack_require__.e(3314), __webpack_require__.e(1490)]).then(__webpack_require__.bind(__webpack_require__, 83314));
    return configFromText(text, path);
}
/**
 * The config file's text, or the error a user needs when it cannot be read: missing, not a regular file (a FIFO
 * or a device is refused, never waited on), larger than 1 MiB, or not UTF-8 (shared/config/read.ts).
 */
async function readConfigText(path) {
    const r = (0,_read_js__WEBPACK_IMPORTED_MODULE_1__/* .readConfigFileSync */ .e)(path);
    if (r.ok)
        return r.text;
    const message = `Cannot read the config file: found ${r.problem.found}.`;
    if (r.problem.code === 'CONFIG_NOT_FOUND')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1('CONFIG_NOT_FOUND', message, r.problem.fix);
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1('CONFIG_UNREADABLE', message, r.problem.fix);
}


/***/ }),

/***/ 95609:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ MAX_CONFIG_BYTES),
/* harmony export */   e: () => (/* binding */ readConfigFileSync)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);

/** The largest gitspaces.yaml read: a real one is a few KiB; anything near this is not a config file. */
const MAX_CONFIG_BYTES = 1024 * 1024;
const CREATE_FIX = 'Create it from examples/gitspaces.yaml, or pass its path (the `config` input, --config FILE).';
function fileKind(st) {
    if (st.isDirectory())
        return 'a directory';
    if (st.isFIFO())
        return 'a named pipe (FIFO)';
    if (st.isCharacterDevice() || st.isBlockDevice())
        return 'a device';
    if (st.isSocket())
        return 'a socket';
    return 'not a regular file';
}
/**
 * Reads the config file once, bounded: opened without blocking (a FIFO with no writer would otherwise hang the
 * open), checked with fstat on the open descriptor (a pipe, a device or a directory is refused, and nothing can
 * swap the file between the check and the read), read up to MAX_CONFIG_BYTES + 1 bytes, and decoded as strict
 * UTF-8. Synchronous: `check-config` and the actions read one small file before anything else happens.
 */
function readConfigFileSync(path) {
    const shown = shownPath(path);
    let fd;
    try {
        // O_NONBLOCK: opening a FIFO for reading returns at once instead of waiting for a writer (open(2)).
        fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(path, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | (node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NONBLOCK ?? 0));
    }
    catch (e) {
        const code = e.code ?? 'error';
        return {
            ok: false,
            problem: { code: 'CONFIG_NOT_FOUND', found: `no readable file at ${shown} (${code})`, fix: CREATE_FIX },
        };
    }
    try {
        const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd);
        if (!st.isFile())
            return {
                ok: false,
                problem: {
                    code: 'CONFIG_UNREADABLE',
                    found: `${fileKind(st)} at ${shown}`,
                    fix: 'Pass a regular file: gitspaces.yaml is read once, whole, and never from a pipe or a device.',
                },
            };
        if (st.size > MAX_CONFIG_BYTES)
            return { ok: false, problem: tooBig(shown, st.size) };
        const buf = Buffer.alloc(Math.min(st.size, MAX_CONFIG_BYTES) + 1);
        let n = 0;
        // The size can change after fstat: read until end of file, never more than the limit + 1 bytes.
        for (;;) {
            const r = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync)(fd, buf, n, buf.length - n, null);
            if (r === 0)
                break;
            n += r;
            if (n === buf.length)
                return n > MAX_CONFIG_BYTES
                    ? { ok: false, problem: tooBig(shown, n) }
                    : {
                        ok: false,
                        problem: {
                            code: 'CONFIG_UNREADABLE',
                            found: `${shown} grew while it was read`,
                            fix: 'Run again once nothing writes to the file.',
                        },
                    };
        }
        try {
            const text = new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(0, n));
            return { ok: true, text: text.replace(/^\uFEFF/, '') };
        }
        catch {
            return {
                ok: false,
                problem: {
                    code: 'CONFIG_UNREADABLE',
                    found: `bytes that are not UTF-8 in ${shown}`,
                    fix: 'Save gitspaces.yaml as UTF-8 text (YAML files are UTF-8).',
                },
            };
        }
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
}
function tooBig(path, size) {
    return {
        code: 'CONFIG_UNREADABLE',
        found: `${path} of ${size > MAX_CONFIG_BYTES ? `more than ${MAX_CONFIG_BYTES}` : String(size)} bytes`,
        fix: `A gitspaces.yaml is a few KiB; the limit is ${MAX_CONFIG_BYTES} bytes (1 MiB). Check that --config names the right file.`,
    };
}
// eslint-disable-next-line no-control-regex
const CONTROL_G = /[\u0000-\u001f\u007f-\u009f]/g;
/** The path as printed: control characters (from a hostile --config value) written as \uXXXX. */
function shownPath(path) {
    return path.replace(CONTROL_G, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}


/***/ }),

/***/ 2483:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ REPO_TYPES),
/* harmony export */   u: () => (/* binding */ IDES)
/* harmony export */ });
/** Values the config and the action inputs share, without zod: importing them does not load the config parser. */
const IDES = [
    'vs_code',
    'vs_code_web',
    'cursor',
    'windsurf',
    'intellij',
    'pycharm',
    'goland',
    'webstorm',
    'clion',
    'phpstorm',
    'rubymine',
    'rider',
];
const REPO_TYPES = [
    'github',
    'gitlab',
    'bitbucket',
    'harness_code',
    'unknown',
    'github_enterprise',
    'gitlab_on_prem',
    'bitbucket_server',
];


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
function renderPipelineMarkdown(verdict, phases, sections, alongside = []) {
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
    const failed = phases.find((p) => p.status === 'failed') ?? alongside.find((p) => p.status === 'failed');
    if (failed)
        out.push(`❌ **${failed.name}** failed: ${cell(failed.summary)}`, '');
    for (const lead of leads)
        out.push(lead, '');
    // Work that ran alongside the phases (the certificate wait) is listed after them; the timeline shows the overlap.
    const all = [...phases, ...alongside];
    out.push('### Phases', '', renderPhasesMarkdown(all), '', renderTimelineMermaid(all), '', ...rest);
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


/***/ })

};
