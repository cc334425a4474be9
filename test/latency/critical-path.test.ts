import { criticalPath } from '../../shared/latency/critical-path.js';
import { latencyGraph } from '../../sandbox/latency/graph.js';
import { REALISTIC } from '../../sandbox/latency/profile.js';

describe('criticalPath', () => {
  it('is the longest chain, not the sum: parallel branches overlap', () => {
    const r = criticalPath([
      { id: 'preflight', durationMs: 2, after: [] },
      { id: 'zone', durationMs: 1, after: ['preflight'] },
      { id: 'cert', durationMs: 30, after: ['zone'] },
      { id: 'vm', durationMs: 3, after: ['preflight'] },
      { id: 'runner', durationMs: 9, after: ['vm'] },
      { id: 'gateway', durationMs: 4, after: ['runner'] },
      { id: 'gitspace', durationMs: 5, after: ['gateway', 'cert'] },
    ]);
    expect(r.totalMs).toBe(2 + 1 + 30 + 5);
    expect(r.path).toEqual(['preflight', 'zone', 'cert', 'gitspace']);
    expect(r.times.gitspace).toEqual({ startMs: 33, finishMs: 38 });
    expect(r.times.gateway).toEqual({ startMs: 14, finishMs: 18 });
  });

  it('follows the other branch when it becomes the longer one', () => {
    const r = criticalPath([
      { id: 'cert', durationMs: 10, after: [] },
      { id: 'runner', durationMs: 11, after: [] },
      { id: 'gitspace', durationMs: 1, after: ['cert', 'runner'] },
    ]);
    expect(r.totalMs).toBe(12);
    expect(r.path).toEqual(['runner', 'gitspace']);
  });

  it('ends at the latest sink when there are several', () => {
    const r = criticalPath([
      { id: 'a', durationMs: 5, after: [] },
      { id: 'b', durationMs: 7, after: [] },
    ]);
    expect(r).toMatchObject({ totalMs: 7, path: ['b'] });
    expect(criticalPath([]).totalMs).toBe(0);
  });

  it('refuses a cycle, an unknown dependency, a repeated node and a negative duration, naming them', () => {
    expect(() =>
      criticalPath([
        { id: 'a', durationMs: 1, after: ['b'] },
        { id: 'b', durationMs: 1, after: ['a'] },
      ]),
    ).toThrow('Graph has a cycle: a -> b -> a');
    expect(() => criticalPath([{ id: 'a', durationMs: 1, after: ['x'] }])).toThrow(
      'Graph node "a" comes after "x", which is not in the graph',
    );
    expect(() =>
      criticalPath([
        { id: 'a', durationMs: 1, after: [] },
        { id: 'a', durationMs: 2, after: [] },
      ]),
    ).toThrow('Graph node "a" is defined twice');
    expect(() => criticalPath([{ id: 'a', durationMs: -1, after: [] }])).toThrow('duration -1');
  });
});

describe('the cloud graph with the realistic profile', () => {
  it('is bound by the certificate, and the runner, gateway and gitspace wait under it', () => {
    const r = criticalPath(
      latencyGraph({ regions: ['us-central1', 'europe-west1'], timeScale: 0.01, preflightMs: 500 }),
    );
    const t = (f: { value: number }) => f.value * 0.01;
    expect(r.totalMs).toBe(500 + t(REALISTIC.dnsChange) + t(REALISTIC.certificateActive));
    expect(r.path).toEqual([
      'preflight',
      'dns-zone',
      'delegation',
      'certificate:europe-west1',
      'https:europe-west1',
      'ready:europe-west1',
    ]);
    // The runner's chain: VM, startup script, gateway, gitspace, all after the preflight.
    expect(r.times['gitspace:us-central1']?.finishMs).toBe(
      500 +
        Math.max(t(REALISTIC.instanceInsert) + t(REALISTIC.runnerBoot), t(REALISTIC.instanceGroupInsert)) +
        t(REALISTIC.gatewayHealthy) +
        t(REALISTIC.gitspaceStart),
    );
  });

  it("gives each region its own gateway time and critical path: the fast region does not wait for the slow one's gateway", () => {
    const gatewayMs = { 'us-central1': 1800, 'europe-west1': 3000 };
    const nodes = latencyGraph({
      regions: ['us-central1', 'europe-west1'],
      timeScale: 0.01,
      preflightMs: 500,
      gatewayMs,
    });
    const r = criticalPath(nodes);
    const at = (id: string) => r.times[id]?.finishMs as number;
    expect(at('gateway:europe-west1') - at('gateway:us-central1')).toBe(1200);
    expect(at('gitspace:europe-west1') - at('gitspace:us-central1')).toBe(1200);
    // Nothing of one region hangs off the other region's gateway.
    for (const n of nodes.filter((x) => x.id.endsWith(':us-central1')))
      expect(n.after.some((d) => d.endsWith(':europe-west1'))).toBe(false);
  });
});
