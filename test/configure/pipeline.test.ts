import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { main as configure } from '../../actions/configure-infra/main.js';
import { main as terraformApply } from '../../actions/terraform-apply/main.js';
import type { GitspacesConfig } from '../../shared/config/schema.js';
import { Sandbox, startSandbox } from '../../sandbox/index.js';
import { itNeedsTerraform, configFor } from '../terraform/fixtures.js';
import { testIO } from './helpers.js';

const itTf = itNeedsTerraform;

/**
 * The acceptance path of issue 5 against the whole sandbox with the stand-in module and the real terraform:
 * configure, plan on a pull request, apply what was reviewed, converge, refuse a plan that changed, destroy.
 */
describe('configure -> plan -> apply against the sandbox', () => {
  let sb: Sandbox;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let config: GitspacesConfig;
  let sharedSecret = '';

  beforeAll(async () => {
    // The certificate is ACTIVE as soon as it is created (delegated domain, no issuance delay), so the CERT-101
    // gate after apply has one right answer; its PROVISIONING path is in test/checks/after-apply.test.ts.
    sb = await startSandbox({ scenario: { gcp: { certificates: { activeAfterMs: 0 }, operationMs: 0 } } });
    dir = mkdtempSync(join(tmpdir(), 'gitspaces-pipeline-'));
    const eventPath = join(dir, 'event.json');
    writeFileSync(eventPath, JSON.stringify({ pull_request: { number: sb.scenario.github.pullRequest } }));
    mkdirSync(join(dir, 'runner-temp'));
    env = {
      ...process.env,
      ...sb.env,
      GITHUB_EVENT_PATH: eventPath,
      RUNNER_TEMP: join(dir, 'runner-temp'),
      // The checkout: terraform.working_directory is relative to it.
      GITHUB_WORKSPACE: dir,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_RUN_ID: '99',
    };
    config = restricted(configFor('post-0.0.3', '  working_directory: tf\n'));
  });

  /** The gateways restricted to one range: Harness's YAML has no whitelist, configure-infra writes this one in. */
  function restricted(c: GitspacesConfig): GitspacesConfig {
    c.infrastructure.gateway.allow_public = false;
    c.infrastructure.gateway.whitelist_ip_ranges = ['203.0.113.0/24'];
    return c;
  }
  afterAll(async () => {
    await sb?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const inputs = (extra: Record<string, string> = {}) => ({
    'harness-api-key': sb.secrets.harnessApiKey,
    'github-token': sb.secrets.githubToken,
    ...extra,
  });
  const harnessMutations = (since: number) =>
    sb.journal.since(since).filter((e) => e.mutating && e.service === 'harness');
  const githubWrites = (since: number) =>
    sb.journal.since(since).filter((e) => e.mutating && e.service === 'github');
  const comments = () =>
    sb.world.github.commentsOn(sb.scenario.github.repository, sb.scenario.github.pullRequest);

  it('configure creates the infra provider, writes the Infra Config YAML and masks its shared secret', async () => {
    const t = testIO(inputs(), env);
    const r = await configure(t.io, { config });
    expect(r.outputs.changed).toBe('true');
    expect(r.outputs['infra-identifier']).toBe('gitspaces_gcp');
    // Outside the working directory, in a private directory of the job's RUNNER_TEMP, where the next step's
    // terraform-apply finds it without being told (the plan below passes no infra-config-path).
    const path = r.outputs['infra-config-path']!;
    expect(path).toBe(join(env.RUNNER_TEMP!, 'gitspaces', 'gitspaces-infra-config.yaml'));
    expect((statSync(path).mode & 0o777).toString(8)).toBe('600');
    expect((statSync(dirname(path)).mode & 0o777).toString(8)).toBe('700');
    const yaml = readFileSync(path, 'utf8');
    sharedSecret = (parseYaml(yaml) as { gateway: { shared_secret: string } }).gateway.shared_secret;
    expect(sharedSecret.length).toBeGreaterThan(3);
    expect(t.log.masks.has(sharedSecret)).toBe(true);
    expect(t.summary.join('\n')).toContain('Created the infra provider `gitspaces_gcp`');
    expect([t.summary.join('\n'), t.log.text(), JSON.stringify(t.outputs)].join('\n')).not.toContain(
      sharedSecret,
    );
    expect(sb.journal.contractViolations()).toEqual([]);
  });

  it('a second configure changes nothing (no mutating Harness request)', async () => {
    const since = sb.journal.lastSeq;
    const t = testIO(inputs(), env);
    const r = await configure(t.io, { config });
    expect(r.outputs.changed).toBe('false');
    expect(harnessMutations(since)).toEqual([]);
    expect(t.summary.join('\n')).toContain('already matches gitspaces.yaml');
  });

  itTf(
    'plan posts one pull-request comment with the counts first, and never the secret (needs terraform)',
    async () => {
      const since = sb.journal.lastSeq;
      const t = testIO(inputs({ mode: 'plan', label: 'sandbox' }), env);
      const r = await terraformApply(t.io, { config });
      expect(r.outputs.changes).toBe('true');
      const writes = githubWrites(since);
      expect(writes.map((w) => w.method)).toEqual(['POST']);
      expect(comments()).toHaveLength(1);
      const body = comments()[0]!.body ?? '';
      expect(body).toMatch(/^<!-- gitspaces-plan: root=\S+ workspace=default label=sandbox -->/);
      expect(body).toMatch(/<details><summary>Plan: \d+ to add, 0 to change, 0 to destroy\.<\/summary>/);
      expect(body).toContain(`<!-- gitspaces-plan-fingerprint: ${r.outputs['plan-fingerprint']} -->`);
      expect(body).not.toContain(sharedSecret);
      expect(t.summary.join('\n')).toContain('to add');
      expect(existsSync(join(dir, 'tf', 'plan.tfplan'))).toBe(false);
    },
  );

  itTf(
    'apply applies the reviewed plan, writes pool.yaml for the runner and passes the DNS and certificate gates (needs terraform)',
    async () => {
      const t = testIO(inputs({ mode: 'apply', label: 'sandbox' }), env);
      const r = await terraformApply(t.io, { config });
      expect(t.failed).toEqual([]);
      expect(r.outputs['failure-reason']).toBeUndefined();
      const alb = JSON.parse(r.outputs['alb-ips']!) as Record<string, string>;
      expect(Object.keys(alb)).toEqual(['us-central1']);
      expect(JSON.parse(r.outputs['nlb-ips']!)).toHaveProperty('us-central1');
      expect(r.outputs['managed-domain-zone']).toBe('gitspaces.acme.dev.');
      // The emulated world agrees with the outputs.
      const addresses = sb.world.gcp.listResources('addresses');
      expect(addresses.find((a) => a.name === 'gitspaces-us-central1-alb-ip')?.address).toBe(
        alb['us-central1'],
      );
      expect(sb.world.gcp.listResources('instanceGroupManagers').map((g) => g.name)).toEqual([
        expect.stringMatching(/^gitspaces-us-central1-gateway-group-1-16-0-[0-9a-f]{8}$/),
      ]);
      expect(sb.world.gcp.listResources('instances').map((i) => i.name)).toContain(
        'gitspaces-us-central1-runner-vm',
      );
      const a = sb.world.gcp
        .recordSets('gitspaces-acme-dev')
        .find((s) => s.type === 'A' && s.name === 'usc1.gitspaces.acme.dev.');
      expect(a?.rrdatas).toEqual([alb['us-central1']]);
      // pool.yaml: the key where the runner container finds it.
      const pool = parseYaml(readFileSync(r.outputs['pool-yaml-path']!, 'utf8')) as {
        instances: { spec: { account: { json_path: string } } }[];
      };
      expect(pool.instances.map((i) => i.spec.account.json_path)).toEqual(['/runner/gitspaces-sa-key.json']);
      // Health gates.
      const dns = r.checks!.filter((c) => c.id === 'DNS-101');
      expect(dns.map((c) => c.status)).toEqual(['ok']);
      const cert = r.checks!.find((c) => c.id === 'CERT-101')!;
      expect({ status: cert.status, observed: cert.observed }).toEqual({ status: 'ok', observed: 'ACTIVE' });
      // The whitelist reached the gateways' firewall rule, as Compute holds it after the real apply.
      const ingress = r.checks!.find((c) => c.id === 'NET-101')!;
      expect(ingress.status).toBe('ok');
      expect(ingress.observed).toMatch(/^source ranges read from Compute: 203\.0\.113\.0\/24, /);
      expect(ingress.observed).not.toContain('0.0.0.0/0');
      expect(t.summary.join('\n')).toContain('Health gates');
      // Nothing secret left behind or printed.
      expect(existsSync(join(env.RUNNER_TEMP!, 'gitspaces-sa-key.json'))).toBe(false);
      expect(existsSync(join(env.RUNNER_TEMP!, 'gitspaces', 'gitspaces-sa-key.json'))).toBe(false);
      expect(t.log.text()).not.toContain(sharedSecret);
    },
  );

  itTf('a second plan shows no changes, and the comment is updated in place (needs terraform)', async () => {
    const since = sb.journal.lastSeq;
    const t = testIO(inputs({ mode: 'plan', label: 'sandbox' }), env);
    const r = await terraformApply(t.io, { config });
    expect(r.outputs.changes).toBe('false');
    expect(githubWrites(since).map((w) => w.method)).toEqual(['PATCH']);
    expect(comments()).toHaveLength(1);
    expect(comments()[0]!.body).toContain('No changes. Your infrastructure matches the configuration.');
  });

  itTf(
    'apply after the stack changed since review is refused with plan-changed (needs terraform)',
    async () => {
      const changed = restricted(
        configFor('post-0.0.3', `  working_directory: ${config.terraform.working_directory}\n`),
      );
      changed.infrastructure.gateway.instances = 2;
      const c = await configure(testIO(inputs(), env).io, { config: changed });
      expect(c.outputs.changed).toBe('true');
      const before = sb.world.gcp.listResources('instanceGroupManagers').map((g) => g.name);
      const t = testIO(inputs({ mode: 'apply', label: 'sandbox' }), env);
      const r = await terraformApply(t.io, { config: changed });
      expect(r.outputs['failure-reason']).toBe('plan-changed');
      expect(r.exitCode).toBe(1);
      expect(t.failed.join('\n')).toMatch(/plan changed since it was reviewed/);
      expect(sb.world.gcp.listResources('instanceGroupManagers').map((g) => g.name)).toEqual(before);
      config = changed;
    },
  );

  itTf(
    'after a new plan is reviewed (kept as a plan file), apply goes through, drift is none, destroy removes everything (needs terraform)',
    async () => {
      const reviewed = join(dir, 'reviewed.tfplan');
      await terraformApply(
        testIO(inputs({ mode: 'plan', label: 'sandbox', 'plan-file': reviewed }), env).io,
        { config },
      );
      expect(comments()).toHaveLength(1);
      expect(existsSync(reviewed)).toBe(true);
      // Checked against the saved plan file this time (the comment would agree too).
      const t = testIO(inputs({ mode: 'apply', label: 'sandbox', 'plan-file': reviewed }), env);
      const r = await terraformApply(t.io, { config });
      expect(r.outputs['failure-reason']).toBeUndefined();
      rmSync(reviewed);
      expect(sb.world.gcp.listResources('instanceGroupManagers').map((g) => g.targetSize)).toEqual([2]);
      const dt = testIO(inputs({ mode: 'drift' }), env);
      const drift = await terraformApply(dt.io, { config });
      expect({ drift: drift.outputs.drift, summary: dt.summary.join('\n') }).toEqual({
        drift: 'false',
        summary: expect.stringContaining('No drift'),
      });
      await terraformApply(testIO(inputs({ mode: 'destroy' }), env).io, { config });
      for (const c of [
        'addresses',
        'instanceGroupManagers',
        'instances',
        'networks',
        'firewalls',
        'instanceTemplates',
      ]) {
        expect(sb.world.gcp.listResources(c).filter((x) => String(x.name).startsWith('gitspaces-'))).toEqual(
          [],
        );
      }
      expect(sb.world.gcp.managedZones().map((z) => z.name)).not.toContain('gitspaces-acme-dev');
    },
  );
});
