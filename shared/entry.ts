/**
 * The one shared bundle (`dist/lib/index.js`). Each `dist/<action>/index.js` is a two-line file that
 * imports this and calls `runBundledAction('<name>')`; the action's own code is a separate chunk that is
 * loaded only when that action runs, so every entry starts as fast as the smallest one.
 */
import './dirname-shim.js';
import { ActionIO, ActionResult, githubIO, runAction } from './action.js';

/** Every action the bundle ships, in pipeline order; `pipeline` is the root action.yml. */
export const ACTION_NAMES = [
  'validate-prereqs',
  'configure-infra',
  'terraform-apply',
  'install-runner',
  'create-gitspace',
  'teardown',
  'pipeline',
] as const;
export type ActionName = (typeof ACTION_NAMES)[number];

export type ActionMain = (io: ActionIO) => Promise<ActionResult>;

/** Thrown when an action's code is not part of this build. */
export class ActionNotBuiltError extends Error {
  override readonly name = 'ActionNotBuiltError';
}

/**
 * Loads `actions/<name>/main.ts`. The import is written as a template so the bundler makes one lazy chunk
 * per action (a webpack context over actions/*\/main); the extension is left off on purpose so that the same
 * line resolves the `.ts` sources under tsx and the chunk in the bundle.
 */
export async function loadAction(name: string): Promise<ActionMain> {
  if (!(ACTION_NAMES as readonly string[]).includes(name)) {
    throw new ActionNotBuiltError(`Unknown action "${name}" (known: ${ACTION_NAMES.join(', ')})`);
  }
  let mod: { main?: unknown };
  try {
    mod = (await import(`../actions/${name}/main`)) as { main?: unknown };
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND') {
      throw new ActionNotBuiltError(
        `The action "${name}" is not part of this build (actions/${name}/main.ts missing)`,
      );
    }
    throw e;
  }
  if (typeof mod.main !== 'function')
    throw new ActionNotBuiltError(`actions/${name}/main.ts does not export main(io)`);
  return mod.main as ActionMain;
}

/** What `dist/<name>/index.js` runs on a GitHub runner. */
export async function runBundledAction(name: ActionName, io: ActionIO = githubIO()): Promise<void> {
  await runAction(async (actionIO) => {
    const main = await loadAction(name);
    const result = await main(actionIO);
    // An action that ends with failed checks or gates returns a non-zero exit code; fail the step if it did not already.
    if (result.exitCode && !process.exitCode)
      actionIO.setFailed(`${name}: ${result.phase.summary || 'failed'} (see the job summary)`);
  }, io);
}

/** What `dist/cli/index.js` runs: the `gitspaces` command line. */
export async function runCli(argv: string[]): Promise<number> {
  const { cli } = await import('../cli/main.js');
  return cli(argv);
}
