/** The tools family (TOOL): the programs the module needs on the machine that runs the job. */
import { PreflightCheck, error, ok, warn } from './types.js';

function parseVersion(v: string): number[] {
  return v
    .replace(/^v/, '')
    .split(/[.-]/)
    .slice(0, 3)
    .map((x) => Number.parseInt(x, 10) || 0);
}
function atLeast(v: string, min: string): boolean {
  const a = parseVersion(v);
  const b = parseVersion(min);
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  return true;
}

export const TOOL_001: PreflightCheck = {
  id: 'TOOL-001',
  async run(ctx) {
    const preferred = ctx.config?.terraform.binary ?? 'terraform';
    const candidates = [preferred, preferred === 'terraform' ? 'tofu' : 'terraform'];
    const found: string[] = [];
    for (const bin of candidates) {
      const r = await ctx.exec(bin, ['version', '-json']);
      if (r.error || r.code !== 0) continue;
      let version: string;
      try {
        version = String((JSON.parse(r.stdout) as { terraform_version?: string }).terraform_version ?? '');
      } catch {
        version = r.stdout.match(/v?(\d+\.\d+\.\d+)/)?.[1] ?? '';
      }
      if (!version) continue;
      if (!atLeast(version, '1.3.0')) {
        found.push(`${bin} ${version}`);
        continue;
      }
      if (bin !== preferred) {
        return warn(
          `${preferred} not found; ${bin} ${version} is`,
          `${preferred} >= 1.3 (terraform.binary)`,
          `Set terraform.binary: ${bin}, or install ${preferred} (hashicorp/setup-terraform or opentofu/setup-opentofu).`,
        );
      }
      return ok(`${bin} ${version}`, `${preferred} >= 1.3 (the module's submodules need 1.3)`);
    }
    if (found.length)
      return error(
        `only ${found.join(', ')}`,
        'terraform or tofu >= 1.3',
        'Install a newer version: hashicorp/setup-terraform@v4 with terraform_version: 1.9.x (or opentofu/setup-opentofu).',
      );
    return error(
      `neither ${candidates.join(' nor ')} is on PATH`,
      'terraform or tofu >= 1.3 on PATH',
      'Add hashicorp/setup-terraform@v4 (or opentofu/setup-opentofu@v2) before this step.',
    );
  },
};

export const TOOL_002: PreflightCheck = {
  id: 'TOOL-002',
  async run(ctx) {
    const r = await ctx.exec('sh', ['-c', 'true']);
    if (r.error || r.code !== 0) {
      return error(
        `sh -c true failed: ${r.error ?? `exit ${r.code}`}`,
        'a POSIX sh (the module writes pool.yaml with local-exec `echo ... > pool.yaml`)',
        'Run the job on Linux or macOS (runs-on: ubuntu-latest), or install a POSIX shell on PATH.',
      );
    }
    return ok('sh runs', "a POSIX sh for the module's local-exec");
  },
};

export const TOOLS_CHECKS: readonly PreflightCheck[] = [TOOL_001, TOOL_002];
