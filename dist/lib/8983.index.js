export const id = 8983;
export const ids = [8983,1490];
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


/***/ }),

/***/ 20869:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $l: () => (/* binding */ maskSecret),
/* harmony export */   Ic: () => (/* binding */ P12_EMAIL_SOURCES),
/* harmony export */   NG: () => (/* binding */ loadCredentials),
/* harmony export */   rS: () => (/* binding */ CREDENTIAL_FILE_ENV),
/* harmony export */   t8: () => (/* binding */ serviceAccountJson)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(32635);
/* harmony import */ var _pkcs12_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(34299);




/** Where a P12 key's email comes from, for messages. */
const P12_EMAIL_SOURCES = 'gcp.service_account_email in gitspaces.yaml, or the gcp-service-account-email input';
/** Env variables naming a credential file, in the order they are consulted. */
const CREDENTIAL_FILE_ENV = [
    'GOOGLE_APPLICATION_CREDENTIALS',
    'GOOGLE_GHA_CREDS_PATH',
    'CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE',
];
const PROJECT_ENV = [
    'GOOGLE_CLOUD_PROJECT',
    'CLOUDSDK_CORE_PROJECT',
    'CLOUDSDK_PROJECT',
    'GCLOUD_PROJECT',
    'GCP_PROJECT',
];
const SA_FIELDS = ['project_id', 'client_email', 'private_key_id', 'private_key', 'token_uri'];
const CREATE_JSON_KEY_FIX = 'Create a JSON key for the service account (Console: IAM & Admin -> Service Accounts -> Keys -> Add key -> JSON, or ' +
    '`gcloud iam service-accounts keys create key.json --iam-account=SA_EMAIL`) and store the whole file content as the secret, ' +
    'or authenticate keyless with google-github-actions/auth before this step.';
const P12_FIX = `A P12 key does not say which service account it belongs to: set ${P12_EMAIL_SOURCES} to its email (SA_NAME@PROJECT.iam.gserviceaccount.com). ` +
    'Better, use a JSON key (`gcloud iam service-accounts keys create key.json --iam-account=SA_EMAIL`) or keyless authentication (google-github-actions/auth).';
/** Masks a secret and each of its lines (a PEM printed line by line must not leak either). */
function maskSecret(log, secret) {
    if (!secret)
        return;
    log.mask(secret);
    for (const line of secret.split(/\r?\n/)) {
        const t = line.trim();
        if (t.length >= 8 && !/^-----(BEGIN|END) /.test(t))
            log.mask(t);
    }
    // The same key as it appears inside JSON text (newlines escaped).
    if (secret.includes('\n'))
        log.mask(secret.replace(/\n/g, '\\n'));
}
/** Reads the credentials; throws ConfigurationError (never containing key material) when they are unusable. */
function loadCredentials(opts) {
    const { env, log } = opts;
    const inputName = opts.inputName ?? 'gcp-credentials';
    const raw = opts.keyJson?.trim();
    const email = opts.serviceAccountEmail?.trim() || undefined;
    if (raw) {
        log.mask(raw);
        return fromInput(raw, `input ${inputName}`, log, env, email);
    }
    for (const name of CREDENTIAL_FILE_ENV) {
        const path = env[name];
        if (path)
            return fromFile(path, `file ${path} (${name})`, log, env, email);
    }
    const home = env.HOME || env.USERPROFILE;
    if (home) {
        const adc = env.CLOUDSDK_CONFIG !== undefined
            ? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(env.CLOUDSDK_CONFIG, 'application_default_credentials.json')
            : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(home, '.config', 'gcloud', 'application_default_credentials.json');
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(adc))
            return fromFile(adc, `file ${adc} (gcloud application-default credentials)`, log, env);
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1('AUTH_MISSING', `No Google credentials: the ${inputName} input is empty and none of ${CREDENTIAL_FILE_ENV.join(', ')} is set.`, `Pass a service-account JSON key in the ${inputName} input (from a secret), or run google-github-actions/auth ` +
        '(Workload Identity Federation) earlier in the job, or set GOOGLE_APPLICATION_CREDENTIALS to a key file.');
}
function fromInput(raw, source, log, env, email) {
    if (looksLikePkcs12Binary(raw)) {
        // Bytes read as UTF-8 text lose what is not valid UTF-8 (U+FFFD): such a file cannot be read back.
        if (email && raw.includes('\ufffd'))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1('AUTH_KEY_INVALID', `The P12 key from ${source} was passed as text and is damaged (binary bytes do not survive as a string).`, 'Pass it base64-encoded (`base64 -w0 key.p12`, stored as the secret) or as a path to the file.');
        return fromP12(Buffer.from(raw, 'latin1'), source, log, env, email);
    }
    if (!raw.startsWith('{')) {
        // A path to a key file?
        if (raw.length < 1024 && !raw.includes('\n') && isFile(raw))
            return fromFile(raw, `file ${raw} (${source})`, log, env, email);
        if (isP12Path(raw))
            throw p12Error(source, `the file ${raw} does not exist`);
        // Base64 of the JSON key (google-github-actions/auth accepts that too) or of a P12 file.
        const decoded = decodeBase64(raw);
        if (decoded) {
            if (looksLikePkcs12Bytes(decoded))
                return fromP12(decoded, `${source} (base64)`, log, env, email);
            const text = decoded.toString('utf8').trim();
            if (text.startsWith('{')) {
                log.mask(text);
                return parseJson(text, `${source} (base64)`, log, env);
            }
        }
    }
    return parseJson(raw, source, log, env);
}
function fromFile(path, source, log, env, email) {
    let buf;
    try {
        buf = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path);
    }
    catch (e) {
        const code = e.code ?? 'unreadable';
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1('AUTH_KEY_INVALID', `Cannot read the Google credential ${source}: ${code}.`, 'Point the variable at an existing credential file (google-github-actions/auth writes one and sets it), or pass a JSON key in the gcp-credentials input.');
    }
    if (looksLikePkcs12Bytes(buf))
        return fromP12(buf, source, log, env, email);
    const text = buf.toString('utf8').trim();
    log.mask(text);
    if (!text.startsWith('{')) {
        const decoded = decodeBase64(text);
        if (decoded && looksLikePkcs12Bytes(decoded))
            return fromP12(decoded, source, log, env, email);
    }
    return parseJson(text, source, log, env, path);
}
function parseJson(text, source, log, env, file) {
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch {
        // The parser's own message quotes the text: never show it. Describe the shape instead.
        const truncated = text.startsWith('{') && !text.endsWith('}');
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1('AUTH_KEY_INVALID', `The Google credentials from ${source} are not valid JSON` +
            (truncated
                ? ` (${text.length} characters that start with "{" but do not end with "}": the value looks truncated, e.g. copied partially or pasted into a single-line field).`
                : ` (${text.length} characters; a service-account key is a JSON object starting with "{").`), CREATE_JSON_KEY_FIX);
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1('AUTH_KEY_INVALID', `The Google credentials from ${source} are JSON but not an object.`, CREATE_JSON_KEY_FIX);
    }
    const obj = parsed;
    // Mask every secret-looking value the moment it is read.
    maskSecret(log, str(obj.private_key));
    maskSecret(log, str(obj.client_secret));
    maskSecret(log, str(obj.refresh_token));
    const type = str(obj.type);
    switch (type) {
        case 'service_account':
            return serviceAccount(obj, text, source);
        case 'external_account':
            return externalAccount(obj, source, log, env, file);
        case 'authorized_user':
            return authorizedUser(obj, source, env, file);
        default:
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(type ? 'AUTH_UNSUPPORTED' : 'AUTH_KEY_INVALID', type
                ? `The Google credentials from ${source} are of type "${type}", which these actions do not support.`
                : `The Google credentials from ${source} have no "type" field; a service-account key has "type": "service_account".`, CREATE_JSON_KEY_FIX);
    }
}
function serviceAccount(obj, json, source) {
    const missing = SA_FIELDS.filter((f) => !str(obj[f]));
    if (missing.length) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1('AUTH_KEY_INVALID', `The service-account key from ${source} lacks ${missing.join(', ')}.`, CREATE_JSON_KEY_FIX, missing.map((f) => `missing field: ${f}`));
    }
    const privateKey = str(obj.private_key);
    if (!/-----BEGIN (RSA )?PRIVATE KEY-----/.test(privateKey) ||
        !/-----END (RSA )?PRIVATE KEY-----/.test(privateKey)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1('AUTH_KEY_INVALID', `The private_key of the service-account key from ${source} is not a PEM private key (the BEGIN/END lines are missing or damaged).`, CREATE_JSON_KEY_FIX);
    }
    return {
        kind: 'service_account',
        source,
        projectId: str(obj.project_id),
        clientEmail: str(obj.client_email),
        privateKeyId: str(obj.private_key_id),
        privateKey,
        tokenUri: str(obj.token_uri),
        json,
    };
}
function externalAccount(obj, source, log, env, file) {
    const fix = 'Run google-github-actions/auth with workload_identity_provider (and service_account) before this step, with `permissions: id-token: write` on the job.';
    const missing = ['audience', 'subject_token_type', 'token_url'].filter((f) => !str(obj[f]));
    const cs = obj.credential_source;
    if (!cs || typeof cs !== 'object')
        missing.push('credential_source');
    if (missing.length) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1('AUTH_KEY_INVALID', `The external_account credentials from ${source} lack ${missing.join(', ')}.`, fix);
    }
    const credSource = cs;
    const headers = {};
    if (credSource.headers && typeof credSource.headers === 'object') {
        for (const [k, v] of Object.entries(credSource.headers)) {
            if (typeof v !== 'string')
                continue;
            headers[k] = v;
            if (/authorization|token|key/i.test(k)) {
                log.mask(v);
                const bearer = v.replace(/^(Bearer|token)\s+/i, '');
                if (bearer !== v)
                    log.mask(bearer);
            }
        }
    }
    const fmt = credSource.format;
    const format = fmt && typeof fmt === 'object'
        ? {
            type: (str(fmt.type) === 'json' ? 'json' : 'text'),
            subjectTokenFieldName: str(fmt.subject_token_field_name),
        }
        : undefined;
    if (format?.type === 'json' && !format.subjectTokenFieldName) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1('AUTH_KEY_INVALID', `The external_account credentials from ${source} use credential_source.format "json" without subject_token_field_name.`, fix);
    }
    const credentialSource = {
        file: str(credSource.file),
        url: str(credSource.url),
        headers: Object.keys(headers).length ? headers : undefined,
        format,
    };
    if (!credentialSource.file && !credentialSource.url) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1('AUTH_UNSUPPORTED', `The external_account credentials from ${source} take their subject token from neither a file nor a URL (executable and AWS sources are not supported).`, fix);
    }
    const impersonation = str(obj.service_account_impersonation_url);
    const email = impersonation?.match(/serviceAccounts\/([^/:]+):generateAccessToken/)?.[1];
    return {
        kind: 'external_account',
        source,
        file: file ?? '',
        audience: str(obj.audience),
        subjectTokenType: str(obj.subject_token_type),
        tokenUrl: str(obj.token_url),
        serviceAccountImpersonationUrl: impersonation,
        serviceAccountEmail: email ? decodeURIComponent(email) : undefined,
        credentialSource,
        workforcePoolUserProject: str(obj.workforce_pool_user_project),
        projectId: projectFromEnv(env) ?? str(obj.quota_project_id) ?? projectFromEmail(email),
    };
}
function authorizedUser(obj, source, env, file) {
    const missing = ['client_id', 'client_secret', 'refresh_token'].filter((f) => !str(obj[f]));
    if (missing.length) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1('AUTH_KEY_INVALID', `The authorized_user credentials from ${source} lack ${missing.join(', ')}.`, 'Run `gcloud auth application-default login` again, or use a service-account JSON key.');
    }
    return {
        kind: 'authorized_user',
        source,
        file: file ?? '',
        clientId: str(obj.client_id),
        clientSecret: str(obj.client_secret),
        refreshToken: str(obj.refresh_token),
        projectId: projectFromEnv(env) ?? str(obj.quota_project_id),
    };
}
function projectFromEnv(env) {
    for (const k of PROJECT_ENV)
        if (env[k])
            return env[k];
    return undefined;
}
function projectFromEmail(email) {
    return email?.match(/@([a-z][-a-z0-9]{4,28}[a-z0-9])\.iam\.gserviceaccount\.com$/)?.[1];
}
function str(v) {
    return typeof v === 'string' && v.length > 0 ? v : undefined;
}
function isFile(p) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(p).isFile();
    }
    catch {
        return false;
    }
}
function isP12Path(s) {
    return !s.includes('\n') && s.length < 1024 && /\.(p12|pfx)$/i.test(s);
}
function decodeBase64(s) {
    const compact = s.replace(/\s+/g, '');
    if (compact.length < 16 || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(compact))
        return undefined;
    const buf = Buffer.from(compact, 'base64');
    return buf.length ? buf : undefined;
}
/**
 * PKCS#12 is a DER SEQUENCE (0x30) whose first element is INTEGER version 3 (02 01 03). Google's P12 keys
 * start `30 82 xx xx 02 01 03`.
 */
function looksLikePkcs12Bytes(b) {
    if (b.length < 8 || b[0] !== 0x30)
        return false;
    let i = 1;
    const len = b[i];
    if (len & 0x80)
        i += 1 + (len & 0x7f);
    else
        i += 1;
    return b[i] === 0x02 && b[i + 1] === 0x01 && b[i + 2] === 0x03;
}
/** A P12 passed as a string (binary read as latin1/utf8): check the leading bytes. */
function looksLikePkcs12Binary(s) {
    if (s.charCodeAt(0) !== 0x30)
        return false;
    // eslint-disable-next-line no-control-regex
    if (!/[\u0000-\u0008\u000e-\u001f\ufffd]/.test(s.slice(0, 64)))
        return false;
    const latin = Buffer.from(s, 'latin1');
    return (looksLikePkcs12Bytes(latin) ||
        s.charCodeAt(1) === 0x82 ||
        s.charCodeAt(1) === 0x83 ||
        s.includes('\ufffd'));
}
function p12Error(source, why) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1('AUTH_P12', `The Google credentials from ${source} are a P12 (PKCS#12) key, and ${why}.`, P12_FIX);
}
const SA_EMAIL_RE = /^[a-z0-9][a-z0-9-]{4,28}[a-z0-9]@[a-z0-9.-]+\.gserviceaccount\.com$/;
/**
 * A P12 key with the service account's email: its private key, masked at once (the PEM and the file's bytes
 * as base64). The key id is unknown until resolveP12KeyId looks the public key up in IAM.
 */
function fromP12(bytes, source, log, env, email) {
    log.mask(bytes.toString('base64'));
    if (!email)
        throw p12Error(source, `it holds no service-account email: set ${P12_EMAIL_SOURCES}`);
    if (!SA_EMAIL_RE.test(email))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1('AUTH_P12', `The service-account email "${email}" for the P12 key from ${source} is not a service account's email.`, `Set ${P12_EMAIL_SOURCES} to the email of the service account the key belongs to (SA_NAME@PROJECT.iam.gserviceaccount.com).`);
    let pem;
    let fp;
    const password = env.GITSPACES_P12_PASSWORD || 'notasecret';
    if (env.GITSPACES_P12_PASSWORD)
        log.mask(password);
    try {
        const r = (0,_pkcs12_js__WEBPACK_IMPORTED_MODULE_3__/* .readPkcs12PrivateKey */ .Hc)(bytes, password);
        pem = r.pem;
        fp = (0,_pkcs12_js__WEBPACK_IMPORTED_MODULE_3__/* .publicKeyFingerprint */ .Fs)(r.key);
    }
    catch (e) {
        if (!(e instanceof _pkcs12_js__WEBPACK_IMPORTED_MODULE_3__/* .Pkcs12Error */ .pK))
            throw e;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1('AUTH_KEY_INVALID', `The P12 key from ${source} cannot be read: ${e.message}.`, `Google's P12 keys use the password "notasecret"; a re-exported file with another one needs GITSPACES_P12_PASSWORD. ${P12_FIX}`);
    }
    maskSecret(log, pem);
    const c = {
        kind: 'service_account',
        format: 'p12',
        source,
        projectId: projectFromEmail(email) ?? projectFromEnv(env) ?? '-',
        clientEmail: email,
        privateKeyId: '',
        privateKey: pem,
        tokenUri: 'https://oauth2.googleapis.com/token',
        json: '',
        publicKeyFingerprint: fp,
    };
    c.json = serviceAccountJson(c);
    maskSecret(log, c.json);
    return c;
}
/** The JSON key equivalent to service-account credentials (what Terraform's `credentials` and the runner read). */
function serviceAccountJson(c) {
    return JSON.stringify({
        type: 'service_account',
        project_id: c.projectId,
        private_key_id: c.privateKeyId,
        private_key: c.privateKey,
        client_email: c.clientEmail,
        token_uri: c.tokenUri,
    }, null, 2);
}


/***/ }),

/***/ 1982:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ Iam),
/* harmony export */   q: () => (/* binding */ resolveP12KeyId)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(32635);
/* harmony import */ var _credentials_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(20869);
/* harmony import */ var _pkcs12_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(34299);
/* harmony import */ var _rest_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(19809);





/** IAM v1: service accounts and their keys. */
class Iam {
    rest;
    constructor(rest) {
        this.rest = rest;
    }
    /** `GET /v1/projects/{p}/serviceAccounts/{email}/keys/{keyId}`; undefined when the key does not exist (deleted). */
    getServiceAccountKey(project, email, keyId) {
        return this.getKey(project, email, keyId, '');
    }
    async getKey(project, email, keyId, query) {
        try {
            return await this.rest.get('iam', `/v1/projects/${enc(project)}/serviceAccounts/${enc(email)}/keys/${enc(keyId)}${query}`);
        }
        catch (e) {
            if ((0,_rest_js__WEBPACK_IMPORTED_MODULE_4__/* .isNotFound */ .c4)(e))
                return undefined;
            throw e;
        }
    }
    /** `GET .../serviceAccounts/{email}/keys?keyTypes=USER_MANAGED`: the keys users created (no public key data). */
    async listUserManagedKeys(project, email) {
        const r = await this.rest.get('iam', `/v1/projects/${enc(project)}/serviceAccounts/${enc(email)}/keys?keyTypes=USER_MANAGED`);
        return r.keys ?? [];
    }
    /** One key with its X.509 certificate (`publicKeyType=TYPE_X509_PEM_FILE`); undefined when it does not exist. */
    getServiceAccountKeyCertificate(project, email, keyId) {
        return this.getKey(project, email, keyId, '?publicKeyType=TYPE_X509_PEM_FILE');
    }
    /** `GET /v1/projects/{p}/serviceAccounts/{email}`; undefined when it does not exist. */
    async getServiceAccount(project, email) {
        try {
            return await this.rest.get('iam', `/v1/projects/${enc(project)}/serviceAccounts/${enc(email)}`);
        }
        catch (e) {
            if ((0,_rest_js__WEBPACK_IMPORTED_MODULE_4__/* .isNotFound */ .c4)(e))
                return undefined;
            throw e;
        }
    }
}
function enc(s) {
    return encodeURIComponent(s);
}
/**
 * The key id of a P12 key: the user-managed key of its account whose certificate carries the same public key
 * (IAM lists keys without public keys; each is fetched with TYPE_X509_PEM_FILE). Sets privateKeyId and the
 * equivalent JSON key on the credentials. A JSON key, or a P12 key already resolved, is returned as it is.
 */
async function resolveP12KeyId(iam, c) {
    if (c.format !== 'p12' || c.privateKeyId)
        return c.privateKeyId;
    const keys = await iam.listUserManagedKeys(c.projectId, c.clientEmail);
    for (const k of keys) {
        const id = k.name.split('/').pop() ?? '';
        const full = await iam.getServiceAccountKeyCertificate(c.projectId, c.clientEmail, id);
        if (!full?.publicKeyData)
            continue;
        let fp;
        try {
            const cert = new node_crypto__WEBPACK_IMPORTED_MODULE_0__.X509Certificate(Buffer.from(full.publicKeyData, 'base64'));
            fp = (0,_pkcs12_js__WEBPACK_IMPORTED_MODULE_3__/* .publicKeyFingerprint */ .Fs)(cert.publicKey);
        }
        catch {
            continue;
        }
        if (fp === c.publicKeyFingerprint) {
            c.privateKeyId = id;
            c.json = (0,_credentials_js__WEBPACK_IMPORTED_MODULE_2__/* .serviceAccountJson */ .t8)(c);
            return id;
        }
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1('AUTH_P12_KEY_UNKNOWN', `The P12 key from ${c.source} is none of the ${keys.length} user-managed key(s) of ${c.clientEmail} in IAM (its public key matches no key's certificate)`, `Check that ${c.clientEmail} is the account the key was created for and that the key was not deleted (\`gcloud iam service-accounts keys list --iam-account=${c.clientEmail}\`); better, create a JSON key or use keyless authentication.`);
}


/***/ }),

/***/ 15924:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  CLOUD_PLATFORM_SCOPE: () => (/* reexport */ token/* CLOUD_PLATFORM_SCOPE */.Zl),
  COMPUTE_COLLECTIONS: () => (/* reexport */ COMPUTE_COLLECTIONS),
  CREDENTIAL_FILE_ENV: () => (/* reexport */ gcp_credentials/* CREDENTIAL_FILE_ENV */.rS),
  CertificateManager: () => (/* reexport */ CertificateManager),
  CloudDns: () => (/* reexport */ CloudDns),
  ComputeApi: () => (/* reexport */ ComputeApi),
  GcpRest: () => (/* reexport */ gcp_rest/* GcpRest */.nq),
  Iam: () => (/* reexport */ iam/* Iam */.I),
  P12_EMAIL_SOURCES: () => (/* reexport */ gcp_credentials/* P12_EMAIL_SOURCES */.Ic),
  ResourceManager: () => (/* reexport */ resourcemanager/* ResourceManager */.Q),
  ServiceUsage: () => (/* reexport */ ServiceUsage),
  clean: () => (/* reexport */ clean),
  computeClientTarget: () => (/* reexport */ computeClientTarget),
  createGcp: () => (/* binding */ createGcp),
  createTokenSource: () => (/* reexport */ token/* createTokenSource */.qJ),
  gaxFor: () => (/* reexport */ gaxFor),
  googleErrorMessage: () => (/* reexport */ gcp_rest/* googleErrorMessage */.L4),
  googleErrorMetadata: () => (/* reexport */ gcp_rest/* googleErrorMetadata */.r1),
  googleReason: () => (/* reexport */ gcp_rest/* googleReason */.Eu),
  hasRole: () => (/* reexport */ resourcemanager/* hasRole */.h),
  isNotFound: () => (/* reexport */ gcp_rest/* isNotFound */.c4),
  jsonKeyForP12: () => (/* binding */ jsonKeyForP12),
  listAll: () => (/* reexport */ gcp_rest/* listAll */._w),
  loadCredentials: () => (/* reexport */ gcp_credentials/* loadCredentials */.NG),
  maskSecret: () => (/* reexport */ gcp_credentials/* maskSecret */.$l),
  resolveP12KeyId: () => (/* reexport */ iam/* resolveP12KeyId */.q),
  serviceAccountJson: () => (/* reexport */ gcp_credentials/* serviceAccountJson */.t8),
  signJwtAssertion: () => (/* reexport */ token/* signJwtAssertion */.P8),
  staticTokenSource: () => (/* reexport */ token/* staticTokenSource */.to),
  toRemoteError: () => (/* reexport */ toRemoteError),
  withSharedTokens: () => (/* reexport */ token/* withSharedTokens */.w8)
});

// EXTERNAL MODULE: ./shared/clock.ts
var shared_clock = __webpack_require__(17128);
// EXTERNAL MODULE: ./shared/endpoints.ts
var shared_endpoints = __webpack_require__(57416);
// EXTERNAL MODULE: ./shared/gcp/rest.ts
var gcp_rest = __webpack_require__(19809);
;// CONCATENATED MODULE: ./shared/gcp/certmanager.ts

/** Certificate Manager v1 (`/v1/projects/{p}/locations/{l}/...`). */
class CertificateManager {
    rest;
    constructor(rest) {
        this.rest = rest;
    }
    /** undefined when the certificate does not exist. */
    async getCertificate(project, location, name) {
        try {
            return await this.rest.get('certificateManager', `/v1/projects/${enc(project)}/locations/${enc(location)}/certificates/${enc(name)}`);
        }
        catch (e) {
            if ((0,gcp_rest/* isNotFound */.c4)(e))
                return undefined;
            throw e;
        }
    }
    async listCertificates(project, location, opts = {}) {
        return (0,gcp_rest/* listAll */._w)((pageToken) => this.rest.get('certificateManager', `/v1/projects/${enc(project)}/locations/${enc(location)}/certificates`, { pageToken, filter: opts.filter }), 'certificates');
    }
    async listDnsAuthorizations(project, location, opts = {}) {
        return (0,gcp_rest/* listAll */._w)((pageToken) => this.rest.get('certificateManager', `/v1/projects/${enc(project)}/locations/${enc(location)}/dnsAuthorizations`, {
            pageToken,
            filter: opts.filter,
        }), 'dnsAuthorizations');
    }
}
function enc(s) {
    return encodeURIComponent(s);
}

;// CONCATENATED MODULE: ./shared/gcp/clouddns.ts

/** Cloud DNS v1 (`/dns/v1/projects/{p}/managedZones ...`). */
class CloudDns {
    rest;
    constructor(rest) {
        this.rest = rest;
    }
    /** undefined when the zone does not exist. */
    async getManagedZone(project, zone) {
        try {
            return normaliseZone(await this.rest.get('cloudDns', `/dns/v1/projects/${clouddns_enc(project)}/managedZones/${clouddns_enc(zone)}`));
        }
        catch (e) {
            if ((0,gcp_rest/* isNotFound */.c4)(e))
                return undefined;
            throw e;
        }
    }
    /** Every managed zone of the project (optionally only the one(s) for `dnsName`, with its trailing dot). */
    async listManagedZones(project, opts = {}) {
        const zones = await (0,gcp_rest/* listAll */._w)((pageToken) => this.rest.get('cloudDns', `/dns/v1/projects/${clouddns_enc(project)}/managedZones`, {
            pageToken,
            dnsName: opts.dnsName,
        }), 'managedZones');
        return zones.map(normaliseZone);
    }
    /** Record sets of a zone, optionally filtered by name (FQDN with trailing dot) and type. */
    async listRecordSets(project, zone, opts = {}) {
        const sets = await (0,gcp_rest/* listAll */._w)((pageToken) => this.rest.get('cloudDns', `/dns/v1/projects/${clouddns_enc(project)}/managedZones/${clouddns_enc(zone)}/rrsets`, {
            pageToken,
            name: opts.name,
            type: opts.name ? opts.type : undefined,
        }), 'rrsets');
        const filtered = opts.type && !opts.name ? sets.filter((s) => s.type === opts.type) : sets;
        return filtered.map((s) => ({ ...s, rrdatas: s.rrdatas ?? [] }));
    }
}
function normaliseZone(z) {
    return { ...z, nameServers: z.nameServers ?? [] };
}
function clouddns_enc(s) {
    return encodeURIComponent(s);
}

// EXTERNAL MODULE: external "node:async_hooks"
var external_node_async_hooks_ = __webpack_require__(16698);
// EXTERNAL MODULE: ./shared/errors.ts
var shared_errors = __webpack_require__(32635);
// EXTERNAL MODULE: ./shared/logger.ts
var logger = __webpack_require__(56640);
// EXTERNAL MODULE: ./shared/retry.ts
var retry = __webpack_require__(42372);
;// CONCATENATED MODULE: ./shared/gcp/compute.ts
/**
 * Compute Engine through the OFFICIAL @google-cloud/compute clients (REST transport), loaded lazily: the package is
 * 108 MB and takes seconds to load, so nothing imports it at module top level; each client is a deep import of its
 * own file, so a bundle carries only the clients used here.
 */






/** Static specifiers (one file each) so bundlers include exactly these clients, and only load them when called. */
function pick(mod, name) {
    const direct = mod[name] ?? mod.default?.[name];
    if (typeof direct !== 'function')
        throw new Error(`@google-cloud/compute: ${name} not found in its module`);
    return direct;
}
const LOADERS = {
    instances: async () => pick(await Promise.all(/* import() */[__webpack_require__.e(492), __webpack_require__.e(3232), __webpack_require__.e(2153), __webpack_require__.e(891)]).then(__webpack_require__.bind(__webpack_require__, 60891)), 'InstancesClient'),
    regions: async () => pick(await Promise.all(/* import() */[__webpack_require__.e(492), __webpack_require__.e(3232), __webpack_require__.e(2153), __webpack_require__.e(4800)]).then(__webpack_require__.bind(__webpack_require__, 24800)), 'RegionsClient'),
    zones: async () => pick(await Promise.all(/* import() */[__webpack_require__.e(492), __webpack_require__.e(3232), __webpack_require__.e(2153), __webpack_require__.e(2818)]).then(__webpack_require__.bind(__webpack_require__, 42818)), 'ZonesClient'),
    images: async () => pick(await Promise.all(/* import() */[__webpack_require__.e(492), __webpack_require__.e(3232), __webpack_require__.e(2153), __webpack_require__.e(8225)]).then(__webpack_require__.bind(__webpack_require__, 28225)), 'ImagesClient'),
    subnetworks: async () => pick(await Promise.all(/* import() */[__webpack_require__.e(492), __webpack_require__.e(3232), __webpack_require__.e(2153), __webpack_require__.e(1816)]).then(__webpack_require__.bind(__webpack_require__, 71816)), 'SubnetworksClient'),
    zoneOperations: async () => pick(await Promise.all(/* import() */[__webpack_require__.e(492), __webpack_require__.e(3232), __webpack_require__.e(2153), __webpack_require__.e(9276)]).then(__webpack_require__.bind(__webpack_require__, 99276)), 'ZoneOperationsClient'),
    regionOperations: async () => pick(await Promise.all(/* import() */[__webpack_require__.e(492), __webpack_require__.e(3232), __webpack_require__.e(2153), __webpack_require__.e(1766)]).then(__webpack_require__.bind(__webpack_require__, 81766)), 'RegionOperationsClient'),
    globalOperations: async () => pick(await Promise.all(/* import() */[__webpack_require__.e(492), __webpack_require__.e(3232), __webpack_require__.e(2153), __webpack_require__.e(8773)]).then(__webpack_require__.bind(__webpack_require__, 68773)), 'GlobalOperationsClient'),
    disks: async () => pick(await Promise.all(/* import() */[__webpack_require__.e(492), __webpack_require__.e(3232), __webpack_require__.e(2153), __webpack_require__.e(1601)]).then(__webpack_require__.bind(__webpack_require__, 41601)), 'DisksClient'),
    addresses: async () => pick(await Promise.all(/* import() */[__webpack_require__.e(492), __webpack_require__.e(3232), __webpack_require__.e(2153), __webpack_require__.e(2635)]).then(__webpack_require__.bind(__webpack_require__, 12635)), 'AddressesClient'),
    globalAddresses: async () => pick(await Promise.all(/* import() */[__webpack_require__.e(492), __webpack_require__.e(3232), __webpack_require__.e(2153), __webpack_require__.e(5071)]).then(__webpack_require__.bind(__webpack_require__, 25071)), 'GlobalAddressesClient'),
    forwardingRules: async () => pick(await Promise.all(/* import() */[__webpack_require__.e(492), __webpack_require__.e(3232), __webpack_require__.e(2153), __webpack_require__.e(6234)]).then(__webpack_require__.bind(__webpack_require__, 26234)), 'ForwardingRulesClient'),
    globalForwardingRules: async () => pick(await Promise.all(/* import() */[__webpack_require__.e(492), __webpack_require__.e(3232), __webpack_require__.e(2153), __webpack_require__.e(8486)]).then(__webpack_require__.bind(__webpack_require__, 8486)), 'GlobalForwardingRulesClient'),
    instanceGroupManagers: async () => pick(await Promise.all(/* import() */[__webpack_require__.e(492), __webpack_require__.e(3232), __webpack_require__.e(2153), __webpack_require__.e(1719)]).then(__webpack_require__.bind(__webpack_require__, 51719)), 'InstanceGroupManagersClient'),
    instanceTemplates: async () => pick(await Promise.all(/* import() */[__webpack_require__.e(492), __webpack_require__.e(3232), __webpack_require__.e(2153), __webpack_require__.e(6094)]).then(__webpack_require__.bind(__webpack_require__, 6094)), 'InstanceTemplatesClient'),
    firewalls: async () => pick(await Promise.all(/* import() */[__webpack_require__.e(492), __webpack_require__.e(3232), __webpack_require__.e(2153), __webpack_require__.e(9064)]).then(__webpack_require__.bind(__webpack_require__, 9064)), 'FirewallsClient'),
    networks: async () => pick(await Promise.all(/* import() */[__webpack_require__.e(492), __webpack_require__.e(3232), __webpack_require__.e(2153), __webpack_require__.e(214)]).then(__webpack_require__.bind(__webpack_require__, 214)), 'NetworksClient'),
    routers: async () => pick(await Promise.all(/* import() */[__webpack_require__.e(492), __webpack_require__.e(3232), __webpack_require__.e(2153), __webpack_require__.e(8413)]).then(__webpack_require__.bind(__webpack_require__, 68413)), 'RoutersClient'),
    healthChecks: async () => pick(await Promise.all(/* import() */[__webpack_require__.e(492), __webpack_require__.e(3232), __webpack_require__.e(2153), __webpack_require__.e(1729)]).then(__webpack_require__.bind(__webpack_require__, 11729)), 'HealthChecksClient'),
    backendServices: async () => pick(await Promise.all(/* import() */[__webpack_require__.e(492), __webpack_require__.e(3232), __webpack_require__.e(2153), __webpack_require__.e(5584)]).then(__webpack_require__.bind(__webpack_require__, 55584)), 'BackendServicesClient'),
    urlMaps: async () => pick(await Promise.all(/* import() */[__webpack_require__.e(492), __webpack_require__.e(3232), __webpack_require__.e(2153), __webpack_require__.e(4692)]).then(__webpack_require__.bind(__webpack_require__, 74692)), 'UrlMapsClient'),
    targetHttpsProxies: async () => pick(await Promise.all(/* import() */[__webpack_require__.e(492), __webpack_require__.e(3232), __webpack_require__.e(2153), __webpack_require__.e(2171)]).then(__webpack_require__.bind(__webpack_require__, 2171)), 'TargetHttpsProxiesClient'),
};
/** Collections aggregatedList() can scan; `aggregated` ones span zones/regions, the others are global lists. */
const COMPUTE_COLLECTIONS = {
    instances: 'aggregated',
    disks: 'aggregated',
    addresses: 'aggregated',
    forwardingRules: 'aggregated',
    instanceGroupManagers: 'aggregated',
    instanceTemplates: 'aggregated',
    subnetworks: 'aggregated',
    routers: 'aggregated',
    healthChecks: 'aggregated',
    backendServices: 'aggregated',
    urlMaps: 'aggregated',
    targetHttpsProxies: 'aggregated',
    firewalls: 'global',
    networks: 'global',
    globalAddresses: 'global',
    globalForwardingRules: 'global',
};
/** How the official clients are pointed at endpoints.compute: host, port and protocol separately (the URL path is not used). */
function computeClientTarget(computeUrl) {
    const u = new URL(computeUrl);
    const protocol = u.protocol === 'http:' ? 'http' : 'https';
    return {
        apiEndpoint: u.hostname.replace(/^\[(.*)\]$/, '$1'),
        port: u.port ? Number(u.port) : protocol === 'http' ? 80 : 443,
        protocol,
        path: u.pathname.replace(/\/+$/, ''),
    };
}
const HTTP_FROM_GRPC = {
    1: 499,
    2: 500,
    3: 400,
    4: 504,
    5: 404,
    6: 409,
    7: 403,
    8: 429,
    9: 412,
    10: 409,
    11: 400,
    12: 501,
    13: 500,
    14: 503,
    15: 500,
    16: 401,
};
const GRPC_NAMES = {
    1: 'CANCELLED',
    2: 'UNKNOWN',
    3: 'INVALID_ARGUMENT',
    4: 'DEADLINE_EXCEEDED',
    5: 'NOT_FOUND',
    6: 'ALREADY_EXISTS',
    7: 'PERMISSION_DENIED',
    8: 'RESOURCE_EXHAUSTED',
    9: 'FAILED_PRECONDITION',
    10: 'ABORTED',
    11: 'OUT_OF_RANGE',
    12: 'UNIMPLEMENTED',
    13: 'INTERNAL',
    14: 'UNAVAILABLE',
    15: 'DATA_LOSS',
    16: 'UNAUTHENTICATED',
};
/**
 * The official client drops response headers from its errors; the auth client's fetch (which the REST transport
 * calls) records Retry-After into the store of the call in progress, so our retry can honour it.
 */
const callContext = new external_node_async_hooks_.AsyncLocalStorage();
function withRetryAfterCapture(client) {
    const original = client.fetch.bind(client);
    const wrapped = async (...args) => {
        const res = await original(...args);
        const store = callContext.getStore();
        if (store)
            store.retryAfter = res?.headers?.get?.('retry-after') ?? null;
        return res;
    };
    client.fetch = wrapped;
    return client;
}
/**
 * The google-gax instance the clients are given (their documented second argument): gax's REST transport, whose
 * GrpcClient loads the subset of Compute's protos our clients use (compute-protos.generated.ts, written by
 * scripts/compute-protos.mjs) instead of all of them: the first client of a process is ready in about a quarter of
 * the CPU (`npm run bench compute-client`: 146 ms against 569 ms, 42 MiB less). A client whose service is not in
 * the subset (a new import, the file not written again) gets gax as it comes.
 */
let prunedGax;
async function gaxFor(Ctor) {
    prunedGax ??= (async () => {
        const [gax, subset] = await Promise.all([Promise.all(/* import() */[__webpack_require__.e(492), __webpack_require__.e(3232)]).then(__webpack_require__.t.bind(__webpack_require__, 83232, 23)), __webpack_require__.e(/* import() */ 1511).then(__webpack_require__.bind(__webpack_require__, 61511))]);
        const fallback = (gax.default ?? gax).fallback;
        class SubsetGrpcClient extends fallback.GrpcClient {
            loadProtoJSON() {
                return super.loadProtoJSON(subset.COMPUTE_PROTOS);
            }
        }
        return {
            services: new Set(subset.COMPUTE_PROTO_SERVICES),
            gax: { fallback: { ...fallback, GrpcClient: SubsetGrpcClient } },
        };
    })();
    const { services, gax } = await prunedGax;
    const service = `google.cloud.compute.v1.${Ctor.name.replace(/Client$/, '')}`;
    return services.has(service) ? gax : undefined;
}
/** Compute Engine v1 calls the actions need. Every method takes the project explicitly. */
class ComputeApi {
    endpoints;
    tokenSource;
    opts;
    clients = new Map();
    log;
    clock;
    authClient;
    constructor(endpoints, tokenSource, opts = {}) {
        this.endpoints = endpoints;
        this.tokenSource = tokenSource;
        this.opts = opts;
        this.log = opts.log ?? logger/* nullLogger */.Gi;
        this.clock = opts.clock ?? shared_clock/* realClock */.d;
    }
    // ------------------------------------------------------------ reads
    async getRegion(project, region) {
        const r = await this.get('regions', { project, region }, `regions/${region}`);
        const quotas = (Array.isArray(r.quotas) ? r.quotas : []).map((q) => ({
            metric: String(q.metric ?? ''),
            limit: Number(q.limit ?? 0),
            usage: Number(q.usage ?? 0),
        }));
        return { ...r, name: String(r.name ?? region), quotas };
    }
    async getZone(project, zone) {
        return (await this.get('zones', { project, zone }, `zones/${zone}`));
    }
    /**
     * An image by path: `projects/<p>/global/images/<name>` or `projects/<p>/global/images/family/<family>`
     * (the format the Harness UI accepts; a full URL works too). undefined when it does not exist.
     */
    async getImage(path) {
        const m = path.match(/projects\/([^/]+)\/global\/images\/(?:family\/([^/]+)|([^/]+))$/);
        if (!m)
            throw new shared_errors/* ConfigurationError */.j1('IMAGE_PATH_INVALID', `"${path}" is not an image path.`, 'Write images as projects/<project>/global/images/<name> or projects/<project>/global/images/family/<family>.');
        const [, project, family, name] = m;
        if (family)
            return this.getImageFromFamily(project, family);
        return this.orUndefined(() => this.get('images', { project, image: name }, `images/${name}`));
    }
    /** The newest non-deprecated image of a family; undefined when the family has none. */
    async getImageFromFamily(project, family) {
        return this.orUndefined(async () => {
            const c = (await this.client('images'));
            const [img] = await this.call(`images/family/${family}`, true, () => c.getFromFamily({ project, family }, this.callOpts()));
            return clean(img);
        });
    }
    /** Subnetworks of one region, or of every region when `region` is omitted (aggregated list). */
    async listSubnetworks(project, region) {
        if (region) {
            const c = (await this.client('subnetworks'));
            return (await this.collect(`subnetworks in ${region}`, () => c.listAsync({ project, region }, this.callOpts())));
        }
        return (await this.aggregatedList(project, 'subnetworks')).map((i) => i.resource);
    }
    /** undefined when the instance does not exist. */
    async getInstance(project, zone, name) {
        return this.orUndefined(() => this.get('instances', { project, zone, instance: name }, `instances/${name}`));
    }
    /**
     * Guest attributes under `queryPath` (`namespace/` or `namespace/key`) as `{ "namespace/key": value }`.
     * Empty when there are none (Compute answers 404 then).
     */
    async getGuestAttributes(project, zone, name, queryPath) {
        const c = (await this.client('instances'));
        try {
            const [ga] = await this.call(`instances/${name} guest attributes ${queryPath}`, true, () => c.getGuestAttributes({ project, zone, instance: name, queryPath }, this.callOpts()));
            const out = {};
            const items = (ga.queryValue?.items ??
                []);
            for (const it of items)
                out[`${String(it.namespace ?? '')}/${String(it.key ?? '')}`] = String(it.value ?? '');
            if (!items.length && typeof ga.variableKey === 'string' && ga.variableKey)
                out[ga.variableKey] = String(ga.variableValue ?? '');
            return out;
        }
        catch (e) {
            if (e instanceof shared_errors/* RemoteError */.Hi && e.status === 404)
                return {};
            throw e;
        }
    }
    /**
     * Serial port 1 of an instance from byte `start` on: its contents and the offset to read from next
     * (instances.getSerialPortOutput). The startup script's output appears there.
     */
    async getSerialPortOutput(project, zone, name, start = 0) {
        const c = (await this.client('instances'));
        const [out] = await this.call(`instances/${name} serial port 1`, true, () => c.getSerialPortOutput({ project, zone, instance: name, port: 1, start }, this.callOpts()));
        const next = Number(out.next ?? start);
        return { contents: String(out.contents ?? ''), next: Number.isFinite(next) ? next : start };
    }
    /**
     * Every resource of a collection in the project, across zones and regions (plain `list` for global
     * collections). Filtering by label or name prefix is the caller's business.
     */
    async aggregatedList(project, collection) {
        const kind = COMPUTE_COLLECTIONS[collection];
        const c = (await this.client(collection));
        const out = [];
        const toItem = (scope, r) => ({
            collection,
            scope,
            name: String(r.name ?? ''),
            selfLink: typeof r.selfLink === 'string' ? r.selfLink : undefined,
            labels: (r.labels && typeof r.labels === 'object' ? r.labels : {}),
            resource: r,
        });
        await this.call(`aggregated ${collection}`, true, async () => {
            out.length = 0;
            if (kind === 'global') {
                for await (const r of c.listAsync({ project }, this.callOpts()))
                    out.push(toItem('global', clean(r)));
            }
            else {
                for await (const [scope, list] of c.aggregatedListAsync({ project, returnPartialSuccess: true }, this.callOpts())) {
                    const items = list[collection];
                    if (Array.isArray(items))
                        for (const r of items)
                            out.push(toItem(scope, clean(r)));
                }
            }
            return out;
        });
        return out;
    }
    // ------------------------------------------------------------ changes
    /**
     * Sets and deletes metadata keys, keeping the others: reads the current items and fingerprint, applies
     * the changes and calls setMetadata; when the fingerprint changed meanwhile (412) it reads again and
     * retries once. Waits for the operation unless `wait: false`.
     */
    async setInstanceMetadata(project, zone, name, changes, opts = {}) {
        const c = (await this.client('instances'));
        const attempt = async () => {
            const inst = await this.getInstance(project, zone, name);
            if (!inst)
                throw new shared_errors/* RemoteError */.Hi('compute', 404, `404 NOT_FOUND: The instance projects/${project}/zones/${zone}/instances/${name} does not exist`);
            const items = new Map();
            for (const it of inst.metadata?.items ?? [])
                if (it.key)
                    items.set(it.key, it.value ?? '');
            for (const ch of changes) {
                if (ch.value === null)
                    items.delete(ch.key);
                else
                    items.set(ch.key, ch.value);
            }
            const metadataResource = {
                fingerprint: inst.metadata?.fingerprint,
                items: [...items].map(([key, value]) => ({ key, value })),
            };
            // Safe to send again (CONTRIBUTING, Retries): a replay of an applied change answers 412 (fingerprint).
            const [op] = await this.call(`instances/${name} setMetadata`, true, () => c.setMetadata({ project, zone, instance: name, metadataResource }, this.callOpts()));
            return clean(op.latestResponse);
        };
        let op;
        try {
            op = await attempt();
        }
        catch (e) {
            if (!(e instanceof shared_errors/* RemoteError */.Hi && e.status === 412))
                throw e;
            this.log.debug(`metadata of ${name} changed while updating it (412); reading it again`);
            op = await attempt();
        }
        return opts.wait === false ? op : this.waitZoneOperation(project, zone, op.name, opts);
    }
    /** Resets (hard restarts) an instance; the startup script runs again. Waits for the operation unless `wait: false`. */
    async resetInstance(project, zone, name, opts = {}) {
        const c = (await this.client('instances'));
        const [res] = await this.call(`instances/${name} reset`, false, () => c.reset({ project, zone, instance: name }, this.callOpts()));
        const op = clean(res.latestResponse);
        return opts.wait === false ? op : this.waitZoneOperation(project, zone, op.name, opts);
    }
    // ------------------------------------------------------------ operations
    async waitZoneOperation(project, zone, operation, opts = {}) {
        return this.waitOperation('zoneOperations', { project, zone, operation }, `zone ${zone}`, opts);
    }
    async waitRegionOperation(project, region, operation, opts = {}) {
        return this.waitOperation('regionOperations', { project, region, operation }, `region ${region}`, opts);
    }
    async waitGlobalOperation(project, operation, opts = {}) {
        return this.waitOperation('globalOperations', { project, operation }, 'global', opts);
    }
    /** Closes the clients that were created. */
    async close() {
        const all = [...this.clients.values()];
        this.clients.clear();
        await Promise.all(all.map(async (p) => (await p.catch(() => undefined))?.close().catch(() => undefined)));
    }
    // ------------------------------------------------------------ internals
    async waitOperation(which, req, where, opts) {
        const c = (await this.client(which));
        const op = await (0,retry/* waitFor */.fm)(async () => {
            const [o] = await this.call(`operation ${String(req.operation)}`, true, () => c.get(req, this.callOpts()));
            const cur = clean(o);
            return {
                done: cur.status === 'DONE',
                state: `${cur.operationType ?? 'operation'} ${cur.status ?? 'PENDING'}`,
                value: cur,
            };
        }, {
            describe: `Compute operation ${String(req.operation)} (${where})`,
            deadlineMs: opts.deadlineMs ?? 5 * 60_000,
            intervalMs: opts.intervalMs ?? 1000,
            factor: 1.5,
            maxIntervalMs: 10_000,
            clock: this.clock,
            log: this.log,
        });
        const errors = op.error?.errors ?? [];
        if (errors.length) {
            const status = Number(op.httpErrorStatusCode) || 400;
            const detail = errors.map((e) => `${e.code ?? 'ERROR'}: ${e.message ?? ''}`).join('; ');
            throw new shared_errors/* RemoteError */.Hi('compute', status, `Compute operation ${op.name} (${op.operationType ?? '?'} ${op.targetLink ?? ''}) failed: ${detail}`, op);
        }
        return op;
    }
    async get(which, req, what) {
        const c = (await this.client(which));
        const [r] = await this.call(what, true, () => c.get(req, this.callOpts()));
        return clean(r);
    }
    async collect(what, it) {
        return this.call(what, true, async () => {
            const out = [];
            for await (const r of it())
                out.push(clean(r));
            return out;
        });
    }
    async orUndefined(fn) {
        try {
            return await fn();
        }
        catch (e) {
            if (e instanceof shared_errors/* RemoteError */.Hi && e.status === 404)
                return undefined;
            throw e;
        }
    }
    callOpts() {
        // Retries are ours (Retry-After, the injected clock); gax's would sleep on the wall clock.
        return { retry: null, timeout: this.opts.timeoutMs ?? 60_000, autoPaginate: false };
    }
    /** Runs a client call with our retry policy, turning gax errors into RemoteError. */
    async call(what, idempotent, fn) {
        let reauthenticated = false;
        return (0,retry/* retry */.L5)(async () => {
            const store = {};
            try {
                return await callContext.run(store, fn);
            }
            catch (e) {
                const err = toRemoteError(e, what, this.endpoints.compute);
                if (err instanceof shared_errors/* RemoteError */.Hi && err.status === 401 && !reauthenticated) {
                    // An expired or revoked token: fetch a new one once.
                    reauthenticated = true;
                    this.tokenSource.invalidate();
                    if (this.authClient)
                        this.authClient.credentials = {};
                    return Promise.reject(new shared_errors/* RemoteError */.Hi(err.service, 401, err.message, err.body, 0));
                }
                if (err instanceof shared_errors/* RemoteError */.Hi && store.retryAfter && err.retryAfterMs === undefined) {
                    const ms = (0,retry/* parseRetryAfter */.mu)(store.retryAfter, this.clock.now());
                    return Promise.reject(new shared_errors/* RemoteError */.Hi(err.service, err.status, err.message, err.body, ms));
                }
                throw err;
            }
        }, {
            clock: this.clock,
            random: this.opts.random,
            attempts: this.opts.attempts,
            retryable: (e) => {
                if (e instanceof shared_errors/* RemoteError */.Hi && e.status === 401)
                    return e.retryAfterMs === 0;
                return idempotent ? (0,retry/* isTransient */.dg)(e) : (0,retry/* isRefusedUnapplied */.bh)(e);
            },
            onRetry: (e, n, delay) => this.log.debug(`compute ${what}: ${(0,shared_errors/* errorMessage */.gJ)(e)}; retry ${n} in ${delay} ms`),
        });
    }
    client(name) {
        let p = this.clients.get(name);
        if (!p) {
            p = (async () => {
                const Ctor = await LOADERS[name]();
                const t = computeClientTarget(this.endpoints.compute);
                if (t.path)
                    this.log.warning(`The Compute endpoint ${this.endpoints.compute} has a path (${t.path}); the Compute client ignores it.`);
                if (!this.authClient) {
                    const { authClientFor } = await Promise.all(/* import() */[__webpack_require__.e(492), __webpack_require__.e(5758)]).then(__webpack_require__.bind(__webpack_require__, 5758));
                    this.authClient ??= withRetryAfterCapture(authClientFor(this.tokenSource));
                }
                return new Ctor({
                    apiEndpoint: t.apiEndpoint,
                    port: t.port,
                    protocol: t.protocol,
                    authClient: this.authClient,
                    fallback: true,
                }, await gaxFor(Ctor));
            })();
            p.catch(() => this.clients.delete(name));
            this.clients.set(name, p);
        }
        return p;
    }
}
/** A gax GoogleError (or transport failure) as RemoteError('compute', httpStatus, "<status> <STATUS>: <message> (<reason>)", body). */
function toRemoteError(e, what, endpoint) {
    if (e instanceof shared_errors/* RemoteError */.Hi)
        return e;
    const err = e;
    if (!(e instanceof Error))
        return e;
    const grpc = typeof err.code === 'number' ? err.code : undefined;
    let status = typeof err.httpStatusCode === 'number'
        ? err.httpStatusCode
        : grpc !== undefined
            ? (HTTP_FROM_GRPC[grpc] ?? 500)
            : 0;
    // A transport failure (connection refused, reset, DNS) has no HTTP status.
    const transport = typeof err.code === 'string' ||
        (grpc === 14 &&
            err.httpStatusCode === undefined &&
            /ECONN|ENOTFOUND|EAI_AGAIN|socket|fetch failed|network/i.test(err.message ?? ''));
    if (transport)
        status = 0;
    if (status === 0) {
        let host = endpoint;
        try {
            host = new URL(endpoint).host;
        }
        catch {
            /* keep */
        }
        return new shared_errors/* RemoteError */.Hi('compute', 0, `Cannot reach compute at ${host} (${what}): ${err.message ?? String(e)}`);
    }
    const statusName = grpc !== undefined ? GRPC_NAMES[grpc] : undefined;
    const message = (err.message ?? '').replace(/^\d+ [A-Z_]+: /, '');
    const body = {
        error: {
            code: status,
            message,
            status: statusName,
            ...(err.reason
                ? {
                    details: [
                        {
                            '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
                            reason: err.reason,
                            domain: err.domain,
                            metadata: err.errorInfoMetadata,
                        },
                    ],
                }
                : {}),
        },
    };
    return new shared_errors/* RemoteError */.Hi('compute', status, `${status}${statusName ? ` ${statusName}` : ''}: ${message}${err.reason ? ` (${err.reason})` : ''}`, body);
}
/** Drops the proto3 `optional` markers (`_name: "name"`) the decoded messages carry, recursively. */
function clean(v) {
    if (Array.isArray(v))
        return v.map((x) => clean(x));
    if (v && typeof v === 'object') {
        const out = {};
        for (const [k, x] of Object.entries(v)) {
            if (k.startsWith('_') && x === k.slice(1))
                continue;
            out[k] = clean(x);
        }
        return out;
    }
    return v;
}

// EXTERNAL MODULE: ./shared/gcp/credentials.ts
var gcp_credentials = __webpack_require__(20869);
// EXTERNAL MODULE: ./shared/gcp/iam.ts
var iam = __webpack_require__(1982);
// EXTERNAL MODULE: ./shared/gcp/resourcemanager.ts
var resourcemanager = __webpack_require__(11192);
;// CONCATENATED MODULE: ./shared/gcp/serviceusage.ts




/** Service Usage v1 (https://cloud.google.com/service-usage/docs/reference/rest/v1/services). */
class ServiceUsage {
    rest;
    /** batchGet takes at most this many names per call. */
    static BATCH = 30;
    constructor(rest) {
        this.rest = rest;
    }
    /**
     * The state of each service (`compute.googleapis.com` ...) in `project` (id or number), through
     * `services:batchGet` in batches of 30. Services the API does not return are missing from the map.
     */
    async batchGetStates(project, services) {
        const out = new Map();
        const unique = [...new Set(services)];
        for (let i = 0; i < unique.length; i += ServiceUsage.BATCH) {
            const chunk = unique.slice(i, i + ServiceUsage.BATCH);
            const body = await this.rest.get('serviceUsage', `/v1/projects/${serviceusage_enc(project)}/services:batchGet`, {
                names: chunk.map((s) => `projects/${project}/services/${s}`),
            });
            for (const item of body.services ?? []) {
                const id = item.config?.name ?? item.name?.split('/').pop();
                if (id)
                    out.set(id, normaliseState(item.state));
            }
        }
        return out;
    }
    /** One service's state (`GET /v1/projects/{p}/services/{service}`). */
    async getState(project, service) {
        const item = await this.rest.get('serviceUsage', `/v1/projects/${serviceusage_enc(project)}/services/${serviceusage_enc(service)}`);
        return normaliseState(item.state);
    }
    /** Starts enabling services (at most 20 per call, Google's limit); returns the operation name. */
    async batchEnable(project, serviceIds) {
        // Sent again after a transient failure: enabling a service that is already enabled changes nothing (the
        // operation of a replay simply completes), https://cloud.google.com/service-usage/docs/reference/rest/v1/services/batchEnable.
        const op = await this.rest.request('POST', 'serviceUsage', `/v1/projects/${serviceusage_enc(project)}/services:batchEnable`, { serviceIds: [...serviceIds] }, undefined, true);
        if (op.done && op.error)
            throw operationError(op);
        return op.name;
    }
    async getOperation(name) {
        return this.rest.get('serviceUsage', `/v1/${name.replace(/^\/+/, '')}`);
    }
    /** Polls `GET /v1/{name}` until the operation is done; throws its error, or WaitTimeoutError at the deadline. */
    async waitOperation(name, opts) {
        // Google answers `operations/noop.DONE_OPERATION` when there was nothing to do.
        if (/noop\.DONE_OPERATION$/.test(name))
            return { name, done: true };
        const op = await (0,retry/* waitFor */.fm)(async () => {
            const current = await this.getOperation(name);
            return { done: Boolean(current.done), state: current.done ? 'done' : 'running', value: current };
        }, {
            describe: `Service Usage operation ${name}`,
            deadlineMs: opts.deadlineMs,
            intervalMs: opts.intervalMs ?? 2000,
            factor: 1.5,
            maxIntervalMs: 10_000,
            clock: opts.clock ?? shared_clock/* realClock */.d,
            log: opts.log ?? logger/* nullLogger */.Gi,
            fix: 'Check the operation in the Cloud Console (APIs & Services); enabling an API usually takes under a minute.',
        });
        if (op.error)
            throw operationError(op);
        return op;
    }
}
function normaliseState(s) {
    return s === 'ENABLED' || s === 'DISABLED' ? s : 'STATE_UNSPECIFIED';
}
function operationError(op) {
    return new shared_errors/* RemoteError */.Hi('serviceUsage', 200, `Operation ${op.name} failed: ${op.error?.message ?? 'unknown error'} (code ${op.error?.code ?? '?'})`, op);
}
function serviceusage_enc(s) {
    return encodeURIComponent(s);
}

// EXTERNAL MODULE: ./shared/gcp/token.ts
var token = __webpack_require__(91918);
;// CONCATENATED MODULE: ./shared/gcp/index.ts





















/**
 * Every Google client an action uses, wired from the environment (endpointsFromEnv) and the credentials.
 * Loading the credentials is synchronous and throws ConfigurationError when they are unusable; no request is made
 * until a client is used.
 */
function createGcp(opts) {
    const clock = opts.clock ?? shared_clock/* realClock */.d;
    const endpoints = (0,shared_endpoints/* endpointsFromEnv */.k3)(opts.env);
    const credentials = (0,gcp_credentials/* loadCredentials */.NG)({
        keyJson: opts.keyJson,
        env: opts.env,
        log: opts.log,
        inputName: opts.inputName,
        serviceAccountEmail: opts.serviceAccountEmail,
    });
    const tokenSource = (0,token/* createTokenSource */.qJ)(credentials, {
        endpoints,
        log: opts.log,
        clock,
        random: opts.random,
    });
    const rest = new gcp_rest/* GcpRest */.nq(endpoints, tokenSource, { log: opts.log, clock, random: opts.random });
    const compute = new ComputeApi(endpoints, tokenSource, { log: opts.log, clock, random: opts.random });
    return {
        credentials,
        endpoints,
        tokenSource,
        rest,
        serviceUsage: new ServiceUsage(rest),
        resourceManager: new resourcemanager/* ResourceManager */.Q(rest),
        iam: new iam/* Iam */.I(rest),
        dns: new CloudDns(rest),
        certs: new CertificateManager(rest),
        compute,
        projectId: credentials.projectId,
        close: () => compute.close(),
    };
}
/**
 * For a P12 key: the equivalent JSON key (in memory), its key id looked up in IAM by the public key, so that
 * Terraform and the runner, which read JSON keys only, can use it. The P12 key's own warning recommends a JSON
 * key or keyless authentication. undefined for every other kind of credentials (left to their own handling);
 * a P12 key without its email, unreadable, or unknown to IAM is a ConfigurationError.
 */
async function jsonKeyForP12(opts) {
    let credentials;
    try {
        credentials = (0,gcp_credentials/* loadCredentials */.NG)({ ...opts, inputName: opts.inputName });
    }
    catch (e) {
        if (e instanceof shared_errors/* ConfigurationError */.j1 && /P12/.test(`${e.code} ${e.message}`))
            throw e;
        return undefined;
    }
    if (credentials.kind !== 'service_account' || credentials.format !== 'p12')
        return undefined;
    const gcp = createGcp(opts);
    try {
        const c = gcp.credentials;
        await (0,iam/* resolveP12KeyId */.q)(gcp.iam, c);
        opts.log.warning(`The Google credentials are a P12 key (${c.clientEmail}, key ${c.privateKeyId.slice(0, 8)}…): converted to a JSON key in memory for the clients and Terraform. ` +
            'Prefer a JSON key, or keyless authentication (google-github-actions/auth with Workload Identity Federation).');
        return c.json;
    }
    finally {
        await gcp.close();
    }
}


/***/ }),

/***/ 34299:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fs: () => (/* binding */ publicKeyFingerprint),
/* harmony export */   Hc: () => (/* binding */ readPkcs12PrivateKey),
/* harmony export */   pK: () => (/* binding */ Pkcs12Error)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

/**
 * A minimal PKCS#12 (RFC 7292) reader for service-account P12 keys: enough to take the private key out of the
 * file Google issues (password `notasecret`). Node's crypto has no PKCS#12 parser and the project takes no new
 * dependency (google-auth-library dropped P12 with google-p12-pem; node-forge is not installed), so this walks the
 * DER itself:
 *
 *   PFX { version 3, authSafe ContentInfo(data), macData }      the MAC is checked first (wrong password -> error)
 *   authSafe = SEQUENCE OF ContentInfo                             `data` (plain) or `encryptedData`
 *   SafeContents = SEQUENCE OF SafeBag                             keyBag, pkcs8ShroudedKeyBag, certBag, ...
 *
 * The key is in a pkcs8ShroudedKeyBag: encrypted with pbeWithSHAAnd3-KeyTripleDES-CBC in Google's files and in
 * `openssl pkcs12 -export -legacy` (PKCS#12 key derivation, RFC 7292 appendix B, then DES-EDE3-CBC, both here), or
 * with PBES2 (PBKDF2 + AES) by OpenSSL 3's default (decrypted by Node, which reads PBES2 PKCS#8). The certificate
 * is not needed (the public key follows from the private key) and is not decrypted: Google encrypts it with
 * RC2-40, which OpenSSL 3 no longer offers. A key bag inside an encrypted SafeContents is read when that is 3DES;
 * RC2 there is refused, saying so.
 */
class Pkcs12Error extends Error {
}
const MAX_ITERATIONS = 1_000_000;
const OID = {
    data: '1.2.840.113549.1.7.1',
    encryptedData: '1.2.840.113549.1.7.6',
    keyBag: '1.2.840.113549.1.12.10.1.1',
    shroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
    pbeSha1TripleDes: '1.2.840.113549.1.12.1.3',
    pbeSha1Rc2_40: '1.2.840.113549.1.12.1.6',
    pbeSha1Rc2_128: '1.2.840.113549.1.12.1.5',
    pbes2: '1.2.840.113549.1.5.13',
    sha1: '1.3.14.3.2.26',
    sha256: '2.16.840.1.101.3.4.2.1',
};
/** Parses one BER element at `off` (definite or indefinite length); returns it and where the next begins. */
function parse(buf, off, depth = 0) {
    if (depth > 32)
        throw new Pkcs12Error('nested too deeply');
    if (off + 2 > buf.length)
        throw new Pkcs12Error('truncated');
    const tag = buf[off];
    const lenByte = buf[off + 1];
    let p = off + 2;
    const constructed = (tag & 0x20) !== 0;
    if (lenByte === 0x80) {
        if (!constructed)
            throw new Pkcs12Error('indefinite length on a primitive element');
        const children = [];
        while (!(buf[p] === 0 && buf[p + 1] === 0)) {
            const c = parse(buf, p, depth + 1);
            children.push(c.node);
            p = c.next;
            if (p + 2 > buf.length)
                throw new Pkcs12Error('truncated');
        }
        return { node: { tag, value: concat(children), children }, next: p + 2 };
    }
    let len = lenByte;
    if (lenByte & 0x80) {
        const n = lenByte & 0x7f;
        if (n > 4 || p + n > buf.length)
            throw new Pkcs12Error('bad length');
        len = 0;
        for (let i = 0; i < n; i++)
            len = len * 256 + buf[p + i];
        p += n;
    }
    const end = p + len;
    if (end > buf.length)
        throw new Pkcs12Error('truncated');
    const value = buf.subarray(p, end);
    if (!constructed)
        return { node: { tag, value }, next: end };
    const children = [];
    for (let q = p; q < end;) {
        const c = parse(buf, q, depth + 1);
        children.push(c.node);
        q = c.next;
    }
    // A constructed OCTET STRING (BER) is the concatenation of its parts.
    return { node: { tag, value: tag === 0x24 ? concat(children) : value, children }, next: end };
}
function concat(children) {
    return Buffer.concat(children.map((c) => c.value));
}
function der(buf) {
    return parse(buf, 0).node;
}
function kids(n, what) {
    if (!n?.children)
        throw new Pkcs12Error(`${what}: not a constructed element`);
    return n.children;
}
function oid(n) {
    if (!n || n.tag !== 0x06)
        throw new Pkcs12Error('expected an OBJECT IDENTIFIER');
    const b = n.value;
    const out = [];
    let v = 0;
    for (let i = 0; i < b.length; i++) {
        v = v * 128 + (b[i] & 0x7f);
        if (!(b[i] & 0x80)) {
            if (out.length === 0)
                out.push(v < 80 ? Math.floor(v / 40) : 2, v < 80 ? v % 40 : v - 80);
            else
                out.push(v);
            v = 0;
        }
    }
    return out.join('.');
}
function int(n) {
    if (!n || n.tag !== 0x02)
        throw new Pkcs12Error('expected an INTEGER');
    return n.value.reduce((a, b) => a * 256 + b, 0);
}
/** The octets of an OCTET STRING (primitive, or constructed as BER allows). */
function octets(n) {
    if (!n || (n.tag !== 0x04 && n.tag !== 0x24))
        throw new Pkcs12Error('expected an OCTET STRING');
    return n.value;
}
/** The password as PKCS#12 feeds it to its key derivation: BMPString, big-endian, two zero bytes at the end. */
function bmpPassword(password) {
    const out = Buffer.alloc((password.length + 1) * 2);
    for (let i = 0; i < password.length; i++)
        out.writeUInt16BE(password.charCodeAt(i), i * 2);
    return out;
}
/** RFC 7292 appendix B.2: derives `n` bytes of key (id 1), IV (id 2) or MAC key (id 3). */
function pkcs12Kdf(hash, password, salt, id, iterations, n) {
    // Google's files use 1-2048; a hostile file must not keep the CPU busy for hours.
    if (iterations < 1 || iterations > MAX_ITERATIONS)
        throw new Pkcs12Error(`${iterations} key-derivation iterations (at most ${MAX_ITERATIONS} are read)`);
    const u = hash === 'sha1' ? 20 : 32;
    const v = 64;
    const fill = (src) => {
        if (src.length === 0)
            return Buffer.alloc(0);
        const len = v * Math.ceil(src.length / v);
        const out = Buffer.alloc(len);
        for (let i = 0; i < len; i++)
            out[i] = src[i % src.length];
        return out;
    };
    const D = Buffer.alloc(v, id);
    let I = Buffer.concat([fill(salt), fill(password)]);
    const out = [];
    for (let got = 0; got < n; got += u) {
        let A = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)(hash).update(D).update(I).digest();
        for (let i = 1; i < iterations; i++)
            A = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)(hash).update(A).digest();
        out.push(A);
        const B = fill(A).subarray(0, v);
        const next = Buffer.alloc(I.length);
        for (let j = 0; j < I.length; j += v) {
            let carry = 1;
            for (let k = v - 1; k >= 0; k--) {
                const sum = I[j + k] + B[k] + carry;
                next[j + k] = sum & 0xff;
                carry = sum >> 8;
            }
        }
        I = next;
    }
    return Buffer.concat(out).subarray(0, n);
}
/** Checks the MAC over the authSafe content: a wrong password (or a damaged file) stops here. */
function verifyMac(macData, content, password) {
    const [digestInfo, saltNode, iterNode] = kids(macData, 'macData');
    const [alg, digest] = kids(digestInfo, 'mac');
    const hashOid = oid(kids(alg, 'mac algorithm')[0]);
    const hash = hashOid === OID.sha1 ? 'sha1' : hashOid === OID.sha256 ? 'sha256' : undefined;
    if (!hash)
        throw new Pkcs12Error(`MAC digest ${hashOid} is not supported`);
    const iterations = iterNode ? int(iterNode) : 1;
    const key = pkcs12Kdf(hash, password, octets(saltNode), 3, iterations, hash === 'sha1' ? 20 : 32);
    const mac = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHmac)(hash, key).update(content).digest();
    const expected = octets(digest);
    if (mac.length !== expected.length || !(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.timingSafeEqual)(mac, expected))
        throw new Pkcs12Error('the MAC does not match: wrong password, or the file is damaged');
}
/** Decrypts with a PKCS#12 PBE algorithm (3DES); RC2 is refused, naming it. */
function pbeDecrypt(alg, data, password) {
    const [algOid, params] = kids(alg, 'encryption algorithm');
    const o = oid(algOid);
    if (o === OID.pbeSha1Rc2_40 || o === OID.pbeSha1Rc2_128)
        throw new Pkcs12Error('the key is encrypted with RC2, which OpenSSL 3 (and so Node) no longer offers; re-export it with PBE-SHA1-3DES or AES-256-CBC');
    if (o !== OID.pbeSha1TripleDes)
        throw new Pkcs12Error(`encryption ${o} is not supported`);
    const [salt, iter] = kids(params, 'PBE parameters');
    const pw = bmpPassword(password);
    const iterations = int(iter);
    const key = pkcs12Kdf('sha1', pw, octets(salt), 1, iterations, 24);
    const iv = pkcs12Kdf('sha1', pw, octets(salt), 2, iterations, 8);
    const d = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createDecipheriv)('des-ede3-cbc', key, iv);
    try {
        return Buffer.concat([d.update(data), d.final()]);
    }
    catch {
        throw new Pkcs12Error('the key does not decrypt: wrong password, or the file is damaged');
    }
}
/** The private key of a (shrouded) key bag. */
function keyFromBag(bagId, value, raw, password) {
    if (bagId === OID.keyBag)
        return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createPrivateKey)({ key: raw, format: 'der', type: 'pkcs8' });
    const [alg, enc] = kids(value, 'EncryptedPrivateKeyInfo');
    const algOid = oid(kids(alg, 'algorithm')[0]);
    if (algOid === OID.pbes2)
        try {
            return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createPrivateKey)({ key: raw, format: 'der', type: 'pkcs8', passphrase: password });
        }
        catch {
            throw new Pkcs12Error('the key does not decrypt: wrong password, or the file is damaged');
        }
    const plain = pbeDecrypt(alg, octets(enc), password);
    try {
        return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createPrivateKey)({ key: plain, format: 'der', type: 'pkcs8' });
    }
    catch {
        throw new Pkcs12Error('the decrypted key is not a PKCS#8 private key');
    }
}
/** The key bags of a SafeContents (DER). */
function keysIn(safeContents, password) {
    const out = [];
    for (const bag of kids(der(safeContents), 'SafeContents')) {
        const [idNode, wrapped] = kids(bag, 'SafeBag');
        const id = oid(idNode);
        if (id !== OID.keyBag && id !== OID.shroudedKeyBag)
            continue;
        const inner = kids(wrapped, 'bagValue')[0];
        const raw = rawOf(inner);
        out.push(keyFromBag(id, inner, raw, password));
    }
    return out;
}
/** The DER bytes of a node (re-encoded: the key bag's value is handed on whole). */
function rawOf(n) {
    const len = n.value.length;
    const lenBytes = len < 0x80
        ? Buffer.from([len])
        : (() => {
            const b = [];
            for (let l = len; l > 0; l = Math.floor(l / 256))
                b.unshift(l & 0xff);
            return Buffer.from([0x80 | b.length, ...b]);
        })();
    const body = n.children ? Buffer.concat(n.children.map(rawOf)) : n.value;
    return Buffer.concat([Buffer.from([n.tag === 0x24 ? 0x04 : n.tag]), lenBytes, body]);
}
/**
 * The private key (PKCS#8 PEM) in a PKCS#12 file. Throws Pkcs12Error saying what is wrong (never key material).
 */
function readPkcs12PrivateKey(p12, password = 'notasecret') {
    let pfx;
    try {
        pfx = der(p12);
    }
    catch (e) {
        throw new Pkcs12Error(`not a PKCS#12 file (${e.message})`);
    }
    const [version, authSafe, macData] = kids(pfx, 'PFX');
    if (int(version) !== 3)
        throw new Pkcs12Error('not a PKCS#12 v3 file');
    const [ctype, wrapped] = kids(authSafe, 'authSafe');
    if (oid(ctype) !== OID.data)
        throw new Pkcs12Error('public-key integrity mode is not supported');
    const content = octets(kids(wrapped, 'authSafe content')[0]);
    if (macData)
        verifyMac(macData, content, bmpPassword(password));
    const keys = [];
    let rc2Skipped = false;
    for (const ci of kids(der(content), 'AuthenticatedSafe')) {
        const [t, w] = kids(ci, 'ContentInfo');
        const type = oid(t);
        if (type === OID.data)
            keys.push(...keysIn(octets(kids(w, 'data')[0]), password));
        else if (type === OID.encryptedData) {
            const [, eci] = kids(kids(w, 'encryptedData')[0], 'EncryptedData');
            const [, alg, enc] = kids(eci, 'EncryptedContentInfo');
            try {
                keys.push(...keysIn(pbeDecrypt(alg, enc.value, password), password));
            }
            catch (e) {
                // The certificates (RC2-40 in Google's files): not needed, the key is elsewhere.
                if (!(e instanceof Pkcs12Error) || !/RC2|not supported/.test(e.message))
                    throw e;
                rc2Skipped = true;
            }
        }
    }
    if (keys.length === 0)
        throw new Pkcs12Error(rc2Skipped
            ? 'no readable private key (the encrypted part uses RC2, which OpenSSL 3 no longer offers; re-export with -keypbe PBE-SHA1-3DES)'
            : 'no private key in the file');
    if (keys.length > 1)
        throw new Pkcs12Error(`${keys.length} private keys in the file; a service-account key has one`);
    const key = keys[0];
    if (key.asymmetricKeyType !== 'rsa')
        throw new Pkcs12Error(`the key is ${key.asymmetricKeyType}, not RSA`);
    return { pem: key.export({ type: 'pkcs8', format: 'pem' }).toString(), key };
}
/** SHA-256 of the DER SubjectPublicKeyInfo: what a certificate and a private key of the same pair share. */
function publicKeyFingerprint(key) {
    const pub = key.type === 'private' ? (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createPublicKey)(key) : key;
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256')
        .update(pub.export({ type: 'spki', format: 'der' }))
        .digest('hex');
}


/***/ }),

/***/ 11192:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ ResourceManager),
/* harmony export */   h: () => (/* binding */ hasRole)
/* harmony export */ });
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(42372);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(32635);


/** Cloud Resource Manager v1 (projects.getIamPolicy, testIamPermissions, getEffectiveOrgPolicy, get): all reads, retried as reads. */
class ResourceManager {
    rest;
    constructor(rest) {
        this.rest = rest;
    }
    async getProject(project) {
        return this.rest.get('resourceManager', `/v1/projects/${enc(project)}`);
    }
    async getIamPolicy(project) {
        const p = await this.rest.read('resourceManager', `/v1/projects/${enc(project)}:getIamPolicy`, {
            options: { requestedPolicyVersion: 3 },
        });
        return { version: p.version, etag: p.etag, bindings: p.bindings ?? [] };
    }
    /** The subset of `permissions` the caller holds on the project (100 per request, Google's limit). */
    async testIamPermissions(project, permissions) {
        const granted = [];
        const unique = [...new Set(permissions)];
        for (let i = 0; i < unique.length; i += 100) {
            const body = await this.rest.read('resourceManager', `/v1/projects/${enc(project)}:testIamPermissions`, {
                permissions: unique.slice(i, i + 100),
            });
            granted.push(...(body.permissions ?? []));
        }
        return granted;
    }
    /** `constraint` as `constraints/compute.vmExternalIpAccess` (the prefix is added when missing). A 403 is returned, not thrown. */
    async getEffectiveOrgPolicy(project, constraint) {
        const name = constraint.startsWith('constraints/') ? constraint : `constraints/${constraint}`;
        try {
            const p = await this.rest.read('resourceManager', `/v1/projects/${enc(project)}:getEffectiveOrgPolicy`, { constraint: name });
            return { status: 'ok', constraint: name, booleanPolicy: p.booleanPolicy, listPolicy: p.listPolicy };
        }
        catch (e) {
            if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RemoteError */ .Hi && e.status === 403 && !(0,_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .isThrottled */ .B5)(e))
                return { status: 'unreadable', constraint: name, message: e.message };
            throw e;
        }
    }
}
/** Whether `member` (e.g. `serviceAccount:x@p.iam.gserviceaccount.com`) holds `role` unconditionally in the policy. */
function hasRole(policy, role, member) {
    const m = member.toLowerCase();
    return policy.bindings.some((b) => b.role === role && !b.condition && b.members.some((x) => x.toLowerCase() === m));
}
function enc(s) {
    return encodeURIComponent(s);
}


/***/ }),

/***/ 19809:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Eu: () => (/* binding */ googleReason),
/* harmony export */   L4: () => (/* binding */ googleErrorMessage),
/* harmony export */   _w: () => (/* binding */ listAll),
/* harmony export */   c4: () => (/* binding */ isNotFound),
/* harmony export */   nq: () => (/* binding */ GcpRest),
/* harmony export */   r1: () => (/* binding */ googleErrorMetadata)
/* harmony export */ });
/* harmony import */ var _clock_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17128);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(32635);
/* harmony import */ var _logger_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(56640);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(42372);




/** Plain JSON REST against Google APIs: bearer token, retries, Google errors as RemoteError. */
class GcpRest {
    endpoints;
    tokenSource;
    opts;
    log;
    clock;
    constructor(endpoints, tokenSource, opts = {}) {
        this.endpoints = endpoints;
        this.tokenSource = tokenSource;
        this.opts = opts;
        this.log = opts.log ?? _logger_js__WEBPACK_IMPORTED_MODULE_2__/* .nullLogger */ .Gi;
        this.clock = opts.clock ?? _clock_js__WEBPACK_IMPORTED_MODULE_0__/* .realClock */ .d;
    }
    get(service, path, query) {
        return this.request('GET', service, path, undefined, query);
    }
    post(service, path, body, query) {
        return this.request('POST', service, path, body ?? {}, query);
    }
    /**
     * A POST Google documents as a read (`getIamPolicy`, `testIamPermissions`, `getEffectiveOrgPolicy`): it changes
     * nothing, so it is retried on every transient failure as a GET is.
     */
    read(service, path, body, query) {
        return this.request('POST', service, path, body ?? {}, query, true);
    }
    patch(service, path, body, query) {
        return this.request('PATCH', service, path, body ?? {}, query);
    }
    delete(service, path, query) {
        return this.request('DELETE', service, path, undefined, query);
    }
    /** The full URL of `path` on `service` (path starts with `/`). */
    url(service, path, query) {
        const base = this.endpoints[service];
        const u = new URL(base + (path.startsWith('/') ? path : `/${path}`));
        for (const [k, v] of Object.entries(query ?? {})) {
            if (v === undefined)
                continue;
            if (Array.isArray(v))
                for (const item of v)
                    u.searchParams.append(k, String(item));
            else
                u.searchParams.set(k, String(v));
        }
        return u.toString();
    }
    /**
     * One call (`repeatable`: a POST that is a read, or that the API makes safe to send twice). GETs and repeatable POSTs are retried on every transient failure (network, 408, 429, 5xx, a 403
     * rate limit); other methods only when the service refused them before doing anything: throttled (429, or 403
     * `rateLimitExceeded`) or 503. Retry-After is honoured within the retry budget.
     */
    async request(method, service, path, body, query, repeatable = false) {
        const url = this.url(service, path, query);
        const idempotent = method === 'GET' || repeatable;
        let refreshedAfter401 = false;
        return (0,_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .retry */ .L5)(async () => {
            const token = await this.tokenSource.getToken();
            let res;
            try {
                res = await fetch(url, {
                    method,
                    headers: {
                        authorization: `Bearer ${token}`,
                        accept: 'application/json',
                        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
                    },
                    body: body !== undefined ? JSON.stringify(body) : undefined,
                    signal: AbortSignal.timeout(this.opts.timeoutMs ?? 60_000),
                });
            }
            catch (e) {
                const cause = (0,_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .networkCause */ .u6)(e);
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RemoteError */ .Hi(service, 0, `Cannot reach ${service} at ${new URL(url).host} (${method} ${path}): ${cause}`);
            }
            let text;
            try {
                text = await res.text();
            }
            catch (e) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RemoteError */ .Hi(service, 0, `The connection to ${service} at ${new URL(url).host} dropped during the answer (${method} ${path}): ${(0,_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .networkCause */ .u6)(e)}`);
            }
            let json;
            if (text) {
                try {
                    json = JSON.parse(text);
                }
                catch {
                    json = undefined;
                }
            }
            if (res.ok) {
                if (text && json === undefined)
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RemoteError */ .Hi(service, res.status, `${service} ${method} ${path} answered ${res.status} with a body that is not JSON`, text);
                return (json ?? {});
            }
            if (res.status === 401 && !refreshedAfter401) {
                // An expired or revoked token: fetch a new one once.
                refreshedAfter401 = true;
                this.tokenSource.invalidate();
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RemoteError */ .Hi(service, 401, googleErrorMessage(res.status, json, text), json ?? text, 0);
            }
            const retryAfterMs = (0,_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .parseRetryAfter */ .mu)(res.headers.get('retry-after'), this.clock.now());
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RemoteError */ .Hi(service, res.status, googleErrorMessage(res.status, json, text), json ?? text, retryAfterMs);
        }, {
            clock: this.clock,
            random: this.opts.random,
            attempts: this.opts.attempts,
            retryable: (e) => {
                if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RemoteError */ .Hi && e.status === 401)
                    return refreshedAfter401 && e.retryAfterMs === 0;
                if (idempotent)
                    return (0,_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .isTransient */ .dg)(e);
                return (0,_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .isRefusedUnapplied */ .bh)(e);
            },
            onRetry: (e, attempt, delay) => this.log.debug(`${service} ${method} ${path}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(e)}; retry ${attempt} in ${delay} ms`),
        });
    }
}
/** `"<http status> <STATUS>: <message> (<reason>)"` from a Google error body. */
function googleErrorMessage(status, json, text = '') {
    const err = json?.error;
    if (err && typeof err === 'object') {
        const reason = reasonOf(err);
        const head = [String(status), err.status].filter(Boolean).join(' ');
        return `${head}: ${err.message ?? 'no message'}${reason ? ` (${reason})` : ''}`;
    }
    const snippet = text.trim().slice(0, 200);
    return `${status}: ${snippet || 'empty answer'}`;
}
function reasonOf(err) {
    const info = err.details?.find((d) => typeof d?.['@type'] === 'string' && d['@type'].endsWith('google.rpc.ErrorInfo') && d.reason);
    return info?.reason ?? err.errors?.find((e) => e?.reason)?.reason;
}
/** The machine-readable reason of a Google error (`SERVICE_DISABLED`, `notFound`, `IAM_PERMISSION_DENIED` ...), if any. */
function googleReason(e) {
    if (!(e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RemoteError */ .Hi))
        return undefined;
    const err = e.body?.error;
    return err && typeof err === 'object' ? reasonOf(err) : undefined;
}
/** ErrorInfo metadata of a Google error (e.g. `{service: 'compute.googleapis.com', consumer: 'projects/123'}` for SERVICE_DISABLED). */
function googleErrorMetadata(e) {
    if (!(e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RemoteError */ .Hi))
        return undefined;
    const err = e.body?.error;
    return err?.details?.find((d) => d?.['@type']?.endsWith('google.rpc.ErrorInfo'))?.metadata;
}
function isNotFound(e) {
    return e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RemoteError */ .Hi && e.status === 404;
}
/** Follows `nextPageToken` and concatenates `field` of every page. */
async function listAll(fetchPage, field, maxPages = 100) {
    const out = [];
    let token;
    for (let page = 0; page < maxPages; page++) {
        const body = await fetchPage(token);
        const items = body[field];
        if (Array.isArray(items))
            out.push(...items);
        token = typeof body.nextPageToken === 'string' && body.nextPageToken ? body.nextPageToken : undefined;
        if (!token)
            break;
    }
    return out;
}


/***/ }),

/***/ 91918:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P8: () => (/* binding */ signJwtAssertion),
/* harmony export */   Zl: () => (/* binding */ CLOUD_PLATFORM_SCOPE),
/* harmony export */   qJ: () => (/* binding */ createTokenSource),
/* harmony export */   to: () => (/* binding */ staticTokenSource),
/* harmony export */   w8: () => (/* binding */ withSharedTokens)
/* harmony export */ });
/* harmony import */ var node_async_hooks__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(16698);
/* harmony import */ var node_async_hooks__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_async_hooks__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _clock_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(17128);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(32635);
/* harmony import */ var _logger_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(56640);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(42372);







const CLOUD_PLATFORM_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';
const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange';
const ACCESS_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:access_token';
/** Tokens are renewed this long before they expire. */
const EXPIRY_MARGIN_MS = 5 * 60_000;
const REQUEST_TIMEOUT_MS = 30_000;
/** The token sources of one `withSharedTokens` run, by what they authenticate as (`sharingKey`). */
const sharedSources = new node_async_hooks__WEBPACK_IMPORTED_MODULE_0__.AsyncLocalStorage();
/**
 * Runs `fn` with one token source per credentials for everything it creates: the pipeline's phases, each its own
 * action with its own clients, then fetch one access token instead of one each (a round trip apiece, on a path
 * where every round trip is waited for). Outside such a run every createTokenSource has its own cache, as each
 * action's process has on GitHub. Google documents that a key's deletion does not revoke the tokens already
 * issued for it (https://cloud.google.com/iam/docs/keys-create-delete#deleting), so a token shared within a run is
 * as good as one fetched again.
 */
function withSharedTokens(fn) {
    return sharedSources.run(new Map(), fn);
}
/** What a token source authenticates as, and where it asks: never the secret itself, a digest of it. */
function sharingKey(c, tokenUrl) {
    const digest = (s) => (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.createHash)('sha256').update(s).digest('hex');
    const who = c.kind === 'service_account'
        ? [c.clientEmail, c.privateKeyId, digest(c.privateKey)]
        : c.kind === 'external_account'
            ? [c.file, c.audience, c.tokenUrl, c.serviceAccountImpersonationUrl ?? '']
            : [c.clientId, digest(c.refreshToken)];
    return JSON.stringify([c.kind, tokenUrl, ...who]);
}
/**
 * A TokenSource for the credentials `loadCredentials` returned; inside `withSharedTokens`, the one already made
 * for the same credentials.
 */
function createTokenSource(credentials, opts) {
    const shared = sharedSources.getStore();
    if (!shared)
        return newTokenSource(credentials, opts);
    const key = sharingKey(credentials, opts.endpoints.googleTokenUrl);
    let source = shared.get(key);
    if (!source)
        shared.set(key, (source = newTokenSource(credentials, opts)));
    return source;
}
function newTokenSource(credentials, opts) {
    const log = opts.log ?? _logger_js__WEBPACK_IMPORTED_MODULE_5__/* .nullLogger */ .Gi;
    const clock = opts.clock ?? _clock_js__WEBPACK_IMPORTED_MODULE_3__/* .realClock */ .d;
    const ctx = { tokenUrl: opts.endpoints.googleTokenUrl, log, clock, random: opts.random };
    switch (credentials.kind) {
        case 'service_account':
            return new CachingTokenSource(credentials.clientEmail, clock, log, serviceAccountFetcher(credentials, ctx));
        case 'external_account':
            return new CachingTokenSource(credentials.serviceAccountEmail ?? `workload identity (${credentials.audience})`, clock, log, externalAccountFetcher(credentials, ctx));
        case 'authorized_user':
            return new CachingTokenSource(`user credentials (client ${credentials.clientId})`, clock, log, authorizedUserFetcher(credentials, ctx));
    }
}
/** A TokenSource that always returns the same token (tools that already hold one; tests). */
function staticTokenSource(token, identity = 'static token') {
    return {
        getToken: async () => token,
        getAccessToken: async () => ({ token, expiresAtMs: Number.MAX_SAFE_INTEGER, expiresInMs: 3600_000 }),
        identity: () => identity,
        invalidate: () => { },
    };
}
class CachingTokenSource {
    who;
    clock;
    log;
    fetcher;
    cached;
    inflight;
    constructor(who, clock, log, fetcher) {
        this.who = who;
        this.clock = clock;
        this.log = log;
        this.fetcher = fetcher;
    }
    identity() {
        return this.who;
    }
    invalidate() {
        this.cached = undefined;
    }
    async getToken() {
        return (await this.getAccessToken()).token;
    }
    async getAccessToken() {
        const fresh = (t) => ({
            ...t,
            expiresInMs: t.expiresAtMs - this.clock.now(),
        });
        if (this.cached && this.cached.expiresAtMs - EXPIRY_MARGIN_MS > this.clock.now())
            return fresh(this.cached);
        if (!this.inflight) {
            this.inflight = (async () => {
                const start = this.clock.now();
                const { token, expiresInMs } = await this.fetcher();
                this.log.mask(token);
                this.log.mask(`Bearer ${token}`);
                this.cached = { token, expiresAtMs: start + expiresInMs };
                return fresh(this.cached);
            })().finally(() => {
                this.inflight = undefined;
            });
        }
        return this.inflight;
    }
}
// ---------------------------------------------------------------- service account (JWT bearer grant)
/** Builds the signed RS256 JWT assertion of the OAuth 2.0 JWT-bearer grant (RFC 7523) as Google expects it. */
function signJwtAssertion(c, key, audience, nowMs, scope = CLOUD_PLATFORM_SCOPE) {
    const iat = Math.floor(nowMs / 1000);
    // A P12 key's id is unknown until IAM was asked: Google's token endpoint takes an assertion without `kid`
    // (RFC 7515: kid is optional) and checks it against the account's keys.
    const header = c.privateKeyId
        ? { alg: 'RS256', typ: 'JWT', kid: c.privateKeyId }
        : { alg: 'RS256', typ: 'JWT' };
    const claims = { iss: c.clientEmail, scope, aud: audience, iat, exp: iat + 3600 };
    const unsigned = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
    const signature = (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.createSign)('RSA-SHA256').update(unsigned).sign(key);
    return `${unsigned}.${b64url(signature)}`;
}
function b64url(v) {
    return Buffer.from(v).toString('base64url');
}
function serviceAccountFetcher(c, ctx) {
    let key;
    return async () => {
        if (!key) {
            try {
                key = (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.createPrivateKey)({ key: c.privateKey, format: 'pem' });
            }
            catch {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigurationError */ .j1('AUTH_KEY_INVALID', `The private_key of the service-account key from ${c.source} (key id ${c.privateKeyId}) cannot be read as an RSA private key.`, 'The key is damaged (often by copying it by hand or re-encoding its newlines). Store the downloaded JSON file content unchanged, or create a new JSON key.');
            }
        }
        const k = key;
        const body = await tokenRequest(ctx, ctx.tokenUrl, 'Google OAuth token endpoint', c.clientEmail, 'oauth2', () => {
            // The signed assertion is a credential (a bearer of it gets a token until it expires): masked at once.
            const assertion = signJwtAssertion(c, k, ctx.tokenUrl, ctx.clock.now());
            ctx.log.mask(assertion);
            return { grant_type: JWT_BEARER, assertion };
        });
        return tokenFromBody(body, 'oauth2');
    };
}
// ---------------------------------------------------------------- authorized user (refresh token grant)
function authorizedUserFetcher(c, ctx) {
    return async () => {
        const body = await tokenRequest(ctx, ctx.tokenUrl, 'Google OAuth token endpoint', `user credentials from ${c.source}`, 'user', () => ({
            grant_type: 'refresh_token',
            client_id: c.clientId,
            client_secret: c.clientSecret,
            refresh_token: c.refreshToken,
        }));
        return tokenFromBody(body, 'oauth2');
    };
}
// ---------------------------------------------------------------- external account (workload identity federation)
function externalAccountFetcher(c, ctx) {
    return async () => {
        const subjectToken = await readSubjectToken(c, ctx);
        ctx.log.mask(subjectToken);
        const form = {
            grant_type: TOKEN_EXCHANGE,
            audience: c.audience,
            scope: CLOUD_PLATFORM_SCOPE,
            requested_token_type: ACCESS_TOKEN_TYPE,
            subject_token: subjectToken,
            subject_token_type: c.subjectTokenType,
        };
        if (c.workforcePoolUserProject)
            form.options = JSON.stringify({ userProject: c.workforcePoolUserProject });
        const sts = tokenFromBody(await tokenRequest(ctx, c.tokenUrl, 'Security Token Service', `workload identity ${c.audience}`, 'sts', () => form), 'sts');
        if (!c.serviceAccountImpersonationUrl)
            return sts;
        ctx.log.mask(sts.token);
        return impersonate(c, sts.token, ctx);
    };
}
async function readSubjectToken(c, ctx) {
    const src = c.credentialSource;
    let raw;
    const fix = 'Run google-github-actions/auth in the same job right before this step (its credential file and the OIDC request token expire with the job), and give the job `permissions: id-token: write`.';
    if (src.file) {
        try {
            raw = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readFile)(src.file, 'utf8');
        }
        catch (e) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigurationError */ .j1('AUTH_SUBJECT_TOKEN', `Cannot read the workload identity subject token file ${src.file}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(e)}.`, fix);
        }
    }
    else {
        const url = src.url;
        const res = await (0,_retry_js__WEBPACK_IMPORTED_MODULE_6__/* .retry */ .L5)(async () => {
            let r;
            try {
                r = await fetch(url, {
                    headers: src.headers ?? {},
                    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
                });
            }
            catch (e) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .RemoteError */ .Hi('oidc', 0, `Cannot reach the subject token URL ${redactUrl(url)}: ${causeOf(e)}`);
            }
            const text = await r.text();
            if (!r.ok)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .RemoteError */ .Hi('oidc', r.status, `The subject token URL ${redactUrl(url)} answered ${r.status}`, undefined, (0,_retry_js__WEBPACK_IMPORTED_MODULE_6__/* .parseRetryAfter */ .mu)(r.headers.get('retry-after'), ctx.clock.now()));
            return text;
        }, { clock: ctx.clock, random: ctx.random, attempts: 3 }).catch((e) => {
            if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .RemoteError */ .Hi && e.status >= 400 && e.status < 500)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigurationError */ .j1('AUTH_SUBJECT_TOKEN', e.message + '.', fix);
            throw e;
        });
        raw = res;
    }
    if (src.format?.type === 'json') {
        const field = src.format.subjectTokenFieldName;
        let value;
        try {
            value = JSON.parse(raw)[field];
        }
        catch {
            value = undefined;
        }
        if (typeof value !== 'string' || !value) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigurationError */ .j1('AUTH_SUBJECT_TOKEN', `The workload identity subject token source returned no "${field}" field.`, fix);
        }
        return value;
    }
    const token = raw.trim();
    if (!token)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigurationError */ .j1('AUTH_SUBJECT_TOKEN', 'The workload identity subject token source is empty.', fix);
    return token;
}
async function impersonate(c, stsToken, ctx) {
    const url = c.serviceAccountImpersonationUrl;
    const who = c.serviceAccountEmail ?? 'the service account';
    const body = await (0,_retry_js__WEBPACK_IMPORTED_MODULE_6__/* .retry */ .L5)(async () => {
        let r;
        try {
            r = await fetch(url, {
                method: 'POST',
                headers: { authorization: `Bearer ${stsToken}`, 'content-type': 'application/json' },
                body: JSON.stringify({ scope: [CLOUD_PLATFORM_SCOPE], lifetime: '3600s' }),
                signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
            });
        }
        catch (e) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .RemoteError */ .Hi('iamcredentials', 0, `Cannot reach ${hostOf(url)}: ${causeOf(e)}`);
        }
        const json = (await r.json().catch(() => undefined));
        if (r.ok)
            return json ?? {};
        const err = (json?.error ?? {});
        const msg = `${r.status} ${err.status ?? ''}: ${err.message ?? 'no message'}`.replace(' :', ':');
        if (r.status === 401 || r.status === 403 || r.status === 404) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigurationError */ .j1('AUTH_IMPERSONATION_DENIED', `The workload identity could not act as ${who}: ${msg}.`, `Grant the workload identity pool principal roles/iam.workloadIdentityUser on ${who} (and check the service_account input of google-github-actions/auth names an existing account).`);
        }
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .RemoteError */ .Hi('iamcredentials', r.status, msg, json, (0,_retry_js__WEBPACK_IMPORTED_MODULE_6__/* .parseRetryAfter */ .mu)(r.headers.get('retry-after'), ctx.clock.now()));
    }, { clock: ctx.clock, random: ctx.random, attempts: 4 });
    const token = body.accessToken;
    if (typeof token !== 'string' || !token)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .RemoteError */ .Hi('iamcredentials', 200, 'generateAccessToken returned no accessToken', undefined);
    const expire = typeof body.expireTime === 'string' ? Date.parse(body.expireTime) : NaN;
    // expireTime is wall-clock; translate it into a lifetime.
    const expiresInMs = Number.isNaN(expire) ? 3600_000 : Math.max(60_000, expire - Date.now());
    return { token, expiresInMs };
}
// ---------------------------------------------------------------- shared token endpoint handling
const REJECTION_CAUSES = {
    oauth2: 'Likely causes: the key was deleted or disabled (IAM & Admin -> Service Accounts -> Keys), the service account was deleted or disabled, ' +
        'the key belongs to another project than the one configured, or this machine\'s clock is off by more than a few minutes (the JWT "iat"/"exp" are then rejected). ' +
        'Create a new JSON key if the key is gone, enable the account, or fix the clock (NTP).',
    sts: "Likely causes: the workload identity provider's attribute condition rejects this repository or branch, the audience does not match the provider, " +
        "or the provider or pool is disabled or deleted. Check the workload_identity_provider input of google-github-actions/auth and the provider's attribute condition.",
    user: 'The refresh token was revoked or has expired: run `gcloud auth application-default login` again, or use a service-account JSON key.',
};
async function tokenRequest(ctx, url, what, who, kind, form) {
    return (0,_retry_js__WEBPACK_IMPORTED_MODULE_6__/* .retry */ .L5)(async () => {
        let r;
        try {
            r = await fetch(url, {
                method: 'POST',
                headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
                body: new URLSearchParams(form()).toString(),
                signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
            });
        }
        catch (e) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .RemoteError */ .Hi('oauth2', 0, `Cannot reach the ${what} at ${hostOf(url)}: ${causeOf(e)}`);
        }
        const text = await r.text();
        let json;
        try {
            json = JSON.parse(text);
        }
        catch {
            json = undefined;
        }
        if (r.ok && json)
            return json;
        const error = typeof json?.error === 'string'
            ? json.error
            : json?.error?.status;
        const description = typeof json?.error_description === 'string'
            ? json.error_description
            : (json?.error?.message ??
                (text.length < 300 ? text : `${text.length} bytes`));
        if (r.status >= 400 && r.status < 500 && r.status !== 408 && r.status !== 429) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigurationError */ .j1('AUTH_TOKEN_REJECTED', `The ${what} refused a token for ${who}: ${error ?? r.status}: ${description}`, REJECTION_CAUSES[kind]);
        }
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .RemoteError */ .Hi('oauth2', r.status, `The ${what} answered ${r.status}${error ? `: ${error}` : ''}${description ? ` (${description})` : ''}`, json, (0,_retry_js__WEBPACK_IMPORTED_MODULE_6__/* .parseRetryAfter */ .mu)(r.headers.get('retry-after'), ctx.clock.now()));
    }, {
        clock: ctx.clock,
        random: ctx.random,
        attempts: 4,
        retryable: _retry_js__WEBPACK_IMPORTED_MODULE_6__/* .isTransient */ .dg,
        onRetry: (e, n, delay) => ctx.log.debug(`${what}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(e)}; retry ${n} in ${delay} ms`),
    });
}
function tokenFromBody(body, service) {
    const token = body.access_token;
    if (typeof token !== 'string' || !token)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .RemoteError */ .Hi(service, 200, 'The token endpoint answered without an access_token', undefined);
    const expiresIn = typeof body.expires_in === 'number' ? body.expires_in : Number(body.expires_in ?? 3600);
    return { token, expiresInMs: (Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : 3600) * 1000 };
}
function hostOf(url) {
    try {
        return new URL(url).host;
    }
    catch {
        return '(invalid URL)';
    }
}
/** The URL without its query (GitHub's OIDC URL carries a token-like query). */
function redactUrl(url) {
    try {
        const u = new URL(url);
        return `${u.protocol}//${u.host}${u.pathname}`;
    }
    catch {
        return '(invalid URL)';
    }
}
function causeOf(e) {
    const err = e;
    if (err?.name === 'TimeoutError')
        return 'timed out';
    return err?.cause?.code ?? err?.cause?.message ?? (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(e);
}


/***/ })

};
