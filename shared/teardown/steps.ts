import type { Clock } from '../clock.js';
import type { GitspacesConfig } from '../config/schema.js';
import { RemoteError, errorMessage } from '../errors.js';
import { Pacer, statusOf } from '../gitspaces/backoff.js';
import { GitspaceContext, deleteOne, idOf } from '../gitspaces/gitspaces.js';
import type { GitspaceView, HarnessCdeApi } from '../gitspaces/types.js';
import type { Instance, MetadataChange, Operation } from '../gcp/compute.js';
import type {
  DelegateGroupSummary,
  DelegateTokenDetails,
  TypesInfraProviderConfig,
} from '../harness/types.js';
import type { Logger } from '../logger.js';
import { mapLimit } from '../retry.js';
import { BUNDLE_TOKEN_PREFIX, isBundleToken } from '../runner/delegate-token.js';
import { RUNNER_METADATA_KEYS, TEARDOWN_ATTRIBUTE, stopScript } from './runner-stop.js';

/** The reverse of the setup, in the order the API requires. */
export const TEARDOWN_STEPS = [
  'gitspaces',
  'machines',
  'runner',
  'delegate-token',
  'terraform',
  'infra-provider',
] as const;
export type TeardownStep = (typeof TEARDOWN_STEPS)[number];

export type StepStatus = 'done' | 'nothing-to-do' | 'would-do' | 'skipped' | 'failed';

export interface StepResult {
  step: TeardownStep;
  status: StepStatus;
  detail: string;
  /** Each change made (or, in a dry run, that would be made). */
  actions: string[];
}

export interface TeardownHarness extends HarnessCdeApi {
  getInfraProvider(id: string): Promise<TypesInfraProviderConfig | undefined>;
  deleteInfraProvider(id: string): Promise<void>;
  listDelegateTokens(name?: string): Promise<DelegateTokenDetails[]>;
  delegateGroupsForToken(tokenName: string): Promise<DelegateGroupSummary[]>;
  revokeDelegateToken(name: string): Promise<unknown>;
}

export interface TeardownCompute {
  getInstance(project: string, zone: string, name: string): Promise<Instance | undefined>;
  setInstanceMetadata(
    project: string,
    zone: string,
    name: string,
    changes: readonly MetadataChange[],
  ): Promise<Operation>;
  resetInstance(project: string, zone: string, name: string): Promise<Operation>;
  getGuestAttributes(
    project: string,
    zone: string,
    name: string,
    queryPath: string,
  ): Promise<Record<string, string>>;
}

/** Terraform as teardown needs it (shared/terraform/cli.ts's TerraformCli). */
export interface TeardownTerraform {
  init(): Promise<void>;
  destroy(): Promise<void>;
  exec(
    args: string[],
    opts?: { quiet?: boolean },
  ): Promise<{ exitCode: number; stdout: string; stderr: string }>;
}

export interface TeardownOptions {
  config: GitspacesConfig;
  harness: TeardownHarness;
  compute: TeardownCompute;
  /** undefined: no Terraform configuration to destroy (the reason is in terraformMissing). */
  terraform?: TeardownTerraform;
  terraformMissing?: string;
  /** Whether `terraform init` has already run in the working directory. */
  terraformInitialised?: boolean;
  log: Logger;
  clock: Clock;
  dryRun: boolean;
  /** Which steps to run (default: all, in order). */
  steps?: readonly TeardownStep[];
  pollIntervalMs: number;
  timeoutMs: number;
  concurrency: number;
}

export function runnerVmName(config: GitspacesConfig): string {
  const r = config.infrastructure.runner;
  return r.vm_name || `${config.infrastructure.name}-${r.region}-runner-vm`;
}

type StepFn = (o: TeardownOptions, pacer: Pacer) => Promise<Omit<StepResult, 'step'>>;

function isNotFound(e: unknown): boolean {
  return statusOf(e) === 404;
}

/** The gitspaces on this infra (by their machine's infra) or declared in the config. */
function ownGitspaces(o: TeardownOptions, list: readonly GitspaceView[]): GitspaceView[] {
  const names = new Set(o.config.gitspaces.map((g) => g.name));
  const infraId = o.config.infrastructure.identifier;
  return list.filter(
    (g) => g.resource?.config_identifier === infraId || (g.name !== undefined && names.has(g.name)),
  );
}

const gitspacesStep: StepFn = async (o, pacer) => {
  const project = o.config.harness.project;
  if (!project)
    return {
      status: 'skipped',
      detail: 'harness.project is not set: no project to look for gitspaces in',
      actions: [],
    };
  const ctx: GitspaceContext = {
    api: o.harness,
    accountId: o.config.harness.account_id,
    org: o.config.harness.org,
    project,
    infraId: o.config.infrastructure.identifier,
    pacer,
    log: o.log,
    clock: o.clock,
    pollIntervalMs: o.pollIntervalMs,
    timeoutMs: o.timeoutMs,
  };
  const list = ownGitspaces(
    o,
    await pacer.call('list gitspaces', () => o.harness.listGitspaces(o.config.harness.org, project)),
  );
  if (!list.length)
    return {
      status: 'nothing-to-do',
      detail: `no gitspaces of ${ctx.infraId} in ${o.config.harness.org}/${project}`,
      actions: [],
    };
  const actions = list.map((g) => `stop and delete gitspace ${idOf(g)} (${g.state ?? 'unknown'})`);
  if (o.dryRun)
    return { status: 'would-do', detail: `${list.length} gitspace(s) would be stopped and deleted`, actions };
  const outcomes = await mapLimit(list, o.concurrency, (g) => deleteOne(ctx, g.name ?? idOf(g), g));
  return { status: 'done', detail: `${outcomes.length} gitspace(s) stopped and deleted`, actions };
};

const machinesStep: StepFn = async (o, pacer) => {
  const infraId = o.config.infrastructure.identifier;
  const infra = await pacer.call('get infra provider', () => o.harness.getInfraProvider(infraId));
  if (!infra)
    return { status: 'nothing-to-do', detail: `infra provider ${infraId} does not exist`, actions: [] };
  const machines = await pacer.call('list machines', () => o.harness.listResources(infraId));
  if (!machines.length) return { status: 'nothing-to-do', detail: `no machines in ${infraId}`, actions: [] };
  const actions = machines.map(
    (m) => `delete machine ${m.name ?? '?'} (${m.identifier ?? '?'}, ${m.region ?? '?'})`,
  );
  if (o.dryRun)
    return { status: 'would-do', detail: `${machines.length} machine(s) would be deleted`, actions };
  for (const m of machines) {
    try {
      await pacer.call(`delete machine ${m.identifier}`, () =>
        o.harness.deleteResource(infraId, m.identifier ?? m.name ?? ''),
      );
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
    o.log.info(`Deleted machine ${m.name} (${m.identifier})`);
  }
  return { status: 'done', detail: `${machines.length} machine(s) deleted`, actions };
};

const runnerStep: StepFn = async (o) => {
  const project = o.config.gcp.project_id;
  const zone = o.config.infrastructure.runner.zone;
  const name = runnerVmName(o.config);
  const where = `${name} (${zone})`;
  const vm = await o.compute.getInstance(project, zone, name);
  if (!vm) return { status: 'nothing-to-do', detail: `runner VM ${where} does not exist`, actions: [] };
  const keys = new Set((vm.metadata?.items ?? []).map((i) => i.key));
  const leftKeys = RUNNER_METADATA_KEYS.filter((k) => keys.has(k));
  const attrs = await o.compute
    .getGuestAttributes(project, zone, name, `${TEARDOWN_ATTRIBUTE.split('/')[0]}/`)
    .catch(() => ({}) as Record<string, string>);
  const stopped = attrs[TEARDOWN_ATTRIBUTE] === 'stopped';
  const running = (vm.status ?? 'RUNNING') === 'RUNNING';
  const actions: string[] = [];
  if (!stopped && running)
    actions.push(`stop and remove the delegate and runner containers on ${where} (stop script + reset)`);
  if (leftKeys.length || (!stopped && running))
    actions.push(`remove metadata ${[...new Set([...leftKeys, 'startup-script'])].join(', ')} from ${where}`);
  if (!actions.length)
    return {
      status: 'nothing-to-do',
      detail: `delegate and runner on ${where} already stopped; no metadata left`,
      actions,
    };
  if (o.dryRun)
    return { status: 'would-do', detail: `delegate and runner on ${where} would be stopped`, actions };
  if (!stopped && running) {
    o.log.info(
      `Stopping the delegate and runner on ${where}: replacing its startup script with a stop script and resetting it`,
    );
    const secrets = RUNNER_METADATA_KEYS.filter((k) => k !== 'startup-script').map((key) => ({
      key,
      value: null,
    }));
    await o.compute.setInstanceMetadata(project, zone, name, [
      { key: 'startup-script', value: stopScript() },
      ...secrets,
    ]);
    await o.compute.resetInstance(project, zone, name);
    const start = o.clock.now();
    for (;;) {
      const a = await o.compute
        .getGuestAttributes(project, zone, name, `${TEARDOWN_ATTRIBUTE.split('/')[0]}/`)
        .catch(() => ({}) as Record<string, string>);
      if (a[TEARDOWN_ATTRIBUTE] === 'stopped') break;
      if (o.clock.now() - start > o.timeoutMs) {
        o.log.warning(
          `The runner VM ${where} did not report the delegate and runner stopped within ${Math.round(o.timeoutMs / 1000)}s; terraform destroy removes the VM anyway.`,
        );
        break;
      }
      await o.clock.sleep(o.pollIntervalMs);
    }
  }
  await o.compute.setInstanceMetadata(
    project,
    zone,
    name,
    RUNNER_METADATA_KEYS.map((key) => ({ key, value: null })),
  );
  return {
    status: 'done',
    detail: `delegate and runner on ${where} stopped; startup script and secrets removed from its metadata`,
    actions,
  };
};

/**
 * Revokes delegate.token_name only when it is the bundle's (the naming rule in shared/runner/delegate-token.ts)
 * and no delegate but ours uses it: a token the user brought, or one another delegate shares, stays active.
 */
const tokenStep: StepFn = async (o, pacer) => {
  const name = o.config.delegate.token_name;
  const tokens = (await pacer.call('list delegate tokens', () => o.harness.listDelegateTokens(name))).filter(
    (t) => t.name === name,
  );
  const active = tokens.filter((t) => t.status === 'ACTIVE');
  if (!active.length)
    return {
      status: 'nothing-to-do',
      detail: tokens.length ? `delegate token ${name} already revoked` : `no delegate token ${name}`,
      actions: [],
    };
  if (!isBundleToken(name))
    return {
      status: 'skipped',
      detail: `delegate token ${name} left active: its name does not start with ${BUNDLE_TOKEN_PREFIX}, so this bundle did not create it; revoke it in Harness (Account Settings -> Delegates -> Tokens) once nothing uses it`,
      actions: [],
    };
  const groups = await pacer.call('list the delegate groups of the token', () =>
    o.harness.delegateGroupsForToken(name),
  );
  const others = [...new Set(groups.map((g) => g.groupName).filter((g) => g !== o.config.delegate.name))];
  if (others.length)
    return {
      status: 'skipped',
      detail: `delegate token ${name} left active: delegate group(s) ${others.join(', ')} also use it; revoke it in Harness once they no longer do`,
      actions: [],
    };
  const actions = [`revoke delegate token ${name}`];
  if (o.dryRun) return { status: 'would-do', detail: `delegate token ${name} would be revoked`, actions };
  await pacer.call('revoke delegate token', () => o.harness.revokeDelegateToken(name));
  return { status: 'done', detail: `delegate token ${name} revoked`, actions };
};

const terraformStep: StepFn = async (o) => {
  if (!o.terraform)
    return { status: 'skipped', detail: o.terraformMissing ?? 'no Terraform configuration', actions: [] };
  if (!o.terraformInitialised) await o.terraform.init();
  const list = await o.terraform.exec(['state', 'list'], { quiet: true });
  const resources = list.exitCode === 0 ? list.stdout.split('\n').filter(Boolean) : [];
  if (list.exitCode === 0 && !resources.length)
    return { status: 'nothing-to-do', detail: 'the Terraform state is empty', actions: [] };
  const actions = resources.length ? resources.map((r) => `terraform destroy ${r}`) : ['terraform destroy'];
  if (o.dryRun)
    return {
      status: 'would-do',
      detail: `${resources.length} resource(s) in the Terraform state would be destroyed`,
      actions,
    };
  await o.terraform.destroy();
  return { status: 'done', detail: `terraform destroy: ${resources.length} resource(s) destroyed`, actions };
};

const infraStep: StepFn = async (o, pacer) => {
  const infraId = o.config.infrastructure.identifier;
  const infra = await pacer.call('get infra provider', () => o.harness.getInfraProvider(infraId));
  if (!infra)
    return { status: 'nothing-to-do', detail: `infra provider ${infraId} does not exist`, actions: [] };
  const actions = [`delete infra provider ${infraId}`];
  if (o.dryRun) return { status: 'would-do', detail: `infra provider ${infraId} would be deleted`, actions };
  try {
    await pacer.call('delete infra provider', () => o.harness.deleteInfraProvider(infraId));
  } catch (e) {
    if (!isNotFound(e)) throw e;
  }
  return { status: 'done', detail: `infra provider ${infraId} deleted`, actions };
};

const STEP_FNS: Record<TeardownStep, StepFn> = {
  gitspaces: gitspacesStep,
  machines: machinesStep,
  runner: runnerStep,
  'delegate-token': tokenStep,
  terraform: terraformStep,
  'infra-provider': infraStep,
};

export const STEP_TITLES: Record<TeardownStep, string> = {
  gitspaces: 'Gitspaces stopped and deleted',
  machines: 'Machines deleted',
  runner: 'Delegate and runner stopped',
  'delegate-token': 'Delegate token revoked',
  terraform: 'terraform destroy',
  'infra-provider': 'Infra provider deleted',
};

/**
 * Runs the steps in order. Each looks before it acts, so a teardown interrupted anywhere can be run again to
 * completion; the first failure stops the run (later steps depend on earlier ones: the infra provider cannot
 * be deleted while it has gitspaces or machines).
 */
export async function runTeardown(o: TeardownOptions): Promise<StepResult[]> {
  const pacer = new Pacer({ clock: o.clock, log: o.log });
  const wanted = new Set(o.steps ?? TEARDOWN_STEPS);
  const results: StepResult[] = [];
  let failed = false;
  for (const step of TEARDOWN_STEPS) {
    if (!wanted.has(step)) continue;
    if (failed) {
      results.push({ step, status: 'skipped', detail: 'not run: an earlier step failed', actions: [] });
      continue;
    }
    try {
      const r = await o.log.group(`${o.dryRun ? '[dry run] ' : ''}${STEP_TITLES[step]}`, () =>
        STEP_FNS[step](o, pacer),
      );
      results.push({ step, ...r });
      o.log.info(`${step}: ${r.status}: ${r.detail}`);
      for (const a of r.status === 'would-do' ? r.actions : []) o.log.info(`  would ${a}`);
    } catch (e) {
      failed = true;
      const detail =
        e instanceof RemoteError ? `${e.service} answered ${e.status}: ${e.message}` : errorMessage(e);
      results.push({ step, status: 'failed', detail, actions: [] });
      o.log.error(`${STEP_TITLES[step]}: ${detail}`, { title: `teardown: ${step}` });
    }
  }
  return results;
}
