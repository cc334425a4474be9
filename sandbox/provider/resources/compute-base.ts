import type { ObjectValue, Value } from '../cty.js';
import { GoogleApiError } from '../google-api.js';
import { ResourceContext, ResourceImpl, lastSegment, projectOf, regionOf } from '../resource.js';

/**
 * What every Compute resource of the provider shares (mmv1 templates, e.g. compute_network.go): insert, then wait
 * for the operation; GET to read (404: gone); DELETE and wait; IDs `projects/{{project}}/<scope>/<collection>/{{name}}`
 * and the import formats the docs list for them (the ID, `{{project}}/[{{region}}/]{{name}}`, `{{name}}`).
 */

export type Json = Record<string, unknown>;

export interface ComputeMapping {
  /** What the provider calls it in messages: "Network", "Subnetwork", "Firewall", "Address". */
  kind: string;
  collection: string;
  scope: 'global' | 'region' | 'zone';
  /** The request body from the planned values. */
  toApi(v: ObjectValue, ctx: ResourceContext): Json;
  /** The state attributes the provider reads back from the API's answer. */
  fromApi(body: Json, ctx: Pick<ResourceContext, 'defaults'>): ObjectValue;
  /** How an in-place update is sent; absent: every argument forces replacement. */
  update?(
    ctx: ResourceContext,
    url: string,
    prior: ObjectValue,
    planned: ObjectValue,
    current: Json,
  ): Promise<void>;
}

export function computeBase(ctx: Pick<ResourceContext, 'endpoints'>): string {
  return `${ctx.endpoints.compute}/compute/v1`;
}

function scopeOf(m: ComputeMapping, ctx: Pick<ResourceContext, 'defaults'>, v: ObjectValue): string {
  if (m.scope === 'global') return 'global';
  if (m.scope === 'region') return `regions/${lastSegment(regionOf(ctx, v))}`;
  const zone = (typeof v.zone === 'string' && v.zone) || ctx.defaults.zone;
  if (!zone) throw new Error('Cannot determine zone: set in this resource, or set provider-level zone.');
  return `zones/${lastSegment(zone)}`;
}

export function computePath(
  m: ComputeMapping,
  ctx: Pick<ResourceContext, 'defaults'>,
  v: ObjectValue,
): string {
  return `projects/${projectOf(ctx, v)}/${scopeOf(m, ctx, v)}/${m.collection}/${String(v.name)}`;
}

/** Waits for a Compute operation by polling its own scope's operations collection. */
export async function waitCompute(ctx: ResourceContext, op: Json, activity: string): Promise<void> {
  const link = String(op.selfLink ?? '');
  const rel = link.replace(/^https?:\/\/[^/]+\/compute\/v1\//, '');
  await ctx.api.wait(op, `${computeBase(ctx)}/${rel}`, activity, ctx.deadline);
}

export function computeResource(m: ComputeMapping): ResourceImpl {
  const url = (ctx: ResourceContext, v: ObjectValue) => `${computeBase(ctx)}/${computePath(m, ctx, v)}`;
  const observe = async (ctx: ResourceContext, v: ObjectValue): Promise<ObjectValue | null> => {
    try {
      const body = await ctx.api.call('GET', url(ctx, v), undefined, ctx.deadline);
      return { ...m.fromApi(body, ctx), id: computePath(m, ctx, v), project: projectOf(ctx, v) };
    } catch (e) {
      if (e instanceof GoogleApiError && e.status === 404) return null;
      throw e;
    }
  };
  const impl: ResourceImpl = {
    async create(ctx, planned) {
      const collectionUrl = url(ctx, planned).replace(/\/[^/]+$/, '');
      let op: Json;
      try {
        op = await ctx.api.call('POST', collectionUrl, m.toApi(planned, ctx), ctx.deadline);
      } catch (e) {
        throw new Error(`Error creating ${m.kind}: ${(e as Error).message}`, { cause: e });
      }
      await waitCompute(ctx, op, `Creating ${m.kind}`).catch((e: Error) => {
        throw new Error(`Error waiting to create ${m.kind}: ${e.message}`);
      });
      const seen = await observe(ctx, planned);
      if (!seen) throw new Error(`Error reading ${m.kind} after create: not found`);
      return seen;
    },
    read: (ctx, state) => observe(ctx, state),
    async delete(ctx, state) {
      let op: Json;
      try {
        op = await ctx.api.call('DELETE', url(ctx, state), undefined, ctx.deadline);
      } catch (e) {
        // Already gone: the provider treats a 404 on delete as done (HandleNotFoundError).
        if (e instanceof GoogleApiError && e.status === 404) return;
        throw new Error(`Error deleting ${m.kind}: ${(e as Error).message}`, { cause: e });
      }
      await waitCompute(ctx, op, `Deleting ${m.kind}`);
    },
    importState(ctx, id) {
      const parts = id.replace(/^(https?:\/\/[^/]+\/compute\/v1\/)/, '').split('/');
      const v: ObjectValue = {};
      if (parts[0] === 'projects') {
        v.project = parts[1] as string;
        if (m.scope !== 'global') v[m.scope] = parts[3] as string;
        v.name = parts[parts.length - 1] as string;
      } else if (m.scope === 'global') {
        if (parts.length === 2) v.project = parts[0] as string;
        v.name = parts[parts.length - 1] as string;
      } else {
        if (parts.length === 3) v.project = parts[0] as string;
        if (parts.length >= 2) v[m.scope] = parts[parts.length - 2] as string;
        v.name = parts[parts.length - 1] as string;
      }
      v.project ??= ctx.defaults.project ?? null;
      if (m.scope === 'region') v.region ??= ctx.defaults.region ?? null;
      v.id = `projects/${v.project}/${m.scope === 'global' ? 'global' : `${m.scope}s/${v[m.scope]}`}/${m.collection}/${v.name}`;
      return v;
    },
  };
  if (m.update) {
    const update = m.update;
    impl.update = async (ctx, prior, planned) => {
      const current = await ctx.api.call('GET', url(ctx, prior), undefined, ctx.deadline);
      await update(ctx, url(ctx, prior), prior, planned, current).catch((e: Error) => {
        throw new Error(
          e.message.startsWith('Error')
            ? e.message
            : `Error updating ${m.kind} "${computePath(m, ctx, prior)}": ${e.message}`,
        );
      });
      const seen = await observe(ctx, planned);
      if (!seen) throw new Error(`Error reading ${m.kind} after update: not found`);
      return seen;
    };
  }
  return impl;
}

/** PATCH with the resource's fingerprint, then wait: how most Compute resources update in place. */
export async function patchWith(
  ctx: ResourceContext,
  url: string,
  body: Json,
  current: Json,
  kind: string,
): Promise<void> {
  const op = await ctx.api.call('PATCH', url, { ...body, fingerprint: current.fingerprint }, ctx.deadline);
  await waitCompute(ctx, op, `Updating ${kind}`);
}

/** A self link or a short name as the API takes a reference. */
export const str = (v: Value | undefined): string | undefined =>
  typeof v === 'string' && v !== '' ? v : undefined;
export const list = (v: Value | undefined): Value[] => (Array.isArray(v) ? v : []);
export const regionName = (body: Json): string | null =>
  typeof body.region === 'string' ? lastSegment(body.region) : null;
