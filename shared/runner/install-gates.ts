import type { Clock } from '../clock.js';
import { WaitTimeoutError } from '../errors.js';
import type { DelegateGroupSummary, TypesCDEGateway, TypesInfraProviderConfig } from '../harness/types.js';
import type { Logger } from '../logger.js';
import type { CheckResult } from '../report/model.js';
import { Observation, waitFor } from '../retry.js';
import { docUrlFor } from '../checks/types.js';
import { BOOTSTRAP_STEPS, GUEST_NAMESPACE, SERIAL_MARKERS } from './bootstrap.js';
import { errorMessage } from '../errors.js';
import {
  BootstrapProgress,
  GatewayView,
  fixForStep,
  observeDelegate,
  observeGateways,
  observeRunner,
  parseProgress,
  AFTER_INSTALL_GATES,
} from '../checks/after-install.js';
import type { GateFailure, InstallRunnerOptions, InstallRunnerResult } from './install.js';
import type { InstanceSecrets } from './instance-secrets.js';

/** The three gates install-runner waits on, in order (their ids and titles come from the catalog). */
export const GATES = AFTER_INSTALL_GATES;

type GateDef = { id: string; title: string };

/**
 * Runs the gates one after the other and records each as a check. A gate that times out fails with the last
 * state it saw and a fix; every gate after a failed one is recorded as skipped, not run.
 */
export class HealthGates {
  failure?: GateFailure;

  constructor(
    private readonly checks: CheckResult[],
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  /** Records a gate that is not run here, and why (not a failure). */
  skip(def: GateDef, expected: string, why: string): void {
    this.checks.push({
      id: def.id,
      title: def.title,
      status: 'skip',
      observed: 'not checked',
      expected,
      fix: this.failure ? `${this.failure.gate} failed first` : why,
      docUrl: docUrlFor(def.id),
      durationMs: 0,
    });
  }

  async run<T>(
    def: GateDef,
    /** What the gate expects; a function when that is known only once the check ran (read alongside it). */
    expected: string | (() => string),
    check: () => Promise<{ observed: string; value: T }>,
    fixFor: (lastState: string) => string,
  ): Promise<T | undefined> {
    const started = this.clock.now();
    const record = (r: Pick<CheckResult, 'status' | 'observed' | 'fix' | 'durationMs'>) =>
      this.checks.push({
        id: def.id,
        title: def.title,
        status: r.status,
        observed: r.observed,
        expected: typeof expected === 'function' ? expected() : expected,
        fix: r.fix,
        docUrl: docUrlFor(def.id),
        durationMs: r.durationMs,
      });
    if (this.failure) {
      record({
        status: 'skip',
        observed: 'not checked',
        fix: `${this.failure.gate} failed first`,
        durationMs: 0,
      });
      return undefined;
    }
    try {
      const r = await check();
      record({ status: 'ok', observed: r.observed, fix: '', durationMs: this.clock.now() - started });
      return r.value;
    } catch (e) {
      if (!(e instanceof WaitTimeoutError)) throw e;
      const fix = e.fix ?? fixFor(e.lastState);
      this.failure = { gate: def.id, title: def.title, lastState: e.lastState, fix };
      record({
        status: 'error',
        observed: `${e.lastState} (after ${Math.round(e.waitedMs / 1000)}s)`,
        fix,
        durationMs: this.clock.now() - started,
      });
      this.log.error(`${def.id} ${def.title}: failed. Last state: ${e.lastState}. Fix: ${fix}`);
      return undefined;
    }
  }
}

/** What the gates read and report into. */
export interface GateContext {
  o: InstallRunnerOptions;
  result: InstallRunnerResult;
  secrets: InstanceSecrets;
  gates: HealthGates;
  /** The run id written with this install; undefined when nothing was installed (only health is checked). */
  runId?: string;
  /**
   * Readings this run took moments before, when it installed nothing: each gate's first observation, taken
   * once (`takeSeen`); later polls read afresh.
   */
  seen?: SeenReadings;
}

export interface SeenReadings {
  progress?: BootstrapProgress;
  infra?: TypesInfraProviderConfig;
  groups?: DelegateGroupSummary[];
  gateways?: TypesCDEGateway[];
}

/** A reading from `ctx.seen`, handed out once. */
function takeSeen<K extends keyof SeenReadings>(ctx: GateContext, k: K): SeenReadings[K] {
  const v = ctx.seen?.[k];
  if (ctx.seen) delete ctx.seen[k];
  return v;
}

/** What the VM's serial port 1 said about a bootstrap run: the script prints one of the markers as it ends. */
export interface SerialVerdict {
  failedStep?: string;
  reason?: string;
  done?: boolean;
}

/** The FAILED or DONE line of run `runId` in serial output, if any (`gitspaces-bootstrap: FAILED run=<id> step=<s>: <why>`). */
export function serialVerdict(text: string, runId: string): SerialVerdict {
  const out: SerialVerdict = {};
  for (const line of text.split('\n')) {
    const f = line.indexOf(`${SERIAL_MARKERS.failed} run=${runId} step=`);
    if (f >= 0) {
      const m = /step=([\w-]+): ?(.*)$/.exec(line.slice(f));
      if (m) return { failedStep: m[1], reason: (m[2] ?? '').trim() };
    }
    const d = line.indexOf(`${SERIAL_MARKERS.done} run=${runId}`);
    if (d >= 0 && /^\s*$/.test(line.slice(d + SERIAL_MARKERS.done.length + 5 + runId.length)))
      out.done = true;
  }
  return out;
}

/**
 * The signals besides guest attributes, which GCE may drop (10 writes a minute per VM): the instance's own state
 * (a VM that stopped reports nothing) and serial port 1, where the script prints how its run ended. Read at each
 * poll while the guest attributes show no end, so a failed bootstrap whose report was dropped fails the gate at
 * the next poll instead of after runner-timeout.
 */
class OtherSignals {
  private serialNext = 0;
  private serialText = '';
  private serialOff = false;

  constructor(
    private readonly ctx: GateContext,
    private readonly runId: string,
  ) {}

  async read(): Promise<{ failedStep?: string; done?: boolean; state: string } | undefined> {
    const { o, result } = this.ctx;
    const { project, zone, name } = result.vm;
    const inst = await o.compute.getInstance(project, zone, name);
    if (!inst) return { failedStep: 'vm', state: `the VM ${name} no longer exists` };
    if (inst.status && !['RUNNING', 'PROVISIONING', 'STAGING'].includes(inst.status))
      return { failedStep: 'vm', state: `the VM ${name} is ${inst.status}: the bootstrap cannot finish` };
    if (this.serialOff || !o.compute.getSerialPortOutput) return undefined;
    try {
      const out = await o.compute.getSerialPortOutput(project, zone, name, this.serialNext);
      this.serialNext = out.next;
      // Keep the last lines only: a marker is one line.
      this.serialText = (this.serialText + out.contents).slice(-65_536);
    } catch (e) {
      // Serial port access may be denied (permission or org policy): guest attributes remain the signal.
      this.serialOff = true;
      o.log.debug(`Cannot read ${name}'s serial port output: ${errorMessage(e)}`);
      return undefined;
    }
    const v = serialVerdict(this.serialText, this.runId);
    // The script prints DONE only after every step and GET /healthz answered OK.
    if (v.done && !v.failedStep)
      return {
        done: true,
        state: `runner /healthz OK (from the VM's serial port 1; its guest-attribute report did not arrive)`,
      };
    if (!v.failedStep) return undefined;
    return {
      failedStep: v.failedStep,
      state: `step ${v.failedStep}: failed:${v.reason ?? ''} (from the VM's serial port 1; its guest-attribute report did not arrive)`,
    };
  }
}

/** RUN-101: follows the bootstrap step by step, removes the secrets once consumed, then /healthz. */
export async function waitForBootstrap(ctx: GateContext): Promise<BootstrapProgress | undefined> {
  const { o, result, runId } = ctx;
  const { project, zone, name } = result.vm;
  const printed = new Map<string, string>();
  const other = runId ? new OtherSignals(ctx, runId) : undefined;
  let failedStep: string | undefined;
  let lastWaiting = '';
  /** The guest attributes now: printed, and the secrets removed once the VM reports them consumed. */
  const readReport = async (): Promise<BootstrapProgress> => {
    const cur =
      takeSeen(ctx, 'progress') ??
      parseProgress(await o.compute.getGuestAttributes(project, zone, name, `${GUEST_NAMESPACE}/`));
    result.progress = cur;
    if (!runId || cur.runId === runId) {
      printNewSteps(o.log, name, cur, printed);
      if (cur.secretsConsumed && runId) {
        ctx.secrets.consumed = true;
        await ctx.secrets.remove(
          'The VM reported the key and the delegate token consumed (on its disk, mode 0600): removed them from instance metadata.',
        );
      }
    }
    return cur;
  };
  const observe = async (): Promise<Observation<BootstrapProgress>> => {
    let cur = await readReport();
    let obs = observeRunner(cur, runId);
    if (!obs.done && !obs.failed && other) {
      const seen = await other.read();
      // The script prints its end after its last report's write: read the report again before relying on the
      // serial port (it was written between the two reads, or GCE dropped it).
      if (seen) {
        cur = await readReport();
        obs = observeRunner(cur, runId);
      }
      if (seen && !obs.done && !obs.failed) {
        if (seen.done) {
          const p: BootstrapProgress = { ...cur, runId, status: 'ok', runnerHealth: 'ok' };
          result.progress = p;
          return { done: true, state: seen.state, value: p };
        }
        failedStep = seen.failedStep;
        return { done: false, failed: true, state: seen.state };
      }
    }
    failedStep = obs.failedStep;
    if (runId && cur.runId !== runId && obs.state !== lastWaiting) o.log.info(`  ${name}: ${obs.state}`);
    lastWaiting = obs.state;
    return obs;
  };
  return ctx.gates.run(
    GATES.runner,
    'every bootstrap step ok and GET /healthz = OK',
    async () => {
      const p = await waitFor<BootstrapProgress>(observe, {
        describe: `${name} bootstrap`,
        deadlineMs: o.timeouts.runnerMs,
        intervalMs: o.pollIntervalMs,
        clock: o.clock,
      });
      const via = p.steps['runner-health'] === 'ok' ? '' : ' (read from its serial port 1)';
      return { observed: `bootstrap ok on ${name}, GET /healthz = OK${via}`, value: p };
    },
    (last) =>
      failedStep === 'vm'
        ? `Start the VM (\`gcloud compute instances start ${name} --zone ${zone}\`) or let terraform-apply recreate it, then re-run install-runner.`
        : failedStep
          ? fixForStep(failedStep, name, zone)
          : last.startsWith('VM rebooting')
            ? `The VM never reported from the bootstrap script: check it booted (\`gcloud compute instances get-serial-port-output ${name} --zone ${zone}\`), that it can reach the metadata server, and the script's log (\`sudo journalctl -u google-startup-scripts\` over IAP SSH); then re-run install-runner, with a longer runner-timeout if the VM is slow to boot.`
            : `The bootstrap was still running (${last}). Raise runner-timeout if the VM is slow (installing Docker takes minutes on a fresh VM). ${fixForStep('runner-health', name, zone)}`,
  );
}

/** Logs each bootstrap step the first time it reports a new value. */
function printNewSteps(log: Logger, vm: string, cur: BootstrapProgress, printed: Map<string, string>): void {
  for (const s of [...BOOTSTRAP_STEPS, 'secrets-consumed']) {
    const v = s === 'secrets-consumed' ? (cur.secretsConsumed ? 'true' : undefined) : cur.steps[s];
    if (v && v !== 'pending' && printed.get(s) !== v) {
      printed.set(s, v);
      log.info(`  ${vm}: ${s} = ${v}`);
    }
  }
}

/**
 * DLG-101: the delegate connected with the token, tagged with what the infrastructure selects. `selectors` is
 * what install-runner last set or read; the gate re-reads the infrastructure at each poll.
 */
export async function waitForDelegate(ctx: GateContext, selectors: string[]): Promise<void> {
  const { o } = ctx;
  const d = o.config.delegate;
  const { zone, name } = ctx.result.vm;
  const infraId = o.config.infrastructure.identifier;
  let current = selectors;
  await ctx.gates.run(
    GATES.delegate,
    `delegate ${d.name} actively connected, tagged with the infrastructure's selectors`,
    async () => {
      const g = await waitFor<DelegateGroupSummary>(
        async () => {
          // Both reads at once: the infrastructure's selectors now, and the token's delegate groups (at the first
          // poll of a run that installed nothing, both as this run read them).
          const seenInfra = takeSeen(ctx, 'infra');
          const seenGroups = takeSeen(ctx, 'groups');
          const [infra, groups] =
            seenInfra && seenGroups
              ? [seenInfra, seenGroups]
              : await Promise.all([
                  o.harness.getInfraProvider(infraId),
                  o.harness.delegateGroupsForToken(d.token_name),
                ]);
          current = selectorsOf(infra);
          return observeDelegate(groups, d.name, d.token_name, current);
        },
        {
          describe: GATES.delegate.id,
          deadlineMs: o.timeouts.delegateMs,
          intervalMs: o.pollIntervalMs,
          clock: o.clock,
          log: o.log,
        },
      );
      return {
        observed: `${g.groupName} connected with tags ${g.tags.join(', ')}; infrastructure selects ${current.join(', ')}`,
        value: g,
      };
    },
    (last) =>
      /infrastructure selects|no delegate selector/.test(last)
        ? `Make the infrastructure's Delegate Selector one of the delegate's tags or its name: set delegate.tags in gitspaces.yaml to include ${current.map((s) => `'${s}'`).join(', ') || 'the selector'}, or re-run with manage-delegate-selector: true to set the infrastructure's selectors to [${d.tags.join(', ')}].`
        : `The delegate has not connected to ${o.managerUrl}: check the VM reaches it over HTTPS (Cloud NAT), that the token ${d.token_name} is active, and read \`gcloud compute ssh ${name} --zone ${zone} --tunnel-through-iap -- sudo docker logs gitspaces-delegate\`.`,
  );
}

/** What GW-101 waits with, whoever waits: install-runner for every region, the pipeline for one region at a time. */
export interface GatewayWait {
  harness: { listGateways(infraId: string): Promise<TypesCDEGateway[]> };
  infraId: string;
  deadlineMs: number;
  pollIntervalMs: number;
  clock: Clock;
  log: Logger;
  /** The gateways as this run read them moments ago (nothing installed): the first observation; then read afresh. */
  seen?: TypesCDEGateway[];
}

/** GW-101's fix for the last state it saw. */
export function gatewayFix(last: string): string {
  return /expected /.test(last)
    ? 'A gateway runs another version than the setup YAML names: re-run configure-infra and terraform-apply so the module deploys the current version.'
    : /no gateway/.test(last)
      ? 'No gateway has reported for a region: check terraform-apply created its gateway instance group, and the gateway VMs reach Harness (serial console of the gateway instances).'
      : 'Gateways usually report healthy 3-5 minutes after the runner and delegate are up; if one stays unhealthy, check its instance group in the Cloud Console (health checks, serial console) and the firewall rules between the gateway and the runner VM, then raise gateway-timeout or re-run.';
}

/**
 * GW-101 for `regions`: each one's latest gateway healthy, at the expected version when one is known. Recorded
 * into `gates` (a timeout fails the gate with the last state, which names each region); returns the last views.
 */
export async function waitForRegionGateways(
  w: GatewayWait,
  gates: HealthGates,
  regions: string[],
  /** Or how to read it: read alongside each gateways read until it is known (a failed read is tried again). */
  expectedVersion: string | undefined | (() => Promise<string | undefined>),
): Promise<GatewayView[]> {
  let lastViews: GatewayView[] = [];
  let first = w.seen;
  let version = typeof expectedVersion === 'function' ? undefined : expectedVersion;
  let toRead = typeof expectedVersion === 'function' ? expectedVersion : undefined;
  const readVersion = async (): Promise<string | undefined> => {
    if (toRead) {
      version = await toRead();
      toRead = undefined;
    }
    return version;
  };
  await gates.run(
    GATES.gateway,
    () => `${regions.join(', ')}: overall_health healthy${version ? `, version ${version}` : ''}`,
    async () => {
      const views = await waitFor<GatewayView[]>(
        async () => {
          const [list, expected] = await Promise.all([
            first ?? w.harness.listGateways(w.infraId),
            readVersion(),
          ]);
          first = undefined;
          const obs = observeGateways(list, regions, expected);
          lastViews = obs.views;
          return obs;
        },
        {
          // Its state names each region: `GW-101: europe-west1: unhealthy (...)`.
          describe: GATES.gateway.id,
          deadlineMs: w.deadlineMs,
          intervalMs: w.pollIntervalMs,
          clock: w.clock,
          log: w.log,
        },
      );
      return {
        observed: views.map((v) => `${v.region}: ${v.overall_health} ${v.version}`).join('; '),
        value: views,
      };
    },
    gatewayFix,
  );
  return lastViews;
}

/**
 * GW-101 in install-runner: every region's gateway healthy, at the expected version when one is known; or, when
 * the caller waits for each region's gateway itself (wait-for-gateways: false, as the pipeline does), recorded as
 * skipped, saying so.
 */
export async function waitForGateways(ctx: GateContext, expectedVersion: string | undefined): Promise<void> {
  const { o } = ctx;
  const regions = Object.keys(o.config.infrastructure.regions);
  if (o.waitForGateways === false) {
    ctx.gates.skip(
      GATES.gateway,
      `${regions.join(', ')}: overall_health healthy`,
      "not waited for here (wait-for-gateways: false): the caller waits for each region's gateway before using the region",
    );
    return;
  }
  ctx.result.gateways = await waitForRegionGateways(
    {
      harness: o.harness,
      infraId: o.config.infrastructure.identifier,
      deadlineMs: o.timeouts.gatewayMs,
      pollIntervalMs: o.pollIntervalMs,
      clock: o.clock,
      log: o.log,
      seen: takeSeen(ctx, 'gateways'),
    },
    ctx.gates,
    regions,
    expectedVersion,
  );
}

/** The delegate selectors an infrastructure's metadata names. */
export function selectorsOf(infra: { metadata?: Record<string, unknown> | null } | undefined): string[] {
  const raw = infra?.metadata?.delegate_selectors;
  return (Array.isArray(raw) ? (raw as { selector?: unknown }[]) : [])
    .map((s) => (typeof s?.selector === 'string' ? s.selector : ''))
    .filter(Boolean);
}
