/**
 * The check catalog (shared/checks/catalog.ts) against the implementations: every catalog id is implemented in its
 * family's file, every implementation is in the catalog, and what an entry says a check reads is what it reads.
 * test/docs/troubleshooting.test.ts holds the catalog to docs/troubleshooting.md.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { stringify } from 'yaml';
import { AFTER_APPLY_GATES } from '../../shared/checks/after-apply.js';
import { AFTER_INSTALL_GATES } from '../../shared/checks/after-install.js';
import {
  CATALOG,
  type CheckFamily,
  type Collaborator,
  FAMILIES,
  catalogEntry,
  entriesOfPhase,
} from '../../shared/checks/catalog.js';
import {
  PREFLIGHT_CHECKS,
  PREFLIGHT_FAMILIES,
  createPreflightContext,
} from '../../shared/checks/preflight.js';
import type { Exec, PreflightContext } from '../../shared/checks/types.js';
import { FakeClock } from '../../shared/clock.js';
import type { DnsClient } from '../../shared/dns/query.js';
import { RecordingLogger } from '../../shared/logger.js';
import { scenarioConfig } from '../../sandbox/scenarios/config.js';
import { HEALTHY, mergeScenario } from '../../sandbox/scenario.js';
import { ROOT } from '../cli/run-cli.js';

/** The id prefixes each family owns (capacity holds the regions check too: both read regions.get). */
const PREFIXES: Record<CheckFamily, string[]> = {
  config: ['CFG'],
  tools: ['TOOL'],
  auth: ['AUTH'],
  apis: ['API'],
  iam: ['IAM'],
  org: ['ORG'],
  capacity: ['QUOTA', 'REG'],
  network: ['NET'],
  images: ['IMG'],
  dns: ['DNS'],
  certificates: ['CERT'],
  harness: ['HARNESS'],
  state: ['STATE'],
  'after-apply': ['DNS', 'CERT', 'NET'],
  'after-install': ['RUN', 'DLG', 'GW'],
};

const ids = (xs: readonly { id: string }[]) => xs.map((x) => x.id);

describe('the check catalog', () => {
  test('lists every check and gate once, with a family, a phase and a title', () => {
    expect(new Set(ids(CATALOG)).size).toBe(CATALOG.length);
    for (const e of CATALOG) {
      const [prefix, number] = e.id.split('-') as [string, string];
      expect({ id: e.id, prefixOk: PREFIXES[e.family].includes(prefix) }).toEqual({
        id: e.id,
        prefixOk: true,
      });
      // 0xx before anything is created; 1xx the health gates after a phase, whose family is that phase.
      if (e.phase === 'preflight') expect(number).toMatch(/^0\d\d$/);
      else
        expect({ id: e.id, number, family: e.family }).toEqual({
          id: e.id,
          number: expect.stringMatching(/^1\d\d$/),
          family: e.phase,
        });
      expect(e.title.length).toBeGreaterThan(10);
    }
    expect(new Set(CATALOG.map((e) => e.family))).toEqual(new Set(FAMILIES));
    expect(() => catalogEntry('DNS-999')).toThrow('DNS-999 is not in the check catalog');
  });

  test('each family has its file under shared/checks/', () => {
    const missing = FAMILIES.filter((f) => !existsSync(join(ROOT, 'shared', 'checks', `${f}.ts`)));
    expect(missing).toEqual([]);
  });

  test('every preflight entry is implemented in its family, and every implementation is in the catalog', () => {
    const implemented = Object.entries(PREFLIGHT_FAMILIES).flatMap(([family, checks]) =>
      (checks ?? []).map((c) => ({ id: c.id, family })),
    );
    expect(new Set(ids(implemented)).size).toBe(implemented.length);
    const catalogued = entriesOfPhase('preflight').map((e) => ({ id: e.id, family: e.family }));
    expect([...implemented].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [...catalogued].sort((a, b) => a.id.localeCompare(b.id)),
    );
    // validate-prereqs runs them in catalog order, with the catalog's titles.
    expect(PREFLIGHT_CHECKS.map((c) => `${c.id} ${c.title}`)).toEqual(
      entriesOfPhase('preflight').map((e) => `${e.id} ${e.title}`),
    );
  });

  test('the gates terraform-apply and install-runner run are the catalog entries of their phase', () => {
    expect(ids(AFTER_APPLY_GATES)).toEqual(ids(entriesOfPhase('after-apply')));
    expect(Object.values(AFTER_INSTALL_GATES)).toEqual(
      entriesOfPhase('after-install').map((e) => ({ id: e.id, title: e.title })),
    );
  });

  test('every check id the sources of shared/ and actions/ name is in the catalog', () => {
    const files = ['shared', 'actions'].flatMap((d) => tsFiles(join(ROOT, d)));
    const known = new Set(ids(CATALOG));
    const unknown: string[] = [];
    let seen = 0;
    for (const f of files) {
      for (const m of readFileSync(f, 'utf8').matchAll(/\b([A-Z]{2,8}-\d{3})\b/g)) {
        // Algorithm names (SHA-256, AES-256 in the key code) have the shape of a check id and are not one.
        if (/^(SHA|AES|RSA)-/.test(m[1] as string)) continue;
        seen++;
        if (!known.has(m[1] as string)) unknown.push(`${m[1]} in ${relative(ROOT, f)}`);
      }
    }
    expect(seen).toBeGreaterThan(100);
    expect(unknown).toEqual([]);
  });

  test('a preflight check reads only collaborators its entry names, and calls out to each it names', async () => {
    const TRACKED: Collaborator[] = ['config', 'exec', 'gcp', 'dns', 'harness'];
    const unnamed: string[] = [];
    const untouched: string[] = [];
    for (const check of PREFLIGHT_CHECKS) {
      const seen = new Set<Collaborator>();
      const ctx = new Proxy(await context(), {
        get(target, prop, receiver) {
          if (typeof prop === 'string' && (TRACKED as string[]).includes(prop))
            seen.add(prop as Collaborator);
          return Reflect.get(target, prop, receiver) as unknown;
        },
      });
      await check.run(ctx).catch(() => undefined); // a skip is thrown: what it read is recorded all the same
      const { uses } = catalogEntry(check.id).needs;
      for (const c of seen) if (!uses.includes(c)) unnamed.push(`${check.id} reads ${c}`);
      // Without credentials the Google checks stop before they read the config, so only the outside
      // collaborators are held to this direction.
      for (const c of uses)
        if (c !== 'config' && TRACKED.includes(c) && !seen.has(c))
          untouched.push(`${check.id} never reads ${c}`);
    }
    expect({ unnamed, untouched }).toEqual({ unnamed: [], untouched: [] });
  });

  test('only checks that call Google or Harness name permissions', () => {
    for (const e of CATALOG)
      if (!e.needs.uses.some((u) => u === 'gcp' || u === 'harness'))
        expect({ id: e.id, permissions: e.needs.permissions }).toEqual({ id: e.id, permissions: [] });
  });
});

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return tsFiles(p);
    return name.endsWith('.ts') ? [p] : [];
  });
}

/**
 * A context in which every collaborator is present and answers at once: no credentials (the Google checks stop at
 * AUTH-001's reason), no Harness key, DNS and programs that answer nothing useful. HA gateways with a managed zone,
 * so that API-006 and DNS-004 look.
 */
async function context(): Promise<PreflightContext> {
  const exec: Exec = async () => ({ code: 1, stdout: '', stderr: '' });
  const dns: DnsClient = {
    resolvers: ['resolver:53'],
    override: 'parent:53',
    askResolvers: async () => [],
    authoritativeServers: async () => ['parent:53'],
    askAuthoritative: async () => [],
  };
  const config = mergeScenario(scenarioConfig(HEALTHY), {
    infrastructure: { gateway: { instances: 2 } },
  } as never);
  return createPreflightContext({
    configPath: join(ROOT, 'gitspaces.yaml'),
    configText: stringify(config),
    env: { HOME: join(ROOT, 'test', 'no-such-home') }, // no credentials anywhere
    log: new RecordingLogger(),
    clock: new FakeClock(Date.parse('2026-11-29T00:00:00Z')),
    exec,
    dns,
  });
}
