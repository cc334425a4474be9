import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { ModuleGeneration } from '../../shared/config/schema.js';
import { RecordingLogger } from '../../shared/logger.js';
import { checkInstalledModule, generateRoot, writeRoot } from '../../shared/terraform/root.js';
import { TerraformCli } from '../../shared/terraform/cli.js';
import { standInModuleDir } from '../../sandbox/module/locate.js';
import { Sandbox, startSandbox } from '../../sandbox/index.js';
import { itNeedsTerraform, configFor, scratch, setupYaml } from './fixtures.js';

const itTf = itNeedsTerraform;

/**
 * The sandbox's Google emulators (token exchange checking the key's signature, Compute, Cloud DNS, Certificate
 * Manager, with their validation, conflicts and long-running operations) are what the module's script talks to.
 */
let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox();
});
afterAll(async () => {
  await sb?.stop();
});

const COMPUTE = ['networks', 'subnetworks', 'firewalls', 'addresses', 'instances', 'instanceTemplates'];

/** Everything in the emulated project, by name: compared before apply and after destroy. */
async function project(): Promise<Record<string, string[]>> {
  const gcp = sb.world.gcp;
  const { token } = gcp.issueAccessToken(gcp.clientEmail);
  const auths = (await (
    await fetch(
      `${sb.urls.certificatemanager}/v1/projects/acme-gitspaces/locations/us-central1/dnsAuthorizations`,
      { headers: { authorization: `Bearer ${token}` } },
    )
  ).json()) as { dnsAuthorizations?: { name: string }[] };
  return {
    ...Object.fromEntries(COMPUTE.map((c) => [c, gcp.listResources(c).map((r) => String(r.name))])),
    instanceGroupManagers: gcp.listResources('instanceGroupManagers').map((r) => String(r.name)),
    managedZones: gcp.managedZones().map((z) => z.name),
    certificates: gcp.certificates().map((c) => String(c.name).split('/').pop() as string),
    dnsAuthorizations: (auths.dnsAuthorizations ?? []).map((a) => a.name.split('/').pop() as string),
  };
}

function setup(
  generation: ModuleGeneration,
  opts: { yamlGeneration?: ModuleGeneration; mirror?: string; infraDir?: string } = {},
) {
  // The key the sandbox issued: its token endpoint checks the JWT's signature against it.
  const s = { ...scratch(), keyFile: sb.files.serviceAccountKey };
  const infraDir = opts.infraDir ? join(s.dir, opts.infraDir) : s.dir;
  mkdirSync(infraDir, { recursive: true });
  const infraFile = join(infraDir, 'infra.yaml');
  const yaml = setupYaml(opts.yamlGeneration ?? generation);
  writeFileSync(infraFile, yaml);
  const env = {
    ...process.env,
    ...sb.env,
    TF_CLI_CONFIG_FILE: s.tfrc,
    CHECKPOINT_DISABLE: '1',
    GITSPACES_TF_MODULE_MIRROR: opts.mirror ?? standInModuleDir(),
    GITSPACES_TF_PROVIDERS: 'none',
  };
  const config = configFor(generation);
  const root = generateRoot({ config, keyFile: s.keyFile, infraConfigFile: infraFile, env });
  const workdir = join(s.dir, 'root');
  writeRoot(workdir, root);
  const log = new RecordingLogger();
  const runner = new TerraformCli({ binary: 'terraform', cwd: workdir, env, log, lockTimeout: '1m' });
  return { ...s, workdir, root, runner, log, yaml, infraFile };
}

describe('the stand-in module under the real terraform', () => {
  for (const generation of ['v0.0.3', 'post-0.0.3'] as const) {
    itTf(
      `${generation}: init, plan, apply, a second empty plan, pool.yaml as the real module writes it, destroy (needs terraform)`,
      async () => {
        const t = setup(generation);
        try {
          const before = await project();
          await t.runner.init();
          await checkInstalledModule(t.workdir, t.root, t.yaml);
          const first = await t.runner.plan({ planFile: 'plan.tfplan' });
          expect(first.changes).toBe(true);
          const plan = await t.runner.show('plan.tfplan');
          const alb = plan.output_changes?.alb_ips?.after as Record<string, string>;
          expect(Object.keys(alb)).toEqual(['us-central1']);
          await t.runner.apply('plan.tfplan');

          // What the module created in GCP, through the REST API.
          const gcp = sb.world.gcp;
          const after = await project();
          expect(after.addresses).toEqual(
            expect.arrayContaining(['gitspaces-us-central1-alb-ip', 'gitspaces-us-central1-nlb-ip']),
          );
          const albAddr = gcp
            .listResources('addresses')
            .find((a) => a.name === 'gitspaces-us-central1-alb-ip');
          expect(albAddr?.address).toBe(alb['us-central1']);
          expect(after.instanceGroupManagers).toEqual([
            expect.stringMatching(/^gitspaces-us-central1-gateway-group-1-16-0-[0-9a-f]{8}$/),
          ]);
          expect(
            gcp
              .recordSets('gitspaces-acme-dev')
              .filter((r) => r.type === 'A')
              .map((r) => [r.name, r.rrdatas]),
          ).toEqual([['usc1.gitspaces.acme.dev.', [alb['us-central1']]]]);
          expect(after.certificates).toEqual(['gitspaces-us-central1-dns-cert']);
          expect(after.dnsAuthorizations).toEqual(['gitspaces-us-central1-default-wildcard-dns-auth']);
          expect(after.instances).toEqual(
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

          const second = await t.runner.plan({ planFile: 'plan2.tfplan' });
          expect(second.changes).toBe(false);
          const drift = await t.runner.drift('drift.tfplan');
          expect(drift.drift).toBe(false);

          await t.runner.destroy();
          expect(await project()).toEqual(before);
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
        await t.runner.apply('plan.tfplan');
        const state = await t.runner.exec(['show', '-json', '-no-color'], { quiet: true });
        type Res = { address: string; values: { input?: Record<string, unknown> } };
        const modules = (
          JSON.parse(state.stdout) as { values: { root_module: { child_modules: { resources: Res[] }[] } } }
        ).values.root_module.child_modules;
        const vars = modules
          .flatMap((m) => m.resources)
          .find((r) => r.address === 'module.gitspaces.terraform_data.variables');
        expect(vars?.values.input?.infra_config_yaml_file).toBe(t.infraFile);
        expect(vars?.values.input?.service_account_key_file).toBe(t.keyFile);
        await t.runner.destroy();
      } finally {
        rmSync(t.dir, { recursive: true, force: true });
      }
    },
  );

  it('the stand-in is found from the sources', () => {
    expect(existsSync(join(standInModuleDir(), 'post-0.0.3', 'variables.tf'))).toBe(true);
  });
});
