import { Faults } from '../../sandbox/core/faults.js';
import { Journal } from '../../sandbox/core/journal.js';
import type { Service } from '../../sandbox/core/http.js';
import { loadScenario } from '../../sandbox/scenario.js';
import type { World } from '../../sandbox/world.js';
import { createGithubState, startGithub } from '../../sandbox/github/index.js';
import {
  MAX_COMMENT_CHARS,
  commentBody,
  findMarkedComment,
  githubClient,
  upsertMarkedComment,
} from '../../shared/github/comments.js';
import { closeMarkedIssue, upsertMarkedIssue } from '../../shared/github/issues.js';

async function startTestGithub(existingComments: number) {
  const scenario = loadScenario({ github: { existingComments } });
  const world = {
    scenario,
    journal: new Journal(),
    faults: new Faults(),
    dir: '',
    urls: {},
  } as unknown as World;
  world.github = createGithubState(world);
  const services: Service[] = await startGithub(world);
  const env = { GITHUB_API_URL: world.urls.github };
  return { world, env, stop: () => Promise.all(services.map((s) => s.close())) };
}

describe('sticky pull-request comment through Octokit', () => {
  it('creates once then updates the marked comment found beyond the first page of 100', async () => {
    const { world, env, stop } = await startTestGithub(150);
    try {
      const octokit = githubClient(world.github.token, env);
      const target = { octokit, owner: 'acme', repo: 'platform-infra', issueNumber: 7, marker: 'plan' };
      expect(await findMarkedComment(target)).toBeUndefined();
      const first = await upsertMarkedComment({ ...target, body: '## Plan\n1 to add' });
      expect(first.action).toBe('created');
      const second = await upsertMarkedComment({ ...target, body: '## Plan\n2 to add' });
      expect(second).toMatchObject({ action: 'updated', id: first.id });
      const third = await upsertMarkedComment({ ...target, body: '## Plan\n3 to add' });
      expect(third).toMatchObject({ action: 'updated', id: first.id });
      expect(await upsertMarkedComment({ ...target, body: '## Plan\n3 to add' })).toMatchObject({
        action: 'unchanged',
        id: first.id,
      });

      const comments = world.github.commentsOn('acme/platform-infra', 7);
      expect(comments).toHaveLength(151);
      expect(comments.filter((c) => c.body.includes('<!-- gitspaces:plan -->'))).toEqual([
        expect.objectContaining({ id: first.id, body: '<!-- gitspaces:plan -->\n## Plan\n3 to add' }),
      ]);
      const writes = world.journal.mutations('github').map((e) => `${e.method} ${e.path}`);
      expect(writes).toEqual([
        'POST /repos/acme/platform-infra/issues/7/comments',
        `PATCH /repos/acme/platform-infra/issues/comments/${first.id}`,
        `PATCH /repos/acme/platform-infra/issues/comments/${first.id}`,
      ]);
      // Each lookup walked both pages via the Link header.
      const pages = world.journal.entries
        .filter((e) => e.method === 'GET')
        .map((e) => new URLSearchParams(e.query).get('page') ?? '1');
      expect(pages.slice(0, 2)).toEqual(['1', '2']);
    } finally {
      await stop();
    }
  });

  it("only the workflow's own comment that starts with the marker counts", async () => {
    const { world, env, stop } = await startTestGithub(0);
    try {
      const bot = githubClient(world.github.token, env);
      const user = githubClient(world.github.userToken, env);
      const repo = { owner: 'acme', repo: 'platform-infra', issue_number: 7 };
      // A user's comment that starts with the marker, and one that quotes it further down.
      await user.rest.issues.createComment({ ...repo, body: '<!-- gitspaces:plan -->\nforged' });
      await bot.rest.issues.createComment({ ...repo, body: 'Note: <!-- gitspaces:plan --> quoted' });
      const target = { octokit: bot, owner: 'acme', repo: 'platform-infra', issueNumber: 7, marker: 'plan' };
      expect(await findMarkedComment({ ...target, author: 'github-actions[bot]' })).toBeUndefined();
      const own = await upsertMarkedComment({ ...target, author: 'github-actions[bot]', body: 'the plan' });
      expect(own.action).toBe('created');
      expect(await findMarkedComment({ ...target, author: 'github-actions[bot]' })).toMatchObject({
        id: own.id,
        body: '<!-- gitspaces:plan -->\nthe plan',
      });
    } finally {
      await stop();
    }
  });

  it('answers 422 for a body over 65,536 characters, and commentBody keeps bodies under it', async () => {
    const { world, env, stop } = await startTestGithub(0);
    try {
      const octokit = githubClient(world.github.token, env);
      await expect(
        octokit.rest.issues.createComment({
          owner: 'acme',
          repo: 'platform-infra',
          issue_number: 7,
          body: 'x'.repeat(MAX_COMMENT_CHARS + 1),
        }),
      ).rejects.toMatchObject({
        status: 422,
        message: expect.stringContaining('body is too long'),
      });
      const long = commentBody('plan', `${'line\n'.repeat(20000)}`);
      expect(long.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
      expect(long).toMatch(/^<!-- gitspaces:plan -->\n/);
      expect(long).toContain('truncated');
      const r = await upsertMarkedComment({
        octokit,
        owner: 'acme',
        repo: 'platform-infra',
        issueNumber: 7,
        marker: 'plan',
        body: 'y\n'.repeat(40000),
      });
      expect(r.action).toBe('created');
    } finally {
      await stop();
    }
  });

  it('rejects a wrong token and unknown pull requests', async () => {
    const { world, env, stop } = await startTestGithub(0);
    try {
      await expect(
        githubClient('ghs_wrong', env).rest.pulls.get({
          owner: 'acme',
          repo: 'platform-infra',
          pull_number: 7,
        }),
      ).rejects.toMatchObject({ status: 401 });
      const octokit = githubClient(world.github.token, env);
      expect(
        (await octokit.rest.pulls.get({ owner: 'acme', repo: 'platform-infra', pull_number: 7 })).data.number,
      ).toBe(7);
      await expect(
        octokit.rest.pulls.get({ owner: 'acme', repo: 'platform-infra', pull_number: 8 }),
      ).rejects.toMatchObject({ status: 404 });
    } finally {
      await stop();
    }
  });
});

describe('drift issue', () => {
  it('keeps one open issue per marker and closes it', async () => {
    const { world, env, stop } = await startTestGithub(0);
    try {
      const octokit = githubClient(world.github.token, env);
      const t = { octokit, owner: 'acme', repo: 'platform-infra', marker: 'drift' };
      const a = await upsertMarkedIssue({
        ...t,
        title: 'Gitspaces drift',
        body: 'gateway changed',
        labels: ['gitspaces'],
      });
      expect(a.action).toBe('created');
      expect(a.number).toBe(8);
      const b = await upsertMarkedIssue({
        ...t,
        title: 'Gitspaces drift',
        body: 'gateway and runner changed',
      });
      expect(b).toMatchObject({ action: 'updated', number: 8 });
      expect(await closeMarkedIssue({ ...t, comment: 'Resolved' })).toBe(8);
      expect(world.github.issues.get('acme/platform-infra')?.get(8)?.state).toBe('closed');
      expect(await closeMarkedIssue(t)).toBeUndefined();
    } finally {
      await stop();
    }
  });
});
