/** The certificates family (CERT-001): a certificate brought as files fits the region domains. */
import { readFile } from 'node:fs/promises';
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { resolve, dirname } from 'node:path';
import { regionDomains } from './dns.js';
import { PreflightCheck, error, needConfig, ok, warn } from './types.js';

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

export const CERT_001: PreflightCheck = {
  id: 'CERT-001',
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

export const CERTIFICATES_CHECKS: readonly PreflightCheck[] = [CERT_001];
