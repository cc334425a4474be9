/**
 * Where the state lives: the gcs backend by default (bucket and prefix derived from the config), `local` as an
 * opt-out that warns in GitHub Actions, other backends as written; the bucket created only when asked.
 */
import { Sandbox, startSandbox } from '../../sandbox/index.js';
import { isConfigurationError } from '../../shared/errors.js';
import { createGcp } from '../../shared/gcp/index.js';
import { RecordingLogger } from '../../shared/logger.js';
import { generateRoot } from '../../shared/terraform/root.js';
import { prepareStateBucket } from '../../shared/terraform/state-run.js';
import { configFor } from '../terraform/fixtures.js';

const rootOf = (extra: string, env: NodeJS.ProcessEnv = {}) =>
  generateRoot({ config: configFor('post-0.0.3', extra), keyFile: 'k', infraConfigFile: 'i', env });
const backendBlock = (extra: string) => (rootOf(extra).mainTf.terraform as { backend: unknown }).backend;

describe('the generated root module keeps its state', () => {
  it('in gs://<project_id>-gitspaces-tfstate under gitspaces/<identifier> when terraform.backend is absent', () => {
    expect(backendBlock('')).toEqual({
      gcs: { bucket: 'acme-gitspaces-gitspaces-tfstate', prefix: 'gitspaces/gitspaces_gcp' },
    });
  });

  it('in the bucket and prefix the config names, deriving only what is left out', () => {
    expect(backendBlock('  backend:\n    config:\n      bucket: acme-state\n')).toEqual({
      gcs: { bucket: 'acme-state', prefix: 'gitspaces/gitspaces_gcp' },
    });
    expect(backendBlock('  backend:\n    type: gcs\n    config:\n      prefix: team/x\n')).toEqual({
      gcs: { bucket: 'acme-gitspaces-gitspaces-tfstate', prefix: 'team/x' },
    });
  });

  it('in another backend exactly as configured', () => {
    expect(
      backendBlock(
        '  backend:\n    type: http\n    config:\n      address: https://state.acme.dev/gitspaces\n',
      ),
    ).toEqual({ http: { address: 'https://state.acme.dev/gitspaces' } });
  });

  it('locally when backend.type is local, with a warning naming the fix in GitHub Actions only', () => {
    const local = '  backend:\n    type: local\n';
    expect(backendBlock(local)).toEqual({ local: {} });
    expect(rootOf(local, {}).warnings).toEqual([]);
    const [w] = rootOf(local, { GITHUB_ACTIONS: 'true' }).warnings;
    expect(w).toContain('lost when the job ends');
    expect(w).toContain('remove terraform.backend');
    expect(w).toContain('create-state-bucket: true');
    expect(rootOf('', { GITHUB_ACTIONS: 'true' }).warnings).toEqual([]);
  });
});

describe('the state bucket, created only when asked', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox({ scenario: 'state-bucket-missing' });
  });
  afterAll(() => sb.stop());

  it('is an error naming the fix when missing and not asked for; created with versioning and no public access when asked', async () => {
    const log = new RecordingLogger();
    const gcp = createGcp({ env: { ...sb.env }, log });
    const backend = generateRoot({
      config: configFor('post-0.0.3'),
      keyFile: 'k',
      infraConfigFile: 'i',
      env: {},
    }).backend;
    const req = { backend, project: 'acme-gitspaces', location: 'us-central1', rest: gcp.rest, log };
    const refused = await prepareStateBucket({ ...req, create: false }).catch((e: unknown) => e);
    expect(isConfigurationError(refused)).toBe(true);
    expect((refused as Error).message).toContain('gs://acme-gitspaces-gitspaces-tfstate does not exist');
    expect((refused as { fix: string }).fix).toContain('create-state-bucket: true');
    expect(sb.journal.mutations('storage')).toEqual([]);

    const line = await prepareStateBucket({ ...req, create: true });
    expect(line).toContain('Created the Terraform state bucket gs://acme-gitspaces-gitspaces-tfstate');
    const bucket = await gcp.rest.get('storage', '/storage/v1/b/acme-gitspaces-gitspaces-tfstate');
    expect(bucket).toMatchObject({
      location: 'US-CENTRAL1',
      versioning: { enabled: true },
      iamConfiguration: { uniformBucketLevelAccess: { enabled: true }, publicAccessPrevention: 'enforced' },
    });
    expect(await prepareStateBucket({ ...req, create: true })).toBeUndefined(); // exists now: nothing to do
    expect(sb.journal.mutations('storage')).toHaveLength(1);
    await gcp.close();
  });
});
