import type { DataSourceImpl, ResourceImpl } from '../resource.js';
import { address, firewall, network, subnetwork } from './compute-network.js';

/** Every resource type the stand-in google provider implements, with the noun its messages use. */
export const GOOGLE_RESOURCES: Record<string, { impl: ResourceImpl; kind: string }> = {
  google_compute_network: { impl: network, kind: 'Network' },
  google_compute_subnetwork: { impl: subnetwork, kind: 'Subnetwork' },
  google_compute_firewall: { impl: firewall, kind: 'Firewall' },
  google_compute_address: { impl: address, kind: 'Address' },
};

export const GOOGLE_DATA_SOURCES: Record<string, DataSourceImpl> = {};
