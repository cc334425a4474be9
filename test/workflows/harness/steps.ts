/**
 * The steps of a job, each run as the GitHub runner runs it: `uses:` a local action (its action.yml's runs.main
 * under Node 24, inputs as INPUT_* with the action's defaults), the third-party actions our workflows use
 * (actions/checkout, hashicorp/setup-terraform, google-github-actions/auth: what they leave behind, done here), and
 * `run:` (bash -e). After each step the harness reads GITHUB_OUTPUT, GITHUB_ENV and GITHUB_PATH as the runner does.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { bundleNode, inputEnvName, parseCommandFile } from '../../dist/run-bundle.js';
import type { Permissions } from './github-token.js';

export interface JobDirs {
  root: string;
  workspace: string;
  temp: string;
  tools: string;
  home: string;
  files: {
    GITHUB_OUTPUT: string;
    GITHUB_ENV: string;
    GITHUB_PATH: string;
    GITHUB_STEP_SUMMARY: string;
    GITHUB_STATE: string;
  };
}

/** What the job gives its steps, and what the test chose for this run. */
export interface StepHost {
  dirs: JobDirs;
  permissions: Permissions;
  /** The caller's repository at the event's commit (what actions/checkout checks out). */
  repository: { name: string; dir: string };
  /** The bundle at bundle-ref (what actions/checkout checks out for `repository: <bundle-repository>`). */
  bundle: { name: string; dir: string };
  /** The credential file google-github-actions/auth writes (an external_account file), when keyless. */
  keylessCredentials?: string;
  /** Called with the step's child process, e.g. to kill it at a named point. */
  onSpawn?: (pid: number, step: string) => void;
}

export interface StepRun {
  code: number;
  stdout: string;
  stderr: string;
  killed: boolean;
}

/** Resets the command files before a step (the runner gives each step its own). */
export function freshCommandFiles(dirs: JobDirs, step: number): void {
  const f = dirs.files;
  for (const k of ['GITHUB_OUTPUT', 'GITHUB_ENV', 'GITHUB_PATH', 'GITHUB_STATE'] as const) {
    f[k] = join(dirs.root, 'files', `${k.toLowerCase()}_${step}`);
    writeFileSync(f[k], '');
  }
}

/** What a step left: outputs, env and path additions. */
export function readCommandFiles(dirs: JobDirs): {
  outputs: Record<string, string>;
  env: Record<string, string>;
  path: string[];
} {
  const f = dirs.files;
  return {
    outputs: parseCommandFile(readFileSync(f.GITHUB_OUTPUT, 'utf8')),
    env: parseCommandFile(readFileSync(f.GITHUB_ENV, 'utf8')),
    path: readFileSync(f.GITHUB_PATH, 'utf8').split(/\r?\n/).filter(Boolean),
  };
}

function spawnStep(
  cmd: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  host: StepHost,
  name: string,
): Promise<StepRun> {
  return new Promise((res, rej) => {
    // Its own process group, so that a kill takes terraform and every other child with it (a cancelled runner).
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => void (stdout += d));
    child.stderr.on('data', (d: Buffer) => void (stderr += d));
    child.on('error', rej);
    if (child.pid) host.onSpawn?.(child.pid, name);
    child.on('close', (code, signal) => res({ code: code ?? 1, stdout, stderr, killed: signal !== null }));
  });
}

type Yaml = Record<string, unknown>;
const obj = (v: unknown): Yaml => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Yaml) : {});

/** `uses: ./path`: a JavaScript action in the workspace, run as the runner runs it. */
export async function runLocalAction(
  uses: string,
  withs: Record<string, string>,
  env: NodeJS.ProcessEnv,
  host: StepHost,
  name: string,
): Promise<StepRun> {
  const dir = resolve(host.dirs.workspace, uses);
  const file = ['action.yml', 'action.yaml'].map((f) => join(dir, f)).find((f) => existsSync(f));
  if (!file)
    return fail(
      `Can't find 'action.yml' under '${dir}'. Did you forget to run actions/checkout before running your local action?`,
    );
  const action = obj(parse(readFileSync(file, 'utf8')));
  const runs = obj(action.runs);
  if (!/^node\d+$/.test(String(runs.using)))
    return fail(`harness: runs.using ${String(runs.using)} is not supported`);
  const inputs = obj(action.inputs);
  // The runner warns about an input the action does not declare, and passes it on all the same.
  const unexpected = Object.keys(withs).filter((k) => !(k in inputs));
  const warning = unexpected.length
    ? `::warning::Unexpected input(s) '${unexpected.join("', '")}', valid inputs are [${Object.keys(inputs).join(', ')}]\n`
    : '';
  const stepEnv: NodeJS.ProcessEnv = { ...env };
  for (const k of unexpected) stepEnv[inputEnvName(k)] = withs[k];
  for (const [k, spec] of Object.entries(inputs)) {
    const v = k in withs ? withs[k] : obj(spec).default;
    if (v !== undefined) stepEnv[inputEnvName(k)] = String(v);
  }
  const main = resolve(dir, String(runs.main));
  if (!existsSync(main)) return fail(`File not found: '${main}'`);
  const r = await spawnStep(bundleNode(), [main], host.dirs.workspace, stepEnv, host, name);
  return { ...r, stdout: warning + r.stdout };
}

const fail = (message: string): StepRun => ({
  code: 1,
  stdout: `::error::${message}\n`,
  stderr: '',
  killed: false,
});

/** actions/checkout: the repository (or the bundle) at the event's commit, into `path`. */
export function checkout(withs: Record<string, string>, host: StepHost): StepRun {
  const repo = withs.repository || host.repository.name;
  const source =
    repo === host.repository.name
      ? host.repository.dir
      : repo === host.bundle.name
        ? host.bundle.dir
        : undefined;
  if (!source) return fail(`harness: no checkout source for repository ${repo}`);
  const target = resolve(host.dirs.workspace, withs.path ?? '.');
  mkdirSync(target, { recursive: true });
  cpSync(source, target, { recursive: true });
  // Without persist-credentials: false, checkout leaves the token in .git/config for every later step to read.
  if (withs['persist-credentials'] !== 'false') {
    mkdirSync(join(target, '.git'), { recursive: true });
    writeFileSync(
      join(target, '.git', 'config'),
      `[http "https://github.com/"]\n\textraheader = AUTHORIZATION: basic ${Buffer.from(`x-access-token:${withs.token ?? ''}`).toString('base64')}\n`,
    );
  }
  return { code: 0, stdout: `checked out ${repo} into ${target}\n`, stderr: '', killed: false };
}

/** hashicorp/setup-terraform: the terraform on this machine's PATH, put on the job's PATH (a tool directory). */
export function setupTerraform(withs: Record<string, string>, host: StepHost): StepRun {
  const found = spawnSync('bash', ['-c', 'command -v terraform'], { encoding: 'utf8' }).stdout.trim();
  if (!found) return fail('harness: terraform is not installed on this machine');
  const bin = join(host.dirs.tools, 'terraform', 'bin');
  mkdirSync(bin, { recursive: true });
  if (withs.terraform_wrapper !== 'false') return fail('harness: only terraform_wrapper: false is emulated');
  symlinkSync(found, join(bin, 'terraform'));
  writeFileSync(host.dirs.files.GITHUB_PATH, `${bin}\n`);
  return { code: 0, stdout: `terraform from ${found}\n`, stderr: '', killed: false };
}

/**
 * google-github-actions/auth: needs the job's OIDC token (permissions id-token: write), then exports the credential
 * file's path as the action does (GOOGLE_APPLICATION_CREDENTIALS and its siblings).
 */
export function googleAuth(withs: Record<string, string>, host: StepHost): StepRun {
  if (host.permissions['id-token'] !== 'write')
    return fail(
      'google-github-actions/auth failed with: gitHub Actions did not inject $ACTIONS_ID_TOKEN_REQUEST_TOKEN or $ACTIONS_ID_TOKEN_REQUEST_URL into this job. This most likely means the GitHub Actions workflow permissions are incorrect, or this job is being run from a fork.',
    );
  if (!withs.workload_identity_provider || !withs.service_account)
    return fail(
      'google-github-actions/auth failed with: the GitHub Action workflow must specify exactly one of "workload_identity_provider" or "credentials_json"',
    );
  if (!host.keylessCredentials) return fail('harness: no keyless credential file for this run');
  const file = join(host.dirs.workspace, `gha-creds-${process.pid}.json`);
  copyFileSync(host.keylessCredentials, file);
  chmodSync(file, 0o600);
  writeFileSync(
    host.dirs.files.GITHUB_ENV,
    ['GOOGLE_APPLICATION_CREDENTIALS', 'CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE', 'GOOGLE_GHA_CREDS_PATH']
      .map((k) => `${k}=${file}\n`)
      .join(''),
  );
  return { code: 0, stdout: `Created credentials file at "${file}"\n`, stderr: '', killed: false };
}

/** `run:`: the script in a file, run by bash --noprofile --norc -eo pipefail {0} (the runner's default shell). */
export function runScript(
  script: string,
  env: NodeJS.ProcessEnv,
  host: StepHost,
  name: string,
  index: number,
): Promise<StepRun> {
  const file = join(host.dirs.temp, `step-${index}.sh`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, script);
  return spawnStep(
    'bash',
    ['--noprofile', '--norc', '-eo', 'pipefail', file],
    host.dirs.workspace,
    env,
    host,
    name,
  );
}
