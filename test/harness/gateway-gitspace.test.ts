import { HarnessClient } from '../../shared/harness/client.js';
import { FakeClock } from '../../shared/clock.js';
import { MACHINE, TestWorld, infraBody, startTestHarness } from './world.js';

const MIG = (name: string) => ({
  name,
  region: 'https://compute.googleapis.com/compute/v1/projects/acme-gitspaces/regions/us-central1',
  selfLink: `https://compute.googleapis.com/compute/v1/projects/acme-gitspaces/regions/us-central1/instanceGroupManagers/${name}`,
});

const runner = {
  instance: 'projects/acme-gitspaces/zones/us-central1-a/instances/gitspaces-us-central1-runner-vm',
  image: 'drone/drone-runner-aws:latest',
  healthy: true,
  poolFile: '/runner/pool.yaml',
};

/** The delegate container as the VM simulation reports it, started with `token` against `managerUrl`. */
function delegateOn(t: TestWorld, token: string, now: number, tags = ['gitspaces'], managerUrl = t.url) {
  return {
    instance: 'projects/acme-gitspaces/zones/us-central1-a/instances/gitspaces-us-central1-runner-vm',
    name: 'gitspaces-delegate',
    image: 'delegate:25.03.85504',
    accountId: t.harness.accountId,
    token,
    tags,
    managerUrl,
    runnerUrl: 'http://vm-runner:3000/',
    startedAt: now,
  };
}

function clientFor(t: TestWorld): HarnessClient {
  return new HarnessClient({
    baseUrl: t.url,
    apiKey: t.harness.apiKey,
    accountId: t.harness.accountId,
    clock: new FakeClock(),
  });
}

describe('gateway health follows the world', () => {
  let t: TestWorld;
  let c: HarnessClient;
  let now = 1_000_000;
  beforeEach(async () => {
    t = await startTestHarness({ harness: { gatewayHealthyAfterMs: 5000 } });
    t.harness.now = () => now;
    c = clientFor(t);
    await c.createInfraProvider(infraBody());
  });
  afterEach(() => t.stop());

  const delegate = (token: string, tags = ['gitspaces'], managerUrl = t.url) =>
    delegateOn(t, token, now, tags, managerUrl);

  it('goes from absent to unhealthy to healthy as the module, runner and delegate come up', async () => {
    expect(await c.listGateways('gitspaces_gcp')).toEqual([]);
    t.gcpResources.instanceGroupManagers = [MIG('gitspaces-us-central1-gateway-group-1a2b3c')];
    let [gw] = await c.listGateways('gitspaces_gcp');
    expect(gw).toMatchObject({
      region: 'us-central1',
      group_name: 'gitspaces-us-central1-gateway-group-1a2b3c',
      health: 'unhealthy',
      envoy_health: 'healthy',
      overall_health: 'unhealthy',
      version: '1.16.0',
    });
    expect(t.harness.gatewayDiagnostics('gitspaces_gcp')['us-central1']).toEqual([
      'no healthy VM runner',
      'no delegate started',
    ]);

    t.vm.runners.push(runner);
    const token = await c.createDelegateToken('gitspaces-delegate-token');
    t.vm.delegates.push(delegate('not-a-token-we-issued'));
    expect((await c.listGateways('gitspaces_gcp'))[0]?.overall_health).toBe('unhealthy');
    expect(t.harness.gatewayDiagnostics('gitspaces_gcp')['us-central1']).toEqual([
      'no delegate connected with a valid token',
    ]);

    t.vm.delegates.splice(0, 1, delegate(token.value as string, ['other-tag']));
    expect(await c.delegateGroupsForToken('gitspaces-delegate-token')).toEqual([
      {
        groupName: 'gitspaces-delegate',
        activelyConnected: true,
        connectivityStatus: 'connected',
        lastHeartBeat: now,
        tags: ['other-tag', 'gitspaces-delegate'],
      },
    ]);
    expect((await c.listGateways('gitspaces_gcp'))[0]?.overall_health).toBe('unhealthy');
    expect(t.harness.gatewayDiagnostics('gitspaces_gcp')['us-central1']?.[0]).toMatch(
      /no connected delegate matches the selectors gitspaces/,
    );

    t.vm.delegates.splice(0, 1, delegate(token.value as string));
    [gw] = await c.listGateways('gitspaces_gcp');
    expect(gw?.overall_health).toBe('unhealthy'); // conditions hold, but the gateway has not reported yet
    now += 4999;
    expect((await c.listGateways('gitspaces_gcp'))[0]?.overall_health).toBe('unhealthy');
    now += 1;
    [gw] = await c.listGateways('gitspaces_gcp');
    expect(gw).toMatchObject({ health: 'healthy', envoy_health: 'healthy', overall_health: 'healthy' });

    // Revoking the token disconnects the delegate: the gateway turns unhealthy again.
    await c.revokeDelegateToken('gitspaces-delegate-token');
    expect((await c.listGateways('gitspaces_gcp'))[0]?.overall_health).toBe('unhealthy');
    expect((await c.delegateGroupsForToken('gitspaces-delegate-token'))[0]?.activelyConnected).toBe(false);
  });

  it('keeps out a delegate whose manager URL is not this Harness, even with a valid token', async () => {
    t.gcpResources.instanceGroupManagers = [MIG('gitspaces-us-central1-gateway-group-1a2b3c')];
    t.vm.runners.push(runner);
    const token = await c.createDelegateToken('gitspaces-delegate-token');
    t.vm.delegates.push(delegate(token.value as string, ['gitspaces'], 'https://app.harness.io'));
    now += 3_600_000;
    expect((await c.listGateways('gitspaces_gcp'))[0]?.overall_health).toBe('unhealthy');
    expect(t.harness.gatewayDiagnostics('gitspaces_gcp')['us-central1']).toEqual([
      `no delegate connected: gitspaces-delegate has manager URL https://app.harness.io, not this Harness (${t.url})`,
    ]);
    expect((await c.delegateGroupsForToken('gitspaces-delegate-token'))[0]?.activelyConnected).toBe(false);

    // The same delegate pointed at this Harness (a trailing slash is the same URL) connects.
    t.vm.delegates.splice(0, 1, delegate(token.value as string, ['gitspaces'], `${t.url}/`));
    expect((await c.delegateGroupsForToken('gitspaces-delegate-token'))[0]?.activelyConnected).toBe(true);
    expect(t.harness.gatewayDiagnostics('gitspaces_gcp')['us-central1']?.[0]).toMatch(
      /^waiting for the gateway/,
    );
    now += 5000;
    expect((await c.listGateways('gitspaces_gcp'))[0]?.overall_health).toBe('healthy');
  });

  it('keeps out a delegate whose token is unknown or revoked, and says so', async () => {
    t.gcpResources.instanceGroupManagers = [MIG('gitspaces-us-central1-gateway-group-1a2b3c')];
    t.vm.runners.push(runner);
    t.vm.delegates.push(delegate('dW5rbm93bi10b2tlbg=='));
    now += 3_600_000;
    expect(t.harness.gatewayDiagnostics('gitspaces_gcp')['us-central1']).toEqual([
      'no delegate connected with a valid token',
    ]);
    const token = await c.createDelegateToken('gitspaces-delegate-token');
    await c.revokeDelegateToken('gitspaces-delegate-token');
    t.vm.delegates.splice(0, 1, delegate(token.value as string));
    now += 3_600_000;
    expect((await c.listGateways('gitspaces_gcp'))[0]?.overall_health).toBe('unhealthy');
    expect(t.harness.gatewayDiagnostics('gitspaces_gcp')['us-central1']).toEqual([
      'no delegate connected with a valid token',
    ]);
    expect(await c.delegateGroupsForToken('gitspaces-delegate-token')).toEqual([
      expect.objectContaining({ activelyConnected: false, connectivityStatus: 'disconnected' }),
    ]);
  });

  it('never becomes healthy when the scenario keeps it stuck', async () => {
    t.world.scenario.harness.gatewayStuckUnhealthy = true;
    t.gcpResources.instanceGroupManagers = [MIG('gitspaces-us-central1-gateway-group-1a2b3c')];
    t.vm.runners.push(runner);
    const token = await c.createDelegateToken('tok');
    t.vm.delegates.push(delegate(token.value as string));
    now += 3_600_000;
    expect((await c.listGateways('gitspaces_gcp'))[0]?.overall_health).toBe('unhealthy');
  });
});

describe('gitspace lifecycle', () => {
  let t: TestWorld;
  let c: HarnessClient;
  let now = 5_000_000;
  let machine: string;
  const create = (name = 'API-Dev') =>
    c.createGitspace('default', 'platform', {
      identifier: name,
      name,
      ide: 'vs_code_web',
      code_repo_type: 'github',
      code_repo_url: 'https://github.com/acme/api',
      branch: 'main',
      infra_provider_config_identifier: 'gitspaces_gcp',
      resource_identifier: machine,
    });

  /** The infra provider and its machine; with `gateway`, the region's gateway up and healthy (module, runner, delegate). */
  async function setup(fails = false, gateway = true) {
    t = await startTestHarness({
      harness: { gitspaceStepMs: 100, gitspaceStartFails: fails, gatewayHealthyAfterMs: 0 },
    });
    t.harness.now = () => now;
    c = clientFor(t);
    await c.createInfraProvider(infraBody());
    machine = (await c.createResources('gitspaces_gcp', [MACHINE]))[0]?.identifier as string;
    if (!gateway) return;
    t.gcpResources.instanceGroupManagers = [MIG('gitspaces-us-central1-gateway-group-1a2b3c')];
    t.vm.runners.push(runner);
    const token = await c.createDelegateToken('gitspaces-delegate-token');
    t.vm.delegates.push(delegateOn(t, token.value as string, now));
    expect((await c.listGateways('gitspaces_gcp'))[0]?.overall_health).toBe('healthy');
  }
  afterEach(() => t.stop());

  it('lower-cases the identifier, appends a suffix and starts uninitialized', async () => {
    await setup();
    const gs = await create();
    expect(gs.identifier).toMatch(/^api-dev-[a-z0-9]{6}$/);
    expect(gs.state).toBe('uninitialized');
    expect(gs.instance ?? null).toBeNull();
    const other = await create();
    expect(other.identifier).not.toBe(gs.identifier);
    await expect(
      c.createGitspace('default', 'platform', {
        identifier: 'x',
        name: 'x',
        ide: 'vs_code',
        code_repo_url: 'u',
        infra_provider_config_identifier: 'gitspaces_gcp',
        resource_identifier: 'nope',
      }),
    ).rejects.toMatchObject({ status: 400 });
    await expect(c.listGitspaces('default', 'nope')).rejects.toMatchObject({ status: 404 });
  });

  it('start -> starting -> running with events, busy actions refused, then stop and delete', async () => {
    await setup();
    const id = (await create()).identifier as string;
    const started = await c.gitspaceAction('default', 'platform', id, 'start');
    expect(started.state).toBe('starting');
    await expect(c.gitspaceAction('default', 'platform', id, 'stop')).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining('Last session for this gitspace is still starting'),
    });
    now += 250;
    expect((await c.getGitspace('default', 'platform', id))?.state).toBe('starting');
    now += 150;
    const running = await c.getGitspace('default', 'platform', id);
    expect(running?.state).toBe('running');
    expect(running?.instance).toMatchObject({
      state: 'running',
      url: expect.stringContaining(`https://${id}.usc1.gitspaces.acme.dev/`),
      ssh_command: expect.stringContaining('usc1.gitspaces.acme.dev'),
      error_message: null,
    });
    const events = (await c.gitspaceEvents('default', 'platform', id)).map((e) => e.event);
    for (const e of [
      'gitspace_action_start',
      'infra_provisioning_start',
      'infra_provisioning_completed',
      'agent_gitspace_creation_start',
      'agent_gitspace_creation_completed',
      'gitspace_action_start_completed',
    ])
      expect(events).toContain(e);

    expect((await c.gitspaceAction('default', 'platform', id, 'stop')).state).toBe('stopping');
    now += 200;
    expect((await c.getGitspace('default', 'platform', id))?.state).toBe('stopped');

    await c.deleteGitspace('default', 'platform', id);
    expect((await c.getGitspace('default', 'platform', id))?.state).toBe('cleaning');
    now += 200;
    expect(await c.getGitspace('default', 'platform', id)).toBeUndefined();
    expect(await c.listGitspaces('default', 'platform')).toEqual([]);
  });

  it('reports error with a message when the start fails', async () => {
    await setup(true);
    const id = (await create()).identifier as string;
    await c.gitspaceAction('default', 'platform', id, 'start');
    now += 400;
    const g = await c.getGitspace('default', 'platform', id);
    expect(g?.state).toBe('error');
    expect(g?.instance?.error_message).toMatch(/Failed to set up the gitspace/);
    expect((await c.gitspaceEvents('default', 'platform', id)).map((e) => e.event)).toContain(
      'gitspace_action_start_failed',
    );
  });

  it('ends in error, as the control plane cannot provision it, when its region has no healthy gateway', async () => {
    await setup(false, false);
    const id = (await create()).identifier as string;
    expect((await c.gitspaceAction('default', 'platform', id, 'start')).state).toBe('starting');
    now += 200;
    const g = await c.getGitspace('default', 'platform', id);
    expect(g?.state).toBe('error');
    expect(g?.instance?.error_message).toBe(
      `cannot trigger provision infrastructure for ID ${machine}: no healthy gateway in region us-central1 for infra provider gitspaces_gcp (no instance group gitspaces-us-central1-gateway-group-* in GCP)`,
    );
    expect((await c.gitspaceEvents('default', 'platform', id)).map((e) => e.event)).toEqual([
      'gitspace_action_start_failed',
      'infra_provisioning_failed',
      'infra_provisioning_start',
      'gitspace_action_start',
    ]);
  });

  it('lists more than one page', async () => {
    await setup();
    for (let i = 0; i < 105; i++)
      t.harness.gitspaces.push({
        org: 'default',
        project: 'platform',
        infraIdentifier: 'gitspaces_gcp',
        deleted: false,
        steps: [],
        config: { identifier: `g-${i}`, name: `g-${i}`, created: now },
      });
    expect(await c.listGitspaces('default', 'platform')).toHaveLength(105);
    expect(
      t.world.journal.entries
        .filter((e) => e.path.endsWith('/gitspaces') && e.method === 'GET')
        .map((e) => new URLSearchParams(e.query).get('page')),
    ).toEqual(['1', '2']);
  });
});

describe('existing infra', () => {
  it('is seeded when the scenario says so, with a YAML pointing at the emulator', async () => {
    const t = await startTestHarness({ harness: { existingInfra: true } });
    try {
      const infra = await clientFor(t).getInfraProvider('gitspaces_gcp');
      expect(infra?.setup_yaml).toContain(`cde_manager_url: ${t.url}/gateway/cde`);
      expect(infra?.metadata).toMatchObject({
        domain: 'gitspaces.acme.dev',
        delegate_selectors: [{ selector: 'gitspaces' }],
      });
    } finally {
      await t.stop();
    }
  });
});
