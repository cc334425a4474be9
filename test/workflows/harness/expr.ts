/**
 * The `${{ }}` expressions of a workflow, evaluated as the runner evaluates them, for the subset our workflows use:
 * contexts (github, inputs, secrets, steps, needs, jobs, env, matrix-less), property access (`a.b-c`, `a['b']`),
 * literals (strings in single quotes, numbers, true, false, null), `==`, `!=`, `<`, `>`, `<=`, `>=`, `&&`, `||`, `!`,
 * parentheses, and the status functions success(), failure(), always(), cancelled(), plus contains(), startsWith(),
 * endsWith(), format(), toJSON(), fromJSON().
 *
 * Semantics from docs.github.com/actions/reference/workflows-and-actions/expressions: `&&` and `||` return an
 * operand, not a boolean; falsy values are false, 0, -0, '', null (and NaN); `==` between different types
 * compares numbers (null 0, true 1, false 0, a string its numeric value, NaN otherwise); string comparison
 * ignores case; a property that does not exist is null; a value interpolated into a string is '' for null,
 * 'true'/'false' for booleans, JSON for objects.
 */
export type Value = string | number | boolean | null | Value[] | { [k: string]: Value };
export type Contexts = Record<string, Value>;

/** What the status functions answer: the job's (or workflow's) status so far. */
export interface Status {
  failed: boolean;
  cancelled: boolean;
}

type Tok =
  { t: 'num'; v: number } | { t: 'str'; v: string } | { t: 'id'; v: string } | { t: 'op'; v: string };

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === "'") {
      let s = '';
      for (i++; ; i++) {
        if (i >= src.length) throw new Error(`expression: unterminated string in ${src}`);
        if (src[i] === "'" && src[i + 1] === "'") {
          s += "'";
          i++;
        } else if (src[i] === "'") break;
        else s += src[i];
      }
      i++;
      out.push({ t: 'str', v: s });
      continue;
    }
    const two = src.slice(i, i + 2);
    if (['==', '!=', '<=', '>=', '&&', '||'].includes(two)) {
      out.push({ t: 'op', v: two });
      i += 2;
      continue;
    }
    if ('!<>()[].,*'.includes(c)) {
      out.push({ t: 'op', v: c });
      i++;
      continue;
    }
    const num = /^(?:0x[0-9a-f]+|-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)/i.exec(src.slice(i));
    if (num && !/[A-Za-z_]/.test(src[i + num[0].length] ?? '')) {
      out.push({ t: 'num', v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const id = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(src.slice(i));
    if (!id) throw new Error(`expression: unexpected ${JSON.stringify(c)} in ${src}`);
    out.push({ t: 'id', v: id[0] });
    i += id[0].length;
  }
  return out;
}

export const truthy = (v: Value): boolean =>
  !(v === false || v === null || v === '' || v === 0 || (typeof v === 'number' && Number.isNaN(v)));

function toNumber(v: Value): number {
  if (v === null) return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return v.trim() === '' ? 0 : Number(v);
  return NaN;
}

function compare(a: Value, b: Value): number {
  if (typeof a === 'string' && typeof b === 'string') {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (typeof a === 'object' && a !== null) return a === b ? 0 : NaN;
  const x = toNumber(a);
  const y = toNumber(b);
  return x < y ? -1 : x > y ? 1 : x === y ? 0 : NaN;
}

/** A value as it is interpolated into a string. */
export function toText(v: Value): string {
  if (v === null) return '';
  if (typeof v === 'boolean' || typeof v === 'number') return String(v);
  if (typeof v === 'string') return v;
  return JSON.stringify(v, null, 2);
}

class Parser {
  private i = 0;
  usesStatus = false;
  constructor(
    private readonly toks: Tok[],
    private readonly ctx: Contexts,
    private readonly status: Status,
    private readonly src: string,
  ) {}

  parse(): Value {
    const v = this.or();
    if (this.i < this.toks.length)
      throw new Error(`expression: unexpected ${this.toks[this.i]?.v} in ${this.src}`);
    return v;
  }

  private peek(v: string) {
    const t = this.toks[this.i];
    return t?.t === 'op' && t.v === v;
  }
  private eat(v: string) {
    if (!this.peek(v)) throw new Error(`expression: expected ${v} in ${this.src}`);
    this.i++;
  }

  private or(): Value {
    let v = this.and();
    while (this.peek('||')) {
      this.i++;
      const r = this.and();
      v = truthy(v) ? v : r;
    }
    return v;
  }
  private and(): Value {
    let v = this.cmp();
    while (this.peek('&&')) {
      this.i++;
      const r = this.cmp();
      v = truthy(v) ? r : v;
    }
    return v;
  }
  private cmp(): Value {
    let v = this.unary();
    for (;;) {
      const t = this.toks[this.i];
      if (t?.t !== 'op' || !['==', '!=', '<', '>', '<=', '>='].includes(t.v)) return v;
      this.i++;
      const c = compare(v, this.unary());
      v =
        t.v === '=='
          ? c === 0
          : t.v === '!='
            ? c !== 0
            : t.v === '<'
              ? c < 0
              : t.v === '>'
                ? c > 0
                : t.v === '<='
                  ? c <= 0
                  : c >= 0;
    }
  }
  private unary(): Value {
    if (this.peek('!')) {
      this.i++;
      return !truthy(this.unary());
    }
    return this.postfix(this.primary());
  }
  private postfix(v: Value): Value {
    for (;;) {
      if (this.peek('.')) {
        this.i++;
        const t = this.toks[this.i++];
        if (t?.t === 'op' && t.v === '*')
          throw new Error(`expression: object filters (.*) unsupported in ${this.src}`);
        if (t?.t !== 'id') throw new Error(`expression: property name expected in ${this.src}`);
        v = prop(v, t.v);
      } else if (this.peek('[')) {
        this.i++;
        const k = this.or();
        this.eat(']');
        v = prop(v, toText(k));
      } else return v;
    }
  }
  private primary(): Value {
    const t = this.toks[this.i++];
    if (!t) throw new Error(`expression: unexpected end of ${this.src}`);
    if (t.t === 'num' || t.t === 'str') return t.v;
    if (t.t === 'op' && t.v === '(') {
      const v = this.or();
      this.eat(')');
      return v;
    }
    if (t.t !== 'id') throw new Error(`expression: unexpected ${t.v} in ${this.src}`);
    if (t.v === 'true') return true;
    if (t.v === 'false') return false;
    if (t.v === 'null') return null;
    if (this.peek('(')) return this.call(t.v);
    if (!(t.v in this.ctx)) throw new Error(`expression: unknown context ${t.v} in ${this.src}`);
    return this.ctx[t.v] as Value;
  }
  private call(name: string): Value {
    this.eat('(');
    const args: Value[] = [];
    while (!this.peek(')')) {
      args.push(this.or());
      if (!this.peek(')')) this.eat(',');
    }
    this.eat(')');
    const s = (k: number) => toText(args[k] ?? null).toLowerCase();
    switch (name.toLowerCase()) {
      case 'success':
        this.usesStatus = true;
        return !this.status.failed && !this.status.cancelled;
      case 'failure':
        this.usesStatus = true;
        return this.status.failed;
      case 'always':
        this.usesStatus = true;
        return true;
      case 'cancelled':
        this.usesStatus = true;
        return this.status.cancelled;
      case 'contains':
        return Array.isArray(args[0])
          ? args[0].some((x) => compare(x, args[1] ?? null) === 0)
          : s(0).includes(s(1));
      case 'startswith':
        return s(0).startsWith(s(1));
      case 'endswith':
        return s(0).endsWith(s(1));
      case 'format':
        return toText(args[0] ?? null).replace(/\{(\d+)\}/g, (_, n: string) =>
          toText(args[Number(n) + 1] ?? null),
        );
      case 'tojson':
        return JSON.stringify(args[0] ?? null, null, 2);
      case 'fromjson':
        return JSON.parse(toText(args[0] ?? null)) as Value;
      default:
        throw new Error(`expression: function ${name}() is not supported by the harness (${this.src})`);
    }
  }
}

function prop(v: Value, key: string): Value {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return null;
  // Context property names are case-insensitive (secrets.FOO and secrets.foo are one).
  if (key in v) return v[key] as Value;
  const k = Object.keys(v).find((x) => x.toLowerCase() === key.toLowerCase());
  return k === undefined ? null : (v[k] as Value);
}

const OK: Status = { failed: false, cancelled: false };

/** Evaluates one expression (without the `${{ }}`). */
export function evaluate(expr: string, ctx: Contexts, status: Status = OK): Value {
  return new Parser(tokenize(expr), ctx, status, expr).parse();
}

/**
 * A value of `with:`, `env:`, `outputs:`, `concurrency.group`...: a string holding `${{ }}` parts. A string that is
 * only one expression keeps the expression's type (`${{ inputs.flag }}` stays a boolean); otherwise the parts are
 * interpolated as text. Non-strings (YAML booleans and numbers) are returned as they are.
 */
export function interpolate(raw: unknown, ctx: Contexts): Value {
  if (typeof raw !== 'string') return (raw ?? null) as Value;
  const whole = /^\s*\$\{\{([\s\S]*?)\}\}\s*$/.exec(raw);
  if (whole && !(whole[1] as string).includes('}}')) return evaluate(whole[1] as string, ctx);
  return raw.replace(/\$\{\{([\s\S]*?)\}\}/g, (_, e: string) => toText(evaluate(e, ctx)));
}

/**
 * A job's or step's `if:`: an expression with or without `${{ }}`; without a status function it means
 * `success() && (...)`. Absent: `success()`.
 */
export function condition(raw: unknown, ctx: Contexts, status: Status): boolean {
  if (raw === undefined || raw === null) return !status.failed && !status.cancelled;
  if (typeof raw === 'boolean') return raw && !status.failed && !status.cancelled;
  const src = String(raw).trim();
  const m = /^\$\{\{([\s\S]*)\}\}$/.exec(src);
  const expr = m ? (m[1] as string) : src;
  const p = new Parser(tokenize(expr), ctx, status, expr);
  const v = truthy(p.parse());
  return p.usesStatus ? v : v && !status.failed && !status.cancelled;
}
