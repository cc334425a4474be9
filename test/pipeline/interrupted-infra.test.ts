import { createGcp } from '../../shared/gcp/index.js';
import { RemoteError } from '../../shared/errors.js';
import { RecordingLogger } from '../../shared/logger.js';
import { describeInterruptions, type Interruptible, type UpResult } from './interrupt.js';

/**
 * A SIGKILL of terraform mid-apply, with the real resource types (the stand-in provider) and remote state, leaves
 * what it leaves in a real run: the gcs state lock held, resources created in GCP that the state never recorded,
 * and gateway templates (named with uuid()) that no later plan will name again. The next run does not converge by
 * itself, by design: it stops at the preflight, naming the lock's holder with its ID (STATE-005) and every
 * unrecorded resource with its import address and ID, and the leftovers with their delete commands (STATE-006).
 * Doing what it says converges: delete the leftovers with the printed commands, then run again with
 * `force-unlock: <the printed lock ID>` and `import-existing: true` (docs/troubleshooting.md#STATE-006).
 */
async function followInstructions(run: Interruptible, failed: UpResult): Promise<string[]> {
  const said = `${failed.stdout}\n${failed.stderr}`;
  const lockId = /force-unlock:? (\d+)/.exec(said)?.[1];
  expect({
    stopsAtPreflight: /resource\(s\) the module would create exist but the state \(gs:/.test(said),
    namesLock: lockId !== undefined,
    importCommand:
      /terraform -chdir=\S+ import 'module\.gitspaces\.module\.infra\.google_compute_network\.vpc_network' 'projects\/acme-gitspaces\/global\/networks\/gitspaces-network'/.test(
        said,
      ),
  }).toEqual({ stopsAtPreflight: true, namesLock: true, importCommand: true });
  // The printed gcloud delete commands of the leftovers, done through the Compute API as gcloud would.
  const gcp = createGcp({ env: { ...run.sandbox.env }, log: new RecordingLogger() });
  try {
    const commands = [
      ...new Set(
        said.match(
          /gcloud compute (?:instance-groups managed|instance-templates) delete \S+ --region=\S+ --project=\S+/g,
        ) ?? [],
      ),
    ];
    for (const cmd of commands) {
      const [, kind, name, region, project] =
        /compute (instance-groups managed|instance-templates) delete (\S+) --region=(\S+) --project=(\S+)/.exec(
          cmd,
        ) as string[];
      const collection = kind === 'instance-templates' ? 'instanceTemplates' : 'instanceGroupManagers';
      const path = `/compute/v1/projects/${project}/regions/${region}/${collection}/${name}`;
      await gcp.rest.delete('compute', path);
      for (;;) {
        try {
          await gcp.rest.get('compute', path);
        } catch (e) {
          if (e instanceof RemoteError && e.status === 404) break;
          throw e;
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  } finally {
    await gcp.close();
  }
  return ['--force-unlock', lockId as string, '--import-existing', 'true'];
}

/**
 * `gitspaces up` killed (SIGKILL of its process group, as a cancelled runner does) at each point of configure and
 * apply where a kill leaves something half done, then run again: it converges (test/pipeline/interrupt.ts).
 */
describeInterruptions('interrupted in configure or apply, then run again', [
  {
    name: 'configure: the infra provider was created, its answer never arrived',
    killAt: { service: 'harness', method: 'POST', route: /\/infraproviders$/, stage: 'response' },
    atKill: (s) => [...s.world.harness.infraProviders.keys()],
    expectedAtKill: ['gitspaces_gcp'],
  },
  {
    name: 'apply: terraform killed mid-apply, once the third firewall rule was created; the rerun says how to recover, doing so converges',
    killAt: { service: 'compute', method: 'POST', route: /\/global\/firewalls$/, nth: 3, stage: 'response' },
    // Terraform creates up to 10 resources at once: the others of the eight rules may land before the kill.
    atKill: (s) => s.world.gcp.listResources('firewalls').length >= 3,
    expectedAtKill: true,
    followInstructions,
  },
  {
    name: 'apply: terraform killed once the runner VM was created, before it heard so; the rerun says how to recover, doing so converges',
    killAt: { service: 'compute', method: 'POST', route: /\/zones\/[^/]+\/instances$/, stage: 'response' },
    atKill: (s) => s.world.gcp.listResources('instances').map((i) => i.name),
    expectedAtKill: ['gitspaces-us-central1-runner-vm'],
    followInstructions,
  },
]);
