/**
 * Bulk creation throughput against a rate limit: 500 gitspaces created and started through the real
 * HarnessClient and the create-gitspace reconciliation, against a local Harness stand-in that enforces a
 * token bucket on every request and answers 429 with Retry-After when it is empty.
 *
 * The figure: requests the server accepted / the most the token bucket could have accepted in that time
 * (burst + rate × elapsed). 1.0 means the limit was used fully; the aim is at least 0.9.
 */
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { realClock } from '../shared/clock.js';
import { nullLogger } from '../shared/logger.js';
import { Pacer } from '../shared/gitspaces/backoff.js';
import { GitspaceContext, GitspaceSpec, applyMany } from '../shared/gitspaces/gitspaces.js';
import { HarnessClient } from '../shared/harness/client.js';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  note?: string;
}

const GITSPACES = 500;
const RATE_PER_S = Number(process.env.BENCH_RATE ?? 50);
const BURST = RATE_PER_S;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);

interface Stored {
  identifier: string;
  name: string;
  state: string;
}

/** A token bucket over every request, refilled continuously. */
class TokenBucket {
  private tokens: number;
  private last = Date.now();
  constructor(
    readonly rate: number,
    readonly burst: number,
  ) {
    this.tokens = burst;
  }
  take(): { ok: true } | { ok: false; retryAfterS: number } {
    const now = Date.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.rate);
    this.last = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return { ok: true };
    }
    // Retry-After is whole seconds (RFC 9110): round the wait for one token up.
    return { ok: false, retryAfterS: Math.max(1, Math.ceil((1 - this.tokens) / this.rate)) };
  }
}

async function startRateLimitedHarness(): Promise<{
  url: string;
  accepted: () => number;
  limited: () => number;
  gitspaces: Stored[];
  close: () => Promise<void>;
}> {
  const bucket = new TokenBucket(RATE_PER_S, BURST);
  const gitspaces: Stored[] = [];
  let accepted = 0;
  let limited = 0;
  let n = 0;
  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(body === undefined ? '' : JSON.stringify(body));
  };
  const readBody = async (req: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const t = Buffer.concat(chunks).toString('utf8');
    return t ? (JSON.parse(t) as Record<string, unknown>) : {};
  };
  const server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const t = bucket.take();
      if (!t.ok) {
        limited++;
        return send(res, 429, { message: 'Too many requests' }, { 'retry-after': String(t.retryAfterS) });
      }
      accepted++;
      const url = new URL(req.url ?? '/', 'http://x');
      const m = /\/projects\/[^/]+\/gitspaces(?:\/([^/]+))?(?:\/(actions|events))?$/.exec(url.pathname);
      if (!m) return send(res, 404, { message: 'no route' });
      const [, id, sub] = m;
      if (!id && req.method === 'GET') {
        const page = Number(url.searchParams.get('page') ?? 1);
        const limit = Number(url.searchParams.get('limit') ?? 30);
        return send(res, 200, gitspaces.slice((page - 1) * limit, page * limit));
      }
      if (!id && req.method === 'POST') {
        const g = {
          identifier: `${String(body.identifier)}-${(++n).toString(36).padStart(6, '0')}`,
          name: String(body.name),
          state: 'uninitialized',
        };
        gitspaces.push(g);
        return send(res, 201, g);
      }
      const g = gitspaces.find((x) => x.identifier === id);
      if (!g) return send(res, 404, { message: `Failed to find gitspace config: ${id}` });
      if (sub === 'actions') {
        g.state = body.action === 'start' ? 'starting' : 'stopping';
        return send(res, 200, g);
      }
      if (sub === 'events') return send(res, 200, []);
      return send(res, 200, g);
    })();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    accepted: () => accepted,
    limited: () => limited,
    gitspaces,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

export async function bench(): Promise<BenchResult> {
  const server = await startRateLimitedHarness();
  try {
    const api = new HarnessClient({
      baseUrl: server.url,
      apiKey: 'bench-key',
      accountId: 'acc',
      clock: realClock,
      retry: { attempts: 1 },
    });
    const pacer = new Pacer({ clock: realClock });
    const ctx: GitspaceContext = {
      api,
      accountId: 'acc',
      org: 'default',
      project: 'bench',
      infraId: 'gitspaces_gcp',
      pacer,
      log: nullLogger,
      clock: realClock,
      pollIntervalMs: 100,
      timeoutMs: 60_000,
      wait: false,
    };
    const specs: GitspaceSpec[] = Array.from({ length: GITSPACES }, (_, i) => ({
      name: `gs-${i}`,
      repoUrl: 'https://github.com/acme/api',
      branch: 'main',
      ide: 'vs_code_web',
      machine: 'standard',
    }));
    const started = Date.now();
    const outcomes = await applyMany(
      ctx,
      'create',
      specs,
      [{ identifier: 'standard', name: 'standard', region: 'us-central1' }],
      { concurrency: CONCURRENCY },
    );
    const elapsedS = (Date.now() - started) / 1000;
    const failed = outcomes.filter((o) => o.result === 'failed');
    if (failed.length) throw new Error(`${failed.length} gitspace(s) failed: ${failed[0]?.detail}`);
    const names = new Set(server.gitspaces.map((g) => g.name));
    if (server.gitspaces.length !== GITSPACES || names.size !== GITSPACES)
      throw new Error(
        `expected ${GITSPACES} gitspaces, the server has ${server.gitspaces.length} (${names.size} distinct)`,
      );
    const possible = BURST + RATE_PER_S * elapsedS;
    const value = Math.round((server.accepted() / possible) * 1000) / 1000;
    return {
      name: `bulk create ${GITSPACES} gitspaces: throughput / rate limit`,
      value,
      unit: 'fraction of limit',
      note: `${RATE_PER_S} req/s token bucket, burst ${BURST}; ${server.accepted()} accepted, ${server.limited()} answered 429 + Retry-After; ${elapsedS.toFixed(1)} s; concurrency ${CONCURRENCY}; aim >= 0.9`,
    };
  } finally {
    await server.close();
  }
}

/** For `npm run bench` (scripts/bench.mjs): a list of figures. */
export default async function run(): Promise<BenchResult[]> {
  return [await bench()];
}
