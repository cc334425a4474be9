/**
 * Teardown in its own job: a fresh working directory (nothing of the job that applied), the same config. With the
 * state in Cloud Storage, Terraform still finds everything it made, and destroys it.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main as pipeline } from '../../actions/pipeline/main.js';
import { main as teardown } from '../../actions/teardown/main.js';
import { realClock } from '../../shared/clock.js';
import { Sandbox, startSandbox } from '../../sandbox/index.js';
import { testIO } from '../create/helpers.js';
import { itNeedsTerraform } from '../terraform/fixtures.js';

const it_ = itNeedsTerraform;

let sb: Sandbox;
let dir: string;
beforeAll(async () => {
  sb = await startSandbox({
    scenario: { harness: { gitspaceStepMs: 20, gatewayHealthyAfterMs: 200 }, gcp: { operationMs: 0 } },
  });
  dir = mkdtempSync(join(tmpdir(), 'gitspaces-teardown-fresh-'));
});
afterAll(async () => {
  await sb.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('teardown in a job of its own', () => {
  it_(
    'destroys what another job applied, from a fresh working directory, through the remote state',
    async () => {
      const configFor = (workdir: string) => {
        const path = join(dir, `${workdir}.yaml`);
        writeFileSync(
          path,
          readFileSync(new URL('../../examples/gitspaces.yaml', import.meta.url), 'utf8').replace(
            'working_directory: .gitspaces/terraform',
            `working_directory: ${workdir}`,
          ),
        );
        return path;
      };
      // RUNNER_TEMP is the same path in every job of a GitHub-hosted runner, and empty at the start of each.
      const runnerTemp = join(dir, 'runner-temp');
      const env = () => {
        rmSync(runnerTemp, { recursive: true, force: true });
        mkdirSync(runnerTemp);
        return {
          ...sb.env,
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          RUNNER_TEMP: runnerTemp,
          GITHUB_WORKSPACE: dir,
        };
      };
      const setup = testIO(
        {
          config: configFor('job1'),
          phases: 'configure,apply,install-runner,create',
          'poll-interval': '100ms',
          'runner-timeout': '60s',
          'delegate-timeout': '30s',
          'gateway-timeout': '30s',
          timeout: '30s',
        },
        realClock,
        env(),
      );
      const s = await pipeline(setup.io);
      expect(setup.failed).toEqual([]);
      expect(s.exitCode).toBe(0);
      expect(sb.world.gcp.listResources('instances').length).toBeGreaterThan(0);

      const t = testIO(
        { config: configFor('job2'), 'poll-interval': '100ms', timeout: '60s' },
        realClock,
        env(),
      );
      const r = await teardown(t.io);
      expect({ failed: t.failed, log: t.failed.length ? t.log.text().slice(-2500) : '' }).toEqual({
        failed: [],
        log: '',
      });
      expect(r.exitCode).toBe(0);
      expect(t.log.text()).not.toContain('nothing to destroy from here');
      expect(t.outputs.clean).toBe('true');
      expect(sb.world.gcp.listResources('instances')).toEqual([]);
      expect(sb.world.gcp.listResources('networks').map((n) => n.name)).toEqual(['default']); // the project's own
      expect(sb.world.gcp.managedZones()).toEqual([]);
      // The state in the bucket is empty now; the key put back for destroy is gone again.
      const state = (await (
        await fetch(
          `${sb.urls.storage}/storage/v1/b/acme-gitspaces-gitspaces-tfstate/o/${encodeURIComponent('gitspaces/gitspaces_gcp/default.tfstate')}?alt=media`,
          { headers: { authorization: `Bearer ${sb.env.GOOGLE_OAUTH_ACCESS_TOKEN}` } },
        )
      ).json()) as { resources: unknown[] };
      expect(state.resources).toEqual([]);
      expect(existsSync(join(runnerTemp, 'gitspaces-sa-key.json'))).toBe(false);
      expect(existsSync(join(runnerTemp, 'gitspaces', 'gitspaces-sa-key.json'))).toBe(false);
    },
    240_000,
  );
});
