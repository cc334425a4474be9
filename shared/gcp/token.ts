import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash, createPrivateKey, createSign, KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Clock, realClock } from '../clock.js';
import type { Endpoints } from '../endpoints.js';
import { ConfigurationError, RemoteError, errorMessage } from '../errors.js';
import { Logger, nullLogger } from '../logger.js';
import { isTransient, parseRetryAfter, retry } from '../retry.js';
import type {
  AuthorizedUserCredentials,
  Credentials,
  ExternalAccountCredentials,
  ServiceAccountCredentials,
} from './credentials.js';

export const CLOUD_PLATFORM_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';
const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange';
const ACCESS_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:access_token';
/** Tokens are renewed this long before they expire. */
const EXPIRY_MARGIN_MS = 5 * 60_000;
const REQUEST_TIMEOUT_MS = 30_000;

export interface AccessToken {
  token: string;
  /** Expiry on the TokenSource's clock. */
  expiresAtMs: number;
  /** Time left when this was returned. */
  expiresInMs: number;
}

/** Where access tokens come from. Tokens are cached until shortly before they expire. */
export interface TokenSource {
  /** A valid access token (from the cache when it still has a few minutes left). */
  getToken(): Promise<string>;
  /** The token with its expiry (on the source's clock). */
  getAccessToken(): Promise<AccessToken>;
  /** Who the tokens act as, for messages: the service-account email, or a description. */
  identity(): string;
  /** Forget the cached token (after a 401). */
  invalidate(): void;
}

export interface TokenSourceOptions {
  endpoints: Pick<Endpoints, 'googleTokenUrl'>;
  log?: Logger;
  clock?: Clock;
  /** For reproducible retry jitter in tests. */
  random?: () => number;
}

/** The token sources of one `withSharedTokens` run, by what they authenticate as (`sharingKey`). */
const sharedSources = new AsyncLocalStorage<Map<string, TokenSource>>();

/**
 * Runs `fn` with one token source per credentials for everything it creates: the pipeline's phases, each its own
 * action with its own clients, then fetch one access token instead of one each (a round trip apiece, on a path
 * where every round trip is waited for). Outside such a run every createTokenSource has its own cache, as each
 * action's process has on GitHub. Google documents that a key's deletion does not revoke the tokens already
 * issued for it (https://cloud.google.com/iam/docs/keys-create-delete#deleting), so a token shared within a run is
 * as good as one fetched again.
 */
export function withSharedTokens<T>(fn: () => Promise<T>): Promise<T> {
  return sharedSources.run(new Map(), fn);
}

/** What a token source authenticates as, and where it asks: never the secret itself, a digest of it. */
function sharingKey(c: Credentials, tokenUrl: string): string {
  const digest = (s: string) => createHash('sha256').update(s).digest('hex');
  const who =
    c.kind === 'service_account'
      ? [c.clientEmail, c.privateKeyId, digest(c.privateKey)]
      : c.kind === 'external_account'
        ? [c.file, c.audience, c.tokenUrl, c.serviceAccountImpersonationUrl ?? '']
        : [c.clientId, digest(c.refreshToken)];
  return JSON.stringify([c.kind, tokenUrl, ...who]);
}

/**
 * A TokenSource for the credentials `loadCredentials` returned; inside `withSharedTokens`, the one already made
 * for the same credentials.
 */
export function createTokenSource(credentials: Credentials, opts: TokenSourceOptions): TokenSource {
  const shared = sharedSources.getStore();
  if (!shared) return newTokenSource(credentials, opts);
  const key = sharingKey(credentials, opts.endpoints.googleTokenUrl);
  let source = shared.get(key);
  if (!source) shared.set(key, (source = newTokenSource(credentials, opts)));
  return source;
}

function newTokenSource(credentials: Credentials, opts: TokenSourceOptions): TokenSource {
  const log = opts.log ?? nullLogger;
  const clock = opts.clock ?? realClock;
  const ctx: Ctx = { tokenUrl: opts.endpoints.googleTokenUrl, log, clock, random: opts.random };
  switch (credentials.kind) {
    case 'service_account':
      return new CachingTokenSource(
        credentials.clientEmail,
        clock,
        log,
        serviceAccountFetcher(credentials, ctx),
      );
    case 'external_account':
      return new CachingTokenSource(
        credentials.serviceAccountEmail ?? `workload identity (${credentials.audience})`,
        clock,
        log,
        externalAccountFetcher(credentials, ctx),
      );
    case 'authorized_user':
      return new CachingTokenSource(
        `user credentials (client ${credentials.clientId})`,
        clock,
        log,
        authorizedUserFetcher(credentials, ctx),
      );
  }
}

/** A TokenSource that always returns the same token (tools that already hold one; tests). */
export function staticTokenSource(token: string, identity = 'static token'): TokenSource {
  return {
    getToken: async () => token,
    getAccessToken: async () => ({ token, expiresAtMs: Number.MAX_SAFE_INTEGER, expiresInMs: 3600_000 }),
    identity: () => identity,
    invalidate: () => {},
  };
}

interface Ctx {
  tokenUrl: string;
  log: Logger;
  clock: Clock;
  random?: () => number;
}

type Fetcher = () => Promise<{ token: string; expiresInMs: number }>;

class CachingTokenSource implements TokenSource {
  private cached?: { token: string; expiresAtMs: number };
  private inflight?: Promise<AccessToken>;
  constructor(
    private readonly who: string,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly fetcher: Fetcher,
  ) {}
  identity() {
    return this.who;
  }
  invalidate() {
    this.cached = undefined;
  }
  async getToken() {
    return (await this.getAccessToken()).token;
  }
  async getAccessToken(): Promise<AccessToken> {
    const fresh = (t: { token: string; expiresAtMs: number }) => ({
      ...t,
      expiresInMs: t.expiresAtMs - this.clock.now(),
    });
    if (this.cached && this.cached.expiresAtMs - EXPIRY_MARGIN_MS > this.clock.now())
      return fresh(this.cached);
    if (!this.inflight) {
      this.inflight = (async () => {
        const start = this.clock.now();
        const { token, expiresInMs } = await this.fetcher();
        this.log.mask(token);
        this.log.mask(`Bearer ${token}`);
        this.cached = { token, expiresAtMs: start + expiresInMs };
        return fresh(this.cached);
      })().finally(() => {
        this.inflight = undefined;
      });
    }
    return this.inflight;
  }
}

// ---------------------------------------------------------------- service account (JWT bearer grant)

/** Builds the signed RS256 JWT assertion of the OAuth 2.0 JWT-bearer grant (RFC 7523) as Google expects it. */
export function signJwtAssertion(
  c: Pick<ServiceAccountCredentials, 'clientEmail' | 'privateKeyId'>,
  key: KeyObject,
  audience: string,
  nowMs: number,
  scope = CLOUD_PLATFORM_SCOPE,
): string {
  const iat = Math.floor(nowMs / 1000);
  // A P12 key's id is unknown until IAM was asked: Google's token endpoint takes an assertion without `kid`
  // (RFC 7515: kid is optional) and checks it against the account's keys.
  const header = c.privateKeyId
    ? { alg: 'RS256', typ: 'JWT', kid: c.privateKeyId }
    : { alg: 'RS256', typ: 'JWT' };
  const claims = { iss: c.clientEmail, scope, aud: audience, iat, exp: iat + 3600 };
  const unsigned = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
  const signature = createSign('RSA-SHA256').update(unsigned).sign(key);
  return `${unsigned}.${b64url(signature)}`;
}

function b64url(v: string | Buffer): string {
  return Buffer.from(v).toString('base64url');
}

function serviceAccountFetcher(c: ServiceAccountCredentials, ctx: Ctx): Fetcher {
  let key: KeyObject | undefined;
  return async () => {
    if (!key) {
      try {
        key = createPrivateKey({ key: c.privateKey, format: 'pem' });
      } catch {
        throw new ConfigurationError(
          'AUTH_KEY_INVALID',
          `The private_key of the service-account key from ${c.source} (key id ${c.privateKeyId}) cannot be read as an RSA private key.`,
          'The key is damaged (often by copying it by hand or re-encoding its newlines). Store the downloaded JSON file content unchanged, or create a new JSON key.',
        );
      }
    }
    const k = key;
    const body = await tokenRequest(
      ctx,
      ctx.tokenUrl,
      'Google OAuth token endpoint',
      c.clientEmail,
      'oauth2',
      () => {
        // The signed assertion is a credential (a bearer of it gets a token until it expires): masked at once.
        const assertion = signJwtAssertion(c, k, ctx.tokenUrl, ctx.clock.now());
        ctx.log.mask(assertion);
        return { grant_type: JWT_BEARER, assertion };
      },
    );
    return tokenFromBody(body, 'oauth2');
  };
}

// ---------------------------------------------------------------- authorized user (refresh token grant)

function authorizedUserFetcher(c: AuthorizedUserCredentials, ctx: Ctx): Fetcher {
  return async () => {
    const body = await tokenRequest(
      ctx,
      ctx.tokenUrl,
      'Google OAuth token endpoint',
      `user credentials from ${c.source}`,
      'user',
      () => ({
        grant_type: 'refresh_token',
        client_id: c.clientId,
        client_secret: c.clientSecret,
        refresh_token: c.refreshToken,
      }),
    );
    return tokenFromBody(body, 'oauth2');
  };
}

// ---------------------------------------------------------------- external account (workload identity federation)

function externalAccountFetcher(c: ExternalAccountCredentials, ctx: Ctx): Fetcher {
  return async () => {
    const subjectToken = await readSubjectToken(c, ctx);
    ctx.log.mask(subjectToken);
    const form: Record<string, string> = {
      grant_type: TOKEN_EXCHANGE,
      audience: c.audience,
      scope: CLOUD_PLATFORM_SCOPE,
      requested_token_type: ACCESS_TOKEN_TYPE,
      subject_token: subjectToken,
      subject_token_type: c.subjectTokenType,
    };
    if (c.workforcePoolUserProject)
      form.options = JSON.stringify({ userProject: c.workforcePoolUserProject });
    const sts = tokenFromBody(
      await tokenRequest(
        ctx,
        c.tokenUrl,
        'Security Token Service',
        `workload identity ${c.audience}`,
        'sts',
        () => form,
      ),
      'sts',
    );
    if (!c.serviceAccountImpersonationUrl) return sts;
    ctx.log.mask(sts.token);
    return impersonate(c, sts.token, ctx);
  };
}

async function readSubjectToken(c: ExternalAccountCredentials, ctx: Ctx): Promise<string> {
  const src = c.credentialSource;
  let raw: string;
  const fix =
    'Run google-github-actions/auth in the same job right before this step (its credential file and the OIDC request token expire with the job), and give the job `permissions: id-token: write`.';
  if (src.file) {
    try {
      raw = await readFile(src.file, 'utf8');
    } catch (e) {
      throw new ConfigurationError(
        'AUTH_SUBJECT_TOKEN',
        `Cannot read the workload identity subject token file ${src.file}: ${errorMessage(e)}.`,
        fix,
      );
    }
  } else {
    const url = src.url as string;
    const res = await retry(
      async () => {
        let r: Response;
        try {
          r = await fetch(url, {
            headers: src.headers ?? {},
            signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
          });
        } catch (e) {
          throw new RemoteError(
            'oidc',
            0,
            `Cannot reach the subject token URL ${redactUrl(url)}: ${causeOf(e)}`,
          );
        }
        const text = await r.text();
        if (!r.ok)
          throw new RemoteError(
            'oidc',
            r.status,
            `The subject token URL ${redactUrl(url)} answered ${r.status}`,
            undefined,
            parseRetryAfter(r.headers.get('retry-after'), ctx.clock.now()),
          );
        return text;
      },
      { clock: ctx.clock, random: ctx.random, attempts: 3 },
    ).catch((e) => {
      if (e instanceof RemoteError && e.status >= 400 && e.status < 500)
        throw new ConfigurationError('AUTH_SUBJECT_TOKEN', e.message + '.', fix);
      throw e;
    });
    raw = res;
  }
  if (src.format?.type === 'json') {
    const field = src.format.subjectTokenFieldName as string;
    let value: unknown;
    try {
      value = (JSON.parse(raw) as Record<string, unknown>)[field];
    } catch {
      value = undefined;
    }
    if (typeof value !== 'string' || !value) {
      throw new ConfigurationError(
        'AUTH_SUBJECT_TOKEN',
        `The workload identity subject token source returned no "${field}" field.`,
        fix,
      );
    }
    return value;
  }
  const token = raw.trim();
  if (!token)
    throw new ConfigurationError(
      'AUTH_SUBJECT_TOKEN',
      'The workload identity subject token source is empty.',
      fix,
    );
  return token;
}

async function impersonate(
  c: ExternalAccountCredentials,
  stsToken: string,
  ctx: Ctx,
): Promise<{ token: string; expiresInMs: number }> {
  const url = c.serviceAccountImpersonationUrl as string;
  const who = c.serviceAccountEmail ?? 'the service account';
  const body = await retry(
    async () => {
      let r: Response;
      try {
        r = await fetch(url, {
          method: 'POST',
          headers: { authorization: `Bearer ${stsToken}`, 'content-type': 'application/json' },
          body: JSON.stringify({ scope: [CLOUD_PLATFORM_SCOPE], lifetime: '3600s' }),
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
      } catch (e) {
        throw new RemoteError('iamcredentials', 0, `Cannot reach ${hostOf(url)}: ${causeOf(e)}`);
      }
      const json = (await r.json().catch(() => undefined)) as Record<string, unknown> | undefined;
      if (r.ok) return json ?? {};
      const err = (json?.error ?? {}) as { message?: string; status?: string };
      const msg = `${r.status} ${err.status ?? ''}: ${err.message ?? 'no message'}`.replace(' :', ':');
      if (r.status === 401 || r.status === 403 || r.status === 404) {
        throw new ConfigurationError(
          'AUTH_IMPERSONATION_DENIED',
          `The workload identity could not act as ${who}: ${msg}.`,
          `Grant the workload identity pool principal roles/iam.workloadIdentityUser on ${who} (and check the service_account input of google-github-actions/auth names an existing account).`,
        );
      }
      throw new RemoteError(
        'iamcredentials',
        r.status,
        msg,
        json,
        parseRetryAfter(r.headers.get('retry-after'), ctx.clock.now()),
      );
    },
    { clock: ctx.clock, random: ctx.random, attempts: 4 },
  );
  const token = body.accessToken;
  if (typeof token !== 'string' || !token)
    throw new RemoteError('iamcredentials', 200, 'generateAccessToken returned no accessToken', undefined);
  const expire = typeof body.expireTime === 'string' ? Date.parse(body.expireTime) : NaN;
  // expireTime is wall-clock; translate it into a lifetime.
  const expiresInMs = Number.isNaN(expire) ? 3600_000 : Math.max(60_000, expire - Date.now());
  return { token, expiresInMs };
}

// ---------------------------------------------------------------- shared token endpoint handling

const REJECTION_CAUSES: Record<string, string> = {
  oauth2:
    'Likely causes: the key was deleted or disabled (IAM & Admin -> Service Accounts -> Keys), the service account was deleted or disabled, ' +
    'the key belongs to another project than the one configured, or this machine\'s clock is off by more than a few minutes (the JWT "iat"/"exp" are then rejected). ' +
    'Create a new JSON key if the key is gone, enable the account, or fix the clock (NTP).',
  sts:
    "Likely causes: the workload identity provider's attribute condition rejects this repository or branch, the audience does not match the provider, " +
    "or the provider or pool is disabled or deleted. Check the workload_identity_provider input of google-github-actions/auth and the provider's attribute condition.",
  user: 'The refresh token was revoked or has expired: run `gcloud auth application-default login` again, or use a service-account JSON key.',
};

async function tokenRequest(
  ctx: Ctx,
  url: string,
  what: string,
  who: string,
  kind: 'oauth2' | 'sts' | 'user',
  form: () => Record<string, string>,
): Promise<Record<string, unknown>> {
  return retry(
    async () => {
      let r: Response;
      try {
        r = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
          body: new URLSearchParams(form()).toString(),
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
      } catch (e) {
        throw new RemoteError('oauth2', 0, `Cannot reach the ${what} at ${hostOf(url)}: ${causeOf(e)}`);
      }
      const text = await r.text();
      let json: Record<string, unknown> | undefined;
      try {
        json = JSON.parse(text) as Record<string, unknown>;
      } catch {
        json = undefined;
      }
      if (r.ok && json) return json;
      const error =
        typeof json?.error === 'string'
          ? json.error
          : (json?.error as { status?: string } | undefined)?.status;
      const description =
        typeof json?.error_description === 'string'
          ? json.error_description
          : ((json?.error as { message?: string } | undefined)?.message ??
            (text.length < 300 ? text : `${text.length} bytes`));
      if (r.status >= 400 && r.status < 500 && r.status !== 408 && r.status !== 429) {
        throw new ConfigurationError(
          'AUTH_TOKEN_REJECTED',
          `The ${what} refused a token for ${who}: ${error ?? r.status}: ${description}`,
          REJECTION_CAUSES[kind] as string,
        );
      }
      throw new RemoteError(
        'oauth2',
        r.status,
        `The ${what} answered ${r.status}${error ? `: ${error}` : ''}${description ? ` (${description})` : ''}`,
        json,
        parseRetryAfter(r.headers.get('retry-after'), ctx.clock.now()),
      );
    },
    {
      clock: ctx.clock,
      random: ctx.random,
      attempts: 4,
      retryable: isTransient,
      onRetry: (e, n, delay) => ctx.log.debug(`${what}: ${errorMessage(e)}; retry ${n} in ${delay} ms`),
    },
  );
}

function tokenFromBody(
  body: Record<string, unknown>,
  service: string,
): { token: string; expiresInMs: number } {
  const token = body.access_token;
  if (typeof token !== 'string' || !token)
    throw new RemoteError(service, 200, 'The token endpoint answered without an access_token', undefined);
  const expiresIn = typeof body.expires_in === 'number' ? body.expires_in : Number(body.expires_in ?? 3600);
  return { token, expiresInMs: (Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : 3600) * 1000 };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '(invalid URL)';
  }
}

/** The URL without its query (GitHub's OIDC URL carries a token-like query). */
function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return '(invalid URL)';
  }
}

function causeOf(e: unknown): string {
  const err = e as { cause?: { code?: string; message?: string }; name?: string };
  if (err?.name === 'TimeoutError') return 'timed out';
  return err?.cause?.code ?? err?.cause?.message ?? errorMessage(e);
}
