export const id = 4291;
export const ids = [4291];
export const modules = {

/***/ 16567:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   terraformForTeardown: () => (/* binding */ terraformForTeardown)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _shared_inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(18573);
/* harmony import */ var _shared_terraform_cli_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(25487);
/* harmony import */ var _shared_terraform_state_run_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(45760);





/**
 * `terraform destroy` evaluates the module's variables again: the key file and the Infra Config YAML that
 * the apply named in terraform.tfvars.json must exist. A teardown in a later job (or after the apply removed
 * its key copy) writes them back from the credentials and from Harness, and removes what it wrote.
 */
function prepareVariableFiles(io, dir, keyJson, setupYaml) {
    const written = [];
    const tfvarsPath = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'terraform.tfvars.json');
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(tfvarsPath))
        return () => { };
    let vars;
    try {
        vars = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(tfvarsPath, 'utf8'));
    }
    catch {
        return () => { };
    }
    const put = (path, text, what) => {
        if (typeof path !== 'string' || !path || (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(dir, path)))
            return;
        if (!text) {
            io.log.warning(`${what} ${path} (named in terraform.tfvars.json) is missing and cannot be recreated; terraform destroy may fail.`);
            return;
        }
        const full = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(dir, path);
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(full), { recursive: true, mode: 0o700 });
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(full, text, { mode: 0o600 });
        written.push(full);
    };
    let key = keyJson;
    if (key && !key.trim().startsWith('{') && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(key))
        key = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(key, 'utf8');
    if (!key && io.env.GOOGLE_APPLICATION_CREDENTIALS && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(io.env.GOOGLE_APPLICATION_CREDENTIALS))
        key = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(io.env.GOOGLE_APPLICATION_CREDENTIALS, 'utf8');
    if (key)
        (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .maskSecret */ .$l)(io.log, key);
    put(vars.service_account_key_file, key || undefined, 'The service-account key file');
    put(vars.infra_config_yaml_file, setupYaml(), 'The Infra Config YAML');
    return () => {
        for (const f of written)
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(f, { force: true });
    };
}
/**
 * Terraform in the working directory the apply used; nothing there means nothing to destroy from here.
 * `setupYaml` is read lazily: destroy may need the Infra Config YAML written back from Harness.
 */
function terraformForTeardown(io, config, dir, keyJson, setupYaml) {
    // With remote state (the default) a teardown in its own job writes the root again and destroys through it.
    const hasConfig = ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(dir) && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(dir).some((f) => f.endsWith('.tf') || f.endsWith('.tf.json'))) ||
        (0,_shared_terraform_state_run_js__WEBPACK_IMPORTED_MODULE_4__.writeRootForRemoteState)(dir, config, io.env);
    if (!hasConfig)
        return {
            terraformMissing: `no Terraform configuration in ${dir}: nothing to destroy from here (set working-directory, or run teardown where terraform-apply ran or with its remote backend)`,
            terraformInitialised: false,
        };
    const cli = new _shared_terraform_cli_js__WEBPACK_IMPORTED_MODULE_3__/* .TerraformCli */ .rG({
        binary: config.terraform.binary,
        cwd: dir,
        env: (0,_shared_terraform_state_run_js__WEBPACK_IMPORTED_MODULE_4__.terraformEnvForRoot)({ ...process.env, ...io.env }, dir),
        log: io.log,
        lockTimeout: config.terraform.lock_timeout,
    });
    const backendConfig = config.terraform.backend
        ? Object.fromEntries(Object.entries(config.terraform.backend.config).map(([k, v]) => [k, String(v)]))
        : {};
    return {
        terraformInitialised: (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, '.terraform')),
        terraform: {
            init: () => cli.init(backendConfig),
            exec: (args, opts) => cli.exec(args, opts),
            destroy: async () => {
                const cleanup = prepareVariableFiles(io, dir, keyJson, setupYaml);
                try {
                    await cli.destroy();
                }
                finally {
                    cleanup();
                }
            },
        },
    };
}


/***/ }),

/***/ 11037:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FD: () => (/* binding */ describeLock),
/* harmony export */   Qy: () => (/* binding */ backendWarnings),
/* harmony export */   TW: () => (/* binding */ STATE_BUCKET_SUFFIX),
/* harmony export */   Te: () => (/* binding */ defaultStatePrefix),
/* harmony export */   Vs: () => (/* binding */ forceUnlockCommand),
/* harmony export */   _h: () => (/* binding */ stateBackend),
/* harmony export */   vP: () => (/* binding */ defaultStateBucket)
/* harmony export */ });
/**
 * Where Terraform keeps the state. A GitHub Actions job starts on a fresh runner, so state kept in the work tree
 * is gone when the job ends: the next job would plan to create everything again. With no `terraform.backend`
 * (or `backend: {type: gcs}` without a bucket), the root uses the `gcs` backend in a bucket of the project:
 *
 * - bucket `<gcp.project_id>-gitspaces-tfstate` (STATE_BUCKET_SUFFIX);
 * - prefix `gitspaces/<infrastructure.identifier>`, so that several infrastructures can share the bucket; the
 *   backend stores `<prefix>/<workspace>.tfstate` and locks with `<prefix>/<workspace>.tflock`.
 *
 * `backend: {type: local}` opts out (a warning in GitHub Actions); any other backend type is passed through with
 * its `config` as written.
 */
const STATE_BUCKET_SUFFIX = '-gitspaces-tfstate';
function defaultStateBucket(projectId) {
    return `${projectId}${STATE_BUCKET_SUFFIX}`;
}
function defaultStatePrefix(identifier) {
    return `gitspaces/${identifier}`;
}
function stateBackend(config) {
    const b = config.terraform.backend ?? { type: 'gcs', config: {}, create_bucket: false };
    if (b.type !== 'gcs')
        return { type: b.type, config: { ...b.config }, createBucket: false };
    const bucket = typeof b.config.bucket === 'string' && b.config.bucket ? b.config.bucket : undefined;
    const prefix = typeof b.config.prefix === 'string' ? b.config.prefix : undefined;
    const effective = {
        bucket: bucket ?? defaultStateBucket(config.gcp.project_id),
        prefix: prefix ?? defaultStatePrefix(config.infrastructure.identifier),
    };
    return {
        type: 'gcs',
        config: { ...b.config, ...effective },
        ...effective,
        derivedBucket: bucket === undefined,
        createBucket: b.create_bucket,
    };
}
/** Local state in GitHub Actions is lost with the runner: say so, and how to fix it. */
function backendWarnings(backend, env) {
    if (backend.type !== 'local' || env.GITHUB_ACTIONS !== 'true')
        return [];
    return [
        'terraform.backend.type is local: the Terraform state stays on this runner and is lost when the job ends, so ' +
            'the next job plans to create everything again (and drift and teardown see nothing). Fix: remove ' +
            'terraform.backend to keep the state in gs://<project_id>-gitspaces-tfstate (created with ' +
            'create-state-bucket: true), or set another remote backend.',
    ];
}
/** `terraform force-unlock` as the user should type it (never run by the product). */
function forceUnlockCommand(lock, workingDirectory) {
    return `terraform${workingDirectory ? ` -chdir=${workingDirectory}` : ''} force-unlock ${lock.id}`;
}
/** A sentence on who holds a state lock, since when, doing what. */
function describeLock(lock, now) {
    const since = lock.created ? Date.parse(lock.created) : NaN;
    const age = Number.isFinite(since) ? ` (${Math.max(0, Math.round((now - since) / 60_000))} min ago)` : '';
    const info = lock.info ? `, run ${lock.info}` : '';
    return `held by ${lock.who ?? 'unknown'} for \`${lock.operation ?? 'an operation'}\` since ${lock.created ?? 'an unknown time'}${age}${info}, lock ID ${lock.id}`;
}


/***/ }),

/***/ 25487:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   QS: () => (/* binding */ maskValue),
/* harmony export */   rG: () => (/* binding */ TerraformCli)
/* harmony export */ });
/* unused harmony export errorSummary */
/* harmony import */ var _transient_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(64331);
/* harmony import */ var _actions_exec__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(12697);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(32635);





/** The `Error: ...` blocks of Terraform's stderr, which say what went wrong (the rest is noise). */
function errorSummary(stderr) {
    const lines = stderr.split(/\r?\n/).map((l) => l.replace(/^[│╷╵]\s?/, ''));
    const start = lines.findIndex((l) => /^Error: /.test(l));
    const picked = (start >= 0 ? lines.slice(start) : lines).join('\n').trim();
    return picked.length > 4000 ? picked.slice(0, 4000) + '\n…' : picked;
}
class TerraformCli {
    opts;
    constructor(opts) {
        this.opts = opts;
    }
    get binary() {
        return this.opts.binary;
    }
    /**
     * Runs one command through @actions/exec; resolves with its exit code (callers decide which codes are failures).
     * stdout streams to the log line by line as it comes (unless quiet) and is captured whole as well.
     */
    async exec(args, opts = {}) {
        const { log } = this.opts;
        const env = {
            ...this.opts.env,
            TF_IN_AUTOMATION: '1',
            TF_INPUT: '0',
            CHECKPOINT_DISABLE: this.opts.env.CHECKPOINT_DISABLE ?? '1',
        };
        log.debug(`$ ${this.opts.binary} ${args.join(' ')}`);
        // @actions/exec looks a bare name up on this process's PATH; the binary is the one on the PATH terraform runs with.
        const binary = resolveOnPath(this.opts.binary, env.PATH, this.opts.cwd);
        if (!binary)
            throw this.missing();
        let partial = '';
        const r = await (0,_actions_exec__WEBPACK_IMPORTED_MODULE_0__/* .getExecOutput */ .H)(binary, args, {
            cwd: this.opts.cwd,
            env: env,
            // silent: the output reaches the log through the Logger (masks, groups), not echoed raw to stdout.
            silent: true,
            ignoreReturnCode: true,
            listeners: {
                stdout: (b) => {
                    if (opts.quiet)
                        return;
                    partial += b.toString('utf8');
                    const parts = partial.split('\n');
                    partial = parts.pop() ?? '';
                    for (const line of parts)
                        log.info(line);
                },
                debug: (m) => log.debug(m),
            },
        });
        if (partial && !opts.quiet)
            log.info(partial);
        return r;
    }
    missing() {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1('TERRAFORM_MISSING', `${this.opts.binary} is not installed or not on PATH.`, this.opts.binary === 'tofu'
            ? 'Add opentofu/setup-opentofu before this step, or set binary: terraform.'
            : 'Add hashicorp/setup-terraform (terraform_wrapper: false) before this step, or set binary: tofu.');
    }
    /**
     * A failed command as the user must read it: the message names Terraform's first error, and the details quote
     * its `Error:` blocks (secrets masked), so the phase's message, the summary and the annotation carry Terraform's
     * own words, not a pointer to a log they may not show.
     */
    fail(what, r, fix) {
        let quoted = errorSummary(r.stderr || r.stdout);
        for (const s of this.opts.secrets ?? [])
            if (s)
                quoted = quoted.split(s).join('***');
        const first = quoted.split('\n').find((l) => /^Error: /.test(l));
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1('TERRAFORM_FAILED', `${this.opts.binary} ${what} failed (exit code ${r.exitCode})${first ? `: ${first}` : ': it printed no error'}.`, fix, quoted ? [quoted] : []);
    }
    async must(what, args, fix, quiet = false) {
        const r = await this.exec(args, { quiet });
        if (r.exitCode !== 0)
            this.fail(what, r, fix);
        return r;
    }
    /**
     * Runs a command that changes nothing remote but the state lock (init, plan) and runs it again, at most twice,
     * when it failed on transient remote errors only (shared/terraform/transient.ts).
     */
    async execAgainOnTransient(what, args, ok) {
        for (let attempt = 1;; attempt++) {
            const r = await this.exec(args);
            if (ok(r.exitCode))
                return r;
            const errors = errorSummary(r.stderr || r.stdout);
            if (attempt >= 3 || !(0,_transient_js__WEBPACK_IMPORTED_MODULE_4__/* .onlyTransientErrors */ .w)(errors))
                return r;
            this.opts.log.warning(`${this.opts.binary} ${what} failed on transient remote errors only; running it again:\n${errors}`);
        }
    }
    lockArgs() {
        return this.opts.lockFree ? ['-lock=false'] : [`-lock-timeout=${this.opts.lockTimeout}`];
    }
    async init(backendConfig = {}) {
        const extra = Object.entries(backendConfig).map(([k, v]) => `-backend-config=${k}=${v}`);
        const args = [
            'init',
            '-input=false',
            '-no-color',
            ...this.lockArgs(),
            ...(this.opts.lockFree ? ['-reconfigure'] : []),
            ...extra,
        ];
        const r = await this.execAgainOnTransient('init', args, (c) => c === 0);
        if (r.exitCode === 0)
            return;
        this.fail('init', r, 'Check that the module source and version exist and are reachable from the runner, and the backend settings under terraform.backend.');
    }
    /** Plan into a file. Exit code 1 is an error; 0 and 2 are "no changes" and "changes". */
    async plan(opts) {
        const args = [
            'plan',
            '-input=false',
            '-no-color',
            '-detailed-exitcode',
            ...this.lockArgs(),
            `-out=${opts.planFile}`,
        ];
        if (opts.destroy)
            args.push('-destroy');
        if (opts.refreshOnly)
            args.push('-refresh-only');
        for (const t of opts.targets ?? [])
            args.push(`-target=${t}`);
        const r = await this.execAgainOnTransient(opts.refreshOnly ? 'plan -refresh-only' : 'plan', args, (c) => c === 0 || c === 2);
        if (r.exitCode === 0 || r.exitCode === 2)
            return { exitCode: r.exitCode, changes: r.exitCode === 2, planFile: opts.planFile };
        this.fail(opts.refreshOnly ? 'plan -refresh-only' : 'plan', r, planFix(r.stderr));
    }
    async show(planFile) {
        const r = await this.must('show -json', ['show', '-json', '-no-color', planFile], 'The plan file may be damaged or from another Terraform version; plan again.', true);
        return JSON.parse(r.stdout);
    }
    /** `providers schema -json`: the attributes of every resource type, with their computed/optional flags. */
    async providersSchema() {
        const r = await this.must('providers schema -json', ['providers', 'schema', '-json'], 'Run init first: the providers are not installed.', true);
        return JSON.parse(r.stdout);
    }
    /** Applies exactly this saved plan (Terraform refuses a stale one: "Saved plan is stale"). */
    async apply(planFile) {
        await this.must('apply', ['apply', '-input=false', '-no-color', `-lock-timeout=${this.opts.lockTimeout}`, planFile], "Terraform's error is quoted here; fix its cause, then plan and apply again.");
    }
    /**
     * After an apply whose state write failed ("Failed to persist state to backend"), Terraform keeps the state it
     * could not save in `errored.tfstate` in its working directory, and a new plan without it would create again what
     * was just created. Pushes that file to the backend (`terraform state push`, again after a transient failure, at
     * most three times), then removes it: it holds the state's secrets. True when there was one and it was pushed;
     * when the push keeps failing, the file stays (mode 0600) and the error says how to push it.
     */
    async pushErroredState() {
        const file = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(this.opts.cwd, 'errored.tfstate');
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(file))
            return false;
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.chmodSync)(file, 0o600);
        const args = ['state', 'push', '-no-color', `-lock-timeout=${this.opts.lockTimeout}`, 'errored.tfstate'];
        for (let attempt = 1;; attempt++) {
            const r = await this.exec(args);
            if (r.exitCode === 0) {
                (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(file, { force: true });
                return true;
            }
            const errors = errorSummary(r.stderr || r.stdout);
            if (attempt >= 3 || !(0,_transient_js__WEBPACK_IMPORTED_MODULE_4__/* .onlyTransientErrors */ .w)(errors))
                this.fail('state push errored.tfstate', r, `The state of what apply created is in ${file} only: push it with \`${this.opts.binary} -chdir=${this.opts.cwd} state push errored.tfstate\` before anything else runs, then remove the file (it holds secrets).`);
            await new Promise((done) => setTimeout(done, 1000 * attempt));
        }
    }
    /** `terraform force-unlock -force <id>`: only ever called with an ID the user gave (the force-unlock input). */
    async forceUnlock(id) {
        await this.must('force-unlock', ['force-unlock', '-force', '-no-color', id], 'Check the lock ID: pass the ID of the lock held now (STATE-005 prints it).');
    }
    /** `terraform state list`: the resource instance addresses the state records (none without a state). */
    async stateList() {
        const r = await this.exec(['state', 'list', '-no-color'], { quiet: true });
        if (r.exitCode !== 0) {
            if (/No state file was found/.test(r.stderr))
                return [];
            this.fail('state list', r, 'Check that the state can be read (see STATE-001..004).');
        }
        return r.stdout
            .split('\n')
            .map((l) => l.trim())
            .filter(Boolean);
    }
    async destroy() {
        await this.must('destroy', ['destroy', '-auto-approve', '-input=false', '-no-color', `-lock-timeout=${this.opts.lockTimeout}`], "Terraform's error is quoted here; fix its cause, then run destroy again (it is safe to re-run).");
    }
    /** `output -json`; sensitive values are masked before anything can print them. */
    async output() {
        const r = await this.must('output -json', ['output', '-json', '-no-color'], 'Apply first: the state has no outputs.', true);
        const outputs = JSON.parse(r.stdout || '{}');
        for (const o of Object.values(outputs))
            if (o.sensitive)
                maskValue(this.opts.log, o.value);
        return outputs;
    }
    /**
     * Drift: a refresh-only plan. Exit code 2 means Terraform saw a difference; it is drift when the plan lists a
     * drifted resource or a changed output. Terraform can also exit 2 for a refresh that only rewrites state
     * metadata (the order of sensitive-attribute marks), listing nothing: that is reported as `metadataOnly`.
     * This is Terraform's own view, computed-only values and outputs included; what counts as drift for the user is
     * `classifyDrift` (drift.ts).
     */
    async drift(planFile) {
        const r = await this.plan({ planFile, refreshOnly: true });
        const plan = await this.show(planFile);
        const drifted = [
            ...(plan.resource_drift ?? []).map((d) => d.address),
            ...Object.entries(plan.output_changes ?? {})
                .filter(([, oc]) => !oc.actions.every((a) => a === 'no-op'))
                .map(([name]) => `output.${name}`),
        ];
        return {
            drift: r.changes && drifted.length > 0,
            exitCode: r.exitCode,
            drifted,
            metadataOnly: r.changes && drifted.length === 0,
            plan,
        };
    }
}
function maskValue(log, value) {
    if (typeof value === 'string') {
        if (value)
            log.mask(value);
    }
    else if (Array.isArray(value))
        value.forEach((v) => maskValue(log, v));
    else if (value && typeof value === 'object')
        Object.values(value).forEach((v) => maskValue(log, v));
    else if (typeof value === 'number')
        log.mask(String(value));
}
function planFix(stderr) {
    if (/Unsupported attribute/.test(stderr) && /yamldecode|local\.infra/.test(stderr)) {
        return 'The Infra Config YAML does not have the keys this module version reads: check terraform.module.generation against the module version, and run configure again.';
    }
    if (/Error acquiring the state lock/.test(stderr))
        return 'Another run holds the state lock: wait for it, or raise terraform.lock_timeout.';
    if (/No value for required variable/.test(stderr))
        return 'The module version needs a variable this generation does not pass: set terraform.module.generation to match it.';
    return "Terraform's error is quoted here: fix its cause, then plan again.";
}
/** The executable `binary` names: a path (relative to cwd), or a bare name looked up on `path`; undefined if none. */
function resolveOnPath(binary, path, cwd) {
    const executable = (f) => {
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.accessSync)(f, node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.X_OK);
            return true;
        }
        catch {
            return false;
        }
    };
    if (binary.includes('/')) {
        const f = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(cwd, binary);
        return executable(f) ? f : undefined;
    }
    for (const dir of (path ?? '').split(node_path__WEBPACK_IMPORTED_MODULE_2__.delimiter).filter(Boolean)) {
        const f = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, binary);
        if (executable(f))
            return f;
    }
    return undefined;
}


/***/ }),

/***/ 64331:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   w: () => (/* binding */ onlyTransientErrors)
/* harmony export */ });
/**
 * Terraform failures that come only from the network or the services' transient answers, which neither
 * Terraform nor the Google provider retries in every case:
 * - the provider does not send a POST again after a dropped connection (Go's `Post "...": EOF`: net/http replays
 *   only GET/HEAD, `http.Request.isReplayable`, and `EOF` is not among the provider's retry predicates,
 *   google/transport/error_retry_predicates.go);
 * - Terraform's gcs backend writes the state object without a generation precondition, which the Cloud Storage
 *   Go client does not retry on 429/5xx (its default policy retries only idempotent calls,
 *   https://cloud.google.com/storage/docs/retry-strategy#idempotency-operations), so a throttled or failed state
 *   write fails `terraform init` or `apply`.
 * Such a command is safe to run again: init and plan change nothing remote but the state lock, and a failed
 * apply is followed by a new plan (what was applied is in the state).
 */
const TRANSIENT = /: EOF\b|connection reset by peer|i\/o timeout|TLS handshake timeout|googleapi: Error (429|500|502|503)\b|rateLimitExceeded|Quota exceeded for quota metric '.*' and limit '.* per minute'/;
/** True when terraform reported errors and every `Error:` block is a transient remote failure. */
function onlyTransientErrors(text) {
    const blocks = text.split(/^Error: /m).slice(1);
    return blocks.length > 0 && blocks.every((b) => TRANSIENT.test(b));
}


/***/ })

};
