import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import {
  BootstrapSettings,
  KEY_FILE_NAME,
  METADATA_KEYS,
  RUNNER_KEY_PATH,
  bootstrapHashes,
  fingerprint,
  renderBootstrapScript,
} from '../../shared/runner/bootstrap.js';
import { rewritePoolYaml } from '../../shared/runner/pool.js';
import {
  dockerInvocations,
  prepareVmRoot,
  readDockerState,
  runStartupScript,
} from '../../sandbox/vm/index.js';

/**
 * The generated startup script, run for real with bash in a scratch root: stand-in docker and curl on PATH,
 * metadata attributes served from a directory, guest attributes written back there.
 */

const TOKEN = 'dlgtok-7f3c1e9a2b4d6f8a0c2e4a6b8d0f1a3c';
const KEY = JSON.stringify({
  type: 'service_account',
  project_id: 'acme-gitspaces',
  private_key_id: 'abc123',
  private_key:
    '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC-not-a-real-key\n-----END PRIVATE KEY-----\n',
  client_email: 'gitspaces-admin@acme-gitspaces.iam.gserviceaccount.com',
});
const MODULE_POOL = `version: "1"
timestamp: 2026-11-29T22:00:00Z
instances:
  - name: gitspaces-us-central1
    type: google
    pool: 0
    limit: 1000
    platform:
      os: linux
      arch: amd64
    spec:
      tags: [gcp-gitspace]
      account:
        project_id: acme-gitspaces
        no_service_account: true
        json_path: service-account-key.json
      image: projects/ubuntu-os-cloud/global/images/family/ubuntu-2204-lts
      private_ip: true
`;

function settings(over: Partial<BootstrapSettings['delegate']> = {}): BootstrapSettings {
  return {
    runnerImage: 'drone/drone-runner-aws:latest',
    delegate: {
      name: 'gitspaces-delegate',
      image: 'us-west1-docker.pkg.dev/gar-setup/docker/delegate:25.03.85504',
      tags: ['gitspaces'],
      accountId: 'AbCdEfGhIjKlMnOpQrStUv',
      managerUrl: 'https://app.harness.io',
      ...over,
    },
    poolYaml: rewritePoolYaml(MODULE_POOL, RUNNER_KEY_PATH).text,
    keyFingerprint: fingerprint(KEY),
    tokenFingerprint: 'gitspaces-delegate-token@1',
  };
}

let root: string;
let meta: string;
let env: Record<string, string>;

function setAttr(key: string, value: string | undefined) {
  const p = join(meta, 'attributes', key);
  if (value === undefined) {
    if (existsSync(p)) unlinkSync(p);
  } else writeFileSync(p, value);
}
/** The script's progress: every key of the one `gitspaces/progress` attribute (and nothing else in the namespace). */
function guest(): Record<string, string> {
  const dir = join(meta, 'guest-attributes', 'gitspaces');
  if (!existsSync(dir)) return {};
  expect(readdirSync(dir)).toEqual(['progress']);
  const out: Record<string, string> = {};
  for (const line of readFileSync(join(dir, 'progress'), 'utf8').split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) out[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return out;
}
async function boot(script: string, e = env) {
  const r = await runStartupScript(script, e).done;
  return { ...r, guest: guest() };
}
const runs = () => dockerInvocations(root).filter((a) => a[0] === 'run');

beforeEach(() => {
  const base = mkdtempSync(join(tmpdir(), 'gitspaces-bootstrap-'));
  root = join(base, 'vm');
  meta = join(base, 'metadata');
  mkdirSync(join(meta, 'attributes'), { recursive: true });
  env = prepareVmRoot({ root, metadataDir: meta, pollIntervalSeconds: 0.01, healthAttempts: 5 });
  const s = settings();
  setAttr(METADATA_KEYS.startupScript, renderBootstrapScript(s));
  setAttr(METADATA_KEYS.poolYaml, s.poolYaml);
  setAttr(METADATA_KEYS.serviceAccountKey, KEY);
  setAttr(METADATA_KEYS.delegateToken, TOKEN);
  setAttr(METADATA_KEYS.runId, 'run-1');
});
afterEach(() => rmSync(join(root, '..'), { recursive: true, force: true }));

test('starts exactly one runner and one delegate with the documented arguments, and reports each step', async () => {
  const s = settings();
  const r = await boot(renderBootstrapScript(s));
  expect(r.output).toContain('gitspaces-bootstrap: done');
  expect(r.code).toBe(0);

  const state = readDockerState(root);
  expect(state.networks).toContain('harness');
  expect(state.containers).toHaveLength(2);
  const runner = state.containers.find((c) => c.name === 'gitspaces-runner')!;
  expect(runner).toMatchObject({
    image: 'drone/drone-runner-aws:latest',
    command: ['delegate', '--pool', '/runner/pool.yaml'],
    network: 'harness',
    hostname: 'vm-runner',
    // The name the delegate's RUNNER_URL uses, resolvable on any Docker version (--hostname is not before 20.10).
    aliases: ['vm-runner'],
    ports: ['3000:3000'],
    volumes: [`${root}/runner:/runner`],
    restart: 'unless-stopped',
    detached: true,
    running: true,
  });
  const delegate = state.containers.find((c) => c.name === 'gitspaces-delegate')!;
  expect(delegate).toMatchObject({
    image: s.delegate.image,
    network: 'harness',
    restart: 'unless-stopped',
    cpus: '1',
    memory: '2g',
    command: [],
    running: true,
  });
  expect(delegate.env).toEqual({
    DELEGATE_NAME: 'gitspaces-delegate',
    NEXT_GEN: 'true',
    DELEGATE_TYPE: 'DOCKER',
    DEPLOY_MODE: 'KUBERNETES_ONPREM',
    ACCOUNT_ID: 'AbCdEfGhIjKlMnOpQrStUv',
    DELEGATE_TOKEN: TOKEN,
    DELEGATE_TAGS: 'gitspaces',
    RUNNER_URL: 'http://vm-runner:3000/',
    MANAGER_HOST_AND_PORT: 'https://app.harness.io',
  });

  // The key sits in /runner with json_path pointing at it; key and env file are 0600.
  const keyFile = join(root, 'runner', KEY_FILE_NAME);
  expect(readFileSync(keyFile, 'utf8')).toBe(KEY);
  expect(statSync(keyFile).mode & 0o777).toBe(0o600);
  const pool = parse(readFileSync(join(root, 'runner', 'pool.yaml'), 'utf8')) as {
    instances: { spec: { account: { json_path: string } } }[];
  };
  expect(pool.instances[0]!.spec.account.json_path).toBe('/runner/gitspaces-sa-key.json');
  expect(delegate.envFiles).toHaveLength(1);
  expect(statSync(delegate.envFiles[0]!).mode & 0o777).toBe(0o600);

  // No secret on any docker command line.
  const argv = JSON.stringify(dockerInvocations(root));
  expect(argv).not.toContain(TOKEN);
  expect(argv).not.toContain('PRIVATE KEY');

  expect(r.guest).toMatchObject({
    'run-id': 'run-1',
    docker: 'ok:present',
    files: 'ok',
    network: 'ok',
    runner: 'ok:started',
    delegate: 'ok:started',
    'runner-health': 'ok',
    'secrets-consumed': 'true',
    'config-hash': bootstrapHashes(s).config,
    status: 'ok',
  });
});

test('a second run starts nothing new, even once the secrets are gone from metadata', async () => {
  const script = renderBootstrapScript(settings());
  expect((await boot(script)).code).toBe(0);
  const before = readDockerState(root).containers.map((c) => c.id);
  setAttr(METADATA_KEYS.serviceAccountKey, undefined);
  setAttr(METADATA_KEYS.delegateToken, undefined);
  setAttr(METADATA_KEYS.runId, 'run-2');

  const second = await boot(script);
  expect(second.code).toBe(0);
  expect(readDockerState(root).containers.map((c) => c.id)).toEqual(before);
  expect(runs()).toHaveLength(2);
  expect(dockerInvocations(root).filter((a) => a[0] === 'network' && a[1] === 'create')).toHaveLength(1);
  expect(second.guest).toMatchObject({
    'run-id': 'run-2',
    runner: 'ok:unchanged',
    delegate: 'ok:unchanged',
    'runner-health': 'ok',
    status: 'ok',
  });
  expect(readFileSync(join(root, 'runner', KEY_FILE_NAME), 'utf8')).toBe(KEY);
});

test('a changed delegate configuration replaces only the delegate', async () => {
  expect((await boot(renderBootstrapScript(settings()))).code).toBe(0);
  const runnerId = readDockerState(root).containers.find((c) => c.name === 'gitspaces-runner')!.id;
  const r = await boot(renderBootstrapScript(settings({ tags: ['gitspaces', 'gcp'] })));
  expect(r.code).toBe(0);
  const state = readDockerState(root);
  expect(state.containers).toHaveLength(2);
  expect(state.containers.find((c) => c.name === 'gitspaces-runner')!.id).toBe(runnerId);
  expect(state.containers.find((c) => c.name === 'gitspaces-delegate')!.env.DELEGATE_TAGS).toBe(
    'gitspaces,gcp',
  );
  expect(r.guest).toMatchObject({ runner: 'ok:unchanged', delegate: 'ok:started' });
});

test('a relative json_path from the module is rewritten by the script itself', async () => {
  setAttr(METADATA_KEYS.poolYaml, MODULE_POOL);
  const r = await boot(renderBootstrapScript(settings()));
  expect(r.code).toBe(0);
  expect(readFileSync(join(root, 'runner', 'pool.yaml'), 'utf8')).toContain(
    'json_path: /runner/gitspaces-sa-key.json',
  );
  expect(r.guest['runner-health']).toBe('ok');
});

test('without a delegate token anywhere the script stops at files and says why', async () => {
  setAttr(METADATA_KEYS.delegateToken, undefined);
  const r = await boot(renderBootstrapScript(settings()));
  expect(r.code).toBe(1);
  expect(r.guest.files).toBe(
    'failed:delegate token is not in metadata (gitspaces-delegate-token) and not on disk',
  );
  expect(r.guest.status).toBe('failed:files');
  expect(runs()).toHaveLength(0);
});

test('a runner whose /healthz never answers OK is reported failed after the attempts', async () => {
  const e = prepareVmRoot({
    root,
    metadataDir: meta,
    pollIntervalSeconds: 0.01,
    healthAttempts: 3,
    runnerHealthy: false,
  });
  const r = await boot(renderBootstrapScript(settings()), e);
  expect(r.code).toBe(1);
  expect(r.guest['runner-health']).toBe(
    'failed:GET http://localhost:3000/healthz did not answer OK after 3 attempts',
  );
  expect(r.guest.status).toBe('failed:runner-health');
  expect(r.guest.runner).toBe('ok:started');
});

test('without Docker it tries get.docker.com and reports the failed install', async () => {
  unlinkSync(join(root, '.standin', 'bin', 'docker'));
  const r = await boot(renderBootstrapScript(settings()));
  expect(r.code).toBe(1);
  expect(r.guest.docker).toBe('failed:download of get.docker.com failed');
});
