/**
 * GW-101 as the pipeline waits for one region (waitForRegionGateways): the version it expects, when it comes from
 * the infrastructure's setup YAML, is read alongside the first gateways read, not before it; a failed read of it is
 * tried again at the next poll; and what the check records expects that version.
 */
import { FakeClock } from '../../shared/clock.js';
import { RemoteError } from '../../shared/errors.js';
import type { TypesCDEGateway } from '../../shared/harness/types.js';
import { RecordingLogger } from '../../shared/logger.js';
import type { CheckResult } from '../../shared/report/model.js';
import { HealthGates, waitForRegionGateways } from '../../shared/runner/install-gates.js';

const gateway = (version: string, health = 'healthy'): TypesCDEGateway => ({
  name: 'gw-1',
  region: 'us-central1',
  overall_health: health,
  health,
  envoy_health: 'healthy',
  version,
  updated: 1,
});

function setup(answers: { gateways: TypesCDEGateway[][]; version: (() => Promise<string | undefined>)[] }) {
  const clock = new FakeClock(1_000);
  const log = new RecordingLogger();
  const calls: string[] = [];
  let inFlight = 0;
  let most = 0;
  const track = async <T>(what: string, f: () => Promise<T>): Promise<T> => {
    calls.push(what);
    inFlight++;
    most = Math.max(most, inFlight);
    try {
      await new Promise((r) => setTimeout(r, 5));
      return await f();
    } finally {
      inFlight--;
    }
  };
  let g = 0;
  let v = 0;
  const listGateways = () =>
    track('gateways', async () => answers.gateways[Math.min(g++, answers.gateways.length - 1)] ?? []);
  const version = () => track('version', () => (answers.version[v++] as () => Promise<string | undefined>)());
  const checks: CheckResult[] = [];
  const wait = () =>
    waitForRegionGateways(
      {
        harness: { listGateways },
        infraId: 'gitspaces_gcp',
        deadlineMs: 60_000,
        pollIntervalMs: 10_000,
        clock,
        log,
      },
      new HealthGates(checks, clock, log),
      ['us-central1'],
      version,
    );
  return { wait, calls, checks, most: () => most, log };
}

test('the expected version is read alongside the first gateways read, once', async () => {
  const s = setup({
    gateways: [[gateway('1.16.0', 'unhealthy')], [gateway('1.16.0')]],
    version: [async () => '1.16.0'],
  });
  const views = await s.wait();
  expect(views.map((v) => `${v.region} ${v.overall_health} ${v.version}`)).toEqual([
    'us-central1 healthy 1.16.0',
  ]);
  expect(s.calls).toEqual(['gateways', 'version', 'gateways']);
  expect(s.most()).toBe(2);
  expect(s.checks.map((c) => `${c.id} ${c.status}: ${c.expected}`)).toEqual([
    'GW-101 ok: us-central1: overall_health healthy, version 1.16.0',
  ]);
});

test('a gateway at another version than the setup YAML names is not healthy enough', async () => {
  const s = setup({ gateways: [[gateway('1.15.0')]], version: [async () => '1.16.0'] });
  await s.wait();
  expect(s.checks).toEqual([
    expect.objectContaining({
      id: 'GW-101',
      status: 'error',
      expected: 'us-central1: overall_health healthy, version 1.16.0',
      observed: expect.stringContaining('expected 1.16.0'),
    }),
  ]);
});

test('a version read that failed in transit is tried again at the next poll', async () => {
  const s = setup({
    gateways: [[gateway('1.16.0')]],
    version: [
      async () => {
        throw new RemoteError('harness', 503, 'Service unavailable');
      },
      async () => '1.16.0',
    ],
  });
  await s.wait();
  expect(s.calls).toEqual(['gateways', 'version', 'gateways', 'version']);
  expect(s.checks.map((c) => `${c.id} ${c.status}`)).toEqual(['GW-101 ok']);
  expect(s.log.text()).toContain('transient error');
});
