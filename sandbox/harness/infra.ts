import { randomBytes } from 'node:crypto';
import { Req, Res, harnessError } from '../core/http.js';
import type { World } from '../world.js';
import type { TypesInfraProviderConfig } from '../../shared/harness/types.js';
import { obj } from './api.js';
import type { HarnessModel } from './model.js';
import { buildSetupYaml } from './setup-yaml.js';
import type { InfraRecord } from './state.js';

/** An infra like examples/gitspaces.yaml's, already configured (scenario.harness.existingInfra). */
export function seedExistingInfra(world: World, m: HarnessModel): void {
  const body = {
    identifier: 'gitspaces_gcp',
    name: 'gitspaces',
    type: 'hybrid_vm_gcp',
    metadata: {
      name: 'gitspaces_gcp',
      domain: 'gitspaces.acme.dev',
      project: { id: world.scenario.gcp.projectId },
      gateway: {
        machine_type: 'e2-standard-2',
        instances: 1,
        vm_image_name: 'projects/ubuntu-os-cloud/global/images/family/ubuntu-2204-lts',
      },
      runner: {
        region: 'us-central1',
        zone: 'us-central1-a',
        vm_image_name: 'projects/ubuntu-os-cloud/global/images/family/ubuntu-2204-lts',
      },
      delegate_selectors: [{ selector: 'gitspaces' }],
      region_configs: {
        'us-central1': {
          region_name: 'us-central1',
          default_subnet_ip_range: '10.6.0.0/16',
          proxy_subnet_ip_range: '10.3.0.0/26',
          certificates: { contents: [{ domain: 'usc1.gitspaces.acme.dev' }] },
        },
      },
    },
  };
  const rec = newInfra(world, m, body, 'https://app.harness.io/gateway/cde');
  m.infraProviders.set(rec.config.identifier, rec);
}

export function newInfra(
  world: World,
  m: HarnessModel,
  body: Record<string, unknown>,
  cdeManagerUrl: string,
): InfraRecord {
  const now = m.now();
  const rec: InfraRecord = {
    config: {
      identifier: String(body.identifier),
      name: String(body.name),
      type: body.type as TypesInfraProviderConfig['type'],
      metadata: obj(body.metadata),
      space_path: m.accountId,
      created: now,
      updated: now,
      is_deleted: false,
      deleted: null,
    },
    sharedSecret: randomBytes(24).toString('hex'),
    resources: new Map(),
  };
  rec.config.setup_yaml = setupYaml(world, m, rec, cdeManagerUrl);
  return rec;
}

export function setupYaml(world: World, m: HarnessModel, rec: InfraRecord, cdeManagerUrl: string): string {
  return buildSetupYaml({
    accountId: m.accountId,
    identifier: rec.config.identifier,
    name: rec.config.name,
    metadata: rec.config.metadata,
    sharedSecret: rec.sharedSecret,
    cdeManagerUrl,
    gatewayVersion: world.scenario.harness.gatewayVersion,
    generation: world.scenario.harness.setupYamlGeneration ?? 'post-0.0.3',
  });
}

export function infraView(rec: InfraRecord): TypesInfraProviderConfig {
  return { ...rec.config, resources: [...rec.resources.values()] };
}

/** Problems with a hybrid_vm_gcp metadata block (the UI's required fields, spec §3.1). */
export function metadataProblems(md: Record<string, unknown>): string[] {
  const p: string[] = [];
  if (typeof md.domain !== 'string' || !md.domain) p.push('metadata.domain is required');
  if (typeof obj(md.project).id !== 'string' || !obj(md.project).id)
    p.push('metadata.project.id is required');
  if (typeof obj(md.gateway).machine_type !== 'string' || !obj(md.gateway).machine_type)
    p.push('metadata.gateway.machine_type is required');
  const rc = obj(md.region_configs);
  if (Object.keys(rc).length === 0) p.push('metadata.region_configs needs at least one region');
  const runner = obj(md.runner);
  if (typeof runner.region !== 'string' || !runner.region) p.push('metadata.runner.region is required');
  else if (Object.keys(rc).length && !(runner.region in rc))
    p.push(`metadata.runner.region ${runner.region} is not one of the configured regions`);
  return p;
}

/** The infra provider named by `{infra}` in the path, or Harness's 404 for it. */
export function infraOr404(m: HarnessModel, req: Req): InfraRecord | Res {
  return (
    m.infraProviders.get(req.params.infra as string) ??
    harnessError(404, `Failed to find infraprovider config: ${req.params.infra}`)
  );
}
