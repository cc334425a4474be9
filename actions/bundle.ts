/**
 * The one shared bundle (`dist/lib/index.js`, built by scripts/build.mjs). Each `dist/<action>/index.js` is a
 * two-line file that imports this and calls `runBundledAction('<name>')`; the action's own code is a separate chunk
 * loaded only when that action runs, so every entry starts as fast as the smallest one. `dist/cli/index.js` calls
 * `runCli`. This is the bundle's wiring, not library code: it lives beside the actions, not in shared/.
 */
import '../shared/dirname-shim.js';
import { type RuntimeIO, actionsRuntimeIO } from '../shared/actions-runtime.js';
import { outcomeOfError, outcomeOfResult, reportOutcome, type Outcome } from '../shared/failure.js';
import { loadAction } from './load.js';
import type { ActionName } from './registry.js';

/** Runs an action as a step: its failure, thrown or returned, is reported once and becomes the exit code. */
export async function runBundledAction(
  name: ActionName,
  io: RuntimeIO = actionsRuntimeIO(),
): Promise<Outcome> {
  let outcome: Outcome;
  try {
    const main = await loadAction(name);
    const result = await main(io);
    outcome = outcomeOfResult(name, result, io.failureReported());
  } catch (e) {
    outcome = outcomeOfError(e);
  }
  reportOutcome(outcome, io.log);
  // Not core.setFailed: that would annotate the failure a second time. Any non-zero code fails the step.
  if (outcome.exitCode) process.exitCode = outcome.exitCode;
  return outcome;
}

/** What `dist/cli/index.js` runs: the `gitspaces` command line. */
export async function runCli(argv: string[]): Promise<number> {
  const { cli } = await import('../cli/main.js');
  return cli(argv);
}
