import type { ObjectValue } from '../cty.js';
import { GoogleApiError } from '../google-api.js';
import { DataSourceImpl, ResourceContext, ResourceImpl, lastSegment, projectOf } from '../resource.js';
import { Json, computeBase } from './compute-base.js';

/**
 * Cloud DNS (dns/v1: managed zones; record sets through the Changes API, as resource_dns_record_set.go does),
 * Certificate Manager (v1: DNS authorizations and certificates, long-running operations) and the two data
 * sources the module reads (a DNS zone, a Compute image).
 */

const notFound = (e: unknown) => e instanceof GoogleApiError && e.status === 404;
const wrap = (what: string) => (e: Error) => {
  throw new Error(`Error ${what}: ${e.message}`, { cause: e });
};

const dnsBase = (
  ctx: Pick<ResourceContext, 'endpoints'>,
  v: ObjectValue,
  ctxDefaults: Pick<ResourceContext, 'defaults'>,
) => `${ctx.endpoints.cloudDns}/dns/v1/projects/${projectOf(ctxDefaults, v)}`;

function zoneBack(b: Json): ObjectValue {
  return {
    name: b.name as string,
    dns_name: b.dnsName as string,
    description: (b.description as string) ?? '',
    visibility: (b.visibility as string) ?? 'public',
    name_servers: (b.nameServers as string[]) ?? [],
    managed_zone_id: b.id === undefined ? null : String(b.id),
    creation_time: (b.creationTime as string) ?? null,
    effective_labels: (b.labels as ObjectValue) ?? {},
    terraform_labels: (b.labels as ObjectValue) ?? {},
  };
}

export const managedZone: ResourceImpl = {
  async create(ctx, v) {
    const body = {
      name: v.name,
      dnsName: v.dns_name,
      description: v.description,
      visibility: v.visibility,
      labels: v.labels ?? undefined,
    };
    const b = await ctx.api
      .call('POST', `${dnsBase(ctx, v, ctx)}/managedZones`, body, ctx.deadline)
      .catch(wrap('creating ManagedZone'));
    return {
      ...zoneBack(b),
      id: `projects/${projectOf(ctx, v)}/managedZones/${String(v.name)}`,
      project: projectOf(ctx, v),
    };
  },
  async read(ctx, v) {
    try {
      const b = await ctx.api.call(
        'GET',
        `${dnsBase(ctx, v, ctx)}/managedZones/${String(v.name)}`,
        undefined,
        ctx.deadline,
      );
      return {
        ...zoneBack(b),
        project: projectOf(ctx, v),
        id: `projects/${projectOf(ctx, v)}/managedZones/${String(v.name)}`,
      };
    } catch (e) {
      if (notFound(e)) return null;
      throw e;
    }
  },
  async update(ctx, _prior, v) {
    await ctx.api.call(
      'PATCH',
      `${dnsBase(ctx, v, ctx)}/managedZones/${String(v.name)}`,
      { description: v.description, labels: v.labels ?? undefined },
      ctx.deadline,
    );
    return (await managedZone.read(ctx, v)) ?? {};
  },
  async delete(ctx, v) {
    await ctx.api
      .call('DELETE', `${dnsBase(ctx, v, ctx)}/managedZones/${String(v.name)}`, undefined, ctx.deadline)
      .catch((e: Error) => {
        if (!notFound(e)) wrap('deleting ManagedZone')(e);
      });
  },
  importState(ctx, id) {
    const parts = id.split('/');
    const name = parts[parts.length - 1] as string;
    const project = parts[0] === 'projects' ? parts[1] : parts.length === 2 ? parts[0] : ctx.defaults.project;
    return {
      name,
      project: project ?? null,
      id: `projects/${project}/managedZones/${name}`,
      force_destroy: false,
    };
  },
};

const rrset = (v: ObjectValue) => ({ name: v.name, type: v.type, ttl: v.ttl, rrdatas: v.rrdatas });

async function change(ctx: ResourceContext, v: ObjectValue, body: Json): Promise<void> {
  const url = `${dnsBase(ctx, v, ctx)}/managedZones/${lastSegment(v.managed_zone)}/changes`;
  const c = await ctx.api.call('POST', url, body, ctx.deadline);
  // A change is done when its status is "done" (the provider's DnsChangeWaiter).
  let current = c;
  for (let i = 0; current.status !== 'done'; i++) {
    if (Date.now() > ctx.deadline)
      throw new Error(
        `timeout while waiting for state to become 'done' (last state: '${String(current.status)}')`,
      );
    await new Promise((r) => setTimeout(r, Math.min(2000, 100 * 2 ** i)));
    current = await ctx.api.call('GET', `${url}/${String(c.id)}`, undefined, ctx.deadline);
  }
}

export const recordSet: ResourceImpl = {
  async create(ctx, v) {
    await change(ctx, v, { additions: [rrset(v)] }).catch(wrap('creating DNS RecordSet'));
    return (await recordSet.read(ctx, v)) ?? {};
  },
  async read(ctx, v) {
    const zone = lastSegment(v.managed_zone);
    try {
      const q = new URLSearchParams({ name: String(v.name), type: String(v.type) });
      const list = await ctx.api.call(
        'GET',
        `${dnsBase(ctx, v, ctx)}/managedZones/${zone}/rrsets?${q}`,
        undefined,
        ctx.deadline,
      );
      const found = ((list.rrsets as Json[] | undefined) ?? [])[0];
      if (!found) return null;
      return {
        name: found.name as string,
        type: found.type as string,
        ttl: Number(found.ttl),
        rrdatas: (found.rrdatas as string[]) ?? [],
        project: projectOf(ctx, v),
        id: `projects/${projectOf(ctx, v)}/managedZones/${zone}/rrsets/${String(v.name)}/${String(v.type)}`,
      };
    } catch (e) {
      if (notFound(e)) return null;
      throw e;
    }
  },
  async update(ctx, prior, v) {
    await change(ctx, v, { deletions: [rrset(prior)], additions: [rrset(v)] }).catch(
      wrap('updating DNS RecordSet'),
    );
    return (await recordSet.read(ctx, v)) ?? {};
  },
  async delete(ctx, v) {
    await change(ctx, v, { deletions: [rrset(v)] }).catch((e: Error) => {
      if (!notFound(e)) wrap('deleting DNS RecordSet')(e);
    });
  },
  importState(ctx, id) {
    // projects/{{project}}/managedZones/{{zone}}/rrsets/{{name}}/{{type}}, or {{project}}/{{zone}}/{{name}}/{{type}}, or {{zone}}/{{name}}/{{type}}.
    const p = id.split('/');
    const [project, zone, name, type] =
      p[0] === 'projects' ? [p[1], p[3], p[5], p[6]] : p.length === 4 ? p : [ctx.defaults.project, ...p];
    return {
      project: project ?? null,
      managed_zone: zone ?? null,
      name: name ?? null,
      type: type ?? null,
      id: `projects/${project}/managedZones/${zone}/rrsets/${name}/${type}`,
    };
  },
};

// ---- Certificate Manager ----

const cmBase = (ctx: ResourceContext | Omit<ResourceContext, 'deadline'>, v: ObjectValue) =>
  `${ctx.endpoints.certificateManager}/v1/projects/${projectOf(ctx, v)}/locations/${String(v.location ?? 'global')}`;

async function cmWait(ctx: ResourceContext, op: Json, activity: string): Promise<void> {
  await ctx.api.wait(op, `${ctx.endpoints.certificateManager}/v1/${String(op.name)}`, activity, ctx.deadline);
}

function certManagerResource(opts: {
  kind: string;
  collection: string;
  idParam: string;
  body(v: ObjectValue): Json;
  back(b: Json): ObjectValue;
}): ResourceImpl {
  const url = (ctx: ResourceContext, v: ObjectValue) =>
    `${cmBase(ctx, v)}/${opts.collection}/${String(v.name)}`;
  const idOf = (ctx: Pick<ResourceContext, 'defaults'>, v: ObjectValue) =>
    `projects/${projectOf(ctx, v)}/locations/${String(v.location ?? 'global')}/${opts.collection}/${String(v.name)}`;
  const impl: ResourceImpl = {
    async create(ctx, v) {
      const op = await ctx.api
        .call(
          'POST',
          `${cmBase(ctx, v)}/${opts.collection}?${opts.idParam}=${encodeURIComponent(String(v.name))}`,
          opts.body(v),
          ctx.deadline,
        )
        .catch(wrap(`creating ${opts.kind}`));
      await cmWait(ctx, op, `Creating ${opts.kind}`).catch(wrap(`waiting to create ${opts.kind}`));
      return (await impl.read(ctx, v)) ?? {};
    },
    async read(ctx, v) {
      try {
        const b = await ctx.api.call('GET', url(ctx, v), undefined, ctx.deadline);
        return {
          ...opts.back(b),
          name: String(v.name),
          location: String(v.location ?? 'global'),
          project: projectOf(ctx, v),
          id: idOf(ctx, v),
        };
      } catch (e) {
        if (notFound(e)) return null;
        throw e;
      }
    },
    async delete(ctx, v) {
      try {
        const op = await ctx.api.call('DELETE', url(ctx, v), undefined, ctx.deadline);
        await cmWait(ctx, op, `Deleting ${opts.kind}`);
      } catch (e) {
        if (!notFound(e)) wrap(`deleting ${opts.kind}`)(e as Error);
      }
    },
    importState(ctx, id) {
      const p = id.split('/');
      const [project, location, name] =
        p[0] === 'projects' ? [p[1], p[3], p[5]] : p.length === 3 ? p : [ctx.defaults.project, ...p];
      return {
        project: project ?? null,
        location: location ?? null,
        name: name ?? null,
        id: `projects/${project}/locations/${location}/${opts.collection}/${name}`,
      };
    },
  };
  return impl;
}

export const dnsAuthorization = certManagerResource({
  kind: 'DnsAuthorization',
  collection: 'dnsAuthorizations',
  idParam: 'dnsAuthorizationId',
  body: (v) => ({
    domain: v.domain,
    description: v.description ?? undefined,
    type: v.type ?? undefined,
    labels: v.labels ?? undefined,
  }),
  back: (b) => {
    const r = (b.dnsResourceRecord as Json | undefined) ?? {};
    return {
      domain: b.domain as string,
      description: (b.description as string) ?? null,
      type: (b.type as string) ?? 'FIXED_RECORD',
      dns_resource_record: [{ name: r.name as string, type: r.type as string, data: r.data as string }],
      effective_labels: (b.labels as ObjectValue) ?? {},
      terraform_labels: (b.labels as ObjectValue) ?? {},
    };
  },
});

export const certificate = certManagerResource({
  kind: 'Certificate',
  collection: 'certificates',
  idParam: 'certificateId',
  body: (v) => {
    const m = ((v.managed as ObjectValue[] | null) ?? [])[0];
    return {
      description: v.description ?? undefined,
      scope: v.scope,
      labels: v.labels ?? undefined,
      managed: m
        ? {
            domains: m.domains,
            dnsAuthorizations: m.dns_authorizations ?? undefined,
            issuanceConfig: m.issuance_config ?? undefined,
          }
        : undefined,
    };
  },
  back: (b) => {
    const m = b.managed as Json | undefined;
    return {
      scope: (b.scope as string) ?? 'DEFAULT',
      description: (b.description as string) ?? null,
      san_dnsnames: (b.sanDnsnames as string[]) ?? [],
      effective_labels: (b.labels as ObjectValue) ?? {},
      terraform_labels: (b.labels as ObjectValue) ?? {},
      ...(m
        ? {
            managed: [
              {
                domains: (m.domains as string[]) ?? [],
                dns_authorizations: (m.dnsAuthorizations as string[]) ?? null,
                issuance_config: (m.issuanceConfig as string) ?? null,
                state: (m.state as string) ?? null,
                provisioning_issue: [],
                authorization_attempt_info: [],
              },
            ],
          }
        : {}),
    };
  },
});

// ---- data sources ----

export const managedZoneData: DataSourceImpl = {
  async read(ctx, v) {
    const b = await ctx.api
      .call('GET', `${dnsBase(ctx, v, ctx)}/managedZones/${String(v.name)}`, undefined, ctx.deadline)
      .catch(wrap(`reading DNS ManagedZone "${String(v.name)}"`));
    return {
      ...zoneBack(b),
      project: projectOf(ctx, v),
      id: `projects/${projectOf(ctx, v)}/managedZones/${String(v.name)}`,
    };
  },
};

export const computeImageData: DataSourceImpl = {
  async read(ctx, v) {
    const project = projectOf(ctx, v);
    const path =
      typeof v.family === 'string' && v.family ? `images/family/${v.family}` : `images/${String(v.name)}`;
    const b = await ctx.api
      .call('GET', `${computeBase(ctx)}/projects/${project}/global/${path}`, undefined, ctx.deadline)
      .catch(wrap(`retrieving image information`));
    return {
      project,
      name: b.name as string,
      family: (b.family as string) ?? null,
      self_link: b.selfLink as string,
      image_id: String(b.id ?? ''),
      description: (b.description as string) ?? '',
      disk_size_gb: Number(b.diskSizeGb ?? 10),
      status: (b.status as string) ?? 'READY',
      source_image_id: (b.sourceImageId as string) ?? '',
      creation_timestamp: (b.creationTimestamp as string) ?? '',
      labels: (b.labels as ObjectValue) ?? {},
      id: `projects/${project}/global/images/${String(b.name)}`,
    };
  },
};
