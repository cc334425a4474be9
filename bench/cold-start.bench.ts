/**
 * Cold start of each bundle: `node dist/<action>/index.js` with a required input missing (no config file), the
 * median of N runs, as a ratio to `node -e 0` and to the anchor, all measured in the same run and interleaved (so
 * load affects them alike). The anchor is the published bundle of google-github-actions/auth (ncc, @actions/core),
 * run with no inputs, which also stops at once on a missing input: `node scripts/fetch-anchor.mjs` puts it in
 * node_modules/.cache/anchor/, BENCH_ANCHOR=<file> names another. Without it the table says the anchor is missing.
 * BENCH_RUNS (default 7) sets N; BENCH_DIST measures another build (`node scripts/build.mjs --out /tmp/d`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ACTION_NAMES } from '../actions/registry.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_ANCHOR = join(
  ROOT,
  'node_modules',
  '.cache',
  'anchor',
  'google-github-actions-auth',
  'dist',
  'main',
  'index.js',
);

export interface Figure {
  name: string;
  value: number;
  unit: string;
  note?: string;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

export default async function coldStart(): Promise<Figure[]> {
  const runs = Number(process.env.BENCH_RUNS ?? 7);
  const dist = resolve(process.env.BENCH_DIST ?? join(ROOT, 'dist'));
  const anchorFile = resolve(process.env.BENCH_ANCHOR ?? DEFAULT_ANCHOR);
  const anchor = existsSync(anchorFile) ? anchorFile : undefined;
  const cwd = mkdtempSync(join(tmpdir(), 'gitspaces-bench-'));
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(INPUT_|GITHUB_|RUNNER_)/.test(k)) env[k] = v;
  const time = (args: string[]): number => {
    const t0 = process.hrtime.bigint();
    spawnSync(process.execPath, args, { cwd, env, stdio: 'ignore' });
    return Number(process.hrtime.bigint() - t0) / 1e6;
  };
  const bundles = ACTION_NAMES.filter((a) => existsSync(join(dist, a, 'index.js')));
  const base: number[] = [];
  const anchorMs: number[] = [];
  const samples = new Map<string, number[]>(bundles.map((b) => [b, []]));
  time(['-e', '0']); // warm the file cache
  if (anchor) time([anchor]);
  for (let i = 0; i < runs; i++) {
    base.push(time(['-e', '0']));
    if (anchor) anchorMs.push(time([anchor]));
    for (const b of bundles) samples.get(b)?.push(time([join(dist, b, 'index.js')]));
  }
  rmSync(cwd, { recursive: true, force: true });
  const baseline = median(base);
  const anchorMedian = anchor ? median(anchorMs) : undefined;
  const figures: Figure[] = [
    {
      name: 'cold start: node -e 0 (baseline)',
      value: Math.round(baseline),
      unit: 'ms',
      note: `median of ${runs}`,
    },
    anchorMedian === undefined
      ? {
          name: 'cold start: anchor google-github-actions/auth',
          value: 0,
          unit: 'missing',
          note: `no anchor at ${anchorFile}: node scripts/fetch-anchor.mjs puts it there`,
        }
      : {
          name: 'cold start: anchor google-github-actions/auth',
          value: Number((anchorMedian / baseline).toFixed(2)),
          unit: 'x node -e 0',
          note: `${Math.round(anchorMedian)} ms median of ${runs}`,
        },
  ];
  for (const b of bundles) {
    const m = median(samples.get(b) as number[]);
    figures.push({
      name: `cold start: ${b}`,
      value: Number((m / baseline).toFixed(2)),
      unit: 'x node -e 0',
      note: `${Math.round(m)} ms median of ${runs}${anchorMedian === undefined ? '' : `; ${(m / anchorMedian).toFixed(2)}x the anchor`}`,
    });
  }
  return figures;
}
