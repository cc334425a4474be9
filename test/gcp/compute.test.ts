import { FakeClock } from '../../shared/clock.js';
import { RemoteError, WaitTimeoutError } from '../../shared/errors.js';
import { RecordingLogger } from '../../shared/logger.js';
import { ComputeApi, computeClientTarget } from '../../shared/gcp/compute.js';
import { staticTokenSource } from '../../shared/gcp/token.js';
import { Answer, SeenRequest, startServer, TestServer } from './helpers.js';

/** A few Compute REST routes, enough to see the official client's requests and our handling of the answers. */
let server: TestServer;
let metadata: { fingerprint: string; items: { key: string; value: string }[] };
let opPolls: Record<string, number>;
let extra: ((req: SeenRequest) => Answer | undefined) | undefined;
const P = '/compute/v1/projects/acme';
const notFound = (what: string): Answer => ({
  status: 404,
  body: {
    error: {
      code: 404,
      message: `The resource '${what}' was not found`,
      errors: [{ message: `The resource '${what}' was not found`, domain: 'global', reason: 'notFound' }],
    },
  },
});

function route(req: SeenRequest): Answer {
  const hit = extra?.(req);
  if (hit) return hit;
  const inst = `${P}/zones/us-central1-a/instances/vm`;
  switch (`${req.method} ${req.path}`) {
    case `GET ${P}/regions/us-central1`:
      return {
        body: {
          name: 'us-central1',
          status: 'UP',
          quotas: [
            { metric: 'STATIC_ADDRESSES', limit: 8, usage: 7 },
            { metric: 'CPUS', limit: 24, usage: 2 },
          ],
        },
      };
    case `GET ${P}/zones/us-central1-a`:
      return {
        body: {
          name: 'us-central1-a',
          status: 'UP',
          region: 'https://compute.googleapis.com/compute/v1/projects/acme/regions/us-central1',
        },
      };
    case '/compute/v1/projects/ubuntu-os-cloud/global/images/family/ubuntu-2204-lts':
    case 'GET /compute/v1/projects/ubuntu-os-cloud/global/images/family/ubuntu-2204-lts':
      return { body: { name: 'ubuntu-2204-jammy-v20251101', family: 'ubuntu-2204-lts', status: 'READY' } };
    case 'GET /compute/v1/projects/ubuntu-os-cloud/global/images/ubuntu-2004-focal-v20250213':
      return notFound('projects/ubuntu-os-cloud/global/images/ubuntu-2004-focal-v20250213');
    case `GET ${inst}`:
      return { body: { name: 'vm', status: 'RUNNING', labels: { gitspaces: 'demo' }, metadata } };
    case `POST ${inst}/setMetadata`: {
      const body = JSON.parse(req.body) as typeof metadata;
      if (body.fingerprint !== metadata.fingerprint)
        return {
          status: 412,
          body: {
            error: {
              code: 412,
              message: 'Supplied fingerprint does not match current metadata fingerprint.',
              errors: [{ reason: 'conditionNotMet', domain: 'global', message: 'x' }],
            },
          },
        };
      metadata = { fingerprint: `${metadata.fingerprint}+`, items: body.items };
      return {
        body: {
          kind: 'compute#operation',
          name: 'op-meta',
          status: 'RUNNING',
          operationType: 'setMetadata',
          zone: 'us-central1-a',
        },
      };
    }
    case `POST ${inst}/reset`:
      return {
        body: { kind: 'compute#operation', name: 'op-reset', status: 'PENDING', operationType: 'reset' },
      };
    case `GET ${inst}/getGuestAttributes`:
      return req.query.get('queryPath') === 'gitspaces/'
        ? {
            body: {
              queryPath: 'gitspaces/',
              queryValue: {
                items: [
                  { namespace: 'gitspaces', key: 'runner', value: 'healthy' },
                  { namespace: 'gitspaces', key: 'delegate', value: 'connected' },
                ],
              },
            },
          }
        : notFound('guest attributes');
    case `GET ${P}/aggregated/instances`:
      return {
        body: {
          items: {
            'zones/us-central1-a': {
              instances: [
                {
                  name: 'demo-us-central1-runner-vm',
                  labels: { gitspaces: 'demo' },
                  selfLink: 'https://x/vm',
                },
              ],
            },
            'zones/europe-west1-b': { warning: { code: 'NO_RESULTS_ON_PAGE', message: 'none' } },
          },
        },
      };
    case `GET ${P}/global/firewalls`:
      return req.query.get('pageToken')
        ? { body: { items: [{ name: 'demo-allow-9079' }] } }
        : { body: { items: [{ name: 'demo-allow-ssh' }], nextPageToken: 'page2' } };
  }
  const op = req.path.match(/\/zones\/us-central1-a\/operations\/([^/]+)$/);
  if (op && req.method === 'GET') {
    const name = op[1] as string;
    const n = (opPolls[name] = (opPolls[name] ?? 0) + 1);
    if (name === 'op-reset') {
      return {
        body: {
          name,
          status: 'DONE',
          operationType: 'reset',
          httpErrorStatusCode: 403,
          error: { errors: [{ code: 'QUOTA_EXCEEDED', message: "Quota 'CPUS' exceeded." }] },
        },
      };
    }
    if (name === 'op-stuck') return { body: { name, status: 'RUNNING' } };
    return { body: { name, status: n >= 2 ? 'DONE' : 'RUNNING', operationType: 'setMetadata' } };
  }
  return notFound(req.path);
}

beforeAll(async () => {
  server = await startServer((req) => route(req));
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  metadata = {
    fingerprint: 'fp1',
    items: [
      { key: 'startup-script', value: '#!/bin/sh' },
      { key: 'old', value: 'x' },
    ],
  };
  opPolls = {};
  extra = undefined;
});

function api(clock = new FakeClock()) {
  return new ComputeApi({ compute: server.url }, staticTokenSource('compute-token'), {
    clock,
    random: () => 0,
    log: new RecordingLogger(),
  });
}

test('the client target is host, port and protocol taken from endpoints.compute', () => {
  expect(computeClientTarget('http://127.0.0.1:8123')).toEqual({
    apiEndpoint: '127.0.0.1',
    port: 8123,
    protocol: 'http',
    path: '',
  });
  expect(computeClientTarget('https://compute.googleapis.com')).toEqual({
    apiEndpoint: 'compute.googleapis.com',
    port: 443,
    protocol: 'https',
    path: '',
  });
});

test('reads regions (quotas), zones, images and instances through the official client over http loopback', async () => {
  const c = api();
  try {
    const region = await c.getRegion('acme', 'us-central1');
    expect(region.quotas).toEqual([
      { metric: 'STATIC_ADDRESSES', limit: 8, usage: 7 },
      { metric: 'CPUS', limit: 24, usage: 2 },
    ]);
    expect(server.requests[0]!.headers.authorization).toBe('Bearer compute-token');
    expect((await c.getZone('acme', 'us-central1-a')).status).toBe('UP');
    expect(await c.getImage('projects/ubuntu-os-cloud/global/images/family/ubuntu-2204-lts')).toMatchObject({
      name: 'ubuntu-2204-jammy-v20251101',
    });
    expect(
      await c.getImage('projects/ubuntu-os-cloud/global/images/ubuntu-2004-focal-v20250213'),
    ).toBeUndefined();
    const vm = await c.getInstance('acme', 'us-central1-a', 'vm');
    // plain REST-shaped objects: no proto3 optional markers
    expect(vm).toMatchObject({ name: 'vm', status: 'RUNNING', labels: { gitspaces: 'demo' } });
    expect(Object.keys(vm!).filter((k) => k.startsWith('_'))).toEqual([]);
    expect(await c.getInstance('acme', 'us-central1-a', 'gone')).toBeUndefined();
  } finally {
    await c.close();
  }
});

test('setInstanceMetadata keeps other keys, deletes null ones, retries once on a stale fingerprint, waits for the operation', async () => {
  const c = api();
  let raced = false;
  extra = (req) => {
    // someone else changes the metadata between our read and our write, once
    if (!raced && req.method === 'POST' && req.path.endsWith('/setMetadata')) {
      raced = true;
      metadata = { ...metadata, fingerprint: 'fp-other' };
    }
    return undefined;
  };
  try {
    const op = await c.setInstanceMetadata('acme', 'us-central1-a', 'vm', [
      { key: 'gitspaces-token', value: 'abc' },
      { key: 'old', value: null },
    ]);
    expect(op).toMatchObject({ name: 'op-meta', status: 'DONE' });
    expect(metadata.items).toEqual([
      { key: 'startup-script', value: '#!/bin/sh' },
      { key: 'gitspaces-token', value: 'abc' },
    ]);
    const posts = server.requests
      .filter((r) => r.method === 'POST')
      .map((r) => JSON.parse(r.body).fingerprint);
    expect(posts).toEqual(['fp1', 'fp-other']);
  } finally {
    await c.close();
  }
});

test('a failed operation is a RemoteError with its message; a stuck one times out', async () => {
  const clock = new FakeClock();
  const c = api(clock);
  try {
    const e = (await c.resetInstance('acme', 'us-central1-a', 'vm').catch((x: unknown) => x)) as RemoteError;
    expect(e).toBeInstanceOf(RemoteError);
    expect(e.status).toBe(403);
    expect(e.message).toContain("QUOTA_EXCEEDED: Quota 'CPUS' exceeded.");
    const t = await c
      .waitZoneOperation('acme', 'us-central1-a', 'op-stuck', { deadlineMs: 30_000 })
      .catch((x: unknown) => x);
    expect(t).toBeInstanceOf(WaitTimeoutError);
    expect((t as WaitTimeoutError).message).toContain('op-stuck');
  } finally {
    await c.close();
  }
});

test('guest attributes by namespace; none is an empty map', async () => {
  const c = api();
  try {
    expect(await c.getGuestAttributes('acme', 'us-central1-a', 'vm', 'gitspaces/')).toEqual({
      'gitspaces/runner': 'healthy',
      'gitspaces/delegate': 'connected',
    });
    expect(await c.getGuestAttributes('acme', 'us-central1-a', 'vm', 'other/')).toEqual({});
  } finally {
    await c.close();
  }
});

test('aggregatedList flattens scopes; global collections follow pages', async () => {
  const c = api();
  try {
    expect(await c.aggregatedList('acme', 'instances')).toEqual([
      {
        collection: 'instances',
        scope: 'zones/us-central1-a',
        name: 'demo-us-central1-runner-vm',
        selfLink: 'https://x/vm',
        labels: { gitspaces: 'demo' },
        resource: expect.objectContaining({ name: 'demo-us-central1-runner-vm' }),
      },
    ]);
    expect((await c.aggregatedList('acme', 'firewalls')).map((f) => `${f.scope} ${f.name}`)).toEqual([
      'global demo-allow-ssh',
      'global demo-allow-9079',
    ]);
  } finally {
    await c.close();
  }
});

test('429 with Retry-After is retried on our clock; other errors carry status and message', async () => {
  const clock = new FakeClock();
  const c = api(clock);
  let n = 0;
  extra = (req) =>
    req.path.endsWith('/zones/us-central1-a') && ++n === 1
      ? {
          status: 429,
          headers: { 'retry-after': '3' },
          body: {
            error: { code: 429, message: 'Rate Limit Exceeded', errors: [{ reason: 'rateLimitExceeded' }] },
          },
        }
      : req.path.endsWith('/regions/nowhere')
        ? {
            status: 403,
            body: {
              error: {
                code: 403,
                message: "Required 'compute.regions.get' permission for 'projects/acme/regions/nowhere'",
                errors: [{ reason: 'forbidden' }],
              },
            },
          }
        : undefined;
  try {
    expect((await c.getZone('acme', 'us-central1-a')).name).toBe('us-central1-a');
    expect(clock.sleeps).toEqual([3000]);
    const e = (await c.getRegion('acme', 'nowhere').catch((x: unknown) => x)) as RemoteError;
    expect(e).toBeInstanceOf(RemoteError);
    expect(e.service).toBe('compute');
    expect(e.status).toBe(403);
    expect(e.message).toBe(
      "403 PERMISSION_DENIED: Required 'compute.regions.get' permission for 'projects/acme/regions/nowhere'",
    );
  } finally {
    await c.close();
  }
});

test('a 401 fetches a new token once and repeats the call', async () => {
  let issued = 0;
  const ts = {
    getToken: async () => `t${++issued}`,
    getAccessToken: async () => ({
      token: `t${++issued}`,
      expiresAtMs: Number.MAX_SAFE_INTEGER,
      expiresInMs: 3600_000,
    }),
    identity: () => 'test',
    invalidate: () => {},
  };
  extra = (req) =>
    req.headers.authorization === 'Bearer t1'
      ? {
          status: 401,
          body: {
            error: {
              code: 401,
              message: 'Request had invalid authentication credentials.',
              status: 'UNAUTHENTICATED',
            },
          },
        }
      : undefined;
  const c = new ComputeApi({ compute: server.url }, ts, { clock: new FakeClock(), random: () => 0 });
  try {
    expect((await c.getZone('acme', 'us-central1-a')).name).toBe('us-central1-a');
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(['Bearer t1', 'Bearer t2']);
  } finally {
    await c.close();
  }
});
