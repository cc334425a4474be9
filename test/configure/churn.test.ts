import { afterAll, beforeAll, describe, expect } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main as configure } from '../../actions/configure-infra/main.js';
import { main as terraformApply } from '../../actions/terraform-apply/main.js';
import type { GitspacesConfig } from '../../shared/config/schema.js';
import { Sandbox, startSandbox } from '../../sandbox/index.js';
import { itNeedsTerraform, configFor } from '../terraform/fixtures.js';
import { testIO } from './helpers.js';

const itTf = itNeedsTerraform;

/**
 * The module's own churn (issue 15, point 2) through terraform-apply against the sandbox: a run with an unchanged
 * configuration replaces nothing; a real change next to the churn is applied alone (the gateways stay, unless the
 * real change is to the gateway group itself).
 */
describe('the module churn is recognised and never applied on its own', () => {
  let sb: Sandbox;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let config: GitspacesConfig;

  beforeAll(async () => {
    sb = await startSandbox({ scenario: { gcp: { certificates: { activeAfterMs: 0 } } } });
    dir = mkdtempSync(join(tmpdir(), 'gitspaces-churn-'));
    mkdirSync(join(dir, 'runner-temp'));
    env = { ...process.env, ...sb.env, RUNNER_TEMP: join(dir, 'runner-temp'), GITHUB_WORKSPACE: dir };
    config = configFor('post-0.0.3', '  working_directory: tf\n');
  });
  afterAll(async () => {
    await sb?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const inputs = (extra: Record<string, string> = {}) => ({
    'harness-api-key': sb.secrets.harnessApiKey,
    gates: 'false',
    ...extra,
  });
  const computeWrites = (since: number) =>
    sb.journal
      .since(since)
      .filter((e) => e.attempted && e.service === 'compute')
      .map((e) => `${e.method} ${e.path}`);
  const names = (collection: string) =>
    sb.world.gcp
      .listResources(collection)
      .map((r) => String(r.name))
      .sort();
  const apply = async (c: GitspacesConfig) => {
    await configure(testIO(inputs(), env).io, { config: c });
    const t = testIO(inputs({ mode: 'apply' }), env);
    const r = await terraformApply(t.io, { config: c });
    expect(t.failed).toEqual([]);
    return { r, t };
  };

  itTf('an unchanged configuration: churn reported, nothing applied (needs terraform)', async () => {
    await apply(config);
    const groups = names('instanceGroupManagers');
    const templates = names('instanceTemplates');
    const since = sb.journal.lastSeq;
    const { r, t } = await apply(config);
    expect(r.outputs.changes).toBe('false');
    expect(r.phase.summary).toMatch(
      /^No changes \(module churn only, not applied: 6 resource\(s\), 1 output\(s\)/,
    );
    expect(t.summary.join('\n')).toContain('No changes (module churn only, not applied)');
    expect(computeWrites(since)).toEqual([]);
    expect([names('instanceGroupManagers'), names('instanceTemplates')]).toEqual([groups, templates]);
  });

  itTf(
    'a real change next to the churn is applied alone: the firewall changes, the gateways stay (needs terraform)',
    async () => {
      const groups = names('instanceGroupManagers');
      const templates = names('instanceTemplates');
      const changed = structuredClone(config);
      changed.infrastructure.gateway.whitelist_ip_ranges = ['203.0.113.0/24'];
      const since = sb.journal.lastSeq;
      const { r, t } = await apply(changed);
      expect(r.outputs.changes).toBe('true');
      expect(r.phase.summary).toMatch(
        /^applied: Plan: 0 to add, 1 to change, 0 to destroy\. Module churn, not applied/,
      );
      expect(t.log.text()).toContain('with -target');
      const rule = sb.world.gcp
        .listResources('firewalls')
        .find((f) => f.name === 'gitspaces-network-allow-all-ingress-gateway');
      expect((rule?.sourceRanges as string[])[0]).toBe('203.0.113.0/24');
      // One firewall PATCH (and the operations it waits for); the gateways untouched.
      expect(computeWrites(since)).toEqual([
        expect.stringMatching(/^PATCH .*\/global\/firewalls\/gitspaces-network-allow-all-ingress-gateway$/),
      ]);
      expect([names('instanceGroupManagers'), names('instanceTemplates')]).toEqual([groups, templates]);
      config = changed;
    },
  );

  itTf(
    'a real change to the gateway group replaces it, and the backend services follow (needs terraform)',
    async () => {
      const [group] = names('instanceGroupManagers');
      const changed = structuredClone(config);
      changed.infrastructure.gateway.instances = 2;
      const { r } = await apply(changed);
      expect(r.outputs.changes).toBe('true');
      const groups = sb.world.gcp.listResources('instanceGroupManagers');
      expect(groups.map((g) => g.targetSize)).toEqual([2]);
      expect(groups.map((g) => g.name)).not.toContain(group);
      const backends = sb.world.gcp
        .listResources('backendServices')
        .flatMap((b) => ((b.backends as { group: string }[] | undefined) ?? []).map((x) => x.group));
      expect(backends.length).toBeGreaterThan(0);
      for (const b of backends) expect(b).toContain(String(groups[0]!.name));
      config = changed;

      const dt = testIO(inputs({ mode: 'drift' }), env);
      const drift = await terraformApply(dt.io, { config });
      expect(drift.outputs.drift).toBe('false');
      expect(dt.summary.join('\n')).toContain('No drift');
    },
  );
});
