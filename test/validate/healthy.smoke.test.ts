import { scenarioRun, runValidate } from './helpers.js';

it('healthy', async () => {
  const s = await scenarioRun('healthy');
  try {
    const r = await runValidate({ config: s.configPath, 'harness-api-key': s.sb.secrets.harnessApiKey, 'report-path': `${s.dir}/report.json` }, s.env);
    for (const c of r.report.checks) console.log(c.id, c.status, c.durationMs, c.observed.slice(0, 200), '|', c.fix.slice(0, 150));
  } finally {
    await s.close();
  }
});
