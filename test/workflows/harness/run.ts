/**
 * Runs a reusable workflow (`on: workflow_call`) from its YAML file as GitHub runs it for a caller: the caller's
 * `with:` and `secrets:` checked against `on.workflow_call` (defaults, types, required ones), every job in `needs`
 * order with its `if:`, its `environment` (environment secrets override the caller's), its `permissions` (capped by
 * the caller's: a job asking for more fails the run before anything runs, as GitHub does) and the GITHUB_TOKEN
 * they allow, its `concurrency` group evaluated, each step's `if:`, `with:` and `env:`, and the job's and the
 * workflow's outputs. Each job gets a fresh directory (workspace, RUNNER_TEMP, HOME, tool cache, the command files):
 * nothing is shared on disk between jobs, as between two runners.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../../dist/run-bundle.js';
import { condition, interpolate, toText, type Contexts, type Value } from './expr.js';
import { issueJobToken, permissionsOf, type Permissions } from './github-token.js';
import {
  checkout,
  freshCommandFiles,
  googleAuth,
  readCommandFiles,
  runLocalAction,
  runScript,
  setupTerraform,
  type JobDirs,
  type StepHost,
  type StepRun,
} from './steps.js';

type Yaml = Record<string, unknown>;
const obj = (v: unknown): Yaml => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Yaml) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export interface GithubEvent {
  name: 'pull_request' | 'push';
  payload: Record<string, unknown>;
  sha: string;
  ref: string;
}

export interface WorkflowCall {
  /** The reusable workflow, relative to the repository root (e.g. `.github/workflows/gitspaces-setup.yml`). */
  workflow: string;
  event: GithubEvent;
  /** The caller's repository (`owner/name`) and its files at the event's commit. */
  repository: { name: string; dir: string };
  /** The bundle (`bundle-repository` at `bundle-ref`): action.yml files and dist/. */
  bundle: { name: string; dir: string };
  /** The caller job's `with:`. */
  inputs?: Record<string, string | boolean | number>;
  /** The caller job's `secrets:` (a fork's pull request gets none, whatever the caller passes). */
  secrets?: Record<string, string>;
  /** Environment secrets, by environment name. */
  environments?: Record<string, Record<string, string>>;
  /** The caller job's `permissions:` (the most the called jobs may have). */
  callerPermissions: unknown;
  /** A pull request from a fork: no secrets, a read-only token. */
  fork?: boolean;
  /** The runner machine's environment: the sandbox's endpoints (no credentials). */
  runnerEnv: Record<string, string>;
  /** The GitHub API behind the job tokens, and the token of the workflow's identity there. */
  github: { url: string; token: string };
  keylessCredentials?: string;
  /** Kill hooks: called with each step's process (its group id is the pid). */
  onSpawn?: (pid: number, job: string, step: string) => void;
  /** Keep the jobs' directories (debugging). */
  keepDirs?: boolean;
  /** Stop after GitHub's checks at the start of the run (inputs, secrets, permissions): no job runs. */
  startOnly?: boolean;
}

export interface StepResult {
  id?: string;
  name: string;
  outcome: 'success' | 'failure' | 'skipped' | 'cancelled';
  outputs: Record<string, string>;
  stdout: string;
  stderr: string;
}

export interface JobResult {
  id: string;
  result: 'success' | 'failure' | 'skipped' | 'cancelled';
  outputs: Record<string, string>;
  steps: StepResult[];
  /** Every step's job summary, in order (GITHUB_STEP_SUMMARY). */
  summary: string;
  permissions: Permissions;
  environment?: string;
  concurrency?: { group: string; cancelInProgress: boolean };
  /** Which secrets the job's expressions read, and whether each had a value. */
  secretsRead: Record<string, boolean>;
  /** GitHub requests its token was not allowed to make. */
  refused: string[];
  /** The job's directory (removed after the job unless keepDirs). */
  dir: string;
}

export interface WorkflowResult {
  jobs: Record<string, JobResult>;
  outputs: Record<string, string>;
  /** A run GitHub refuses to start (a bad input, a missing secret, a job asking for more permissions). */
  startupFailure?: string;
}

const SHA_ACTIONS = {
  checkout: /^actions\/checkout@[0-9a-f]{40}$/,
  terraform: /^hashicorp\/setup-terraform@[0-9a-f]{40}$/,
  auth: /^google-github-actions\/auth@[0-9a-f]{40}$/,
};

/** The caller's inputs with the workflow's defaults and types; a problem when GitHub would refuse them. */
function callInputs(
  call: Yaml,
  given: Record<string, unknown>,
): { inputs: Record<string, Value>; problem?: string } {
  const decl = obj(call.inputs);
  const inputs: Record<string, Value> = {};
  for (const k of Object.keys(given))
    if (!(k in decl))
      return { inputs, problem: `Invalid input, ${k} is not defined in the referenced workflow.` };
  for (const [k, raw] of Object.entries(decl)) {
    const d = obj(raw);
    let v = (k in given ? given[k] : d.default) as Value | undefined;
    if (v === undefined) {
      if (d.required) return { inputs, problem: `Input ${k} is required, but not provided while calling.` };
      v = d.type === 'boolean' ? false : d.type === 'number' ? 0 : '';
    }
    if (d.type === 'boolean' && typeof v !== 'boolean')
      return { inputs, problem: `Unexpected value '${String(v)}' for input ${k} of type boolean` };
    inputs[k] = v;
  }
  return { inputs };
}

const rank = (a: string | undefined) => (a === 'write' ? 2 : a === 'read' ? 1 : 0);

/** The permissions a called job gets, or GitHub's startup error when it asks for more than the caller grants. */
function jobPermissions(
  id: string,
  requested: unknown,
  workflowLevel: unknown,
  caller: Permissions,
  fork: boolean,
): { perms: Permissions; problem?: string } {
  const perms =
    requested !== undefined
      ? permissionsOf(requested)
      : workflowLevel !== undefined
        ? permissionsOf(workflowLevel)
        : { ...caller };
  for (const [scope, access] of Object.entries(perms))
    if (rank(access) > rank(caller[scope]))
      return {
        perms,
        problem: `The nested job '${id}' is requesting '${scope}: ${access}', but is only allowed '${scope}: ${caller[scope] ?? 'none'}'.`,
      };
  // A fork's pull request: every write becomes read (and no OIDC token).
  if (fork)
    for (const s of Object.keys(perms))
      perms[s] =
        s === 'id-token' ? 'none' : perms[s] === 'write' ? 'read' : (perms[s] as Permissions[string]);
  return { perms };
}

function jobOrder(jobs: Yaml): string[] {
  const order: string[] = [];
  const visit = (id: string, path: string[]) => {
    if (order.includes(id)) return;
    if (path.includes(id)) throw new Error(`harness: needs cycle ${[...path, id].join(' -> ')}`);
    for (const n of needsOf(obj(jobs[id]))) visit(n, [...path, id]);
    order.push(id);
  };
  for (const id of Object.keys(jobs)) visit(id, []);
  return order;
}

const needsOf = (job: Yaml): string[] =>
  typeof job.needs === 'string' ? [job.needs] : list(job.needs).map(String);

/** Runs the workflow for the call; resolves when every job ended. */
export async function runWorkflow(call: WorkflowCall): Promise<WorkflowResult> {
  const wf = obj(parse(readFileSync(join(ROOT, call.workflow), 'utf8')));
  const wcall = obj(obj(wf.on).workflow_call);
  const { inputs, problem } = callInputs(wcall, call.inputs ?? {});
  if (problem) return { jobs: {}, outputs: {}, startupFailure: problem };
  const declared = obj(wcall.secrets);
  const given = call.secrets ?? {};
  for (const k of Object.keys(given))
    if (!(k in declared))
      return {
        jobs: {},
        outputs: {},
        startupFailure: `Invalid secret, ${k} is not defined in the referenced workflow.`,
      };
  for (const [k, d] of Object.entries(declared))
    if (obj(d).required && !(k in given))
      return {
        jobs: {},
        outputs: {},
        startupFailure: `Secret ${k} is required, but not provided while calling.`,
      };
  const jobs = obj(wf.jobs);
  const caller = permissionsOf(call.callerPermissions);
  const perms: Record<string, Permissions> = {};
  for (const id of Object.keys(jobs)) {
    const p = jobPermissions(id, obj(jobs[id]).permissions, wf.permissions, caller, !!call.fork);
    if (p.problem) return { jobs: {}, outputs: {}, startupFailure: p.problem };
    perms[id] = p.perms;
  }
  if (call.startOnly) return { jobs: {}, outputs: {} };
  const github = githubContext(call);
  const results: Record<string, JobResult> = {};
  for (const id of jobOrder(jobs)) {
    const job = obj(jobs[id]);
    const needs: Record<string, Value> = {};
    for (const n of needsOf(job))
      needs[n] = { result: results[n]?.result ?? 'skipped', outputs: results[n]?.outputs ?? {} };
    const failedNeed = needsOf(job).some((n) => results[n]?.result !== 'success');
    const ctx: Contexts = { github, inputs, needs, vars: {}, env: {} };
    const run = condition(job.if, ctx, { failed: failedNeed, cancelled: false });
    results[id] = run
      ? await runJob(id, job, perms[id] as Permissions, ctx, call, given)
      : {
          id,
          result: 'skipped',
          outputs: {},
          steps: [],
          summary: '',
          permissions: perms[id] as Permissions,
          secretsRead: {},
          refused: [],
          dir: '',
        };
  }
  const jobsCtx: Record<string, Value> = {};
  for (const [id, r] of Object.entries(results)) jobsCtx[id] = { result: r.result, outputs: r.outputs };
  const outputs: Record<string, string> = {};
  for (const [k, o] of Object.entries(obj(wcall.outputs)))
    outputs[k] = toText(interpolate(obj(o).value, { github, inputs, jobs: jobsCtx }));
  return { jobs: results, outputs };
}

function githubContext(call: WorkflowCall): Record<string, Value> {
  const [owner] = call.repository.name.split('/');
  return {
    event_name: call.event.name,
    event: call.event.payload as Value,
    sha: call.event.sha,
    ref: call.event.ref,
    repository: call.repository.name,
    repository_owner: owner ?? '',
    actor: 'octocat',
    workflow: 'gitspaces',
    run_id: '1',
    run_attempt: '1',
    server_url: 'https://github.com',
    api_url: call.github.url,
    token: '',
  };
}

function jobDirs(id: string): JobDirs {
  const root = mkdtempSync(join(tmpdir(), `gitspaces-job-${id}-`));
  const d = (n: string) => {
    mkdirSync(join(root, n), { recursive: true });
    return join(root, n);
  };
  const files = d('files');
  return {
    root,
    workspace: d('work'),
    temp: d('temp'),
    tools: d('tools'),
    home: d('home'),
    files: {
      GITHUB_OUTPUT: join(files, 'output'),
      GITHUB_ENV: join(files, 'env'),
      GITHUB_PATH: join(files, 'path'),
      GITHUB_STEP_SUMMARY: join(files, 'summary.md'),
      GITHUB_STATE: join(files, 'state'),
    },
  };
}

/** The secrets context of a job: the caller's, overridden by its environment's; none on a fork's pull request. */
function secretsFor(
  call: WorkflowCall,
  given: Record<string, string>,
  environment: string | undefined,
  token: string,
): Record<string, Value> {
  if (call.fork) return { GITHUB_TOKEN: token };
  return { ...given, ...(environment ? (call.environments?.[environment] ?? {}) : {}), GITHUB_TOKEN: token };
}

/** Records which secrets an expression read (and whether they had a value). */
function watchSecrets(secrets: Record<string, Value>, read: Record<string, boolean>): Value {
  return new Proxy(secrets, {
    get(t, k) {
      if (typeof k !== 'string') return undefined;
      const v = t[k];
      if (k !== 'GITHUB_TOKEN') read[k] = typeof v === 'string' && v !== '';
      return v;
    },
    has(t, k) {
      if (typeof k !== 'string') return false;
      // A secret that is not there reads as empty: recorded as read, without a value.
      if (!(k in t) && k !== 'GITHUB_TOKEN') read[k] = false;
      return k in t;
    },
  }) as unknown as Value;
}

async function runJob(
  id: string,
  job: Yaml,
  permissions: Permissions,
  base: Contexts,
  call: WorkflowCall,
  given: Record<string, string>,
): Promise<JobResult> {
  const environment =
    job.environment === undefined
      ? undefined
      : toText(
          interpolate(
            typeof job.environment === 'object' ? obj(job.environment).name : job.environment,
            base,
          ),
        );
  const c = job.concurrency;
  const concurrency =
    c === undefined
      ? undefined
      : typeof c === 'string'
        ? { group: toText(interpolate(c, base)), cancelInProgress: false }
        : {
            group: toText(interpolate(obj(c).group, base)),
            cancelInProgress: obj(c)['cancel-in-progress'] === true,
          };
  const dirs = jobDirs(id);
  const token = await issueJobToken(call.github.url, call.github.token, permissions);
  const secretsRead: Record<string, boolean> = {};
  const github = { ...(base.github as Record<string, Value>), token: token.token, job: id };
  const ctx: Contexts = {
    ...base,
    github,
    secrets: watchSecrets(secretsFor(call, given, environment, token.token), secretsRead),
    steps: {},
    runner: { temp: dirs.temp, os: 'Linux' },
  };
  const host: StepHost = {
    dirs,
    permissions,
    repository: call.repository,
    bundle: call.bundle,
    keylessCredentials: call.keylessCredentials,
    onSpawn: (pid, step) => call.onSpawn?.(pid, id, step),
  };
  const eventPath = join(dirs.root, 'files', 'event.json');
  writeFileSync(eventPath, JSON.stringify(call.event.payload));
  writeFileSync(dirs.files.GITHUB_STEP_SUMMARY, '');
  const jobEnv: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj(job.env))) jobEnv[k] = toText(interpolate(v, ctx));
  const extraPath: string[] = [];
  const steps: StepResult[] = [];
  const stepsCtx: Record<string, Value> = {};
  let failed = false;
  let cancelled = false;
  let summary = '';
  try {
    for (const [i, raw] of list(job.steps).entries()) {
      const step = obj(raw);
      const name = String(step.name ?? step.id ?? step.uses ?? `run ${i}`);
      const sctx: Contexts = { ...ctx, steps: stepsCtx, env: { ...jobEnv } };
      if (cancelled || !condition(step.if, sctx, { failed, cancelled })) {
        steps.push({
          id: step.id as string | undefined,
          name,
          outcome: 'skipped',
          outputs: {},
          stdout: '',
          stderr: '',
        });
        if (step.id) stepsCtx[String(step.id)] = { outcome: 'skipped', conclusion: 'skipped', outputs: {} };
        continue;
      }
      freshCommandFiles(dirs, i);
      const withs: Record<string, string> = {};
      for (const [k, v] of Object.entries(obj(step.with))) withs[k] = toText(interpolate(v, sctx));
      const stepEnv: Record<string, string> = {};
      for (const [k, v] of Object.entries(obj(step.env))) stepEnv[k] = toText(interpolate(v, sctx));
      const env = processEnv(call, dirs, eventPath, token, extraPath, { ...jobEnv, ...stepEnv }, id);
      // The runner expands `${{ }}` inside run: into the script text before the shell sees it.
      const script = typeof step.run === 'string' ? toText(interpolate(step.run, sctx)) : undefined;
      const r = await runStep(step, script, withs, env, host, name, i);
      const cmd = readCommandFiles(dirs);
      Object.assign(jobEnv, cmd.env);
      extraPath.unshift(...cmd.path);
      summary += readFileSync(dirs.files.GITHUB_STEP_SUMMARY, 'utf8');
      writeFileSync(dirs.files.GITHUB_STEP_SUMMARY, '');
      const outcome = r.killed ? 'cancelled' : r.code === 0 ? 'success' : 'failure';
      if (outcome === 'cancelled') cancelled = true;
      else if (outcome === 'failure' && step['continue-on-error'] !== true) failed = true;
      steps.push({
        id: step.id as string | undefined,
        name,
        outcome,
        outputs: cmd.outputs,
        stdout: r.stdout,
        stderr: r.stderr,
      });
      if (step.id) stepsCtx[String(step.id)] = { outcome, conclusion: outcome, outputs: cmd.outputs };
    }
  } finally {
    await token.revoke();
    if (!call.keepDirs) rmSync(dirs.root, { recursive: true, force: true });
  }
  const outputs: Record<string, string> = {};
  const octx: Contexts = { ...ctx, steps: stepsCtx };
  for (const [k, v] of Object.entries(obj(job.outputs))) outputs[k] = toText(interpolate(v, octx));
  const result = cancelled ? 'cancelled' : failed ? 'failure' : 'success';
  return {
    id,
    result,
    outputs,
    steps,
    summary,
    permissions,
    environment,
    concurrency,
    secretsRead,
    refused: token.refused,
    dir: dirs.root,
  };
}

/** The step's environment, as the runner builds it: the machine's, the runner's variables, the job's and step's env. */
function processEnv(
  call: WorkflowCall,
  dirs: JobDirs,
  eventPath: string,
  token: { url: string },
  extraPath: string[],
  env: Record<string, string>,
  job: string,
): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  // The machine: PATH and the like, nothing of the test process's INPUT_*, GITHUB_*, RUNNER_* or credentials.
  for (const [k, v] of Object.entries(process.env))
    if (!/^(INPUT_|GITHUB_|RUNNER_|ACTIONS_|GOOGLE_|HARNESS_|GITSPACES_|TF_|CLOUDSDK_)/.test(k)) out[k] = v;
  Object.assign(out, call.runnerEnv, {
    HOME: dirs.home,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: call.event.name,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_SHA: call.event.sha,
    GITHUB_REF: call.event.ref,
    GITHUB_REPOSITORY: call.repository.name,
    GITHUB_REPOSITORY_OWNER: call.repository.name.split('/')[0],
    GITHUB_WORKSPACE: dirs.workspace,
    GITHUB_API_URL: token.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '1',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: job,
    GITHUB_ACTOR: 'octocat',
    RUNNER_TEMP: dirs.temp,
    RUNNER_TOOL_CACHE: dirs.tools,
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    ...dirs.files,
  });
  out.PATH = [...extraPath, out.PATH ?? ''].join(':');
  return { ...out, ...env };
}

async function runStep(
  step: Yaml,
  script: string | undefined,
  withs: Record<string, string>,
  env: NodeJS.ProcessEnv,
  host: StepHost,
  name: string,
  i: number,
): Promise<StepRun> {
  if (script !== undefined) return runScript(script, env, host, name, i);
  const uses = String(step.uses ?? '');
  if (uses.startsWith('./')) return runLocalAction(uses, withs, env, host, name);
  if (SHA_ACTIONS.checkout.test(uses)) return checkout(withs, host);
  if (SHA_ACTIONS.terraform.test(uses)) return setupTerraform(withs, host);
  if (SHA_ACTIONS.auth.test(uses)) return googleAuth(withs, host);
  return { code: 1, stdout: `::error::harness: ${uses} is not emulated\n`, stderr: '', killed: false };
}
