/**
 * configure-infra with `mode: preview`: what configure would do to the Harness infra provider, field by field,
 * and the Infra Config YAML that would result, written for terraform-apply's preview. Only reads Harness.
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ActionIO, ActionResult } from '../../shared/action.js';
import type { GitspacesConfig } from '../../shared/config/schema.js';
import { ConfigurationError } from '../../shared/errors.js';
import type { HarnessDiff } from '../../shared/preview/model.js';
import { renderHarnessDiff } from '../../shared/preview/render.js';
import { InfraProviderApi, assertMutable, diffInfraProvider, infraProviderRequest } from './infra.js';
import { PLACEHOLDERS, predictSetupYaml } from './predict.js';

const show = (v: unknown) => (v === undefined ? '(absent)' : JSON.stringify(v));

export async function previewConfigure(
  io: ActionIO,
  config: GitspacesConfig,
  harness: InfraProviderApi,
  path: string,
  startedAt: number,
): Promise<ActionResult> {
  const identifier = config.infrastructure.identifier;
  const desired = infraProviderRequest(config);
  const existing = await harness.getInfraProvider(identifier);
  if (existing?.type && existing.type !== 'hybrid_vm_gcp')
    throw new ConfigurationError(
      'INFRA_IMMUTABLE_FIELD',
      `An infra provider ${identifier} exists with type ${existing.type}, not hybrid_vm_gcp.`,
      'Choose another infrastructure.identifier in gitspaces.yaml; an infra provider cannot change its type.',
    );
  const changes = diffInfraProvider(existing ?? {}, desired);
  if (existing) assertMutable(identifier, changes);
  const diff: HarnessDiff = {
    identifier,
    action: !existing ? 'create' : changes.length ? 'update' : 'unchanged',
    changes: existing ? changes : [],
    placeholders: existing?.setup_yaml ? [] : Object.keys(PLACEHOLDERS).map((k) => `gateway.${k}`),
  };
  if (!existing) diff.changes = changes.map((c) => ({ ...c, from: undefined }));
  const predicted = await predictSetupYaml(config, desired, existing?.setup_yaml, changes);
  const { checkSetupYamlKeys, describeKeyMismatch, maskSetupYaml } =
    await import('../../shared/terraform/interface.js');
  maskSetupYaml(io.log, predicted);
  const keys = checkSetupYamlKeys(predicted, config.terraform.module.generation);
  if (keys.parseError || keys.missing.length)
    throw new ConfigurationError(
      'MODULE_GENERATION_MISMATCH',
      keys.parseError ?? describeKeyMismatch(keys, config.terraform.module.generation),
      'Set terraform.module.generation (or version) to the module the YAML was generated for.',
    );
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, predicted, { mode: 0o600 });
  chmodSync(path, 0o600);
  const outputs = {
    'infra-identifier': identifier,
    'infra-config-path': path,
    changed: String(diff.action !== 'unchanged'),
    'harness-diff': JSON.stringify(diff),
  };
  for (const [k, v] of Object.entries(outputs)) io.setOutput(k, v);
  await io.appendSummary(
    `## Gitspaces: configure infrastructure (preview, nothing written)\n\n${renderHarnessDiff(diff)}\n- Predicted Infra Config YAML: \`${path}\` (it holds the gateway's shared secret: do not upload or commit it)\n`,
  );
  const summary =
    diff.action === 'create'
      ? `would create infra provider ${identifier}`
      : diff.action === 'update'
        ? `would update infra provider ${identifier} (${changes.map((c) => c.field).join(', ')})`
        : `infra provider ${identifier} unchanged`;
  return {
    outputs,
    phase: {
      name: 'configure',
      status: 'ok',
      startedAt,
      durationMs: io.clock.now() - startedAt,
      summary: `preview: ${summary}`,
      details: diff.changes.map((c) => `${c.field}: ${show(c.from)} -> ${show(c.to)}`),
    },
    preview: { harness: diff },
    exitCode: 0,
  };
}
