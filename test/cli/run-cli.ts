/** Runs the `gitspaces` CLI as a child process, the way a user does (from the sources via tsx, or the bundle). */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr together, as a terminal shows them. */
  output: string;
}

let bundled: Promise<string> | undefined;

/**
 * The CLI's current sources bundled into one file with esbuild (~0.3 s, once per test file). Starting it costs
 * about a third of `tsx` transpiling every module on each start, which matters for a test that starts the CLI
 * 70 times; it is still the sources of this tree, not the committed dist/.
 */
export function bundledCli(): Promise<string> {
  bundled ??= (async () => {
    // Two levels under the repository, as dist/cli/index.js is: the sandbox finds its data files (scenarios, the
    // stand-in module, the OpenAPI contract) relative to the module that runs, like it does from dist/.
    const dir = mkdtempSync(join(ROOT, 'node_modules', '.gitspaces-cli-'));
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
    const outfile = join(dir, 'gitspaces.mjs');
    await build({
      stdin: {
        contents:
          "import { cli } from './main.js';\nprocess.exitCode = await cli(process.argv.slice(2));\nsetTimeout(() => process.exit(), 1000).unref();\n",
        resolveDir: join(ROOT, 'cli'),
        loader: 'ts',
        sourcefile: 'cli-entry.ts',
      },
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile,
      logLevel: 'error',
      // CommonJS dependencies call require(): give the ESM bundle one.
      banner: {
        js: "import { createRequire as __gitspacesRequire } from 'node:module'; const require = __gitspacesRequire(import.meta.url);",
      },
    });
    return outfile;
  })();
  return bundled;
}

/**
 * `from`: 'bundle' (default) the esbuild bundle of the sources; 'src' bin/gitspaces.js through tsx; 'dist' bin/gitspaces.js
 * running the committed dist/cli/index.js.
 */
export async function runCli(
  args: string[],
  opts: {
    env?: Record<string, string | undefined>;
    from?: 'bundle' | 'src' | 'dist';
    cwd?: string;
    timeoutMs?: number;
  } = {},
): Promise<CliRun> {
  const from = opts.from ?? 'bundle';
  const entry = from === 'bundle' ? await bundledCli() : join(ROOT, 'bin', 'gitspaces.js');
  return new Promise((res, rej) => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      GITSPACES_CLI_FROM: from === 'dist' ? 'dist' : 'src',
      NO_COLOR: '1',
      ...opts.env,
    };
    for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
    const child = spawn(process.execPath, [entry, ...args], {
      cwd: opts.cwd ?? ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let output = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d;
      output += d;
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d;
      output += d;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 60_000);
    child.on('error', rej);
    child.on('close', (code) => {
      clearTimeout(timer);
      res({ code, stdout, stderr, output });
    });
  });
}

/** Runs tasks with at most `limit` at once (the machines have 2 cores; each CLI run is a node process). */
export async function inBatches<A, B>(
  items: readonly A[],
  limit: number,
  fn: (a: A) => Promise<B>,
): Promise<B[]> {
  const out: B[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i] as A);
      }
    }),
  );
  return out;
}
