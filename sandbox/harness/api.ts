import { Req, Res } from '../core/http.js';
import { randomChars } from './model.js';

/** The CDE API's prefix on app.harness.io, and the NG (NextGen platform) API's. */
export const CDE_PREFIX = '/gateway/cde/api/v1';
export const NG_PREFIX = '/ng/api';
/** The account scope every CDE path starts with. */
export const ACCOUNT = `${CDE_PREFIX}/accounts/{acc}`;

export function obj(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

export const json = (status: number, body: unknown): Res => ({ status, body });
/** An NG API error body (`Failure`: status, code, message, correlationId). */
export const ngError = (status: number, code: string, message: string): Res => ({
  status,
  body: {
    status: 'ERROR',
    code,
    message,
    correlationId: randomChars(12),
    detailedMessage: null,
    responseMessages: [],
  },
});
/** An NG `RestResponse` envelope. */
export const rest = <T>(resource: T): Res => ({
  status: 200,
  body: { metaData: {}, resource, responseMessages: [] },
});

export function header(req: Req, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}
