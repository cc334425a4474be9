import { Router, googleError } from '../../core/http.js';
import { Json, bodyObject, hasPermission, isRes, ok, paginate, permissionDenied } from '../common.js';
import type { GcpWorld } from '../state.js';
import { P, RRSet, rrView, zoneOf, validate, conflict } from './resources.js';

/** Changes: deletions then additions applied atomically, `pending` until the operation time has passed. */
export function changeRoutes(r: Router, world: GcpWorld): void {
  const changeView = (c: Json): Json => ({
    ...c,
    status:
      world.now() - Number(c.createdAt) >=
      (world.scn.operationMsByCollection?.changes ?? world.scn.operationMs ?? 50)
        ? 'done'
        : 'pending',
    createdAt: undefined,
  });
  r.post(`${P}/managedZones/{zone}/changes`, (req) => {
    const z = zoneOf(world, req);
    if (isRes(z)) return z;
    if (!hasPermission(world, 'dns.changes.create'))
      return permissionDenied('dns.changes.create', `projects/${req.params.project}/managedZones/${z.name}`);
    const b = bodyObject(req);
    const adds = Array.isArray(b.additions) ? b.additions : [];
    const dels = Array.isArray(b.deletions) ? b.deletions : [];
    if (adds.length + dels.length === 0)
      return googleError(400, 'The change must contain at least one addition or deletion.', 'required');
    const next = structuredClone(z.rrsets);
    const delSets: RRSet[] = [];
    for (const [i, d] of dels.entries()) {
      const n = validate(z, d, `entity.change.deletions[${i}]`);
      if (isRes(n)) return n;
      const at = next.findIndex((x) => x.name === n.name && x.type === n.type);
      if (at < 0)
        return googleError(
          404,
          `The 'entity.change.deletions[${i}]' resource named '${n.name} (${n.type})' does not exist.`,
          'notFound',
        );
      const cur = next[at] as RRSet;
      if (cur.ttl !== n.ttl || [...cur.rrdatas].sort().join('\n') !== [...n.rrdatas].sort().join('\n'))
        return googleError(
          412,
          `Precondition not met for 'entity.change.deletions[${i}]'`,
          'conditionNotMet',
        );
      next.splice(at, 1);
      delSets.push(n);
    }
    const addSets: RRSet[] = [];
    for (const [i, a] of adds.entries()) {
      const n = validate(z, a, `entity.change.additions[${i}]`);
      if (isRes(n)) return n;
      const c = conflict(next, n, `entity.change.additions[${i}]`);
      if (c) return c;
      next.push(n);
      addSets.push(n);
    }
    z.rrsets = next;
    const change: Json = {
      kind: 'dns#change',
      additions: addSets.map(rrView),
      deletions: delSets.map(rrView),
      startTime: new Date().toISOString(),
      id: String(z.changes.length + 1),
      createdAt: world.now(),
    };
    if (!addSets.length) delete change.additions;
    if (!delSets.length) delete change.deletions;
    z.changes.push(change);
    return ok(changeView(change));
  });
  r.get(`${P}/managedZones/{zone}/changes`, (req) => {
    const z = zoneOf(world, req);
    if (isRes(z)) return z;
    const page = paginate(z.changes.map(changeView), req, 'maxResults', 1000, 1000);
    if (isRes(page)) return page;
    return ok({
      kind: 'dns#changesListResponse',
      changes: page.items,
      ...(page.nextPageToken ? { nextPageToken: page.nextPageToken } : {}),
    });
  });
  r.get(`${P}/managedZones/{zone}/changes/{id}`, (req) => {
    const z = zoneOf(world, req);
    if (isRes(z)) return z;
    const c = z.changes.find((x) => x.id === req.params.id);
    return c
      ? ok(changeView(c))
      : googleError(
          404,
          `The 'parameters.changeId' resource named '${req.params.id}' does not exist.`,
          'notFound',
        );
  });
}
