import { RemoteError } from '../errors.js';
import type { Image, Region } from '../gcp/compute.js';
import { hasRole, type OrgPolicyResult } from '../gcp/resourcemanager.js';
import { computeReads } from './compute-reads.js';
import {
  API_CHECKS,
  enableApis,
  gcpAuth,
  needsRedis,
  requireGcp,
  requiredApis,
  serviceStates,
} from './gcp-access.js';
import { modulePermissions, regionFootprint } from './footprint.js';
import { configuredImages, overlapsAmong } from './local.js';
import { CheckDef, PreflightContext, SkipCheck, error, list, needConfig, ok, skip, warn } from './types.js';

const apiCheck = (a: (typeof API_CHECKS)[number]): CheckDef => ({
  id: a.id,
  title: a.title,
  async run(ctx) {
    const expected = `${a.service} ENABLED (${a.why})`;
    if (a.id === 'API-006' && !needsRedis(ctx)) {
      needConfig(ctx);
      return ok(
        `not needed: gateway.instances is ${ctx.config?.infrastructure.gateway.instances} (${ctx.config?.terraform.module.generation})`,
        'redis.googleapis.com only when gateway.instances > 1 with a post-0.0.3 module',
      );
    }
    const { project } = await requireGcp(ctx);
    const states = await serviceStates(ctx);
    const state = states.get(a.service) ?? 'STATE_UNSPECIFIED';
    if (state === 'ENABLED') return ok(`${a.service}: ENABLED`, expected);
    let note = '';
    if (ctx.enableApis) {
      const en = await enableApis(ctx).catch((e: unknown) => {
        note = `; enabling it failed (API-007): ${(e as Error).message}`;
        return undefined;
      });
      if (en?.enabled.includes(a.service))
        return ok(`${a.service}: was ${state}, enabled by API-007 and answering`, expected);
    }
    return error(
      `${a.service}: ${state} in project ${project}${note}`,
      expected,
      `Enable it: \`gcloud services enable ${a.service} --project ${project}\` (or set enable-apis: true on this step). Enablement takes a minute or two to propagate.`,
    );
  },
});

export const API_001_006: CheckDef[] = API_CHECKS.map(apiCheck);

export const API_007: CheckDef = {
  id: 'API-007',
  title: 'Enable missing APIs and wait until they answer (enable-apis)',
  async run(ctx) {
    const expected = 'with enable-apis: true, every missing API enabled and answering a probe call';
    await requireGcp(ctx);
    if (!ctx.enableApis) {
      const states = await serviceStates(ctx);
      const missing = requiredApis(ctx).filter((s) => states.get(s) !== 'ENABLED');
      if (missing.length === 0) return ok('every required API is already enabled; nothing to do', expected);
      return skip(
        `enable-apis is false, so nothing was changed; ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} reported by the API checks (set enable-apis: true to enable them)`,
        expected,
      );
    }
    let en;
    try {
      en = await enableApis(ctx);
    } catch (e) {
      if (e instanceof RemoteError && e.status === 403) {
        return error(
          `enabling was refused: ${e.message}`,
          expected,
          'The identity needs serviceusage.services.enable (roles/serviceusage.serviceUsageAdmin, or Owner); or enable the APIs once by hand with `gcloud services enable ...`.',
        );
      }
      throw e;
    }
    if (en.missing.length === 0) return ok('every required API is already enabled; nothing to do', expected);
    return ok(
      `enabled ${en.enabled.join(', ')}; every probe answered after ${Math.round(en.waitedMs / 1000)} s`,
      expected,
    );
  },
};

/** Permissions the identity lacks, once per run (IAM-001 and IAM-002 share it). */
function missingPermissions(ctx: PreflightContext): Promise<{ needed: string[]; missing: string[] }> {
  return ctx.once('iam-missing', async () => {
    const { gcp, project } = await requireGcp(ctx, 'cloudresourcemanager.googleapis.com');
    const needed = modulePermissions(needConfig(ctx));
    const granted = new Set(await gcp.resourceManager.testIamPermissions(project, needed));
    return { needed, missing: needed.filter((p) => !granted.has(p)) };
  });
}

function identity(ctx: PreflightContext): { email: string; member: string } {
  if (!ctx.gcp.ok) return { email: '', member: '' };
  const c = ctx.gcp.gcp.credentials;
  const email =
    c.kind === 'service_account'
      ? c.clientEmail
      : c.kind === 'external_account'
        ? (c.serviceAccountEmail ?? '')
        : '';
  return { email, member: email ? `serviceAccount:${email}` : '' };
}

const ROLES_FIX =
  'Grant the service account roles/owner on the project, as Harness documents (`gcloud projects add-iam-policy-binding PROJECT --member=serviceAccount:EMAIL --role=roles/owner`), ' +
  'or at least roles/compute.admin, roles/dns.admin, roles/certificatemanager.editor, roles/iam.serviceAccountAdmin, roles/iam.serviceAccountUser, roles/resourcemanager.projectIamAdmin (+ roles/redis.admin for HA gateways). Check deny policies too.';

export const IAM_001: CheckDef = {
  id: 'IAM-001',
  title: "Identity holds every permission the module's resources need",
  async run(ctx) {
    const { needed, missing } = await missingPermissions(ctx);
    const who = identity(ctx).email || 'the identity';
    const expected = `all ${needed.length} permissions the module's resources need (compute, dns, certificatemanager, iam, resourcemanager${needsRedis(ctx) ? ', redis' : ''})`;
    if (missing.length)
      return error(
        `${who} lacks ${missing.length} of ${needed.length}: ${list(missing, 12)}`,
        expected,
        ROLES_FIX,
      );
    return ok(`${who} holds all ${needed.length}`, expected);
  },
};

export const IAM_002: CheckDef = {
  id: 'IAM-002',
  title: 'Owner role as Harness documents (or enough permissions)',
  async run(ctx) {
    const { gcp, project } = await requireGcp(ctx, 'cloudresourcemanager.googleapis.com');
    const { email, member } = identity(ctx);
    const expected = `roles/owner for ${member || 'the service account'} on ${project} (Harness's prerequisite)`;
    if (!member)
      return skip(
        'the credentials name no service account (user credentials): the binding cannot be looked up',
        expected,
      );
    const policy = await gcp.resourceManager.getIamPolicy(project);
    if (hasRole(policy, 'roles/owner', member)) {
      return ok(
        `${email} has roles/owner (broader than the module needs: IAM-001 lists exactly what it uses)`,
        expected,
      );
    }
    const roles = policy.bindings
      .filter((b) => b.members.some((m) => m.toLowerCase() === member.toLowerCase()))
      .map((b) => b.role);
    const { missing } = await missingPermissions(ctx).catch(() => ({ missing: ['(unknown)'] }));
    const observed = `${email} is not Owner; direct roles: ${list(roles)}`;
    if (missing.length === 0) {
      return warn(
        `${observed}; it still holds every permission the module needs (IAM-001)`,
        expected,
        'Fine for the module; Harness support assumes Owner, so mention the custom roles when you open a ticket.',
      );
    }
    return error(
      `${observed}; it lacks ${missing.length} permission(s) the module needs (IAM-001)`,
      expected,
      ROLES_FIX.replace('PROJECT', project).replace('EMAIL', email),
    );
  },
};

function orgPolicy(ctx: PreflightContext, constraint: string): Promise<OrgPolicyResult> {
  return ctx.once(`org:${constraint}`, async () => {
    const { gcp, project } = await requireGcp(ctx, 'cloudresourcemanager.googleapis.com');
    return gcp.resourceManager.getEffectiveOrgPolicy(project, constraint);
  });
}

function unreadable(p: OrgPolicyResult): never {
  throw new SkipCheck(
    `the organization policy ${p.constraint} could not be read (${p.status === 'unreadable' ? p.message : ''}): grant roles/orgpolicy.policyViewer to look, or ask your organization admin`,
  );
}

export const ORG_001: CheckDef = {
  id: 'ORG-001',
  title: 'Org policy iam.disableServiceAccountKeyCreation',
  async run(ctx) {
    const p = await orgPolicy(ctx, 'iam.disableServiceAccountKeyCreation');
    if (p.status !== 'ok') unreadable(p);
    const enforced = Boolean(p.booleanPolicy?.enforced);
    const usesKey = ctx.gcp.ok && ctx.gcp.gcp.credentials.kind === 'service_account';
    const expected = 'key creation allowed, or keyless authentication';
    if (!enforced) return ok('not enforced: service-account keys can be created', expected);
    if (usesKey) {
      return warn(
        'enforced: this key works, but no new key can be created (rotation, or the key the VM runner needs)',
        expected,
        'Use keyless authentication for the workflow (google-github-actions/auth with Workload Identity Federation); ask the organization admin for an exception on this project for the runner key (iam.disableServiceAccountKeyCreation).',
      );
    }
    return ok('enforced; the workflow is keyless', expected);
  },
};

/** Whether a region is allowed by a gcp.resourceLocations list policy (values like in:us-locations, us-central1). */
export function locationAllowed(region: string, values: readonly string[]): boolean {
  return values.some((raw) => {
    const v = raw.replace(/^(in:|is:|under:)/, '');
    if (v === region || v === `${region}-locations`) return true;
    const group = v.match(/^([a-z]+)-locations$/)?.[1];
    if (!group) return false;
    const prefixes: Record<string, string[]> = {
      us: ['us-'],
      eu: ['europe-'],
      europe: ['europe-'],
      asia: ['asia-'],
      australia: ['australia-'],
      northamerica: ['northamerica-', 'us-'],
      southamerica: ['southamerica-'],
      me: ['me-'],
      africa: ['africa-'],
    };
    return (prefixes[group] ?? [`${group}-`]).some((p) => region.startsWith(p));
  });
}

export const ORG_002: CheckDef = {
  id: 'ORG-002',
  title: 'Org policy gcp.resourceLocations allows every region',
  async run(ctx) {
    const c = needConfig(ctx);
    const p = await orgPolicy(ctx, 'gcp.resourceLocations');
    if (p.status !== 'ok') unreadable(p);
    const regions = Object.keys(c.infrastructure.regions);
    const expected = `resources allowed in ${regions.join(', ')}`;
    const lp = p.listPolicy;
    if (
      !lp ||
      lp.allValues === 'ALLOW' ||
      (!lp.allowedValues?.length && !lp.deniedValues?.length && lp.allValues !== 'DENY')
    )
      return ok('no location restriction', expected);
    const blocked = regions.filter(
      (r) =>
        lp.allValues === 'DENY' ||
        (lp.allowedValues?.length ? !locationAllowed(r, lp.allowedValues) : false) ||
        (lp.deniedValues?.length ? locationAllowed(r, lp.deniedValues) : false),
    );
    const desc = `allowed: ${list(lp.allowedValues ?? [])}${lp.deniedValues?.length ? `; denied: ${list(lp.deniedValues)}` : ''}`;
    if (blocked.length) {
      return error(
        `${blocked.join(', ')} not allowed (${desc})`,
        expected,
        `Use allowed regions under infrastructure.regions, or ask the organization admin to allow ${blocked.join(', ')} in gcp.resourceLocations.`,
      );
    }
    return ok(`every region allowed (${desc})`, expected);
  },
};

export const ORG_003: CheckDef = {
  id: 'ORG-003',
  title: 'Org policies compute.vmExternalIpAccess and compute.requireOsLogin',
  async run(ctx) {
    const [ip, os] = await Promise.all([
      orgPolicy(ctx, 'compute.vmExternalIpAccess'),
      orgPolicy(ctx, 'compute.requireOsLogin'),
    ]);
    if (ip.status !== 'ok') unreadable(ip);
    if (os.status !== 'ok') unreadable(os);
    const expected = 'no policy that blocks what the module creates; SSH implications known';
    const ipDeny = ip.listPolicy?.allValues === 'DENY' || Boolean(ip.listPolicy?.allowedValues?.length);
    const ipText = ipDeny
      ? 'VM external IPs restricted (fine: the module gives VMs no external IP; egress goes through Cloud NAT)'
      : 'VM external IPs not restricted';
    if (os.booleanPolicy?.enforced) {
      return warn(
        `${ipText}; OS Login required: SSH keys in instance metadata are ignored`,
        expected,
        'To SSH to the runner VM or gateways (through IAP, 35.235.240.0/20), grant roles/compute.osAdminLogin and roles/iap.tunnelResourceAccessor to the people who need it.',
      );
    }
    return ok(`${ipText}; OS Login not required`, expected);
  },
};

function region(ctx: PreflightContext, name: string): Promise<Region | undefined> {
  return ctx.once(`region:${name}`, async () => {
    const { gcp, project } = await requireGcp(ctx, 'compute.googleapis.com');
    return computeReads(gcp).getRegion(project, name);
  });
}

export const QUOTA_001: CheckDef = {
  id: 'QUOTA-001',
  title: 'Regional quotas cover the planned footprint',
  async run(ctx) {
    const c = needConfig(ctx);
    const plan = regionFootprint(c);
    const regions = await Promise.all(plan.map((p) => region(ctx, p.region)));
    const short: string[] = [];
    const seen: string[] = [];
    plan.forEach((p, i) => {
      const r = regions[i];
      if (!r) {
        short.push(`${p.region}: region not found (REG-001)`);
        return;
      }
      const parts: string[] = [];
      for (const [metric, need] of Object.entries(p.needs)) {
        const q = r.quotas.find((x) => x.metric === metric);
        if (!q) continue;
        const free = q.limit - q.usage;
        parts.push(`${metric} ${need}/${free} free`);
        if (free < need)
          short.push(
            `${p.region} ${metric}: needs ${need}, ${free} free (limit ${q.limit}, used ${q.usage})`,
          );
      }
      seen.push(`${p.region}: ${parts.join(', ')}`);
    });
    const expected = `free quota for ${plan.map((p) => `${p.region}: ${p.notes.join(' + ')}`).join('; ')}`;
    if (short.length) {
      return error(
        short.join('; '),
        expected,
        'Request a quota increase (Console: IAM & Admin -> Quotas, filter by region and metric), free unused resources, or use smaller machine types / fewer gateway instances.',
      );
    }
    return ok(seen.join('; '), expected);
  },
};

export const REG_001: CheckDef = {
  id: 'REG-001',
  title: 'Regions and the runner zone exist',
  async run(ctx) {
    const c = needConfig(ctx);
    const { gcp, project } = await requireGcp(ctx, 'compute.googleapis.com');
    const names = Object.keys(c.infrastructure.regions);
    const zones = [...new Set([c.infrastructure.runner.zone, ...c.machines.map((m) => m.zone)])];
    const reads = computeReads(gcp);
    const [found, zoneResults] = await Promise.all([
      Promise.all(names.map((n) => region(ctx, n))),
      Promise.all(zones.map((z) => reads.getZone(project, z))),
    ]);
    const problems: string[] = [];
    names.forEach((n, i) => {
      const r = found[i];
      if (!r) problems.push(`region ${n} does not exist`);
      else if (r.status && r.status !== 'UP') problems.push(`region ${n} is ${r.status}`);
    });
    zones.forEach((z, i) => {
      const zr = zoneResults[i];
      if (!zr) problems.push(`zone ${z} does not exist`);
      else if (zr.status && zr.status !== 'UP') problems.push(`zone ${z} is ${zr.status}`);
    });
    if (!names.includes(c.infrastructure.runner.region))
      problems.push(`runner region ${c.infrastructure.runner.region} is not one of ${names.join(', ')}`);
    const expected = `regions ${names.join(', ')} and zones ${zones.join(', ')} exist and are UP; the runner region is configured`;
    if (problems.length)
      return error(
        problems.join('; '),
        expected,
        'Use names from `gcloud compute regions list` and `gcloud compute zones list`.',
      );
    return ok(`regions ${names.join(', ')} UP; zones ${zones.join(', ')} UP`, expected);
  },
};

export function isUbuntu(img: Image): boolean {
  if (img.licenses?.length) return img.licenses.some((l) => /ubuntu/i.test(l));
  return /ubuntu/i.test(`${img.name} ${img.family ?? ''}`);
}

export const IMG_001: CheckDef = {
  id: 'IMG-001',
  title: 'Gateway and runner images exist and are Ubuntu',
  async run(ctx) {
    const images = configuredImages(ctx);
    const { gcp } = await requireGcp(ctx, 'compute.googleapis.com');
    const unique = [...new Set(images.map((i) => i.path))];
    const reads = computeReads(gcp);
    const results = await Promise.all(unique.map(async (p) => [p, await reads.getImage(p)] as const));
    const byPath = new Map(results);
    const problems: string[] = [];
    const seen: string[] = [];
    for (const i of images) {
      const img = byPath.get(i.path);
      if (!img) {
        problems.push(`${i.role} image ${i.path} does not exist (or is not readable by the service account)`);
        continue;
      }
      const label = `${i.role}: ${img.name}${img.family ? ` (family ${img.family})` : ''}`;
      if (!isUbuntu(img))
        problems.push(
          `${label} is not Ubuntu${img.licenses?.length ? ` (licenses: ${img.licenses.map((l) => l.split('/').pop()).join(', ')})` : ''}`,
        );
      else if (img.deprecated?.state && img.deprecated.state !== 'ACTIVE')
        problems.push(
          `${label} is ${img.deprecated.state}${img.deprecated.replacement ? `, replaced by ${img.deprecated.replacement.split('/').pop()}` : ''}`,
        );
      else seen.push(label);
    }
    const expected = 'existing Ubuntu images (only Ubuntu works for the gateway and the runner)';
    if (problems.length) {
      return error(
        problems.join('; '),
        expected,
        'Use an Ubuntu image, e.g. projects/ubuntu-os-cloud/global/images/family/ubuntu-2204-lts (gateway.vm_image_name, runner.vm_image_name).',
      );
    }
    return ok(seen.join('; '), expected);
  },
};

export const NET_002: CheckDef = {
  id: 'NET-002',
  title: 'Subnets do not overlap each other or existing subnets',
  async run(ctx) {
    const c = needConfig(ctx);
    const name = c.infrastructure.name;
    const network = `${name}-network`;
    const ranges = Object.entries(c.infrastructure.regions).flatMap(([region, r]) => [
      { label: `${region} default`, cidr: r.default_subnet_ip_range, region, name: 'harnessdefault' },
      {
        label: `${region} proxy`,
        cidr: r.proxy_subnet_ip_range,
        region,
        name: `${name}-${region}-proxy-subnet`,
      },
    ]);
    const problems = overlapsAmong(ranges);
    const expected = `no overlap between configured ranges, nor with other subnets of ${network}; no subnet named harnessdefault in another network of a configured region`;
    let existingNote: string;
    const auth = await gcpAuth(ctx);
    if (auth.ok) {
      try {
        const { gcp, project } = await requireGcp(ctx, 'compute.googleapis.com');
        const subnets = await computeReads(gcp).listSubnetworks(project);
        const regionOf = (s: { region?: string }) => (s.region ?? '').split('/').pop() ?? '';
        const netOf = (s: { network?: string }) => (s.network ?? '').split('/').pop() ?? '';
        existingNote = `; ${subnets.length} existing subnet(s) compared`;
        for (const s of subnets) {
          const ours = ranges.find((r) => r.name === s.name && r.region === regionOf(s));
          if (ours && netOf(s) === network) continue; // created by an earlier apply of this infrastructure
          if (ours && s.name === 'harnessdefault') {
            problems.push(
              `subnet harnessdefault already exists in ${regionOf(s)} (network ${netOf(s)}): the module's subnet name collides (one infrastructure per project and region)`,
            );
            continue;
          }
          if (netOf(s) !== network || !s.ipCidrRange) continue;
          for (const r of ranges) {
            const o = overlapsAmong([
              { label: r.label, cidr: r.cidr },
              { label: `existing ${s.name}`, cidr: s.ipCidrRange },
            ]);
            problems.push(...o);
          }
        }
      } catch (e) {
        if (e instanceof SkipCheck || (e instanceof RemoteError && e.status === 403))
          existingNote = `; existing subnets not compared (${e instanceof SkipCheck ? e.reason : 'no permission to list subnetworks'})`;
        else throw e;
      }
    } else existingNote = `; existing subnets not compared (no usable credentials, ${auth.checkId})`;
    if (problems.length)
      return error(
        problems.join('; '),
        expected,
        'Choose ranges that do not overlap (e.g. 10.6.0.0/16 + 10.3.0.0/26 in one region, 10.7.0.0/16 + 10.3.1.0/26 in the next), or remove the colliding subnet.',
      );
    return ok(`${ranges.map((r) => `${r.label} ${r.cidr}`).join(', ')}: no overlap${existingNote}`, expected);
  },
};
