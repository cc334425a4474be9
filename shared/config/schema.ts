import { z } from 'zod';
import { isNetworkAddress, isValidDomain, isValidLabel, parseCidr } from '../net.js';
import {
  gitBranchProblem,
  gitnessIdentifierProblem,
  insidePathProblem,
  isImageRef,
  ngIdentifierProblem,
  rfc1035,
  workspacePathProblem,
} from './rules.js';

/** The two interface generations of harness/harness-gitspaces/gcp (see docs/domain.md#the-terraform-module). */
export const MODULE_GENERATIONS = ['v0.0.3', 'post-0.0.3'] as const;
export type ModuleGeneration = (typeof MODULE_GENERATIONS)[number];

// The gitspace enums live in a zod-free module so an action can read them without loading the parser.
export { IDES, REPO_TYPES } from './values.js';
import { IDES, REPO_TYPES } from './values.js';

/** At most this many gitspaces in one config file. */
export const MAX_GITSPACES = 10_000;
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
/** The same, bounded: a project id is at most 30 characters, an image or family name at most 63 (RFC 1035). */
const IMAGE_BOUNDED_RE = /^projects\/[a-zA-Z0-9-]{1,30}\/global\/images\/(family\/)?[a-zA-Z0-9-]{1,63}$/;
const REGION_RE = /^(?=.{1,63}$)[a-z]+(-[a-z]+)+\d+$/;
const ZONE_RE = /^(?=.{1,63}$)[a-z]+(-[a-z]+)+\d+-[a-z]$/;
const PROJECT_RE = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;

/** Zod carries only a message for format checks: the fix rides along after a separator that the formatter splits on. */
export const FIX_SEP = '\u0000';
function fx(expected: string, fix: string): { message: string } {
  return { message: `${expected}${FIX_SEP}${fix}` };
}

/**
 * A path that must stay inside the workspace (GITHUB_WORKSPACE on a runner, the current directory for the CLI):
 * the generated root, its state and plan files would otherwise land where a later step or another job cannot
 * find them, or outside the checkout entirely. Absolute paths, `..` segments and `~` are refused
 * (shared/config/rules.ts); the actions resolve the path against the workspace (shared/workspace.ts).
 */
export { workspacePathProblem } from './rules.js';
const WORKSPACE_FIX =
  'Use a path relative to the repository checkout, e.g. .gitspaces/terraform (the actions resolve it against GITHUB_WORKSPACE, the CLI against the current directory).';

/** A string checked by one of the rules in rules.ts: the rule's words are the expectation. */
function ruled(problem: (v: string) => string | undefined, fix: string) {
  return z.string().superRefine((v, ctx) => {
    const p = problem(v);
    if (p) ctx.addIssue({ code: 'custom', ...fx(p.replace(/^(expected )?/, 'expected '), fix) });
  });
}
const ngIdentifier = (fix: string) => ruled(ngIdentifierProblem, fix);
/** A GCP resource name (RFC 1035) of at most `max` characters. */
function gcpName(max: number, what: string, fix: string) {
  return z
    .string()
    .regex(
      rfc1035(max),
      fx(`expected ${what}: 1-${max} lower-case letters, digits and dashes, starting with a letter`, fix),
    );
}
const imageRef = z
  .string()
  .refine(
    isImageRef,
    fx(
      'expected a container image reference such as registry.example.com/team/image:tag',
      'Use the image as `docker pull` takes it: lower-case repository path, optional :tag and @sha256:digest.',
    ),
  );
const workspacePath = z.string().superRefine((v, ctx) => {
  const problem = workspacePathProblem(v);
  if (problem) ctx.addIssue({ code: 'custom', ...fx(problem, WORKSPACE_FIX) });
});
/** A path inside the gitspace's repository (devcontainer.json). */
const repoPath = z.string().superRefine((v, ctx) => {
  const problem = insidePathProblem(v, 'the repository');
  if (problem)
    ctx.addIssue({
      code: 'custom',
      ...fx(problem, 'Give the path from the repository root, e.g. .devcontainer/devcontainer.json.'),
    });
});
/** A file path the module reads (certificate files): printable and bounded; where it lives is the user's choice. */
const filePath = z
  .string()
  .min(1)
  .max(1024)
  .refine(
    (v) => !/[\\'"`$*?<>|]/.test(v),
    fx('expected a file path without \\ \' " ` $ * ? < > |', 'Rename the file or move it to a plain path.'),
  );

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
    IMAGE_BOUNDED_RE,
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

const MACHINE_TYPE_FIX = 'Use a machine type from `gcloud compute machine-types list`, e.g. e2-standard-2.';
const machineType = gcpName(63, 'a Compute machine type', MACHINE_TYPE_FIX);

const gateway = z.strictObject({
  machine_type: machineType,
  instances: z.number().int().min(1).max(100).default(1),
  vm_image_name: image.optional(),
  whitelist_ip_ranges: z.array(cidr).min(1).max(100).optional(),
  /**
   * Accept gateways open to the internet (no whitelist, or one with 0.0.0.0/0) on purpose; without it an open
   * gateway is an error (NET-003, NET-004, NET-101). It opens nothing that whitelist_ip_ranges restricts.
   */
  allow_public: z.boolean().default(false),
});

const certificate = z
  .strictObject({
    mode: z.enum(['certificate-manager', 'files']).default('certificate-manager'),
    certificate_path: filePath.optional(),
    private_key_path: filePath.optional(),
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

/**
 * A machine's name: the HUI's 4-20 characters, in the Gitspaces identifier alphabet (it is the resource's name and
 * identifier prefix, harness/harness check.Identifier), starting with a letter or digit (no `.`, `..`, `../x`).
 */
const MACHINE_NAME_RE = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{3,19}$/;
const machineName = z
  .string()
  .regex(
    MACHINE_NAME_RE,
    fx(
      'expected 4-20 letters, digits, - _ or ., starting with a letter or digit',
      'Use a short name such as standard or gpu-large.',
    ),
  );
/** GCP's largest persistent disk is 64 TB (Compute Engine "Disk types" limits). */
const DISK_GB_MAX = 65536;

const machine = z.strictObject({
  name: machineName,
  region,
  zone,
  machine_type: machineType,
  os: z.literal('linux').default('linux'),
  arch: z.enum(['amd64', 'arm64']).default('amd64'),
  vm_image_name: image.optional(),
  boot_disk_type: z.enum(DISK_TYPES).default('pd-balanced'),
  boot_disk_size: z.number().int().min(1).max(DISK_GB_MAX).default(50),
  persistent_disk_type: z.enum(DISK_TYPES).default('pd-balanced'),
  persistent_disk_size: z.number().int().min(1).max(DISK_GB_MAX).default(100),
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
  repo_url: z
    .url({
      protocol: /^https?$/,
      ...fx('expected an http(s) repository URL', 'For example https://github.com/acme/api.'),
    })
    .max(2048)
    .refine(
      (u) => !/^[a-z]+:\/\/[^/]*@/i.test(u),
      fx(
        'expected a repository URL without user or password',
        'Remove the `user:token@` part: Harness reaches private repositories through its own connectors.',
      ),
    ),
  repo_type: z.enum(REPO_TYPES).optional(),
  branch: ruled(gitBranchProblem, 'Use the branch name as `git branch` shows it, e.g. main.').default('main'),
  ide: z.enum(IDES).default('vs_code_web'),
  machine: machineName,
  devcontainer_path: repoPath.optional(),
  ssh_token_identifier: ruled(
    (v) =>
      /^((account|org)\.)?[a-zA-Z_][0-9a-zA-Z_$-]{0,127}$/.test(v)
        ? undefined
        : 'expected a Harness secret identifier (optionally account. or org.): a letter or _ then letters, digits, _ $ -',
    'Copy the SSH key secret identifier from Harness (Project Settings > Secrets).',
  ).optional(),
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
    org: ngIdentifier(
      'Copy the organization identifier (not its name) from Harness: Account Settings > Organizations.',
    ).default('default'),
    project: ngIdentifier(
      'Copy the project identifier (not its name) from Harness: Project Settings > Overview.',
    ).optional(),
    api_url: z
      .url({ protocol: /^https?$/ })
      .max(2048)
      .refine(
        (u) => !/^[a-z]+:\/\/[^/]*@/i.test(u),
        fx('expected a URL without user or password', 'The API key is an input, never part of the URL.'),
      )
      .default('https://app.harness.io'),
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
    identifier: ruled(
      gitnessIdentifierProblem,
      'The identifier cannot be changed after creation; choose it once, e.g. gitspaces_gcp.',
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
      )
      .refine(
        (r) => Object.keys(r).length <= 50,
        fx('expected at most 50 regions', 'Google has fewer regions than that: remove duplicates.'),
      ),
    runner: z.strictObject({
      region,
      zone,
      vm_image_name: image.optional(),
      vm_name: gcpName(63, 'a Compute instance name', 'Use a name such as gitspaces-runner.').optional(),
    }),
  }),
  terraform: z
    .strictObject({
      binary: z.enum(['terraform', 'tofu']).default('terraform'),
      working_directory: workspacePath.default('.gitspaces/terraform'),
      module: z
        .strictObject({
          source: z.string().min(1).max(1024).default('harness/harness-gitspaces/gcp'),
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
            .regex(/^[a-z0-9_]{1,64}$/)
            .default('gcs'),
          config: z
            .record(
              z
                .string()
                .regex(
                  /^[a-z_][a-z0-9_]{0,63}$/,
                  fx('expected a backend setting name', 'Use the name the backend documents.'),
                ),
              z.union([z.string().max(1024), z.number(), z.boolean()]),
            )
            .default({}),
          create_bucket: z.boolean().default(false),
        })
        .superRefine(backendPathRule)
        .optional(),
      lock_timeout: z
        .string()
        .regex(/^\d{1,5}[smh]$/)
        .default('5m'),
    })
    .prefault({}),
  runner: z
    .strictObject({
      image: imageRef.default('drone/drone-runner-aws:latest'),
    })
    .prefault({}),
  delegate: z
    .strictObject({
      // The delegate's container and host name: a DNS label (RFC 1035), at most 63.
      name: gcpName(63, 'a delegate name', 'Use a name such as gitspaces-delegate.').default(
        'gitspaces-delegate',
      ),
      image: imageRef.default('us-west1-docker.pkg.dev/gar-setup/docker/delegate:25.03.85504'),
      tags: z
        .array(z.string().regex(/^[a-zA-Z0-9_-]{1,128}$/))
        .min(1)
        .max(50)
        .default(['gitspaces']),
      token_name: z
        .string()
        .regex(/^[a-zA-Z0-9_-]{1,128}$/)
        .default('gitspaces-delegate-token'),
      manager_url: z
        .url({ protocol: /^https$|^http$/ })
        .max(2048)
        .optional(),
    })
    .prefault({}),
  machines: z.array(machine).max(100).default([]),
  // 1,000 gitspaces in one file is a use the bundle promises (README, "Performance": bench/bulk-1000); the bound
  // keeps a crafted list finite, with the file's own 1 MiB cap (shared/config/read.ts) below it in practice.
  gitspaces: z.array(gitspace).max(MAX_GITSPACES).default([]),
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
  // A region's domain is <subdomain>.<domain>: a DNS name has at most 253 characters (RFC 1035 section 2.3.4).
  const dom = str(infra.domain);
  for (const [region, rc] of Object.entries(obj(infra.regions))) {
    const sub = str(obj(rc).subdomain);
    if (dom && sub && sub.length + 1 + dom.length > 253)
      add(
        ['infrastructure', 'regions', region, 'subdomain'],
        `a subdomain that keeps <subdomain>.${dom} within 253 characters`,
        'Shorten the subdomain (a prefix such as usc1 is enough).',
        sub,
      );
  }
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
