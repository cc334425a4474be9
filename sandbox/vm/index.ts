import type { World } from '../world.js';
import type { VmState } from './state.js';

// Stub: the VM simulation replaces this file.
export function createVmState(_world: World): VmState {
  return { runners: [], delegates: [], onBoot() {} };
}
