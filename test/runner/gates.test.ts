import { parse } from 'yaml';
import {
  bootstrapHashes,
  BootstrapSettings,
  fingerprint,
  RUNNER_KEY_PATH,
} from '../../shared/runner/bootstrap.js';
import { observeDelegate, observeGateways, observeRunner, parseProgress } from '../../shared/runner/gates.js';
import { runnerVmName, setupYamlGatewayVersion } from '../../shared/runner/install.js';
import { rewritePoolYaml } from '../../shared/runner/pool.js';
import { exampleConfig } from './helpers.js';

test('every json_path of the pool file points at the key in /runner, flow style included', () => {
  const text = `version: "1"
instances:
  - name: gs-us-central1
    spec: { account: { project_id: p, json_path: ./key.json } }
  - name: gs-europe-west1
    spec:
      account:
        json_path: /home/runner/work/key.json
`;
  const r = rewritePoolYaml(text, RUNNER_KEY_PATH);
  expect(r.pools).toEqual(['gs-us-central1', 'gs-europe-west1']);
  expect(r.originalJsonPaths).toEqual(['./key.json', '/home/runner/work/key.json']);
  const doc = parse(r.text) as {
    instances: { spec: { account: { json_path: string; project_id?: string } } }[];
  };
  expect(doc.instances.map((i) => i.spec.account.json_path)).toEqual([RUNNER_KEY_PATH, RUNNER_KEY_PATH]);
  expect(doc.instances[0]?.spec.account.project_id).toBe('p');
});

test('a pool file without instances is a configuration error naming the fix', () => {
  expect(() => rewritePoolYaml('version: "1"\n', RUNNER_KEY_PATH, 'out/pool.yaml')).toThrow(
    expect.objectContaining({ code: 'POOL_YAML_INVALID', message: 'out/pool.yaml has no instances[]' }),
  );
});

test('the configuration hash ignores the module timestamp but follows the key and the delegate', () => {
  const base: BootstrapSettings = {
    runnerImage: 'drone/drone-runner-aws:latest',
    delegate: { name: 'd', image: 'i', tags: ['t'], accountId: 'a', managerUrl: 'https://app.harness.io' },
    poolYaml: 'timestamp: 2026-01-01T00:00:00Z\ninstances: []\n',
    keyFingerprint: fingerprint('k1'),
    tokenFingerprint: fingerprint('t1'),
  };
  const h = bootstrapHashes(base);
  expect(bootstrapHashes({ ...base, poolYaml: 'timestamp: 2026-02-02T00:00:00Z\ninstances: []\n' })).toEqual(
    h,
  );
  expect(bootstrapHashes({ ...base, keyFingerprint: fingerprint('k2') }).runner).not.toBe(h.runner);
  expect(bootstrapHashes({ ...base, keyFingerprint: fingerprint('k2') }).delegate).toBe(h.delegate);
  expect(bootstrapHashes({ ...base, delegate: { ...base.delegate, tags: ['t', 'u'] } }).delegate).not.toBe(
    h.delegate,
  );
});

test('RUN-101 ignores reports of an earlier run and stops at a failed step', () => {
  const old = parseProgress({
    'gitspaces/run-id': 'r1',
    'gitspaces/status': 'ok',
    'gitspaces/runner-health': 'ok',
  });
  expect(observeRunner(old, 'r2')).toMatchObject({
    done: false,
    state: 'VM rebooting (last report from an earlier run, r1)',
  });
  const failed = parseProgress({
    'gitspaces/run-id': 'r2',
    'gitspaces/docker': 'failed:download of get.docker.com failed',
    'gitspaces/status': 'failed:docker',
  });
  expect(observeRunner(failed, 'r2')).toMatchObject({
    done: false,
    failed: true,
    failedStep: 'docker',
    state: 'step docker: failed:download of get.docker.com failed',
  });
});

test('DLG-101 says when no delegate ever connected, and when it connected without the selector', () => {
  expect(observeDelegate([], 'd', 'tok', ['gitspaces'])).toMatchObject({
    done: false,
    state: 'no delegate has connected with token tok yet',
  });
  const down = [
    {
      groupName: 'd',
      activelyConnected: false,
      connectivityStatus: 'disconnected',
      lastHeartBeat: 0,
      tags: ['gitspaces'],
    },
  ];
  expect(observeDelegate(down, 'd', 'tok', ['gitspaces'])).toMatchObject({
    done: false,
    state: 'delegate d: disconnected, never heartbeated',
  });
  const up = [
    { ...down[0]!, activelyConnected: true, connectivityStatus: 'connected', tags: ['other', 'd'] },
  ];
  expect(observeDelegate(up, 'd', 'tok', ['gitspaces'])).toMatchObject({
    failed: true,
    state: 'delegate d connected with tags [other, d], but the infrastructure selects [gitspaces]',
  });
  expect(observeDelegate(up, 'd', 'tok', ['d'])).toMatchObject({ done: true });
});

test('GW-101 needs every region healthy at the expected version', () => {
  const gw = (region: string, overall: string, version: string) => ({
    region,
    name: `g-${region}`,
    overall_health: overall,
    health: overall,
    envoy_health: 'healthy',
    version,
  });
  expect(
    observeGateways([gw('us-central1', 'healthy', '1.16.0')], ['us-central1', 'europe-west1'], '1.16.0'),
  ).toMatchObject({
    done: false,
    state:
      'us-central1: healthy (health healthy, envoy healthy, version 1.16.0); europe-west1: no gateway has reported yet',
  });
  expect(observeGateways([gw('us-central1', 'healthy', '1.15.0')], ['us-central1'], '1.16.0')).toMatchObject({
    done: false,
    state: 'us-central1: healthy (health healthy, envoy healthy, version 1.15.0, expected 1.16.0)',
  });
  expect(observeGateways([gw('us-central1', 'healthy', '1.16.0')], ['us-central1'], '1.16.0').done).toBe(
    true,
  );
});

test('the runner VM name follows the module unless the config names one', () => {
  const c = exampleConfig();
  expect(runnerVmName(c)).toBe('gitspaces-us-central1-runner-vm');
  expect(
    runnerVmName(
      exampleConfig((t) =>
        t.replace(
          'zone: us-central1-a\n    vm_image_name',
          'zone: us-central1-a\n    vm_name: my-runner\n    vm_image_name',
        ),
      ),
    ),
  ).toBe('my-runner');
  expect(setupYamlGatewayVersion({ setup_yaml: 'gateway:\n  version: 1.16.0\n' })).toBe('1.16.0');
  expect(setupYamlGatewayVersion({})).toBeUndefined();
});
