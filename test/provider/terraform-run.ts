import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Sandbox } from '../../sandbox/index.js';

export interface TfResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * A working directory with a configuration of the test's own, run by the real terraform against a sandbox
 * (its CLI config takes hashicorp/google and hashicorp/null from the stand-in provider). Terraform runs as a
 * child process without blocking: the emulators answer from this same process.
 */
export function workdir(s: Sandbox, name: string, mainTf: string) {
  const dir = join(s.dir, name);
  mkdirSync(dir, { recursive: true });
  const write = (text: string) => writeFileSync(join(dir, 'main.tf'), providerBlock(s) + text);
  write(mainTf);
  const tf = (...args: string[]) =>
    new Promise<TfResult>((resolve) =>
      execFile(
        'terraform',
        [...args],
        {
          cwd: dir,
          env: { ...process.env, ...s.env, TF_IN_AUTOMATION: '1' },
          encoding: 'utf8',
          maxBuffer: 64 << 20,
        },
        (err, stdout, stderr) =>
          resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      ),
    );
  return { dir, tf, write };
}

export function providerBlock(s: Sandbox): string {
  return `provider "google" {\n  credentials = file(${JSON.stringify(s.files.serviceAccountKey)})\n  project     = ${JSON.stringify(s.scenario.gcp.projectId)}\n}\n`;
}
