import { Req, Res, Router, googleError } from '../../core/http.js';
import { Json, bodyObject, isRes, ok } from '../common.js';
import { C, BASE, singular, fingerprint, conditionNotMet, notFound } from './resources.js';
import type { ComputeContext, Scope } from './context.js';
import { insertResource } from './insert.js';

/** Every collection's list, get, insert, patch, delete and setLabels, in each scope (registered last). */
export function collectionRoutes(r: Router, cx: ComputeContext): void {
  const { gcp, ce } = cx;
  const genericRoutes = (prefix: string) => {
    const where = (req: Req): { p: string; scope: Scope; collection: string } | Res => {
      const collection = req.params.collection as string;
      const p = cx.proj(req, collection === 'images' && req.method === 'GET');
      if (isRes(p)) return p;
      const scope = cx.scopeOf(req);
      if (isRes(scope)) return scope;
      return { p, scope, collection };
    };
    r.get(`${prefix}/{collection}`, (req) => {
      const w = where(req);
      if (isRes(w)) return w;
      const pre = `projects/${w.p}/${cx.scopePath(w.scope)}/${w.collection}/`;
      const items = [...gcp.compute.entries()]
        .filter(([rel]) => rel.startsWith(pre) && !rel.slice(pre.length).includes('/'))
        .map(([, res]) => ce.view(res));
      return cx.listBody(req, w.p, w.collection, items, cx.scopePath(w.scope));
    });
    r.get(`${prefix}/{collection}/{name}`, (req) => {
      const w = where(req);
      if (isRes(w)) return w;
      const rel = `projects/${w.p}/${cx.scopePath(w.scope)}/${w.collection}/${req.params.name}`;
      const res = gcp.compute.get(rel);
      return res
        ? ok(ce.view(res))
        : notFound(
            `projects/${req.params.project}/${cx.scopePath(w.scope)}/${w.collection}/${req.params.name}`,
          );
    });
    r.post(`${prefix}/{collection}`, (req) => {
      const w = where(req);
      if (isRes(w)) return w;
      return insertResource(req, cx, w.p, w.scope, w.collection);
    });
    r.delete(`${prefix}/{collection}/{name}`, (req) => {
      const w = where(req);
      if (isRes(w)) return w;
      const rel = `projects/${w.p}/${cx.scopePath(w.scope)}/${w.collection}/${req.params.name}`;
      const res = gcp.compute.get(rel);
      if (!res)
        return notFound(
          `projects/${req.params.project}/${cx.scopePath(w.scope)}/${w.collection}/${req.params.name}`,
        );
      const denied = cx.need(cx.verbPerm(w.collection, 'delete'), rel);
      if (denied) return denied;
      const users = ce.usersOf(res).filter((u) => u !== res.selfLink);
      if (users.length) {
        return googleError(
          400,
          `The ${singular(w.collection)
            .replace(/([A-Z])/g, ' $1')
            .toLowerCase()} resource '${rel}' is already being used by '${(users[0] as string).replace(BASE, '')}'`,
          'resourceInUseByAnotherResource',
        );
      }
      gcp.compute.delete(rel);
      if (w.collection === 'instances') {
        for (const d of (res.disks as Json[] | undefined) ?? []) {
          if (d.autoDelete && typeof d.source === 'string') gcp.compute.delete(d.source.replace(BASE, ''));
        }
        gcp.guest.delete(rel);
      }
      if (typeof res.instanceGroup === 'string') gcp.compute.delete(res.instanceGroup.replace(BASE, ''));
      return ok(ce.operation(w.p, cx.scopePath(w.scope), 'delete', res, cx.userOf(req)));
    });
    r.patch(`${prefix}/{collection}/{name}`, (req) => {
      const w = where(req);
      if (isRes(w)) return w;
      const rel = `projects/${w.p}/${cx.scopePath(w.scope)}/${w.collection}/${req.params.name}`;
      const res = gcp.compute.get(rel);
      if (!res) return notFound(rel);
      const denied = cx.need(cx.verbPerm(w.collection, 'update'), rel);
      if (denied) return denied;
      const b = ce.normalize(bodyObject(req), w.p, {
        region: w.scope.kind === 'regions' ? w.scope.name : undefined,
      }) as Json;
      if (b.fingerprint !== undefined && res.fingerprint !== undefined && b.fingerprint !== res.fingerprint)
        return conditionNotMet('Supplied fingerprint does not match current fingerprint.');
      for (const [k, v] of Object.entries(b))
        if (!['name', 'selfLink', 'id', 'kind', 'fingerprint'].includes(k)) res[k] = v;
      if (res.fingerprint !== undefined) res.fingerprint = fingerprint();
      return ok(ce.operation(w.p, cx.scopePath(w.scope), 'patch', res, cx.userOf(req)));
    });
    r.post(`${prefix}/{collection}/{name}/setLabels`, (req) => {
      const w = where(req);
      if (isRes(w)) return w;
      const rel = `projects/${w.p}/${cx.scopePath(w.scope)}/${w.collection}/${req.params.name}`;
      const res = gcp.compute.get(rel);
      if (!res) return notFound(rel);
      const b = bodyObject(req);
      if (b.labelFingerprint !== (res.labelFingerprint ?? '42WmSpB8rSM='))
        return conditionNotMet('Labels fingerprint either invalid or resource labels have changed');
      res.labels = (b.labels as Json | undefined) ?? {};
      res.labelFingerprint = fingerprint();
      return ok(ce.operation(w.p, cx.scopePath(w.scope), 'setLabels', res, cx.userOf(req)));
    });
  };
  genericRoutes(`${C}/global`);
  genericRoutes(`${C}/{scopeKind}/{scope}`);
}
