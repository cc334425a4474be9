import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { endpointsFromEnv } from '../../shared/endpoints.js';
import { GoogleApi, GoogleApiError } from '../../sandbox/provider/google-api.js';

// A server that answers each path with a scripted sequence of Google errors, then 200.
const scripts: Record<string, { status: number; reason: string; message?: string }[]> = {};
const seen: Record<string, number> = {};
let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '';
    seen[path] = (seen[path] ?? 0) + 1;
    const next = scripts[path]?.shift();
    res.setHeader('content-type', 'application/json');
    if (!next) return res.end(JSON.stringify({ name: 'ok' }));
    res.statusCode = next.status;
    if (next.status === 429) res.setHeader('retry-after', '0');
    res.end(
      JSON.stringify({
        error: {
          code: next.status,
          message: next.message ?? `scripted ${next.reason}`,
          errors: [{ reason: next.reason }],
        },
      }),
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const api = () =>
  new GoogleApi(
    endpointsFromEnv({ GITSPACES_COMPUTE_URL: base }),
    { accessToken: 'token' },
    { now: () => Date.now(), sleep: async () => undefined },
  );

describe('the stand-in provider transport', () => {
  it("retries Compute's per-minute quota 403, 429 and 503, as the provider's retry predicates do", async () => {
    scripts['/a'] = [
      {
        status: 403,
        reason: 'rateLimitExceeded',
        message:
          "Quota exceeded for quota metric 'Queries' and limit 'Queries per minute' of service 'compute.googleapis.com' for consumer 'project_number:123456789012'.",
      },
      { status: 429, reason: 'rateLimitExceeded' },
      { status: 503, reason: 'backendError' },
    ];
    await expect(api().call('GET', `${base}/a`)).resolves.toEqual({ name: 'ok' });
    expect(seen['/a']).toBe(4);
  });

  it('does not retry a 403 rateLimitExceeded without the per-minute quota message (is403QuotaExceededPerMinuteError reads the message)', async () => {
    scripts['/bare'] = [{ status: 403, reason: 'rateLimitExceeded' }];
    await expect(api().call('GET', `${base}/bare`)).rejects.toThrow(/Error 403: scripted rateLimitExceeded/);
    expect(seen['/bare']).toBe(1);
  });

  it('does not retry a 403 that is a permission denial, and words it as googleapi does', async () => {
    scripts['/b'] = [{ status: 403, reason: 'forbidden' }];
    const err = await api()
      .call('GET', `${base}/b`)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GoogleApiError);
    expect((err as Error).message).toBe('googleapi: Error 403: scripted forbidden, forbidden');
    expect(seen['/b']).toBe(1);
  });

  it('gives up at the deadline with the last error', async () => {
    scripts['/c'] = Array.from({ length: 50 }, () => ({ status: 503, reason: 'backendError' }));
    const err = await api()
      .call('GET', `${base}/c`, undefined, Date.now() - 1)
      .catch((e: unknown) => e);
    expect((err as Error).message).toBe('googleapi: Error 503: scripted backendError, backendError');
  });
});
