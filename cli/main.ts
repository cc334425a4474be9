/**
 * `gitspaces`: the bundle's actions on a terminal. Each subcommand runs an action's `main` with a CLI ActionIO
 * (flags become inputs), so the command line and the workflow step share one code path.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { formatIssue, parseConfig } from '../shared/config/parse.js';
import type { ActionMain } from '../shared/action.js';
import { EXIT, outcomeOfError, outcomeOfResult, reportOutcome } from '../shared/failure.js';
import type { Scenario } from '../sandbox/scenario.js';
import type { CheckResult, PhaseResult } from '../shared/report/model.js';
import { renderChecksText, renderPhasesText, renderTimelineText } from '../shared/report/render.js';
import { type ActionName, type CommandEntry, cliCommands } from '../actions/registry.js';
import { ParsedArgs, parseArgs } from './args.js';
import { CliIO, ENV_FALLBACKS, cliIO } from './io.js';

export { EXIT };

type CommandSpec = CommandEntry & { action: ActionName };

/** Every `gitspaces <command>` that runs an action, from actions/registry.ts. */
export const COMMANDS: Record<string, CommandSpec> = cliCommands();

export interface CliDeps {
  env?: NodeJS.ProcessEnv;
  out?: (text: string) => void;
  err?: (line: string) => void;
  /** Resolves when the foreground `gitspaces sandbox` should stop (default: SIGINT or SIGTERM). */
  untilStopped?: () => Promise<void>;
  /** How an action's main is found (default: actions/load.ts loadAction, i.e. actions/<name>/main.ts). */
  loadAction?: (name: ActionName) => Promise<ActionMain>;
}

const HELP = `gitspaces: stand up Harness self-hosted Gitspaces on GCP

Usage: gitspaces [--config FILE] [--json] [--sandbox [--scenario NAME|FILE]] <command> [--<input> VALUE ...]

Commands:
  check-config        Validate the config file (exit 0 valid, 2 invalid with every error listed)
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(18)}  ${c.summary}`)
  .join('\n')}
  sandbox             Start the local sandbox in the foreground and print the environment that points at it

Global flags:
  --config FILE       The config file (default gitspaces.yaml); the actions' \`config\` input
  --json              Print the result as JSON on stdout
  --sandbox           Run the command against a sandbox started in this process (emulators on 127.0.0.1)
  --scenario NAME     The sandbox scenario (sandbox/scenarios/<name>.yaml, or a file path); default healthy
  --verbose           Print debug lines
  -h, --help          This help; \`gitspaces <command> --help\` lists the command's inputs

Every other --<name> VALUE becomes the action input <name> (as under \`with:\` in a workflow step).
Inputs not given as flags come from INPUT_<NAME> variables, then ${Object.entries(ENV_FALLBACKS)
  .map(([i, v]) => `${v} (${i})`)
  .join(', ')}. GCP credentials: --gcp-credentials or GOOGLE_APPLICATION_CREDENTIALS.
Exit codes: 0 ok, 1 failed (checks, gates or errors), 2 bad configuration or usage.
`;

export async function cli(argv: readonly string[], deps: CliDeps = {}): Promise<number> {
  const env = deps.env ?? process.env;
  const out = deps.out ?? ((t: string) => void process.stdout.write(t.endsWith('\n') ? t : t + '\n'));
  const err = deps.err ?? ((l: string) => void process.stderr.write(l + '\n'));
  let args: ParsedArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    err(`error: ${(e as Error).message}\nRun gitspaces --help for usage.`);
    return EXIT.config;
  }
  if (!args.command || (args.help && args.command === 'help') || args.command === 'help') {
    out(HELP);
    return args.command || args.help ? EXIT.ok : EXIT.config;
  }
  const configPath = args.config ?? env.INPUT_CONFIG ?? 'gitspaces.yaml';
  if (args.command === 'check-config') return checkConfig(configPath, args, out, err);
  if (args.command === 'sandbox' && args.help) {
    out(await sandboxHelp());
    return EXIT.ok;
  }
  if (args.command === 'sandbox') return foregroundSandbox(args, out, err, deps.untilStopped ?? untilSignal);
  const spec = COMMANDS[args.command];
  if (!spec) {
    err(
      `error: unknown command "${args.command}". Commands: check-config, ${Object.keys(COMMANDS).join(', ')}, sandbox.`,
    );
    return EXIT.config;
  }
  if (args.help) {
    out(commandHelp(args.command, spec));
    return EXIT.ok;
  }
  return runCommand(args, spec, configPath, env, out, err, deps.loadAction);
}

async function runCommand(
  args: ParsedArgs,
  spec: CommandSpec,
  configPath: string,
  env: NodeJS.ProcessEnv,
  out: (t: string) => void,
  err: (l: string) => void,
  load?: (name: ActionName) => Promise<ActionMain>,
): Promise<number> {
  let sandbox: SandboxHandle | undefined;
  const sandboxInputs: Record<string, string> = {};
  try {
    if (args.sandbox) {
      sandbox = await startSandboxFor(args, err);
      if (!sandbox) return EXIT.config;
      // The sandbox is reached by configuration only: its endpoints and credentials become the environment.
      // An event inherited from a GitHub runner (GITHUB_EVENT_NAME/PATH) was not sent by the sandbox's GitHub:
      // dropped, so that `npm start` in a CI job is not gated on a pull request the sandbox never had.
      for (const k of ['GITHUB_EVENT_NAME', 'GITHUB_EVENT_PATH']) {
        if (env[k])
          err(`# sandbox: ignoring ${k} from the environment (the sandbox's GitHub did not send it)`);
        delete env[k];
      }
      Object.assign(env, sandbox.env);
      if (!args.config && !env.INPUT_CONFIG) {
        // No config given: use the one the scenario is built for, with every file the run writes kept in the
        // sandbox's own directory, so that a second run on a new sandbox starts from nothing.
        configPath = await sandboxConfig(sandbox);
        sandboxInputs['report-path'] = join(sandbox.dir, 'gitspaces-preflight.json');
        // The emulators answer in milliseconds: poll them faster than the real services deserve.
        sandboxInputs['poll-interval'] = '500ms';
        err(`# sandbox: using the scenario's config ${configPath} (pass --config FILE to use your own)`);
      }
    }
    const flags = { ...sandboxInputs, ...args.inputs, config: configPath, ...spec.inputs };
    // RUNNER_DEBUG=1 is how a re-run with debug logging says it, on a runner as on a terminal.
    const io = cliIO(flags, env, { verbose: args.verbose || env.RUNNER_DEBUG === '1', err });
    const code = await runMain(spec, io, load);
    const scrub = (s: string) => io.log.scrub(s);
    if (args.json) {
      out(
        scrub(
          JSON.stringify(
            {
              command: args.command,
              action: spec.action,
              exitCode: code.exitCode,
              outputs: io.outputs,
              phase: code.phase,
              checks: code.checks,
              failures: io.failures,
            },
            null,
            2,
          ),
        ),
      );
    } else if (code.phases && !args.verbose) {
      // The pipeline: its end is the timeline and what came out of it; --verbose prints every phase's summary.
      out(scrub(pipelineEnd(code.phases, io.outputs)));
    } else {
      const text = resultText(code.phase, code.checks);
      if (text) out(scrub(text));
      for (const [k, v] of Object.entries(io.outputs))
        out(scrub(`${k}=${v.includes('\n') ? JSON.stringify(v) : v}`));
    }
    return code.exitCode;
  } finally {
    await sandbox?.stop();
  }
}

interface CommandResult {
  exitCode: number;
  phase?: PhaseResult;
  checks?: CheckResult[];
  phases?: PhaseResult[];
}

async function runMain(
  spec: CommandSpec,
  io: CliIO,
  load?: (name: ActionName) => Promise<ActionMain>,
): Promise<CommandResult> {
  try {
    // Loaded here, not at the top: check-config and --help start without the actions and their clients.
    const main = await (load ?? (await import('../actions/load.js')).loadAction)(spec.action);
    const result = await main(io);
    // The same mapping as the bundle and the pipeline (shared/failure.ts); a failure the action already told
    // the user about is not told twice.
    const outcome = outcomeOfResult(spec.action, result, io.failures.length > 0 || io.log.errors > 0);
    reportOutcome(outcome, io.log);
    return {
      exitCode: result.exitCode === undefined && io.failures.length ? EXIT.failed : outcome.exitCode,
      phase: result.phase,
      checks: result.checks,
      phases: (result as { phases?: PhaseResult[] }).phases,
    };
  } catch (e) {
    const outcome = outcomeOfError(e);
    reportOutcome(outcome, io.log);
    return { exitCode: outcome.exitCode };
  }
}

/** An action's result for a terminal: its phase line and details, then its checks, from the report model. */
export function resultText(phase?: PhaseResult, checks?: readonly CheckResult[]): string {
  const lines: string[] = [];
  if (phase) {
    lines.push(renderPhasesText([phase]));
    for (const d of phase.details ?? []) lines.push(`      ${d}`);
  }
  if (checks?.length) lines.push('', renderChecksText(checks));
  return lines.join('\n');
}

function checkConfig(
  path: string,
  args: ParsedArgs,
  out: (t: string) => void,
  err: (l: string) => void,
): number {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const issue = {
      path: '',
      found: `no readable file at ${path} (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
      expected: 'a gitspaces.yaml',
      fix: 'Create it from examples/gitspaces.yaml or pass --config FILE.',
    };
    if (args.json) out(JSON.stringify({ file: path, valid: false, issues: [issue] }, null, 2));
    else err(`error: ${formatIssue(issue)}`);
    return EXIT.config;
  }
  const r = parseConfig(text);
  if (args.json) {
    out(
      JSON.stringify(
        r.ok ? { file: path, valid: true } : { file: path, valid: false, issues: r.issues },
        null,
        2,
      ),
    );
    return r.ok ? EXIT.ok : EXIT.config;
  }
  if (!r.ok) {
    err(`${path} has ${r.issues.length} problem(s):`);
    for (const i of r.issues) err(`  - ${formatIssue(i)}`);
    err('Each field is documented in docs/config.md.');
    return EXIT.config;
  }
  const c = r.config;
  out(
    `${path} is valid: infrastructure ${c.infrastructure.name} (${c.infrastructure.domain}), ` +
      `${Object.keys(c.infrastructure.regions).length} region(s), ${c.machines.length} machine(s), ${c.gitspaces.length} gitspace(s), ` +
      `module ${c.terraform.module.source}${c.terraform.module.version ? '@' + c.terraform.module.version : ''} (${c.terraform.module.generation}).`,
  );
  return EXIT.ok;
}

interface SandboxHandle {
  env: Record<string, string>;
  urls: Record<string, string>;
  scenario: Scenario;
  dir: string;
  stop(): Promise<void>;
}

/** Writes the scenario's gitspaces.yaml into the sandbox directory, Terraform's working directory beside it. */
async function sandboxConfig(sb: SandboxHandle): Promise<string> {
  const { scenarioConfig, writeScenarioConfig } = await import('../sandbox/scenarios/config.js');
  const scenario = structuredClone(sb.scenario);
  const cfg = scenarioConfig(scenario) as { terraform?: Record<string, unknown> };
  scenario.config = {
    ...(scenario.config ?? {}),
    terraform: { ...(cfg.terraform ?? {}), working_directory: join(sb.dir, 'terraform') },
  };
  return writeScenarioConfig(scenario, join(sb.dir, 'config'));
}

async function startSandboxFor(
  args: ParsedArgs,
  err: (l: string) => void,
): Promise<SandboxHandle | undefined> {
  const { startSandbox } = await import('../sandbox/index.js');
  try {
    return await startSandbox({ scenario: args.scenario ?? 'healthy' });
  } catch (e) {
    if (/Unknown scenario/.test((e as Error).message)) {
      err(`error: ${(e as Error).message}`);
      return undefined;
    }
    throw e;
  }
}

async function foregroundSandbox(
  args: ParsedArgs,
  out: (t: string) => void,
  err: (l: string) => void,
  untilStopped: () => Promise<void>,
): Promise<number> {
  const sb = await startSandboxFor(args, err);
  if (!sb) return EXIT.config;
  try {
    if (args.json) {
      out(JSON.stringify({ scenario: args.scenario ?? 'healthy', urls: sb.urls, env: sb.env }, null, 2));
    } else {
      out(
        `# gitspaces sandbox (scenario ${args.scenario ?? 'healthy'}) is running on 127.0.0.1; Ctrl-C stops it.`,
      );
      for (const [k, v] of Object.entries(sb.urls)) out(`#   ${k.padEnd(20)} ${v}`);
      out('# Paste these lines into another shell to point the gitspaces CLI or the bundles at it:');
      for (const [k, v] of Object.entries(sb.env)) out(`export ${k}=${shellQuote(v)}`);
    }
    await untilStopped();
    return EXIT.ok;
  } finally {
    await sb.stop();
    err('# sandbox stopped');
  }
}

async function sandboxHelp(): Promise<string> {
  const { scenariosDir } = await import('../sandbox/scenario.js');
  const names = readdirSync(scenariosDir())
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.replace(/\.yaml$/, ''))
    .sort();
  return [
    'gitspaces sandbox [--scenario NAME|FILE]: start the emulators on 127.0.0.1 in the foreground; Ctrl-C stops them.',
    'Prints the endpoints and the `export` lines that point the CLI or the bundles at them.',
    '',
    `Scenarios: healthy (default), ${names.join(', ')}`,
    'A FILE is a scenario YAML of your own, merged over healthy.',
  ].join('\n');
}

function shellQuote(v: string): string {
  return /^[A-Za-z0-9_./:@,+=-]*$/.test(v) ? v : `'${v.replace(/'/g, `'\\''`)}'`;
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.on('SIGINT', done);
    process.on('SIGTERM', done);
  });
}

/** `gitspaces <command> --help`: the command and the inputs its action.yml declares. */
function commandHelp(name: string, spec: CommandSpec): string {
  const lines = [
    `gitspaces ${name}: ${spec.summary}`,
    `Runs the ${spec.action} action${
      spec.inputs
        ? ` with ${Object.entries(spec.inputs)
            .map(([k, v]) => `${k}=${v}`)
            .join(', ')}`
        : ''
    }.`,
    '',
  ];
  const yml = findActionYml(spec.action);
  if (yml) {
    const doc = parseYaml(readFileSync(yml, 'utf8')) as {
      inputs?: Record<string, { description?: string; required?: boolean; default?: unknown }>;
    };
    lines.push('Inputs (--<name> VALUE):');
    for (const [k, v] of Object.entries(doc.inputs ?? {})) {
      const extra = v.required
        ? ' (required)'
        : v.default !== undefined && v.default !== ''
          ? ` (default ${String(v.default)})`
          : '';
      lines.push(`  --${k.padEnd(24)} ${(v.description ?? '').split('\n')[0]}${extra}`);
    }
  } else {
    lines.push(`Inputs: see actions/${spec.action}/action.yml.`);
  }
  return lines.join('\n');
}

function findActionYml(action: string): string | undefined {
  const file = action === 'pipeline' ? 'action.yml' : join('actions', action, 'action.yml');
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const p = join(dir, file);
    if (existsSync(p)) return p;
    dir = dirname(dir);
  }
  return undefined;
}

/** The end of `gitspaces up`: each phase with its duration and result, the timeline, and the gitspaces' URLs. */
export function pipelineEnd(phases: PhaseResult[], outputs: Record<string, string>): string {
  const lines = [
    '',
    'Phases',
    '------',
    renderPhasesText(phases),
    '',
    'Timeline',
    '--------',
    renderTimelineText(phases),
  ];
  type Listed = { name?: string; identifier?: string; state?: string; url?: string; 'ssh-command'?: string };
  let gitspaces: Listed[];
  try {
    gitspaces = JSON.parse(outputs.gitspaces ?? '[]') as Listed[];
  } catch {
    gitspaces = [];
  }
  if (gitspaces.length) {
    lines.push('', 'Gitspaces', '---------');
    for (const g of gitspaces) {
      lines.push(`${g.name ?? g.identifier} (${g.identifier}): ${g.state}`);
      if (g.url) lines.push(`  open: ${g.url}`);
      if (g['ssh-command']) lines.push(`  ssh:  ${g['ssh-command']}`);
    }
  }
  for (const k of ['alb-ips', 'managed-domain-zone', 'delegate-name'])
    if (outputs[k]) lines.push(`${k}: ${outputs[k]}`);
  const failed = phases.find((p) => p.status === 'failed');
  lines.push(
    '',
    failed
      ? `Stopped at ${failed.name}: see the messages above.`
      : `Done: ${phases.length} phase(s) completed.`,
  );
  return lines.join('\n');
}
