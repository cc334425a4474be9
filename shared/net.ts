/** IPv4 CIDR arithmetic for the preflight and the config schema. */
export interface Cidr {
  text: string;
  base: number;
  prefix: number;
}

const OCTET = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const CIDR_RE = new RegExp(`^${OCTET}\\.${OCTET}\\.${OCTET}\\.${OCTET}/(3[0-2]|[12]?\\d)$`);

export function parseCidr(text: string): Cidr | undefined {
  if (typeof text !== 'string' || !CIDR_RE.test(text)) return undefined;
  const [ip, p] = text.split('/') as [string, string];
  const base = ip.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
  return { text, base, prefix: Number(p) };
}

export function size(c: Cidr): number {
  return 2 ** (32 - c.prefix);
}

/** True when the address part has no bits set beyond the prefix (GCP rejects 10.0.0.1/16). */
export function isNetworkAddress(c: Cidr): boolean {
  return c.base % size(c) === 0;
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  return a.base < b.base + size(b) && b.base < a.base + size(a);
}

export function contains(outer: Cidr, inner: Cidr): boolean {
  return inner.base >= outer.base && inner.base + size(inner) <= outer.base + size(outer);
}

export const TEN_SLASH_EIGHT = parseCidr('10.0.0.0/8') as Cidr;

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** A DNS name as Cloud DNS accepts it: lower-case labels, at least two, 253 characters at most. */
export function isValidDomain(name: string): boolean {
  if (typeof name !== 'string' || name.length > 253 || name !== name.toLowerCase()) return false;
  const labels = name.replace(/\.$/, '').split('.');
  return (
    labels.length >= 2 &&
    labels.every((l) => LABEL.test(l)) &&
    !/^\d+$/.test(labels[labels.length - 1] as string)
  );
}

export function isValidLabel(label: string): boolean {
  return LABEL.test(label);
}

/** The Cloud DNS zone name the module derives from the domain: dots become dashes. */
export function zoneNameFor(domain: string): string {
  return domain.replace(/\.$/, '').replace(/\./g, '-');
}

/** Cloud DNS managed zone names: 1-63 chars, lower-case letters, digits, dashes, starting with a letter. */
export function isValidZoneName(name: string): boolean {
  return /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/.test(name);
}
