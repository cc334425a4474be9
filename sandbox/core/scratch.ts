import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Scratch directories of the sandboxes running in this process. They hold the issued service-account key and
 * the VMs' roots, so they must not outlive the process: each is removed on stop, and whatever is still
 * registered when the process ends (SIGINT, SIGTERM, an uncaught exception, process.exit) is removed by one
 * set of handlers shared by every sandbox of the process. SIGKILL cannot be caught; nothing can clean up then.
 */
const live = new Set<string>();
const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];

function removeAll(): void {
  for (const dir of live) rmSync(dir, { recursive: true, force: true });
  live.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  removeAll();
  uninstall();
  // A listener replaces Node's default action (exit), so ours must not keep the process alive: when nobody
  // else handles the signal, raise it again for the default action (and its exit status, 128 + signal).
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function install(): void {
  process.on('exit', removeAll);
  // First in line, so that the count of other listeners (onSignal) is taken before any of them ran and removed
  // itself (the CLI's foreground sandbox stops on its own SIGINT/SIGTERM listener).
  for (const s of SIGNALS) process.prependListener(s, onSignal);
}

function uninstall(): void {
  process.off('exit', removeAll);
  for (const s of SIGNALS) process.off(s, onSignal);
}

/**
 * Creates a `gitspaces-sandbox-*` directory in the temp folder, removed when the process ends (unless `keep`:
 * kept for debugging, then it is the caller's).
 */
export function createScratchDir(keep = false): string {
  const dir = mkdtempSync(join(tmpdir(), 'gitspaces-sandbox-'));
  if (keep) return dir;
  if (live.size === 0) install();
  live.add(dir);
  return dir;
}

/** Removes a scratch directory now (not one created with keep). */
export function releaseScratchDir(dir: string, keep = false): void {
  if (keep) return;
  rmSync(dir, { recursive: true, force: true });
  if (live.delete(dir) && live.size === 0) uninstall();
}
