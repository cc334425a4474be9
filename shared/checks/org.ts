/** The org family (ORG): organization policies that block or change what the module creates. */
import { locationAllowedBy } from '../gcp/location-groups.js';
import type { OrgPolicyResult } from '../gcp/resourcemanager.js';
import { requireGcp } from './gcp-access.js';
import { PreflightCheck, PreflightContext, SkipCheck, error, list, needConfig, ok, warn } from './types.js';

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

export const ORG_001: PreflightCheck = {
  id: 'ORG-001',
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

/** Whether a location is allowed by a gcp.resourceLocations allow list (values like in:us-locations, us-central1). */
export function locationAllowed(location: string, values: readonly string[]): boolean {
  return locationAllowedBy({ allowedValues: [...values] }, location).allowed === 'yes';
}

const VALUE_GROUPS_DOC =
  'https://cloud.google.com/resource-manager/docs/organization-policy/defining-locations#value_groups';

/**
 * The locations the module and the gitspaces create resources in: each region (subnets, addresses, the gateways'
 * regional group, certificates), the runner VM's zone and each machine's zone (zonal VMs). A plain region value
 * allows regional resources only, not its zones (defining-locations: sub-locations are not implied).
 */
function plannedLocations(c: ReturnType<typeof needConfig>): { location: string; what: string }[] {
  const out = Object.keys(c.infrastructure.regions).map((r) => ({ location: r, what: 'regional resources' }));
  const zones = new Map<string, string>([[c.infrastructure.runner.zone, 'the runner VM']]);
  for (const m of c.machines) if (!zones.has(m.zone)) zones.set(m.zone, `machine ${m.name}`);
  for (const [zone, what] of zones) out.push({ location: zone, what });
  return out;
}

export const ORG_002: PreflightCheck = {
  id: 'ORG-002',
  async run(ctx) {
    const c = needConfig(ctx);
    const p = await orgPolicy(ctx, 'gcp.resourceLocations');
    if (p.status !== 'ok') unreadable(p);
    const planned = plannedLocations(c);
    const expected = `resources allowed in ${planned.map((l) => l.location).join(', ')}`;
    const lp = p.listPolicy;
    if (
      !lp ||
      lp.allValues === 'ALLOW' ||
      (!lp.allowedValues?.length && !lp.deniedValues?.length && lp.allValues !== 'DENY')
    )
      return ok('no location restriction', expected);
    const desc = `allowed: ${list(lp.allowedValues ?? [])}${lp.deniedValues?.length ? `; denied: ${list(lp.deniedValues)}` : ''}`;
    const verdicts = planned.map((l) => ({ ...l, ...locationAllowedBy(lp, l.location) }));
    const blocked = verdicts.filter((v) => v.allowed === 'no');
    const unknown = verdicts.filter((v) => v.allowed === 'unknown');
    if (blocked.length) {
      return error(
        `${blocked.map((b) => `${b.location} (${b.what})`).join(', ')} not allowed (${desc})`,
        expected,
        `Use allowed regions and zones in gitspaces.yaml, or ask the organization admin to allow ${blocked.map((b) => b.location).join(', ')} in gcp.resourceLocations (in:<region>-locations allows a region and its zones; a plain region name does not allow its zones).`,
      );
    }
    if (unknown.length) {
      const groups = [...new Set(unknown.flatMap((u) => u.unknown))];
      return warn(
        `${unknown.map((u) => u.location).join(', ')}: decided by the value group(s) ${groups.join(', ')}, which this check does not encode, so whether they are allowed is not known (${desc})`,
        expected,
        `Look the group(s) up in Google's value-group table (${VALUE_GROUPS_DOC}), or run \`gcloud resource-manager org-policies describe gcp.resourceLocations --project ${c.gcp.project_id} --effective\`; if a location is outside them, the apply fails with 412 "violates constraint constraints/gcp.resourceLocations".`,
      );
    }
    return ok(`every region and zone allowed (${desc})`, expected);
  },
};

export const ORG_003: PreflightCheck = {
  id: 'ORG-003',
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

export const ORG_CHECKS: readonly PreflightCheck[] = [ORG_001, ORG_002, ORG_003];
