/**
 * The part of the Harness API that machine and gitspace reconciliation needs. HarnessClient
 * (shared/harness/client.ts) implements it; tests and the benchmark may pass a fake.
 */
import type {
  EnumGitspaceActionType,
  OpenapiCreateGitspaceRequest,
  ResourceInput,
  TypesGitspaceConfig,
  TypesGitspaceEventResponse,
  TypesInfraProviderResource,
} from '../harness/types.js';

export type MachineResource = TypesInfraProviderResource;
export type MachineInput = ResourceInput;
export type GitspaceView = TypesGitspaceConfig;
export type GitspaceEvent = TypesGitspaceEventResponse;
export type CreateGitspaceBody = OpenapiCreateGitspaceRequest;
export type GitspaceActionName = EnumGitspaceActionType;

export interface MachinesApi {
  listResources(infraId: string): Promise<MachineResource[]>;
  createResources(infraId: string, resources: MachineInput[]): Promise<MachineResource[]>;
  deleteResource(infraId: string, resourceId: string): Promise<unknown>;
}

export interface GitspacesApi {
  listGitspaces(org: string, project: string): Promise<GitspaceView[]>;
  /** undefined when the gitspace does not exist (a 404 may also be thrown as a RemoteError). */
  getGitspace(org: string, project: string, id: string): Promise<GitspaceView | undefined>;
  createGitspace(org: string, project: string, body: CreateGitspaceBody): Promise<GitspaceView>;
  gitspaceAction(org: string, project: string, id: string, action: GitspaceActionName): Promise<unknown>;
  deleteGitspace(org: string, project: string, id: string): Promise<unknown>;
  gitspaceEvents(org: string, project: string, id: string): Promise<GitspaceEvent[]>;
}

export type HarnessCdeApi = MachinesApi & GitspacesApi;
