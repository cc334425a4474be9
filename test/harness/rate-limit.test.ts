import { startSandbox, Sandbox } from '../../sandbox/index.js';
import { RateLimiter } from '../../sandbox/harness/rate-limit.js';

/** Harness's per-API-key limit (developer.harness.io/docs/platform/rate-limits), as the emulator enforces it. */
describe('the Harness emulator rate limit', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox({ scenario: { harness: { rateLimit: { requests: 3, windowMs: 3_600_000 } } } });
  });
  afterAll(() => sb?.stop());

  it('serves the first requests of a window and answers the next 429, without Retry-After', async () => {
    const url = `${sb.urls.harness}/gateway/cde/api/v1/accounts/${sb.scenario.harness.accountId}/orgs/default/projects/platform/gitspaces`;
    const get = () => fetch(url, { headers: { 'x-api-key': sb.env.HARNESS_API_KEY as string } });
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 4; i++) {
      last = await get();
      statuses.push(last.status);
      await last.text();
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(last?.headers.get('retry-after')).toBeNull();
    // A request without a valid key is refused as unauthorised, not counted against the key.
    const anonymous = await fetch(url);
    expect(anonymous.status).toBe(401);
  });

  it('starts a new window after windowMs, per key, and counts what it served and refused per window', () => {
    let t = 0;
    const rl = new RateLimiter({ requests: 2, windowMs: 1000 }, () => t);
    expect([rl.take('a'), rl.take('a'), rl.take('a'), rl.take('b')]).toEqual([true, true, false, true]);
    t = 1500;
    expect([rl.take('a'), rl.take('a'), rl.take('a')]).toEqual([true, true, false]);
    expect(rl.served).toEqual([3, 2]);
    expect(rl.refused).toEqual([1, 1]);
  });
});
