import { Router, Service, startService } from '../core/http.js';
import type { World } from '../world.js';
import { iamRouter } from './iam.js';
import { resourceManagerRouter } from './resourcemanager.js';
import { serviceUsageRouter } from './serviceusage.js';
import { certificateManagerRouter } from './certmanager/index.js';
import { computeRouter } from './compute/index.js';
import { cloudDnsRouter } from './dns/index.js';
import { metadataRouter } from './metadata.js';
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
 * The Google services, one loopback port each (world.urls.<name>). Each router assembles its resource
 * families from a list beside it: COMPUTE_FAMILIES (compute/index.ts), CLOUD_DNS_FAMILIES (dns/index.ts),
 * CERTIFICATE_MANAGER_FAMILIES (certmanager/index.ts), IAM_FAMILIES (iam.ts), RESOURCE_MANAGER_FAMILIES
 * (resourcemanager.ts). A new endpoint of an existing API: a family file and one line in its list; a new API:
 * one line here.
 */
const gcpOf = (world: World) => world.gcp as GcpWorld;
export const GCP_SERVICES: [string, (world: World) => Router][] = [
  ['oauth', (w) => oauthRouter(gcpOf(w))],
  ['sts', (w) => stsRouter(gcpOf(w))],
  ['iamcredentials', (w) => iamCredentialsRouter(gcpOf(w))],
  ['serviceusage', (w) => serviceUsageRouter(gcpOf(w))],
  ['resourcemanager', (w) => resourceManagerRouter(gcpOf(w))],
  ['iam', (w) => iamRouter(gcpOf(w))],
  ['compute', computeRouter],
  ['clouddns', (w) => cloudDnsRouter(gcpOf(w))],
  ['certificatemanager', (w) => certificateManagerRouter(gcpOf(w))],
  ['metadata', (w) => metadataRouter(gcpOf(w))],
];

/**
 * Starts every GCP emulator on its own loopback port and records its base URL in world.urls:
 * oauth, sts, iamcredentials, serviceusage, resourcemanager, iam, compute, clouddns, certificatemanager, metadata.
 */
export async function startGcp(world: World): Promise<Service[]> {
  const services = await Promise.all(
    GCP_SERVICES.map(([name, router]) => startService(name, router(world), world.journal, world.faults)),
  );
  const gcp = world.gcp as GcpWorld;
  for (const s of services) world.urls[s.name] = s.url;
  gcp.writeExternalAccountFile(world.urls.sts as string, world.urls.iamcredentials as string);
  return services;
}
