import { ConfigurationError } from './errors.js';
import { Logger } from './logger.js';

/** Where raw input strings come from: the runner's INPUT_* variables, CLI flags, or a test's map. */
export type InputSource = (name: string) => string | undefined;

/** The runner's convention: `INPUT_` + the name upper-cased with spaces as underscores (dashes kept). */
export function envInputSource(env: NodeJS.ProcessEnv = process.env): InputSource {
  return (name) => env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`];
}

export function mapInputSource(values: Record<string, string | undefined>): InputSource {
  return (name) => values[name];
}

/** The YAML 1.2 core schema's booleans, the words core.getBooleanInput accepts (and no others). */
const TRUE = new Set(['true', 'True', 'TRUE']);
const FALSE = new Set(['false', 'False', 'FALSE']);

/** Typed readers over action inputs. Every secret is masked the moment it is read. */
export class Inputs {
  constructor(
    private readonly source: InputSource,
    private readonly log: Logger,
  ) {}

  private raw(name: string): string {
    return (this.source(name) ?? '').trim();
  }

  required(name: string, hint = ''): string {
    const v = this.raw(name);
    if (!v) {
      throw new ConfigurationError(
        'INPUT_MISSING',
        `Input required and not supplied: ${name}`,
        `Set \`${name}\` under \`with:\` in the workflow step.${hint ? ' ' + hint : ''}`,
      );
    }
    return v;
  }

  optional(name: string, fallback = ''): string {
    return this.raw(name) || fallback;
  }

  /** A secret: masked before anything else can print it. Multi-line secrets are masked line by line too. */
  secret(name: string, opts: { required?: boolean; hint?: string } = {}): string {
    const v = (this.source(name) ?? '').trim();
    if (v) maskSecret(this.log, v);
    if (!v && opts.required) return this.required(name, opts.hint);
    return v;
  }

  /**
   * A boolean as core.getBooleanInput reads it: true/True/TRUE or false/False/FALSE, anything else refused.
   * `fallback` is the action.yml default: it applies only when the input is not set at all (the runner sets every
   * declared default, so that is the CLI or the pipeline leaving it out). An input set to an empty string is
   * refused, as core does.
   */
  boolean(name: string, fallback: boolean): boolean {
    const given = this.source(name);
    if (given === undefined) return fallback;
    const v = given.trim();
    if (TRUE.has(v)) return true;
    if (FALSE.has(v)) return false;
    throw new ConfigurationError(
      'INPUT_INVALID',
      `Input ${name} must be a boolean, got "${v}"`,
      `Use \`${name}: true\` or \`${name}: false\` (also True, TRUE, False, FALSE: the YAML 1.2 core schema).`,
    );
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const v = this.raw(name);
    if (!v) return fallback;
    if ((allowed as readonly string[]).includes(v)) return v as T;
    throw new ConfigurationError(
      'INPUT_INVALID',
      `Input ${name} must be one of ${allowed.join(', ')}; got "${v}"`,
      `Set \`${name}\` to one of: ${allowed.join(', ')}.`,
    );
  }

  /** A list as core.getMultilineInput reads it (one item a line, trimmed), a line also split on commas. */
  list(name: string): string[] {
    return parseList(this.raw(name));
  }

  integer(name: string, fallback: number, min = 0): number {
    const v = this.raw(name);
    if (!v) return fallback;
    if (!/^\d+$/.test(v) || Number(v) < min) {
      throw new ConfigurationError(
        'INPUT_INVALID',
        `Input ${name} must be a whole number >= ${min}; got "${v}"`,
        `Set \`${name}\` to a number such as ${Math.max(min, fallback)}.`,
      );
    }
    return Number(v);
  }

  /** A duration in milliseconds from `90s`, `10m`, `1h30m`, `500ms` or a plain number of seconds. */
  duration(name: string, fallbackMs: number): number {
    const v = this.raw(name);
    if (!v) return fallbackMs;
    const ms = parseDuration(v);
    if (ms === undefined) {
      throw new ConfigurationError(
        'INPUT_INVALID',
        `Input ${name} is not a duration: "${v}"`,
        `Use a duration such as 90s, 10m or 1h30m for \`${name}\`.`,
      );
    }
    return ms;
  }
}

/**
 * Masks a secret, and each line of a multi-line one (a PEM key) on its own, since a log may show one line of it.
 * The Logger registers each distinct value once.
 */
export function maskSecret(log: Logger, value: string): void {
  log.mask(value);
  for (const line of value.split(/\r?\n/)) if (line.trim().length >= 4) log.mask(line.trim());
}

/**
 * core.getMultilineInput: the value split on newlines, each line trimmed, blank lines dropped (core keeps a line of
 * spaces as ''; nobody means that). The list inputs' action.yml descriptions say comma-separated, so a line may also
 * hold several items separated by commas.
 */
export function parseList(raw: string): string[] {
  return raw
    .split('\n')
    .flatMap((line) => line.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

export function parseDuration(text: string): number | undefined {
  const t = text.trim();
  if (/^\d+(\.\d+)?$/.test(t)) return Math.round(Number(t) * 1000);
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h)/gy;
  let total = 0;
  let matched = 0;
  for (let m = re.exec(t); m; m = re.exec(t)) {
    total += Number(m[1]) * UNIT_MS[m[2] as string]!;
    matched = re.lastIndex;
  }
  return matched === t.length && matched > 0 ? Math.round(total) : undefined;
}
