import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { rmSync } from 'node:fs';
import { Sandbox, startSandbox } from '../../sandbox/index.js';
import { main as terraformApply } from '../../actions/terraform-apply/main.js';
import { githubClient } from '../../shared/github/comments.js';
import { testIO } from '../configure/helpers.js';
// Loaded here: jest's ESM loader can fail two parallel first dynamic imports ("not in cache").
import '../../shared/terraform/root.js';
import '../../shared/terraform/state-run.js';
import { itNeedsTerraform } from '../terraform/fixtures.js';
import { previewWorld, writesSince } from './helpers.js';

/**
 * Issue 12, points 1 and 2, against the sandbox with the real terraform: a pull request's preview writes nothing
 * but its comment; a push applies only what was reviewed, and the gate refuses before any mutating request.
 */
describe('preview on the pull request, gate on the push', () => {
  let sb: Sandbox;
  let w: ReturnType<typeof previewWorld>;
  let configA: string;
  beforeAll(async () => {
    sb = await startSandbox({
      scenario: {
        gcp: { certificates: { activeAfterMs: 0 } },
        github: { morePullRequests: [{ number: 9 }] },
      },
    });
    w = previewWorld(sb);
    configA = w.config();
  });
  afterAll(async () => {
    await sb?.stop();
    if (w) rmSync(w.dir, { recursive: true, force: true });
  });
  const repo = { owner: 'acme', repo: 'platform-infra' };
  const comments = (pr = 7) => sb.world.github.commentsOn('acme/platform-infra', pr);
  const botPreview = (pr = 7) =>
    comments(pr).find(
      (c) => c.user.login === 'github-actions[bot]' && c.body.startsWith('<!-- gitspaces-preview'),
    );

  itNeedsTerraform(
    'a pull request preview writes nothing to Google or Harness: one comment, in order, counts first',
    async () => {
      const mark = sb.journal.lastSeq;
      const p = await w.run(w.prEnv(), { config: configA, mode: 'preview' });
      expect(p.r.exitCode).toBe(0);
      expect(writesSince(sb, mark)).toEqual(['github POST /repos/acme/platform-infra/issues/7/comments']);
      const c = botPreview();
      expect(c).toBeDefined();
      const body = c!.body;
      const order = [
        '#### 1. Preflight',
        '#### 2. Harness infra provider',
        '#### 3. Terraform plan',
        '#### 4. Machines',
      ];
      const at = order.map((h) => body.indexOf(h));
      expect(at.every((i) => i > 0)).toBe(true);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
      expect(body).toContain('Would create the infra provider `gitspaces_gcp`');
      expect(body).toMatch(/\*\*Plan: \d+ to add, 0 to change, 0 to destroy\.\*\*/);
      expect(body).toContain('➕ create');
      expect(p.outputs['preview-fingerprint']).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(p.outputs['comment-url']).toContain('#issuecomment-');

      // A second preview of the same change updates the same comment.
      const again = sb.journal.lastSeq;
      const q = await w.run(w.prEnv(), { config: configA, mode: 'preview' });
      expect(q.outputs['preview-fingerprint']).toBe(p.outputs['preview-fingerprint']);
      expect(writesSince(sb, again)).toEqual([]);
      expect(comments().filter((x) => x.body.startsWith('<!-- gitspaces-preview'))).toHaveLength(1);
    },
    240_000,
  );

  itNeedsTerraform(
    'config changed after review: refused with plan-changed before any mutating request',
    async () => {
      const changed = w.config((c) => (c.infrastructure.gateway.machine_type = 'e2-standard-8'));
      const mark = sb.journal.lastSeq;
      const r = await w.run(w.pushEnv(), { config: changed });
      expect(r.r.exitCode).toBe(1);
      expect(r.outputs['failure-reason']).toBe('plan-changed');
      expect(r.text).toMatch(/plan-changed: .*Harness infra provider diff.*Terraform plan/);
      expect(writesSince(sb, mark)).toEqual([]);
    },
    240_000,
  );

  it('a push whose commit has no pull request: not-reviewed, nothing tried', async () => {
    const mark = sb.journal.lastSeq;
    const r = await w.run(w.pushEnv('f'.repeat(40)), { config: configA });
    expect(r.r.exitCode).toBe(1);
    expect(r.outputs['failure-reason']).toBe('not-reviewed');
    expect(r.text).toContain('has no pull request');
    expect(writesSince(sb, mark)).toEqual([]);
  });

  it('terraform-apply on its own, on a push whose commit has no pull request: not-reviewed, nothing applied', async () => {
    const t = testIO({ config: configA, mode: 'apply', 'gcp-credentials': '' }, w.pushEnv('f'.repeat(40)));
    const mark = sb.journal.lastSeq;
    await expect(terraformApply(t.io)).rejects.toThrow(
      /not-reviewed: commit ffffffffffff has no pull request/,
    );
    expect(t.outputs['failure-reason']).toBe('not-reviewed');
    expect(writesSince(sb, mark)).toEqual([]);
  });

  it('auto-approve: true goes on without a reviewed preview, and says so in the summary', async () => {
    const r = await w.run(w.pushEnv('f'.repeat(40)), {
      config: configA,
      'auto-approve': 'true',
      phases: 'validate',
    });
    expect(r.r.exitCode).toBe(0);
    expect(r.summary.join('\n')).toContain('Applied without a reviewed preview (auto-approve: true)');
  });

  itNeedsTerraform(
    "a preview comment by another user, or the workflow's edited by one, is ignored",
    async () => {
      // The change B gets a genuine preview on pull request 9; a user copies it onto pull request 7.
      const changed = w.config((c) => (c.infrastructure.gateway.instances = 3));
      const b = await w.run(w.prEnv(9), { config: changed, mode: 'preview' });
      expect(b.r.exitCode).toBe(0);
      const copied = botPreview(9)!.body;
      const user = githubClient(sb.secrets.githubUserToken, sb.env);
      await user.rest.issues.createComment({ ...repo, issue_number: 7, body: copied });
      let r = await w.run(w.pushEnv(), { config: changed });
      expect(r.outputs['failure-reason']).toBe('plan-changed');
      expect(r.text).toContain('not written by github-actions[bot]');
      // The user edits the workflow's own comment on 7 into B's preview: the author stays the bot, but the
      // body was written for another pull request, and a partial edit breaks its digest.
      const own = botPreview(7)!;
      await user.rest.issues.updateComment({ ...repo, comment_id: own.id, body: copied });
      r = await w.run(w.pushEnv(), { config: changed });
      expect(r.outputs['failure-reason']).toBe('not-reviewed');
      expect(r.text).toContain('was edited after github-actions[bot] wrote it');
      const fpB = b.outputs['preview-fingerprint'] as string;
      const original = botPreview(9)!.body;
      const forged = original.replace(/pr=9 /, 'pr=7 ');
      await user.rest.issues.updateComment({ ...repo, comment_id: own.id, body: forged });
      r = await w.run(w.pushEnv(), { config: changed });
      expect(r.outputs['failure-reason']).toBe('not-reviewed');
      expect(forged).toContain(fpB);
    },
    300_000,
  );
});
