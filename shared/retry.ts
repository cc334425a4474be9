import { Clock, realClock } from './clock.js';
import { RemoteError, WaitTimeoutError, errorMessage } from './errors.js';
import { Logger, nullLogger } from './logger.js';

export interface RetryOptions {
  /** Total attempts including the first. */
  attempts?: number;
  baseMs?: number;
  maxMs?: number;
  clock?: Clock;
  /** 0..1, for reproducible jitter in tests. */
  random?: () => number;
  /** Whether this error may be retried; by default: network failures, 408, 429 and 5xx. */
  retryable?: (e: unknown) => boolean;
  onRetry?: (e: unknown, attempt: number, delayMs: number) => void;
}

const RETRYABLE_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
]);

/** Default policy: transient transport errors and 408/429/5xx. A 4xx that is the caller's fault never is. */
export function isTransient(e: unknown): boolean {
  if (e instanceof RemoteError)
    return e.status === 408 || e.status === 429 || e.status >= 500 || e.status === 0;
  const err = e as { code?: string; cause?: { code?: string }; name?: string };
  if (err?.code && RETRYABLE_CODES.has(err.code)) return true;
  if (err?.cause?.code && RETRYABLE_CODES.has(err.cause.code)) return true;
  return err?.name === 'TypeError' && /fetch failed/.test(errorMessage(e));
}

/** Retry-After as milliseconds: seconds or an HTTP date, per RFC 9110 §10.2.3. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/** Full-jitter exponential backoff: uniform in [0, min(max, base·2^n)]; a server's Retry-After wins when longer. */
export function backoffDelay(attempt: number, opts: RetryOptions, retryAfterMs?: number): number {
  const base = opts.baseMs ?? 500;
  const max = opts.maxMs ?? 30_000;
  const random = opts.random ?? Math.random;
  const cap = Math.min(max, base * 2 ** attempt);
  const jittered = Math.round(cap / 2 + (random() * cap) / 2);
  return retryAfterMs !== undefined ? Math.max(retryAfterMs, jittered) : jittered;
}

export async function retry<T>(fn: (attempt: number) => Promise<T>, opts: RetryOptions = {}): Promise<T> {
  const attempts = opts.attempts ?? 5;
  const clock = opts.clock ?? realClock;
  const retryable = opts.retryable ?? isTransient;
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (e) {
      if (attempt + 1 >= attempts || !retryable(e)) throw e;
      const retryAfter = e instanceof RemoteError ? e.retryAfterMs : undefined;
      const delay = backoffDelay(attempt, opts, retryAfter);
      opts.onRetry?.(e, attempt + 1, delay);
      await clock.sleep(delay);
    }
  }
}

export interface Observation<T> {
  done: boolean;
  /** A short human description of what was seen, e.g. `gateway us-central1: unhealthy (envoy: healthy)`. */
  state: string;
  value?: T;
  /** Stop waiting at once: the state can no longer become done (e.g. a gitspace in `error`). */
  failed?: boolean;
}

export interface WaitOptions {
  describe: string;
  deadlineMs: number;
  intervalMs?: number;
  /** The interval grows by this factor up to maxIntervalMs. */
  factor?: number;
  maxIntervalMs?: number;
  clock?: Clock;
  log?: Logger;
  /** Shown with the timeout: what to do when the state never arrives. */
  fix?: string;
}

/**
 * Polls `observe` until it reports done, logging each change of state. On the deadline it throws a
 * WaitTimeoutError naming what it waited for and the last state seen.
 */
export async function waitFor<T>(observe: () => Promise<Observation<T>>, opts: WaitOptions): Promise<T> {
  const clock = opts.clock ?? realClock;
  const log = opts.log ?? nullLogger;
  const start = clock.now();
  let interval = opts.intervalMs ?? 5000;
  let last = '(nothing observed yet)';
  for (;;) {
    let obs: Observation<T> | undefined;
    try {
      obs = await observe();
    } catch (e) {
      if (!isTransient(e)) throw e;
      obs = { done: false, state: `transient error: ${errorMessage(e)}` };
    }
    if (obs.state !== last) log.info(`${opts.describe}: ${obs.state}`);
    last = obs.state;
    if (obs.done) return obs.value as T;
    const elapsed = clock.now() - start;
    if (obs.failed) throw new WaitTimeoutError(opts.describe, last, elapsed, opts.fix);
    if (elapsed + interval > opts.deadlineMs) {
      if (elapsed < opts.deadlineMs) {
        await clock.sleep(opts.deadlineMs - elapsed);
        continue;
      }
      throw new WaitTimeoutError(opts.describe, last, elapsed, opts.fix);
    }
    await clock.sleep(interval);
    interval = Math.min(opts.maxIntervalMs ?? interval, Math.round(interval * (opts.factor ?? 1)));
  }
}

/** Runs tasks with at most `limit` in flight; results keep the input order. */
export async function mapLimit<A, B>(
  items: readonly A[],
  limit: number,
  fn: (item: A, i: number) => Promise<B>,
): Promise<B[]> {
  const out = new Array<B>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as A, i);
    }
  });
  await Promise.all(workers);
  return out;
}
