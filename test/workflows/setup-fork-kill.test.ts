import { Bench, exampleConfig, explain } from './harness/bench.js';

/**
 * The reusable setup workflow (as the caller template workflows/setup.yml calls it) on a fork's pull request, and
 * an apply job killed midway then run again; each against the sandbox's journal.
 */
const C0 = exampleConfig();
const bench = new Bench({ pollInterval: '200ms' });

beforeAll(async () => {
  await bench.start({
    scenario: {
      harness: { gitspaceStepMs: 300, gatewayHealthyAfterMs: 300 },
      github: { morePullRequests: [{ number: 8 }] },
      // Compute operations done when answered: the jobs poll a RUNNING one every second, idle time no scenario here
      // needs (the kill is a request held by sandbox/core/holds.ts).
      gcp: { operationMs: 0 },
    },
  });
}, 120_000);
afterAll(() => bench.stop());

const gitspaces = () =>
  bench.sandbox.world.harness.gitspaces
    .map((g) => bench.sandbox.world.harness.gitspaceView(g))
    .filter((v) => v)
    .map((v) => `${v!.name} ${v!.state}`);

describe('gitspaces-setup.yml on a fork, and after a killed apply', () => {
  it("a fork's pull request (no secrets, read-only token): a preview without secrets, no failure, nothing written", async () => {
    const from = await bench.mark();
    const r = await bench.run(bench.pullRequestEvent(7, true), { config: C0, fork: true });
    const job = r.jobs.preview;
    if (job?.result !== 'success') throw new Error(`the fork's preview failed:\n${explain(r)}`);
    expect(Object.values(job.secretsRead)).toEqual([false, false]);
    expect(job.permissions['pull-requests']).toBe('read');
    expect(await bench.infraWrites(from)).toEqual([]);
    // No error annotation; the job summary holds the preview, with what was skipped for lack of secrets.
    const stdout = job.steps.map((s) => s.stdout).join('');
    expect(stdout).not.toMatch(/^::error/m);
    expect(job.summary).toMatch(/Gitspaces preview/);
    expect(job.summary).toMatch(/Not previewed:[\s\S]*preflight[\s\S]*Harness diff[\s\S]*Terraform plan/);
    expect(job.summary).toMatch(
      /Could not comment on pull request #7 \(403: Resource not accessible by integration/,
    );
    // The token could not comment (read-only on a fork's pull request): the one refused request.
    expect(job.refused).toEqual([`POST /repos/${bench.repository}/issues/7/comments`]);
    expect(bench.sandbox.world.github.commentsOn(bench.repository, 7)).toEqual([]);
  }, 300_000);

  // Shared by the two cases below: the apply job of pull request 7's merge, killed once a gitspace was created (its
  // answer never arrived), as a cancelled runner kills it.
  const sha = () => bench.pull(7).mergeCommitSha;
  let killedAt = '';

  it('the apply job killed midway (a gitspace created, its answer never arrived): cancelled', async () => {
    const p = await bench.run(bench.pullRequestEvent(7), { config: C0 });
    if (p.jobs.preview?.result !== 'success') throw new Error(explain(p));
    const killed = await bench.run(bench.pushEvent(sha()), {
      config: C0,
      killAt: { service: 'harness', method: 'POST', route: /\/gitspaces$/, stage: 'response' },
    });
    expect(killed.jobs.apply?.result).toBe('cancelled');
    expect(gitspaces()).toHaveLength(1);
    killedAt = 'killed';
  }, 600_000);

  // The gate recomputes the preview, which now shows what the killed run already did (the provider, the Terraform
  // resources, the gitspace exist), so it cannot match the reviewed one; the admission the killed run's gate
  // recorded on the pull request for this commit lets the re-run continue the apply.
  it('after the kill, a re-run of the same push continues the admitted apply and converges', async () => {
    expect(killedAt).toBe('killed');
    // GitHub's "Re-run failed jobs": the same push, the same commit.
    const again = await bench.run(bench.pushEvent(sha()), { config: C0 });
    if (again.jobs.apply?.result !== 'success') throw new Error(explain(again));
    expect(gitspaces()).toEqual(['api-dev running']);
    expect([...bench.sandbox.world.harness.infraProviders.keys()]).toEqual(['gitspaces_gcp']);
  }, 600_000);

  it('after the kill, the same config reviewed again on a new pull request and merged: it converges', async () => {
    expect(killedAt).toBe('killed');
    const p = await bench.run(bench.pullRequestEvent(8), { config: C0 });
    if (p.jobs.preview?.result !== 'success') throw new Error(explain(p));
    const r = await bench.run(bench.pushEvent(bench.pull(8).mergeCommitSha), { config: C0 });
    if (r.jobs.apply?.result !== 'success') throw new Error(explain(r));
    expect(gitspaces()).toEqual(['api-dev running']);
    expect([...bench.sandbox.world.harness.infraProviders.keys()]).toEqual(['gitspaces_gcp']);
  }, 600_000);
});
