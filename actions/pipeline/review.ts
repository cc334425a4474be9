/** mode: preview (post the preview) and the gate of mode: apply on a push event (issue 12). */
import type { ActionIO, ActionResult } from '../../shared/action.js';
import { errorMessage } from '../../shared/errors.js';
import type { InputSource } from '../../shared/inputs.js';
import { differingParts, previewFingerprint } from '../../shared/preview/model.js';
import { renderPreviewComment } from '../../shared/preview/render.js';
import { runUrlFromEnv } from '../../shared/terraform/plan-render.js';
import { computePreview, readEvent } from './preview.js';

type Secrets = Record<string, string>;

async function github(io: ActionIO, token: string) {
  const { githubClient, splitRepository } = await import('../../shared/github/comments.js');
  const review = await import('../../shared/github/review.js');
  const repository = io.env.GITHUB_REPOSITORY ?? '';
  return { octokit: githubClient(token, io.env), ...splitRepository(repository), review };
}

const author = (io: ActionIO) => io.inputs.optional('preview-author') || 'github-actions[bot]';

/** mode: preview. Computes the preview, posts it on the pull request (or says why not), and the summary. */
export async function runPreviewMode(
  io: ActionIO,
  secrets: Secrets,
  raw: InputSource,
): Promise<ActionResult> {
  const startedAt = io.clock.now();
  const { preview, failures } = await computePreview(io, secrets, raw);
  const fp = previewFingerprint(preview);
  const event = readEvent(io.env);
  const { prNumberOfEvent } = await import('../../shared/github/review.js');
  const pr = prNumberOfEvent(event);
  const body = renderPreviewComment(preview, fp, pr ?? 0, runUrlFromEnv(io.env));
  io.setOutput('preview-fingerprint', fp.fingerprint);
  const outputs: Record<string, string> = { 'preview-fingerprint': fp.fingerprint };
  const token = secrets['github-token'] || io.env.GITHUB_TOKEN || '';
  let note: string;
  if (pr === undefined) note = 'Not a pull_request event: the preview is in this summary only.';
  else if (!token || !io.env.GITHUB_REPOSITORY)
    note = 'No GitHub token or repository: the preview is in this summary only.';
  else {
    try {
      const gh = await github(io, token);
      const r = await gh.review.upsertPreviewComment(gh.octokit, {
        owner: gh.owner,
        repo: gh.repo,
        pr,
        key: preview.key,
        author: author(io),
        body,
      });
      outputs['comment-url'] = r.url;
      io.setOutput('comment-url', r.url);
      note = `Preview comment ${r.action} on pull request #${pr}: ${r.url}`;
    } catch (e) {
      const status = (e as { status?: number }).status;
      if (status !== 403 && status !== 404) throw e;
      // A fork's pull request gets a read-only token: the preview stays in the job summary.
      note = `Could not comment on pull request #${pr} (${status}: ${errorMessage(e).split('\n')[0]}; a pull request from a fork gets a read-only token): the preview is in this job summary.`;
      io.log.warning(note);
    }
  }
  io.log.info(note);
  await io.appendSummary(`${body.slice(body.indexOf('\n') + 1)}\n\n_${note}_\n`);
  if (preview.module.refused) {
    io.setOutput('failure-reason', 'module-not-allowed');
    outputs['failure-reason'] = 'module-not-allowed';
  }
  if (failures.length) io.setFailed(`The preview found problems: ${failures.join('; ')}`);
  const summary = [
    preview.harness ? `Harness: ${preview.harness.action}` : '',
    preview.terraform ? preview.terraform.countsLine : '',
    preview.resources
      ? `${preview.resources.filter((r) => r.action !== 'none').length} machine(s)/gitspace(s) would change`
      : '',
    preview.skipped.length ? `not previewed: ${preview.skipped.map((s) => s.part).join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('; ');
  return {
    outputs,
    phase: {
      name: 'preview',
      status: failures.length ? 'failed' : 'ok',
      startedAt,
      durationMs: io.clock.now() - startedAt,
      summary: `preview: ${summary}. ${note}`,
    },
    exitCode: failures.length ? 1 : 0,
  };
}

export interface GateVerdict {
  /** Set when the run must stop: the reason and what to tell the user. */
  refused?: { reason: 'plan-changed' | 'not-reviewed'; message: string };
  /** One line for the summary when it goes on. */
  note?: string;
  /** The preview as recomputed, for the summary of a refusal. */
  rendered?: string;
  /**
   * The Terraform plan's fingerprint the gate recomputed, when its Infra Config YAML was predicted exactly (the
   * provider exists): the apply phase refuses a plan that differs from it.
   */
  planFingerprint?: string;
}

/**
 * The gate of an apply on a push event: the pull request of GITHUB_SHA, the workflow's own preview comment on it,
 * and the same preview recomputed now. No gate outside a push event (the CLI by hand, workflow_dispatch).
 */
export async function reviewGate(io: ActionIO, secrets: Secrets, raw: InputSource): Promise<GateVerdict> {
  if (io.env.GITHUB_EVENT_NAME !== 'push') return {};
  const autoApprove = io.inputs.boolean('auto-approve', false);
  const sha = io.env.GITHUB_SHA ?? '';
  const token = secrets['github-token'] || io.env.GITHUB_TOKEN || '';
  const notReviewed = (why: string): GateVerdict =>
    autoApprove
      ? { note: `⚠️ Applied without a reviewed preview (auto-approve: true): ${why}` }
      : {
          refused: {
            reason: 'not-reviewed',
            message: `not-reviewed: ${why}. Nothing was changed. Open a pull request for this change and let the preview run on it, or set auto-approve: true to apply unreviewed pushes.`,
          },
        };
  if (!sha || !token || !io.env.GITHUB_REPOSITORY)
    return notReviewed(
      'the push has no GITHUB_SHA, GITHUB_REPOSITORY or GitHub token to find its pull request with',
    );
  const gh = await github(io, token);
  const pulls = await gh.review.pullsOfCommit(gh.octokit, { owner: gh.owner, repo: gh.repo, sha });
  if (!pulls.length) return notReviewed(`commit ${sha.slice(0, 12)} has no pull request`);
  const { loadConfig } = await import('../../shared/config/load.js');
  const key = (await loadConfig(io.inputs.optional('config', 'gitspaces.yaml'))).infrastructure.identifier;
  const pr = pulls[0]!;
  const who = author(io);
  const found = await gh.review.findPreviewComment(gh.octokit, {
    owner: gh.owner,
    repo: gh.repo,
    pr: pr.number,
    key,
    author: who,
  });
  for (const o of found.ignoredOthers)
    io.log.warning(`Ignored a preview comment on #${pr.number} not written by ${who}: ${o}`);
  if (!found.found)
    return notReviewed(
      found.edited
        ? `the preview comment on pull request #${pr.number} was edited after ${who} wrote it (${found.edited}), so it is ignored`
        : `pull request #${pr.number} has no preview comment by ${who}${found.ignoredOthers.length ? ` (${found.ignoredOthers.length} by others ignored)` : ''}`,
    );
  io.log.info(
    `Reviewed preview on pull request #${pr.number}: ${found.found.fingerprint}; recomputing it now.`,
  );
  const now = await computePreview(io, secrets, raw);
  const fp = previewFingerprint(now.preview);
  // A module the preview refused to plan was never reviewed, whatever the fingerprints say.
  if (now.preview.module.refused)
    return notReviewed(`the preview did not plan the module (${now.preview.module.refused})`);
  // The admission names the config file's content too: the same commit read with another config is another apply.
  const { createHash } = await import('node:crypto');
  const { readFileSync } = await import('node:fs');
  const configPath = io.inputs.optional('config', 'gitspaces.yaml');
  const config = `sha256:${createHash('sha256').update(readFileSync(configPath)).digest('hex')}`;
  const target = { owner: gh.owner, repo: gh.repo, pr: pr.number, key, author: who, sha, config };
  if (fp.fingerprint === found.found.fingerprint) {
    const recorded = await admit(io, gh, target, found.found.fingerprint);
    return {
      note: `✅ Matches the preview reviewed on pull request #${pr.number} (${found.found.url}).${recorded}`,
      planFingerprint:
        now.preview.terraform && !now.preview.harness?.placeholders.length
          ? now.preview.terraform.fingerprint
          : undefined,
    };
  }
  // A run of a commit the gate already admitted against this very review (a re-run after an apply was cancelled
  // or killed): the preview now shows what that run did, so it cannot match; the commit, and so the config, is
  // the one reviewed. It continues; the apply phase is not held to a recomputed plan.
  const admitted = await gh.review.findAdmission(gh.octokit, target);
  if (admitted && admitted.fingerprint === found.found.fingerprint)
    return {
      note: `↻ Continuing the apply of commit ${sha.slice(0, 12)}, admitted against the preview reviewed on pull request #${pr.number} (${admitted.url}): the preview now differs from it by what that interrupted run already did (${differingParts(fp, found.found).join(', ')}).`,
    };
  const parts = differingParts(fp, found.found);
  const rendered = renderPreviewComment(now.preview, fp, pr.number);
  return {
    rendered: rendered.slice(rendered.indexOf('\n') + 1),
    refused: {
      reason: 'plan-changed',
      message: `plan-changed: the preview now differs from the one reviewed on pull request #${pr.number} (${found.found.url}) in ${parts.join(', ') || 'its fingerprint'}${now.failures.length ? ` (recomputing it failed: ${now.failures.join('; ')})` : ''}. Nothing was changed. Update the pull request (or open a new one) so the preview runs again, review it, then merge.`,
    },
  };
}

/**
 * Records the admission on the pull request, so that a re-run of this commit can continue. A token that may not
 * comment (pull-requests: read) records nothing: said in the note, the apply goes on.
 */
async function admit(
  io: ActionIO,
  gh: Awaited<ReturnType<typeof github>>,
  t: { owner: string; repo: string; pr: number; key: string; author: string; sha: string; config: string },
  fingerprint: string,
): Promise<string> {
  try {
    const url = await gh.review.recordAdmission(gh.octokit, { ...t, fingerprint }, runUrlFromEnv(io.env));
    return ` Admission recorded (${url}): a re-run of this commit continues this apply.`;
  } catch (e) {
    const why = `${(e as { status?: number }).status ?? ''} ${errorMessage(e).split('\n')[0]}`.trim();
    io.log.warning(
      `Could not record the admission on pull request #${t.pr} (${why}): if this apply is interrupted, a re-run of this commit will be refused with plan-changed. Give the apply job pull-requests: write.`,
    );
    return ' (Admission not recorded: see the warning.)';
  }
}
