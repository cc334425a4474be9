import { startSandbox, Sandbox } from '../../sandbox/index.js';
import { harnessClientFromConfig } from '../../shared/harness/client.js';
import { githubClient, splitRepository, upsertMarkedComment } from '../../shared/github/comments.js';
import { FakeClock } from '../../shared/clock.js';
import { infraBody } from './world.js';

describe('Harness and GitHub emulators inside startSandbox', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox();
  });
  afterAll(() => sb?.stop());

  it('are reached through the environment alone', async () => {
    const config = {
      harness: { account_id: sb.scenario.harness.accountId, api_url: 'https://app.harness.io' },
    };
    const harness = harnessClientFromConfig(config, {
      apiKey: sb.env.HARNESS_API_KEY as string,
      env: sb.env,
      clock: new FakeClock(),
    });
    expect(harness.baseUrl).toBe(sb.urls.harness);
    await harness.createInfraProvider(infraBody());
    expect((await harness.getInfraProvider('gitspaces_gcp'))?.setup_yaml).toContain(
      `cde_manager_url: ${sb.urls.harness}/gateway/cde`,
    );
    expect(await harness.listGateways('gitspaces_gcp')).toEqual([]);

    const { owner, repo } = splitRepository(sb.env.GITHUB_REPOSITORY as string);
    const octokit = githubClient(sb.env.GITHUB_TOKEN as string, sb.env);
    const r = await upsertMarkedComment({
      octokit,
      owner,
      repo,
      issueNumber: sb.scenario.github.pullRequest,
      marker: 'plan',
      body: 'hello',
    });
    expect(r.action).toBe('created');

    expect(sb.journal.contractViolations()).toEqual([]);
    const bodies = JSON.stringify(sb.journal.entries);
    expect(bodies).not.toContain(sb.secrets.harnessApiKey);
    expect(bodies).not.toContain(sb.secrets.githubToken);
  });
});
