/**
 * The process whose memory bench/bulk-1000.bench.ts measures: the create-gitspace action's own `main`, run as the
 * CLI would, for `action: create` (without waiting for running) and then `action: delete` over the config's
 * gitspaces. Prints one JSON line: the wall time of each and this process's peak RSS (process.resourceUsage()).
 * Started as `node --import tsx bench/bulk-worker.ts` with the sandbox's environment and BULK_CONFIG.
 */
import { main as createGitspace } from '../actions/create-gitspace/main.js';
import { realClock } from '../shared/clock.js';
import { Inputs, mapInputSource } from '../shared/inputs.js';
import { nullLogger } from '../shared/logger.js';

const config = process.env.BULK_CONFIG as string;
const concurrency = process.env.BULK_CONCURRENCY ?? '8';
const times: Record<string, number> = {};
const results: Record<string, string> = {};
for (const action of ['create', 'delete']) {
  const failed: string[] = [];
  const io = {
    inputs: new Inputs(mapInputSource({ config, action, wait: 'false', concurrency }), nullLogger),
    log: nullLogger,
    setOutput: () => undefined,
    appendSummary: async () => undefined,
    setFailed: (m: string) => void failed.push(m),
    env: process.env,
    clock: realClock,
  };
  const t0 = performance.now();
  const r = await createGitspace(io);
  times[action] = performance.now() - t0;
  results[action] = r.phase.summary;
  if (r.exitCode || failed.length) {
    process.stdout.write(
      `${JSON.stringify({ error: `${action}: ${failed.join('; ') || r.phase.summary}` })}\n`,
    );
    process.exit(1);
  }
}
process.stdout.write(`${JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS, times, results })}\n`);
