/** The dispatcher: finds an action's `main` by its registry name (actions/registry.ts). */
import type { ActionMain } from '../shared/action.js';
import { ACTION_NAMES, actionEntry } from './registry.js';

/** Thrown when an action's code is not part of this build. */
export class ActionNotBuiltError extends Error {
  override readonly name = 'ActionNotBuiltError';
}

export async function loadAction(name: string): Promise<ActionMain> {
  const entry = actionEntry(name);
  if (!entry) {
    throw new ActionNotBuiltError(
      `Unknown action "${name}" (known: ${ACTION_NAMES.join(', ')}; actions/registry.ts lists them)`,
    );
  }
  let mod: { main?: unknown };
  try {
    mod = await entry.load();
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
