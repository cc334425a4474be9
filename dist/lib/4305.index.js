export const id = 4305;
export const ids = [4305];
export const modules = {

/***/ 84305:
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
// EXTERNAL MODULE: ./shared/workspace.ts
var workspace = __webpack_require__(74107);
// EXTERNAL MODULE: ./shared/terraform/plan-render.ts
var plan_render = __webpack_require__(84091);
// EXTERNAL MODULE: ./shared/terraform/cli.ts
var cli = __webpack_require__(25487);
// EXTERNAL MODULE: ./shared/gcp/index.ts + 4 modules
var shared_gcp = __webpack_require__(15924);
// EXTERNAL MODULE: ./shared/terraform/transient.ts
var terraform_transient = __webpack_require__(64331);
// EXTERNAL MODULE: ./shared/report/render.ts
var render = __webpack_require__(23617);
// EXTERNAL MODULE: ./shared/report/model.ts
var model = __webpack_require__(1124);
// EXTERNAL MODULE: ./shared/terraform/churn.ts
var terraform_churn = __webpack_require__(16607);
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

// EXTERNAL MODULE: ./shared/checks/after-apply.ts
var after_apply = __webpack_require__(83753);
// EXTERNAL MODULE: ./shared/terraform/plan-json.ts
var plan_json = __webpack_require__(37305);
// EXTERNAL MODULE: ./shared/terraform/backend.ts
var backend = __webpack_require__(11037);
;// CONCATENATED MODULE: ./actions/terraform-apply/recover.ts




/**
 * Getting back on track after an apply that was killed (docs/troubleshooting.md#STATE-005 and #STATE-006), only
 * when the user asks:
 *
 * - `force-unlock: <lock id>` releases the state lock, after init, only when the lock held has exactly that ID (the
 *   one STATE-005 and the log printed). Another ID, or a lock taken since, is refused: only the user knows the run
 *   that held it is dead.
 * - `import-existing: true` imports what STATE-006 finds (the module's resources that exist while the state does not
 *   know them) as Terraform import blocks in the generated root, so the plan shows each import. An import that
 *   would replace or destroy the object is refused before anything is applied.
 */
const IMPORTS_FILE = 'gitspaces-imports.tf.json';
/** Releases the lock named by the force-unlock input; returns a line for the summary. */
async function releaseLockIfAsked(io, terraform, wanted, held, readLockAvailable) {
    if (!wanted)
        return undefined;
    if (readLockAvailable && !held) {
        io.log.warning(`force-unlock is ${wanted}, but no lock is held on the state: nothing released.`);
        return undefined;
    }
    if (held && held.id !== wanted)
        throw new errors/* ConfigurationError */.j1('FORCE_UNLOCK_MISMATCH', `force-unlock is ${wanted}, but the lock on the state is ${(0,backend/* describeLock */.FD)(held, io.clock.now())}.`, 'Nothing was released. Pass the ID of the lock held now, and only if the run that holds it is dead (a cancelled or killed job); if it is still running, wait for it.');
    await io.log.group(`terraform force-unlock ${wanted}`, () => terraform.forceUnlock(wanted));
    const line = `Released the Terraform state lock ${wanted}${held ? ` (${(0,backend/* describeLock */.FD)(held, io.clock.now())})` : ''}, as the force-unlock input asked.`;
    io.log.info(line);
    return line;
}
/**
 * Writes the import blocks for the collisions (against `terraform state list`); returns the addresses imported.
 * The file is the caller's to remove (it goes with the scratch directory's cleanup).
 */
async function writeImports(io, p) {
    const file = (0,external_node_path_.join)(p.workdir, IMPORTS_FILE);
    (0,external_node_fs_.rmSync)(file, { force: true });
    const [{ findCollisions, importBlocks, stateViewFromList }, { createGcp }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(8815), __webpack_require__.e(68)]).then(__webpack_require__.bind(__webpack_require__, 50068)),
        Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 15924)),
    ]);
    const state = stateViewFromList(await p.terraform.stateList());
    const gcp = createGcp({ keyJson: p.gcpCredentials, env: io.env, log: io.log, clock: io.clock });
    try {
        const { collisions } = await findCollisions(p.config, { compute: gcp.compute, dns: gcp.dns, certs: gcp.certs, iam: gcp.iam }, state);
        if (!collisions.length) {
            io.log.info('import-existing: nothing the module would create exists outside the state.');
            return [];
        }
        (0,external_node_fs_.writeFileSync)(file, JSON.stringify(importBlocks(collisions), null, 2) + '\n');
        io.log.info(`import-existing: importing ${collisions.length} existing resource(s) the state does not know:\n` +
            collisions.map((c) => `  ${c.address} <- ${c.importId}`).join('\n'));
        return collisions.map((c) => c.address);
    }
    finally {
        await gcp.close().catch(() => undefined);
    }
}
/** The plan's imports; refuses the plan when one would replace or destroy what it imports. */
function checkImports(plan) {
    const imports = (plan.resource_changes ?? []).filter((rc) => rc.change.importing);
    const destructive = imports.filter((rc) => rc.change.actions.includes('delete'));
    if (destructive.length)
        throw new errors/* ConfigurationError */.j1('IMPORT_WOULD_REPLACE', `import-existing: importing would then replace or destroy ${destructive.length} existing resource(s): ${destructive.map((rc) => `${rc.address} (${rc.change.actions.join(', ')})`).join('; ')}. Nothing was applied.`, 'They differ from the configuration in an attribute that cannot change in place: delete them instead (docs/troubleshooting.md#STATE-006 lists the commands), or make them match the configuration, then run again.');
    return imports;
}

;// CONCATENATED MODULE: ./actions/terraform-apply/modes.ts














const MODES = ['plan', 'apply', 'destroy', 'drift', 'preview'];
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
    const { findMarkedComment, githubClient, splitRepository, upsertMarkedComment } = await Promise.all(/* import() */[__webpack_require__.e(2413), __webpack_require__.e(3997)]).then(__webpack_require__.bind(__webpack_require__, 63997));
    const { owner, repo } = splitRepository(repository);
    const octokit = githubClient(token, io.env);
    // Only the workflow's own comments count (shared/github/review.ts says why this login).
    const author = io.inputs.optional('preview-author') || 'github-actions[bot]';
    return {
        find: (marker) => findMarkedComment({ octokit, owner, repo, issueNumber, marker, author }),
        upsert: (marker, body) => upsertMarkedComment({ octokit, owner, repo, issueNumber, marker, body, author }),
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
    const { githubClient, splitRepository } = await Promise.all(/* import() */[__webpack_require__.e(2413), __webpack_require__.e(3997)]).then(__webpack_require__.bind(__webpack_require__, 63997));
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
    const imports = checkImports(plan);
    const churn = (0,terraform_churn/* classifyPlan */.Qn)(plan);
    const fingerprint = (0,plan_render/* planFingerprint */.an)(plan);
    const counts = (0,plan_render/* planCounts */.Ai)((0,terraform_churn/* withoutChurn */.d5)(plan, churn));
    const hasChurn = churn.churn.length + churn.churnOutputs.length > 0;
    const apply = imports.length > 0 ||
        (outcome.changes && (churn.real.length > 0 || (churn.realOutputs.length > 0 && !churn.churn.length)));
    if (imports.length)
        run.io.log.info(`The plan imports ${imports.length} existing resource(s) (import-existing): ${imports.map((rc) => `${rc.address} (${(0,plan_json/* kindOf */.I)(rc.change.actions) === 'no-op' ? 'no change' : rc.change.actions.join(', ')})`).join('; ')}`);
    if (hasChurn)
        run.io.log.info((0,plan_render/* churnLine */.J7)(churn));
    if (!churn.real.length && churn.realOutputs.length && churn.churn.length)
        run.io.log.warning(`Only outputs change (${churn.realOutputs.map(([n]) => n).join(', ')}), next to the module's churn: not applied, since applying would replace the gateways; they are applied with the next real change.`);
    run.setOutput('changes', String(apply));
    run.setOutput('plan-fingerprint', fingerprint);
    const rendered = (0,plan_render/* renderPlanComment */.zk)(plan, { ...run.target, runUrl: run.runUrl, secrets: run.secrets });
    return { outcome, plan, fingerprint, counts, churn, apply, rendered, imports: imports.length };
}
/** The phase's one line: Terraform's counts of the real changes, and the churn left unapplied. */
function planLine(p) {
    const churn = p.churn.churn.length + p.churn.churnOutputs.length;
    if (!p.apply && churn)
        return `No changes (module churn only, not applied: ${p.churn.churn.length} resource(s), ${p.churn.churnOutputs.length} output(s) change only through the module's uuid()/timestamp()).`;
    return `${(0,plan_render/* countsLine */.at)(p.counts)}${churn ? ` ${(0,plan_render/* churnLine */.J7)(p.churn)}` : ''}`;
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
            fingerprint: (0,plan_render/* planFingerprint */.an)(await run.terraform.show((0,external_node_path_.resolve)(run.reviewedPlanFile))),
            from: `the plan file ${run.reviewedPlanFile}`,
        };
    }
    const pr = prNumber(io) ?? run.pushedPr;
    if (pr === undefined || !(run.deps.comments || githubToken))
        return { from: '' };
    const comments = run.deps.comments ?? (await defaultComments(io, githubToken, pr));
    const found = await comments.find(run.marker);
    if (!found) {
        throw new errors/* ConfigurationError */.j1('PLAN_NOT_REVIEWED', `No plan comment for ${run.rootDir} (workspace ${run.workspace}${run.label ? `, label ${run.label}` : ''}) on pull request #${pr}.`, 'Run terraform-apply with mode: plan on the pull request first, with the same working-directory and label.');
    }
    const fingerprint = (0,plan_render/* fingerprintFromComment */.Ed)(found.body);
    if (!fingerprint)
        throw new errors/* ConfigurationError */.j1('PLAN_NOT_REVIEWED', `The plan comment for ${run.rootDir} on pull request #${pr} carries no fingerprint on its last line (edited, or cut).`, 'Run terraform-apply with mode: plan on the pull request again, and do not edit its comment.');
    return { fingerprint, from: `the plan comment on pull request #${pr}` };
}
/**
 * On a push event (the merge), the pull request of the pushed commit (`commits/{sha}/pulls`), whose plan comment
 * holds the reviewed plan; none is `not-reviewed` unless auto-approve. The pipeline's own apply phase passes
 * `require-review: false`: its gate has compared the whole preview already.
 */
async function pushedPullRequest(io, githubToken) {
    if (io.env.GITHUB_EVENT_NAME !== 'push' || !io.inputs.boolean('require-review', true))
        return undefined;
    const repository = io.env.GITHUB_REPOSITORY ?? '';
    const sha = io.env.GITHUB_SHA ?? '';
    let pulls = [];
    if (githubToken && repository && sha) {
        const { githubClient, splitRepository } = await Promise.all(/* import() */[__webpack_require__.e(2413), __webpack_require__.e(3997)]).then(__webpack_require__.bind(__webpack_require__, 63997));
        const { pullsOfCommit } = await Promise.all(/* import() */[__webpack_require__.e(2413), __webpack_require__.e(4445)]).then(__webpack_require__.bind(__webpack_require__, 56826));
        pulls = await pullsOfCommit(githubClient(githubToken, io.env), { ...splitRepository(repository), sha });
    }
    if (pulls[0])
        return pulls[0].number;
    if (io.inputs.boolean('auto-approve', false)) {
        io.log.warning(`Applying without a reviewed plan (auto-approve: true): commit ${sha.slice(0, 12)} has no pull request.`);
        return undefined;
    }
    io.setOutput('failure-reason', 'not-reviewed');
    throw new errors/* ConfigurationError */.j1('PLAN_NOT_REVIEWED', `not-reviewed: commit ${sha.slice(0, 12) || '(no GITHUB_SHA)'} has no pull request whose plan was reviewed. Nothing was applied.`, 'Open a pull request for the change and let terraform-apply (mode: plan) comment on it, or set auto-approve: true.');
}
/** mode: apply. Applies only what was reviewed, then hands the module's outputs on and runs the health gates. */
async function applyReviewedPlan(run, p) {
    const { io } = run;
    // The pipeline's gate hands on the plan it recomputed (against the predicted Infra Config YAML): the plan made
    // now, with the YAML configure wrote, must be that one.
    const gated = io.inputs.optional('reviewed-plan-fingerprint');
    if (gated) {
        const { previewPlanFingerprint } = await __webpack_require__.e(/* import() */ 104).then(__webpack_require__.bind(__webpack_require__, 80104));
        const now = previewPlanFingerprint(p.plan, run.secrets);
        if (now !== gated)
            return await refuseChangedPlan(run, p, `the plan the review gate recomputed (${gated.slice(0, 19)}…; with Harness's Infra Config YAML the plan is ${now.slice(0, 19)}…)`);
        io.log.info(`The plan is the one the review gate recomputed (${gated.slice(0, 19)}…).`);
    }
    const reviewed = await reviewedFingerprint(run);
    if (reviewed.fingerprint && reviewed.fingerprint !== p.fingerprint) {
        return await refuseChangedPlan(run, p, `${reviewed.from} (${reviewed.fingerprint.slice(0, 19)}…, the plan now is ${p.fingerprint.slice(0, 19)}…)`);
    }
    const how = await applyRealChanges(run, p);
    if (how === 'refused')
        return await refuseChangedPlan(run, p, 'the targeted plan of its real changes');
    // Nothing applied: the state's outputs are the ones the plan read (its prior state), no `terraform output` needed.
    const module = await handOnModuleOutputs(run, how === 'none' ? (0,plan_json/* priorOutputs */.J)(p.plan) : undefined);
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
        io.log.info(churnCount(p) ? `No changes to apply. ${(0,plan_render/* churnLine */.J7)(p.churn)}` : 'No changes to apply.');
        return 'none';
    }
    // Imports are applied with the saved plan as it is: a targeted plan would leave them out.
    if (!p.churn.churn.length || p.imports) {
        const again = await applyOrTransient(run, run.planFile);
        if (again)
            return retryAfterTransient(run, p, again);
        return 'whole';
    }
    const targets = p.churn.real.map((rc) => rc.address);
    io.log.info(`Applying the ${targets.length} real change(s) only, with -target (the module's churn is left out): ${targets.join(', ')}`);
    const targetedFile = `${run.planFile}.targeted`;
    await io.log.group(`${run.binary} plan -target (real changes only)`, () => run.terraform.plan({ planFile: targetedFile, targets }));
    const targeted = (0,terraform_churn/* classifyPlan */.Qn)(await run.terraform.show(targetedFile));
    const key = (c) => c.real
        .map((rc) => `${rc.address} ${rc.change.actions.join(',')}`)
        .sort()
        .join('\n');
    if (key(targeted) !== key(p.churn))
        return 'refused';
    const again = await applyOrTransient(run, targetedFile);
    if (again)
        return retryAfterTransient(run, p, again);
    return 'targeted';
}
/** Applies of one run at most: the first, and two after transient failures. */
const APPLY_ATTEMPTS = 3;
const applyAttempts = new WeakMap();
/**
 * Applies a saved plan. When terraform fails only on transient remote errors (each `Error:` block one), returns
 * those errors instead of throwing, once attempts remain: the real Google provider does not send a POST again
 * after a dropped connection (`Post "...": EOF`: Go's transport replays only GET/HEAD, and `EOF` is not among
 * the provider's retry predicates), so a write lost in transit fails the apply although nothing is wrong.
 */
async function applyOrTransient(run, planFile) {
    const n = (applyAttempts.get(run) ?? 0) + 1;
    applyAttempts.set(run, n);
    try {
        await run.io.log.group(`${run.binary} apply`, () => run.terraform.apply(planFile));
        return undefined;
    }
    catch (e) {
        let text = (0,errors/* isConfigurationError */.p0)(e) ? e.details.join('\n') : '';
        // A state write that failed after the resources were made: the state is in errored.tfstate; once it is pushed,
        // that block is no longer a failure of its own, and what remains decides whether to plan again.
        if (await run.terraform.pushErroredState()) {
            run.io.log.warning(`${run.binary} apply could not save the state to the backend; the state it kept in errored.tfstate was pushed (terraform state push) and the file removed.`);
            text = text
                .split(/^(?=Error: )/m)
                .filter((b) => !/^Error: Failed to persist state to backend/.test(b))
                .join('');
        }
        if (n >= APPLY_ATTEMPTS || !(0,terraform_transient/* onlyTransientErrors */.w)(text))
            throw e;
        return text;
    }
}
/**
 * After an apply that failed on transient errors: plans again (what was applied is in the state now) and applies
 * what is left, only if every real change left was in the plan being applied; else nothing more is applied.
 */
async function retryAfterTransient(run, p, errors) {
    run.io.log.warning(`${run.binary} apply failed on transient remote errors only; planning again and applying what is left:\n${errors}`);
    const again = await makePlan(run);
    const reviewed = new Set(p.churn.real.map((rc) => rc.address));
    if (again.churn.real.some((rc) => !reviewed.has(rc.address)))
        return 'refused';
    const how = await applyRealChanges(run, again);
    return how === 'none' ? 'whole' : how;
}
/**
 * The module's outputs as this action's: the runner's pool file, the load balancer addresses, the zone. From
 * `terraform output`, or from the outputs the plan read when nothing was applied since (sensitive ones masked the
 * same way).
 */
async function handOnModuleOutputs(run, read) {
    if (read)
        for (const o of Object.values(read))
            if (o.sensitive)
                (0,cli/* maskValue */.QS)(run.io.log, o.value);
    const tfOutputs = read ?? (await run.terraform.output());
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
    const gateInputs = await (0,after_apply/* gateInputsFor */.Ic)(config, run.setupYaml, alb, () => io.clock.now());
    const apis = run.deps.gates ??
        (0,after_apply/* gcpGateApis */.xn)((0,shared_gcp.createGcp)({ keyJson: run.gcpCredentials, env: io.env, log: io.log, clock: io.clock }));
    return (0,after_apply/* runAfterApplyGates */.Y1)(apis, gateInputs);
}
function applySummary(run, p, m, checks) {
    const addresses = (ips) => Object.entries(ips)
        .map(([k, v]) => `${k} \`${v}\``)
        .join(', ') || 'none';
    const lines = [
        `## Gitspaces: terraform apply of \`${run.rootDir}\``,
        '',
        p.apply
            ? `**✅ Applied: ${(0,plan_render/* countsLine */.at)(p.counts)}**${churnCount(p) ? ` ${(0,plan_render/* churnLine */.J7)(p.churn)}` : ''}`
            : churnCount(p)
                ? `**✅ No changes (module churn only, not applied):** ${(0,plan_render/* churnLine */.J7)(p.churn)}`
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












/**
 * The key file the module reads, copied to a fixed path (and removed at the end when we made it). A key converted
 * from P12 goes into its own directory (mode 0700) under the same fixed place, so plan and apply name one path.
 */
function prepareKeyFile(io, gcpCredentials, stableDir, fromP12 = false) {
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
    // A private directory (0700, this user's, not a symbolic link): the key is mode 0600 inside it; a key converted
    // from P12 goes into a private directory of its own there.
    (0,workspace/* ensurePrivateDir */.rh)(stableDir);
    const dir = fromP12 ? (0,external_node_path_.join)(stableDir, 'gitspaces-p12-key') : undefined;
    if (dir)
        (0,workspace/* ensurePrivateDir */.rh)(dir);
    const path = (0,external_node_path_.join)(dir ?? stableDir, KEY_FILE_NAME);
    (0,external_node_fs_.writeFileSync)(path, text, { mode: 0o600 });
    return { path, dir, created: true, secrets };
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
    const given = inp.optional('working-directory');
    const rootDir = given || config.terraform.working_directory;
    // Relative to the workspace (GITHUB_WORKSPACE on a runner); absolute, `~` and `..` are refused as in the config.
    const workdir = (0,workspace/* resolveInWorkspace */.z1)(rootDir, io.env, given ? 'The working-directory input' : 'terraform.working_directory');
    return {
        mode,
        binary: inp.oneOf('binary', ['terraform', 'tofu'], config.terraform.binary),
        rootDir,
        workdir,
        label: inp.optional('label', ''),
        workspace: io.env.TF_WORKSPACE || 'default',
        stableDir: io.env.RUNNER_TEMP ? (0,workspace/* privateDirPath */.eK)(io.env, workdir) : (0,external_node_path_.join)(workdir, '.gitspaces'),
        infraConfigPath: (0,external_node_path_.resolve)(inp.optional('infra-config-path') || (0,workspace/* infraConfigDefaultPath */.V9)(io.env, config.terraform.working_directory)),
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
        secrets: given.secrets,
        lockFree: i.mode === 'preview',
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
        marker: (0,plan_render/* planMarker */.YH)(target),
        runUrl: (0,plan_render/* runUrlFromEnv */.kk)(io.env),
        outputs,
        setOutput: (k, v) => {
            outputs[k] = v;
            io.setOutput(k, v);
        },
        phase: (status, summary, extra = {}) => ({
            name: mode === 'plan' || mode === 'preview'
                ? 'plan'
                : mode === 'drift'
                    ? 'drift'
                    : mode === 'destroy'
                        ? 'destroy'
                        : 'apply',
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
        return undefined;
    const { lockNotice, prepareStateBucket, readStateLock } = await Promise.all(/* import() */[__webpack_require__.e(8815), __webpack_require__.e(5760)]).then(__webpack_require__.bind(__webpack_require__, 45760));
    io.log.info(`Terraform state: gs://${backend.bucket}/${backend.prefix} (gcs backend)`);
    const gcp = (0,shared_gcp.createGcp)({ keyJson: p.gcpCredentials, env: io.env, log: io.log, clock: io.clock });
    try {
        // The lock is read alongside the bucket check (one round trip, not two): in a bucket that is missing, or
        // created just now, there is no lock, and the read says so.
        const [created, lock] = await Promise.all([
            prepareStateBucket({
                backend,
                create: io.inputs.boolean('create-state-bucket', false),
                project: p.config.gcp.project_id,
                location: Object.keys(p.config.infrastructure.regions)[0] ?? 'US',
                rest: gcp.rest,
                log: io.log,
            }),
            readStateLock(gcp.rest, backend, p.workspace),
        ]);
        if (created)
            await io.appendSummary(`## Gitspaces: Terraform state\n\n${created}\n`);
        if (lock && lock.id !== p.forceUnlock)
            io.log.warning(lockNotice(lock, io.clock.now(), p.rootDir, p.config.terraform.lock_timeout));
        return lock;
    }
    finally {
        await gcp.close().catch(() => undefined);
    }
}
/** A failed terraform command in the job summary, with Terraform's own `Error:` blocks (secrets already masked). */
async function summariseTerraformFailure(io, e) {
    if (!(0,errors/* isConfigurationError */.p0)(e) || e.code !== 'TERRAFORM_FAILED')
        return;
    const ce = e;
    const fence = '```';
    const quoted = ce.details.join('\n').split(fence).join("'''");
    const title = ce.message.split(' failed')[0] ?? 'terraform';
    await io.appendSummary(`## Gitspaces: ${title} failed\n\n${quoted ? `${fence}\n${quoted}\n${fence}\n\n` : ''}**Fix:** ${ce.fix}\n`);
}
async function main(io, deps = {}) {
    const startedAt = io.clock.now();
    const inp = io.inputs;
    const givenCredentials = inp.secret('gcp-credentials');
    const githubToken = inp.secret('github-token') || io.env.GITHUB_TOKEN || '';
    if (githubToken)
        io.log.mask(githubToken);
    inp.secret('harness-api-key');
    const mode = inp.oneOf('mode', MODES, 'plan');
    const config = deps.config ?? (await (0,load.loadConfig)(inp.optional('config', 'gitspaces.yaml')));
    const i = readApplyInputs(io, config, mode);
    // apply on a push: the reviewed pull request is found before anything runs (a plan takes a state lock).
    const pushedPr = mode === 'apply' ? await pushedPullRequest(io, githubToken) : undefined;
    // Loaded once the config was read: a run that stops on its inputs never loads yaml or the root generator.
    const [{ checkInstalledModule, generateRoot, writeRoot }, { createScratch, terraformEnv }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(8815), __webpack_require__.e(2341)]).then(__webpack_require__.bind(__webpack_require__, 62341)),
        Promise.all(/* import() */[__webpack_require__.e(8815), __webpack_require__.e(5760)]).then(__webpack_require__.bind(__webpack_require__, 45760)),
    ]);
    // preview: a module outside the allow-list is never initialised (init and plan would run its code).
    const { modulePin, previewBackend, previewPlan, refuseModule } = await __webpack_require__.e(/* import() */ 104).then(__webpack_require__.bind(__webpack_require__, 80104));
    if (mode === 'preview') {
        const pin = modulePin(config, inp.list('allowed-module-sources'));
        if (pin.refused)
            refuseModule(pin);
    }
    const { setupYaml, secrets } = await readInfraConfig(io, i.infraConfigPath);
    // A P12 key becomes the equivalent JSON key (in memory) for every client and for Terraform.
    const fromP12 = await (0,shared_gcp.jsonKeyForP12)({
        keyJson: givenCredentials,
        env: io.env,
        log: io.log,
        clock: io.clock,
        serviceAccountEmail: inp.optional('gcp-service-account-email') || config.gcp.service_account_email,
    });
    const gcpCredentials = fromP12 ?? givenCredentials;
    // The plan file lives outside the work tree; it, .terraform and the key copy go at the end or on a signal
    // (the handlers are in place before the key is written).
    const scratch = createScratch(io.env, i.workdir);
    let key;
    try {
        key = prepareKeyFile(io, gcpCredentials, i.stableDir, fromP12 !== undefined);
    }
    catch (e) {
        scratch.cleanup();
        throw e;
    }
    scratch.track(key.dir ?? key.path);
    secrets.push(...key.secrets);
    const run = newApplyRun(io, deps, config, { ...i, pushedPr }, {
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
        const stateNote = mode === 'preview'
            ? await previewBackend(io, root, { gcpCredentials, workspace: i.workspace, scratchDir: scratch.dir })
            : '';
        writeRoot(workdir, root);
        io.log.info(`Module ${root.source}${root.version ? ` ${root.version}` : ''} (generation ${root.generation}); root ${i.rootDir}`);
        if (mode === 'preview')
            io.log.info(`Preview: ${stateNote}`);
        const forceUnlock = mode === 'preview' ? '' : inp.optional('force-unlock');
        const importExisting = mode !== 'preview' && inp.boolean('import-existing', false);
        const lock = mode === 'preview'
            ? undefined
            : await prepareState(io, {
                root,
                config,
                gcpCredentials,
                rootDir: i.rootDir,
                workspace: i.workspace,
                forceUnlock,
            });
        await io.log.group(`${i.binary} init`, () => run.terraform.init());
        await checkInstalledModule(workdir, root, setupYaml);
        const released = await releaseLockIfAsked(io, run.terraform, forceUnlock, lock, root.backend.type === 'gcs');
        if (released)
            await io.appendSummary(`## Gitspaces: Terraform state\n\n${released}\n`);
        if (importExisting && (mode === 'plan' || mode === 'apply')) {
            scratch.track((0,external_node_path_.join)(workdir, IMPORTS_FILE));
            await writeImports(io, { config, terraform: run.terraform, workdir, gcpCredentials });
        }
        if (mode === 'destroy')
            return await destroyStack(run);
        if (mode === 'drift')
            return await checkDrift(run);
        const plan = await makePlan(run);
        if (mode === 'preview')
            return await previewPlan(run, plan, plan.plan, stateNote);
        return mode === 'plan' ? await planForReview(run, plan) : await applyReviewedPlan(run, plan);
    }
    catch (e) {
        await summariseTerraformFailure(io, e);
        throw e;
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
