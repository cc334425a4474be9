import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { Faults } from './faults.js';
import { Journal } from './journal.js';

/** A parsed request as every emulator sees it. */
export interface Req {
  service: string;
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON when the body is JSON, the raw text otherwise (form bodies: see `form`). */
  body: unknown;
  rawBody: string;
  form?: URLSearchParams;
  params: Record<string, string>;
  /** The base URL this service listens on, for links in responses (operations' selfLink, pagination). */
  baseUrl: string;
}

export interface Res {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Set by an emulator that checks requests against a contract (Harness): copied into the journal entry. */
  contractViolation?: string;
}

export type Handler = (req: Req) => Res | Promise<Res>;

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
      mutating: opts.mutating ?? !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase()),
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
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const method = (req.method ?? 'GET').toUpperCase();
      const rawBody = await readBody(req);
      const matched = router.match(method, url.pathname);
      await faults.holds.pass('request', { service: name, method, path: url.pathname });
      const mutating = matched?.route.mutating ?? false;
      const fault = faults.decide(name, method, url.pathname);
      if (fault?.kind === 'drop') {
        journal.add({
          service: name,
          method,
          path: url.pathname,
          query: url.search,
          mutating,
          status: 0,
          fault: 'drop',
        });
        req.socket.destroy();
        return;
      }
      if (fault?.kind === 'latency' || fault?.latencyMs)
        await new Promise((r) => setTimeout(r, fault.latencyMs ?? 0));
      if (fault && (fault.kind === '5xx' || fault.kind === '429')) {
        const out = faults.response(name, fault);
        journal.add({
          service: name,
          method,
          path: url.pathname,
          query: url.search,
          mutating,
          status: out.status,
          fault: fault.kind,
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
          (await router.guard?.(r, mutating)) ??
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
        mutating: mutating && out.status < 400,
        status: out.status,
        requestBody: body,
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

/** Google's JSON error body (https://cloud.google.com/apis/design/errors#http_mapping). */
export function googleError(code: number, message: string, reason?: string): Res {
  const status: Record<number, string> = {
    400: 'INVALID_ARGUMENT',
    401: 'UNAUTHENTICATED',
    403: 'PERMISSION_DENIED',
    404: 'NOT_FOUND',
    409: 'ALREADY_EXISTS',
    412: 'FAILED_PRECONDITION',
    429: 'RESOURCE_EXHAUSTED',
    500: 'INTERNAL',
    503: 'UNAVAILABLE',
  };
  return {
    status: code,
    body: {
      error: {
        code,
        message,
        status: status[code] ?? 'UNKNOWN',
        errors: [{ message, domain: 'global', reason: reason ?? (status[code] ?? 'unknown').toLowerCase() }],
      },
    },
  };
}

/** Harness's error body (`UsererrorError`: {message, values}). */
export function harnessError(code: number, message: string): Res {
  return { status: code, body: { message, values: {} } };
}
