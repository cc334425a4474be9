import { randomBytes } from 'node:crypto';
import type { ObjectValue, Value } from '../cty.js';
import { GoogleApiError } from '../google-api.js';
import { ResourceImpl, lastSegment, projectOf, regionOf } from '../resource.js';
import {
  Json,
  computeBase,
  computeResource,
  list,
  patchWith,
  regionName,
  str,
  waitCompute,
} from './compute-base.js';

/**
 * The gateway's resources (instance template, managed instance group, health checks), its NAT (router and
 * router NAT) and its load balancers (backend services, URL map, HTTPS proxy, SSL certificate, forwarding
 * rules). Field names are Compute v1's (REST reference of each collection); what the provider sends and reads
 * back follows its generated code for each resource.
 */

const first = (v: Value | undefined): ObjectValue | undefined => list(v)[0] as ObjectValue | undefined;
const defined = (o: Json): Json =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null));
// Numbers as the API spells them: decimal strings stay strings (cty reads IDs beyond 2^53 exactly; see cty.ts).
const num = (v: unknown): number | string | null =>
  v === undefined || v === null ? null : typeof v === 'string' ? v : Number(v);
const common = (b: Json): ObjectValue => ({
  name: b.name as string,
  creation_timestamp: (b.creationTimestamp as string) ?? null,
  self_link: b.selfLink as string,
});

/** The provider's resource.UniqueId-style suffix for generated names (name_prefix, or neither name given). */
function uniqueName(prefix: string): string {
  const now = new Date();
  const stamp = now
    .toISOString()
    .replace(/[-:TZ.]/g, '')
    .slice(0, 14);
  return `${prefix}${stamp}${randomBytes(6).toString('hex').slice(0, 10)}`;
}

function templateProperties(v: ObjectValue): Json {
  const metadata = { ...((v.metadata as Record<string, string> | null) ?? {}) };
  if (typeof v.metadata_startup_script === 'string') metadata['startup-script'] = v.metadata_startup_script;
  const sa = first(v.service_account);
  const sched = first(v.scheduling);
  return defined({
    machineType: v.machine_type,
    description: str(v.instance_description),
    canIpForward: v.can_ip_forward,
    minCpuPlatform: str(v.min_cpu_platform),
    labels: v.labels ?? undefined,
    tags: list(v.tags).length ? { items: v.tags } : undefined,
    metadata: { items: Object.entries(metadata).map(([key, value]) => ({ key, value })) },
    disks: list(v.disk).map((d) => {
      const disk = d as ObjectValue;
      return defined({
        autoDelete: disk.auto_delete,
        boot: disk.boot,
        deviceName: str(disk.device_name),
        type: str(disk.type) ?? 'PERSISTENT',
        source: str(disk.source),
        mode: str(disk.mode),
        interface: str(disk.interface),
        initializeParams: defined({
          sourceImage: str(disk.source_image),
          diskSizeGb: typeof disk.disk_size_gb === 'number' ? String(disk.disk_size_gb) : undefined,
          diskType: str(disk.disk_type),
          diskName: str(disk.disk_name),
        }),
      });
    }),
    networkInterfaces: list(v.network_interface).map((n) => {
      const nic = n as ObjectValue;
      return defined({
        network: str(nic.network),
        subnetwork: str(nic.subnetwork),
        networkIP: str(nic.network_ip),
        accessConfigs: list(nic.access_config).map((a) =>
          defined({
            natIP: str((a as ObjectValue).nat_ip),
            networkTier: str((a as ObjectValue).network_tier),
          }),
        ),
      });
    }),
    serviceAccounts: sa ? [{ email: str(sa.email) ?? 'default', scopes: sa.scopes }] : undefined,
    scheduling: sched
      ? defined({
          automaticRestart: sched.automatic_restart,
          onHostMaintenance: str(sched.on_host_maintenance),
          preemptible: sched.preemptible,
        })
      : undefined,
  });
}

export const regionInstanceTemplate: ResourceImpl = (() => {
  const base = computeResource({
    kind: 'RegionInstanceTemplate',
    collection: 'instanceTemplates',
    scope: 'region',
    toApi: (v) => ({ name: v.name, description: str(v.description), properties: templateProperties(v) }),
    fromApi: (b) => {
      const props = (b.properties as Json | undefined) ?? {};
      const md = ((props.metadata as Json | undefined) ?? {}) as Json;
      return {
        ...common(b),
        region: regionName(b),
        machine_type: lastSegment(props.machineType),
        metadata_fingerprint: (md.fingerprint as string) ?? null,
        tags_fingerprint: (((props.tags as Json | undefined) ?? {}).fingerprint as string) ?? null,
        numeric_id: String(b.id ?? ''),
      };
    },
  });
  return {
    ...base,
    // The name is the configured one, else name_prefix plus a unique suffix (as the provider generates it).
    create: (ctx, planned) =>
      base
        .create(ctx, { ...planned, name: str(planned.name) ?? uniqueName(str(planned.name_prefix) ?? 'tf-') })
        .then((o) => ({ ...o, name_prefix: planned.name_prefix ?? null })),
  };
})();

function healthCheckBody(v: ObjectValue): Json {
  const tcp = first(v.tcp_health_check);
  const http = first(v.http_health_check);
  return defined({
    name: v.name,
    description: str(v.description),
    checkIntervalSec: v.check_interval_sec,
    timeoutSec: v.timeout_sec,
    healthyThreshold: v.healthy_threshold,
    unhealthyThreshold: v.unhealthy_threshold,
    type: tcp ? 'TCP' : http ? 'HTTP' : undefined,
    tcpHealthCheck: tcp
      ? defined({
          port: tcp.port,
          portName: str(tcp.port_name),
          portSpecification: str(tcp.port_specification),
          proxyHeader: tcp.proxy_header,
          request: str(tcp.request),
          response: str(tcp.response),
        })
      : undefined,
    httpHealthCheck: http
      ? defined({
          port: http.port,
          host: str(http.host),
          requestPath: http.request_path,
          proxyHeader: http.proxy_header,
        })
      : undefined,
    logConfig: first(v.log_config) ? { enable: first(v.log_config)?.enable } : undefined,
  });
}
const healthCheckBack = (b: Json): ObjectValue => ({
  ...common(b),
  type: (b.type as string) ?? null,
  check_interval_sec: num(b.checkIntervalSec),
  timeout_sec: num(b.timeoutSec),
  healthy_threshold: num(b.healthyThreshold),
  unhealthy_threshold: num(b.unhealthyThreshold),
});

export const healthCheck = computeResource({
  kind: 'HealthCheck',
  collection: 'healthChecks',
  scope: 'global',
  toApi: healthCheckBody,
  fromApi: healthCheckBack,
  update: (ctx, url, _p, planned, current) =>
    patchWith(ctx, url, healthCheckBody(planned), current, 'HealthCheck'),
});

export const regionHealthCheck = computeResource({
  kind: 'RegionHealthCheck',
  collection: 'healthChecks',
  scope: 'region',
  toApi: healthCheckBody,
  fromApi: (b) => ({ ...healthCheckBack(b), region: regionName(b), health_check_id: num(b.id) }),
  update: (ctx, url, _p, planned, current) =>
    patchWith(ctx, url, healthCheckBody(planned), current, 'RegionHealthCheck'),
});

function igmBody(v: ObjectValue): Json {
  const heal = first(v.auto_healing_policies);
  const life = first(v.instance_lifecycle_policy);
  return defined({
    name: v.name,
    description: str(v.description),
    baseInstanceName: v.base_instance_name,
    targetSize: typeof v.target_size === 'number' ? v.target_size : undefined,
    listManagedInstancesResults: v.list_managed_instances_results,
    versions: list(v.version).map((x) =>
      defined({ name: str((x as ObjectValue).name), instanceTemplate: (x as ObjectValue).instance_template }),
    ),
    namedPorts: list(v.named_port).map((p) => ({
      name: (p as ObjectValue).name,
      port: (p as ObjectValue).port,
    })),
    autoHealingPolicies: heal
      ? [{ healthCheck: heal.health_check, initialDelaySec: heal.initial_delay_sec }]
      : undefined,
    instanceLifecyclePolicy: life
      ? {
          forceUpdateOnRepair: life.force_update_on_repair,
          defaultActionOnFailure: life.default_action_on_failure,
        }
      : undefined,
    targetPools: list(v.target_pools).length ? v.target_pools : undefined,
    distributionPolicy: list(v.distribution_policy_zones).length
      ? {
          zones: list(v.distribution_policy_zones).map((z) => ({ zone: `zones/${lastSegment(z)}` })),
          targetShape: str(v.distribution_policy_target_shape),
        }
      : undefined,
  });
}

export const regionInstanceGroupManager = computeResource({
  kind: 'RegionInstanceGroupManager',
  collection: 'instanceGroupManagers',
  scope: 'region',
  toApi: igmBody,
  fromApi: (b) => ({
    ...common(b),
    region: regionName(b),
    base_instance_name: b.baseInstanceName as string,
    target_size: num(b.targetSize),
    instance_group: (b.instanceGroup as string) ?? null,
    fingerprint: (b.fingerprint as string) ?? null,
    instance_group_manager_id: num(b.id),
    distribution_policy_zones:
      ((b.distributionPolicy as Json | undefined)?.zones as Json[] | undefined)?.map((z) =>
        lastSegment(z.zone),
      ) ?? null,
    distribution_policy_target_shape:
      ((b.distributionPolicy as Json | undefined)?.targetShape as string) ?? null,
  }),
  update: (ctx, url, _p, planned, current) => {
    const body = igmBody(planned);
    return patchWith(
      ctx,
      url,
      {
        versions: body.versions,
        targetSize: body.targetSize,
        autoHealingPolicies: body.autoHealingPolicies,
        namedPorts: body.namedPorts,
      },
      current,
      'RegionInstanceGroupManager',
    );
  },
});

function backendServiceBody(v: ObjectValue): Json {
  return defined({
    name: v.name,
    description: str(v.description),
    protocol: str(v.protocol),
    portName: str(v.port_name),
    timeoutSec: typeof v.timeout_sec === 'number' ? v.timeout_sec : undefined,
    loadBalancingScheme: v.load_balancing_scheme,
    healthChecks: list(v.health_checks).length ? v.health_checks : undefined,
    sessionAffinity: str(v.session_affinity),
    network: str(v.network),
    connectionDraining: { drainingTimeoutSec: v.connection_draining_timeout_sec },
    backends: list(v.backend).map((x) => {
      const b = x as ObjectValue;
      return defined({
        group: b.group,
        balancingMode: b.balancing_mode,
        capacityScaler: b.capacity_scaler,
        description: str(b.description),
        maxConnections: b.max_connections,
        maxConnectionsPerInstance: b.max_connections_per_instance,
        maxRate: b.max_rate,
        maxRatePerInstance: b.max_rate_per_instance,
        maxUtilization: b.max_utilization,
      });
    }),
  });
}

export const regionBackendService = computeResource({
  kind: 'RegionBackendService',
  collection: 'backendServices',
  scope: 'region',
  toApi: backendServiceBody,
  fromApi: (b) => ({
    ...common(b),
    region: regionName(b),
    protocol: (b.protocol as string) ?? null,
    port_name: (b.portName as string) ?? null,
    timeout_sec: num(b.timeoutSec),
    session_affinity: (b.sessionAffinity as string) ?? 'NONE',
    fingerprint: (b.fingerprint as string) ?? null,
    generated_id: num(b.id),
    health_checks: (b.healthChecks as string[]) ?? null,
  }),
  update: (ctx, url, _p, planned, current) =>
    patchWith(ctx, url, backendServiceBody(planned), current, 'RegionBackendService'),
});

export const regionUrlMap = computeResource({
  kind: 'RegionUrlMap',
  collection: 'urlMaps',
  scope: 'region',
  toApi: (v) =>
    defined({ name: v.name, description: str(v.description), defaultService: str(v.default_service) }),
  fromApi: (b) => ({
    ...common(b),
    region: regionName(b),
    default_service: (b.defaultService as string) ?? null,
    map_id: num(b.id),
    fingerprint: (b.fingerprint as string) ?? null,
  }),
  update: (ctx, url, _p, planned, current) =>
    patchWith(ctx, url, { defaultService: planned.default_service }, current, 'RegionUrlMap'),
});

const proxyBody = (v: ObjectValue): Json =>
  defined({
    name: v.name,
    description: str(v.description),
    urlMap: v.url_map,
    sslCertificates: list(v.ssl_certificates).length ? v.ssl_certificates : undefined,
    certificateManagerCertificates: list(v.certificate_manager_certificates).length
      ? v.certificate_manager_certificates
      : undefined,
    sslPolicy: str(v.ssl_policy),
    httpKeepAliveTimeoutSec: v.http_keep_alive_timeout_sec,
  });

export const regionTargetHttpsProxy = computeResource({
  kind: 'RegionTargetHttpsProxy',
  collection: 'targetHttpsProxies',
  scope: 'region',
  toApi: proxyBody,
  fromApi: (b) => ({ ...common(b), region: regionName(b), url_map: b.urlMap as string, proxy_id: num(b.id) }),
  update: (ctx, url, _p, planned, current) =>
    patchWith(ctx, url, proxyBody(planned), current, 'RegionTargetHttpsProxy'),
});

export const regionSslCertificate: ResourceImpl = (() => {
  const base = computeResource({
    kind: 'RegionSslCertificate',
    collection: 'sslCertificates',
    scope: 'region',
    toApi: (v) =>
      defined({
        name: v.name,
        description: str(v.description),
        certificate: v.certificate,
        privateKey: v.private_key,
      }),
    fromApi: (b) => ({
      ...common(b),
      region: regionName(b),
      certificate_id: num(b.id),
      expire_time: (b.expireTime as string) ?? null,
    }),
  });
  return {
    ...base,
    create: (ctx, planned) =>
      base.create(ctx, {
        ...planned,
        name: str(planned.name) ?? uniqueName(str(planned.name_prefix) ?? 'tf-'),
      }),
  };
})();

const forwardingRuleBody = (v: ObjectValue): Json =>
  defined({
    name: v.name,
    description: str(v.description),
    IPAddress: str(v.ip_address),
    IPProtocol: str(v.ip_protocol),
    portRange: str(v.port_range),
    ports: list(v.ports).length ? v.ports : undefined,
    allPorts: v.all_ports ?? undefined,
    loadBalancingScheme: v.load_balancing_scheme,
    backendService: str(v.backend_service),
    target: str(v.target),
    network: str(v.network),
    subnetwork: str(v.subnetwork),
    networkTier: str(v.network_tier),
    ipVersion: str(v.ip_version),
    labels: v.labels ?? undefined,
  });

export const forwardingRule = computeResource({
  kind: 'ForwardingRule',
  collection: 'forwardingRules',
  scope: 'region',
  toApi: forwardingRuleBody,
  fromApi: (b) => ({
    ...common(b),
    region: regionName(b),
    ip_address: (b.IPAddress as string) ?? null,
    ip_protocol: (b.IPProtocol as string) ?? null,
    port_range: (b.portRange as string) ?? null,
    target: (b.target as string) ?? null,
    network_tier: (b.networkTier as string) ?? 'PREMIUM',
    forwarding_rule_id: num(b.id),
    label_fingerprint: (b.labelFingerprint as string) ?? null,
    effective_labels: (b.labels as ObjectValue) ?? {},
    terraform_labels: (b.labels as ObjectValue) ?? {},
  }),
  // setTarget is the only in-place change the provider makes to a regional forwarding rule.
  update: async (ctx, url, _p, planned) => {
    const op = await ctx.api.call('POST', `${url}/setTarget`, { target: planned.target }, ctx.deadline);
    await waitCompute(ctx, op, 'Updating ForwardingRule');
  },
});

export const router = computeResource({
  kind: 'Router',
  collection: 'routers',
  scope: 'region',
  toApi: (v) => {
    const bgp = first(v.bgp);
    return defined({
      name: v.name,
      network: v.network,
      description: str(v.description),
      encryptedInterconnectRouter: v.encrypted_interconnect_router ?? undefined,
      bgp: bgp
        ? defined({
            asn: bgp.asn,
            advertiseMode: bgp.advertise_mode,
            advertisedGroups: list(bgp.advertised_groups).length ? bgp.advertised_groups : undefined,
            keepaliveInterval: bgp.keepalive_interval,
            identifierRange: str(bgp.identifier_range),
          })
        : undefined,
    });
  },
  fromApi: (b) => ({ ...common(b), region: regionName(b), network: b.network as string }),
  update: (ctx, url, _p, planned, current) =>
    patchWith(ctx, url, { bgp: { asn: first(planned.bgp)?.asn } }, current, 'Router'),
});

function natBody(v: ObjectValue): Json {
  const log = first(v.log_config);
  return defined({
    name: v.name,
    natIpAllocateOption: str(v.nat_ip_allocate_option),
    natIps: list(v.nat_ips).length ? v.nat_ips : undefined,
    drainNatIps: list(v.drain_nat_ips).length ? v.drain_nat_ips : undefined,
    sourceSubnetworkIpRangesToNat: v.source_subnetwork_ip_ranges_to_nat,
    minPortsPerVm: v.min_ports_per_vm,
    maxPortsPerVm: v.max_ports_per_vm,
    udpIdleTimeoutSec: v.udp_idle_timeout_sec,
    icmpIdleTimeoutSec: v.icmp_idle_timeout_sec,
    tcpEstablishedIdleTimeoutSec: v.tcp_established_idle_timeout_sec,
    tcpTransitoryIdleTimeoutSec: v.tcp_transitory_idle_timeout_sec,
    tcpTimeWaitTimeoutSec: v.tcp_time_wait_timeout_sec,
    type: v.type,
    logConfig: log ? { enable: log.enable, filter: log.filter } : undefined,
    subnetworks: list(v.subnetwork).map((s) => ({
      name: (s as ObjectValue).name,
      sourceIpRangesToNat: (s as ObjectValue).source_ip_ranges_to_nat,
    })),
  });
}

/**
 * google_compute_router_nat is a field of its router: the provider reads the router, edits its `nats` list and
 * PATCHes it back with the router's fingerprint (resource_compute_router_nat.go, mutex on the router).
 */
export const routerNat: ResourceImpl = (() => {
  const routerUrl = (ctx: Parameters<ResourceImpl['create']>[0], v: ObjectValue) =>
    `${computeBase(ctx)}/projects/${projectOf(ctx, v)}/regions/${lastSegment(regionOf(ctx, v))}/routers/${lastSegment(v.router)}`;
  const idOf = (ctx: { defaults: { project?: string; region?: string } }, v: ObjectValue) =>
    `${projectOf(ctx, v)}/${lastSegment(regionOf(ctx, v))}/${lastSegment(v.router)}/${String(v.name)}`;
  const edit = async (
    ctx: Parameters<ResourceImpl['create']>[0],
    v: ObjectValue,
    change: (nats: Json[]) => Json[],
    activity: string,
  ) => {
    const url = routerUrl(ctx, v);
    const current = await ctx.api.call('GET', url, undefined, ctx.deadline);
    await patchWith(
      ctx,
      url,
      { nats: change((current.nats as Json[] | undefined) ?? []) },
      current,
      activity,
    );
  };
  const read = async (
    ctx: Parameters<ResourceImpl['create']>[0],
    v: ObjectValue,
  ): Promise<ObjectValue | null> => {
    let current: Json;
    try {
      current = await ctx.api.call('GET', routerUrl(ctx, v), undefined, ctx.deadline);
    } catch (e) {
      if (e instanceof GoogleApiError && e.status === 404) return null;
      throw e;
    }
    const nat = ((current.nats as Json[] | undefined) ?? []).find((n) => n.name === v.name);
    if (!nat) return null;
    return {
      id: idOf(ctx, v),
      project: projectOf(ctx, v),
      region: lastSegment(regionOf(ctx, v)),
      name: nat.name as string,
      nat_ip_allocate_option: (nat.natIpAllocateOption as string) ?? null,
      source_subnetwork_ip_ranges_to_nat: (nat.sourceSubnetworkIpRangesToNat as string) ?? null,
      nat_ips: (nat.natIps as string[]) ?? [],
      enable_endpoint_independent_mapping: (nat.enableEndpointIndependentMapping as boolean) ?? false,
      enable_dynamic_port_allocation: (nat.enableDynamicPortAllocation as boolean) ?? false,
      min_ports_per_vm: num(nat.minPortsPerVm) ?? 64,
      endpoint_types: (nat.endpointTypes as string[]) ?? ['ENDPOINT_TYPE_VM'],
      auto_network_tier: (nat.autoNetworkTier as string) ?? 'PREMIUM',
    };
  };
  return {
    async create(ctx, planned) {
      await edit(
        ctx,
        planned,
        (nats) => {
          if (nats.some((n) => n.name === planned.name))
            throw new Error(
              `Error creating RouterNat: Router ${lastSegment(planned.router)} already has a NAT named ${String(planned.name)}`,
            );
          return [...nats, natBody(planned)];
        },
        'Creating RouterNat',
      ).catch((e: Error) => {
        throw new Error(
          e.message.startsWith('Error') ? e.message : `Error creating RouterNat: ${e.message}`,
          { cause: e },
        );
      });
      return (await read(ctx, planned)) ?? {};
    },
    read,
    async update(ctx, _prior, planned) {
      await edit(
        ctx,
        planned,
        (nats) => nats.map((n) => (n.name === planned.name ? natBody(planned) : n)),
        'Updating RouterNat',
      );
      return (await read(ctx, planned)) ?? {};
    },
    async delete(ctx, state) {
      await edit(ctx, state, (nats) => nats.filter((n) => n.name !== state.name), 'Deleting RouterNat').catch(
        (e: unknown) => {
          if (!(e instanceof GoogleApiError && e.status === 404)) throw e;
        },
      );
    },
    importState(ctx, id) {
      const parts = id.split('/');
      const [project, region, routerName, name] =
        parts.length === 4
          ? parts
          : parts.length === 3
            ? [ctx.defaults.project, ...parts]
            : [ctx.defaults.project, ctx.defaults.region, ...parts];
      return {
        project: project ?? null,
        region: region ?? null,
        router: routerName ?? null,
        name: name ?? null,
        id: `${project}/${region}/${routerName}/${name}`,
      };
    },
  };
})();
