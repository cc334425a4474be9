import { pipelineEnd } from '../../cli/main.js';
import type { PhaseResult } from '../../shared/report/model.js';
import { renderTimelineMermaid, renderTimelineText } from '../../shared/report/render.js';

const phases: PhaseResult[] = [
  { name: 'validate', status: 'ok', startedAt: 0, durationMs: 1000, summary: '34 passed' },
  {
    name: 'configure',
    status: 'ok',
    startedAt: 1000,
    durationMs: 500,
    summary: 'created infra provider gitspaces_gcp',
  },
  { name: 'apply', status: 'failed', startedAt: 1500, durationMs: 8500, summary: 'terraform apply failed' },
  { name: 'install-runner', status: 'skipped', startedAt: 10000, durationMs: 0, summary: 'not run' },
];

describe("the pipeline's end on a terminal", () => {
  it('shows the same timeline as the job summary: bars placed at each start, as long as each duration', () => {
    const text = renderTimelineText(phases, 20).split('\n');
    expect(text[0]).toBe('validate        ██ 1.0s');
    expect(text[2]).toBe('apply              ▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒ 8.5s');
    expect(text[3]).toMatch(/^install-runner {22}· skipped$/);
    const mermaid = renderTimelineMermaid(phases);
    expect(mermaid).toContain('apply (8.5s) :crit, 1500, 10000');
  });

  it('lists phases, gitspace URLs and SSH commands, and says where it stopped', () => {
    const end = pipelineEnd(phases, {
      gitspaces: JSON.stringify([
        {
          name: 'api-dev',
          identifier: 'api-dev-x1y2z3',
          state: 'running',
          url: 'https://a/',
          'ssh-command': 'ssh -p 2222 a',
        },
      ]),
      'alb-ips': '{"us-central1":"34.1.2.3"}',
    });
    expect(end).toContain('FAIL  apply');
    expect(end).toContain('api-dev (api-dev-x1y2z3): running\n  open: https://a/\n  ssh:  ssh -p 2222 a');
    expect(end).toContain('alb-ips: {"us-central1":"34.1.2.3"}');
    expect(end.trim().split('\n').pop()).toBe('Stopped at apply: see the messages above.');
  });
});
