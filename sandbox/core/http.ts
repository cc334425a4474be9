import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { Faults } from './faults.js';
import { Journal } from './journal.js';
import type { Handler, Req, Res } from './wire.js';

export type { Handler, Req, Res } from './wire.js';
export { googleError, harnessError } from './wire.js';

const READ_METHODS = ['GET', 'HEAD', 'OPTIONS'];

interface Route {
  method: string;
  re: RegExp;
  names: string[];
  handler: Handler;
  mutating: boolean;
}

/**
 * Routes written the way Google and Harness document paths: `{name}` is one path segment (it stops at `/`
 * and, lazily, at the literal that follows, so `/v1/projects/{project}:getIamPolicy` works); `{name*}` spans
 * several segments.
 */
export class Router {
  private readonly routes: Route[] = [];
  /** Hook to reject a request before routing (auth); returns a response to send, or undefined to go on. */
  guard?: (req: Req, mutating: boolean) => Res | undefined | Promise<Res | undefined>;
  notFound: Handler = (req) => ({
    status: 404,
    body: { error: { code: 404, message: `No route ${req.method} ${req.path}`, status: 'NOT_FOUND' } },
  });

  on(method: string, pattern: string, handler: Handler, opts: { mutating?: boolean } = {}): this {
    const names: string[] = [];
    const src = pattern
      .replace(/[.+?^$()|[\]\\]/g, '\\$&')
      .replace(/\{(\w+)(\*)?\}/g, (_m, name: string, star?: string) => {
        names.push(name);
        return star ? '(.+?)' : '([^/]+?)';
      });
    this.routes.push({
      method: method.toUpperCase(),
      re: new RegExp(`^${src}$`),
      names,
      handler,
      mutating: opts.mutating ?? !READ_METHODS.includes(method.toUpperCase()),
    });
    return this;
  }
  get(p: string, h: Handler, o?: { mutating?: boolean }) {
    return this.on('GET', p, h, o);
  }
  post(p: string, h: Handler, o?: { mutating?: boolean }) {
    return this.on('POST', p, h, o);
  }
  put(p: string, h: Handler, o?: { mutating?: boolean }) {
    return this.on('PUT', p, h, o);
  }
  patch(p: string, h: Handler, o?: { mutating?: boolean }) {
    return this.on('PATCH', p, h, o);
  }
  delete(p: string, h: Handler, o?: { mutating?: boolean }) {
    return this.on('DELETE', p, h, o);
  }

  match(method: string, path: string): { route: Route; params: Record<string, string> } | undefined {
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const m = route.re.exec(path);
      if (!m) continue;
      const params: Record<string, string> = {};
      route.names.forEach((n, i) => (params[n] = decodeURIComponent(m[i + 1] as string)));
      return { route, params };
    }
    return undefined;
  }
}

export interface Service {
  name: string;
  url: string;
  port: number;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, out: Res): void {
  const headers: Record<string, string> = { ...(out.headers ?? {}) };
  let payload = '';
  if (out.body !== undefined) {
    if (typeof out.body === 'string' && headers['content-type']) payload = out.body;
    else {
      payload = JSON.stringify(out.body);
      headers['content-type'] ??= 'application/json; charset=UTF-8';
    }
  }
  res.writeHead(out.status, headers);
  res.end(payload);
}

/** Starts one emulated service on 127.0.0.1 (an ephemeral port unless given), with journal and faults. */
export async function startService(
  name: string,
  router: Router,
  journal: Journal,
  faults: Faults,
  port = 0,
): Promise<Service> {
  const server: Server = createServer((req, res) => {
    void (async () => {
      const receivedAt = Date.now();
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const method = (req.method ?? 'GET').toUpperCase();
      const rawBody = await readBody(req);
      const matched = router.match(method, url.pathname);
      await faults.holds.pass('request', { service: name, method, path: url.pathname });
      // A write is what the route says; a path with no route is judged by its method, so that a write to an
      // unknown path still shows as attempted.
      const write = matched?.route.mutating ?? !READ_METHODS.includes(method);
      const fault = faults.decide(name, method, url.pathname);
      if (fault?.kind === 'drop') {
        journal.add({
          service: name,
          method,
          path: url.pathname,
          query: url.search,
          mutating: false,
          attempted: write,
          status: 0,
          fault: 'drop',
          receivedAt,
        });
        req.socket.destroy();
        return;
      }
      if (fault?.kind === 'latency' || fault?.latencyMs)
        await new Promise((r) => setTimeout(r, fault.latencyMs ?? 0));
      if (fault && (fault.kind === '5xx' || fault.kind === '429' || fault.kind === 'throttle')) {
        const out = faults.response(name, fault);
        journal.add({
          service: name,
          method,
          path: url.pathname,
          query: url.search,
          mutating: false,
          attempted: write,
          status: out.status,
          fault: fault.kind,
          receivedAt,
        });
        send(res, out);
        return;
      }
      const ctype = String(req.headers['content-type'] ?? '');
      let body: unknown = rawBody;
      let form: URLSearchParams | undefined;
      if (rawBody && ctype.includes('json')) {
        try {
          body = JSON.parse(rawBody);
        } catch {
          body = rawBody;
        }
      } else if (ctype.includes('x-www-form-urlencoded')) form = new URLSearchParams(rawBody);
      const address = server.address() as AddressInfo;
      const r: Req = {
        service: name,
        method,
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body,
        rawBody,
        form,
        params: matched?.params ?? {},
        baseUrl: `http://127.0.0.1:${address.port}`,
      };
      let out: Res;
      try {
        out =
          (await router.guard?.(r, write)) ??
          (matched ? await matched.route.handler(r) : await router.notFound(r));
      } catch (e) {
        out = {
          status: 500,
          body: {
            error: { code: 500, message: `emulator bug: ${(e as Error).message}`, status: 'INTERNAL' },
          },
        };
      }
      journal.add({
        service: name,
        method,
        path: url.pathname,
        query: url.search,
        mutating: write && out.status < 400,
        attempted: write,
        status: out.status,
        requestBody: body,
        receivedAt,
        ...(out.contractViolation ? { contractViolation: out.contractViolation } : {}),
      });
      await faults.holds.pass('response', { service: name, method, path: url.pathname });
      send(res, out);
    })();
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return {
    name,
    port: address.port,
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
