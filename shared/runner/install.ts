import { randomBytes } from 'node:crypto';
import { parse as parseYaml } from 'yaml';
import type { Clock } from '../clock.js';
import type { GitspacesConfig } from '../config/schema.js';
import { ConfigurationError, errorMessage } from '../errors.js';
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
import {
  BootstrapHashes,
  BootstrapSettings,
  GUEST_NAMESPACE,
  METADATA_KEYS,
  RUNNER_KEY_PATH,
  SECRET_METADATA_KEYS,
  bootstrapHashes,
  fingerprint,
  renderBootstrapScript,
} from './bootstrap.js';
import { DelegateTokenUse, ensureDelegateToken } from './delegate-token.js';
import { BootstrapProgress, GatewayView, parseProgress } from '../checks/after-install.js';
import {
  GateContext,
  HealthGates,
  selectorsOf,
  waitForBootstrap,
  waitForDelegate,
  waitForGateways,
} from './install-gates.js';
import { InstanceSecrets, SecretsReport } from './instance-secrets.js';
import { PoolFile, rewritePoolYaml } from './pool.js';

export { GATES } from './install-gates.js';
export type { SecretsReport } from './instance-secrets.js';

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
  /** Serial port 1 from byte `start` on (install-runner reads the bootstrap's last line there). */
  getSerialPortOutput?(
    project: string,
    zone: string,
    name: string,
    start?: number,
  ): Promise<{ contents: string; next: number }>;
}

/** The Harness calls install-runner makes (shared/harness/client.ts HarnessClient). */
export interface RunnerHarness {
  getDelegateToken(name: string): Promise<DelegateTokenDetails | undefined>;
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
  /** A delegate token value given as input (already masked): sent to the VM instead of the value Harness returns. */
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
  /**
   * Wait for every region's gateway (GW-101; the default). false: the caller waits for each region's gateway
   * itself (the pipeline, to use each region as soon as its own gateway is healthy); GW-101 is recorded skipped.
   */
  waitForGateways?: boolean;
  pollIntervalMs: number;
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

type VmRef = InstallRunnerResult['vm'];

/** The module's pool.yaml with json_path pointing where the runner container sees the key. */
function readPoolFile(o: InstallRunnerOptions): PoolFile {
  const pool = rewritePoolYaml(o.poolYaml, RUNNER_KEY_PATH, o.poolYamlSource);
  for (const p of pool.originalJsonPaths.filter((p) => p !== RUNNER_KEY_PATH))
    o.log.info(`pool.yaml: json_path ${p} -> ${RUNNER_KEY_PATH} (the runner container only sees /runner)`);
  return pool;
}

/** The runner VM, which must exist and be running: install-runner installs onto it, it does not create it. */
async function ensureRunnerVm(o: InstallRunnerOptions, vm: VmRef): Promise<Instance> {
  const { project, zone, name } = vm;
  const instance = await o.compute.getInstance(project, zone, name);
  if (!instance) {
    throw new ConfigurationError(
      'RUNNER_VM_NOT_FOUND',
      `The runner VM ${name} does not exist in ${project}/${zone}`,
      o.config.terraform.module.generation === 'v0.0.3'
        ? 'Module v0.0.3 creates no runner VM: create an Ubuntu VM in the runner zone and set infrastructure.runner.vm_name, or pin a post-0.0.3 module with create_runner_vm: true.'
        : 'Run terraform-apply with terraform.create_runner_vm: true (the module creates <name>-<region>-runner-vm), or set infrastructure.runner.vm_name to your VM.',
    );
  }
  if (instance.status && instance.status !== 'RUNNING') {
    throw new ConfigurationError(
      'RUNNER_VM_NOT_RUNNING',
      `The runner VM ${name} is ${instance.status}`,
      `Start it (gcloud compute instances start ${name} --zone ${zone}) and re-run install-runner.`,
    );
  }
  o.log.info(`Runner VM: ${name} (${zone}, ${instance.status ?? 'status unknown'})`);
  return instance;
}

async function readInfrastructure(o: InstallRunnerOptions): Promise<TypesInfraProviderConfig> {
  const infraId = o.config.infrastructure.identifier;
  const infra = await o.harness.getInfraProvider(infraId);
  if (!infra)
    throw new ConfigurationError(
      'INFRA_NOT_FOUND',
      `The Harness infrastructure ${infraId} does not exist`,
      'Run configure-infra first (it creates the infrastructure and its setup YAML).',
    );
  return infra;
}

/** The reads installRunner decides on, started together; a failed one rejects where it is awaited. */
interface FirstReads {
  infra: Promise<TypesInfraProviderConfig>;
  progress: Promise<BootstrapProgress>;
  token: Promise<DelegateTokenDetails | undefined>;
  groups: Promise<DelegateGroupSummary[]>;
  /** Every region's gateways, when this install waits for them (GW-101). */
  gateways?: Promise<TypesCDEGateway[]>;
}

function startReads(o: InstallRunnerOptions, vm: VmRef): FirstReads {
  const tokenName = o.config.delegate.token_name;
  const reads: FirstReads = {
    infra: readInfrastructure(o),
    progress: readBootstrapProgress(o, vm),
    token: o.harness.getDelegateToken(tokenName),
    groups: o.harness.delegateGroupsForToken(tokenName),
    gateways:
      o.waitForGateways === false ? undefined : o.harness.listGateways(o.config.infrastructure.identifier),
  };
  // A read not awaited (the run stopped earlier, or needed no groups) must not become an unhandled rejection.
  for (const p of Object.values(reads) as (Promise<unknown> | undefined)[]) p?.catch(() => undefined);
  return reads;
}

/** What the VM reported from its last bootstrap, if anything. */
async function readBootstrapProgress(o: InstallRunnerOptions, vm: VmRef): Promise<BootstrapProgress> {
  try {
    return parseProgress(
      await o.compute.getGuestAttributes(vm.project, vm.zone, vm.name, `${GUEST_NAMESPACE}/`),
    );
  } catch (e) {
    // Guest attributes are off until enable-guest-attributes is set (below): nothing was installed by us yet.
    o.log.debug(`No guest attributes on ${vm.name} yet: ${errorMessage(e)}`);
    return parseProgress({});
  }
}

/**
 * The infrastructure selects delegates by tag: when none of its selectors is a tag (or the name) of our
 * delegate, set them to the delegate's tags (manage-delegate-selector), or warn. Returns the selectors in force.
 */
async function ensureDelegateSelectors(
  o: InstallRunnerOptions,
  infra: TypesInfraProviderConfig,
  changes: string[],
): Promise<string[]> {
  const d = o.config.delegate;
  const infraId = o.config.infrastructure.identifier;
  const selectors = selectorsOf(infra);
  const delegateLabels = new Set([...d.tags, d.name]);
  const selectorsMatch = selectors.length > 0 && selectors.every((s) => delegateLabels.has(s));
  if (selectorsMatch) return selectors;
  if (!o.manageDelegateSelector) {
    o.log.warning(
      `Infrastructure ${infraId} selects delegates [${selectors.join(', ') || 'none'}], which the delegate's tags [${d.tags.join(', ')}] do not match; manage-delegate-selector is off, so it is left as is.`,
    );
    return selectors;
  }
  await o.harness.updateInfraProvider(infraId, {
    identifier: infra.identifier ?? infraId,
    name: infra.name ?? o.config.infrastructure.name,
    space_ref: '',
    type: infra.type ?? 'hybrid_vm_gcp',
    metadata: { ...(infra.metadata ?? {}), delegate_selectors: d.tags.map((selector) => ({ selector })) },
  });
  changes.push(
    `set the infrastructure's delegate selectors to ${d.tags.join(', ')} (were ${selectors.join(', ') || 'none'})`,
  );
  o.log.info(
    `Infrastructure ${infraId}: delegate selectors ${selectors.join(', ') || '(none)'} -> ${d.tags.join(', ')}`,
  );
  return [...d.tags];
}

/** The startup script for this configuration, and the hashes that say whether the VM already runs it. */
interface BootstrapPlan {
  script: string;
  hashes: BootstrapHashes;
}

function planBootstrap(o: InstallRunnerOptions, pool: PoolFile, token: DelegateTokenUse): BootstrapPlan {
  const { config } = o;
  const d = config.delegate;
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
    tokenFingerprint: fingerprint(token.identity),
  };
  return { script: renderBootstrapScript(settings), hashes: bootstrapHashes(settings) };
}

/**
 * Nothing to install when the VM reports this very configuration installed and healthy, runs this script,
 * and its delegate is connected (unless forced).
 */
async function alreadyHealthy(
  o: InstallRunnerOptions,
  instance: Instance,
  before: BootstrapProgress,
  plan: BootstrapPlan,
  groupsRead: Promise<DelegateGroupSummary[]>,
): Promise<boolean> {
  const currentScript = instance.metadata?.items?.find((i) => i.key === METADATA_KEYS.startupScript)?.value;
  if (
    o.force ||
    before.configHash !== plan.hashes.config ||
    before.status !== 'ok' ||
    before.runnerHealth !== 'ok' ||
    currentScript !== plan.script
  )
    return false;
  const d = o.config.delegate;
  const groups = await groupsRead;
  const connected = groups.some((g) => g.groupName === d.name && g.activelyConnected);
  if (!connected)
    o.log.info(
      'The VM reports this configuration installed, but its delegate is not connected: installing again.',
    );
  return connected;
}

/**
 * Writes the script and its inputs (the secrets among them) into the VM's metadata and resets the VM so the
 * script runs. Returns the run id the VM will report back.
 */
async function writeInstanceMetadata(
  o: InstallRunnerOptions,
  ctx: GateContext,
  pool: PoolFile,
  plan: BootstrapPlan,
  token: DelegateTokenUse,
): Promise<string> {
  const { project, zone, name } = ctx.result.vm;
  const changes = ctx.result.changes;
  const runId = `${o.clock.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  const items: MetadataChange[] = [
    { key: METADATA_KEYS.startupScript, value: plan.script },
    { key: METADATA_KEYS.poolYaml, value: pool.text },
    { key: METADATA_KEYS.serviceAccountKey, value: o.serviceAccountKey },
    { key: METADATA_KEYS.runId, value: runId },
    { key: METADATA_KEYS.enableGuestAttributes, value: 'TRUE' },
  ];
  if (token.value) items.push({ key: METADATA_KEYS.delegateToken, value: token.value });
  else {
    // A value an interrupted run left there would win over the VM's copy on disk: the VM keeps its own.
    items.push({ key: METADATA_KEYS.delegateToken, value: null });
    o.log.info(`The token's value is not readable from Harness; the VM keeps the copy it consumed earlier.`);
  }
  await ctx.secrets.write(items);
  changes.push(
    `wrote the bootstrap script (config hash ${plan.hashes.config}) and the pool file, key${token.value ? ' and delegate token' : ''} into the VM's metadata`,
  );
  o.log.info(
    `Wrote the startup script and its inputs into ${name}'s metadata; resetting the VM to run it (run ${runId}).`,
  );
  await o.compute.resetInstance(project, zone, name);
  changes.push(`reset ${name} to run the bootstrap`);
  ctx.result.installed = true;
  return runId;
}

/** The secret keys the VM's metadata holds now (none, unless a run ended between writing and removing them). */
function secretKeysIn(instance: Instance): string[] {
  const present = new Set((instance.metadata?.items ?? []).map((i) => i.key));
  return SECRET_METADATA_KEYS.filter((k) => present.has(k));
}

/**
 * The VM runs this configuration healthily, yet an earlier run left the key and the delegate token in its
 * metadata: that run was killed after writing them, and either the VM consumed them (the reset went through) or
 * it never needed them (it already ran this configuration). "Already healthy" used to mean "nothing to do", and
 * the secrets stayed there for good. They are removed now, before the gates: the healthy VM holds its own copy
 * on disk, whose fingerprints the matching config hash covers, and a bootstrap that runs again (a reboot) keeps
 * that copy when metadata has none.
 */
async function removeLeftOverSecrets(secrets: InstanceSecrets, changes: string[]): Promise<void> {
  if (!secrets.report.leftOver) return;
  await secrets.remove(
    'Removed the key and the delegate token an interrupted earlier run had left in instance metadata (the VM holds its own copy, on disk).',
  );
  changes.push(`removed the key and the delegate token an interrupted earlier run left in the VM's metadata`);
}

/**
 * Installs the runner and the delegate on the runner VM through its startup script, then waits on the three
 * gates. Everything is read and checked before the first change; secrets never stay in instance metadata.
 */
export async function installRunner(o: InstallRunnerOptions): Promise<InstallRunnerResult> {
  const { config } = o;
  const vm = {
    project: config.gcp.project_id,
    zone: config.infrastructure.runner.zone,
    name: runnerVmName(config, o.vmName),
  };
  const secrets = new InstanceSecrets(o.compute, vm, o.log);
  const result: InstallRunnerResult = {
    vm,
    installed: false,
    changes: [],
    secrets: secrets.report,
    checks: [],
    gateways: [],
    runnerHealthy: false,
    delegateName: config.delegate.name,
    configHash: '',
  };

  const pool = readPoolFile(o);
  // Every read the install decides on, sent at once (one round trip instead of five one after another): the VM
  // and its last report from Compute, the infrastructure, the delegate token and its groups from Harness. Each
  // read's failure is reported where it is used, as when they were read in turn.
  const reads = startReads(o, vm);
  const instance = await ensureRunnerVm(o, vm);
  secrets.foundLeftOver(secretKeysIn(instance));
  try {
    const before = await reads.progress;
    const infra = await reads.infra;
    const expectedVersion = o.gatewayVersion || setupYamlGatewayVersion(infra);
    const token = await ensureDelegateToken(o.harness, config, o.log, before, o.delegateToken, reads.token);
    if (token.created) result.changes.push(`created delegate token ${config.delegate.token_name}`);
    const selectors = await ensureDelegateSelectors(o, infra, result.changes);

    const plan = planBootstrap(o, pool, token);
    result.configHash = plan.hashes.config;
    const healthy = await alreadyHealthy(o, instance, before, plan, reads.groups);

    const gates = new HealthGates(result.checks, o.clock, o.log);
    const ctx: GateContext = { o, result, secrets, gates };
    if (healthy) {
      o.log.info(
        `The VM already runs this configuration (config hash ${plan.hashes.config}) with a healthy runner and a connected delegate: nothing to install.`,
      );
      result.progress = before;
      // Nothing was installed: RUN-101 and DLG-101 first judge the readings the decision was made on, moments ago
      // (the infrastructure's only when this run left it as read); a gate they do not pass reads afresh.
      ctx.seen = {
        progress: before,
        ...(result.changes.length ? {} : { infra, groups: await reads.groups }),
        // A gateways read that failed is no reading: GW-101 reads afresh, as it polls through a transient error.
        gateways: await reads.gateways?.catch(() => undefined),
      };
      await removeLeftOverSecrets(secrets, result.changes);
    } else {
      // Not healthy: the write below replaces any secret left in metadata, and is removed like it once consumed.
      ctx.runId = await writeInstanceMetadata(o, ctx, pool, plan, token);
    }
    result.runnerHealthy = (await waitForBootstrap(ctx)) !== undefined;
    await waitForDelegate(ctx, selectors);
    await waitForGateways(ctx, expectedVersion);
    result.failure = gates.failure;
  } finally {
    // Whatever happened, no secret stays in metadata: this run's, or those an interrupted run left there.
    await secrets.removeAtEnd();
  }
  return result;
}
