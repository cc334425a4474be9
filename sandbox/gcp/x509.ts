import { KeyObject, createPublicKey, sign } from 'node:crypto';

/**
 * A self-signed X.509 v3 certificate for the emulated service-account key, as IAM returns one in
 * `keys.get?publicKeyType=TYPE_X509_PEM_FILE` (`publicKeyData`: base64 of the PEM certificate; IAM REST reference,
 * projects.serviceAccounts.keys.get and ServiceAccountKey.publicKeyData). Google's certificates name the
 * service account's unique id as CN and are valid until the key's validBeforeTime. Node parses certificates
 * but does not write them: this is the DER by hand (RFC 5280 TBSCertificate, sha256WithRSAEncryption).
 */
function tlv(tag: number, body: Buffer): Buffer {
  const len = body.length;
  let head: Buffer;
  if (len < 0x80) head = Buffer.from([tag, len]);
  else {
    const b: number[] = [];
    for (let l = len; l > 0; l = Math.floor(l / 256)) b.unshift(l & 0xff);
    head = Buffer.from([tag, 0x80 | b.length, ...b]);
  }
  return Buffer.concat([head, body]);
}
const seq = (...parts: Buffer[]) => tlv(0x30, Buffer.concat(parts));
const set = (...parts: Buffer[]) => tlv(0x31, Buffer.concat(parts));
const NULL = Buffer.from([0x05, 0x00]);

function oid(dotted: string): Buffer {
  const [a = 0, b = 0, ...rest] = dotted.split('.').map(Number);
  const bytes = [a * 40 + b];
  for (const n of rest) {
    const part: number[] = [n & 0x7f];
    for (let v = Math.floor(n / 128); v > 0; v = Math.floor(v / 128)) part.unshift((v & 0x7f) | 0x80);
    bytes.push(...part);
  }
  return tlv(0x06, Buffer.from(bytes));
}

function time(ms: number): Buffer {
  const iso = new Date(ms)
    .toISOString()
    .replace(/[-:T]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  // UTCTime until 2049, GeneralizedTime after (RFC 5280 4.1.2.5).
  const year = new Date(ms).getUTCFullYear();
  return year < 2050 ? tlv(0x17, Buffer.from(iso.slice(2))) : tlv(0x18, Buffer.from(iso));
}

export function selfSignedCertificatePem(opts: {
  privateKey: KeyObject;
  commonName: string;
  serial: Buffer;
  notBefore: number;
  notAfter: number;
}): string {
  const alg = seq(oid('1.2.840.113549.1.1.11'), NULL);
  const name = seq(set(seq(oid('2.5.4.3'), tlv(0x0c, Buffer.from(opts.commonName)))));
  // A positive INTEGER in its minimal form: first byte 0x40..0x7f.
  const serialBytes = Buffer.from(opts.serial);
  serialBytes[0] = ((serialBytes[0] ?? 0) & 0x3f) | 0x40;
  const serial = tlv(0x02, serialBytes);
  const spki = createPublicKey(opts.privateKey).export({ type: 'spki', format: 'der' });
  const tbs = seq(
    tlv(0xa0, tlv(0x02, Buffer.from([2]))),
    serial,
    alg,
    name,
    seq(time(opts.notBefore), time(opts.notAfter)),
    name,
    spki,
  );
  const signature = sign('sha256', tbs, opts.privateKey);
  const cert = seq(tbs, alg, tlv(0x03, Buffer.concat([Buffer.from([0]), signature])));
  const b64 = cert
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
    .replace(/\n$/, '');
  return `-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----\n`;
}
