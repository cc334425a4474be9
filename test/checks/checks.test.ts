import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { FakeClock } from '../../shared/clock.js';
import { RemoteError } from '../../shared/errors.js';
import {
  PREFLIGHT_CHECKS,
  createPreflightContext,
  modulePermissions,
  regionFootprint,
  runChecks,
  vcpusOf,
  type Exec,
  type PreflightContext,
} from '../../shared/checks/index.js';
import { locationAllowed } from '../../shared/checks/org.js';
import type { DnsClient, DnsResponse } from '../../shared/dns/query.js';
import { RecordingLogger } from '../../shared/logger.js';
import { configFromText } from '../../shared/config/parse.js';
import { scenarioConfig } from '../../sandbox/scenarios/config.js';
import { HEALTHY, mergeScenario } from '../../sandbox/scenario.js';

const dir = mkdtempSync(join(tmpdir(), 'gitspaces-checks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function configText(overrides: Record<string, unknown> = {}): string {
  return stringify(mergeScenario(scenarioConfig(HEALTHY), overrides as never));
}

const okExec: Exec = async (file) =>
  file === 'terraform'
    ? { code: 0, stdout: '{"terraform_version":"1.9.8"}', stderr: '' }
    : { code: 0, stdout: '', stderr: '' };

function ns(server: string, hosts: string[], ttl: number, rcode = 'NOERROR'): DnsResponse {
  return {
    server,
    rcode,
    authoritative: false,
    truncated: false,
    transport: 'udp',
    answers: hosts.map((h) => ({ name: 'gitspaces.acme.dev', type: 'NS', ttl, data: h })),
    authorities: [],
    additionals: [],
  };
}

/** A DNS client answering from tables, so the DNS checks are exercised without sockets. */
function fakeDns(parent: string[], resolvers: Record<string, { hosts: string[]; ttl: number }>): DnsClient {
  return {
    resolvers: Object.keys(resolvers),
    override: 'parent:53',
    askResolvers: async () =>
      Object.entries(resolvers).map(([s, r]) => ({
        status: 'fulfilled' as const,
        value: ns(s, r.hosts, r.ttl),
      })),
    authoritativeServers: async () => ['parent:53'],
    askAuthoritative: async () => [
      {
        status: 'fulfilled' as const,
        value: parent.length
          ? {
              ...ns('parent:53', [], 300),
              authorities: parent.map((h) => ({ name: 'gitspaces.acme.dev', type: 'NS', ttl: 300, data: h })),
            }
          : ns('parent:53', [], 300, 'NXDOMAIN'),
      },
    ],
  };
}

async function ctxFor(
  overrides: Record<string, unknown> = {},
  extra: { exec?: Exec; dns?: DnsClient; env?: Record<string, string> } = {},
): Promise<PreflightContext> {
  return createPreflightContext({
    configPath: join(dir, 'gitspaces.yaml'),
    configText: configText(overrides),
    env: { HOME: dir, ...(extra.env ?? {}) }, // no credentials at all
    log: new RecordingLogger(),
    clock: new FakeClock(Date.parse('2026-11-29T00:00:00Z')),
    exec: extra.exec ?? okExec,
    dns: extra.dns ?? fakeDns([], {}),
  });
}

describe('check run loop', () => {
  it('without credentials: AUTH-001 is the one GCP error; every API/IAM/ORG/QUOTA check skips naming it; nothing throws', async () => {
    const ctx = await ctxFor();
    const results = await runChecks(PREFLIGHT_CHECKS, ctx);
    expect(results.map((r) => r.id)).toEqual(PREFLIGHT_CHECKS.map((c) => c.id));
    const auth1 = results.find((r) => r.id === 'AUTH-001');
    expect(auth1?.status).toBe('error');
    expect(auth1?.observed).toMatch(/No Google credentials/);
    for (const id of [
      'API-001',
      'API-007',
      'IAM-001',
      'ORG-002',
      'QUOTA-001',
      'IMG-001',
      'REG-001',
      'AUTH-003',
      'AUTH-004',
    ]) {
      const r = results.find((x) => x.id === id);
      expect({ id, status: r?.status }).toEqual({ id, status: 'skip' });
      expect(r?.fix).toMatch(/AUTH-001/);
    }
    // No Harness key either: one error, the rest skip.
    expect(results.find((r) => r.id === 'HARNESS-001')?.status).toBe('error');
    expect(results.find((r) => r.id === 'HARNESS-003')?.status).toBe('skip');
    for (const r of results) expect(r.docUrl).toMatch(new RegExp(`docs/troubleshooting[.]md#${r.id}$`));
  });

  it('runs checks concurrently within its bound and keeps catalog order', async () => {
    const ctx = await ctxFor();
    let running = 0;
    let peak = 0;
    const defs = Array.from({ length: 10 }, (_, i) => ({
      id: `T-${String(i).padStart(3, '0')}`,
      title: 't',
      async run() {
        running++;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, 20 - i));
        running--;
        if (i === 3) throw new RemoteError('compute', 403, 'Permission denied on regions.get');
        if (i === 4) throw new Error('socket hang up');
        return { status: 'ok' as const, observed: 'fine', expected: 'fine' };
      },
    }));
    const results = await runChecks(defs, ctx, { concurrency: 4 });
    expect(peak).toBe(4);
    expect(results.map((r) => r.id)).toEqual(defs.map((d) => d.id));
    expect(results[3]).toMatchObject({
      status: 'skip',
      fix: expect.stringMatching(/may not read this \(403\)/),
    });
    expect(results[4]).toMatchObject({
      status: 'error',
      observed: expect.stringMatching(/could not complete: socket hang up/),
    });
  });
});

describe('pure checks', () => {
  const one = async (id: string, overrides: Record<string, unknown> = {}, extra = {}) =>
    (await runChecks(PREFLIGHT_CHECKS, await ctxFor(overrides, extra), { only: [id] }))[0];

  it('NET-001: a default subnet outside 10/8 and a too-small proxy subnet', async () => {
    const r = await one('NET-001', {
      infrastructure: {
        regions: {
          'us-central1': {
            subdomain: 'usc1',
            default_subnet_ip_range: '192.168.0.0/16',
            proxy_subnet_ip_range: '10.3.0.0/28',
          },
        },
      },
    });
    expect(r?.status).toBe('error');
    expect(r?.observed).toMatch(/192\.168\.0\.0\/16 is outside 10\.0\.0\.0\/8/);
    expect(r?.observed).toMatch(/smaller than \/26/);
  });

  it('NET-002: ranges overlapping across regions (without credentials the existing subnets are not compared, and it says so)', async () => {
    const r = await one('NET-002', {
      infrastructure: {
        regions: {
          'us-central1': {
            subdomain: 'usc1',
            default_subnet_ip_range: '10.6.0.0/16',
            proxy_subnet_ip_range: '10.3.0.0/26',
          },
          'europe-west1': {
            subdomain: 'euw1',
            default_subnet_ip_range: '10.6.128.0/17',
            proxy_subnet_ip_range: '10.3.1.0/26',
          },
        },
      },
    });
    expect(r?.status).toBe('error');
    expect(r?.observed).toMatch(
      /us-central1 default 10\.6\.0\.0\/16 overlaps europe-west1 default 10\.6\.128\.0\/17/,
    );
  });

  it('NET-003 fails when whitelist_ip_ranges is absent or open, unless allow_public says so', async () => {
    const r = await one('NET-003', { infrastructure: { gateway: { whitelist_ip_ranges: undefined } } });
    expect(r?.status).toBe('error');
    expect(r?.observed).toMatch(/0\.0\.0\.0\/0/);
    expect(r?.fix).toMatch(/allow_public: true/);
    const open = await one('NET-003', {
      infrastructure: { gateway: { whitelist_ip_ranges: ['0.0.0.0/0'] } },
    });
    expect(open?.status).toBe('error');
    const chosen = await one('NET-003', {
      infrastructure: { gateway: { whitelist_ip_ranges: undefined, allow_public: true } },
    });
    expect(chosen?.status).toBe('ok');
    expect(chosen?.observed).toMatch(/by choice \(gateway\.allow_public: true\)$/);
  });

  it('CFG-002: v0.0.3 with a single gateway image, and a generation contradicting the version', async () => {
    const r = await one('CFG-002', {
      terraform: {
        module: { source: 'harness/harness-gitspaces/gcp', version: '0.0.3', generation: undefined },
      },
      infrastructure: {
        gateway: { vm_image_name: 'projects/ubuntu-os-cloud/global/images/ubuntu-2204-jammy-v20250112' },
      },
    });
    expect(r?.status).toBe('error');
    expect(r?.observed).toMatch(/reads only gateway\.vm_image\.family/);
    const r2 = await one('CFG-002', {
      terraform: {
        module: { source: 'harness/harness-gitspaces/gcp', version: '0.0.5', generation: 'v0.0.3' },
      },
    });
    expect(r2?.observed).toMatch(/version 0\.0\.5 has the post-0\.0\.3 interface/);
  });

  it('TOOL-001: an old terraform, tofu instead, nothing at all', async () => {
    const old: Exec = async (f) =>
      f === 'terraform'
        ? { code: 0, stdout: '{"terraform_version":"1.2.9"}', stderr: '' }
        : { code: null, stdout: '', stderr: '', error: 'ENOENT' };
    expect((await one('TOOL-001', {}, { exec: old }))?.observed).toBe('only terraform 1.2.9');
    const tofu: Exec = async (f) =>
      f === 'tofu'
        ? { code: 0, stdout: 'OpenTofu v1.8.2\non linux_amd64', stderr: '' }
        : { code: null, stdout: '', stderr: '', error: 'ENOENT' };
    const t = await one('TOOL-001', {}, { exec: tofu });
    expect(t).toMatchObject({ status: 'warn', fix: expect.stringMatching(/terraform\.binary: tofu/) });
    const none: Exec = async () => ({ code: null, stdout: '', stderr: '', error: 'ENOENT' });
    expect(await one('TOOL-001', {}, { exec: none })).toMatchObject({
      status: 'error',
      fix: expect.stringMatching(/setup-terraform/),
    });
    expect(await one('TOOL-002', {}, { exec: none })).toMatchObject({ status: 'error' });
  });

  it('DNS-001: a domain whose zone name would be too long', async () => {
    const long = `${'a'.repeat(60)}.acme.dev`;
    const r = await one('DNS-001', { infrastructure: { domain: long } });
    expect(r?.status).toBe('error');
    expect(r?.observed).toMatch(/zone name .* is not a valid Cloud DNS zone name/);
  });

  it('DNS-002/003 with a fake DNS client: no delegation; stale resolvers give an ETA from the TTL', async () => {
    const cloud = ['ns-cloud-b1.googledomains.com', 'ns-cloud-b2.googledomains.com'];
    const none = await one('DNS-002', {}, { dns: fakeDns([], {}) });
    expect(none).toMatchObject({
      status: 'error',
      observed: expect.stringMatching(/has no NS records for gitspaces\.acme\.dev \(NXDOMAIN\)/),
    });
    const stale = await one(
      'DNS-003',
      {},
      {
        dns: fakeDns(cloud, {
          '8.8.8.8': { hosts: ['ns1.old.net'], ttl: 1800 },
          '1.1.1.1': { hosts: cloud, ttl: 300 },
        }),
      },
    );
    expect(stale?.status).toBe('warn');
    expect(stale?.observed).toBe(
      '8.8.8.8 still returns ns1.old.net (cached, TTL 1800 s left); 1.1.1.1 agree',
    );
    expect(stale?.fix).toMatch(/expire within ~30m0s \(by 2026-11-29T00:30:00\.000Z\)/);
    const agreed = await one(
      'DNS-003',
      {},
      { dns: fakeDns(cloud, { '8.8.8.8': { hosts: cloud, ttl: 300 } }) },
    );
    expect(agreed?.status).toBe('ok');
  });

  it('CERT-001: key mismatch, wrong SAN and chain order are found; a good certificate passes', async () => {
    const gen = (name: string, cn: string, san: string) => {
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-keyout',
          join(dir, `${name}.key`),
          '-out',
          join(dir, `${name}.crt`),
          '-days',
          '365',
          '-subj',
          `/CN=${cn}`,
          '-addext',
          `subjectAltName=${san}`,
        ],
        { stdio: 'ignore' },
      );
    };
    gen('good', '*.usc1.gitspaces.acme.dev', 'DNS:*.usc1.gitspaces.acme.dev');
    gen('other', 'other', 'DNS:*.example.com');
    const files = (crt: string, key: string) => ({
      terraform: {
        manage_dns_zone: false,
        certificate: { mode: 'files', certificate_path: join(dir, crt), private_key_path: join(dir, key) },
      },
    });
    expect((await one('CERT-001', files('good.crt', 'good.key')))?.status).toBe('ok');
    const mismatch = await one('CERT-001', files('good.crt', 'other.key'));
    expect(mismatch?.observed).toMatch(/private key does not belong to the first certificate/);
    const san = await one('CERT-001', files('other.crt', 'other.key'));
    expect(san?.observed).toMatch(/does not cover \*\.usc1\.gitspaces\.acme\.dev/);
    writeFileSync(
      join(dir, 'chain.crt'),
      readFileSync(join(dir, 'other.crt'), 'utf8') + readFileSync(join(dir, 'good.crt'), 'utf8'),
    );
    const chain = await one('CERT-001', files('chain.crt', 'other.key'));
    expect(chain?.observed).toMatch(/out of order/);
    const log = new RecordingLogger();
    const c = await createPreflightContext({
      configPath: join(dir, 'x.yaml'),
      configText: configText(files('good.crt', 'good.key')),
      env: { HOME: dir },
      log,
      exec: okExec,
      dns: fakeDns([], {}),
    });
    await runChecks(PREFLIGHT_CHECKS, c, { only: ['CERT-001'] });
    expect([...log.masks].some((m) => m.includes('PRIVATE KEY'))).toBe(true);
  });
});

describe('derived figures', () => {
  const config = configFromText(configText());
  it('IAM-001 permissions follow the resources: redis only for HA gateways, certificate manager only with it', () => {
    const base = modulePermissions(config);
    expect(base).toEqual(
      expect.arrayContaining([
        'compute.firewalls.create',
        'dns.managedZones.create',
        'certificatemanager.certs.create',
        'iam.serviceAccounts.create',
        'resourcemanager.projects.setIamPolicy',
      ]),
    );
    expect(base.some((p) => p.startsWith('redis.'))).toBe(false);
    const ha = configFromText(configText({ infrastructure: { gateway: { instances: 3 } } }));
    expect(modulePermissions(ha)).toContain('redis.instances.create');
    const files = configFromText(
      configText({
        terraform: {
          manage_dns_zone: false,
          certificate: { mode: 'files', certificate_path: 'a.crt', private_key_path: 'a.key' },
        },
      }),
    );
    expect(modulePermissions(files).some((p) => p.startsWith('certificatemanager.'))).toBe(false);
    expect(modulePermissions(files)).toContain('dns.managedZones.get');
  });

  it('QUOTA-001 footprint: gateways + runner VM (gateway machine type) + machines, three static addresses', () => {
    const [us] = regionFootprint(config);
    expect(us?.needs).toMatchObject({
      CPUS: 2 + 2 + 4,
      STATIC_ADDRESSES: 3,
      IN_USE_ADDRESSES: 3,
      DISKS_TOTAL_GB: 50 + 30 + 150,
    });
    expect(vcpusOf('n2-highmem-16')).toEqual({ vcpus: 16, known: true });
    expect(vcpusOf('e2-medium')).toEqual({ vcpus: 2, known: true });
    expect(vcpusOf('custom-6-23040')).toEqual({ vcpus: 6, known: true });
  });

  it('ORG-002 location values', () => {
    expect(locationAllowed('us-central1', ['in:us-locations'])).toBe(true);
    expect(locationAllowed('us-central1', ['in:europe-locations'])).toBe(false);
    expect(locationAllowed('europe-west1', ['in:eu-locations'])).toBe(true);
    expect(locationAllowed('asia-east1', ['asia-east1'])).toBe(true);
    expect(locationAllowed('us-east4', ['in:us-east4-locations'])).toBe(true);
  });
});
