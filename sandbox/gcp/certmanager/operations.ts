import type { Router } from '../../core/http.js';
import { lroView } from '../common.js';
import { Json, isRes, ok, paginate } from '../common.js';
import type { GcpWorld } from '../state.js';
import { L, notFoundRes, loc } from './resources.js';

/** Certificate Manager operations: get and list. */
export function operationRoutes(r: Router, world: GcpWorld): void {
  r.get(`${L}/operations/{op}`, (req) => {
    const parent = loc(world, req);
    if (isRes(parent)) return parent;
    const name = `${parent}/operations/${req.params.op}`;
    const op = world.operations.get(name);
    if (!op) return notFoundRes(name);
    const v = lroView(op, world.now());
    if (v.done) (v.metadata as Json).endTime = new Date(op.doneAt).toISOString();
    return ok(v);
  });
  r.get(`${L}/operations`, (req) => {
    const parent = loc(world, req);
    if (isRes(parent)) return parent;
    const items = [...world.operations.values()]
      .filter((o) => o.name.startsWith(`${parent}/operations/`))
      .map((o) => lroView(o, world.now()));
    const page = paginate(items, req, 'pageSize', 500, 500);
    if (isRes(page)) return page;
    return ok({
      operations: page.items,
      ...(page.nextPageToken ? { nextPageToken: page.nextPageToken } : {}),
    });
  });
}
