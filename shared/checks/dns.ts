/** The dns family (DNS-00x): names are valid, the parent zone delegates the domain, resolvers see it. */
import type { ManagedZone } from '../gcp/clouddns.js';
import { DnsResponse, nameServersOf, normName, nsTtl } from '../dns/query.js';
import { isValidDomain, isValidZoneName, zoneNameFor } from '../net.js';
import { formatDuration } from '../report/render.js';
import { requireGcp } from './gcp-access.js';
import {
  PreflightCheck,
  PreflightContext,
  SkipCheck,
  error,
  list,
  needConfig,
  ok,
  skip,
  warn,
} from './types.js';

/** Each region's domain: `<subdomain>.<domain>`, or the domain itself when the subdomain is empty (docs/config.md, regions). */
export function regionDomains(ctx: PreflightContext): { region: string; domain: string }[] {
  const c = needConfig(ctx);
  return Object.entries(c.infrastructure.regions).map(([region, r]) => ({
    region,
    domain: r.subdomain ? `${r.subdomain}.${c.infrastructure.domain}` : c.infrastructure.domain,
  }));
}

export const DNS_001: PreflightCheck = {
  id: 'DNS-001',
  async run(ctx) {
    const c = needConfig(ctx);
    const domain = c.infrastructure.domain;
    const zone = zoneNameFor(domain);
    const problems: string[] = [];
    if (!isValidDomain(domain)) problems.push(`domain ${domain} is not a valid DNS name`);
    for (const r of regionDomains(ctx)) {
      if (!isValidDomain(r.domain))
        problems.push(`region ${r.region} domain ${r.domain} is not a valid DNS name`);
      if (`*.${r.domain}`.length > 253) problems.push(`*.${r.domain} is longer than 253 characters`);
    }
    if (!isValidZoneName(zone))
      problems.push(
        `the derived zone name ${zone} is not a valid Cloud DNS zone name (1-63 characters, starts with a letter)`,
      );
    const expected = 'valid DNS names; zone name = domain with dots as dashes, at most 63 characters';
    if (problems.length)
      return error(
        problems.join('; '),
        expected,
        'Use a shorter domain or sub-domains (lower-case letters, digits, dashes).',
      );
    return ok(
      `domain ${domain}; ${regionDomains(ctx)
        .map((r) => `${r.region}: ${r.domain}`)
        .join(', ')}; zone ${zone}`,
      expected,
    );
  },
};

interface ParentView {
  parentZone: string;
  servers: string[];
  /** The NS names the parent delegates the domain to ([] = no delegation). */
  nameServers: string[];
  ttl?: number;
  rcode: string;
}

const sameSet = (a: readonly string[], b: readonly string[]) => {
  const x = new Set(a.map(normName));
  const y = new Set(b.map(normName));
  return x.size === y.size && [...x].every((v) => y.has(v));
};

const isCloudDnsHost = (h: string) => /^ns-cloud-[a-e][1-4]\.googledomains\.com$/.test(normName(h));

function firstAnswer(results: PromiseSettledResult<DnsResponse>[]): DnsResponse | undefined {
  for (const r of results)
    if (r.status === 'fulfilled' && (r.value.rcode === 'NOERROR' || r.value.rcode === 'NXDOMAIN'))
      return r.value;
  return undefined;
}

/** What the parent zone's authoritative servers say about the domain (once per run). */
function parentView(ctx: PreflightContext): Promise<ParentView> {
  return ctx.once('dns-parent', async () => {
    const domain = needConfig(ctx).infrastructure.domain;
    const labels = domain.split('.');
    let parentZone = labels.slice(1).join('.');
    let servers: string[];
    if (ctx.dns.override) {
      servers = [ctx.dns.override];
    } else {
      // Find the closest enclosing zone that has NS records, then its servers' addresses.
      let hosts: string[] = [];
      for (let i = 1; i < labels.length - 1 && hosts.length === 0; i++) {
        const candidate = labels.slice(i).join('.');
        const res = firstAnswer(await ctx.dns.askResolvers(candidate, 'NS'));
        const ns = res
          ? res.answers.filter((r) => r.type === 'NS' && r.name === normName(candidate)).map((r) => r.data)
          : [];
        if (ns.length) {
          hosts = ns;
          parentZone = candidate;
        }
      }
      if (hosts.length === 0)
        throw new SkipCheck(
          `no resolver (${ctx.dns.resolvers.join(', ')}) returned name servers for any parent of ${domain}`,
        );
      servers = await ctx.dns.authoritativeServers(hosts);
      if (servers.length === 0)
        throw new SkipCheck(`the name servers of ${parentZone} (${hosts.join(', ')}) could not be resolved`);
    }
    const results = await ctx.dns.askAuthoritative(servers, domain, 'NS');
    const res = firstAnswer(results);
    if (!res) {
      const why = results
        .map((r) =>
          r.status === 'rejected' ? (r.reason as Error).message : `${r.value.server}: ${r.value.rcode}`,
        )
        .join('; ');
      throw new SkipCheck(`the authoritative servers of ${parentZone} did not answer: ${why}`);
    }
    return {
      parentZone,
      servers,
      nameServers: nameServersOf(res, domain),
      ttl: nsTtl(res, domain),
      rcode: res.rcode,
    };
  });
}

/** The Cloud DNS zone named after the domain (once per run); undefined when it does not exist. */
function cloudZone(ctx: PreflightContext): Promise<ManagedZone | undefined> {
  return ctx.once('dns-zone', async () => {
    const { gcp, project } = await requireGcp(ctx, 'dns.googleapis.com');
    return gcp.dns.getManagedZone(project, zoneNameFor(needConfig(ctx).infrastructure.domain));
  });
}

export const DNS_002: PreflightCheck = {
  id: 'DNS-002',
  async run(ctx) {
    const c = needConfig(ctx);
    const domain = c.infrastructure.domain;
    const zoneName = zoneNameFor(domain);
    const [pv, zr] = await Promise.allSettled([parentView(ctx), cloudZone(ctx)]);
    if (pv.status === 'rejected') throw pv.reason;
    const parent = pv.value;
    const zone = zr.status === 'fulfilled' ? zr.value : undefined;
    const zoneNs = zone?.nameServers.map(normName).sort() ?? [];
    const expected = zone
      ? `NS ${domain} at ${parent.parentZone} = ${zoneNs.join(', ')} (Cloud DNS zone ${zoneName})`
      : `NS ${domain} at ${parent.parentZone} = the nameServers of Cloud DNS zone ${zoneName}`;
    const nsRecords = (hosts: string[]) =>
      hosts.map((h) => `\`${domain}. ${parent.ttl ?? 300} IN NS ${normName(h)}.\``).join(', ');
    const howTo = zone
      ? `At the DNS provider of ${parent.parentZone}, replace the NS records of ${domain} with: ${nsRecords(zone.nameServers)}.`
      : `Create the zone first (apply with manage_dns_zone: true creates ${zoneName}), read its name servers (\`gcloud dns managed-zones describe ${zoneName} --format="value(nameServers)"\`), then add NS records for ${domain} at the DNS provider of ${parent.parentZone}.`;
    if (parent.nameServers.length === 0) {
      return error(
        `${parent.parentZone} (asked ${parent.servers.join(', ')}) has no NS records for ${domain} (${parent.rcode}): the domain is not delegated`,
        expected,
        howTo + ' Certificate Manager cannot issue the certificate until this is done.',
      );
    }
    const observed = `${parent.parentZone} delegates ${domain} to ${parent.nameServers.join(', ')} (TTL ${parent.ttl ?? '?'} s)`;
    if (zone) {
      if (sameSet(parent.nameServers, zoneNs)) return ok(observed, expected);
      return error(`${observed}; Cloud DNS zone ${zoneName} has ${zoneNs.join(', ')}`, expected, howTo);
    }
    if (zr.status === 'rejected') {
      const why = zr.reason instanceof SkipCheck ? zr.reason.reason : (zr.reason as Error).message;
      if (!parent.nameServers.every(isCloudDnsHost))
        return error(`${observed}: these are not Cloud DNS name servers`, expected, howTo);
      return skip(`${observed}, but the Cloud DNS zone could not be read to compare (${why})`, expected);
    }
    if (!c.terraform.manage_dns_zone)
      return skip(
        `${observed}; the Cloud DNS zone ${zoneName} does not exist (DNS-004), nothing to compare with`,
        expected,
      );
    if (!parent.nameServers.every(isCloudDnsHost))
      return error(
        `${observed}: these are not Cloud DNS name servers, and the zone does not exist yet`,
        expected,
        howTo,
      );
    return ok(
      `${observed}: Cloud DNS name servers; zone ${zoneName} will be created by the module (the apply step re-checks the exact set)`,
      expected,
    );
  },
};

export const DNS_003: PreflightCheck = {
  id: 'DNS-003',
  async run(ctx) {
    const domain = needConfig(ctx).infrastructure.domain;
    const [parent, answers] = await Promise.all([parentView(ctx), ctx.dns.askResolvers(domain, 'NS')]);
    const expected = `every resolver (${ctx.dns.resolvers.join(', ')}) returns the parent's delegation`;
    if (parent.nameServers.length === 0)
      return skip(`${domain} is not delegated yet (DNS-002): nothing to propagate`, expected);
    const stale: { server: string; ns: string[]; ttl: number }[] = [];
    const agreeing: string[] = [];
    const unreachable: string[] = [];
    for (const a of answers) {
      if (a.status === 'rejected') {
        unreachable.push((a.reason as Error).message);
        continue;
      }
      const ns = nameServersOf(a.value, domain);
      if (sameSet(ns, parent.nameServers)) agreeing.push(a.value.server);
      else stale.push({ server: a.value.server, ns, ttl: nsTtl(a.value, domain) ?? parent.ttl ?? 0 });
    }
    if (agreeing.length === 0 && stale.length === 0)
      return skip(`no resolver answered: ${unreachable.join('; ')}`, expected);
    if (stale.length) {
      const eta = Math.max(...stale.map((s) => s.ttl));
      return warn(
        stale
          .map(
            (s) =>
              `${s.server} still returns ${s.ns.length ? s.ns.join(', ') : 'no delegation'} (cached, TTL ${s.ttl} s left)`,
          )
          .join('; ') + (agreeing.length ? `; ${agreeing.join(', ')} agree` : ''),
        expected,
        `Propagation is pending: the cached answers expire within ~${formatDuration(eta * 1000)} (by ${new Date(ctx.clock.now() + eta * 1000).toISOString()}). Nothing to change; run again after that. Certificate issuance starts once resolvers see the delegation.`,
      );
    }
    return ok(
      `${agreeing.join(', ')} return ${list(parent.nameServers)}${unreachable.length ? ` (${unreachable.length} resolver(s) did not answer)` : ''}`,
      expected,
    );
  },
};

export const DNS_004: PreflightCheck = {
  id: 'DNS-004',
  async run(ctx) {
    const c = needConfig(ctx);
    const domain = c.infrastructure.domain;
    const zoneName = zoneNameFor(domain);
    const expected = c.terraform.manage_dns_zone
      ? `the module creates zone ${zoneName}`
      : `an existing Cloud DNS zone ${zoneName} for ${domain}.`;
    if (c.terraform.manage_dns_zone) {
      const zone = await cloudZone(ctx).catch(() => undefined);
      return ok(
        zone
          ? `manage_dns_zone: true; zone ${zoneName} already exists (from an earlier apply, or import it into the state)`
          : `manage_dns_zone: true; the module creates ${zoneName}`,
        expected,
      );
    }
    const zone = await cloudZone(ctx);
    if (!zone) {
      return error(
        `manage_dns_zone: false, and project ${c.gcp.project_id} has no zone ${zoneName}: the module reads it unconditionally and fails`,
        expected,
        `Create it: \`gcloud dns managed-zones create ${zoneName} --dns-name=${domain}. --description="Harness Gitspaces" --project ${c.gcp.project_id}\`, then delegate ${domain} to its name servers; or set manage_dns_zone: true.`,
      );
    }
    if (normName(zone.dnsName) !== normName(domain)) {
      return error(
        `zone ${zoneName} exists but serves ${zone.dnsName}`,
        expected,
        `Recreate ${zoneName} with --dns-name=${domain}.`,
      );
    }
    return ok(
      `zone ${zoneName} exists (${zone.dnsName}, name servers ${list(zone.nameServers.map(normName))})`,
      expected,
    );
  },
};

export const DNS_CHECKS: readonly PreflightCheck[] = [DNS_001, DNS_002, DNS_003, DNS_004];
