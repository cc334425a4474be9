/**
 * Start-up: an action that stops because its config file is missing must not have loaded the config parser
 * (yaml + zod, about 100 ms), since it never read a config. Each action runs from the sources in a child process
 * that records every module it resolves (test/dist/module-probe.mjs).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './run-bundle.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gitspaces-lazy-load-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function modulesLoaded(action: string): { code: number | null; stdout: string; modules: string[] } {
  const out = join(dir, `${action}.txt`);
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(INPUT_|GITHUB_|RUNNER_)/.test(k)) env[k] = v;
  const r = spawnSync(process.execPath, [join(ROOT, 'test', 'dist', 'module-probe.mjs'), action], {
    cwd: dir,
    env: { ...env, PROBE_OUT: out, INPUT_CONFIG: join(dir, 'no-such-gitspaces.yaml') },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, modules: readFileSync(out, 'utf8').split('\n').filter(Boolean) };
}

const PARSER = /\/node_modules\/(yaml|zod)\/|\/shared\/config\/(parse|schema)\.ts$/;

// terraform-apply, install-runner and teardown still import yaml at the top (actions/terraform-apply/main.ts,
// actions/teardown/main.ts, shared/runner/install.ts and pool.ts): add them here once those load it lazily.
test.each(['validate-prereqs', 'configure-infra', 'create-gitspace', 'pipeline'])(
  '%s with no config file: exit 2 (or the failed preflight), and neither yaml, zod nor the config parser loaded',
  (action) => {
    const r = modulesLoaded(action);
    expect(r.stdout).toMatch(/no-such-gitspaces\.yaml/);
    expect(r.code === 1 || r.code === 2).toBe(true);
    expect(r.modules.length).toBeGreaterThan(20);
    expect(r.modules.filter((m) => PARSER.test(m)).map((m) => m.replace(/^.*\/(node_modules|shared)\//, '$1/'))).toEqual([]);
  },
  60_000,
);
