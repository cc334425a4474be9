/** Journal.roundTripsInSequence: what the round-trip assertions of the re-run tests count. */
import { Journal, JournalEntry } from '../../sandbox/core/journal.js';

const entry = (path: string, receivedAt: number, time: number): JournalEntry => ({
  seq: 0,
  service: 'harness',
  method: 'GET',
  path,
  query: '',
  mutating: false,
  attempted: false,
  status: 200,
  receivedAt,
  time,
});

test('requests sent together count once; a request sent after an answer counts again', () => {
  expect(Journal.roundTripsInSequence([])).toBe(0);
  // a and b together; c once a was answered; d once c was answered; e alongside c.
  const a = entry('a', 0, 100);
  const b = entry('b', 1, 101);
  const c = entry('c', 102, 202);
  const d = entry('d', 205, 305);
  const e = entry('e', 103, 190);
  expect(Journal.roundTripsInSequence([a, b])).toBe(1);
  expect(Journal.roundTripsInSequence([d, c, b, a, e])).toBe(3);
  // A request that arrived before the other's answer was ready did not wait for it.
  expect(Journal.roundTripsInSequence([entry('x', 0, 100), entry('y', 99, 199)])).toBe(1);
});
