import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModuleGeneration } from '../../shared/config/schema.js';
import { MODULE_OUTPUTS, checkSetupYamlKeys } from '../../shared/terraform/interface.js';
import {
  declaredVariables,
  generateRoot,
  isRegistrySource,
  loadHclParser,
} from '../../shared/terraform/root.js';

beforeAll(() => loadHclParser());
import { standInModuleDir } from '../../sandbox/module/locate.js';
import { configFor, setupYaml } from './fixtures.js';

/**
 * The real module's interface, both generations, kept in the repository as data: the source of truth that the
 * generated root and the stand-in module are held against (its $comment says where the facts come from).
 */
const CONTRACT = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'fixtures',
  'contracts',
  'terraform-module.json',
);

interface ContractVariable {
  name: string;
  type: string;
  required: boolean;
  default?: string;
  generations: ModuleGeneration[];
}

const contract = JSON.parse(readFileSync(CONTRACT, 'utf8')) as {
  variables: ContractVariable[];
  outputs: { name: string }[];
};

function contractVariables(): ContractVariable[] {
  return contract.variables;
}

function contractOutputs(): string[] {
  return contract.outputs.map((o) => o.name);
}

const env = { GITSPACES_TF_PROVIDERS: '' } as NodeJS.ProcessEnv;

describe('generated root vs the module contract (test/fixtures/contracts/terraform-module.json)', () => {
  const table = contractVariables();
  it('reads the contract table', () => {
    expect(table.map((v) => v.name)).toEqual(
      expect.arrayContaining(['service_account_key_file', 'create_runner_vm']),
    );
  });

  for (const generation of ['v0.0.3', 'post-0.0.3'] as const) {
    it(`${generation}: every variable the generation has, none it lacks, each typed as the contract says`, () => {
      const root = generateRoot({
        config: configFor(generation),
        keyFile: 'key.json',
        infraConfigFile: 'infra.yaml',
        env,
      });
      const expected = table.filter((v) => v.generations.includes(generation));
      expect(Object.keys(root.tfvars).sort()).toEqual(expected.map((v) => v.name).sort());
      const variables = root.mainTf.variable as Record<string, { type: string }>;
      for (const v of expected) {
        expect(variables[v.name]?.type).toBe(v.type);
        expect(typeof root.tfvars[v.name]).toBe(v.type === 'bool' ? 'boolean' : 'string');
      }
      // Every value goes through a variable: the module block holds only references.
      const mod = (root.mainTf.module as Record<string, Record<string, string>>).gitspaces!;
      for (const v of expected) expect(mod[v.name]).toBe(`\${var.${v.name}}`);
      expect(Object.keys(root.mainTf.output as object).sort()).toEqual([...MODULE_OUTPUTS].sort());
      expect(contractOutputs().sort()).toEqual([...MODULE_OUTPUTS].sort());
    });

    it(`${generation}: the stand-in module declares exactly the contract's variables`, () => {
      const declared = declaredVariables(join(standInModuleDir(), generation));
      const expected = table.filter((v) => v.generations.includes(generation));
      expect(declared.map((d) => d.name).sort()).toEqual(expected.map((v) => v.name).sort());
      for (const v of expected) {
        const d = declared.find((x) => x.name === v.name)!;
        expect(d.type).toBe(v.type);
        expect(d.required).toBe(v.required);
      }
      const tf = readFileSync(join(standInModuleDir(), generation, 'variables.tf'), 'utf8');
      expect(tf).toMatch(/variable "use_gcp_certificate_manager" \{[^}]*default\s+= true/);
      expect(tf).toMatch(/variable "private_key_path" \{[^}]*default\s+= ""/);
    });
  }
});

describe('module source, providers and backend', () => {
  it('pins a registry source with its version, and drops the version for git or local sources', () => {
    const reg = generateRoot({ config: configFor('v0.0.3'), keyFile: 'k', infraConfigFile: 'i', env });
    expect((reg.mainTf.module as Record<string, Record<string, string>>).gitspaces).toMatchObject({
      source: 'harness/harness-gitspaces/gcp',
      version: '0.0.3',
    });
    const git = configFor('post-0.0.3');
    git.terraform.module.source =
      'git::https://github.com/harness/terraform-gcp-harness-gitspaces.git?ref=88a9866';
    const root = generateRoot({ config: git, keyFile: 'k', infraConfigFile: 'i', env });
    expect((root.mainTf.module as Record<string, Record<string, string>>).gitspaces!.version).toBeUndefined();
    expect(isRegistrySource('harness/harness-gitspaces/gcp')).toBe(true);
    expect(isRegistrySource('./modules/gitspaces')).toBe(false);
    expect(isRegistrySource('github.com/harness/terraform-gcp-harness-gitspaces')).toBe(false);
  });

  it('uses <mirror>/<generation> without a version when GITSPACES_TF_MODULE_MIRROR is set', () => {
    const root = generateRoot({
      config: configFor('post-0.0.3'),
      keyFile: 'k',
      infraConfigFile: 'i',
      env: { GITSPACES_TF_MODULE_MIRROR: '/opt/mirror/' },
    });
    expect(root.source).toBe('/opt/mirror/post-0.0.3');
    expect((root.mainTf.module as Record<string, Record<string, string>>).gitspaces!.version).toBeUndefined();
  });

  it('constrains the providers unless GITSPACES_TF_PROVIDERS=none, and adds the configured backend', () => {
    const cfg = configFor(
      'post-0.0.3',
      '  backend:\n    type: gcs\n    config:\n      bucket: acme-tfstate\n      prefix: gitspaces\n',
    );
    const withProviders = generateRoot({ config: cfg, keyFile: 'k', infraConfigFile: 'i', env: {} });
    expect(withProviders.mainTf.terraform).toEqual({
      required_version: '>= 1.3',
      required_providers: {
        google: { source: 'hashicorp/google', version: '~> 6.1' },
        null: { source: 'hashicorp/null', version: '~> 3.2' },
      },
      backend: { gcs: { bucket: 'acme-tfstate', prefix: 'gitspaces' } },
    });
    const none = generateRoot({
      config: cfg,
      keyFile: 'k',
      infraConfigFile: 'i',
      env: { GITSPACES_TF_PROVIDERS: 'none' },
    });
    expect(none.mainTf.terraform).not.toHaveProperty('required_providers');
  });

  it('passes create_runner_vm only to post-0.0.3, and the certificate files only in files mode', () => {
    const files = configFor(
      'post-0.0.3',
      '  certificate:\n    mode: files\n    certificate_path: /etc/certs/c.pem\n    private_key_path: /etc/certs/k.pem\n  manage_dns_zone: false\n  create_runner_vm: false\n',
    );
    const root = generateRoot({ config: files, keyFile: 'k', infraConfigFile: 'i', env });
    expect(root.tfvars).toEqual({
      service_account_key_file: 'k',
      infra_config_yaml_file: 'i',
      manage_dns_zone: false,
      use_gcp_certificate_manager: false,
      private_key_path: '/etc/certs/k.pem',
      certificate_path: '/etc/certs/c.pem',
      create_runner_vm: false,
    });
    const old = generateRoot({ config: configFor('v0.0.3'), keyFile: 'k', infraConfigFile: 'i', env });
    expect(old.tfvars).not.toHaveProperty('create_runner_vm');
  });
});

describe('Infra Config YAML keys per generation (CFG-002)', () => {
  it('accepts each generation its own YAML and names what the other lacks', () => {
    expect(checkSetupYamlKeys(setupYaml('v0.0.3'), 'v0.0.3')).toEqual({ missing: [], detected: 'v0.0.3' });
    expect(checkSetupYamlKeys(setupYaml('post-0.0.3'), 'post-0.0.3')).toEqual({
      missing: [],
      detected: 'post-0.0.3',
    });
    expect(checkSetupYamlKeys(setupYaml('post-0.0.3'), 'v0.0.3')).toEqual({
      missing: ['gateway.vm_image.family', 'gateway.vm_image.project', 'runner.vm_image'],
      detected: 'post-0.0.3',
    });
    expect(checkSetupYamlKeys('a: [', 'v0.0.3').parseError).toBeTruthy();
  });
});
