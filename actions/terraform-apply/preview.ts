/**
 * terraform-apply with `mode: preview`: the plan a merge would apply, made without writing anything to Google.
 *
 * - The module source must be one the bundle trusts (or the caller allows): a preview job runs with the pull
 *   request's gitspaces.yaml, and `terraform init`/`plan` would run whatever module it names.
 * - The state is read without a lock (`-lock=false`): a plan only reads it, and a lock is an object written to the
 *   state bucket. When there is no state yet (no bucket, or no state object), the plan runs against an empty
 *   local state: the gcs backend would otherwise create the empty state object (a write) on first use.
 * - The fingerprint leaves out the secrets Harness generates (the gateway's shared secret), so that the plan made
 *   with a predicted Infra Config YAML and the one made at merge compare on what the user changed.
 */
import { join } from 'node:path';
import type { ActionIO, ActionResult } from '../../shared/action.js';
import { ConfigurationError } from '../../shared/errors.js';
import { createGcp } from '../../shared/gcp/index.js';
import { CloudStorage } from '../../shared/gcp/storage.js';
import type { ModulePin, TerraformPreview } from '../../shared/preview/model.js';
import { PINNED_MODULE } from '../../shared/preview/module.js';
export { modulePin } from '../../shared/preview/module.js';
import type { GeneratedRoot } from '../../shared/terraform/root.js';
import {
  churnLine,
  countsLine,
  planFingerprint,
  renderPlanComment,
  type PlanJson,
} from '../../shared/terraform/plan-render.js';

/** The plan's share of the preview comment; the preflight, Harness and gitspaces sections take the rest. */
const PLAN_SHARE_OF_COMMENT = 40_000;
import type { ApplyRun, ReviewablePlan } from './modes.js';

/** Where the preview reads the state from; switches the root to an empty local state when there is none. */
export async function previewBackend(
  io: ActionIO,
  root: GeneratedRoot,
  p: { gcpCredentials: string; workspace: string; scratchDir: string },
): Promise<string> {
  const b = root.backend;
  if (b.type !== 'gcs' || !b.bucket)
    return `state read through the ${b.type} backend without a lock (-lock=false)`;
  const gcp = createGcp({ keyJson: p.gcpCredentials, env: io.env, log: io.log, clock: io.clock });
  try {
    const storage = new CloudStorage(gcp.rest);
    const prefix = (b.prefix ?? '').replace(/^\/+|\/+$/g, '');
    const object = prefix ? `${prefix}/${p.workspace}.tfstate` : `${p.workspace}.tfstate`;
    const exists = (await storage.getBucket(b.bucket)) && (await storage.objectExists(b.bucket, object));
    if (exists) return `state read from gs://${b.bucket}/${object} without a lock (-lock=false)`;
    (root.mainTf.terraform as Record<string, unknown>).backend = {
      local: { path: join(p.scratchDir, 'preview.tfstate') },
    };
    return `no state yet at gs://${b.bucket}/${object}: planned against an empty state (nothing written to the bucket)`;
  } finally {
    await gcp.close().catch(() => undefined);
  }
}

/** The plan JSON with each secret value replaced, so a fingerprint does not depend on them. */
export function withoutSecrets(plan: PlanJson, secrets: readonly string[]): PlanJson {
  let text = JSON.stringify(plan);
  for (const s of secrets) {
    if (!s || s.length < 8) continue;
    for (const form of [s, JSON.stringify(s).slice(1, -1)]) text = text.split(form).join('(secret)');
  }
  return JSON.parse(text) as PlanJson;
}

/** The fingerprint a preview gives a plan: its real changes, secrets left out. */
export function previewPlanFingerprint(plan: PlanJson, secrets: readonly string[]): string {
  return planFingerprint(withoutSecrets(plan, secrets));
}

/** mode: preview. The plan, its fingerprint and rendering for the pull request's preview; no comment of its own. */
export async function previewPlan(
  run: ApplyRun,
  p: ReviewablePlan,
  plan: PlanJson,
  stateNote: string,
): Promise<ActionResult> {
  const fingerprint = previewPlanFingerprint(plan, run.secrets);
  run.setOutput('plan-fingerprint', fingerprint);
  // The plan comment's own markers are left out: the preview comment has one marker, on its first line.
  // Rendered again with room for the preview's other sections within one comment (65,536 characters).
  const rendered = renderPlanComment(plan, {
    ...run.target,
    runUrl: run.runUrl,
    secrets: run.secrets,
    maxChars: PLAN_SHARE_OF_COMMENT,
  })
    .split('\n')
    .filter((l) => !/^<!-- gitspaces-plan/.test(l))
    .join('\n');
  const terraform: TerraformPreview = {
    fingerprint,
    countsLine: countsLine(p.counts),
    churnLine: churnLine(p.churn),
    changes: p.apply,
    rendered,
    stateNote,
  };
  await run.io.appendSummary(`${rendered}\n\n_${stateNote}._\n`);
  return {
    outputs: run.outputs,
    phase: run.phase(
      'ok',
      `preview: ${terraform.countsLine}${terraform.churnLine ? ` ${terraform.churnLine}` : ''}`,
    ),
    preview: { terraform },
    exitCode: 0,
  };
}

export function refuseModule(pin: ModulePin): never {
  throw new ConfigurationError(
    'MODULE_NOT_ALLOWED',
    `The Terraform plan was not run: ${pin.refused}.`,
    `Use the pinned module (${PINNED_MODULE.source} ${PINNED_MODULE.version}), or add the source to the workflow's allowed-module-sources input (set by the repository's workflow, not by gitspaces.yaml).`,
  );
}
