import type { Router } from '../../core/http.js';
import { Json, isRes, ok } from '../common.js';
import { C, notFound, invalid } from './resources.js';
import type { ComputeContext } from './context.js';

/** Regional managed instance groups: resize. */
export function instanceGroupRoutes(r: Router, cx: ComputeContext): void {
  const { gcp, ce } = cx;
  r.post(`${C}/regions/{region}/instanceGroupManagers/{name}/resize`, (req) => {
    const p = cx.proj(req);
    if (isRes(p)) return p;
    const rel = `projects/${p}/regions/${req.params.region}/instanceGroupManagers/${req.params.name}`;
    const igm = gcp.compute.get(rel);
    if (!igm) return notFound(rel);
    const size = Number(req.query.get('size'));
    if (!Number.isInteger(size) || size < 0)
      return invalid('size', req.query.get('size'), 'Must be a non-negative integer.');
    igm.targetSize = size;
    igm.currentActions = { ...(igm.currentActions as Json), none: size };
    return ok(
      ce.operation(
        p,
        `regions/${req.params.region}`,
        'compute.regionInstanceGroupManagers.resize',
        igm,
        cx.userOf(req),
      ),
    );
  });
}
