/**
 * One pipeline run's phases: each runs the very `main` of its own action with an ActionIO of its own (inputs:
 * what the phase fixes, the secrets read once, the outputs earlier phases handed on, the caller's inputs), so the
 * pipeline and the single actions cannot drift apart. Records each phase's result, its outputs, the summaries,
 * and the run's exit code; the create phase can run one region at a time (actions/pipeline/regions.ts).
 */
import { dirname } from 'node:path';
import type { ActionIO, ActionResult } from '../../shared/action.js';
import { ConfigurationError, isConfigurationError } from '../../shared/errors.js';
import { outcomeOfError } from '../../shared/failure.js';
import { InputSource, Inputs } from '../../shared/inputs.js';
import type { PhaseResult } from '../../shared/report/model.js';
import { scrubSecrets } from '../../shared/secrets.js';
import { removeOnExit } from '../../shared/workspace.js';
import { loadAction } from '../load.js';
import { pipelinePhases } from '../registry.js';
import type { runPerRegion } from './regions.js';

/** A phase of the pipeline: its name, its action, the inputs it fixes. */
export interface Phase {
  name: string;
  action: string;
  inputs: Readonly<Record<string, string>>;
}

/** How a phase runs besides its defaults: another name (a region's create), more inputs, outputs held back. */
export interface PhaseAs {
  name?: string;
  inputs?: Record<string, string>;
  /** Outputs the pipeline sets itself once every region is done (one region's gitspaces are not the run's). */
  held?: readonly string[];
  /** Where its outputs are collected (a fresh record by default). */
  collected?: Record<string, string>;
}

/** Outputs of one phase that later phases take as inputs of the same name. */
const HANDED_ON = new Set(pipelinePhases().flatMap((a) => a.handsOn ?? []));

/** The outputs of a region's create that the pipeline merges over every region before it sets them. */
const MERGED_OUTPUTS = ['gitspaces', 'url', 'ssh-command', 'gateways'];

function phaseIO(
  parent: ActionIO,
  source: InputSource,
  collected: Record<string, string>,
  summaries: string[],
  held: readonly string[] = [],
): ActionIO & { failure?: string } {
  const io: ActionIO & { failure?: string } = {
    inputs: new Inputs(source, parent.log),
    log: parent.log,
    env: parent.env,
    clock: parent.clock,
    setOutput(name, value) {
      collected[name] = value;
      if (!held.includes(name)) parent.setOutput(name, value);
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

/** The details of a configuration error that are not at a place in a file (config problems are annotated there). */
function unplacedDetails(e: unknown): string[] {
  if (!isConfigurationError(e)) return [];
  const ce = e as ConfigurationError;
  return ce.details.filter((_, i) => !ce.locations[i]);
}

export class PhaseRun {
  readonly outputs: Record<string, string> = {};
  readonly summaries: string[] = [];
  readonly byName = new Map<string, PhaseResult>();
  /** Each region's gateway wait and create, when the create phase ran per region. */
  regionRecords: PhaseResult[] = [];
  exitCode = 0;
  /**
   * Files a phase wrote for a later one that hold secrets (the Infra Config YAML): removed when the pipeline
   * ends, or is told to stop, unless the caller chose where they go.
   */
  private readonly cleanups: (() => void)[] = [];

  constructor(
    private readonly io: ActionIO,
    private readonly secrets: Record<string, string>,
    private readonly carried: Record<string, string>,
    private readonly rawSource: InputSource,
  ) {}

  /** An input as the pipeline's own tasks read it: a secret, an output handed on, the caller's input. */
  input = (n: string): string | undefined => this.secrets[n] ?? this.carried[n] ?? this.rawSource(n);

  cleanUp(): void {
    for (const c of this.cleanups) c();
  }

  /** Runs one phase's action and records it; a failure is annotated once and sets the exit code. */
  async phase(phase: Phase, as: PhaseAs = {}): Promise<PhaseResult> {
    const { io } = this;
    const name = as.name ?? phase.name;
    const source: InputSource = (n) => as.inputs?.[n] ?? phase.inputs[n] ?? this.input(n);
    const collected: Record<string, string> = as.collected ?? {};
    const sub = phaseIO(io, source, collected, this.summaries, as.held);
    const started = io.clock.now();
    io.log.info(`── phase ${name} (${phase.action})`);
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
          name,
          startedAt: started,
          durationMs,
          status: failure ? 'failed' : result.phase.status,
        }
      : {
          name,
          status: failure ? 'failed' : 'ok',
          startedAt: started,
          durationMs,
          summary: failure ?? 'done',
        };
    if (failure && !phaseResult.summary.includes(failure.split('\n')[0] as string))
      phaseResult.summary = `${phaseResult.summary} — ${failure.split('\n')[0]}`;
    Object.assign(this.outputs, collected);
    for (const n of HANDED_ON) if (collected[n]) this.carried[n] = collected[n] as string;
    const infraConfig = collected['infra-config-path'];
    if (infraConfig && !this.rawSource('infra-config-path'))
      this.cleanups.push(removeOnExit([infraConfig], [dirname(infraConfig)]));
    if (failure) {
      io.log.error(`Phase ${name} failed: ${failure}`, { title: `gitspaces: ${name} failed` });
      this.exitCode = this.exitCode || code || 1;
    } else if (!this.exitCode) this.exitCode = code;
    this.byName.set(name, phaseResult);
    return phaseResult;
  }

  /** The create phase, one region at a time, each after its own gateway (actions/pipeline/regions.ts). */
  async createPerRegion(phase: Phase): Promise<PhaseResult> {
    const { io } = this;
    const started = io.clock.now();
    let r: Awaited<ReturnType<typeof runPerRegion>>;
    try {
      // Loaded when the create phase runs (it reads the config, Harness and the gateways): a run that stops on its
      // inputs never loads yaml nor the clients (test/dist/lazy-load.test.ts).
      const { createTask, runPerRegion } = await import('./regions.js');
      r = await runPerRegion({
        io,
        input: this.input,
        appendSummary: (md) => void this.summaries.push(scrubSecrets(md)),
        createRegion: async (region) => {
          const collected: Record<string, string> = {};
          const result = await this.phase(phase, {
            name: createTask(region),
            inputs: { regions: region },
            held: MERGED_OUTPUTS,
            collected,
          });
          return { result, collected };
        },
      });
    } catch (e) {
      // Before any region started (the config, the key, the infrastructure's gateway version): the phase fails.
      const o = outcomeOfError(e);
      for (const d of o.debug) io.log.debug(d);
      io.log.error(`Phase ${phase.name} failed: ${o.message}`, { title: `gitspaces: ${phase.name} failed` });
      this.exitCode = this.exitCode || o.exitCode || 1;
      const failed: PhaseResult = {
        name: phase.name,
        status: 'failed',
        startedAt: started,
        durationMs: io.clock.now() - started,
        summary: o.message,
      };
      this.byName.set(phase.name, failed);
      return failed;
    }
    this.regionRecords = r.records;
    for (const [k, v] of Object.entries(r.outputs)) {
      this.outputs[k] = v;
      io.setOutput(k, v);
    }
    // Each region's failure was annotated where it happened (GW-101, a region's create): here only the exit code.
    if (r.phase.status === 'failed') this.exitCode = this.exitCode || 1;
    this.byName.set(phase.name, r.phase);
    return r.phase;
  }
}
