// Stand-in `curl` for the simulated runner VM (sandbox/vm). It answers:
// - the metadata server (http://metadata.google.internal or 169.254.169.254): forwarded to the sandbox's
//   metadata emulator (GITSPACES_SIM_METADATA_URL = <metadata>/vm/<project>/<zone>/<name>), or served from a
//   directory (GITSPACES_SIM_METADATA_DIR: attributes/<key> files, guest-attributes/<ns>/<key> written);
// - the runner's http://localhost:3000/healthz, from the stand-in docker state and GITSPACES_SIM_RUNNER_HEALTHY;
// - anything else: "Could not resolve host" (the sandbox has no network).
// Flags: -s -S -f -L -H -X -d/--data/--data-binary/--data-raw (@file), -o, --retry*, --max-time, --connect-timeout.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isRunnerContainer, runnerHealth } from './runner-health.mjs';

const argv = process.argv.slice(2);
let method;
let data;
let out;
let fail = false;
let silent = false;
let showError = false;
const headers = {};
let url;
const skipValue = new Set([
  '--retry',
  '--retry-delay',
  '--retry-max-time',
  '--max-time',
  '-m',
  '--connect-timeout',
  '-w',
  '--write-out',
  '-A',
  '--user-agent',
]);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '-H' || a === '--header') {
    const h = argv[++i];
    const k = h.indexOf(':');
    headers[h.slice(0, k).trim().toLowerCase()] = h.slice(k + 1).trim();
  } else if (a === '-X' || a === '--request') method = argv[++i];
  else if (a === '-d' || a === '--data' || a === '--data-binary' || a === '--data-raw') {
    const v = argv[++i];
    data = a !== '--data-raw' && v.startsWith('@') ? readFileSync(v.slice(1), 'utf8') : v;
  } else if (a === '-o' || a === '--output') out = argv[++i];
  else if (skipValue.has(a)) i++;
  else if (/^-[a-zA-Z]+$/.test(a)) {
    for (const f of a.slice(1)) {
      if (f === 'f') fail = true;
      else if (f === 's') silent = true;
      else if (f === 'S') showError = true;
    }
  } else if (a.startsWith('--')) {
    if (a === '--fail') fail = true;
    else if (a === '--silent') silent = true;
    else if (a === '--show-error') showError = true;
  } else url = a;
}
method = method ?? (data !== undefined ? 'POST' : 'GET');

function err(code, msg) {
  if (!silent || showError) process.stderr.write(`curl: (${code}) ${msg}\n`);
  process.exit(code);
}
function answer(status, body) {
  if (status >= 400 && fail) err(22, `The requested URL returned error: ${status}`);
  if (out) writeFileSync(out, body);
  else process.stdout.write(body);
  process.exit(0);
}

if (!url) err(2, 'no URL specified');
let u;
try {
  u = new URL(url);
} catch {
  err(3, 'URL using bad/illegal format or missing URL');
}

if (u.hostname === 'metadata.google.internal' || u.hostname === '169.254.169.254') {
  if (headers['metadata-flavor'] !== 'Google') answer(403, 'Missing Metadata-Flavor:Google header.\n');
  const dir = process.env.GITSPACES_SIM_METADATA_DIR;
  if (dir) {
    const m = /^\/computeMetadata\/v1\/instance\/(attributes|guest-attributes)\/(.+)$/.exec(u.pathname);
    if (!m) answer(404, 'Not Found\n');
    const file = join(dir, m[1], decodeURIComponent(m[2]));
    if (method === 'PUT') {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, data ?? '');
      answer(200, '');
    }
    if (!existsSync(file)) answer(404, 'Not Found\n');
    answer(200, readFileSync(file, 'utf8'));
  }
  const base = process.env.GITSPACES_SIM_METADATA_URL;
  if (!base) err(6, `Could not resolve host: ${u.hostname}`);
  try {
    const res = await fetch(base.replace(/\/+$/, '') + u.pathname + u.search, {
      method,
      headers,
      body: data,
    });
    answer(res.status, await res.text());
  } catch (e) {
    err(7, `Failed to connect to ${u.hostname} port 80: ${e?.cause?.code ?? e}`);
  }
} else if (['localhost', '127.0.0.1', 'vm-runner'].includes(u.hostname) && u.port === '3000') {
  const root = process.env.GITSPACES_ROOT ?? '';
  const statePath =
    process.env.GITSPACES_SIM_DOCKER_STATE || join(root || '/', 'var/lib/docker-standin/state.json');
  const state = existsSync(statePath) ? JSON.parse(readFileSync(statePath, 'utf8')) : { containers: [] };
  const runner = state.containers.find(
    (c) => c.running && isRunnerContainer(c) && c.ports.some((p) => p.split(':').slice(-2, -1)[0] === '3000'),
  );
  if (!runner) err(7, `Failed to connect to ${u.hostname} port 3000: Connection refused`);
  if (u.pathname !== '/healthz') answer(404, '404 page not found\n');
  const h = runnerHealth(runner, process.env.GITSPACES_SIM_RUNNER_HEALTHY !== 'false');
  if (h.healthy) answer(200, 'OK');
  answer(503, `${h.reason}\n`);
} else {
  err(6, `Could not resolve host: ${u.hostname}`);
}
