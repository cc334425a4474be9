import type { GitspacesConfig } from '../../shared/config/schema.js';
import { RemoteError } from '../../shared/errors.js';
import type { DelegateTokenDetails } from '../../shared/harness/types.js';
import { RecordingLogger } from '../../shared/logger.js';
import { ensureDelegateToken, isBundleToken } from '../../shared/runner/delegate-token.js';
import { parseProgress } from '../../shared/checks/after-install.js';
import { exampleConfig } from './helpers.js';

/** Harness's delegate tokens as install-runner sees them; `readable: false` is a key without delegate edit. */
function tokensApi(tokens: DelegateTokenDetails[], readable = true) {
  const created: string[] = [];
  return {
    created,
    getDelegateToken: async (name: string) => {
      const t = tokens.find((x) => x.name === name);
      return t && { ...t, value: readable ? t.value : undefined };
    },
    createDelegateToken: async (name: string) => {
      created.push(name);
      const t: DelegateTokenDetails = { name, status: 'ACTIVE', createdAt: 1, value: `value-of-${name}` };
      tokens.push(t);
      return t;
    },
  };
}

const noCopy = parseProgress({});
const hasCopy = parseProgress({ 'gitspaces/secrets-on-disk': 'true' });
const withTokenName = (name: string): GitspacesConfig => {
  const c = exampleConfig();
  return { ...c, delegate: { ...c.delegate, token_name: name } };
};

test('the naming rule: tokens named gitspaces-* are the bundle’s, others are the user’s', () => {
  expect(isBundleToken('gitspaces-delegate-token')).toBe(true);
  expect(isBundleToken('gitspaces-eu')).toBe(true);
  expect(isBundleToken('prod-delegates')).toBe(false);
  expect(isBundleToken('gitspaces')).toBe(false);
});

test('an existing token is reused and its value read back when the VM has no copy; nothing is created', async () => {
  const api = tokensApi([
    { name: 'gitspaces-delegate-token', status: 'ACTIVE', createdAt: 5, value: 's3cret' },
  ]);
  const log = new RecordingLogger();
  const use = await ensureDelegateToken(api, exampleConfig(), log, noCopy, undefined);
  expect(use).toEqual({ identity: 'gitspaces-delegate-token@5', created: false, value: 's3cret' });
  expect(api.created).toEqual([]);
  expect(log.masks.has('s3cret')).toBe(true);
});

test('a VM that holds the token is not sent its value again', async () => {
  const api = tokensApi([
    { name: 'gitspaces-delegate-token', status: 'ACTIVE', createdAt: 5, value: 's3cret' },
  ]);
  const use = await ensureDelegateToken(api, exampleConfig(), new RecordingLogger(), hasCopy, undefined);
  expect(use.value).toBeUndefined();
});

test('a key that may not read the value is told to get delegate edit, not to make a second token', async () => {
  const api = tokensApi([{ name: 'gitspaces-delegate-token', status: 'ACTIVE', value: 's3cret' }], false);
  const err = await ensureDelegateToken(api, exampleConfig(), new RecordingLogger(), noCopy, undefined).catch(
    (e: unknown) => e,
  );
  expect(err).toMatchObject({
    code: 'DELEGATE_TOKEN_VALUE_UNAVAILABLE',
    fix: expect.stringContaining('Delegate Create/Edit permission'),
  });
  expect((err as { fix: string }).fix).not.toContain('new name');
  expect(api.created).toEqual([]);
});

test('a missing token is created under a bundle name, and refused under any other', async () => {
  const ours = tokensApi([]);
  const use = await ensureDelegateToken(ours, exampleConfig(), new RecordingLogger(), noCopy, undefined);
  expect(use).toMatchObject({ created: true, value: 'value-of-gitspaces-delegate-token' });

  const theirs = tokensApi([]);
  await expect(
    ensureDelegateToken(theirs, withTokenName('prod-delegates'), new RecordingLogger(), noCopy, undefined),
  ).rejects.toMatchObject({
    code: 'DELEGATE_TOKEN_NOT_FOUND',
    message: expect.stringContaining('prod-delegates does not exist'),
  });
  expect(theirs.created).toEqual([]);
});

test('a user’s own existing token is used with the value given as input', async () => {
  const api = tokensApi([{ name: 'prod-delegates', status: 'ACTIVE' }], false);
  const use = await ensureDelegateToken(
    api,
    withTokenName('prod-delegates'),
    new RecordingLogger(),
    noCopy,
    'given',
  );
  expect(use).toMatchObject({ created: false, value: 'given' });
});

test('a revoked token is refused with a new bundle name as the fix', async () => {
  const api = tokensApi([{ name: 'gitspaces-delegate-token', status: 'REVOKED' }]);
  await expect(
    ensureDelegateToken(api, exampleConfig(), new RecordingLogger(), noCopy, undefined),
  ).rejects.toMatchObject({ code: 'DELEGATE_TOKEN_REVOKED', fix: expect.stringContaining('gitspaces-') });
  expect(api.created).toEqual([]);
});

test('a create that answers 503 after it was applied is read back, not repeated', async () => {
  const tokens: DelegateTokenDetails[] = [];
  const api = tokensApi(tokens);
  const create = api.createDelegateToken;
  api.createDelegateToken = async (name: string) => {
    await create(name);
    throw new RemoteError(
      'harness',
      503,
      'Harness API POST /ng/api/delegate-token-ng answered 503: unavailable',
    );
  };
  const log = new RecordingLogger();
  const use = await ensureDelegateToken(api, exampleConfig(), log, noCopy, undefined);
  expect(use).toMatchObject({ created: true, value: 'value-of-gitspaces-delegate-token' });
  expect(api.created).toEqual(['gitspaces-delegate-token']);
  expect(log.text()).toContain('but it was applied: token read back');

  // Not applied: the error stands.
  const none = tokensApi([]);
  none.createDelegateToken = async () => {
    throw new RemoteError('harness', 503, 'unavailable');
  };
  await expect(
    ensureDelegateToken(none, exampleConfig(), new RecordingLogger(), noCopy, undefined),
  ).rejects.toMatchObject({ status: 503 });
});

test('a create that answers 503 or drops before it was applied is read back, then sent again', async () => {
  const tokens: DelegateTokenDetails[] = [];
  const api = tokensApi(tokens);
  const create = api.createDelegateToken;
  const failures = [
    new RemoteError('harness', 503, 'Harness API POST /ng/api/delegate-token-ng answered 503: unavailable'),
    new RemoteError(
      'harness',
      0,
      'Cannot reach Harness at 127.0.0.1:1 (POST /ng/api/delegate-token-ng): ECONNRESET',
    ),
  ];
  let tries = 0;
  api.createDelegateToken = async (name: string) => {
    tries++;
    const f = failures.shift();
    if (f) throw f;
    return create(name);
  };
  const log = new RecordingLogger();
  const use = await ensureDelegateToken(api, exampleConfig(), log, noCopy, undefined);
  expect(use).toMatchObject({ created: true, value: 'value-of-gitspaces-delegate-token' });
  expect(tries).toBe(3);
  expect(tokens.map((t) => t.name)).toEqual(['gitspaces-delegate-token']);
  expect(log.text()).toContain('and was not applied; creating it again');
  expect(log.masks.has('value-of-gitspaces-delegate-token')).toBe(true);
});
