#!/usr/bin/env node
// Generates the README's input and output tables from every action.yml (the source of truth), between
// markers `<!-- action-docs:NAME -->` and `<!-- /action-docs:NAME -->`. `--check` exits 1 when the README is stale.
import { readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export function actionFiles() {
  const out = [{ name: 'pipeline', file: join(root, 'action.yml') }];
  for (const d of readdirSync(join(root, 'actions')).sort()) {
    const f = join(root, 'actions', d, 'action.yml');
    if (existsSync(f)) out.push({ name: d, file: f });
  }
  return out;
}

const esc = (s) =>
  String(s ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, ' ')
    .trim();

export function tablesFor(file) {
  const a = parse(readFileSync(file, 'utf8'));
  const lines = ['| Input | Required | Default | Description |', '|---|---|---|---|'];
  for (const [k, v] of Object.entries(a.inputs ?? {})) {
    const def = v.default === undefined || v.default === '' ? '' : `\`${esc(v.default)}\``;
    lines.push(`| \`${k}\` | ${v.required ? 'yes' : 'no'} | ${def} | ${esc(v.description)} |`);
  }
  lines.push('', '| Output | Description |', '|---|---|');
  for (const [k, v] of Object.entries(a.outputs ?? {})) lines.push(`| \`${k}\` | ${esc(v.description)} |`);
  return lines.join('\n');
}

export function render(readme) {
  let out = readme;
  for (const { name, file } of actionFiles()) {
    const re = new RegExp(`(<!-- action-docs:${name} -->)[\\s\\S]*?(<!-- /action-docs:${name} -->)`);
    if (re.test(out)) out = out.replace(re, `$1\n${tablesFor(file)}\n$2`);
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const path = join(root, 'README.md');
  const current = readFileSync(path, 'utf8');
  const next = render(current);
  const missing = actionFiles().filter(({ name }) => !current.includes(`<!-- action-docs:${name} -->`));
  if (process.argv.includes('--check')) {
    if (next !== current || missing.length) {
      console.error(
        `README.md tables are stale${missing.length ? `; no section for ${missing.map((m) => m.name).join(', ')}` : ''}: run node scripts/readme-tables.mjs`,
      );
      process.exit(1);
    }
  } else {
    writeFileSync(path, next);
  }
}
