import type { ObjectValue } from '../cty.js';
import { GoogleApiError } from '../google-api.js';
import { ResourceContext, ResourceImpl, projectOf } from '../resource.js';
import type { Json } from './compute-base.js';

/**
 * google_service_account (iam v1 projects.serviceAccounts) and google_project_iam_member (a read-modify-write
 * of the project's IAM policy through Resource Manager, as the provider's IAM updater does, retried when the
 * policy changed in between: a 409 on the etag).
 */

const notFound = (e: unknown) => e instanceof GoogleApiError && e.status === 404;

export const serviceAccount: ResourceImpl = {
  async create(ctx, v) {
    const project = projectOf(ctx, v);
    try {
      await ctx.api.call(
        'POST',
        `${ctx.endpoints.iam}/v1/projects/${project}/serviceAccounts`,
        {
          accountId: v.account_id,
          serviceAccount: {
            displayName: v.display_name ?? undefined,
            description: v.description ?? undefined,
          },
        },
        ctx.deadline,
      );
    } catch (e) {
      const exists = e instanceof GoogleApiError && e.status === 409;
      if (!(exists && v.create_ignore_already_exists))
        throw new Error(`Error creating service account: ${(e as Error).message}`, { cause: e });
    }
    return (await serviceAccount.read(ctx, v)) ?? {};
  },
  async read(ctx, v) {
    const project = projectOf(ctx, v);
    const email = `${String(v.account_id)}@${project}.iam.gserviceaccount.com`;
    try {
      const b = await ctx.api.call(
        'GET',
        `${ctx.endpoints.iam}/v1/projects/${project}/serviceAccounts/${email}`,
        undefined,
        ctx.deadline,
      );
      return {
        email: b.email as string,
        member: `serviceAccount:${String(b.email)}`,
        name: b.name as string,
        unique_id: b.uniqueId as string,
        display_name: (b.displayName as string) || null,
        project,
        id: `projects/${project}/serviceAccounts/${email}`,
      };
    } catch (e) {
      if (notFound(e)) return null;
      throw e;
    }
  },
  async update(ctx, _prior, v) {
    const project = projectOf(ctx, v);
    await ctx.api.call(
      'PATCH',
      `${ctx.endpoints.iam}/v1/projects/${project}/serviceAccounts/${String(v.email)}`,
      {
        serviceAccount: { displayName: v.display_name ?? '', description: v.description ?? '' },
        updateMask: 'displayName,description',
      },
      ctx.deadline,
    );
    return (await serviceAccount.read(ctx, v)) ?? {};
  },
  async delete(ctx, v) {
    await ctx.api
      .call(
        'DELETE',
        `${ctx.endpoints.iam}/v1/projects/${projectOf(ctx, v)}/serviceAccounts/${String(v.email)}`,
        undefined,
        ctx.deadline,
      )
      .catch((e: Error) => {
        if (!notFound(e)) throw e;
      });
  },
  importState(ctx, id) {
    // projects/{{project}}/serviceAccounts/{{email}}, {{project}}/{{email}}, or {{email}}.
    const email = id.split('/').pop() as string;
    const project = email.split('@')[1]?.split('.')[0] ?? ctx.defaults.project ?? null;
    return {
      account_id: email.split('@')[0] as string,
      project,
      email,
      id: `projects/${project}/serviceAccounts/${email}`,
      disabled: false,
    };
  },
};

type Policy = { etag?: string; bindings?: { role: string; members: string[] }[] };

async function editPolicy(
  ctx: ResourceContext,
  project: string,
  change: (p: Policy) => Policy,
): Promise<Policy> {
  const base = `${ctx.endpoints.resourceManager}/v1/projects/${project}`;
  for (let attempt = 0; ; attempt++) {
    const policy = (await ctx.api.call(
      'POST',
      `${base}:getIamPolicy`,
      { options: { requestedPolicyVersion: 3 } },
      ctx.deadline,
    )) as Policy;
    try {
      return (await ctx.api.call(
        'POST',
        `${base}:setIamPolicy`,
        { policy: change(policy) },
        ctx.deadline,
      )) as Policy;
    } catch (e) {
      if (!(e instanceof GoogleApiError && e.status === 409) || attempt > 4) throw e;
    }
  }
}

export const projectIamMember: ResourceImpl = {
  async create(ctx, v) {
    const project = String(v.project);
    const role = String(v.role);
    const member = String(v.member);
    const after = await editPolicy(ctx, project, (p) => {
      const bindings = [...(p.bindings ?? [])];
      const b = bindings.find((x) => x.role === role);
      if (b) b.members = [...new Set([...b.members, member])];
      else bindings.push({ role, members: [member] });
      return { ...p, bindings };
    }).catch((e: Error) => {
      throw new Error(`Error applying IAM policy for project "${project}": ${e.message}`, { cause: e });
    });
    // The etag the provider stores is the policy's as read back after the write.
    const read = await projectIamMember.read(ctx, v);
    return {
      etag: (read?.etag as string | undefined) ?? after.etag ?? null,
      id: `${project}/${role}/${member}`,
    };
  },
  async read(ctx, v) {
    const project = String(v.project);
    const p = (await ctx.api.call(
      'POST',
      `${ctx.endpoints.resourceManager}/v1/projects/${project}:getIamPolicy`,
      {},
      ctx.deadline,
    )) as Policy;
    const b = (p.bindings ?? []).find((x) => x.role === v.role);
    if (!b?.members.some((m) => m.toLowerCase() === String(v.member).toLowerCase())) return null;
    return { etag: p.etag ?? null };
  },
  async delete(ctx, v) {
    await editPolicy(ctx, String(v.project), (p) => ({
      ...p,
      bindings: (p.bindings ?? [])
        .map((b) => (b.role === v.role ? { ...b, members: b.members.filter((m) => m !== v.member) } : b))
        .filter((b) => b.members.length),
    }));
  },
  importState(_ctx, id) {
    // "{{project}} {{role}} {{member}}" (space-separated), as the provider's IAM importer takes it.
    const [project, role, member] = id.split(' ');
    return {
      project: project ?? null,
      role: role ?? null,
      member: member ?? null,
      id: `${project}/${role}/${member}`,
    } as ObjectValue;
  },
};

export type { Json };
