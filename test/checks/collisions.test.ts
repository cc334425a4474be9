import { createGcp, type Gcp } from '../../shared/gcp/index.js';
import { RecordingLogger } from '../../shared/logger.js';
import type { CheckResult } from '../../shared/report/model.js';
import { configFromText } from '../../shared/config/parse.js';
import {
  CollisionApis,
  findCollisions,
  plannedResources,
  stateView,
} from '../../shared/terraform/collisions.js';
import { scenarioConfig } from '../../sandbox/scenarios/config.js';
import { HEALTHY } from '../../sandbox/scenario.js';
import { stringify } from 'yaml';
import { runValidate, scenarioRun } from '../validate/helpers.js';
import { main as pipeline } from '../../actions/pipeline/main.js';
import { realClock } from '../../shared/clock.js';
import { testIO } from '../create/helpers.js';

/**
 * STATE-006 against the sandbox: what a person (or an earlier attempt) made by hand through the Google APIs, with
 * no Terraform state, is named with the exact `terraform import` address and ID; the preflight tries no write.
 */

const P = 'acme-gitspaces';
const WD = '.gitspaces/terraform';

async function byHand(gcp: Gcp, what: string): Promise<void> {
  const compute = (path: string, body: unknown) =>
    gcp.rest.post('compute', `/compute/v1/projects/${P}/${path}`, body);
  if (what === 'zone')
    await gcp.rest.post('cloudDns', `/dns/v1/projects/${P}/managedZones`, {
      name: 'gitspaces-acme-dev',
      dnsName: 'gitspaces.acme.dev.',
      description: 'made by hand',
    });
  if (what === 'vpc')
    await compute('global/networks', { name: 'gitspaces-network', autoCreateSubnetworks: false });
  if (what === 'service account')
    await gcp.rest.post('iam', `/v1/projects/${P}/serviceAccounts`, { accountId: 'gitspaces-sa' });
  if (what === 'address') {
    await compute('regions/us-central1/addresses', { name: 'gitspaces-us-central1-alb-ip' });
    await compute('regions/us-central1/forwardingRules', {
      name: 'old-frontend',
      IPAddress: `projects/${P}/regions/us-central1/addresses/gitspaces-us-central1-alb-ip`,
      portRange: '443',
    });
  }
}

const CASES: [string, { observed: string; command: string }][] = [
  [
    'zone',
    {
      observed: 'Cloud DNS zone gitspaces-acme-dev (global)',
      command: `terraform -chdir=${WD} import 'module.gitspaces.module.domain[0].google_dns_managed_zone.default' 'projects/${P}/managedZones/gitspaces-acme-dev'`,
    },
  ],
  [
    'vpc',
    {
      observed: 'VPC network gitspaces-network (global)',
      command: `terraform -chdir=${WD} import 'module.gitspaces.module.infra.google_compute_network.vpc_network' 'projects/${P}/global/networks/gitspaces-network'`,
    },
  ],
  [
    'service account',
    {
      observed: `service account gitspaces-sa@${P}.iam.gserviceaccount.com (global)`,
      command: `terraform -chdir=${WD} import 'module.gitspaces.module.infra.google_service_account.provisioner' 'projects/${P}/serviceAccounts/gitspaces-sa@${P}.iam.gserviceaccount.com'`,
    },
  ],
  [
    'address',
    {
      observed: 'address gitspaces-us-central1-alb-ip (us-central1, in use by old-frontend)',
      command: `terraform -chdir=${WD} import 'module.gitspaces.module.infra.google_compute_address.alb_ip["us-central1"]' 'projects/${P}/regions/us-central1/addresses/gitspaces-us-central1-alb-ip'`,
    },
  ],
];

describe('STATE-006: what the module would create already exists, the state does not know it', () => {
  it.each(CASES)(
    'a %s made outside Terraform: the preflight fails naming it and its import command; tries no write',
    async (what, want) => {
      const s = await scenarioRun('healthy');
      const gcp = createGcp({ env: { ...s.env }, log: new RecordingLogger() });
      try {
        await byHand(gcp, what);
        const before = s.sb.journal.entries.length;
        const r = await runValidate(
          {
            config: s.configPath,
            'harness-api-key': s.sb.secrets.harnessApiKey,
            'report-path': `${s.dir}/report.json`,
          },
          s.env,
        );
        const failing = r.report.checks.filter((c) => c.status === 'error' || c.status === 'warn');
        expect(failing.map((c) => `${c.id} ${c.status}`)).toEqual(['STATE-006 error']);
        const c = failing[0] as CheckResult;
        expect(c.observed).toMatch(/^1 resource\(s\) the module would create exist but the state \(gs:\/\//);
        expect(c.observed).toContain(want.observed);
        expect(c.observed).toContain('Error 409 alreadyExists');
        expect(c.fix.split('\n')).toContain(want.command);
        expect(c.fix).toContain('import-existing: true');
        expect(r.result.exitCode).toBe(1);
        expect(r.log.annotations.map((a) => a.title?.split(' ')[0])).toContain('STATE-006');
        // Nothing created, nothing even tried: no write attempted in any emulator after the setup.
        expect(
          s.sb.journal.entries
            .slice(before)
            .filter((e) => e.attempted || e.mutating)
            .map((e) => `${e.service} ${e.method} ${e.path}`),
        ).toEqual([]);
      } finally {
        await gcp.close();
        await s.close();
      }
    },
    60_000,
  );

  it('the whole pipeline stops at validate on a leftover VPC: no write tried in Google, Harness or GitHub', async () => {
    const s = await scenarioRun('healthy');
    const gcp = createGcp({ env: { ...s.env }, log: new RecordingLogger() });
    try {
      await byHand(gcp, 'vpc');
      const before = s.sb.journal.entries.length;
      const t = testIO(
        {
          config: s.configPath,
          'harness-api-key': s.sb.secrets.harnessApiKey,
          'report-path': `${s.dir}/report.json`,
        },
        realClock,
        s.env,
      );
      const r = await pipeline(t.io);
      expect(r.phases.map((p) => `${p.name}:${p.status}`)).toEqual([
        'validate:failed',
        'configure:skipped',
        'apply:skipped',
        'install-runner:skipped',
        'create:skipped',
      ]);
      expect(t.log.text()).toContain(
        `terraform -chdir=${WD} import 'module.gitspaces.module.infra.google_compute_network.vpc_network' 'projects/${P}/global/networks/gitspaces-network'`,
      );
      expect(
        s.sb.journal.entries
          .slice(before)
          .filter((e) => e.attempted || e.mutating)
          .map((e) => `${e.service} ${e.method} ${e.path}`),
      ).toEqual([]);
    } finally {
      await gcp.close();
      await s.close();
    }
  }, 60_000);

  it('with import-existing: true it warns instead, saying terraform-apply imports them', async () => {
    const s = await scenarioRun('healthy');
    const gcp = createGcp({ env: { ...s.env }, log: new RecordingLogger() });
    try {
      await byHand(gcp, 'vpc');
      const r = await runValidate(
        {
          config: s.configPath,
          'harness-api-key': s.sb.secrets.harnessApiKey,
          'report-path': `${s.dir}/report.json`,
          'import-existing': 'true',
        },
        s.env,
      );
      const c = r.report.checks.find((x) => x.id === 'STATE-006') as CheckResult;
      expect({ status: c.status, says: c.observed.includes('terraform-apply imports them') }).toEqual({
        status: 'warn',
        says: true,
      });
      expect(r.result.exitCode).toBe(0);
    } finally {
      await gcp.close();
      await s.close();
    }
  }, 60_000);
});

describe('findCollisions', () => {
  const config = configFromText(stringify(scenarioConfig(HEALTHY)));
  const network = {
    collection: 'networks' as const,
    scope: 'global',
    name: 'gitspaces-network',
    labels: {},
    resource: {},
  };
  const template = {
    collection: 'instanceTemplates' as const,
    scope: 'regions/us-central1',
    name: 'gitspaces-us-central1-gateway-template-1-16-0-0a1b2c3d',
    labels: {},
    resource: {},
  };
  const apis: CollisionApis = {
    compute: {
      aggregatedList: async (_p, c) =>
        c === 'networks' ? [network] : c === 'instanceTemplates' ? [template] : [],
    },
    dns: { getManagedZone: async () => undefined, listRecordSets: async () => [] },
    certs: { listCertificates: async () => [], listDnsAuthorizations: async () => [] },
    iam: { getServiceAccount: async () => undefined },
  };
  const stateWith = (addresses: string[], names: string[] = []) => ({
    resources: [
      ...addresses.map((a) => ({
        module: 'module.gitspaces.module.infra',
        mode: 'managed',
        type: a.split('.')[0],
        name: a.split('.')[1],
        instances: [{ attributes: { name: names[0] } }],
      })),
    ],
  });

  it('a resource the state records is no collision; one it does not is, with its address and ID', async () => {
    const none = await findCollisions(config, apis, stateView(undefined));
    expect(none.collisions.map((c) => [c.address, c.importId])).toEqual([
      [
        'module.gitspaces.module.infra.google_compute_network.vpc_network',
        'projects/acme-gitspaces/global/networks/gitspaces-network',
      ],
    ]);
    expect(none.leftovers.map((l) => l.deleteCommand)).toEqual([
      `gcloud compute instance-templates delete ${template.name} --region=us-central1 --project=acme-gitspaces --quiet`,
    ]);
    const known = await findCollisions(
      config,
      apis,
      stateView(stateWith(['google_compute_network.vpc_network'], [template.name])),
    );
    expect(known).toEqual({ collisions: [], leftovers: [] });
  });

  it('names every resource the module creates under a fixed name, each with a provider import format', () => {
    const planned = plannedResources(config);
    expect(planned.length).toBe(new Set(planned.map((p) => p.address)).size);
    const ids = Object.fromEntries(
      planned.map((p) => [p.address.replace(/^module\.gitspaces\./, ''), p.importId]),
    );
    expect(ids).toMatchObject({
      'module.infra.module.cloud_router["us-central1"].google_compute_router_nat.nats["gitspaces-us-central1-gateway-nat"]':
        'acme-gitspaces/us-central1/gitspaces-us-central1-gateway-router/gitspaces-us-central1-gateway-nat',
      'module.infra.module.firewall_rules.google_compute_firewall.rules_ingress_egress["gitspaces-network-deny-all-ingress"]':
        'projects/acme-gitspaces/global/firewalls/gitspaces-network-deny-all-ingress',
      'module.infra.google_compute_instance.runner_vm[0]':
        'projects/acme-gitspaces/zones/us-central1-a/instances/gitspaces-us-central1-runner-vm',
      'module.domain[0].google_certificate_manager_certificate.default["us-central1"]':
        'projects/acme-gitspaces/locations/us-central1/certificates/gitspaces-us-central1-dns-cert',
      'module.infra.google_dns_record_set.alb_a["us-central1"]':
        'projects/acme-gitspaces/managedZones/gitspaces-acme-dev/rrsets/usc1.gitspaces.acme.dev./A',
    });
  });
});
