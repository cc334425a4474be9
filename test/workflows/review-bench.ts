import { Bench, exampleConfig, explain } from './harness/bench.js';
import type { WorkflowResult } from './harness/run.js';

/**
 * The review scenarios' common ground (setup-review.test.ts, setup-merge-order.test.ts): one sandbox per file, the
 * caller template's pull request and push events, and what a preview or a refusal looks like to the user.
 */
export const C0 = exampleConfig();
export const C1 = exampleConfig((t) => t.replace('instances: 1', 'instances: 2'));
export const C2 = exampleConfig((t) => t.replace('instances: 1', 'instances: 3'));
// The gateways opened to the world, on purpose (allow_public: without it the preflight refuses an open gateway).
export const C3 = exampleConfig((t) =>
  t.replace(
    '    whitelist_ip_ranges: [203.0.113.0/24]',
    '    whitelist_ip_ranges: [0.0.0.0/0]\n    allow_public: true',
  ),
);

/** A bench started before the file's tests and stopped after them, with the helpers bound to it. */
export function reviewBench() {
  const bench = new Bench({ pollInterval: '200ms' });
  beforeAll(async () => {
    await bench.start({
      scenario: {
        harness: { gitspaceStepMs: 300, gatewayHealthyAfterMs: 300 },
        github: { morePullRequests: [8, 9, 10, 11, 12, 13].map((number) => ({ number })) },
        // Compute operations done when answered: the jobs poll a RUNNING one every second, idle time no scenario
        // here needs (the kill is a request held by sandbox/core/holds.ts).
        gcp: { operationMs: 0 },
      },
    });
  }, 120_000);
  afterAll(() => bench.stop());

  const preview = (pr: number, config: string) => bench.run(bench.pullRequestEvent(pr), { config });
  const push = (sha: string, config: string, withs?: Record<string, string | boolean>) =>
    bench.run(bench.pushEvent(sha), { config, with: withs });
  const merge = (pr: number) => bench.pull(pr).mergeCommitSha;
  const botComments = (pr: number) =>
    bench.sandbox.world.github
      .commentsOn(bench.repository, pr)
      .filter((c) => c.user.login === 'github-actions[bot]');

  function expectPreviewed(r: WorkflowResult, pr: number): void {
    if (r.jobs.preview?.result !== 'success')
      throw new Error(`the preview job did not succeed:\n${explain(r)}`);
    expect(r.jobs.apply?.result).toBe('skipped');
    expect(botComments(pr)).toHaveLength(1);
  }

  function expectRefused(r: WorkflowResult, reason: string): void {
    expect(r.jobs.apply?.result).toBe('failure');
    expect(r.outputs['failure-reason']).toBe(reason);
    expect(r.jobs.apply?.steps.map((s) => s.stdout).join('')).toContain(reason);
  }

  /** Posts a comment on a pull request as another user (octocat's personal token), through the REST API. */
  async function commentAsUser(pr: number, body: string, edit?: number): Promise<void> {
    const url = edit
      ? `${bench.sandbox.urls.github}/repos/${bench.repository}/issues/comments/${edit}`
      : `${bench.sandbox.urls.github}/repos/${bench.repository}/issues/${pr}/comments`;
    const r = await fetch(url, {
      method: edit ? 'PATCH' : 'POST',
      headers: {
        authorization: `token ${bench.sandbox.secrets.githubUserToken}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ body }),
    });
    expect(r.status).toBe(edit ? 200 : 201);
  }

  return { bench, preview, push, merge, botComments, expectPreviewed, expectRefused, commentAsUser };
}
