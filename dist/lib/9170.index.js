export const id = 9170;
export const ids = [9170];
export const modules = {

/***/ 60179:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  KEY_FILE_NAME: () => (/* reexport */ KEY_FILE_NAME),
  MODES: () => (/* reexport */ MODES),
  main: () => (/* binding */ main),
  runnerPoolYaml: () => (/* reexport */ runnerPoolYaml)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./shared/config/load.ts
var load = __webpack_require__(45481);
// EXTERNAL MODULE: ./shared/errors.ts
var errors = __webpack_require__(32635);
// EXTERNAL MODULE: ./shared/inputs.ts
var inputs = __webpack_require__(18573);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./shared/terraform/plan-json.ts
function kindOf(actions) {
    if (actions.includes('delete') && actions.includes('create'))
        return 'replace';
    if (actions.includes('create'))
        return 'create';
    if (actions.includes('delete'))
        return 'delete';
    if (actions.includes('update'))
        return 'update';
    if (actions.includes('read'))
        return 'read';
    return 'no-op';
}

;// CONCATENATED MODULE: ./shared/terraform/churn.ts

/** `module.a["k"].module.b[0].type.name["x"]` → `module.a.module.b.type.name` (the state's depends_on form). */
function configAddress(address) {
    return address.replace(/\[(?:"(?:[^"\\]|\\.)*"|\d+)\]/g, '');
}
function isUnknown(u) {
    return u === true;
}
/** True when some value known after the plan differs from before (unknown values are skipped). */
function knownDifference(before, after, unknown) {
    if (isUnknown(unknown))
        return false;
    if (Array.isArray(after) && Array.isArray(before)) {
        if (after.length !== before.length)
            return true;
        const u = Array.isArray(unknown) ? unknown : [];
        return after.some((a, i) => knownDifference(before[i], a, u[i]));
    }
    if (after && typeof after === 'object' && before && typeof before === 'object' && !Array.isArray(after)) {
        const a = after;
        const b = before;
        const u = unknown && typeof unknown === 'object' ? unknown : {};
        const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
        for (const k of keys) {
            // An attribute absent from `after` is either unknown (listed in after_unknown) or null.
            if (!(k in a) && isUnknown(u[k]))
                continue;
            if (knownDifference(b[k] ?? null, a[k] ?? null, u[k]))
                return true;
        }
        return false;
    }
    // An unknown container (list or object) can also be partly unknown: after is then shorter, compared above.
    return JSON.stringify(before ?? null) !== JSON.stringify(after ?? null);
}
function containsUnknown(u) {
    if (u === true)
        return true;
    if (Array.isArray(u))
        return u.some(containsUnknown);
    return !!u && typeof u === 'object' && Object.values(u).some(containsUnknown);
}
/** True when the value at a path is unknown after the plan, wholly or in part (or a parent is unknown). */
function unknownAt(unknown, path) {
    let u = unknown;
    for (const step of path) {
        if (u === true)
            return true;
        if (!u || typeof u !== 'object')
            return false;
        u = u[String(step)];
    }
    return containsUnknown(u);
}
function candidate(rc) {
    const kind = kindOf(rc.change.actions);
    if (kind === 'read')
        return true;
    if (kind !== 'update' && kind !== 'replace')
        return false;
    if (kind === 'replace') {
        if (rc.action_reason && rc.action_reason !== 'replace_because_cannot_update')
            return false;
        const paths = Array.isArray(rc.change.replace_paths) ? rc.change.replace_paths : [];
        if (!paths.length || !paths.every((p) => unknownAt(rc.change.after_unknown, p)))
            return false;
    }
    return !knownDifference(rc.change.before, rc.change.after, rc.change.after_unknown);
}
/** Instance address → the config addresses it depends on, from the plan's prior state. */
function dependencies(plan) {
    const deps = new Map();
    const walk = (m) => {
        for (const r of m?.resources ?? [])
            deps.set(r.address, r.depends_on ?? []);
        for (const c of m?.child_modules ?? [])
            walk(c);
    };
    const prior = plan.prior_state;
    walk(prior?.values?.root_module);
    return deps;
}
function classifyPlan(plan) {
    const changes = (plan.resource_changes ?? []).filter((rc) => kindOf(rc.change.actions) !== 'no-op');
    const deps = dependencies(plan);
    // Config address → the changes under it (several instances share one config address).
    const byConfig = new Map();
    for (const rc of changes) {
        const k = configAddress(rc.address);
        byConfig.set(k, [...(byConfig.get(k) ?? []), rc]);
    }
    const churn = new Set(changes.filter(candidate));
    // Reads are churn only when what they wait for is churn; without a changing dependency they are real.
    let moved = true;
    while (moved) {
        moved = false;
        for (const rc of [...churn]) {
            const changing = (deps.get(rc.address) ?? []).flatMap((d) => byConfig.get(d) ?? []);
            const readWithoutCause = kindOf(rc.change.actions) === 'read' && changing.length === 0;
            if (readWithoutCause || changing.some((d) => !churn.has(d))) {
                churn.delete(rc);
                moved = true;
            }
        }
    }
    const real = changes.filter((rc) => !churn.has(rc) && kindOf(rc.change.actions) !== 'read');
    const outputs = Object.entries(plan.output_changes ?? {}).filter(([, oc]) => kindOf(oc.actions) !== 'no-op');
    const outputIsChurn = (oc) => real.length === 0 &&
        kindOf(oc.actions) === 'update' &&
        oc.after_unknown !== undefined &&
        oc.after_unknown !== false &&
        !knownDifference(oc.before, oc.after, oc.after_unknown);
    return {
        real,
        churn: changes.filter((rc) => churn.has(rc) && kindOf(rc.change.actions) !== 'read'),
        realOutputs: outputs.filter(([, oc]) => !outputIsChurn(oc)),
        churnOutputs: outputs.filter(([, oc]) => outputIsChurn(oc)),
    };
}
/** A plan with the churn taken out: what the fingerprint, the counts and the apply go by. */
function withoutChurn(plan, c = classifyPlan(plan)) {
    const realSet = new Set(c.real);
    return {
        ...plan,
        resource_changes: (plan.resource_changes ?? []).filter((rc) => realSet.has(rc) || kindOf(rc.change.actions) === 'no-op'),
        output_changes: Object.fromEntries(c.realOutputs),
    };
}

;// CONCATENATED MODULE: ./shared/terraform/plan-render.ts




const GITHUB_COMMENT_LIMIT = 65_536;
function planCounts(plan) {
    const c = { add: 0, change: 0, destroy: 0, replace: 0, outputs: 0 };
    for (const rc of plan.resource_changes ?? []) {
        switch (kindOf(rc.change.actions)) {
            case 'create':
                c.add++;
                break;
            case 'update':
                c.change++;
                break;
            case 'delete':
                c.destroy++;
                break;
            case 'replace':
                c.add++;
                c.destroy++;
                c.replace++;
                break;
            default:
        }
    }
    for (const oc of Object.values(plan.output_changes ?? {}))
        if (kindOf(oc.actions) !== 'no-op')
            c.outputs++;
    return c;
}
/** Terraform's own line: `Plan: N to add, N to change, N to destroy.` (or its no-change wording). */
function countsLine(c) {
    if (c.add + c.change + c.destroy === 0) {
        return c.outputs
            ? `No resource changes; ${c.outputs} output(s) change.`
            : 'No changes. Your infrastructure matches the configuration.';
    }
    return `Plan: ${c.add} to add, ${c.change} to change, ${c.destroy} to destroy.`;
}
/** The churn a plan carries, in one sentence (empty when none): said next to the counts, never counted in them. */
function churnLine(c) {
    if (!c.churn.length && !c.churnOutputs.length)
        return '';
    const parts = [
        c.churn.length ? `${c.churn.length} resource(s)` : '',
        c.churnOutputs.length ? `${c.churnOutputs.length} output(s)` : '',
    ].filter(Boolean);
    return `Module churn, not applied: ${parts.join(' and ')} change only through the module's own uuid()/timestamp().`;
}
/** JSON with sorted keys, so equal values hash equally whatever order Terraform printed them in. */
function canonicalJson(v) {
    return JSON.stringify(v ?? null, (_key, value) => {
        if (!value || typeof value !== 'object' || Array.isArray(value))
            return value;
        const o = value;
        const sorted = {};
        for (const k of Object.keys(o).sort())
            sorted[k] = o[k];
        return sorted;
    });
}
/**
 * The fingerprint of what a plan will do: sha256 over every resource and output change that is not a no-op and
 * not the module's own churn (shared/terraform/churn.ts), with its actions and its before/after values (unknown
 * values are recorded as unknown, not guessed). Two plans of the same configuration against the same state
 * fingerprint equally, whatever churn they carry; any real change changes it.
 */
function planFingerprint(planWithChurn) {
    const plan = withoutChurn(planWithChurn);
    const resources = (plan.resource_changes ?? [])
        .filter((rc) => kindOf(rc.change.actions) !== 'no-op')
        .map((rc) => ({
        address: rc.address,
        actions: rc.change.actions,
        before: rc.change.before ?? null,
        after: rc.change.after ?? null,
        after_unknown: rc.change.after_unknown ?? null,
        replace_paths: Array.isArray(rc.change.replace_paths)
            ? rc.change.replace_paths.map((p) => JSON.stringify(p)).sort()
            : null,
    }))
        .sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
    const outputs = Object.entries(plan.output_changes ?? {})
        .filter(([, oc]) => kindOf(oc.actions) !== 'no-op')
        .map(([name, oc]) => ({
        name,
        actions: oc.actions,
        before: oc.before ?? null,
        after: oc.after ?? null,
        after_unknown: oc.after_unknown ?? null,
    }))
        .sort((a, b) => (a.name < b.name ? -1 : 1));
    return 'sha256:' + (0,external_node_crypto_.createHash)('sha256').update(canonicalJson({ resources, outputs })).digest('hex');
}
/** The hidden marker that finds this plan's comment again: one comment per (root, workspace, label). */
function planMarker(t) {
    const clean = (s) => s.replace(/-->/g, '').replace(/\s+/g, '_');
    return `<!-- gitspaces-plan: root=${clean(t.root)} workspace=${clean(t.workspace)} label=${clean(t.label)} -->`;
}
const FINGERPRINT_RE = /<!-- gitspaces-plan-fingerprint: (sha256:[0-9a-f]{64}) -->/;
function fingerprintMarker(fp) {
    return `<!-- gitspaces-plan-fingerprint: ${fp} -->`;
}
function fingerprintFromComment(body) {
    return FINGERPRINT_RE.exec(body)?.[1];
}
const SENSITIVE = '(sensitive value)';
const UNKNOWN = '(known after apply)';
/** Replaces what after_sensitive/before_sensitive mark, and what after_unknown marks. */
function redact(value, sensitive, unknown) {
    if (sensitive === true)
        return SENSITIVE;
    if (unknown === true)
        return UNKNOWN;
    if (Array.isArray(value)) {
        return value.map((v, i) => redact(v, Array.isArray(sensitive) ? sensitive[i] : undefined, Array.isArray(unknown) ? unknown[i] : undefined));
    }
    if (value && typeof value === 'object') {
        const s = sensitive && typeof sensitive === 'object' ? sensitive : {};
        const u = unknown && typeof unknown === 'object' ? unknown : {};
        const out = {};
        for (const [k, v] of Object.entries(value))
            out[k] = redact(v, s[k], u[k]);
        // Unknown attributes have no value in `after` at all.
        for (const [k, flag] of Object.entries(u))
            if (!(k in out) && flag === true)
                out[k] = UNKNOWN;
        return out;
    }
    if (value === undefined && unknown === true)
        return UNKNOWN;
    return value;
}
function show(v) {
    if (v === SENSITIVE || v === UNKNOWN)
        return v;
    return JSON.stringify(v ?? null);
}
const VERB = {
    create: 'will be created',
    update: 'will be updated in-place',
    delete: 'will be destroyed',
    replace: 'must be replaced',
    read: 'will be read during apply',
    'no-op': 'has no changes',
};
/** The diff lines of one resource (attribute by attribute). */
function resourceLines(rc) {
    const kind = kindOf(rc.change.actions);
    const before = redact(rc.change.before, rc.change.before_sensitive);
    const after = redact(rc.change.after, rc.change.after_sensitive, rc.change.after_unknown);
    const reason = rc.action_reason ? ` (${rc.action_reason.replace(/_/g, ' ')})` : '';
    const lines = [`# ${rc.address} ${VERB[kind]}${reason}`];
    const b = before && typeof before === 'object' ? before : {};
    const a = after && typeof after === 'object' ? after : {};
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
    for (const k of keys) {
        const bv = show(b[k]);
        const av = show(a[k]);
        if (kind === 'create') {
            if (a[k] !== null && a[k] !== undefined)
                lines.push(`+ ${k} = ${av}`);
        }
        else if (kind === 'delete') {
            if (b[k] !== null && b[k] !== undefined)
                lines.push(`- ${k} = ${bv}`);
        }
        else if (bv !== av) {
            lines.push(`~ ${k} = ${bv} -> ${av}`);
        }
    }
    return lines;
}
function outputLine(name, oc) {
    const k = kindOf(oc.actions);
    const after = redact(oc.after, oc.after_sensitive, oc.after_unknown);
    const before = redact(oc.before, oc.before_sensitive);
    return k === 'create'
        ? `+ ${name} = ${show(after)}`
        : k === 'delete'
            ? `- ${name}`
            : `~ ${name} = ${show(before)} -> ${show(after)}`;
}
function scrub(text, secrets) {
    let out = text;
    for (const s of secrets)
        if (s && s.length >= 3)
            out = out.split(s).join('***');
    return out;
}
/**
 * The pull-request comment (and job summary) for a plan: the counts line as the <details> summary,
 * replaced and destroyed resources called out first, everything else folded, sensitive values never shown,
 * and the whole kept below GitHub's limit by cutting on line boundaries with a note and the run link.
 */
function renderPlanComment(plan, opts) {
    const limit = Math.min(opts.maxChars ?? GITHUB_COMMENT_LIMIT - 536, GITHUB_COMMENT_LIMIT - 1);
    const churn = classifyPlan(plan);
    const real = withoutChurn(plan, churn);
    const counts = planCounts(real);
    const fp = planFingerprint(plan);
    const changes = (real.resource_changes ?? []).filter((rc) => !['no-op', 'read'].includes(kindOf(rc.change.actions)));
    const replaced = changes.filter((rc) => kindOf(rc.change.actions) === 'replace');
    const destroyed = changes.filter((rc) => kindOf(rc.change.actions) === 'delete');
    const rest = changes.filter((rc) => !['replace', 'delete'].includes(kindOf(rc.change.actions)));
    const outputChanges = churn.realOutputs;
    const head = [
        planMarker(opts),
        `#### Terraform plan: \`${opts.root}\` · workspace \`${opts.workspace}\`${opts.label ? ` · ${opts.label}` : ''}`,
        '',
    ];
    const attention = [];
    const nameList = (list) => {
        const shown = list.slice(0, 20).map((rc) => `\`${rc.address}\``);
        return shown.join(', ') + (list.length > 20 ? ` and ${list.length - 20} more` : '');
    };
    if (replaced.length)
        attention.push(`> **⚠️ ${replaced.length} to replace:** ${nameList(replaced)}`);
    if (destroyed.length)
        attention.push(`> **🗑️ ${destroyed.length} to destroy:** ${nameList(destroyed)}`);
    // Body sections, as lines, in the order a reviewer should read them.
    const body = [];
    const section = (title, list, fold) => {
        if (!list.length)
            return;
        body.push(fold ? `<details><summary>${title} (${list.length})</summary>` : `**${title} (${list.length})**`, '', '```diff');
        for (const rc of list)
            body.push(...resourceLines(rc), '');
        body.push('```', '', ...(fold ? ['</details>', ''] : []));
    };
    section('Replaced', replaced, false);
    section('Destroyed', destroyed, false);
    section('Other changes', rest, true);
    const outputSection = (title, list) => {
        if (!list.length)
            return;
        body.push(`<details><summary>${title} (${list.length})</summary>`, '', '```diff');
        for (const [name, oc] of list)
            body.push(outputLine(name, oc));
        body.push('```', '', '</details>', '');
    };
    outputSection('Changes to outputs', outputChanges);
    // The module's own churn last, folded, apart from the real changes: it is not applied (see CONTRIBUTING).
    if (churn.churn.length || churn.churnOutputs.length) {
        body.push(`<details><summary>Module churn, not applied (${churn.churn.length + churn.churnOutputs.length}): the module's own uuid()/timestamp()</summary>`, '', '```diff');
        for (const rc of churn.churn)
            body.push(...resourceLines(rc), '');
        for (const [name, oc] of churn.churnOutputs)
            body.push(outputLine(name, oc));
        body.push('```', '', '</details>', '');
    }
    const churnNote = churnLine(churn);
    const open = [`<details><summary>${countsLine(counts)}${churnNote ? ` ${churnNote}` : ''}</summary>`, ''];
    const close = ['</details>', ''];
    const foot = [
        ...(opts.runUrl ? [`Full log: [workflow run](${opts.runUrl})`, ''] : []),
        fingerprintMarker(fp),
    ];
    const secrets = opts.secrets ?? [];
    const assemble = (bodyLines) => scrub([
        ...head,
        ...open,
        ...bodyLines,
        ...close,
        ...attention,
        ...(attention.length ? [''] : []),
        ...foot,
    ].join('\n'), secrets);
    const full = assemble(body);
    if (full.length <= limit)
        return full;
    // Too long: keep whole lines while they fit, close what is open, and say so.
    const fixed = assemble([]).length;
    const noteFor = (omitted) => `\n_Plan truncated: ${omitted} more line(s) not shown (GitHub comments are limited to ${GITHUB_COMMENT_LIMIT} characters).${opts.runUrl ? ` The full plan is in the [workflow run](${opts.runUrl}).` : ''}_`;
    const reserve = noteFor(body.length).length + 40;
    const kept = [];
    let used = fixed;
    for (const line of body) {
        const cost = scrub(line, secrets).length + 1;
        if (used + cost + reserve > limit)
            break;
        kept.push(line);
        used += cost;
    }
    // Close an open code fence and any open <details> so the rest of the comment renders.
    const fences = kept.filter((l) => l === '```diff' || l === '```').length;
    if (fences % 2 === 1)
        kept.push('```');
    const opened = kept.filter((l) => l.startsWith('<details>')).length - kept.filter((l) => l === '</details>').length;
    for (let i = 0; i < opened; i++)
        kept.push('</details>');
    kept.push(noteFor(body.length - kept.length), '');
    return assemble(kept);
}
/** GITHUB_SERVER_URL/GITHUB_REPOSITORY/actions/runs/GITHUB_RUN_ID, when the job runs on GitHub. */
function runUrlFromEnv(env) {
    const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run } = env;
    return repo && run
        ? `${(server || 'https://github.com').replace(/\/+$/, '')}/${repo}/actions/runs/${run}`
        : undefined;
}

// EXTERNAL MODULE: ./shared/terraform/cli.ts
var cli = __webpack_require__(25487);
// EXTERNAL MODULE: ./shared/gcp/index.ts + 7 modules
var shared_gcp = __webpack_require__(89186);
// EXTERNAL MODULE: ./shared/net.ts
var net = __webpack_require__(27781);
// EXTERNAL MODULE: ./shared/report/render.ts
var render = __webpack_require__(23617);
// EXTERNAL MODULE: ./shared/report/model.ts
var model = __webpack_require__(1124);
;// CONCATENATED MODULE: ./shared/terraform/drift.ts
/** From `terraform providers schema -json`: every resource type's computed-only attribute paths. */
function computedOnlyAttributes(schema) {
    const out = {};
    const walk = (block, prefix, acc) => {
        for (const [name, a] of Object.entries(block?.attributes ?? {}))
            if (a.computed && !a.optional && !a.required)
                acc.push(prefix + name);
        for (const [name, b] of Object.entries(block?.block_types ?? {}))
            walk(b.block, `${prefix}${name}.`, acc);
    };
    for (const provider of Object.values(schema.provider_schemas ?? {})) {
        for (const [type, r] of Object.entries(provider.resource_schemas ?? {})) {
            const acc = [];
            walk(r.block, '', acc);
            out[type] = acc.sort();
        }
    }
    return out;
}
/** The paths (list indices dropped: `managed.state`) where before and after differ, down to the leaves. */
function differingPaths(before, after, prefix = '') {
    if (JSON.stringify(before ?? null) === JSON.stringify(after ?? null))
        return [];
    const isObj = (v) => !!v && typeof v === 'object' && !Array.isArray(v);
    if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
        return [...new Set(after.flatMap((a, i) => differingPaths(before[i], a, prefix)))];
    }
    if (isObj(before) && isObj(after)) {
        const b = before;
        const a = after;
        return [...new Set([...Object.keys(b), ...Object.keys(a)])].flatMap((k) => differingPaths(b[k], a[k], prefix ? `${prefix}.${k}` : k));
    }
    return [prefix || '(whole)'];
}
function isComputedOnly(path, computed) {
    // `managed.state` is computed-only; so is anything under a computed-only attribute (`users.0` as `users`).
    return computed.some((c) => path === c || path.startsWith(c + '.'));
}
function classifyDrift(plan, computed) {
    const drifted = [];
    const computedOnly = [];
    for (const d of plan.resource_drift ?? []) {
        const entry = driftOf(d, computed);
        if (entry)
            drifted.push(entry);
        else
            computedOnly.push(d.address);
    }
    const outputs = Object.entries(plan.output_changes ?? {})
        .filter(([, oc]) => !oc.actions.every((a) => a === 'no-op'))
        .map(([name]) => `output.${name}`);
    return { drifted, computedOnly, outputs };
}
function driftOf(d, computed) {
    if (d.change.actions.includes('delete') || d.change.after === null || d.change.after === undefined)
        return { address: d.address, attributes: ['deleted'] };
    // A type the schema does not list: every difference counts (nothing is known to be computed-only).
    const known = d.type ? computed[d.type] : undefined;
    const paths = differingPaths(d.change.before, d.change.after);
    const configured = paths.filter((p) => !known || !isComputedOnly(p, known));
    return configured.length ? { address: d.address, attributes: configured } : undefined;
}

// EXTERNAL MODULE: ./shared/checks/catalog.ts
var catalog = __webpack_require__(38017);
// EXTERNAL MODULE: ./shared/checks/types.ts
var types = __webpack_require__(22779);
;// CONCATENATED MODULE: ./shared/checks/after-apply.ts



function check(id, title, started, now, r) {
    return {
        id,
        title,
        docUrl: r.docUrl ?? (0,types/* docUrlFor */.B_)(id),
        durationMs: now() - started,
        status: r.status,
        observed: r.observed,
        expected: r.expected,
        fix: r.fix,
    };
}
/** DNS-101: each region's A record equals its ALB address (read from Cloud DNS, not from a resolver). */
async function dnsRecords(apis, g) {
    const out = [];
    for (const r of g.regions) {
        const started = g.now();
        const title = `${r.domain} A record points at the ${r.key} ALB`;
        if (!g.manageDnsZone) {
            out.push(check('DNS-101', title, started, g.now, {
                status: 'skip',
                observed: 'manage_dns_zone is false',
                expected: `A ${r.domain}. -> ${r.albIp}`,
                fix: `The module does not manage DNS: create the A record ${r.domain}. -> ${r.albIp} (and *.${r.domain}) in your DNS.`,
            }));
            continue;
        }
        try {
            const sets = await apis.dns.listRecordSets(g.project, g.zoneName, { name: `${r.domain}.`, type: 'A' });
            const a = sets.find((s) => s.type === 'A' && s.name === `${r.domain}.`);
            const ok = !!a && a.rrdatas.length === 1 && a.rrdatas[0] === r.albIp;
            out.push(check('DNS-101', title, started, g.now, {
                status: ok ? 'ok' : 'error',
                observed: a
                    ? `A ${a.name} -> ${a.rrdatas.join(', ')}`
                    : `no A record ${r.domain}. in zone ${g.zoneName}`,
                expected: `A ${r.domain}. -> ${r.albIp}`,
                fix: ok
                    ? ''
                    : `Re-run terraform-apply (mode: apply): the module manages this record. If someone edited it by hand, run mode: drift to see what else differs.`,
            }));
        }
        catch (e) {
            out.push(check('DNS-101', title, started, g.now, {
                status: 'error',
                observed: `Cloud DNS could not be read: ${(0,errors/* errorMessage */.gJ)(e)}`,
                expected: `A ${r.domain}. -> ${r.albIp}`,
                fix: 'Grant the identity roles/dns.reader (or dns.admin), and check the zone exists.',
            }));
        }
    }
    return out;
}
/** CERT-101: the certificate is ACTIVE; PROVISIONING until the domain is delegated, with the name servers to set. */
async function certificates(apis, g) {
    const out = [];
    for (const r of g.regions) {
        const started = g.now();
        const certName = `${g.name}-${r.key}-dns-cert`;
        const title = `certificate ${certName} for ${r.domain} is ACTIVE`;
        if (!g.useCertificateManager || !g.manageDnsZone) {
            out.push(check('CERT-101', title, started, g.now, {
                status: 'skip',
                observed: g.useCertificateManager ? 'manage_dns_zone is false' : 'certificate.mode is files',
                expected: 'ACTIVE',
                fix: 'Certificate Manager is not managed by the module in this configuration.',
            }));
            continue;
        }
        try {
            // The module creates each region's certificate in that region (location = region), not globally.
            const cert = await apis.certs.getCertificate(g.project, r.key, certName);
            const state = cert?.managed?.state;
            if (!cert) {
                out.push(check('CERT-101', title, started, g.now, {
                    status: 'error',
                    observed: 'the certificate does not exist',
                    expected: 'ACTIVE',
                    fix: 'Re-run terraform-apply (mode: apply); the module creates it with manage_dns_zone: true.',
                }));
            }
            else if (state === 'ACTIVE') {
                out.push(check('CERT-101', title, started, g.now, {
                    status: 'ok',
                    observed: 'ACTIVE',
                    expected: 'ACTIVE',
                    fix: '',
                }));
            }
            else if (state === 'PROVISIONING') {
                const zone = await apis.dns.getManagedZone(g.project, g.zoneName).catch(() => undefined);
                const ns = zone?.nameServers ?? [];
                const attempts = (cert.managed?.authorizationAttemptInfo ?? []).map((a) => `${a.domain}: ${a.state}${a.failureReason ? ` (${a.failureReason})` : ''}`);
                out.push(check('CERT-101', title, started, g.now, {
                    status: 'warn',
                    observed: `PROVISIONING${cert.managed?.provisioningIssue?.reason ? ` (${cert.managed.provisioningIssue.reason})` : ''}${attempts.length ? `; ${attempts.join('; ')}` : ''}`,
                    expected: 'ACTIVE',
                    fix: ns.length
                        ? `The domain is probably not delegated yet: at your registrar (or parent zone), set the NS records of ${g.rootDomain} to ${ns.join(', ')}. Google issues the certificate once it can see them (minutes to hours).`
                        : `Delegate ${g.rootDomain} to the Cloud DNS zone ${g.zoneName}'s name servers (gcloud dns managed-zones describe ${g.zoneName}).`,
                }));
            }
            else {
                out.push(check('CERT-101', title, started, g.now, {
                    status: 'error',
                    observed: `${state ?? 'no state'}${cert.managed?.provisioningIssue ? `: ${cert.managed.provisioningIssue.reason ?? ''} ${cert.managed.provisioningIssue.details ?? ''}` : ''}`,
                    expected: 'ACTIVE',
                    fix: `Check the DNS authorization record in zone ${g.zoneName} and the CAA records of ${g.rootDomain}; then re-apply to recreate the certificate.`,
                }));
            }
        }
        catch (e) {
            out.push(check('CERT-101', title, started, g.now, {
                status: 'error',
                observed: `Certificate Manager could not be read: ${(0,errors/* errorMessage */.gJ)(e)}`,
                expected: 'ACTIVE',
                fix: 'Grant the identity roles/certificatemanager.viewer, and enable certificatemanager.googleapis.com.',
            }));
        }
    }
    return out;
}
const DNS_101 = { id: 'DNS-101', run: dnsRecords };
const CERT_101 = { id: 'CERT-101', run: certificates };
const AFTER_APPLY_GATES = [DNS_101, CERT_101];
/** Runs the catalog's after-apply gates one after the other, in catalog order. */
async function runAfterApplyGates(apis, g) {
    const results = [];
    for (const entry of (0,catalog/* entriesOfPhase */.nF)('after-apply')) {
        const gate = AFTER_APPLY_GATES.find((x) => x.id === entry.id);
        if (!gate)
            throw new Error(`${entry.id} is in the check catalog but has no after-apply implementation`);
        results.push(...(await gate.run(apis, g)));
    }
    return results;
}

;// CONCATENATED MODULE: ./actions/terraform-apply/modes.ts











const MODES = ['plan', 'apply', 'destroy', 'drift'];
/** Where the key the module reads lives: a fixed path, so that plan and apply (other jobs) plan the same value. */
const KEY_FILE_NAME = 'gitspaces-sa-key.json';
function prNumber(io) {
    const explicit = io.inputs.optional('pr-number');
    if (explicit) {
        if (!/^\d+$/.test(explicit))
            throw new errors/* ConfigurationError */.j1('INPUT_INVALID', `pr-number must be a number, got "${explicit}"`, 'Pass the pull request number, e.g. ${{ github.event.pull_request.number }}.');
        return Number(explicit);
    }
    const path = io.env.GITHUB_EVENT_PATH;
    if (!path || !(0,external_node_fs_.existsSync)(path))
        return undefined;
    try {
        const event = JSON.parse((0,external_node_fs_.readFileSync)(path, 'utf8'));
        return event.pull_request?.number ?? (event.issue?.pull_request ? event.issue.number : undefined);
    }
    catch {
        return undefined;
    }
}
/** The GitHub client (Octokit) loads only when a comment or an issue is written: it costs ~150 ms at start. */
async function defaultComments(io, token, issueNumber) {
    const repository = io.env.GITHUB_REPOSITORY;
    if (!repository)
        throw new errors/* ConfigurationError */.j1('INPUT_MISSING', 'GITHUB_REPOSITORY is not set', 'Run inside GitHub Actions, or set GITHUB_REPOSITORY=owner/repo.');
    const { findMarkedComment, githubClient, splitRepository, upsertMarkedComment } = await Promise.all(/* import() */[__webpack_require__.e(2413), __webpack_require__.e(1076)]).then(__webpack_require__.bind(__webpack_require__, 51076));
    const { owner, repo } = splitRepository(repository);
    const octokit = githubClient(token, io.env);
    return {
        find: (marker) => findMarkedComment({ octokit, owner, repo, issueNumber, marker }),
        upsert: (marker, body) => upsertMarkedComment({ octokit, owner, repo, issueNumber, marker, body }),
    };
}
/** pool.yaml from the module's instance_yaml, with the key path the runner container will see (/runner/<file>). */
async function runnerPoolYaml(instanceYaml, keyFileName) {
    const { parse: parseYaml, stringify: stringifyYaml } = await __webpack_require__.e(/* import() */ 8815).then(__webpack_require__.t.bind(__webpack_require__, 38815, 19));
    const doc = parseYaml(instanceYaml);
    for (const inst of doc.instances ?? []) {
        if (inst.spec?.account)
            inst.spec.account.json_path = `/runner/${keyFileName}`;
    }
    return stringifyYaml(doc);
}
function outputValue(outputs, name) {
    return outputs[name]?.value;
}
/** mode: destroy. */
async function destroyStack(run) {
    const { io, rootDir, workspace } = run;
    await io.log.group(`${run.binary} destroy`, () => run.terraform.destroy());
    (0,external_node_fs_.rmSync)((0,external_node_path_.join)(run.workdir, 'pool.yaml'), { force: true });
    run.setOutput('changes', 'true');
    await io.appendSummary(`## Gitspaces: terraform destroy\n\n**✅ Destroyed every resource of \`${rootDir}\` (workspace \`${workspace}\`).**\n`);
    return {
        outputs: run.outputs,
        phase: run.phase('ok', `destroyed the Terraform stack in ${rootDir}`),
        exitCode: 0,
    };
}
/**
 * mode: drift. A refresh-only plan, of which only real drift counts (shared/terraform/drift.ts): configured
 * attributes changed outside Terraform, not values Google computes nor outputs; optionally one drift issue per
 * root kept in step with it.
 */
async function checkDrift(run) {
    const { io, rootDir } = run;
    const inp = io.inputs;
    const d = await io.log.group(`${run.binary} plan -refresh-only`, () => run.terraform.drift(run.planFile));
    const computed = computedOnlyAttributes((await run.terraform.providersSchema()));
    const c = classifyDrift(d.plan, computed);
    const drifted = c.drifted.map((e) => e.address);
    const drift = drifted.length > 0;
    const metadataOnly = d.metadataOnly
        ? ' Terraform exited 2 but listed no drifted resource or output (a state-metadata refresh only).'
        : '';
    const ignored = [
        c.computedOnly.length
            ? `${c.computedOnly.length} resource(s) whose only differences are values Google computes (${c.computedOnly.map((a) => `\`${a}\``).join(', ')})`
            : '',
        c.outputs.length ? `output(s) ${c.outputs.map((o) => `\`${o}\``).join(', ')}` : '',
    ].filter(Boolean);
    const notDrift = ignored.length
        ? `\n\nNot drift (see docs/terraform.md, "What counts as drift"): ${ignored.join('; ')}.`
        : '';
    if (ignored.length)
        io.log.info(`Refresh-only differences that are not drift: ${ignored.join('; ')}`);
    run.setOutput('drift', String(drift));
    run.setOutput('exit-code', String(d.exitCode));
    const body = drift
        ? `**⚠️ Drift: ${drifted.length} resource(s) differ from the state** (refresh-only plan exit code ${d.exitCode}).\n\n${c.drifted.map((e) => `- \`${e.address}\`: ${e.attributes.join(', ')}`).join('\n')}\n\nRun terraform-apply (mode: plan) to see what applying the configuration would change back.${notDrift}`
        : `**✅ No drift:** the real resources match the state (refresh-only plan exit code ${d.exitCode}).${metadataOnly}${notDrift}`;
    const issueNote = inp.boolean('drift-issue', false) ? await syncDriftIssueFor(run, drift, drifted) : '';
    await io.appendSummary(`## Gitspaces: drift check of \`${rootDir}\`\n\n${body}\n${issueNote ? `\n${issueNote}.\n` : ''}`);
    return {
        outputs: run.outputs,
        phase: run.phase('ok', drift ? `drift in ${drifted.length} resource(s)` : 'no drift'),
        exitCode: drift && inp.boolean('fail-on-drift', false) ? 1 : 0,
    };
}
async function syncDriftIssueFor(run, drift, drifted) {
    const { io, githubToken } = run;
    const repository = io.env.GITHUB_REPOSITORY;
    if (!repository || !githubToken)
        throw new errors/* ConfigurationError */.j1('INPUT_MISSING', 'drift-issue needs GITHUB_REPOSITORY and a github-token', 'Pass `github-token: ${{ github.token }}` with `issues: write`, or set drift-issue: false.');
    const { githubClient, splitRepository } = await Promise.all(/* import() */[__webpack_require__.e(2413), __webpack_require__.e(1076)]).then(__webpack_require__.bind(__webpack_require__, 51076));
    const { syncDriftIssue } = await Promise.all(/* import() */[__webpack_require__.e(2413), __webpack_require__.e(2291)]).then(__webpack_require__.bind(__webpack_require__, 62291));
    const { owner, repo } = splitRepository(repository);
    const note = await syncDriftIssue({
        octokit: githubClient(githubToken, io.env),
        owner,
        repo,
        root: run.rootDir,
        label: io.inputs.optional('drift-issue-label', 'gitspaces-drift'),
        runUrl: run.runUrl,
    }, { drift, drifted });
    io.log.info(note);
    return note;
}
async function makePlan(run) {
    const outcome = await run.io.log.group(`${run.binary} plan`, () => run.terraform.plan({ planFile: run.planFile }));
    const plan = await run.terraform.show(run.planFile);
    const churn = classifyPlan(plan);
    const fingerprint = planFingerprint(plan);
    const counts = planCounts(withoutChurn(plan, churn));
    const hasChurn = churn.churn.length + churn.churnOutputs.length > 0;
    const apply = outcome.changes && (churn.real.length > 0 || (churn.realOutputs.length > 0 && !churn.churn.length));
    if (hasChurn)
        run.io.log.info(churnLine(churn));
    if (!churn.real.length && churn.realOutputs.length && churn.churn.length)
        run.io.log.warning(`Only outputs change (${churn.realOutputs.map(([n]) => n).join(', ')}), next to the module's churn: not applied, since applying would replace the gateways; they are applied with the next real change.`);
    run.setOutput('changes', String(apply));
    run.setOutput('plan-fingerprint', fingerprint);
    const rendered = renderPlanComment(plan, { ...run.target, runUrl: run.runUrl, secrets: run.secrets });
    return { outcome, fingerprint, counts, churn, apply, rendered };
}
/** The phase's one line: Terraform's counts of the real changes, and the churn left unapplied. */
function planLine(p) {
    const churn = p.churn.churn.length + p.churn.churnOutputs.length;
    if (!p.apply && churn)
        return `No changes (module churn only, not applied: ${p.churn.churn.length} resource(s), ${p.churn.churnOutputs.length} output(s) change only through the module's uuid()/timestamp()).`;
    return `${countsLine(p.counts)}${churn ? ` ${churnLine(p.churn)}` : ''}`;
}
function changesOf(counts) {
    return { changes: { created: counts.add, updated: counts.change, deleted: counts.destroy } };
}
/** mode: plan. The plan goes to the pull request (one comment per root, updated in place) and the summary. */
async function planForReview(run, p) {
    const { io, githubToken } = run;
    const pr = prNumber(io);
    let commentNote = '';
    if (run.comment && pr !== undefined) {
        if (!run.deps.comments && !githubToken) {
            throw new errors/* ConfigurationError */.j1('INPUT_MISSING', 'No GitHub token to comment on the pull request', 'Pass `github-token: ${{ github.token }}` (with `pull-requests: write`), or set comment: false.');
        }
        const comments = run.deps.comments ?? (await defaultComments(io, githubToken, pr));
        const r = await comments.upsert(run.marker, p.rendered);
        run.setOutput('comment-url', r.url);
        commentNote = `Plan comment ${r.action} on pull request #${pr}`;
        io.log.info(`${commentNote}: ${r.url}`);
    }
    if (run.reviewedPlanFile)
        (0,external_node_fs_.copyFileSync)(run.planFile, (0,external_node_path_.resolve)(run.reviewedPlanFile));
    await io.appendSummary(p.rendered + '\n');
    return {
        outputs: run.outputs,
        phase: run.phase('ok', `${planLine(p)}${commentNote ? ` ${commentNote}.` : ''}`, changesOf(p.counts)),
        exitCode: 0,
    };
}
/** The fingerprint of the plan that was reviewed: the saved plan file, else the pull request's plan comment. */
async function reviewedFingerprint(run) {
    const { io, githubToken } = run;
    if (run.reviewedPlanFile) {
        return {
            fingerprint: planFingerprint(await run.terraform.show((0,external_node_path_.resolve)(run.reviewedPlanFile))),
            from: `the plan file ${run.reviewedPlanFile}`,
        };
    }
    const pr = prNumber(io);
    if (pr === undefined || !(run.deps.comments || githubToken))
        return { from: '' };
    const comments = run.deps.comments ?? (await defaultComments(io, githubToken, pr));
    const found = await comments.find(run.marker);
    if (!found) {
        throw new errors/* ConfigurationError */.j1('PLAN_NOT_REVIEWED', `No plan comment for ${run.rootDir} (workspace ${run.workspace}${run.label ? `, label ${run.label}` : ''}) on pull request #${pr}.`, 'Run terraform-apply with mode: plan on the pull request first, with the same working-directory and label.');
    }
    return { fingerprint: fingerprintFromComment(found.body), from: `the plan comment on pull request #${pr}` };
}
/** mode: apply. Applies only what was reviewed, then hands the module's outputs on and runs the health gates. */
async function applyReviewedPlan(run, p) {
    const { io } = run;
    const reviewed = await reviewedFingerprint(run);
    if (reviewed.fingerprint && reviewed.fingerprint !== p.fingerprint) {
        return await refuseChangedPlan(run, p, `${reviewed.from} (${reviewed.fingerprint.slice(0, 19)}…, the plan now is ${p.fingerprint.slice(0, 19)}…)`);
    }
    const how = await applyRealChanges(run, p);
    if (how === 'refused')
        return await refuseChangedPlan(run, p, 'the targeted plan of its real changes');
    const module = await handOnModuleOutputs(run);
    const checks = run.runGates ? await runHealthGates(run, module.alb) : [];
    const failedGates = checks.filter((c) => c.status === 'error');
    await io.appendSummary(applySummary(run, p, module, checks));
    if (failedGates.length)
        io.setFailed(`${failedGates.length} health gate(s) failed: ${failedGates.map((c) => c.id).join(', ')}`);
    return {
        outputs: run.outputs,
        checks,
        phase: run.phase(failedGates.length ? 'failed' : 'ok', p.apply ? `applied: ${planLine(p)}` : planLine(p), changesOf(p.counts)),
        exitCode: failedGates.length ? 1 : 0,
    };
}
function churnCount(p) {
    return p.churn.churn.length + p.churn.churnOutputs.length;
}
async function refuseChangedPlan(run, p, from) {
    run.setOutput('failure-reason', 'plan-changed');
    const msg = `The plan changed since it was reviewed: ${from} differs. Nothing was applied.`;
    await run.io.appendSummary(`## Gitspaces: apply refused\n\n**❌ ${msg}**\n\nPlan again on the pull request, review the new plan, then apply.\n\n${p.rendered}\n`);
    run.io.setFailed(`${msg} Plan again on the pull request, review it, then apply.`);
    return { outputs: run.outputs, phase: run.phase('failed', 'refused: plan-changed'), exitCode: 1 };
}
/**
 * Applies the plan's real changes and never the module's churn alone (CONTRIBUTING, "The module's own churn"):
 * nothing when churn is all there is; the saved plan as it is when it carries no churn; otherwise a plan
 * targeted at the real changes (Terraform adds what they depend on), applied only if its real changes are exactly
 * the reviewed plan's.
 */
async function applyRealChanges(run, p) {
    const { io } = run;
    if (!p.apply) {
        io.log.info(churnCount(p) ? `No changes to apply. ${churnLine(p.churn)}` : 'No changes to apply.');
        return 'none';
    }
    if (!p.churn.churn.length) {
        await io.log.group(`${run.binary} apply`, () => run.terraform.apply(run.planFile));
        return 'whole';
    }
    const targets = p.churn.real.map((rc) => rc.address);
    io.log.info(`Applying the ${targets.length} real change(s) only, with -target (the module's churn is left out): ${targets.join(', ')}`);
    const targetedFile = `${run.planFile}.targeted`;
    await io.log.group(`${run.binary} plan -target (real changes only)`, () => run.terraform.plan({ planFile: targetedFile, targets }));
    const targeted = classifyPlan(await run.terraform.show(targetedFile));
    const key = (c) => c.real
        .map((rc) => `${rc.address} ${rc.change.actions.join(',')}`)
        .sort()
        .join('\n');
    if (key(targeted) !== key(p.churn))
        return 'refused';
    await io.log.group(`${run.binary} apply`, () => run.terraform.apply(targetedFile));
    return 'targeted';
}
/** The module's outputs as this action's: the runner's pool file, the load balancer addresses, the zone. */
async function handOnModuleOutputs(run) {
    const tfOutputs = await run.terraform.output();
    const instanceYaml = outputValue(tfOutputs, 'instance_yaml') ?? '';
    const alb = outputValue(tfOutputs, 'alb_ips') ?? {};
    const nlb = outputValue(tfOutputs, 'nlb_ips') ?? {};
    const zone = outputValue(tfOutputs, 'managed_domain_zone') ?? '';
    const poolPath = (0,external_node_path_.join)(run.workdir, 'pool.yaml');
    (0,external_node_fs_.writeFileSync)(poolPath, await runnerPoolYaml(instanceYaml, KEY_FILE_NAME));
    run.setOutput('pool-yaml-path', poolPath);
    run.setOutput('alb-ips', JSON.stringify(alb));
    run.setOutput('nlb-ips', JSON.stringify(nlb));
    run.setOutput('managed-domain-zone', zone ?? '');
    return { alb, nlb, zone: zone ?? '', poolPath };
}
/** DNS and certificate gates, against the names and addresses the setup YAML and the module gave. */
async function runHealthGates(run, alb) {
    const { config, io } = run;
    const { parse: parseYaml } = await __webpack_require__.e(/* import() */ 8815).then(__webpack_require__.t.bind(__webpack_require__, 38815, 19));
    const infra = parseYaml(run.setupYaml);
    const gateInputs = {
        project: infra.project?.id ?? config.gcp.project_id,
        name: infra.name ?? config.infrastructure.name,
        rootDomain: infra.domain ?? config.infrastructure.domain,
        zoneName: (0,net/* zoneNameFor */.$k)(infra.domain ?? config.infrastructure.domain),
        manageDnsZone: config.terraform.manage_dns_zone,
        useCertificateManager: config.terraform.certificate.mode === 'certificate-manager',
        regions: Object.entries(alb).map(([k, ip]) => ({
            key: k,
            albIp: ip,
            domain: infra.region_configs?.[k]?.certificates?.contents?.[0]?.domain ?? '',
        })),
        now: () => io.clock.now(),
    };
    const apis = run.deps.gates ?? (0,shared_gcp/* createGcp */.Dl)({ keyJson: run.gcpCredentials, env: io.env, log: io.log, clock: io.clock });
    return runAfterApplyGates(apis, gateInputs);
}
function applySummary(run, p, m, checks) {
    const addresses = (ips) => Object.entries(ips)
        .map(([k, v]) => `${k} \`${v}\``)
        .join(', ') || 'none';
    const lines = [
        `## Gitspaces: terraform apply of \`${run.rootDir}\``,
        '',
        p.apply
            ? `**✅ Applied: ${countsLine(p.counts)}**${churnCount(p) ? ` ${churnLine(p.churn)}` : ''}`
            : churnCount(p)
                ? `**✅ No changes (module churn only, not applied):** ${churnLine(p.churn)}`
                : '**✅ No changes: the infrastructure matches the configuration.**',
        '',
        `- ALB addresses: ${addresses(m.alb)}`,
        `- NLB addresses: ${addresses(m.nlb)}`,
        `- Managed zone: ${m.zone ? `\`${m.zone}\`` : 'not managed'}`,
        `- Runner pool file: \`${m.poolPath}\` (json_path /runner/${KEY_FILE_NAME})`,
        '',
    ];
    if (checks.length)
        lines.push((0,render/* renderChecksMarkdown */.pu)('Health gates', (0,model/* checkVerdict */.Ks)(checks), checks));
    return lines.join('\n') + '\n';
}

;// CONCATENATED MODULE: ./actions/terraform-apply/main.ts










/** The key file the module reads, copied to a fixed path (and removed at the end when we made it). */
function prepareKeyFile(io, gcpCredentials, stableDir) {
    let text = '';
    if (gcpCredentials) {
        text = gcpCredentials.trim().startsWith('{')
            ? gcpCredentials
            : (0,external_node_fs_.existsSync)(gcpCredentials)
                ? (0,external_node_fs_.readFileSync)(gcpCredentials, 'utf8')
                : '';
    }
    else if (io.env.GOOGLE_APPLICATION_CREDENTIALS && (0,external_node_fs_.existsSync)(io.env.GOOGLE_APPLICATION_CREDENTIALS)) {
        text = (0,external_node_fs_.readFileSync)(io.env.GOOGLE_APPLICATION_CREDENTIALS, 'utf8');
    }
    if (!text) {
        throw new errors/* ConfigurationError */.j1('AUTH_MISSING', 'No Google credentials for Terraform: the gcp-credentials input is empty and GOOGLE_APPLICATION_CREDENTIALS names no file.', 'Pass a service-account JSON key in gcp-credentials (from a secret), or run google-github-actions/auth before this step.');
    }
    (0,inputs/* maskSecret */.$l)(io.log, text);
    const secrets = [];
    try {
        const pk = JSON.parse(text).private_key;
        if (pk) {
            (0,inputs/* maskSecret */.$l)(io.log, pk);
            secrets.push(pk);
        }
    }
    catch {
        /* the module will report an unreadable key */
    }
    (0,external_node_fs_.mkdirSync)(stableDir, { recursive: true, mode: 0o700 });
    const path = (0,external_node_path_.join)(stableDir, KEY_FILE_NAME);
    (0,external_node_fs_.writeFileSync)(path, text, { mode: 0o600 });
    return { path, created: true, secrets };
}
/** The Infra Config YAML configure-infra wrote (the module's input); its secrets are masked at once. */
async function readInfraConfig(io, path) {
    if (!(0,external_node_fs_.existsSync)(path)) {
        throw new errors/* ConfigurationError */.j1('INFRA_CONFIG_MISSING', `No Infra Config YAML at ${path}`, 'Run configure-infra first and pass its `infra-config-path` output as `infra-config-path`.');
    }
    const setupYaml = (0,external_node_fs_.readFileSync)(path, 'utf8');
    const { maskSetupYaml } = await Promise.all(/* import() */[__webpack_require__.e(8815), __webpack_require__.e(8430)]).then(__webpack_require__.bind(__webpack_require__, 58430));
    return { setupYaml, secrets: maskSetupYaml(io.log, setupYaml) };
}
function readApplyInputs(io, config, mode) {
    const inp = io.inputs;
    const rootDir = inp.optional('working-directory', config.terraform.working_directory);
    const workdir = (0,external_node_path_.resolve)(rootDir);
    return {
        mode,
        binary: inp.oneOf('binary', ['terraform', 'tofu'], config.terraform.binary),
        rootDir,
        workdir,
        label: inp.optional('label', ''),
        workspace: io.env.TF_WORKSPACE || 'default',
        stableDir: io.env.RUNNER_TEMP ? (0,external_node_path_.resolve)(io.env.RUNNER_TEMP) : (0,external_node_path_.join)(workdir, '.gitspaces'),
        infraConfigPath: (0,external_node_path_.resolve)(inp.optional('infra-config-path') ||
            (0,external_node_path_.join)(io.env.RUNNER_TEMP || config.terraform.working_directory, 'gitspaces-infra-config.yaml')),
        runGates: inp.boolean('gates', true),
        comment: inp.boolean('comment', true),
        reviewedPlanFile: inp.optional('plan-file'),
    };
}
/** The run's shared state: the terraform CLI in the root, the plan comment's identity, outputs and phase. */
function newApplyRun(io, deps, config, i, given) {
    const terraform = new cli/* TerraformCli */.rG({
        binary: i.binary,
        cwd: i.workdir,
        env: given.terraformEnv,
        log: io.log,
        lockTimeout: config.terraform.lock_timeout,
    });
    const outputs = {};
    const target = { root: i.rootDir, workspace: i.workspace, label: i.label };
    const { mode } = i;
    return {
        io,
        deps,
        config,
        ...i,
        ...given,
        terraform,
        planFile: given.planFile,
        target,
        marker: planMarker(target),
        runUrl: runUrlFromEnv(io.env),
        outputs,
        setOutput: (k, v) => {
            outputs[k] = v;
            io.setOutput(k, v);
        },
        phase: (status, summary, extra = {}) => ({
            name: mode === 'plan' ? 'plan' : mode === 'drift' ? 'drift' : mode === 'destroy' ? 'destroy' : 'apply',
            status,
            startedAt: given.startedAt,
            durationMs: io.clock.now() - given.startedAt,
            summary,
            ...extra,
        }),
    };
}
/**
 * Before init: say where the state lives (and warn about local state in GitHub Actions), create a missing state
 * bucket when create-state-bucket asks (said in the summary), and explain a held lock before Terraform waits on it.
 */
async function prepareState(io, p) {
    const { backend } = p.root;
    for (const w of p.root.warnings)
        io.log.warning(w);
    if (backend.type !== 'gcs')
        return;
    const { lockNotice, prepareStateBucket, readStateLock } = await Promise.all(/* import() */[__webpack_require__.e(8815), __webpack_require__.e(5760)]).then(__webpack_require__.bind(__webpack_require__, 45760));
    io.log.info(`Terraform state: gs://${backend.bucket}/${backend.prefix} (gcs backend)`);
    const gcp = (0,shared_gcp/* createGcp */.Dl)({ keyJson: p.gcpCredentials, env: io.env, log: io.log, clock: io.clock });
    try {
        const created = await prepareStateBucket({
            backend,
            create: io.inputs.boolean('create-state-bucket', false),
            project: p.config.gcp.project_id,
            location: Object.keys(p.config.infrastructure.regions)[0] ?? 'US',
            rest: gcp.rest,
            log: io.log,
        });
        if (created)
            await io.appendSummary(`## Gitspaces: Terraform state\n\n${created}\n`);
        const lock = await readStateLock(gcp.rest, backend, p.workspace);
        if (lock)
            io.log.warning(lockNotice(lock, io.clock.now(), p.rootDir, p.config.terraform.lock_timeout));
    }
    finally {
        await gcp.close().catch(() => undefined);
    }
}
async function main(io, deps = {}) {
    const startedAt = io.clock.now();
    const inp = io.inputs;
    const gcpCredentials = inp.secret('gcp-credentials');
    const githubToken = inp.secret('github-token') || io.env.GITHUB_TOKEN || '';
    if (githubToken)
        io.log.mask(githubToken);
    inp.secret('harness-api-key');
    const mode = inp.oneOf('mode', MODES, 'plan');
    const config = deps.config ?? (await (0,load/* loadConfig */.Z)(inp.optional('config', 'gitspaces.yaml')));
    const i = readApplyInputs(io, config, mode);
    // Loaded once the config was read: a run that stops on its inputs never loads yaml or the root generator.
    const [{ checkInstalledModule, generateRoot, writeRoot }, { createScratch, terraformEnv }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(8815), __webpack_require__.e(2341)]).then(__webpack_require__.bind(__webpack_require__, 62341)),
        Promise.all(/* import() */[__webpack_require__.e(8815), __webpack_require__.e(5760)]).then(__webpack_require__.bind(__webpack_require__, 45760)),
    ]);
    const { setupYaml, secrets } = await readInfraConfig(io, i.infraConfigPath);
    const key = prepareKeyFile(io, gcpCredentials, i.stableDir);
    secrets.push(...key.secrets);
    // The plan file lives outside the work tree; it, .terraform and the key copy go at the end or on a signal.
    const scratch = createScratch(io.env, i.workdir);
    scratch.track(key.path);
    const run = newApplyRun(io, deps, config, i, {
        githubToken,
        gcpCredentials,
        setupYaml,
        secrets,
        startedAt,
        planFile: scratch.planFile,
        terraformEnv: terraformEnv(io.env, key.path),
    });
    const { workdir } = i;
    try {
        const root = generateRoot({
            config,
            keyFile: key.path,
            infraConfigFile: i.infraConfigPath,
            env: io.env,
            workdir,
        });
        writeRoot(workdir, root);
        io.log.info(`Module ${root.source}${root.version ? ` ${root.version}` : ''} (generation ${root.generation}); root ${i.rootDir}`);
        await prepareState(io, { root, config, gcpCredentials, rootDir: i.rootDir, workspace: i.workspace });
        await io.log.group(`${i.binary} init`, () => run.terraform.init());
        await checkInstalledModule(workdir, root, setupYaml);
        if (mode === 'destroy')
            return await destroyStack(run);
        if (mode === 'drift')
            return await checkDrift(run);
        const plan = await makePlan(run);
        return mode === 'plan' ? await planForReview(run, plan) : await applyReviewedPlan(run, plan);
    }
    finally {
        // Plan files and the key copy hold secrets: nothing of them stays behind or gets uploaded.
        scratch.cleanup();
        if (key.created)
            (0,external_node_fs_.rmSync)(key.path, { force: true });
        if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(workdir, '.gitspaces')) && !io.env.RUNNER_TEMP)
            (0,external_node_fs_.rmSync)((0,external_node_path_.join)(workdir, '.gitspaces'), { recursive: true, force: true });
    }
}


/***/ }),

/***/ 38017:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cy: () => (/* binding */ TROUBLESHOOTING_DOC),
/* harmony export */   Wo: () => (/* binding */ catalogEntry),
/* harmony export */   nF: () => (/* binding */ entriesOfPhase)
/* harmony export */ });
/* unused harmony exports FAMILIES, CATALOG */
/**
 * Every check and health gate the bundle runs, in report order: the one list of ids, titles and families.
 *
 * - validate-prereqs runs the `preflight` ones (preflight.ts pairs each with its implementation);
 * - terraform-apply runs the `after-apply` gates (after-apply.ts), install-runner the `after-install` gates
 *   (after-install.ts), after their phase.
 *
 * Each family has its file in this folder (`dns.ts` implements DNS-001..004, `after-apply.ts` DNS-101 and CERT-101).
 * docs/troubleshooting.md has a section per id, headed `## <id>: <title>`, in this order, and a table generated from
 * this list. test/checks/catalog.test.ts holds the list to the implementations, test/docs/troubleshooting.test.ts
 * to that page and to the README's Troubleshooting table.
 *
 * Adding a check: an entry here, its implementation in its family's file (and in that file's list), a section in
 * docs/troubleshooting.md (then regenerate its table), and a link in the README's Troubleshooting table.
 */
/** The families, each one file of shared/checks/ (the id prefixes: CFG, TOOL, AUTH, API, IAM, ORG, ...). */
const FAMILIES = (/* unused pure expression or super */ null && ([
    'config',
    'tools',
    'auth',
    'apis',
    'iam',
    'org',
    'capacity',
    'network',
    'images',
    'dns',
    'certificates',
    'harness',
    'state',
    'after-apply',
    'after-install',
]));
const SERVICE_STATE = ['serviceusage.services.get'];
const ORG_POLICY = ['orgpolicy.policy.get (roles/orgpolicy.policyViewer)'];
const HARNESS_INFRA = [
    'view Gitspace infrastructure providers at account scope (CDE Admin or Account Admin)',
];
const ENTRIES = [
    {
        id: 'CFG-001',
        family: 'config',
        phase: 'preflight',
        title: 'Config file parses and validates',
        uses: ['config'],
    },
    {
        id: 'CFG-002',
        family: 'config',
        phase: 'preflight',
        title: 'Config keys match the pinned module generation',
        uses: ['config'],
    },
    {
        id: 'TOOL-001',
        family: 'tools',
        phase: 'preflight',
        title: 'Terraform or OpenTofu >= 1.3 on PATH',
        uses: ['config', 'exec'],
    },
    {
        id: 'TOOL-002',
        family: 'tools',
        phase: 'preflight',
        title: "POSIX shell for the module's local-exec",
        uses: ['exec'],
    },
    {
        id: 'AUTH-001',
        family: 'auth',
        phase: 'preflight',
        title: 'GCP credentials resolve (key file or keyless)',
        uses: ['config', 'gcp'],
    },
    {
        id: 'AUTH-002',
        family: 'auth',
        phase: 'preflight',
        title: 'Key is a JSON service-account key (not P12)',
        uses: ['config', 'gcp'],
    },
    {
        id: 'AUTH-003',
        family: 'auth',
        phase: 'preflight',
        title: 'Key is usable: not deleted, disabled or expired',
        uses: ['config', 'gcp'],
        permissions: ['iam.serviceAccountKeys.get'],
    },
    {
        id: 'AUTH-004',
        family: 'auth',
        phase: 'preflight',
        title: 'Long-lived key where keyless would do; key age',
        uses: ['config', 'gcp'],
        permissions: ['iam.serviceAccountKeys.get'],
    },
    {
        id: 'API-001',
        family: 'apis',
        phase: 'preflight',
        title: 'Cloud Resource Manager API enabled',
        uses: ['config', 'gcp'],
        permissions: SERVICE_STATE,
    },
    {
        id: 'API-002',
        family: 'apis',
        phase: 'preflight',
        title: 'Compute Engine API enabled',
        uses: ['config', 'gcp'],
        permissions: SERVICE_STATE,
    },
    {
        id: 'API-003',
        family: 'apis',
        phase: 'preflight',
        title: 'Certificate Manager API enabled',
        uses: ['config', 'gcp'],
        permissions: SERVICE_STATE,
    },
    {
        id: 'API-004',
        family: 'apis',
        phase: 'preflight',
        title: 'IAM API enabled',
        uses: ['config', 'gcp'],
        permissions: SERVICE_STATE,
    },
    {
        id: 'API-005',
        family: 'apis',
        phase: 'preflight',
        title: 'Cloud DNS API enabled',
        uses: ['config', 'gcp'],
        permissions: SERVICE_STATE,
    },
    {
        id: 'API-006',
        family: 'apis',
        phase: 'preflight',
        title: 'Memorystore for Redis API enabled (HA gateways)',
        uses: ['config', 'gcp'],
        permissions: SERVICE_STATE,
    },
    {
        id: 'API-007',
        family: 'apis',
        phase: 'preflight',
        title: 'Enable missing APIs and wait until they answer (enable-apis)',
        uses: ['config', 'gcp'],
        permissions: [...SERVICE_STATE, 'serviceusage.services.enable (only with enable-apis: true)'],
    },
    {
        id: 'IAM-001',
        family: 'iam',
        phase: 'preflight',
        title: "Identity holds every permission the module's resources need",
        // projects:testIamPermissions answers any caller: it needs no permission of its own.
        uses: ['config', 'gcp'],
    },
    {
        id: 'IAM-002',
        family: 'iam',
        phase: 'preflight',
        title: 'Owner role as Harness documents (or enough permissions)',
        uses: ['config', 'gcp'],
        permissions: ['resourcemanager.projects.getIamPolicy'],
    },
    {
        id: 'ORG-001',
        family: 'org',
        phase: 'preflight',
        title: 'Org policy iam.disableServiceAccountKeyCreation',
        uses: ['config', 'gcp'],
        permissions: ORG_POLICY,
    },
    {
        id: 'ORG-002',
        family: 'org',
        phase: 'preflight',
        title: 'Org policy gcp.resourceLocations allows every region',
        uses: ['config', 'gcp'],
        permissions: ORG_POLICY,
    },
    {
        id: 'ORG-003',
        family: 'org',
        phase: 'preflight',
        title: 'Org policies compute.vmExternalIpAccess and compute.requireOsLogin',
        uses: ['config', 'gcp'],
        permissions: ORG_POLICY,
    },
    {
        id: 'QUOTA-001',
        family: 'capacity',
        phase: 'preflight',
        title: 'Regional quotas cover the planned footprint',
        uses: ['config', 'gcp'],
        permissions: ['compute.regions.get'],
    },
    {
        id: 'NET-001',
        family: 'network',
        phase: 'preflight',
        title: 'Subnet ranges valid; default subnets inside 10.0.0.0/8',
        uses: ['config'],
    },
    {
        id: 'NET-002',
        family: 'network',
        phase: 'preflight',
        title: 'Subnets do not overlap each other or existing subnets',
        uses: ['config', 'gcp'],
        permissions: ['compute.subnetworks.list'],
    },
    {
        id: 'NET-003',
        family: 'network',
        phase: 'preflight',
        title: 'Gateway ingress restricted (whitelist_ip_ranges)',
        uses: ['config'],
    },
    {
        id: 'IMG-001',
        family: 'images',
        phase: 'preflight',
        title: 'Gateway and runner images exist and are Ubuntu',
        uses: ['config', 'gcp'],
        permissions: ['compute.images.get', 'compute.images.getFromFamily'],
    },
    // Regions belong with capacity: QUOTA-001 and REG-001 read the same regions.get answer.
    {
        id: 'REG-001',
        family: 'capacity',
        phase: 'preflight',
        title: 'Regions and the runner zone exist',
        uses: ['config', 'gcp'],
        permissions: ['compute.regions.get', 'compute.zones.get'],
    },
    {
        id: 'DNS-001',
        family: 'dns',
        phase: 'preflight',
        title: 'Domain, region domains and zone name are valid',
        uses: ['config'],
    },
    {
        id: 'DNS-002',
        family: 'dns',
        phase: 'preflight',
        title: "Parent zone delegates the domain to the Cloud DNS zone's name servers",
        uses: ['config', 'dns', 'gcp'],
        permissions: ['dns.managedZones.get'],
    },
    {
        id: 'DNS-003',
        family: 'dns',
        phase: 'preflight',
        title: 'Public resolvers see the delegation (propagation)',
        uses: ['config', 'dns'],
    },
    {
        id: 'DNS-004',
        family: 'dns',
        phase: 'preflight',
        title: 'manage_dns_zone: false has an existing zone named after the domain',
        uses: ['config', 'gcp'],
        permissions: ['dns.managedZones.get'],
    },
    {
        id: 'CERT-001',
        family: 'certificates',
        phase: 'preflight',
        title: 'BYO certificate: key matches, chain order, SANs, expiry',
        uses: ['config', 'files'],
    },
    {
        id: 'HARNESS-001',
        family: 'harness',
        phase: 'preflight',
        title: 'Harness API key authenticates with account scope',
        uses: ['config', 'harness'],
        permissions: HARNESS_INFRA,
    },
    {
        id: 'HARNESS-002',
        family: 'harness',
        phase: 'preflight',
        title: 'Self-hosted (hybrid) infrastructure is enabled on the account',
        uses: ['config', 'harness'],
        permissions: [...HARNESS_INFRA, "read the account's gitspace settings"],
    },
    {
        id: 'HARNESS-003',
        family: 'harness',
        phase: 'preflight',
        title: 'Configured Harness org and project exist',
        uses: ['config', 'harness'],
        permissions: ['view the organization and the project'],
    },
    {
        id: 'STATE-001',
        family: 'state',
        phase: 'preflight',
        title: 'Terraform state bucket exists in this project',
        uses: ['config', 'gcp'],
        permissions: ['storage.buckets.get', 'resourcemanager.projects.get'],
    },
    {
        id: 'STATE-002',
        family: 'state',
        phase: 'preflight',
        title: 'Object versioning on the state bucket',
        uses: ['config', 'gcp'],
        permissions: ['storage.buckets.get'],
    },
    {
        id: 'STATE-003',
        family: 'state',
        phase: 'preflight',
        title: 'State bucket is private: uniform bucket-level access and public access prevention',
        uses: ['config', 'gcp'],
        permissions: ['storage.buckets.get', 'storage.buckets.getIamPolicy'],
    },
    {
        id: 'STATE-004',
        family: 'state',
        phase: 'preflight',
        title: 'Identity can read, list, write and delete state objects',
        uses: ['config', 'gcp'],
        permissions: [
            'storage.objects.get',
            'storage.objects.list',
            'storage.objects.create',
            'storage.objects.delete',
        ],
    },
    {
        id: 'STATE-005',
        family: 'state',
        phase: 'preflight',
        title: 'No lock held on the Terraform state',
        uses: ['config', 'gcp'],
        permissions: ['storage.objects.get'],
    },
    {
        id: 'DNS-101',
        family: 'after-apply',
        phase: 'after-apply',
        title: 'Region A record points at the ALB',
        uses: ['config', 'gcp'],
        permissions: ['dns.resourceRecordSets.list (roles/dns.reader)'],
    },
    {
        id: 'CERT-101',
        family: 'after-apply',
        phase: 'after-apply',
        title: 'Region certificate is ACTIVE',
        uses: ['config', 'gcp'],
        permissions: ['certificatemanager.certs.get (roles/certificatemanager.viewer)', 'dns.managedZones.get'],
    },
    {
        id: 'RUN-101',
        family: 'after-install',
        phase: 'after-install',
        title: 'Runner VM bootstrapped and its /healthz answers OK',
        uses: ['config', 'gcp'],
        permissions: ['compute.instances.getGuestAttributes'],
    },
    {
        id: 'DLG-101',
        family: 'after-install',
        phase: 'after-install',
        title: 'Delegate actively connected with the selector the infrastructure expects',
        uses: ['config', 'harness'],
        permissions: ['view delegates', ...HARNESS_INFRA],
    },
    {
        id: 'GW-101',
        family: 'after-install',
        phase: 'after-install',
        title: "Every region's gateway reports overall_health healthy at the expected version",
        uses: ['config', 'harness'],
        permissions: HARNESS_INFRA,
    },
];
const TROUBLESHOOTING_DOC = 'docs/troubleshooting.md';
const CATALOG = ENTRIES.map(({ uses, permissions, ...e }) => ({
    ...e,
    needs: { uses, permissions: permissions ?? [] },
    doc: `${TROUBLESHOOTING_DOC}#${e.id}`,
}));
/** The catalog entry of an id; an unknown id is a bug in the caller, not a user's mistake. */
function catalogEntry(id) {
    const e = CATALOG.find((c) => c.id === id);
    if (!e)
        throw new Error(`${id} is not in the check catalog (shared/checks/catalog.ts)`);
    return e;
}
function entriesOfPhase(phase) {
    return CATALOG.filter((c) => c.phase === phase);
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
/* harmony import */ var _catalog_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38017);

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
/** docs/troubleshooting.md has an anchor per check id (test/checks/catalog.test.ts holds it to the catalog). */
const DOC_BASE = `https://github.com/gitspaces-dev/gitspaces-actions/blob/main/${_catalog_js__WEBPACK_IMPORTED_MODULE_0__/* .TROUBLESHOOTING_DOC */ .Cy}`;
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

/***/ 27781:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $f: () => (/* binding */ overlaps),
/* harmony export */   $k: () => (/* binding */ zoneNameFor),
/* harmony export */   Ej: () => (/* binding */ size),
/* harmony export */   GN: () => (/* binding */ parseCidr),
/* harmony export */   Ll: () => (/* binding */ isValidDomain),
/* harmony export */   PG: () => (/* binding */ isNetworkAddress),
/* harmony export */   g6: () => (/* binding */ TEN_SLASH_EIGHT),
/* harmony export */   gR: () => (/* binding */ contains),
/* harmony export */   oB: () => (/* binding */ isValidZoneName),
/* harmony export */   zJ: () => (/* binding */ isValidLabel)
/* harmony export */ });
const OCTET = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const CIDR_RE = new RegExp(`^${OCTET}\\.${OCTET}\\.${OCTET}\\.${OCTET}/(3[0-2]|[12]?\\d)$`);
function parseCidr(text) {
    if (typeof text !== 'string' || !CIDR_RE.test(text))
        return undefined;
    const [ip, p] = text.split('/');
    const base = ip.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
    return { text, base, prefix: Number(p) };
}
function size(c) {
    return 2 ** (32 - c.prefix);
}
/** True when the address part has no bits set beyond the prefix (GCP rejects 10.0.0.1/16). */
function isNetworkAddress(c) {
    return c.base % size(c) === 0;
}
function overlaps(a, b) {
    return a.base < b.base + size(b) && b.base < a.base + size(a);
}
function contains(outer, inner) {
    return inner.base >= outer.base && inner.base + size(inner) <= outer.base + size(outer);
}
const TEN_SLASH_EIGHT = parseCidr('10.0.0.0/8');
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
/** A DNS name as Cloud DNS accepts it: lower-case labels, at least two, 253 characters at most. */
function isValidDomain(name) {
    if (typeof name !== 'string' || name.length > 253 || name !== name.toLowerCase())
        return false;
    const labels = name.replace(/\.$/, '').split('.');
    return (labels.length >= 2 &&
        labels.every((l) => LABEL.test(l)) &&
        !/^\d+$/.test(labels[labels.length - 1]));
}
function isValidLabel(label) {
    return LABEL.test(label);
}
/** The Cloud DNS zone name the module derives from the domain: dots become dashes. */
function zoneNameFor(domain) {
    return domain.replace(/\.$/, '').replace(/\./g, '-');
}
/** Cloud DNS managed zone names: 1-63 chars, lower-case letters, digits, dashes, starting with a letter. */
function isValidZoneName(name) {
    return /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/.test(name);
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


/***/ }),

/***/ 25487:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   rG: () => (/* binding */ TerraformCli)
/* harmony export */ });
/* unused harmony exports errorSummary, maskValue */
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
    fail(what, r, fix) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1('TERRAFORM_FAILED', `${this.opts.binary} ${what} failed (exit code ${r.exitCode}).`, fix, [errorSummary(r.stderr || r.stdout)]);
    }
    async must(what, args, fix, quiet = false) {
        const r = await this.exec(args, { quiet });
        if (r.exitCode !== 0)
            this.fail(what, r, fix);
        return r;
    }
    async init(backendConfig = {}) {
        const extra = Object.entries(backendConfig).map(([k, v]) => `-backend-config=${k}=${v}`);
        await this.must('init', ['init', '-input=false', '-no-color', `-lock-timeout=${this.opts.lockTimeout}`, ...extra], 'Check that the module source and version exist and are reachable from the runner, and the backend settings under terraform.backend.');
    }
    /** Plan into a file. Exit code 1 is an error; 0 and 2 are "no changes" and "changes". */
    async plan(opts) {
        const args = [
            'plan',
            '-input=false',
            '-no-color',
            '-detailed-exitcode',
            `-lock-timeout=${this.opts.lockTimeout}`,
            `-out=${opts.planFile}`,
        ];
        if (opts.destroy)
            args.push('-destroy');
        if (opts.refreshOnly)
            args.push('-refresh-only');
        for (const t of opts.targets ?? [])
            args.push(`-target=${t}`);
        const r = await this.exec(args);
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
        await this.must('apply', ['apply', '-input=false', '-no-color', `-lock-timeout=${this.opts.lockTimeout}`, planFile], 'See the error above; after fixing it, plan and apply again.');
    }
    async destroy() {
        await this.must('destroy', ['destroy', '-auto-approve', '-input=false', '-no-color', `-lock-timeout=${this.opts.lockTimeout}`], 'See the error above; destroy can be re-run safely.');
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
    return 'See the Terraform error above.';
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


/***/ })

};
