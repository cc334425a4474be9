import { jest } from '@jest/globals';
import { main } from '../../actions/install-runner/main.js';
import type { Sandbox } from '../../sandbox/index.js';
import type { GcpWorld } from '../../sandbox/gcp/state.js';
import { readDockerState, writeDockerState } from '../../sandbox/vm/docker-state.js';
import type { DeepPartial, Scenario } from '../../sandbox/scenario.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HAS_OPENSSL, makeP12 } from '../gcp/p12.js';
import { appliedSandbox, recordingIO } from './helpers.js';

/**
 * install-runner against what the real runner VM can do to it: guest-attribute writes GCE drops (10 a minute per
 * VM), and an older Docker whose --hostname is no DNS name for the other containers.
 */

jest.setTimeout(120_000);

const VM = 'projects/acme-gitspaces/zones/us-central1-a/instances/gitspaces-us-central1-runner-vm';
const FAST = {
  'poll-interval': '150ms',
  'runner-timeout': '40s',
  'delegate-timeout': '10s',
  'gateway-timeout': '10s',
};

let sb: Sandbox | undefined;
afterEach(async () => {
  await sb?.stop();
  sb = undefined;
});

async function install(scenario: DeepPartial<Scenario>) {
  const applied = await appliedSandbox(scenario);
  sb = applied.sb;
  const run = async (inputs: Record<string, string> = {}) => {
    const io = recordingIO(
      { 'gcp-credentials': applied.keyJson, 'pool-yaml-path': applied.poolPath, ...FAST, ...inputs },
      applied.sb.env,
    );
    return { io, result: await main(io, { config: applied.config }) };
  };
  return { ...applied, run };
}

test('a failed bootstrap whose guest-attribute report GCE dropped is noticed on the serial port, not after runner-timeout', async () => {
  const env = await install({ vm: { runnerHealthy: false } });
  const gcp = env.sb.world.gcp as GcpWorld;
  // Another writer on the VM (the guest agent, say) used this minute's 10 writes, one a second up to now by the
  // emulators' clock: every report the bootstrap makes in the next 50 s is dropped. runner-timeout (40 s) ends
  // within that window.
  const at = gcp.now();
  for (let i = 0; i < 10; i++)
    expect(gcp.guestWrites.admit(VM, `other/k${i}`, at - 9_000 + i * 1_000)).toBe(true);
  const { io, result } = await env.run();

  expect(result.exitCode).toBe(1);
  expect(result.checks?.map((c) => `${c.id} ${c.status}`)).toEqual([
    'RUN-101 error',
    'DLG-101 skip',
    'GW-101 skip',
  ]);
  // The VM's report never arrived: no progress attribute, its writes dropped.
  expect(gcp.guestAttributes(VM)['gitspaces/progress']).toBeUndefined();
  expect(gcp.guestWrites.dropped(VM).filter((w) => w.key === 'gitspaces/progress').length).toBeGreaterThan(0);
  // What failed, read from serial port 1, with the step's fix.
  expect(io.failures[0]).toMatch(
    /Last state: step runner-health: failed:GET http:\/\/localhost:3000\/healthz did not answer OK after \d+ attempts \(from the VM's serial port 1; its guest-attribute report did not arrive\)/,
  );
  expect(io.failures[0]).toContain('docker logs gitspaces-runner');
  // Noticed at the poll after the failure, not at the deadline.
  const run101 = result.checks?.find((c) => c.id === 'RUN-101');
  expect(run101?.observed).not.toMatch(/after 40s/);
  // The secrets were removed though the VM's "consumed" report was dropped too.
  const inst = env.sb.world.gcp.getResource(VM) as { metadata?: { items?: { key: string }[] } };
  const keys = (inst.metadata?.items ?? []).map((i) => i.key);
  expect(keys).not.toContain('gitspaces-delegate-token');
  expect(keys).not.toContain('gitspaces-sa-key');
});

test('a successful bootstrap whose every report GCE dropped passes RUN-101 on the serial port', async () => {
  const env = await install({});
  const gcp = env.sb.world.gcp as GcpWorld;
  const at = gcp.now();
  for (let i = 0; i < 10; i++)
    expect(gcp.guestWrites.admit(VM, `other/k${i}`, at - 9_000 + i * 1_000)).toBe(true);
  const { io, result } = await env.run();
  expect(io.failures).toEqual([]);
  expect(result.exitCode).toBe(0);
  expect(gcp.guestAttributes(VM)['gitspaces/progress']).toBeUndefined();
  expect(result.checks?.find((c) => c.id === 'RUN-101')).toMatchObject({
    status: 'ok',
    observed:
      'bootstrap ok on gitspaces-us-central1-runner-vm, GET /healthz = OK (read from its serial port 1)',
  });
  expect(result.checks?.map((c) => `${c.id} ${c.status}`)).toEqual(['RUN-101 ok', 'DLG-101 ok', 'GW-101 ok']);
});

test.each(['19.03.15', '24.0.7'])(
  'with Docker %s on the VM the delegate reaches the runner by its network alias and the gateway turns healthy',
  async (dockerVersion) => {
    const env = await install({ vm: { dockerVersion } });
    const { io, result } = await env.run();
    expect(io.failures).toEqual([]);
    expect(result.exitCode).toBe(0);
    // The bootstrap's reports kept within GCE's limits: none dropped, at most 10 in its minute.
    const writes = (env.sb.world.gcp as GcpWorld).guestWrites.writes.get(VM) ?? [];
    expect(writes.filter((w) => w.dropped)).toEqual([]);
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.length).toBeLessThanOrEqual(10);
    const [delegate] = env.sb.world.vm.delegates;
    expect(delegate?.runnerUrl).toBe('http://vm-runner:3000/');
    expect(delegate?.reachesRunner).toBe(true);

    // Without the alias (the bootstrap before this fix), only Docker 20.10 and later resolve --hostname.
    const root = env.sb.world.vm.machine?.(VM)?.root as string;
    const state = readDockerState(root);
    for (const c of state.containers) c.aliases = [];
    writeDockerState(root, state);
    const old = dockerVersion.startsWith('19.');
    expect(env.sb.world.vm.delegates[0]?.reachesRunner).toBe(!old);
    const reasons = env.sb.world.harness.gatewayDiagnostics('gitspaces_gcp')['us-central1'] ?? [];
    if (old)
      expect(reasons).toContain(
        'delegate gitspaces-delegate cannot reach the runner at http://vm-runner:3000/: the name does not resolve on its Docker network',
      );
    else expect(reasons.join('\n')).not.toContain('cannot reach the runner');
  },
);

(HAS_OPENSSL ? test : test.skip)(
  'a P12 gcp-credentials key with its email: the runner on the VM gets the equivalent JSON key (needs openssl)',
  async () => {
    const env = await install({});
    const { io, result } = await env.run({
      'gcp-credentials': makeP12(env.sb.world.gcp.privateKeyPem).toString('base64'),
      'gcp-service-account-email': env.sb.world.gcp.clientEmail,
    });
    expect(io.failures).toEqual([]);
    expect(result.exitCode).toBe(0);
    const root = env.sb.world.vm.machine?.(VM)?.root as string;
    const onVm = JSON.parse(readFileSync(join(root, 'runner', 'gitspaces-sa-key.json'), 'utf8')) as Record<
      string,
      string
    >;
    expect(onVm).toMatchObject({
      type: 'service_account',
      client_email: env.sb.world.gcp.clientEmail,
      private_key_id: env.sb.world.gcp.keyId,
    });
    expect(onVm.private_key).toMatch(/^-----BEGIN PRIVATE KEY-----/);
  },
);
