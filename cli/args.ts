/** The command line, parsed without a library: `gitspaces [global flags] <command> [--<input> value ...]`. */
export interface ParsedArgs {
  command?: string;
  /** Positional words after the command. */
  positionals: string[];
  help: boolean;
  json: boolean;
  verbose: boolean;
  config?: string;
  sandbox: boolean;
  scenario?: string;
  /** Every other `--name value` / `--name=value` / bare `--flag` (= "true"), keyed by name. */
  inputs: Record<string, string>;
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const GLOBAL_BOOLEAN = new Set(['help', 'json', 'verbose', 'sandbox']);

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const out: ParsedArgs = {
    positionals: [],
    help: false,
    json: false,
    verbose: false,
    sandbox: false,
    inputs: {},
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '-h') {
      out.help = true;
      continue;
    }
    if (arg === '--') {
      out.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      if (out.command === undefined) out.command = arg;
      else out.positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (!/^[a-z][a-z0-9-]*$/.test(name))
      throw new UsageError(`Not a flag: ${arg} (flags are --lower-case-words)`);
    let value: string | undefined = eq === -1 ? undefined : arg.slice(eq + 1);
    if (GLOBAL_BOOLEAN.has(name)) {
      if (value !== undefined && !/^(true|false)$/.test(value))
        throw new UsageError(`--${name} takes no value`);
      (out as unknown as Record<string, boolean>)[name] = value !== 'false';
      continue;
    }
    if (value === undefined) {
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('--')) {
        value = next;
        i++;
      } else {
        value = 'true';
      }
    }
    if (name === 'config') out.config = value;
    else if (name === 'scenario') out.scenario = value;
    else out.inputs[name] = value;
  }
  return out;
}
