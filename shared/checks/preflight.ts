import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import type { Clock } from '../clock.js';
import { realClock } from '../clock.js';
import { parseConfig, type ConfigIssue } from '../config/parse.js';
import type { GitspacesConfig } from '../config/schema.js';
import { dnsClientFromEndpoints, type DnsClient } from '../dns/query.js';
import { endpointsFromEnv } from '../endpoints.js';
import { ConfigurationError, isConfigurationError } from '../errors.js';
import { createGcp } from '../gcp/index.js';
import { HarnessClient, harnessBaseUrl } from '../harness/client.js';
import type { Logger } from '../logger.js';
import type { CheckResult } from '../report/model.js';
import { APIS_CHECKS } from './apis.js';
import { AUTH_CHECKS } from './auth.js';
import { CAPACITY_CHECKS } from './capacity.js';
import { CheckFamily, entriesOfPhase } from './catalog.js';
import { CERTIFICATES_CHECKS } from './certificates.js';
import { CONFIG_CHECKS } from './config.js';
import { DNS_CHECKS } from './dns.js';
import { HARNESS_CHECKS } from './harness.js';
import { IAM_CHECKS } from './iam.js';
import { IMAGES_CHECKS } from './images.js';
import { NETWORK_CHECKS } from './network.js';
import { ORG_CHECKS } from './org.js';
import { runChecks, type RunOptions } from './run.js';
import { STATE_CHECKS } from './state.js';
import { TOOLS_CHECKS } from './tools.js';
import type { CheckDef, Exec, GcpSetup, PreflightCheck, PreflightContext } from './types.js';

/** The preflight implementations, by family (each family's file exports its list). */
export const PREFLIGHT_FAMILIES: Partial<Record<CheckFamily, readonly PreflightCheck[]>> = {
  config: CONFIG_CHECKS,
  tools: TOOLS_CHECKS,
  auth: AUTH_CHECKS,
  apis: APIS_CHECKS,
  iam: IAM_CHECKS,
  org: ORG_CHECKS,
  capacity: CAPACITY_CHECKS,
  network: NETWORK_CHECKS,
  images: IMAGES_CHECKS,
  dns: DNS_CHECKS,
  certificates: CERTIFICATES_CHECKS,
  harness: HARNESS_CHECKS,
  state: STATE_CHECKS,
};

/** Every preflight check of the catalog (catalog.ts) with its implementation, in catalog (report) order. */
export const PREFLIGHT_CHECKS: readonly CheckDef[] = entriesOfPhase('preflight').map((entry) => {
  const impl = PREFLIGHT_FAMILIES[entry.family]?.find((c) => c.id === entry.id);
  if (!impl)
    throw new Error(
      `${entry.id} is in the check catalog but shared/checks/${entry.family}.ts does not list it`,
    );
  return { id: entry.id, title: entry.title, run: (ctx) => impl.run(ctx) };
});

/** Runs a program; the spawn waits one turn of the event loop so that the checks' requests go out first. */
export const defaultExec: Exec = (file, args) =>
  new Promise((resolve) => setImmediate(resolve)).then(
    () =>
      new Promise((resolve) => {
        execFile(
          file,
          args,
          { timeout: 20_000, maxBuffer: 1 << 20, env: { ...process.env, CHECKPOINT_DISABLE: '1' } },
          (err, stdout, stderr) => {
            const e = err as (NodeJS.ErrnoException & { code?: string | number }) | null;
            if (e && typeof e.code === 'string')
              resolve({ code: null, stdout: String(stdout), stderr: String(stderr), error: e.code });
            else
              resolve({
                code: e ? (typeof e.code === 'number' ? e.code : 1) : 0,
                stdout: String(stdout),
                stderr: String(stderr),
              });
          },
        );
      }),
  );

export interface PreflightOptions {
  configPath: string;
  /** The config text (instead of reading configPath). */
  configText?: string;
  env: NodeJS.ProcessEnv | Record<string, string | undefined>;
  log: Logger;
  clock?: Clock;
  /** The gcp-credentials input (JSON key text, base64, or a path); empty: GOOGLE_APPLICATION_CREDENTIALS or keyless. */
  keyJson?: string;
  /** The gcp-service-account-email input: a P12 key's account (else the config's gcp.service_account_email). */
  serviceAccountEmail?: string;
  harnessApiKey?: string;
  enableApis?: boolean;
  enableDeadlineMs?: number;
  /** The import-existing input (STATE-006). */
  importExisting?: boolean;
  exec?: Exec;
  dns?: DnsClient;
}

export async function loadConfigForPreflight(
  path: string,
  text?: string,
): Promise<{ config?: GitspacesConfig; issues: ConfigIssue[] }> {
  let body = text;
  if (body === undefined) {
    try {
      body = await readFile(path, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? 'error';
      return {
        issues: [
          {
            path: '',
            found: `no readable file (${code})`,
            expected: `a config file at ${path}`,
            fix: 'Create gitspaces.yaml (start from examples/gitspaces.yaml) or set the config input to its path.',
          },
        ],
      };
    }
  }
  const r = parseConfig(body);
  return r.ok ? { config: r.config, issues: [] } : { issues: r.issues };
}

/** Builds what the checks share. Nothing here makes a request: credentials are parsed, clients created. */
export async function createPreflightContext(opts: PreflightOptions): Promise<PreflightContext> {
  const clock = opts.clock ?? realClock;
  const { config, issues } = await loadConfigForPreflight(opts.configPath, opts.configText);
  let gcp: GcpSetup;
  try {
    const serviceAccountEmail = opts.serviceAccountEmail || config?.gcp.service_account_email;
    gcp = {
      ok: true,
      gcp: createGcp({ keyJson: opts.keyJson, env: opts.env, log: opts.log, clock, serviceAccountEmail }),
    };
  } catch (e) {
    if (!isConfigurationError(e)) throw e;
    const ce = e as ConfigurationError;
    gcp = {
      ok: false,
      checkId: ce.code === 'AUTH_MISSING' ? 'AUTH-001' : 'AUTH-002',
      code: ce.code,
      message: ce.message,
      fix: ce.fix,
    };
  }
  const key = opts.harnessApiKey?.trim();
  if (key) opts.log.mask(key);
  const harness =
    key && config
      ? new HarnessClient({
          baseUrl: harnessBaseUrl(config, opts.env as NodeJS.ProcessEnv),
          apiKey: key,
          accountId: config.harness.account_id,
          log: opts.log,
          clock,
        })
      : undefined;
  const memo = new Map<string, Promise<unknown>>();
  return {
    config,
    configIssues: issues,
    configPath: opts.configPath,
    env: opts.env,
    log: opts.log,
    clock,
    enableApis: opts.enableApis ?? false,
    importExisting: opts.importExisting ?? false,
    enableDeadlineMs: opts.enableDeadlineMs ?? 10 * 60_000,
    gcp,
    harness,
    dns:
      opts.dns ??
      dnsClientFromEndpoints(endpointsFromEnv(opts.env as NodeJS.ProcessEnv), { timeoutMs: 3000 }),
    exec: opts.exec ?? defaultExec,
    once<T>(k: string, fn: () => Promise<T>): Promise<T> {
      let p = memo.get(k) as Promise<T> | undefined;
      if (!p) {
        p = fn();
        memo.set(k, p);
      }
      return p;
    },
  };
}

/** The whole preflight: context, every check concurrently, results in catalog order. */
export async function runPreflight(
  opts: PreflightOptions & RunOptions,
): Promise<{ checks: CheckResult[]; context: PreflightContext }> {
  const context = await createPreflightContext(opts);
  try {
    const checks = await runChecks(PREFLIGHT_CHECKS, context, opts);
    return { checks, context };
  } finally {
    if (context.gcp.ok) await context.gcp.gcp.close().catch(() => undefined);
  }
}
