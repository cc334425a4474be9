/** docs/config.md documents every field of the schema, and its complete example is examples/gitspaces.yaml. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configSchema } from '../../shared/config/schema.js';
import { parseConfig } from '../../shared/config/parse.js';
import { ROOT } from '../cli/run-cli.js';

interface Def {
  type: string;
  shape?: Record<string, { def: Def }>;
  innerType?: { def: Def };
  element?: { def: Def };
  valueType?: { def: Def };
  in?: { def: Def };
}

/** Every field name of the schema with its parent, e.g. `certificate.mode`, `regions.<region>.subdomain`. */
function fieldPaths(def: Def, prefix: string[] = []): string[][] {
  switch (def.type) {
    case 'object':
      return Object.entries(def.shape ?? {}).flatMap(([k, v]) => [
        [...prefix, k],
        ...fieldPaths(v.def, [...prefix, k]),
      ]);
    case 'optional':
    case 'default':
    case 'nullable':
    case 'prefault':
      return fieldPaths((def.innerType as { def: Def }).def, prefix);
    case 'pipe':
      return fieldPaths((def.in as { def: Def }).def, prefix);
    case 'array':
      return fieldPaths((def.element as { def: Def }).def, prefix);
    case 'record':
      return fieldPaths((def.valueType as { def: Def }).def, [...prefix, '*']);
    default:
      return [];
  }
}

const docs = readFileSync(join(ROOT, 'docs', 'config.md'), 'utf8');

test('every field of the schema has a row in docs/config.md', () => {
  const paths = fieldPaths((configSchema as unknown as { def: Def }).def);
  expect(paths.length).toBeGreaterThan(60);
  const undocumented = paths.filter((p) => {
    const leaf = p[p.length - 1] as string;
    const parent = p[p.length - 2];
    // A row names the field as `leaf`, or `parent.leaf` for nested mappings documented in their parent's table.
    // A mapping documented through its fields' rows (`module.source`) counts as documented.
    return (
      !docs.includes(`| \`${leaf}\` |`) &&
      !(parent && docs.includes(`| \`${parent}.${leaf}\` |`)) &&
      !docs.includes(`| \`${leaf}.`) &&
      !docs.includes(`## \`${leaf}\``)
    );
  });
  expect(undocumented.map((p) => p.join('.'))).toEqual([]);
});

test('the complete example in docs/config.md is examples/gitspaces.yaml, and it is valid', () => {
  const example = readFileSync(join(ROOT, 'examples', 'gitspaces.yaml'), 'utf8');
  expect(docs).toContain('```yaml\n' + example);
  expect(parseConfig(example).ok).toBe(true);
});
