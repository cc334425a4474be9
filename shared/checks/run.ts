import {
  RemoteError,
  errorMessage,
  isConfigurationError,
  ConfigurationError,
  WaitTimeoutError,
} from '../errors.js';
import type { CheckResult } from '../report/model.js';
import { mapLimit } from '../retry.js';
import { checkForApi, disabledService, isServiceDisabled } from './gcp-access.js';
import { CheckDef, Outcome, PreflightContext, SkipCheck, docUrlFor } from './types.js';

export interface RunOptions {
  /** How many checks run at once (default 32: every check that makes a call runs in the first wave). */
  concurrency?: number;
  /** Run only these ids (all by default). */
  only?: readonly string[];
}

/** A failure inside a check, turned into what the user needs: skip when it could not look, error otherwise. */
export function outcomeOfError(e: unknown): Outcome {
  if (e instanceof SkipCheck)
    return { status: 'skip', observed: 'not checked', expected: e.expected, fix: e.reason };
  if (isServiceDisabled(e)) {
    const svc = disabledService(e) ?? 'an API';
    const id = checkForApi(svc);
    const where = id === 'API-00x' ? `enable it: \`gcloud services enable ${svc}\`` : `see ${id}`;
    return {
      status: 'skip',
      observed: 'not checked',
      expected: '',
      fix: `${svc} is not enabled, so this could not be checked (${where})`,
    };
  }
  if (e instanceof RemoteError && (e.status === 403 || e.status === 401)) {
    return {
      status: 'skip',
      observed: 'not checked',
      expected: '',
      fix: `the credentials may not read this (${e.status}): ${e.message}`,
    };
  }
  if (isConfigurationError(e)) {
    const ce = e as ConfigurationError;
    return { status: 'error', observed: ce.message, expected: 'a usable setup', fix: ce.fix };
  }
  if (e instanceof WaitTimeoutError)
    return {
      status: 'error',
      observed: e.message,
      expected: 'the state to arrive before the deadline',
      fix: e.fix ?? 'Run the step again.',
    };
  return {
    status: 'error',
    observed: `the check could not complete: ${errorMessage(e)}`,
    expected: 'an answer from the service',
    fix: 'A service did not answer as expected (after retries). Run the step again; if it persists, check the service status and the network path from the machine that runs the job.',
  };
}

/** Runs the checks concurrently (bounded), each isolated: one check's failure never stops another. Results keep catalog order. */
export async function runChecks(
  defs: readonly CheckDef[],
  ctx: PreflightContext,
  opts: RunOptions = {},
): Promise<CheckResult[]> {
  const selected = opts.only ? defs.filter((d) => opts.only?.includes(d.id)) : defs;
  return mapLimit([...selected], opts.concurrency ?? 32, async (def): Promise<CheckResult> => {
    const start = ctx.clock.now();
    let outcome: Outcome;
    try {
      outcome = await def.run(ctx);
    } catch (e) {
      outcome = outcomeOfError(e);
    }
    const result: CheckResult = {
      id: def.id,
      title: def.title,
      status: outcome.status,
      observed: outcome.observed,
      expected: outcome.expected,
      fix: outcome.fix ?? '',
      docUrl: def.docUrl ?? docUrlFor(def.id),
      durationMs: Math.max(0, ctx.clock.now() - start),
    };
    ctx.log.debug(`${result.id} ${result.status} in ${result.durationMs} ms`);
    return result;
  });
}
