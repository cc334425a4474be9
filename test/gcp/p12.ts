import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from '@jest/globals';

/** Whether `openssl pkcs12 -export -legacy` (OpenSSL 3) is on PATH: the P12 fixtures are made with it in the test. */
export const HAS_OPENSSL =
  spawnSync('openssl', ['pkcs12', '-help'], { encoding: 'utf8' }).stderr?.includes('-legacy') ?? false;

/** `it`, or `it.skip` saying why when openssl cannot make the fixture. */
export const itNeedsOpenssl: typeof it = HAS_OPENSSL
  ? it
  : (((name: string, fn: () => unknown, timeout?: number) =>
      it.skip(`${name} [SKIPPED: openssl 3 is not on PATH]`, fn as never, timeout)) as unknown as typeof it);

/**
 * A P12 file for a private key, as Google issues them: a self-signed certificate, friendly name `privatekey`,
 * password `notasecret`, the key shrouded with PBE-SHA1-3DES and the certificate encrypted with RC2-40
 * (`-legacy`); `modern` uses OpenSSL 3's default (PBES2, AES-256-CBC, a SHA-256 MAC).
 */
export function makeP12(privateKeyPem: string, opts: { modern?: boolean; password?: string } = {}): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'gitspaces-p12-'));
  try {
    const key = join(dir, 'key.pem');
    const cert = join(dir, 'cert.pem');
    const out = join(dir, 'key.p12');
    writeFileSync(key, privateKeyPem, { mode: 0o600 });
    execFileSync(
      'openssl',
      ['req', '-x509', '-new', '-key', key, '-out', cert, '-subj', '/CN=sandbox', '-days', '2'],
      {
        stdio: 'ignore',
      },
    );
    execFileSync(
      'openssl',
      [
        'pkcs12',
        '-export',
        ...(opts.modern ? [] : ['-legacy']),
        '-inkey',
        key,
        '-in',
        cert,
        '-name',
        'privatekey',
        '-passout',
        `pass:${opts.password ?? 'notasecret'}`,
        '-out',
        out,
      ],
      { stdio: 'ignore' },
    );
    return readFileSync(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
