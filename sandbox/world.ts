import { Faults } from './core/faults.js';
import { Journal } from './core/journal.js';
import type { Scenario } from './scenario.js';
import type { GcpState } from './gcp/state.js';
import type { HarnessState } from './harness/state.js';
import type { VmState } from './vm/state.js';
import type { GithubState } from './github/state.js';

/**
 * The sandbox's whole mutable world: seeded from a scenario, shared by every emulator so that what one
 * service changes the others see (the module's local-exec creates an address in Compute; Cloud DNS then
 * holds the A record pointing at it; the VM's startup script starts a delegate that Harness then sees).
 */
export interface World {
  scenario: Scenario;
  journal: Journal;
  faults: Faults;
  /** A scratch directory for this sandbox's files (keys, VM roots, state). */
  dir: string;
  gcp: GcpState;
  harness: HarnessState;
  vm: VmState;
  github: GithubState;
  /** Base URLs of every emulated service, filled in as they start. */
  urls: Record<string, string>;
}
