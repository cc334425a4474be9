import { Sandbox, startSandbox } from '../../sandbox/index.js';

interface Entry {
  service: string;
  method: string;
  path: string;
  mutating: boolean;
  attempted: boolean;
  status: number;
  requestBody?: unknown;
}

async function journal(
  sb: Sandbox,
  query = '',
): Promise<{ status: number; entries: Entry[]; body: unknown }> {
  const res = await fetch(`${sb.env.GITSPACES_SANDBOX_CONTROL_URL}/journal${query}`);
  const body = (await res.json()) as { entries?: Entry[] };
  return { status: res.status, entries: body.entries ?? [], body };
}

describe('the journal: attempted writes, and the control endpoint that serves it', () => {
  let sb: Sandbox;
  let comments: string;
  const github = (path: string, init: RequestInit = {}) =>
    fetch(`${sb.urls.github}${path}`, {
      ...init,
      headers: { authorization: `token ${sb.secrets.githubToken}`, 'content-type': 'application/json' },
    });
  beforeAll(async () => {
    sb = await startSandbox({
      scenario: { faults: [{ service: 'github', method: 'DELETE', rate: 1, kind: '5xx' }] },
    });
    comments = `/repos/${sb.scenario.github.repository}/issues/${sb.scenario.github.pullRequest}/comments`;
    expect((await github(comments)).status).toBe(200);
    // A write that succeeds, one the API refuses (422: no body), and one that fails (injected 503).
    expect((await github(comments, { method: 'POST', body: JSON.stringify({ body: 'hello' }) })).status).toBe(
      201,
    );
    expect((await github(comments, { method: 'POST', body: JSON.stringify({}) })).status).toBe(422);
    expect(
      (await github(`/repos/${sb.scenario.github.repository}/issues/comments/1`, { method: 'DELETE' }))
        .status,
    ).toBe(503);
  });
  afterAll(() => sb?.stop());

  it('records a refused or failed write as attempted, and only a successful one as mutating', () => {
    const line = (e: Entry) => `${e.method} ${e.status}`;
    expect(sb.journal.mutations('github').map(line)).toEqual(['POST 201']);
    expect(sb.journal.attempts('github').map(line)).toEqual(['POST 201', 'POST 422', 'DELETE 503']);
    expect(sb.journal.attempts('compute')).toEqual([]);
  });

  it('does not count the POSTs Google documents as reads', async () => {
    const res = await fetch(
      `${sb.urls.resourcemanager}/v1/projects/${sb.scenario.gcp.projectId}:getIamPolicy`,
      {
        method: 'POST',
        headers: { authorization: 'Bearer not-a-token' },
      },
    );
    expect(res.status).toBe(401);
    const last = sb.journal.entries.at(-1);
    expect(last).toMatchObject({ service: 'resourcemanager', method: 'POST', status: 401, attempted: false });
  });

  it('is printed as GITSPACES_SANDBOX_CONTROL_URL and answers GET /journal with every entry', async () => {
    expect(sb.env.GITSPACES_SANDBOX_CONTROL_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const all = await journal(sb);
    expect(all.status).toBe(200);
    const gh = all.entries.filter((e) => e.service === 'github');
    expect(gh.map((e) => `${e.method} ${e.status} mutating=${e.mutating} attempted=${e.attempted}`)).toEqual([
      'GET 200 mutating=false attempted=false',
      'POST 201 mutating=true attempted=true',
      'POST 422 mutating=false attempted=true',
      'DELETE 503 mutating=false attempted=true',
    ]);
    expect(gh[0]).toMatchObject({ path: comments });
    // Bodies stay out: a token exchange's form carries a signed assertion.
    expect(all.entries.some((e) => 'requestBody' in e)).toBe(false);
  });

  it('filters with mutating=true, attempted=true and service', async () => {
    const mutating = await journal(sb, '?mutating=true');
    expect(mutating.entries.map((e) => `${e.service} ${e.method} ${e.status}`)).toEqual(['github POST 201']);
    const attempted = await journal(sb, '?attempted=true&service=github');
    expect(attempted.entries.map((e) => `${e.method} ${e.status}`)).toEqual([
      'POST 201',
      'POST 422',
      'DELETE 503',
    ]);
  });

  it('refuses what it does not serve, naming the fix', async () => {
    expect(await journal(sb, '?mutating=yes')).toMatchObject({
      status: 400,
      body: { error: 'Invalid mutating=yes: use mutating=true or mutating=false' },
    });
    expect(await journal(sb, '?since=3')).toMatchObject({ status: 400 });
    const other = await fetch(`${sb.env.GITSPACES_SANDBOX_CONTROL_URL}/reset`, { method: 'POST' });
    expect(other.status).toBe(404);
  });
});
