/**
 * How the bundle's GitHub client retries, as GitHub's REST documentation says to
 * (https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api#exceeding-the-rate-limit):
 * a rate limit is a 403 or 429 with `retry-after` (wait that long), or with `x-ratelimit-remaining: 0` (wait
 * until `x-ratelimit-reset`, UTC epoch seconds), or a secondary-limit message without either (wait at least a
 * minute). Any other 403 is a permission problem and is never retried. A throttled request was not applied, so
 * every method is sent again; a network failure or a 5xx is retried for reads only (a comment POST may have been
 * applied: the caller finds its marked comment and updates it instead).
 */
import type { Clock } from '../clock.js';
import { RemoteError } from '../errors.js';
import type { Logger } from '../logger.js';
import { backoffDelay, networkCause, parseRetryAfter } from '../retry.js';

interface OctokitError {
  status?: number;
  message?: string;
  cause?: unknown;
  response?: { headers?: Record<string, string | number | undefined>; data?: unknown };
}

/** How long GitHub asks to wait before this request may be sent again, or undefined when it is no rate limit. */
export function githubThrottleWaitMs(e: unknown, nowMs: number): number | undefined {
  const err = e as OctokitError;
  if (err?.status !== 403 && err?.status !== 429) return undefined;
  const h = err.response?.headers ?? {};
  const header = (k: string) => (h[k] === undefined ? undefined : String(h[k]));
  const after = parseRetryAfter(header('retry-after'), nowMs);
  if (after !== undefined) return after;
  if (header('x-ratelimit-remaining') === '0') {
    const reset = Number(header('x-ratelimit-reset'));
    return Number.isFinite(reset) ? Math.max(0, reset * 1000 - nowMs) : 60_000;
  }
  const message = `${err.message ?? ''} ${JSON.stringify(err.response?.data ?? '')}`;
  if (/secondary rate limit|rate limit exceeded/i.test(message)) return 60_000;
  return err.status === 429 ? 60_000 : undefined;
}

/** A fetch failure inside Octokit: status 500 without a response (`@octokit/request`). */
function isNetworkFailure(e: unknown): boolean {
  const err = e as OctokitError;
  return err?.status === 500 && !err.response;
}

export interface GithubRetryOptions {
  clock: Clock;
  log?: Logger;
  /** Host of the API, named in a network failure. */
  host: string;
  attempts?: number;
  budgetMs?: number;
  random?: () => number;
}

/** Runs one Octokit request with GitHub's retry rules (above). */
export async function withGithubRetries<T>(
  method: string,
  route: string,
  send: () => Promise<T>,
  o: GithubRetryOptions,
): Promise<T> {
  const read = method === 'GET' || method === 'HEAD';
  const attempts = o.attempts ?? 5;
  const budget = o.budgetMs ?? 90_000;
  const start = o.clock.now();
  for (let attempt = 0; ; attempt++) {
    try {
      return await send();
    } catch (e) {
      const remaining = budget - (o.clock.now() - start);
      const last = attempt + 1 >= attempts;
      const wait = githubThrottleWaitMs(e, o.clock.now());
      let delay: number | undefined;
      if (wait !== undefined && !last && wait <= remaining)
        delay = Math.max(wait, backoffDelay(attempt, { random: o.random, baseMs: 500 }));
      else if (read && !last && (isNetworkFailure(e) || ((e as OctokitError)?.status ?? 0) >= 500))
        delay = Math.min(remaining, backoffDelay(attempt, { random: o.random, baseMs: 500 }));
      if (delay === undefined || delay < 0) {
        if (isNetworkFailure(e))
          throw new RemoteError(
            'github',
            0,
            `Cannot reach GitHub at ${o.host} (${method} ${route}): ${networkCause((e as OctokitError).cause ?? e)}`,
          );
        throw e;
      }
      o.log?.debug(`GitHub ${method} ${route}: ${(e as Error).message}; retry ${attempt + 1} in ${delay} ms`);
      await o.clock.sleep(delay);
    }
  }
}
