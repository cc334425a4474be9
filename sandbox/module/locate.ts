import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The directory holding the stand-in module's generations (`v0.0.3/`, `post-0.0.3/`): next to this file when
 * running from the sources, `dist/sandbox/module` when running from the bundle (the build copies it there).
 */
export function standInModuleDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [
    here,
    join(here, 'sandbox', 'module'),
    join(here, '..', 'sandbox', 'module'),
    join(here, '..', '..', 'sandbox', 'module'),
    join(here, '..', 'dist', 'sandbox', 'module'),
    join(process.cwd(), 'dist', 'sandbox', 'module'),
    join(process.cwd(), 'sandbox', 'module'),
  ];
  const found = candidates.find(
    (d) => existsSync(join(d, 'v0.0.3', 'main.tf')) && existsSync(join(d, 'post-0.0.3', 'main.tf')),
  );
  if (!found)
    throw new Error(`The stand-in Terraform module was not found (looked in ${candidates.join(', ')})`);
  return resolve(found);
}
