/**
 * The pipeline's per-region work (issue 18): each region's gateway is its own managed instance group that turns
 * healthy on its own schedule, so once install-runner has the runner and the delegate up (RUN-101, DLG-101), each
 * region waits for its own gateway (GW-101 for that region) and then creates its own machines and gitspaces (the
 * create-gitspace action with `regions: <region>`), without waiting for the other regions' gateways.
 *
 * Nothing the phases guaranteed is given up: a region's gitspaces are created only after its gateway passed
 * GW-101; a region whose gateway never turns healthy fails with GW-101 naming it, its gitspaces are reported not
 * created (naming them and why), the other regions carry on, and the create phase (so the run) fails. The gateway
 * waits read only, and the creates reconcile (list before create), so a re-run with nothing changed writes
 * nothing.
 */
import type { ActionIO } from '../../shared/action.js';
import { loadConfig } from '../../shared/config/load.js';
import type { GitspacesConfig } from '../../shared/config/schema.js';
import type { GatewayView } from '../../shared/checks/after-install.js';
import { harnessClientFromConfig, missingHarnessApiKey } from '../../shared/harness/client.js';
import type { CheckResult, PhaseResult } from '../../shared/report/model.js';
import { renderChecksMarkdown } from '../../shared/report/render.js';
import { HealthGates, waitForRegionGateways } from '../../shared/runner/install-gates.js';
import { setupYamlGatewayVersion } from '../../shared/runner/install.js';
import { Task, TaskRecord, runTasks } from './overlap.js';

export const gatewayTask = (region: string): string => `gateway:${region}`;
export const createTask = (region: string): string => `create:${region}`;

/** One run of the create-gitspace action for one region, as the pipeline ran it. */
export interface RegionCreate {
  result: PhaseResult;
  /** Its outputs (gitspaces, url, ssh-command), merged by the caller across regions. */
  collected: Record<string, string>;
}

export interface PerRegionResult {
  /** The create phase: the per-region work as one phase (failed when any region failed or did not run). */
  phase: PhaseResult;
  /** Each region's gateway wait and create, for the phase table and the timeline. */
  records: PhaseResult[];
  /** The merged outputs: gitspaces (every region's), url and ssh-command (when exactly one), gateways. */
  outputs: Record<string, string>;
}

/** The config's regions, and the machines and gitspaces each one holds (a gitspace is in its machine's region). */
export function regionsOf(
  config: GitspacesConfig,
): { region: string; machines: string[]; gitspaces: string[] }[] {
  return Object.keys(config.infrastructure.regions).map((region) => {
    const machines = config.machines.filter((m) => m.region === region).map((m) => m.name);
    return {
      region,
      machines,
      gitspaces: config.gitspaces.filter((g) => machines.includes(g.machine)).map((g) => g.name),
    };
  });
}

/**
 * Runs every region's gateway wait and, after each, that region's create; returns the create phase's record.
 * `input` is the pipeline's input source (secrets, outputs handed on, the caller's inputs); `createRegion` runs
 * the create-gitspace action for one region (the pipeline's own phase runner, so it is reported like a phase).
 */
export async function runPerRegion(opts: {
  io: ActionIO;
  input: (name: string) => string | undefined;
  createRegion: (region: string) => Promise<RegionCreate>;
  appendSummary: (md: string) => void;
}): Promise<PerRegionResult> {
  const { io } = opts;
  const startedAt = io.clock.now();
  const config = await loadConfig(opts.input('config') ?? 'gitspaces.yaml');
  const apiKey = opts.input('harness-api-key') || io.env.HARNESS_API_KEY || '';
  if (!apiKey) throw missingHarnessApiKey();
  const harness = harnessClientFromConfig(config, { apiKey, env: io.env, log: io.log, clock: io.clock });
  const infraId = config.infrastructure.identifier;
  // The version GW-101 expects: the input, else the setup YAML's gateway.version, read once for every region and
  // alongside each region's first gateways read (a failed read is tried again at the next poll).
  let versionRead: Promise<string | undefined> | undefined;
  const expectedVersion =
    opts.input('gateway-version') ||
    (() => {
      versionRead ??= harness.getInfraProvider(infraId).then(setupYamlGatewayVersion);
      return versionRead.catch((e: unknown) => {
        versionRead = undefined;
        throw e;
      });
    });
  const wait = {
    harness,
    infraId,
    deadlineMs: io.inputs.duration('gateway-timeout', 10 * 60_000),
    pollIntervalMs: io.inputs.duration('poll-interval', 10_000),
    clock: io.clock,
    log: io.log,
  };
  const regions = regionsOf(config);
  const checks: CheckResult[] = [];
  const views = new Map<string, GatewayView[]>();
  const creates = new Map<string, RegionCreate>();
  const tasks: Task[] = [];
  for (const { region, machines, gitspaces } of regions) {
    tasks.push({
      id: gatewayTask(region),
      after: [],
      // A wait that reads only; not cut when another region fails: this region's gitspaces still get created.
      run: async () => {
        const gates = new HealthGates(checks, io.clock, io.log);
        views.set(region, await waitForRegionGateways(wait, gates, [region], expectedVersion));
        const f = gates.failure;
        if (!f) return { status: 'ok' };
        return {
          status: 'failed',
          reason: `GW-101 ${region}: the gateway is not healthy. Last state: ${f.lastState}. Fix: ${f.fix}`,
        };
      },
    });
    if (!machines.length && !gitspaces.length) continue;
    tasks.push({
      id: createTask(region),
      after: [gatewayTask(region)],
      run: async () => {
        const c = await opts.createRegion(region);
        creates.set(region, c);
        return c.result.status === 'failed'
          ? { status: 'failed', reason: c.result.summary }
          : { status: 'ok' };
      },
    });
  }
  const taskRecords = await runTasks(tasks, io.clock);
  opts.appendSummary(
    renderChecksMarkdown(
      "Gateways, per region (each region's gitspaces are created once its own gateway is healthy)",
      checks.some((c) => c.status === 'error')
        ? `${checks.filter((c) => c.status === 'error').length} region(s) without a healthy gateway: their gitspaces were not created.`
        : `Every region's gateway is healthy (${checks.length}).`,
      checks,
    ),
  );
  const records = taskRecords.map((r) => regionRecord(io, r, regions, creates));
  const outputs = mergedOutputs(regions, creates, views);
  return { phase: createPhase(io, startedAt, regions, records, creates), records, outputs };
}

/** A task's record as a row of the phase table and the timeline; a region's create not run names its gitspaces. */
function regionRecord(
  io: ActionIO,
  r: TaskRecord,
  regions: ReturnType<typeof regionsOf>,
  creates: Map<string, RegionCreate>,
): PhaseResult {
  const region = r.id.slice(r.id.indexOf(':') + 1);
  const ran = r.id.startsWith('create:') ? creates.get(region)?.result : undefined;
  if (ran) return { ...ran, name: r.id, startedAt: r.startedAt, durationMs: r.finishedAt - r.startedAt };
  let summary = r.reason ?? 'healthy';
  if (r.status === 'skipped') {
    const names = regions.find((x) => x.region === region)?.gitspaces ?? [];
    summary = `not run: the gateway of ${region} is not healthy (GW-101): ${names.length ? `gitspace(s) ${names.join(', ')} not created` : 'its machines not created'}`;
    io.log.warning(`${region}: ${summary.replace(/^not run: /, '')}`, {
      title: `gitspaces: ${region} not created`,
    });
  }
  return {
    name: r.id,
    status: r.status,
    startedAt: r.startedAt,
    durationMs: r.finishedAt - r.startedAt,
    summary,
  };
}

/** The create phase: every region's create (or why it did not run), as one phase. */
function createPhase(
  io: ActionIO,
  startedAt: number,
  regions: ReturnType<typeof regionsOf>,
  records: PhaseResult[],
  creates: Map<string, RegionCreate>,
): PhaseResult {
  const parts: string[] = [];
  for (const { region, gitspaces } of regions) {
    const create = records.find((r) => r.name === createTask(region));
    const gateway = records.find((r) => r.name === gatewayTask(region));
    if (gateway?.status === 'failed')
      parts.push(
        `${region}: ${gitspaces.length ? `gitspace(s) ${gitspaces.join(', ')} not created` : 'nothing created'}: ${gateway.summary}`,
      );
    else if (create) parts.push(`${region}: ${create.summary}`);
  }
  const bad = records.filter((r) => r.status !== 'ok');
  const sum = (k: 'created' | 'updated' | 'deleted') =>
    [...creates.values()].reduce((a, c) => a + (c.result.changes?.[k] ?? 0), 0);
  return {
    name: 'create',
    status: bad.length ? 'failed' : 'ok',
    startedAt,
    durationMs: io.clock.now() - startedAt,
    summary: parts.join('; ') || 'no machines or gitspaces in any region',
    changes: { created: sum('created'), updated: sum('updated'), deleted: sum('deleted') },
    details: [...creates.values()].flatMap((c) => c.result.details ?? []),
  };
}

/** The create phase's outputs over every region, as one create-gitspace run sets them. */
function mergedOutputs(
  regions: ReturnType<typeof regionsOf>,
  creates: Map<string, RegionCreate>,
  views: Map<string, GatewayView[]>,
): Record<string, string> {
  const gitspaces: { url?: string | null; 'ssh-command'?: string | null }[] = [];
  for (const { region } of regions)
    gitspaces.push(...(JSON.parse(creates.get(region)?.collected.gitspaces || '[]') as typeof gitspaces));
  const out: Record<string, string> = {
    gitspaces: JSON.stringify(gitspaces),
    gateways: JSON.stringify(regions.flatMap(({ region }) => views.get(region) ?? [])),
  };
  if (gitspaces.length === 1) {
    out.url = gitspaces[0]?.url ?? '';
    out['ssh-command'] = gitspaces[0]?.['ssh-command'] ?? '';
  }
  return out;
}
