import { createHash } from 'node:crypto';

import { classifyPlan, withoutChurn, type ChurnClassification } from './churn.js';
import { kindOf, type Kind, type PlanChange, type PlanJson, type ResourceChange } from './plan-json.js';

export { kindOf };
export type { Kind, PlanChange, PlanJson, ResourceChange };

export interface PlanCounts {
  add: number;
  change: number;
  destroy: number;
  replace: number;
  /** Outputs that change. */
  outputs: number;
}

export const GITHUB_COMMENT_LIMIT = 65_536;

export function planCounts(plan: PlanJson): PlanCounts {
  const c: PlanCounts = { add: 0, change: 0, destroy: 0, replace: 0, outputs: 0 };
  for (const rc of plan.resource_changes ?? []) {
    switch (kindOf(rc.change.actions)) {
      case 'create':
        c.add++;
        break;
      case 'update':
        c.change++;
        break;
      case 'delete':
        c.destroy++;
        break;
      case 'replace':
        c.add++;
        c.destroy++;
        c.replace++;
        break;
      default:
    }
  }
  for (const oc of Object.values(plan.output_changes ?? {})) if (kindOf(oc.actions) !== 'no-op') c.outputs++;
  return c;
}

/** Terraform's own line: `Plan: N to add, N to change, N to destroy.` (or its no-change wording). */
export function countsLine(c: PlanCounts): string {
  if (c.add + c.change + c.destroy === 0) {
    return c.outputs
      ? `No resource changes; ${c.outputs} output(s) change.`
      : 'No changes. Your infrastructure matches the configuration.';
  }
  return `Plan: ${c.add} to add, ${c.change} to change, ${c.destroy} to destroy.`;
}

/** The churn a plan carries, in one sentence (empty when none): said next to the counts, never counted in them. */
export function churnLine(c: Pick<ChurnClassification, 'churn' | 'churnOutputs'>): string {
  if (!c.churn.length && !c.churnOutputs.length) return '';
  const parts = [
    c.churn.length ? `${c.churn.length} resource(s)` : '',
    c.churnOutputs.length ? `${c.churnOutputs.length} output(s)` : '',
  ].filter(Boolean);
  return `Module churn, not applied: ${parts.join(' and ')} change only through the module's own uuid()/timestamp().`;
}

/** JSON with sorted keys, so equal values hash equally whatever order Terraform printed them in. */
export function canonicalJson(v: unknown): string {
  return JSON.stringify(v ?? null, (_key, value: unknown) => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
    const o = value as Record<string, unknown>;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(o).sort()) sorted[k] = o[k];
    return sorted;
  });
}

/**
 * The fingerprint of what a plan will do: sha256 over every resource and output change that is not a no-op and
 * not the module's own churn (shared/terraform/churn.ts), with its actions and its before/after values (unknown
 * values are recorded as unknown, not guessed). Two plans of the same configuration against the same state
 * fingerprint equally, whatever churn they carry; any real change changes it.
 */
export function planFingerprint(planWithChurn: PlanJson): string {
  const plan = withoutChurn(planWithChurn);
  const resources = (plan.resource_changes ?? [])
    .filter((rc) => kindOf(rc.change.actions) !== 'no-op')
    .map((rc) => ({
      address: rc.address,
      actions: rc.change.actions,
      before: rc.change.before ?? null,
      after: rc.change.after ?? null,
      after_unknown: rc.change.after_unknown ?? null,
      replace_paths: Array.isArray(rc.change.replace_paths)
        ? rc.change.replace_paths.map((p) => JSON.stringify(p)).sort()
        : null,
    }))
    .sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
  const outputs = Object.entries(plan.output_changes ?? {})
    .filter(([, oc]) => kindOf(oc.actions) !== 'no-op')
    .map(([name, oc]) => ({
      name,
      actions: oc.actions,
      before: oc.before ?? null,
      after: oc.after ?? null,
      after_unknown: oc.after_unknown ?? null,
    }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  return 'sha256:' + createHash('sha256').update(canonicalJson({ resources, outputs })).digest('hex');
}

export interface PlanTarget {
  root: string;
  workspace: string;
  label: string;
}

/** The hidden marker that finds this plan's comment again: one comment per (root, workspace, label). */
export function planMarker(t: PlanTarget): string {
  const clean = (s: string) => s.replace(/-->/g, '').replace(/\s+/g, '_');
  return `<!-- gitspaces-plan: root=${clean(t.root)} workspace=${clean(t.workspace)} label=${clean(t.label)} -->`;
}

const FINGERPRINT_RE = /^<!-- gitspaces-plan-fingerprint: (sha256:[0-9a-f]{64}) -->$/;

export function fingerprintMarker(fp: string): string {
  return `<!-- gitspaces-plan-fingerprint: ${fp} -->`;
}

/**
 * The fingerprint of a plan comment, read from its last line only (where renderPlanComment writes it): a value in
 * the plan that carries the marker text sits in the body above and is never read.
 */
export function fingerprintFromComment(body: string): string | undefined {
  const last = body.trimEnd().split('\n').pop() ?? '';
  return FINGERPRINT_RE.exec(last.trim())?.[1];
}

export interface RenderOptions extends PlanTarget {
  /** Link to the workflow run with the full log. */
  runUrl?: string;
  /** Known secret values to blank out, whatever Terraform thinks of them. */
  secrets?: readonly string[];
  /** Default: just below GitHub's 65,536-character comment limit. */
  maxChars?: number;
}

const SENSITIVE = '(sensitive value)';
const UNKNOWN = '(known after apply)';

/** Replaces what after_sensitive/before_sensitive mark, and what after_unknown marks. */
export function redact(value: unknown, sensitive: unknown, unknown?: unknown): unknown {
  if (sensitive === true) return SENSITIVE;
  if (unknown === true) return UNKNOWN;
  if (Array.isArray(value)) {
    return value.map((v, i) =>
      redact(
        v,
        Array.isArray(sensitive) ? sensitive[i] : undefined,
        Array.isArray(unknown) ? unknown[i] : undefined,
      ),
    );
  }
  if (value && typeof value === 'object') {
    const s = sensitive && typeof sensitive === 'object' ? (sensitive as Record<string, unknown>) : {};
    const u = unknown && typeof unknown === 'object' ? (unknown as Record<string, unknown>) : {};
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = redact(v, s[k], u[k]);
    // Unknown attributes have no value in `after` at all.
    for (const [k, flag] of Object.entries(u)) if (!(k in out) && flag === true) out[k] = UNKNOWN;
    return out;
  }
  if (value === undefined && unknown === true) return UNKNOWN;
  return value;
}

function show(v: unknown): string {
  if (v === SENSITIVE || v === UNKNOWN) return v;
  return JSON.stringify(v ?? null);
}

const VERB: Record<Kind, string> = {
  create: 'will be created',
  update: 'will be updated in-place',
  delete: 'will be destroyed',
  replace: 'must be replaced',
  read: 'will be read during apply',
  'no-op': 'has no changes',
};

/** The diff lines of one resource (attribute by attribute). */
export function resourceLines(rc: ResourceChange): string[] {
  const kind = kindOf(rc.change.actions);
  const before = redact(rc.change.before, rc.change.before_sensitive) as
    Record<string, unknown> | null | undefined;
  const after = redact(rc.change.after, rc.change.after_sensitive, rc.change.after_unknown) as
    Record<string, unknown> | null | undefined;
  const reason = rc.action_reason ? ` (${rc.action_reason.replace(/_/g, ' ')})` : '';
  const lines = [`# ${rc.address} ${VERB[kind]}${reason}`];
  const b = before && typeof before === 'object' ? before : {};
  const a = after && typeof after === 'object' ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
  for (const k of keys) {
    const bv = show(b[k]);
    const av = show(a[k]);
    if (kind === 'create') {
      if (a[k] !== null && a[k] !== undefined) lines.push(`+ ${k} = ${av}`);
    } else if (kind === 'delete') {
      if (b[k] !== null && b[k] !== undefined) lines.push(`- ${k} = ${bv}`);
    } else if (bv !== av) {
      lines.push(`~ ${k} = ${bv} -> ${av}`);
    }
  }
  return lines;
}

function outputLine(name: string, oc: PlanChange): string {
  const k = kindOf(oc.actions);
  const after = redact(oc.after, oc.after_sensitive, oc.after_unknown);
  const before = redact(oc.before, oc.before_sensitive);
  return k === 'create'
    ? `+ ${name} = ${show(after)}`
    : k === 'delete'
      ? `- ${name}`
      : `~ ${name} = ${show(before)} -> ${show(after)}`;
}

function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s && s.length >= 3) out = out.split(s).join('***');
  return out;
}

/**
 * The pull-request comment (and job summary) for a plan: the counts line as the <details> summary,
 * replaced and destroyed resources called out first, everything else folded, sensitive values never shown,
 * and the whole kept below GitHub's limit by cutting on line boundaries with a note and the run link.
 */
export function renderPlanComment(plan: PlanJson, opts: RenderOptions): string {
  const limit = Math.min(opts.maxChars ?? GITHUB_COMMENT_LIMIT - 536, GITHUB_COMMENT_LIMIT - 1);
  const churn = classifyPlan(plan);
  const real = withoutChurn(plan, churn);
  const counts = planCounts(real);
  const fp = planFingerprint(plan);
  const changes = (real.resource_changes ?? []).filter(
    (rc) => !['no-op', 'read'].includes(kindOf(rc.change.actions)),
  );
  const replaced = changes.filter((rc) => kindOf(rc.change.actions) === 'replace');
  const destroyed = changes.filter((rc) => kindOf(rc.change.actions) === 'delete');
  const rest = changes.filter((rc) => !['replace', 'delete'].includes(kindOf(rc.change.actions)));
  const outputChanges = churn.realOutputs;

  const head: string[] = [
    planMarker(opts),
    `#### Terraform plan: \`${opts.root}\` · workspace \`${opts.workspace}\`${opts.label ? ` · ${opts.label}` : ''}`,
    '',
  ];
  const attention: string[] = [];
  const nameList = (list: ResourceChange[]) => {
    const shown = list.slice(0, 20).map((rc) => `\`${rc.address}\``);
    return shown.join(', ') + (list.length > 20 ? ` and ${list.length - 20} more` : '');
  };
  if (replaced.length) attention.push(`> **⚠️ ${replaced.length} to replace:** ${nameList(replaced)}`);
  if (destroyed.length) attention.push(`> **🗑️ ${destroyed.length} to destroy:** ${nameList(destroyed)}`);

  // Body sections, as lines, in the order a reviewer should read them.
  const body: string[] = [];
  const section = (title: string, list: ResourceChange[], fold: boolean) => {
    if (!list.length) return;
    body.push(
      fold ? `<details><summary>${title} (${list.length})</summary>` : `**${title} (${list.length})**`,
      '',
      '```diff',
    );
    for (const rc of list) body.push(...resourceLines(rc), '');
    body.push('```', '', ...(fold ? ['</details>', ''] : []));
  };
  section('Replaced', replaced, false);
  section('Destroyed', destroyed, false);
  section('Other changes', rest, true);
  const outputSection = (title: string, list: [string, PlanChange][]) => {
    if (!list.length) return;
    body.push(`<details><summary>${title} (${list.length})</summary>`, '', '```diff');
    for (const [name, oc] of list) body.push(outputLine(name, oc));
    body.push('```', '', '</details>', '');
  };
  outputSection('Changes to outputs', outputChanges);
  // The module's own churn last, folded, apart from the real changes: it is not applied (see CONTRIBUTING).
  if (churn.churn.length || churn.churnOutputs.length) {
    body.push(
      `<details><summary>Module churn, not applied (${churn.churn.length + churn.churnOutputs.length}): the module's own uuid()/timestamp()</summary>`,
      '',
      '```diff',
    );
    for (const rc of churn.churn) body.push(...resourceLines(rc), '');
    for (const [name, oc] of churn.churnOutputs) body.push(outputLine(name, oc));
    body.push('```', '', '</details>', '');
  }

  const churnNote = churnLine(churn);
  const open = [`<details><summary>${countsLine(counts)}${churnNote ? ` ${churnNote}` : ''}</summary>`, ''];
  const close = ['</details>', ''];
  const foot = [
    ...(opts.runUrl ? [`Full log: [workflow run](${opts.runUrl})`, ''] : []),
    fingerprintMarker(fp),
  ];
  const secrets = opts.secrets ?? [];

  const assemble = (bodyLines: string[]) =>
    scrub(
      [
        ...head,
        ...open,
        ...bodyLines,
        ...close,
        ...attention,
        ...(attention.length ? [''] : []),
        ...foot,
      ].join('\n'),
      secrets,
    );
  const full = assemble(body);
  if (full.length <= limit) return full;

  // Too long: keep whole lines while they fit, close what is open, and say so.
  const fixed = assemble([]).length;
  const noteFor = (omitted: number) =>
    `\n_Plan truncated: ${omitted} more line(s) not shown (GitHub comments are limited to ${GITHUB_COMMENT_LIMIT} characters).${opts.runUrl ? ` The full plan is in the [workflow run](${opts.runUrl}).` : ''}_`;
  const reserve = noteFor(body.length).length + 40;
  const kept: string[] = [];
  let used = fixed;
  for (const line of body) {
    const cost = scrub(line, secrets).length + 1;
    if (used + cost + reserve > limit) break;
    kept.push(line);
    used += cost;
  }
  // Close an open code fence and any open <details> so the rest of the comment renders.
  const fences = kept.filter((l) => l === '```diff' || l === '```').length;
  if (fences % 2 === 1) kept.push('```');
  const opened =
    kept.filter((l) => l.startsWith('<details>')).length - kept.filter((l) => l === '</details>').length;
  for (let i = 0; i < opened; i++) kept.push('</details>');
  kept.push(noteFor(body.length - kept.length), '');
  return assemble(kept);
}

/** GITHUB_SERVER_URL/GITHUB_REPOSITORY/actions/runs/GITHUB_RUN_ID, when the job runs on GitHub. */
export function runUrlFromEnv(env: NodeJS.ProcessEnv): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run } = env;
  return repo && run
    ? `${(server || 'https://github.com').replace(/\/+$/, '')}/${repo}/actions/runs/${run}`
    : undefined;
}
