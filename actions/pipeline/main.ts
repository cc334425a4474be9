import type { ActionIO, ActionResult } from '../../shared/action.js';
import { ConfigurationError } from '../../shared/errors.js';
import { outcomeOfError } from '../../shared/failure.js';
import { InputSource, Inputs } from '../../shared/inputs.js';
import { PhaseResult } from '../../shared/report/model.js';
import { renderPipelineMarkdown } from '../../shared/report/render.js';
import { loadAction } from '../load.js';
import { pipelinePhases } from '../registry.js';
import { reviewGate, runPreviewMode } from './review.js';

/** The pipeline's phases in order, each backed by one action (actions/registry.ts). */
export const PHASES = pipelinePhases().map((a) => ({
  name: a.phase,
  action: a.name,
  inputs: a.phaseInputs ?? {},
}));

export type PhaseName = string;

/** Outputs of one phase that later phases take as inputs of the same name. */
const HANDED_ON = new Set(pipelinePhases().flatMap((a) => a.handsOn ?? []));

export interface PipelineResult extends ActionResult {
  phases: PhaseResult[];
}

function phaseIO(
  parent: ActionIO,
  source: InputSource,
  collected: Record<string, string>,
  summaries: string[],
): ActionIO & { failure?: string } {
  const io: ActionIO & { failure?: string } = {
    inputs: new Inputs(source, parent.log),
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

export function selectPhases(requested: string[]): PhaseName[] {
  if (requested.length === 0 || (requested.length === 1 && requested[0] === 'all'))
    return PHASES.map((p) => p.name);
  const known = PHASES.map((p) => p.name) as string[];
  const unknown = requested.filter((r) => !known.includes(r));
  if (unknown.length) {
    throw new ConfigurationError(
      'INPUT_INVALID',
      `Unknown phase(s) in phases: ${unknown.join(', ')}`,
      `Use a subset of: ${known.join(', ')} (comma-separated), or all.`,
    );
  }
  return PHASES.map((p) => p.name).filter((n) => requested.includes(n));
}

/**
 * Runs the phases in order, handing each one's outputs to the next, stopping at the first failure. Each phase
 * runs the very `main` of its own action, so the pipeline and the single actions cannot drift apart.
 */
export async function main(io: ActionIO): Promise<PipelineResult> {
  const rawSource: InputSource = (name) => io.inputs.optional(name) || undefined;
  // Read the secrets once through the parent so they are masked before any phase starts.
  const secrets: Record<string, string> = {};
  for (const s of ['harness-api-key', 'gcp-credentials', 'github-token']) {
    const v = io.inputs.secret(s);
    if (v) secrets[s] = v;
  }
  const selected = selectPhases(io.inputs.list('phases'));
  const carried: Record<string, string> = {};
  // preview: every phase in its preview mode, one comment on the pull request; nothing written elsewhere.
  if (io.inputs.oneOf('mode', ['apply', 'preview'] as const, 'apply') === 'preview') {
    const r = await runPreviewMode(io, secrets, rawSource);
    return { ...r, phases: [r.phase] };
  }
  // apply on a push: the gate runs before the first mutating request of the run (issue 12).
  const gate = await reviewGate(io, secrets, rawSource);
  if (gate.refused) return refuseUnreviewed(io, gate.refused, gate.rendered);
  // The apply phase holds its plan to the one the gate recomputed (actions/terraform-apply/modes.ts).
  if (gate.planFingerprint) carried['reviewed-plan-fingerprint'] = gate.planFingerprint;
  if (gate.note) {
    io.log.info(gate.note);
    await io.appendSummary(`## Gitspaces: review gate\n\n${gate.note}\n`);
  }
  const outputs: Record<string, string> = {};
  const phases: PhaseResult[] = [];
  const summaries: string[] = [];
  let exitCode = 0;
  for (const phase of PHASES) {
    if (!selected.includes(phase.name)) continue;
    const source: InputSource = (name) =>
      (phase.inputs as Record<string, string>)[name] ?? secrets[name] ?? carried[name] ?? rawSource(name);
    const collected: Record<string, string> = {};
    const sub = phaseIO(io, source, collected, summaries);
    const started = io.clock.now();
    io.log.info(`── phase ${phase.name} (${phase.action})`);
    let result: ActionResult | undefined;
    let failure: string | undefined;
    try {
      const main = await loadAction(phase.action);
      result = await main(sub);
      failure =
        sub.failure ??
        (result.exitCode ? `${phase.action} ended with exit code ${result.exitCode}` : undefined);
      exitCode = result.exitCode ?? 0;
    } catch (e) {
      // The same mapping as the bundle and the CLI (shared/failure.ts): 2 for a user's mistake, 1 otherwise.
      const o = outcomeOfError(e);
      failure = o.message;
      exitCode = o.exitCode;
      for (const d of o.debug) io.log.debug(d);
    }
    const durationMs = io.clock.now() - started;
    const phaseResult: PhaseResult = result?.phase
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
    if (failure && !phaseResult.summary.includes(failure.split('\n')[0] as string))
      phaseResult.summary = `${phaseResult.summary} — ${failure.split('\n')[0]}`;
    phases.push(phaseResult);
    Object.assign(outputs, collected);
    for (const name of HANDED_ON) if (collected[name]) carried[name] = collected[name] as string;
    if (failure) {
      io.log.error(`Phase ${phase.name} failed: ${failure}`, { title: `gitspaces: ${phase.name} failed` });
      exitCode = exitCode || 1;
      break;
    }
  }
  for (const p of PHASES) {
    if (!selected.includes(p.name) || phases.some((x) => x.name === p.name)) continue;
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
  io.setOutput(
    'phases',
    JSON.stringify(
      phases.map(({ name, status, durationMs, summary }) => ({ name, status, durationMs, summary })),
    ),
  );
  // What failed and its fix first, then the phases and the timeline, then each phase's details.
  await io.appendSummary(renderPipelineMarkdown(verdict, phases, summaries));
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

/** The gate refused: failure-reason, the summary (what differs, the preview as it is now), exit code 1. */
async function refuseUnreviewed(
  io: ActionIO,
  refused: { reason: string; message: string },
  rendered?: string,
): Promise<PipelineResult> {
  io.setOutput('failure-reason', refused.reason);
  await io.appendSummary(
    `## Gitspaces: apply refused (${refused.reason})\n\n**❌ ${refused.message}**\n${rendered ? `\n<details><summary>The preview as it is now</summary>\n\n${rendered}\n\n</details>\n` : ''}`,
  );
  io.log.error(refused.message, { title: `gitspaces: ${refused.reason}` });
  const now = io.clock.now();
  const phase: PhaseResult = {
    name: 'gate',
    status: 'failed',
    startedAt: now,
    durationMs: 0,
    summary: refused.message,
  };
  return { outputs: { 'failure-reason': refused.reason }, phase, phases: [phase], exitCode: 1 };
}
