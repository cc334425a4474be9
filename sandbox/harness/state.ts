import type {
  DelegateGroupDetails,
  DelegateTokenDetails,
  EnumGitspaceEventType,
  EnumGitspaceInstanceStateType,
  TypesCDEGateway,
  TypesGitspaceConfig,
  TypesGitspaceEventResponse,
  TypesInfraProviderConfig,
  TypesInfraProviderResource,
} from '../../shared/harness/types.js';

/** One infra provider as the emulated control plane stores it. */
export interface InfraRecord {
  config: TypesInfraProviderConfig & { identifier: string; name: string; metadata: Record<string, unknown> };
  /** The gateway shared secret in its setup_yaml (stable across edits). */
  sharedSecret: string;
  resources: Map<string, TypesInfraProviderResource>;
}

/** A scheduled change of a gitspace: applied once `at` has passed (the state machine is evaluated lazily). */
export interface GitspaceStep {
  at: number;
  instanceState?: EnumGitspaceInstanceStateType;
  event?: EnumGitspaceEventType;
  message?: string;
  errorMessage?: string | null;
  url?: string | null;
  sshCommand?: string | null;
  /** The config is gone (async delete finished). */
  gone?: boolean;
}

export interface GitspaceRecord {
  org: string;
  project: string;
  /** The stored config (without state/instance, which come from the steps). */
  config: TypesGitspaceConfig & { identifier: string };
  infraIdentifier: string;
  steps: GitspaceStep[];
  deleted: boolean;
}

export interface TokenRecord {
  details: DelegateTokenDetails & { value: string };
}

/** Owned by the Harness emulator: sandbox/index.ts reads apiKey. */
export interface HarnessState {
  /** The API key the emulator accepts (x-api-key): an admin's. */
  apiKey: string;
  /** A key whose role may only view (a pull request's preview): every write answers 403. */
  viewApiKey: string;
  accountId: string;
  infraProviders: Map<string, InfraRecord>;
  gitspaces: GitspaceRecord[];
  /** Delegate tokens by name. */
  tokens: Map<string, TokenRecord>;
  /** The emulator's time source (tests may replace it). */
  now: () => number;
  /** Whether `value` is a delegate token this emulator issued and has not revoked. */
  isIssuedToken(value: string): boolean;
  /** A gitspace as GET returns it now (state and instance from the steps), or undefined once deleted. */
  gitspaceView(g: GitspaceRecord): TypesGitspaceConfig | undefined;
  gitspaceEvents(g: GitspaceRecord): TypesGitspaceEventResponse[];
  findGitspace(org: string, project: string, identifier: string): GitspaceRecord | undefined;
  /** The latest gateway per region of an infra provider, as GET .../gateways?is_latest=true returns it. */
  gateways(infraIdentifier: string): TypesCDEGateway[];
  /** Why each region's gateway is (un)healthy: for test failure messages and the sandbox's debugging. */
  gatewayDiagnostics(infraIdentifier: string): Record<string, string[]>;
  /** When each region's gateway turned (or will turn) healthy, by the emulator's clock (sandbox/harness/model.ts). */
  gatewayHealthyAt(infraIdentifier: string): Record<string, number>;
  delegateGroups(tokenName: string): DelegateGroupDetails[];
}
