import type { ObjectValue, Value } from '../cty.js';
import { lastSegment } from '../resource.js';
import { Json, computeResource, list, str } from './compute-base.js';

/** google_compute_instance: the runner VM of the post-0.0.3 module (Compute v1 instances, zonal). */

const first = (v: Value | undefined) => list(v)[0] as ObjectValue | undefined;

export const instance = computeResource({
  kind: 'Instance',
  collection: 'instances',
  scope: 'zone',
  toApi: (v) => {
    const zone = lastSegment(v.zone);
    const boot = first(v.boot_disk);
    const init = first(boot?.initialize_params);
    const metadata = { ...((v.metadata as Record<string, string> | null) ?? {}) };
    if (typeof v.metadata_startup_script === 'string') metadata['startup-script'] = v.metadata_startup_script;
    const sa = first(v.service_account);
    return {
      name: v.name,
      machineType: `zones/${zone}/machineTypes/${lastSegment(v.machine_type)}`,
      description: str(v.description),
      hostname: str(v.hostname),
      canIpForward: v.can_ip_forward,
      deletionProtection: v.deletion_protection,
      labels: v.labels ?? undefined,
      tags: list(v.tags).length ? { items: v.tags } : undefined,
      metadata: { items: Object.entries(metadata).map(([key, value]) => ({ key, value })) },
      disks: [
        {
          boot: true,
          autoDelete: boot?.auto_delete ?? true,
          mode: boot?.mode ?? 'READ_WRITE',
          source: str(boot?.source),
          initializeParams: init
            ? {
                sourceImage: str(init.image),
                diskSizeGb: typeof init.size === 'number' ? String(init.size) : undefined,
                diskType: str(init.type) ? `zones/${zone}/diskTypes/${lastSegment(init.type)}` : undefined,
              }
            : undefined,
        },
      ],
      networkInterfaces: list(v.network_interface).map((n) => {
        const nic = n as ObjectValue;
        return {
          network: str(nic.network),
          subnetwork: str(nic.subnetwork),
          networkIP: str(nic.network_ip),
          accessConfigs: list(nic.access_config).map((a) => ({
            natIP: str((a as ObjectValue).nat_ip),
            networkTier: str((a as ObjectValue).network_tier),
          })),
        };
      }),
      serviceAccounts: sa ? [{ email: str(sa.email) ?? 'default', scopes: sa.scopes }] : undefined,
    };
  },
  fromApi: (b) => ({
    name: b.name as string,
    zone: lastSegment(b.zone),
    machine_type: lastSegment(b.machineType),
    current_status: (b.status as string) ?? null,
    instance_id: String(b.id ?? ''),
    cpu_platform: (b.cpuPlatform as string) ?? null,
    metadata_fingerprint: (((b.metadata as Json | undefined) ?? {}).fingerprint as string) ?? null,
    tags_fingerprint: (((b.tags as Json | undefined) ?? {}).fingerprint as string) ?? null,
    label_fingerprint: (b.labelFingerprint as string) ?? null,
    effective_labels: (b.labels as ObjectValue) ?? {},
    terraform_labels: (b.labels as ObjectValue) ?? {},
    creation_timestamp: (b.creationTimestamp as string) ?? null,
    self_link: b.selfLink as string,
  }),
});
