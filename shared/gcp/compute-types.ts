/** The Compute resources as shared/gcp/compute.ts returns them (the fields this project reads). */
export type ComputeObject = Record<string, unknown>;

export interface Quota {
  metric: string;
  limit: number;
  usage: number;
}
export interface Region extends ComputeObject {
  name: string;
  status?: string;
  zones?: string[];
  quotas: Quota[];
}
export interface Zone extends ComputeObject {
  name: string;
  status?: string;
  region?: string;
}
export interface Image extends ComputeObject {
  name: string;
  family?: string;
  status?: string;
  selfLink?: string;
  deprecated?: { state?: string; replacement?: string };
  licenses?: string[];
}
export interface Subnetwork extends ComputeObject {
  name: string;
  region?: string;
  network?: string;
  ipCidrRange?: string;
  purpose?: string;
  selfLink?: string;
}
export interface MetadataItem {
  key: string;
  value?: string;
}
export interface Instance extends ComputeObject {
  name: string;
  id?: string;
  status?: string;
  zone?: string;
  selfLink?: string;
  labels?: Record<string, string>;
  tags?: { items?: string[]; fingerprint?: string };
  metadata?: { fingerprint?: string; items?: MetadataItem[] };
  networkInterfaces?: {
    networkIP?: string;
    network?: string;
    subnetwork?: string;
    accessConfigs?: { natIP?: string }[];
  }[];
}
export interface Operation extends ComputeObject {
  name: string;
  status?: 'PENDING' | 'RUNNING' | 'DONE' | string;
  zone?: string;
  region?: string;
  targetLink?: string;
  operationType?: string;
  httpErrorStatusCode?: number;
  error?: { errors?: { code?: string; message?: string }[] };
}

/** A metadata change: a value sets the key, null deletes it. */
export interface MetadataChange {
  key: string;
  value: string | null;
}
