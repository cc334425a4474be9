import { FakeClock } from '../../shared/clock.js';
import { RemoteError, WaitTimeoutError } from '../../shared/errors.js';
import { RecordingLogger } from '../../shared/logger.js';
import { backoffDelay, isTransient, mapLimit, parseRetryAfter, retry, waitFor } from '../../shared/retry.js';

const unavailable = (retryAfterMs?: number) =>
  new RemoteError('compute', 503, 'backend unavailable', undefined, retryAfterMs);

describe('retry', () => {
  test('retries transient failures and returns the first success', async () => {
    const clock = new FakeClock();
    let calls = 0;
    const v = await retry(
      async () => {
        calls++;
        if (calls < 3) throw unavailable();
        return 'ok';
      },
      { clock, random: () => 0.5 },
    );
    expect(v).toBe('ok');
    expect(calls).toBe(3);
    expect(clock.sleeps).toHaveLength(2);
  });

  test('honours Retry-After when it is longer than the backoff', async () => {
    const clock = new FakeClock();
    let calls = 0;
    await retry(
      async () => {
        if (calls++ === 0) throw new RemoteError('harness', 429, 'rate limited', undefined, 7000);
        return 1;
      },
      { clock, baseMs: 100, random: () => 1 },
    );
    expect(clock.sleeps).toEqual([7000]);
    expect(clock.now()).toBe(7000);
  });

  test('the backoff wins over a shorter Retry-After', () => {
    expect(backoffDelay(3, { baseMs: 1000, maxMs: 60_000, random: () => 1 }, 500)).toBe(8000);
  });

  test('does not retry what is not safe to retry (400, 403, 404, 409, a bug)', async () => {
    for (const e of [
      new RemoteError('compute', 400, 'bad request'),
      new RemoteError('iam', 403, 'denied'),
      new RemoteError('harness', 404, 'no such infra'),
      new RemoteError('harness', 409, 'exists'),
      new TypeError('x is undefined'),
    ]) {
      const clock = new FakeClock();
      let calls = 0;
      await expect(
        retry(
          async () => {
            calls++;
            throw e;
          },
          { clock },
        ),
      ).rejects.toBe(e);
      expect(calls).toBe(1);
      expect(clock.sleeps).toEqual([]);
    }
  });

  test('gives up after the attempts with the last error', async () => {
    const clock = new FakeClock();
    let calls = 0;
    const retries: number[] = [];
    const onRetry = (_e: unknown, attempt: number) => void retries.push(attempt);
    await expect(
      retry(
        async () => {
          calls++;
          throw unavailable();
        },
        { clock, attempts: 4, onRetry },
      ),
    ).rejects.toThrow('backend unavailable');
    expect(calls).toBe(4);
    expect(retries).toEqual([1, 2, 3]);
  });

  test('jitter stays within [cap/2, cap] and the cap within maxMs', () => {
    for (let attempt = 0; attempt < 12; attempt++) {
      const cap = Math.min(30_000, 500 * 2 ** attempt);
      expect(backoffDelay(attempt, { random: () => 0 })).toBe(Math.round(cap / 2));
      expect(backoffDelay(attempt, { random: () => 0.999999 })).toBeLessThanOrEqual(cap);
      expect(backoffDelay(attempt, { random: () => 0.999999 })).toBeGreaterThanOrEqual(cap / 2);
    }
    expect(backoffDelay(20, { random: () => 1 })).toBe(30_000);
  });

  test('isTransient: 408, 429, 5xx and network errors are; 4xx are not', () => {
    expect([408, 429, 500, 502, 503].map((s) => isTransient(new RemoteError('x', s, '')))).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect([400, 401, 403, 404, 409, 412].map((s) => isTransient(new RemoteError('x', s, '')))).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(isTransient(Object.assign(new Error('reset'), { code: 'ECONNRESET' }))).toBe(true);
    expect(isTransient(new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } }))).toBe(true);
    expect(isTransient(new Error('nope'))).toBe(false);
  });

  test('parseRetryAfter reads seconds and HTTP dates', () => {
    const now = Date.parse('2026-11-29T12:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Sun, 29 Nov 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Sun, 29 Nov 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('waitFor', () => {
  test('returns the value once done, logging each change of state once', async () => {
    const clock = new FakeClock();
    const log = new RecordingLogger();
    const states = ['provisioning', 'provisioning', 'starting', 'running'];
    let i = 0;
    const v = await waitFor(
      async () => {
        const s = states[i++] as string;
        return { done: s === 'running', state: s, value: `gitspace ${s}` };
      },
      { describe: 'gitspace api-dev', deadlineMs: 60_000, intervalMs: 1000, clock, log },
    );
    expect(v).toBe('gitspace running');
    expect(log.lines).toEqual([
      'info: gitspace api-dev: provisioning',
      'info: gitspace api-dev: starting',
      'info: gitspace api-dev: running',
    ]);
    expect(clock.sleeps).toEqual([1000, 1000, 1000]);
  });

  test('at the deadline it throws with what it waited for and the last state seen', async () => {
    const clock = new FakeClock();
    let n = 0;
    const p = waitFor(async () => ({ done: false, state: `gateway us-central1: unhealthy (check ${++n})` }), {
      describe: 'gateway health',
      deadlineMs: 10 * 60_000,
      intervalMs: 30_000,
      clock,
      fix: 'Check the delegate.',
    });
    await expect(p).rejects.toBeInstanceOf(WaitTimeoutError);
    const e = (await p.catch((x: unknown) => x)) as WaitTimeoutError;
    expect(e.describe).toBe('gateway health');
    expect(e.lastState).toBe(`gateway us-central1: unhealthy (check ${n})`);
    expect(e.message).toBe(
      `Gave up waiting for gateway health after 600s; last state: gateway us-central1: unhealthy (check ${n})`,
    );
    expect(e.fix).toBe('Check the delegate.');
    expect(clock.now()).toBe(600_000);
  });

  test('a state that can no longer become done stops the wait at once', async () => {
    const clock = new FakeClock();
    await expect(
      waitFor(async () => ({ done: false, failed: true, state: 'error: image pull failed' }), {
        describe: 'gitspace',
        deadlineMs: 60_000,
        clock,
      }),
    ).rejects.toThrow('last state: error: image pull failed');
    expect(clock.sleeps).toEqual([]);
  });

  test('transient errors while observing are a state, not a failure; other errors end the wait', async () => {
    const clock = new FakeClock();
    let i = 0;
    const v = await waitFor(
      async () => {
        if (i++ === 0) throw unavailable();
        return { done: true, state: 'ready', value: 42 };
      },
      { describe: 'x', deadlineMs: 60_000, intervalMs: 10, clock },
    );
    expect(v).toBe(42);
    await expect(
      waitFor(
        async () => {
          throw new RemoteError('harness', 403, 'forbidden');
        },
        { describe: 'x', deadlineMs: 60_000, clock },
      ),
    ).rejects.toThrow('forbidden');
  });

  test('the interval grows by the factor up to maxIntervalMs', async () => {
    const clock = new FakeClock();
    let i = 0;
    await waitFor(async () => ({ done: ++i === 6, state: String(i) }), {
      describe: 'x',
      deadlineMs: 600_000,
      intervalMs: 1000,
      factor: 2,
      maxIntervalMs: 5000,
      clock,
    });
    expect(clock.sleeps).toEqual([1000, 2000, 4000, 5000, 5000]);
  });
});

test('mapLimit keeps order and never runs more than the limit at once', async () => {
  let inFlight = 0;
  let peak = 0;
  const out = await mapLimit([5, 1, 4, 2, 3], 2, async (n) => {
    inFlight++;
    peak = Math.max(peak, inFlight);
    await new Promise((r) => setImmediate(r));
    inFlight--;
    return n * 10;
  });
  expect(out).toEqual([50, 10, 40, 20, 30]);
  expect(peak).toBe(2);
});
