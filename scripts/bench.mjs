#!/usr/bin/env node
/**
 * npm run bench: runs every bench/*.bench.ts (each default-exports `async () => [{name, value, unit, note?}]`)
 * in this one process (TypeScript through tsx) and prints one table. Benchmarks are figures, never tests.
 * `npm run bench <part>` runs only the files whose name contains <part> (e.g. `npm run bench pipeline-latency`).
 * A figure with `contract: '<label>'` is also printed under the table as the line `<label>: <value>`, with
 * `contractDigits` decimals (default 2): the lines checks read (e.g. `critical-path ratio: 1.08`).
 */
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv[2];
const files = readdirSync(join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only)))
  .sort();

const rows = [];
for (const f of files) {
  process.stderr.write(`bench: ${f} ...\n`);
  const mod = await import(pathToFileURL(join(root, 'bench', f)).href);
  const figures = await mod.default();
  for (const x of figures) rows.push({ bench: f.replace(/\.bench\.ts$/, ''), ...x });
}

const cols = [
  ['bench', (r) => r.bench],
  ['figure', (r) => r.name],
  ['value', (r) => String(r.value)],
  ['unit', (r) => r.unit],
  ['note', (r) => r.note ?? ''],
];
const widths = cols.map(([h, f]) => Math.max(h.length, ...rows.map((r) => f(r).length)));
const line = (cells) =>
  cells
    .map((c, i) => (i === 2 ? c.padStart(widths[i]) : c.padEnd(widths[i])))
    .join('  ')
    .trimEnd();
console.log(line(cols.map(([h]) => h)));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const r of rows) console.log(line(cols.map(([, f]) => f(r))));
const contracts = rows.filter((r) => r.contract);
if (contracts.length) console.log('');
for (const r of contracts) console.log(`${r.contract}: ${Number(r.value).toFixed(r.contractDigits ?? 2)}`);
