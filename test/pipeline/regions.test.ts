import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { main as pipeline } from '../../actions/pipeline/main.js';
import { realClock } from '../../shared/clock.js';
import type { DeepPartial, Scenario } from '../../sandbox/scenario.js';
import { startSandbox } from '../../sandbox/index.js';
import type { JournalEntry } from '../../sandbox/core/journal.js';
import { testIO } from '../create/helpers.js';

/**
 * Per-region work proceeds per region (issue 18): two regions whose gateways turn healthy at different times (or
 * one never does), the whole pipeline with the real terraform. Each region's gitspaces are created once that
 * region's own gateway is healthy, the journal and the emulator's clock say so; a stuck region fails alone.
 */
const FAST = 'us-central1';
const SLOW = 'europe-west1';

/** examples/gitspaces.yaml with a second region, a machine in it and a gitspace on that machine. */
function twoRegionConfig(dir: string): string {
  const doc = parseDocument(readFileSync('examples/gitspaces.yaml', 'utf8'));
  doc.setIn(['terraform', 'working_directory'], 'tf');
  doc.setIn(['infrastructure', 'regions', SLOW], {
    subdomain: 'euw1',
    default_subnet_ip_range: '10.7.0.0/16',
    proxy_subnet_ip_range: '10.4.0.0/26',
  });
  (doc.get('machines') as { add(v: unknown): void }).add({
    name: 'standard-eu',
    region: SLOW,
    zone: `${SLOW}-b`,
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
  const path = join(dir, 'gitspaces.yaml');
  writeFileSync(path, doc.toString());
  return path;
}

async function setUp(harness: DeepPartial<Scenario['harness']>) {
  const sandbox = await startSandbox({ scenario: { harness: { gitspaceStepMs: 20, ...harness } } });
  const dir = mkdtempSync(join(tmpdir(), 'gitspaces-pipeline-regions-'));
  const configPath = twoRegionConfig(dir);
  const env = {
    ...sandbox.env,
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    RUNNER_TEMP: dir,
    GITHUB_WORKSPACE: dir,
  };
  const run = async (gatewayTimeout = '60s') => {
    const t = testIO(
      {
        config: configPath,
        'report-path': join(dir, 'preflight.json'),
        'poll-interval': '100ms',
        'runner-timeout': '60s',
        'delegate-timeout': '30s',
        'gateway-timeout': gatewayTimeout,
        timeout: '30s',
      },
      realClock,
      env,
    );
    return { t, r: await pipeline(t.io) };
  };
  const stop = async () => {
    await sandbox.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  return { sandbox, run, stop };
}

/** The Harness create request of gitspace `name` (POST .../gitspaces whose body names it). */
function gitspaceCreate(entries: readonly JournalEntry[], name: string): JournalEntry | undefined {
  return entries.find(
    (e) =>
      e.service === 'harness' &&
      e.method === 'POST' &&
      /\/gitspaces$/.test(e.path) &&
      e.status < 400 &&
      (e.requestBody as { name?: string } | undefined)?.name === name,
  );
}

const stateLock = (e: JournalEntry) =>
  e.service === 'storage' && /\.tflock([?&]|$)/.test(decodeURIComponent(e.path + e.query));

describe('pipeline: one region delayed', () => {
  let env: Awaited<ReturnType<typeof setUp>>;
  // The slow region's gateway reports 8 s after the runner and the delegate are up, the fast one's after 200 ms.
  beforeAll(async () => {
    env = await setUp({ gatewayHealthyAfterMs: 200, gatewayHealthyAfterMsByRegion: { [SLOW]: 8000 } });
  });
  afterAll(() => env?.stop());

  it("creates the fast region's gitspace before the slow region's gateway is healthy, then the slow one's; a re-run changes nothing", async () => {
    const { t, r } = await env.run();
    expect(t.failed).toEqual([]);
    expect(r.exitCode).toBe(0);
    expect(r.phases.map((p) => `${p.name}:${p.status}`)).toEqual([
      'validate:ok',
      'configure:ok',
      'apply:ok',
      'install-runner:ok',
      'create:ok',
    ]);
    // The emulator's clock: when the slow region's gateway turned healthy, and when each create was answered.
    const healthyAt = env.sandbox.world.harness.gatewayHealthyAt('gitspaces_gcp');
    const entries = env.sandbox.journal.entries;
    const fast = gitspaceCreate(entries, 'api-dev');
    const slow = gitspaceCreate(entries, 'web-dev');
    expect(fast && slow).toBeTruthy();
    expect(healthyAt[SLOW]).toBeGreaterThan(healthyAt[FAST] as number);
    expect(fast?.time).toBeLessThan(healthyAt[SLOW] as number);
    // The slow region kept its gate: its gitspace only once its own gateway was healthy.
    expect(slow?.time).toBeGreaterThanOrEqual(healthyAt[SLOW] as number);
    expect(fast?.seq).toBeLessThan(slow?.seq as number);

    const rows = Object.fromEntries(r.alongside.map((p) => [p.name, p]));
    expect(Object.keys(rows).sort()).toEqual(
      ['certificates', `create:${FAST}`, `create:${SLOW}`, `gateway:${FAST}`, `gateway:${SLOW}`].sort(),
    );
    expect(r.alongside.every((p) => p.status === 'ok')).toBe(true);

    // Both running, in one output.
    const gitspaces = JSON.parse(t.outputs.gitspaces ?? '[]') as { name: string; state: string }[];
    expect(gitspaces.map((g) => `${g.name}:${g.state}`).sort()).toEqual([
      'api-dev:running',
      'web-dev:running',
    ]);
    const gateways = JSON.parse(t.outputs.gateways ?? '[]') as { region: string; overall_health: string }[];
    expect(gateways.map((g) => `${g.region}:${g.overall_health}`)).toEqual([
      `${FAST}:healthy`,
      `${SLOW}:healthy`,
    ]);

    // The timeline shows the overlap: the fast region's create ran while the slow region still waited.
    const createFast = rows[`create:${FAST}`];
    const gatewaySlow = rows[`gateway:${SLOW}`];
    expect(createFast?.startedAt).toBeLessThan(
      (gatewaySlow?.startedAt ?? 0) + (gatewaySlow?.durationMs ?? 0),
    );
    const summary = t.summary.join('\n');
    expect(summary).toMatch(new RegExp(`\\n {2}gateway ${SLOW} \\([^)]+\\) :\\d+, \\d+`));
    expect(summary).toMatch(new RegExp(`\\n {2}create ${FAST} \\([^)]+\\) :\\d+, \\d+`));
    expect(summary).toContain(`| create:${FAST} |`);
    expect(summary).toContain("Every region's gateway is healthy (2).");

    // A second run with nothing changed: reads only (Terraform's state lock aside, as in pipeline.test.ts).
    const mark = env.sandbox.journal.lastSeq;
    const again = await env.run();
    expect(again.r.exitCode).toBe(0);
    const tried = env.sandbox.journal.since(mark).filter((e) => e.attempted && !stateLock(e));
    expect(tried.map((e) => `${e.service} ${e.method} ${e.path}`)).toEqual([]);
  }, 300_000);
});

describe('pipeline: one region stuck', () => {
  let env: Awaited<ReturnType<typeof setUp>>;
  beforeAll(async () => {
    env = await setUp({ gatewayHealthyAfterMs: 200, gatewayStuckUnhealthy: [SLOW] });
  });
  afterAll(() => env?.stop());

  it("creates the other region's gitspaces, fails the stuck region with GW-101 naming it, and exits non-zero", async () => {
    const { t, r } = await env.run('3s');
    expect(r.exitCode).toBe(1);
    expect(r.phases.map((p) => `${p.name}:${p.status}`)).toEqual([
      'validate:ok',
      'configure:ok',
      'apply:ok',
      'install-runner:ok',
      'create:failed',
    ]);
    const rows = Object.fromEntries(r.alongside.map((p) => [p.name, p]));
    expect(rows[`gateway:${FAST}`]?.status).toBe('ok');
    expect(rows[`create:${FAST}`]?.status).toBe('ok');
    expect(rows[`gateway:${SLOW}`]?.status).toBe('failed');
    expect(rows[`gateway:${SLOW}`]?.summary).toMatch(
      new RegExp(`^GW-101 ${SLOW}: the gateway is not healthy. Last state: ${SLOW}: unhealthy`),
    );
    expect(rows[`create:${SLOW}`]?.status).toBe('skipped');
    expect(rows[`create:${SLOW}`]?.summary).toBe(
      `not run: the gateway of ${SLOW} is not healthy (GW-101): gitspace(s) web-dev not created`,
    );
    expect(r.phases.find((p) => p.name === 'create')?.summary).toContain(
      `${SLOW}: gitspace(s) web-dev not created: GW-101 ${SLOW}: the gateway is not healthy.`,
    );

    // The fast region's gitspace was created and runs; nothing was created for the stuck region.
    const entries = env.sandbox.journal.entries;
    expect(gitspaceCreate(entries, 'api-dev')).toBeDefined();
    expect(entries.some((e) => e.attempted && JSON.stringify(e.requestBody ?? '').includes('web-dev'))).toBe(
      false,
    );
    expect(
      entries.some((e) => e.attempted && JSON.stringify(e.requestBody ?? '').includes('standard-eu')),
    ).toBe(false);
    const gitspaces = JSON.parse(t.outputs.gitspaces ?? '[]') as { name: string; state: string }[];
    expect(gitspaces.map((g) => `${g.name}:${g.state}`)).toEqual(['api-dev:running']);

    // What the user sees: the annotation and the summary name GW-101 and the region, and the gitspace not created.
    const errors = t.log.lines.filter((l) => l.startsWith('error'));
    expect(errors.some((l) => l.includes('GW-101') && l.includes(`${SLOW}: unhealthy`))).toBe(true);
    const warnings = t.log.lines.filter((l) => l.startsWith('warning'));
    expect(warnings.some((l) => l.includes(`${SLOW}: the gateway of ${SLOW} is not healthy (GW-101)`))).toBe(
      true,
    );
    const summary = t.summary.join('\n');
    expect(summary).toContain('**❌ Stopped at create.**');
    expect(summary).toContain('1 region(s) without a healthy gateway: their gitspaces were not created.');
    expect(summary).toMatch(
      new RegExp(`\\| ⏭️ \\| create:${SLOW} \\| [^|]+ \\| not run: [^|]*web-dev not created \\|`),
    );
  }, 300_000);
});
