import { join } from 'node:path';
import { cpuMetricOf, globalCpuNeed, regionFootprint } from '../../shared/checks/capacity.js';
import { configFromText } from '../../shared/config/parse.js';
import { stringify } from 'yaml';
import { HEALTHY, mergeScenario } from '../../sandbox/scenario.js';
import { scenarioConfig } from '../../sandbox/scenarios/config.js';
import { runValidate, scenarioRun } from '../validate/helpers.js';

/** QUOTA-001 counts each machine family's vCPUs against its own regional metric, and all of them against CPUS_ALL_REGIONS. */
describe('QUOTA-001 per machine family', () => {
  it('maps machine types to the Quota.metric their vCPUs count against', () => {
    expect(cpuMetricOf('n2-standard-4')).toBe('N2_CPUS');
    expect(cpuMetricOf('n2-custom-4-8192')).toBe('N2_CPUS');
    expect(cpuMetricOf('n2d-highmem-8')).toBe('N2D_CPUS');
    expect(cpuMetricOf('c2-standard-8')).toBe('C2_CPUS');
    expect(cpuMetricOf('c2d-standard-8')).toBe('C2D_CPUS');
    expect(cpuMetricOf('c3-standard-4')).toBe('C3_CPUS');
    expect(cpuMetricOf('t2d-standard-4')).toBe('T2D_CPUS');
    // E2, N1 (custom-* is N1), shared-core and families without their own metric use CPUS.
    expect(cpuMetricOf('e2-standard-4')).toBe('CPUS');
    expect(cpuMetricOf('e2-medium')).toBe('CPUS');
    expect(cpuMetricOf('custom-6-23040')).toBe('CPUS');
    expect(cpuMetricOf('n1-standard-2')).toBe('CPUS');
    expect(cpuMetricOf('c3d-standard-8')).toBe('CPUS');
  });

  it('the footprint splits vCPUs by family, and the global need sums every family of every region', () => {
    const config = configFromText(
      stringify(
        mergeScenario(scenarioConfig(HEALTHY), {
          machines: [
            { name: 'big-n2', region: 'us-central1', zone: 'us-central1-a', machine_type: 'n2-standard-8' },
            { name: 'fast-c3', region: 'us-central1', zone: 'us-central1-a', machine_type: 'c3-standard-4' },
          ],
          gitspaces: [],
        } as never),
      ),
      'gitspaces.yaml',
    );
    const plan = regionFootprint(config);
    // Gateway e2-standard-2 + the runner VM (same type) on CPUS; the machines on their own metrics.
    expect(plan[0]?.needs).toMatchObject({ CPUS: 4, N2_CPUS: 8, C3_CPUS: 4 });
    expect(globalCpuNeed(plan)).toBe(16);
  });

  async function quota001(scenario: Record<string, unknown>) {
    const s = await scenarioRun(scenario as never);
    try {
      const r = await runValidate(
        {
          config: s.configPath,
          'harness-api-key': s.sb.secrets.harnessApiKey,
          'report-path': join(s.dir, 'r.json'),
        },
        s.env,
      );
      expect(s.sb.journal.attempts()).toEqual([]);
      return r.report.checks.find((c) => c.id === 'QUOTA-001');
    } finally {
      await s.close();
    }
  }

  it.each([
    ['n2-standard-8', 'N2_CPUS'],
    ['n2d-standard-8', 'N2D_CPUS'],
    ['c2-standard-8', 'C2_CPUS'],
    ['c3-standard-8', 'C3_CPUS'],
  ])('a %s machine fails on an exhausted %s although CPUS has room', async (machineType, metric) => {
    const q = await quota001({
      config: {
        machines: [
          { name: 'family', region: 'us-central1', zone: 'us-central1-a', machine_type: machineType },
        ],
        gitspaces: [],
      },
      gcp: { regions: { 'us-central1': { quotas: { [metric]: { limit: 24, usage: 20 } } } } },
    });
    expect(q?.status).toBe('error');
    expect(q?.observed).toBe(`us-central1 ${metric}: needs 8, 4 free (limit 24, used 20)`);
    expect(q?.fix).toMatch(/N2, N2D, C2, C3, \.\.\. have their own CPU quota per region/);
  });

  it('the same machines pass with room in their family quota; the observation lists each metric and the global one', async () => {
    const q = await quota001({
      config: {
        machines: [
          { name: 'family', region: 'us-central1', zone: 'us-central1-a', machine_type: 'n2d-standard-8' },
        ],
        gitspaces: [],
      },
    });
    expect(q?.status).toBe('ok');
    expect(q?.observed).toMatch(/us-central1: CPUS 4\/68 free, N2D_CPUS 8\/24 free, /);
    expect(q?.observed).toMatch(/project: CPUS_ALL_REGIONS 12\/92 free$/);
  });

  it('an exhausted CPUS_ALL_REGIONS (project-level) fails although every region has room', async () => {
    const q = await quota001({ gcp: { projectQuotas: { CPUS_ALL_REGIONS: { limit: 10, usage: 4 } } } });
    expect(q?.status).toBe('error');
    // Gateway 2 + runner VM 2 + one e2-standard-4 gitspace machine = 8 vCPUs.
    expect(q?.observed).toBe('project CPUS_ALL_REGIONS: needs 8, 6 free (limit 10, used 4)');
    expect(q?.expected).toMatch(/CPUS_ALL_REGIONS for 8 vCPUs$/);
  });
});
