import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * A minimal stand-in for the Google REST APIs the stand-in module calls, for the tests that exercise the
 * Terraform runner on its own (the full world is startSandbox). Resources are stored by collection path;
 * every request is recorded.
 */
export interface FakeGoogle {
  env: Record<string, string>;
  resources: Map<string, Record<string, unknown>>;
  requests: { method: string; path: string }[];
  names(collectionSuffix: string): string[];
  close(): Promise<void>;
}

function body(req: IncomingMessage): Promise<string> {
  return new Promise((res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => res(Buffer.concat(chunks).toString('utf8')));
  });
}

export async function startFakeGoogle(): Promise<FakeGoogle> {
  const resources = new Map<string, Record<string, unknown>>();
  const requests: { method: string; path: string }[] = [];
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = decodeURIComponent(url.pathname);
    requests.push({ method: req.method ?? 'GET', path });
    const text = await body(req);
    const send = (status: number, obj: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(obj));
    };
    if (path === '/token')
      return send(200, { access_token: 'fake-token', expires_in: 3600, token_type: 'Bearer' });
    if (req.headers.authorization !== 'Bearer fake-token')
      return send(401, { error: { code: 401, message: 'no token' } });
    const doneOp = { kind: 'compute#operation', name: 'op', status: 'DONE' };
    if (req.method === 'POST') {
      const obj = JSON.parse(text || '{}') as Record<string, unknown>;
      const id = [...url.searchParams.entries()].find(([k]) => k.endsWith('Id'))?.[1];
      const name = String(obj.name ?? id);
      // Cloud DNS rrsets are keyed by name/type.
      const key = path.endsWith('/rrsets') ? `${path}/${name}/${String(obj.type)}` : `${path}/${name}`;
      if (resources.has(key))
        return send(409, { error: { code: 409, message: 'already exists', status: 'ALREADY_EXISTS' } });
      resources.set(key, { ...obj, name });
      return send(
        200,
        path.startsWith('/compute') ? doneOp : path.startsWith('/dns') ? obj : { name: 'op', done: true },
      );
    }
    if (req.method === 'DELETE') {
      if (!resources.delete(path))
        return send(404, { error: { code: 404, message: 'not found', status: 'NOT_FOUND' } });
      return send(200, path.startsWith('/compute') ? doneOp : { name: 'op', done: true });
    }
    const r = resources.get(path);
    return r ? send(200, r) : send(404, { error: { code: 404, message: 'not found', status: 'NOT_FOUND' } });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    env: {
      GITSPACES_GOOGLE_TOKEN_URL: `${base}/token`,
      GITSPACES_COMPUTE_URL: base,
      GITSPACES_CLOUDDNS_URL: base,
      GITSPACES_CERTIFICATEMANAGER_URL: base,
    },
    resources,
    requests,
    names: (suffix) =>
      [...resources.keys()].filter((k) => k.includes(suffix)).map((k) => k.split('/').pop() as string),
    close: () => new Promise((r) => server.close(() => r())),
  };
}
