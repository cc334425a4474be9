/** The iam family (IAM): the identity may create what the module creates; Owner as Harness documents. */
import type { GitspacesConfig } from '../config/schema.js';
import { hasRole } from '../gcp/resourcemanager.js';
import { needsRedis, requireGcp } from './gcp-access.js';
import { PreflightCheck, PreflightContext, error, list, needConfig, ok, skip, warn } from './types.js';

/**
 * The permissions IAM-001 tests: what creating the module's resources (and the gitspaces of the config) takes,
 * resource by resource (the list is in docs/troubleshooting.md#IAM-001).
 */
export function modulePermissions(config: GitspacesConfig): string[] {
  const tf = config.terraform;
  const post = tf.module.generation === 'post-0.0.3';
  const perms = [
    // VPC, subnets (default + proxy-only), firewall rules, router + NAT
    'compute.networks.create',
    'compute.networks.get',
    'compute.networks.updatePolicy',
    'compute.subnetworks.create',
    'compute.subnetworks.get',
    'compute.subnetworks.use',
    'compute.firewalls.create',
    'compute.firewalls.get',
    'compute.routers.create',
    'compute.routers.get',
    'compute.routers.update',
    // static addresses (NAT, ALB, NLB)
    'compute.addresses.create',
    'compute.addresses.get',
    'compute.addresses.use',
    // gateway template + regional MIG + autohealing health check
    'compute.instanceTemplates.create',
    'compute.instanceTemplates.get',
    'compute.instanceTemplates.useReadOnly',
    'compute.instanceGroupManagers.create',
    'compute.instanceGroupManagers.get',
    'compute.instanceGroups.create',
    'compute.instanceGroups.use',
    'compute.healthChecks.create',
    'compute.healthChecks.get',
    'compute.healthChecks.useReadOnly',
    'compute.regionHealthChecks.create',
    'compute.regionHealthChecks.useReadOnly',
    // ALB and NLB chains
    'compute.regionBackendServices.create',
    'compute.regionBackendServices.get',
    'compute.regionBackendServices.use',
    'compute.regionUrlMaps.create',
    'compute.regionUrlMaps.use',
    'compute.regionTargetHttpsProxies.create',
    'compute.regionTargetHttpsProxies.use',
    'compute.forwardingRules.create',
    'compute.forwardingRules.get',
    // instances the MIG, the runner and the VM runner create
    'compute.instances.create',
    'compute.instances.get',
    'compute.instances.delete',
    'compute.instances.setMetadata',
    'compute.instances.setTags',
    'compute.instances.setLabels',
    'compute.disks.create',
    'compute.images.useReadOnly',
    'compute.images.get',
    'compute.regions.get',
    'compute.zones.get',
    'compute.regionOperations.get',
    'compute.zoneOperations.get',
    'compute.globalOperations.get',
    // the module's service account and its role binding
    'iam.serviceAccounts.create',
    'iam.serviceAccounts.get',
    'iam.serviceAccounts.actAs',
    'resourcemanager.projects.getIamPolicy',
    'resourcemanager.projects.setIamPolicy',
  ];
  if (tf.certificate.mode === 'files')
    perms.push('compute.regionSslCertificates.create', 'compute.regionSslCertificates.get');
  // The zone is read even when the module does not manage it (unconditional data source).
  perms.push('dns.managedZones.get', 'dns.managedZones.list');
  if (tf.manage_dns_zone)
    perms.push(
      'dns.managedZones.create',
      'dns.resourceRecordSets.create',
      'dns.resourceRecordSets.list',
      'dns.changes.create',
      'dns.changes.get',
    );
  if (tf.manage_dns_zone && tf.certificate.mode === 'certificate-manager') {
    perms.push(
      'certificatemanager.certs.create',
      'certificatemanager.certs.get',
      'certificatemanager.certs.use',
      'certificatemanager.dnsauthorizations.create',
      'certificatemanager.dnsauthorizations.get',
      'certificatemanager.dnsauthorizations.use',
      'certificatemanager.operations.get',
    );
  }
  if (post && config.infrastructure.gateway.instances > 1)
    perms.push('redis.instances.create', 'redis.instances.get', 'redis.operations.get');
  return [...new Set(perms)];
}

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

export const IAM_001: PreflightCheck = {
  id: 'IAM-001',
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

export const IAM_002: PreflightCheck = {
  id: 'IAM-002',
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

export const IAM_CHECKS: readonly PreflightCheck[] = [IAM_001, IAM_002];
