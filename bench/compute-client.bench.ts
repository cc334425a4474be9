/**
 * What a process pays to make its first Compute client ready (constructed and initialized, no request): with the
 * whole of @google-cloud/compute's protos, as the client comes, and with the subset our clients are given
 * (shared/gcp/compute.ts gaxFor, scripts/compute-protos.mjs). Each measurement is a fresh process, as every action
 * step is; CPU and RSS from inside it. Median of 5 each, printed as a ratio measured in this run.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface BenchResult {
  name: string;
  value: number;
  unit: string;
  note?: string;
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const CHILD = `
const { gaxFor } = await import(${JSON.stringify(join(root, 'shared', 'gcp', 'compute.ts'))});
const { OAuth2Client } = await import('google-auth-library');
const mod = await import('@google-cloud/compute/build/src/v1/instances_client.js');
const Ctor = mod.InstancesClient ?? mod.default.InstancesClient;
const gax = process.argv[1] === 'subset' ? await gaxFor(Ctor) : undefined;
const authClient = new OAuth2Client();
authClient.setCredentials({ access_token: 'bench' });
const u0 = process.cpuUsage();
const c = new Ctor({ apiEndpoint: '127.0.0.1', port: 1, protocol: 'http', fallback: true, authClient }, gax);
await c.initialize();
const u = process.cpuUsage(u0);
console.log(JSON.stringify({ cpu: (u.user + u.system) / 1000, rss: process.memoryUsage().rss / 1048576 }));
`;

function once(mode: 'whole' | 'subset'): { cpu: number; rss: number } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', CHILD, mode], {
    cwd: root,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`compute-client bench child failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop() as string) as { cpu: number; rss: number };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

export default async function bench(): Promise<BenchResult[]> {
  const whole: { cpu: number; rss: number }[] = [];
  const subset: { cpu: number; rss: number }[] = [];
  for (let i = 0; i < 5; i++) {
    whole.push(once('whole'));
    subset.push(once('subset'));
  }
  const w = median(whole.map((x) => x.cpu));
  const s = median(subset.map((x) => x.cpu));
  return [
    {
      name: 'first Compute client ready: whole protos / subset (CPU)',
      value: Number((w / s).toFixed(2)),
      unit: 'x',
      note: `${Math.round(w)} ms against ${Math.round(s)} ms of CPU; median of 5 fresh processes each`,
    },
    {
      name: 'first Compute client ready: RSS, whole protos - subset',
      value: Math.round(median(whole.map((x) => x.rss)) - median(subset.map((x) => x.rss))),
      unit: 'MiB',
    },
  ];
}
