import { rememberSecret, scrubSecrets } from './secrets.js';

/** How actions talk to the user. On a runner it is @actions/core (shared/actions-runtime.ts); the CLI prints to a terminal; tests record. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warning(message: string, where?: AnnotationProps): void;
  error(message: string, where?: AnnotationProps): void;
  /** Registers a value that must never be printed (core.setSecret on a runner). */
  mask(secret: string): void;
  group<T>(title: string, fn: () => Promise<T>): Promise<T>;
}

export interface AnnotationProps {
  title?: string;
  file?: string;
  startLine?: number;
}

export const nullLogger: Logger = {
  debug() {},
  info() {},
  warning() {},
  error() {},
  mask() {},
  group: (_title, fn) => fn(),
};

/** Records every line (with masks applied) so tests can assert what a user would read. */
export class RecordingLogger implements Logger {
  readonly lines: string[] = [];
  readonly masks = new Set<string>();
  debug(m: string) {
    this.push('debug', m);
  }
  info(m: string) {
    this.push('info', m);
  }
  warning(m: string) {
    this.push('warning', m);
  }
  error(m: string) {
    this.push('error', m);
  }
  mask(secret: string) {
    if (secret) this.masks.add(secret);
    rememberSecret(secret);
  }
  async group<T>(title: string, fn: () => Promise<T>): Promise<T> {
    this.push('group', title);
    return fn();
  }
  text(): string {
    return this.lines.join('\n');
  }
  private push(level: string, m: string) {
    let out = m;
    for (const s of this.masks) out = out.split(s).join('***');
    this.lines.push(`${level}: ${scrubSecrets(out)}`);
  }
}

/** Plain console logger for the CLI: masks are applied before anything reaches the terminal. */
export class ConsoleLogger implements Logger {
  private readonly masks = new Set<string>();
  /** Errors printed so far: a failure already told needs no second line. */
  errors = 0;
  constructor(
    private readonly out: (line: string) => void = (l) => process.stderr.write(l + '\n'),
    private readonly verbose = false,
  ) {}
  debug(m: string) {
    if (this.verbose) this.out(this.scrub(`  ${m}`));
  }
  info(m: string) {
    this.out(this.scrub(m));
  }
  warning(m: string) {
    this.out(this.scrub(`warning: ${m}`));
  }
  error(m: string) {
    this.errors++;
    this.out(this.scrub(`error: ${m}`));
  }
  mask(secret: string) {
    if (secret) this.masks.add(secret);
    rememberSecret(secret);
  }
  async group<T>(title: string, fn: () => Promise<T>): Promise<T> {
    this.out(this.scrub(`▸ ${title}`));
    return fn();
  }
  scrub(m: string): string {
    let out = m;
    for (const s of this.masks) out = out.split(s).join('***');
    return scrubSecrets(out);
  }
}
