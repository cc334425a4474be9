/** The preflight as validate-prereqs loads it (lazily): the catalog, the run loop, the context, every check. */
export * from './types.js';
export { CATALOG, FAMILIES, catalogEntry, entriesOfPhase } from './catalog.js';
export type { CatalogEntry, CheckFamily, CheckPhase, Collaborator } from './catalog.js';
export { runChecks, outcomeOfError, type RunOptions } from './run.js';
export {
  PREFLIGHT_CHECKS,
  PREFLIGHT_FAMILIES,
  createPreflightContext,
  defaultExec,
  loadConfigForPreflight,
  runPreflight,
  type PreflightOptions,
} from './preflight.js';
export { modulePermissions } from './iam.js';
export { regionFootprint, vcpusOf } from './capacity.js';
