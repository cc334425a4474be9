import { generateKeyPairSync, KeyObject } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}
export interface Answer {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}
export interface TestServer {
  url: string;
  port: number;
  requests: SeenRequest[];
  close(): Promise<void>;
}

/** A loopback HTTP server answering JSON with `handler`; records every request. */
export async function startServer(
  handler: (req: SeenRequest) => Answer | Promise<Answer>,
): Promise<TestServer> {
  const requests: SeenRequest[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', async () => {
      const u = new URL(req.url ?? '/', 'http://127.0.0.1');
      const seen: SeenRequest = {
        method: req.method ?? 'GET',
        path: u.pathname,
        query: u.searchParams,
        headers: req.headers,
        body,
      };
      requests.push(seen);
      try {
        const a = await handler(seen);
        res.statusCode = a.status ?? 200;
        for (const [k, v] of Object.entries(a.headers ?? {})) res.setHeader(k, v);
        if (a.body === undefined) return res.end();
        if (typeof a.body === 'string') return res.end(a.body);
        res.setHeader('content-type', 'application/json; charset=UTF-8');
        res.end(JSON.stringify(a.body));
      } catch (e) {
        res.statusCode = 500;
        res.end(String(e));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface TestKey {
  json: string;
  privateKeyPem: string;
  publicKey: KeyObject;
  clientEmail: string;
  privateKeyId: string;
  projectId: string;
}

let cached: { privateKeyPem: string; publicKey: KeyObject } | undefined;

/** A service-account key JSON with a fresh RSA key (generated once per test file). */
export function makeKey(overrides: Record<string, unknown> = {}): TestKey {
  if (!cached) {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    cached = { privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicKey };
  }
  const obj = {
    type: 'service_account',
    project_id: 'acme-gitspaces',
    private_key_id: '0123456789abcdef0123456789abcdef01234567',
    private_key: cached.privateKeyPem,
    client_email: 'gitspaces@acme-gitspaces.iam.gserviceaccount.com',
    client_id: '100000000000000000001',
    auth_uri: 'https://accounts.google.com/o/oauth2/auth',
    token_uri: 'https://oauth2.googleapis.com/token',
    ...overrides,
  };
  return {
    json: JSON.stringify(obj, null, 2),
    privateKeyPem: cached.privateKeyPem,
    publicKey: cached.publicKey,
    clientEmail: obj.client_email as string,
    privateKeyId: obj.private_key_id as string,
    projectId: obj.project_id as string,
  };
}

/** Lines of the PEM body: none may ever appear in a message. */
export function keyMaterial(pem: string): string[] {
  return pem
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('-----'));
}

export function form(body: string): URLSearchParams {
  return new URLSearchParams(body);
}
