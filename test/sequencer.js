/**
 * Jest's default order, with a fallback for a clean clone. Jest runs the files it knows to be slow first (their
 * durations from its cache, under /tmp/jest_* keyed by the checkout's path) so that the workers end together;
 * a file it has no duration for is placed by its size. A clean clone has no cache, and the slowest files here are
 * small (test/pipeline/interrupted-*.test.ts: a few lines each, over a minute each): by size they would start
 * last and run alone at the end while the other core idles. So a file without a cached duration takes its
 * duration from test/durations.json (seconds, measured on a full run; refresh with
 * `npm test -- --json --outputFile=f.json`), and only a file in neither is placed by its size, after those.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import TestSequencer from '@jest/test-sequencer';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const HINTS = JSON.parse(readFileSync(join(ROOT, 'test', 'durations.json'), 'utf8'));

export default class HintedSequencer extends TestSequencer {
  sort(tests) {
    const size = (t) => t.context.hasteFS.getSize(t.path) ?? 0;
    const hint = (t) => {
      const s = HINTS[relative(ROOT, t.path).split('\\').join('/')];
      return typeof s === 'number' ? s * 1000 : undefined;
    };
    for (const t of tests) t.duration = this.time(t) ?? hint(t);
    return tests.sort((a, b) => {
      const failedA = this.hasFailed(a);
      const failedB = this.hasFailed(b);
      if (failedA !== failedB) return failedA ? -1 : 1;
      const known = (t) => t.duration != null;
      if (known(a) !== known(b)) return known(a) ? -1 : 1;
      if (known(a)) return b.duration - a.duration;
      return size(b) - size(a);
    });
  }
}
