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
import {
  ANNOTATIONS_PER_LEVEL,
  type HeldAnnotation,
  SUMMARY_LIMIT_BYTES,
  fitSummary,
  heldAnnotationsMarkdown,
} from './step-limits.js';

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
  private readonly shown = { error: 0, warning: 0 };
  /** Annotations held back: GitHub would not show them (shared/step-limits.ts); listed in the summary at the end. */
  readonly held: HeldAnnotation[] = [];
  constructor(private readonly c: ActionsCore = core) {}

  /**
   * Whether one more annotation of this level may be shown now. Room is kept for what comes at the end of a step:
   * for errors the failure itself (setFailed) and the "N more" note, for warnings the note.
   */
  private room(level: 'error' | 'warning'): boolean {
    const keep = level === 'error' ? 2 : 1;
    return this.shown[level] < ANNOTATIONS_PER_LEVEL - keep;
  }
  private annotate(level: 'error' | 'warning', m: string, where?: AnnotationProps) {
    const text = scrubSecrets(m);
    if (this.room(level)) {
      this.shown[level]++;
      this.c[level](text, where ?? {});
      return;
    }
    // Still in the log, as a plain line; the summary lists it at the end of the step.
    this.held.push({ level, message: text, title: where?.title });
    this.c.info(
      `${level === 'error' ? 'Error' : 'Warning'}${where?.title ? ` (${where.title})` : ''}: ${text}`,
    );
  }

  /**
   * At the end of the step: a single held annotation is shown after all (the room kept for it), several are
   * replaced by one annotation saying how many more there are and that the job summary lists them. Returns the
   * summary section listing them.
   */
  finishAnnotations(): string {
    for (const level of ['error', 'warning'] as const) {
      const held = this.held.filter((h) => h.level === level);
      if (!held.length) continue;
      const noun = level === 'error' ? 'error(s)' : 'warning(s)';
      if (held.length === 1 && held[0]) {
        this.c[level](held[0].message, held[0].title ? { title: held[0].title } : {});
        this.held.splice(this.held.indexOf(held[0]), 1);
      } else
        this.c[level](
          `${held.length} more ${noun} than GitHub shows as annotations in one step: see "Annotations beyond GitHub's limit" in the job summary, or the step's log.`,
          { title: `${held.length} more ${noun}` },
        );
      this.shown[level]++;
    }
    return heldAnnotationsMarkdown(this.held);
  }
  debug(m: string) {
    this.c.debug(scrubSecrets(m));
  }
  info(m: string) {
    this.c.info(scrubSecrets(m));
  }
  warning(m: string, where?: AnnotationProps) {
    this.annotate('warning', m, where);
  }
  error(m: string, where?: AnnotationProps) {
    this.errors++;
    this.annotate('error', m, where);
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
  /** At the end of the step: the annotations GitHub would not show, counted in one annotation and listed in the summary. */
  finishStep(): Promise<void>;
}

/** The ActionIO of a step on a GitHub runner. */
export function actionsRuntimeIO(c: ActionsCore = core, env: NodeJS.ProcessEnv = process.env): RuntimeIO {
  const log = new ActionsLogger(c);
  let used = 0;
  let truncated = false;
  const write = async (markdown: string, limit?: number) => {
    // Outside a step (no GITHUB_STEP_SUMMARY) there is no summary to write; core.summary would throw.
    if (!env.GITHUB_STEP_SUMMARY || truncated) return;
    const fit = fitSummary(scrubSecrets(markdown), used, limit);
    if (fit.truncated) {
      truncated = true;
      log.info("The job summary reached GitHub's 1 MiB limit for one step; the rest is in this log only.");
    }
    used += Buffer.byteLength(fit.text, 'utf8') + 1;
    await c.summary.addRaw(fit.text, true).write();
  };
  return {
    inputs: new Inputs(runtimeInputSource(env), log),
    log,
    setOutput: (name, value) => c.setOutput(name, value),
    appendSummary: (markdown) => write(markdown),
    async finishStep() {
      const held = log.finishAnnotations();
      if (held) {
        truncated = false;
        await write(held, SUMMARY_LIMIT_BYTES);
      }
    },
    setFailed(message) {
      // core.setFailed annotates the message and sets exit code 1 (the room kept for it among the 10 errors).
      log.errors++;
      c.setFailed(scrubSecrets(message));
    },
    env,
    clock: realClock,
    failureReported: () => log.errors > 0,
  };
}
