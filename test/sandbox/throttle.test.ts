/**
 * Fault kind `throttle`: each emulated service answers its own documented rate-limit shape, and each client
 * retries it as that service documents (shared/retry.ts, shared/github/retry.ts); read-only POSTs and dropped
 * connections are retried as reads; a network failure is a transient remote error naming the host.
 */
import { afterEach, describe, expect, test } from '@jest/globals';
import { FakeClock } from '../../shared/clock.js';
import { RemoteError } from '../../shared/errors.js';
import { outcomeOfError } from '../../shared/failure.js';
import { createGcp } from '../../shared/gcp/index.js';
import { githubClient } from '../../shared/github/comments.js';
import { HarnessClient } from '../../shared/harness/client.js';
import { RecordingLogger } from '../../shared/logger.js';
import { isThrottled } from '../../shared/retry.js';
import type { FaultRule } from '../../sandbox/core/faults.js';
import { Sandbox, startSandbox } from '../../sandbox/index.js';
import { providerRetries } from '../../sandbox/provider/google-api.js';

let sb: Sandbox | undefined;
afterEach(async () => {
  await sb?.stop();
  sb = undefined;
});

async function sandboxWith(faults: FaultRule[], seed = 3): Promise<Sandbox> {
  sb = await startSandbox({ scenario: { seed, faults } });
  return sb;
}

async function raw(url: string, init: RequestInit = {}) {
  const r = await fetch(url, init);
  return { status: r.status, headers: Object.fromEntries(r.headers), body: await r.text() };
}

describe('the throttle fault answers as each service documents', () => {
  test('Compute: 403 rateLimitExceeded with the per-minute quota message, no Retry-After', async () => {
    const s = await sandboxWith([{ service: 'compute', kind: 'throttle', rate: 1 }]);
    const r = await raw(`${s.urls.compute}/compute/v1/projects/acme-gitspaces/regions/us-central1`);
    expect(r.status).toBe(403);
    expect(r.headers['retry-after']).toBeUndefined();
    const err = JSON.parse(r.body).error;
    expect(err.status).toBe('PERMISSION_DENIED');
    expect(err.errors[0].reason).toBe('rateLimitExceeded');
    expect(err.message).toMatch(
      /^Quota exceeded for quota metric 'Queries' and limit 'Queries per minute' of service 'compute\.googleapis\.com'/,
    );
    // The real provider's predicate (is403QuotaExceededPerMinuteError) matches it.
    expect(providerRetries(403, r.body)).toBe(true);
  });

  test('Resource Manager and Service Usage: 429 RESOURCE_EXHAUSTED; Harness: 429 without Retry-After', async () => {
    const s = await sandboxWith([{ kind: 'throttle', rate: 1 }]);
    for (const url of [
      `${s.urls.resourcemanager}/v1/projects/acme-gitspaces`,
      `${s.urls.serviceusage}/v1/projects/acme-gitspaces/services/compute.googleapis.com`,
    ]) {
      const r = await raw(url);
      expect(r.status).toBe(429);
      const err = JSON.parse(r.body).error;
      expect(err.status).toBe('RESOURCE_EXHAUSTED');
      expect(err.details[0].reason).toBe('RATE_LIMIT_EXCEEDED');
    }
    const h = await raw(`${s.urls.harness}/gateway/cde/api/v1/accounts/x/infraproviders`);
    expect(h.status).toBe(429);
    expect(h.headers['retry-after']).toBeUndefined();
  });

  test('GitHub: 403 secondary rate limit with x-ratelimit-remaining 0 and x-ratelimit-reset', async () => {
    const s = await sandboxWith([{ service: 'github', kind: 'throttle', rate: 1 }]);
    const r = await raw(`${s.urls.github}/repos/acme/platform-infra/issues/7/comments`);
    expect(r.status).toBe(403);
    expect(r.headers['x-ratelimit-remaining']).toBe('0');
    expect(Number(r.headers['x-ratelimit-reset'])).toBeGreaterThan(Date.now() / 1000 - 1);
    expect(JSON.parse(r.body).message).toMatch(/secondary rate limit/);
  });
});

describe('the clients retry throttling and transient failures as documented', () => {
  test('a Compute 403 rateLimitExceeded is retried; a 403 forbidden or quotaExceeded is not', () => {
    const body = (reason: string, message = 'x') => ({ error: { code: 403, message, errors: [{ reason }] } });
    expect(isThrottled(new RemoteError('compute', 403, 'm', body('rateLimitExceeded')))).toBe(true);
    expect(isThrottled(new RemoteError('compute', 403, 'm', body('userRateLimitExceeded')))).toBe(true);
    expect(isThrottled(new RemoteError('compute', 403, 'm', body('forbidden')))).toBe(false);
    expect(isThrottled(new RemoteError('compute', 403, 'm', body('quotaExceeded')))).toBe(false);
    expect(isThrottled(new RemoteError('harness', 429, 'm'))).toBe(true);
  });

  test('the stand-in provider retries what terraform-provider-google retries, no more', () => {
    expect([429, 500, 502, 503].map((s) => providerRetries(s, '{}'))).toEqual([true, true, true, true]);
    expect(providerRetries(504, '{}')).toBe(false);
    expect(
      providerRetries(
        403,
        '{"error":{"errors":[{"reason":"rateLimitExceeded"}],"message":"Rate Limit Exceeded"}}',
      ),
    ).toBe(false);
    expect(
      providerRetries(403, '{"error":{"details":[{"reason": "CONCURRENT_OPERATIONS_QUOTA_EXCEEDED"}]}}'),
    ).toBe(true);
    expect(providerRetries(409, '{"error":{"errors":[{"reason":"operationInProgress"}]}}')).toBe(true);
    expect(providerRetries(409, '{"error":{"errors":[{"reason":"alreadyExists"}]}}')).toBe(false);
    expect(providerRetries(400, 'resourceNotReady: projects/p/regions/r/subnetworks/s')).toBe(true);
  });

  test('Compute throttling at 50%: every read arrives', async () => {
    const s = await sandboxWith([{ service: 'compute', kind: 'throttle', rate: 0.5 }]);
    const clock = new FakeClock(Date.now());
    const gcp = createGcp({ env: s.env, log: new RecordingLogger(), random: () => 0, clock });
    for (let i = 0; i < 4; i++)
      expect((await gcp.compute.getRegion('acme-gitspaces', 'us-central1')).name).toBe('us-central1');
    expect(
      s.journal.entries.filter((e) => e.fault === 'throttle' && e.status === 403).length,
    ).toBeGreaterThan(0);
  });

  test('getIamPolicy, testIamPermissions and getEffectiveOrgPolicy survive dropped connections', async () => {
    const s = await sandboxWith([{ service: 'resourcemanager', kind: 'drop', rate: 0.5 }], 4);
    const gcp = createGcp({ env: s.env, log: new RecordingLogger(), random: () => 0 });
    for (let i = 0; i < 4; i++) {
      expect((await gcp.resourceManager.getIamPolicy('acme-gitspaces')).bindings.length).toBeGreaterThan(0);
      expect(
        await gcp.resourceManager.testIamPermissions('acme-gitspaces', ['compute.instances.create']),
      ).toEqual(['compute.instances.create']);
      expect(
        (await gcp.resourceManager.getEffectiveOrgPolicy('acme-gitspaces', 'compute.requireOsLogin')).status,
      ).toBe('ok');
    }
    expect(s.journal.entries.filter((e) => e.fault === 'drop').length).toBeGreaterThan(2);
  });

  test('Harness: throttled requests are sent again; a closed connection is a transient error naming the host', async () => {
    const s = await sandboxWith([{ service: 'harness', kind: 'throttle', rate: 0.5 }]);
    const h = new HarnessClient({
      baseUrl: s.urls.harness as string,
      apiKey: s.secrets.harnessApiKey,
      accountId: s.scenario.harness.accountId,
      retry: { baseMs: 1, random: () => 0 },
    });
    for (let i = 0; i < 4; i++) expect(Array.isArray(await h.listInfraProviders())).toBe(true);
    expect(s.journal.entries.some((e) => e.fault === 'throttle')).toBe(true);
    await s.stop();
    const e = await h.listInfraProviders().catch((x: unknown) => x);
    const host = new URL(s.urls.harness as string).host;
    expect(e).toBeInstanceOf(RemoteError);
    const outcome = outcomeOfError(e);
    expect(outcome.bug).toBe(false);
    expect(outcome.message).toContain(
      `Transient remote error (the network, not this bundle): Cannot reach Harness at ${host}`,
    );
    expect(outcome.message).not.toMatch(/this is a bug/);
    sb = undefined;
  });

  test('a raw "fetch failed" is reported as a transient remote error, never as a bug', () => {
    const e = new TypeError('fetch failed', {
      cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
    });
    const o = outcomeOfError(e);
    expect(o.bug).toBe(false);
    expect(o.message).toMatch(/^Transient remote error \(the network, not this bundle\): ECONNRESET/);
  });

  test('GitHub: a rate-limited request waits for x-ratelimit-reset and is sent again; a plain 403 is not', async () => {
    const s = await sandboxWith([{ service: 'github', kind: 'throttle', rate: 0.5 }], 5);
    const octokit = githubClient(s.secrets.githubToken, s.env as NodeJS.ProcessEnv);
    for (let i = 0; i < 3; i++) {
      const r = await octokit.rest.issues.listComments({
        owner: 'acme',
        repo: 'platform-infra',
        issue_number: 7,
      });
      expect(r.status).toBe(200);
    }
    expect(s.journal.entries.some((e) => e.fault === 'throttle' && e.status === 403)).toBe(true);
    const denied = await githubClient('not-a-token', s.env as NodeJS.ProcessEnv)
      .rest.issues.listComments({ owner: 'acme', repo: 'platform-infra', issue_number: 7 })
      .catch((x: { status?: number }) => x);
    expect((denied as { status?: number }).status).toBe(401);
  }, 30_000);
});
