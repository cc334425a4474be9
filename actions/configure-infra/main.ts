import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { ActionIO, ActionResult } from '../../shared/action.js';
import { loadConfig } from '../../shared/config/load.js';
import type { GitspacesConfig } from '../../shared/config/schema.js';
import { ConfigurationError } from '../../shared/errors.js';
import {
  harnessClientFromConfig,
  missingHarnessApiKey,
  readHarnessApiKey,
} from '../../shared/harness/client.js';
import type { CheckResult } from '../../shared/report/model.js';
import { cell } from '../../shared/report/render.js';
import { previewConfigure } from './preview.js';
import {
  FieldChange,
  InfraProviderApi,
  assertMutable,
  diffInfraProvider,
  infraProviderRequest,
} from './infra.js';

export interface ConfigureDeps {
  config?: GitspacesConfig;
  harness?: InfraProviderApi;
}

export type ConfigureAction = 'created' | 'updated' | 'unchanged';

const show = (v: unknown) => (v === undefined ? '(absent)' : JSON.stringify(v));

export function renderConfigureSummary(r: {
  identifier: string;
  action: ConfigureAction;
  changes: FieldChange[];
  path: string;
  generation: string;
}): string {
  const head = {
    created: `✅ Created the infra provider \`${r.identifier}\` (hybrid_vm_gcp).`,
    updated: `✅ Updated the infra provider \`${r.identifier}\`: ${r.changes.length} field(s) changed.`,
    unchanged: `✅ The infra provider \`${r.identifier}\` already matches gitspaces.yaml: nothing changed.`,
  }[r.action];
  const out = ['## Gitspaces: configure infrastructure', '', `**${head}**`, ''];
  if (r.action === 'updated') {
    out.push('| Field | Was | Now |', '|---|---|---|');
    for (const c of r.changes) out.push(`| \`${c.field}\` | ${cell(show(c.from))} | ${cell(show(c.to))} |`);
    out.push(
      '',
      'The Infra Config YAML was downloaded again; apply Terraform with it (Harness requires a re-apply after every edit).',
      '',
    );
  }
  out.push(
    `- Infra Config YAML: \`${r.path}\` (keys checked against module generation \`${r.generation}\`; it holds the gateway's shared secret: do not upload or commit it)`,
  );
  return out.join('\n') + '\n';
}

export async function main(io: ActionIO, deps: ConfigureDeps = {}): Promise<ActionResult> {
  const startedAt = io.clock.now();
  const inp = io.inputs;
  const apiKey = readHarnessApiKey(io);
  inp.secret('gcp-credentials');
  const config = deps.config ?? (await loadConfig(inp.optional('config', 'gitspaces.yaml')));
  const generation = config.terraform.module.generation;
  if (!deps.harness && !apiKey) {
    throw missingHarnessApiKey('Infra Provider view/edit');
  }
  const harness: InfraProviderApi =
    deps.harness ?? harnessClientFromConfig(config, { apiKey, env: io.env, log: io.log, clock: io.clock });
  const identifier = config.infrastructure.identifier;
  const configPath = () =>
    resolve(
      inp.optional('infra-config-path') ||
        join(io.env.RUNNER_TEMP || config.terraform.working_directory, 'gitspaces-infra-config.yaml'),
    );
  // preview: the diff and the YAML that would result, nothing written to Harness.
  if (inp.oneOf('mode', ['apply', 'preview'] as const, 'apply') === 'preview')
    return previewConfigure(io, config, harness, configPath(), startedAt);
  const desired = infraProviderRequest(config);

  const existing = await harness.getInfraProvider(identifier);
  let action: ConfigureAction;
  let changes: FieldChange[] = [];
  if (!existing) {
    io.log.info(
      `Creating the infra provider ${identifier} (hybrid_vm_gcp) in account ${config.harness.account_id}`,
    );
    await harness.createInfraProvider(desired);
    action = 'created';
  } else {
    if (existing.type && existing.type !== 'hybrid_vm_gcp') {
      throw new ConfigurationError(
        'INFRA_IMMUTABLE_FIELD',
        `An infra provider ${identifier} exists with type ${existing.type}, not hybrid_vm_gcp.`,
        'Choose another infrastructure.identifier in gitspaces.yaml; an infra provider cannot change its type.',
      );
    }
    changes = diffInfraProvider(existing, desired);
    assertMutable(identifier, changes);
    if (changes.length) {
      io.log.info(`Updating the infra provider ${identifier}: ${changes.map((c) => c.field).join(', ')}`);
      await harness.updateInfraProvider(identifier, desired);
      action = 'updated';
    } else {
      io.log.info(`The infra provider ${identifier} already matches the configuration`);
      action = 'unchanged';
    }
  }

  // The Infra Config YAML, as the UI's "Download and Apply YAML" step fetches it.
  const fetched =
    action === 'unchanged' && existing?.setup_yaml ? existing : await harness.getInfraProvider(identifier);
  const setupYaml = fetched?.setup_yaml ?? '';
  if (!setupYaml) {
    throw new ConfigurationError(
      'INFRA_SETUP_YAML_MISSING',
      `Harness returned no setup_yaml for the infra provider ${identifier}.`,
      'Check that the account has self-hosted Gitspaces enabled and that the API key may view infra providers; then run configure again.',
    );
  }
  // Loaded here: its YAML parser is needed only once the config has been read.
  const { checkSetupYamlKeys, describeKeyMismatch, maskSetupYaml } =
    await import('../../shared/terraform/interface.js');
  maskSetupYaml(io.log, setupYaml);

  const keyCheck = checkSetupYamlKeys(setupYaml, generation);
  const cfg002: CheckResult = {
    id: 'CFG-002',
    title: 'the Infra Config YAML keys match the pinned module generation',
    status: keyCheck.parseError || keyCheck.missing.length ? 'error' : 'ok',
    observed: keyCheck.parseError
      ? `unreadable YAML: ${keyCheck.parseError}`
      : keyCheck.missing.length
        ? `missing ${keyCheck.missing.join(', ')}`
        : `every key generation ${generation} reads is present`,
    expected: `the keys module generation ${generation} reads (docs/domain.md#the-infra-config-yaml)`,
    fix: 'Set terraform.module.generation (or version) to the module the YAML was generated for.',
    docUrl: '',
    durationMs: 0,
  };
  if (cfg002.status === 'error') {
    throw new ConfigurationError(
      'MODULE_GENERATION_MISMATCH',
      keyCheck.parseError
        ? `The Infra Config YAML from Harness cannot be read: ${keyCheck.parseError}`
        : describeKeyMismatch(keyCheck, generation),
      keyCheck.detected
        ? `Pin the module generation the YAML was made for: set terraform.module.generation: ${keyCheck.detected} (and a matching version) in gitspaces.yaml.`
        : cfg002.fix,
    );
  }

  const path = configPath();
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, setupYaml, { mode: 0o600 });
  chmodSync(path, 0o600);

  const outputs = {
    'infra-identifier': identifier,
    'infra-config-path': path,
    changed: String(action !== 'unchanged'),
  };
  for (const [k, v] of Object.entries(outputs)) io.setOutput(k, v);
  await io.appendSummary(renderConfigureSummary({ identifier, action, changes, path, generation }));
  const summary =
    action === 'created'
      ? `created infra provider ${identifier}`
      : action === 'updated'
        ? `updated infra provider ${identifier} (${changes.map((c) => c.field).join(', ')})`
        : `infra provider ${identifier} unchanged`;
  return {
    outputs,
    checks: [cfg002],
    phase: {
      name: 'configure',
      status: 'ok',
      startedAt,
      durationMs: io.clock.now() - startedAt,
      summary,
      changes: { created: action === 'created' ? 1 : 0, updated: action === 'updated' ? 1 : 0, deleted: 0 },
      details: changes.map((c) => `${c.field}: ${show(c.from)} -> ${show(c.to)}`),
    },
    exitCode: 0,
  };
}
