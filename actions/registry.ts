/**
 * Every action the bundle ships, in pipeline order: the one list the build (scripts/build.mjs), the bench
 * (bench/cold-start.bench.ts), the CLI (cli/main.ts), the pipeline (actions/pipeline/main.ts) and the dispatcher
 * (actions/load.ts) read. Adding an action is a folder `actions/<name>/` (action.yml + main.ts) and one entry here.
 *
 * No static imports: scripts/build.mjs loads this file on its own, and each action's code is loaded only when it
 * runs (`load`, one lazy chunk per action in the bundle; a literal path so webpack, esbuild and tsx all resolve it).
 */
export interface CommandEntry {
  /** One line for `gitspaces --help`. */
  summary: string;
  /** Inputs the command fixes (plan/apply/destroy/drift are terraform-apply with a mode). */
  inputs?: Readonly<Record<string, string>>;
}

export interface ActionEntry {
  /** The folder `actions/<name>/`, the bundle `dist/<name>/index.js`. */
  name: string;
  /** Its phase in the pipeline (`gitspaces up`, the root action.yml); none for actions the pipeline does not run. */
  phase?: string;
  /** Inputs it gets when the pipeline runs it, whatever the caller passed. */
  phaseInputs?: Readonly<Record<string, string>>;
  /** Outputs the pipeline hands on to the later phases, as inputs of the same name. */
  handsOn?: readonly string[];
  /** The `gitspaces <command>`s that run it. */
  commands: Readonly<Record<string, CommandEntry>>;
  /** Its `actions/<name>/main.ts`, loaded on demand. */
  load: () => Promise<{ main?: unknown }>;
}

export const ACTIONS = [
  {
    name: 'validate-prereqs',
    load: () => import('./validate-prereqs/main.js'),
    phase: 'validate',
    commands: {
      validate: { summary: 'Run the preflight checks against GCP, DNS and Harness (changes nothing)' },
    },
  },
  {
    name: 'configure-infra',
    load: () => import('./configure-infra/main.js'),
    phase: 'configure',
    handsOn: ['infra-config-path', 'infra-identifier'],
    commands: {
      configure: { summary: 'Create or update the Harness infrastructure and its regions and machines' },
    },
  },
  {
    name: 'terraform-apply',
    load: () => import('./terraform-apply/main.js'),
    phase: 'apply',
    // The pipeline applies; a pull request plans through the reusable workflow instead.
    // Its review check is the pipeline's gate (the whole preview), not a plan comment of its own.
    phaseInputs: { mode: 'apply', 'require-review': 'false' },
    handsOn: ['pool-yaml-path'],
    commands: {
      plan: { summary: 'Plan the GCP infrastructure (terraform plan)', inputs: { mode: 'plan' } },
      apply: {
        summary: 'Create or update the GCP infrastructure (terraform apply)',
        inputs: { mode: 'apply' },
      },
      destroy: { summary: 'Destroy the GCP infrastructure (terraform destroy)', inputs: { mode: 'destroy' } },
      drift: { summary: 'Report drift between the state and GCP', inputs: { mode: 'drift' } },
    },
  },
  {
    name: 'install-runner',
    load: () => import('./install-runner/main.js'),
    phase: 'install-runner',
    commands: { 'install-runner': { summary: 'Install the VM runner and the delegate on the runner VM' } },
  },
  {
    name: 'create-gitspace',
    load: () => import('./create-gitspace/main.js'),
    phase: 'create',
    commands: { create: { summary: 'Create (or start) the gitspaces of the config file' } },
  },
  {
    name: 'teardown',
    load: () => import('./teardown/main.js'),
    commands: { teardown: { summary: 'Delete gitspaces, runner, infrastructure, in reverse order' } },
  },
  {
    // The root action.yml: every phase above, in order.
    name: 'pipeline',
    load: () => import('./pipeline/main.js'),
    commands: {
      up: {
        summary:
          'Run the whole pipeline: validate, configure, apply, install-runner, create (on a push event: only what a pull request previewed)',
      },
      preview: {
        summary:
          'Preview a change on its pull request: what every phase would do, one comment, nothing changed',
        inputs: { mode: 'preview' },
      },
    },
  },
] as const satisfies readonly ActionEntry[];

export type ActionName = (typeof ACTIONS)[number]['name'];

export const ACTION_NAMES: readonly ActionName[] = ACTIONS.map((a) => a.name);

/** The action a registry name stands for, or undefined. */
export function actionEntry(name: string): ActionEntry | undefined {
  return (ACTIONS as readonly ActionEntry[]).find((a) => a.name === name);
}

/** The pipeline's phases in order. */
export function pipelinePhases(): (ActionEntry & { phase: string })[] {
  return (ACTIONS as readonly ActionEntry[]).filter((a): a is ActionEntry & { phase: string } => !!a.phase);
}

/** Every `gitspaces <command>` and the action it runs. */
export function cliCommands(): Record<string, CommandEntry & { action: ActionName }> {
  const out: Record<string, CommandEntry & { action: ActionName }> = {};
  for (const a of ACTIONS as readonly ActionEntry[])
    for (const [cmd, spec] of Object.entries(a.commands))
      out[cmd] = { ...spec, action: a.name as ActionName };
  return out;
}
