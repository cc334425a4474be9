import { Router, Service, harnessError, startService } from '../core/http.js';
import type { World } from '../world.js';
import { loadContracts } from './contract.js';
import { seedExistingInfra, setupYaml } from './infra.js';
import { HarnessModel } from './model.js';
import { delegateTokenRoutes } from './routes/delegate-tokens.js';
import { gitspaceRoutes } from './routes/gitspaces.js';
import { harnessGuard } from './routes/guard.js';
import { infraProviderRoutes } from './routes/infraproviders.js';
import { machineRoutes } from './routes/machines.js';
import { organizationRoutes } from './routes/ng.js';
import type { HarnessState } from './state.js';

export type { HarnessState } from './state.js';
export { loadContracts } from './contract.js';
export { CDE_PREFIX, NG_PREFIX } from './api.js';

/** One resource family of the Harness API: adds its routes to the `harness` service's router. */
export type HarnessFamily = (r: Router, world: World) => void;

/** The Harness API's resource families, one file each under routes/. A new family: one file, one line here. */
export const HARNESS_FAMILIES: HarnessFamily[] = [
  infraProviderRoutes,
  machineRoutes,
  gitspaceRoutes,
  organizationRoutes,
  delegateTokenRoutes,
];

/** The emulated Harness control plane's state, seeded from scenario.harness. */
export function createHarnessState(world: World): HarnessState {
  const model = new HarnessModel(world);
  if (world.scenario.harness.existingInfra) seedExistingInfra(world, model);
  return model;
}

function model(world: World): HarnessModel {
  return world.harness as HarnessModel;
}

/** The router of the one `harness` service: CDE under /gateway/cde/api/v1, NG under /ng/api. */
export function harnessRouter(world: World): Router {
  const r = new Router();
  r.notFound = (req) => harnessError(404, `No route ${req.method} ${req.path}`);
  r.guard = harnessGuard(world, loadContracts());
  for (const family of HARNESS_FAMILIES) family(r, world);
  return r;
}

export async function startHarness(world: World): Promise<Service[]> {
  const svc = await startService('harness', harnessRouter(world), world.journal, world.faults);
  world.urls.harness = svc.url;
  // Seeded infra providers were made before the port was known: their YAML points at this service now.
  const m = model(world);
  for (const rec of m.infraProviders.values())
    rec.config.setup_yaml = setupYaml(world, m, rec, `${svc.url}/gateway/cde`);
  return [svc];
}
