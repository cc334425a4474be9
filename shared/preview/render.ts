/**
 * The pull request's one preview comment, and reading it back.
 *
 * Its first line is the only place the gate reads: `<!-- gitspaces-preview key=... fingerprint=... harness=...
 * terraform=... resources=... digest=... -->`. It is anchored at the comment's start, so nothing a user controls
 * (a config value, a resource name) can come before it; every user value below it is escaped (`<` and `>` as
 * entities), so none can open an HTML comment of its own; and `digest` is the sha256 of the rest of the body, so
 * an edit of the comment (GitHub keeps the bot as its author whoever edits it) is seen and the comment ignored.
 */
import { createHash } from 'node:crypto';
import { cell } from '../report/render.js';
import type { HarnessDiff, Preview, PreviewFingerprint, ResourceIntent } from './model.js';

/** Escapes a user value for Markdown and HTML: no tag, no HTML comment, no table break. */
export function esc(v: string): string {
  return cell(v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
}

const show = (v: unknown) => esc(v === undefined ? '(absent)' : JSON.stringify(v));
/** An infrastructure key as the comments' first lines carry it. */
export const safeKey = (k: string) => k.replace(/[^A-Za-z0-9_.:/@-]/g, '_');
const digestOf = (rest: string) => 'sha256:' + createHash('sha256').update(rest).digest('hex');

const HEADER_RE =
  /^<!-- gitspaces-preview key=([A-Za-z0-9_.:/@-]+) pr=(\d+) fingerprint=(sha256:[0-9a-f]{64}) harness=(sha256:[0-9a-f]{64}) terraform=(sha256:[0-9a-f]{64}) resources=(sha256:[0-9a-f]{64}) digest=(sha256:[0-9a-f]{64}) -->$/;

export function renderHarnessDiff(d: HarnessDiff): string {
  const id = esc(d.identifier);
  const head = {
    create: `Would create the infra provider \`${id}\` (hybrid_vm_gcp).`,
    update: `Would update the infra provider \`${id}\`: ${d.changes.length} field(s).`,
    unchanged: `The infra provider \`${id}\` already matches: nothing would change.`,
  }[d.action];
  const out = [`**${head}**`, ''];
  if (d.changes.length) {
    out.push('| Field | Now | After merge |', '|---|---|---|');
    for (const c of d.changes) out.push(`| ${esc(c.field)} | ${show(c.from)} | ${show(c.to)} |`);
    out.push('');
  }
  if (d.placeholders.length)
    out.push(
      `The Infra Config YAML was predicted locally (the provider does not exist yet): Harness generates ${d.placeholders.map((p) => `\`${p}\``).join(', ')} on create, so the plan shows placeholders for them.`,
      '',
    );
  return out.join('\n');
}

const VERB: Record<ResourceIntent['action'], string> = {
  create: '➕ create',
  start: '▶️ start',
  stop: '⏹️ stop',
  delete: '🗑️ delete',
  none: 'no change',
  differs: '⚠️ differs',
};

export function renderIntents(list: readonly ResourceIntent[]): string {
  if (!list.length) return '_No machines or gitspaces declared._\n';
  const rows = list.map((r) => `| ${r.kind} | ${esc(r.name)} | ${VERB[r.action]} | ${esc(r.detail)} |`);
  return ['| Kind | Name | Would | Detail |', '|---|---|---|---|', ...rows, ''].join('\n');
}

function preflightSection(p: Preview): string[] {
  const pf = p.preflight;
  if (!pf) return ['_Not run (see above)._', ''];
  const out: string[] = [];
  if (!pf.failed.length) out.push('**✅ No check fails.**', '');
  else {
    out.push(`**❌ ${pf.failed.length} check(s) fail:**`, '', '| Check | Observed | Fix |', '|---|---|---|');
    for (const c of pf.failed)
      out.push(`| ${esc(c.id)} ${esc(c.title)} | ${esc(c.observed)} | ${esc(c.fix)} |`);
    out.push('');
  }
  if (pf.warnings.length)
    out.push(`Warnings: ${pf.warnings.map((w) => `${esc(w.id)} (${esc(w.observed)})`).join('; ')}`, '');
  if (pf.notChecked.length)
    out.push(
      `Not checked with the preview's read-only identity: ${pf.notChecked.map((c) => `${esc(c.id)} (${esc(c.reason)})`).join('; ')}. The apply job checks them with its own identity.`,
      '',
    );
  return out;
}

function terraformSection(p: Preview): string[] {
  const t = p.terraform;
  if (!t) return ['_Not planned (see above)._', ''];
  return [
    `**${esc(t.countsLine)}**${t.churnLine ? ` ${esc(t.churnLine)}` : ''}`,
    '',
    t.rendered.replace(/<!--/g, '&lt;!--'),
    '',
    `_${esc(t.stateNote)}._`,
    '',
  ];
}

/** The comment's Markdown: what fails the preflight, the Harness diff, the plan (counts first), the machines and gitspaces. */
export function renderPreviewComment(
  p: Preview,
  fp: PreviewFingerprint,
  pr: number,
  runUrl?: string,
): string {
  const top: string[] = [`### Gitspaces preview: \`${esc(p.config)}\` · \`${esc(p.key)}\``, ''];
  if (p.configCheck) top.push(`Config check: ✅ ${esc(p.configCheck)}`, '');
  if (p.module.refused) top.push(`> **❌ Module refused:** ${esc(p.module.refused)}.`, '');
  else if (p.module.changed) {
    const named = (m: { source: string; version?: string }) =>
      `\`${esc(m.source)}\`${m.version ? ` ${esc(m.version)}` : ''}`;
    top.push(
      p.module.base
        ? `> **⚠️ This pull request changes the Terraform module:** ${named(p.module.base)} → ${named(p.module)}.`
        : `> **⚠️ Terraform module:** this configuration uses ${named(p.module)}, not the bundle's pin ${named({ source: p.module.pinnedSource, version: p.module.pinnedVersion })}.`,
      '',
    );
  }
  if (p.skipped.length) {
    top.push('**Not previewed:**', '');
    for (const s of p.skipped) top.push(`- ${esc(s.part)}: ${esc(s.reason)}`);
    top.push('');
  }
  if (p.fileDiff !== undefined)
    top.push(
      '<details><summary>Changes to the config file</summary>',
      '',
      '```diff',
      p.fileDiff.replace(/```/g, "'''"),
      '```',
      '',
      '</details>',
      '',
    );
  const body = [
    ...top,
    '#### 1. Preflight',
    '',
    ...preflightSection(p),
    '#### 2. Harness infra provider',
    '',
    p.harness ? renderHarnessDiff(p.harness) : '_Not computed (see above)._\n',
    '#### 3. Terraform plan',
    '',
    ...terraformSection(p),
    '#### 4. Machines and gitspaces',
    '',
    p.resources ? renderIntents(p.resources) : '_Not computed (see above)._\n',
    `<sub>Preview fingerprint \`${fp.fingerprint.slice(0, 19)}…\`: the apply on merge recomputes this preview and refuses (plan-changed) if anything differs.${runUrl ? ` [Workflow run](${runUrl}).` : ''}</sub>`,
  ].join('\n');
  const header = `<!-- gitspaces-preview key=${safeKey(p.key)} pr=${pr} fingerprint=${fp.fingerprint} harness=${fp.harness} terraform=${fp.terraform} resources=${fp.resources} digest=${digestOf(`${pr}\n${body}`)} -->`;
  return `${header}\n${body}`;
}

export interface ReadPreview extends PreviewFingerprint {
  key: string;
  /** The pull request it was written for: a body copied from another pull request does not count. */
  pr: number;
}

/**
 * The fingerprint a preview comment carries, read from its first line only; undefined when the comment is not a
 * preview, or when its body was edited after the workflow wrote it (the digest no longer matches).
 */
export function readPreviewComment(body: string): { found?: ReadPreview; edited?: boolean } {
  const nl = body.indexOf('\n');
  const first = nl >= 0 ? body.slice(0, nl) : body;
  const m = HEADER_RE.exec(first);
  if (!m) return {};
  const rest = nl >= 0 ? body.slice(nl + 1) : '';
  if (digestOf(`${m[2]}\n${rest}`) !== m[7]) return { edited: true };
  return {
    found: {
      key: m[1] as string,
      pr: Number(m[2]),
      fingerprint: m[3] as string,
      harness: m[4] as string,
      terraform: m[5] as string,
      resources: m[6] as string,
    },
  };
}

/** Whether a comment is (or was) the preview of `key`, from its first line, whatever its digest. */
export function isPreviewOf(body: string, key: string): boolean {
  return body.startsWith(`<!-- gitspaces-preview key=${safeKey(key)} `);
}

/**
 * The record the gate leaves on the pull request when it admits a pushed commit for apply: `<!-- gitspaces-admitted
 * key=... sha=... fingerprint=... -->` on the first line, the reviewed fingerprint it matched. A later run of the
 * same commit (GitHub's "Re-run failed jobs" after an apply was cancelled or killed) finds it and continues that
 * apply: its own preview now shows what the interrupted run already did, so it can no longer match the review.
 */
const ADMITTED_RE =
  /^<!-- gitspaces-admitted key=([A-Za-z0-9_.:/@-]+) sha=([0-9a-f]{40}) config=(sha256:[0-9a-f]{64}) fingerprint=(sha256:[0-9a-f]{64}) -->$/;

export function renderAdmission(
  a: { key: string; sha: string; config: string; fingerprint: string },
  runUrl?: string,
): string {
  const { key, sha, config, fingerprint } = a;
  return [
    `<!-- gitspaces-admitted key=${safeKey(key)} sha=${sha} config=${config} fingerprint=${fingerprint} -->`,
    `✅ Commit \`${sha.slice(0, 12)}\` matched the reviewed preview (\`${fingerprint.slice(0, 19)}…\`) and was admitted for apply${runUrl ? ` by [this run](${runUrl})` : ''}. A re-run of this commit continues that apply.`,
  ].join('\n');
}

/**
 * The admission a comment records, read from its first line only: the key, the commit, the sha256 of the config
 * file admitted (the same commit read with another config is not the same apply), the reviewed fingerprint.
 */
export function readAdmission(
  body: string,
): { key: string; sha: string; config: string; fingerprint: string } | undefined {
  const nl = body.indexOf('\n');
  const m = ADMITTED_RE.exec(nl >= 0 ? body.slice(0, nl) : body);
  return m
    ? { key: m[1] as string, sha: m[2] as string, config: m[3] as string, fingerprint: m[4] as string }
    : undefined;
}
