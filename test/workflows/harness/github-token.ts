/**
 * A job's GITHUB_TOKEN as GitHub issues it: a token of its own, valid while the job runs, that can do only what the
 * job's `permissions:` grant. The harness puts this in front of the GitHub emulator (the job's GITHUB_API_URL):
 * requests with the job's token are checked against its permissions and forwarded with the emulator's token of the
 * workflow's identity (`github-actions[bot]`); a request the permissions do not allow gets GitHub's answer,
 * 403 "Resource not accessible by integration" (docs.github.com/rest/overview/permissions-required-for-github-apps
 * lists the permission of each endpoint); any other token is forwarded as it is (a user's token stays that user's).
 * After the job, the token is revoked (GitHub revokes GITHUB_TOKEN when the job ends): 401 "Bad credentials".
 */
import { randomBytes } from 'node:crypto';
import { createServer, request as httpRequest, type Server } from 'node:http';

export type Access = 'read' | 'write' | 'none';
export type Permissions = Record<string, Access>;

/** The permission scopes GitHub knows (docs: "Defining access for the GITHUB_TOKEN scopes"). */
export const SCOPES = [
  'actions',
  'attestations',
  'checks',
  'contents',
  'deployments',
  'discussions',
  'id-token',
  'issues',
  'models',
  'packages',
  'pages',
  'pull-requests',
  'repository-projects',
  'security-events',
  'statuses',
];

/** A `permissions:` value (read-all, write-all, {}, a map) as a map over every scope. */
export function permissionsOf(raw: unknown): Permissions {
  const out: Permissions = {};
  if (raw === 'read-all' || raw === 'write-all') {
    for (const s of SCOPES)
      out[s] = s === 'id-token' ? (raw === 'write-all' ? 'write' : 'none') : (raw.slice(0, -4) as Access);
    return out;
  }
  for (const s of SCOPES) out[s] = 'none';
  if (raw && typeof raw === 'object') for (const [k, v] of Object.entries(raw)) out[k] = v as Access;
  return out;
}

const rank = (a: Access | undefined) => (a === 'write' ? 2 : a === 'read' ? 1 : 0);

/** What each endpoint the bundle calls needs: any one of the scopes at that level. */
const RULES: { method: string; path: RegExp; scopes: string[]; level: Access }[] = [
  { method: 'GET', path: /^\/repos\/[^/]+\/[^/]+$/, scopes: ['metadata'], level: 'read' },
  {
    method: 'GET',
    path: /^\/repos\/[^/]+\/[^/]+\/commits\/[^/]+\/pulls$/,
    scopes: ['contents', 'pull-requests'],
    level: 'read',
  },
  { method: 'GET', path: /^\/repos\/[^/]+\/[^/]+\/pulls(\/\d+)?$/, scopes: ['pull-requests'], level: 'read' },
  {
    method: 'GET',
    path: /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+\/)?comments(\/\d+)?$/,
    scopes: ['issues', 'pull-requests'],
    level: 'read',
  },
  {
    method: 'POST',
    path: /^\/repos\/[^/]+\/[^/]+\/issues\/\d+\/comments$/,
    scopes: ['issues', 'pull-requests'],
    level: 'write',
  },
  {
    method: 'PATCH',
    path: /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/\d+$/,
    scopes: ['issues', 'pull-requests'],
    level: 'write',
  },
  {
    method: 'DELETE',
    path: /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/\d+$/,
    scopes: ['issues', 'pull-requests'],
    level: 'write',
  },
  { method: 'GET', path: /^\/repos\/[^/]+\/[^/]+\/issues(\/\d+)?$/, scopes: ['issues'], level: 'read' },
  { method: 'POST', path: /^\/repos\/[^/]+\/[^/]+\/issues$/, scopes: ['issues'], level: 'write' },
  { method: 'PATCH', path: /^\/repos\/[^/]+\/[^/]+\/issues\/\d+$/, scopes: ['issues'], level: 'write' },
  {
    method: 'POST',
    path: /^\/repos\/[^/]+\/[^/]+\/issues\/\d+\/labels$/,
    scopes: ['issues', 'pull-requests'],
    level: 'write',
  },
  // Not a repository endpoint: GitHub answers for an installation token itself (the emulator does).
  { method: 'GET', path: /^\/user$/, scopes: ['metadata'], level: 'read' },
];

/** Whether `permissions` allow the request; a request no rule names needs contents (read for GET, else write). */
export function allowed(permissions: Permissions, method: string, path: string): boolean {
  const perms: Permissions = { ...permissions, metadata: 'read' };
  const rule = RULES.find((r) => r.method === method && r.path.test(path));
  if (!rule) return rank(perms.contents) >= (method === 'GET' ? 1 : 2);
  return rule.scopes.some((s) => rank(perms[s]) >= rank(rule.level));
}

export interface JobToken {
  token: string;
  /** The job's GITHUB_API_URL. */
  url: string;
  /** Requests refused for lack of permission (`METHOD path`). */
  refused: string[];
  revoke(): Promise<void>;
}

const json = (status: number, body: unknown) => ({ status, body: JSON.stringify(body) });

export async function issueJobToken(
  upstream: string,
  upstreamToken: string,
  permissions: Permissions,
): Promise<JobToken> {
  const token = `ghs_job${randomBytes(16).toString('hex')}`;
  const refused: string[] = [];
  let revoked = false;
  const base = upstream.replace(/\/+$/, '');
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = (req.url ?? '/').split('?')[0] as string;
      const auth = /^(?:token|bearer)\s+(.+)$/i.exec(String(req.headers.authorization ?? ''))?.[1];
      const headers = { ...req.headers };
      delete headers.host;
      if (auth === token) {
        const deny = revoked
          ? json(401, {
              message: 'Bad credentials',
              documentation_url: 'https://docs.github.com/rest',
              status: '401',
            })
          : !allowed(permissions, req.method ?? 'GET', path)
            ? json(403, {
                message: 'Resource not accessible by integration',
                documentation_url: 'https://docs.github.com/rest',
                status: '403',
              })
            : undefined;
        if (deny) {
          if (!revoked) refused.push(`${req.method} ${path}`);
          res.writeHead(deny.status, { 'content-type': 'application/json; charset=utf-8' });
          res.end(deny.body);
          return;
        }
        headers.authorization = `token ${upstreamToken}`;
      }
      const u = new URL(req.url ?? '/', upstream);
      const fwd = httpRequest(u, { method: req.method, headers }, (up) => {
        const body: Buffer[] = [];
        up.on('data', (c: Buffer) => body.push(c));
        up.on('end', () => {
          // URLs in the answer (a comment's `url`, the Link header) point at the API the client called.
          const text = Buffer.concat(body).toString('utf8').split(base).join(url);
          const h = { ...up.headers };
          if (typeof h.link === 'string') h.link = h.link.split(base).join(url);
          delete h['content-length'];
          delete h['transfer-encoding'];
          res.writeHead(up.statusCode ?? 502, { ...h, 'content-length': Buffer.byteLength(text) });
          res.end(text);
        });
      });
      fwd.on('error', (e) => {
        res.writeHead(502);
        res.end(String(e));
      });
      fwd.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  const url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  return {
    token,
    url,
    refused,
    async revoke() {
      revoked = true;
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
