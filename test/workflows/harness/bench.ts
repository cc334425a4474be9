/**
 * A bench for the workflow scenarios: a sandbox, the bundle as `bundle-repository@bundle-ref` checks it out
 * (action.yml files and dist/), the caller's repository at each commit (a directory with its gitspaces.yaml), the
 * repository's secrets, and the caller workflow (workflows/setup.yml, the template users copy): its `on:`, its
 * job's `permissions`, `with:` and `secrets:` are read from the file and evaluated for each event, then the
 * reusable workflow it names runs through run.ts. Journal queries go through the sandbox's control endpoint
 * (GITSPACES_SANDBOX_CONTROL_URL), as a check in another process would make them.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import type { HoldRule } from '../../../sandbox/core/holds.js';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../../sandbox/index.js';
import { ROOT } from '../../dist/run-bundle.js';
import { interpolate, toText, type Value } from './expr.js';
import { runWorkflow, type GithubEvent, type WorkflowResult } from './run.js';

type Yaml = Record<string, unknown>;
const obj = (v: unknown): Yaml => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Yaml) : {});

export const BUNDLE_REPOSITORY = 'gitspaces-dev/gitspaces-actions';

/** The dist/ the jobs run: the committed one (CI checks it is current), or GITSPACES_DIST (a fresh build). */
export const distDir = () => resolve(process.env.GITSPACES_DIST ?? join(ROOT, 'dist'));

/** The bundle as a checkout of it holds it: every action.yml and dist/ (copied once per bench). */
function bundleCheckout(into: string): string {
  const dir = join(into, 'bundle');
  mkdirSync(join(dir, 'actions'), { recursive: true });
  cpSync(join(ROOT, 'action.yml'), join(dir, 'action.yml'));
  for (const a of readdirSync(join(ROOT, 'actions'))) {
    const f = join(ROOT, 'actions', a, 'action.yml');
    if (!existsSync(f)) continue;
    mkdirSync(join(dir, 'actions', a));
    cpSync(f, join(dir, 'actions', a, 'action.yml'));
  }
  cpSync(distDir(), join(dir, 'dist'), { recursive: true });
  return dir;
}

/** The example configuration, with `edit` applied to its text. */
export function exampleConfig(edit: (text: string) => string = (t) => t): string {
  return edit(readFileSync(join(ROOT, 'examples', 'gitspaces.yaml'), 'utf8'));
}

export interface Journaled {
  service: string;
  method: string;
  path: string;
  mutating: boolean;
  status: number;
}

export interface CallOptions {
  /** gitspaces.yaml at the event's commit. */
  config: string;
  /** The caller workflow (default workflows/setup.yml). */
  caller?: string;
  /** Overrides of the caller job's `with:`. */
  with?: Record<string, string | boolean>;
  fork?: boolean;
  /** SIGKILL the job's running step once this request reaches the sandbox (its hold). */
  killAt?: HoldRule;
}

export class Bench {
  sandbox!: Sandbox;
  dir!: string;
  private bundle!: string;
  private commits = 0;

  /** Repository secrets (names as the caller template reads them). */
  secrets: Record<string, string> = {};

  /**
   * `pollInterval`: the caller's `poll-interval` (the reusable workflow's input, default 10s: how often the apply job
   * looks at the VM, the delegate, the gateways, the gitspaces and the certificates), as a caller would pass it in
   * its `with:`. The sandbox answers within a second, so each wait ends at its second look instead of ten seconds
   * later; the same jobs, steps, requests and deadlines.
   */
  constructor(private readonly opts: { pollInterval?: string } = {}) {}

  async start(opts: SandboxOptions = {}): Promise<void> {
    this.dir = mkdtempSync(join(tmpdir(), 'gitspaces-wf-'));
    this.sandbox = await startSandbox(opts);
    this.bundle = bundleCheckout(this.dir);
    const gcpKey = readFileSync(this.sandbox.files.serviceAccountKey, 'utf8');
    this.secrets = {
      HARNESS_API_KEY: this.sandbox.secrets.harnessApiKey,
      GCP_CREDENTIALS: gcpKey,
      // Harness: a key that may only view (every write answers 403). GCP: the sandbox has one service account, so
      // the preview job gets the same key under the preview name; the journal is what proves it wrote nothing.
      HARNESS_PREVIEW_API_KEY: this.sandbox.secrets.harnessViewApiKey,
      GCP_PREVIEW_CREDENTIALS: gcpKey,
    };
  }

  async stop(): Promise<void> {
    await this.sandbox?.world.vm.whenIdle?.();
    await this.sandbox?.stop();
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
  }

  get repository(): string {
    return this.sandbox.scenario.github.repository;
  }

  /** The head and merge commits of pull request `n`, as the GitHub emulator knows them. */
  pull(n: number): { headSha: string; mergeCommitSha: string } {
    const c = this.sandbox.world.github.pullCommits.get(`${this.repository}#${n}`);
    if (!c) throw new Error(`bench: the sandbox has no pull request #${n}`);
    return c;
  }

  /** A commit of the caller's repository: a directory holding its gitspaces.yaml. */
  private commit(config: string): string {
    const dir = join(this.dir, `commit-${++this.commits}`);
    mkdirSync(dir);
    writeFileSync(join(dir, 'gitspaces.yaml'), config);
    return dir;
  }

  pullRequestEvent(n: number, fork = false): GithubEvent {
    const { headSha, mergeCommitSha } = this.pull(n);
    const [owner, name] = this.repository.split('/') as [string, string];
    const repo = { full_name: this.repository, name, owner: { login: owner }, fork: false };
    const head = fork
      ? { full_name: `contributor/${name}`, name, owner: { login: 'contributor' }, fork: true }
      : repo;
    return {
      name: 'pull_request',
      sha: mergeCommitSha,
      ref: `refs/pull/${n}/merge`,
      payload: {
        action: 'synchronize',
        number: n,
        pull_request: {
          number: n,
          state: 'open',
          head: { ref: 'gitspaces-change', sha: headSha, repo: head },
          base: { ref: 'main', sha: 'b'.repeat(40), repo },
          user: { login: fork ? 'contributor' : 'octocat' },
        },
        repository: repo,
        sender: { login: fork ? 'contributor' : 'octocat' },
      },
    };
  }

  pushEvent(sha: string): GithubEvent {
    const [owner, name] = this.repository.split('/') as [string, string];
    return {
      name: 'push',
      sha,
      ref: 'refs/heads/main',
      payload: {
        ref: 'refs/heads/main',
        before: 'b'.repeat(40),
        after: sha,
        head_commit: { id: sha, message: 'Merge pull request' },
        repository: { full_name: this.repository, name, owner: { login: owner } },
        pusher: { name: 'octocat' },
        sender: { login: 'octocat' },
      },
    };
  }

  /** Runs the caller workflow for `event`: its reusable workflow, with its with:, secrets: and permissions. */
  async run(event: GithubEvent, opts: CallOptions): Promise<WorkflowResult> {
    const callerFile = opts.caller ?? 'workflows/setup.yml';
    const caller = obj(parse(readFileSync(join(ROOT, callerFile), 'utf8')));
    if (!(event.name in obj(caller.on)))
      throw new Error(`bench: ${callerFile} does not run on ${event.name}`);
    const [jobId, job] = Object.entries(obj(caller.jobs))[0] as [string, Yaml];
    const uses = String(job.uses);
    const m = new RegExp(`^${BUNDLE_REPOSITORY}/(\\.github/workflows/[\\w.-]+)@`).exec(uses);
    if (!m) throw new Error(`bench: ${callerFile} job ${jobId} does not call one of our reusable workflows`);
    const ghCtx: Record<string, Value> = {
      event_name: event.name,
      repository: this.repository,
      sha: event.sha,
    };
    // A fork's pull request: the repository's secrets are not given to the run.
    const repoSecrets = opts.fork ? {} : this.secrets;
    const ctx = { github: ghCtx, secrets: repoSecrets as Record<string, Value>, vars: {}, inputs: {} };
    const secrets: Record<string, string> = {};
    for (const [k, v] of Object.entries(obj(job.secrets))) secrets[k] = toText(interpolate(v, ctx));
    const inputs: Record<string, string | boolean> = {};
    for (const [k, v] of Object.entries(obj(job.with))) inputs[k] = interpolate(v, ctx) as string | boolean;
    if (this.opts.pollInterval) inputs['poll-interval'] = this.opts.pollInterval;
    Object.assign(inputs, opts.with ?? {});
    const runnerEnv = { ...this.sandbox.env };
    // The runner machine knows the endpoints; credentials reach a job only through its secrets and token.
    for (const k of [
      'HARNESS_API_KEY',
      'GITHUB_TOKEN',
      'GOOGLE_APPLICATION_CREDENTIALS',
      'GITHUB_REPOSITORY',
      'GITHUB_SHA',
      'GITHUB_API_URL',
    ])
      delete runnerEnv[k];
    // The sandbox's handles for checks (control URL, other users' tokens, the view-only key): not the runner's.
    for (const k of Object.keys(runnerEnv)) if (k.startsWith('GITSPACES_SANDBOX_')) delete runnerEnv[k];
    const hold = opts.killAt ? this.sandbox.holds.arm(opts.killAt) : undefined;
    let current: number | undefined;
    let killed = false;
    void hold?.arrived.then(() => {
      killed = true;
      if (current) killGroup(current);
    });
    try {
      return await runWorkflow({
        workflow: m[1] as string,
        event,
        repository: { name: this.repository, dir: this.commit(opts.config) },
        bundle: { name: BUNDLE_REPOSITORY, dir: this.bundle },
        inputs,
        secrets,
        callerPermissions: job.permissions ?? caller.permissions,
        fork: opts.fork,
        runnerEnv,
        github: { url: this.sandbox.urls.github as string, token: this.sandbox.secrets.githubToken },
        keylessCredentials: this.sandbox.files.externalAccount,
        onSpawn: (pid) => {
          current = pid;
          if (killed) killGroup(pid);
        },
      });
    } finally {
      hold?.release();
    }
  }

  /** The journal through the control endpoint: every entry, or only the writes that succeeded. */
  async journal(mutating?: boolean): Promise<Journaled[]> {
    const url = `${this.sandbox.env.GITSPACES_SANDBOX_CONTROL_URL}/journal${mutating ? '?mutating=true' : ''}`;
    const r = await fetch(url);
    return ((await r.json()) as { entries: Journaled[] }).entries;
  }

  /** Mutating requests to Google and Harness (GitHub comments are not the infrastructure) since `from`. */
  async infraWrites(from = 0): Promise<string[]> {
    return (await this.journal(true))
      .slice(from)
      .filter((e) => e.service !== 'github')
      .map((e) => `${e.service} ${e.method} ${e.path}`);
  }

  async mark(): Promise<number> {
    return (await this.journal(true)).length;
  }
}

function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    /* already gone */
  }
}

/** Each job's steps and, for a failed one, its annotations and the end of its log (debug lines left out). */
export function explain(r: WorkflowResult): string {
  if (r.startupFailure) return `startup failure: ${r.startupFailure}`;
  const tail = (text: string) => {
    const lines = text.split('\n').filter((l) => l && !l.startsWith('::debug::'));
    const notes = lines.filter((l) => /^::(error|warning|notice)/.test(l));
    return [...notes, '...', ...lines.filter((l) => !notes.includes(l)).slice(-15)].join('\n');
  };
  return Object.values(r.jobs)
    .map(
      (j) =>
        `job ${j.id}: ${j.result}\n` +
        j.steps
          .map(
            (s) =>
              `  ${s.name}: ${s.outcome}${s.outcome === 'failure' ? `\n${tail(s.stdout + s.stderr)}` : ''}`,
          )
          .join('\n'),
    )
    .join('\n');
}
