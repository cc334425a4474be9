import type { ObjectValue, Value } from '../cty.js';
import { lastSegment } from '../resource.js';
import { GoogleApiError } from '../google-api.js';
import type { ResourceImpl } from '../resource.js';
import { Json, computeBase, computeResource, list, str } from './compute-base.js';

/** google_compute_instance: the runner VM of the post-0.0.3 module (Compute v1 instances, zonal). */

const first = (v: Value | undefined) => list(v)[0] as ObjectValue | undefined;

const base = computeResource({
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

const relative = (link: unknown) => String(link ?? '').replace(/^https?:\/\/[^/]+\/compute\/v1\//, '');

/**
 * Read as the provider's resourceComputeInstanceRead does: besides the instance's own fields, the boot disk
 * (`initialize_params` from the disk itself: its source image, size and type, flattened to the type's name), the
 * network interfaces and the tags, so that an imported instance plans as no change when it matches the
 * configuration. The metadata is not read back: install-runner writes the runner's keys there.
 */
export const instance: ResourceImpl = {
  ...base,
  // As the provider's create ends: with a read of everything (the boot disk's device name and source included).
  async create(ctx, planned) {
    const created = await base.create(ctx, planned);
    return (await instance.read(ctx, { ...planned, ...created })) ?? created;
  },
  async read(ctx, state) {
    const seen = await base.read(ctx, state);
    if (!seen) return null;
    const url = `${computeBase(ctx)}/projects/${String(seen.project)}/zones/${String(seen.zone)}/instances/${String(seen.name)}`;
    const b = await ctx.api.call('GET', url, undefined, ctx.deadline);
    const disks = (b.disks as Json[] | undefined) ?? [];
    const boot = disks.find((d) => d.boot);
    let initialize: ObjectValue[] = [];
    if (boot?.source) {
      try {
        const disk = await ctx.api.call(
          'GET',
          `${computeBase(ctx)}/${relative(boot.source)}`,
          undefined,
          ctx.deadline,
        );
        initialize = [
          {
            image: (disk.sourceImage as string) ?? null,
            size: Number(disk.sizeGb ?? 0) || null,
            type: lastSegment(disk.type) || null,
            labels: (disk.labels as ObjectValue) ?? {},
          },
        ];
      } catch (e) {
        if (!(e instanceof GoogleApiError && e.status === 404)) throw e;
      }
    }
    return {
      ...seen,
      tags: ((b.tags as Json | undefined)?.items as string[] | undefined) ?? null,
      boot_disk: boot
        ? [
            {
              auto_delete: (boot.autoDelete as boolean) ?? true,
              device_name: (boot.deviceName as string) ?? null,
              mode: (boot.mode as string) ?? 'READ_WRITE',
              source: (boot.source as string) ?? null,
              initialize_params: initialize,
            },
          ]
        : [],
      network_interface: ((b.networkInterfaces as Json[] | undefined) ?? []).map((n) => ({
        network: (n.network as string) ?? null,
        subnetwork: (n.subnetwork as string) ?? null,
        subnetwork_project: String(n.subnetwork ?? '').split('/')[6] ?? null,
        network_ip: (n.networkIP as string) ?? null,
        name: (n.name as string) ?? null,
        stack_type: (n.stackType as string) ?? 'IPV4_ONLY',
        access_config: ((n.accessConfigs as Json[] | undefined) ?? []).map((a) => ({
          nat_ip: (a.natIP as string) ?? null,
          network_tier: (a.networkTier as string) ?? null,
        })),
      })),
    };
  },
};
