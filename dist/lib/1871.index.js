export const id = 1871;
export const ids = [1871];
export const modules = {

/***/ 51871:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TOOL: () => (/* binding */ TOOL),
/* harmony export */   VERSION: () => (/* binding */ VERSION),
/* harmony export */   exitCodeFor: () => (/* binding */ exitCodeFor),
/* harmony export */   main: () => (/* binding */ main)
/* harmony export */ });
/* harmony import */ var _shared_secrets_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(35931);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _shared_config_load_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(45481);
/* harmony import */ var _shared_endpoints_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(57416);
/* harmony import */ var _shared_report_model_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1124);
/* harmony import */ var _shared_report_render_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(23617);







const TOOL = 'gitspaces validate-prereqs';
const VERSION = '0.1.0';
/** Removes every secret from text that leaves the process (report, summary), whatever a check wrote. */
function scrubber(secrets) {
    const list = new Set();
    for (const s of secrets) {
        if (!s || s.length < 8)
            continue;
        list.add(s);
        list.add(s.replace(/\n/g, '\\n'));
        for (const line of s.split(/\r?\n/))
            if (line.trim().length >= 16 && !/^-----/.test(line.trim()))
                list.add(line.trim());
    }
    const sorted = [...list].sort((a, b) => b.length - a.length);
    // Then what the process registered since (access tokens, JWT assertions) and credential-shaped strings.
    return (text) => (0,_shared_secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .scrubSecrets */ .Z)(sorted.reduce((t, s) => t.split(s).join('***'), text));
}
function exitCodeFor(checks, failOn) {
    if (checks.some((c) => c.id === 'CFG-001' && c.status === 'error'))
        return 2;
    const n = (0,_shared_report_model_js__WEBPACK_IMPORTED_MODULE_5__/* .countByStatus */ .x7)(checks);
    if (n.error > 0 || (failOn === 'warn' && n.warn > 0))
        return 1;
    return 0;
}
async function main(io, deps = {}) {
    const startedAt = io.clock.now();
    const inp = io.inputs;
    const keyJson = inp.secret('gcp-credentials');
    const serviceAccountEmail = inp.optional('gcp-service-account-email');
    const harnessApiKey = inp.secret('harness-api-key') || io.env.HARNESS_API_KEY || '';
    if (harnessApiKey)
        io.log.mask(harnessApiKey);
    const configPath = inp.optional('config', 'gitspaces.yaml');
    const failOn = inp.oneOf('fail-on', ['error', 'warn'], 'error');
    const enableApis = inp.boolean('enable-apis', false);
    const importExisting = inp.boolean('import-existing', false);
    const resolvers = inp.list('dns-resolvers');
    const reportPath = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(inp.optional('report-path', (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(io.env.RUNNER_TEMP || '.', 'gitspaces-preflight.json')));
    const env = { ...io.env };
    if (resolvers.length)
        env[_shared_endpoints_js__WEBPACK_IMPORTED_MODULE_4__/* .ENDPOINT_ENV */ .iG.dnsResolvers] = resolvers.join(',');
    io.log.info(`Preflight of ${configPath}${enableApis ? ' (enable-apis: true: missing APIs will be enabled)' : ' (read-only)'}`);
    // A config file that cannot be read stops here, as in every action (exit 2), before the checks and their
    // clients are loaded; they load only once every input has been read and checked.
    const configText = await (0,_shared_config_load_js__WEBPACK_IMPORTED_MODULE_3__/* .readConfigText */ .i)(configPath);
    const opts = {
        configPath,
        configText,
        env,
        log: io.log,
        clock: io.clock,
        keyJson: keyJson || undefined,
        serviceAccountEmail: serviceAccountEmail || undefined,
        harnessApiKey: harnessApiKey || undefined,
        enableApis,
        importExisting,
        exec: deps.exec,
        dns: deps.dns,
        enableDeadlineMs: deps.enableDeadlineMs,
    };
    const { runPreflight } = await Promise.all(/* import() */[__webpack_require__.e(8815), __webpack_require__.e(8816), __webpack_require__.e(4894), __webpack_require__.e(8983), __webpack_require__.e(2318), __webpack_require__.e(3314), __webpack_require__.e(68), __webpack_require__.e(3538)]).then(__webpack_require__.bind(__webpack_require__, 33538));
    const { checks, context } = await runPreflight({ ...opts, concurrency: deps.concurrency });
    const privateKey = context.gcp.ok && context.gcp.gcp.credentials.kind === 'service_account'
        ? context.gcp.gcp.credentials.privateKey
        : undefined;
    const scrub = scrubber([keyJson, harnessApiKey, privateKey]);
    const safe = checks.map((c) => ({
        ...c,
        observed: scrub(c.observed),
        expected: scrub(c.expected),
        fix: scrub(c.fix),
    }));
    const n = (0,_shared_report_model_js__WEBPACK_IMPORTED_MODULE_5__/* .countByStatus */ .x7)(safe);
    const exitCode = exitCodeFor(safe, failOn);
    const verdict = (0,_shared_report_model_js__WEBPACK_IMPORTED_MODULE_5__/* .checkVerdict */ .Ks)(safe);
    const outputs = {
        ok: String(exitCode === 0),
        errors: String(n.error),
        warnings: String(n.warn),
        'report-path': reportPath,
    };
    const phase = {
        name: 'validate',
        status: exitCode === 0 ? 'ok' : 'failed',
        startedAt,
        durationMs: io.clock.now() - startedAt,
        summary: `${n.ok} passed, ${n.warn} warning(s), ${n.error} error(s), ${n.skip} skipped`,
        details: safe.filter((c) => c.status === 'error').map((c) => `${c.id}: ${c.observed}`),
    };
    const report = {
        tool: TOOL,
        version: VERSION,
        generatedAt: new Date(io.clock.now() || Date.now()).toISOString(),
        verdict,
        checks: safe,
        phases: [phase],
        outputs,
    };
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(reportPath), { recursive: true });
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(reportPath, scrub(JSON.stringify(report, null, 2)) + '\n', 'utf8');
    // The most severe first: GitHub shows only 10 annotations of each level per step (shared/step-limits.ts).
    for (const c of safe)
        if (c.status === 'error')
            io.log.error(`${c.observed}\nExpected: ${c.expected}\nFix: ${c.fix}`, { title: `${c.id} ${c.title}` });
    for (const c of safe)
        if (c.status === 'warn')
            io.log.warning(`${c.observed}\nFix: ${c.fix}`, { title: `${c.id} ${c.title}` });
    io.log.info(verdict);
    const summary = (0,_shared_report_render_js__WEBPACK_IMPORTED_MODULE_6__/* .renderChecksMarkdown */ .pu)('Gitspaces preflight', verdict, safe) +
        `\nJSON report: \`${reportPath}\`${failOn === 'warn' ? ' (fail-on: warn)' : ''}\n`;
    await io.appendSummary(scrub(summary));
    for (const [k, v] of Object.entries(outputs))
        io.setOutput(k, v);
    if (exitCode !== 0)
        io.setFailed(exitCode === 2
            ? `The config file is invalid (CFG-001): ${safe[0]?.observed ?? ''}`
            : `Preflight failed: ${verdict}`);
    return { outputs, phase, checks: safe, exitCode };
}


/***/ }),

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


/***/ })

};
