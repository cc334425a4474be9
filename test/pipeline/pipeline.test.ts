import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main as pipeline, selectPhases } from '../../actions/pipeline/main.js';
import { realClock } from '../../shared/clock.js';
import { Sandbox, startSandbox } from '../../sandbox/index.js';
import { testIO } from '../create/helpers.js';

/**
 * The whole pipeline on the sandbox, as `npm start` runs it: every phase against the emulators and the real
 * terraform binary. Then once more on the same sandbox state: a converged setup must make no change at all.
 */
describe('pipeline on the sandbox', () => {
  let sandbox: Sandbox;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let configPath: string;

  beforeAll(async () => {
    sandbox = await startSandbox({
      scenario: { harness: { gitspaceStepMs: 20, gatewayHealthyAfterMs: 200 }, gcp: { operationMs: 0 } },
    });
    dir = mkdtempSync(join(tmpdir(), 'gitspaces-pipeline-'));
    configPath = join(dir, 'gitspaces.yaml');
    writeFileSync(
      configPath,
      readFileSync('examples/gitspaces.yaml', 'utf8').replace(
        'working_directory: .gitspaces/terraform',
        'working_directory: tf',
      ),
    );
    env = {
      ...sandbox.env,
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      RUNNER_TEMP: dir,
      GITHUB_WORKSPACE: dir,
    };
  });
  afterAll(async () => {
    await sandbox?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const run = () => {
    const t = testIO(
      {
        config: configPath,
        'report-path': join(dir, 'preflight.json'),
        'poll-interval': '100ms',
        'runner-timeout': '60s',
        'delegate-timeout': '30s',
        'gateway-timeout': '30s',
        timeout: '30s',
      },
      realClock,
      env,
    );
    return { t, result: pipeline(t.io) };
  };

  it('runs every phase to running gitspaces, then a second run changes nothing', async () => {
    const first = run();
    const r1 = await first.result;
    expect(first.t.failed).toEqual([]);
    expect(r1.phases.map((p) => `${p.name}:${p.status}`)).toEqual([
      'validate:ok',
      'configure:ok',
      'apply:ok',
      'install-runner:ok',
      'create:ok',
    ]);
    const gitspaces = JSON.parse(first.t.outputs.gitspaces ?? '[]') as { state: string; url: string }[];
    expect(gitspaces).toHaveLength(1);
    expect(gitspaces[0]?.state).toBe('running');
    expect(gitspaces[0]?.url).toMatch(/^https:\/\/.+\.usc1\.gitspaces\.acme\.dev/);
    const summary = first.t.summary.join('\n');
    expect(summary).toMatch(/```mermaid\ngantt/);
    for (const phase of ['validate', 'configure', 'apply', 'install-runner', 'create'])
      expect(summary).toContain(`| ${phase} |`);

    const mark = sandbox.journal.lastSeq;
    const second = run();
    const r2 = await second.result;
    expect([...second.t.failed, ...second.t.log.lines.filter((l) => l.startsWith('error'))]).toEqual([]);
    expect(r2.exitCode).toBe(0);
    // Terraform takes and releases the state lock around every plan (a `.tflock` object created, then deleted in
    // the emulated Cloud Storage): that changes nothing. Nothing else may even be tried, the state object included.
    const stateLock = (e: { service: string; path: string; query: string }) =>
      e.service === 'storage' && /\.tflock([?&]|$)/.test(decodeURIComponent(e.path + e.query));
    const attempts = sandbox.journal.since(mark).filter((e) => e.attempted && !stateLock(e));
    expect(attempts.map((e) => `${e.service} ${e.method} ${e.path}`)).toEqual([]);

    const log = [
      ...first.t.log.lines,
      ...second.t.log.lines,
      ...first.t.summary,
      ...second.t.summary,
      JSON.stringify(first.t.outputs),
    ].join('\n');
    for (const secret of Object.values(sandbox.secrets)) {
      for (const line of secret.split('\n').filter((l) => l.length > 20)) expect(log).not.toContain(line);
    }
  }, 240_000);
});

describe('phase selection', () => {
  it('keeps pipeline order and refuses unknown phases', () => {
    expect(selectPhases(['create', 'validate'])).toEqual(['validate', 'create']);
    expect(selectPhases([])).toHaveLength(5);
    expect(() => selectPhases(['deploy'])).toThrow(/Unknown phase\(s\) in phases: deploy/);
  });
});
