/**
 * The preflight as a user waits for it: every check runs at once, and each check's own reads go out together
 * where one does not need another's answer. With every request given a real round trip, the healthy scenario's
 * preflight waits for three one after another: the access token; then every read that needs it (the state, the
 * bucket with the project's number, the zone, the APIs, IAM, quotas ...); then what needs those (the bucket's
 * IAM and the lock; the zone's records and the lists STATE-006 compares with the state).
 */
import { Journal } from '../../sandbox/core/journal.js';
import { runValidate, scenarioRun } from './helpers.js';

test('the healthy preflight waits for three round trips one after another, and passes', async () => {
  const s = await scenarioRun('healthy');
  try {
    s.sb.faults.baseLatencyMs = 400; // well above what the client does between requests, even on a loaded machine
    const mark = s.sb.journal.lastSeq;
    const r = await runValidate(
      {
        config: s.configPath,
        'harness-api-key': s.sb.secrets.harnessApiKey,
        'report-path': `${s.dir}/report.json`,
      },
      s.env,
    );
    expect(r.failed).toEqual([]);
    const requests = s.sb.journal.since(mark);
    expect(requests.length).toBeGreaterThan(25);
    expect(Journal.roundTripsInSequence(requests)).toBe(3);
  } finally {
    await s.close();
  }
});
