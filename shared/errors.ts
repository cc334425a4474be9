/** Where in a file a problem is: the runner shows an annotation there (`::error file=..,line=..::`). */
export interface SourceLocation {
  file: string;
  line?: number;
}

/**
 * A user's mistake (bad input, bad config, missing prerequisite) as opposed to a bug.
 * Each has a stable code so docs and troubleshooting can key on it, and the fix to apply.
 */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
  constructor(
    /** Stable, documented code such as `CONFIG_INVALID` or `INPUT_MISSING`. */
    readonly code: string,
    message: string,
    /** What the user should do about it. */
    readonly fix: string,
    /** Every individual problem, when there are several (config validation reports all at once). */
    readonly details: readonly string[] = [],
    /** Where each of `details` is, index for index, when it is in a file (a config problem's file and line). */
    readonly locations: readonly (SourceLocation | undefined)[] = [],
  ) {
    super(message);
  }
}

/** An outside system answered with an error we cannot recover from (not the user's config). */
export class RemoteError extends Error {
  override readonly name = 'RemoteError';
  constructor(
    readonly service: string,
    readonly status: number,
    message: string,
    readonly body?: unknown,
    readonly retryAfterMs?: number,
    /** Set by a client that recognised the service's own rate-limit answer (GitHub's 403 with rate-limit headers). */
    readonly throttled?: boolean,
  ) {
    super(message);
  }
}

/** A wait that reached its deadline: says what it waited for and the last state seen. */
export class WaitTimeoutError extends Error {
  override readonly name = 'WaitTimeoutError';
  constructor(
    readonly describe: string,
    readonly lastState: string,
    readonly waitedMs: number,
    readonly fix?: string,
  ) {
    super(`Gave up waiting for ${describe} after ${Math.round(waitedMs / 1000)}s; last state: ${lastState}`);
  }
}

export function isConfigurationError(e: unknown): e is ConfigurationError {
  return e instanceof Error && e.name === 'ConfigurationError';
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
