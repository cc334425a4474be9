import { TestWorld, startTestHarness } from './world.js';

/**
 * The delegate token's value read back by name, as Harness documents it (DelegateTokenDetails.value: "only
 * populated when fetching delegate token by name or the user has edit delegate permission") and as
 * terraform-provider-harness reads it (GET /ng/api/delegate-token-ng?name=...).
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

  it.each(['account', 'project'] as const)(
    'answers the value to a fetch by name (%s-scoped key)',
    async (keyScope) => {
      t = await startTestHarness({ harness: { keyScope } });
      const created = await ng('POST', { tokenName: 'gitspaces-delegate-token' });
      const value = (created.body.resource as unknown as { value: string }).value;
      expect(value).toMatch(/^[A-Za-z0-9+/]+=*$/);
      const byName = await ng('GET', { name: 'gitspaces-delegate-token' });
      expect(byName.status).toBe(200);
      expect(byName.body.resource).toEqual([
        expect.objectContaining({ name: 'gitspaces-delegate-token', value }),
      ]);
      expect((await ng('GET', { name: 'other-token' })).body.resource).toEqual([]);
    },
  );

  it('answers the value in a list without name only to a key with edit delegate permission', async () => {
    t = await startTestHarness({ harness: { keyScope: 'project' } });
    await ng('POST', { tokenName: 'gitspaces-delegate-token' });
    const list = await ng('GET', {});
    expect(list.body.resource).toHaveLength(1);
    expect(list.body.resource[0]?.value).toBeUndefined();
    await t.stop();

    t = await startTestHarness({ harness: { keyScope: 'account' } });
    const created = await ng('POST', { tokenName: 'gitspaces-delegate-token' });
    const all = await ng('GET', {});
    expect(all.body.resource.map((r) => r.value)).toEqual([
      (created.body.resource as unknown as { value: string }).value,
    ]);
  });
});
