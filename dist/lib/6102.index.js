export const id = 6102;
export const ids = [6102];
export const modules = {

/***/ 45481:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ readConfigText),
/* harmony export */   loadConfig: () => (/* binding */ loadConfig)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(32635);
/* harmony import */ var _read_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(95609);


/**
 * Reads and validates gitspaces.yaml. The parser (yaml + the zod schema, ~100 ms to load) is imported only once
 * the file has been read, so an action that stops on a missing file starts and fails at once.
 */
async function loadConfig(path) {
    const text = await readConfigText(path);
    const { configFromText } = await Promise.all(/* import() */[__webpack_require__.e(8815), __webpack_require__.e(8816), __webpack_require__.e(3314), __webpack_require__.e(1490)]).then(__webpack_require__.bind(__webpack_require__, 83314));
    return configFromText(text, path);
}
/**
 * The config file's text, or the error a user needs when it cannot be read: missing, not a regular file (a FIFO
 * or a device is refused, never waited on), larger than 1 MiB, or not UTF-8 (shared/config/read.ts).
 */
async function readConfigText(path) {
    const r = (0,_read_js__WEBPACK_IMPORTED_MODULE_1__/* .readConfigFileSync */ .e)(path);
    if (r.ok)
        return r.text;
    const message = `Cannot read the config file: found ${r.problem.found}.`;
    if (r.problem.code === 'CONFIG_NOT_FOUND')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1('CONFIG_NOT_FOUND', message, r.problem.fix);
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1('CONFIG_UNREADABLE', message, r.problem.fix);
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
    storage: 'https://storage.googleapis.com',
};
const ENDPOINT_ENV = {
    googleTokenUrl: 'GITSPACES_GOOGLE_TOKEN_URL',
    serviceUsage: 'GITSPACES_SERVICEUSAGE_URL',
    resourceManager: 'GITSPACES_RESOURCEMANAGER_URL',
    iam: 'GITSPACES_IAM_URL',
    compute: 'GITSPACES_COMPUTE_URL',
    cloudDns: 'GITSPACES_CLOUDDNS_URL',
    certificateManager: 'GITSPACES_CERTIFICATEMANAGER_URL',
    storage: 'GITSPACES_STORAGE_URL',
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
        storage: pick('storage'),
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


/***/ }),

/***/ 74107:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Pl: () => (/* binding */ writePrivateFile),
/* harmony export */   V9: () => (/* binding */ infraConfigDefaultPath),
/* harmony export */   eK: () => (/* binding */ privateDirPath),
/* harmony export */   o$: () => (/* binding */ removeOnExit),
/* harmony export */   oS: () => (/* binding */ workspaceRoot),
/* harmony export */   rh: () => (/* binding */ ensurePrivateDir),
/* harmony export */   z1: () => (/* binding */ resolveInWorkspace)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _config_rules_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(41490);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(32635);






/**
 * Where relative paths of gitspaces.yaml and of the `working-directory` input resolve: the workspace.
 * GITSPACES_WORKSPACE when set (the CLI's sandbox mode sets it to the sandbox's directory), else GITHUB_WORKSPACE
 * (the checkout, on a runner), else the current directory (the CLI run from the checkout, like `git`).
 */
function workspaceRoot(env) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_3__.resolve)(env.GITSPACES_WORKSPACE || env.GITHUB_WORKSPACE || process.cwd());
}
/**
 * The absolute directory for a working directory of the config or the `working-directory` input: refused
 * (exit 2, the field named) when absolute, under `~` or climbing out with `..`, as check-config refuses it.
 */
function resolveInWorkspace(path, env, field) {
    const problem = (0,_config_rules_js__WEBPACK_IMPORTED_MODULE_4__/* .workspacePathProblem */ .wX)(path);
    const root = workspaceRoot(env);
    const abs = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.resolve)(root, path);
    const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.relative)(root, abs);
    if (problem || rel.startsWith('..') || (0,node_path__WEBPACK_IMPORTED_MODULE_3__.isAbsolute)(rel))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1('INPUT_INVALID', `${field} is ${JSON.stringify(path)}: expected ${problem ?? 'a path inside the workspace'}.`, `Use a path relative to the workspace (${root}), e.g. .gitspaces/terraform.`);
    return abs;
}
/**
 * The private directory (mode 0700) for files that hold secrets between steps of one job: the Infra Config YAML
 * (the gateway's shared secret). Under RUNNER_TEMP on a runner, which the runner empties at the start and end of
 * every job and which is the same path in each step; outside GitHub Actions under the OS temp directory, one per
 * user and working directory, so that plan and apply of one checkout find the same file and two checkouts never
 * share one. Returns the path without creating it.
 */
function privateDirPath(env, workdir) {
    if (env.RUNNER_TEMP)
        return (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.resolve)(env.RUNNER_TEMP), 'gitspaces');
    const uid = typeof process.getuid === 'function' ? String(process.getuid()) : 'user';
    const tag = (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.createHash)('sha256').update((0,node_path__WEBPACK_IMPORTED_MODULE_3__.resolve)(workdir)).digest('hex').slice(0, 12);
    return (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_2__.tmpdir)(), `gitspaces-${uid}-${tag}`);
}
/**
 * The Infra Config YAML's default path (configure-infra writes it, terraform-apply and teardown read it), from the
 * config's terraform.working_directory, so that every step of one checkout names the same file.
 */
function infraConfigDefaultPath(env, configWorkingDirectory) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(privateDirPath(env, (0,node_path__WEBPACK_IMPORTED_MODULE_3__.resolve)(workspaceRoot(env), configWorkingDirectory)), 'gitspaces-infra-config.yaml');
}
/**
 * Creates `dir` with mode 0700 and checks it: a directory, not a symbolic link, owned by this user (another user
 * of a shared /tmp cannot have made it first), then forces the mode back to 0700.
 */
function ensurePrivateDir(dir) {
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(dir, { recursive: true, mode: 0o700 });
    const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(dir);
    const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
    if (!st.isDirectory() || (uid !== undefined && st.uid !== uid))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1('PRIVATE_DIR_UNSAFE', `${dir} is ${st.isSymbolicLink() ? 'a symbolic link' : st.isDirectory() ? `owned by another user (uid ${st.uid})` : 'not a directory'}: secrets are never written there.`, `Remove ${dir}, or set RUNNER_TEMP (TMPDIR outside GitHub Actions) to a directory only you can write.`);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.chmodSync)(dir, 0o700);
    return dir;
}
/** Writes `text` to `path` (mode 0600) inside a private directory made as above. */
function writePrivateFile(path, text, dir) {
    ensurePrivateDir(dir);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(path, { force: true });
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(path, text, { mode: 0o600, flag: 'wx' });
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.chmodSync)(path, 0o600);
}
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
/**
 * Removes `paths` when `dispose` is called, or when the process is told to stop (the signal is then re-raised
 * when nothing else listens for it, so the process still ends as the signal says); then each of `emptyDirs` that
 * nothing else is left in.
 */
function removeOnExit(paths, emptyDirs = []) {
    let done = false;
    const dispose = () => {
        if (done)
            return;
        done = true;
        for (const s of SIGNALS)
            process.removeListener(s, onSignal);
        for (const p of paths)
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(p, { recursive: true, force: true });
        for (const d of emptyDirs) {
            try {
                (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmdirSync)(d);
            }
            catch {
                /* not empty (another stack's file), or already gone */
            }
        }
    };
    function onSignal(signal) {
        dispose();
        if (process.listenerCount(signal) === 0)
            process.kill(process.pid, signal);
    }
    for (const s of SIGNALS)
        process.once(s, onSignal);
    return dispose;
}


/***/ })

};
