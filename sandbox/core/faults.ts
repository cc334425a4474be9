import { Holds } from './holds.js';
import { Res, googleError, harnessError } from './wire.js';

/** A fault to inject: on a service (and optionally a route regex and method), at a rate in [0, 1]. */
export interface FaultRule {
  service?: string;
  route?: string;
  method?: string;
  rate: number;
  kind: 'latency' | '5xx' | '429' | 'drop' | 'throttle';
  latencyMs?: number;
  /** `5xx`: the status (default 503). `throttle` on GitHub: 403 (default) or 429, both documented. */
  status?: number;
  /** `429`: the Retry-After. `throttle`: GitHub's `retry-after` when set, else its `x-ratelimit-reset` this far ahead. */
  retryAfterSeconds?: number;
}

/** mulberry32: a small seeded PRNG so a fault run can be reproduced from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Faults {
  private readonly random: () => number;
  /** Requests a test stops at (sandbox/core/holds.ts); they reach every service through the dispatcher. */
  readonly holds = new Holds();
  constructor(
    public rules: FaultRule[] = [],
    seed = 1,
    /** Every request's round trip (scenario `requestLatencyMs`); settable while running, e.g. by a benchmark. */
    public baseLatencyMs = 0,
  ) {
    this.random = seededRandom(seed);
  }

  /** Returns the fault to apply to this request, if any. Latency rules combine with a later error rule. */
  decide(service: string, method: string, path: string): (FaultRule & { latencyMs?: number }) | undefined {
    let latency = this.baseLatencyMs;
    for (const r of this.rules) {
      if (r.service && r.service !== service) continue;
      if (r.method && r.method.toUpperCase() !== method) continue;
      if (r.route && !new RegExp(r.route).test(path)) continue;
      if (r.rate < 1 && this.random() >= r.rate) continue;
      if (r.kind === 'latency') latency += r.latencyMs ?? 0;
      else return { ...r, latencyMs: latency || undefined };
    }
    return latency ? { kind: 'latency', rate: 1, latencyMs: latency } : undefined;
  }

  response(service: string, f: FaultRule, nowMs = Date.now()): Res {
    const harness = service.startsWith('harness');
    if (f.kind === 'throttle') return throttled(service, f, nowMs);
    if (f.kind === '429') {
      const res = harness
        ? harnessError(429, 'Too many requests')
        : googleError(429, 'Quota exceeded for quota metric (injected fault)', 'rateLimitExceeded');
      return { ...res, headers: { 'retry-after': String(f.retryAfterSeconds ?? 1) } };
    }
    const code = f.status ?? 503;
    return harness
      ? harnessError(code, 'Service unavailable (injected fault)')
      : googleError(code, 'The service is currently unavailable (injected fault)', 'backendError');
  }
}

const PROJECT_NUMBER = '123456789012';

/** The message Google's quota system words a per-minute rate limit with (the provider matches it, see below). */
function quotaMessage(api: string, metric: string, limit: string): string {
  return `Quota exceeded for quota metric '${metric}' and limit '${limit}' of service '${api}' for consumer 'project_number:${PROJECT_NUMBER}'.`;
}

/** A Google rate-limit error: `errors[].reason` for the v1-style APIs, `ErrorInfo` RATE_LIMIT_EXCEEDED for all. */
function googleThrottle(status: 403 | 429, api: string, reason: string, metric: string, limit: string): Res {
  const message = quotaMessage(api, metric, limit);
  return {
    status,
    body: {
      error: {
        code: status,
        message,
        status: status === 403 ? 'PERMISSION_DENIED' : 'RESOURCE_EXHAUSTED',
        errors: [{ message, domain: 'usageLimits', reason }],
        details: [
          {
            '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
            reason: 'RATE_LIMIT_EXCEEDED',
            domain: 'googleapis.com',
            metadata: { service: api, consumer: `projects/${PROJECT_NUMBER}`, quota_limit: limit },
          },
        ],
      },
    },
  };
}

/**
 * Each service's own answer when it throttles (fault kind `throttle`; sources in docs/sandbox.md):
 * - Compute: `403` reason `rateLimitExceeded` ("If your project exceeds a rate quota, you receive a 403 error with
 *   the reason rateLimitExceeded", https://cloud.google.com/compute/api-quota), no Retry-After ("wait a minute");
 * - the other Google APIs: `429 RESOURCE_EXHAUSTED` (https://cloud.google.com/docs/quotas/troubleshoot: "If you
 *   exceed a quota with an HTTP/REST request, Google Cloud returns 429"; Cloud Storage's reason is
 *   `rateLimitExceeded`, https://cloud.google.com/storage/docs/json_api/v1/status-codes#429_Too_Many_Requests);
 * - Harness: `429` without Retry-After ("Retry-After in the 429 error responses is not currently supported by
 *   Google Cloud Armor", https://developer.harness.io/docs/platform/rate-limits/);
 * - GitHub: a secondary rate limit, `403` (or `429`) with `retry-after`, or `x-ratelimit-remaining: 0` and
 *   `x-ratelimit-reset` (https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api).
 */
export function throttled(service: string, f: FaultRule, nowMs: number): Res {
  const wait = f.retryAfterSeconds;
  switch (service) {
    case 'compute':
      return googleThrottle(
        403,
        'compute.googleapis.com',
        'rateLimitExceeded',
        'Queries',
        'Queries per minute',
      );
    case 'storage':
      return googleThrottle(
        429,
        'storage.googleapis.com',
        'rateLimitExceeded',
        'Requests',
        'Requests per minute',
      );
    case 'clouddns':
      return googleThrottle(
        429,
        'dns.googleapis.com',
        'rateLimitExceeded',
        'Read requests',
        'Read limit for a minute for a region',
      );
    case 'github': {
      const headers: Record<string, string> =
        wait !== undefined
          ? { 'retry-after': String(wait) }
          : {
              'x-ratelimit-limit': '1000',
              'x-ratelimit-remaining': '0',
              'x-ratelimit-used': '1000',
              'x-ratelimit-reset': String(Math.ceil(nowMs / 1000) + 1),
              'x-ratelimit-resource': 'core',
            };
      return {
        status: f.status === 429 ? 429 : 403,
        headers,
        body: {
          message:
            'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
          documentation_url:
            'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
          status: String(f.status === 429 ? 429 : 403),
        },
      };
    }
    default: {
      if (service.startsWith('harness'))
        return { status: 429, headers: { 'content-type': 'text/html' }, body: 'Too Many Requests' };
      const api =
        {
          serviceusage: 'serviceusage.googleapis.com',
          resourcemanager: 'cloudresourcemanager.googleapis.com',
          iam: 'iam.googleapis.com',
          certificatemanager: 'certificatemanager.googleapis.com',
          oauth: 'oauth2.googleapis.com',
          sts: 'sts.googleapis.com',
          iamcredentials: 'iamcredentials.googleapis.com',
        }[service] ?? `${service}.googleapis.com`;
      const res = googleThrottle(429, api, 'rateLimitExceeded', 'Requests', 'Requests per minute');
      return wait !== undefined ? { ...res, headers: { 'retry-after': String(wait) } } : res;
    }
  }
}
