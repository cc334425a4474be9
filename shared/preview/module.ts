/** The Terraform module a preview may run: the bundle's pin, and the allow-list of sources (issue 12, point 3). */
import type { GitspacesConfig } from '../config/schema.js';
import type { ModulePin } from './model.js';

/** The module the bundle pins by default (shared/config/schema.ts) and the sources it trusts. */
export const PINNED_MODULE = { source: 'harness/harness-gitspaces/gcp', version: '0.0.3' };
export const TRUSTED_MODULE_SOURCES = [
  'harness/harness-gitspaces/gcp',
  'registry.terraform.io/harness/harness-gitspaces/gcp',
  'github.com/harness/terraform-gcp-harness-gitspaces',
  'git::https://github.com/harness/terraform-gcp-harness-gitspaces.git',
];

/** The config's module against the bundle's pin and the allow-list (trusted sources + `allowed-module-sources`). */
export function modulePin(config: GitspacesConfig, allowed: readonly string[]): ModulePin {
  const { source, version } = config.terraform.module;
  const list = [...TRUSTED_MODULE_SOURCES, ...allowed];
  // A git source may carry `?ref=` and a `//subdir`: the repository part is what is trusted.
  const noRef = source.split('?')[0] as string;
  const schemeEnd = noRef.indexOf('://');
  const sub = noRef.indexOf('//', schemeEnd >= 0 ? schemeEnd + 3 : 0);
  const repoPart = sub >= 0 ? noRef.slice(0, sub) : noRef;
  const ok = list.includes(source) || list.includes(repoPart);
  return {
    source,
    version,
    pinnedSource: PINNED_MODULE.source,
    pinnedVersion: PINNED_MODULE.version,
    changed: source !== PINNED_MODULE.source || (version ?? '') !== PINNED_MODULE.version,
    ...(ok
      ? {}
      : {
          refused: `module source ${JSON.stringify(source)} is not in the allow-list (${list.join(', ')}): a preview does not run a module it does not trust with the project's credentials`,
        }),
  };
}
