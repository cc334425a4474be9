import { Bench, exampleConfig, explain } from './harness/bench.js';
import type { WorkflowResult } from './harness/run.js';

/**
 * The reusable setup workflow as GitHub runs it for the caller template (workflows/setup.yml), against one sandbox:
 * a pull request gets a preview that changes nothing but its comment; a push applies exactly what was reviewed on
 * the pull request of the pushed commit, and refuses (before any mutating request) anything else. Each scenario
 * asserts on the sandbox's journal (GITSPACES_SANDBOX_CONTROL_URL). The scenarios share the sandbox and run in
 * order: the first apply builds the infrastructure the later ones change.
 */
const C0 = exampleConfig();
const C1 = exampleConfig((t) => t.replace('instances: 1', 'instances: 2'));
const C2 = exampleConfig((t) => t.replace('instances: 1', 'instances: 3'));
// The gateways opened to the world, on purpose (allow_public: without it the preflight refuses an open gateway).
const C3 = exampleConfig((t) =>
  t.replace(
    '    whitelist_ip_ranges: [203.0.113.0/24]',
    '    whitelist_ip_ranges: [0.0.0.0/0]\n    allow_public: true',
  ),
);

const bench = new Bench({ pollInterval: '200ms' });

beforeAll(async () => {
  await bench.start({
    scenario: {
      harness: { gitspaceStepMs: 300, gatewayHealthyAfterMs: 300 },
      github: { morePullRequests: [8, 9, 10, 11, 12, 13].map((number) => ({ number })) },
      // Compute operations done when answered: the jobs poll a RUNNING one every second, idle time no scenario here
      // needs (the kill is a request held by sandbox/core/holds.ts).
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

describe('gitspaces-setup.yml: review, then apply exactly what was reviewed', () => {
  it('a pull request preview makes no mutating request to Google or Harness; its job reads only the preview secrets, in no environment', async () => {
    const from = await bench.mark();
    const r = await preview(7, C0);
    expectPreviewed(r, 7);
    expect(await bench.infraWrites(from)).toEqual([]);
    const job = r.jobs.preview!;
    expect(job.environment).toBeUndefined();
    expect(job.permissions['pull-requests']).toBe('write');
    expect(job.permissions['id-token']).toBe('none');
    expect(Object.keys(job.secretsRead).sort()).toEqual([
      'gcp-preview-credentials',
      'harness-preview-api-key',
    ]);
    expect(job.concurrency?.cancelInProgress).toBe(true);
    // With the Harness key that may only view: a write would have answered 403 and failed the job.
    expect(bench.secrets.HARNESS_PREVIEW_API_KEY).toBe(bench.sandbox.secrets.harnessViewApiKey);
    // The caller template hands the Owner-level keys over on a push only.
    expect(r.jobs.apply?.secretsRead).toEqual({});
  });

  it('the preview then a merge of the same config: the apply job applies it, in the protected environment', async () => {
    const from = await bench.mark();
    const r = await push(merge(7), C0);
    expect(r.jobs.apply?.result).toBe('success');
    if (r.jobs.apply?.result !== 'success') throw new Error(explain(r));
    const job = r.jobs.apply;
    expect(job.environment).toBe('gitspaces');
    expect(Object.keys(job.secretsRead).sort()).toEqual(['gcp-credentials', 'harness-api-key']);
    expect(job.concurrency).toEqual({
      group: `gitspaces-state-${bench.repository}-gitspaces.yaml`,
      cancelInProgress: false,
    });
    expect(await bench.infraWrites(from)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^compute POST /)]),
    );
    expect(JSON.parse(r.outputs.gitspaces || '[]')).toEqual([expect.objectContaining({ name: 'api-dev' })]);
  }, 300_000);

  it('a config changed between review and merge: refused with plan-changed before any mutating request', async () => {
    expectPreviewed(await preview(8, C1), 8);
    const from = await bench.mark();
    const r = await push(merge(8), C2);
    expectRefused(r, 'plan-changed');
    expect(await bench.infraWrites(from)).toEqual([]);
  }, 300_000);

  it('a push whose commit has no pull request: refused with not-reviewed, nothing changed', async () => {
    const from = await bench.mark();
    const r = await push('c'.repeat(40), C1);
    expectRefused(r, 'not-reviewed');
    expect(await bench.infraWrites(from)).toEqual([]);
  }, 300_000);

  it("another user's comment carrying a preview, or their edit of the workflow's comment, is ignored", async () => {
    // A genuine preview of C3 (the whitelist opened to the world), on another pull request.
    expectPreviewed(await preview(10, C3), 10);
    const planted = botComments(10)[0]!.body;
    // Pull request 9 is reviewed with C1; another user copies the C3 preview onto it, then edits the bot's comment.
    expectPreviewed(await preview(9, C1), 9);
    await commentAsUser(9, planted);
    let from = await bench.mark();
    expectRefused(await push(merge(9), C3), 'plan-changed');
    expect(await bench.infraWrites(from)).toEqual([]);
    await commentAsUser(9, planted, botComments(9)[0]!.id);
    from = await bench.mark();
    const r = await push(merge(9), C3);
    expect(r.jobs.apply?.result).toBe('failure');
    expect(await bench.infraWrites(from)).toEqual([]);
  }, 300_000);

  it('a config value that contains the preview marker has no effect', async () => {
    // The C3 preview's markers and fingerprint, inside a value of the reviewed config the preview shows (the
    // repository URL's fragment: a branch may not hold a space or a `<`, git's ref rules).
    const markers = (botComments(10)[0]!.body.match(/<!--[^>]*-->/g) ?? []).join(' ');
    expect(markers).not.toBe('');
    const tricked = C1.replace(
      '    repo_url: https://github.com/acme/api\n',
      `    repo_url: ${JSON.stringify(`https://github.com/acme/api#${markers}`)}\n`,
    );
    expect(tricked).toContain(markers);
    const p = await preview(11, tricked);
    expect(p.jobs.preview?.result).toBe('success');
    expect(botComments(11)).toHaveLength(1);
    const from = await bench.mark();
    expectRefused(await push(merge(11), C3), 'plan-changed');
    expect(await bench.infraWrites(from)).toEqual([]);
  }, 300_000);

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
