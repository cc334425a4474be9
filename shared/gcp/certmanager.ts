import { isNotFound, listAll, type GcpRest } from './rest.js';

export interface AuthorizationAttemptInfo {
  domain?: string;
  state?: 'STATE_UNSPECIFIED' | 'AUTHORIZING' | 'AUTHORIZED' | 'FAILED';
  failureReason?: string;
  details?: string;
}

export interface Certificate {
  /** `projects/{p}/locations/{l}/certificates/{name}` */
  name: string;
  description?: string;
  labels?: Record<string, string>;
  sanDnsnames?: string[];
  scope?: string;
  expireTime?: string;
  createTime?: string;
  managed?: {
    domains?: string[];
    dnsAuthorizations?: string[];
    issuanceConfig?: string;
    state?: 'STATE_UNSPECIFIED' | 'PROVISIONING' | 'FAILED' | 'ACTIVE';
    provisioningIssue?: { reason?: string; details?: string };
    authorizationAttemptInfo?: AuthorizationAttemptInfo[];
  };
}

export interface DnsAuthorization {
  name: string;
  domain: string;
  type?: string;
  labels?: Record<string, string>;
  dnsResourceRecord?: { name?: string; type?: string; data?: string };
}

/** Certificate Manager v1 (`/v1/projects/{p}/locations/{l}/...`). */
export class CertificateManager {
  constructor(private readonly rest: GcpRest) {}

  /** undefined when the certificate does not exist. */
  async getCertificate(project: string, location: string, name: string): Promise<Certificate | undefined> {
    try {
      return await this.rest.get<Certificate>(
        'certificateManager',
        `/v1/projects/${enc(project)}/locations/${enc(location)}/certificates/${enc(name)}`,
      );
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

  async listCertificates(
    project: string,
    location: string,
    opts: { filter?: string } = {},
  ): Promise<Certificate[]> {
    return listAll<Certificate>(
      (pageToken) =>
        this.rest.get(
          'certificateManager',
          `/v1/projects/${enc(project)}/locations/${enc(location)}/certificates`,
          { pageToken, filter: opts.filter },
        ),
      'certificates',
    );
  }

  async listDnsAuthorizations(
    project: string,
    location: string,
    opts: { filter?: string } = {},
  ): Promise<DnsAuthorization[]> {
    return listAll<DnsAuthorization>(
      (pageToken) =>
        this.rest.get(
          'certificateManager',
          `/v1/projects/${enc(project)}/locations/${enc(location)}/dnsAuthorizations`,
          {
            pageToken,
            filter: opts.filter,
          },
        ),
      'dnsAuthorizations',
    );
  }
}

function enc(s: string): string {
  return encodeURIComponent(s);
}
