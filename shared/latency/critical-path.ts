/**
 * The critical path of a dependency graph: each node takes its duration and starts once every node it comes after
 * has finished, with unlimited parallelism otherwise. The longest chain is the least time any schedule of the
 * graph can take: the lower bound the pipeline's wall time is compared with (bench/pipeline-latency.bench.ts).
 */

export interface PathNode {
  id: string;
  durationMs: number;
  /** Nodes that must finish before this one starts. */
  after: readonly string[];
}

export interface CriticalPath {
  /** Earliest finish of the whole graph: the length of its longest chain. */
  totalMs: number;
  /** The longest chain, first node first (ties: the first dependency listed, the last node listed). */
  path: string[];
  /** Earliest start and finish of every node. */
  times: Record<string, { startMs: number; finishMs: number }>;
}

/** Earliest start/finish of every node and the longest chain. Throws on an unknown dependency or a cycle. */
export function criticalPath(nodes: readonly PathNode[]): CriticalPath {
  const byId = new Map<string, PathNode>();
  for (const n of nodes) {
    if (byId.has(n.id)) throw new Error(`Graph node "${n.id}" is defined twice`);
    if (!(n.durationMs >= 0))
      throw new Error(`Graph node "${n.id}" has duration ${n.durationMs}: use ms >= 0`);
    byId.set(n.id, n);
  }
  for (const n of nodes)
    for (const d of n.after)
      if (!byId.has(d)) throw new Error(`Graph node "${n.id}" comes after "${d}", which is not in the graph`);

  const times: CriticalPath['times'] = {};
  const via = new Map<string, string | undefined>();
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, trail: string[]): number => {
    const seen = state.get(id);
    if (seen === 'done') return (times[id] as { finishMs: number }).finishMs;
    if (seen === 'visiting') throw new Error(`Graph has a cycle: ${[...trail, id].join(' -> ')}`);
    state.set(id, 'visiting');
    const n = byId.get(id) as PathNode;
    let startMs = 0;
    let from: string | undefined;
    for (const d of n.after) {
      const f = visit(d, [...trail, id]);
      if (from === undefined || f > startMs) {
        from = d;
        startMs = f;
      }
    }
    times[id] = { startMs, finishMs: startMs + n.durationMs };
    via.set(id, from);
    state.set(id, 'done');
    return startMs + n.durationMs;
  };
  let last: string | undefined;
  let totalMs = 0;
  for (const n of nodes) {
    const f = visit(n.id, []);
    // The last node listed among those that finish last: the graph's sink rather than a step on the way to it.
    if (last === undefined || f >= totalMs) {
      last = n.id;
      totalMs = f;
    }
  }
  const path: string[] = [];
  for (let at = last; at !== undefined; at = via.get(at)) path.unshift(at);
  return { totalMs, path, times };
}
