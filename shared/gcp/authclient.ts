/**
 * The bridge from our TokenSource to google-auth-library, for the official Google clients. Kept in its own module
 * (loaded with `await import('./authclient.js')` by compute.ts) so that actions that never touch Compute do not
 * load google-auth-library at start-up.
 */
import { OAuth2Client } from 'google-auth-library';
import type { TokenSource } from './token.js';

/**
 * An OAuth2Client (google-auth-library, the copy google-gax uses) whose tokens come from `source`:
 * `new InstancesClient({ ..., authClient: authClientFor(source) })`.
 */
export function authClientFor(source: TokenSource): OAuth2Client {
  const client = new OAuth2Client();
  client.refreshHandler = async () => {
    const t = await source.getAccessToken();
    // google-auth-library compares expiry_date with wall-clock time; the source may run on another clock.
    return { access_token: t.token, expiry_date: Date.now() + Math.min(t.expiresInMs, 3600_000) };
  };
  return client;
}
