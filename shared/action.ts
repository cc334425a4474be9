import { runnerProtocol } from './runner-io.js';
import {
  ConfigurationError,
  RemoteError,
  WaitTimeoutError,
  errorMessage,
  isConfigurationError,
} from './errors.js';
import { InputSource, Inputs, envInputSource } from './inputs.js';
import { Logger } from './logger.js';
import { Clock, realClock } from './clock.js';

/** What an action needs from its host: GitHub's runner, the CLI, or a test. */
export interface ActionIO {
  inputs: Inputs;
  log: Logger;
  setOutput(name: string, value: string): void;
  appendSummary(markdown: string): Promise<void>;
  setFailed(message: string): void;
  env: NodeJS.ProcessEnv;
  clock: Clock;
}

/** A Logger over the runner protocol: warnings and errors become annotations; secrets are registered as masks. */
export function runnerLogger(runner = runnerProtocol()): Logger {
  return {
    debug: (m) => runner.debug(m),
    info: (m) => runner.info(m),
    warning: (m, p) => runner.warning(m, p),
    error: (m, p) => runner.error(m, p),
    mask: (s) => runner.setSecret(s),
    group: (title, fn) => runner.group(title, fn),
  };
}

export function githubIO(source: InputSource = envInputSource()): ActionIO {
  const runner = runnerProtocol();
  const log = runnerLogger(runner);
  return {
    inputs: new Inputs(source, log),
    log,
    setOutput: (name, value) => runner.setOutput(name, value),
    appendSummary: async (md) => runner.appendSummary(md),
    setFailed: (m) => runner.setFailed(m),
    env: process.env,
    clock: realClock,
  };
}

/** Turns any error into the message a user should read; a bug is labelled as one. */
export function describeFailure(e: unknown): { message: string; details: string[]; bug: boolean } {
  if (isConfigurationError(e)) {
    const ce = e as ConfigurationError;
    return { message: `[${ce.code}] ${ce.message}\nFix: ${ce.fix}`, details: [...ce.details], bug: false };
  }
  if (e instanceof WaitTimeoutError) {
    return { message: `${e.message}${e.fix ? `\nFix: ${e.fix}` : ''}`, details: [], bug: false };
  }
  if (e instanceof RemoteError) {
    return { message: `${e.service} answered ${e.status}: ${e.message}`, details: [], bug: false };
  }
  const stack = e instanceof Error && e.stack ? e.stack : '';
  return {
    message: `Unexpected error (this is a bug, please report it): ${errorMessage(e)}`,
    details: stack ? [stack] : [],
    bug: true,
  };
}

/** The one top-level handler every action goes through. */
export async function runAction(
  main: (io: ActionIO) => Promise<void>,
  io: ActionIO = githubIO(),
): Promise<void> {
  try {
    await main(io);
  } catch (e) {
    const f = describeFailure(e);
    if (f.bug) {
      for (const d of f.details) io.log.debug(d);
    } else {
      for (const d of f.details) io.log.error(d, { title: 'Configuration error' });
    }
    io.setFailed(f.message);
  }
}

/** What every action's main returns, so the CLI and the pipeline can chain phases. */
export interface ActionResult {
  outputs: Record<string, string>;
  phase: import('./report/model.js').PhaseResult;
  checks?: import('./report/model.js').CheckResult[];
  /** For the CLI: 0 ok, 1 failed checks/gates, 2 bad configuration. */
  exitCode?: number;
}
