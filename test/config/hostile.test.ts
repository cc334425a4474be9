/**
 * Issue 16, "Hostile input": a corpus of crafted config files, generated from examples/gitspaces.yaml. On every one
 * `gitspaces check-config` ends with exit 2 (or 0 for the odd but legal ones), never with a stack trace, and names
 * the field it refuses. The whole corpus runs through the CLI's own entry point in this process; the cases that
 * used to crash or hang (alias bombs, a self-referencing anchor, a FIFO, a 50 MB file) also run as a real process.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { cli } from '../../cli/main.js';
import { loadConfig } from '../../shared/config/load.js';
import { ROOT, runCli } from '../cli/run-cli.js';

const EXAMPLE = readFileSync(join(ROOT, 'examples', 'gitspaces.yaml'), 'utf8');

/** The example with one value set (a path into the YAML document), as a user would have typed it. */
function withValue(path: (string | number)[], value: unknown): string {
  const doc = parseDocument(EXAMPLE);
  doc.setIn(path, value);
  return String(doc);
}

interface Case {
  name: string;
  /** The file's content (a string, or bytes). */
  content: string | Buffer;
  /** What the output must name: the refused field's path, or a phrase for file-level refusals. */
  expect: string;
}

const cases: Case[] = [];
const refuse = (name: string, path: (string | number)[], value: unknown, expect = path.join('.')) =>
  cases.push({ name, content: withValue(path, value), expect });

// Harness identifiers (harness-core EntityIdentifierValidator) and URLs.
for (const v of ['../../admin', '.', '..', 'org', 'a b', 'x'.repeat(129), '$(id)', 'default\n', 'a/b'])
  refuse(`org ${JSON.stringify(v).slice(0, 20)}`, ['harness', 'org'], v);
for (const v of ['../p', '..', 'p/q', '$(rm -rf ~)', 'null', 'x'.repeat(129), 'proj;ls', 'ab\u202ecd'])
  refuse(`project ${JSON.stringify(v).slice(0, 20)}`, ['harness', 'project'], v);
for (const v of ['../x', 'a'.repeat(65), 'acc\nid', ''])
  refuse(`account ${JSON.stringify(v).slice(0, 20)}`, ['harness', 'account_id'], v);
for (const v of [
  'javascript:alert(1)',
  'https://user:pass@app.harness.io',
  'file:///etc/passwd',
  'https://app.harness.io/\nX-Injected: 1',
  `https://${'a'.repeat(3000)}.io`,
])
  refuse(`api_url ${v.slice(0, 20)}`, ['harness', 'api_url'], v);
for (const v of ['../p', 'A'.repeat(31), 'proj$(id)'])
  refuse(`project_id ${v.slice(0, 12)}`, ['gcp', 'project_id'], v);

// The infra provider's identifier (harness/harness check.Identifier) and GCP names (RFC 1035).
for (const v of ['.', '..', '...', '../x', 'a/b', 'x'.repeat(101), 'id with space', 'id\u0000'])
  refuse(`identifier ${JSON.stringify(v).slice(0, 20)}`, ['infrastructure', 'identifier'], v);
for (const v of ['../../n', 'UPPER', 'x'.repeat(21)])
  refuse(`infra name ${v.slice(0, 12)}`, ['infrastructure', 'name'], v);
for (const v of ['evil.com/../x', 'a..b.com', `${'x'.repeat(64)}.com`, 'example.com\n'])
  refuse(`domain ${JSON.stringify(v).slice(0, 16)}`, ['infrastructure', 'domain'], v);
for (const v of ['../x', 'e2 standard', 'E2-STANDARD', 'x'.repeat(64), 'e2-standard-2;rm'])
  refuse(`gateway machine_type ${v.slice(0, 12)}`, ['infrastructure', 'gateway', 'machine_type'], v);
for (const v of ['projects/../global/images/x', `projects/${'a'.repeat(40)}/global/images/x`])
  refuse(`gateway image ${v.slice(0, 20)}`, ['infrastructure', 'gateway', 'vm_image_name'], v);
refuse('gateway instances 1e9', ['infrastructure', 'gateway', 'instances'], 1e9);
refuse(
  'whitelist 101 ranges',
  ['infrastructure', 'gateway', 'whitelist_ip_ranges'],
  Array(101).fill('10.0.0.0/8'),
);
for (const v of ['../x', 'a_b', 'x'.repeat(64)])
  refuse(`subdomain ${v.slice(0, 12)}`, ['infrastructure', 'regions', 'us-central1', 'subdomain'], v);
for (const v of ['../x', 'VM', 'x'.repeat(64), 'vm name'])
  refuse(`runner vm_name ${v.slice(0, 12)}`, ['infrastructure', 'runner', 'vm_name'], v);
refuse(
  'subdomain that makes the region domain longer than 253',
  ['infrastructure', 'regions', 'us-central1', 'subdomain'],
  Array(4).fill('a'.repeat(60)).join('.'),
);
cases.push({
  name: 'region key ../x',
  content: EXAMPLE.replace('    us-central1:\n      subdomain', '    ../us-central1:\n      subdomain'),
  expect: 'infrastructure.regions.../us-central1',
});

// Paths that must stay inside the workspace (issue 13) or the repository.
for (const v of [
  '/tmp/x',
  '/etc',
  '..',
  '../x',
  'a/../../b',
  '~',
  '~/x',
  'C:\\x',
  '\\\\server\\share',
  'a\\..\\b',
  'tf$(id)',
  "tf'x",
  'x/'.repeat(200),
  '',
  '  ',
])
  refuse(`working_directory ${JSON.stringify(v).slice(0, 16)}`, ['terraform', 'working_directory'], v);
for (const [k, v] of [
  ['path', '/tmp/x.tfstate'],
  ['path', '../x.tfstate'],
  ['path', '~/x.tfstate'],
  ['workspace_dir', '/abs'],
] as const)
  refuse(
    `backend ${k} ${v}`,
    ['terraform', 'backend'],
    { type: 'local', config: { [k]: v } },
    `terraform.backend.config.${k}`,
  );
refuse(
  'backend setting with a newline',
  ['terraform', 'backend'],
  { type: 'gcs', config: { prefix: 'a\nb' } },
  'terraform.backend.config.prefix',
);
refuse(
  'backend setting name',
  ['terraform', 'backend'],
  { type: 'gcs', config: { 'Bad Key': 'x' } },
  'terraform.backend.config',
);
for (const v of ['../../../../etc/passwd', '/etc/passwd', '~/x', '.devcontainer/../../x', 'a\\..\\b'])
  refuse(`devcontainer_path ${v.slice(0, 16)}`, ['gitspaces', 0, 'devcontainer_path'], v);
refuse('module source 1025 chars', ['terraform', 'module', 'source'], 'x'.repeat(1025));
refuse('module source with a newline', ['terraform', 'module', 'source'], 'git::https://x\n');
refuse('module source with a bidi override', ['terraform', 'module', 'source'], 'git::https://x\u202e');
refuse('lock_timeout huge', ['terraform', 'lock_timeout'], '99999999999999s');
refuse(
  'certificate path $(id)',
  ['terraform', 'certificate'],
  { mode: 'files', certificate_path: '$(id).pem', private_key_path: 'k.pem' },
  'terraform.certificate.certificate_path',
);

// Images, the delegate, machines and gitspaces.
for (const v of ['img;rm -rf /', 'IMG', 'x'.repeat(600), 'a b', '$(id)'])
  refuse(`runner image ${v.slice(0, 12)}`, ['runner', 'image'], v);
refuse('delegate image $(id)', ['delegate', 'image'], '$(id)');
for (const v of ['../d', 'delegate-', 'x'.repeat(64)])
  refuse(`delegate name ${v.slice(0, 12)}`, ['delegate', 'name'], v);
for (const [label, v] of [
  ['../t', ['../t']],
  ['newline', ['t\n']],
  ['51 tags', Array.from({ length: 51 }, (_, i) => `t${i}`)],
  ['129 chars', ['x'.repeat(129)]],
] as const)
  refuse(`delegate tags ${label}`, ['delegate', 'tags'], v);
refuse('token_name ../t', ['delegate', 'token_name'], '../t');
refuse('manager_url ftp', ['delegate', 'manager_url'], 'ftp://x');
for (const v of ['../../x', '..', '....', 'x', 'a'.repeat(21), 'name with space', '-abc'])
  cases.push({
    name: `machine name ${v.slice(0, 12)}`,
    content: withValue(['machines', 0, 'name'], v).replace(
      'machine: standard',
      `machine: ${JSON.stringify(v)}`,
    ),
    expect: 'machines.0.name',
  });
const manyGitspaces = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    name: `g${i}`,
    repo_url: 'https://github.com/acme/api',
    repo_type: 'github',
    machine: 'standard',
  }));
refuse('10,001 gitspaces', ['gitspaces'], manyGitspaces(10_001), 'gitspaces (line');
refuse('machine type ../x', ['machines', 0, 'machine_type'], '../x');
refuse('boot disk 1e12 GB', ['machines', 0, 'boot_disk_size'], 1e12);
refuse(
  '101 machines',
  ['machines'],
  Array.from({ length: 101 }, (_, i) => ({
    name: `m${1000 + i}`,
    region: 'us-central1',
    zone: 'us-central1-a',
    machine_type: 'e2-standard-4',
  })),
  'machines (line',
);
for (const v of ['../x', 'UP', 'a'.repeat(51)])
  refuse(`gitspace name ${v.slice(0, 12)}`, ['gitspaces', 0, 'name'], v);
for (const v of ['https://tok:x@github.com/a/b', 'file:///etc/passwd', 'ssh://git@github.com/a/b'])
  refuse(`repo_url ${v.slice(0, 16)}`, ['gitspaces', 0, 'repo_url'], v);
for (const v of [
  'a'.repeat(300),
  'a..b',
  '-rf',
  'a b',
  'x.lock',
  'refs/../x',
  '@',
  'a@{b',
  'x/',
  '.hidden',
  'br\nanch',
  'HEAD',
  'a'.repeat(50 * 1024),
])
  refuse(
    `branch ${v.length > 20 ? `of ${v.length} characters` : JSON.stringify(v)}`,
    ['gitspaces', 0, 'branch'],
    v,
  );
refuse('gitspace machine ../../x', ['gitspaces', 0, 'machine'], '../../x');
for (const v of ['../x', 'x y'])
  refuse(`ssh_token_identifier ${v}`, ['gitspaces', 0, 'ssh_token_identifier'], v);

// Keys, and YAML that expands or refers to itself.
cases.push({ name: 'key with a newline', content: `${EXAMPLE}"bad\\nkey": 1\n`, expect: 'bad\\u000akey' });
cases.push({ name: '__proto__ key', content: `${EXAMPLE}__proto__: {version: 2}\n`, expect: '__proto__' });
const bomb = (indent: string) =>
  [
    `${indent}a: &a ["x","x","x","x","x","x","x","x","x"]`,
    `${indent}b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]`,
    `${indent}c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]`,
    `${indent}d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]`,
    `${indent}e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]`,
    `${indent}f: [*e,*e,*e,*e,*e,*e,*e,*e,*e]`,
  ].join('\n');
const BOMB = `${EXAMPLE}lol:\n${bomb('  ')}\n`;
const NESTED_BOMB = EXAMPLE.replace(
  '    machine: standard',
  `    machine: standard\n    extra:\n      deeper:\n${bomb('        ')}`,
);
const SELF_REF = EXAMPLE.replace('runner:\n  image', 'loop: &l\n  again: *l\nrunner:\n  image');
cases.push({ name: 'alias bomb', content: BOMB, expect: 'aliases that expand to more than 100 nodes' });
cases.push({
  name: 'nested alias bomb',
  content: NESTED_BOMB,
  expect: 'aliases that expand to more than 100 nodes',
});
cases.push({ name: 'self-referencing anchor', content: SELF_REF, expect: 'contains itself' });
cases.push({
  name: 'self-referencing sequence',
  content: `${EXAMPLE}x: &s [1, *s]\n`,
  expect: 'contains itself',
});
cases.push({
  name: 'alias without anchor',
  content: `${EXAMPLE}x: *nowhere\n`,
  expect: 'with no anchor &nowhere',
});
cases.push({ name: 'two documents', content: `${EXAMPLE}---\nversion: 1\n`, expect: 'MULTIPLE_DOCS' });
cases.push({
  name: 'binary tag in a string field',
  content: withValue(['harness', 'org'], 'x').replace('org: x', 'org: !!binary aGVsbG8='),
  expect: 'harness.org',
});
cases.push({ name: 'merge key', content: `${EXAMPLE}base: &b {x: 1}\nother:\n  <<: *b\n`, expect: 'base' });
cases.push({
  name: 'deep nesting',
  content: `${EXAMPLE}deep: ${'['.repeat(20000)}${']'.repeat(20000)}\n`,
  expect: 'invalid YAML',
});
cases.push({
  name: 'NUL byte',
  content: EXAMPLE.replace('org: default', 'org: "def\\0ault"'),
  expect: 'harness.org',
});
cases.push({
  name: 'invalid UTF-8',
  content: Buffer.concat([Buffer.from(EXAMPLE), Buffer.from([0xff, 0xfe, 0x0a])]),
  expect: 'not UTF-8',
});
cases.push({
  name: '2 MiB file',
  content: `${EXAMPLE}#${'x'.repeat(2 * 1024 * 1024)}\n`,
  expect: 'more than 1048576',
});

/** Odd but legal: accepted (exit 0), so that the rules above are not simply "refuse anything unusual". */
const accepted: { name: string; content: string | Buffer }[] = [
  { name: 'the example', content: EXAMPLE },
  {
    name: 'a branch with $() (git allows it; nothing passes it to a shell)',
    content: withValue(['gitspaces', 0, 'branch'], 'feature/$(id)'),
  },
  { name: 'a byte-order mark', content: `\uFEFF${EXAMPLE}` },
  // The scale the bundle promises (bench/bulk-1000): 1,000 gitspaces in one file.
  { name: '1,000 gitspaces', content: withValue(['gitspaces'], manyGitspaces(1000)) },
  { name: 'CRLF line ends', content: EXAMPLE.replace(/\n/g, '\r\n') },
  { name: 'an org identifier with _ and $', content: withValue(['harness', 'org'], '_my_org$1') },
  {
    name: 'a working directory ./tf/stack',
    content: withValue(['terraform', 'working_directory'], './tf/stack'),
  },
  {
    name: 'a devcontainer path in a folder',
    content: withValue(['gitspaces', 0, 'devcontainer_path'], '.devcontainer/api/devcontainer.json'),
  },
];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gitspaces-hostile-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `gitspaces check-config --config <file>` through the CLI's entry point: exit code and everything printed. */
async function checkConfig(file: string): Promise<{ code: number | 'threw'; output: string }> {
  let output = '';
  try {
    const code = await cli(['check-config', '--config', file], {
      env: {},
      out: (t) => void (output += `${t}\n`),
      err: (l) => void (output += `${l}\n`),
    });
    return { code, output };
  } catch (e) {
    return { code: 'threw', output: `${output}${(e as Error).stack ?? String(e)}` };
  }
}

const STACK = /^\s+at .+:\d+:\d+\)?$/m;

test(`the corpus holds ${cases.length} hostile files`, () => {
  expect(cases.length).toBeGreaterThanOrEqual(97);
  expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
});

describe.each(cases.map((c, i) => ({ ...c, i })))('check-config refuses: $name', (c) => {
  test(`exit 2, names ${c.expect.slice(0, 60)}, no stack trace`, async () => {
    const file = join(dir, `hostile-${c.i}.yaml`);
    writeFileSync(file, c.content);
    const r = await checkConfig(file);
    expect({ code: r.code, stack: STACK.test(r.output) }).toEqual({ code: 2, stack: false });
    expect(r.output).toContain(c.expect);
    expect(r.output).toContain('Fix:');
  });
});

describe.each(accepted)('check-config accepts: $name', (c) => {
  test('exit 0', async () => {
    const file = join(dir, `accepted-${c.name.replace(/\W+/g, '-')}.yaml`);
    writeFileSync(file, c.content);
    const r = await checkConfig(file);
    expect({ code: r.code, output: r.code === 0 ? '' : r.output }).toEqual({ code: 0, output: '' });
  });
});

describe('files that are not regular files', () => {
  test('a directory, /dev/null and /dev/zero are refused (exit 2), a symbolic link to a file is read', async () => {
    for (const path of [dir, '/dev/null', '/dev/zero']) {
      const r = await checkConfig(path);
      expect({ path, code: r.code }).toEqual({ path, code: 2 });
      expect(r.output).toMatch(/found (a directory|a device) at /);
    }
    const link = join(dir, 'link.yaml');
    writeFileSync(join(dir, 'target.yaml'), EXAMPLE);
    symlinkSync(join(dir, 'target.yaml'), link);
    expect((await checkConfig(link)).code).toBe(0);
  });
});

test('the actions read the config the same way: a FIFO, a device or a 2 MiB file is CONFIG_UNREADABLE, at once', async () => {
  const fifo = join(dir, 'actions.fifo');
  execFileSync('mkfifo', [fifo]);
  const big = join(dir, 'big.yaml');
  writeFileSync(big, `${EXAMPLE}#${'x'.repeat(2 * 1024 * 1024)}\n`);
  for (const [path, found] of [
    [fifo, 'a named pipe (FIFO)'],
    ['/dev/zero', 'a device'],
    [big, 'more than 1048576 bytes'],
  ] as const)
    await expect(loadConfig(path)).rejects.toMatchObject({
      code: 'CONFIG_UNREADABLE',
      message: expect.stringContaining(found),
    });
  await expect(loadConfig(join(dir, 'missing.yaml'))).rejects.toMatchObject({ code: 'CONFIG_NOT_FOUND' });
});

describe('as a real process: what used to crash or hang', () => {
  const run = (file: string) => runCli(['check-config', '--config', file], { timeoutMs: 30_000 });

  test.each([
    ['alias bomb', BOMB, 'aliases that expand to more than 100 nodes'],
    ['nested alias bomb', NESTED_BOMB, 'aliases that expand to more than 100 nodes'],
    ['self-referencing anchor', SELF_REF, 'contains itself'],
    [
      '50 MB branch name',
      `${EXAMPLE.replace('branch: main', `branch: ${'b'.repeat(50 * 1024 * 1024)}`)}`,
      'more than 1048576',
    ],
  ])('%s: exit 2 with the file and line or the limit, no stack trace', async (name, content, expected) => {
    const file = join(dir, `process-${name.replace(/\W+/g, '-')}.yaml`);
    writeFileSync(file, content);
    const r = await run(file);
    expect({ code: r.code, stack: STACK.test(r.output) }).toEqual({ code: 2, stack: false });
    expect(r.output).toContain(expected);
    if (name !== '50 MB branch name') expect(r.output).toMatch(/\(line \d+\)/);
  });

  test('a FIFO with no writer: exit 2 at once, naming the pipe (the process is killed at 30 s otherwise)', async () => {
    const fifo = join(dir, 'gitspaces.fifo');
    execFileSync('mkfifo', [fifo]);
    const r = await run(fifo);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`found a named pipe (FIFO) at ${fifo}`);
  });
});
