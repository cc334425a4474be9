import { Req, Res, Router, googleError } from '../../core/http.js';
import { Json, bodyObject, isRes, ok } from '../common.js';
import { C, stamp, fingerprint, conditionNotMet, notFound, invalid } from './resources.js';
import type { ComputeResource } from '../state.js';
import type { ComputeContext } from './context.js';

const Z = `${C}/zones/{zone}/instances/{name}`;

/** The instance verbs beyond CRUD: setMetadata (fingerprint-checked), reset/start/stop, guest attributes. */
export function instanceRoutes(r: Router, cx: ComputeContext): void {
  r.post(`${Z}/setMetadata`, (req) => setMetadata(cx, req));
  for (const verb of ['reset', 'start', 'stop'] as const)
    r.post(`${Z}/${verb}`, (req) => setPower(cx, verb, req));
  r.get(`${Z}/getGuestAttributes`, (req) => getGuestAttributes(cx, req));
  r.get(`${Z}/serialPort`, (req) => getSerialPortOutput(cx, req));
}

/**
 * instances.getSerialPortOutput: what the VM wrote to a serial port from byte `start` on (default 0), and `next`,
 * the offset to ask from next time (Compute API reference, SerialPortOutput). Port 1 carries the startup script's
 * output (the VM simulation copies it there as GCE's script runner does); ports 2-4 are empty here.
 */
function getSerialPortOutput(cx: ComputeContext, req: Req): Res {
  const x = instanceOf(cx, req);
  if (isRes(x)) return x;
  const denied = cx.need('compute.instances.getSerialPortOutput', x.rel);
  if (denied) return denied;
  const port = Number(req.query.get('port') ?? '1');
  if (!Number.isInteger(port) || port < 1 || port > 4)
    return invalid('port', String(req.query.get('port')), 'Must be between 1 and 4');
  const all = port === 1 ? Buffer.from(cx.world.vm.serialOutput?.(x.rel) ?? '') : Buffer.alloc(0);
  const start = Math.min(Math.max(0, Number(req.query.get('start') ?? '0') || 0), all.length);
  return ok({
    kind: 'compute#serialPortOutput',
    contents: all.subarray(start).toString(),
    start: String(start),
    next: String(all.length),
    selfLink: `${x.inst.selfLink}/serialPort?port=${port}`,
  });
}

/** The instance in the path, or the 404 GCE answers for its zone or itself. */
function instanceOf(cx: ComputeContext, req: Req): { p: string; rel: string; inst: ComputeResource } | Res {
  const p = cx.proj(req);
  if (isRes(p)) return p;
  if (!cx.ce.zonesOf().some((z) => z.zone === req.params.zone))
    return notFound(`projects/${req.params.project}/zones/${req.params.zone}`);
  const rel = `projects/${p}/zones/${req.params.zone}/instances/${req.params.name}`;
  const inst = cx.gcp.compute.get(rel);
  return inst
    ? { p, rel, inst }
    : notFound(`projects/${req.params.project}/zones/${req.params.zone}/instances/${req.params.name}`);
}

/** instances.setMetadata: the current fingerprint required (412 conditionNotMet otherwise), keys checked. */
function setMetadata(cx: ComputeContext, req: Req): Res {
  const x = instanceOf(cx, req);
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
  return ok(cx.ce.operation(x.p, `zones/${req.params.zone}`, 'setMetadata', x.inst, cx.userOf(req)));
}

/** instances.reset / start / stop; reset needs a RUNNING instance; reset and start boot the VM again. */
function setPower(cx: ComputeContext, verb: 'reset' | 'start' | 'stop', req: Req): Res {
  const x = instanceOf(cx, req);
  if (isRes(x)) return x;
  const denied = cx.need(`compute.instances.${verb}`, x.rel);
  if (denied) return denied;
  if (verb === 'reset' && x.inst.status !== 'RUNNING')
    return googleError(400, `The resource '${x.rel}' is not ready`, 'resourceNotReady');
  x.inst.status = verb === 'stop' ? 'TERMINATED' : 'RUNNING';
  if (verb === 'stop') x.inst.lastStopTimestamp = stamp();
  else x.inst.lastStartTimestamp = stamp();
  const op = cx.ce.operation(x.p, `zones/${req.params.zone}`, verb, x.inst, cx.userOf(req));
  if (verb !== 'stop') cx.ce.boot(x.p, req.params.zone as string, x.inst);
  return ok(op);
}

/** instances.getGuestAttributes: one variableKey, or the items under a queryPath; 404 when there is none. */
function getGuestAttributes(cx: ComputeContext, req: Req): Res {
  const x = instanceOf(cx, req);
  if (isRes(x)) return x;
  const attrs = cx.gcp.guestAttributes(x.rel);
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
}
