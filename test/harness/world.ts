import { Faults } from '../../sandbox/core/faults.js';
import { Journal } from '../../sandbox/core/journal.js';
import type { Service } from '../../sandbox/core/http.js';
import { DeepPartial, Scenario, loadScenario } from '../../sandbox/scenario.js';
import type { World } from '../../sandbox/world.js';
import type { GcpState } from '../../sandbox/gcp/state.js';
import type { VmState } from '../../sandbox/vm/state.js';
import { createHarnessState, startHarness } from '../../sandbox/harness/index.js';
import type { HarnessModel } from '../../sandbox/harness/model.js';

/** A hand-built world for the Harness emulator alone: GCP is a stub whose resources the test sets. */
export interface TestWorld {
  world: World;
  harness: HarnessModel;
  /** Compute collections the GCP stub returns from listResources. */
  gcpResources: Record<string, Record<string, unknown>[]>;
  vm: VmState;
  url: string;
  stop(): Promise<void>;
}

export async function startTestHarness(overrides: DeepPartial<Scenario> = {}): Promise<TestWorld> {
  const scenario = loadScenario(overrides);
  const journal = new Journal();
  const faults = new Faults(scenario.faults, scenario.seed);
  const gcpResources: Record<string, Record<string, unknown>[]> = {};
  const gcp = {
    keyFile: '',
    privateKeyPem: '',
    listResources: (collection: string) => gcpResources[collection] ?? [],
  } as GcpState;
  const vm: VmState = { runners: [], delegates: [], onBoot() {} };
  const world = { scenario, journal, faults, dir: '', urls: {}, gcp, vm } as unknown as World;
  world.harness = createHarnessState(world);
  const services: Service[] = await startHarness(world);
  return {
    world,
    harness: world.harness as HarnessModel,
    gcpResources,
    vm,
    url: world.urls.harness as string,
    stop: async () => {
      await Promise.all(services.map((s) => s.close()));
    },
  };
}

/** The create body the bundle sends for examples/gitspaces.yaml (docs/domain.md#the-infrastructure-provider). */
export function infraBody(overrides: Record<string, unknown> = {}) {
  return {
    identifier: 'gitspaces_gcp',
    name: 'gitspaces',
    space_ref: '',
    type: 'hybrid_vm_gcp' as const,
    metadata: {
      name: 'gitspaces_gcp',
      domain: 'gitspaces.acme.dev',
      project: { id: 'acme-gitspaces' },
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
    ...overrides,
  };
}

export const MACHINE = {
  name: 'standard',
  infra_provider_type: 'hybrid_vm_gcp' as const,
  region: 'us-central1',
  disk: '100',
  metadata: {
    region_name: 'us-central1',
    zone: 'us-central1-a',
    machine_type: 'e2-standard-4',
    os: 'linux',
    arch: 'amd64',
    boot_disk_type: 'pd-balanced',
    boot_disk_size: '50',
    persistent_disk_type: 'pd-balanced',
    persistent_disk_size: '100',
  },
};
