/**
 * Cold start of each bundle: `node dist/<action>/index.js` with a required input missing (no config file), the
 * median of N runs, as a ratio to `node -e 0` measured in the same run (interleaved, so load affects both alike).
 * BENCH_RUNS (default 7) sets N; BENCH_DIST measures another build (e.g. `node scripts/build.mjs --layout per-action --out /tmp/d`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ACTIONS = [
  'validate-prereqs',
  'configure-infra',
  'terraform-apply',
  'install-runner',
  'create-gitspace',
  'teardown',
  'pipeline',
];

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
  const cwd = mkdtempSync(join(tmpdir(), 'gitspaces-bench-'));
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(INPUT_|GITHUB_)/.test(k)) env[k] = v;
  const time = (args: string[]): number => {
    const t0 = process.hrtime.bigint();
    spawnSync(process.execPath, args, { cwd, env, stdio: 'ignore' });
    return Number(process.hrtime.bigint() - t0) / 1e6;
  };
  const bundles = ACTIONS.filter((a) => existsSync(join(dist, a, 'index.js')));
  const base: number[] = [];
  const samples = new Map<string, number[]>(bundles.map((b) => [b, []]));
  time(['-e', '0']); // warm the file cache
  for (let i = 0; i < runs; i++) {
    base.push(time(['-e', '0']));
    for (const b of bundles) samples.get(b)?.push(time([join(dist, b, 'index.js')]));
  }
  rmSync(cwd, { recursive: true, force: true });
  const baseline = median(base);
  const figures: Figure[] = [
    {
      name: 'cold start: node -e 0 (baseline)',
      value: Math.round(baseline),
      unit: 'ms',
      note: `median of ${runs}`,
    },
  ];
  for (const b of bundles) {
    const m = median(samples.get(b) as number[]);
    figures.push({
      name: `cold start: ${b}`,
      value: Number((m / baseline).toFixed(2)),
      unit: 'x node -e 0',
      note: `${Math.round(m)} ms median of ${runs}`,
    });
  }
  return figures;
}
