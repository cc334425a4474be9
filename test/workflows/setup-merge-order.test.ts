import { exampleConfig, explain } from './harness/bench.js';
import { C0, C1, reviewBench } from './review-bench.js';

/**
 * The reusable setup workflow as GitHub runs it for the caller template, on a sandbox of its own: pull requests
 * merged one after another each apply their own reviewed change, a stale review is refused, and a caller that opts
 * in applies a push without a pull request. The main set up first (C0 previewed on pull request 7, then merged) is
 * what the pull requests are reviewed against; setup-review.test.ts holds the other review scenarios.
 */
const { bench, preview, push, merge, expectPreviewed, expectRefused } = reviewBench();

beforeAll(async () => {
  expectPreviewed(await preview(7, C0), 7);
  const r = await push(merge(7), C0);
  if (r.jobs.apply?.result !== 'success') throw new Error(`the first apply failed:\n${explain(r)}`);
}, 300_000);

describe('gitspaces-setup.yml: pull requests merged one after another', () => {
  it('two pull requests merged in turn: each applies its own reviewed change, and a stale review is refused', async () => {
    // Both open and reviewed against the same main: 12 scales the gateway, 13 changes the whitelist.
    const whitelist = (t: string) => t.replace('[203.0.113.0/24]', '[198.51.100.0/24]');
    expectPreviewed(await preview(12, C1), 12);
    expectPreviewed(await preview(13, whitelist(C0)), 13);
    // 12 merges first: its own preview is the one that counts (13's comment is the newest in the repository).
    let r = await push(merge(12), C1);
    if (r.jobs.apply?.result !== 'success') throw new Error(explain(r));
    expect(bench.sandbox.world.gcp.listResources('instanceGroupManagers').map((m) => m.targetSize)).toContain(
      2,
    );
    // 13's merge commit holds both changes; its review saw only one: refused, nothing changed.
    const both = whitelist(C1);
    let from = await bench.mark();
    expectRefused(await push(merge(13), both), 'plan-changed');
    expect(await bench.infraWrites(from)).toEqual([]);
    // 13 brought up to date and reviewed again (the comment updated in place), then merged: applied.
    expectPreviewed(await preview(13, both), 13);
    from = await bench.mark();
    r = await push(merge(13), both);
    if (r.jobs.apply?.result !== 'success') throw new Error(explain(r));
    // The whitelist reaches the gateways through the Infra Config YAML configure writes (Harness's provider has no
    // such field): applied as the gateways' firewall rule.
    expect(await bench.infraWrites(from)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^compute PATCH .*\/firewalls\/gitspaces-network-allow-all-ingress-gateway$/),
      ]),
    );
    const rule = bench.sandbox.world.gcp
      .listResources('firewalls')
      .find((f) => f.name === 'gitspaces-network-allow-all-ingress-gateway');
    expect(rule?.sourceRanges).toEqual(expect.arrayContaining(['198.51.100.0/24']));
    expect(rule?.sourceRanges).not.toContain('203.0.113.0/24');
  }, 600_000);

  it('a push without a pull request, with the caller opting in (auto-approve: true): applied, and the summary says so', async () => {
    const current = exampleConfig((t) =>
      t.replace('instances: 1', 'instances: 2').replace('[203.0.113.0/24]', '[198.51.100.0/24]'),
    );
    const r = await push('d'.repeat(40), current, { 'auto-approve': true });
    if (r.jobs.apply?.result !== 'success') throw new Error(explain(r));
    expect(r.jobs.apply.summary).toMatch(/auto-approve/);
  }, 300_000);
});
