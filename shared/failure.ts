/**
 * The one way a failure becomes an exit code and what the user reads, for the bundle (actions/bundle.ts), the
 * pipeline (actions/pipeline/main.ts) and the CLI (cli/main.ts). A failure arrives either as a thrown error or as
 * an action's result with a non-zero exit code; either way it becomes an Outcome, reported once.
 */
import {
  ConfigurationError,
  RemoteError,
  WaitTimeoutError,
  errorMessage,
  isConfigurationError,
} from './errors.js';
import type { Logger } from './logger.js';
import { isNetworkFailure, networkCause } from './retry.js';
import type { PhaseResult } from './report/model.js';

/** 0 ok, 1 failed (checks, gates, a remote error or a bug), 2 bad configuration or input. */
export const EXIT = { ok: 0, failed: 1, config: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export interface FailureAnnotation {
  message: string;
  title?: string;
  file?: string;
  startLine?: number;
}

export interface Outcome {
  exitCode: ExitCode;
  /** What went wrong and the fix, for a log line (empty when ok). */
  message: string;
  /** Plain log lines that go before the annotations. */
  log: string[];
  /** The error annotations to show, each exactly once. */
  annotations: FailureAnnotation[];
  /** Shown with RUNNER_DEBUG=1 or --verbose: a bug's stack trace. */
  debug: string[];
  /** True for an error nobody anticipated: the message says to report it. */
  bug: boolean;
}

export const OK: Outcome = {
  exitCode: EXIT.ok,
  message: '',
  log: [],
  annotations: [],
  debug: [],
  bug: false,
};

/** A thrown error as the user should read it; a bug is labelled as one, its stack kept for debug output. */
export function outcomeOfError(e: unknown): Outcome {
  if (isConfigurationError(e)) return configurationOutcome(e as ConfigurationError);
  if (e instanceof WaitTimeoutError) {
    const message = `${e.message}${e.fix ? `\nFix: ${e.fix}` : ''}`;
    return { exitCode: EXIT.failed, message, log: [], annotations: [{ message }], debug: [], bug: false };
  }
  if (e instanceof RemoteError) {
    const message =
      e.status === 0
        ? `Transient remote error (the network, not this bundle): ${e.message}. Re-run the step; if it persists, check the host's status and this runner's network.`
        : `${e.service} answered ${e.status}: ${e.message}`;
    return { exitCode: EXIT.failed, message, log: [], annotations: [{ message }], debug: [], bug: false };
  }
  if (isNetworkFailure(e)) {
    const message = `Transient remote error (the network, not this bundle): ${networkFailureText(e)}. Re-run the step; if it persists, check the host's status and this runner's network.`;
    return { exitCode: EXIT.failed, message, log: [], annotations: [{ message }], debug: [], bug: false };
  }
  const message = `Unexpected error (this is a bug, please report it; re-run with debug logging, RUNNER_DEBUG=1 or --verbose, for the stack trace): ${errorMessage(e)}`;
  const stack = e instanceof Error && e.stack ? e.stack : '';
  return {
    exitCode: EXIT.failed,
    message,
    log: [],
    annotations: [{ message }],
    debug: stack ? [stack] : [],
    bug: true,
  };
}

/**
 * A configuration error. A problem that has a place in a file (a config field) is one annotation at that file and
 * line, so the runner shows it beside the line in gitspaces.yaml; the rest, with the message and the fix, is one
 * more annotation. Nothing is annotated twice: the overall header is only a log line.
 */
function configurationOutcome(e: ConfigurationError): Outcome {
  const message = `[${e.code}] ${e.message}\nFix: ${e.fix}`;
  const title = `Configuration error (${e.code})`;
  const annotations: FailureAnnotation[] = [];
  const unplaced: string[] = [];
  e.details.forEach((d, i) => {
    const where = e.locations[i];
    if (where) annotations.push({ message: d, title, file: where.file, startLine: where.line });
    else unplaced.push(d);
  });
  const log: string[] = [];
  if (annotations.length && !unplaced.length)
    log.push(
      `[${e.code}] ${(e.message.split('\n')[0] ?? '').replace(/:$/, '')}, each annotated below. Fix: ${e.fix}`,
    );
  else
    annotations.push({
      message: [message, ...unplaced.filter((d) => !message.includes(d))].join('\n'),
      title,
    });
  return { exitCode: EXIT.config, message, log, annotations, debug: [], bug: false };
}

/**
 * An action that returned instead of throwing. `reported` says whether the action already told the user why
 * (an error annotation or setFailed): then the exit code is all that is left to set.
 */
export function outcomeOfResult(
  action: string,
  result: { exitCode?: number; phase?: Pick<PhaseResult, 'summary'> },
  reported: boolean,
): Outcome {
  const code = result.exitCode ?? EXIT.ok;
  if (code === EXIT.ok) return OK;
  const exitCode: ExitCode = code === EXIT.config ? EXIT.config : EXIT.failed;
  const message = `${action} failed: ${result.phase?.summary || `exit code ${code}`}`;
  return { exitCode, message, log: [], annotations: reported ? [] : [{ message }], debug: [], bug: false };
}

/** Tells the user, once: each annotation as an error, the debug lines (a stack trace) for debug output only. */
export function reportOutcome(o: Outcome, log: Logger): void {
  for (const d of o.debug) log.debug(d);
  for (const l of o.log) log.info(l);
  for (const a of o.annotations) {
    const { message, ...where } = a;
    log.error(message, where);
  }
}

/** A raw network failure as the user should read it: its cause and, when the error carries it, the host. */
function networkFailureText(e: unknown): string {
  const c = (e as { cause?: { hostname?: string; address?: string; port?: number } })?.cause;
  const host = c?.hostname ?? (c?.address ? `${c.address}${c.port ? `:${c.port}` : ''}` : undefined);
  return `${host ? `cannot reach ${host}: ` : ''}${networkCause(e)}`;
}
