import { afterAll, beforeAll, describe, expect } from '@jest/globals';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main as configure } from '../../actions/configure-infra/main.js';
import { main as terraformApply } from '../../actions/terraform-apply/main.js';
import type { GitspacesConfig } from '../../shared/config/schema.js';
import { Sandbox, startSandbox } from '../../sandbox/index.js';
import { HAS_OPENSSL, makeP12 } from '../gcp/p12.js';
import { HAS_TERRAFORM, configFor } from '../terraform/fixtures.js';
import { testIO } from './helpers.js';

const run = HAS_TERRAFORM && HAS_OPENSSL ? it : it.skip;

/**
 * terraform-apply with a P12 key: converted to the equivalent JSON key (its id from IAM) in a 0600 file in a
 * 0700 directory under RUNNER_TEMP, which the real terraform and the stand-in provider use against the sandbox,
 * and which is gone when the step ends.
 */
describe('terraform-apply with a P12 key and the service account email', () => {
  let sb: Sandbox;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let config: GitspacesConfig;
  beforeAll(async () => {
    sb = await startSandbox({ scenario: { gcp: { certificates: { activeAfterMs: 0 } } } });
    dir = mkdtempSync(join(tmpdir(), 'gitspaces-p12-apply-'));
    const eventPath = join(dir, 'event.json');
    writeFileSync(eventPath, JSON.stringify({ pull_request: { number: sb.scenario.github.pullRequest } }));
    mkdirSync(join(dir, 'runner-temp'));
    env = {
      ...process.env,
      ...sb.env,
      GITHUB_EVENT_PATH: eventPath,
      RUNNER_TEMP: join(dir, 'runner-temp'),
      GITHUB_WORKSPACE: dir,
    };
    delete env.GOOGLE_APPLICATION_CREDENTIALS;
    config = configFor('post-0.0.3', '  working_directory: tf\n');
  });
  afterAll(async () => {
    await sb?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  run(
    'plans with the converted key, which exists only while the step runs (needs terraform and openssl)',
    async () => {
      const p12 = makeP12(sb.world.gcp.privateKeyPem).toString('base64');
      const secrets = {
        'harness-api-key': sb.secrets.harnessApiKey,
        'github-token': sb.secrets.githubToken,
        'gcp-credentials': p12,
        'gcp-service-account-email': sb.world.gcp.clientEmail,
      };
      expect((await configure(testIO(secrets, env).io, { config })).outputs.changed).toBe('true');

      // The bundle's private directory under RUNNER_TEMP (shared/workspace.ts), the P12 key's own inside it.
      const keyDir = join(env.RUNNER_TEMP!, 'gitspaces', 'gitspaces-p12-key');
      const keyFile = join(keyDir, 'gitspaces-sa-key.json');
      // The first Cloud Storage request (the state bucket, read before terraform init): the key file is in place.
      const hold = sb.holds.arm({
        service: 'storage',
        method: 'GET',
        route: /\/storage\/v1\/b\//,
        stage: 'request',
      });
      let seen: { dirMode: number; fileMode: number; json: Record<string, string> } | undefined;
      void hold.arrived.then(() => {
        seen = {
          dirMode: statSync(keyDir).mode & 0o777,
          fileMode: statSync(keyFile).mode & 0o777,
          json: JSON.parse(readFileSync(keyFile, 'utf8')) as Record<string, string>,
        };
        hold.release();
      });
      const t = testIO({ ...secrets, mode: 'plan', comment: 'false' }, env);
      const r = await terraformApply(t.io, { config });
      expect(t.failed).toEqual([]);
      expect(r.outputs.changes).toBe('true');
      expect(seen).toEqual({
        dirMode: 0o700,
        fileMode: 0o600,
        json: expect.objectContaining({
          type: 'service_account',
          client_email: sb.world.gcp.clientEmail,
          private_key_id: sb.world.gcp.keyId,
        }),
      });
      // The warning recommends JSON or keyless; the key never shows; the file and its directory are gone.
      expect(t.log.text()).toMatch(/are a P12 key .* Prefer a JSON key, or keyless authentication/s);
      for (const line of sb.secrets.serviceAccountPrivateKey.split('\n').filter((l) => l.length > 20))
        expect(t.log.text() + t.summary.join('\n')).not.toContain(line);
      expect(existsSync(keyDir)).toBe(false);
    },
    240_000,
  );
});
