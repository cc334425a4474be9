import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/**
 * Checks of the workflows and examples the project ships, as a reviewer of a security-sensitive workflow would make
 * them (issue 12 and 17): third-party actions pinned by commit SHA with the version in a comment, no expression
 * spliced into a shell script, no token persisted by checkout, `id-token: write` only where keyless auth runs, one
 * concurrency group for every job that writes the Harness provider and the Terraform state.
 */
export const BUNDLE = 'gitspaces-dev/gitspaces-actions';

type Yaml = Record<string, unknown>;
const obj = (v: unknown): Yaml => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Yaml) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Every file that holds a `uses:` line users run or copy. */
export function shippedFiles(root: string): string[] {
  const inDir = (dir: string, re: RegExp) =>
    existsSync(join(root, dir))
      ? readdirSync(join(root, dir))
          .filter((f) => re.test(f))
          .map((f) => join(dir, f))
      : [];
  const actions = readdirSync(join(root, 'actions'))
    .map((d) => join('actions', d, 'action.yml'))
    .filter((f) => existsSync(join(root, f)));
  return [
    ...inDir('.github/workflows', /\.ya?ml$/),
    ...inDir('workflows', /\.ya?ml$/),
    'action.yml',
    ...actions,
    'README.md',
    ...inDir('docs', /\.md$/),
  ];
}

export interface UsesLine {
  file: string;
  line: number;
  target: string;
  comment: string;
}

/** The `uses:` lines of a file; in Markdown, only those inside fenced code blocks (the examples people copy). */
export function usesLines(file: string, text: string): UsesLine[] {
  const out: UsesLine[] = [];
  const markdown = file.endsWith('.md');
  let fenced = false;
  text.split('\n').forEach((raw, i) => {
    if (markdown && /^\s*(```|~~~)/.test(raw)) fenced = !fenced;
    if (markdown && !fenced) return;
    const m = /(?:^|[\s-])uses:\s*['"]?([^\s'"#]+)['"]?\s*(?:#\s*(.*))?$/.exec(raw);
    if (m) out.push({ file, line: i + 1, target: m[1] as string, comment: (m[2] ?? '').trim() });
  });
  return out;
}

const SHA = /^[0-9a-f]{40}$/;
const VERSION_COMMENT = /^v\d+(\.\d+){0,2}\b/;

/** A problem for each third-party `uses:` not pinned by full commit SHA with its version in a comment. */
export function pinProblems(uses: UsesLine[]): string[] {
  const problems: string[] = [];
  const shaOf = new Map<string, UsesLine>();
  for (const u of uses) {
    const where = `${u.file}:${u.line} ${u.target}`;
    if (u.target.startsWith('./') || u.target.startsWith(`${BUNDLE}/`) || u.target.startsWith(`${BUNDLE}@`))
      continue;
    if (u.target.startsWith('docker://')) {
      if (!/@sha256:[0-9a-f]{64}$/.test(u.target))
        problems.push(`${where}: docker image not pinned by digest`);
      continue;
    }
    const at = u.target.lastIndexOf('@');
    const [action, ref] = at < 0 ? [u.target, ''] : [u.target.slice(0, at), u.target.slice(at + 1)];
    if (!SHA.test(ref)) {
      problems.push(`${where}: not pinned by a full commit SHA`);
      continue;
    }
    if (!VERSION_COMMENT.test(u.comment))
      problems.push(`${where}: no version comment (e.g. "# v4.0.1") after the SHA`);
    const seen = shaOf.get(action);
    if (seen && seen.target !== u.target)
      problems.push(`${where}: ${action} pinned to another SHA than in ${seen.file}:${seen.line}`);
    else shaOf.set(action, u);
  }
  return problems;
}

interface Step {
  job: string;
  index: number;
  step: Yaml;
}

function stepsOf(doc: Yaml): Step[] {
  const out: Step[] = [];
  for (const [job, raw] of Object.entries(obj(doc.jobs)))
    list(obj(raw).steps).forEach((s, index) => out.push({ job, index, step: obj(s) }));
  // A composite action's steps.
  list(obj(doc.runs).steps).forEach((s, index) => out.push({ job: 'runs', index, step: obj(s) }));
  return out;
}

const stepName = (s: Step) => `${s.job}.steps[${s.index}]${s.step.name ? ` (${String(s.step.name)})` : ''}`;

/** `${{ }}` inside `run:` is expanded into the script before the shell sees it: a value becomes code. */
export function runInterpolationProblems(doc: Yaml): string[] {
  return stepsOf(doc)
    .filter((s) => typeof s.step.run === 'string' && (s.step.run as string).includes('${{'))
    .map((s) => `${stepName(s)}: \${{ }} inside run: (pass it through env: and use "$NAME")`);
}

/** Every actions/checkout leaves no token in .git/config for later steps (and PR-controlled code) to read. */
export function checkoutProblems(doc: Yaml): string[] {
  return stepsOf(doc)
    .filter((s) => typeof s.step.uses === 'string' && (s.step.uses as string).startsWith('actions/checkout@'))
    .filter((s) => String(obj(s.step.with)['persist-credentials']) !== 'false')
    .map((s) => `${stepName(s)}: actions/checkout without persist-credentials: false`);
}

const AUTH = 'google-github-actions/auth@';
const hasAuthStep = (job: Yaml) => list(job.steps).some((s) => String(obj(s).uses ?? '').startsWith(AUTH));
const grantsIdToken = (perms: unknown) => obj(perms)['id-token'] === 'write' || perms === 'write-all';

/**
 * `id-token: write` lets the job mint an OIDC token for the cloud: only a job that runs the keyless auth step gets
 * it (or a job calling one of our reusable workflows whose jobs do), never the whole workflow.
 */
export function idTokenProblems(doc: Yaml, calledWorkflow: (uses: string) => Yaml | undefined): string[] {
  const problems: string[] = [];
  if (grantsIdToken(doc.permissions)) problems.push('workflow-level permissions grant id-token: write');
  for (const [id, raw] of Object.entries(obj(doc.jobs))) {
    const job = obj(raw);
    if (!grantsIdToken(job.permissions)) continue;
    if (hasAuthStep(job)) continue;
    const called = typeof job.uses === 'string' ? calledWorkflow(job.uses) : undefined;
    if (called && Object.values(obj(called.jobs)).some((j) => hasAuthStep(obj(j)))) continue;
    problems.push(`${id}: id-token: write without a keyless auth step (${AUTH}...)`);
  }
  return problems;
}

/** Our actions that write the Harness infra provider or the Terraform state. */
const WRITERS = ['configure-infra', 'terraform-apply', 'install-runner', 'create-gitspace', 'teardown'];

/** The root action (the whole pipeline), checked out as the bundle or referenced by name. */
const isRootAction = (uses: string) => uses === './.gitspaces-bundle' || uses.startsWith(`${BUNDLE}@`);

/**
 * Whether a step can write the Harness infra provider or the Terraform state: one of the writing actions, or the
 * root action, unless run with `mode: preview` (which writes neither: it plans with -lock=false).
 */
export function writesProviderOrState(step: Yaml): boolean {
  const uses = String(step.uses ?? '');
  const preview = String(obj(step.with).mode ?? '') === 'preview';
  if (isRootAction(uses)) return !preview;
  if (uses.endsWith('/actions/configure-infra')) return !preview;
  return WRITERS.some((w) => uses.endsWith(`/actions/${w}`));
}

export interface WriterJob {
  where: string;
  group: string;
  cancelInProgress: unknown;
}

/**
 * The writers' concurrency groups, with `${{ inputs.config }}` read as the config file it names by default, so that
 * a reusable workflow's group and a one-job workflow's on `gitspaces.yaml` compare equal when they are the same.
 */
export function writerJobs(file: string, doc: Yaml): WriterJob[] {
  const out: WriterJob[] = [];
  const config = obj(obj(obj(obj(doc.on).workflow_call).inputs).config).default;
  const resolve = (g: string) =>
    typeof config === 'string' ? g.replace(/\$\{\{\s*inputs\.config\s*\}\}/g, config) : g;
  for (const [id, raw] of Object.entries(obj(doc.jobs))) {
    const job = obj(raw);
    if (!list(job.steps).some((s) => writesProviderOrState(obj(s)))) continue;
    const c = job.concurrency;
    out.push({
      where: `${file} job ${id}`,
      group: resolve(typeof c === 'string' ? c : String(obj(c).group ?? '')),
      cancelInProgress: typeof c === 'string' ? false : obj(c)['cancel-in-progress'],
    });
  }
  return out;
}

/** One group for all of them (so they queue instead of writing at once), and none cancelled midway. */
export function concurrencyProblems(jobs: WriterJob[]): string[] {
  const problems: string[] = [];
  const groups = new Set(jobs.map((j) => j.group));
  if (groups.size > 1)
    problems.push(
      `jobs that write the provider and the state use ${groups.size} concurrency groups: ${jobs.map((j) => `${j.where}: "${j.group}"`).join('; ')}`,
    );
  for (const j of jobs) {
    if (!j.group) problems.push(`${j.where}: no concurrency group`);
    if (j.cancelInProgress !== false) problems.push(`${j.where}: cancel-in-progress must be false`);
  }
  return problems;
}

export const readYaml = (path: string): Yaml => obj(parse(readFileSync(path, 'utf8')));

/** The secrets of the Owner-level identity (apply) and of the read-only one (preview). */
export const APPLY_SECRETS = ['harness-api-key', 'gcp-credentials'];
export const PREVIEW_SECRETS = ['harness-preview-api-key', 'gcp-preview-credentials'];

const secretsUsed = (job: Yaml) =>
  [...JSON.stringify(job).matchAll(/secrets\.([\w-]+)/g)].map((m) => m[1] as string);
const runsOnPullRequests = (job: Yaml) => !/github\.event_name\s*==\s*'push'/.test(String(job.if ?? ''));
const isPreviewJob = (job: Yaml) =>
  list(job.steps).some((s) => String(obj(obj(s).with).mode ?? '') === 'preview');

/**
 * In a reusable workflow that previews pull requests: the preview job uses only the read-only identity and no
 * environment; the Owner-level secrets appear only in jobs that run in an environment (its reviewers and branch
 * rule are the gate) and never in a job that a pull_request event can run.
 */
export function identityProblems(doc: Yaml): string[] {
  const problems: string[] = [];
  if (!Object.values(obj(doc.jobs)).some((j) => isPreviewJob(obj(j)))) return problems;
  for (const [id, raw] of Object.entries(obj(doc.jobs))) {
    const job = obj(raw);
    if (job.uses) continue;
    const used = secretsUsed(job);
    const admin = used.filter((s) => APPLY_SECRETS.includes(s));
    if (isPreviewJob(job)) {
      if (admin.length)
        problems.push(`${id}: a preview job uses the Owner-level secret(s) ${admin.join(', ')}`);
      if (job.environment)
        problems.push(`${id}: a preview job runs in an environment (its secrets are for apply)`);
      continue;
    }
    if (!admin.length) continue;
    if (!job.environment) problems.push(`${id}: uses ${admin.join(', ')} outside a protected environment`);
    if (runsOnPullRequests(job))
      problems.push(
        `${id}: uses ${admin.join(', ')} and can run on pull_request (add if: github.event_name == 'push')`,
      );
    const previewKeys = used.filter((s) => PREVIEW_SECRETS.includes(s));
    if (previewKeys.length) problems.push(`${id}: mixes the preview and the apply identities`);
  }
  return problems;
}
