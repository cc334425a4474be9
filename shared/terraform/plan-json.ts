/** The parts of `terraform show -json <plan>` the renderer reads. */
export interface PlanChange {
  actions: string[];
  before?: unknown;
  after?: unknown;
  after_unknown?: unknown;
  before_sensitive?: unknown;
  after_sensitive?: unknown;
  replace_paths?: unknown;
  /** Set when the change imports an existing object (an import block): its import ID. */
  importing?: { id?: string };
}
export interface ResourceChange {
  address: string;
  module_address?: string;
  mode?: string;
  type?: string;
  name?: string;
  index?: unknown;
  action_reason?: string;
  change: PlanChange;
}
export interface PlanJson {
  format_version?: string;
  terraform_version?: string;
  resource_changes?: ResourceChange[];
  resource_drift?: ResourceChange[];
  output_changes?: Record<string, PlanChange>;
  /** The state the plan was made against, refreshed; its outputs are the state's as `terraform output` prints them. */
  prior_state?: {
    values?: { outputs?: Record<string, { value: unknown; sensitive?: boolean; type?: unknown }> };
  };
  errored?: boolean;
}

/**
 * The state's outputs as the plan read them: what `terraform output -json` would print, when nothing was applied
 * after the plan. Undefined when the plan carries no prior state (a first plan against an empty state).
 */
export function priorOutputs(
  plan: PlanJson,
): Record<string, { value: unknown; sensitive?: boolean }> | undefined {
  return plan.prior_state?.values?.outputs;
}

export type Kind = 'create' | 'update' | 'delete' | 'replace' | 'read' | 'no-op';

export function kindOf(actions: readonly string[]): Kind {
  if (actions.includes('delete') && actions.includes('create')) return 'replace';
  if (actions.includes('create')) return 'create';
  if (actions.includes('delete')) return 'delete';
  if (actions.includes('update')) return 'update';
  if (actions.includes('read')) return 'read';
  return 'no-op';
}
