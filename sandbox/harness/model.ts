import { randomBytes } from 'node:crypto';
import type {
  DelegateGroupDetails,
  EnumGitspaceInstanceStateType,
  EnumGitspaceStateType,
  TypesCDEGateway,
  TypesGitspaceConfig,
  TypesGitspaceEventResponse,
} from '../../shared/harness/types.js';
import { gatewayDelayMs, gatewayStuck } from '../scenario.js';
import type { World } from '../world.js';
import type { GitspaceRecord, GitspaceStep, HarnessState, InfraRecord, TokenRecord } from './state.js';
import { RateLimiter } from './rate-limit.js';

const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
export function randomChars(n: number, alphabet = ALNUM): string {
  const bytes = randomBytes(n);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

/** Config state from instance state (HUI types/gitspace.go GetGitspaceState). */
export function configState(instance: EnumGitspaceInstanceStateType | undefined): EnumGitspaceStateType {
  switch (instance) {
    case 'running':
      return 'running';
    case 'stopped':
      return 'stopped';
    case 'error':
    case 'unknown':
      return 'error';
    case 'starting':
      return 'starting';
    case 'stopping':
      return 'stopping';
    case 'cleaning':
    case 'resetting':
      return 'cleaning';
    default:
      return 'uninitialized';
  }
}

export const BUSY_STATES: readonly string[] = ['starting', 'stopping', 'cleaning', 'resetting'];

interface MigLike {
  name?: string;
  zone?: string;
  region?: string;
  creationTimestamp?: string;
}

type GcpWithResources = {
  listResources?: (collection: string, project?: string) => Record<string, unknown>[];
};

export class HarnessModel implements HarnessState {
  apiKey: string;
  viewApiKey: string;
  accountId: string;
  infraProviders = new Map<string, InfraRecord>();
  gitspaces: GitspaceRecord[] = [];
  tokens = new Map<string, TokenRecord>();
  now: () => number = () => Date.now();
  /** infra/region -> when every health condition was first seen holding. */
  private readonly conditionsSince = new Map<string, number>();

  /** Harness's per-API-key rate limit, when the scenario sets one (sandbox/harness/rate-limit.ts). */
  readonly rateLimiter: RateLimiter | undefined;

  constructor(private readonly world: World) {
    this.accountId = world.scenario.harness.accountId;
    const limit = world.scenario.harness.rateLimit;
    this.rateLimiter = limit ? new RateLimiter(limit, () => this.now()) : undefined;
    const pat = () =>
      `pat.${this.accountId}.${randomBytes(12).toString('hex')}.${randomChars(20, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789')}`;
    this.apiKey = pat();
    this.viewApiKey = pat();
  }

  isIssuedToken(value: string): boolean {
    for (const t of this.tokens.values())
      if (t.details.value === value && t.details.status === 'ACTIVE') return true;
    return false;
  }

  findGitspace(org: string, project: string, identifier: string): GitspaceRecord | undefined {
    return this.gitspaces.find(
      (g) =>
        g.org === org &&
        g.project === project &&
        g.config.identifier === identifier &&
        this.gitspaceView(g) !== undefined,
    );
  }

  private applied(g: GitspaceRecord): GitspaceStep[] {
    const now = this.now();
    return g.steps.filter((s) => s.at <= now);
  }

  gitspaceView(g: GitspaceRecord): TypesGitspaceConfig | undefined {
    let instanceState: EnumGitspaceInstanceStateType | undefined;
    let errorMessage: string | null = null;
    let url: string | null = null;
    let ssh: string | null = null;
    let updated = g.config.created ?? 0;
    for (const s of this.applied(g)) {
      if (s.gone) return undefined;
      if (s.instanceState) instanceState = s.instanceState;
      if (s.errorMessage !== undefined) errorMessage = s.errorMessage;
      if (s.url !== undefined) url = s.url;
      if (s.sshCommand !== undefined) ssh = s.sshCommand;
      updated = s.at;
    }
    return {
      ...g.config,
      state: configState(instanceState),
      updated,
      instance: instanceState
        ? {
            identifier: `${g.config.identifier}-instance`,
            state: instanceState,
            url,
            ssh_command: ssh,
            error_message: errorMessage,
            space_path: g.config.space_path,
            access_type: 'jwt_token',
            has_git_changes: false,
            created: g.steps[0]?.at,
            updated,
            last_heartbeat: instanceState === 'running' ? this.now() : null,
            total_time_used: 0,
          }
        : null,
    };
  }

  gitspaceEvents(g: GitspaceRecord): TypesGitspaceEventResponse[] {
    return this.applied(g)
      .filter((s) => s.event)
      .map((s) => ({
        event: s.event,
        message: s.message ?? '',
        entity_type: 'gitspace_instance' as const,
        entity_uid: g.config.identifier,
        timestamp: s.at,
        created: s.at,
        event_time: new Date(s.at).toISOString(),
      }))
      .reverse();
  }

  private delegateConnected(d: World['vm']['delegates'][number]): boolean {
    return (
      this.world.scenario.vm.delegateConnects !== false &&
      d.accountId === this.accountId &&
      d.startedAt <= this.now() &&
      this.reachesThisManager(d.managerUrl) &&
      this.isIssuedToken(d.token)
    );
  }

  /**
   * Whether a delegate's MANAGER_HOST_AND_PORT is this control plane. A delegate registers and heartbeats
   * against that URL (Harness's docker delegate guide: MANAGER_HOST_AND_PORT is the account's Harness URL,
   * https://app.harness.io); pointed anywhere else it never shows up here. A trailing slash is tolerated.
   */
  reachesThisManager(managerUrl: string): boolean {
    const mine = this.world.urls.harness;
    if (!mine) return false;
    try {
      const u = new URL(managerUrl);
      return u.origin === new URL(mine).origin && (u.pathname === '/' || u.pathname === '');
    } catch {
      return false;
    }
  }

  private gatewayGroups(infra: InfraRecord): MigLike[] {
    const gcp = this.world.gcp as unknown as GcpWithResources;
    const projectId = String((infra.config.metadata.project as { id?: string } | undefined)?.id ?? '');
    try {
      return (gcp?.listResources?.('instanceGroupManagers', projectId || undefined) ?? []) as MigLike[];
    } catch {
      return [];
    }
  }

  gatewayDiagnostics(infraIdentifier: string): Record<string, string[]> {
    return Object.fromEntries(this.evaluateGateways(infraIdentifier).map((g) => [g.region, g.reasons]));
  }

  gateways(infraIdentifier: string): TypesCDEGateway[] {
    return this.evaluateGateways(infraIdentifier)
      .filter((g) => g.gateway)
      .map((g) => g.gateway as TypesCDEGateway);
  }

  /**
   * When each region's gateway of an infra turned healthy (emulator clock), or will, while its conditions hold:
   * the moment they were first seen holding plus the region's delay. Absent for a region whose conditions were
   * never seen holding, or that is stuck. Tests order the journal against it.
   */
  gatewayHealthyAt(infraIdentifier: string): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [key, since] of this.conditionsSince) {
      const [infra, region] = key.split('/') as [string, string];
      if (infra === infraIdentifier && !gatewayStuck(this.world.scenario, region))
        out[region] = since + gatewayDelayMs(this.world.scenario, region);
    }
    return out;
  }

  /**
   * Per region of the infra: the gateway exists once the module created `<name>-<region>-gateway-group-*`; it
   * reports healthy once a runner is healthy, a delegate started with an issued token is connected with the
   * infra's selector, and the region's delay has passed since all that first held (never when stuck). Each
   * region's gateway is its own managed instance group whose VMs boot and heartbeat to Harness on their own, so
   * each region has its own delay (`gatewayDelayMs`: `gatewayHealthyAfterMsByRegion`, else
   * `gatewayHealthyAfterMs`) and may be stuck alone (`gatewayStuckUnhealthy` listing it). Harness reports health
   * per gateway, each with its own `region`, `group_name` and `overall_health` (`TypesCDEGateway` in the CDE
   * OpenAPI contract, sandbox/harness/contract/harness-cde-openapi.yaml), and the module creates one regional
   * instance group per region (`google_compute_region_instance_group_manager.gateway`, `for_each` over the
   * regions, in its gateway.tf).
   */
  private evaluateGateways(
    infraIdentifier: string,
  ): { region: string; reasons: string[]; gateway?: TypesCDEGateway }[] {
    const infra = this.infraProviders.get(infraIdentifier);
    if (!infra) return [];
    const sc = this.world.scenario.harness;
    const now = this.now();
    const md = infra.config.metadata;
    const selectors = (
      Array.isArray(md.delegate_selectors) ? (md.delegate_selectors as { selector?: string }[]) : []
    )
      .map((s) => s.selector)
      .filter((s): s is string => !!s);
    const migs = this.gatewayGroups(infra);
    const vm = this.world.vm ?? { runners: [], delegates: [] };
    const out: { region: string; reasons: string[]; gateway?: TypesCDEGateway }[] = [];
    for (const region of Object.keys((md.region_configs as Record<string, unknown>) ?? {})) {
      const reasons: string[] = [];
      const prefix = `${infra.config.name}-${region}-gateway-group-`;
      const mig = migs.find((m) => typeof m.name === 'string' && m.name.startsWith(prefix));
      if (!mig) {
        out.push({ region, reasons: [`no instance group ${prefix}* in GCP`] });
        continue;
      }
      if (!vm.runners.some((r) => r.healthy)) reasons.push('no healthy VM runner');
      const connected = vm.delegates.filter((d) => this.delegateConnected(d));
      // The delegate drives the runner at RUNNER_URL: a name that does not resolve on its Docker network
      // (sandbox/vm/docker-state.ts, dnsNamesOf) leaves the gateway with no runner to talk to.
      const unreachable = connected.find((d) => d.reachesRunner === false);
      if (connected.length && connected.every((d) => d.reachesRunner === false) && unreachable)
        reasons.push(
          `delegate ${unreachable.name} cannot reach the runner at ${unreachable.runnerUrl || '(no RUNNER_URL)'}: the name does not resolve on its Docker network`,
        );
      const elsewhere = vm.delegates.find((d) => !this.reachesThisManager(d.managerUrl));
      if (connected.length === 0)
        reasons.push(
          !vm.delegates.length
            ? 'no delegate started'
            : elsewhere
              ? `no delegate connected: ${elsewhere.name} has manager URL ${elsewhere.managerUrl || '(none)'}, not this Harness (${this.world.urls.harness})`
              : 'no delegate connected with a valid token',
        );
      else if (selectors.length === 0) reasons.push('the infra has no delegate selector');
      else if (!connected.some((d) => selectors.some((s) => d.tags.includes(s) || d.name === s)))
        reasons.push(`no connected delegate matches the selectors ${selectors.join(', ')}`);
      if (gatewayStuck(this.world.scenario, region)) reasons.push('gateway stuck unhealthy (scenario)');
      const key = `${infraIdentifier}/${region}`;
      const delay = gatewayDelayMs(this.world.scenario, region);
      let healthy = false;
      if (reasons.length === 0) {
        const since = this.conditionsSince.get(key) ?? now;
        this.conditionsSince.set(key, since);
        if (now - since >= delay) healthy = true;
        else reasons.push(`waiting for the gateway to report (${delay - (now - since)} ms)`);
      } else this.conditionsSince.delete(key);
      const zone = typeof mig.zone === 'string' ? (mig.zone.split('/').pop() as string) : `${region}-a`;
      const created = mig.creationTimestamp ? Date.parse(mig.creationTimestamp) || now : now;
      out.push({
        region,
        reasons,
        gateway: {
          name: `${mig.name}-${zone}`,
          group_name: mig.name,
          region,
          zone,
          health: healthy ? 'healthy' : 'unhealthy',
          envoy_health: 'healthy',
          overall_health: healthy ? 'healthy' : 'unhealthy',
          version: sc.gatewayVersion,
          infra_provider_config_identifier: infraIdentifier,
          infra_provider_config_id: 1,
          space_path: this.accountId,
          space_id: 1,
          created,
          updated: now,
        },
      });
    }
    return out;
  }

  delegateGroups(tokenName: string): DelegateGroupDetails[] {
    const token = this.tokens.get(tokenName);
    if (!token) return [];
    const vm = this.world.vm ?? { delegates: [] };
    const byName = new Map<string, DelegateGroupDetails>();
    for (const d of vm.delegates.filter((x) => x.token === token.details.value)) {
      const connected = this.delegateConnected(d);
      const g = byName.get(d.name) ?? {
        groupId: `grp-${d.name}`,
        delegateGroupIdentifier: d.name.replace(/-/g, '_'),
        delegateType: 'DOCKER',
        groupName: d.name,
        groupHostName: d.name,
        groupImplicitSelectors: { [d.name]: 'GROUP_NAME' },
        groupCustomSelectors: [...d.tags],
        delegateInstanceDetails: [],
        activelyConnected: false,
        connectivityStatus: 'disconnected',
        lastHeartBeat: 0,
        tokenActive: token.details.status === 'ACTIVE',
      };
      g.delegateInstanceDetails?.push({
        uuid: d.instance,
        hostName: d.instance.split('/').pop(),
        lastHeartbeat: connected ? this.now() : d.startedAt,
        activelyConnected: connected,
        tokenActive: token.details.status === 'ACTIVE',
      });
      if (connected) {
        g.activelyConnected = true;
        g.connectivityStatus = 'connected';
      }
      g.lastHeartBeat = Math.max(g.lastHeartBeat, connected ? this.now() : d.startedAt);
      byName.set(d.name, g);
    }
    return [...byName.values()];
  }
}
