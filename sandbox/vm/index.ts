import { spawn, ChildProcess } from 'node:child_process';
import { appendFileSync, chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { World } from '../world.js';
import type { DelegateContainer, RunnerContainer, VmMachineInfo, VmState } from './state.js';
import {
  DEFAULT_DOCKER_VERSION,
  isDelegateContainer,
  isRunnerContainer,
  readDockerState,
  resolveOnNetwork,
  runnerHealth,
  writeDockerState,
} from './docker-state.js';

export * from './docker-state.js';

const here = dirname(fileURLToPath(import.meta.url));

/** Where the stand-in commands live, from the sources or from a bundle (dist/...). */
export function standInBinDir(): string {
  for (const c of [
    join(here, 'bin'),
    join(here, '..', 'sandbox', 'vm', 'bin'),
    join(here, '..', '..', 'sandbox', 'vm', 'bin'),
    join(here, 'vm', 'bin'),
  ]) {
    if (existsSync(join(c, 'docker.mjs'))) return c;
  }
  return join(here, 'bin');
}

export interface VmRootOptions {
  /** The VM's filesystem root (GITSPACES_ROOT): /runner, /var/lib/gitspaces and the stand-in docker state go under it. */
  root: string;
  /** The metadata emulator's base for this VM (`<metadata>/vm/<project>/<zone>/<name>`). */
  metadataUrl?: string;
  /** Or a directory the stand-in curl serves metadata from (attributes/<key>) and writes guest attributes to. */
  metadataDir?: string;
  /** Whether the runner's /healthz answers OK once its container runs with a valid pool. */
  runnerHealthy?: boolean;
  /** The script's poll interval in seconds (real VMs: 2) and how many /healthz attempts it makes. */
  pollIntervalSeconds?: number;
  healthAttempts?: number;
  /** The Docker Engine version the stand-in docker reports (and whose name resolution the sandbox models). */
  dockerVersion?: string;
}

/**
 * Prepares a VM root with stand-in `docker` and `curl` on PATH and returns the environment a startup script
 * runs with there. Nothing of the host's environment is passed on except what commands need to run.
 */
export function prepareVmRoot(opts: VmRootOptions): Record<string, string> {
  const bin = join(opts.root, '.standin', 'bin');
  mkdirSync(bin, { recursive: true });
  const src = standInBinDir();
  const wrappers: Record<string, string> = {
    docker: `#!/bin/sh\nexec '${process.execPath}' '${join(src, 'docker.mjs')}' "$@"\n`,
    curl: `#!/bin/sh\nGITSPACES_STANDIN_NODE='${process.execPath}' GITSPACES_STANDIN_DIR='${src}' exec /bin/sh '${join(src, 'curl.sh')}' "$@"\n`,
  };
  for (const [cmd, text] of Object.entries(wrappers)) {
    const wrapper = join(bin, cmd);
    writeFileSync(wrapper, text);
    chmodSync(wrapper, 0o755);
  }
  const env: Record<string, string> = {
    PATH: `${bin}:/usr/sbin:/usr/bin:/sbin:/bin`,
    HOME: opts.root,
    LANG: 'C',
    GITSPACES_ROOT: opts.root,
    GITSPACES_POLL_INTERVAL: String(opts.pollIntervalSeconds ?? 0.05),
    GITSPACES_HEALTH_ATTEMPTS: String(opts.healthAttempts ?? 30),
    GITSPACES_SIM_RUNNER_HEALTHY: String(opts.runnerHealthy ?? true),
  };
  if (opts.dockerVersion) env.GITSPACES_SIM_DOCKER_VERSION = opts.dockerVersion;
  if (opts.metadataUrl) env.GITSPACES_SIM_METADATA_URL = opts.metadataUrl;
  if (opts.metadataDir) env.GITSPACES_SIM_METADATA_DIR = opts.metadataDir;
  return env;
}

export interface ScriptRun {
  child: ChildProcess;
  /** Resolves when the script exits, with its exit code and combined output. */
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>;
}

/** Runs a startup script for real with bash, in its own process group (a VM reset kills all of it). */
export function runStartupScript(script: string, env: Record<string, string>): ScriptRun {
  const root = env.GITSPACES_ROOT ?? '.';
  const file = join(root, '.standin', 'startup-script');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, script, { mode: 0o700 });
  const child = spawn('/bin/bash', [file], {
    env,
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>(
    (resolve) => {
      child.on('error', (e) =>
        resolve({ code: -1, signal: null, output: `${output}\nspawn failed: ${e.message}` }),
      );
      child.on('close', (code, signal) => resolve({ code, signal, output }));
    },
  );
  return { child, done };
}

function killGroup(child: ChildProcess | undefined): void {
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

interface Machine {
  path: string;
  root: string;
  boots: number;
  generation: number;
  booting: boolean;
  child?: ChildProcess;
  timer?: NodeJS.Timeout;
  lastExit?: number | null;
  log: string;
  /** Serial port 1: the startup script's lines as google_metadata_script_runner logs them. */
  serial: string;
  idleWaiters: (() => void)[];
}

const live = new Set<ChildProcess>();
let exitHookInstalled = false;
function track(child: ChildProcess): void {
  live.add(child);
  child.on('close', () => live.delete(child));
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', () => {
      for (const c of live) killGroup(c);
    });
  }
}

/**
 * The simulated VMs. Each booted instance gets a root under world.dir/vm/<project>/<zone>/<name>; on boot
 * (Compute insert with a startup-script, reset, start) the instance's startup-script runs for real with
 * bash there, asynchronously, after scenario.vm.bootMs. The stand-in docker keeps the containers in a file
 * in that root; `runners` and `delegates` are read from those files whenever asked, so the Harness emulator
 * always sees what runs now.
 */
export class VmSimulation implements VmState {
  private readonly machines = new Map<string, Machine>();

  constructor(private readonly world: World) {}

  get runners(): RunnerContainer[] {
    const out: RunnerContainer[] = [];
    for (const m of this.machines.values()) {
      for (const c of readDockerState(m.root).containers) {
        if (!c.running || !isRunnerContainer(c)) continue;
        const pool = c.command[c.command.indexOf('--pool') + 1] ?? '';
        const health = runnerHealth(c, this.world.scenario.vm.runnerHealthy);
        out.push({
          instance: m.path,
          image: c.image,
          healthy: health.healthy,
          poolFile: pool,
          healthReason: health.reason,
        });
      }
    }
    return out;
  }

  get delegates(): DelegateContainer[] {
    const out: DelegateContainer[] = [];
    const version = this.world.scenario.vm.dockerVersion || DEFAULT_DOCKER_VERSION;
    for (const m of this.machines.values()) {
      const state = readDockerState(m.root);
      for (const c of state.containers) {
        if (!c.running || !isDelegateContainer(c)) continue;
        let host = '';
        try {
          host = new URL(c.env.RUNNER_URL ?? '').hostname;
        } catch {
          // no usable RUNNER_URL: reaches nothing
        }
        const target = host ? resolveOnNetwork(state, c.network, host, version) : undefined;
        out.push({
          instance: m.path,
          name: c.env.DELEGATE_NAME ?? c.name,
          image: c.image,
          accountId: c.env.ACCOUNT_ID ?? '',
          token: c.env.DELEGATE_TOKEN ?? '',
          tags: (c.env.DELEGATE_TAGS ?? '')
            .split(',')
            .map((t) => t.trim())
            .filter(Boolean),
          managerUrl: c.env.MANAGER_HOST_AND_PORT ?? '',
          runnerUrl: c.env.RUNNER_URL ?? '',
          reachesRunner: !!target && isRunnerContainer(target),
          startedAt: c.startedAt,
        });
      }
    }
    return out;
  }

  serialOutput(instancePath: string): string {
    return this.machines.get(instancePath)?.serial ?? '';
  }

  machine(instancePath: string): VmMachineInfo | undefined {
    const m = this.machines.get(instancePath);
    return m
      ? { path: m.path, root: m.root, boots: m.boots, booting: m.booting, lastExit: m.lastExit, log: m.log }
      : undefined;
  }

  /** Resolves once no instance is booting (tests use it before reading the VM's files). */
  async whenIdle(): Promise<void> {
    await Promise.all(
      [...this.machines.values()]
        .filter((m) => m.booting)
        .map((m) => new Promise<void>((resolve) => m.idleWaiters.push(resolve))),
    );
  }

  onBoot(instance: { project: string; zone: string; name: string; metadata: Record<string, string> }): void {
    const path = `projects/${instance.project}/zones/${instance.zone}/instances/${instance.name}`;
    let m = this.machines.get(path);
    if (!m) {
      m = {
        path,
        root: join(this.world.dir, 'vm', instance.project, instance.zone, instance.name),
        boots: 0,
        generation: 0,
        booting: false,
        log: '',
        serial: '',
        idleWaiters: [],
      };
      mkdirSync(m.root, { recursive: true });
      this.machines.set(path, m);
    }
    const machine = m;
    // The VM goes down: the running script dies, every container stops.
    machine.generation++;
    const generation = machine.generation;
    if (machine.timer) clearTimeout(machine.timer);
    killGroup(machine.child);
    machine.child = undefined;
    const state = readDockerState(machine.root);
    for (const c of state.containers) c.running = false;
    writeDockerState(machine.root, state);
    machine.booting = true;
    machine.boots++;
    const script = instance.metadata['startup-script'];
    const bootMs = Math.max(0, this.world.scenario.vm.bootMs);
    machine.timer = setTimeout(() => {
      if (generation !== machine.generation) return;
      machine.timer = undefined;
      // The sandbox stopped meanwhile (its directory is gone): the VM never comes up.
      if (!existsSync(machine.root)) return this.finish(machine, generation, null);
      // The Docker daemon starts again and restarts containers per their restart policy.
      const s = readDockerState(machine.root);
      for (const c of s.containers) {
        if ((c.restart === 'always' || c.restart === 'unless-stopped') && !c.stoppedByUser) {
          c.running = true;
          c.startedAt = Date.now();
        }
      }
      writeDockerState(machine.root, s);
      this.note(machine, `boot ${machine.boots}: ${script ? 'running startup-script' : 'no startup-script'}`);
      if (!script) return this.finish(machine, generation, null);
      const metadataBase = this.world.urls.metadata;
      if (!metadataBase)
        this.note(machine, 'no metadata server in this sandbox: the script cannot read its attributes');
      const env = prepareVmRoot({
        root: machine.root,
        metadataUrl: metadataBase
          ? `${metadataBase.replace(/\/+$/, '')}/vm/${instance.project}/${instance.zone}/${instance.name}`
          : undefined,
        runnerHealthy: this.world.scenario.vm.runnerHealthy,
        dockerVersion: this.world.scenario.vm.dockerVersion,
      });
      const run = runStartupScript(script, env);
      this.serialLines(machine, generation, run.child, instance.name);
      machine.child = run.child;
      track(run.child);
      run.child.unref();
      void run.done.then((r) => {
        if (generation !== machine.generation) return;
        appendFileSync(join(machine.root, '.standin', 'startup-script.log'), r.output);
        this.note(machine, `${r.output}startup-script exited ${r.code ?? r.signal}`);
        this.finish(machine, generation, r.code);
      });
    }, bootMs);
    machine.timer.unref?.();
  }

  /**
   * Copies the script's output to serial port 1 as it comes, line by line, the way google_metadata_script_runner
   * logs startup-script output to the serial console (`<time> <host> google_metadata_script_runner[pid]:
   * startup-script: <line>`; Compute Engine, "View startup script output": serial port 1).
   */
  private serialLines(m: Machine, generation: number, child: ChildProcess, host: string): void {
    let partial = '';
    const onData = (d: Buffer) => {
      if (generation !== m.generation) return;
      const lines = (partial + d.toString()).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines)
        m.serial += `${new Date().toISOString()} ${host} google_metadata_script_runner[${child.pid ?? 0}]: startup-script: ${line}\n`;
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
  }

  private note(m: Machine, text: string): void {
    m.log += text.endsWith('\n') ? text : `${text}\n`;
  }

  private finish(m: Machine, generation: number, code: number | null): void {
    if (generation !== m.generation) return;
    m.booting = false;
    m.lastExit = code;
    m.child = undefined;
    for (const w of m.idleWaiters.splice(0)) w();
  }
}

export function createVmState(world: World): VmState {
  return new VmSimulation(world);
}
