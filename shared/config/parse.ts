import { LineCounter, parseDocument } from 'yaml';
import { ConfigurationError } from '../errors.js';
import { documentToJs, findHostileStrings, printable } from './hostile.js';
import type { ConfigIssue } from './issue.js';
import { FIX_SEP, GitspacesConfig, configSchema, crossFieldChecks, generationForVersion } from './schema.js';

export type { ConfigIssue } from './issue.js';

export function formatIssue(i: ConfigIssue): string {
  return `${printable(i.path) || '(file)'}${i.line ? ` (line ${i.line})` : ''}: found ${i.found}; expected ${i.expected}. Fix: ${i.fix}`;
}

/** Keys whose string value would be a credential: those belong in inputs or the environment. */
const SECRET_KEY =
  /(^|_)(api_?key|apikey|token|password|passwd|secret|shared_secret|private_key|client_secret|credentials_json|service_account_key)$/i;
/** Keys that name secrets without holding them. */
const SECRET_KEY_ALLOWED = new Set(['token_name', 'ssh_token_identifier', 'private_key_path']);
const SECRET_VALUE: [RegExp, string][] = [
  [/^pat\.[A-Za-z0-9_-]+\.[A-Za-z0-9]+\.[A-Za-z0-9]+$/, 'a Harness personal access token'],
  [/^sat\.[A-Za-z0-9_-]+\.[A-Za-z0-9]+\.[A-Za-z0-9]+$/, 'a Harness service account token'],
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, 'a PEM private key'],
  [/^gh[pousr]_[A-Za-z0-9]{20,}$/, 'a GitHub token'],
  [/"private_key"\s*:/, 'a service-account key (JSON)'],
];

function secretHint(path: string): string {
  if (/harness/i.test(path) || /api_?key/i.test(path))
    return 'Pass the Harness API key as the `harness-api-key` input from a secret (`${{ secrets.HARNESS_API_KEY }}`), or HARNESS_API_KEY for the CLI.';
  if (/private_key|service_account|credentials/i.test(path))
    return 'Pass the GCP key as the `gcp-credentials` input from a secret, use keyless auth (google-github-actions/auth), or GOOGLE_APPLICATION_CREDENTIALS for the CLI.';
  if (/delegate/i.test(path))
    return 'The delegate token is created or read through the Harness API; remove it from the file.';
  return 'Remove it from the file and pass it as an action input from a repository secret.';
}

function findSecrets(node: unknown, path: string[], out: ConfigIssue[]): void {
  if (Array.isArray(node)) {
    node.forEach((v, i) => findSecrets(v, [...path, String(i)], out));
  } else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      const p = [...path, k];
      if (typeof v === 'string' && v && SECRET_KEY.test(k) && !SECRET_KEY_ALLOWED.has(k)) {
        out.push({
          path: p.join('.'),
          found: 'a secret value (hidden)',
          expected: 'no secrets in gitspaces.yaml',
          fix: secretHint(p.join('.')),
        });
        continue;
      }
      if (
        v &&
        typeof v === 'object' &&
        (v as Record<string, unknown>).type === 'service_account' &&
        'private_key' in (v as object)
      ) {
        out.push({
          path: p.join('.'),
          found: 'a service-account key (hidden)',
          expected: 'no secrets in gitspaces.yaml',
          fix: secretHint('service_account'),
        });
        continue;
      }
      findSecrets(v, p, out);
    }
  } else if (typeof node === 'string') {
    for (const [re, what] of SECRET_VALUE) {
      if (re.test(node)) {
        out.push({
          path: path.join('.'),
          found: `${what} (hidden)`,
          expected: 'no secrets in gitspaces.yaml',
          fix: secretHint(path.join('.')),
        });
        break;
      }
    }
  }
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (value === null) return 'null';
  if (typeof value === 'string')
    return printable(JSON.stringify(value.length > 80 ? value.slice(0, 77) + '...' : value));
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${String(value)}`;
}

interface ZodLikeIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  input?: unknown;
  expected?: unknown;
  keys?: string[];
  values?: unknown[];
  minimum?: unknown;
  maximum?: unknown;
  params?: { fix?: string };
  origin?: string;
}

function issueFromZod(z: ZodLikeIssue): ConfigIssue[] {
  const path = z.path.map(String).join('.');
  const [message, fixFromMessage] = z.message.split(FIX_SEP) as [string, string | undefined];
  const fix = fixFromMessage ?? z.params?.fix;
  switch (z.code) {
    case 'unrecognized_keys':
      return (z.keys ?? []).map((k) => ({
        path: path ? `${path}.${k}` : k,
        found: 'an unknown key',
        expected: 'only documented keys (docs/config.md)',
        fix: `Remove \`${k}\` or check its spelling.`,
      }));
    case 'invalid_type':
      return [
        {
          path,
          found: show(z.input),
          expected: `${String(z.expected)}`,
          fix:
            fix ??
            (z.input === undefined
              ? `Add \`${path}\` (see docs/config.md).`
              : `Give \`${path}\` a ${String(z.expected)} value.`),
        },
      ];
    case 'invalid_value':
      return [
        {
          path,
          found: show(z.input),
          expected: `one of ${(z.values ?? []).map((v) => JSON.stringify(v)).join(', ')}`,
          fix: fix ?? `Use one of the listed values for \`${path}\`.`,
        },
      ];
    case 'too_small':
      return [
        {
          path,
          found: show(z.input),
          expected: `${z.origin === 'string' ? 'at least ' + String(z.minimum) + ' characters' : z.origin === 'array' ? 'at least ' + String(z.minimum) + ' item(s)' : '>= ' + String(z.minimum)}`,
          fix: fix ?? `Raise \`${path}\`.`,
        },
      ];
    case 'too_big':
      return [
        {
          path,
          found: show(z.input),
          expected: `${z.origin === 'string' ? 'at most ' + String(z.maximum) + ' characters' : z.origin === 'array' ? 'at most ' + String(z.maximum) + ' item(s)' : '<= ' + String(z.maximum)}`,
          fix: fix ?? `Lower \`${path}\`.`,
        },
      ];
    case 'invalid_key': {
      // A record key (a region name under infrastructure.regions): the key's own rule carries the expectation and fix.
      const inner = ((z as { issues?: ZodLikeIssue[] }).issues ?? [])[0];
      const [exp, innerFix] = (inner?.message ?? 'expected a valid key').split(FIX_SEP) as [
        string,
        string | undefined,
      ];
      return [
        {
          path,
          found: show(z.input),
          expected: `a key that is ${exp.replace(/^expected /, '')}`,
          fix: innerFix ?? fix ?? `Rename the key \`${path}\`.`,
        },
      ];
    }
    case 'invalid_union':
      return [
        {
          path,
          found: show(z.input),
          expected: 'a string, number or boolean',
          fix: fix ?? `Check \`${path}\`.`,
        },
      ];
    default:
      return [
        {
          path,
          found: show(z.input),
          expected: message.replace(/^Invalid (input|string): /, '').replace(/^expected /, ''),
          fix: fix ?? `Check \`${path}\` against docs/config.md.`,
        },
      ];
  }
}

export type LoadResult = { ok: true; config: GitspacesConfig } | { ok: false; issues: ConfigIssue[] };

/** Parses and validates the text of a gitspaces.yaml; returns every problem at once. */
export function parseConfig(text: string): LoadResult {
  if (!text.trim()) {
    return {
      ok: false,
      issues: [
        {
          path: '',
          found: 'an empty file',
          expected: 'a gitspaces.yaml mapping with version: 1',
          fix: 'Start from examples/gitspaces.yaml.',
        },
      ],
    };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, lineCounter });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((e) => ({
        path: '',
        // linePos is only filled with prettyErrors; the line counter knows every error's line.
        line: e.linePos?.[0]?.line ?? lineCounter.linePos(e.pos[0]).line,
        found: `invalid YAML (${e.code})`,
        expected: 'valid YAML',
        fix: printable(e.message.split('\n')[0] ?? '') || 'Fix the YAML syntax.',
      })),
    };
  }
  const js = documentToJs(doc, lineCounter);
  if (!js.ok) return { ok: false, issues: js.issues };
  const raw = js.value;
  if (raw === null || raw === undefined) {
    // Comments (or a bare `---`) and nothing else: YAML reads that as null, which says nothing to a user.
    return {
      ok: false,
      issues: [
        {
          path: '',
          found: 'only comments, no settings',
          expected: 'a gitspaces.yaml mapping with version: 1',
          fix: 'Uncomment or add the settings; start from examples/gitspaces.yaml.',
        },
      ],
    };
  }
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      ok: false,
      issues: [
        {
          path: '',
          found: Array.isArray(raw)
            ? `a list of ${raw.length} at the top level`
            : `${show(raw)} at the top level`,
          expected: 'a mapping at the top level (version:, harness:, gcp:, ...)',
          fix: Array.isArray(raw)
            ? 'Remove the leading `- ` of the top-level keys: they are the keys of one mapping, not list items.'
            : 'Start from examples/gitspaces.yaml.',
        },
      ],
    };
  }
  const secrets: ConfigIssue[] = [];
  findSecrets(raw, [], secrets);
  // Control characters and overlong strings anywhere: said once per value, before the field's own rule.
  const hostile: ConfigIssue[] = [];
  findHostileStrings(raw, [], hostile);
  const parsed = configSchema.safeParse(raw, { reportInput: true });
  const issues = [...secrets, ...hostile.map((h) => withLine(doc, lineCounter, h))];
  if (!parsed.success) {
    const secretPaths = new Set([...secrets, ...hostile].map((s) => s.path));
    for (const zi of parsed.error.issues as unknown as ZodLikeIssue[]) {
      for (const i of issueFromZod(zi))
        if (!secretPaths.has(i.path)) issues.push(withLine(doc, lineCounter, i));
    }
  }
  for (const x of crossFieldChecks(raw))
    issues.push(
      withLine(doc, lineCounter, { path: x.path, found: show(x.found), expected: x.expected, fix: x.fix }),
    );
  if (issues.length > 0 || !parsed.success) return { ok: false, issues };
  const config = parsed.data as GitspacesConfig;
  const mod = config.terraform.module;
  mod.generation = mod.generation ?? generationForVersion(mod.version as string);
  return { ok: true, config };
}

function withLine(doc: ReturnType<typeof parseDocument>, lc: LineCounter, issue: ConfigIssue): ConfigIssue {
  if (!issue.path) return issue;
  const keys = issue.path.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k));
  for (let n = keys.length; n > 0; n--) {
    const node = doc.getIn(keys.slice(0, n), true) as { range?: [number, number] } | undefined;
    if (node && typeof node === 'object' && node.range)
      return { ...issue, line: lc.linePos(node.range[0]).line };
  }
  return issue;
}

export function configFromText(text: string, path = 'gitspaces.yaml'): GitspacesConfig {
  const r = parseConfig(text);
  if (!r.ok) {
    const lines = r.issues.map(formatIssue);
    throw new ConfigurationError(
      'CONFIG_INVALID',
      `${path} has ${r.issues.length} problem(s):\n${lines.map((l) => `  - ${l}`).join('\n')}`,
      'Correct each field listed; docs/config.md documents every field.',
      lines,
      r.issues.map((i) => ({ file: path, line: i.line })),
    );
  }
  return r.config;
}
