import { Req, Res, harnessError } from '../../core/http.js';
import type { World } from '../../world.js';
import type { EnumGitspaceActionType } from '../../../shared/harness/types.js';
import { json, obj } from '../api.js';
import { BUSY_STATES, HarnessModel } from '../model.js';
import type { GitspaceRecord, GitspaceStep } from '../state.js';

/**
 * POST .../gitspaces/{id}/actions: start, stop or reset. The emulator schedules the instance's state changes
 * and events (read lazily by GET), in the order harness/harness emits them
 * (app/gitspace/orchestrator/orchestrator_trigger.go, TriggerStartGitspace / TriggerStopGitspace).
 */
export function gitspaceAction(world: World, g: GitspaceRecord, req: Req): Res {
  const m = world.harness as HarnessModel;
  const action = obj(req.body).action as EnumGitspaceActionType;
  const view = m.gitspaceView(g);
  const instanceState = view?.instance?.state;
  if (instanceState && BUSY_STATES.includes(instanceState))
    return harnessError(403, `Last session for this gitspace is still ${instanceState}`);
  const t = m.now();
  const step = world.scenario.harness.gitspaceStepMs;
  let steps: GitspaceStep[];
  if (action === 'start') {
    if (instanceState === 'running') return json(200, view);
    steps = [
      {
        at: t,
        event: 'gitspace_action_start',
        message: 'Starting the gitspace',
        instanceState: 'starting',
        errorMessage: null,
        url: null,
        sshCommand: null,
      },
      ...startSteps(world, g, t),
    ];
  } else if (action === 'stop') {
    if (!instanceState || instanceState === 'stopped' || instanceState === 'uninitialized')
      return json(200, view);
    steps = stopSteps(t, step);
  } else {
    steps = [
      {
        at: t,
        event: 'gitspace_action_reset',
        message: 'Resetting the gitspace',
        instanceState: 'resetting',
        url: null,
        sshCommand: null,
        errorMessage: null,
      },
      {
        at: t + step,
        event: 'gitspace_action_reset_completed',
        message: 'Gitspace reset',
        instanceState: 'starting',
      },
      ...startSteps(world, g, t + step),
    ];
  }
  g.steps.push(...steps);
  return json(200, m.gitspaceView(g));
}

function stopSteps(t: number, step: number): GitspaceStep[] {
  return [
    { at: t, event: 'gitspace_action_stop', message: 'Stopping the gitspace', instanceState: 'stopping' },
    { at: t + step, event: 'agent_gitspace_stop_start', message: 'Stopping the container' },
    { at: t + 2 * step, event: 'agent_gitspace_stop_completed', message: 'Container stopped' },
    {
      at: t + 2 * step,
      event: 'gitspace_action_stop_completed',
      message: 'Gitspace stopped',
      instanceState: 'stopped',
      url: null,
      sshCommand: null,
    },
  ];
}

/**
 * Provisioning, then the agent's setup. A hybrid gitspace is provisioned through the gateway of its machine's
 * region: without a healthy one the control plane cannot provision it, so the start fails the way
 * TriggerStartGitspace reports a provisioning failure (event infra_provisioning_failed, instance `error` with
 * "cannot trigger provision infrastructure for ID <resource>: <cause>").
 */
function startSteps(world: World, g: GitspaceRecord, t0: number): GitspaceStep[] {
  const m = world.harness as HarnessModel;
  const sc = world.scenario.harness;
  const step = sc.gitspaceStepMs;
  const steps: GitspaceStep[] = [
    { at: t0 + step, event: 'infra_provisioning_start', message: 'Provisioning infrastructure' },
  ];
  const noGateway = gatewayProblem(m, g);
  if (noGateway) {
    const error = `cannot trigger provision infrastructure for ID ${String(g.config.resource?.identifier)}: ${noGateway}`;
    steps.push(
      { at: t0 + 2 * step, event: 'infra_provisioning_failed', message: error },
      failed(t0 + 2 * step, error),
    );
    return steps;
  }
  steps.push(
    { at: t0 + 2 * step, event: 'infra_provisioning_completed', message: 'Infrastructure provisioned' },
    { at: t0 + 3 * step, event: 'agent_gitspace_creation_start', message: 'Setting up the gitspace' },
  );
  if (sc.gitspaceStartFails) {
    const error =
      'Failed to set up the gitspace: devcontainer image could not be pulled (scenario gitspaceStartFails)';
    steps.push(
      { at: t0 + 4 * step, event: 'agent_gitspace_creation_failed', message: error },
      failed(t0 + 4 * step, error),
    );
    return steps;
  }
  const domain = gitspaceDomain(m, g);
  steps.push(
    { at: t0 + 4 * step, event: 'agent_gitspace_creation_completed', message: 'Gitspace set up' },
    {
      at: t0 + 4 * step,
      event: 'gitspace_action_start_completed',
      message: 'Gitspace is running',
      instanceState: 'running',
      errorMessage: null,
      url: `https://${g.config.identifier}.${domain}/?folder=/gitspace/${repoName(String(g.config.code_repo_url))}`,
      sshCommand: `ssh -p 2222 ${g.config.identifier}@${domain}`,
    },
  );
  return steps;
}

function failed(at: number, error: string): GitspaceStep {
  return {
    at,
    event: 'gitspace_action_start_failed',
    message: error,
    instanceState: 'error',
    errorMessage: error,
  };
}

/** Why the gitspace's region has no healthy gateway now, or undefined when it has one. */
function gatewayProblem(m: HarnessModel, g: GitspaceRecord): string | undefined {
  const infra = m.infraProviders.get(g.infraIdentifier);
  if (!infra || infra.config.type !== 'hybrid_vm_gcp') return undefined;
  const region = g.config.resource?.region ?? '';
  const gateway = m.gateways(g.infraIdentifier).find((gw) => gw.region === region);
  if (gateway?.overall_health === 'healthy') return undefined;
  const why = m.gatewayDiagnostics(g.infraIdentifier)[region] ?? [];
  return `no healthy gateway in region ${region} for infra provider ${g.infraIdentifier}${why.length ? ` (${why.join('; ')})` : ''}`;
}

function repoName(url: string): string {
  return (
    url
      .replace(/\.git$/, '')
      .split('/')
      .filter(Boolean)
      .pop() ?? 'repo'
  );
}

/** The region domain of the gitspace's machine (certificates.contents[0].domain), else the infra domain. */
function gitspaceDomain(m: HarnessModel, g: GitspaceRecord): string {
  const infra = m.infraProviders.get(g.infraIdentifier);
  const md = infra?.config.metadata ?? {};
  const region = g.config.resource?.region ?? '';
  const rc = obj(obj(md.region_configs)[region]);
  const contents = obj(rc.certificates).contents;
  const d = Array.isArray(contents) ? obj(contents[0]).domain : undefined;
  return typeof d === 'string' && d ? d : String(md.domain ?? 'gitspaces.example.com');
}
