import { Req, Res, Router, googleError } from '../../core/http.js';
import { Json, bodyObject, isRes, ok } from '../common.js';
import { C, BASE, singular, fingerprint, conditionNotMet, notFound } from './resources.js';
import type { ComputeContext, Scope } from './context.js';
import { insertResource } from './insert.js';

type Where = { p: string; scope: Scope; collection: string };

/**
 * Every collection's list, get, insert, patch, delete and setLabels, global and in each region or zone. Their
 * paths are generic (`{collection}/{name}`), so computeRouter adds this family last.
 */
export function collectionRoutes(r: Router, cx: ComputeContext): void {
  for (const prefix of [`${C}/global`, `${C}/{scopeKind}/{scope}`]) {
    r.get(`${prefix}/{collection}`, (req) => listResources(cx, req));
    r.get(`${prefix}/{collection}/{name}`, (req) => getResource(cx, req));
    r.post(`${prefix}/{collection}`, (req) => insert(cx, req));
    r.delete(`${prefix}/{collection}/{name}`, (req) => deleteResource(cx, req));
    r.patch(`${prefix}/{collection}/{name}`, (req) => patchResource(cx, req));
    r.post(`${prefix}/{collection}/{name}/setLabels`, (req) => setLabels(cx, req));
  }
}

/** The project, scope and collection of the path (public image projects readable), or GCE's 404. */
function where(cx: ComputeContext, req: Req): Where | Res {
  const collection = req.params.collection as string;
  const p = cx.proj(req, collection === 'images' && req.method === 'GET');
  if (isRes(p)) return p;
  const scope = cx.scopeOf(req);
  if (isRes(scope)) return scope;
  return { p, scope, collection };
}

function listResources(cx: ComputeContext, req: Req): Res {
  const w = where(cx, req);
  if (isRes(w)) return w;
  const pre = `projects/${w.p}/${cx.scopePath(w.scope)}/${w.collection}/`;
  const items = [...cx.gcp.compute.entries()]
    .filter(([rel]) => rel.startsWith(pre) && !rel.slice(pre.length).includes('/'))
    .map(([, res]) => cx.ce.view(res));
  return cx.listBody(req, w.p, w.collection, items, cx.scopePath(w.scope));
}

function getResource(cx: ComputeContext, req: Req): Res {
  const w = where(cx, req);
  if (isRes(w)) return w;
  const rel = `projects/${w.p}/${cx.scopePath(w.scope)}/${w.collection}/${req.params.name}`;
  const res = cx.gcp.compute.get(rel);
  return res
    ? ok(cx.ce.view(res))
    : notFound(`projects/${req.params.project}/${cx.scopePath(w.scope)}/${w.collection}/${req.params.name}`);
}

function insert(cx: ComputeContext, req: Req): Res {
  const w = where(cx, req);
  if (isRes(w)) return w;
  return insertResource(req, cx, w.p, w.scope, w.collection);
}

/** Refused (400 resourceInUseByAnotherResource) while another resource refers to it; an instance takes its auto-delete disks. */
function deleteResource(cx: ComputeContext, req: Req): Res {
  const w = where(cx, req);
  if (isRes(w)) return w;
  const rel = `projects/${w.p}/${cx.scopePath(w.scope)}/${w.collection}/${req.params.name}`;
  const res = cx.gcp.compute.get(rel);
  if (!res)
    return notFound(
      `projects/${req.params.project}/${cx.scopePath(w.scope)}/${w.collection}/${req.params.name}`,
    );
  const denied = cx.need(cx.verbPerm(w.collection, 'delete'), rel);
  if (denied) return denied;
  const users = cx.ce.usersOf(res).filter((u) => u !== res.selfLink);
  if (users.length) {
    return googleError(
      400,
      `The ${singular(w.collection)
        .replace(/([A-Z])/g, ' $1')
        .toLowerCase()} resource '${rel}' is already being used by '${(users[0] as string).replace(BASE, '')}'`,
      'resourceInUseByAnotherResource',
    );
  }
  cx.gcp.compute.delete(rel);
  if (w.collection === 'instances') {
    for (const d of (res.disks as Json[] | undefined) ?? []) {
      if (d.autoDelete && typeof d.source === 'string') cx.gcp.compute.delete(d.source.replace(BASE, ''));
    }
    cx.gcp.guest.delete(rel);
  }
  if (typeof res.instanceGroup === 'string') cx.gcp.compute.delete(res.instanceGroup.replace(BASE, ''));
  return ok(cx.ce.operation(w.p, cx.scopePath(w.scope), 'delete', res, cx.userOf(req)));
}

/** PATCH: merges the body; a stale fingerprint is 412 conditionNotMet. */
function patchResource(cx: ComputeContext, req: Req): Res {
  const w = where(cx, req);
  if (isRes(w)) return w;
  const rel = `projects/${w.p}/${cx.scopePath(w.scope)}/${w.collection}/${req.params.name}`;
  const res = cx.gcp.compute.get(rel);
  if (!res) return notFound(rel);
  const denied = cx.need(cx.verbPerm(w.collection, 'update'), rel);
  if (denied) return denied;
  const b = cx.ce.normalize(bodyObject(req), w.p, {
    region: w.scope.kind === 'regions' ? w.scope.name : undefined,
  }) as Json;
  if (b.fingerprint !== undefined && res.fingerprint !== undefined && b.fingerprint !== res.fingerprint)
    return conditionNotMet('Supplied fingerprint does not match current fingerprint.');
  for (const [k, v] of Object.entries(b))
    if (!['name', 'selfLink', 'id', 'kind', 'fingerprint'].includes(k)) res[k] = v;
  if (res.fingerprint !== undefined) res.fingerprint = fingerprint();
  return ok(cx.ce.operation(w.p, cx.scopePath(w.scope), 'patch', res, cx.userOf(req)));
}

/** setLabels: the current labelFingerprint required. */
function setLabels(cx: ComputeContext, req: Req): Res {
  const w = where(cx, req);
  if (isRes(w)) return w;
  const rel = `projects/${w.p}/${cx.scopePath(w.scope)}/${w.collection}/${req.params.name}`;
  const res = cx.gcp.compute.get(rel);
  if (!res) return notFound(rel);
  const b = bodyObject(req);
  if (b.labelFingerprint !== (res.labelFingerprint ?? '42WmSpB8rSM='))
    return conditionNotMet('Labels fingerprint either invalid or resource labels have changed');
  res.labels = (b.labels as Json | undefined) ?? {};
  res.labelFingerprint = fingerprint();
  return ok(cx.ce.operation(w.p, cx.scopePath(w.scope), 'setLabels', res, cx.userOf(req)));
}
