/**
 * Harness's API rate limit, per API key: "API calls: Harness allows 1000 requests per API key per minute"
 * (https://developer.harness.io/docs/platform/rate-limits/: "A rate limiter restricts the number of requests
 * received within any given minute"; users "may receive status code 429 error responses"). Emulated as a fixed
 * window per key: the first `requests` requests of each window are served, the rest answered 429. The same page
 * says "Retry-After in the 429 error responses is not currently supported by Google Cloud Armor", so the 429
 * carries no Retry-After: the client has to pace itself.
 */
export interface RateLimit {
  /** Requests served per window and API key (Harness: 1000). */
  requests: number;
  /** The window (Harness: one minute). */
  windowMs: number;
}

export class RateLimiter {
  private readonly keys = new Map<string, { start: number; count: number }>();
  /** Requests served in each window since the first request (for the bench's share of the limit). */
  readonly served: number[] = [];
  readonly refused: number[] = [];
  /** When the first request arrived: windows are counted from it. */
  origin: number | undefined;

  constructor(
    readonly limit: RateLimit,
    private readonly now: () => number,
  ) {}

  /** Whether a request with this key is served now (and counts it). */
  take(key: string): boolean {
    const t = this.now();
    this.origin ??= t;
    const index = Math.floor((t - this.origin) / this.limit.windowMs);
    const start = this.origin + index * this.limit.windowMs;
    let w = this.keys.get(key);
    if (!w || w.start !== start) {
      w = { start, count: 0 };
      this.keys.set(key, w);
    }
    const ok = w.count < this.limit.requests;
    if (ok) w.count++;
    const tally = ok ? this.served : this.refused;
    while (tally.length <= index) tally.push(0);
    tally[index] = (tally[index] ?? 0) + 1;
    return ok;
  }
}
