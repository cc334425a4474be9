import type { Sandbox } from '../../sandbox/index.js';
import { describeInterruptions } from './interrupt.js';
import { parseProgress } from '../../shared/checks/after-install.js';

const SET_METADATA = /\/instances\/[^/]+\/setMetadata$/;
const VM = 'projects/acme-gitspaces/zones/us-central1-a/instances/gitspaces-us-central1-runner-vm';
const metadataKeys = (s: Sandbox) =>
  (
    (s.world.gcp.listResources('instances')[0] as { metadata?: { items?: { key: string }[] } }).metadata
      ?.items ?? []
  ).map((i) => i.key);

/**
 * `gitspaces up` killed at each point of install-runner where a kill leaves something half done (a token created
 * but nowhere written, secrets in the VM's metadata), then run again: it converges (test/pipeline/interrupt.ts).
 */
describeInterruptions('interrupted in install-runner, then run again', [
  {
    // The delegate token exists in Harness, whose API returns a token's value only when it is created.
    name: 'install-runner: the delegate token was created, not yet written to the VM',
    killAt: { service: 'compute', method: 'POST', route: SET_METADATA, nth: 1, stage: 'request' },
    atKill: (s) => [...s.world.harness.tokens.values()].map((t) => `${t.details.name} ${t.details.status}`),
    expectedAtKill: ['gitspaces-delegate-token ACTIVE'],
  },
  {
    name: "install-runner: the token and the key were written to the VM's metadata, the VM not yet reset",
    killAt: { service: 'compute', method: 'POST', route: /\/instances\/[^/]+\/reset$/, stage: 'request' },
    atKill: (s) =>
      metadataKeys(s)
        .filter((k) => /token|key/.test(k))
        .sort(),
    expectedAtKill: ['gitspaces-delegate-token', 'gitspaces-sa-key'],
  },
  {
    // Compute reset the VM but `up` never heard back: the VM boots and consumes the secrets with nobody watching.
    name: 'install-runner: the VM was reset, the secrets still in its metadata and nobody left to remove them',
    killAt: { service: 'compute', method: 'POST', route: /\/instances\/[^/]+\/reset$/, stage: 'response' },
    atKill: (s) =>
      metadataKeys(s)
        .filter((k) => /token|key/.test(k))
        .sort(),
    expectedAtKill: ['gitspaces-delegate-token', 'gitspaces-sa-key'],
  },
  {
    name: 'install-runner: the VM consumed its secrets, they are not yet removed from its metadata',
    killAt: { service: 'compute', method: 'POST', route: SET_METADATA, nth: 2, stage: 'request' },
    atKill: (s) => ({
      consumed: parseProgress(s.world.gcp.guestAttributes(VM)).secretsConsumed,
      inMetadata: metadataKeys(s)
        .filter((k) => /token|key/.test(k))
        .sort(),
    }),
    expectedAtKill: { consumed: true, inMetadata: ['gitspaces-delegate-token', 'gitspaces-sa-key'] },
  },
]);
