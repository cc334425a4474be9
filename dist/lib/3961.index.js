export const id = 3961;
export const ids = [3961];
export const modules = {

/***/ 93961:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  PHASES: () => (/* binding */ PHASES),
  main: () => (/* binding */ main),
  selectPhases: () => (/* binding */ selectPhases)
});

// EXTERNAL MODULE: ./shared/secrets.ts
var shared_secrets = __webpack_require__(35931);
// EXTERNAL MODULE: ./shared/errors.ts
var errors = __webpack_require__(32635);
// EXTERNAL MODULE: ./shared/gcp/token.ts
var token = __webpack_require__(91918);
// EXTERNAL MODULE: ./shared/report/render.ts
var render = __webpack_require__(23617);
// EXTERNAL MODULE: ./actions/registry.ts
var registry = __webpack_require__(36827);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./shared/checks/after-apply.ts
var after_apply = __webpack_require__(83753);
// EXTERNAL MODULE: ./shared/workspace.ts
var workspace = __webpack_require__(74107);
// EXTERNAL MODULE: ./shared/config/load.ts
var load = __webpack_require__(45481);
// EXTERNAL MODULE: ./shared/gcp/index.ts + 4 modules
var shared_gcp = __webpack_require__(15924);
;// CONCATENATED MODULE: ./actions/pipeline/certificates.ts
/**
 * The pipeline's wait for the certificates (CERT-101 until every region's certificate is ACTIVE), run alongside
 * install-runner and create: Google provisions a managed certificate for up to an hour after the apply, and the
 * region's gitspace URLs serve HTTPS only once it is ACTIVE. The single terraform-apply action reports CERT-101
 * once, as a warning while PROVISIONING; the pipeline, which promises working gitspaces, waits for it, without
 * holding the runner's install or the gitspaces' start back.
 */







const CERTIFICATES_TASK = 'certificates';
/**
 * `outputs` are the pipeline's collected outputs (apply's `alb-ips`), `carried` the inputs handed on
 * (configure's `infra-config-path`); `gcpCredentials` the secret as the parent read it ('' for keyless).
 */
function certificatesWait(opts) {
    const { io } = opts;
    let checks = [];
    let summary = 'not run';
    const run = async (signal) => {
        const config = await (0,load.loadConfig)(opts.input('config') ?? 'gitspaces.yaml');
        const pollMs = io.inputs.duration('poll-interval', 10_000);
        // Google: provisioning "can take up to 60 minutes after your DNS and load balancer configuration changes
        // propagate" (https://cloud.google.com/certificate-manager/docs/troubleshooting).
        const timeoutMs = io.inputs.duration('certificate-timeout', 60 * 60_000);
        const infraConfigPath = (0,external_node_path_.resolve)(opts.input('infra-config-path') || (0,workspace/* infraConfigDefaultPath */.V9)(io.env, config.terraform.working_directory));
        const setupYaml = (0,external_node_fs_.existsSync)(infraConfigPath) ? (0,external_node_fs_.readFileSync)(infraConfigPath, 'utf8') : '';
        const alb = JSON.parse(opts.outputs['alb-ips'] || '{}');
        const g = await (0,after_apply/* gateInputsFor */.Ic)(config, setupYaml, alb, () => io.clock.now());
        const gcp = opts.apis ? undefined : (0,shared_gcp.createGcp)({ keyJson: opts.gcpCredentials, env: io.env, log: io.log });
        const apis = opts.apis ?? (0,after_apply/* gcpGateApis */.xn)(gcp);
        const started = io.clock.now();
        try {
            for (;;) {
                checks = await after_apply/* CERT_101 */.i_.run(apis, g);
                const failed = checks.find((c) => c.status === 'error');
                const waiting = checks.filter((c) => c.status === 'warn');
                if (failed) {
                    summary = `${failed.title}: ${failed.observed}`;
                    return { status: 'failed', reason: `CERT-101 ${summary}. Fix: ${failed.fix}` };
                }
                if (!waiting.length) {
                    summary = checks.every((c) => c.status === 'skip')
                        ? 'no managed certificates in this configuration'
                        : `every region's certificate ACTIVE (${checks.length})`;
                    return { status: 'ok' };
                }
                summary = `${waiting.length} certificate(s) still PROVISIONING`;
                if (signal.aborted)
                    return { status: 'skipped', reason: 'stopped waiting: another phase failed' };
                if (io.clock.now() - started >= timeoutMs) {
                    const w = waiting[0];
                    return {
                        status: 'failed',
                        reason: `CERT-101 ${w.title}: still ${w.observed} after ${(0,render/* formatDuration */.a3)(timeoutMs)} (certificate-timeout). Fix: ${w.fix}`,
                    };
                }
                await io.clock.sleep(pollMs);
            }
        }
        finally {
            await gcp?.close();
        }
    };
    return {
        task: { id: CERTIFICATES_TASK, after: [opts.after], run },
        checks: () => checks,
        summary: () => summary,
    };
}

// EXTERNAL MODULE: ./actions/pipeline/overlap.ts
var overlap = __webpack_require__(55442);
// EXTERNAL MODULE: ./shared/failure.ts
var shared_failure = __webpack_require__(61820);
// EXTERNAL MODULE: ./shared/inputs.ts
var inputs = __webpack_require__(18573);
// EXTERNAL MODULE: ./actions/load.ts
var actions_load = __webpack_require__(65892);
;// CONCATENATED MODULE: ./actions/pipeline/phase-run.ts
/**
 * One pipeline run's phases: each runs the very `main` of its own action with an ActionIO of its own (inputs:
 * what the phase fixes, the secrets read once, the outputs earlier phases handed on, the caller's inputs), so the
 * pipeline and the single actions cannot drift apart. Records each phase's result, its outputs, the summaries,
 * and the run's exit code; the create phase can run one region at a time (actions/pipeline/regions.ts).
 */








/** Outputs of one phase that later phases take as inputs of the same name. */
const HANDED_ON = new Set((0,registry/* pipelinePhases */.f4)().flatMap((a) => a.handsOn ?? []));
/** The outputs of a region's create that the pipeline merges over every region before it sets them. */
const MERGED_OUTPUTS = ['gitspaces', 'url', 'ssh-command', 'gateways'];
function phaseIO(parent, source, collected, summaries, held = []) {
    const io = {
        inputs: new inputs/* Inputs */.G0(source, parent.log),
        log: parent.log,
        env: parent.env,
        clock: parent.clock,
        setOutput(name, value) {
            collected[name] = value;
            if (!held.includes(name))
                parent.setOutput(name, value);
        },
        async appendSummary(md) {
            summaries.push((0,shared_secrets/* scrubSecrets */.Z)(md));
        },
        setFailed(message) {
            io.failure = (0,shared_secrets/* scrubSecrets */.Z)(message);
        },
    };
    return io;
}
/** The details of a configuration error that are not at a place in a file (config problems are annotated there). */
function unplacedDetails(e) {
    if (!(0,errors/* isConfigurationError */.p0)(e))
        return [];
    const ce = e;
    return ce.details.filter((_, i) => !ce.locations[i]);
}
class PhaseRun {
    io;
    secrets;
    carried;
    rawSource;
    outputs = {};
    summaries = [];
    byName = new Map();
    /** Each region's gateway wait and create, when the create phase ran per region. */
    regionRecords = [];
    exitCode = 0;
    /**
     * Files a phase wrote for a later one that hold secrets (the Infra Config YAML): removed when the pipeline
     * ends, or is told to stop, unless the caller chose where they go.
     */
    cleanups = [];
    constructor(io, secrets, carried, rawSource) {
        this.io = io;
        this.secrets = secrets;
        this.carried = carried;
        this.rawSource = rawSource;
    }
    /** An input as the pipeline's own tasks read it: a secret, an output handed on, the caller's input. */
    input = (n) => this.secrets[n] ?? this.carried[n] ?? this.rawSource(n);
    cleanUp() {
        for (const c of this.cleanups)
            c();
    }
    /** Runs one phase's action and records it; a failure is annotated once and sets the exit code. */
    async phase(phase, as = {}) {
        const { io } = this;
        const name = as.name ?? phase.name;
        const source = (n) => as.inputs?.[n] ?? phase.inputs[n] ?? this.input(n);
        const collected = as.collected ?? {};
        const sub = phaseIO(io, source, collected, this.summaries, as.held);
        const started = io.clock.now();
        io.log.info(`── phase ${name} (${phase.action})`);
        let result;
        let failure;
        let code;
        try {
            const main = await (0,actions_load.loadAction)(phase.action);
            result = await main(sub);
            failure =
                sub.failure ??
                    (result.exitCode ? `${phase.action} ended with exit code ${result.exitCode}` : undefined);
            code = result.exitCode ?? 0;
        }
        catch (e) {
            // The same mapping as the bundle and the CLI (shared/failure.ts): 2 for a user's mistake, 1 otherwise.
            const o = (0,shared_failure/* outcomeOfError */.Sg)(e);
            // A configuration error's details that have no place in a file (Terraform's `Error:` blocks) belong to the
            // failure itself: the phase's message, the annotation and the summary quote them.
            failure = [o.message, ...unplacedDetails(e).filter((d) => !o.message.includes(d))].join('\n');
            code = o.exitCode;
            for (const d of o.debug)
                io.log.debug(d);
        }
        const durationMs = io.clock.now() - started;
        const phaseResult = result?.phase
            ? {
                ...result.phase,
                name,
                startedAt: started,
                durationMs,
                status: failure ? 'failed' : result.phase.status,
            }
            : {
                name,
                status: failure ? 'failed' : 'ok',
                startedAt: started,
                durationMs,
                summary: failure ?? 'done',
            };
        if (failure && !phaseResult.summary.includes(failure.split('\n')[0]))
            phaseResult.summary = `${phaseResult.summary} — ${failure.split('\n')[0]}`;
        Object.assign(this.outputs, collected);
        for (const n of HANDED_ON)
            if (collected[n])
                this.carried[n] = collected[n];
        const infraConfig = collected['infra-config-path'];
        if (infraConfig && !this.rawSource('infra-config-path'))
            this.cleanups.push((0,workspace/* removeOnExit */.o$)([infraConfig], [(0,external_node_path_.dirname)(infraConfig)]));
        if (failure) {
            io.log.error(`Phase ${name} failed: ${failure}`, { title: `gitspaces: ${name} failed` });
            this.exitCode = this.exitCode || code || 1;
        }
        else if (!this.exitCode)
            this.exitCode = code;
        this.byName.set(name, phaseResult);
        return phaseResult;
    }
    /** The create phase, one region at a time, each after its own gateway (actions/pipeline/regions.ts). */
    async createPerRegion(phase) {
        const { io } = this;
        const started = io.clock.now();
        let r;
        try {
            // Loaded when the create phase runs (it reads the config, Harness and the gateways): a run that stops on its
            // inputs never loads yaml nor the clients (test/dist/lazy-load.test.ts).
            const { createTask, runPerRegion } = await Promise.all(/* import() */[__webpack_require__.e(8815), __webpack_require__.e(2072), __webpack_require__.e(1602), __webpack_require__.e(5068)]).then(__webpack_require__.bind(__webpack_require__, 65068));
            r = await runPerRegion({
                io,
                input: this.input,
                appendSummary: (md) => void this.summaries.push((0,shared_secrets/* scrubSecrets */.Z)(md)),
                createRegion: async (region) => {
                    const collected = {};
                    const result = await this.phase(phase, {
                        name: createTask(region),
                        inputs: { regions: region },
                        held: MERGED_OUTPUTS,
                        collected,
                    });
                    return { result, collected };
                },
            });
        }
        catch (e) {
            // Before any region started (the config, the key, the infrastructure's gateway version): the phase fails.
            const o = (0,shared_failure/* outcomeOfError */.Sg)(e);
            for (const d of o.debug)
                io.log.debug(d);
            io.log.error(`Phase ${phase.name} failed: ${o.message}`, { title: `gitspaces: ${phase.name} failed` });
            this.exitCode = this.exitCode || o.exitCode || 1;
            const failed = {
                name: phase.name,
                status: 'failed',
                startedAt: started,
                durationMs: io.clock.now() - started,
                summary: o.message,
            };
            this.byName.set(phase.name, failed);
            return failed;
        }
        this.regionRecords = r.records;
        for (const [k, v] of Object.entries(r.outputs)) {
            this.outputs[k] = v;
            io.setOutput(k, v);
        }
        // Each region's failure was annotated where it happened (GW-101, a region's create): here only the exit code.
        if (r.phase.status === 'failed')
            this.exitCode = this.exitCode || 1;
        this.byName.set(phase.name, r.phase);
        return r.phase;
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./shared/terraform/plan-render.ts
var plan_render = __webpack_require__(84091);
;// CONCATENATED MODULE: ./shared/preview/model.ts
/**
 * The preview of a change to gitspaces.yaml: everything a merge would do, computed without changing anything
 * (issue 12). Each part comes from the action that would do it, in its preview mode; the pull request gets one
 * comment rendering all of it (render.ts), and the apply on push recomputes it and compares fingerprints (gate).
 */


const sha = (v) => 'sha256:' + (0,external_node_crypto_.createHash)('sha256').update((0,plan_render/* canonicalJson */.dj)(v)).digest('hex');
/**
 * The fingerprint of the whole preview: the Harness diff (field, from, to), the Terraform plan's real changes (its
 * own fingerprint), and what would happen to machines and gitspaces. A part not computed counts as such, so a
 * preview without secrets never matches one with them.
 */
function previewFingerprint(p) {
    const harness = sha(p.harness
        ? {
            action: p.harness.action,
            changes: [...p.harness.changes]
                .map((c) => ({ field: c.field, from: c.from ?? null, to: c.to ?? null }))
                .sort((a, b) => (a.field < b.field ? -1 : a.field > b.field ? 1 : 0)),
        }
        : { skipped: true });
    const terraform = sha(p.terraform
        ? { plan: p.terraform.fingerprint, module: [p.module.source, p.module.version ?? ''] }
        : { skipped: true });
    const resources = sha(p.resources
        ? [...p.resources]
            .map((r) => ({ kind: r.kind, name: r.name, action: r.action, detail: r.detail }))
            .sort((a, b) => (`${a.kind} ${a.name}` < `${b.kind} ${b.name}` ? -1 : 1))
        : { skipped: true });
    return { fingerprint: sha({ harness, terraform, resources }), harness, terraform, resources };
}
/** Which parts differ between two fingerprints, in words. */
function differingParts(a, b) {
    const out = [];
    if (a.harness !== b.harness)
        out.push('the Harness infra provider diff');
    if (a.terraform !== b.terraform)
        out.push('the Terraform plan');
    if (a.resources !== b.resources)
        out.push('the machines and gitspaces diff');
    return out;
}

// EXTERNAL MODULE: ./shared/preview/render.ts
var preview_render = __webpack_require__(79725);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: ./shared/preview/module.ts
var preview_module = __webpack_require__(66501);
;// CONCATENATED MODULE: ./actions/pipeline/preview.ts
/**
 * The pipeline's preview (mode: preview) and the review gate (mode: apply on a push event), issue 12.
 *
 * The preview runs each phase's action in its preview mode (validate without enabling APIs, configure-infra,
 * terraform-apply and create-gitspace with `mode: preview`): none of them writes to Google or Harness. Then one
 * comment on the pull request, updated in place. The gate recomputes the same preview before the run's first
 * mutating request and compares it with the fingerprint of the workflow's own comment on the pushed commit's pull
 * request.
 */








/** Checks of the apply identity's rights: the preview's read-only identity fails them by design. */
const APPLY_IDENTITY_CHECKS = {
    'IAM-001': "the permissions the module's resources need belong to the apply identity",
    'IAM-002': 'the Owner role belongs to the apply identity',
    'STATE-004': 'writing the state belongs to the apply identity',
};
function partIO(parent, source, summaries) {
    const io = {
        inputs: new inputs/* Inputs */.G0(source, parent.log),
        log: parent.log,
        env: parent.env,
        clock: parent.clock,
        setOutput: () => undefined,
        async appendSummary(md) {
            summaries.push(md);
        },
        setFailed(message) {
            io.failure = message;
        },
    };
    return io;
}
function preflightOf(checks) {
    const pf = { failed: [], warnings: [], notChecked: [] };
    for (const c of checks) {
        const apply = APPLY_IDENTITY_CHECKS[c.id];
        if (apply && (c.status === 'error' || c.status === 'warn'))
            pf.notChecked.push({ id: c.id, title: c.title, reason: apply });
        else if (c.status === 'skip')
            pf.notChecked.push({ id: c.id, title: c.title, reason: c.fix || 'skipped' });
        else if (c.status === 'error')
            pf.failed.push({ id: c.id, title: c.title, observed: c.observed, fix: c.fix });
        else if (c.status === 'warn')
            pf.warnings.push({ id: c.id, title: c.title, observed: c.observed });
    }
    return pf;
}
/** Computes the whole preview; parts without their secrets are skipped and said so. */
async function computePreview(io, secrets, rawSource) {
    const configPath = io.inputs.optional('config', 'gitspaces.yaml');
    const config = await (0,load.loadConfig)(configPath); // a bad file is exit 2 here, as in every action
    const preview = {
        key: config.infrastructure.identifier,
        config: configPath,
        configCheck: `valid: infrastructure ${config.infrastructure.name} (${config.infrastructure.domain}), ${Object.keys(config.infrastructure.regions).length} region(s), ${config.machines.length} machine(s), ${config.gitspaces.length} gitspace(s)`,
        module: (0,preview_module/* modulePin */.k3)(config, io.inputs.list('allowed-module-sources')),
        skipped: [],
    };
    const failures = [];
    const summaries = [];
    const harnessKey = secrets['harness-api-key'] || io.env.HARNESS_API_KEY || '';
    const gcpKey = secrets['gcp-credentials'] ||
        (io.env.GOOGLE_APPLICATION_CREDENTIALS && (0,external_node_fs_.existsSync)(io.env.GOOGLE_APPLICATION_CREDENTIALS) ? 'adc' : '');
    const tmp = io.env.RUNNER_TEMP || config.terraform.working_directory;
    const infraConfigPath = (0,external_node_path_.resolve)((0,external_node_path_.join)(tmp, 'gitspaces-preview-infra-config.yaml'));
    const part = async (name, action, inputs) => {
        const source = (n) => inputs[n] ?? secrets[n] ?? rawSource(n);
        const sub = partIO(io, source, summaries);
        io.log.info(`── preview: ${name} (${action})`);
        try {
            const r = await (await (0,actions_load.loadAction)(action))(sub);
            if (sub.failure && name !== 'preflight')
                throw new Error(sub.failure);
            return r;
        }
        catch (e) {
            const msg = (0,errors/* errorMessage */.gJ)(e).split('\n')[0];
            preview.skipped.push({ part: name, reason: `failed: ${msg}` });
            failures.push(`${name}: ${msg}`);
            return undefined;
        }
    };
    const noSecret = (what) => `no ${what} in this job (a pull request from a fork gets no secrets): nothing was read from ${what.includes('Harness') ? 'Harness' : 'Google'}`;
    if (!harnessKey || !gcpKey)
        preview.skipped.push({
            part: 'preflight',
            reason: noSecret(!gcpKey ? 'GCP credentials' : 'Harness API key'),
        });
    else {
        const r = await part('preflight', 'validate-prereqs', { 'enable-apis': 'false', 'fail-on': 'error' });
        if (r?.checks)
            preview.preflight = preflightOf(r.checks);
    }
    if (!harnessKey) {
        preview.skipped.push({ part: 'Harness diff', reason: noSecret('Harness API key') });
        preview.skipped.push({ part: 'machines and gitspaces', reason: noSecret('Harness API key') });
    }
    else {
        const r = await part('Harness diff', 'configure-infra', {
            mode: 'preview',
            'infra-config-path': infraConfigPath,
        });
        preview.harness = r?.preview?.harness;
    }
    if (preview.module.refused) {
        preview.skipped.push({ part: 'Terraform plan', reason: `refused: ${preview.module.refused}` });
        failures.push(`module: ${preview.module.refused}`);
    }
    else if (!gcpKey)
        preview.skipped.push({ part: 'Terraform plan', reason: noSecret('GCP credentials') });
    else if (!preview.harness)
        preview.skipped.push({
            part: 'Terraform plan',
            reason: 'no Infra Config YAML to plan with (see the Harness diff)',
        });
    else {
        const r = await part('Terraform plan', 'terraform-apply', {
            mode: 'preview',
            'infra-config-path': infraConfigPath,
            comment: 'false',
        });
        preview.terraform = r?.preview?.terraform;
    }
    if (harnessKey) {
        const r = await part('machines and gitspaces', 'create-gitspace', { mode: 'preview' });
        preview.resources = r?.preview?.resources;
    }
    await fileDiff(io, configPath, preview);
    if (preview.preflight?.failed.length)
        failures.push(`preflight: ${preview.preflight.failed.map((c) => c.id).join(', ')} fail`);
    return { preview, failures, summaries };
}
/** The event GitHub gave the job (GITHUB_EVENT_PATH), or {}. */
function readEvent(env) {
    const path = env.GITHUB_EVENT_PATH;
    if (!path || !(0,external_node_fs_.existsSync)(path))
        return {};
    try {
        return JSON.parse((0,external_node_fs_.readFileSync)(path, 'utf8'));
    }
    catch {
        return {};
    }
}
/**
 * The config file's own changes against the pull request's base commit (`pull_request.base.sha`), from the
 * checkout: what a fork's preview can show without any secret. Needs the base commit in the checkout
 * (actions/checkout with fetch-depth: 0); said when it is not there.
 */
async function fileDiff(io, configPath, preview) {
    const base = (readEvent(io.env).pull_request?.base?.sha ?? '').trim();
    if (!/^[0-9a-f]{7,40}$/.test(base))
        return;
    try {
        const dir = (0,external_node_path_.dirname)((0,external_node_path_.resolve)(configPath));
        const out = (0,external_node_child_process_.execFileSync)('git', ['diff', '--no-color', '--no-ext-diff', base, '--', (0,external_node_path_.resolve)(configPath)], {
            cwd: dir,
            encoding: 'utf8',
            stdio: ['ignore', 'pipe', 'pipe'],
            timeout: 30_000,
        });
        preview.fileDiff = out.trim() || '(no change to this file)';
        await baseModule(dir, base, configPath, preview);
    }
    catch (e) {
        preview.skipped.push({
            part: 'config file diff',
            reason: `the base commit ${base.slice(0, 12)} is not in the checkout (${(0,errors/* errorMessage */.gJ)(e).split('\n')[0]}); check out with fetch-depth: 0 to see it`,
        });
    }
}
/** The module the base commit's config names: a pull request that changes it is said at the top of the preview. */
async function baseModule(dir, base, configPath, preview) {
    let text;
    try {
        text = (0,external_node_child_process_.execFileSync)('git', ['show', `${base}:./${(0,external_node_path_.basename)(configPath)}`], {
            cwd: dir,
            encoding: 'utf8',
            stdio: ['ignore', 'pipe', 'ignore'],
            timeout: 30_000,
        });
    }
    catch {
        return; // a new file: nothing to compare with
    }
    let doc;
    try {
        const { parse } = await __webpack_require__.e(/* import() */ 8815).then(__webpack_require__.t.bind(__webpack_require__, 38815, 19));
        doc = (parse(text) ?? {});
    }
    catch {
        return;
    }
    const m = doc.terraform?.module;
    const source = m?.source ?? 'harness/harness-gitspaces/gcp';
    const version = m ? m.version : '0.0.3';
    const pin = preview.module;
    pin.base = { source, version };
    pin.changed = source !== pin.source || (version ?? '') !== (pin.version ?? '');
}

;// CONCATENATED MODULE: ./actions/pipeline/review.ts





async function github(io, token) {
    const { githubClient, splitRepository } = await Promise.all(/* import() */[__webpack_require__.e(2413), __webpack_require__.e(3997)]).then(__webpack_require__.bind(__webpack_require__, 63997));
    const review = await Promise.all(/* import() */[__webpack_require__.e(2413), __webpack_require__.e(6826)]).then(__webpack_require__.bind(__webpack_require__, 56826));
    const repository = io.env.GITHUB_REPOSITORY ?? '';
    return { octokit: githubClient(token, io.env), ...splitRepository(repository), review };
}
const author = (io) => io.inputs.optional('preview-author') || 'github-actions[bot]';
/** mode: preview. Computes the preview, posts it on the pull request (or says why not), and the summary. */
async function runPreviewMode(io, secrets, raw) {
    const startedAt = io.clock.now();
    const { preview, failures } = await computePreview(io, secrets, raw);
    const fp = previewFingerprint(preview);
    const event = readEvent(io.env);
    const { prNumberOfEvent } = await Promise.all(/* import() */[__webpack_require__.e(2413), __webpack_require__.e(6826)]).then(__webpack_require__.bind(__webpack_require__, 56826));
    const pr = prNumberOfEvent(event);
    const body = (0,preview_render/* renderPreviewComment */.K2)(preview, fp, pr ?? 0, (0,plan_render/* runUrlFromEnv */.kk)(io.env));
    io.setOutput('preview-fingerprint', fp.fingerprint);
    const outputs = { 'preview-fingerprint': fp.fingerprint };
    const token = secrets['github-token'] || io.env.GITHUB_TOKEN || '';
    let note;
    if (pr === undefined)
        note = 'Not a pull_request event: the preview is in this summary only.';
    else if (!token || !io.env.GITHUB_REPOSITORY)
        note = 'No GitHub token or repository: the preview is in this summary only.';
    else {
        try {
            const gh = await github(io, token);
            const r = await gh.review.upsertPreviewComment(gh.octokit, {
                owner: gh.owner,
                repo: gh.repo,
                pr,
                key: preview.key,
                author: author(io),
                body,
            });
            outputs['comment-url'] = r.url;
            io.setOutput('comment-url', r.url);
            note = `Preview comment ${r.action} on pull request #${pr}: ${r.url}`;
        }
        catch (e) {
            const status = e.status;
            if (status !== 403 && status !== 404)
                throw e;
            // A fork's pull request gets a read-only token: the preview stays in the job summary.
            note = `Could not comment on pull request #${pr} (${status}: ${(0,errors/* errorMessage */.gJ)(e).split('\n')[0]}; a pull request from a fork gets a read-only token): the preview is in this job summary.`;
            io.log.warning(note);
        }
    }
    io.log.info(note);
    await io.appendSummary(`${body.slice(body.indexOf('\n') + 1)}\n\n_${note}_\n`);
    if (preview.module.refused) {
        io.setOutput('failure-reason', 'module-not-allowed');
        outputs['failure-reason'] = 'module-not-allowed';
    }
    if (failures.length)
        io.setFailed(`The preview found problems: ${failures.join('; ')}`);
    const summary = [
        preview.harness ? `Harness: ${preview.harness.action}` : '',
        preview.terraform ? preview.terraform.countsLine : '',
        preview.resources
            ? `${preview.resources.filter((r) => r.action !== 'none').length} machine(s)/gitspace(s) would change`
            : '',
        preview.skipped.length ? `not previewed: ${preview.skipped.map((s) => s.part).join(', ')}` : '',
    ]
        .filter(Boolean)
        .join('; ');
    return {
        outputs,
        phase: {
            name: 'preview',
            status: failures.length ? 'failed' : 'ok',
            startedAt,
            durationMs: io.clock.now() - startedAt,
            summary: `preview: ${summary}. ${note}`,
        },
        exitCode: failures.length ? 1 : 0,
    };
}
/**
 * The gate of an apply on a push event: the pull request of GITHUB_SHA, the workflow's own preview comment on it,
 * and the same preview recomputed now. No gate outside a push event (the CLI by hand, workflow_dispatch).
 */
async function reviewGate(io, secrets, raw) {
    if (io.env.GITHUB_EVENT_NAME !== 'push')
        return {};
    const autoApprove = io.inputs.boolean('auto-approve', false);
    const sha = io.env.GITHUB_SHA ?? '';
    const token = secrets['github-token'] || io.env.GITHUB_TOKEN || '';
    const notReviewed = (why) => autoApprove
        ? { note: `⚠️ Applied without a reviewed preview (auto-approve: true): ${why}` }
        : {
            refused: {
                reason: 'not-reviewed',
                message: `not-reviewed: ${why}. Nothing was changed. Open a pull request for this change and let the preview run on it, or set auto-approve: true to apply unreviewed pushes.`,
            },
        };
    if (!sha || !token || !io.env.GITHUB_REPOSITORY)
        return notReviewed('the push has no GITHUB_SHA, GITHUB_REPOSITORY or GitHub token to find its pull request with');
    const gh = await github(io, token);
    const pulls = await gh.review.pullsOfCommit(gh.octokit, { owner: gh.owner, repo: gh.repo, sha });
    if (!pulls.length)
        return notReviewed(`commit ${sha.slice(0, 12)} has no pull request`);
    const { loadConfig } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 45481));
    const key = (await loadConfig(io.inputs.optional('config', 'gitspaces.yaml'))).infrastructure.identifier;
    const pr = pulls[0];
    const who = author(io);
    const found = await gh.review.findPreviewComment(gh.octokit, {
        owner: gh.owner,
        repo: gh.repo,
        pr: pr.number,
        key,
        author: who,
    });
    for (const o of found.ignoredOthers)
        io.log.warning(`Ignored a preview comment on #${pr.number} not written by ${who}: ${o}`);
    if (!found.found)
        return notReviewed(found.edited
            ? `the preview comment on pull request #${pr.number} was edited after ${who} wrote it (${found.edited}), so it is ignored`
            : `pull request #${pr.number} has no preview comment by ${who}${found.ignoredOthers.length ? ` (${found.ignoredOthers.length} by others ignored)` : ''}`);
    io.log.info(`Reviewed preview on pull request #${pr.number}: ${found.found.fingerprint}; recomputing it now.`);
    const now = await computePreview(io, secrets, raw);
    const fp = previewFingerprint(now.preview);
    // A module the preview refused to plan was never reviewed, whatever the fingerprints say.
    if (now.preview.module.refused)
        return notReviewed(`the preview did not plan the module (${now.preview.module.refused})`);
    // The admission names the config file's content too: the same commit read with another config is another apply.
    const { createHash } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 77598, 23));
    const { readFileSync } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 73024, 23));
    const configPath = io.inputs.optional('config', 'gitspaces.yaml');
    const config = `sha256:${createHash('sha256').update(readFileSync(configPath)).digest('hex')}`;
    const target = { owner: gh.owner, repo: gh.repo, pr: pr.number, key, author: who, sha, config };
    if (fp.fingerprint === found.found.fingerprint) {
        const recorded = await admit(io, gh, target, found.found.fingerprint);
        return {
            note: `✅ Matches the preview reviewed on pull request #${pr.number} (${found.found.url}).${recorded}`,
            planFingerprint: now.preview.terraform && !now.preview.harness?.placeholders.length
                ? now.preview.terraform.fingerprint
                : undefined,
        };
    }
    // A run of a commit the gate already admitted against this very review (a re-run after an apply was cancelled
    // or killed): the preview now shows what that run did, so it cannot match; the commit, and so the config, is
    // the one reviewed. It continues; the apply phase is not held to a recomputed plan.
    const admitted = await gh.review.findAdmission(gh.octokit, target);
    if (admitted && admitted.fingerprint === found.found.fingerprint)
        return {
            note: `↻ Continuing the apply of commit ${sha.slice(0, 12)}, admitted against the preview reviewed on pull request #${pr.number} (${admitted.url}): the preview now differs from it by what that interrupted run already did (${differingParts(fp, found.found).join(', ')}).`,
        };
    const parts = differingParts(fp, found.found);
    const rendered = (0,preview_render/* renderPreviewComment */.K2)(now.preview, fp, pr.number);
    return {
        rendered: rendered.slice(rendered.indexOf('\n') + 1),
        refused: {
            reason: 'plan-changed',
            message: `plan-changed: the preview now differs from the one reviewed on pull request #${pr.number} (${found.found.url}) in ${parts.join(', ') || 'its fingerprint'}${now.failures.length ? ` (recomputing it failed: ${now.failures.join('; ')})` : ''}. Nothing was changed. Update the pull request (or open a new one) so the preview runs again, review it, then merge.`,
        },
    };
}
/**
 * Records the admission on the pull request, so that a re-run of this commit can continue. A token that may not
 * comment (pull-requests: read) records nothing: said in the note, the apply goes on.
 */
async function admit(io, gh, t, fingerprint) {
    try {
        const url = await gh.review.recordAdmission(gh.octokit, { ...t, fingerprint }, (0,plan_render/* runUrlFromEnv */.kk)(io.env));
        return ` Admission recorded (${url}): a re-run of this commit continues this apply.`;
    }
    catch (e) {
        const why = `${e.status ?? ''} ${(0,errors/* errorMessage */.gJ)(e).split('\n')[0]}`.trim();
        io.log.warning(`Could not record the admission on pull request #${t.pr} (${why}): if this apply is interrupted, a re-run of this commit will be refused with plan-changed. Give the apply job pull-requests: write.`);
        return ' (Admission not recorded: see the warning.)';
    }
}

;// CONCATENATED MODULE: ./actions/pipeline/main.ts









/** The pipeline's phases in order, each backed by one action (actions/registry.ts). */
const PHASES = (0,registry/* pipelinePhases */.f4)().map((a) => ({
    name: a.phase,
    action: a.name,
    inputs: a.phaseInputs ?? {},
}));
/** install-runner in a per-region pipeline: the runner and the delegate only; each region waits for its own gateway. */
const INSTALL_ONLY = { inputs: { 'wait-for-gateways': 'false' } };
function selectPhases(requested) {
    if (requested.length === 0 || (requested.length === 1 && requested[0] === 'all'))
        return PHASES.map((p) => p.name);
    const known = PHASES.map((p) => p.name);
    const unknown = requested.filter((r) => !known.includes(r));
    if (unknown.length) {
        throw new errors/* ConfigurationError */.j1('INPUT_INVALID', `Unknown phase(s) in phases: ${unknown.join(', ')}`, `Use a subset of: ${known.join(', ')} (comma-separated), or all.`);
    }
    return PHASES.map((p) => p.name).filter((n) => requested.includes(n));
}
/** The certificate wait's row in the summary (when it ran), annotated when it failed. */
function certificatesRow(io, certs, records) {
    const certRecord = records.find((r) => r.id === CERTIFICATES_TASK);
    if (!certs || !certRecord || certRecord.status === 'skipped')
        return [];
    if (certRecord.status === 'failed')
        io.log.error(`Certificates: ${certRecord.reason}`, { title: 'gitspaces: certificates not ACTIVE' });
    return [
        {
            name: CERTIFICATES_TASK,
            status: certRecord.status,
            startedAt: certRecord.startedAt,
            durationMs: certRecord.finishedAt - certRecord.startedAt,
            summary: certRecord.reason ?? certs.summary(),
        },
    ];
}
/**
 * Before any phase: preview mode runs every phase's preview (one comment on the pull request, nothing written
 * elsewhere) and ends the run; apply on a push passes the review gate first, before the first mutating request
 * (issue 12). Returns the run's result when it ends here.
 */
async function previewOrGate(io, secrets, rawSource, carried) {
    // preview: every phase in its preview mode, one comment on the pull request; nothing written elsewhere.
    if (io.inputs.oneOf('mode', ['apply', 'preview'], 'apply') === 'preview') {
        const r = await runPreviewMode(io, secrets, rawSource);
        return { ...r, phases: [r.phase], alongside: [] };
    }
    // apply on a push: the gate runs before the first mutating request of the run (issue 12).
    const gate = await reviewGate(io, secrets, rawSource);
    if (gate.refused)
        return refuseUnreviewed(io, gate.refused, gate.rendered);
    // The apply phase holds its plan to the one the gate recomputed (actions/terraform-apply/modes.ts).
    if (gate.planFingerprint)
        carried['reviewed-plan-fingerprint'] = gate.planFingerprint;
    if (gate.note) {
        io.log.info(gate.note);
        await io.appendSummary(`## Gitspaces: review gate\n\n${gate.note}\n`);
    }
    return undefined;
}
/**
 * Runs the phases in order, handing each one's outputs to the next, stopping at the first failure. Each phase
 * runs the very `main` of its own action (actions/pipeline/phase-run.ts), so the pipeline and the single actions
 * cannot drift apart; the certificate wait runs alongside, and the create phase runs per region.
 */
async function main(io) {
    // One access token per credentials for the whole run, not one per phase (shared/gcp/token.ts).
    return (0,token/* withSharedTokens */.w8)(() => runPipeline(io));
}
async function runPipeline(io) {
    const rawSource = (name) => io.inputs.optional(name) || undefined;
    // Read the secrets once through the parent so they are masked before any phase starts.
    const secrets = {};
    for (const s of ['harness-api-key', 'gcp-credentials', 'github-token']) {
        const v = io.inputs.secret(s);
        if (v)
            secrets[s] = v;
    }
    const selected = selectPhases(io.inputs.list('phases'));
    const carried = {};
    const early = await previewOrGate(io, secrets, rawSource, carried);
    if (early)
        return early;
    const phases = [];
    // Each phase runs after the one before (it takes the outputs handed on); the certificate wait runs alongside
    // install-runner and create (actions/pipeline/overlap.ts). A failure skips what comes after it.
    const run = new PhaseRun(io, secrets, carried, rawSource);
    const { outputs, byName } = run;
    // Per region (issue 18): install-runner stops at the runner and the delegate, and each region's gitspaces are
    // created as soon as that region's gateway is healthy (actions/pipeline/regions.ts). Only for the config's own
    // gitspaces: one given by inputs (repo-url, name) or another action goes through the single create as before.
    const perRegion = selected.includes('install-runner') &&
        selected.includes('create') &&
        !rawSource('repo-url') &&
        !rawSource('name') &&
        (rawSource('action') ?? 'create') === 'create';
    const chain = PHASES.filter((p) => selected.includes(p.name));
    const tasks = chain.map((phase, i) => ({
        id: phase.name,
        after: i ? [chain[i - 1].name] : [],
        run: async () => {
            const r = perRegion && phase.name === 'create'
                ? await run.createPerRegion(phase)
                : await run.phase(phase, perRegion && phase.name === 'install-runner' ? INSTALL_ONLY : {});
            return r.status === 'failed' ? { status: 'failed', reason: r.summary } : { status: 'ok' };
        },
    }));
    const certs = selected.includes('apply') && selected.includes('create')
        ? certificatesWait({
            io,
            after: 'apply',
            input: run.input,
            outputs,
            gcpCredentials: secrets['gcp-credentials'] ?? '',
        })
        : undefined;
    if (certs)
        tasks.push(certs.task);
    let records;
    try {
        records = await (0,overlap/* runTasks */.e)(tasks, io.clock);
    }
    finally {
        run.cleanUp();
    }
    for (const phase of chain) {
        const r = byName.get(phase.name);
        const record = records.find((x) => x.id === phase.name);
        phases.push(r ?? {
            name: phase.name,
            status: 'skipped',
            startedAt: record?.startedAt ?? io.clock.now(),
            durationMs: 0,
            summary: record?.reason ?? 'not run: an earlier phase failed',
        });
    }
    const alongside = [...run.regionRecords, ...certificatesRow(io, certs, records)];
    let exitCode = run.exitCode;
    if (alongside.some((p) => p.status === 'failed'))
        exitCode = exitCode || 1;
    const failed = phases.find((p) => p.status === 'failed') ?? alongside.find((p) => p.status === 'failed');
    const verdict = failed ? `❌ Stopped at ${failed.name}.` : `✅ ${phases.length} phase(s) completed.`;
    io.setOutput('phases', JSON.stringify(phases.map(({ name, status, durationMs, summary }) => ({ name, status, durationMs, summary }))));
    // What failed and its fix first, then the phases and the timeline, then each phase's details.
    await io.appendSummary((0,shared_secrets/* scrubSecrets */.Z)((0,render/* renderPipelineMarkdown */.Kn)(verdict, phases, run.summaries, alongside)));
    // The failed phase was annotated above; the result's exit code fails the step without a second annotation.
    const total = phases.reduce((a, p) => a + p.durationMs, 0);
    return {
        outputs: { ...outputs, phases: JSON.stringify(phases) },
        phase: {
            name: 'pipeline',
            status: failed ? 'failed' : 'ok',
            startedAt: phases[0]?.startedAt ?? io.clock.now(),
            durationMs: total,
            summary: verdict,
        },
        phases,
        alongside,
        exitCode: failed ? exitCode || 1 : 0,
    };
}
/** The gate refused: failure-reason, the summary (what differs, the preview as it is now), exit code 1. */
async function refuseUnreviewed(io, refused, rendered) {
    io.setOutput('failure-reason', refused.reason);
    await io.appendSummary(`## Gitspaces: apply refused (${refused.reason})\n\n**❌ ${refused.message}**\n${rendered ? `\n<details><summary>The preview as it is now</summary>\n\n${rendered}\n\n</details>\n` : ''}`);
    io.log.error(refused.message, { title: `gitspaces: ${refused.reason}` });
    const now = io.clock.now();
    const phase = {
        name: 'gate',
        status: 'failed',
        startedAt: now,
        durationMs: 0,
        summary: refused.message,
    };
    return {
        outputs: { 'failure-reason': refused.reason },
        phase,
        phases: [phase],
        alongside: [],
        exitCode: 1,
    };
}


/***/ }),

/***/ 55442:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ runTasks)
/* harmony export */ });
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(32635);

/** Runs the tasks, each as soon as its prerequisites succeeded; records in the order the tasks were given. */
async function runTasks(tasks, clock) {
    const ids = new Set(tasks.map((t) => t.id));
    for (const t of tasks) {
        const unknown = t.after.filter((d) => !ids.has(d));
        if (unknown.length)
            throw new Error(`Task ${t.id} comes after unknown task(s): ${unknown.join(', ')}`);
    }
    const records = new Map();
    const running = new Map();
    const failure = new AbortController();
    const settle = () => {
        let progress = true;
        while (progress) {
            progress = false;
            for (const t of tasks) {
                if (records.has(t.id) || running.has(t.id))
                    continue;
                const blocker = t.after.map((d) => records.get(d)).find((r) => r && r.status !== 'ok');
                if (blocker) {
                    const now = clock.now();
                    records.set(t.id, {
                        id: t.id,
                        status: 'skipped',
                        startedAt: now,
                        finishedAt: now,
                        reason: `not run: ${blocker.id} ${blocker.status === 'failed' ? 'failed' : 'did not run'}`,
                    });
                    progress = true;
                    continue;
                }
                if (!t.after.every((d) => records.get(d)?.status === 'ok'))
                    continue;
                running.set(t.id, start(t));
            }
        }
    };
    const start = async (t) => {
        const startedAt = clock.now();
        let record;
        try {
            const r = await t.run(failure.signal);
            record =
                r.status === 'ok'
                    ? { id: t.id, status: 'ok', startedAt, finishedAt: clock.now() }
                    : { id: t.id, status: r.status, startedAt, finishedAt: clock.now(), reason: r.reason };
        }
        catch (e) {
            record = { id: t.id, status: 'failed', startedAt, finishedAt: clock.now(), reason: (0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(e) };
        }
        records.set(t.id, record);
        running.delete(t.id);
        if (record.status === 'failed')
            failure.abort(new Error(`${t.id} failed`));
        settle();
    };
    settle();
    while (running.size)
        await Promise.race(running.values());
    const stuck = tasks.filter((t) => !records.has(t.id)).map((t) => t.id);
    if (stuck.length)
        throw new Error(`Tasks that wait on each other (a cycle): ${stuck.join(', ')}`);
    return tasks.map((t) => records.get(t.id));
}


/***/ }),

/***/ 66501:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ck: () => (/* binding */ PINNED_MODULE),
/* harmony export */   k3: () => (/* binding */ modulePin)
/* harmony export */ });
/* unused harmony export TRUSTED_MODULE_SOURCES */
/** The module the bundle pins by default (shared/config/schema.ts) and the sources it trusts. */
const PINNED_MODULE = { source: 'harness/harness-gitspaces/gcp', version: '0.0.3' };
const TRUSTED_MODULE_SOURCES = [
    'harness/harness-gitspaces/gcp',
    'registry.terraform.io/harness/harness-gitspaces/gcp',
    'github.com/harness/terraform-gcp-harness-gitspaces',
    'git::https://github.com/harness/terraform-gcp-harness-gitspaces.git',
];
/** The config's module against the bundle's pin and the allow-list (trusted sources + `allowed-module-sources`). */
function modulePin(config, allowed) {
    const { source, version } = config.terraform.module;
    const list = [...TRUSTED_MODULE_SOURCES, ...allowed];
    // A git source may carry `?ref=` and a `//subdir`: the repository part is what is trusted.
    const noRef = source.split('?')[0];
    const schemeEnd = noRef.indexOf('://');
    const sub = noRef.indexOf('//', schemeEnd >= 0 ? schemeEnd + 3 : 0);
    const repoPart = sub >= 0 ? noRef.slice(0, sub) : noRef;
    const ok = list.includes(source) || list.includes(repoPart);
    return {
        source,
        version,
        pinnedSource: PINNED_MODULE.source,
        pinnedVersion: PINNED_MODULE.version,
        changed: source !== PINNED_MODULE.source || (version ?? '') !== PINNED_MODULE.version,
        ...(ok
            ? {}
            : {
                refused: `module source ${JSON.stringify(source)} is not in the allow-list (${list.join(', ')}): a preview does not run a module it does not trust with the project's credentials`,
            }),
    };
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
