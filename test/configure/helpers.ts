import type { ActionIO } from '../../shared/action.js';
import { realClock } from '../../shared/clock.js';
import { Inputs, mapInputSource } from '../../shared/inputs.js';
import { RecordingLogger } from '../../shared/logger.js';

export interface TestIO {
  io: ActionIO;
  log: RecordingLogger;
  outputs: Record<string, string>;
  summary: string[];
  failed: string[];
}

/** An ActionIO over a map of inputs that records what a user would see. */
export function testIO(values: Record<string, string | undefined>, env: NodeJS.ProcessEnv): TestIO {
  const log = new RecordingLogger();
  const t: TestIO = { io: undefined as unknown as ActionIO, log, outputs: {}, summary: [], failed: [] };
  t.io = {
    inputs: new Inputs(mapInputSource(values), log),
    log,
    setOutput: (k, v) => void (t.outputs[k] = v),
    appendSummary: async (md) => void t.summary.push(md),
    setFailed: (m) => void t.failed.push(m),
    env,
    clock: realClock,
  };
  return t;
}
