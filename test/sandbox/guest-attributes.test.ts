import { readFileSync } from 'node:fs';
import { createGcp, Gcp } from '../../shared/gcp/index.js';
import { nullLogger } from '../../shared/logger.js';
import { startSandbox, Sandbox } from '../../sandbox/index.js';
import type { GcpWorld } from '../../sandbox/gcp/state.js';

/**
 * Guest attributes as Compute limits them (sandbox/gcp/guest-limits.ts): off without enable-guest-attributes,
 * writes beyond 10 a minute or 3 a second dropped. The VM side is plain HTTP to the metadata server (what curl
 * does on the VM); what survived is read through the official Compute client (@google-cloud/compute), as
 * install-runner reads it. The limiter runs on the emulators' clock, which the test drives.
 */

const project = 'acme-gitspaces';
const zone = 'us-central1-a';
const PATH = (name: string) => `projects/${project}/zones/${zone}/instances/${name}`;

let sb: Sandbox;
let gcp: Gcp;
/** The emulators' clock: starts at the real time (tokens are checked against it), moves only when the test says. */
let now = 0;

beforeAll(async () => {
  sb = await startSandbox({ scenario: 'healthy' });
  now = Date.now();
  (sb.world.gcp as GcpWorld).now = () => now;
  gcp = createGcp({
    keyJson: readFileSync(sb.files.serviceAccountKey, 'utf8'),
    env: sb.env,
    log: nullLogger,
  });
  for (const [name, enabled] of [
    ['ga-on', true],
    ['ga-off', false],
  ] as const) {
    await gcp.rest.post('compute', `/compute/v1/projects/${project}/zones/${zone}/instances`, {
      name,
      machineType: `zones/${zone}/machineTypes/e2-medium`,
      disks: [
        {
          boot: true,
          initializeParams: { sourceImage: 'projects/ubuntu-os-cloud/global/images/family/ubuntu-2204-lts' },
        },
      ],
      networkInterfaces: [{ network: 'global/networks/default' }],
      metadata: { items: enabled ? [{ key: 'enable-guest-attributes', value: 'TRUE' }] : [] },
    });
  }
});
afterAll(async () => {
  await gcp?.close();
  await sb?.stop();
});

/** A request from inside the VM to its metadata server. */
function fromVm(name: string, path: string, init: RequestInit = {}) {
  return fetch(
    `${sb.world.urls.metadata}/vm/${project}/${zone}/${name}/computeMetadata/v1/instance/${path}`,
    {
      ...init,
      headers: { 'Metadata-Flavor': 'Google' },
    },
  );
}
const write = (name: string, key: string, value: string) =>
  fromVm(name, `guest-attributes/probe/${key}`, { method: 'PUT', body: value });

test('without enable-guest-attributes the VM is answered 403 "Guest attributes endpoint access is disabled."', async () => {
  const put = await write('ga-off', 'k', 'v');
  expect(put.status).toBe(403);
  expect(await put.text()).toBe('Guest attributes endpoint access is disabled.');
  const get = await fromVm('ga-off', 'guest-attributes/probe/k');
  expect(get.status).toBe(403);
  // Nothing was stored: the API has nothing under the namespace.
  expect(await gcp.compute.getGuestAttributes(project, zone, 'ga-off', 'probe/')).toEqual({});
});

test('a burst beyond 3 a second and a minute beyond 10 writes are dropped, though answered 200', async () => {
  const statuses: number[] = [];
  // Second 0: four writes, the fourth over the burst.
  for (let i = 1; i <= 4; i++) statuses.push((await write('ga-on', `b${i}`, String(i))).status);
  expect(statuses).toEqual([200, 200, 200, 200]);
  expect(Object.keys(await gcp.compute.getGuestAttributes(project, zone, 'ga-on', 'probe/')).sort()).toEqual([
    'probe/b1',
    'probe/b2',
    'probe/b3',
  ]);
  // Seconds 1..4: two writes each; 3 + 7 = 10 kept, the rest of the minute dropped.
  for (let s = 1; s <= 4; s++) {
    now += 1_000;
    await write('ga-on', `s${s}a`, 'x');
    await write('ga-on', `s${s}b`, 'x');
  }
  const kept = await gcp.compute.getGuestAttributes(project, zone, 'ga-on', 'probe/');
  expect(Object.keys(kept)).toHaveLength(10);
  expect(kept['probe/s4b']).toBeUndefined();
  expect((sb.world.gcp as GcpWorld).guestWrites.dropped(PATH('ga-on')).map((w) => w.key)).toEqual([
    'probe/b4',
    'probe/s4b',
  ]);
  // A minute after the first writes the budget is back.
  now += 56_001;
  expect((await write('ga-on', 'later', 'y')).status).toBe(200);
  expect((await gcp.compute.getGuestAttributes(project, zone, 'ga-on', 'probe/later'))['probe/later']).toBe(
    'y',
  );
});

test('serial port 1 is read through instances.getSerialPortOutput from an offset', async () => {
  const first = await gcp.compute.getSerialPortOutput(project, zone, 'ga-on');
  expect(first).toEqual({ contents: '', next: 0 });
});
