import type { Clock } from '../clock.js';
import type { GitspacesConfig } from '../config/schema.js';
import type { ConfigIssue } from '../config/parse.js';
import type { DnsClient } from '../dns/query.js';
import type { Logger } from '../logger.js';
import type { CheckStatus } from '../report/model.js';
import type { Gcp } from '../gcp/index.js';
import type { HarnessClient } from '../harness/client.js';
import { TROUBLESHOOTING_DOC } from './catalog.js';

/** What one check concluded; the run loop (run.ts) adds id, title, docUrl and durationMs. */
export interface Outcome {
  status: CheckStatus;
  observed: string;
  expected: string;
  /** For warn/error: the fix. For skip: why it could not look. For ok: may be empty. */
  fix?: string;
}

/** Thrown inside a check that cannot look (a prerequisite failed, no permission): becomes `skip` with the reason. */
export class SkipCheck extends Error {
  override readonly name = 'SkipCheck';
  constructor(
    readonly reason: string,
    readonly expected = '',
  ) {
    super(reason);
  }
}

/** A preflight check's implementation, in its family's file; its title and family are in the catalog (catalog.ts). */
export interface PreflightCheck {
  id: string;
  run(ctx: PreflightContext): Promise<Outcome>;
}

/** A check as the run loop takes it: the implementation with its catalog title. */
export interface CheckDef extends PreflightCheck {
  title: string;
  /** Where the fix is documented (docs/troubleshooting.md#<id> by default). */
  docUrl?: string;
}

export interface ExecResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Set when the program could not be started (ENOENT ...). */
  error?: string;
}
export type Exec = (file: string, args: string[]) => Promise<ExecResult>;

/** How the Google credentials turned out before any request: loaded, or the check that reports why not. */
export type GcpSetup =
  | { ok: true; gcp: Gcp }
  | { ok: false; checkId: 'AUTH-001' | 'AUTH-002'; code: string; message: string; fix: string };

/** Everything a check may use. Built once per run by createPreflightContext. */
export interface PreflightContext {
  /** Undefined when the config did not load (CFG-001 reports why). */
  config?: GitspacesConfig;
  configIssues: ConfigIssue[];
  configPath: string;
  env: NodeJS.ProcessEnv | Record<string, string | undefined>;
  log: Logger;
  clock: Clock;
  /** Whether API-007 may enable missing APIs (the only mutation the preflight ever makes). */
  enableApis: boolean;
  /** The import-existing input: STATE-006 then warns about importable collisions instead of failing. */
  importExisting?: boolean;
  /** Deadline for API-007's wait (enablement plus probes). */
  enableDeadlineMs: number;
  gcp: GcpSetup;
  /** Undefined when no Harness API key was given (HARNESS checks skip). */
  harness?: HarnessClient;
  dns: DnsClient;
  exec: Exec;
  /** Shares one call between checks that need the same answer (one batchGet for API-001..006 ...). */
  once<T>(key: string, fn: () => Promise<T>): Promise<T>;
}

/** docs/troubleshooting.md has an anchor per check id (test/checks/catalog.test.ts holds it to the catalog). */
export const DOC_BASE = `https://github.com/gitspaces-dev/gitspaces-actions/blob/main/${TROUBLESHOOTING_DOC}`;

export function docUrlFor(id: string): string {
  return `${DOC_BASE}#${id}`;
}

export const ok = (observed: string, expected: string, fix = ''): Outcome => ({
  status: 'ok',
  observed,
  expected,
  fix,
});
export const warn = (observed: string, expected: string, fix: string): Outcome => ({
  status: 'warn',
  observed,
  expected,
  fix,
});
export const error = (observed: string, expected: string, fix: string): Outcome => ({
  status: 'error',
  observed,
  expected,
  fix,
});
export const skip = (reason: string, expected = ''): Outcome => ({
  status: 'skip',
  observed: 'not checked',
  expected,
  fix: reason,
});

/** The config or a skip: checks that read it cannot look when CFG-001 failed. */
export function needConfig(ctx: PreflightContext): GitspacesConfig {
  if (!ctx.config) throw new SkipCheck('the config file did not load (see CFG-001)');
  return ctx.config;
}

export function list(items: readonly string[], max = 8): string {
  if (items.length === 0) return 'none';
  return items.length <= max
    ? items.join(', ')
    : `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}
