/**
 * The GitHub Actions runner protocol, as documented ("Workflow commands for GitHub Actions"): workflow commands
 * on stdout (`::error title=..::message`, `::add-mask::`, `::group::`) and environment files (GITHUB_OUTPUT,
 * GITHUB_STEP_SUMMARY). We speak it directly rather than through @actions/core, which loads its HTTP client
 * (for OIDC tokens we never ask for) and costs about 100 ms at every action start: see CONTRIBUTING.md.
 */
import { randomUUID } from 'node:crypto';
import { appendFileSync, existsSync } from 'node:fs';
import { EOL } from 'node:os';

/** Escapes a command's message (the runner decodes %25, %0D, %0A). */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a command property's value (also `:` and `,`, which separate properties). */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export type Write = (text: string) => void;
const stdout: Write = (t) => void process.stdout.write(t);

/** `::name key=value,...::message` on its own line. */
export function issueCommand(
  name: string,
  props: Record<string, string | number | undefined>,
  message: string,
  write: Write = stdout,
): void {
  const p = Object.entries(props)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  write(`::${name}${p ? ` ${p}` : ''}::${escapeData(message)}${EOL}`);
}

/**
 * Appends `key<<DELIMITER / value / DELIMITER` to an environment file (GITHUB_OUTPUT, GITHUB_ENV). The delimiter
 * is random, and a key or value that contains it is refused, so a value can never inject another key.
 */
export function appendKeyValue(
  file: string,
  key: string,
  value: string,
  uuid: () => string = randomUUID,
): void {
  if (!existsSync(file)) throw new Error(`The runner's command file ${file} does not exist`);
  const delimiter = `ghadelimiter_${uuid()}`;
  if (key.includes(delimiter) || value.includes(delimiter))
    throw new Error('Unexpected input: the value contains the delimiter');
  appendFileSync(file, `${key}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, 'utf8');
}

export interface AnnotationProperties {
  title?: string;
  file?: string;
  startLine?: number;
}

/** The runner's side of an action: what @actions/core offers, in the few calls the bundle makes. */
export function runnerProtocol(env: NodeJS.ProcessEnv = process.env, write: Write = stdout) {
  const annotate = (level: 'error' | 'warning' | 'notice', message: string, p: AnnotationProperties = {}) =>
    issueCommand(level, { title: p.title, file: p.file, line: p.startLine }, message, write);
  return {
    info: (message: string) => write(`${message}${EOL}`),
    debug: (message: string) => issueCommand('debug', {}, message, write),
    error: (message: string, p?: AnnotationProperties) => annotate('error', message, p),
    warning: (message: string, p?: AnnotationProperties) => annotate('warning', message, p),
    notice: (message: string, p?: AnnotationProperties) => annotate('notice', message, p),
    setSecret: (secret: string) => issueCommand('add-mask', {}, secret, write),
    setOutput(name: string, value: string) {
      if (env.GITHUB_OUTPUT) appendKeyValue(env.GITHUB_OUTPUT, name, value);
      else {
        write(EOL);
        issueCommand('set-output', { name }, value, write);
      }
    },
    appendSummary(markdown: string) {
      if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, `${markdown}${EOL}`, 'utf8');
    },
    setFailed(message: string) {
      process.exitCode = 1;
      annotate('error', message);
    },
    async group<T>(title: string, fn: () => Promise<T>): Promise<T> {
      issueCommand('group', {}, title, write);
      try {
        return await fn();
      } finally {
        issueCommand('endgroup', {}, '', write);
      }
    },
  };
}
