import { Clock, realClock } from '../clock.js';
import { endpointsFromEnv } from '../endpoints.js';
import { ConfigurationError, RemoteError, errorMessage } from '../errors.js';
import { Logger, nullLogger } from '../logger.js';
import { RetryOptions, isThrottled, isTransient, networkCause, parseRetryAfter, retry } from '../retry.js';
import type {
  DelegateGroupDetails,
  DelegateGroupSummary,
  DelegateTokenDetails,
  EnumGitspaceActionType,
  NgRestResponse,
  OpenapiCreateGitspaceRequest,
  OpenapiCreateInfraProviderConfigRequest,
  ResourceInput,
  TypesCDEGateway,
  TypesGitspaceConfig,
  TypesGitspaceEventResponse,
  TypesInfraProviderConfig,
  TypesInfraProviderResource,
} from './types.js';

export interface HarnessClientOptions {
  /** Harness base URL without path, e.g. https://app.harness.io (see harnessBaseUrl). */
  baseUrl: string;
  apiKey: string;
  accountId: string;
  log?: Logger;
  clock?: Clock;
  /** Overrides of the retry policy (attempts, backoff); `retryable` is decided per method. */
  retry?: Omit<RetryOptions, 'retryable' | 'clock'>;
  fetch?: typeof fetch;
  /** Per-attempt timeout (default 60 s); a timed-out GET/PUT/DELETE is retried, a POST is not. */
  timeoutMs?: number;
}

/** Where the Harness API is: the endpoint override (GITSPACES_HARNESS_URL) wins over the config's harness.api_url. */
export function harnessBaseUrl(
  config: { harness: { api_url: string } },
  env: NodeJS.ProcessEnv = process.env,
): string {
  return (endpointsFromEnv(env).harness ?? config.harness.api_url).replace(/\/+$/, '');
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
type Query = Record<string, string | number | boolean | undefined>;

function isConnectionRefused(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string } };
  if (e instanceof RemoteError) return e.status === 0 && /\bECONNREFUSED\b/.test(e.message);
  return err?.code === 'ECONNREFUSED' || err?.cause?.code === 'ECONNREFUSED';
}

/**
 * Retry policy: reads and idempotent writes (GET/PUT/DELETE) retry every transient failure; a POST retries
 * only when it certainly was not applied: throttled (429: Harness's rate limiter answers before the request
 * reaches the service, https://developer.harness.io/docs/platform/rate-limits/) or a refused connection. A 5xx
 * or dropped POST may have been applied, so the error goes to the caller, who reconciles (reads back by
 * identifier or name, then decides): see each caller.
 */
export function retryableFor(method: Method): (e: unknown) => boolean {
  if (method === 'POST' || method === 'PATCH') return (e) => isThrottled(e) || isConnectionRefused(e);
  return (e) => isTransient(e);
}

/** Client of the Harness CDE API (/gateway/cde/api/v1) and the NG platform API (/ng/api) for what the bundle needs. */
export class HarnessClient {
  readonly baseUrl: string;
  readonly accountId: string;
  private readonly apiKey: string;
  private readonly log: Logger;
  private readonly clock: Clock;
  private readonly retryOpts: Omit<RetryOptions, 'retryable' | 'clock'>;
  private readonly fetchImpl: typeof fetch;
  private readonly timeoutMs: number;

  constructor(opts: HarnessClientOptions) {
    this.baseUrl = opts.baseUrl.replace(/\/+$/, '');
    this.apiKey = opts.apiKey;
    this.accountId = opts.accountId;
    this.log = opts.log ?? nullLogger;
    this.clock = opts.clock ?? realClock;
    this.retryOpts = opts.retry ?? {};
    this.fetchImpl = opts.fetch ?? fetch;
    this.timeoutMs = opts.timeoutMs ?? 60_000;
    this.log.mask(opts.apiKey);
  }

  private get cde(): string {
    return `${this.baseUrl}/gateway/cde/api/v1`;
  }
  private get ng(): string {
    return `${this.baseUrl}/ng/api`;
  }
  private acc(): string {
    return `${this.cde}/accounts/${encodeURIComponent(this.accountId)}`;
  }
  private infra(id: string): string {
    return `${this.acc()}/infraproviders/${encodeURIComponent(id)}`;
  }
  private gitspaces(org: string, project: string): string {
    return `${this.acc()}/orgs/${encodeURIComponent(org)}/projects/${encodeURIComponent(project)}/gitspaces`;
  }

  /** One call with retries; returns undefined for a 404 when `allow404`. */
  async request<T>(
    method: Method,
    url: string,
    opts: { query?: Query; body?: unknown; allow404?: boolean } = {},
  ): Promise<T | undefined> {
    const u = new URL(url);
    for (const [k, v] of Object.entries(opts.query ?? {}))
      if (v !== undefined) u.searchParams.set(k, String(v));
    u.searchParams.set('routingId', this.accountId);
    const where = `${method} ${u.pathname}`;
    return retry(
      async () => {
        const headers: Record<string, string> = { 'x-api-key': this.apiKey, accept: 'application/json' };
        let payload: string | undefined;
        if (opts.body !== undefined) {
          headers['content-type'] = 'application/json';
          payload = JSON.stringify(opts.body);
        }
        let res: Response;
        let text: string;
        try {
          res = await this.fetchImpl(u, {
            method,
            headers,
            body: payload,
            signal: AbortSignal.timeout(this.timeoutMs),
          });
          text = await res.text();
        } catch (e) {
          // A network failure (refused, reset, dropped, timed out) is a transient remote error naming the host.
          throw new RemoteError(
            'harness',
            0,
            `Cannot reach Harness at ${u.host} (${where}): ${networkCause(e)}`,
          );
        }
        let parsed: unknown = undefined;
        if (text) {
          try {
            parsed = JSON.parse(text);
          } catch {
            parsed = text;
          }
        }
        if (res.status === 404 && opts.allow404) return undefined;
        if (!res.ok) {
          const body = parsed as { message?: string } | string | undefined;
          const msg =
            typeof body === 'object' && body?.message
              ? body.message
              : typeof body === 'string' && body
                ? body.slice(0, 300)
                : res.statusText;
          throw new RemoteError(
            'harness',
            res.status,
            `Harness API ${where} answered ${res.status}: ${msg}`,
            parsed,
            parseRetryAfter(res.headers.get('retry-after'), this.clock.now()),
          );
        }
        return parsed as T;
      },
      {
        ...this.retryOpts,
        clock: this.clock,
        retryable: retryableFor(method),
        onRetry: (e, attempt, delay) =>
          this.log.debug(`Harness API ${where}: ${errorMessage(e)}; retry ${attempt} in ${delay} ms`),
      },
    );
  }

  private async must<T>(
    method: Method,
    url: string,
    opts: { query?: Query; body?: unknown } = {},
  ): Promise<T> {
    return (await this.request<T>(method, url, opts)) as T;
  }

  // ---- infra providers ----

  async listInfraProviders(): Promise<TypesInfraProviderConfig[]> {
    return (
      (await this.must<TypesInfraProviderConfig[] | null>('GET', `${this.acc()}/infraproviders`, {
        query: { acl_filter: 'false' },
      })) ?? []
    );
  }
  /** The infra provider with setup_yaml and resources, or undefined when it does not exist. */
  getInfraProvider(id: string): Promise<TypesInfraProviderConfig | undefined> {
    return this.request<TypesInfraProviderConfig>('GET', this.infra(id), {
      query: { acl_filter: 'false' },
      allow404: true,
    });
  }
  createInfraProvider(body: OpenapiCreateInfraProviderConfigRequest): Promise<TypesInfraProviderConfig> {
    return this.must('POST', `${this.acc()}/infraproviders`, { body });
  }
  updateInfraProvider(
    id: string,
    body: OpenapiCreateInfraProviderConfigRequest,
  ): Promise<TypesInfraProviderConfig> {
    return this.must('PUT', this.infra(id), { body });
  }
  /** DELETE on the real path (the swagger's extra `{delete_bug}` segment is an artefact of the generated UI client). */
  async deleteInfraProvider(id: string): Promise<void> {
    await this.request('DELETE', this.infra(id));
  }
  async listGateways(infraId: string): Promise<TypesCDEGateway[]> {
    return (
      (await this.must<TypesCDEGateway[] | null>('GET', `${this.infra(infraId)}/gateways`, {
        query: { is_latest: 'true' },
      })) ?? []
    );
  }
  async listResources(infraId: string): Promise<TypesInfraProviderResource[]> {
    return (
      (await this.must<TypesInfraProviderResource[] | null>('GET', `${this.infra(infraId)}/resources`, {
        query: { acl_filter: 'false' },
      })) ?? []
    );
  }
  /** Creates machines: the body is a JSON array (the swagger declares none); metadata values are sent as strings. */
  async createResources(infraId: string, resources: ResourceInput[]): Promise<TypesInfraProviderResource[]> {
    const body = resources.map((r) => ({
      ...r,
      metadata: Object.fromEntries(Object.entries(r.metadata ?? {}).map(([k, v]) => [k, String(v)])),
    }));
    return (
      (await this.must<TypesInfraProviderResource[] | null>('POST', `${this.infra(infraId)}/resources`, {
        body,
      })) ?? []
    );
  }
  async deleteResource(infraId: string, resId: string): Promise<void> {
    await this.request('DELETE', `${this.infra(infraId)}/resources/${encodeURIComponent(resId)}`);
  }

  // ---- gitspaces ----

  /** Every gitspace of the project: pages of 100 until a short page. */
  async listGitspaces(org: string, project: string): Promise<TypesGitspaceConfig[]> {
    const limit = 100;
    const out: TypesGitspaceConfig[] = [];
    for (let page = 1; ; page++) {
      const batch =
        (await this.must<TypesGitspaceConfig[] | null>('GET', this.gitspaces(org, project), {
          query: { page, limit },
        })) ?? [];
      out.push(...batch);
      if (batch.length < limit) return out;
    }
  }
  getGitspace(org: string, project: string, id: string): Promise<TypesGitspaceConfig | undefined> {
    return this.request<TypesGitspaceConfig>(
      'GET',
      `${this.gitspaces(org, project)}/${encodeURIComponent(id)}`,
      { allow404: true },
    );
  }
  /** Creates a gitspace config; the server lower-cases the identifier and appends a suffix: use the response's. */
  createGitspace(
    org: string,
    project: string,
    body: OpenapiCreateGitspaceRequest,
  ): Promise<TypesGitspaceConfig> {
    return this.must('POST', this.gitspaces(org, project), { body });
  }
  gitspaceAction(
    org: string,
    project: string,
    id: string,
    action: EnumGitspaceActionType,
  ): Promise<TypesGitspaceConfig> {
    return this.must('POST', `${this.gitspaces(org, project)}/${encodeURIComponent(id)}/actions`, {
      body: { action },
    });
  }
  async deleteGitspace(org: string, project: string, id: string): Promise<void> {
    await this.request('DELETE', `${this.gitspaces(org, project)}/${encodeURIComponent(id)}`);
  }
  async gitspaceEvents(org: string, project: string, id: string): Promise<TypesGitspaceEventResponse[]> {
    return (
      (await this.must<TypesGitspaceEventResponse[] | null>(
        'GET',
        `${this.gitspaces(org, project)}/${encodeURIComponent(id)}/events`,
      )) ?? []
    );
  }

  // ---- NG platform ----

  private ngQuery(extra: Query = {}): Query {
    return { accountIdentifier: this.accountId, ...extra };
  }

  /** Whether the organization exists: true/false, undefined when the key may not read it (403). */
  async getOrganization(org: string): Promise<boolean | undefined> {
    return this.exists(`${this.ng}/organizations/${encodeURIComponent(org)}`, this.ngQuery());
  }
  /** Whether the project exists in the organization: true/false, undefined when the key may not read it (403). */
  async getProject(org: string, project: string): Promise<boolean | undefined> {
    return this.exists(
      `${this.ng}/projects/${encodeURIComponent(project)}`,
      this.ngQuery({ orgIdentifier: org }),
    );
  }
  private async exists(url: string, query: Query): Promise<boolean | undefined> {
    try {
      return (await this.request('GET', url, { query, allow404: true })) !== undefined;
    } catch (e) {
      if (e instanceof RemoteError && e.status === 403) return undefined;
      throw e;
    }
  }

  /**
   * Account-level delegate tokens, of one name or all. Harness includes each token's value for a key allowed to
   * edit delegates (harness-go-sdk DelegateTokenDetails.value; ng-manager DelegateTokenNgResource checks
   * core_delegate_edit): every value is masked the moment it is read.
   */
  async listDelegateTokens(name?: string): Promise<DelegateTokenDetails[]> {
    const r = await this.must<NgRestResponse<DelegateTokenDetails[] | null>>(
      'GET',
      `${this.ng}/delegate-token-ng`,
      { query: this.ngQuery({ name }) },
    );
    const tokens = r?.resource ?? [];
    for (const t of tokens) if (t.value) this.log.mask(t.value);
    return tokens;
  }
  /**
   * The token of this exact name, with its value when Harness returns it (a key with delegate edit permission,
   * which creating a token needs too), or undefined when there is none. terraform-provider-harness reads a
   * token's value back the same way (GET delegate-token-ng?name=).
   */
  async getDelegateToken(name: string): Promise<DelegateTokenDetails | undefined> {
    return (await this.listDelegateTokens(name)).find((t) => t.name === name);
  }
  /** Creates an account-level delegate token; its value is masked before anything else happens. */
  async createDelegateToken(name: string): Promise<DelegateTokenDetails> {
    const r = await this.must<NgRestResponse<DelegateTokenDetails>>('POST', `${this.ng}/delegate-token-ng`, {
      query: this.ngQuery({ tokenName: name }),
    });
    if (r?.resource?.value) this.log.mask(r.resource.value);
    return r.resource;
  }
  async revokeDelegateToken(name: string): Promise<DelegateTokenDetails> {
    const r = await this.must<NgRestResponse<DelegateTokenDetails>>('PUT', `${this.ng}/delegate-token-ng`, {
      query: this.ngQuery({ tokenName: name }),
    });
    return r.resource;
  }
  /** The delegate groups that connected with this token, and whether each is connected now. */
  async delegateGroupsForToken(tokenName: string): Promise<DelegateGroupSummary[]> {
    const r = await this.must<
      NgRestResponse<{ delegateGroupDetails?: DelegateGroupDetails[] | null } | null>
    >('GET', `${this.ng}/delegate-token-ng/delegate-groups`, {
      query: this.ngQuery({ delegateTokenName: tokenName }),
    });
    return (r?.resource?.delegateGroupDetails ?? []).map((g) => ({
      groupName: g.groupName,
      activelyConnected: g.activelyConnected === true,
      connectivityStatus: g.connectivityStatus ?? 'unknown',
      lastHeartBeat: g.lastHeartBeat ?? 0,
      tags: [...new Set([...(g.groupCustomSelectors ?? []), ...Object.keys(g.groupImplicitSelectors ?? {})])],
    }));
  }
}

/**
 * A client for the configured account, at the endpoint the environment names (GITSPACES_HARNESS_URL) or the
 * config's harness.api_url. The key is masked at once.
 */
export function harnessClientFromConfig(
  config: { harness: { account_id: string; api_url: string } },
  opts: {
    apiKey: string;
    env?: NodeJS.ProcessEnv;
    log?: Logger;
    clock?: Clock;
    retry?: HarnessClientOptions['retry'];
  },
): HarnessClient {
  opts.log?.mask(opts.apiKey);
  return new HarnessClient({
    baseUrl: harnessBaseUrl(config, opts.env),
    apiKey: opts.apiKey,
    accountId: config.harness.account_id,
    log: opts.log,
    clock: opts.clock,
    retry: opts.retry,
  });
}

/** The Harness API key: the `harness-api-key` input, else HARNESS_API_KEY (the CLI), masked the moment it is read. */
export function readHarnessApiKey(io: {
  inputs: { secret(name: string): string };
  env: NodeJS.ProcessEnv;
  log: Logger;
}): string {
  const key = io.inputs.secret('harness-api-key') || io.env.HARNESS_API_KEY || '';
  if (key) io.log.mask(key);
  return key;
}

/** A ConfigurationError for a missing key, with what the key must be allowed to do. */
export function missingHarnessApiKey(needs = ''): ConfigurationError {
  return new ConfigurationError(
    'INPUT_MISSING',
    'No Harness API key',
    `Set the \`harness-api-key\` input (from a secret) or HARNESS_API_KEY${needs ? `; the key needs ${needs}` : ''}.`,
  );
}
