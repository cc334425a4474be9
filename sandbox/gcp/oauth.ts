import { Req, Res, Router, googleError } from '../core/http.js';
import { Json, authenticate, bodyObject, decodeJwt, googleErrorInfo, verifyKeyJwt } from './common.js';
import { GOOGLE_TOKEN_URL, GcpWorld } from './state.js';

const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange';

function oauthError(status: number, error: string, description: string): Res {
  return {
    status,
    body: { error, error_description: description },
    headers: { 'cache-control': 'no-cache, no-store, max-age=0, must-revalidate' },
  };
}

/** Form or JSON parameters of a token request. */
function params(req: Req): URLSearchParams {
  if (req.form) return req.form;
  const b = bodyObject(req);
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(b)) out.set(k, Array.isArray(v) ? v.join(' ') : String(v));
  if (!Object.keys(b).length && typeof req.body === 'string' && req.body.includes('='))
    return new URLSearchParams(req.body);
  return out;
}

/** Google's OAuth2 token endpoint (oauth2.googleapis.com/token): the JWT-bearer grant of a service-account key. */
export function oauthRouter(world: GcpWorld): Router {
  const r = new Router();
  r.notFound = () => ({
    status: 404,
    body: 'Not Found',
    headers: { 'content-type': 'text/html; charset=UTF-8' },
  });
  r.post(
    '/token',
    (req) => {
      const p = params(req);
      const grant = p.get('grant_type');
      if (grant !== JWT_BEARER)
        return oauthError(400, 'unsupported_grant_type', `Invalid grant_type: ${grant ?? ''}`);
      const assertion = p.get('assertion');
      if (!assertion) return oauthError(400, 'invalid_request', 'Missing required parameter: assertion');
      const v = verifyKeyJwt(world, assertion);
      if (!v.ok) return oauthError(400, 'invalid_grant', v.reason);
      const aud = v.payload.aud;
      const accepted = [
        GOOGLE_TOKEN_URL,
        'https://accounts.google.com/o/oauth2/token',
        'https://www.googleapis.com/oauth2/v4/token',
        `${req.baseUrl}/token`,
      ];
      if (typeof aud !== 'string' || !accepted.includes(aud))
        return oauthError(
          400,
          'invalid_grant',
          `Invalid JWT: Failed audience check. The right audience is ${GOOGLE_TOKEN_URL}`,
        );
      if (!v.payload.scope && !v.payload.target_audience)
        return oauthError(400, 'invalid_scope', 'Invalid OAuth scope or ID token audience provided.');
      const sub = v.payload.sub;
      if (sub !== undefined && sub !== world.clientEmail)
        return oauthError(
          401,
          'unauthorized_client',
          'Client is unauthorized to retrieve access tokens using this method, or client not authorized for any of the scopes requested.',
        );
      const { token } = world.issueAccessToken(world.clientEmail, 3599);
      return {
        status: 200,
        body: { access_token: token, expires_in: 3599, token_type: 'Bearer' },
        headers: { 'cache-control': 'no-cache, no-store, max-age=0, must-revalidate' },
      };
    },
    { mutating: false },
  );
  return r;
}

/** Security Token Service (sts.googleapis.com): exchanges the external subject token for a federated token. */
export function stsRouter(world: GcpWorld): Router {
  const r = new Router();
  r.post(
    '/v1/token',
    (req) => {
      const p = params(req);
      if (p.get('grant_type') !== TOKEN_EXCHANGE)
        return oauthError(
          400,
          'unsupported_grant_type',
          `Unsupported grant_type: ${p.get('grant_type') ?? ''}`,
        );
      const audience = p.get('audience') ?? '';
      if (audience !== world.wifAudience)
        return oauthError(
          400,
          'invalid_target',
          `The target service indicated by the "audience" parameters is invalid. This might either be because the pool or provider is disabled or deleted or because it doesn't exist.`,
        );
      const stt = p.get('subject_token_type');
      if (
        stt !== 'urn:ietf:params:oauth:token-type:jwt' &&
        stt !== 'urn:ietf:params:oauth:token-type:id_token'
      )
        return oauthError(
          400,
          'invalid_request',
          `Invalid value for "subject_token_type". Expected "urn:ietf:params:oauth:token-type:jwt" or "urn:ietf:params:oauth:token-type:id_token", got "${stt ?? ''}".`,
        );
      const subject = p.get('subject_token') ?? '';
      const d = decodeJwt(subject);
      if (!d || subject !== world.subjectToken)
        return oauthError(
          400,
          'invalid_grant',
          'Invalid value for "subject_token": the ID Token could not be verified.',
        );
      const exp = d.payload.exp;
      if (typeof exp !== 'number' || exp * 1000 < world.now())
        return oauthError(400, 'invalid_grant', 'ID Token issued at ... is stale to sign-in.');
      const { token } = world.issueAccessToken(
        `principal://${audience.replace(/^\/\//, '')}/subject/${String(d.payload.sub)}`,
        3599,
        true,
      );
      return {
        status: 200,
        body: {
          access_token: token,
          issued_token_type: 'urn:ietf:params:oauth:token-type:access_token',
          token_type: 'Bearer',
          expires_in: 3599,
        },
      };
    },
    { mutating: false },
  );
  return r;
}

/** IAM Service Account Credentials (iamcredentials.googleapis.com): generateAccessToken for impersonation. */
export function iamCredentialsRouter(world: GcpWorld): Router {
  const r = new Router();
  r.guard = (req) => {
    const h = req.headers.authorization;
    const header = (Array.isArray(h) ? h[0] : h) ?? '';
    const token = header.replace(/^Bearer\s+/i, '').trim();
    const t = world.tokens.get(token);
    if (t && t.expiresAt > world.now()) return undefined;
    const who = authenticate(world, req);
    return 'status' in who ? who : undefined;
  };
  r.post(
    '/v1/projects/{project}/serviceAccounts/{email}:generateAccessToken',
    (req) => {
      const email = req.params.email as string;
      if (email !== world.clientEmail)
        return googleError(404, `Not found; Gaia id not found for email ${email}`, 'notFound');
      const b = bodyObject(req);
      const scope = b.scope;
      if (!Array.isArray(scope) || scope.length === 0)
        return googleError(400, 'Scope required.', 'badRequest');
      const lifetime = typeof b.lifetime === 'string' ? Number(b.lifetime.replace(/s$/, '')) : 3600;
      if (!Number.isFinite(lifetime) || lifetime > 3600 || lifetime <= 0)
        return googleErrorInfo(
          400,
          `Request contains an invalid argument.`,
          'INVALID_ARGUMENT',
          'badRequest',
        );
      const { token, expiresAt } = world.issueAccessToken(world.clientEmail, lifetime);
      return {
        status: 200,
        body: {
          accessToken: token,
          expireTime: new Date(expiresAt).toISOString().replace(/\.\d+Z$/, 'Z'),
        } as Json,
      };
    },
    { mutating: false },
  );
  return r;
}
