import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigurationError } from '../errors.js';
import type { Logger } from '../logger.js';
import { Pkcs12Error, publicKeyFingerprint, readPkcs12PrivateKey } from './pkcs12.js';

/**
 * Google credentials the actions accept: a service-account JSON key (input `gcp-credentials` or a key file named by
 * GOOGLE_APPLICATION_CREDENTIALS), or keyless credentials as google-github-actions/auth writes them
 * (an `external_account` file: Workload Identity Federation), or gcloud's `authorized_user` ADC file.
 * A P12 key (Harness's guide: "usually in the form of a JSON or P12 file") is accepted with the service account's
 * email, which the file does not hold: its private key is read (shared/gcp/pkcs12.ts, password `notasecret`) and
 * the clients use it like a JSON key's; its key id is looked up in IAM by the public key (resolveP12KeyId), after
 * which `json` is the equivalent JSON key for Terraform and the runner. Only in memory, or in the 0600 files those
 * already write and remove.
 */
export type Credentials = ServiceAccountCredentials | ExternalAccountCredentials | AuthorizedUserCredentials;

export interface ServiceAccountCredentials {
  kind: 'service_account';
  /** Where the key came from, for messages: `input gcp-credentials` or `file /path (GOOGLE_APPLICATION_CREDENTIALS)`. */
  source: string;
  projectId: string;
  clientEmail: string;
  privateKeyId: string;
  privateKey: string;
  /** The key's own token_uri (informational: tokens are always requested at endpoints.googleTokenUrl). */
  tokenUri: string;
  /** The key JSON as given (for tools that need the file, e.g. Terraform's `credentials`). Secret. */
  json: string;
  /** `p12`: read from a PKCS#12 file; privateKeyId is '' until resolveP12KeyId found it in IAM. */
  format?: 'json' | 'p12';
  /** SHA-256 of the public key (DER SubjectPublicKeyInfo), for P12 keys: what IAM's certificate is matched by. */
  publicKeyFingerprint?: string;
}

export interface ExternalAccountCredentials {
  kind: 'external_account';
  source: string;
  /** The credential file path (google-github-actions/auth writes one per job). */
  file: string;
  audience: string;
  subjectTokenType: string;
  /** STS token endpoint from the file. */
  tokenUrl: string;
  serviceAccountImpersonationUrl?: string;
  /** The impersonated service account, parsed from serviceAccountImpersonationUrl. */
  serviceAccountEmail?: string;
  credentialSource: CredentialSource;
  workforcePoolUserProject?: string;
  /** From GOOGLE_CLOUD_PROJECT / CLOUDSDK_CORE_PROJECT / GCLOUD_PROJECT / GCP_PROJECT, or quota_project_id. */
  projectId?: string;
}

export interface CredentialSource {
  file?: string;
  url?: string;
  headers?: Record<string, string>;
  format?: { type: 'text' | 'json'; subjectTokenFieldName?: string };
}

export interface AuthorizedUserCredentials {
  kind: 'authorized_user';
  source: string;
  file: string;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  projectId?: string;
}

export interface LoadCredentialsOptions {
  /** The `gcp-credentials` input: JSON key text, base64 of it, or a path to a key file. Empty means keyless. */
  keyJson?: string;
  env: NodeJS.ProcessEnv | Record<string, string | undefined>;
  log: Logger;
  /** Name of the input, for messages. Default `gcp-credentials`. */
  inputName?: string;
  /** The service account's email for a P12 key (config gcp.service_account_email or its input). */
  serviceAccountEmail?: string;
}

/** Where a P12 key's email comes from, for messages. */
export const P12_EMAIL_SOURCES =
  'gcp.service_account_email in gitspaces.yaml, or the gcp-service-account-email input';

/** Env variables naming a credential file, in the order they are consulted. */
export const CREDENTIAL_FILE_ENV = [
  'GOOGLE_APPLICATION_CREDENTIALS',
  'GOOGLE_GHA_CREDS_PATH',
  'CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE',
] as const;

const PROJECT_ENV = [
  'GOOGLE_CLOUD_PROJECT',
  'CLOUDSDK_CORE_PROJECT',
  'CLOUDSDK_PROJECT',
  'GCLOUD_PROJECT',
  'GCP_PROJECT',
] as const;

const SA_FIELDS = ['project_id', 'client_email', 'private_key_id', 'private_key', 'token_uri'] as const;

const CREATE_JSON_KEY_FIX =
  'Create a JSON key for the service account (Console: IAM & Admin -> Service Accounts -> Keys -> Add key -> JSON, or ' +
  '`gcloud iam service-accounts keys create key.json --iam-account=SA_EMAIL`) and store the whole file content as the secret, ' +
  'or authenticate keyless with google-github-actions/auth before this step.';

const P12_FIX =
  `A P12 key does not say which service account it belongs to: set ${P12_EMAIL_SOURCES} to its email (SA_NAME@PROJECT.iam.gserviceaccount.com). ` +
  'Better, use a JSON key (`gcloud iam service-accounts keys create key.json --iam-account=SA_EMAIL`) or keyless authentication (google-github-actions/auth).';

/** Masks a secret and each of its lines (a PEM printed line by line must not leak either). */
export function maskSecret(log: Logger, secret: string | undefined): void {
  if (!secret) return;
  log.mask(secret);
  for (const line of secret.split(/\r?\n/)) {
    const t = line.trim();
    if (t.length >= 8 && !/^-----(BEGIN|END) /.test(t)) log.mask(t);
  }
  // The same key as it appears inside JSON text (newlines escaped).
  if (secret.includes('\n')) log.mask(secret.replace(/\n/g, '\\n'));
}

/** Reads the credentials; throws ConfigurationError (never containing key material) when they are unusable. */
export function loadCredentials(opts: LoadCredentialsOptions): Credentials {
  const { env, log } = opts;
  const inputName = opts.inputName ?? 'gcp-credentials';
  const raw = opts.keyJson?.trim();
  const email = opts.serviceAccountEmail?.trim() || undefined;
  if (raw) {
    log.mask(raw);
    return fromInput(raw, `input ${inputName}`, log, env, email);
  }
  for (const name of CREDENTIAL_FILE_ENV) {
    const path = env[name];
    if (path) return fromFile(path, `file ${path} (${name})`, log, env, email);
  }
  const home = env.HOME || env.USERPROFILE;
  if (home) {
    const adc =
      env.CLOUDSDK_CONFIG !== undefined
        ? join(env.CLOUDSDK_CONFIG, 'application_default_credentials.json')
        : join(home, '.config', 'gcloud', 'application_default_credentials.json');
    if (existsSync(adc))
      return fromFile(adc, `file ${adc} (gcloud application-default credentials)`, log, env);
  }
  throw new ConfigurationError(
    'AUTH_MISSING',
    `No Google credentials: the ${inputName} input is empty and none of ${CREDENTIAL_FILE_ENV.join(', ')} is set.`,
    `Pass a service-account JSON key in the ${inputName} input (from a secret), or run google-github-actions/auth ` +
      '(Workload Identity Federation) earlier in the job, or set GOOGLE_APPLICATION_CREDENTIALS to a key file.',
  );
}

function fromInput(
  raw: string,
  source: string,
  log: Logger,
  env: LoadCredentialsOptions['env'],
  email: string | undefined,
): Credentials {
  if (looksLikePkcs12Binary(raw)) {
    // Bytes read as UTF-8 text lose what is not valid UTF-8 (U+FFFD): such a file cannot be read back.
    if (email && raw.includes('\ufffd'))
      throw new ConfigurationError(
        'AUTH_KEY_INVALID',
        `The P12 key from ${source} was passed as text and is damaged (binary bytes do not survive as a string).`,
        'Pass it base64-encoded (`base64 -w0 key.p12`, stored as the secret) or as a path to the file.',
      );
    return fromP12(Buffer.from(raw, 'latin1'), source, log, env, email);
  }
  if (!raw.startsWith('{')) {
    // A path to a key file?
    if (raw.length < 1024 && !raw.includes('\n') && isFile(raw))
      return fromFile(raw, `file ${raw} (${source})`, log, env, email);
    if (isP12Path(raw)) throw p12Error(source, `the file ${raw} does not exist`);
    // Base64 of the JSON key (google-github-actions/auth accepts that too) or of a P12 file.
    const decoded = decodeBase64(raw);
    if (decoded) {
      if (looksLikePkcs12Bytes(decoded)) return fromP12(decoded, `${source} (base64)`, log, env, email);
      const text = decoded.toString('utf8').trim();
      if (text.startsWith('{')) {
        log.mask(text);
        return parseJson(text, `${source} (base64)`, log, env);
      }
    }
  }
  return parseJson(raw, source, log, env);
}

function fromFile(
  path: string,
  source: string,
  log: Logger,
  env: LoadCredentialsOptions['env'],
  email?: string,
): Credentials {
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (e) {
    const code = (e as { code?: string }).code ?? 'unreadable';
    throw new ConfigurationError(
      'AUTH_KEY_INVALID',
      `Cannot read the Google credential ${source}: ${code}.`,
      'Point the variable at an existing credential file (google-github-actions/auth writes one and sets it), or pass a JSON key in the gcp-credentials input.',
    );
  }
  if (looksLikePkcs12Bytes(buf)) return fromP12(buf, source, log, env, email);
  const text = buf.toString('utf8').trim();
  log.mask(text);
  if (!text.startsWith('{')) {
    const decoded = decodeBase64(text);
    if (decoded && looksLikePkcs12Bytes(decoded)) return fromP12(decoded, source, log, env, email);
  }
  return parseJson(text, source, log, env, path);
}

function parseJson(
  text: string,
  source: string,
  log: Logger,
  env: LoadCredentialsOptions['env'],
  file?: string,
): Credentials {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // The parser's own message quotes the text: never show it. Describe the shape instead.
    const truncated = text.startsWith('{') && !text.endsWith('}');
    throw new ConfigurationError(
      'AUTH_KEY_INVALID',
      `The Google credentials from ${source} are not valid JSON` +
        (truncated
          ? ` (${text.length} characters that start with "{" but do not end with "}": the value looks truncated, e.g. copied partially or pasted into a single-line field).`
          : ` (${text.length} characters; a service-account key is a JSON object starting with "{").`),
      CREATE_JSON_KEY_FIX,
    );
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ConfigurationError(
      'AUTH_KEY_INVALID',
      `The Google credentials from ${source} are JSON but not an object.`,
      CREATE_JSON_KEY_FIX,
    );
  }
  const obj = parsed as Record<string, unknown>;
  // Mask every secret-looking value the moment it is read.
  maskSecret(log, str(obj.private_key));
  maskSecret(log, str(obj.client_secret));
  maskSecret(log, str(obj.refresh_token));
  const type = str(obj.type);
  switch (type) {
    case 'service_account':
      return serviceAccount(obj, text, source);
    case 'external_account':
      return externalAccount(obj, source, log, env, file);
    case 'authorized_user':
      return authorizedUser(obj, source, env, file);
    default:
      throw new ConfigurationError(
        type ? 'AUTH_UNSUPPORTED' : 'AUTH_KEY_INVALID',
        type
          ? `The Google credentials from ${source} are of type "${type}", which these actions do not support.`
          : `The Google credentials from ${source} have no "type" field; a service-account key has "type": "service_account".`,
        CREATE_JSON_KEY_FIX,
      );
  }
}

function serviceAccount(
  obj: Record<string, unknown>,
  json: string,
  source: string,
): ServiceAccountCredentials {
  const missing = SA_FIELDS.filter((f) => !str(obj[f]));
  if (missing.length) {
    throw new ConfigurationError(
      'AUTH_KEY_INVALID',
      `The service-account key from ${source} lacks ${missing.join(', ')}.`,
      CREATE_JSON_KEY_FIX,
      missing.map((f) => `missing field: ${f}`),
    );
  }
  const privateKey = str(obj.private_key) as string;
  if (
    !/-----BEGIN (RSA )?PRIVATE KEY-----/.test(privateKey) ||
    !/-----END (RSA )?PRIVATE KEY-----/.test(privateKey)
  ) {
    throw new ConfigurationError(
      'AUTH_KEY_INVALID',
      `The private_key of the service-account key from ${source} is not a PEM private key (the BEGIN/END lines are missing or damaged).`,
      CREATE_JSON_KEY_FIX,
    );
  }
  return {
    kind: 'service_account',
    source,
    projectId: str(obj.project_id) as string,
    clientEmail: str(obj.client_email) as string,
    privateKeyId: str(obj.private_key_id) as string,
    privateKey,
    tokenUri: str(obj.token_uri) as string,
    json,
  };
}

function externalAccount(
  obj: Record<string, unknown>,
  source: string,
  log: Logger,
  env: LoadCredentialsOptions['env'],
  file?: string,
): ExternalAccountCredentials {
  const fix =
    'Run google-github-actions/auth with workload_identity_provider (and service_account) before this step, with `permissions: id-token: write` on the job.';
  const missing = ['audience', 'subject_token_type', 'token_url'].filter((f) => !str(obj[f]));
  const cs = obj.credential_source as Record<string, unknown> | undefined;
  if (!cs || typeof cs !== 'object') missing.push('credential_source');
  if (missing.length) {
    throw new ConfigurationError(
      'AUTH_KEY_INVALID',
      `The external_account credentials from ${source} lack ${missing.join(', ')}.`,
      fix,
    );
  }
  const credSource = cs as Record<string, unknown>;
  const headers: Record<string, string> = {};
  if (credSource.headers && typeof credSource.headers === 'object') {
    for (const [k, v] of Object.entries(credSource.headers as Record<string, unknown>)) {
      if (typeof v !== 'string') continue;
      headers[k] = v;
      if (/authorization|token|key/i.test(k)) {
        log.mask(v);
        const bearer = v.replace(/^(Bearer|token)\s+/i, '');
        if (bearer !== v) log.mask(bearer);
      }
    }
  }
  const fmt = credSource.format as Record<string, unknown> | undefined;
  const format =
    fmt && typeof fmt === 'object'
      ? {
          type: (str(fmt.type) === 'json' ? 'json' : 'text') as 'json' | 'text',
          subjectTokenFieldName: str(fmt.subject_token_field_name),
        }
      : undefined;
  if (format?.type === 'json' && !format.subjectTokenFieldName) {
    throw new ConfigurationError(
      'AUTH_KEY_INVALID',
      `The external_account credentials from ${source} use credential_source.format "json" without subject_token_field_name.`,
      fix,
    );
  }
  const credentialSource: CredentialSource = {
    file: str(credSource.file),
    url: str(credSource.url),
    headers: Object.keys(headers).length ? headers : undefined,
    format,
  };
  if (!credentialSource.file && !credentialSource.url) {
    throw new ConfigurationError(
      'AUTH_UNSUPPORTED',
      `The external_account credentials from ${source} take their subject token from neither a file nor a URL (executable and AWS sources are not supported).`,
      fix,
    );
  }
  const impersonation = str(obj.service_account_impersonation_url);
  const email = impersonation?.match(/serviceAccounts\/([^/:]+):generateAccessToken/)?.[1];
  return {
    kind: 'external_account',
    source,
    file: file ?? '',
    audience: str(obj.audience) as string,
    subjectTokenType: str(obj.subject_token_type) as string,
    tokenUrl: str(obj.token_url) as string,
    serviceAccountImpersonationUrl: impersonation,
    serviceAccountEmail: email ? decodeURIComponent(email) : undefined,
    credentialSource,
    workforcePoolUserProject: str(obj.workforce_pool_user_project),
    projectId: projectFromEnv(env) ?? str(obj.quota_project_id) ?? projectFromEmail(email),
  };
}

function authorizedUser(
  obj: Record<string, unknown>,
  source: string,
  env: LoadCredentialsOptions['env'],
  file?: string,
): AuthorizedUserCredentials {
  const missing = ['client_id', 'client_secret', 'refresh_token'].filter((f) => !str(obj[f]));
  if (missing.length) {
    throw new ConfigurationError(
      'AUTH_KEY_INVALID',
      `The authorized_user credentials from ${source} lack ${missing.join(', ')}.`,
      'Run `gcloud auth application-default login` again, or use a service-account JSON key.',
    );
  }
  return {
    kind: 'authorized_user',
    source,
    file: file ?? '',
    clientId: str(obj.client_id) as string,
    clientSecret: str(obj.client_secret) as string,
    refreshToken: str(obj.refresh_token) as string,
    projectId: projectFromEnv(env) ?? str(obj.quota_project_id),
  };
}

function projectFromEnv(env: LoadCredentialsOptions['env']): string | undefined {
  for (const k of PROJECT_ENV) if (env[k]) return env[k];
  return undefined;
}

function projectFromEmail(email: string | undefined): string | undefined {
  return email?.match(/@([a-z][-a-z0-9]{4,28}[a-z0-9])\.iam\.gserviceaccount\.com$/)?.[1];
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function isP12Path(s: string): boolean {
  return !s.includes('\n') && s.length < 1024 && /\.(p12|pfx)$/i.test(s);
}

function decodeBase64(s: string): Buffer | undefined {
  const compact = s.replace(/\s+/g, '');
  if (compact.length < 16 || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(compact)) return undefined;
  const buf = Buffer.from(compact, 'base64');
  return buf.length ? buf : undefined;
}

/**
 * PKCS#12 is a DER SEQUENCE (0x30) whose first element is INTEGER version 3 (02 01 03). Google's P12 keys
 * start `30 82 xx xx 02 01 03`.
 */
function looksLikePkcs12Bytes(b: Uint8Array): boolean {
  if (b.length < 8 || b[0] !== 0x30) return false;
  let i = 1;
  const len = b[i] as number;
  if (len & 0x80) i += 1 + (len & 0x7f);
  else i += 1;
  return b[i] === 0x02 && b[i + 1] === 0x01 && b[i + 2] === 0x03;
}

/** A P12 passed as a string (binary read as latin1/utf8): check the leading bytes. */
function looksLikePkcs12Binary(s: string): boolean {
  if (s.charCodeAt(0) !== 0x30) return false;
  // eslint-disable-next-line no-control-regex
  if (!/[\u0000-\u0008\u000e-\u001f\ufffd]/.test(s.slice(0, 64))) return false;
  const latin = Buffer.from(s, 'latin1');
  return (
    looksLikePkcs12Bytes(latin) ||
    s.charCodeAt(1) === 0x82 ||
    s.charCodeAt(1) === 0x83 ||
    s.includes('\ufffd')
  );
}

function p12Error(source: string, why: string): ConfigurationError {
  return new ConfigurationError(
    'AUTH_P12',
    `The Google credentials from ${source} are a P12 (PKCS#12) key, and ${why}.`,
    P12_FIX,
  );
}

const SA_EMAIL_RE = /^[a-z0-9][a-z0-9-]{4,28}[a-z0-9]@[a-z0-9.-]+\.gserviceaccount\.com$/;

/**
 * A P12 key with the service account's email: its private key, masked at once (the PEM and the file's bytes
 * as base64). The key id is unknown until resolveP12KeyId looks the public key up in IAM.
 */
function fromP12(
  bytes: Buffer,
  source: string,
  log: Logger,
  env: LoadCredentialsOptions['env'],
  email: string | undefined,
): ServiceAccountCredentials {
  log.mask(bytes.toString('base64'));
  if (!email) throw p12Error(source, `it holds no service-account email: set ${P12_EMAIL_SOURCES}`);
  if (!SA_EMAIL_RE.test(email))
    throw new ConfigurationError(
      'AUTH_P12',
      `The service-account email "${email}" for the P12 key from ${source} is not a service account's email.`,
      `Set ${P12_EMAIL_SOURCES} to the email of the service account the key belongs to (SA_NAME@PROJECT.iam.gserviceaccount.com).`,
    );
  let pem: string;
  let fp: string;
  const password = env.GITSPACES_P12_PASSWORD || 'notasecret';
  if (env.GITSPACES_P12_PASSWORD) log.mask(password);
  try {
    const r = readPkcs12PrivateKey(bytes, password);
    pem = r.pem;
    fp = publicKeyFingerprint(r.key);
  } catch (e) {
    if (!(e instanceof Pkcs12Error)) throw e;
    throw new ConfigurationError(
      'AUTH_KEY_INVALID',
      `The P12 key from ${source} cannot be read: ${e.message}.`,
      `Google's P12 keys use the password "notasecret"; a re-exported file with another one needs GITSPACES_P12_PASSWORD. ${P12_FIX}`,
    );
  }
  maskSecret(log, pem);
  const c: ServiceAccountCredentials = {
    kind: 'service_account',
    format: 'p12',
    source,
    projectId: projectFromEmail(email) ?? projectFromEnv(env) ?? '-',
    clientEmail: email,
    privateKeyId: '',
    privateKey: pem,
    tokenUri: 'https://oauth2.googleapis.com/token',
    json: '',
    publicKeyFingerprint: fp,
  };
  c.json = serviceAccountJson(c);
  maskSecret(log, c.json);
  return c;
}

/** The JSON key equivalent to service-account credentials (what Terraform's `credentials` and the runner read). */
export function serviceAccountJson(c: ServiceAccountCredentials): string {
  return JSON.stringify(
    {
      type: 'service_account',
      project_id: c.projectId,
      private_key_id: c.privateKeyId,
      private_key: c.privateKey,
      client_email: c.clientEmail,
      token_uri: c.tokenUri,
    },
    null,
    2,
  );
}
