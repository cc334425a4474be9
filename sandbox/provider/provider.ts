import { ObjectValue, Value, decodeDynamic, encodeDynamic } from './cty.js';
import { BlockSpec, ResourceSpec, conformBlock, toProtoBlock } from './schema.js';
import { anyChange, planBlock, refresh, requiresReplace, settle } from './plan.js';
import type { DataSourceImpl, ResourceContext, ResourceImpl } from './resource.js';
import { parseDuration } from './google-api.js';

/**
 * The tfplugin6 Provider service over a set of resource types: the generic part of a provider (schemas, plan,
 * apply, read, import, upgrade), the per-type part in each ResourceImpl. Errors become error diagnostics worded
 * as the real provider words them (`Error creating Network: googleapi: Error 409: ...`).
 */

export interface ProviderDefinition {
  /** `google`, `null`: the type-name prefix. */
  name: string;
  providerSchema: BlockSpec;
  resources: Record<string, { spec: ResourceSpec; impl: ResourceImpl; kind: string }>;
  dataSources: Record<string, { spec: ResourceSpec; impl: DataSourceImpl }>;
  /** ConfigureProvider: the provider block's values; returns what every call gets. */
  configure(
    config: ObjectValue,
  ): Omit<ResourceContext, 'deadline'> | Promise<Omit<ResourceContext, 'deadline'>>;
  /** StopProvider: ends waits in progress. */
  stop?(): void;
}

interface Diagnostic {
  severity: number;
  summary: string;
  detail: string;
}
const ERROR = 1;

function diag(e: unknown): Diagnostic {
  const message = e instanceof Error ? e.message : String(e);
  return { severity: ERROR, summary: message, detail: '' };
}

const DEFAULT_TIMEOUT_MS = 20 * 60_000;

/**
 * The stored state's JSON with integers beyond 2^53 (Compute's numeric IDs) kept as decimal strings: JSON.parse
 * would round them, and Terraform would then report the ID as changed outside of Terraform.
 */
function parseStateJson(text: string): ObjectValue {
  return JSON.parse(text.replace(/([:[,]\s*)(-?\d{16,})(?=\s*[,}\]])/g, '$1"$2"')) as ObjectValue;
}
type Req = Record<string, unknown>;

function timeoutOf(state: ObjectValue | null, op: 'create' | 'update' | 'delete'): number {
  const t = state?.timeouts as ObjectValue | null | undefined;
  return parseDuration(typeof t?.[op] === 'string' ? (t[op] as string) : undefined, DEFAULT_TIMEOUT_MS);
}

/** Handlers keyed by RPC name; each takes the decoded request and resolves with the response message. */
export function providerHandlers(def: ProviderDefinition): Record<string, (req: Req) => Promise<Req>> {
  let ctx: Omit<ResourceContext, 'deadline'> | undefined;
  const resourceBlock = (type: string): BlockSpec => {
    const r = def.resources[type];
    if (!r) throw new Error(`unknown resource type ${type}`);
    return r.spec.block;
  };
  const configured = () => {
    if (!ctx) throw new Error('the provider was not configured');
    return ctx;
  };
  const withDeadline = (ms: number): ResourceContext => ({ ...configured(), deadline: Date.now() + ms });
  const decodeObj = (v: unknown): ObjectValue | null => decodeDynamic(v as never) as ObjectValue | null;
  const guarded =
    (fn: (req: Req) => Promise<Req>) =>
    async (req: Req): Promise<Req> => {
      try {
        return await fn(req);
      } catch (e) {
        return { diagnostics: [diag(e)] };
      }
    };
  const types = (m: Record<string, unknown>) => Object.keys(m).map((type_name) => ({ type_name }));

  return {
    GetMetadata: async () => ({
      server_capabilities: { plan_destroy: false, get_provider_schema_optional: true },
      resources: types(def.resources),
      data_sources: types(def.dataSources),
      diagnostics: [],
    }),
    GetProviderSchema: async () => ({
      provider: { version: 0, block: toProtoBlock(def.providerSchema) },
      resource_schemas: Object.fromEntries(
        Object.entries(def.resources).map(([k, r]) => [
          k,
          { version: r.spec.version, block: toProtoBlock(r.spec.block, r.spec.version) },
        ]),
      ),
      data_source_schemas: Object.fromEntries(
        Object.entries(def.dataSources).map(([k, d]) => [
          k,
          { version: d.spec.version, block: toProtoBlock(d.spec.block) },
        ]),
      ),
      server_capabilities: { plan_destroy: false, get_provider_schema_optional: true },
      diagnostics: [],
    }),
    ValidateProviderConfig: async () => ({ diagnostics: [] }),
    ValidateResourceConfig: async () => ({ diagnostics: [] }),
    ValidateDataResourceConfig: async () => ({ diagnostics: [] }),
    GetFunctions: async () => ({ functions: {}, diagnostics: [] }),
    ConfigureProvider: guarded(async (req) => {
      ctx = await def.configure(conformBlock(def.providerSchema, decodeObj(req.config)));
      return { diagnostics: [] };
    }),
    StopProvider: async () => {
      def.stop?.();
      return { Error: '' };
    },
    UpgradeResourceState: guarded(async (req) => {
      const b = resourceBlock(req.type_name as string);
      const raw = req.raw_state as { json?: Buffer; flatmap?: Record<string, string> } | undefined;
      const json = raw?.json?.length ? parseStateJson(Buffer.from(raw.json).toString('utf8')) : {};
      return { upgraded_state: encodeDynamic(conformBlock(b, json)), diagnostics: [] };
    }),
    ReadResource: guarded(async (req) => {
      const type = req.type_name as string;
      const b = resourceBlock(type);
      const state = decodeObj(req.current_state);
      if (!state) return { new_state: encodeDynamic(null), private: req.private, diagnostics: [] };
      const observed = await (def.resources[type] as { impl: ResourceImpl }).impl.read(
        withDeadline(DEFAULT_TIMEOUT_MS),
        state,
      );
      const next: Value = observed ? refresh(b, state, observed) : null;
      return { new_state: encodeDynamic(next), private: req.private, diagnostics: [] };
    }),
    PlanResourceChange: guarded(async (req) => {
      const b = resourceBlock(req.type_name as string);
      const prior = decodeObj(req.prior_state);
      const proposed = decodeObj(req.proposed_new_state);
      if (!proposed)
        return {
          planned_state: encodeDynamic(null),
          planned_private: req.prior_private,
          legacy_type_system: true,
        };
      const planned = planBlock(b, proposed, prior);
      const replace = prior ? requiresReplace(b, prior, planned) : [];
      return {
        planned_state: encodeDynamic(planned),
        requires_replace: replace.map((name) => ({ steps: [{ attribute_name: name }] })),
        planned_private: req.prior_private,
        legacy_type_system: true,
        diagnostics: [],
      };
    }),
    ApplyResourceChange: guarded(async (req) => {
      const type = req.type_name as string;
      const { impl, kind } = def.resources[type] as { impl: ResourceImpl; kind: string };
      return applyChange(resourceBlock(type), impl, kind, req, withDeadline);
    }),
    ImportResourceState: guarded(async (req) => {
      const type = req.type_name as string;
      const b = resourceBlock(type);
      const partial = (def.resources[type] as { impl: ResourceImpl }).impl.importState(
        configured(),
        req.id as string,
      );
      // Arguments the API does not return start at their defaults, as the provider's importers set them.
      for (const [k, a] of Object.entries(b.attributes))
        if (partial[k] == null && a.default !== undefined) partial[k] = a.default;
      return {
        imported_resources: [
          { type_name: type, state: encodeDynamic(conformBlock(b, partial)), private: Buffer.alloc(0) },
        ],
        diagnostics: [],
      };
    }),
    ReadDataSource: guarded(async (req) => {
      const type = req.type_name as string;
      const d = def.dataSources[type];
      if (!d) throw new Error(`unknown data source ${type}`);
      const config = conformBlock(d.spec.block, decodeObj(req.config));
      const observed = await d.impl.read(withDeadline(DEFAULT_TIMEOUT_MS), config);
      return {
        state: encodeDynamic(settle(d.spec.block, planBlock(d.spec.block, config, null), observed)),
        diagnostics: [],
      };
    }),
  };
}

/**
 * ApplyResourceChange: delete (no plan), create (no prior state), update in place, each within its timeout;
 * the new state keeps every known planned value and takes the rest from what the API reported.
 */
async function applyChange(
  b: BlockSpec,
  impl: ResourceImpl,
  kind: string,
  req: Req,
  withDeadline: (ms: number) => ResourceContext,
): Promise<Req> {
  const prior = decodeDynamic(req.prior_state as never) as ObjectValue | null;
  const planned = decodeDynamic(req.planned_state as never) as ObjectValue | null;
  const done = (state: Value): Req => ({
    new_state: encodeDynamic(state),
    private: req.planned_private,
    legacy_type_system: true,
    diagnostics: [],
  });
  try {
    if (!planned) {
      if (prior) await impl.delete(withDeadline(timeoutOf(prior, 'delete')), prior);
      return done(null);
    }
    if (!prior)
      return done(settle(b, planned, await impl.create(withDeadline(timeoutOf(planned, 'create')), planned)));
    if (!anyChange(b, prior, planned) || !impl.update) return done(settle(b, planned, prior));
    return done(
      settle(b, planned, await impl.update(withDeadline(timeoutOf(planned, 'update')), prior, planned)),
    );
  } catch (e) {
    const verb = !planned ? 'deleting' : !prior ? 'creating' : 'updating';
    const message = e instanceof Error ? e.message : String(e);
    const summary = message.startsWith('Error ') ? message : `Error ${verb} ${kind}: ${message}`;
    // On a failed create nothing is kept; on a failed update or delete the prior state stays.
    return {
      new_state: encodeDynamic(prior),
      legacy_type_system: true,
      diagnostics: [{ severity: ERROR, summary, detail: '' }],
    };
  }
}
