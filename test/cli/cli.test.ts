/** The CLI in-process: flags become inputs, outputs and summary are printed, secrets masked, exit codes mapped. */
import { join } from 'node:path';
import { cli } from '../../cli/main.js';
import { parseArgs } from '../../cli/args.js';
import { resultText } from '../../cli/main.js';
import type { ActionIO, ActionResult } from '../../shared/action.js';
import { ConfigurationError } from '../../shared/errors.js';
import { ROOT } from './run-cli.js';

const phase = { name: 'test', status: 'ok' as const, startedAt: 0, durationMs: 1, summary: 'done' };

async function run(
  argv: string[],
  main: (io: ActionIO) => Promise<ActionResult>,
  env: NodeJS.ProcessEnv = {},
) {
  let stdout = '';
  let stderr = '';
  const seen: string[] = [];
  const code = await cli(argv, {
    env: { ...env },
    out: (t) => void (stdout += t + '\n'),
    err: (l) => void (stderr += l + '\n'),
    loadAction: async (name) => {
      seen.push(name);
      return main;
    },
  });
  return { code, stdout, stderr, seen };
}

describe('parseArgs', () => {
  test('global flags anywhere, --name value and --name=value inputs, bare flags are "true"', () => {
    const a = parseArgs([
      '--json',
      'validate',
      '--config',
      'x.yaml',
      '--region=us-east1',
      '--dry-run',
      '--scenario',
      'dns-not-delegated',
    ]);
    expect(a).toMatchObject({
      command: 'validate',
      json: true,
      config: 'x.yaml',
      scenario: 'dns-not-delegated',
      inputs: { region: 'us-east1', 'dry-run': 'true' },
    });
  });
  test('a malformed flag is a usage error', () => {
    expect(() => parseArgs(['validate', '--Bad_Flag', 'x'])).toThrow(/Not a flag/);
  });
});

describe('commands', () => {
  test('flags map onto the action inputs; plan is terraform-apply with mode=plan', async () => {
    const r = await run(['plan', '--config', 'my.yaml', '--lock-timeout', '2m'], async (io) => {
      io.setOutput(
        'seen',
        `${io.inputs.required('config')} ${io.inputs.required('mode')} ${io.inputs.duration('lock-timeout', 0)}`,
      );
      return { outputs: {}, phase };
    });
    expect(r.seen).toEqual(['terraform-apply']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('seen=my.yaml plan 120000');
  });

  test('inputs not given as flags come from INPUT_* and then HARNESS_API_KEY; the key is masked everywhere', async () => {
    const key = 'pat.acct.0123456789.sEcReTvAlUe';
    const r = await run(
      ['validate'],
      async (io) => {
        const k = io.inputs.secret('harness-api-key', { required: true });
        io.log.info(`using key ${k}`);
        io.setOutput('echo', k);
        io.setOutput('region', io.inputs.required('region'));
        await io.appendSummary(`## Result\n\n**ok** with ${k}`);
        return { outputs: {}, phase: { ...phase, summary: `ok with ${k}`, details: [`checked ${k}`] } };
      },
      { HARNESS_API_KEY: key, INPUT_REGION: 'europe-west1' },
    );
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).not.toContain(key);
    expect(r.stdout).toContain('region=europe-west1');
    expect(r.stdout).toContain('echo=***');
    // The CLI prints the result (the report model) as text; the job summary's Markdown is the runner's.
    expect(r.stdout).toMatch(/^ok +test +1ms +ok with \*\*\*$/m);
    expect(r.stdout).toContain('      checked ***');
    expect(r.stdout).not.toContain('## Result');
    expect(r.stderr).toContain('using key ***');
  });

  test('--json prints outputs, phase and exit code as one JSON document', async () => {
    const r = await run(['--json', 'create', '--name', 'api-dev'], async (io) => {
      io.setOutput('gitspace', io.inputs.required('name'));
      return { outputs: { gitspace: 'api-dev' }, phase, exitCode: 0 };
    });
    expect(JSON.parse(r.stdout)).toMatchObject({
      command: 'create',
      action: 'create-gitspace',
      exitCode: 0,
      outputs: { gitspace: 'api-dev' },
      phase: { summary: 'done' },
    });
  });

  test('exit codes: failed checks 1, configuration error 2, a bug 1 and labelled as one', async () => {
    expect((await run(['validate'], async () => ({ outputs: {}, phase, exitCode: 1 }))).code).toBe(1);
    const bad = await run(['validate'], async (io) => {
      io.inputs.required('config-path-that-is-missing');
      return { outputs: {}, phase };
    });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Input required and not supplied: config-path-that-is-missing');
    const cfg = await run(['validate'], async () => {
      throw new ConfigurationError('CONFIG_INVALID', 'gitspaces.yaml has 1 problem(s)', 'Correct it.', [
        'version: found 2',
      ]);
    });
    expect(cfg.code).toBe(2);
    expect(cfg.stderr).toContain('[CONFIG_INVALID]');
    expect(cfg.stderr).toContain('version: found 2');
    const bug = await run(['validate'], async () => {
      throw new TypeError('x is undefined');
    });
    expect(bug.code).toBe(1);
    expect(bug.stderr).toContain('this is a bug');
  });

  test('a bug: one error line that says so; its stack trace only with RUNNER_DEBUG=1 (or --verbose)', async () => {
    const bug = async () => {
      throw new TypeError('x is undefined');
    };
    const quiet = await run(['validate'], bug);
    expect(quiet.code).toBe(1);
    expect(quiet.stderr.match(/^error: /gm)).toHaveLength(1);
    expect(quiet.stderr).not.toMatch(/^\s+at /m);
    const debug = await run(['validate'], bug, { RUNNER_DEBUG: '1' });
    expect(debug.stderr).toMatch(/TypeError: x is undefined\n\s+at /);
    expect((await run(['--verbose', 'validate'], bug)).stderr).toMatch(/TypeError: x is undefined\n\s+at /);
  });

  test('an unknown command is exit 2 and lists the commands', async () => {
    const r = await run(['frobnicate'], async () => ({ outputs: {}, phase }));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command "frobnicate".*check-config, validate, configure, plan/);
  });

  test('--help lists every command', async () => {
    const r = await run(['--help'], async () => ({ outputs: {}, phase }));
    expect(r.code).toBe(0);
    for (const c of [
      'check-config',
      'validate',
      'configure',
      'plan',
      'apply',
      'destroy',
      'drift',
      'install-runner',
      'create',
      'teardown',
      'sandbox',
    ]) {
      expect(r.stdout).toMatch(new RegExp(`^  ${c} `, 'm'));
    }
  });

  test('check-config in-process: valid example exit 0', async () => {
    const r = await run(['check-config', '--config', join(ROOT, 'examples', 'gitspaces.yaml')], async () => ({
      outputs: {},
      phase,
    }));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('is valid');
  });
});

test('resultText: the phase line, its details, then each check with what to do about a failure', () => {
  const text = resultText(
    { ...phase, status: 'failed', summary: '1 passed, 1 error(s)', details: ['DNS-001: no NS'] },
    [
      {
        id: 'API-001',
        title: 'APIs enabled',
        status: 'ok',
        observed: 'all',
        expected: 'all',
        fix: '',
        docUrl: '',
        durationMs: 1,
      },
      {
        id: 'DNS-001',
        title: 'Zone delegated',
        status: 'error',
        observed: 'no NS',
        expected: 'NS of the zone',
        fix: 'Delegate it.',
        docUrl: '',
        durationMs: 1,
      },
    ],
  );
  expect(text.split('\n')).toEqual([
    'FAIL  test       1ms  1 passed, 1 error(s)',
    '      DNS-001: no NS',
    '',
    'ok    API-001     APIs enabled',
    'FAIL  DNS-001     Zone delegated',
    '      observed: no NS',
    '      expected: NS of the zone',
    '      fix:      Delegate it.',
  ]);
  expect(text).not.toMatch(/[*#|<]/);
});
