import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configFromText } from '../../shared/config/parse.js';
import type { GitspacesConfig, ModuleGeneration } from '../../shared/config/schema.js';

/** Terraform present? Tests that need it are skipped visibly otherwise (see itNeedsTerraform). */
export const HAS_TERRAFORM = spawnSync('terraform', ['version'], { stdio: 'ignore' }).status === 0;
if (!HAS_TERRAFORM) {
  console.warn(
    '\n!!!!! terraform is not on PATH: the tests marked "(needs terraform)" are SKIPPED. Install Terraform >= 1.3 to run them. !!!!!\n',
  );
}

/**
 * A test that runs the real terraform: without it on PATH, an `it.skip` whose name says why, so the skip is
 * counted as a skip (jest's summary, `.ci/run`'s last line) and never as a pass.
 */
export function itNeedsTerraform(name: string, fn: () => Promise<void>, timeout?: number): void {
  if (HAS_TERRAFORM) it(name, fn, timeout);
  else it.skip(`${name} [SKIPPED: terraform is not on PATH]`, fn, timeout);
}

export function configFor(generation: ModuleGeneration, extra = ''): GitspacesConfig {
  const module =
    generation === 'v0.0.3'
      ? '  module:\n    source: harness/harness-gitspaces/gcp\n    version: 0.0.3\n'
      : '  module:\n    source: harness/harness-gitspaces/gcp\n    version: 0.1.0\n';
  return configFromText(`version: 1
harness:
  account_id: AbCdEfGhIjKlMnOpQrStUv
  project: platform
gcp:
  project_id: acme-gitspaces
infrastructure:
  identifier: gitspaces_gcp
  name: gitspaces
  domain: gitspaces.acme.dev
  gateway:
    machine_type: e2-standard-2
    instances: 1
    allow_public: true
  regions:
    us-central1:
      subdomain: usc1
      default_subnet_ip_range: 10.6.0.0/16
      proxy_subnet_ip_range: 10.3.0.0/26
  runner:
    region: us-central1
    zone: us-central1-a
delegate:
  tags: [gitspaces]
terraform:
${module}${extra}`);
}

export const SHARED_SECRET = 'gw-shared-secret-7f3a9c';

export function setupYaml(
  generation: ModuleGeneration,
  opts: { instances?: number; secret?: string } = {},
): string {
  const image = 'projects/ubuntu-os-cloud/global/images/family/ubuntu-2204-lts';
  const gatewayImage =
    generation === 'v0.0.3'
      ? '  vm_image:\n    family: ubuntu-2204-lts\n    project: ubuntu-os-cloud\n'
      : `  vm_image_name: ${image}\n`;
  const runner =
    generation === 'v0.0.3'
      ? `runner:\n  vm_image: ${image}\n`
      : `runner:\n  region: us-central1\n  zone: us-central1-a\n  vm_image_name: ${image}\n`;
  return `account_identifier: AbCdEfGhIjKlMnOpQrStUv
infra_provider_config_identifier: gitspaces_gcp
name: gitspaces
domain: gitspaces.acme.dev
gitspace_vm_tags: [gcp-gitspace]
project:
  id: acme-gitspaces
  service_account: gitspaces-sa
delegateselectors:
  - {selector: gitspaces, origin: default}
gateway:
  instances: ${opts.instances ?? 1}
  machine_type: e2-standard-2
  vm_tags: [gateway]
${gatewayImage}  shared_secret: ${opts.secret ?? SHARED_SECRET}
  cde_manager_url: https://app.harness.io/gateway/gratis/cde
  version: 1.16.0
${runner}region_configs:
  us-central1:
    region_name: us-central1
    default_subnet_ip_range: 10.6.0.0/16
    proxy_subnet_ip_range: 10.3.0.0/26
    certificates:
      contents:
        - domain: usc1.gitspaces.acme.dev
`;
}

/** A scratch directory with a service-account key and an empty Terraform CLI config. */
export function scratch(): { dir: string; keyFile: string; tfrc: string } {
  const dir = mkdtempSync(join(tmpdir(), 'gitspaces-tf-'));
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyFile = join(dir, 'key.json');
  writeFileSync(
    keyFile,
    JSON.stringify({
      type: 'service_account',
      project_id: 'acme-gitspaces',
      private_key_id: 'abc123',
      private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      client_email: 'gitspaces@acme-gitspaces.iam.gserviceaccount.com',
      token_uri: 'https://oauth2.googleapis.com/token',
    }),
  );
  const tfrc = join(dir, 'terraform.rc');
  writeFileSync(tfrc, '');
  mkdirSync(join(dir, 'root'));
  return { dir, keyFile, tfrc };
}
