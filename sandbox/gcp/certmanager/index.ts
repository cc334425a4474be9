import { Router } from '../../core/http.js';
import { GcpFamily, apiGuard } from '../common.js';
import type { GcpWorld } from '../state.js';
import { certificateRoutes } from './certificates.js';
import { dnsAuthorizationRoutes } from './dns-authorizations.js';
import { operationRoutes } from './operations.js';

/** Certificate Manager's resource families, one file each. A new family: one file, one line here. */
export const CERTIFICATE_MANAGER_FAMILIES: GcpFamily[] = [
  certificateRoutes,
  dnsAuthorizationRoutes,
  operationRoutes,
];

/** Certificate Manager v1: certificates (managed state moves with delegation and time) and DNS authorizations, as LROs. */
export function certificateManagerRouter(world: GcpWorld): Router {
  const r = new Router();
  apiGuard(world, r, 'certificatemanager.googleapis.com');
  for (const family of CERTIFICATE_MANAGER_FAMILIES) family(r, world);
  return r;
}
