/**
 * `gitspaces up` as a child process against a sandbox living in the test's process, killed at a named point:
 * the test arms a hold on the request that marks the point (sandbox/core/holds.ts), waits for it to arrive, and
 * SIGKILLs the child's whole process group (terraform included), as a cancelled runner does. Nothing is timed:
 * the point is reached however loaded the machine is.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HeldRequest, HoldRule } from '../../sandbox/core/holds.js';
import { Sandbox, startSandbox } from '../../sandbox/index.js';
import { ROOT } from '../cli/run-cli.js';

/** Three gitspaces, so that a kill can land between two creates of one bulk. */
export const GITSPACES = ['api-dev', 'web-dev', 'docs-dev'];

const EXTRA_GITSPACES = GITSPACES.slice(1)
  .map(
    (name) => `  - name: ${name}
    repo_url: https://github.com/acme/${name.replace(/-dev$/, '')}
    repo_type: github
    branch: main
    ide: vs_code_web
    machine: standard
`,
  )
  .join('');

export interface UpResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  stdout: string;
  /** The request the child was killed at, when it was. */
  heldAt?: HeldRequest;
}

/** One sandbox and one scratch directory per test; `dispose` kills what is still running and removes both. */
export class Interruptible {
  sandbox!: Sandbox;
  dir!: string;
  configPath!: string;
  private readonly children = new Set<ChildProcess>();

  async start(): Promise<void> {
    this.dir = mkdtempSync(join(tmpdir(), 'gitspaces-interrupted-'));
    this.sandbox = await startSandbox({
      scenario: {
        harness: { gitspaceStepMs: 300, gatewayHealthyAfterMs: 300 },
        // Compute operations done when answered: the client polls a RUNNING one every second, idle time these
        // runs (the kill points are requests, held by sandbox/core/holds.ts) do not need to spend.
        gcp: { operationMs: 0 },
      },
    });
    this.configPath = join(this.dir, 'gitspaces.yaml');
    const example = readFileSync(join(ROOT, 'examples/gitspaces.yaml'), 'utf8');
    writeFileSync(
      this.configPath,
      example.replace('working_directory: .gitspaces/terraform', 'working_directory: tf') + EXTRA_GITSPACES,
    );
  }

  async dispose(): Promise<void> {
    for (const child of this.children) killGroup(child);
    await Promise.all([...this.children].map((c) => exited(c)));
    // A VM still running its startup script writes into the sandbox's directory: let it finish before removal.
    await this.sandbox?.world.vm.whenIdle?.();
    await this.sandbox?.stop();
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
  }

  /**
   * Runs `gitspaces up`. With `killAt`, arms that hold and SIGKILLs the process group once the request arrived
   * (and `beforeKill` resolved);
   * a run that ends before the request arrives returns without `heldAt` (the test then fails on it).
   */
  async up(
    killAt?: HoldRule,
    beforeKill?: (run: Interruptible) => Promise<void>,
    extraArgs: string[] = [],
  ): Promise<UpResult> {
    const hold = killAt ? this.sandbox.holds.arm(killAt) : undefined;
    const child = spawn(
      process.execPath,
      [
        join(ROOT, 'bin', 'gitspaces.js'),
        '--config',
        this.configPath,
        'up',
        '--report-path',
        join(this.dir, 'preflight.json'),
        '--poll-interval',
        '100ms',
        '--runner-timeout',
        '120s',
        '--gateway-timeout',
        '60s',
        '--delegate-timeout',
        '60s',
        '--timeout',
        '60s',
        ...extraArgs,
      ],
      {
        // Run from the checkout, as a user does: working_directory is relative to it.
        cwd: this.dir,
        // The sources through tsx (the esbuild bundle of test/cli/run-cli.ts cannot load the actions' lazy chunks).
        env: {
          ...process.env,
          ...this.sandbox.env,
          GITSPACES_CLI_FROM: 'src',
          NO_COLOR: '1',
          RUNNER_TEMP: this.dir,
        },
        // Its own process group, so the kill reaches terraform and everything it started.
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    this.children.add(child);
    let stderr = '';
    let stdout = '';
    child.stdout?.on('data', (d: Buffer) => void (stdout += d.toString()));
    child.stderr?.on('data', (d: Buffer) => void (stderr += d.toString()));
    const end = exited(child);
    const heldAt = hold ? await Promise.race([hold.arrived, end.then(() => undefined)]) : undefined;
    if (heldAt) {
      try {
        await beforeKill?.(this);
      } finally {
        killGroup(child);
      }
    }
    const { code, signal } = await end;
    this.children.delete(child);
    hold?.release();
    return { code, signal, stderr, stdout, ...(heldAt ? { heldAt } : {}) };
  }
}

function killGroup(child: ChildProcess): void {
  try {
    process.kill(-(child.pid as number), 'SIGKILL');
  } catch {
    /* the group is already gone */
  }
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null)
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((res) => child.once('exit', (code, signal) => res({ code, signal })));
}

/** What `up` built, by name, in every emulated system: compared between an interrupted and a clean history. */
export function endState(sandbox: Sandbox): Record<string, string[]> {
  const gcp = sandbox.world.gcp;
  const h = sandbox.world.harness;
  const names = (xs: Iterable<unknown>) => [...xs].map((x) => String(x)).sort();
  const compute = Object.fromEntries(
    [
      'networks',
      'subnetworks',
      'firewalls',
      'addresses',
      'instances',
      'instanceTemplates',
      'instanceGroupManagers',
      // The gateway's suffix hashes its template, which holds this sandbox's URLs: compared without it.
    ].map((c) => [
      `compute ${c}`,
      names(gcp.listResources(c).map((r) => String(r.name).replace(/-[0-9a-f]{8}$/, '-<hash>'))),
    ]),
  );
  const zones = gcp.managedZones();
  // Terraform creates the addresses in parallel, so which one gets which IP differs from run to run: a record is
  // compared by the address it points at, by name.
  const addressOf = new Map(
    gcp.listResources('addresses').map((a) => [String(a.address), `<address ${String(a.name)}>`]),
  );
  const rrdata = (d: string) => addressOf.get(d) ?? d;
  return {
    ...compute,
    'dns zones': names(zones.map((z) => z.dnsName)),
    'dns records': names(
      zones.flatMap((z) =>
        gcp.recordSets(z.name).map((r) => `${r.type} ${r.name} ${r.rrdatas.map(rrdata).join(',')}`),
      ),
    ),
    certificates: names(gcp.certificates().map((c) => String(c.name).replace(/^.*\//, ''))),
    'harness infra providers': names(h.infraProviders.keys()),
    'harness machines': names(
      [...h.infraProviders.values()].flatMap((i) => [...i.resources.values()].map((m) => m.name)),
    ),
    'harness gitspaces': names(
      h.gitspaces.flatMap((g) => {
        const v = h.gitspaceView(g);
        return v ? [`${v.name} ${v.state}`] : [];
      }),
    ),
    'harness delegate tokens': names(
      [...h.tokens.values()].map((t) => `${t.details.name} ${t.details.status}`),
    ),
  };
}

/** A run never interrupted: the end state every interrupted history must reach. */
export async function referenceEndState(): Promise<Record<string, string[]>> {
  const clean = new Interruptible();
  try {
    await clean.start();
    const r = await clean.up();
    if (r.code !== 0) throw new Error(`the uninterrupted run failed (exit ${r.code}):\n${r.stderr}`);
    return endState(clean.sandbox);
  } finally {
    await clean.dispose();
  }
}

/** Successful writes of one kind, from the journal (a refused or held-before-handling write is not one). */
function writes(sandbox: Sandbox, service: string, method: string, route: RegExp) {
  return sandbox.journal.entries.filter(
    (e) => e.service === service && e.method === method && e.mutating && route.test(e.path),
  );
}

/**
 * After the run that followed the kill: the same end state as the uninterrupted run, every Harness object and
 * the runner VM created exactly once, the delegate on the VM running with the one active token, and no secret
 * left in the VM's metadata.
 */
export function expectConverged(sandbox: Sandbox, reference: Record<string, string[]>): void {
  expect(endState(sandbox)).toEqual(reference);
  const h = sandbox.world.harness;
  const creates = {
    'infra provider': writes(sandbox, 'harness', 'POST', /\/infraproviders$/).length,
    'machines (one bulk request)': writes(sandbox, 'harness', 'POST', /\/infraproviders\/[^/]+\/resources$/)
      .length,
    gitspaces: writes(sandbox, 'harness', 'POST', /\/gitspaces$/)
      .map((e) => (e.requestBody as { name?: string }).name)
      .sort(),
    'delegate token': writes(sandbox, 'harness', 'POST', /\/delegate-token-ng$/).length,
    'runner VM': writes(sandbox, 'compute', 'POST', /\/instances$/).length,
  };
  expect(creates).toEqual({
    'infra provider': 1,
    'machines (one bulk request)': 1,
    gitspaces: [...GITSPACES].sort(),
    'delegate token': 1,
    'runner VM': 1,
  });
  const active = [...h.tokens.values()].filter((t) => t.details.status === 'ACTIVE');
  expect(active.map((t) => t.details.name)).toEqual(['gitspaces-delegate-token']);
  const token = active[0]?.details.value as string;
  const delegates = sandbox.world.vm.delegates;
  expect(delegates.map((d) => ({ name: d.name, runsWithTheActiveToken: d.token === token }))).toEqual([
    { name: 'gitspaces-delegate', runsWithTheActiveToken: true },
  ]);
  expect(sandbox.world.vm.runners.map((r) => r.healthy)).toEqual([true]);
  const [vm] = sandbox.world.gcp.listResources('instances');
  const metadata = JSON.stringify((vm as { metadata?: unknown }).metadata ?? {});
  expect({
    delegateTokenInMetadata: metadata.includes(token),
    serviceAccountKeyInMetadata: metadata.includes('PRIVATE KEY'),
  }).toEqual({ delegateTokenInMetadata: false, serviceAccountKeyInMetadata: false });
}

export interface KillPoint {
  /** What is half done when the kill lands. */
  name: string;
  killAt: HoldRule;
  /** What the sandbox holds at the kill, proving the window is the one named (e.g. the token exists). */
  atKill: (sandbox: Sandbox) => unknown;
  expectedAtKill: unknown;
  /** Runs once the request arrived, before the kill (to wait for what the window needs, e.g. a state write). */
  beforeKill?: (run: Interruptible) => Promise<void>;
  /**
   * For a window the next run cannot converge from by itself (a kill mid-apply): the run after the kill must fail
   * (exit 1) and say what to do; this does what it says (e.g. deletes what it says to delete) and returns the
   * inputs it says to pass (`--force-unlock <id>` ...) to the run that must then converge.
   */
  followInstructions?: (run: Interruptible, failed: UpResult) => Promise<string[]>;
}

/**
 * One test per kill point: a fresh sandbox, `up` killed at the point, `up` again to the end; the second run exits
 * 0 (or, for a point with `followInstructions`, exits 1 saying what to do, and the run that does it exits 0) and
 * everything converged to the end state of a run never interrupted.
 */
export function describeInterruptions(title: string, points: KillPoint[]): void {
  describe(title, () => {
    let reference: Record<string, string[]>;
    let run: Interruptible | undefined;
    beforeAll(async () => {
      reference = await referenceEndState();
    }, 300_000);
    afterEach(async () => {
      await run?.dispose();
      run = undefined;
    });

    const body = async (_name: string, p: KillPoint) => {
      run = new Interruptible();
      await run.start();
      const first = await run.up(p.killAt, p.beforeKill);
      if (!first.heldAt)
        throw new Error(
          `the run ended (exit ${first.code}) before reaching ${p.killAt.method} ${p.killAt.route} on ${p.killAt.service}:\n${first.stderr}`,
        );
      expect({ killedAt: first.heldAt, signal: first.signal }).toEqual({
        killedAt: expect.objectContaining({ service: p.killAt.service, method: p.killAt.method }),
        signal: 'SIGKILL',
      });
      expect(p.atKill(run.sandbox)).toEqual(p.expectedAtKill);
      let second = await run.up();
      if (p.followInstructions) {
        expect(second.code === 1 ? 'exit 1' : `exit ${second.code}\n${second.stderr}`).toBe('exit 1');
        second = await run.up(undefined, undefined, await p.followInstructions(run, second));
      }
      expect(second.code === 0 ? 'exit 0' : `exit ${second.code}\n${second.stderr}`).toBe('exit 0');
      expectConverged(run.sandbox, reference);
    };
    it.each(points.map((p) => [p.name, p] as const))('%s', body, 300_000);
  });
}
