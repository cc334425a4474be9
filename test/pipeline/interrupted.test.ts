import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Sandbox, startSandbox } from '../../sandbox/index.js';

/**
 * `gitspaces up` killed in the middle of each phase (SIGKILL of its whole process group, terraform included,
 * as a cancelled runner does), then run again: it converges to the same end state, with nothing created twice.
 * The CLI runs as a child process; the sandbox lives in this process so its journal and state can be read.
 */
const PHASES = ['validate', 'configure', 'apply', 'install-runner', 'create'] as const;

describe('interrupted pipeline converges', () => {
  let sandbox: Sandbox;
  let dir: string;
  let configPath: string;

  beforeAll(async () => {
    sandbox = await startSandbox({
      scenario: {
        harness: { gitspaceStepMs: 400, gatewayHealthyAfterMs: 300 },
        // Creating the infra provider takes half a second, so that a kill 50 ms into configure lands inside it.
        faults: [
          {
            service: 'harness',
            route: '/infraproviders$',
            method: 'POST',
            kind: 'latency',
            latencyMs: 500,
            rate: 1,
          },
        ],
      },
    });
    dir = mkdtempSync(join(tmpdir(), 'gitspaces-interrupted-'));
    configPath = join(dir, 'gitspaces.yaml');
    writeFileSync(
      configPath,
      readFileSync('examples/gitspaces.yaml', 'utf8').replace(
        'working_directory: .gitspaces/terraform',
        `working_directory: ${join(dir, 'tf')}`,
      ),
    );
  });
  afterAll(async () => {
    await sandbox?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  function up(
    killInPhase?: string,
    afterMs = 300,
  ): Promise<{ code: number | null; signal: NodeJS.Signals | null; killed: boolean; stderr: string }> {
    return new Promise((resolve) => {
      const child: ChildProcess = spawn(
        process.execPath,
        [
          'bin/gitspaces.js',
          '--config',
          configPath,
          'up',
          '--report-path',
          join(dir, 'preflight.json'),
          '--poll-interval',
          '100ms',
          '--runner-timeout',
          '60s',
          '--gateway-timeout',
          '30s',
          '--delegate-timeout',
          '30s',
          '--timeout',
          '30s',
        ],
        {
          env: { ...process.env, ...sandbox.env, GITSPACES_CLI_FROM: 'src', RUNNER_TEMP: dir },
          detached: true,
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let stderr = '';
      let killed = false;
      child.stdout?.on('data', () => undefined);
      child.stderr?.on('data', (d: Buffer) => {
        stderr += d.toString();
        if (killInPhase && !killed && stderr.includes(`── phase ${killInPhase} `)) {
          killed = true;
          setTimeout(() => {
            try {
              process.kill(-(child.pid as number), 'SIGKILL');
            } catch {
              /* already gone */
            }
          }, afterMs);
        }
      });
      child.on('exit', (code, signal) => resolve({ code, signal, killed, stderr }));
    });
  }

  it('killed in each phase in turn, then run to the end: one of everything', async () => {
    const delays: Record<string, number> = {
      validate: 100,
      configure: 50,
      apply: 1500,
      'install-runner': 1500,
      create: 400,
    };
    for (const [i, phase] of PHASES.entries()) {
      const r = await up(phase, delays[phase]);
      // The kill landed while the phase was still running (not after the run had finished on its own).
      expect({ phase, killed: r.killed, signal: r.signal }).toEqual({
        phase,
        killed: true,
        signal: 'SIGKILL',
      });
      // It died inside that phase: the next one never started.
      const next = PHASES[i + 1];
      if (next) expect(r.stderr).not.toContain(`── phase ${next} `);
      expect(r.stderr).not.toMatch(/pipeline: \d+ phase\(s\) completed|✅ 5 phase/);
    }
    const final = await up();
    expect(final.stderr).not.toMatch(/Unexpected error/);
    expect(final.code).toBe(0);

    const h = sandbox.world.harness;
    expect([...h.infraProviders.values()].map((i) => i.config.identifier)).toEqual(['gitspaces_gcp']);
    expect([...(h.infraProviders.get('gitspaces_gcp')?.resources.values() ?? [])].map((m) => m.name)).toEqual(
      ['standard'],
    );
    const live = h.gitspaces.filter((g) => h.gitspaceView(g));
    expect(live.map((g) => h.gitspaceView(g)?.name)).toEqual(['api-dev']);
    expect(h.gitspaceView(live[0] as never)?.state).toBe('running');
    expect(
      [...h.tokens.values()].filter((t) => t.details.status !== 'REVOKED').map((t) => t.details.name),
    ).toEqual(['gitspaces-delegate-token']);
    expect(sandbox.world.gcp.listResources('instances').map((i) => i.name)).toEqual([
      'gitspaces-us-central1-runner-vm',
    ]);
    expect(sandbox.world.vm.runners.filter((r) => r.healthy)).toHaveLength(1);
    // Machines: created once, whatever the interruptions.
    const machineCreates = sandbox.journal.entries.filter(
      (e) => e.mutating && e.method === 'POST' && /\/resources$/.test(e.path),
    );
    expect(machineCreates).toHaveLength(1);
    const gitspaceCreates = sandbox.journal.entries.filter(
      (e) => e.mutating && e.method === 'POST' && /\/gitspaces$/.test(e.path),
    );
    expect(gitspaceCreates).toHaveLength(1);
  }, 400_000);
});
