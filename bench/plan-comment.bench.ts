import { renderPlanComment } from '../shared/terraform/plan-render.js';
import { syntheticPlan } from '../test/terraform/synthetic-plan.js';

/** Time to render the pull-request comment of a 5,000-resource plan (median of several runs). */
export default async function bench(): Promise<{ name: string; value: number; unit: string }> {
  const plan = syntheticPlan(5000);
  const target = { root: '.gitspaces/terraform', workspace: 'default', label: 'bench', runUrl: 'https://github.com/acme/infra/actions/runs/1' };
  renderPlanComment(plan, target); // warm-up
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    const md = renderPlanComment(plan, target);
    times.push(performance.now() - t0);
    if (md.length >= 65_536) throw new Error(`comment too long: ${md.length}`);
  }
  times.sort((a, b) => a - b);
  return { name: 'plan-comment render (5,000 resources)', value: Math.round((times[3] as number) * 10) / 10, unit: 'ms' };
}
export const planCommentBench = bench;
