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
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _shared_config_load_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(45481);
/* harmony import */ var _shared_endpoints_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(57416);
/* harmony import */ var _shared_report_model_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1124);
/* harmony import */ var _shared_report_render_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(23617);






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
    return (text) => sorted.reduce((t, s) => t.split(s).join('***'), text);
}
function exitCodeFor(checks, failOn) {
    if (checks.some((c) => c.id === 'CFG-001' && c.status === 'error'))
        return 2;
    const n = (0,_shared_report_model_js__WEBPACK_IMPORTED_MODULE_4__/* .countByStatus */ .x7)(checks);
    if (n.error > 0 || (failOn === 'warn' && n.warn > 0))
        return 1;
    return 0;
}
async function main(io, deps = {}) {
    const startedAt = io.clock.now();
    const inp = io.inputs;
    const keyJson = inp.secret('gcp-credentials');
    const harnessApiKey = inp.secret('harness-api-key') || io.env.HARNESS_API_KEY || '';
    if (harnessApiKey)
        io.log.mask(harnessApiKey);
    const configPath = inp.optional('config', 'gitspaces.yaml');
    const failOn = inp.oneOf('fail-on', ['error', 'warn'], 'error');
    const enableApis = inp.boolean('enable-apis', false);
    const resolvers = inp.list('dns-resolvers');
    const reportPath = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(inp.optional('report-path', (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(io.env.RUNNER_TEMP || '.', 'gitspaces-preflight.json')));
    const env = { ...io.env };
    if (resolvers.length)
        env[_shared_endpoints_js__WEBPACK_IMPORTED_MODULE_3__/* .ENDPOINT_ENV */ .iG.dnsResolvers] = resolvers.join(',');
    io.log.info(`Preflight of ${configPath}${enableApis ? ' (enable-apis: true: missing APIs will be enabled)' : ' (read-only)'}`);
    // A config file that cannot be read stops here, as in every action (exit 2), before the checks and their
    // clients are loaded; they load only once every input has been read and checked.
    const configText = await (0,_shared_config_load_js__WEBPACK_IMPORTED_MODULE_2__/* .readConfigText */ .i)(configPath);
    const opts = {
        configPath,
        configText,
        env,
        log: io.log,
        clock: io.clock,
        keyJson: keyJson || undefined,
        harnessApiKey: harnessApiKey || undefined,
        enableApis,
        exec: deps.exec,
        dns: deps.dns,
        enableDeadlineMs: deps.enableDeadlineMs,
    };
    const { runPreflight } = await Promise.all(/* import() */[__webpack_require__.e(8815), __webpack_require__.e(8816), __webpack_require__.e(4894), __webpack_require__.e(9186), __webpack_require__.e(8970), __webpack_require__.e(7542)]).then(__webpack_require__.bind(__webpack_require__, 17542));
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
    const n = (0,_shared_report_model_js__WEBPACK_IMPORTED_MODULE_4__/* .countByStatus */ .x7)(safe);
    const exitCode = exitCodeFor(safe, failOn);
    const verdict = (0,_shared_report_model_js__WEBPACK_IMPORTED_MODULE_4__/* .checkVerdict */ .Ks)(safe);
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
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(reportPath), { recursive: true });
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(reportPath, scrub(JSON.stringify(report, null, 2)) + '\n', 'utf8');
    for (const c of safe) {
        if (c.status === 'error')
            io.log.error(`${c.observed}\nExpected: ${c.expected}\nFix: ${c.fix}`, { title: `${c.id} ${c.title}` });
        else if (c.status === 'warn')
            io.log.warning(`${c.observed}\nFix: ${c.fix}`, { title: `${c.id} ${c.title}` });
    }
    io.log.info(verdict);
    const summary = (0,_shared_report_render_js__WEBPACK_IMPORTED_MODULE_5__/* .renderChecksMarkdown */ .pu)('Gitspaces preflight', verdict, safe) +
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
