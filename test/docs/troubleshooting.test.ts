/**
 * docs/troubleshooting.md has a section for every id of the check catalog (the preflight checks and the
 * after-apply / after-install gates), headed with the catalog's title in catalog order, and documents every
 * ConfigurationError code the sources throw; the README's Troubleshooting table links every id.
 */
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { AFTER_APPLY_GATES } from '../../shared/checks/after-apply.js';
import { AFTER_INSTALL_GATES } from '../../shared/checks/after-install.js';
import { CATALOG, type CheckPhase, type Collaborator } from '../../shared/checks/catalog.js';
import { PREFLIGHT_CHECKS } from '../../shared/checks/preflight.js';
import { ROOT } from '../cli/run-cli.js';

const DOC_PATH = join(ROOT, 'docs', 'troubleshooting.md');
const DOC = readFileSync(DOC_PATH, 'utf8');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The gates that run after apply (terraform-apply) and after install (install-runner). */
const POST_GATES = CATALOG.filter((c) => c.phase !== 'preflight').map((c) => c.id);

const RUNS: Record<CheckPhase, string> = {
  preflight: 'validate-prereqs',
  'after-apply': 'terraform-apply, after apply',
  'after-install': 'install-runner, after install',
};
const READS: Record<Collaborator, string> = {
  config: 'the config file',
  files: 'the certificate files',
  exec: 'programs on PATH',
  gcp: 'Google APIs',
  dns: 'DNS servers',
  harness: 'the Harness API',
};

/** The doc's table of every check, as the catalog says it (between the check-catalog markers). */
function catalogTable(): string {
  const code = (p: string) => p.replace(/^([a-z]+(?:\.[a-zA-Z]+)+)/, '`$1`');
  const rows = CATALOG.map(
    (c) =>
      `| [${c.id}](#${c.id}) | ${c.family} | ${RUNS[c.phase]} | ${c.needs.uses.map((u) => READS[u]).join(', ')} | ${
        c.needs.permissions.map(code).join(', ') || 'none'
      } |`,
  );
  return ['| Id | Family | Run by | Reads | Permissions |', '|---|---|---|---|---|', ...rows].join('\n');
}

const CATALOG_BLOCK = /(<!-- check-catalog -->\n)([\s\S]*?)(<!-- \/check-catalog -->)/;

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'node_modules' ? [] : tsFiles(p);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [p] : [];
  });
}

const SOURCES = ['shared', 'actions'].flatMap((d) => tsFiles(join(ROOT, d)));

/** Every code a ConfigurationError is built with, with where; also the uncodable first arguments. */
function configurationErrorCodes(): { codes: Map<string, string>; unreadable: string[] } {
  const codes = new Map<string, string>();
  const unreadable: string[] = [];
  for (const file of SOURCES) {
    const text = readFileSync(file, 'utf8');
    const where = relative(ROOT, file);
    // The first argument: a literal, or an expression of literals (`type ? 'A' : 'B'`).
    for (const m of text.matchAll(/new ConfigurationError\(\s*([^,]*?),/g)) {
      const literals = [...(m[1] ?? '').matchAll(/'([A-Z][A-Z0-9_]+)'/g)].map((x) => x[1] as string);
      if (literals.length === 0) unreadable.push(`${where}: new ConfigurationError(${m[1]}, ...`);
      for (const c of literals) if (!codes.has(c)) codes.set(c, where);
    }
    // Codes written as properties or compared with a caught ConfigurationError's code.
    for (const m of text.matchAll(/\b(?:code:\s*|ce\.code\s*===?\s*)'([A-Z][A-Z0-9]*_[A-Z0-9_]+)'/g)) {
      const c = m[1] as string;
      if (!codes.has(c)) codes.set(c, where);
    }
  }
  return { codes, unreadable };
}

/** The text of one `<a id="...">` section: from its anchor to the next anchor. */
function section(text: string, id: string): string {
  const start = text.indexOf(`<a id="${id}"></a>`);
  if (start < 0) return '';
  const next = text.indexOf('<a id="', start + 1);
  return text.slice(start, next < 0 ? undefined : next);
}

/** The README's Troubleshooting section (up to the next level-2 heading). */
function readmeTroubleshooting(): string {
  const start = README.indexOf('\n## Troubleshooting\n');
  if (start < 0) return '';
  const next = README.indexOf('\n## ', start + 1);
  return README.slice(start, next < 0 ? undefined : next);
}

const ALL_IDS = CATALOG.map((c) => c.id);

describe('docs/troubleshooting.md', () => {
  test('the id lists are what the code runs', () => {
    expect(PREFLIGHT_CHECKS.map((c) => c.id)).toEqual(
      expect.arrayContaining(['CFG-001', 'API-007', 'HARNESS-003']),
    );
    expect(POST_GATES).toEqual(['DNS-101', 'CERT-101', 'RUN-101', 'DLG-101', 'GW-101']);
    expect(new Set(ALL_IDS).size).toBe(ALL_IDS.length);
    // The install-runner gates, and the terraform-apply gates as the code names them.
    expect(Object.values(AFTER_INSTALL_GATES).map((g) => g.id)).toEqual(['RUN-101', 'DLG-101', 'GW-101']);
    expect(AFTER_APPLY_GATES.map((g) => g.id).sort()).toEqual(['CERT-101', 'DNS-101']);
    const applyGates = readFileSync(join(ROOT, 'shared', 'checks', 'after-apply.ts'), 'utf8');
    const inCode = new Set([...applyGates.matchAll(/check\(\s*'([A-Z]+-\d{3})'/g)].map((m) => m[1]));
    expect([...inCode].sort()).toEqual(['CERT-101', 'DNS-101']);
  });

  test('one `## <id>: <title>` section per catalog entry, with its title, in catalog order', () => {
    const headings = [...DOC.matchAll(/^## ([A-Z]+-\d{3}): (.+)$/gm)].map((m) => `${m[1]}: ${m[2]}`);
    expect(headings).toEqual(CATALOG.map((c) => `${c.id}: ${c.title}`));
    // Each entry's doc link is the anchor of its section.
    for (const c of CATALOG) expect(c.doc).toBe(`docs/troubleshooting.md#${c.id}`);
  });

  test('the table of what each check reads is generated from the catalog', () => {
    const expected = `${catalogTable()}\n`;
    if (process.env.CHECK_CATALOG_DOC === 'write')
      writeFileSync(
        DOC_PATH,
        DOC.replace(CATALOG_BLOCK, (_m, open: string, _t, close: string) => open + expected + close),
      );
    const current = readFileSync(DOC_PATH, 'utf8').match(CATALOG_BLOCK)?.[2];
    expect(current).toBe(expected);
  });

  test.each(ALL_IDS)('%s has an anchor, a heading and a fix', (id) => {
    expect(DOC).toContain(`<a id="${id}"></a>`);
    const body = section(DOC, id);
    // The anchor sits right above its `## ID: title` heading.
    expect(body).toMatch(new RegExp(`^<a id="${id}"></a>\\n## ${id}: \\S`));
    expect(body).toMatch(/\*\*What it checks\.\*\*/);
    expect(body).toMatch(/\*\*When it fails\.\*\*/);
    expect(body).toMatch(/\*\*Fix/);
    expect(body).toMatch(/\*\*Reproduce\.\*\*/);
  });

  test('each anchor appears once and names a known id or section', () => {
    const anchors = [...DOC.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1] as string);
    expect(new Set(anchors).size).toBe(anchors.length);
    const known = new Set([
      ...ALL_IDS,
      'what-each-check-reads',
      'error-codes',
      'plan-changed',
      'not-reviewed',
    ]);
    expect(anchors.filter((a) => !known.has(a))).toEqual([]);
  });

  test('every scenario the doc names exists', () => {
    const scenarios = new Set(
      readdirSync(join(ROOT, 'sandbox', 'scenarios'))
        .filter((f) => f.endsWith('.yaml'))
        .map((f) => f.replace(/\.yaml$/, '')),
    );
    const named = [...DOC.matchAll(/--scenario ([a-z0-9-]+)/g)].map((m) => m[1] as string);
    expect(named.length).toBeGreaterThan(10);
    expect(named.filter((n) => !scenarios.has(n))).toEqual([]);
  });

  test('every ConfigurationError code in shared/ and actions/ is documented', () => {
    const { codes, unreadable } = configurationErrorCodes();
    expect(unreadable).toEqual([]);
    // The scan itself works: it finds the codes the actions are known to print.
    for (const c of ['INPUT_MISSING', 'CONFIG_INVALID', 'AUTH_P12', 'PLAN_NOT_REVIEWED'])
      expect(codes.has(c)).toBe(true);
    expect(codes.size).toBeGreaterThanOrEqual(20);
    const table = section(DOC, 'error-codes');
    expect(table).not.toBe('');
    const undocumented = [...codes]
      .filter(([c]) => !table.includes(`| \`${c}\` |`))
      .map(([c, where]) => `${c} (${where})`);
    expect(undocumented).toEqual([]);
  });

  test('failure-reason plan-changed is documented', () => {
    expect(section(DOC, 'plan-changed')).toMatch(/failure-reason: plan-changed/);
  });

  test('failure-reason not-reviewed is documented, with what to do', () => {
    expect(section(DOC, 'not-reviewed')).toMatch(
      /failure-reason: not-reviewed[\s\S]*\*\*Fix\.\*\*[\s\S]*auto-approve: true/,
    );
  });
});

describe('README Troubleshooting section', () => {
  const readme = readmeTroubleshooting();

  test('sits just before "The config file" and links the doc', () => {
    expect(readme).not.toBe('');
    expect(README.indexOf('\n## Troubleshooting\n')).toBeLessThan(README.indexOf('\n## The config file\n'));
    expect(README.slice(README.indexOf('\n## Troubleshooting\n') + 1)).toMatch(
      /^## Troubleshooting\n[\s\S]*?\n## The config file\n/,
    );
    expect(readme).toContain('](docs/troubleshooting.md)');
  });

  test.each(ALL_IDS)('the table links %s', (id) => {
    const rows = readme.split('\n').filter((l) => l.startsWith('| '));
    expect(rows.some((r) => r.includes(`[${id}](docs/troubleshooting.md#${id})`))).toBe(true);
  });

  test('every link into docs/troubleshooting.md reaches an anchor', () => {
    const targets = [...README.matchAll(/\(docs\/troubleshooting\.md#([^)]+)\)/g)].map((m) => m[1] as string);
    expect(targets.length).toBeGreaterThanOrEqual(ALL_IDS.length);
    expect(targets.filter((t) => !DOC.includes(`<a id="${t}"></a>`))).toEqual([]);
  });
});
