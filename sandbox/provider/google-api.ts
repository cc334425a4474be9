import { Unknown } from './cty.js';
import { createSign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Endpoints } from '../../shared/endpoints.js';

/**
 * The stand-in provider's REST transport, behaving as hashicorp/google's does (transport_tpg):
 * - auth: `access_token` when given, else a service-account key (`credentials`, contents or path, or
 *   GOOGLE_APPLICATION_CREDENTIALS) signed into a JWT and exchanged at the token endpoint;
 * - retries as its retry transport does (google/transport/retry_transport.go and error_retry_predicates.go,
 *   `defaultErrorRetryPredicates`, terraform-provider-google at e03b7622): 429, 500, 502, 503; a 403 whose body
 *   says "Quota exceeded for quota metric '...' and limit '... per minute'" (is403QuotaExceededPerMinuteError:
 *   Compute throttling) or whose ErrorInfo reason is CONCURRENT_OPERATIONS_QUOTA_EXCEEDED; a 409
 *   `operationInProgress`; a 400 `resourceNotReady` of a network or subnetwork; a connection reset or timeout.
 *   Nothing else: not a 403 rateLimitExceeded without that message, not a 504. The backoff is Fibonacci from
 *   500 ms (0.5, 1, 1.5, 2.5, 4 s ...) until the request's context ends; Retry-After is not read. A connection
 *   closed without an answer (Go's `EOF`) is not among the predicates: Go's transport itself sends a GET again
 *   on a fresh connection (http.Request.isReplayable), never a POST, PATCH or DELETE;
 * - errors worded as googleapi formats them: `googleapi: Error 409: <message>, <reason>`.
 */

export class GoogleApiError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    readonly detail: string,
  ) {
    super(`googleapi: Error ${status}: ${detail}${reason ? `, ${reason}` : ''}`);
  }
}

export interface Credentials {
  accessToken?: string;
  key?: { client_email: string; private_key: string; private_key_id?: string };
}

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}
export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
};

/** `credentials` as the provider takes it: the key's JSON, or a path to it. */
export function readCredentials(
  credentials: string | null | undefined,
  env: NodeJS.ProcessEnv,
): Credentials['key'] {
  const raw =
    credentials?.trim() ||
    (env.GOOGLE_APPLICATION_CREDENTIALS ? readFileSync(env.GOOGLE_APPLICATION_CREDENTIALS, 'utf8') : '');
  if (!raw) return undefined;
  const text = raw.startsWith('{') ? raw : readFileSync(raw, 'utf8');
  return JSON.parse(text) as Credentials['key'];
}

const RETRYABLE = new Set([429, 500, 502, 503]);
const PER_MINUTE_QUOTA = /Quota exceeded for quota metric '.*' and limit '.* per minute' of service/;

/** The provider's default retry predicates on an HTTP error (see the header). */
export function providerRetries(status: number, body: string): boolean {
  if (RETRYABLE.has(status)) return true;
  if (status === 403)
    return PER_MINUTE_QUOTA.test(body) || /"reason":\s*"CONCURRENT_OPERATIONS_QUOTA_EXCEEDED"/.test(body);
  if (status === 409) return body.includes('operationInProgress');
  if (status === 400) return body.includes('resourceNotReady') && /networks/.test(body);
  return false;
}

/** Go's error for a transport failure: a reset and a timeout are retried, a closed connection (EOF) only for a GET. */
function transportRetries(method: string, e: unknown): { retry: boolean; text: string } {
  const cause = (e as { cause?: { code?: string; message?: string } })?.cause;
  const code = cause?.code ?? '';
  if (code === 'ECONNRESET') return { retry: true, text: 'read: connection reset by peer' };
  if (/TIMEOUT/.test(code)) return { retry: true, text: 'i/o timeout' };
  if (code === 'ECONNREFUSED') return { retry: false, text: 'connect: connection refused' };
  return { retry: method === 'GET' || method === 'HEAD', text: 'EOF' };
}

export class GoogleApi {
  private token?: { value: string; expires: number };
  /** Set by StopProvider: waits end early, as the real provider's contexts are cancelled. */
  stopped = false;

  constructor(
    readonly endpoints: Endpoints,
    private readonly creds: Credentials,
    private readonly clock: Clock = realClock,
  ) {}

  private async accessToken(): Promise<string> {
    if (this.creds.accessToken) return this.creds.accessToken;
    if (this.token && this.token.expires > this.clock.now() + 60_000) return this.token.value;
    const key = this.creds.key;
    if (!key)
      throw new Error(
        'google: could not find default credentials. See https://cloud.google.com/docs/authentication/external/set-up-adc for more information',
      );
    const now = Math.floor(this.clock.now() / 1000);
    const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const unsigned = `${b64({ alg: 'RS256', typ: 'JWT', kid: key.private_key_id })}.${b64({
      iss: key.client_email,
      scope: 'https://www.googleapis.com/auth/cloud-platform https://www.googleapis.com/auth/userinfo.email',
      aud: 'https://oauth2.googleapis.com/token',
      iat: now,
      exp: now + 3600,
    })}`;
    const signature = createSign('RSA-SHA256').update(unsigned).sign(key.private_key, 'base64url');
    const res = await fetch(this.endpoints.googleTokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
        assertion: `${unsigned}.${signature}`,
      }),
    });
    const body = (await res.json().catch(() => ({}))) as {
      access_token?: string;
      expires_in?: number;
      error?: string;
      error_description?: string;
    };
    if (!res.ok || !body.access_token)
      throw new Error(`oauth2: "${body.error ?? res.status}" "${body.error_description ?? ''}"`);
    this.token = { value: body.access_token, expires: this.clock.now() + (body.expires_in ?? 3600) * 1000 };
    return body.access_token;
  }

  /** One call, retried as the provider retries; resolves with the parsed body, throws GoogleApiError. */
  async call(
    method: string,
    url: string,
    body?: unknown,
    deadline = this.clock.now() + 20 * 60_000,
  ): Promise<Record<string, unknown>> {
    let backoff = 500;
    let next = 500;
    const sleep = async (): Promise<boolean> => {
      if (this.stopped || this.clock.now() + backoff >= deadline) return false;
      await this.clock.sleep(backoff);
      [backoff, next] = [backoff + next, backoff];
      return true;
    };
    for (;;) {
      let res: Response;
      let text: string;
      try {
        res = await fetch(url, {
          method,
          headers: {
            authorization: `Bearer ${await this.accessToken()}`,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            'user-agent': 'Terraform/1.11 (+https://www.terraform.io) terraform-provider-google/6.50.0',
          },
          body: body === undefined ? undefined : JSON.stringify(known(body)),
        });
        text = await res.text();
      } catch (e) {
        const t = transportRetries(method, e);
        if (t.retry && (await sleep())) continue;
        // As Go's net/http words it: `Post "<url>": EOF`.
        throw new Error(`${method[0]}${method.slice(1).toLowerCase()} "${url}": ${t.text}`, { cause: e });
      }
      const parsed = (text ? safeJson(text) : {}) as Record<string, unknown>;
      if (res.ok) return parsed;
      const err = (parsed.error ?? {}) as {
        message?: string;
        errors?: { reason?: string }[];
        status?: string;
      };
      const reason = err.errors?.[0]?.reason ?? '';
      const error = new GoogleApiError(
        res.status,
        reason,
        err.message ?? (text.slice(0, 200) || res.statusText),
      );
      if (!providerRetries(res.status, text) || !(await sleep())) throw error;
    }
  }

  /**
   * Polls a long-running operation until it is done (Compute: status DONE; the others: done = true), as the
   * provider's operation waiters do, within the resource's timeout. Returns the finished operation.
   */
  async wait(
    op: Record<string, unknown>,
    pollUrl: string,
    activity: string,
    deadline: number,
  ): Promise<Record<string, unknown>> {
    let current = op;
    for (let i = 0; !(current.status === 'DONE' || current.done === true); i++) {
      if (this.clock.now() >= deadline)
        throw new Error(
          `Error waiting for ${activity}: timeout while waiting for state to become 'DONE' (last state: '${String(current.status ?? 'RUNNING')}')`,
        );
      await this.clock.sleep(Math.min(2000, 100 * 2 ** i));
      current = await this.call('GET', pollUrl, undefined, deadline);
    }
    const failure = operationError(current);
    if (failure) throw new Error(`Error waiting for ${activity}: ${failure}`);
    return current;
  }
}

function operationError(op: Record<string, unknown>): string | undefined {
  const e = op.error as
    { errors?: { code?: string; message?: string }[]; message?: string; code?: number } | undefined;
  if (!e) return undefined;
  if (e.errors?.length) return e.errors.map((x) => x.message ?? x.code).join('; ');
  return e.message ?? JSON.stringify(e);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}

/** "20m", "1h30m", "45s" (Go durations, as `timeouts` blocks take them) in milliseconds. */
export function parseDuration(s: string | null | undefined, fallbackMs: number): number {
  if (!s) return fallbackMs;
  let total = 0;
  for (const m of s.matchAll(/(\d+(?:\.\d+)?)(h|ms|m|s)/g)) {
    const n = Number(m[1]);
    total += m[2] === 'h' ? n * 3600_000 : m[2] === 'm' ? n * 60_000 : m[2] === 's' ? n * 1000 : n;
  }
  return total || fallbackMs;
}

/**
 * A request body without the values Terraform has not decided yet (an optional+computed argument left unset): the
 * real provider never sends them (the SDK reads them as zero values and the mmv1 encoders leave empty fields out).
 */
function known(v: unknown): unknown {
  if (v instanceof Unknown) return undefined;
  if (Array.isArray(v)) return v.filter((x) => !(x instanceof Unknown)).map(known);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (!(x instanceof Unknown)) out[k] = known(x);
    return out;
  }
  return v;
}
