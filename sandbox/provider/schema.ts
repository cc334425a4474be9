import type { CtyType, ObjectValue, Value } from './cty.js';
import { UNKNOWN, conform, isUnknown } from './cty.js';

/**
 * Our compact description of a resource's schema (sandbox/provider/schemas/*.json) and its translation into the
 * protocol's Schema message. An attribute is written `"<type> <flags...>"`: type `string`, `number`, `bool`,
 * `list(string)`, `set(string)`, `map(string)`, or an object `{ "type": <cty type JSON>, "flags": "..." }`;
 * flags `required`, `optional`, `computed`, `sensitive`, `forcenew` (a change replaces the resource, as the
 * real provider's ForceNew / immutable fields), `default=<json>` (the provider's Default, known at plan).
 */

export interface AttrSpec {
  type: CtyType;
  required?: boolean;
  optional?: boolean;
  computed?: boolean;
  sensitive?: boolean;
  forceNew?: boolean;
  default?: Value;
}
export type Nesting = 'single' | 'list' | 'set' | 'map' | 'group';
export interface BlockSpec {
  attributes: Record<string, AttrSpec>;
  blocks: Record<string, NestedSpec>;
}
export interface NestedSpec {
  nesting: Nesting;
  min: number;
  max: number;
  forceNew?: boolean;
  block: BlockSpec;
}
export interface ResourceSpec {
  version: number;
  block: BlockSpec;
}

type RawAttr = string | { type: CtyType; flags?: string };
interface RawBlock {
  attributes?: Record<string, RawAttr>;
  blocks?: Record<string, RawNested>;
}
interface RawNested extends RawBlock {
  nesting: Nesting;
  min?: number;
  max?: number;
  forcenew?: boolean;
}
export interface RawSchemaFile {
  provider?: RawBlock;
  resources?: Record<string, RawBlock & { version?: number }>;
  data_sources?: Record<string, RawBlock & { version?: number }>;
}

function parseType(t: string): CtyType {
  const m = /^(list|set|map)\((.+)\)$/.exec(t);
  return m ? [m[1] as string, parseType(m[2] as string)] : t;
}

function parseAttr(raw: RawAttr): AttrSpec {
  // Tokens are space-separated; a default's JSON string may itself hold spaces.
  const tokens = (s: string) => s.match(/default="(?:[^"\\]|\\.)*"|\S+/g) ?? [];
  const [type, flags] =
    typeof raw === 'string'
      ? [parseType(tokens(raw)[0] as string), tokens(raw).slice(1)]
      : [raw.type, tokens(raw.flags ?? '')];
  const spec: AttrSpec = { type };
  for (const f of flags) {
    if (f.startsWith('default=')) spec.default = JSON.parse(f.slice(8)) as Value;
    else if (f === 'forcenew') spec.forceNew = true;
    else if (f === 'required' || f === 'optional' || f === 'computed' || f === 'sensitive') spec[f] = true;
    else throw new Error(`unknown schema flag ${f}`);
  }
  if (!spec.required && !spec.optional && !spec.computed) spec.optional = true;
  return spec;
}

export function parseBlock(raw: RawBlock): BlockSpec {
  const attributes: Record<string, AttrSpec> = {};
  for (const [k, a] of Object.entries(raw.attributes ?? {})) attributes[k] = parseAttr(a);
  const blocks: Record<string, NestedSpec> = {};
  for (const [k, b] of Object.entries(raw.blocks ?? {}))
    blocks[k] = {
      nesting: b.nesting,
      min: b.min ?? 0,
      max: b.max ?? 0,
      forceNew: b.forcenew,
      block: parseBlock(b),
    };
  return { attributes, blocks };
}

/** Every resource gets the SDK's `timeouts` block (create, update, delete) unless it declares its own. */
export function withTimeouts(block: BlockSpec): BlockSpec {
  if (block.blocks.timeouts) return block;
  const t: AttrSpec = { type: 'string', optional: true };
  return {
    ...block,
    blocks: {
      ...block.blocks,
      timeouts: {
        nesting: 'single',
        min: 0,
        max: 0,
        block: { attributes: { create: t, update: t, delete: t }, blocks: {} },
      },
    },
  };
}

/** The cty object type a block's value has. */
export function blockType(b: BlockSpec): CtyType {
  const attrs: Record<string, CtyType> = {};
  for (const [k, a] of Object.entries(b.attributes)) attrs[k] = a.type;
  for (const [k, n] of Object.entries(b.blocks)) {
    const inner = blockType(n.block);
    attrs[k] = n.nesting === 'single' || n.nesting === 'group' ? inner : [n.nesting, inner];
  }
  return ['object', attrs];
}

/** A block value with every attribute and nested block present, as Terraform requires of a provider's answer. */
export function conformBlock(b: BlockSpec, v: Value | undefined): ObjectValue {
  const src = v && typeof v === 'object' && !Array.isArray(v) && !isUnknown(v) ? (v as ObjectValue) : {};
  const out: ObjectValue = {};
  for (const [k, a] of Object.entries(b.attributes)) out[k] = conform(a.type, src[k]);
  for (const [k, n] of Object.entries(b.blocks)) {
    const x = src[k];
    if (isUnknown(x)) out[k] = UNKNOWN;
    else if (n.nesting === 'single' || n.nesting === 'group')
      out[k] = x == null ? null : conformBlock(n.block, x);
    else if (n.nesting === 'map')
      out[k] = Object.fromEntries(
        Object.entries((x as ObjectValue | null) ?? {}).map(([kk, e]) => [kk, conformBlock(n.block, e)]),
      );
    else out[k] = ((x as Value[] | null) ?? []).map((e) => conformBlock(n.block, e));
  }
  return out;
}

const NESTING = { single: 1, list: 2, set: 3, map: 4, group: 5 } as const;

/** The protocol's Schema.Block message for a block. */
export function toProtoBlock(b: BlockSpec, version = 0): Record<string, unknown> {
  return {
    version,
    attributes: Object.entries(b.attributes).map(([name, a]) => ({
      name,
      type: Buffer.from(JSON.stringify(a.type)),
      required: !!a.required,
      optional: !!a.optional,
      computed: !!a.computed,
      sensitive: !!a.sensitive,
      description: '',
    })),
    block_types: Object.entries(b.blocks).map(([name, n]) => ({
      type_name: name,
      nesting: NESTING[n.nesting],
      min_items: n.min,
      max_items: n.max,
      block: toProtoBlock(n.block),
    })),
    description: '',
  };
}
