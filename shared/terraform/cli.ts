import { getExecOutput } from '@actions/exec';
import { accessSync, constants } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { ConfigurationError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { PlanJson } from './plan-render.js';

/**
 * Runs terraform (or tofu) itself: no wrapper scripts, no parsing of human output. Every command gets
 * `-input=false -no-color`; plan uses `-detailed-exitcode` and a lock timeout; results come from `show -json`
 * and `output -json`. A failure becomes a ConfigurationError that quotes Terraform's own error blocks.
 */
export type TerraformBinary = 'terraform' | 'tofu';

export interface TerraformCliOptions {
  binary: TerraformBinary | string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  log: Logger;
  /** e.g. `5m`. */
  lockTimeout: string;
  /**
   * A preview's read of the state: `-lock=false` on init and plan, so a preview neither writes a lock object
   * into the state bucket nor waits behind an apply's lock (a plan only reads the state; an apply that lands
   * meanwhile is caught by the fingerprint the gate recomputes). Never for apply or destroy.
   */
  lockFree?: boolean;
}

export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface PlanOutcome {
  /** 0: no changes, 2: changes present (detailed exit codes). */
  exitCode: 0 | 2;
  changes: boolean;
  planFile: string;
}

export interface TerraformOutput {
  value: unknown;
  type: unknown;
  sensitive: boolean;
}

/** The `Error: ...` blocks of Terraform's stderr, which say what went wrong (the rest is noise). */
export function errorSummary(stderr: string): string {
  const lines = stderr.split(/\r?\n/).map((l) => l.replace(/^[│╷╵]\s?/, ''));
  const start = lines.findIndex((l) => /^Error: /.test(l));
  const picked = (start >= 0 ? lines.slice(start) : lines).join('\n').trim();
  return picked.length > 4000 ? picked.slice(0, 4000) + '\n…' : picked;
}

export class TerraformCli {
  constructor(private readonly opts: TerraformCliOptions) {}

  get binary(): string {
    return this.opts.binary;
  }

  /**
   * Runs one command through @actions/exec; resolves with its exit code (callers decide which codes are failures).
   * stdout streams to the log line by line as it comes (unless quiet) and is captured whole as well.
   */
  async exec(args: string[], opts: { quiet?: boolean } = {}): Promise<ExecResult> {
    const { log } = this.opts;
    const env: NodeJS.ProcessEnv = {
      ...this.opts.env,
      TF_IN_AUTOMATION: '1',
      TF_INPUT: '0',
      CHECKPOINT_DISABLE: this.opts.env.CHECKPOINT_DISABLE ?? '1',
    };
    log.debug(`$ ${this.opts.binary} ${args.join(' ')}`);
    // @actions/exec looks a bare name up on this process's PATH; the binary is the one on the PATH terraform runs with.
    const binary = resolveOnPath(this.opts.binary, env.PATH, this.opts.cwd);
    if (!binary) throw this.missing();
    let partial = '';
    const r = await getExecOutput(binary, args, {
      cwd: this.opts.cwd,
      env: env as Record<string, string>,
      // silent: the output reaches the log through the Logger (masks, groups), not echoed raw to stdout.
      silent: true,
      ignoreReturnCode: true,
      listeners: {
        stdout: (b: Buffer) => {
          if (opts.quiet) return;
          partial += b.toString('utf8');
          const parts = partial.split('\n');
          partial = parts.pop() ?? '';
          for (const line of parts) log.info(line);
        },
        debug: (m: string) => log.debug(m),
      },
    });
    if (partial && !opts.quiet) log.info(partial);
    return r;
  }

  private missing(): ConfigurationError {
    return new ConfigurationError(
      'TERRAFORM_MISSING',
      `${this.opts.binary} is not installed or not on PATH.`,
      this.opts.binary === 'tofu'
        ? 'Add opentofu/setup-opentofu before this step, or set binary: terraform.'
        : 'Add hashicorp/setup-terraform (terraform_wrapper: false) before this step, or set binary: tofu.',
    );
  }

  private fail(what: string, r: ExecResult, fix: string): never {
    throw new ConfigurationError(
      'TERRAFORM_FAILED',
      `${this.opts.binary} ${what} failed (exit code ${r.exitCode}).`,
      fix,
      [errorSummary(r.stderr || r.stdout)],
    );
  }

  private async must(what: string, args: string[], fix: string, quiet = false): Promise<ExecResult> {
    const r = await this.exec(args, { quiet });
    if (r.exitCode !== 0) this.fail(what, r, fix);
    return r;
  }

  private lockArgs(): string[] {
    return this.opts.lockFree ? ['-lock=false'] : [`-lock-timeout=${this.opts.lockTimeout}`];
  }

  async init(backendConfig: Record<string, string> = {}): Promise<void> {
    const extra = Object.entries(backendConfig).map(([k, v]) => `-backend-config=${k}=${v}`);
    await this.must(
      'init',
      [
        'init',
        '-input=false',
        '-no-color',
        ...this.lockArgs(),
        ...(this.opts.lockFree ? ['-reconfigure'] : []),
        ...extra,
      ],
      'Check that the module source and version exist and are reachable from the runner, and the backend settings under terraform.backend.',
    );
  }

  /** Plan into a file. Exit code 1 is an error; 0 and 2 are "no changes" and "changes". */
  async plan(opts: {
    planFile: string;
    destroy?: boolean;
    refreshOnly?: boolean;
    /** `-target=` each of these addresses (and, as Terraform does, what they depend on). */
    targets?: readonly string[];
  }): Promise<PlanOutcome> {
    const args = [
      'plan',
      '-input=false',
      '-no-color',
      '-detailed-exitcode',
      ...this.lockArgs(),
      `-out=${opts.planFile}`,
    ];
    if (opts.destroy) args.push('-destroy');
    if (opts.refreshOnly) args.push('-refresh-only');
    for (const t of opts.targets ?? []) args.push(`-target=${t}`);
    const r = await this.exec(args);
    if (r.exitCode === 0 || r.exitCode === 2)
      return { exitCode: r.exitCode, changes: r.exitCode === 2, planFile: opts.planFile };
    this.fail(opts.refreshOnly ? 'plan -refresh-only' : 'plan', r, planFix(r.stderr));
  }

  async show(planFile: string): Promise<PlanJson> {
    const r = await this.must(
      'show -json',
      ['show', '-json', '-no-color', planFile],
      'The plan file may be damaged or from another Terraform version; plan again.',
      true,
    );
    return JSON.parse(r.stdout) as PlanJson;
  }

  /** `providers schema -json`: the attributes of every resource type, with their computed/optional flags. */
  async providersSchema(): Promise<unknown> {
    const r = await this.must(
      'providers schema -json',
      ['providers', 'schema', '-json'],
      'Run init first: the providers are not installed.',
      true,
    );
    return JSON.parse(r.stdout) as unknown;
  }

  /** Applies exactly this saved plan (Terraform refuses a stale one: "Saved plan is stale"). */
  async apply(planFile: string): Promise<void> {
    await this.must(
      'apply',
      ['apply', '-input=false', '-no-color', `-lock-timeout=${this.opts.lockTimeout}`, planFile],
      'See the error above; after fixing it, plan and apply again.',
    );
  }

  async destroy(): Promise<void> {
    await this.must(
      'destroy',
      ['destroy', '-auto-approve', '-input=false', '-no-color', `-lock-timeout=${this.opts.lockTimeout}`],
      'See the error above; destroy can be re-run safely.',
    );
  }

  /** `output -json`; sensitive values are masked before anything can print them. */
  async output(): Promise<Record<string, TerraformOutput>> {
    const r = await this.must(
      'output -json',
      ['output', '-json', '-no-color'],
      'Apply first: the state has no outputs.',
      true,
    );
    const outputs = JSON.parse(r.stdout || '{}') as Record<string, TerraformOutput>;
    for (const o of Object.values(outputs)) if (o.sensitive) maskValue(this.opts.log, o.value);
    return outputs;
  }

  /**
   * Drift: a refresh-only plan. Exit code 2 means Terraform saw a difference; it is drift when the plan lists a
   * drifted resource or a changed output. Terraform can also exit 2 for a refresh that only rewrites state
   * metadata (the order of sensitive-attribute marks), listing nothing: that is reported as `metadataOnly`.
   * This is Terraform's own view, computed-only values and outputs included; what counts as drift for the user is
   * `classifyDrift` (drift.ts).
   */
  async drift(
    planFile: string,
  ): Promise<{ drift: boolean; exitCode: 0 | 2; drifted: string[]; metadataOnly: boolean; plan: PlanJson }> {
    const r = await this.plan({ planFile, refreshOnly: true });
    const plan = await this.show(planFile);
    const drifted = [
      ...(plan.resource_drift ?? []).map((d) => d.address),
      ...Object.entries(plan.output_changes ?? {})
        .filter(([, oc]) => !oc.actions.every((a) => a === 'no-op'))
        .map(([name]) => `output.${name}`),
    ];
    return {
      drift: r.changes && drifted.length > 0,
      exitCode: r.exitCode,
      drifted,
      metadataOnly: r.changes && drifted.length === 0,
      plan,
    };
  }
}

export function maskValue(log: Logger, value: unknown): void {
  if (typeof value === 'string') {
    if (value) log.mask(value);
  } else if (Array.isArray(value)) value.forEach((v) => maskValue(log, v));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => maskValue(log, v));
  else if (typeof value === 'number') log.mask(String(value));
}

function planFix(stderr: string): string {
  if (/Unsupported attribute/.test(stderr) && /yamldecode|local\.infra/.test(stderr)) {
    return 'The Infra Config YAML does not have the keys this module version reads: check terraform.module.generation against the module version, and run configure again.';
  }
  if (/Error acquiring the state lock/.test(stderr))
    return 'Another run holds the state lock: wait for it, or raise terraform.lock_timeout.';
  if (/No value for required variable/.test(stderr))
    return 'The module version needs a variable this generation does not pass: set terraform.module.generation to match it.';
  return 'See the Terraform error above.';
}

/** The executable `binary` names: a path (relative to cwd), or a bare name looked up on `path`; undefined if none. */
function resolveOnPath(binary: string, path: string | undefined, cwd: string): string | undefined {
  const executable = (f: string) => {
    try {
      accessSync(f, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  };
  if (binary.includes('/')) {
    const f = resolve(cwd, binary);
    return executable(f) ? f : undefined;
  }
  for (const dir of (path ?? '').split(delimiter).filter(Boolean)) {
    const f = join(dir, binary);
    if (executable(f)) return f;
  }
  return undefined;
}
