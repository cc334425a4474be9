/**
 * The pipeline's scheduler: each task starts as soon as every task it comes after has succeeded, so independent
 * work overlaps (the certificates provision while the runner installs) and dependent work keeps its order (each
 * phase after the one before). A task whose prerequisite failed, or was itself not run, is not run: it is reported
 * `skipped`, naming the task that stopped it. Once any task fails, tasks still running are told through their
 * signal (a wait that only matters for a successful run can stop early); tasks that change things are never cut.
 */
import type { Clock } from '../../shared/clock.js';
import { errorMessage } from '../../shared/errors.js';

export interface Task {
  id: string;
  /** Tasks that must succeed before this one starts. */
  after: readonly string[];
  /** Runs the task; resolves `failed` (with why) or throws to fail it; `skipped` when it stopped on the signal. */
  run(signal: AbortSignal): Promise<{ status: 'ok' } | { status: 'failed' | 'skipped'; reason: string }>;
}

export interface TaskRecord {
  id: string;
  status: 'ok' | 'failed' | 'skipped';
  /** When it started (clock time); for a skipped task, when it was found it could not run. */
  startedAt: number;
  finishedAt: number;
  /** Why it failed, or which task stopped it. */
  reason?: string;
}

/** Runs the tasks, each as soon as its prerequisites succeeded; records in the order the tasks were given. */
export async function runTasks(tasks: readonly Task[], clock: Clock): Promise<TaskRecord[]> {
  const ids = new Set(tasks.map((t) => t.id));
  for (const t of tasks) {
    const unknown = t.after.filter((d) => !ids.has(d));
    if (unknown.length) throw new Error(`Task ${t.id} comes after unknown task(s): ${unknown.join(', ')}`);
  }
  const records = new Map<string, TaskRecord>();
  const running = new Map<string, Promise<void>>();
  const failure = new AbortController();

  const settle = (): void => {
    let progress = true;
    while (progress) {
      progress = false;
      for (const t of tasks) {
        if (records.has(t.id) || running.has(t.id)) continue;
        const blocker = t.after.map((d) => records.get(d)).find((r) => r && r.status !== 'ok');
        if (blocker) {
          const now = clock.now();
          records.set(t.id, {
            id: t.id,
            status: 'skipped',
            startedAt: now,
            finishedAt: now,
            reason: `not run: ${blocker.id} ${blocker.status === 'failed' ? 'failed' : 'did not run'}`,
          });
          progress = true;
          continue;
        }
        if (!t.after.every((d) => records.get(d)?.status === 'ok')) continue;
        running.set(t.id, start(t));
      }
    }
  };

  const start = async (t: Task): Promise<void> => {
    const startedAt = clock.now();
    let record: TaskRecord;
    try {
      const r = await t.run(failure.signal);
      record =
        r.status === 'ok'
          ? { id: t.id, status: 'ok', startedAt, finishedAt: clock.now() }
          : { id: t.id, status: r.status, startedAt, finishedAt: clock.now(), reason: r.reason };
    } catch (e) {
      record = { id: t.id, status: 'failed', startedAt, finishedAt: clock.now(), reason: errorMessage(e) };
    }
    records.set(t.id, record);
    running.delete(t.id);
    if (record.status === 'failed') failure.abort(new Error(`${t.id} failed`));
    settle();
  };

  settle();
  while (running.size) await Promise.race(running.values());
  const stuck = tasks.filter((t) => !records.has(t.id)).map((t) => t.id);
  if (stuck.length) throw new Error(`Tasks that wait on each other (a cycle): ${stuck.join(', ')}`);
  return tasks.map((t) => records.get(t.id) as TaskRecord);
}
