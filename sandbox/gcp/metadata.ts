import { Req, Res, Router } from '../core/http.js';
import { Json } from './common.js';
import type { GcpWorld } from './state.js';
import { GUEST_ATTRIBUTES_DISABLED, guestAttributesEnabled } from './guest-limits.js';

const V1 = '/vm/{project}/{zone}/{name}/computeMetadata/v1';

function text(body: string, status = 200): Res {
  return { status, body, headers: { 'content-type': 'application/text', 'metadata-flavor': 'Google' } };
}
function json(body: unknown): Res {
  return { status: 200, body, headers: { 'metadata-flavor': 'Google' } };
}
function notFoundHtml(path: string): Res {
  return {
    status: 404,
    body: `<!DOCTYPE html>\n<html lang=en>\n  <title>Error 404 (Not Found)!!1</title>\n  <p><b>404.</b> <ins>That's an error.</ins>\n  <p>The requested URL <code>${path}</code> was not found on this server.  <ins>That's all we know.</ins>\n`,
    headers: { 'content-type': 'text/html; charset=UTF-8', 'metadata-flavor': 'Google' },
  };
}

/**
 * The GCE metadata server, one per emulated VM under /vm/<project>/<zone>/<name>, with the real paths below it
 * (/computeMetadata/v1/instance/attributes/<key>, /computeMetadata/v1/instance/guest-attributes/<ns>/<key>, ...).
 * Values come from the Compute emulator's instance, so setMetadata changes what the VM sees.
 */
export function metadataRouter(world: GcpWorld): Router {
  const r = new Router();
  r.notFound = (req) => notFoundHtml(req.path);
  r.guard = (req) => {
    const flavor = req.headers['metadata-flavor'];
    if ((Array.isArray(flavor) ? flavor[0] : flavor) !== 'Google')
      return {
        status: 403,
        body: `<!DOCTYPE html>\n<html lang=en>\n  <title>Error 403 (Forbidden)!!1</title>\n  <p><b>403.</b> <ins>That's an error.</ins>\n  <p>Your client does not have permission to get URL <code>${req.path}</code> from this server. Missing Metadata-Flavor:Google header. <ins>That's all we know.</ins>\n`,
        headers: { 'content-type': 'text/html; charset=UTF-8' },
      };
    return undefined;
  };
  const inst = (req: Req) => {
    const p = world.project(req.params.project as string);
    const path = `projects/${p ?? req.params.project}/zones/${req.params.zone}/instances/${req.params.name}`;
    const i = world.compute.get(path);
    if (!i) return undefined;
    const attrs: Record<string, string> = {};
    for (const it of ((i.metadata as Json | undefined)?.items as
      { key: string; value?: string }[] | undefined) ?? [])
      attrs[it.key] = it.value ?? '';
    return { path, i, attrs, project: p ?? (req.params.project as string) };
  };

  r.get(`${V1}/instance/attributes/`, (req) => {
    const x = inst(req);
    if (!x) return notFoundHtml(req.path);
    if (req.query.get('recursive') === 'true') return json(x.attrs);
    return text(
      Object.keys(x.attrs)
        .map((k) => `${k}\n`)
        .join(''),
    );
  });
  r.get(`${V1}/instance/attributes/{key}`, (req) => {
    const x = inst(req);
    const v = x?.attrs[req.params.key as string];
    return v === undefined ? notFoundHtml(req.path) : text(v);
  });
  // Guest attributes: off (403) without enable-guest-attributes, writes limited (sandbox/gcp/guest-limits.ts).
  const guestOff = (x: NonNullable<ReturnType<typeof inst>>): Res | undefined =>
    guestAttributesEnabled(x.attrs) ? undefined : text(GUEST_ATTRIBUTES_DISABLED, 403);
  r.get(`${V1}/instance/guest-attributes/{ns}/`, (req) => {
    const x = inst(req);
    if (!x) return notFoundHtml(req.path);
    const off = guestOff(x);
    if (off) return off;
    const ns = req.params.ns as string;
    const keys = Object.keys(world.guestAttributes(x.path))
      .filter((k) => k.startsWith(`${ns}/`))
      .map((k) => k.slice(ns.length + 1));
    return keys.length ? text(keys.map((k) => `${k}\n`).join('')) : notFoundHtml(req.path);
  });
  r.get(`${V1}/instance/guest-attributes/{ns}/{key}`, (req) => {
    const x = inst(req);
    const off = x && guestOff(x);
    if (off) return off;
    const v = x ? world.guestAttributes(x.path)[`${req.params.ns}/${req.params.key}`] : undefined;
    return v === undefined ? notFoundHtml(req.path) : text(v);
  });
  r.put(`${V1}/instance/guest-attributes/{ns}/{key}`, (req) => {
    const x = inst(req);
    if (!x) return notFoundHtml(req.path);
    const off = guestOff(x);
    if (off) return off;
    const key = `${req.params.ns}/${req.params.key}`;
    // Over the limits the write is answered like any other and dropped.
    if (!world.guestWrites.admit(x.path, key, world.now())) return text('');
    world.setGuestAttribute(
      x.path,
      `${req.params.ns}/${req.params.key}`,
      typeof req.rawBody === 'string' ? req.rawBody : '',
    );
    return text('');
  });
  r.delete(`${V1}/instance/guest-attributes/{ns}/{key}`, (req) => {
    const x = inst(req);
    if (!x) return notFoundHtml(req.path);
    const off = guestOff(x);
    if (off) return off;
    if (!world.guestWrites.admit(x.path, `${req.params.ns}/${req.params.key}`, world.now())) return text('');
    const m = world.guest.get(x.path);
    if (m) delete m[`${req.params.ns}/${req.params.key}`];
    return text('');
  });

  const simple: Record<string, (x: NonNullable<ReturnType<typeof inst>>) => string | undefined> = {
    'instance/name': (x) => x.i.name,
    'instance/id': (x) => String(x.i.id),
    'instance/hostname': (x) => `${x.i.name}.${String(x.i.zone).split('/').pop()}.c.${x.project}.internal`,
    'instance/zone': (x) => `projects/${world.scn.projectNumber}/zones/${String(x.i.zone).split('/').pop()}`,
    'instance/machine-type': (x) =>
      `projects/${world.scn.projectNumber}/machineTypes/${String(x.i.machineType).split('/').pop()}`,
    'instance/network-interfaces/0/ip': (x) =>
      ((x.i.networkInterfaces as Json[] | undefined)?.[0]?.networkIP as string | undefined) ?? undefined,
    'instance/network-interfaces/0/access-configs/0/external-ip': (x) =>
      (((x.i.networkInterfaces as Json[] | undefined)?.[0]?.accessConfigs as Json[] | undefined)?.[0]
        ?.natIP as string | undefined) ?? undefined,
    'instance/tags': (x) =>
      JSON.stringify(((x.i.tags as Json | undefined)?.items as string[] | undefined) ?? []),
    'project/project-id': (x) => x.project,
    'project/numeric-project-id': () => world.scn.projectNumber,
    'instance/service-accounts/default/email': (x) =>
      ((x.i.serviceAccounts as Json[] | undefined)?.[0]?.email as string | undefined) ??
      `${world.scn.projectNumber}-compute@developer.gserviceaccount.com`,
  };
  for (const [path, get] of Object.entries(simple)) {
    r.get(`${V1}/${path}`, (req) => {
      const x = inst(req);
      const v = x ? get(x) : undefined;
      return v === undefined ? notFoundHtml(req.path) : text(v);
    });
  }
  r.get(`${V1}/instance/service-accounts/default/token`, (req) => {
    const x = inst(req);
    if (!x) return notFoundHtml(req.path);
    const sa = (x.i.serviceAccounts as Json[] | undefined)?.[0]?.email as string | undefined;
    if (!sa) return notFoundHtml(req.path);
    const { token } = world.issueAccessToken(sa === world.clientEmail ? sa : sa, 3599);
    return json({ access_token: token, expires_in: 3599, token_type: 'Bearer' });
  });
  return r;
}
