export const id = 2072;
export const ids = [2072];
export const modules = {

/***/ 90262:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   In: () => (/* binding */ readHarnessApiKey),
/* harmony export */   Sd: () => (/* binding */ missingHarnessApiKey),
/* harmony export */   aU: () => (/* binding */ HarnessClient),
/* harmony export */   ed: () => (/* binding */ harnessClientFromConfig),
/* harmony export */   pj: () => (/* binding */ harnessBaseUrl)
/* harmony export */ });
/* unused harmony export retryableFor */
/* harmony import */ var _clock_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17128);
/* harmony import */ var _endpoints_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(57416);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(32635);
/* harmony import */ var _logger_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(56640);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(42372);





/** Where the Harness API is: the endpoint override (GITSPACES_HARNESS_URL) wins over the config's harness.api_url. */
function harnessBaseUrl(config, env = process.env) {
    return ((0,_endpoints_js__WEBPACK_IMPORTED_MODULE_1__/* .endpointsFromEnv */ .k3)(env).harness ?? config.harness.api_url).replace(/\/+$/, '');
}
function isConnectionRefused(e) {
    const err = e;
    if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .RemoteError */ .Hi)
        return e.status === 0 && /\bECONNREFUSED\b/.test(e.message);
    return err?.code === 'ECONNREFUSED' || err?.cause?.code === 'ECONNREFUSED';
}
/**
 * Retry policy: reads and idempotent writes (GET/PUT/DELETE) retry every transient failure; a POST retries
 * only when it certainly was not applied: throttled (429: Harness's rate limiter answers before the request
 * reaches the service, https://developer.harness.io/docs/platform/rate-limits/) or a refused connection. A 5xx
 * or dropped POST may have been applied, so the error goes to the caller, who reconciles (reads back by
 * identifier or name, then decides): see each caller.
 */
function retryableFor(method) {
    if (method === 'POST' || method === 'PATCH')
        return (e) => (0,_retry_js__WEBPACK_IMPORTED_MODULE_4__/* .isThrottled */ .B5)(e) || isConnectionRefused(e);
    return (e) => (0,_retry_js__WEBPACK_IMPORTED_MODULE_4__/* .isTransient */ .dg)(e);
}
/** Client of the Harness CDE API (/gateway/cde/api/v1) and the NG platform API (/ng/api) for what the bundle needs. */
class HarnessClient {
    baseUrl;
    accountId;
    apiKey;
    log;
    clock;
    retryOpts;
    fetchImpl;
    timeoutMs;
    constructor(opts) {
        this.baseUrl = opts.baseUrl.replace(/\/+$/, '');
        this.apiKey = opts.apiKey;
        this.accountId = opts.accountId;
        this.log = opts.log ?? _logger_js__WEBPACK_IMPORTED_MODULE_3__/* .nullLogger */ .Gi;
        this.clock = opts.clock ?? _clock_js__WEBPACK_IMPORTED_MODULE_0__/* .realClock */ .d;
        this.retryOpts = opts.retry ?? {};
        this.fetchImpl = opts.fetch ?? fetch;
        this.timeoutMs = opts.timeoutMs ?? 60_000;
        this.log.mask(opts.apiKey);
    }
    get cde() {
        return `${this.baseUrl}/gateway/cde/api/v1`;
    }
    get ng() {
        return `${this.baseUrl}/ng/api`;
    }
    acc() {
        return `${this.cde}/accounts/${encodeURIComponent(this.accountId)}`;
    }
    infra(id) {
        return `${this.acc()}/infraproviders/${encodeURIComponent(id)}`;
    }
    gitspaces(org, project) {
        return `${this.acc()}/orgs/${encodeURIComponent(org)}/projects/${encodeURIComponent(project)}/gitspaces`;
    }
    /** One call with retries; returns undefined for a 404 when `allow404`. */
    async request(method, url, opts = {}) {
        const u = new URL(url);
        for (const [k, v] of Object.entries(opts.query ?? {}))
            if (v !== undefined)
                u.searchParams.set(k, String(v));
        u.searchParams.set('routingId', this.accountId);
        const where = `${method} ${u.pathname}`;
        return (0,_retry_js__WEBPACK_IMPORTED_MODULE_4__/* .retry */ .L5)(async () => {
            const headers = { 'x-api-key': this.apiKey, accept: 'application/json' };
            let payload;
            if (opts.body !== undefined) {
                headers['content-type'] = 'application/json';
                payload = JSON.stringify(opts.body);
            }
            let res;
            let text;
            try {
                res = await this.fetchImpl(u, {
                    method,
                    headers,
                    body: payload,
                    signal: AbortSignal.timeout(this.timeoutMs),
                });
                text = await res.text();
            }
            catch (e) {
                // A network failure (refused, reset, dropped, timed out) is a transient remote error naming the host.
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .RemoteError */ .Hi('harness', 0, `Cannot reach Harness at ${u.host} (${where}): ${(0,_retry_js__WEBPACK_IMPORTED_MODULE_4__/* .networkCause */ .u6)(e)}`);
            }
            let parsed = undefined;
            if (text) {
                try {
                    parsed = JSON.parse(text);
                }
                catch {
                    parsed = text;
                }
            }
            if (res.status === 404 && opts.allow404)
                return undefined;
            if (!res.ok) {
                const body = parsed;
                const msg = typeof body === 'object' && body?.message
                    ? body.message
                    : typeof body === 'string' && body
                        ? body.slice(0, 300)
                        : res.statusText;
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .RemoteError */ .Hi('harness', res.status, `Harness API ${where} answered ${res.status}: ${msg}`, parsed, (0,_retry_js__WEBPACK_IMPORTED_MODULE_4__/* .parseRetryAfter */ .mu)(res.headers.get('retry-after'), this.clock.now()));
            }
            return parsed;
        }, {
            ...this.retryOpts,
            clock: this.clock,
            retryable: retryableFor(method),
            onRetry: (e, attempt, delay) => this.log.debug(`Harness API ${where}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(e)}; retry ${attempt} in ${delay} ms`),
        });
    }
    async must(method, url, opts = {}) {
        return (await this.request(method, url, opts));
    }
    // ---- infra providers ----
    async listInfraProviders() {
        return ((await this.must('GET', `${this.acc()}/infraproviders`, {
            query: { acl_filter: 'false' },
        })) ?? []);
    }
    /** The infra provider with setup_yaml and resources, or undefined when it does not exist. */
    getInfraProvider(id) {
        return this.request('GET', this.infra(id), {
            query: { acl_filter: 'false' },
            allow404: true,
        });
    }
    createInfraProvider(body) {
        return this.must('POST', `${this.acc()}/infraproviders`, { body });
    }
    updateInfraProvider(id, body) {
        return this.must('PUT', this.infra(id), { body });
    }
    /** DELETE on the real path (the swagger's extra `{delete_bug}` segment is an artefact of the generated UI client). */
    async deleteInfraProvider(id) {
        await this.request('DELETE', this.infra(id));
    }
    async listGateways(infraId) {
        return ((await this.must('GET', `${this.infra(infraId)}/gateways`, {
            query: { is_latest: 'true' },
        })) ?? []);
    }
    async listResources(infraId) {
        return ((await this.must('GET', `${this.infra(infraId)}/resources`, {
            query: { acl_filter: 'false' },
        })) ?? []);
    }
    /** Creates machines: the body is a JSON array (the swagger declares none); metadata values are sent as strings. */
    async createResources(infraId, resources) {
        const body = resources.map((r) => ({
            ...r,
            metadata: Object.fromEntries(Object.entries(r.metadata ?? {}).map(([k, v]) => [k, String(v)])),
        }));
        return ((await this.must('POST', `${this.infra(infraId)}/resources`, {
            body,
        })) ?? []);
    }
    async deleteResource(infraId, resId) {
        await this.request('DELETE', `${this.infra(infraId)}/resources/${encodeURIComponent(resId)}`);
    }
    // ---- gitspaces ----
    /** Every gitspace of the project: pages of 100 until a short page. */
    async listGitspaces(org, project) {
        const limit = 100;
        const out = [];
        for (let page = 1;; page++) {
            const batch = (await this.must('GET', this.gitspaces(org, project), {
                query: { page, limit },
            })) ?? [];
            out.push(...batch);
            if (batch.length < limit)
                return out;
        }
    }
    getGitspace(org, project, id) {
        return this.request('GET', `${this.gitspaces(org, project)}/${encodeURIComponent(id)}`, { allow404: true });
    }
    /** Creates a gitspace config; the server lower-cases the identifier and appends a suffix: use the response's. */
    createGitspace(org, project, body) {
        return this.must('POST', this.gitspaces(org, project), { body });
    }
    gitspaceAction(org, project, id, action) {
        return this.must('POST', `${this.gitspaces(org, project)}/${encodeURIComponent(id)}/actions`, {
            body: { action },
        });
    }
    async deleteGitspace(org, project, id) {
        await this.request('DELETE', `${this.gitspaces(org, project)}/${encodeURIComponent(id)}`);
    }
    async gitspaceEvents(org, project, id) {
        return ((await this.must('GET', `${this.gitspaces(org, project)}/${encodeURIComponent(id)}/events`)) ?? []);
    }
    // ---- NG platform ----
    ngQuery(extra = {}) {
        return { accountIdentifier: this.accountId, ...extra };
    }
    /** Whether the organization exists: true/false, undefined when the key may not read it (403). */
    async getOrganization(org) {
        return this.exists(`${this.ng}/organizations/${encodeURIComponent(org)}`, this.ngQuery());
    }
    /** Whether the project exists in the organization: true/false, undefined when the key may not read it (403). */
    async getProject(org, project) {
        return this.exists(`${this.ng}/projects/${encodeURIComponent(project)}`, this.ngQuery({ orgIdentifier: org }));
    }
    async exists(url, query) {
        try {
            return (await this.request('GET', url, { query, allow404: true })) !== undefined;
        }
        catch (e) {
            if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .RemoteError */ .Hi && e.status === 403)
                return undefined;
            throw e;
        }
    }
    /**
     * Account-level delegate tokens, of one name or all. Harness includes each token's value for a key allowed to
     * edit delegates (harness-go-sdk DelegateTokenDetails.value; ng-manager DelegateTokenNgResource checks
     * core_delegate_edit): every value is masked the moment it is read.
     */
    async listDelegateTokens(name) {
        const r = await this.must('GET', `${this.ng}/delegate-token-ng`, { query: this.ngQuery({ name }) });
        const tokens = r?.resource ?? [];
        for (const t of tokens)
            if (t.value)
                this.log.mask(t.value);
        return tokens;
    }
    /**
     * The token of this exact name, with its value when Harness returns it (a key with delegate edit permission,
     * which creating a token needs too), or undefined when there is none. terraform-provider-harness reads a
     * token's value back the same way (GET delegate-token-ng?name=).
     */
    async getDelegateToken(name) {
        return (await this.listDelegateTokens(name)).find((t) => t.name === name);
    }
    /** Creates an account-level delegate token; its value is masked before anything else happens. */
    async createDelegateToken(name) {
        const r = await this.must('POST', `${this.ng}/delegate-token-ng`, {
            query: this.ngQuery({ tokenName: name }),
        });
        if (r?.resource?.value)
            this.log.mask(r.resource.value);
        return r.resource;
    }
    async revokeDelegateToken(name) {
        const r = await this.must('PUT', `${this.ng}/delegate-token-ng`, {
            query: this.ngQuery({ tokenName: name }),
        });
        return r.resource;
    }
    /** The delegate groups that connected with this token, and whether each is connected now. */
    async delegateGroupsForToken(tokenName) {
        const r = await this.must('GET', `${this.ng}/delegate-token-ng/delegate-groups`, {
            query: this.ngQuery({ delegateTokenName: tokenName }),
        });
        return (r?.resource?.delegateGroupDetails ?? []).map((g) => ({
            groupName: g.groupName,
            activelyConnected: g.activelyConnected === true,
            connectivityStatus: g.connectivityStatus ?? 'unknown',
            lastHeartBeat: g.lastHeartBeat ?? 0,
            tags: [...new Set([...(g.groupCustomSelectors ?? []), ...Object.keys(g.groupImplicitSelectors ?? {})])],
        }));
    }
}
/**
 * A client for the configured account, at the endpoint the environment names (GITSPACES_HARNESS_URL) or the
 * config's harness.api_url. The key is masked at once.
 */
function harnessClientFromConfig(config, opts) {
    opts.log?.mask(opts.apiKey);
    return new HarnessClient({
        baseUrl: harnessBaseUrl(config, opts.env),
        apiKey: opts.apiKey,
        accountId: config.harness.account_id,
        log: opts.log,
        clock: opts.clock,
        retry: opts.retry,
    });
}
/** The Harness API key: the `harness-api-key` input, else HARNESS_API_KEY (the CLI), masked the moment it is read. */
function readHarnessApiKey(io) {
    const key = io.inputs.secret('harness-api-key') || io.env.HARNESS_API_KEY || '';
    if (key)
        io.log.mask(key);
    return key;
}
/** A ConfigurationError for a missing key, with what the key must be allowed to do. */
function missingHarnessApiKey(needs = '') {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1('INPUT_MISSING', 'No Harness API key', `Set the \`harness-api-key\` input (from a secret) or HARNESS_API_KEY${needs ? `; the key needs ${needs}` : ''}.`);
}


/***/ }),

/***/ 94711:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EO: () => (/* binding */ DELEGATE_CONTAINER),
/* harmony export */   Hh: () => (/* binding */ bootstrapHashes),
/* harmony export */   L3: () => (/* binding */ METADATA_KEYS),
/* harmony export */   LM: () => (/* binding */ RUNNER_CONTAINER),
/* harmony export */   M4: () => (/* binding */ PROGRESS_KEY),
/* harmony export */   Nh: () => (/* binding */ GUEST_NAMESPACE),
/* harmony export */   Pe: () => (/* binding */ RUNNER_KEY_PATH),
/* harmony export */   Px: () => (/* binding */ SERIAL_MARKERS),
/* harmony export */   R1: () => (/* binding */ KEY_FILE_NAME),
/* harmony export */   Rj: () => (/* binding */ fingerprint),
/* harmony export */   SG: () => (/* binding */ SECRET_METADATA_KEYS),
/* harmony export */   ZK: () => (/* binding */ BOOTSTRAP_STEPS),
/* harmony export */   qh: () => (/* binding */ renderBootstrapScript)
/* harmony export */ });
/* unused harmony exports GUEST_WRITE_LIMITS, RUNNER_HOST, HASH_LABEL, BOOTSTRAP_VERSION, shQuote, delegateEnv */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

/**
 * The runner VM's startup script (docs/domain.md#the-runner-vm-and-the-delegate): Docker, /runner/pool.yaml + the key, the `harness` network,
 * the drone-runner-aws container and the Docker delegate, each step reported through guest attributes.
 *
 * The script holds no secret. The key, the pool file and the delegate token are read from instance
 * metadata when it runs; install-runner deletes those metadata keys once the VM reports them consumed.
 * It is idempotent: a container already running with the same configuration (a hash label) is left
 * alone, so re-running the script, or a reboot, starts nothing new.
 */
/** Instance metadata keys the script reads. Only the startup script and the run id stay after install. */
const METADATA_KEYS = {
    startupScript: 'startup-script',
    serviceAccountKey: 'gitspaces-sa-key',
    poolYaml: 'gitspaces-pool-yaml',
    delegateToken: 'gitspaces-delegate-token',
    runId: 'gitspaces-run-id',
    /** GCE serves guest attributes only when this is TRUE (instance or project metadata). */
    enableGuestAttributes: 'enable-guest-attributes',
};
/** The keys that carry secrets and must not stay in metadata. */
const SECRET_METADATA_KEYS = [METADATA_KEYS.serviceAccountKey, METADATA_KEYS.delegateToken];
/** Guest-attribute namespace the script reports into. */
const GUEST_NAMESPACE = 'gitspaces';
/**
 * The one guest attribute the script reports into (`gitspaces/progress`): every step's state as `key=value` lines,
 * rewritten whole at each write, so a skipped or dropped write loses nothing the next one does not carry.
 * Compute allows a VM 10 guest-attribute writes a minute with bursts of 3 a second and may drop writes beyond
 * that (docs/sandbox.md, "Guest attributes"); one attribute per step (about 20 writes a run) broke that limit.
 */
const PROGRESS_KEY = 'progress';
/** GCE's guest-attribute write limits (per VM): the script paces its writes within them. */
const GUEST_WRITE_LIMITS = { perMinute: 10, perSecond: 3 };
/** The serial console lines the script ends with (GCE copies startup-script output to serial port 1). */
const SERIAL_MARKERS = {
    failed: 'gitspaces-bootstrap: FAILED',
    done: 'gitspaces-bootstrap: DONE',
};
/** The name the delegate reaches the runner by (RUNNER_URL), a network alias on the `harness` network. */
const RUNNER_HOST = 'vm-runner';
/** The steps, in order, each reported as `ok[:detail]` or `failed:<reason>`. */
const BOOTSTRAP_STEPS = ['docker', 'files', 'network', 'runner', 'delegate', 'runner-health'];
const RUNNER_CONTAINER = 'gitspaces-runner';
const DELEGATE_CONTAINER = 'gitspaces-delegate';
const KEY_FILE_NAME = 'gitspaces-sa-key.json';
const RUNNER_KEY_PATH = `/runner/${KEY_FILE_NAME}`;
const HASH_LABEL = 'gitspaces.config-hash';
/** Bumped whenever the script's behaviour changes, so an old install is redone. */
const BOOTSTRAP_VERSION = '2';
const sha = (parts) => (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(parts.join('\u0000')).digest('hex');
/** A one-way fingerprint of a secret: safe to embed and compare, useless to recover it. */
function fingerprint(secret) {
    return sha(['gitspaces-fingerprint', secret]).slice(0, 16);
}
function bootstrapHashes(s) {
    const runner = sha(['runner', s.runnerImage, normalisePoolForHash(s.poolYaml), s.keyFingerprint]).slice(0, 16);
    const d = s.delegate;
    const delegate = sha([
        'delegate',
        d.name,
        d.image,
        d.tags.join(','),
        d.accountId,
        d.managerUrl,
        s.tokenFingerprint,
    ]).slice(0, 16);
    const config = sha(['config', BOOTSTRAP_VERSION, runner, delegate]).slice(0, 16);
    return { runner, delegate, config };
}
/** The module stamps `timestamp:` on every apply; it must not make an unchanged pool look changed. */
function normalisePoolForHash(text) {
    return text
        .split(/\r?\n/)
        .filter((l) => !/^timestamp:/.test(l))
        .join('\n')
        .trim();
}
/** Single-quotes a value for POSIX sh. */
function shQuote(value) {
    return `'${value.replace(/'/g, `'\\''`)}'`;
}
/** The delegate's environment apart from the token (which goes through a 0600 env file). */
function delegateEnv(d) {
    return {
        DELEGATE_NAME: d.name,
        NEXT_GEN: 'true',
        DELEGATE_TYPE: 'DOCKER',
        DEPLOY_MODE: 'KUBERNETES_ONPREM',
        ACCOUNT_ID: d.accountId,
        DELEGATE_TAGS: d.tags.join(','),
        RUNNER_URL: `http://${RUNNER_HOST}:3000/`,
        MANAGER_HOST_AND_PORT: d.managerUrl,
    };
}
/**
 * The script, section by section. Each section is shell text ending in a blank line; the script reports each
 * step through `report` (guest attributes) and stops at the first `fail`.
 */
function renderBootstrapScript(s) {
    return [
        scriptHeader(s),
        shellHelpers(),
        startRun(),
        dockerStep(),
        filesStep(),
        networkStep(),
        containerSteps(s),
        healthStep(),
    ].join('');
}
/** Shebang, what the script is, its settings and the hashes that say what it installs. */
function scriptHeader(s) {
    const h = bootstrapHashes(s);
    return `#!/bin/bash
# Harness Gitspaces runner VM bootstrap, generated by gitspaces install-runner (bootstrap v${BOOTSTRAP_VERSION}).
# Idempotent: safe to run again and on every boot. Holds no secrets: the service-account key, the pool
# file and the delegate token are read from instance metadata when it runs.
# Progress: guest attribute ${GUEST_NAMESPACE}/${PROGRESS_KEY}, lines <step>=ok[:detail] | failed:<reason>, written at most
# ${GUEST_WRITE_LIMITS.perMinute} times a minute and ${GUEST_WRITE_LIMITS.perSecond} a second (GCE's limits); the serial console gets every line.
set -u
umask 077

ROOT="\${GITSPACES_ROOT:-}"
METADATA_BASE="\${METADATA_BASE:-http://metadata.google.internal}"
RUNNER_DIR="$ROOT/runner"
STATE_DIR="$ROOT/var/lib/gitspaces"
ENV_FILE="$STATE_DIR/delegate.env"
POLL_INTERVAL="\${GITSPACES_POLL_INTERVAL:-2}"
HEALTH_ATTEMPTS="\${GITSPACES_HEALTH_ATTEMPTS:-90}"
PROGRESS="$STATE_DIR/progress"
GA_PER_MINUTE=${GUEST_WRITE_LIMITS.perMinute}
GA_PER_SECOND=${GUEST_WRITE_LIMITS.perSecond}
RUN_ID=none
DIRTY=0
WRITES=""

RUNNER_IMAGE=${shQuote(s.runnerImage)}
RUNNER_HASH=${shQuote(h.runner)}
DELEGATE_IMAGE=${shQuote(s.delegate.image)}
DELEGATE_HASH=${shQuote(h.delegate)}
CONFIG_HASH=${shQuote(h.config)}
KEY_FILE=${shQuote(KEY_FILE_NAME)}

`;
}
/** log, metadata reads, progress reports, failure, and starting a container only when its hash changed. */
function shellHelpers() {
    return `log() { echo "gitspaces-bootstrap: $*"; }

md_url() { printf '%s/computeMetadata/v1/instance/%s' "$METADATA_BASE" "$1"; }

# Prints a metadata attribute; fails when it is absent.
metadata_get() { curl -sf --retry 3 --retry-delay 1 -H 'Metadata-Flavor: Google' "$(md_url "attributes/$1")"; }

now_ms() {
  t="$(date +%s%3N 2>/dev/null)"
  case "$t" in '' | *[!0-9]*) t="$(($(date +%s) * 1000))" ;; esac
  echo "$t"
}

# How many progress writes this run made in the last $1 milliseconds.
recent_writes() {
  now="$(now_ms)"; n=0
  for t in $WRITES; do [ $((now - t)) -lt "$1" ] && n=$((n + 1)); done
  echo "$n"
}

# flush [final]: sends the whole progress as one guest attribute, within GCE's write limits. A progress write
# is skipped (the next one carries it) unless it leaves room for one more; the final write waits for room.
flush() {
  [ "$DIRTY" = 1 ] || return 0
  if [ "\${1:-}" = final ]; then
    while [ "$(recent_writes 61000)" -ge "$GA_PER_MINUTE" ] || [ "$(recent_writes 1100)" -ge "$GA_PER_SECOND" ]; do sleep 1; done
  elif [ "$(recent_writes 61000)" -ge $((GA_PER_MINUTE - 1)) ] || [ "$(recent_writes 1100)" -ge $((GA_PER_SECOND - 1)) ]; then
    return 0
  fi
  WRITES="$WRITES $(now_ms)"
  DIRTY=0
  curl -sf --retry 3 --retry-delay 1 -X PUT -H 'Metadata-Flavor: Google' --data-binary "$(cat "$PROGRESS")" "$(md_url "guest-attributes/${GUEST_NAMESPACE}/${PROGRESS_KEY}")" >/dev/null 2>&1 || log "could not report progress"
}

# set_progress KEY VALUE: records a step's state in the progress file (sent by the next flush).
set_progress() {
  { grep -v "^$1=" "$PROGRESS" 2>/dev/null; printf '%s=%s\\n' "$1" "$2"; } >"$PROGRESS.tmp"
  mv -f "$PROGRESS.tmp" "$PROGRESS"
  DIRTY=1
}

report() {
  log "$1 = $2"
  set_progress "$1" "$2"
  flush
}

fail() {
  log "$1 = failed:$2"
  set_progress "$1" "failed:$2"
  set_progress status "failed:$1"
  flush final
  # After the report's write: the serial console says it too, for when GCE dropped that write.
  log "FAILED run=$RUN_ID step=$1: $2"
  exit 1
}

container_running() { [ "$(docker inspect --format '{{.State.Running}}' "$1" 2>/dev/null)" = "true" ]; }
container_hash() { docker inspect --format '{{index .Config.Labels "${HASH_LABEL}"}}' "$1" 2>/dev/null; }

# ensure_container NAME HASH docker-run-args... : prints started|unchanged.
ensure_container() {
  name="$1"; hash="$2"; shift 2
  if container_running "$name" && [ "$(container_hash "$name")" = "$hash" ]; then
    echo unchanged
    return 0
  fi
  docker rm -f "$name" >/dev/null 2>&1 || true
  docker run -d --name "$name" --label "${HASH_LABEL}=$hash" "$@" >/dev/null || return 1
  echo started
}

`;
}
/** The state directory, one bootstrap at a time, every step reset to pending for this run id. */
function startRun() {
    return `mkdir -p "$RUNNER_DIR" "$STATE_DIR" || { echo "cannot create $RUNNER_DIR" >&2; exit 1; }
chmod 700 "$STATE_DIR"
if command -v flock >/dev/null 2>&1; then
  exec 9>"$STATE_DIR/bootstrap.lock"
  flock -w 600 9 || { log "another bootstrap is still running"; exit 1; }
fi

RUN_ID="$(metadata_get ${METADATA_KEYS.runId} || true)"
RUN_ID="\${RUN_ID:-none}"
: >"$PROGRESS"
for step in ${BOOTSTRAP_STEPS.join(' ')} secrets-consumed status; do
  set_progress "$step" pending
done
set_progress run-id "$RUN_ID"
# Whether this VM already holds the key and the delegate token (a later run may then omit them from metadata).
if [ -s "$RUNNER_DIR/$KEY_FILE" ] && [ -s "$ENV_FILE" ]; then set_progress secrets-on-disk true; else set_progress secrets-on-disk false; fi
log "run $RUN_ID started"
flush

`;
}
/** 1. Docker, installed from get.docker.com when missing. */
function dockerStep() {
    return `# 1. Docker
if command -v docker >/dev/null 2>&1; then
  report docker ok:present
else
  log "installing Docker from get.docker.com"
  curl -fsSL https://get.docker.com -o "$STATE_DIR/get-docker.sh" || fail docker "download of get.docker.com failed"
  sh "$STATE_DIR/get-docker.sh" >"$STATE_DIR/get-docker.log" 2>&1 || fail docker "get.docker.com install failed (see $STATE_DIR/get-docker.log)"
  command -v docker >/dev/null 2>&1 || fail docker "docker missing after install"
  report docker ok:installed
fi
docker version >/dev/null 2>&1 || fail docker "docker daemon not answering"

`;
}
/** 2. The pool file, the key and the delegate's env file from metadata (or kept from an earlier run). */
function filesStep() {
    return `# 2. Files: /runner/pool.yaml (json_path -> /runner/<key>.json), the key (0600), the delegate env file (0600)
if metadata_get ${METADATA_KEYS.poolYaml} >"$RUNNER_DIR/pool.yaml.new"; then
  sed -E "s#^([[:space:]]*json_path:[[:space:]]*).*\\$#\\1/runner/$KEY_FILE#" "$RUNNER_DIR/pool.yaml.new" >"$RUNNER_DIR/pool.yaml.tmp" || fail files "cannot rewrite pool.yaml"
  rm -f "$RUNNER_DIR/pool.yaml.new"
  chmod 644 "$RUNNER_DIR/pool.yaml.tmp"
  mv -f "$RUNNER_DIR/pool.yaml.tmp" "$RUNNER_DIR/pool.yaml"
else
  rm -f "$RUNNER_DIR/pool.yaml.new"
  [ -s "$RUNNER_DIR/pool.yaml" ] || fail files "pool.yaml is not in metadata (${METADATA_KEYS.poolYaml}) and not on disk"
  log "pool.yaml not in metadata: keeping $RUNNER_DIR/pool.yaml"
fi

if metadata_get ${METADATA_KEYS.serviceAccountKey} >"$RUNNER_DIR/$KEY_FILE.new"; then
  chmod 600 "$RUNNER_DIR/$KEY_FILE.new"
  mv -f "$RUNNER_DIR/$KEY_FILE.new" "$RUNNER_DIR/$KEY_FILE"
else
  rm -f "$RUNNER_DIR/$KEY_FILE.new"
  [ -s "$RUNNER_DIR/$KEY_FILE" ] || fail files "service-account key is not in metadata (${METADATA_KEYS.serviceAccountKey}) and not on disk"
  log "key not in metadata: keeping $RUNNER_DIR/$KEY_FILE"
fi

if DELEGATE_TOKEN_VALUE="$(metadata_get ${METADATA_KEYS.delegateToken})" && [ -n "$DELEGATE_TOKEN_VALUE" ]; then
  printf 'DELEGATE_TOKEN=%s\\n' "$DELEGATE_TOKEN_VALUE" >"$ENV_FILE.new"
  chmod 600 "$ENV_FILE.new"
  mv -f "$ENV_FILE.new" "$ENV_FILE"
else
  [ -s "$ENV_FILE" ] || fail files "delegate token is not in metadata (${METADATA_KEYS.delegateToken}) and not on disk"
  log "delegate token not in metadata: keeping $ENV_FILE"
fi
unset DELEGATE_TOKEN_VALUE
set_progress files ok
set_progress secrets-on-disk true
report secrets-consumed true

`;
}
/** 3. The `harness` Docker network the runner and the delegate share. */
function networkStep() {
    return `# 3. The harness network
if ! docker network inspect harness >/dev/null 2>&1; then
  docker network create harness >/dev/null || fail network "docker network create harness failed"
fi
report network ok

`;
}
/** 4-5. The runner (drone-runner-aws) and the Docker delegate. */
function containerSteps(s) {
    const envFlags = Object.entries(delegateEnv(s.delegate))
        .map(([k, v]) => `    -e ${shQuote(`${k}=${v}`)} \\`)
        .join('\n');
    return `# 4. The runner (drone-runner-aws), reached as ${RUNNER_HOST}:3000. Docker before 20.10 does not make --hostname a
# DNS name on a user-defined network (moby/moby#39204, released in 20.10): the network alias works on every version.
if outcome="$(ensure_container ${RUNNER_CONTAINER} "$RUNNER_HASH" \\
    --network harness --network-alias ${RUNNER_HOST} --hostname ${RUNNER_HOST} -p 3000:3000 -v "$RUNNER_DIR:/runner" \\
    --restart unless-stopped --platform linux/amd64 \\
    "$RUNNER_IMAGE" delegate --pool /runner/pool.yaml)"; then
  report runner "ok:$outcome"
else
  fail runner "docker run of $RUNNER_IMAGE failed"
fi

# 5. The delegate (account-level, Docker type); the token only through the env file
if outcome="$(ensure_container ${DELEGATE_CONTAINER} "$DELEGATE_HASH" \\
    --network harness --restart unless-stopped --cpus=1 --memory=2g \\
    --env-file "$ENV_FILE" \\
${envFlags}
    "$DELEGATE_IMAGE")"; then
  report delegate "ok:$outcome"
else
  fail delegate "docker run of $DELEGATE_IMAGE failed"
fi

`;
}
/** 6. The runner's /healthz, then the configuration hash and the final status. */
function healthStep() {
    return `# 6. The runner's /healthz
report runner-health "waiting"
attempt=0
while :; do
  attempt=$((attempt + 1))
  if [ "$(curl -sf http://localhost:3000/healthz 2>/dev/null)" = "OK" ]; then
    report runner-health ok
    break
  fi
  if [ "$attempt" -ge "$HEALTH_ATTEMPTS" ]; then
    fail runner-health "GET http://localhost:3000/healthz did not answer OK after $attempt attempts"
  fi
  flush
  sleep "$POLL_INTERVAL"
done

set_progress config-hash "$CONFIG_HASH"
set_progress status ok
flush final
log "DONE run=$RUN_ID"
log "done"
`;
}


/***/ })

};
