import { FakeClock } from '../../shared/clock.js';
import { endpointsFromEnv } from '../../shared/endpoints.js';
import { RemoteError } from '../../shared/errors.js';
import { RecordingLogger } from '../../shared/logger.js';
import { CertificateManager } from '../../shared/gcp/certmanager.js';
import { CloudDns } from '../../shared/gcp/clouddns.js';
import { Iam } from '../../shared/gcp/iam.js';
import { ResourceManager, hasRole } from '../../shared/gcp/resourcemanager.js';
import { GcpRest, googleReason, googleErrorMetadata } from '../../shared/gcp/rest.js';
import { ServiceUsage } from '../../shared/gcp/serviceusage.js';
import { TokenSource, staticTokenSource } from '../../shared/gcp/token.js';
import { Answer, SeenRequest, startServer, TestServer } from './helpers.js';

let server: TestServer;
let answer: (req: SeenRequest) => Answer;
beforeAll(async () => {
  server = await startServer((req) => answer(req));
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

function rest(clock = new FakeClock(), tokens: TokenSource = staticTokenSource('tok')) {
  const env = {
    GITSPACES_SERVICEUSAGE_URL: `${server.url}/su`,
    GITSPACES_RESOURCEMANAGER_URL: `${server.url}/crm`,
    GITSPACES_IAM_URL: `${server.url}/iam`,
    GITSPACES_CLOUDDNS_URL: `${server.url}/dns`,
    GITSPACES_CERTIFICATEMANAGER_URL: `${server.url}/cm`,
  };
  return new GcpRest(endpointsFromEnv(env), tokens, { clock, random: () => 0, log: new RecordingLogger() });
}

const serviceDisabled = {
  error: {
    code: 403,
    message: 'Compute Engine API has not been used in project 123 before or it is disabled.',
    status: 'PERMISSION_DENIED',
    details: [
      {
        '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
        reason: 'SERVICE_DISABLED',
        domain: 'googleapis.com',
        metadata: { service: 'compute.googleapis.com', consumer: 'projects/123' },
      },
    ],
  },
};

describe('GcpRest', () => {
  test("sends the bearer token and parses Google's error body into a RemoteError", async () => {
    answer = () => ({ status: 403, body: serviceDisabled });
    const e = (await rest()
      .get('serviceUsage', '/v1/projects/p/services/compute.googleapis.com')
      .catch((x: unknown) => x)) as RemoteError;
    expect(e).toBeInstanceOf(RemoteError);
    expect(e.service).toBe('serviceUsage');
    expect(e.status).toBe(403);
    expect(e.message).toBe(
      '403 PERMISSION_DENIED: Compute Engine API has not been used in project 123 before or it is disabled. (SERVICE_DISABLED)',
    );
    expect(googleReason(e)).toBe('SERVICE_DISABLED');
    expect(googleErrorMetadata(e)).toEqual({ service: 'compute.googleapis.com', consumer: 'projects/123' });
    expect(server.requests[0]!.headers.authorization).toBe('Bearer tok');
    expect(server.requests[0]!.path).toBe('/su/v1/projects/p/services/compute.googleapis.com');
    // a 403 is not retried
    expect(server.requests).toHaveLength(1);
  });

  test('legacy errors[].reason is the reason when there is no ErrorInfo', async () => {
    answer = () => ({
      status: 404,
      body: {
        error: {
          code: 404,
          message: "The 'zone' was not found",
          errors: [{ message: 'x', domain: 'global', reason: 'notFound' }],
        },
      },
    });
    const e = (await rest()
      .get('cloudDns', '/dns/v1/projects/p/managedZones/z')
      .catch((x: unknown) => x)) as RemoteError;
    expect(e.message).toBe("404: The 'zone' was not found (notFound)");
    expect(googleReason(e)).toBe('notFound');
  });

  test('a 429 is retried after the Retry-After the server asked for', async () => {
    let n = 0;
    answer = () =>
      ++n === 1
        ? {
            status: 429,
            headers: { 'retry-after': '7' },
            body: { error: { code: 429, message: 'Quota exceeded', status: 'RESOURCE_EXHAUSTED' } },
          }
        : { body: { ok: true } };
    const clock = new FakeClock();
    expect(await rest(clock).post('resourceManager', '/v1/projects/p:getIamPolicy', {})).toEqual({
      ok: true,
    });
    expect(clock.sleeps).toEqual([7000]);
    expect(server.requests).toHaveLength(2);
  });

  test('GET retries a 500; POST does not, but does retry a 503', async () => {
    let n = 0;
    answer = () =>
      ++n === 1 ? { status: 500, body: { error: { code: 500, message: 'backend error' } } } : { body: { n } };
    expect(await rest().get('iam', '/v1/x')).toEqual({ n: 2 });
    n = 0;
    const e = (await rest()
      .post('iam', '/v1/x', {})
      .catch((x: unknown) => x)) as RemoteError;
    expect(e.status).toBe(500);
    n = 0;
    answer = () => (++n === 1 ? { status: 503, body: 'unavailable' } : { body: { n } });
    expect(await rest().post('iam', '/v1/x', {})).toEqual({ n: 2 });
  });

  test('gives up after the attempts and says what failed', async () => {
    answer = () => ({
      status: 503,
      body: { error: { code: 503, message: 'The service is currently unavailable.', status: 'UNAVAILABLE' } },
    });
    const clock = new FakeClock();
    const e = (await rest(clock)
      .get('iam', '/v1/x')
      .catch((x: unknown) => x)) as RemoteError;
    expect(e.message).toBe('503 UNAVAILABLE: The service is currently unavailable.');
    expect(server.requests).toHaveLength(5);
    expect(clock.sleeps).toHaveLength(4);
  });

  test('a 401 fetches a new token once', async () => {
    let tokens = 0;
    let invalidated = 0;
    const ts: TokenSource = {
      getToken: async () => `t${++tokens}`,
      getAccessToken: async () => ({ token: `t${++tokens}`, expiresAtMs: 0, expiresInMs: 0 }),
      identity: () => 'x',
      invalidate: () => void invalidated++,
    };
    answer = (req) =>
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
        : { body: {} };
    expect(await rest(new FakeClock(), ts).post('iam', '/v1/x', {})).toEqual({});
    expect(invalidated).toBe(1);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(['Bearer t1', 'Bearer t2']);
  });

  test('an unreachable service is a RemoteError naming it', async () => {
    const closed = await startServer(() => ({}));
    await closed.close();
    const env = { GITSPACES_IAM_URL: closed.url };
    const r = new GcpRest(endpointsFromEnv(env), staticTokenSource('t'), {
      clock: new FakeClock(),
      attempts: 2,
      random: () => 0,
    });
    const e = (await r.get('iam', '/v1/x').catch((x: unknown) => x)) as RemoteError;
    expect(e).toBeInstanceOf(RemoteError);
    expect(e.message).toMatch(/^Cannot reach iam at 127\.0\.0\.1:\d+ \(GET \/v1\/x\): ECONNREFUSED/);
  });
});

describe('Service Usage', () => {
  test('batchGet in batches of 30, states by service name', async () => {
    answer = (req) => ({
      body: {
        services: req.query.getAll('names').map((n, i) => ({
          name: n.replace('projects/acme', 'projects/123'),
          config: { name: n.split('/').pop() },
          state: i % 2 ? 'DISABLED' : 'ENABLED',
          parent: 'projects/123',
        })),
      },
    });
    const names = Array.from({ length: 35 }, (_, i) => `svc${i}.googleapis.com`);
    const states = await new ServiceUsage(rest()).batchGetStates('acme', names);
    expect(server.requests.map((r) => r.query.getAll('names').length)).toEqual([30, 5]);
    expect(server.requests[0]!.path).toBe('/su/v1/projects/acme/services:batchGet');
    expect(server.requests[0]!.query.getAll('names')[0]).toBe('projects/acme/services/svc0.googleapis.com');
    expect(states.size).toBe(35);
    expect(states.get('svc0.googleapis.com')).toBe('ENABLED');
    expect(states.get('svc31.googleapis.com')).toBe('DISABLED');
  });

  test('batchEnable returns the operation; waitOperation polls until done', async () => {
    let polls = 0;
    answer = (req) => {
      if (req.method === 'POST') return { body: { name: 'operations/acf.p2-123-abc' } };
      return { body: { name: 'operations/acf.p2-123-abc', done: ++polls >= 3, response: { '@type': 'x' } } };
    };
    const su = new ServiceUsage(rest());
    const name = await su.batchEnable('acme', ['compute.googleapis.com', 'dns.googleapis.com']);
    expect(name).toBe('operations/acf.p2-123-abc');
    expect(JSON.parse(server.requests[0]!.body)).toEqual({
      serviceIds: ['compute.googleapis.com', 'dns.googleapis.com'],
    });
    const clock = new FakeClock();
    const op = await su.waitOperation(name, { deadlineMs: 60_000, clock });
    expect(op.done).toBe(true);
    expect(server.requests.slice(1).map((r) => `${r.method} ${r.path}`)).toEqual(
      Array(3).fill('GET /su/v1/operations/acf.p2-123-abc'),
    );
    expect(clock.sleeps.length).toBe(2);
  });

  test('a failed operation throws its error', async () => {
    answer = () => ({
      body: {
        name: 'operations/x',
        done: true,
        error: { code: 7, message: 'Permission denied to enable service [redis.googleapis.com]' },
      },
    });
    const e = (await new ServiceUsage(rest())
      .waitOperation('operations/x', { deadlineMs: 1000, clock: new FakeClock() })
      .catch((x: unknown) => x)) as RemoteError;
    expect(e.message).toContain('Permission denied to enable service [redis.googleapis.com]');
  });
});

describe('Resource Manager', () => {
  test('IAM policy, permissions and org policy (403 is "unreadable", not an exception)', async () => {
    answer = (req) => {
      if (req.path.endsWith(':getIamPolicy'))
        return {
          body: {
            version: 1,
            etag: 'BwX',
            bindings: [
              { role: 'roles/owner', members: ['serviceAccount:SA@p.iam.gserviceaccount.com', 'user:a@b.c'] },
            ],
          },
        };
      if (req.path.endsWith(':testIamPermissions'))
        return { body: { permissions: (JSON.parse(req.body).permissions as string[]).slice(0, 1) } };
      if (req.path.endsWith(':getEffectiveOrgPolicy')) {
        const c = JSON.parse(req.body).constraint as string;
        if (c === 'constraints/compute.vmExternalIpAccess')
          return { body: { constraint: c, listPolicy: { allValues: 'DENY' } } };
        return {
          status: 403,
          body: {
            error: { code: 403, message: 'The caller does not have permission', status: 'PERMISSION_DENIED' },
          },
        };
      }
      return { body: { projectId: 'p', projectNumber: '123', lifecycleState: 'ACTIVE' } };
    };
    const rm = new ResourceManager(rest());
    const policy = await rm.getIamPolicy('p');
    expect(hasRole(policy, 'roles/owner', 'serviceAccount:sa@p.iam.gserviceaccount.com')).toBe(true);
    expect(hasRole(policy, 'roles/owner', 'serviceAccount:other@p.iam.gserviceaccount.com')).toBe(false);
    expect(JSON.parse(server.requests[0]!.body)).toEqual({ options: { requestedPolicyVersion: 3 } });
    expect(server.requests[0]!.path).toBe('/crm/v1/projects/p:getIamPolicy');
    expect(await rm.testIamPermissions('p', ['compute.instances.create', 'dns.managedZones.create'])).toEqual(
      ['compute.instances.create'],
    );
    expect(await rm.getEffectiveOrgPolicy('p', 'compute.vmExternalIpAccess')).toEqual({
      status: 'ok',
      constraint: 'constraints/compute.vmExternalIpAccess',
      listPolicy: { allValues: 'DENY' },
    });
    const unreadable = await rm.getEffectiveOrgPolicy('p', 'constraints/compute.requireOsLogin');
    expect(unreadable).toEqual({
      status: 'unreadable',
      constraint: 'constraints/compute.requireOsLogin',
      message: '403 PERMISSION_DENIED: The caller does not have permission',
    });
    expect(await rm.getProject('p')).toMatchObject({ projectNumber: '123' });
  });
});

describe('IAM, Cloud DNS, Certificate Manager', () => {
  test('a missing key, zone or certificate is undefined; lists follow nextPageToken', async () => {
    const notFound = {
      status: 404,
      body: { error: { code: 404, message: 'not found', status: 'NOT_FOUND' } },
    };
    answer = (req) => {
      if (req.path.startsWith('/iam/'))
        return req.path.endsWith('/keys/gone') ? notFound : { body: { name: 'k', disabled: true } };
      if (req.path.endsWith('/managedZones/missing')) return notFound;
      if (req.path.endsWith('/managedZones/example-com'))
        return {
          body: {
            name: 'example-com',
            dnsName: 'example.com.',
            nameServers: ['ns-cloud-a1.googledomains.com.'],
          },
        };
      if (req.path.endsWith('/rrsets'))
        return req.query.get('pageToken')
          ? {
              body: {
                rrsets: [{ name: '*.example.com.', type: 'CNAME', ttl: 300, rrdatas: ['example.com.'] }],
              },
            }
          : {
              body: {
                rrsets: [{ name: 'example.com.', type: 'A', ttl: 300, rrdatas: ['10.0.0.1'] }],
                nextPageToken: 'p2',
              },
            };
      if (req.path.includes('/certificates/')) return notFound;
      if (req.path.endsWith('/certificates'))
        return {
          body: {
            certificates: [
              { name: 'projects/p/locations/us-central1/certificates/c', managed: { state: 'ACTIVE' } },
            ],
          },
        };
      if (req.path.endsWith('/dnsAuthorizations'))
        return { body: { dnsAuthorizations: [{ name: 'a', domain: 'example.com' }] } };
      return { status: 500 };
    };
    const r = rest();
    const iam = new Iam(r);
    expect(await iam.getServiceAccountKey('p', 'sa@p.iam.gserviceaccount.com', 'gone')).toBeUndefined();
    expect(await iam.getServiceAccountKey('p', 'sa@p.iam.gserviceaccount.com', 'k1')).toEqual({
      name: 'k',
      disabled: true,
    });
    expect(server.requests.at(-1)!.path).toBe(
      '/iam/v1/projects/p/serviceAccounts/sa%40p.iam.gserviceaccount.com/keys/k1',
    );
    const dns = new CloudDns(r);
    expect(await dns.getManagedZone('p', 'missing')).toBeUndefined();
    expect((await dns.getManagedZone('p', 'example-com'))?.nameServers).toEqual([
      'ns-cloud-a1.googledomains.com.',
    ]);
    expect((await dns.listRecordSets('p', 'example-com')).map((s) => s.type)).toEqual(['A', 'CNAME']);
    expect(server.requests.at(-1)!.path).toBe('/dns/dns/v1/projects/p/managedZones/example-com/rrsets');
    const certs = new CertificateManager(r);
    expect(await certs.getCertificate('p', 'us-central1', 'c')).toBeUndefined();
    expect((await certs.listCertificates('p', 'us-central1'))[0]?.managed?.state).toBe('ACTIVE');
    expect(await certs.listDnsAuthorizations('p', 'us-central1')).toEqual([
      { name: 'a', domain: 'example.com' },
    ]);
    expect(server.requests.at(-1)!.path).toBe('/cm/v1/projects/p/locations/us-central1/dnsAuthorizations');
  });
});
