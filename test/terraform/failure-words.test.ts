import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main as pipeline } from '../../actions/pipeline/main.js';
import { realClock } from '../../shared/clock.js';
import { Sandbox, startSandbox } from '../../sandbox/index.js';
import { testIO } from '../create/helpers.js';
import { itNeedsTerraform } from './fixtures.js';

/**
 * When terraform apply fails, the user reads Terraform's own `Error:` block in the phase's message (what the CLI
 * prints and the annotation carries) and in the job summary: never a "see the error above" with nothing above.
 * The failure is forced where the real API can answer it: every insert of a firewall rule answers 403.
 */
describe('a terraform failure quotes terraform (needs terraform)', () => {
  let sandbox: Sandbox;
  let dir: string;

  beforeAll(async () => {
    sandbox = await startSandbox({
      scenario: {
        harness: { gitspaceStepMs: 20, gatewayHealthyAfterMs: 200 },
        faults: [
          {
            service: 'compute',
            method: 'POST',
            route: '/global/firewalls$',
            kind: '5xx',
            status: 403,
            rate: 1,
          },
        ],
      },
    });
    dir = mkdtempSync(join(tmpdir(), 'gitspaces-tf-words-'));
  });
  afterAll(async () => {
    await sandbox?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  itNeedsTerraform(
    'the apply phase fails with the provider error in its message, annotation and summary, secrets masked',
    async () => {
      const configPath = join(dir, 'gitspaces.yaml');
      writeFileSync(
        configPath,
        readFileSync('examples/gitspaces.yaml', 'utf8').replace(
          'working_directory: .gitspaces/terraform',
          'working_directory: tf',
        ),
      );
      const t = testIO(
        {
          config: configPath,
          phases: 'validate,configure,apply',
          'report-path': join(dir, 'preflight.json'),
        },
        realClock,
        {
          ...sandbox.env,
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          RUNNER_TEMP: dir,
          GITHUB_WORKSPACE: dir,
        },
      );
      const r = await pipeline(t.io);
      expect(r.phases.map((p) => `${p.name}:${p.status}`)).toEqual([
        'validate:ok',
        'configure:ok',
        'apply:failed',
      ]);
      const providerError =
        /Error: Error creating Firewall: googleapi: Error 403: The service is currently unavailable \(injected fault\)/;
      const apply = r.phases.find((p) => p.name === 'apply');
      // The phase's one line (the CLI's phase table, the summary's verdict) names Terraform's error.
      expect(apply?.summary).toMatch(
        /\[TERRAFORM_FAILED\] terraform apply failed \(exit code 1\): Error: Error creating Firewall: googleapi: Error 403/,
      );
      // The error annotation (what `gitspaces up` prints as `error: Phase apply failed: ...`) quotes the block.
      const annotation = t.log.lines.find((l) => l.startsWith('error: Phase apply failed'));
      expect(annotation).toMatch(providerError);
      expect(annotation).toContain('with module.gitspaces.module.infra.module.firewall_rules');
      expect(annotation).not.toMatch(/see the error above/i);
      // The job summary: the failed phase's line and Terraform's error block.
      const summary = t.summary.join('\n');
      expect(summary).toMatch(providerError);
      expect(summary).toContain('## Gitspaces: terraform apply failed');
      // Secrets stay out of all of it.
      const visible = [t.log.text(), summary].join('\n');
      expect(visible).not.toContain(sandbox.secrets.harnessApiKey);
      for (const line of sandbox.secrets.serviceAccountPrivateKey
        .split('\n')
        .filter((l) => l.length > 20 && !l.startsWith('-----')))
        expect(visible).not.toContain(line);
    },
    300_000,
  );
});
