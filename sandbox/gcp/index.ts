import { Router, Service, startService } from '../core/http.js';
import type { World } from '../world.js';
import { iamRouter, resourceManagerRouter, serviceUsageRouter } from './apis.js';
import { certificateManagerRouter } from './certmanager.js';
import { computeRouter } from './compute.js';
import { cloudDnsRouter } from './dns.js';
import { metadataRouter } from './metadata.js';
import { withIamPolicyWrites, withServiceAccountAdmin } from './iam-admin.js';
import { iamCredentialsRouter, oauthRouter, stsRouter } from './oauth.js';
import { GcpState, GcpWorld } from './state.js';

export type { GcpState } from './state.js';
export { GcpWorld } from './state.js';

/** Creates the emulated GCP project: issues the service-account key (written to world.dir) and seeds DNS zones. */
export function createGcpState(world: World): GcpState {
  const gcp = new GcpWorld(() => world.scenario, world.dir);
  for (const z of world.scenario.gcp.managedZones)
    gcp.addZone(z.name, z.dnsName.endsWith('.') ? z.dnsName : `${z.dnsName}.`, 'Pre-existing zone');
  return gcp;
}

/**
 * Starts every GCP emulator on its own loopback port and records its base URL in world.urls:
 * oauth, sts, iamcredentials, serviceusage, resourcemanager, iam, compute, clouddns, certificatemanager, metadata.
 */
export async function startGcp(world: World): Promise<Service[]> {
  const gcp = world.gcp as GcpWorld;
  const routers: [string, Router][] = [
    ['oauth', oauthRouter(gcp)],
    ['sts', stsRouter(gcp)],
    ['iamcredentials', iamCredentialsRouter(gcp)],
    ['serviceusage', serviceUsageRouter(gcp)],
    ['resourcemanager', withIamPolicyWrites(resourceManagerRouter(gcp), gcp)],
    ['iam', withServiceAccountAdmin(iamRouter(gcp), gcp)],
    ['compute', computeRouter(world)],
    ['clouddns', cloudDnsRouter(gcp)],
    ['certificatemanager', certificateManagerRouter(gcp)],
    ['metadata', metadataRouter(gcp)],
  ];
  const services = await Promise.all(
    routers.map(([name, router]) => startService(name, router, world.journal, world.faults)),
  );
  for (const s of services) world.urls[s.name] = s.url;
  gcp.writeExternalAccountFile(world.urls.sts as string, world.urls.iamcredentials as string);
  return services;
}
