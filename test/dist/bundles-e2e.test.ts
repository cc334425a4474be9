import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Sandbox, startSandbox } from '../../sandbox/index.js';
import { BundleRun, runBundle } from './run-bundle.js';

/**
 * The committed bundles, run one step after another as a workflow job runs them (INPUT_*, GITHUB_OUTPUT,
 * GITHUB_STEP_SUMMARY, outputs of one step passed as inputs of the next), against the sandbox and the real
 * terraform binary. What users run is dist/, so this is the test that matters most.
 */
describe('dist bundles, end to end on the sandbox', () => {
  let sandbox: Sandbox;
  let dir: string;
  let config: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    sandbox = await startSandbox({ scenario: { harness: { gitspaceStepMs: 20, gatewayHealthyAfterMs: 200 }, gcp: { operationMs: 0 } } });
    dir = mkdtempSync(join(tmpdir(), 'gitspaces-bundles-'));
    config = join(dir, 'gitspaces.yaml');
    writeFileSync(
      config,
      readFileSync('examples/gitspaces.yaml', 'utf8').replace(
        'working_directory: .gitspaces/terraform',
        'working_directory: tf',
      ),
    );
    // Secrets reach the steps as inputs, as `with: harness-api-key: ${{ secrets.X }}` passes them, not as env.
    env = { ...sandbox.env, RUNNER_TEMP: dir, HARNESS_API_KEY: '', GOOGLE_APPLICATION_CREDENTIALS: '' };
  });
  afterAll(async () => {
    await sandbox?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const secrets = () => ({
    'harness-api-key': sandbox.secrets.harnessApiKey,
    'gcp-credentials': readFileSync(sandbox.files.serviceAccountKey, 'utf8'),
  });
  const step = (action: string, inputs: Record<string, string>) =>
    runBundle(action, { inputs: { config, ...secrets(), ...inputs }, env, cwd: dir, timeoutMs: 180_000 });

  /** Nothing the user can read holds a secret: stdout (less the ::add-mask:: registrations), stderr, outputs, summary. */
  function expectNoSecret(r: BundleRun) {
    const visible = [
      r.stdout
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::'))
        .join('\n'),
      r.stderr,
      JSON.stringify(r.outputs),
      r.summary,
    ].join('\n');
    expect(visible).not.toContain(sandbox.secrets.harnessApiKey);
    for (const line of sandbox.secrets.serviceAccountPrivateKey.split('\n').filter((l) => l.length > 20))
      expect(visible).not.toContain(line);
  }

  it('validate -> configure -> apply -> install-runner -> create, each from dist/, outputs handed on', async () => {
    const v = await step('validate-prereqs', { 'report-path': join(dir, 'preflight.json') });
    expect({ code: v.code, ok: v.outputs.ok, errors: v.outputs.errors }).toEqual({ code: 0, ok: 'true', errors: '0' });
    // In GitHub Actions a long-lived key is a warning (AUTH-004: keyless would do), never an error.
    expect(v.summary).toMatch(/Ready, with 1 warning\(s\) to review/);
    expect(v.annotations.filter((x) => x.level === 'warning').map((x) => x.props.title)).toEqual([
      expect.stringMatching(/^AUTH-004 /),
    ]);
    expect(JSON.parse(readFileSync(v.outputs['report-path'] as string, 'utf8')).checks.length).toBeGreaterThanOrEqual(30);
    expectNoSecret(v);

    const c = await step('configure-infra', { 'infra-config-path': join(dir, 'infra.yaml') });
    expect({ code: c.code, id: c.outputs['infra-identifier'], changed: c.outputs.changed }).toEqual({ code: 0, id: 'gitspaces_gcp', changed: 'true' });
    expectNoSecret(c);
    // The gateway's shared secret is in the file it wrote, and masked for the log.
    const shared = /shared_secret: *"?([^"\n]+)/.exec(readFileSync(c.outputs['infra-config-path'] as string, 'utf8'))?.[1] as string;
    expect(c.masked).toContain(shared);
    expect(c.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n')).not.toContain(shared);

    const a = await step('terraform-apply', { mode: 'apply', 'infra-config-path': c.outputs['infra-config-path'] as string });
    expect(a.code).toBe(0);
    expect(JSON.parse(a.outputs['alb-ips'] as string)).toHaveProperty('us-central1');
    expect(readFileSync(a.outputs['pool-yaml-path'] as string, 'utf8')).toMatch(/json_path: \/runner\/[\w.-]+\.json/);
    expectNoSecret(a);

    const i = await step('install-runner', {
      'pool-yaml-path': a.outputs['pool-yaml-path'] as string,
      'poll-interval': '200ms',
      'runner-timeout': '60s',
      'gateway-timeout': '30s',
    });
    expect({ code: i.code, healthy: i.outputs['runner-healthy'] }).toEqual({ code: 0, healthy: 'true' });
    expect(JSON.parse(i.outputs.gateways as string)[0]).toMatchObject({ overall_health: 'healthy' });
    expectNoSecret(i);

    const g = await step('create-gitspace', { 'poll-interval': '200ms', timeout: '60s' });
    expect(g.code).toBe(0);
    expect(JSON.parse(g.outputs.gitspaces as string)).toEqual([expect.objectContaining({ name: 'api-dev', state: 'running' })]);
    expect(g.outputs.url).toMatch(/^https:\/\//);
    expectNoSecret(g);

    const t = await step('teardown', { 'dry-run': 'true' });
    expect(t.code).toBe(0);
    expect(t.summary).toMatch(/would/i);
    expectNoSecret(t);
  }, 300_000);

  it('validate-prereqs with a private key that does not match its key id: one error, no key material anywhere', async () => {
    const key = JSON.parse(readFileSync(sandbox.files.serviceAccountKey, 'utf8')) as Record<string, string>;
    const { generateKeyPairSync } = await import('node:crypto');
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    const forged = JSON.stringify({ ...key, private_key: other });
    const r = await runBundle('validate-prereqs', {
      inputs: { config, 'harness-api-key': sandbox.secrets.harnessApiKey, 'gcp-credentials': forged, 'report-path': join(dir, 'forged.json') },
      env,
      cwd: dir,
    });
    expect(r.code).toBe(1);
    // One annotation for the failed check (AUTH-003), and the step's own failure message.
    const errors = r.annotations.filter((a) => a.level === 'error');
    expect(errors.filter((a) => /^[A-Z]+-\d+ /.test(a.props.title ?? '')).map((a) => a.props.title)).toEqual([
      expect.stringMatching(/^AUTH-003 /),
    ]);
    expect(errors.filter((a) => !a.props.title).map((a) => a.message)).toEqual([expect.stringMatching(/Preflight failed/)]);
    const visible = [r.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n'), r.stderr, r.summary, readFileSync(join(dir, 'forged.json'), 'utf8')].join('\n');
    for (const line of other.split('\n').filter((l) => l.length > 20)) expect(visible).not.toContain(line);
  }, 120_000);
});
