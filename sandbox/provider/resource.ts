import type { ObjectValue } from './cty.js';
import type { GoogleApi } from './google-api.js';
import type { Endpoints } from '../../shared/endpoints.js';

/** The provider block's values the resources use (project, region and zone defaults). */
export interface ProviderDefaults {
  project?: string;
  region?: string;
  zone?: string;
}

export interface ResourceContext {
  api: GoogleApi;
  endpoints: Endpoints;
  defaults: ProviderDefaults;
  /** The deadline of this operation, from the resource's `timeouts` block or the provider's default. */
  deadline: number;
}

/**
 * One resource type: how it is created, read, updated and deleted through the Google APIs. Each returns the
 * attributes it observed (state-shaped, only the ones it reads back); the generic layer (provider.ts) keeps
 * planned values and fills the rest.
 */
export interface ResourceImpl {
  create(ctx: ResourceContext, planned: ObjectValue): Promise<ObjectValue>;
  /** null when the object no longer exists (Terraform then plans to create it again). */
  read(ctx: ResourceContext, state: ObjectValue): Promise<ObjectValue | null>;
  /** Absent when every argument forces replacement. */
  update?(ctx: ResourceContext, prior: ObjectValue, planned: ObjectValue): Promise<ObjectValue>;
  delete(ctx: ResourceContext, state: ObjectValue): Promise<void>;
  /** The identifying attributes of an import ID, in the formats the provider's import documentation lists. */
  importState(ctx: Omit<ResourceContext, 'deadline'>, id: string): ObjectValue;
}

/** A data source: reads one object. */
export interface DataSourceImpl {
  read(ctx: ResourceContext, config: ObjectValue): Promise<ObjectValue>;
}

/** The project of a resource: its own `project` argument, else the provider's, as the provider resolves it. */
export function projectOf(ctx: Pick<ResourceContext, 'defaults'>, v: ObjectValue): string {
  const p = (typeof v.project === 'string' && v.project) || ctx.defaults.project;
  if (!p) throw new Error('project: required field is not set');
  return p;
}

export function regionOf(ctx: Pick<ResourceContext, 'defaults'>, v: ObjectValue): string {
  const r = (typeof v.region === 'string' && v.region) || ctx.defaults.region;
  if (!r) throw new Error("Cannot determine region: set in this resource, or set provider-level 'region'.");
  return r;
}

/** The last path segment of a link or ID (what the provider stores for names given as self links). */
export function lastSegment(v: unknown): string {
  return typeof v === 'string' ? (v.split('/').pop() ?? v) : '';
}
