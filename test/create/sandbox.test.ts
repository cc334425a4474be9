import { jest } from '@jest/globals';
import { main } from '../../actions/create-gitspace/main.js';
import { main as installRunner } from '../../actions/install-runner/main.js';
import { realClock } from '../../shared/clock.js';
import { Journal } from '../../sandbox/core/journal.js';
import { Sandbox, startSandbox } from '../../sandbox/index.js';
import type { DeepPartial, Scenario } from '../../sandbox/scenario.js';
import { appliedSandbox, recordingIO } from '../runner/helpers.js';
import { bulkConfig, exampleConfig, testIO } from './helpers.js';

jest.setTimeout(120_000);

const FAST = { 'poll-interval': '30ms', timeout: '30s' };
const harnessAttempts = (s: Sandbox, since: number) =>
  s.journal.since(since).filter((e) => e.attempted && e.service.startsWith('harness'));

/**
 * A sandbox where the infrastructure stands, as Harness needs it to start a gitspace: the module's resources
 * (gateway instance group, runner VM) created through the Compute API, then install-runner run for real (the
 * VM's startup script starts the runner and the delegate), which returns once the region's gateway is healthy.
 */
async function standingSandbox(scenario: DeepPartial<Scenario>): Promise<Sandbox> {
  const applied = await appliedSandbox(scenario);
  const io = recordingIO(
    {
      'gcp-credentials': applied.keyJson,
      'pool-yaml-path': applied.poolPath,
      'poll-interval': '150ms',
      'runner-timeout': '40s',
      'delegate-timeout': '10s',
      'gateway-timeout': '10s',
    },
    applied.sb.env,
  );
  const r = await installRunner(io, { config: applied.config });
  expect(io.failures).toEqual([]);
  expect(r.exitCode).toBe(0);
  const gateways = applied.sb.world.harness.gateways('gitspaces_gcp');
  expect(gateways.map((g) => `${g.region} ${g.overall_health}`)).toEqual(['us-central1 healthy']);
  return applied.sb;
}

describe('create-gitspace against the sandbox', () => {
  let sandbox: Sandbox;
  afterEach(async () => {
    await sandbox?.stop();
  });

  test('create, re-run (zero mutating requests), stop, start, delete', async () => {
    sandbox = await standingSandbox({ harness: { gitspaceStepMs: 20, gatewayHealthyAfterMs: 200 } });
    const cfg = exampleConfig();
    const create = testIO({ ...FAST }, realClock, sandbox.env);
    const r = await main(create.io, { config: cfg });
    expect(create.failed).toEqual([]);
    expect(r.exitCode).toBe(0);
    const [gs] = JSON.parse(create.outputs.gitspaces ?? '[]') as {
      identifier: string;
      state: string;
      url: string;
    }[];
    expect(gs?.identifier).toMatch(/^api-dev-[a-z0-9]{6}$/);
    expect(gs?.state).toBe('running');
    expect(create.outputs.url).toMatch(/^https:\/\/api-dev-/);
    expect(create.log.text()).toContain('[api-dev] gitspace_action_start_completed');
    const machinesPost = sandbox.journal.entries.find(
      (e) => e.method === 'POST' && e.path.endsWith('/resources'),
    );
    const sent = (machinesPost?.requestBody as { metadata: Record<string, unknown> }[])[0]?.metadata ?? {};
    expect(Object.keys(sent).length).toBeGreaterThan(0);
    expect(Object.values(sent).every((v) => typeof v === 'string')).toBe(true);
    expect(sandbox.journal.contractViolations()).toEqual([]);

    // The re-run, each request given a real round trip: the machines and the gitspaces are listed at once, and a
    // gitspace already running is reported as it is, without reading its events: one round trip in all.
    const seq = sandbox.journal.lastSeq;
    sandbox.faults.baseLatencyMs = 400; // well above what the client does between requests, even on a loaded machine
    const again = testIO({ ...FAST }, realClock, sandbox.env);
    await main(again.io, { config: cfg });
    sandbox.faults.baseLatencyMs = 0;
    expect(harnessAttempts(sandbox, seq)).toEqual([]);
    const reads = sandbox.journal.since(seq);
    expect(
      reads.map((e) => `${e.method} ${e.path.replace(/^.*\/(infraproviders|projects)\//, '')}`).sort(),
    ).toEqual(['GET gitspaces_gcp/resources', 'GET platform/gitspaces']);
    expect(Journal.roundTripsInSequence(reads)).toBe(1);
    expect(JSON.parse(again.outputs.gitspaces ?? '[]')[0]).toMatchObject({
      identifier: gs?.identifier,
      state: 'running',
      result: 'existing',
    });

    const stop = testIO({ ...FAST, action: 'stop' }, realClock, sandbox.env);
    await main(stop.io, { config: cfg });
    expect(JSON.parse(stop.outputs.gitspaces ?? '[]')[0]).toMatchObject({
      identifier: gs?.identifier,
      state: 'stopped',
    });

    const start = testIO({ ...FAST, action: 'start' }, realClock, sandbox.env);
    await main(start.io, { config: cfg });
    expect(JSON.parse(start.outputs.gitspaces ?? '[]')[0]).toMatchObject({
      identifier: gs?.identifier,
      state: 'running',
      result: 'started',
    });

    const del = testIO({ ...FAST, action: 'delete' }, realClock, sandbox.env);
    await main(del.io, { config: cfg });
    expect(JSON.parse(del.outputs.gitspaces ?? '[]')[0]).toMatchObject({
      identifier: gs?.identifier,
      result: 'deleted',
    });
    const list = sandbox.journal.entries.filter(
      (e) => e.method === 'DELETE' && e.path.includes('/gitspaces/'),
    );
    expect(list).toHaveLength(1);
    // Deletion is asynchronous (marked, deprovisioned, then gone): whatever is still listed is in state deleted.
    const h = sandbox.world.harness;
    expect(
      h.gitspaces
        .map((g) => h.gitspaceView(g))
        .filter((v) => v && v.instance?.state !== 'deleted')
        .map((v) => `${v?.identifier}: ${v?.instance?.state}`),
    ).toEqual([]);
    expect(sandbox.journal.contractViolations()).toEqual([]);
  });

  test.each([
    ['10% 5xx and 10% 429', [] as const],
    [
      '10% 5xx, 10% 429 and 5% dropped connections',
      [{ service: 'harness', kind: 'drop', rate: 0.05 }] as const,
    ],
  ])('50 gitspaces with %s on the Harness routes: exactly 50, no duplicates', async (_what, extra) => {
    sandbox = await standingSandbox({ harness: { gitspaceStepMs: 20, gatewayHealthyAfterMs: 200 } });
    // Faults from here on: the infrastructure was brought up on a healthy network.
    sandbox.faults.rules.push(
      { service: 'harness', kind: '5xx', rate: 0.1 },
      { service: 'harness', kind: '429', rate: 0.1, retryAfterSeconds: 0 },
      ...extra,
    );
    const t = testIO({ ...FAST, concurrency: '10' }, realClock, sandbox.env);
    const r = await main(t.io, { config: bulkConfig(50) });
    const views = sandbox.world.harness.gitspaces
      .map((g) => sandbox.world.harness.gitspaceView(g))
      .filter((v) => v !== undefined);
    const names = views.map((v) => v.name);
    expect(names).toHaveLength(50);
    expect(new Set(names).size).toBe(50);
    expect(views.every((v) => v.state === 'running')).toBe(true);
    expect(r.exitCode).toBe(0);
    const faults = sandbox.journal.entries.filter((e) => e.fault);
    expect(faults.some((e) => e.fault === '5xx' && e.method === 'POST')).toBe(true);
    expect(faults.some((e) => e.fault === '429')).toBe(true);
  });

  test('a gitspace that ends in error fails the step with the instance error message and the last events', async () => {
    sandbox = await standingSandbox({
      harness: { gitspaceStepMs: 20, gatewayHealthyAfterMs: 200, gitspaceStartFails: true },
    });
    const t = testIO({ ...FAST }, realClock, sandbox.env);
    const r = await main(t.io, { config: exampleConfig() });
    expect(r.exitCode).toBe(1);
    expect(t.failed[0]).toContain('devcontainer image could not be pulled');
    const md = t.summary.join('\n');
    expect(md).toContain('<details><summary>api-dev: last events</summary>');
    expect(md).toContain('gitspace_action_start_failed');
    expect(JSON.parse(t.outputs.gitspaces ?? '[]')[0]).toMatchObject({ name: 'api-dev', result: 'failed' });
  });

  test('without a healthy gateway in its region, a gitspace ends in error, as Harness cannot provision it', async () => {
    // The infra provider is configured, but nothing was applied or installed: no gateway in us-central1.
    sandbox = await startSandbox({ scenario: { harness: { existingInfra: true, gitspaceStepMs: 20 } } });
    const t = testIO({ ...FAST }, realClock, sandbox.env);
    const r = await main(t.io, { config: exampleConfig() });
    expect(r.exitCode).toBe(1);
    const h = sandbox.world.harness;
    const views = h.gitspaces.map((g) => h.gitspaceView(g));
    expect(views.map((v) => `${v?.name} ${v?.state} ${v?.instance?.state}`)).toEqual(['api-dev error error']);
    const error = views[0]?.instance?.error_message ?? '';
    expect(error).toMatch(
      /^cannot trigger provision infrastructure for ID standard-[a-z0-9]{6}: no healthy gateway in region us-central1 for infra provider gitspaces_gcp \(no instance group gitspaces-us-central1-gateway-group-\* in GCP\)$/,
    );
    expect(t.failed[0]).toContain('no healthy gateway in region us-central1');
    expect(h.gitspaceEvents(h.gitspaces[0]!).map((e) => e.event)).toEqual([
      'gitspace_action_start_failed',
      'infra_provisioning_failed',
      'infra_provisioning_start',
      'gitspace_action_start',
    ]);
    expect(JSON.parse(t.outputs.gitspaces ?? '[]')[0]).toMatchObject({ name: 'api-dev', result: 'failed' });
  });
});
