/**
 * An action run as a step on a GitHub runner: its failure, thrown or returned, is reported once through the
 * Actions runtime and becomes the exit code (shared/failure.ts).
 */
import { type RuntimeIO, actionsRuntimeIO } from '../shared/actions-runtime.js';
import type { ActionMain } from '../shared/action.js';
import { outcomeOfError, outcomeOfResult, reportOutcome, type Outcome } from '../shared/failure.js';

export async function runStep(
  name: string,
  load: () => Promise<ActionMain>,
  io: RuntimeIO = actionsRuntimeIO(),
): Promise<Outcome> {
  let outcome: Outcome;
  try {
    const main = await load();
    const result = await main(io);
    outcome = outcomeOfResult(name, result, io.failureReported());
  } catch (e) {
    outcome = outcomeOfError(e);
  }
  reportOutcome(outcome, io.log);
  await io.finishStep();
  // Not core.setFailed: that would annotate the failure a second time. Any non-zero code fails the step.
  if (outcome.exitCode) process.exitCode = outcome.exitCode;
  return outcome;
}
