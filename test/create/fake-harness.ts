import { FakeClock } from '../../shared/clock.js';
import { RemoteError } from '../../shared/errors.js';
import type {
  CreateGitspaceBody,
  GitspaceActionName,
  GitspaceEvent,
  GitspaceView,
  HarnessCdeApi,
  MachineInput,
  MachineResource,
} from '../../shared/gitspaces/types.js';
import type { EnumGitspaceInstanceStateType } from '../../shared/harness/types.js';

/** What the fake does to one call: fail before acting (5xx/429), or act and then fail (an ambiguous 5xx). */
export type FakeFault = 'before-5xx' | 'after-5xx' | '429' | undefined;

interface Step {
  at: number;
  state: EnumGitspaceInstanceStateType;
  event: string;
  message: string;
  gone?: boolean;
}

interface Record_ {
  view: GitspaceView;
  events: GitspaceEvent[];
  steps: Step[];
  gone: boolean;
}

const CONFIG_STATE: Record<string, GitspaceView['state']> = {
  running: 'running',
  stopped: 'stopped',
  starting: 'starting',
  stopping: 'stopping',
  cleaning: 'cleaning',
  error: 'error',
  uninitialized: 'uninitialized',
  deleted: 'uninitialized',
};

/** An in-memory Harness CDE API with the server's behaviours that matter here (suffixes, async states, 403 while busy). */
export class FakeHarness implements HarnessCdeApi {
  resources: MachineResource[] = [];
  records: Record_[] = [];
  /** Every mutating call the fake applied: `create api-dev`, `start api-dev-abc123`, ... */
  readonly mutations: string[] = [];
  readonly calls: string[] = [];
  fault: (op: string) => FakeFault = () => undefined;
  stepMs = 100;
  failStart = false;
  private n = 0;
  constructor(readonly clock: FakeClock) {}

  private check(op: string, act: () => void): void {
    this.calls.push(op);
    const f = this.fault(op);
    if (f === '429') throw new RemoteError('harness', 429, 'Too many requests', undefined, 50);
    if (f === 'before-5xx') throw new RemoteError('harness', 503, 'unavailable');
    act();
    if (f === 'after-5xx') throw new RemoteError('harness', 502, 'bad gateway (request was applied)');
  }

  private tick(r: Record_): void {
    const now = this.clock.now();
    while (r.steps.length && (r.steps[0] as Step).at <= now) {
      const s = r.steps.shift() as Step;
      r.events.push({
        event: s.event as GitspaceEvent['event'],
        message: s.message,
        timestamp: s.at + r.events.length / 1000,
      });
      r.view.instance = {
        ...(r.view.instance ?? {}),
        state: s.state,
        url: s.state === 'running' ? `https://${r.view.identifier}.usc1.example.dev/` : null,
        ssh_command: s.state === 'running' ? `ssh ${r.view.identifier}@ssh.example.dev` : null,
        error_message: s.state === 'error' ? 'devcontainer image could not be pulled' : null,
      };
      r.view.state = CONFIG_STATE[s.state];
      if (s.gone) r.gone = true;
    }
  }

  private live(): Record_[] {
    for (const r of this.records) this.tick(r);
    return this.records.filter((r) => !r.gone);
  }

  private find(id: string): Record_ {
    const r = this.live().find((x) => x.view.identifier === id);
    if (!r) throw new RemoteError('harness', 404, `Failed to find gitspace config: ${id}`);
    return r;
  }

  async listResources(): Promise<MachineResource[]> {
    this.check('list-resources', () => {});
    return structuredClone(this.resources);
  }
  async createResources(infraId: string, items: MachineInput[]): Promise<MachineResource[]> {
    const made: MachineResource[] = [];
    this.check('create-resources', () => {
      for (const i of items) {
        for (const v of Object.values(i.metadata))
          if (typeof v !== 'string') throw new RemoteError('harness', 400, 'metadata values must be strings');
        const r: MachineResource = {
          ...i,
          identifier: `${i.name}-${++this.n}`,
          config_identifier: infraId,
          space_path: 'acc',
        };
        this.resources.push(r);
        made.push(r);
        this.mutations.push(`create-resource ${i.name}`);
      }
    });
    return made;
  }
  async deleteResource(_infra: string, id: string): Promise<void> {
    this.check('delete-resource', () => {
      this.resources = this.resources.filter((r) => r.identifier !== id);
      this.mutations.push(`delete-resource ${id}`);
    });
  }
  async listGitspaces(): Promise<GitspaceView[]> {
    this.check('list', () => {});
    return structuredClone(this.live().map((r) => r.view));
  }
  async getGitspace(_o: string, _p: string, id: string): Promise<GitspaceView | undefined> {
    this.check('get', () => {});
    const r = this.live().find((x) => x.view.identifier === id);
    return r ? structuredClone(r.view) : undefined;
  }
  async createGitspace(_o: string, _p: string, body: CreateGitspaceBody): Promise<GitspaceView> {
    let view: GitspaceView | undefined;
    this.check('create', () => {
      if (!this.resources.some((r) => r.identifier === body.resource_identifier))
        throw new RemoteError(
          'harness',
          400,
          `Failed to find infraprovider resource: ${body.resource_identifier}`,
        );
      const suffix = (++this.n).toString(36).padStart(6, '0').slice(-6);
      view = {
        identifier: `${body.identifier}-${suffix}`,
        name: body.name,
        state: 'uninitialized',
        instance: null,
        code_repo_url: body.code_repo_url,
        branch: body.branch,
        ide: body.ide,
      };
      this.records.push({ view, events: [], steps: [], gone: false });
      this.mutations.push(`create ${body.name}`);
    });
    return structuredClone(view as GitspaceView);
  }
  async gitspaceAction(
    _o: string,
    _p: string,
    id: string,
    action: GitspaceActionName,
  ): Promise<GitspaceView> {
    const r = this.find(id);
    this.check(`action-${action}`, () => {
      const st = r.view.instance?.state;
      if (st && ['starting', 'stopping', 'cleaning', 'resetting'].includes(st))
        throw new RemoteError('harness', 403, `Last session for this gitspace is still ${st}`);
      const t = this.clock.now();
      const s = this.stepMs;
      if (action === 'start') {
        r.steps.push({
          at: t,
          state: 'starting',
          event: 'gitspace_action_start',
          message: 'Starting the gitspace',
        });
        r.steps.push({
          at: t + s,
          state: 'starting',
          event: 'infra_provisioning_completed',
          message: 'VM provisioned',
        });
        if (this.failStart)
          r.steps.push({
            at: t + 2 * s,
            state: 'error',
            event: 'gitspace_action_start_failed',
            message: 'devcontainer image could not be pulled',
          });
        else
          r.steps.push({
            at: t + 2 * s,
            state: 'running',
            event: 'gitspace_action_start_completed',
            message: 'Gitspace is running',
          });
      } else if (action === 'stop') {
        r.steps.push({ at: t, state: 'stopping', event: 'gitspace_action_stop', message: 'Stopping' });
        r.steps.push({
          at: t + s,
          state: 'stopped',
          event: 'gitspace_action_stop_completed',
          message: 'Gitspace stopped',
        });
      }
      this.tick(r);
      this.mutations.push(`${action} ${id}`);
    });
    return structuredClone(r.view);
  }
  async deleteGitspace(_o: string, _p: string, id: string): Promise<void> {
    const r = this.find(id);
    this.check('delete', () => {
      const t = this.clock.now();
      r.steps.push({ at: t, state: 'cleaning', event: 'infra_deprovisioning_start', message: 'Deleting' });
      r.steps.push({
        at: t + this.stepMs,
        state: 'deleted',
        event: 'infra_deprovisioning_completed',
        message: 'Deleted',
        gone: true,
      });
      this.tick(r);
      this.mutations.push(`delete ${id}`);
    });
  }
  async gitspaceEvents(_o: string, _p: string, id: string): Promise<GitspaceEvent[]> {
    this.check('events', () => {});
    return structuredClone(this.find(id).events);
  }
}
