import { Req, Res, Router, harnessError } from '../../core/http.js';
import type { World } from '../../world.js';
import { ACCOUNT, json, obj } from '../api.js';
import { HarnessModel, randomChars } from '../model.js';
import type { GitspaceRecord } from '../state.js';
import { gitspaceAction } from './gitspace-actions.js';

const G = `${ACCOUNT}/orgs/{org}/projects/{project}/gitspaces`;

/** Gitspaces of a project: list (paged), create, get, update when stopped, delete (asynchronous), events. */
export function gitspaceRoutes(r: Router, world: World): void {
  r.get(G, (req) => listGitspaces(world, req));
  r.post(G, (req) => createGitspace(world, req));
  r.get(`${G}/{id}`, (req) => getGitspace(world, req));
  r.patch(`${G}/{id}`, (req) => updateGitspace(world, req));
  r.delete(`${G}/{id}`, (req) => deleteGitspace(world, req));
  r.get(`${G}/{id}/events`, (req) => listGitspaceEvents(world, req));
  r.post(`${G}/{id}/actions`, (req) => postGitspaceAction(world, req));
}

function listGitspaces(world: World, req: Req): Res {
  const m = world.harness as HarnessModel;
  const page = Number(req.query.get('page') ?? 1);
  const limit = Number(req.query.get('limit') ?? 30);
  const states = req.query.getAll('gitspace_states');
  const q = req.query.get('query')?.toLowerCase();
  const all = m.gitspaces
    .filter((g) => g.org === req.params.org && g.project === req.params.project)
    .map((g) => m.gitspaceView(g))
    .filter((v) => v !== undefined)
    .filter((v) => !states.length || states.includes(String(v.state)))
    .filter((v) => !q || String(v.identifier).includes(q) || String(v.name).toLowerCase().includes(q));
  const items = all.slice((page - 1) * limit, page * limit);
  return {
    status: 200,
    body: items,
    headers: { 'x-total': String(all.length), 'x-page': String(page), 'x-per-page': String(limit) },
  };
}

function createGitspace(world: World, req: Req): Res {
  const m = world.harness as HarnessModel;
  const body = obj(req.body);
  const base = String(body.identifier).toLowerCase();
  if (!/^[a-z0-9-]{1,50}$/.test(base))
    return harnessError(
      400,
      `Invalid identifier "${base}": lower-case letters, digits and dashes, at most 50 characters`,
    );
  const infraId = String(body.infra_provider_config_identifier);
  const infra = m.infraProviders.get(infraId);
  if (!infra) return harnessError(400, `Failed to find infraprovider config: ${infraId}`);
  const resource = infra.resources.get(String(body.resource_identifier));
  if (!resource)
    return harnessError(400, `Failed to find infraprovider resource: ${String(body.resource_identifier)}`);
  const identifier = `${base}-${randomChars(6)}`;
  const now = m.now();
  const spacePath = `${m.accountId}/${req.params.org}/${req.params.project}`;
  const rec: GitspaceRecord = {
    org: req.params.org as string,
    project: req.params.project as string,
    infraIdentifier: infraId,
    deleted: false,
    steps: [],
    config: {
      identifier,
      name: String(body.name),
      ide: body.ide as never,
      code_repo_url: String(body.code_repo_url),
      code_repo_type: (body.code_repo_type as never) ?? 'unknown',
      code_repo_ref: (body.code_repo_ref as string | null | undefined) ?? null,
      code_repo_is_private: false,
      branch: typeof body.branch === 'string' ? body.branch : 'main',
      devcontainer_path: (body.devcontainer_path as string | null | undefined) ?? null,
      ssh_token_identifier:
        typeof body.ssh_token_identifier === 'string' ? body.ssh_token_identifier : undefined,
      space_path: spacePath,
      resource,
      created: now,
      updated: now,
      user_id: 'sandbox-user',
      user_display_name: 'Sandbox User',
      user_email: 'sandbox@example.com',
      log_key: `${identifier}-log`,
      is_marked_for_reset: false,
      is_marked_for_infra_reset: false,
    },
  };
  m.gitspaces.push(rec);
  return json(201, m.gitspaceView(rec));
}

function getGitspace(world: World, req: Req): Res {
  const m = world.harness as HarnessModel;
  const g = gsOr404(m, req);
  return 'status' in g ? g : json(200, m.gitspaceView(g));
}

function updateGitspace(world: World, req: Req): Res {
  const m = world.harness as HarnessModel;
  const g = gsOr404(m, req);
  if ('status' in g) return g;
  const state = m.gitspaceView(g)?.state;
  if (state !== 'stopped' && state !== 'uninitialized')
    return harnessError(
      400,
      `Gitspace can be updated only when stopped or uninitialized (it is ${String(state)})`,
    );
  const body = obj(req.body);
  if (typeof body.name === 'string') g.config.name = body.name;
  if (typeof body.ide === 'string') g.config.ide = body.ide as never;
  if (typeof body.ssh_token_identifier === 'string')
    g.config.ssh_token_identifier = body.ssh_token_identifier;
  if (typeof body.resource_identifier === 'string') {
    const res = m.infraProviders.get(g.infraIdentifier)?.resources.get(body.resource_identifier);
    if (!res) return harnessError(400, `Failed to find infraprovider resource: ${body.resource_identifier}`);
    g.config.resource = res;
  }
  g.config.updated = m.now();
  return json(200, m.gitspaceView(g));
}

function deleteGitspace(world: World, req: Req): Res {
  const m = world.harness as HarnessModel;
  const sc = world.scenario.harness;
  const g = gsOr404(m, req);
  if ('status' in g) return g;
  const t = m.now();
  g.steps = g.steps.filter((s) => s.at <= t);
  g.deleted = true;
  g.steps.push({
    at: t,
    event: 'infra_deprovisioning_start',
    message: 'Deleting the gitspace',
    instanceState: 'cleaning',
    url: null,
    sshCommand: null,
  });
  g.steps.push({
    at: t + sc.gitspaceStepMs,
    event: 'infra_deprovisioning_completed',
    message: 'Gitspace deleted',
    instanceState: 'deleted',
  });
  g.steps.push({ at: t + 2 * sc.gitspaceStepMs, gone: true });
  return { status: 204 };
}

function listGitspaceEvents(world: World, req: Req): Res {
  const m = world.harness as HarnessModel;
  const g = gsOr404(m, req);
  return 'status' in g ? g : json(200, m.gitspaceEvents(g));
}

function postGitspaceAction(world: World, req: Req): Res {
  const g = gsOr404(world.harness as HarnessModel, req);
  return 'status' in g ? g : gitspaceAction(world, g, req);
}

/** The gitspace named by `{id}` in the path (not yet deleted), or Harness's 404 for it. */
function gsOr404(m: HarnessModel, req: Req): GitspaceRecord | Res {
  return (
    m.findGitspace(req.params.org as string, req.params.project as string, req.params.id as string) ??
    harnessError(404, `Failed to find gitspace config: ${req.params.id}`)
  );
}
