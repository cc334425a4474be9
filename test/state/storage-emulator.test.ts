/**
 * The emulated Cloud Storage answers as the JSON API does: preconditions (the gcs backend's lock), versioning,
 * listing with prefix/delimiter/pagination, bucket defaults and IAM, Google's error bodies.
 */
import { Sandbox, startSandbox } from '../../sandbox/index.js';

let sb: Sandbox;
let base: string;
let auth: Record<string, string>;
const BUCKET = 'acme-gitspaces-gitspaces-tfstate';

beforeAll(async () => {
  sb = await startSandbox();
  base = sb.urls.storage as string;
  auth = { authorization: `Bearer ${sb.env.GOOGLE_OAUTH_ACCESS_TOKEN}` };
});
afterAll(() => sb.stop());

async function call(method: string, path: string, body?: string, headers: Record<string, string> = {}) {
  const res = await fetch(base + path, { method, headers: { ...auth, ...headers }, body });
  const text = await res.text();
  let json: Record<string, unknown> | undefined;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = undefined;
  }
  return { status: res.status, text, json, headers: res.headers };
}

const upload = (name: string, data: string, query = '') =>
  call(
    'POST',
    `/upload/storage/v1/b/${BUCKET}/o?uploadType=media&name=${encodeURIComponent(name)}${query}`,
    data,
    { 'content-type': 'text/plain' },
  );

describe('Cloud Storage emulator', () => {
  it('takes a lock with ifGenerationMatch=0 once; a second writer gets 412 conditionNotMet', async () => {
    const first = await upload('locks/a.tflock', '{"ID":"1"}', '&ifGenerationMatch=0');
    expect(first.status).toBe(200);
    const second = await upload('locks/a.tflock', '{"ID":"2"}', '&ifGenerationMatch=0');
    expect(second.status).toBe(412);
    expect(second.json).toEqual({
      error: {
        code: 412,
        message: 'At least one of the pre-conditions you specified did not hold.',
        errors: [
          {
            message: 'At least one of the pre-conditions you specified did not hold.',
            domain: 'global',
            reason: 'conditionNotMet',
            locationType: 'header',
            location: 'If-Match',
          },
        ],
      },
    });
    // Unlock: delete only that generation; a wrong generation is refused.
    const gen = String(first.json?.generation);
    const wrong = await call('DELETE', `/storage/v1/b/${BUCKET}/o/locks%2Fa.tflock?ifGenerationMatch=1`);
    expect(wrong.status).toBe(412);
    const del = await call('DELETE', `/storage/v1/b/${BUCKET}/o/locks%2Fa.tflock?ifGenerationMatch=${gen}`);
    expect(del.status).toBe(204);
    expect((await upload('locks/a.tflock', '{}', '&ifGenerationMatch=0')).status).toBe(200);
  });

  it('keeps every generation in a versioned bucket and reads them back by generation', async () => {
    const g1 = (await upload('st/default.tfstate', 'one')).json?.generation as string;
    const g2 = (await upload('st/default.tfstate', 'two')).json?.generation as string;
    expect(BigInt(g2)).toBeGreaterThan(BigInt(g1));
    const live = await call('GET', `/storage/v1/b/${BUCKET}/o/st%2Fdefault.tfstate?alt=media`);
    expect(live.text).toBe('two');
    expect(live.headers.get('x-goog-generation')).toBe(g2);
    const old = await call(
      'GET',
      `/storage/v1/b/${BUCKET}/o/st%2Fdefault.tfstate?alt=media&generation=${g1}`,
    );
    expect(old.text).toBe('one');
    const all = await call('GET', `/storage/v1/b/${BUCKET}/o?prefix=st%2F&versions=true`);
    const items = all.json?.items as { generation: string; timeDeleted?: string }[];
    expect(items.map((i) => [i.generation, Boolean(i.timeDeleted)])).toEqual([
      [g1, true],
      [g2, false],
    ]);
    const current = await call('GET', `/storage/v1/b/${BUCKET}/o?prefix=st%2F`);
    expect((current.json?.items as unknown[]).length).toBe(1);
  });

  it('reads through the XML API path the Go client uses, with crc32c and md5 in x-goog-hash', async () => {
    await upload('xml/obj', 'hello world');
    const r = await call('GET', `/${BUCKET}/xml/obj`);
    expect(r.status).toBe(200);
    expect(r.text).toBe('hello world');
    // crc32c("hello world") = 0xc99465aa (RFC 3720 polynomial); md5 from node's crypto.
    expect(r.headers.get('x-goog-hash')).toBe('crc32c=yZRlqg==,md5=XrY7u+Ae7tCTyyK7j1rNww==');
    const missing = await call('GET', `/${BUCKET}/xml/none`);
    expect(missing.status).toBe(404);
    expect(missing.text).toContain('<Code>NoSuchKey</Code>');
  });

  it('lists with a delimiter as prefixes, and pages with nextPageToken', async () => {
    for (const n of ['p/a/1', 'p/a/2', 'p/b/1', 'p/c', 'p/d']) await upload(n, n);
    const rolled = await call('GET', `/storage/v1/b/${BUCKET}/o?prefix=p%2F&delimiter=%2F`);
    expect(rolled.json?.prefixes).toEqual(['p/a/', 'p/b/']);
    expect((rolled.json?.items as { name: string }[]).map((i) => i.name)).toEqual(['p/c', 'p/d']);
    const names: string[] = [];
    let token = '';
    let pages = 0;
    do {
      const r = await call('GET', `/storage/v1/b/${BUCKET}/o?prefix=p%2F&maxResults=2&pageToken=${token}`);
      names.push(...((r.json?.items as { name: string }[]) ?? []).map((i) => i.name));
      token = (r.json?.nextPageToken as string | undefined) ?? '';
      pages++;
    } while (token);
    expect(names).toEqual(['p/a/1', 'p/a/2', 'p/b/1', 'p/c', 'p/d']);
    expect(pages).toBe(3);
  });

  it('answers 404 notFound for a missing object and bucket, and 401 without a token', async () => {
    const o = await call('GET', `/storage/v1/b/${BUCKET}/o/nope`);
    expect(o.status).toBe(404);
    expect(o.json).toMatchObject({ error: { code: 404, message: `No such object: ${BUCKET}/nope` } });
    const b = await call('GET', '/storage/v1/b/no-such-bucket');
    expect(b.json).toMatchObject({ error: { code: 404, errors: [{ reason: 'notFound' }] } });
    const anon = await fetch(`${base}/storage/v1/b/${BUCKET}`);
    expect(anon.status).toBe(401);
  });

  it('creates buckets with the API defaults unless told, and refuses a taken name with 409', async () => {
    const plain = await call(
      'POST',
      '/storage/v1/b?project=acme-gitspaces',
      JSON.stringify({ name: 'acme-plain' }),
      {
        'content-type': 'application/json',
      },
    );
    expect(plain.json).toMatchObject({
      versioning: { enabled: false },
      iamConfiguration: { uniformBucketLevelAccess: { enabled: false }, publicAccessPrevention: 'inherited' },
      projectNumber: '123456789012',
    });
    const again = await call(
      'POST',
      '/storage/v1/b?project=acme-gitspaces',
      JSON.stringify({ name: 'acme-plain' }),
      {
        'content-type': 'application/json',
      },
    );
    expect(again.status).toBe(409);
    const perms = await call(
      'GET',
      `/storage/v1/b/${BUCKET}/iam/testPermissions?permissions=storage.objects.get&permissions=storage.objects.delete`,
    );
    expect(perms.json?.permissions).toEqual(['storage.objects.get', 'storage.objects.delete']);
  });
});
