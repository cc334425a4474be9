import { describe, expect, it } from '@jest/globals';
import {
  GITHUB_COMMENT_LIMIT,
  PlanJson,
  countsLine,
  fingerprintFromComment,
  planCounts,
  planFingerprint,
  planMarker,
  renderPlanComment,
  runUrlFromEnv,
} from '../../shared/terraform/plan-render.js';
import { syntheticPlan } from './synthetic-plan.js';

const target = { root: '.gitspaces/terraform', workspace: 'default', label: 'prod' };

const smallPlan: PlanJson = {
  resource_changes: [
    {
      address: 'module.gitspaces.terraform_data.network',
      change: { actions: ['no-op'], before: { a: 1 }, after: { a: 1 } },
    },
    {
      address: 'module.gitspaces.terraform_data.region["us-central1"]',
      change: {
        actions: ['create'],
        before: null,
        after: { input: { region: 'us-central1', shared_secret: 'hunter2-the-secret' } },
        after_unknown: { id: true },
        after_sensitive: { input: { shared_secret: true } },
      },
    },
    {
      address: 'module.gitspaces.terraform_data.old',
      change: { actions: ['delete'], before: { input: 'gone' }, after: null },
    },
    {
      address: 'module.gitspaces.terraform_data.gw',
      change: {
        actions: ['delete', 'create'],
        before: { input: 'v1' },
        after: { input: 'v2' },
        after_unknown: {},
      },
    },
    {
      address: 'module.gitspaces.terraform_data.upd',
      change: {
        actions: ['update'],
        before: { input: 'a', token: 'tok-old-value' },
        after: { input: 'b', token: 'tok-new-value' },
        before_sensitive: { token: true },
        after_sensitive: { token: true },
      },
    },
  ],
  output_changes: {
    alb_ips: {
      actions: ['create'],
      before: null,
      after: { 'us-central1': '34.1.2.3' },
      after_unknown: false,
    },
  },
};

describe('plan rendering', () => {
  it('counts like Terraform: a replacement is one add and one destroy', () => {
    expect(planCounts(smallPlan)).toMatchObject({ add: 2, change: 1, destroy: 2, replace: 1 });
    expect(countsLine(planCounts(smallPlan))).toBe('Plan: 2 to add, 1 to change, 2 to destroy.');
    expect(countsLine(planCounts({ resource_changes: [] }))).toBe(
      'No changes. Your infrastructure matches the configuration.',
    );
  });

  it('puts the counts line in the <details> summary and calls out replaced and destroyed resources before the rest', () => {
    const md = renderPlanComment(smallPlan, target);
    expect(md.split('\n')[0]).toBe(planMarker(target));
    expect(md).toContain('<details><summary>Plan: 2 to add, 1 to change, 2 to destroy.</summary>');
    const iReplaced = md.indexOf('**Replaced (1)**');
    const iDestroyed = md.indexOf('**Destroyed (1)**');
    const iOther = md.indexOf('<summary>Other changes (2)</summary>');
    expect(iReplaced).toBeGreaterThan(md.indexOf('<summary>Plan:'));
    expect(iReplaced).toBeLessThan(iDestroyed);
    expect(iDestroyed).toBeLessThan(iOther);
    expect(md).toContain('⚠️ 1 to replace:** `module.gitspaces.terraform_data.gw`');
    expect(md).toContain('# module.gitspaces.terraform_data.gw must be replaced');
    expect(md).not.toContain('terraform_data.network');
  });

  it('never shows a sensitive value, before or after, nor a secret it was told about', () => {
    const md = renderPlanComment(smallPlan, { ...target, secrets: ['34.1.2.3'] });
    expect(md).not.toContain('hunter2-the-secret');
    expect(md).not.toContain('tok-old-value');
    expect(md).not.toContain('tok-new-value');
    expect(md).toContain('(sensitive value)');
    expect(md).not.toContain('34.1.2.3');
    expect(md).toContain('(known after apply)');
  });

  it('records a fingerprint that follows the planned changes and nothing else', () => {
    const md = renderPlanComment(smallPlan, target);
    const fp = fingerprintFromComment(md);
    expect(fp).toBe(planFingerprint(smallPlan));
    // Same changes listed in another order: same fingerprint.
    const reordered: PlanJson = {
      ...smallPlan,
      resource_changes: [...(smallPlan.resource_changes ?? [])].reverse(),
    };
    expect(planFingerprint(reordered)).toBe(fp);
    // A different planned value: a different fingerprint.
    const changed = JSON.parse(JSON.stringify(smallPlan)) as PlanJson;
    (changed.resource_changes![3]!.change.after as { input: string }).input = 'v3';
    expect(planFingerprint(changed)).not.toBe(fp);
    // A changed secret changes what apply does, so it changes the fingerprint too.
    const secret = JSON.parse(JSON.stringify(smallPlan)) as PlanJson;
    (secret.resource_changes![1]!.change.after as { input: Record<string, string> }).input.shared_secret =
      'rotated';
    expect(planFingerprint(secret)).not.toBe(fp);
  });

  it('keeps a 5,000-resource plan under 65,536 characters, counts first, cut on a line boundary with a note and the run link', () => {
    const plan = syntheticPlan(5000);
    const runUrl = runUrlFromEnv({
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'acme/infra',
      GITHUB_RUN_ID: '42',
    });
    const md = renderPlanComment(plan, { ...target, runUrl });
    expect(md.length).toBeLessThan(GITHUB_COMMENT_LIMIT);
    const counts = countsLine(planCounts(plan));
    expect(counts).toBe('Plan: 4600 to add, 300 to change, 200 to destroy.');
    const firstContent = md.split('\n').find((l) => l.startsWith('<details>'));
    expect(firstContent).toBe(`<details><summary>${counts}</summary>`);
    expect(md).toMatch(/_Plan truncated: \d+ more line\(s\) not shown/);
    expect(md).toContain('[workflow run](https://github.com/acme/infra/actions/runs/42)');
    expect(fingerprintFromComment(md)).toBe(planFingerprint(plan));
    // Cut on line boundaries: every resource header kept is whole, and the code fences are balanced.
    expect((md.match(/^```/gm) ?? []).length % 2).toBe(0);
    expect((md.match(/<details>/g) ?? []).length).toBe((md.match(/<\/details>/g) ?? []).length);
    for (const line of md.split('\n').filter((l) => l.startsWith('# module.')))
      expect(line).toMatch(/(created|destroyed|replaced|in-place)( \(.*\))?$/);
  });

  it('does not truncate what fits', () => {
    expect(renderPlanComment(smallPlan, target)).not.toContain('Plan truncated');
  });
});

describe('the plan comment fingerprint', () => {
  it('is read from the last line only: a marker inside the plan is text', () => {
    const planted = `<!-- gitspaces-plan-fingerprint: sha256:${'0'.repeat(64)} -->`;
    const real = `<!-- gitspaces-plan-fingerprint: sha256:${'1'.repeat(64)} -->`;
    expect(fingerprintFromComment(`head\n+ description = "${planted}"\n${planted}\n\n${real}\n`)).toBe(
      `sha256:${'1'.repeat(64)}`,
    );
    expect(fingerprintFromComment(`head\n${planted}\ntail`)).toBeUndefined();
  });
});
