import { createHash } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROVIDER_DATA_ENV } from './files.js';

/**
 * Makes Terraform use the stand-in providers, for the sandbox only: an unpacked filesystem mirror
 * (`<dir>/registry.terraform.io/hashicorp/<type>/<version>/<os>_<arch>/terraform-provider-<type>_v<version>`,
 * the layout Terraform's provider installation docs give) holding a small executable that starts this
 * provider, and a CLI configuration whose provider_installation takes those two providers from the mirror
 * only. `terraform init` then installs them offline, records them in .terraform.lock.hcl, and plan and apply
 * launch them as they would launch the real ones. Nothing else is touched: the real providers are used
 * wherever this CLI configuration is not.
 */

export const STAND_IN_PROVIDERS = [
  { type: 'google', version: '6.50.0' },
  { type: 'null', version: '3.2.4' },
] as const;

export function terraformPlatform(): string {
  const os = process.platform === 'win32' ? 'windows' : process.platform;
  const arch = process.arch === 'x64' ? 'amd64' : process.arch === 'ia32' ? '386' : process.arch;
  return `${os}_${arch}`;
}

/** The provider's sources, for the bundle's cache key. */
function sourceFiles(here: string): string[] {
  const out: string[] = [join(here, '..', '..', 'shared', 'endpoints.ts')];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }))
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.name.endsWith('.ts')) out.push(join(d, e.name));
  };
  walk(here);
  return out.sort();
}

/**
 * From the sources, the provider is bundled once with esbuild (a development dependency) into
 * node_modules/.cache, keyed by the sources' hash: node then starts it in about a third of the time tsx needs
 * to start the TypeScript, which Terraform pays at every launch (several per plan).
 */
function bundleFromSources(here: string): string | undefined {
  // A require of our own (named so that no bundler takes it for its own): esbuild is a development dependency.
  const load = createRequire(join(here, 'install.ts'));
  let esbuild: typeof import('esbuild');
  try {
    esbuild = load('esbuild') as typeof import('esbuild');
  } catch {
    return undefined;
  }
  const hash = createHash('sha256');
  for (const f of sourceFiles(here)) hash.update(f).update(readFileSync(f));
  const cacheDir = join(here, '..', '..', 'node_modules', '.cache', 'gitspaces-provider');
  const out = join(cacheDir, `provider-${hash.digest('hex').slice(0, 16)}.mjs`);
  if (existsSync(out)) return out;
  mkdirSync(cacheDir, { recursive: true });
  const tmp = `${out}.${process.pid}.tmp`;
  esbuild.buildSync({
    entryPoints: [join(here, 'main.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: tmp,
    logLevel: 'error',
    // grpc-js and its peers are CommonJS: give the ESM bundle a require.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
  });
  renameSync(tmp, out);
  // Earlier builds of other sources are not needed any more.
  for (const f of readdirSync(cacheDir))
    if (f.endsWith('.mjs') && join(cacheDir, f) !== out) rmSync(join(cacheDir, f), { force: true });
  return out;
}

/** How to start the provider: the bundle's own entry (dist), else a bundle of the sources, else tsx. */
function launchCommand(): { argv: string[]; env: Record<string, string> } {
  const here = dirname(fileURLToPath(import.meta.url));
  // The bundle: dist/sandbox/provider/provider.js, next to dist/lib where this code then runs from.
  const shipped = [
    join(here, 'provider.js'),
    join(here, 'sandbox', 'provider', 'provider.js'),
    join(here, '..', 'sandbox', 'provider', 'provider.js'),
  ].find(existsSync);
  if (shipped) return { argv: [process.execPath, shipped], env: {} };
  // The sources: next to this file, or (this code bundled elsewhere, as the tests' CLI bundle under
  // node_modules/) in the repository it came from.
  const candidates = [
    here,
    join(here, '..', '..', 'sandbox', 'provider'),
    join(process.cwd(), 'sandbox', 'provider'),
  ];
  const src = candidates.find((d) => existsSync(join(d, 'main.ts')));
  if (!src)
    throw new Error(
      `The stand-in Terraform provider was not found: neither a built dist/sandbox/provider/provider.js nor its sources (looked in ${candidates.join(', ')})`,
    );
  const bundled = bundleFromSources(src);
  if (bundled) return { argv: [process.execPath, bundled], env: { [PROVIDER_DATA_ENV]: src } };
  const tsx = join(
    dirname(createRequire(join(src, 'install.ts')).resolve('tsx/package.json')),
    'dist',
    'loader.mjs',
  );
  return { argv: [process.execPath, '--import', tsx, join(src, 'main.ts')], env: {} };
}

const shQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export interface InstalledProviders {
  mirrorDir: string;
  /** The CLI configuration to point TF_CLI_CONFIG_FILE at. */
  cliConfigFile: string;
}

export function installStandInProviders(dir: string): InstalledProviders {
  const mirrorDir = join(dir, 'provider-mirror');
  const launch = launchCommand();
  for (const p of STAND_IN_PROVIDERS) {
    const pkg = join(mirrorDir, 'registry.terraform.io', 'hashicorp', p.type, p.version, terraformPlatform());
    mkdirSync(pkg, { recursive: true });
    const exe = join(pkg, `terraform-provider-${p.type}_v${p.version}`);
    const env = Object.entries(launch.env)
      .map(([k, v]) => `${k}=${shQuote(v)} `)
      .join('');
    writeFileSync(
      exe,
      `#!/bin/sh\n# The sandbox's stand-in for hashicorp/${p.type} (sandbox/provider).\n${env ? `export ${env}\n` : ''}exec ${[...launch.argv, p.type].map(shQuote).join(' ')} "$@"\n`,
    );
    chmodSync(exe, 0o755);
  }
  const cliConfigFile = join(dir, 'terraform.rc');
  const sources = STAND_IN_PROVIDERS.map((p) => `"registry.terraform.io/hashicorp/${p.type}"`).join(', ');
  writeFileSync(
    cliConfigFile,
    [
      '# Written by the gitspaces sandbox: the google and null providers come from its stand-in mirror, nothing',
      '# from the network.',
      'provider_installation {',
      `  filesystem_mirror {`,
      `    path    = ${JSON.stringify(mirrorDir)}`,
      `    include = [${sources}]`,
      '  }',
      '  direct {',
      `    exclude = [${sources}]`,
      '  }',
      '}',
      '',
    ].join('\n'),
  );
  return { mirrorDir, cliConfigFile };
}
