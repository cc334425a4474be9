import { main } from '../../actions/create-gitspace/main.js';
import { realClock } from '../../shared/clock.js';
import { Sandbox, startSandbox } from '../../sandbox/index.js';
import { bulkConfig, exampleConfig, testIO } from './helpers.js';

const FAST = { 'poll-interval': '30ms', timeout: '30s' };
const harnessMutations = (s: Sandbox, since: number) =>
  s.journal.since(since).filter((e) => e.mutating && e.service.startsWith('harness'));

describe('create-gitspace against the sandbox', () => {
  let sandbox: Sandbox;
  afterEach(async () => {
    await sandbox?.stop();
  });

  test('create, re-run (zero mutating requests), stop, start, delete', async () => {
    sandbox = await startSandbox({ scenario: { harness: { existingInfra: true, gitspaceStepMs: 20 } } });
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

    const seq = sandbox.journal.lastSeq;
    const again = testIO({ ...FAST }, realClock, sandbox.env);
    await main(again.io, { config: cfg });
    expect(harnessMutations(sandbox, seq)).toEqual([]);
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
    sandbox = await startSandbox({
      scenario: {
        harness: { existingInfra: true, gitspaceStepMs: 20 },
        faults: [
          { service: 'harness', kind: '5xx', rate: 0.1 },
          { service: 'harness', kind: '429', rate: 0.1, retryAfterSeconds: 0 },
          ...extra,
        ],
      },
    });
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
    sandbox = await startSandbox({
      scenario: { harness: { existingInfra: true, gitspaceStepMs: 20, gitspaceStartFails: true } },
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
});
