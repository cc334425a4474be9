#!/usr/bin/env node
/**
 * The release logic of .github/workflows/release.yml, kept here so that it can be tested
 * (test/release/release.test.ts); the workflow only runs it.
 *
 *   node scripts/release.mjs plan --tag v1.2.3 [--prerelease true|false] [--changelog CHANGELOG.md]
 *        [--notes-file notes.md] [--existing-tags "v1.0.0 v1.1.0 ..."]
 *
 * checks that the tag is `vX.Y.Z` (semver, optional `-prerelease`, no build metadata), finds the version's section
 * in the changelog (Keep a Changelog: `## [1.2.3] - 2026-11-30`), writes it as the release notes, and says whether
 * the major tag `vX` moves to this release: never to a prerelease (by its tag or by the release's own flag), nor
 * back to an older version than one already released. Prints `key=value` lines (version, major-tag, move-major,
 * reason) and appends them to $GITHUB_OUTPUT when it is set. Exits 1, saying why, when the release must not go
 * ahead.
 */
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export class ReleaseError extends Error {}

// Semantic Versioning 2.0.0: no leading zeros in the numbers, dot-separated prerelease identifiers.
const NUM = '0|[1-9]\\d*';
const PRE_ID = '(?:0|[1-9]\\d*|\\d*[A-Za-z-][0-9A-Za-z-]*)';
const TAG = new RegExp(`^v(${NUM})\\.(${NUM})\\.(${NUM})(?:-(${PRE_ID}(?:\\.${PRE_ID})*))?$`);

/** `v1.2.3` or `v1.2.3-rc.1` → its parts; anything else is refused with the form expected. */
export function parseTag(tag) {
  const m = TAG.exec(String(tag ?? '').trim());
  if (!m)
    throw new ReleaseError(
      `Tag ${JSON.stringify(tag)} is not a release tag: expected vMAJOR.MINOR.PATCH (e.g. v1.2.3, or v1.3.0-rc.1 for a prerelease).`,
    );
  const [, major, minor, patch, prerelease] = m;
  return {
    tag: m[0],
    version: m[0].slice(1),
    major: Number(major),
    minor: Number(minor),
    patch: Number(patch),
    prerelease: prerelease ?? '',
  };
}

/** The major tag users reference (`uses: ...@v1`). */
export function majorTag(parsed) {
  return `v${parsed.major}`;
}

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The body of the changelog section of `version` (between its `## [version]` heading and the next `## ` heading or
 * the link references at the end), trimmed. Refuses a missing or empty section: a release says what changed.
 */
export function changelogSection(changelog, version) {
  const lines = changelog.split(/\r?\n/);
  const heading = new RegExp(`^## \\[?v?${escapeRegExp(version)}\\]?(?:\\s|$)`);
  const start = lines.findIndex((l) => heading.test(l));
  if (start < 0)
    throw new ReleaseError(
      `CHANGELOG.md has no section for ${version}: move the [Unreleased] entries under "## [${version}] - <date>" and commit before tagging.`,
    );
  const body = [];
  for (const line of lines.slice(start + 1)) {
    if (/^## /.test(line) || /^\[[^\]]+\]:\s/.test(line)) break;
    body.push(line);
  }
  const text = body.join('\n').trim();
  if (!text) throw new ReleaseError(`The CHANGELOG.md section for ${version} is empty: say what changed.`);
  return text;
}

const compare = (a, b) => a.major - b.major || a.minor - b.minor || a.patch - b.patch;

/** The newest full release of the same major among the repository's tags (`v1.2.0` or `refs/tags/v1.2.0`). */
export function newestRelease(existingTags, major) {
  let newest;
  for (const raw of existingTags) {
    let t;
    try {
      t = parseTag(
        String(raw)
          .trim()
          .replace(/^refs\/tags\//, ''),
      );
    } catch {
      continue; // the major tags themselves, and anything that is not a release
    }
    if (t.major === major && !t.prerelease && (!newest || compare(t, newest) > 0)) newest = t;
  }
  return newest;
}

/**
 * Everything the release workflow needs to know, or a ReleaseError saying why it must stop. The major tag moves
 * only to a full release that is the newest of its major: a fix released for an older minor (v1.1.1 after v1.2.0)
 * leaves `v1` on v1.2.0.
 */
export function planRelease({ tag, prerelease = false, changelog, existingTags = [] }) {
  const parsed = parseTag(tag);
  const notes = changelogSection(changelog, parsed.version);
  const major = majorTag(parsed);
  const newest = newestRelease(existingTags, parsed.major);
  let reason;
  if (parsed.prerelease)
    reason = `${parsed.tag} is a prerelease (-${parsed.prerelease}): ${major} stays where it is`;
  else if (prerelease) reason = `the release is marked as a prerelease: ${major} stays where it is`;
  else if (newest && compare(newest, parsed) > 0)
    reason = `${newest.tag} is newer than ${parsed.tag}: ${major} stays on ${newest.tag}`;
  return {
    version: parsed.version,
    majorTag: major,
    moveMajor: !reason,
    reason: reason ?? `${major} moves to ${parsed.tag}`,
    notes,
  };
}

function parseArgs(argv) {
  const [command, ...rest] = argv;
  const opts = {};
  for (let i = 0; i < rest.length; i += 2) {
    const key = rest[i];
    if (!key?.startsWith('--') || rest[i + 1] === undefined)
      throw new ReleaseError(`Unexpected argument ${JSON.stringify(key)}: expected --name value pairs.`);
    opts[key.slice(2)] = rest[i + 1];
  }
  return { command, opts };
}

function flag(value, name) {
  if (value === undefined || value === '' || value === 'false') return false;
  if (value === 'true') return true;
  throw new ReleaseError(`--${name} must be true or false, not ${JSON.stringify(value)}.`);
}

export function cli(argv, env = process.env) {
  const { command, opts } = parseArgs(argv);
  if (command !== 'plan')
    throw new ReleaseError(
      'Usage: node scripts/release.mjs plan --tag vX.Y.Z [--prerelease true|false] [--changelog CHANGELOG.md] [--notes-file FILE] [--existing-tags "TAG ..."]',
    );
  const changelogPath = opts.changelog ?? 'CHANGELOG.md';
  let changelog;
  try {
    changelog = readFileSync(changelogPath, 'utf8');
  } catch {
    throw new ReleaseError(`Cannot read ${changelogPath}: the release notes come from it.`);
  }
  const plan = planRelease({
    tag: opts.tag,
    prerelease: flag(opts.prerelease, 'prerelease'),
    changelog,
    existingTags: (opts['existing-tags'] ?? '').split(/[\s,]+/).filter(Boolean),
  });
  if (opts['notes-file']) writeFileSync(opts['notes-file'], plan.notes + '\n', 'utf8');
  const lines = [
    `version=${plan.version}`,
    `major-tag=${plan.majorTag}`,
    `move-major=${plan.moveMajor}`,
    `reason=${plan.reason}`,
  ];
  if (env.GITHUB_OUTPUT) appendFileSync(env.GITHUB_OUTPUT, lines.join('\n') + '\n', 'utf8');
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    console.log(cli(process.argv.slice(2)));
  } catch (e) {
    if (!(e instanceof ReleaseError)) throw e;
    console.error(`release: ${e.message}`);
    process.exit(1);
  }
}
