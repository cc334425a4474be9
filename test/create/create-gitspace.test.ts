import { main } from '../../actions/create-gitspace/main.js';
import { FakeClock } from '../../shared/clock.js';
import { seededRandom } from '../../sandbox/core/faults.js';
import { FakeHarness } from './fake-harness.js';
import { bulkConfig, exampleConfig, testIO } from './helpers.js';

const FAST = { 'poll-interval': '50ms', timeout: '1m' };

describe('create-gitspace (against an in-memory Harness)', () => {
  test('creates the machine and the gitspace, starts it, streams its events, and outputs url and ssh command', async () => {
    const clock = new FakeClock(1_000);
    const harness = new FakeHarness(clock);
    const t = testIO({ ...FAST }, clock);
    const r = await main(t.io, { config: exampleConfig(), harness });

    expect(harness.mutations).toEqual([
      'create-resource standard',
      'create api-dev',
      expect.stringMatching(/^start api-dev-[a-z0-9]{6}$/),
    ]);
    const machine = harness.resources[0];
    expect(machine?.metadata).toMatchObject({
      zone: 'us-central1-a',
      machine_type: 'e2-standard-4',
      boot_disk_size: '50',
      persistent_disk_size: '100',
      region_name: 'us-central1',
    });
    expect(machine?.disk).toBe('100');
    const gitspaces = JSON.parse(t.outputs.gitspaces ?? '[]');
    expect(gitspaces).toEqual([
      {
        identifier: expect.stringMatching(/^api-dev-[a-z0-9]{6}$/),
        name: 'api-dev',
        state: 'running',
        result: 'created',
        url: expect.stringContaining('https://api-dev-'),
        'ssh-command': expect.stringContaining('ssh api-dev-'),
      },
    ]);
    expect(t.outputs.url).toBe(gitspaces[0].url);
    expect(t.outputs['ssh-command']).toBe(gitspaces[0]['ssh-command']);
    const text = t.log.text();
    // Each event once, in order, as it arrived.
    const evLines = t.log.lines.filter((l) => l.includes('[api-dev]'));
    expect(evLines).toEqual([
      'info:   [api-dev] gitspace_action_start: Starting the gitspace',
      'info:   [api-dev] infra_provisioning_completed: VM provisioned',
      'info:   [api-dev] gitspace_action_start_completed: Gitspace is running',
    ]);
    expect(text).toContain('api-dev: created as api-dev-');
    expect(t.summary.join('\n')).toMatch(
      /\| 🆕 \| api-dev \| api-dev-[a-z0-9]{6} \| running \| created and started \|/,
    );
    expect(r.exitCode).toBe(0);
    expect(t.failed).toEqual([]);
  });

  test('a re-run finds the suffixed gitspace and the machine again and changes nothing', async () => {
    const clock = new FakeClock(1_000);
    const harness = new FakeHarness(clock);
    await main(testIO({ ...FAST }, clock).io, { config: exampleConfig(), harness });
    const before = harness.mutations.length;
    const t = testIO({ ...FAST }, clock);
    await main(t.io, { config: exampleConfig(), harness });
    expect(harness.mutations.length).toBe(before);
    expect(harness.records).toHaveLength(1);
    expect(JSON.parse(t.outputs.gitspaces ?? '[]')[0]).toMatchObject({
      name: 'api-dev',
      state: 'running',
      result: 'existing',
    });
    expect(t.log.text()).toContain('Machine standard (us-central1) exists and matches the config.');
  });

  test('a machine that differs from the config is reported, not changed', async () => {
    const clock = new FakeClock(1_000);
    const harness = new FakeHarness(clock);
    harness.resources.push({
      identifier: 'standard-x',
      name: 'standard',
      region: 'us-central1',
      disk: '100',
      metadata: { zone: 'us-central1-a', machine_type: 'e2-standard-8', persistent_disk_size: '100' },
    });
    const t = testIO({ ...FAST }, clock);
    await main(t.io, { config: exampleConfig(), harness });
    expect(harness.mutations.filter((m) => m.includes('resource'))).toEqual([]);
    expect(t.log.text()).toContain(
      'warning: Machine standard (us-central1) differs from the config: machine_type: e2-standard-8 → e2-standard-4',
    );
    expect(t.summary.join('\n')).toContain(
      'differs (not changed): machine_type: e2-standard-8 → e2-standard-4',
    );
  });

  test('stop, start and delete act on the existing gitspace', async () => {
    const clock = new FakeClock(1_000);
    const harness = new FakeHarness(clock);
    const cfg = exampleConfig();
    await main(testIO({ ...FAST }, clock).io, { config: cfg, harness });
    const id = harness.records[0]?.view.identifier as string;

    const stop = testIO({ ...FAST, action: 'stop' }, clock);
    await main(stop.io, { config: cfg, harness });
    expect(JSON.parse(stop.outputs.gitspaces ?? '[]')[0]).toMatchObject({
      identifier: id,
      state: 'stopped',
      result: 'stopped',
      url: null,
    });
    const stopAgain = testIO({ ...FAST, action: 'stop' }, clock);
    const n = harness.mutations.length;
    await main(stopAgain.io, { config: cfg, harness });
    expect(harness.mutations.length).toBe(n);

    const start = testIO({ ...FAST, action: 'start', name: 'api-dev' }, clock);
    await main(start.io, { config: cfg, harness });
    expect(JSON.parse(start.outputs.gitspaces ?? '[]')[0]).toMatchObject({
      identifier: id,
      state: 'running',
      result: 'started',
    });
    expect(start.log.text()).toContain('[api-dev] gitspace_action_start: Starting the gitspace');
    // Only new events are streamed: the first start's events are not printed again.
    expect(start.log.lines.filter((l) => l.includes('gitspace_action_start_completed'))).toHaveLength(1);

    const del = testIO({ ...FAST, action: 'delete' }, clock);
    await main(del.io, { config: cfg, harness });
    expect(JSON.parse(del.outputs.gitspaces ?? '[]')[0]).toMatchObject({
      identifier: id,
      state: 'deleted',
      result: 'deleted',
    });
    expect(harness.mutations.slice(-2)).toEqual([`stop ${id}`, `delete ${id}`]);
    expect(await harness.listGitspaces()).toEqual([]);

    const delAgain = testIO({ ...FAST, action: 'delete' }, clock);
    await main(delAgain.io, { config: cfg, harness });
    expect(JSON.parse(delAgain.outputs.gitspaces ?? '[]')[0]).toMatchObject({ result: 'absent' });
  });

  test('a gitspace that ends in error fails the step with the error message and the last events', async () => {
    const clock = new FakeClock(1_000);
    const harness = new FakeHarness(clock);
    harness.failStart = true;
    const t = testIO({ ...FAST }, clock);
    const r = await main(t.io, { config: exampleConfig(), harness });
    expect(r.exitCode).toBe(1);
    expect(t.failed[0]).toContain('api-dev');
    expect(t.failed[0]).toContain('devcontainer image could not be pulled');
    const summary = t.summary.join('\n');
    expect(summary).toContain('Gitspace api-dev is in state error: devcontainer image could not be pulled');
    expect(summary).toContain('<details><summary>api-dev: last events</summary>');
    expect(summary).toContain('- gitspace_action_start_failed: devcontainer image could not be pulled');
  });

  test('a gitspace in error is deleted without a stop first', async () => {
    const clock = new FakeClock(1_000);
    const harness = new FakeHarness(clock);
    harness.failStart = true;
    const cfg = exampleConfig();
    await main(testIO({ ...FAST }, clock).io, { config: cfg, harness });
    const id = harness.records[0]?.view.identifier as string;
    const del = testIO({ ...FAST, action: 'delete' }, clock);
    const r = await main(del.io, { config: cfg, harness });
    expect(r.exitCode).toBe(0);
    expect(harness.mutations.slice(-1)).toEqual([`delete ${id}`]);
    expect(harness.mutations.some((m) => m.startsWith('stop'))).toBe(false);
  });

  test('one gitspace from inputs: name from the repository, machine picked when the region has one', async () => {
    const clock = new FakeClock(1_000);
    const harness = new FakeHarness(clock);
    const t = testIO(
      {
        ...FAST,
        'repo-url': 'https://gitlab.com/acme/Web-App.git',
        branch: 'dev',
        ide: 'cursor',
        region: 'us-central1',
      },
      clock,
    );
    await main(t.io, { config: exampleConfig(), harness });
    expect(harness.records.map((r) => r.view.name)).toEqual(['web-app']);
    expect(harness.records[0]?.view).toMatchObject({
      branch: 'dev',
      ide: 'cursor',
      code_repo_url: 'https://gitlab.com/acme/Web-App.git',
    });
    expect(t.outputs.url).toContain('https://web-app-');
  });

  test('stopping a gitspace that is still starting waits out the 403 and then stops it', async () => {
    const clock = new FakeClock(1_000);
    const harness = new FakeHarness(clock);
    harness.stepMs = 1_000;
    const cfg = exampleConfig();
    await main(testIO({ ...FAST, wait: 'false' }, clock).io, { config: cfg, harness });
    expect(harness.records[0]?.view.state).toBe('starting');
    const t = testIO({ ...FAST, action: 'stop' }, clock);
    await main(t.io, { config: cfg, harness });
    expect(JSON.parse(t.outputs.gitspaces ?? '[]')[0]).toMatchObject({ state: 'stopped', result: 'stopped' });
  });

  test('50 gitspaces with 10% ambiguous 5xx (applied, then failed) and 10% 429: exactly 50, no duplicates', async () => {
    const clock = new FakeClock(1_000);
    const harness = new FakeHarness(clock);
    const random = seededRandom(42);
    harness.fault = (op) => {
      const x = random();
      if (x < 0.1) return '429';
      if (x < 0.15) return 'before-5xx';
      if (x < 0.2) return op === 'create' || op.startsWith('action') ? 'after-5xx' : 'before-5xx';
      return undefined;
    };
    const t = testIO({ ...FAST, concurrency: '8' }, clock);
    const r = await main(t.io, { config: bulkConfig(50), harness });
    const names = harness.records.map((x) => x.view.name);
    expect(names).toHaveLength(50);
    expect(new Set(names).size).toBe(50);
    const out = JSON.parse(t.outputs.gitspaces ?? '[]') as { state: string; result: string }[];
    expect(out.filter((g) => g.state === 'running')).toHaveLength(50);
    expect(r.exitCode).toBe(0);
    // The faults did happen (so the test proves something).
    expect(harness.calls.filter((c) => c === 'create').length).toBeGreaterThan(50);
  });
});
