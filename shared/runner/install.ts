import { randomBytes } from 'node:crypto';
import { parse as parseYaml } from 'yaml';
import type { Clock } from '../clock.js';
import type { GitspacesConfig } from '../config/schema.js';
import { ConfigurationError, WaitTimeoutError, errorMessage } from '../errors.js';
import type { Instance, MetadataChange } from '../gcp/compute.js';
import type {
  DelegateGroupSummary,
  DelegateTokenDetails,
  OpenapiCreateInfraProviderConfigRequest,
  TypesCDEGateway,
  TypesInfraProviderConfig,
} from '../harness/types.js';
import type { Logger } from '../logger.js';
import type { CheckResult } from '../report/model.js';
import { Observation, waitFor } from '../retry.js';
import { docUrlFor } from '../checks/types.js';
import {
  BOOTSTRAP_STEPS,
  BootstrapSettings,
  GUEST_NAMESPACE,
  METADATA_KEYS,
  RUNNER_KEY_PATH,
  SECRET_METADATA_KEYS,
  bootstrapHashes,
  fingerprint,
  renderBootstrapScript,
} from './bootstrap.js';
import {
  AFTER_INSTALL_GATES as GATES,
  BootstrapProgress,
  GatewayView,
  fixForStep,
  observeDelegate,
  observeGateways,
  observeRunner,
  parseProgress,
} from '../checks/after-install.js';
import { rewritePoolYaml } from './pool.js';

/** The Compute calls install-runner makes (shared/gcp/compute.ts ComputeApi). */
export interface RunnerCompute {
  getInstance(project: string, zone: string, name: string): Promise<Instance | undefined>;
  getGuestAttributes(
    project: string,
    zone: string,
    name: string,
    queryPath: string,
  ): Promise<Record<string, string>>;
  setInstanceMetadata(
    project: string,
    zone: string,
    name: string,
    changes: readonly MetadataChange[],
  ): Promise<unknown>;
  resetInstance(project: string, zone: string, name: string): Promise<unknown>;
}

/** The Harness calls install-runner makes (shared/harness/client.ts HarnessClient). */
export interface RunnerHarness {
  listDelegateTokens(name?: string): Promise<DelegateTokenDetails[]>;
  createDelegateToken(name: string): Promise<DelegateTokenDetails>;
  delegateGroupsForToken(tokenName: string): Promise<DelegateGroupSummary[]>;
  getInfraProvider(id: string): Promise<TypesInfraProviderConfig | undefined>;
  updateInfraProvider(
    id: string,
    body: OpenapiCreateInfraProviderConfigRequest,
  ): Promise<TypesInfraProviderConfig>;
  listGateways(infraId: string): Promise<TypesCDEGateway[]>;
}

export interface InstallRunnerOptions {
  config: GitspacesConfig;
  compute: RunnerCompute;
  harness: RunnerHarness;
  log: Logger;
  clock: Clock;
  /** The module's pool.yaml (terraform-apply's pool-yaml-path) and where it came from. */
  poolYaml: string;
  poolYamlSource: string;
  /** The service-account key JSON the runner uses to create gitspace VMs (already masked). */
  serviceAccountKey: string;
  /** A delegate token value given as input (already masked): used when the named token exists. */
  delegateToken?: string;
  /** MANAGER_HOST_AND_PORT for the delegate. */
  managerUrl: string;
  vmName?: string;
  manageDelegateSelector: boolean;
  /** Reinstall even when the VM reports a healthy install of the same configuration. */
  force: boolean;
  /** The gateway version GW-101 expects; by default the infra's setup YAML gateway.version. */
  gatewayVersion?: string;
  timeouts: { runnerMs: number; delegateMs: number; gatewayMs: number };
  pollIntervalMs: number;
}

export interface SecretsReport {
  written: boolean;
  consumed: boolean;
  removed: boolean;
  /** One line for the log and the summary. */
  note: string;
}

export interface GateFailure {
  gate: string;
  title: string;
  lastState: string;
  fix: string;
}

export interface InstallRunnerResult {
  vm: { project: string; zone: string; name: string };
  /** false when the VM already ran this configuration healthily and nothing was changed. */
  installed: boolean;
  changes: string[];
  progress?: BootstrapProgress;
  secrets: SecretsReport;
  checks: CheckResult[];
  gateways: GatewayView[];
  runnerHealthy: boolean;
  delegateName: string;
  configHash: string;
  failure?: GateFailure;
}

/** `<infra name>-<runner region>-runner-vm`, the post-0.0.3 module's runner VM, unless the config names one. */
export function runnerVmName(config: GitspacesConfig, override?: string): string {
  return (
    override ||
    config.infrastructure.runner.vm_name ||
    `${config.infrastructure.name}-${config.infrastructure.runner.region}-runner-vm`
  );
}

function selectorsOf(infra: TypesInfraProviderConfig | undefined): string[] {
  const raw = infra?.metadata?.delegate_selectors;
  return (Array.isArray(raw) ? (raw as { selector?: unknown }[]) : [])
    .map((s) => (typeof s?.selector === 'string' ? s.selector : ''))
    .filter(Boolean);
}

/** gateway.version of the infra's setup YAML (what the module deploys), if it says. */
export function setupYamlGatewayVersion(infra: TypesInfraProviderConfig | undefined): string | undefined {
  if (!infra?.setup_yaml) return undefined;
  try {
    const doc = parseYaml(infra.setup_yaml) as { gateway?: { version?: unknown } } | null;
    const v = doc?.gateway?.version;
    return v === undefined || v === null ? undefined : String(v);
  } catch {
    return undefined;
  }
}

/** The identity of a service-account key (not its secret part), stable across JSON formatting. */
function keyIdentity(keyJson: string): string {
  try {
    const k = JSON.parse(keyJson) as { client_email?: string; private_key_id?: string };
    if (k.client_email && k.private_key_id) return fingerprint(`${k.client_email}/${k.private_key_id}`);
  } catch {
    // not JSON: validated by the caller
  }
  return fingerprint(keyJson);
}

export async function installRunner(o: InstallRunnerOptions): Promise<InstallRunnerResult> {
  const { config, compute, harness, log, clock } = o;
  const project = config.gcp.project_id;
  const zone = config.infrastructure.runner.zone;
  const name = runnerVmName(config, o.vmName);
  const infraId = config.infrastructure.identifier;
  const d = config.delegate;
  const changes: string[] = [];
  const checks: CheckResult[] = [];
  const secrets: SecretsReport = {
    written: false,
    consumed: false,
    removed: false,
    note: 'No secret was written to instance metadata (nothing to install).',
  };
  const result: InstallRunnerResult = {
    vm: { project, zone, name },
    installed: false,
    changes,
    secrets,
    checks,
    gateways: [],
    runnerHealthy: false,
    delegateName: d.name,
    configHash: '',
  };

  // ---- everything is read and checked before the first change ----
  const pool = rewritePoolYaml(o.poolYaml, RUNNER_KEY_PATH, o.poolYamlSource);
  for (const p of pool.originalJsonPaths.filter((p) => p !== RUNNER_KEY_PATH))
    log.info(`pool.yaml: json_path ${p} -> ${RUNNER_KEY_PATH} (the runner container only sees /runner)`);

  const vm = await compute.getInstance(project, zone, name);
  if (!vm) {
    throw new ConfigurationError(
      'RUNNER_VM_NOT_FOUND',
      `The runner VM ${name} does not exist in ${project}/${zone}`,
      config.terraform.module.generation === 'v0.0.3'
        ? 'Module v0.0.3 creates no runner VM: create an Ubuntu VM in the runner zone and set infrastructure.runner.vm_name, or pin a post-0.0.3 module with create_runner_vm: true.'
        : 'Run terraform-apply with terraform.create_runner_vm: true (the module creates <name>-<region>-runner-vm), or set infrastructure.runner.vm_name to your VM.',
    );
  }
  if (vm.status && vm.status !== 'RUNNING') {
    throw new ConfigurationError(
      'RUNNER_VM_NOT_RUNNING',
      `The runner VM ${name} is ${vm.status}`,
      `Start it (gcloud compute instances start ${name} --zone ${zone}) and re-run install-runner.`,
    );
  }
  log.info(`Runner VM: ${name} (${zone}, ${vm.status ?? 'status unknown'})`);

  const infra = await harness.getInfraProvider(infraId);
  if (!infra)
    throw new ConfigurationError(
      'INFRA_NOT_FOUND',
      `The Harness infrastructure ${infraId} does not exist`,
      'Run configure-infra first (it creates the infrastructure and its setup YAML).',
    );
  const expectedVersion = o.gatewayVersion || setupYamlGatewayVersion(infra);

  let before: BootstrapProgress;
  try {
    before = parseProgress(await compute.getGuestAttributes(project, zone, name, `${GUEST_NAMESPACE}/`));
  } catch (e) {
    // Guest attributes are off until enable-guest-attributes is set (below): nothing was installed by us yet.
    log.debug(`No guest attributes on ${name} yet: ${errorMessage(e)}`);
    before = parseProgress({});
  }

  // ---- the delegate token: reuse the named one, or create it ----
  const existing = (await harness.listDelegateTokens(d.token_name)).find((t) => t.name === d.token_name);
  let tokenValue = o.delegateToken || undefined;
  let tokenIdentity: string;
  if (existing && existing.status !== 'ACTIVE') {
    throw new ConfigurationError(
      'DELEGATE_TOKEN_REVOKED',
      `The delegate token ${d.token_name} is ${existing.status}`,
      'Set delegate.token_name to a new name (a revoked token cannot be reused or recreated under its name).',
    );
  }
  if (existing) {
    tokenIdentity = `${existing.name}@${existing.uuid ?? existing.createdAt ?? ''}`;
    log.info(`Delegate token ${d.token_name}: exists, reused`);
  } else {
    const created = await harness.createDelegateToken(d.token_name);
    if (created.value) log.mask(created.value);
    tokenValue = created.value;
    tokenIdentity = `${created.name}@${created.uuid ?? created.createdAt ?? ''}`;
    changes.push(`created delegate token ${d.token_name}`);
    log.info(`Delegate token ${d.token_name}: created (account level)`);
  }
  if (tokenValue) log.mask(tokenValue);
  if (!tokenValue && !before.secretsConsumed && !before.secretsOnDisk) {
    throw new ConfigurationError(
      'DELEGATE_TOKEN_VALUE_UNAVAILABLE',
      `The delegate token ${d.token_name} exists, but Harness returns a token's value only when it is created, and this VM has no copy of it yet`,
      `Pass the token's value as the \`delegate-token\` input (from a secret), or set delegate.token_name to a new name so install-runner creates one.`,
    );
  }

  // ---- the infra's delegate selectors ----
  let selectors = selectorsOf(infra);
  const delegateLabels = new Set([...d.tags, d.name]);
  const selectorsMatch = selectors.length > 0 && selectors.every((s) => delegateLabels.has(s));
  if (!selectorsMatch && o.manageDelegateSelector) {
    const wanted = d.tags.map((selector) => ({ selector }));
    await harness.updateInfraProvider(infraId, {
      identifier: infra.identifier ?? infraId,
      name: infra.name ?? config.infrastructure.name,
      space_ref: '',
      type: infra.type ?? 'hybrid_vm_gcp',
      metadata: { ...(infra.metadata ?? {}), delegate_selectors: wanted },
    });
    changes.push(
      `set the infrastructure's delegate selectors to ${d.tags.join(', ')} (were ${selectors.join(', ') || 'none'})`,
    );
    log.info(
      `Infrastructure ${infraId}: delegate selectors ${selectors.join(', ') || '(none)'} -> ${d.tags.join(', ')}`,
    );
    selectors = [...d.tags];
  } else if (!selectorsMatch) {
    log.warning(
      `Infrastructure ${infraId} selects delegates [${selectors.join(', ') || 'none'}], which the delegate's tags [${d.tags.join(', ')}] do not match; manage-delegate-selector is off, so it is left as is.`,
    );
  }

  // ---- the script and the decision to install ----
  const settings: BootstrapSettings = {
    runnerImage: config.runner.image,
    delegate: {
      name: d.name,
      image: d.image,
      tags: d.tags,
      accountId: config.harness.account_id,
      managerUrl: o.managerUrl,
    },
    poolYaml: pool.text,
    keyFingerprint: keyIdentity(o.serviceAccountKey),
    tokenFingerprint: fingerprint(tokenIdentity),
  };
  const script = renderBootstrapScript(settings);
  const hashes = bootstrapHashes(settings);
  result.configHash = hashes.config;
  const currentScript = vm.metadata?.items?.find((i) => i.key === METADATA_KEYS.startupScript)?.value;
  let healthyAlready = false;
  if (
    !o.force &&
    before.configHash === hashes.config &&
    before.status === 'ok' &&
    before.runnerHealth === 'ok' &&
    currentScript === script
  ) {
    const groups = await harness.delegateGroupsForToken(d.token_name);
    healthyAlready = groups.some((g) => g.groupName === d.name && g.activelyConnected);
    if (!healthyAlready)
      log.info(
        'The VM reports this configuration installed, but its delegate is not connected: installing again.',
      );
  }

  let runId: string | undefined;
  const removeSecrets = async (why: string) => {
    if (!secrets.written || secrets.removed) return;
    await compute.setInstanceMetadata(
      project,
      zone,
      name,
      SECRET_METADATA_KEYS.map((key) => ({ key, value: null })),
    );
    secrets.removed = true;
    secrets.note = why;
    log.info(why);
  };

  let failure: GateFailure | undefined;
  const gate = async <T>(
    def: { id: string; title: string },
    expected: string,
    run: () => Promise<{ observed: string; value: T }>,
    fixFor: (lastState: string) => string,
  ): Promise<T | undefined> => {
    const started = clock.now();
    if (failure) {
      checks.push({
        id: def.id,
        title: def.title,
        status: 'skip',
        observed: 'not checked',
        expected,
        fix: `${failure.gate} failed first`,
        docUrl: docUrlFor(def.id),
        durationMs: 0,
      });
      return undefined;
    }
    try {
      const r = await run();
      checks.push({
        id: def.id,
        title: def.title,
        status: 'ok',
        observed: r.observed,
        expected,
        fix: '',
        docUrl: docUrlFor(def.id),
        durationMs: clock.now() - started,
      });
      return r.value;
    } catch (e) {
      if (!(e instanceof WaitTimeoutError)) throw e;
      const fix = e.fix ?? fixFor(e.lastState);
      failure = { gate: def.id, title: def.title, lastState: e.lastState, fix };
      checks.push({
        id: def.id,
        title: def.title,
        status: 'error',
        observed: `${e.lastState} (after ${Math.round(e.waitedMs / 1000)}s)`,
        expected,
        fix,
        docUrl: docUrlFor(def.id),
        durationMs: clock.now() - started,
      });
      log.error(`${def.id} ${def.title}: failed. Last state: ${e.lastState}. Fix: ${fix}`);
      return undefined;
    }
  };

  try {
    if (healthyAlready) {
      log.info(
        `The VM already runs this configuration (config hash ${hashes.config}) with a healthy runner and a connected delegate: nothing to change.`,
      );
      result.progress = before;
    } else {
      runId = `${clock.now().toString(36)}-${randomBytes(3).toString('hex')}`;
      const items: MetadataChange[] = [
        { key: METADATA_KEYS.startupScript, value: script },
        { key: METADATA_KEYS.poolYaml, value: pool.text },
        { key: METADATA_KEYS.serviceAccountKey, value: o.serviceAccountKey },
        { key: METADATA_KEYS.runId, value: runId },
        { key: METADATA_KEYS.enableGuestAttributes, value: 'TRUE' },
      ];
      if (tokenValue) items.push({ key: METADATA_KEYS.delegateToken, value: tokenValue });
      else
        log.info(
          `The token's value is not readable from Harness; the VM keeps the copy it consumed earlier.`,
        );
      // Counted as written before the call: a failure after Compute applied it must still end with the removal.
      secrets.written = true;
      await compute.setInstanceMetadata(project, zone, name, items);
      changes.push(
        `wrote the bootstrap script (config hash ${hashes.config}) and the pool file, key${tokenValue ? ' and delegate token' : ''} into the VM's metadata`,
      );
      log.info(
        `Wrote the startup script and its inputs into ${name}'s metadata; resetting the VM to run it (run ${runId}).`,
      );
      await compute.resetInstance(project, zone, name);
      changes.push(`reset ${name} to run the bootstrap`);
      result.installed = true;
    }

    // RUN-101: follow the bootstrap step by step, remove the secrets once consumed, then /healthz.
    const printed = new Map<string, string>();
    let failedStep: string | undefined;
    let lastWaiting = '';
    const progress = await gate(
      GATES.runner,
      'every bootstrap step ok and GET /healthz = OK',
      async () => {
        const p = await waitFor<BootstrapProgress>(
          async (): Promise<Observation<BootstrapProgress>> => {
            const cur = parseProgress(
              await compute.getGuestAttributes(project, zone, name, `${GUEST_NAMESPACE}/`),
            );
            result.progress = cur;
            if (!runId || cur.runId === runId) {
              for (const s of [...BOOTSTRAP_STEPS, 'secrets-consumed']) {
                const v =
                  s === 'secrets-consumed' ? (cur.secretsConsumed ? 'true' : undefined) : cur.steps[s];
                if (v && v !== 'pending' && printed.get(s) !== v) {
                  printed.set(s, v);
                  log.info(`  ${name}: ${s} = ${v}`);
                }
              }
              if (cur.secretsConsumed && runId) {
                secrets.consumed = true;
                await removeSecrets(
                  'The VM reported the key and the delegate token consumed (on its disk, mode 0600): removed them from instance metadata.',
                );
              }
            }
            const obs = observeRunner(cur, runId);
            failedStep = obs.failedStep;
            if (runId && cur.runId !== runId && obs.state !== lastWaiting)
              log.info(`  ${name}: ${obs.state}`);
            lastWaiting = obs.state;
            return obs;
          },
          {
            describe: `${name} bootstrap`,
            deadlineMs: o.timeouts.runnerMs,
            intervalMs: o.pollIntervalMs,
            clock,
          },
        );
        return { observed: `bootstrap ok on ${name}, GET /healthz = OK`, value: p };
      },
      (last) =>
        failedStep
          ? fixForStep(failedStep, name, zone)
          : last.startsWith('VM rebooting')
            ? `The VM never reported from the bootstrap script: check it booted (\`gcloud compute instances get-serial-port-output ${name} --zone ${zone}\`), that it can reach the metadata server, and the script's log (\`sudo journalctl -u google-startup-scripts\` over IAP SSH); then re-run install-runner, with a longer runner-timeout if the VM is slow to boot.`
            : `The bootstrap was still running (${last}). Raise runner-timeout if the VM is slow (installing Docker takes minutes on a fresh VM). ${fixForStep('runner-health', name, zone)}`,
    );
    result.runnerHealthy = progress !== undefined;

    // DLG-101
    await gate(
      GATES.delegate,
      `delegate ${d.name} actively connected, tagged with the infrastructure's selectors`,
      async () => {
        const g = await waitFor<DelegateGroupSummary>(
          async () => {
            const current = selectorsOf(await harness.getInfraProvider(infraId));
            selectors = current;
            return observeDelegate(
              await harness.delegateGroupsForToken(d.token_name),
              d.name,
              d.token_name,
              current,
            );
          },
          {
            describe: GATES.delegate.id,
            deadlineMs: o.timeouts.delegateMs,
            intervalMs: o.pollIntervalMs,
            clock,
            log,
          },
        );
        return {
          observed: `${g.groupName} connected with tags ${g.tags.join(', ')}; infrastructure selects ${selectors.join(', ')}`,
          value: g,
        };
      },
      (last) =>
        /infrastructure selects|no delegate selector/.test(last)
          ? `Make the infrastructure's Delegate Selector one of the delegate's tags or its name: set delegate.tags in gitspaces.yaml to include ${selectors.map((s) => `'${s}'`).join(', ') || 'the selector'}, or re-run with manage-delegate-selector: true to set the infrastructure's selectors to [${d.tags.join(', ')}].`
          : `The delegate has not connected to ${o.managerUrl}: check the VM reaches it over HTTPS (Cloud NAT), that the token ${d.token_name} is active, and read \`gcloud compute ssh ${name} --zone ${zone} --tunnel-through-iap -- sudo docker logs gitspaces-delegate\`.`,
    );

    // GW-101
    const regions = Object.keys(config.infrastructure.regions);
    let lastViews: GatewayView[] = [];
    await gate(
      GATES.gateway,
      `${regions.join(', ')}: overall_health healthy${expectedVersion ? `, version ${expectedVersion}` : ''}`,
      async () => {
        const views = await waitFor<GatewayView[]>(
          async () => {
            const obs = observeGateways(await harness.listGateways(infraId), regions, expectedVersion);
            lastViews = obs.views;
            return obs;
          },
          {
            describe: GATES.gateway.id,
            deadlineMs: o.timeouts.gatewayMs,
            intervalMs: o.pollIntervalMs,
            clock,
            log,
          },
        );
        return {
          observed: views.map((v) => `${v.region}: ${v.overall_health} ${v.version}`).join('; '),
          value: views,
        };
      },
      (last) =>
        /expected /.test(last)
          ? 'A gateway runs another version than the setup YAML names: re-run configure-infra and terraform-apply so the module deploys the current version.'
          : /no gateway/.test(last)
            ? 'No gateway has reported for a region: check terraform-apply created its gateway instance group, and the gateway VMs reach Harness (serial console of the gateway instances).'
            : 'Gateways usually report healthy 3-5 minutes after the runner and delegate are up; if one stays unhealthy, check its instance group in the Cloud Console (health checks, serial console) and the firewall rules between the gateway and the runner VM, then raise gateway-timeout or re-run.',
    );
    result.gateways = lastViews;
  } finally {
    if (secrets.written && !secrets.removed) {
      try {
        await removeSecrets(
          secrets.consumed
            ? 'Removed the key and the delegate token from instance metadata.'
            : 'Removed the key and the delegate token from instance metadata although the VM never reported them consumed: the VM has no copy; re-run install-runner once it boots.',
        );
      } catch (e) {
        secrets.note = `COULD NOT remove the key and the delegate token from ${name}'s metadata (${errorMessage(e)}): delete the keys ${SECRET_METADATA_KEYS.join(', ')} by hand.`;
        log.error(secrets.note);
      }
    } else if (!secrets.written) {
      secrets.note = 'No secret was written to instance metadata: the VM already had this configuration.';
    }
  }
  result.failure = failure;
  return result;
}
