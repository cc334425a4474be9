import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Sandbox, startSandbox } from '../../sandbox/index.js';
import { githubClient } from '../../shared/github/comments.js';

/** The GitHub emulator's answers the review gate relies on, through Octokit as the bundle calls them. */
describe('GitHub emulator: pull requests of a commit, and who wrote a comment', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox({ scenario: { github: { morePullRequests: [{ number: 9 }] } } });
  });
  afterAll(async () => {
    await sb?.stop();
  });
  const repo = { owner: 'acme', repo: 'platform-infra' };

  it('GITHUB_SHA is the merge commit of the scenario pull request; other shas have none', async () => {
    const gh = githubClient(sb.secrets.githubToken, sb.env);
    const sha = sb.env.GITHUB_SHA as string;
    expect(sha).toMatch(/^[0-9a-f]{40}$/);
    const hit = await gh.rest.repos.listPullRequestsAssociatedWithCommit({ ...repo, commit_sha: sha });
    expect(hit.data.map((p) => [p.number, p.merge_commit_sha])).toEqual([[7, sha]]);
    const nine = await gh.rest.pulls.get({ ...repo, pull_number: 9 });
    expect(nine.data.merge_commit_sha).not.toBe(sha);
    const other = await gh.rest.repos.listPullRequestsAssociatedWithCommit({
      ...repo,
      commit_sha: nine.data.merge_commit_sha as string,
    });
    expect(other.data.map((p) => p.number)).toEqual([9]);
    const none = await gh.rest.repos.listPullRequestsAssociatedWithCommit({
      ...repo,
      commit_sha: 'f'.repeat(40),
    });
    expect(none.data).toEqual([]);
    await expect(
      gh.rest.repos.listPullRequestsAssociatedWithCommit({ ...repo, commit_sha: 'not-a-sha' }),
    ).rejects.toMatchObject({ status: 422 });
  });

  it('a comment carries the identity of the token that wrote it; an edit keeps the author', async () => {
    const bot = githubClient(sb.secrets.githubToken, sb.env);
    const user = githubClient(sb.secrets.githubUserToken, sb.env);
    const a = await bot.rest.issues.createComment({ ...repo, issue_number: 7, body: 'from the workflow' });
    const b = await user.rest.issues.createComment({ ...repo, issue_number: 7, body: 'from a user' });
    expect(a.data.user).toMatchObject({ login: 'github-actions[bot]', type: 'Bot' });
    expect(b.data.user).toMatchObject({ login: 'octocat', type: 'User' });
    const edited = await user.rest.issues.updateComment({ ...repo, comment_id: a.data.id, body: 'edited' });
    expect(edited.data.user?.login).toBe('github-actions[bot]');
  });

  it("a fork's read-only workflow token reads, and every write answers 403", async () => {
    const ro = githubClient(sb.secrets.githubReadOnlyToken, sb.env);
    const list = await ro.rest.issues.listComments({ ...repo, issue_number: 7 });
    expect(Array.isArray(list.data)).toBe(true);
    await expect(ro.rest.issues.createComment({ ...repo, issue_number: 7, body: 'x' })).rejects.toMatchObject(
      {
        status: 403,
        message: expect.stringContaining('Resource not accessible by integration'),
      },
    );
  });

  it('GET /user: 403 for the workflow token (an installation token), the user for a personal token', async () => {
    await expect(
      githubClient(sb.secrets.githubToken, sb.env).rest.users.getAuthenticated(),
    ).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining('Resource not accessible by integration'),
    });
    const me = await githubClient(sb.secrets.githubUserToken, sb.env).rest.users.getAuthenticated();
    expect(me.data.login).toBe('octocat');
  });
});
