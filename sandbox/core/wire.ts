/**
 * What an emulator handler takes and gives back, and the two error bodies every emulator answers with.
 * Kept apart from the HTTP server (http.ts) so that faults.ts can build error responses without importing it.
 */

/** A parsed request as every emulator sees it. */
export interface Req {
  service: string;
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON when the body is JSON, the raw text otherwise (form bodies: see `form`). */
  body: unknown;
  rawBody: string;
  form?: URLSearchParams;
  params: Record<string, string>;
  /** The base URL this service listens on, for links in responses (operations' selfLink, pagination). */
  baseUrl: string;
}

export interface Res {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Set by an emulator that checks requests against a contract (Harness): copied into the journal entry. */
  contractViolation?: string;
}

export type Handler = (req: Req) => Res | Promise<Res>;

/** Google's JSON error body (https://cloud.google.com/apis/design/errors#http_mapping). */
export function googleError(code: number, message: string, reason?: string): Res {
  const status: Record<number, string> = {
    400: 'INVALID_ARGUMENT',
    401: 'UNAUTHENTICATED',
    403: 'PERMISSION_DENIED',
    404: 'NOT_FOUND',
    409: 'ALREADY_EXISTS',
    412: 'FAILED_PRECONDITION',
    429: 'RESOURCE_EXHAUSTED',
    500: 'INTERNAL',
    503: 'UNAVAILABLE',
  };
  return {
    status: code,
    body: {
      error: {
        code,
        message,
        status: status[code] ?? 'UNKNOWN',
        errors: [{ message, domain: 'global', reason: reason ?? (status[code] ?? 'unknown').toLowerCase() }],
      },
    },
  };
}

/** Harness's error body (`UsererrorError`: {message, values}). */
export function harnessError(code: number, message: string): Res {
  return { status: code, body: { message, values: {} } };
}
