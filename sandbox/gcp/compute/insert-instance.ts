import { Res, googleError } from '../../core/http.js';
import type { Json } from '../common.js';
import type { Insert } from './insert-request.js';
import {
  BASE,
  GLOBAL_CPUS,
  cpuQuotaMetric,
  fingerprint,
  invalid,
  parseLink,
  stamp,
  vcpus,
} from './resources.js';

/** An instance: machine type, quota (CPUS), boot disk created from its image, NICs with IPs, metadata, tags. */
export function prepareInstance(x: Insert): Res | undefined {
  const { body, p, name, rel, region, zone, extra, created, raw } = x;
  const { gcp, ce } = x.cx;
  if (typeof body.machineType !== 'string') return invalid('resource.machineType', '', 'Must be specified.');
  const mt = parseLink(body.machineType);
  if (!mt || !ce.machineType(p, zone as string, mt.name))
    return invalid('resource.machineType', body.machineType, 'Machine type with name was not found in zone.');
  // Its family's regional metric (N2_CPUS, ... or CPUS), then the project's CPUS_ALL_REGIONS.
  const q =
    x.checkQuota(cpuQuotaMetric(mt.name), vcpus(mt.name)) ?? x.checkProjectQuota(GLOBAL_CPUS, vcpus(mt.name));
  if (q) return q;
  const disks = Array.isArray(body.disks) ? (body.disks as Json[]) : [];
  if (!disks.some((d) => d.boot))
    return googleError(
      400,
      "Invalid value for field 'resource.disks': ''. Boot disk must be specified.",
      'invalid',
    );
  for (const [i, d] of disks.entries()) {
    const init = d.initializeParams as Json | undefined;
    if (init) {
      const miss = x.refMissing(init.sourceImage, `resource.disks[${i}].initializeParams.sourceImage`);
      if (miss) return miss;
      const diskName = typeof init.diskName === 'string' ? init.diskName : i === 0 ? name : `${name}-${i}`;
      const img = typeof init.sourceImage === 'string' ? ce.resolveImage(init.sourceImage) : undefined;
      const diskRel = `projects/${p}/zones/${zone}/disks/${diskName}`;
      created.push({
        rel: diskRel,
        body: {
          kind: 'compute#disk',
          sizeGb: String(init.diskSizeGb ?? img?.diskSizeGb ?? '10'),
          status: 'READY',
          sourceImage: img?.selfLink,
          type: `${BASE}projects/${p}/zones/${zone}/diskTypes/${typeof init.diskType === 'string' ? (init.diskType.split('/').pop() as string) : 'pd-standard'}`,
          users: [`${BASE}${rel}`],
          labels: init.labels,
        },
      });
      d.source = `${BASE}${diskRel}`;
      d.autoDelete = d.autoDelete ?? true;
      delete d.initializeParams;
    } else {
      const miss = x.refMissing(d.source, `resource.disks[${i}].source`);
      if (miss) return miss;
    }
    d.kind = 'compute#attachedDisk';
    d.index = i;
    d.deviceName = d.deviceName ?? (i === 0 ? 'persistent-disk-0' : `persistent-disk-${i}`);
    d.type = d.type ?? 'PERSISTENT';
    d.mode = d.mode ?? 'READ_WRITE';
    d.interface = d.interface ?? 'SCSI';
  }
  const nics = Array.isArray(body.networkInterfaces) ? (body.networkInterfaces as Json[]) : [{}];
  for (const [i, nic] of nics.entries()) {
    nic.network = nic.network ?? `${BASE}projects/${p}/global/networks/default`;
    if (!nic.subnetwork) {
      const sub = [...gcp.compute.values()].find(
        (s) =>
          s.kind === 'compute#subnetwork' &&
          s.network === nic.network &&
          s.region === `${BASE}projects/${p}/regions/${region}`,
      );
      if (sub) nic.subnetwork = sub.selfLink;
    }
    const miss =
      x.refMissing(nic.network, `resource.networkInterfaces[${i}].network`) ??
      x.refMissing(nic.subnetwork, `resource.networkInterfaces[${i}].subnetwork`);
    if (miss) return miss;
    nic.kind = 'compute#networkInterface';
    nic.name = `nic${i}`;
    nic.networkIP = nic.networkIP ?? ce.allocateInternalIp(nic.subnetwork as string | undefined);
    nic.fingerprint = fingerprint();
    nic.stackType = nic.stackType ?? 'IPV4_ONLY';
    for (const ac of (nic.accessConfigs as Json[] | undefined) ?? []) {
      ac.kind = 'compute#accessConfig';
      ac.type = ac.type ?? 'ONE_TO_ONE_NAT';
      ac.name = ac.name ?? 'External NAT';
      ac.natIP = ac.natIP ?? ce.allocateExternalIp();
      ac.networkTier = ac.networkTier ?? 'PREMIUM';
    }
  }
  body.networkInterfaces = nics;
  const md = (raw.metadata as Json | undefined) ?? {};
  const items = Array.isArray(md.items)
    ? (md.items as Json[]).map((it) => ({
        key: String(it.key),
        value: it.value === undefined ? '' : String(it.value),
      }))
    : [];
  body.metadata = items.length
    ? { kind: 'compute#metadata', fingerprint: fingerprint(), items }
    : { kind: 'compute#metadata', fingerprint: fingerprint() };
  const tags = raw.tags as Json | undefined;
  body.tags = tags?.items
    ? { items: tags.items, fingerprint: fingerprint() }
    : { fingerprint: fingerprint() };
  Object.assign(extra, {
    status: 'RUNNING',
    cpuPlatform: 'Intel Broadwell',
    lastStartTimestamp: stamp(),
    startRestricted: false,
    deletionProtection: false,
    fingerprint: fingerprint(),
  });
  body.scheduling = body.scheduling ?? {
    onHostMaintenance: 'MIGRATE',
    automaticRestart: true,
    preemptible: false,
    provisioningModel: 'STANDARD',
  };
  return undefined;
}

/** A managed instance group: its instance group created beside it, status and update policy as GCE fills them. */
export function prepareInstanceGroupManager(x: Insert): Res | undefined {
  const { body, p, name, region, extra, created, scope, sp } = x;
  const { ce } = x.cx;
  // The Terraform provider sends versions[] only (instanceTemplate is the API's older single-template field).
  body.instanceTemplate ??= ((body.versions as Json[] | undefined)?.[0] as Json | undefined)
    ?.instanceTemplate;
  const miss = x.refMissing(body.instanceTemplate, 'resource.instanceTemplate');
  if (miss) return miss;
  if (typeof body.instanceTemplate !== 'string')
    return invalid('resource.instanceTemplate', '', 'Must be specified.');
  if (region && scope.kind === 'regions') {
    const q = x.checkQuota('INSTANCE_GROUP_MANAGERS', 1);
    if (q) return q;
  }
  const igRel = `projects/${p}/${sp}/instanceGroups/${name}`;
  created.push({
    rel: igRel,
    body: {
      kind: 'compute#instanceGroup',
      size: Number(body.targetSize ?? 0),
      namedPorts: body.namedPorts,
      fingerprint: fingerprint(),
    },
  });
  extra.instanceGroup = `${BASE}${igRel}`;
  extra.fingerprint = fingerprint();
  extra.status = {
    isStable: true,
    versionTarget: { isReached: true },
    stateful: { hasStatefulConfig: false },
    allInstancesConfig: { effective: true },
  };
  extra.currentActions = {
    none: Number(body.targetSize ?? 0),
    creating: 0,
    creatingWithoutRetries: 0,
    verifying: 0,
    recreating: 0,
    deleting: 0,
    abandoning: 0,
    restarting: 0,
    refreshing: 0,
    resuming: 0,
    starting: 0,
    stopping: 0,
    suspending: 0,
  };
  body.baseInstanceName = body.baseInstanceName ?? name;
  body.targetSize = Number(body.targetSize ?? 0);
  body.listManagedInstancesResults = body.listManagedInstancesResults ?? 'PAGELESS';
  body.updatePolicy = body.updatePolicy ?? {
    type: 'OPPORTUNISTIC',
    minimalAction: 'REPLACE',
    maxSurge: { fixed: 3, calculated: 3 },
    maxUnavailable: { fixed: 3, calculated: 3 },
    replacementMethod: 'SUBSTITUTE',
  };
  if (scope.kind === 'regions') {
    const zones = ce.zonesOf().filter((z) => z.region === region);
    body.distributionPolicy = body.distributionPolicy ?? {
      zones: zones.map((z) => ({ zone: `${BASE}projects/${p}/zones/${z.zone}` })),
      targetShape: 'EVEN',
    };
  }
  return undefined;
}
