import { Router } from '../../core/http.js';
import type { World } from '../../world.js';
import { apiGuard } from '../common.js';
import type { GcpWorld } from '../state.js';
import { aggregatedRoutes } from './aggregated.js';
import { collectionRoutes } from './collections.js';
import { ComputeContext, ComputeFamily } from './context.js';
import { ComputeEmulator } from './emulator.js';
import { instanceGroupRoutes } from './instance-groups.js';
import { instanceRoutes } from './instances.js';
import { operationRoutes } from './operations.js';
import { projectRoutes } from './project.js';

export { ComputeEmulator } from './emulator.js';
export { parseLink } from './resources.js';
export type { ComputeContext, ComputeFamily } from './context.js';

/**
 * Compute's resource families, one file each. A route matches in the order it was added, so paths with a
 * fixed segment (operations, images/family, instance verbs) come before the generic collection routes,
 * which `collectionRoutes` adds last. A new family: one file exporting a ComputeFamily, one line here.
 */
export const COMPUTE_FAMILIES: ComputeFamily[] = [
  projectRoutes,
  operationRoutes,
  aggregatedRoutes,
  instanceRoutes,
  instanceGroupRoutes,
];

/** The Compute Engine v1 service: seeded from the scenario, guarded by auth and API enablement. */
export function computeRouter(world: World): Router {
  const gcp = world.gcp as GcpWorld;
  const ce = new ComputeEmulator(world, gcp);
  ce.seed();
  const r = new Router();
  apiGuard(gcp, r, 'compute.googleapis.com');
  const cx = new ComputeContext(world, gcp, ce);
  for (const family of [...COMPUTE_FAMILIES, collectionRoutes]) family(r, cx);
  return r;
}
