/**
 * The plan file and the key copy hold secrets: the scratch directory that holds them is private, outside the
 * work tree, and gone after a run, including one stopped by a signal (the signal still stops the process).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScratch } from '../../shared/terraform/state-run.js';
import { ROOT } from '../cli/run-cli.js';

let base: string;
beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'gitspaces-scratch-test-'));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('the terraform scratch directory', () => {
  it('is mode 0700 under RUNNER_TEMP, and cleanup removes it, .terraform and tracked files', () => {
    const runnerTemp = join(base, 'runner-temp');
    const workdir = join(base, 'work');
    mkdirSync(join(workdir, '.terraform'), { recursive: true });
    writeFileSync(join(workdir, '.terraform', 'terraform.tfstate'), '{}');
    const key = join(base, 'key.json');
    writeFileSync(key, '{}', { mode: 0o600 });
    const s = createScratch({ RUNNER_TEMP: runnerTemp }, workdir);
    s.track(key);
    expect(s.dir.startsWith(runnerTemp)).toBe(true);
    expect(statSync(s.dir).mode & 0o777).toBe(0o700);
    writeFileSync(s.planFile, 'plan');
    s.cleanup();
    expect([existsSync(s.dir), existsSync(join(workdir, '.terraform')), existsSync(key)]).toEqual([
      false,
      false,
      false,
    ]);
    expect(existsSync(join(workdir))).toBe(true);
  });

  it('is removed when the process is stopped by SIGTERM, and the process still ends by that signal', async () => {
    const script = join(base, 'child.mts');
    const workdir = join(base, 'child-work');
    mkdirSync(workdir);
    writeFileSync(
      script,
      `import { writeFileSync } from 'node:fs';
import { createScratch } from ${JSON.stringify(join(ROOT, 'shared', 'terraform', 'state-run.ts'))};
const s = createScratch({ RUNNER_TEMP: ${JSON.stringify(join(base, 'child-temp'))} }, ${JSON.stringify(workdir)});
writeFileSync(s.planFile, 'secret plan');
console.log(s.dir);
setInterval(() => undefined, 1000);
`,
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const dir = await new Promise<string>((resolve) =>
      child.stdout.on('data', (b: Buffer) => resolve(b.toString().trim())),
    );
    expect(existsSync(join(dir, 'plan.tfplan'))).toBe(true);
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_c, signal) => resolve(signal)),
    );
    child.kill('SIGTERM');
    const signal = await exited;
    expect(existsSync(dir)).toBe(false);
    // The handler re-raised the signal: the process ended by SIGTERM, as it would have without the handler.
    expect(signal).toBe('SIGTERM');
  });
});
