import { Clock } from '../clock.js';
import { RemoteError, errorMessage } from '../errors.js';
import { Logger } from '../logger.js';
import { mapLimit } from '../retry.js';
import { AmbiguousFailure, Pacer, statusOf } from './backoff.js';
import { findMachine } from './machines.js';
import type { EnumGitspaceCodeRepoType, EnumIDEType } from '../harness/types.js';
import type {
  CreateGitspaceBody,
  GitspaceEvent,
  GitspaceView,
  GitspacesApi,
  MachineResource,
} from './types.js';

/** What the user asked for: from the config's `gitspaces:` or the action's inputs. */
export interface GitspaceSpec {
  name: string;
  repoUrl: string;
  repoType?: EnumGitspaceCodeRepoType;
  branch: string;
  ide: EnumIDEType;
  machine: string;
  region?: string;
  devcontainerPath?: string;
  sshTokenIdentifier?: string;
}

export type GitspaceOperation = 'create' | 'start' | 'stop' | 'delete';

export type GitspaceResult =
  | 'created'
  | 'existing'
  | 'started'
  | 'running'
  | 'stopped'
  | 'deleted'
  | 'absent'
  | 'would-create'
  | 'failed';

export interface GitspaceOutcome {
  name: string;
  identifier?: string;
  state?: string;
  url?: string;
  sshCommand?: string;
  result: GitspaceResult;
  detail: string;
  /** Last events seen (for a failure). */
  lastEvents?: string[];
}

export interface GitspaceContext {
  api: GitspacesApi;
  accountId: string;
  org: string;
  project: string;
  infraId: string;
  pacer: Pacer;
  log: Logger;
  clock: Clock;
  /** How often a gitspace is polled while waiting. */
  pollIntervalMs: number;
  /** How long one gitspace may take to reach its state. */
  timeoutMs: number;
  /** Wait for `running` after start (default true). */
  wait?: boolean;
  /** Ambiguous creates looked up and tried again. */
  createAttempts?: number;
}

const BUSY = new Set(['starting', 'stopping', 'cleaning', 'resetting']);
const SUFFIXED = /^(.*)-[a-z0-9]{6}$/;

/** The server lowers and suffixes identifiers (`api-dev` becomes `api-dev-x1y2z3`): match the name, or the identifier without its suffix. */
export function matchesName(g: GitspaceView, name: string): boolean {
  if (g.name === name) return true;
  if (g.name || !g.identifier) return false;
  return SUFFIXED.exec(g.identifier)?.[1] === name || g.identifier === name;
}

/** The server's identifier of a gitspace (always set in practice; the schema marks it optional). */
export function idOf(g: GitspaceView): string {
  return g.identifier ?? g.name ?? '';
}

export function findGitspace(list: readonly GitspaceView[], name: string): GitspaceView | undefined {
  return list.find((g) => g.name === name) ?? list.find((g) => matchesName(g, name));
}

/** Guesses the repository type the way the UI's provider picker would; `unknown` means any public repo. */
export function repoTypeFor(url: string): EnumGitspaceCodeRepoType {
  const host = (() => {
    try {
      return new URL(url).hostname.toLowerCase();
    } catch {
      return '';
    }
  })();
  if (host === 'github.com') return 'github';
  if (host === 'gitlab.com') return 'gitlab';
  if (host === 'bitbucket.org') return 'bitbucket';
  if (host.endsWith('harness.io')) return 'harness_code';
  return 'unknown';
}

export function createBody(
  ctx: GitspaceContext,
  spec: GitspaceSpec,
  machine: MachineResource,
): CreateGitspaceBody {
  const body: CreateGitspaceBody = {
    identifier: spec.name,
    name: spec.name,
    space_ref: `${ctx.accountId}/${ctx.org}/${ctx.project}`,
    ide: spec.ide,
    code_repo_type: spec.repoType ?? repoTypeFor(spec.repoUrl),
    code_repo_url: spec.repoUrl,
    branch: spec.branch,
    infra_provider_config_identifier: ctx.infraId,
    resource_identifier: machine.identifier ?? machine.name ?? spec.machine,
    resource_space_ref: machine.space_path ?? ctx.accountId,
  };
  if (spec.devcontainerPath) body.devcontainer_path = spec.devcontainerPath;
  if (spec.sshTokenIdentifier) body.ssh_token_identifier = spec.sshTokenIdentifier;
  return body;
}

/** A gitspace that ended in `error`, with the instance's message and the events that led there. */
export class GitspaceFailedError extends Error {
  override readonly name = 'GitspaceFailedError';
  constructor(
    readonly gitspace: string,
    readonly errorMessageText: string,
    readonly lastEvents: string[],
  ) {
    super(
      `Gitspace ${gitspace} is in state error: ${errorMessageText}${lastEvents.length ? `\nLast events:\n${lastEvents.map((e) => `  - ${e}`).join('\n')}` : ''}`,
    );
  }
}

export class GitspaceTimeoutError extends Error {
  override readonly name = 'GitspaceTimeoutError';
  constructor(
    readonly gitspace: string,
    readonly want: string,
    readonly lastState: string,
    readonly waitedMs: number,
  ) {
    super(
      `Gave up waiting for gitspace ${gitspace} to be ${want} after ${Math.round(waitedMs / 1000)}s; last state: ${lastState}`,
    );
  }
}

export function stateOf(g: GitspaceView): string {
  return g.state ?? g.instance?.state ?? 'uninitialized';
}

function formatEvent(e: GitspaceEvent): string {
  return `${e.event ?? 'event'}${e.message ? `: ${e.message}` : ''}`;
}

function eventKey(e: GitspaceEvent): string {
  return `${e.timestamp ?? e.created ?? e.event_time ?? ''}|${e.event ?? ''}|${e.message ?? ''}`;
}

/** Reads a gitspace; undefined when it does not exist (404). */
async function getOrUndefined(ctx: GitspaceContext, id: string): Promise<GitspaceView | undefined> {
  try {
    return (
      (await ctx.pacer.call(`get ${id}`, () => ctx.api.getGitspace(ctx.org, ctx.project, id))) ?? undefined
    );
  } catch (e) {
    if (statusOf(e) === 404) return undefined;
    throw e;
  }
}

/**
 * Follows one gitspace: polls it, prints each event once as it appears, and returns when `until` holds.
 * `error` ends the wait at once with the instance's error message and the last events.
 */
class Watcher {
  private readonly seen = new Set<string>();
  readonly recent: string[] = [];
  constructor(
    private readonly ctx: GitspaceContext,
    readonly name: string,
    readonly id: string,
  ) {}

  /** Reads the events and prints each one not seen before (`print: false` only marks them as seen). */
  async events(print = true): Promise<void> {
    let list: GitspaceEvent[];
    try {
      list = await this.ctx.pacer.call(`events ${this.id}`, () =>
        this.ctx.api.gitspaceEvents(this.ctx.org, this.ctx.project, this.id),
      );
    } catch (e) {
      this.ctx.log.debug(`${this.name}: events unavailable (${errorMessage(e)})`);
      return;
    }
    const sorted = [...(Array.isArray(list) ? list : [])].sort(
      (a, b) => (a.timestamp ?? a.created ?? 0) - (b.timestamp ?? b.created ?? 0),
    );
    for (const e of sorted) {
      const key = eventKey(e);
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      if (!print) continue;
      const line = formatEvent(e);
      this.recent.push(line);
      if (this.recent.length > 10) this.recent.shift();
      this.ctx.log.info(`  [${this.name}] ${line}`);
    }
  }

  /** Marks what already happened so that only new events are streamed. */
  prime(): Promise<void> {
    return this.events(false);
  }

  async until(
    want: string,
    done: (g: GitspaceView | undefined) => boolean,
    opts: { failOnError?: boolean } = {},
  ): Promise<GitspaceView | undefined> {
    const start = this.ctx.clock.now();
    let last = '(not read yet)';
    for (;;) {
      const g = await getOrUndefined(this.ctx, this.id);
      await this.events();
      const state = g ? stateOf(g) : 'gone';
      if (state !== last) this.ctx.log.info(`${this.name}: ${state}`);
      last = state;
      if (done(g)) return g;
      if (g && state === 'error' && opts.failOnError !== false)
        throw new GitspaceFailedError(this.name, g.instance?.error_message || '(no error message)', [
          ...this.recent,
        ]);
      const waited = this.ctx.clock.now() - start;
      if (waited >= this.ctx.timeoutMs) throw new GitspaceTimeoutError(this.name, want, last, waited);
      await this.ctx.clock.sleep(Math.min(this.ctx.pollIntervalMs, Math.max(1, this.ctx.timeoutMs - waited)));
    }
  }
}

/** Whether the gitspace is already where `op` takes it: running for create and start, at rest for stop. */
function alreadyThere(op: GitspaceOperation, state: string): boolean {
  return op === 'stop' ? ['stopped', 'uninitialized', 'error'].includes(state) : state === 'running';
}

/** Whether a 403 is the server's "last session is still <busy state>" refusal. */
function isBusyRefusal(e: unknown): boolean {
  return statusOf(e) === 403 && /still|busy|progress/i.test(errorMessage(e));
}

/**
 * Sends an action. An ambiguous failure is resolved by reading the gitspace (the optimistic state shows
 * whether it was taken); a busy refusal waits for the busy state to end and sends it again.
 */
async function sendAction(
  ctx: GitspaceContext,
  w: Watcher,
  action: 'start' | 'stop',
  accepted: (state: string) => boolean,
): Promise<GitspaceView | undefined> {
  for (let attempt = 1; ; attempt++) {
    try {
      const r = await ctx.pacer.call(
        `${action} ${w.id}`,
        () => ctx.api.gitspaceAction(ctx.org, ctx.project, w.id, action),
        { ambiguous: true },
      );
      // The server answers with the config in its optimistic state (starting/stopping).
      return r && typeof r === 'object' && 'identifier' in r ? (r as GitspaceView) : undefined;
    } catch (e) {
      if (attempt >= (ctx.createAttempts ?? 6)) throw e instanceof AmbiguousFailure ? e.cause : e;
      if (e instanceof AmbiguousFailure) {
        const g = await getOrUndefined(ctx, w.id);
        if (g && accepted(stateOf(g))) return g;
        continue;
      }
      if (isBusyRefusal(e)) {
        ctx.log.info(`${w.name}: ${errorMessage(e)}; waiting for it to settle before ${action}`);
        await w.until('settled', (g) => !g || !BUSY.has(stateOf(g)), { failOnError: false });
        continue;
      }
      throw e;
    }
  }
}

function outcomeOf(
  name: string,
  g: GitspaceView | undefined,
  result: GitspaceResult,
  detail: string,
): GitspaceOutcome {
  return {
    name,
    identifier: g?.identifier,
    state: g ? stateOf(g) : undefined,
    url: g?.instance?.url ?? undefined,
    sshCommand: g?.instance?.ssh_command ?? undefined,
    result,
    detail,
  };
}

/**
 * Finds the gitspace again (by name) or creates it. A failure whose outcome is unknown (5xx, dropped
 * connection) is followed by a fresh list before any retry, so a retry never makes a duplicate.
 */
async function ensureCreated(
  ctx: GitspaceContext,
  spec: GitspaceSpec,
  known: readonly GitspaceView[],
  machines: readonly MachineResource[],
): Promise<{ g: GitspaceView; created: boolean }> {
  const found = findGitspace(known, spec.name);
  if (found) return { g: found, created: false };
  const machine = findMachine(machines, spec.machine, spec.region);
  if (!machine) {
    throw new RemoteError(
      'harness',
      404,
      `machine ${spec.machine}${spec.region ? ` (${spec.region})` : ''} does not exist in ${ctx.infraId}; declare it under machines: in the config`,
    );
  }
  const body = createBody(ctx, spec, machine);
  const attempts = ctx.createAttempts ?? 6;
  for (let attempt = 1; ; attempt++) {
    try {
      const g = await ctx.pacer.call(
        `create ${spec.name}`,
        () => ctx.api.createGitspace(ctx.org, ctx.project, body),
        { ambiguous: true },
      );
      return { g, created: true };
    } catch (e) {
      const ambiguous = e instanceof AmbiguousFailure || statusOf(e) === 409;
      if (!ambiguous || attempt >= attempts) throw e instanceof AmbiguousFailure ? e.cause : e;
      ctx.log.info(
        `${spec.name}: create ${e instanceof AmbiguousFailure ? e.message : 'conflicted'}; listing before trying again`,
      );
      const list = await ctx.pacer.call('list gitspaces', () => ctx.api.listGitspaces(ctx.org, ctx.project));
      const again = findGitspace(list, spec.name);
      if (again) return { g: again, created: true };
    }
  }
}

async function startAndWait(
  ctx: GitspaceContext,
  w: Watcher,
  g: GitspaceView,
): Promise<{ g: GitspaceView; started: boolean }> {
  let state = stateOf(g);
  if (state === 'running') return { g, started: false };
  if (state === 'stopping' || state === 'cleaning' || state === 'resetting') {
    g = (await w.until('settled', (x) => !x || !BUSY.has(stateOf(x)), { failOnError: false })) ?? g;
    state = stateOf(g);
  }
  let started = false;
  let after: GitspaceView | undefined;
  if (state !== 'starting' && state !== 'running') {
    ctx.log.info(`${w.name}: starting (was ${state})`);
    after = await sendAction(ctx, w, 'start', (s) => s === 'starting' || s === 'running');
    started = true;
  }
  if (ctx.wait === false) return { g: after ?? (await getOrUndefined(ctx, w.id)) ?? g, started };
  const done = await w.until('running', (x) => !!x && stateOf(x) === 'running');
  return { g: done ?? g, started };
}

async function stopAndWait(
  ctx: GitspaceContext,
  w: Watcher,
  g: GitspaceView,
): Promise<{ g: GitspaceView; stopped: boolean }> {
  let state = stateOf(g);
  if (state === 'starting' || state === 'cleaning' || state === 'resetting') {
    g = (await w.until('settled', (x) => !x || !BUSY.has(stateOf(x)), { failOnError: false })) ?? g;
    state = stateOf(g);
  }
  // Nothing runs in an errored gitspace: it is deleted (or started again) as it is.
  if (state === 'stopped' || state === 'uninitialized' || state === 'error') return { g, stopped: false };
  let stopped = false;
  if (state !== 'stopping') {
    ctx.log.info(`${w.name}: stopping (was ${state})`);
    await sendAction(ctx, w, 'stop', (s) => s === 'stopping' || s === 'stopped');
    stopped = true;
  }
  if (ctx.wait === false) return { g, stopped };
  const done = await w.until(
    'stopped',
    (x) => !x || ['stopped', 'uninitialized', 'error'].includes(stateOf(x)),
    { failOnError: false },
  );
  return { g: done ?? g, stopped };
}

/** Stops (when running) and deletes one gitspace, then waits until the server no longer has it. */
export async function deleteOne(
  ctx: GitspaceContext,
  name: string,
  g: GitspaceView,
): Promise<GitspaceOutcome> {
  const id = idOf(g);
  const w = new Watcher(ctx, name, id);
  await w.prime();
  const { g: after } = await stopAndWait(ctx, w, g);
  ctx.log.info(`${name}: deleting ${id}`);
  for (let attempt = 1; ; attempt++) {
    try {
      await ctx.pacer.call(`delete ${g.identifier}`, () => ctx.api.deleteGitspace(ctx.org, ctx.project, id), {
        ambiguous: true,
      });
      break;
    } catch (e) {
      if (statusOf(e) === 404) break;
      if (isBusyRefusal(e) && attempt < 6) {
        await w.until('settled', (x) => !x || !BUSY.has(stateOf(x)), { failOnError: false });
        continue;
      }
      if (!(e instanceof AmbiguousFailure) || attempt >= 6) throw e instanceof AmbiguousFailure ? e.cause : e;
      const now = await getOrUndefined(ctx, id);
      if (!now) break;
    }
  }
  if (ctx.wait !== false)
    await w.until(
      'deleted',
      (x) => !x || (x.instance?.state ?? '') === 'deleted' || (x.instance?.state ?? '') === 'cleaned',
      { failOnError: false },
    );
  const out = outcomeOf(name, after, 'deleted', `deleted ${id}`);
  return { ...out, state: 'deleted', url: undefined, sshCommand: undefined };
}

/** Brings one gitspace to what the operation asks; never throws, the outcome says what happened. */
export async function applyOne(
  ctx: GitspaceContext,
  op: GitspaceOperation,
  spec: GitspaceSpec,
  known: readonly GitspaceView[],
  machines: readonly MachineResource[],
  dryRun = false,
): Promise<GitspaceOutcome> {
  const name = spec.name;
  let watcher: Watcher | undefined;
  try {
    const existing = findGitspace(known, name);
    if (op !== 'create' && !existing) {
      return outcomeOf(
        name,
        undefined,
        op === 'delete' ? 'absent' : 'failed',
        op === 'delete'
          ? 'does not exist (nothing to delete)'
          : 'does not exist: create it first (action: create)',
      );
    }
    if (dryRun) {
      if (!existing) return outcomeOf(name, undefined, 'would-create', 'would be created and started');
      return outcomeOf(name, existing, 'existing', `exists; would ${op === 'create' ? 'start' : op} it`);
    }
    if (op === 'delete') return await deleteOne(ctx, name, existing as GitspaceView);
    let g: GitspaceView;
    let created = false;
    if (op === 'create') {
      ({ g, created } = await ensureCreated(ctx, spec, known, machines));
      ctx.log.info(
        created ? `${name}: created as ${g.identifier}` : `${name}: found ${g.identifier} (${stateOf(g)})`,
      );
    } else g = existing as GitspaceView;
    watcher = new Watcher(ctx, name, idOf(g));
    // Events are followed only when there is something to wait for: one already where it should be is reported
    // as it is, without reading its events.
    if (!created && !alreadyThere(op, stateOf(g))) await watcher.prime();
    if (op === 'stop') {
      const r = await stopAndWait(ctx, watcher, g);
      return outcomeOf(name, r.g, 'stopped', r.stopped ? 'stopped' : `already ${stateOf(r.g)}`);
    }
    const r = await startAndWait(ctx, watcher, g);
    const result: GitspaceResult = created
      ? 'created'
      : r.started
        ? 'started'
        : op === 'create'
          ? 'existing'
          : 'running';
    const detail = created ? 'created and started' : r.started ? 'started' : 'already running';
    return outcomeOf(
      name,
      r.g,
      result,
      ctx.wait === false && r.started ? `${detail} (not waited for)` : detail,
    );
  } catch (e) {
    const out = outcomeOf(name, undefined, 'failed', errorMessage(e));
    if (e instanceof GitspaceFailedError) out.lastEvents = e.lastEvents;
    else if (watcher) out.lastEvents = [...watcher.recent];
    ctx.log.error(`${name}: ${errorMessage(e)}`, { title: `Gitspace ${name}` });
    return out;
  }
}

/** Applies the operation to many gitspaces with at most `concurrency` in flight. */
export async function applyMany(
  ctx: GitspaceContext,
  op: GitspaceOperation,
  specs: readonly GitspaceSpec[],
  machines: readonly MachineResource[],
  /** `listed`: the project's gitspaces, already being listed by the caller. */
  opts: { concurrency: number; dryRun?: boolean; listed?: Promise<GitspaceView[]> },
): Promise<GitspaceOutcome[]> {
  const known = await (opts.listed ??
    ctx.pacer.call('list gitspaces', () => ctx.api.listGitspaces(ctx.org, ctx.project)));
  return mapLimit(specs, Math.max(1, opts.concurrency), (spec) =>
    applyOne(ctx, op, spec, known, machines, opts.dryRun),
  );
}
