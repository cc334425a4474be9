/**
 * The Actions runtime side of an action, through @actions/core: inputs (INPUT_*), outputs (GITHUB_OUTPUT),
 * masking (`::add-mask::`), annotations, groups, debug lines (shown when the step runs with RUNNER_DEBUG=1) and
 * the job summary (core.summary). Only actions/bundle.ts builds one; tests and the CLI build their own ActionIO.
 */
import * as core from '@actions/core';
import type { ActionIO } from './action.js';
import { realClock } from './clock.js';
import { InputSource, Inputs, envInputSource } from './inputs.js';
import type { AnnotationProps, Logger } from './logger.js';
import { rememberSecret, scrubSecrets } from './secrets.js';

/** The part of @actions/core the bundle calls; tests pass a recorder of the same shape. */
export type ActionsCore = Pick<
  typeof core,
  'debug' | 'info' | 'warning' | 'error' | 'setSecret' | 'group' | 'setOutput' | 'setFailed' | 'summary'
>;

/**
 * A Logger over @actions/core. Each distinct secret is registered once: the runner keeps every mask for the rest
 * of the job, so a repeated `::add-mask::` only lengthens the log (a pipeline read the same 49 values 252 times).
 */
export class ActionsLogger implements Logger {
  private readonly masked = new Set<string>();
  /** Error annotations shown so far: a failure already explained needs no second annotation. */
  errors = 0;
  constructor(private readonly c: ActionsCore = core) {}
  debug(m: string) {
    this.c.debug(scrubSecrets(m));
  }
  info(m: string) {
    this.c.info(scrubSecrets(m));
  }
  warning(m: string, where?: AnnotationProps) {
    this.c.warning(scrubSecrets(m), where ?? {});
  }
  error(m: string, where?: AnnotationProps) {
    this.errors++;
    this.c.error(scrubSecrets(m), where ?? {});
  }
  mask(secret: string) {
    if (!secret || this.masked.has(secret)) return;
    this.masked.add(secret);
    rememberSecret(secret);
    this.c.setSecret(secret);
  }
  group<T>(title: string, fn: () => Promise<T>): Promise<T> {
    return this.c.group(title, fn);
  }
}

/** Inputs as the runner sets them; an input the step does not set at all is undefined (its default applies). */
export function runtimeInputSource(env: NodeJS.ProcessEnv = process.env): InputSource {
  return envInputSource(env);
}

export interface RuntimeIO extends ActionIO {
  log: ActionsLogger;
  /** True once the user has been told of a failure (an error annotation or setFailed). */
  failureReported(): boolean;
}

/** The ActionIO of a step on a GitHub runner. */
export function actionsRuntimeIO(c: ActionsCore = core, env: NodeJS.ProcessEnv = process.env): RuntimeIO {
  const log = new ActionsLogger(c);
  return {
    inputs: new Inputs(runtimeInputSource(env), log),
    log,
    setOutput: (name, value) => c.setOutput(name, value),
    async appendSummary(markdown) {
      // Outside a step (no GITHUB_STEP_SUMMARY) there is no summary to write; core.summary would throw.
      if (!env.GITHUB_STEP_SUMMARY) return;
      await c.summary.addRaw(scrubSecrets(markdown), true).write();
    },
    setFailed(message) {
      // core.setFailed annotates the message and sets exit code 1.
      log.errors++;
      c.setFailed(scrubSecrets(message));
    },
    env,
    clock: realClock,
    failureReported: () => log.errors > 0,
  };
}
