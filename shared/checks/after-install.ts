/**
 * The health gates install-runner runs after it installed the runner and the delegate (RUN-101, DLG-101, GW-101):
 * what each observes in one poll. install-runner (shared/runner/install.ts) waits on them in this order, each
 * until it passes or its timeout, and reports them with their catalog ids and titles.
 */
import { BOOTSTRAP_STEPS, GUEST_NAMESPACE, PROGRESS_KEY } from '../runner/bootstrap.js';
import type { DelegateGroupSummary, TypesCDEGateway } from '../harness/types.js';
import type { Observation } from '../retry.js';
import { catalogEntry } from './catalog.js';

function gate(id: string): { id: string; title: string } {
  const { title } = catalogEntry(id);
  return { id, title };
}

/** The after-install gates of the catalog, in the order install-runner waits on them. */
export const AFTER_INSTALL_GATES = {
  runner: gate('RUN-101'),
  delegate: gate('DLG-101'),
  gateway: gate('GW-101'),
} as const;

/**
 * The runner VM's bootstrap progress as its guest attributes report it: `gitspaces/progress` (bootstrap v2: every
 * key as a `key=value` line in one attribute), or one attribute per key (`gitspaces/<key>`, bootstrap v1).
 */
export interface BootstrapProgress {
  runId?: string;
  steps: Partial<Record<string, string>>;
  status?: string;
  runnerHealth?: string;
  secretsConsumed: boolean;
  /** The VM holds a key and a delegate token from an earlier run. */
  secretsOnDisk: boolean;
  configHash?: string;
}

export function parseProgress(attrs: Record<string, string>): BootstrapProgress {
  const combined = attrs[`${GUEST_NAMESPACE}/${PROGRESS_KEY}`];
  const lines = new Map<string, string>();
  for (const line of (combined ?? '').split(/\r?\n/)) {
    const eq = line.indexOf('=');
    if (eq > 0) lines.set(line.slice(0, eq), line.slice(eq + 1));
  }
  const get = (k: string) => (combined !== undefined ? lines.get(k) : attrs[`${GUEST_NAMESPACE}/${k}`]);
  const steps: Record<string, string> = {};
  for (const s of BOOTSTRAP_STEPS) {
    const v = get(s);
    if (v !== undefined) steps[s] = v;
  }
  return {
    runId: get('run-id'),
    steps,
    status: get('status'),
    runnerHealth: get('runner-health'),
    secretsConsumed: get('secrets-consumed') === 'true',
    secretsOnDisk: get('secrets-on-disk') === 'true',
    configHash: get('config-hash'),
  };
}

export function describeProgress(p: BootstrapProgress): string {
  return BOOTSTRAP_STEPS.map((s) => `${s} ${p.steps[s] ?? 'not reported'}`).join(', ');
}

/** What to do when a bootstrap step failed on the VM. */
export function fixForStep(step: string, vm: string, zone: string): string {
  const ssh = `gcloud compute ssh ${vm} --zone ${zone} --tunnel-through-iap`;
  switch (step) {
    case 'docker':
      return `The VM could not install Docker from get.docker.com: give it outbound HTTPS (Cloud NAT) or use an Ubuntu image with Docker, then re-run install-runner. Logs: \`${ssh} -- sudo journalctl -u google-startup-scripts\`.`;
    case 'files':
      return 'The VM could not read the pool file, key or delegate token from its metadata: re-run install-runner (it writes them again, reading the value of the delegate token back from Harness). If it says DELEGATE_TOKEN_VALUE_UNAVAILABLE, give the API key delegate edit permission or pass the token as `delegate-token`.';
    case 'network':
    case 'runner':
    case 'delegate':
      return `Docker on the VM refused the ${step} step: inspect it with \`${ssh} -- sudo docker ps -a\` and \`sudo journalctl -u google-startup-scripts\`, then re-run install-runner.`;
    case 'runner-health':
      return `The runner container runs but GET /healthz never answered OK: read \`${ssh} -- sudo docker logs gitspaces-runner\`. Usual causes: pool.yaml json_path not pointing at /runner/<key>.json, a key without Compute permissions, or an image the runner cannot pull.`;
    default:
      return `Read the startup script's log: \`${ssh} -- sudo journalctl -u google-startup-scripts\`, then re-run install-runner.`;
  }
}

/** RUN-101: the bootstrap of this run finished and the runner's /healthz answered OK. */
export function observeRunner(
  p: BootstrapProgress,
  runId: string | undefined,
): Observation<BootstrapProgress> & { failedStep?: string } {
  if (runId && p.runId !== runId) {
    return {
      done: false,
      state: p.runId
        ? `VM rebooting (last report from an earlier run, ${p.runId})`
        : 'VM rebooting: the startup script has not reported yet',
    };
  }
  const failedStep = p.status?.startsWith('failed:') ? p.status.slice('failed:'.length) : undefined;
  if (failedStep)
    return {
      done: false,
      failed: true,
      failedStep,
      state: `step ${failedStep}: ${p.steps[failedStep] ?? p.status}`,
    };
  if (p.status === 'ok' && p.runnerHealth === 'ok')
    return { done: true, state: 'runner /healthz OK', value: p };
  return { done: false, state: describeProgress(p) };
}

/** DLG-101: a delegate group of this token is actively connected and carries every selector the infra expects. */
export function observeDelegate(
  groups: DelegateGroupSummary[],
  delegateName: string,
  tokenName: string,
  selectors: string[],
): Observation<DelegateGroupSummary> {
  const mine = groups.filter((g) => g.groupName === delegateName);
  const candidates = mine.length ? mine : groups;
  if (candidates.length === 0)
    return { done: false, state: `no delegate has connected with token ${tokenName} yet` };
  const connected = candidates.filter((g) => g.activelyConnected);
  if (connected.length === 0) {
    return {
      done: false,
      state: candidates
        .map(
          (g) =>
            `delegate ${g.groupName}: ${g.connectivityStatus}${g.lastHeartBeat ? ` (last heartbeat ${new Date(g.lastHeartBeat).toISOString()})` : ', never heartbeated'}`,
        )
        .join('; '),
    };
  }
  if (selectors.length === 0)
    return {
      done: false,
      failed: true,
      state: `delegate ${connected[0]?.groupName} connected, but the infrastructure has no delegate selector`,
    };
  const match = connected.find((g) => selectors.every((s) => g.tags.includes(s) || g.groupName === s));
  if (!match) {
    const g = connected[0] as DelegateGroupSummary;
    return {
      done: false,
      failed: true,
      state: `delegate ${g.groupName} connected with tags [${g.tags.join(', ')}], but the infrastructure selects [${selectors.join(', ')}]`,
    };
  }
  return {
    done: true,
    state: `delegate ${match.groupName} connected (tags ${match.tags.join(', ')})`,
    value: match,
  };
}

export interface GatewayView {
  region: string;
  name: string;
  overall_health: string;
  health: string;
  envoy_health: string;
  version: string;
}

/** GW-101: every region's latest gateway reports overall_health == healthy at the expected version. */
export function observeGateways(
  gateways: TypesCDEGateway[],
  regions: string[],
  expectedVersion: string | undefined,
): Observation<GatewayView[]> & { views: GatewayView[] } {
  const views: GatewayView[] = [];
  const parts: string[] = [];
  let ok = true;
  for (const region of regions) {
    const g = gateways
      .filter((x) => x.region === region)
      .sort((a, b) => (b.updated ?? 0) - (a.updated ?? 0))[0];
    if (!g) {
      ok = false;
      parts.push(`${region}: no gateway has reported yet`);
      continue;
    }
    const v: GatewayView = {
      region,
      name: g.name ?? '',
      overall_health: g.overall_health ?? 'unknown',
      health: g.health ?? 'unknown',
      envoy_health: g.envoy_health ?? 'unknown',
      version: g.version ?? '',
    };
    views.push(v);
    const versionOk = !expectedVersion || v.version === expectedVersion;
    if (v.overall_health !== 'healthy' || !versionOk) ok = false;
    parts.push(
      `${region}: ${v.overall_health} (health ${v.health}, envoy ${v.envoy_health}, version ${v.version || '?'}${versionOk ? '' : `, expected ${expectedVersion}`})`,
    );
  }
  return { done: ok, state: parts.join('; '), value: views, views };
}
