import { TestWorld, startTestHarness } from './world.js';

/**
 * The delegate token's value read back (GET /ng/api/delegate-token-ng?name=..., as terraform-provider-harness
 * reads it), answered only to a key that may edit delegates: sandbox/harness/token-listing.ts cites the sources.
 */
describe('delegate token readback', () => {
  let t: TestWorld;
  afterEach(() => t?.stop());

  const ng = async (method: string, query: Record<string, string>) => {
    const q = new URLSearchParams({ accountIdentifier: t.harness.accountId, ...query });
    const res = await fetch(`${t.url}/ng/api/delegate-token-ng?${q}`, {
      method,
      headers: { 'x-api-key': t.harness.apiKey },
    });
    return {
      status: res.status,
      body: (await res.json()) as { resource: { name: string; value?: string }[] },
    };
  };

  it('answers the value to a key that may edit delegates, by name and in the list', async () => {
    t = await startTestHarness({ harness: { keyScope: 'account' } });
    const created = await ng('POST', { tokenName: 'gitspaces-delegate-token' });
    const value = (created.body.resource as unknown as { value: string }).value;
    expect(value).toMatch(/^[A-Za-z0-9+/]+=*$/);
    const byName = await ng('GET', { name: 'gitspaces-delegate-token' });
    expect(byName.status).toBe(200);
    expect(byName.body.resource).toEqual([
      expect.objectContaining({ name: 'gitspaces-delegate-token', value }),
    ]);
    expect((await ng('GET', {})).body.resource.map((r) => r.value)).toEqual([value]);
    expect((await ng('GET', { name: 'other-token' })).body.resource).toEqual([]);
  });

  it('keeps the value from a key that may not edit delegates, even by name', async () => {
    t = await startTestHarness({ harness: { keyScope: 'project' } });
    await ng('POST', { tokenName: 'gitspaces-delegate-token' });
    const byName = await ng('GET', { name: 'gitspaces-delegate-token' });
    expect(byName.body.resource).toHaveLength(1);
    expect(byName.body.resource[0]).toMatchObject({ name: 'gitspaces-delegate-token', status: 'ACTIVE' });
    expect(byName.body.resource[0]?.value).toBeUndefined();
  });
});
