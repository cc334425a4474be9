import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ActionIO } from '../../shared/action.js';
import type { GitspacesConfig } from '../../shared/config/schema.js';
import { ConfigurationError } from '../../shared/errors.js';
import type { StateLock } from '../../shared/gcp/storage.js';
import { describeLock } from '../../shared/terraform/backend.js';
import type { TerraformCli } from '../../shared/terraform/cli.js';
import type { PlanJson, ResourceChange } from '../../shared/terraform/plan-json.js';

/**
 * Getting back on track after an apply that was killed (docs/troubleshooting.md#STATE-005 and #STATE-006), only
 * when the user asks:
 *
 * - `force-unlock: <lock id>` releases the state lock, after init, only when the lock held has exactly that ID (the
 *   one STATE-005 and the log printed). Another ID, or a lock taken since, is refused: only the user knows the run
 *   that held it is dead.
 * - `import-existing: true` imports what STATE-006 finds (the module's resources that exist while the state does not
 *   know them) as Terraform import blocks in the generated root, so the plan shows each import. An import that
 *   would replace or destroy the object is refused before anything is applied.
 */

export const IMPORTS_FILE = 'gitspaces-imports.tf.json';

/** Releases the lock named by the force-unlock input; returns a line for the summary. */
export async function releaseLockIfAsked(
  io: ActionIO,
  terraform: TerraformCli,
  wanted: string,
  held: StateLock | undefined,
  readLockAvailable: boolean,
): Promise<string | undefined> {
  if (!wanted) return undefined;
  if (readLockAvailable && !held) {
    io.log.warning(`force-unlock is ${wanted}, but no lock is held on the state: nothing released.`);
    return undefined;
  }
  if (held && held.id !== wanted)
    throw new ConfigurationError(
      'FORCE_UNLOCK_MISMATCH',
      `force-unlock is ${wanted}, but the lock on the state is ${describeLock(held, io.clock.now())}.`,
      'Nothing was released. Pass the ID of the lock held now, and only if the run that holds it is dead (a cancelled or killed job); if it is still running, wait for it.',
    );
  await io.log.group(`terraform force-unlock ${wanted}`, () => terraform.forceUnlock(wanted));
  const line = `Released the Terraform state lock ${wanted}${held ? ` (${describeLock(held, io.clock.now())})` : ''}, as the force-unlock input asked.`;
  io.log.info(line);
  return line;
}

/**
 * Writes the import blocks for the collisions (against `terraform state list`); returns the addresses imported.
 * The file is the caller's to remove (it goes with the scratch directory's cleanup).
 */
export async function writeImports(
  io: ActionIO,
  p: {
    config: GitspacesConfig;
    terraform: TerraformCli;
    workdir: string;
    gcpCredentials: string;
  },
): Promise<string[]> {
  const file = join(p.workdir, IMPORTS_FILE);
  rmSync(file, { force: true });
  const [{ findCollisions, importBlocks, stateViewFromList }, { createGcp }] = await Promise.all([
    import('../../shared/terraform/collisions.js'),
    import('../../shared/gcp/index.js'),
  ]);
  const state = stateViewFromList(await p.terraform.stateList());
  const gcp = createGcp({ keyJson: p.gcpCredentials, env: io.env, log: io.log, clock: io.clock });
  try {
    const { collisions } = await findCollisions(
      p.config,
      { compute: gcp.compute, dns: gcp.dns, certs: gcp.certs, iam: gcp.iam },
      state,
    );
    if (!collisions.length) {
      io.log.info('import-existing: nothing the module would create exists outside the state.');
      return [];
    }
    writeFileSync(file, JSON.stringify(importBlocks(collisions), null, 2) + '\n');
    io.log.info(
      `import-existing: importing ${collisions.length} existing resource(s) the state does not know:\n` +
        collisions.map((c) => `  ${c.address} <- ${c.importId}`).join('\n'),
    );
    return collisions.map((c) => c.address);
  } finally {
    await gcp.close().catch(() => undefined);
  }
}

/** The plan's imports; refuses the plan when one would replace or destroy what it imports. */
export function checkImports(plan: PlanJson): ResourceChange[] {
  const imports = (plan.resource_changes ?? []).filter((rc) => rc.change.importing);
  const destructive = imports.filter((rc) => rc.change.actions.includes('delete'));
  if (destructive.length)
    throw new ConfigurationError(
      'IMPORT_WOULD_REPLACE',
      `import-existing: importing would then replace or destroy ${destructive.length} existing resource(s): ${destructive.map((rc) => `${rc.address} (${rc.change.actions.join(', ')})`).join('; ')}. Nothing was applied.`,
      'They differ from the configuration in an attribute that cannot change in place: delete them instead (docs/troubleshooting.md#STATE-006 lists the commands), or make them match the configuration, then run again.',
    );
  return imports;
}
