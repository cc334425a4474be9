import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ActionIO } from '../../shared/action.js';
import { realClock } from '../../shared/clock.js';
import { configFromText } from '../../shared/config/parse.js';
import type { GitspacesConfig } from '../../shared/config/schema.js';
import { Inputs, mapInputSource } from '../../shared/inputs.js';
import { RecordingLogger, nullLogger } from '../../shared/logger.js';
import { createGcp } from '../../shared/gcp/index.js';
import { startSandbox, Sandbox } from '../../sandbox/index.js';
import type { DeepPartial, Scenario } from '../../sandbox/scenario.js';

const here = dirname(fileURLToPath(import.meta.url));
export const REPO = resolve(here, '..', '..');

/** What the stand-in module's local-exec creates for these specs, through the Compute REST API. */
async function createResources(sb: Sandbox, specs: Record<string, unknown>[]): Promise<void> {
  const gcp = createGcp({
    keyJson: readFileSync(sb.files.serviceAccountKey, 'utf8'),
    env: sb.env,
    log: nullLogger,
  });
  const P = (s: Record<string, unknown>) => `/compute/v1/projects/${String(s.project)}`;
  for (const s of specs) {
    const net = `${P(s).slice('/compute/v1/'.length)}/global/networks/${String(s.network)}`;
    if (s.type === 'network')
      await gcp.rest.post('compute', `${P(s)}/global/networks`, {
        name: s.network,
        autoCreateSubnetworks: false,
      });
    if (s.type === 'region') {
      const reg = `${P(s)}/regions/${String(s.region)}`;
      await gcp.rest.post('compute', `${reg}/subnetworks`, {
        name: s.subnet,
        network: net,
        ipCidrRange: s.default_subnet_ip_range,
        region: s.region,
      });
      await gcp.rest.post('compute', `${P(s)}/global/instanceTemplates`, {
        name: s.template,
        properties: {
          machineType: s.machine_type,
          tags: { items: s.vm_tags },
          disks: [
            { boot: true, autoDelete: true, initializeParams: { sourceImage: s.image, diskSizeGb: '20' } },
          ],
          networkInterfaces: [{ network: net }],
        },
      });
      await gcp.rest.post('compute', `${reg}/instanceGroupManagers`, {
        name: s.group,
        baseInstanceName: `${String(s.name)}-${String(s.region)}-gateway`,
        instanceTemplate: `${P(s).slice('/compute/v1/'.length)}/global/instanceTemplates/${String(s.template)}`,
        targetSize: s.instances,
      });
    }
    if (s.type === 'runner_vm') {
      await gcp.rest.post('compute', `${P(s)}/zones/${String(s.zone)}/instances`, {
        name: s.vm,
        machineType: `zones/${String(s.zone)}/machineTypes/${String(s.machine_type)}`,
        tags: { items: ['runner-vm'] },
        metadata: { items: [] },
        disks: [
          { boot: true, autoDelete: true, initializeParams: { sourceImage: s.image, diskSizeGb: '50' } },
        ],
        networkInterfaces: [
          {
            network: net,
            subnetwork: `${P(s).slice('/compute/v1/'.length)}/regions/${String(s.region)}/subnetworks/${String(s.subnet)}`,
          },
        ],
      });
    }
  }
  try {
    // A VM that never reaches RUNNING is a broken setup: say so here, not as a puzzling failure later.
    let status: string | undefined;
    for (const giveUpAt = Date.now() + 60_000; status !== 'RUNNING';) {
      if (Date.now() > giveUpAt)
        throw new Error(`gitspaces-us-central1-runner-vm is ${status ?? 'missing'}, not RUNNING, after 60 s`);
      if (status !== undefined) await new Promise((r) => setTimeout(r, 100));
      const vm = await gcp.compute.getInstance(
        sb.scenario.gcp.projectId,
        'us-central1-a',
        'gitspaces-us-central1-runner-vm',
      );
      status = vm?.status ?? 'missing';
    }
  } finally {
    await gcp.close();
  }
}

export interface RecordedIO extends ActionIO {
  log: RecordingLogger;
  outputs: Record<string, string>;
  summaries: string[];
  failures: string[];
}

export function recordingIO(
  inputs: Record<string, string | undefined>,
  env: Record<string, string>,
): RecordedIO {
  const log = new RecordingLogger();
  const io: RecordedIO = {
    inputs: new Inputs(mapInputSource(inputs), log),
    log,
    env: { ...env },
    clock: realClock,
    outputs: {},
    summaries: [],
    failures: [],
    setOutput(name, value) {
      io.outputs[name] = value;
    },
    async appendSummary(md) {
      io.summaries.push(md);
    },
    setFailed(m) {
      io.failures.push(m);
    },
  };
  return io;
}

export function exampleConfig(edit: (text: string) => string = (t) => t): GitspacesConfig {
  return configFromText(edit(readFileSync(join(REPO, 'examples', 'gitspaces.yaml'), 'utf8')));
}

/**
 * A sandbox where terraform-apply has run: the network, the us-central1 region (gateway instance group) and
 * the runner VM created through the Compute API by the stand-in module's own script, the Harness infra
 * configured, and pool.yaml written the way the module writes it (relative json_path).
 */
export async function appliedSandbox(
  scenario: DeepPartial<Scenario> = {},
): Promise<{ sb: Sandbox; poolPath: string; keyJson: string; config: GitspacesConfig }> {
  const sb = await startSandbox({
    scenario: { ...scenario, harness: { existingInfra: true, ...(scenario.harness ?? {}) } },
  });
  const project = sb.scenario.gcp.projectId;
  const common = { project, key_file: sb.files.serviceAccountKey, network: 'gitspaces', name: 'gitspaces' };
  const specs = [
    { ...common, type: 'network', firewalls: [] },
    {
      ...common,
      type: 'region',
      region: 'us-central1',
      domain: 'usc1.gitspaces.acme.dev',
      subnet: 'harnessdefault',
      proxy_subnet: 'gitspaces-us-central1-proxy-subnet',
      default_subnet_ip_range: '10.6.0.0/16',
      proxy_subnet_ip_range: '10.3.0.0/26',
      alb_address_name: 'gitspaces-us-central1-alb-ip',
      alb_ip: '34.120.10.10',
      nlb_address_name: 'gitspaces-us-central1-nlb-ip',
      nlb_ip: '34.120.10.11',
      template: 'gitspaces-us-central1-gateway-1-16-0-abcd1234',
      machine_type: 'e2-standard-2',
      vm_tags: ['gateway'],
      gateway_version: sb.scenario.harness.gatewayVersion,
      metadata: {},
      image: 'projects/ubuntu-os-cloud/global/images/ubuntu-2204-jammy-v20250112',
      group: 'gitspaces-us-central1-gateway-group-1-16-0-abcd1234',
      instances: 1,
    },
    {
      ...common,
      type: 'runner_vm',
      zone: 'us-central1-a',
      region: 'us-central1',
      vm: 'gitspaces-us-central1-runner-vm',
      machine_type: 'e2-standard-2',
      image: 'projects/ubuntu-os-cloud/global/images/ubuntu-2204-jammy-v20250112',
      subnet: 'harnessdefault',
    },
  ];
  try {
    await createResources(sb, specs);
  } catch (e) {
    await sb.stop();
    throw e;
  }
  // In the sandbox's own directory, so that stopping the sandbox removes it.
  const poolPath = join(sb.dir, 'pool.yaml');
  writeFileSync(
    poolPath,
    `instances:
- limit: 1000
  name: gitspaces-us-central1
  platform:
    arch: amd64
    os: linux
  pool: 0
  spec:
    account:
      json_path: service-account-key.json
      no_service_account: true
      project_id: ${project}
    disk:
      size: 100
      type: pd-balanced
    image: projects/ubuntu-os-cloud/global/images/family/ubuntu-2204-lts
    network: projects/${project}/global/networks/gitspaces
    private_ip: true
    subnetwork: projects/${project}/regions/us-central1/subnetworks/harnessdefault
    tags:
    - gcp-gitspace
  type: google
timestamp: "2026-11-29T23:00:00Z"
version: "1"
`,
  );
  return { sb, poolPath, keyJson: readFileSync(sb.files.serviceAccountKey, 'utf8'), config: exampleConfig() };
}
