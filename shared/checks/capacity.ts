/** The capacity family (QUOTA, REG): the regions and zones exist, and their quotas hold the planned footprint. */
import type { GitspacesConfig } from '../config/schema.js';
import type { Quota, Region } from '../gcp/compute.js';
import { computeReads } from './compute-reads.js';
import { requireGcp } from './gcp-access.js';
import { PreflightCheck, PreflightContext, error, needConfig, ok } from './types.js';

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

/**
 * The regional CPU quota a machine family counts against. Families with a metric of their own in the Compute API's
 * Quota.metric enum (compute v1 discovery document; @google-cloud/compute's compute.proto, `message Quota`) count
 * there and not against `CPUS`; N1, E2 and the shared-core types (f1, g1, e2-micro/small/medium), and families with
 * no metric of their own (c3d, h3, c4, ...), count against `CPUS` (cloud.google.com/compute/resource-usage#cpu_quota;
 * GoogleCloudPlatform/guest-test-infra's storageperf suite waits on the same metrics: n2 N2_CPUS, c3 C3_CPUS,
 * n2d N2D_CPUS, n1/c3d/h3 CPUS). `E2_CPUS` is in the enum too, but E2 VMs are counted against `CPUS`.
 * Every family also counts against the project's global `CPUS_ALL_REGIONS`.
 */
export const FAMILY_CPU_METRICS: Readonly<Record<string, string>> = {
  a2: 'A2_CPUS',
  c2: 'C2_CPUS',
  c2d: 'C2D_CPUS',
  c3: 'C3_CPUS',
  m1: 'M1_CPUS',
  m2: 'M2_CPUS',
  m3: 'M3_CPUS',
  n2: 'N2_CPUS',
  n2d: 'N2D_CPUS',
  t2a: 'T2A_CPUS',
  t2d: 'T2D_CPUS',
};

/** The regional quota metric a machine type's vCPUs count against (`n2-standard-4` -> N2_CPUS, `e2-medium` -> CPUS). */
export function cpuMetricOf(machineType: string): string {
  const t = machineType.toLowerCase().split('/').pop() ?? '';
  // `custom-4-8192` is an N1 custom type; `n2-custom-4-8192` an N2 one.
  const family = t.startsWith('custom-') ? 'n1' : (t.split('-')[0] ?? '');
  return FAMILY_CPU_METRICS[family] ?? 'CPUS';
}

/** The project-level (global) quota every region's vCPUs count against. */
export const GLOBAL_CPU_METRIC = 'CPUS_ALL_REGIONS';

export interface RegionNeed {
  region: string;
  /** metric -> amount needed. */
  needs: Record<string, number>;
  notes: string[];
}

/**
 * The footprint per region QUOTA-001 compares with the quotas: gateways (MIG), the runner VM (post-0.0.3), three
 * static addresses, the gitspace VMs (docs/troubleshooting.md#QUOTA-001). Each machine's vCPUs count against its
 * family's metric (cpuMetricOf); the sum over regions is the global CPUS_ALL_REGIONS need (globalCpuNeed).
 */
export function regionFootprint(config: GitspacesConfig): RegionNeed[] {
  const infra = config.infrastructure;
  const gw = vcpusOf(infra.gateway.machine_type);
  const gwMetric = cpuMetricOf(infra.gateway.machine_type);
  const post = config.terraform.module.generation === 'post-0.0.3';
  return Object.keys(infra.regions).map((region) => {
    const notes: string[] = [];
    const cpus: Record<string, number> = {};
    const add = (metric: string, n: number) => void (cpus[metric] = (cpus[metric] ?? 0) + n);
    add(gwMetric, gw.vcpus * infra.gateway.instances);
    let disk = 50 * infra.gateway.instances;
    notes.push(`${infra.gateway.instances} gateway(s) ${infra.gateway.machine_type}`);
    if (!gw.known) notes.push(`${infra.gateway.machine_type} counted as 2 vCPUs`);
    if (post && config.terraform.create_runner_vm && infra.runner.region === region) {
      add(gwMetric, gw.vcpus); // the runner VM uses the gateway's machine type
      disk += 30;
      notes.push('runner VM');
    }
    // Gitspace VMs: one per declared gitspace on a machine of this region (at least one per machine).
    for (const m of config.machines.filter((x) => x.region === region)) {
      const count = Math.max(1, config.gitspaces.filter((g) => g.machine === m.name).length);
      const v = vcpusOf(m.machine_type);
      add(cpuMetricOf(m.machine_type), v.vcpus * count);
      disk += (m.boot_disk_size + m.persistent_disk_size) * count;
      notes.push(`${count} × ${m.machine_type} (${m.name})`);
    }
    return {
      region,
      needs: {
        // CPUS is always compared (an empty region needs 0); family metrics only when a machine uses them.
        CPUS: 0,
        ...cpus,
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

/** vCPUs of every family in every region: what CPUS_ALL_REGIONS must hold. */
export function globalCpuNeed(plan: readonly RegionNeed[]): number {
  const cpuMetrics = new Set(['CPUS', ...Object.values(FAMILY_CPU_METRICS)]);
  let n = 0;
  for (const p of plan)
    for (const [metric, need] of Object.entries(p.needs)) if (cpuMetrics.has(metric)) n += need;
  return n;
}

function region(ctx: PreflightContext, name: string): Promise<Region | undefined> {
  return ctx.once(`region:${name}`, async () => {
    const { gcp, project } = await requireGcp(ctx, 'compute.googleapis.com');
    return computeReads(gcp).getRegion(project, name);
  });
}

function projectQuotas(ctx: PreflightContext): Promise<Quota[] | undefined> {
  return ctx.once('compute-project', async () => {
    const { gcp, project } = await requireGcp(ctx, 'compute.googleapis.com');
    return (await computeReads(gcp).getProject(project))?.quotas;
  });
}

function compare(
  where: string,
  metric: string,
  need: number,
  q: Quota | undefined,
  short: string[],
  parts: string[],
): void {
  if (!q) {
    // A family metric the region does not report cannot be compared; say so rather than pass it silently.
    if (need > 0 && metric !== 'CPUS') parts.push(`${metric} ${need} needed, not reported`);
    return;
  }
  const free = q.limit - q.usage;
  parts.push(`${metric} ${need}/${free} free`);
  if (free < need)
    short.push(`${where} ${metric}: needs ${need}, ${free} free (limit ${q.limit}, used ${q.usage})`);
}

export const QUOTA_001: PreflightCheck = {
  id: 'QUOTA-001',
  async run(ctx) {
    const c = needConfig(ctx);
    const plan = regionFootprint(c);
    const [regions, globalQuotas] = await Promise.all([
      Promise.all(plan.map((p) => region(ctx, p.region))),
      projectQuotas(ctx),
    ]);
    const short: string[] = [];
    const seen: string[] = [];
    plan.forEach((p, i) => {
      const r = regions[i];
      if (!r) {
        short.push(`${p.region}: region not found (REG-001)`);
        return;
      }
      const parts: string[] = [];
      for (const [metric, need] of Object.entries(p.needs))
        compare(
          p.region,
          metric,
          need,
          r.quotas.find((x) => x.metric === metric),
          short,
          parts,
        );
      seen.push(`${p.region}: ${parts.join(', ')}`);
    });
    const all = globalCpuNeed(plan);
    const globalParts: string[] = [];
    compare(
      'project',
      GLOBAL_CPU_METRIC,
      all,
      globalQuotas?.find((x) => x.metric === GLOBAL_CPU_METRIC),
      short,
      globalParts,
    );
    if (globalParts.length) seen.push(`project: ${globalParts.join(', ')}`);
    const expected = `free quota for ${plan.map((p) => `${p.region}: ${p.notes.join(' + ')}`).join('; ')}; ${GLOBAL_CPU_METRIC} for ${all} vCPUs`;
    if (short.length) {
      return error(
        short.join('; '),
        expected,
        'Request a quota increase for the metric named (Console: IAM & Admin -> Quotas; N2, N2D, C2, C3, ... have their own CPU quota per region, CPUS_ALL_REGIONS is per project), free unused resources, or use smaller machine types / fewer gateway instances.',
      );
    }
    return ok(seen.join('; '), expected);
  },
};

export const REG_001: PreflightCheck = {
  id: 'REG-001',
  async run(ctx) {
    const c = needConfig(ctx);
    const { gcp, project } = await requireGcp(ctx, 'compute.googleapis.com');
    const names = Object.keys(c.infrastructure.regions);
    const zones = [...new Set([c.infrastructure.runner.zone, ...c.machines.map((m) => m.zone)])];
    const reads = computeReads(gcp);
    const [found, zoneResults] = await Promise.all([
      Promise.all(names.map((n) => region(ctx, n))),
      Promise.all(zones.map((z) => reads.getZone(project, z))),
    ]);
    const problems: string[] = [];
    names.forEach((n, i) => {
      const r = found[i];
      if (!r) problems.push(`region ${n} does not exist`);
      else if (r.status && r.status !== 'UP') problems.push(`region ${n} is ${r.status}`);
    });
    zones.forEach((z, i) => {
      const zr = zoneResults[i];
      if (!zr) problems.push(`zone ${z} does not exist`);
      else if (zr.status && zr.status !== 'UP') problems.push(`zone ${z} is ${zr.status}`);
    });
    if (!names.includes(c.infrastructure.runner.region))
      problems.push(`runner region ${c.infrastructure.runner.region} is not one of ${names.join(', ')}`);
    const expected = `regions ${names.join(', ')} and zones ${zones.join(', ')} exist and are UP; the runner region is configured`;
    if (problems.length)
      return error(
        problems.join('; '),
        expected,
        'Use names from `gcloud compute regions list` and `gcloud compute zones list`.',
      );
    return ok(`regions ${names.join(', ')} UP; zones ${zones.join(', ')} UP`, expected);
  },
};

export const CAPACITY_CHECKS: readonly PreflightCheck[] = [QUOTA_001, REG_001];
