import { Sandbox, startSandbox } from '../../sandbox/index.js';

/**
 * The sandbox's holds (sandbox/core/holds.ts), which the interrupted-pipeline tests kill at: a held request gets
 * no answer until released; `request` holds it before the emulator acts, `response` after; `nth` counts matches.
 */
let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox();
});
afterAll(() => sb?.stop());

const TOKEN_ROUTE = /\/ng\/api\/delegate-token-ng$/;
function createToken(name: string): Promise<Response> {
  const account = sb.world.harness.accountId;
  return fetch(`${sb.urls.harness}/ng/api/delegate-token-ng?accountIdentifier=${account}&tokenName=${name}`, {
    method: 'POST',
    headers: { 'x-api-key': sb.secrets.harnessApiKey },
  });
}
const tokenNames = () => [...sb.world.harness.tokens.keys()].sort();
/** A whole other request answered by the same server: what a held request would have had time to get too. */
async function roundTrip(): Promise<void> {
  const account = sb.world.harness.accountId;
  const r = await fetch(`${sb.urls.harness}/ng/api/delegate-token-ng?accountIdentifier=${account}`, {
    headers: { 'x-api-key': sb.secrets.harnessApiKey },
  });
  expect(r.status).toBe(200);
}

test('a request hold: nothing done and no answer until released, then handled as usual', async () => {
  const hold = sb.holds.arm({ service: 'harness', method: 'POST', route: TOKEN_ROUTE, stage: 'request' });
  let answered = false;
  const res = createToken('held-before').then((r) => ((answered = true), r));
  expect(await hold.arrived).toEqual({
    service: 'harness',
    method: 'POST',
    path: '/ng/api/delegate-token-ng',
    stage: 'request',
  });
  await roundTrip();
  expect({ answered, tokens: tokenNames() }).toEqual({ answered: false, tokens: [] });
  hold.release();
  expect((await res).status).toBe(200);
  expect(tokenNames()).toEqual(['held-before']);
});

test('a response hold on the second match: the first passes, the second is done but unanswered', async () => {
  const hold = sb.holds.arm({
    service: 'harness',
    method: 'POST',
    route: TOKEN_ROUTE,
    nth: 2,
    stage: 'response',
  });
  expect((await createToken('first')).status).toBe(200);
  let answered = false;
  const res = createToken('second').then((r) => ((answered = true), r));
  await hold.arrived;
  await roundTrip();
  expect({ answered, tokens: tokenNames() }).toEqual({
    answered: false,
    tokens: ['first', 'held-before', 'second'],
  });
  hold.release();
  expect((await res).status).toBe(200);
  // A hold fires once: the next match goes straight through.
  expect((await createToken('third')).status).toBe(200);
});
