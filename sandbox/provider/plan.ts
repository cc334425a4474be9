import { ObjectValue, UNKNOWN, Value, isUnknown, sameValue } from './cty.js';
import { AttrSpec, BlockSpec, conformBlock } from './schema.js';

/**
 * Schema-driven planning as the SDK does it for the real provider: defaults filled, computed attributes the
 * configuration leaves out unknown until apply, and the attributes whose change forces a replacement.
 */

function elements(v: Value | undefined): ObjectValue[] {
  if (v == null || isUnknown(v)) return [];
  if (Array.isArray(v)) return v as ObjectValue[];
  if (typeof v === 'object') return [v as ObjectValue];
  return [];
}

/** The planned value of a block: config (or Terraform's proposed value) with defaults and unknown computeds. */
export function planBlock(b: BlockSpec, proposed: ObjectValue, prior: ObjectValue | null): ObjectValue {
  const out = conformBlock(b, proposed);
  // A reference the configuration spells otherwise than the state (a relative path where an import or a read
  // stored the self link) is no change: the provider's compareSelfLinkOrResourceName diff suppression, which the
  // SDK applies while planning by keeping the prior value.
  if (prior)
    for (const k of Object.keys(b.attributes)) {
      const [c, p] = [out[k], prior[k]];
      if (typeof c === 'string' && typeof p === 'string' && c !== p && sameReference(c, p)) out[k] = p;
    }
  for (const [k, a] of Object.entries(b.attributes)) {
    if (out[k] !== null) continue;
    if (a.default !== undefined) out[k] = a.default;
    // On update Terraform's proposed value already carries the prior computed values; null stays null.
    else if (a.computed && !prior) out[k] = UNKNOWN;
  }
  for (const [k, n] of Object.entries(b.blocks)) {
    const v = out[k];
    if (v === null || isUnknown(v)) continue;
    const priorEls = elements(prior?.[k]);
    if (n.nesting === 'single' || n.nesting === 'group')
      out[k] = planBlock(n.block, v as ObjectValue, priorEls[0] ?? null);
    else if (Array.isArray(v))
      out[k] = v.map((e, i) => planBlock(n.block, e as ObjectValue, priorEls[i] ?? null));
  }
  return out;
}

function sameSetAware(a: Value | undefined, b: Value | undefined, isSet: boolean): boolean {
  if (isSet && Array.isArray(a) && Array.isArray(b)) {
    const key = (x: Value) => JSON.stringify(x);
    return a.length === b.length && [...a].map(key).sort().join('\n') === [...b].map(key).sort().join('\n');
  }
  return sameValue(a, b);
}

/** True when the attribute or nested block differs between prior state and plan (unknown counts as changed). */
function changed(b: BlockSpec, name: string, prior: ObjectValue, planned: ObjectValue): boolean {
  const a = b.attributes[name];
  const isSet = a ? Array.isArray(a.type) && a.type[0] === 'set' : b.blocks[name]?.nesting === 'set';
  return !sameSetAware(prior[name], planned[name], isSet);
}

/** Top-level attribute paths whose change forces replacement (a nested ForceNew reports its block). */
export function requiresReplace(b: BlockSpec, prior: ObjectValue, planned: ObjectValue): string[] {
  const paths: string[] = [];
  for (const [k, a] of Object.entries(b.attributes))
    if (a.forceNew && changed(b, k, prior, planned)) paths.push(k);
  for (const [k, n] of Object.entries(b.blocks)) {
    if (!changed(b, k, prior, planned)) continue;
    if (n.forceNew || blockHasForceNewChange(n.block, elements(prior[k]), elements(planned[k])))
      paths.push(k);
  }
  return paths;
}

function blockHasForceNewChange(b: BlockSpec, prior: ObjectValue[], planned: ObjectValue[]): boolean {
  if (prior.length !== planned.length) return Object.values(b.attributes).some((a) => a.forceNew);
  return planned.some((p, i) => requiresReplace(b, prior[i] as ObjectValue, p).length > 0);
}

/** Any difference at all between prior state and plan. */
export function anyChange(b: BlockSpec, prior: ObjectValue, planned: ObjectValue): boolean {
  return [...Object.keys(b.attributes), ...Object.keys(b.blocks)].some(
    (k) => k !== 'timeouts' && changed(b, k, prior, planned),
  );
}

/**
 * The state after apply: the plan where it was known (Terraform rejects a provider that changes a known planned
 * value), what the API reported where it was unknown.
 */
export function settle(b: BlockSpec, planned: ObjectValue, observed: ObjectValue): ObjectValue {
  const out: ObjectValue = {};
  for (const [k, a] of Object.entries(b.attributes)) {
    const p = planned[k];
    const o = observed[k];
    // Nothing unknown survives an apply: an attribute the API did not report is null. A read-only attribute the
    // API reports after an update (a new fingerprint) is taken as reported, as the SDK's legacy type system lets
    // the real provider do.
    if (a.computed && !a.optional && !a.required && k in observed && !isUnknown(o)) out[k] = o ?? null;
    else out[k] = isUnknown(p) ? (isUnknown(o) ? null : (o ?? null)) : (p ?? null);
  }
  for (const [k, n] of Object.entries(b.blocks)) {
    const p = planned[k];
    if (isUnknown(p)) out[k] = observed[k] ?? null;
    else if (n.nesting === 'single' || n.nesting === 'group')
      out[k] =
        p == null ? null : settle(n.block, p as ObjectValue, (elements(observed[k])[0] ?? {}) as ObjectValue);
    else if (Array.isArray(p)) {
      const obs = elements(observed[k]);
      out[k] = p.map((e, i) => settle(n.block, e as ObjectValue, obs[i] ?? {}));
    } else out[k] = p ?? null;
  }
  return conformBlock(b, out);
}

/** A Compute reference in any of its spellings: full self link, relative path, or bare name. */
function linkPath(v: string): string {
  return v.replace(/^https?:\/\/[^/]+\/compute\/(v1|beta)\//, '').replace(/^\/\/[^/]+\//, '');
}

/** Two spellings of one Compute resource: a self link and a relative path, or either and its bare name. */
function sameReference(a: string, b: string): boolean {
  if (!/\//.test(a) && !/\//.test(b)) return false;
  const [x, y] = [linkPath(a), linkPath(b)];
  if (x === y || (x.includes('/') !== y.includes('/') && x.split('/').pop() === y.split('/').pop()))
    return true;
  return familyHolds(x, y) || familyHolds(y, x);
}

/**
 * Nested blocks that differ only in how references are spelled (an image family where the API reports the image
 * it resolved to, a relative path where it reports a self link): the state keeps its spelling, as the provider's
 * diff suppressions make Terraform keep it.
 */
function sameNested(a: Value | undefined, b: Value | undefined): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a === b || sameReference(a, b);
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => sameNested(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object' && !isUnknown(a) && !isUnknown(b)) {
    const [x, y] = [a as ObjectValue, b as ObjectValue];
    // What the API does not report (configuration-only arguments) is no difference.
    return Object.keys(y).every((k) => sameNested(x[k] ?? null, y[k] ?? null));
  }
  return sameValue(a ?? null, b ?? null);
}

/**
 * An image family and an image of it, as the provider's diskImageDiffSuppress compares a boot disk's image
 * (compute_instance_helpers: diskImageFamilyEquals, suppressCanonicalFamilyDiff): the same project, and the image's
 * name contains the family's, or the family is Canonical's `ubuntu-[minimal-]NNNN-lts` and the image is
 * `ubuntu-[minimal-]NNNN-<codename>-v<date>`.
 */
function familyHolds(family: string, image: string): boolean {
  const f = /^projects\/([^/]+)\/global\/images\/family\/([^/]+)$/.exec(family);
  const i = /^projects\/([^/]+)\/global\/images\/([^/]+)$/.exec(image);
  if (!f || !i || f[1] !== i[1]) return false;
  const [fam, name] = [f[2] as string, i[2] as string];
  if (name.includes(fam)) return true;
  const lts = /^ubuntu-(minimal-)?(\d+)-lts$/.exec(fam);
  return Boolean(lts && name.startsWith(`ubuntu-${lts[1] ?? ''}${lts[2]}-`));
}

/**
 * The same value for the provider's diff: the same resource however it is spelled (the provider's
 * compareSelfLinkOrResourceName / compareSelfLinkRelativePaths diff suppressions), the same set in another order,
 * or the zero value the SDK stores for an optional argument the configuration leaves null.
 */
function equivalent(a: AttrSpec, prior: Value | undefined, observed: Value | undefined): boolean {
  if (typeof prior === 'string' && typeof observed === 'string') {
    const [p, o] = [linkPath(prior), linkPath(observed)];
    if (p === o || (p.includes('/') !== o.includes('/') && p.split('/').pop() === o.split('/').pop()))
      return true;
  }
  const isSet = Array.isArray(a.type) && a.type[0] === 'set';
  if (isSet && sameSetAware(prior, observed, true)) return true;
  // Lists and sets of references: each element compared as above.
  if (
    Array.isArray(prior) &&
    Array.isArray(observed) &&
    prior.length === observed.length &&
    prior.length > 0
  ) {
    const [p, o] = [prior, observed].map((xs) =>
      isSet ? [...xs].map(String).sort((x, y) => linkPath(x).localeCompare(linkPath(y))) : xs,
    );
    if (p!.every((x, i) => typeof x === 'string' && equivalent({ type: 'string' }, x, o![i]))) return true;
  }
  if (!a.computed && (prior === null || prior === undefined))
    return (
      observed === false ||
      observed === 0 ||
      observed === '' ||
      (Array.isArray(observed) && observed.length === 0)
    );
  return sameValue(prior ?? null, observed ?? null);
}

/**
 * The state after a refresh: what the API reports for each attribute the resource reads back (unless it is
 * equivalent to what the state holds), the prior state for the rest (configuration-only arguments such as
 * timeouts).
 */
export function refresh(b: BlockSpec, state: ObjectValue, observed: ObjectValue): ObjectValue {
  const out: ObjectValue = { ...state };
  for (const [k, v] of Object.entries(observed)) {
    const a = b.attributes[k];
    if (a) out[k] = equivalent(a, state[k], v) ? (state[k] ?? null) : v;
    else if (k in b.blocks)
      out[k] =
        sameSetAware(state[k], v, b.blocks[k]?.nesting === 'set') || sameNested(state[k], v)
          ? (state[k] ?? null)
          : v;
  }
  return conformBlock(b, out);
}
