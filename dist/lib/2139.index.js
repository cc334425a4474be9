export const id = 2139;
export const ids = [2139];
export const modules = {

/***/ 47244:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main),
  nameFromRepo: () => (/* binding */ nameFromRepo),
  selectSpecs: () => (/* binding */ selectSpecs)
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
var gitspaces = __webpack_require__(32173);
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
/** The gitspaces to act on: one from the inputs, the one the `name` input picks from the config, or all of the config's. */
function selectSpecs(io, config, op) {
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
    const config = deps.config ?? (await (0,load/* loadConfig */.Z)(inp.optional('config', 'gitspaces.yaml')));
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
    const pacer = new backoff/* Pacer */._E({ clock: io.clock, log: io.log });
    const infraId = config.infrastructure.identifier;
    let machines = [];
    let resources = [];
    if (op === 'create') {
        const wanted = config.machines.filter((m) => specs.some((s) => s.machine === m.name) || inp.optional('repo-url') === '');
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
        outcomes = await io.log.group(`Gitspaces: ${op} ${specs.length}`, () => (0,gitspaces/* applyMany */.my)(ctx, op, specs, resources, { concurrency }));
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
    await io.appendSummary(renderCreateSummary(`Gitspaces (${op})`, machines, outcomes));
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
