import { main as pipeline } from '../../actions/pipeline/main.js';
import { realClock } from '../../shared/clock.js';
import { testIO } from '../create/helpers.js';
import { runValidate, scenarioRun } from '../validate/helpers.js';

/**
 * The job summary leads with what matters: on a failing preflight the reader sees the failures and their fixes
 * before any table, then (in the pipeline) the phases and the timeline, then the passing checks folded.
 */
describe('the summary of a failing preflight', () => {
  let s: Awaited<ReturnType<typeof scenarioRun>>;
  beforeAll(async () => {
    s = await scenarioRun('dns-not-delegated');
  });
  afterAll(async () => {
    await s?.close();
  });

  const inputs = () => ({
    config: s.configPath,
    'harness-api-key': s.sb.secrets.harnessApiKey,
    'report-path': `${s.dir}/report.json`,
  });
  /** Headings, the first list item, and the first line of each table or folded block, in order. */
  const outline = (md: string) =>
    md
      .split('\n')
      .filter((l, i, all) => {
        if (/^(#{2,3} |\*\*|<details>|```mermaid)/.test(l)) return true;
        const first = (p: string) => l.startsWith(p) && !all[i - 1]?.startsWith(p);
        return first('- ') || first('|');
      })
      .map((l) => (l.startsWith('|') ? l.replace(/\|.*/, '| …') : l));

  it('validate-prereqs: the failures and their fixes come right after the verdict', async () => {
    const r = await runValidate(inputs(), s.env);
    const failing = r.report.checks.filter((c) => c.status === 'error');
    expect(failing.map((c) => c.id)).toContain('DNS-002'); // the scenario's failure
    const lines = r.summary.split('\n');
    expect(lines.slice(0, 5)).toEqual([
      '## Gitspaces preflight',
      '',
      expect.stringMatching(/^\*\*❌ \d+ error\(s\)/),
      '',
      '### What to fix',
    ]);
    // Every failing check, with its fix, before the first table or folded block.
    const firstFold = lines.findIndex((l) => l.startsWith('<details>') || l.startsWith('|'));
    const lead = lines.slice(0, firstFold).join('\n');
    for (const c of failing) expect(lead).toContain(`**${c.id}**`);
    for (const c of failing) expect(lead).toContain(`**Fix:** ${c.fix.split('\n')[0]}`);
    // Passing checks are all folded.
    expect(lines.filter((l) => l.startsWith('<details><summary>✅')).length).toBeGreaterThan(3);
    expect(lines.some((l) => l.startsWith('### ') && l !== '### What to fix')).toBe(false);
  });

  it('the pipeline: what failed, then the phases and the timeline, then the passing checks folded', async () => {
    const t = testIO({ ...inputs(), phases: 'validate' }, realClock, s.env);
    const result = await pipeline(t.io);
    expect(result.exitCode).toBe(1);
    const pipelineSummary = t.summary[t.summary.length - 1] as string;
    expect(outline(pipelineSummary).slice(0, 7)).toEqual([
      '## Gitspaces pipeline',
      '**❌ Stopped at validate.**',
      '## Gitspaces preflight',
      expect.stringMatching(/^\*\*❌ \d+ error\(s\)/),
      '### What to fix',
      expect.stringMatching(/^- ❌ \*\*DNS-002\*\* /),
      '### Phases',
    ]);
    const beforeTable = pipelineSummary.slice(0, pipelineSummary.indexOf('### Phases'));
    expect(beforeTable).toMatch(/^❌ \*\*validate\*\* failed: /m);
    const rest = outline(pipelineSummary).slice(7);
    expect(rest.slice(0, 2)).toEqual(['| …', '```mermaid']);
    expect(rest.slice(2).filter((l) => l.startsWith('<details><summary>✅')).length).toBeGreaterThan(3);
  });
});
