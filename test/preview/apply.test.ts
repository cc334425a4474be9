import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from '../../cli/main.js';
import { Sandbox, startSandbox } from '../../sandbox/index.js';
import { itNeedsTerraform } from '../terraform/fixtures.js';
import { previewWorld, writesSince } from './helpers.js';

/** The CLI contract of issue 12 (`gitspaces preview`, `gitspaces up` on a push), a planted marker, a fork. */
describe('gitspaces preview / up against the sandbox', () => {
  let sb: Sandbox;
  let w: ReturnType<typeof previewWorld>;
  beforeAll(async () => {
    sb = await startSandbox({
      scenario: {
        // Compute operations done when answered: the client polls a RUNNING one every second.
        gcp: { certificates: { activeAfterMs: 0 }, operationMs: 0 },
        github: { morePullRequests: [{ number: 9 }] },
      },
    });
    w = previewWorld(sb);
  });
  afterAll(async () => {
    await sb?.stop();
    if (w) rmSync(w.dir, { recursive: true, force: true });
  });
  const botPreview = (pr: number) =>
    sb.world.github
      .commentsOn('acme/platform-infra', pr)
      .find((c) => c.user.login === 'github-actions[bot]' && c.body.startsWith('<!-- gitspaces-preview'));
  // The emulators answer within a second: polled every 200 ms (the CLI's default is 10 s), as w.run polls.
  const runCli = async (argv: string[], env: NodeJS.ProcessEnv) => {
    const lines: string[] = [];
    const code = await cli([...argv, '--poll-interval', '200ms'], {
      env: { ...env },
      out: (t) => lines.push(t),
      err: (l) => lines.push(l),
    });
    return { code, output: lines.join('\n') };
  };

  itNeedsTerraform(
    'a config value that carries the marker has no effect: the gate reads the real fingerprint',
    async () => {
      const d = w.config((c) => (c.infrastructure.gateway.instances = 3));
      const pd = await w.run(w.prEnv(9), { config: d, mode: 'preview' });
      expect(pd.r.exitCode).toBe(0);
      const planted = (botPreview(9)!.body.split('\n')[0] as string).replace('pr=9 ', 'pr=7 ');
      // A marker on a line of its own cannot get into a value: a line break is refused by the config check.
      const broken = w.config((x) => (x.gitspaces[0].branch = `main\n${planted}\n`));
      await expect(w.run(w.prEnv(7), { config: broken, mode: 'preview' })).rejects.toThrow(
        /gitspaces\.0\.branch \(line \d+\): found a control character/,
      );
      // On one line, in a value the comment shows (the repository URL's fragment), it is shown, never read.
      const c = w.config((x) => (x.gitspaces[0].repo_url = `${x.gitspaces[0].repo_url}#${planted}`));
      const pc = await w.run(w.prEnv(7), { config: c, mode: 'preview' });
      expect(pc.r.exitCode).toBe(0);
      const body = botPreview(7)!.body;
      expect(body.split('\n').filter((l) => l.includes('<!-- gitspaces-preview'))).toHaveLength(1);
      expect(body).toContain('&lt;!-- gitspaces-preview');
      const mark = sb.journal.lastSeq;
      const r = await w.run(w.pushEnv(), { config: d });
      expect(r.outputs['failure-reason']).toBe('plan-changed');
      expect(writesSince(sb, mark)).toEqual([]);
    },
    300_000,
  );

  itNeedsTerraform(
    'a preview works with a Harness key that may only view (the preview job least privilege)',
    async () => {
      const env = { ...w.prEnv(9), HARNESS_API_KEY: sb.secrets.harnessViewApiKey };
      const mark = sb.journal.lastSeq;
      const r = await w.run(env, { config: w.config(), mode: 'preview' });
      expect(r.r.exitCode).toBe(0);
      expect(writesSince(sb, mark)).toEqual([expect.stringMatching(/^github (POST|PATCH) /)]);
      expect(botPreview(9)!.body).toContain('**✅ No check fails.**');
      // The same key cannot write: the emulator refuses as Harness does.
      const t = await fetch(
        `${sb.urls.harness}/gateway/cde/api/v1/accounts/${sb.scenario.harness.accountId}/infraproviders`,
        {
          method: 'POST',
          headers: { 'x-api-key': sb.secrets.harnessViewApiKey, 'content-type': 'application/json' },
          body: JSON.stringify({
            identifier: 'x',
            name: 'xxxxx',
            type: 'hybrid_vm_gcp',
            space_ref: '',
            metadata: {},
          }),
        },
      );
      expect(t.status).toBe(403);
      expect(await t.text()).toContain('Missing permission cde_infraprovider_edit');
    },
    240_000,
  );

  itNeedsTerraform(
    'a fork pull request without secrets: the config check and a notice of what was skipped, exit 0',
    async () => {
      const a = w.config();
      const env = w.prEnv(9);
      delete env.HARNESS_API_KEY;
      delete env.GOOGLE_APPLICATION_CREDENTIALS;
      const mark = sb.journal.lastSeq;
      const r = await runCli(['preview', '--config', a], env);
      expect(r.code).toBe(0);
      expect(writesSince(sb, mark)).toEqual([expect.stringMatching(/^github (POST|PATCH) /)]);
      const body = botPreview(9)!.body;
      expect(body).toContain('Not previewed');
      expect(body).toMatch(/Terraform plan: no GCP credentials in this job/);
      expect(body).toMatch(/Harness diff: no Harness API key in this job/);
    },
    120_000,
  );

  it('a fork pull request without secrets shows the config file diff against the base commit', async () => {
    const repoDir = join(w.dir, 'repo');
    mkdirSync(repoDir);
    const file = join(repoDir, 'gitspaces.yaml');
    copyFileSync(w.config(), file);
    const git = (...a: string[]) =>
      execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...a], {
        cwd: repoDir,
        encoding: 'utf8',
      }).trim();
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'base');
    const base = git('rev-parse', 'HEAD');
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replace('instances: 1', 'instances: 3')
        .replace('generation: post-0.0.3', 'generation: post-0.0.3\n    version: 0.1.0'),
    );
    const event = join(w.dir, 'fork-event.json');
    writeFileSync(event, JSON.stringify({ pull_request: { number: 9, base: { sha: base } } }));
    const env: NodeJS.ProcessEnv = { ...w.prEnv(9), GITHUB_EVENT_PATH: event };
    delete env.HARNESS_API_KEY;
    delete env.GOOGLE_APPLICATION_CREDENTIALS;
    const r = await w.run(env, { config: file, mode: 'preview' });
    expect(r.r.exitCode).toBe(0);
    const body = botPreview(9)!.body;
    expect(body).toContain('Config check: ✅ valid: infrastructure gitspaces');
    expect(body).toContain('<summary>Changes to the config file</summary>');
    expect(body).toMatch(/^- +instances: 1$/m);
    expect(body).toMatch(/^\+ +instances: 3$/m);
    expect(body).toContain(
      '**⚠️ This pull request changes the Terraform module:** `harness/harness-gitspaces/gcp` → `harness/harness-gitspaces/gcp` 0.1.0.',
    );
  });

  it('a module source outside the allow-list is refused in the preview: never initialised or planned', async () => {
    const evil = w.config((c) => (c.terraform.module.source = 'github.com/someone/gitspaces-module'));
    const mark = sb.journal.lastSeq;
    const r = await w.run(w.prEnv(9), { config: evil, mode: 'preview' });
    expect(r.r.exitCode).toBe(1);
    expect(r.outputs['failure-reason']).toBe('module-not-allowed');
    expect(r.log.text()).not.toContain('terraform init');
    expect(writesSince(sb, mark)).toEqual([expect.stringMatching(/^github (POST|PATCH) /)]);
    const body = botPreview(9)!.body;
    expect(body).toContain(
      '**❌ Module refused:** module source "github.com/someone/gitspaces-module" is not in the allow-list',
    );
    const allowed = await w.run(w.prEnv(9), {
      config: evil,
      mode: 'preview',
      'allowed-module-sources': 'github.com/someone/gitspaces-module',
    });
    expect(allowed.outputs['failure-reason']).toBeUndefined();
  });

  it('a fork pull request whose token cannot comment: the preview goes to the job summary, exit 0', async () => {
    const env = w.prEnv(9);
    delete env.HARNESS_API_KEY;
    delete env.GOOGLE_APPLICATION_CREDENTIALS;
    env.GITHUB_TOKEN = sb.secrets.githubReadOnlyToken;
    const before = sb.world.github.commentsOn('acme/platform-infra', 9).length;
    const r = await w.run(env, { config: w.config(), mode: 'preview' });
    expect(r.r.exitCode).toBe(0);
    expect(r.failed).toEqual([]);
    const summary = r.summary.join('\n');
    expect(summary).toContain('#### 3. Terraform plan');
    expect(summary).toMatch(
      /Could not comment on pull request #9 \(403: Resource not accessible by integration/,
    );
    expect(summary).toContain('the preview is in this job summary');
    expect(sb.world.github.commentsOn('acme/platform-infra', 9)).toHaveLength(before);
  });

  itNeedsTerraform(
    'gitspaces preview then gitspaces up on the merge commit: applies; a changed config then exits 1 plan-changed',
    async () => {
      const a = w.config();
      const p = await runCli(['preview', '--config', a], w.prEnv(7));
      expect(p.code).toBe(0);
      const up = await runCli(['up', '--config', a], w.pushEnv());
      expect(up.output).toContain('Matches the preview reviewed on pull request #7');
      expect(up.code).toBe(0);
      expect(sb.journal.mutations('compute').length).toBeGreaterThan(0);
      const changed = w.config((c) => (c.infrastructure.gateway.whitelist_ip_ranges = ['198.51.100.0/24']));
      const mark = sb.journal.lastSeq;
      const refused = await runCli(['up', '--config', changed], w.pushEnv());
      expect(refused.code).toBe(1);
      expect(refused.output).toContain('plan-changed');
      expect(writesSince(sb, mark)).toEqual([]);

      // The preview of a change to an existing provider plans with Harness's real setup YAML: its shared
      // secret, like every credential, never reaches the comment, the summary or the outputs.
      const again = await w.run(w.prEnv(7), { config: changed, mode: 'preview' });
      expect(again.r.exitCode).toBe(0);
      const body = botPreview(7)!.body;
      // The whitelist is written into the Infra Config YAML by configure (Harness's UI sends none): the preview
      // shows it where it lands, the gateways' firewall rule in the Terraform plan.
      expect(body).toContain('The infra provider `gitspaces_gcp` already matches: nothing would change.');
      expect(body).toMatch(/~ source_ranges = \["203\.0\.113\.0\/24",[^\n]*-> \["198\.51\.100\.0\/24",/);
      const shared = sb.world.harness.infraProviders.get('gitspaces_gcp')!.sharedSecret;
      const seen = [body, again.text, JSON.stringify(again.outputs)].join('\n');
      for (const secret of [shared, sb.secrets.harnessApiKey, sb.secrets.githubToken])
        expect(seen).not.toContain(secret);
      for (const line of sb.secrets.serviceAccountPrivateKey.split('\n').filter((l) => l.length > 20))
        expect(seen).not.toContain(line);

      // Reviewed, then merged: applied, the apply's own plan (with the YAML configure wrote) held to the one the
      // gate recomputed against the predicted YAML.
      const merged = await runCli(['up', '--config', changed], w.pushEnv());
      expect(merged.output).toContain('Matches the preview reviewed on pull request #7');
      expect(merged.output).toContain('The plan is the one the review gate recomputed');
      expect(merged.output).not.toContain('plan-changed');
      expect(merged.code).toBe(0);
    },
    400_000,
  );
});
