import { main } from '../../actions/create-gitspace/main.js';
import { FakeClock } from '../../shared/clock.js';
import type { GitspacesConfig } from '../../shared/config/schema.js';
import { FakeHarness } from './fake-harness.js';
import { exampleConfig, testIO } from './helpers.js';

/**
 * create-gitspace's `regions` input: only the gitspaces and machines of those regions (a gitspace is in its
 * machine's region). The pipeline runs the action once per region, as soon as that region's gateway is healthy.
 */
const FAST = { 'poll-interval': '50ms', timeout: '1m' };

/** The example config with europe-west1, a machine there and a gitspace on it. */
function twoRegions(): GitspacesConfig {
  const c = exampleConfig();
  c.infrastructure.regions['europe-west1'] = {
    ...(c.infrastructure.regions['us-central1'] as GitspacesConfig['infrastructure']['regions'][string]),
    subdomain: 'euw1',
    default_subnet_ip_range: '10.7.0.0/16',
    proxy_subnet_ip_range: '10.4.0.0/26',
  };
  const m = c.machines[0] as GitspacesConfig['machines'][number];
  c.machines.push({ ...m, name: 'standard-eu', region: 'europe-west1', zone: 'europe-west1-b' });
  const g = c.gitspaces[0] as GitspacesConfig['gitspaces'][number];
  c.gitspaces.push({
    ...g,
    name: 'web-dev',
    repo_url: 'https://github.com/acme/web',
    machine: 'standard-eu',
  });
  return c;
}

describe('create-gitspace regions input', () => {
  test("creates only the named region's machines and gitspaces, then the other region's, with no duplicate", async () => {
    const clock = new FakeClock(1_000);
    const harness = new FakeHarness(clock);
    const config = twoRegions();
    const eu = testIO({ ...FAST, regions: 'europe-west1' }, clock);
    const r = await main(eu.io, { config, harness });
    expect(r.exitCode).toBe(0);
    expect(harness.mutations).toEqual([
      'create-resource standard-eu',
      'create web-dev',
      expect.stringMatching(/^start web-dev-[a-z0-9]{6}$/),
    ]);
    expect(JSON.parse(eu.outputs.gitspaces ?? '[]').map((g: { name: string }) => g.name)).toEqual([
      'web-dev',
    ]);
    expect(eu.summary.join('\n')).toContain('## Gitspaces (create, europe-west1)');

    const us = testIO({ ...FAST, regions: 'us-central1' }, clock);
    await main(us.io, { config, harness });
    expect(harness.mutations.slice(3)).toEqual([
      'create-resource standard',
      'create api-dev',
      expect.stringMatching(/^start api-dev-[a-z0-9]{6}$/),
    ]);
    // Every region at once (no input) finds both and changes nothing.
    const n = harness.mutations.length;
    const all = testIO({ ...FAST }, clock);
    await main(all.io, { config, harness });
    expect(harness.mutations.length).toBe(n);
    expect(JSON.parse(all.outputs.gitspaces ?? '[]').map((g: { result: string }) => g.result)).toEqual([
      'existing',
      'existing',
    ]);
  });

  test('a region the config does not have is refused, naming it and the regions there are; nothing is written', async () => {
    const clock = new FakeClock(1_000);
    const harness = new FakeHarness(clock);
    const t = testIO({ ...FAST, regions: 'us-central1, asia-east9' }, clock);
    await expect(main(t.io, { config: twoRegions(), harness })).rejects.toMatchObject({
      code: 'INPUT_INVALID',
      message: 'Input regions names "asia-east9", not a region of infrastructure.regions',
      fix: 'Use regions of the config (us-central1, europe-west1), or leave regions empty for every region.',
    });
    expect(harness.mutations).toEqual([]);
  });

  test('a gitspace picked by name outside the regions is refused rather than silently left out', async () => {
    const clock = new FakeClock(1_000);
    const harness = new FakeHarness(clock);
    const t = testIO({ ...FAST, regions: 'us-central1', name: 'web-dev' }, clock);
    await expect(main(t.io, { config: twoRegions(), harness })).rejects.toMatchObject({
      code: 'INPUT_INVALID',
      message: 'Gitspace web-dev is in europe-west1, which the regions input (us-central1) leaves out',
    });
    expect(harness.mutations).toEqual([]);
  });
});
