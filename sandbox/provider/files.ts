import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RawSchemaFile } from './schema.js';

/**
 * The provider's data files (proto/, schemas/): next to this file in the sources; in the bundle, the build
 * copies sandbox/provider/{proto,schemas} next to the provider's entry (dist/sandbox/provider/). A provider bundled
 * elsewhere (install.ts builds one into the sandbox's directory) is told where they are by PROVIDER_DATA_ENV.
 */
export const PROVIDER_DATA_ENV = 'GITSPACES_PROVIDER_DATA';

export function providerDataDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [
    ...(process.env[PROVIDER_DATA_ENV] ? [process.env[PROVIDER_DATA_ENV] as string] : []),
    here,
    join(here, 'sandbox', 'provider'),
    join(here, '..', 'sandbox', 'provider'),
    join(here, '..', '..', 'sandbox', 'provider'),
  ];
  const found = candidates.find(
    (d) => existsSync(join(d, 'proto', 'tfplugin6.8.proto')) && existsSync(join(d, 'schemas')),
  );
  if (!found)
    throw new Error(
      `The stand-in provider's proto/ and schemas/ were not found (looked in ${candidates.join(', ')})`,
    );
  return found;
}

export function readSchemaFile(name: string): RawSchemaFile {
  return JSON.parse(readFileSync(join(providerDataDir(), 'schemas', name), 'utf8')) as RawSchemaFile;
}
