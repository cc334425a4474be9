import type { Router } from '../../core/http.js';
import { isRes, ok } from '../common.js';
import { C, BASE, notFound } from './resources.js';
import type { ComputeContext } from './context.js';

/** The project, its regions and zones (quotas computed from what exists), machine types, image families. */
export function projectRoutes(r: Router, cx: ComputeContext): void {
  const { gcp, ce } = cx;
  r.get(C, (req) => {
    const p = cx.proj(req);
    if (isRes(p)) return p;
    return ok({
      kind: 'compute#project',
      id: gcp.scn.projectNumber,
      name: p,
      creationTimestamp: '2024-03-01T04:00:00.000-08:00',
      commonInstanceMetadata: { kind: 'compute#metadata', fingerprint: 'n6PyWmMFEi4=' },
      quotas: ce.projectQuotas([
        { metric: 'NETWORKS', limit: 15, usage: gcp.listResources('networks', p).length },
        { metric: 'FIREWALLS', limit: 200, usage: 0 },
        { metric: 'IMAGES', limit: 2000, usage: 0 },
      ]),
      selfLink: `${BASE}projects/${p}`,
      defaultServiceAccount: `${gcp.scn.projectNumber}-compute@developer.gserviceaccount.com`,
      xpnProjectStatus: 'UNSPECIFIED_XPN_PROJECT_STATUS',
      defaultNetworkTier: 'PREMIUM',
      vmDnsSetting: 'ZONAL_ONLY',
    });
  });
  r.get(`${C}/regions`, (req) => {
    const p = cx.proj(req);
    if (isRes(p)) return p;
    return cx.listBody(
      req,
      p,
      'regions',
      ce.regionsOf().map((reg) => ce.regionView(p, reg)),
      '',
    );
  });
  r.get(`${C}/regions/{region}`, (req) => {
    const p = cx.proj(req);
    if (isRes(p)) return p;
    const region = req.params.region as string;
    if (!gcp.scn.regions[region]) return notFound(`projects/${req.params.project}/regions/${region}`);
    return ok(ce.regionView(p, region));
  });
  r.get(`${C}/zones`, (req) => {
    const p = cx.proj(req);
    if (isRes(p)) return p;
    return cx.listBody(
      req,
      p,
      'zones',
      ce.zonesOf().map((z) => ce.zoneView(p, z.zone, z.region)),
      '',
    );
  });
  r.get(`${C}/zones/{zone}`, (req) => {
    const p = cx.proj(req);
    if (isRes(p)) return p;
    const z = ce.zonesOf().find((x) => x.zone === req.params.zone);
    if (!z) return notFound(`projects/${req.params.project}/zones/${req.params.zone}`);
    return ok(ce.zoneView(p, z.zone, z.region));
  });
  r.get(`${C}/zones/{zone}/machineTypes/{name}`, (req) => {
    const p = cx.proj(req);
    if (isRes(p)) return p;
    if (!ce.zonesOf().some((z) => z.zone === req.params.zone))
      return notFound(`projects/${req.params.project}/zones/${req.params.zone}`);
    const mt = ce.machineType(p, req.params.zone as string, req.params.name as string);
    return mt
      ? ok(mt)
      : notFound(`projects/${req.params.project}/zones/${req.params.zone}/machineTypes/${req.params.name}`);
  });

  // ---- images ----
  r.get(`${C}/global/images/family/{family}`, (req) => {
    const p = cx.proj(req, true);
    if (isRes(p)) return p;
    const img = ce.fromFamily(p, req.params.family as string);
    return img
      ? ok(ce.view(img))
      : notFound(`projects/${req.params.project}/global/images/family/${req.params.family}`);
  });
}
