import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Sandbox, startSandbox } from '../../sandbox/index.js';
import { githubClient } from '../../shared/github/comments.js';
import { DEFAULT_PREVIEW_AUTHOR, findAdmission, recordAdmission } from '../../shared/github/review.js';
import { renderAdmission } from '../../shared/preview/render.js';

/**
 * The gate's admission of a commit, recorded on its pull request so that a re-run after an interrupted apply can
 * continue it: only the workflow's own record counts, for this commit and this infrastructure.
 */
describe('the admission record on the pull request', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox();
  });
  afterAll(async () => {
    await sb?.stop();
  });
  const repo = { owner: 'acme', repo: 'platform-infra' };
  const fp = `sha256:${'a'.repeat(64)}`;

  it('is written once by the workflow, found for its commit, config and key only, and ignored when anyone else wrote it', async () => {
    const sha = sb.env.GITHUB_SHA as string;
    const bot = githubClient(sb.secrets.githubToken, sb.env);
    const user = githubClient(sb.secrets.githubUserToken, sb.env);
    const config = `sha256:${'c'.repeat(64)}`;
    const t = { ...repo, pr: 7, key: 'gitspaces_gcp', author: DEFAULT_PREVIEW_AUTHOR, sha, config };

    // Another user's comment with a well-formed admission line does not admit anything.
    await user.rest.issues.createComment({
      ...repo,
      issue_number: 7,
      body: renderAdmission({ ...t, fingerprint: fp }),
    });
    expect(await findAdmission(bot, t)).toBeUndefined();

    const url = await recordAdmission(bot, { ...t, fingerprint: fp });
    expect(await recordAdmission(bot, { ...t, fingerprint: fp })).toBe(url);
    const mine = sb.world.github
      .commentsOn('acme/platform-infra', 7)
      .filter((c) => c.user.login === DEFAULT_PREVIEW_AUTHOR);
    expect(mine).toHaveLength(1);
    expect(await findAdmission(bot, t)).toEqual({ fingerprint: fp, url });
    expect(await findAdmission(bot, { ...t, sha: 'b'.repeat(40) })).toBeUndefined();
    expect(await findAdmission(bot, { ...t, key: 'other_infra' })).toBeUndefined();
    // The same commit read with another config file is another apply.
    expect(await findAdmission(bot, { ...t, config: `sha256:${'d'.repeat(64)}` })).toBeUndefined();
  });
});
