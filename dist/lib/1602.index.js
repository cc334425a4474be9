export const id = 1602;
export const ids = [1602];
export const modules = {

/***/ 24406:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dt: () => (/* binding */ observeRunner),
/* harmony export */   I7: () => (/* binding */ observeGateways),
/* harmony export */   TS: () => (/* binding */ parseProgress),
/* harmony export */   _t: () => (/* binding */ AFTER_INSTALL_GATES),
/* harmony export */   hK: () => (/* binding */ fixForStep),
/* harmony export */   qC: () => (/* binding */ observeDelegate)
/* harmony export */ });
/* unused harmony export describeProgress */
/* harmony import */ var _runner_bootstrap_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(94711);
/* harmony import */ var _catalog_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(38017);
/**
 * The health gates install-runner runs after it installed the runner and the delegate (RUN-101, DLG-101, GW-101):
 * what each observes in one poll. install-runner (shared/runner/install.ts) waits on them in this order, each
 * until it passes or its timeout, and reports them with their catalog ids and titles.
 */


function gate(id) {
    const { title } = (0,_catalog_js__WEBPACK_IMPORTED_MODULE_1__/* .catalogEntry */ .Wo)(id);
    return { id, title };
}
/** The after-install gates of the catalog, in the order install-runner waits on them. */
const AFTER_INSTALL_GATES = {
    runner: gate('RUN-101'),
    delegate: gate('DLG-101'),
    gateway: gate('GW-101'),
};
function parseProgress(attrs) {
    const combined = attrs[`${_runner_bootstrap_js__WEBPACK_IMPORTED_MODULE_0__/* .GUEST_NAMESPACE */ .Nh}/${_runner_bootstrap_js__WEBPACK_IMPORTED_MODULE_0__/* .PROGRESS_KEY */ .M4}`];
    const lines = new Map();
    for (const line of (combined ?? '').split(/\r?\n/)) {
        const eq = line.indexOf('=');
        if (eq > 0)
            lines.set(line.slice(0, eq), line.slice(eq + 1));
    }
    const get = (k) => (combined !== undefined ? lines.get(k) : attrs[`${_runner_bootstrap_js__WEBPACK_IMPORTED_MODULE_0__/* .GUEST_NAMESPACE */ .Nh}/${k}`]);
    const steps = {};
    for (const s of _runner_bootstrap_js__WEBPACK_IMPORTED_MODULE_0__/* .BOOTSTRAP_STEPS */ .ZK) {
        const v = get(s);
        if (v !== undefined)
            steps[s] = v;
    }
    return {
        runId: get('run-id'),
        steps,
        status: get('status'),
        runnerHealth: get('runner-health'),
        secretsConsumed: get('secrets-consumed') === 'true',
        secretsOnDisk: get('secrets-on-disk') === 'true',
        configHash: get('config-hash'),
    };
}
function describeProgress(p) {
    return _runner_bootstrap_js__WEBPACK_IMPORTED_MODULE_0__/* .BOOTSTRAP_STEPS */ .ZK.map((s) => `${s} ${p.steps[s] ?? 'not reported'}`).join(', ');
}
/** What to do when a bootstrap step failed on the VM. */
function fixForStep(step, vm, zone) {
    const ssh = `gcloud compute ssh ${vm} --zone ${zone} --tunnel-through-iap`;
    switch (step) {
        case 'docker':
            return `The VM could not install Docker from get.docker.com: give it outbound HTTPS (Cloud NAT) or use an Ubuntu image with Docker, then re-run install-runner. Logs: \`${ssh} -- sudo journalctl -u google-startup-scripts\`.`;
        case 'files':
            return 'The VM could not read the pool file, key or delegate token from its metadata: re-run install-runner (it writes them again, reading the value of the delegate token back from Harness). If it says DELEGATE_TOKEN_VALUE_UNAVAILABLE, give the API key delegate edit permission or pass the token as `delegate-token`.';
        case 'network':
        case 'runner':
        case 'delegate':
            return `Docker on the VM refused the ${step} step: inspect it with \`${ssh} -- sudo docker ps -a\` and \`sudo journalctl -u google-startup-scripts\`, then re-run install-runner.`;
        case 'runner-health':
            return `The runner container runs but GET /healthz never answered OK: read \`${ssh} -- sudo docker logs gitspaces-runner\`. Usual causes: pool.yaml json_path not pointing at /runner/<key>.json, a key without Compute permissions, or an image the runner cannot pull.`;
        default:
            return `Read the startup script's log: \`${ssh} -- sudo journalctl -u google-startup-scripts\`, then re-run install-runner.`;
    }
}
/** RUN-101: the bootstrap of this run finished and the runner's /healthz answered OK. */
function observeRunner(p, runId) {
    if (runId && p.runId !== runId) {
        return {
            done: false,
            state: p.runId
                ? `VM rebooting (last report from an earlier run, ${p.runId})`
                : 'VM rebooting: the startup script has not reported yet',
        };
    }
    const failedStep = p.status?.startsWith('failed:') ? p.status.slice('failed:'.length) : undefined;
    if (failedStep)
        return {
            done: false,
            failed: true,
            failedStep,
            state: `step ${failedStep}: ${p.steps[failedStep] ?? p.status}`,
        };
    if (p.status === 'ok' && p.runnerHealth === 'ok')
        return { done: true, state: 'runner /healthz OK', value: p };
    return { done: false, state: describeProgress(p) };
}
/** DLG-101: a delegate group of this token is actively connected and carries every selector the infra expects. */
function observeDelegate(groups, delegateName, tokenName, selectors) {
    const mine = groups.filter((g) => g.groupName === delegateName);
    const candidates = mine.length ? mine : groups;
    if (candidates.length === 0)
        return { done: false, state: `no delegate has connected with token ${tokenName} yet` };
    const connected = candidates.filter((g) => g.activelyConnected);
    if (connected.length === 0) {
        return {
            done: false,
            state: candidates
                .map((g) => `delegate ${g.groupName}: ${g.connectivityStatus}${g.lastHeartBeat ? ` (last heartbeat ${new Date(g.lastHeartBeat).toISOString()})` : ', never heartbeated'}`)
                .join('; '),
        };
    }
    if (selectors.length === 0)
        return {
            done: false,
            failed: true,
            state: `delegate ${connected[0]?.groupName} connected, but the infrastructure has no delegate selector`,
        };
    const match = connected.find((g) => selectors.every((s) => g.tags.includes(s) || g.groupName === s));
    if (!match) {
        const g = connected[0];
        return {
            done: false,
            failed: true,
            state: `delegate ${g.groupName} connected with tags [${g.tags.join(', ')}], but the infrastructure selects [${selectors.join(', ')}]`,
        };
    }
    return {
        done: true,
        state: `delegate ${match.groupName} connected (tags ${match.tags.join(', ')})`,
        value: match,
    };
}
/** GW-101: every region's latest gateway reports overall_health == healthy at the expected version. */
function observeGateways(gateways, regions, expectedVersion) {
    const views = [];
    const parts = [];
    let ok = true;
    for (const region of regions) {
        const g = gateways
            .filter((x) => x.region === region)
            .sort((a, b) => (b.updated ?? 0) - (a.updated ?? 0))[0];
        if (!g) {
            ok = false;
            parts.push(`${region}: no gateway has reported yet`);
            continue;
        }
        const v = {
            region,
            name: g.name ?? '',
            overall_health: g.overall_health ?? 'unknown',
            health: g.health ?? 'unknown',
            envoy_health: g.envoy_health ?? 'unknown',
            version: g.version ?? '',
        };
        views.push(v);
        const versionOk = !expectedVersion || v.version === expectedVersion;
        if (v.overall_health !== 'healthy' || !versionOk)
            ok = false;
        parts.push(`${region}: ${v.overall_health} (health ${v.health}, envoy ${v.envoy_health}, version ${v.version || '?'}${versionOk ? '' : `, expected ${expectedVersion}`})`);
    }
    return { done: ok, state: parts.join('; '), value: views, views };
}


/***/ }),

/***/ 56042:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gm: () => (/* binding */ BUNDLE_TOKEN_PREFIX),
/* harmony export */   Ne: () => (/* binding */ ensureDelegateToken),
/* harmony export */   ks: () => (/* binding */ isBundleToken)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(32635);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(42372);


/**
 * The naming rule that makes a delegate token this bundle's: its name starts with `gitspaces-` (the default
 * delegate.token_name, `gitspaces-delegate-token`, does). Harness keeps no other mark of who created a token,
 * so install-runner creates tokens only under such names, and teardown revokes only such tokens. A
 * delegate.token_name outside the rule must name a token that already exists (the user's own): the bundle
 * uses it and never revokes it.
 */
const BUNDLE_TOKEN_PREFIX = 'gitspaces-';
function isBundleToken(name) {
    return name.startsWith(BUNDLE_TOKEN_PREFIX);
}
/**
 * The delegate token named delegate.token_name: the active one reused (its value read back from Harness when
 * the VM has no copy, so a run killed after creating it recovers), or created when there is none. Never a
 * second token for the same delegate.
 */
async function ensureDelegateToken(harness, config, log, before, givenValue, 
/** The token as already read by name (the caller read it alongside its other reads); read here when absent. */
found) {
    const name = config.delegate.token_name;
    const existing = await (found ?? harness.getDelegateToken(name));
    if (!existing)
        return createBundleToken(harness, name, log);
    if (existing.status !== 'ACTIVE') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1('DELEGATE_TOKEN_REVOKED', `The delegate token ${name} is ${existing.status}`, `Set delegate.token_name to a new name starting with ${BUNDLE_TOKEN_PREFIX} (a revoked token cannot be reused or recreated under its name; install-runner creates the new one).`);
    }
    const vmHasCopy = before.secretsConsumed || before.secretsOnDisk;
    // The VM keeps the copy it consumed: the value is sent again only when given, or when the VM has none.
    const value = givenValue || (vmHasCopy ? undefined : existing.value) || undefined;
    if (value)
        log.mask(value);
    if (!value && !vmHasCopy) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1('DELEGATE_TOKEN_VALUE_UNAVAILABLE', `The delegate token ${name} exists and this VM has no copy of it, but Harness did not return its value: Harness returns a token's value only to an API key allowed to edit delegates (core_delegate_edit)`, `Give the API key's role the Delegate Create/Edit permission at account scope (install-runner needs it to create the token too), or pass the token's value as the \`delegate-token\` input (from a secret).`);
    }
    log.info(`Delegate token ${name}: exists, reused${!givenValue && value ? ' (its value read back from Harness)' : ''}`);
    return { identity: identityOf(existing), created: false, value };
}
/** Creates of the delegate token tried at most, each after a read back showed the last one was not applied. */
const CREATE_ATTEMPTS = 4;
async function createBundleToken(harness, name, log) {
    if (!isBundleToken(name)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1('DELEGATE_TOKEN_NOT_FOUND', `The delegate token ${name} does not exist, and install-runner creates tokens only under names starting with ${BUNDLE_TOKEN_PREFIX} (the rule teardown uses to know which tokens are its own)`, `Set delegate.token_name to a name starting with ${BUNDLE_TOKEN_PREFIX} (install-runner creates it), or create ${name} in Harness (Account Settings -> Delegates -> Tokens) and re-run.`);
    }
    // The create POST is not retried blindly: a create that failed in transit (5xx, dropped connection) may have
    // been applied, and Harness refuses a second token of the same name. So each transient failure is followed by
    // a read back by name: the token is there (applied: use it) or it is not (not applied: create it again).
    let created;
    for (let attempt = 1; !created; attempt++) {
        try {
            created = await harness.createDelegateToken(name);
            log.info(`Delegate token ${name}: created (account level)`);
        }
        catch (e) {
            if (!(0,_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .isTransient */ .dg)(e) || attempt >= CREATE_ATTEMPTS)
                throw e;
            const applied = await harness.getDelegateToken(name);
            if (applied?.status === 'ACTIVE' && applied.value) {
                log.info(`Delegate token ${name}: the create answered "${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(e)}", but it was applied: token read back`);
                created = applied;
            }
            else if (applied)
                throw e;
            else
                log.info(`Delegate token ${name}: the create answered "${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(e)}" and was not applied; creating it again`);
        }
    }
    if (created.value)
        log.mask(created.value);
    return { identity: identityOf(created), created: true, value: created.value || undefined };
}
function identityOf(t) {
    return `${t.name}@${t.uuid ?? t.createdAt ?? ''}`;
}


/***/ }),

/***/ 53523:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S0: () => (/* binding */ waitForGateways),
/* harmony export */   WI: () => (/* binding */ waitForRegionGateways),
/* harmony export */   Yv: () => (/* binding */ selectorsOf),
/* harmony export */   fn: () => (/* binding */ HealthGates),
/* harmony export */   o3: () => (/* binding */ waitForDelegate),
/* harmony export */   vU: () => (/* binding */ waitForBootstrap)
/* harmony export */ });
/* unused harmony exports GATES, serialVerdict, gatewayFix */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(32635);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(42372);
/* harmony import */ var _checks_types_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(22779);
/* harmony import */ var _bootstrap_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(94711);
/* harmony import */ var _checks_after_install_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(24406);






/** The three gates install-runner waits on, in order (their ids and titles come from the catalog). */
const GATES = _checks_after_install_js__WEBPACK_IMPORTED_MODULE_4__/* .AFTER_INSTALL_GATES */ ._t;
/**
 * Runs the gates one after the other and records each as a check. A gate that times out fails with the last
 * state it saw and a fix; every gate after a failed one is recorded as skipped, not run.
 */
class HealthGates {
    checks;
    clock;
    log;
    failure;
    constructor(checks, clock, log) {
        this.checks = checks;
        this.clock = clock;
        this.log = log;
    }
    /** Records a gate that is not run here, and why (not a failure). */
    skip(def, expected, why) {
        this.checks.push({
            id: def.id,
            title: def.title,
            status: 'skip',
            observed: 'not checked',
            expected,
            fix: this.failure ? `${this.failure.gate} failed first` : why,
            docUrl: (0,_checks_types_js__WEBPACK_IMPORTED_MODULE_2__/* .docUrlFor */ .B_)(def.id),
            durationMs: 0,
        });
    }
    async run(def, 
    /** What the gate expects; a function when that is known only once the check ran (read alongside it). */
    expected, check, fixFor) {
        const started = this.clock.now();
        const record = (r) => this.checks.push({
            id: def.id,
            title: def.title,
            status: r.status,
            observed: r.observed,
            expected: typeof expected === 'function' ? expected() : expected,
            fix: r.fix,
            docUrl: (0,_checks_types_js__WEBPACK_IMPORTED_MODULE_2__/* .docUrlFor */ .B_)(def.id),
            durationMs: r.durationMs,
        });
        if (this.failure) {
            record({
                status: 'skip',
                observed: 'not checked',
                fix: `${this.failure.gate} failed first`,
                durationMs: 0,
            });
            return undefined;
        }
        try {
            const r = await check();
            record({ status: 'ok', observed: r.observed, fix: '', durationMs: this.clock.now() - started });
            return r.value;
        }
        catch (e) {
            if (!(e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .WaitTimeoutError */ .Do))
                throw e;
            const fix = e.fix ?? fixFor(e.lastState);
            this.failure = { gate: def.id, title: def.title, lastState: e.lastState, fix };
            record({
                status: 'error',
                observed: `${e.lastState} (after ${Math.round(e.waitedMs / 1000)}s)`,
                fix,
                durationMs: this.clock.now() - started,
            });
            this.log.error(`${def.id} ${def.title}: failed. Last state: ${e.lastState}. Fix: ${fix}`);
            return undefined;
        }
    }
}
/** A reading from `ctx.seen`, handed out once. */
function takeSeen(ctx, k) {
    const v = ctx.seen?.[k];
    if (ctx.seen)
        delete ctx.seen[k];
    return v;
}
/** The FAILED or DONE line of run `runId` in serial output, if any (`gitspaces-bootstrap: FAILED run=<id> step=<s>: <why>`). */
function serialVerdict(text, runId) {
    const out = {};
    for (const line of text.split('\n')) {
        const f = line.indexOf(`${_bootstrap_js__WEBPACK_IMPORTED_MODULE_3__/* .SERIAL_MARKERS */ .Px.failed} run=${runId} step=`);
        if (f >= 0) {
            const m = /step=([\w-]+): ?(.*)$/.exec(line.slice(f));
            if (m)
                return { failedStep: m[1], reason: (m[2] ?? '').trim() };
        }
        const d = line.indexOf(`${_bootstrap_js__WEBPACK_IMPORTED_MODULE_3__/* .SERIAL_MARKERS */ .Px.done} run=${runId}`);
        if (d >= 0 && /^\s*$/.test(line.slice(d + _bootstrap_js__WEBPACK_IMPORTED_MODULE_3__/* .SERIAL_MARKERS */ .Px.done.length + 5 + runId.length)))
            out.done = true;
    }
    return out;
}
/**
 * The signals besides guest attributes, which GCE may drop (10 writes a minute per VM): the instance's own state
 * (a VM that stopped reports nothing) and serial port 1, where the script prints how its run ended. Read at each
 * poll while the guest attributes show no end, so a failed bootstrap whose report was dropped fails the gate at
 * the next poll instead of after runner-timeout.
 */
class OtherSignals {
    ctx;
    runId;
    serialNext = 0;
    serialText = '';
    serialOff = false;
    constructor(ctx, runId) {
        this.ctx = ctx;
        this.runId = runId;
    }
    async read() {
        const { o, result } = this.ctx;
        const { project, zone, name } = result.vm;
        const inst = await o.compute.getInstance(project, zone, name);
        if (!inst)
            return { failedStep: 'vm', state: `the VM ${name} no longer exists` };
        if (inst.status && !['RUNNING', 'PROVISIONING', 'STAGING'].includes(inst.status))
            return { failedStep: 'vm', state: `the VM ${name} is ${inst.status}: the bootstrap cannot finish` };
        if (this.serialOff || !o.compute.getSerialPortOutput)
            return undefined;
        try {
            const out = await o.compute.getSerialPortOutput(project, zone, name, this.serialNext);
            this.serialNext = out.next;
            // Keep the last lines only: a marker is one line.
            this.serialText = (this.serialText + out.contents).slice(-65_536);
        }
        catch (e) {
            // Serial port access may be denied (permission or org policy): guest attributes remain the signal.
            this.serialOff = true;
            o.log.debug(`Cannot read ${name}'s serial port output: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(e)}`);
            return undefined;
        }
        const v = serialVerdict(this.serialText, this.runId);
        // The script prints DONE only after every step and GET /healthz answered OK.
        if (v.done && !v.failedStep)
            return {
                done: true,
                state: `runner /healthz OK (from the VM's serial port 1; its guest-attribute report did not arrive)`,
            };
        if (!v.failedStep)
            return undefined;
        return {
            failedStep: v.failedStep,
            state: `step ${v.failedStep}: failed:${v.reason ?? ''} (from the VM's serial port 1; its guest-attribute report did not arrive)`,
        };
    }
}
/** RUN-101: follows the bootstrap step by step, removes the secrets once consumed, then /healthz. */
async function waitForBootstrap(ctx) {
    const { o, result, runId } = ctx;
    const { project, zone, name } = result.vm;
    const printed = new Map();
    const other = runId ? new OtherSignals(ctx, runId) : undefined;
    let failedStep;
    let lastWaiting = '';
    /** The guest attributes now: printed, and the secrets removed once the VM reports them consumed. */
    const readReport = async () => {
        const cur = takeSeen(ctx, 'progress') ??
            (0,_checks_after_install_js__WEBPACK_IMPORTED_MODULE_4__/* .parseProgress */ .TS)(await o.compute.getGuestAttributes(project, zone, name, `${_bootstrap_js__WEBPACK_IMPORTED_MODULE_3__/* .GUEST_NAMESPACE */ .Nh}/`));
        result.progress = cur;
        if (!runId || cur.runId === runId) {
            printNewSteps(o.log, name, cur, printed);
            if (cur.secretsConsumed && runId) {
                ctx.secrets.consumed = true;
                await ctx.secrets.remove('The VM reported the key and the delegate token consumed (on its disk, mode 0600): removed them from instance metadata.');
            }
        }
        return cur;
    };
    const observe = async () => {
        let cur = await readReport();
        let obs = (0,_checks_after_install_js__WEBPACK_IMPORTED_MODULE_4__/* .observeRunner */ .Dt)(cur, runId);
        if (!obs.done && !obs.failed && other) {
            const seen = await other.read();
            // The script prints its end after its last report's write: read the report again before relying on the
            // serial port (it was written between the two reads, or GCE dropped it).
            if (seen) {
                cur = await readReport();
                obs = (0,_checks_after_install_js__WEBPACK_IMPORTED_MODULE_4__/* .observeRunner */ .Dt)(cur, runId);
            }
            if (seen && !obs.done && !obs.failed) {
                if (seen.done) {
                    const p = { ...cur, runId, status: 'ok', runnerHealth: 'ok' };
                    result.progress = p;
                    return { done: true, state: seen.state, value: p };
                }
                failedStep = seen.failedStep;
                return { done: false, failed: true, state: seen.state };
            }
        }
        failedStep = obs.failedStep;
        if (runId && cur.runId !== runId && obs.state !== lastWaiting)
            o.log.info(`  ${name}: ${obs.state}`);
        lastWaiting = obs.state;
        return obs;
    };
    return ctx.gates.run(GATES.runner, 'every bootstrap step ok and GET /healthz = OK', async () => {
        const p = await (0,_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .waitFor */ .fm)(observe, {
            describe: `${name} bootstrap`,
            deadlineMs: o.timeouts.runnerMs,
            intervalMs: o.pollIntervalMs,
            clock: o.clock,
        });
        const via = p.steps['runner-health'] === 'ok' ? '' : ' (read from its serial port 1)';
        return { observed: `bootstrap ok on ${name}, GET /healthz = OK${via}`, value: p };
    }, (last) => failedStep === 'vm'
        ? `Start the VM (\`gcloud compute instances start ${name} --zone ${zone}\`) or let terraform-apply recreate it, then re-run install-runner.`
        : failedStep
            ? (0,_checks_after_install_js__WEBPACK_IMPORTED_MODULE_4__/* .fixForStep */ .hK)(failedStep, name, zone)
            : last.startsWith('VM rebooting')
                ? `The VM never reported from the bootstrap script: check it booted (\`gcloud compute instances get-serial-port-output ${name} --zone ${zone}\`), that it can reach the metadata server, and the script's log (\`sudo journalctl -u google-startup-scripts\` over IAP SSH); then re-run install-runner, with a longer runner-timeout if the VM is slow to boot.`
                : `The bootstrap was still running (${last}). Raise runner-timeout if the VM is slow (installing Docker takes minutes on a fresh VM). ${(0,_checks_after_install_js__WEBPACK_IMPORTED_MODULE_4__/* .fixForStep */ .hK)('runner-health', name, zone)}`);
}
/** Logs each bootstrap step the first time it reports a new value. */
function printNewSteps(log, vm, cur, printed) {
    for (const s of [..._bootstrap_js__WEBPACK_IMPORTED_MODULE_3__/* .BOOTSTRAP_STEPS */ .ZK, 'secrets-consumed']) {
        const v = s === 'secrets-consumed' ? (cur.secretsConsumed ? 'true' : undefined) : cur.steps[s];
        if (v && v !== 'pending' && printed.get(s) !== v) {
            printed.set(s, v);
            log.info(`  ${vm}: ${s} = ${v}`);
        }
    }
}
/**
 * DLG-101: the delegate connected with the token, tagged with what the infrastructure selects. `selectors` is
 * what install-runner last set or read; the gate re-reads the infrastructure at each poll.
 */
async function waitForDelegate(ctx, selectors) {
    const { o } = ctx;
    const d = o.config.delegate;
    const { zone, name } = ctx.result.vm;
    const infraId = o.config.infrastructure.identifier;
    let current = selectors;
    await ctx.gates.run(GATES.delegate, `delegate ${d.name} actively connected, tagged with the infrastructure's selectors`, async () => {
        const g = await (0,_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .waitFor */ .fm)(async () => {
            // Both reads at once: the infrastructure's selectors now, and the token's delegate groups (at the first
            // poll of a run that installed nothing, both as this run read them).
            const seenInfra = takeSeen(ctx, 'infra');
            const seenGroups = takeSeen(ctx, 'groups');
            const [infra, groups] = seenInfra && seenGroups
                ? [seenInfra, seenGroups]
                : await Promise.all([
                    o.harness.getInfraProvider(infraId),
                    o.harness.delegateGroupsForToken(d.token_name),
                ]);
            current = selectorsOf(infra);
            return (0,_checks_after_install_js__WEBPACK_IMPORTED_MODULE_4__/* .observeDelegate */ .qC)(groups, d.name, d.token_name, current);
        }, {
            describe: GATES.delegate.id,
            deadlineMs: o.timeouts.delegateMs,
            intervalMs: o.pollIntervalMs,
            clock: o.clock,
            log: o.log,
        });
        return {
            observed: `${g.groupName} connected with tags ${g.tags.join(', ')}; infrastructure selects ${current.join(', ')}`,
            value: g,
        };
    }, (last) => /infrastructure selects|no delegate selector/.test(last)
        ? `Make the infrastructure's Delegate Selector one of the delegate's tags or its name: set delegate.tags in gitspaces.yaml to include ${current.map((s) => `'${s}'`).join(', ') || 'the selector'}, or re-run with manage-delegate-selector: true to set the infrastructure's selectors to [${d.tags.join(', ')}].`
        : `The delegate has not connected to ${o.managerUrl}: check the VM reaches it over HTTPS (Cloud NAT), that the token ${d.token_name} is active, and read \`gcloud compute ssh ${name} --zone ${zone} --tunnel-through-iap -- sudo docker logs gitspaces-delegate\`.`);
}
/** GW-101's fix for the last state it saw. */
function gatewayFix(last) {
    return /expected /.test(last)
        ? 'A gateway runs another version than the setup YAML names: re-run configure-infra and terraform-apply so the module deploys the current version.'
        : /no gateway/.test(last)
            ? 'No gateway has reported for a region: check terraform-apply created its gateway instance group, and the gateway VMs reach Harness (serial console of the gateway instances).'
            : 'Gateways usually report healthy 3-5 minutes after the runner and delegate are up; if one stays unhealthy, check its instance group in the Cloud Console (health checks, serial console) and the firewall rules between the gateway and the runner VM, then raise gateway-timeout or re-run.';
}
/**
 * GW-101 for `regions`: each one's latest gateway healthy, at the expected version when one is known. Recorded
 * into `gates` (a timeout fails the gate with the last state, which names each region); returns the last views.
 */
async function waitForRegionGateways(w, gates, regions, 
/** Or how to read it: read alongside each gateways read until it is known (a failed read is tried again). */
expectedVersion) {
    let lastViews = [];
    let first = w.seen;
    let version = typeof expectedVersion === 'function' ? undefined : expectedVersion;
    let toRead = typeof expectedVersion === 'function' ? expectedVersion : undefined;
    const readVersion = async () => {
        if (toRead) {
            version = await toRead();
            toRead = undefined;
        }
        return version;
    };
    await gates.run(GATES.gateway, () => `${regions.join(', ')}: overall_health healthy${version ? `, version ${version}` : ''}`, async () => {
        const views = await (0,_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .waitFor */ .fm)(async () => {
            const [list, expected] = await Promise.all([
                first ?? w.harness.listGateways(w.infraId),
                readVersion(),
            ]);
            first = undefined;
            const obs = (0,_checks_after_install_js__WEBPACK_IMPORTED_MODULE_4__/* .observeGateways */ .I7)(list, regions, expected);
            lastViews = obs.views;
            return obs;
        }, {
            // Its state names each region: `GW-101: europe-west1: unhealthy (...)`.
            describe: GATES.gateway.id,
            deadlineMs: w.deadlineMs,
            intervalMs: w.pollIntervalMs,
            clock: w.clock,
            log: w.log,
        });
        return {
            observed: views.map((v) => `${v.region}: ${v.overall_health} ${v.version}`).join('; '),
            value: views,
        };
    }, gatewayFix);
    return lastViews;
}
/**
 * GW-101 in install-runner: every region's gateway healthy, at the expected version when one is known; or, when
 * the caller waits for each region's gateway itself (wait-for-gateways: false, as the pipeline does), recorded as
 * skipped, saying so.
 */
async function waitForGateways(ctx, expectedVersion) {
    const { o } = ctx;
    const regions = Object.keys(o.config.infrastructure.regions);
    if (o.waitForGateways === false) {
        ctx.gates.skip(GATES.gateway, `${regions.join(', ')}: overall_health healthy`, "not waited for here (wait-for-gateways: false): the caller waits for each region's gateway before using the region");
        return;
    }
    ctx.result.gateways = await waitForRegionGateways({
        harness: o.harness,
        infraId: o.config.infrastructure.identifier,
        deadlineMs: o.timeouts.gatewayMs,
        pollIntervalMs: o.pollIntervalMs,
        clock: o.clock,
        log: o.log,
        seen: takeSeen(ctx, 'gateways'),
    }, ctx.gates, regions, expectedVersion);
}
/** The delegate selectors an infrastructure's metadata names. */
function selectorsOf(infra) {
    const raw = infra?.metadata?.delegate_selectors;
    return (Array.isArray(raw) ? raw : [])
        .map((s) => (typeof s?.selector === 'string' ? s.selector : ''))
        .filter(Boolean);
}


/***/ }),

/***/ 81602:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  installRunner: () => (/* binding */ installRunner),
  lv: () => (/* binding */ setupYamlGatewayVersion)
});

// UNUSED EXPORTS: GATES, runnerVmName

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./shared/errors.ts
var errors = __webpack_require__(32635);
// EXTERNAL MODULE: ./shared/runner/bootstrap.ts
var bootstrap = __webpack_require__(94711);
// EXTERNAL MODULE: ./shared/runner/delegate-token.ts
var delegate_token = __webpack_require__(56042);
// EXTERNAL MODULE: ./shared/checks/after-install.ts
var after_install = __webpack_require__(24406);
// EXTERNAL MODULE: ./shared/runner/install-gates.ts
var install_gates = __webpack_require__(53523);
;// CONCATENATED MODULE: ./shared/runner/instance-secrets.ts


/**
 * The key and the delegate token while they sit in the runner VM's instance metadata: written for the bootstrap
 * to read, removed as soon as the VM reports them consumed, and removed in any case when install-runner ends,
 * as are those an earlier, interrupted run left there (`foundLeftOver`).
 */
class InstanceSecrets {
    compute;
    vm;
    log;
    report = {
        written: false,
        leftOver: false,
        consumed: false,
        removed: false,
        note: 'No secret was written to instance metadata (nothing to install).',
    };
    constructor(compute, vm, log) {
        this.compute = compute;
        this.vm = vm;
        this.log = log;
    }
    set consumed(v) {
        this.report.consumed = v;
    }
    /** Whether secret keys this run must remove are (or may be) in the VM's metadata. */
    get inMetadata() {
        return (this.report.written || this.report.leftOver) && !this.report.removed;
    }
    /**
     * The secret keys the VM's metadata holds as this run starts. Only a run that ended before its removal (killed,
     * its removal lost) leaves any: this run removes them, whatever else it does (install.ts says when).
     */
    foundLeftOver(keys) {
        if (!keys.length)
            return;
        this.report.leftOver = true;
        this.log.warning(`${this.vm.name}'s metadata still holds ${keys.join(', ')}, written by an earlier run that did not finish: this run removes them.`);
    }
    /** Counted as written before the call: a failure after Compute applied it must still end with the removal. */
    async write(items) {
        this.report.written = true;
        await this.compute.setInstanceMetadata(this.vm.project, this.vm.zone, this.vm.name, items);
    }
    async remove(why) {
        if (!this.inMetadata)
            return;
        await this.compute.setInstanceMetadata(this.vm.project, this.vm.zone, this.vm.name, bootstrap/* SECRET_METADATA_KEYS */.SG.map((key) => ({ key, value: null })));
        this.report.removed = true;
        this.report.note = why;
        this.log.info(why);
    }
    /** At the end, whatever happened: nothing secret stays in metadata, or the report says what to delete by hand. */
    async removeAtEnd() {
        const r = this.report;
        if (r.removed)
            return;
        if (!this.inMetadata) {
            r.note = 'No secret was written to instance metadata: the VM already had this configuration.';
            return;
        }
        try {
            await this.remove(r.consumed
                ? 'Removed the key and the delegate token from instance metadata.'
                : r.written
                    ? 'Removed the key and the delegate token from instance metadata although the VM never reported them consumed: the VM has no copy; re-run install-runner once it boots.'
                    : "Removed the key and the delegate token an interrupted earlier run had left in instance metadata; re-run install-runner once this run's failure is fixed.");
        }
        catch (e) {
            r.note = `COULD NOT remove the key and the delegate token from ${this.vm.name}'s metadata (${(0,errors/* errorMessage */.gJ)(e)}): delete the keys ${bootstrap/* SECRET_METADATA_KEYS */.SG.join(', ')} by hand.`;
            this.log.error(r.note);
        }
    }
}

;// CONCATENATED MODULE: ./shared/runner/pool.ts


/**
 * Rewrites every `spec.account.json_path` of the module's pool.yaml to the absolute path of the key inside
 * the runner container (docs/domain.md#pitfalls, 5: the module copies the Terraform variable verbatim, usually a
 * relative path the container cannot resolve).
 */
function rewritePoolYaml(text, keyPath, source = 'pool.yaml') {
    const doc = (0,dist/* parseDocument */.Tp)(text);
    if (doc.errors.length > 0) {
        throw new errors/* ConfigurationError */.j1('POOL_YAML_INVALID', `${source} is not valid YAML: ${doc.errors[0]?.message ?? 'parse error'}`, 'Pass the pool.yaml terraform-apply wrote (output pool-yaml-path), unmodified.');
    }
    const instances = doc.get('instances');
    if (!(0,dist/* isSeq */.oP)(instances) || instances.items.length === 0) {
        throw new errors/* ConfigurationError */.j1('POOL_YAML_INVALID', `${source} has no instances[]`, 'Re-run terraform-apply: the module writes one pool per region subnet into pool.yaml.');
    }
    const pools = [];
    const originalJsonPaths = [];
    instances.items.forEach((item, i) => {
        if (!(0,dist/* isMap */.jh)(item))
            throw new errors/* ConfigurationError */.j1('POOL_YAML_INVALID', `${source}: instances[${i}] is not a mapping`, 'Re-run terraform-apply to regenerate pool.yaml.');
        pools.push(String(item.get('name') ?? `instance ${i}`));
        const old = item.getIn(['spec', 'account', 'json_path']);
        if (old !== undefined)
            originalJsonPaths.push(String(old));
        item.setIn(['spec', 'account', 'json_path'], keyPath);
    });
    return { text: doc.toString({ lineWidth: 0 }), pools, originalJsonPaths };
}

;// CONCATENATED MODULE: ./shared/runner/install.ts










/** `<infra name>-<runner region>-runner-vm`, the post-0.0.3 module's runner VM, unless the config names one. */
function runnerVmName(config, override) {
    return (override ||
        config.infrastructure.runner.vm_name ||
        `${config.infrastructure.name}-${config.infrastructure.runner.region}-runner-vm`);
}
/** gateway.version of the infra's setup YAML (what the module deploys), if it says. */
function setupYamlGatewayVersion(infra) {
    if (!infra?.setup_yaml)
        return undefined;
    try {
        const doc = (0,dist.parse)(infra.setup_yaml);
        const v = doc?.gateway?.version;
        return v === undefined || v === null ? undefined : String(v);
    }
    catch {
        return undefined;
    }
}
/** The identity of a service-account key (not its secret part), stable across JSON formatting. */
function keyIdentity(keyJson) {
    try {
        const k = JSON.parse(keyJson);
        if (k.client_email && k.private_key_id)
            return (0,bootstrap/* fingerprint */.Rj)(`${k.client_email}/${k.private_key_id}`);
    }
    catch {
        // not JSON: validated by the caller
    }
    return (0,bootstrap/* fingerprint */.Rj)(keyJson);
}
/** The module's pool.yaml with json_path pointing where the runner container sees the key. */
function readPoolFile(o) {
    const pool = rewritePoolYaml(o.poolYaml, bootstrap/* RUNNER_KEY_PATH */.Pe, o.poolYamlSource);
    for (const p of pool.originalJsonPaths.filter((p) => p !== bootstrap/* RUNNER_KEY_PATH */.Pe))
        o.log.info(`pool.yaml: json_path ${p} -> ${bootstrap/* RUNNER_KEY_PATH */.Pe} (the runner container only sees /runner)`);
    return pool;
}
/** The runner VM, which must exist and be running: install-runner installs onto it, it does not create it. */
async function ensureRunnerVm(o, vm) {
    const { project, zone, name } = vm;
    const instance = await o.compute.getInstance(project, zone, name);
    if (!instance) {
        throw new errors/* ConfigurationError */.j1('RUNNER_VM_NOT_FOUND', `The runner VM ${name} does not exist in ${project}/${zone}`, o.config.terraform.module.generation === 'v0.0.3'
            ? 'Module v0.0.3 creates no runner VM: create an Ubuntu VM in the runner zone and set infrastructure.runner.vm_name, or pin a post-0.0.3 module with create_runner_vm: true.'
            : 'Run terraform-apply with terraform.create_runner_vm: true (the module creates <name>-<region>-runner-vm), or set infrastructure.runner.vm_name to your VM.');
    }
    if (instance.status && instance.status !== 'RUNNING') {
        throw new errors/* ConfigurationError */.j1('RUNNER_VM_NOT_RUNNING', `The runner VM ${name} is ${instance.status}`, `Start it (gcloud compute instances start ${name} --zone ${zone}) and re-run install-runner.`);
    }
    o.log.info(`Runner VM: ${name} (${zone}, ${instance.status ?? 'status unknown'})`);
    return instance;
}
async function readInfrastructure(o) {
    const infraId = o.config.infrastructure.identifier;
    const infra = await o.harness.getInfraProvider(infraId);
    if (!infra)
        throw new errors/* ConfigurationError */.j1('INFRA_NOT_FOUND', `The Harness infrastructure ${infraId} does not exist`, 'Run configure-infra first (it creates the infrastructure and its setup YAML).');
    return infra;
}
function startReads(o, vm) {
    const tokenName = o.config.delegate.token_name;
    const reads = {
        infra: readInfrastructure(o),
        progress: readBootstrapProgress(o, vm),
        token: o.harness.getDelegateToken(tokenName),
        groups: o.harness.delegateGroupsForToken(tokenName),
        gateways: o.waitForGateways === false ? undefined : o.harness.listGateways(o.config.infrastructure.identifier),
    };
    // A read not awaited (the run stopped earlier, or needed no groups) must not become an unhandled rejection.
    for (const p of Object.values(reads))
        p?.catch(() => undefined);
    return reads;
}
/** What the VM reported from its last bootstrap, if anything. */
async function readBootstrapProgress(o, vm) {
    try {
        return (0,after_install/* parseProgress */.TS)(await o.compute.getGuestAttributes(vm.project, vm.zone, vm.name, `${bootstrap/* GUEST_NAMESPACE */.Nh}/`));
    }
    catch (e) {
        // Guest attributes are off until enable-guest-attributes is set (below): nothing was installed by us yet.
        o.log.debug(`No guest attributes on ${vm.name} yet: ${(0,errors/* errorMessage */.gJ)(e)}`);
        return (0,after_install/* parseProgress */.TS)({});
    }
}
/**
 * The infrastructure selects delegates by tag: when none of its selectors is a tag (or the name) of our
 * delegate, set them to the delegate's tags (manage-delegate-selector), or warn. Returns the selectors in force.
 */
async function ensureDelegateSelectors(o, infra, changes) {
    const d = o.config.delegate;
    const infraId = o.config.infrastructure.identifier;
    const selectors = (0,install_gates/* selectorsOf */.Yv)(infra);
    const delegateLabels = new Set([...d.tags, d.name]);
    const selectorsMatch = selectors.length > 0 && selectors.every((s) => delegateLabels.has(s));
    if (selectorsMatch)
        return selectors;
    if (!o.manageDelegateSelector) {
        o.log.warning(`Infrastructure ${infraId} selects delegates [${selectors.join(', ') || 'none'}], which the delegate's tags [${d.tags.join(', ')}] do not match; manage-delegate-selector is off, so it is left as is.`);
        return selectors;
    }
    await o.harness.updateInfraProvider(infraId, {
        identifier: infra.identifier ?? infraId,
        name: infra.name ?? o.config.infrastructure.name,
        space_ref: '',
        type: infra.type ?? 'hybrid_vm_gcp',
        metadata: { ...(infra.metadata ?? {}), delegate_selectors: d.tags.map((selector) => ({ selector })) },
    });
    changes.push(`set the infrastructure's delegate selectors to ${d.tags.join(', ')} (were ${selectors.join(', ') || 'none'})`);
    o.log.info(`Infrastructure ${infraId}: delegate selectors ${selectors.join(', ') || '(none)'} -> ${d.tags.join(', ')}`);
    return [...d.tags];
}
function planBootstrap(o, pool, token) {
    const { config } = o;
    const d = config.delegate;
    const settings = {
        runnerImage: config.runner.image,
        delegate: {
            name: d.name,
            image: d.image,
            tags: d.tags,
            accountId: config.harness.account_id,
            managerUrl: o.managerUrl,
        },
        poolYaml: pool.text,
        keyFingerprint: keyIdentity(o.serviceAccountKey),
        tokenFingerprint: (0,bootstrap/* fingerprint */.Rj)(token.identity),
    };
    return { script: (0,bootstrap/* renderBootstrapScript */.qh)(settings), hashes: (0,bootstrap/* bootstrapHashes */.Hh)(settings) };
}
/**
 * Nothing to install when the VM reports this very configuration installed and healthy, runs this script,
 * and its delegate is connected (unless forced).
 */
async function alreadyHealthy(o, instance, before, plan, groupsRead) {
    const currentScript = instance.metadata?.items?.find((i) => i.key === bootstrap/* METADATA_KEYS */.L3.startupScript)?.value;
    if (o.force ||
        before.configHash !== plan.hashes.config ||
        before.status !== 'ok' ||
        before.runnerHealth !== 'ok' ||
        currentScript !== plan.script)
        return false;
    const d = o.config.delegate;
    const groups = await groupsRead;
    const connected = groups.some((g) => g.groupName === d.name && g.activelyConnected);
    if (!connected)
        o.log.info('The VM reports this configuration installed, but its delegate is not connected: installing again.');
    return connected;
}
/**
 * Writes the script and its inputs (the secrets among them) into the VM's metadata and resets the VM so the
 * script runs. Returns the run id the VM will report back.
 */
async function writeInstanceMetadata(o, ctx, pool, plan, token) {
    const { project, zone, name } = ctx.result.vm;
    const changes = ctx.result.changes;
    const runId = `${o.clock.now().toString(36)}-${(0,external_node_crypto_.randomBytes)(3).toString('hex')}`;
    const items = [
        { key: bootstrap/* METADATA_KEYS */.L3.startupScript, value: plan.script },
        { key: bootstrap/* METADATA_KEYS */.L3.poolYaml, value: pool.text },
        { key: bootstrap/* METADATA_KEYS */.L3.serviceAccountKey, value: o.serviceAccountKey },
        { key: bootstrap/* METADATA_KEYS */.L3.runId, value: runId },
        { key: bootstrap/* METADATA_KEYS */.L3.enableGuestAttributes, value: 'TRUE' },
    ];
    if (token.value)
        items.push({ key: bootstrap/* METADATA_KEYS */.L3.delegateToken, value: token.value });
    else {
        // A value an interrupted run left there would win over the VM's copy on disk: the VM keeps its own.
        items.push({ key: bootstrap/* METADATA_KEYS */.L3.delegateToken, value: null });
        o.log.info(`The token's value is not readable from Harness; the VM keeps the copy it consumed earlier.`);
    }
    await ctx.secrets.write(items);
    changes.push(`wrote the bootstrap script (config hash ${plan.hashes.config}) and the pool file, key${token.value ? ' and delegate token' : ''} into the VM's metadata`);
    o.log.info(`Wrote the startup script and its inputs into ${name}'s metadata; resetting the VM to run it (run ${runId}).`);
    await o.compute.resetInstance(project, zone, name);
    changes.push(`reset ${name} to run the bootstrap`);
    ctx.result.installed = true;
    return runId;
}
/** The secret keys the VM's metadata holds now (none, unless a run ended between writing and removing them). */
function secretKeysIn(instance) {
    const present = new Set((instance.metadata?.items ?? []).map((i) => i.key));
    return bootstrap/* SECRET_METADATA_KEYS */.SG.filter((k) => present.has(k));
}
/**
 * The VM runs this configuration healthily, yet an earlier run left the key and the delegate token in its
 * metadata: that run was killed after writing them, and either the VM consumed them (the reset went through) or
 * it never needed them (it already ran this configuration). "Already healthy" used to mean "nothing to do", and
 * the secrets stayed there for good. They are removed now, before the gates: the healthy VM holds its own copy
 * on disk, whose fingerprints the matching config hash covers, and a bootstrap that runs again (a reboot) keeps
 * that copy when metadata has none.
 */
async function removeLeftOverSecrets(secrets, changes) {
    if (!secrets.report.leftOver)
        return;
    await secrets.remove('Removed the key and the delegate token an interrupted earlier run had left in instance metadata (the VM holds its own copy, on disk).');
    changes.push(`removed the key and the delegate token an interrupted earlier run left in the VM's metadata`);
}
/**
 * Installs the runner and the delegate on the runner VM through its startup script, then waits on the three
 * gates. Everything is read and checked before the first change; secrets never stay in instance metadata.
 */
async function installRunner(o) {
    const { config } = o;
    const vm = {
        project: config.gcp.project_id,
        zone: config.infrastructure.runner.zone,
        name: runnerVmName(config, o.vmName),
    };
    const secrets = new InstanceSecrets(o.compute, vm, o.log);
    const result = {
        vm,
        installed: false,
        changes: [],
        secrets: secrets.report,
        checks: [],
        gateways: [],
        runnerHealthy: false,
        delegateName: config.delegate.name,
        configHash: '',
    };
    const pool = readPoolFile(o);
    // Every read the install decides on, sent at once (one round trip instead of five one after another): the VM
    // and its last report from Compute, the infrastructure, the delegate token and its groups from Harness. Each
    // read's failure is reported where it is used, as when they were read in turn.
    const reads = startReads(o, vm);
    const instance = await ensureRunnerVm(o, vm);
    secrets.foundLeftOver(secretKeysIn(instance));
    try {
        const before = await reads.progress;
        const infra = await reads.infra;
        const expectedVersion = o.gatewayVersion || setupYamlGatewayVersion(infra);
        const token = await (0,delegate_token/* ensureDelegateToken */.Ne)(o.harness, config, o.log, before, o.delegateToken, reads.token);
        if (token.created)
            result.changes.push(`created delegate token ${config.delegate.token_name}`);
        const selectors = await ensureDelegateSelectors(o, infra, result.changes);
        const plan = planBootstrap(o, pool, token);
        result.configHash = plan.hashes.config;
        const healthy = await alreadyHealthy(o, instance, before, plan, reads.groups);
        const gates = new install_gates/* HealthGates */.fn(result.checks, o.clock, o.log);
        const ctx = { o, result, secrets, gates };
        if (healthy) {
            o.log.info(`The VM already runs this configuration (config hash ${plan.hashes.config}) with a healthy runner and a connected delegate: nothing to install.`);
            result.progress = before;
            // Nothing was installed: RUN-101 and DLG-101 first judge the readings the decision was made on, moments ago
            // (the infrastructure's only when this run left it as read); a gate they do not pass reads afresh.
            ctx.seen = {
                progress: before,
                ...(result.changes.length ? {} : { infra, groups: await reads.groups }),
                // A gateways read that failed is no reading: GW-101 reads afresh, as it polls through a transient error.
                gateways: await reads.gateways?.catch(() => undefined),
            };
            await removeLeftOverSecrets(secrets, result.changes);
        }
        else {
            // Not healthy: the write below replaces any secret left in metadata, and is removed like it once consumed.
            ctx.runId = await writeInstanceMetadata(o, ctx, pool, plan, token);
        }
        result.runnerHealthy = (await (0,install_gates/* waitForBootstrap */.vU)(ctx)) !== undefined;
        await (0,install_gates/* waitForDelegate */.o3)(ctx, selectors);
        await (0,install_gates/* waitForGateways */.S0)(ctx, expectedVersion);
        result.failure = gates.failure;
    }
    finally {
        // Whatever happened, no secret stays in metadata: this run's, or those an interrupted run left there.
        await secrets.removeAtEnd();
    }
    return result;
}


/***/ })

};
