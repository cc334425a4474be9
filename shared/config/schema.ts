import { z } from 'zod';
import { isNetworkAddress, isValidDomain, isValidLabel, parseCidr } from '../net.js';

/** The two interface generations of harness/harness-gitspaces/gcp (see docs/domain.md#the-terraform-module). */
export const MODULE_GENERATIONS = ['v0.0.3', 'post-0.0.3'] as const;
export type ModuleGeneration = (typeof MODULE_GENERATIONS)[number];

// The gitspace enums live in a zod-free module so an action can read them without loading the parser.
export { IDES, REPO_TYPES } from './values.js';
import { IDES, REPO_TYPES } from './values.js';
export const DISK_TYPES = [
  'pd-standard',
  'pd-balanced',
  'pd-ssd',
  'pd-extreme',
  'local-ssd',
  'hyperdisk-balanced',
  'hyperdisk-ml',
  'hyperdisk-throughput',
  'hyperdisk-extreme',
] as const;

/** The UI's image rule (HUI InfraValidations.utils.ts). */
export const IMAGE_RE = /^projects\/[a-zA-Z0-9-]+\/global\/images\/(family\/[a-zA-Z0-9-]+|[a-zA-Z0-9-]+)$/;
const REGION_RE = /^[a-z]+(-[a-z]+)+\d+$/;
const ZONE_RE = /^[a-z]+(-[a-z]+)+\d+-[a-z]$/;
const PROJECT_RE = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;

/** Zod carries only a message for format checks: the fix rides along after a separator that the formatter splits on. */
export const FIX_SEP = '\u0000';
function fx(expected: string, fix: string): { message: string } {
  return { message: `${expected}${FIX_SEP}${fix}` };
}

/**
 * A path that must stay inside the workspace (GITHUB_WORKSPACE on a runner): the generated root, its state and
 * plan files would otherwise land where a later step or another job cannot find them, or outside the checkout
 * entirely. `..` segments and `~` are refused. Absolute paths are still accepted: the CLI's sandbox mode and the
 * end-to-end tests place the working directory in a scratch directory by absolute path; refusing them needs
 * the actions to resolve working_directory against GITHUB_WORKSPACE first.
 */
export function workspacePathProblem(v: string): string | undefined {
  if (v.trim() === '') return 'a non-empty path relative to the workspace';
  if (v.startsWith('~')) return 'a path relative to the workspace, not under the home directory (~)';
  if (v.split(/[\\/]/).includes('..')) return 'a path inside the workspace, without `..` segments';
  return undefined;
}
const WORKSPACE_FIX = 'Use a relative path inside the repository checkout, e.g. .gitspaces/terraform.';
const workspacePath = z.string().superRefine((v, ctx) => {
  const problem = workspacePathProblem(v);
  if (problem) ctx.addIssue({ code: 'custom', ...fx(problem, WORKSPACE_FIX) });
});

/** Backend settings that name a local path (the local backend's `path` and `workspace_dir`). */
const BACKEND_PATH_KEYS = ['path', 'workspace_dir'];
function backendPathRule(b: { config: Record<string, unknown> }, ctx: z.RefinementCtx): void {
  for (const key of BACKEND_PATH_KEYS) {
    const v = b.config[key];
    const problem = typeof v === 'string' ? workspacePathProblem(v) : undefined;
    if (problem)
      ctx.addIssue({ code: 'custom', path: ['config', key], input: v, ...fx(problem, WORKSPACE_FIX) });
  }
}

const cidr = z.string().superRefine((v, ctx) => {
  const c = parseCidr(v);
  if (!c)
    ctx.addIssue({
      code: 'custom',
      ...fx(
        'expected an IPv4 CIDR such as 10.6.0.0/16',
        'Write the range as a.b.c.d/prefix, for example 10.6.0.0/16.',
      ),
    });
  else if (!isNetworkAddress(c)) {
    const mask = 2 ** (32 - c.prefix);
    const b = Math.floor(c.base / mask) * mask;
    const ip = [24, 16, 8, 0].map((s) => (b >>> s) & 255).join('.');
    ctx.addIssue({
      code: 'custom',
      ...fx('expected a network address (no host bits set)', `Use ${ip}/${c.prefix}.`),
    });
  }
});

const domain = z
  .string()
  .refine(
    isValidDomain,
    fx(
      'expected a lower-case DNS name with at least two labels, such as gitspaces.example.com',
      'Use the (sub)domain you can delegate, lower-case, without scheme or trailing path.',
    ),
  );

const image = z
  .string()
  .regex(
    IMAGE_RE,
    fx(
      'expected a GCP image path: projects/<project>/global/images/<name> or .../images/family/<family>',
      'For example projects/ubuntu-os-cloud/global/images/family/ubuntu-2204-lts (only Ubuntu images are supported).',
    ),
  );

const region = z
  .string()
  .regex(
    REGION_RE,
    fx('expected a GCP region such as us-central1', 'Use a region name from `gcloud compute regions list`.'),
  );
const zone = z
  .string()
  .regex(
    ZONE_RE,
    fx('expected a GCP zone such as us-central1-a', 'Use a zone name from `gcloud compute zones list`.'),
  );

const regionConfig = z.strictObject({
  subdomain: z
    .string()
    .refine(
      (s) => s === '' || s.split('.').every(isValidLabel),
      fx(
        'expected DNS labels (lower-case letters, digits, dashes)',
        'Use a prefix such as usc1; the region domain becomes <subdomain>.<domain>.',
      ),
    )
    .default(''),
  default_subnet_ip_range: cidr,
  proxy_subnet_ip_range: cidr,
});

const gateway = z.strictObject({
  machine_type: z.string().min(1),
  instances: z.number().int().min(1).max(100).default(1),
  vm_image_name: image.optional(),
  whitelist_ip_ranges: z.array(cidr).min(1).optional(),
});

const certificate = z
  .strictObject({
    mode: z.enum(['certificate-manager', 'files']).default('certificate-manager'),
    certificate_path: z.string().optional(),
    private_key_path: z.string().optional(),
  })
  .superRefine((c, ctx) => {
    if (c.mode === 'files') {
      for (const k of ['certificate_path', 'private_key_path'] as const) {
        if (!c[k])
          ctx.addIssue({
            code: 'custom',
            path: [k],
            ...fx(
              'required when mode is files',
              `Set terraform.certificate.${k} to a PEM file path, or use mode: certificate-manager.`,
            ),
          });
      }
    }
  });

const machine = z.strictObject({
  name: z.string().min(4).max(20),
  region,
  zone,
  machine_type: z.string().min(1),
  os: z.literal('linux').default('linux'),
  arch: z.enum(['amd64', 'arm64']).default('amd64'),
  vm_image_name: image.optional(),
  boot_disk_type: z.enum(DISK_TYPES).default('pd-balanced'),
  boot_disk_size: z.number().int().min(1).default(50),
  persistent_disk_type: z.enum(DISK_TYPES).default('pd-balanced'),
  persistent_disk_size: z.number().int().min(1).default(100),
});

const gitspace = z.strictObject({
  name: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9-]{0,49}$/,
      fx(
        'expected 1-50 lower-case letters, digits and dashes',
        'The server lower-cases identifiers and adds a suffix; use a short name such as api-dev.',
      ),
    ),
  repo_url: z.url({
    protocol: /^https?$/,
    ...fx('expected an http(s) repository URL', 'For example https://github.com/acme/api.'),
  }),
  repo_type: z.enum(REPO_TYPES).optional(),
  branch: z.string().min(1).default('main'),
  ide: z.enum(IDES).default('vs_code_web'),
  machine: z.string().min(1),
  devcontainer_path: z.string().optional(),
  ssh_token_identifier: z.string().optional(),
});

export const configSchema = z.strictObject({
  version: z.literal(1),
  harness: z.strictObject({
    account_id: z
      .string()
      .regex(
        /^[A-Za-z0-9_-]{1,64}$/,
        fx('expected the Harness account identifier', 'Copy it from Account Settings > Overview in Harness.'),
      ),
    org: z.string().min(1).default('default'),
    project: z.string().min(1).optional(),
    api_url: z.url({ protocol: /^https?$/ }).default('https://app.harness.io'),
  }),
  gcp: z.strictObject({
    project_id: z
      .string()
      .regex(
        PROJECT_RE,
        fx(
          'expected a GCP project id (6-30 lower-case letters, digits, dashes)',
          'Use the project ID, not its name or number.',
        ),
      ),
    credentials: z.enum(['key', 'keyless']).default('key'),
    /** The service account a P12 key belongs to (the file does not say); ignored for JSON keys and keyless. */
    service_account_email: z
      .string()
      .regex(
        /^[a-z0-9][a-z0-9-]{4,28}[a-z0-9]@[a-z0-9.-]+\.gserviceaccount\.com$/,
        fx(
          "expected a service account's email (SA_NAME@PROJECT.iam.gserviceaccount.com)",
          'Copy it from IAM & Admin -> Service Accounts (the account the P12 key was created for).',
        ),
      )
      .optional(),
  }),
  infrastructure: z.strictObject({
    identifier: z
      .string()
      .regex(
        /^[a-zA-Z0-9_.-]{1,100}$/,
        fx(
          'expected 1-100 letters, digits, - _ or .',
          'The identifier cannot be changed after creation; choose it once, e.g. gitspaces_gcp.',
        ),
      ),
    name: z
      .string()
      .regex(
        /^[a-z][a-z0-9-]{3,18}[a-z0-9]$/,
        fx(
          'expected 5-20 lower-case letters, digits and dashes, starting with a letter',
          'It prefixes every GCP resource name; use something short such as gitspaces.',
        ),
      ),
    domain,
    gateway,
    regions: z
      .record(region, regionConfig)
      .refine(
        (r) => Object.keys(r).length > 0,
        fx('expected at least one region', 'Add a region under infrastructure.regions.'),
      ),
    runner: z.strictObject({ region, zone, vm_image_name: image.optional(), vm_name: z.string().optional() }),
  }),
  terraform: z
    .strictObject({
      binary: z.enum(['terraform', 'tofu']).default('terraform'),
      working_directory: workspacePath.default('.gitspaces/terraform'),
      module: z
        .strictObject({
          source: z.string().min(1).default('harness/harness-gitspaces/gcp'),
          version: z
            .string()
            .regex(
              /^\d+\.\d+\.\d+$/,
              fx(
                'expected an exact version such as 0.0.3',
                'Pin the module to one version; ranges let the interface change under you.',
              ),
            )
            .optional(),
          generation: z.enum(MODULE_GENERATIONS).optional(),
        })
        .default({ source: 'harness/harness-gitspaces/gcp', version: '0.0.3' }),
      manage_dns_zone: z.boolean().default(true),
      certificate: certificate.default({ mode: 'certificate-manager' }),
      create_runner_vm: z.boolean().default(true),
      backend: z
        .strictObject({
          type: z
            .string()
            .regex(/^[a-z0-9_]+$/)
            .default('gcs'),
          config: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
          create_bucket: z.boolean().default(false),
        })
        .superRefine(backendPathRule)
        .optional(),
      lock_timeout: z
        .string()
        .regex(/^\d+[smh]$/)
        .default('5m'),
    })
    .prefault({}),
  runner: z
    .strictObject({
      image: z.string().default('drone/drone-runner-aws:latest'),
    })
    .prefault({}),
  delegate: z
    .strictObject({
      name: z
        .string()
        .regex(/^[a-z][a-z0-9-]{0,62}$/)
        .default('gitspaces-delegate'),
      image: z.string().default('us-west1-docker.pkg.dev/gar-setup/docker/delegate:25.03.85504'),
      tags: z
        .array(z.string().regex(/^[a-zA-Z0-9_-]+$/))
        .min(1)
        .default(['gitspaces']),
      token_name: z
        .string()
        .regex(/^[a-zA-Z0-9_-]+$/)
        .default('gitspaces-delegate-token'),
      manager_url: z.url({ protocol: /^https$|^http$/ }).optional(),
    })
    .prefault({}),
  machines: z.array(machine).default([]),
  gitspaces: z.array(gitspace).default([]),
});

type Raw = z.input<typeof configSchema>;
export type GitspacesConfig = z.output<typeof configSchema> & {
  terraform: { module: { generation: ModuleGeneration } };
};
export type MachineConfig = GitspacesConfig['machines'][number];
export type GitspaceConfigEntry = GitspacesConfig['gitspaces'][number];
export type RegionConfig = GitspacesConfig['infrastructure']['regions'][string];
export type { Raw as RawConfig };

export interface CrossIssue {
  path: string;
  found: unknown;
  expected: string;
  fix: string;
}

/**
 * Checks between fields (references, zones of regions). They run on the raw document, even when other
 * fields are invalid, so that a user sees every problem in one pass.
 */
export function crossFieldChecks(raw: unknown): CrossIssue[] {
  const out: CrossIssue[] = [];
  const add = (path: (string | number)[], expected: string, fix: string, found: unknown) =>
    out.push({ path: path.join('.'), expected, fix, found });
  const obj = (v: unknown): Record<string, unknown> =>
    v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  const arr = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.map(obj) : []);
  const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
  const c = obj(raw);
  const infra = obj(c.infrastructure);
  const regions = Object.keys(obj(infra.regions));
  const runner = obj(infra.runner);
  const rRegion = str(runner.region);
  const rZone = str(runner.zone);
  if (rRegion && regions.length && !regions.includes(rRegion)) {
    add(
      ['infrastructure', 'runner', 'region'],
      `one of the configured regions (${regions.join(', ')})`,
      'The runner VM must live in one of infrastructure.regions.',
      rRegion,
    );
  }
  if (rRegion && rZone && !rZone.startsWith(`${rRegion}-`))
    add(
      ['infrastructure', 'runner', 'zone'],
      `a zone of region ${rRegion}`,
      `Use a zone such as ${rRegion}-a.`,
      rZone,
    );
  const names = new Set<string>();
  arr(c.machines).forEach((m, i) => {
    const name = str(m.name);
    const region = str(m.region);
    const zone = str(m.zone);
    if (name && names.has(name))
      add(['machines', i, 'name'], 'machine names to be unique', 'Rename one of the machines.', name);
    if (name) names.add(name);
    if (region && regions.length && !regions.includes(region))
      add(
        ['machines', i, 'region'],
        `one of the configured regions (${regions.join(', ')})`,
        'Machines can only be created in regions the infrastructure has.',
        region,
      );
    if (region && zone && !zone.startsWith(`${region}-`))
      add(['machines', i, 'zone'], `a zone of region ${region}`, `Use a zone such as ${region}-a.`, zone);
  });
  const gsNames = new Set<string>();
  const gitspaces = arr(c.gitspaces);
  gitspaces.forEach((g, i) => {
    const name = str(g.name);
    const machine = str(g.machine);
    if (name && gsNames.has(name))
      add(['gitspaces', i, 'name'], 'gitspace names to be unique', 'Rename one of the gitspaces.', name);
    if (name) gsNames.add(name);
    if (machine && !names.has(machine))
      add(
        ['gitspaces', i, 'machine'],
        `the name of a machine under machines (${[...names].join(', ') || 'none declared'})`,
        'Declare the machine under machines, or fix the name.',
        machine,
      );
  });
  const harness = obj(c.harness);
  if (gitspaces.length > 0 && c.harness !== undefined && harness.project === undefined) {
    add(
      ['harness', 'project'],
      'a Harness project identifier (required when gitspaces are declared)',
      'Gitspaces live in a Harness project: set harness.project.',
      undefined,
    );
  }
  const tf = obj(c.terraform);
  const mod = obj(tf.module);
  if (tf.module !== undefined && mod.generation === undefined && mod.version === undefined) {
    add(
      ['terraform', 'module', 'generation'],
      'v0.0.3 or post-0.0.3 (required when module.version is not set)',
      'Set generation to say which interface a git or local module source has, or pin a registry version.',
      undefined,
    );
  }
  const cert = obj(tf.certificate);
  if ((cert.mode ?? 'certificate-manager') === 'certificate-manager' && tf.manage_dns_zone === false) {
    add(
      ['terraform', 'manage_dns_zone'],
      'true when certificate.mode is certificate-manager',
      'The module creates the managed certificate only inside its DNS module: set manage_dns_zone: true, or certificate.mode: files.',
      false,
    );
  }
  return out;
}

/** v0.0.3 or older is the first interface; anything newer is post-0.0.3. */
export function generationForVersion(version: string): ModuleGeneration {
  const [a, b, c] = version.split('.').map(Number) as [number, number, number];
  return a === 0 && b === 0 && c <= 3 ? 'v0.0.3' : 'post-0.0.3';
}
