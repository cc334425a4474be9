import { readFile } from 'node:fs/promises';
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { resolve, dirname } from 'node:path';
import { formatIssue } from '../config/parse.js';
import { generationForVersion, IMAGE_RE } from '../config/schema.js';
import {
  TEN_SLASH_EIGHT,
  contains,
  isValidDomain,
  isValidZoneName,
  overlaps,
  parseCidr,
  zoneNameFor,
} from '../net.js';
import { CheckDef, PreflightContext, SkipCheck, error, list, needConfig, ok, warn } from './types.js';

/** Each region's domain: `<subdomain>.<domain>`, or the domain itself when the subdomain is empty (spec §1.3). */
export function regionDomains(ctx: PreflightContext): { region: string; domain: string }[] {
  const c = needConfig(ctx);
  return Object.entries(c.infrastructure.regions).map(([region, r]) => ({
    region,
    domain: r.subdomain ? `${r.subdomain}.${c.infrastructure.domain}` : c.infrastructure.domain,
  }));
}

export const CFG_001: CheckDef = {
  id: 'CFG-001',
  title: 'Config file parses and validates',
  async run(ctx) {
    if (ctx.config)
      return ok(
        `${ctx.configPath}: valid (version 1, ${Object.keys(ctx.config.infrastructure.regions).length} region(s))`,
        'a gitspaces.yaml that matches the schema',
      );
    const issues = ctx.configIssues;
    return error(
      `${ctx.configPath}: ${issues.length} problem(s): ${issues.map(formatIssue).join(' | ')}`,
      'a gitspaces.yaml that matches the schema (docs/config.md)',
      issues.length
        ? `Correct each field listed (path, what was found, what is expected). ${issues[0]?.fix ?? ''}`
        : 'Create gitspaces.yaml from examples/gitspaces.yaml.',
    );
  },
};

export const CFG_002: CheckDef = {
  id: 'CFG-002',
  title: 'Config keys match the pinned module generation',
  async run(ctx) {
    const c = needConfig(ctx);
    const mod = c.terraform.module;
    const gen = mod.generation;
    const expected =
      gen === 'v0.0.3'
        ? 'v0.0.3 keys: gateway image as a family (vm_image.family/project), no runner VM'
        : 'post-0.0.3 keys: gateway.vm_image_name, runner.region/zone/vm_image_name, create_runner_vm';
    if (mod.version) {
      const byVersion = generationForVersion(mod.version);
      if (byVersion !== gen) {
        return error(
          `module version ${mod.version} has the ${byVersion} interface, but generation says ${gen}`,
          `generation ${byVersion} for version ${mod.version}`,
          `Remove terraform.module.generation (it is derived from the version) or set it to ${byVersion}.`,
        );
      }
    }
    if (gen === 'v0.0.3') {
      const img = c.infrastructure.gateway.vm_image_name;
      if (img && !/\/images\/family\//.test(img)) {
        return error(
          `gateway.vm_image_name is ${img}, a single image; module ${mod.version ?? 'v0.0.3'} reads only gateway.vm_image.family and .project`,
          expected,
          `Use an image family path (projects/ubuntu-os-cloud/global/images/family/ubuntu-2204-lts), or pin a post-0.0.3 module version that reads vm_image_name.`,
        );
      }
      if (c.terraform.create_runner_vm) {
        return warn(
          `create_runner_vm is true, but the v0.0.3 module has no such variable: no runner VM is created`,
          expected,
          'Create the runner VM yourself (gitspaces-spec.md §5), or pin a post-0.0.3 module version that creates it.',
        );
      }
      return ok(
        `generation v0.0.3 (${mod.source}${mod.version ? `@${mod.version}` : ''}); the keys match`,
        expected,
      );
    }
    return ok(
      `generation post-0.0.3 (${mod.source}${mod.version ? `@${mod.version}` : ''}); the keys match`,
      expected,
    );
  },
};

function parseVersion(v: string): number[] {
  return v
    .replace(/^v/, '')
    .split(/[.-]/)
    .slice(0, 3)
    .map((x) => Number.parseInt(x, 10) || 0);
}
function atLeast(v: string, min: string): boolean {
  const a = parseVersion(v);
  const b = parseVersion(min);
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  return true;
}

export const TOOL_001: CheckDef = {
  id: 'TOOL-001',
  title: 'Terraform or OpenTofu >= 1.3 on PATH',
  async run(ctx) {
    const preferred = ctx.config?.terraform.binary ?? 'terraform';
    const candidates = [preferred, preferred === 'terraform' ? 'tofu' : 'terraform'];
    const found: string[] = [];
    for (const bin of candidates) {
      const r = await ctx.exec(bin, ['version', '-json']);
      if (r.error || r.code !== 0) continue;
      let version: string;
      try {
        version = String((JSON.parse(r.stdout) as { terraform_version?: string }).terraform_version ?? '');
      } catch {
        version = r.stdout.match(/v?(\d+\.\d+\.\d+)/)?.[1] ?? '';
      }
      if (!version) continue;
      if (!atLeast(version, '1.3.0')) {
        found.push(`${bin} ${version}`);
        continue;
      }
      if (bin !== preferred) {
        return warn(
          `${preferred} not found; ${bin} ${version} is`,
          `${preferred} >= 1.3 (terraform.binary)`,
          `Set terraform.binary: ${bin}, or install ${preferred} (hashicorp/setup-terraform or opentofu/setup-opentofu).`,
        );
      }
      return ok(`${bin} ${version}`, `${preferred} >= 1.3 (the module's submodules need 1.3)`);
    }
    if (found.length)
      return error(
        `only ${found.join(', ')}`,
        'terraform or tofu >= 1.3',
        'Install a newer version: hashicorp/setup-terraform@v3 with terraform_version: 1.9.x (or opentofu/setup-opentofu).',
      );
    return error(
      `neither ${candidates.join(' nor ')} is on PATH`,
      'terraform or tofu >= 1.3 on PATH',
      'Add hashicorp/setup-terraform@v3 (or opentofu/setup-opentofu@v1) before this step.',
    );
  },
};

export const TOOL_002: CheckDef = {
  id: 'TOOL-002',
  title: "POSIX shell for the module's local-exec",
  async run(ctx) {
    const r = await ctx.exec('sh', ['-c', 'true']);
    if (r.error || r.code !== 0) {
      return error(
        `sh -c true failed: ${r.error ?? `exit ${r.code}`}`,
        'a POSIX sh (the module writes pool.yaml with local-exec `echo ... > pool.yaml`)',
        'Run on a Linux or macOS runner (ubuntu-latest), or install a POSIX shell on PATH.',
      );
    }
    return ok('sh runs', "a POSIX sh for the module's local-exec");
  },
};

export const NET_001: CheckDef = {
  id: 'NET-001',
  title: 'Subnet ranges valid; default subnets inside 10.0.0.0/8',
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

export const NET_003: CheckDef = {
  id: 'NET-003',
  title: 'Gateway ingress restricted (whitelist_ip_ranges)',
  async run(ctx) {
    const c = needConfig(ctx);
    const w = c.infrastructure.gateway.whitelist_ip_ranges;
    const expected = 'gateway.whitelist_ip_ranges set to the ranges your users come from';
    if (!w || w.length === 0 || w.includes('0.0.0.0/0')) {
      return warn(
        w?.length
          ? `whitelist_ip_ranges includes 0.0.0.0/0`
          : 'whitelist_ip_ranges is absent: the module opens ports 80, 443, 2117-2118 and 2200-65000 to 0.0.0.0/0',
        expected,
        'Set infrastructure.gateway.whitelist_ip_ranges to your office/VPN egress ranges (e.g. [203.0.113.0/24]).',
      );
    }
    return ok(`whitelist_ip_ranges: ${w.join(', ')}`, expected);
  },
};

export const DNS_001: CheckDef = {
  id: 'DNS-001',
  title: 'Domain, region domains and zone name are valid',
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

function splitPem(text: string): string[] {
  return text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
}

function sanCovers(san: string, host: string): boolean {
  const names = san
    .split(/,\s*/)
    .filter((s) => s.startsWith('DNS:'))
    .map((s) => s.slice(4).toLowerCase());
  return names.includes(host.toLowerCase());
}

export const CERT_001: CheckDef = {
  id: 'CERT-001',
  title: 'BYO certificate: key matches, chain order, SANs, expiry',
  async run(ctx) {
    const c = needConfig(ctx);
    const cert = c.terraform.certificate;
    const expected =
      'a certificate whose key matches, leaf first, covering *.<region domain>, valid > 30 days';
    if (cert.mode !== 'files') {
      return ok(
        'certificate-manager: Google issues a managed *.<region domain> certificate per region after apply (needs DNS-002)',
        'no certificate files to check in certificate-manager mode',
      );
    }
    const base = dirname(resolve(ctx.configPath));
    const certPath = resolve(base, cert.certificate_path as string);
    const keyPath = resolve(base, cert.private_key_path as string);
    let certText: string;
    let keyText: string;
    try {
      [certText, keyText] = await Promise.all([readFile(certPath, 'utf8'), readFile(keyPath, 'utf8')]);
    } catch (e) {
      return error(
        `cannot read ${(e as { path?: string }).path ?? 'the certificate files'}: ${(e as { code?: string }).code ?? 'error'}`,
        expected,
        'Point terraform.certificate.certificate_path and private_key_path at PEM files in the repository or workspace.',
      );
    }
    ctx.log.mask(keyText.trim());
    const pems = splitPem(certText);
    if (pems.length === 0)
      return error(
        `${cert.certificate_path} holds no PEM certificate`,
        expected,
        'Use the PEM (Base64) certificate, leaf first, then the intermediates.',
      );
    let chain: X509Certificate[];
    try {
      chain = pems.map((p) => new X509Certificate(p));
    } catch (e) {
      return error(
        `${cert.certificate_path} cannot be parsed: ${(e as Error).message}`,
        expected,
        'Export the certificate again as PEM.',
      );
    }
    const leaf = chain[0] as X509Certificate;
    const problems: string[] = [];
    let keyMatches = false;
    try {
      keyMatches = leaf.checkPrivateKey(createPrivateKey(keyText));
    } catch {
      problems.push(`${cert.private_key_path} is not a readable PEM private key`);
    }
    if (!keyMatches && problems.length === 0)
      problems.push(
        `the private key does not belong to the first certificate (${leaf.subject.replace(/\n/g, ', ')})`,
      );
    for (let i = 0; i + 1 < chain.length; i++) {
      const a = chain[i] as X509Certificate;
      const b = chain[i + 1] as X509Certificate;
      if (!a.checkIssued(b))
        problems.push(
          `certificate ${i + 1} was not issued by certificate ${i + 2}: the chain is out of order (leaf first, then its issuer)`,
        );
    }
    const san = leaf.subjectAltName ?? '';
    const uncovered = regionDomains(ctx)
      .map((r) => `*.${r.domain}`)
      .filter((h) => !sanCovers(san, h));
    if (uncovered.length)
      problems.push(`the certificate does not cover ${uncovered.join(', ')} (SANs: ${san || 'none'})`);
    const days = Math.floor((Date.parse(leaf.validTo) - ctx.clock.now()) / 86_400_000);
    if (days < 0) problems.push(`the certificate expired ${-days} day(s) ago (${leaf.validTo})`);
    const observed = `leaf ${leaf.subject.replace(/\n/g, ', ')}; ${chain.length} certificate(s); SANs ${san || 'none'}; ${days} day(s) left`;
    if (problems.length)
      return error(
        problems.join('; '),
        expected,
        'Issue a certificate for *.<region domain> of every region, put the leaf first and its intermediates after it, and keep the matching key.',
      );
    if (days < 30) return warn(observed, expected, 'Renew the certificate before it expires and re-apply.');
    return ok(observed, expected);
  },
};

/** Image paths the module and the runner will use: gateway, runner, and every machine. */
export function configuredImages(ctx: PreflightContext): { role: string; path: string }[] {
  const c = needConfig(ctx);
  const fallback = 'projects/ubuntu-os-cloud/global/images/ubuntu-2004-focal-v20250213';
  const out = [
    { role: 'gateway', path: c.infrastructure.gateway.vm_image_name ?? fallback },
    { role: 'runner', path: c.infrastructure.runner.vm_image_name ?? fallback },
    ...c.machines
      .filter((m) => m.vm_image_name)
      .map((m) => ({ role: `machine ${m.name}`, path: m.vm_image_name as string })),
  ];
  for (const i of out)
    if (!IMAGE_RE.test(i.path))
      throw new SkipCheck(`${i.role} image ${i.path} is not an image path (CFG-001)`);
  return out;
}

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

export { list };
