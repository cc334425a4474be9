import { certGate, type GateApis, type GateInputs } from '../../actions/terraform-apply/gates.js';
import type { Certificate } from '../../shared/gcp/certmanager.js';

/** CERT-101 after apply, one outcome per certificate state (the sandbox run in pipeline.test.ts sees ACTIVE). */
const inputs: GateInputs = {
  project: 'acme-gitspaces',
  name: 'gitspaces',
  rootDomain: 'gitspaces.acme.dev',
  zoneName: 'gitspaces-acme-dev',
  manageDnsZone: true,
  useCertificateManager: true,
  regions: [{ key: 'us-central1', domain: 'usc1.gitspaces.acme.dev', albIp: '34.1.2.3' }],
  now: () => 0,
};

function apis(cert: Certificate | undefined): GateApis & { certsAsked: string[] } {
  const certsAsked: string[] = [];
  return {
    certsAsked,
    dns: {
      listRecordSets: async () => [],
      getManagedZone: async (_p, zone) => ({
        name: zone,
        dnsName: 'gitspaces.acme.dev.',
        nameServers: ['ns-cloud-a1.googledomains.com.', 'ns-cloud-a2.googledomains.com.'],
      }),
    },
    certs: {
      getCertificate: async (project, location, name) => {
        certsAsked.push(`${project}/${location}/${name}`);
        return cert;
      },
    },
  };
}

const certificate = (state: NonNullable<Certificate['managed']>['state']): Certificate => ({
  name: 'projects/acme-gitspaces/locations/us-central1/certificates/gitspaces-us-central1-dns-cert',
  managed: { domains: ['usc1.gitspaces.acme.dev', '*.usc1.gitspaces.acme.dev'], state },
});

test('ACTIVE is ok; the certificate is read in its region', async () => {
  const a = apis(certificate('ACTIVE'));
  const [c] = await certGate(a, inputs);
  expect({ id: c?.id, status: c?.status, observed: c?.observed }).toEqual({
    id: 'CERT-101',
    status: 'ok',
    observed: 'ACTIVE',
  });
  expect(a.certsAsked).toEqual(['acme-gitspaces/us-central1/gitspaces-us-central1-dns-cert']);
});

test('PROVISIONING (domain not delegated yet) is a warning that names the name servers to set', async () => {
  const [c] = await certGate(apis(certificate('PROVISIONING')), inputs);
  expect(c?.status).toBe('warn');
  expect(c?.fix).toContain(
    'set the NS records of gitspaces.acme.dev to ns-cloud-a1.googledomains.com., ns-cloud-a2.googledomains.com.',
  );
});

test('FAILED and a missing certificate are errors', async () => {
  expect((await certGate(apis(certificate('FAILED')), inputs)).map((c) => [c.status, c.observed])).toEqual([
    ['error', 'FAILED'],
  ]);
  expect((await certGate(apis(undefined), inputs)).map((c) => [c.status, c.observed])).toEqual([
    ['error', 'the certificate does not exist'],
  ]);
});
