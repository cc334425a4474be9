import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { RemoteError } from '../errors.js';
import { CloudStorage } from '../gcp/storage.js';
import { stateBackend } from '../terraform/backend.js';
import {
  Collision,
  Leftover,
  StateView,
  findCollisions,
  importCommand,
  stateView,
} from '../terraform/collisions.js';
import { requireGcp } from './gcp-access.js';
import { CheckDef, PreflightContext, error, needConfig, ok, warn } from './types.js';

/**
 * STATE-006: nothing the module would create already exists while the Terraform state does not know it
 * (shared/terraform/collisions.ts). The state is read through the configured backend, read-only: the gcs
 * backend's `<prefix>/<workspace>.tfstate` object, or the local backend's file; another backend type cannot be
 * read here, so what exists is reported as a warning.
 */

type StateRead = { kind: 'read'; view: StateView; where: string } | { kind: 'unreadable'; why: string };

async function readState(ctx: PreflightContext, storage: CloudStorage): Promise<StateRead> {
  const config = needConfig(ctx);
  const backend = stateBackend(config);
  const workspace = ctx.env.TF_WORKSPACE || 'default';
  if (backend.type === 'gcs' && backend.bucket) {
    const prefix = (backend.prefix ?? '').replace(/^\/+|\/+$/g, '');
    const object = `${prefix ? `${prefix}/` : ''}${workspace}.tfstate`;
    const where = `gs://${backend.bucket}/${object}`;
    try {
      const state = await storage.readJson(backend.bucket, object);
      return { kind: 'read', view: stateView(state), where: state ? where : `${where} (none yet)` };
    } catch (e) {
      if (e instanceof RemoteError && e.status === 403)
        return { kind: 'unreadable', why: `${where} cannot be read (${e.message}; see STATE-004)` };
      throw e;
    }
  }
  if (backend.type === 'local') {
    const configured = typeof backend.config.path === 'string' ? backend.config.path : '';
    const dir = resolve(config.terraform.working_directory);
    const file = configured
      ? isAbsolute(configured)
        ? configured
        : join(dir, configured)
      : workspace === 'default'
        ? join(dir, 'terraform.tfstate')
        : join(dir, 'terraform.tfstate.d', workspace, 'terraform.tfstate');
    if (!existsSync(file)) return { kind: 'read', view: stateView(undefined), where: `${file} (none)` };
    return { kind: 'read', view: stateView(JSON.parse(readFileSync(file, 'utf8'))), where: file };
  }
  return {
    kind: 'unreadable',
    why: `terraform.backend.type is ${backend.type}: this check cannot read that backend's state`,
  };
}

function line(c: Collision): string {
  return `${c.kind} ${c.name} (${c.where}${c.detail ? `, ${c.detail}` : ''})`;
}

/** What the user does about each: import it (the exact command) or delete it; leftovers: delete. */
function fixText(collisions: Collision[], leftovers: Leftover[], workingDirectory: string): string {
  const parts: string[] = [];
  if (collisions.length)
    parts.push(
      'If these are from an earlier attempt of this setup (or you want Terraform to manage them), import them: run ' +
        'terraform-apply (or the pipeline) once with the input import-existing: true, which adds exactly these as ' +
        'Terraform import blocks (the plan shows each import; an import that would replace or destroy is refused), ' +
        `or import each yourself in the generated root (${workingDirectory}, after terraform init):\n` +
        collisions.map((c) => importCommand(c, workingDirectory)).join('\n') +
        '\nOtherwise delete them (in this order: what uses a resource goes first):\n' +
        [...collisions]
          .reverse()
          .map((c) => c.deleteCommand)
          .join('\n'),
    );
  if (leftovers.length)
    parts.push(
      'Gateway templates and groups an interrupted apply left behind (their names carry uuid(): Terraform will never manage them again), delete them:\n' +
        leftovers.map((l) => l.deleteCommand).join('\n'),
    );
  return parts.join('\n');
}

export const STATE_006: CheckDef = {
  id: 'STATE-006',
  title: 'Nothing the module would create already exists outside the Terraform state',
  async run(ctx) {
    const config = needConfig(ctx);
    const { gcp, project } = await requireGcp(ctx);
    const storage = new CloudStorage(gcp.rest);
    const state = await readState(ctx, storage);
    const view = state.kind === 'read' ? state.view : stateView(undefined);
    const { collisions, leftovers } = await findCollisions(
      config,
      {
        compute: gcp.compute,
        dns: gcp.dns,
        certs: gcp.certs,
        iam: gcp.iam,
      },
      view,
    );
    const stateSays = state.kind === 'read' ? `the state (${state.where})` : 'the state';
    const expected = `none of the module's resources in ${project} unless ${stateSays} records it`;
    const workingDirectory = config.terraform.working_directory;
    if (!collisions.length && !leftovers.length)
      return ok(
        state.kind === 'read'
          ? `no collision: every resource of the module that exists is in ${stateSays} (${view.addresses.size} recorded)`
          : `none of the module's resources exists yet (${state.why})`,
        expected,
      );
    const observed = [
      collisions.length
        ? `${collisions.length} resource(s) the module would create exist but ${stateSays} does not know them, so the apply would stop on Error 409 alreadyExists: ${collisions.map(line).join('; ')}`
        : '',
      leftovers.length
        ? `${leftovers.length} gateway resource(s) left by an interrupted apply: ${leftovers.map((l) => `${l.kind} ${l.name} (${l.where})`).join('; ')}`
        : '',
    ]
      .filter(Boolean)
      .join('. ');
    const fix = fixText(collisions, leftovers, workingDirectory);
    if (state.kind === 'unreadable')
      return warn(`${observed} (${state.why}: if it records them, this is no collision)`, expected, fix);
    if (ctx.importExisting && !leftovers.length)
      return warn(
        `${observed}. import-existing is true: terraform-apply imports them (Terraform import blocks).`,
        expected,
        'Review the imports in the plan: each must plan as no change or an in-place update.',
      );
    return error(observed, expected, fix);
  },
};
