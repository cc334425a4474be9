/**
 * The clients against the GCP emulators (sandbox/gcp) on loopback: real JWTs verified by the emulated token
 * endpoint, the official Compute client over http, Google's error shapes.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENDPOINT_ENV } from '../../shared/endpoints.js';
import { ConfigurationError, RemoteError } from '../../shared/errors.js';
import { RecordingLogger } from '../../shared/logger.js';
import { Gcp, createGcp, googleReason, hasRole } from '../../shared/gcp/index.js';
import { Faults } from '../../sandbox/core/faults.js';
import { Journal } from '../../sandbox/core/journal.js';
import type { Service } from '../../sandbox/core/http.js';
import { DeepPartial, Scenario, loadScenario } from '../../sandbox/scenario.js';
import type { World } from '../../sandbox/world.js';
import { createGcpState, startGcp } from '../../sandbox/gcp/index.js';

interface Env {
  world: World;
  env: Record<string, string>;
  boots: { name: string }[];
  stop(): Promise<void>;
}

async function startEnv(overrides: DeepPartial<Scenario> = {}): Promise<Env> {
  const scenario = loadScenario(overrides);
  const dir = mkdtempSync(join(tmpdir(), 'gcp-client-test-'));
  const boots: { name: string }[] = [];
  const world = {
    scenario,
    journal: new Journal(),
    faults: new Faults(scenario.faults, scenario.seed),
    dir,
    urls: {},
    vm: { runners: [], delegates: [], onBoot: (i: { name: string }) => boots.push(i) },
  } as unknown as World;
  world.gcp = createGcpState(world);
  const services: Service[] = await startGcp(world);
  const u = world.urls;
  const env: Record<string, string> = {
    [ENDPOINT_ENV.googleTokenUrl]: `${u.oauth}/token`,
    [ENDPOINT_ENV.serviceUsage]: u.serviceusage as string,
    [ENDPOINT_ENV.resourceManager]: u.resourcemanager as string,
    [ENDPOINT_ENV.iam]: u.iam as string,
    [ENDPOINT_ENV.compute]: u.compute as string,
    [ENDPOINT_ENV.cloudDns]: u.clouddns as string,
    [ENDPOINT_ENV.certificateManager]: u.certificatemanager as string,
    GOOGLE_APPLICATION_CREDENTIALS: world.gcp.keyFile,
  };
  return {
    world,
    env,
    boots,
    async stop() {
      await Promise.all(services.map((s) => s.close()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const project = 'acme-gitspaces';

describe('against the healthy emulated project', () => {
  let e: Env;
  let gcp: Gcp;
  const log = new RecordingLogger();
  beforeAll(async () => {
    e = await startEnv({
      gcp: {
        operationMs: 0,
        enableOperationMs: 0,
        enablePropagationMs: 0,
        managedZones: [{ name: 'gitspaces-acme-dev', dnsName: 'gitspaces.acme.dev.' }],
      },
    });
    gcp = createGcp({ env: e.env, log });
  });
  afterAll(async () => {
    await gcp.close();
    await e.stop();
  });

  test('the key file from GOOGLE_APPLICATION_CREDENTIALS gets a token; the private key is masked', async () => {
    expect(gcp.credentials.kind).toBe('service_account');
    expect(gcp.projectId).toBe(project);
    expect(gcp.tokenSource.identity()).toBe('gitspaces-admin@acme-gitspaces.iam.gserviceaccount.com');
    expect(await gcp.tokenSource.getToken()).toMatch(/\S{10,}/);
    log.info(readFileSync(e.world.gcp.keyFile, 'utf8'));
    for (const line of e.world.gcp.privateKeyPem.split('\n').filter((l) => l && !l.startsWith('-----')))
      expect(log.text()).not.toContain(line);
  });

  test('Service Usage, Resource Manager and IAM', async () => {
    const states = await gcp.serviceUsage.batchGetStates(project, [
      'compute.googleapis.com',
      'dns.googleapis.com',
      'iap.googleapis.com',
    ]);
    expect(Object.fromEntries(states)).toEqual({
      'compute.googleapis.com': 'ENABLED',
      'dns.googleapis.com': 'ENABLED',
      'iap.googleapis.com': 'DISABLED',
    });
    const op = await gcp.serviceUsage.batchEnable(project, ['iap.googleapis.com']);
    await gcp.serviceUsage.waitOperation(op, { deadlineMs: 10_000, intervalMs: 20 });
    expect(await gcp.serviceUsage.getState(project, 'iap.googleapis.com')).toBe('ENABLED');

    const policy = await gcp.resourceManager.getIamPolicy(project);
    expect(
      hasRole(policy, 'roles/owner', 'serviceAccount:gitspaces-admin@acme-gitspaces.iam.gserviceaccount.com'),
    ).toBe(true);
    expect(
      await gcp.resourceManager.testIamPermissions(project, [
        'compute.instances.create',
        'dns.managedZones.create',
      ]),
    ).toEqual(['compute.instances.create', 'dns.managedZones.create']);
    expect(
      await gcp.resourceManager.getEffectiveOrgPolicy(project, 'compute.vmExternalIpAccess'),
    ).toMatchObject({ status: 'ok', listPolicy: { allValues: 'ALLOW' } });
    expect((await gcp.resourceManager.getProject(project)).projectNumber).toBe('123456789012');

    const c = gcp.credentials;
    if (c.kind !== 'service_account') throw new Error('expected a key');
    const key = await gcp.iam.getServiceAccountKey(project, c.clientEmail, c.privateKeyId);
    expect(key?.disabled).toBeFalsy();
    expect(key?.name).toContain(c.privateKeyId);
    expect(
      await gcp.iam.getServiceAccountKey(project, c.clientEmail, 'ffffffffffffffffffffffffffffffffffffffff'),
    ).toBeUndefined();
  });

  test('Cloud DNS and Certificate Manager', async () => {
    expect(await gcp.dns.getManagedZone(project, 'nope-example-com')).toBeUndefined();
    const zone = await gcp.dns.getManagedZone(project, 'gitspaces-acme-dev');
    expect(zone?.dnsName).toBe('gitspaces.acme.dev.');
    expect(zone?.nameServers.length).toBeGreaterThan(0);
    expect((await gcp.dns.listManagedZones(project)).map((z) => z.name)).toEqual(['gitspaces-acme-dev']);
    const types = (await gcp.dns.listRecordSets(project, 'gitspaces-acme-dev')).map((r) => r.type).sort();
    expect(types).toEqual(['NS', 'SOA']);
    expect(await gcp.certs.listCertificates(project, 'us-central1')).toEqual([]);
    expect(await gcp.certs.getCertificate(project, 'us-central1', 'gs-us-central1-dns-cert')).toBeUndefined();
    expect(await gcp.certs.listDnsAuthorizations(project, 'us-central1')).toEqual([]);
  });

  test("Compute through the official client: quotas, images, subnetworks, an instance's metadata, guest attributes, reset, orphan scan", async () => {
    const region = await gcp.compute.getRegion(project, 'us-central1');
    expect(region.quotas).toContainEqual({ metric: 'STATIC_ADDRESSES', limit: 8, usage: 0 });
    expect((await gcp.compute.getZone(project, 'us-central1-b')).name).toBe('us-central1-b');
    expect(
      (await gcp.compute.getImage('projects/ubuntu-os-cloud/global/images/ubuntu-2004-focal-v20250213'))
        ?.name,
    ).toBe('ubuntu-2004-focal-v20250213');
    expect(
      (await gcp.compute.getImage('projects/ubuntu-os-cloud/global/images/family/ubuntu-2204-lts'))?.name,
    ).toBe('ubuntu-2204-jammy-v20250112');
    expect(
      await gcp.compute.getImage('projects/ubuntu-os-cloud/global/images/ubuntu-1804-bionic'),
    ).toBeUndefined();
    expect(await gcp.compute.getImageFromFamily('ubuntu-os-cloud', 'no-such-family')).toBeUndefined();
    expect((await gcp.compute.listSubnetworks(project, 'us-central1')).map((s) => s.ipCidrRange)).toEqual([
      '10.128.0.0/20',
    ]);
    expect((await gcp.compute.listSubnetworks(project)).map((s) => s.name)).toEqual(['default']);

    // an instance, created the way the module's local-exec does (plain REST)
    const zone = 'us-central1-b';
    const insert = await gcp.rest.post<{ name: string }>(
      'compute',
      `/compute/v1/projects/${project}/zones/${zone}/instances`,
      {
        name: 'gs-us-central1-runner-vm',
        machineType: `zones/${zone}/machineTypes/e2-medium`,
        labels: { gitspaces: 'gs' },
        disks: [
          {
            boot: true,
            initializeParams: {
              sourceImage: 'projects/ubuntu-os-cloud/global/images/ubuntu-2204-jammy-v20250112',
            },
          },
        ],
        metadata: {
          items: [
            { key: 'startup-script', value: '#!/bin/bash' },
            { key: 'stale', value: '1' },
          ],
        },
      },
    );
    await gcp.compute.waitZoneOperation(project, zone, insert.name, { intervalMs: 20 });
    const vm = await gcp.compute.getInstance(project, zone, 'gs-us-central1-runner-vm');
    expect(vm?.status).toBe('RUNNING');
    expect(await gcp.compute.getInstance(project, zone, 'nope')).toBeUndefined();

    const op = await gcp.compute.setInstanceMetadata(
      project,
      zone,
      'gs-us-central1-runner-vm',
      [
        { key: 'delegate-token', value: 'tok' },
        { key: 'stale', value: null },
      ],
      { intervalMs: 20 },
    );
    expect(op.status).toBe('DONE');
    const after = await gcp.compute.getInstance(project, zone, 'gs-us-central1-runner-vm');
    expect(after?.metadata?.items?.map((i) => i.key)).toEqual(['startup-script', 'delegate-token']);

    e.world.gcp.setGuestAttribute(
      `projects/${project}/zones/${zone}/instances/gs-us-central1-runner-vm`,
      'gitspaces/runner',
      'healthy',
    );
    expect(
      await gcp.compute.getGuestAttributes(project, zone, 'gs-us-central1-runner-vm', 'gitspaces/'),
    ).toEqual({ 'gitspaces/runner': 'healthy' });
    expect(await gcp.compute.getGuestAttributes(project, zone, 'gs-us-central1-runner-vm', 'other/')).toEqual(
      {},
    );

    const boots = e.boots.length;
    await gcp.compute.resetInstance(project, zone, 'gs-us-central1-runner-vm', { intervalMs: 20 });
    expect(e.boots.length).toBe(boots + 1);

    const found = await gcp.compute.aggregatedList(project, 'instances');
    expect(found.map((i) => `${i.scope} ${i.name} ${i.labels.gitspaces}`)).toEqual([
      `zones/${zone} gs-us-central1-runner-vm gs`,
    ]);
    // regional and global resources the module leaves behind, as the teardown's orphan scan sees them
    const addr = await gcp.rest.post<{ name: string }>(
      'compute',
      `/compute/v1/projects/${project}/regions/us-central1/addresses`,
      {
        name: 'gs-us-central1-alb-ip',
        address: '10.0.0.10',
        addressType: 'INTERNAL',
      },
    );
    await gcp.compute.waitRegionOperation(project, 'us-central1', addr.name, { intervalMs: 20 });
    const net = await gcp.rest.post<{ name: string }>(
      'compute',
      `/compute/v1/projects/${project}/global/networks`,
      {
        name: 'gs-network',
        autoCreateSubnetworks: false,
      },
    );
    await gcp.compute.waitGlobalOperation(project, net.name, { intervalMs: 20 });
    expect(
      (await gcp.compute.aggregatedList(project, 'addresses')).map(
        (a) => `${a.scope} ${a.name} ${String(a.resource.address)}`,
      ),
    ).toEqual(['regions/us-central1 gs-us-central1-alb-ip 10.0.0.10']);
    expect(
      (await gcp.compute.aggregatedList(project, 'networks')).map((n) => `${n.scope} ${n.name}`),
    ).toContain('global gs-network');
  });
});

describe('keyless and refused credentials', () => {
  test('an external_account file (google-github-actions/auth) exchanges at STS and impersonates the service account', async () => {
    const e = await startEnv({ gcp: { operationMs: 0 } });
    try {
      const gcp = createGcp({
        env: { ...e.env, GOOGLE_APPLICATION_CREDENTIALS: e.world.gcp.externalAccountFile },
        log: new RecordingLogger(),
      });
      expect(gcp.credentials.kind).toBe('external_account');
      expect(gcp.tokenSource.identity()).toBe('gitspaces-admin@acme-gitspaces.iam.gserviceaccount.com');
      expect((await gcp.resourceManager.getProject(project)).projectId).toBe(project);
      await gcp.close();
    } finally {
      await e.stop();
    }
  });

  test('a deleted key is AUTH_TOKEN_REJECTED; a disabled API is SERVICE_DISABLED; org policy without permission is unreadable', async () => {
    const e = await startEnv({ gcp: { serviceAccount: { keyState: 'deleted' } } });
    try {
      const gcp = createGcp({ env: e.env, log: new RecordingLogger() });
      const err = (await gcp.tokenSource.getToken().catch((x: unknown) => x)) as ConfigurationError;
      expect(err).toBeInstanceOf(ConfigurationError);
      expect(err.code).toBe('AUTH_TOKEN_REJECTED');
      expect(err.message).toContain('invalid_grant');
    } finally {
      await e.stop();
    }
    const e2 = await startEnv({
      gcp: {
        canReadOrgPolicy: false,
        enabledApis: [
          'cloudresourcemanager.googleapis.com',
          'serviceusage.googleapis.com',
          'iam.googleapis.com',
        ],
      },
    });
    try {
      const gcp = createGcp({ env: e2.env, log: new RecordingLogger() });
      expect(
        await gcp.resourceManager.getEffectiveOrgPolicy(project, 'constraints/compute.requireOsLogin'),
      ).toMatchObject({ status: 'unreadable' });
      const err = (await gcp.dns.getManagedZone(project, 'x').catch((x: unknown) => x)) as RemoteError;
      expect(err).toBeInstanceOf(RemoteError);
      expect(err.status).toBe(403);
      expect(googleReason(err)).toBe('SERVICE_DISABLED');
      const cerr = (await gcp.compute
        .getRegion(project, 'us-central1')
        .catch((x: unknown) => x)) as RemoteError;
      expect(cerr).toBeInstanceOf(RemoteError);
      expect(cerr.status).toBe(403);
      expect(googleReason(cerr)).toBe('SERVICE_DISABLED');
      await gcp.close();
    } finally {
      await e2.stop();
    }
  });
});
