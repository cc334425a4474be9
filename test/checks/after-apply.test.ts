/** The after-apply gates (DNS-101, CERT-101 per region, NET-101) as terraform-apply runs them, in catalog order. */
import { FirewallRule, GateApis, GateInputs, runAfterApplyGates } from '../../shared/checks/after-apply.js';
import type { Certificate } from '../../shared/gcp/certmanager.js';
import type { ResourceRecordSet } from '../../shared/gcp/clouddns.js';
import { RemoteError } from '../../shared/errors.js';

const NS = ['ns-cloud-a1.googledomains.com.', 'ns-cloud-a2.googledomains.com.'];

/** Cloud DNS and Certificate Manager answering from tables, keyed like the module names things. */
const RULE = 'gitspaces-network-allow-all-ingress-gateway';
const restricted: FirewallRule = {
  name: RULE,
  sourceRanges: ['203.0.113.0/24', '34.5.6.7'],
  targetTags: ['gateway'],
};

function apis(
  records: ResourceRecordSet[],
  certs: Record<string, Certificate | Error>,
  firewall: FirewallRule | Error | null = restricted,
): GateApis {
  return {
    firewalls: {
      async getFirewall(_p, name) {
        if (firewall instanceof Error) throw firewall;
        return firewall && name === firewall.name ? firewall : undefined;
      },
    },
    dns: {
      listRecordSets: async (_p, _z, opts) =>
        records.filter((r) => r.name === opts?.name && r.type === opts?.type),
      getManagedZone: async (_p, zone) => ({ name: zone, dnsName: 'gitspaces.acme.dev.', nameServers: NS }),
    },
    certs: {
      async getCertificate(_p, location, name) {
        const c = certs[`${location}/${name}`];
        if (c instanceof Error) throw c;
        return c;
      },
    },
  };
}

const inputs = (over: Partial<GateInputs> = {}): GateInputs => ({
  project: 'acme-gitspaces',
  name: 'gitspaces',
  rootDomain: 'gitspaces.acme.dev',
  zoneName: 'gitspaces-acme-dev',
  manageDnsZone: true,
  useCertificateManager: true,
  regions: [
    { key: 'us-central1', domain: 'usc1.gitspaces.acme.dev', albIp: '34.1.2.3' },
    { key: 'europe-west1', domain: 'euw1.gitspaces.acme.dev', albIp: '34.9.8.7' },
  ],
  gateway: { whitelist: ['203.0.113.0/24'], allowPublic: false },
  now: () => 0,
  ...over,
});

const cert = (state: NonNullable<Certificate['managed']>['state']): Certificate => ({
  name: 'c',
  managed: {
    state,
    authorizationAttemptInfo: [{ domain: '*.euw1.gitspaces.acme.dev', state: 'AUTHORIZING' }],
  },
});

test('DNS-101 then CERT-101, per region: a wrong A record fails, a certificate still provisioning warns', async () => {
  const results = await runAfterApplyGates(
    apis(
      [
        { name: 'usc1.gitspaces.acme.dev.', type: 'A', ttl: 300, rrdatas: ['34.1.2.3'] },
        { name: 'euw1.gitspaces.acme.dev.', type: 'A', ttl: 300, rrdatas: ['34.1.1.1'] },
      ],
      {
        'us-central1/gitspaces-us-central1-dns-cert': cert('ACTIVE'),
        'europe-west1/gitspaces-europe-west1-dns-cert': cert('PROVISIONING'),
      },
    ),
    inputs(),
  );
  expect(results.map((r) => `${r.id} ${r.status} ${r.title}`)).toEqual([
    'DNS-101 ok usc1.gitspaces.acme.dev A record points at the us-central1 ALB',
    'DNS-101 error euw1.gitspaces.acme.dev A record points at the europe-west1 ALB',
    'CERT-101 ok certificate gitspaces-us-central1-dns-cert for usc1.gitspaces.acme.dev is ACTIVE',
    'CERT-101 warn certificate gitspaces-europe-west1-dns-cert for euw1.gitspaces.acme.dev is ACTIVE',
    `NET-101 ok firewall rule ${RULE} admits only the whitelisted ranges`,
  ]);
  expect(results[1]).toMatchObject({
    observed: 'A euw1.gitspaces.acme.dev. -> 34.1.1.1',
    expected: 'A euw1.gitspaces.acme.dev. -> 34.9.8.7',
    fix: expect.stringMatching(/^Re-run terraform-apply \(mode: apply\)/),
    docUrl: expect.stringMatching(/docs\/troubleshooting\.md#DNS-101$/),
  });
  expect(results[3]).toMatchObject({
    observed: 'PROVISIONING; *.euw1.gitspaces.acme.dev: AUTHORIZING',
    fix: expect.stringContaining(`set the NS records of gitspaces.acme.dev to ${NS.join(', ')}`),
    docUrl: expect.stringMatching(/docs\/troubleshooting\.md#CERT-101$/),
  });
});

test('without a managed zone both gates skip and say what to do by hand; an unreadable API is an error', async () => {
  const skipped = await runAfterApplyGates(
    apis([], {}),
    inputs({ manageDnsZone: false, regions: [inputs().regions[0]!] }),
  );
  expect(skipped.map((r) => `${r.id} ${r.status} ${r.observed}`)).toEqual([
    'DNS-101 skip manage_dns_zone is false',
    'CERT-101 skip manage_dns_zone is false',
    'NET-101 ok source ranges read from Compute: 203.0.113.0/24, 34.5.6.7',
  ]);
  expect(skipped[0]?.fix).toContain('create the A record usc1.gitspaces.acme.dev. -> 34.1.2.3');

  const denied = new RemoteError('certificateManager', 403, 'Permission denied on certificates.get');
  const failed = await runAfterApplyGates(
    apis([], { 'us-central1/gitspaces-us-central1-dns-cert': denied }),
    inputs({ regions: [inputs().regions[0]!] }),
  );
  expect(failed.map((r) => `${r.id} ${r.status}`)).toEqual(['DNS-101 error', 'CERT-101 error', 'NET-101 ok']);
  expect(failed[0]?.observed).toBe('no A record usc1.gitspaces.acme.dev. in zone gitspaces-acme-dev');
  expect(failed[1]).toMatchObject({
    observed: expect.stringMatching(/^Certificate Manager could not be read: /),
    fix: expect.stringContaining('roles/certificatemanager.viewer'),
  });
});

describe("NET-101: the gateways' firewall rule as Compute has it", () => {
  const net101 = async (firewall: FirewallRule | Error | null, gateway: GateInputs['gateway']) =>
    (
      await runAfterApplyGates(apis([], {}, firewall), inputs({ manageDnsZone: false, regions: [], gateway }))
    )[0];

  test('open to 0.0.0.0/0 without allow_public is an error naming what Compute holds', async () => {
    const r = await net101({ name: RULE, sourceRanges: ['0.0.0.0/0', '34.5.6.7'] }, { allowPublic: false });
    expect(r).toMatchObject({
      id: 'NET-101',
      status: 'error',
      observed: 'source ranges read from Compute: 0.0.0.0/0, 34.5.6.7: the gateways are open to the internet',
      expected: 'no 0.0.0.0/0',
      fix: expect.stringMatching(/whitelist_ip_ranges .* or set infrastructure\.gateway\.allow_public: true/),
      docUrl: expect.stringMatching(/docs\/troubleshooting\.md#NET-101$/),
    });
  });

  test('open with allow_public: true passes; a whitelisted range missing from the rule fails; no rule fails', async () => {
    expect((await net101({ name: RULE, sourceRanges: ['0.0.0.0/0'] }, { allowPublic: true }))?.status).toBe(
      'ok',
    );
    const drifted = await net101(
      { name: RULE, sourceRanges: ['198.51.100.0/24'] },
      { whitelist: ['203.0.113.0/24'], allowPublic: false },
    );
    expect(drifted?.status).toBe('error');
    expect(drifted?.observed).toBe(
      'source ranges read from Compute: 198.51.100.0/24: 203.0.113.0/24 missing',
    );
    const missing = await net101(null, { allowPublic: false });
    expect(missing?.observed).toBe(`no firewall rule ${RULE}`);
    const denied = await net101(new RemoteError('compute', 403, 'Required compute.firewalls.get'), {
      allowPublic: false,
    });
    expect(denied?.fix).toMatch(/compute\.firewalls\.get/);
  });
});

test('DNS-101 and CERT-101 read every region at once: one round trip however many regions', async () => {
  let inFlight = 0;
  let most = 0;
  /** A read that takes a turn of the event loop, counting how many are under way together. */
  const timed =
    <A extends unknown[], R>(f: (...a: A) => Promise<R>) =>
    async (...a: A): Promise<R> => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
      return f(...a);
    };
  const base = apis(
    [
      { name: 'usc1.gitspaces.acme.dev.', type: 'A', ttl: 300, rrdatas: ['34.1.2.3'] },
      { name: 'euw1.gitspaces.acme.dev.', type: 'A', ttl: 300, rrdatas: ['34.9.8.7'] },
    ],
    {
      'us-central1/gitspaces-us-central1-dns-cert': cert('ACTIVE'),
      'europe-west1/gitspaces-europe-west1-dns-cert': cert('ACTIVE'),
    },
  );
  const results = await runAfterApplyGates(
    {
      firewalls: { getFirewall: timed(base.firewalls.getFirewall) },
      dns: { ...base.dns, listRecordSets: timed(base.dns.listRecordSets) },
      certs: { getCertificate: timed(base.certs.getCertificate) },
    },
    inputs(),
  );
  expect(results.map((r) => `${r.id} ${r.status}`)).toEqual([
    'DNS-101 ok',
    'DNS-101 ok',
    'CERT-101 ok',
    'CERT-101 ok',
    'NET-101 ok',
  ]);
  // Two regions' A records, two certificates and the firewall rule: all five reads under way together.
  expect(most).toBe(5);
});
