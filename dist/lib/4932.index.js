export const id = 4932;
export const ids = [4932];
export const modules = {

/***/ 54932:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PHASES: () => (/* binding */ PHASES),
/* harmony export */   main: () => (/* binding */ main),
/* harmony export */   selectPhases: () => (/* binding */ selectPhases)
/* harmony export */ });
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(32635);
/* harmony import */ var _shared_failure_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(61820);
/* harmony import */ var _shared_inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(18573);
/* harmony import */ var _shared_report_render_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(23617);
/* harmony import */ var _load_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(65892);
/* harmony import */ var _registry_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(36827);






/** The pipeline's phases in order, each backed by one action (actions/registry.ts). */
const PHASES = (0,_registry_js__WEBPACK_IMPORTED_MODULE_5__/* .pipelinePhases */ .f4)().map((a) => ({
    name: a.phase,
    action: a.name,
    inputs: a.phaseInputs ?? {},
}));
/** Outputs of one phase that later phases take as inputs of the same name. */
const HANDED_ON = new Set((0,_registry_js__WEBPACK_IMPORTED_MODULE_5__/* .pipelinePhases */ .f4)().flatMap((a) => a.handsOn ?? []));
function phaseIO(parent, source, collected, summaries) {
    const io = {
        inputs: new _shared_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0(source, parent.log),
        log: parent.log,
        env: parent.env,
        clock: parent.clock,
        setOutput(name, value) {
            collected[name] = value;
            parent.setOutput(name, value);
        },
        async appendSummary(md) {
            summaries.push(md);
        },
        setFailed(message) {
            io.failure = message;
        },
    };
    return io;
}
function selectPhases(requested) {
    if (requested.length === 0 || (requested.length === 1 && requested[0] === 'all'))
        return PHASES.map((p) => p.name);
    const known = PHASES.map((p) => p.name);
    const unknown = requested.filter((r) => !known.includes(r));
    if (unknown.length) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1('INPUT_INVALID', `Unknown phase(s) in phases: ${unknown.join(', ')}`, `Use a subset of: ${known.join(', ')} (comma-separated), or all.`);
    }
    return PHASES.map((p) => p.name).filter((n) => requested.includes(n));
}
/**
 * Runs the phases in order, handing each one's outputs to the next, stopping at the first failure. Each phase
 * runs the very `main` of its own action, so the pipeline and the single actions cannot drift apart.
 */
async function main(io) {
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
    const outputs = {};
    const phases = [];
    const summaries = [];
    let exitCode = 0;
    for (const phase of PHASES) {
        if (!selected.includes(phase.name))
            continue;
        const source = (name) => phase.inputs[name] ?? secrets[name] ?? carried[name] ?? rawSource(name);
        const collected = {};
        const sub = phaseIO(io, source, collected, summaries);
        const started = io.clock.now();
        io.log.info(`── phase ${phase.name} (${phase.action})`);
        let result;
        let failure;
        try {
            const main = await (0,_load_js__WEBPACK_IMPORTED_MODULE_4__.loadAction)(phase.action);
            result = await main(sub);
            failure =
                sub.failure ??
                    (result.exitCode ? `${phase.action} ended with exit code ${result.exitCode}` : undefined);
            exitCode = result.exitCode ?? 0;
        }
        catch (e) {
            // The same mapping as the bundle and the CLI (shared/failure.ts): 2 for a user's mistake, 1 otherwise.
            const o = (0,_shared_failure_js__WEBPACK_IMPORTED_MODULE_1__/* .outcomeOfError */ .Sg)(e);
            failure = o.message;
            exitCode = o.exitCode;
            for (const d of o.debug)
                io.log.debug(d);
        }
        const durationMs = io.clock.now() - started;
        const phaseResult = result?.phase
            ? {
                ...result.phase,
                name: phase.name,
                startedAt: started,
                durationMs,
                status: failure ? 'failed' : result.phase.status,
            }
            : {
                name: phase.name,
                status: failure ? 'failed' : 'ok',
                startedAt: started,
                durationMs,
                summary: failure ?? 'done',
            };
        if (failure && !phaseResult.summary.includes(failure.split('\n')[0]))
            phaseResult.summary = `${phaseResult.summary} — ${failure.split('\n')[0]}`;
        phases.push(phaseResult);
        Object.assign(outputs, collected);
        for (const name of HANDED_ON)
            if (collected[name])
                carried[name] = collected[name];
        if (failure) {
            io.log.error(`Phase ${phase.name} failed: ${failure}`, { title: `gitspaces: ${phase.name} failed` });
            exitCode = exitCode || 1;
            break;
        }
    }
    for (const p of PHASES) {
        if (!selected.includes(p.name) || phases.some((x) => x.name === p.name))
            continue;
        phases.push({
            name: p.name,
            status: 'skipped',
            startedAt: io.clock.now(),
            durationMs: 0,
            summary: 'not run: an earlier phase failed',
        });
    }
    const failed = phases.find((p) => p.status === 'failed');
    const verdict = failed ? `❌ Stopped at ${failed.name}.` : `✅ ${phases.length} phase(s) completed.`;
    io.setOutput('phases', JSON.stringify(phases.map(({ name, status, durationMs, summary }) => ({ name, status, durationMs, summary }))));
    // What failed and its fix first, then the phases and the timeline, then each phase's details.
    await io.appendSummary((0,_shared_report_render_js__WEBPACK_IMPORTED_MODULE_3__/* .renderPipelineMarkdown */ .Kn)(verdict, phases, summaries));
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
        exitCode: failed ? exitCode || 1 : 0,
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
