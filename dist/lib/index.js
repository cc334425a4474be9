import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 9191:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

var map = {
	"./configure-infra/main": [
		60183,
		8815,
		183
	],
	"./create-gitspace/main": [
		47244,
		8816,
		924,
		2139
	],
	"./install-runner/main": [
		33783,
		8815,
		9186,
		3783,
		3617
	],
	"./pipeline/main": [
		54932,
		4932
	],
	"./teardown/main": [
		45755,
		8815,
		4894,
		9186,
		924,
		5755
	],
	"./terraform-apply/main": [
		82202,
		8815,
		9186,
		4269,
		5998
	],
	"./validate-prereqs/main": [
		51871,
		1871
	]
};
function webpackAsyncContext(req) {
	if(!__nccwpck_require__.o(map, req)) {
		return Promise.resolve().then(() => {
			var e = new Error("Cannot find module '" + req + "'");
			e.code = 'MODULE_NOT_FOUND';
			throw e;
		});
	}

	var ids = map[req], id = ids[0];
	return Promise.all(ids.slice(1).map(__nccwpck_require__.e)).then(() => {
		return __nccwpck_require__(id);
	});
}
webpackAsyncContext.keys = () => (Object.keys(map));
webpackAsyncContext.id = 9191;
module.exports = webpackAsyncContext;

/***/ }),

/***/ 41146:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  describeFailure: () => (/* binding */ describeFailure),
  av: () => (/* binding */ githubIO),
  Cs: () => (/* binding */ runAction)
});

// UNUSED EXPORTS: runnerLogger

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(48161);
;// CONCATENATED MODULE: ./shared/runner-io.ts
/**
 * The GitHub Actions runner protocol, as documented ("Workflow commands for GitHub Actions"): workflow commands
 * on stdout (`::error title=..::message`, `::add-mask::`, `::group::`) and environment files (GITHUB_OUTPUT,
 * GITHUB_STEP_SUMMARY). We speak it directly rather than through @actions/core, which loads its HTTP client
 * (for OIDC tokens we never ask for) and costs about 100 ms at every action start: see CONTRIBUTING.md.
 */



/** Escapes a command's message (the runner decodes %25, %0D, %0A). */
function escapeData(s) {
    return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
/** Escapes a command property's value (also `:` and `,`, which separate properties). */
function escapeProperty(s) {
    return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
const stdout = (t) => void process.stdout.write(t);
/** `::name key=value,...::message` on its own line. */
function issueCommand(name, props, message, write = stdout) {
    const p = Object.entries(props)
        .filter(([, v]) => v !== undefined && v !== '')
        .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
        .join(',');
    write(`::${name}${p ? ` ${p}` : ''}::${escapeData(message)}${external_node_os_.EOL}`);
}
/**
 * Appends `key<<DELIMITER / value / DELIMITER` to an environment file (GITHUB_OUTPUT, GITHUB_ENV). The delimiter
 * is random, and a key or value that contains it is refused, so a value can never inject another key.
 */
function appendKeyValue(file, key, value, uuid = external_node_crypto_.randomUUID) {
    if (!(0,external_node_fs_.existsSync)(file))
        throw new Error(`The runner's command file ${file} does not exist`);
    const delimiter = `ghadelimiter_${uuid()}`;
    if (key.includes(delimiter) || value.includes(delimiter))
        throw new Error('Unexpected input: the value contains the delimiter');
    (0,external_node_fs_.appendFileSync)(file, `${key}<<${delimiter}${external_node_os_.EOL}${value}${external_node_os_.EOL}${delimiter}${external_node_os_.EOL}`, 'utf8');
}
/** The runner's side of an action: what @actions/core offers, in the few calls the bundle makes. */
function runnerProtocol(env = process.env, write = stdout) {
    const annotate = (level, message, p = {}) => issueCommand(level, { title: p.title, file: p.file, line: p.startLine }, message, write);
    return {
        info: (message) => write(`${message}${external_node_os_.EOL}`),
        debug: (message) => issueCommand('debug', {}, message, write),
        error: (message, p) => annotate('error', message, p),
        warning: (message, p) => annotate('warning', message, p),
        notice: (message, p) => annotate('notice', message, p),
        setSecret: (secret) => issueCommand('add-mask', {}, secret, write),
        setOutput(name, value) {
            if (env.GITHUB_OUTPUT)
                appendKeyValue(env.GITHUB_OUTPUT, name, value);
            else {
                write(external_node_os_.EOL);
                issueCommand('set-output', { name }, value, write);
            }
        },
        appendSummary(markdown) {
            if (env.GITHUB_STEP_SUMMARY)
                (0,external_node_fs_.appendFileSync)(env.GITHUB_STEP_SUMMARY, `${markdown}${external_node_os_.EOL}`, 'utf8');
        },
        setFailed(message) {
            process.exitCode = 1;
            annotate('error', message);
        },
        async group(title, fn) {
            issueCommand('group', {}, title, write);
            try {
                return await fn();
            }
            finally {
                issueCommand('endgroup', {}, '', write);
            }
        },
    };
}

// EXTERNAL MODULE: ./shared/errors.ts
var errors = __nccwpck_require__(32635);
// EXTERNAL MODULE: ./shared/inputs.ts
var inputs = __nccwpck_require__(18573);
// EXTERNAL MODULE: ./shared/clock.ts
var clock = __nccwpck_require__(17128);
;// CONCATENATED MODULE: ./shared/action.ts




/** A Logger over the runner protocol: warnings and errors become annotations; secrets are registered as masks. */
function runnerLogger(runner = runnerProtocol()) {
    return {
        debug: (m) => runner.debug(m),
        info: (m) => runner.info(m),
        warning: (m, p) => runner.warning(m, p),
        error: (m, p) => runner.error(m, p),
        mask: (s) => runner.setSecret(s),
        group: (title, fn) => runner.group(title, fn),
    };
}
function githubIO(source = (0,inputs/* envInputSource */.lQ)()) {
    const runner = runnerProtocol();
    const log = runnerLogger(runner);
    return {
        inputs: new inputs/* Inputs */.G0(source, log),
        log,
        setOutput: (name, value) => runner.setOutput(name, value),
        appendSummary: async (md) => runner.appendSummary(md),
        setFailed: (m) => runner.setFailed(m),
        env: process.env,
        clock: clock/* realClock */.d,
    };
}
/** Turns any error into the message a user should read; a bug is labelled as one. */
function describeFailure(e) {
    if ((0,errors/* isConfigurationError */.p0)(e)) {
        const ce = e;
        return { message: `[${ce.code}] ${ce.message}\nFix: ${ce.fix}`, details: [...ce.details], bug: false };
    }
    if (e instanceof errors/* WaitTimeoutError */.Do) {
        return { message: `${e.message}${e.fix ? `\nFix: ${e.fix}` : ''}`, details: [], bug: false };
    }
    if (e instanceof errors/* RemoteError */.Hi) {
        return { message: `${e.service} answered ${e.status}: ${e.message}`, details: [], bug: false };
    }
    const stack = e instanceof Error && e.stack ? e.stack : '';
    return {
        message: `Unexpected error (this is a bug, please report it): ${(0,errors/* errorMessage */.gJ)(e)}`,
        details: stack ? [stack] : [],
        bug: true,
    };
}
/** The one top-level handler every action goes through. */
async function runAction(main, io = githubIO()) {
    try {
        await main(io);
    }
    catch (e) {
        const f = describeFailure(e);
        if (f.bug) {
            for (const d of f.details)
                io.log.debug(d);
        }
        else {
            for (const d of f.details)
                io.log.error(d, { title: 'Configuration error' });
        }
        io.setFailed(f.message);
    }
}


/***/ }),

/***/ 17128:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ realClock)
/* harmony export */ });
/* unused harmony export FakeClock */
const realClock = {
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
/** A clock whose sleep returns at once and moves time forward; records every sleep. */
class FakeClock {
    t;
    sleeps = [];
    constructor(t = 0) {
        this.t = t;
    }
    now() {
        return this.t;
    }
    async sleep(ms) {
        this.sleeps.push(ms);
        this.t += ms;
    }
    advance(ms) {
        this.t += ms;
    }
}


/***/ }),

/***/ 87905:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  G: () => (/* binding */ ACTION_NAMES),
  ActionNotBuiltError: () => (/* binding */ ActionNotBuiltError),
  loadAction: () => (/* binding */ loadAction),
  _6: () => (/* binding */ runBundledAction),
  ak: () => (/* binding */ runCli)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(76760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __nccwpck_require__(73136);
;// CONCATENATED MODULE: ./shared/dirname-shim.ts
/**
 * ESM bundles that contain google-gax crash with `__dirname is not defined`: CommonJS code inside the
 * bundle reads it at load time. This module defines it and must be the FIRST import of every entry.
 */


const g = globalThis;
g.__dirname ??= (0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(import.meta.url));

// EXTERNAL MODULE: ./shared/action.ts + 1 modules
var action = __nccwpck_require__(41146);
;// CONCATENATED MODULE: ./shared/entry.ts
/**
 * The one shared bundle (`dist/lib/index.js`). Each `dist/<action>/index.js` is a two-line file that
 * imports this and calls `runBundledAction('<name>')`; the action's own code is a separate chunk that is
 * loaded only when that action runs, so every entry starts as fast as the smallest one.
 */


/** Every action the bundle ships, in pipeline order; `pipeline` is the root action.yml. */
const ACTION_NAMES = [
    'validate-prereqs',
    'configure-infra',
    'terraform-apply',
    'install-runner',
    'create-gitspace',
    'teardown',
    'pipeline',
];
/** Thrown when an action's code is not part of this build. */
class ActionNotBuiltError extends Error {
    name = 'ActionNotBuiltError';
}
/**
 * Loads `actions/<name>/main.ts`. The import is written as a template so the bundler makes one lazy chunk
 * per action (a webpack context over actions/*\/main); the extension is left off on purpose so that the same
 * line resolves the `.ts` sources under tsx and the chunk in the bundle.
 */
async function loadAction(name) {
    if (!ACTION_NAMES.includes(name)) {
        throw new ActionNotBuiltError(`Unknown action "${name}" (known: ${ACTION_NAMES.join(', ')})`);
    }
    let mod;
    try {
        mod = (await __nccwpck_require__(9191)(`./${name}/main`));
    }
    catch (e) {
        const code = e.code;
        if (code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND') {
            throw new ActionNotBuiltError(`The action "${name}" is not part of this build (actions/${name}/main.ts missing)`);
        }
        throw e;
    }
    if (typeof mod.main !== 'function')
        throw new ActionNotBuiltError(`actions/${name}/main.ts does not export main(io)`);
    return mod.main;
}
/** What `dist/<name>/index.js` runs on a GitHub runner. */
async function runBundledAction(name, io = (0,action/* githubIO */.av)()) {
    await (0,action/* runAction */.Cs)(async (actionIO) => {
        const main = await loadAction(name);
        const result = await main(actionIO);
        // An action that ends with failed checks or gates returns a non-zero exit code; fail the step if it did not already.
        if (result.exitCode && !process.exitCode)
            actionIO.setFailed(`${name}: ${result.phase.summary || 'failed'} (see the job summary)`);
    }, io);
}
/** What `dist/cli/index.js` runs: the `gitspaces` command line. */
async function runCli(argv) {
    const { cli } = await Promise.all(/* import() */[__nccwpck_require__.e(8815), __nccwpck_require__.e(8816), __nccwpck_require__.e(8970), __nccwpck_require__.e(5170)]).then(__nccwpck_require__.bind(__nccwpck_require__, 35170));
    return cli(argv);
}


/***/ }),

/***/ 32635:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Do: () => (/* binding */ WaitTimeoutError),
/* harmony export */   Hi: () => (/* binding */ RemoteError),
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   j1: () => (/* binding */ ConfigurationError),
/* harmony export */   p0: () => (/* binding */ isConfigurationError)
/* harmony export */ });
/**
 * A user's mistake (bad input, bad config, missing prerequisite) as opposed to a bug.
 * Each has a stable code so docs and troubleshooting can key on it, and the fix to apply.
 */
class ConfigurationError extends Error {
    code;
    fix;
    details;
    name = 'ConfigurationError';
    constructor(
    /** Stable, documented code such as `CONFIG_INVALID` or `INPUT_MISSING`. */
    code, message, 
    /** What the user should do about it. */
    fix, 
    /** Every individual problem, when there are several (config validation reports all at once). */
    details = []) {
        super(message);
        this.code = code;
        this.fix = fix;
        this.details = details;
    }
}
/** An outside system answered with an error we cannot recover from (not the user's config). */
class RemoteError extends Error {
    service;
    status;
    body;
    retryAfterMs;
    name = 'RemoteError';
    constructor(service, status, message, body, retryAfterMs) {
        super(message);
        this.service = service;
        this.status = status;
        this.body = body;
        this.retryAfterMs = retryAfterMs;
    }
}
/** A wait that reached its deadline: says what it waited for and the last state seen. */
class WaitTimeoutError extends Error {
    describe;
    lastState;
    waitedMs;
    fix;
    name = 'WaitTimeoutError';
    constructor(describe, lastState, waitedMs, fix) {
        super(`Gave up waiting for ${describe} after ${Math.round(waitedMs / 1000)}s; last state: ${lastState}`);
        this.describe = describe;
        this.lastState = lastState;
        this.waitedMs = waitedMs;
        this.fix = fix;
    }
}
function isConfigurationError(e) {
    return e instanceof Error && e.name === 'ConfigurationError';
}
function errorMessage(e) {
    return e instanceof Error ? e.message : String(e);
}


/***/ }),

/***/ 18573:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $l: () => (/* binding */ maskSecret),
/* harmony export */   G0: () => (/* binding */ Inputs),
/* harmony export */   lQ: () => (/* binding */ envInputSource)
/* harmony export */ });
/* unused harmony exports mapInputSource, parseList, parseDuration */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(32635);

/** The runner's convention: `INPUT_` + the name upper-cased with spaces as underscores (dashes kept). */
function envInputSource(env = process.env) {
    return (name) => env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`];
}
function mapInputSource(values) {
    return (name) => values[name];
}
const TRUE = new Set(['true', 'True', 'TRUE', 'yes', 'on', '1']);
const FALSE = new Set(['false', 'False', 'FALSE', 'no', 'off', '0']);
/** Typed readers over action inputs. Every secret is masked the moment it is read. */
class Inputs {
    source;
    log;
    constructor(source, log) {
        this.source = source;
        this.log = log;
    }
    raw(name) {
        return (this.source(name) ?? '').trim();
    }
    required(name, hint = '') {
        const v = this.raw(name);
        if (!v) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1('INPUT_MISSING', `Input required and not supplied: ${name}`, `Set \`${name}\` under \`with:\` in the workflow step.${hint ? ' ' + hint : ''}`);
        }
        return v;
    }
    optional(name, fallback = '') {
        return this.raw(name) || fallback;
    }
    /** A secret: masked before anything else can print it. Multi-line secrets are masked line by line too. */
    secret(name, opts = {}) {
        const v = (this.source(name) ?? '').trim();
        if (v)
            maskSecret(this.log, v);
        if (!v && opts.required)
            return this.required(name, opts.hint);
        return v;
    }
    boolean(name, fallback) {
        const v = this.raw(name);
        if (!v)
            return fallback;
        if (TRUE.has(v))
            return true;
        if (FALSE.has(v))
            return false;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1('INPUT_INVALID', `Input ${name} must be a boolean, got "${v}"`, `Use \`${name}: true\` or \`${name}: false\`.`);
    }
    oneOf(name, allowed, fallback) {
        const v = this.raw(name);
        if (!v)
            return fallback;
        if (allowed.includes(v))
            return v;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1('INPUT_INVALID', `Input ${name} must be one of ${allowed.join(', ')}; got "${v}"`, `Set \`${name}\` to one of: ${allowed.join(', ')}.`);
    }
    /** A list: comma- or newline-separated, blanks dropped. */
    list(name) {
        return parseList(this.raw(name));
    }
    integer(name, fallback, min = 0) {
        const v = this.raw(name);
        if (!v)
            return fallback;
        if (!/^\d+$/.test(v) || Number(v) < min) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1('INPUT_INVALID', `Input ${name} must be a whole number >= ${min}; got "${v}"`, `Set \`${name}\` to a number such as ${Math.max(min, fallback)}.`);
        }
        return Number(v);
    }
    /** A duration in milliseconds from `90s`, `10m`, `1h30m`, `500ms` or a plain number of seconds. */
    duration(name, fallbackMs) {
        const v = this.raw(name);
        if (!v)
            return fallbackMs;
        const ms = parseDuration(v);
        if (ms === undefined) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1('INPUT_INVALID', `Input ${name} is not a duration: "${v}"`, `Use a duration such as 90s, 10m or 1h30m for \`${name}\`.`);
        }
        return ms;
    }
}
function maskSecret(log, value) {
    log.mask(value);
    for (const line of value.split(/\r?\n/))
        if (line.trim().length >= 4)
            log.mask(line.trim());
}
function parseList(raw) {
    return raw
        .split(/[\n,]/)
        .map((s) => s.trim())
        .filter(Boolean);
}
const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
function parseDuration(text) {
    const t = text.trim();
    if (/^\d+(\.\d+)?$/.test(t))
        return Math.round(Number(t) * 1000);
    const re = /(\d+(?:\.\d+)?)(ms|s|m|h)/gy;
    let total = 0;
    let matched = 0;
    for (let m = re.exec(t); m; m = re.exec(t)) {
        total += Number(m[1]) * UNIT_MS[m[2]];
        matched = re.lastIndex;
    }
    return matched === t.length && matched > 0 ? Math.round(total) : undefined;
}


/***/ }),

/***/ 42613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 20181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 35317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 76982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 72250:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("dns");

/***/ }),

/***/ 24434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 79896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 58611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 85675:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http2");

/***/ }),

/***/ 65692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 69278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 34589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 16698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 31421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 37540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 77598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 41314:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dgram");

/***/ }),

/***/ 53053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 40610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 78474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 73024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 51455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 37067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 32467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 44708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 77030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 48161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 76760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 41792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 57075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 37830:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/web");

/***/ }),

/***/ 41692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 73136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 57975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 73429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 75919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 38522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 70857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 16928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 83480:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("querystring");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 13193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 64756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 52018:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tty");

/***/ }),

/***/ 87016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

/***/ }),

/***/ 39023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 28167:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("worker_threads");

/***/ }),

/***/ 43106:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("zlib");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		id: moduleId,
/******/ 		loaded: false,
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Flag the module as loaded
/******/ 	module.loaded = true;
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/node module decorator */
/******/ (() => {
/******/ 	__nccwpck_require__.nmd = (module) => {
/******/ 		module.paths = [];
/******/ 		if (!module.children) module.children = [];
/******/ 		return module;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		8792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module is referenced by other modules so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(87905);
/******/ var __webpack_exports__ACTION_NAMES = __webpack_exports__.G;
/******/ var __webpack_exports__ActionNotBuiltError = __webpack_exports__.ActionNotBuiltError;
/******/ var __webpack_exports__loadAction = __webpack_exports__.loadAction;
/******/ var __webpack_exports__runBundledAction = __webpack_exports__._6;
/******/ var __webpack_exports__runCli = __webpack_exports__.ak;
/******/ export { __webpack_exports__ACTION_NAMES as ACTION_NAMES, __webpack_exports__ActionNotBuiltError as ActionNotBuiltError, __webpack_exports__loadAction as loadAction, __webpack_exports__runBundledAction as runBundledAction, __webpack_exports__runCli as runCli };
/******/ 
