import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { buildSetupYaml } from '../../sandbox/harness/setup-yaml.js';

/** The Harness emulator's setup_yaml held to the facts in test/fixtures/contracts/infra-config-yaml.json. */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const facts = JSON.parse(
  readFileSync(join(ROOT, 'test', 'fixtures', 'contracts', 'infra-config-yaml.json'), 'utf8'),
) as {
  uiSendsGatewayKeys: string[];
  moduleGatewayDefaults: { whitelist_ip_ranges: string[] };
  sampleYaml: { gateway: { vm_image: unknown } };
};

type Doc = { gateway: Record<string, unknown> };
const yamlFor = (generation: 'v0.0.3' | 'post-0.0.3', gateway: Record<string, unknown>) =>
  parse(
    buildSetupYaml({
      accountId: 'acc',
      identifier: 'infra',
      name: 'gitspaces',
      metadata: { domain: 'gitspaces.acme.dev', gateway, region_configs: {} },
      sharedSecret: 's',
      cdeManagerUrl: 'https://app.harness.io/gateway/cde',
      gatewayVersion: '1.16.0',
      generation,
    }),
  ) as Doc;

describe('the emulated setup_yaml against the Infra Config YAML facts', () => {
  it('carries no whitelist even when the metadata has one (the UI never sends it), so the module default applies', () => {
    expect(facts.uiSendsGatewayKeys).not.toContain('whitelist_ip_ranges');
    const doc = yamlFor('post-0.0.3', {
      machine_type: 'e2-standard-2',
      instances: 1,
      whitelist_ip_ranges: ['203.0.113.0/24'],
    });
    expect(doc.gateway.whitelist_ip_ranges).toBeUndefined();
    // The stand-in module defaults it as the contract says (modules/infra locals.tf).
    const locals = readFileSync(join(ROOT, 'sandbox', 'module', 'common', 'infra', 'locals.tf'), 'utf8');
    expect(locals).toContain(
      `lookup(local.infra_config.gateway, "whitelist_ip_ranges", ${JSON.stringify(facts.moduleGatewayDefaults.whitelist_ip_ranges)})`,
    );
  });

  it("v0.0.3: the gateway image is the sample YAML's, whatever the metadata says; after it, the UI's vm_image_name", () => {
    const image = 'projects/ubuntu-os-cloud/global/images/family/ubuntu-2204-lts';
    expect(yamlFor('v0.0.3', { vm_image_name: image }).gateway.vm_image).toEqual(
      facts.sampleYaml.gateway.vm_image,
    );
    expect(yamlFor('post-0.0.3', { vm_image_name: image }).gateway.vm_image_name).toBe(image);
  });
});
