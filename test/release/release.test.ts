import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error: a plain ESM script (scripts/release.mjs) without type declarations.
import { changelogSection, majorTag, parseTag, planRelease } from '../../scripts/release.mjs';

const CHANGELOG = [
  '# Changelog',
  '',
  '## [Unreleased]',
  '',
  '- something not released yet',
  '',
  '## [1.3.0-rc.1] - 2026-12-01',
  '',
  '### Added',
  '- preview of the next minor',
  '',
  '## [1.2.0] - 2026-11-30',
  '',
  '### Added',
  '- drift issues',
  '',
  '### Fixed',
  '- the plan comment is updated in place',
  '',
  '## [1.1.0] - 2026-11-01',
  '',
  '- older',
  '',
  '## [2.0.0] - 2026-12-24',
  '',
  '[Unreleased]: https://github.com/gitspaces-dev/gitspaces-actions/compare/v1.2.0...HEAD',
  '[1.2.0]: https://github.com/gitspaces-dev/gitspaces-actions/compare/v1.1.0...v1.2.0',
  '',
].join('\n');

describe('release tags', () => {
  it('parses vX.Y.Z and its prerelease, and names the major tag', () => {
    expect(parseTag('v1.2.3')).toEqual({
      tag: 'v1.2.3',
      version: '1.2.3',
      major: 1,
      minor: 2,
      patch: 3,
      prerelease: '',
    });
    expect(parseTag('v10.0.0-rc.1')).toMatchObject({ major: 10, prerelease: 'rc.1' });
    expect(majorTag(parseTag('v0.4.1'))).toBe('v0');
    expect(majorTag(parseTag('v12.1.0'))).toBe('v12');
  });

  it.each([
    '1.2.3',
    'v1.2',
    'v1',
    'v01.2.3',
    'v1.2.3+build.5',
    'v1.2.3-',
    'v1.2.3-rc..1',
    'latest',
    '',
    'v1.2.3\nv2',
  ])('refuses %j, saying what a release tag looks like', (tag) => {
    expect(() => parseTag(tag)).toThrow(/expected vMAJOR\.MINOR\.PATCH/);
  });
});

describe('release notes from the changelog', () => {
  it('takes exactly the version section, without the next section or the link references', () => {
    expect(changelogSection(CHANGELOG, '1.2.0')).toBe(
      ['### Added', '- drift issues', '', '### Fixed', '- the plan comment is updated in place'].join('\n'),
    );
    expect(changelogSection(CHANGELOG, '1.3.0-rc.1')).toBe('### Added\n- preview of the next minor');
  });

  it('refuses a version with no section, and says how to add one', () => {
    expect(() => changelogSection(CHANGELOG, '1.2.1')).toThrow(
      'CHANGELOG.md has no section for 1.2.1: move the [Unreleased] entries under "## [1.2.1] - <date>"',
    );
    // 1.2 must not match the 1.2.0 heading.
    expect(() => changelogSection(CHANGELOG, '1.2')).toThrow(/no section for 1\.2:/);
  });

  it('refuses an empty section', () => {
    expect(() => changelogSection(CHANGELOG, '2.0.0')).toThrow('The CHANGELOG.md section for 2.0.0 is empty');
  });
});

describe('the release plan', () => {
  it('moves the major tag to a full release', () => {
    expect(planRelease({ tag: 'v1.2.0', changelog: CHANGELOG })).toMatchObject({
      version: '1.2.0',
      majorTag: 'v1',
      moveMajor: true,
      reason: 'v1 moves to v1.2.0',
    });
  });

  it('never moves the major tag to a prerelease, by its tag or by the release flag', () => {
    expect(planRelease({ tag: 'v1.3.0-rc.1', changelog: CHANGELOG })).toMatchObject({
      moveMajor: false,
      reason: 'v1.3.0-rc.1 is a prerelease (-rc.1): v1 stays where it is',
    });
    expect(planRelease({ tag: 'v1.2.0', prerelease: true, changelog: CHANGELOG })).toMatchObject({
      moveMajor: false,
      reason: 'the release is marked as a prerelease: v1 stays where it is',
    });
  });
});

describe('the major tag never moves backwards', () => {
  const tags = [
    'refs/tags/v1',
    'refs/tags/v1.1.0',
    'refs/tags/v1.2.0',
    'refs/tags/v1.3.0-rc.1',
    'refs/tags/v2.0.0',
  ];

  it('leaves v1 on v1.2.0 when a fix of v1.1 is released after it', () => {
    const changelog = CHANGELOG.replace('## [1.1.0]', '## [1.1.1] - 2026-12-02\n\n- fix\n\n## [1.1.0]');
    expect(planRelease({ tag: 'v1.1.1', changelog, existingTags: tags })).toMatchObject({
      moveMajor: false,
      reason: 'v1.2.0 is newer than v1.1.1: v1 stays on v1.2.0',
    });
  });

  it('moves it when the release is the newest of its major (other majors and prereleases do not count)', () => {
    const changelog = CHANGELOG.replace('## [1.2.0]', '## [1.2.1] - 2026-12-02\n\n- fix\n\n## [1.2.0]');
    expect(
      planRelease({ tag: 'v1.2.1', changelog, existingTags: [...tags, 'refs/tags/v1.2.1'] }),
    ).toMatchObject({ moveMajor: true, reason: 'v1 moves to v1.2.1' });
  });
});

describe('node scripts/release.mjs plan (as the release workflow runs it)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'release-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const changelog = join(dir, 'CHANGELOG.md');
  writeFileSync(changelog, CHANGELOG);
  const run = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, ['scripts/release.mjs', ...args], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', ...env },
    });

  it('prints the outputs, appends them to GITHUB_OUTPUT and writes the notes file', () => {
    const output = join(dir, 'github-output');
    const notes = join(dir, 'notes.md');
    writeFileSync(output, 'earlier=1\n');
    const r = run(
      ['plan', '--tag', 'v1.2.0', '--prerelease', 'false', '--changelog', changelog, '--notes-file', notes],
      {
        GITHUB_OUTPUT: output,
      },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const expected = 'version=1.2.0\nmajor-tag=v1\nmove-major=true\nreason=v1 moves to v1.2.0\n';
    expect(r.stdout).toBe(expected);
    expect(readFileSync(output, 'utf8')).toBe('earlier=1\n' + expected);
    expect(readFileSync(notes, 'utf8')).toContain('- the plan comment is updated in place\n');
  });

  it('exits 1 with the reason, and no stack trace, when the tag is not a release tag', () => {
    const r = run(['plan', '--tag', 'v1.2', '--changelog', changelog]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(
      'release: Tag "v1.2" is not a release tag: expected vMAJOR.MINOR.PATCH (e.g. v1.2.3, or v1.3.0-rc.1 for a prerelease).',
    );
    expect(r.stdout).toBe('');
  });

  it('reads the existing tags the workflow passes (one per line)', () => {
    const r = run([
      'plan',
      '--tag',
      'v1.1.0',
      '--changelog',
      changelog,
      '--existing-tags',
      'refs/tags/v1.1.0\nrefs/tags/v1.2.0\n',
    ]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('move-major=false\nreason=v1.2.0 is newer than v1.1.0: v1 stays on v1.2.0\n');
  });

  it('exits 1 when the changelog has no section for the version', () => {
    const r = run(['plan', '--tag', 'v9.9.9', '--changelog', changelog]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^release: CHANGELOG.md has no section for 9\.9\.9/);
  });

  it("reads the repository's own CHANGELOG.md, which has an [Unreleased] section to release from", () => {
    const text = readFileSync('CHANGELOG.md', 'utf8');
    expect(changelogSection(text, 'Unreleased')).toMatch(/^Nothing has been released yet/);
  });
});
