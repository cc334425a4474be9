import type { Service } from '../core/http.js';
import type { World } from '../world.js';
import type { HarnessState } from './state.js';

// Stub: the harness emulator replaces this file.
export function createHarnessState(_world: World): HarnessState {
  throw new Error('harness emulator not implemented yet');
}
export async function startHarness(_world: World): Promise<Service[]> {
  throw new Error('harness emulator not implemented yet');
}
