import { describeInterruptions, stateRecords } from './interrupt.js';

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
    // Terraform saves the resource before its provisioner runs; whether the save reached the disk before a kill
    // is a race, so the kill waits for it: the case a real run meets whenever the save came first.
    beforeKill: (run) => stateRecords(run, /"type": "terraform_data",\s*"name": "network"/),
    skipped:
      "not deterministic with the stand-in module: it creates GCP resources in a terraform_data's local-exec, which terraform saves as created before the provisioner runs, so whether the rerun creates the missing firewall rules depends on what reached the state file; measured here: the rerun converged in 2 runs of 4 (sandbox/module)",
  },
  {
    name: 'apply: terraform killed once the runner VM was created, before it heard so',
    killAt: { service: 'compute', method: 'POST', route: /\/zones\/[^/]+\/instances$/, stage: 'response' },
    atKill: (s) => s.world.gcp.listResources('instances').map((i) => i.name),
    expectedAtKill: ['gitspaces-us-central1-runner-vm'],
  },
]);
