import { jest } from '@jest/globals';
import { main } from '../../actions/install-runner/main.js';
import type { Sandbox } from '../../sandbox/index.js';
import { appliedSandbox, recordingIO } from './helpers.js';

/**
 * install-runner with `wait-for-gateways: false` (what the pipeline passes, to wait for each region's gateway
 * itself): it ends once the runner and the delegate are up, reports GW-101 skipped saying why, and sets no
 * `gateways` output. The default still waits for every gateway (test/runner/install.test.ts).
 */
jest.setTimeout(120_000);

let sb: Sandbox | undefined;
afterEach(async () => {
  await sb?.stop();
  sb = undefined;
});

test('with wait-for-gateways false, a stuck gateway does not hold install-runner: GW-101 is skipped, saying why', async () => {
  const applied = await appliedSandbox({ harness: { gatewayStuckUnhealthy: true } });
  sb = applied.sb;
  const io = recordingIO(
    {
      'gcp-credentials': applied.keyJson,
      'pool-yaml-path': applied.poolPath,
      'poll-interval': '150ms',
      'runner-timeout': '40s',
      'delegate-timeout': '10s',
      'gateway-timeout': '1h',
      'wait-for-gateways': 'false',
    },
    applied.sb.env,
  );
  const mark = applied.sb.journal.lastSeq;
  const result = await main(io, { config: applied.config });
  expect(result.exitCode).toBe(0);
  expect(result.checks?.map((c) => `${c.id} ${c.status}`)).toEqual([
    'RUN-101 ok',
    'DLG-101 ok',
    'GW-101 skip',
  ]);
  expect(result.checks?.find((c) => c.id === 'GW-101')?.fix).toContain('wait-for-gateways: false');
  expect(io.outputs['runner-healthy']).toBe('true');
  expect(io.outputs.gateways).toBeUndefined();
  const summary = io.summaries.join('\n');
  expect(summary).toContain('the delegate connected (gateways not waited for here)');
  // The gateways were not even asked about.
  expect(applied.sb.journal.since(mark).some((e) => /\/gateways/.test(e.path))).toBe(false);
});

test('a wait-for-gateways that is not a boolean is refused, naming the input', async () => {
  const applied = await appliedSandbox({});
  sb = applied.sb;
  const io = recordingIO(
    { 'gcp-credentials': applied.keyJson, 'pool-yaml-path': applied.poolPath, 'wait-for-gateways': 'no' },
    applied.sb.env,
  );
  const mark = applied.sb.journal.lastSeq;
  await expect(main(io, { config: applied.config })).rejects.toMatchObject({
    code: 'INPUT_INVALID',
    message: expect.stringContaining('wait-for-gateways'),
  });
  expect(applied.sb.journal.since(mark).filter((e) => e.attempted)).toEqual([]);
});
