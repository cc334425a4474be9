import type { World } from '../world.js';

// Stub: the DNS server replaces this file. It sets world.urls.dns to "127.0.0.1:<port>".
export async function startDns(_world: World): Promise<{ close(): Promise<void> }> {
  throw new Error('dns server not implemented yet');
}
