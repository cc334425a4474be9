export const id = 799;
export const ids = [799];
export const modules = {

/***/ 20799:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main),
  renderInstallSummary: () => (/* binding */ renderInstallSummary),
  resolveRunnerKey: () => (/* binding */ resolveRunnerKey)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./shared/config/load.ts
var load = __webpack_require__(45481);
// EXTERNAL MODULE: ./shared/errors.ts
var errors = __webpack_require__(32635);
// EXTERNAL MODULE: ./shared/gcp/index.ts + 7 modules
var shared_gcp = __webpack_require__(89186);
// EXTERNAL MODULE: ./shared/harness/client.ts
var client = __webpack_require__(90262);
// EXTERNAL MODULE: ./shared/inputs.ts
var inputs = __webpack_require__(18573);
// EXTERNAL MODULE: ./shared/report/model.ts
var model = __webpack_require__(1124);
// EXTERNAL MODULE: ./shared/report/render.ts
var render = __webpack_require__(23617);
// EXTERNAL MODULE: ./shared/runner/bootstrap.ts
var bootstrap = __webpack_require__(94711);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./shared/runner/delegate-token.ts
var delegate_token = __webpack_require__(56042);
// EXTERNAL MODULE: ./shared/checks/catalog.ts
var catalog = __webpack_require__(38017);
;// CONCATENATED MODULE: ./shared/checks/after-install.ts
/**
 * The health gates install-runner runs after it installed the runner and the delegate (RUN-101, DLG-101, GW-101):
 * what each observes in one poll. install-runner (shared/runner/install.ts) waits on them in this order, each
 * until it passes or its timeout, and reports them with their catalog ids and titles.
 */


function gate(id) {
    const { title } = (0,catalog/* catalogEntry */.Wo)(id);
    return { id, title };
}
/** The after-install gates of the catalog, in the order install-runner waits on them. */
const AFTER_INSTALL_GATES = {
    runner: gate('RUN-101'),
    delegate: gate('DLG-101'),
    gateway: gate('GW-101'),
};
function parseProgress(attrs) {
    const get = (k) => attrs[`${bootstrap/* GUEST_NAMESPACE */.Nh}/${k}`];
    const steps = {};
    for (const s of bootstrap/* BOOTSTRAP_STEPS */.ZK) {
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
    return bootstrap/* BOOTSTRAP_STEPS */.ZK.map((s) => `${s} ${p.steps[s] ?? 'not reported'}`).join(', ');
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

// EXTERNAL MODULE: ./shared/retry.ts
var retry = __webpack_require__(42372);
// EXTERNAL MODULE: ./shared/checks/types.ts
var types = __webpack_require__(22779);
;// CONCATENATED MODULE: ./shared/runner/install-gates.ts





/** The three gates install-runner waits on, in order (their ids and titles come from the catalog). */
const GATES = AFTER_INSTALL_GATES;
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
    async run(def, expected, check, fixFor) {
        const started = this.clock.now();
        const record = (r) => this.checks.push({
            id: def.id,
            title: def.title,
            status: r.status,
            observed: r.observed,
            expected,
            fix: r.fix,
            docUrl: (0,types/* docUrlFor */.B_)(def.id),
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
            if (!(e instanceof errors/* WaitTimeoutError */.Do))
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
/** RUN-101: follows the bootstrap step by step, removes the secrets once consumed, then /healthz. */
async function waitForBootstrap(ctx) {
    const { o, result, runId } = ctx;
    const { project, zone, name } = result.vm;
    const printed = new Map();
    let failedStep;
    let lastWaiting = '';
    const observe = async () => {
        const cur = parseProgress(await o.compute.getGuestAttributes(project, zone, name, `${bootstrap/* GUEST_NAMESPACE */.Nh}/`));
        result.progress = cur;
        if (!runId || cur.runId === runId) {
            printNewSteps(o.log, name, cur, printed);
            if (cur.secretsConsumed && runId) {
                ctx.secrets.consumed = true;
                await ctx.secrets.remove('The VM reported the key and the delegate token consumed (on its disk, mode 0600): removed them from instance metadata.');
            }
        }
        const obs = observeRunner(cur, runId);
        failedStep = obs.failedStep;
        if (runId && cur.runId !== runId && obs.state !== lastWaiting)
            o.log.info(`  ${name}: ${obs.state}`);
        lastWaiting = obs.state;
        return obs;
    };
    return ctx.gates.run(GATES.runner, 'every bootstrap step ok and GET /healthz = OK', async () => {
        const p = await (0,retry/* waitFor */.fm)(observe, {
            describe: `${name} bootstrap`,
            deadlineMs: o.timeouts.runnerMs,
            intervalMs: o.pollIntervalMs,
            clock: o.clock,
        });
        return { observed: `bootstrap ok on ${name}, GET /healthz = OK`, value: p };
    }, (last) => failedStep
        ? fixForStep(failedStep, name, zone)
        : last.startsWith('VM rebooting')
            ? `The VM never reported from the bootstrap script: check it booted (\`gcloud compute instances get-serial-port-output ${name} --zone ${zone}\`), that it can reach the metadata server, and the script's log (\`sudo journalctl -u google-startup-scripts\` over IAP SSH); then re-run install-runner, with a longer runner-timeout if the VM is slow to boot.`
            : `The bootstrap was still running (${last}). Raise runner-timeout if the VM is slow (installing Docker takes minutes on a fresh VM). ${fixForStep('runner-health', name, zone)}`);
}
/** Logs each bootstrap step the first time it reports a new value. */
function printNewSteps(log, vm, cur, printed) {
    for (const s of [...bootstrap/* BOOTSTRAP_STEPS */.ZK, 'secrets-consumed']) {
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
        const g = await (0,retry/* waitFor */.fm)(async () => {
            current = selectorsOf(await o.harness.getInfraProvider(infraId));
            return observeDelegate(await o.harness.delegateGroupsForToken(d.token_name), d.name, d.token_name, current);
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
/** GW-101: every region's gateway healthy, at the expected version when one is known. */
async function waitForGateways(ctx, expectedVersion) {
    const { o } = ctx;
    const infraId = o.config.infrastructure.identifier;
    const regions = Object.keys(o.config.infrastructure.regions);
    let lastViews = [];
    await ctx.gates.run(GATES.gateway, `${regions.join(', ')}: overall_health healthy${expectedVersion ? `, version ${expectedVersion}` : ''}`, async () => {
        const views = await (0,retry/* waitFor */.fm)(async () => {
            const obs = observeGateways(await o.harness.listGateways(infraId), regions, expectedVersion);
            lastViews = obs.views;
            return obs;
        }, {
            describe: GATES.gateway.id,
            deadlineMs: o.timeouts.gatewayMs,
            intervalMs: o.pollIntervalMs,
            clock: o.clock,
            log: o.log,
        });
        return {
            observed: views.map((v) => `${v.region}: ${v.overall_health} ${v.version}`).join('; '),
            value: views,
        };
    }, (last) => /expected /.test(last)
        ? 'A gateway runs another version than the setup YAML names: re-run configure-infra and terraform-apply so the module deploys the current version.'
        : /no gateway/.test(last)
            ? 'No gateway has reported for a region: check terraform-apply created its gateway instance group, and the gateway VMs reach Harness (serial console of the gateway instances).'
            : 'Gateways usually report healthy 3-5 minutes after the runner and delegate are up; if one stays unhealthy, check its instance group in the Cloud Console (health checks, serial console) and the firewall rules between the gateway and the runner VM, then raise gateway-timeout or re-run.');
    ctx.result.gateways = lastViews;
}
/** The delegate selectors an infrastructure's metadata names. */
function selectorsOf(infra) {
    const raw = infra?.metadata?.delegate_selectors;
    return (Array.isArray(raw) ? raw : [])
        .map((s) => (typeof s?.selector === 'string' ? s.selector : ''))
        .filter(Boolean);
}

;// CONCATENATED MODULE: ./shared/runner/instance-secrets.ts


/**
 * The key and the delegate token while they sit in the runner VM's instance metadata: written for the bootstrap
 * to read, removed as soon as the VM reports them consumed, and removed in any case when install-runner ends.
 */
class InstanceSecrets {
    compute;
    vm;
    log;
    report = {
        written: false,
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
    /** Counted as written before the call: a failure after Compute applied it must still end with the removal. */
    async write(items) {
        this.report.written = true;
        await this.compute.setInstanceMetadata(this.vm.project, this.vm.zone, this.vm.name, items);
    }
    async remove(why) {
        if (!this.report.written || this.report.removed)
            return;
        await this.compute.setInstanceMetadata(this.vm.project, this.vm.zone, this.vm.name, bootstrap/* SECRET_METADATA_KEYS */.SG.map((key) => ({ key, value: null })));
        this.report.removed = true;
        this.report.note = why;
        this.log.info(why);
    }
    /** At the end, whatever happened: nothing secret stays in metadata, or the report says what to delete by hand. */
    async removeAtEnd() {
        const r = this.report;
        if (!r.written) {
            r.note = 'No secret was written to instance metadata: the VM already had this configuration.';
            return;
        }
        if (r.removed)
            return;
        try {
            await this.remove(r.consumed
                ? 'Removed the key and the delegate token from instance metadata.'
                : 'Removed the key and the delegate token from instance metadata although the VM never reported them consumed: the VM has no copy; re-run install-runner once it boots.');
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
 * the runner container (spec §8 pitfall 5: the module copies the Terraform variable verbatim, usually a
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
        const doc = (0,dist/* parse */.qg)(infra.setup_yaml);
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
/** What the VM reported from its last bootstrap, if anything. */
async function readBootstrapProgress(o, vm) {
    try {
        return parseProgress(await o.compute.getGuestAttributes(vm.project, vm.zone, vm.name, `${bootstrap/* GUEST_NAMESPACE */.Nh}/`));
    }
    catch (e) {
        // Guest attributes are off until enable-guest-attributes is set (below): nothing was installed by us yet.
        o.log.debug(`No guest attributes on ${vm.name} yet: ${(0,errors/* errorMessage */.gJ)(e)}`);
        return parseProgress({});
    }
}
/**
 * The infrastructure selects delegates by tag: when none of its selectors is a tag (or the name) of our
 * delegate, set them to the delegate's tags (manage-delegate-selector), or warn. Returns the selectors in force.
 */
async function ensureDelegateSelectors(o, infra, changes) {
    const d = o.config.delegate;
    const infraId = o.config.infrastructure.identifier;
    const selectors = selectorsOf(infra);
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
async function alreadyHealthy(o, instance, before, plan) {
    const currentScript = instance.metadata?.items?.find((i) => i.key === bootstrap/* METADATA_KEYS */.L3.startupScript)?.value;
    if (o.force ||
        before.configHash !== plan.hashes.config ||
        before.status !== 'ok' ||
        before.runnerHealth !== 'ok' ||
        currentScript !== plan.script)
        return false;
    const d = o.config.delegate;
    const groups = await o.harness.delegateGroupsForToken(d.token_name);
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
    else
        o.log.info(`The token's value is not readable from Harness; the VM keeps the copy it consumed earlier.`);
    await ctx.secrets.write(items);
    changes.push(`wrote the bootstrap script (config hash ${plan.hashes.config}) and the pool file, key${token.value ? ' and delegate token' : ''} into the VM's metadata`);
    o.log.info(`Wrote the startup script and its inputs into ${name}'s metadata; resetting the VM to run it (run ${runId}).`);
    await o.compute.resetInstance(project, zone, name);
    changes.push(`reset ${name} to run the bootstrap`);
    ctx.result.installed = true;
    return runId;
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
    const instance = await ensureRunnerVm(o, vm);
    const infra = await readInfrastructure(o);
    const expectedVersion = o.gatewayVersion || setupYamlGatewayVersion(infra);
    const before = await readBootstrapProgress(o, vm);
    const token = await (0,delegate_token/* ensureDelegateToken */.Ne)(o.harness, config, o.log, before, o.delegateToken);
    if (token.created)
        result.changes.push(`created delegate token ${config.delegate.token_name}`);
    const selectors = await ensureDelegateSelectors(o, infra, result.changes);
    const plan = planBootstrap(o, pool, token);
    result.configHash = plan.hashes.config;
    const healthy = await alreadyHealthy(o, instance, before, plan);
    const gates = new HealthGates(result.checks, o.clock, o.log);
    const ctx = { o, result, secrets, gates };
    try {
        if (healthy) {
            o.log.info(`The VM already runs this configuration (config hash ${plan.hashes.config}) with a healthy runner and a connected delegate: nothing to change.`);
            result.progress = before;
        }
        else {
            ctx.runId = await writeInstanceMetadata(o, ctx, pool, plan, token);
        }
        result.runnerHealthy = (await waitForBootstrap(ctx)) !== undefined;
        await waitForDelegate(ctx, selectors);
        await waitForGateways(ctx, expectedVersion);
    }
    finally {
        await secrets.removeAtEnd();
    }
    result.failure = gates.failure;
    return result;
}

;// CONCATENATED MODULE: ./actions/install-runner/main.ts











/** The key the runner puts in /runner: a service-account JSON key (the module and the runner need JSON, not P12). */
function resolveRunnerKey(io, explicit, gcpCredentials) {
    let key = explicit || gcpCredentials;
    let source = explicit ? 'runner-key' : 'gcp-credentials';
    if (!key) {
        const file = io.env.GOOGLE_APPLICATION_CREDENTIALS;
        if (file && (0,external_node_fs_.existsSync)(file)) {
            key = (0,external_node_fs_.readFileSync)(file, 'utf8').trim();
            source = `GOOGLE_APPLICATION_CREDENTIALS (${file})`;
            (0,inputs/* maskSecret */.$l)(io.log, key);
        }
    }
    if (!key) {
        throw new errors/* ConfigurationError */.j1('RUNNER_KEY_MISSING', 'No service-account key for the runner: it needs a JSON key (pool.yaml json_path) to create gitspace VMs', 'Pass the key as `runner-key` (or `gcp-credentials`) from a secret. Keyless auth covers this workflow, not the runner VM.');
    }
    let parsed;
    try {
        parsed = JSON.parse(key);
    }
    catch {
        throw new errors/* ConfigurationError */.j1('RUNNER_KEY_INVALID', `The runner key from ${source} is not JSON`, 'Use a JSON service-account key (P12 keys are not supported by the module or the runner).');
    }
    if (parsed.private_key)
        (0,inputs/* maskSecret */.$l)(io.log, parsed.private_key);
    if (parsed.type !== 'service_account' || !parsed.private_key || !parsed.client_email) {
        throw new errors/* ConfigurationError */.j1('RUNNER_KEY_INVALID', `The runner key from ${source} is not a service-account key (type ${parsed.type ?? 'missing'})`, 'The runner needs a service-account JSON key (type service_account); with keyless auth, pass one as `runner-key`.');
    }
    return key;
}
function renderInstallSummary(r) {
    const out = [];
    const failed = r.failure;
    out.push(`## Runner and delegate on \`${r.vm.name}\``, '');
    out.push(failed
        ? `**${model/* STATUS_ICON */.tW.error} ${failed.gate} failed: ${(0,render/* cell */.Hn)(failed.title)}.** Last state: ${(0,render/* cell */.Hn)(failed.lastState)}.`
        : r.installed
            ? `**${model/* STATUS_ICON */.tW.ok} Installed: the runner is healthy, the delegate connected and every gateway healthy.**`
            : `**${model/* STATUS_ICON */.tW.ok} Nothing changed: the VM already runs this configuration, and every gate passes.**`, '');
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
        for (const s of bootstrap/* BOOTSTRAP_STEPS */.ZK)
            out.push(`| ${s} | ${(0,render/* cell */.Hn)(r.progress.steps[s] ?? 'not reported')} |`);
        out.push('');
    }
    if (r.gateways.length) {
        out.push('| Region | Gateway | Overall health | Version |', '|---|---|---|---|');
        for (const g of r.gateways)
            out.push(`| ${g.region} | ${(0,render/* cell */.Hn)(g.name)} | ${g.overall_health} | ${(0,render/* cell */.Hn)(g.version)} |`);
        out.push('');
    }
    const verdict = failed ? `${failed.gate} failed. Fix: ${failed.fix}` : 'All gates passed.';
    out.push((0,render/* renderChecksMarkdown */.pu)('Health gates', verdict, r.checks));
    return out.join('\n');
}
/** What the inputs ask of this install, besides the secrets. */
function readInstallInputs(io, config) {
    const inp = io.inputs;
    return {
        poolPath: inp.optional('pool-yaml-path') || (0,external_node_path_.join)(config.terraform.working_directory, 'pool.yaml'),
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
    };
}
/** The pool file terraform-apply wrote (its `pool-yaml-path` output). */
function readPoolYaml(poolPath) {
    if (!(0,external_node_fs_.existsSync)(poolPath)) {
        throw new errors/* ConfigurationError */.j1('POOL_YAML_MISSING', `No pool file at ${poolPath}`, 'Run terraform-apply first and pass its `pool-yaml-path` output (the module writes pool.yaml in the Terraform working directory).');
    }
    return (0,external_node_fs_.readFileSync)(poolPath, 'utf8');
}
/** Outputs, the summary and the verdict of an install. */
async function reportInstall(io, r, startedAt) {
    const outputs = {
        'runner-healthy': String(r.runnerHealthy),
        'delegate-name': r.delegateName,
        gateways: JSON.stringify(r.gateways),
    };
    for (const [k, v] of Object.entries(outputs))
        io.setOutput(k, v);
    await io.appendSummary(renderInstallSummary(r));
    const summary = r.failure
        ? `${r.failure.gate} failed on ${r.vm.name}: ${r.failure.lastState}`
        : r.installed
            ? `runner and delegate installed on ${r.vm.name}; gateways healthy`
            : `${r.vm.name} already healthy with this configuration; nothing changed`;
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
    const apiKey = (0,client/* readHarnessApiKey */.In)(io);
    const explicitKey = inp.secret('runner-key');
    const delegateToken = inp.secret('delegate-token');
    const config = deps.config ?? (await (0,load/* loadConfig */.Z)(inp.optional('config', 'gitspaces.yaml')));
    const { poolPath, ...options } = readInstallInputs(io, config);
    const poolYaml = readPoolYaml(poolPath);
    const runnerKey = resolveRunnerKey(io, explicitKey, gcpCredentials);
    if (!deps.harness && !apiKey)
        throw (0,client/* missingHarnessApiKey */.Sd)();
    const gcp = deps.compute
        ? undefined
        : (0,shared_gcp/* createGcp */.Dl)({
            keyJson: gcpCredentials,
            env: io.env,
            log: io.log,
            clock: io.clock,
            inputName: 'gcp-credentials',
        });
    const compute = deps.compute ?? gcp.compute;
    const harness = deps.harness ?? (0,client/* harnessClientFromConfig */.ed)(config, { apiKey, env: io.env, log: io.log, clock: io.clock });
    const managerUrl = config.delegate.manager_url ?? (0,client/* harnessBaseUrl */.pj)(config, io.env);
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


/***/ }),

/***/ 38017:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cy: () => (/* binding */ TROUBLESHOOTING_DOC),
/* harmony export */   Wo: () => (/* binding */ catalogEntry),
/* harmony export */   nF: () => (/* binding */ entriesOfPhase)
/* harmony export */ });
/* unused harmony exports FAMILIES, CATALOG */
/**
 * Every check and health gate the bundle runs, in report order: the one list of ids, titles and families.
 *
 * - validate-prereqs runs the `preflight` ones (preflight.ts pairs each with its implementation);
 * - terraform-apply runs the `after-apply` gates (after-apply.ts), install-runner the `after-install` gates
 *   (after-install.ts), after their phase.
 *
 * Each family has its file in this folder (`dns.ts` implements DNS-001..004, `after-apply.ts` DNS-101 and CERT-101).
 * docs/troubleshooting.md has a section per id, headed `## <id>: <title>`, in this order, and a table generated from
 * this list. test/checks/catalog.test.ts holds the list to the implementations, test/docs/troubleshooting.test.ts
 * to that page and to the README's Troubleshooting table.
 *
 * Adding a check: an entry here, its implementation in its family's file (and in that file's list), a section in
 * docs/troubleshooting.md (then regenerate its table), and a link in the README's Troubleshooting table.
 */
/** The families, each one file of shared/checks/ (the id prefixes: CFG, TOOL, AUTH, API, IAM, ORG, ...). */
const FAMILIES = (/* unused pure expression or super */ null && ([
    'config',
    'tools',
    'auth',
    'apis',
    'iam',
    'org',
    'capacity',
    'network',
    'images',
    'dns',
    'certificates',
    'harness',
    'after-apply',
    'after-install',
]));
const SERVICE_STATE = ['serviceusage.services.get'];
const ORG_POLICY = ['orgpolicy.policy.get (roles/orgpolicy.policyViewer)'];
const HARNESS_INFRA = [
    'view Gitspace infrastructure providers at account scope (CDE Admin or Account Admin)',
];
const ENTRIES = [
    {
        id: 'CFG-001',
        family: 'config',
        phase: 'preflight',
        title: 'Config file parses and validates',
        uses: ['config'],
    },
    {
        id: 'CFG-002',
        family: 'config',
        phase: 'preflight',
        title: 'Config keys match the pinned module generation',
        uses: ['config'],
    },
    {
        id: 'TOOL-001',
        family: 'tools',
        phase: 'preflight',
        title: 'Terraform or OpenTofu >= 1.3 on PATH',
        uses: ['config', 'exec'],
    },
    {
        id: 'TOOL-002',
        family: 'tools',
        phase: 'preflight',
        title: "POSIX shell for the module's local-exec",
        uses: ['exec'],
    },
    {
        id: 'AUTH-001',
        family: 'auth',
        phase: 'preflight',
        title: 'GCP credentials resolve (key file or keyless)',
        uses: ['config', 'gcp'],
    },
    {
        id: 'AUTH-002',
        family: 'auth',
        phase: 'preflight',
        title: 'Key is a JSON service-account key (not P12)',
        uses: ['config', 'gcp'],
    },
    {
        id: 'AUTH-003',
        family: 'auth',
        phase: 'preflight',
        title: 'Key is usable: not deleted, disabled or expired',
        uses: ['config', 'gcp'],
        permissions: ['iam.serviceAccountKeys.get'],
    },
    {
        id: 'AUTH-004',
        family: 'auth',
        phase: 'preflight',
        title: 'Long-lived key where keyless would do; key age',
        uses: ['config', 'gcp'],
        permissions: ['iam.serviceAccountKeys.get'],
    },
    {
        id: 'API-001',
        family: 'apis',
        phase: 'preflight',
        title: 'Cloud Resource Manager API enabled',
        uses: ['config', 'gcp'],
        permissions: SERVICE_STATE,
    },
    {
        id: 'API-002',
        family: 'apis',
        phase: 'preflight',
        title: 'Compute Engine API enabled',
        uses: ['config', 'gcp'],
        permissions: SERVICE_STATE,
    },
    {
        id: 'API-003',
        family: 'apis',
        phase: 'preflight',
        title: 'Certificate Manager API enabled',
        uses: ['config', 'gcp'],
        permissions: SERVICE_STATE,
    },
    {
        id: 'API-004',
        family: 'apis',
        phase: 'preflight',
        title: 'IAM API enabled',
        uses: ['config', 'gcp'],
        permissions: SERVICE_STATE,
    },
    {
        id: 'API-005',
        family: 'apis',
        phase: 'preflight',
        title: 'Cloud DNS API enabled',
        uses: ['config', 'gcp'],
        permissions: SERVICE_STATE,
    },
    {
        id: 'API-006',
        family: 'apis',
        phase: 'preflight',
        title: 'Memorystore for Redis API enabled (HA gateways)',
        uses: ['config', 'gcp'],
        permissions: SERVICE_STATE,
    },
    {
        id: 'API-007',
        family: 'apis',
        phase: 'preflight',
        title: 'Enable missing APIs and wait until they answer (enable-apis)',
        uses: ['config', 'gcp'],
        permissions: [...SERVICE_STATE, 'serviceusage.services.enable (only with enable-apis: true)'],
    },
    {
        id: 'IAM-001',
        family: 'iam',
        phase: 'preflight',
        title: "Identity holds every permission the module's resources need",
        // projects:testIamPermissions answers any caller: it needs no permission of its own.
        uses: ['config', 'gcp'],
    },
    {
        id: 'IAM-002',
        family: 'iam',
        phase: 'preflight',
        title: 'Owner role as Harness documents (or enough permissions)',
        uses: ['config', 'gcp'],
        permissions: ['resourcemanager.projects.getIamPolicy'],
    },
    {
        id: 'ORG-001',
        family: 'org',
        phase: 'preflight',
        title: 'Org policy iam.disableServiceAccountKeyCreation',
        uses: ['config', 'gcp'],
        permissions: ORG_POLICY,
    },
    {
        id: 'ORG-002',
        family: 'org',
        phase: 'preflight',
        title: 'Org policy gcp.resourceLocations allows every region',
        uses: ['config', 'gcp'],
        permissions: ORG_POLICY,
    },
    {
        id: 'ORG-003',
        family: 'org',
        phase: 'preflight',
        title: 'Org policies compute.vmExternalIpAccess and compute.requireOsLogin',
        uses: ['config', 'gcp'],
        permissions: ORG_POLICY,
    },
    {
        id: 'QUOTA-001',
        family: 'capacity',
        phase: 'preflight',
        title: 'Regional quotas cover the planned footprint',
        uses: ['config', 'gcp'],
        permissions: ['compute.regions.get'],
    },
    {
        id: 'NET-001',
        family: 'network',
        phase: 'preflight',
        title: 'Subnet ranges valid; default subnets inside 10.0.0.0/8',
        uses: ['config'],
    },
    {
        id: 'NET-002',
        family: 'network',
        phase: 'preflight',
        title: 'Subnets do not overlap each other or existing subnets',
        uses: ['config', 'gcp'],
        permissions: ['compute.subnetworks.list'],
    },
    {
        id: 'NET-003',
        family: 'network',
        phase: 'preflight',
        title: 'Gateway ingress restricted (whitelist_ip_ranges)',
        uses: ['config'],
    },
    {
        id: 'IMG-001',
        family: 'images',
        phase: 'preflight',
        title: 'Gateway and runner images exist and are Ubuntu',
        uses: ['config', 'gcp'],
        permissions: ['compute.images.get', 'compute.images.getFromFamily'],
    },
    // Regions belong with capacity: QUOTA-001 and REG-001 read the same regions.get answer.
    {
        id: 'REG-001',
        family: 'capacity',
        phase: 'preflight',
        title: 'Regions and the runner zone exist',
        uses: ['config', 'gcp'],
        permissions: ['compute.regions.get', 'compute.zones.get'],
    },
    {
        id: 'DNS-001',
        family: 'dns',
        phase: 'preflight',
        title: 'Domain, region domains and zone name are valid',
        uses: ['config'],
    },
    {
        id: 'DNS-002',
        family: 'dns',
        phase: 'preflight',
        title: "Parent zone delegates the domain to the Cloud DNS zone's name servers",
        uses: ['config', 'dns', 'gcp'],
        permissions: ['dns.managedZones.get'],
    },
    {
        id: 'DNS-003',
        family: 'dns',
        phase: 'preflight',
        title: 'Public resolvers see the delegation (propagation)',
        uses: ['config', 'dns'],
    },
    {
        id: 'DNS-004',
        family: 'dns',
        phase: 'preflight',
        title: 'manage_dns_zone: false has an existing zone named after the domain',
        uses: ['config', 'gcp'],
        permissions: ['dns.managedZones.get'],
    },
    {
        id: 'CERT-001',
        family: 'certificates',
        phase: 'preflight',
        title: 'BYO certificate: key matches, chain order, SANs, expiry',
        uses: ['config', 'files'],
    },
    {
        id: 'HARNESS-001',
        family: 'harness',
        phase: 'preflight',
        title: 'Harness API key authenticates with account scope',
        uses: ['config', 'harness'],
        permissions: HARNESS_INFRA,
    },
    {
        id: 'HARNESS-002',
        family: 'harness',
        phase: 'preflight',
        title: 'Self-hosted (hybrid) infrastructure is enabled on the account',
        uses: ['config', 'harness'],
        permissions: [...HARNESS_INFRA, "read the account's gitspace settings"],
    },
    {
        id: 'HARNESS-003',
        family: 'harness',
        phase: 'preflight',
        title: 'Configured Harness org and project exist',
        uses: ['config', 'harness'],
        permissions: ['view the organization and the project'],
    },
    {
        id: 'DNS-101',
        family: 'after-apply',
        phase: 'after-apply',
        title: 'Region A record points at the ALB',
        uses: ['config', 'gcp'],
        permissions: ['dns.resourceRecordSets.list (roles/dns.reader)'],
    },
    {
        id: 'CERT-101',
        family: 'after-apply',
        phase: 'after-apply',
        title: 'Region certificate is ACTIVE',
        uses: ['config', 'gcp'],
        permissions: ['certificatemanager.certs.get (roles/certificatemanager.viewer)', 'dns.managedZones.get'],
    },
    {
        id: 'RUN-101',
        family: 'after-install',
        phase: 'after-install',
        title: 'Runner VM bootstrapped and its /healthz answers OK',
        uses: ['config', 'gcp'],
        permissions: ['compute.instances.getGuestAttributes'],
    },
    {
        id: 'DLG-101',
        family: 'after-install',
        phase: 'after-install',
        title: 'Delegate actively connected with the selector the infrastructure expects',
        uses: ['config', 'harness'],
        permissions: ['view delegates', ...HARNESS_INFRA],
    },
    {
        id: 'GW-101',
        family: 'after-install',
        phase: 'after-install',
        title: "Every region's gateway reports overall_health healthy at the expected version",
        uses: ['config', 'harness'],
        permissions: HARNESS_INFRA,
    },
];
const TROUBLESHOOTING_DOC = 'docs/troubleshooting.md';
const CATALOG = ENTRIES.map(({ uses, permissions, ...e }) => ({
    ...e,
    needs: { uses, permissions: permissions ?? [] },
    doc: `${TROUBLESHOOTING_DOC}#${e.id}`,
}));
/** The catalog entry of an id; an unknown id is a bug in the caller, not a user's mistake. */
function catalogEntry(id) {
    const e = CATALOG.find((c) => c.id === id);
    if (!e)
        throw new Error(`${id} is not in the check catalog (shared/checks/catalog.ts)`);
    return e;
}
function entriesOfPhase(phase) {
    return CATALOG.filter((c) => c.phase === phase);
}


/***/ }),

/***/ 22779:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B_: () => (/* binding */ docUrlFor),
/* harmony export */   Po: () => (/* binding */ needConfig),
/* harmony export */   R8: () => (/* binding */ warn),
/* harmony export */   iv: () => (/* binding */ skip),
/* harmony export */   oC: () => (/* binding */ SkipCheck),
/* harmony export */   ok: () => (/* binding */ ok),
/* harmony export */   p_: () => (/* binding */ list),
/* harmony export */   z3: () => (/* binding */ error)
/* harmony export */ });
/* unused harmony export DOC_BASE */
/* harmony import */ var _catalog_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38017);

/** Thrown inside a check that cannot look (a prerequisite failed, no permission): becomes `skip` with the reason. */
class SkipCheck extends Error {
    reason;
    expected;
    name = 'SkipCheck';
    constructor(reason, expected = '') {
        super(reason);
        this.reason = reason;
        this.expected = expected;
    }
}
/** docs/troubleshooting.md has an anchor per check id (test/checks/catalog.test.ts holds it to the catalog). */
const DOC_BASE = `https://github.com/gitspaces-dev/gitspaces-actions/blob/main/${_catalog_js__WEBPACK_IMPORTED_MODULE_0__/* .TROUBLESHOOTING_DOC */ .Cy}`;
function docUrlFor(id) {
    return `${DOC_BASE}#${id}`;
}
const ok = (observed, expected, fix = '') => ({
    status: 'ok',
    observed,
    expected,
    fix,
});
const warn = (observed, expected, fix) => ({
    status: 'warn',
    observed,
    expected,
    fix,
});
const error = (observed, expected, fix) => ({
    status: 'error',
    observed,
    expected,
    fix,
});
const skip = (reason, expected = '') => ({
    status: 'skip',
    observed: 'not checked',
    expected,
    fix: reason,
});
/** The config or a skip: checks that read it cannot look when CFG-001 failed. */
function needConfig(ctx) {
    if (!ctx.config)
        throw new SkipCheck('the config file did not load (see CFG-001)');
    return ctx.config;
}
function list(items, max = 8) {
    if (items.length === 0)
        return 'none';
    return items.length <= max
        ? items.join(', ')
        : `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
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
};
const ENDPOINT_ENV = {
    googleTokenUrl: 'GITSPACES_GOOGLE_TOKEN_URL',
    serviceUsage: 'GITSPACES_SERVICEUSAGE_URL',
    resourceManager: 'GITSPACES_RESOURCEMANAGER_URL',
    iam: 'GITSPACES_IAM_URL',
    compute: 'GITSPACES_COMPUTE_URL',
    cloudDns: 'GITSPACES_CLOUDDNS_URL',
    certificateManager: 'GITSPACES_CERTIFICATEMANAGER_URL',
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

/***/ 94711:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EO: () => (/* binding */ DELEGATE_CONTAINER),
/* harmony export */   Hh: () => (/* binding */ bootstrapHashes),
/* harmony export */   L3: () => (/* binding */ METADATA_KEYS),
/* harmony export */   LM: () => (/* binding */ RUNNER_CONTAINER),
/* harmony export */   Nh: () => (/* binding */ GUEST_NAMESPACE),
/* harmony export */   Pe: () => (/* binding */ RUNNER_KEY_PATH),
/* harmony export */   R1: () => (/* binding */ KEY_FILE_NAME),
/* harmony export */   Rj: () => (/* binding */ fingerprint),
/* harmony export */   SG: () => (/* binding */ SECRET_METADATA_KEYS),
/* harmony export */   ZK: () => (/* binding */ BOOTSTRAP_STEPS),
/* harmony export */   qh: () => (/* binding */ renderBootstrapScript)
/* harmony export */ });
/* unused harmony exports HASH_LABEL, BOOTSTRAP_VERSION, shQuote, delegateEnv */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

/**
 * The runner VM's startup script (spec §5): Docker, /runner/pool.yaml + the key, the `harness` network,
 * the drone-runner-aws container and the Docker delegate, each step reported through guest attributes.
 *
 * The script holds no secret. The key, the pool file and the delegate token are read from instance
 * metadata when it runs; install-runner deletes those metadata keys once the VM reports them consumed.
 * It is idempotent: a container already running with the same configuration (a hash label) is left
 * alone, so re-running the script, or a reboot, starts nothing new.
 */
/** Instance metadata keys the script reads. Only the startup script and the run id stay after install. */
const METADATA_KEYS = {
    startupScript: 'startup-script',
    serviceAccountKey: 'gitspaces-sa-key',
    poolYaml: 'gitspaces-pool-yaml',
    delegateToken: 'gitspaces-delegate-token',
    runId: 'gitspaces-run-id',
    /** GCE serves guest attributes only when this is TRUE (instance or project metadata). */
    enableGuestAttributes: 'enable-guest-attributes',
};
/** The keys that carry secrets and must not stay in metadata. */
const SECRET_METADATA_KEYS = [METADATA_KEYS.serviceAccountKey, METADATA_KEYS.delegateToken];
/** Guest-attribute namespace the script reports into (`gitspaces/<step>`). */
const GUEST_NAMESPACE = 'gitspaces';
/** The steps, in order, each reported as `ok[:detail]` or `failed:<reason>`. */
const BOOTSTRAP_STEPS = ['docker', 'files', 'network', 'runner', 'delegate', 'runner-health'];
const RUNNER_CONTAINER = 'gitspaces-runner';
const DELEGATE_CONTAINER = 'gitspaces-delegate';
const KEY_FILE_NAME = 'gitspaces-sa-key.json';
const RUNNER_KEY_PATH = `/runner/${KEY_FILE_NAME}`;
const HASH_LABEL = 'gitspaces.config-hash';
/** Bumped whenever the script's behaviour changes, so an old install is redone. */
const BOOTSTRAP_VERSION = '1';
const sha = (parts) => (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(parts.join('\u0000')).digest('hex');
/** A one-way fingerprint of a secret: safe to embed and compare, useless to recover it. */
function fingerprint(secret) {
    return sha(['gitspaces-fingerprint', secret]).slice(0, 16);
}
function bootstrapHashes(s) {
    const runner = sha(['runner', s.runnerImage, normalisePoolForHash(s.poolYaml), s.keyFingerprint]).slice(0, 16);
    const d = s.delegate;
    const delegate = sha([
        'delegate',
        d.name,
        d.image,
        d.tags.join(','),
        d.accountId,
        d.managerUrl,
        s.tokenFingerprint,
    ]).slice(0, 16);
    const config = sha(['config', BOOTSTRAP_VERSION, runner, delegate]).slice(0, 16);
    return { runner, delegate, config };
}
/** The module stamps `timestamp:` on every apply; it must not make an unchanged pool look changed. */
function normalisePoolForHash(text) {
    return text
        .split(/\r?\n/)
        .filter((l) => !/^timestamp:/.test(l))
        .join('\n')
        .trim();
}
/** Single-quotes a value for POSIX sh. */
function shQuote(value) {
    return `'${value.replace(/'/g, `'\\''`)}'`;
}
/** The delegate's environment apart from the token (which goes through a 0600 env file). */
function delegateEnv(d) {
    return {
        DELEGATE_NAME: d.name,
        NEXT_GEN: 'true',
        DELEGATE_TYPE: 'DOCKER',
        DEPLOY_MODE: 'KUBERNETES_ONPREM',
        ACCOUNT_ID: d.accountId,
        DELEGATE_TAGS: d.tags.join(','),
        RUNNER_URL: 'http://vm-runner:3000/',
        MANAGER_HOST_AND_PORT: d.managerUrl,
    };
}
/**
 * The script, section by section. Each section is shell text ending in a blank line; the script reports each
 * step through `report` (guest attributes) and stops at the first `fail`.
 */
function renderBootstrapScript(s) {
    return [
        scriptHeader(s),
        shellHelpers(),
        startRun(),
        dockerStep(),
        filesStep(),
        networkStep(),
        containerSteps(s),
        healthStep(),
    ].join('');
}
/** Shebang, what the script is, its settings and the hashes that say what it installs. */
function scriptHeader(s) {
    const h = bootstrapHashes(s);
    return `#!/bin/bash
# Harness Gitspaces runner VM bootstrap, generated by gitspaces install-runner (bootstrap v${BOOTSTRAP_VERSION}).
# Idempotent: safe to run again and on every boot. Holds no secrets: the service-account key, the pool
# file and the delegate token are read from instance metadata when it runs.
# Progress: guest attributes ${GUEST_NAMESPACE}/<step> = ok[:detail] | failed:<reason>.
set -u
umask 077

ROOT="\${GITSPACES_ROOT:-}"
METADATA_BASE="\${METADATA_BASE:-http://metadata.google.internal}"
RUNNER_DIR="$ROOT/runner"
STATE_DIR="$ROOT/var/lib/gitspaces"
ENV_FILE="$STATE_DIR/delegate.env"
POLL_INTERVAL="\${GITSPACES_POLL_INTERVAL:-2}"
HEALTH_ATTEMPTS="\${GITSPACES_HEALTH_ATTEMPTS:-90}"

RUNNER_IMAGE=${shQuote(s.runnerImage)}
RUNNER_HASH=${shQuote(h.runner)}
DELEGATE_IMAGE=${shQuote(s.delegate.image)}
DELEGATE_HASH=${shQuote(h.delegate)}
CONFIG_HASH=${shQuote(h.config)}
KEY_FILE=${shQuote(KEY_FILE_NAME)}

`;
}
/** log, metadata reads, progress reports, failure, and starting a container only when its hash changed. */
function shellHelpers() {
    return `log() { echo "gitspaces-bootstrap: $*"; }

md_url() { printf '%s/computeMetadata/v1/instance/%s' "$METADATA_BASE" "$1"; }

# Prints a metadata attribute; fails when it is absent.
metadata_get() { curl -sf --retry 3 --retry-delay 1 -H 'Metadata-Flavor: Google' "$(md_url "attributes/$1")"; }

report() {
  log "$1 = $2"
  curl -sf --retry 3 --retry-delay 1 -X PUT -H 'Metadata-Flavor: Google' --data-binary "$2" "$(md_url "guest-attributes/${GUEST_NAMESPACE}/$1")" >/dev/null 2>&1 || log "could not report $1"
}

fail() {
  report "$1" "failed:$2"
  report status "failed:$1"
  exit 1
}

container_running() { [ "$(docker inspect --format '{{.State.Running}}' "$1" 2>/dev/null)" = "true" ]; }
container_hash() { docker inspect --format '{{index .Config.Labels "${HASH_LABEL}"}}' "$1" 2>/dev/null; }

# ensure_container NAME HASH docker-run-args... : prints started|unchanged.
ensure_container() {
  name="$1"; hash="$2"; shift 2
  if container_running "$name" && [ "$(container_hash "$name")" = "$hash" ]; then
    echo unchanged
    return 0
  fi
  docker rm -f "$name" >/dev/null 2>&1 || true
  docker run -d --name "$name" --label "${HASH_LABEL}=$hash" "$@" >/dev/null || return 1
  echo started
}

`;
}
/** The state directory, one bootstrap at a time, every step reset to pending for this run id. */
function startRun() {
    return `mkdir -p "$RUNNER_DIR" "$STATE_DIR" || { echo "cannot create $RUNNER_DIR" >&2; exit 1; }
chmod 700 "$STATE_DIR"
if command -v flock >/dev/null 2>&1; then
  exec 9>"$STATE_DIR/bootstrap.lock"
  flock -w 600 9 || { log "another bootstrap is still running"; exit 1; }
fi

RUN_ID="$(metadata_get ${METADATA_KEYS.runId} || true)"
for step in ${BOOTSTRAP_STEPS.join(' ')} secrets-consumed status; do
  report "$step" pending
done
report run-id "\${RUN_ID:-none}"
# Whether this VM already holds the key and the delegate token (a later run may then omit them from metadata).
if [ -s "$RUNNER_DIR/$KEY_FILE" ] && [ -s "$ENV_FILE" ]; then report secrets-on-disk true; else report secrets-on-disk false; fi

`;
}
/** 1. Docker, installed from get.docker.com when missing. */
function dockerStep() {
    return `# 1. Docker
if command -v docker >/dev/null 2>&1; then
  report docker ok:present
else
  log "installing Docker from get.docker.com"
  curl -fsSL https://get.docker.com -o "$STATE_DIR/get-docker.sh" || fail docker "download of get.docker.com failed"
  sh "$STATE_DIR/get-docker.sh" >"$STATE_DIR/get-docker.log" 2>&1 || fail docker "get.docker.com install failed (see $STATE_DIR/get-docker.log)"
  command -v docker >/dev/null 2>&1 || fail docker "docker missing after install"
  report docker ok:installed
fi
docker version >/dev/null 2>&1 || fail docker "docker daemon not answering"

`;
}
/** 2. The pool file, the key and the delegate's env file from metadata (or kept from an earlier run). */
function filesStep() {
    return `# 2. Files: /runner/pool.yaml (json_path -> /runner/<key>.json), the key (0600), the delegate env file (0600)
if metadata_get ${METADATA_KEYS.poolYaml} >"$RUNNER_DIR/pool.yaml.new"; then
  sed -E "s#^([[:space:]]*json_path:[[:space:]]*).*\\$#\\1/runner/$KEY_FILE#" "$RUNNER_DIR/pool.yaml.new" >"$RUNNER_DIR/pool.yaml.tmp" || fail files "cannot rewrite pool.yaml"
  rm -f "$RUNNER_DIR/pool.yaml.new"
  chmod 644 "$RUNNER_DIR/pool.yaml.tmp"
  mv -f "$RUNNER_DIR/pool.yaml.tmp" "$RUNNER_DIR/pool.yaml"
else
  rm -f "$RUNNER_DIR/pool.yaml.new"
  [ -s "$RUNNER_DIR/pool.yaml" ] || fail files "pool.yaml is not in metadata (${METADATA_KEYS.poolYaml}) and not on disk"
  log "pool.yaml not in metadata: keeping $RUNNER_DIR/pool.yaml"
fi

if metadata_get ${METADATA_KEYS.serviceAccountKey} >"$RUNNER_DIR/$KEY_FILE.new"; then
  chmod 600 "$RUNNER_DIR/$KEY_FILE.new"
  mv -f "$RUNNER_DIR/$KEY_FILE.new" "$RUNNER_DIR/$KEY_FILE"
else
  rm -f "$RUNNER_DIR/$KEY_FILE.new"
  [ -s "$RUNNER_DIR/$KEY_FILE" ] || fail files "service-account key is not in metadata (${METADATA_KEYS.serviceAccountKey}) and not on disk"
  log "key not in metadata: keeping $RUNNER_DIR/$KEY_FILE"
fi

if DELEGATE_TOKEN_VALUE="$(metadata_get ${METADATA_KEYS.delegateToken})" && [ -n "$DELEGATE_TOKEN_VALUE" ]; then
  printf 'DELEGATE_TOKEN=%s\\n' "$DELEGATE_TOKEN_VALUE" >"$ENV_FILE.new"
  chmod 600 "$ENV_FILE.new"
  mv -f "$ENV_FILE.new" "$ENV_FILE"
else
  [ -s "$ENV_FILE" ] || fail files "delegate token is not in metadata (${METADATA_KEYS.delegateToken}) and not on disk"
  log "delegate token not in metadata: keeping $ENV_FILE"
fi
unset DELEGATE_TOKEN_VALUE
report files ok
report secrets-consumed true
report secrets-on-disk true

`;
}
/** 3. The `harness` Docker network the runner and the delegate share. */
function networkStep() {
    return `# 3. The harness network
if ! docker network inspect harness >/dev/null 2>&1; then
  docker network create harness >/dev/null || fail network "docker network create harness failed"
fi
report network ok

`;
}
/** 4-5. The runner (drone-runner-aws) and the Docker delegate. */
function containerSteps(s) {
    const envFlags = Object.entries(delegateEnv(s.delegate))
        .map(([k, v]) => `    -e ${shQuote(`${k}=${v}`)} \\`)
        .join('\n');
    return `# 4. The runner (drone-runner-aws), hostname vm-runner, port 3000
if outcome="$(ensure_container ${RUNNER_CONTAINER} "$RUNNER_HASH" \\
    --network harness --hostname vm-runner -p 3000:3000 -v "$RUNNER_DIR:/runner" \\
    --restart unless-stopped --platform linux/amd64 \\
    "$RUNNER_IMAGE" delegate --pool /runner/pool.yaml)"; then
  report runner "ok:$outcome"
else
  fail runner "docker run of $RUNNER_IMAGE failed"
fi

# 5. The delegate (account-level, Docker type); the token only through the env file
if outcome="$(ensure_container ${DELEGATE_CONTAINER} "$DELEGATE_HASH" \\
    --network harness --restart unless-stopped --cpus=1 --memory=2g \\
    --env-file "$ENV_FILE" \\
${envFlags}
    "$DELEGATE_IMAGE")"; then
  report delegate "ok:$outcome"
else
  fail delegate "docker run of $DELEGATE_IMAGE failed"
fi

`;
}
/** 6. The runner's /healthz, then the configuration hash and the final status. */
function healthStep() {
    return `# 6. The runner's /healthz
report runner-health "waiting"
attempt=0
while :; do
  attempt=$((attempt + 1))
  if [ "$(curl -sf http://localhost:3000/healthz 2>/dev/null)" = "OK" ]; then
    report runner-health ok
    break
  fi
  if [ "$attempt" -ge "$HEALTH_ATTEMPTS" ]; then
    fail runner-health "GET http://localhost:3000/healthz did not answer OK after $attempt attempts"
  fi
  sleep "$POLL_INTERVAL"
done

report config-hash "$CONFIG_HASH"
report status ok
log "done"
`;
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
async function ensureDelegateToken(harness, config, log, before, givenValue) {
    const name = config.delegate.token_name;
    const existing = await harness.getDelegateToken(name);
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
async function createBundleToken(harness, name, log) {
    if (!isBundleToken(name)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1('DELEGATE_TOKEN_NOT_FOUND', `The delegate token ${name} does not exist, and install-runner creates tokens only under names starting with ${BUNDLE_TOKEN_PREFIX} (the rule teardown uses to know which tokens are its own)`, `Set delegate.token_name to a name starting with ${BUNDLE_TOKEN_PREFIX} (install-runner creates it), or create ${name} in Harness (Account Settings -> Delegates -> Tokens) and re-run.`);
    }
    let created;
    try {
        created = await harness.createDelegateToken(name);
        log.info(`Delegate token ${name}: created (account level)`);
    }
    catch (e) {
        // A create that failed in transit (5xx, dropped connection) may have been applied: the token is read back by
        // name rather than created twice (the client does not retry a POST it cannot prove unapplied).
        if (!(0,_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .isTransient */ .dg)(e))
            throw e;
        const applied = await harness.getDelegateToken(name);
        if (applied?.status !== 'ACTIVE' || !applied.value)
            throw e;
        log.info(`Delegate token ${name}: the create answered "${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(e)}", but it was applied: token read back`);
        created = applied;
    }
    if (created.value)
        log.mask(created.value);
    return { identity: identityOf(created), created: true, value: created.value || undefined };
}
function identityOf(t) {
    return `${t.name}@${t.uuid ?? t.createdAt ?? ''}`;
}


/***/ })

};
