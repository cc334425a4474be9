/** What install-runner hands the runner VM: the pool file, the configuration hash, the VM's name. */
import { parse } from 'yaml';
import {
  bootstrapHashes,
  BootstrapSettings,
  fingerprint,
  RUNNER_KEY_PATH,
} from '../../shared/runner/bootstrap.js';
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
