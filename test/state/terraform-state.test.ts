/**
 * The real terraform binary with its real gcs backend against the emulated Cloud Storage: lock contention between
 * two applies, a killed apply's lock diagnosed and released, and versioned generations of the state.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Sandbox, startSandbox } from '../../sandbox/index.js';
import { createGcp } from '../../shared/gcp/index.js';
import { nullLogger } from '../../shared/logger.js';
import { stateBackend } from '../../shared/terraform/backend.js';
import { lockNotice, readStateLock } from '../../shared/terraform/state-run.js';
import { itNeedsTerraform, configFor } from '../terraform/fixtures.js';

const it_ = itNeedsTerraform;
const BUCKET = 'acme-gitspaces-gitspaces-tfstate';

let sb: Sandbox;
let scratch: string;
beforeAll(async () => {
  sb = await startSandbox();
  scratch = mkdtempSync(join(tmpdir(), 'gitspaces-state-test-'));
});
afterAll(async () => {
  await sb.stop();
  rmSync(scratch, { recursive: true, force: true });
});

/** A root whose apply waits (inside a local-exec) until the file `gate` exists, so a test controls when it ends. */
function root(name: string, prefix: string, gate: string): string {
  const d = mkdtempSync(join(scratch, `${name}-`));
  writeFileSync(
    join(d, 'main.tf.json'),
    JSON.stringify({
      terraform: { backend: { gcs: { bucket: BUCKET, prefix } } },
      resource: {
        terraform_data: {
          thing: {
            input: name,
            provisioner: [{ 'local-exec': { command: `while [ ! -f '${gate}' ]; do sleep 0.05; done` } }],
          },
        },
      },
    }),
  );
  return d;
}

interface Run {
  child: ChildProcess;
  done: Promise<{ code: number | null; out: string }>;
}
function terraform(cwd: string, args: string[]): Run {
  const child = spawn('terraform', args, { cwd, env: { ...process.env, ...sb.env, TF_IN_AUTOMATION: '1' } });
  let out = '';
  child.stdout?.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (out += b.toString()));
  const done = new Promise<{ code: number | null; out: string }>((r) =>
    child.on('close', (code) => r({ code, out })),
  );
  return { child, done };
}
const must = async (cwd: string, args: string[]) => {
  const r = await terraform(cwd, args).done;
  if (r.code !== 0) throw new Error(`terraform ${args.join(' ')} failed:\n${r.out}`);
  return r.out;
};

const token = () => sb.env.GOOGLE_OAUTH_ACCESS_TOKEN as string;
async function objects(
  prefix: string,
  versions = false,
): Promise<{ name: string; generation: string; timeDeleted?: string }[]> {
  const res = await fetch(
    `${sb.urls.storage}/storage/v1/b/${BUCKET}/o?prefix=${encodeURIComponent(prefix)}&versions=${versions}`,
    { headers: { authorization: `Bearer ${token()}` } },
  );
  return (((await res.json()) as { items?: [] }).items ?? []) as never;
}
/** Polls the emulator until the lock object exists (the first apply holds the lock). */
async function lockTaken(prefix: string): Promise<void> {
  for (;;) {
    if ((await objects(`${prefix}/default.tflock`)).length) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}
const statePath = (prefix: string) => `${prefix}/default.tfstate`;

describe('Terraform state in the emulated Cloud Storage, through the real gcs backend', () => {
  it_(
    'two applies at once: the second waits up to its lock timeout, then fails naming the holder; one set of resources',
    async () => {
      const prefix = 'contention';
      const gate = join(scratch, 'contention-go');
      const a = root('a', prefix, gate);
      const b = root('b', prefix, gate);
      await must(a, ['init', '-input=false', '-no-color']);
      await must(b, ['init', '-input=false', '-no-color']);
      const first = terraform(a, ['apply', '-auto-approve', '-input=false', '-no-color', '-lock-timeout=0s']);
      await lockTaken(prefix);
      const second = await terraform(b, [
        'apply',
        '-auto-approve',
        '-input=false',
        '-no-color',
        '-lock-timeout=1s',
      ]).done;
      expect(second.code).toBe(1);
      expect(second.out).toContain('Error acquiring the state lock');
      expect(second.out).toContain('412'); // the backend's failed ifGenerationMatch=0 write
      expect(second.out).toMatch(/Operation:\s+OperationTypeApply/);
      writeFileSync(gate, '');
      const r = await first.done;
      expect(r.code).toBe(0);
      expect((await must(b, ['state', 'list', '-no-color'])).trim()).toBe('terraform_data.thing');
      expect(await objects(`${prefix}/default.tflock`)).toEqual([]);
    },
  );

  it_('keeps the earlier state generations after two applies (versioning)', async () => {
    const prefix = 'versions';
    const gate = join(scratch, 'versions-go');
    writeFileSync(gate, '');
    const d = root('v', prefix, gate);
    await must(d, ['init', '-input=false', '-no-color']);
    await must(d, ['apply', '-auto-approve', '-input=false', '-no-color']);
    await must(d, ['apply', '-auto-approve', '-input=false', '-no-color', '-replace=terraform_data.thing']);
    const versions = await objects(statePath(prefix), true);
    const live = versions.filter((v) => !v.timeDeleted);
    expect(live).toHaveLength(1);
    expect(versions.length).toBeGreaterThanOrEqual(3); // init's empty state, then at least one per apply
    const read = async (generation: string) =>
      (await (
        await fetch(
          `${sb.urls.storage}/storage/v1/b/${BUCKET}/o/${encodeURIComponent(statePath(prefix))}?alt=media&generation=${generation}`,
          { headers: { authorization: `Bearer ${token()}` } },
        )
      ).json()) as {
        serial: number;
        lineage: string;
        resources: { instances: { attributes: { id: string } }[] }[];
      };
    const oldest = await read(versions[1]!.generation);
    const newest = await read(live[0]!.generation);
    expect(newest.lineage).toBe(oldest.lineage);
    expect(newest.serial).toBeGreaterThan(oldest.serial);
  });

  it_(
    'a killed apply leaves its lock: it is explained (who, since, force-unlock ID), released by the user, and a rerun converges',
    async () => {
      const prefix = 'killed';
      const gate = join(scratch, 'killed-go');
      const d = root('k', prefix, gate);
      await must(d, ['init', '-input=false', '-no-color']);
      const victim = terraform(d, ['apply', '-auto-approve', '-input=false', '-no-color']);
      await lockTaken(prefix);
      victim.child.kill('SIGKILL');
      await victim.done;
      writeFileSync(gate, ''); // lets the orphaned local-exec shell end

      const config = configFor('post-0.0.3', `  backend:\n    config:\n      prefix: ${prefix}\n`);
      const backend = stateBackend(config);
      expect(backend).toMatchObject({ type: 'gcs', bucket: BUCKET, prefix });
      const gcp = createGcp({ env: { ...sb.env }, log: nullLogger });
      const lock = await readStateLock(gcp.rest, backend, 'default');
      await gcp.close();
      expect(lock).toBeDefined();
      const [lockObject] = await objects(`${prefix}/default.tflock`);
      expect(lock!.id).toBe(lockObject!.generation);
      expect(lock!.operation).toBe('OperationTypeApply');
      const notice = lockNotice(lock!, Date.now(), '.gitspaces/terraform', '5m');
      expect(notice).toContain(`held by ${lock!.who}`);
      expect(notice).toContain(`since ${lock!.created}`);
      expect(notice).toContain(
        `terraform -chdir=.gitspaces/terraform force-unlock ${lockObject!.generation}`,
      );

      const blocked = await terraform(d, [
        'apply',
        '-auto-approve',
        '-input=false',
        '-no-color',
        '-lock-timeout=1s',
      ]).done;
      expect(blocked.code).toBe(1);
      expect(blocked.out).toContain(`ID:        ${lockObject!.generation}`);
      await must(d, ['force-unlock', '-force', lock!.id]);
      await must(d, ['apply', '-auto-approve', '-input=false', '-no-color']);
      expect((await must(d, ['state', 'list', '-no-color'])).trim()).toBe('terraform_data.thing');
      expect((await must(d, ['plan', '-detailed-exitcode', '-input=false', '-no-color'])).trim()).toContain(
        'No changes',
      );
    },
  );
});
