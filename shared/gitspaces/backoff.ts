import { Clock } from '../clock.js';
import { RemoteError, errorMessage } from '../errors.js';
import { Logger, nullLogger } from '../logger.js';
import { backoffDelay, isTransient } from '../retry.js';

/** A request whose outcome is unknown: the server may or may not have acted on it (5xx, dropped connection). */
export class AmbiguousFailure extends Error {
  override readonly name = 'AmbiguousFailure';
  constructor(override readonly cause: unknown) {
    super(`outcome unknown: ${errorMessage(cause)}`);
  }
}

export function statusOf(e: unknown): number | undefined {
  return e instanceof RemoteError ? e.status : undefined;
}

export interface PacerOptions {
  clock: Clock;
  log?: Logger;
  /** Used when a 429 carries no Retry-After. */
  defaultRetryAfterMs?: number;
  /** Backoff for 5xx and transport errors. */
  baseMs?: number;
  maxMs?: number;
  /** Attempts for one call on 5xx / transport errors (429s are counted separately). */
  attempts?: number;
  /** How many 429s one call accepts before giving up. */
  max429?: number;
  random?: () => number;
}

/**
 * Shared by every worker of a bulk run: a 429's Retry-After holds the whole pool, not only the caller, so
 * that concurrency does not turn one rejection into a burst of them; the hold ends exactly when the server
 * said, so throughput stays close to the server's limit.
 */
export class Pacer {
  private until = 0;
  readonly stats = { calls: 0, rateLimited: 0, transient: 0, ambiguous: 0 };
  constructor(readonly opts: PacerOptions) {}

  get clock(): Clock {
    return this.opts.clock;
  }

  private async gate(): Promise<void> {
    for (;;) {
      const wait = this.until - this.opts.clock.now();
      if (wait <= 0) return;
      await this.opts.clock.sleep(wait);
    }
  }

  private hold(from: number, ms: number): void {
    this.until = Math.max(this.until, from + ms);
  }

  /**
   * Runs `fn`, waiting out 429s (Retry-After honoured, shared) and retrying transient failures with jittered
   * backoff. With `ambiguous: true` (a POST that is not idempotent) a transient failure is not retried but
   * thrown as AmbiguousFailure, so the caller can look before it tries again.
   */
  async call<T>(what: string, fn: () => Promise<T>, opts: { ambiguous?: boolean } = {}): Promise<T> {
    const log = this.opts.log ?? nullLogger;
    const attempts = this.opts.attempts ?? 6;
    const max429 = this.opts.max429 ?? 60;
    let failures = 0;
    let limited = 0;
    for (;;) {
      await this.gate();
      this.stats.calls++;
      const sentAt = this.opts.clock.now();
      try {
        return await fn();
      } catch (e) {
        if (statusOf(e) === 429) {
          this.stats.rateLimited++;
          if (++limited > max429) throw e;
          const ra = (e as RemoteError).retryAfterMs;
          const ms = ra ?? this.opts.defaultRetryAfterMs ?? 1000;
          log.debug(
            `${what}: rate limited (429), waiting ${ms} ms${ra === undefined ? '' : ' as Retry-After asks'}`,
          );
          // Counted from when the request left: the server measured its bucket then (or just after), and
          // rejections of requests already in flight do not push the pool's wait further out.
          this.hold(sentAt, ms);
          continue;
        }
        if (!isTransient(e)) throw e;
        this.stats.transient++;
        if (opts.ambiguous) {
          this.stats.ambiguous++;
          throw new AmbiguousFailure(e);
        }
        if (++failures >= attempts) throw e;
        const delay = backoffDelay(failures - 1, {
          baseMs: this.opts.baseMs ?? 500,
          maxMs: this.opts.maxMs ?? 15_000,
          random: this.opts.random,
        });
        log.debug(`${what}: ${errorMessage(e)}; retry ${failures}/${attempts - 1} in ${delay} ms`);
        await this.opts.clock.sleep(delay);
      }
    }
  }
}
