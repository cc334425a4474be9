import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

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

/** How to start the provider: the bundle's entry when it exists (dist), else the TypeScript sources via tsx. */
function launchCommand(): string[] {
  const here = dirname(fileURLToPath(import.meta.url));
  const bundled = [join(here, 'provider.js'), join(here, 'sandbox', 'provider', 'provider.js')].find(existsSync);
  if (bundled) return [process.execPath, bundled];
  const tsx = join(dirname(createRequire(join(here, 'install.ts')).resolve('tsx/package.json')), 'dist', 'loader.mjs');
  return [process.execPath, '--import', tsx, join(here, 'main.ts')];
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
    writeFileSync(exe, `#!/bin/sh\n# The sandbox's stand-in for hashicorp/${p.type} (sandbox/provider).\nexec ${[...launch, p.type].map(shQuote).join(' ')} "$@"\n`);
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
