/**
 * Preflight wall time with 250 ms of injected latency on every call (every HTTP emulator and the DNS server), as a
 * ratio to its slowest single check, measured in one run:
 *   1. a warm-up preflight (loads the Compute client once, like the first run on a runner);
 *   2. the measured preflight: all checks, concurrently (the wall time);
 *   3. each check alone, in a fresh context (its own token, its own calls): the slowest of these.
 * Steps 2 and 3 repeat BENCH_RUNS times (default 5); the figures are medians.
 * A ratio near 1 means the checks overlap fully and no check waits for another's round-trips; N (the number of
 * checks that call out) would mean they ran one after another. Aim: <= 1.3.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PREFLIGHT_CHECKS, createPreflightContext, runChecks, runPreflight } from '../shared/checks/index.js';
import { nullLogger } from '../shared/logger.js';
import { startSandbox } from '../sandbox/index.js';
import { loadScenario } from '../sandbox/scenario.js';
import { writeScenarioConfig } from '../sandbox/scenarios/config.js';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  note?: string;
}

const LATENCY_MS = 250;

export default async function preflightBench(): Promise<Figure[]> {
  const overrides = { faults: [{ kind: 'latency' as const, rate: 1, latencyMs: LATENCY_MS }] };
  const sb = await startSandbox({ scenario: overrides });
  const dir = mkdtempSync(join(tmpdir(), 'gitspaces-bench-preflight-'));
  try {
    const configPath = writeScenarioConfig(loadScenario(overrides), dir);
    const env = { PATH: process.env.PATH, HOME: dir, ...sb.env };
    const opts = { configPath, env, log: nullLogger, harnessApiKey: sb.secrets.harnessApiKey };
    await runPreflight(opts); // warm-up
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
    const runs = Number(process.env.BENCH_RUNS ?? 5);
    // Both figures include building the context (config, credentials, clients), so they compare alike; each is
    // the median of BENCH_RUNS runs (default 5), interleaved so that machine load affects both alike.
    const walls: number[] = [];
    const aloneRuns = new Map<string, number[]>();
    let checks: Awaited<ReturnType<typeof runPreflight>>['checks'] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      checks = (await runPreflight(opts)).checks;
      walls.push(performance.now() - t0);
      for (const def of PREFLIGHT_CHECKS) {
        const t1 = performance.now();
        const ctx = await createPreflightContext(opts);
        await runChecks([def], ctx);
        aloneRuns.set(def.id, [...(aloneRuns.get(def.id) ?? []), performance.now() - t1]);
        if (ctx.gcp.ok) await ctx.gcp.gcp.close();
      }
    }
    const wall = median(walls);
    const alone = [...aloneRuns].map(([id, ms]) => ({ id, ms: median(ms) }));
    const slowest = alone.reduce((a, b) => (b.ms > a.ms ? b : a));
    const sum = alone.reduce((a, b) => a + b.ms, 0);
    const inRun = checks.reduce((a, b) => (b.durationMs > a.durationMs ? b : a));
    return [
      {
        name: `preflight wall time (${checks.length} checks, ${LATENCY_MS} ms latency per call)`,
        value: Math.round(wall),
        unit: 'ms',
        note: `median of ${runs}`,
      },
      {
        name: 'slowest single check, run alone',
        value: Math.round(slowest.ms),
        unit: 'ms',
        note: slowest.id,
      },
      {
        name: 'preflight wall / slowest single check (aim <= 1.3)',
        value: Number((wall / slowest.ms).toFixed(2)),
        unit: 'ratio',
      },
      {
        name: 'sum of the checks run alone / wall (concurrency gained)',
        value: Number((sum / wall).toFixed(1)),
        unit: 'x',
      },
      {
        name: 'longest check inside the concurrent run',
        value: inRun.durationMs,
        unit: 'ms',
        note: inRun.id,
      },
    ];
  } finally {
    await sb.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
