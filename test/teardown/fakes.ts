import { FakeClock } from '../../shared/clock.js';
import { RemoteError } from '../../shared/errors.js';
import type {
  AggregatedItem,
  ComputeCollection,
  Instance,
  MetadataChange,
  Operation,
} from '../../shared/gcp/compute.js';
import type {
  DelegateGroupSummary,
  DelegateTokenDetails,
  TypesInfraProviderConfig,
} from '../../shared/harness/types.js';
import type { OrphanScanApis } from '../../shared/teardown/orphans.js';
import { TEARDOWN_ATTRIBUTE } from '../../shared/teardown/runner-stop.js';
import type { TeardownCompute, TeardownHarness, TeardownTerraform } from '../../shared/teardown/steps.js';
import { FakeHarness } from '../create/fake-harness.js';

/** A small world: Harness (infra, machines, gitspaces, token), the runner VM, Terraform state and the GCP resources it made. */
export class FakeWorld {
  readonly mutations: string[] = [];
  readonly harness: FakeHarness & TeardownHarness;
  infra: TypesInfraProviderConfig | undefined = {
    identifier: 'gitspaces_gcp',
    name: 'gitspaces',
    setup_yaml: 'project:\n  id: acme-gitspaces\n  service_account: gitspaces-sa\n',
  };
  tokens: DelegateTokenDetails[] = [{ name: 'gitspaces-delegate-token', status: 'ACTIVE' }];
  /** The delegate groups that connected with each token (by token name). */
  delegateGroups: Record<string, DelegateGroupSummary[]> = {};
  vm: Instance | undefined;
  guest: Record<string, string> = {};
  containers = ['gitspaces-runner', 'gitspaces-delegate'];
  gcp = new Map<ComputeCollection, AggregatedItem[]>();
  zones: { name: string; dnsName: string; nameServers: string[] }[] = [];
  records: { name: string; type: string; rrdatas: string[] }[] = [];
  serviceAccountExists = true;
  tfState: string[] = [];
  /** Makes the named operation throw once (an interruption). */
  failOnce = new Set<string>();

  constructor(readonly clock: FakeClock) {
    const h = new FakeHarness(clock) as FakeHarness & TeardownHarness;
    h.getInfraProvider = async () => structuredClone(this.infra);
    h.deleteInfraProvider = async (id: string) => {
      this.maybeFail('delete-infra');
      if (!this.infra) throw new RemoteError('harness', 404, `Failed to find infraprovider ${id}`);
      if (h.resources.length || (await h.listGitspaces()).length)
        throw new RemoteError('harness', 400, 'Infraprovider still has gitspaces or machines');
      this.infra = undefined;
      this.mutations.push('delete-infra');
    };
    h.listDelegateTokens = async () => structuredClone(this.tokens);
    h.delegateGroupsForToken = async (name: string) => structuredClone(this.delegateGroups[name] ?? []);
    h.revokeDelegateToken = async (name: string) => {
      this.maybeFail('revoke-token');
      this.tokens = this.tokens.map((t) => (t.name === name ? { ...t, status: 'REVOKED' } : t));
      this.mutations.push(`revoke ${name}`);
      return {};
    };
    this.harness = h;
  }

  maybeFail(op: string): void {
    if (this.failOnce.delete(op)) throw new Error(`${op} interrupted (the job was cancelled)`);
  }

  /** Everything a full setup leaves: infra, a machine, two gitspaces (one running), the runner VM, the module's resources. */
  async fullSetup(): Promise<void> {
    const h = this.harness;
    const [m] = await h.createResources('gitspaces_gcp', [
      {
        name: 'standard',
        infra_provider_type: 'hybrid_vm_gcp',
        region: 'us-central1',
        disk: '100',
        metadata: { zone: 'us-central1-a' },
      },
    ]);
    for (const name of ['api-dev', 'web-dev']) {
      const g = await h.createGitspace('default', 'platform', {
        identifier: name,
        name,
        ide: 'vs_code_web',
        code_repo_url: 'https://github.com/acme/api',
        infra_provider_config_identifier: 'gitspaces_gcp',
        resource_identifier: m?.identifier ?? '',
      });
      if (name === 'api-dev') await h.gitspaceAction('default', 'platform', g.identifier ?? '', 'start');
    }
    for (const r of h.records) r.view.resource = { ...m, config_identifier: 'gitspaces_gcp' };
    this.clock.advance(1_000);
    this.vm = {
      name: 'gitspaces-us-central1-runner-vm',
      status: 'RUNNING',
      metadata: {
        items: [
          { key: 'startup-script', value: '#!/bin/bash\n# bootstrap' },
          { key: 'gitspaces-run-id', value: 'r1' },
        ],
      },
    };
    const item = (
      collection: ComputeCollection,
      name: string,
      scope: string,
      extra: Record<string, unknown> = {},
    ): AggregatedItem => ({ collection, scope, name, labels: {}, resource: { name, ...extra } });
    this.gcp.set('instances', [
      item('instances', 'gitspaces-us-central1-runner-vm', 'zones/us-central1-a'),
      item('instances', 'unrelated-vm', 'zones/us-central1-a'),
    ]);
    this.gcp.set('addresses', [item('addresses', 'gitspaces-us-central1-alb-ip', 'regions/us-central1')]);
    this.gcp.set('networks', [
      item('networks', 'gitspaces-network', 'global'),
      item('networks', 'default', 'global'),
    ]);
    this.gcp.set('subnetworks', [
      item('subnetworks', 'harnessdefault', 'regions/us-central1', {
        network: 'projects/acme-gitspaces/global/networks/gitspaces-network',
      }),
      item('subnetworks', 'default', 'regions/us-central1', {
        network: 'projects/acme-gitspaces/global/networks/default',
      }),
    ]);
    this.gcp.set('healthChecks', [item('healthChecks', 'autohealing-health-check', 'global')]);
    this.zones = [
      {
        name: 'gitspaces-acme-dev',
        dnsName: 'gitspaces.acme.dev.',
        nameServers: ['ns-cloud-a1.googledomains.com'],
      },
    ];
    this.records = [
      { name: 'gitspaces.acme.dev.', type: 'NS', rrdatas: ['ns-cloud-a1.googledomains.com.'] },
      { name: 'usc1.gitspaces.acme.dev.', type: 'A', rrdatas: ['34.1.2.3'] },
    ];
    this.tfState = ['module.gitspaces.terraform_data.network', 'module.gitspaces.terraform_data.dns_zone'];
  }

  compute(): TeardownCompute {
    const op = (name: string): Operation => ({ name, status: 'DONE' });
    return {
      getInstance: async () => structuredClone(this.vm),
      setInstanceMetadata: async (_p: string, _z: string, _n: string, changes: readonly MetadataChange[]) => {
        this.maybeFail('set-metadata');
        if (!this.vm) throw new RemoteError('compute', 404, 'no instance');
        const items = new Map((this.vm.metadata?.items ?? []).map((i) => [i.key, i.value ?? '']));
        for (const c of changes)
          if (c.value === null) items.delete(c.key);
          else items.set(c.key, c.value);
        this.vm.metadata = { items: [...items].map(([key, value]) => ({ key, value })) };
        this.mutations.push(
          `set-metadata ${changes.map((c) => `${c.key}=${c.value === null ? 'null' : 'set'}`).join(',')}`,
        );
        return op('setMetadata');
      },
      resetInstance: async () => {
        this.maybeFail('reset');
        this.mutations.push('reset');
        const script = this.vm?.metadata?.items?.find((i) => i.key === 'startup-script')?.value ?? '';
        if (script.includes('docker rm -f gitspaces-delegate')) {
          this.containers = [];
          this.guest[TEARDOWN_ATTRIBUTE] = 'stopped';
        }
        return op('reset');
      },
      getGuestAttributes: async () => ({ ...this.guest }),
    };
  }

  terraform(): TeardownTerraform {
    return {
      init: async () => {},
      destroy: async () => {
        this.maybeFail('destroy');
        this.mutations.push('terraform destroy');
        this.tfState = [];
        this.vm = undefined;
        this.guest = {};
        for (const k of ['instances', 'addresses', 'networks', 'subnetworks', 'healthChecks'] as const)
          this.gcp.set(
            k,
            (this.gcp.get(k) ?? []).filter((i) => !/^gitspaces-|^harnessdefault$|^autohealing/.test(i.name)),
          );
        this.zones = [];
        this.records = [];
        this.serviceAccountExists = false;
      },
      exec: async (args: string[]) => ({
        exitCode: 0,
        stdout: args[0] === 'state' ? this.tfState.join('\n') + '\n' : '',
        stderr: '',
      }),
    };
  }

  scanApis(dnsDelegates: string[] = []): OrphanScanApis {
    return {
      compute: { aggregatedList: async (_p, c) => structuredClone(this.gcp.get(c) ?? []) },
      dns: {
        listManagedZones: async () => structuredClone(this.zones),
        listRecordSets: async () => structuredClone(this.records),
      },
      certs: { listCertificates: async () => [], listDnsAuthorizations: async () => [] },
      iam: {
        getServiceAccount: async (_p, email) =>
          this.serviceAccountExists
            ? { name: `projects/acme-gitspaces/serviceAccounts/${email}`, email }
            : undefined,
      },
      dnsClient: {
        resolvers: ['127.0.0.1:53'],
        askResolvers: async (name: string) => [
          {
            status: 'fulfilled' as const,
            value: {
              server: '127.0.0.1:53',
              rcode: 'NOERROR',
              authoritative: false,
              truncated: false,
              answers: dnsDelegates.map((d) => ({ name, type: 'NS', ttl: 300, data: d })),
              authorities: [],
              additionals: [],
              transport: 'udp' as const,
            },
          },
        ],
        authoritativeServers: async () => [],
        askAuthoritative: async () => [],
      },
    };
  }
}
