export const id = 3783;
export const ids = [3783];
export const modules = {

/***/ 33783:
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
// EXTERNAL MODULE: ./shared/retry.ts
var retry = __webpack_require__(42372);
// EXTERNAL MODULE: ./shared/checks/types.ts
var types = __webpack_require__(22779);
;// CONCATENATED MODULE: ./shared/runner/gates.ts

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
            return 'The VM could not read the pool file, key or delegate token from its metadata: re-run install-runner (it writes them again). If the delegate token was created earlier, pass it as `delegate-token` or choose a new delegate.token_name.';
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








const GATES = {
    runner: { id: 'RUN-101', title: 'Runner VM bootstrapped and its /healthz answers OK' },
    delegate: {
        id: 'DLG-101',
        title: 'Delegate actively connected with the selector the infrastructure expects',
    },
    gateway: {
        id: 'GW-101',
        title: "Every region's gateway reports overall_health healthy at the expected version",
    },
};
/** `<infra name>-<runner region>-runner-vm`, the post-0.0.3 module's runner VM, unless the config names one. */
function runnerVmName(config, override) {
    return (override ||
        config.infrastructure.runner.vm_name ||
        `${config.infrastructure.name}-${config.infrastructure.runner.region}-runner-vm`);
}
function selectorsOf(infra) {
    const raw = infra?.metadata?.delegate_selectors;
    return (Array.isArray(raw) ? raw : [])
        .map((s) => (typeof s?.selector === 'string' ? s.selector : ''))
        .filter(Boolean);
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
async function installRunner(o) {
    const { config, compute, harness, log, clock } = o;
    const project = config.gcp.project_id;
    const zone = config.infrastructure.runner.zone;
    const name = runnerVmName(config, o.vmName);
    const infraId = config.infrastructure.identifier;
    const d = config.delegate;
    const changes = [];
    const checks = [];
    const secrets = {
        written: false,
        consumed: false,
        removed: false,
        note: 'No secret was written to instance metadata (nothing to install).',
    };
    const result = {
        vm: { project, zone, name },
        installed: false,
        changes,
        secrets,
        checks,
        gateways: [],
        runnerHealthy: false,
        delegateName: d.name,
        configHash: '',
    };
    // ---- everything is read and checked before the first change ----
    const pool = rewritePoolYaml(o.poolYaml, bootstrap/* RUNNER_KEY_PATH */.Pe, o.poolYamlSource);
    for (const p of pool.originalJsonPaths.filter((p) => p !== bootstrap/* RUNNER_KEY_PATH */.Pe))
        log.info(`pool.yaml: json_path ${p} -> ${bootstrap/* RUNNER_KEY_PATH */.Pe} (the runner container only sees /runner)`);
    const vm = await compute.getInstance(project, zone, name);
    if (!vm) {
        throw new errors/* ConfigurationError */.j1('RUNNER_VM_NOT_FOUND', `The runner VM ${name} does not exist in ${project}/${zone}`, config.terraform.module.generation === 'v0.0.3'
            ? 'Module v0.0.3 creates no runner VM: create an Ubuntu VM in the runner zone and set infrastructure.runner.vm_name, or pin a post-0.0.3 module with create_runner_vm: true.'
            : 'Run terraform-apply with terraform.create_runner_vm: true (the module creates <name>-<region>-runner-vm), or set infrastructure.runner.vm_name to your VM.');
    }
    if (vm.status && vm.status !== 'RUNNING') {
        throw new errors/* ConfigurationError */.j1('RUNNER_VM_NOT_RUNNING', `The runner VM ${name} is ${vm.status}`, `Start it (gcloud compute instances start ${name} --zone ${zone}) and re-run install-runner.`);
    }
    log.info(`Runner VM: ${name} (${zone}, ${vm.status ?? 'status unknown'})`);
    const infra = await harness.getInfraProvider(infraId);
    if (!infra)
        throw new errors/* ConfigurationError */.j1('INFRA_NOT_FOUND', `The Harness infrastructure ${infraId} does not exist`, 'Run configure-infra first (it creates the infrastructure and its setup YAML).');
    const expectedVersion = o.gatewayVersion || setupYamlGatewayVersion(infra);
    let before;
    try {
        before = parseProgress(await compute.getGuestAttributes(project, zone, name, `${bootstrap/* GUEST_NAMESPACE */.Nh}/`));
    }
    catch (e) {
        // Guest attributes are off until enable-guest-attributes is set (below): nothing was installed by us yet.
        log.debug(`No guest attributes on ${name} yet: ${(0,errors/* errorMessage */.gJ)(e)}`);
        before = parseProgress({});
    }
    // ---- the delegate token: reuse the named one, or create it ----
    const existing = (await harness.listDelegateTokens(d.token_name)).find((t) => t.name === d.token_name);
    let tokenValue = o.delegateToken || undefined;
    let tokenIdentity;
    if (existing && existing.status !== 'ACTIVE') {
        throw new errors/* ConfigurationError */.j1('DELEGATE_TOKEN_REVOKED', `The delegate token ${d.token_name} is ${existing.status}`, 'Set delegate.token_name to a new name (a revoked token cannot be reused or recreated under its name).');
    }
    if (existing) {
        tokenIdentity = `${existing.name}@${existing.uuid ?? existing.createdAt ?? ''}`;
        log.info(`Delegate token ${d.token_name}: exists, reused`);
    }
    else {
        const created = await harness.createDelegateToken(d.token_name);
        if (created.value)
            log.mask(created.value);
        tokenValue = created.value;
        tokenIdentity = `${created.name}@${created.uuid ?? created.createdAt ?? ''}`;
        changes.push(`created delegate token ${d.token_name}`);
        log.info(`Delegate token ${d.token_name}: created (account level)`);
    }
    if (tokenValue)
        log.mask(tokenValue);
    if (!tokenValue && !before.secretsConsumed && !before.secretsOnDisk) {
        throw new errors/* ConfigurationError */.j1('DELEGATE_TOKEN_VALUE_UNAVAILABLE', `The delegate token ${d.token_name} exists, but Harness returns a token's value only when it is created, and this VM has no copy of it yet`, `Pass the token's value as the \`delegate-token\` input (from a secret), or set delegate.token_name to a new name so install-runner creates one.`);
    }
    // ---- the infra's delegate selectors ----
    let selectors = selectorsOf(infra);
    const delegateLabels = new Set([...d.tags, d.name]);
    const selectorsMatch = selectors.length > 0 && selectors.every((s) => delegateLabels.has(s));
    if (!selectorsMatch && o.manageDelegateSelector) {
        const wanted = d.tags.map((selector) => ({ selector }));
        await harness.updateInfraProvider(infraId, {
            identifier: infra.identifier ?? infraId,
            name: infra.name ?? config.infrastructure.name,
            space_ref: '',
            type: infra.type ?? 'hybrid_vm_gcp',
            metadata: { ...(infra.metadata ?? {}), delegate_selectors: wanted },
        });
        changes.push(`set the infrastructure's delegate selectors to ${d.tags.join(', ')} (were ${selectors.join(', ') || 'none'})`);
        log.info(`Infrastructure ${infraId}: delegate selectors ${selectors.join(', ') || '(none)'} -> ${d.tags.join(', ')}`);
        selectors = [...d.tags];
    }
    else if (!selectorsMatch) {
        log.warning(`Infrastructure ${infraId} selects delegates [${selectors.join(', ') || 'none'}], which the delegate's tags [${d.tags.join(', ')}] do not match; manage-delegate-selector is off, so it is left as is.`);
    }
    // ---- the script and the decision to install ----
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
        tokenFingerprint: (0,bootstrap/* fingerprint */.Rj)(tokenIdentity),
    };
    const script = (0,bootstrap/* renderBootstrapScript */.qh)(settings);
    const hashes = (0,bootstrap/* bootstrapHashes */.Hh)(settings);
    result.configHash = hashes.config;
    const currentScript = vm.metadata?.items?.find((i) => i.key === bootstrap/* METADATA_KEYS */.L3.startupScript)?.value;
    let healthyAlready = false;
    if (!o.force &&
        before.configHash === hashes.config &&
        before.status === 'ok' &&
        before.runnerHealth === 'ok' &&
        currentScript === script) {
        const groups = await harness.delegateGroupsForToken(d.token_name);
        healthyAlready = groups.some((g) => g.groupName === d.name && g.activelyConnected);
        if (!healthyAlready)
            log.info('The VM reports this configuration installed, but its delegate is not connected: installing again.');
    }
    let runId;
    const removeSecrets = async (why) => {
        if (!secrets.written || secrets.removed)
            return;
        await compute.setInstanceMetadata(project, zone, name, bootstrap/* SECRET_METADATA_KEYS */.SG.map((key) => ({ key, value: null })));
        secrets.removed = true;
        secrets.note = why;
        log.info(why);
    };
    let failure;
    const gate = async (def, expected, run, fixFor) => {
        const started = clock.now();
        if (failure) {
            checks.push({
                id: def.id,
                title: def.title,
                status: 'skip',
                observed: 'not checked',
                expected,
                fix: `${failure.gate} failed first`,
                docUrl: (0,types/* docUrlFor */.B_)(def.id),
                durationMs: 0,
            });
            return undefined;
        }
        try {
            const r = await run();
            checks.push({
                id: def.id,
                title: def.title,
                status: 'ok',
                observed: r.observed,
                expected,
                fix: '',
                docUrl: (0,types/* docUrlFor */.B_)(def.id),
                durationMs: clock.now() - started,
            });
            return r.value;
        }
        catch (e) {
            if (!(e instanceof errors/* WaitTimeoutError */.Do))
                throw e;
            const fix = e.fix ?? fixFor(e.lastState);
            failure = { gate: def.id, title: def.title, lastState: e.lastState, fix };
            checks.push({
                id: def.id,
                title: def.title,
                status: 'error',
                observed: `${e.lastState} (after ${Math.round(e.waitedMs / 1000)}s)`,
                expected,
                fix,
                docUrl: (0,types/* docUrlFor */.B_)(def.id),
                durationMs: clock.now() - started,
            });
            log.error(`${def.id} ${def.title}: failed. Last state: ${e.lastState}. Fix: ${fix}`);
            return undefined;
        }
    };
    try {
        if (healthyAlready) {
            log.info(`The VM already runs this configuration (config hash ${hashes.config}) with a healthy runner and a connected delegate: nothing to change.`);
            result.progress = before;
        }
        else {
            runId = `${clock.now().toString(36)}-${(0,external_node_crypto_.randomBytes)(3).toString('hex')}`;
            const items = [
                { key: bootstrap/* METADATA_KEYS */.L3.startupScript, value: script },
                { key: bootstrap/* METADATA_KEYS */.L3.poolYaml, value: pool.text },
                { key: bootstrap/* METADATA_KEYS */.L3.serviceAccountKey, value: o.serviceAccountKey },
                { key: bootstrap/* METADATA_KEYS */.L3.runId, value: runId },
                { key: bootstrap/* METADATA_KEYS */.L3.enableGuestAttributes, value: 'TRUE' },
            ];
            if (tokenValue)
                items.push({ key: bootstrap/* METADATA_KEYS */.L3.delegateToken, value: tokenValue });
            else
                log.info(`The token's value is not readable from Harness; the VM keeps the copy it consumed earlier.`);
            // Counted as written before the call: a failure after Compute applied it must still end with the removal.
            secrets.written = true;
            await compute.setInstanceMetadata(project, zone, name, items);
            changes.push(`wrote the bootstrap script (config hash ${hashes.config}) and the pool file, key${tokenValue ? ' and delegate token' : ''} into the VM's metadata`);
            log.info(`Wrote the startup script and its inputs into ${name}'s metadata; resetting the VM to run it (run ${runId}).`);
            await compute.resetInstance(project, zone, name);
            changes.push(`reset ${name} to run the bootstrap`);
            result.installed = true;
        }
        // RUN-101: follow the bootstrap step by step, remove the secrets once consumed, then /healthz.
        const printed = new Map();
        let failedStep;
        let lastWaiting = '';
        const progress = await gate(GATES.runner, 'every bootstrap step ok and GET /healthz = OK', async () => {
            const p = await (0,retry/* waitFor */.fm)(async () => {
                const cur = parseProgress(await compute.getGuestAttributes(project, zone, name, `${bootstrap/* GUEST_NAMESPACE */.Nh}/`));
                result.progress = cur;
                if (!runId || cur.runId === runId) {
                    for (const s of [...bootstrap/* BOOTSTRAP_STEPS */.ZK, 'secrets-consumed']) {
                        const v = s === 'secrets-consumed' ? (cur.secretsConsumed ? 'true' : undefined) : cur.steps[s];
                        if (v && v !== 'pending' && printed.get(s) !== v) {
                            printed.set(s, v);
                            log.info(`  ${name}: ${s} = ${v}`);
                        }
                    }
                    if (cur.secretsConsumed && runId) {
                        secrets.consumed = true;
                        await removeSecrets('The VM reported the key and the delegate token consumed (on its disk, mode 0600): removed them from instance metadata.');
                    }
                }
                const obs = observeRunner(cur, runId);
                failedStep = obs.failedStep;
                if (runId && cur.runId !== runId && obs.state !== lastWaiting)
                    log.info(`  ${name}: ${obs.state}`);
                lastWaiting = obs.state;
                return obs;
            }, {
                describe: `${name} bootstrap`,
                deadlineMs: o.timeouts.runnerMs,
                intervalMs: o.pollIntervalMs,
                clock,
            });
            return { observed: `bootstrap ok on ${name}, GET /healthz = OK`, value: p };
        }, (last) => failedStep
            ? fixForStep(failedStep, name, zone)
            : last.startsWith('VM rebooting')
                ? `The VM never reported from the bootstrap script: check it booted (\`gcloud compute instances get-serial-port-output ${name} --zone ${zone}\`), that it can reach the metadata server, and the script's log (\`sudo journalctl -u google-startup-scripts\` over IAP SSH); then re-run install-runner, with a longer runner-timeout if the VM is slow to boot.`
                : `The bootstrap was still running (${last}). Raise runner-timeout if the VM is slow (installing Docker takes minutes on a fresh VM). ${fixForStep('runner-health', name, zone)}`);
        result.runnerHealthy = progress !== undefined;
        // DLG-101
        await gate(GATES.delegate, `delegate ${d.name} actively connected, tagged with the infrastructure's selectors`, async () => {
            const g = await (0,retry/* waitFor */.fm)(async () => {
                const current = selectorsOf(await harness.getInfraProvider(infraId));
                selectors = current;
                return observeDelegate(await harness.delegateGroupsForToken(d.token_name), d.name, d.token_name, current);
            }, {
                describe: GATES.delegate.id,
                deadlineMs: o.timeouts.delegateMs,
                intervalMs: o.pollIntervalMs,
                clock,
                log,
            });
            return {
                observed: `${g.groupName} connected with tags ${g.tags.join(', ')}; infrastructure selects ${selectors.join(', ')}`,
                value: g,
            };
        }, (last) => /infrastructure selects|no delegate selector/.test(last)
            ? `Make the infrastructure's Delegate Selector one of the delegate's tags or its name: set delegate.tags in gitspaces.yaml to include ${selectors.map((s) => `'${s}'`).join(', ') || 'the selector'}, or re-run with manage-delegate-selector: true to set the infrastructure's selectors to [${d.tags.join(', ')}].`
            : `The delegate has not connected to ${o.managerUrl}: check the VM reaches it over HTTPS (Cloud NAT), that the token ${d.token_name} is active, and read \`gcloud compute ssh ${name} --zone ${zone} --tunnel-through-iap -- sudo docker logs gitspaces-delegate\`.`);
        // GW-101
        const regions = Object.keys(config.infrastructure.regions);
        let lastViews = [];
        await gate(GATES.gateway, `${regions.join(', ')}: overall_health healthy${expectedVersion ? `, version ${expectedVersion}` : ''}`, async () => {
            const views = await (0,retry/* waitFor */.fm)(async () => {
                const obs = observeGateways(await harness.listGateways(infraId), regions, expectedVersion);
                lastViews = obs.views;
                return obs;
            }, {
                describe: GATES.gateway.id,
                deadlineMs: o.timeouts.gatewayMs,
                intervalMs: o.pollIntervalMs,
                clock,
                log,
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
        result.gateways = lastViews;
    }
    finally {
        if (secrets.written && !secrets.removed) {
            try {
                await removeSecrets(secrets.consumed
                    ? 'Removed the key and the delegate token from instance metadata.'
                    : 'Removed the key and the delegate token from instance metadata although the VM never reported them consumed: the VM has no copy; re-run install-runner once it boots.');
            }
            catch (e) {
                secrets.note = `COULD NOT remove the key and the delegate token from ${name}'s metadata (${(0,errors/* errorMessage */.gJ)(e)}): delete the keys ${bootstrap/* SECRET_METADATA_KEYS */.SG.join(', ')} by hand.`;
                log.error(secrets.note);
            }
        }
        else if (!secrets.written) {
            secrets.note = 'No secret was written to instance metadata: the VM already had this configuration.';
        }
    }
    result.failure = failure;
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
async function main(io, deps = {}) {
    const startedAt = io.clock.now();
    const inp = io.inputs;
    // Secrets first: masked before anything else can print them.
    const gcpCredentials = inp.secret('gcp-credentials');
    const apiKey = (0,client/* readHarnessApiKey */.In)(io);
    const explicitKey = inp.secret('runner-key');
    const delegateToken = inp.secret('delegate-token');
    const config = deps.config ?? (await (0,load/* loadConfig */.Z)(inp.optional('config', 'gitspaces.yaml')));
    const poolPath = inp.optional('pool-yaml-path') || (0,external_node_path_.join)(config.terraform.working_directory, 'pool.yaml');
    const timeouts = {
        runnerMs: inp.duration('runner-timeout', 10 * 60_000),
        delegateMs: inp.duration('delegate-timeout', 5 * 60_000),
        gatewayMs: inp.duration('gateway-timeout', 10 * 60_000),
    };
    const pollIntervalMs = inp.duration('poll-interval', 10_000);
    const manageDelegateSelector = inp.boolean('manage-delegate-selector', true);
    const force = inp.boolean('force', false);
    const gatewayVersion = inp.optional('gateway-version') || undefined;
    const vmName = inp.optional('vm-name') || undefined;
    if (!(0,external_node_fs_.existsSync)(poolPath)) {
        throw new errors/* ConfigurationError */.j1('POOL_YAML_MISSING', `No pool file at ${poolPath}`, 'Run terraform-apply first and pass its `pool-yaml-path` output (the module writes pool.yaml in the Terraform working directory).');
    }
    const poolYaml = (0,external_node_fs_.readFileSync)(poolPath, 'utf8');
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
            vmName,
            manageDelegateSelector,
            force,
            gatewayVersion,
            timeouts,
            pollIntervalMs,
        }));
    }
    finally {
        await gcp?.close();
    }
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
/** docs/troubleshooting.md has an anchor per check id (test/docs/troubleshooting.test.ts holds it to that). */
const DOC_BASE = 'https://github.com/gitspaces-dev/gitspaces-actions/blob/main/docs/troubleshooting.md';
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
    async listDelegateTokens(name) {
        const r = await this.must('GET', `${this.ng}/delegate-token-ng`, { query: this.ngQuery({ name }) });
        return r?.resource ?? [];
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
function renderBootstrapScript(s) {
    const h = bootstrapHashes(s);
    const envFlags = Object.entries(delegateEnv(s.delegate))
        .map(([k, v]) => `    -e ${shQuote(`${k}=${v}`)} \\`)
        .join('\n');
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

log() { echo "gitspaces-bootstrap: $*"; }

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

mkdir -p "$RUNNER_DIR" "$STATE_DIR" || { echo "cannot create $RUNNER_DIR" >&2; exit 1; }
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

# 1. Docker
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

# 2. Files: /runner/pool.yaml (json_path -> /runner/<key>.json), the key (0600), the delegate env file (0600)
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

# 3. The harness network
if ! docker network inspect harness >/dev/null 2>&1; then
  docker network create harness >/dev/null || fail network "docker network create harness failed"
fi
report network ok

# 4. The runner (drone-runner-aws), hostname vm-runner, port 3000
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

# 6. The runner's /healthz
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


/***/ })

};
