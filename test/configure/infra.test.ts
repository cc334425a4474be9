import { describe, expect, it } from '@jest/globals';
import {
  type InfraProviderApi,
  assertMutable,
  createInfraProviderOnce,
  diffInfraProvider,
  infraProviderRequest,
} from '../../actions/configure-infra/infra.js';
import { RemoteError } from '../../shared/errors.js';
import { RecordingLogger } from '../../shared/logger.js';
import { configFor } from '../terraform/fixtures.js';

describe('infra provider from gitspaces.yaml', () => {
  const config = configFor('post-0.0.3');
  const desired = infraProviderRequest(config);

  it('builds the body the UI sends (docs/domain.md#the-infrastructure-provider)', () => {
    expect(desired).toEqual({
      identifier: 'gitspaces_gcp',
      name: 'gitspaces',
      space_ref: '',
      type: 'hybrid_vm_gcp',
      metadata: {
        domain: 'gitspaces.acme.dev',
        runner: { region: 'us-central1', zone: 'us-central1-a' },
        delegate_selectors: [{ selector: 'gitspaces' }],
        name: 'gitspaces_gcp',
        region_configs: {
          'us-central1': {
            region_name: 'us-central1',
            default_subnet_ip_range: '10.6.0.0/16',
            proxy_subnet_ip_range: '10.3.0.0/26',
            certificates: { contents: [{ domain: 'usc1.gitspaces.acme.dev' }] },
          },
        },
        project: { id: 'acme-gitspaces' },
        gateway: { machine_type: 'e2-standard-2', instances: 1 },
      },
    });
  });

  it('reports the fields that changed, ignoring what the server adds', () => {
    const existing = JSON.parse(JSON.stringify({ ...desired, setup_yaml: 'x', created: 1 })) as Record<
      string,
      unknown
    > & { metadata: Record<string, Record<string, unknown>> };
    existing.metadata.gateway!.vm_image_name = 'server-default';
    expect(diffInfraProvider(existing, desired)).toEqual([]);
    existing.metadata.gateway!.instances = 3;
    (existing.metadata.region_configs as Record<string, unknown>)['europe-west1'] = {
      region_name: 'europe-west1',
    };
    expect(diffInfraProvider(existing, desired).map((c) => c.field)).toEqual([
      'metadata.gateway.instances',
      'metadata.region_configs.europe-west1',
    ]);
  });

  it('refuses to change the project or the domain, with the fix', () => {
    const existing = JSON.parse(JSON.stringify(desired)) as {
      metadata: { domain: string; project: { id: string } };
    };
    existing.metadata.domain = 'old.acme.dev';
    existing.metadata.project.id = 'old-project';
    const changes = diffInfraProvider(existing, desired);
    expect(() => assertMutable('gitspaces_gcp', changes)).toThrow(
      expect.objectContaining({
        code: 'INFRA_IMMUTABLE_FIELD',
        fix: expect.stringContaining(
          'set infrastructure.domain back to "old.acme.dev" and gcp.project_id back to "old-project"',
        ),
      }) as unknown as Error,
    );
  });
});

describe('creating the infra provider after a transient failure', () => {
  const config = configFor('post-0.0.3');
  const desired = infraProviderRequest(config);
  function api(failures: { error: unknown; applied: boolean }[]) {
    const made: string[] = [];
    let posts = 0;
    return {
      made,
      posts: () => posts,
      getInfraProvider: async (id: string) => (made.includes(id) ? { identifier: id } : undefined),
      createInfraProvider: async (body: { identifier?: string }) => {
        posts++;
        const f = failures.shift();
        if (!f || f.applied) made.push(String(body.identifier));
        if (f) throw f.error;
        return body;
      },
      updateInfraProvider: async () => ({}),
    } as unknown as InfraProviderApi & { made: string[]; posts: () => number };
  }

  it('reads back a create that was applied, and creates again one that was not; never twice', async () => {
    const applied = api([{ error: new RemoteError('harness', 503, 'unavailable'), applied: true }]);
    await createInfraProviderOnce(applied, 'gitspaces_gcp', desired, new RecordingLogger());
    expect([applied.made, applied.posts()]).toEqual([['gitspaces_gcp'], 1]);

    const lost = api([
      {
        error: new RemoteError('harness', 0, 'Cannot reach Harness at h (POST /x): ECONNRESET'),
        applied: false,
      },
    ]);
    const log = new RecordingLogger();
    await createInfraProviderOnce(lost, 'gitspaces_gcp', desired, log);
    expect([lost.made, lost.posts()]).toEqual([['gitspaces_gcp'], 2]);
    expect(log.text()).toContain('was not applied; creating it again');

    const refused = api([{ error: new RemoteError('harness', 400, 'bad identifier'), applied: false }]);
    await expect(
      createInfraProviderOnce(refused, 'gitspaces_gcp', desired, new RecordingLogger()),
    ).rejects.toMatchObject({ status: 400 });
    expect(refused.posts()).toBe(1);
  });
});
