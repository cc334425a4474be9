/** shared/actions-runtime.ts: the ActionIO of a step, over @actions/core (here a recorder of the same calls). */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ActionsCore, actionsRuntimeIO } from '../../shared/actions-runtime.js';

function recorder() {
  const calls: string[] = [];
  const written: string[] = [];
  const summary = {
    addRaw(text: string, eol?: boolean) {
      written.push(text + (eol ? '\n' : ''));
      return summary;
    },
    async write() {
      return summary;
    },
  };
  const c = {
    debug: (m: string) => void calls.push(`debug ${m}`),
    info: (m: string) => void calls.push(`info ${m}`),
    warning: (m: string, p: object) => void calls.push(`warning ${m} ${JSON.stringify(p)}`),
    error: (m: string, p: object) => void calls.push(`error ${m} ${JSON.stringify(p)}`),
    setSecret: (s: string) => void calls.push(`setSecret ${s}`),
    group: async <T>(t: string, fn: () => Promise<T>) => {
      calls.push(`group ${t}`);
      return fn();
    },
    setOutput: (n: string, v: unknown) => void calls.push(`setOutput ${n}=${String(v)}`),
    setFailed: (m: string) => void calls.push(`setFailed ${m}`),
    summary,
  } as unknown as ActionsCore;
  return { c, calls, written };
}

test('each distinct secret is registered once, however often it is read', () => {
  const { c, calls } = recorder();
  const pem = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----';
  const io = actionsRuntimeIO(c, { 'INPUT_HARNESS-API-KEY': 'pat.a.b.c', 'INPUT_GCP-CREDENTIALS': pem });
  for (let i = 0; i < 3; i++) {
    io.inputs.secret('harness-api-key');
    io.inputs.secret('gcp-credentials');
    io.log.mask('pat.a.b.c');
  }
  expect(calls).toEqual([
    'setSecret pat.a.b.c',
    `setSecret ${pem}`,
    'setSecret -----BEGIN PRIVATE KEY-----',
    'setSecret MIIEvQIBADANBgkqhkiG9w0BAQEFAASC',
    'setSecret -----END PRIVATE KEY-----',
  ]);
});

test('inputs come from INPUT_*; a boolean input left out takes the default, an unknown word is refused', () => {
  const { c } = recorder();
  const io = actionsRuntimeIO(c, { INPUT_WAIT: 'yes', 'INPUT_DRY-RUN': 'False' });
  expect(() => io.inputs.boolean('wait', true)).toThrow('Input wait must be a boolean, got "yes"');
  expect(io.inputs.boolean('dry-run', true)).toBe(false);
  expect(io.inputs.boolean('force', false)).toBe(false);
});

test('annotations keep their place; failures are remembered so they are not told twice', () => {
  const { c, calls } = recorder();
  const io = actionsRuntimeIO(c, {});
  expect(io.failureReported()).toBe(false);
  io.log.warning('slow', { title: 'NET-003' });
  expect(io.failureReported()).toBe(false);
  io.log.error('bad field', { file: 'gitspaces.yaml', startLine: 4 });
  expect(io.failureReported()).toBe(true);
  expect(calls).toEqual([
    'warning slow {"title":"NET-003"}',
    'error bad field {"file":"gitspaces.yaml","startLine":4}',
  ]);
  const other = actionsRuntimeIO(recorder().c, {});
  other.setFailed('stopped');
  expect(other.failureReported()).toBe(true);
});

test('the job summary is appended through core.summary when the step has one, and skipped outside a step', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gitspaces-runtime-'));
  try {
    const file = join(dir, 'summary.md');
    writeFileSync(file, '');
    const withFile = recorder();
    await actionsRuntimeIO(withFile.c, { GITHUB_STEP_SUMMARY: file }).appendSummary('## Preflight');
    expect(withFile.written).toEqual(['## Preflight\n']);
    const without = recorder();
    await actionsRuntimeIO(without.c, {}).appendSummary('## Preflight');
    expect(without.written).toEqual([]);
    expect(readFileSync(file, 'utf8')).toBe('');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
