/**
 * The simulated runner VM: what its startup script started. Written by the VM simulation (sandbox/vm),
 * read by the Harness emulator (delegate connectivity, gateway health).
 */
export interface RunnerContainer {
  /** `projects/<p>/zones/<z>/instances/<name>` of the VM it runs on. */
  instance: string;
  image: string;
  /** Whether GET /healthz answers OK. */
  healthy: boolean;
  poolFile: string;
  /** Why /healthz does (not) answer OK (`OK`, `container not running`, `json_path ... not found` ...). */
  healthReason?: string;
}

export interface DelegateContainer {
  instance: string;
  name: string;
  image: string;
  accountId: string;
  /** The DELEGATE_TOKEN it was started with (the Harness emulator checks it against issued tokens). */
  token: string;
  tags: string[];
  managerUrl: string;
  runnerUrl: string;
  /**
   * Whether RUNNER_URL's host resolves, on the delegate's network, to a running runner container (the VM
   * simulation computes it with the VM's Docker version; undefined: not modelled, taken as reachable).
   */
  reachesRunner?: boolean;
  startedAt: number;
}

export interface VmState {
  runners: RunnerContainer[];
  delegates: DelegateContainer[];
  /**
   * Called by the Compute emulator when an instance boots (insert with a startup-script, reset, start).
   * The VM simulation runs the startup-script for real in a scratch root.
   */
  onBoot(instance: { project: string; zone: string; name: string; metadata: Record<string, string> }): void;
  /** A booted VM: its scratch root and the startup script's output so far (debugging, tests). */
  machine?(instancePath: string): VmMachineInfo | undefined;
  /** Resolves once no VM is booting. */
  whenIdle?(): Promise<void>;
  /** What the VM wrote to serial port 1 so far (the startup script's output, as GCE's script runner logs it). */
  serialOutput?(instancePath: string): string;
}

export interface VmMachineInfo {
  path: string;
  /** The VM's filesystem root (GITSPACES_ROOT of its startup script). */
  root: string;
  boots: number;
  booting: boolean;
  lastExit?: number | null;
  log: string;
}
