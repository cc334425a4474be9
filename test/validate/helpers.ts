import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ActionIO, ActionResult } from '../../shared/action.js';
import { realClock } from '../../shared/clock.js';
import { Inputs, mapInputSource } from '../../shared/inputs.js';
import { AnnotationProps, RecordingLogger } from '../../shared/logger.js';
import type { Report } from '../../shared/report/model.js';
import { main, type ValidateDeps } from '../../actions/validate-prereqs/main.js';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import { loadScenario, type DeepPartial, type Scenario } from '../../sandbox/scenario.js';
import { writeScenarioConfig } from '../../sandbox/scenarios/config.js';

/** A logger that also keeps the annotations (message + title) GitHub would show. */
export class AnnotatingLogger extends RecordingLogger {
  readonly annotations: { level: 'error' | 'warning'; message: string; title?: string }[] = [];
  override error(m: string, p?: AnnotationProps) {
    super.error(m);
    this.annotations.push({
      level: 'error',
      message: this.lines[this.lines.length - 1] as string,
      title: p?.title,
    });
  }
  override warning(m: string, p?: AnnotationProps) {
    super.warning(m);
    this.annotations.push({
      level: 'warning',
      message: this.lines[this.lines.length - 1] as string,
      title: p?.title,
    });
  }
}

export interface Run {
  result: ActionResult;
  log: AnnotatingLogger;
  outputs: Record<string, string>;
  summary: string;
  failed: string[];
  report: Report;
  reportText: string;
}

export async function runValidate(
  inputs: Record<string, string | undefined>,
  env: NodeJS.ProcessEnv,
  deps: ValidateDeps = {},
): Promise<Run> {
  const log = new AnnotatingLogger();
  const outputs: Record<string, string> = {};
  const summary: string[] = [];
  const failed: string[] = [];
  const io: ActionIO = {
    inputs: new Inputs(mapInputSource(inputs), log),
    log,
    setOutput: (k, v) => void (outputs[k] = v),
    appendSummary: async (md) => void summary.push(md),
    setFailed: (m) => void failed.push(m),
    env,
    clock: realClock,
  };
  const result = await main(io, deps);
  const reportText = readFileSync(outputs['report-path'] as string, 'utf8');
  return {
    result,
    log,
    outputs,
    summary: summary.join('\n'),
    failed,
    report: JSON.parse(reportText) as Report,
    reportText,
  };
}

/** A sandbox for a scenario, the config that goes with it, and a scratch dir; `close` stops everything. */
export async function scenarioRun(name: string | DeepPartial<Scenario>): Promise<{
  sb: Sandbox;
  scenario: Scenario;
  configPath: string;
  dir: string;
  env: NodeJS.ProcessEnv;
  close(): Promise<void>;
}> {
  const scenario = loadScenario(name);
  const sb = await startSandbox({ scenario: name });
  const dir = mkdtempSync(join(tmpdir(), 'gitspaces-validate-'));
  const configPath = writeScenarioConfig(scenario, dir);
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: dir, RUNNER_TEMP: dir, ...sb.env };
  return {
    sb,
    scenario,
    configPath,
    dir,
    env,
    async close() {
      await sb.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
