import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { Scenario } from '../scenario.js';
import { scenarioConfig } from './config.js';

/** The three regions of a bulk run, one machine each. */
export const BULK_REGIONS: Record<string, { subdomain: string; zone: string }> = {
  'us-central1': { subdomain: 'usc1', zone: 'us-central1-a' },
  'europe-west1': { subdomain: 'euw1', zone: 'europe-west1-b' },
  'asia-southeast1': { subdomain: 'ase1', zone: 'asia-southeast1-a' },
};

/**
 * The scenario's gitspaces.yaml with three regions, a machine in each, and `n` gitspaces `gs-0000`.. spread over
 * them in turn (bench/bulk-1000.bench.ts, test/create/bulk-rate-limit.test.ts). Returns its path.
 */
export function writeBulkConfig(scenario: Scenario, n: number, dir: string): string {
  const cfg = scenarioConfig(scenario) as Record<string, Record<string, unknown>>;
  const regions: Record<string, unknown> = {};
  Object.entries(BULK_REGIONS).forEach(([r, v], i) => {
    regions[r] = {
      subdomain: v.subdomain,
      default_subnet_ip_range: `10.${6 + i}.0.0/16`,
      proxy_subnet_ip_range: `10.${100 + i}.0.0/26`,
    };
  });
  (cfg.infrastructure as Record<string, unknown>).regions = regions;
  // Relative to the workspace: callers set GITHUB_WORKSPACE to `dir`.
  (cfg.terraform as Record<string, unknown>).working_directory = 'tf';
  const machines = Object.entries(BULK_REGIONS).map(([r, v]) => ({
    name: `std-${v.subdomain}`,
    region: r,
    zone: v.zone,
    machine_type: 'e2-standard-4',
    boot_disk_size: 50,
    persistent_disk_size: 100,
  }));
  const out = {
    ...cfg,
    machines,
    gitspaces: Array.from({ length: n }, (_, k) => ({
      name: `gs-${String(k).padStart(4, '0')}`,
      repo_url: 'https://github.com/acme/api',
      repo_type: 'github',
      branch: 'main',
      ide: 'vs_code_web',
      machine: machines[k % machines.length]?.name,
    })),
  };
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `gitspaces-${n}.yaml`);
  writeFileSync(path, stringify(out));
  return path;
}
