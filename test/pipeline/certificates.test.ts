import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main as pipeline } from '../../actions/pipeline/main.js';
import { realClock } from '../../shared/clock.js';
import { Sandbox, startSandbox } from '../../sandbox/index.js';
import { testIO } from '../create/helpers.js';

/**
 * The certificate wait runs alongside install-runner and create: a certificate that stays PROVISIONING does not
 * hold the runner or the gitspaces back, and when it outlasts certificate-timeout the pipeline fails, saying so
 * with CERT-101's fix, in the table and the timeline next to the phases that did run.
 */
describe('pipeline: certificates alongside install-runner and create', () => {
  let sandbox: Sandbox;
  let dir: string;

  beforeAll(async () => {
    sandbox = await startSandbox({
      scenario: {
        gcp: { certificates: { finalState: 'PROVISIONING' } },
        harness: { gitspaceStepMs: 20, gatewayHealthyAfterMs: 200 },
      },
    });
    dir = mkdtempSync(join(tmpdir(), 'gitspaces-pipeline-certs-'));
  });
  afterAll(async () => {
    await sandbox?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates the gitspaces while the certificate provisions, then fails on the certificate, naming the fix', async () => {
    const configPath = join(dir, 'gitspaces.yaml');
    writeFileSync(
      configPath,
      readFileSync('examples/gitspaces.yaml', 'utf8').replace(
        'working_directory: .gitspaces/terraform',
        'working_directory: tf',
      ),
    );
    const env = {
      ...sandbox.env,
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      RUNNER_TEMP: dir,
      GITHUB_WORKSPACE: dir,
    };
    const t = testIO(
      {
        config: configPath,
        'report-path': join(dir, 'preflight.json'),
        'poll-interval': '100ms',
        'runner-timeout': '60s',
        'delegate-timeout': '30s',
        'gateway-timeout': '30s',
        'certificate-timeout': '1s',
        timeout: '30s',
      },
      realClock,
      env,
    );
    const r = await pipeline(t.io);
    expect(r.exitCode).toBe(1);
    expect(r.phases.map((p) => `${p.name}:${p.status}`)).toEqual([
      'validate:ok',
      'configure:ok',
      'apply:ok',
      'install-runner:ok',
      'create:ok',
    ]);
    expect(JSON.parse(t.outputs.gitspaces ?? '[]')[0]?.state).toBe('running');
    // The region's gateway wait and create (the create phase, per region), then the certificate wait.
    expect(r.alongside.map((p) => `${p.name}:${p.status}`)).toEqual([
      'gateway:us-central1:ok',
      'create:us-central1:ok',
      'certificates:failed',
    ]);
    const certs = r.alongside.find((p) => p.name === 'certificates');
    const apply = r.phases.find((p) => p.name === 'apply');
    const create = r.phases.find((p) => p.name === 'create');
    // It started when the apply ended, and was still waiting when create started.
    expect(certs?.startedAt).toBeGreaterThanOrEqual((apply?.startedAt ?? 0) + (apply?.durationMs ?? 0));
    expect(certs?.startedAt).toBeLessThan(create?.startedAt ?? 0);
    expect(certs?.summary).toMatch(
      /^CERT-101 certificate gitspaces-us-central1-dns-cert .* still PROVISIONING/,
    );
    expect(certs?.summary).toContain('after 1.0s (certificate-timeout). Fix:');
    const summary = t.summary.join('\n');
    expect(summary).toContain('**❌ Stopped at certificates.**');
    expect(summary).toMatch(/\| ❌ \| certificates \| [^|]+ \| CERT-101 /);
    expect(summary).toMatch(/ {2}certificates \([^)]+\) :crit, \d+, \d+/);
    expect(t.log.lines.some((l) => l.includes('Certificates: CERT-101'))).toBe(true);
  }, 240_000);
});
