import type { Sandbox } from '../../sandbox/index.js';
import { describeInterruptions } from './interrupt.js';

const live = (s: Sandbox) => s.world.harness.gitspaces.filter((g) => s.world.harness.gitspaceView(g)).length;

/**
 * `gitspaces up` killed at each point of create where a kill leaves something half done (machines created
 * unseen, one bulk of gitspaces half created, a start sent unanswered), then run again: it converges
 * (test/pipeline/interrupt.ts).
 */
describeInterruptions('interrupted in create, then run again', [
  {
    name: 'create: the machines were created, the answer never arrived',
    killAt: {
      service: 'harness',
      method: 'POST',
      route: /\/infraproviders\/[^/]+\/resources$/,
      stage: 'response',
    },
    atKill: (s) =>
      [...(s.world.harness.infraProviders.get('gitspaces_gcp')?.resources.values() ?? [])].length,
    expectedAtKill: 1,
  },
  {
    name: 'create: mid-bulk, the second of three gitspaces created, its answer never arrived',
    killAt: { service: 'harness', method: 'POST', route: /\/gitspaces$/, nth: 2, stage: 'response' },
    atKill: (s) => live(s) >= 2,
    expectedAtKill: true,
  },
  {
    name: 'create: a gitspace was told to start, the answer never arrived',
    killAt: { service: 'harness', method: 'POST', route: /\/gitspaces\/[^/]+\/actions$/, stage: 'response' },
    atKill: (s) => live(s) >= 1,
    expectedAtKill: true,
  },
]);
