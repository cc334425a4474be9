import { readFileSync } from 'node:fs';
import type { ActionIO } from '../../shared/action.js';
import type { Clock } from '../../shared/clock.js';
import { configFromText } from '../../shared/config/parse.js';
import type { GitspacesConfig } from '../../shared/config/schema.js';
import { Inputs, mapInputSource } from '../../shared/inputs.js';
import { RecordingLogger } from '../../shared/logger.js';

export interface TestIO {
  io: ActionIO;
  log: RecordingLogger;
  outputs: Record<string, string>;
  summary: string[];
  failed: string[];
}

/** An ActionIO over a map of inputs that records what a user would see. */
export function testIO(
  values: Record<string, string | undefined>,
  clock: Clock,
  env: NodeJS.ProcessEnv = {},
): TestIO {
  const log = new RecordingLogger();
  const t: TestIO = { io: undefined as unknown as ActionIO, log, outputs: {}, summary: [], failed: [] };
  t.io = {
    inputs: new Inputs(mapInputSource(values), log),
    log,
    setOutput: (k, v) => (t.outputs[k] = v),
    appendSummary: async (md) => void t.summary.push(md),
    setFailed: (m) => void t.failed.push(m),
    env,
    clock,
  };
  return t;
}

export function exampleConfig(): GitspacesConfig {
  return configFromText(readFileSync(new URL('../../examples/gitspaces.yaml', import.meta.url), 'utf8'));
}

/** The example config with `n` gitspaces named gs-000.. on its one machine. */
export function bulkConfig(n: number): GitspacesConfig {
  const c = exampleConfig();
  c.gitspaces = Array.from({ length: n }, (_, i) => ({
    name: `gs-${String(i).padStart(3, '0')}`,
    repo_url: 'https://github.com/acme/api',
    repo_type: 'github' as const,
    branch: 'main',
    ide: 'vs_code_web' as const,
    machine: 'standard',
  }));
  return c;
}
