import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Faults } from '../../sandbox/core/faults.js';
import { Journal } from '../../sandbox/core/journal.js';
import type { Service } from '../../sandbox/core/http.js';
import { DeepPartial, Scenario, loadScenario } from '../../sandbox/scenario.js';
import type { World } from '../../sandbox/world.js';
import { createGcpState, startGcp } from '../../sandbox/gcp/index.js';
import type { GcpWorld } from '../../sandbox/gcp/state.js';

type J = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Env {
  world: World;
  gcp: GcpWorld;
  /** The emulators' clock, moved by the test. */
  clock: { t: number };
  call(service: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: J }>;
  stop(): Promise<void>;
}

async function startEnv(overrides: DeepPartial<Scenario> = {}): Promise<Env> {
  const scenario = loadScenario(overrides);
  const dir = mkdtempSync(join(tmpdir(), 'gcp-apis-test-'));
  const world = {
    scenario,
    journal: new Journal(),
    faults: new Faults([], 1),
    dir,
    urls: {},
    vm: { runners: [], delegates: [], onBoot() {} },
  } as unknown as World;
  world.gcp = createGcpState(world);
  const gcp = world.gcp as GcpWorld;
  const clock = { t: Date.now() };
  gcp.now = () => clock.t;
  const services: Service[] = await startGcp(world);
  const token = gcp.issueAccessToken(gcp.clientEmail).token;
  return {
    world,
    gcp,
    clock,
    async call(service, method, path, body) {
      const res = await fetch(`${world.urls[service]}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: text ? (JSON.parse(text) as J) : {} };
    },
    async stop() {
      await Promise.all(services.map((s) => s.close()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const P = 'acme-gitspaces';

describe('GCP emulator: Service Usage', () => {
  let env: Env;
  beforeAll(async () => {
    env = await startEnv({
      gcp: {
        enabledApis: [
          'cloudresourcemanager.googleapis.com',
          'compute.googleapis.com',
          'iam.googleapis.com',
          'serviceusage.googleapis.com',
        ],
        enableOperationMs: 1000,
        enablePropagationMs: 5000,
      },
    });
  });
  afterAll(() => env.stop());

  it('batchGet reports each service state, accepting the project number, and caps at 30 names', async () => {
    const names = ['compute.googleapis.com', 'dns.googleapis.com']
      .map((s) => `names=projects/123456789012/services/${s}`)
      .join('&');
    const res = await env.call('serviceusage', 'GET', `/v1/projects/123456789012/services:batchGet?${names}`);
    expect(res.status).toBe(200);
    expect(res.body.services.map((s: J) => [s.config.name, s.state])).toEqual([
      ['compute.googleapis.com', 'ENABLED'],
      ['dns.googleapis.com', 'DISABLED'],
    ]);
    expect(res.body.services[0].name).toBe('projects/123456789012/services/compute.googleapis.com');
    const tooMany = Array.from(
      { length: 31 },
      (_, i) => `names=projects/${P}/services/s${i}.googleapis.com`,
    ).join('&');
    expect(
      (await env.call('serviceusage', 'GET', `/v1/projects/${P}/services:batchGet?${tooMany}`)).status,
    ).toBe(400);
  });

  it('a disabled API answers 403 SERVICE_DISABLED; batchEnable is an operation that lags, then the API lags again', async () => {
    const disabled = await env.call('clouddns', 'GET', `/dns/v1/projects/${P}/managedZones`);
    expect(disabled.status).toBe(403);
    expect(disabled.body.error.status).toBe('PERMISSION_DENIED');
    expect(disabled.body.error.details[0]).toMatchObject({
      '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
      reason: 'SERVICE_DISABLED',
      metadata: { service: 'dns.googleapis.com' },
    });

    const op = await env.call('serviceusage', 'POST', `/v1/projects/${P}/services:batchEnable`, {
      serviceIds: ['dns.googleapis.com', 'compute.googleapis.com'],
    });
    expect(op.status).toBe(200);
    expect(op.body.name).toMatch(/^operations\//);
    expect(op.body.done).toBeUndefined();
    expect((await env.call('serviceusage', 'GET', `/v1/${op.body.name}`)).body.done).toBeUndefined();
    expect(
      (await env.call('serviceusage', 'GET', `/v1/projects/${P}/services/dns.googleapis.com`)).body.state,
    ).toBe('DISABLED');

    env.clock.t += 1000;
    const done = await env.call('serviceusage', 'GET', `/v1/${op.body.name}`);
    expect(done.body.done).toBe(true);
    expect(done.body.response.services.map((s: J) => s.state)).toEqual(['ENABLED', 'ENABLED']);
    expect(
      (await env.call('serviceusage', 'GET', `/v1/projects/${P}/services/dns.googleapis.com`)).body.state,
    ).toBe('ENABLED');
    // Enabled, but not usable yet: propagation.
    expect((await env.call('clouddns', 'GET', `/dns/v1/projects/${P}/managedZones`)).status).toBe(403);
    env.clock.t += 5000;
    expect((await env.call('clouddns', 'GET', `/dns/v1/projects/${P}/managedZones`)).status).toBe(200);

    const noop = await env.call('serviceusage', 'POST', `/v1/projects/${P}/services:batchEnable`, {
      serviceIds: ['dns.googleapis.com'],
    });
    expect(noop.body).toMatchObject({ name: 'operations/noop.DONE_OPERATION', done: true });
  });
});

describe('GCP emulator: Resource Manager and IAM', () => {
  let env: Env;
  beforeAll(async () => {
    env = await startEnv({
      gcp: {
        permissions: [
          'compute.instances.create',
          'resourcemanager.projects.getIamPolicy',
          'iam.serviceAccountKeys.get',
        ],
        orgPolicies: {
          disableServiceAccountKeyCreation: true,
          resourceLocations: ['in:us-locations'],
          vmExternalIpAccess: 'deny',
        },
        serviceAccount: { keyAgeDays: 400 },
      },
    });
  });
  afterAll(() => env.stop());

  it('getIamPolicy, testIamPermissions (the subset held) and the project', async () => {
    const policy = await env.call('resourcemanager', 'POST', `/v1/projects/${P}:getIamPolicy`, {});
    expect(policy.body.bindings).toContainEqual({
      role: 'roles/owner',
      members: [
        'serviceAccount:gitspaces-admin@acme-gitspaces.iam.gserviceaccount.com',
        'user:admin@acme.dev',
      ],
    });
    const test = await env.call('resourcemanager', 'POST', `/v1/projects/${P}:testIamPermissions`, {
      permissions: ['compute.instances.create', 'dns.managedZones.create'],
    });
    expect(test.body).toEqual({ permissions: ['compute.instances.create'] });
    const none = await env.call('resourcemanager', 'POST', `/v1/projects/${P}:testIamPermissions`, {
      permissions: ['dns.managedZones.create'],
    });
    expect(none.body).toEqual({});
    expect((await env.call('resourcemanager', 'GET', `/v1/projects/123456789012`)).body).toMatchObject({
      projectId: P,
      projectNumber: '123456789012',
      lifecycleState: 'ACTIVE',
    });
    expect((await env.call('resourcemanager', 'GET', `/v1/projects/someone-else`)).status).toBe(403);
  });

  it('effective org policies, and 403 when they cannot be read', async () => {
    const get = (constraint: string) =>
      env.call('resourcemanager', 'POST', `/v1/projects/${P}:getEffectiveOrgPolicy`, { constraint });
    expect((await get('constraints/iam.disableServiceAccountKeyCreation')).body.booleanPolicy).toEqual({
      enforced: true,
    });
    expect((await get('constraints/compute.requireOsLogin')).body.booleanPolicy).toEqual({});
    expect((await get('constraints/gcp.resourceLocations')).body.listPolicy).toEqual({
      allowedValues: ['in:us-locations'],
    });
    expect((await get('constraints/compute.vmExternalIpAccess')).body.listPolicy).toEqual({
      allValues: 'DENY',
    });
    env.world.scenario.gcp.canReadOrgPolicy = false;
    const denied = await get('constraints/gcp.resourceLocations');
    env.world.scenario.gcp.canReadOrgPolicy = true;
    expect(denied.status).toBe(403);
    expect(denied.body.error.status).toBe('PERMISSION_DENIED');
  });

  it('serviceAccounts.keys.get reports age and expiry; a deleted key is 404', async () => {
    const path = `/v1/projects/${P}/serviceAccounts/${env.gcp.clientEmail}/keys/${env.gcp.keyId}`;
    const key = await env.call('iam', 'GET', path);
    expect(key.status).toBe(200);
    expect(key.body).toMatchObject({
      keyType: 'USER_MANAGED',
      keyAlgorithm: 'KEY_ALG_RSA_2048',
      validBeforeTime: '9999-12-31T23:59:59Z',
    });
    const ageDays = (env.clock.t - Date.parse(key.body.validAfterTime)) / 86_400_000;
    expect(Math.round(ageDays)).toBe(400);
    expect(key.body.disabled).toBeUndefined();
    env.world.scenario.gcp.serviceAccount.keyState = 'disabled';
    expect((await env.call('iam', 'GET', path)).body.disabled).toBe(true);
    env.world.scenario.gcp.serviceAccount.keyState = 'deleted';
    const gone = await env.call('iam', 'GET', path);
    env.world.scenario.gcp.serviceAccount.keyState = 'active';
    expect(gone.status).toBe(404);
    expect(gone.body.error.status).toBe('NOT_FOUND');
  });
});

describe('GCP emulator: Cloud DNS and Certificate Manager', () => {
  let env: Env;
  beforeAll(async () => {
    env = await startEnv({
      gcp: { managedZones: [{ name: 'acme-dev', dnsName: 'acme.dev.' }], operationMs: 100 },
      dns: { delegated: false },
    });
  });
  afterAll(() => env.stop());

  it('creates a zone with Google name servers, pages record sets, applies changes atomically, refuses to delete a non-empty zone', async () => {
    expect(env.gcp.managedZones()).toEqual([
      {
        name: 'acme-dev',
        dnsName: 'acme.dev.',
        nameServers: [
          'ns-cloud-a1.googledomains.com.',
          'ns-cloud-a2.googledomains.com.',
          'ns-cloud-a3.googledomains.com.',
          'ns-cloud-a4.googledomains.com.',
        ],
      },
    ]);
    const created = await env.call('clouddns', 'POST', `/dns/v1/projects/${P}/managedZones`, {
      name: 'gitspaces-acme-dev',
      dnsName: 'gitspaces.acme.dev.',
      description: 'x',
    });
    expect(created.status).toBe(200);
    expect(created.body.nameServers).toEqual([
      'ns-cloud-b1.googledomains.com.',
      'ns-cloud-b2.googledomains.com.',
      'ns-cloud-b3.googledomains.com.',
      'ns-cloud-b4.googledomains.com.',
    ]);
    expect(
      (
        await env.call('clouddns', 'POST', `/dns/v1/projects/${P}/managedZones`, {
          name: 'gitspaces-acme-dev',
          dnsName: 'gitspaces.acme.dev.',
        })
      ).status,
    ).toBe(409);

    const z = `/dns/v1/projects/${P}/managedZones/gitspaces-acme-dev`;
    const change = await env.call('clouddns', 'POST', `${z}/changes`, {
      additions: [
        { name: 'us.gitspaces.acme.dev.', type: 'A', ttl: 300, rrdatas: ['34.120.0.10'] },
        { name: '*.us.gitspaces.acme.dev.', type: 'CNAME', ttl: 300, rrdatas: ['us.gitspaces.acme.dev.'] },
      ],
    });
    expect(change.body).toMatchObject({ kind: 'dns#change', status: 'pending' });
    env.clock.t += 100;
    expect((await env.call('clouddns', 'GET', `${z}/changes/${change.body.id}`)).body.status).toBe('done');
    const conflict = await env.call('clouddns', 'POST', `${z}/changes`, {
      additions: [{ name: 'eu.gitspaces.acme.dev.', type: 'A', ttl: 300, rrdatas: ['34.120.0.11'] }],
      deletions: [{ name: 'us.gitspaces.acme.dev.', type: 'A', ttl: 300, rrdatas: ['1.2.3.4'] }],
    });
    expect(conflict.status).toBe(412);
    expect(env.gcp.recordSets('gitspaces-acme-dev').map((r) => `${r.name} ${r.type}`)).toEqual([
      'gitspaces.acme.dev. NS',
      'gitspaces.acme.dev. SOA',
      'us.gitspaces.acme.dev. A',
      '*.us.gitspaces.acme.dev. CNAME',
    ]);

    const seen: string[] = [];
    let pageToken: string | undefined;
    let pages = 0;
    do {
      const page = await env.call(
        'clouddns',
        'GET',
        `${z}/rrsets?maxResults=3${pageToken ? `&pageToken=${pageToken}` : ''}`,
      );
      seen.push(...page.body.rrsets.map((r: J) => `${r.name} ${r.type}`));
      pageToken = page.body.nextPageToken;
      pages++;
    } while (pageToken);
    expect(pages).toBe(2);
    expect(seen).toHaveLength(4);
    expect((await env.call('clouddns', 'GET', `${z}/rrsets?pageToken=garbage`)).status).toBe(400);

    const del = await env.call('clouddns', 'DELETE', z);
    expect(del.status).toBe(400);
    expect(del.body.error.errors[0].reason).toBe('containerNotEmpty');
  });

  it('a managed certificate stays PROVISIONING until the domain is delegated and the challenge record exists, then turns ACTIVE', async () => {
    const L = `/v1/projects/${P}/locations/us-central1`;
    const authOp = await env.call(
      'certificatemanager',
      'POST',
      `${L}/dnsAuthorizations?dnsAuthorizationId=gs-us-central1-default-wildcard-dns-auth`,
      { domain: 'us.gitspaces.acme.dev' },
    );
    expect(authOp.body.name).toMatch(new RegExp(`^projects/${P}/locations/us-central1/operations/`));
    const auth = (
      await env.call(
        'certificatemanager',
        'GET',
        `${L}/dnsAuthorizations/gs-us-central1-default-wildcard-dns-auth`,
      )
    ).body;
    expect(auth.dnsResourceRecord).toMatchObject({
      name: '_acme-challenge.us.gitspaces.acme.dev.',
      type: 'CNAME',
    });
    const certOp = await env.call(
      'certificatemanager',
      'POST',
      `${L}/certificates?certificateId=gs-us-central1-dns-cert`,
      {
        managed: { domains: ['*.us.gitspaces.acme.dev'], dnsAuthorizations: [auth.name] },
      },
    );
    expect(certOp.body.done).toBeUndefined();
    env.clock.t += 400;
    const opDone = await env.call('certificatemanager', 'GET', `/v1/${certOp.body.name}`);
    expect(opDone.body).toMatchObject({
      done: true,
      response: { '@type': 'type.googleapis.com/google.cloud.certificatemanager.v1.Certificate' },
    });

    const cert = () =>
      env.call('certificatemanager', 'GET', `${L}/certificates/gs-us-central1-dns-cert`).then((r) => r.body);
    let c = await cert();
    expect(c.managed.state).toBe('PROVISIONING');
    expect(c.managed.authorizationAttemptInfo).toEqual([
      {
        domain: '*.us.gitspaces.acme.dev',
        state: 'AUTHORIZING',
        failureReason: 'CONFIG',
        details: expect.stringContaining('not delegated'),
      },
    ]);

    env.world.scenario.dns.delegated = true;
    c = await cert();
    expect(c.managed.state).toBe('PROVISIONING');
    expect(c.managed.authorizationAttemptInfo[0].details).toContain('CNAME');

    const rr = auth.dnsResourceRecord;
    expect(
      (
        await env.call('clouddns', 'POST', `/dns/v1/projects/${P}/managedZones/gitspaces-acme-dev/rrsets`, {
          name: rr.name,
          type: rr.type,
          ttl: 300,
          rrdatas: [rr.data],
        })
      ).status,
    ).toBe(200);
    c = await cert();
    expect(c.managed.state).toBe('ACTIVE');
    expect(env.gcp.certificates().map((x) => (x.managed as J).state)).toEqual(['ACTIVE']);

    const list = await env.call('certificatemanager', 'GET', `${L}/certificates?pageSize=1`);
    expect(list.body.certificates).toHaveLength(1);
    expect(list.body.nextPageToken).toBeUndefined();
    expect(
      (
        await env.call(
          'certificatemanager',
          'DELETE',
          `${L}/dnsAuthorizations/gs-us-central1-default-wildcard-dns-auth`,
        )
      ).status,
    ).toBe(400);
  });
});

describe('GCP emulator: Compute REST as the stand-in module drives it', () => {
  let env: Env;
  beforeAll(async () => {
    env = await startEnv({ gcp: { operationMs: 0 } });
  });
  afterAll(() => env.stop());
  const C = `/compute/v1/projects/${P}`;

  it('honours an explicit address, counts it in the region quota, marks it IN_USE once a forwarding rule uses it, and refuses to delete it then', async () => {
    const ins = await env.call('compute', 'POST', `${C}/regions/us-central1/addresses`, {
      name: 'gs-us-central1-alb-ip',
      address: '34.36.1.10',
      labels: { app: 'gitspaces' },
    });
    expect(ins.body).toMatchObject({ kind: 'compute#operation', operationType: 'insert', status: 'DONE' });
    expect(ins.body.targetLink).toBe(
      `https://www.googleapis.com/compute/v1/projects/${P}/regions/us-central1/addresses/gs-us-central1-alb-ip`,
    );
    const addr = (
      await env.call('compute', 'GET', `${C}/regions/us-central1/addresses/gs-us-central1-alb-ip`)
    ).body;
    expect(addr).toMatchObject({
      address: '34.36.1.10',
      status: 'RESERVED',
      addressType: 'EXTERNAL',
      labels: { app: 'gitspaces' },
    });
    const region = (await env.call('compute', 'GET', `${C}/regions/us-central1`)).body;
    expect(region.quotas.find((q: J) => q.metric === 'STATIC_ADDRESSES')).toEqual({
      metric: 'STATIC_ADDRESSES',
      limit: 8,
      usage: 1,
    });
    expect(
      (
        await env.call('compute', 'POST', `${C}/regions/us-central1/addresses`, {
          name: 'gs-us-central1-alb-ip',
        })
      ).status,
    ).toBe(409);

    await env.call('compute', 'POST', `${C}/regions/us-central1/forwardingRules`, {
      name: 'gs-us-central1-https',
      IPAddress: addr.selfLink,
      portRange: '443',
    });
    expect(
      (await env.call('compute', 'GET', `${C}/regions/us-central1/addresses/gs-us-central1-alb-ip`)).body,
    ).toMatchObject({
      status: 'IN_USE',
      users: [expect.stringContaining('forwardingRules/gs-us-central1-https')],
    });
    const del = await env.call(
      'compute',
      'DELETE',
      `${C}/regions/us-central1/addresses/gs-us-central1-alb-ip`,
    );
    expect(del.status).toBe(400);
    expect(del.body.error.errors[0].reason).toBe('resourceInUseByAnotherResource');
    expect(env.gcp.listResources('forwardingRules')[0]).toMatchObject({ IPAddress: '34.36.1.10' });
  });

  it('creates a regional instance group manager from a template, visible to listResources and aggregatedList', async () => {
    expect(
      (
        await env.call('compute', 'POST', `${C}/regions/us-central1/instanceGroupManagers`, {
          name: 'gs-us-central1-gateway-group-abc',
          instanceTemplate: 'global/instanceTemplates/nope',
          targetSize: 1,
        })
      ).status,
    ).toBe(404);
    await env.call('compute', 'POST', `${C}/global/instanceTemplates`, {
      name: 'gs-gateway-tpl',
      properties: {
        machineType: 'e2-standard-2',
        metadata: { items: [{ key: 'startup-script', value: 'echo gateway' }] },
      },
    });
    const igm = await env.call('compute', 'POST', `${C}/regions/us-central1/instanceGroupManagers`, {
      name: 'gs-us-central1-gateway-group-abc',
      instanceTemplate: 'global/instanceTemplates/gs-gateway-tpl',
      targetSize: 1,
    });
    expect(igm.status).toBe(200);
    expect(
      env.gcp.listResources('instanceGroupManagers').map((r) => [r.name, r.region, r.instanceTemplate]),
    ).toEqual([
      [
        'gs-us-central1-gateway-group-abc',
        `https://www.googleapis.com/compute/v1/projects/${P}/regions/us-central1`,
        `https://www.googleapis.com/compute/v1/projects/${P}/global/instanceTemplates/gs-gateway-tpl`,
      ],
    ]);
    const agg = (await env.call('compute', 'GET', `${C}/aggregated/instanceGroupManagers`)).body;
    expect(agg.items['regions/us-central1'].instanceGroupManagers.map((i: J) => i.name)).toEqual([
      'gs-us-central1-gateway-group-abc',
    ]);
    expect(agg.items['regions/europe-west1'].warning.code).toBe('NO_RESULTS_ON_PAGE');
    expect((await env.call('compute', 'DELETE', `${C}/global/instanceTemplates/gs-gateway-tpl`)).status).toBe(
      400,
    );
    expect(
      (
        await env.call(
          'compute',
          'DELETE',
          `${C}/regions/us-central1/instanceGroupManagers/gs-us-central1-gateway-group-abc`,
        )
      ).status,
    ).toBe(200);
    expect((await env.call('compute', 'DELETE', `${C}/global/instanceTemplates/gs-gateway-tpl`)).status).toBe(
      200,
    );
  });

  it('refuses an overlapping subnetwork and a create the identity may not do', async () => {
    const overlap = await env.call('compute', 'POST', `${C}/regions/europe-west1/subnetworks`, {
      name: 'gs-eu',
      network: 'global/networks/default',
      ipCidrRange: '10.128.8.0/24',
    });
    expect(overlap.status).toBe(400);
    expect(overlap.body.error.message).toContain("conflicts with existing subnetwork 'default'");
    env.world.scenario.gcp.permissions = ['compute.regions.get'];
    const denied = await env.call('compute', 'POST', `${C}/global/firewalls`, { name: 'gs-allow' });
    env.world.scenario.gcp.permissions = 'all';
    expect(denied.status).toBe(403);
    expect(denied.body.error.details[0]).toMatchObject({
      reason: 'IAM_PERMISSION_DENIED',
      metadata: { permission: 'compute.firewalls.create' },
    });
    expect(env.world.journal.mutations('compute').every((e) => !e.path.endsWith('/firewalls'))).toBe(true);
  });
});
