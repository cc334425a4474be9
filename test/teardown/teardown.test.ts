import { main } from '../../actions/teardown/main.js';
import { FakeClock } from '../../shared/clock.js';
import { TEARDOWN_STEPS } from '../../shared/teardown/steps.js';
import { exampleConfig, testIO } from '../create/helpers.js';
import { FakeWorld } from './fakes.js';

const FAST = { 'poll-interval': '50ms', timeout: '1m' };

async function setup(): Promise<{ world: FakeWorld; clock: FakeClock }> {
  const clock = new FakeClock(1_000);
  const world = new FakeWorld(clock);
  await world.fullSetup();
  return { world, clock };
}

function run(
  world: FakeWorld,
  clock: FakeClock,
  inputs: Record<string, string> = {},
  delegates: string[] = [],
  config = exampleConfig(),
) {
  const t = testIO({ ...FAST, ...inputs }, clock);
  const deps = {
    config,
    harness: world.harness,
    compute: world.compute(),
    terraform: world.terraform(),
    scanApis: world.scanApis(delegates),
  };
  return { t, done: main(t.io, deps) };
}

describe('teardown (against in-memory collaborators)', () => {
  test('removes everything in the reverse order and the orphan scan finds nothing', async () => {
    const { world, clock } = await setup();
    const before = world.harness.mutations.length;
    const { t, done } = run(world, clock);
    const r = await done;
    expect(t.failed).toEqual([]);
    expect(r.exitCode).toBe(0);
    expect(t.outputs.clean).toBe('true');
    expect(JSON.parse(t.outputs.orphans ?? '[]')).toEqual([]);
    // Order: gitspaces (stop running one, delete both), machines, runner, token, terraform, infra.
    const h = world.harness.mutations.slice(before);
    expect(h.filter((m) => m.startsWith('stop'))).toHaveLength(1);
    expect(h.filter((m) => m.startsWith('delete '))).toHaveLength(2);
    expect(h.indexOf('delete-resource standard-1')).toBeGreaterThan(
      h.findLastIndex((m) => m.startsWith('delete ')),
    );
    expect(world.mutations).toEqual([
      expect.stringMatching(/^set-metadata startup-script=set,gitspaces-sa-key=null/),
      'reset',
      expect.stringMatching(/^set-metadata startup-script=null/),
      'revoke gitspaces-delegate-token',
      'terraform destroy',
      'delete-infra',
    ]);
    expect(world.containers).toEqual([]);
    expect(t.summary.join('\n')).toContain('✅ Torn down; the orphan scan found nothing left.');
  });

  test.each(TEARDOWN_STEPS.map((s, i) => [s, i] as const))(
    'interrupted after %s, a re-run completes',
    async (_step, i) => {
      const { world, clock } = await setup();
      const first = run(world, clock, {
        steps: TEARDOWN_STEPS.slice(0, i + 1).join(','),
        'orphan-scan': 'false',
      });
      expect((await first.done).exitCode).toBe(0);
      const second = run(world, clock);
      const r = await second.done;
      expect(second.t.failed).toEqual([]);
      expect(r.exitCode).toBe(0);
      expect(second.t.outputs.clean).toBe('true');
      const steps = JSON.parse(second.t.outputs.steps ?? '[]') as { step: string; status: string }[];
      // What the first run finished, the second finds done.
      for (const s of steps.slice(0, i + 1)) expect(s.status).toBe('nothing-to-do');
    },
  );

  test.each(['set-metadata', 'revoke-token', 'destroy', 'delete-infra'])(
    'a failure in the middle (%s) stops the run; a re-run completes',
    async (op) => {
      const { world, clock } = await setup();
      world.failOnce.add(op);
      const first = run(world, clock);
      const r1 = await first.done;
      expect(r1.exitCode).toBe(1);
      expect(first.t.failed[0]).toContain('run teardown again');
      const steps = JSON.parse(first.t.outputs.steps ?? '[]') as { status: string }[];
      const at = steps.findIndex((s) => s.status === 'failed');
      expect(at).toBeGreaterThanOrEqual(0);
      expect(steps.slice(at + 1).every((s) => s.status === 'skipped')).toBe(true);
      const second = run(world, clock);
      expect((await second.done).exitCode).toBe(0);
      expect(second.t.outputs.clean).toBe('true');
    },
  );

  test('only the bundle’s own delegate token is revoked, and only when no other delegate uses it', async () => {
    const stepOf = (outputs: Record<string, string>) =>
      (JSON.parse(outputs.steps ?? '[]') as { step: string; status: string; detail: string }[]).find(
        (s) => s.step === 'delegate-token',
      );
    // A token the user brought (its name is outside the gitspaces-* rule) stays active.
    const own = await setup();
    own.world.tokens = [{ name: 'prod-delegates', status: 'ACTIVE' }];
    const config = exampleConfig();
    config.delegate.token_name = 'prod-delegates';
    const first = run(own.world, own.clock, {}, [], config);
    expect((await first.done).exitCode).toBe(0);
    expect(own.world.tokens).toEqual([{ name: 'prod-delegates', status: 'ACTIVE' }]);
    expect(stepOf(first.t.outputs)).toMatchObject({
      status: 'skipped',
      detail: expect.stringContaining('prod-delegates left active: its name does not start with gitspaces-'),
    });

    // The bundle's token, but another delegate group connected with it too: left active, named.
    const shared = await setup();
    shared.world.delegateGroups['gitspaces-delegate-token'] = [
      {
        groupName: 'gitspaces-delegate',
        activelyConnected: false,
        connectivityStatus: 'disconnected',
        lastHeartBeat: 0,
        tags: [],
      },
      {
        groupName: 'ci-delegate',
        activelyConnected: true,
        connectivityStatus: 'connected',
        lastHeartBeat: 1,
        tags: [],
      },
    ];
    const second = run(shared.world, shared.clock);
    expect((await second.done).exitCode).toBe(0);
    expect(shared.world.mutations).not.toContain('revoke gitspaces-delegate-token');
    expect(shared.world.tokens).toEqual([{ name: 'gitspaces-delegate-token', status: 'ACTIVE' }]);
    expect(stepOf(second.t.outputs)?.detail).toContain('delegate group(s) ci-delegate also use it');
  });

  test('dry-run changes nothing and says what would be removed', async () => {
    const { world, clock } = await setup();
    const before = [...world.harness.mutations];
    const { t, done } = run(world, clock, { 'dry-run': 'true' });
    const r = await done;
    expect(world.harness.mutations).toEqual(before);
    expect(world.mutations).toEqual([]);
    expect(r.exitCode).toBe(0);
    expect(t.outputs.clean).toBe('false');
    const md = t.summary.join('\n');
    expect(md).toContain('Teardown (dry run: nothing was changed)');
    expect(md).toMatch(/- stop and delete gitspace api-dev-[a-z0-9]{6} \(running\)/);
    expect(md).toContain('- delete machine standard (standard-1, us-central1)');
    expect(md).toContain('- revoke delegate token gitspaces-delegate-token');
    expect(md).toContain('- terraform destroy module.gitspaces.terraform_data.network');
    expect(md).toContain('- delete infra provider gitspaces_gcp');
    // The scan lists what exists now, with the command to remove each.
    expect(md).toContain(
      'gcloud compute instances delete gitspaces-us-central1-runner-vm --zone=us-central1-a --project=acme-gitspaces --quiet',
    );
    expect(md).not.toContain('unrelated-vm');
  });

  test('leftovers are listed with the command that removes each, and a parent zone still delegating is reported', async () => {
    const { world, clock } = await setup();
    const tf = world.terraform();
    const t = testIO({ ...FAST }, clock);
    // A destroy that "succeeds" but leaves a firewall rule, the zone and the SA behind.
    const leaky = {
      ...tf,
      destroy: async () => {
        await tf.destroy();
        world.gcp.set('firewalls', [
          {
            collection: 'firewalls',
            scope: 'global',
            name: 'gitspaces-allow-ingress-gitspace',
            labels: {},
            resource: {},
          },
        ]);
        world.serviceAccountExists = true;
      },
    };
    const r = await main(t.io, {
      config: exampleConfig(),
      harness: world.harness,
      compute: world.compute(),
      terraform: leaky,
      scanApis: world.scanApis(['ns-cloud-a1.googledomains.com']),
    });
    expect(r.exitCode).toBe(1);
    const orphans = JSON.parse(t.outputs.orphans ?? '[]') as { command: string }[];
    expect(orphans.map((o) => o.command)).toEqual([
      'gcloud compute firewall-rules delete gitspaces-allow-ingress-gitspace --project=acme-gitspaces --quiet',
      'gcloud iam service-accounts delete gitspaces-sa@acme-gitspaces.iam.gserviceaccount.com --project=acme-gitspaces --quiet',
    ]);
    expect(t.failed[0]).toContain('2 resource(s) are left after teardown');
    expect(t.log.text()).toContain('The parent zone still delegates gitspaces.acme.dev');
    expect(t.summary.join('\n')).toContain('Delete the NS records for gitspaces.acme.dev in the parent zone');
  });
});
