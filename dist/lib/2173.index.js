export const id = 2173;
export const ids = [2173];
export const modules = {

/***/ 9734:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _E: () => (/* binding */ Pacer),
/* harmony export */   c2: () => (/* binding */ statusOf),
/* harmony export */   nq: () => (/* binding */ AmbiguousFailure)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(32635);
/* harmony import */ var _logger_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(56640);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(42372);



/** A request whose outcome is unknown: the server may or may not have acted on it (5xx, dropped connection). */
class AmbiguousFailure extends Error {
    cause;
    name = 'AmbiguousFailure';
    constructor(cause) {
        super(`outcome unknown: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(cause)}`);
        this.cause = cause;
    }
}
function statusOf(e) {
    return e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RemoteError */ .Hi ? e.status : undefined;
}
/**
 * Shared by every worker of a bulk run: a 429's Retry-After holds the whole pool, not only the caller, so
 * that concurrency does not turn one rejection into a burst of them; the hold ends exactly when the server
 * said, so throughput stays close to the server's limit.
 */
class Pacer {
    opts;
    until = 0;
    stats = { calls: 0, rateLimited: 0, transient: 0, ambiguous: 0 };
    constructor(opts) {
        this.opts = opts;
    }
    get clock() {
        return this.opts.clock;
    }
    async gate() {
        for (;;) {
            const wait = this.until - this.opts.clock.now();
            if (wait <= 0)
                return;
            await this.opts.clock.sleep(wait);
        }
    }
    hold(from, ms) {
        this.until = Math.max(this.until, from + ms);
    }
    /**
     * Runs `fn`, waiting out 429s (Retry-After honoured, shared) and retrying transient failures with jittered
     * backoff. With `ambiguous: true` (a POST that is not idempotent) a transient failure is not retried but
     * thrown as AmbiguousFailure, so the caller can look before it tries again.
     */
    async call(what, fn, opts = {}) {
        const log = this.opts.log ?? _logger_js__WEBPACK_IMPORTED_MODULE_1__/* .nullLogger */ .Gi;
        const attempts = this.opts.attempts ?? 6;
        const max429 = this.opts.max429 ?? 60;
        let failures = 0;
        let limited = 0;
        for (;;) {
            await this.gate();
            this.stats.calls++;
            const sentAt = this.opts.clock.now();
            try {
                return await fn();
            }
            catch (e) {
                if (statusOf(e) === 429) {
                    this.stats.rateLimited++;
                    if (++limited > max429)
                        throw e;
                    const ra = e.retryAfterMs;
                    const ms = ra ?? this.opts.defaultRetryAfterMs ?? 1000;
                    log.debug(`${what}: rate limited (429), waiting ${ms} ms${ra === undefined ? '' : ' as Retry-After asks'}`);
                    // Counted from when the request left: the server measured its bucket then (or just after), and
                    // rejections of requests already in flight do not push the pool's wait further out.
                    this.hold(sentAt, ms);
                    continue;
                }
                if (!(0,_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .isTransient */ .dg)(e))
                    throw e;
                this.stats.transient++;
                if (opts.ambiguous) {
                    this.stats.ambiguous++;
                    throw new AmbiguousFailure(e);
                }
                if (++failures >= attempts)
                    throw e;
                const delay = (0,_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .backoffDelay */ .EY)(failures - 1, {
                    baseMs: this.opts.baseMs ?? 500,
                    maxMs: this.opts.maxMs ?? 15_000,
                    random: this.opts.random,
                });
                log.debug(`${what}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(e)}; retry ${failures}/${attempts - 1} in ${delay} ms`);
                await this.opts.clock.sleep(delay);
            }
        }
    }
}


/***/ }),

/***/ 32173:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L4: () => (/* binding */ stateOf),
/* harmony export */   Mj: () => (/* binding */ findGitspace),
/* harmony export */   TH: () => (/* binding */ idOf),
/* harmony export */   my: () => (/* binding */ applyMany),
/* harmony export */   oK: () => (/* binding */ deleteOne)
/* harmony export */ });
/* unused harmony exports matchesName, repoTypeFor, createBody, GitspaceFailedError, GitspaceTimeoutError, applyOne */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(32635);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(42372);
/* harmony import */ var _backoff_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9734);
/* harmony import */ var _machines_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(73342);




const BUSY = new Set(['starting', 'stopping', 'cleaning', 'resetting']);
const SUFFIXED = /^(.*)-[a-z0-9]{6}$/;
/** The server lowers and suffixes identifiers (`api-dev` becomes `api-dev-x1y2z3`): match the name, or the identifier without its suffix. */
function matchesName(g, name) {
    if (g.name === name)
        return true;
    if (g.name || !g.identifier)
        return false;
    return SUFFIXED.exec(g.identifier)?.[1] === name || g.identifier === name;
}
/** The server's identifier of a gitspace (always set in practice; the schema marks it optional). */
function idOf(g) {
    return g.identifier ?? g.name ?? '';
}
function findGitspace(list, name) {
    return list.find((g) => g.name === name) ?? list.find((g) => matchesName(g, name));
}
/** Guesses the repository type the way the UI's provider picker would; `unknown` means any public repo. */
function repoTypeFor(url) {
    const host = (() => {
        try {
            return new URL(url).hostname.toLowerCase();
        }
        catch {
            return '';
        }
    })();
    if (host === 'github.com')
        return 'github';
    if (host === 'gitlab.com')
        return 'gitlab';
    if (host === 'bitbucket.org')
        return 'bitbucket';
    if (host.endsWith('harness.io'))
        return 'harness_code';
    return 'unknown';
}
function createBody(ctx, spec, machine) {
    const body = {
        identifier: spec.name,
        name: spec.name,
        space_ref: `${ctx.accountId}/${ctx.org}/${ctx.project}`,
        ide: spec.ide,
        code_repo_type: spec.repoType ?? repoTypeFor(spec.repoUrl),
        code_repo_url: spec.repoUrl,
        branch: spec.branch,
        infra_provider_config_identifier: ctx.infraId,
        resource_identifier: machine.identifier ?? machine.name ?? spec.machine,
        resource_space_ref: machine.space_path ?? ctx.accountId,
    };
    if (spec.devcontainerPath)
        body.devcontainer_path = spec.devcontainerPath;
    if (spec.sshTokenIdentifier)
        body.ssh_token_identifier = spec.sshTokenIdentifier;
    return body;
}
/** A gitspace that ended in `error`, with the instance's message and the events that led there. */
class GitspaceFailedError extends Error {
    gitspace;
    errorMessageText;
    lastEvents;
    name = 'GitspaceFailedError';
    constructor(gitspace, errorMessageText, lastEvents) {
        super(`Gitspace ${gitspace} is in state error: ${errorMessageText}${lastEvents.length ? `\nLast events:\n${lastEvents.map((e) => `  - ${e}`).join('\n')}` : ''}`);
        this.gitspace = gitspace;
        this.errorMessageText = errorMessageText;
        this.lastEvents = lastEvents;
    }
}
class GitspaceTimeoutError extends Error {
    gitspace;
    want;
    lastState;
    waitedMs;
    name = 'GitspaceTimeoutError';
    constructor(gitspace, want, lastState, waitedMs) {
        super(`Gave up waiting for gitspace ${gitspace} to be ${want} after ${Math.round(waitedMs / 1000)}s; last state: ${lastState}`);
        this.gitspace = gitspace;
        this.want = want;
        this.lastState = lastState;
        this.waitedMs = waitedMs;
    }
}
function stateOf(g) {
    return g.state ?? g.instance?.state ?? 'uninitialized';
}
function formatEvent(e) {
    return `${e.event ?? 'event'}${e.message ? `: ${e.message}` : ''}`;
}
function eventKey(e) {
    return `${e.timestamp ?? e.created ?? e.event_time ?? ''}|${e.event ?? ''}|${e.message ?? ''}`;
}
/** Reads a gitspace; undefined when it does not exist (404). */
async function getOrUndefined(ctx, id) {
    try {
        return ((await ctx.pacer.call(`get ${id}`, () => ctx.api.getGitspace(ctx.org, ctx.project, id))) ?? undefined);
    }
    catch (e) {
        if ((0,_backoff_js__WEBPACK_IMPORTED_MODULE_2__/* .statusOf */ .c2)(e) === 404)
            return undefined;
        throw e;
    }
}
/**
 * Follows one gitspace: polls it, prints each event once as it appears, and returns when `until` holds.
 * `error` ends the wait at once with the instance's error message and the last events.
 */
class Watcher {
    ctx;
    name;
    id;
    seen = new Set();
    recent = [];
    constructor(ctx, name, id) {
        this.ctx = ctx;
        this.name = name;
        this.id = id;
    }
    /** Reads the events and prints each one not seen before (`print: false` only marks them as seen). */
    async events(print = true) {
        let list;
        try {
            list = await this.ctx.pacer.call(`events ${this.id}`, () => this.ctx.api.gitspaceEvents(this.ctx.org, this.ctx.project, this.id));
        }
        catch (e) {
            this.ctx.log.debug(`${this.name}: events unavailable (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(e)})`);
            return;
        }
        const sorted = [...(Array.isArray(list) ? list : [])].sort((a, b) => (a.timestamp ?? a.created ?? 0) - (b.timestamp ?? b.created ?? 0));
        for (const e of sorted) {
            const key = eventKey(e);
            if (this.seen.has(key))
                continue;
            this.seen.add(key);
            if (!print)
                continue;
            const line = formatEvent(e);
            this.recent.push(line);
            if (this.recent.length > 10)
                this.recent.shift();
            this.ctx.log.info(`  [${this.name}] ${line}`);
        }
    }
    /** Marks what already happened so that only new events are streamed. */
    prime() {
        return this.events(false);
    }
    async until(want, done, opts = {}) {
        const start = this.ctx.clock.now();
        let last = '(not read yet)';
        for (;;) {
            const g = await getOrUndefined(this.ctx, this.id);
            await this.events();
            const state = g ? stateOf(g) : 'gone';
            if (state !== last)
                this.ctx.log.info(`${this.name}: ${state}`);
            last = state;
            if (done(g))
                return g;
            if (g && state === 'error' && opts.failOnError !== false)
                throw new GitspaceFailedError(this.name, g.instance?.error_message || '(no error message)', [
                    ...this.recent,
                ]);
            const waited = this.ctx.clock.now() - start;
            if (waited >= this.ctx.timeoutMs)
                throw new GitspaceTimeoutError(this.name, want, last, waited);
            await this.ctx.clock.sleep(Math.min(this.ctx.pollIntervalMs, Math.max(1, this.ctx.timeoutMs - waited)));
        }
    }
}
/** Whether the gitspace is already where `op` takes it: running for create and start, at rest for stop. */
function alreadyThere(op, state) {
    return op === 'stop' ? ['stopped', 'uninitialized', 'error'].includes(state) : state === 'running';
}
/** Whether a 403 is the server's "last session is still <busy state>" refusal. */
function isBusyRefusal(e) {
    return (0,_backoff_js__WEBPACK_IMPORTED_MODULE_2__/* .statusOf */ .c2)(e) === 403 && /still|busy|progress/i.test((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(e));
}
/**
 * Sends an action. An ambiguous failure is resolved by reading the gitspace (the optimistic state shows
 * whether it was taken); a busy refusal waits for the busy state to end and sends it again.
 */
async function sendAction(ctx, w, action, accepted) {
    for (let attempt = 1;; attempt++) {
        try {
            const r = await ctx.pacer.call(`${action} ${w.id}`, () => ctx.api.gitspaceAction(ctx.org, ctx.project, w.id, action), { ambiguous: true });
            // The server answers with the config in its optimistic state (starting/stopping).
            return r && typeof r === 'object' && 'identifier' in r ? r : undefined;
        }
        catch (e) {
            if (attempt >= (ctx.createAttempts ?? 6))
                throw e instanceof _backoff_js__WEBPACK_IMPORTED_MODULE_2__/* .AmbiguousFailure */ .nq ? e.cause : e;
            if (e instanceof _backoff_js__WEBPACK_IMPORTED_MODULE_2__/* .AmbiguousFailure */ .nq) {
                const g = await getOrUndefined(ctx, w.id);
                if (g && accepted(stateOf(g)))
                    return g;
                continue;
            }
            if (isBusyRefusal(e)) {
                ctx.log.info(`${w.name}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(e)}; waiting for it to settle before ${action}`);
                await w.until('settled', (g) => !g || !BUSY.has(stateOf(g)), { failOnError: false });
                continue;
            }
            throw e;
        }
    }
}
function outcomeOf(name, g, result, detail) {
    return {
        name,
        identifier: g?.identifier,
        state: g ? stateOf(g) : undefined,
        url: g?.instance?.url ?? undefined,
        sshCommand: g?.instance?.ssh_command ?? undefined,
        result,
        detail,
    };
}
/**
 * Finds the gitspace again (by name) or creates it. A failure whose outcome is unknown (5xx, dropped
 * connection) is followed by a fresh list before any retry, so a retry never makes a duplicate.
 */
async function ensureCreated(ctx, spec, known, machines) {
    const found = findGitspace(known, spec.name);
    if (found)
        return { g: found, created: false };
    const machine = (0,_machines_js__WEBPACK_IMPORTED_MODULE_3__/* .findMachine */ .xZ)(machines, spec.machine, spec.region);
    if (!machine) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RemoteError */ .Hi('harness', 404, `machine ${spec.machine}${spec.region ? ` (${spec.region})` : ''} does not exist in ${ctx.infraId}; declare it under machines: in the config`);
    }
    const body = createBody(ctx, spec, machine);
    const attempts = ctx.createAttempts ?? 6;
    for (let attempt = 1;; attempt++) {
        try {
            const g = await ctx.pacer.call(`create ${spec.name}`, () => ctx.api.createGitspace(ctx.org, ctx.project, body), { ambiguous: true });
            return { g, created: true };
        }
        catch (e) {
            const ambiguous = e instanceof _backoff_js__WEBPACK_IMPORTED_MODULE_2__/* .AmbiguousFailure */ .nq || (0,_backoff_js__WEBPACK_IMPORTED_MODULE_2__/* .statusOf */ .c2)(e) === 409;
            if (!ambiguous || attempt >= attempts)
                throw e instanceof _backoff_js__WEBPACK_IMPORTED_MODULE_2__/* .AmbiguousFailure */ .nq ? e.cause : e;
            ctx.log.info(`${spec.name}: create ${e instanceof _backoff_js__WEBPACK_IMPORTED_MODULE_2__/* .AmbiguousFailure */ .nq ? e.message : 'conflicted'}; listing before trying again`);
            const list = await ctx.pacer.call('list gitspaces', () => ctx.api.listGitspaces(ctx.org, ctx.project));
            const again = findGitspace(list, spec.name);
            if (again)
                return { g: again, created: true };
        }
    }
}
async function startAndWait(ctx, w, g) {
    let state = stateOf(g);
    if (state === 'running')
        return { g, started: false };
    if (state === 'stopping' || state === 'cleaning' || state === 'resetting') {
        g = (await w.until('settled', (x) => !x || !BUSY.has(stateOf(x)), { failOnError: false })) ?? g;
        state = stateOf(g);
    }
    let started = false;
    let after;
    if (state !== 'starting' && state !== 'running') {
        ctx.log.info(`${w.name}: starting (was ${state})`);
        after = await sendAction(ctx, w, 'start', (s) => s === 'starting' || s === 'running');
        started = true;
    }
    if (ctx.wait === false)
        return { g: after ?? (await getOrUndefined(ctx, w.id)) ?? g, started };
    const done = await w.until('running', (x) => !!x && stateOf(x) === 'running');
    return { g: done ?? g, started };
}
async function stopAndWait(ctx, w, g) {
    let state = stateOf(g);
    if (state === 'starting' || state === 'cleaning' || state === 'resetting') {
        g = (await w.until('settled', (x) => !x || !BUSY.has(stateOf(x)), { failOnError: false })) ?? g;
        state = stateOf(g);
    }
    // Nothing runs in an errored gitspace: it is deleted (or started again) as it is.
    if (state === 'stopped' || state === 'uninitialized' || state === 'error')
        return { g, stopped: false };
    let stopped = false;
    if (state !== 'stopping') {
        ctx.log.info(`${w.name}: stopping (was ${state})`);
        await sendAction(ctx, w, 'stop', (s) => s === 'stopping' || s === 'stopped');
        stopped = true;
    }
    if (ctx.wait === false)
        return { g, stopped };
    const done = await w.until('stopped', (x) => !x || ['stopped', 'uninitialized', 'error'].includes(stateOf(x)), { failOnError: false });
    return { g: done ?? g, stopped };
}
/** Stops (when running) and deletes one gitspace, then waits until the server no longer has it. */
async function deleteOne(ctx, name, g) {
    const id = idOf(g);
    const w = new Watcher(ctx, name, id);
    await w.prime();
    const { g: after } = await stopAndWait(ctx, w, g);
    ctx.log.info(`${name}: deleting ${id}`);
    for (let attempt = 1;; attempt++) {
        try {
            await ctx.pacer.call(`delete ${g.identifier}`, () => ctx.api.deleteGitspace(ctx.org, ctx.project, id), {
                ambiguous: true,
            });
            break;
        }
        catch (e) {
            if ((0,_backoff_js__WEBPACK_IMPORTED_MODULE_2__/* .statusOf */ .c2)(e) === 404)
                break;
            if (isBusyRefusal(e) && attempt < 6) {
                await w.until('settled', (x) => !x || !BUSY.has(stateOf(x)), { failOnError: false });
                continue;
            }
            if (!(e instanceof _backoff_js__WEBPACK_IMPORTED_MODULE_2__/* .AmbiguousFailure */ .nq) || attempt >= 6)
                throw e instanceof _backoff_js__WEBPACK_IMPORTED_MODULE_2__/* .AmbiguousFailure */ .nq ? e.cause : e;
            const now = await getOrUndefined(ctx, id);
            if (!now)
                break;
        }
    }
    if (ctx.wait !== false)
        await w.until('deleted', (x) => !x || (x.instance?.state ?? '') === 'deleted' || (x.instance?.state ?? '') === 'cleaned', { failOnError: false });
    const out = outcomeOf(name, after, 'deleted', `deleted ${id}`);
    return { ...out, state: 'deleted', url: undefined, sshCommand: undefined };
}
/** Brings one gitspace to what the operation asks; never throws, the outcome says what happened. */
async function applyOne(ctx, op, spec, known, machines, dryRun = false) {
    const name = spec.name;
    let watcher;
    try {
        const existing = findGitspace(known, name);
        if (op !== 'create' && !existing) {
            return outcomeOf(name, undefined, op === 'delete' ? 'absent' : 'failed', op === 'delete'
                ? 'does not exist (nothing to delete)'
                : 'does not exist: create it first (action: create)');
        }
        if (dryRun) {
            if (!existing)
                return outcomeOf(name, undefined, 'would-create', 'would be created and started');
            return outcomeOf(name, existing, 'existing', `exists; would ${op === 'create' ? 'start' : op} it`);
        }
        if (op === 'delete')
            return await deleteOne(ctx, name, existing);
        let g;
        let created = false;
        if (op === 'create') {
            ({ g, created } = await ensureCreated(ctx, spec, known, machines));
            ctx.log.info(created ? `${name}: created as ${g.identifier}` : `${name}: found ${g.identifier} (${stateOf(g)})`);
        }
        else
            g = existing;
        watcher = new Watcher(ctx, name, idOf(g));
        // Events are followed only when there is something to wait for: one already where it should be is reported
        // as it is, without reading its events.
        if (!created && !alreadyThere(op, stateOf(g)))
            await watcher.prime();
        if (op === 'stop') {
            const r = await stopAndWait(ctx, watcher, g);
            return outcomeOf(name, r.g, 'stopped', r.stopped ? 'stopped' : `already ${stateOf(r.g)}`);
        }
        const r = await startAndWait(ctx, watcher, g);
        const result = created
            ? 'created'
            : r.started
                ? 'started'
                : op === 'create'
                    ? 'existing'
                    : 'running';
        const detail = created ? 'created and started' : r.started ? 'started' : 'already running';
        return outcomeOf(name, r.g, result, ctx.wait === false && r.started ? `${detail} (not waited for)` : detail);
    }
    catch (e) {
        const out = outcomeOf(name, undefined, 'failed', (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(e));
        if (e instanceof GitspaceFailedError)
            out.lastEvents = e.lastEvents;
        else if (watcher)
            out.lastEvents = [...watcher.recent];
        ctx.log.error(`${name}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(e)}`, { title: `Gitspace ${name}` });
        return out;
    }
}
/** Applies the operation to many gitspaces with at most `concurrency` in flight. */
async function applyMany(ctx, op, specs, machines, 
/** `listed`: the project's gitspaces, already being listed by the caller. */
opts) {
    const known = await (opts.listed ??
        ctx.pacer.call('list gitspaces', () => ctx.api.listGitspaces(ctx.org, ctx.project)));
    return (0,_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .mapLimit */ .sf)(specs, Math.max(1, opts.concurrency), (spec) => applyOne(ctx, op, spec, known, machines, opts.dryRun));
}


/***/ }),

/***/ 73342:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CG: () => (/* binding */ machinePayload),
/* harmony export */   O5: () => (/* binding */ machineDifferences),
/* harmony export */   fF: () => (/* binding */ reconcileMachines),
/* harmony export */   xZ: () => (/* binding */ findMachine)
/* harmony export */ });
/* harmony import */ var _backoff_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9734);

/** The payload the UI sends for a machine (HUI MachineModal): every metadata value is a string. */
function machinePayload(m) {
    const metadata = {
        region_name: m.region,
        zone: m.zone,
        machine_type: m.machine_type,
        os: m.os,
        arch: m.arch,
        boot_disk_type: m.boot_disk_type,
        boot_disk_size: String(m.boot_disk_size),
        persistent_disk_type: m.persistent_disk_type,
        persistent_disk_size: String(m.persistent_disk_size),
    };
    if (m.vm_image_name)
        metadata.vm_image_name = m.vm_image_name;
    return {
        name: m.name,
        infra_provider_type: 'hybrid_vm_gcp',
        region: m.region,
        disk: String(m.persistent_disk_size),
        metadata,
    };
}
function findMachine(resources, name, region) {
    return resources.find((r) => r.name === name && (!region || !r.region || r.region === region));
}
/** The fields of an existing machine that differ from the config (the API has no update: they are reported). */
function machineDifferences(have, want) {
    const out = [];
    const meta = have.metadata ?? {};
    for (const [k, v] of Object.entries(want.metadata)) {
        const h = meta[k];
        if (h !== undefined && String(h) !== v)
            out.push(`${k}: ${String(h)} → ${v}`);
        if (h === undefined && k === 'vm_image_name')
            out.push(`${k}: (default) → ${v}`);
    }
    if (have.disk != null && String(have.disk) !== want.disk)
        out.push(`disk: ${String(have.disk)} → ${want.disk}`);
    return out;
}
/**
 * Creates the machines the config declares and the infra lacks (matched by name and region), leaves the
 * matching ones alone and reports those that differ: the API cannot update a machine, and deleting one that
 * gitspaces use is not a decision to take silently.
 */
async function reconcileMachines(o) {
    let resources = await o.pacer.call('list machines', () => o.api.listResources(o.infraId));
    const outcomes = new Map();
    for (const m of o.machines) {
        const want = machinePayload(m);
        const have = findMachine(resources, m.name, m.region);
        if (!have)
            continue;
        const differences = machineDifferences(have, want);
        outcomes.set(m.name, {
            name: m.name,
            region: m.region,
            identifier: have.identifier,
            status: differences.length ? 'different' : 'unchanged',
            differences,
            resource: have,
        });
        if (differences.length)
            o.log.warning(`Machine ${m.name} (${m.region}) differs from the config: ${differences.join('; ')}. Machines cannot be updated: delete it in Harness (or with teardown) and run again to recreate it.`);
        else
            o.log.info(`Machine ${m.name} (${m.region}) exists and matches the config.`);
    }
    let missing = o.machines.filter((m) => !outcomes.has(m.name));
    if (missing.length && o.dryRun) {
        for (const m of missing)
            outcomes.set(m.name, { name: m.name, region: m.region, status: 'would-create', differences: [] });
        missing = [];
    }
    const attempts = o.attempts ?? 5;
    for (let attempt = 1; missing.length > 0; attempt++) {
        o.log.info(`Creating machine(s) ${missing.map((m) => `${m.name} (${m.region})`).join(', ')} in ${o.infraId}`);
        try {
            const created = await o.pacer.call('create machines', () => o.api.createResources(o.infraId, missing.map(machinePayload)), { ambiguous: true });
            resources = [...resources, ...(Array.isArray(created) ? created : [])];
            // Some servers answer without the created objects: look them up so gitspaces can name them.
            if (missing.some((m) => !findMachine(resources, m.name, m.region)))
                resources = await o.pacer.call('list machines', () => o.api.listResources(o.infraId));
            for (const m of missing) {
                const r = findMachine(resources, m.name, m.region);
                outcomes.set(m.name, {
                    name: m.name,
                    region: m.region,
                    identifier: r?.identifier,
                    status: 'created',
                    differences: [],
                    resource: r,
                });
            }
            missing = [];
        }
        catch (e) {
            if (!(e instanceof _backoff_js__WEBPACK_IMPORTED_MODULE_0__/* .AmbiguousFailure */ .nq) || attempt >= attempts)
                throw e instanceof _backoff_js__WEBPACK_IMPORTED_MODULE_0__/* .AmbiguousFailure */ .nq ? e.cause : e;
            o.log.warning(`Creating machines: ${e.message}; checking what exists before trying again.`);
            resources = await o.pacer.call('list machines', () => o.api.listResources(o.infraId));
            const still = [];
            for (const m of missing) {
                const r = findMachine(resources, m.name, m.region);
                if (r)
                    outcomes.set(m.name, {
                        name: m.name,
                        region: m.region,
                        identifier: r.identifier,
                        status: 'created',
                        differences: [],
                        resource: r,
                    });
                else
                    still.push(m);
            }
            missing = still;
        }
    }
    return { outcomes: o.machines.map((m) => outcomes.get(m.name)), resources };
}


/***/ })

};
