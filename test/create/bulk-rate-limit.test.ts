import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main as configureInfra } from '../../actions/configure-infra/main.js';
import { main as createGitspace } from '../../actions/create-gitspace/main.js';
import { realClock } from '../../shared/clock.js';
import type { HarnessModel } from '../../sandbox/harness/model.js';
import { Sandbox, startSandbox } from '../../sandbox/index.js';
import { writeBulkConfig } from '../../sandbox/scenarios/bulk.js';
import { testIO } from './helpers.js';

/**
 * A bulk create over three regions against Harness's rate limit (a small window here, so 429s come often): every
 * gitspace is created exactly once, whatever was refused and retried, and the delete leaves none.
 */
describe('bulk create and delete against the Harness rate limit', () => {
  let sb: Sandbox;
  let dir: string;
  beforeAll(async () => {
    sb = await startSandbox({ scenario: { harness: { rateLimit: { requests: 25, windowMs: 400 } } } });
    dir = mkdtempSync(join(tmpdir(), 'gitspaces-bulk-'));
  });
  afterAll(async () => {
    await sb?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates each of 60 gitspaces once, over 3 regions, then deletes them all', async () => {
    const config = writeBulkConfig(sb.scenario, 60, dir);
    const env = { ...sb.env, RUNNER_TEMP: dir, GITHUB_WORKSPACE: dir };
    const configure = testIO({ config }, realClock, env);
    expect((await configureInfra(configure.io)).exitCode ?? 0).toBe(0);

    const create = testIO({ config, action: 'create', wait: 'false', concurrency: '8' }, realClock, env);
    const created = await createGitspace(create.io);
    expect(create.failed).toEqual([]);
    const listed = JSON.parse(create.outputs.gitspaces ?? '[]') as { name: string }[];
    expect(new Set(listed.map((g) => g.name)).size).toBe(60);

    const posts = sb.journal.entries.filter(
      (e) => e.service === 'harness' && e.method === 'POST' && /\/gitspaces$/.test(e.path),
    );
    const accepted = posts.filter((e) => e.status < 300).map((e) => (e.requestBody as { name: string }).name);
    expect(accepted.length).toBe(60);
    expect(new Set(accepted).size).toBe(60);
    // The limit was hit (the test exercises the retries), and every refusal was Harness's 429.
    expect(
      sb.journal.entries.filter((e) => e.service === 'harness' && e.status === 429).length,
    ).toBeGreaterThan(0);
    const m = sb.world.harness as HarnessModel;
    const regions = new Set(m.gitspaces.map((g) => String(g.config.resource?.region ?? '')));
    expect(regions.size).toBe(3);
    expect(created.phase.summary).toContain('60 created');

    const del = testIO(
      { config, action: 'delete', concurrency: '8', 'poll-interval': '50ms' },
      realClock,
      env,
    );
    await createGitspace(del.io);
    expect(del.failed).toEqual([]);
    expect(m.gitspaces.filter((g) => !g.deleted)).toEqual([]);
  }, 120_000);
});
