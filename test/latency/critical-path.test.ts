import { criticalPath } from '../../shared/latency/critical-path.js';

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
