/** The org family (ORG): organization policies that block or change what the module creates. */
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

export const ORG_002: PreflightCheck = {
  id: 'ORG-002',
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
