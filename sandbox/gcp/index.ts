import type { Service } from '../core/http.js';
import type { World } from '../world.js';
import type { GcpState } from './state.js';

// Stub: the gcp emulator replaces this file.
export function createGcpState(_world: World): GcpState {
  throw new Error('gcp emulator not implemented yet');
}
export async function startGcp(_world: World): Promise<Service[]> {
  throw new Error('gcp emulator not implemented yet');
}
