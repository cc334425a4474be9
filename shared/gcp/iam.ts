import { isNotFound, type GcpRest } from './rest.js';

export interface ServiceAccountKey {
  name: string;
  validAfterTime?: string;
  validBeforeTime?: string;
  keyAlgorithm?: string;
  keyOrigin?: string;
  keyType?: string;
  disabled?: boolean;
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
  async getServiceAccountKey(
    project: string,
    email: string,
    keyId: string,
  ): Promise<ServiceAccountKey | undefined> {
    try {
      return await this.rest.get<ServiceAccountKey>(
        'iam',
        `/v1/projects/${enc(project)}/serviceAccounts/${enc(email)}/keys/${enc(keyId)}`,
      );
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
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
