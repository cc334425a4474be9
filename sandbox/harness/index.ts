import { randomBytes } from 'node:crypto';
import { Req, Res, Router, Service, harnessError, startService } from '../core/http.js';
import type { World } from '../world.js';
import type {
  EnumGitspaceActionType,
  TypesInfraProviderConfig,
  TypesInfraProviderResource,
} from '../../shared/harness/types.js';
import { loadContracts } from './contract.js';
import { BUSY_STATES, HarnessModel, randomChars } from './model.js';
import { buildSetupYaml } from './setup-yaml.js';
import { delegateTokenAsListed } from './token-listing.js';
import type { GitspaceRecord, GitspaceStep, HarnessState, InfraRecord } from './state.js';

export type { HarnessState } from './state.js';
export { loadContracts } from './contract.js';

export const CDE_PREFIX = '/gateway/cde/api/v1';
export const NG_PREFIX = '/ng/api';

/** The emulated Harness control plane's state, seeded from scenario.harness. */
export function createHarnessState(world: World): HarnessState {
  const model = new HarnessModel(world);
  if (world.scenario.harness.existingInfra) seedExistingInfra(world, model);
  return model;
}

function model(world: World): HarnessModel {
  return world.harness as HarnessModel;
}

/** An infra like examples/gitspaces.yaml's, already configured (scenario.harness.existingInfra). */
function seedExistingInfra(world: World, m: HarnessModel): void {
  const body = {
    identifier: 'gitspaces_gcp',
    name: 'gitspaces',
    type: 'hybrid_vm_gcp',
    metadata: {
      name: 'gitspaces_gcp',
      domain: 'gitspaces.acme.dev',
      project: { id: world.scenario.gcp.projectId },
      gateway: {
        machine_type: 'e2-standard-2',
        instances: 1,
        vm_image_name: 'projects/ubuntu-os-cloud/global/images/family/ubuntu-2204-lts',
      },
      runner: {
        region: 'us-central1',
        zone: 'us-central1-a',
        vm_image_name: 'projects/ubuntu-os-cloud/global/images/family/ubuntu-2204-lts',
      },
      delegate_selectors: [{ selector: 'gitspaces' }],
      region_configs: {
        'us-central1': {
          region_name: 'us-central1',
          default_subnet_ip_range: '10.6.0.0/16',
          proxy_subnet_ip_range: '10.3.0.0/26',
          certificates: { contents: [{ domain: 'usc1.gitspaces.acme.dev' }] },
        },
      },
    },
  };
  const rec = newInfra(world, m, body, 'https://app.harness.io/gateway/cde');
  m.infraProviders.set(rec.config.identifier, rec);
}

function obj(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function newInfra(
  world: World,
  m: HarnessModel,
  body: Record<string, unknown>,
  cdeManagerUrl: string,
): InfraRecord {
  const now = m.now();
  const rec: InfraRecord = {
    config: {
      identifier: String(body.identifier),
      name: String(body.name),
      type: body.type as TypesInfraProviderConfig['type'],
      metadata: obj(body.metadata),
      space_path: m.accountId,
      created: now,
      updated: now,
      is_deleted: false,
      deleted: null,
    },
    sharedSecret: randomBytes(24).toString('hex'),
    resources: new Map(),
  };
  rec.config.setup_yaml = setupYaml(world, m, rec, cdeManagerUrl);
  return rec;
}

function setupYaml(world: World, m: HarnessModel, rec: InfraRecord, cdeManagerUrl: string): string {
  return buildSetupYaml({
    accountId: m.accountId,
    identifier: rec.config.identifier,
    name: rec.config.name,
    metadata: rec.config.metadata,
    sharedSecret: rec.sharedSecret,
    cdeManagerUrl,
    gatewayVersion: world.scenario.harness.gatewayVersion,
    generation: world.scenario.harness.setupYamlGeneration ?? 'post-0.0.3',
  });
}

function infraView(rec: InfraRecord): TypesInfraProviderConfig {
  return { ...rec.config, resources: [...rec.resources.values()] };
}

/** Problems with a hybrid_vm_gcp metadata block (the UI's required fields, spec §3.1). */
function metadataProblems(md: Record<string, unknown>): string[] {
  const p: string[] = [];
  if (typeof md.domain !== 'string' || !md.domain) p.push('metadata.domain is required');
  if (typeof obj(md.project).id !== 'string' || !obj(md.project).id)
    p.push('metadata.project.id is required');
  if (typeof obj(md.gateway).machine_type !== 'string' || !obj(md.gateway).machine_type)
    p.push('metadata.gateway.machine_type is required');
  const rc = obj(md.region_configs);
  if (Object.keys(rc).length === 0) p.push('metadata.region_configs needs at least one region');
  const runner = obj(md.runner);
  if (typeof runner.region !== 'string' || !runner.region) p.push('metadata.runner.region is required');
  else if (Object.keys(rc).length && !(runner.region in rc))
    p.push(`metadata.runner.region ${runner.region} is not one of the configured regions`);
  return p;
}

const json = (status: number, body: unknown): Res => ({ status, body });
const ngError = (status: number, code: string, message: string): Res => ({
  status,
  body: {
    status: 'ERROR',
    code,
    message,
    correlationId: randomChars(12),
    detailedMessage: null,
    responseMessages: [],
  },
});
const rest = <T>(resource: T): Res => ({
  status: 200,
  body: { metaData: {}, resource, responseMessages: [] },
});

function header(req: Req, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** The router of the one `harness` service: CDE under /gateway/cde/api/v1, NG under /ng/api. */
export function harnessRouter(world: World): Router {
  const m = model(world);
  const sc = world.scenario.harness;
  const contracts = loadContracts();
  const r = new Router();
  r.notFound = (req) => harnessError(404, `No route ${req.method} ${req.path}`);

  r.guard = (req) => {
    const cde = req.path.startsWith(`${CDE_PREFIX}/`);
    const ng = req.path.startsWith(`${NG_PREFIX}/`);
    if (!cde && !ng) return harnessError(404, `No route ${req.method} ${req.path}`);
    const check = (cde ? contracts.cde : contracts.ng).check({
      method: req.method,
      path: req.path.slice((cde ? CDE_PREFIX : NG_PREFIX).length),
      query: req.query,
      body: req.body,
      rawBody: req.rawBody,
    });
    const key = header(req, 'x-api-key') ?? header(req, 'authorization')?.replace(/^Bearer\s+/i, '');
    if (!key || key !== m.apiKey || sc.keyScope === 'invalid') {
      const res = cde
        ? harnessError(401, 'Unauthorized: invalid or missing API key')
        : ngError(401, 'INVALID_TOKEN', 'Token is not valid.');
      return { ...res, contractViolation: check.violation };
    }
    if (check.violation) {
      const res = check.unknownOperation
        ? cde
          ? harnessError(404, `No route ${req.method} ${req.path}`)
          : ngError(404, 'RESOURCE_NOT_FOUND', `No route ${req.method} ${req.path}`)
        : cde
          ? harnessError(400, check.violation)
          : ngError(400, 'INVALID_REQUEST', check.violation);
      return { ...res, contractViolation: check.violation };
    }
    if (cde) {
      const accM = /^\/gateway\/cde\/api\/v1\/accounts\/([^/]+)/.exec(req.path);
      if (accM && decodeURIComponent(accM[1] as string) !== m.accountId)
        return harnessError(403, 'Forbidden: the API key does not belong to this account');
      if (
        sc.keyScope === 'project' &&
        /^\/gateway\/cde\/api\/v1\/accounts\/[^/]+\/infraproviders/.test(req.path)
      ) {
        const perm =
          req.method === 'GET'
            ? 'cde_infraprovider_view'
            : req.method === 'DELETE'
              ? 'cde_infraprovider_delete'
              : 'cde_infraprovider_edit';
        return harnessError(403, `Missing permission ${perm} on account: the API key is scoped to a project`);
      }
      const gsM = /^\/gateway\/cde\/api\/v1\/accounts\/[^/]+\/orgs\/([^/]+)\/projects\/([^/]+)\//.exec(
        req.path,
      );
      if (gsM) {
        const org = decodeURIComponent(gsM[1] as string);
        const project = decodeURIComponent(gsM[2] as string);
        if (org !== sc.org || !sc.projects.includes(project))
          return harnessError(404, `Project ${org}/${project} not found`);
      }
    } else if (req.query.get('accountIdentifier') !== m.accountId)
      return ngError(403, 'ACCESS_DENIED', 'Not authorized for this account');
    return undefined;
  };

  const A = `${CDE_PREFIX}/accounts/{acc}`;
  const infraOr404 = (req: Req): InfraRecord | Res =>
    m.infraProviders.get(req.params.infra as string) ??
    harnessError(404, `Failed to find infraprovider config: ${req.params.infra}`);

  // ---- account gitspace settings: what the account may use, per infrastructure type ----
  // The hybrid types appear only with the CDE_HYBRID_ENABLED flag, as the SaaS UI's infra picker shows them.
  r.get(`${A}/gitspace-settings`, () => {
    const types = ['harness_gcp', ...(sc.hybridEnabled ? ['hybrid_vm_gcp'] : [])];
    const available: Record<
      string,
      { region: string; region_display_name: string; machine_types: unknown[] }[]
    > = {};
    for (const t of types) {
      const regions = [...m.infraProviders.values()]
        .filter((i) => i.config.type === t)
        .flatMap((i) => Object.keys(obj(obj(i.config.metadata).region_configs)));
      available[t] = regions.map((region) => ({ region, region_display_name: region, machine_types: [] }));
    }
    return json(200, {
      available_settings: { infra_provider_resources: available },
      settings: {},
      space_path: m.accountId,
    });
  });

  // ---- infra providers ----
  r.get(`${A}/infraproviders`, () => json(200, [...m.infraProviders.values()].map(infraView)));
  r.post(`${A}/infraproviders`, (req) => {
    const body = obj(req.body);
    const id = String(body.identifier);
    if (!/^[a-zA-Z0-9_.-]{1,100}$/.test(id))
      return harnessError(
        400,
        `Invalid identifier "${id}": letters, digits, - _ . only, at most 100 characters`,
      );
    if (body.type === 'hybrid_vm_gcp' && !sc.hybridEnabled)
      return harnessError(403, 'Infra provider type hybrid_vm_gcp is not enabled for this account');
    if (m.infraProviders.has(id))
      return harnessError(400, `Infraprovider config with identifier ${id} already exists`);
    if (body.type === 'hybrid_vm_gcp') {
      const p = metadataProblems(obj(body.metadata));
      if (p.length) return harnessError(400, `Invalid metadata: ${p.join('; ')}`);
    }
    const rec = newInfra(world, m, body, `${req.baseUrl}/gateway/cde`);
    m.infraProviders.set(id, rec);
    return json(201, infraView(rec));
  });
  r.get(`${A}/infraproviders/{infra}`, (req) => {
    const rec = infraOr404(req);
    return 'status' in rec ? rec : json(200, infraView(rec));
  });
  r.put(`${A}/infraproviders/{infra}`, (req) => {
    const rec = infraOr404(req);
    if ('status' in rec) return rec;
    const body = obj(req.body);
    const md = obj(body.metadata);
    const old = rec.config.metadata;
    if (body.identifier !== rec.config.identifier)
      return harnessError(
        400,
        `The identifier cannot be changed (${rec.config.identifier} -> ${String(body.identifier)})`,
      );
    if (body.type !== rec.config.type) return harnessError(400, 'The infra provider type cannot be changed');
    if (md.domain !== undefined && md.domain !== old.domain)
      return harnessError(400, `The domain cannot be changed after creation (${String(old.domain)})`);
    const newProject = obj(md.project).id;
    if (newProject !== undefined && newProject !== obj(old.project).id)
      return harnessError(
        400,
        `The GCP project cannot be changed after creation (${String(obj(old.project).id)})`,
      );
    if (rec.config.type === 'hybrid_vm_gcp') {
      const p = metadataProblems({
        ...md,
        domain: md.domain ?? old.domain,
        project: md.project ?? old.project,
      });
      if (p.length) return harnessError(400, `Invalid metadata: ${p.join('; ')}`);
    }
    rec.config.name = String(body.name);
    rec.config.metadata = { ...md, domain: old.domain, project: old.project };
    rec.config.updated = m.now();
    const oldYaml = rec.config.setup_yaml ?? '';
    const manager = /cde_manager_url: (\S+)/.exec(oldYaml)?.[1] ?? `${req.baseUrl}/gateway/cde`;
    rec.config.setup_yaml = setupYaml(world, m, rec, manager);
    return json(200, infraView(rec));
  });
  r.delete(`${A}/infraproviders/{infra}`, (req) => {
    const rec = infraOr404(req);
    if ('status' in rec) return rec;
    if (rec.resources.size > 0)
      return harnessError(
        400,
        `Infraprovider ${rec.config.identifier} still has ${rec.resources.size} machine(s): delete them first`,
      );
    if (m.gitspaces.some((g) => g.infraIdentifier === rec.config.identifier && m.gitspaceView(g)))
      return harnessError(
        400,
        `Infraprovider ${rec.config.identifier} still has gitspaces: delete them first`,
      );
    m.infraProviders.delete(rec.config.identifier);
    return { status: 204 };
  });
  r.get(`${A}/infraproviders/{infra}/gateways`, (req) => {
    const rec = infraOr404(req);
    return 'status' in rec ? rec : json(200, m.gateways(rec.config.identifier));
  });

  // ---- machines ----
  r.get(`${A}/infraproviders/{infra}/resources`, (req) => {
    const rec = infraOr404(req);
    return 'status' in rec ? rec : json(200, [...rec.resources.values()]);
  });
  r.post(`${A}/infraproviders/{infra}/resources`, (req) => {
    const rec = infraOr404(req);
    if ('status' in rec) return rec;
    const inputs = req.body as Record<string, unknown>[];
    const regions = Object.keys(obj(rec.config.metadata.region_configs));
    const created: TypesInfraProviderResource[] = [];
    const now = m.now();
    for (const input of inputs) {
      if (rec.config.type === 'hybrid_vm_gcp' && !regions.includes(String(input.region)))
        return harnessError(
          400,
          `Region ${String(input.region)} is not configured for infraprovider ${rec.config.identifier}`,
        );
      const id =
        typeof input.identifier === 'string' && input.identifier
          ? input.identifier
          : `${String(input.name)
              .toLowerCase()
              .replace(/[^a-z0-9_-]+/g, '-')}-${randomChars(6)}`;
      if (rec.resources.has(id) || created.some((c) => c.identifier === id))
        return harnessError(400, `Resource with identifier ${id} already exists`);
      const md = obj(input.metadata) as Record<string, string>;
      created.push({
        identifier: id,
        name: String(input.name),
        region: String(input.region),
        infra_provider_type: input.infra_provider_type as TypesInfraProviderResource['infra_provider_type'],
        metadata: md,
        cpu: typeof input.cpu === 'string' ? input.cpu : null,
        memory: typeof input.memory === 'string' ? input.memory : null,
        disk: typeof input.disk === 'string' ? input.disk : (md.persistent_disk_size ?? null),
        network: typeof input.network === 'string' ? input.network : null,
        config_identifier: rec.config.identifier,
        config_name: rec.config.name,
        space_path: m.accountId,
        created: now,
        updated: now,
        is_deleted: false,
        deleted: null,
      });
    }
    for (const c of created) rec.resources.set(c.identifier as string, c);
    return json(201, created);
  });
  r.delete(`${A}/infraproviders/{infra}/resources/{res}`, (req) => {
    const rec = infraOr404(req);
    if ('status' in rec) return rec;
    const id = req.params.res as string;
    if (!rec.resources.has(id)) return harnessError(404, `Failed to find infraprovider resource: ${id}`);
    const inUse = m.gitspaces.find(
      (g) =>
        g.config.resource?.identifier === id &&
        g.infraIdentifier === rec.config.identifier &&
        m.gitspaceView(g),
    );
    if (inUse) return harnessError(400, `Resource ${id} is used by gitspace ${inUse.config.identifier}`);
    rec.resources.delete(id);
    return { status: 200 };
  });

  // ---- gitspaces ----
  const G = `${A}/orgs/{org}/projects/{project}/gitspaces`;
  const gsOr404 = (req: Req): GitspaceRecord | Res =>
    m.findGitspace(req.params.org as string, req.params.project as string, req.params.id as string) ??
    harnessError(404, `Failed to find gitspace config: ${req.params.id}`);

  r.get(G, (req) => {
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
  });
  r.post(G, (req) => {
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
  });
  r.get(`${G}/{id}`, (req) => {
    const g = gsOr404(req);
    return 'status' in g ? g : json(200, m.gitspaceView(g));
  });
  r.patch(`${G}/{id}`, (req) => {
    const g = gsOr404(req);
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
      if (!res)
        return harnessError(400, `Failed to find infraprovider resource: ${body.resource_identifier}`);
      g.config.resource = res;
    }
    g.config.updated = m.now();
    return json(200, m.gitspaceView(g));
  });
  r.post(`${G}/{id}/actions`, (req) => {
    const g = gsOr404(req);
    if ('status' in g) return g;
    const action = obj(req.body).action as EnumGitspaceActionType;
    const view = m.gitspaceView(g);
    const instanceState = view?.instance?.state;
    if (instanceState && BUSY_STATES.includes(instanceState))
      return harnessError(403, `Last session for this gitspace is still ${instanceState}`);
    const t = m.now();
    const step = sc.gitspaceStepMs;
    const steps: GitspaceStep[] = [];
    const regionDomain = gitspaceDomain(m, g);
    const startSteps = (t0: number) => {
      steps.push({
        at: t0 + step,
        event: 'infra_provisioning_start',
        message: 'Provisioning infrastructure',
      });
      steps.push({
        at: t0 + 2 * step,
        event: 'infra_provisioning_completed',
        message: 'Infrastructure provisioned',
      });
      steps.push({
        at: t0 + 3 * step,
        event: 'agent_gitspace_creation_start',
        message: 'Setting up the gitspace',
      });
      if (sc.gitspaceStartFails) {
        const error =
          'Failed to set up the gitspace: devcontainer image could not be pulled (scenario gitspaceStartFails)';
        steps.push({ at: t0 + 4 * step, event: 'agent_gitspace_creation_failed', message: error });
        steps.push({
          at: t0 + 4 * step,
          event: 'gitspace_action_start_failed',
          message: error,
          instanceState: 'error',
          errorMessage: error,
        });
      } else {
        steps.push({
          at: t0 + 4 * step,
          event: 'agent_gitspace_creation_completed',
          message: 'Gitspace set up',
        });
        steps.push({
          at: t0 + 4 * step,
          event: 'gitspace_action_start_completed',
          message: 'Gitspace is running',
          instanceState: 'running',
          errorMessage: null,
          url: `https://${g.config.identifier}.${regionDomain}/?folder=/gitspace/${repoName(String(g.config.code_repo_url))}`,
          sshCommand: `ssh -p 2222 ${g.config.identifier}@${regionDomain}`,
        });
      }
    };
    if (action === 'start') {
      if (instanceState === 'running') return json(200, view);
      steps.push({
        at: t,
        event: 'gitspace_action_start',
        message: 'Starting the gitspace',
        instanceState: 'starting',
        errorMessage: null,
        url: null,
        sshCommand: null,
      });
      startSteps(t);
    } else if (action === 'stop') {
      if (!instanceState || instanceState === 'stopped' || instanceState === 'uninitialized')
        return json(200, view);
      steps.push({
        at: t,
        event: 'gitspace_action_stop',
        message: 'Stopping the gitspace',
        instanceState: 'stopping',
      });
      steps.push({ at: t + step, event: 'agent_gitspace_stop_start', message: 'Stopping the container' });
      steps.push({ at: t + 2 * step, event: 'agent_gitspace_stop_completed', message: 'Container stopped' });
      steps.push({
        at: t + 2 * step,
        event: 'gitspace_action_stop_completed',
        message: 'Gitspace stopped',
        instanceState: 'stopped',
        url: null,
        sshCommand: null,
      });
    } else {
      steps.push({
        at: t,
        event: 'gitspace_action_reset',
        message: 'Resetting the gitspace',
        instanceState: 'resetting',
        url: null,
        sshCommand: null,
        errorMessage: null,
      });
      steps.push({
        at: t + step,
        event: 'gitspace_action_reset_completed',
        message: 'Gitspace reset',
        instanceState: 'starting',
      });
      startSteps(t + step);
    }
    g.steps.push(...steps);
    return json(200, m.gitspaceView(g));
  });
  r.delete(`${G}/{id}`, (req) => {
    const g = gsOr404(req);
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
  });
  r.get(`${G}/{id}/events`, (req) => {
    const g = gsOr404(req);
    return 'status' in g ? g : json(200, m.gitspaceEvents(g));
  });

  // ---- NG ----
  r.get(`${NG_PREFIX}/organizations/{org}`, (req) =>
    req.params.org === sc.org
      ? json(200, {
          status: 'SUCCESS',
          data: {
            organization: { identifier: sc.org, name: sc.org, description: '', tags: {} },
            createdAt: 0,
            lastModifiedAt: 0,
            harnessManaged: sc.org === 'default',
          },
        })
      : ngError(404, 'RESOURCE_NOT_FOUND', `Organization with identifier [${req.params.org}] not found`),
  );
  r.get(`${NG_PREFIX}/projects/{project}`, (req) => {
    const org = req.query.get('orgIdentifier') ?? 'default';
    return org === sc.org && sc.projects.includes(req.params.project as string)
      ? json(200, {
          status: 'SUCCESS',
          data: {
            project: {
              orgIdentifier: org,
              identifier: req.params.project,
              name: req.params.project,
              modules: ['CDE'],
              tags: {},
            },
            createdAt: 0,
            lastModifiedAt: 0,
          },
        })
      : ngError(
          404,
          'RESOURCE_NOT_FOUND',
          `Project with orgIdentifier [${org}] and identifier [${req.params.project}] not found`,
        );
  });
  r.get(`${NG_PREFIX}/delegate-token-ng`, (req) => {
    const name = req.query.get('name');
    const status = req.query.get('status');
    const list = [...m.tokens.values()]
      .map((t) => delegateTokenAsListed(t.details, sc.keyScope))
      .filter((t) => (!name || t.name === name) && (!status || t.status === status));
    return rest(list);
  });
  r.post(`${NG_PREFIX}/delegate-token-ng`, (req) => {
    const name = req.query.get('tokenName') as string;
    if (m.tokens.has(name))
      return ngError(
        400,
        'INVALID_REQUEST',
        `Token with given name ${name} already exists for this account.`,
      );
    const details = {
      uuid: randomChars(22),
      accountId: m.accountId,
      name,
      createdBy: { type: 'API_KEY', name: 'sandbox' },
      createdAt: m.now(),
      status: 'ACTIVE' as const,
      value: Buffer.from(randomBytes(16).toString('hex')).toString('base64'),
    };
    m.tokens.set(name, { details });
    return rest(details);
  });
  r.put(`${NG_PREFIX}/delegate-token-ng`, (req) => {
    const name = req.query.get('tokenName') as string;
    const t = m.tokens.get(name);
    if (!t) return ngError(404, 'RESOURCE_NOT_FOUND', `Delegate token ${name} not found`);
    t.details.status = 'REVOKED';
    return rest({ ...t.details, value: undefined });
  });
  r.get(`${NG_PREFIX}/delegate-token-ng/delegate-groups`, (req) =>
    rest({ delegateGroupDetails: m.delegateGroups(req.query.get('delegateTokenName') as string) }),
  );
  return r;
}

function repoName(url: string): string {
  return (
    url
      .replace(/\.git$/, '')
      .split('/')
      .filter(Boolean)
      .pop() ?? 'repo'
  );
}

/** The region domain of the gitspace's machine (certificates.contents[0].domain), else the infra domain. */
function gitspaceDomain(m: HarnessModel, g: GitspaceRecord): string {
  const infra = m.infraProviders.get(g.infraIdentifier);
  const md = infra?.config.metadata ?? {};
  const region = g.config.resource?.region ?? '';
  const rc = obj(obj(md.region_configs)[region]);
  const contents = obj(rc.certificates).contents;
  const d = Array.isArray(contents) ? obj(contents[0]).domain : undefined;
  return typeof d === 'string' && d ? d : String(md.domain ?? 'gitspaces.example.com');
}

/** Starts the `harness` service (world.urls.harness). */
export async function startHarness(world: World): Promise<Service[]> {
  const svc = await startService('harness', harnessRouter(world), world.journal, world.faults);
  world.urls.harness = svc.url;
  // Seeded infra providers were made before the port was known: their YAML points at this service now.
  const m = model(world);
  for (const rec of m.infraProviders.values())
    rec.config.setup_yaml = setupYaml(world, m, rec, `${svc.url}/gateway/cde`);
  return [svc];
}
