/**
 * The health gates terraform-apply runs after an apply (DNS-101, CERT-101, NET-101): what Cloud DNS, Certificate
 * Manager and Compute hold, read from the APIs rather than from resolvers or Terraform's state. One result per
 * region (NET-101: one for the gateways' firewall rule).
 */
import type { Certificate } from '../gcp/certmanager.js';
import type { ManagedZone, ResourceRecordSet } from '../gcp/clouddns.js';
import { errorMessage } from '../errors.js';
import type { Gcp } from '../gcp/index.js';
import { isNotFound } from '../gcp/rest.js';
import type { GitspacesConfig } from '../config/schema.js';
import { zoneNameFor } from '../net.js';
import type { CheckResult } from '../report/model.js';
import { entriesOfPhase } from './catalog.js';
import { OPEN_RANGE } from './infra-yaml.js';
import { docUrlFor } from './types.js';

/** The Cloud DNS and Certificate Manager reads the health gates need (createGcp().dns / .certs have them). */
export interface GateApis {
  dns: {
    listRecordSets(
      project: string,
      zone: string,
      opts?: { name?: string; type?: string },
    ): Promise<ResourceRecordSet[]>;
    getManagedZone(project: string, zone: string): Promise<ManagedZone | undefined>;
  };
  certs: {
    getCertificate(project: string, location: string, name: string): Promise<Certificate | undefined>;
  };
  firewalls: {
    getFirewall(project: string, name: string): Promise<FirewallRule | undefined>;
  };
}

/** A Compute firewall rule, as firewalls.get answers it (the fields NET-101 reads). */
export interface FirewallRule {
  name: string;
  sourceRanges?: string[];
  targetTags?: string[];
  disabled?: boolean;
}

export interface GateRegion {
  key: string;
  /** The region domain (`<subdomain>.<domain>`). */
  domain: string;
  albIp: string;
}

export interface GateInputs {
  project: string;
  /** The module's resource-name prefix (`name` in the Infra Config YAML). */
  name: string;
  rootDomain: string;
  zoneName: string;
  manageDnsZone: boolean;
  useCertificateManager: boolean;
  regions: GateRegion[];
  /** The gateway ingress the module was given (the written Infra Config YAML) and whether open is accepted. */
  gateway: { whitelist?: string[]; allowPublic: boolean };
  now: () => number;
}

/**
 * The gates' inputs: the names and addresses the setup YAML (configure-infra's Infra Config) and the module's
 * `alb_ips` output give, the config's otherwise.
 */
export async function gateInputsFor(
  config: GitspacesConfig,
  setupYaml: string,
  alb: Record<string, string>,
  now: () => number,
): Promise<GateInputs> {
  const { parse: parseYaml } = await import('yaml');
  const infra = parseYaml(setupYaml) as {
    name?: string;
    domain?: string;
    project?: { id?: string };
    gateway?: { whitelist_ip_ranges?: unknown };
    region_configs?: Record<string, { certificates?: { contents?: { domain?: string }[] } }>;
  };
  const whitelist = infra.gateway?.whitelist_ip_ranges;
  return {
    project: infra.project?.id ?? config.gcp.project_id,
    name: infra.name ?? config.infrastructure.name,
    rootDomain: infra.domain ?? config.infrastructure.domain,
    zoneName: zoneNameFor(infra.domain ?? config.infrastructure.domain),
    manageDnsZone: config.terraform.manage_dns_zone,
    useCertificateManager: config.terraform.certificate.mode === 'certificate-manager',
    regions: Object.entries(alb).map(([k, ip]) => ({
      key: k,
      albIp: ip,
      domain: infra.region_configs?.[k]?.certificates?.contents?.[0]?.domain ?? '',
    })),
    gateway: {
      whitelist: Array.isArray(whitelist) ? whitelist.map(String) : undefined,
      allowPublic: config.infrastructure.gateway.allow_public,
    },
    now,
  };
}

/** The gates' reads, through the project's Google clients. */
export function gcpGateApis(gcp: Gcp): GateApis {
  return {
    dns: gcp.dns,
    certs: gcp.certs,
    firewalls: {
      async getFirewall(project, name) {
        try {
          return await gcp.rest.get<FirewallRule>(
            'compute',
            `/compute/v1/projects/${encodeURIComponent(project)}/global/firewalls/${encodeURIComponent(name)}`,
          );
        } catch (e) {
          if (isNotFound(e)) return undefined;
          throw e;
        }
      },
    },
  };
}

/** An after-apply gate: its catalog id and what it reports for every region. */
export interface AfterApplyGate {
  id: string;
  run(apis: GateApis, g: GateInputs): Promise<CheckResult[]>;
}

function check(
  id: string,
  title: string,
  started: number,
  now: () => number,
  r: Omit<CheckResult, 'id' | 'title' | 'durationMs' | 'docUrl'> & { docUrl?: string },
): CheckResult {
  return {
    id,
    title,
    docUrl: r.docUrl ?? docUrlFor(id),
    durationMs: now() - started,
    status: r.status,
    observed: r.observed,
    expected: r.expected,
    fix: r.fix,
  };
}

/** DNS-101: each region's A record equals its ALB address (read from Cloud DNS, not from a resolver). */
async function dnsRecords(apis: GateApis, g: GateInputs): Promise<CheckResult[]> {
  // Every region at once: one round trip however many regions.
  return Promise.all(
    g.regions.map(async (r): Promise<CheckResult> => {
      const started = g.now();
      const title = `${r.domain} A record points at the ${r.key} ALB`;
      if (!g.manageDnsZone) {
        return check('DNS-101', title, started, g.now, {
          status: 'skip',
          observed: 'manage_dns_zone is false',
          expected: `A ${r.domain}. -> ${r.albIp}`,
          fix: `The module does not manage DNS: create the A record ${r.domain}. -> ${r.albIp} (and *.${r.domain}) in your DNS.`,
        });
      }
      try {
        const sets = await apis.dns.listRecordSets(g.project, g.zoneName, {
          name: `${r.domain}.`,
          type: 'A',
        });
        const a = sets.find((s) => s.type === 'A' && s.name === `${r.domain}.`);
        const ok = !!a && a.rrdatas.length === 1 && a.rrdatas[0] === r.albIp;
        return check('DNS-101', title, started, g.now, {
          status: ok ? 'ok' : 'error',
          observed: a
            ? `A ${a.name} -> ${a.rrdatas.join(', ')}`
            : `no A record ${r.domain}. in zone ${g.zoneName}`,
          expected: `A ${r.domain}. -> ${r.albIp}`,
          fix: ok
            ? ''
            : `Re-run terraform-apply (mode: apply): the module manages this record. If someone edited it by hand, run mode: drift to see what else differs.`,
        });
      } catch (e) {
        return check('DNS-101', title, started, g.now, {
          status: 'error',
          observed: `Cloud DNS could not be read: ${errorMessage(e)}`,
          expected: `A ${r.domain}. -> ${r.albIp}`,
          fix: 'Grant the identity roles/dns.reader (or dns.admin), and check the zone exists.',
        });
      }
    }),
  );
}

/** CERT-101: the certificate is ACTIVE; PROVISIONING until the domain is delegated, with the name servers to set. */
async function certificates(apis: GateApis, g: GateInputs): Promise<CheckResult[]> {
  // Every region at once: one round trip however many regions.
  return Promise.all(
    g.regions.map(async (r): Promise<CheckResult> => {
      const started = g.now();
      const certName = `${g.name}-${r.key}-dns-cert`;
      const title = `certificate ${certName} for ${r.domain} is ACTIVE`;
      if (!g.useCertificateManager || !g.manageDnsZone) {
        return check('CERT-101', title, started, g.now, {
          status: 'skip',
          observed: g.useCertificateManager ? 'manage_dns_zone is false' : 'certificate.mode is files',
          expected: 'ACTIVE',
          fix: 'Certificate Manager is not managed by the module in this configuration.',
        });
      }
      try {
        // The module creates each region's certificate in that region (location = region), not globally.
        const cert = await apis.certs.getCertificate(g.project, r.key, certName);
        const state = cert?.managed?.state;
        if (!cert) {
          return check('CERT-101', title, started, g.now, {
            status: 'error',
            observed: 'the certificate does not exist',
            expected: 'ACTIVE',
            fix: 'Re-run terraform-apply (mode: apply); the module creates it with manage_dns_zone: true.',
          });
        } else if (state === 'ACTIVE') {
          return check('CERT-101', title, started, g.now, {
            status: 'ok',
            observed: 'ACTIVE',
            expected: 'ACTIVE',
            fix: '',
          });
        } else if (state === 'PROVISIONING') {
          const zone = await apis.dns.getManagedZone(g.project, g.zoneName).catch(() => undefined);
          const ns = zone?.nameServers ?? [];
          const attempts = (cert.managed?.authorizationAttemptInfo ?? []).map(
            (a) => `${a.domain}: ${a.state}${a.failureReason ? ` (${a.failureReason})` : ''}`,
          );
          return check('CERT-101', title, started, g.now, {
            status: 'warn',
            observed: `PROVISIONING${cert.managed?.provisioningIssue?.reason ? ` (${cert.managed.provisioningIssue.reason})` : ''}${attempts.length ? `; ${attempts.join('; ')}` : ''}`,
            expected: 'ACTIVE',
            fix: ns.length
              ? `The domain is probably not delegated yet: at your registrar (or parent zone), set the NS records of ${g.rootDomain} to ${ns.join(', ')}. Google issues the certificate once it can see them (minutes to hours).`
              : `Delegate ${g.rootDomain} to the Cloud DNS zone ${g.zoneName}'s name servers (gcloud dns managed-zones describe ${g.zoneName}).`,
          });
        } else {
          return check('CERT-101', title, started, g.now, {
            status: 'error',
            observed: `${state ?? 'no state'}${cert.managed?.provisioningIssue ? `: ${cert.managed.provisioningIssue.reason ?? ''} ${cert.managed.provisioningIssue.details ?? ''}` : ''}`,
            expected: 'ACTIVE',
            fix: `Check the DNS authorization record in zone ${g.zoneName} and the CAA records of ${g.rootDomain}; then re-apply to recreate the certificate.`,
          });
        }
      } catch (e) {
        return check('CERT-101', title, started, g.now, {
          status: 'error',
          observed: `Certificate Manager could not be read: ${errorMessage(e)}`,
          expected: 'ACTIVE',
          fix: 'Grant the identity roles/certificatemanager.viewer, and enable certificatemanager.googleapis.com.',
        });
      }
    }),
  );
}

/** The module's firewall rule for the gateways (modules/infra network.tf: `${network_name}-allow-all-ingress-gateway`). */
export function gatewayFirewallName(name: string): string {
  return `${name}-network-allow-all-ingress-gateway`;
}

/**
 * NET-101: the source ranges the gateways' firewall rule really has, read back from Compute: open to 0.0.0.0/0 only
 * with gateway.allow_public, and holding every whitelisted range.
 */
async function gatewayIngress(apis: GateApis, g: GateInputs): Promise<CheckResult[]> {
  const started = g.now();
  const rule = gatewayFirewallName(g.name);
  const title = `firewall rule ${rule} admits only the whitelisted ranges`;
  const want = g.gateway.whitelist;
  const expected = want
    ? `source ranges ${want.join(', ')} (plus the module's NAT, ALB and NLB addresses), no ${OPEN_RANGE}`
    : g.gateway.allowPublic
      ? `${OPEN_RANGE} accepted (gateway.allow_public: true)`
      : `no ${OPEN_RANGE}`;
  const result = (status: CheckResult['status'], observed: string, fix = '') =>
    check('NET-101', title, started, g.now, { status, observed, expected, fix });
  let fw: FirewallRule | undefined;
  try {
    fw = await apis.firewalls.getFirewall(g.project, rule);
  } catch (e) {
    return [
      result(
        'error',
        `Compute could not be read: ${errorMessage(e)}`,
        'Grant the identity compute.firewalls.get (roles/compute.securityAdmin or roles/compute.viewer).',
      ),
    ];
  }
  if (!fw)
    return [
      result(
        'error',
        `no firewall rule ${rule}`,
        'Re-run terraform-apply (mode: apply): the module creates it.',
      ),
    ];
  const ranges = fw.sourceRanges ?? [];
  const observed = `source ranges read from Compute: ${ranges.join(', ') || 'none'}${fw.disabled ? ' (rule disabled)' : ''}`;
  const missing = (want ?? []).filter((r) => !ranges.includes(r));
  if (ranges.includes(OPEN_RANGE) && !g.gateway.allowPublic)
    return [
      result(
        'error',
        `${observed}: the gateways are open to the internet`,
        'Set infrastructure.gateway.whitelist_ip_ranges (configure-infra writes it into the Infra Config YAML) and run configure-infra and terraform-apply again; or set infrastructure.gateway.allow_public: true if that is intended. If someone edited the rule by hand, mode: drift shows it.',
      ),
    ];
  if (missing.length)
    return [
      result(
        'error',
        `${observed}: ${missing.join(', ')} missing`,
        'Run configure-infra and terraform-apply again (mode: drift first, if the rule was edited by hand).',
      ),
    ];
  return [result('ok', observed)];
}

export const DNS_101: AfterApplyGate = { id: 'DNS-101', run: dnsRecords };
export const CERT_101: AfterApplyGate = { id: 'CERT-101', run: certificates };
export const NET_101: AfterApplyGate = { id: 'NET-101', run: gatewayIngress };
export const AFTER_APPLY_GATES: readonly AfterApplyGate[] = [DNS_101, CERT_101, NET_101];

/** Runs the catalog's after-apply gates at once (each only reads), their results in catalog order. */
export async function runAfterApplyGates(apis: GateApis, g: GateInputs): Promise<CheckResult[]> {
  const gates = entriesOfPhase('after-apply').map((entry) => {
    const gate = AFTER_APPLY_GATES.find((x) => x.id === entry.id);
    if (!gate) throw new Error(`${entry.id} is in the check catalog but has no after-apply implementation`);
    return gate;
  });
  return (await Promise.all(gates.map((gate) => gate.run(apis, g)))).flat();
}
