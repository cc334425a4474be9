import { type Document, type LineCounter, visit } from 'yaml';
import type { ConfigIssue } from './issue.js';

/**
 * Input that is refused whatever the field: YAML that expands without bound or refers to itself, characters a
 * terminal, a log line or an HTTP header would act on, and strings no field needs.
 */

/**
 * The most aliases one document may expand (the yaml library's `maxAliasCount`, which counts an alias by the
 * size of what it expands to: a "billion laughs" file stops at once). A gitspaces.yaml needs a handful.
 */
export const MAX_ALIAS_COUNT = 100;

/** The longest string any field takes (a URL); every field has its own, smaller bound besides. */
export const MAX_STRING_LENGTH = 2048;

/**
 * Control characters: C0 (tab and newline included), DEL, C1, the line and paragraph separators, and the
 * bidirectional overrides and isolates that make text display in another order than it is read.
 */
// eslint-disable-next-line no-control-regex
export const CONTROL_RE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex
const CONTROL_RE_G = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** `s` with every control character written as \uXXXX, safe to print on a terminal or in a log. */
export function printable(s: string): string {
  return s.replace(CONTROL_RE_G, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function codePoint(s: string): string {
  const c = CONTROL_RE.exec(s)?.[0] ?? '';
  return `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Every string value and key with a control character, and every string longer than MAX_STRING_LENGTH: no field
 * of gitspaces.yaml is multi-line or that long, and such text would be sent on to Harness, GCP or a log as is.
 */
export function findHostileStrings(node: unknown, path: string[], out: ConfigIssue[]): void {
  const at = (p: string[]) => printable(p.join('.'));
  if (typeof node === 'string') {
    if (CONTROL_RE.test(node))
      out.push({
        path: at(path),
        found: `a control character (${codePoint(node)})`,
        expected: 'one line of printable text: no newline, tab or other control character',
        fix: 'Remove the line break or control character (a YAML `|` or `>` block is multi-line: use a plain value).',
      });
    else if (node.length > MAX_STRING_LENGTH)
      out.push({
        path: at(path),
        found: `a string of ${node.length} characters`,
        expected: `at most ${MAX_STRING_LENGTH} characters`,
        fix: 'Shorten the value: no field of gitspaces.yaml takes text that long.',
      });
    return;
  }
  if (Array.isArray(node)) {
    node.forEach((v, i) => findHostileStrings(v, [...path, String(i)], out));
    return;
  }
  if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (CONTROL_RE.test(k) || k.length > 256) {
        out.push({
          path: at([...path, k.length > 256 ? `${k.slice(0, 40)}...` : k]),
          found: CONTROL_RE.test(k)
            ? `a key with a control character (${codePoint(k)})`
            : `a key of ${k.length} characters`,
          expected: 'a documented key',
          fix: 'Remove the key (docs/config.md lists every key).',
        });
        continue;
      }
      findHostileStrings(v, [...path, k], out);
    }
  }
}

export type ToJsResult = { ok: true; value: unknown } | { ok: false; issues: ConfigIssue[] };

/**
 * The document as plain data, with aliases bounded: an alias inside the node its anchor names (a structure that
 * contains itself) is refused before conversion, and the library's alias-expansion limit turns a bomb into an
 * issue at the alias's line instead of an exception.
 */
export function documentToJs(doc: Document, lc: LineCounter): ToJsResult {
  const issues: ConfigIssue[] = [];
  visit(doc, {
    Alias(_key, node, path) {
      const source = node.resolve(doc);
      const line = node.range ? lc.linePos(node.range[0]).line : undefined;
      if (!source)
        issues.push({
          path: '',
          line,
          found: `the alias *${printable(node.source)} with no anchor &${printable(node.source)} before it`,
          expected: 'valid YAML',
          fix: 'Define the anchor before its alias, or write the value out.',
        });
      else if (path.includes(source as never))
        issues.push({
          path: '',
          line,
          found: `the alias *${printable(node.source)} inside the value its anchor names (it contains itself)`,
          expected: 'YAML without self-referencing anchors',
          fix: 'Write the value out instead of the alias.',
        });
    },
  });
  if (issues.length) return { ok: false, issues };
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (e) {
    const excessive = /alias/i.test((e as Error).message);
    return {
      ok: false,
      issues: [
        {
          path: '',
          line: firstAliasLine(doc, lc),
          found: excessive
            ? `aliases that expand to more than ${MAX_ALIAS_COUNT} nodes`
            : `YAML that cannot be read as data (${printable((e as Error).message.split('\n')[0] ?? '')})`,
          expected: excessive ? `at most ${MAX_ALIAS_COUNT} expanded aliases` : 'valid YAML',
          fix: excessive
            ? 'Write the values out instead of nesting aliases: a gitspaces.yaml needs few, if any.'
            : 'Fix the YAML at that line.',
        },
      ],
    };
  }
}

function firstAliasLine(doc: Document, lc: LineCounter): number | undefined {
  let line: number | undefined;
  visit(doc, {
    Alias(_k, node) {
      if (node.range) line = lc.linePos(node.range[0]).line;
      return visit.BREAK;
    },
  });
  return line;
}
