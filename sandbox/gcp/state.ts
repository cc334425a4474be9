import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GcpScenario, Scenario } from '../scenario.js';
import { GuestWriteLimiter } from './guest-limits.js';

/**
 * The emulated Google Cloud project: identity (the service-account key the sandbox issued, keyless files),
 * which APIs are on, the Compute resources, Cloud DNS zones and records, Certificate Manager objects and
 * guest attributes. Every GCP emulator (sandbox/gcp/*.ts) reads and writes this one object; the other
 * emulators read it through the methods below.
 */
export interface GcpState {
  /** Path of the service-account key JSON the sandbox issued (real format, `type: service_account`). */
  keyFile: string;
  privateKeyPem: string;
  publicKeyPem: string;
  /** `private_key_id` of the issued key (the JWT `kid`). */
  keyId: string;
  clientEmail: string;
  clientId: string;
  /**
   * An `external_account` credential file as google-github-actions/auth writes it (Workload Identity
   * Federation, file-sourced subject token). Its `token_url` / `service_account_impersonation_url` point at
   * the sandbox once the GCP services started (startGcp writes the file).
   */
  externalAccountFile: string;
  /** The OIDC subject token file the external_account file names (`credential_source.file`). */
  subjectTokenFile: string;

  /** Compute resources of a collection ('instances', 'addresses', ...), as the Compute REST API returns them. */
  listResources(collection: string, project?: string): Record<string, unknown>[];
  /** One Compute resource by relative path (`projects/p/zones/z/instances/x`) or full selfLink. */
  getResource(path: string): Record<string, unknown> | undefined;
  /** Cloud DNS managed zones. */
  managedZones(): { name: string; dnsName: string; nameServers: string[] }[];
  /** Record sets of a Cloud DNS zone (by zone name), SOA and NS included. */
  recordSets(zoneName: string): { name: string; type: string; ttl: number; rrdatas: string[] }[];
  /** Guest attributes of an instance (`projects/p/zones/z/instances/x`), keyed "namespace/key". */
  guestAttributes(instancePath: string): Record<string, string>;
  setGuestAttribute(instancePath: string, nsKey: string, value: string): void;
  /** Certificate Manager certificates as the API returns them (state computed now). */
  certificates(): Record<string, unknown>[];
  /** Whether a service (e.g. compute.googleapis.com) is ENABLED, and whether calls to it succeed yet. */
  serviceState(service: string): { enabled: boolean; usable: boolean };
  /** Issues an access token for an identity (used by the token endpoints; tests may call it). */
  issueAccessToken(email: string, lifetimeSeconds?: number): { token: string; expiresAt: number };
}

export interface ComputeResource extends Record<string, unknown> {
  name: string;
  selfLink: string;
}

export interface ServiceEnablement {
  /** When the enable operation completes (state ENABLED from then on). */
  enabledAt: number;
  /** When calls to the API stop answering SERVICE_DISABLED. */
  usableAt: number;
}

export interface LongRunning {
  name: string;
  createdAt: number;
  doneAt: number;
  metadata: Record<string, unknown>;
  /** Computed when the operation is read after doneAt. */
  response?: () => Record<string, unknown>;
  error?: { code: number; message: string };
}

export interface DnsZone {
  name: string;
  dnsName: string;
  description: string;
  id: string;
  nameServers: string[];
  creationTime: string;
  visibility: string;
  labels?: Record<string, string>;
  rrsets: { name: string; type: string; ttl: number; rrdatas: string[] }[];
  changes: Record<string, unknown>[];
}

export interface CertRecord {
  name: string;
  createdAt: number;
  body: Record<string, unknown>;
}

export const COMPUTE_LINK_BASE = 'https://www.googleapis.com/compute/v1/';
export const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';

/** Fixed numeric id from a string, so ids are stable across runs of one scenario. */
export function numericId(seed: string, digits = 19): string {
  const h = createHash('sha256').update(seed).digest();
  let s = '';
  for (let i = 0; s.length < digits; i++) s += String(h[i % h.length] as number);
  s = s.slice(0, digits);
  return s[0] === '0' ? `1${s.slice(1)}` : s;
}

export class GcpWorld implements GcpState {
  keyFile: string;
  privateKeyPem: string;
  publicKeyPem: string;
  keyId: string;
  clientEmail: string;
  clientId: string;
  externalAccountFile: string;
  subjectTokenFile: string;
  /** The OIDC token the subject token file holds (what a GitHub OIDC token would be). */
  subjectToken: string;
  readonly keyCreatedAt: number;

  /** access token -> identity and expiry. */
  readonly tokens = new Map<string, { email: string; expiresAt: number; federated?: boolean }>();
  readonly services = new Map<string, ServiceEnablement>();
  readonly operations = new Map<string, LongRunning>();
  /** Compute resources keyed by relative path `projects/p/<scope>/<collection>/<name>`. */
  readonly compute = new Map<string, ComputeResource>();
  readonly computeOps = new Map<string, { op: Record<string, unknown>; doneAt: number }>();
  readonly zones = new Map<string, DnsZone>();
  readonly certs = new Map<string, CertRecord>();
  readonly dnsAuthorizations = new Map<string, Record<string, unknown>>();
  readonly guest = new Map<string, Record<string, string>>();
  /** The metadata server's guest-attribute write limits, per VM (sandbox/gcp/guest-limits.ts). */
  readonly guestWrites = new GuestWriteLimiter();
  /** The emulators' clock (operation lag, propagation, certificate provisioning); tests may replace it. */
  now: () => number = () => Date.now();
  private counter = 0;

  constructor(
    private readonly scenarioRef: () => Scenario,
    dir: string,
  ) {
    const s = this.scn;
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    this.publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    this.keyId = randomBytes(20).toString('hex');
    this.clientEmail = s.serviceAccount.email;
    this.clientId = numericId(`client:${this.clientEmail}`, 21);
    this.keyCreatedAt = this.now() - s.serviceAccount.keyAgeDays * 86_400_000;
    this.keyFile = join(dir, `${s.projectId}-${this.keyId.slice(0, 12)}.json`);
    writeFileSync(
      this.keyFile,
      JSON.stringify(
        {
          type: 'service_account',
          project_id: s.projectId,
          private_key_id: this.keyId,
          private_key: this.privateKeyPem,
          client_email: this.clientEmail,
          client_id: this.clientId,
          auth_uri: 'https://accounts.google.com/o/oauth2/auth',
          token_uri: GOOGLE_TOKEN_URL,
          auth_provider_x509_cert_url: 'https://www.googleapis.com/oauth2/v1/certs',
          client_x509_cert_url: `https://www.googleapis.com/robot/v1/metadata/x509/${encodeURIComponent(this.clientEmail)}`,
          universe_domain: 'googleapis.com',
        },
        null,
        2,
      ) + '\n',
      { mode: 0o600 },
    );
    this.subjectTokenFile = join(dir, 'github-oidc-token.txt');
    this.externalAccountFile = join(dir, 'gha-creds-sandbox.json');
    this.subjectToken = makeUnsignedOidcToken(s.projectNumber);
    writeFileSync(this.subjectTokenFile, this.subjectToken, { mode: 0o600 });
    const t0 = 0;
    for (const api of s.enabledApis) this.services.set(api, { enabledAt: t0, usableAt: t0 });
  }

  get scn(): GcpScenario {
    return this.scenarioRef().gcp;
  }
  get scenario(): Scenario {
    return this.scenarioRef();
  }
  /** The Workload Identity provider audience the external_account file carries. */
  get wifAudience(): string {
    return `//iam.googleapis.com/projects/${this.scn.projectNumber}/locations/global/workloadIdentityPools/github/providers/github`;
  }

  nextId(): number {
    return ++this.counter;
  }

  /** Writes the external_account file once the STS and IAM Credentials URLs are known. */
  writeExternalAccountFile(stsUrl: string, iamCredentialsUrl: string): void {
    writeFileSync(
      this.externalAccountFile,
      JSON.stringify(
        {
          type: 'external_account',
          audience: this.wifAudience,
          subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
          token_url: `${stsUrl}/v1/token`,
          service_account_impersonation_url: `${iamCredentialsUrl}/v1/projects/-/serviceAccounts/${this.clientEmail}:generateAccessToken`,
          credential_source: { file: this.subjectTokenFile, format: { type: 'text' } },
          universe_domain: 'googleapis.com',
        },
        null,
        2,
      ) + '\n',
      { mode: 0o600 },
    );
  }

  /** The project id when `p` names this project by id or number. */
  project(p: string): string | undefined {
    return p === this.scn.projectId || p === this.scn.projectNumber ? this.scn.projectId : undefined;
  }

  issueAccessToken(
    email: string,
    lifetimeSeconds = 3600,
    federated = false,
  ): { token: string; expiresAt: number } {
    const token = `ya29.${federated ? 'fed' : 'c'}.sandbox-${randomBytes(24).toString('base64url')}`;
    const expiresAt = this.now() + lifetimeSeconds * 1000;
    this.tokens.set(token, { email, expiresAt, federated });
    return { token, expiresAt };
  }

  serviceState(service: string): { enabled: boolean; usable: boolean } {
    const e = this.services.get(service);
    const now = this.now();
    if (!e) return { enabled: false, usable: false };
    return { enabled: now >= e.enabledAt, usable: now >= e.usableAt };
  }

  // ---- Compute ----
  listResources(collection: string, project?: string): Record<string, unknown>[] {
    const out: Record<string, unknown>[] = [];
    for (const [path, r] of this.compute) {
      const parts = path.split('/');
      if (parts[parts.length - 2] !== collection) continue;
      if (project && parts[1] !== project && !(this.project(project) && parts[1] === this.project(project)))
        continue;
      out.push(structuredClone(r));
    }
    return out;
  }

  getResource(path: string): Record<string, unknown> | undefined {
    const rel = path.startsWith('http')
      ? path.replace(/^https?:\/\/[^/]+\/compute\/v1\//, '')
      : path.replace(/^\//, '');
    const r = this.compute.get(rel);
    return r ? structuredClone(r) : undefined;
  }

  guestAttributes(instancePath: string): Record<string, string> {
    return { ...(this.guest.get(instancePath) ?? {}) };
  }

  setGuestAttribute(instancePath: string, nsKey: string, value: string): void {
    const m = this.guest.get(instancePath) ?? {};
    m[nsKey] = value;
    this.guest.set(instancePath, m);
  }

  // ---- Cloud DNS ----
  managedZones(): { name: string; dnsName: string; nameServers: string[] }[] {
    return [...this.zones.values()].map((z) => ({
      name: z.name,
      dnsName: z.dnsName,
      nameServers: [...z.nameServers],
    }));
  }

  recordSets(zoneName: string): { name: string; type: string; ttl: number; rrdatas: string[] }[] {
    return structuredClone(this.zones.get(zoneName)?.rrsets ?? []);
  }

  /** Creates a managed zone with its SOA and NS records; name servers ns-cloud-<x>1..4.googledomains.com. */
  addZone(name: string, dnsName: string, description = '', extra: Partial<DnsZone> = {}): DnsZone {
    const letter = 'abcde'[this.zones.size % 5] as string;
    const nameServers = [1, 2, 3, 4].map((i) => `ns-cloud-${letter}${i}.googledomains.com.`);
    const zone: DnsZone = {
      name,
      dnsName,
      description,
      id: numericId(`zone:${name}:${this.nextId()}`, 19),
      nameServers,
      creationTime: new Date().toISOString(),
      visibility: 'public',
      rrsets: [
        { name: dnsName, type: 'NS', ttl: 21600, rrdatas: [...nameServers] },
        {
          name: dnsName,
          type: 'SOA',
          ttl: 21600,
          rrdatas: [`${nameServers[0]} cloud-dns-hostmaster.google.com. 1 21600 3600 259200 300`],
        },
      ],
      changes: [],
      ...extra,
    };
    this.zones.set(name, zone);
    return zone;
  }

  // ---- Certificate Manager ----
  certificates(): Record<string, unknown>[] {
    return [...this.certs.values()].map((c) => this.certView(c));
  }

  /** A certificate as the API returns it now: managed.state moves on with time, delegation and DNS records. */
  certView(c: CertRecord): Record<string, unknown> {
    const body = structuredClone(c.body);
    const managed = body.managed as Record<string, unknown> | undefined;
    if (!managed) return body;
    const cfg = this.scn.certificates;
    const domains = (managed.domains as string[] | undefined) ?? [];
    const delegated = !cfg.needsDelegation || this.scenario.dns.delegated;
    const missingRecords = domains.filter(
      (d) => !this.challengeRecordPresent(d, (managed.dnsAuthorizations as string[] | undefined) ?? []),
    );
    const timeUp = this.now() - c.createdAt >= cfg.activeAfterMs;
    let state = 'PROVISIONING';
    if (delegated && missingRecords.length === 0 && timeUp) state = cfg.finalState;
    managed.state = state;
    if (state === 'ACTIVE') {
      managed.authorizationAttemptInfo = domains.map((domain) => ({
        domain,
        state: 'AUTHORIZED',
        details: '',
      }));
      body.pemCertificate = `-----BEGIN CERTIFICATE-----\n${Buffer.from(`sandbox certificate for ${domains.join(',')}`).toString('base64')}\n-----END CERTIFICATE-----\n`;
      body.sanDnsnames = [...domains];
      body.expireTime = new Date(c.createdAt + 90 * 86_400_000).toISOString();
    } else if (state === 'FAILED') {
      managed.authorizationAttemptInfo = domains.map((domain) => ({
        domain,
        state: 'FAILED',
        failureReason: 'CONFIG',
        details: `Authorization of ${domain} failed: the DNS authorization record could not be validated.`,
      }));
      managed.provisioningIssue = {
        reason: 'AUTHORIZATION_ISSUE',
        details: 'Certificate authorization failed for one or more domains.',
      };
    } else {
      managed.authorizationAttemptInfo = domains.map((domain) => {
        const reason = !delegated
          ? `The domain ${domain.replace(/^\*\./, '')} is not delegated to the Cloud DNS zone's name servers: the DNS authorization record cannot be resolved publicly.`
          : missingRecords.includes(domain)
            ? `The CNAME record for the DNS authorization of ${domain.replace(/^\*\./, '')} was not found.`
            : undefined;
        return reason
          ? { domain, state: 'AUTHORIZING', failureReason: 'CONFIG', details: reason }
          : { domain, state: 'AUTHORIZING', details: 'Authorization in progress.' };
      });
    }
    return body;
  }

  /** Whether the DNS authorization's CNAME exists in a Cloud DNS zone that covers it (assumed present when no zone covers it). */
  private challengeRecordPresent(domain: string, authNames: string[]): boolean {
    const bare = domain.replace(/^\*\./, '');
    const auth = authNames
      .map((n) => this.dnsAuthorizations.get(n.replace(/^\/\/certificatemanager\.googleapis\.com\//, '')))
      .find((a) => a && a.domain === bare);
    if (!auth) return true;
    const rr = auth.dnsResourceRecord as { name: string; type: string; data: string };
    const zone = [...this.zones.values()]
      .filter((z) => rr.name === z.dnsName || rr.name.endsWith(`.${z.dnsName}`))
      .sort((a, b) => b.dnsName.length - a.dnsName.length)[0];
    if (!zone) return true;
    return zone.rrsets.some((r) => r.name === rr.name && r.type === rr.type && r.rrdatas.includes(rr.data));
  }
}

/** A GitHub-Actions-shaped OIDC token (unsigned: the STS emulator checks its claims, not a GitHub signature). */
function makeUnsignedOidcToken(projectNumber: string): string {
  const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return [
    enc({ alg: 'RS256', typ: 'JWT', kid: 'sandbox-github-oidc' }),
    enc({
      iss: 'https://token.actions.githubusercontent.com',
      aud: `https://iam.googleapis.com/projects/${projectNumber}/locations/global/workloadIdentityPools/github/providers/github`,
      sub: 'repo:acme/platform-infra:ref:refs/heads/main',
      repository: 'acme/platform-infra',
      iat: now,
      exp: now + 86_400 * 365,
    }),
    Buffer.from('sandbox-signature').toString('base64url'),
  ].join('.');
}
