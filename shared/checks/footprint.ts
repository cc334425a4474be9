import type { GitspacesConfig } from '../config/schema.js';

/**
 * What the module (and the gitspaces of the config) will use, derived from the resources it creates
 * (gitspaces-spec.md §1.4): the permissions IAM-001 tests and the per-region footprint QUOTA-001 compares.
 */
export function modulePermissions(config: GitspacesConfig): string[] {
  const tf = config.terraform;
  const post = tf.module.generation === 'post-0.0.3';
  const perms = [
    // VPC, subnets (default + proxy-only), firewall rules, router + NAT
    'compute.networks.create',
    'compute.networks.get',
    'compute.networks.updatePolicy',
    'compute.subnetworks.create',
    'compute.subnetworks.get',
    'compute.subnetworks.use',
    'compute.firewalls.create',
    'compute.firewalls.get',
    'compute.routers.create',
    'compute.routers.get',
    'compute.routers.update',
    // static addresses (NAT, ALB, NLB)
    'compute.addresses.create',
    'compute.addresses.get',
    'compute.addresses.use',
    // gateway template + regional MIG + autohealing health check
    'compute.instanceTemplates.create',
    'compute.instanceTemplates.get',
    'compute.instanceTemplates.useReadOnly',
    'compute.instanceGroupManagers.create',
    'compute.instanceGroupManagers.get',
    'compute.instanceGroups.create',
    'compute.instanceGroups.use',
    'compute.healthChecks.create',
    'compute.healthChecks.get',
    'compute.healthChecks.useReadOnly',
    'compute.regionHealthChecks.create',
    'compute.regionHealthChecks.useReadOnly',
    // ALB and NLB chains
    'compute.regionBackendServices.create',
    'compute.regionBackendServices.get',
    'compute.regionBackendServices.use',
    'compute.regionUrlMaps.create',
    'compute.regionUrlMaps.use',
    'compute.regionTargetHttpsProxies.create',
    'compute.regionTargetHttpsProxies.use',
    'compute.forwardingRules.create',
    'compute.forwardingRules.get',
    // instances the MIG, the runner and the VM runner create
    'compute.instances.create',
    'compute.instances.get',
    'compute.instances.delete',
    'compute.instances.setMetadata',
    'compute.instances.setTags',
    'compute.instances.setLabels',
    'compute.disks.create',
    'compute.images.useReadOnly',
    'compute.images.get',
    'compute.regions.get',
    'compute.zones.get',
    'compute.regionOperations.get',
    'compute.zoneOperations.get',
    'compute.globalOperations.get',
    // the module's service account and its role binding
    'iam.serviceAccounts.create',
    'iam.serviceAccounts.get',
    'iam.serviceAccounts.actAs',
    'resourcemanager.projects.getIamPolicy',
    'resourcemanager.projects.setIamPolicy',
  ];
  if (tf.certificate.mode === 'files')
    perms.push('compute.regionSslCertificates.create', 'compute.regionSslCertificates.get');
  // The zone is read even when the module does not manage it (unconditional data source).
  perms.push('dns.managedZones.get', 'dns.managedZones.list');
  if (tf.manage_dns_zone)
    perms.push(
      'dns.managedZones.create',
      'dns.resourceRecordSets.create',
      'dns.resourceRecordSets.list',
      'dns.changes.create',
      'dns.changes.get',
    );
  if (tf.manage_dns_zone && tf.certificate.mode === 'certificate-manager') {
    perms.push(
      'certificatemanager.certs.create',
      'certificatemanager.certs.get',
      'certificatemanager.certs.use',
      'certificatemanager.dnsauthorizations.create',
      'certificatemanager.dnsauthorizations.get',
      'certificatemanager.dnsauthorizations.use',
      'certificatemanager.operations.get',
    );
  }
  if (post && config.infrastructure.gateway.instances > 1)
    perms.push('redis.instances.create', 'redis.instances.get', 'redis.operations.get');
  return [...new Set(perms)];
}

/** vCPUs a machine type counts against the CPUS quota (shared-core types count as their vCPU number). */
export function vcpusOf(machineType: string): { vcpus: number; known: boolean } {
  const t = machineType.toLowerCase();
  const custom = t.match(/custom-(\d+)-\d+/);
  if (custom) return { vcpus: Number(custom[1]), known: true };
  const std = t.match(/^[a-z0-9]+-(?:standard|highmem|highcpu|highgpu|megamem|ultramem)-(\d+)/);
  if (std) return { vcpus: Number(std[1]), known: true };
  if (/^(e2-(micro|small|medium)|f1-micro|g1-small)$/.test(t)) return { vcpus: 2, known: true };
  return { vcpus: 2, known: false };
}

export interface RegionNeed {
  region: string;
  /** metric -> amount needed. */
  needs: Record<string, number>;
  notes: string[];
}

/** The footprint per region: gateways (MIG), the runner VM (post-0.0.3), three static addresses, the gitspace VMs. */
export function regionFootprint(config: GitspacesConfig): RegionNeed[] {
  const infra = config.infrastructure;
  const gw = vcpusOf(infra.gateway.machine_type);
  const post = config.terraform.module.generation === 'post-0.0.3';
  return Object.keys(infra.regions).map((region) => {
    const notes: string[] = [];
    let cpus = gw.vcpus * infra.gateway.instances;
    let disk = 50 * infra.gateway.instances;
    notes.push(`${infra.gateway.instances} gateway(s) ${infra.gateway.machine_type}`);
    if (!gw.known) notes.push(`${infra.gateway.machine_type} counted as 2 vCPUs`);
    if (post && config.terraform.create_runner_vm && infra.runner.region === region) {
      cpus += gw.vcpus; // the runner VM uses the gateway's machine type
      disk += 30;
      notes.push('runner VM');
    }
    // Gitspace VMs: one per declared gitspace on a machine of this region (at least one per machine).
    for (const m of config.machines.filter((x) => x.region === region)) {
      const count = Math.max(1, config.gitspaces.filter((g) => g.machine === m.name).length);
      const v = vcpusOf(m.machine_type);
      cpus += v.vcpus * count;
      disk += (m.boot_disk_size + m.persistent_disk_size) * count;
      notes.push(`${count} × ${m.machine_type} (${m.name})`);
    }
    return {
      region,
      needs: {
        CPUS: cpus,
        STATIC_ADDRESSES: 3,
        IN_USE_ADDRESSES: 3,
        INSTANCE_GROUP_MANAGERS: 1,
        INSTANCE_GROUPS: 1,
        DISKS_TOTAL_GB: disk,
      },
      notes,
    };
  });
}
