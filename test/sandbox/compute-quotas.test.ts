import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import type { DeepPartial, Scenario } from '../../sandbox/scenario.js';

/**
 * Compute's CPU quotas per machine family (N2_CPUS, N2D_CPUS, C2_CPUS, C3_CPUS, ... else CPUS, per region) and the
 * project's CPUS_ALL_REGIONS: regions.get and projects.get report them, and instances.insert is refused with
 * Compute's 403 quotaExceeded naming the metric that is short.
 */
/** The parts of a Compute answer these tests read: quotas, or Google's error body. */
type GoogleBody = {
  quotas?: { metric: string; limit: number; usage: number }[];
  listPolicy?: unknown;
  error: { message: string; errors: { reason: string }[] };
};

const project = 'acme-gitspaces';
const zone = 'us-central1-a';

async function withSandbox(scenario: DeepPartial<Scenario>, fn: (sb: Sandbox) => Promise<void>) {
  const sb = await startSandbox({ scenario: { ...scenario, gcp: { operationMs: 0, ...scenario.gcp } } });
  try {
    await fn(sb);
  } finally {
    await sb.stop();
  }
}

async function api(sb: Sandbox, path: string, init: RequestInit = {}) {
  const res = await fetch(`${sb.urls.compute}/compute/v1/projects/${project}${path}`, {
    ...init,
    headers: {
      authorization: `Bearer ${sb.env.GOOGLE_OAUTH_ACCESS_TOKEN}`,
      'content-type': 'application/json',
    },
  });
  return { status: res.status, body: (await res.json()) as GoogleBody };
}

function insert(sb: Sandbox, name: string, machineType: string) {
  return api(sb, `/zones/${zone}/instances`, {
    method: 'POST',
    body: JSON.stringify({
      name,
      machineType: `zones/${zone}/machineTypes/${machineType}`,
      disks: [
        {
          boot: true,
          initializeParams: { sourceImage: 'projects/ubuntu-os-cloud/global/images/family/ubuntu-2204-lts' },
        },
      ],
    }),
  });
}

const quota = async (sb: Sandbox, metric: string) =>
  ((await api(sb, '/regions/us-central1')).body.quotas as { metric: string }[]).find(
    (q) => q.metric === metric,
  );

describe('Compute emulator: CPU quotas per machine family and CPUS_ALL_REGIONS', () => {
  it.each([
    ['n2-standard-4', 'N2_CPUS'],
    ['n2d-standard-4', 'N2D_CPUS'],
    ['c2-standard-4', 'C2_CPUS'],
    ['c3-standard-4', 'C3_CPUS'],
  ])(
    '%s counts against %s, not CPUS, and an exhausted family quota refuses it',
    async (machineType, metric) => {
      await withSandbox(
        { gcp: { regions: { 'us-central1': { quotas: { [metric]: { limit: 6, usage: 0 } } } } } },
        async (sb) => {
          const cpusBefore = await quota(sb, 'CPUS');
          expect((await insert(sb, 'vm-a', machineType)).status).toBe(200);
          expect(await quota(sb, metric)).toEqual({ metric, limit: 6, usage: 4 });
          expect(await quota(sb, 'CPUS')).toEqual(cpusBefore);
          const refused = await insert(sb, 'vm-b', machineType);
          expect(refused.status).toBe(403);
          expect(refused.body.error.errors[0].reason).toBe('quotaExceeded');
          expect(refused.body.error.message).toBe(
            `Quota '${metric}' exceeded.  Limit: 6.0 in region us-central1.`,
          );
        },
      );
    },
  );

  it('e2 and n1 count against CPUS', async () => {
    await withSandbox(
      { gcp: { regions: { 'us-central1': { quotas: { CPUS: { limit: 8, usage: 0 } } } } } },
      async (sb) => {
        expect((await insert(sb, 'vm-e2', 'e2-standard-4')).status).toBe(200);
        expect((await insert(sb, 'vm-n1', 'n1-standard-2')).status).toBe(200);
        expect(await quota(sb, 'CPUS')).toEqual({ metric: 'CPUS', limit: 8, usage: 6 });
        const refused = await insert(sb, 'vm-3', 'e2-standard-4');
        expect(refused.body.error.message).toBe("Quota 'CPUS' exceeded.  Limit: 8.0 in region us-central1.");
      },
    );
  });

  it('projects.get lists CPUS_ALL_REGIONS with every family counted; past it the insert is refused "globally"', async () => {
    await withSandbox(
      { gcp: { projectQuotas: { CPUS_ALL_REGIONS: { limit: 10, usage: 2 } } } },
      async (sb) => {
        expect((await insert(sb, 'vm-n2', 'n2-standard-4')).status).toBe(200);
        expect((await insert(sb, 'vm-e2', 'e2-standard-2')).status).toBe(200);
        const p = await api(sb, '');
        expect(p.body.quotas).toContainEqual({ metric: 'CPUS_ALL_REGIONS', limit: 10, usage: 8 });
        const refused = await insert(sb, 'vm-c3', 'c3-standard-4');
        expect(refused.status).toBe(403);
        expect(refused.body.error.message).toBe("Quota 'CPUS_ALL_REGIONS' exceeded.  Limit: 10.0 globally.");
      },
    );
  });
});
