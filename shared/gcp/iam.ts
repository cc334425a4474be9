import { X509Certificate } from 'node:crypto';
import { ConfigurationError } from '../errors.js';
import { serviceAccountJson, type ServiceAccountCredentials } from './credentials.js';
import { publicKeyFingerprint } from './pkcs12.js';
import { isNotFound, type GcpRest } from './rest.js';

export interface ServiceAccountKey {
  name: string;
  validAfterTime?: string;
  validBeforeTime?: string;
  keyAlgorithm?: string;
  keyOrigin?: string;
  keyType?: string;
  disabled?: boolean;
  /** With publicKeyType TYPE_X509_PEM_FILE: base64 of the key's PEM certificate. */
  publicKeyData?: string;
}

export interface ServiceAccount {
  name: string;
  projectId?: string;
  uniqueId?: string;
  email: string;
  displayName?: string;
  disabled?: boolean;
}

/** IAM v1: service accounts and their keys. */
export class Iam {
  constructor(private readonly rest: GcpRest) {}

  /** `GET /v1/projects/{p}/serviceAccounts/{email}/keys/{keyId}`; undefined when the key does not exist (deleted). */
  getServiceAccountKey(
    project: string,
    email: string,
    keyId: string,
  ): Promise<ServiceAccountKey | undefined> {
    return this.getKey(project, email, keyId, '');
  }

  private async getKey(
    project: string,
    email: string,
    keyId: string,
    query: string,
  ): Promise<ServiceAccountKey | undefined> {
    try {
      return await this.rest.get<ServiceAccountKey>(
        'iam',
        `/v1/projects/${enc(project)}/serviceAccounts/${enc(email)}/keys/${enc(keyId)}${query}`,
      );
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

  /** `GET .../serviceAccounts/{email}/keys?keyTypes=USER_MANAGED`: the keys users created (no public key data). */
  async listUserManagedKeys(project: string, email: string): Promise<ServiceAccountKey[]> {
    const r = await this.rest.get<{ keys?: ServiceAccountKey[] }>(
      'iam',
      `/v1/projects/${enc(project)}/serviceAccounts/${enc(email)}/keys?keyTypes=USER_MANAGED`,
    );
    return r.keys ?? [];
  }

  /** One key with its X.509 certificate (`publicKeyType=TYPE_X509_PEM_FILE`); undefined when it does not exist. */
  getServiceAccountKeyCertificate(
    project: string,
    email: string,
    keyId: string,
  ): Promise<ServiceAccountKey | undefined> {
    return this.getKey(project, email, keyId, '?publicKeyType=TYPE_X509_PEM_FILE');
  }

  /** `GET /v1/projects/{p}/serviceAccounts/{email}`; undefined when it does not exist. */
  async getServiceAccount(project: string, email: string): Promise<ServiceAccount | undefined> {
    try {
      return await this.rest.get<ServiceAccount>(
        'iam',
        `/v1/projects/${enc(project)}/serviceAccounts/${enc(email)}`,
      );
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }
}

function enc(s: string): string {
  return encodeURIComponent(s);
}

/**
 * The key id of a P12 key: the user-managed key of its account whose certificate carries the same public key
 * (IAM lists keys without public keys; each is fetched with TYPE_X509_PEM_FILE). Sets privateKeyId and the
 * equivalent JSON key on the credentials. A JSON key, or a P12 key already resolved, is returned as it is.
 */
export async function resolveP12KeyId(iam: Iam, c: ServiceAccountCredentials): Promise<string> {
  if (c.format !== 'p12' || c.privateKeyId) return c.privateKeyId;
  const keys = await iam.listUserManagedKeys(c.projectId, c.clientEmail);
  for (const k of keys) {
    const id = k.name.split('/').pop() ?? '';
    const full = await iam.getServiceAccountKeyCertificate(c.projectId, c.clientEmail, id);
    if (!full?.publicKeyData) continue;
    let fp: string;
    try {
      const cert = new X509Certificate(Buffer.from(full.publicKeyData, 'base64'));
      fp = publicKeyFingerprint(cert.publicKey);
    } catch {
      continue;
    }
    if (fp === c.publicKeyFingerprint) {
      c.privateKeyId = id;
      c.json = serviceAccountJson(c);
      return id;
    }
  }
  throw new ConfigurationError(
    'AUTH_P12_KEY_UNKNOWN',
    `The P12 key from ${c.source} is none of the ${keys.length} user-managed key(s) of ${c.clientEmail} in IAM (its public key matches no key's certificate)`,
    `Check that ${c.clientEmail} is the account the key was created for and that the key was not deleted (\`gcloud iam service-accounts keys list --iam-account=${c.clientEmail}\`); better, create a JSON key or use keyless authentication.`,
  );
}
