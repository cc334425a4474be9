/**
 * terraform-apply and the state bucket, as a user sees it: a missing bucket stops the run with the fix, or is
 * created when create-state-bucket asks (and the summary says so); a lock left by a killed run is explained before
 * Terraform waits on it, then Terraform fails after lock_timeout naming the lock.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main as configure } from '../../actions/configure-infra/main.js';
import { main as terraformApply } from '../../actions/terraform-apply/main.js';
import type { GitspacesConfig } from '../../shared/config/schema.js';
import { Sandbox, startSandbox } from '../../sandbox/index.js';
import { testIO } from '../configure/helpers.js';
import { itNeedsTerraform, configFor } from '../terraform/fixtures.js';

const it_ = itNeedsTerraform;
const BUCKET = 'acme-gitspaces-gitspaces-tfstate';

let sb: Sandbox;
let dir: string;
let env: NodeJS.ProcessEnv;
let config: GitspacesConfig;
beforeAll(async () => {
  sb = await startSandbox({ scenario: 'state-bucket-missing' });
  dir = mkdtempSync(join(tmpdir(), 'gitspaces-apply-state-'));
  mkdirSync(join(dir, 'runner-temp'));
  env = { ...process.env, ...sb.env, RUNNER_TEMP: join(dir, 'runner-temp'), GITHUB_WORKSPACE: dir };
  config = configFor('post-0.0.3', '  working_directory: tf\n  lock_timeout: 1s\n');
  const c = await configure(testIO({ 'harness-api-key': sb.secrets.harnessApiKey }, env).io, { config });
  expect(c.exitCode).toBe(0);
});
afterAll(async () => {
  await sb?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const inputs = (extra: Record<string, string> = {}) => ({
  'harness-api-key': sb.secrets.harnessApiKey,
  mode: 'plan',
  comment: 'false',
  ...extra,
});

describe('terraform-apply and the Terraform state bucket', () => {
  it_(
    'stops before init when the bucket is missing, naming the fix; creates it when asked and says so',
    async () => {
      const refused = await terraformApply(testIO(inputs(), env).io, { config }).catch((e: unknown) => e);
      expect(refused).toMatchObject({ code: 'STATE_BUCKET_MISSING' });
      expect((refused as { fix: string }).fix).toContain('create-state-bucket: true');
      expect(sb.journal.mutations('storage')).toEqual([]);

      const t = testIO(inputs({ 'create-state-bucket': 'true' }), env);
      const r = await terraformApply(t.io, { config });
      expect(r.exitCode).toBe(0);
      expect(t.summary.join('\n')).toContain(
        `Created the Terraform state bucket gs://${BUCKET} in acme-gitspaces`,
      );
      expect(t.log.text()).toContain(`Terraform state: gs://${BUCKET}/gitspaces/gitspaces_gcp (gcs backend)`);
      const bucket = (await (
        await fetch(`${sb.urls.storage}/storage/v1/b/${BUCKET}`, {
          headers: { authorization: `Bearer ${sb.env.GOOGLE_OAUTH_ACCESS_TOKEN}` },
        })
      ).json()) as Record<string, unknown>;
      expect(bucket).toMatchObject({
        versioning: { enabled: true },
        iamConfiguration: { uniformBucketLevelAccess: { enabled: true }, publicAccessPrevention: 'enforced' },
      });
    },
  );

  it_(
    'explains a lock left by a killed run before Terraform waits, then fails after lock_timeout',
    async () => {
      // What a killed apply leaves behind: Terraform's LockInfo in <prefix>/default.tflock.
      const info = {
        ID: 'f00d',
        Operation: 'OperationTypeApply',
        Info: 'https://github.com/acme/platform-infra/actions/runs/41',
        Who: 'runner@fv-az123-456',
        Version: '1.11.4',
        Created: '2026-11-30T09:00:00.000000Z',
        Path: `gs://${BUCKET}/gitspaces/gitspaces_gcp/default.tflock`,
      };
      const put = await fetch(
        `${sb.urls.storage}/upload/storage/v1/b/${BUCKET}/o?uploadType=media&ifGenerationMatch=0&name=${encodeURIComponent('gitspaces/gitspaces_gcp/default.tflock')}`,
        {
          method: 'POST',
          headers: {
            authorization: `Bearer ${sb.env.GOOGLE_OAUTH_ACCESS_TOKEN}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify(info),
        },
      );
      const generation = ((await put.json()) as { generation: string }).generation;

      const t = testIO(inputs(), env);
      const failed = await terraformApply(t.io, { config }).catch((e: unknown) => e);
      const warning = t.log.lines.find((l) => l.startsWith('warning: The Terraform state is locked'));
      expect(warning).toBeDefined();
      expect(warning).toContain(
        'held by runner@fv-az123-456 for `OperationTypeApply` since 2026-11-30T09:00:00.000000Z',
      );
      expect(warning).toContain('run https://github.com/acme/platform-infra/actions/runs/41');
      // The command as run from the checkout (the workspace), where working_directory is relative to.
      expect(warning).toContain(`terraform -chdir=tf force-unlock ${generation}`);
      expect(warning).toContain('waits up to 1s');
      // The notice comes before Terraform starts.
      expect(t.log.lines.indexOf(warning!)).toBeLessThan(
        t.log.lines.findIndex((l) => l.includes('terraform init')),
      );
      expect(failed).toMatchObject({ code: 'TERRAFORM_FAILED' });
      expect(String((failed as { details?: string[] }).details)).toContain('Error acquiring the state lock');
      // Never released by the bundle itself.
      const still = await fetch(
        `${sb.urls.storage}/storage/v1/b/${BUCKET}/o/${encodeURIComponent('gitspaces/gitspaces_gcp/default.tflock')}`,
        { headers: { authorization: `Bearer ${sb.env.GOOGLE_OAUTH_ACCESS_TOKEN}` } },
      );
      expect(still.status).toBe(200);
    },
  );

  it_('force-unlock releases that lock only when its ID is the one held, then plans', async () => {
    const lockUrl = `${sb.urls.storage}/storage/v1/b/${BUCKET}/o/${encodeURIComponent('gitspaces/gitspaces_gcp/default.tflock')}`;
    const auth = { authorization: `Bearer ${sb.env.GOOGLE_OAUTH_ACCESS_TOKEN}` };
    // The lock the previous case left (a killed run's).
    const held = (await (await fetch(lockUrl, { headers: auth })).json()) as { generation: string };
    expect(held.generation).toMatch(/^\d+$/);

    const wrong = testIO(inputs({ 'force-unlock': '12345' }), env);
    const refused = await terraformApply(wrong.io, { config }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'FORCE_UNLOCK_MISMATCH' });
    expect((refused as Error).message).toContain(`lock ID ${held.generation}`);
    expect((await fetch(lockUrl, { headers: auth })).status).toBe(200);

    const t = testIO(inputs({ 'force-unlock': held.generation }), env);
    const r = await terraformApply(t.io, { config });
    expect(r.exitCode).toBe(0);
    expect(t.log.lines.filter((l) => l.startsWith('warning: The Terraform state is locked'))).toEqual([]);
    expect(t.summary.join('\n')).toContain(`Released the Terraform state lock ${held.generation}`);
    expect((await fetch(lockUrl, { headers: auth })).status).toBe(404);
  });
});
