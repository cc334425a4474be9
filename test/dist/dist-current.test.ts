/**
 * dist/ is committed: it must be exactly what the sources build. This rebuilds into a temp dir (no type-check:
 * that is `npm run typecheck`), compares file by file, and then smoke-tests the fresh bundles as the runner runs them.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { ACTION_NAMES } from '../../actions/registry.js';
import { ROOT, bundleNode, parseCommandFile, parseWorkflowCommands, runBundle } from './run-bundle.js';

const run = promisify(execFile);
const fresh = join(mkdtempSync(join(tmpdir(), 'gitspaces-dist-')), 'dist');
const committed = join(ROOT, 'dist');
let buildLog = '';

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out;
}

beforeAll(async () => {
  const r = await run(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--out', fresh, '--no-typecheck'], { cwd: ROOT, maxBuffer: 16 << 20 });
  buildLog = r.stderr;
}, 300_000);

afterAll(() => rmSync(join(fresh, '..'), { recursive: true, force: true }));

test('committed dist/ is what the sources build (npm run build, then commit dist/)', () => {
  const want = files(fresh);
  const have = files(committed);
  const missing = want.filter((f) => !have.includes(f));
  const extra = have.filter((f) => !want.includes(f));
  const differ = want.filter((f) => have.includes(f) && !readFileSync(join(fresh, f)).equals(readFileSync(join(committed, f))));
  const problems = [...missing.map((f) => `missing in dist/: ${f}`), ...extra.map((f) => `not built any more: dist/${f}`), ...differ.map((f) => `differs: dist/${f}`)];
  if (problems.length) process.stderr.write(`dist/ is stale; run \`npm run build\` and commit dist/:\n  ${problems.join('\n  ')}\n`);
  expect(problems).toEqual([]);
});

test('the build is deterministic: no timestamps or absolute paths of the build machine', () => {
  for (const f of files(fresh).filter((x) => x.endsWith('.js'))) {
    const text = readFileSync(join(fresh, f), 'utf8');
    expect({ f, tmp: text.includes(fresh) || text.includes(ROOT) }).toEqual({ f, tmp: false });
  }
  expect(existsSync(join(fresh, 'lib', 'index.js'))).toBe(true);
  expect(existsSync(join(fresh, 'cli', 'index.js'))).toBe(true);
});

test('a missing action is skipped loudly, never silently', () => {
  for (const name of ACTION_NAMES) {
    const src = existsSync(join(ROOT, 'actions', name, 'main.ts'));
    expect({ name, built: existsSync(join(fresh, name, 'index.js')) }).toEqual({ name, built: src });
    if (!src) expect(buildLog).toContain(`WARNING: actions/${name}/main.ts does not exist`);
  }
});

describe('the fresh bundles, run as the runner runs them', () => {
  const built = () =>
    ACTION_NAMES.filter((n) => existsSync(join(fresh, n, 'index.js')));

  // A missing config file is a configuration error: exit 2, as on the CLI (shared/failure.ts).
  test('without a config file each action fails with an error annotation, exit 2, and no stack trace', async () => {
    for (const name of built()) {
      const r = await runBundle(name, { distDir: fresh, inputs: { config: 'no-such-gitspaces.yaml' } });
      const errors = r.annotations.filter((a) => a.level === 'error');
      expect({ name, code: r.code, errors: errors.length > 0 }).toEqual({ name, code: 2, errors: true });
      expect({ name, bug: /this is a bug|at .*\(.*\.js:\d+:\d+\)/.test(r.stdout + r.stderr) }).toEqual({ name, bug: false });
    }
  }, 120_000);

  test('the bundled CLI validates the example config and prints its help', async () => {
    const node = bundleNode();
    const ok = await run(node, [join(fresh, 'cli', 'index.js'), 'check-config', '--config', join(ROOT, 'examples', 'gitspaces.yaml')]);
    expect(ok.stdout).toContain('is valid');
    const help = await run(node, [join(fresh, 'cli', 'index.js'), '--help']);
    expect(help.stdout).toContain('Usage: gitspaces');
  });

  test('the sandbox data is in the bundle, so `gitspaces sandbox` works from dist', () => {
    const data = (d: string, keep: (f: string) => boolean) => files(join(ROOT, 'sandbox', d)).filter(keep);
    const notTs = (f: string) => !f.endsWith('.ts') && !/\.terraform|tfstate/.test(f);
    expect(files(join(fresh, 'sandbox', 'scenarios'))).toEqual(data('scenarios', (f) => f.endsWith('.yaml')));
    expect(files(join(fresh, 'sandbox', 'module'))).toEqual(data('module', notTs));
    expect(files(join(fresh, 'sandbox', 'vm', 'bin'))).toEqual(data('vm/bin', notTs));
  });
});

describe('run-bundle parsing', () => {
  test('GITHUB_OUTPUT: name=value and heredoc blocks', () => {
    expect(parseCommandFile('a=1\nplan<<ghadelimiter_1\nline 1\nline=2\nghadelimiter_1\nempty=\n')).toEqual({ a: '1', plan: 'line 1\nline=2', empty: '' });
    expect(() => parseCommandFile('x<<EOF\nnever closed\n')).toThrow(/never ends/);
  });
  test('workflow commands: annotations with properties, and masks', () => {
    const { annotations, masked } = parseWorkflowCommands('hello\n::add-mask::s3cr3t\n::error title=Configuration error,file=gitspaces.yaml,line=4::bad%0Anext\n::warning::careful\n');
    expect(masked).toEqual(['s3cr3t']);
    expect(annotations).toEqual([
      { level: 'error', message: 'bad\nnext', props: { title: 'Configuration error', file: 'gitspaces.yaml', line: '4' } },
      { level: 'warning', message: 'careful', props: {} },
    ]);
  });
});
