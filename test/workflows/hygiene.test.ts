import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import {
  BUNDLE,
  checkoutProblems,
  concurrencyProblems,
  identityProblems,
  idTokenProblems,
  pinProblems,
  readYaml,
  runInterpolationProblems,
  shippedFiles,
  usesLines,
  writerJobs,
} from './hygiene.js';

const root = process.cwd();
const files = shippedFiles(root);
const workflows = files.filter((f) => /\.ya?ml$/.test(f) && !f.endsWith('action.yml'));
const yamlFiles = files.filter((f) => /\.ya?ml$/.test(f));

/** Our reusable workflows, as a caller template names them. */
const calledWorkflow = (uses: string) => {
  const m = new RegExp(`^${BUNDLE}/\\.github/workflows/([\\w.-]+)@`).exec(uses);
  const path = m ? join(root, '.github', 'workflows', m[1] as string) : '';
  return path && existsSync(path) ? readYaml(path) : undefined;
};

describe('what the project ships is pinned and hardened', () => {
  it('looks at every workflow, action.yml and the README and docs examples', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        '.github/workflows/ci.yml',
        '.github/workflows/release.yml',
        '.github/workflows/gitspaces-setup.yml',
        'workflows/pipeline-step.yml',
        'action.yml',
        'actions/terraform-apply/action.yml',
        'README.md',
        'docs/troubleshooting.md',
      ]),
    );
  });

  it('pins every third-party action by full commit SHA with its version in a comment', () => {
    const uses = files.flatMap((f) => usesLines(f, readFileSync(join(root, f), 'utf8')));
    // Sanity: the scan sees the actions the workflows use.
    expect(uses.map((u) => u.target.split('@')[0])).toEqual(
      expect.arrayContaining(['actions/checkout', 'google-github-actions/auth', 'hashicorp/setup-terraform']),
    );
    expect(pinProblems(uses)).toEqual([]);
  });

  it.each(yamlFiles)('%s: no ${{ }} inside run:', (f) => {
    expect(runInterpolationProblems(readYaml(join(root, f)))).toEqual([]);
  });

  it.each(workflows)('%s: checkouts do not persist credentials', (f) => {
    expect(checkoutProblems(readYaml(join(root, f)))).toEqual([]);
  });

  it.each(workflows)('%s: id-token: write only on jobs that run keyless auth', (f) => {
    expect(idTokenProblems(readYaml(join(root, f)), calledWorkflow)).toEqual([]);
  });

  it('every job that writes the Harness provider or the Terraform state shares one concurrency group', () => {
    const jobs = workflows.flatMap((f) => writerJobs(f, readYaml(join(root, f))));
    expect(jobs.map((j) => j.where)).toEqual(
      expect.arrayContaining([
        '.github/workflows/gitspaces-setup.yml job apply',
        '.github/workflows/gitspaces-setup-keyless.yml job apply',
        '.github/workflows/gitspaces-drift.yml job drift',
        '.github/workflows/gitspaces-teardown.yml job teardown',
      ]),
    );
    // The preview jobs write neither (mode: preview): they are not among the writers.
    expect(jobs.map((j) => j.where).filter((w) => / job preview$/.test(w))).toEqual([]);
    expect(concurrencyProblems(jobs)).toEqual([]);
  });

  it.each(workflows)(
    '%s: the preview job has the read-only identity, the Owner-level one only the apply job',
    (f) => {
      expect(identityProblems(readYaml(join(root, f)))).toEqual([]);
    },
  );

  it('the key-based setup workflow and its caller template never ask for id-token: write', () => {
    for (const f of ['.github/workflows/gitspaces-setup.yml', 'workflows/setup.yml']) {
      const wf = readYaml(join(root, f));
      const jobs = Object.values(wf.jobs as Record<string, { permissions?: Record<string, string> }>);
      expect(jobs.map((j) => j.permissions?.['id-token'] ?? 'none')).toEqual(jobs.map(() => 'none'));
    }
  });
});

describe('the checks can fail', () => {
  const doc = (text: string) => parse(text) as Record<string, unknown>;

  it('catches a tag, a short SHA, a missing version comment and two SHAs for one action', () => {
    const text = [
      '```yaml',
      '- uses: actions/checkout@v4',
      '- uses: hashicorp/setup-terraform@dfe3c3f',
      '- uses: actions/setup-node@820762786026740c76f36085b0efc47a31fe5020',
      "- uses: 'google-github-actions/auth@7c6bc770dae815cd3e89ee6cdf493a5fab2cc093' # v3.0.0",
      '- uses: google-github-actions/auth@c200f3691d83b41bf9bbd8638997a462592937ed # v2.1.13',
      '- uses: ./local/action',
      `- uses: ${BUNDLE}/actions/teardown@v1`,
      '```',
      'Outside a code block, `uses: some/thing@v1` is prose.',
    ].join('\n');
    expect(pinProblems(usesLines('x.md', text))).toEqual([
      'x.md:2 actions/checkout@v4: not pinned by a full commit SHA',
      'x.md:3 hashicorp/setup-terraform@dfe3c3f: not pinned by a full commit SHA',
      'x.md:4 actions/setup-node@820762786026740c76f36085b0efc47a31fe5020: no version comment (e.g. "# v4.0.1") after the SHA',
      'x.md:6 google-github-actions/auth@c200f3691d83b41bf9bbd8638997a462592937ed: google-github-actions/auth pinned to another SHA than in x.md:5',
    ]);
  });

  it('catches ${{ }} in run:, a persisted checkout token, and id-token: write without keyless auth', () => {
    const wf = doc(`
permissions:
  id-token: write
jobs:
  up:
    permissions:
      id-token: write
    steps:
      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1
      - id: g
        uses: ./x
      - run: echo "\${{ steps.g.outputs.url }}"
`);
    expect(runInterpolationProblems(wf)).toEqual([
      'up.steps[2]: ${{ }} inside run: (pass it through env: and use "$NAME")',
    ]);
    expect(checkoutProblems(wf)).toEqual([
      'up.steps[0]: actions/checkout without persist-credentials: false',
    ]);
    expect(idTokenProblems(wf, () => undefined)).toEqual([
      'workflow-level permissions grant id-token: write',
      'up: id-token: write without a keyless auth step (google-github-actions/auth@...)',
    ]);
  });

  it('catches two concurrency groups for the writers, and an apply that can be cancelled', () => {
    const wf = doc(`
jobs:
  plan:
    concurrency: { group: 'plan-\${{ github.event.pull_request.number }}', cancel-in-progress: true }
    steps: [{ uses: ./.gitspaces-bundle/actions/configure-infra }]
  apply:
    concurrency: { group: 'apply', cancel-in-progress: false }
    steps: [{ uses: ./.gitspaces-bundle/actions/terraform-apply }]
  lint:
    steps: [{ run: echo }]
`);
    expect(concurrencyProblems(writerJobs('w.yml', wf))).toEqual([
      'jobs that write the provider and the state use 2 concurrency groups: w.yml job plan: "plan-${{ github.event.pull_request.number }}"; w.yml job apply: "apply"',
      'w.yml job plan: cancel-in-progress must be false',
    ]);
  });

  it('counts the root action in apply mode as a writer, and not in preview mode', () => {
    const wf = doc(`
jobs:
  preview:
    steps: [{ uses: ./.gitspaces-bundle, with: { mode: preview } }]
  apply:
    steps: [{ uses: ./.gitspaces-bundle, with: { mode: apply } }]
  up:
    concurrency: { group: 'state', cancel-in-progress: false }
    steps: [{ uses: '${BUNDLE}@v1' }]
`);
    expect(concurrencyProblems(writerJobs('w.yml', wf))).toEqual([
      'jobs that write the provider and the state use 2 concurrency groups: w.yml job apply: ""; w.yml job up: "state"',
      'w.yml job apply: no concurrency group',
      'w.yml job apply: cancel-in-progress must be false',
    ]);
  });

  it('catches the Owner-level secrets in a preview job or a job a pull request runs, and a preview in an environment', () => {
    const wf = doc(`
jobs:
  preview:
    if: github.event_name == 'pull_request'
    environment: gitspaces
    steps:
      - uses: ./.gitspaces-bundle
        with: { mode: preview, harness-api-key: '\${{ secrets.harness-api-key }}' }
  apply:
    if: github.event_name != 'pull_request'
    steps:
      - uses: ./.gitspaces-bundle
        with:
          mode: apply
          gcp-credentials: '\${{ secrets.gcp-credentials }}'
          harness-api-key: '\${{ secrets.harness-preview-api-key }}'
`);
    expect(identityProblems(wf)).toEqual([
      'preview: a preview job uses the Owner-level secret(s) harness-api-key',
      'preview: a preview job runs in an environment (its secrets are for apply)',
      'apply: uses gcp-credentials outside a protected environment',
      "apply: uses gcp-credentials and can run on pull_request (add if: github.event_name == 'push')",
      'apply: mixes the preview and the apply identities',
    ]);
  });
});
