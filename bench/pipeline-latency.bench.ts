/**
 * The whole pipeline against the sandbox with the realistic latency profile (sandbox/latency/profile.ts, scaled by
 * BENCH_TIME_SCALE, default 0.1: the run takes about 3 minutes), compared with the least time any pipeline could
 * take: the critical path of the
 * cloud's dependency graph (sandbox/latency/graph.ts) with the same durations, after this run's own preflight
 * (which gates everything). Then the re-run: the same pipeline again with nothing changed, as a ratio to the
 * preflight alone (the validate phase run alone), and the writes it tried (journal `attempted`, the Terraform
 * state lock aside; must be 0). A re-run waits for no long operation, only for requests, so it runs unscaled: each
 * request takes the profile's real round trip (`request`), which is what a user waits for; the same ratio on bare
 * loopback follows, for reference (there Terraform's own CPU, which no round trip dilutes, is all there is).
 *
 * Contract lines (scripts/bench.mjs prints them under the table): `critical-path ratio: X.XX`,
 * `rerun / preflight: X.XX`. Aims: <= 1.15 and <= 3.
 *
 * Why 0.1 and not the scenario's default 0.01: the cloud's waits scale, the sandbox's own fixed costs do not
 * (terraform and its provider processes, Node loading the Google clients: about 20 s before the first resource is
 * created, on a loaded 2-core machine). At 0.01 they weigh 100 times their real share against an 18 s certificate,
 * at 0.1 ten times; README ("Performance") gives both figures.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main as pipeline } from '../actions/pipeline/main.js';
import type { ActionIO } from '../shared/action.js';
import { realClock } from '../shared/clock.js';
import { Inputs, mapInputSource } from '../shared/inputs.js';
import { criticalPath } from '../shared/latency/critical-path.js';
import { RecordingLogger } from '../shared/logger.js';
import { startSandbox } from '../sandbox/index.js';
import { latencyGraph } from '../sandbox/latency/graph.js';
import { REALISTIC } from '../sandbox/latency/profile.js';
import { GATEWAY_REAL_MS, gatewayMsOf, regionFigures, twoRegionConfig } from './regions.js';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  note?: string;
  /** Printed under the table as `<contract>: <value>` (scripts/bench.mjs). */
  contract?: string;
}

function benchIO(values: Record<string, string>, env: NodeJS.ProcessEnv): ActionIO & { failed: string[] } {
  const log = new RecordingLogger();
  const failed: string[] = [];
  return {
    inputs: new Inputs(mapInputSource(values), log),
    log,
    setOutput: () => undefined,
    appendSummary: async () => undefined,
    setFailed: (m) => void failed.push(m),
    env,
    clock: realClock,
    failed,
  };
}

export default async function pipelineLatency(): Promise<Figure[]> {
  const timeScale = Number(process.env.BENCH_TIME_SCALE ?? 0.1);
  // Two regions whose gateways turn healthy at different times (bench/regions.ts): the critical path is per region.
  const sb = await startSandbox({
    scenario: {
      latency: 'realistic',
      timeScale,
      harness: { gatewayHealthyAfterMsByRegion: GATEWAY_REAL_MS },
    },
  });
  const dir = mkdtempSync(join(tmpdir(), 'gitspaces-bench-latency-'));
  try {
    const configPath = join(dir, 'gitspaces.yaml');
    writeFileSync(
      configPath,
      twoRegionConfig(
        readFileSync('examples/gitspaces.yaml', 'utf8').replace(
          'working_directory: .gitspaces/terraform',
          'working_directory: tf',
        ),
      ),
    );
    const env = {
      ...sb.env,
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      RUNNER_TEMP: dir,
      GITHUB_WORKSPACE: dir,
    };
    // The pipeline's own polls scale with the clock too (10 s on a real run).
    const poll = `${Math.max(10, Math.round(10_000 * timeScale))}ms`;
    const inputs = {
      config: configPath,
      'report-path': join(dir, 'preflight.json'),
      'poll-interval': poll,
      'runner-timeout': '10m',
      'delegate-timeout': '10m',
      'gateway-timeout': '10m',
      timeout: '10m',
    };
    const run = async (extra: Record<string, string> = {}) => {
      const io = benchIO({ ...inputs, ...extra }, env);
      const t0 = performance.now();
      const r = await pipeline(io);
      const wall = performance.now() - t0;
      if (r.exitCode) throw new Error(`pipeline failed: ${io.failed.join('; ') || r.phase.summary}`);
      return { r, wall };
    };

    const first = await run();
    const preflightMs = first.r.phases.find((p) => p.name === 'validate')?.durationMs ?? 0;
    const regions = Object.keys(JSON.parse(first.r.outputs['alb-ips'] || '{}') as Record<string, string>);
    const graph = latencyGraph({
      regions,
      timeScale,
      preflightMs,
      gatewayMs: gatewayMsOf(sb.scenario, regions),
    });
    const cp = criticalPath(graph);
    const ratio = first.wall / cp.totalMs;

    // The re-run waits for no long operation, so it runs unscaled: every request takes the profile's real round
    // trip (REALISTIC.request), as on the real services; then again on bare loopback, for what our own code and
    // Terraform cost without the network. (wall at real latency - wall on loopback) / round trip = the round trips
    // waited for one after another.
    const stateLock = (e: { service: string; path: string; query: string }) =>
      e.service === 'storage' && /\.tflock([?&]|$)/.test(decodeURIComponent(e.path + e.query));
    const rerunAt = async (requestMs: number) => {
      sb.faults.baseLatencyMs = requestMs;
      const mark = sb.journal.lastSeq;
      const rerun = await run();
      const tried = sb.journal.since(mark).filter((e) => e.attempted && !stateLock(e));
      const alone = await run({ phases: 'validate' });
      // "One plan": configure (which hands the Infra Config YAML on) and apply, with nothing to change.
      const plan = await run({ phases: 'configure,apply' });
      return { rerun, tried, alone, plan, ratio: rerun.wall / alone.wall };
    };
    const real = await rerunAt(REALISTIC.request.value);
    const bare = await rerunAt(0);
    const serial = (a: number, b: number) => Math.round((a - b) / REALISTIC.request.value);
    const { rerun, tried, alone } = real;
    const phaseLine = (r: typeof first.r) =>
      [...r.phases, ...r.alongside].map((p) => `${p.name} ${(p.durationMs / 1000).toFixed(1)}s`).join(', ');
    return [
      {
        name: `pipeline wall time, realistic profile x${timeScale}`,
        value: Math.round(first.wall),
        unit: 'ms',
        note: phaseLine(first.r),
      },
      {
        name: "critical path (this run's preflight + the cloud's graph)",
        value: Math.round(cp.totalMs),
        unit: 'ms',
        note: cp.path.join(' -> '),
      },
      {
        name: 'pipeline wall / critical path (aim <= 1.15)',
        value: Number(ratio.toFixed(2)),
        unit: 'ratio',
        contract: 'critical-path ratio',
      },
      ...regionFigures(cp, graph, first.r.alongside, first.r.phases[0]?.startedAt ?? 0),
      {
        name: `re-run with no change: wall time, requests at ${REALISTIC.request.value} ms`,
        value: Math.round(rerun.wall),
        unit: 'ms',
        note: `${phaseLine(rerun.r)}; ${tried.length} write(s) tried${tried.length ? `: ${tried.map((e) => `${e.service} ${e.method} ${e.path}`).join(', ')}` : ''}; ~${serial(rerun.wall, bare.rerun.wall)} round trips one after another`,
      },
      {
        name: `preflight alone: wall time, requests at ${REALISTIC.request.value} ms`,
        value: Math.round(alone.wall),
        unit: 'ms',
        note: `~${serial(alone.wall, bare.alone.wall)} round trips one after another`,
      },
      {
        name: 're-run / preflight alone (aim <= 3)',
        value: Number(real.ratio.toFixed(2)),
        unit: 'ratio',
        contract: 'rerun / preflight',
      },
      {
        name: 're-run / (preflight alone + one plan alone)',
        value: Number((rerun.wall / (alone.wall + real.plan.wall)).toFixed(2)),
        unit: 'ratio',
        note: `one plan: the configure and apply phases alone, nothing to change, ${Math.round(real.plan.wall)} ms, ~${serial(real.plan.wall, bare.plan.wall)} round trips one after another; the promise: <= 1`,
      },
      {
        name: 're-run / preflight alone, on loopback (no round trip)',
        value: Number(bare.ratio.toFixed(2)),
        unit: 'ratio',
        note: `${Math.round(bare.rerun.wall)} ms / ${Math.round(bare.alone.wall)} ms; ${bare.tried.length} write(s) tried`,
      },
    ];
  } finally {
    await sb.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
