import { ExtData, ExtensionCodec, decode, encode } from '@msgpack/msgpack';

/**
 * Terraform values as they cross the plugin protocol: cty's MessagePack encoding
 * (hashicorp/terraform docs/plugin-protocol/object-wire-format.md). A value is a plain JS value (string, number,
 * boolean, array for list/set/tuple, object for map/object, null) or UNKNOWN, the placeholder for a value
 * decided during apply.
 */

export class Unknown {
  toJSON(): string {
    return '(known after apply)';
  }
}
/** Unknown values carry no identity: one instance stands for all of them. */
export const UNKNOWN = new Unknown();

export type Value = null | string | number | boolean | Unknown | Value[] | { [k: string]: Value };
export type ObjectValue = { [k: string]: Value };

/** A cty type in its JSON form: "string", "number", "bool", "dynamic", ["list", T], ["object", {...}], ... */
export type CtyType = string | [string, CtyType | Record<string, CtyType> | CtyType[]];

// Extension code 0: an unrefined unknown (payload ignored); 12: a refined unknown whose payload lists
// refinements. Any other extension code is an unknown too, by the same document.
const codec = new ExtensionCodec();
codec.register({
  type: 0,
  encode: (v) => (v instanceof Unknown ? new Uint8Array([0]) : null),
  decode: () => UNKNOWN,
});
codec.register({ type: 12, encode: () => null, decode: () => UNKNOWN });

function unknownExtensions(v: unknown): Value {
  if (v instanceof ExtData) return UNKNOWN;
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof Unknown || v === null || typeof v !== 'object') return v as Value;
  if (v instanceof Uint8Array) return Buffer.from(v).toString('utf8');
  if (Array.isArray(v)) return v.map(unknownExtensions);
  const out: ObjectValue = {};
  for (const [k, x] of Object.entries(v)) out[k] = unknownExtensions(x);
  return out;
}

export function isUnknown(v: unknown): v is Unknown {
  return v instanceof Unknown;
}

/** True when the value or anything inside it is unknown. */
export function containsUnknown(v: Value): boolean {
  if (isUnknown(v)) return true;
  if (Array.isArray(v)) return v.some(containsUnknown);
  if (v && typeof v === 'object') return Object.values(v).some(containsUnknown);
  return false;
}

export interface DynamicValueMessage {
  msgpack?: Uint8Array | Buffer;
  json?: Uint8Array | Buffer;
}

/** Decodes a DynamicValue: msgpack when present, JSON otherwise (the protocol allows both). */
export function decodeDynamic(dv: DynamicValueMessage | null | undefined): Value {
  if (!dv) return null;
  if (dv.msgpack && dv.msgpack.length)
    return unknownExtensions(decode(dv.msgpack, { extensionCodec: codec, useBigInt64: true }));
  if (dv.json && dv.json.length) return JSON.parse(Buffer.from(dv.json).toString('utf8')) as Value;
  return null;
}

export function encodeDynamic(v: Value): { msgpack: Buffer } {
  return { msgpack: Buffer.from(encode(v, { extensionCodec: codec, ignoreUndefined: true })) };
}

/**
 * The value shaped exactly as the type says: every object attribute present (null when absent), numbers sent as
 * strings turned into numbers. Terraform rejects a value whose object lacks an attribute.
 */
export function conform(type: CtyType, v: Value | undefined): Value {
  if (v === undefined || v === null) return null;
  if (isUnknown(v)) return v;
  if (typeof type === 'string') {
    if (type === 'number' && (typeof v === 'string' || typeof v === 'number')) {
      // Integers beyond 2^53 (Compute's numeric IDs) stay decimal strings, which cty reads exactly; a double
      // would round them and Terraform would see the ID change at every refresh.
      if (typeof v === 'string' && /^-?\d+$/.test(v) && !Number.isSafeInteger(Number(v))) return v;
      // A number that is not one is no value: cty has no NaN.
      return Number.isFinite(Number(v)) ? Number(v) : null;
    }
    if (type === 'string' && (typeof v === 'number' || typeof v === 'boolean')) return String(v);
    if (type === 'bool' && typeof v === 'string') return v === 'true';
    return v;
  }
  const [kind, arg] = type;
  if ((kind === 'list' || kind === 'set') && Array.isArray(v))
    return v.map((x) => conform(arg as CtyType, x));
  if (kind === 'map' && typeof v === 'object' && !Array.isArray(v)) {
    const out: ObjectValue = {};
    for (const [k, x] of Object.entries(v)) out[k] = conform(arg as CtyType, x);
    return out;
  }
  if (kind === 'object' && typeof v === 'object' && !Array.isArray(v)) {
    const out: ObjectValue = {};
    for (const [k, t] of Object.entries(arg as Record<string, CtyType>))
      out[k] = conform(t, (v as ObjectValue)[k]);
    return out;
  }
  if (kind === 'tuple' && Array.isArray(v)) return (arg as CtyType[]).map((t, i) => conform(t, v[i]));
  return v;
}

/** Structural equality of two values (sets compared as lists: the provider keeps the order it was given). */
export function sameValue(a: Value | undefined, b: Value | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return (a ?? null) === (b ?? null);
  if (isUnknown(a) || isUnknown(b)) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => sameValue(x, b[i]));
  }
  if (typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) if (!sameValue(a[k], b[k])) return false;
    return true;
  }
  return false;
}
