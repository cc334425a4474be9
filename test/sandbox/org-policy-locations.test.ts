import { startSandbox, type Sandbox } from '../../sandbox/index.js';

/**
 * gcp.resourceLocations in the emulators: Resource Manager returns the values as the policy holds them (groups not
 * expanded); Compute refuses a zonal or regional create outside them with Google's 412 conditionNotMet.
 */
/** The parts of a Compute answer these tests read: quotas, or Google's error body. */
type GoogleBody = {
  quotas?: { metric: string; limit: number; usage: number }[];
  listPolicy?: unknown;
  error: { message: string; errors: { reason: string }[] };
};

const project = 'acme-gitspaces';

describe('gcp.resourceLocations: Resource Manager and Compute', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox({
      scenario: {
        gcp: {
          operationMs: 0,
          orgPolicies: {
            resourceLocations: ['in:eu-locations'],
            resourceLocationsDenied: ['europe-west1-d'],
          },
          regions: {
            'europe-west2': {
              zones: ['europe-west2-a'],
              quotas: { STATIC_ADDRESSES: { limit: 8, usage: 0 } },
            },
          },
        },
      },
    });
  });
  afterAll(() => sb.stop());

  const call = async (base: string, path: string, body: unknown) => {
    const res = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${sb.env.GOOGLE_OAUTH_ACCESS_TOKEN}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as GoogleBody };
  };

  it('getEffectiveOrgPolicy answers allowed and denied values unexpanded', async () => {
    const r = await call(sb.urls.resourcemanager as string, `/v1/projects/${project}:getEffectiveOrgPolicy`, {
      constraint: 'constraints/gcp.resourceLocations',
    });
    expect(r.body.listPolicy).toEqual({
      allowedValues: ['in:eu-locations'],
      deniedValues: ['europe-west1-d'],
    });
  });

  it('Compute refuses an address in London (not in in:eu-locations) with 412 conditionNotMet, and allows Belgium', async () => {
    const cpath = `/compute/v1/projects/${project}`;
    const london = await call(sb.urls.compute as string, `${cpath}/regions/europe-west2/addresses`, {
      name: 'a1',
    });
    expect(london.status).toBe(412);
    expect(london.body.error.errors[0].reason).toBe('conditionNotMet');
    expect(london.body.error.message).toBe(
      `Location REGION:europe-west2 violates constraint constraints/gcp.resourceLocations on the resource projects/${project}/regions/europe-west2/addresses/a1.`,
    );
    const belgium = await call(sb.urls.compute as string, `${cpath}/regions/europe-west1/addresses`, {
      name: 'a2',
    });
    expect(belgium.status).toBe(200);
    const denied = await call(sb.urls.compute as string, `${cpath}/zones/europe-west1-d/disks`, {
      name: 'd1',
      sizeGb: '10',
    });
    expect(denied.status).toBe(412);
    expect(denied.body.error.message).toMatch(/^Location ZONE:europe-west1-d violates constraint/);
  });
});
