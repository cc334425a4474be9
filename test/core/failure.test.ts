/** shared/failure.ts: the one mapping from a failure to an exit code and what the user reads. */
import { ConfigurationError, RemoteError, WaitTimeoutError } from '../../shared/errors.js';
import { EXIT, outcomeOfError, outcomeOfResult, reportOutcome } from '../../shared/failure.js';
import { RecordingLogger } from '../../shared/logger.js';

const phase = { name: 'x', status: 'failed' as const, startedAt: 0, durationMs: 1, summary: '2 error(s)' };

test('a config problem with a place is one annotation at its file and line; the header is a log line only', () => {
  const e = new ConfigurationError(
    'CONFIG_INVALID',
    'gitspaces.yaml has 2 problem(s):\n  - a\n  - b',
    'Correct each field listed.',
    ['version (line 1): found 7', 'gcp: found nothing'],
    [{ file: 'gitspaces.yaml', line: 1 }, { file: 'gitspaces.yaml' }],
  );
  const o = outcomeOfError(e);
  expect(o.exitCode).toBe(EXIT.config);
  expect(o.annotations).toEqual([
    {
      message: 'version (line 1): found 7',
      title: 'Configuration error (CONFIG_INVALID)',
      file: 'gitspaces.yaml',
      startLine: 1,
    },
    {
      message: 'gcp: found nothing',
      title: 'Configuration error (CONFIG_INVALID)',
      file: 'gitspaces.yaml',
      startLine: undefined,
    },
  ]);
  expect(o.log).toEqual([
    '[CONFIG_INVALID] gitspaces.yaml has 2 problem(s), each annotated below. Fix: Correct each field listed.',
  ]);
});

test('a configuration error with no place is one annotation with the message, the fix and its details', () => {
  const o = outcomeOfError(
    new ConfigurationError('TERRAFORM_FAILED', 'terraform plan failed (exit code 1).', 'See the error.', [
      'Error: Unsupported attribute',
    ]),
  );
  expect(o.exitCode).toBe(2);
  expect(o.annotations).toEqual([
    {
      message:
        '[TERRAFORM_FAILED] terraform plan failed (exit code 1).\nFix: See the error.\nError: Unsupported attribute',
      title: 'Configuration error (TERRAFORM_FAILED)',
    },
  ]);
  expect(o.log).toEqual([]);
});

test('remote errors and timeouts are exit 1 with one annotation; a bug says so and keeps its stack for debug', () => {
  expect(outcomeOfError(new RemoteError('Harness', 503, 'unavailable'))).toMatchObject({
    exitCode: 1,
    annotations: [{ message: 'Harness answered 503: unavailable' }],
    bug: false,
  });
  expect(
    outcomeOfError(new WaitTimeoutError('the gateway', 'starting', 60_000, 'Look at the VM.')),
  ).toMatchObject({
    exitCode: 1,
    message: 'Gave up waiting for the gateway after 60s; last state: starting\nFix: Look at the VM.',
  });
  const bug = outcomeOfError(new TypeError('x is undefined'));
  expect(bug).toMatchObject({ exitCode: 1, bug: true });
  expect(bug.message).toMatch(/this is a bug.*RUNNER_DEBUG=1.*: x is undefined$/);
  expect(bug.debug[0]).toMatch(/^TypeError: x is undefined\n\s+at /);
  const log = new RecordingLogger();
  reportOutcome(bug, log);
  expect(log.lines.map((l) => l.split(':')[0])).toEqual(['debug', 'error']);
});

test('a returned result: ok is silent; a failure not yet told is annotated once, one already told only sets the code', () => {
  expect(outcomeOfResult('validate-prereqs', { exitCode: 0, phase }, false)).toMatchObject({
    exitCode: 0,
    annotations: [],
  });
  expect(outcomeOfResult('validate-prereqs', { phase }, false).exitCode).toBe(0);
  expect(outcomeOfResult('validate-prereqs', { exitCode: 1, phase }, false)).toMatchObject({
    exitCode: 1,
    annotations: [{ message: 'validate-prereqs failed: 2 error(s)' }],
  });
  expect(outcomeOfResult('validate-prereqs', { exitCode: 1, phase }, true)).toMatchObject({
    exitCode: 1,
    annotations: [],
  });
  expect(outcomeOfResult('configure-infra', { exitCode: 2, phase }, true).exitCode).toBe(2);
});
