/**
 * Start-up of the stand-in Terraform provider (sandbox/provider): the time from launching the executable
 * Terraform finds in the sandbox's mirror to the go-plugin handshake line on its stdout, which Terraform pays at
 * every launch (several per plan). Printed as a ratio to `node -e 0` measured in the same run, median of 9, and
 * in milliseconds for the target (under one second).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installStandInProviders } from '../sandbox/provider/install.js';
import { MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE } from '../sandbox/provider/server.js';

interface BenchResult {
  name: string;
  value: number;
  unit: string;
  note?: string;
}

function timeToFirstLine(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const p = spawn(cmd, args, { env });
    p.stdout.once('data', () => {
      resolve(performance.now() - t0);
      p.kill();
    });
    p.on('exit', (code) => (code === 0 ? resolve(performance.now() - t0) : undefined));
    p.on('error', reject);
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

export default async function bench(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'provider-bench-'));
  try {
    const { mirrorDir } = installStandInProviders(dir);
    const pkg = join(mirrorDir, 'registry.terraform.io', 'hashicorp', 'google', '6.50.0');
    const exe = join(pkg, readdirSync(pkg)[0] as string, 'terraform-provider-google_v6.50.0');
    const env = { ...process.env, [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE, PLUGIN_PROTOCOL_VERSIONS: '6' };
    const plugin: number[] = [];
    const baseline: number[] = [];
    for (let i = 0; i < 9; i++) {
      plugin.push(await timeToFirstLine(exe, [], env));
      baseline.push(await timeToFirstLine(process.execPath, ['-e', 'console.log(0)'], env));
    }
    return [
      {
        name: 'provider handshake / node -e 0',
        value: Number((median(plugin) / median(baseline)).toFixed(2)),
        unit: 'x',
        note: 'median of 9',
      },
      { name: 'provider handshake', value: Math.round(median(plugin)), unit: 'ms', note: 'target < 1000 ms' },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
