/** bin/gitspaces.js (the package's `gitspaces` bin) starts the CLI from the sources and from the bundle. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runCli } from './run-cli.js';

test('from the sources through tsx (GITSPACES_CLI_FROM=src)', async () => {
  const r = await runCli(['check-config', '--config', join(ROOT, 'examples', 'gitspaces.yaml')], {
    from: 'src',
  });
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('is valid');
});

test('from the committed bundle dist/cli/index.js', async () => {
  // dist/ is committed (GitHub runs actions from the repository): a missing bundle is a defect, not a skip.
  expect(
    existsSync(join(ROOT, 'dist', 'cli', 'index.js'))
      ? 'dist/cli/index.js is there'
      : 'dist/cli/index.js is missing: run npm run build and commit dist/',
  ).toBe('dist/cli/index.js is there');
  const r = await runCli(['--help'], { from: 'dist' });
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('Usage: gitspaces');
});

test('no command: the usage, and exit 2', async () => {
  const r = await runCli([]);
  expect(r.code).toBe(2);
  expect(r.stdout).toContain('Usage: gitspaces');
});
