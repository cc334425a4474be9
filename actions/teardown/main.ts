import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { parse } from 'yaml';
import type { ActionIO, ActionResult } from '../../shared/action.js';
import { loadConfig } from '../../shared/config/load.js';
import type { GitspacesConfig } from '../../shared/config/schema.js';
import { dnsClientFromEndpoints } from '../../shared/dns/query.js';
import { endpointsFromEnv } from '../../shared/endpoints.js';
import { ConfigurationError, errorMessage } from '../../shared/errors.js';
import { createGcp } from '../../shared/gcp/index.js';
import {
  harnessClientFromConfig,
  missingHarnessApiKey,
  readHarnessApiKey,
} from '../../shared/harness/client.js';
import { maskSecret } from '../../shared/inputs.js';
import { OrphanScan, OrphanScanApis, scanOrphans } from '../../shared/teardown/orphans.js';
import { renderTeardownSummary } from '../../shared/teardown/report.js';
import {
  TEARDOWN_STEPS,
  TeardownCompute,
  TeardownHarness,
  TeardownStep,
  TeardownTerraform,
  runTeardown,
} from '../../shared/teardown/steps.js';
import { TerraformCli } from '../../shared/terraform/cli.js';
import { terraformEnvForRoot, writeRootForRemoteState } from '../../shared/terraform/state-run.js';

/** Collaborators; each defaults to the real one built from the inputs and the environment. */
export interface TeardownDeps {
  config?: GitspacesConfig;
  harness?: TeardownHarness;
  compute?: TeardownCompute;
  scanApis?: OrphanScanApis;
  terraform?: TeardownTerraform | null;
}

/** The module's `project.service_account` from the infra's setup YAML, when the infra still exists. */
function serviceAccountFromSetupYaml(yamlText: string | undefined): string | undefined {
  if (!yamlText) return undefined;
  try {
    const doc = parse(yamlText) as { project?: { service_account?: unknown } } | null;
    const sa = doc?.project?.service_account;
    return typeof sa === 'string' && sa ? sa : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `terraform destroy` evaluates the module's variables again: the key file and the Infra Config YAML that
 * the apply named in terraform.tfvars.json must exist. A teardown in a later job (or after the apply removed
 * its key copy) writes them back from the credentials and from Harness, and removes what it wrote.
 */
function prepareVariableFiles(
  io: ActionIO,
  dir: string,
  keyJson: string,
  setupYaml: () => string | undefined,
): () => void {
  const written: string[] = [];
  const tfvarsPath = join(dir, 'terraform.tfvars.json');
  if (!existsSync(tfvarsPath)) return () => {};
  let vars: Record<string, unknown>;
  try {
    vars = JSON.parse(readFileSync(tfvarsPath, 'utf8')) as Record<string, unknown>;
  } catch {
    return () => {};
  }
  const put = (path: unknown, text: string | undefined, what: string) => {
    if (typeof path !== 'string' || !path || existsSync(resolve(dir, path))) return;
    if (!text) {
      io.log.warning(
        `${what} ${path} (named in terraform.tfvars.json) is missing and cannot be recreated; terraform destroy may fail.`,
      );
      return;
    }
    const full = resolve(dir, path);
    mkdirSync(dirname(full), { recursive: true, mode: 0o700 });
    writeFileSync(full, text, { mode: 0o600 });
    written.push(full);
  };
  let key = keyJson;
  if (key && !key.trim().startsWith('{') && existsSync(key)) key = readFileSync(key, 'utf8');
  if (!key && io.env.GOOGLE_APPLICATION_CREDENTIALS && existsSync(io.env.GOOGLE_APPLICATION_CREDENTIALS))
    key = readFileSync(io.env.GOOGLE_APPLICATION_CREDENTIALS, 'utf8');
  if (key) maskSecret(io.log, key);
  put(vars.service_account_key_file, key || undefined, 'The service-account key file');
  put(vars.infra_config_yaml_file, setupYaml(), 'The Infra Config YAML');
  return () => {
    for (const f of written) rmSync(f, { force: true });
  };
}

export async function main(io: ActionIO, deps: TeardownDeps = {}): Promise<ActionResult> {
  const startedAt = io.clock.now();
  const inp = io.inputs;
  const dryRun = inp.boolean('dry-run', false);
  const apiKey = readHarnessApiKey(io);
  const keyJson = inp.secret('gcp-credentials');
  const config = deps.config ?? (await loadConfig(inp.optional('config', 'gitspaces.yaml')));
  const stepsInput = inp.list('steps');
  for (const s of stepsInput) {
    if (!(TEARDOWN_STEPS as readonly string[]).includes(s))
      throw new ConfigurationError(
        'INPUT_INVALID',
        `Unknown teardown step "${s}"`,
        `Use any of: ${TEARDOWN_STEPS.join(', ')} (or leave \`steps\` empty for all).`,
      );
  }
  const steps = stepsInput.length ? (stepsInput as TeardownStep[]) : [...TEARDOWN_STEPS];
  const scan = inp.boolean('orphan-scan', true);
  const failOnOrphans = inp.boolean('fail-on-orphans', true);
  const timeoutMs = inp.duration('timeout', 20 * 60_000);
  const pollIntervalMs = inp.duration('poll-interval', 5_000);
  const concurrency = inp.integer('concurrency', 4, 1);
  const workingDir = inp.optional('working-directory', config.terraform.working_directory);
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

    // Terraform: the working directory the apply used; nothing there means nothing to destroy from here.
    const dir = isAbsolute(workingDir)
      ? workingDir
      : resolve(io.env.GITHUB_WORKSPACE ?? process.cwd(), workingDir);
    let terraform: TeardownTerraform | undefined = deps.terraform ?? undefined;
    let terraformMissing: string | undefined;
    let terraformInitialised = deps.terraform ? true : false;
    if (deps.terraform === undefined) {
      const hasConfig =
        (existsSync(dir) && readdirSync(dir).some((f) => f.endsWith('.tf') || f.endsWith('.tf.json'))) ||
        writeRootForRemoteState(dir, config, io.env);
      if (!hasConfig)
        terraformMissing = `no Terraform configuration in ${dir}: nothing to destroy from here (set working-directory, or run teardown where terraform-apply ran or with its remote backend)`;
      else {
        const runner = new TerraformCli({
          binary: config.terraform.binary,
          cwd: dir,
          env: terraformEnvForRoot({ ...process.env, ...io.env }, dir),
          log: io.log,
          lockTimeout: config.terraform.lock_timeout,
        });
        terraformInitialised = existsSync(join(dir, '.terraform'));
        terraform = {
          init: () =>
            runner.init(
              config.terraform.backend
                ? Object.fromEntries(
                    Object.entries(config.terraform.backend.config).map(([k, v]) => [k, String(v)]),
                  )
                : {},
            ),
          exec: (args, opts) => runner.exec(args, opts),
          destroy: async () => {
            const cleanup = prepareVariableFiles(io, dir, keyJson, () => setupYaml);
            try {
              await runner.destroy();
            } finally {
              cleanup();
            }
          },
        };
      }
    } else if (deps.terraform === null) terraformMissing = 'no Terraform configuration';

    // Read before the infra provider goes: the service account the module created is named in its YAML.
    let serviceAccount: string | undefined;
    let setupYaml: string | undefined;
    try {
      setupYaml = (await harness.getInfraProvider(config.infrastructure.identifier))?.setup_yaml;
      serviceAccount = serviceAccountFromSetupYaml(setupYaml);
    } catch (e) {
      io.log.debug(`infra provider not readable: ${errorMessage(e)}`);
    }

    if (dryRun) io.log.info('Dry run: looking only; nothing will be changed.');
    const results = await runTeardown({
      config,
      harness,
      compute,
      terraform,
      terraformMissing,
      terraformInitialised,
      log: io.log,
      clock: io.clock,
      dryRun,
      steps,
      pollIntervalMs,
      timeoutMs,
      concurrency,
    });
    const failed = results.filter((r) => r.status === 'failed');

    let orphans: OrphanScan | undefined;
    if (scan && !failed.length) {
      const apis: OrphanScanApis = deps.scanApis ?? {
        compute: (gcp as NonNullable<typeof gcp>).compute,
        dns: (gcp as NonNullable<typeof gcp>).dns,
        certs: (gcp as NonNullable<typeof gcp>).certs,
        iam: (gcp as NonNullable<typeof gcp>).iam,
        dnsClient: dnsClientFromEndpoints(endpointsFromEnv(io.env)),
      };
      orphans = await io.log.group('Orphan scan', () => scanOrphans(config, apis, { serviceAccount }));
      if (!orphans.orphans.length) io.log.info('Orphan scan: nothing left.');
      for (const o of orphans.orphans)
        io.log.warning(`Left: ${o.kind} ${o.name} (${o.where}; ${o.reason}). Remove with: ${o.command}`);
      for (const n of orphans.notices) io.log.warning(`${n.title}: ${n.detail} ${n.fix}`);
      for (const s of orphans.skipped) io.log.info(`Orphan scan could not look: ${s}`);
    }

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
    const orphanFailure = !dryRun && failOnOrphans && left > 0 && steps.length === TEARDOWN_STEPS.length;
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
  } finally {
    await gcp?.close();
  }
}
