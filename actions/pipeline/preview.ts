/**
 * The pipeline's preview (mode: preview) and the review gate (mode: apply on a push event), issue 12.
 *
 * The preview runs each phase's action in its preview mode (validate without enabling APIs, configure-infra,
 * terraform-apply and create-gitspace with `mode: preview`): none of them writes to Google or Harness. Then one
 * comment on the pull request, updated in place. The gate recomputes the same preview before the run's first
 * mutating request and compares it with the fingerprint of the workflow's own comment on the pushed commit's pull
 * request.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { ActionIO, ActionResult } from '../../shared/action.js';
import { loadConfig } from '../../shared/config/load.js';
import { errorMessage } from '../../shared/errors.js';
import { InputSource, Inputs } from '../../shared/inputs.js';
import type { Preview, PreflightPreview } from '../../shared/preview/model.js';
import { modulePin } from '../../shared/preview/module.js';
import type { CheckResult } from '../../shared/report/model.js';
import { loadAction } from '../load.js';

/** Checks of the apply identity's rights: the preview's read-only identity fails them by design. */
const APPLY_IDENTITY_CHECKS: Record<string, string> = {
  'IAM-001': "the permissions the module's resources need belong to the apply identity",
  'IAM-002': 'the Owner role belongs to the apply identity',
  'STATE-004': 'writing the state belongs to the apply identity',
};

export interface ComputedPreview {
  preview: Preview;
  /** Parts that failed (not skipped for lack of secrets): the preview job fails on them. */
  failures: string[];
  /** Each part's own summary, in order. */
  summaries: string[];
}

function partIO(parent: ActionIO, source: InputSource, summaries: string[]): ActionIO & { failure?: string } {
  const io: ActionIO & { failure?: string } = {
    inputs: new Inputs(source, parent.log),
    log: parent.log,
    env: parent.env,
    clock: parent.clock,
    setOutput: () => undefined,
    async appendSummary(md) {
      summaries.push(md);
    },
    setFailed(message) {
      io.failure = message;
    },
  };
  return io;
}

function preflightOf(checks: readonly CheckResult[]): PreflightPreview {
  const pf: PreflightPreview = { failed: [], warnings: [], notChecked: [] };
  for (const c of checks) {
    const apply = APPLY_IDENTITY_CHECKS[c.id];
    if (apply && (c.status === 'error' || c.status === 'warn'))
      pf.notChecked.push({ id: c.id, title: c.title, reason: apply });
    else if (c.status === 'skip')
      pf.notChecked.push({ id: c.id, title: c.title, reason: c.fix || 'skipped' });
    else if (c.status === 'error')
      pf.failed.push({ id: c.id, title: c.title, observed: c.observed, fix: c.fix });
    else if (c.status === 'warn') pf.warnings.push({ id: c.id, title: c.title, observed: c.observed });
  }
  return pf;
}

/** Computes the whole preview; parts without their secrets are skipped and said so. */
export async function computePreview(
  io: ActionIO,
  secrets: Record<string, string>,
  rawSource: InputSource,
): Promise<ComputedPreview> {
  const configPath = io.inputs.optional('config', 'gitspaces.yaml');
  const config = await loadConfig(configPath); // a bad file is exit 2 here, as in every action
  const preview: Preview = {
    key: config.infrastructure.identifier,
    config: configPath,
    configCheck: `valid: infrastructure ${config.infrastructure.name} (${config.infrastructure.domain}), ${Object.keys(config.infrastructure.regions).length} region(s), ${config.machines.length} machine(s), ${config.gitspaces.length} gitspace(s)`,
    module: modulePin(config, io.inputs.list('allowed-module-sources')),
    skipped: [],
  };
  const failures: string[] = [];
  const summaries: string[] = [];
  const harnessKey = secrets['harness-api-key'] || io.env.HARNESS_API_KEY || '';
  const gcpKey =
    secrets['gcp-credentials'] ||
    (io.env.GOOGLE_APPLICATION_CREDENTIALS && existsSync(io.env.GOOGLE_APPLICATION_CREDENTIALS) ? 'adc' : '');
  const tmp = io.env.RUNNER_TEMP || config.terraform.working_directory;
  const infraConfigPath = resolve(join(tmp, 'gitspaces-preview-infra-config.yaml'));
  const part = async (
    name: string,
    action: string,
    inputs: Record<string, string>,
  ): Promise<ActionResult | undefined> => {
    const source: InputSource = (n) => inputs[n] ?? secrets[n] ?? rawSource(n);
    const sub = partIO(io, source, summaries);
    io.log.info(`── preview: ${name} (${action})`);
    try {
      const r = await (await loadAction(action))(sub);
      if (sub.failure && name !== 'preflight') throw new Error(sub.failure);
      return r;
    } catch (e) {
      const msg = errorMessage(e).split('\n')[0] as string;
      preview.skipped.push({ part: name, reason: `failed: ${msg}` });
      failures.push(`${name}: ${msg}`);
      return undefined;
    }
  };
  const noSecret = (what: string) =>
    `no ${what} in this job (a pull request from a fork gets no secrets): nothing was read from ${what.includes('Harness') ? 'Harness' : 'Google'}`;
  if (!harnessKey || !gcpKey)
    preview.skipped.push({
      part: 'preflight',
      reason: noSecret(!gcpKey ? 'GCP credentials' : 'Harness API key'),
    });
  else {
    const r = await part('preflight', 'validate-prereqs', { 'enable-apis': 'false', 'fail-on': 'error' });
    if (r?.checks) preview.preflight = preflightOf(r.checks);
  }
  if (!harnessKey) {
    preview.skipped.push({ part: 'Harness diff', reason: noSecret('Harness API key') });
    preview.skipped.push({ part: 'machines and gitspaces', reason: noSecret('Harness API key') });
  } else {
    const r = await part('Harness diff', 'configure-infra', {
      mode: 'preview',
      'infra-config-path': infraConfigPath,
    });
    preview.harness = r?.preview?.harness;
  }
  if (preview.module.refused) {
    preview.skipped.push({ part: 'Terraform plan', reason: `refused: ${preview.module.refused}` });
    failures.push(`module: ${preview.module.refused}`);
  } else if (!gcpKey) preview.skipped.push({ part: 'Terraform plan', reason: noSecret('GCP credentials') });
  else if (!preview.harness)
    preview.skipped.push({
      part: 'Terraform plan',
      reason: 'no Infra Config YAML to plan with (see the Harness diff)',
    });
  else {
    const r = await part('Terraform plan', 'terraform-apply', {
      mode: 'preview',
      'infra-config-path': infraConfigPath,
      comment: 'false',
    });
    preview.terraform = r?.preview?.terraform;
  }
  if (harnessKey) {
    const r = await part('machines and gitspaces', 'create-gitspace', { mode: 'preview' });
    preview.resources = r?.preview?.resources;
  }
  await fileDiff(io, configPath, preview);
  if (preview.preflight?.failed.length)
    failures.push(`preflight: ${preview.preflight.failed.map((c) => c.id).join(', ')} fail`);
  return { preview, failures, summaries };
}

/** The event GitHub gave the job (GITHUB_EVENT_PATH), or {}. */
export function readEvent(env: NodeJS.ProcessEnv): Record<string, unknown> {
  const path = env.GITHUB_EVENT_PATH;
  if (!path || !existsSync(path)) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/**
 * The config file's own changes against the pull request's base commit (`pull_request.base.sha`), from the
 * checkout: what a fork's preview can show without any secret. Needs the base commit in the checkout
 * (actions/checkout with fetch-depth: 0); said when it is not there.
 */
async function fileDiff(io: ActionIO, configPath: string, preview: Preview): Promise<void> {
  const base = (
    (readEvent(io.env).pull_request as { base?: { sha?: string } } | undefined)?.base?.sha ?? ''
  ).trim();
  if (!/^[0-9a-f]{7,40}$/.test(base)) return;
  try {
    const dir = dirname(resolve(configPath));
    const out = execFileSync(
      'git',
      ['diff', '--no-color', '--no-ext-diff', base, '--', resolve(configPath)],
      {
        cwd: dir,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 30_000,
      },
    );
    preview.fileDiff = out.trim() || '(no change to this file)';
    await baseModule(dir, base, configPath, preview);
  } catch (e) {
    preview.skipped.push({
      part: 'config file diff',
      reason: `the base commit ${base.slice(0, 12)} is not in the checkout (${errorMessage(e).split('\n')[0]}); check out with fetch-depth: 0 to see it`,
    });
  }
}

/** The module the base commit's config names: a pull request that changes it is said at the top of the preview. */
async function baseModule(dir: string, base: string, configPath: string, preview: Preview): Promise<void> {
  let text: string;
  try {
    text = execFileSync('git', ['show', `${base}:./${basename(configPath)}`], {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 30_000,
    });
  } catch {
    return; // a new file: nothing to compare with
  }
  let doc: { terraform?: { module?: { source?: string; version?: string } } };
  try {
    const { parse } = await import('yaml');
    doc = (parse(text) ?? {}) as typeof doc;
  } catch {
    return;
  }
  const m = doc.terraform?.module;
  const source = m?.source ?? 'harness/harness-gitspaces/gcp';
  const version = m ? m.version : '0.0.3';
  const pin = preview.module;
  pin.base = { source, version };
  pin.changed = source !== pin.source || (version ?? '') !== (pin.version ?? '');
}
