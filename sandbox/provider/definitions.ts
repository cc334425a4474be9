import { randomInt } from 'node:crypto';
import { endpointsFromEnv } from '../../shared/endpoints.js';
import type { ObjectValue } from './cty.js';
import { readSchemaFile } from './files.js';
import { GoogleApi, readCredentials } from './google-api.js';
import type { ProviderDefinition } from './provider.js';
import type { DataSourceImpl, ResourceImpl } from './resource.js';
import { BlockSpec, RawSchemaFile, ResourceSpec, parseBlock, withTimeouts } from './schema.js';
import { GOOGLE_RESOURCES, GOOGLE_DATA_SOURCES } from './resources/index.js';

/** The schema files of the google provider, one per resource family. */
const GOOGLE_SCHEMA_FILES = [
  'google-provider.json',
  'google-compute-network.json',
  'google-compute-gateway.json',
  'google-dns-certs.json',
  'google-iam-instance.json',
];

function specs(
  files: RawSchemaFile[],
  kind: 'resources' | 'data_sources',
  timeouts: boolean,
): Record<string, ResourceSpec> {
  const out: Record<string, ResourceSpec> = {};
  for (const f of files)
    for (const [name, raw] of Object.entries(f[kind] ?? {})) {
      const block = parseBlock(raw);
      out[name] = { version: raw.version ?? 0, block: timeouts ? withTimeouts(block) : block };
    }
  return out;
}

const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

/** registry.terraform.io/hashicorp/google, standing in: Google's REST APIs where the environment points. */
export function googleProvider(env: NodeJS.ProcessEnv = process.env): ProviderDefinition {
  const files = GOOGLE_SCHEMA_FILES.map(readSchemaFile);
  const resourceSpecs = specs(files, 'resources', true);
  const dataSpecs = specs(files, 'data_sources', false);
  const resources: ProviderDefinition['resources'] = {};
  for (const [name, spec] of Object.entries(resourceSpecs)) {
    const entry = GOOGLE_RESOURCES[name];
    if (entry) resources[name] = { spec, impl: entry.impl, kind: entry.kind };
  }
  const dataSources: ProviderDefinition['dataSources'] = {};
  for (const [name, spec] of Object.entries(dataSpecs)) {
    const impl: DataSourceImpl | undefined = GOOGLE_DATA_SOURCES[name];
    if (impl) dataSources[name] = { spec, impl };
  }
  let api: GoogleApi | undefined;
  return {
    name: 'google',
    providerSchema: parseBlock(files[0]?.provider ?? {}),
    resources,
    dataSources,
    configure(config: ObjectValue) {
      const base = endpointsFromEnv(env);
      // The provider's *_custom_endpoint arguments win over the environment, as in the real provider.
      const trimApi = (u: string | undefined) =>
        u?.replace(/\/(compute\/v1|dns\/v1|v1)\/?$/, '').replace(/\/+$/, '');
      const endpoints = {
        ...base,
        compute: trimApi(str(config.compute_custom_endpoint)) ?? base.compute,
        cloudDns: trimApi(str(config.dns_custom_endpoint)) ?? base.cloudDns,
        certificateManager:
          trimApi(str(config.certificate_manager_custom_endpoint)) ?? base.certificateManager,
        iam: trimApi(str(config.iam_custom_endpoint)) ?? base.iam,
        resourceManager: trimApi(str(config.resource_manager_custom_endpoint)) ?? base.resourceManager,
      };
      const accessToken = str(config.access_token) ?? str(env.GOOGLE_OAUTH_ACCESS_TOKEN);
      const key = accessToken
        ? undefined
        : readCredentials(str(config.credentials) ?? str(env.GOOGLE_CREDENTIALS), env);
      api = new GoogleApi(endpoints, { accessToken, key });
      return {
        api,
        endpoints,
        defaults: {
          project: str(config.project) ?? str(env.GOOGLE_PROJECT) ?? str(env.GOOGLE_CLOUD_PROJECT),
          region: str(config.region) ?? str(env.GOOGLE_REGION),
          zone: str(config.zone) ?? str(env.GOOGLE_ZONE),
        },
      };
    },
    stop() {
      if (api) api.stopped = true;
    },
  };
}

/** null_resource: nothing outside Terraform; a random id, kept until triggers change. */
const nullResource: ResourceImpl = {
  create: async () => ({ id: String(randomInt(1, 2 ** 47)) }),
  read: async (_ctx, state) => state,
  delete: async () => undefined,
  importState: (_ctx, id) => ({ id }),
};

/** registry.terraform.io/hashicorp/null, standing in. */
export function nullProvider(): ProviderDefinition {
  const file = readSchemaFile('null.json');
  const spec = specs([file], 'resources', false).null_resource as ResourceSpec;
  return {
    name: 'null',
    providerSchema: parseBlock(file.provider ?? {}) as BlockSpec,
    resources: { null_resource: { spec, impl: nullResource, kind: 'null_resource' } },
    dataSources: {},
    configure: () => ({ api: undefined as never, endpoints: endpointsFromEnv({}), defaults: {} }),
  };
}
