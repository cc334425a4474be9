/**
 * What must happen before a region's first gitspace runs, as a dependency graph with the realistic profile's
 * (scaled) durations: the input of shared/latency/critical-path.ts. The edges are the cloud's, not the pipeline's:
 *
 *   preflight -> DNS zone and its records -> delegation -> certificate ACTIVE -+
 *   preflight -> load balancer (forwarding rule, proxies) ---------------------+-> HTTPS serves ------+
 *   preflight -> runner VM -> runner (startup script) -> delegate -+                                  |
 *   preflight -> gateway instance group ---------------------------+-> gateway healthy -> gitspace ---+-> ready
 *
 * The load balancer serves the region's domain only once its certificate is ACTIVE, and a gitspace's URL is on
 * that domain, so a region is ready (its gitspaces usable) once both the HTTPS front and its gitspaces are up.
 * Harness reports the gateway healthy on the gateway's own heartbeat (runner and delegate up: the sandbox's
 * Harness emulator does the same), and starts a gitspace through the gateway, not through the load balancer,
 * which is why the certificate joins at `ready` rather than at the gateway. The delegation is done before the run
 * (the preflight's DNS-002 requires it), so it costs nothing here; the delegate starts inside the runner VM's
 * startup script, so its time is in the runner's.
 *
 * Each region's gateway is its own managed instance group (the module's `gateway` group, one per region), whose
 * VMs boot and heartbeat to Harness on their own: so each region has its own `gateway:<region>` time
 * (`gatewayMs`, the scenario's `gatewayHealthyAfterMsByRegion` as the sandbox scales it, sandbox/scenario.ts
 * `gatewayDelayMs`), its gitspaces hang off its own gateway only, and each region has its own critical path, to
 * `ready:<region>`. A pipeline that waited for every region's gateway before creating any gitspace would make the
 * fastest region as late as the slowest; the graph has no such edge.
 */
import type { PathNode } from '../../shared/latency/critical-path.js';
import { GITSPACE_START_STEPS, REALISTIC, scaled } from './profile.js';

export function latencyGraph(opts: {
  regions: string[];
  timeScale: number;
  preflightMs: number;
  /** Per region, the (scaled) time from runner and delegate up to its gateway healthy; default the profile's. */
  gatewayMs?: Readonly<Record<string, number>>;
}): PathNode[] {
  const t = (f: { value: number }) => scaled(f.value, opts.timeScale);
  const p = REALISTIC;
  const gitspaceMs =
    Math.max(1, Math.round(t(p.gitspaceStart) / GITSPACE_START_STEPS)) * GITSPACE_START_STEPS;
  const nodes: PathNode[] = [
    { id: 'preflight', durationMs: opts.preflightMs, after: [] },
    { id: 'dns-zone', durationMs: t(p.dnsChange), after: ['preflight'] },
    { id: 'delegation', durationMs: 0, after: ['dns-zone'] },
    { id: 'runner-vm', durationMs: t(p.instanceInsert), after: ['preflight'] },
    { id: 'runner', durationMs: t(p.runnerBoot), after: ['runner-vm'] },
    { id: 'delegate', durationMs: 0, after: ['runner'] },
  ];
  for (const r of opts.regions) {
    nodes.push(
      { id: `certificate:${r}`, durationMs: t(p.certificateActive), after: ['delegation'] },
      { id: `load-balancer:${r}`, durationMs: t(p.computeOperation), after: ['preflight'] },
      { id: `https:${r}`, durationMs: 0, after: [`certificate:${r}`, `load-balancer:${r}`] },
      { id: `gateway-group:${r}`, durationMs: t(p.instanceGroupInsert), after: ['preflight'] },
      {
        id: `gateway:${r}`,
        durationMs: opts.gatewayMs?.[r] ?? t(p.gatewayHealthy),
        after: ['delegate', `gateway-group:${r}`],
      },
      { id: `gitspace:${r}`, durationMs: gitspaceMs, after: [`gateway:${r}`] },
      { id: `ready:${r}`, durationMs: 0, after: [`gitspace:${r}`, `https:${r}`] },
    );
  }
  return nodes;
}
