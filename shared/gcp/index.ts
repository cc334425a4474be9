import { Clock, realClock } from '../clock.js';
import { Endpoints, endpointsFromEnv } from '../endpoints.js';
import type { Logger } from '../logger.js';
import { CertificateManager } from './certmanager.js';
import { CloudDns } from './clouddns.js';
import { ComputeApi } from './compute.js';
import { Credentials, loadCredentials } from './credentials.js';
import { Iam, resolveP12KeyId } from './iam.js';
import { ConfigurationError } from '../errors.js';
import { ResourceManager } from './resourcemanager.js';
import { GcpRest } from './rest.js';
import { ServiceUsage } from './serviceusage.js';
import { TokenSource, createTokenSource } from './token.js';

export * from './credentials.js';
export * from './token.js';
export * from './rest.js';
export * from './serviceusage.js';
export * from './resourcemanager.js';
export * from './iam.js';
export * from './clouddns.js';
export * from './certmanager.js';
export * from './compute.js';

export interface Gcp {
  credentials: Credentials;
  endpoints: Endpoints;
  tokenSource: TokenSource;
  rest: GcpRest;
  serviceUsage: ServiceUsage;
  resourceManager: ResourceManager;
  iam: Iam;
  dns: CloudDns;
  certs: CertificateManager;
  /** Official Compute clients, loaded on first use. */
  compute: ComputeApi;
  /** The project the credentials name (service-account key project_id, or env for keyless), if any. */
  projectId?: string;
  close(): Promise<void>;
}

export interface CreateGcpOptions {
  /** The gcp-credentials input (JSON key); empty means keyless (GOOGLE_APPLICATION_CREDENTIALS ...). */
  keyJson?: string;
  env: NodeJS.ProcessEnv | Record<string, string | undefined>;
  log: Logger;
  clock?: Clock;
  /** Name of the credentials input, for messages. */
  inputName?: string;
  /** For reproducible retry jitter in tests. */
  random?: () => number;
  /** The service account a P12 key belongs to (config gcp.service_account_email or its input). */
  serviceAccountEmail?: string;
}

/**
 * Every Google client an action uses, wired from the environment (endpointsFromEnv) and the credentials.
 * Loading the credentials is synchronous and throws ConfigurationError when they are unusable; no request is made
 * until a client is used.
 */
export function createGcp(opts: CreateGcpOptions): Gcp {
  const clock = opts.clock ?? realClock;
  const endpoints = endpointsFromEnv(opts.env as NodeJS.ProcessEnv);
  const credentials = loadCredentials({
    keyJson: opts.keyJson,
    env: opts.env,
    log: opts.log,
    inputName: opts.inputName,
    serviceAccountEmail: opts.serviceAccountEmail,
  });
  const tokenSource = createTokenSource(credentials, {
    endpoints,
    log: opts.log,
    clock,
    random: opts.random,
  });
  const rest = new GcpRest(endpoints, tokenSource, { log: opts.log, clock, random: opts.random });
  const compute = new ComputeApi(endpoints, tokenSource, { log: opts.log, clock, random: opts.random });
  return {
    credentials,
    endpoints,
    tokenSource,
    rest,
    serviceUsage: new ServiceUsage(rest),
    resourceManager: new ResourceManager(rest),
    iam: new Iam(rest),
    dns: new CloudDns(rest),
    certs: new CertificateManager(rest),
    compute,
    projectId: credentials.projectId,
    close: () => compute.close(),
  };
}

/**
 * For a P12 key: the equivalent JSON key (in memory), its key id looked up in IAM by the public key, so that
 * Terraform and the runner, which read JSON keys only, can use it. The P12 key's own warning recommends a JSON
 * key or keyless authentication. undefined for every other kind of credentials (left to their own handling);
 * a P12 key without its email, unreadable, or unknown to IAM is a ConfigurationError.
 */
export async function jsonKeyForP12(opts: CreateGcpOptions): Promise<string | undefined> {
  let credentials: Credentials;
  try {
    credentials = loadCredentials({ ...opts, inputName: opts.inputName });
  } catch (e) {
    if (e instanceof ConfigurationError && /P12/.test(`${e.code} ${e.message}`)) throw e;
    return undefined;
  }
  if (credentials.kind !== 'service_account' || credentials.format !== 'p12') return undefined;
  const gcp = createGcp(opts);
  try {
    const c = gcp.credentials as typeof credentials;
    await resolveP12KeyId(gcp.iam, c);
    opts.log.warning(
      `The Google credentials are a P12 key (${c.clientEmail}, key ${c.privateKeyId.slice(0, 8)}…): converted to a JSON key in memory for the clients and Terraform. ` +
        'Prefer a JSON key, or keyless authentication (google-github-actions/auth with Workload Identity Federation).',
    );
    return c.json;
  } finally {
    await gcp.close();
  }
}
