/**
 * Issue 13, "Nothing secret left in the work tree": working directories resolve inside the workspace (the
 * `working-directory` input is refused as the config field is), and the private directory for the Infra Config
 * YAML is 0700, owned by the user, never a symbolic link, and removed with its file when the pipeline ends.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main as terraformApply } from '../../actions/terraform-apply/main.js';
import { main as teardown } from '../../actions/teardown/main.js';
import { configFor } from '../terraform/fixtures.js';
import { testIO } from '../configure/helpers.js';
import {
  ensurePrivateDir,
  infraConfigDefaultPath,
  privateDirPath,
  removeOnExit,
  resolveInWorkspace,
  workspaceRoot,
  writePrivateFile,
} from '../../shared/workspace.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gitspaces-workspace-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('the workspace is GITSPACES_WORKSPACE, else GITHUB_WORKSPACE, else the current directory', () => {
  expect(workspaceRoot({ GITSPACES_WORKSPACE: '/a', GITHUB_WORKSPACE: '/b' })).toBe('/a');
  expect(workspaceRoot({ GITHUB_WORKSPACE: '/b' })).toBe('/b');
  expect(workspaceRoot({})).toBe(process.cwd());
  expect(resolveInWorkspace('.gitspaces/terraform', { GITHUB_WORKSPACE: dir }, 'x')).toBe(
    join(dir, '.gitspaces', 'terraform'),
  );
});

test.each(['/tmp/elsewhere', '../outside', 'a/../../b', '~/tf', 'C:\\tf'])(
  'the working-directory input %s is refused before anything runs (exit 2, the input named)',
  async (wd) => {
    const t = testIO(
      { mode: 'plan', 'working-directory': wd, 'gcp-credentials': '{}' },
      { GITHUB_WORKSPACE: dir },
    );
    const err = await terraformApply(t.io, { config: configFor('post-0.0.3') }).catch((e: unknown) => e);
    expect(err).toMatchObject({
      name: 'ConfigurationError',
      code: 'INPUT_INVALID',
      message: expect.stringContaining(`The working-directory input is ${JSON.stringify(wd)}`),
      fix: expect.stringContaining(`relative to the workspace (${dir})`),
    });
  },
);

test('teardown refuses a working-directory input outside the workspace the same way', async () => {
  const t = testIO(
    { 'working-directory': '/etc', 'harness-api-key': 'pat.x.y.z', steps: 'terraform' },
    { GITHUB_WORKSPACE: dir },
  );
  const err = await teardown(t.io, {
    config: configFor('post-0.0.3'),
    harness: {} as never,
  }).catch((e: unknown) => e);
  const r = err instanceof Error ? err : undefined;
  // Either thrown, or reported as the terraform step's failure: in both the input and the value are named.
  const text = r ? r.message : JSON.stringify(err) + t.log.text() + t.summary.join('\n');
  expect(text).toContain('The working-directory input is "/etc"');
});

test('the Infra Config YAML goes to a 0700 directory under RUNNER_TEMP, or per checkout in the OS temp directory', () => {
  const runnerTemp = join(dir, 'runner-temp');
  expect(infraConfigDefaultPath({ RUNNER_TEMP: runnerTemp }, '.gitspaces/terraform')).toBe(
    join(runnerTemp, 'gitspaces', 'gitspaces-infra-config.yaml'),
  );
  const a = privateDirPath({}, join(dir, 'one', 'tf'));
  const b = privateDirPath({}, join(dir, 'two', 'tf'));
  expect(a.startsWith(tmpdir())).toBe(true);
  expect(a).not.toBe(b);
  expect(privateDirPath({}, join(dir, 'one', 'tf'))).toBe(a);

  const file = join(runnerTemp, 'gitspaces', 'secret.yaml');
  writePrivateFile(file, 'shared_secret: s3cr3t\n', join(runnerTemp, 'gitspaces'));
  expect((statSync(file).mode & 0o777).toString(8)).toBe('600');
  expect((statSync(join(runnerTemp, 'gitspaces')).mode & 0o777).toString(8)).toBe('700');
  expect(readFileSync(file, 'utf8')).toBe('shared_secret: s3cr3t\n');

  const dispose = removeOnExit([file], [join(runnerTemp, 'gitspaces')]);
  dispose();
  expect(existsSync(file)).toBe(false);
  expect(existsSync(join(runnerTemp, 'gitspaces'))).toBe(false);
});

test('a private directory that is a symbolic link is refused: nothing secret is written through it', () => {
  const target = join(dir, 'somewhere-else');
  mkdirSync(target);
  const link = join(dir, 'private-link');
  symlinkSync(target, link);
  expect(() => ensurePrivateDir(link)).toThrow(expect.objectContaining({ code: 'PRIVATE_DIR_UNSAFE' }));
});
