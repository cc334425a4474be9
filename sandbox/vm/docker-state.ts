import { existsSync, readFileSync, renameSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** One container as the stand-in docker (sandbox/vm/bin/docker.mjs) stores it. */
export interface StandInContainer {
  id: string;
  name: string;
  image: string;
  command: string[];
  /** Merged from -e flags and --env-file files. */
  env: Record<string, string>;
  envFiles: string[];
  labels: Record<string, string>;
  network: string;
  hostname: string;
  /** --network-alias values (absent in state files written before the stand-in knew the flag). */
  aliases?: string[];
  ports: string[];
  volumes: string[];
  restart: string;
  cpus: string;
  memory: string;
  platform: string;
  detached: boolean;
  running: boolean;
  stoppedByUser: boolean;
  createdAt: number;
  startedAt: number;
}

export interface StandInDockerState {
  containers: StandInContainer[];
  networks: string[];
}

export function dockerStatePath(root: string): string {
  return join(root, 'var/lib/docker-standin/state.json');
}

/** Every argv the stand-in docker was called with, in order. */
export function dockerInvocations(root: string): string[][] {
  const p = join(dirname(dockerStatePath(root)), 'invocations.log');
  if (!existsSync(p)) return [];
  return readFileSync(p, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as string[]);
}

export function readDockerState(root: string): StandInDockerState {
  const p = dockerStatePath(root);
  if (!existsSync(p)) return { containers: [], networks: ['bridge', 'host', 'none'] };
  try {
    return JSON.parse(readFileSync(p, 'utf8')) as StandInDockerState;
  } catch {
    // A write in progress is renamed into place atomically; a parse error means a corrupted file.
    return { containers: [], networks: ['bridge', 'host', 'none'] };
  }
}

export function writeDockerState(root: string, s: StandInDockerState): void {
  const p = dockerStatePath(root);
  mkdirSync(dirname(p), { recursive: true });
  const tmp = `${p}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(s, null, 2));
  renameSync(tmp, p);
}

function hostPath(c: StandInContainer, path: string): string | undefined {
  for (const v of c.volumes) {
    const [host, inner] = v.split(':');
    if (!host || !inner) continue;
    if (path === inner || path.startsWith(inner.endsWith('/') ? inner : `${inner}/`))
      return host + path.slice(inner.length);
  }
  return undefined;
}

export function isRunnerContainer(c: StandInContainer): boolean {
  return c.command[0] === 'delegate' && c.command.includes('--pool');
}

export function isDelegateContainer(c: StandInContainer): boolean {
  return c.env.DELEGATE_TOKEN !== undefined || c.env.DELEGATE_NAME !== undefined;
}

/** Mirrors sandbox/vm/bin/runner-health.mjs: what GET /healthz on the runner answers. */
export function runnerHealth(
  c: StandInContainer,
  scenarioHealthy: boolean,
): { healthy: boolean; reason: string } {
  if (!c.running) return { healthy: false, reason: 'container not running' };
  const pool = c.command[c.command.indexOf('--pool') + 1] ?? '';
  const poolHost = pool.startsWith('/') ? hostPath(c, pool) : undefined;
  if (!poolHost || !existsSync(poolHost))
    return { healthy: false, reason: `pool file ${pool} not found in the container` };
  const text = readFileSync(poolHost, 'utf8');
  for (const m of text.matchAll(/json_path:\s*["']?([^"'\n]*)["']?\s*$/gm)) {
    const p = (m[1] ?? '').trim();
    const h = p.startsWith('/') ? hostPath(c, p) : undefined;
    if (!h || !existsSync(h)) return { healthy: false, reason: `json_path ${p} not found in the container` };
  }
  if (!scenarioHealthy) return { healthy: false, reason: 'runner unhealthy (scenario)' };
  return { healthy: true, reason: 'OK' };
}

/** The Docker Engine version the simulated VM runs when the scenario names none. */
export const DEFAULT_DOCKER_VERSION = '27.0.0';

function versionAtLeast(version: string, major: number, minor: number): boolean {
  const [a = 0, b = 0] = version.split('.').map((x) => parseInt(x, 10) || 0);
  return a > major || (a === major && b >= minor);
}

/**
 * The names other containers on the same user-defined network resolve to this container (Docker's embedded DNS):
 * its name and its network aliases on every version; its --hostname only from Docker 20.10, which added the
 * hostname as an alias (moby/moby#39204; thaJeztah in moby/moby#42027: "before docker 20.10, hostname was only
 * setting hostname for the container, and it was not used for DNS resolution"). On the default `bridge` network
 * there is no embedded DNS: nothing resolves by name.
 */
export function dnsNamesOf(c: StandInContainer, dockerVersion: string): string[] {
  if (['bridge', 'host', 'none'].includes(c.network)) return [];
  const names = [c.name, ...(c.aliases ?? [])];
  if (c.hostname && versionAtLeast(dockerVersion, 20, 10)) names.push(c.hostname);
  return names;
}

/** The running container `host` resolves to from a container on `network`, if any. */
export function resolveOnNetwork(
  s: StandInDockerState,
  network: string,
  host: string,
  dockerVersion: string,
): StandInContainer | undefined {
  return s.containers.find(
    (c) => c.running && c.network === network && dnsNamesOf(c, dockerVersion).includes(host),
  );
}
