import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HEALTHY, mergeScenario } from '../../sandbox/scenario.js';
import type { DeepPartial, Scenario } from '../../sandbox/scenario.js';
import { VmSimulation, readDockerState } from '../../sandbox/vm/index.js';
import type { World } from '../../sandbox/world.js';

/** The VM simulation on its own: boots run the startup script for real, asynchronously, with Docker's restart semantics. */

const INSTANCE = { project: 'acme-gitspaces', zone: 'us-central1-a', name: 'runner-vm' };
const PATH = 'projects/acme-gitspaces/zones/us-central1-a/instances/runner-vm';

let dir: string;
function world(over: DeepPartial<Scenario> = {}): World {
  return { scenario: mergeScenario(HEALTHY, over), dir, urls: {} } as unknown as World;
}
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gitspaces-vm-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const SCRIPT = `#!/bin/bash
set -eu
mkdir -p "$GITSPACES_ROOT/runner"
echo 'json_path: /runner/key.json' >"$GITSPACES_ROOT/runner/pool.yaml"
echo '{}' >"$GITSPACES_ROOT/runner/key.json"
docker network inspect harness >/dev/null 2>&1 || docker network create harness >/dev/null
docker inspect runner >/dev/null 2>&1 || docker run -d --name runner --network harness -p 3000:3000 -v "$GITSPACES_ROOT/runner:/runner" --restart unless-stopped drone/drone-runner-aws delegate --pool /runner/pool.yaml >/dev/null
docker inspect oneshot >/dev/null 2>&1 || docker run -d --name oneshot -e DELEGATE_NAME=d1 -e DELEGATE_TAGS=a,b -e ACCOUNT_ID=acc delegate:1 >/dev/null
echo booted
`;

test('a boot returns at once and runs the startup script in the background', async () => {
  const vm = new VmSimulation(world());
  vm.onBoot({ ...INSTANCE, metadata: { 'startup-script': SCRIPT } });
  expect(vm.machine(PATH)?.booting).toBe(true);
  expect(vm.runners).toEqual([]);
  await vm.whenIdle();
  const m = vm.machine(PATH);
  expect(m).toMatchObject({ booting: false, lastExit: 0, boots: 1 });
  expect(m?.log).toContain('booted');
  expect(vm.runners).toEqual([
    {
      instance: PATH,
      image: 'drone/drone-runner-aws',
      healthy: true,
      poolFile: '/runner/pool.yaml',
      healthReason: 'OK',
    },
  ]);
  expect(vm.delegates).toEqual([
    expect.objectContaining({ instance: PATH, name: 'd1', tags: ['a', 'b'], accountId: 'acc', token: '' }),
  ]);
});

test('a reset stops every container; only those with a restart policy come back, and nothing is started twice', async () => {
  const vm = new VmSimulation(world());
  vm.onBoot({ ...INSTANCE, metadata: { 'startup-script': SCRIPT } });
  await vm.whenIdle();
  const root = vm.machine(PATH)?.root as string;
  const ids = readDockerState(root).containers.map((c) => c.id);

  vm.onBoot({ ...INSTANCE, metadata: { 'startup-script': SCRIPT } });
  expect(readDockerState(root).containers.every((c) => !c.running)).toBe(true);
  expect(vm.runners).toEqual([]);
  await vm.whenIdle();
  const after = readDockerState(root).containers;
  expect(after.map((c) => c.id)).toEqual(ids);
  expect(after.find((c) => c.name === 'runner')?.running).toBe(true);
  expect(after.find((c) => c.name === 'oneshot')?.running).toBe(false);
  expect(vm.machine(PATH)?.boots).toBe(2);
  expect(vm.delegates).toEqual([]);
});

test('the runner is unhealthy when the scenario says so, or when its pool names a key the container cannot see', async () => {
  const sick = new VmSimulation(world({ vm: { runnerHealthy: false } }));
  sick.onBoot({ ...INSTANCE, metadata: { 'startup-script': SCRIPT } });
  await sick.whenIdle();
  expect(sick.runners[0]).toMatchObject({ healthy: false, healthReason: 'runner unhealthy (scenario)' });

  rmSync(join(dir, 'vm'), { recursive: true, force: true });
  const relative = new VmSimulation(world());
  relative.onBoot({
    ...INSTANCE,
    metadata: {
      'startup-script': SCRIPT.replace(
        "'json_path: /runner/key.json'",
        "'json_path: service-account-key.json'",
      ),
    },
  });
  await relative.whenIdle();
  expect(relative.runners[0]).toMatchObject({
    healthy: false,
    healthReason: 'json_path service-account-key.json not found in the container',
  });
});

test('an instance without a startup script boots and runs nothing', async () => {
  const vm = new VmSimulation(world());
  vm.onBoot({ ...INSTANCE, metadata: {} });
  await vm.whenIdle();
  expect(vm.machine(PATH)).toMatchObject({ booting: false, boots: 1 });
  expect(vm.runners).toEqual([]);
});
