export const id = 1490;
export const ids = [1490];
export const modules = {

/***/ 41490:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gr: () => (/* binding */ gitBranchProblem),
/* harmony export */   UM: () => (/* binding */ gitnessIdentifierProblem),
/* harmony export */   hK: () => (/* binding */ insidePathProblem),
/* harmony export */   rK: () => (/* binding */ isImageRef),
/* harmony export */   u6: () => (/* binding */ ngIdentifierProblem),
/* harmony export */   wX: () => (/* binding */ workspacePathProblem),
/* harmony export */   zu: () => (/* binding */ rfc1035)
/* harmony export */ });
/* unused harmony exports NG_IDENTIFIER_RE, NG_RESERVED_WORDS, GITNESS_IDENTIFIER_RE, MAX_PATH_LENGTH */
/**
 * The real services' rules for the names and paths gitspaces.yaml holds, without zod (the actions can use them on
 * inputs without loading the parser). Each rule names its source; docs/config.md lists them for users.
 */
/**
 * Harness NG identifiers (organisation, project): harness-core EntityIdentifierValidator,
 * `^[a-zA-Z_][0-9a-zA-Z_$]{0,127}$`, and not one of its NOT_ALLOWED_WORDS; the developer hub's "Entity identifier
 * reference" states the same characters ("must start with a-z, A-Z, or _ ... followed by 0-9, a-z, A-Z, _, $").
 */
const NG_IDENTIFIER_RE = /^[a-zA-Z_][0-9a-zA-Z_$]{0,127}$/;
const NG_RESERVED_WORDS = new Set([
    'or',
    'and',
    'eq',
    'ne',
    'lt',
    'gt',
    'le',
    'ge',
    'div',
    'mod',
    'not',
    'null',
    'true',
    'false',
    'new',
    'var',
    'return',
    'step',
    'parallel',
    'stepGroup',
    'org',
    'account',
    'class',
    'shellScriptProvisioner',
]);
function ngIdentifierProblem(v) {
    if (!NG_IDENTIFIER_RE.test(v))
        return 'expected a Harness identifier: a letter or _ then up to 127 letters, digits, _ or $';
    if (NG_RESERVED_WORDS.has(v))
        return `expected a Harness identifier that is not the reserved word "${v}"`;
    return undefined;
}
/**
 * Gitspaces identifiers (infra provider, machine resource): harness/harness types/check/common.go `Identifier`,
 * 1-100 of `[a-zA-Z0-9-_.]`. Made of dots only (`.`, `..`) it would be a dot segment in the API's URL paths,
 * which clients and proxies remove (RFC 3986 section 5.2.4): `/infraproviders/..` addresses something else.
 */
const GITNESS_IDENTIFIER_RE = /^[a-zA-Z0-9_.-]{1,100}$/;
function gitnessIdentifierProblem(v) {
    if (!GITNESS_IDENTIFIER_RE.test(v))
        return 'expected 1-100 letters, digits, - _ or .';
    if (/^\.+$/.test(v))
        return 'expected an identifier that is not made of dots only (. and .. are path segments)';
    return undefined;
}
/**
 * A GCP resource name (RFC 1035 label, the Compute API's `[a-z]([-a-z0-9]*[a-z0-9])?`) of at most `max`
 * characters (63 for instances, machine types, networks).
 */
function rfc1035(max) {
    return new RegExp(`^[a-z](?:[-a-z0-9]{0,${max - 2}}[a-z0-9])?$`);
}
/** A container image reference (the distribution reference grammar: registry[:port]/path[:tag][@digest]). */
const IMAGE_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const IMAGE_REF_RE = new RegExp(`^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?/)?` +
    `${IMAGE_COMPONENT}(?:/${IMAGE_COMPONENT})*(?::[\\w][\\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$`);
function isImageRef(v) {
    return v.length <= 512 && IMAGE_REF_RE.test(v);
}
/** Characters never accepted in a path of the config: a shell, a log line or Terraform would read them. */
const PATH_UNSAFE = /[\\'"`$*?<>|]/;
/** The longest relative path accepted (each path is a directory or file inside a checkout). */
const MAX_PATH_LENGTH = 255;
/**
 * A path that must stay inside a directory (the workspace for working directories and local state, the
 * repository for a devcontainer.json): relative, without `..` segments, not under `~`, printable, bounded.
 */
function insidePathProblem(v, inside) {
    if (v.trim() === '')
        return `a non-empty path relative to ${inside}`;
    if (v.length > MAX_PATH_LENGTH)
        return `a path of at most ${MAX_PATH_LENGTH} characters`;
    if (v.startsWith('~'))
        return `a path relative to ${inside}, not under the home directory (~)`;
    if (v.startsWith('/') || /^[a-zA-Z]:/.test(v) || v.startsWith('\\'))
        return `a path relative to ${inside}, not an absolute path`;
    if (v.split(/[\\/]/).includes('..'))
        return `a path inside ${inside}, without \`..\` segments`;
    if (PATH_UNSAFE.test(v))
        return 'a path of letters, digits and - _ . / @ + , = : space (no \\ \' " ` $ * ? < > |)';
    return undefined;
}
function workspacePathProblem(v) {
    return insidePathProblem(v, 'the workspace');
}
/**
 * A branch name as `git check-ref-format --branch` accepts it (git-check-ref-format(1)): no component starting
 * with `.` or ending with `.lock`, no `..`, no control character, space, `~ ^ : ? * [ \`, no `@{`, not `@`, not
 * ending with `/` or `.`, no empty component, not starting with `-`, not HEAD (checked against git 2.x). Bounded at 255 bytes (a ref is a file
 * name under .git/refs on most servers: GitHub refuses longer ones).
 */
function gitBranchProblem(v) {
    const bytes = Buffer.byteLength(v, 'utf8');
    if (bytes === 0)
        return 'a branch name';
    if (bytes > 255)
        return 'a branch name of at most 255 bytes';
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u0020\u007f~^:?*[\\]/.test(v))
        return 'a branch name without spaces, control characters or ~ ^ : ? * [ \\';
    if (v.startsWith('-'))
        return 'a branch name that does not start with -';
    if (v === '@' || v.includes('@{'))
        return 'a branch name that is not @ and has no @{';
    if (v === 'HEAD')
        return 'a branch name other than HEAD';
    if (v.includes('..'))
        return 'a branch name without ..';
    if (v.endsWith('/') || v.endsWith('.'))
        return 'a branch name that does not end with / or .';
    if (v.split('/').some((c) => c === '' || c.startsWith('.') || c.endsWith('.lock')))
        return 'a branch name whose /-separated parts are not empty, do not start with . and do not end with .lock';
    return undefined;
}


/***/ })

};
