import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main as pipeline } from '../../actions/pipeline/main.js';
import { main as teardown } from '../../actions/teardown/main.js';
import { realClock } from '../../shared/clock.js';
import { TEARDOWN_STEPS } from '../../shared/teardown/steps.js';
import { Sandbox, startSandbox } from '../../sandbox/index.js';
import { testIO } from '../create/helpers.js';

/**
 * Teardown after a real setup in the sandbox: configure-infra, terraform apply of the stand-in module with the
 * real terraform binary, install-runner (the VM's startup script runs), create-gitspace.
 */
interface FullSetup {
  sandbox: Sandbox;
  dir: string;
  configPath: string;
  env: NodeJS.ProcessEnv;
}

async function fullSetup(): Promise<FullSetup> {
  const sandbox = await startSandbox({
    // Compute operations done when answered: the client polls a RUNNING one every second.
    scenario: { harness: { gitspaceStepMs: 20, gatewayHealthyAfterMs: 200 }, gcp: { operationMs: 0 } },
  });
  const dir = mkdtempSync(join(tmpdir(), 'gitspaces-teardown-'));
  const configPath = join(dir, 'gitspaces.yaml');
  const text = readFileSync(new URL('../../examples/gitspaces.yaml', import.meta.url), 'utf8').replace(
    'working_directory: .gitspaces/terraform',
    'working_directory: tf',
  );
  writeFileSync(configPath, text);
  const env = {
    ...sandbox.env,
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    CHECKPOINT_DISABLE: '1',
    RUNNER_TEMP: dir,
    GITHUB_WORKSPACE: dir,
  };
  const t = testIO(
    {
      config: configPath,
      phases: 'configure,apply,install-runner,create',
      'poll-interval': '100ms',
      'runner-timeout': '60s',
      'delegate-timeout': '30s',
      'gateway-timeout': '30s',
      timeout: '30s',
    },
    realClock,
    env,
  );
  const r = await pipeline(t.io);
  if (r.exitCode !== 0 || t.failed.length)
    throw new Error(`setup failed: ${t.failed.join('; ')}\n${t.log.lines.slice(-40).join('\n')}`);
  return { sandbox, dir, configPath, env };
}

function runTeardown(s: FullSetup, inputs: Record<string, string> = {}) {
  const t = testIO(
    { config: s.configPath, 'poll-interval': '100ms', timeout: '60s', ...inputs },
    realClock,
    s.env,
  );
  return { t, done: teardown(t.io) };
}

const gitspacesLeft = (s: Sandbox) =>
  s.world.harness.gitspaces.filter((g) => s.world.harness.gitspaceView(g)).length;

describe('teardown against the sandbox after a full setup', () => {
  let setup: FullSetup | undefined;
  afterEach(async () => {
    await setup?.sandbox.stop();
    if (setup) rmSync(setup.dir, { recursive: true, force: true });
    setup = undefined;
  });

  test('dry-run makes zero mutating requests; teardown leaves the orphan scan empty', async () => {
    setup = await fullSetup();
    const s = setup.sandbox;
    expect(gitspacesLeft(s)).toBe(1);
    expect(s.world.vm.delegates.length).toBeGreaterThan(0);

    const seq = s.journal.lastSeq;
    const dry = runTeardown(setup, { 'dry-run': 'true' });
    const rd = await dry.done;
    expect(rd.exitCode).toBe(0);
    expect(s.journal.since(seq).filter((e) => e.attempted)).toEqual([]);
    const dryMd = dry.t.summary.join('\n');
    expect(dryMd).toMatch(/- stop and delete gitspace api-dev-[a-z0-9]{6}/);
    expect(dryMd).toContain('- revoke delegate token gitspaces-delegate-token');
    expect(dryMd).toContain('- delete infra provider gitspaces_gcp');
    expect(dryMd).toContain(
      'gcloud compute instances delete gitspaces-us-central1-runner-vm --zone=us-central1-a',
    );
    expect(gitspacesLeft(s)).toBe(1);

    const real = runTeardown(setup);
    const r = await real.done;
    expect(real.t.failed).toEqual([]);
    expect(r.exitCode).toBe(0);
    expect(real.t.outputs.clean).toBe('true');
    expect(JSON.parse(real.t.outputs.orphans ?? '[]')).toEqual([]);
    expect(real.t.log.text()).not.toContain('Orphan scan could not look');
    expect(gitspacesLeft(s)).toBe(0);
    expect(s.world.harness.infraProviders.size).toBe(0);
    // The one token install-runner created, revoked (an empty list would pass an `every`).
    expect([...s.world.harness.tokens.values()].map((t) => `${t.details.name} ${t.details.status}`)).toEqual([
      'gitspaces-delegate-token REVOKED',
    ]);
    expect(s.world.gcp.listResources('instances')).toEqual([]);
    expect(s.world.gcp.managedZones()).toEqual([]);
    expect(s.journal.contractViolations()).toEqual([]);
    // Nothing secret reached the log or the summary.
    const seen = real.t.log.text() + real.t.summary.join('\n');
    for (const secret of [s.secrets.harnessApiKey, s.secrets.serviceAccountPrivateKey])
      expect(seen).not.toContain(secret);

    // And again: every step finds its work done.
    const again = runTeardown(setup);
    expect((await again.done).exitCode).toBe(0);
    expect((JSON.parse(again.t.outputs.steps ?? '[]') as { status: string }[]).map((x) => x.status)).toEqual(
      TEARDOWN_STEPS.map(() => 'nothing-to-do'),
    );
  }, 180_000);

  test('a teardown interrupted after each step is completed by the next run', async () => {
    setup = await fullSetup();
    for (let i = 0; i < TEARDOWN_STEPS.length; i++) {
      const part = runTeardown(setup, { steps: TEARDOWN_STEPS[i] as string, 'orphan-scan': 'false' });
      expect((await part.done).exitCode).toBe(0);
      // Re-running the same step right away finds nothing to do.
      const rerun = runTeardown(setup, { steps: TEARDOWN_STEPS[i] as string, 'orphan-scan': 'false' });
      expect((await rerun.done).exitCode).toBe(0);
      expect((JSON.parse(rerun.t.outputs.steps ?? '[]') as { status: string }[])[0]?.status).toBe(
        'nothing-to-do',
      );
      if (TEARDOWN_STEPS[i] === 'runner') {
        // The VM ran the stop script: no delegate or runner container left, no secret in its metadata.
        expect(setup.sandbox.world.vm.delegates).toEqual([]);
        expect(setup.sandbox.world.vm.runners).toEqual([]);
        const vm = setup.sandbox.world.gcp
          .listResources('instances')
          .find((x) => x.name === 'gitspaces-us-central1-runner-vm') as
          { metadata?: { items?: { key: string }[] } } | undefined;
        expect(vm).toBeDefined();
        expect(
          (vm?.metadata?.items ?? [])
            .map((x) => x.key)
            .filter((k) => k === 'startup-script' || k.startsWith('gitspaces-')),
        ).toEqual([]);
      }
    }
    const final = runTeardown(setup);
    expect((await final.done).exitCode).toBe(0);
    expect(final.t.outputs.clean).toBe('true');
  }, 180_000);
});
