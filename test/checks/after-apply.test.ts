/** The after-apply gates (DNS-101, CERT-101) as terraform-apply runs them: one result per region, in catalog order. */
import { GateApis, GateInputs, runAfterApplyGates } from '../../shared/checks/after-apply.js';
import type { Certificate } from '../../shared/gcp/certmanager.js';
import type { ResourceRecordSet } from '../../shared/gcp/clouddns.js';
import { RemoteError } from '../../shared/errors.js';

const NS = ['ns-cloud-a1.googledomains.com.', 'ns-cloud-a2.googledomains.com.'];

/** Cloud DNS and Certificate Manager answering from tables, keyed like the module names things. */
function apis(records: ResourceRecordSet[], certs: Record<string, Certificate | Error>): GateApis {
  return {
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
  ]);
  expect(skipped[0]?.fix).toContain('create the A record usc1.gitspaces.acme.dev. -> 34.1.2.3');

  const denied = new RemoteError('certificateManager', 403, 'Permission denied on certificates.get');
  const failed = await runAfterApplyGates(
    apis([], { 'us-central1/gitspaces-us-central1-dns-cert': denied }),
    inputs({ regions: [inputs().regions[0]!] }),
  );
  expect(failed.map((r) => `${r.id} ${r.status}`)).toEqual(['DNS-101 error', 'CERT-101 error']);
  expect(failed[0]?.observed).toBe('no A record usc1.gitspaces.acme.dev. in zone gitspaces-acme-dev');
  expect(failed[1]).toMatchObject({
    observed: expect.stringMatching(/^Certificate Manager could not be read: /),
    fix: expect.stringContaining('roles/certificatemanager.viewer'),
  });
});
