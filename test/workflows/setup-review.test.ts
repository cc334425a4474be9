import { explain } from './harness/bench.js';
import { C0, C1, C2, C3, reviewBench } from './review-bench.js';

/**
 * The reusable setup workflow as GitHub runs it for the caller template (workflows/setup.yml), against one sandbox:
 * a pull request gets a preview that changes nothing but its comment; a push applies exactly what was reviewed on
 * the pull request of the pushed commit, and refuses (before any mutating request) anything else. Each scenario
 * asserts on the sandbox's journal (GITSPACES_SANDBOX_CONTROL_URL). The scenarios share the sandbox and run in
 * order: the first apply builds the infrastructure the later ones change. setup-merge-order.test.ts holds the
 * scenarios of pull requests merged one after another, on a sandbox of its own.
 */
const { bench, preview, push, merge, botComments, expectPreviewed, expectRefused, commentAsUser } =
  reviewBench();

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
});
