import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { ModuleGeneration } from '../../shared/config/schema.js';
import { RecordingLogger } from '../../shared/logger.js';
import { checkInstalledModule, generateRoot, writeRoot } from '../../shared/terraform/root.js';
import { TerraformCli } from '../../shared/terraform/cli.js';
import { classifyDrift, computedOnlyAttributes } from '../../shared/terraform/drift.js';
import { standInModuleDir } from '../../sandbox/module/locate.js';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import type { GcpWorld } from '../../sandbox/gcp/index.js';
import { itNeedsTerraform, configFor, scratch, setupYaml } from './fixtures.js';
import { workdir } from '../provider/terraform-run.js';

const itTf = itNeedsTerraform;

// The module runs under the real terraform with the sandbox's stand-in google and null providers, against the
// sandbox's emulated Google APIs (its CLI config, endpoints and service-account key).
let sandbox: Sandbox;
beforeAll(async () => {
  // Compute operations done when answered: the stand-in provider sleeps 100 ms before polling a RUNNING one.
  sandbox = await startSandbox({ scenario: { gcp: { operationMs: 0 } } });
});
afterAll(async () => {
  await sandbox?.stop();
});

const gcp = () => sandbox.world.gcp as GcpWorld;
/** Names of the Compute resources of one collection (`addresses`, `instanceGroupManagers`, ...). */
const computeNames = (collection: string) =>
  [...gcp().compute.keys()]
    .filter((rel) => rel.startsWith('projects/acme-gitspaces/') && rel.split('/').at(-2) === collection)
    .map((rel) => rel.split('/').at(-1) as string)
    .sort();
const lastNames = (m: Map<string, unknown>) => [...m.keys()].map((k) => k.split('/').at(-1) as string).sort();

function setup(
  generation: ModuleGeneration,
  opts: { yamlGeneration?: ModuleGeneration; mirror?: string; infraDir?: string } = {},
) {
  const s = scratch();
  const infraDir = opts.infraDir ? join(s.dir, opts.infraDir) : s.dir;
  mkdirSync(infraDir, { recursive: true });
  const infraFile = join(infraDir, 'infra.yaml');
  const yaml = setupYaml(opts.yamlGeneration ?? generation);
  writeFileSync(infraFile, yaml);
  const keyFile = sandbox.files.serviceAccountKey;
  const env = {
    ...process.env,
    ...sandbox.env,
    GITSPACES_TF_MODULE_MIRROR: opts.mirror ?? standInModuleDir(),
    GITSPACES_TF_PROVIDERS: 'none',
  };
  // The module on its own: state stays local (the opt-out), so this test needs no state bucket.
  const config = configFor(generation, '  backend:\n    type: local\n');
  const root = generateRoot({ config, keyFile, infraConfigFile: infraFile, env });
  const workdir = join(s.dir, 'root');
  writeRoot(workdir, root);
  const log = new RecordingLogger();
  const runner = new TerraformCli({ binary: 'terraform', cwd: workdir, env, log, lockTimeout: '1m' });
  return { ...s, keyFile, workdir, root, runner, log, yaml, infraFile };
}

/** What the module's own uuid() and timestamp() change on every plan (and what depends on them). */
const CHURN = [
  'module.gitspaces.module.infra.google_compute_region_backend_service.alb_default["us-central1"]: update',
  'module.gitspaces.module.infra.google_compute_region_backend_service.nlb_default["us-central1"]: update',
  'module.gitspaces.module.infra.google_compute_region_backend_service.nlb_gateway_default["us-central1"]: update',
  'module.gitspaces.module.infra.google_compute_region_instance_group_manager.gateway["us-central1"]: create,delete',
  'module.gitspaces.module.infra.google_compute_region_instance_template.default_template["us-central1"]: create,delete',
  'module.gitspaces.null_resource.write_yaml: delete,create',
];

describe('the stand-in module under the real terraform', () => {
  for (const generation of ['v0.0.3', 'post-0.0.3'] as const) {
    itTf(
      `${generation}: init, plan, apply, a second plan with only the module's own churn, pool.yaml as the real module writes it, destroy (needs terraform)`,
      async () => {
        const t = setup(generation);
        try {
          await t.runner.init();
          await checkInstalledModule(t.workdir, t.root, t.yaml);
          const first = await t.runner.plan({ planFile: 'plan.tfplan' });
          expect(first.changes).toBe(true);
          const plan = await t.runner.show('plan.tfplan');
          // As with the real module, the addresses are allocated by Google: known only after apply.
          expect(plan.output_changes?.alb_ips?.after_unknown).toEqual({ 'us-central1': true });
          expect((plan.resource_changes ?? []).map((c) => c.address)).toContain(
            'module.gitspaces.module.infra.google_compute_region_instance_group_manager.gateway["us-central1"]',
          );
          await t.runner.apply('plan.tfplan');
          const alb = (await t.runner.output()).alb_ips!.value as Record<string, string>;
          expect(Object.keys(alb)).toEqual(['us-central1']);

          // What the module created in the emulated GCP project.
          expect(computeNames('addresses')).toEqual([
            'gitspaces-us-central1-alb-ip',
            'gitspaces-us-central1-nat-static-ip',
            'gitspaces-us-central1-nlb-ip',
          ]);
          const albAddr = gcp().compute.get(
            'projects/acme-gitspaces/regions/us-central1/addresses/gitspaces-us-central1-alb-ip',
          );
          expect(albAddr?.address).toBe(alb['us-central1']);
          expect(computeNames('instanceGroupManagers')).toEqual([
            expect.stringMatching(/^gitspaces-us-central1-gateway-group-1-16-0-[0-9a-f]{8}$/),
          ]);
          expect(computeNames('firewalls')).toHaveLength(8);
          expect(computeNames('forwardingRules')).toEqual([
            'gitspaces-us-central1-default-alb-frontend',
            'gitspaces-us-central1-default-nlb-frontend',
            'gitspaces-us-central1-gateway-nlb-frontend',
          ]);
          const zone = gcp().zones.get('gitspaces-acme-dev');
          expect(
            zone?.rrsets.find((r) => r.name === 'usc1.gitspaces.acme.dev.' && r.type === 'A')?.rrdatas,
          ).toEqual([alb['us-central1']]);
          expect(lastNames(gcp().certs)).toEqual(['gitspaces-us-central1-dns-cert']);
          expect(lastNames(gcp().dnsAuthorizations)).toEqual([
            'gitspaces-us-central1-default-wildcard-dns-auth',
          ]);
          expect(computeNames('instances').filter((n) => n.endsWith('runner-vm'))).toEqual(
            generation === 'post-0.0.3' ? ['gitspaces-us-central1-runner-vm'] : [],
          );

          // pool.yaml in the working directory, json_path = the variable verbatim.
          const pool = parseYaml(readFileSync(join(t.workdir, 'pool.yaml'), 'utf8')) as {
            version: string;
            instances: { name: string; spec: { account: { json_path: string }; subnetwork: string } }[];
          };
          expect(pool.version).toBe('1');
          expect(pool.instances.map((i) => i.name)).toEqual(['gitspaces-us-central1']);
          expect(pool.instances[0]!.spec.account.json_path).toBe(t.keyFile);
          expect(pool.instances[0]!.spec.subnetwork).toBe(
            'projects/acme-gitspaces/regions/us-central1/subnetworks/harnessdefault',
          );
          const outputs = await t.runner.output();
          expect(parseYaml(outputs.instance_yaml!.value as string)).toEqual(pool);
          expect(outputs.managed_domain_zone!.value).toBe('gitspaces.acme.dev.');

          // A second plan right after apply: exactly the real module's own churn (uuid() in the gateway names,
          // timestamp() in pool.yaml), nothing else; a refresh-only plan reports no drift.
          const second = await t.runner.plan({ planFile: 'plan2.tfplan' });
          expect(second.changes).toBe(true);
          const secondPlan = await t.runner.show('plan2.tfplan');
          const changed = (secondPlan.resource_changes ?? [])
            .filter(
              (c) =>
                !(c.change.actions.length === 1 && ['no-op', 'read'].includes(c.change.actions[0] as string)),
            )
            .map((c) => `${c.address}: ${c.change.actions.join(',')}`)
            .sort();
          expect(changed).toEqual(CHURN);
          // A refresh-only plan right after the first apply reports what Google changed by itself since each
          // object was created, as it would with the real provider: the ALB address now has users (the
          // forwarding rules made after it), the managed certificate went from PROVISIONING to ACTIVE, and the
          // instance_yaml output carries a new timestamp(). Nothing else.
          const drift = await t.runner.drift('drift.tfplan');
          expect([...drift.drifted].sort()).toEqual(
            [
              'module.gitspaces.module.domain[0].google_certificate_manager_certificate.default["us-central1"]',
              'module.gitspaces.module.infra.google_compute_address.alb_ip["us-central1"]',
              'output.instance_yaml',
            ].sort(),
          );

          // None of that is drift for the user: computed-only values and an output (docs/terraform.md).
          const computed = computedOnlyAttributes(
            (await t.runner.providersSchema()) as Parameters<typeof computedOnlyAttributes>[0],
          );
          expect(classifyDrift(drift.plan, computed).drifted).toEqual([]);

          // A firewall rule edited behind Terraform's back: the drift mode names it, with the ranges before and after.
          const rule = 'gitspaces-network-allow-gateway-ssh';
          gcp().compute.get(`projects/acme-gitspaces/global/firewalls/${rule}`)!.sourceRanges = ['0.0.0.0/0'];
          const edited = await t.runner.drift('drift2.tfplan');
          const address = `module.gitspaces.module.infra.module.firewall_rules.google_compute_firewall.rules_ingress_egress["${rule}"]`;
          expect(edited.drifted).toContain(address);
          const change = edited.plan.resource_drift!.find((d) => d.address === address)!.change as {
            before: { source_ranges: string[] };
            after: { source_ranges: string[] };
          };
          expect([change.before.source_ranges, change.after.source_ranges]).toEqual([
            ['35.235.240.0/20'],
            ['0.0.0.0/0'],
          ]);
          expect(classifyDrift(edited.plan, computed).drifted).toEqual([
            { address, attributes: ['source_ranges'] },
          ]);

          await t.runner.destroy();
          expect(computeNames('networks')).not.toContain('gitspaces-network');
          expect(computeNames('instanceGroupManagers')).toEqual([]);
          expect(gcp().zones.has('gitspaces-acme-dev')).toBe(false);
          expect(gcp().certs.size).toBe(0);
        } finally {
          rmSync(t.dir, { recursive: true, force: true });
        }
      },
    );
  }

  itTf(
    'a YAML of the other generation is caught before plan, and would fail inside yamldecode like the real module (needs terraform)',
    async () => {
      const t = setup('v0.0.3', { yamlGeneration: 'post-0.0.3' });
      try {
        await t.runner.init();
        let err: unknown;
        try {
          await checkInstalledModule(t.workdir, t.root, t.yaml);
        } catch (e) {
          err = e;
        }
        expect(err).toMatchObject({ name: 'ConfigurationError', code: 'MODULE_GENERATION_MISMATCH' });
        expect((err as { details: string[] }).details.join('\n')).toMatch(
          /lacks gateway\.vm_image\.family, gateway\.vm_image\.project, runner\.vm_image.*looks like the post-0\.0\.3 generation/,
        );
        await expect(t.runner.plan({ planFile: 'p.tfplan' })).rejects.toMatchObject({
          code: 'TERRAFORM_FAILED',
          details: [expect.stringMatching(/Unsupported attribute/)],
        });
      } finally {
        rmSync(t.dir, { recursive: true, force: true });
      }
    },
  );

  itTf(
    'a module whose variables are of the other generation is a MODULE_GENERATION_MISMATCH after init (needs terraform)',
    async () => {
      const s = scratch();
      const mirror = join(s.dir, 'mirror');
      mkdirSync(mirror);
      // "post-0.0.3" that really is v0.0.3: no create_runner_vm.
      symlinkSync(join(standInModuleDir(), 'v0.0.3'), join(mirror, 'post-0.0.3'));
      const t = setup('post-0.0.3', { mirror });
      try {
        await t.runner.init();
        await expect(checkInstalledModule(t.workdir, t.root, t.yaml)).rejects.toThrow(
          expect.objectContaining({
            code: 'MODULE_GENERATION_MISMATCH',
            details: [expect.stringContaining('declares no variable "create_runner_vm"')],
          }) as unknown as Error,
        );
      } finally {
        rmSync(t.dir, { recursive: true, force: true });
        rmSync(s.dir, { recursive: true, force: true });
      }
    },
  );

  itTf(
    'a value with quotes, ${, newlines and backslashes reaches the module unchanged (needs terraform)',
    async () => {
      const weird = `we'ird "dir" \${var.x} %{ if } back\\slash\nnew line`;
      const t = setup('post-0.0.3', { infraDir: weird });
      try {
        expect(t.infraFile).toContain(weird);
        await t.runner.init();
        await checkInstalledModule(t.workdir, t.root, t.yaml);
        await t.runner.plan({ planFile: 'plan.tfplan' });
        // The module reads the YAML with file(var.infra_config_yaml_file): it only plans if the path arrived intact.
        const plan = await t.runner.show('plan.tfplan');
        expect(plan.output_changes?.vpc_network_name?.after).toBe('gitspaces-network');
      } finally {
        rmSync(t.dir, { recursive: true, force: true });
      }
    },
  );

  itTf(
    "a VPC left over from an earlier attempt stops the apply with the provider's 409, as the real module does (needs terraform)",
    async () => {
      const leftover = workdir(
        sandbox,
        'leftover-vpc',
        'resource "google_compute_network" "old" {\n  name                    = "gitspaces-network"\n  auto_create_subnetworks = false\n}\n',
      );
      await leftover.tf('init', '-input=false', '-no-color');
      expect((await leftover.tf('apply', '-input=false', '-no-color', '-auto-approve')).code).toBe(0);
      const t = setup('post-0.0.3');
      try {
        await t.runner.init();
        await t.runner.plan({ planFile: 'plan.tfplan' });
        await expect(t.runner.apply('plan.tfplan')).rejects.toMatchObject({
          code: 'TERRAFORM_FAILED',
          details: [
            expect.stringContaining(
              "Error creating Network: googleapi: Error 409: The resource 'projects/acme-gitspaces/global/networks/gitspaces-network' already exists, alreadyExists",
            ),
          ],
        });
        await t.runner.destroy();
      } finally {
        await leftover.tf('destroy', '-input=false', '-no-color', '-auto-approve');
        rmSync(t.dir, { recursive: true, force: true });
      }
    },
  );

  it('the stand-in is found from the sources', () => {
    expect(existsSync(join(standInModuleDir(), 'post-0.0.3', 'variables.tf'))).toBe(true);
  });
});
