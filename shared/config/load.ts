import { readFile } from 'node:fs/promises';
import { ConfigurationError } from '../errors.js';
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

/** The config file's text, or the error a user needs when it cannot be read. */
export async function readConfigText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ConfigurationError(
      'CONFIG_NOT_FOUND',
      `Cannot read the config file ${path} (${code ?? 'error'})`,
      'Create gitspaces.yaml (start from examples/gitspaces.yaml) or set the `config` input / --config to its path.',
    );
  }
}
