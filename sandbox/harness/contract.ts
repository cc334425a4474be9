import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv, { type ValidateFunction } from 'ajv';
import { parse } from 'yaml';

/**
 * Holds every request the Harness emulator receives against the contract:
 * - CDE (`/gateway/cde/api/v1/...`): the OpenAPI file in sandbox/harness/contract (the UI's swagger), loaded at runtime;
 * - NG (`/ng/api/...`): a transcription of the few NG operations we use (harness-go-sdk `nextgen`), below.
 * Path parameters, query parameter types and the JSON request body are checked with ajv.
 *
 * Two quirks of the OpenAPI file are handled explicitly (see below):
 * 1. The two DELETE paths carry a spurious `{delete_bug}` segment, an artefact of the generated UI client
 *    calling `mutate('')`. The real API has no such segment, so those operations are registered under the path
 *    without it and the `delete_bug` parameter is dropped. A request that does send the extra segment does not
 *    match any real operation and is a violation.
 * 2. The machines POST (`createInfraProviderResource`) declares no request body although the server takes a
 *    JSON array of `ResourceInput` (OSS `types.InfraProviderResourceInput`, metadata `map[string]string`):
 *    RESOURCE_INPUT_ARRAY below is that body's schema.
 *
 * The swagger marks no property as required; SERVER_REQUIRED lists what the server itself rejects when absent
 * (OSS controllers' `sanitize`/`check` functions), so a call missing them is reported like a schema error.
 */

const FILE = 'harness-cde-openapi.yaml';
const here = dirname(fileURLToPath(import.meta.url));

/** The contract file: the copy kept in this repository (sources), or the one the bundle carries. */
export function contractPath(): string {
  const candidates = [
    join(here, 'contract', FILE), // vendored copy (sources)
    join(here, '..', '..', 'sandbox', 'harness', 'contract', FILE), // bundle: dist/<x>/ -> sandbox/harness/contract
    join(here, 'sandbox', 'harness', 'contract', FILE),
    join(here, '..', 'sandbox', 'harness', 'contract', FILE), // bundle: dist/lib -> dist/sandbox/harness/contract
  ];
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new Error(`Harness OpenAPI contract not found; looked in: ${candidates.join(', ')}`);
  return found;
}

type JsonSchema = Record<string, unknown>;

interface ParamSpec {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
}

interface OperationSpec {
  operationId?: string;
  parameters?: ParamSpec[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

interface Operation {
  id: string;
  method: string;
  template: string;
  re: RegExp;
  names: string[];
  literals: number;
  pathParams: ParamSpec[];
  queryParams: { spec: ParamSpec; validate: ValidateFunction }[];
  body?: ValidateFunction;
  required: string[];
}

export interface ContractRequest {
  method: string;
  /** Path relative to the API root (`/accounts/...` for CDE, `/delegate-token-ng` for NG). */
  path: string;
  query: URLSearchParams;
  body: unknown;
  rawBody: string;
}

export interface ContractResult {
  operationId?: string;
  /** What does not conform, or undefined when the request does. */
  violation?: string;
  /** true when no operation of the contract has this method and path. */
  unknownOperation?: boolean;
}

/** Body of the machines POST (quirk 2): the array the UI sends. */
const RESOURCE_INPUT_ARRAY: JsonSchema = {
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    required: ['name', 'infra_provider_type', 'region', 'metadata'],
    properties: {
      identifier: { type: 'string' },
      name: { type: 'string' },
      infra_provider_type: { $ref: 'harness-cde#/components/schemas/EnumInfraProviderType' },
      region: { type: 'string' },
      disk: { type: 'string' },
      cpu: { type: 'string' },
      memory: { type: 'string' },
      network: { type: 'string' },
      metadata: { type: 'object', additionalProperties: { type: 'string' } },
    },
  },
};

/** Fields the server requires though the swagger does not say so. */
const SERVER_REQUIRED: Record<string, string[]> = {
  createInfraProvider: ['identifier', 'name', 'type'],
  updateInfraProvider: ['identifier', 'name', 'type'],
  createGitspace: [
    'identifier',
    'name',
    'ide',
    'code_repo_url',
    'infra_provider_config_identifier',
    'resource_identifier',
  ],
  gitspaceAction: ['action'],
};

const acc = {
  name: 'accountIdentifier',
  in: 'query',
  required: true,
  schema: { type: 'string', minLength: 1 },
} as const;
const str = (name: string, required = false): ParamSpec => ({
  name,
  in: 'query',
  required,
  schema: { type: 'string', minLength: required ? 1 : 0 },
});
const pathId: ParamSpec = { name: 'identifier', in: 'path', required: true, schema: { type: 'string' } };

/** NG operations (harness-go-sdk nextgen `api_organization`, `api_project`, `api_delegate_token_resource`). */
export const NG_PATHS: Record<string, Record<string, OperationSpec>> = {
  '/organizations/{identifier}': { get: { operationId: 'getOrganization', parameters: [pathId, acc] } },
  '/projects/{identifier}': {
    get: { operationId: 'getProject', parameters: [pathId, acc, str('orgIdentifier')] },
  },
  '/delegate-token-ng': {
    get: {
      operationId: 'getDelegateTokens',
      parameters: [
        acc,
        str('orgIdentifier'),
        str('projectIdentifier'),
        str('name'),
        { name: 'status', in: 'query', schema: { type: 'string', enum: ['ACTIVE', 'REVOKED'] } },
      ],
    },
    post: {
      operationId: 'createDelegateToken',
      parameters: [
        acc,
        str('tokenName', true),
        str('orgIdentifier'),
        str('projectIdentifier'),
        { name: 'revokeAfter', in: 'query', schema: { type: 'integer' } },
      ],
    },
    put: {
      operationId: 'revokeDelegateToken',
      parameters: [acc, str('tokenName', true), str('orgIdentifier'), str('projectIdentifier')],
    },
  },
  '/delegate-token-ng/delegate-groups': {
    get: {
      operationId: 'getDelegateGroupsUsingToken',
      parameters: [acc, str('delegateTokenName', true), str('orgIdentifier'), str('projectIdentifier')],
    },
  },
};

function coerce(raw: string, schema: JsonSchema | undefined): { value?: unknown; error?: string } {
  const type = schema?.type;
  if (type === 'integer')
    return /^-?\d+$/.test(raw) ? { value: Number(raw) } : { error: `expected an integer, got "${raw}"` };
  if (type === 'number')
    return raw.trim() !== '' && !Number.isNaN(Number(raw))
      ? { value: Number(raw) }
      : { error: `expected a number, got "${raw}"` };
  if (type === 'boolean')
    return raw === 'true' || raw === 'false'
      ? { value: raw === 'true' }
      : { error: `expected true or false, got "${raw}"` };
  return { value: raw };
}

function ajvErrors(v: ValidateFunction, where: string): string {
  return (v.errors ?? [])
    .map(
      (e) =>
        `${where}${e.instancePath || ''} ${e.message ?? 'is invalid'}${e.params && 'allowedValues' in e.params ? ` (${(e.params.allowedValues as unknown[]).join(', ')})` : ''}`,
    )
    .join('; ');
}

/** A set of operations (one API root) checked with ajv. */
export class Contract {
  private readonly ops: Operation[] = [];
  private readonly ajv: Ajv;

  constructor(
    paths: Record<string, Record<string, OperationSpec>>,
    components: unknown,
    extra: { machinesBody?: boolean } = {},
  ) {
    this.ajv = new Ajv({ strict: false, allErrors: true });
    if (components) this.ajv.addSchema({ $id: 'harness-cde', components } as never);
    const ref = (s: JsonSchema | undefined): JsonSchema => rewriteRefs(s ?? {});
    for (const [rawTemplate, methods] of Object.entries(paths)) {
      for (const [method, op] of Object.entries(methods)) {
        if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
        let template = rawTemplate;
        let params = op.parameters ?? [];
        // Quirk 1: drop the spurious {delete_bug} segment.
        if (template.endsWith('/{delete_bug}')) {
          template = template.slice(0, -'/{delete_bug}'.length);
          params = params.filter((p) => p.name !== 'delete_bug');
        }
        const names: string[] = [];
        const src = template.replace(/[.+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_m, n: string) => {
          names.push(n);
          return '([^/]+)';
        });
        const id = op.operationId ?? `${method} ${template}`;
        let bodySchema = op.requestBody?.content?.['application/json']?.schema;
        if (extra.machinesBody && id === 'createInfraProviderResource' && !bodySchema)
          bodySchema = RESOURCE_INPUT_ARRAY; // quirk 2
        this.ops.push({
          id,
          method: method.toUpperCase(),
          template,
          re: new RegExp(`^${src}$`),
          names,
          literals: template.split('/').filter((s) => s && !s.startsWith('{')).length,
          pathParams: params.filter((p) => p.in === 'path'),
          queryParams: params
            .filter((p) => p.in === 'query')
            .map((spec) => ({ spec, validate: this.ajv.compile(ref(spec.schema)) })),
          body: bodySchema ? this.ajv.compile(ref(bodySchema)) : undefined,
          required: SERVER_REQUIRED[id] ?? [],
        });
      }
    }
    // Most specific first: /gitspaces/list-repos before /gitspaces/{gitspace_identifier}.
    this.ops.sort((a, b) => b.literals - a.literals);
  }

  operations(): { id: string; method: string; template: string }[] {
    return this.ops.map((o) => ({ id: o.id, method: o.method, template: o.template }));
  }

  check(req: ContractRequest): ContractResult {
    const candidates = this.ops.filter((o) => o.re.test(req.path));
    const op = candidates.find((o) => o.method === req.method);
    if (!op) {
      const allowed = candidates.map((o) => o.method);
      return {
        unknownOperation: true,
        violation: allowed.length
          ? `${req.method} ${req.path}: method not in the contract (allowed: ${allowed.join(', ')})`
          : `${req.method} ${req.path}: no such operation in the contract`,
      };
    }
    const problems: string[] = [];
    const m = op.re.exec(req.path) as RegExpExecArray;
    op.names.forEach((n, i) => {
      const v = decodeURIComponent(m[i + 1] as string);
      if (!v.trim()) problems.push(`path parameter ${n} is empty`);
    });
    for (const { spec, validate } of op.queryParams) {
      const values = req.query.getAll(spec.name);
      if (values.length === 0) {
        if (spec.required) problems.push(`query parameter ${spec.name} is required`);
        continue;
      }
      const isArray = spec.schema?.type === 'array';
      if (!isArray && values.length > 1) {
        problems.push(`query parameter ${spec.name} given ${values.length} times`);
        continue;
      }
      const itemSchema = isArray ? (spec.schema?.items as JsonSchema | undefined) : spec.schema;
      const coerced = values.map((v) => coerce(v, itemSchema));
      const bad = coerced.find((c) => c.error);
      if (bad) {
        problems.push(`query parameter ${spec.name}: ${bad.error}`);
        continue;
      }
      const value = isArray ? coerced.map((c) => c.value) : coerced[0]?.value;
      if (!validate(value)) problems.push(ajvErrors(validate, `query parameter ${spec.name}`));
    }
    if (op.body) {
      const hasBody = req.rawBody.trim() !== '';
      if (hasBody && typeof req.body === 'string')
        problems.push('request body is not JSON (send content-type: application/json and a JSON document)');
      else if (hasBody || op.required.length || op.id === 'createInfraProviderResource') {
        const body = hasBody ? req.body : undefined;
        if (body === undefined) problems.push('request body is missing');
        else {
          if (!op.body(body)) problems.push(ajvErrors(op.body, 'body'));
          if (body && typeof body === 'object' && !Array.isArray(body)) {
            for (const f of op.required) {
              const v = (body as Record<string, unknown>)[f];
              if (v === undefined || v === null || v === '')
                problems.push(`body.${f} is required by the server`);
            }
          }
        }
      }
    }
    return {
      operationId: op.id,
      violation: problems.length ? `${op.id}: ${problems.join('; ')}` : undefined,
    };
  }
}

/** `#/components/...` refs inside our own schemas point at the registered document. */
function rewriteRefs(s: JsonSchema): JsonSchema {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      const o: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v))
        o[k] = k === '$ref' && typeof x === 'string' && x.startsWith('#/') ? `harness-cde${x}` : walk(x);
      return o;
    }
    return v;
  };
  return walk(s) as JsonSchema;
}

/**
 * Generic names such as `TypesAccessList[String]` are not valid URI fragments (ajv cannot resolve
 * `#/components/schemas/TypesAccessList[String]`): schema names and the refs to them get `[`, `]` and `/` replaced.
 */
function safeSchemaNames(doc: unknown): unknown {
  const safe = (n: string) => n.replace(/[^A-Za-z0-9_.-]/g, '_');
  const walk = (v: unknown, parentKey?: string): unknown => {
    if (Array.isArray(v)) return v.map((x) => walk(x));
    if (v && typeof v === 'object') {
      const o: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        if (k === '$ref' && typeof x === 'string' && x.startsWith('#/components/schemas/'))
          o[k] = `#/components/schemas/${safe(x.slice('#/components/schemas/'.length))}`;
        else o[parentKey === 'schemas' ? safe(k) : k] = walk(x, k);
      }
      return o;
    }
    return v;
  };
  return walk(doc);
}

export interface HarnessContracts {
  cde: Contract;
  ng: Contract;
  file: string;
}

let cached: HarnessContracts | undefined;

/** Loads (once) the CDE OpenAPI file and the NG table. */
export function loadContracts(): HarnessContracts {
  if (cached) return cached;
  const file = contractPath();
  const doc = safeSchemaNames(parse(readFileSync(file, 'utf8'))) as {
    paths: Record<string, Record<string, OperationSpec>>;
    components: unknown;
  };
  cached = {
    cde: new Contract(doc.paths, doc.components, { machinesBody: true }),
    ng: new Contract(NG_PATHS, doc.components),
    file,
  };
  return cached;
}
