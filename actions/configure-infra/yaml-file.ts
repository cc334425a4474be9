/**
 * The Infra Config YAML as configure-infra writes it, in apply and in preview alike: the config's gateway settings
 * written in and checked, and the file kept where only this user can read it.
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import type { ActionIO } from '../../shared/action.js';
import type { GitspacesConfig } from '../../shared/config/schema.js';
import { ConfigurationError } from '../../shared/errors.js';
import type { CheckResult } from '../../shared/report/model.js';
import { infraConfigDefaultPath, workspaceRoot, writePrivateFile } from '../../shared/workspace.js';

/**
 * The config's gateway whitelist and image written into the downloaded YAML (Harness's does not carry the
 * whitelist, and its v0.0.3 sample names a Debian gateway image: shared/checks/infra-yaml.ts), then held to
 * NET-004 and IMG-002. A gateway left open or on another image is a configuration error: nothing is written.
 */
export async function gatewayIntoYaml(
  setupYaml: string,
  config: GitspacesConfig,
): Promise<{ text: string; changes: string[]; checks: CheckResult[] }> {
  const { parse, stringify } = await import('yaml');
  const { applyGatewayConfig, gatewayOf, imageFinding, whitelistFinding } =
    await import('../../shared/checks/infra-yaml.js');
  const doc = parse(setupYaml) as Record<string, unknown>;
  const changes = applyGatewayConfig(doc, config);
  const gw = gatewayOf(doc);
  const findings = [
    {
      id: 'NET-004',
      title: 'the Infra Config YAML restricts the gateway ingress',
      ...whitelistFinding(gw, config),
    },
    { id: 'IMG-002', title: 'the Infra Config YAML names the gateway image', ...imageFinding(gw, config) },
  ];
  const failed = findings.find((f) => f.status === 'error');
  if (failed)
    throw new ConfigurationError(
      failed.id === 'NET-004' ? 'GATEWAY_OPEN_TO_INTERNET' : 'GATEWAY_IMAGE_UNSUPPORTED',
      `${failed.id}: ${failed.observed}.`,
      failed.fix,
    );
  const checks = findings.map((f) => ({ ...f, docUrl: '', durationMs: 0 }));
  return { text: changes.length ? stringify(doc) : setupYaml, changes, checks };
}

/**
 * Writes the YAML and returns its path. It holds the gateway's shared secret: by default it goes to a private (0700)
 * directory outside the work tree (RUNNER_TEMP/gitspaces on a runner, which the runner empties at the end of the
 * job), mode 0600; a path the caller chose inside the workspace is written there with a warning.
 */
export function writeInfraConfig(
  io: ActionIO,
  config: GitspacesConfig,
  text: string,
  requested: string | undefined,
): string {
  const defaultPath = infraConfigDefaultPath(io.env, config.terraform.working_directory);
  const path = resolve(requested || defaultPath);
  if (path === defaultPath) {
    writePrivateFile(path, text, dirname(path));
    return path;
  }
  const rel = relative(workspaceRoot(io.env), path);
  if (!rel.startsWith('..') && !isAbsolute(rel))
    io.log.warning(
      `infra-config-path ${path} is inside the workspace: the Infra Config YAML holds the gateway's shared secret and would stay in the work tree. Leave infra-config-path empty to keep it in a private directory under RUNNER_TEMP.`,
    );
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  writeFileSync(path, text, { mode: 0o600 });
  chmodSync(path, 0o600);
  return path;
}
