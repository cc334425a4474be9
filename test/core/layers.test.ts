/** The layer rule of eslint.config.js: shared/ (the library) imports neither actions/, cli/ nor sandbox/. */
import { ESLint } from 'eslint';

const lint = async (filePath: string, text: string) => {
  const [r] = await new ESLint().lintText(text, { filePath });
  return (r?.messages ?? []).map((m) => `${m.line}:${m.ruleId}`);
};

test('shared/ importing actions/, cli/ or sandbox/ (statically or lazily) is a lint error', async () => {
  const text = [
    "import { loadAction } from '../actions/load.js';",
    "import { cli } from '../../cli/main.js';",
    "export const sb = () => import('../sandbox/index.js');",
    'export { loadAction, cli };',
    '',
  ].join('\n');
  expect(await lint('shared/gcp/probe.ts', text)).toEqual([
    '1:no-restricted-imports',
    '2:no-restricted-imports',
    '3:no-restricted-syntax',
  ]);
});

test('the same imports are fine outside shared/, and shared/ may import shared/ and @actions/*', async () => {
  const text = "import { loadAction } from '../actions/load.js';\nexport { loadAction };\n";
  expect(await lint('cli/probe.ts', text)).toEqual([]);
  const lib =
    "import * as core from '@actions/core';\nimport { EXIT } from '../failure.js';\nexport { core, EXIT };\n";
  expect(await lint('shared/gcp/probe.ts', lib)).toEqual([]);
});
