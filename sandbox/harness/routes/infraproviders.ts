import { Req, Res, Router, harnessError } from '../../core/http.js';
import type { World } from '../../world.js';
import { ACCOUNT, json, obj } from '../api.js';
import type { HarnessModel } from '../model.js';
import { newInfra, setupYaml, infraView, metadataProblems, infraOr404 } from '../infra.js';

const A = ACCOUNT;

/** The account's gitspace settings, infra providers (create, read, update, delete) and their gateways. */
export function infraProviderRoutes(r: Router, world: World): void {
  const m = world.harness as HarnessModel;
  r.get(`${A}/gitspace-settings`, () => gitspaceSettings(world));
  r.get(`${A}/infraproviders`, () => json(200, [...m.infraProviders.values()].map(infraView)));
  r.post(`${A}/infraproviders`, (req) => createInfraProvider(world, req));
  r.get(`${A}/infraproviders/{infra}`, (req) => getInfraProvider(world, req));
  r.put(`${A}/infraproviders/{infra}`, (req) => updateInfraProvider(world, req));
  r.delete(`${A}/infraproviders/{infra}`, (req) => deleteInfraProvider(world, req));
  r.get(`${A}/infraproviders/{infra}/gateways`, (req) => listGateways(world, req));
}

/**
 * The account's gitspace settings: `available_settings.infra_provider_resources`, per infrastructure type, the
 * regions (and machine types) the admin's allow-list offers (harness/harness web/src/services/cde/swagger.yaml
 * TypesAvailableSettings; AdminSettings/CloudRegions/hooks/useInfraProviderResources.ts). That the hybrid type is
 * listed only with CDE_HYBRID_ENABLED is this emulator's assumption, not documented behaviour: HARNESS-002 reports
 * its absence as a warning with this evidence, never as the flag's state.
 */
function gitspaceSettings(world: World): Res {
  const m = world.harness as HarnessModel;
  const sc = world.scenario.harness;
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
}

function createInfraProvider(world: World, req: Req): Res {
  const m = world.harness as HarnessModel;
  const sc = world.scenario.harness;
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
}

function getInfraProvider(world: World, req: Req): Res {
  const m = world.harness as HarnessModel;
  const rec = infraOr404(m, req);
  return 'status' in rec ? rec : json(200, infraView(rec));
}

function updateInfraProvider(world: World, req: Req): Res {
  const m = world.harness as HarnessModel;
  const rec = infraOr404(m, req);
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
}

function deleteInfraProvider(world: World, req: Req): Res {
  const m = world.harness as HarnessModel;
  const rec = infraOr404(m, req);
  if ('status' in rec) return rec;
  if (rec.resources.size > 0)
    return harnessError(
      400,
      `Infraprovider ${rec.config.identifier} still has ${rec.resources.size} machine(s): delete them first`,
    );
  if (m.gitspaces.some((g) => g.infraIdentifier === rec.config.identifier && m.gitspaceView(g)))
    return harnessError(400, `Infraprovider ${rec.config.identifier} still has gitspaces: delete them first`);
  m.infraProviders.delete(rec.config.identifier);
  return { status: 204 };
}

function listGateways(world: World, req: Req): Res {
  const m = world.harness as HarnessModel;
  const rec = infraOr404(m, req);
  return 'status' in rec ? rec : json(200, m.gateways(rec.config.identifier));
}
