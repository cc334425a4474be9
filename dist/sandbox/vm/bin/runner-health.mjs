// What the runner container's GET /healthz would answer, from the stand-in docker state: the container must
// run, its --pool file must exist through its volume mounts, and every json_path in it must be an absolute
// path that exists inside the container (docs/domain.md#pitfalls, 5). sandbox/vm/health.ts mirrors this for the
// emulators; keep the two in step.
import { existsSync, readFileSync } from 'node:fs';

export function hostPath(container, path) {
  for (const v of container.volumes ?? []) {
    const [host, inner] = v.split(':');
    if (!host || !inner) continue;
    if (path === inner || path.startsWith(inner.endsWith('/') ? inner : `${inner}/`))
      return host + path.slice(inner.length);
  }
  return undefined;
}

export function isRunnerContainer(c) {
  return c.command?.[0] === 'delegate' && c.command.includes('--pool');
}

export function runnerHealth(container, scenarioHealthy) {
  if (!container.running) return { healthy: false, reason: 'container not running' };
  const pool = container.command[container.command.indexOf('--pool') + 1] ?? '';
  const poolHost = pool.startsWith('/') ? hostPath(container, pool) : undefined;
  if (!poolHost || !existsSync(poolHost))
    return { healthy: false, reason: `pool file ${pool} not found in the container` };
  const text = readFileSync(poolHost, 'utf8');
  for (const m of text.matchAll(/json_path:\s*["']?([^"'\n]*)["']?\s*$/gm)) {
    const p = m[1].trim();
    const h = p.startsWith('/') ? hostPath(container, p) : undefined;
    if (!h || !existsSync(h)) return { healthy: false, reason: `json_path ${p} not found in the container` };
  }
  if (!scenarioHealthy) return { healthy: false, reason: 'runner unhealthy (scenario)' };
  return { healthy: true, reason: 'OK' };
}
