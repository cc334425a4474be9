import { dirname } from 'node:path';
import { scrubSecrets } from '../../shared/secrets.js';
import type { ActionIO, ActionResult } from '../../shared/action.js';
import { ConfigurationError, isConfigurationError } from '../../shared/errors.js';
import { outcomeOfError } from '../../shared/failure.js';
import { InputSource, Inputs } from '../../shared/inputs.js';
import { PhaseResult } from '../../shared/report/model.js';
import { renderPipelineMarkdown } from '../../shared/report/render.js';
import { removeOnExit } from '../../shared/workspace.js';
import { loadAction } from '../load.js';
import { pipelinePhases } from '../registry.js';
import { CERTIFICATES_TASK, certificatesWait } from './certificates.js';
import { Task, runTasks } from './overlap.js';
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
  /** Work that ran alongside the phases (the certificate wait), for the timeline. */
  alongside: PhaseResult[];
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
      summaries.push(scrubSecrets(md));
    },
    setFailed(message) {
      io.failure = scrubSecrets(message);
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

/** The details of a configuration error that are not at a place in a file (config problems are annotated there). */
function unplacedDetails(e: unknown): string[] {
  if (!isConfigurationError(e)) return [];
  const ce = e as ConfigurationError;
  return ce.details.filter((_, i) => !ce.locations[i]);
}

/**
 * Runs the phases in order, handing each one's outputs to the next, stopping at the first failure. Each phase
 * runs the very `main` of its own action, so the pipeline and the single actions cannot drift apart.
 */
/** The certificate wait's row in the summary (when it ran), annotated when it failed. */
function certificatesRow(
  io: ActionIO,
  certs: ReturnType<typeof certificatesWait> | undefined,
  records: Awaited<ReturnType<typeof runTasks>>,
): PhaseResult[] {
  const certRecord = records.find((r) => r.id === CERTIFICATES_TASK);
  if (!certs || !certRecord || certRecord.status === 'skipped') return [];
  if (certRecord.status === 'failed')
    io.log.error(`Certificates: ${certRecord.reason}`, { title: 'gitspaces: certificates not ACTIVE' });
  return [
    {
      name: CERTIFICATES_TASK,
      status: certRecord.status,
      startedAt: certRecord.startedAt,
      durationMs: certRecord.finishedAt - certRecord.startedAt,
      summary: certRecord.reason ?? certs.summary(),
    },
  ];
}

/**
 * Before any phase: preview mode runs every phase's preview (one comment on the pull request, nothing written
 * elsewhere) and ends the run; apply on a push passes the review gate first, before the first mutating request
 * (issue 12). Returns the run's result when it ends here.
 */
async function previewOrGate(
  io: ActionIO,
  secrets: Record<string, string>,
  rawSource: InputSource,
  carried: Record<string, string>,
): Promise<PipelineResult | undefined> {
  // preview: every phase in its preview mode, one comment on the pull request; nothing written elsewhere.
  if (io.inputs.oneOf('mode', ['apply', 'preview'] as const, 'apply') === 'preview') {
    const r = await runPreviewMode(io, secrets, rawSource);
    return { ...r, phases: [r.phase], alongside: [] };
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
  return undefined;
}

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
  const early = await previewOrGate(io, secrets, rawSource, carried);
  if (early) return early;
  const outputs: Record<string, string> = {};
  const phases: PhaseResult[] = [];
  const summaries: string[] = [];
  let exitCode = 0;
  // Each phase runs after the one before (it takes the outputs handed on); the certificate wait runs alongside
  // install-runner and create (actions/pipeline/overlap.ts). A failure skips what comes after it.
  const byName = new Map<string, PhaseResult>();
  // Files a phase wrote for a later one that hold secrets (the Infra Config YAML): removed when the pipeline
  // ends, or is told to stop, unless the caller chose where they go.
  const cleanups: (() => void)[] = [];
  const runPhase = async (phase: (typeof PHASES)[number]): Promise<PhaseResult> => {
    const source: InputSource = (name) =>
      (phase.inputs as Record<string, string>)[name] ?? secrets[name] ?? carried[name] ?? rawSource(name);
    const collected: Record<string, string> = {};
    const sub = phaseIO(io, source, collected, summaries);
    const started = io.clock.now();
    io.log.info(`── phase ${phase.name} (${phase.action})`);
    let result: ActionResult | undefined;
    let failure: string | undefined;
    let code: number;
    try {
      const main = await loadAction(phase.action);
      result = await main(sub);
      failure =
        sub.failure ??
        (result.exitCode ? `${phase.action} ended with exit code ${result.exitCode}` : undefined);
      code = result.exitCode ?? 0;
    } catch (e) {
      // The same mapping as the bundle and the CLI (shared/failure.ts): 2 for a user's mistake, 1 otherwise.
      const o = outcomeOfError(e);
      // A configuration error's details that have no place in a file (Terraform's `Error:` blocks) belong to the
      // failure itself: the phase's message, the annotation and the summary quote them.
      failure = [o.message, ...unplacedDetails(e).filter((d) => !o.message.includes(d))].join('\n');
      code = o.exitCode;
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
    Object.assign(outputs, collected);
    for (const name of HANDED_ON) if (collected[name]) carried[name] = collected[name] as string;
    const infraConfig = collected['infra-config-path'];
    if (infraConfig && !rawSource('infra-config-path'))
      cleanups.push(removeOnExit([infraConfig], [dirname(infraConfig)]));
    if (failure) {
      io.log.error(`Phase ${phase.name} failed: ${failure}`, { title: `gitspaces: ${phase.name} failed` });
      exitCode = exitCode || code || 1;
    } else if (!exitCode) exitCode = code;
    byName.set(phase.name, phaseResult);
    return phaseResult;
  };
  const chain = PHASES.filter((p) => selected.includes(p.name));
  const tasks: Task[] = chain.map((phase, i) => ({
    id: phase.name,
    after: i ? [(chain[i - 1] as (typeof PHASES)[number]).name] : [],
    run: async () => {
      const r = await runPhase(phase);
      return r.status === 'failed' ? { status: 'failed', reason: r.summary } : { status: 'ok' };
    },
  }));
  const certs =
    selected.includes('apply') && selected.includes('create')
      ? certificatesWait({
          io,
          after: 'apply',
          input: (name) => secrets[name] ?? carried[name] ?? rawSource(name),
          outputs,
          gcpCredentials: secrets['gcp-credentials'] ?? '',
        })
      : undefined;
  if (certs) tasks.push(certs.task);
  let records: Awaited<ReturnType<typeof runTasks>>;
  try {
    records = await runTasks(tasks, io.clock);
  } finally {
    for (const c of cleanups) c();
  }
  for (const phase of chain) {
    const r = byName.get(phase.name);
    const record = records.find((x) => x.id === phase.name);
    phases.push(
      r ?? {
        name: phase.name,
        status: 'skipped',
        startedAt: record?.startedAt ?? io.clock.now(),
        durationMs: 0,
        summary: record?.reason ?? 'not run: an earlier phase failed',
      },
    );
  }
  const alongside = certificatesRow(io, certs, records);
  if (alongside.some((p) => p.status === 'failed')) exitCode = exitCode || 1;
  const failed = phases.find((p) => p.status === 'failed') ?? alongside.find((p) => p.status === 'failed');
  const verdict = failed ? `❌ Stopped at ${failed.name}.` : `✅ ${phases.length} phase(s) completed.`;
  io.setOutput(
    'phases',
    JSON.stringify(
      phases.map(({ name, status, durationMs, summary }) => ({ name, status, durationMs, summary })),
    ),
  );
  // What failed and its fix first, then the phases and the timeline, then each phase's details.
  await io.appendSummary(scrubSecrets(renderPipelineMarkdown(verdict, phases, summaries, alongside)));
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
    alongside,
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
  return {
    outputs: { 'failure-reason': refused.reason },
    phase,
    phases: [phase],
    alongside: [],
    exitCode: 1,
  };
}
