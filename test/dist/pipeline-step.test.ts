/**
 * The whole pipeline as one step (the root action.yml), built from this tree's sources the way the bundle is
 * wired, on the sandbox with the real terraform binary: what a user reads in the step's log.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Sandbox, startSandbox } from '../../sandbox/index.js';
import { runBundle, sourceStep } from './run-bundle.js';

let sandbox: Sandbox;
let dir: string;
beforeAll(async () => {
  sandbox = await startSandbox({ scenario: { harness: { gitspaceStepMs: 20, gatewayHealthyAfterMs: 200 }, gcp: { operationMs: 0 } } });
  dir = mkdtempSync(join(tmpdir(), 'gitspaces-pipeline-step-'));
});
afterAll(async () => {
  await sandbox?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('every secret is registered with ::add-mask:: once, and none is printed', async () => {
  const config = join(dir, 'gitspaces.yaml');
  writeFileSync(
    config,
    readFileSync('examples/gitspaces.yaml', 'utf8').replace(
      'working_directory: .gitspaces/terraform',
      'working_directory: tf',
    ),
  );
  const r = await runBundle('pipeline', {
    distDir: await sourceStep('pipeline'),
    cwd: dir,
    inputs: {
      config,
      'harness-api-key': sandbox.secrets.harnessApiKey,
      'gcp-credentials': readFileSync(sandbox.files.serviceAccountKey, 'utf8'),
      'poll-interval': '100ms',
    },
    env: { ...sandbox.env, RUNNER_TEMP: dir, HARNESS_API_KEY: '', GOOGLE_APPLICATION_CREDENTIALS: '' },
    timeoutMs: 240_000,
  });
  expect(r.annotations.filter((a) => a.level === 'error')).toEqual([]);
  expect(r.code).toBe(0);
  const counts = new Map<string, number>();
  for (const m of r.masked) counts.set(m, (counts.get(m) ?? 0) + 1);
  process.stdout.write(`pipeline step: ${r.masked.length} ::add-mask:: lines for ${counts.size} values\n`);
  expect([...counts].filter(([, n]) => n > 1).map(([v, n]) => `${v.slice(0, 6)}… ${n} times`)).toEqual([]);
  expect(r.masked).toContain(sandbox.secrets.harnessApiKey);
  const visible = [
    r.stdout
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n'),
    r.stderr,
    JSON.stringify(r.outputs),
    r.summary,
  ].join('\n');
  expect(visible).not.toContain(sandbox.secrets.harnessApiKey);
  for (const line of sandbox.secrets.serviceAccountPrivateKey.split('\n').filter((l) => l.length > 20))
    expect(visible).not.toContain(line);
}, 300_000);
