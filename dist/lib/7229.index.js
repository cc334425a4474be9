export const id = 7229;
export const ids = [7229,1490];
export const modules = {

/***/ 35170:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  cli: () => (/* binding */ cli)
});

// UNUSED EXPORTS: COMMANDS, EXIT, pipelineEnd, resultText

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./shared/config/parse.ts + 1 modules
var parse = __webpack_require__(83314);
// EXTERNAL MODULE: ./shared/config/read.ts
var config_read = __webpack_require__(95609);
// EXTERNAL MODULE: ./shared/failure.ts
var failure = __webpack_require__(61820);
// EXTERNAL MODULE: ./shared/report/render.ts
var render = __webpack_require__(23617);
// EXTERNAL MODULE: ./actions/registry.ts
var registry = __webpack_require__(36827);
;// CONCATENATED MODULE: ./cli/args.ts
class UsageError extends Error {
    name = 'UsageError';
}
const GLOBAL_BOOLEAN = new Set(['help', 'json', 'verbose', 'sandbox']);
function parseArgs(argv) {
    const out = {
        positionals: [],
        help: false,
        json: false,
        verbose: false,
        sandbox: false,
        inputs: {},
    };
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === '-h') {
            out.help = true;
            continue;
        }
        if (arg === '--') {
            out.positionals.push(...argv.slice(i + 1));
            break;
        }
        if (!arg.startsWith('--')) {
            if (out.command === undefined)
                out.command = arg;
            else
                out.positionals.push(arg);
            continue;
        }
        const eq = arg.indexOf('=');
        const name = arg.slice(2, eq === -1 ? undefined : eq);
        if (!/^[a-z][a-z0-9-]*$/.test(name))
            throw new UsageError(`Not a flag: ${arg} (flags are --lower-case-words)`);
        let value = eq === -1 ? undefined : arg.slice(eq + 1);
        if (GLOBAL_BOOLEAN.has(name)) {
            if (value !== undefined && !/^(true|false)$/.test(value))
                throw new UsageError(`--${name} takes no value`);
            out[name] = value !== 'false';
            continue;
        }
        if (value === undefined) {
            const next = argv[i + 1];
            if (next !== undefined && !next.startsWith('--')) {
                value = next;
                i++;
            }
            else {
                value = 'true';
            }
        }
        if (name === 'config')
            out.config = value;
        else if (name === 'scenario')
            out.scenario = value;
        else
            out.inputs[name] = value;
    }
    return out;
}

// EXTERNAL MODULE: ./shared/secrets.ts
var secrets = __webpack_require__(35931);
// EXTERNAL MODULE: ./shared/clock.ts
var clock = __webpack_require__(17128);
// EXTERNAL MODULE: ./shared/inputs.ts
var inputs = __webpack_require__(18573);
// EXTERNAL MODULE: ./shared/logger.ts
var logger = __webpack_require__(56640);
;// CONCATENATED MODULE: ./cli/io.ts




/** Environment variables the CLI reads when a secret input is not given as a flag. */
const ENV_FALLBACKS = {
    'harness-api-key': 'HARNESS_API_KEY',
    'github-token': 'GITHUB_TOKEN',
};
/** Inputs from flags first, then `INPUT_<NAME>` variables, then the documented environment fallbacks. */
function cliInputSource(flags, env) {
    const fromEnv = (0,inputs/* envInputSource */.lQ)(env);
    return (name) => {
        if (flags[name] !== undefined)
            return flags[name];
        const v = fromEnv(name);
        if (v !== undefined && v !== '')
            return v;
        const fallback = ENV_FALLBACKS[name];
        return fallback ? env[fallback] : undefined;
    };
}
function cliIO(flags, env, opts = {}) {
    const log = new logger/* ConsoleLogger */.Cr(opts.err, opts.verbose ?? false);
    const io = {
        log,
        inputs: new inputs/* Inputs */.G0(cliInputSource(flags, env), log),
        outputs: {},
        summary: [],
        failures: [],
        setOutput(name, value) {
            io.outputs[name] = value;
        },
        async appendSummary(markdown) {
            io.summary.push((0,secrets/* scrubSecrets */.Z)(markdown));
        },
        setFailed(message) {
            io.failures.push(message);
            log.error(message);
        },
        env,
        clock: clock/* realClock */.d,
    };
    return io;
}

;// CONCATENATED MODULE: ./cli/main.ts
/**
 * `gitspaces`: the bundle's actions on a terminal. Each subcommand runs an action's `main` with a CLI ActionIO
 * (flags become inputs), so the command line and the workflow step share one code path.
 */












/** Every `gitspaces <command>` that runs an action, from actions/registry.ts. */
const COMMANDS = (0,registry/* cliCommands */.z_)();
const HELP = `gitspaces: stand up Harness self-hosted Gitspaces on GCP

Usage: gitspaces [--config FILE] [--json] [--sandbox [--scenario NAME|FILE]] <command> [--<input> VALUE ...]

Commands:
  check-config        Validate the config file (exit 0 valid, 2 invalid with every error listed)
${Object.entries(COMMANDS)
    .map(([name, c]) => `  ${name.padEnd(18)}  ${c.summary}`)
    .join('\n')}
  sandbox             Start the local sandbox in the foreground and print the environment that points at it

Global flags:
  --config FILE       The config file (default gitspaces.yaml); the actions' \`config\` input
  --json              Print the result as JSON on stdout
  --sandbox           Run the command against a sandbox started in this process (emulators on 127.0.0.1)
  --scenario NAME     The sandbox scenario (sandbox/scenarios/<name>.yaml, or a file path); default healthy
  --verbose           Print debug lines
  -h, --help          This help; \`gitspaces <command> --help\` lists the command's inputs

Every other --<name> VALUE becomes the action input <name> (as under \`with:\` in a workflow step).
Inputs not given as flags come from INPUT_<NAME> variables, then ${Object.entries(ENV_FALLBACKS)
    .map(([i, v]) => `${v} (${i})`)
    .join(', ')}. GCP credentials: --gcp-credentials or GOOGLE_APPLICATION_CREDENTIALS.
Exit codes: 0 ok, 1 failed (checks, gates or errors), 2 bad configuration or usage.
`;
async function cli(argv, deps = {}) {
    const env = deps.env ?? process.env;
    const out = deps.out ?? ((t) => void process.stdout.write(t.endsWith('\n') ? t : t + '\n'));
    const err = deps.err ?? ((l) => void process.stderr.write(l + '\n'));
    let args;
    try {
        args = parseArgs(argv);
    }
    catch (e) {
        err(`error: ${e.message}\nRun gitspaces --help for usage.`);
        return failure/* EXIT */.dc.config;
    }
    if (!args.command || (args.help && args.command === 'help') || args.command === 'help') {
        out(HELP);
        return args.command || args.help ? failure/* EXIT */.dc.ok : failure/* EXIT */.dc.config;
    }
    const configPath = args.config ?? env.INPUT_CONFIG ?? 'gitspaces.yaml';
    if (args.command === 'check-config')
        return checkConfig(configPath, args, out, err);
    if (args.command === 'sandbox' && args.help) {
        out(await sandboxHelp());
        return failure/* EXIT */.dc.ok;
    }
    if (args.command === 'sandbox')
        return foregroundSandbox(args, out, err, deps.untilStopped ?? untilSignal);
    const spec = COMMANDS[args.command];
    if (!spec) {
        err(`error: unknown command "${args.command}". Commands: check-config, ${Object.keys(COMMANDS).join(', ')}, sandbox.`);
        return failure/* EXIT */.dc.config;
    }
    if (args.help) {
        out(commandHelp(args.command, spec));
        return failure/* EXIT */.dc.ok;
    }
    return runCommand(args, spec, configPath, env, out, err, deps.loadAction);
}
async function runCommand(args, spec, configPath, env, out, err, load) {
    let sandbox;
    const sandboxInputs = {};
    try {
        if (args.sandbox) {
            sandbox = await startSandboxFor(args, err);
            if (!sandbox)
                return failure/* EXIT */.dc.config;
            // The sandbox is reached by configuration only: its endpoints and credentials become the environment.
            // An event inherited from a GitHub runner (GITHUB_EVENT_NAME/PATH) was not sent by the sandbox's GitHub:
            // dropped, so that `npm start` in a CI job is not gated on a pull request the sandbox never had.
            for (const k of ['GITHUB_EVENT_NAME', 'GITHUB_EVENT_PATH']) {
                if (env[k])
                    err(`# sandbox: ignoring ${k} from the environment (the sandbox's GitHub did not send it)`);
                delete env[k];
            }
            Object.assign(env, sandbox.env);
            if (!args.config && !env.INPUT_CONFIG) {
                // No config given: use the one the scenario is built for, with every file the run writes kept in the
                // sandbox's own directory, so that a second run on a new sandbox starts from nothing.
                configPath = await sandboxConfig(sandbox);
                // Its relative paths (terraform.working_directory) resolve in the sandbox's directory, not in the caller's.
                env.GITSPACES_WORKSPACE = sandbox.dir;
                sandboxInputs['report-path'] = (0,external_node_path_.join)(sandbox.dir, 'gitspaces-preflight.json');
                // The emulators answer in milliseconds: poll them faster than the real services deserve.
                sandboxInputs['poll-interval'] = '500ms';
                err(`# sandbox: using the scenario's config ${configPath} (pass --config FILE to use your own)`);
            }
        }
        const flags = { ...sandboxInputs, ...args.inputs, config: configPath, ...spec.inputs };
        // RUNNER_DEBUG=1 is how a re-run with debug logging says it, on a runner as on a terminal.
        const io = cliIO(flags, env, { verbose: args.verbose || env.RUNNER_DEBUG === '1', err });
        const code = await runMain(spec, io, load);
        const scrub = (s) => io.log.scrub(s);
        if (args.json) {
            out(scrub(JSON.stringify({
                command: args.command,
                action: spec.action,
                exitCode: code.exitCode,
                outputs: io.outputs,
                phase: code.phase,
                checks: code.checks,
                failures: io.failures,
            }, null, 2)));
        }
        else if (code.phases && !args.verbose) {
            // The pipeline: its end is the timeline and what came out of it; --verbose prints every phase's summary.
            out(scrub(pipelineEnd(code.phases, io.outputs)));
        }
        else {
            const text = resultText(code.phase, code.checks);
            if (text)
                out(scrub(text));
            for (const [k, v] of Object.entries(io.outputs))
                out(scrub(`${k}=${v.includes('\n') ? JSON.stringify(v) : v}`));
        }
        return code.exitCode;
    }
    finally {
        await sandbox?.stop();
    }
}
async function runMain(spec, io, load) {
    try {
        // Loaded here, not at the top: check-config and --help start without the actions and their clients.
        const main = await (load ?? (await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 65892))).loadAction)(spec.action);
        const result = await main(io);
        // The same mapping as the bundle and the pipeline (shared/failure.ts); a failure the action already told
        // the user about is not told twice.
        const outcome = (0,failure/* outcomeOfResult */.D)(spec.action, result, io.failures.length > 0 || io.log.errors > 0);
        (0,failure/* reportOutcome */.Rq)(outcome, io.log);
        return {
            exitCode: result.exitCode === undefined && io.failures.length ? failure/* EXIT */.dc.failed : outcome.exitCode,
            phase: result.phase,
            checks: result.checks,
            // The pipeline's phases, then what ran alongside them (the certificate wait), so the timeline shows both.
            phases: result.phases?.concat(result.alongside ?? []),
        };
    }
    catch (e) {
        const outcome = (0,failure/* outcomeOfError */.Sg)(e);
        (0,failure/* reportOutcome */.Rq)(outcome, io.log);
        return { exitCode: outcome.exitCode };
    }
}
/** An action's result for a terminal: its phase line and details, then its checks, from the report model. */
function resultText(phase, checks) {
    const lines = [];
    if (phase) {
        lines.push((0,render/* renderPhasesText */.ux)([phase]));
        for (const d of phase.details ?? [])
            lines.push(`      ${d}`);
    }
    if (checks?.length)
        lines.push('', (0,render/* renderChecksText */.$w)(checks));
    return lines.join('\n');
}
function checkConfig(path, args, out, err) {
    // Read once, bounded, never from a pipe or a device (shared/config/read.ts).
    const read = (0,config_read/* readConfigFileSync */.e)(path);
    if (!read.ok) {
        const issue = {
            path: '',
            found: read.problem.found,
            expected: `a gitspaces.yaml: a regular UTF-8 file of at most ${config_read/* MAX_CONFIG_BYTES */.G} bytes`,
            fix: read.problem.fix,
        };
        if (args.json)
            out(JSON.stringify({ file: path, valid: false, issues: [issue] }, null, 2));
        else
            err(`error: ${(0,parse/* formatIssue */.H)(issue)}`);
        return failure/* EXIT */.dc.config;
    }
    const r = (0,parse/* parseConfig */.o)(read.text);
    if (args.json) {
        out(JSON.stringify(r.ok ? { file: path, valid: true } : { file: path, valid: false, issues: r.issues }, null, 2));
        return r.ok ? failure/* EXIT */.dc.ok : failure/* EXIT */.dc.config;
    }
    if (!r.ok) {
        err(`${path} has ${r.issues.length} problem(s):`);
        for (const i of r.issues)
            err(`  - ${(0,parse/* formatIssue */.H)(i)}`);
        err('Each field is documented in docs/config.md.');
        return failure/* EXIT */.dc.config;
    }
    const c = r.config;
    out(`${path} is valid: infrastructure ${c.infrastructure.name} (${c.infrastructure.domain}), ` +
        `${Object.keys(c.infrastructure.regions).length} region(s), ${c.machines.length} machine(s), ${c.gitspaces.length} gitspace(s), ` +
        `module ${c.terraform.module.source}${c.terraform.module.version ? '@' + c.terraform.module.version : ''} (${c.terraform.module.generation}).`);
    return failure/* EXIT */.dc.ok;
}
/**
 * Writes the scenario's gitspaces.yaml into the sandbox directory, Terraform's working directory beside it: the
 * config says `terraform` (relative, as every working directory must be), and the run's workspace is the sandbox's
 * directory (GITSPACES_WORKSPACE).
 */
async function sandboxConfig(sb) {
    const { scenarioConfig, writeScenarioConfig } = await __webpack_require__.e(/* import() */ 7878).then(__webpack_require__.bind(__webpack_require__, 67878));
    const scenario = structuredClone(sb.scenario);
    const cfg = scenarioConfig(scenario);
    scenario.config = {
        ...(scenario.config ?? {}),
        terraform: { ...(cfg.terraform ?? {}), working_directory: 'terraform' },
    };
    return writeScenarioConfig(scenario, (0,external_node_path_.join)(sb.dir, 'config'));
}
async function startSandboxFor(args, err) {
    const { startSandbox } = await Promise.all(/* import() */[__webpack_require__.e(4894), __webpack_require__.e(2463), __webpack_require__.e(2857)]).then(__webpack_require__.bind(__webpack_require__, 42857));
    try {
        return await startSandbox({ scenario: args.scenario ?? 'healthy' });
    }
    catch (e) {
        if (/Unknown scenario/.test(e.message)) {
            err(`error: ${e.message}`);
            return undefined;
        }
        throw e;
    }
}
async function foregroundSandbox(args, out, err, untilStopped) {
    const sb = await startSandboxFor(args, err);
    if (!sb)
        return failure/* EXIT */.dc.config;
    try {
        if (args.json) {
            out(JSON.stringify({ scenario: args.scenario ?? 'healthy', urls: sb.urls, env: sb.env }, null, 2));
        }
        else {
            out(`# gitspaces sandbox (scenario ${args.scenario ?? 'healthy'}) is running on 127.0.0.1; Ctrl-C stops it.`);
            for (const [k, v] of Object.entries(sb.urls))
                out(`#   ${k.padEnd(20)} ${v}`);
            out('# Paste these lines into another shell to point the gitspaces CLI or the bundles at it:');
            for (const [k, v] of Object.entries(sb.env))
                out(`export ${k}=${shellQuote(v)}`);
        }
        await untilStopped();
        return failure/* EXIT */.dc.ok;
    }
    finally {
        await sb.stop();
        err('# sandbox stopped');
    }
}
async function sandboxHelp() {
    const { scenariosDir } = await __webpack_require__.e(/* import() */ 7695).then(__webpack_require__.bind(__webpack_require__, 7695));
    const names = (0,external_node_fs_.readdirSync)(scenariosDir())
        .filter((f) => f.endsWith('.yaml'))
        .map((f) => f.replace(/\.yaml$/, ''))
        .sort();
    return [
        'gitspaces sandbox [--scenario NAME|FILE]: start the emulators on 127.0.0.1 in the foreground; Ctrl-C stops them.',
        'Prints the endpoints and the `export` lines that point the CLI or the bundles at them.',
        '',
        `Scenarios: healthy (default), ${names.join(', ')}`,
        'A FILE is a scenario YAML of your own, merged over healthy.',
    ].join('\n');
}
function shellQuote(v) {
    return /^[A-Za-z0-9_./:@,+=-]*$/.test(v) ? v : `'${v.replace(/'/g, `'\\''`)}'`;
}
function untilSignal() {
    return new Promise((resolve) => {
        const done = () => {
            process.off('SIGINT', done);
            process.off('SIGTERM', done);
            resolve();
        };
        process.on('SIGINT', done);
        process.on('SIGTERM', done);
    });
}
/** `gitspaces <command> --help`: the command and the inputs its action.yml declares. */
function commandHelp(name, spec) {
    const lines = [
        `gitspaces ${name}: ${spec.summary}`,
        `Runs the ${spec.action} action${spec.inputs
            ? ` with ${Object.entries(spec.inputs)
                .map(([k, v]) => `${k}=${v}`)
                .join(', ')}`
            : ''}.`,
        '',
    ];
    const yml = findActionYml(spec.action);
    if (yml) {
        const doc = (0,dist.parse)((0,external_node_fs_.readFileSync)(yml, 'utf8'));
        lines.push('Inputs (--<name> VALUE):');
        for (const [k, v] of Object.entries(doc.inputs ?? {})) {
            const extra = v.required
                ? ' (required)'
                : v.default !== undefined && v.default !== ''
                    ? ` (default ${String(v.default)})`
                    : '';
            lines.push(`  --${k.padEnd(24)} ${(v.description ?? '').split('\n')[0]}${extra}`);
        }
    }
    else {
        lines.push(`Inputs: see actions/${spec.action}/action.yml.`);
    }
    return lines.join('\n');
}
function findActionYml(action) {
    const file = action === 'pipeline' ? 'action.yml' : (0,external_node_path_.join)('actions', action, 'action.yml');
    let dir = (0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(import.meta.url));
    for (let i = 0; i < 4; i++) {
        const p = (0,external_node_path_.join)(dir, file);
        if ((0,external_node_fs_.existsSync)(p))
            return p;
        dir = (0,external_node_path_.dirname)(dir);
    }
    return undefined;
}
/** The end of `gitspaces up`: each phase with its duration and result, the timeline, and the gitspaces' URLs. */
function pipelineEnd(phases, outputs) {
    const lines = [
        '',
        'Phases',
        '------',
        (0,render/* renderPhasesText */.ux)(phases),
        '',
        'Timeline',
        '--------',
        (0,render/* renderTimelineText */.b5)(phases),
    ];
    let gitspaces;
    try {
        gitspaces = JSON.parse(outputs.gitspaces ?? '[]');
    }
    catch {
        gitspaces = [];
    }
    if (gitspaces.length) {
        lines.push('', 'Gitspaces', '---------');
        for (const g of gitspaces) {
            lines.push(`${g.name ?? g.identifier} (${g.identifier}): ${g.state}`);
            if (g.url)
                lines.push(`  open: ${g.url}`);
            if (g['ssh-command'])
                lines.push(`  ssh:  ${g['ssh-command']}`);
        }
    }
    for (const k of ['alb-ips', 'managed-domain-zone', 'delegate-name'])
        if (outputs[k])
            lines.push(`${k}: ${outputs[k]}`);
    const failed = phases.find((p) => p.status === 'failed');
    lines.push('', failed
        ? `Stopped at ${failed.name}: see the messages above.`
        : `Done: ${phases.length} phase(s) completed.`);
    return lines.join('\n');
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

/***/ 41490:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gr: () => (/* binding */ gitBranchProblem),
/* harmony export */   UM: () => (/* binding */ gitnessIdentifierProblem),
/* harmony export */   hK: () => (/* binding */ insidePathProblem),
/* harmony export */   rK: () => (/* binding */ isImageRef),
/* harmony export */   u6: () => (/* binding */ ngIdentifierProblem),
/* harmony export */   wX: () => (/* binding */ workspacePathProblem),
/* harmony export */   zu: () => (/* binding */ rfc1035)
/* harmony export */ });
/* unused harmony exports NG_IDENTIFIER_RE, NG_RESERVED_WORDS, GITNESS_IDENTIFIER_RE, MAX_PATH_LENGTH */
/**
 * The real services' rules for the names and paths gitspaces.yaml holds, without zod (the actions can use them on
 * inputs without loading the parser). Each rule names its source; docs/config.md lists them for users.
 */
/**
 * Harness NG identifiers (organisation, project): harness-core EntityIdentifierValidator,
 * `^[a-zA-Z_][0-9a-zA-Z_$]{0,127}$`, and not one of its NOT_ALLOWED_WORDS; the developer hub's "Entity identifier
 * reference" states the same characters ("must start with a-z, A-Z, or _ ... followed by 0-9, a-z, A-Z, _, $").
 */
const NG_IDENTIFIER_RE = /^[a-zA-Z_][0-9a-zA-Z_$]{0,127}$/;
const NG_RESERVED_WORDS = new Set([
    'or',
    'and',
    'eq',
    'ne',
    'lt',
    'gt',
    'le',
    'ge',
    'div',
    'mod',
    'not',
    'null',
    'true',
    'false',
    'new',
    'var',
    'return',
    'step',
    'parallel',
    'stepGroup',
    'org',
    'account',
    'class',
    'shellScriptProvisioner',
]);
function ngIdentifierProblem(v) {
    if (!NG_IDENTIFIER_RE.test(v))
        return 'expected a Harness identifier: a letter or _ then up to 127 letters, digits, _ or $';
    if (NG_RESERVED_WORDS.has(v))
        return `expected a Harness identifier that is not the reserved word "${v}"`;
    return undefined;
}
/**
 * Gitspaces identifiers (infra provider, machine resource): harness/harness types/check/common.go `Identifier`,
 * 1-100 of `[a-zA-Z0-9-_.]`. Made of dots only (`.`, `..`) it would be a dot segment in the API's URL paths,
 * which clients and proxies remove (RFC 3986 section 5.2.4): `/infraproviders/..` addresses something else.
 */
const GITNESS_IDENTIFIER_RE = /^[a-zA-Z0-9_.-]{1,100}$/;
function gitnessIdentifierProblem(v) {
    if (!GITNESS_IDENTIFIER_RE.test(v))
        return 'expected 1-100 letters, digits, - _ or .';
    if (/^\.+$/.test(v))
        return 'expected an identifier that is not made of dots only (. and .. are path segments)';
    return undefined;
}
/**
 * A GCP resource name (RFC 1035 label, the Compute API's `[a-z]([-a-z0-9]*[a-z0-9])?`) of at most `max`
 * characters (63 for instances, machine types, networks).
 */
function rfc1035(max) {
    return new RegExp(`^[a-z](?:[-a-z0-9]{0,${max - 2}}[a-z0-9])?$`);
}
/** A container image reference (the distribution reference grammar: registry[:port]/path[:tag][@digest]). */
const IMAGE_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const IMAGE_REF_RE = new RegExp(`^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?/)?` +
    `${IMAGE_COMPONENT}(?:/${IMAGE_COMPONENT})*(?::[\\w][\\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$`);
function isImageRef(v) {
    return v.length <= 512 && IMAGE_REF_RE.test(v);
}
/** Characters never accepted in a path of the config: a shell, a log line or Terraform would read them. */
const PATH_UNSAFE = /[\\'"`$*?<>|]/;
/** The longest relative path accepted (each path is a directory or file inside a checkout). */
const MAX_PATH_LENGTH = 255;
/**
 * A path that must stay inside a directory (the workspace for working directories and local state, the
 * repository for a devcontainer.json): relative, without `..` segments, not under `~`, printable, bounded.
 */
function insidePathProblem(v, inside) {
    if (v.trim() === '')
        return `a non-empty path relative to ${inside}`;
    if (v.length > MAX_PATH_LENGTH)
        return `a path of at most ${MAX_PATH_LENGTH} characters`;
    if (v.startsWith('~'))
        return `a path relative to ${inside}, not under the home directory (~)`;
    if (v.startsWith('/') || /^[a-zA-Z]:/.test(v) || v.startsWith('\\'))
        return `a path relative to ${inside}, not an absolute path`;
    if (v.split(/[\\/]/).includes('..'))
        return `a path inside ${inside}, without \`..\` segments`;
    if (PATH_UNSAFE.test(v))
        return 'a path of letters, digits and - _ . / @ + , = : space (no \\ \' " ` $ * ? < > |)';
    return undefined;
}
function workspacePathProblem(v) {
    return insidePathProblem(v, 'the workspace');
}
/**
 * A branch name as `git check-ref-format --branch` accepts it (git-check-ref-format(1)): no component starting
 * with `.` or ending with `.lock`, no `..`, no control character, space, `~ ^ : ? * [ \`, no `@{`, not `@`, not
 * ending with `/` or `.`, no empty component, not starting with `-`, not HEAD (checked against git 2.x). Bounded at 255 bytes (a ref is a file
 * name under .git/refs on most servers: GitHub refuses longer ones).
 */
function gitBranchProblem(v) {
    const bytes = Buffer.byteLength(v, 'utf8');
    if (bytes === 0)
        return 'a branch name';
    if (bytes > 255)
        return 'a branch name of at most 255 bytes';
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u0020\u007f~^:?*[\\]/.test(v))
        return 'a branch name without spaces, control characters or ~ ^ : ? * [ \\';
    if (v.startsWith('-'))
        return 'a branch name that does not start with -';
    if (v === '@' || v.includes('@{'))
        return 'a branch name that is not @ and has no @{';
    if (v === 'HEAD')
        return 'a branch name other than HEAD';
    if (v.includes('..'))
        return 'a branch name without ..';
    if (v.endsWith('/') || v.endsWith('.'))
        return 'a branch name that does not end with / or .';
    if (v.split('/').some((c) => c === '' || c.startsWith('.') || c.endsWith('.lock')))
        return 'a branch name whose /-separated parts are not empty, do not start with . and do not end with .lock';
    return undefined;
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
