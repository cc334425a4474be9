import { serialVerdict } from '../../shared/runner/install-gates.js';

/** The bootstrap's last line on serial port 1, as GCE's script runner prefixes it. */
const line = (text: string) =>
  `2026-11-30T12:00:00.000Z vm google_metadata_script_runner[812]: startup-script: ${text}\n`;

test('the FAILED line of this run names the step and the reason; other runs are ignored', () => {
  const out =
    line('gitspaces-bootstrap: FAILED run=old-1 step=docker: download of get.docker.com failed') +
    line('gitspaces-bootstrap: run new-2 started') +
    line(
      'gitspaces-bootstrap: FAILED run=new-2 step=runner-health: GET http://localhost:3000/healthz did not answer OK after 90 attempts',
    );
  expect(serialVerdict(out, 'new-2')).toEqual({
    failedStep: 'runner-health',
    reason: 'GET http://localhost:3000/healthz did not answer OK after 90 attempts',
  });
  expect(serialVerdict(out, 'old-1')).toEqual({
    failedStep: 'docker',
    reason: 'download of get.docker.com failed',
  });
  expect(serialVerdict(out, 'other-3')).toEqual({});
});

test('DONE of this run only', () => {
  const out = line('gitspaces-bootstrap: DONE run=r1') + line('gitspaces-bootstrap: done');
  expect(serialVerdict(out, 'r1')).toEqual({ done: true });
  expect(serialVerdict(out, 'r10')).toEqual({});
  expect(serialVerdict(line('gitspaces-bootstrap: DONE run=r10'), 'r1')).toEqual({});
});
