import type { PlanJson, ResourceChange } from './plan-json.js';

/**
 * What counts as drift (docs/terraform.md, "What counts as drift"): a refresh-only plan reports every value that Google returns differently
 * from the state. Drift is only what the user's configuration sets and someone changed outside Terraform (a
 * firewall rule's source ranges edited in the console, a resource deleted by hand). Not drift:
 * - attributes the provider computes and the configuration cannot set (`computed` and not `optional` in the
 *   provider's schema, `terraform providers schema -json`): an address's `users`, a certificate's
 *   `managed.state` going PROVISIONING → ACTIVE, fingerprints;
 * - output values: an output changes in a refresh-only plan either because a resource it reads drifted (reported
 *   as that resource) or because the module computes it with `timestamp()` (the `instance_yaml` output).
 */

/** Per resource type, the attribute paths (`users`, `managed.state`) that are computed-only. */
export type ComputedOnly = Record<string, string[]>;

interface SchemaBlock {
  attributes?: Record<string, { computed?: boolean; optional?: boolean; required?: boolean }>;
  block_types?: Record<string, { block?: SchemaBlock }>;
}
interface ProvidersSchema {
  provider_schemas?: Record<string, { resource_schemas?: Record<string, { block?: SchemaBlock }> }>;
}

/** From `terraform providers schema -json`: every resource type's computed-only attribute paths. */
export function computedOnlyAttributes(schema: ProvidersSchema): ComputedOnly {
  const out: ComputedOnly = {};
  const walk = (block: SchemaBlock | undefined, prefix: string, acc: string[]) => {
    for (const [name, a] of Object.entries(block?.attributes ?? {}))
      if (a.computed && !a.optional && !a.required) acc.push(prefix + name);
    for (const [name, b] of Object.entries(block?.block_types ?? {})) walk(b.block, `${prefix}${name}.`, acc);
  };
  for (const provider of Object.values(schema.provider_schemas ?? {})) {
    for (const [type, r] of Object.entries(provider.resource_schemas ?? {})) {
      const acc: string[] = [];
      walk(r.block, '', acc);
      out[type] = acc.sort();
    }
  }
  return out;
}

/** The paths (list indices dropped: `managed.state`) where before and after differ, down to the leaves. */
export function differingPaths(before: unknown, after: unknown, prefix = ''): string[] {
  if (JSON.stringify(before ?? null) === JSON.stringify(after ?? null)) return [];
  const isObj = (v: unknown) => !!v && typeof v === 'object' && !Array.isArray(v);
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    return [...new Set(after.flatMap((a, i) => differingPaths(before[i], a, prefix)))];
  }
  if (isObj(before) && isObj(after)) {
    const b = before as Record<string, unknown>;
    const a = after as Record<string, unknown>;
    return [...new Set([...Object.keys(b), ...Object.keys(a)])].flatMap((k) =>
      differingPaths(b[k], a[k], prefix ? `${prefix}.${k}` : k),
    );
  }
  return [prefix || '(whole)'];
}

export interface DriftEntry {
  address: string;
  /** What the configuration sets and now differs: the attribute paths, or `deleted`. */
  attributes: string[];
}

export interface DriftClassification {
  /** Real drift: configured attributes changed outside Terraform, or resources gone. */
  drifted: DriftEntry[];
  /** Reported by Terraform, not drift: only computed-only attributes differ. */
  computedOnly: string[];
  /** Outputs a refresh-only plan changed (not drift: see above). */
  outputs: string[];
}

function isComputedOnly(path: string, computed: readonly string[]): boolean {
  // `managed.state` is computed-only; so is anything under a computed-only attribute (`users.0` as `users`).
  return computed.some((c) => path === c || path.startsWith(c + '.'));
}

export function classifyDrift(plan: PlanJson, computed: ComputedOnly): DriftClassification {
  const drifted: DriftEntry[] = [];
  const computedOnly: string[] = [];
  for (const d of plan.resource_drift ?? []) {
    const entry = driftOf(d, computed);
    if (entry) drifted.push(entry);
    else computedOnly.push(d.address);
  }
  const outputs = Object.entries(plan.output_changes ?? {})
    .filter(([, oc]) => !oc.actions.every((a) => a === 'no-op'))
    .map(([name]) => `output.${name}`);
  return { drifted, computedOnly, outputs };
}

function driftOf(d: ResourceChange, computed: ComputedOnly): DriftEntry | undefined {
  if (d.change.actions.includes('delete') || d.change.after === null || d.change.after === undefined)
    return { address: d.address, attributes: ['deleted'] };
  // A type the schema does not list: every difference counts (nothing is known to be computed-only).
  const known = d.type ? computed[d.type] : undefined;
  const paths = differingPaths(d.change.before, d.change.after);
  const configured = paths.filter((p) => !known || !isComputedOnly(p, known));
  return configured.length ? { address: d.address, attributes: configured } : undefined;
}
