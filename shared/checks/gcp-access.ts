import { ConfigurationError, RemoteError, errorMessage, isConfigurationError } from '../errors.js';
import type { Gcp } from '../gcp/index.js';
import { resolveP12KeyId } from '../gcp/iam.js';
import { googleErrorMetadata, googleReason } from '../gcp/rest.js';
import type { ServiceState } from '../gcp/serviceusage.js';
import { waitFor } from '../retry.js';
import { computeReads } from './compute-reads.js';
import { PreflightContext, SkipCheck, needConfig } from './types.js';

/** The APIs the module needs, with the check that reports each (API-001..006, apis.ts; titles in catalog.ts). */
export const MODULE_APIS: { id: string; service: string; why: string }[] = [
  {
    id: 'API-001',
    service: 'cloudresourcemanager.googleapis.com',
    why: 'IAM bindings and project lookups',
  },
  {
    id: 'API-002',
    service: 'compute.googleapis.com',
    why: 'the VPC, gateways, load balancers and runner VM',
  },
  {
    id: 'API-003',
    service: 'certificatemanager.googleapis.com',
    why: 'the managed wildcard certificate of each region',
  },
  {
    id: 'API-004',
    service: 'iam.googleapis.com',
    why: 'the service account the module creates',
  },
  {
    id: 'API-005',
    service: 'dns.googleapis.com',
    why: 'the managed zone and the region records',
  },
  {
    id: 'API-006',
    service: 'redis.googleapis.com',
    why: 'the Redis instance HA gateways share (gateway.instances > 1)',
  },
];

/** Whether the config needs Redis (post-0.0.3 module, more than one gateway instance). */
export function needsRedis(ctx: PreflightContext): boolean {
  const c = ctx.config;
  return Boolean(
    c && c.infrastructure.gateway.instances > 1 && c.terraform.module.generation === 'post-0.0.3',
  );
}

export function requiredApis(ctx: PreflightContext): string[] {
  return MODULE_APIS.filter((a) => a.id !== 'API-006' || needsRedis(ctx)).map((a) => a.service);
}

export const checkForApi = (service: string): string =>
  MODULE_APIS.find((a) => a.service === service)?.id ?? 'API-00x';

export type GcpAuth =
  { ok: true; gcp: Gcp; project: string } | { ok: false; checkId: string; observed: string; fix: string };

const KEY_REJECTED_FIX =
  'The token endpoint refused this key: it was deleted or disabled, it expired, or its private_key does not belong to its private_key_id ' +
  '(a hand-edited or mixed-up file). Create a new JSON key (`gcloud iam service-accounts keys create key.json --iam-account=SA_EMAIL`), ' +
  'store the whole file as the secret, and delete the old key; or use keyless authentication (google-github-actions/auth with Workload Identity Federation).';

/**
 * Credentials, project and a first token, once per run. The failure names the one check that reports it
 * (AUTH-001: none or the wrong project; AUTH-002: not a JSON key; AUTH-003: the token endpoint refused the key),
 * so a bad key gives exactly one error and every other GCP check skips with that reason.
 */
export function gcpAuth(ctx: PreflightContext): Promise<GcpAuth> {
  return ctx.once('gcp-auth', async (): Promise<GcpAuth> => {
    const setup = ctx.gcp;
    if (!setup.ok) return { ok: false, checkId: setup.checkId, observed: setup.message, fix: setup.fix };
    const gcp = setup.gcp;
    const config = ctx.config;
    const project = config?.gcp.project_id ?? gcp.projectId;
    if (!project)
      return {
        ok: false,
        checkId: 'AUTH-001',
        observed: 'no GCP project: the config did not load and the credentials name none',
        fix: 'Fix the config (CFG-001).',
      };
    const cred = gcp.credentials;
    if (
      cred.kind === 'service_account' &&
      config &&
      cred.projectId !== config.gcp.project_id &&
      !(cred.format === 'p12' && cred.projectId === '-')
    ) {
      return {
        ok: false,
        checkId: 'AUTH-001',
        observed: `the key (${cred.source}) is for service account ${cred.clientEmail} of project ${cred.projectId}, but gcp.project_id is ${config.gcp.project_id}`,
        fix: `Harness needs an Owner service account of the project itself: create a JSON key for a service account of ${config.gcp.project_id} and pass it, or correct gcp.project_id.`,
      };
    }
    try {
      await gcp.tokenSource.getToken();
    } catch (e) {
      if (isConfigurationError(e)) {
        const ce = e as ConfigurationError;
        const checkId =
          cred.kind === 'service_account' && ce.code === 'AUTH_TOKEN_REJECTED'
            ? 'AUTH-003'
            : ce.code === 'AUTH_KEY_INVALID'
              ? 'AUTH-002'
              : 'AUTH-001';
        return {
          ok: false,
          checkId,
          observed: ce.message,
          fix: checkId === 'AUTH-003' ? KEY_REJECTED_FIX : ce.fix,
        };
      }
      return {
        ok: false,
        checkId: 'AUTH-001',
        observed: `no token: ${errorMessage(e)}`,
        fix: 'Check that the Google token endpoint is reachable from the machine that runs the job (proxy, firewall), then run again.',
      };
    }
    if (cred.kind === 'service_account' && cred.format === 'p12') {
      // The P12 key's id, from IAM's key list by its public key: AUTH-003 reads that key's state.
      try {
        await resolveP12KeyId(gcp.iam, cred);
      } catch (e) {
        if (isConfigurationError(e)) {
          const ce = e as ConfigurationError;
          return { ok: false, checkId: 'AUTH-003', observed: ce.message, fix: ce.fix ?? KEY_REJECTED_FIX };
        }
        if (!(e instanceof RemoteError && e.status === 403)) throw e;
        // IAM does not let the account read its own keys: AUTH-003 says so; the key works nonetheless.
      }
    }
    return { ok: true, gcp, project };
  });
}

/** The Google clients, or a skip naming the check that explains why there are none. With enable-apis, waits for API-007. */
export async function requireGcp(
  ctx: PreflightContext,
  api?: string,
): Promise<{ gcp: Gcp; project: string }> {
  const auth = await gcpAuth(ctx);
  if (!auth.ok) throw new SkipCheck(`no usable Google credentials (see ${auth.checkId})`);
  if (api && ctx.enableApis) {
    const en = await enableApis(ctx).catch(() => undefined);
    if (!en || en.stillDisabled.includes(api))
      throw new SkipCheck(`${api} could not be enabled (see API-007)`);
  }
  return auth;
}

/** One services:batchGet for every required API, shared by API-001..007. */
export function serviceStates(ctx: PreflightContext): Promise<Map<string, ServiceState>> {
  return ctx.once('service-states', async () => {
    const { gcp, project } = await requireGcp(ctx);
    return gcp.serviceUsage.batchGetStates(project, requiredApis(ctx));
  });
}

export interface Enablement {
  /** APIs that were disabled before the run. */
  missing: string[];
  /** APIs enabled by this run (all of `missing` when it worked). */
  enabled: string[];
  stillDisabled: string[];
  waitedMs: number;
}

/** A read-only call per API; anything but SERVICE_DISABLED (or a transport failure) proves the API answers. */
async function probe(gcp: Gcp, project: string, service: string, ctx: PreflightContext): Promise<boolean> {
  const config = ctx.config;
  try {
    switch (service) {
      case 'cloudresourcemanager.googleapis.com':
        await gcp.resourceManager.getProject(project);
        break;
      case 'compute.googleapis.com':
        await computeReads(gcp).getRegion(
          project,
          config ? (Object.keys(config.infrastructure.regions)[0] ?? 'us-central1') : 'us-central1',
        );
        break;
      case 'iam.googleapis.com':
        await gcp.iam.getServiceAccount(project, gcp.tokenSource.identity());
        break;
      case 'dns.googleapis.com':
        await gcp.dns.listManagedZones(project);
        break;
      case 'certificatemanager.googleapis.com':
        await gcp.rest.get(
          'certificateManager',
          `/v1/projects/${encodeURIComponent(project)}/locations/global/certificates`,
        );
        break;
      default:
        // No client of ours calls this API before apply (redis): its state is the probe.
        return (await gcp.serviceUsage.getState(project, service)) === 'ENABLED';
    }
    return true;
  } catch (e) {
    if (isServiceDisabled(e)) return false;
    if (e instanceof RemoteError && e.status >= 400 && e.status < 500) return true; // the API answered
    return false;
  }
}

/** API-007's work, once: batchEnable the missing APIs, wait for the operation, then until a probe on each succeeds. */
export function enableApis(ctx: PreflightContext): Promise<Enablement> {
  return ctx.once('enable-apis', async () => {
    const { gcp, project } = await requireGcp(ctx);
    const start = ctx.clock.now();
    const states = await serviceStates(ctx);
    const missing = requiredApis(ctx).filter((s) => states.get(s) !== 'ENABLED');
    if (missing.length === 0) return { missing, enabled: [], stillDisabled: [], waitedMs: 0 };
    ctx.log.info(`Enabling ${missing.join(', ')} in ${project} (enable-apis: true)`);
    const op = await gcp.serviceUsage.batchEnable(project, missing);
    const remaining = () => Math.max(1000, ctx.enableDeadlineMs - (ctx.clock.now() - start));
    await gcp.serviceUsage.waitOperation(op, {
      deadlineMs: remaining(),
      clock: ctx.clock,
      log: ctx.log,
      intervalMs: 1000,
    });
    let pending = [...missing];
    await waitFor(
      async () => {
        const results = await Promise.all(
          pending.map(async (s) => [s, await probe(gcp, project, s, ctx)] as const),
        );
        pending = results.filter(([, ok]) => !ok).map(([s]) => s);
        return {
          done: pending.length === 0,
          state: pending.length ? `still propagating: ${pending.join(', ')}` : 'every API answers',
        };
      },
      {
        describe: 'the newly enabled APIs to answer',
        deadlineMs: remaining(),
        intervalMs: 1000,
        factor: 1.5,
        maxIntervalMs: 10_000,
        clock: ctx.clock,
        log: ctx.log,
        fix: 'Enablement can take a few minutes to propagate: run the step again shortly.',
      },
    );
    return { missing, enabled: missing, stillDisabled: [], waitedMs: ctx.clock.now() - start };
  });
}

export function isServiceDisabled(e: unknown): boolean {
  return (
    googleReason(e) === 'SERVICE_DISABLED' ||
    (e instanceof RemoteError &&
      e.status === 403 &&
      /has not been used in project|is disabled|accessNotConfigured/.test(e.message))
  );
}

/** The API a SERVICE_DISABLED error names. */
export function disabledService(e: unknown): string | undefined {
  return (
    googleErrorMetadata(e)?.service ??
    (e instanceof RemoteError ? e.message.match(/([a-z]+\.googleapis\.com)/)?.[1] : undefined)
  );
}

/** The configured project's id for messages. */
export function projectOf(ctx: PreflightContext): string {
  return needConfig(ctx).gcp.project_id;
}
