import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ActionIO, ActionResult } from '../../shared/action.js';
import type { GitspacesConfig } from '../../shared/config/schema.js';
import { ConfigurationError, isConfigurationError } from '../../shared/errors.js';
import { createGcp } from '../../shared/gcp/index.js';
import { onlyTransientErrors } from '../../shared/terraform/transient.js';
import type { CheckResult } from '../../shared/report/model.js';
import { renderChecksMarkdown } from '../../shared/report/render.js';
import { checkVerdict } from '../../shared/report/model.js';
import {
  PlanCounts,
  PlanJson,
  churnLine,
  countsLine,
  fingerprintFromComment,
  planCounts,
  planFingerprint,
  renderPlanComment,
} from '../../shared/terraform/plan-render.js';
import { ChurnClassification, classifyPlan, withoutChurn } from '../../shared/terraform/churn.js';
import { classifyDrift, computedOnlyAttributes } from '../../shared/terraform/drift.js';
import { maskValue } from '../../shared/terraform/cli.js';
import type { PlanOutcome, TerraformCli } from '../../shared/terraform/cli.js';
import { GateApis, gateInputsFor, gcpGateApis, runAfterApplyGates } from '../../shared/checks/after-apply.js';
import { kindOf, priorOutputs } from '../../shared/terraform/plan-json.js';
import { checkImports } from './recover.js';

export const MODES = ['plan', 'apply', 'destroy', 'drift', 'preview'] as const;
export type Mode = (typeof MODES)[number];

/** Where the key the module reads lives: a fixed path, so that plan and apply (other jobs) plan the same value. */
export const KEY_FILE_NAME = 'gitspaces-sa-key.json';

/** What the comment step needs; defaults to @actions/github's Octokit against GITHUB_API_URL. */
export interface PlanComments {
  find(marker: string): Promise<{ body: string } | undefined>;
  upsert(marker: string, body: string): Promise<{ action: string; url: string }>;
}

export interface TerraformApplyDeps {
  config?: GitspacesConfig;
  comments?: PlanComments;
  gates?: GateApis;
}

/** One terraform-apply run: what it was asked, the terraform CLI in its root, and where its results go. */
export interface ApplyRun {
  io: ActionIO;
  deps: TerraformApplyDeps;
  config: GitspacesConfig;
  mode: Mode;
  binary: string;
  terraform: TerraformCli;
  /** The root as the user named it, and resolved. */
  rootDir: string;
  workdir: string;
  workspace: string;
  label: string;
  githubToken: string;
  gcpCredentials: string;
  setupYaml: string;
  /** Values to keep out of the plan comment. */
  secrets: string[];
  planFile: string;
  /** The `plan-file` input: where plan mode saves the reviewed plan, and what apply mode checks against. */
  reviewedPlanFile: string;
  runGates: boolean;
  comment: boolean;
  /** On a push event: the pull request of the pushed commit, found before anything ran. */
  pushedPr?: number;
  /** The plan comment's identity (root, workspace, label) and its hidden marker. */
  target: { root: string; workspace: string; label: string };
  marker: string;
  runUrl?: string;
  setOutput(name: string, value: string): void;
  outputs: Record<string, string>;
  phase(
    status: 'ok' | 'failed',
    summary: string,
    extra?: Partial<ActionResult['phase']>,
  ): ActionResult['phase'];
}

function prNumber(io: ActionIO): number | undefined {
  const explicit = io.inputs.optional('pr-number');
  if (explicit) {
    if (!/^\d+$/.test(explicit))
      throw new ConfigurationError(
        'INPUT_INVALID',
        `pr-number must be a number, got "${explicit}"`,
        'Pass the pull request number, e.g. ${{ github.event.pull_request.number }}.',
      );
    return Number(explicit);
  }
  const path = io.env.GITHUB_EVENT_PATH;
  if (!path || !existsSync(path)) return undefined;
  try {
    const event = JSON.parse(readFileSync(path, 'utf8')) as {
      pull_request?: { number?: number };
      issue?: { number?: number; pull_request?: unknown };
    };
    return event.pull_request?.number ?? (event.issue?.pull_request ? event.issue.number : undefined);
  } catch {
    return undefined;
  }
}

/** The GitHub client (Octokit) loads only when a comment or an issue is written: it costs ~150 ms at start. */
async function defaultComments(io: ActionIO, token: string, issueNumber: number): Promise<PlanComments> {
  const repository = io.env.GITHUB_REPOSITORY;
  if (!repository)
    throw new ConfigurationError(
      'INPUT_MISSING',
      'GITHUB_REPOSITORY is not set',
      'Run inside GitHub Actions, or set GITHUB_REPOSITORY=owner/repo.',
    );
  const { findMarkedComment, githubClient, splitRepository, upsertMarkedComment } =
    await import('../../shared/github/comments.js');
  const { owner, repo } = splitRepository(repository);
  const octokit = githubClient(token, io.env);
  // Only the workflow's own comments count (shared/github/review.ts says why this login).
  const author = io.inputs.optional('preview-author') || 'github-actions[bot]';
  return {
    find: (marker) => findMarkedComment({ octokit, owner, repo, issueNumber, marker, author }),
    upsert: (marker, body) =>
      upsertMarkedComment({ octokit, owner, repo, issueNumber, marker, body, author }),
  };
}

/** pool.yaml from the module's instance_yaml, with the key path the runner container will see (/runner/<file>). */
export async function runnerPoolYaml(instanceYaml: string, keyFileName: string): Promise<string> {
  const { parse: parseYaml, stringify: stringifyYaml } = await import('yaml');
  const doc = parseYaml(instanceYaml) as { instances?: { spec?: { account?: Record<string, unknown> } }[] };
  for (const inst of doc.instances ?? []) {
    if (inst.spec?.account) inst.spec.account.json_path = `/runner/${keyFileName}`;
  }
  return stringifyYaml(doc);
}

function outputValue<T>(outputs: Record<string, { value: unknown }>, name: string): T | undefined {
  return outputs[name]?.value as T | undefined;
}

/** mode: destroy. */
export async function destroyStack(run: ApplyRun): Promise<ActionResult> {
  const { io, rootDir, workspace } = run;
  await io.log.group(`${run.binary} destroy`, () => run.terraform.destroy());
  rmSync(join(run.workdir, 'pool.yaml'), { force: true });
  run.setOutput('changes', 'true');
  await io.appendSummary(
    `## Gitspaces: terraform destroy\n\n**✅ Destroyed every resource of \`${rootDir}\` (workspace \`${workspace}\`).**\n`,
  );
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
export async function checkDrift(run: ApplyRun): Promise<ActionResult> {
  const { io, rootDir } = run;
  const inp = io.inputs;
  const d = await io.log.group(`${run.binary} plan -refresh-only`, () => run.terraform.drift(run.planFile));
  const computed = computedOnlyAttributes(
    (await run.terraform.providersSchema()) as Parameters<typeof computedOnlyAttributes>[0],
  );
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
  if (ignored.length) io.log.info(`Refresh-only differences that are not drift: ${ignored.join('; ')}`);
  run.setOutput('drift', String(drift));
  run.setOutput('exit-code', String(d.exitCode));
  const body = drift
    ? `**⚠️ Drift: ${drifted.length} resource(s) differ from the state** (refresh-only plan exit code ${d.exitCode}).\n\n${c.drifted.map((e) => `- \`${e.address}\`: ${e.attributes.join(', ')}`).join('\n')}\n\nRun terraform-apply (mode: plan) to see what applying the configuration would change back.${notDrift}`
    : `**✅ No drift:** the real resources match the state (refresh-only plan exit code ${d.exitCode}).${metadataOnly}${notDrift}`;
  const issueNote = inp.boolean('drift-issue', false) ? await syncDriftIssueFor(run, drift, drifted) : '';
  await io.appendSummary(
    `## Gitspaces: drift check of \`${rootDir}\`\n\n${body}\n${issueNote ? `\n${issueNote}.\n` : ''}`,
  );
  return {
    outputs: run.outputs,
    phase: run.phase('ok', drift ? `drift in ${drifted.length} resource(s)` : 'no drift'),
    exitCode: drift && inp.boolean('fail-on-drift', false) ? 1 : 0,
  };
}

async function syncDriftIssueFor(run: ApplyRun, drift: boolean, drifted: string[]): Promise<string> {
  const { io, githubToken } = run;
  const repository = io.env.GITHUB_REPOSITORY;
  if (!repository || !githubToken)
    throw new ConfigurationError(
      'INPUT_MISSING',
      'drift-issue needs GITHUB_REPOSITORY and a github-token',
      'Pass `github-token: ${{ github.token }}` with `issues: write`, or set drift-issue: false.',
    );
  const { githubClient, splitRepository } = await import('../../shared/github/comments.js');
  const { syncDriftIssue } = await import('../../shared/github/drift.js');
  const { owner, repo } = splitRepository(repository);
  const note = await syncDriftIssue(
    {
      octokit: githubClient(githubToken, io.env),
      owner,
      repo,
      root: run.rootDir,
      label: io.inputs.optional('drift-issue-label', 'gitspaces-drift'),
      runUrl: run.runUrl,
    },
    { drift, drifted },
  );
  io.log.info(note);
  return note;
}

/** The plan, its fingerprint and counts (real changes only), the module's churn apart, and the comment. */
export interface ReviewablePlan {
  outcome: PlanOutcome;
  plan: PlanJson;
  fingerprint: string;
  /** The real changes (the module's churn left out). */
  counts: PlanCounts;
  churn: ChurnClassification;
  /** Whether apply has anything to do: a real resource change, or an output change while there is no churn. */
  apply: boolean;
  rendered: string;
  /** Resources the plan imports (import-existing): the saved plan is then applied whole. */
  imports: number;
}

export async function makePlan(run: ApplyRun): Promise<ReviewablePlan> {
  const outcome = await run.io.log.group(`${run.binary} plan`, () =>
    run.terraform.plan({ planFile: run.planFile }),
  );
  const plan: PlanJson = await run.terraform.show(run.planFile);
  const imports = checkImports(plan);
  const churn = classifyPlan(plan);
  const fingerprint = planFingerprint(plan);
  const counts = planCounts(withoutChurn(plan, churn));
  const hasChurn = churn.churn.length + churn.churnOutputs.length > 0;
  const apply =
    imports.length > 0 ||
    (outcome.changes && (churn.real.length > 0 || (churn.realOutputs.length > 0 && !churn.churn.length)));
  if (imports.length)
    run.io.log.info(
      `The plan imports ${imports.length} existing resource(s) (import-existing): ${imports.map((rc) => `${rc.address} (${kindOf(rc.change.actions) === 'no-op' ? 'no change' : rc.change.actions.join(', ')})`).join('; ')}`,
    );
  if (hasChurn) run.io.log.info(churnLine(churn));
  if (!churn.real.length && churn.realOutputs.length && churn.churn.length)
    run.io.log.warning(
      `Only outputs change (${churn.realOutputs.map(([n]) => n).join(', ')}), next to the module's churn: not applied, since applying would replace the gateways; they are applied with the next real change.`,
    );
  run.setOutput('changes', String(apply));
  run.setOutput('plan-fingerprint', fingerprint);
  const rendered = renderPlanComment(plan, { ...run.target, runUrl: run.runUrl, secrets: run.secrets });
  return { outcome, plan, fingerprint, counts, churn, apply, rendered, imports: imports.length };
}

/** The phase's one line: Terraform's counts of the real changes, and the churn left unapplied. */
function planLine(p: ReviewablePlan): string {
  const churn = p.churn.churn.length + p.churn.churnOutputs.length;
  if (!p.apply && churn)
    return `No changes (module churn only, not applied: ${p.churn.churn.length} resource(s), ${p.churn.churnOutputs.length} output(s) change only through the module's uuid()/timestamp()).`;
  return `${countsLine(p.counts)}${churn ? ` ${churnLine(p.churn)}` : ''}`;
}

function changesOf(counts: PlanCounts) {
  return { changes: { created: counts.add, updated: counts.change, deleted: counts.destroy } };
}

/** mode: plan. The plan goes to the pull request (one comment per root, updated in place) and the summary. */
export async function planForReview(run: ApplyRun, p: ReviewablePlan): Promise<ActionResult> {
  const { io, githubToken } = run;
  const pr = prNumber(io);
  let commentNote = '';
  if (run.comment && pr !== undefined) {
    if (!run.deps.comments && !githubToken) {
      throw new ConfigurationError(
        'INPUT_MISSING',
        'No GitHub token to comment on the pull request',
        'Pass `github-token: ${{ github.token }}` (with `pull-requests: write`), or set comment: false.',
      );
    }
    const comments = run.deps.comments ?? (await defaultComments(io, githubToken, pr));
    const r = await comments.upsert(run.marker, p.rendered);
    run.setOutput('comment-url', r.url);
    commentNote = `Plan comment ${r.action} on pull request #${pr}`;
    io.log.info(`${commentNote}: ${r.url}`);
  }
  if (run.reviewedPlanFile) copyFileSync(run.planFile, resolve(run.reviewedPlanFile));
  await io.appendSummary(p.rendered + '\n');
  return {
    outputs: run.outputs,
    phase: run.phase('ok', `${planLine(p)}${commentNote ? ` ${commentNote}.` : ''}`, changesOf(p.counts)),
    exitCode: 0,
  };
}

/** The fingerprint of the plan that was reviewed: the saved plan file, else the pull request's plan comment. */
async function reviewedFingerprint(run: ApplyRun): Promise<{ fingerprint?: string; from: string }> {
  const { io, githubToken } = run;
  if (run.reviewedPlanFile) {
    return {
      fingerprint: planFingerprint(await run.terraform.show(resolve(run.reviewedPlanFile))),
      from: `the plan file ${run.reviewedPlanFile}`,
    };
  }
  const pr = prNumber(io) ?? run.pushedPr;
  if (pr === undefined || !(run.deps.comments || githubToken)) return { from: '' };
  const comments = run.deps.comments ?? (await defaultComments(io, githubToken, pr));
  const found = await comments.find(run.marker);
  if (!found) {
    throw new ConfigurationError(
      'PLAN_NOT_REVIEWED',
      `No plan comment for ${run.rootDir} (workspace ${run.workspace}${run.label ? `, label ${run.label}` : ''}) on pull request #${pr}.`,
      'Run terraform-apply with mode: plan on the pull request first, with the same working-directory and label.',
    );
  }
  const fingerprint = fingerprintFromComment(found.body);
  if (!fingerprint)
    throw new ConfigurationError(
      'PLAN_NOT_REVIEWED',
      `The plan comment for ${run.rootDir} on pull request #${pr} carries no fingerprint on its last line (edited, or cut).`,
      'Run terraform-apply with mode: plan on the pull request again, and do not edit its comment.',
    );
  return { fingerprint, from: `the plan comment on pull request #${pr}` };
}

/**
 * On a push event (the merge), the pull request of the pushed commit (`commits/{sha}/pulls`), whose plan comment
 * holds the reviewed plan; none is `not-reviewed` unless auto-approve. The pipeline's own apply phase passes
 * `require-review: false`: its gate has compared the whole preview already.
 */
export async function pushedPullRequest(io: ActionIO, githubToken: string): Promise<number | undefined> {
  if (io.env.GITHUB_EVENT_NAME !== 'push' || !io.inputs.boolean('require-review', true)) return undefined;
  const repository = io.env.GITHUB_REPOSITORY ?? '';
  const sha = io.env.GITHUB_SHA ?? '';
  let pulls: { number: number }[] = [];
  if (githubToken && repository && sha) {
    const { githubClient, splitRepository } = await import('../../shared/github/comments.js');
    const { pullsOfCommit } = await import('../../shared/github/review.js');
    pulls = await pullsOfCommit(githubClient(githubToken, io.env), { ...splitRepository(repository), sha });
  }
  if (pulls[0]) return pulls[0].number;
  if (io.inputs.boolean('auto-approve', false)) {
    io.log.warning(
      `Applying without a reviewed plan (auto-approve: true): commit ${sha.slice(0, 12)} has no pull request.`,
    );
    return undefined;
  }
  io.setOutput('failure-reason', 'not-reviewed');
  throw new ConfigurationError(
    'PLAN_NOT_REVIEWED',
    `not-reviewed: commit ${sha.slice(0, 12) || '(no GITHUB_SHA)'} has no pull request whose plan was reviewed. Nothing was applied.`,
    'Open a pull request for the change and let terraform-apply (mode: plan) comment on it, or set auto-approve: true.',
  );
}

/** mode: apply. Applies only what was reviewed, then hands the module's outputs on and runs the health gates. */
export async function applyReviewedPlan(run: ApplyRun, p: ReviewablePlan): Promise<ActionResult> {
  const { io } = run;
  // The pipeline's gate hands on the plan it recomputed (against the predicted Infra Config YAML): the plan made
  // now, with the YAML configure wrote, must be that one.
  const gated = io.inputs.optional('reviewed-plan-fingerprint');
  if (gated) {
    const { previewPlanFingerprint } = await import('./preview.js');
    const now = previewPlanFingerprint(p.plan, run.secrets);
    if (now !== gated)
      return await refuseChangedPlan(
        run,
        p,
        `the plan the review gate recomputed (${gated.slice(0, 19)}…; with Harness's Infra Config YAML the plan is ${now.slice(0, 19)}…)`,
      );
    io.log.info(`The plan is the one the review gate recomputed (${gated.slice(0, 19)}…).`);
  }
  const reviewed = await reviewedFingerprint(run);
  if (reviewed.fingerprint && reviewed.fingerprint !== p.fingerprint) {
    return await refuseChangedPlan(
      run,
      p,
      `${reviewed.from} (${reviewed.fingerprint.slice(0, 19)}…, the plan now is ${p.fingerprint.slice(0, 19)}…)`,
    );
  }
  const how = await applyRealChanges(run, p);
  if (how === 'refused') return await refuseChangedPlan(run, p, 'the targeted plan of its real changes');

  // Nothing applied: the state's outputs are the ones the plan read (its prior state), no `terraform output` needed.
  const module = await handOnModuleOutputs(run, how === 'none' ? priorOutputs(p.plan) : undefined);
  const checks = run.runGates ? await runHealthGates(run, module.alb) : [];
  const failedGates = checks.filter((c) => c.status === 'error');
  await io.appendSummary(applySummary(run, p, module, checks));
  if (failedGates.length)
    io.setFailed(`${failedGates.length} health gate(s) failed: ${failedGates.map((c) => c.id).join(', ')}`);
  return {
    outputs: run.outputs,
    checks,
    phase: run.phase(
      failedGates.length ? 'failed' : 'ok',
      p.apply ? `applied: ${planLine(p)}` : planLine(p),
      changesOf(p.counts),
    ),
    exitCode: failedGates.length ? 1 : 0,
  };
}

function churnCount(p: ReviewablePlan): number {
  return p.churn.churn.length + p.churn.churnOutputs.length;
}

async function refuseChangedPlan(run: ApplyRun, p: ReviewablePlan, from: string): Promise<ActionResult> {
  run.setOutput('failure-reason', 'plan-changed');
  const msg = `The plan changed since it was reviewed: ${from} differs. Nothing was applied.`;
  await run.io.appendSummary(
    `## Gitspaces: apply refused\n\n**❌ ${msg}**\n\nPlan again on the pull request, review the new plan, then apply.\n\n${p.rendered}\n`,
  );
  run.io.setFailed(`${msg} Plan again on the pull request, review it, then apply.`);
  return { outputs: run.outputs, phase: run.phase('failed', 'refused: plan-changed'), exitCode: 1 };
}

/**
 * Applies the plan's real changes and never the module's churn alone (CONTRIBUTING, "The module's own churn"):
 * nothing when churn is all there is; the saved plan as it is when it carries no churn; otherwise a plan
 * targeted at the real changes (Terraform adds what they depend on), applied only if its real changes are exactly
 * the reviewed plan's.
 */
async function applyRealChanges(
  run: ApplyRun,
  p: ReviewablePlan,
): Promise<'none' | 'whole' | 'targeted' | 'refused'> {
  const { io } = run;
  if (!p.apply) {
    io.log.info(churnCount(p) ? `No changes to apply. ${churnLine(p.churn)}` : 'No changes to apply.');
    return 'none';
  }
  // Imports are applied with the saved plan as it is: a targeted plan would leave them out.
  if (!p.churn.churn.length || p.imports) {
    const again = await applyOrTransient(run, run.planFile);
    if (again) return retryAfterTransient(run, p, again);
    return 'whole';
  }
  const targets = p.churn.real.map((rc) => rc.address);
  io.log.info(
    `Applying the ${targets.length} real change(s) only, with -target (the module's churn is left out): ${targets.join(', ')}`,
  );
  const targetedFile = `${run.planFile}.targeted`;
  await io.log.group(`${run.binary} plan -target (real changes only)`, () =>
    run.terraform.plan({ planFile: targetedFile, targets }),
  );
  const targeted = classifyPlan(await run.terraform.show(targetedFile));
  const key = (c: ChurnClassification) =>
    c.real
      .map((rc) => `${rc.address} ${rc.change.actions.join(',')}`)
      .sort()
      .join('\n');
  if (key(targeted) !== key(p.churn)) return 'refused';
  const again = await applyOrTransient(run, targetedFile);
  if (again) return retryAfterTransient(run, p, again);
  return 'targeted';
}

/** Applies of one run at most: the first, and two after transient failures. */
const APPLY_ATTEMPTS = 3;
const applyAttempts = new WeakMap<ApplyRun, number>();

/**
 * Applies a saved plan. When terraform fails only on transient remote errors (each `Error:` block one), returns
 * those errors instead of throwing, once attempts remain: the real Google provider does not send a POST again
 * after a dropped connection (`Post "...": EOF`: Go's transport replays only GET/HEAD, and `EOF` is not among
 * the provider's retry predicates), so a write lost in transit fails the apply although nothing is wrong.
 */
async function applyOrTransient(run: ApplyRun, planFile: string): Promise<string | undefined> {
  const n = (applyAttempts.get(run) ?? 0) + 1;
  applyAttempts.set(run, n);
  try {
    await run.io.log.group(`${run.binary} apply`, () => run.terraform.apply(planFile));
    return undefined;
  } catch (e) {
    let text = isConfigurationError(e) ? (e as ConfigurationError).details.join('\n') : '';
    // A state write that failed after the resources were made: the state is in errored.tfstate; once it is pushed,
    // that block is no longer a failure of its own, and what remains decides whether to plan again.
    if (await run.terraform.pushErroredState()) {
      run.io.log.warning(
        `${run.binary} apply could not save the state to the backend; the state it kept in errored.tfstate was pushed (terraform state push) and the file removed.`,
      );
      text = text
        .split(/^(?=Error: )/m)
        .filter((b) => !/^Error: Failed to persist state to backend/.test(b))
        .join('');
    }
    if (n >= APPLY_ATTEMPTS || !onlyTransientErrors(text)) throw e;
    return text;
  }
}

/**
 * After an apply that failed on transient errors: plans again (what was applied is in the state now) and applies
 * what is left, only if every real change left was in the plan being applied; else nothing more is applied.
 */
async function retryAfterTransient(
  run: ApplyRun,
  p: ReviewablePlan,
  errors: string,
): Promise<'whole' | 'targeted' | 'refused'> {
  run.io.log.warning(
    `${run.binary} apply failed on transient remote errors only; planning again and applying what is left:\n${errors}`,
  );
  const again = await makePlan(run);
  const reviewed = new Set(p.churn.real.map((rc) => rc.address));
  if (again.churn.real.some((rc) => !reviewed.has(rc.address))) return 'refused';
  const how = await applyRealChanges(run, again);
  return how === 'none' ? 'whole' : how;
}

interface ModuleOutputs {
  alb: Record<string, string>;
  nlb: Record<string, string>;
  zone: string;
  poolPath: string;
}

/**
 * The module's outputs as this action's: the runner's pool file, the load balancer addresses, the zone. From
 * `terraform output`, or from the outputs the plan read when nothing was applied since (sensitive ones masked the
 * same way).
 */
async function handOnModuleOutputs(
  run: ApplyRun,
  read?: Record<string, { value: unknown; sensitive?: boolean }>,
): Promise<ModuleOutputs> {
  if (read) for (const o of Object.values(read)) if (o.sensitive) maskValue(run.io.log, o.value);
  const tfOutputs = read ?? (await run.terraform.output());
  const instanceYaml = outputValue<string>(tfOutputs, 'instance_yaml') ?? '';
  const alb = outputValue<Record<string, string>>(tfOutputs, 'alb_ips') ?? {};
  const nlb = outputValue<Record<string, string>>(tfOutputs, 'nlb_ips') ?? {};
  const zone = outputValue<string | null>(tfOutputs, 'managed_domain_zone') ?? '';
  const poolPath = join(run.workdir, 'pool.yaml');
  writeFileSync(poolPath, await runnerPoolYaml(instanceYaml, KEY_FILE_NAME));
  run.setOutput('pool-yaml-path', poolPath);
  run.setOutput('alb-ips', JSON.stringify(alb));
  run.setOutput('nlb-ips', JSON.stringify(nlb));
  run.setOutput('managed-domain-zone', zone ?? '');
  return { alb, nlb, zone: zone ?? '', poolPath };
}

/** DNS and certificate gates, against the names and addresses the setup YAML and the module gave. */
async function runHealthGates(run: ApplyRun, alb: Record<string, string>): Promise<CheckResult[]> {
  const { config, io } = run;
  const gateInputs = await gateInputsFor(config, run.setupYaml, alb, () => io.clock.now());
  const apis: GateApis =
    run.deps.gates ??
    gcpGateApis(createGcp({ keyJson: run.gcpCredentials, env: io.env, log: io.log, clock: io.clock }));
  return runAfterApplyGates(apis, gateInputs);
}

function applySummary(run: ApplyRun, p: ReviewablePlan, m: ModuleOutputs, checks: CheckResult[]): string {
  const addresses = (ips: Record<string, string>) =>
    Object.entries(ips)
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
  if (checks.length) lines.push(renderChecksMarkdown('Health gates', checkVerdict(checks), checks));
  return lines.join('\n') + '\n';
}
