import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ActionIO, ActionResult } from '../../shared/action.js';
import { loadConfig } from '../../shared/config/load.js';
import type { GitspacesConfig } from '../../shared/config/schema.js';
import { ConfigurationError } from '../../shared/errors.js';
import { resolveInWorkspace } from '../../shared/workspace.js';
import { createGcp, jsonKeyForP12 } from '../../shared/gcp/index.js';
import {
  harnessBaseUrl,
  harnessClientFromConfig,
  missingHarnessApiKey,
  readHarnessApiKey,
} from '../../shared/harness/client.js';
import { maskSecret } from '../../shared/inputs.js';
import { STATUS_ICON } from '../../shared/report/model.js';
import { cell, renderChecksMarkdown } from '../../shared/report/render.js';
import { BOOTSTRAP_STEPS } from '../../shared/runner/bootstrap.js';
import type { InstallRunnerResult, RunnerCompute, RunnerHarness } from '../../shared/runner/install.js';

/** Collaborators; each defaults to the real one built from the inputs and the environment. */
export interface InstallRunnerDeps {
  config?: GitspacesConfig;
  compute?: RunnerCompute;
  harness?: RunnerHarness;
}

/** The key the runner puts in /runner: a service-account JSON key (the runner reads JSON; a P12 gcp-credentials key arrives converted). */
export function resolveRunnerKey(io: ActionIO, explicit: string, gcpCredentials: string): string {
  let key = explicit || gcpCredentials;
  let source = explicit ? 'runner-key' : 'gcp-credentials';
  if (!key) {
    const file = io.env.GOOGLE_APPLICATION_CREDENTIALS;
    if (file && existsSync(file)) {
      key = readFileSync(file, 'utf8').trim();
      source = `GOOGLE_APPLICATION_CREDENTIALS (${file})`;
      maskSecret(io.log, key);
    }
  }
  if (!key) {
    throw new ConfigurationError(
      'RUNNER_KEY_MISSING',
      'No service-account key for the runner: it needs a JSON key (pool.yaml json_path) to create gitspace VMs',
      'Pass the key as `runner-key` (or `gcp-credentials`) from a secret. Keyless auth covers this workflow, not the runner VM.',
    );
  }
  let parsed: { type?: string; private_key?: string; client_email?: string };
  try {
    parsed = JSON.parse(key) as typeof parsed;
  } catch {
    throw new ConfigurationError(
      'RUNNER_KEY_INVALID',
      `The runner key from ${source} is not JSON`,
      'Use a JSON service-account key: the runner reads JSON only (a P12 key is converted when it is the gcp-credentials key, with gcp-service-account-email).',
    );
  }
  if (parsed.private_key) maskSecret(io.log, parsed.private_key);
  if (parsed.type !== 'service_account' || !parsed.private_key || !parsed.client_email) {
    throw new ConfigurationError(
      'RUNNER_KEY_INVALID',
      `The runner key from ${source} is not a service-account key (type ${parsed.type ?? 'missing'})`,
      'The runner needs a service-account JSON key (type service_account); with keyless auth, pass one as `runner-key`.',
    );
  }
  return key;
}

export function renderInstallSummary(r: InstallRunnerResult): string {
  const out: string[] = [];
  const failed = r.failure;
  out.push(`## Runner and delegate on \`${r.vm.name}\``, '');
  out.push(
    failed
      ? `**${STATUS_ICON.error} ${failed.gate} failed: ${cell(failed.title)}.** Last state: ${cell(failed.lastState)}.`
      : r.installed
        ? `**${STATUS_ICON.ok} Installed: the runner is healthy, the delegate connected${waitedForGateways(r) ? ' and every gateway healthy' : ' (gateways not waited for here)'}.**`
        : r.changes.length
          ? `**${STATUS_ICON.ok} The VM already runs this configuration, and ${gatesPassed(r)}.**`
          : `**${STATUS_ICON.ok} Nothing changed: the VM already runs this configuration, and ${gatesPassed(r)}.**`,
    '',
  );
  out.push(
    `- VM: \`${r.vm.name}\` in \`${r.vm.zone}\` (project \`${r.vm.project}\`), configuration \`${r.configHash}\``,
  );
  out.push(`- Delegate: \`${r.delegateName}\``);
  out.push(`- Secrets: ${r.secrets.note}`);
  if (r.changes.length) {
    out.push('- Changes:');
    for (const c of r.changes) out.push(`  - ${c}`);
  } else out.push('- Changes: none');
  out.push('');
  if (r.progress && Object.keys(r.progress.steps).length) {
    out.push('| Bootstrap step | Reported by the VM |', '|---|---|');
    for (const s of BOOTSTRAP_STEPS) out.push(`| ${s} | ${cell(r.progress.steps[s] ?? 'not reported')} |`);
    out.push('');
  }
  if (r.gateways.length) {
    out.push('| Region | Gateway | Overall health | Version |', '|---|---|---|---|');
    for (const g of r.gateways)
      out.push(`| ${g.region} | ${cell(g.name)} | ${g.overall_health} | ${cell(g.version)} |`);
    out.push('');
  }
  const verdict = failed ? `${failed.gate} failed. Fix: ${failed.fix}` : 'All gates passed.';
  out.push(renderChecksMarkdown('Health gates', verdict, r.checks));
  return out.join('\n');
}

/** Whether this install waited for the gateways (GW-101 ran, rather than being recorded skipped by wait-for-gateways: false). */
function waitedForGateways(r: InstallRunnerResult): boolean {
  return !r.checks.some((c) => c.id === 'GW-101' && c.status === 'skip' && !r.failure);
}

function gatesPassed(r: InstallRunnerResult): string {
  return waitedForGateways(r)
    ? 'every gate passes'
    : 'the runner and delegate gates pass (gateways not waited for here)';
}

/** What the inputs ask of this install, besides the secrets. */
function readInstallInputs(io: ActionIO, config: GitspacesConfig) {
  const inp = io.inputs;
  return {
    poolPath:
      inp.optional('pool-yaml-path') ||
      join(
        resolveInWorkspace(config.terraform.working_directory, io.env, 'terraform.working_directory'),
        'pool.yaml',
      ),
    timeouts: {
      runnerMs: inp.duration('runner-timeout', 10 * 60_000),
      delegateMs: inp.duration('delegate-timeout', 5 * 60_000),
      gatewayMs: inp.duration('gateway-timeout', 10 * 60_000),
    },
    pollIntervalMs: inp.duration('poll-interval', 10_000),
    manageDelegateSelector: inp.boolean('manage-delegate-selector', true),
    force: inp.boolean('force', false),
    gatewayVersion: inp.optional('gateway-version') || undefined,
    vmName: inp.optional('vm-name') || undefined,
    waitForGateways: inp.boolean('wait-for-gateways', true),
  };
}

/** The pool file terraform-apply wrote (its `pool-yaml-path` output). */
function readPoolYaml(poolPath: string): string {
  if (!existsSync(poolPath)) {
    throw new ConfigurationError(
      'POOL_YAML_MISSING',
      `No pool file at ${poolPath}`,
      'Run terraform-apply first and pass its `pool-yaml-path` output (the module writes pool.yaml in the Terraform working directory).',
    );
  }
  return readFileSync(poolPath, 'utf8');
}

/** Outputs, the summary and the verdict of an install. */
async function reportInstall(io: ActionIO, r: InstallRunnerResult, startedAt: number): Promise<ActionResult> {
  const outputs: Record<string, string> = {
    'runner-healthy': String(r.runnerHealthy),
    'delegate-name': r.delegateName,
  };
  // Not waited for (wait-for-gateways: false): the caller reports the gateways it waited for.
  if (waitedForGateways(r)) outputs.gateways = JSON.stringify(r.gateways);
  for (const [k, v] of Object.entries(outputs)) io.setOutput(k, v);
  await io.appendSummary(renderInstallSummary(r));

  const summary = r.failure
    ? `${r.failure.gate} failed on ${r.vm.name}: ${r.failure.lastState}`
    : r.installed
      ? `runner and delegate installed on ${r.vm.name}${waitedForGateways(r) ? '; gateways healthy' : ''}`
      : `${r.vm.name} already healthy with this configuration; ${r.changes.length ? r.changes.join('; ') : 'nothing changed'}`;
  if (r.failure)
    io.setFailed(
      `${r.failure.gate} ${r.failure.title}: failed.\nLast state: ${r.failure.lastState}\nFix: ${r.failure.fix}`,
    );
  else io.log.info(summary);
  return {
    outputs,
    checks: r.checks,
    exitCode: r.failure ? 1 : 0,
    phase: {
      name: 'install-runner',
      status: r.failure ? 'failed' : 'ok',
      startedAt,
      durationMs: io.clock.now() - startedAt,
      summary,
      changes: {
        created: r.changes.filter((c) => c.startsWith('created')).length,
        updated: r.changes.filter((c) => !c.startsWith('created')).length,
        deleted: 0,
      },
      details: [...r.changes, r.secrets.note],
    },
  };
}

export async function main(io: ActionIO, deps: InstallRunnerDeps = {}): Promise<ActionResult> {
  const startedAt = io.clock.now();
  const inp = io.inputs;
  // Secrets first: masked before anything else can print them.
  const gcpCredentials = inp.secret('gcp-credentials');
  const apiKey = readHarnessApiKey(io);
  const explicitKey = inp.secret('runner-key');
  const delegateToken = inp.secret('delegate-token');

  const config = deps.config ?? (await loadConfig(inp.optional('config', 'gitspaces.yaml')));
  const { poolPath, ...options } = readInstallInputs(io, config);
  const poolYaml = readPoolYaml(poolPath);
  // A P12 key becomes the equivalent JSON key (in memory): the runner on the VM reads JSON only.
  const fromP12 = deps.compute
    ? undefined
    : await jsonKeyForP12({
        keyJson: gcpCredentials,
        env: io.env,
        log: io.log,
        clock: io.clock,
        inputName: 'gcp-credentials',
        serviceAccountEmail: inp.optional('gcp-service-account-email') || config.gcp.service_account_email,
      });
  const runnerKey = resolveRunnerKey(io, explicitKey, fromP12 ?? gcpCredentials);
  if (!deps.harness && !apiKey) throw missingHarnessApiKey();

  const gcp = deps.compute
    ? undefined
    : createGcp({
        keyJson: fromP12 ?? gcpCredentials,
        env: io.env,
        log: io.log,
        clock: io.clock,
        inputName: 'gcp-credentials',
      });
  const compute: RunnerCompute = deps.compute ?? (gcp as NonNullable<typeof gcp>).compute;
  const harness: RunnerHarness =
    deps.harness ?? harnessClientFromConfig(config, { apiKey, env: io.env, log: io.log, clock: io.clock });
  const managerUrl = config.delegate.manager_url ?? harnessBaseUrl(config, io.env);

  // Loaded once the config was read: a run that stops on its inputs never loads yaml.
  const { installRunner } = await import('../../shared/runner/install.js');
  let r: InstallRunnerResult;
  try {
    r = await io.log.group(`Install the runner and the delegate`, () =>
      installRunner({
        config,
        compute,
        harness,
        log: io.log,
        clock: io.clock,
        poolYaml,
        poolYamlSource: poolPath,
        serviceAccountKey: runnerKey,
        delegateToken: delegateToken || undefined,
        managerUrl,
        ...options,
      }),
    );
  } finally {
    await gcp?.close();
  }
  return reportInstall(io, r, startedAt);
}
