import { join } from 'node:path';
import { readYaml } from './hygiene.js';

/**
 * The repository's own CI and release workflows do what CONTRIBUTING.md says they do (actionlint and the hygiene
 * checks run on them with the others): CI on every pull request and push, with the token read-only; the release
 * checks dist/ before it touches the major tag, and the decisions come from the tested script.
 */
type Yaml = Record<string, unknown>;
const obj = (v: unknown): Yaml => (v && typeof v === 'object' ? (v as Yaml) : {});
const steps = (wf: Yaml, job: string) => (obj(obj(wf.jobs)[job]).steps as Yaml[]) ?? [];
const runs = (wf: Yaml, job: string) => steps(wf, job).map((s) => String(s.run ?? ''));

describe('.github/workflows/ci.yml', () => {
  const ci = readYaml(join(process.cwd(), '.github/workflows/ci.yml'));

  it('runs on pull requests and pushes, with a read-only token everywhere', () => {
    expect(Object.keys(obj(ci.on))).toEqual(expect.arrayContaining(['pull_request', 'push']));
    expect(ci.permissions).toEqual({ contents: 'read' });
    for (const job of Object.values(obj(ci.jobs))) expect(obj(job).permissions).toBeUndefined();
  });

  it('runs .ci/run (install, lint, typecheck, tests), check-dist and actionlint', () => {
    expect(runs(ci, 'test')).toContain('bash .ci/run');
    const dist = runs(ci, 'check-dist').join('\n');
    expect(dist).toMatch(/rm -rf dist\nnpm run build/);
    expect(dist).toContain('git status --porcelain -- dist/');
    expect(runs(ci, 'actionlint')).toContain('node scripts/lint-workflows.mjs');
  });
});

describe('.github/workflows/release.yml', () => {
  const release = readYaml(join(process.cwd(), '.github/workflows/release.yml'));
  const texts = runs(release, 'release');
  const at = (re: RegExp) => texts.findIndex((t) => re.test(t));

  it('runs when a release is published, and only the release job may write', () => {
    expect(obj(obj(release.on).release).types).toEqual(['published']);
    expect(release.permissions).toEqual({ contents: 'read' });
    expect(obj(obj(obj(release.jobs).release).permissions)).toEqual({ contents: 'write' });
  });

  it('plans with scripts/release.mjs, checks dist/, then writes the notes, then moves the major tag', () => {
    const plan = at(/node scripts\/release\.mjs plan --tag "\$TAG"/);
    const dist = at(/npm run build/);
    const notes = at(/gh release edit "\$TAG" .*--notes-file/);
    const move = at(/git\/refs\/tags\/\$MAJOR/);
    expect([plan, dist, notes, move].every((i) => i >= 0)).toBe(true);
    expect(plan).toBeLessThan(dist);
    expect(dist).toBeLessThan(notes);
    expect(notes).toBeLessThan(move);
    expect(String(steps(release, 'release')[move]?.if)).toBe("steps.plan.outputs.move-major == 'true'");
  });
});
