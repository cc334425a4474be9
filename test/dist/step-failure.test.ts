/**
 * A failure as the runner shows it, from this tree's sources built the way the bundle is wired (actions/bundle.ts
 * over @actions/core): a broken gitspaces.yaml is one annotation at its file and line, not repeated.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, runBundle, sourceStep } from './run-bundle.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gitspaces-step-failure-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a config with one bad field: exit 2, exactly one error annotation, at gitspaces.yaml and the line of the field', async () => {
  const example = readFileSync(join(ROOT, 'examples', 'gitspaces.yaml'), 'utf8');
  const broken = example.replace(/^version: 1$/m, 'version: 7');
  expect(broken).not.toBe(example);
  const line = broken.split('\n').findIndex((l) => l === 'version: 7') + 1;
  writeFileSync(join(dir, 'gitspaces.yaml'), broken);
  const r = await runBundle('configure-infra', {
    distDir: await sourceStep('configure-infra'),
    cwd: dir,
    inputs: { config: 'gitspaces.yaml', 'harness-api-key': 'pat.acct.0123.unused' },
  });
  expect(r.code).toBe(2);
  const errors = r.annotations.filter((a) => a.level === 'error');
  expect(errors).toEqual([
    {
      level: 'error',
      message: expect.stringMatching(/^version \(line \d+\): found number 7; expected one of 1\. Fix: /),
      props: { title: 'Configuration error (CONFIG_INVALID)', file: 'gitspaces.yaml', line: String(line) },
    },
  ]);
  expect(r.stdout.match(/^::error /gm)).toHaveLength(1);
}, 60_000);

test('an error nobody anticipated says it is a bug; its stack trace is debug output only (shown with RUNNER_DEBUG=1)', async () => {
  // A runner whose output file is gone: core.setOutput throws, which no action expects.
  const r = await runBundle('pipeline', {
    distDir: await sourceStep('pipeline'),
    cwd: dir,
    inputs: { config: 'missing.yaml', phases: 'validate' },
    env: { GITHUB_OUTPUT: join(dir, 'no-such-dir', 'output') },
  });
  expect(r.code).toBe(1);
  const errors = r.annotations.filter((a) => a.level === 'error');
  const bugs = errors.filter((a) => a.message.includes('this is a bug'));
  expect(bugs).toHaveLength(1);
  expect(bugs[0]?.message).toMatch(/re-run with debug logging.*: Missing file at path: /);
  expect(errors.filter((a) => /\n\s+at /.test(a.message))).toEqual([]);
  expect(r.annotations.filter((a) => a.level === 'debug' && /\n\s+at /.test(a.message))).toHaveLength(1);
}, 60_000);

test('the pipeline stopped by a missing config file: exit 2, one error annotation, on the phase that failed', async () => {
  const r = await runBundle('pipeline', {
    distDir: await sourceStep('pipeline'),
    cwd: dir,
    inputs: { config: 'no-such-gitspaces.yaml' },
  });
  expect(r.code).toBe(2);
  const errors = r.annotations.filter((a) => a.level === 'error');
  expect(errors.map((a) => a.props.title)).toEqual(['gitspaces: validate failed']);
  expect(errors[0]?.message).toMatch(/CONFIG_NOT_FOUND.*no-such-gitspaces\.yaml/);
}, 60_000);
