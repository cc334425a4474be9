/**
 * create-gitspace with `mode: preview`: what the create phase would do to machines and gitspaces (create, start,
 * nothing, or a machine that differs and cannot be updated), from reads only.
 */
import type { ActionIO, ActionResult } from '../../shared/action.js';
import type { GitspacesConfig } from '../../shared/config/schema.js';
import { statusOf } from '../../shared/gitspaces/backoff.js';
import { type GitspaceSpec, findGitspace, stateOf } from '../../shared/gitspaces/gitspaces.js';
import { findMachine, machineDifferences, machinePayload } from '../../shared/gitspaces/machines.js';
import type { HarnessCdeApi } from '../../shared/gitspaces/types.js';
import type { ResourceIntent } from '../../shared/preview/model.js';
import { renderIntents } from '../../shared/preview/render.js';

/** A list that does not exist yet (no infra provider, no project) is empty, not an error. */
async function orEmpty<T>(f: () => Promise<T[]>): Promise<T[]> {
  try {
    return await f();
  } catch (e) {
    if (statusOf(e) === 404) return [];
    throw e;
  }
}

export async function resourceIntents(
  api: HarnessCdeApi,
  config: GitspacesConfig,
  specs: readonly GitspaceSpec[],
): Promise<ResourceIntent[]> {
  const infraId = config.infrastructure.identifier;
  const machines = await orEmpty(() => api.listResources(infraId));
  const out: ResourceIntent[] = [];
  for (const m of config.machines) {
    const have = findMachine(machines, m.name, m.region);
    const diff = have ? machineDifferences(have, machinePayload(m)) : [];
    out.push({
      kind: 'machine',
      name: m.name,
      action: !have ? 'create' : diff.length ? 'differs' : 'none',
      detail: !have
        ? `${m.machine_type} in ${m.zone}`
        : diff.length
          ? `differs (${diff.join('; ')}); machines cannot be updated: delete it to have it recreated`
          : 'exists and matches',
    });
  }
  const project = config.harness.project ?? '';
  const gitspaces = specs.length ? await orEmpty(() => api.listGitspaces(config.harness.org, project)) : [];
  for (const s of specs) {
    const g = findGitspace(gitspaces, s.name);
    const state = g ? stateOf(g) : '';
    out.push({
      kind: 'gitspace',
      name: s.name,
      action: !g ? 'create' : state === 'running' ? 'none' : 'start',
      detail: !g
        ? `${s.repoUrl} (${s.branch}) on ${s.machine}, ${s.ide}`
        : state === 'running'
          ? 'running'
          : `${state}: would be started`,
    });
  }
  return out;
}

export async function previewCreate(
  io: ActionIO,
  api: HarnessCdeApi,
  config: GitspacesConfig,
  specs: readonly GitspaceSpec[],
  startedAt: number,
): Promise<ActionResult> {
  const resources = await resourceIntents(api, config, specs);
  const changing = resources.filter((r) => r.action !== 'none');
  await io.appendSummary(`## Gitspaces: machines and gitspaces (preview)\n\n${renderIntents(resources)}`);
  return {
    outputs: {},
    phase: {
      name: 'create-gitspace',
      status: 'ok',
      startedAt,
      durationMs: io.clock.now() - startedAt,
      summary: `preview: ${changing.length} of ${resources.length} machine(s) and gitspace(s) would change`,
      details: resources.map((r) => `${r.kind} ${r.name}: ${r.action} (${r.detail})`),
    },
    preview: { resources },
    exitCode: 0,
  };
}
