/**
 * The preview of a change to gitspaces.yaml: everything a merge would do, computed without changing anything
 * (issue 12). Each part comes from the action that would do it, in its preview mode; the pull request gets one
 * comment rendering all of it (render.ts), and the apply on push recomputes it and compares fingerprints (gate).
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../terraform/plan-render.js';

/** One field of the Harness infra provider that would change. */
export interface HarnessFieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

/** configure-infra in preview mode. */
export interface HarnessDiff {
  identifier: string;
  action: 'create' | 'update' | 'unchanged';
  changes: HarnessFieldChange[];
  /** The setup YAML was built locally (the provider does not exist): these keys are placeholders. */
  placeholders: string[];
}

/** terraform-apply in preview mode. */
export interface TerraformPreview {
  /** Fingerprint of the plan's real changes (the module's churn and Harness-generated secrets left out). */
  fingerprint: string;
  /** Terraform's counts line of the real changes, and the churn sentence. */
  countsLine: string;
  churnLine: string;
  /** Whether apply would change anything. */
  changes: boolean;
  /** The rendered plan (comment Markdown, secrets scrubbed), without its own markers. */
  rendered: string;
  /** How the state was read (lock-free plan, or an empty state when none exists yet). */
  stateNote: string;
}

/** One machine or gitspace and what create-gitspace would do with it. */
export interface ResourceIntent {
  kind: 'machine' | 'gitspace';
  name: string;
  /** create, start, none (exists and as wanted), differs (exists, differs, cannot be updated). */
  action: 'create' | 'start' | 'stop' | 'delete' | 'none' | 'differs';
  detail: string;
}

/** A part of the preview that was not computed, and why (no secrets on a fork, an error). */
export interface Skipped {
  part: string;
  reason: string;
}

export interface ModulePin {
  source: string;
  version?: string;
  /** The source and version the bundle pins by default; `changed` when the config differs from them. */
  pinnedSource: string;
  pinnedVersion?: string;
  changed: boolean;
  /** The module the pull request's base commit names, when it could be read: `changed` is then against it. */
  base?: { source: string; version?: string };
  /** The source is outside the allow-list: the plan was not run. */
  refused?: string;
}

export interface PreflightPreview {
  failed: { id: string; title: string; observed: string; fix: string }[];
  warnings: { id: string; title: string; observed: string }[];
  /** Checks the read-only preview identity cannot make (they test the apply identity's rights). */
  notChecked: { id: string; title: string; reason: string }[];
}

export interface Preview {
  /** Where it stands: infrastructure identifier (and label), the key of its comment on the pull request. */
  key: string;
  config: string;
  /** The config file's check (it parsed and validated): one line. */
  configCheck?: string;
  module: ModulePin;
  preflight?: PreflightPreview;
  harness?: HarnessDiff;
  terraform?: TerraformPreview;
  resources?: ResourceIntent[];
  skipped: Skipped[];
  /** The config file's own diff against the pull request's base (fork pull requests without secrets). */
  fileDiff?: string;
}

export interface PreviewFingerprint {
  /** sha256 over the three parts together. */
  fingerprint: string;
  harness: string;
  terraform: string;
  resources: string;
}

const sha = (v: unknown) => 'sha256:' + createHash('sha256').update(canonicalJson(v)).digest('hex');

/**
 * The fingerprint of the whole preview: the Harness diff (field, from, to), the Terraform plan's real changes (its
 * own fingerprint), and what would happen to machines and gitspaces. A part not computed counts as such, so a
 * preview without secrets never matches one with them.
 */
export function previewFingerprint(p: Preview): PreviewFingerprint {
  const harness = sha(
    p.harness
      ? {
          action: p.harness.action,
          changes: [...p.harness.changes]
            .map((c) => ({ field: c.field, from: c.from ?? null, to: c.to ?? null }))
            .sort((a, b) => (a.field < b.field ? -1 : a.field > b.field ? 1 : 0)),
        }
      : { skipped: true },
  );
  const terraform = sha(
    p.terraform
      ? { plan: p.terraform.fingerprint, module: [p.module.source, p.module.version ?? ''] }
      : { skipped: true },
  );
  const resources = sha(
    p.resources
      ? [...p.resources]
          .map((r) => ({ kind: r.kind, name: r.name, action: r.action, detail: r.detail }))
          .sort((a, b) => (`${a.kind} ${a.name}` < `${b.kind} ${b.name}` ? -1 : 1))
      : { skipped: true },
  );
  return { fingerprint: sha({ harness, terraform, resources }), harness, terraform, resources };
}

/** Which parts differ between two fingerprints, in words. */
export function differingParts(a: PreviewFingerprint, b: Omit<PreviewFingerprint, 'fingerprint'>): string[] {
  const out: string[] = [];
  if (a.harness !== b.harness) out.push('the Harness infra provider diff');
  if (a.terraform !== b.terraform) out.push('the Terraform plan');
  if (a.resources !== b.resources) out.push('the machines and gitspaces diff');
  return out;
}
