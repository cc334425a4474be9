import { Clock, realClock } from '../clock.js';
import type { Endpoints } from '../endpoints.js';
import { RemoteError, errorMessage } from '../errors.js';
import { Logger, nullLogger } from '../logger.js';
import { isRefusedUnapplied, isTransient, networkCause, parseRetryAfter, retry } from '../retry.js';
import type { TokenSource } from './token.js';

/** The Google services reached over plain REST (Compute goes through the official client, see compute.ts). */
export type GcpService =
  'serviceUsage' | 'resourceManager' | 'iam' | 'cloudDns' | 'certificateManager' | 'compute' | 'storage';

export type Query = Record<string, string | number | boolean | readonly string[] | undefined>;

export interface GcpRestOptions {
  log?: Logger;
  clock?: Clock;
  /** Attempts per request for retryable answers (default 5; a throttled request up to 12 within the budget when unset). */
  attempts?: number;
  /** For reproducible retry jitter in tests. */
  random?: () => number;
  /** Per-request timeout (default 60 s). */
  timeoutMs?: number;
}

/** Google's error body: `{error: {code, message, status, errors: [{reason}], details: [{'@type', reason}]}}`. */
export interface GoogleErrorBody {
  error?: {
    code?: number;
    message?: string;
    status?: string;
    errors?: { message?: string; domain?: string; reason?: string }[];
    details?: { '@type'?: string; reason?: string; domain?: string; metadata?: Record<string, string> }[];
  };
}

/** Plain JSON REST against Google APIs: bearer token, retries, Google errors as RemoteError. */
export class GcpRest {
  private readonly log: Logger;
  private readonly clock: Clock;
  constructor(
    readonly endpoints: Endpoints,
    readonly tokenSource: TokenSource,
    private readonly opts: GcpRestOptions = {},
  ) {
    this.log = opts.log ?? nullLogger;
    this.clock = opts.clock ?? realClock;
  }

  get<T = unknown>(service: GcpService, path: string, query?: Query): Promise<T> {
    return this.request<T>('GET', service, path, undefined, query);
  }
  post<T = unknown>(service: GcpService, path: string, body?: unknown, query?: Query): Promise<T> {
    return this.request<T>('POST', service, path, body ?? {}, query);
  }
  /**
   * A POST Google documents as a read (`getIamPolicy`, `testIamPermissions`, `getEffectiveOrgPolicy`): it changes
   * nothing, so it is retried on every transient failure as a GET is.
   */
  read<T = unknown>(service: GcpService, path: string, body?: unknown, query?: Query): Promise<T> {
    return this.request<T>('POST', service, path, body ?? {}, query, true);
  }
  patch<T = unknown>(service: GcpService, path: string, body?: unknown, query?: Query): Promise<T> {
    return this.request<T>('PATCH', service, path, body ?? {}, query);
  }
  delete<T = unknown>(service: GcpService, path: string, query?: Query): Promise<T> {
    return this.request<T>('DELETE', service, path, undefined, query);
  }

  /** The full URL of `path` on `service` (path starts with `/`). */
  url(service: GcpService, path: string, query?: Query): string {
    const base = this.endpoints[service];
    const u = new URL(base + (path.startsWith('/') ? path : `/${path}`));
    for (const [k, v] of Object.entries(query ?? {})) {
      if (v === undefined) continue;
      if (Array.isArray(v)) for (const item of v) u.searchParams.append(k, String(item));
      else u.searchParams.set(k, String(v));
    }
    return u.toString();
  }

  /**
   * One call (`repeatable`: a POST that is a read, or that the API makes safe to send twice). GETs and repeatable POSTs are retried on every transient failure (network, 408, 429, 5xx, a 403
   * rate limit); other methods only when the service refused them before doing anything: throttled (429, or 403
   * `rateLimitExceeded`) or 503. Retry-After is honoured within the retry budget.
   */
  async request<T>(
    method: string,
    service: GcpService,
    path: string,
    body?: unknown,
    query?: Query,
    repeatable = false,
  ): Promise<T> {
    const url = this.url(service, path, query);
    const idempotent = method === 'GET' || repeatable;
    let refreshedAfter401 = false;
    return retry<T>(
      async () => {
        const token = await this.tokenSource.getToken();
        let res: Response;
        try {
          res = await fetch(url, {
            method,
            headers: {
              authorization: `Bearer ${token}`,
              accept: 'application/json',
              ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
            },
            body: body !== undefined ? JSON.stringify(body) : undefined,
            signal: AbortSignal.timeout(this.opts.timeoutMs ?? 60_000),
          });
        } catch (e) {
          const cause = networkCause(e);
          throw new RemoteError(
            service,
            0,
            `Cannot reach ${service} at ${new URL(url).host} (${method} ${path}): ${cause}`,
          );
        }
        let text: string;
        try {
          text = await res.text();
        } catch (e) {
          throw new RemoteError(
            service,
            0,
            `The connection to ${service} at ${new URL(url).host} dropped during the answer (${method} ${path}): ${networkCause(e)}`,
          );
        }
        let json: unknown;
        if (text) {
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
        }
        if (res.ok) {
          if (text && json === undefined)
            throw new RemoteError(
              service,
              res.status,
              `${service} ${method} ${path} answered ${res.status} with a body that is not JSON`,
              text,
            );
          return (json ?? {}) as T;
        }
        if (res.status === 401 && !refreshedAfter401) {
          // An expired or revoked token: fetch a new one once.
          refreshedAfter401 = true;
          this.tokenSource.invalidate();
          throw new RemoteError(service, 401, googleErrorMessage(res.status, json, text), json ?? text, 0);
        }
        const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), this.clock.now());
        throw new RemoteError(
          service,
          res.status,
          googleErrorMessage(res.status, json, text),
          json ?? text,
          retryAfterMs,
        );
      },
      {
        clock: this.clock,
        random: this.opts.random,
        attempts: this.opts.attempts,
        retryable: (e) => {
          if (e instanceof RemoteError && e.status === 401) return refreshedAfter401 && e.retryAfterMs === 0;
          if (idempotent) return isTransient(e);
          return isRefusedUnapplied(e);
        },
        onRetry: (e, attempt, delay) =>
          this.log.debug(`${service} ${method} ${path}: ${errorMessage(e)}; retry ${attempt} in ${delay} ms`),
      },
    );
  }
}

/** `"<http status> <STATUS>: <message> (<reason>)"` from a Google error body. */
export function googleErrorMessage(status: number, json: unknown, text = ''): string {
  const err = (json as GoogleErrorBody | undefined)?.error;
  if (err && typeof err === 'object') {
    const reason = reasonOf(err);
    const head = [String(status), err.status].filter(Boolean).join(' ');
    return `${head}: ${err.message ?? 'no message'}${reason ? ` (${reason})` : ''}`;
  }
  const snippet = text.trim().slice(0, 200);
  return `${status}: ${snippet || 'empty answer'}`;
}

function reasonOf(err: NonNullable<GoogleErrorBody['error']>): string | undefined {
  const info = err.details?.find(
    (d) => typeof d?.['@type'] === 'string' && d['@type'].endsWith('google.rpc.ErrorInfo') && d.reason,
  );
  return info?.reason ?? err.errors?.find((e) => e?.reason)?.reason;
}

/** The machine-readable reason of a Google error (`SERVICE_DISABLED`, `notFound`, `IAM_PERMISSION_DENIED` ...), if any. */
export function googleReason(e: unknown): string | undefined {
  if (!(e instanceof RemoteError)) return undefined;
  const err = (e.body as GoogleErrorBody | undefined)?.error;
  return err && typeof err === 'object' ? reasonOf(err) : undefined;
}

/** ErrorInfo metadata of a Google error (e.g. `{service: 'compute.googleapis.com', consumer: 'projects/123'}` for SERVICE_DISABLED). */
export function googleErrorMetadata(e: unknown): Record<string, string> | undefined {
  if (!(e instanceof RemoteError)) return undefined;
  const err = (e.body as GoogleErrorBody | undefined)?.error;
  return err?.details?.find((d) => d?.['@type']?.endsWith('google.rpc.ErrorInfo'))?.metadata;
}

export function isNotFound(e: unknown): boolean {
  return e instanceof RemoteError && e.status === 404;
}

/** Follows `nextPageToken` and concatenates `field` of every page. */
export async function listAll<T>(
  fetchPage: (pageToken: string | undefined) => Promise<Record<string, unknown>>,
  field: string,
  maxPages = 100,
): Promise<T[]> {
  const out: T[] = [];
  let token: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const body = await fetchPage(token);
    const items = body[field];
    if (Array.isArray(items)) out.push(...(items as T[]));
    token = typeof body.nextPageToken === 'string' && body.nextPageToken ? body.nextPageToken : undefined;
    if (!token) break;
  }
  return out;
}
