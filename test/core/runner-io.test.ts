import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendKeyValue, escapeData, escapeProperty, runnerProtocol } from '../../shared/runner-io.js';
import { parseCommandFile, parseWorkflowCommands } from '../dist/run-bundle.js';

/** The runner protocol as GitHub documents it, read back by the same parser the bundle tests use. */
describe('runner protocol', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'runner-io-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('escapes messages and properties so a value cannot start another command', () => {
    expect(escapeData('50% done\r\n::error::x')).toBe('50%25 done%0D%0A::error::x');
    expect(escapeProperty('a:b,c')).toBe('a%3Ab%2Cc');
    const out: string[] = [];
    const r = runnerProtocol({}, (t) => out.push(t));
    r.error('line 1\nline 2', {
      title: 'API-003 title, with: punctuation',
      file: 'gitspaces.yaml',
      startLine: 4,
    });
    r.setSecret('s3cr3t\nsecond-line');
    const { annotations, masked } = parseWorkflowCommands(out.join(''));
    expect(annotations).toEqual([
      {
        level: 'error',
        message: 'line 1\nline 2',
        props: { title: 'API-003 title, with: punctuation', file: 'gitspaces.yaml', line: '4' },
      },
    ]);
    expect(masked).toEqual(['s3cr3t\nsecond-line']);
  });

  it('writes outputs to GITHUB_OUTPUT with a random delimiter, multi-line values intact, summaries appended', () => {
    const output = join(dir, 'output');
    const summary = join(dir, 'summary');
    writeFileSync(output, '');
    const r = runnerProtocol({ GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary }, () => undefined);
    r.setOutput('gitspaces', '[{"a":1}]');
    r.setOutput('plan', 'line 1\nname=injected\nline 3');
    r.appendSummary('## One');
    r.appendSummary('## Two');
    expect(parseCommandFile(readFileSync(output, 'utf8'))).toEqual({
      gitspaces: '[{"a":1}]',
      plan: 'line 1\nname=injected\nline 3',
    });
    expect(readFileSync(summary, 'utf8')).toBe('## One\n## Two\n');
  });

  it('refuses a value that carries the delimiter (no output injection), and a missing command file', () => {
    const output = join(dir, 'output');
    writeFileSync(output, '');
    const value = 'x\nghadelimiter_fixed\ninjected=1';
    expect(() => appendKeyValue(output, 'k', value, () => 'fixed')).toThrow(/contains the delimiter/);
    expect(readFileSync(output, 'utf8')).toBe('');
    expect(() => appendKeyValue(join(dir, 'missing'), 'k', 'v')).toThrow(/does not exist/);
  });

  it('setFailed sets the exit code and annotates', () => {
    const out: string[] = [];
    const before = process.exitCode;
    runnerProtocol({}, (t) => out.push(t)).setFailed('Preflight failed');
    expect(process.exitCode).toBe(1);
    process.exitCode = before;
    expect(out.join('')).toBe('::error::Preflight failed\n');
  });
});
