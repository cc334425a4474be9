import type { ActionIO, ActionResult } from '../../shared/action.js';
import { loadConfig } from '../../shared/config/load.js';
import type { GitspacesConfig } from '../../shared/config/schema.js';
import { dnsClientFromEndpoints } from '../../shared/dns/query.js';
import { endpointsFromEnv } from '../../shared/endpoints.js';
import { ConfigurationError, errorMessage } from '../../shared/errors.js';
import { resolveInWorkspace } from '../../shared/workspace.js';
import { createGcp, jsonKeyForP12 } from '../../shared/gcp/index.js';
import {
  harnessClientFromConfig,
  missingHarnessApiKey,
  readHarnessApiKey,
} from '../../shared/harness/client.js';
import { OrphanScan, OrphanScanApis, scanOrphans } from '../../shared/teardown/orphans.js';
import { renderTeardownSummary } from '../../shared/teardown/report.js';
import {
  StepResult,
  TEARDOWN_STEPS,
  TeardownCompute,
  TeardownHarness,
  TeardownStep,
  TeardownTerraform,
  runTeardown,
} from '../../shared/teardown/steps.js';
import type { TeardownTerraformSetup } from './terraform.js';

/** Collaborators; each defaults to the real one built from the inputs and the environment. */
export interface TeardownDeps {
  config?: GitspacesConfig;
  harness?: TeardownHarness;
  compute?: TeardownCompute;
  scanApis?: OrphanScanApis;
  terraform?: TeardownTerraform | null;
}

/** The module's `project.service_account` from the infra's setup YAML, when the infra still exists. */
async function serviceAccountFromSetupYaml(yamlText: string | undefined): Promise<string | undefined> {
  if (!yamlText) return undefined;
  const { parse } = await import('yaml');
  try {
    const doc = parse(yamlText) as { project?: { service_account?: unknown } } | null;
    const sa = doc?.project?.service_account;
    return typeof sa === 'string' && sa ? sa : undefined;
  } catch {
    return undefined;
  }
}

/** The steps to run: the `steps` input, each a known step, or all of them in order. */
function readSteps(io: ActionIO): TeardownStep[] {
  const stepsInput = io.inputs.list('steps');
  for (const s of stepsInput) {
    if (!(TEARDOWN_STEPS as readonly string[]).includes(s))
      throw new ConfigurationError(
        'INPUT_INVALID',
        `Unknown teardown step "${s}"`,
        `Use any of: ${TEARDOWN_STEPS.join(', ')} (or leave \`steps\` empty for all).`,
      );
  }
  return stepsInput.length ? (stepsInput as TeardownStep[]) : [...TEARDOWN_STEPS];
}

/** Read before the infra provider goes: the service account the module created is named in its setup YAML. */
async function readInfraSetup(
  io: ActionIO,
  harness: TeardownHarness,
  config: GitspacesConfig,
): Promise<{ setupYaml?: string; serviceAccount?: string }> {
  try {
    const setupYaml = (await harness.getInfraProvider(config.infrastructure.identifier))?.setup_yaml;
    return { setupYaml, serviceAccount: await serviceAccountFromSetupYaml(setupYaml) };
  } catch (e) {
    io.log.debug(`infra provider not readable: ${errorMessage(e)}`);
    return {};
  }
}

/** What the orphan scan found left in GCP, each with the command that removes it. */
async function scanForOrphans(
  io: ActionIO,
  config: GitspacesConfig,
  apis: OrphanScanApis,
  serviceAccount: string | undefined,
): Promise<OrphanScan> {
  const orphans = await io.log.group('Orphan scan', () => scanOrphans(config, apis, { serviceAccount }));
  if (!orphans.orphans.length) io.log.info('Orphan scan: nothing left.');
  for (const o of orphans.orphans)
    io.log.warning(`Left: ${o.kind} ${o.name} (${o.where}; ${o.reason}). Remove with: ${o.command}`);
  for (const n of orphans.notices) io.log.warning(`${n.title}: ${n.detail} ${n.fix}`);
  for (const s of orphans.skipped) io.log.info(`Orphan scan could not look: ${s}`);
  return orphans;
}

/** Outputs, the summary and the verdict: failed when a step failed, or (a full run) when something is left. */
async function reportTeardown(
  io: ActionIO,
  startedAt: number,
  opts: { dryRun: boolean; failOnOrphans: boolean; allSteps: boolean },
  results: StepResult[],
  orphans: OrphanScan | undefined,
): Promise<ActionResult> {
  const { dryRun } = opts;
  const failed = results.filter((r) => r.status === 'failed');
  const left = orphans?.orphans.length ?? 0;
  const outputs: Record<string, string> = {
    steps: JSON.stringify(results.map((r) => ({ step: r.step, status: r.status, detail: r.detail }))),
    orphans: JSON.stringify(
      (orphans?.orphans ?? []).map((o) => ({
        kind: o.kind,
        name: o.name,
        where: o.where,
        command: o.command,
      })),
    ),
    clean: String(!failed.length && !!orphans && left === 0 && !dryRun),
  };
  for (const [k, v] of Object.entries(outputs)) io.setOutput(k, v);
  await io.appendSummary(renderTeardownSummary(results, orphans, dryRun));
  const orphanFailure = !dryRun && opts.failOnOrphans && left > 0 && opts.allSteps;
  if (failed.length)
    io.setFailed(
      `Teardown stopped at ${failed.map((f) => `${f.step}: ${f.detail}`).join('; ')}. Fix the cause and run teardown again: every step is safe to repeat.`,
    );
  else if (orphanFailure)
    io.setFailed(
      `${left} resource(s) are left after teardown; the summary lists the command that removes each.`,
    );
  const done = results.filter((r) => r.status === 'done').length;
  return {
    outputs,
    phase: {
      name: 'teardown',
      status: failed.length || orphanFailure ? 'failed' : 'ok',
      startedAt,
      durationMs: io.clock.now() - startedAt,
      summary: `${dryRun ? 'dry run: ' : ''}${done} step(s) done, ${results.filter((r) => r.status === 'would-do').length} would act, ${failed.length} failed; ${left} orphan(s)`,
      changes: { created: 0, updated: 0, deleted: done },
      details: results.map((r) => `${r.step}: ${r.status}: ${r.detail}`),
    },
    exitCode: failed.length || orphanFailure ? 1 : 0,
  };
}

/** Terraform as the deps give it (a test), or in the apply's working directory (absolute, inside the workspace). */
async function teardownTerraform(
  io: ActionIO,
  deps: TeardownDeps,
  config: GitspacesConfig,
  workingDir: string,
  keyJson: string,
  setupYaml: () => string | undefined,
): Promise<TeardownTerraformSetup> {
  if (deps.terraform === null)
    return { terraformMissing: 'no Terraform configuration', terraformInitialised: false };
  if (deps.terraform) return { terraform: deps.terraform, terraformInitialised: true };
  // Loaded here: the root generator (and yaml) only once a config was read and terraform is needed.
  const { terraformForTeardown } = await import('./terraform.js');
  return terraformForTeardown(io, config, workingDir, keyJson, setupYaml);
}

type Gcp = Awaited<ReturnType<typeof createGcp>>;

/** The orphan scan's view of GCP, and public DNS for the parent zone's delegation. */
function gcpScanApis(io: ActionIO, gcp: Gcp): OrphanScanApis {
  return {
    compute: gcp.compute,
    dns: gcp.dns,
    certs: gcp.certs,
    iam: gcp.iam,
    dnsClient: dnsClientFromEndpoints(endpointsFromEnv(io.env)),
  };
}

export async function main(io: ActionIO, deps: TeardownDeps = {}): Promise<ActionResult> {
  const startedAt = io.clock.now();
  const inp = io.inputs;
  const dryRun = inp.boolean('dry-run', false);
  const apiKey = readHarnessApiKey(io);
  const givenKey = inp.secret('gcp-credentials');
  const config = deps.config ?? (await loadConfig(inp.optional('config', 'gitspaces.yaml')));
  // A P12 key becomes the equivalent JSON key (in memory) for the clients and Terraform.
  const keyJson =
    (givenKey &&
      (await jsonKeyForP12({
        keyJson: givenKey,
        env: io.env,
        log: io.log,
        clock: io.clock,
        serviceAccountEmail: inp.optional('gcp-service-account-email') || config.gcp.service_account_email,
      }))) ||
    givenKey;
  const steps = readSteps(io);
  const scan = inp.boolean('orphan-scan', true);
  const failOnOrphans = inp.boolean('fail-on-orphans', true);
  const timeoutMs = inp.duration('timeout', 20 * 60_000);
  const pollIntervalMs = inp.duration('poll-interval', 5_000);
  const concurrency = inp.integer('concurrency', 4, 1);
  const givenDir = inp.optional('working-directory');
  // Relative to the workspace (GITHUB_WORKSPACE on a runner); absolute, `~` and `..` are refused as in the config,
  // before anything is deleted.
  const workingDir = resolveInWorkspace(
    givenDir || config.terraform.working_directory,
    io.env,
    givenDir ? 'The working-directory input' : 'terraform.working_directory',
  );
  if (!deps.harness && !apiKey) throw missingHarnessApiKey();

  const harness: TeardownHarness =
    deps.harness ??
    harnessClientFromConfig(config, {
      apiKey,
      env: io.env,
      log: io.log,
      clock: io.clock,
      retry: { attempts: 1 },
    });
  const needGcp = !deps.compute || (scan && !deps.scanApis);
  const gcp = needGcp
    ? createGcp({
        keyJson: keyJson || undefined,
        env: io.env,
        log: io.log,
        clock: io.clock,
        inputName: 'gcp-credentials',
      })
    : undefined;
  try {
    const compute: TeardownCompute = deps.compute ?? (gcp as NonNullable<typeof gcp>).compute;
    let infraSetup: { setupYaml?: string; serviceAccount?: string } = {};
    const tf = await teardownTerraform(io, deps, config, workingDir, keyJson, () => infraSetup.setupYaml);
    infraSetup = await readInfraSetup(io, harness, config);

    if (dryRun) io.log.info('Dry run: looking only; nothing will be changed.');
    const results = await runTeardown({
      config,
      harness,
      compute,
      ...tf,
      log: io.log,
      clock: io.clock,
      dryRun,
      steps,
      pollIntervalMs,
      timeoutMs,
      concurrency,
    });

    let orphans: OrphanScan | undefined;
    if (scan && !results.some((r) => r.status === 'failed')) {
      const apis: OrphanScanApis = deps.scanApis ?? gcpScanApis(io, gcp as Gcp);
      orphans = await scanForOrphans(io, config, apis, infraSetup.serviceAccount);
    }
    return await reportTeardown(
      io,
      startedAt,
      { dryRun, failOnOrphans, allSteps: steps.length === TEARDOWN_STEPS.length },
      results,
      orphans,
    );
  } finally {
    await gcp?.close();
  }
}
