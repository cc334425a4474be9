import type { ActionIO, ActionResult } from '../../shared/action.js';
import { loadConfig } from '../../shared/config/load.js';
import type { GitspacesConfig } from '../../shared/config/schema.js';
import { IDES, REPO_TYPES } from '../../shared/config/values.js';
import { ConfigurationError } from '../../shared/errors.js';
import { Pacer } from '../../shared/gitspaces/backoff.js';
import {
  GitspaceContext,
  GitspaceOperation,
  GitspaceOutcome,
  GitspaceSpec,
  applyMany,
} from '../../shared/gitspaces/gitspaces.js';
import { MachineOutcome, reconcileMachines } from '../../shared/gitspaces/machines.js';
import { gitspacesOutput, renderCreateSummary } from '../../shared/gitspaces/report.js';
import type { HarnessCdeApi, MachineResource } from '../../shared/gitspaces/types.js';
import {
  harnessClientFromConfig,
  missingHarnessApiKey,
  readHarnessApiKey,
} from '../../shared/harness/client.js';
import type { EnumGitspaceCodeRepoType, EnumIDEType } from '../../shared/harness/types.js';
import { previewCreate } from './preview.js';

/** Collaborators; each defaults to the real one built from the inputs and the environment. */
export interface CreateGitspaceDeps {
  config?: GitspacesConfig;
  harness?: HarnessCdeApi;
}

const ACTIONS = ['create', 'start', 'stop', 'delete'] as const;

/** A name the server accepts, from a repository URL: `https://github.com/acme/API.git` -> `api`. */
export function nameFromRepo(url: string): string {
  const last =
    url
      .replace(/\.git$/, '')
      .replace(/\/+$/, '')
      .split('/')
      .pop() ?? 'gitspace';
  const name = last
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 43);
  return name || 'gitspace';
}

/**
 * The `regions` input: the regions whose gitspaces (and machines) to act on, each one of the config's; empty for
 * every region.
 */
export function selectedRegions(io: ActionIO, config: GitspacesConfig): string[] {
  const wanted = io.inputs.list('regions');
  const known = Object.keys(config.infrastructure.regions);
  const unknown = wanted.filter((r) => !known.includes(r));
  if (unknown.length)
    throw new ConfigurationError(
      'INPUT_INVALID',
      `Input regions names ${unknown.map((r) => `"${r}"`).join(', ')}, not a region of infrastructure.regions`,
      `Use regions of the config (${known.join(', ')}), or leave regions empty for every region.`,
    );
  return wanted;
}

/**
 * The gitspaces to act on (one from the inputs, the one the `name` input picks from the config, or all of the
 * config's), kept to the `regions` input's regions when it names some: a gitspace is in its machine's region.
 */
export function selectSpecs(io: ActionIO, config: GitspacesConfig, op: GitspaceOperation): GitspaceSpec[] {
  const specs = selectAllSpecs(io, config, op);
  const regions = selectedRegions(io, config);
  if (!regions.length) return specs;
  const picked = !!(io.inputs.optional('repo-url') || io.inputs.optional('name'));
  const outside = specs.find((s) => s.region && !regions.includes(s.region));
  if (outside && picked)
    throw new ConfigurationError(
      'INPUT_INVALID',
      `Gitspace ${outside.name} is in ${outside.region}, which the regions input (${regions.join(', ')}) leaves out`,
      `Add ${outside.region} to regions, or leave regions empty.`,
    );
  // A gitspace picked by name that the config does not declare has no known region: the name decides.
  return specs.filter((s) => (s.region ? regions.includes(s.region) : picked));
}

function selectAllSpecs(io: ActionIO, config: GitspacesConfig, op: GitspaceOperation): GitspaceSpec[] {
  const inp = io.inputs;
  const repoUrl = inp.optional('repo-url');
  const name = inp.optional('name');
  const region = inp.optional('region') || undefined;
  const fromConfig: GitspaceSpec[] = config.gitspaces.map((g) => ({
    name: g.name,
    repoUrl: g.repo_url,
    repoType: g.repo_type,
    branch: g.branch,
    ide: g.ide,
    machine: g.machine,
    region: config.machines.find((m) => m.name === g.machine)?.region,
    devcontainerPath: g.devcontainer_path,
    sshTokenIdentifier: g.ssh_token_identifier,
  }));
  if (repoUrl) {
    if (!/^https?:\/\/\S+$/.test(repoUrl))
      throw new ConfigurationError(
        'INPUT_INVALID',
        `Input repo-url is not an http(s) URL: "${repoUrl}"`,
        'Use the repository URL, for example https://github.com/acme/api.',
      );
    const gsName = name || nameFromRepo(repoUrl);
    if (!/^[a-z0-9][a-z0-9-]{0,49}$/.test(gsName))
      throw new ConfigurationError(
        'INPUT_INVALID',
        `Input name "${gsName}" is not a valid gitspace name`,
        'Use 1-50 lower-case letters, digits and dashes, e.g. api-dev.',
      );
    const candidates = config.machines.filter((m) => !region || m.region === region);
    const machineName =
      inp.optional('machine') || (candidates.length === 1 ? candidates[0]?.name : undefined);
    if (!machineName) {
      throw new ConfigurationError(
        'INPUT_MISSING',
        `Input machine is required: ${candidates.length} machines${region ? ` in ${region}` : ''} are declared`,
        `Set \`machine\` to one of: ${candidates.map((m) => m.name).join(', ') || '(none: declare one under machines: in the config)'}.`,
      );
    }
    const machine = config.machines.find((m) => m.name === machineName && (!region || m.region === region));
    if (!machine && op === 'create')
      throw new ConfigurationError(
        'INPUT_INVALID',
        `Machine "${machineName}"${region ? ` in ${region}` : ''} is not declared in the config`,
        `Declare it under machines: (names: ${config.machines.map((m) => m.name).join(', ') || 'none'}).`,
      );
    const repoType = inp.optional('repo-type');
    return [
      {
        name: gsName,
        repoUrl,
        repoType: repoType
          ? (inp.oneOf('repo-type', REPO_TYPES, 'unknown') as EnumGitspaceCodeRepoType)
          : undefined,
        branch: inp.optional('branch', 'main'),
        ide: inp.oneOf('ide', IDES, 'vs_code_web') as EnumIDEType,
        machine: machineName,
        region: machine?.region ?? region,
      },
    ];
  }
  if (name) {
    const one = fromConfig.find((g) => g.name === name);
    if (one) return [one];
    if (op === 'create')
      throw new ConfigurationError(
        'INPUT_INVALID',
        `No gitspace named "${name}" in the config, and no repo-url to create it from`,
        `Declare it under gitspaces:, or set repo-url (names in the config: ${fromConfig.map((g) => g.name).join(', ') || 'none'}).`,
      );
    return [{ name, repoUrl: '', branch: 'main', ide: 'vs_code_web', machine: '' }];
  }
  return fromConfig;
}

export async function main(io: ActionIO, deps: CreateGitspaceDeps = {}): Promise<ActionResult> {
  const startedAt = io.clock.now();
  const inp = io.inputs;
  const op = inp.oneOf('action', ACTIONS, 'create');
  const apiKey = readHarnessApiKey(io);
  const config = deps.config ?? (await loadConfig(inp.optional('config', 'gitspaces.yaml')));
  const concurrency = inp.integer('concurrency', 4, 1);
  const wait = inp.boolean('wait', true);
  const timeoutMs = inp.duration('timeout', 20 * 60_000);
  const pollIntervalMs = inp.duration('poll-interval', 10_000);
  const specs = selectSpecs(io, config, op);
  const project = config.harness.project;
  if (specs.length && !project)
    throw new ConfigurationError(
      'CONFIG_INVALID',
      'harness.project is not set',
      'Gitspaces live in a Harness project: set harness.project in the config.',
    );
  if (!deps.harness && !apiKey) throw missingHarnessApiKey();
  // One retry layer: the pacer below (shared Retry-After across workers, list-before-retry for POSTs).
  const harness: HarnessCdeApi =
    deps.harness ??
    harnessClientFromConfig(config, {
      apiKey,
      env: io.env,
      log: io.log,
      clock: io.clock,
      retry: { attempts: 1 },
    });
  // preview: what would be created or started, from reads only.
  if (inp.oneOf('mode', ['apply', 'preview'] as const, 'apply') === 'preview')
    return previewCreate(io, harness, config, specs, startedAt);
  const pacer = new Pacer({ clock: io.clock, log: io.log });
  const infraId = config.infrastructure.identifier;
  // The gitspaces are listed while the machines are reconciled: two reads in one round trip, not two.
  const listed = specs.length
    ? pacer.call('list gitspaces', () => harness.listGitspaces(config.harness.org, project ?? ''))
    : undefined;
  listed?.catch(() => undefined);

  let machines: MachineOutcome[] = [];
  let resources: MachineResource[] = [];
  if (op === 'create') {
    const regions = selectedRegions(io, config);
    const wanted = config.machines.filter(
      (m) =>
        (specs.some((s) => s.machine === m.name) || inp.optional('repo-url') === '') &&
        (!regions.length || regions.includes(m.region)),
    );
    const r = await io.log.group('Machines', () =>
      reconcileMachines({ api: harness, infraId, machines: wanted, pacer, log: io.log }),
    );
    machines = r.outcomes;
    resources = r.resources;
  }

  const ctx: GitspaceContext = {
    api: harness,
    accountId: config.harness.account_id,
    org: config.harness.org,
    project: project ?? '',
    infraId,
    pacer,
    log: io.log,
    clock: io.clock,
    pollIntervalMs,
    timeoutMs,
    wait,
  };
  let outcomes: GitspaceOutcome[] = [];
  if (specs.length) {
    outcomes = await io.log.group(`Gitspaces: ${op} ${specs.length}`, () =>
      applyMany(ctx, op, specs, resources, { concurrency, listed }),
    );
  } else io.log.info('No gitspaces declared (gitspaces: in the config) and none given by inputs.');

  const failed = outcomes.filter((o) => o.result === 'failed');
  const outputs: Record<string, string> = { gitspaces: JSON.stringify(gitspacesOutput(outcomes)) };
  if (outcomes.length === 1) {
    outputs.url = outcomes[0]?.url ?? '';
    outputs['ssh-command'] = outcomes[0]?.sshCommand ?? '';
  }
  for (const [k, v] of Object.entries(outputs)) io.setOutput(k, v);
  const counts = (r: string) => outcomes.filter((o) => o.result === r).length;
  const summary = `${op}: ${outcomes.length} gitspace(s): ${counts('created')} created, ${counts('existing') + counts('running')} already running, ${counts('started')} started, ${counts('stopped')} stopped, ${counts('deleted')} deleted, ${failed.length} failed`;
  io.log.info(summary);
  const regions = selectedRegions(io, config);
  await io.appendSummary(
    renderCreateSummary(`Gitspaces (${[op, ...regions].join(', ')})`, machines, outcomes),
  );
  if (pacer.stats.rateLimited || pacer.stats.ambiguous)
    io.log.info(
      `Harness API: ${pacer.stats.calls} calls, ${pacer.stats.rateLimited} rate-limited (429) and waited out, ${pacer.stats.ambiguous} ambiguous failures reconciled by listing.`,
    );
  if (failed.length)
    io.setFailed(
      `${failed.length} of ${outcomes.length} gitspace(s) failed: ${failed.map((f) => `${f.name} (${f.detail.split('\n')[0]})`).join('; ')}`,
    );
  return {
    outputs,
    phase: {
      name: 'create-gitspace',
      status: failed.length ? 'failed' : 'ok',
      startedAt,
      durationMs: io.clock.now() - startedAt,
      summary,
      changes: {
        created: counts('created') + machines.filter((m) => m.status === 'created').length,
        updated: counts('started') + counts('stopped'),
        deleted: counts('deleted'),
      },
      details: outcomes.map((o) => `${o.name}: ${o.result} (${o.detail})`),
    },
    exitCode: failed.length ? 1 : 0,
  };
}
