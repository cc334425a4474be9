import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { main as pipeline } from '../../actions/pipeline/main.js';
import type { Sandbox } from '../../sandbox/index.js';
import { scenarioConfig } from '../../sandbox/scenarios/config.js';
import { testIO } from '../configure/helpers.js';

/** A scratch directory with the scenario's config and the event files of a pull request and a push. */
export function previewWorld(sb: Sandbox) {
  const dir = mkdtempSync(join(tmpdir(), 'gitspaces-preview-'));
  mkdirSync(join(dir, 'runner-temp'));
  const base = scenarioConfig(sb.scenario) as Record<string, unknown>;
  (base.terraform as Record<string, unknown>).working_directory = join(dir, 'tf');
  let n = 0;
  /** Writes a config: the scenario's, with `edit` applied to the parsed document. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test edits the config as plain YAML data
  type Doc = any;
  const config = (edit: (c: Doc) => void = () => undefined): string => {
    const c = structuredClone(base) as Doc;
    edit(c);
    const path = join(dir, `gitspaces-${++n}.yaml`);
    writeFileSync(path, stringify(c));
    return path;
  };
  const prEvent = (pr: number) => {
    const p = join(dir, `pr-${pr}.json`);
    writeFileSync(p, JSON.stringify({ pull_request: { number: pr } }));
    return p;
  };
  const pushEvent = join(dir, 'push.json');
  writeFileSync(pushEvent, JSON.stringify({ ref: 'refs/heads/main' }));
  const common: NodeJS.ProcessEnv = {
    ...process.env,
    ...sb.env,
    RUNNER_TEMP: join(dir, 'runner-temp'),
  };
  delete common.GITHUB_EVENT_NAME;
  const prEnv = (pr = 7): NodeJS.ProcessEnv => ({
    ...common,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: prEvent(pr),
  });
  const pushEnv = (sha = sb.env.GITHUB_SHA as string): NodeJS.ProcessEnv => ({
    ...common,
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: pushEvent,
    GITHUB_SHA: sha,
  });
  const run = async (env: NodeJS.ProcessEnv, inputs: Record<string, string>) => {
    const t = testIO({ 'poll-interval': '500ms', ...inputs }, env);
    const r = await pipeline(t.io);
    return { ...t, r, text: [t.log.text(), ...t.summary].join('\n') };
  };
  const readYaml = (p: string) => parse(readFileSync(p, 'utf8')) as Record<string, unknown>;
  return { dir, config, prEnv, pushEnv, run, readYaml };
}

/** What the emulators saw since `mark`, as `service METHOD path` of each write tried. */
export function writesSince(sb: Sandbox, mark: number): string[] {
  return sb.journal
    .since(mark)
    .filter((e) => e.attempted)
    .map((e) => `${e.service} ${e.method} ${e.path}`);
}
