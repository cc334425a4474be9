/**
 * `gitspaces check-config` on every file in test/fixtures/config/invalid: exit 2, the offending path named
 * (each fixture's `# expect:` lines), and no secret value (its `# secret:` line) anywhere in the output.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CliRun, ROOT, inBatches, runCli } from '../cli/run-cli.js';

const DIR = join(ROOT, 'test', 'fixtures', 'config', 'invalid');

interface Fixture {
  file: string;
  expects: string[];
  secret?: string;
}

const fixtures: Fixture[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => {
    const text = readFileSync(join(DIR, f), 'utf8');
    return {
      file: f,
      expects: [...text.matchAll(/^# expect: (.+)$/gm)].map((m) => (m[1] as string).trim()),
      secret: /^# secret: (.+)$/m.exec(text)?.[1]?.trim(),
    };
  });

const results = new Map<string, CliRun>();

beforeAll(async () => {
  const runs = await inBatches(fixtures, 3, (f) => runCli(['check-config', '--config', join(DIR, f.file)]));
  fixtures.forEach((f, i) => results.set(f.file, runs[i] as CliRun));
}, 300_000);

test('there are at least 40 invalid fixtures, each saying what it expects', () => {
  expect(fixtures.length).toBeGreaterThanOrEqual(40);
  for (const f of fixtures)
    expect({ file: f.file, expects: f.expects.length > 0 }).toEqual({ file: f.file, expects: true });
});

describe.each(fixtures)('check-config $file', (f) => {
  test(`exits 2 and names ${f.expects.join(', ')}`, () => {
    const r = results.get(f.file) as CliRun;
    expect(r.code).toBe(2);
    for (const e of f.expects) expect(r.output).toContain(e);
    expect(r.output).toContain('Fix:');
  });
  if (f.secret) {
    test('never prints the secret it found', () => {
      const r = results.get(f.file) as CliRun;
      expect(r.output).not.toContain(f.secret);
      expect(r.output).toMatch(/hidden/);
    });
  }
});

test('the example config is valid (exit 0) and says what it describes', async () => {
  const r = await runCli(['check-config', '--config', join(ROOT, 'examples', 'gitspaces.yaml')]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(
    /is valid: infrastructure gitspaces \(gitspaces\.acme\.dev\), 1 region\(s\), 1 machine\(s\), 1 gitspace\(s\)/,
  );
});

test('every error is printed at once, not the first only', async () => {
  const r = await runCli(['check-config', '--config', join(DIR, 'region-bad-name.yaml')]);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/has 3 problem\(s\)/);
  expect(r.stderr).toContain('infrastructure.runner.region');
  expect(r.stderr).toContain('machines.0.region');
});

test('an empty file is exit 2 and says so (a fixture cannot be empty: it carries its # expect line)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gitspaces-empty-config-'));
  try {
    const file = join(dir, 'gitspaces.yaml');
    writeFileSync(file, '\n  \n');
    const r = await runCli(['check-config', '--config', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      '(file): found an empty file; expected a gitspaces.yaml mapping with version: 1',
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a missing config file is exit 2 with the path and the fix', async () => {
  const r = await runCli(['check-config', '--config', 'no/such/gitspaces.yaml']);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('no/such/gitspaces.yaml');
  expect(r.stderr).toContain('examples/gitspaces.yaml');
});

test('--json prints the issues as data', async () => {
  const r = await runCli(['--json', 'check-config', '--config', join(DIR, 'cidr-host-bits-set.yaml')]);
  expect(r.code).toBe(2);
  const body = JSON.parse(r.stdout) as {
    valid: boolean;
    issues: { path: string; found: string; fix: string }[];
  };
  expect(body.valid).toBe(false);
  expect(body.issues).toEqual([
    expect.objectContaining({
      path: 'infrastructure.regions.us-central1.default_subnet_ip_range',
      found: '"10.6.0.1/16"',
      fix: 'Use 10.6.0.0/16.',
    }),
  ]);
});
