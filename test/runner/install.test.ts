import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { main } from '../../actions/install-runner/main.js';
import { createGcp } from '../../shared/gcp/index.js';
import { HarnessClient } from '../../shared/harness/client.js';
import { nullLogger } from '../../shared/logger.js';
import { Journal } from '../../sandbox/core/journal.js';
import type { Sandbox } from '../../sandbox/index.js';
import type { DeepPartial, Scenario } from '../../sandbox/scenario.js';
import type { GitspacesConfig } from '../../shared/config/schema.js';
import { appliedSandbox, exampleConfig, recordingIO } from './helpers.js';

/**
 * install-runner against the sandbox: the Compute emulator boots the VM, whose startup script runs for real
 * (sandbox/vm) and starts the stand-in containers the Harness emulator then sees.
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

async function install(
  scenario: DeepPartial<Scenario>,
  inputs: Record<string, string> = {},
  config?: (c: GitspacesConfig) => GitspacesConfig,
) {
  // Compute operations done when answered: install-runner polls a RUNNING one every second (setMetadata, reset).
  const applied = await appliedSandbox({ ...scenario, gcp: { operationMs: 0, ...scenario.gcp } });
  sb = applied.sb;
  const cfg = config ? config(applied.config) : applied.config;
  const run = async (extra: Record<string, string> = {}) => {
    const io = recordingIO(
      {
        'gcp-credentials': applied.keyJson,
        'pool-yaml-path': applied.poolPath,
        ...FAST,
        ...inputs,
        ...extra,
      },
      applied.sb.env,
    );
    const result = await main(io, { config: cfg });
    return { io, result };
  };
  return { ...applied, run };
}

function metadataItems(s: Sandbox): Record<string, string> {
  const inst = s.world.gcp.getResource(VM) as { metadata?: { items?: { key: string; value: string }[] } };
  return Object.fromEntries((inst.metadata?.items ?? []).map((i) => [i.key, i.value]));
}

function tokenValue(s: Sandbox): string {
  const t = s.world.harness.tokens.get('gitspaces-delegate-token');
  if (!t?.details.value) throw new Error('no delegate token issued');
  return t.details.value;
}

test('installs the runner and the delegate, drives the gateway from unhealthy to healthy, and leaves no secret behind', async () => {
  // The gateway reports healthy an hour after runner and delegate are up, by the emulator's clock: the first
  // GW-101 poll sees it unhealthy however slow the machine; once that answer is ready, the clock moves an hour on.
  const env = await install({ harness: { gatewayHealthyAfterMs: 3_600_000 } });
  const s = env.sb;
  expect(s.world.harness.gateways('gitspaces_gcp')[0]?.overall_health).toBe('unhealthy');
  expect(s.world.harness.gatewayDiagnostics('gitspaces_gcp')['us-central1']).toEqual([
    'no healthy VM runner',
    'no delegate started',
  ]);
  // The install reads the gateways once alongside its other first reads, before it knows it has to install (a
  // reading GW-101 uses only when nothing was installed); GW-101's first poll is the second read.
  const firstPoll = s.holds.arm({
    service: 'harness',
    method: 'GET',
    route: /\/infraproviders\/gitspaces_gcp\/gateways$/,
    stage: 'response',
    nth: 2,
  });
  void firstPoll.arrived.then(() => {
    const realNow = s.world.harness.now;
    s.world.harness.now = () => realNow() + 3_600_000;
    firstPoll.release();
  });

  const { io, result } = await env.run();
  expect(io.failures).toEqual([]);
  expect(result.exitCode).toBe(0);
  expect(result.checks?.map((c) => `${c.id} ${c.status}`)).toEqual(['RUN-101 ok', 'DLG-101 ok', 'GW-101 ok']);
  expect(io.outputs['runner-healthy']).toBe('true');
  expect(io.outputs['delegate-name']).toBe('gitspaces-delegate');
  expect(JSON.parse(io.outputs.gateways as string)).toEqual([
    expect.objectContaining({ region: 'us-central1', overall_health: 'healthy', version: '1.16.0' }),
  ]);

  // The user watched it progress: each bootstrap step, then the gateway going from unhealthy to healthy.
  const log = io.log.text();
  for (const step of [
    'docker = ok:present',
    'files = ok',
    'secrets-consumed = true',
    'runner = ok:started',
    'delegate = ok:started',
    'runner-health = ok',
  ])
    expect(log).toContain(step);
  const unhealthy = log.indexOf('GW-101: us-central1: unhealthy');
  expect(unhealthy).toBeGreaterThan(-1);
  expect(log.indexOf('GW-101: us-central1: healthy')).toBeGreaterThan(unhealthy);
  expect(s.world.harness.gateways('gitspaces_gcp')[0]?.overall_health).toBe('healthy');

  // Exactly one runner and one delegate, started by the VM's own startup script.
  expect(s.world.vm.runners).toEqual([
    expect.objectContaining({ instance: VM, healthy: true, image: 'drone/drone-runner-aws:latest' }),
  ]);
  expect(s.world.vm.delegates).toEqual([
    expect.objectContaining({
      instance: VM,
      name: 'gitspaces-delegate',
      tags: ['gitspaces'],
      runnerUrl: 'http://vm-runner:3000/',
      managerUrl: s.urls.harness,
    }),
  ]);

  // Secrets: never in the log, outputs, summary, the final metadata, or the guest attributes; the report says they were removed.
  const token = tokenValue(s);
  const privateKey = s.secrets.serviceAccountPrivateKey;
  const keyLine = privateKey.split('\n')[1] as string;
  const summary = io.summaries.join('\n');
  expect(summary).toContain('removed them from instance metadata');
  for (const text of [
    io.log.lines.join('\n'),
    JSON.stringify(io.outputs),
    summary,
    JSON.stringify(metadataItems(s)),
    JSON.stringify(s.world.gcp.guestAttributes(VM)),
    JSON.stringify(result),
  ]) {
    expect(text).not.toContain(token);
    expect(text).not.toContain(keyLine);
  }
  expect(Object.keys(metadataItems(s)).sort()).toEqual([
    'enable-guest-attributes',
    'gitspaces-pool-yaml',
    'gitspaces-run-id',
    'startup-script',
  ]);
  // The journal: the secrets went in with one setMetadata, and the last one took them out.
  const setMetadata = s.journal.entries.filter(
    (e) => e.service === 'compute' && e.method === 'POST' && e.path.endsWith('/setMetadata'),
  );
  expect(setMetadata).toHaveLength(2);
  const last = JSON.stringify(setMetadata[1]?.requestBody);
  expect(last).not.toContain(token);
  expect(last).not.toContain(keyLine);
  expect(JSON.stringify(setMetadata[0]?.requestBody)).toContain(token);
});

test('re-running on a healthy VM changes nothing', async () => {
  const env = await install({});
  const first = await env.run();
  expect(first.result.exitCode).toBe(0);
  const runnerBefore = env.sb.world.vm.runners;
  const boots = env.sb.world.vm.machine?.(VM)?.boots;
  const mark = env.sb.journal.lastSeq;

  // Each request given a real round trip: the token, then every read at once (the VM and its report; the
  // infrastructure, the delegate token, its groups and the gateways), and the gates judge those readings.
  env.sb.faults.baseLatencyMs = 400; // well above what the client does between requests, even on a loaded machine
  const again = await env.run();
  env.sb.faults.baseLatencyMs = 0;
  expect(Journal.roundTripsInSequence(env.sb.journal.since(mark))).toBe(2);
  expect(again.result.checks?.map((c) => `${c.id} ${c.status}`)).toEqual([
    'RUN-101 ok',
    'DLG-101 ok',
    'GW-101 ok',
  ]);
  expect(again.io.failures).toEqual([]);
  expect(again.result.exitCode).toBe(0);
  expect(again.result.phase.summary).toBe(
    'gitspaces-us-central1-runner-vm already healthy with this configuration; nothing changed',
  );
  expect(again.io.summaries.join('\n')).toContain('Nothing changed');
  expect(env.sb.journal.since(mark).filter((e) => e.attempted)).toEqual([]);
  expect(env.sb.world.vm.runners).toEqual(runnerBefore);
  expect(env.sb.world.vm.machine?.(VM)?.boots).toBe(boots);
});

test('on a healthy re-run, a gateways read that failed alongside the first reads is no reading: GW-101 reads again and passes', async () => {
  const env = await install({});
  expect((await env.run()).result.exitCode).toBe(0);
  // The re-run's first gateways read is answered 400 (not retried); the rule is gone before any other request.
  const first = env.sb.holds.arm({
    service: 'harness',
    method: 'GET',
    route: /\/infraproviders\/gitspaces_gcp\/gateways$/,
  });
  const refusal = { service: 'harness', route: '/gateways$', kind: '5xx' as const, status: 400, rate: 1 };
  void first.arrived.then(() => {
    env.sb.faults.rules.push(refusal);
    first.release();
    setImmediate(() => env.sb.faults.rules.splice(env.sb.faults.rules.indexOf(refusal), 1));
  });
  const mark = env.sb.journal.lastSeq;
  const again = await env.run();
  const gatewayReads = env.sb.journal.since(mark).filter((e) => e.path.endsWith('/gateways'));
  expect(gatewayReads.map((e) => e.status)).toEqual([400, 200]);
  expect(again.io.failures).toEqual([]);
  expect(again.result.checks?.map((c) => `${c.id} ${c.status}`)).toEqual([
    'RUN-101 ok',
    'DLG-101 ok',
    'GW-101 ok',
  ]);
  expect(again.result.phase.summary).toBe(
    'gitspaces-us-central1-runner-vm already healthy with this configuration; nothing changed',
  );
});

test('a delegate selector the delegate does not carry fails DLG-101 with the last state and the fix', async () => {
  const env = await install({}, { 'manage-delegate-selector': 'false' }, () =>
    exampleConfig((t) => t.replace('tags: [gitspaces]', 'tags: [gcp-pool]')),
  );
  const { io, result } = await env.run();
  expect(result.exitCode).toBe(1);
  expect(result.checks?.map((c) => `${c.id} ${c.status}`)).toEqual([
    'RUN-101 ok',
    'DLG-101 error',
    'GW-101 skip',
  ]);
  const dlg = result.checks?.find((c) => c.id === 'DLG-101');
  expect(dlg?.observed).toContain(
    'delegate gitspaces-delegate connected with tags [gcp-pool, gitspaces-delegate], but the infrastructure selects [gitspaces]',
  );
  expect(io.failures).toHaveLength(1);
  expect(io.failures[0]).toContain('DLG-101');
  expect(io.failures[0]).toContain(
    'Last state: delegate gitspaces-delegate connected with tags [gcp-pool, gitspaces-delegate], but the infrastructure selects [gitspaces]',
  );
  expect(io.failures[0]).toMatch(
    /Fix: .*delegate\.tags in gitspaces\.yaml to include 'gitspaces'.*manage-delegate-selector: true/,
  );
  expect(io.summaries.join('\n')).toContain('DLG-101 failed');
  expect(io.outputs['runner-healthy']).toBe('true');
});

test('the infra selector is set to the delegate tags when it does not match', async () => {
  const env = await install({}, {}, () =>
    exampleConfig((t) => t.replace('tags: [gitspaces]', 'tags: [gcp-pool]')),
  );
  const { io, result } = await env.run();
  expect(io.failures).toEqual([]);
  expect(result.exitCode).toBe(0);
  expect(
    env.sb.world.harness.infraProviders.get('gitspaces_gcp')?.config.metadata.delegate_selectors,
  ).toEqual([{ selector: 'gcp-pool' }]);
  expect(io.summaries.join('\n')).toContain(
    "set the infrastructure's delegate selectors to gcp-pool (were gitspaces)",
  );
});

test('a runner that never reports healthy fails RUN-101 with the failed step and what to read', async () => {
  const env = await install({ vm: { runnerHealthy: false } });
  const { io, result } = await env.run();
  expect(result.exitCode).toBe(1);
  expect(result.checks?.map((c) => `${c.id} ${c.status}`)).toEqual([
    'RUN-101 error',
    'DLG-101 skip',
    'GW-101 skip',
  ]);
  expect(io.failures[0]).toContain('RUN-101');
  expect(io.failures[0]).toMatch(
    /Last state: step runner-health: failed:GET http:\/\/localhost:3000\/healthz did not answer OK after \d+ attempts/,
  );
  expect(io.failures[0]).toContain('docker logs gitspaces-runner');
  expect(io.outputs['runner-healthy']).toBe('false');
  // The secrets were consumed before the runner failed, and removed.
  expect(Object.keys(metadataItems(env.sb))).not.toContain('gitspaces-delegate-token');
  expect(Object.keys(metadataItems(env.sb))).not.toContain('gitspaces-sa-key');
  expect(io.summaries.join('\n')).toContain('removed them from instance metadata');
});

test('a gateway stuck unhealthy fails GW-101 after its deadline with the last state and what to check', async () => {
  const env = await install({ harness: { gatewayStuckUnhealthy: true } }, { 'gateway-timeout': '2s' });
  const { io, result } = await env.run();
  expect(result.exitCode).toBe(1);
  expect(result.checks?.map((c) => `${c.id} ${c.status}`)).toEqual([
    'RUN-101 ok',
    'DLG-101 ok',
    'GW-101 error',
  ]);
  expect(io.failures[0]).toContain('GW-101');
  expect(io.failures[0]).toContain(
    'Last state: us-central1: unhealthy (health unhealthy, envoy healthy, version 1.16.0)',
  );
  expect(io.failures[0]).toContain('3-5 minutes');
  expect(JSON.parse(io.outputs.gateways as string)).toEqual([
    expect.objectContaining({ region: 'us-central1', overall_health: 'unhealthy' }),
  ]);
});

test('a runner VM that does not exist stops before any change, saying how to get one', async () => {
  const env = await install({}, { 'vm-name': 'no-such-vm' });
  const mark = env.sb.journal.lastSeq;
  await expect(env.run()).rejects.toMatchObject({
    code: 'RUNNER_VM_NOT_FOUND',
    message: 'The runner VM no-such-vm does not exist in acme-gitspaces/us-central1-a',
    fix: expect.stringContaining('create_runner_vm: true'),
  });
  expect(env.sb.journal.since(mark).filter((e) => e.attempted)).toEqual([]);
});

test('a P12 or non-JSON runner key is refused before any change', async () => {
  const env = await install(
    {},
    { 'runner-key': 'MIIJqQIBAzCCCW8GCSqGSIb3DQEHAaCCCWAEgglcMIIJWDCCBA8GCSqGSIb3' },
  );
  const mark = env.sb.journal.lastSeq;
  await expect(env.run()).rejects.toMatchObject({
    code: 'RUNNER_KEY_INVALID',
    fix: expect.stringContaining('P12'),
  });
  expect(env.sb.journal.since(mark)).toEqual([]);
});

test('a delegate that never connects fails DLG-101 with its connectivity and where to look', async () => {
  const env = await install({ vm: { delegateConnects: false } }, { 'delegate-timeout': '2s' });
  const { io, result } = await env.run();
  expect(result.exitCode).toBe(1);
  expect(result.checks?.map((c) => `${c.id} ${c.status}`)).toEqual([
    'RUN-101 ok',
    'DLG-101 error',
    'GW-101 skip',
  ]);
  expect(io.failures[0]).toContain('Last state: delegate gitspaces-delegate: disconnected');
  expect(io.failures[0]).toContain('docker logs gitspaces-delegate');
});

test('a forced reinstall reuses the existing token: its value stays on the VM and is not sent again', async () => {
  const env = await install({});
  expect((await env.run()).result.exitCode).toBe(0);
  const token = tokenValue(env.sb);
  const mark = env.sb.journal.lastSeq;

  const { io, result } = await env.run({ force: 'true' });
  expect(io.failures).toEqual([]);
  expect(result.exitCode).toBe(0);
  expect(io.log.text()).toContain('Delegate token gitspaces-delegate-token: exists, reused');
  const writes = env.sb.journal.since(mark).filter((e) => e.path.endsWith('/setMetadata'));
  expect(writes).toHaveLength(2);
  expect(JSON.stringify(writes[0]?.requestBody)).not.toContain(token);
  expect(JSON.stringify(writes[0]?.requestBody)).not.toContain('gitspaces-delegate-token"');
  expect(env.sb.world.vm.delegates).toEqual([expect.objectContaining({ token })]);
  expect(env.sb.world.harness.tokens.size).toBe(1);
});

test('a run killed after creating the token converges: the value is read back by name, one active token, no duplicate', async () => {
  const env = await install({});
  // The earlier run created the token, then was killed before writing anything to the VM.
  const harness = new HarnessClient({
    baseUrl: env.sb.urls.harness as string,
    apiKey: env.sb.secrets.harnessApiKey,
    accountId: env.sb.scenario.harness.accountId,
  });
  const created = await harness.createDelegateToken('gitspaces-delegate-token');
  const token = created.value as string;
  expect(token).toBeTruthy();

  const { io, result } = await env.run();
  expect(io.failures).toEqual([]);
  expect(result.exitCode).toBe(0);
  expect(result.checks?.map((c) => `${c.id} ${c.status}`)).toEqual(['RUN-101 ok', 'DLG-101 ok', 'GW-101 ok']);
  expect(io.log.text()).toContain(
    'Delegate token gitspaces-delegate-token: exists, reused (its value read back from Harness)',
  );
  expect(io.log.text()).not.toContain('DELEGATE_TOKEN_VALUE_UNAVAILABLE');
  expect(result.phase.details).not.toContain('created delegate token gitspaces-delegate-token');
  // Exactly one token of ours, active, and the delegate connected with the value Harness holds for it.
  expect(
    [...env.sb.world.harness.tokens.values()].map((t) => `${t.details.name} ${t.details.status}`),
  ).toEqual(['gitspaces-delegate-token ACTIVE']);
  expect(env.sb.world.vm.delegates).toEqual([expect.objectContaining({ token })]);
  // The value came back in a response: masked everywhere the user reads.
  for (const text of [io.log.lines.join('\n'), io.summaries.join('\n'), JSON.stringify(io.outputs)])
    expect(text).not.toContain(token);
});

/** The key and the token back in the VM's metadata, as a run killed before its removal reached Compute leaves them. */
async function leaveSecretsInMetadata(s: Sandbox, keyJson: string, token: string): Promise<void> {
  const gcp = createGcp({ keyJson, env: s.env, log: nullLogger });
  try {
    await gcp.compute.setInstanceMetadata(
      'acme-gitspaces',
      'us-central1-a',
      'gitspaces-us-central1-runner-vm',
      [
        { key: 'gitspaces-sa-key', value: keyJson },
        { key: 'gitspaces-delegate-token', value: token },
      ],
    );
  } finally {
    await gcp.close();
  }
}

const secretsIn = (md: Record<string, string>, token: string) => ({
  keys: Object.keys(md).filter((k) => /token|key/.test(k)),
  tokenValue: JSON.stringify(md).includes(token),
  privateKey: JSON.stringify(md).includes('PRIVATE KEY'),
});

test('secrets an interrupted run left in a healthy VM’s metadata are removed, and nothing is reinstalled', async () => {
  const env = await install({});
  expect((await env.run()).result.exitCode).toBe(0);
  const token = tokenValue(env.sb);
  await leaveSecretsInMetadata(env.sb, env.keyJson, token);
  expect(secretsIn(metadataItems(env.sb), token)).toEqual({
    keys: ['gitspaces-sa-key', 'gitspaces-delegate-token'],
    tokenValue: true,
    privateKey: true,
  });
  const boots = env.sb.world.vm.machine?.(VM)?.boots;

  const { io, result } = await env.run();
  expect(io.failures).toEqual([]);
  expect(result.exitCode).toBe(0);
  expect(result.phase.summary).toBe(
    "gitspaces-us-central1-runner-vm already healthy with this configuration; removed the key and the delegate token an interrupted earlier run left in the VM's metadata",
  );
  expect(io.log.text()).toContain(
    "gitspaces-us-central1-runner-vm's metadata still holds gitspaces-sa-key, gitspaces-delegate-token, written by an earlier run that did not finish: this run removes them.",
  );
  expect(io.summaries.join('\n')).toContain(
    '- Secrets: Removed the key and the delegate token an interrupted earlier run had left in instance metadata (the VM holds its own copy, on disk).',
  );
  expect(secretsIn(metadataItems(env.sb), token)).toEqual({ keys: [], tokenValue: false, privateKey: false });
  // Not reinstalled: the VM was not reset, and the delegate runs on with the same token.
  expect(env.sb.world.vm.machine?.(VM)?.boots).toBe(boots);
  expect(env.sb.world.vm.delegates).toEqual([expect.objectContaining({ token })]);
});

test('secrets an interrupted run left in the metadata are removed even when the next run stops on an error', async () => {
  const env = await install({});
  expect((await env.run()).result.exitCode).toBe(0);
  const token = tokenValue(env.sb);
  await leaveSecretsInMetadata(env.sb, env.keyJson, token);
  const t = env.sb.world.harness.tokens.get('gitspaces-delegate-token');
  if (t) t.details.status = 'REVOKED';

  await expect(env.run()).rejects.toMatchObject({ code: 'DELEGATE_TOKEN_REVOKED' });
  expect(secretsIn(metadataItems(env.sb), token)).toEqual({ keys: [], tokenValue: false, privateKey: false });
});

test('a reinstall that sends no token value drops a token value an interrupted run left: the VM keeps its own', async () => {
  const env = await install({});
  expect((await env.run()).result.exitCode).toBe(0);
  const token = tokenValue(env.sb);
  // An earlier run was given another value (the delegate-token input) and was killed before the VM read it.
  await leaveSecretsInMetadata(env.sb, env.keyJson, 'a-token-value-from-an-interrupted-run');

  const { io, result } = await env.run({ force: 'true' });
  expect(io.failures).toEqual([]);
  expect(result.exitCode).toBe(0);
  expect(env.sb.world.vm.delegates).toEqual([expect.objectContaining({ token })]);
  // The copy the delegate starts from after its next restart: still the token's, not the left-over value.
  await env.sb.world.vm.whenIdle?.();
  const root = env.sb.world.vm.machine?.(VM)?.root as string;
  expect(readFileSync(join(root, 'var/lib/gitspaces/delegate.env'), 'utf8')).toBe(
    `DELEGATE_TOKEN=${token}\n`,
  );
  const md = metadataItems(env.sb);
  expect(secretsIn(md, token)).toEqual({ keys: [], tokenValue: false, privateKey: false });
  expect(JSON.stringify(md)).not.toContain('a-token-value-from-an-interrupted-run');
});
