import { scrubSecrets } from '../shared/secrets.js';
import type { ActionIO } from '../shared/action.js';
import { realClock } from '../shared/clock.js';
import { InputSource, Inputs, envInputSource } from '../shared/inputs.js';
import { ConsoleLogger } from '../shared/logger.js';

/** Environment variables the CLI reads when a secret input is not given as a flag. */
export const ENV_FALLBACKS: Record<string, string> = {
  'harness-api-key': 'HARNESS_API_KEY',
  'github-token': 'GITHUB_TOKEN',
};

/** Inputs from flags first, then `INPUT_<NAME>` variables, then the documented environment fallbacks. */
export function cliInputSource(flags: Record<string, string>, env: NodeJS.ProcessEnv): InputSource {
  const fromEnv = envInputSource(env);
  return (name) => {
    if (flags[name] !== undefined) return flags[name];
    const v = fromEnv(name);
    if (v !== undefined && v !== '') return v;
    const fallback = ENV_FALLBACKS[name];
    return fallback ? env[fallback] : undefined;
  };
}

/** An ActionIO for a terminal: logs to stderr through ConsoleLogger (which applies masks), outputs collected. */
export interface CliIO extends ActionIO {
  log: ConsoleLogger;
  outputs: Record<string, string>;
  summary: string[];
  failures: string[];
}

export function cliIO(
  flags: Record<string, string>,
  env: NodeJS.ProcessEnv,
  opts: { verbose?: boolean; err?: (line: string) => void } = {},
): CliIO {
  const log = new ConsoleLogger(opts.err, opts.verbose ?? false);
  const io: CliIO = {
    log,
    inputs: new Inputs(cliInputSource(flags, env), log),
    outputs: {},
    summary: [],
    failures: [],
    setOutput(name, value) {
      io.outputs[name] = value;
    },
    async appendSummary(markdown) {
      io.summary.push(scrubSecrets(markdown));
    },
    setFailed(message) {
      io.failures.push(message);
      log.error(message);
    },
    env,
    clock: realClock,
  };
  return io;
}
