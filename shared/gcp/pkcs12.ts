import {
  KeyObject,
  createDecipheriv,
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  timingSafeEqual,
} from 'node:crypto';

/**
 * A minimal PKCS#12 (RFC 7292) reader for service-account P12 keys: enough to take the private key out of the
 * file Google issues (password `notasecret`). Node's crypto has no PKCS#12 parser and the project takes no new
 * dependency (google-auth-library dropped P12 with google-p12-pem; node-forge is not installed), so this walks the
 * DER itself:
 *
 *   PFX { version 3, authSafe ContentInfo(data), macData }      the MAC is checked first (wrong password -> error)
 *   authSafe = SEQUENCE OF ContentInfo                             `data` (plain) or `encryptedData`
 *   SafeContents = SEQUENCE OF SafeBag                             keyBag, pkcs8ShroudedKeyBag, certBag, ...
 *
 * The key is in a pkcs8ShroudedKeyBag: encrypted with pbeWithSHAAnd3-KeyTripleDES-CBC in Google's files and in
 * `openssl pkcs12 -export -legacy` (PKCS#12 key derivation, RFC 7292 appendix B, then DES-EDE3-CBC, both here), or
 * with PBES2 (PBKDF2 + AES) by OpenSSL 3's default (decrypted by Node, which reads PBES2 PKCS#8). The certificate
 * is not needed (the public key follows from the private key) and is not decrypted: Google encrypts it with
 * RC2-40, which OpenSSL 3 no longer offers. A key bag inside an encrypted SafeContents is read when that is 3DES;
 * RC2 there is refused, saying so.
 */

export class Pkcs12Error extends Error {}

const MAX_ITERATIONS = 1_000_000;

interface Node {
  tag: number;
  /** Content bytes (for constructed nodes: the concatenated children). */
  value: Buffer;
  children?: Node[];
}

const OID = {
  data: '1.2.840.113549.1.7.1',
  encryptedData: '1.2.840.113549.1.7.6',
  keyBag: '1.2.840.113549.1.12.10.1.1',
  shroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
  pbeSha1TripleDes: '1.2.840.113549.1.12.1.3',
  pbeSha1Rc2_40: '1.2.840.113549.1.12.1.6',
  pbeSha1Rc2_128: '1.2.840.113549.1.12.1.5',
  pbes2: '1.2.840.113549.1.5.13',
  sha1: '1.3.14.3.2.26',
  sha256: '2.16.840.1.101.3.4.2.1',
} as const;

/** Parses one BER element at `off` (definite or indefinite length); returns it and where the next begins. */
function parse(buf: Buffer, off: number, depth = 0): { node: Node; next: number } {
  if (depth > 32) throw new Pkcs12Error('nested too deeply');
  if (off + 2 > buf.length) throw new Pkcs12Error('truncated');
  const tag = buf[off] as number;
  const lenByte = buf[off + 1] as number;
  let p = off + 2;
  const constructed = (tag & 0x20) !== 0;
  if (lenByte === 0x80) {
    if (!constructed) throw new Pkcs12Error('indefinite length on a primitive element');
    const children: Node[] = [];
    while (!(buf[p] === 0 && buf[p + 1] === 0)) {
      const c = parse(buf, p, depth + 1);
      children.push(c.node);
      p = c.next;
      if (p + 2 > buf.length) throw new Pkcs12Error('truncated');
    }
    return { node: { tag, value: concat(children), children }, next: p + 2 };
  }
  let len = lenByte;
  if (lenByte & 0x80) {
    const n = lenByte & 0x7f;
    if (n > 4 || p + n > buf.length) throw new Pkcs12Error('bad length');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + (buf[p + i] as number);
    p += n;
  }
  const end = p + len;
  if (end > buf.length) throw new Pkcs12Error('truncated');
  const value = buf.subarray(p, end);
  if (!constructed) return { node: { tag, value }, next: end };
  const children: Node[] = [];
  for (let q = p; q < end;) {
    const c = parse(buf, q, depth + 1);
    children.push(c.node);
    q = c.next;
  }
  // A constructed OCTET STRING (BER) is the concatenation of its parts.
  return { node: { tag, value: tag === 0x24 ? concat(children) : value, children }, next: end };
}

function concat(children: Node[]): Buffer {
  return Buffer.concat(children.map((c) => c.value));
}

function der(buf: Buffer): Node {
  return parse(buf, 0).node;
}

function kids(n: Node | undefined, what: string): Node[] {
  if (!n?.children) throw new Pkcs12Error(`${what}: not a constructed element`);
  return n.children;
}

function oid(n: Node | undefined): string {
  if (!n || n.tag !== 0x06) throw new Pkcs12Error('expected an OBJECT IDENTIFIER');
  const b = n.value;
  const out: number[] = [];
  let v = 0;
  for (let i = 0; i < b.length; i++) {
    v = v * 128 + ((b[i] as number) & 0x7f);
    if (!((b[i] as number) & 0x80)) {
      if (out.length === 0) out.push(v < 80 ? Math.floor(v / 40) : 2, v < 80 ? v % 40 : v - 80);
      else out.push(v);
      v = 0;
    }
  }
  return out.join('.');
}

function int(n: Node | undefined): number {
  if (!n || n.tag !== 0x02) throw new Pkcs12Error('expected an INTEGER');
  return n.value.reduce((a, b) => a * 256 + b, 0);
}

/** The octets of an OCTET STRING (primitive, or constructed as BER allows). */
function octets(n: Node | undefined): Buffer {
  if (!n || (n.tag !== 0x04 && n.tag !== 0x24)) throw new Pkcs12Error('expected an OCTET STRING');
  return n.value;
}

/** The password as PKCS#12 feeds it to its key derivation: BMPString, big-endian, two zero bytes at the end. */
function bmpPassword(password: string): Buffer {
  const out = Buffer.alloc((password.length + 1) * 2);
  for (let i = 0; i < password.length; i++) out.writeUInt16BE(password.charCodeAt(i), i * 2);
  return out;
}

/** RFC 7292 appendix B.2: derives `n` bytes of key (id 1), IV (id 2) or MAC key (id 3). */
function pkcs12Kdf(
  hash: 'sha1' | 'sha256',
  password: Buffer,
  salt: Buffer,
  id: number,
  iterations: number,
  n: number,
): Buffer {
  // Google's files use 1-2048; a hostile file must not keep the CPU busy for hours.
  if (iterations < 1 || iterations > MAX_ITERATIONS)
    throw new Pkcs12Error(`${iterations} key-derivation iterations (at most ${MAX_ITERATIONS} are read)`);
  const u = hash === 'sha1' ? 20 : 32;
  const v = 64;
  const fill = (src: Buffer) => {
    if (src.length === 0) return Buffer.alloc(0);
    const len = v * Math.ceil(src.length / v);
    const out = Buffer.alloc(len);
    for (let i = 0; i < len; i++) out[i] = src[i % src.length] as number;
    return out;
  };
  const D = Buffer.alloc(v, id);
  let I = Buffer.concat([fill(salt), fill(password)]);
  const out: Buffer[] = [];
  for (let got = 0; got < n; got += u) {
    let A = createHash(hash).update(D).update(I).digest();
    for (let i = 1; i < iterations; i++) A = createHash(hash).update(A).digest();
    out.push(A);
    const B = fill(A).subarray(0, v);
    const next = Buffer.alloc(I.length);
    for (let j = 0; j < I.length; j += v) {
      let carry = 1;
      for (let k = v - 1; k >= 0; k--) {
        const sum = (I[j + k] as number) + (B[k] as number) + carry;
        next[j + k] = sum & 0xff;
        carry = sum >> 8;
      }
    }
    I = next;
  }
  return Buffer.concat(out).subarray(0, n);
}

/** Checks the MAC over the authSafe content: a wrong password (or a damaged file) stops here. */
function verifyMac(macData: Node, content: Buffer, password: Buffer): void {
  const [digestInfo, saltNode, iterNode] = kids(macData, 'macData');
  const [alg, digest] = kids(digestInfo, 'mac');
  const hashOid = oid(kids(alg, 'mac algorithm')[0]);
  const hash = hashOid === OID.sha1 ? 'sha1' : hashOid === OID.sha256 ? 'sha256' : undefined;
  if (!hash) throw new Pkcs12Error(`MAC digest ${hashOid} is not supported`);
  const iterations = iterNode ? int(iterNode) : 1;
  const key = pkcs12Kdf(hash, password, octets(saltNode), 3, iterations, hash === 'sha1' ? 20 : 32);
  const mac = createHmac(hash, key).update(content).digest();
  const expected = octets(digest);
  if (mac.length !== expected.length || !timingSafeEqual(mac, expected))
    throw new Pkcs12Error('the MAC does not match: wrong password, or the file is damaged');
}

/** Decrypts with a PKCS#12 PBE algorithm (3DES); RC2 is refused, naming it. */
function pbeDecrypt(alg: Node, data: Buffer, password: string): Buffer {
  const [algOid, params] = kids(alg, 'encryption algorithm');
  const o = oid(algOid);
  if (o === OID.pbeSha1Rc2_40 || o === OID.pbeSha1Rc2_128)
    throw new Pkcs12Error(
      'the key is encrypted with RC2, which OpenSSL 3 (and so Node) no longer offers; re-export it with PBE-SHA1-3DES or AES-256-CBC',
    );
  if (o !== OID.pbeSha1TripleDes) throw new Pkcs12Error(`encryption ${o} is not supported`);
  const [salt, iter] = kids(params, 'PBE parameters');
  const pw = bmpPassword(password);
  const iterations = int(iter);
  const key = pkcs12Kdf('sha1', pw, octets(salt), 1, iterations, 24);
  const iv = pkcs12Kdf('sha1', pw, octets(salt), 2, iterations, 8);
  const d = createDecipheriv('des-ede3-cbc', key, iv);
  try {
    return Buffer.concat([d.update(data), d.final()]);
  } catch {
    throw new Pkcs12Error('the key does not decrypt: wrong password, or the file is damaged');
  }
}

/** The private key of a (shrouded) key bag. */
function keyFromBag(bagId: string, value: Node, raw: Buffer, password: string): KeyObject {
  if (bagId === OID.keyBag) return createPrivateKey({ key: raw, format: 'der', type: 'pkcs8' });
  const [alg, enc] = kids(value, 'EncryptedPrivateKeyInfo');
  const algOid = oid(kids(alg, 'algorithm')[0]);
  if (algOid === OID.pbes2)
    try {
      return createPrivateKey({ key: raw, format: 'der', type: 'pkcs8', passphrase: password });
    } catch {
      throw new Pkcs12Error('the key does not decrypt: wrong password, or the file is damaged');
    }
  const plain = pbeDecrypt(alg as Node, octets(enc), password);
  try {
    return createPrivateKey({ key: plain, format: 'der', type: 'pkcs8' });
  } catch {
    throw new Pkcs12Error('the decrypted key is not a PKCS#8 private key');
  }
}

/** The key bags of a SafeContents (DER). */
function keysIn(safeContents: Buffer, password: string): KeyObject[] {
  const out: KeyObject[] = [];
  for (const bag of kids(der(safeContents), 'SafeContents')) {
    const [idNode, wrapped] = kids(bag, 'SafeBag');
    const id = oid(idNode);
    if (id !== OID.keyBag && id !== OID.shroudedKeyBag) continue;
    const inner = kids(wrapped, 'bagValue')[0] as Node;
    const raw = rawOf(inner);
    out.push(keyFromBag(id, inner, raw, password));
  }
  return out;
}

/** The DER bytes of a node (re-encoded: the key bag's value is handed on whole). */
function rawOf(n: Node): Buffer {
  const len = n.value.length;
  const lenBytes =
    len < 0x80
      ? Buffer.from([len])
      : (() => {
          const b: number[] = [];
          for (let l = len; l > 0; l = Math.floor(l / 256)) b.unshift(l & 0xff);
          return Buffer.from([0x80 | b.length, ...b]);
        })();
  const body = n.children ? Buffer.concat(n.children.map(rawOf)) : n.value;
  return Buffer.concat([Buffer.from([n.tag === 0x24 ? 0x04 : n.tag]), lenBytes, body]);
}

/**
 * The private key (PKCS#8 PEM) in a PKCS#12 file. Throws Pkcs12Error saying what is wrong (never key material).
 */
export function readPkcs12PrivateKey(p12: Buffer, password = 'notasecret'): { pem: string; key: KeyObject } {
  let pfx: Node;
  try {
    pfx = der(p12);
  } catch (e) {
    throw new Pkcs12Error(`not a PKCS#12 file (${(e as Error).message})`);
  }
  const [version, authSafe, macData] = kids(pfx, 'PFX');
  if (int(version) !== 3) throw new Pkcs12Error('not a PKCS#12 v3 file');
  const [ctype, wrapped] = kids(authSafe, 'authSafe');
  if (oid(ctype) !== OID.data) throw new Pkcs12Error('public-key integrity mode is not supported');
  const content = octets(kids(wrapped, 'authSafe content')[0]);
  if (macData) verifyMac(macData, content, bmpPassword(password));
  const keys: KeyObject[] = [];
  let rc2Skipped = false;
  for (const ci of kids(der(content), 'AuthenticatedSafe')) {
    const [t, w] = kids(ci, 'ContentInfo');
    const type = oid(t);
    if (type === OID.data) keys.push(...keysIn(octets(kids(w, 'data')[0]), password));
    else if (type === OID.encryptedData) {
      const [, eci] = kids(kids(w, 'encryptedData')[0], 'EncryptedData');
      const [, alg, enc] = kids(eci, 'EncryptedContentInfo');
      try {
        keys.push(...keysIn(pbeDecrypt(alg as Node, (enc as Node).value, password), password));
      } catch (e) {
        // The certificates (RC2-40 in Google's files): not needed, the key is elsewhere.
        if (!(e instanceof Pkcs12Error) || !/RC2|not supported/.test(e.message)) throw e;
        rc2Skipped = true;
      }
    }
  }
  if (keys.length === 0)
    throw new Pkcs12Error(
      rc2Skipped
        ? 'no readable private key (the encrypted part uses RC2, which OpenSSL 3 no longer offers; re-export with -keypbe PBE-SHA1-3DES)'
        : 'no private key in the file',
    );
  if (keys.length > 1)
    throw new Pkcs12Error(`${keys.length} private keys in the file; a service-account key has one`);
  const key = keys[0] as KeyObject;
  if (key.asymmetricKeyType !== 'rsa') throw new Pkcs12Error(`the key is ${key.asymmetricKeyType}, not RSA`);
  return { pem: key.export({ type: 'pkcs8', format: 'pem' }).toString(), key };
}

/** SHA-256 of the DER SubjectPublicKeyInfo: what a certificate and a private key of the same pair share. */
export function publicKeyFingerprint(key: KeyObject): string {
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  return createHash('sha256')
    .update(pub.export({ type: 'spki', format: 'der' }))
    .digest('hex');
}
