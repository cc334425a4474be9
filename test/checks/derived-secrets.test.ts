/**
 * Access tokens and JWT assertions derived from the key are masked the moment they exist: a server that echoes
 * the request back (the token endpoint echoing the signed assertion, Resource Manager echoing the Authorization
 * header) must not get either into the job summary, the JSON report or stderr.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main as validate } from '../../actions/validate-prereqs/main.js';
import { cliIO } from '../../cli/io.js';
import { writeScenarioConfig } from '../../sandbox/scenarios/config.js';
import { Sandbox, startSandbox } from '../../sandbox/index.js';

let sb: Sandbox;
let echo: Server;
let echoUrl: string;
let dir: string;
const assertions: string[] = [];
const tokens: string[] = [];
let tokenCalls = 0;

beforeAll(async () => {
  sb = await startSandbox();
  dir = mkdtempSync(join(tmpdir(), 'gitspaces-echo-'));
  echo = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      void (async () => {
        const json = (status: number, v: unknown) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(v));
        };
        if (req.url?.startsWith('/token')) {
          const assertion = new URLSearchParams(body).get('assertion') ?? '';
          assertions.push(assertion);
          // The first exchange fails, echoing the form (the signed assertion) back; it is retried.
          if (tokenCalls++ === 0)
            return json(503, { error: { code: 503, message: `backend unavailable; you sent: ${body}` } });
          // Then a token as Google's look (the sandbox's own endpoint would refuse this audience).
          const token = `ya29.a0${randomBytes(60).toString('base64url')}`;
          tokens.push(token);
          return json(200, { access_token: token, expires_in: 3599, token_type: 'Bearer' });
        }
        // Resource Manager: every call refused, echoing the request's headers as a careless proxy would.
        json(400, {
          error: {
            code: 400,
            message: `Invalid request ${req.method} ${req.url}; headers: authorization: ${String(req.headers.authorization)}`,
            status: 'INVALID_ARGUMENT',
          },
        });
      })();
    });
  });
  await new Promise<void>((r) => echo.listen(0, '127.0.0.1', r));
  echoUrl = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await sb?.stop();
  await new Promise((r) => echo?.close(r));
  rmSync(dir, { recursive: true, force: true });
});

test('tokens and assertions echoed by a server reach neither the summary, the JSON report nor stderr', async () => {
  const configPath = writeScenarioConfig(sb.scenario, dir);
  const reportPath = join(dir, 'report.json');
  const stderr: string[] = [];
  const env = {
    ...sb.env,
    GITSPACES_GOOGLE_TOKEN_URL: `${echoUrl}/token`,
    GITSPACES_RESOURCEMANAGER_URL: echoUrl,
  };
  const io = cliIO({ config: configPath, 'report-path': reportPath }, env, {
    verbose: true,
    err: (l) => stderr.push(l),
  });
  await validate(io);
  const report = readFileSync(reportPath, 'utf8');
  const seen = [io.summary.join('\n'), report, stderr.join('\n')];

  // The echoes did reach all three (so this test can fail) ...
  expect(assertions.length).toBeGreaterThan(1);
  expect(tokens.length).toBeGreaterThan(0);
  for (const text of seen) expect(text).toMatch(/headers: authorization: (Bearer )?\*\*\*/);
  expect(stderr.join('\n')).toMatch(/you sent: grant_type=[^&]+&assertion=\*\*\*/);
  // ... and no token nor assertion did.
  for (const text of seen) {
    for (const t of tokens) expect(text).not.toContain(t);
    for (const a of assertions) expect(text).not.toContain(a);
    expect(text).not.toMatch(/eyJ[\w-]{10,}\.[\w-]{10,}\./);
  }
}, 120_000);
