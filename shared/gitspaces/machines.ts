import type { MachineConfig } from '../config/schema.js';
import { Logger } from '../logger.js';
import { AmbiguousFailure, Pacer } from './backoff.js';
import type { MachineInput, MachineResource, MachinesApi } from './types.js';

export type MachineStatus = 'created' | 'unchanged' | 'different' | 'would-create' | 'failed';

export interface MachineOutcome {
  name: string;
  region: string;
  identifier?: string;
  status: MachineStatus;
  /** For `different`: each field that differs, `field: have → want`. */
  differences: string[];
  resource?: MachineResource;
}

/** The payload the UI sends for a machine (HUI MachineModal): every metadata value is a string. */
export function machinePayload(m: MachineConfig): MachineInput {
  const metadata: Record<string, string> = {
    region_name: m.region,
    zone: m.zone,
    machine_type: m.machine_type,
    os: m.os,
    arch: m.arch,
    boot_disk_type: m.boot_disk_type,
    boot_disk_size: String(m.boot_disk_size),
    persistent_disk_type: m.persistent_disk_type,
    persistent_disk_size: String(m.persistent_disk_size),
  };
  if (m.vm_image_name) metadata.vm_image_name = m.vm_image_name;
  return {
    name: m.name,
    infra_provider_type: 'hybrid_vm_gcp',
    region: m.region,
    disk: String(m.persistent_disk_size),
    metadata,
  };
}

export function findMachine(
  resources: readonly MachineResource[],
  name: string,
  region?: string,
): MachineResource | undefined {
  return resources.find((r) => r.name === name && (!region || !r.region || r.region === region));
}

/** The fields of an existing machine that differ from the config (the API has no update: they are reported). */
export function machineDifferences(have: MachineResource, want: MachineInput): string[] {
  const out: string[] = [];
  const meta = have.metadata ?? {};
  for (const [k, v] of Object.entries(want.metadata)) {
    const h = meta[k];
    if (h !== undefined && String(h) !== v) out.push(`${k}: ${String(h)} → ${v}`);
    if (h === undefined && k === 'vm_image_name') out.push(`${k}: (default) → ${v}`);
  }
  if (have.disk != null && String(have.disk) !== want.disk)
    out.push(`disk: ${String(have.disk)} → ${want.disk}`);
  return out;
}

export interface ReconcileMachinesOptions {
  api: MachinesApi;
  infraId: string;
  machines: readonly MachineConfig[];
  pacer: Pacer;
  log: Logger;
  dryRun?: boolean;
  /** How many times an ambiguous create is looked up and tried again. */
  attempts?: number;
}

/**
 * Creates the machines the config declares and the infra lacks (matched by name and region), leaves the
 * matching ones alone and reports those that differ: the API cannot update a machine, and deleting one that
 * gitspaces use is not a decision to take silently.
 */
export async function reconcileMachines(
  o: ReconcileMachinesOptions,
): Promise<{ outcomes: MachineOutcome[]; resources: MachineResource[] }> {
  let resources = await o.pacer.call('list machines', () => o.api.listResources(o.infraId));
  const outcomes = new Map<string, MachineOutcome>();
  for (const m of o.machines) {
    const want = machinePayload(m);
    const have = findMachine(resources, m.name, m.region);
    if (!have) continue;
    const differences = machineDifferences(have, want);
    outcomes.set(m.name, {
      name: m.name,
      region: m.region,
      identifier: have.identifier,
      status: differences.length ? 'different' : 'unchanged',
      differences,
      resource: have,
    });
    if (differences.length)
      o.log.warning(
        `Machine ${m.name} (${m.region}) differs from the config: ${differences.join('; ')}. Machines cannot be updated: delete it in Harness (or with teardown) and run again to recreate it.`,
      );
    else o.log.info(`Machine ${m.name} (${m.region}) exists and matches the config.`);
  }
  let missing = o.machines.filter((m) => !outcomes.has(m.name));
  if (missing.length && o.dryRun) {
    for (const m of missing)
      outcomes.set(m.name, { name: m.name, region: m.region, status: 'would-create', differences: [] });
    missing = [];
  }
  const attempts = o.attempts ?? 5;
  for (let attempt = 1; missing.length > 0; attempt++) {
    o.log.info(
      `Creating machine(s) ${missing.map((m) => `${m.name} (${m.region})`).join(', ')} in ${o.infraId}`,
    );
    try {
      const created = await o.pacer.call(
        'create machines',
        () => o.api.createResources(o.infraId, missing.map(machinePayload)),
        { ambiguous: true },
      );
      resources = [...resources, ...(Array.isArray(created) ? created : [])];
      // Some servers answer without the created objects: look them up so gitspaces can name them.
      if (missing.some((m) => !findMachine(resources, m.name, m.region)))
        resources = await o.pacer.call('list machines', () => o.api.listResources(o.infraId));
      for (const m of missing) {
        const r = findMachine(resources, m.name, m.region);
        outcomes.set(m.name, {
          name: m.name,
          region: m.region,
          identifier: r?.identifier,
          status: 'created',
          differences: [],
          resource: r,
        });
      }
      missing = [];
    } catch (e) {
      if (!(e instanceof AmbiguousFailure) || attempt >= attempts)
        throw e instanceof AmbiguousFailure ? e.cause : e;
      o.log.warning(`Creating machines: ${e.message}; checking what exists before trying again.`);
      resources = await o.pacer.call('list machines', () => o.api.listResources(o.infraId));
      const still: MachineConfig[] = [];
      for (const m of missing) {
        const r = findMachine(resources, m.name, m.region);
        if (r)
          outcomes.set(m.name, {
            name: m.name,
            region: m.region,
            identifier: r.identifier,
            status: 'created',
            differences: [],
            resource: r,
          });
        else still.push(m);
      }
      missing = still;
    }
  }
  return { outcomes: o.machines.map((m) => outcomes.get(m.name) as MachineOutcome), resources };
}
