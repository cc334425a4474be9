/**
 * The dispatcher: finds an action's `main` by its registry name. The import is a template so the bundler makes one
 * lazy chunk per action (a webpack context over actions/*\/main), and each entry loads only its own action's code;
 * the extension is left off so the same line resolves the `.ts` sources under tsx and the chunk in the bundle.
 */
import type { ActionMain } from '../shared/action.js';
import { ACTION_NAMES } from './registry.js';

/** Thrown when an action's code is not part of this build. */
export class ActionNotBuiltError extends Error {
  override readonly name = 'ActionNotBuiltError';
}

export async function loadAction(name: string): Promise<ActionMain> {
  if (!(ACTION_NAMES as readonly string[]).includes(name)) {
    throw new ActionNotBuiltError(
      `Unknown action "${name}" (known: ${ACTION_NAMES.join(', ')}; actions/registry.ts lists them)`,
    );
  }
  let mod: { main?: unknown };
  try {
    mod = (await import(`./${name}/main`)) as { main?: unknown };
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
