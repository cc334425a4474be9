export const id = 5170;
export const ids = [5170];
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
// EXTERNAL MODULE: ./shared/config/parse.ts
var parse = __webpack_require__(38970);
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
            io.summary.push(markdown);
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
            Object.assign(env, sandbox.env);
            if (!args.config && !env.INPUT_CONFIG) {
                // No config given: use the one the scenario is built for, with every file the run writes kept in the
                // sandbox's own directory, so that a second run on a new sandbox starts from nothing.
                configPath = await sandboxConfig(sandbox);
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
            phases: result.phases,
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
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    catch (e) {
        const issue = {
            path: '',
            found: `no readable file at ${path} (${e.code ?? 'error'})`,
            expected: 'a gitspaces.yaml',
            fix: 'Create it from examples/gitspaces.yaml or pass --config FILE.',
        };
        if (args.json)
            out(JSON.stringify({ file: path, valid: false, issues: [issue] }, null, 2));
        else
            err(`error: ${(0,parse/* formatIssue */.H)(issue)}`);
        return failure/* EXIT */.dc.config;
    }
    const r = (0,parse/* parseConfig */.o)(text);
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
/** Writes the scenario's gitspaces.yaml into the sandbox directory, Terraform's working directory beside it. */
async function sandboxConfig(sb) {
    const { scenarioConfig, writeScenarioConfig } = await __webpack_require__.e(/* import() */ 7878).then(__webpack_require__.bind(__webpack_require__, 67878));
    const scenario = structuredClone(sb.scenario);
    const cfg = scenarioConfig(scenario);
    scenario.config = {
        ...(scenario.config ?? {}),
        terraform: { ...(cfg.terraform ?? {}), working_directory: (0,external_node_path_.join)(sb.dir, 'terraform') },
    };
    return writeScenarioConfig(scenario, (0,external_node_path_.join)(sb.dir, 'config'));
}
async function startSandboxFor(args, err) {
    const { startSandbox } = await Promise.all(/* import() */[__webpack_require__.e(4894), __webpack_require__.e(2463), __webpack_require__.e(3880)]).then(__webpack_require__.bind(__webpack_require__, 23880));
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
    const { scenariosDir } = await __webpack_require__.e(/* import() */ 1562).then(__webpack_require__.bind(__webpack_require__, 91562));
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


/***/ })

};
