import { Faults } from '../../sandbox/core/faults.js';
import { Journal } from '../../sandbox/core/journal.js';
import { loadScenario } from '../../sandbox/scenario.js';
import type { World } from '../../sandbox/world.js';
import { createGithubState, startGithub } from '../../sandbox/github/index.js';
import { githubClient } from '../../shared/github/comments.js';
import { syncDriftIssue } from '../../shared/github/drift.js';

/** The drift workflow keeps exactly one open issue per root while drift exists, and closes it when it is gone. */
describe('drift issue', () => {
  it('opens one issue, updates it in place while drift lasts, closes it when drift is gone', async () => {
    const world = {
      scenario: loadScenario('healthy'),
      journal: new Journal(),
      faults: new Faults(),
      dir: '',
      urls: {},
    } as unknown as World;
    world.github = createGithubState(world);
    const services = await startGithub(world);
    try {
      const octokit = githubClient(world.github.token, { GITHUB_API_URL: world.urls.github });
      const t = {
        octokit,
        owner: 'acme',
        repo: 'platform-infra',
        root: '.gitspaces/terraform',
        label: 'gitspaces-drift',
      };
      expect(await syncDriftIssue(t, { drift: false, drifted: [] })).toBe('no drift issue open');
      expect(
        await syncDriftIssue(t, { drift: true, drifted: ['module.gitspaces.terraform_data.network'] }),
      ).toMatch(/^created drift issue #\d+/);
      expect(
        await syncDriftIssue(t, {
          drift: true,
          drifted: ['module.gitspaces.terraform_data.network', 'module.gitspaces.terraform_data.alb'],
        }),
      ).toMatch(/^updated drift issue #\d+/);
      // Another root gets its own issue.
      expect(await syncDriftIssue({ ...t, root: 'other' }, { drift: true, drifted: ['x'] })).toMatch(
        /^created/,
      );
      const open = await octokit.paginate(octokit.rest.issues.listForRepo, {
        owner: 'acme',
        repo: 'platform-infra',
        state: 'open',
      });
      expect(open.filter((i) => i.title.includes('.gitspaces/terraform'))).toHaveLength(1);
      expect(open.find((i) => i.title.includes('.gitspaces/terraform'))?.body).toContain(
        'terraform_data.alb',
      );
      expect(await syncDriftIssue(t, { drift: false, drifted: [] })).toMatch(/^closed drift issue #\d+/);
      const after = await octokit.paginate(octokit.rest.issues.listForRepo, {
        owner: 'acme',
        repo: 'platform-infra',
        state: 'open',
      });
      expect(after.filter((i) => !i.pull_request).map((i) => i.title)).toEqual([
        'Gitspaces infrastructure drift in other',
      ]);
      const creates = world.journal
        .mutations('github')
        .filter((e) => e.method === 'POST' && e.path.endsWith('/issues'));
      expect(creates).toHaveLength(2);
    } finally {
      await Promise.all(services.map((s) => s.close()));
    }
  });
});
