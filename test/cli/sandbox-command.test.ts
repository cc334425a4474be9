/** `gitspaces sandbox`: starts the emulators in the foreground, prints the environment, stops on SIGINT. */
import { ChildProcess, spawn } from 'node:child_process';
import { ROOT, bundledCli } from './run-cli.js';

// A test that fails before its SIGINT must not leave `gitspaces sandbox` running (nor its emulators' scratch dir,
// which it removes on SIGTERM): whatever is still running after a test is stopped here.
let running: ChildProcess | undefined;
afterEach(async () => {
  const child = running;
  running = undefined;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((res) => child.once('exit', res));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await gone;
  clearTimeout(timer);
});

test('prints endpoints and export lines that reach the sandbox, and stops cleanly on SIGINT', async () => {
  const child = spawn(process.execPath, [await bundledCli(), 'sandbox'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running = child;
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => void (stderr += d));
  const exited = new Promise<number | null>((res) => child.on('close', (code) => res(code)));
  await new Promise<void>((res, rej) => {
    const timer = setTimeout(
      () => rej(new Error(`no export lines within 60 s; stdout:\n${stdout}\nstderr:\n${stderr}`)),
      60_000,
    );
    child.stdout.on('data', (d: Buffer) => {
      stdout += d;
      if (/^export GITHUB_REPOSITORY=/m.test(stdout)) {
        clearTimeout(timer);
        res();
      }
    });
  });
  const exports = Object.fromEntries(
    [...stdout.matchAll(/^export ([A-Z0-9_]+)=(.*)$/gm)].map((m) => [m[1], m[2]]),
  );
  expect(stdout).toMatch(/^# gitspaces sandbox \(scenario healthy\) is running on 127\.0\.0\.1/m);
  expect(exports.GITSPACES_HARNESS_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(exports.GITSPACES_COMPUTE_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(Object.keys(exports)).toEqual(
    expect.arrayContaining(['GOOGLE_APPLICATION_CREDENTIALS', 'HARNESS_API_KEY', 'GITHUB_API_URL']),
  );
  // The printed endpoint answers (any HTTP status: the emulator is there).
  const res = await fetch(`${exports.GITSPACES_HARNESS_URL}/gateway/cde/api/v1/`);
  expect(res.status).toBeGreaterThanOrEqual(200);
  child.kill('SIGINT');
  expect(await exited).toBe(0);
  expect(stderr).toContain('# sandbox stopped');
}, 90_000);

test('an unknown scenario is exit 2 with the reason', async () => {
  const { runCli } = await import('./run-cli.js');
  const r = await runCli(['--scenario', 'no-such-scenario', 'sandbox']);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('Unknown scenario "no-such-scenario"');
});

test('sandbox --help lists the scenarios shipped in sandbox/scenarios', async () => {
  const { runCli } = await import('./run-cli.js');
  const r = await runCli(['sandbox', '--help']);
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/^Scenarios: healthy \(default\), .*dns-not-delegated/m);
});
