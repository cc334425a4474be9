/**
 * Issue 13's "done when": against one running sandbox, `gitspaces up` in one directory, then `gitspaces plan`
 * in a fresh directory with the same config plans no creation of what exists (the state is in the sandbox's
 * Cloud Storage, not in the first directory), and neither directory holds a state file, a plan, a key copy or
 * any file with the gateway's shared secret (the Infra Config YAML lives in a private temporary directory, which
 * `gitspaces up` removes at its end).
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Sandbox, startSandbox } from '../../sandbox/index.js';
import { writeScenarioConfig } from '../../sandbox/scenarios/config.js';
import { runCli } from '../cli/run-cli.js';
import { itNeedsTerraform } from '../terraform/fixtures.js';
import type { HarnessModel } from '../../sandbox/harness/model.js';
import { privateDirPath } from '../../shared/workspace.js';

const it_ = itNeedsTerraform;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
}

let sb: Sandbox;
let first: string;
let second: string;
beforeAll(async () => {
  // Compute operations done when answered: the client polls a RUNNING one every second.
  sb = await startSandbox({ scenario: { gcp: { operationMs: 0 } } });
  first = mkdtempSync(join(tmpdir(), 'gitspaces-job1-'));
  second = mkdtempSync(join(tmpdir(), 'gitspaces-job2-'));
});
afterAll(async () => {
  await sb.stop();
  rmSync(first, { recursive: true, force: true });
  rmSync(second, { recursive: true, force: true });
  // `gitspaces configure` on its own leaves the Infra Config YAML for a later `gitspaces plan` (docs/config.md).
  rmSync(privateDirPath({}, join(second, '.gitspaces/terraform')), { recursive: true, force: true });
});

describe('state that outlives the job', () => {
  it_(
    'up in one directory, then plan in a fresh one plans nothing new; no state, plan or key file is left in either',
    async () => {
      const config = writeScenarioConfig(sb.scenario, first);
      copyFileSync(config, join(second, basename(config)));
      const env = { ...sb.env };
      // Polled every 200 ms (the default is 10 s): the emulators answer within a second.
      const up = await runCli(['up', '--config', basename(config), '--poll-interval', '200ms'], {
        cwd: first,
        env,
        from: 'src',
        timeoutMs: 240_000,
      });
      expect({ code: up.code, output: up.code ? up.output.slice(-2000) : '' }).toEqual({
        code: 0,
        output: '',
      });
      expect(up.output).toContain(
        'Terraform state: gs://acme-gitspaces-gitspaces-tfstate/gitspaces/gitspaces_gcp',
      );
      const sharedSecret = (sb.world.harness as HarnessModel).infraProviders.get(
        'gitspaces_gcp',
      )?.sharedSecret;
      expect(sharedSecret).toMatch(/^[0-9a-f]{48}$/);
      // The private directory the Infra Config YAML went through (outside the work tree) is gone with the run.
      const config0 = readFileSync(config, 'utf8');
      const workdir = /working_directory: *(\S+)/.exec(config0)?.[1] ?? '.gitspaces/terraform';
      expect(existsSync(privateDirPath({}, join(first, workdir)))).toBe(false);

      // A second job: nothing of the first directory, the same config and the same sandbox.
      const configure = await runCli(['configure', '--config', basename(config)], {
        cwd: second,
        env,
        from: 'src',
      });
      expect(configure.code).toBe(0);
      const plan = await runCli(['plan', '--config', basename(config), '--comment', 'false'], {
        cwd: second,
        env,
        from: 'src',
        timeoutMs: 120_000,
      });
      expect(plan.code).toBe(0);
      // Nothing to create or destroy: the resources the first job made are in the state this job read. Terraform's
      // own counts include the module's uuid()/timestamp() churn (docs/terraform.md); the plan phase's verdict, which
      // leaves it out, is that nothing at all changes.
      expect(plan.output).toMatch(
        /^ok +plan .*No changes \(module churn only, not applied: \d+ resource\(s\)/m,
      );

      for (const dir of [first, second]) {
        const left = files(dir).map((f) => f.slice(dir.length + 1));
        expect(left.filter((f) => /\.tfstate$|\.tfplan$|sa-key|infra-config|\.terraform\//.test(f))).toEqual(
          [],
        );
        const withSecret = files(dir).filter((f) => readFileSync(f, 'utf8').includes(sharedSecret as string));
        expect(withSecret).toEqual([]);
      }
    },
    360_000,
  );
});
