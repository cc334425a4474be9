import { renderPlanComment } from '../shared/terraform/plan-render.js';
import { syntheticPlan } from '../test/terraform/synthetic-plan.js';

/** Time to render the pull-request comment of a 5,000-resource plan (median of several runs). */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  note?: string;
}

export default async function bench(): Promise<Figure[]> {
  const plan = syntheticPlan(5000);
  const target = {
    root: '.gitspaces/terraform',
    workspace: 'default',
    label: 'bench',
    runUrl: 'https://github.com/acme/infra/actions/runs/1',
  };
  renderPlanComment(plan, target); // warm-up
  const times: number[] = [];
  let length = 0;
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    const md = renderPlanComment(plan, target);
    times.push(performance.now() - t0);
    if (md.length >= 65_536) throw new Error(`comment too long: ${md.length}`);
    length = md.length;
  }
  times.sort((a, b) => a - b);
  return [
    {
      name: 'plan-comment render (5,000 resources)',
      value: Math.round((times[3] as number) * 10) / 10,
      unit: 'ms',
      note: 'median of 7',
    },
    {
      name: 'plan-comment length (5,000 resources)',
      value: length,
      unit: 'chars',
      note: 'GitHub limit 65,536',
    },
  ];
}
export const planCommentBench = bench;
