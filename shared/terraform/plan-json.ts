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
  errored?: boolean;
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
