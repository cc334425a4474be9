/**
 * Types of the Harness CDE API (from ../../../shared/contracts/harness-cde-openapi.yaml, the UI's swagger) for
 * what the bundle uses, plus the NG delegate-token types (harness-go-sdk `nextgen` models).
 */

export type EnumInfraProviderType =
  'docker' | 'harness_gcp' | 'harness_cloud' | 'hybrid_vm_gcp' | 'hybrid_vm_aws';
export type EnumIDEType =
  | 'vs_code'
  | 'vs_code_web'
  | 'cursor'
  | 'windsurf'
  | 'intellij'
  | 'pycharm'
  | 'goland'
  | 'webstorm'
  | 'clion'
  | 'phpstorm'
  | 'rubymine'
  | 'rider';
export type EnumGitspaceCodeRepoType =
  | 'github'
  | 'gitlab'
  | 'harness_code'
  | 'bitbucket'
  | 'unknown'
  | 'gitness'
  | 'gitlab_on_prem'
  | 'bitbucket_server'
  | 'github_enterprise';
export type EnumGitspaceStateType =
  'running' | 'stopped' | 'error' | 'uninitialized' | 'starting' | 'stopping' | 'cleaning';
/** The swagger's enum lacks `stopped`, which the OSS state table (types/gitspace.go) maps to config state stopped. */
export type EnumGitspaceInstanceStateType =
  | 'running'
  | 'uninitialized'
  | 'unknown'
  | 'error'
  | 'deleted'
  | 'starting'
  | 'stopping'
  | 'stopped'
  | 'cleaning'
  | 'cleaned'
  | 'resetting'
  | 'pending_cleanup';
export type EnumGitspaceActionType = 'start' | 'stop' | 'reset';
export type EnumGitspaceEntityType = 'gitspace_config' | 'gitspace_instance';
export type EnumGitspaceEventType =
  | 'gitspace_action_start'
  | 'gitspace_action_start_completed'
  | 'gitspace_action_start_failed'
  | 'gitspace_action_stop'
  | 'gitspace_action_stop_completed'
  | 'gitspace_action_stop_failed'
  | 'fetch_devcontainer_start'
  | 'fetch_devcontainer_completed'
  | 'fetch_devcontainer_failed'
  | 'infra_provisioning_start'
  | 'infra_provisioning_completed'
  | 'infra_provisioning_failed'
  | 'infra_stop_start'
  | 'infra_stop_completed'
  | 'infra_stop_failed'
  | 'infra_deprovisioning_start'
  | 'infra_deprovisioning_completed'
  | 'infra_deprovisioning_failed'
  | 'agent_connect_start'
  | 'agent_connect_completed'
  | 'agent_connect_failed'
  | 'agent_gitspace_creation_start'
  | 'agent_gitspace_creation_completed'
  | 'agent_gitspace_creation_failed'
  | 'agent_gitspace_stop_start'
  | 'agent_gitspace_stop_completed'
  | 'agent_gitspace_stop_failed'
  | 'agent_gitspace_deletion_start'
  | 'agent_gitspace_deletion_completed'
  | 'agent_gitspace_deletion_failed'
  | 'agent_gitspace_state_report_running'
  | 'agent_gitspace_state_report_error'
  | 'agent_gitspace_state_report_stopped'
  | 'agent_gitspace_state_report_unknown'
  | 'gitspace_action_auto_stop'
  | 'gitspace_action_reset'
  | 'gitspace_action_reset_completed'
  | 'gitspace_action_reset_failed';

/** `region_configs.<region>` as the UI sends it (spec §3.1). */
export interface HybridGcpRegionConfig {
  region_name: string;
  default_subnet_ip_range: string;
  proxy_subnet_ip_range: string;
  certificates: { contents: { domain: string; dns_managed_zone_name?: string }[] };
}

/** `metadata` of a hybrid_vm_gcp infra provider (spec §3.1; HUI GcpInfraDetails.tsx). */
export interface HybridGcpInfraMetadata {
  /** The UI sets it to the identifier. */
  name?: string;
  domain: string;
  project: { id: string };
  gateway: {
    machine_type: string;
    instances?: number;
    vm_image_name?: string;
    whitelist_ip_ranges?: string[];
  };
  runner: { region: string; zone: string; vm_image_name?: string };
  delegate_selectors?: { selector: string }[];
  region_configs: Record<string, HybridGcpRegionConfig>;
  [key: string]: unknown;
}

/** TypesInfraProviderResource: a machine. */
export interface TypesInfraProviderResource {
  config_identifier?: string;
  config_name?: string;
  cpu?: string | null;
  created?: number;
  deleted?: number | null;
  disk?: string | null;
  identifier?: string;
  infra_provider_type?: EnumInfraProviderType;
  is_deleted?: boolean;
  memory?: string | null;
  metadata?: Record<string, string> | null;
  name?: string;
  network?: string | null;
  region?: string;
  space_path?: string;
  updated?: number;
}

/** TypesInfraProviderConfig. */
export interface TypesInfraProviderConfig {
  created?: number;
  deleted?: number | null;
  identifier?: string;
  is_deleted?: boolean;
  metadata?: Record<string, unknown> | null;
  name?: string;
  resources?: TypesInfraProviderResource[] | null;
  /** The Infra Config YAML the Terraform module reads (spec §3.2). */
  setup_yaml?: string;
  space_path?: string;
  type?: EnumInfraProviderType;
  updated?: number;
}

/** OpenapiCreateInfraProviderConfigRequest (PUT takes the same shape: OpenapiUpdateInfraProviderConfigRequest). */
export interface OpenapiCreateInfraProviderConfigRequest {
  identifier: string;
  name: string;
  space_ref?: string;
  type: EnumInfraProviderType;
  metadata?: Record<string, unknown> | null;
}

/** TypesCDEGateway: one gateway's latest health report. */
export interface TypesCDEGateway {
  created?: number;
  envoy_health?: string;
  group_name?: string;
  health?: string;
  infra_provider_config_id?: number;
  infra_provider_config_identifier?: string;
  name?: string;
  /** `healthy` only when health and envoy_health both are. */
  overall_health?: string;
  region?: string;
  space_id?: number;
  space_path?: string;
  updated?: number;
  version?: string;
  zone?: string;
}

/**
 * One machine to create (OSS `ResourceInput`): the machines POST takes a JSON array of these although the
 * swagger declares no body. Metadata values must be strings.
 */
export interface ResourceInput {
  identifier?: string;
  name: string;
  infra_provider_type: EnumInfraProviderType;
  region: string;
  disk?: string;
  cpu?: string;
  memory?: string;
  network?: string;
  metadata: Record<string, string>;
}

export interface TypesGitspaceInstance {
  access_type?: 'jwt_token' | 'user_credentials' | 'ssh_key';
  created?: number;
  error_message?: string | null;
  has_git_changes?: boolean | null;
  identifier?: string;
  last_heartbeat?: number | null;
  last_used?: number | null;
  resource_usage?: string | null;
  space_path?: string;
  ssh_command?: string | null;
  state?: EnumGitspaceInstanceStateType;
  total_time_used?: number;
  updated?: number;
  url?: string | null;
}

/** TypesGitspaceConfig. */
export interface TypesGitspaceConfig {
  ai_agents?: 'claude-code'[];
  branch?: string;
  branch_url?: string;
  code_repo_is_private?: boolean;
  code_repo_ref?: string | null;
  code_repo_type?: EnumGitspaceCodeRepoType;
  code_repo_url?: string;
  created?: number;
  devcontainer_path?: string | null;
  ide?: EnumIDEType;
  identifier?: string;
  instance?: TypesGitspaceInstance | null;
  is_marked_for_infra_reset?: boolean;
  is_marked_for_reset?: boolean;
  log_key?: string;
  name?: string;
  resource?: TypesInfraProviderResource;
  space_path?: string;
  ssh_token_identifier?: string;
  state?: EnumGitspaceStateType;
  updated?: number;
  user_display_name?: string;
  user_email?: string;
  user_id?: string;
}

/** TypesGitspaceEventResponse. */
export interface TypesGitspaceEventResponse {
  created?: number;
  entity_type?: EnumGitspaceEntityType;
  entity_uid?: string;
  event?: EnumGitspaceEventType;
  event_time?: string;
  message?: string;
  timestamp?: number;
}

/** OpenapiCreateGitspaceRequest (spec §6.2). */
export interface OpenapiCreateGitspaceRequest {
  identifier: string;
  name: string;
  space_ref?: string;
  ide: EnumIDEType;
  code_repo_type?: EnumGitspaceCodeRepoType;
  code_repo_url: string;
  code_repo_ref?: string | null;
  branch?: string;
  devcontainer_path?: string | null;
  infra_provider_config_identifier: string;
  resource_identifier: string;
  resource_space_ref?: string;
  ssh_token_identifier?: string;
  metadata?: Record<string, string> | null;
  ai_agents?: 'claude-code'[] | null;
}

/** Harness's error body. */
export interface UsererrorError {
  message?: string;
  values?: Record<string, unknown>;
}

// ---- NG platform (delegates) ----

export type DelegateTokenStatus = 'ACTIVE' | 'REVOKED';

/**
 * NG `DelegateTokenDetails`. `value` (base64, what the delegate's DELEGATE_TOKEN is) is returned by create, and by
 * GET delegate-token-ng (by name) to a key allowed to edit delegates (harness-go-sdk model doc).
 */
export interface DelegateTokenDetails {
  uuid?: string;
  accountId?: string;
  name: string;
  createdBy?: { type?: string; name?: string } | null;
  createdAt?: number;
  status: DelegateTokenStatus;
  value?: string;
  ownerIdentifier?: string;
  revokeAfter?: number;
}

/** NG `DelegateGroupDetails` (the fields we read). */
export interface DelegateGroupDetails {
  groupId?: string;
  delegateGroupIdentifier?: string;
  delegateType?: string;
  groupName: string;
  groupHostName?: string;
  groupImplicitSelectors?: Record<string, string>;
  groupCustomSelectors?: string[];
  delegateInstanceDetails?: {
    uuid?: string;
    hostName?: string;
    lastHeartbeat?: number;
    activelyConnected?: boolean;
    tokenActive?: boolean;
    version?: string;
  }[];
  activelyConnected: boolean;
  connectivityStatus: string;
  lastHeartBeat: number;
  tokenActive?: boolean;
}

/** NG `RestResponse<T>` envelope (delegate-token-ng endpoints). */
export interface NgRestResponse<T> {
  metaData?: Record<string, unknown>;
  resource: T;
  responseMessages?: unknown[];
}

/** NG `ResponseDTO<T>` envelope (organizations, projects). */
export interface NgResponseDTO<T> {
  status: 'SUCCESS' | 'ERROR' | 'FAILURE';
  data: T;
  metaData?: unknown;
  correlationId?: string;
}

/** What delegateGroupsForToken returns: one line per delegate group using the token. */
export interface DelegateGroupSummary {
  groupName: string;
  activelyConnected: boolean;
  connectivityStatus: string;
  lastHeartBeat: number;
  /** Custom selectors (DELEGATE_TAGS) plus the implicit ones (the group name). */
  tags: string[];
}
