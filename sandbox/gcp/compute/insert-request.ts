import type { Req, Res } from '../../core/http.js';
import type { Json } from '../common.js';
import type { ComputeContext, Scope } from './context.js';

/** One insert request as the collection-specific steps see it: they validate, fill defaults, add side resources. */
export interface Insert {
  req: Req;
  cx: ComputeContext;
  p: string;
  scope: Scope;
  /** The scope as a path (`global`, `regions/r`, `zones/z`). */
  sp: string;
  collection: string;
  name: string;
  rel: string;
  /** The request body as sent, and normalised (references as full URLs, as GCE stores them). */
  raw: Json;
  body: Json;
  region?: string;
  zone?: string;
  /** Output-only fields the service sets. */
  extra: Json;
  /** Resources GCE creates beside this one (an instance's boot disk, a managed group's instance group). */
  created: { rel: string; body: Json }[];
  /** A 404/400 when a referenced resource does not exist, as GCE answers. */
  refMissing(link: unknown, field: string): Res | undefined;
  /** A 403 quotaExceeded when adding `add` to the region's `metric` would pass its limit. */
  checkQuota(metric: string, add: number): Res | undefined;
  /** The same for a project-level (global) metric, such as CPUS_ALL_REGIONS. */
  checkProjectQuota(metric: string, add: number): Res | undefined;
}
