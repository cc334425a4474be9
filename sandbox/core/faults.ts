import { Holds } from './holds.js';
import { Res, googleError, harnessError } from './wire.js';

/** A fault to inject: on a service (and optionally a route regex and method), at a rate in [0, 1]. */
export interface FaultRule {
  service?: string;
  route?: string;
  method?: string;
  rate: number;
  kind: 'latency' | '5xx' | '429' | 'drop';
  latencyMs?: number;
  status?: number;
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
  ) {
    this.random = seededRandom(seed);
  }

  /** Returns the fault to apply to this request, if any. Latency rules combine with a later error rule. */
  decide(service: string, method: string, path: string): (FaultRule & { latencyMs?: number }) | undefined {
    let latency = 0;
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

  response(service: string, f: FaultRule): Res {
    const harness = service.startsWith('harness');
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
