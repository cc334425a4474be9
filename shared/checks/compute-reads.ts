import type { Image, Quota, Region, Subnetwork, Zone } from '../gcp/compute.js';
import type { Gcp } from '../gcp/index.js';
import { isNotFound, listAll } from '../gcp/rest.js';

/**
 * The four Compute reads the preflight makes, as plain REST calls (`/compute/v1/...`, the same requests the
 * official client sends). The preflight uses these instead of the official client so a run never loads
 * @google-cloud/compute: on a busy CI machine that load alone takes seconds and blocks every other check's I/O.
 */
export interface ComputeReads {
  getRegion(project: string, region: string): Promise<Region | undefined>;
  /** projects.get: the project-level (global) quotas, such as CPUS_ALL_REGIONS. */
  getProject(project: string): Promise<{ quotas: Quota[] } | undefined>;
  getZone(project: string, zone: string): Promise<Zone | undefined>;
  getImage(path: string): Promise<Image | undefined>;
  listSubnetworks(project: string): Promise<Subnetwork[]>;
}

const enc = encodeURIComponent;

function quotasOf(r: Record<string, unknown>): Quota[] {
  return (Array.isArray(r.quotas) ? (r.quotas as Record<string, unknown>[]) : []).map((q) => ({
    metric: String(q.metric ?? ''),
    limit: Number(q.limit ?? 0),
    usage: Number(q.usage ?? 0),
  }));
}

export function computeReads(gcp: Gcp): ComputeReads {
  const get = async <T>(path: string): Promise<T | undefined> => {
    try {
      return await gcp.rest.get<T>('compute', `/compute/v1/${path}`);
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  };
  return {
    async getRegion(project, region) {
      const r = await get<Record<string, unknown>>(`projects/${enc(project)}/regions/${enc(region)}`);
      if (!r) return undefined;
      return { ...r, name: String(r.name ?? region), quotas: quotasOf(r) } as Region;
    },
    async getProject(project) {
      const p = await get<Record<string, unknown>>(`projects/${enc(project)}`);
      return p ? { quotas: quotasOf(p) } : undefined;
    },
    getZone: (project, zone) => get<Zone>(`projects/${enc(project)}/zones/${enc(zone)}`),
    async getImage(path) {
      const m = path.match(/projects\/([^/]+)\/global\/images\/(?:family\/([^/]+)|([^/]+))$/);
      if (!m) return undefined;
      const [, project, family, name] = m as unknown as [
        string,
        string,
        string | undefined,
        string | undefined,
      ];
      return family
        ? get<Image>(`projects/${enc(project)}/global/images/family/${enc(family)}`)
        : get<Image>(`projects/${enc(project)}/global/images/${enc(name as string)}`);
    },
    async listSubnetworks(project) {
      const scopes = await listAll<Record<string, { subnetworks?: Subnetwork[] }>>(async (pageToken) => {
        const page = await gcp.rest.get<{
          items?: Record<string, { subnetworks?: Subnetwork[] }>;
          nextPageToken?: string;
        }>('compute', `/compute/v1/projects/${enc(project)}/aggregated/subnetworks`, { pageToken });
        return { items: [page.items ?? {}], nextPageToken: page.nextPageToken };
      }, 'items');
      return scopes.flatMap((s) => Object.values(s).flatMap((v) => v.subnetworks ?? []));
    },
  };
}
