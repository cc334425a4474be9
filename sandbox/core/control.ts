import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import type { Service } from './http.js';
import type { Journal, JournalEntry } from './journal.js';

/**
 * The sandbox's control endpoint (GITSPACES_SANDBOX_CONTROL_URL), for checks that run the bundle in other
 * processes (the CLI, workflow jobs) and assert what the emulators saw:
 *
 *   GET /journal                    {"entries": [...]}, every request in order
 *   GET /journal?mutating=true      only the writes that succeeded
 *   GET /journal?attempted=true     only the writes that were tried (refused, faulted and dropped ones included)
 *   GET /journal?service=compute    one service (combines with the others)
 *
 * Each entry has seq, time, service, method, path, query, mutating, attempted, status, and fault or
 * contractViolation when set. Request bodies are left out: they may hold credentials (token exchanges).
 * The control endpoint is not an emulated service, so its own requests are not journaled.
 */
export async function startControl(journal: Journal): Promise<Service> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname !== '/journal')
      return send(404, {
        error: `No route ${req.method ?? 'GET'} ${url.pathname}: the control endpoint has GET /journal`,
      });
    if (req.method !== 'GET')
      return send(405, { error: `${req.method ?? ''} /journal: only GET is supported` });
    const bad = [...url.searchParams.keys()].filter((k) => !['mutating', 'attempted', 'service'].includes(k));
    if (bad.length)
      return send(400, {
        error: `Unknown query parameter ${bad.join(', ')}: use mutating, attempted or service`,
      });
    const flags: Partial<Record<'mutating' | 'attempted', boolean>> = {};
    for (const name of ['mutating', 'attempted'] as const) {
      const v = url.searchParams.get(name);
      if (v === null) continue;
      if (v !== 'true' && v !== 'false')
        return send(400, { error: `Invalid ${name}=${v}: use ${name}=true or ${name}=false` });
      flags[name] = v === 'true';
    }
    const { mutating, attempted } = flags;
    const service = url.searchParams.get('service');
    const entries = journal.entries
      .filter((e) => mutating === undefined || e.mutating === mutating)
      .filter((e) => attempted === undefined || e.attempted === attempted)
      .filter((e) => !service || e.service === service)
      .map(publicEntry);
    return send(200, { entries });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    name: 'control',
    port,
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function publicEntry(e: JournalEntry): Omit<JournalEntry, 'requestBody'> {
  const { requestBody: _omitted, ...rest } = e;
  return rest;
}
