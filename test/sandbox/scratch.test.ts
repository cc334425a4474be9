import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Starts a sandbox in a child process (from the sources, through tsx), reads the scratch directory it printed,
 * then ends the child with `end` and resolves with how it ended.
 */
function runChild(
  mode: 'wait' | 'crash' | 'graceful',
  end: (child: ReturnType<typeof spawn>, dir: string) => void,
): Promise<{ dir: string; code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  const script = `
    const { startSandbox } = await import(${JSON.stringify(join(ROOT, 'sandbox', 'index.ts'))});
    const sb = await startSandbox();
    console.log('DIR=' + sb.dir);
    if (${JSON.stringify(mode)} === 'crash') setTimeout(() => { throw new Error('crash on purpose'); }, 10);
    else setInterval(() => {}, 1000);
    if (${JSON.stringify(mode)} === 'graceful')
      process.on('SIGTERM', async () => { await sb.stop(); process.exit(0); });
  `;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let stderr = '';
  let dir = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolvePromise, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /DIR=(\S+)\n/.exec(out);
      if (m && !dir) {
        dir = m[1] as string;
        if (!existsSync(dir)) reject(new Error(`the child's scratch directory ${dir} does not exist`));
        end(child, dir);
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (!dir) reject(new Error(`the child ended before starting its sandbox (code ${code}): ${stderr}`));
      else resolvePromise({ dir, code, signal, stderr });
    });
  });
}

describe('the sandbox scratch directory (keys, VM roots) does not outlive its process', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'is removed when the process gets %s, which still ends it',
    async (sig) => {
      const r = await runChild('wait', (child) => child.kill(sig));
      expect(r.signal).toBe(sig);
      expect(existsSync(r.dir)).toBe(false);
    },
  );

  it('leaves the ending to a process that handles the signal itself (graceful stop, exit 0)', async () => {
    const r = await runChild('graceful', (child) => child.kill('SIGTERM'));
    expect({ code: r.code, signal: r.signal }).toEqual({ code: 0, signal: null });
    expect(existsSync(r.dir)).toBe(false);
  });

  it('is removed when the process crashes on an uncaught exception', async () => {
    const r = await runChild('crash', () => undefined);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('crash on purpose');
    expect(existsSync(r.dir)).toBe(false);
  });

  it('holds the issued key while the sandbox runs', async () => {
    let listed: string[] = [];
    const r = await runChild('wait', (child, dir) => {
      listed = readdirSync(dir);
      child.kill('SIGTERM');
    });
    expect(listed.some((f) => f.endsWith('.json'))).toBe(true);
    expect(existsSync(r.dir)).toBe(false);
  });
});
