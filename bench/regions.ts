/**
 * The pipeline-latency bench's regions (issue 18, per-region work): two regions whose gateways turn healthy at
 * different times, each with a machine and a gitspace, so the bench measures a pipeline that uses each region as
 * soon as its own gateway is healthy against a critical path that is per region (`ready:<region>`).
 */
import { parseDocument } from 'yaml';
import type { PathNode } from '../shared/latency/critical-path.js';
import type { CriticalPath } from '../shared/latency/critical-path.js';
import type { PhaseResult } from '../shared/report/model.js';
import { Scenario, gatewayDelayMs } from '../sandbox/scenario.js';

/**
 * Real durations from runner and delegate up to each region's gateway healthy, both within the profile's
 * documented 3-5 minutes (sandbox/latency/profile.ts, gatewayHealthy): the scenario scales them by timeScale.
 */
export const GATEWAY_REAL_MS: Record<string, number> = {
  'us-central1': 3 * 60_000,
  'europe-west1': 5 * 60_000,
};

/** examples/gitspaces.yaml's text with europe-west1 added: the region, a machine there, a gitspace on it. */
export function twoRegionConfig(text: string): string {
  const doc = parseDocument(text);
  doc.setIn(['infrastructure', 'regions', 'europe-west1'], {
    subdomain: 'euw1',
    default_subnet_ip_range: '10.7.0.0/16',
    proxy_subnet_ip_range: '10.4.0.0/26',
  });
  (doc.get('machines') as { add(v: unknown): void }).add({
    name: 'standard-eu',
    region: 'europe-west1',
    zone: 'europe-west1-b',
    machine_type: 'e2-standard-4',
    arch: 'amd64',
    boot_disk_size: 50,
    persistent_disk_size: 100,
  });
  (doc.get('gitspaces') as { add(v: unknown): void }).add({
    name: 'web-dev',
    repo_url: 'https://github.com/acme/web',
    repo_type: 'github',
    branch: 'main',
    ide: 'vs_code_web',
    machine: 'standard-eu',
  });
  return doc.toString();
}

/** Each region's gateway time as the sandbox runs it (scaled), for the graph. */
export function gatewayMsOf(scenario: Scenario, regions: string[]): Record<string, number> {
  return Object.fromEntries(regions.map((r) => [r, gatewayDelayMs(scenario, r)]));
}

/**
 * Per region: when its gitspaces ran in this pipeline (its `create:<region>` row's end, from the first phase's
 * start) against when they could at the earliest (`gitspace:<region>` in the graph), and `ready:<region>`.
 */
export function regionFigures(
  cp: CriticalPath,
  nodes: readonly PathNode[],
  rows: readonly PhaseResult[],
  t0: number,
): { name: string; value: number; unit: string; note?: string }[] {
  const regions = nodes.filter((n) => n.id.startsWith('ready:')).map((n) => n.id.slice('ready:'.length));
  return regions.map((r) => {
    const row = rows.find((p) => p.name === `create:${r}`);
    const ran = row ? row.startedAt + row.durationMs - t0 : NaN;
    const least = cp.times[`gitspace:${r}`]?.finishMs ?? NaN;
    return {
      name: `${r}: gitspaces running, pipeline / critical path`,
      value: Number((ran / least).toFixed(2)),
      unit: 'ratio',
      note: `pipeline ${Math.round(ran)} ms, gitspace:${r} ${Math.round(least)} ms, ready:${r} ${Math.round(cp.times[`ready:${r}`]?.finishMs ?? NaN)} ms (gateway:${r} ${nodes.find((n) => n.id === `gateway:${r}`)?.durationMs} ms)`,
    };
  });
}
