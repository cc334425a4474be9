/**
 * Every secret this process has registered (through a Logger's `mask`, the project's one masking path), so that
 * text leaving the process other than through the log (the job summary, the JSON report, a failure message) is
 * scrubbed of them too. Also the shapes of credentials derived from them that the process may not hold itself:
 * a Google access token (`ya29.`), a signed JWT (an OAuth assertion, an ID token), the value of an
 * `Authorization: Bearer` header, e.g. echoed back by a server or printed by terraform's provider.
 */
const known = new Set<string>();
let sorted: string[] = [];

/** Registers a secret (at least 6 characters: shorter ones would scrub ordinary words). */
export function rememberSecret(secret: string): void {
  if (!secret || secret.length < 6 || known.has(secret)) return;
  known.add(secret);
  sorted = [...known].sort((a, b) => b.length - a.length);
}

/** Google OAuth access tokens (https://cloud.google.com/docs/authentication/token-types#access-tokens). */
const ACCESS_TOKEN = /\bya29\.[A-Za-z0-9_.-]{8,}/g;
/** A compact JWS (RFC 7515 §7.1): base64url header (a JSON object: `eyJ`), payload and signature. */
const JWT = /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g;
/** The credential of an `Authorization: Bearer` header (RFC 6750 §2.1: b64token). */
const BEARER = /\b(Bearer\s+)[A-Za-z0-9._~+/-]{8,}=*/gi;

/** The text with every registered secret and every credential-shaped string replaced by `***`. */
export function scrubSecrets(text: string): string {
  let out = text;
  for (const s of sorted) if (out.includes(s)) out = out.split(s).join('***');
  return out.replace(ACCESS_TOKEN, '***').replace(JWT, '***').replace(BEARER, '$1***');
}
