import { Clock, realClock } from './clock.js';
import { RemoteError, WaitTimeoutError, errorMessage } from './errors.js';
import { Logger, nullLogger } from './logger.js';

export interface RetryOptions {
  /**
   * Total attempts including the first (default 5). When left unset, a throttled request gets up to 12 within the
   * budget; when set, it is the cap for every error.
   */
  attempts?: number;
  baseMs?: number;
  maxMs?: number;
  clock?: Clock;
  /** 0..1, for reproducible jitter in tests. */
  random?: () => number;
  /** Whether this error may be retried; by default: network failures, 408, 429, 5xx and documented throttling. */
  retryable?: (e: unknown) => boolean;
  /**
   * The most time retries may take, waits included (default 90 s, the real Google provider's per-request retry
   * budget, `defaultRetryTransportTimeoutSec` in its transport/retry_transport.go). A throttled request is retried
   * until this is spent (up to 12 attempts unless `attempts` is set): rate quotas refill within a minute. A wait
   * the server asks for (Retry-After, x-ratelimit-reset) that would end beyond the budget is not waited: the error
   * is thrown at once, saying how long the server asked to wait.
   */
  budgetMs?: number;
  onRetry?: (e: unknown, attempt: number, delayMs: number) => void;
}

const RETRYABLE_CODES = new Set([
  'ECONNRESET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ENOTFOUND',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
]);

/**
 * Reasons Google gives a rate limit that a 403 carries: Compute answers `403 rateLimitExceeded` when a rate quota
 * is exceeded (https://cloud.google.com/compute/api-quota), `userRateLimitExceeded` per user
 * (https://cloud.google.com/compute/docs/api/how-tos/api-requests-responses), and in `ErrorInfo`
 * `RATE_LIMIT_EXCEEDED` (https://cloud.google.com/apis/design/errors#error_info) or
 * `CONCURRENT_OPERATIONS_QUOTA_EXCEEDED` (too many operations in flight; the Google provider retries it). A 403
 * `forbidden`, `quotaExceeded` (an allocation quota such as CPUs) or `IAM_PERMISSION_DENIED` is never retried.
 */
const THROTTLE_REASONS = new Set([
  'rateLimitExceeded',
  'userRateLimitExceeded',
  'RATE_LIMIT_EXCEEDED',
  'CONCURRENT_OPERATIONS_QUOTA_EXCEEDED',
]);
/** The message Google's quota system gives a per-minute rate quota (matched by the Google provider too). */
const PER_MINUTE_QUOTA = /Quota exceeded for quota metric '.*' and limit '.* per minute'/;

/**
 * A request the service refused because of a rate limit, as its documentation says it does: a 429 (every
 * service), a Google 403 with a rate-limit reason (above), or a GitHub 403 its client marked as a rate limit
 * (`RemoteError.throttled`: `retry-after`, or `x-ratelimit-remaining: 0`). Such a request was not applied, so
 * even a non-idempotent one may be sent again.
 */
export function isThrottled(e: unknown): boolean {
  if (!(e instanceof RemoteError)) return false;
  if (e.status === 429 || e.throttled) return true;
  if (e.status !== 403) return false;
  const err = (e.body as { error?: GoogleLikeError } | undefined)?.error;
  if (err && typeof err === 'object') {
    if (err.errors?.some((x) => x?.reason && THROTTLE_REASONS.has(x.reason))) return true;
    if (err.details?.some((d) => d?.reason && THROTTLE_REASONS.has(d.reason))) return true;
    if (typeof err.message === 'string' && PER_MINUTE_QUOTA.test(err.message)) return true;
  }
  return PER_MINUTE_QUOTA.test(e.message) || /\((rateLimitExceeded|userRateLimitExceeded)\)$/.test(e.message);
}

/**
 * A write Google refused before doing anything, so it may be sent again whatever its method: throttled, or 503
 * (the request was not accepted). A 500, a 502 or a dropped answer may have been applied (CONTRIBUTING, Retries).
 */
export function isRefusedUnapplied(e: unknown): boolean {
  return isThrottled(e) || (e instanceof RemoteError && e.status === 503);
}

interface GoogleLikeError {
  message?: string;
  errors?: { reason?: string }[];
  details?: { reason?: string }[];
}

/** Default policy: transient transport errors, 408/429/5xx and throttling. A 4xx that is the caller's fault never is. */
export function isTransient(e: unknown): boolean {
  if (e instanceof RemoteError)
    return e.status === 408 || e.status === 429 || e.status >= 500 || e.status === 0 || isThrottled(e);
  return isNetworkFailure(e);
}

/** A failure of the connection itself (refused, reset, dropped, timed out, DNS), before any HTTP answer. */
export function isNetworkFailure(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string }; name?: string };
  if (err?.code && RETRYABLE_CODES.has(err.code)) return true;
  if (err?.cause?.code && RETRYABLE_CODES.has(err.cause.code)) return true;
  if (err?.name === 'TimeoutError') return true;
  const m = errorMessage(e);
  return /fetch failed|socket hang up|ECONNRESET|other side closed/i.test(m) || m === 'terminated';
}

/** Why a network failure happened, in a few words (`ECONNRESET`, `timed out`, `other side closed`). */
export function networkCause(e: unknown): string {
  const err = e as { cause?: { code?: string; message?: string }; name?: string; code?: string };
  if (err?.name === 'TimeoutError') return 'timed out';
  return err?.cause?.code ?? err?.code ?? err?.cause?.message ?? errorMessage(e);
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

/** Attempts a throttled request gets at most (with the budget, ~90 s of backoff: a rate quota's minute). */
const THROTTLE_ATTEMPTS = 12;

export async function retry<T>(fn: (attempt: number) => Promise<T>, opts: RetryOptions = {}): Promise<T> {
  const attempts = opts.attempts ?? 5;
  const clock = opts.clock ?? realClock;
  const retryable = opts.retryable ?? isTransient;
  const budget = opts.budgetMs ?? 90_000;
  const start = clock.now();
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (e) {
      const limit = isThrottled(e) && opts.attempts === undefined ? THROTTLE_ATTEMPTS : attempts;
      if (attempt + 1 >= limit || !retryable(e)) throw e;
      const retryAfter = e instanceof RemoteError ? e.retryAfterMs : undefined;
      const remaining = budget - (clock.now() - start);
      if (retryAfter !== undefined && retryAfter > remaining) throw beyondBudget(e, retryAfter);
      const delay = Math.min(backoffDelay(attempt, opts, retryAfter), Math.max(0, remaining));
      if (remaining <= 0) throw e;
      opts.onRetry?.(e, attempt + 1, delay);
      await clock.sleep(delay);
    }
  }
}

/** The server asked for a wait longer than the retry budget: say so rather than sleep through the job. */
function beyondBudget(e: unknown, waitMs: number): unknown {
  if (!(e instanceof RemoteError)) return e;
  const until = Math.ceil(waitMs / 1000);
  return new RemoteError(
    e.service,
    e.status,
    `${e.message} (the service asks to wait ${until}s before retrying, longer than this step retries; re-run the step later)`,
    e.body,
    e.retryAfterMs,
    e.throttled,
  );
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
