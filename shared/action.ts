import type { Clock } from './clock.js';
import type { Inputs } from './inputs.js';
import type { Logger } from './logger.js';
import type { CheckResult, PhaseResult } from './report/model.js';

/**
 * What an action needs from its host: the Actions runtime (shared/actions-runtime.ts, over @actions/core), the CLI
 * (cli/io.ts), the pipeline (one per phase) or a test. Actions take it as `main(io)` instead of calling
 * @actions/core themselves, so each of those hosts can run the same code.
 */
export interface ActionIO {
  inputs: Inputs;
  log: Logger;
  setOutput(name: string, value: string): void;
  appendSummary(markdown: string): Promise<void>;
  setFailed(message: string): void;
  env: NodeJS.ProcessEnv;
  clock: Clock;
}

/** What every action's main returns, so the CLI and the pipeline can chain phases. */
export interface ActionResult {
  outputs: Record<string, string>;
  phase: PhaseResult;
  checks?: CheckResult[];
  /** 0 ok, 1 failed checks/gates, 2 bad configuration (see shared/failure.ts). */
  exitCode?: number;
  /** In preview mode: the action's part of the pull-request preview (shared/preview/model.ts). */
  preview?: Partial<import('./preview/model.js').Preview>;
}

export type ActionMain = (io: ActionIO) => Promise<ActionResult>;
