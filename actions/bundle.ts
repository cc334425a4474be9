/**
 * The one shared bundle (`dist/lib/index.js`, built by scripts/build.mjs). Each `dist/<action>/index.js` is a
 * two-line file that imports this and calls `runBundledAction('<name>')`; the action's own code is a separate chunk
 * loaded only when that action runs, so every entry starts as fast as the smallest one. `dist/cli/index.js` calls
 * `runCli`. This is the bundle's wiring, not library code: it lives beside the actions, not in shared/.
 */
import '../shared/dirname-shim.js';
import type { RuntimeIO } from '../shared/actions-runtime.js';
import type { Outcome } from '../shared/failure.js';
import { loadAction } from './load.js';
import type { ActionName } from './registry.js';
import { runStep } from './step.js';

/** What `dist/<name>/index.js` runs on a GitHub runner. */
export function runBundledAction(name: ActionName, io?: RuntimeIO): Promise<Outcome> {
  return runStep(name, () => loadAction(name), io);
}

/** What `dist/cli/index.js` runs: the `gitspaces` command line. */
export async function runCli(argv: string[]): Promise<number> {
  const { cli } = await import('../cli/main.js');
  return cli(argv);
}
