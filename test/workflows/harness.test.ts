import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import { condition, evaluate, interpolate } from './harness/expr.js';
import { allowed, permissionsOf } from './harness/github-token.js';
import { runWorkflow, type WorkflowCall } from './harness/run.js';

/**
 * The workflow harness itself (test/workflows/harness/): the expression evaluator, and a fixture reusable workflow
 * of run: steps run through it, so that what the setup scenarios rely on (outputs, needs, if:, fresh directories,
 * secrets, permissions and the job token, fork pull requests) is shown to behave as on GitHub, and can fail.
 */
describe('the ${{ }} evaluator', () => {
  const ctx = {
    github: { event_name: 'pull_request', event: { number: 7 } },
    inputs: { flag: true, 'bundle-ref': 'v1', empty: '' },
    steps: { a: { outputs: { 'failure-reason': 'plan-changed' } } },
    secrets: {},
  };

  it('reads contexts with dashed names, compares strings ignoring case, returns operands from && and ||', () => {
    expect(evaluate("steps.a.outputs.failure-reason == 'PLAN-CHANGED'", ctx)).toBe(true);
    expect(evaluate('inputs.bundle-ref', ctx)).toBe('v1');
    expect(evaluate("github.event_name == 'push' && secrets.KEY || ''", ctx)).toBe('');
    expect(evaluate("inputs.empty || 'fallback'", ctx)).toBe('fallback');
    expect(evaluate('steps.missing.outputs.x', ctx)).toBeNull();
    expect(evaluate("github.event['number'] == '7'", ctx)).toBe(true);
    expect(evaluate('!inputs.flag', ctx)).toBe(false);
    expect(() => evaluate('nope.x', ctx)).toThrow(/unknown context nope/);
  });

  it('keeps the type of a lone expression, interpolates text otherwise', () => {
    expect(interpolate('${{ inputs.flag }}', ctx)).toBe(true);
    expect(interpolate('ref ${{ inputs.bundle-ref }} / ${{ inputs.flag }}', ctx)).toBe('ref v1 / true');
  });

  it('gives if: an implicit success() unless it names a status function', () => {
    const failed = { failed: true, cancelled: false };
    expect(condition("github.event_name == 'pull_request'", ctx, failed)).toBe(false);
    expect(condition("always() && github.event_name == 'pull_request'", ctx, failed)).toBe(true);
    expect(condition(undefined, ctx, { failed: false, cancelled: false })).toBe(true);
  });
});

describe('the job token', () => {
  it('allows what the permissions grant, as GitHub lists them per endpoint', () => {
    const read = permissionsOf({ contents: 'read', 'pull-requests': 'read' });
    const write = permissionsOf({ contents: 'read', 'pull-requests': 'write' });
    const comment = ['POST', '/repos/a/b/issues/7/comments'] as const;
    expect(allowed(read, ...comment)).toBe(false);
    expect(allowed(write, ...comment)).toBe(true);
    expect(allowed(read, 'GET', '/repos/a/b/commits/abc/pulls')).toBe(true);
    expect(allowed(permissionsOf({}), 'GET', '/repos/a/b/issues/7/comments')).toBe(false);
  });
});

describe('a reusable workflow run through the harness', () => {
  let sandbox: Sandbox;
  let dir: string;
  beforeAll(async () => {
    sandbox = await startSandbox();
    dir = mkdtempSync(join(tmpdir(), 'gitspaces-harness-'));
    writeFileSync(join(dir, 'gitspaces.yaml'), 'version: 1\n');
  });
  afterAll(async () => {
    await sandbox.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const call = (over: Partial<WorkflowCall> = {}): WorkflowCall => ({
    workflow: 'test/fixtures/workflows/harness-reusable.yml',
    event: {
      name: 'pull_request',
      sha: 'a'.repeat(40),
      ref: 'refs/pull/7/merge',
      payload: { number: 7, pull_request: { number: 7 } },
    },
    repository: { name: sandbox.scenario.github.repository, dir },
    bundle: { name: 'gitspaces-dev/gitspaces-actions', dir },
    inputs: { who: 'world' },
    secrets: { key: 'k3y' },
    environments: { prod: { key: 'environment-key' } },
    callerPermissions: { contents: 'read', 'pull-requests': 'write' },
    runnerEnv: {},
    github: { url: sandbox.urls.github as string, token: sandbox.secrets.githubToken },
    ...over,
  });

  it('runs jobs in needs order, each in its own directories, with outputs, env, if: and the job token', async () => {
    const r = await runWorkflow(call());
    expect(r.startupFailure).toBeUndefined();
    const first = r.jobs.first!;
    expect(first.result).toBe('success');
    expect(first.outputs).toEqual({ plain: 'hello world', multi: 'line one\nline two' });
    expect(first.steps.map((s) => `${s.id}:${s.outcome}`)).toEqual([
      'write:success',
      'env-carried:success',
      'skipped:skipped',
      'case:success',
    ]);
    expect(first.summary).toBe('### first\n');
    const second = r.jobs.second!;
    const read = second.steps[0]!.outputs;
    // The environment's secret replaces the caller's; the second job saw nothing the first left on disk.
    expect(read.greeting).toBe(`hello world (pull_request, key ${'environment-key'.length} chars)`);
    expect(read.lines).toBe('1');
    expect(second.dir).not.toBe(first.dir);
    expect(second.environment).toBe('prod');
    expect(second.concurrency).toEqual({
      group: `g-${sandbox.scenario.github.repository}-world`,
      cancelInProgress: false,
    });
    expect(second.steps[1]!.outputs.status).toBe('201');
    expect(second.steps.map((s) => `${s.id}:${s.outcome}`).slice(2)).toEqual([
      'after-failure:failure',
      'never:skipped',
      'always:success',
    ]);
    expect(second.result).toBe('failure');
    expect(r.outputs.greeting).toBe(read.greeting);
    expect(r.jobs['only-on-push']!.result).toBe('skipped');
    // google-github-actions/auth without id-token: write fails as the action does.
    expect(r.jobs.keyless!.result).toBe('failure');
    expect(r.jobs.keyless!.steps[0]!.stdout).toMatch(/did not inject \$ACTIONS_ID_TOKEN_REQUEST_TOKEN/);
    // actions/checkout without persist-credentials: false leaves the token in .git/config.
    expect(r.jobs.checkout!.steps[1]!.outputs.persisted).toBe('true');
  }, 60_000);

  it('splices ${{ }} into a run: script before the shell runs it (why outputs go through env:)', async () => {
    const r = await runWorkflow(call({ inputs: { who: 'x$(echo INJECTED)' } }));
    expect(r.jobs.checkout!.steps[2]!.outputs).toEqual({ env: 'x$(echo INJECTED)', spliced: 'xINJECTED' });
  }, 60_000);

  it("a fork's pull request: no secrets, and the token cannot write (403 Resource not accessible by integration)", async () => {
    const r = await runWorkflow(call({ fork: true }));
    const second = r.jobs.second!;
    expect(second.steps[0]!.outputs.greeting).toBe('hello world (pull_request, key 0 chars)');
    expect(second.permissions['pull-requests']).toBe('read');
    expect(second.steps[1]!.outputs).toEqual({
      status: '403',
      message: 'Resource not accessible by integration',
    });
    expect(second.refused).toEqual([`POST /repos/${sandbox.scenario.github.repository}/issues/7/comments`]);
  }, 60_000);

  it('refuses to start as GitHub does: more permissions than the caller grants, an unknown input, a missing secret', async () => {
    expect((await runWorkflow(call({ callerPermissions: { contents: 'read' } }))).startupFailure).toBe(
      "The nested job 'second' is requesting 'pull-requests: write', but is only allowed 'pull-requests: none'.",
    );
    expect((await runWorkflow(call({ inputs: { nope: 'x' } }))).startupFailure).toMatch(
      /Invalid input, nope/,
    );
    expect((await runWorkflow(call({ inputs: { flag: 'yes' } }))).startupFailure).toMatch(/of type boolean/);
    expect((await runWorkflow(call({ secrets: {} }))).startupFailure).toMatch(/Secret key is required/);
  });
});

describe('the shipped setup workflows, as GitHub starts them', () => {
  const start = (workflow: string, callerPermissions: unknown, inputs: Record<string, string> = {}) =>
    runWorkflow({
      workflow,
      event: { name: 'push', sha: 'a'.repeat(40), ref: 'refs/heads/main', payload: {} },
      repository: { name: 'acme/platform-infra', dir: tmpdir() },
      bundle: { name: 'gitspaces-dev/gitspaces-actions', dir: tmpdir() },
      inputs,
      callerPermissions,
      runnerEnv: {},
      github: { url: 'http://127.0.0.1:9', token: 'unused' },
      startOnly: true,
    });
  const keyless = {
    'workload-identity-provider': 'projects/1/locations/global/workloadIdentityPools/github/providers/github',
    'preview-service-account': 'viewer@p.iam.gserviceaccount.com',
    'service-account': 'owner@p.iam.gserviceaccount.com',
  };

  it('the key-based one starts for a caller that grants no id-token; the keyless one needs it', async () => {
    const noOidc = { contents: 'read', 'pull-requests': 'write' };
    expect((await start('.github/workflows/gitspaces-setup.yml', noOidc)).startupFailure).toBeUndefined();
    expect(
      (await start('.github/workflows/gitspaces-setup-keyless.yml', noOidc, keyless)).startupFailure,
    ).toBe("The nested job 'preview' is requesting 'id-token: write', but is only allowed 'id-token: none'.");
    expect(
      (
        await start(
          '.github/workflows/gitspaces-setup-keyless.yml',
          { ...noOidc, 'id-token': 'write' },
          keyless,
        )
      ).startupFailure,
    ).toBeUndefined();
  });
});
