import { Router } from '../../core/http.js';
import { GcpFamily, apiGuard } from '../common.js';
import type { GcpWorld } from '../state.js';
import { changeRoutes } from './changes.js';
import { recordSetRoutes } from './rrsets.js';
import { managedZoneRoutes } from './zones.js';

/** Cloud DNS's resource families, one file each. A new family: one file exporting a GcpFamily, one line here. */
export const CLOUD_DNS_FAMILIES: GcpFamily[] = [managedZoneRoutes, recordSetRoutes, changeRoutes];

/** Cloud DNS v1: managed zones, record sets and changes. */
export function cloudDnsRouter(world: GcpWorld): Router {
  const r = new Router();
  apiGuard(world, r, 'dns.googleapis.com');
  for (const family of CLOUD_DNS_FAMILIES) family(r, world);
  return r;
}
