/** The config family (CFG): the file parses and validates, and its keys match the pinned module generation. */
import { formatIssue } from '../config/parse.js';
import { generationForVersion } from '../config/schema.js';
import { PreflightCheck, error, needConfig, ok, warn } from './types.js';

export const CFG_001: PreflightCheck = {
  id: 'CFG-001',
  async run(ctx) {
    if (ctx.config)
      return ok(
        `${ctx.configPath}: valid (version 1, ${Object.keys(ctx.config.infrastructure.regions).length} region(s))`,
        'a gitspaces.yaml that matches the schema',
      );
    const issues = ctx.configIssues;
    return error(
      `${ctx.configPath}: ${issues.length} problem(s): ${issues.map(formatIssue).join(' | ')}`,
      'a gitspaces.yaml that matches the schema (docs/config.md)',
      issues.length
        ? `Correct each field listed (path, what was found, what is expected). ${issues[0]?.fix ?? ''}`
        : 'Create gitspaces.yaml from examples/gitspaces.yaml.',
    );
  },
};

export const CFG_002: PreflightCheck = {
  id: 'CFG-002',
  async run(ctx) {
    const c = needConfig(ctx);
    const mod = c.terraform.module;
    const gen = mod.generation;
    const expected =
      gen === 'v0.0.3'
        ? 'v0.0.3 keys: gateway image as a family (vm_image.family/project), no runner VM'
        : 'post-0.0.3 keys: gateway.vm_image_name, runner.region/zone/vm_image_name, create_runner_vm';
    if (mod.version) {
      const byVersion = generationForVersion(mod.version);
      if (byVersion !== gen) {
        return error(
          `module version ${mod.version} has the ${byVersion} interface, but generation says ${gen}`,
          `generation ${byVersion} for version ${mod.version}`,
          `Remove terraform.module.generation (it is derived from the version) or set it to ${byVersion}.`,
        );
      }
    }
    if (gen === 'v0.0.3') {
      const img = c.infrastructure.gateway.vm_image_name;
      if (img && !/\/images\/family\//.test(img)) {
        return error(
          `gateway.vm_image_name is ${img}, a single image; module ${mod.version ?? 'v0.0.3'} reads only gateway.vm_image.family and .project`,
          expected,
          `Use an image family path (projects/ubuntu-os-cloud/global/images/family/ubuntu-2204-lts), or pin a post-0.0.3 module version that reads vm_image_name.`,
        );
      }
      if (c.terraform.create_runner_vm) {
        return warn(
          `create_runner_vm is true, but the v0.0.3 module has no such variable: no runner VM is created`,
          expected,
          'Create the runner VM yourself and set infrastructure.runner.vm_name (docs/troubleshooting.md#CFG-002), or pin a post-0.0.3 module version that creates it.',
        );
      }
      return ok(
        `generation v0.0.3 (${mod.source}${mod.version ? `@${mod.version}` : ''}); the keys match`,
        expected,
      );
    }
    return ok(
      `generation post-0.0.3 (${mod.source}${mod.version ? `@${mod.version}` : ''}); the keys match`,
      expected,
    );
  },
};

export const CONFIG_CHECKS: readonly PreflightCheck[] = [CFG_001, CFG_002];
