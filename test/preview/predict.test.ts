import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { main as configure } from '../../actions/configure-infra/main.js';
import { loadConfig } from '../../shared/config/load.js';
import { Sandbox, startSandbox } from '../../sandbox/index.js';
import { itNeedsTerraform } from '../terraform/fixtures.js';
import { testIO } from '../configure/helpers.js';
import { previewWorld, writesSince } from './helpers.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- YAML documents compared as data
type Doc = any;

/** configure-infra's preview: the YAML it predicts is the one Harness returns once configure writes the change. */
describe('configure-infra mode: preview', () => {
  let sb: Sandbox;
  let w: ReturnType<typeof previewWorld>;
  beforeAll(async () => {
    sb = await startSandbox();
    w = previewWorld(sb);
  });
  afterAll(async () => {
    await sb?.stop();
    if (w) rmSync(w.dir, { recursive: true, force: true });
  });
  const env = () => ({ ...process.env, ...sb.env });
  const run = async (config: string, mode: string, path: string) => {
    const t = testIO({ 'harness-api-key': sb.secrets.harnessApiKey, mode, 'infra-config-path': path }, env());
    const r = await configure(t.io, { config: await loadConfig(config) });
    return { ...t, r };
  };

  it('predicts a new provider locally and an edited one as the current YAML with the diff applied', async () => {
    const a = w.config();
    const mark = sb.journal.lastSeq;
    const first = await run(a, 'preview', join(w.dir, 'predicted-a.yaml'));
    expect(writesSince(sb, mark)).toEqual([]);
    const diffA = JSON.parse(first.outputs['harness-diff'] as string) as {
      action: string;
      placeholders: string[];
    };
    expect(diffA.action).toBe('create');
    expect(diffA.placeholders).toContain('gateway.shared_secret');
    const predictedA = parse(readFileSync(join(w.dir, 'predicted-a.yaml'), 'utf8')) as Doc;
    await run(a, 'apply', join(w.dir, 'real-a.yaml'));
    const realA = parse(readFileSync(join(w.dir, 'real-a.yaml'), 'utf8')) as Doc;
    // Everything but what Harness generates on create is predicted exactly.
    for (const k of ['shared_secret', 'cde_manager_url', 'version']) {
      delete predictedA.gateway[k];
      delete realA.gateway[k];
    }
    expect(predictedA).toEqual(realA);

    const b = w.config((c) => {
      c.infrastructure.gateway.whitelist_ip_ranges = ['198.51.100.0/24'];
      c.infrastructure.gateway.instances = 3;
      c.infrastructure.regions['us-central1'].proxy_subnet_ip_range = '10.3.1.0/26';
    });
    const before = sb.journal.lastSeq;
    const pb = await run(b, 'preview', join(w.dir, 'predicted-b.yaml'));
    expect(writesSince(sb, before)).toEqual([]);
    const diffB = JSON.parse(pb.outputs['harness-diff'] as string) as {
      action: string;
      changes: { field: string }[];
    };
    expect(diffB.action).toBe('update');
    expect(diffB.changes.map((c) => c.field).sort()).toEqual([
      'metadata.gateway.instances',
      'metadata.gateway.whitelist_ip_ranges',
      'metadata.region_configs.us-central1.proxy_subnet_ip_range',
    ]);
    expect(pb.summary.join('\n')).toContain('preview, nothing written');
    await run(b, 'apply', join(w.dir, 'real-b.yaml'));
    expect(parse(readFileSync(join(w.dir, 'predicted-b.yaml'), 'utf8'))).toEqual(
      parse(readFileSync(join(w.dir, 'real-b.yaml'), 'utf8')),
    );
  });
});

describe('preview with an identity that is not Owner', () => {
  let sb: Sandbox;
  let w: ReturnType<typeof previewWorld>;
  beforeAll(async () => {
    sb = await startSandbox({ scenario: 'no-owner' });
    w = previewWorld(sb);
  });
  afterAll(async () => {
    await sb?.stop();
    if (w) rmSync(w.dir, { recursive: true, force: true });
  });

  itNeedsTerraform(
    "says which checks it could not make with it (the apply identity's rights), and does not fail on them",
    async () => {
      const p = await w.run(w.prEnv(), { config: w.config(), mode: 'preview' });
      expect(p.r.exitCode).toBe(0);
      const body = sb.world.github.commentsOn('acme/platform-infra', 7)[0]!.body;
      expect(body).toMatch(/Not checked with the preview's read-only identity: IAM-001 .*IAM-002/);
      expect(body).toContain('**✅ No check fails.**');
    },
    240_000,
  );
});
