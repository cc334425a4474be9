import { kindOf, type PlanChange, type PlanJson, type ResourceChange } from './plan-json.js';

/**
 * The module's own churn (docs/domain.md, pitfall 7): the real module names its gateway instance templates and
 * groups with `uuid()` and triggers `null_resource.write_yaml` with `timestamp()`, so every plan replaces them,
 * updates what points at them, and changes the `instance_yaml` output, though nothing was asked for.
 *
 * A resource change is churn when (all of):
 * 1. it is an in-place update, or a replacement Terraform plans because an attribute cannot be updated
 *    (`replace_because_cannot_update`, never a tainted or requested replacement), or a deferred data read;
 * 2. no attribute whose value is known after the plan differs from before: every difference is an unknown
 *    value (`after_unknown`), and every `replace_paths` entry points at a value that is (partly) unknown;
 * 3. every resource it depends on (the state's `depends_on`, which Terraform records transitively, through locals
 *    and module outputs) that the plan changes is churn itself.
 *
 * With nothing it depends on changing, an unknown value can only come from the resource's own expressions, that is
 * from an impure function: the module's `uuid()` and `timestamp()`. A change that depends on a real change is
 * real (so when the gateway group changes for real, the backend services pointing at it are applied with it).
 * An output change is churn when its value is unknown after the plan and no resource changes for real.
 */
export interface ChurnClassification {
  /** Changes to apply: not churn, not no-op. */
  real: ResourceChange[];
  /** The module's own churn: never applied on its own. */
  churn: ResourceChange[];
  realOutputs: [string, PlanChange][];
  churnOutputs: [string, PlanChange][];
}

/** `module.a["k"].module.b[0].type.name["x"]` → `module.a.module.b.type.name` (the state's depends_on form). */
export function configAddress(address: string): string {
  return address.replace(/\[(?:"(?:[^"\\]|\\.)*"|\d+)\]/g, '');
}

function isUnknown(u: unknown): boolean {
  return u === true;
}

/** True when some value known after the plan differs from before (unknown values are skipped). */
export function knownDifference(before: unknown, after: unknown, unknown: unknown): boolean {
  if (isUnknown(unknown)) return false;
  if (Array.isArray(after) && Array.isArray(before)) {
    if (after.length !== before.length) return true;
    const u = Array.isArray(unknown) ? unknown : [];
    return after.some((a, i) => knownDifference(before[i], a, u[i]));
  }
  if (after && typeof after === 'object' && before && typeof before === 'object' && !Array.isArray(after)) {
    const a = after as Record<string, unknown>;
    const b = before as Record<string, unknown>;
    const u = unknown && typeof unknown === 'object' ? (unknown as Record<string, unknown>) : {};
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      // An attribute absent from `after` is either unknown (listed in after_unknown) or null.
      if (!(k in a) && isUnknown(u[k])) continue;
      if (knownDifference(b[k] ?? null, a[k] ?? null, u[k])) return true;
    }
    return false;
  }
  // An unknown container (list or object) can also be partly unknown: after is then shorter, compared above.
  return JSON.stringify(before ?? null) !== JSON.stringify(after ?? null);
}

function containsUnknown(u: unknown): boolean {
  if (u === true) return true;
  if (Array.isArray(u)) return u.some(containsUnknown);
  return !!u && typeof u === 'object' && Object.values(u).some(containsUnknown);
}

/** True when the value at a path is unknown after the plan, wholly or in part (or a parent is unknown). */
function unknownAt(unknown: unknown, path: readonly unknown[]): boolean {
  let u = unknown;
  for (const step of path) {
    if (u === true) return true;
    if (!u || typeof u !== 'object') return false;
    u = (u as Record<string, unknown>)[String(step)];
  }
  return containsUnknown(u);
}

function candidate(rc: ResourceChange): boolean {
  const kind = kindOf(rc.change.actions);
  if (kind === 'read') return true;
  if (kind !== 'update' && kind !== 'replace') return false;
  if (kind === 'replace') {
    if (rc.action_reason && rc.action_reason !== 'replace_because_cannot_update') return false;
    const paths = Array.isArray(rc.change.replace_paths) ? (rc.change.replace_paths as unknown[][]) : [];
    if (!paths.length || !paths.every((p) => unknownAt(rc.change.after_unknown, p))) return false;
  }
  return !knownDifference(rc.change.before, rc.change.after, rc.change.after_unknown);
}

interface StateResource {
  address: string;
  depends_on?: string[];
}
interface StateModule {
  resources?: StateResource[];
  child_modules?: StateModule[];
}

/** Instance address → the config addresses it depends on, from the plan's prior state. */
function dependencies(plan: PlanJson): Map<string, string[]> {
  const deps = new Map<string, string[]>();
  const walk = (m: StateModule | undefined) => {
    for (const r of m?.resources ?? []) deps.set(r.address, r.depends_on ?? []);
    for (const c of m?.child_modules ?? []) walk(c);
  };
  const prior = (plan as { prior_state?: { values?: { root_module?: StateModule } } }).prior_state;
  walk(prior?.values?.root_module);
  return deps;
}

export function classifyPlan(plan: PlanJson): ChurnClassification {
  const changes = (plan.resource_changes ?? []).filter((rc) => kindOf(rc.change.actions) !== 'no-op');
  const deps = dependencies(plan);
  // Config address → the changes under it (several instances share one config address).
  const byConfig = new Map<string, ResourceChange[]>();
  for (const rc of changes) {
    const k = configAddress(rc.address);
    byConfig.set(k, [...(byConfig.get(k) ?? []), rc]);
  }
  const churn = new Set(changes.filter(candidate));
  // Reads are churn only when what they wait for is churn; without a changing dependency they are real.
  let moved = true;
  while (moved) {
    moved = false;
    for (const rc of [...churn]) {
      const changing = (deps.get(rc.address) ?? []).flatMap((d) => byConfig.get(d) ?? []);
      const readWithoutCause = kindOf(rc.change.actions) === 'read' && changing.length === 0;
      if (readWithoutCause || changing.some((d) => !churn.has(d))) {
        churn.delete(rc);
        moved = true;
      }
    }
  }
  const real = changes.filter((rc) => !churn.has(rc) && kindOf(rc.change.actions) !== 'read');
  const outputs = Object.entries(plan.output_changes ?? {}).filter(
    ([, oc]) => kindOf(oc.actions) !== 'no-op',
  );
  const outputIsChurn = (oc: PlanChange) =>
    real.length === 0 &&
    kindOf(oc.actions) === 'update' &&
    oc.after_unknown !== undefined &&
    oc.after_unknown !== false &&
    !knownDifference(oc.before, oc.after, oc.after_unknown);
  return {
    real,
    churn: changes.filter((rc) => churn.has(rc) && kindOf(rc.change.actions) !== 'read'),
    realOutputs: outputs.filter(([, oc]) => !outputIsChurn(oc)),
    churnOutputs: outputs.filter(([, oc]) => outputIsChurn(oc)),
  };
}

/** A plan with the churn taken out: what the fingerprint, the counts and the apply go by. */
export function withoutChurn(plan: PlanJson, c: ChurnClassification = classifyPlan(plan)): PlanJson {
  const realSet = new Set(c.real);
  return {
    ...plan,
    resource_changes: (plan.resource_changes ?? []).filter(
      (rc) => realSet.has(rc) || kindOf(rc.change.actions) === 'no-op',
    ),
    output_changes: Object.fromEntries(c.realOutputs),
  };
}
