import { readFileSync } from 'node:fs';
// @ts-expect-error: a plain ESM script (scripts/readme-tables.mjs) without type declarations.
import { actionFiles, render, tablesFor } from '../../scripts/readme-tables.mjs';

/** The README's input and output tables are generated from every action.yml; this fails when they drift. */
describe('README input and output tables', () => {
  const readme = readFileSync('README.md', 'utf8');

  it('has a generated section for the pipeline and each action', () => {
    const names = (actionFiles() as { name: string }[]).map((a) => a.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'pipeline',
        'validate-prereqs',
        'configure-infra',
        'terraform-apply',
        'install-runner',
        'create-gitspace',
        'teardown',
      ]),
    );
    for (const n of names) expect(readme).toContain(`<!-- action-docs:${n} -->`);
  });

  it('matches every action.yml exactly (run `node scripts/readme-tables.mjs` after changing one)', () => {
    expect(render(readme)).toBe(readme);
  });

  it('would notice a changed input (the check can fail)', () => {
    const stale = readme.replace('| `mode` | no | `plan` |', '| `mode` | no | `apply` |');
    expect(stale).not.toBe(readme);
    expect(render(stale)).not.toBe(stale);
    expect((tablesFor as (f: string) => string)('actions/terraform-apply/action.yml')).toContain(
      '| `mode` | no | `plan` |',
    );
  });
});
