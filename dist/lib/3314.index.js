export const id = 3314;
export const ids = [3314];
export const modules = {

/***/ 83314:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  configFromText: () => (/* binding */ configFromText),
  H: () => (/* binding */ formatIssue),
  o: () => (/* binding */ parseConfig)
});

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./shared/errors.ts
var errors = __webpack_require__(32635);
;// CONCATENATED MODULE: ./shared/config/hostile.ts

/**
 * Input that is refused whatever the field: YAML that expands without bound or refers to itself, characters a
 * terminal, a log line or an HTTP header would act on, and strings no field needs.
 */
/**
 * The most aliases one document may expand (the yaml library's `maxAliasCount`, which counts an alias by the
 * size of what it expands to: a "billion laughs" file stops at once). A gitspaces.yaml needs a handful.
 */
const MAX_ALIAS_COUNT = 100;
/** The longest string any field takes (a URL); every field has its own, smaller bound besides. */
const MAX_STRING_LENGTH = 2048;
/**
 * Control characters: C0 (tab and newline included), DEL, C1, the line and paragraph separators, and the
 * bidirectional overrides and isolates that make text display in another order than it is read.
 */
// eslint-disable-next-line no-control-regex
const CONTROL_RE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex
const CONTROL_RE_G = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** `s` with every control character written as \uXXXX, safe to print on a terminal or in a log. */
function printable(s) {
    return s.replace(CONTROL_RE_G, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
function codePoint(s) {
    const c = CONTROL_RE.exec(s)?.[0] ?? '';
    return `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}
/**
 * Every string value and key with a control character, and every string longer than MAX_STRING_LENGTH: no field
 * of gitspaces.yaml is multi-line or that long, and such text would be sent on to Harness, GCP or a log as is.
 */
function findHostileStrings(node, path, out) {
    const at = (p) => printable(p.join('.'));
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
/**
 * The document as plain data, with aliases bounded: an alias inside the node its anchor names (a structure that
 * contains itself) is refused before conversion, and the library's alias-expansion limit turns a bomb into an
 * issue at the alias's line instead of an exception.
 */
function documentToJs(doc, lc) {
    const issues = [];
    (0,dist/* visit */.YR)(doc, {
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
            else if (path.includes(source))
                issues.push({
                    path: '',
                    line,
                    found: `the alias *${printable(node.source)} inside the value its anchor names (it contains itself)`,
                    expected: 'YAML without self-referencing anchors',
                    fix: 'Write the value out instead of the alias.',
                });
        },
    });
    if (issues.length)
        return { ok: false, issues };
    try {
        return { ok: true, value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
    }
    catch (e) {
        const excessive = /alias/i.test(e.message);
        return {
            ok: false,
            issues: [
                {
                    path: '',
                    line: firstAliasLine(doc, lc),
                    found: excessive
                        ? `aliases that expand to more than ${MAX_ALIAS_COUNT} nodes`
                        : `YAML that cannot be read as data (${printable(e.message.split('\n')[0] ?? '')})`,
                    expected: excessive ? `at most ${MAX_ALIAS_COUNT} expanded aliases` : 'valid YAML',
                    fix: excessive
                        ? 'Write the values out instead of nesting aliases: a gitspaces.yaml needs few, if any.'
                        : 'Fix the YAML at that line.',
                },
            ],
        };
    }
}
function firstAliasLine(doc, lc) {
    let line;
    (0,dist/* visit */.YR)(doc, {
        Alias(_k, node) {
            if (node.range)
                line = lc.linePos(node.range[0]).line;
            return dist/* visit */.YR.BREAK;
        },
    });
    return line;
}

// EXTERNAL MODULE: ./shared/config/schema.ts
var schema = __webpack_require__(18646);
;// CONCATENATED MODULE: ./shared/config/parse.ts




function formatIssue(i) {
    return `${printable(i.path) || '(file)'}${i.line ? ` (line ${i.line})` : ''}: found ${i.found}; expected ${i.expected}. Fix: ${i.fix}`;
}
/** Keys whose string value would be a credential: those belong in inputs or the environment. */
const SECRET_KEY = /(^|_)(api_?key|apikey|token|password|passwd|secret|shared_secret|private_key|client_secret|credentials_json|service_account_key)$/i;
/** Keys that name secrets without holding them. */
const SECRET_KEY_ALLOWED = new Set(['token_name', 'ssh_token_identifier', 'private_key_path']);
const SECRET_VALUE = [
    [/^pat\.[A-Za-z0-9_-]+\.[A-Za-z0-9]+\.[A-Za-z0-9]+$/, 'a Harness personal access token'],
    [/^sat\.[A-Za-z0-9_-]+\.[A-Za-z0-9]+\.[A-Za-z0-9]+$/, 'a Harness service account token'],
    [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, 'a PEM private key'],
    [/^gh[pousr]_[A-Za-z0-9]{20,}$/, 'a GitHub token'],
    [/"private_key"\s*:/, 'a service-account key (JSON)'],
];
function secretHint(path) {
    if (/harness/i.test(path) || /api_?key/i.test(path))
        return 'Pass the Harness API key as the `harness-api-key` input from a secret (`${{ secrets.HARNESS_API_KEY }}`), or HARNESS_API_KEY for the CLI.';
    if (/private_key|service_account|credentials/i.test(path))
        return 'Pass the GCP key as the `gcp-credentials` input from a secret, use keyless auth (google-github-actions/auth), or GOOGLE_APPLICATION_CREDENTIALS for the CLI.';
    if (/delegate/i.test(path))
        return 'The delegate token is created or read through the Harness API; remove it from the file.';
    return 'Remove it from the file and pass it as an action input from a repository secret.';
}
function findSecrets(node, path, out) {
    if (Array.isArray(node)) {
        node.forEach((v, i) => findSecrets(v, [...path, String(i)], out));
    }
    else if (node && typeof node === 'object') {
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
            if (v &&
                typeof v === 'object' &&
                v.type === 'service_account' &&
                'private_key' in v) {
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
    }
    else if (typeof node === 'string') {
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
function show(value) {
    if (value === undefined)
        return 'nothing (the field is missing)';
    if (value === null)
        return 'null';
    if (typeof value === 'string')
        return printable(JSON.stringify(value.length > 80 ? value.slice(0, 77) + '...' : value));
    if (Array.isArray(value))
        return `a list of ${value.length}`;
    if (typeof value === 'object')
        return 'a mapping';
    return `${typeof value} ${String(value)}`;
}
function issueFromZod(z) {
    const path = z.path.map(String).join('.');
    const [message, fixFromMessage] = z.message.split(schema/* FIX_SEP */.vu);
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
                    fix: fix ??
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
            const inner = (z.issues ?? [])[0];
            const [exp, innerFix] = (inner?.message ?? 'expected a valid key').split(schema/* FIX_SEP */.vu);
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
/** Parses and validates the text of a gitspaces.yaml; returns every problem at once. */
function parseConfig(text) {
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
    const lineCounter = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { prettyErrors: false, uniqueKeys: true, lineCounter });
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
    if (!js.ok)
        return { ok: false, issues: js.issues };
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
    const secrets = [];
    findSecrets(raw, [], secrets);
    // Control characters and overlong strings anywhere: said once per value, before the field's own rule.
    const hostile = [];
    findHostileStrings(raw, [], hostile);
    const parsed = schema/* configSchema */.Qn.safeParse(raw, { reportInput: true });
    const issues = [...secrets, ...hostile.map((h) => withLine(doc, lineCounter, h))];
    if (!parsed.success) {
        const secretPaths = new Set([...secrets, ...hostile].map((s) => s.path));
        for (const zi of parsed.error.issues) {
            for (const i of issueFromZod(zi))
                if (!secretPaths.has(i.path))
                    issues.push(withLine(doc, lineCounter, i));
        }
    }
    for (const x of (0,schema/* crossFieldChecks */.mu)(raw))
        issues.push(withLine(doc, lineCounter, { path: x.path, found: show(x.found), expected: x.expected, fix: x.fix }));
    if (issues.length > 0 || !parsed.success)
        return { ok: false, issues };
    const config = parsed.data;
    const mod = config.terraform.module;
    mod.generation = mod.generation ?? (0,schema/* generationForVersion */.os)(mod.version);
    return { ok: true, config };
}
function withLine(doc, lc, issue) {
    if (!issue.path)
        return issue;
    const keys = issue.path.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k));
    for (let n = keys.length; n > 0; n--) {
        const node = doc.getIn(keys.slice(0, n), true);
        if (node && typeof node === 'object' && node.range)
            return { ...issue, line: lc.linePos(node.range[0]).line };
    }
    return issue;
}
function configFromText(text, path = 'gitspaces.yaml') {
    const r = parseConfig(text);
    if (!r.ok) {
        const lines = r.issues.map(formatIssue);
        throw new errors/* ConfigurationError */.j1('CONFIG_INVALID', `${path} has ${r.issues.length} problem(s):\n${lines.map((l) => `  - ${l}`).join('\n')}`, 'Correct each field listed; docs/config.md documents every field.', lines, r.issues.map((i) => ({ file: path, line: i.line })));
    }
    return r.config;
}


/***/ }),

/***/ 18646:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qn: () => (/* binding */ configSchema),
/* harmony export */   _n: () => (/* binding */ IMAGE_RE),
/* harmony export */   mu: () => (/* binding */ crossFieldChecks),
/* harmony export */   os: () => (/* binding */ generationForVersion),
/* harmony export */   vu: () => (/* binding */ FIX_SEP)
/* harmony export */ });
/* unused harmony exports MODULE_GENERATIONS, MAX_GITSPACES, DISK_TYPES */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(38816);
/* harmony import */ var _net_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(27781);
/* harmony import */ var _rules_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(41490);
/* harmony import */ var _values_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2483);



/** The two interface generations of harness/harness-gitspaces/gcp (see docs/domain.md#the-terraform-module). */
const MODULE_GENERATIONS = ['v0.0.3', 'post-0.0.3'];
// The gitspace enums live in a zod-free module so an action can read them without loading the parser.


/** At most this many gitspaces in one config file. */
const MAX_GITSPACES = 10_000;
const DISK_TYPES = [
    'pd-standard',
    'pd-balanced',
    'pd-ssd',
    'pd-extreme',
    'local-ssd',
    'hyperdisk-balanced',
    'hyperdisk-ml',
    'hyperdisk-throughput',
    'hyperdisk-extreme',
];
/** The UI's image rule (HUI InfraValidations.utils.ts). */
const IMAGE_RE = /^projects\/[a-zA-Z0-9-]+\/global\/images\/(family\/[a-zA-Z0-9-]+|[a-zA-Z0-9-]+)$/;
/** The same, bounded: a project id is at most 30 characters, an image or family name at most 63 (RFC 1035). */
const IMAGE_BOUNDED_RE = /^projects\/[a-zA-Z0-9-]{1,30}\/global\/images\/(family\/)?[a-zA-Z0-9-]{1,63}$/;
const REGION_RE = /^(?=.{1,63}$)[a-z]+(-[a-z]+)+\d+$/;
const ZONE_RE = /^(?=.{1,63}$)[a-z]+(-[a-z]+)+\d+-[a-z]$/;
const PROJECT_RE = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;
/** Zod carries only a message for format checks: the fix rides along after a separator that the formatter splits on. */
const FIX_SEP = '\u0000';
function fx(expected, fix) {
    return { message: `${expected}${FIX_SEP}${fix}` };
}
/**
 * A path that must stay inside the workspace (GITHUB_WORKSPACE on a runner, the current directory for the CLI):
 * the generated root, its state and plan files would otherwise land where a later step or another job cannot
 * find them, or outside the checkout entirely. Absolute paths, `..` segments and `~` are refused
 * (shared/config/rules.ts); the actions resolve the path against the workspace (shared/workspace.ts).
 */

const WORKSPACE_FIX = 'Use a path relative to the repository checkout, e.g. .gitspaces/terraform (the actions resolve it against GITHUB_WORKSPACE, the CLI against the current directory).';
/** A string checked by one of the rules in rules.ts: the rule's words are the expectation. */
function ruled(problem, fix) {
    return zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().superRefine((v, ctx) => {
        const p = problem(v);
        if (p)
            ctx.addIssue({ code: 'custom', ...fx(p.replace(/^(expected )?/, 'expected '), fix) });
    });
}
const ngIdentifier = (fix) => ruled(_rules_js__WEBPACK_IMPORTED_MODULE_1__/* .ngIdentifierProblem */ .u6, fix);
/** A GCP resource name (RFC 1035) of at most `max` characters. */
function gcpName(max, what, fix) {
    return zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
        .regex((0,_rules_js__WEBPACK_IMPORTED_MODULE_1__/* .rfc1035 */ .zu)(max), fx(`expected ${what}: 1-${max} lower-case letters, digits and dashes, starting with a letter`, fix));
}
const imageRef = zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
    .refine(_rules_js__WEBPACK_IMPORTED_MODULE_1__/* .isImageRef */ .rK, fx('expected a container image reference such as registry.example.com/team/image:tag', 'Use the image as `docker pull` takes it: lower-case repository path, optional :tag and @sha256:digest.'));
const workspacePath = zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().superRefine((v, ctx) => {
    const problem = (0,_rules_js__WEBPACK_IMPORTED_MODULE_1__/* .workspacePathProblem */ .wX)(v);
    if (problem)
        ctx.addIssue({ code: 'custom', ...fx(problem, WORKSPACE_FIX) });
});
/** A path inside the gitspace's repository (devcontainer.json). */
const repoPath = zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().superRefine((v, ctx) => {
    const problem = (0,_rules_js__WEBPACK_IMPORTED_MODULE_1__/* .insidePathProblem */ .hK)(v, 'the repository');
    if (problem)
        ctx.addIssue({
            code: 'custom',
            ...fx(problem, 'Give the path from the repository root, e.g. .devcontainer/devcontainer.json.'),
        });
});
/** A file path the module reads (certificate files): printable and bounded; where it lives is the user's choice. */
const filePath = zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
    .min(1)
    .max(1024)
    .refine((v) => !/[\\'"`$*?<>|]/.test(v), fx('expected a file path without \\ \' " ` $ * ? < > |', 'Rename the file or move it to a plain path.'));
/** Backend settings that name a local path (the local backend's `path` and `workspace_dir`). */
const BACKEND_PATH_KEYS = ['path', 'workspace_dir'];
function backendPathRule(b, ctx) {
    for (const key of BACKEND_PATH_KEYS) {
        const v = b.config[key];
        const problem = typeof v === 'string' ? (0,_rules_js__WEBPACK_IMPORTED_MODULE_1__/* .workspacePathProblem */ .wX)(v) : undefined;
        if (problem)
            ctx.addIssue({ code: 'custom', path: ['config', key], input: v, ...fx(problem, WORKSPACE_FIX) });
    }
}
const cidr = zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().superRefine((v, ctx) => {
    const c = (0,_net_js__WEBPACK_IMPORTED_MODULE_0__/* .parseCidr */ .GN)(v);
    if (!c)
        ctx.addIssue({
            code: 'custom',
            ...fx('expected an IPv4 CIDR such as 10.6.0.0/16', 'Write the range as a.b.c.d/prefix, for example 10.6.0.0/16.'),
        });
    else if (!(0,_net_js__WEBPACK_IMPORTED_MODULE_0__/* .isNetworkAddress */ .PG)(c)) {
        const mask = 2 ** (32 - c.prefix);
        const b = Math.floor(c.base / mask) * mask;
        const ip = [24, 16, 8, 0].map((s) => (b >>> s) & 255).join('.');
        ctx.addIssue({
            code: 'custom',
            ...fx('expected a network address (no host bits set)', `Use ${ip}/${c.prefix}.`),
        });
    }
});
const domain = zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
    .refine(_net_js__WEBPACK_IMPORTED_MODULE_0__/* .isValidDomain */ .Ll, fx('expected a lower-case DNS name with at least two labels, such as gitspaces.example.com', 'Use the (sub)domain you can delegate, lower-case, without scheme or trailing path.'));
const image = zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
    .regex(IMAGE_BOUNDED_RE, fx('expected a GCP image path: projects/<project>/global/images/<name> or .../images/family/<family>', 'For example projects/ubuntu-os-cloud/global/images/family/ubuntu-2204-lts (only Ubuntu images are supported).'));
const region = zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
    .regex(REGION_RE, fx('expected a GCP region such as us-central1', 'Use a region name from `gcloud compute regions list`.'));
const zone = zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
    .regex(ZONE_RE, fx('expected a GCP zone such as us-central1-a', 'Use a zone name from `gcloud compute zones list`.'));
const regionConfig = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    subdomain: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
        .refine((s) => s === '' || s.split('.').every(_net_js__WEBPACK_IMPORTED_MODULE_0__/* .isValidLabel */ .zJ), fx('expected DNS labels (lower-case letters, digits, dashes)', 'Use a prefix such as usc1; the region domain becomes <subdomain>.<domain>.'))
        .default(''),
    default_subnet_ip_range: cidr,
    proxy_subnet_ip_range: cidr,
});
const MACHINE_TYPE_FIX = 'Use a machine type from `gcloud compute machine-types list`, e.g. e2-standard-2.';
const machineType = gcpName(63, 'a Compute machine type', MACHINE_TYPE_FIX);
const gateway = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    machine_type: machineType,
    instances: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().int().min(1).max(100).default(1),
    vm_image_name: image.optional(),
    whitelist_ip_ranges: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(cidr).min(1).max(100).optional(),
    /**
     * Accept gateways open to the internet (no whitelist, or one with 0.0.0.0/0) on purpose; without it an open
     * gateway is an error (NET-003, NET-004, NET-101). It opens nothing that whitelist_ip_ranges restricts.
     */
    allow_public: zod__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY().default(false),
});
const certificate = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    mode: zod__WEBPACK_IMPORTED_MODULE_2__/* ["enum"] */ .k5n(['certificate-manager', 'files']).default('certificate-manager'),
    certificate_path: filePath.optional(),
    private_key_path: filePath.optional(),
})
    .superRefine((c, ctx) => {
    if (c.mode === 'files') {
        for (const k of ['certificate_path', 'private_key_path']) {
            if (!c[k])
                ctx.addIssue({
                    code: 'custom',
                    path: [k],
                    ...fx('required when mode is files', `Set terraform.certificate.${k} to a PEM file path, or use mode: certificate-manager.`),
                });
        }
    }
});
/**
 * A machine's name: the HUI's 4-20 characters, in the Gitspaces identifier alphabet (it is the resource's name and
 * identifier prefix, harness/harness check.Identifier), starting with a letter or digit (no `.`, `..`, `../x`).
 */
const MACHINE_NAME_RE = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{3,19}$/;
const machineName = zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
    .regex(MACHINE_NAME_RE, fx('expected 4-20 letters, digits, - _ or ., starting with a letter or digit', 'Use a short name such as standard or gpu-large.'));
/** GCP's largest persistent disk is 64 TB (Compute Engine "Disk types" limits). */
const DISK_GB_MAX = 65536;
const machine = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    name: machineName,
    region,
    zone,
    machine_type: machineType,
    os: zod__WEBPACK_IMPORTED_MODULE_2__/* .literal */ .euz('linux').default('linux'),
    arch: zod__WEBPACK_IMPORTED_MODULE_2__/* ["enum"] */ .k5n(['amd64', 'arm64']).default('amd64'),
    vm_image_name: image.optional(),
    boot_disk_type: zod__WEBPACK_IMPORTED_MODULE_2__/* ["enum"] */ .k5n(DISK_TYPES).default('pd-balanced'),
    boot_disk_size: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().int().min(1).max(DISK_GB_MAX).default(50),
    persistent_disk_type: zod__WEBPACK_IMPORTED_MODULE_2__/* ["enum"] */ .k5n(DISK_TYPES).default('pd-balanced'),
    persistent_disk_size: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().int().min(1).max(DISK_GB_MAX).default(100),
});
const gitspace = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    name: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
        .regex(/^[a-z0-9][a-z0-9-]{0,49}$/, fx('expected 1-50 lower-case letters, digits and dashes', 'The server lower-cases identifiers and adds a suffix; use a short name such as api-dev.')),
    repo_url: zod__WEBPACK_IMPORTED_MODULE_2__/* .url */ .OZ5({
        protocol: /^https?$/,
        ...fx('expected an http(s) repository URL', 'For example https://github.com/acme/api.'),
    })
        .max(2048)
        .refine((u) => !/^[a-z]+:\/\/[^/]*@/i.test(u), fx('expected a repository URL without user or password', 'Remove the `user:token@` part: Harness reaches private repositories through its own connectors.')),
    repo_type: zod__WEBPACK_IMPORTED_MODULE_2__/* ["enum"] */ .k5n(_values_js__WEBPACK_IMPORTED_MODULE_3__/* .REPO_TYPES */ .j).optional(),
    branch: ruled(_rules_js__WEBPACK_IMPORTED_MODULE_1__/* .gitBranchProblem */ .Gr, 'Use the branch name as `git branch` shows it, e.g. main.').default('main'),
    ide: zod__WEBPACK_IMPORTED_MODULE_2__/* ["enum"] */ .k5n(_values_js__WEBPACK_IMPORTED_MODULE_3__/* .IDES */ .u).default('vs_code_web'),
    machine: machineName,
    devcontainer_path: repoPath.optional(),
    ssh_token_identifier: ruled((v) => /^((account|org)\.)?[a-zA-Z_][0-9a-zA-Z_$-]{0,127}$/.test(v)
        ? undefined
        : 'expected a Harness secret identifier (optionally account. or org.): a letter or _ then letters, digits, _ $ -', 'Copy the SSH key secret identifier from Harness (Project Settings > Secrets).').optional(),
});
const configSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    version: zod__WEBPACK_IMPORTED_MODULE_2__/* .literal */ .euz(1),
    harness: zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
        account_id: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
            .regex(/^[A-Za-z0-9_-]{1,64}$/, fx('expected the Harness account identifier', 'Copy it from Account Settings > Overview in Harness.')),
        org: ngIdentifier('Copy the organization identifier (not its name) from Harness: Account Settings > Organizations.').default('default'),
        project: ngIdentifier('Copy the project identifier (not its name) from Harness: Project Settings > Overview.').optional(),
        api_url: zod__WEBPACK_IMPORTED_MODULE_2__/* .url */ .OZ5({ protocol: /^https?$/ })
            .max(2048)
            .refine((u) => !/^[a-z]+:\/\/[^/]*@/i.test(u), fx('expected a URL without user or password', 'The API key is an input, never part of the URL.'))
            .default('https://app.harness.io'),
    }),
    gcp: zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
        project_id: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
            .regex(PROJECT_RE, fx('expected a GCP project id (6-30 lower-case letters, digits, dashes)', 'Use the project ID, not its name or number.')),
        credentials: zod__WEBPACK_IMPORTED_MODULE_2__/* ["enum"] */ .k5n(['key', 'keyless']).default('key'),
        /** The service account a P12 key belongs to (the file does not say); ignored for JSON keys and keyless. */
        service_account_email: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
            .regex(/^[a-z0-9][a-z0-9-]{4,28}[a-z0-9]@[a-z0-9.-]+\.gserviceaccount\.com$/, fx("expected a service account's email (SA_NAME@PROJECT.iam.gserviceaccount.com)", 'Copy it from IAM & Admin -> Service Accounts (the account the P12 key was created for).'))
            .optional(),
    }),
    infrastructure: zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
        identifier: ruled(_rules_js__WEBPACK_IMPORTED_MODULE_1__/* .gitnessIdentifierProblem */ .UM, 'The identifier cannot be changed after creation; choose it once, e.g. gitspaces_gcp.'),
        name: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
            .regex(/^[a-z][a-z0-9-]{3,18}[a-z0-9]$/, fx('expected 5-20 lower-case letters, digits and dashes, starting with a letter', 'It prefixes every GCP resource name; use something short such as gitspaces.')),
        domain,
        gateway,
        regions: zod__WEBPACK_IMPORTED_MODULE_2__/* .record */ .g1P(region, regionConfig)
            .refine((r) => Object.keys(r).length > 0, fx('expected at least one region', 'Add a region under infrastructure.regions.'))
            .refine((r) => Object.keys(r).length <= 50, fx('expected at most 50 regions', 'Google has fewer regions than that: remove duplicates.')),
        runner: zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
            region,
            zone,
            vm_image_name: image.optional(),
            vm_name: gcpName(63, 'a Compute instance name', 'Use a name such as gitspaces-runner.').optional(),
        }),
    }),
    terraform: zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
        binary: zod__WEBPACK_IMPORTED_MODULE_2__/* ["enum"] */ .k5n(['terraform', 'tofu']).default('terraform'),
        working_directory: workspacePath.default('.gitspaces/terraform'),
        module: zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
            source: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().min(1).max(1024).default('harness/harness-gitspaces/gcp'),
            version: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
                .regex(/^\d+\.\d+\.\d+$/, fx('expected an exact version such as 0.0.3', 'Pin the module to one version; ranges let the interface change under you.'))
                .optional(),
            generation: zod__WEBPACK_IMPORTED_MODULE_2__/* ["enum"] */ .k5n(MODULE_GENERATIONS).optional(),
        })
            .default({ source: 'harness/harness-gitspaces/gcp', version: '0.0.3' }),
        manage_dns_zone: zod__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY().default(true),
        certificate: certificate.default({ mode: 'certificate-manager' }),
        create_runner_vm: zod__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY().default(true),
        backend: zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
            type: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
                .regex(/^[a-z0-9_]{1,64}$/)
                .default('gcs'),
            config: zod__WEBPACK_IMPORTED_MODULE_2__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
                .regex(/^[a-z_][a-z0-9_]{0,63}$/, fx('expected a backend setting name', 'Use the name the backend documents.')), zod__WEBPACK_IMPORTED_MODULE_2__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().max(1024), zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig(), zod__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY()]))
                .default({}),
            create_bucket: zod__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY().default(false),
        })
            .superRefine(backendPathRule)
            .optional(),
        lock_timeout: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
            .regex(/^\d{1,5}[smh]$/)
            .default('5m'),
    })
        .prefault({}),
    runner: zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
        image: imageRef.default('drone/drone-runner-aws:latest'),
    })
        .prefault({}),
    delegate: zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
        // The delegate's container and host name: a DNS label (RFC 1035), at most 63.
        name: gcpName(63, 'a delegate name', 'Use a name such as gitspaces-delegate.').default('gitspaces-delegate'),
        image: imageRef.default('us-west1-docker.pkg.dev/gar-setup/docker/delegate:25.03.85504'),
        tags: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().regex(/^[a-zA-Z0-9_-]{1,128}$/))
            .min(1)
            .max(50)
            .default(['gitspaces']),
        token_name: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
            .regex(/^[a-zA-Z0-9_-]{1,128}$/)
            .default('gitspaces-delegate-token'),
        manager_url: zod__WEBPACK_IMPORTED_MODULE_2__/* .url */ .OZ5({ protocol: /^https$|^http$/ })
            .max(2048)
            .optional(),
    })
        .prefault({}),
    machines: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(machine).max(100).default([]),
    // 1,000 gitspaces in one file is a use the bundle promises (README, "Performance": bench/bulk-1000); the bound
    // keeps a crafted list finite, with the file's own 1 MiB cap (shared/config/read.ts) below it in practice.
    gitspaces: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(gitspace).max(MAX_GITSPACES).default([]),
});
/**
 * Checks between fields (references, zones of regions). They run on the raw document, even when other
 * fields are invalid, so that a user sees every problem in one pass.
 */
function crossFieldChecks(raw) {
    const out = [];
    const add = (path, expected, fix, found) => out.push({ path: path.join('.'), expected, fix, found });
    const obj = (v) => v && typeof v === 'object' && !Array.isArray(v) ? v : {};
    const arr = (v) => (Array.isArray(v) ? v.map(obj) : []);
    const str = (v) => (typeof v === 'string' ? v : undefined);
    const c = obj(raw);
    const infra = obj(c.infrastructure);
    const regions = Object.keys(obj(infra.regions));
    const runner = obj(infra.runner);
    const rRegion = str(runner.region);
    const rZone = str(runner.zone);
    if (rRegion && regions.length && !regions.includes(rRegion)) {
        add(['infrastructure', 'runner', 'region'], `one of the configured regions (${regions.join(', ')})`, 'The runner VM must live in one of infrastructure.regions.', rRegion);
    }
    if (rRegion && rZone && !rZone.startsWith(`${rRegion}-`))
        add(['infrastructure', 'runner', 'zone'], `a zone of region ${rRegion}`, `Use a zone such as ${rRegion}-a.`, rZone);
    // A region's domain is <subdomain>.<domain>: a DNS name has at most 253 characters (RFC 1035 section 2.3.4).
    const dom = str(infra.domain);
    for (const [region, rc] of Object.entries(obj(infra.regions))) {
        const sub = str(obj(rc).subdomain);
        if (dom && sub && sub.length + 1 + dom.length > 253)
            add(['infrastructure', 'regions', region, 'subdomain'], `a subdomain that keeps <subdomain>.${dom} within 253 characters`, 'Shorten the subdomain (a prefix such as usc1 is enough).', sub);
    }
    const names = new Set();
    arr(c.machines).forEach((m, i) => {
        const name = str(m.name);
        const region = str(m.region);
        const zone = str(m.zone);
        if (name && names.has(name))
            add(['machines', i, 'name'], 'machine names to be unique', 'Rename one of the machines.', name);
        if (name)
            names.add(name);
        if (region && regions.length && !regions.includes(region))
            add(['machines', i, 'region'], `one of the configured regions (${regions.join(', ')})`, 'Machines can only be created in regions the infrastructure has.', region);
        if (region && zone && !zone.startsWith(`${region}-`))
            add(['machines', i, 'zone'], `a zone of region ${region}`, `Use a zone such as ${region}-a.`, zone);
    });
    const gsNames = new Set();
    const gitspaces = arr(c.gitspaces);
    gitspaces.forEach((g, i) => {
        const name = str(g.name);
        const machine = str(g.machine);
        if (name && gsNames.has(name))
            add(['gitspaces', i, 'name'], 'gitspace names to be unique', 'Rename one of the gitspaces.', name);
        if (name)
            gsNames.add(name);
        if (machine && !names.has(machine))
            add(['gitspaces', i, 'machine'], `the name of a machine under machines (${[...names].join(', ') || 'none declared'})`, 'Declare the machine under machines, or fix the name.', machine);
    });
    const harness = obj(c.harness);
    if (gitspaces.length > 0 && c.harness !== undefined && harness.project === undefined) {
        add(['harness', 'project'], 'a Harness project identifier (required when gitspaces are declared)', 'Gitspaces live in a Harness project: set harness.project.', undefined);
    }
    const tf = obj(c.terraform);
    const mod = obj(tf.module);
    if (tf.module !== undefined && mod.generation === undefined && mod.version === undefined) {
        add(['terraform', 'module', 'generation'], 'v0.0.3 or post-0.0.3 (required when module.version is not set)', 'Set generation to say which interface a git or local module source has, or pin a registry version.', undefined);
    }
    const cert = obj(tf.certificate);
    if ((cert.mode ?? 'certificate-manager') === 'certificate-manager' && tf.manage_dns_zone === false) {
        add(['terraform', 'manage_dns_zone'], 'true when certificate.mode is certificate-manager', 'The module creates the managed certificate only inside its DNS module: set manage_dns_zone: true, or certificate.mode: files.', false);
    }
    return out;
}
/** v0.0.3 or older is the first interface; anything newer is post-0.0.3. */
function generationForVersion(version) {
    const [a, b, c] = version.split('.').map(Number);
    return a === 0 && b === 0 && c <= 3 ? 'v0.0.3' : 'post-0.0.3';
}


/***/ }),

/***/ 2483:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ REPO_TYPES),
/* harmony export */   u: () => (/* binding */ IDES)
/* harmony export */ });
/** Values the config and the action inputs share, without zod: importing them does not load the config parser. */
const IDES = [
    'vs_code',
    'vs_code_web',
    'cursor',
    'windsurf',
    'intellij',
    'pycharm',
    'goland',
    'webstorm',
    'clion',
    'phpstorm',
    'rubymine',
    'rider',
];
const REPO_TYPES = [
    'github',
    'gitlab',
    'bitbucket',
    'harness_code',
    'unknown',
    'github_enterprise',
    'gitlab_on_prem',
    'bitbucket_server',
];


/***/ }),

/***/ 27781:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $f: () => (/* binding */ overlaps),
/* harmony export */   $k: () => (/* binding */ zoneNameFor),
/* harmony export */   Ej: () => (/* binding */ size),
/* harmony export */   GN: () => (/* binding */ parseCidr),
/* harmony export */   Ll: () => (/* binding */ isValidDomain),
/* harmony export */   PG: () => (/* binding */ isNetworkAddress),
/* harmony export */   g6: () => (/* binding */ TEN_SLASH_EIGHT),
/* harmony export */   gR: () => (/* binding */ contains),
/* harmony export */   oB: () => (/* binding */ isValidZoneName),
/* harmony export */   zJ: () => (/* binding */ isValidLabel)
/* harmony export */ });
const OCTET = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const CIDR_RE = new RegExp(`^${OCTET}\\.${OCTET}\\.${OCTET}\\.${OCTET}/(3[0-2]|[12]?\\d)$`);
function parseCidr(text) {
    if (typeof text !== 'string' || !CIDR_RE.test(text))
        return undefined;
    const [ip, p] = text.split('/');
    const base = ip.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
    return { text, base, prefix: Number(p) };
}
function size(c) {
    return 2 ** (32 - c.prefix);
}
/** True when the address part has no bits set beyond the prefix (GCP rejects 10.0.0.1/16). */
function isNetworkAddress(c) {
    return c.base % size(c) === 0;
}
function overlaps(a, b) {
    return a.base < b.base + size(b) && b.base < a.base + size(a);
}
function contains(outer, inner) {
    return inner.base >= outer.base && inner.base + size(inner) <= outer.base + size(outer);
}
const TEN_SLASH_EIGHT = parseCidr('10.0.0.0/8');
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
/** A DNS name as Cloud DNS accepts it: lower-case labels, at least two, 253 characters at most. */
function isValidDomain(name) {
    if (typeof name !== 'string' || name.length > 253 || name !== name.toLowerCase())
        return false;
    const labels = name.replace(/\.$/, '').split('.');
    return (labels.length >= 2 &&
        labels.every((l) => LABEL.test(l)) &&
        !/^\d+$/.test(labels[labels.length - 1]));
}
function isValidLabel(label) {
    return LABEL.test(label);
}
/** The Cloud DNS zone name the module derives from the domain: dots become dashes. */
function zoneNameFor(domain) {
    return domain.replace(/\.$/, '').replace(/\./g, '-');
}
/** Cloud DNS managed zone names: 1-63 chars, lower-case letters, digits, dashes, starting with a letter. */
function isValidZoneName(name) {
    return /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/.test(name);
}


/***/ })

};
