import { describeInterruptions } from './interrupt.js';

/**
 * A SIGKILL of terraform mid-apply, with the real resource types (the stand-in provider) and remote state, leaves
 * what it leaves in a real run: the gcs state lock held, and resources created in GCP that the state never
 * recorded. The next run does not converge by itself, by design: it names the lock's holder and prints the
 * force-unlock command (STATE-005, never run for the user), and once unlocked the apply stops on the provider's
 * 409 alreadyExists. Converging needs the collision check with its import commands (issue 15), not built yet.
 */
const MID_APPLY =
  'a kill mid-apply leaves the state lock held and GCP resources the state does not know: the rerun stops on the lock (STATE-005), then on 409 alreadyExists, until the collision check of issue 15 exists';

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
    name: 'apply: terraform killed mid-apply, once the third firewall rule was created',
    killAt: { service: 'compute', method: 'POST', route: /\/global\/firewalls$/, nth: 3, stage: 'response' },
    atKill: (s) => s.world.gcp.listResources('firewalls').length,
    expectedAtKill: 3,
    skipped: MID_APPLY,
  },
  {
    name: 'apply: terraform killed once the runner VM was created, before it heard so',
    killAt: { service: 'compute', method: 'POST', route: /\/zones\/[^/]+\/instances$/, stage: 'response' },
    atKill: (s) => s.world.gcp.listResources('instances').map((i) => i.name),
    expectedAtKill: ['gitspaces-us-central1-runner-vm'],
    skipped: MID_APPLY,
  },
]);
