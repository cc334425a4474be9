import { afterEach, describe, expect } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main as pipeline } from '../../actions/pipeline/main.js';
import { realClock } from '../../shared/clock.js';
import type { FaultRule } from '../../sandbox/core/faults.js';
import type { JournalEntry } from '../../sandbox/core/journal.js';
import { Sandbox, startSandbox } from '../../sandbox/index.js';
import { testIO } from '../create/helpers.js';
import { itNeedsTerraform } from '../terraform/fixtures.js';

/**
 * The whole pipeline (every phase, the real terraform and the stand-in provider) under injected faults, with a
 * fixed seed so that a run is reproducible: it must converge on the first run, create nothing twice, and leak
 * no credential.
 */
let sandbox: Sandbox | undefined;
let dir: string | undefined;
afterEach(async () => {
  await sandbox?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
  sandbox = undefined;
  dir = undefined;
});

async function runPipeline(seed: number, faults: FaultRule[]) {
  sandbox = await startSandbox({
    scenario: { seed, faults, harness: { gitspaceStepMs: 20, gatewayHealthyAfterMs: 200 } },
  });
  dir = mkdtempSync(join(tmpdir(), 'gitspaces-faults-'));
  const configPath = join(dir, 'gitspaces.yaml');
  writeFileSync(
    configPath,
    readFileSync('examples/gitspaces.yaml', 'utf8').replace(
      'working_directory: .gitspaces/terraform',
      'working_directory: tf',
    ),
  );
  const env = {
    ...sandbox.env,
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    RUNNER_TEMP: dir,
    GITHUB_WORKSPACE: dir,
  };
  const t = testIO(
    {
      config: configPath,
      'report-path': join(dir, 'preflight.json'),
      'poll-interval': '100ms',
      'runner-timeout': '60s',
      'delegate-timeout': '30s',
      'gateway-timeout': '30s',
      timeout: '30s',
    },
    realClock,
    env,
  );
  const result = await pipeline(t.io);
  return { t, result, sb: sandbox, report: readFileSync(join(dir, 'preflight.json'), 'utf8') };
}

/** What a successful create made, keyed so that the same thing made twice shows: `service resource name`. */
function created(entries: readonly JournalEntry[]): string[] {
  const out: string[] = [];
  for (const e of entries) {
    if (!e.mutating || e.method !== 'POST') continue;
    const body = (e.requestBody ?? {}) as Record<string, unknown>;
    const q = new URLSearchParams(e.query);
    if (e.service === 'compute' && !/\/(setMetadata|reset|start|stop|setLabels|wait)$/.test(e.path))
      out.push(`compute ${e.path} ${String(body.name ?? '')}`);
    else if (e.service === 'clouddns' && /managedZones$/.test(e.path))
      out.push(`clouddns ${String(body.name)}`);
    else if (e.service === 'iam' && /serviceAccounts$/.test(e.path))
      out.push(`iam ${String(body.accountId)}`);
    else if (e.service === 'harness' && /infraproviders$|gitspaces$/.test(e.path))
      out.push(`harness ${e.path} ${String(body.identifier ?? '')}`);
    else if (e.service === 'harness' && /delegate-token-ng$/.test(e.path))
      out.push(`harness delegate token ${q.get('tokenName')}`);
  }
  return out;
}

function expectConverged(r: Awaited<ReturnType<typeof runPipeline>>) {
  const { t, result, sb } = r;
  const phases = result.phases.map((p) => `${p.name}:${p.status}`);
  // FAULTS_DUMP=<file>: keep the run's log and the faults it met, to see why a run did not converge.
  if (process.env.FAULTS_DUMP)
    writeFileSync(
      process.env.FAULTS_DUMP,
      [
        ...t.log.lines,
        ...sb.journal.entries
          .filter((e) => e.fault)
          .map((e) => `${e.service} ${e.method} ${e.path}${e.query} ${e.status}`),
      ].join('\n'),
    );
  const why = result.phases
    .filter((p) => p.status === 'failed')
    .map((p) =>
      [p.summary, ...(p.details ?? []), ...t.log.lines.filter((l) => /Error/.test(l)).slice(-6)].join('\n'),
    );
  expect({ phases, failed: t.failed, why }).toEqual({
    why: [],
    phases: ['validate:ok', 'configure:ok', 'apply:ok', 'install-runner:ok', 'create:ok'],
    failed: [],
  });
  expect(result.exitCode).toBe(0);
  const gitspaces = JSON.parse(t.outputs.gitspaces ?? '[]') as { state: string }[];
  expect(gitspaces.map((g) => g.state)).toEqual(['running']);
  // Nothing made twice.
  const made = created(sb.journal.entries);
  expect(made.filter((m, i) => made.indexOf(m) !== i)).toEqual([]);
  // Nor tried twice: a create sent again after it was applied answers 409 (Compute `alreadyExists`, Harness, IAM).
  const replayed = sb.journal.entries.filter((e) => e.status === 409 && !/setIamPolicy$/.test(e.path));
  expect(replayed.map((e) => `${e.service} ${e.method} ${e.path}`)).toEqual([]);
  // The faults did happen, and no credential reached what the user reads.
  expect(sb.journal.entries.some((e) => e.fault)).toBe(true);
  const text = [...t.log.lines, ...t.summary, JSON.stringify(t.outputs), r.report].join('\n');
  for (const secret of Object.values(sb.secrets))
    for (const line of secret.split('\n').filter((l) => l.length > 20)) expect(text).not.toContain(line);
  expect(text).not.toMatch(/Unexpected error|this is a bug/);
}

describe('the whole pipeline under faults (needs terraform)', () => {
  itNeedsTerraform(
    'throttling at 20% on Compute and 10% on Harness, 5% dropped connections on Resource Manager: converges',
    async () => {
      const r = await runPipeline(16, [
        { service: 'compute', kind: 'throttle', rate: 0.2 },
        { service: 'harness', kind: 'throttle', rate: 0.1 },
        { service: 'resourcemanager', kind: 'drop', rate: 0.05 },
      ]);
      expectConverged(r);
      const kinds = new Set(
        r.sb.journal.entries.filter((e) => e.fault).map((e) => `${e.service} ${e.status}`),
      );
      expect([...kinds]).toEqual(expect.arrayContaining(['compute 403', 'harness 429']));
    },
    300_000,
  );

  itNeedsTerraform(
    '10% 5xx and 10% throttling on every service: converges',
    async () => {
      const r = await runPipeline(15, [
        { kind: '5xx', rate: 0.1 },
        { kind: 'throttle', rate: 0.1 },
      ]);
      expectConverged(r);
    },
    300_000,
  );
});
