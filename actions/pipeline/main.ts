import { scrubSecrets } from '../../shared/secrets.js';
import type { ActionIO, ActionResult } from '../../shared/action.js';
import { ConfigurationError } from '../../shared/errors.js';
import { withSharedTokens } from '../../shared/gcp/token.js';
import type { InputSource } from '../../shared/inputs.js';
import { PhaseResult } from '../../shared/report/model.js';
import { renderPipelineMarkdown } from '../../shared/report/render.js';
import { pipelinePhases } from '../registry.js';
import { CERTIFICATES_TASK, certificatesWait } from './certificates.js';
import { Task, runTasks } from './overlap.js';
import { PhaseRun } from './phase-run.js';
import { reviewGate, runPreviewMode } from './review.js';

/** The pipeline's phases in order, each backed by one action (actions/registry.ts). */
export const PHASES = pipelinePhases().map((a) => ({
  name: a.phase,
  action: a.name,
  inputs: a.phaseInputs ?? {},
}));

export type PhaseName = string;

export interface PipelineResult extends ActionResult {
  phases: PhaseResult[];
  /**
   * Work that ran alongside the phases, for the phase table and the timeline: each region's gateway wait and
   * create (`gateway:<region>`, `create:<region>`, which the create phase sums up), then the certificate wait.
   */
  alongside: PhaseResult[];
}

/** install-runner in a per-region pipeline: the runner and the delegate only; each region waits for its own gateway. */
const INSTALL_ONLY = { inputs: { 'wait-for-gateways': 'false' } };

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

/**
 * Runs the phases in order, handing each one's outputs to the next, stopping at the first failure. Each phase
 * runs the very `main` of its own action (actions/pipeline/phase-run.ts), so the pipeline and the single actions
 * cannot drift apart; the certificate wait runs alongside, and the create phase runs per region.
 */
export async function main(io: ActionIO): Promise<PipelineResult> {
  // One access token per credentials for the whole run, not one per phase (shared/gcp/token.ts).
  return withSharedTokens(() => runPipeline(io));
}

async function runPipeline(io: ActionIO): Promise<PipelineResult> {
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
  const phases: PhaseResult[] = [];
  // Each phase runs after the one before (it takes the outputs handed on); the certificate wait runs alongside
  // install-runner and create (actions/pipeline/overlap.ts). A failure skips what comes after it.
  const run = new PhaseRun(io, secrets, carried, rawSource);
  const { outputs, byName } = run;
  // Per region (issue 18): install-runner stops at the runner and the delegate, and each region's gitspaces are
  // created as soon as that region's gateway is healthy (actions/pipeline/regions.ts). Only for the config's own
  // gitspaces: one given by inputs (repo-url, name) or another action goes through the single create as before.
  const perRegion =
    selected.includes('install-runner') &&
    selected.includes('create') &&
    !rawSource('repo-url') &&
    !rawSource('name') &&
    (rawSource('action') ?? 'create') === 'create';
  const chain = PHASES.filter((p) => selected.includes(p.name));
  const tasks: Task[] = chain.map((phase, i) => ({
    id: phase.name,
    after: i ? [(chain[i - 1] as (typeof PHASES)[number]).name] : [],
    run: async () => {
      const r =
        perRegion && phase.name === 'create'
          ? await run.createPerRegion(phase)
          : await run.phase(phase, perRegion && phase.name === 'install-runner' ? INSTALL_ONLY : {});
      return r.status === 'failed' ? { status: 'failed', reason: r.summary } : { status: 'ok' };
    },
  }));
  const certs =
    selected.includes('apply') && selected.includes('create')
      ? certificatesWait({
          io,
          after: 'apply',
          input: run.input,
          outputs,
          gcpCredentials: secrets['gcp-credentials'] ?? '',
        })
      : undefined;
  if (certs) tasks.push(certs.task);
  let records: Awaited<ReturnType<typeof runTasks>>;
  try {
    records = await runTasks(tasks, io.clock);
  } finally {
    run.cleanUp();
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
  const alongside = [...run.regionRecords, ...certificatesRow(io, certs, records)];
  let exitCode = run.exitCode;
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
  await io.appendSummary(scrubSecrets(renderPipelineMarkdown(verdict, phases, run.summaries, alongside)));
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
