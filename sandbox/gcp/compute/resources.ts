import { randomBytes } from 'node:crypto';
import { Res, googleError } from '../../core/http.js';
import type { Json } from '../common.js';
import { COMPUTE_LINK_BASE } from '../state.js';

/** The project-scoped prefix of every Compute v1 path. */
export const C = '/compute/v1/projects/{project}';
/** RFC 1035 names, as Compute requires for every resource name. */
export const NAME_RE = /^[a-z](?:[-a-z0-9]{0,61}[a-z0-9])?$/;
export const BASE = COMPUTE_LINK_BASE;

export const SINGULAR: Record<string, string> = {
  addresses: 'address',
  globalAddresses: 'address',
  policies: 'policy',
  regionHealthChecks: 'healthCheck',
};
export function singular(collection: string): string {
  return (
    SINGULAR[collection] ??
    (collection.endsWith('ses') ? collection.slice(0, -2) : collection.replace(/s$/, ''))
  );
}

export function stamp(ms = Date.now()): string {
  return new Date(ms).toISOString().replace('Z', '-00:00');
}

export function fingerprint(): string {
  return randomBytes(8).toString('base64');
}

export function vcpus(machineType: string): number {
  const name = machineType.split('/').pop() ?? '';
  const custom = /custom-(\d+)-\d+$/.exec(name);
  if (custom) return Number(custom[1]);
  const m = /-(\d+)$/.exec(name);
  return m ? Number(m[1]) : 2;
}

/**
 * The regional quota metric an instance's vCPUs count against. Metrics from the Quota.metric enum (Compute v1
 * discovery document; compute.proto `message Quota` in @google-cloud/compute): N2, N2D, C2, C2D, C3, A2, M1-M3, T2A,
 * T2D have their own; N1, E2 and shared-core types, and families without a metric of their own (c3d, h3, ...), count
 * against CPUS (cloud.google.com/compute/resource-usage#cpu_quota). An instance counts against its family's metric
 * only, never against CPUS as well, and against the project's CPUS_ALL_REGIONS.
 */
export function cpuQuotaMetric(machineType: string): string {
  const name = machineType.split('/').pop() ?? '';
  const family = name.startsWith('custom-') ? 'n1' : (name.split('-')[0] ?? '');
  const own = ['a2', 'c2', 'c2d', 'c3', 'm1', 'm2', 'm3', 'n2', 'n2d', 't2a', 't2d'];
  return own.includes(family) ? `${family.toUpperCase()}_CPUS` : 'CPUS';
}

/** The project-level metric every instance's vCPUs count against, whatever its region and family. */
export const GLOBAL_CPUS = 'CPUS_ALL_REGIONS';

export function ipToString(n: number): string {
  return [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');
}

export function conditionNotMet(message: string): Res {
  const res = googleError(412, message, 'conditionNotMet');
  const err = (res.body as { error: { errors: Json[] } }).error.errors[0] as Json;
  err.location = 'If-Match';
  err.locationType = 'header';
  return res;
}

export function notFound(path: string): Res {
  return googleError(404, `The resource '${path}' was not found`, 'notFound');
}

export function invalid(field: string, value: unknown, why: string): Res {
  return googleError(
    400,
    `Invalid value for field '${field}': '${typeof value === 'string' ? value : JSON.stringify(value)}'. ${why}`,
    'invalid',
  );
}

/** Parses a Compute link or relative path into its project, scope and collection. */
export function parseLink(
  link: string,
): { project: string; scope: string; collection: string; name: string; rel: string } | undefined {
  const m =
    /^(?:https?:\/\/[^/]+\/compute\/(?:v1|beta|alpha)\/)?projects\/([^/]+)\/(global|regions\/[^/]+|zones\/[^/]+)\/([a-zA-Z]+)\/(.+)$/.exec(
      link,
    );
  if (!m) return undefined;
  return {
    project: m[1] as string,
    scope: m[2] as string,
    collection: m[3] as string,
    name: m[4] as string,
    rel: `projects/${m[1]}/${m[2]}/${m[3]}/${m[4]}`,
  };
}
