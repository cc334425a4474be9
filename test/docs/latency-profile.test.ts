import { readFileSync } from 'node:fs';
import { REALISTIC, latencyOverrides, scaled } from '../../sandbox/latency/profile.js';
import { loadScenario } from '../../sandbox/scenario.js';
import { Faults } from '../../sandbox/core/faults.js';

const fmt = (ms: number) => (ms >= 60_000 ? `${ms / 60_000} min` : `${ms / 1000} s`);

describe('the latency profile', () => {
  it('is documented in docs/sandbox.md with the values and sources the code uses', () => {
    const doc = readFileSync('docs/sandbox.md', 'utf8');
    for (const [key, f] of Object.entries(REALISTIC)) {
      const row = doc.split('\n').find((l) => l.startsWith(`| \`${key}\` |`));
      expect(row).toBeDefined();
      expect(row).toContain(
        `| ${fmt(f.value)} | ${fmt(f.range[0])} to ${fmt(f.range[1])} | ${scaled(f.value, 0.01)} ms |`,
      );
      expect(f.value).toBeGreaterThanOrEqual(f.range[0]);
      expect(f.value).toBeLessThanOrEqual(f.range[1]);
    }
  });

  it("sets the emulators' durations from `latency: realistic`, scaled, with the scenario's own fields winning", () => {
    const s = loadScenario({ latency: 'realistic', timeScale: 0.02, harness: { gitspaceStepMs: 7 } });
    expect(s.gcp.certificates.activeAfterMs).toBe(REALISTIC.certificateActive.value * 0.02);
    expect(s.gcp.operationMsByCollection?.instances).toBe(REALISTIC.instanceInsert.value * 0.02);
    expect(s.harness.gatewayHealthyAfterMs).toBe(REALISTIC.gatewayHealthy.value * 0.02);
    expect(s.vm.bootMs).toBe(REALISTIC.runnerBoot.value * 0.02);
    expect(s.requestLatencyMs).toBe(REALISTIC.request.value * 0.02);
    expect(s.harness.gitspaceStepMs).toBe(7);
    expect(loadScenario('realistic').gcp.certificates.activeAfterMs).toBe(
      latencyOverrides(0.01).gcp.certificates.activeAfterMs,
    );
    expect(loadScenario({}).gcp.operationMsByCollection).toBeUndefined();
    expect(loadScenario({}).requestLatencyMs).toBe(0);
    expect(() => loadScenario({ latency: 'realistic', timeScale: 2 })).toThrow(
      'Scenario timeScale: 2 is not a factor in (0, 1]; use e.g. timeScale: 0.01',
    );
    expect(() => loadScenario({ latency: 'fast' as never })).toThrow(
      'Scenario latency: "fast" is not a profile; use latency: realistic',
    );
  });
});

describe("the profile's request round trip", () => {
  it('delays every request of every service, and an error a rule injects comes after it', () => {
    const f = new Faults(
      [{ service: 'compute', route: '/zones/', rate: 1, kind: '5xx', status: 503 }],
      1,
      40,
    );
    expect(f.decide('harness', 'GET', '/gateway/api/v1/accounts')).toEqual({
      kind: 'latency',
      rate: 1,
      latencyMs: 40,
    });
    expect(f.decide('dns', 'QUERY', 'example.com. NS')?.latencyMs).toBe(40);
    expect(f.decide('compute', 'GET', '/compute/v1/projects/p/zones/z/instances/i')).toMatchObject({
      kind: '5xx',
      status: 503,
      latencyMs: 40,
    });
    f.baseLatencyMs = 0;
    expect(f.decide('harness', 'GET', '/gateway/api/v1/accounts')).toBeUndefined();
  });
});
