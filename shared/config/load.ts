import { ConfigurationError } from '../errors.js';
import { readConfigFileSync } from './read.js';
import type { GitspacesConfig } from './schema.js';

export type { ConfigIssue, LoadResult } from './parse.js';

/**
 * Reads and validates gitspaces.yaml. The parser (yaml + the zod schema, ~100 ms to load) is imported only once
 * the file has been read, so an action that stops on a missing file starts and fails at once.
 */
export async function loadConfig(path: string): Promise<GitspacesConfig> {
  const text = await readConfigText(path);
  const { configFromText } = await import('./parse.js');
  return configFromText(text, path);
}

/**
 * The config file's text, or the error a user needs when it cannot be read: missing, not a regular file (a FIFO
 * or a device is refused, never waited on), larger than 1 MiB, or not UTF-8 (shared/config/read.ts).
 */
export async function readConfigText(path: string): Promise<string> {
  const r = readConfigFileSync(path);
  if (r.ok) return r.text;
  const message = `Cannot read the config file: found ${r.problem.found}.`;
  if (r.problem.code === 'CONFIG_NOT_FOUND')
    throw new ConfigurationError('CONFIG_NOT_FOUND', message, r.problem.fix);
  throw new ConfigurationError('CONFIG_UNREADABLE', message, r.problem.fix);
}
