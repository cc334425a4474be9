import type { Service } from '../core/http.js';
import type { World } from '../world.js';
import type { GithubState } from './state.js';

// Stub: the github emulator replaces this file.
export function createGithubState(_world: World): GithubState {
  throw new Error('github emulator not implemented yet');
}
export async function startGithub(_world: World): Promise<Service[]> {
  throw new Error('github emulator not implemented yet');
}
