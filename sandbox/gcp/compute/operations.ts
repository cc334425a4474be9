import type { Req, Router } from '../../core/http.js';
import { Json, isRes, ok } from '../common.js';
import { C, notFound } from './resources.js';
import type { ComputeContext } from './context.js';

/** Zonal, regional and global operations: get, list, wait (answers when DONE or after ~2 minutes), delete. */
export function operationRoutes(r: Router, cx: ComputeContext): void {
  const { gcp, ce } = cx;
  const opRoutes = (prefix: string, scoped: boolean) => {
    const opRel = (req: Req, p: string) =>
      `projects/${p}/${scoped ? `${req.params.scopeKind}/${req.params.scope}` : 'global'}/operations/${req.params.op}`;
    r.get(`${prefix}/operations`, (req) => {
      const p = cx.proj(req);
      if (isRes(p)) return p;
      const pre = `projects/${p}/${scoped ? `${req.params.scopeKind}/${req.params.scope}` : 'global'}/operations/`;
      const items = [...gcp.computeOps.keys()]
        .filter((k) => k.startsWith(pre))
        .map((k) => ce.opView(k) as Json);
      return cx.listBody(
        req,
        p,
        'operations',
        items,
        scoped ? `${req.params.scopeKind}/${req.params.scope}` : 'global',
      );
    });
    r.get(`${prefix}/operations/{op}`, (req) => {
      const p = cx.proj(req);
      if (isRes(p)) return p;
      const v = ce.opView(opRel(req, p));
      return v ? ok(v) : notFound(opRel(req, req.params.project as string));
    });
    r.post(
      `${prefix}/operations/{op}/wait`,
      async (req) => {
        const p = cx.proj(req);
        if (isRes(p)) return p;
        const rel = opRel(req, p);
        const e = gcp.computeOps.get(rel);
        if (!e) return notFound(opRel(req, req.params.project as string));
        // Like GCE: answer when the operation is DONE, or after about two minutes with it still RUNNING.
        // Loop, since a timer may fire a millisecond before the clock the operation is judged by.
        const giveUpAt = gcp.now() + 120_000;
        for (let now = gcp.now(); now < e.doneAt && now < giveUpAt; now = gcp.now()) {
          await new Promise((res) => setTimeout(res, Math.max(1, Math.min(e.doneAt, giveUpAt) - now)));
        }
        return ok(ce.opView(rel));
      },
      { mutating: false },
    );
    r.delete(`${prefix}/operations/{op}`, (req) => {
      const p = cx.proj(req);
      if (isRes(p)) return p;
      return gcp.computeOps.delete(opRel(req, p))
        ? ok({})
        : notFound(opRel(req, req.params.project as string));
    });
  };
  opRoutes(`${C}/global`, false);
  opRoutes(`${C}/{scopeKind}/{scope}`, true);
}
