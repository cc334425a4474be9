import type { Router } from '../../core/http.js';
import { Json, isRes, matchesFilter, ok, paginate } from '../common.js';
import { C, BASE, singular, parseLink } from './resources.js';
import type { ComputeContext } from './context.js';

/** `aggregated/{collection}`: every scope listed, empty ones with the NO_RESULTS_ON_PAGE warning. */
export function aggregatedRoutes(r: Router, cx: ComputeContext): void {
  const { gcp, ce } = cx;
  r.get(`${C}/aggregated/{collection}`, (req) => {
    const p = cx.proj(req);
    if (isRes(p)) return p;
    const collection = req.params.collection as string;
    const all = [...gcp.compute.entries()]
      .filter(([rel]) => rel.startsWith(`projects/${p}/`) && parseLink(rel)?.collection === collection)
      .map(([rel, res]) => ({ scope: (parseLink(rel) as { scope: string }).scope, res: ce.view(res) }))
      .filter((x) => matchesFilter(x.res, req.query.get('filter')))
      .sort((a, b) => (a.scope + String(a.res.name)).localeCompare(b.scope + String(b.res.name)));
    const page = paginate(all, req, 'maxResults', 500, 500);
    if (isRes(page)) return page;
    const items: Record<string, Json> = {};
    const scopes =
      collection === 'instances' || collection === 'disks' || collection === 'instanceGroups'
        ? ce.zonesOf().map((z) => `zones/${z.zone}`)
        : ['global', ...ce.regionsOf().map((x) => `regions/${x}`)];
    for (const s of scopes)
      items[s] = {
        warning: {
          code: 'NO_RESULTS_ON_PAGE',
          message: `There are no results for scope '${s}' on this page.`,
          data: [{ key: 'scope', value: s }],
        },
      };
    for (const x of page.items) {
      const cur = items[x.scope];
      const list = cur && Array.isArray(cur[collection]) ? (cur[collection] as Json[]) : [];
      list.push(x.res);
      items[x.scope] = { [collection]: list };
    }
    const rel = `projects/${p}/aggregated/${collection}`;
    const body: Json = {
      kind: `compute#${singular(collection)}AggregatedList`,
      id: rel,
      items,
      selfLink: `${BASE}${rel}`,
    };
    if (page.nextPageToken) body.nextPageToken = page.nextPageToken;
    return ok(body);
  });
}
