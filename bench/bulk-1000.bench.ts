/**
 * 1,000 gitspaces over 3 regions created, then deleted, by the create-gitspace action in a child process
 * (bench/bulk-worker.ts), against the sandbox's Harness emulator with Harness's per-API-key rate limit
 * (sandbox/harness/rate-limit.ts: 1000 requests per window, 429 without Retry-After). The window is Harness's
 * minute scaled by BENCH_RATE_SCALE (default 0.25: 15 s), so the run takes a minute, not four.
 *
 * Figures: the share of the limit used (requests served in the windows the run filled completely / the most the
 * limit serves in them), duplicates (creates the server accepted beyond one per name; gitspaces left after the
 * delete), and the worker's peak RSS for 250 and for 1,000 gitspaces (flat means it does not grow with the
 * count). Contract lines: `bulk-1000 rate-limit share: X.XX`, `bulk-1000 peak RSS MiB: N`.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main as configureInfra } from '../actions/configure-infra/main.js';
import { realClock } from '../shared/clock.js';
import { Inputs, mapInputSource } from '../shared/inputs.js';
import { nullLogger } from '../shared/logger.js';
import type { HarnessModel } from '../sandbox/harness/model.js';
import { startSandbox } from '../sandbox/index.js';
import { writeBulkConfig } from '../sandbox/scenarios/bulk.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export interface Figure {
  name: string;
  value: number;
  unit: string;
  note?: string;
  contract?: string;
  contractDigits?: number;
}

function runWorker(
  env: NodeJS.ProcessEnv,
  config: string,
): Promise<{ maxRssKiB: number; times: Record<string, number> }> {
  return new Promise((res, rej) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'bulk-worker.ts')], {
      cwd: ROOT,
      env: { ...env, BULK_CONFIG: config },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', rej);
    child.on('exit', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      try {
        const parsed = JSON.parse(last) as {
          error?: string;
          maxRssKiB: number;
          times: Record<string, number>;
        };
        if (code || parsed.error) rej(new Error(`bulk worker: ${parsed.error ?? `exit ${code}`}`));
        else res(parsed);
      } catch {
        rej(new Error(`bulk worker exited ${code}: ${out.slice(-500)}`));
      }
    });
  });
}

export default async function bulk1000(): Promise<Figure[]> {
  const scale = Number(process.env.BENCH_RATE_SCALE ?? 0.25);
  const limit = { requests: 1000, windowMs: Math.round(60_000 * scale) };
  const sb = await startSandbox({ scenario: { harness: { rateLimit: limit } } });
  const dir = mkdtempSync(join(tmpdir(), 'gitspaces-bench-bulk-'));
  try {
    const env: NodeJS.ProcessEnv = {
      ...sb.env,
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      RUNNER_TEMP: dir,
      GITHUB_WORKSPACE: dir,
    };
    const small = writeBulkConfig(sb.scenario, 250, dir);
    const large = writeBulkConfig(sb.scenario, 1000, dir);
    // The infra provider and its regions, as configure-infra makes them (the machines come with the creates).
    const io = {
      inputs: new Inputs(mapInputSource({ config: large }), nullLogger),
      log: nullLogger,
      setOutput: () => undefined,
      appendSummary: async () => undefined,
      setFailed: (m: string) => {
        throw new Error(`configure-infra: ${m}`);
      },
      env,
      clock: realClock,
    };
    await configureInfra(io);
    const m = sb.world.harness as HarnessModel;
    const limiter = m.rateLimiter as NonNullable<HarnessModel['rateLimiter']>;
    const created = () =>
      sb.journal.entries.filter(
        (e) =>
          e.service === 'harness' && e.method === 'POST' && /\/gitspaces$/.test(e.path) && e.status < 300,
      );

    const rss250 = (await runWorker(env, small)).maxRssKiB / 1024;
    const before = created().length;
    const windowAt = (t: number) => Math.floor((t - (limiter.origin ?? t)) / limit.windowMs);
    const t0 = Date.now();
    const big = await runWorker(env, large);
    const t1 = Date.now();
    const posts = created().slice(before);
    const names = new Set(
      posts.map((e) => String((e.requestBody as { name?: string } | undefined)?.name ?? e.seq)),
    );
    await new Promise((r) => setTimeout(r, 3 * sb.scenario.harness.gitspaceStepMs));
    const left = m.gitspaces.filter((g) => !g.deleted).length;
    if (names.size !== 1000 || left)
      throw new Error(
        `expected 1000 gitspaces created and none left, got ${names.size} created and ${left} left`,
      );
    // The windows the 1,000 run filled from start to end (not the first, which it entered part-way).
    const first = windowAt(t0) + 1;
    const last = windowAt(t1) - 1;
    let served = 0;
    for (let w = first; w <= last; w++) served += limiter.served[w] ?? 0;
    const windows = Math.max(0, last - first + 1);
    const share = windows ? served / (limit.requests * windows) : NaN;
    const refused = limiter.refused.reduce((a, b) => a + b, 0);
    // Over the whole run, partial windows included (the run starts and ends part-way through one).
    const inRun = sb.journal.entries.filter(
      (e) => e.service === 'harness' && e.time >= t0 && e.time <= t1 && e.status !== 429,
    ).length;
    const overall = inRun / ((limit.requests * (t1 - t0)) / limit.windowMs);
    const rss1000 = big.maxRssKiB / 1024;
    return [
      {
        name: 'bulk 1000 over 3 regions: requests served / rate limit (complete windows)',
        value: Number(share.toFixed(3)),
        unit: 'fraction of limit',
        note: `${limit.requests} req per ${limit.windowMs / 1000} s per key (Harness: per minute, x${scale}); ${windows} complete window(s); create ${((big.times.create ?? 0) / 1000) | 0} s, delete ${((big.times.delete ?? 0) / 1000) | 0} s; ${refused} answered 429; over the whole run, partial windows included: ${overall.toFixed(2)}`,
        contract: 'bulk-1000 rate-limit share',
      },
      {
        name: 'bulk 1000: duplicates (creates the server accepted beyond one per name)',
        value: posts.length - names.size,
        unit: 'count',
        note: `${posts.length} creates accepted, ${names.size} distinct; ${left} left after the delete`,
      },
      {
        name: 'bulk worker peak RSS, 1000 gitspaces',
        value: Math.round(rss1000),
        unit: 'MiB',
        note: `250 gitspaces: ${Math.round(rss250)} MiB (x${(rss1000 / rss250).toFixed(2)} for 4x the gitspaces); aim <= 300`,
        contract: 'bulk-1000 peak RSS MiB',
        contractDigits: 0,
      },
    ];
  } finally {
    await sb.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
