import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import type { ActionIO, ActionResult } from '../../shared/action.js';
import { loadConfig } from '../../shared/config/load.js';
import type { GitspacesConfig } from '../../shared/config/schema.js';
import { ConfigurationError } from '../../shared/errors.js';
import { createGcp } from '../../shared/gcp/index.js';
import { maskSecret } from '../../shared/inputs.js';
import { zoneNameFor } from '../../shared/net.js';
import type { CheckResult } from '../../shared/report/model.js';
import { renderChecksMarkdown } from '../../shared/report/render.js';
import { checkVerdict } from '../../shared/report/model.js';
import { maskSetupYaml } from '../../shared/terraform/interface.js';
import {
  PlanJson,
  countsLine,
  fingerprintFromComment,
  planCounts,
  planFingerprint,
  planMarker,
  renderPlanComment,
  runUrlFromEnv,
} from '../../shared/terraform/plan-render.js';
import { checkInstalledModule, generateRoot, writeRoot } from '../../shared/terraform/root.js';
import { TerraformCli } from '../../shared/terraform/cli.js';
import type { GeneratedRoot } from '../../shared/terraform/root.js';
import {
  createScratch,
  lockNotice,
  prepareStateBucket,
  readStateLock,
  terraformEnv,
} from '../../shared/terraform/state-run.js';
import { GateApis, GateInputs, certGate, dnsGate } from './gates.js';

export const MODES = ['plan', 'apply', 'destroy', 'drift'] as const;
export type Mode = (typeof MODES)[number];

/** Where the key the module reads lives: a fixed path, so that plan and apply (other jobs) plan the same value. */
export const KEY_FILE_NAME = 'gitspaces-sa-key.json';

/** What the comment step needs; defaults to @actions/github's Octokit against GITHUB_API_URL. */
export interface PlanComments {
  find(marker: string): Promise<{ body: string } | undefined>;
  upsert(marker: string, body: string): Promise<{ action: string; url: string }>;
}

export interface TerraformApplyDeps {
  config?: GitspacesConfig;
  comments?: PlanComments;
  gates?: GateApis;
}

function prNumber(io: ActionIO): number | undefined {
  const explicit = io.inputs.optional('pr-number');
  if (explicit) {
    if (!/^\d+$/.test(explicit))
      throw new ConfigurationError(
        'INPUT_INVALID',
        `pr-number must be a number, got "${explicit}"`,
        'Pass the pull request number, e.g. ${{ github.event.pull_request.number }}.',
      );
    return Number(explicit);
  }
  const path = io.env.GITHUB_EVENT_PATH;
  if (!path || !existsSync(path)) return undefined;
  try {
    const event = JSON.parse(readFileSync(path, 'utf8')) as {
      pull_request?: { number?: number };
      issue?: { number?: number; pull_request?: unknown };
    };
    return event.pull_request?.number ?? (event.issue?.pull_request ? event.issue.number : undefined);
  } catch {
    return undefined;
  }
}

/** The GitHub client (Octokit) loads only when a comment or an issue is written: it costs ~150 ms at start. */
async function defaultComments(io: ActionIO, token: string, issueNumber: number): Promise<PlanComments> {
  const repository = io.env.GITHUB_REPOSITORY;
  if (!repository)
    throw new ConfigurationError(
      'INPUT_MISSING',
      'GITHUB_REPOSITORY is not set',
      'Run inside GitHub Actions, or set GITHUB_REPOSITORY=owner/repo.',
    );
  const { findMarkedComment, githubClient, splitRepository, upsertMarkedComment } =
    await import('../../shared/github/comments.js');
  const { owner, repo } = splitRepository(repository);
  const octokit = githubClient(token, io.env);
  return {
    find: (marker) => findMarkedComment({ octokit, owner, repo, issueNumber, marker }),
    upsert: (marker, body) => upsertMarkedComment({ octokit, owner, repo, issueNumber, marker, body }),
  };
}

/** The key file the module reads, copied to a fixed path (and removed at the end when we made it). */
function prepareKeyFile(
  io: ActionIO,
  gcpCredentials: string,
  stableDir: string,
): { path: string; created: boolean; secrets: string[] } {
  let text = '';
  if (gcpCredentials) {
    text = gcpCredentials.trim().startsWith('{')
      ? gcpCredentials
      : existsSync(gcpCredentials)
        ? readFileSync(gcpCredentials, 'utf8')
        : '';
  } else if (io.env.GOOGLE_APPLICATION_CREDENTIALS && existsSync(io.env.GOOGLE_APPLICATION_CREDENTIALS)) {
    text = readFileSync(io.env.GOOGLE_APPLICATION_CREDENTIALS, 'utf8');
  }
  if (!text) {
    throw new ConfigurationError(
      'AUTH_MISSING',
      'No Google credentials for Terraform: the gcp-credentials input is empty and GOOGLE_APPLICATION_CREDENTIALS names no file.',
      'Pass a service-account JSON key in gcp-credentials (from a secret), or run google-github-actions/auth before this step.',
    );
  }
  maskSecret(io.log, text);
  const secrets: string[] = [];
  try {
    const pk = (JSON.parse(text) as { private_key?: string }).private_key;
    if (pk) {
      maskSecret(io.log, pk);
      secrets.push(pk);
    }
  } catch {
    /* the module will report an unreadable key */
  }
  mkdirSync(stableDir, { recursive: true, mode: 0o700 });
  const path = join(stableDir, KEY_FILE_NAME);
  writeFileSync(path, text, { mode: 0o600 });
  return { path, created: true, secrets };
}

/** pool.yaml from the module's instance_yaml, with the key path the runner container will see (/runner/<file>). */
export function runnerPoolYaml(instanceYaml: string, keyFileName: string): string {
  const doc = parseYaml(instanceYaml) as { instances?: { spec?: { account?: Record<string, unknown> } }[] };
  for (const inst of doc.instances ?? []) {
    if (inst.spec?.account) inst.spec.account.json_path = `/runner/${keyFileName}`;
  }
  return stringifyYaml(doc);
}

function outputValue<T>(outputs: Record<string, { value: unknown }>, name: string): T | undefined {
  return outputs[name]?.value as T | undefined;
}

/**
 * Before init: say where the state lives (and warn about local state in GitHub Actions), create a missing state
 * bucket when create-state-bucket asks (said in the summary), and explain a held lock before Terraform waits on it.
 */
async function prepareState(
  io: ActionIO,
  p: {
    root: GeneratedRoot;
    config: GitspacesConfig;
    gcpCredentials: string;
    rootDir: string;
    workspace: string;
  },
): Promise<void> {
  const { backend } = p.root;
  for (const w of p.root.warnings) io.log.warning(w);
  if (backend.type !== 'gcs') return;
  io.log.info(`Terraform state: gs://${backend.bucket}/${backend.prefix} (gcs backend)`);
  const gcp = createGcp({ keyJson: p.gcpCredentials, env: io.env, log: io.log, clock: io.clock });
  try {
    const created = await prepareStateBucket({
      backend,
      create: io.inputs.boolean('create-state-bucket', false),
      project: p.config.gcp.project_id,
      location: Object.keys(p.config.infrastructure.regions)[0] ?? 'US',
      rest: gcp.rest,
      log: io.log,
    });
    if (created)
      await io.appendSummary(`## Gitspaces: Terraform state

${created}
`);
    const lock = await readStateLock(gcp.rest, backend, p.workspace);
    if (lock) io.log.warning(lockNotice(lock, io.clock.now(), p.rootDir, p.config.terraform.lock_timeout));
  } finally {
    await gcp.close().catch(() => undefined);
  }
}

export async function main(io: ActionIO, deps: TerraformApplyDeps = {}): Promise<ActionResult> {
  const startedAt = io.clock.now();
  const inp = io.inputs;
  const gcpCredentials = inp.secret('gcp-credentials');
  const githubToken = inp.secret('github-token') || io.env.GITHUB_TOKEN || '';
  if (githubToken) io.log.mask(githubToken);
  inp.secret('harness-api-key');
  const mode = inp.oneOf('mode', MODES, 'plan');
  const config = deps.config ?? (await loadConfig(inp.optional('config', 'gitspaces.yaml')));
  const binary = inp.oneOf('binary', ['terraform', 'tofu'] as const, config.terraform.binary);
  const rootDir = inp.optional('working-directory', config.terraform.working_directory);
  const workdir = resolve(rootDir);
  const label = inp.optional('label', '');
  const workspace = io.env.TF_WORKSPACE || 'default';
  const stableDir = io.env.RUNNER_TEMP ? resolve(io.env.RUNNER_TEMP) : join(workdir, '.gitspaces');
  const infraConfigPath = resolve(
    inp.optional('infra-config-path') ||
      join(io.env.RUNNER_TEMP || config.terraform.working_directory, 'gitspaces-infra-config.yaml'),
  );
  const runGates = inp.boolean('gates', true);
  const comment = inp.boolean('comment', true);
  const reviewedPlanFile = inp.optional('plan-file');

  if (!existsSync(infraConfigPath)) {
    throw new ConfigurationError(
      'INFRA_CONFIG_MISSING',
      `No Infra Config YAML at ${infraConfigPath}`,
      'Run configure-infra first and pass its `infra-config-path` output as `infra-config-path`.',
    );
  }
  const setupYaml = readFileSync(infraConfigPath, 'utf8');
  const secrets = maskSetupYaml(io.log, setupYaml);
  const key = prepareKeyFile(io, gcpCredentials, stableDir);
  secrets.push(...key.secrets);
  // The plan file lives outside the work tree; it, .terraform and the key copy go at the end or on a signal.
  const scratch = createScratch(io.env, workdir);
  scratch.track(key.path);

  const runner = new TerraformCli({
    binary,
    cwd: workdir,
    env: terraformEnv(io.env, key.path),
    log: io.log,
    lockTimeout: config.terraform.lock_timeout,
  });
  const outputs: Record<string, string> = {};
  const setOutput = (k: string, v: string) => {
    outputs[k] = v;
    io.setOutput(k, v);
  };
  const planFile = scratch.planFile;
  try {
    const root = generateRoot({
      config,
      keyFile: key.path,
      infraConfigFile: infraConfigPath,
      env: io.env,
      workdir,
    });
    writeRoot(workdir, root);
    io.log.info(
      `Module ${root.source}${root.version ? ` ${root.version}` : ''} (generation ${root.generation}); root ${rootDir}`,
    );
    await prepareState(io, { root, config, gcpCredentials, rootDir, workspace });
    await io.log.group(`${binary} init`, () => runner.init());
    await checkInstalledModule(workdir, root, setupYaml);

    const target = { root: rootDir, workspace, label };
    const marker = planMarker(target);
    const runUrl = runUrlFromEnv(io.env);
    const phase = (status: 'ok' | 'failed', summary: string, extra: Partial<ActionResult['phase']> = {}) => ({
      name: mode === 'plan' ? 'plan' : mode === 'drift' ? 'drift' : mode === 'destroy' ? 'destroy' : 'apply',
      status,
      startedAt,
      durationMs: io.clock.now() - startedAt,
      summary,
      ...extra,
    });

    if (mode === 'destroy') {
      await io.log.group(`${binary} destroy`, () => runner.destroy());
      rmSync(join(workdir, 'pool.yaml'), { force: true });
      setOutput('changes', 'true');
      await io.appendSummary(
        `## Gitspaces: terraform destroy\n\n**✅ Destroyed every resource of \`${rootDir}\` (workspace \`${workspace}\`).**\n`,
      );
      return { outputs, phase: phase('ok', `destroyed the Terraform stack in ${rootDir}`), exitCode: 0 };
    }

    if (mode === 'drift') {
      const d = await io.log.group(`${binary} plan -refresh-only`, () => runner.drift(planFile));
      const { drifted } = d;
      const drift = d.drift;
      const metadataOnly = d.metadataOnly
        ? ' Terraform exited 2 but listed no drifted resource or output (a state-metadata refresh only).'
        : '';
      setOutput('drift', String(drift));
      setOutput('exit-code', String(d.exitCode));
      const body = drift
        ? `**⚠️ Drift: ${drifted.length} resource(s) differ from the state** (refresh-only plan exit code ${d.exitCode}).\n\n${drifted.map((a) => `- \`${a}\``).join('\n')}\n\nRun terraform-apply (mode: plan) to see what applying the configuration would change back.`
        : `**✅ No drift:** the real resources match the state (refresh-only plan exit code ${d.exitCode}).${metadataOnly}`;
      let issueNote = '';
      if (inp.boolean('drift-issue', false)) {
        const repository = io.env.GITHUB_REPOSITORY;
        if (!repository || !githubToken)
          throw new ConfigurationError(
            'INPUT_MISSING',
            'drift-issue needs GITHUB_REPOSITORY and a github-token',
            'Pass `github-token: ${{ github.token }}` with `issues: write`, or set drift-issue: false.',
          );
        const { githubClient, splitRepository } = await import('../../shared/github/comments.js');
        const { syncDriftIssue } = await import('../../shared/github/drift.js');
        const { owner, repo } = splitRepository(repository);
        issueNote = await syncDriftIssue(
          {
            octokit: githubClient(githubToken, io.env),
            owner,
            repo,
            root: rootDir,
            label: inp.optional('drift-issue-label', 'gitspaces-drift'),
            runUrl,
          },
          { drift, drifted },
        );
        io.log.info(issueNote);
      }
      await io.appendSummary(
        `## Gitspaces: drift check of \`${rootDir}\`\n\n${body}\n${issueNote ? `\n${issueNote}.\n` : ''}`,
      );
      return {
        outputs,
        phase: phase('ok', drift ? `drift in ${drifted.length} resource(s)` : 'no drift'),
        exitCode: drift && inp.boolean('fail-on-drift', false) ? 1 : 0,
      };
    }

    const outcome = await io.log.group(`${binary} plan`, () => runner.plan({ planFile }));
    const plan: PlanJson = await runner.show(planFile);
    const fingerprint = planFingerprint(plan);
    const counts = planCounts(plan);
    setOutput('changes', String(outcome.changes));
    setOutput('plan-fingerprint', fingerprint);
    const rendered = renderPlanComment(plan, { ...target, runUrl, secrets });

    if (mode === 'plan') {
      const pr = prNumber(io);
      let commentNote = '';
      if (comment && pr !== undefined) {
        if (!deps.comments && !githubToken) {
          throw new ConfigurationError(
            'INPUT_MISSING',
            'No GitHub token to comment on the pull request',
            'Pass `github-token: ${{ github.token }}` (with `pull-requests: write`), or set comment: false.',
          );
        }
        const comments = deps.comments ?? (await defaultComments(io, githubToken, pr));
        const r = await comments.upsert(marker, rendered);
        setOutput('comment-url', r.url);
        commentNote = `Plan comment ${r.action} on pull request #${pr}`;
        io.log.info(`${commentNote}: ${r.url}`);
      }
      if (reviewedPlanFile) copyFileSync(planFile, resolve(reviewedPlanFile));
      await io.appendSummary(rendered + '\n');
      return {
        outputs,
        phase: phase('ok', `${countsLine(counts)}${commentNote ? ` ${commentNote}.` : ''}`, {
          changes: { created: counts.add, updated: counts.change, deleted: counts.destroy },
        }),
        exitCode: 0,
      };
    }

    // mode: apply. Apply only what was reviewed.
    let reviewed: string | undefined;
    let reviewedFrom = '';
    if (reviewedPlanFile) {
      reviewed = planFingerprint(await runner.show(resolve(reviewedPlanFile)));
      reviewedFrom = `the plan file ${reviewedPlanFile}`;
    } else {
      const pr = prNumber(io);
      if (pr !== undefined && (deps.comments || githubToken)) {
        const comments = deps.comments ?? (await defaultComments(io, githubToken, pr));
        const found = await comments.find(marker);
        reviewed = found ? fingerprintFromComment(found.body) : undefined;
        reviewedFrom = `the plan comment on pull request #${pr}`;
        if (!found) {
          throw new ConfigurationError(
            'PLAN_NOT_REVIEWED',
            `No plan comment for ${rootDir} (workspace ${workspace}${label ? `, label ${label}` : ''}) on pull request #${pr}.`,
            'Run terraform-apply with mode: plan on the pull request first, with the same working-directory and label.',
          );
        }
      }
    }
    if (reviewed && reviewed !== fingerprint) {
      setOutput('failure-reason', 'plan-changed');
      const msg = `The plan changed since it was reviewed: ${reviewedFrom} has ${reviewed.slice(0, 19)}…, the plan now is ${fingerprint.slice(0, 19)}…. Nothing was applied.`;
      await io.appendSummary(
        `## Gitspaces: apply refused\n\n**❌ ${msg}**\n\nPlan again on the pull request, review the new plan, then apply.\n\n${rendered}\n`,
      );
      io.setFailed(`${msg} Plan again on the pull request, review it, then apply.`);
      return { outputs, phase: phase('failed', 'refused: plan-changed'), exitCode: 1 };
    }
    if (outcome.changes) await io.log.group(`${binary} apply`, () => runner.apply(planFile));
    else io.log.info('No changes to apply.');

    const tfOutputs = await runner.output();
    const instanceYaml = outputValue<string>(tfOutputs, 'instance_yaml') ?? '';
    const alb = outputValue<Record<string, string>>(tfOutputs, 'alb_ips') ?? {};
    const nlb = outputValue<Record<string, string>>(tfOutputs, 'nlb_ips') ?? {};
    const zone = outputValue<string | null>(tfOutputs, 'managed_domain_zone') ?? '';
    const poolPath = join(workdir, 'pool.yaml');
    writeFileSync(poolPath, runnerPoolYaml(instanceYaml, KEY_FILE_NAME));
    setOutput('pool-yaml-path', poolPath);
    setOutput('alb-ips', JSON.stringify(alb));
    setOutput('nlb-ips', JSON.stringify(nlb));
    setOutput('managed-domain-zone', zone ?? '');

    let checks: CheckResult[] = [];
    if (runGates) {
      const infra = parseYaml(setupYaml) as {
        name?: string;
        domain?: string;
        project?: { id?: string };
        region_configs?: Record<string, { certificates?: { contents?: { domain?: string }[] } }>;
      };
      const gateInputs: GateInputs = {
        project: infra.project?.id ?? config.gcp.project_id,
        name: infra.name ?? config.infrastructure.name,
        rootDomain: infra.domain ?? config.infrastructure.domain,
        zoneName: zoneNameFor(infra.domain ?? config.infrastructure.domain),
        manageDnsZone: config.terraform.manage_dns_zone,
        useCertificateManager: config.terraform.certificate.mode === 'certificate-manager',
        regions: Object.entries(alb).map(([k, ip]) => ({
          key: k,
          albIp: ip,
          domain: infra.region_configs?.[k]?.certificates?.contents?.[0]?.domain ?? '',
        })),
        now: () => io.clock.now(),
      };
      const apis: GateApis =
        deps.gates ?? createGcp({ keyJson: gcpCredentials, env: io.env, log: io.log, clock: io.clock });
      checks = [...(await dnsGate(apis, gateInputs)), ...(await certGate(apis, gateInputs))];
    }
    const failedGates = checks.filter((c) => c.status === 'error');
    const lines = [
      `## Gitspaces: terraform apply of \`${rootDir}\``,
      '',
      outcome.changes
        ? `**✅ Applied: ${countsLine(counts)}**`
        : '**✅ No changes: the infrastructure matches the configuration.**',
      '',
      `- ALB addresses: ${
        Object.entries(alb)
          .map(([k, v]) => `${k} \`${v}\``)
          .join(', ') || 'none'
      }`,
      `- NLB addresses: ${
        Object.entries(nlb)
          .map(([k, v]) => `${k} \`${v}\``)
          .join(', ') || 'none'
      }`,
      `- Managed zone: ${zone ? `\`${zone}\`` : 'not managed'}`,
      `- Runner pool file: \`${poolPath}\` (json_path /runner/${KEY_FILE_NAME})`,
      '',
    ];
    if (checks.length) lines.push(renderChecksMarkdown('Health gates', checkVerdict(checks), checks));
    await io.appendSummary(lines.join('\n') + '\n');
    if (failedGates.length)
      io.setFailed(`${failedGates.length} health gate(s) failed: ${failedGates.map((c) => c.id).join(', ')}`);
    return {
      outputs,
      checks,
      phase: phase(
        failedGates.length ? 'failed' : 'ok',
        outcome.changes ? `applied: ${countsLine(counts)}` : 'no changes',
        { changes: { created: counts.add, updated: counts.change, deleted: counts.destroy } },
      ),
      exitCode: failedGates.length ? 1 : 0,
    };
  } finally {
    // Plan files and the key copy hold secrets: nothing of them stays behind or gets uploaded.
    scratch.cleanup();
    if (key.created) rmSync(key.path, { force: true });
    if (existsSync(join(workdir, '.gitspaces')) && !io.env.RUNNER_TEMP)
      rmSync(join(workdir, '.gitspaces'), { recursive: true, force: true });
  }
}
