import { createSign, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExternalAccountClient, OAuth2Client } from 'google-auth-library';
import { RegionsClient } from '@google-cloud/compute/build/src/v1/regions_client.js';
import { ImagesClient } from '@google-cloud/compute/build/src/v1/images_client.js';
import { InstancesClient } from '@google-cloud/compute/build/src/v1/instances_client.js';
import { ZoneOperationsClient } from '@google-cloud/compute/build/src/v1/zone_operations_client.js';
import { SubnetworksClient } from '@google-cloud/compute/build/src/v1/subnetworks_client.js';
import { Faults } from '../../sandbox/core/faults.js';
import { Journal } from '../../sandbox/core/journal.js';
import type { Service } from '../../sandbox/core/http.js';
import { DeepPartial, Scenario, loadScenario } from '../../sandbox/scenario.js';
import type { World } from '../../sandbox/world.js';
import { createGcpState, startGcp } from '../../sandbox/gcp/index.js';
import type { GcpWorld } from '../../sandbox/gcp/state.js';

type Boot = { project: string; zone: string; name: string; metadata: Record<string, string> };

interface Env {
  world: World;
  gcp: GcpWorld;
  boots: Boot[];
  services: Service[];
  stop(): Promise<void>;
}

async function startEnv(overrides: DeepPartial<Scenario> = {}): Promise<Env> {
  const scenario = loadScenario(overrides);
  const dir = mkdtempSync(join(tmpdir(), 'gcp-emu-test-'));
  const boots: Boot[] = [];
  const world = {
    scenario,
    journal: new Journal(),
    faults: new Faults([], 1),
    dir,
    urls: {},
    vm: { runners: [], delegates: [], onBoot: (i: Boot) => boots.push(i) },
  } as unknown as World;
  world.gcp = createGcpState(world);
  const services = await startGcp(world);
  return {
    world,
    gcp: world.gcp as GcpWorld,
    boots,
    services,
    async stop() {
      await Promise.all(services.map((s) => s.close()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function signJwt(privateKeyPem: string, kid: string, claims: Record<string, unknown>): string {
  const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const input = `${enc({ alg: 'RS256', typ: 'JWT', kid })}.${enc(claims)}`;
  const sig = createSign('RSA-SHA256').update(input).sign(privateKeyPem).toString('base64url');
  return `${input}.${sig}`;
}

async function tokenRequest(
  env: Env,
  assertion: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${env.world.urls.oauth}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      assertion,
    }).toString(),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** What a client does with the key file the sandbox wrote: sign the assertion, exchange it at the token URL. */
function assertionFromKeyFile(env: Env, overrides: Record<string, unknown> = {}): string {
  const key = JSON.parse(readFileSync(env.gcp.keyFile, 'utf8')) as {
    private_key: string;
    private_key_id: string;
    client_email: string;
  };
  const iat = Math.floor(Date.now() / 1000);
  return signJwt(key.private_key, key.private_key_id, {
    iss: key.client_email,
    scope: 'https://www.googleapis.com/auth/cloud-platform',
    aud: `${env.world.urls.oauth}/token`,
    iat,
    exp: iat + 3600,
    ...overrides,
  });
}

async function authClientFor(env: Env): Promise<OAuth2Client> {
  const { status, body } = await tokenRequest(env, assertionFromKeyFile(env));
  expect(status).toBe(200);
  const client = new OAuth2Client();
  client.setCredentials({
    access_token: body.access_token as string,
    expiry_date: Date.now() + Number(body.expires_in) * 1000,
  });
  return client;
}

function clientOpts(env: Env, authClient: OAuth2Client) {
  const u = new URL(env.world.urls.compute as string);
  return { apiEndpoint: u.hostname, port: Number(u.port), protocol: 'http', authClient };
}

describe('GCP emulator: OAuth2 token endpoint', () => {
  let env: Env;
  beforeAll(async () => {
    env = await startEnv();
  });
  afterAll(() => env.stop());

  it('writes a real-format service-account key and exchanges a JWT signed with it for an access token', async () => {
    const key = JSON.parse(readFileSync(env.gcp.keyFile, 'utf8')) as Record<string, string>;
    expect(key).toMatchObject({
      type: 'service_account',
      project_id: 'acme-gitspaces',
      client_email: env.gcp.clientEmail,
      token_uri: 'https://oauth2.googleapis.com/token',
    });
    expect(key.private_key).toContain('BEGIN PRIVATE KEY');
    expect(key.private_key_id).toMatch(/^[0-9a-f]{40}$/);
    const { status, body } = await tokenRequest(env, assertionFromKeyFile(env));
    expect(status).toBe(200);
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3599 });
    expect(String(body.access_token)).toMatch(/^ya29\./);
  });

  it('rejects a JWT signed with another key as Google does (invalid_grant)', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    const iat = Math.floor(Date.now() / 1000);
    const forged = signJwt(other, env.gcp.keyId, {
      iss: env.gcp.clientEmail,
      scope: 'https://www.googleapis.com/auth/cloud-platform',
      aud: 'https://oauth2.googleapis.com/token',
      iat,
      exp: iat + 3600,
    });
    const res = await tokenRequest(env, forged);
    expect(res).toEqual({
      status: 400,
      body: { error: 'invalid_grant', error_description: 'Invalid JWT Signature.' },
    });
  });

  it('rejects an unknown kid, a wrong audience, and a key that was deleted', async () => {
    const key = JSON.parse(readFileSync(env.gcp.keyFile, 'utf8')) as { private_key: string };
    const iat = Math.floor(Date.now() / 1000);
    const unknownKid = signJwt(key.private_key, 'f'.repeat(40), {
      iss: env.gcp.clientEmail,
      scope: 'x',
      aud: 'https://oauth2.googleapis.com/token',
      iat,
      exp: iat + 3600,
    });
    expect((await tokenRequest(env, unknownKid)).body.error).toBe('invalid_grant');
    const wrongAud = await tokenRequest(env, assertionFromKeyFile(env, { aud: 'https://example.com/token' }));
    expect(wrongAud.body).toMatchObject({ error: 'invalid_grant' });
    expect(String(wrongAud.body.error_description)).toContain('audience');
    env.world.scenario.gcp.serviceAccount.keyState = 'deleted';
    try {
      const res = await tokenRequest(env, assertionFromKeyFile(env));
      expect(res).toEqual({
        status: 400,
        body: { error: 'invalid_grant', error_description: 'Invalid JWT Signature.' },
      });
    } finally {
      env.world.scenario.gcp.serviceAccount.keyState = 'active';
    }
  });

  it('APIs answer 401 UNAUTHENTICATED without a valid bearer token', async () => {
    const none = await fetch(
      `${env.world.urls.compute}/compute/v1/projects/acme-gitspaces/regions/us-central1`,
    );
    expect(none.status).toBe(401);
    expect(((await none.json()) as { error: { status: string } }).error.status).toBe('UNAUTHENTICATED');
    const bogus = await fetch(
      `${env.world.urls.serviceusage}/v1/projects/acme-gitspaces/services/compute.googleapis.com`,
      { headers: { authorization: 'Bearer ya29.not-issued' } },
    );
    expect(bogus.status).toBe(401);
  });

  it('keyless: google-auth-library exchanges the external_account file through STS and generateAccessToken', async () => {
    const json = JSON.parse(readFileSync(env.gcp.externalAccountFile, 'utf8')) as Record<string, unknown>;
    expect(json).toMatchObject({
      type: 'external_account',
      credential_source: { file: env.gcp.subjectTokenFile },
    });
    const client = ExternalAccountClient.fromJSON(json as never);
    expect(client).not.toBeNull();
    const { token } = await (client as NonNullable<typeof client>).getAccessToken();
    expect(token).toMatch(/^ya29\.c\./);
    const res = await fetch(
      `${env.world.urls.compute}/compute/v1/projects/acme-gitspaces/zones/us-central1-a`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    expect(res.status).toBe(200);
    const journal = env.world.journal.entries.map((e) => `${e.service} ${e.method} ${e.path}`);
    expect(journal).toContain('sts POST /v1/token');
    expect(journal).toContain(
      `iamcredentials POST /v1/projects/-/serviceAccounts/${env.gcp.clientEmail}:generateAccessToken`,
    );
  });
});

describe('GCP emulator: Compute through the official @google-cloud/compute client', () => {
  let env: Env;
  let auth: OAuth2Client;
  beforeAll(async () => {
    env = await startEnv({ gcp: { operationMs: 150 } });
    auth = await authClientFor(env);
  });
  afterAll(() => env.stop());

  it('reads a region with its quotas and lists regions page by page', async () => {
    const regions = new RegionsClient(clientOpts(env, auth));
    const [region] = await regions.get({ project: 'acme-gitspaces', region: 'us-central1' });
    expect(region.name).toBe('us-central1');
    const cpus = region.quotas?.find((q) => q.metric === 'CPUS');
    expect(cpus).toMatchObject({ limit: 72, usage: 4 });
    expect(region.zones).toContain(
      'https://www.googleapis.com/compute/v1/projects/acme-gitspaces/zones/us-central1-a',
    );
    const names: string[] = [];
    for await (const r of regions.listAsync({ project: 'acme-gitspaces', maxResults: 1 }))
      names.push(r.name as string);
    expect(names.sort()).toEqual(['europe-west1', 'us-central1']);
    const listCalls = env.world.journal.entries.filter(
      (e) => e.path === '/compute/v1/projects/acme-gitspaces/regions',
    );
    expect(listCalls.length).toBe(2);
    expect(listCalls[1]?.query).toContain('pageToken=');
    await regions.close();
  });

  it('gets an image by family and answers 404 for an unknown family', async () => {
    const images = new ImagesClient(clientOpts(env, auth));
    const [img] = await images.getFromFamily({ project: 'ubuntu-os-cloud', family: 'ubuntu-2204-lts' });
    expect(img.name).toBe('ubuntu-2204-jammy-v20250112');
    expect(img.selfLink).toBe(
      'https://www.googleapis.com/compute/v1/projects/ubuntu-os-cloud/global/images/ubuntu-2204-jammy-v20250112',
    );
    const missing = await fetch(
      `${env.world.urls.compute}/compute/v1/projects/ubuntu-os-cloud/global/images/family/ubuntu-9999-lts`,
      { headers: { authorization: `Bearer ${(await auth.getAccessToken()).token}` } },
    );
    expect(missing.status).toBe(404);
    await images.close();
  });

  it('inserts an instance that boots, updates metadata with the fingerprint, refuses a stale one with 412, and waits operations', async () => {
    const instances = new InstancesClient(clientOpts(env, auth));
    const ops = new ZoneOperationsClient(clientOpts(env, auth));
    const project = 'acme-gitspaces';
    const zone = 'us-central1-a';
    const [insert] = await instances.insert({
      project,
      zone,
      instanceResource: {
        name: 'gs-us-central1-runner-vm',
        machineType: `zones/${zone}/machineTypes/e2-standard-4`,
        labels: { app: 'gitspaces' },
        disks: [
          {
            boot: true,
            autoDelete: true,
            initializeParams: {
              sourceImage: 'projects/ubuntu-os-cloud/global/images/family/ubuntu-2204-lts',
              diskSizeGb: '50',
            },
          },
        ],
        networkInterfaces: [{ network: 'global/networks/default' }],
        metadata: {
          items: [
            { key: 'startup-script', value: '#!/bin/bash\necho hi' },
            { key: 'pool', value: 'v1' },
          ],
        },
      },
    });
    const insertOp = insert.latestResponse as unknown as { name: string; status: string };
    expect(insertOp.status).toBe('RUNNING');
    const [waited] = await ops.wait({ project, zone, operation: insertOp.name });
    expect(waited.status).toBe('DONE');
    expect(env.boots).toEqual([
      {
        project,
        zone,
        name: 'gs-us-central1-runner-vm',
        metadata: { 'startup-script': '#!/bin/bash\necho hi', pool: 'v1' },
      },
    ]);

    const [inst] = await instances.get({ project, zone, instance: 'gs-us-central1-runner-vm' });
    expect(inst.status).toBe('RUNNING');
    expect(inst.labels).toEqual({ app: 'gitspaces' });
    expect(inst.networkInterfaces?.[0]?.networkIP).toMatch(/^10\.128\.0\.\d+$/);
    const fp = inst.metadata?.fingerprint as string;
    const [set] = await instances.setMetadata({
      project,
      zone,
      instance: inst.name as string,
      metadataResource: { fingerprint: fp, items: [{ key: 'pool', value: 'v2' }] },
    });
    const [setDone] = await ops.wait({
      project,
      zone,
      operation: (set.latestResponse as { name: string }).name,
    });
    expect(setDone).toMatchObject({ status: 'DONE', operationType: 'setMetadata' });
    const stale = instances.setMetadata({
      project,
      zone,
      instance: inst.name as string,
      metadataResource: { fingerprint: fp, items: [] },
    });
    await expect(stale).rejects.toThrow(/fingerprint does not match/);
    const last = env.world.journal.entries[env.world.journal.entries.length - 1];
    expect(last).toMatchObject({ status: 412, mutating: false });
    const [after] = await instances.get({ project, zone, instance: inst.name as string });
    expect(after.metadata?.items?.map((i) => [i.key, i.value])).toEqual([['pool', 'v2']]);
    await instances.close();
    await ops.close();
  });

  it('lists subnetworks seeded from the scenario and aggregates them', async () => {
    const subnets = new SubnetworksClient(clientOpts(env, auth));
    const [list] = await subnets.list({ project: 'acme-gitspaces', region: 'us-central1' });
    expect(list.map((s) => [s.name, s.ipCidrRange])).toEqual([['default', '10.128.0.0/20']]);
    const agg: string[] = [];
    for await (const [scope, scoped] of subnets.aggregatedListAsync({ project: 'acme-gitspaces' }))
      for (const s of scoped.subnetworks ?? []) agg.push(`${scope}/${s.name}`);
    expect(agg).toEqual(['regions/us-central1/default']);
    await subnets.close();
  });
});

describe('GCP emulator: metadata server and guest attributes', () => {
  let env: Env;
  let token: string;
  const project = 'acme-gitspaces';
  const zone = 'us-central1-b';
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${env.world.urls.compute}/compute/v1/projects/${project}${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        ...(init.headers as Record<string, string> | undefined),
      },
    });
  const md = (path: string, init: RequestInit = {}) =>
    fetch(`${env.world.urls.metadata}/vm/${project}/${zone}/vm1/computeMetadata/v1/${path}`, {
      ...init,
      headers: { 'metadata-flavor': 'Google', ...(init.headers as Record<string, string> | undefined) },
    });

  beforeAll(async () => {
    env = await startEnv({ gcp: { operationMs: 0 } });
    token = (await tokenRequest(env, assertionFromKeyFile(env))).body.access_token as string;
    const res = await api(`/zones/${zone}/instances`, {
      method: 'POST',
      body: JSON.stringify({
        name: 'vm1',
        machineType: `zones/${zone}/machineTypes/e2-medium`,
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
            { key: 'delegate-token', value: 'tok' },
            { key: 'enable-guest-attributes', value: 'TRUE' },
          ],
        },
      }),
    });
    expect(res.status).toBe(200);
  });
  afterAll(() => env.stop());

  it('serves instance attributes only with Metadata-Flavor: Google', async () => {
    const ok = await md('instance/attributes/delegate-token');
    expect(ok.status).toBe(200);
    expect(ok.headers.get('metadata-flavor')).toBe('Google');
    expect(await ok.text()).toBe('tok');
    const noHeader = await fetch(
      `${env.world.urls.metadata}/vm/${project}/${zone}/vm1/computeMetadata/v1/instance/attributes/delegate-token`,
    );
    expect(noHeader.status).toBe(403);
    expect((await md('instance/attributes/nope')).status).toBe(404);
  });

  it('guest attributes written on the VM are read through instances.getGuestAttributes', async () => {
    expect(
      (await md('instance/guest-attributes/gitspaces/runner', { method: 'PUT', body: 'healthy' })).status,
    ).toBe(200);
    const res = await api(`/zones/${zone}/instances/vm1/getGuestAttributes?queryPath=gitspaces/`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { queryValue: unknown }).queryValue).toEqual({
      items: [{ namespace: 'gitspaces', key: 'runner', value: 'healthy' }],
    });
    expect(env.gcp.guestAttributes(`projects/${project}/zones/${zone}/instances/vm1`)).toEqual({
      'gitspaces/runner': 'healthy',
    });
    expect((await api(`/zones/${zone}/instances/vm1/getGuestAttributes?queryPath=other/`)).status).toBe(404);
  });

  it('a key removed with setMetadata disappears from the metadata server', async () => {
    const inst = (await (await api(`/zones/${zone}/instances/vm1`)).json()) as {
      metadata: { fingerprint: string };
    };
    const res = await api(`/zones/${zone}/instances/vm1/setMetadata`, {
      method: 'POST',
      body: JSON.stringify({
        fingerprint: inst.metadata.fingerprint,
        items: [{ key: 'enable-guest-attributes', value: 'TRUE' }],
      }),
    });
    expect(res.status).toBe(200);
    expect((await md('instance/attributes/delegate-token')).status).toBe(404);
    expect(await (await md('instance/attributes/')).text()).toBe('enable-guest-attributes\n');
  });

  it('refuses to delete a disk still attached, deletes the boot disk with its instance, and keeps state in listResources', async () => {
    const inUse = await api(`/zones/${zone}/disks/vm1`, { method: 'DELETE' });
    expect(inUse.status).toBe(400);
    expect(
      ((await inUse.json()) as { error: { errors: { reason: string }[] } }).error.errors[0]?.reason,
    ).toBe('resourceInUseByAnotherResource');
    expect(env.gcp.listResources('instances').map((i) => i.name)).toEqual(['vm1']);
    expect((await api(`/zones/${zone}/instances/vm1`, { method: 'DELETE' })).status).toBe(200);
    expect(env.gcp.listResources('instances')).toEqual([]);
    expect(env.gcp.listResources('disks')).toEqual([]);
    expect(env.world.journal.mutations('compute').map((e) => `${e.method} ${e.path}`)).toEqual([
      `POST /compute/v1/projects/${project}/zones/${zone}/instances`,
      `POST /compute/v1/projects/${project}/zones/${zone}/instances/vm1/setMetadata`,
      `DELETE /compute/v1/projects/${project}/zones/${zone}/instances/vm1`,
    ]);
  });
});
