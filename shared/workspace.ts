import { chmodSync, lstatSync, mkdirSync, rmSync, rmdirSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { workspacePathProblem } from './config/rules.js';
import { ConfigurationError } from './errors.js';

/**
 * Where relative paths of gitspaces.yaml and of the `working-directory` input resolve: the workspace.
 * GITSPACES_WORKSPACE when set (the CLI's sandbox mode sets it to the sandbox's directory), else GITHUB_WORKSPACE
 * (the checkout, on a runner), else the current directory (the CLI run from the checkout, like `git`).
 */
export function workspaceRoot(env: NodeJS.ProcessEnv): string {
  return resolve(env.GITSPACES_WORKSPACE || env.GITHUB_WORKSPACE || process.cwd());
}

/**
 * The absolute directory for a working directory of the config or the `working-directory` input: refused
 * (exit 2, the field named) when absolute, under `~` or climbing out with `..`, as check-config refuses it.
 */
export function resolveInWorkspace(path: string, env: NodeJS.ProcessEnv, field: string): string {
  const problem = workspacePathProblem(path);
  const root = workspaceRoot(env);
  const abs = resolve(root, path);
  const rel = relative(root, abs);
  if (problem || rel.startsWith('..') || isAbsolute(rel))
    throw new ConfigurationError(
      'INPUT_INVALID',
      `${field} is ${JSON.stringify(path)}: expected ${problem ?? 'a path inside the workspace'}.`,
      `Use a path relative to the workspace (${root}), e.g. .gitspaces/terraform.`,
    );
  return abs;
}

/**
 * The private directory (mode 0700) for files that hold secrets between steps of one job: the Infra Config YAML
 * (the gateway's shared secret). Under RUNNER_TEMP on a runner, which the runner empties at the start and end of
 * every job and which is the same path in each step; outside GitHub Actions under the OS temp directory, one per
 * user and working directory, so that plan and apply of one checkout find the same file and two checkouts never
 * share one. Returns the path without creating it.
 */
export function privateDirPath(env: NodeJS.ProcessEnv, workdir: string): string {
  if (env.RUNNER_TEMP) return join(resolve(env.RUNNER_TEMP), 'gitspaces');
  const uid = typeof process.getuid === 'function' ? String(process.getuid()) : 'user';
  const tag = createHash('sha256').update(resolve(workdir)).digest('hex').slice(0, 12);
  return join(tmpdir(), `gitspaces-${uid}-${tag}`);
}

/**
 * The Infra Config YAML's default path (configure-infra writes it, terraform-apply and teardown read it), from the
 * config's terraform.working_directory, so that every step of one checkout names the same file.
 */
export function infraConfigDefaultPath(env: NodeJS.ProcessEnv, configWorkingDirectory: string): string {
  return join(
    privateDirPath(env, resolve(workspaceRoot(env), configWorkingDirectory)),
    'gitspaces-infra-config.yaml',
  );
}

/**
 * Creates `dir` with mode 0700 and checks it: a directory, not a symbolic link, owned by this user (another user
 * of a shared /tmp cannot have made it first), then forces the mode back to 0700.
 */
export function ensurePrivateDir(dir: string): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const st = lstatSync(dir);
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  if (!st.isDirectory() || (uid !== undefined && st.uid !== uid))
    throw new ConfigurationError(
      'PRIVATE_DIR_UNSAFE',
      `${dir} is ${st.isSymbolicLink() ? 'a symbolic link' : st.isDirectory() ? `owned by another user (uid ${st.uid})` : 'not a directory'}: secrets are never written there.`,
      `Remove ${dir}, or set RUNNER_TEMP (TMPDIR outside GitHub Actions) to a directory only you can write.`,
    );
  chmodSync(dir, 0o700);
  return dir;
}

/** Writes `text` to `path` (mode 0600) inside a private directory made as above. */
export function writePrivateFile(path: string, text: string, dir: string): void {
  ensurePrivateDir(dir);
  rmSync(path, { force: true });
  writeFileSync(path, text, { mode: 0o600, flag: 'wx' });
  chmodSync(path, 0o600);
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Removes `paths` when `dispose` is called, or when the process is told to stop (the signal is then re-raised
 * when nothing else listens for it, so the process still ends as the signal says); then each of `emptyDirs` that
 * nothing else is left in.
 */
export function removeOnExit(paths: readonly string[], emptyDirs: readonly string[] = []): () => void {
  let done = false;
  const dispose = () => {
    if (done) return;
    done = true;
    for (const s of SIGNALS) process.removeListener(s, onSignal);
    for (const p of paths) rmSync(p, { recursive: true, force: true });
    for (const d of emptyDirs) {
      try {
        rmdirSync(d);
      } catch {
        /* not empty (another stack's file), or already gone */
      }
    }
  };
  function onSignal(signal: NodeJS.Signals): void {
    dispose();
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  }
  for (const s of SIGNALS) process.once(s, onSignal);
  return dispose;
}
