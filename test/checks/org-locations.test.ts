import { join } from 'node:path';
import { locationAllowedBy, valueCovers } from '../../shared/gcp/location-groups.js';
import { runValidate, scenarioRun } from '../validate/helpers.js';

/**
 * gcp.resourceLocations as Google defines its values
 * (cloud.google.com/resource-manager/docs/organization-policy/defining-locations): value groups, in:<region>-locations,
 * and plain values that do not imply their sub-locations.
 */
describe('gcp.resourceLocations value groups', () => {
  it('in:eu-locations holds EU member states only: not London (europe-west2) or Zürich (europe-west6)', () => {
    for (const r of [
      'europe-west1',
      'europe-west3',
      'europe-west4',
      'europe-west9',
      'europe-north1',
      'europe-central2',
    ])
      expect({ r, m: valueCovers('in:eu-locations', r) }).toEqual({ r, m: 'yes' });
    expect(valueCovers('in:eu-locations', 'europe-west2')).toBe('no');
    expect(valueCovers('in:eu-locations', 'europe-west6-a')).toBe('no');
    expect(valueCovers('in:europe-locations', 'europe-west2')).toBe('yes');
    expect(valueCovers('in:europe-locations', 'europe-west6-b')).toBe('yes');
    expect(valueCovers('in:northamerica-locations', 'us-east4')).toBe('yes');
    expect(valueCovers('in:us-locations', 'northamerica-northeast1')).toBe('no');
  });

  it('a plain region allows that region only, not its zones; in:<region>-locations allows both', () => {
    expect(valueCovers('us-central1', 'us-central1')).toBe('yes');
    expect(valueCovers('us-central1', 'us-central1-a')).toBe('no');
    expect(valueCovers('in:us-central1-locations', 'us-central1-a')).toBe('yes');
    expect(valueCovers('in:us-central1-locations', 'us-central2')).toBe('no');
    // A multi-region value (`in:us` is not a group, `us` the multi-region itself) holds no region.
    expect(valueCovers('us', 'us-central1')).toBe('no');
  });

  it('a group this table does not encode is unknown, never guessed; a denied value wins over an allowed group', () => {
    expect(locationAllowedBy({ allowedValues: ['in:low-carbon-locations'] }, 'europe-west1')).toEqual({
      allowed: 'unknown',
      unknown: ['in:low-carbon-locations'],
    });
    expect(
      locationAllowedBy(
        { allowedValues: ['in:europe-locations'], deniedValues: ['in:europe-west1-locations'] },
        'europe-west1-b',
      ),
    ).toEqual({ allowed: 'no', unknown: [] });
  });

  async function org002(scenario: Record<string, unknown>) {
    const s = await scenarioRun(scenario as never);
    try {
      const r = await runValidate(
        {
          config: s.configPath,
          'harness-api-key': s.sb.secrets.harnessApiKey,
          'report-path': join(s.dir, 'r.json'),
        },
        s.env,
      );
      return r.report.checks.find((c) => c.id === 'ORG-002');
    } finally {
      await s.close();
    }
  }

  const london = {
    infrastructure: {
      regions: {
        'us-central1': undefined,
        'europe-west2': { default_subnet_ip_range: '10.6.0.0/16', proxy_subnet_ip_range: '10.3.0.0/26' },
      },
      runner: { region: 'europe-west2', zone: 'europe-west2-a' },
    },
    machines: [
      { name: 'standard', region: 'europe-west2', zone: 'europe-west2-b', machine_type: 'e2-standard-4' },
    ],
  };

  it('ORG-002 fails a London setup under in:eu-locations, naming the region and each zone', async () => {
    const r = await org002({
      config: london,
      gcp: { orgPolicies: { resourceLocations: ['in:eu-locations'] } },
    });
    expect(r?.status).toBe('error');
    expect(r?.observed).toBe(
      'europe-west2 (regional resources), europe-west2-a (the runner VM), europe-west2-b (machine standard) not allowed (allowed: in:eu-locations)',
    );
  });

  it('ORG-002 passes the same setup under in:europe-locations', async () => {
    const r = await org002({
      config: london,
      gcp: { orgPolicies: { resourceLocations: ['in:europe-locations'] } },
    });
    expect(r?.status).toBe('ok');
  });

  it('ORG-002 fails a policy that names the region but not its zones: the runner VM and machines are zonal', async () => {
    const r = await org002({ gcp: { orgPolicies: { resourceLocations: ['us-central1'] } } });
    expect(r?.status).toBe('error');
    expect(r?.observed).toMatch(/^us-central1-a \(the runner VM\) not allowed/);
    expect(r?.fix).toMatch(/a plain region name does not allow its zones/);
  });

  it('ORG-002 warns, with the evidence, when an unencoded value group decides', async () => {
    const r = await org002({ gcp: { orgPolicies: { resourceLocations: ['in:low-carbon-locations'] } } });
    expect(r?.status).toBe('warn');
    expect(r?.observed).toMatch(
      /decided by the value group\(s\) in:low-carbon-locations, which this check does not encode/,
    );
    expect(r?.fix).toMatch(/defining-locations#value_groups/);
  });
});
