import { isThrottled } from '../retry.js';
import { RemoteError } from '../errors.js';
import type { GcpRest } from './rest.js';

export interface IamBinding {
  role: string;
  members: string[];
  condition?: { title?: string; expression?: string; description?: string };
}
export interface IamPolicy {
  version?: number;
  etag?: string;
  bindings: IamBinding[];
}

export interface BooleanPolicy {
  enforced?: boolean;
}
export interface ListPolicy {
  allowedValues?: string[];
  deniedValues?: string[];
  allValues?: 'ALL_VALUES_UNSPECIFIED' | 'ALLOW' | 'DENY';
  suggestedValue?: string;
  inheritFromParent?: boolean;
}

/** The effective org policy for a constraint, or why it could not be read (403: the caller lacks orgpolicy.policy.get). */
export type OrgPolicyResult =
  | { status: 'ok'; constraint: string; booleanPolicy?: BooleanPolicy; listPolicy?: ListPolicy }
  | { status: 'unreadable'; constraint: string; message: string };

export interface Project {
  projectId: string;
  projectNumber: string;
  name?: string;
  lifecycleState?: string;
  parent?: { type: string; id: string };
  labels?: Record<string, string>;
}

/** Cloud Resource Manager v1 (projects.getIamPolicy, testIamPermissions, getEffectiveOrgPolicy, get): all reads, retried as reads. */
export class ResourceManager {
  constructor(private readonly rest: GcpRest) {}

  async getProject(project: string): Promise<Project> {
    return this.rest.get<Project>('resourceManager', `/v1/projects/${enc(project)}`);
  }

  async getIamPolicy(project: string): Promise<IamPolicy> {
    const p = await this.rest.read<Partial<IamPolicy>>(
      'resourceManager',
      `/v1/projects/${enc(project)}:getIamPolicy`,
      {
        options: { requestedPolicyVersion: 3 },
      },
    );
    return { version: p.version, etag: p.etag, bindings: p.bindings ?? [] };
  }

  /** The subset of `permissions` the caller holds on the project (100 per request, Google's limit). */
  async testIamPermissions(project: string, permissions: readonly string[]): Promise<string[]> {
    const granted: string[] = [];
    const unique = [...new Set(permissions)];
    for (let i = 0; i < unique.length; i += 100) {
      const body = await this.rest.read<{ permissions?: string[] }>(
        'resourceManager',
        `/v1/projects/${enc(project)}:testIamPermissions`,
        {
          permissions: unique.slice(i, i + 100),
        },
      );
      granted.push(...(body.permissions ?? []));
    }
    return granted;
  }

  /** `constraint` as `constraints/compute.vmExternalIpAccess` (the prefix is added when missing). A 403 is returned, not thrown. */
  async getEffectiveOrgPolicy(project: string, constraint: string): Promise<OrgPolicyResult> {
    const name = constraint.startsWith('constraints/') ? constraint : `constraints/${constraint}`;
    try {
      const p = await this.rest.read<{ booleanPolicy?: BooleanPolicy; listPolicy?: ListPolicy }>(
        'resourceManager',
        `/v1/projects/${enc(project)}:getEffectiveOrgPolicy`,
        { constraint: name },
      );
      return { status: 'ok', constraint: name, booleanPolicy: p.booleanPolicy, listPolicy: p.listPolicy };
    } catch (e) {
      if (e instanceof RemoteError && e.status === 403 && !isThrottled(e))
        return { status: 'unreadable', constraint: name, message: e.message };
      throw e;
    }
  }
}

/** Whether `member` (e.g. `serviceAccount:x@p.iam.gserviceaccount.com`) holds `role` unconditionally in the policy. */
export function hasRole(policy: IamPolicy, role: string, member: string): boolean {
  const m = member.toLowerCase();
  return policy.bindings.some(
    (b) => b.role === role && !b.condition && b.members.some((x) => x.toLowerCase() === m),
  );
}

function enc(s: string): string {
  return encodeURIComponent(s);
}
