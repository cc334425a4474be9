import { Task, runTasks } from '../../actions/pipeline/overlap.js';
import { FakeClock } from '../../shared/clock.js';

/** A task the test finishes by hand, so the order of events is decided by the test, never by timing. */
function gate(id: string, after: string[], events: string[]) {
  let finish!: (r: { status: 'ok' } | { status: 'failed'; reason: string }) => void;
  let sawAbort = false;
  let markStarted!: () => void;
  const started = new Promise<void>((r) => (markStarted = r));
  const task: Task = {
    id,
    after,
    run: (signal) => {
      events.push(`start ${id}`);
      signal.addEventListener('abort', () => (sawAbort = true));
      markStarted();
      return new Promise((r) => (finish = r));
    },
  };
  return {
    task,
    started,
    ok: () => (events.push(`end ${id}`), finish({ status: 'ok' })),
    fail: (reason: string) => (events.push(`fail ${id}`), finish({ status: 'failed', reason })),
    aborted: () => sawAbort,
  };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('the overlapping scheduler', () => {
  it('starts a task only once everything it comes after succeeded, and independent tasks at once', async () => {
    const events: string[] = [];
    const apply = gate('apply', [], events);
    const runner = gate('install-runner', ['apply'], events);
    const certs = gate('certificates', ['apply'], events);
    const create = gate('create', ['install-runner'], events);
    const done = runTasks([apply.task, runner.task, certs.task, create.task], new FakeClock());
    await apply.started;
    await tick();
    expect(events).toEqual(['start apply']);
    apply.ok();
    await Promise.all([runner.started, certs.started]);
    expect(events).toEqual(['start apply', 'end apply', 'start install-runner', 'start certificates']);
    runner.ok();
    await create.started;
    // create waited for install-runner only: the certificates are still provisioning.
    expect(events.slice(-2)).toEqual(['end install-runner', 'start create']);
    create.ok();
    await tick();
    expect(events).not.toContain('end certificates');
    certs.ok();
    const records = await done;
    expect(records.map((r) => `${r.id}:${r.status}`)).toEqual([
      'apply:ok',
      'install-runner:ok',
      'certificates:ok',
      'create:ok',
    ]);
  });

  it('stops what depends on a failure, says which task stopped it, and tells running tasks', async () => {
    const events: string[] = [];
    const apply = gate('apply', [], events);
    const runner = gate('install-runner', ['apply'], events);
    const certs = gate('certificates', ['apply'], events);
    const create = gate('create', ['install-runner'], events);
    const after = gate('report', ['create'], events);
    const done = runTasks([apply.task, runner.task, certs.task, create.task, after.task], new FakeClock());
    await apply.started;
    apply.ok();
    await Promise.all([runner.started, certs.started]);
    runner.fail('RUNNER-101 failed');
    await tick();
    expect(certs.aborted()).toBe(true);
    certs.ok();
    const records = await done;
    expect(events).not.toContain('start create');
    expect(events).not.toContain('start report');
    expect(records.map((r) => [r.id, r.status, r.reason])).toEqual([
      ['apply', 'ok', undefined],
      ['install-runner', 'failed', 'RUNNER-101 failed'],
      ['certificates', 'ok', undefined],
      ['create', 'skipped', 'not run: install-runner failed'],
      ['report', 'skipped', 'not run: create did not run'],
    ]);
  });

  it('fails a task that throws, and refuses unknown prerequisites and cycles', async () => {
    const boom: Task = { id: 'boom', after: [], run: () => Promise.reject(new Error('terraform exited 1')) };
    const next: Task = { id: 'next', after: ['boom'], run: () => Promise.resolve({ status: 'ok' }) };
    const records = await runTasks([boom, next], new FakeClock());
    expect(records.map((r) => [r.id, r.status, r.reason])).toEqual([
      ['boom', 'failed', 'terraform exited 1'],
      ['next', 'skipped', 'not run: boom failed'],
    ]);
    await expect(runTasks([{ ...next, after: ['nope'] }], new FakeClock())).rejects.toThrow(
      'Task next comes after unknown task(s): nope',
    );
    const a: Task = { id: 'a', after: ['b'], run: () => Promise.resolve({ status: 'ok' }) };
    const b: Task = { id: 'b', after: ['a'], run: () => Promise.resolve({ status: 'ok' }) };
    await expect(runTasks([a, b], new FakeClock())).rejects.toThrow('a cycle): a, b');
  });
});
