import { Req, Res, Router, googleError } from '../../core/http.js';
import { Json, bodyObject, isRes, ok } from '../common.js';
import { C, stamp, fingerprint, conditionNotMet, notFound, invalid } from './resources.js';
import type { ComputeResource } from '../state.js';
import type { ComputeContext } from './context.js';

/** The instance verbs beyond CRUD: setMetadata (fingerprint-checked), reset/start/stop, guest attributes. */
export function instanceRoutes(r: Router, cx: ComputeContext): void {
  const { gcp, ce } = cx;
  const Z = `${C}/zones/{zone}/instances/{name}`;
  const instanceOf = (req: Req): { p: string; rel: string; inst: ComputeResource } | Res => {
    const p = cx.proj(req);
    if (isRes(p)) return p;
    if (!ce.zonesOf().some((z) => z.zone === req.params.zone))
      return notFound(`projects/${req.params.project}/zones/${req.params.zone}`);
    const rel = `projects/${p}/zones/${req.params.zone}/instances/${req.params.name}`;
    const inst = gcp.compute.get(rel);
    return inst
      ? { p, rel, inst }
      : notFound(`projects/${req.params.project}/zones/${req.params.zone}/instances/${req.params.name}`);
  };
  r.post(`${Z}/setMetadata`, (req) => {
    const x = instanceOf(req);
    if (isRes(x)) return x;
    const denied = cx.need('compute.instances.setMetadata', x.rel);
    if (denied) return denied;
    const b = bodyObject(req);
    const md = (x.inst.metadata as Json | undefined) ?? {};
    if (b.fingerprint !== md.fingerprint)
      return conditionNotMet('Supplied fingerprint does not match current metadata fingerprint.');
    const items = Array.isArray(b.items) ? (b.items as { key?: unknown; value?: unknown }[]) : [];
    const keys = new Set<string>();
    for (const it of items) {
      if (typeof it.key !== 'string' || !/^[a-zA-Z0-9-_]{1,128}$/.test(it.key))
        return invalid('metadata.items.key', it.key, 'Must be a match of regex [a-zA-Z0-9-_]{1,128}');
      if (keys.has(it.key))
        return googleError(
          400,
          `Invalid value for field 'metadata.items': duplicate key '${it.key}'.`,
          'invalid',
        );
      keys.add(it.key);
    }
    x.inst.metadata = {
      kind: 'compute#metadata',
      fingerprint: fingerprint(),
      items: items.map((i) => ({ key: i.key, value: i.value === undefined ? '' : String(i.value) })),
    };
    if (!(x.inst.metadata as Json).items || items.length === 0) delete (x.inst.metadata as Json).items;
    return ok(ce.operation(x.p, `zones/${req.params.zone}`, 'setMetadata', x.inst, cx.userOf(req)));
  });
  const power = (verb: 'reset' | 'start' | 'stop') =>
    r.post(`${Z}/${verb}`, (req) => {
      const x = instanceOf(req);
      if (isRes(x)) return x;
      const denied = cx.need(`compute.instances.${verb}`, x.rel);
      if (denied) return denied;
      if (verb === 'reset' && x.inst.status !== 'RUNNING')
        return googleError(400, `The resource '${x.rel}' is not ready`, 'resourceNotReady');
      x.inst.status = verb === 'stop' ? 'TERMINATED' : 'RUNNING';
      if (verb === 'stop') x.inst.lastStopTimestamp = stamp();
      else x.inst.lastStartTimestamp = stamp();
      const op = ce.operation(x.p, `zones/${req.params.zone}`, verb, x.inst, cx.userOf(req));
      if (verb !== 'stop') ce.boot(x.p, req.params.zone as string, x.inst);
      return ok(op);
    });
  power('reset');
  power('start');
  power('stop');
  r.get(`${Z}/getGuestAttributes`, (req) => {
    const x = instanceOf(req);
    if (isRes(x)) return x;
    const attrs = gcp.guestAttributes(x.rel);
    const variableKey = req.query.get('variableKey');
    const selfLink = `${x.inst.selfLink}/guestAttributes/`;
    if (variableKey) {
      if (!(variableKey in attrs)) return notFound(`${x.rel}/guestAttributes/${variableKey}`);
      return ok({
        kind: 'compute#guestAttributes',
        selfLink: `${selfLink}${variableKey}`,
        variableKey,
        variableValue: attrs[variableKey],
      });
    }
    const queryPath = req.query.get('queryPath') ?? '';
    const items = Object.entries(attrs)
      .filter(([k]) => k.startsWith(queryPath))
      .map(([k, value]) => {
        const [namespace, ...rest] = k.split('/');
        return { namespace, key: rest.join('/'), value };
      });
    if (items.length === 0) return notFound(`${x.rel}/guestAttributes/${queryPath}`);
    return ok({
      kind: 'compute#guestAttributes',
      selfLink: `${selfLink}${queryPath}`,
      queryPath,
      queryValue: { items },
    });
  });
}
