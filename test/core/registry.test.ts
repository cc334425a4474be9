/** actions/registry.ts is the one list of actions: every folder is in it, and what reads it agrees. */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ACTIONS, ACTION_NAMES, cliCommands, pipelinePhases } from '../../actions/registry.js';
import { loadAction } from '../../actions/load.js';
import { PHASES } from '../../actions/pipeline/main.js';
import { COMMANDS } from '../../cli/main.js';

const ROOT = join(import.meta.dirname ?? '.', '..', '..');

test('every actions/<name>/main.ts has a registry entry and every entry a folder (the pipeline is the root action.yml)', () => {
  const folders = readdirSync(join(ROOT, 'actions'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(ROOT, 'actions', d.name, 'main.ts')))
    .map((d) => d.name)
    .sort();
  expect([...ACTION_NAMES].sort()).toEqual(folders);
  for (const name of ACTION_NAMES)
    expect(existsSync(join(ROOT, name === 'pipeline' ? 'action.yml' : `actions/${name}/action.yml`))).toBe(
      true,
    );
});

test('the pipeline and the CLI read the registry', () => {
  expect(PHASES.map((p) => `${p.name}:${p.action}`)).toEqual([
    'validate:validate-prereqs',
    'configure:configure-infra',
    'apply:terraform-apply',
    'install-runner:install-runner',
    'create:create-gitspace',
  ]);
  expect(pipelinePhases().map((a) => a.name)).toEqual(PHASES.map((p) => p.action));
  expect(COMMANDS).toEqual(cliCommands());
  expect(COMMANDS.plan).toMatchObject({ action: 'terraform-apply', inputs: { mode: 'plan' } });
  expect(Object.keys(COMMANDS)).toEqual(ACTIONS.flatMap((a) => Object.keys(a.commands)));
});

test('the dispatcher loads each main by name and refuses an unknown one', async () => {
  expect(typeof (await loadAction('configure-infra'))).toBe('function');
  await expect(loadAction('deploy')).rejects.toThrow(/Unknown action "deploy" \(known: validate-prereqs, /);
});
