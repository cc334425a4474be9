import type { Router } from '../../core/http.js';
import type { World } from '../../world.js';
import { NG_PREFIX, ngError, rest } from '../api.js';
import { HarnessModel, randomChars } from '../model.js';
import { delegateTokenAsListed } from '../token-listing.js';
import { randomBytes } from 'node:crypto';

/** NG delegate tokens: list, create, revoke, and the delegate groups that connected with one. */
export function delegateTokenRoutes(r: Router, world: World): void {
  const m = world.harness as HarnessModel;
  // getDelegateTokens: the value only to a key that may edit delegates (token-listing.ts says where from).
  r.get(`${NG_PREFIX}/delegate-token-ng`, (req) => {
    const name = req.query.get('name');
    const status = req.query.get('status');
    const list = [...m.tokens.values()]
      .map((t) => delegateTokenAsListed(t.details, world.scenario.harness.keyScope))
      .filter((t) => (!name || t.name === name) && (!status || t.status === status));
    return rest(list);
  });
  r.post(`${NG_PREFIX}/delegate-token-ng`, (req) => {
    const name = req.query.get('tokenName') as string;
    if (m.tokens.has(name))
      return ngError(
        400,
        'INVALID_REQUEST',
        `Token with given name ${name} already exists for this account.`,
      );
    const details = {
      uuid: randomChars(22),
      accountId: m.accountId,
      name,
      createdBy: { type: 'API_KEY', name: 'sandbox' },
      createdAt: m.now(),
      status: 'ACTIVE' as const,
      value: Buffer.from(randomBytes(16).toString('hex')).toString('base64'),
    };
    m.tokens.set(name, { details });
    return rest(details);
  });
  r.put(`${NG_PREFIX}/delegate-token-ng`, (req) => {
    const name = req.query.get('tokenName') as string;
    const t = m.tokens.get(name);
    if (!t) return ngError(404, 'RESOURCE_NOT_FOUND', `Delegate token ${name} not found`);
    t.details.status = 'REVOKED';
    return rest({ ...t.details, value: undefined });
  });
  r.get(`${NG_PREFIX}/delegate-token-ng/delegate-groups`, (req) =>
    rest({ delegateGroupDetails: m.delegateGroups(req.query.get('delegateTokenName') as string) }),
  );
}
