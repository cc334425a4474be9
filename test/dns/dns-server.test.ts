import { Faults } from '../../sandbox/core/faults.js';
import { Journal } from '../../sandbox/core/journal.js';
import { startDnsServer, predictedNameServers } from '../../sandbox/dns/index.js';
import { loadScenario, DeepPartial, Scenario } from '../../sandbox/scenario.js';
import type { World } from '../../sandbox/world.js';
import { nameServersOf, nsTtl, queryDns } from '../../shared/dns/query.js';

interface Zone {
  name: string;
  dnsName: string;
  nameServers: string[];
}

/** A world with only what the DNS server reads; the GCP side is a small stand-in exposing the contract methods. */
function world(
  overrides: DeepPartial<Scenario>,
  zones: Zone[] = [],
  records: Record<string, { name: string; type: string; ttl: number; rrdatas: string[] }[]> = {},
): World {
  const scenario = loadScenario(overrides);
  return {
    scenario,
    journal: new Journal(),
    faults: new Faults(scenario.faults, scenario.seed),
    dir: '',
    urls: {},
    gcp: {
      keyFile: '',
      privateKeyPem: '',
      managedZones: () => zones,
      recordSets: (z: string) => records[z] ?? [],
    },
  } as unknown as World;
}

const ZONE: Zone = {
  name: 'gitspaces-acme-dev',
  dnsName: 'gitspaces.acme.dev.',
  nameServers: [
    'ns-cloud-c1.googledomains.com.',
    'ns-cloud-c2.googledomains.com.',
    'ns-cloud-c3.googledomains.com.',
    'ns-cloud-c4.googledomains.com.',
  ],
};
const RECORDS = {
  'gitspaces-acme-dev': [
    { name: 'usc1.gitspaces.acme.dev.', type: 'A', ttl: 300, rrdatas: ['34.1.2.3'] },
    { name: '*.usc1.gitspaces.acme.dev.', type: 'CNAME', ttl: 300, rrdatas: ['usc1.gitspaces.acme.dev.'] },
  ],
};

describe('sandbox DNS server', () => {
  it('answers over UDP and TCP on the same port, as the parent (referral) and from the Cloud DNS zone', async () => {
    const w = world({}, [ZONE], RECORDS);
    const srv = await startDnsServer(w);
    try {
      expect(w.urls.dns).toBe(`127.0.0.1:${srv.port}`);
      const server = w.urls.dns as string;
      const referral = await queryDns(server, 'gitspaces.acme.dev', 'NS', { recursionDesired: false });
      expect(referral.transport).toBe('udp');
      expect(referral.authoritative).toBe(false);
      expect(referral.answers).toEqual([]);
      expect(nameServersOf(referral, 'gitspaces.acme.dev')).toEqual(
        ZONE.nameServers.map((n) => n.replace(/\.$/, '')),
      );
      expect(nsTtl(referral, 'gitspaces.acme.dev')).toBe(300);

      const viaTcp = await queryDns(server, 'gitspaces.acme.dev', 'NS', {
        recursionDesired: false,
        tcp: true,
      });
      expect(viaTcp.transport).toBe('tcp');
      expect(nameServersOf(viaTcp, 'gitspaces.acme.dev')).toEqual(
        nameServersOf(referral, 'gitspaces.acme.dev'),
      );

      const a = await queryDns(server, 'usc1.gitspaces.acme.dev', 'A', { recursionDesired: false });
      expect(a.authoritative).toBe(true);
      expect(a.answers).toEqual([{ name: 'usc1.gitspaces.acme.dev', type: 'A', ttl: 300, data: '34.1.2.3' }]);

      const wild = await queryDns(server, 'abc.usc1.gitspaces.acme.dev', 'A', { recursionDesired: true });
      expect(wild.answers.map((r) => `${r.type} ${r.data}`)).toEqual([
        'CNAME usc1.gitspaces.acme.dev',
        'A 34.1.2.3',
      ]);

      const soa = await queryDns(server, 'acme.dev', 'SOA', { recursionDesired: false, tcp: true });
      expect(soa.answers[0]?.type).toBe('SOA');
      const missing = await queryDns(server, 'nothing.gitspaces.acme.dev', 'A', { recursionDesired: false });
      expect(missing.rcode).toBe('NXDOMAIN');
      expect(w.journal.entries.filter((e) => e.service === 'dns').length).toBeGreaterThanOrEqual(6);
      expect(w.journal.attempts()).toEqual([]);
    } finally {
      await srv.close();
    }
  });

  it('delegates to the predicted Cloud DNS name servers before the zone exists', async () => {
    const w = world({});
    const srv = await startDnsServer(w);
    try {
      const r = await queryDns(w.urls.dns as string, 'gitspaces.acme.dev', 'NS', { recursionDesired: false });
      expect(nameServersOf(r, 'gitspaces.acme.dev')).toEqual(
        predictedNameServers('gitspaces-acme-dev').map((n) => n.replace(/\.$/, '')),
      );
    } finally {
      await srv.close();
    }
  });

  it('a parent without delegation answers NXDOMAIN; a wrong delegation names the wrong servers', async () => {
    const none = world({ dns: { delegated: false, wrongNameServers: [] } }, [ZONE]);
    const wrong = world({ dns: { delegated: false, wrongNameServers: ['ns1.oldhost.net'] } }, [ZONE]);
    const [s1, s2] = [await startDnsServer(none), await startDnsServer(wrong)];
    try {
      expect(
        (await queryDns(none.urls.dns as string, 'gitspaces.acme.dev', 'NS', { recursionDesired: false }))
          .rcode,
      ).toBe('NXDOMAIN');
      const r = await queryDns(wrong.urls.dns as string, 'gitspaces.acme.dev', 'NS', {
        recursionDesired: false,
      });
      expect(nameServersOf(r, 'gitspaces.acme.dev')).toEqual(['ns1.oldhost.net']);
      // A resolver following the wrong delegation cannot resolve names in the zone.
      expect(
        (await queryDns(wrong.urls.dns as string, 'usc1.gitspaces.acme.dev', 'A', { recursionDesired: true }))
          .rcode,
      ).toBe('SERVFAIL');
    } finally {
      await Promise.all([s1.close(), s2.close()]);
    }
  });

  it('while resolvers are not updated, RD queries get the old answer with its TTL counting down and non-RD the new one', async () => {
    const w = world(
      {
        dns: {
          resolversUpdated: false,
          wrongNameServers: ['ns1.oldhost.net', 'ns2.oldhost.net'],
          ttlSeconds: 3600,
        },
      },
      [ZONE],
      RECORDS,
    );
    const srv = await startDnsServer(w);
    try {
      const server = w.urls.dns as string;
      const auth = await queryDns(server, 'gitspaces.acme.dev', 'NS', { recursionDesired: false });
      expect(nameServersOf(auth, 'gitspaces.acme.dev')).toHaveLength(4);
      const res = await queryDns(server, 'gitspaces.acme.dev', 'NS', { recursionDesired: true });
      expect(nameServersOf(res, 'gitspaces.acme.dev')).toEqual(['ns1.oldhost.net', 'ns2.oldhost.net']);
      const ttl = nsTtl(res, 'gitspaces.acme.dev') as number;
      expect(ttl).toBeGreaterThan(3500);
      expect(ttl).toBeLessThanOrEqual(3600);
    } finally {
      await srv.close();
    }
  });

  it('falls back to TCP when the UDP answer is truncated', async () => {
    const many = Array.from({ length: 40 }, (_, i) => `10.0.${Math.floor(i / 250)}.${i + 1}`);
    const w = world({}, [ZONE], {
      'gitspaces-acme-dev': [{ name: 'big.gitspaces.acme.dev.', type: 'A', ttl: 60, rrdatas: many }],
    });
    const srv = await startDnsServer(w);
    try {
      const r = await queryDns(w.urls.dns as string, 'big.gitspaces.acme.dev', 'A', {
        recursionDesired: false,
      });
      expect(r.transport).toBe('tcp');
      expect(r.answers).toHaveLength(40);
      expect(w.journal.entries.map((e) => e.query)).toEqual(['udp', 'tcp']);
    } finally {
      await srv.close();
    }
  });
});
