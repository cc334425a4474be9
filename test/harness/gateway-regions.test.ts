import { HarnessClient } from '../../shared/harness/client.js';
import { FakeClock } from '../../shared/clock.js';
import { gatewayDelayMs, loadScenario } from '../../sandbox/scenario.js';
import { REALISTIC, scaled } from '../../sandbox/latency/profile.js';
import { TestWorld, infraBody, startTestHarness } from './world.js';
import type { DeepPartial, Scenario } from '../../sandbox/scenario.js';

/**
 * Each region's gateway is its own managed instance group whose VMs boot and heartbeat to Harness on their own:
 * the emulator turns each region's gateway healthy on that region's schedule, and can keep one region stuck.
 */
const REGIONS = ['us-central1', 'europe-west1'];

const MIG = (region: string) => ({
  name: `gitspaces-${region}-gateway-group-1a2b3c`,
  region: `https://compute.googleapis.com/compute/v1/projects/acme-gitspaces/regions/${region}`,
});

function twoRegionInfra() {
  const base = infraBody();
  const regionConfigs: Record<string, unknown> = {};
  for (const [i, r] of REGIONS.entries())
    regionConfigs[r] = {
      region_name: r,
      default_subnet_ip_range: `10.${6 + i}.0.0/16`,
      proxy_subnet_ip_range: `10.${3 + i}.0.0/26`,
      certificates: { contents: [{ domain: `r${i}.gitspaces.acme.dev` }] },
    };
  return { ...base, metadata: { ...base.metadata, region_configs: regionConfigs } };
}

describe('gateways per region', () => {
  let t: TestWorld;
  let c: HarnessClient;
  let now = 2_000_000;

  async function upWith(harness: DeepPartial<Scenario['harness']>) {
    t = await startTestHarness({ harness });
    t.harness.now = () => now;
    c = new HarnessClient({
      baseUrl: t.url,
      apiKey: t.harness.apiKey,
      accountId: t.harness.accountId,
      clock: new FakeClock(),
    });
    await c.createInfraProvider(twoRegionInfra());
    t.gcpResources.instanceGroupManagers = REGIONS.map(MIG);
    t.vm.runners.push({
      instance: 'projects/acme-gitspaces/zones/us-central1-a/instances/gitspaces-us-central1-runner-vm',
      image: 'drone/drone-runner-aws:latest',
      healthy: true,
      poolFile: '/runner/pool.yaml',
    });
    const token = await c.createDelegateToken('gitspaces-delegate-token');
    t.vm.delegates.push({
      instance: 'projects/acme-gitspaces/zones/us-central1-a/instances/gitspaces-us-central1-runner-vm',
      name: 'gitspaces-delegate',
      image: 'delegate:25.03.85504',
      accountId: t.harness.accountId,
      token: token.value as string,
      tags: ['gitspaces'],
      managerUrl: t.url,
      runnerUrl: 'http://vm-runner:3000/',
      startedAt: now,
    });
  }
  afterEach(() => t?.stop());

  const health = async () =>
    Object.fromEntries((await c.listGateways('gitspaces_gcp')).map((g) => [g.region, g.overall_health]));

  it("turns each region's gateway healthy on that region's own delay", async () => {
    await upWith({ gatewayHealthyAfterMs: 1000, gatewayHealthyAfterMsByRegion: { 'europe-west1': 5000 } });
    const t0 = now;
    expect(await health()).toEqual({ 'us-central1': 'unhealthy', 'europe-west1': 'unhealthy' });
    expect(t.harness.gatewayHealthyAt('gitspaces_gcp')).toEqual({
      'us-central1': t0 + 1000,
      'europe-west1': t0 + 5000,
    });
    now += 1000;
    expect(await health()).toEqual({ 'us-central1': 'healthy', 'europe-west1': 'unhealthy' });
    expect(t.harness.gatewayDiagnostics('gitspaces_gcp')['europe-west1']).toEqual([
      'waiting for the gateway to report (4000 ms)',
    ]);
    now += 4000;
    expect(await health()).toEqual({ 'us-central1': 'healthy', 'europe-west1': 'healthy' });
  });

  it('keeps only the listed regions stuck; true still keeps every region stuck', async () => {
    await upWith({ gatewayHealthyAfterMs: 100, gatewayStuckUnhealthy: ['europe-west1'] });
    expect(await health()).toEqual({ 'us-central1': 'unhealthy', 'europe-west1': 'unhealthy' });
    now += 100;
    expect(await health()).toEqual({ 'us-central1': 'healthy', 'europe-west1': 'unhealthy' });
    expect(t.harness.gatewayDiagnostics('gitspaces_gcp')['europe-west1']).toEqual([
      'gateway stuck unhealthy (scenario)',
    ]);
    expect(Object.keys(t.harness.gatewayHealthyAt('gitspaces_gcp'))).toEqual(['us-central1']);
    t.world.scenario.harness.gatewayStuckUnhealthy = true;
    now += 3_600_000;
    expect(await health()).toEqual({ 'us-central1': 'unhealthy', 'europe-west1': 'unhealthy' });
  });

  it('scales the per-region delays with the realistic profile, and refuses a region the world does not have', () => {
    const s = loadScenario({
      latency: 'realistic',
      timeScale: 0.01,
      harness: { gatewayHealthyAfterMsByRegion: { 'europe-west1': 300_000 } },
    });
    expect(gatewayDelayMs(s, 'europe-west1')).toBe(3000);
    expect(gatewayDelayMs(s, 'us-central1')).toBe(scaled(REALISTIC.gatewayHealthy.value, 0.01));
    // Without the profile, the figure is the sandbox's own milliseconds.
    expect(
      gatewayDelayMs(
        loadScenario({ harness: { gatewayHealthyAfterMsByRegion: { 'europe-west1': 700 } } }),
        'europe-west1',
      ),
    ).toBe(700);
    expect(() => loadScenario({ harness: { gatewayStuckUnhealthy: ['europe-west9'] } })).toThrow(
      'Scenario harness.gatewayStuckUnhealthy: "europe-west9" is not a region of the world; use one of gcp.regions (us-central1, europe-west1)',
    );
    expect(() => loadScenario({ harness: { gatewayHealthyAfterMsByRegion: { 'us-central1': -1 } } })).toThrow(
      'harness.gatewayHealthyAfterMsByRegion.us-central1: -1 is not a duration',
    );
  });
});
