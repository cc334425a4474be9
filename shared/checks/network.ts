/** The network family (NET): subnet ranges are valid, do not overlap, and the gateway's ingress is restricted. */
import { RemoteError } from '../errors.js';
import { TEN_SLASH_EIGHT, contains, overlaps, parseCidr } from '../net.js';
import { computeReads } from './compute-reads.js';
import { OPEN_RANGE, gatewayAsWritten, whitelistFinding } from './infra-yaml.js';
import { gcpAuth, requireGcp } from './gcp-access.js';
import { PreflightCheck, SkipCheck, error, needConfig, ok } from './types.js';

export const NET_001: PreflightCheck = {
  id: 'NET-001',
  async run(ctx) {
    const c = needConfig(ctx);
    const problems: string[] = [];
    const seen: string[] = [];
    for (const [region, r] of Object.entries(c.infrastructure.regions)) {
      const def = parseCidr(r.default_subnet_ip_range);
      const proxy = parseCidr(r.proxy_subnet_ip_range);
      seen.push(`${region}: default ${r.default_subnet_ip_range}, proxy ${r.proxy_subnet_ip_range}`);
      if (!def) problems.push(`${region}.default_subnet_ip_range ${r.default_subnet_ip_range} is not a CIDR`);
      else if (!contains(TEN_SLASH_EIGHT, def))
        problems.push(
          `${region}.default_subnet_ip_range ${r.default_subnet_ip_range} is outside 10.0.0.0/8 (the gitspace ingress rule admits only 10/8: the runner could not reach lite-engine on 9079)`,
        );
      if (!proxy) problems.push(`${region}.proxy_subnet_ip_range ${r.proxy_subnet_ip_range} is not a CIDR`);
      else if (proxy.prefix > 26)
        problems.push(
          `${region}.proxy_subnet_ip_range ${r.proxy_subnet_ip_range} is smaller than /26 (GCP's minimum for a proxy-only subnet)`,
        );
    }
    const expected = 'valid CIDRs; default subnets within 10.0.0.0/8; proxy-only subnets /26 or larger';
    if (problems.length)
      return error(
        problems.join('; '),
        expected,
        'Use ranges such as default 10.6.0.0/16 and proxy 10.3.0.0/26 (docs/config.md).',
      );
    return ok(seen.join('; '), expected);
  },
};

export function overlapsAmong(ranges: { label: string; cidr: string }[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < ranges.length; i++) {
    for (let j = i + 1; j < ranges.length; j++) {
      const a = ranges[i] as { label: string; cidr: string };
      const b = ranges[j] as { label: string; cidr: string };
      const ca = parseCidr(a.cidr);
      const cb = parseCidr(b.cidr);
      if (ca && cb && overlaps(ca, cb)) out.push(`${a.label} ${a.cidr} overlaps ${b.label} ${b.cidr}`);
    }
  }
  return out;
}

export const NET_002: PreflightCheck = {
  id: 'NET-002',
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

export const NET_003: PreflightCheck = {
  id: 'NET-003',
  async run(ctx) {
    const c = needConfig(ctx);
    const w = c.infrastructure.gateway.whitelist_ip_ranges;
    const allowPublic = c.infrastructure.gateway.allow_public;
    const expected =
      'gateway.whitelist_ip_ranges set to the ranges your users come from, or gateway.allow_public: true';
    if (!w || w.length === 0 || w.includes(OPEN_RANGE)) {
      const observed = w?.length
        ? `whitelist_ip_ranges includes ${OPEN_RANGE}`
        : `whitelist_ip_ranges is absent: the module opens ports 80, 443, 2117-2118 and 2200-65000 to ${OPEN_RANGE}`;
      if (allowPublic) return ok(`${observed}, by choice (gateway.allow_public: true)`, expected);
      return error(
        observed,
        expected,
        'Set infrastructure.gateway.whitelist_ip_ranges to your office/VPN egress ranges (e.g. [203.0.113.0/24]), or set infrastructure.gateway.allow_public: true to open the gateways to the internet on purpose.',
      );
    }
    return ok(`whitelist_ip_ranges: ${w.join(', ')}`, expected);
  },
};

/** NET-004: the whitelist the gateway will really get, read from the Infra Config YAML Harness serves. */
export const NET_004: PreflightCheck = {
  id: 'NET-004',
  async run(ctx) {
    const c = needConfig(ctx);
    const f = whitelistFinding(await gatewayAsWritten(ctx), c);
    return f.status === 'ok' ? ok(f.observed, f.expected) : error(f.observed, f.expected, f.fix);
  },
};

export const NETWORK_CHECKS: readonly PreflightCheck[] = [NET_001, NET_002, NET_003, NET_004];
