/** The capacity family (QUOTA, REG): the regions and zones exist, and their quotas hold the planned footprint. */
import type { GitspacesConfig } from '../config/schema.js';
import type { Region } from '../gcp/compute.js';
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

export interface RegionNeed {
  region: string;
  /** metric -> amount needed. */
  needs: Record<string, number>;
  notes: string[];
}

/**
 * The footprint per region QUOTA-001 compares with the quotas: gateways (MIG), the runner VM (post-0.0.3), three
 * static addresses, the gitspace VMs (docs/troubleshooting.md#QUOTA-001).
 */
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

function region(ctx: PreflightContext, name: string): Promise<Region | undefined> {
  return ctx.once(`region:${name}`, async () => {
    const { gcp, project } = await requireGcp(ctx, 'compute.googleapis.com');
    return computeReads(gcp).getRegion(project, name);
  });
}

export const QUOTA_001: PreflightCheck = {
  id: 'QUOTA-001',
  async run(ctx) {
    const c = needConfig(ctx);
    const plan = regionFootprint(c);
    const regions = await Promise.all(plan.map((p) => region(ctx, p.region)));
    const short: string[] = [];
    const seen: string[] = [];
    plan.forEach((p, i) => {
      const r = regions[i];
      if (!r) {
        short.push(`${p.region}: region not found (REG-001)`);
        return;
      }
      const parts: string[] = [];
      for (const [metric, need] of Object.entries(p.needs)) {
        const q = r.quotas.find((x) => x.metric === metric);
        if (!q) continue;
        const free = q.limit - q.usage;
        parts.push(`${metric} ${need}/${free} free`);
        if (free < need)
          short.push(
            `${p.region} ${metric}: needs ${need}, ${free} free (limit ${q.limit}, used ${q.usage})`,
          );
      }
      seen.push(`${p.region}: ${parts.join(', ')}`);
    });
    const expected = `free quota for ${plan.map((p) => `${p.region}: ${p.notes.join(' + ')}`).join('; ')}`;
    if (short.length) {
      return error(
        short.join('; '),
        expected,
        'Request a quota increase (Console: IAM & Admin -> Quotas, filter by region and metric), free unused resources, or use smaller machine types / fewer gateway instances.',
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
