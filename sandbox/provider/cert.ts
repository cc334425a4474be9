import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';

/**
 * The plugin's server certificate for go-plugin's AutoMTLS: a fresh self-signed ECDSA certificate for
 * "localhost", valid for client and server authentication and usable as its own CA, as go-plugin's own
 * generateCert makes it (hashicorp/go-plugin mtls.go). Terraform trusts exactly this certificate: the plugin
 * sends its DER, base64 without padding, in the handshake line (go-plugin server.go, client.go).
 * Node can read certificates but not make them, so this writes the DER itself.
 */

function der(tag: number, body: Buffer): Buffer {
  const n = body.length;
  const len =
    n < 0x80 ? Buffer.from([n]) : n < 0x100 ? Buffer.from([0x81, n]) : Buffer.from([0x82, n >> 8, n & 0xff]);
  return Buffer.concat([Buffer.from([tag]), len, body]);
}
const seq = (...parts: Buffer[]) => der(0x30, Buffer.concat(parts));
const set = (...parts: Buffer[]) => der(0x31, Buffer.concat(parts));
const explicit = (n: number, inner: Buffer) => der(0xa0 + n, inner);
const octets = (b: Buffer) => der(0x04, b);
const bits = (b: Buffer) => der(0x03, Buffer.concat([Buffer.from([0]), b]));
const bool = (v: boolean) => der(0x01, Buffer.from([v ? 0xff : 0]));
const utf8 = (s: string) => der(0x0c, Buffer.from(s, 'utf8'));

function integer(b: Buffer): Buffer {
  let body = b;
  while (body.length > 1 && body[0] === 0 && (body[1] as number) < 0x80) body = body.subarray(1);
  if ((body[0] as number) >= 0x80) body = Buffer.concat([Buffer.from([0]), body]);
  return der(0x02, body);
}

function oid(dotted: string): Buffer {
  const [a, b, ...rest] = dotted.split('.').map(Number) as number[];
  const bytes = [40 * (a as number) + (b as number)];
  for (const n of rest) {
    const chunk = [n & 0x7f];
    for (let v = n >> 7; v > 0; v >>= 7) chunk.unshift((v & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return der(0x06, Buffer.from(bytes));
}

/** UTCTime before 2050, GeneralizedTime after (RFC 5280 4.1.2.5). */
function time(d: Date): Buffer {
  const iso = d.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z';
  return d.getUTCFullYear() < 2050 ? der(0x17, Buffer.from(iso.slice(2))) : der(0x18, Buffer.from(iso));
}

function extension(id: string, critical: boolean, value: Buffer): Buffer {
  return critical ? seq(oid(id), bool(true), octets(value)) : seq(oid(id), octets(value));
}

export interface ServerCertificate {
  certPem: string;
  keyPem: string;
  /** The leaf certificate's DER, base64 without padding: the handshake line's last field. */
  handshakeCert: string;
}

export function makeServerCertificate(now = new Date()): ServerCertificate {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const ecdsaSha256 = seq(oid('1.2.840.10045.4.3.2'));
  const name = seq(set(seq(oid('2.5.4.10'), utf8('HashiCorp'))), set(seq(oid('2.5.4.3'), utf8('localhost'))));
  // keyUsage as go-plugin sets it: digitalSignature (bit 0), keyEncipherment (2), keyAgreement (4), keyCertSign (5):
  // 0b10101100, the two low bits unused.
  const keyUsage = der(0x03, Buffer.from([2, 0b10101100]));
  const extensions = seq(
    extension('2.5.29.15', true, keyUsage),
    extension('2.5.29.37', false, seq(oid('1.3.6.1.5.5.7.3.2'), oid('1.3.6.1.5.5.7.3.1'))),
    extension('2.5.29.19', true, seq(bool(true))),
    extension('2.5.29.17', false, seq(der(0x82, Buffer.from('localhost')))),
  );
  const tbs = seq(
    explicit(0, integer(Buffer.from([2]))),
    integer(randomBytes(16)),
    ecdsaSha256,
    name,
    seq(time(new Date(now.getTime() - 30_000)), time(new Date(now.getTime() + 365 * 24 * 3600_000))),
    name,
    publicKey.export({ type: 'spki', format: 'der' }),
    explicit(3, extensions),
  );
  const signature = sign('sha256', tbs, privateKey);
  const cert = seq(tbs, ecdsaSha256, bits(signature));
  const b64 = cert.toString('base64');
  return {
    certPem: `-----BEGIN CERTIFICATE-----\n${b64.match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`,
    keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
    handshakeCert: b64.replace(/=+$/, ''),
  };
}
