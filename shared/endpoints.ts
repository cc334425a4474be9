/**
 * Where every outside system is. Defaults are the real services; each can be moved by one environment
 * variable (a proxy, a private endpoint, or the sandbox). Nothing else in the code knows a host name.
 */
export interface Endpoints {
  googleTokenUrl: string;
  serviceUsage: string;
  resourceManager: string;
  iam: string;
  compute: string;
  cloudDns: string;
  certificateManager: string;
  /** Cloud Storage (JSON API root; the Terraform state bucket). */
  storage: string;
  /** Harness base URL (the CDE API is under /gateway/cde/api/v1, NG under /ng/api). Overrides harness.api_url. */
  harness?: string;
  github: string;
  /** Public resolvers for the propagation check, host[:port]. */
  dnsResolvers: string[];
  /** Where to send queries meant for a zone's authoritative servers: unset means the servers the NS records name, on port 53. */
  dnsAuthoritativeOverride?: string;
}

export const GOOGLE_DEFAULTS = {
  googleTokenUrl: 'https://oauth2.googleapis.com/token',
  serviceUsage: 'https://serviceusage.googleapis.com',
  resourceManager: 'https://cloudresourcemanager.googleapis.com',
  iam: 'https://iam.googleapis.com',
  compute: 'https://compute.googleapis.com',
  cloudDns: 'https://dns.googleapis.com',
  certificateManager: 'https://certificatemanager.googleapis.com',
  storage: 'https://storage.googleapis.com',
} as const;

export const ENDPOINT_ENV = {
  googleTokenUrl: 'GITSPACES_GOOGLE_TOKEN_URL',
  serviceUsage: 'GITSPACES_SERVICEUSAGE_URL',
  resourceManager: 'GITSPACES_RESOURCEMANAGER_URL',
  iam: 'GITSPACES_IAM_URL',
  compute: 'GITSPACES_COMPUTE_URL',
  cloudDns: 'GITSPACES_CLOUDDNS_URL',
  certificateManager: 'GITSPACES_CERTIFICATEMANAGER_URL',
  storage: 'GITSPACES_STORAGE_URL',
  harness: 'GITSPACES_HARNESS_URL',
  github: 'GITHUB_API_URL',
  dnsResolvers: 'GITSPACES_DNS_RESOLVERS',
  dnsAuthoritativeOverride: 'GITSPACES_DNS_AUTHORITATIVE',
} as const;

const trim = (u: string) => u.replace(/\/+$/, '');

export function endpointsFromEnv(env: NodeJS.ProcessEnv = process.env): Endpoints {
  const pick = (key: keyof typeof GOOGLE_DEFAULTS) => trim(env[ENDPOINT_ENV[key]] || GOOGLE_DEFAULTS[key]);
  return {
    googleTokenUrl: env[ENDPOINT_ENV.googleTokenUrl] || GOOGLE_DEFAULTS.googleTokenUrl,
    serviceUsage: pick('serviceUsage'),
    resourceManager: pick('resourceManager'),
    iam: pick('iam'),
    compute: pick('compute'),
    cloudDns: pick('cloudDns'),
    certificateManager: pick('certificateManager'),
    storage: pick('storage'),
    harness: env[ENDPOINT_ENV.harness] ? trim(env[ENDPOINT_ENV.harness] as string) : undefined,
    github: trim(env.GITHUB_API_URL || 'https://api.github.com'),
    dnsResolvers: (env[ENDPOINT_ENV.dnsResolvers] || '8.8.8.8,1.1.1.1')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    dnsAuthoritativeOverride: env[ENDPOINT_ENV.dnsAuthoritativeOverride] || undefined,
  };
}
