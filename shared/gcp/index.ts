import { Clock, realClock } from '../clock.js';
import { Endpoints, endpointsFromEnv } from '../endpoints.js';
import type { Logger } from '../logger.js';
import { CertificateManager } from './certmanager.js';
import { CloudDns } from './clouddns.js';
import { ComputeApi } from './compute.js';
import { Credentials, loadCredentials } from './credentials.js';
import { Iam } from './iam.js';
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
