/** GitHub's per-step limits (shared/step-limits.ts) as the runtime IO keeps them, and the retry budget. */
import { expect, test } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ActionsCore, actionsRuntimeIO } from '../../shared/actions-runtime.js';
import { FakeClock } from '../../shared/clock.js';
import { RemoteError } from '../../shared/errors.js';
import { retry } from '../../shared/retry.js';
import { SUMMARY_LIMIT_BYTES } from '../../shared/step-limits.js';
import { onlyTransientErrors } from '../../shared/terraform/transient.js';

function recorder() {
  const annotations: { level: string; message: string; title?: string }[] = [];
  const info: string[] = [];
  const written: string[] = [];
  const summary = {
    addRaw(text: string, eol?: boolean) {
      written.push(text + (eol ? '\n' : ''));
      return summary;
    },
    async write() {
      return summary;
    },
  };
  const c = {
    debug: () => {},
    info: (m: string) => void info.push(m),
    warning: (m: string, p: { title?: string }) =>
      void annotations.push({ level: 'warning', message: m, title: p.title }),
    error: (m: string, p: { title?: string }) =>
      void annotations.push({ level: 'error', message: m, title: p.title }),
    setSecret: () => {},
    group: async <T>(_t: string, fn: () => Promise<T>) => fn(),
    setOutput: () => {},
    setFailed: (m: string) => void annotations.push({ level: 'error', message: m, title: 'setFailed' }),
    summary,
  } as unknown as ActionsCore;
  return { c, annotations, info, written };
}

function withSummaryFile<T>(fn: (file: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'gitspaces-limits-'));
  const file = join(dir, 'summary.md');
  writeFileSync(file, '');
  return fn(file).finally(() => rmSync(dir, { recursive: true, force: true }));
}

test('the job summary of a step stays under 1 MiB, cut at a line with a note saying so', async () => {
  await withSummaryFile(async (file) => {
    const r = recorder();
    const io = actionsRuntimeIO(r.c, { GITHUB_STEP_SUMMARY: file });
    const row = `| check | ${'x'.repeat(200)} |\n`;
    for (let i = 0; i < 3; i++) await io.appendSummary(row.repeat(2500)); // ~1.5 MB in all
    await io.appendSummary('## after the cut');
    const total = r.written.join('');
    expect(Buffer.byteLength(total, 'utf8')).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES);
    expect(total).toMatch(
      /… \(truncated: GitHub keeps at most 1 MiB of job summary per step; .*The full text is in the step's log\.\)\n+$/,
    );
    expect(total).not.toContain('## after the cut');
    expect(r.info).toContain(
      "The job summary reached GitHub's 1 MiB limit for one step; the rest is in this log only.",
    );
  });
});

test('at most 10 annotations of each level: errors first, the rest counted in one annotation and listed in the summary', async () => {
  await withSummaryFile(async (file) => {
    const r = recorder();
    const io = actionsRuntimeIO(r.c, { GITHUB_STEP_SUMMARY: file });
    for (let i = 1; i <= 14; i++) io.log.warning(`warning ${i}`, { title: `W-${i}` });
    for (let i = 1; i <= 12; i++) io.log.error(`error ${i}`, { title: `E-${i}` });
    io.setFailed('Preflight failed');
    await io.finishStep();
    const errors = r.annotations.filter((a) => a.level === 'error');
    const warnings = r.annotations.filter((a) => a.level === 'warning');
    expect(errors.length).toBe(10);
    expect(warnings.length).toBe(10);
    expect(errors.map((a) => a.title)).toEqual([
      ...Array.from({ length: 8 }, (_, i) => `E-${i + 1}`),
      'setFailed',
      '4 more error(s)',
    ]);
    expect(warnings.at(-1)?.message).toMatch(
      /^5 more warning\(s\) than GitHub shows as annotations in one step: see "Annotations beyond GitHub's limit" in the job summary/,
    );
    const summary = r.written.join('');
    expect(summary).toContain("## Annotations beyond GitHub's limit");
    // Most severe first, every held one listed.
    expect(summary.indexOf('**error** E-9')).toBeLessThan(summary.indexOf('**warning** W-10'));
    for (const t of ['E-9', 'E-12', 'W-10', 'W-14']) expect(summary).toContain(` ${t}: `);
    // And each is still in the log.
    expect(r.info).toContain('Error (E-12): error 12');
  });
});

test('one held annotation is shown at the end rather than counted', async () => {
  const r = recorder();
  const io = actionsRuntimeIO(r.c, {});
  for (let i = 1; i <= 10; i++) io.log.warning(`warning ${i}`);
  await io.finishStep();
  expect(r.annotations.filter((a) => a.level === 'warning').map((a) => a.message)).toEqual(
    Array.from({ length: 10 }, (_, i) => `warning ${i + 1}`),
  );
});

test('throttled requests are retried past the default 5 attempts within the budget; a wait beyond the budget is not slept', async () => {
  const clock = new FakeClock();
  let calls = 0;
  const throttled = new RemoteError('compute', 403, 'm', {
    error: { errors: [{ reason: 'rateLimitExceeded' }] },
  });
  await expect(
    retry(
      async () => {
        calls++;
        if (calls < 8) throw throttled;
        return 'ok';
      },
      { clock, random: () => 0 },
    ),
  ).resolves.toBe('ok');
  expect(calls).toBe(8);

  const later = new RemoteError('github', 403, 'secondary rate limit', undefined, 3600_000, true);
  const t0 = clock.now();
  const e = (await retry(async () => Promise.reject(later), { clock }).catch((x: unknown) => x)) as Error;
  expect(clock.now()).toBe(t0);
  expect(e.message).toMatch(
    /the service asks to wait 3600s before retrying, longer than this step retries; re-run the step later/,
  );
});

test("terraform's transient errors are told apart from real ones", () => {
  expect(
    onlyTransientErrors(
      'Error: Error applying IAM policy for project "p": Post "http://x/v1/p:getIamPolicy": EOF\n',
    ),
  ).toBe(true);
  expect(
    onlyTransientErrors('Error: Failed to upload state: googleapi: Error 503: unavailable, backendError'),
  ).toBe(true);
  expect(
    onlyTransientErrors(
      'Error: x: EOF\n\nError: Error creating Network: googleapi: Error 409: already exists, alreadyExists',
    ),
  ).toBe(false);
  expect(onlyTransientErrors('Error: googleapi: Error 403: Required permission, forbidden')).toBe(false);
  expect(onlyTransientErrors('')).toBe(false);
});
