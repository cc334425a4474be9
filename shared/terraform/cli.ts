import { onlyTransientErrors } from './transient.js';
import { getExecOutput } from '@actions/exec';
import { accessSync, chmodSync, constants, existsSync, rmSync } from 'node:fs';
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
  /** Values to replace with *** in the Terraform errors a failure quotes (they reach summaries and annotations). */
  secrets?: readonly string[];
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

  /**
   * A failed command as the user must read it: the message names Terraform's first error, and the details quote
   * its `Error:` blocks (secrets masked), so the phase's message, the summary and the annotation carry Terraform's
   * own words, not a pointer to a log they may not show.
   */
  private fail(what: string, r: ExecResult, fix: string): never {
    let quoted = errorSummary(r.stderr || r.stdout);
    for (const s of this.opts.secrets ?? []) if (s) quoted = quoted.split(s).join('***');
    const first = quoted.split('\n').find((l) => /^Error: /.test(l));
    throw new ConfigurationError(
      'TERRAFORM_FAILED',
      `${this.opts.binary} ${what} failed (exit code ${r.exitCode})${first ? `: ${first}` : ': it printed no error'}.`,
      fix,
      quoted ? [quoted] : [],
    );
  }

  private async must(what: string, args: string[], fix: string, quiet = false): Promise<ExecResult> {
    const r = await this.exec(args, { quiet });
    if (r.exitCode !== 0) this.fail(what, r, fix);
    return r;
  }

  /**
   * Runs a command that changes nothing remote but the state lock (init, plan) and runs it again, at most twice,
   * when it failed on transient remote errors only (shared/terraform/transient.ts).
   */
  private async execAgainOnTransient(
    what: string,
    args: string[],
    ok: (code: number) => boolean,
  ): Promise<ExecResult> {
    for (let attempt = 1; ; attempt++) {
      const r = await this.exec(args);
      if (ok(r.exitCode)) return r;
      const errors = errorSummary(r.stderr || r.stdout);
      if (attempt >= 3 || !onlyTransientErrors(errors)) return r;
      this.opts.log.warning(
        `${this.opts.binary} ${what} failed on transient remote errors only; running it again:\n${errors}`,
      );
    }
  }

  private lockArgs(): string[] {
    return this.opts.lockFree ? ['-lock=false'] : [`-lock-timeout=${this.opts.lockTimeout}`];
  }

  async init(backendConfig: Record<string, string> = {}): Promise<void> {
    const extra = Object.entries(backendConfig).map(([k, v]) => `-backend-config=${k}=${v}`);
    const args = [
      'init',
      '-input=false',
      '-no-color',
      ...this.lockArgs(),
      ...(this.opts.lockFree ? ['-reconfigure'] : []),
      ...extra,
    ];
    const r = await this.execAgainOnTransient('init', args, (c) => c === 0);
    if (r.exitCode === 0) return;
    this.fail(
      'init',
      r,
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
    const r = await this.execAgainOnTransient(
      opts.refreshOnly ? 'plan -refresh-only' : 'plan',
      args,
      (c) => c === 0 || c === 2,
    );
    if (r.exitCode === 0 || r.exitCode === 2)
      return { exitCode: r.exitCode as 0 | 2, changes: r.exitCode === 2, planFile: opts.planFile };
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
      "Terraform's error is quoted here; fix its cause, then plan and apply again.",
    );
  }

  /**
   * After an apply whose state write failed ("Failed to persist state to backend"), Terraform keeps the state it
   * could not save in `errored.tfstate` in its working directory, and a new plan without it would create again what
   * was just created. Pushes that file to the backend (`terraform state push`, again after a transient failure, at
   * most three times), then removes it: it holds the state's secrets. True when there was one and it was pushed;
   * when the push keeps failing, the file stays (mode 0600) and the error says how to push it.
   */
  async pushErroredState(): Promise<boolean> {
    const file = join(this.opts.cwd, 'errored.tfstate');
    if (!existsSync(file)) return false;
    chmodSync(file, 0o600);
    const args = ['state', 'push', '-no-color', `-lock-timeout=${this.opts.lockTimeout}`, 'errored.tfstate'];
    for (let attempt = 1; ; attempt++) {
      const r = await this.exec(args);
      if (r.exitCode === 0) {
        rmSync(file, { force: true });
        return true;
      }
      const errors = errorSummary(r.stderr || r.stdout);
      if (attempt >= 3 || !onlyTransientErrors(errors))
        this.fail(
          'state push errored.tfstate',
          r,
          `The state of what apply created is in ${file} only: push it with \`${this.opts.binary} -chdir=${this.opts.cwd} state push errored.tfstate\` before anything else runs, then remove the file (it holds secrets).`,
        );
      await new Promise((done) => setTimeout(done, 1000 * attempt));
    }
  }

  /** `terraform force-unlock -force <id>`: only ever called with an ID the user gave (the force-unlock input). */
  async forceUnlock(id: string): Promise<void> {
    await this.must(
      'force-unlock',
      ['force-unlock', '-force', '-no-color', id],
      'Check the lock ID: pass the ID of the lock held now (STATE-005 prints it).',
    );
  }

  /** `terraform state list`: the resource instance addresses the state records (none without a state). */
  async stateList(): Promise<string[]> {
    const r = await this.exec(['state', 'list', '-no-color'], { quiet: true });
    if (r.exitCode !== 0) {
      if (/No state file was found/.test(r.stderr)) return [];
      this.fail('state list', r, 'Check that the state can be read (see STATE-001..004).');
    }
    return r.stdout
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
  }

  async destroy(): Promise<void> {
    await this.must(
      'destroy',
      ['destroy', '-auto-approve', '-input=false', '-no-color', `-lock-timeout=${this.opts.lockTimeout}`],
      "Terraform's error is quoted here; fix its cause, then run destroy again (it is safe to re-run).",
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
  return "Terraform's error is quoted here: fix its cause, then plan again.";
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
