#!/usr/bin/env node
/**
 * Puts the cold-start anchor where `npm run bench` looks for it: the published bundle of google-github-actions/auth
 * (a well-known action built with ncc, like ours), `dist/main/index.js` at tag v3.0.0, in
 * node_modules/.cache/anchor/google-github-actions-auth/ (next to a package.json saying it is CommonJS, as its own
 * repository's is).
 *
 *   node scripts/fetch-anchor.mjs                      # download it from GitHub (needs the network)
 *   node scripts/fetch-anchor.mjs --git-dir DIR        # take it from a local clone or mirror of the repository
 *   node scripts/fetch-anchor.mjs --ref v3.0.0         # another tag or commit
 *
 * The bench then runs `node <anchor>/dist/main/index.js` with no inputs: it stops at once on its missing
 * credentials input, which is what our entries are measured doing (a required input missing). BENCH_ANCHOR=<file>
 * points the bench at another anchor bundle.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const ANCHOR_DIR = join(root, 'node_modules', '.cache', 'anchor', 'google-github-actions-auth');
const REPO = 'google-github-actions/auth';
const FILE = 'dist/main/index.js';

const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
};
const ref = flag('--ref') ?? 'v3.0.0';
const gitDir = flag('--git-dir');

let text;
let commit = ref;
if (gitDir) {
  const git = (...a) =>
    execFileSync('git', [`--git-dir=${gitDir}`, ...a], { encoding: 'utf8', maxBuffer: 64e6 });
  commit = git('rev-parse', `${ref}^{commit}`).trim();
  text = git('show', `${commit}:${FILE}`);
} else {
  const url = `https://raw.githubusercontent.com/${REPO}/${ref}/${FILE}`;
  const res = await fetch(url);
  if (!res.ok)
    throw new Error(`fetch-anchor: ${url} answered ${res.status}; try --git-dir with a local clone`);
  text = await res.text();
}
mkdirSync(join(ANCHOR_DIR, 'dist', 'main'), { recursive: true });
writeFileSync(join(ANCHOR_DIR, FILE), text);
writeFileSync(join(ANCHOR_DIR, 'package.json'), `${JSON.stringify({ type: 'commonjs' })}\n`);
writeFileSync(
  join(ANCHOR_DIR, 'SOURCE'),
  `${REPO} ${FILE} at ${ref} (${commit}), ${text.length} bytes, by scripts/fetch-anchor.mjs\n`,
);
process.stderr.write(`fetch-anchor: ${REPO} ${FILE} at ${ref} -> ${join(ANCHOR_DIR, FILE)}\n`);
