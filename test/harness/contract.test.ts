import { parse } from 'yaml';
import { HarnessClient } from '../../shared/harness/client.js';
import { RemoteError } from '../../shared/errors.js';
import { RecordingLogger } from '../../shared/logger.js';
import { FakeClock } from '../../shared/clock.js';
import { MACHINE, TestWorld, infraBody, startTestHarness } from './world.js';

interface SetupYaml {
  gateway: { instances: number; shared_secret: string; vm_image?: unknown; vm_image_name?: string };
  runner: Record<string, unknown>;
  [key: string]: unknown;
}

describe('HarnessClient against the emulator: every call conforms to the OpenAPI contract', () => {
  let t: TestWorld;
  let client: HarnessClient;
  let log: RecordingLogger;
  const called = new Set<string>();
  const INTERNAL = new Set([
    'constructor',
    'request',
    'must',
    'exists',
    'ngQuery',
    'cde',
    'ng',
    'acc',
    'infra',
    'gitspaces',
  ]);
  const rawFetch = (path: string, init: RequestInit & { key?: string } = {}) =>
    fetch(`${t.url}${path}`, {
      ...init,
      headers: {
        'x-api-key': init.key ?? t.harness.apiKey,
        'content-type': 'application/json',
        ...(init.headers as Record<string, string>),
      },
    });

  beforeAll(async () => {
    t = await startTestHarness();
    log = new RecordingLogger();
    const real = new HarnessClient({
      baseUrl: t.url,
      apiKey: t.harness.apiKey,
      accountId: t.harness.accountId,
      log,
      clock: new FakeClock(),
    });
    // Records which public methods the test calls, so a new client method without a contract check fails below.
    client = new Proxy(real, {
      get(target, prop, receiver) {
        const v: unknown = Reflect.get(target, prop, receiver);
        if (typeof v !== 'function') return v;
        called.add(String(prop));
        return (v as (...a: unknown[]) => unknown).bind(target);
      },
    });
  });
  afterAll(() => t.stop());

  it('sends every client call through the validator with zero contract violations', async () => {
    const org = 'default';
    const project = 'platform';
    expect(await client.listInfraProviders()).toEqual([]);
    expect(await client.getInfraProvider('gitspaces_gcp')).toBeUndefined();
    const created = await client.createInfraProvider(infraBody());
    expect(created.identifier).toBe('gitspaces_gcp');
    const setup = parse(created.setup_yaml as string) as SetupYaml;
    expect(setup).toMatchObject({
      name: 'gitspaces',
      domain: 'gitspaces.acme.dev',
      account_identifier: t.harness.accountId,
      infra_provider_config_identifier: 'gitspaces_gcp',
      project: { id: 'acme-gitspaces', service_account: 'gitspaces-sa' },
      gateway: {
        instances: 1,
        machine_type: 'e2-standard-2',
        vm_image_name: 'projects/ubuntu-os-cloud/global/images/family/ubuntu-2204-lts',
        version: '1.16.0',
      },
      runner: { region: 'us-central1', zone: 'us-central1-a' },
      region_configs: {
        'us-central1': {
          region_name: 'us-central1',
          default_subnet_ip_range: '10.6.0.0/16',
          proxy_subnet_ip_range: '10.3.0.0/26',
          certificates: { contents: [{ domain: 'usc1.gitspaces.acme.dev' }] },
        },
      },
    });
    expect(setup.gateway.shared_secret).toMatch(/^[0-9a-f]{48}$/);
    const body = infraBody();
    const updated = await client.updateInfraProvider('gitspaces_gcp', {
      ...body,
      metadata: { ...body.metadata, gateway: { ...body.metadata.gateway, instances: 2 } },
    });
    const setup2 = parse(updated.setup_yaml as string) as SetupYaml;
    expect(setup2.gateway.instances).toBe(2);
    expect(setup2.gateway.shared_secret).toBe(setup.gateway.shared_secret);
    expect((await client.getInfraProvider('gitspaces_gcp'))?.metadata).toMatchObject({
      domain: 'gitspaces.acme.dev',
    });
    expect(await client.listInfraProviders()).toHaveLength(1);
    expect(await client.listGateways('gitspaces_gcp')).toEqual([]);
    const machines = await client.createResources('gitspaces_gcp', [MACHINE]);
    expect(machines).toHaveLength(1);
    expect(machines[0]?.identifier).toMatch(/^standard-[a-z0-9]{6}$/);
    expect(await client.listResources('gitspaces_gcp')).toHaveLength(1);
    const gs = await client.createGitspace(org, project, {
      identifier: 'api-dev',
      name: 'api-dev',
      space_ref: `${t.harness.accountId}/${org}/${project}`,
      ide: 'vs_code_web',
      code_repo_type: 'github',
      code_repo_url: 'https://github.com/acme/api',
      branch: 'main',
      infra_provider_config_identifier: 'gitspaces_gcp',
      resource_identifier: machines[0]?.identifier as string,
      resource_space_ref: t.harness.accountId,
    });
    const id = gs.identifier as string;
    expect(await client.listGitspaces(org, project)).toHaveLength(1);
    expect((await client.getGitspace(org, project, id))?.state).toBe('uninitialized');
    expect(await client.getGitspace(org, project, 'nope-123456')).toBeUndefined();
    expect((await client.gitspaceAction(org, project, id, 'start')).state).toBe('starting');
    expect((await client.gitspaceEvents(org, project, id)).map((e) => e.event)).toContain(
      'gitspace_action_start',
    );
    await client.deleteGitspace(org, project, id);
    expect(await client.getOrganization(org)).toBe(true);
    expect(await client.getOrganization('nope')).toBe(false);
    expect(await client.getProject(org, project)).toBe(true);
    expect(await client.getProject(org, 'nope')).toBe(false);
    expect(await client.listDelegateTokens('gitspaces-delegate-token')).toEqual([]);
    const token = await client.createDelegateToken('gitspaces-delegate-token');
    expect(token.value).toBeTruthy();
    log.info(`token is ${token.value}`);
    expect(log.text()).not.toContain(token.value as string);
    expect(await client.listDelegateTokens('gitspaces-delegate-token')).toEqual([
      expect.objectContaining({ name: 'gitspaces-delegate-token', status: 'ACTIVE' }),
    ]);
    // Read back by name (the key may edit delegates): the same value, masked as it arrives.
    expect(await client.getDelegateToken('gitspaces-delegate-token')).toMatchObject({ value: token.value });
    expect(await client.getDelegateToken('gitspaces-delegate')).toBeUndefined();
    expect(await client.delegateGroupsForToken('gitspaces-delegate-token')).toEqual([]);
    expect((await client.revokeDelegateToken('gitspaces-delegate-token')).status).toBe('REVOKED');
    // Tear down: the gitspace disappears once deletion completes.
    t.harness.now = () => Date.now() + 60_000;
    await client.deleteResource('gitspaces_gcp', machines[0]?.identifier as string);
    await client.deleteInfraProvider('gitspaces_gcp');
    t.harness.now = () => Date.now();
    expect(await client.listInfraProviders()).toEqual([]);

    const harnessCalls = t.world.journal.entries.filter((e) => e.service === 'harness');
    expect(harnessCalls.length).toBeGreaterThan(25);
    expect(t.world.journal.contractViolations()).toEqual([]);
    expect(harnessCalls.every((e) => e.query.includes(`routingId=${t.harness.accountId}`))).toBe(true);
    const publicMethods = Object.getOwnPropertyNames(HarnessClient.prototype).filter((n) => !INTERNAL.has(n));
    expect(publicMethods.filter((n) => !called.has(n))).toEqual([]);
  });

  it('rejects a gitspace create without infra_provider_config_identifier with 400 and records it', async () => {
    const res = await rawFetch(
      `/gateway/cde/api/v1/accounts/${t.harness.accountId}/orgs/default/projects/platform/gitspaces`,
      {
        method: 'POST',
        body: JSON.stringify({
          identifier: 'x',
          name: 'x',
          ide: 'vs_code_web',
          code_repo_url: 'https://github.com/acme/api',
          resource_identifier: 'r',
        }),
      },
    );
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toContain('infra_provider_config_identifier');
    const last = t.world.journal.entries.at(-1);
    expect(last?.contractViolation).toContain('infra_provider_config_identifier');
    expect(last?.mutating).toBe(false);
  });

  it('rejects machine metadata that is not a string, and the old {delete_bug} path', async () => {
    await client.createInfraProvider(infraBody({ identifier: 'second' }));
    const res = await rawFetch(
      `/gateway/cde/api/v1/accounts/${t.harness.accountId}/infraproviders/second/resources`,
      {
        method: 'POST',
        body: JSON.stringify([{ ...MACHINE, metadata: { ...MACHINE.metadata, boot_disk_size: 50 } }]),
      },
    );
    expect(res.status).toBe(400);
    expect(t.world.journal.entries.at(-1)?.contractViolation).toMatch(/boot_disk_size must be string/);
    const res2 = await rawFetch(
      `/gateway/cde/api/v1/accounts/${t.harness.accountId}/infraproviders/second/second`,
      { method: 'DELETE' },
    );
    expect(res2.status).toBe(404);
    expect(t.world.journal.entries.at(-1)?.contractViolation).toMatch(/no such operation/);
    const res3 = await rawFetch(
      `/gateway/cde/api/v1/accounts/${t.harness.accountId}/orgs/default/projects/platform/gitspaces?page=first`,
    );
    expect(res3.status).toBe(400);
    expect(t.world.journal.entries.at(-1)?.contractViolation).toMatch(/page: expected an integer/);
    expect(t.world.journal.contractViolations()).toHaveLength(4);
  });

  it('answers 401 for a wrong key and surfaces Harness messages as RemoteError', async () => {
    const res = await rawFetch(`/gateway/cde/api/v1/accounts/${t.harness.accountId}/infraproviders`, {
      key: 'pat.wrong',
    });
    expect(res.status).toBe(401);
    const bad = new HarnessClient({
      baseUrl: t.url,
      apiKey: 'pat.wrong',
      accountId: t.harness.accountId,
      clock: new FakeClock(),
    });
    await expect(bad.listInfraProviders()).rejects.toMatchObject({ name: 'RemoteError', status: 401 });
    const err = await client
      .createInfraProvider(infraBody({ identifier: 'second' }))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RemoteError);
    expect((err as RemoteError).message).toContain('already exists');
  });

  it('refuses to change identifier, project or domain on PUT', async () => {
    const body = infraBody({ identifier: 'second' });
    await expect(
      client.updateInfraProvider('second', {
        ...body,
        metadata: { ...body.metadata, domain: 'other.acme.dev' },
      }),
    ).rejects.toMatchObject({ status: 400, message: expect.stringContaining('domain cannot be changed') });
    await expect(
      client.updateInfraProvider('second', {
        ...body,
        metadata: { ...body.metadata, project: { id: 'other-project' } },
      }),
    ).rejects.toMatchObject({ status: 400 });
    await expect(
      client.updateInfraProvider('second', { ...body, identifier: 'third' }),
    ).rejects.toMatchObject({ status: 400 });
  });
});

describe('scenario switches', () => {
  it('project-scoped keys get 403 on account-level infra providers; hybrid off refuses hybrid_vm_gcp', async () => {
    const t = await startTestHarness({ harness: { keyScope: 'project' } });
    const c = new HarnessClient({
      baseUrl: t.url,
      apiKey: t.harness.apiKey,
      accountId: t.harness.accountId,
      clock: new FakeClock(),
    });
    await expect(c.listInfraProviders()).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining('cde_infraprovider_view'),
    });
    expect(await c.getProject('default', 'platform')).toBe(true);
    // Harness returns a token's value on GET only to a key that may edit delegates: not this one.
    await c.createDelegateToken('gitspaces-delegate-token');
    const listed = await c.getDelegateToken('gitspaces-delegate-token');
    expect(listed).toMatchObject({ name: 'gitspaces-delegate-token', status: 'ACTIVE' });
    expect(listed?.value).toBeUndefined();
    await t.stop();
    const t2 = await startTestHarness({ harness: { hybridEnabled: false } });
    const c2 = new HarnessClient({
      baseUrl: t2.url,
      apiKey: t2.harness.apiKey,
      accountId: t2.harness.accountId,
      clock: new FakeClock(),
    });
    await expect(c2.createInfraProvider(infraBody())).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining('hybrid_vm_gcp is not enabled'),
    });
    await t2.stop();
    const t3 = await startTestHarness({ harness: { keyScope: 'invalid' } });
    const c3 = new HarnessClient({
      baseUrl: t3.url,
      apiKey: t3.harness.apiKey,
      accountId: t3.harness.accountId,
      clock: new FakeClock(),
    });
    await expect(c3.listInfraProviders()).rejects.toMatchObject({ status: 401 });
    await t3.stop();
  });

  it("emits v0.0.3 keys when the scenario says so, with the Debian gateway image of Harness's sample YAML and no whitelist", async () => {
    const t = await startTestHarness({ harness: { setupYamlGeneration: 'v0.0.3' } });
    const c = new HarnessClient({
      baseUrl: t.url,
      apiKey: t.harness.apiKey,
      accountId: t.harness.accountId,
      clock: new FakeClock(),
    });
    const body = infraBody();
    (body.metadata as { gateway: Record<string, unknown> }).gateway.whitelist_ip_ranges = ['203.0.113.0/24'];
    const y = parse((await c.createInfraProvider(body)).setup_yaml as string) as SetupYaml & {
      gateway: { whitelist_ip_ranges?: unknown };
    };
    // developer-hub gitspace-infra-ui-gcp.md's sample: vm_image {family: debian-11, project: debian-cloud}.
    expect(y.gateway.vm_image).toEqual({ family: 'debian-11', project: 'debian-cloud' });
    // The metadata's whitelist does not reach the YAML: the UI never sends one (GcpInfraDetails.tsx).
    expect(y.gateway.whitelist_ip_ranges).toBeUndefined();
    expect(y.gateway.vm_image_name).toBeUndefined();
    expect(y.runner).toEqual({ vm_image: 'projects/ubuntu-os-cloud/global/images/family/ubuntu-2204-lts' });
    await t.stop();
  });
});

describe('retries', () => {
  it('retries a GET on 503 and a POST on 429, but not a POST on 503', async () => {
    const t = await startTestHarness({
      faults: [{ service: 'harness', route: '/infraproviders$', rate: 1, kind: '5xx', status: 503 }],
    });
    const clock = new FakeClock();
    const c = new HarnessClient({
      baseUrl: t.url,
      apiKey: t.harness.apiKey,
      accountId: t.harness.accountId,
      clock,
      retry: { attempts: 3 },
    });
    await expect(c.listInfraProviders()).rejects.toMatchObject({ status: 503 });
    expect(t.world.journal.entries.filter((e) => e.method === 'GET')).toHaveLength(3);
    await expect(c.createInfraProvider(infraBody())).rejects.toMatchObject({ status: 503 });
    expect(t.world.journal.entries.filter((e) => e.method === 'POST')).toHaveLength(1);
    t.world.faults.rules = [
      {
        service: 'harness',
        route: '/infraproviders$',
        method: 'POST',
        rate: 1,
        kind: '429',
        retryAfterSeconds: 7,
      },
    ];
    await expect(c.createInfraProvider(infraBody())).rejects.toMatchObject({ status: 429 });
    expect(t.world.journal.entries.filter((e) => e.method === 'POST')).toHaveLength(4);
    expect(clock.sleeps.slice(-2).every((ms) => ms >= 7000)).toBe(true);
    await t.stop();
  });
});
