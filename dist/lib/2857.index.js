export const id = 2857;
export const ids = [2857,7695];
export const modules = {

/***/ 42857:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  startSandbox: () => (/* binding */ startSandbox)
});

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(37067);
;// CONCATENATED MODULE: ./sandbox/core/control.ts

/**
 * The sandbox's control endpoint (GITSPACES_SANDBOX_CONTROL_URL), for checks that run the bundle in other
 * processes (the CLI, workflow jobs) and assert what the emulators saw:
 *
 *   GET /journal                    {"entries": [...]}, every request in order
 *   GET /journal?mutating=true      only the writes that succeeded
 *   GET /journal?attempted=true     only the writes that were tried (refused, faulted and dropped ones included)
 *   GET /journal?service=compute    one service (combines with the others)
 *
 * Each entry has seq, time, service, method, path, query, mutating, attempted, status, and fault or
 * contractViolation when set. Request bodies are left out: they may hold credentials (token exchanges).
 * The control endpoint is not an emulated service, so its own requests are not journaled.
 */
async function startControl(journal) {
    const server = (0,external_node_http_.createServer)((req, res) => {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        const send = (status, body) => {
            res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
            res.end(JSON.stringify(body));
        };
        if (url.pathname !== '/journal')
            return send(404, {
                error: `No route ${req.method ?? 'GET'} ${url.pathname}: the control endpoint has GET /journal`,
            });
        if (req.method !== 'GET')
            return send(405, { error: `${req.method ?? ''} /journal: only GET is supported` });
        const bad = [...url.searchParams.keys()].filter((k) => !['mutating', 'attempted', 'service'].includes(k));
        if (bad.length)
            return send(400, {
                error: `Unknown query parameter ${bad.join(', ')}: use mutating, attempted or service`,
            });
        const flags = {};
        for (const name of ['mutating', 'attempted']) {
            const v = url.searchParams.get(name);
            if (v === null)
                continue;
            if (v !== 'true' && v !== 'false')
                return send(400, { error: `Invalid ${name}=${v}: use ${name}=true or ${name}=false` });
            flags[name] = v === 'true';
        }
        const { mutating, attempted } = flags;
        const service = url.searchParams.get('service');
        const entries = journal.entries
            .filter((e) => mutating === undefined || e.mutating === mutating)
            .filter((e) => attempted === undefined || e.attempted === attempted)
            .filter((e) => !service || e.service === service)
            .map(publicEntry);
        return send(200, { entries });
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address();
    return {
        name: 'control',
        port,
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise((resolve) => {
            server.closeAllConnections();
            server.close(() => resolve());
        }),
    };
}
function publicEntry(e) {
    const { requestBody: _omitted, ...rest } = e;
    return rest;
}

;// CONCATENATED MODULE: ./sandbox/core/holds.ts
/**
 * Holds: a test names a request (service, method, path pattern, which occurrence) and the sandbox stops there,
 * without answering, until the test releases it or the client goes away. A test that must kill the client at a
 * named point of its work (after the delegate token is created, while terraform is applying, between two
 * creates of a bulk) arms a hold there and kills the client once the request has arrived, instead of guessing
 * a delay: the point is reached however slow the machine is, and the client never knows it is being held.
 */
class Holds {
    armed = [];
    /** Arms a hold for the nth request that matches `rule`; it fires once. */
    arm(rule) {
        let arrive;
        let release;
        const arrived = new Promise((res) => (arrive = res));
        const released = new Promise((res) => (release = res));
        this.armed.push({ rule, seen: 0, fired: false, arrive, released });
        return { arrived, release };
    }
    /**
     * Called by the dispatcher for each request at each stage: resolves at once unless an armed hold takes this
     * request, then when the hold is released (or never: a client killed meanwhile simply loses its connection).
     */
    async pass(stage, req) {
        for (const a of this.armed) {
            const r = a.rule;
            if (a.fired || (r.stage ?? 'request') !== stage || r.service !== req.service)
                continue;
            if (r.method.toUpperCase() !== req.method || !r.route.test(req.path))
                continue;
            a.seen += 1;
            if (a.seen < (r.nth ?? 1))
                continue;
            a.fired = true;
            a.arrive({ ...req, stage });
            await a.released;
        }
    }
}

;// CONCATENATED MODULE: ./sandbox/core/wire.ts
/**
 * What an emulator handler takes and gives back, and the two error bodies every emulator answers with.
 * Kept apart from the HTTP server (http.ts) so that faults.ts can build error responses without importing it.
 */
/** Google's JSON error body (https://cloud.google.com/apis/design/errors#http_mapping). */
function googleError(code, message, reason) {
    const status = {
        400: 'INVALID_ARGUMENT',
        401: 'UNAUTHENTICATED',
        403: 'PERMISSION_DENIED',
        404: 'NOT_FOUND',
        409: 'ALREADY_EXISTS',
        412: 'FAILED_PRECONDITION',
        429: 'RESOURCE_EXHAUSTED',
        500: 'INTERNAL',
        503: 'UNAVAILABLE',
    };
    return {
        status: code,
        body: {
            error: {
                code,
                message,
                status: status[code] ?? 'UNKNOWN',
                errors: [{ message, domain: 'global', reason: reason ?? (status[code] ?? 'unknown').toLowerCase() }],
            },
        },
    };
}
/** Harness's error body (`UsererrorError`: {message, values}). */
function harnessError(code, message) {
    return { status: code, body: { message, values: {} } };
}

;// CONCATENATED MODULE: ./sandbox/core/faults.ts


/** mulberry32: a small seeded PRNG so a fault run can be reproduced from its seed. */
function seededRandom(seed) {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
class Faults {
    rules;
    baseLatencyMs;
    random;
    /** Requests a test stops at (sandbox/core/holds.ts); they reach every service through the dispatcher. */
    holds = new Holds();
    constructor(rules = [], seed = 1, 
    /** Every request's round trip (scenario `requestLatencyMs`); settable while running, e.g. by a benchmark. */
    baseLatencyMs = 0) {
        this.rules = rules;
        this.baseLatencyMs = baseLatencyMs;
        this.random = seededRandom(seed);
    }
    /** Returns the fault to apply to this request, if any. Latency rules combine with a later error rule. */
    decide(service, method, path) {
        let latency = this.baseLatencyMs;
        for (const r of this.rules) {
            if (r.service && r.service !== service)
                continue;
            if (r.method && r.method.toUpperCase() !== method)
                continue;
            if (r.route && !new RegExp(r.route).test(path))
                continue;
            if (r.rate < 1 && this.random() >= r.rate)
                continue;
            if (r.kind === 'latency')
                latency += r.latencyMs ?? 0;
            else
                return { ...r, latencyMs: latency || undefined };
        }
        return latency ? { kind: 'latency', rate: 1, latencyMs: latency } : undefined;
    }
    response(service, f, nowMs = Date.now()) {
        const harness = service.startsWith('harness');
        if (f.kind === 'throttle')
            return throttled(service, f, nowMs);
        if (f.kind === '429') {
            const res = harness
                ? harnessError(429, 'Too many requests')
                : googleError(429, 'Quota exceeded for quota metric (injected fault)', 'rateLimitExceeded');
            return { ...res, headers: { 'retry-after': String(f.retryAfterSeconds ?? 1) } };
        }
        const code = f.status ?? 503;
        return harness
            ? harnessError(code, 'Service unavailable (injected fault)')
            : googleError(code, 'The service is currently unavailable (injected fault)', 'backendError');
    }
}
const PROJECT_NUMBER = '123456789012';
/** The message Google's quota system words a per-minute rate limit with (the provider matches it, see below). */
function quotaMessage(api, metric, limit) {
    return `Quota exceeded for quota metric '${metric}' and limit '${limit}' of service '${api}' for consumer 'project_number:${PROJECT_NUMBER}'.`;
}
/** A Google rate-limit error: `errors[].reason` for the v1-style APIs, `ErrorInfo` RATE_LIMIT_EXCEEDED for all. */
function googleThrottle(status, api, reason, metric, limit) {
    const message = quotaMessage(api, metric, limit);
    return {
        status,
        body: {
            error: {
                code: status,
                message,
                status: status === 403 ? 'PERMISSION_DENIED' : 'RESOURCE_EXHAUSTED',
                errors: [{ message, domain: 'usageLimits', reason }],
                details: [
                    {
                        '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
                        reason: 'RATE_LIMIT_EXCEEDED',
                        domain: 'googleapis.com',
                        metadata: { service: api, consumer: `projects/${PROJECT_NUMBER}`, quota_limit: limit },
                    },
                ],
            },
        },
    };
}
/**
 * Each service's own answer when it throttles (fault kind `throttle`; sources in docs/sandbox.md):
 * - Compute: `403` reason `rateLimitExceeded` ("If your project exceeds a rate quota, you receive a 403 error with
 *   the reason rateLimitExceeded", https://cloud.google.com/compute/api-quota), no Retry-After ("wait a minute");
 * - the other Google APIs: `429 RESOURCE_EXHAUSTED` (https://cloud.google.com/docs/quotas/troubleshoot: "If you
 *   exceed a quota with an HTTP/REST request, Google Cloud returns 429"; Cloud Storage's reason is
 *   `rateLimitExceeded`, https://cloud.google.com/storage/docs/json_api/v1/status-codes#429_Too_Many_Requests);
 * - Harness: `429` without Retry-After ("Retry-After in the 429 error responses is not currently supported by
 *   Google Cloud Armor", https://developer.harness.io/docs/platform/rate-limits/);
 * - GitHub: a secondary rate limit, `403` (or `429`) with `retry-after`, or `x-ratelimit-remaining: 0` and
 *   `x-ratelimit-reset` (https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api).
 */
function throttled(service, f, nowMs) {
    const wait = f.retryAfterSeconds;
    switch (service) {
        case 'compute':
            return googleThrottle(403, 'compute.googleapis.com', 'rateLimitExceeded', 'Queries', 'Queries per minute');
        case 'storage':
            return googleThrottle(429, 'storage.googleapis.com', 'rateLimitExceeded', 'Requests', 'Requests per minute');
        case 'clouddns':
            return googleThrottle(429, 'dns.googleapis.com', 'rateLimitExceeded', 'Read requests', 'Read limit for a minute for a region');
        case 'github': {
            const headers = wait !== undefined
                ? { 'retry-after': String(wait) }
                : {
                    'x-ratelimit-limit': '1000',
                    'x-ratelimit-remaining': '0',
                    'x-ratelimit-used': '1000',
                    'x-ratelimit-reset': String(Math.ceil(nowMs / 1000) + 1),
                    'x-ratelimit-resource': 'core',
                };
            return {
                status: f.status === 429 ? 429 : 403,
                headers,
                body: {
                    message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
                    documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
                    status: String(f.status === 429 ? 429 : 403),
                },
            };
        }
        default: {
            if (service.startsWith('harness'))
                return { status: 429, headers: { 'content-type': 'text/html' }, body: 'Too Many Requests' };
            const api = {
                serviceusage: 'serviceusage.googleapis.com',
                resourcemanager: 'cloudresourcemanager.googleapis.com',
                iam: 'iam.googleapis.com',
                certificatemanager: 'certificatemanager.googleapis.com',
                oauth: 'oauth2.googleapis.com',
                sts: 'sts.googleapis.com',
                iamcredentials: 'iamcredentials.googleapis.com',
            }[service] ?? `${service}.googleapis.com`;
            const res = googleThrottle(429, api, 'rateLimitExceeded', 'Requests', 'Requests per minute');
            return wait !== undefined ? { ...res, headers: { 'retry-after': String(wait) } } : res;
        }
    }
}

;// CONCATENATED MODULE: ./sandbox/core/journal.ts
class Journal {
    entries = [];
    seq = 0;
    add(e) {
        const time = Date.now();
        const entry = { ...e, seq: ++this.seq, time, receivedAt: e.receivedAt ?? time };
        this.entries.push(entry);
        return entry;
    }
    /** Writes that succeeded, of one service or all. */
    mutations(service) {
        return this.entries.filter((e) => e.mutating && (!service || e.service === service));
    }
    /** Writes that were tried, succeeded or not: "nothing was tried" is `attempts().length === 0`. */
    attempts(service) {
        return this.entries.filter((e) => e.attempted && (!service || e.service === service));
    }
    contractViolations() {
        return this.entries.filter((e) => e.contractViolation);
    }
    since(seq) {
        return this.entries.filter((e) => e.seq > seq);
    }
    /**
     * The round trips these entries waited for one after another: the longest chain of requests each of which
     * arrived after the one before it was answered. Requests sent together count once; a client that reads, then
     * decides, then reads again counts twice. Meaningful when every request is given a round trip
     * (`Faults.baseLatencyMs`) well above the client's own time between requests.
     */
    static roundTripsInSequence(entries) {
        const sorted = [...entries].sort((a, b) => a.receivedAt - b.receivedAt);
        const depth = [];
        let longest = 0;
        for (let i = 0; i < sorted.length; i++) {
            const e = sorted[i];
            let before = 0;
            for (let j = 0; j < i; j++) {
                const f = sorted[j];
                if (f.time <= e.receivedAt)
                    before = Math.max(before, depth[j]);
            }
            depth[i] = before + 1;
            longest = Math.max(longest, before + 1);
        }
        return longest;
    }
    get lastSeq() {
        return this.seq;
    }
    clear() {
        this.entries.length = 0;
    }
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
;// CONCATENATED MODULE: ./sandbox/core/scratch.ts



/**
 * Scratch directories of the sandboxes running in this process. They hold the issued service-account key and
 * the VMs' roots, so they must not outlive the process: each is removed on stop, and whatever is still
 * registered when the process ends (SIGINT, SIGTERM, an uncaught exception, process.exit) is removed by one
 * set of handlers shared by every sandbox of the process. SIGKILL cannot be caught; nothing can clean up then.
 */
const live = new Set();
const SIGNALS = ['SIGINT', 'SIGTERM'];
function removeAll() {
    for (const dir of live)
        (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
    live.clear();
}
function onSignal(signal) {
    removeAll();
    uninstall();
    // A listener replaces Node's default action (exit), so ours must not keep the process alive: when nobody
    // else handles the signal, raise it again for the default action (and its exit status, 128 + signal).
    if (process.listenerCount(signal) === 0)
        process.kill(process.pid, signal);
}
function install() {
    process.on('exit', removeAll);
    // First in line, so that the count of other listeners (onSignal) is taken before any of them ran and removed
    // itself (the CLI's foreground sandbox stops on its own SIGINT/SIGTERM listener).
    for (const s of SIGNALS)
        process.prependListener(s, onSignal);
}
function uninstall() {
    process.off('exit', removeAll);
    for (const s of SIGNALS)
        process.off(s, onSignal);
}
/**
 * Creates a `gitspaces-sandbox-*` directory in the temp folder, removed when the process ends (unless `keep`:
 * kept for debugging, then it is the caller's).
 */
function createScratchDir(keep = false) {
    const dir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'gitspaces-sandbox-'));
    if (keep)
        return dir;
    if (live.size === 0)
        install();
    live.add(dir);
    return dir;
}
/** Removes a scratch directory now (not one created with keep). */
function releaseScratchDir(dir, keep = false) {
    if (keep)
        return;
    (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
    if (live.delete(dir) && live.size === 0)
        uninstall();
}

// EXTERNAL MODULE: ./sandbox/scenario.ts + 1 modules
var sandbox_scenario = __webpack_require__(7695);
;// CONCATENATED MODULE: ./sandbox/core/http.ts


const READ_METHODS = ['GET', 'HEAD', 'OPTIONS'];
/**
 * Routes written the way Google and Harness document paths: `{name}` is one path segment (it stops at `/`
 * and, lazily, at the literal that follows, so `/v1/projects/{project}:getIamPolicy` works); `{name*}` spans
 * several segments.
 */
class Router {
    routes = [];
    /** Hook to reject a request before routing (auth); returns a response to send, or undefined to go on. */
    guard;
    notFound = (req) => ({
        status: 404,
        body: { error: { code: 404, message: `No route ${req.method} ${req.path}`, status: 'NOT_FOUND' } },
    });
    on(method, pattern, handler, opts = {}) {
        const names = [];
        const src = pattern
            .replace(/[.+?^$()|[\]\\]/g, '\\$&')
            .replace(/\{(\w+)(\*)?\}/g, (_m, name, star) => {
            names.push(name);
            return star ? '(.+?)' : '([^/]+?)';
        });
        this.routes.push({
            method: method.toUpperCase(),
            re: new RegExp(`^${src}$`),
            names,
            handler,
            mutating: opts.mutating ?? !READ_METHODS.includes(method.toUpperCase()),
        });
        return this;
    }
    get(p, h, o) {
        return this.on('GET', p, h, o);
    }
    post(p, h, o) {
        return this.on('POST', p, h, o);
    }
    put(p, h, o) {
        return this.on('PUT', p, h, o);
    }
    patch(p, h, o) {
        return this.on('PATCH', p, h, o);
    }
    delete(p, h, o) {
        return this.on('DELETE', p, h, o);
    }
    match(method, path) {
        for (const route of this.routes) {
            if (route.method !== method)
                continue;
            const m = route.re.exec(path);
            if (!m)
                continue;
            const params = {};
            route.names.forEach((n, i) => (params[n] = decodeURIComponent(m[i + 1])));
            return { route, params };
        }
        return undefined;
    }
}
async function readBody(req) {
    const chunks = [];
    for await (const c of req)
        chunks.push(c);
    return Buffer.concat(chunks).toString('utf8');
}
function send(res, out) {
    const headers = { ...(out.headers ?? {}) };
    let payload = '';
    if (out.body !== undefined) {
        if (typeof out.body === 'string' && headers['content-type'])
            payload = out.body;
        else {
            payload = JSON.stringify(out.body);
            headers['content-type'] ??= 'application/json; charset=UTF-8';
        }
    }
    res.writeHead(out.status, headers);
    res.end(payload);
}
/** Starts one emulated service on 127.0.0.1 (an ephemeral port unless given), with journal and faults. */
async function startService(name, router, journal, faults, port = 0) {
    const server = (0,external_node_http_.createServer)((req, res) => {
        void (async () => {
            const receivedAt = Date.now();
            const url = new URL(req.url ?? '/', 'http://127.0.0.1');
            const method = (req.method ?? 'GET').toUpperCase();
            const rawBody = await readBody(req);
            const matched = router.match(method, url.pathname);
            await faults.holds.pass('request', { service: name, method, path: url.pathname });
            // A write is what the route says; a path with no route is judged by its method, so that a write to an
            // unknown path still shows as attempted.
            const write = matched?.route.mutating ?? !READ_METHODS.includes(method);
            const fault = faults.decide(name, method, url.pathname);
            if (fault?.kind === 'drop') {
                journal.add({
                    service: name,
                    method,
                    path: url.pathname,
                    query: url.search,
                    mutating: false,
                    attempted: write,
                    status: 0,
                    fault: 'drop',
                    receivedAt,
                });
                req.socket.destroy();
                return;
            }
            if (fault?.kind === 'latency' || fault?.latencyMs)
                await new Promise((r) => setTimeout(r, fault.latencyMs ?? 0));
            if (fault && (fault.kind === '5xx' || fault.kind === '429' || fault.kind === 'throttle')) {
                const out = faults.response(name, fault);
                journal.add({
                    service: name,
                    method,
                    path: url.pathname,
                    query: url.search,
                    mutating: false,
                    attempted: write,
                    status: out.status,
                    fault: fault.kind,
                    receivedAt,
                });
                send(res, out);
                return;
            }
            const ctype = String(req.headers['content-type'] ?? '');
            let body = rawBody;
            let form;
            if (rawBody && ctype.includes('json')) {
                try {
                    body = JSON.parse(rawBody);
                }
                catch {
                    body = rawBody;
                }
            }
            else if (ctype.includes('x-www-form-urlencoded'))
                form = new URLSearchParams(rawBody);
            const address = server.address();
            const r = {
                service: name,
                method,
                path: url.pathname,
                query: url.searchParams,
                headers: req.headers,
                body,
                rawBody,
                form,
                params: matched?.params ?? {},
                baseUrl: `http://127.0.0.1:${address.port}`,
            };
            let out;
            try {
                out =
                    (await router.guard?.(r, write)) ??
                        (matched ? await matched.route.handler(r) : await router.notFound(r));
            }
            catch (e) {
                out = {
                    status: 500,
                    body: {
                        error: { code: 500, message: `emulator bug: ${e.message}`, status: 'INTERNAL' },
                    },
                };
            }
            journal.add({
                service: name,
                method,
                path: url.pathname,
                query: url.search,
                mutating: write && out.status < 400,
                attempted: write,
                status: out.status,
                requestBody: body,
                receivedAt,
                ...(out.contractViolation ? { contractViolation: out.contractViolation } : {}),
            });
            await faults.holds.pass('response', { service: name, method, path: url.pathname });
            send(res, out);
        })();
    });
    await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
    const address = server.address();
    return {
        name,
        port: address.port,
        url: `http://127.0.0.1:${address.port}`,
        close: () => new Promise((resolve) => {
            server.closeAllConnections();
            server.close(() => resolve());
        }),
    };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./sandbox/gcp/common.ts


const SERVICE_TITLES = {
    'compute.googleapis.com': 'Compute Engine API',
    'dns.googleapis.com': 'Cloud DNS API',
    'certificatemanager.googleapis.com': 'Certificate Manager API',
    'iam.googleapis.com': 'Identity and Access Management (IAM) API',
    'iamcredentials.googleapis.com': 'IAM Service Account Credentials API',
    'cloudresourcemanager.googleapis.com': 'Cloud Resource Manager API',
    'serviceusage.googleapis.com': 'Service Usage API',
    'redis.googleapis.com': 'Google Cloud Memorystore for Redis API',
    'sts.googleapis.com': 'Security Token Service API',
    'iap.googleapis.com': 'Cloud Identity-Aware Proxy API',
    'logging.googleapis.com': 'Cloud Logging API',
    'monitoring.googleapis.com': 'Cloud Monitoring API',
};
/** Google's 403 when an API is not enabled in the consumer project (ErrorInfo reason SERVICE_DISABLED). */
function serviceDisabled(world, service) {
    const n = world.scn.projectNumber;
    const title = SERVICE_TITLES[service] ?? service;
    const activationUrl = `https://console.developers.google.com/apis/api/${service}/overview?project=${n}`;
    const message = `${title} has not been used in project ${n} before or it is disabled. Enable it by visiting ${activationUrl} then retry. If you enabled this API recently, wait a few minutes for the action to propagate to our systems and retry.`;
    const base = googleError(403, message, 'accessNotConfigured');
    const err = base.body.error;
    err.errors[0] = {
        message,
        domain: 'usageLimits',
        reason: 'accessNotConfigured',
        extendedHelp: 'https://console.developers.google.com',
    };
    err.details = [
        {
            '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
            reason: 'SERVICE_DISABLED',
            domain: 'googleapis.com',
            metadata: { service, consumer: `projects/${n}`, serviceTitle: title, containerInfo: n, activationUrl },
        },
        { '@type': 'type.googleapis.com/google.rpc.LocalizedMessage', locale: 'en-US', message },
        {
            '@type': 'type.googleapis.com/google.rpc.Help',
            links: [{ description: 'Google developers console API activation', url: activationUrl }],
        },
    ];
    return base;
}
/** A Google error with an ErrorInfo detail (reason/domain/metadata), as the newer APIs answer. */
function googleErrorInfo(code, message, reason, legacyReason, metadata = {}) {
    const base = googleError(code, message, legacyReason ?? reason);
    base.body.error.details = [
        { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason, domain: 'googleapis.com', metadata },
    ];
    return base;
}
function ok(body, status = 200) {
    return { status, body };
}
function verifyRs256(jwt, publicKeyPem) {
    const [h, p, s] = jwt.split('.');
    if (!h || !p || !s)
        return false;
    try {
        const v = (0,external_node_crypto_.createVerify)('RSA-SHA256');
        v.update(`${h}.${p}`);
        return v.verify((0,external_node_crypto_.createPublicKey)(publicKeyPem), Buffer.from(s, 'base64url'));
    }
    catch {
        return false;
    }
}
function decodeJwt(jwt) {
    const parts = jwt.split('.');
    if (parts.length !== 3)
        return undefined;
    try {
        return {
            header: JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8')),
            payload: JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')),
        };
    }
    catch {
        return undefined;
    }
}
/** Verifies a JWT signed with the issued key: signature, kid, and the key's state. Returns a reason on failure. */
function verifyKeyJwt(world, jwt) {
    const d = decodeJwt(jwt);
    if (!d)
        return {
            ok: false,
            reason: 'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe.',
            kind: 'claims',
        };
    if (d.header.alg !== 'RS256')
        return { ok: false, reason: 'Invalid JWT Signature.', kind: 'signature' };
    const iss = d.payload.iss;
    if (iss !== world.clientEmail)
        return { ok: false, reason: 'Invalid grant: account not found', kind: 'key' };
    const keyState = world.scn.serviceAccount.keyState;
    // `kid` is optional (RFC 7515 4.1.4): without it Google checks the signature against the account's keys (a
    // P12 key, which carries no key id, signs so); a kid naming another key fails.
    if (d.header.kid !== undefined && d.header.kid !== world.keyId)
        return { ok: false, reason: 'Invalid JWT Signature.', kind: 'signature' };
    if (keyState === 'deleted')
        return { ok: false, reason: 'Invalid JWT Signature.', kind: 'key' };
    if (keyState === 'disabled')
        return { ok: false, reason: 'Invalid JWT Signature.', kind: 'key' };
    if (!verifyRs256(jwt, world.publicKeyPem))
        return { ok: false, reason: 'Invalid JWT Signature.', kind: 'signature' };
    const exp = d.payload.exp;
    const iat = d.payload.iat;
    const now = Math.floor(world.now() / 1000);
    if (typeof exp !== 'number' ||
        typeof iat !== 'number' ||
        exp < now - 30 ||
        iat > now + 300 ||
        exp - iat > 3600)
        return {
            ok: false,
            reason: 'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.',
            kind: 'claims',
        };
    const expires = world.scn.serviceAccount.keyExpiresInDays;
    if (expires !== undefined && expires <= 0)
        return { ok: false, reason: 'Invalid JWT Signature.', kind: 'key' };
    return { ok: true, payload: d.payload };
}
function unauthenticated(message, reason) {
    const res = googleErrorInfo(401, message, reason, 'authError');
    res.body.error.errors[0].location = 'Authorization';
    res.body.error.errors[0].locationType = 'header';
    res.headers = { 'www-authenticate': 'Bearer realm="https://accounts.google.com/", error="invalid_token"' };
    return res;
}
/** The identity behind a request's bearer token (an issued access token, or a self-signed JWT of the issued key). */
function authenticate(world, req) {
    const h = req.headers.authorization;
    const header = Array.isArray(h) ? h[0] : h;
    if (!header || !/^Bearer\s+\S+/i.test(header))
        return unauthenticated('Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.', 'CREDENTIALS_MISSING');
    const token = header.replace(/^Bearer\s+/i, '').trim();
    const known = world.tokens.get(token);
    if (known && known.expiresAt > world.now() && !known.federated)
        return { email: known.email };
    if (!known && token.split('.').length === 3) {
        const v = verifyKeyJwt(world, token);
        if (v.ok && v.payload.sub === world.clientEmail)
            return { email: world.clientEmail };
    }
    return unauthenticated('Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.', 'ACCESS_TOKEN_TYPE_UNSUPPORTED');
}
/** Guard for an API router: a valid bearer token, then the API enabled (and propagated) in the project. */
function apiGuard(world, router, service) {
    router.guard = (req) => {
        const who = authenticate(world, req);
        if ('status' in who)
            return who;
        const st = world.serviceState(service);
        if (!st.usable)
            return serviceDisabled(world, service);
        return undefined;
    };
}
/** Whether the identity holds a permission (scenario.gcp.permissions: 'all' or a list). */
function hasPermission(world, permission) {
    const p = world.scn.permissions;
    return p === 'all' || p.includes(permission);
}
function permissionDenied(permission, resource) {
    return googleErrorInfo(403, `Permission '${permission}' denied on resource '${resource}' (or it may not exist).`, 'IAM_PERMISSION_DENIED', 'forbidden', {
        permission,
        resource,
    });
}
/**
 * `nextPageToken` pagination. `sizeParam` is maxResults (Compute, Cloud DNS) or pageSize (newer APIs).
 * Tokens are opaque; a token from another query is rejected as Google does.
 */
function paginate(items, req, sizeParam, defaultSize, maxSize) {
    const raw = req.query.get(sizeParam);
    let size = defaultSize;
    if (raw !== null && raw !== '') {
        const n = Number(raw);
        if (!Number.isInteger(n) || n < 0)
            return googleError(400, `Invalid value for field '${sizeParam}': '${raw}'. Must be a non-negative integer.`, 'invalid');
        if (n > maxSize && sizeParam === 'maxResults' && maxSize === 500)
            return googleError(400, `Invalid value for field '${sizeParam}': '${raw}'. Must be less than or equal to ${maxSize}`, 'invalid');
        size = n === 0 ? defaultSize : Math.min(n, maxSize);
    }
    let offset = 0;
    const tok = req.query.get('pageToken');
    if (tok) {
        const m = /^o(\d+)$/.exec(Buffer.from(tok, 'base64url').toString('utf8'));
        if (!m)
            return googleError(400, `Invalid value for field 'pageToken': '${tok}'.`, 'invalid');
        offset = Number(m[1]);
    }
    const page = items.slice(offset, offset + size);
    const next = offset + size < items.length ? Buffer.from(`o${offset + size}`).toString('base64url') : undefined;
    return next ? { items: page, nextPageToken: next } : { items: page };
}
function isRes(x) {
    return typeof x === 'object' && x !== null && 'status' in x && typeof x.status === 'number';
}
function bodyObject(req) {
    if (req.body && typeof req.body === 'object' && !Array.isArray(req.body))
        return req.body;
    if (typeof req.body === 'string' && req.body.trim().startsWith('{')) {
        try {
            return JSON.parse(req.body);
        }
        catch {
            return {};
        }
    }
    return {};
}
/**
 * A Compute-style `filter` expression: `name = "x"`, `name eq x.*`, `labels.k = v`, `status != RUNNING`,
 * clauses joined by AND or juxtaposed in parentheses.
 */
function matchesFilter(obj, filter) {
    if (!filter || !filter.trim())
        return true;
    const clauses = filter
        .split(/\)\s*(?:AND\s*)?\(|\s+AND\s+/i)
        .map((c) => c
        .replace(/^\s*\(/, '')
        .replace(/\)\s*$/, '')
        .trim())
        .filter(Boolean);
    return clauses.every((c) => {
        const m = /^([\w.]+)\s*(=|!=|eq|ne|:)\s*"?(.*?)"?$/i.exec(c);
        if (!m)
            return true;
        const [, field, op, value] = m;
        let cur = obj;
        for (const part of field.split('.'))
            cur = cur && typeof cur === 'object' ? cur[part] : undefined;
        const actual = cur === undefined || cur === null ? '' : String(cur);
        const lop = op.toLowerCase();
        if (lop === 'eq' || lop === 'ne') {
            const hit = new RegExp(`^(?:${value})$`).test(actual);
            return lop === 'eq' ? hit : !hit;
        }
        const wildcard = new RegExp(`^${value.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
        const hit = wildcard.test(actual);
        return op === '!=' ? !hit : hit;
    });
}
/** A google.longrunning.Operation as JSON (done omitted while false, as proto3 JSON does). */
function lroView(op, now) {
    if (now < op.doneAt)
        return { name: op.name, metadata: op.metadata };
    if (op.error)
        return { name: op.name, metadata: op.metadata, done: true, error: op.error };
    return { name: op.name, metadata: op.metadata, done: true, response: op.response?.() ?? {} };
}

;// CONCATENATED MODULE: ./sandbox/gcp/x509.ts

/**
 * A self-signed X.509 v3 certificate for the emulated service-account key, as IAM returns one in
 * `keys.get?publicKeyType=TYPE_X509_PEM_FILE` (`publicKeyData`: base64 of the PEM certificate; IAM REST reference,
 * projects.serviceAccounts.keys.get and ServiceAccountKey.publicKeyData). Google's certificates name the
 * service account's unique id as CN and are valid until the key's validBeforeTime. Node parses certificates
 * but does not write them: this is the DER by hand (RFC 5280 TBSCertificate, sha256WithRSAEncryption).
 */
function tlv(tag, body) {
    const len = body.length;
    let head;
    if (len < 0x80)
        head = Buffer.from([tag, len]);
    else {
        const b = [];
        for (let l = len; l > 0; l = Math.floor(l / 256))
            b.unshift(l & 0xff);
        head = Buffer.from([tag, 0x80 | b.length, ...b]);
    }
    return Buffer.concat([head, body]);
}
const seq = (...parts) => tlv(0x30, Buffer.concat(parts));
const set = (...parts) => tlv(0x31, Buffer.concat(parts));
const NULL = Buffer.from([0x05, 0x00]);
function oid(dotted) {
    const [a = 0, b = 0, ...rest] = dotted.split('.').map(Number);
    const bytes = [a * 40 + b];
    for (const n of rest) {
        const part = [n & 0x7f];
        for (let v = Math.floor(n / 128); v > 0; v = Math.floor(v / 128))
            part.unshift((v & 0x7f) | 0x80);
        bytes.push(...part);
    }
    return tlv(0x06, Buffer.from(bytes));
}
function time(ms) {
    const iso = new Date(ms)
        .toISOString()
        .replace(/[-:T]/g, '')
        .replace(/\.\d+Z$/, 'Z');
    // UTCTime until 2049, GeneralizedTime after (RFC 5280 4.1.2.5).
    const year = new Date(ms).getUTCFullYear();
    return year < 2050 ? tlv(0x17, Buffer.from(iso.slice(2))) : tlv(0x18, Buffer.from(iso));
}
function selfSignedCertificatePem(opts) {
    const alg = seq(oid('1.2.840.113549.1.1.11'), NULL);
    const name = seq(set(seq(oid('2.5.4.3'), tlv(0x0c, Buffer.from(opts.commonName)))));
    // A positive INTEGER in its minimal form: first byte 0x40..0x7f.
    const serialBytes = Buffer.from(opts.serial);
    serialBytes[0] = ((serialBytes[0] ?? 0) & 0x3f) | 0x40;
    const serial = tlv(0x02, serialBytes);
    const spki = (0,external_node_crypto_.createPublicKey)(opts.privateKey).export({ type: 'spki', format: 'der' });
    const tbs = seq(tlv(0xa0, tlv(0x02, Buffer.from([2]))), serial, alg, name, seq(time(opts.notBefore), time(opts.notAfter)), name, spki);
    const signature = (0,external_node_crypto_.sign)('sha256', tbs, opts.privateKey);
    const cert = seq(tbs, alg, tlv(0x03, Buffer.concat([Buffer.from([0]), signature])));
    const b64 = cert
        .toString('base64')
        .replace(/(.{64})/g, '$1\n')
        .replace(/\n$/, '');
    return `-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----\n`;
}

;// CONCATENATED MODULE: ./sandbox/gcp/iam.ts




const certificates = new WeakMap();
/** The issued key's X.509 certificate (made once per world), as keys.get returns it with TYPE_X509_PEM_FILE. */
function certificateOf(world, validBefore) {
    let pem = certificates.get(world);
    if (!pem) {
        pem = selfSignedCertificatePem({
            privateKey: (0,external_node_crypto_.createPrivateKey)(world.privateKeyPem),
            commonName: world.clientId,
            serial: Buffer.from(world.keyId.slice(0, 16), 'hex'),
            notBefore: world.keyCreatedAt,
            notAfter: Date.parse(validBefore) || Date.parse('9999-12-31T23:59:59Z'),
        });
        certificates.set(world, pem);
    }
    return pem;
}
function isoSeconds(ms) {
    return new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');
}
/** Service accounts and their keys (get, list keys, get key). */
function serviceAccountRoutes(r, world) {
    const saPath = (email) => `projects/${world.scn.projectId}/serviceAccounts/${email}`;
    const checkSa = (req) => {
        const p = req.params.project;
        const email = req.params.email;
        if (p !== '-' && !world.project(p))
            return googleError(403, `Permission 'iam.serviceAccounts.get' denied on resource (or it may not exist).`, 'forbidden');
        if (email !== world.clientEmail && email !== world.clientId)
            return googleError(404, `Unknown service account`, 'notFound');
        return undefined;
    };
    const userKey = () => {
        const sa = world.scn.serviceAccount;
        const key = {
            name: `${saPath(world.clientEmail)}/keys/${world.keyId}`,
            validAfterTime: isoSeconds(world.keyCreatedAt),
            validBeforeTime: sa.keyExpiresInDays !== undefined
                ? isoSeconds(world.now() + sa.keyExpiresInDays * 86_400_000)
                : '9999-12-31T23:59:59Z',
            keyAlgorithm: 'KEY_ALG_RSA_2048',
            keyOrigin: 'GOOGLE_PROVIDED',
            keyType: 'USER_MANAGED',
        };
        if (sa.keyState === 'disabled')
            key.disabled = true;
        return key;
    };
    r.get('/v1/projects/{project}/serviceAccounts/{email}', (req) => {
        const bad = checkSa(req);
        if (bad)
            return bad;
        return ok({
            name: saPath(world.clientEmail),
            projectId: world.scn.projectId,
            uniqueId: world.clientId,
            email: world.clientEmail,
            displayName: world.clientEmail.split('@')[0],
            etag: 'MDEwMjE5MjA=',
            oauth2ClientId: world.clientId,
        });
    });
    r.get('/v1/projects/{project}/serviceAccounts/{email}/keys', (req) => {
        const bad = checkSa(req);
        if (bad)
            return bad;
        const keys = [];
        const types = req.query.getAll('keyTypes');
        if (world.scn.serviceAccount.keyState !== 'deleted' &&
            (types.length === 0 || types.includes('USER_MANAGED')))
            keys.push(userKey());
        if (types.length === 0 || types.includes('SYSTEM_MANAGED'))
            keys.push({
                name: `${saPath(world.clientEmail)}/keys/${[...world.keyId].reverse().join('')}`,
                validAfterTime: isoSeconds(world.now() - 86_400_000),
                validBeforeTime: isoSeconds(world.now() + 13 * 86_400_000),
                keyAlgorithm: 'KEY_ALG_RSA_2048',
                keyOrigin: 'GOOGLE_PROVIDED',
                keyType: 'SYSTEM_MANAGED',
            });
        return ok({ keys });
    });
    r.get('/v1/projects/{project}/serviceAccounts/{email}/keys/{keyId}', (req) => {
        const bad = checkSa(req);
        if (bad)
            return bad;
        if (!hasPermission(world, 'iam.serviceAccountKeys.get'))
            return permissionDenied('iam.serviceAccountKeys.get', `${saPath(world.clientEmail)}/keys/${req.params.keyId}`);
        const keyId = req.params.keyId;
        const name = `${saPath(world.clientEmail)}/keys/${keyId}`;
        if (keyId !== world.keyId || world.scn.serviceAccount.keyState === 'deleted')
            return googleError(404, `Service account key ${name} does not exist.`, 'notFound');
        // publicKeyType: TYPE_NONE (default, no public key) or TYPE_X509_PEM_FILE (publicKeyData: base64 of the
        // PEM certificate). IAM REST reference, projects.serviceAccounts.keys.get.
        const type = req.query.get('publicKeyType') ?? 'TYPE_NONE';
        const key = userKey();
        if (type === 'TYPE_X509_PEM_FILE')
            key.publicKeyData = Buffer.from(certificateOf(world, String(key.validBeforeTime))).toString('base64');
        else if (type !== 'TYPE_NONE')
            return googleError(400, `Invalid value at 'public_key_type' (type.googleapis.com/google.iam.admin.v1.ServiceAccountPublicKeyType), "${type}"`, 'badRequest');
        return ok(key);
    });
}
/** This API's resource families. A new family: a GcpFamily (in its own file when it grows), one line here. */
const IAM_FAMILIES = [serviceAccountRoutes];
function iamRouter(world) {
    const r = new Router();
    apiGuard(world, r, 'iam.googleapis.com');
    for (const family of IAM_FAMILIES)
        family(r, world);
    return r;
}

;// CONCATENATED MODULE: ./sandbox/gcp/resourcemanager.ts


const BOOLEAN_CONSTRAINTS = new Set([
    'constraints/iam.disableServiceAccountKeyCreation',
    'constraints/compute.requireOsLogin',
    'constraints/compute.skipDefaultNetworkCreation',
    'constraints/iam.disableServiceAccountCreation',
]);
/** Projects (v1 and v3 get), IAM policy reads and permission tests, effective org policies. */
function projectRoutes(r, world) {
    const callerDenied = () => googleError(403, 'The caller does not have permission', 'forbidden');
    const etag = Buffer.from(`etag-${world.scn.projectId}`).toString('base64').slice(0, 12);
    const project = (v) => (req) => {
        const id = world.project(req.params.project);
        if (!id)
            return callerDenied();
        const s = world.scn;
        return ok(v === 'v1'
            ? {
                projectNumber: s.projectNumber,
                projectId: s.projectId,
                lifecycleState: 'ACTIVE',
                name: s.projectId,
                createTime: '2024-03-01T12:00:00.000Z',
                parent: { type: 'organization', id: '433637338589' },
            }
            : {
                name: `projects/${s.projectNumber}`,
                parent: 'organizations/433637338589',
                projectId: s.projectId,
                state: 'ACTIVE',
                displayName: s.projectId,
                createTime: '2024-03-01T12:00:00.000Z',
                etag: `W/"${etag}"`,
            });
    };
    r.get('/v1/projects/{project}', project('v1'));
    r.get('/v3/projects/{project}', project('v3'));
    const getIamPolicy = (req) => {
        if (!world.project(req.params.project))
            return callerDenied();
        if (!hasPermission(world, 'resourcemanager.projects.getIamPolicy'))
            return permissionDenied('resourcemanager.projects.getIamPolicy', `projects/${req.params.project}`);
        const bindings = Object.entries(world.scn.bindings).map(([role, members]) => ({
            role,
            members: [...members].sort(),
        }));
        return ok({ version: 1, etag, bindings });
    };
    r.post('/v1/projects/{project}:getIamPolicy', getIamPolicy, { mutating: false });
    r.post('/v3/projects/{project}:getIamPolicy', getIamPolicy, { mutating: false });
    const testIam = (req) => {
        if (!world.project(req.params.project))
            return callerDenied();
        const perms = bodyObject(req).permissions;
        if (!Array.isArray(perms))
            return googleError(400, 'Invalid JSON payload: permissions must be a list.', 'badRequest');
        const bad = perms.find((p) => typeof p !== 'string' || !/^[a-zA-Z0-9]+(\.[a-zA-Z0-9]+){2,}$/.test(p));
        if (bad !== undefined)
            return googleError(400, `Permission ${String(bad)} is not valid.`, 'badRequest');
        const held = perms.filter((p) => hasPermission(world, p));
        return ok(held.length ? { permissions: held } : {});
    };
    r.post('/v1/projects/{project}:testIamPermissions', testIam, { mutating: false });
    r.post('/v3/projects/{project}:testIamPermissions', testIam, { mutating: false });
    r.post('/v1/projects/{project}:getEffectiveOrgPolicy', (req) => {
        if (!world.project(req.params.project))
            return callerDenied();
        if (!world.scn.canReadOrgPolicy)
            return callerDenied();
        const constraint = bodyObject(req).constraint;
        if (typeof constraint !== 'string' || !constraint.startsWith('constraints/'))
            return googleError(400, `Invalid constraint name: ${String(constraint)}`, 'badRequest');
        const o = world.scn.orgPolicies;
        const base = { version: 1, constraint, etag: 'BwYAAAAAAAA=', updateTime: '2025-01-01T00:00:00Z' };
        if (BOOLEAN_CONSTRAINTS.has(constraint)) {
            const enforced = constraint === 'constraints/iam.disableServiceAccountKeyCreation'
                ? o.disableServiceAccountKeyCreation
                : constraint === 'constraints/compute.requireOsLogin'
                    ? o.requireOsLogin
                    : undefined;
            return ok({ ...base, booleanPolicy: enforced ? { enforced: true } : {} });
        }
        // Values come back as the policy holds them (value groups such as in:eu-locations are not expanded);
        // Compute enforces them on create (compute/insert.ts).
        if (constraint === 'constraints/gcp.resourceLocations')
            return ok(o.resourceLocations || o.resourceLocationsDenied
                ? {
                    ...base,
                    listPolicy: {
                        ...(o.resourceLocations ? { allowedValues: [...o.resourceLocations] } : {}),
                        ...(o.resourceLocationsDenied ? { deniedValues: [...o.resourceLocationsDenied] } : {}),
                    },
                }
                : { ...base, listPolicy: { allValues: 'ALLOW' } });
        if (constraint === 'constraints/compute.vmExternalIpAccess')
            return ok({ ...base, listPolicy: { allValues: o.vmExternalIpAccess === 'deny' ? 'DENY' : 'ALLOW' } });
        return ok({ ...base, listPolicy: {} });
    }, { mutating: false });
}
/** This API's resource families. A new family: a GcpFamily (in its own file when it grows), one line here. */
const RESOURCE_MANAGER_FAMILIES = [projectRoutes];
function resourceManagerRouter(world) {
    const r = new Router();
    apiGuard(world, r, 'cloudresourcemanager.googleapis.com');
    for (const family of RESOURCE_MANAGER_FAMILIES)
        family(r, world);
    return r;
}

;// CONCATENATED MODULE: ./sandbox/gcp/serviceusage.ts



const SU_TYPE = 'type.googleapis.com/google.api.serviceusage.v1';
// ---------------------------------------------------------------- Service Usage v1
function serviceView(world, svc) {
    const n = world.scn.projectNumber;
    const st = world.serviceState(svc);
    return {
        name: `projects/${n}/services/${svc}`,
        config: {
            name: svc,
            title: SERVICE_TITLES[svc] ?? svc,
            documentation: { summary: `${SERVICE_TITLES[svc] ?? svc}.` },
            quota: {},
            authentication: {},
            usage: { requirements: ['serviceusage.googleapis.com/tos/cloud'] },
            monitoring: {},
        },
        state: st.enabled ? 'ENABLED' : 'DISABLED',
        parent: `projects/${n}`,
    };
}
const SERVICE_RE = /^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*\.googleapis\.com$/;
/** Service Usage answers 403 AUTH_PERMISSION_DENIED (not 404) for a project it does not know. */
function projectOr403(world, p, what) {
    return world.project(p)
        ? undefined
        : googleErrorInfo(403, `Permission denied to ${what} in project ${p}.`, 'AUTH_PERMISSION_DENIED', 'forbidden', { permission: 'serviceusage.services.get' });
}
/**
 * services.enable and services:batchEnable: at most 20 ids, unknown ids refused, an operation that completes
 * after enableOperationMs; calls to the API succeed enablePropagationMs later (the documented propagation delay).
 */
function enableServices(world, req, ids) {
    const denied = projectOr403(world, req.params.project, 'enable services');
    if (denied)
        return denied;
    if (!hasPermission(world, 'serviceusage.services.enable'))
        return permissionDenied('serviceusage.services.enable', `projects/${req.params.project}`);
    if (!Array.isArray(ids) || ids.length === 0 || ids.some((i) => typeof i !== 'string'))
        return googleError(400, 'Invalid request: serviceIds must contain at least one service id.', 'badRequest');
    if (ids.length > 20)
        return googleError(400, `Too many services (${ids.length}) in one request; the limit is 20.`, 'badRequest');
    const bad = ids.filter((i) => !SERVICE_RE.test(i));
    if (bad.length)
        return googleErrorInfo(403, `Not found or permission denied for service(s): ${bad.join(', ')}.`, 'SERVICE_CONFIG_NOT_FOUND_OR_PERMISSION_DENIED', 'forbidden');
    const now = world.now();
    const todo = ids.filter((i) => !world.services.has(i));
    const single = req.path.endsWith(':enable');
    const responseOf = () => single
        ? { '@type': `${SU_TYPE}.EnableServiceResponse`, service: serviceView(world, ids[0]) }
        : {
            '@type': `${SU_TYPE}.BatchEnableServicesResponse`,
            services: ids.map((i) => serviceView(world, i)),
        };
    if (todo.length === 0)
        return ok({ name: 'operations/noop.DONE_OPERATION', done: true, response: responseOf() });
    const doneAt = now + world.scn.enableOperationMs;
    for (const id of todo)
        world.services.set(id, { enabledAt: doneAt, usableAt: doneAt + world.scn.enablePropagationMs });
    const name = `operations/acat.p2-${world.scn.projectNumber}-${(0,external_node_crypto_.randomUUID)()}`;
    world.operations.set(name, {
        name,
        createdAt: now,
        doneAt,
        metadata: {
            '@type': `${SU_TYPE}.OperationMetadata`,
            resourceNames: todo.map((i) => `projects/${world.scn.projectNumber}/services/${i}`),
        },
        response: responseOf,
    });
    return ok({ name, metadata: { '@type': `${SU_TYPE}.OperationMetadata` } });
}
/** Service Usage v1: services (get, batchGet, list, enable, batchEnable, disable) and their operations. */
function serviceUsageRouter(world) {
    const r = new Router();
    apiGuard(world, r, 'serviceusage.googleapis.com');
    r.get('/v1/projects/{project}/services:batchGet', (req) => {
        const denied = projectOr403(world, req.params.project, 'get services');
        if (denied)
            return denied;
        if (!hasPermission(world, 'serviceusage.services.get'))
            return permissionDenied('serviceusage.services.get', `projects/${req.params.project}`);
        const names = req.query.getAll('names');
        if (names.length === 0)
            return googleError(400, 'The request must contain at least one service name.', 'badRequest');
        if (names.length > 30)
            return googleError(400, `The number of services requested (${names.length}) exceeds the limit of 30.`, 'badRequest');
        const services = [];
        for (const name of names) {
            const m = /^projects\/([^/]+)\/services\/([^/]+)$/.exec(name);
            if (!m || !world.project(m[1]))
                return googleError(400, `Invalid service name: ${name}. Expected projects/{project}/services/{service}.`, 'badRequest');
            if (!SERVICE_RE.test(m[2]))
                return googleErrorInfo(403, `Not found or permission denied for service(s): ${m[2]}.`, 'SERVICE_CONFIG_NOT_FOUND_OR_PERMISSION_DENIED', 'forbidden');
            services.push(serviceView(world, m[2]));
        }
        return ok({ services });
    });
    r.get('/v1/projects/{project}/services', (req) => {
        const denied = projectOr403(world, req.params.project, 'list services');
        if (denied)
            return denied;
        const all = new Set([...Object.keys(SERVICE_TITLES), ...world.services.keys()]);
        const views = [...all].sort().map((s) => serviceView(world, s));
        const filter = req.query.get('filter');
        const filtered = filter
            ? views.filter((v) => matchesFilter(v, filter.replace(/^state:/, 'state=')))
            : views;
        const page = paginate(filtered, req, 'pageSize', 50, 200);
        if (isRes(page))
            return page;
        return ok(page.nextPageToken
            ? { services: page.items, nextPageToken: page.nextPageToken }
            : { services: page.items });
    });
    r.get('/v1/projects/{project}/services/{service}', (req) => {
        const svc = req.params.service;
        const denied = projectOr403(world, req.params.project, `get service [${svc}]`);
        if (denied)
            return denied;
        if (!hasPermission(world, 'serviceusage.services.get'))
            return permissionDenied('serviceusage.services.get', `projects/${req.params.project}/services/${svc}`);
        if (!SERVICE_RE.test(svc))
            return googleErrorInfo(403, `Not found or permission denied for service(s): ${svc}.`, 'SERVICE_CONFIG_NOT_FOUND_OR_PERMISSION_DENIED', 'forbidden');
        return ok(serviceView(world, svc));
    });
    r.post('/v1/projects/{project}/services:batchEnable', (req) => enableServices(world, req, bodyObject(req).serviceIds));
    r.post('/v1/projects/{project}/services/{service}:enable', (req) => enableServices(world, req, [req.params.service]));
    r.post('/v1/projects/{project}/services/{service}:disable', (req) => {
        if (!world.project(req.params.project))
            return projectOr403(world, req.params.project, 'disable service');
        world.services.delete(req.params.service);
        return ok({
            name: 'operations/noop.DONE_OPERATION',
            done: true,
            response: {
                '@type': `${SU_TYPE}.DisableServiceResponse`,
                service: serviceView(world, req.params.service),
            },
        });
    });
    r.get('/v1/operations/{op*}', (req) => {
        const name = `operations/${req.params.op}`;
        if (name === 'operations/noop.DONE_OPERATION')
            return ok({ name, done: true });
        const op = world.operations.get(name);
        if (!op)
            return googleError(404, `Operation '${name}' not found.`, 'notFound');
        return ok(lroView(op, world.now()));
    });
    return r;
}

// EXTERNAL MODULE: ./shared/net.ts
var net = __webpack_require__(27781);
;// CONCATENATED MODULE: ./sandbox/gcp/certmanager/resources.ts



/** The location-scoped prefix of every Certificate Manager v1 path. */
const L = '/v1/projects/{project}/locations/{location}';
const T = 'type.googleapis.com/google.cloud.certificatemanager.v1';
const ID_RE = /^[a-z](?:[-a-z0-9]{0,61}[a-z0-9])?$/;
function notFoundRes(name) {
    return googleErrorInfo(404, `Resource '${name}' was not found`, 'RESOURCE_NOT_FOUND', 'notFound');
}
/** `projects/<p>/locations/<l>` from the path, or the 403/400 Certificate Manager answers. */
function loc(world, req) {
    const p = world.project(req.params.project);
    if (!p)
        return googleError(403, `Permission 'certificatemanager.certs.list' denied on 'projects/${req.params.project}/locations/${req.params.location}'`, 'forbidden');
    const l = req.params.location;
    if (l !== 'global' && !/^[a-z]+-[a-z]+\d+$/.test(l))
        return googleError(400, `Invalid location: ${l}`, 'badRequest');
    return `projects/${p}/locations/${l}`;
}
/** A long-running operation that completes after the scenario's operation time, with OperationMetadata. */
function lro(world, parent, verb, target, response) {
    const now = world.now();
    const name = `${parent}/operations/operation-${now}-${(0,external_node_crypto_.createHash)('sha1').update(`${target}${world.nextId()}`).digest('hex').slice(0, 30)}`;
    const meta = (done) => ({
        '@type': `${T}.OperationMetadata`,
        createTime: new Date(now).toISOString(),
        ...(done ? { endTime: new Date(now + (world.scn.operationMs ?? 50)).toISOString() } : {}),
        target,
        verb,
        requestedCancellation: false,
        apiVersion: 'v1',
    });
    const op = {
        name,
        createdAt: now,
        doneAt: now + (world.scn.operationMs ?? 50),
        metadata: meta(false),
        response,
    };
    world.operations.set(name, op);
    return lroView(op, world.now());
}
/** What every create does first: the location, the permission, a valid id, and no resource of that name yet. */
function createTarget(world, req, permission, idParam, collection, existing) {
    const parent = loc(world, req);
    if (isRes(parent))
        return parent;
    if (!hasPermission(world, permission))
        return permissionDenied(permission, parent);
    const id = req.query.get(idParam) ?? '';
    if (!ID_RE.test(id))
        return googleError(400, `Invalid resource id: "${id}"`, 'badRequest');
    const name = `${parent}/${collection}/${id}`;
    if (existing.has(name))
        return googleErrorInfo(409, `Resource '${name}' already exists`, 'RESOURCE_ALREADY_EXISTS', 'alreadyExists');
    return { parent, name };
}

;// CONCATENATED MODULE: ./sandbox/gcp/certmanager/certificates.ts




/** Certificates: create (LRO), list, get, delete; a managed certificate's state moves with DNS delegation and time. */
function certificateRoutes(r, world) {
    r.post(`${L}/certificates`, (req) => {
        const target = createTarget(world, req, 'certificatemanager.certs.create', 'certificateId', 'certificates', world.certs);
        if (isRes(target))
            return target;
        const { parent, name } = target;
        const b = bodyObject(req);
        const now = new Date().toISOString();
        const body = {
            name,
            createTime: now,
            updateTime: now,
            scope: typeof b.scope === 'string' ? b.scope : 'DEFAULT',
        };
        if (b.description)
            body.description = b.description;
        if (b.labels)
            body.labels = b.labels;
        const managed = b.managed;
        if (managed) {
            const domains = Array.isArray(managed.domains) ? managed.domains.map(String) : [];
            if (domains.length === 0)
                return googleError(400, 'managed.domains must contain at least one domain', 'badRequest');
            const badDomain = domains.find((d) => !(0,net/* isValidDomain */.Ll)(d.replace(/^\*\./, '')));
            if (badDomain)
                return googleError(400, `Invalid domain name: ${badDomain}`, 'badRequest');
            const auths = Array.isArray(managed.dnsAuthorizations)
                ? managed.dnsAuthorizations.map(String)
                : [];
            for (const a of auths) {
                const an = a.replace(/^\/\/certificatemanager\.googleapis\.com\//, '');
                if (!world.dnsAuthorizations.has(an))
                    return googleError(400, `DNS authorization ${a} does not exist`, 'badRequest');
            }
            if (auths.length) {
                const covered = new Set(auths.map((a) => world.dnsAuthorizations.get(a.replace(/^\/\/certificatemanager\.googleapis\.com\//, ''))
                    ?.domain));
                const uncovered = domains.find((d) => !covered.has(d.replace(/^\*\./, '')));
                if (uncovered)
                    return googleError(400, `Domain ${uncovered} is not covered by any of the given DNS authorizations`, 'badRequest');
            }
            body.managed = {
                domains,
                ...(auths.length ? { dnsAuthorizations: auths } : {}),
                ...(managed.issuanceConfig ? { issuanceConfig: managed.issuanceConfig } : {}),
                state: 'PROVISIONING',
            };
            body.sanDnsnames = [...domains];
        }
        else if (b.selfManaged) {
            const sm = b.selfManaged;
            if (typeof sm.pemCertificate !== 'string' || typeof sm.pemPrivateKey !== 'string')
                return googleError(400, 'selfManaged needs pemCertificate and pemPrivateKey', 'badRequest');
            body.pemCertificate = sm.pemCertificate;
            body.selfManaged = {};
        }
        else
            return googleError(400, 'One of managed or selfManaged must be set', 'badRequest');
        const rec = { name, createdAt: world.now(), body };
        world.certs.set(name, rec);
        return ok(lro(world, parent, 'create', name, () => ({ '@type': `${T}.Certificate`, ...world.certView(rec) })));
    });
    r.get(`${L}/certificates`, (req) => {
        const parent = loc(world, req);
        if (isRes(parent))
            return parent;
        const items = [...world.certs.values()]
            .filter((c) => c.name.startsWith(`${parent}/`))
            .map((c) => world.certView(c))
            .filter((c) => matchesFilter(c, req.query.get('filter')));
        const page = paginate(items, req, 'pageSize', 500, 500);
        if (isRes(page))
            return page;
        return ok({
            certificates: page.items,
            ...(page.nextPageToken ? { nextPageToken: page.nextPageToken } : {}),
        });
    });
    r.get(`${L}/certificates/{id}`, (req) => {
        const parent = loc(world, req);
        if (isRes(parent))
            return parent;
        const c = world.certs.get(`${parent}/certificates/${req.params.id}`);
        return c ? ok(world.certView(c)) : notFoundRes(`${parent}/certificates/${req.params.id}`);
    });
    r.delete(`${L}/certificates/{id}`, (req) => {
        const parent = loc(world, req);
        if (isRes(parent))
            return parent;
        const name = `${parent}/certificates/${req.params.id}`;
        if (!world.certs.has(name))
            return notFoundRes(name);
        if (!hasPermission(world, 'certificatemanager.certs.delete'))
            return permissionDenied('certificatemanager.certs.delete', name);
        world.certs.delete(name);
        return ok(lro(world, parent, 'delete', name, () => ({ '@type': 'type.googleapis.com/google.protobuf.Empty' })));
    });
}

;// CONCATENATED MODULE: ./sandbox/gcp/certmanager/dns-authorizations.ts





/** DNS authorizations: create (LRO) with the CNAME record to publish, list, get, delete when no certificate uses one. */
function dnsAuthorizationRoutes(r, world) {
    r.post(`${L}/dnsAuthorizations`, (req) => {
        const target = createTarget(world, req, 'certificatemanager.dnsauthorizations.create', 'dnsAuthorizationId', 'dnsAuthorizations', world.dnsAuthorizations);
        if (isRes(target))
            return target;
        const { parent, name } = target;
        const b = bodyObject(req);
        const domain = typeof b.domain === 'string' ? b.domain.replace(/\.$/, '') : '';
        if (!domain || domain.startsWith('*') || !(0,net/* isValidDomain */.Ll)(domain))
            return googleError(400, `Invalid domain: "${domain}"`, 'badRequest');
        const now = new Date().toISOString();
        const hash = (0,external_node_crypto_.createHash)('sha256').update(`${world.scn.projectNumber}:${domain}:${name}`).digest('hex');
        const auth = {
            name,
            createTime: now,
            updateTime: now,
            domain,
            dnsResourceRecord: {
                name: `_acme-challenge.${domain}.`,
                type: 'CNAME',
                data: `${hash.slice(0, 12)}-${hash.slice(12, 16)}.${(parseInt(hash.slice(16, 18), 16) % 20) + 1}.authorize.certificatemanager.goog.`,
            },
            type: typeof b.type === 'string' ? b.type : 'FIXED_RECORD',
        };
        if (b.description)
            auth.description = b.description;
        if (b.labels)
            auth.labels = b.labels;
        world.dnsAuthorizations.set(name, auth);
        return ok(lro(world, parent, 'create', name, () => ({
            '@type': `${T}.DnsAuthorization`,
            ...structuredClone(auth),
        })));
    });
    r.get(`${L}/dnsAuthorizations`, (req) => {
        const parent = loc(world, req);
        if (isRes(parent))
            return parent;
        const items = [...world.dnsAuthorizations.entries()]
            .filter(([n]) => n.startsWith(`${parent}/`))
            .map(([, a]) => structuredClone(a));
        const page = paginate(items, req, 'pageSize', 500, 500);
        if (isRes(page))
            return page;
        return ok({
            dnsAuthorizations: page.items,
            ...(page.nextPageToken ? { nextPageToken: page.nextPageToken } : {}),
        });
    });
    r.get(`${L}/dnsAuthorizations/{id}`, (req) => {
        const parent = loc(world, req);
        if (isRes(parent))
            return parent;
        const a = world.dnsAuthorizations.get(`${parent}/dnsAuthorizations/${req.params.id}`);
        return a ? ok(structuredClone(a)) : notFoundRes(`${parent}/dnsAuthorizations/${req.params.id}`);
    });
    r.delete(`${L}/dnsAuthorizations/{id}`, (req) => {
        const parent = loc(world, req);
        if (isRes(parent))
            return parent;
        const name = `${parent}/dnsAuthorizations/${req.params.id}`;
        if (!world.dnsAuthorizations.has(name))
            return notFoundRes(name);
        const user = [...world.certs.values()].find((c) => c.body.managed?.dnsAuthorizations?.some((a) => a.endsWith(name)));
        if (user)
            return googleErrorInfo(400, `Resource '${name}' is in use by '${user.name}'`, 'RESOURCE_IN_USE', 'failedPrecondition');
        world.dnsAuthorizations.delete(name);
        return ok(lro(world, parent, 'delete', name, () => ({ '@type': 'type.googleapis.com/google.protobuf.Empty' })));
    });
}

;// CONCATENATED MODULE: ./sandbox/gcp/certmanager/operations.ts



/** Certificate Manager operations: get and list. */
function operationRoutes(r, world) {
    r.get(`${L}/operations/{op}`, (req) => {
        const parent = loc(world, req);
        if (isRes(parent))
            return parent;
        const name = `${parent}/operations/${req.params.op}`;
        const op = world.operations.get(name);
        if (!op)
            return notFoundRes(name);
        const v = lroView(op, world.now());
        if (v.done)
            v.metadata.endTime = new Date(op.doneAt).toISOString();
        return ok(v);
    });
    r.get(`${L}/operations`, (req) => {
        const parent = loc(world, req);
        if (isRes(parent))
            return parent;
        const items = [...world.operations.values()]
            .filter((o) => o.name.startsWith(`${parent}/operations/`))
            .map((o) => lroView(o, world.now()));
        const page = paginate(items, req, 'pageSize', 500, 500);
        if (isRes(page))
            return page;
        return ok({
            operations: page.items,
            ...(page.nextPageToken ? { nextPageToken: page.nextPageToken } : {}),
        });
    });
}

;// CONCATENATED MODULE: ./sandbox/gcp/certmanager/index.ts





/** Certificate Manager's resource families, one file each. A new family: one file, one line here. */
const CERTIFICATE_MANAGER_FAMILIES = [
    certificateRoutes,
    dnsAuthorizationRoutes,
    operationRoutes,
];
/** Certificate Manager v1: certificates (managed state moves with delegation and time) and DNS authorizations, as LROs. */
function certificateManagerRouter(world) {
    const r = new Router();
    apiGuard(world, r, 'certificatemanager.googleapis.com');
    for (const family of CERTIFICATE_MANAGER_FAMILIES)
        family(r, world);
    return r;
}

;// CONCATENATED MODULE: ./sandbox/gcp/guest-limits.ts
/**
 * Guest attributes as the metadata server limits them. Sources: Compute Engine, "Set and query guest attributes"
 * (cloud.google.com/compute/docs/metadata/manage-guest-attributes):
 * - guest attributes are off unless the metadata key `enable-guest-attributes` is `TRUE` (instance, or project
 *   metadata); until then the metadata server answers the VM's reads and writes of
 *   /computeMetadata/v1/instance/guest-attributes/ with 403 "Guest attributes endpoint access is disabled."
 *   (the text and status GCE returns, as clients of the metadata server match it, e.g. a metadata
 *   client's `isGuestAttributesDisabled`: HTTP 403 and that message);
 * - writes from the VM are limited to 10 a minute per VM, with bursts of up to 3 a second, and writes beyond
 *   that may be dropped. The emulator drops every write beyond either limit, and answers it like a stored one
 *   (the VM cannot tell): the hostile reading of "may drop".
 * The limiter runs on the emulators' clock (`GcpWorld.now`), which tests may replace.
 */
const GUEST_WRITE_LIMITS = { perMinute: 10, perSecond: 3 };
const GUEST_ATTRIBUTES_DISABLED = 'Guest attributes endpoint access is disabled.';
/** Whether instance metadata items turn guest attributes on (`enable-guest-attributes: TRUE`, any case). */
function guestAttributesEnabled(items) {
    return /^true$/i.test((items['enable-guest-attributes'] ?? '').trim());
}
/** Every write a VM made to its guest attributes, kept or dropped, per instance path. */
class GuestWriteLimiter {
    writes = new Map();
    /** Records a write at `now`; false when it is over the limits (dropped). */
    admit(instancePath, key, now) {
        const log = this.writes.get(instancePath) ?? [];
        const kept = log.filter((w) => !w.dropped);
        const lastMinute = kept.filter((w) => now - w.at < 60_000).length;
        const lastSecond = kept.filter((w) => now - w.at < 1_000).length;
        const ok = lastMinute < GUEST_WRITE_LIMITS.perMinute && lastSecond < GUEST_WRITE_LIMITS.perSecond;
        log.push({ at: now, key, dropped: !ok });
        // Older than a minute no longer counts; keep the last 200 for tests and debugging.
        this.writes.set(instancePath, log.slice(-200));
        return ok;
    }
    dropped(instancePath) {
        return (this.writes.get(instancePath) ?? []).filter((w) => w.dropped);
    }
}

;// CONCATENATED MODULE: ./sandbox/gcp/state.ts




const COMPUTE_LINK_BASE = 'https://www.googleapis.com/compute/v1/';
const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';
/** Fixed numeric id from a string, so ids are stable across runs of one scenario. */
function numericId(seed, digits = 19) {
    const h = (0,external_node_crypto_.createHash)('sha256').update(seed).digest();
    let s = '';
    for (let i = 0; s.length < digits; i++)
        s += String(h[i % h.length]);
    s = s.slice(0, digits);
    return s[0] === '0' ? `1${s.slice(1)}` : s;
}
class GcpWorld {
    scenarioRef;
    keyFile;
    privateKeyPem;
    publicKeyPem;
    keyId;
    clientEmail;
    clientId;
    externalAccountFile;
    subjectTokenFile;
    /** The OIDC token the subject token file holds (what a GitHub OIDC token would be). */
    subjectToken;
    keyCreatedAt;
    /** access token -> identity and expiry. */
    tokens = new Map();
    services = new Map();
    operations = new Map();
    /** Compute resources keyed by relative path `projects/p/<scope>/<collection>/<name>`. */
    compute = new Map();
    computeOps = new Map();
    zones = new Map();
    certs = new Map();
    dnsAuthorizations = new Map();
    guest = new Map();
    /** The metadata server's guest-attribute write limits, per VM (sandbox/gcp/guest-limits.ts). */
    guestWrites = new GuestWriteLimiter();
    /** The emulators' clock (operation lag, propagation, certificate provisioning); tests may replace it. */
    now = () => Date.now();
    counter = 0;
    constructor(scenarioRef, dir) {
        this.scenarioRef = scenarioRef;
        const s = this.scn;
        const { privateKey, publicKey } = (0,external_node_crypto_.generateKeyPairSync)('rsa', { modulusLength: 2048 });
        this.privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
        this.publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
        this.keyId = (0,external_node_crypto_.randomBytes)(20).toString('hex');
        this.clientEmail = s.serviceAccount.email;
        this.clientId = numericId(`client:${this.clientEmail}`, 21);
        this.keyCreatedAt = this.now() - s.serviceAccount.keyAgeDays * 86_400_000;
        this.keyFile = (0,external_node_path_.join)(dir, `${s.projectId}-${this.keyId.slice(0, 12)}.json`);
        (0,external_node_fs_.writeFileSync)(this.keyFile, JSON.stringify({
            type: 'service_account',
            project_id: s.projectId,
            private_key_id: this.keyId,
            private_key: this.privateKeyPem,
            client_email: this.clientEmail,
            client_id: this.clientId,
            auth_uri: 'https://accounts.google.com/o/oauth2/auth',
            token_uri: GOOGLE_TOKEN_URL,
            auth_provider_x509_cert_url: 'https://www.googleapis.com/oauth2/v1/certs',
            client_x509_cert_url: `https://www.googleapis.com/robot/v1/metadata/x509/${encodeURIComponent(this.clientEmail)}`,
            universe_domain: 'googleapis.com',
        }, null, 2) + '\n', { mode: 0o600 });
        this.subjectTokenFile = (0,external_node_path_.join)(dir, 'github-oidc-token.txt');
        this.externalAccountFile = (0,external_node_path_.join)(dir, 'gha-creds-sandbox.json');
        this.subjectToken = makeUnsignedOidcToken(s.projectNumber);
        (0,external_node_fs_.writeFileSync)(this.subjectTokenFile, this.subjectToken, { mode: 0o600 });
        const t0 = 0;
        for (const api of s.enabledApis)
            this.services.set(api, { enabledAt: t0, usableAt: t0 });
    }
    get scn() {
        return this.scenarioRef().gcp;
    }
    get scenario() {
        return this.scenarioRef();
    }
    /** The Workload Identity provider audience the external_account file carries. */
    get wifAudience() {
        return `//iam.googleapis.com/projects/${this.scn.projectNumber}/locations/global/workloadIdentityPools/github/providers/github`;
    }
    nextId() {
        return ++this.counter;
    }
    /** Writes the external_account file once the STS and IAM Credentials URLs are known. */
    writeExternalAccountFile(stsUrl, iamCredentialsUrl) {
        (0,external_node_fs_.writeFileSync)(this.externalAccountFile, JSON.stringify({
            type: 'external_account',
            audience: this.wifAudience,
            subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
            token_url: `${stsUrl}/v1/token`,
            service_account_impersonation_url: `${iamCredentialsUrl}/v1/projects/-/serviceAccounts/${this.clientEmail}:generateAccessToken`,
            credential_source: { file: this.subjectTokenFile, format: { type: 'text' } },
            universe_domain: 'googleapis.com',
        }, null, 2) + '\n', { mode: 0o600 });
    }
    /** The project id when `p` names this project by id or number. */
    project(p) {
        return p === this.scn.projectId || p === this.scn.projectNumber ? this.scn.projectId : undefined;
    }
    issueAccessToken(email, lifetimeSeconds = 3600, federated = false) {
        const token = `ya29.${federated ? 'fed' : 'c'}.sandbox-${(0,external_node_crypto_.randomBytes)(24).toString('base64url')}`;
        const expiresAt = this.now() + lifetimeSeconds * 1000;
        this.tokens.set(token, { email, expiresAt, federated });
        return { token, expiresAt };
    }
    serviceState(service) {
        const e = this.services.get(service);
        const now = this.now();
        if (!e)
            return { enabled: false, usable: false };
        return { enabled: now >= e.enabledAt, usable: now >= e.usableAt };
    }
    // ---- Compute ----
    listResources(collection, project) {
        const out = [];
        for (const [path, r] of this.compute) {
            const parts = path.split('/');
            if (parts[parts.length - 2] !== collection)
                continue;
            if (project && parts[1] !== project && !(this.project(project) && parts[1] === this.project(project)))
                continue;
            out.push(structuredClone(r));
        }
        return out;
    }
    getResource(path) {
        const rel = path.startsWith('http')
            ? path.replace(/^https?:\/\/[^/]+\/compute\/v1\//, '')
            : path.replace(/^\//, '');
        const r = this.compute.get(rel);
        return r ? structuredClone(r) : undefined;
    }
    guestAttributes(instancePath) {
        return { ...(this.guest.get(instancePath) ?? {}) };
    }
    setGuestAttribute(instancePath, nsKey, value) {
        const m = this.guest.get(instancePath) ?? {};
        m[nsKey] = value;
        this.guest.set(instancePath, m);
    }
    // ---- Cloud DNS ----
    managedZones() {
        return [...this.zones.values()].map((z) => ({
            name: z.name,
            dnsName: z.dnsName,
            nameServers: [...z.nameServers],
        }));
    }
    recordSets(zoneName) {
        return structuredClone(this.zones.get(zoneName)?.rrsets ?? []);
    }
    /** Creates a managed zone with its SOA and NS records; name servers ns-cloud-<x>1..4.googledomains.com. */
    addZone(name, dnsName, description = '', extra = {}) {
        const letter = 'abcde'[this.zones.size % 5];
        const nameServers = [1, 2, 3, 4].map((i) => `ns-cloud-${letter}${i}.googledomains.com.`);
        const zone = {
            name,
            dnsName,
            description,
            id: numericId(`zone:${name}:${this.nextId()}`, 19),
            nameServers,
            creationTime: new Date().toISOString(),
            visibility: 'public',
            rrsets: [
                { name: dnsName, type: 'NS', ttl: 21600, rrdatas: [...nameServers] },
                {
                    name: dnsName,
                    type: 'SOA',
                    ttl: 21600,
                    rrdatas: [`${nameServers[0]} cloud-dns-hostmaster.google.com. 1 21600 3600 259200 300`],
                },
            ],
            changes: [],
            ...extra,
        };
        this.zones.set(name, zone);
        return zone;
    }
    // ---- Certificate Manager ----
    certificates() {
        return [...this.certs.values()].map((c) => this.certView(c));
    }
    /** A certificate as the API returns it now: managed.state moves on with time, delegation and DNS records. */
    certView(c) {
        const body = structuredClone(c.body);
        const managed = body.managed;
        if (!managed)
            return body;
        const cfg = this.scn.certificates;
        const domains = managed.domains ?? [];
        const delegated = !cfg.needsDelegation || this.scenario.dns.delegated;
        const missingRecords = domains.filter((d) => !this.challengeRecordPresent(d, managed.dnsAuthorizations ?? []));
        const timeUp = this.now() - c.createdAt >= cfg.activeAfterMs;
        let state = 'PROVISIONING';
        if (delegated && missingRecords.length === 0 && timeUp)
            state = cfg.finalState;
        managed.state = state;
        if (state === 'ACTIVE') {
            managed.authorizationAttemptInfo = domains.map((domain) => ({
                domain,
                state: 'AUTHORIZED',
                details: '',
            }));
            body.pemCertificate = `-----BEGIN CERTIFICATE-----\n${Buffer.from(`sandbox certificate for ${domains.join(',')}`).toString('base64')}\n-----END CERTIFICATE-----\n`;
            body.sanDnsnames = [...domains];
            body.expireTime = new Date(c.createdAt + 90 * 86_400_000).toISOString();
        }
        else if (state === 'FAILED') {
            managed.authorizationAttemptInfo = domains.map((domain) => ({
                domain,
                state: 'FAILED',
                failureReason: 'CONFIG',
                details: `Authorization of ${domain} failed: the DNS authorization record could not be validated.`,
            }));
            managed.provisioningIssue = {
                reason: 'AUTHORIZATION_ISSUE',
                details: 'Certificate authorization failed for one or more domains.',
            };
        }
        else {
            managed.authorizationAttemptInfo = domains.map((domain) => {
                const reason = !delegated
                    ? `The domain ${domain.replace(/^\*\./, '')} is not delegated to the Cloud DNS zone's name servers: the DNS authorization record cannot be resolved publicly.`
                    : missingRecords.includes(domain)
                        ? `The CNAME record for the DNS authorization of ${domain.replace(/^\*\./, '')} was not found.`
                        : undefined;
                return reason
                    ? { domain, state: 'AUTHORIZING', failureReason: 'CONFIG', details: reason }
                    : { domain, state: 'AUTHORIZING', details: 'Authorization in progress.' };
            });
        }
        return body;
    }
    /** Whether the DNS authorization's CNAME exists in a Cloud DNS zone that covers it (assumed present when no zone covers it). */
    challengeRecordPresent(domain, authNames) {
        const bare = domain.replace(/^\*\./, '');
        const auth = authNames
            .map((n) => this.dnsAuthorizations.get(n.replace(/^\/\/certificatemanager\.googleapis\.com\//, '')))
            .find((a) => a && a.domain === bare);
        if (!auth)
            return true;
        const rr = auth.dnsResourceRecord;
        const zone = [...this.zones.values()]
            .filter((z) => rr.name === z.dnsName || rr.name.endsWith(`.${z.dnsName}`))
            .sort((a, b) => b.dnsName.length - a.dnsName.length)[0];
        if (!zone)
            return true;
        return zone.rrsets.some((r) => r.name === rr.name && r.type === rr.type && r.rrdatas.includes(rr.data));
    }
}
/** A GitHub-Actions-shaped OIDC token (unsigned: the STS emulator checks its claims, not a GitHub signature). */
function makeUnsignedOidcToken(projectNumber) {
    const enc = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    return [
        enc({ alg: 'RS256', typ: 'JWT', kid: 'sandbox-github-oidc' }),
        enc({
            iss: 'https://token.actions.githubusercontent.com',
            aud: `https://iam.googleapis.com/projects/${projectNumber}/locations/global/workloadIdentityPools/github/providers/github`,
            sub: 'repo:acme/platform-infra:ref:refs/heads/main',
            repository: 'acme/platform-infra',
            iat: now,
            exp: now + 86_400 * 365,
        }),
        Buffer.from('sandbox-signature').toString('base64url'),
    ].join('.');
}

;// CONCATENATED MODULE: ./sandbox/gcp/compute/resources.ts



/** The project-scoped prefix of every Compute v1 path. */
const C = '/compute/v1/projects/{project}';
/** RFC 1035 names, as Compute requires for every resource name. */
const NAME_RE = /^[a-z](?:[-a-z0-9]{0,61}[a-z0-9])?$/;
const BASE = COMPUTE_LINK_BASE;
const SINGULAR = {
    addresses: 'address',
    globalAddresses: 'address',
    policies: 'policy',
    regionHealthChecks: 'healthCheck',
};
function singular(collection) {
    return (SINGULAR[collection] ??
        (collection.endsWith('ses') ? collection.slice(0, -2) : collection.replace(/s$/, '')));
}
function stamp(ms = Date.now()) {
    return new Date(ms).toISOString().replace('Z', '-00:00');
}
function fingerprint() {
    return (0,external_node_crypto_.randomBytes)(8).toString('base64');
}
function vcpus(machineType) {
    const name = machineType.split('/').pop() ?? '';
    const custom = /custom-(\d+)-\d+$/.exec(name);
    if (custom)
        return Number(custom[1]);
    const m = /-(\d+)$/.exec(name);
    return m ? Number(m[1]) : 2;
}
/**
 * The regional quota metric an instance's vCPUs count against. Metrics from the Quota.metric enum (Compute v1
 * discovery document; compute.proto `message Quota` in @google-cloud/compute): N2, N2D, C2, C2D, C3, A2, M1-M3, T2A,
 * T2D have their own; N1, E2 and shared-core types, and families without a metric of their own (c3d, h3, ...), count
 * against CPUS (cloud.google.com/compute/resource-usage#cpu_quota). An instance counts against its family's metric
 * only, never against CPUS as well, and against the project's CPUS_ALL_REGIONS.
 */
function cpuQuotaMetric(machineType) {
    const name = machineType.split('/').pop() ?? '';
    const family = name.startsWith('custom-') ? 'n1' : (name.split('-')[0] ?? '');
    const own = ['a2', 'c2', 'c2d', 'c3', 'm1', 'm2', 'm3', 'n2', 'n2d', 't2a', 't2d'];
    return own.includes(family) ? `${family.toUpperCase()}_CPUS` : 'CPUS';
}
/** The project-level metric every instance's vCPUs count against, whatever its region and family. */
const GLOBAL_CPUS = 'CPUS_ALL_REGIONS';
function ipToString(n) {
    return [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');
}
function conditionNotMet(message) {
    const res = googleError(412, message, 'conditionNotMet');
    const err = res.body.error.errors[0];
    err.location = 'If-Match';
    err.locationType = 'header';
    return res;
}
function notFound(path) {
    return googleError(404, `The resource '${path}' was not found`, 'notFound');
}
function invalid(field, value, why) {
    return googleError(400, `Invalid value for field '${field}': '${typeof value === 'string' ? value : JSON.stringify(value)}'. ${why}`, 'invalid');
}
/** Parses a Compute link or relative path into its project, scope and collection. */
function parseLink(link) {
    const m = /^(?:https?:\/\/[^/]+\/compute\/(?:v1|beta|alpha)\/)?projects\/([^/]+)\/(global|regions\/[^/]+|zones\/[^/]+)\/([a-zA-Z]+)\/(.+)$/.exec(link);
    if (!m)
        return undefined;
    return {
        project: m[1],
        scope: m[2],
        collection: m[3],
        name: m[4],
        rel: `projects/${m[1]}/${m[2]}/${m[3]}/${m[4]}`,
    };
}

;// CONCATENATED MODULE: ./sandbox/gcp/compute/aggregated.ts


/** `aggregated/{collection}`: every scope listed, empty ones with the NO_RESULTS_ON_PAGE warning. */
function aggregatedRoutes(r, cx) {
    const { gcp, ce } = cx;
    r.get(`${C}/aggregated/{collection}`, (req) => {
        const p = cx.proj(req);
        if (isRes(p))
            return p;
        const collection = req.params.collection;
        const all = [...gcp.compute.entries()]
            .filter(([rel]) => rel.startsWith(`projects/${p}/`) && parseLink(rel)?.collection === collection)
            .map(([rel, res]) => ({ scope: parseLink(rel).scope, res: ce.view(res) }))
            .filter((x) => matchesFilter(x.res, req.query.get('filter')))
            .sort((a, b) => (a.scope + String(a.res.name)).localeCompare(b.scope + String(b.res.name)));
        const page = paginate(all, req, 'maxResults', 500, 500);
        if (isRes(page))
            return page;
        const items = {};
        const scopes = collection === 'instances' || collection === 'disks' || collection === 'instanceGroups'
            ? ce.zonesOf().map((z) => `zones/${z.zone}`)
            : ['global', ...ce.regionsOf().map((x) => `regions/${x}`)];
        for (const s of scopes)
            items[s] = {
                warning: {
                    code: 'NO_RESULTS_ON_PAGE',
                    message: `There are no results for scope '${s}' on this page.`,
                    data: [{ key: 'scope', value: s }],
                },
            };
        for (const x of page.items) {
            const cur = items[x.scope];
            const list = cur && Array.isArray(cur[collection]) ? cur[collection] : [];
            list.push(x.res);
            items[x.scope] = { [collection]: list };
        }
        const rel = `projects/${p}/aggregated/${collection}`;
        const body = {
            kind: `compute#${singular(collection)}AggregatedList`,
            id: rel,
            items,
            selfLink: `${BASE}${rel}`,
        };
        if (page.nextPageToken)
            body.nextPageToken = page.nextPageToken;
        return ok(body);
    });
}

// EXTERNAL MODULE: ./shared/gcp/location-groups.ts
var location_groups = __webpack_require__(32829);
;// CONCATENATED MODULE: ./sandbox/gcp/compute/insert-instance.ts


/** An instance: machine type, quota (CPUS), boot disk created from its image, NICs with IPs, metadata, tags. */
function prepareInstance(x) {
    const { body, p, name, rel, region, zone, extra, created, raw } = x;
    const { gcp, ce } = x.cx;
    if (typeof body.machineType !== 'string')
        return invalid('resource.machineType', '', 'Must be specified.');
    const mt = parseLink(body.machineType);
    if (!mt || !ce.machineType(p, zone, mt.name))
        return invalid('resource.machineType', body.machineType, 'Machine type with name was not found in zone.');
    // Its family's regional metric (N2_CPUS, ... or CPUS), then the project's CPUS_ALL_REGIONS.
    const q = x.checkQuota(cpuQuotaMetric(mt.name), vcpus(mt.name)) ?? x.checkProjectQuota(GLOBAL_CPUS, vcpus(mt.name));
    if (q)
        return q;
    const disks = Array.isArray(body.disks) ? body.disks : [];
    if (!disks.some((d) => d.boot))
        return googleError(400, "Invalid value for field 'resource.disks': ''. Boot disk must be specified.", 'invalid');
    for (const [i, d] of disks.entries()) {
        const init = d.initializeParams;
        if (init) {
            const miss = x.refMissing(init.sourceImage, `resource.disks[${i}].initializeParams.sourceImage`);
            if (miss)
                return miss;
            const diskName = typeof init.diskName === 'string' ? init.diskName : i === 0 ? name : `${name}-${i}`;
            const img = typeof init.sourceImage === 'string' ? ce.resolveImage(init.sourceImage) : undefined;
            const diskRel = `projects/${p}/zones/${zone}/disks/${diskName}`;
            created.push({
                rel: diskRel,
                body: {
                    kind: 'compute#disk',
                    sizeGb: String(init.diskSizeGb ?? img?.diskSizeGb ?? '10'),
                    status: 'READY',
                    sourceImage: img?.selfLink,
                    type: `${BASE}projects/${p}/zones/${zone}/diskTypes/${typeof init.diskType === 'string' ? init.diskType.split('/').pop() : 'pd-standard'}`,
                    users: [`${BASE}${rel}`],
                    labels: init.labels,
                },
            });
            d.source = `${BASE}${diskRel}`;
            d.autoDelete = d.autoDelete ?? true;
            delete d.initializeParams;
        }
        else {
            const miss = x.refMissing(d.source, `resource.disks[${i}].source`);
            if (miss)
                return miss;
        }
        d.kind = 'compute#attachedDisk';
        d.index = i;
        d.deviceName = d.deviceName ?? (i === 0 ? 'persistent-disk-0' : `persistent-disk-${i}`);
        d.type = d.type ?? 'PERSISTENT';
        d.mode = d.mode ?? 'READ_WRITE';
        d.interface = d.interface ?? 'SCSI';
    }
    const nics = Array.isArray(body.networkInterfaces) ? body.networkInterfaces : [{}];
    for (const [i, nic] of nics.entries()) {
        nic.network = nic.network ?? `${BASE}projects/${p}/global/networks/default`;
        if (!nic.subnetwork) {
            const sub = [...gcp.compute.values()].find((s) => s.kind === 'compute#subnetwork' &&
                s.network === nic.network &&
                s.region === `${BASE}projects/${p}/regions/${region}`);
            if (sub)
                nic.subnetwork = sub.selfLink;
        }
        const miss = x.refMissing(nic.network, `resource.networkInterfaces[${i}].network`) ??
            x.refMissing(nic.subnetwork, `resource.networkInterfaces[${i}].subnetwork`);
        if (miss)
            return miss;
        nic.kind = 'compute#networkInterface';
        nic.name = `nic${i}`;
        nic.networkIP = nic.networkIP ?? ce.allocateInternalIp(nic.subnetwork);
        nic.fingerprint = fingerprint();
        nic.stackType = nic.stackType ?? 'IPV4_ONLY';
        for (const ac of nic.accessConfigs ?? []) {
            ac.kind = 'compute#accessConfig';
            ac.type = ac.type ?? 'ONE_TO_ONE_NAT';
            ac.name = ac.name ?? 'External NAT';
            ac.natIP = ac.natIP ?? ce.allocateExternalIp();
            ac.networkTier = ac.networkTier ?? 'PREMIUM';
        }
    }
    body.networkInterfaces = nics;
    const md = raw.metadata ?? {};
    const items = Array.isArray(md.items)
        ? md.items.map((it) => ({
            key: String(it.key),
            value: it.value === undefined ? '' : String(it.value),
        }))
        : [];
    body.metadata = items.length
        ? { kind: 'compute#metadata', fingerprint: fingerprint(), items }
        : { kind: 'compute#metadata', fingerprint: fingerprint() };
    const tags = raw.tags;
    body.tags = tags?.items
        ? { items: tags.items, fingerprint: fingerprint() }
        : { fingerprint: fingerprint() };
    Object.assign(extra, {
        status: 'RUNNING',
        cpuPlatform: 'Intel Broadwell',
        lastStartTimestamp: stamp(),
        startRestricted: false,
        deletionProtection: false,
        fingerprint: fingerprint(),
    });
    body.scheduling = body.scheduling ?? {
        onHostMaintenance: 'MIGRATE',
        automaticRestart: true,
        preemptible: false,
        provisioningModel: 'STANDARD',
    };
    return undefined;
}
/** A managed instance group: its instance group created beside it, status and update policy as GCE fills them. */
function prepareInstanceGroupManager(x) {
    const { body, p, name, region, extra, created, scope, sp } = x;
    const { ce } = x.cx;
    // The Terraform provider sends versions[] only (instanceTemplate is the API's older single-template field).
    body.instanceTemplate ??= body.versions?.[0]
        ?.instanceTemplate;
    const miss = x.refMissing(body.instanceTemplate, 'resource.instanceTemplate');
    if (miss)
        return miss;
    if (typeof body.instanceTemplate !== 'string')
        return invalid('resource.instanceTemplate', '', 'Must be specified.');
    if (region && scope.kind === 'regions') {
        const q = x.checkQuota('INSTANCE_GROUP_MANAGERS', 1);
        if (q)
            return q;
    }
    const igRel = `projects/${p}/${sp}/instanceGroups/${name}`;
    created.push({
        rel: igRel,
        body: {
            kind: 'compute#instanceGroup',
            size: Number(body.targetSize ?? 0),
            namedPorts: body.namedPorts,
            fingerprint: fingerprint(),
        },
    });
    extra.instanceGroup = `${BASE}${igRel}`;
    extra.fingerprint = fingerprint();
    extra.status = {
        isStable: true,
        versionTarget: { isReached: true },
        stateful: { hasStatefulConfig: false },
        allInstancesConfig: { effective: true },
    };
    extra.currentActions = {
        none: Number(body.targetSize ?? 0),
        creating: 0,
        creatingWithoutRetries: 0,
        verifying: 0,
        recreating: 0,
        deleting: 0,
        abandoning: 0,
        restarting: 0,
        refreshing: 0,
        resuming: 0,
        starting: 0,
        stopping: 0,
        suspending: 0,
    };
    body.baseInstanceName = body.baseInstanceName ?? name;
    body.targetSize = Number(body.targetSize ?? 0);
    body.listManagedInstancesResults = body.listManagedInstancesResults ?? 'PAGELESS';
    body.updatePolicy = body.updatePolicy ?? {
        type: 'OPPORTUNISTIC',
        minimalAction: 'REPLACE',
        maxSurge: { fixed: 3, calculated: 3 },
        maxUnavailable: { fixed: 3, calculated: 3 },
        replacementMethod: 'SUBSTITUTE',
    };
    if (scope.kind === 'regions') {
        const zones = ce.zonesOf().filter((z) => z.region === region);
        body.distributionPolicy = body.distributionPolicy ?? {
            zones: zones.map((z) => ({ zone: `${BASE}projects/${p}/zones/${z.zone}` })),
            targetShape: 'EVEN',
        };
    }
    return undefined;
}

;// CONCATENATED MODULE: ./sandbox/gcp/compute/insert.ts






/** Collections whose references must exist at insert time. */
const REFERENCED = [
    'networks',
    'subnetworks',
    'instanceTemplates',
    'addresses',
    'disks',
    'healthChecks',
    'backendServices',
    'regionBackendServices',
    'urlMaps',
    'targetHttpsProxies',
    'targetHttpProxies',
];
/** The collection-specific part of an insert; collections not listed only get a fingerprint. */
const PREPARE = {
    instances: prepareInstance,
    addresses: prepareAddress,
    globalAddresses: prepareAddress,
    networks: prepareNetwork,
    subnetworks: prepareSubnetwork,
    firewalls: prepareFirewall,
    forwardingRules: prepareForwardingRule,
    globalForwardingRules: prepareForwardingRule,
    instanceTemplates: prepareInstanceTemplate,
    regionInstanceTemplates: prepareInstanceTemplate,
    instanceGroupManagers: prepareInstanceGroupManager,
    disks: prepareDisk,
};
/** POST to a collection: name, permission, conflict, references and quota checked, then an insert operation. */
function insertResource(req, cx, p, scope, collection) {
    const { gcp, ce } = cx;
    const raw = bodyObject(req);
    const name = raw.name;
    const sp = cx.scopePath(scope);
    if (typeof name !== 'string' || !NAME_RE.test(name))
        return invalid('resource.name', name ?? '', "Must be a match of regex '(?:[a-z](?:[-a-z0-9]{0,61}[a-z0-9])?)'");
    const rel = `projects/${p}/${sp}/${collection}/${name}`;
    const denied = cx.need(cx.verbPerm(collection, 'create'), rel);
    if (denied)
        return denied;
    if (gcp.compute.has(rel))
        return googleError(409, `The resource '${rel}' already exists`, 'alreadyExists');
    const outside = locationRefusal(cx, scope, rel);
    if (outside)
        return outside;
    const region = scope.kind === 'regions'
        ? scope.name
        : scope.kind === 'zones'
            ? ce.zonesOf().find((z) => z.zone === scope.name)?.region
            : undefined;
    const zone = scope.kind === 'zones' ? scope.name : undefined;
    const body = ce.normalize(raw, p, { region, zone });
    if (raw.labels !== undefined)
        body.labelFingerprint = fingerprint();
    const x = {
        req,
        cx,
        p,
        scope,
        sp,
        collection,
        name,
        rel,
        raw,
        body,
        region,
        zone,
        extra: {},
        created: [],
        refMissing: (link, field) => refMissing(cx, link, field),
        checkQuota: (metric, add) => checkQuota(cx, region, metric, add),
        checkProjectQuota: (metric, add) => checkProjectQuota(cx, metric, add),
    };
    const prepare = PREPARE[collection];
    const refused = prepare ? prepare(x) : undefined;
    if (refused)
        return refused;
    if (!prepare && body.fingerprint === undefined)
        x.extra.fingerprint = fingerprint();
    for (const c of x.created)
        ce.put(c.rel, c.body);
    const res = ce.put(rel, { ...body, ...x.extra });
    const op = ce.operation(p, sp, 'insert', res, cx.userOf(req));
    if (collection === 'instances' && zone) {
        const md = res.metadata.items;
        if (md?.some((i) => i.key === 'startup-script'))
            ce.boot(p, zone, res);
    }
    return ok(op);
}
function refMissing(cx, link, field) {
    if (typeof link !== 'string')
        return undefined;
    const parsed = parseLink(link);
    if (!parsed)
        return invalid(field, link, 'Must be a URL to a Compute resource.');
    if (parsed.collection === 'images')
        return cx.ce.resolveImage(link) ? undefined : notFound(parsed.rel);
    if (REFERENCED.includes(parsed.collection) && !cx.gcp.compute.has(parsed.rel))
        return notFound(parsed.rel);
    return undefined;
}
function checkQuota(cx, region, metric, add) {
    if (!region)
        return undefined;
    const q = cx.gcp.scn.regions[region]?.quotas[metric];
    if (!q)
        return undefined;
    if (q.usage + cx.ce.quotaUsage(region, metric) + add > q.limit)
        return googleError(403, `Quota '${metric}' exceeded.  Limit: ${q.limit.toFixed(1)} in region ${region}.`, 'quotaExceeded');
    return undefined;
}
/**
 * gcp.resourceLocations enforced on create: a zonal or regional resource outside the effective policy is refused
 * with 412 conditionNotMet, `Location ZONE:<zone> violates constraint constraints/gcp.resourceLocations on the
 * resource <rel>.` (the message Compute gives, as quoted in googlecodelabs/feedback#351 and
 * cloudfoundry/bosh-bootloader#513; `REGION:` for regional resources by the same pattern). Value groups are
 * Google's (shared/gcp/location-groups.ts); a group the table does not know is not enforced. Global resources are
 * never refused: the constraint "does not affect where global resources ... are created" (defining-locations).
 */
function locationRefusal(cx, scope, rel) {
    if (scope.kind !== 'zones' && scope.kind !== 'regions')
        return undefined;
    const o = cx.gcp.scn.orgPolicies;
    if (!o.resourceLocations && !o.resourceLocationsDenied)
        return undefined;
    const verdict = (0,location_groups/* locationAllowedBy */.TY)({ allowedValues: o.resourceLocations, deniedValues: o.resourceLocationsDenied }, scope.name);
    if (verdict.allowed !== 'no')
        return undefined;
    return googleError(412, `Location ${scope.kind === 'zones' ? 'ZONE' : 'REGION'}:${scope.name} violates constraint constraints/gcp.resourceLocations on the resource ${rel}.`, 'conditionNotMet');
}
/** A project quota (`gcp.projectQuotas`): Compute says "globally" where a regional quota names its region. */
function checkProjectQuota(cx, metric, add) {
    const q = cx.gcp.scn.projectQuotas?.[metric];
    if (!q)
        return undefined;
    if (q.usage + cx.ce.projectQuotaUsage(metric) + add > q.limit)
        return googleError(403, `Quota '${metric}' exceeded.  Limit: ${q.limit.toFixed(1)} globally.`, 'quotaExceeded');
    return undefined;
}
/** An address: STATIC_ADDRESSES quota for external ones, a given IP must be free, else one is allocated. */
function prepareAddress(x) {
    const { body, extra } = x;
    const { gcp, ce } = x.cx;
    const internal = body.addressType === 'INTERNAL';
    if (!internal) {
        const q = x.checkQuota('STATIC_ADDRESSES', 1);
        if (q)
            return q;
    }
    if (body.address !== undefined) {
        if (typeof body.address !== 'string' || !(0,net/* parseCidr */.GN)(`${body.address}/32`))
            return invalid('resource.address', body.address, 'Must be a valid IPv4 address.');
        const clash = [...gcp.compute.values()].find((x) => x.address === body.address && x.kind === 'compute#address');
        if (clash)
            return googleError(409, `IP '${body.address}' is already being used by another resource.`, 'alreadyExists');
    }
    extra.address =
        body.address ??
            (internal ? ce.allocateInternalIp(body.subnetwork) : ce.allocateExternalIp(x.rel));
    extra.status = 'RESERVED';
    body.addressType = body.addressType ?? 'EXTERNAL';
    if (!internal)
        body.networkTier = body.networkTier ?? 'PREMIUM';
    body.ipVersion = body.ipVersion ?? 'IPV4';
    return undefined;
}
/** A VPC network with GCE's defaults (auto subnets, regional routing). */
function prepareNetwork(x) {
    const { body } = x;
    body.autoCreateSubnetworks = body.autoCreateSubnetworks ?? true;
    body.routingConfig = body.routingConfig ?? { routingMode: 'REGIONAL' };
    body.networkFirewallPolicyEnforcementOrder = 'AFTER_CLASSIC_FIREWALL';
    return undefined;
}
/** A subnetwork: a valid CIDR with no host bits, not overlapping another subnetwork of its network. */
function prepareSubnetwork(x) {
    const { body, extra } = x;
    const { gcp } = x.cx;
    if (typeof body.network !== 'string')
        return invalid('resource.network', '', 'Must be specified.');
    const miss = x.refMissing(body.network, 'resource.network');
    if (miss)
        return miss;
    const cidr = (0,net/* parseCidr */.GN)(String(body.ipCidrRange ?? ''));
    if (!cidr || cidr.base % (0,net/* size */.Ej)(cidr) !== 0)
        return invalid('resource.ipCidrRange', body.ipCidrRange ?? '', 'Must be a valid CIDR range with no host bits set.');
    for (const other of gcp.compute.values()) {
        if (other.kind !== 'compute#subnetwork' || other.network !== body.network)
            continue;
        const oc = (0,net/* parseCidr */.GN)(String(other.ipCidrRange));
        if (oc && (0,net/* overlaps */.$f)(oc, cidr))
            return googleError(400, `Invalid IPCidrRange: ${cidr.text} conflicts with existing subnetwork '${other.name}' in region '${String(other.region).split('/').pop()}'.`, 'invalid');
    }
    extra.gatewayAddress = ipToString(cidr.base + 1);
    extra.fingerprint = fingerprint();
    body.purpose = body.purpose ?? 'PRIVATE';
    body.stackType = body.stackType ?? 'IPV4_ONLY';
    // A JSON value of the wrong type is refused by Google's front end when it turns the body into the proto
    // (`Invalid value at '<field>' (TYPE_BOOL), "<value>"`, 400 INVALID_ARGUMENT), before the service sees it.
    if (body.privateIpGoogleAccess !== undefined && typeof body.privateIpGoogleAccess !== 'boolean')
        return googleError(400, `Invalid value at 'resource.private_ip_google_access' (TYPE_BOOL), ${JSON.stringify(body.privateIpGoogleAccess)}`, 'invalid');
    body.privateIpGoogleAccess = body.privateIpGoogleAccess ?? false;
    return undefined;
}
/** A firewall rule: INGRESS, priority 1000, and 0.0.0.0/0 when no source is given, as GCE defaults. */
function prepareFirewall(x) {
    const { body, p } = x;
    body.network = body.network ?? `${BASE}projects/${p}/global/networks/default`;
    const miss = x.refMissing(body.network, 'resource.network');
    if (miss)
        return miss;
    body.direction = body.direction ?? 'INGRESS';
    body.priority = body.priority ?? 1000;
    body.disabled = body.disabled ?? false;
    if (body.direction === 'INGRESS' && !body.sourceRanges && !body.sourceTags && !body.sourceServiceAccounts)
        body.sourceRanges = ['0.0.0.0/0'];
    return undefined;
}
/** A forwarding rule: an address given by link resolves to its IP. */
function prepareForwardingRule(x) {
    const { body, p, extra } = x;
    const { gcp, ce } = x.cx;
    let ipAddr = body.IPAddress;
    if (typeof ipAddr === 'string' &&
        (ipAddr.startsWith('http') ||
            ipAddr.startsWith('projects/') ||
            ipAddr.startsWith('regions/') ||
            ipAddr.startsWith('global/'))) {
        const link = ipAddr.startsWith('http') || ipAddr.startsWith('projects/') ? ipAddr : `projects/${p}/${ipAddr}`;
        const parsed = parseLink(link);
        const addr = parsed ? gcp.compute.get(parsed.rel) : undefined;
        if (!addr)
            return notFound(parsed?.rel ?? ipAddr);
        ipAddr = addr.address;
    }
    extra.IPAddress = ipAddr ?? ce.allocateExternalIp();
    body.IPProtocol = body.IPProtocol ?? 'TCP';
    body.loadBalancingScheme = body.loadBalancingScheme ?? 'EXTERNAL';
    body.networkTier = body.networkTier ?? 'PREMIUM';
    extra.fingerprint = fingerprint();
    return undefined;
}
/** An instance template needs its properties. */
function prepareInstanceTemplate(x) {
    const { body } = x;
    if (!body.properties || typeof body.properties !== 'object')
        return invalid('resource.properties', '', 'Must be specified.');
    return undefined;
}
/** A disk from an image that must exist. */
function prepareDisk(x) {
    const { body, extra } = x;
    const miss = x.refMissing(body.sourceImage, 'resource.sourceImage');
    if (miss)
        return miss;
    body.sizeGb = String(body.sizeGb ?? '10');
    extra.status = 'READY';
    return undefined;
}

;// CONCATENATED MODULE: ./sandbox/gcp/compute/collections.ts




/**
 * Every collection's list, get, insert, patch, delete and setLabels, global and in each region or zone. Their
 * paths are generic (`{collection}/{name}`), so computeRouter adds this family last.
 */
function collectionRoutes(r, cx) {
    for (const prefix of [`${C}/global`, `${C}/{scopeKind}/{scope}`]) {
        r.get(`${prefix}/{collection}`, (req) => listResources(cx, req));
        r.get(`${prefix}/{collection}/{name}`, (req) => getResource(cx, req));
        r.post(`${prefix}/{collection}`, (req) => insert(cx, req));
        r.delete(`${prefix}/{collection}/{name}`, (req) => deleteResource(cx, req));
        r.patch(`${prefix}/{collection}/{name}`, (req) => patchResource(cx, req));
        r.post(`${prefix}/{collection}/{name}/setLabels`, (req) => setLabels(cx, req));
    }
}
/** The project, scope and collection of the path (public image projects readable), or GCE's 404. */
function where(cx, req) {
    const collection = req.params.collection;
    const p = cx.proj(req, collection === 'images' && req.method === 'GET');
    if (isRes(p))
        return p;
    const scope = cx.scopeOf(req);
    if (isRes(scope))
        return scope;
    return { p, scope, collection };
}
function listResources(cx, req) {
    const w = where(cx, req);
    if (isRes(w))
        return w;
    const pre = `projects/${w.p}/${cx.scopePath(w.scope)}/${w.collection}/`;
    const items = [...cx.gcp.compute.entries()]
        .filter(([rel]) => rel.startsWith(pre) && !rel.slice(pre.length).includes('/'))
        .map(([, res]) => cx.ce.view(res));
    return cx.listBody(req, w.p, w.collection, items, cx.scopePath(w.scope));
}
function getResource(cx, req) {
    const w = where(cx, req);
    if (isRes(w))
        return w;
    const rel = `projects/${w.p}/${cx.scopePath(w.scope)}/${w.collection}/${req.params.name}`;
    const res = cx.gcp.compute.get(rel);
    return res
        ? ok(cx.ce.view(res))
        : notFound(`projects/${req.params.project}/${cx.scopePath(w.scope)}/${w.collection}/${req.params.name}`);
}
function insert(cx, req) {
    const w = where(cx, req);
    if (isRes(w))
        return w;
    return insertResource(req, cx, w.p, w.scope, w.collection);
}
/** Refused (400 resourceInUseByAnotherResource) while another resource refers to it; an instance takes its auto-delete disks. */
function deleteResource(cx, req) {
    const w = where(cx, req);
    if (isRes(w))
        return w;
    const rel = `projects/${w.p}/${cx.scopePath(w.scope)}/${w.collection}/${req.params.name}`;
    const res = cx.gcp.compute.get(rel);
    if (!res)
        return notFound(`projects/${req.params.project}/${cx.scopePath(w.scope)}/${w.collection}/${req.params.name}`);
    const denied = cx.need(cx.verbPerm(w.collection, 'delete'), rel);
    if (denied)
        return denied;
    const users = cx.ce.usersOf(res).filter((u) => u !== res.selfLink);
    if (users.length) {
        return googleError(400, `The ${singular(w.collection)
            .replace(/([A-Z])/g, ' $1')
            .toLowerCase()} resource '${rel}' is already being used by '${users[0].replace(BASE, '')}'`, 'resourceInUseByAnotherResource');
    }
    cx.gcp.compute.delete(rel);
    if (w.collection === 'instances') {
        for (const d of res.disks ?? []) {
            if (d.autoDelete && typeof d.source === 'string')
                cx.gcp.compute.delete(d.source.replace(BASE, ''));
        }
        cx.gcp.guest.delete(rel);
    }
    if (typeof res.instanceGroup === 'string')
        cx.gcp.compute.delete(res.instanceGroup.replace(BASE, ''));
    return ok(cx.ce.operation(w.p, cx.scopePath(w.scope), 'delete', res, cx.userOf(req)));
}
/** PATCH: merges the body; a stale fingerprint is 412 conditionNotMet. */
function patchResource(cx, req) {
    const w = where(cx, req);
    if (isRes(w))
        return w;
    const rel = `projects/${w.p}/${cx.scopePath(w.scope)}/${w.collection}/${req.params.name}`;
    const res = cx.gcp.compute.get(rel);
    if (!res)
        return notFound(rel);
    const denied = cx.need(cx.verbPerm(w.collection, 'update'), rel);
    if (denied)
        return denied;
    const b = cx.ce.normalize(bodyObject(req), w.p, {
        region: w.scope.kind === 'regions' ? w.scope.name : undefined,
    });
    if (b.fingerprint !== undefined && res.fingerprint !== undefined && b.fingerprint !== res.fingerprint)
        return conditionNotMet('Supplied fingerprint does not match current fingerprint.');
    for (const [k, v] of Object.entries(b))
        if (!['name', 'selfLink', 'id', 'kind', 'fingerprint'].includes(k))
            res[k] = v;
    if (res.fingerprint !== undefined)
        res.fingerprint = fingerprint();
    return ok(cx.ce.operation(w.p, cx.scopePath(w.scope), 'patch', res, cx.userOf(req)));
}
/** setLabels: the current labelFingerprint required. */
function setLabels(cx, req) {
    const w = where(cx, req);
    if (isRes(w))
        return w;
    const rel = `projects/${w.p}/${cx.scopePath(w.scope)}/${w.collection}/${req.params.name}`;
    const res = cx.gcp.compute.get(rel);
    if (!res)
        return notFound(rel);
    const b = bodyObject(req);
    if (b.labelFingerprint !== (res.labelFingerprint ?? '42WmSpB8rSM='))
        return conditionNotMet('Labels fingerprint either invalid or resource labels have changed');
    res.labels = b.labels ?? {};
    res.labelFingerprint = fingerprint();
    return ok(cx.ce.operation(w.p, cx.scopePath(w.scope), 'setLabels', res, cx.userOf(req)));
}

;// CONCATENATED MODULE: ./sandbox/gcp/compute/context.ts



/**
 * What every Compute handler starts from: the project in the path, the scope, the caller, the permission
 * check and the list envelope. One object per Compute service, handed to each resource family's routes.
 */
class ComputeContext {
    world;
    gcp;
    ce;
    constructor(world, gcp, ce) {
        this.world = world;
        this.gcp = gcp;
        this.ce = ce;
    }
    /** The email of the identity behind the request (operations carry it as `user`). */
    userOf(req) {
        const who = authenticate(this.gcp, req);
        return 'email' in who ? who.email : this.gcp.clientEmail;
    }
    publicImageProjects() {
        return new Set(this.gcp.scn.images.map((i) => parseLink(i.path)?.project).filter(Boolean));
    }
    /** The project id for the path's project, or a 404 as GCE answers for a project it does not know. */
    proj(req, allowPublicImages = false) {
        const p = req.params.project;
        const id = this.gcp.project(p);
        if (id)
            return id;
        if (allowPublicImages && this.publicImageProjects().has(p))
            return p;
        return notFound(`projects/${p}`);
    }
    /** The scope named by `{scopeKind}/{scope}` in the path (global when the route has none). */
    scopeOf(req) {
        const kind = req.params.scopeKind;
        const name = req.params.scope;
        if (kind === undefined)
            return { kind: 'global' };
        if (kind === 'regions')
            return this.gcp.scn.regions[name]
                ? { kind, name }
                : notFound(`projects/${req.params.project}/regions/${name}`);
        if (kind === 'zones')
            return this.ce.zonesOf().some((z) => z.zone === name)
                ? { kind, name }
                : notFound(`projects/${req.params.project}/zones/${name}`);
        return googleError(404, `No route ${req.method} ${req.path}`, 'notFound');
    }
    scopePath(s) {
        return s.kind === 'global' ? 'global' : `${s.kind}/${s.name}`;
    }
    /** A 403 as IAM answers when the identity lacks `perm`, else undefined. */
    need(perm, resource) {
        return hasPermission(this.gcp, perm) ? undefined : permissionDenied(perm, resource);
    }
    verbPerm(collection, verb) {
        return `compute.${collection === 'globalAddresses' ? 'globalAddresses' : collection}.${verb}`;
    }
    /** A Compute list: filtered, sorted by name, paginated (maxResults up to 500), `items` omitted when empty. */
    listBody(req, project, collection, items, scope) {
        const filtered = items
            .filter((i) => matchesFilter(i, req.query.get('filter')))
            .sort((a, b) => String(a.name).localeCompare(String(b.name)));
        const page = paginate(filtered, req, 'maxResults', 500, 500);
        if (isRes(page))
            return page;
        const rel = `projects/${project}/${scope ? `${scope}/` : ''}${collection}`;
        const body = { kind: `compute#${singular(collection)}List`, id: rel, selfLink: `${BASE}${rel}` };
        if (page.items.length)
            body.items = page.items;
        if (page.nextPageToken)
            body.nextPageToken = page.nextPageToken;
        return ok(body);
    }
}

;// CONCATENATED MODULE: ./sandbox/gcp/compute/emulator.ts




/** The Compute emulator: a generic resource store keyed by self path, with the behaviours the bundle relies on. */
class ComputeEmulator {
    world;
    gcp;
    constructor(world, gcp) {
        this.world = world;
        this.gcp = gcp;
    }
    get opMs() {
        return this.gcp.scn.operationMs ?? 50;
    }
    /** How long an operation stays RUNNING: an insert takes its collection's time (latency profile), others opMs. */
    insertMs(type, selfLink) {
        const byCollection = this.gcp.scn.operationMsByCollection;
        if (type !== 'insert' || !byCollection)
            return this.opMs;
        const collection = /\/([A-Za-z]+)\/[^/]+$/.exec(selfLink)?.[1];
        return (collection ? byCollection[collection] : undefined) ?? this.opMs;
    }
    /** Seeds regions, zones, images, networks and subnetworks from the scenario. */
    seed() {
        const s = this.gcp.scn;
        const p = s.projectId;
        for (const img of s.images) {
            const parsed = parseLink(img.path);
            if (!parsed)
                continue;
            const ubuntu = img.ubuntu;
            const osFamily = ubuntu ? 'ubuntu' : parsed.name.split('-')[0];
            this.put(parsed.rel, {
                kind: 'compute#image',
                name: parsed.name,
                family: img.family,
                status: 'READY',
                sourceType: 'RAW',
                architecture: 'X86_64',
                diskSizeGb: '10',
                archiveSizeBytes: '2430086528',
                description: ubuntu
                    ? `Canonical, Ubuntu, ${parsed.name}, amd64 image`
                    : `${osFamily} image ${parsed.name}`,
                licenses: [`${BASE}projects/${parsed.project}/global/licenses/${img.family ?? parsed.name}`],
                guestOsFeatures: [
                    { type: 'VIRTIO_SCSI_MULTIQUEUE' },
                    { type: 'UEFI_COMPATIBLE' },
                    { type: 'GVNIC' },
                    { type: 'SEV_CAPABLE' },
                ],
                labelFingerprint: '42WmSpB8rSM=',
                storageLocations: ['us', 'eu', 'asia'],
            });
        }
        const networks = new Set(s.subnetworks.map((n) => n.network));
        for (const n of networks) {
            this.put(`projects/${p}/global/networks/${n}`, {
                kind: 'compute#network',
                name: n,
                autoCreateSubnetworks: n === 'default',
                routingConfig: { routingMode: 'REGIONAL' },
                networkFirewallPolicyEnforcementOrder: 'AFTER_CLASSIC_FIREWALL',
            });
        }
        for (const sn of s.subnetworks) {
            const cidr = (0,net/* parseCidr */.GN)(sn.ipCidrRange);
            this.put(`projects/${p}/regions/${sn.region}/subnetworks/${sn.name}`, {
                kind: 'compute#subnetwork',
                name: sn.name,
                network: `${BASE}projects/${p}/global/networks/${sn.network}`,
                ipCidrRange: sn.ipCidrRange,
                gatewayAddress: cidr ? ipToString(cidr.base + 1) : undefined,
                region: `${BASE}projects/${p}/regions/${sn.region}`,
                privateIpGoogleAccess: false,
                purpose: 'PRIVATE',
                stackType: 'IPV4_ONLY',
                fingerprint: fingerprint(),
            });
        }
    }
    /** Stores a resource at a relative path, filling the fields every Compute resource has. */
    put(rel, body) {
        const parsed = parseLink(rel);
        const selfLink = `${BASE}${rel}`;
        const res = {
            kind: `compute#${singular(parsed.collection)}`,
            id: numericId(`${selfLink}:${this.gcp.nextId()}`),
            creationTimestamp: stamp(),
            ...body,
            name: parsed.name,
            selfLink,
        };
        if (parsed.scope.startsWith('zones/'))
            res.zone = `${BASE}projects/${parsed.project}/${parsed.scope}`;
        if (parsed.scope.startsWith('regions/'))
            res.region = `${BASE}projects/${parsed.project}/${parsed.scope}`;
        for (const k of Object.keys(res))
            if (res[k] === undefined)
                delete res[k];
        this.gcp.compute.set(rel, res);
        return res;
    }
    regionsOf() {
        return Object.keys(this.gcp.scn.regions);
    }
    zonesOf() {
        return Object.entries(this.gcp.scn.regions).flatMap(([region, r]) => r.zones.map((zone) => ({ zone, region })));
    }
    /** Computed fields of a resource at read time (who uses an address, a network's subnetworks). */
    view(r) {
        const out = structuredClone(r);
        const parsed = parseLink(r.selfLink);
        if (!parsed)
            return out;
        if (parsed.collection === 'networks') {
            const subs = [...this.gcp.compute.values()]
                .filter((x) => x.kind === 'compute#subnetwork' && x.network === r.selfLink)
                .map((x) => x.selfLink);
            if (subs.length)
                out.subnetworks = subs;
        }
        if (parsed.collection === 'addresses' || parsed.collection === 'globalAddresses') {
            const users = this.addressUsers(r);
            if (users.length) {
                out.users = users;
                out.status = 'IN_USE';
            }
        }
        return out;
    }
    addressUsers(addr) {
        const ip = addr.address;
        const users = [];
        for (const x of this.gcp.compute.values()) {
            if (x.kind === 'compute#forwardingRule' && (x.IPAddress === ip || x.IPAddress === addr.selfLink))
                users.push(x.selfLink);
            if (x.kind === 'compute#instance') {
                for (const nic of x.networkInterfaces ?? [])
                    for (const ac of nic.accessConfigs ?? [])
                        if (ac.natIP === ip)
                            users.push(x.selfLink);
            }
        }
        return users;
    }
    /** Links that other resources hold to this one (GCE refuses to delete a resource still in use). */
    usersOf(target) {
        const links = new Set([target.selfLink]);
        if (typeof target.instanceGroup === 'string')
            links.add(target.instanceGroup);
        const users = [];
        const walk = (v, owner, key = '') => {
            if (key === 'metadata' || key === 'selfLink' || key === 'instanceGroup' || key === 'users')
                return false;
            if (typeof v === 'string')
                return links.has(v);
            if (Array.isArray(v))
                return v.some((x) => walk(x, owner));
            if (v && typeof v === 'object')
                return Object.entries(v).some(([k, x]) => walk(x, owner, k));
            return false;
        };
        for (const x of this.gcp.compute.values()) {
            if (x === target)
                continue;
            if (x.kind === 'compute#instanceGroup' && x.selfLink === target.instanceGroup)
                continue;
            if (walk(x, x.selfLink))
                users.push(x.selfLink);
        }
        if (target.kind === 'compute#address')
            users.push(...this.addressUsers(target));
        return users;
    }
    /** Normalises references in a request body to full URLs as GCE stores them. */
    normalize(v, project, ctx, key = '') {
        if ([
            'metadata',
            'labels',
            'description',
            'tags',
            'IPAddress',
            'address',
            'ipCidrRange',
            'sourceRanges',
            'destinationRanges',
            'name',
        ].includes(key))
            return v;
        if (typeof v === 'string') {
            const parsed = parseLink(v.startsWith('http') || v.startsWith('projects/') ? v : `projects/${project}/${v}`);
            if (parsed &&
                /^(global|regions|zones)/.test(v
                    .replace(/^projects\/[^/]+\//, '')
                    .replace(/^https?:\/\/[^/]+\/compute\/v1\/projects\/[^/]+\//, '')))
                return `${BASE}${parsed.rel}`;
            if (/^[a-z][-a-z0-9]*$/.test(v)) {
                if (key === 'network')
                    return `${BASE}projects/${project}/global/networks/${v}`;
                if (key === 'subnetwork' && ctx.region)
                    return `${BASE}projects/${project}/regions/${ctx.region}/subnetworks/${v}`;
                if (key === 'machineType' && ctx.zone)
                    return `${BASE}projects/${project}/zones/${ctx.zone}/machineTypes/${v}`;
                if (key === 'region')
                    return `${BASE}projects/${project}/regions/${v}`;
                if (key === 'zone')
                    return `${BASE}projects/${project}/zones/${v}`;
            }
            return v;
        }
        if (Array.isArray(v))
            return v.map((x) => this.normalize(x, project, ctx, key));
        if (v && typeof v === 'object') {
            const out = {};
            for (const [k, x] of Object.entries(v))
                out[k] = this.normalize(x, project, ctx, k);
            return out;
        }
        return v;
    }
    // ---- operations ----
    operation(project, scope, type, target, user) {
        const now = this.gcp.now();
        const name = `operation-${now}-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}-${(0,external_node_crypto_.randomBytes)(4).toString('hex')}`;
        const rel = `projects/${project}/${scope === 'global' ? 'global' : scope}/operations/${name}`;
        const op = {
            kind: 'compute#operation',
            id: numericId(rel),
            name,
            operationType: type,
            targetLink: target.selfLink,
            targetId: typeof target.id === 'string' ? target.id : undefined,
            status: 'RUNNING',
            user,
            progress: 0,
            insertTime: stamp(now),
            startTime: stamp(now),
            selfLink: `${BASE}${rel}`,
        };
        if (scope.startsWith('zones/'))
            op.zone = `${BASE}projects/${project}/${scope}`;
        if (scope.startsWith('regions/'))
            op.region = `${BASE}projects/${project}/${scope}`;
        if (op.targetId === undefined)
            delete op.targetId;
        this.gcp.computeOps.set(rel, { op, doneAt: now + this.insertMs(type, target.selfLink) });
        return this.opView(rel);
    }
    opView(rel) {
        const e = this.gcp.computeOps.get(rel);
        if (!e)
            return undefined;
        const op = structuredClone(e.op);
        if (this.gcp.now() >= e.doneAt) {
            op.status = 'DONE';
            op.progress = 100;
            op.endTime = stamp(e.doneAt);
        }
        return op;
    }
    boot(project, zone, inst) {
        const metadata = {};
        for (const it of inst.metadata?.items ?? [])
            metadata[it.key] = it.value ?? '';
        try {
            this.world.vm.onBoot({ project, zone, name: inst.name, metadata });
        }
        catch {
            // The VM simulation's failures show in its own state, never as a Compute API error.
        }
    }
    quotaUsage(region, metric) {
        const p = this.gcp.scn.projectId;
        let n = 0;
        for (const [rel, r] of this.gcp.compute) {
            const parsed = parseLink(rel);
            if (!parsed || parsed.project !== p)
                continue;
            const inRegion = parsed.scope === `regions/${region}` ||
                (parsed.scope.startsWith('zones/') && parsed.scope.slice(6).startsWith(`${region}-`));
            if (!inRegion)
                continue;
            if ((metric === 'STATIC_ADDRESSES' || metric === 'IN_USE_ADDRESSES') &&
                parsed.collection === 'addresses' &&
                r.addressType !== 'INTERNAL')
                n++;
            if (metric === 'INSTANCE_GROUP_MANAGERS' && parsed.collection === 'instanceGroupManagers')
                n++;
            if (metric === 'INSTANCE_GROUPS' && parsed.collection === 'instanceGroups')
                n++;
            if (parsed.collection === 'instances' && metric === cpuQuotaMetric(String(r.machineType ?? '')))
                n += vcpus(String(r.machineType ?? ''));
            if (metric === 'INSTANCES' && parsed.collection === 'instances')
                n++;
            if (metric === 'DISKS_TOTAL_GB' && parsed.collection === 'disks')
                n += Number(r.sizeGb ?? 0);
        }
        return n;
    }
    /** Usage of a project-level metric from what exists: CPUS_ALL_REGIONS is every instance's vCPUs. */
    projectQuotaUsage(metric) {
        const p = this.gcp.scn.projectId;
        let n = 0;
        for (const [rel, r] of this.gcp.compute) {
            const parsed = parseLink(rel);
            if (!parsed || parsed.project !== p || parsed.collection !== 'instances')
                continue;
            if (metric === GLOBAL_CPUS)
                n += vcpus(String(r.machineType ?? ''));
        }
        return n;
    }
    /** The project's quotas as projects.get lists them: the fixed ones, then the scenario's (CPUS_ALL_REGIONS, ...). */
    projectQuotas(fixed) {
        return [
            ...fixed,
            ...Object.entries(this.gcp.scn.projectQuotas ?? {}).map(([metric, q]) => ({
                metric,
                limit: q.limit,
                usage: q.usage + this.projectQuotaUsage(metric),
            })),
        ];
    }
    regionView(project, region) {
        const r = this.gcp.scn.regions[region];
        const rel = `projects/${project}/regions/${region}`;
        return {
            kind: 'compute#region',
            id: numericId(rel, 4),
            creationTimestamp: '1969-12-31T16:00:00.000-08:00',
            name: region,
            description: region,
            status: 'UP',
            zones: r.zones.map((z) => `${BASE}projects/${project}/zones/${z}`),
            quotas: Object.entries(r.quotas).map(([metric, q]) => ({
                metric,
                limit: q.limit,
                usage: q.usage + this.quotaUsage(region, metric),
            })),
            selfLink: `${BASE}${rel}`,
            supportsPzs: false,
        };
    }
    zoneView(project, zone, region) {
        const rel = `projects/${project}/zones/${zone}`;
        return {
            kind: 'compute#zone',
            id: numericId(rel, 4),
            creationTimestamp: '1969-12-31T16:00:00.000-08:00',
            name: zone,
            description: zone,
            status: 'UP',
            region: `${BASE}projects/${project}/regions/${region}`,
            selfLink: `${BASE}${rel}`,
            availableCpuPlatforms: [
                'Intel Broadwell',
                'Intel Cascade Lake',
                'Intel Ice Lake',
                'AMD Milan',
                'AMD Genoa',
            ],
            supportsPzs: false,
        };
    }
    /**
     * A free external IP. With `key` (a reserved address's path) the search starts at a point derived from it, so
     * the same address gets the same IP in every sandbox whatever order its inserts arrive in: terraform creates a
     * module's addresses in parallel, and tests compare two sandboxes' DNS records. Otherwise from 34.120.0.10.
     */
    allocateExternalIp(key) {
        const used = new Set([...this.gcp.compute.values()].map((r) => r.address).filter(Boolean));
        const start = key
            ? 10 + (parseInt((0,external_node_crypto_.createHash)('sha256').update(key).digest('hex').slice(0, 8), 16) % 60_000)
            : 10;
        for (let i = start;; i++) {
            const ip = `34.${120 + Math.floor(i / 65536)}.${Math.floor(i / 256) % 256}.${i % 256}`;
            if (!used.has(ip))
                return ip;
        }
    }
    allocateInternalIp(subnetLink) {
        const sub = subnetLink ? this.gcp.compute.get(subnetLink.replace(BASE, '')) : undefined;
        const cidr = (0,net/* parseCidr */.GN)(String(sub?.ipCidrRange ?? '10.128.0.0/20'));
        const used = new Set();
        for (const r of this.gcp.compute.values()) {
            if (typeof r.address === 'string')
                used.add(r.address);
            for (const nic of r.networkInterfaces ?? [])
                if (typeof nic.networkIP === 'string')
                    used.add(nic.networkIP);
        }
        const base = cidr?.base ?? 0x0a800000;
        const n = cidr ? (0,net/* size */.Ej)(cidr) : 4096;
        for (let i = 2; i < n - 1; i++) {
            const ip = ipToString(base + i);
            if (!used.has(ip))
                return ip;
        }
        return ipToString(base + 2);
    }
    /** Resolves an image link or family link to a stored image. */
    resolveImage(link) {
        const parsed = parseLink(link);
        if (!parsed || parsed.collection !== 'images')
            return undefined;
        if (parsed.name.startsWith('family/'))
            return this.fromFamily(parsed.project, parsed.name.slice(7));
        return this.gcp.compute.get(parsed.rel);
    }
    fromFamily(project, family) {
        return [...this.gcp.compute.entries()]
            .filter(([rel, r]) => rel.startsWith(`projects/${project}/global/images/`) &&
            r.family === family &&
            !r.deprecated?.state)
            .map(([, r]) => r)
            .sort((a, b) => (String(b.creationTimestamp) + b.name).localeCompare(String(a.creationTimestamp) + a.name))[0];
    }
    /** A machine type as the zone lists it: the predefined families' shapes, and custom-N-M. */
    machineType(p, zone, name) {
        const custom = /^(?:(?:e2|n2|n2d|n4)-)?custom-(\d+)-(\d+)$/.exec(name);
        if (custom) {
            const rel = `projects/${p}/zones/${zone}/machineTypes/${name}`;
            return {
                kind: 'compute#machineType',
                id: numericId(rel, 7),
                name,
                description: 'Custom created machine type.',
                guestCpus: Number(custom[1]),
                memoryMb: Number(custom[2]),
                zone,
                selfLink: `${BASE}${rel}`,
                isSharedCpu: false,
            };
        }
        const m = /^(e2|n1|n2|n2d|n4|c2|c2d|c3|c4|t2d)-(standard|highmem|highcpu|medium|small|micro)(?:-(\d+))?$/.exec(name);
        if (!m)
            return undefined;
        const cpus = m[3] ? Number(m[3]) : 2;
        const mem = m[2] === 'highmem' ? 8 : m[2] === 'highcpu' ? 1 : m[2] === 'micro' ? 0.5 : m[2] === 'small' ? 1 : 4;
        const rel = `projects/${p}/zones/${zone}/machineTypes/${name}`;
        return {
            kind: 'compute#machineType',
            id: numericId(rel, 7),
            name,
            description: `${cpus} vCPUs, ${mem * cpus} GB RAM`,
            guestCpus: cpus,
            memoryMb: mem * cpus * 1024,
            zone,
            selfLink: `${BASE}${rel}`,
            isSharedCpu: /micro|small/.test(m[2]),
        };
    }
}

;// CONCATENATED MODULE: ./sandbox/gcp/compute/instance-groups.ts


/** Regional managed instance groups: resize. */
function instanceGroupRoutes(r, cx) {
    const { gcp, ce } = cx;
    r.post(`${C}/regions/{region}/instanceGroupManagers/{name}/resize`, (req) => {
        const p = cx.proj(req);
        if (isRes(p))
            return p;
        const rel = `projects/${p}/regions/${req.params.region}/instanceGroupManagers/${req.params.name}`;
        const igm = gcp.compute.get(rel);
        if (!igm)
            return notFound(rel);
        const size = Number(req.query.get('size'));
        if (!Number.isInteger(size) || size < 0)
            return invalid('size', req.query.get('size'), 'Must be a non-negative integer.');
        igm.targetSize = size;
        igm.currentActions = { ...igm.currentActions, none: size };
        return ok(ce.operation(p, `regions/${req.params.region}`, 'compute.regionInstanceGroupManagers.resize', igm, cx.userOf(req)));
    });
}

;// CONCATENATED MODULE: ./sandbox/gcp/compute/instances.ts



const Z = `${C}/zones/{zone}/instances/{name}`;
/** The instance verbs beyond CRUD: setMetadata (fingerprint-checked), reset/start/stop, guest attributes. */
function instanceRoutes(r, cx) {
    r.post(`${Z}/setMetadata`, (req) => setMetadata(cx, req));
    for (const verb of ['reset', 'start', 'stop'])
        r.post(`${Z}/${verb}`, (req) => setPower(cx, verb, req));
    r.get(`${Z}/getGuestAttributes`, (req) => getGuestAttributes(cx, req));
    r.get(`${Z}/serialPort`, (req) => getSerialPortOutput(cx, req));
}
/**
 * instances.getSerialPortOutput: what the VM wrote to a serial port from byte `start` on (default 0), and `next`,
 * the offset to ask from next time (Compute API reference, SerialPortOutput). Port 1 carries the startup script's
 * output (the VM simulation copies it there as GCE's script runner does); ports 2-4 are empty here.
 */
function getSerialPortOutput(cx, req) {
    const x = instanceOf(cx, req);
    if (isRes(x))
        return x;
    const denied = cx.need('compute.instances.getSerialPortOutput', x.rel);
    if (denied)
        return denied;
    const port = Number(req.query.get('port') ?? '1');
    if (!Number.isInteger(port) || port < 1 || port > 4)
        return invalid('port', String(req.query.get('port')), 'Must be between 1 and 4');
    const all = port === 1 ? Buffer.from(cx.world.vm.serialOutput?.(x.rel) ?? '') : Buffer.alloc(0);
    const start = Math.min(Math.max(0, Number(req.query.get('start') ?? '0') || 0), all.length);
    return ok({
        kind: 'compute#serialPortOutput',
        contents: all.subarray(start).toString(),
        start: String(start),
        next: String(all.length),
        selfLink: `${x.inst.selfLink}/serialPort?port=${port}`,
    });
}
/** The instance in the path, or the 404 GCE answers for its zone or itself. */
function instanceOf(cx, req) {
    const p = cx.proj(req);
    if (isRes(p))
        return p;
    if (!cx.ce.zonesOf().some((z) => z.zone === req.params.zone))
        return notFound(`projects/${req.params.project}/zones/${req.params.zone}`);
    const rel = `projects/${p}/zones/${req.params.zone}/instances/${req.params.name}`;
    const inst = cx.gcp.compute.get(rel);
    return inst
        ? { p, rel, inst }
        : notFound(`projects/${req.params.project}/zones/${req.params.zone}/instances/${req.params.name}`);
}
/** instances.setMetadata: the current fingerprint required (412 conditionNotMet otherwise), keys checked. */
function setMetadata(cx, req) {
    const x = instanceOf(cx, req);
    if (isRes(x))
        return x;
    const denied = cx.need('compute.instances.setMetadata', x.rel);
    if (denied)
        return denied;
    const b = bodyObject(req);
    const md = x.inst.metadata ?? {};
    if (b.fingerprint !== md.fingerprint)
        return conditionNotMet('Supplied fingerprint does not match current metadata fingerprint.');
    const items = Array.isArray(b.items) ? b.items : [];
    const keys = new Set();
    for (const it of items) {
        if (typeof it.key !== 'string' || !/^[a-zA-Z0-9-_]{1,128}$/.test(it.key))
            return invalid('metadata.items.key', it.key, 'Must be a match of regex [a-zA-Z0-9-_]{1,128}');
        if (keys.has(it.key))
            return googleError(400, `Invalid value for field 'metadata.items': duplicate key '${it.key}'.`, 'invalid');
        keys.add(it.key);
    }
    x.inst.metadata = {
        kind: 'compute#metadata',
        fingerprint: fingerprint(),
        items: items.map((i) => ({ key: i.key, value: i.value === undefined ? '' : String(i.value) })),
    };
    if (!x.inst.metadata.items || items.length === 0)
        delete x.inst.metadata.items;
    return ok(cx.ce.operation(x.p, `zones/${req.params.zone}`, 'setMetadata', x.inst, cx.userOf(req)));
}
/** instances.reset / start / stop; reset needs a RUNNING instance; reset and start boot the VM again. */
function setPower(cx, verb, req) {
    const x = instanceOf(cx, req);
    if (isRes(x))
        return x;
    const denied = cx.need(`compute.instances.${verb}`, x.rel);
    if (denied)
        return denied;
    if (verb === 'reset' && x.inst.status !== 'RUNNING')
        return googleError(400, `The resource '${x.rel}' is not ready`, 'resourceNotReady');
    x.inst.status = verb === 'stop' ? 'TERMINATED' : 'RUNNING';
    if (verb === 'stop')
        x.inst.lastStopTimestamp = stamp();
    else
        x.inst.lastStartTimestamp = stamp();
    const op = cx.ce.operation(x.p, `zones/${req.params.zone}`, verb, x.inst, cx.userOf(req));
    if (verb !== 'stop')
        cx.ce.boot(x.p, req.params.zone, x.inst);
    return ok(op);
}
/** instances.getGuestAttributes: one variableKey, or the items under a queryPath; 404 when there is none. */
function getGuestAttributes(cx, req) {
    const x = instanceOf(cx, req);
    if (isRes(x))
        return x;
    const attrs = cx.gcp.guestAttributes(x.rel);
    const variableKey = req.query.get('variableKey');
    const selfLink = `${x.inst.selfLink}/guestAttributes/`;
    if (variableKey) {
        if (!(variableKey in attrs))
            return notFound(`${x.rel}/guestAttributes/${variableKey}`);
        return ok({
            kind: 'compute#guestAttributes',
            selfLink: `${selfLink}${variableKey}`,
            variableKey,
            variableValue: attrs[variableKey],
        });
    }
    const queryPath = req.query.get('queryPath') ?? '';
    const items = Object.entries(attrs)
        .filter(([k]) => k.startsWith(queryPath))
        .map(([k, value]) => {
        const [namespace, ...rest] = k.split('/');
        return { namespace, key: rest.join('/'), value };
    });
    if (items.length === 0)
        return notFound(`${x.rel}/guestAttributes/${queryPath}`);
    return ok({
        kind: 'compute#guestAttributes',
        selfLink: `${selfLink}${queryPath}`,
        queryPath,
        queryValue: { items },
    });
}

;// CONCATENATED MODULE: ./sandbox/gcp/compute/operations.ts


/** Zonal, regional and global operations: get, list, wait (answers when DONE or after ~2 minutes), delete. */
function operations_operationRoutes(r, cx) {
    const { gcp, ce } = cx;
    const opRoutes = (prefix, scoped) => {
        const opRel = (req, p) => `projects/${p}/${scoped ? `${req.params.scopeKind}/${req.params.scope}` : 'global'}/operations/${req.params.op}`;
        r.get(`${prefix}/operations`, (req) => {
            const p = cx.proj(req);
            if (isRes(p))
                return p;
            const pre = `projects/${p}/${scoped ? `${req.params.scopeKind}/${req.params.scope}` : 'global'}/operations/`;
            const items = [...gcp.computeOps.keys()]
                .filter((k) => k.startsWith(pre))
                .map((k) => ce.opView(k));
            return cx.listBody(req, p, 'operations', items, scoped ? `${req.params.scopeKind}/${req.params.scope}` : 'global');
        });
        r.get(`${prefix}/operations/{op}`, (req) => {
            const p = cx.proj(req);
            if (isRes(p))
                return p;
            const v = ce.opView(opRel(req, p));
            return v ? ok(v) : notFound(opRel(req, req.params.project));
        });
        r.post(`${prefix}/operations/{op}/wait`, async (req) => {
            const p = cx.proj(req);
            if (isRes(p))
                return p;
            const rel = opRel(req, p);
            const e = gcp.computeOps.get(rel);
            if (!e)
                return notFound(opRel(req, req.params.project));
            // Like GCE: answer when the operation is DONE, or after about two minutes with it still RUNNING.
            // Loop, since a timer may fire a millisecond before the clock the operation is judged by.
            const giveUpAt = gcp.now() + 120_000;
            for (let now = gcp.now(); now < e.doneAt && now < giveUpAt; now = gcp.now()) {
                await new Promise((res) => setTimeout(res, Math.max(1, Math.min(e.doneAt, giveUpAt) - now)));
            }
            return ok(ce.opView(rel));
        }, { mutating: false });
        r.delete(`${prefix}/operations/{op}`, (req) => {
            const p = cx.proj(req);
            if (isRes(p))
                return p;
            return gcp.computeOps.delete(opRel(req, p))
                ? ok({})
                : notFound(opRel(req, req.params.project));
        });
    };
    opRoutes(`${C}/global`, false);
    opRoutes(`${C}/{scopeKind}/{scope}`, true);
}

;// CONCATENATED MODULE: ./sandbox/gcp/compute/project.ts


/** The project, its regions and zones (quotas computed from what exists), machine types, image families. */
function project_projectRoutes(r, cx) {
    const { gcp, ce } = cx;
    r.get(C, (req) => {
        const p = cx.proj(req);
        if (isRes(p))
            return p;
        return ok({
            kind: 'compute#project',
            id: gcp.scn.projectNumber,
            name: p,
            creationTimestamp: '2024-03-01T04:00:00.000-08:00',
            commonInstanceMetadata: { kind: 'compute#metadata', fingerprint: 'n6PyWmMFEi4=' },
            quotas: ce.projectQuotas([
                { metric: 'NETWORKS', limit: 15, usage: gcp.listResources('networks', p).length },
                { metric: 'FIREWALLS', limit: 200, usage: 0 },
                { metric: 'IMAGES', limit: 2000, usage: 0 },
            ]),
            selfLink: `${BASE}projects/${p}`,
            defaultServiceAccount: `${gcp.scn.projectNumber}-compute@developer.gserviceaccount.com`,
            xpnProjectStatus: 'UNSPECIFIED_XPN_PROJECT_STATUS',
            defaultNetworkTier: 'PREMIUM',
            vmDnsSetting: 'ZONAL_ONLY',
        });
    });
    r.get(`${C}/regions`, (req) => {
        const p = cx.proj(req);
        if (isRes(p))
            return p;
        return cx.listBody(req, p, 'regions', ce.regionsOf().map((reg) => ce.regionView(p, reg)), '');
    });
    r.get(`${C}/regions/{region}`, (req) => {
        const p = cx.proj(req);
        if (isRes(p))
            return p;
        const region = req.params.region;
        if (!gcp.scn.regions[region])
            return notFound(`projects/${req.params.project}/regions/${region}`);
        return ok(ce.regionView(p, region));
    });
    r.get(`${C}/zones`, (req) => {
        const p = cx.proj(req);
        if (isRes(p))
            return p;
        return cx.listBody(req, p, 'zones', ce.zonesOf().map((z) => ce.zoneView(p, z.zone, z.region)), '');
    });
    r.get(`${C}/zones/{zone}`, (req) => {
        const p = cx.proj(req);
        if (isRes(p))
            return p;
        const z = ce.zonesOf().find((x) => x.zone === req.params.zone);
        if (!z)
            return notFound(`projects/${req.params.project}/zones/${req.params.zone}`);
        return ok(ce.zoneView(p, z.zone, z.region));
    });
    r.get(`${C}/zones/{zone}/machineTypes/{name}`, (req) => {
        const p = cx.proj(req);
        if (isRes(p))
            return p;
        if (!ce.zonesOf().some((z) => z.zone === req.params.zone))
            return notFound(`projects/${req.params.project}/zones/${req.params.zone}`);
        const mt = ce.machineType(p, req.params.zone, req.params.name);
        return mt
            ? ok(mt)
            : notFound(`projects/${req.params.project}/zones/${req.params.zone}/machineTypes/${req.params.name}`);
    });
    // ---- images ----
    r.get(`${C}/global/images/family/{family}`, (req) => {
        const p = cx.proj(req, true);
        if (isRes(p))
            return p;
        const img = ce.fromFamily(p, req.params.family);
        return img
            ? ok(ce.view(img))
            : notFound(`projects/${req.params.project}/global/images/family/${req.params.family}`);
    });
}

;// CONCATENATED MODULE: ./sandbox/gcp/compute/index.ts












/**
 * Compute's resource families, one file each. A route matches in the order it was added, so paths with a
 * fixed segment (operations, images/family, instance verbs) come before the generic collection routes,
 * which `collectionRoutes` adds last. A new family: one file exporting a ComputeFamily, one line here.
 */
const COMPUTE_FAMILIES = [
    project_projectRoutes,
    operations_operationRoutes,
    aggregatedRoutes,
    instanceRoutes,
    instanceGroupRoutes,
];
/** The Compute Engine v1 service: seeded from the scenario, guarded by auth and API enablement. */
function computeRouter(world) {
    const gcp = world.gcp;
    const ce = new ComputeEmulator(world, gcp);
    ce.seed();
    const r = new Router();
    apiGuard(gcp, r, 'compute.googleapis.com');
    const cx = new ComputeContext(world, gcp, ce);
    for (const family of [...COMPUTE_FAMILIES, collectionRoutes])
        family(r, cx);
    return r;
}

;// CONCATENATED MODULE: ./sandbox/gcp/dns/resources.ts

const P = '/dns/v1/projects/{project}';
const ZONE_NAME_RE = /^[a-z](?:[-a-z0-9]{0,61}[a-z0-9])?$/;
const TYPES = new Set([
    'A',
    'AAAA',
    'CAA',
    'CNAME',
    'DNSKEY',
    'DS',
    'HTTPS',
    'MX',
    'NAPTR',
    'NS',
    'PTR',
    'SOA',
    'SPF',
    'SRV',
    'SSHFP',
    'SVCB',
    'TLSA',
    'TXT',
]);
function zoneView(z) {
    const out = {
        kind: 'dns#managedZone',
        name: z.name,
        dnsName: z.dnsName,
        description: z.description,
        id: z.id,
        nameServers: [...z.nameServers],
        creationTime: z.creationTime,
        visibility: z.visibility,
        cloudLoggingConfig: { kind: 'dns#managedZoneCloudLoggingConfig' },
    };
    if (z.labels)
        out.labels = z.labels;
    return out;
}
function rrView(r) {
    return { kind: 'dns#resourceRecordSet', name: r.name, type: r.type, ttl: r.ttl, rrdatas: [...r.rrdatas] };
}
/** Cloud DNS v1: managed zones, record sets and changes. */
/** The project in the path, or the 404 Cloud DNS answers for one it does not know. */
function projectOr404(world, req) {
    return world.project(req.params.project)
        ? undefined
        : googleError(404, `The 'parameters.project' resource named '${req.params.project}' does not exist.`, 'notFound');
}
/** The zone named (or numbered) in the path, or the 404 Cloud DNS answers. */
function zoneOf(world, req) {
    const bad = projectOr404(world, req);
    if (bad)
        return bad;
    const z = world.zones.get(req.params.zone) ??
        [...world.zones.values()].find((x) => x.id === req.params.zone);
    return (z ??
        googleError(404, `The 'parameters.managedZone' resource named '${req.params.zone}' does not exist.`, 'notFound'));
}
/** A record set as Cloud DNS validates it: name inside the zone, known type, rrdatas, TTL. */
function validate(z, rr, field) {
    const x = (rr ?? {});
    const name = typeof x.name === 'string' ? x.name.toLowerCase() : '';
    const type = typeof x.type === 'string' ? x.type : '';
    if (!name.endsWith('.') || !(name === z.dnsName || name.endsWith(`.${z.dnsName}`)))
        return googleError(400, `Invalid value for '${field}.name': '${name}'`, 'invalid');
    if (!TYPES.has(type))
        return googleError(400, `Invalid value for '${field}.type': '${type}'`, 'invalid');
    const rrdatas = Array.isArray(x.rrdatas) ? x.rrdatas.map(String) : [];
    if (rrdatas.length === 0)
        return googleError(400, `The resource record set '${field}' has no rrdatas.`, 'invalid');
    if (type === 'A' && rrdatas.some((d) => !/^\d{1,3}(\.\d{1,3}){3}$/.test(d)))
        return googleError(400, `Invalid value for '${field}.rrdata': '${rrdatas.join(',')}'`, 'invalid');
    if (type === 'CNAME' && rrdatas.length !== 1)
        return googleError(400, `Invalid value for '${field}.rrdata': a CNAME record set holds one record.`, 'invalid');
    const ttl = x.ttl === undefined ? 300 : Number(x.ttl);
    if (!Number.isInteger(ttl) || ttl < 0)
        return googleError(400, `Invalid value for '${field}.ttl': '${String(x.ttl)}'`, 'invalid');
    return { name, type, ttl, rrdatas };
}
/** 409 for a duplicate name and type; 400 for a CNAME beside other data at the same name. */
function conflict(rrsets, n, field) {
    if (rrsets.some((x) => x.name === n.name && x.type === n.type))
        return googleError(409, `The resource '${field}' named '${n.name} (${n.type})' already exists`, 'alreadyExists');
    if (n.type === 'CNAME'
        ? rrsets.some((x) => x.name === n.name)
        : rrsets.some((x) => x.name === n.name && x.type === 'CNAME'))
        return googleError(400, `The resource record set '${field}' named '${n.name} (${n.type})' cannot coexist with a CNAME record at the same name.`, 'cnameResourceRecordSetConflict');
    return undefined;
}

;// CONCATENATED MODULE: ./sandbox/gcp/dns/changes.ts



/** Changes: deletions then additions applied atomically, `pending` until the operation time has passed. */
function changeRoutes(r, world) {
    const changeView = (c) => ({
        ...c,
        status: world.now() - Number(c.createdAt) >=
            (world.scn.operationMsByCollection?.changes ?? world.scn.operationMs ?? 50)
            ? 'done'
            : 'pending',
        createdAt: undefined,
    });
    r.post(`${P}/managedZones/{zone}/changes`, (req) => {
        const z = zoneOf(world, req);
        if (isRes(z))
            return z;
        if (!hasPermission(world, 'dns.changes.create'))
            return permissionDenied('dns.changes.create', `projects/${req.params.project}/managedZones/${z.name}`);
        const b = bodyObject(req);
        const adds = Array.isArray(b.additions) ? b.additions : [];
        const dels = Array.isArray(b.deletions) ? b.deletions : [];
        if (adds.length + dels.length === 0)
            return googleError(400, 'The change must contain at least one addition or deletion.', 'required');
        const next = structuredClone(z.rrsets);
        const delSets = [];
        for (const [i, d] of dels.entries()) {
            const n = validate(z, d, `entity.change.deletions[${i}]`);
            if (isRes(n))
                return n;
            const at = next.findIndex((x) => x.name === n.name && x.type === n.type);
            if (at < 0)
                return googleError(404, `The 'entity.change.deletions[${i}]' resource named '${n.name} (${n.type})' does not exist.`, 'notFound');
            const cur = next[at];
            if (cur.ttl !== n.ttl || [...cur.rrdatas].sort().join('\n') !== [...n.rrdatas].sort().join('\n'))
                return googleError(412, `Precondition not met for 'entity.change.deletions[${i}]'`, 'conditionNotMet');
            next.splice(at, 1);
            delSets.push(n);
        }
        const addSets = [];
        for (const [i, a] of adds.entries()) {
            const n = validate(z, a, `entity.change.additions[${i}]`);
            if (isRes(n))
                return n;
            const c = conflict(next, n, `entity.change.additions[${i}]`);
            if (c)
                return c;
            next.push(n);
            addSets.push(n);
        }
        z.rrsets = next;
        const change = {
            kind: 'dns#change',
            additions: addSets.map(rrView),
            deletions: delSets.map(rrView),
            startTime: new Date().toISOString(),
            id: String(z.changes.length + 1),
            createdAt: world.now(),
        };
        if (!addSets.length)
            delete change.additions;
        if (!delSets.length)
            delete change.deletions;
        z.changes.push(change);
        return ok(changeView(change));
    });
    r.get(`${P}/managedZones/{zone}/changes`, (req) => {
        const z = zoneOf(world, req);
        if (isRes(z))
            return z;
        const page = paginate(z.changes.map(changeView), req, 'maxResults', 1000, 1000);
        if (isRes(page))
            return page;
        return ok({
            kind: 'dns#changesListResponse',
            changes: page.items,
            ...(page.nextPageToken ? { nextPageToken: page.nextPageToken } : {}),
        });
    });
    r.get(`${P}/managedZones/{zone}/changes/{id}`, (req) => {
        const z = zoneOf(world, req);
        if (isRes(z))
            return z;
        const c = z.changes.find((x) => x.id === req.params.id);
        return c
            ? ok(changeView(c))
            : googleError(404, `The 'parameters.changeId' resource named '${req.params.id}' does not exist.`, 'notFound');
    });
}

;// CONCATENATED MODULE: ./sandbox/gcp/dns/rrsets.ts



/** Record sets: list by name/type, create, get, patch, delete (never the apex SOA and NS). */
function recordSetRoutes(r, world) {
    r.get(`${P}/managedZones/{zone}/rrsets`, (req) => {
        const z = zoneOf(world, req);
        if (isRes(z))
            return z;
        const name = req.query.get('name');
        const type = req.query.get('type');
        if (type && !name)
            return googleError(400, "Invalid value for 'parameters.type': type requires name", 'invalid');
        const items = z.rrsets
            .filter((x) => (!name || x.name === (name.endsWith('.') ? name : `${name}.`).toLowerCase()) &&
            (!type || x.type === type))
            .sort((a, b) => (a.name + a.type).localeCompare(b.name + b.type))
            .map(rrView);
        const page = paginate(items, req, 'maxResults', 1000, 1000);
        if (isRes(page))
            return page;
        return ok({
            kind: 'dns#resourceRecordSetsListResponse',
            rrsets: page.items,
            ...(page.nextPageToken ? { nextPageToken: page.nextPageToken } : {}),
        });
    });
    r.post(`${P}/managedZones/{zone}/rrsets`, (req) => {
        const z = zoneOf(world, req);
        if (isRes(z))
            return z;
        const n = validate(z, bodyObject(req), 'entity.rrset');
        if (isRes(n))
            return n;
        const c = conflict(z.rrsets, n, 'entity.rrset');
        if (c)
            return c;
        z.rrsets.push(n);
        return ok(rrView(n));
    });
    /** The zone and the index of the record set a path names, or Google's 404 for either. */
    const located = (req) => {
        const z = zoneOf(world, req);
        if (isRes(z))
            return z;
        const name = req.params.name.toLowerCase();
        const fqdn = name.endsWith('.') ? name : `${name}.`;
        const i = z.rrsets.findIndex((x) => x.name === fqdn && x.type === req.params.type);
        if (i >= 0)
            return { z, i };
        return googleError(404, `The 'parameters.name' resource named '${req.params.name} (${req.params.type})' does not exist.`, 'notFound');
    };
    r.get(`${P}/managedZones/{zone}/rrsets/{name}/{type}`, (req) => {
        const at = located(req);
        return isRes(at) ? at : ok(rrView(at.z.rrsets[at.i]));
    });
    r.patch(`${P}/managedZones/{zone}/rrsets/{name}/{type}`, (req) => {
        const at = located(req);
        if (isRes(at))
            return at;
        const { z, i } = at;
        const n = validate(z, { ...z.rrsets[i], ...bodyObject(req) }, 'entity.rrset');
        if (isRes(n))
            return n;
        z.rrsets[i] = n;
        return ok(rrView(n));
    });
    r.delete(`${P}/managedZones/{zone}/rrsets/{name}/{type}`, (req) => {
        const at = located(req);
        if (isRes(at))
            return at;
        const { z, i } = at;
        const rr = z.rrsets[i];
        if (rr.name === z.dnsName && (rr.type === 'SOA' || rr.type === 'NS'))
            return googleError(400, `The resource record set '${rr.name} (${rr.type})' at the zone apex cannot be deleted.`, 'invalid');
        z.rrsets.splice(i, 1);
        return ok({});
    });
}

;// CONCATENATED MODULE: ./sandbox/gcp/dns/zones.ts




/** Managed zones: list (by dnsName), get, create, delete when empty but for the apex SOA and NS. */
function managedZoneRoutes(r, world) {
    r.get(`${P}/managedZones`, (req) => {
        const bad = projectOr404(world, req);
        if (bad)
            return bad;
        const dnsName = req.query.get('dnsName');
        const zones = [...world.zones.values()]
            .filter((z) => !dnsName || z.dnsName === (dnsName.endsWith('.') ? dnsName : `${dnsName}.`))
            .map(zoneView);
        const page = paginate(zones, req, 'maxResults', 1000, 1000);
        if (isRes(page))
            return page;
        return ok({
            kind: 'dns#managedZonesListResponse',
            header: { operationId: `sandbox-${world.nextId()}` },
            managedZones: page.items,
            ...(page.nextPageToken ? { nextPageToken: page.nextPageToken } : {}),
        });
    });
    r.get(`${P}/managedZones/{zone}`, (req) => {
        const z = zoneOf(world, req);
        return isRes(z) ? z : ok(zoneView(z));
    });
    r.post(`${P}/managedZones`, (req) => {
        const bad = projectOr404(world, req);
        if (bad)
            return bad;
        if (!hasPermission(world, 'dns.managedZones.create'))
            return permissionDenied('dns.managedZones.create', `projects/${req.params.project}`);
        const b = bodyObject(req);
        const name = b.name;
        const dnsName = b.dnsName;
        if (typeof name !== 'string' || !ZONE_NAME_RE.test(name))
            return googleError(400, `Invalid value for 'entity.managedZone.name': '${String(name ?? '')}'`, 'invalid');
        if (typeof dnsName !== 'string' || !dnsName.endsWith('.') || !(0,net/* isValidDomain */.Ll)(dnsName.slice(0, -1)))
            return googleError(400, `Invalid value for 'entity.managedZone.dnsName': '${String(dnsName ?? '')}'`, 'invalid');
        if (world.zones.has(name))
            return googleError(409, `The resource 'entity.managedZone' named '${name}' already exists`, 'alreadyExists');
        const z = world.addZone(name, dnsName.toLowerCase(), typeof b.description === 'string' ? b.description : '', {
            visibility: typeof b.visibility === 'string' ? b.visibility : 'public',
            ...(b.labels && typeof b.labels === 'object' ? { labels: b.labels } : {}),
        });
        return ok(zoneView(z));
    });
    r.delete(`${P}/managedZones/{zone}`, (req) => {
        const z = zoneOf(world, req);
        if (isRes(z))
            return z;
        if (!hasPermission(world, 'dns.managedZones.delete'))
            return permissionDenied('dns.managedZones.delete', `projects/${req.params.project}/managedZones/${z.name}`);
        if (z.rrsets.some((x) => !(x.name === z.dnsName && (x.type === 'SOA' || x.type === 'NS'))))
            return googleError(400, `The resource named '${z.name}' cannot be deleted because it is not empty`, 'containerNotEmpty');
        world.zones.delete(z.name);
        return { status: 204 };
    });
}

;// CONCATENATED MODULE: ./sandbox/gcp/dns/index.ts





/** Cloud DNS's resource families, one file each. A new family: one file exporting a GcpFamily, one line here. */
const CLOUD_DNS_FAMILIES = [managedZoneRoutes, recordSetRoutes, changeRoutes];
/** Cloud DNS v1: managed zones, record sets and changes. */
function cloudDnsRouter(world) {
    const r = new Router();
    apiGuard(world, r, 'dns.googleapis.com');
    for (const family of CLOUD_DNS_FAMILIES)
        family(r, world);
    return r;
}

;// CONCATENATED MODULE: ./sandbox/gcp/metadata.ts


const V1 = '/vm/{project}/{zone}/{name}/computeMetadata/v1';
function metadata_text(body, status = 200) {
    return { status, body, headers: { 'content-type': 'application/text', 'metadata-flavor': 'Google' } };
}
function json(body) {
    return { status: 200, body, headers: { 'metadata-flavor': 'Google' } };
}
function notFoundHtml(path) {
    return {
        status: 404,
        body: `<!DOCTYPE html>\n<html lang=en>\n  <title>Error 404 (Not Found)!!1</title>\n  <p><b>404.</b> <ins>That's an error.</ins>\n  <p>The requested URL <code>${path}</code> was not found on this server.  <ins>That's all we know.</ins>\n`,
        headers: { 'content-type': 'text/html; charset=UTF-8', 'metadata-flavor': 'Google' },
    };
}
/**
 * The GCE metadata server, one per emulated VM under /vm/<project>/<zone>/<name>, with the real paths below it
 * (/computeMetadata/v1/instance/attributes/<key>, /computeMetadata/v1/instance/guest-attributes/<ns>/<key>, ...).
 * Values come from the Compute emulator's instance, so setMetadata changes what the VM sees.
 */
function metadataRouter(world) {
    const r = new Router();
    r.notFound = (req) => notFoundHtml(req.path);
    r.guard = (req) => {
        const flavor = req.headers['metadata-flavor'];
        if ((Array.isArray(flavor) ? flavor[0] : flavor) !== 'Google')
            return {
                status: 403,
                body: `<!DOCTYPE html>\n<html lang=en>\n  <title>Error 403 (Forbidden)!!1</title>\n  <p><b>403.</b> <ins>That's an error.</ins>\n  <p>Your client does not have permission to get URL <code>${req.path}</code> from this server. Missing Metadata-Flavor:Google header. <ins>That's all we know.</ins>\n`,
                headers: { 'content-type': 'text/html; charset=UTF-8' },
            };
        return undefined;
    };
    const inst = (req) => {
        const p = world.project(req.params.project);
        const path = `projects/${p ?? req.params.project}/zones/${req.params.zone}/instances/${req.params.name}`;
        const i = world.compute.get(path);
        if (!i)
            return undefined;
        const attrs = {};
        for (const it of i.metadata?.items ?? [])
            attrs[it.key] = it.value ?? '';
        return { path, i, attrs, project: p ?? req.params.project };
    };
    r.get(`${V1}/instance/attributes/`, (req) => {
        const x = inst(req);
        if (!x)
            return notFoundHtml(req.path);
        if (req.query.get('recursive') === 'true')
            return json(x.attrs);
        return metadata_text(Object.keys(x.attrs)
            .map((k) => `${k}\n`)
            .join(''));
    });
    r.get(`${V1}/instance/attributes/{key}`, (req) => {
        const x = inst(req);
        const v = x?.attrs[req.params.key];
        return v === undefined ? notFoundHtml(req.path) : metadata_text(v);
    });
    // Guest attributes: off (403) without enable-guest-attributes, writes limited (sandbox/gcp/guest-limits.ts).
    const guestOff = (x) => guestAttributesEnabled(x.attrs) ? undefined : metadata_text(GUEST_ATTRIBUTES_DISABLED, 403);
    r.get(`${V1}/instance/guest-attributes/{ns}/`, (req) => {
        const x = inst(req);
        if (!x)
            return notFoundHtml(req.path);
        const off = guestOff(x);
        if (off)
            return off;
        const ns = req.params.ns;
        const keys = Object.keys(world.guestAttributes(x.path))
            .filter((k) => k.startsWith(`${ns}/`))
            .map((k) => k.slice(ns.length + 1));
        return keys.length ? metadata_text(keys.map((k) => `${k}\n`).join('')) : notFoundHtml(req.path);
    });
    r.get(`${V1}/instance/guest-attributes/{ns}/{key}`, (req) => {
        const x = inst(req);
        const off = x && guestOff(x);
        if (off)
            return off;
        const v = x ? world.guestAttributes(x.path)[`${req.params.ns}/${req.params.key}`] : undefined;
        return v === undefined ? notFoundHtml(req.path) : metadata_text(v);
    });
    r.put(`${V1}/instance/guest-attributes/{ns}/{key}`, (req) => {
        const x = inst(req);
        if (!x)
            return notFoundHtml(req.path);
        const off = guestOff(x);
        if (off)
            return off;
        const key = `${req.params.ns}/${req.params.key}`;
        // Over the limits the write is answered like any other and dropped.
        if (!world.guestWrites.admit(x.path, key, world.now()))
            return metadata_text('');
        world.setGuestAttribute(x.path, `${req.params.ns}/${req.params.key}`, typeof req.rawBody === 'string' ? req.rawBody : '');
        return metadata_text('');
    });
    r.delete(`${V1}/instance/guest-attributes/{ns}/{key}`, (req) => {
        const x = inst(req);
        if (!x)
            return notFoundHtml(req.path);
        const off = guestOff(x);
        if (off)
            return off;
        if (!world.guestWrites.admit(x.path, `${req.params.ns}/${req.params.key}`, world.now()))
            return metadata_text('');
        const m = world.guest.get(x.path);
        if (m)
            delete m[`${req.params.ns}/${req.params.key}`];
        return metadata_text('');
    });
    const simple = {
        'instance/name': (x) => x.i.name,
        'instance/id': (x) => String(x.i.id),
        'instance/hostname': (x) => `${x.i.name}.${String(x.i.zone).split('/').pop()}.c.${x.project}.internal`,
        'instance/zone': (x) => `projects/${world.scn.projectNumber}/zones/${String(x.i.zone).split('/').pop()}`,
        'instance/machine-type': (x) => `projects/${world.scn.projectNumber}/machineTypes/${String(x.i.machineType).split('/').pop()}`,
        'instance/network-interfaces/0/ip': (x) => x.i.networkInterfaces?.[0]?.networkIP ?? undefined,
        'instance/network-interfaces/0/access-configs/0/external-ip': (x) => x.i.networkInterfaces?.[0]?.accessConfigs?.[0]
            ?.natIP ?? undefined,
        'instance/tags': (x) => JSON.stringify(x.i.tags?.items ?? []),
        'project/project-id': (x) => x.project,
        'project/numeric-project-id': () => world.scn.projectNumber,
        'instance/service-accounts/default/email': (x) => x.i.serviceAccounts?.[0]?.email ??
            `${world.scn.projectNumber}-compute@developer.gserviceaccount.com`,
    };
    for (const [path, get] of Object.entries(simple)) {
        r.get(`${V1}/${path}`, (req) => {
            const x = inst(req);
            const v = x ? get(x) : undefined;
            return v === undefined ? notFoundHtml(req.path) : metadata_text(v);
        });
    }
    r.get(`${V1}/instance/service-accounts/default/token`, (req) => {
        const x = inst(req);
        if (!x)
            return notFoundHtml(req.path);
        const sa = x.i.serviceAccounts?.[0]?.email;
        if (!sa)
            return notFoundHtml(req.path);
        const { token } = world.issueAccessToken(sa === world.clientEmail ? sa : sa, 3599);
        return json({ access_token: token, expires_in: 3599, token_type: 'Bearer' });
    });
    return r;
}

;// CONCATENATED MODULE: ./sandbox/gcp/iam-admin.ts



/**
 * What the Terraform provider changes in IAM and Resource Manager, on top of the read-only emulators (apis.ts):
 * creating and deleting service accounts (iam v1 projects.serviceAccounts create/get/patch/delete) and writing
 * the project's IAM policy (cloudresourcemanager v1 projects.setIamPolicy). An OverlayRouter answers these
 * routes and hands every other request to the router it wraps.
 * Messages and codes: REST references of projects.serviceAccounts.create ("Service account <id> already exists
 * within project projects/<p>.", 409 ALREADY_EXISTS) and projects.setIamPolicy.
 */
class OverlayRouter extends Router {
    inner;
    constructor(inner) {
        super();
        this.inner = inner;
        this.guard = inner.guard;
        this.notFound = inner.notFound;
    }
    match(method, path) {
        return super.match(method, path) ?? this.inner.match(method, path);
    }
}
// accountId: 6-30 characters, lowercase letters, digits and hyphens, starting with a letter (REST reference).
const ACCOUNT_ID_RE = /^[a-z](?:[-a-z0-9]{4,28}[a-z0-9])$/;
const accounts = new WeakMap();
function store(world) {
    let m = accounts.get(world);
    if (!m)
        accounts.set(world, (m = new Map()));
    return m;
}
/** The iam service with service-account creation: wraps apis.ts's iamRouter. */
function withServiceAccountAdmin(inner, world) {
    const r = new OverlayRouter(inner);
    const P = '/v1/projects/{project}/serviceAccounts';
    const email = (req) => decodeURIComponent(req.params.email);
    const passThrough = (req) => {
        const m = inner.match(req.method, req.path);
        return m ? m.route.handler({ ...req, params: m.params }) : inner.notFound(req);
    };
    r.post(P, (req) => {
        const project = world.project(req.params.project);
        if (!project)
            return googleError(404, `Project ${req.params.project} not found.`, 'notFound');
        if (!hasPermission(world, 'iam.serviceAccounts.create'))
            return permissionDenied('iam.serviceAccounts.create', `projects/${project}`);
        const b = bodyObject(req);
        const id = String(b.accountId ?? '');
        if (!ACCOUNT_ID_RE.test(id))
            return googleError(400, `Invalid account ID: ${id}. It must match ${ACCOUNT_ID_RE.source}.`, 'badRequest');
        const addr = `${id}@${project}.iam.gserviceaccount.com`;
        if (store(world).has(addr) || addr === world.clientEmail)
            return googleError(409, `Service account ${id} already exists within project projects/${project}.`, 'alreadyExists');
        const sa = b.serviceAccount ?? {};
        const uniqueId = BigInt(`0x${(0,external_node_crypto_.createHash)('sha256').update(addr).digest('hex').slice(0, 15)}`).toString();
        const account = {
            name: `projects/${project}/serviceAccounts/${addr}`,
            projectId: project,
            uniqueId,
            email: addr,
            displayName: sa.displayName ?? '',
            description: sa.description,
            etag: 'MDEwMjE5MjA=',
            oauth2ClientId: uniqueId,
        };
        store(world).set(addr, account);
        return ok(account);
    });
    r.get(`${P}/{email}`, (req) => {
        const sa = store(world).get(email(req));
        return sa ? ok(sa) : passThrough(req);
    });
    r.patch(`${P}/{email}`, (req) => {
        const sa = store(world).get(email(req));
        if (!sa)
            return passThrough(req);
        const patch = bodyObject(req).serviceAccount ?? {};
        for (const k of ['displayName', 'description'])
            if (patch[k] !== undefined)
                sa[k] = patch[k];
        return ok(sa);
    });
    r.delete(`${P}/{email}`, (req) => {
        if (!store(world).delete(email(req)))
            return googleError(404, `Service account projects/${req.params.project}/serviceAccounts/${email(req)} not found.`, 'notFound');
        return ok({});
    });
    return r;
}
/** The resourcemanager service with projects.setIamPolicy: wraps apis.ts's resourceManagerRouter. */
function withIamPolicyWrites(inner, world) {
    const r = new OverlayRouter(inner);
    const set = (req) => {
        if (!world.project(req.params.project))
            return googleError(403, 'The caller does not have permission', 'forbidden');
        if (!hasPermission(world, 'resourcemanager.projects.setIamPolicy'))
            return permissionDenied('resourcemanager.projects.setIamPolicy', `projects/${req.params.project}`);
        const policy = bodyObject(req).policy ?? {};
        const bindings = {};
        for (const b of policy.bindings ?? [])
            bindings[b.role] = [...new Set([...(bindings[b.role] ?? []), ...b.members])];
        world.scn.bindings = bindings;
        return ok({
            version: 1,
            etag: 'BwYAAAAAAAA=',
            bindings: Object.entries(bindings).map(([role, members]) => ({ role, members: [...members].sort() })),
        });
    };
    r.post('/v1/projects/{project}:setIamPolicy', set);
    r.post('/v3/projects/{project}:setIamPolicy', set);
    return r;
}

;// CONCATENATED MODULE: ./sandbox/gcp/oauth.ts



const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange';
function oauthError(status, error, description) {
    return {
        status,
        body: { error, error_description: description },
        headers: { 'cache-control': 'no-cache, no-store, max-age=0, must-revalidate' },
    };
}
/** Form or JSON parameters of a token request. */
function params(req) {
    if (req.form)
        return req.form;
    const b = bodyObject(req);
    const out = new URLSearchParams();
    for (const [k, v] of Object.entries(b))
        out.set(k, Array.isArray(v) ? v.join(' ') : String(v));
    if (!Object.keys(b).length && typeof req.body === 'string' && req.body.includes('='))
        return new URLSearchParams(req.body);
    return out;
}
/** Google's OAuth2 token endpoint (oauth2.googleapis.com/token): the JWT-bearer grant of a service-account key. */
function oauthRouter(world) {
    const r = new Router();
    r.notFound = () => ({
        status: 404,
        body: 'Not Found',
        headers: { 'content-type': 'text/html; charset=UTF-8' },
    });
    r.post('/token', (req) => {
        const p = params(req);
        const grant = p.get('grant_type');
        if (grant !== JWT_BEARER)
            return oauthError(400, 'unsupported_grant_type', `Invalid grant_type: ${grant ?? ''}`);
        const assertion = p.get('assertion');
        if (!assertion)
            return oauthError(400, 'invalid_request', 'Missing required parameter: assertion');
        const v = verifyKeyJwt(world, assertion);
        if (!v.ok)
            return oauthError(400, 'invalid_grant', v.reason);
        const aud = v.payload.aud;
        const accepted = [
            GOOGLE_TOKEN_URL,
            'https://accounts.google.com/o/oauth2/token',
            'https://www.googleapis.com/oauth2/v4/token',
            `${req.baseUrl}/token`,
        ];
        if (typeof aud !== 'string' || !accepted.includes(aud))
            return oauthError(400, 'invalid_grant', `Invalid JWT: Failed audience check. The right audience is ${GOOGLE_TOKEN_URL}`);
        if (!v.payload.scope && !v.payload.target_audience)
            return oauthError(400, 'invalid_scope', 'Invalid OAuth scope or ID token audience provided.');
        const sub = v.payload.sub;
        if (sub !== undefined && sub !== world.clientEmail)
            return oauthError(401, 'unauthorized_client', 'Client is unauthorized to retrieve access tokens using this method, or client not authorized for any of the scopes requested.');
        const { token } = world.issueAccessToken(world.clientEmail, 3599);
        return {
            status: 200,
            body: { access_token: token, expires_in: 3599, token_type: 'Bearer' },
            headers: { 'cache-control': 'no-cache, no-store, max-age=0, must-revalidate' },
        };
    }, { mutating: false });
    return r;
}
/** Security Token Service (sts.googleapis.com): exchanges the external subject token for a federated token. */
function stsRouter(world) {
    const r = new Router();
    r.post('/v1/token', (req) => {
        const p = params(req);
        if (p.get('grant_type') !== TOKEN_EXCHANGE)
            return oauthError(400, 'unsupported_grant_type', `Unsupported grant_type: ${p.get('grant_type') ?? ''}`);
        const audience = p.get('audience') ?? '';
        if (audience !== world.wifAudience)
            return oauthError(400, 'invalid_target', `The target service indicated by the "audience" parameters is invalid. This might either be because the pool or provider is disabled or deleted or because it doesn't exist.`);
        const stt = p.get('subject_token_type');
        if (stt !== 'urn:ietf:params:oauth:token-type:jwt' &&
            stt !== 'urn:ietf:params:oauth:token-type:id_token')
            return oauthError(400, 'invalid_request', `Invalid value for "subject_token_type". Expected "urn:ietf:params:oauth:token-type:jwt" or "urn:ietf:params:oauth:token-type:id_token", got "${stt ?? ''}".`);
        const subject = p.get('subject_token') ?? '';
        const d = decodeJwt(subject);
        if (!d || subject !== world.subjectToken)
            return oauthError(400, 'invalid_grant', 'Invalid value for "subject_token": the ID Token could not be verified.');
        const exp = d.payload.exp;
        if (typeof exp !== 'number' || exp * 1000 < world.now())
            return oauthError(400, 'invalid_grant', 'ID Token issued at ... is stale to sign-in.');
        const { token } = world.issueAccessToken(`principal://${audience.replace(/^\/\//, '')}/subject/${String(d.payload.sub)}`, 3599, true);
        return {
            status: 200,
            body: {
                access_token: token,
                issued_token_type: 'urn:ietf:params:oauth:token-type:access_token',
                token_type: 'Bearer',
                expires_in: 3599,
            },
        };
    }, { mutating: false });
    return r;
}
/** IAM Service Account Credentials (iamcredentials.googleapis.com): generateAccessToken for impersonation. */
function iamCredentialsRouter(world) {
    const r = new Router();
    r.guard = (req) => {
        const h = req.headers.authorization;
        const header = (Array.isArray(h) ? h[0] : h) ?? '';
        const token = header.replace(/^Bearer\s+/i, '').trim();
        const t = world.tokens.get(token);
        if (t && t.expiresAt > world.now())
            return undefined;
        const who = authenticate(world, req);
        return 'status' in who ? who : undefined;
    };
    r.post('/v1/projects/{project}/serviceAccounts/{email}:generateAccessToken', (req) => {
        const email = req.params.email;
        if (email !== world.clientEmail)
            return googleError(404, `Not found; Gaia id not found for email ${email}`, 'notFound');
        const b = bodyObject(req);
        const scope = b.scope;
        if (!Array.isArray(scope) || scope.length === 0)
            return googleError(400, 'Scope required.', 'badRequest');
        const lifetime = typeof b.lifetime === 'string' ? Number(b.lifetime.replace(/s$/, '')) : 3600;
        if (!Number.isFinite(lifetime) || lifetime > 3600 || lifetime <= 0)
            return googleErrorInfo(400, `Request contains an invalid argument.`, 'INVALID_ARGUMENT', 'badRequest');
        const { token, expiresAt } = world.issueAccessToken(world.clientEmail, lifetime);
        return {
            status: 200,
            body: {
                accessToken: token,
                expireTime: new Date(expiresAt).toISOString().replace(/\.\d+Z$/, 'Z'),
            },
        };
    }, { mutating: false });
    return r;
}

;// CONCATENATED MODULE: ./sandbox/gcp/storage-state.ts

/** Every permission a bucket's testIamPermissions knows (https://cloud.google.com/storage/docs/access-control/iam-permissions). */
const STORAGE_PERMISSIONS = [
    'storage.buckets.get',
    'storage.buckets.getIamPolicy',
    'storage.buckets.update',
    'storage.buckets.delete',
    'storage.objects.get',
    'storage.objects.list',
    'storage.objects.create',
    'storage.objects.delete',
];
function defaultStateBucketName(projectId) {
    return `${projectId}-gitspaces-tfstate`;
}
const CRC_TABLE = (() => {
    // CRC-32C (Castagnoli, reflected polynomial 0x82F63B78), the checksum Cloud Storage reports as crc32c.
    const t = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
        let c = n;
        for (let k = 0; k < 8; k++)
            c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1;
        t[n] = c >>> 0;
    }
    return t;
})();
/** crc32c as the JSON API reports it: the big-endian 4 bytes, base64 (https://cloud.google.com/storage/docs/hashes-etags). */
function crc32cBase64(data) {
    let c = 0xffffffff;
    for (const byte of data)
        c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
    const out = Buffer.alloc(4);
    out.writeUInt32BE((c ^ 0xffffffff) >>> 0);
    return out.toString('base64');
}
function md5Base64(data) {
    return (0,external_node_crypto_.createHash)('md5').update(data).digest('base64');
}
class StorageState {
    projectId;
    projectNumber;
    now;
    buckets = new Map();
    /** bucket -> object name -> generations, oldest first; the live one (if any) is last, without timeDeleted. */
    objects = new Map();
    /** Resumable uploads in progress: upload_id -> what the initiating request said. */
    uploads = new Map();
    lastGeneration = 0;
    constructor(projectId, projectNumber, seeds, now) {
        this.projectId = projectId;
        this.projectNumber = projectNumber;
        this.now = now;
        for (const seed of seeds ?? [{}])
            this.addBucket(this.bucketFromSeed(seed));
    }
    bucketFromSeed(seed) {
        const t = new Date(this.now()).toISOString();
        return {
            name: seed.name ?? defaultStateBucketName(this.projectId),
            projectNumber: seed.projectNumber ?? this.projectNumber,
            location: seed.location ?? 'US',
            storageClass: 'STANDARD',
            versioning: seed.versioning ?? true,
            uniformBucketLevelAccess: seed.uniformBucketLevelAccess ?? true,
            publicAccessPrevention: seed.publicAccessPrevention ?? 'enforced',
            bindings: defaultBindings(this.projectNumber, seed.publicReaders ?? []),
            deniedPermissions: seed.deniedPermissions ?? [],
            timeCreated: t,
            updated: t,
            metageneration: 1,
        };
    }
    addBucket(b) {
        this.buckets.set(b.name, b);
        this.objects.set(b.name, new Map());
    }
    newBucket(fields) {
        const t = new Date(this.now()).toISOString();
        const b = {
            ...fields,
            bindings: defaultBindings(fields.projectNumber, []),
            deniedPermissions: [],
            timeCreated: t,
            updated: t,
            metageneration: 1,
        };
        this.addBucket(b);
        return b;
    }
    /**
     * Generations are the object's creation time in microseconds and strictly increase
     * (https://cloud.google.com/storage/docs/metadata#generation-number).
     */
    nextGeneration() {
        this.lastGeneration = Math.max(this.lastGeneration + 1, this.now() * 1000);
        return String(this.lastGeneration);
    }
    newUploadId() {
        return `ADPycd${(0,external_node_crypto_.randomBytes)(24).toString('base64url')}`;
    }
    versions(bucket, name) {
        return this.objects.get(bucket)?.get(name) ?? [];
    }
    live(bucket, name) {
        const last = this.versions(bucket, name).at(-1);
        return last && !last.timeDeleted ? last : undefined;
    }
    /** A generation (live or noncurrent), or the live object when `generation` is not given. */
    find(bucket, name, generation) {
        if (!generation)
            return this.live(bucket, name);
        return this.versions(bucket, name).find((o) => o.generation === generation);
    }
    /** Every object of a bucket, by name; `versions` includes noncurrent generations. */
    list(bucket, versions) {
        const out = [];
        const names = [...(this.objects.get(bucket)?.keys() ?? [])].sort();
        for (const n of names) {
            const all = this.versions(bucket, n);
            if (versions)
                out.push(...all);
            else {
                const l = this.live(bucket, n);
                if (l)
                    out.push(l);
            }
        }
        return out;
    }
    /**
     * ifGenerationMatch=0 means "only if no live object exists" (how Terraform's gcs backend takes its lock);
     * against a missing object any other generation or metageneration condition fails with 412
     * (https://cloud.google.com/storage/docs/request-preconditions#special-case).
     */
    check(obj, pre) {
        const { ifGenerationMatch: gm, ifGenerationNotMatch: gnm } = pre;
        const { ifMetagenerationMatch: mm, ifMetagenerationNotMatch: mnm } = pre;
        if (gm !== undefined) {
            if (gm === '0') {
                if (obj)
                    return 'failed';
            }
            else if (!obj || obj.generation !== gm)
                return 'failed';
        }
        if (gnm !== undefined && obj && obj.generation === gnm)
            return 'failed';
        if (mm !== undefined && (!obj || String(obj.metageneration) !== mm))
            return 'failed';
        if (mnm !== undefined && obj && String(obj.metageneration) === mnm)
            return 'failed';
        return 'ok';
    }
    /**
     * Writes a new live generation. With versioning on, the previous live generation becomes noncurrent
     * (timeDeleted set) and stays readable by generation; with it off, it is gone
     * (https://cloud.google.com/storage/docs/object-versioning).
     */
    put(bucket, name, data, contentType, metadata) {
        const b = this.buckets.get(bucket);
        const t = new Date(this.now()).toISOString();
        const obj = {
            bucket,
            name,
            generation: this.nextGeneration(),
            metageneration: 1,
            data,
            contentType,
            ...(metadata ? { metadata } : {}),
            timeCreated: t,
            updated: t,
        };
        const byName = this.objects.get(bucket);
        const versions = this.retire(b, byName.get(name) ?? [], t);
        versions.push(obj);
        byName.set(name, versions);
        return obj;
    }
    retire(b, versions, t) {
        // Noncurrent generations kept while versioning was on stay when it is turned off; only the live one goes.
        const last = versions.at(-1);
        if (!last || last.timeDeleted)
            return versions;
        if (!b.versioning)
            return versions.slice(0, -1);
        last.timeDeleted = t;
        return versions;
    }
    /** Deletes the live object (kept as noncurrent in a versioned bucket), or one generation permanently. */
    delete(bucket, name, generation) {
        const b = this.buckets.get(bucket);
        const byName = this.objects.get(bucket);
        const versions = byName.get(name) ?? [];
        if (generation) {
            const i = versions.findIndex((o) => o.generation === generation);
            if (i < 0)
                return false;
            versions.splice(i, 1);
        }
        else {
            if (!this.live(bucket, name))
                return false;
            const kept = this.retire(b, versions, new Date(this.now()).toISOString());
            byName.set(name, kept);
        }
        if (!(byName.get(name) ?? []).length)
            byName.delete(name);
        return true;
    }
}
/** The IAM policy a new bucket gets: the project's convenience roles (https://cloud.google.com/storage/docs/access-control/iam#convenience-values). */
function defaultBindings(projectNumber, publicReaders) {
    const bindings = [
        {
            role: 'roles/storage.legacyBucketOwner',
            members: [`projectEditor:${projectNumber}`, `projectOwner:${projectNumber}`],
        },
        { role: 'roles/storage.legacyBucketReader', members: [`projectViewer:${projectNumber}`] },
        {
            role: 'roles/storage.legacyObjectOwner',
            members: [`projectEditor:${projectNumber}`, `projectOwner:${projectNumber}`],
        },
        { role: 'roles/storage.legacyObjectReader', members: [`projectViewer:${projectNumber}`] },
    ];
    if (publicReaders.length)
        bindings.push({ role: 'roles/storage.objectViewer', members: publicReaders });
    return bindings;
}

;// CONCATENATED MODULE: ./sandbox/gcp/storage.ts



/**
 * The JSON API's error body: `{error: {code, message, errors: [{message, domain, reason, ...}]}}`; Cloud Storage
 * does not add `status` or `details` (https://cloud.google.com/storage/docs/json_api/v1/status-codes).
 */
function storageError(code, message, reason, extra = {}) {
    return {
        status: code,
        body: { error: { code, message, errors: [{ message, domain: 'global', reason, ...extra }] } },
    };
}
/** The XML API's error body (https://cloud.google.com/storage/docs/xml-api/reference-status). */
function xmlError(status, code, message, details) {
    const d = details ? `<Details>${details}</Details>` : '';
    return {
        status,
        headers: { 'content-type': 'application/xml; charset=UTF-8' },
        body: `<?xml version='1.0' encoding='UTF-8'?><Error><Code>${code}</Code><Message>${message}</Message>${d}</Error>`,
    };
}
const PRECONDITION_FAILED = 'At least one of the pre-conditions you specified did not hold.';
/** 412 as the JSON API answers a failed generation/metageneration precondition (status-codes page, 412). */
function preconditionFailed() {
    return storageError(412, PRECONDITION_FAILED, 'conditionNotMet', {
        locationType: 'header',
        location: 'If-Match',
    });
}
function noSuchBucket() {
    return storageError(404, 'The specified bucket does not exist.', 'notFound');
}
function noSuchObject(bucket, name) {
    return storageError(404, `No such object: ${bucket}/${name}`, 'notFound');
}
function forbidden(email, permission, what) {
    return storageError(403, `${email} does not have ${permission} access to ${what}. Permission '${permission}' denied on resource (or it may not exist).`, 'forbidden');
}
function preconditions(q) {
    const out = {};
    for (const k of [
        'ifGenerationMatch',
        'ifGenerationNotMatch',
        'ifMetagenerationMatch',
        'ifMetagenerationNotMatch',
    ]) {
        const v = q.get(k);
        if (v === null)
            continue;
        if (!/^\d+$/.test(v))
            return storageError(400, `Invalid argument: ${k}=${v}`, 'invalid');
        out[k] = v;
    }
    return out;
}
function bucketResource(b, baseUrl) {
    return {
        kind: 'storage#bucket',
        selfLink: `${baseUrl}/storage/v1/b/${b.name}`,
        id: b.name,
        name: b.name,
        projectNumber: b.projectNumber,
        metageneration: String(b.metageneration),
        location: b.location,
        storageClass: b.storageClass,
        etag: Buffer.from(`${b.name}:${b.metageneration}`).toString('base64url'),
        timeCreated: b.timeCreated,
        updated: b.updated,
        versioning: { enabled: b.versioning },
        iamConfiguration: {
            bucketPolicyOnly: { enabled: b.uniformBucketLevelAccess },
            uniformBucketLevelAccess: { enabled: b.uniformBucketLevelAccess },
            publicAccessPrevention: b.publicAccessPrevention,
        },
        locationType: b.location.includes('-') ? 'region' : 'multi-region',
        ...(b.labels ? { labels: b.labels } : {}),
    };
}
function objectResource(o, baseUrl) {
    const path = `b/${o.bucket}/o/${encodeURIComponent(o.name)}`;
    return {
        kind: 'storage#object',
        id: `${o.bucket}/${o.name}/${o.generation}`,
        selfLink: `${baseUrl}/storage/v1/${path}`,
        mediaLink: `${baseUrl}/download/storage/v1/${path}?generation=${o.generation}&alt=media`,
        name: o.name,
        bucket: o.bucket,
        generation: o.generation,
        metageneration: String(o.metageneration),
        contentType: o.contentType,
        storageClass: 'STANDARD',
        size: String(o.data.length),
        md5Hash: md5Base64(o.data),
        crc32c: crc32cBase64(o.data),
        etag: Buffer.from(`${o.generation}:${o.metageneration}`).toString('base64url'),
        timeCreated: o.timeCreated,
        updated: o.updated,
        timeStorageClassUpdated: o.timeCreated,
        ...(o.timeDeleted ? { timeDeleted: o.timeDeleted } : {}),
        ...(o.metadata ? { metadata: o.metadata } : {}),
    };
}
/** The bytes of an object, with the headers the XML API and `alt=media` send (x-goog-generation, x-goog-hash...). */
function media(o) {
    return {
        status: 200,
        headers: {
            'content-type': o.contentType,
            'x-goog-generation': o.generation,
            'x-goog-metageneration': String(o.metageneration),
            'x-goog-hash': `crc32c=${crc32cBase64(o.data)},md5=${md5Base64(o.data)}`,
            'x-goog-stored-content-length': String(o.data.length),
            'x-goog-stored-content-encoding': 'identity',
            'x-goog-storage-class': 'STANDARD',
            etag: `"${Buffer.from(md5Base64(o.data), 'base64').toString('hex')}"`,
            'last-modified': new Date(o.updated).toUTCString(),
        },
        body: o.data.toString('utf8'),
    };
}
/** The parts of a multipart/related upload: the metadata JSON and the media (https://cloud.google.com/storage/docs/uploading-objects#uploading-an-object, multipart). */
function multipart(req) {
    const ctype = String(req.headers['content-type'] ?? '');
    const boundary = /boundary="?([^";]+)"?/i.exec(ctype)?.[1];
    if (!/^multipart\/related/i.test(ctype) || !boundary)
        return storageError(400, 'Multipart upload needs Content-Type multipart/related with a boundary.', 'invalid');
    const parts = req.rawBody.split(`--${boundary}`).slice(1, -1);
    if (parts.length !== 2)
        return storageError(400, 'Multipart upload must have exactly two parts.', 'invalid');
    const parsed = parts.map((p) => {
        const body = p.replace(/^\r?\n/, '');
        const sep = body.search(/\r?\n\r?\n/);
        const head = body.slice(0, sep);
        const content = body
            .slice(sep)
            .replace(/^\r?\n\r?\n/, '')
            .replace(/\r?\n$/, '');
        return { type: /content-type:\s*([^\r\n]+)/i.exec(head)?.[1]?.trim() ?? '', content };
    });
    let meta;
    try {
        meta = JSON.parse(parsed[0]?.content ?? '{}');
    }
    catch {
        return storageError(400, 'The metadata part of the multipart upload is not JSON.', 'parseError');
    }
    const contentType = meta.contentType ?? (parsed[1]?.type || 'application/octet-stream');
    return { meta, data: Buffer.from(parsed[1]?.content ?? '', 'utf8'), contentType };
}
/** The Cloud Storage emulator over the scenario's buckets (`gcp.storageBuckets`). */
function storageRouter(world) {
    return createStorage(world).router;
}
function createStorage(world) {
    const gcp = world.gcp;
    const scn = world.scenario.gcp;
    const state = new StorageState(scn.projectId, scn.projectNumber, scn.storageBuckets, () => gcp.now());
    const r = new Router();
    const who = new WeakMap();
    r.guard = (req) => {
        const id = authenticate(gcp, req);
        if ('status' in id) {
            // Cloud Storage's own 401 (status-codes page, 401 authError).
            if (!req.path.startsWith('/storage/') &&
                !req.path.startsWith('/upload/') &&
                !req.path.startsWith('/download/'))
                return xmlError(401, 'AuthenticationRequired', 'Authentication required.');
            return storageError(401, 'Invalid Credentials', 'authError', {
                locationType: 'header',
                location: 'Authorization',
            });
        }
        who.set(req, id.email);
        return undefined;
    };
    const email = (req) => who.get(req) ?? 'anonymous';
    /** A bucket the caller may act on with `permission`, or the error Cloud Storage gives. */
    const bucketFor = (req, permission, xml = false) => {
        const b = state.buckets.get(req.params.bucket ?? '');
        if (!b)
            return xml ? xmlError(404, 'NoSuchBucket', 'The specified bucket does not exist.') : noSuchBucket();
        // Another project's bucket: this identity holds no role there (bucket names are global, access is not).
        if (b.deniedPermissions.includes(permission) || b.projectNumber !== scn.projectNumber)
            return forbidden(email(req), permission, permission.startsWith('storage.objects')
                ? 'the Google Cloud Storage object'
                : 'the Google Cloud Storage bucket');
        return b;
    };
    const c = { r, state, gcp, projectNumber: scn.projectNumber, email, bucketFor };
    bucketRoutes(c);
    objectRoutes(c);
    return { router: r, state };
}
function bodyOf(req) {
    if (req.body && typeof req.body === 'object')
        return req.body;
    try {
        return req.rawBody ? JSON.parse(req.rawBody) : {};
    }
    catch {
        return {};
    }
}
function applyBucketFields(b, body) {
    const v = body.versioning;
    if (v && typeof v.enabled === 'boolean')
        b.versioning = v.enabled;
    const iam = body.iamConfiguration;
    const ubla = iam?.uniformBucketLevelAccess?.enabled ?? iam?.bucketPolicyOnly?.enabled;
    if (typeof ubla === 'boolean')
        b.uniformBucketLevelAccess = ubla;
    if (iam?.publicAccessPrevention === 'enforced' || iam?.publicAccessPrevention === 'inherited')
        b.publicAccessPrevention = iam.publicAccessPrevention;
    if (body.labels && typeof body.labels === 'object')
        b.labels = body.labels;
}
/**
 * buckets.insert. Names follow https://cloud.google.com/storage/docs/buckets#naming; the namespace is global, so
 * a taken name answers 409 whoever owns it. Without explicit settings a new bucket has versioning off, uniform
 * bucket-level access off and publicAccessPrevention `inherited` (the API's defaults, absent org policies).
 */
function insertBucket(req, state, gcp, email) {
    const project = req.query.get('project');
    if (!project)
        return storageError(400, 'Required parameter: project', 'required');
    if (!gcp.project(project) || !hasPermission(gcp, 'storage.buckets.create'))
        return forbidden(email, 'storage.buckets.create', `the Google Cloud project ${project}`);
    const body = bodyOf(req);
    const name = typeof body.name === 'string' ? body.name : '';
    if (!/^[a-z0-9][a-z0-9_.-]{1,61}[a-z0-9]$/.test(name) || name.startsWith('goog') || name.includes('google'))
        return storageError(400, `Invalid bucket name: '${name}'`, 'invalid');
    const existing = state.buckets.get(name);
    if (existing)
        return existing.projectNumber === state.projectNumber
            ? storageError(409, 'Your previous request to create the named bucket succeeded and you already own it.', 'conflict')
            : storageError(409, 'The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.', 'conflict');
    const b = state.newBucket({
        name,
        projectNumber: state.projectNumber,
        location: typeof body.location === 'string' ? body.location.toUpperCase() : 'US',
        storageClass: typeof body.storageClass === 'string' ? body.storageClass : 'STANDARD',
        versioning: false,
        uniformBucketLevelAccess: false,
        publicAccessPrevention: 'inherited',
    });
    applyBucketFields(b, body);
    return { status: 200, body: bucketResource(b, req.baseUrl) };
}
/**
 * objects.list: `prefix`, `delimiter` (names whose rest holds the delimiter are rolled up into `prefixes`),
 * `versions`, `maxResults` (default and maximum 1000) and `pageToken`.
 */
function listObjects(req, state, b) {
    const prefix = req.query.get('prefix') ?? '';
    const delimiter = req.query.get('delimiter') ?? '';
    const versions = req.query.get('versions') === 'true';
    const rawMax = req.query.get('maxResults');
    const max = rawMax ? Math.min(Number(rawMax), 1000) : 1000;
    if (!Number.isInteger(max) || max < 1)
        return storageError(400, `Invalid value for maxResults: ${rawMax}`, 'invalid');
    const entries = [];
    const seen = new Set();
    for (const o of state.list(b.name, versions)) {
        if (!o.name.startsWith(prefix))
            continue;
        const rest = o.name.slice(prefix.length);
        const cut = delimiter ? rest.indexOf(delimiter) : -1;
        if (cut >= 0) {
            const p = prefix + rest.slice(0, cut + delimiter.length);
            if (!seen.has(p))
                entries.push({ key: p, prefix: p });
            seen.add(p);
        }
        else
            entries.push({ key: `${o.name}#${o.generation}`, obj: o });
    }
    entries.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
    let start = 0;
    const token = req.query.get('pageToken');
    if (token) {
        const after = Buffer.from(token, 'base64url').toString('utf8');
        start = entries.findIndex((e) => e.key > after);
        if (start < 0)
            start = entries.length;
    }
    const page = entries.slice(start, start + max);
    const items = page.filter((e) => e.obj).map((e) => objectResource(e.obj, req.baseUrl));
    const prefixes = page.filter((e) => e.prefix).map((e) => e.prefix);
    const last = page.at(-1);
    const more = start + max < entries.length && last;
    return {
        status: 200,
        body: {
            kind: 'storage#objects',
            ...(more ? { nextPageToken: Buffer.from(last.key).toString('base64url') } : {}),
            ...(prefixes.length ? { prefixes } : {}),
            ...(items.length ? { items } : {}),
        },
    };
}
/** objects.insert through the upload endpoint: uploadType media, multipart or resumable (its first request). */
function upload(req, state, bucketFor) {
    const b = bucketFor(req, 'storage.objects.create');
    if ('status' in b)
        return b;
    const bucket = b;
    const pre = preconditions(req.query);
    if ('status' in pre)
        return pre;
    const kind = req.query.get('uploadType');
    let name = req.query.get('name') ?? '';
    let data;
    let contentType = String(req.headers['content-type'] ?? 'application/octet-stream');
    let metadata;
    if (kind === 'media')
        data = Buffer.from(req.rawBody, 'utf8');
    else if (kind === 'multipart' || kind === 'resumable') {
        const parts = kind === 'multipart' ? multipart(req) : { meta: bodyOf(req), data: Buffer.alloc(0), contentType: '' };
        if ('status' in parts)
            return parts;
        name = parts.meta.name ?? name;
        metadata = parts.meta.metadata;
        data = parts.data;
        contentType =
            parts.meta.contentType ??
                (kind === 'resumable'
                    ? String(req.headers['x-upload-content-type'] ?? 'application/octet-stream')
                    : parts.contentType);
    }
    else
        return storageError(400, `Invalid upload type: ${kind ?? '(none)'}`, 'invalid');
    if (!name)
        return storageError(400, 'Required', 'required');
    if (state.check(state.live(bucket.name, name), pre) !== 'ok')
        return preconditionFailed();
    if (kind === 'resumable') {
        const id = state.newUploadId();
        state.uploads.set(id, { bucket: bucket.name, name, contentType, metadata, pre: pre });
        return {
            status: 200,
            headers: {
                location: `${req.baseUrl}/upload/storage/v1/b/${bucket.name}/o?uploadType=resumable&upload_id=${id}`,
                'x-guploader-uploadid': id,
            },
        };
    }
    const o = state.put(bucket.name, name, data, contentType, metadata);
    return { status: 200, body: objectResource(o, req.baseUrl) };
}
/** The data of a resumable upload, sent in one PUT (https://cloud.google.com/storage/docs/performing-resumable-uploads). */
function resumableChunk(req, state) {
    const id = req.query.get('upload_id') ?? '';
    const u = state.uploads.get(id);
    if (!u)
        return storageError(404, 'No such upload session.', 'notFound');
    const range = String(req.headers['content-range'] ?? '');
    const total = /\/(\d+)$/.exec(range)?.[1];
    const data = Buffer.from(req.rawBody, 'utf8');
    if (range && total === undefined)
        return { status: 308, headers: { range: `bytes=0-${data.length - 1}` } };
    // The preconditions of the initiating request are checked again when the object is finalised.
    if (state.check(state.live(u.bucket, u.name), u.pre) !== 'ok') {
        state.uploads.delete(id);
        return preconditionFailed();
    }
    state.uploads.delete(id);
    const o = state.put(u.bucket, u.name, data, u.contentType, u.metadata);
    return { status: 200, body: objectResource(o, req.baseUrl) };
}
const storage_isRes = (x) => 'status' in x;
/** buckets.get / list / insert / patch, getIamPolicy, testIamPermissions. */
function bucketRoutes({ r, state, gcp, projectNumber, email, bucketFor }) {
    r.get('/storage/v1/b/{bucket}', (req) => {
        const b = bucketFor(req, 'storage.buckets.get');
        return storage_isRes(b) ? b : { status: 200, body: bucketResource(b, req.baseUrl) };
    });
    r.get('/storage/v1/b', (req) => {
        const project = req.query.get('project');
        if (!project)
            return storageError(400, 'Required parameter: project', 'required');
        if (!gcp.project(project))
            return forbidden(email(req), 'storage.buckets.list', `the Google Cloud project ${project}`);
        const items = [...state.buckets.values()].filter((b) => b.projectNumber === projectNumber);
        return {
            status: 200,
            body: {
                kind: 'storage#buckets',
                ...(items.length ? { items: items.map((b) => bucketResource(b, req.baseUrl)) } : {}),
            },
        };
    });
    r.post('/storage/v1/b', (req) => insertBucket(req, state, gcp, email(req)));
    r.patch('/storage/v1/b/{bucket}', (req) => {
        const b = bucketFor(req, 'storage.buckets.update');
        if (storage_isRes(b))
            return b;
        applyBucketFields(b, bodyOf(req));
        b.metageneration += 1;
        b.updated = new Date(gcp.now()).toISOString();
        return { status: 200, body: bucketResource(b, req.baseUrl) };
    });
    r.get('/storage/v1/b/{bucket}/iam', (req) => {
        const b = bucketFor(req, 'storage.buckets.getIamPolicy');
        if (storage_isRes(b))
            return b;
        return {
            status: 200,
            body: {
                kind: 'storage#policy',
                resourceId: `projects/_/buckets/${b.name}`,
                version: 1,
                etag: 'CAE=',
                bindings: b.bindings,
            },
        };
    });
    // testIamPermissions answers with the subset the caller holds; it never fails for a missing permission.
    r.get('/storage/v1/b/{bucket}/iam/testPermissions', (req) => {
        const b = state.buckets.get(req.params.bucket ?? '');
        if (!b)
            return noSuchBucket();
        const asked = req.query.getAll('permissions');
        if (!asked.length)
            return storageError(400, 'Required parameter: permissions', 'required');
        const known = new Set(STORAGE_PERMISSIONS);
        const ownProject = b.projectNumber === projectNumber;
        const granted = asked.filter((p) => known.has(p) && ownProject && !b.deniedPermissions.includes(p));
        return {
            status: 200,
            body: {
                kind: 'storage#testIamPermissionsResponse',
                ...(granted.length ? { permissions: granted } : {}),
            },
        };
    });
}
/** objects.list / get / delete, the upload endpoint, and the XML API's object read. */
function objectRoutes({ r, state, email, bucketFor }) {
    r.get('/storage/v1/b/{bucket}/o', (req) => {
        const b = bucketFor(req, 'storage.objects.list');
        return storage_isRes(b) ? b : listObjects(req, state, b);
    });
    const getObject = (req, forceMedia) => {
        const b = bucketFor(req, 'storage.objects.get');
        if (storage_isRes(b))
            return b;
        const pre = preconditions(req.query);
        if (storage_isRes(pre))
            return pre;
        const name = req.params.object ?? '';
        const o = state.find(b.name, name, req.query.get('generation'));
        if (!o)
            return noSuchObject(b.name, name);
        if (state.check(o.timeDeleted ? undefined : o, pre) !== 'ok')
            return preconditionFailed();
        return forceMedia || req.query.get('alt') === 'media'
            ? media(o)
            : { status: 200, body: objectResource(o, req.baseUrl) };
    };
    r.get('/storage/v1/b/{bucket}/o/{object*}', (req) => getObject(req, false));
    r.get('/download/storage/v1/b/{bucket}/o/{object*}', (req) => getObject(req, true));
    r.delete('/storage/v1/b/{bucket}/o/{object*}', (req) => {
        const b = bucketFor(req, 'storage.objects.delete');
        if (storage_isRes(b))
            return b;
        const pre = preconditions(req.query);
        if (storage_isRes(pre))
            return pre;
        const name = req.params.object ?? '';
        const generation = req.query.get('generation');
        const o = state.find(b.name, name, generation);
        if (!o)
            return noSuchObject(b.name, name);
        if (state.check(state.live(b.name, name), pre) !== 'ok')
            return preconditionFailed();
        state.delete(b.name, name, generation);
        return { status: 204 };
    });
    r.post('/upload/storage/v1/b/{bucket}/o', (req) => upload(req, state, bucketFor));
    r.put('/upload/storage/v1/b/{bucket}/o', (req) => resumableChunk(req, state));
    // ---- the XML API's object read (GET https://storage.googleapis.com/<bucket>/<object>) ----
    r.get('/{bucket}/{object*}', (req) => {
        const b = bucketFor(req, 'storage.objects.get', true);
        if (storage_isRes(b) && b.status === 404)
            return b;
        if (storage_isRes(b))
            return xmlError(403, 'AccessDenied', 'Access denied.', `${email(req)} does not have storage.objects.get access to the Google Cloud Storage object.`);
        const name = req.params.object ?? '';
        const o = state.find(b.name, name, req.query.get('generation'));
        if (!o)
            return xmlError(404, 'NoSuchKey', 'The specified key does not exist.', `No such object: ${b.name}/${name}`);
        return media(o);
    });
}

;// CONCATENATED MODULE: ./sandbox/gcp/index.ts













/** Creates the emulated GCP project: issues the service-account key (written to world.dir) and seeds DNS zones. */
function createGcpState(world) {
    const gcp = new GcpWorld(() => world.scenario, world.dir);
    for (const z of world.scenario.gcp.managedZones)
        gcp.addZone(z.name, z.dnsName.endsWith('.') ? z.dnsName : `${z.dnsName}.`, 'Pre-existing zone');
    return gcp;
}
/**
 * The Google services, one loopback port each (world.urls.<name>). Each router assembles its resource
 * families from a list beside it: COMPUTE_FAMILIES (compute/index.ts), CLOUD_DNS_FAMILIES (dns/index.ts),
 * CERTIFICATE_MANAGER_FAMILIES (certmanager/index.ts), IAM_FAMILIES (iam.ts), RESOURCE_MANAGER_FAMILIES
 * (resourcemanager.ts). A new endpoint of an existing API: a family file and one line in its list; a new API:
 * one line here.
 */
const gcpOf = (world) => world.gcp;
const GCP_SERVICES = [
    ['oauth', (w) => oauthRouter(gcpOf(w))],
    ['sts', (w) => stsRouter(gcpOf(w))],
    ['iamcredentials', (w) => iamCredentialsRouter(gcpOf(w))],
    ['serviceusage', (w) => serviceUsageRouter(gcpOf(w))],
    ['resourcemanager', (w) => withIamPolicyWrites(resourceManagerRouter(gcpOf(w)), gcpOf(w))],
    ['iam', (w) => withServiceAccountAdmin(iamRouter(gcpOf(w)), gcpOf(w))],
    ['compute', computeRouter],
    ['clouddns', (w) => cloudDnsRouter(gcpOf(w))],
    ['certificatemanager', (w) => certificateManagerRouter(gcpOf(w))],
    ['metadata', (w) => metadataRouter(gcpOf(w))],
    ['storage', storageRouter],
];
/**
 * Starts every GCP emulator on its own loopback port and records its base URL in world.urls:
 * oauth, sts, iamcredentials, serviceusage, resourcemanager, iam, compute, clouddns, certificatemanager, metadata.
 */
async function startGcp(world) {
    const services = await Promise.all(GCP_SERVICES.map(([name, router]) => startService(name, router(world), world.journal, world.faults)));
    const gcp = world.gcp;
    for (const s of services)
        world.urls[s.name] = s.url;
    gcp.writeExternalAccountFile(world.urls.sts, world.urls.iamcredentials);
    return services;
}

// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
// EXTERNAL MODULE: ./node_modules/ajv/dist/ajv.js
var ajv = __webpack_require__(42463);
var ajv_default = /*#__PURE__*/__webpack_require__.n(ajv);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./sandbox/harness/contract.ts





/**
 * Holds every request the Harness emulator receives against the contract:
 * - CDE (`/gateway/cde/api/v1/...`): the OpenAPI file in sandbox/harness/contract (the UI's swagger), loaded at runtime;
 * - NG (`/ng/api/...`): a transcription of the few NG operations we use (harness-go-sdk `nextgen`), below.
 * Path parameters, query parameter types and the JSON request body are checked with ajv.
 *
 * Two quirks of the OpenAPI file are handled explicitly (see below):
 * 1. The two DELETE paths carry a spurious `{delete_bug}` segment, an artefact of the generated UI client
 *    calling `mutate('')`. The real API has no such segment, so those operations are registered under the path
 *    without it and the `delete_bug` parameter is dropped. A request that does send the extra segment does not
 *    match any real operation and is a violation.
 * 2. The machines POST (`createInfraProviderResource`) declares no request body although the server takes a
 *    JSON array of `ResourceInput` (OSS `types.InfraProviderResourceInput`, metadata `map[string]string`):
 *    RESOURCE_INPUT_ARRAY below is that body's schema.
 *
 * The swagger marks no property as required; SERVER_REQUIRED lists what the server itself rejects when absent
 * (OSS controllers' `sanitize`/`check` functions), so a call missing them is reported like a schema error.
 */
const FILE = 'harness-cde-openapi.yaml';
const here = (0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(import.meta.url));
/** The contract file: the copy kept in this repository (sources), or the one the bundle carries. */
function contractPath() {
    const candidates = [
        (0,external_node_path_.join)(here, 'contract', FILE), // vendored copy (sources)
        (0,external_node_path_.join)(here, '..', '..', 'sandbox', 'harness', 'contract', FILE), // bundle: dist/<x>/ -> sandbox/harness/contract
        (0,external_node_path_.join)(here, 'sandbox', 'harness', 'contract', FILE),
        (0,external_node_path_.join)(here, '..', 'sandbox', 'harness', 'contract', FILE), // bundle: dist/lib -> dist/sandbox/harness/contract
    ];
    const found = candidates.find((c) => (0,external_node_fs_.existsSync)(c));
    if (!found)
        throw new Error(`Harness OpenAPI contract not found; looked in: ${candidates.join(', ')}`);
    return found;
}
/** Body of the machines POST (quirk 2): the array the UI sends. */
const RESOURCE_INPUT_ARRAY = {
    type: 'array',
    minItems: 1,
    items: {
        type: 'object',
        required: ['name', 'infra_provider_type', 'region', 'metadata'],
        properties: {
            identifier: { type: 'string' },
            name: { type: 'string' },
            infra_provider_type: { $ref: 'harness-cde#/components/schemas/EnumInfraProviderType' },
            region: { type: 'string' },
            disk: { type: 'string' },
            cpu: { type: 'string' },
            memory: { type: 'string' },
            network: { type: 'string' },
            metadata: { type: 'object', additionalProperties: { type: 'string' } },
        },
    },
};
/** Fields the server requires though the swagger does not say so. */
const SERVER_REQUIRED = {
    createInfraProvider: ['identifier', 'name', 'type'],
    updateInfraProvider: ['identifier', 'name', 'type'],
    createGitspace: [
        'identifier',
        'name',
        'ide',
        'code_repo_url',
        'infra_provider_config_identifier',
        'resource_identifier',
    ],
    gitspaceAction: ['action'],
};
const acc = {
    name: 'accountIdentifier',
    in: 'query',
    required: true,
    schema: { type: 'string', minLength: 1 },
};
const str = (name, required = false) => ({
    name,
    in: 'query',
    required,
    schema: { type: 'string', minLength: required ? 1 : 0 },
});
const pathId = { name: 'identifier', in: 'path', required: true, schema: { type: 'string' } };
/** NG operations (harness-go-sdk nextgen `api_organization`, `api_project`, `api_delegate_token_resource`). */
const NG_PATHS = {
    '/organizations/{identifier}': { get: { operationId: 'getOrganization', parameters: [pathId, acc] } },
    '/projects/{identifier}': {
        get: { operationId: 'getProject', parameters: [pathId, acc, str('orgIdentifier')] },
    },
    '/delegate-token-ng': {
        get: {
            operationId: 'getDelegateTokens',
            parameters: [
                acc,
                str('orgIdentifier'),
                str('projectIdentifier'),
                str('name'),
                { name: 'status', in: 'query', schema: { type: 'string', enum: ['ACTIVE', 'REVOKED'] } },
            ],
        },
        post: {
            operationId: 'createDelegateToken',
            parameters: [
                acc,
                str('tokenName', true),
                str('orgIdentifier'),
                str('projectIdentifier'),
                { name: 'revokeAfter', in: 'query', schema: { type: 'integer' } },
            ],
        },
        put: {
            operationId: 'revokeDelegateToken',
            parameters: [acc, str('tokenName', true), str('orgIdentifier'), str('projectIdentifier')],
        },
    },
    '/delegate-token-ng/delegate-groups': {
        get: {
            operationId: 'getDelegateGroupsUsingToken',
            parameters: [acc, str('delegateTokenName', true), str('orgIdentifier'), str('projectIdentifier')],
        },
    },
};
function coerce(raw, schema) {
    const type = schema?.type;
    if (type === 'integer')
        return /^-?\d+$/.test(raw) ? { value: Number(raw) } : { error: `expected an integer, got "${raw}"` };
    if (type === 'number')
        return raw.trim() !== '' && !Number.isNaN(Number(raw))
            ? { value: Number(raw) }
            : { error: `expected a number, got "${raw}"` };
    if (type === 'boolean')
        return raw === 'true' || raw === 'false'
            ? { value: raw === 'true' }
            : { error: `expected true or false, got "${raw}"` };
    return { value: raw };
}
function ajvErrors(v, where) {
    return (v.errors ?? [])
        .map((e) => `${where}${e.instancePath || ''} ${e.message ?? 'is invalid'}${e.params && 'allowedValues' in e.params ? ` (${e.params.allowedValues.join(', ')})` : ''}`)
        .join('; ');
}
/** A set of operations (one API root) checked with ajv. */
class Contract {
    ops = [];
    ajv;
    constructor(paths, components, extra = {}) {
        this.ajv = new (ajv_default())({ strict: false, allErrors: true });
        if (components)
            this.ajv.addSchema({ $id: 'harness-cde', components });
        const ref = (s) => rewriteRefs(s ?? {});
        for (const [rawTemplate, methods] of Object.entries(paths)) {
            for (const [method, op] of Object.entries(methods)) {
                if (!['get', 'post', 'put', 'patch', 'delete'].includes(method))
                    continue;
                let template = rawTemplate;
                let params = op.parameters ?? [];
                // Quirk 1: drop the spurious {delete_bug} segment.
                if (template.endsWith('/{delete_bug}')) {
                    template = template.slice(0, -'/{delete_bug}'.length);
                    params = params.filter((p) => p.name !== 'delete_bug');
                }
                const names = [];
                const src = template.replace(/[.+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_m, n) => {
                    names.push(n);
                    return '([^/]+)';
                });
                const id = op.operationId ?? `${method} ${template}`;
                let bodySchema = op.requestBody?.content?.['application/json']?.schema;
                if (extra.machinesBody && id === 'createInfraProviderResource' && !bodySchema)
                    bodySchema = RESOURCE_INPUT_ARRAY; // quirk 2
                this.ops.push({
                    id,
                    method: method.toUpperCase(),
                    template,
                    re: new RegExp(`^${src}$`),
                    names,
                    literals: template.split('/').filter((s) => s && !s.startsWith('{')).length,
                    pathParams: params.filter((p) => p.in === 'path'),
                    queryParams: params
                        .filter((p) => p.in === 'query')
                        .map((spec) => ({ spec, validate: this.ajv.compile(ref(spec.schema)) })),
                    body: bodySchema ? this.ajv.compile(ref(bodySchema)) : undefined,
                    required: SERVER_REQUIRED[id] ?? [],
                });
            }
        }
        // Most specific first: /gitspaces/list-repos before /gitspaces/{gitspace_identifier}.
        this.ops.sort((a, b) => b.literals - a.literals);
    }
    operations() {
        return this.ops.map((o) => ({ id: o.id, method: o.method, template: o.template }));
    }
    check(req) {
        const candidates = this.ops.filter((o) => o.re.test(req.path));
        const op = candidates.find((o) => o.method === req.method);
        if (!op) {
            const allowed = candidates.map((o) => o.method);
            return {
                unknownOperation: true,
                violation: allowed.length
                    ? `${req.method} ${req.path}: method not in the contract (allowed: ${allowed.join(', ')})`
                    : `${req.method} ${req.path}: no such operation in the contract`,
            };
        }
        const problems = [];
        const m = op.re.exec(req.path);
        op.names.forEach((n, i) => {
            const v = decodeURIComponent(m[i + 1]);
            if (!v.trim())
                problems.push(`path parameter ${n} is empty`);
        });
        for (const { spec, validate } of op.queryParams) {
            const values = req.query.getAll(spec.name);
            if (values.length === 0) {
                if (spec.required)
                    problems.push(`query parameter ${spec.name} is required`);
                continue;
            }
            const isArray = spec.schema?.type === 'array';
            if (!isArray && values.length > 1) {
                problems.push(`query parameter ${spec.name} given ${values.length} times`);
                continue;
            }
            const itemSchema = isArray ? spec.schema?.items : spec.schema;
            const coerced = values.map((v) => coerce(v, itemSchema));
            const bad = coerced.find((c) => c.error);
            if (bad) {
                problems.push(`query parameter ${spec.name}: ${bad.error}`);
                continue;
            }
            const value = isArray ? coerced.map((c) => c.value) : coerced[0]?.value;
            if (!validate(value))
                problems.push(ajvErrors(validate, `query parameter ${spec.name}`));
        }
        if (op.body) {
            const hasBody = req.rawBody.trim() !== '';
            if (hasBody && typeof req.body === 'string')
                problems.push('request body is not JSON (send content-type: application/json and a JSON document)');
            else if (hasBody || op.required.length || op.id === 'createInfraProviderResource') {
                const body = hasBody ? req.body : undefined;
                if (body === undefined)
                    problems.push('request body is missing');
                else {
                    if (!op.body(body))
                        problems.push(ajvErrors(op.body, 'body'));
                    if (body && typeof body === 'object' && !Array.isArray(body)) {
                        for (const f of op.required) {
                            const v = body[f];
                            if (v === undefined || v === null || v === '')
                                problems.push(`body.${f} is required by the server`);
                        }
                    }
                }
            }
        }
        return {
            operationId: op.id,
            violation: problems.length ? `${op.id}: ${problems.join('; ')}` : undefined,
        };
    }
}
/** `#/components/...` refs inside our own schemas point at the registered document. */
function rewriteRefs(s) {
    const walk = (v) => {
        if (Array.isArray(v))
            return v.map(walk);
        if (v && typeof v === 'object') {
            const o = {};
            for (const [k, x] of Object.entries(v))
                o[k] = k === '$ref' && typeof x === 'string' && x.startsWith('#/') ? `harness-cde${x}` : walk(x);
            return o;
        }
        return v;
    };
    return walk(s);
}
/**
 * Generic names such as `TypesAccessList[String]` are not valid URI fragments (ajv cannot resolve
 * `#/components/schemas/TypesAccessList[String]`): schema names and the refs to them get `[`, `]` and `/` replaced.
 */
function safeSchemaNames(doc) {
    const safe = (n) => n.replace(/[^A-Za-z0-9_.-]/g, '_');
    const walk = (v, parentKey) => {
        if (Array.isArray(v))
            return v.map((x) => walk(x));
        if (v && typeof v === 'object') {
            const o = {};
            for (const [k, x] of Object.entries(v)) {
                if (k === '$ref' && typeof x === 'string' && x.startsWith('#/components/schemas/'))
                    o[k] = `#/components/schemas/${safe(x.slice('#/components/schemas/'.length))}`;
                else
                    o[parentKey === 'schemas' ? safe(k) : k] = walk(x, k);
            }
            return o;
        }
        return v;
    };
    return walk(doc);
}
let cached;
/** Loads (once) the CDE OpenAPI file and the NG table. */
function loadContracts() {
    if (cached)
        return cached;
    const file = contractPath();
    const doc = safeSchemaNames((0,dist.parse)((0,external_node_fs_.readFileSync)(file, 'utf8')));
    cached = {
        cde: new Contract(doc.paths, doc.components, { machinesBody: true }),
        ng: new Contract(NG_PATHS, doc.components),
        file,
    };
    return cached;
}

;// CONCATENATED MODULE: ./sandbox/harness/rate-limit.ts
class RateLimiter {
    limit;
    now;
    keys = new Map();
    /** Requests served in each window since the first request (for the bench's share of the limit). */
    served = [];
    refused = [];
    /** When the first request arrived: windows are counted from it. */
    origin;
    constructor(limit, now) {
        this.limit = limit;
        this.now = now;
    }
    /** Whether a request with this key is served now (and counts it). */
    take(key) {
        const t = this.now();
        this.origin ??= t;
        const index = Math.floor((t - this.origin) / this.limit.windowMs);
        const start = this.origin + index * this.limit.windowMs;
        let w = this.keys.get(key);
        if (!w || w.start !== start) {
            w = { start, count: 0 };
            this.keys.set(key, w);
        }
        const ok = w.count < this.limit.requests;
        if (ok)
            w.count++;
        const tally = ok ? this.served : this.refused;
        while (tally.length <= index)
            tally.push(0);
        tally[index] = (tally[index] ?? 0) + 1;
        return ok;
    }
}

;// CONCATENATED MODULE: ./sandbox/harness/model.ts



const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
function randomChars(n, alphabet = ALNUM) {
    const bytes = (0,external_node_crypto_.randomBytes)(n);
    return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}
/** Config state from instance state (HUI types/gitspace.go GetGitspaceState). */
function configState(instance) {
    switch (instance) {
        case 'running':
            return 'running';
        case 'stopped':
            return 'stopped';
        case 'error':
        case 'unknown':
            return 'error';
        case 'starting':
            return 'starting';
        case 'stopping':
            return 'stopping';
        case 'cleaning':
        case 'resetting':
            return 'cleaning';
        default:
            return 'uninitialized';
    }
}
const BUSY_STATES = ['starting', 'stopping', 'cleaning', 'resetting'];
class HarnessModel {
    world;
    apiKey;
    viewApiKey;
    accountId;
    infraProviders = new Map();
    gitspaces = [];
    tokens = new Map();
    now = () => Date.now();
    /** infra/region -> when every health condition was first seen holding. */
    conditionsSince = new Map();
    /** Harness's per-API-key rate limit, when the scenario sets one (sandbox/harness/rate-limit.ts). */
    rateLimiter;
    constructor(world) {
        this.world = world;
        this.accountId = world.scenario.harness.accountId;
        const limit = world.scenario.harness.rateLimit;
        this.rateLimiter = limit ? new RateLimiter(limit, () => this.now()) : undefined;
        const pat = () => `pat.${this.accountId}.${(0,external_node_crypto_.randomBytes)(12).toString('hex')}.${randomChars(20, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789')}`;
        this.apiKey = pat();
        this.viewApiKey = pat();
    }
    isIssuedToken(value) {
        for (const t of this.tokens.values())
            if (t.details.value === value && t.details.status === 'ACTIVE')
                return true;
        return false;
    }
    findGitspace(org, project, identifier) {
        return this.gitspaces.find((g) => g.org === org &&
            g.project === project &&
            g.config.identifier === identifier &&
            this.gitspaceView(g) !== undefined);
    }
    applied(g) {
        const now = this.now();
        return g.steps.filter((s) => s.at <= now);
    }
    gitspaceView(g) {
        let instanceState;
        let errorMessage = null;
        let url = null;
        let ssh = null;
        let updated = g.config.created ?? 0;
        for (const s of this.applied(g)) {
            if (s.gone)
                return undefined;
            if (s.instanceState)
                instanceState = s.instanceState;
            if (s.errorMessage !== undefined)
                errorMessage = s.errorMessage;
            if (s.url !== undefined)
                url = s.url;
            if (s.sshCommand !== undefined)
                ssh = s.sshCommand;
            updated = s.at;
        }
        return {
            ...g.config,
            state: configState(instanceState),
            updated,
            instance: instanceState
                ? {
                    identifier: `${g.config.identifier}-instance`,
                    state: instanceState,
                    url,
                    ssh_command: ssh,
                    error_message: errorMessage,
                    space_path: g.config.space_path,
                    access_type: 'jwt_token',
                    has_git_changes: false,
                    created: g.steps[0]?.at,
                    updated,
                    last_heartbeat: instanceState === 'running' ? this.now() : null,
                    total_time_used: 0,
                }
                : null,
        };
    }
    gitspaceEvents(g) {
        return this.applied(g)
            .filter((s) => s.event)
            .map((s) => ({
            event: s.event,
            message: s.message ?? '',
            entity_type: 'gitspace_instance',
            entity_uid: g.config.identifier,
            timestamp: s.at,
            created: s.at,
            event_time: new Date(s.at).toISOString(),
        }))
            .reverse();
    }
    delegateConnected(d) {
        return (this.world.scenario.vm.delegateConnects !== false &&
            d.accountId === this.accountId &&
            d.startedAt <= this.now() &&
            this.reachesThisManager(d.managerUrl) &&
            this.isIssuedToken(d.token));
    }
    /**
     * Whether a delegate's MANAGER_HOST_AND_PORT is this control plane. A delegate registers and heartbeats
     * against that URL (Harness's docker delegate guide: MANAGER_HOST_AND_PORT is the account's Harness URL,
     * https://app.harness.io); pointed anywhere else it never shows up here. A trailing slash is tolerated.
     */
    reachesThisManager(managerUrl) {
        const mine = this.world.urls.harness;
        if (!mine)
            return false;
        try {
            const u = new URL(managerUrl);
            return u.origin === new URL(mine).origin && (u.pathname === '/' || u.pathname === '');
        }
        catch {
            return false;
        }
    }
    gatewayGroups(infra) {
        const gcp = this.world.gcp;
        const projectId = String(infra.config.metadata.project?.id ?? '');
        try {
            return (gcp?.listResources?.('instanceGroupManagers', projectId || undefined) ?? []);
        }
        catch {
            return [];
        }
    }
    gatewayDiagnostics(infraIdentifier) {
        return Object.fromEntries(this.evaluateGateways(infraIdentifier).map((g) => [g.region, g.reasons]));
    }
    gateways(infraIdentifier) {
        return this.evaluateGateways(infraIdentifier)
            .filter((g) => g.gateway)
            .map((g) => g.gateway);
    }
    /**
     * When each region's gateway of an infra turned healthy (emulator clock), or will, while its conditions hold:
     * the moment they were first seen holding plus the region's delay. Absent for a region whose conditions were
     * never seen holding, or that is stuck. Tests order the journal against it.
     */
    gatewayHealthyAt(infraIdentifier) {
        const out = {};
        for (const [key, since] of this.conditionsSince) {
            const [infra, region] = key.split('/');
            if (infra === infraIdentifier && !(0,sandbox_scenario/* gatewayStuck */.Zd)(this.world.scenario, region))
                out[region] = since + (0,sandbox_scenario/* gatewayDelayMs */.aG)(this.world.scenario, region);
        }
        return out;
    }
    /**
     * Per region of the infra: the gateway exists once the module created `<name>-<region>-gateway-group-*`; it
     * reports healthy once a runner is healthy, a delegate started with an issued token is connected with the
     * infra's selector, and the region's delay has passed since all that first held (never when stuck). Each
     * region's gateway is its own managed instance group whose VMs boot and heartbeat to Harness on their own, so
     * each region has its own delay (`gatewayDelayMs`: `gatewayHealthyAfterMsByRegion`, else
     * `gatewayHealthyAfterMs`) and may be stuck alone (`gatewayStuckUnhealthy` listing it). Harness reports health
     * per gateway, each with its own `region`, `group_name` and `overall_health` (`TypesCDEGateway` in the CDE
     * OpenAPI contract, sandbox/harness/contract/harness-cde-openapi.yaml), and the module creates one regional
     * instance group per region (`google_compute_region_instance_group_manager.gateway`, `for_each` over the
     * regions, in its gateway.tf).
     */
    evaluateGateways(infraIdentifier) {
        const infra = this.infraProviders.get(infraIdentifier);
        if (!infra)
            return [];
        const sc = this.world.scenario.harness;
        const now = this.now();
        const md = infra.config.metadata;
        const selectors = (Array.isArray(md.delegate_selectors) ? md.delegate_selectors : [])
            .map((s) => s.selector)
            .filter((s) => !!s);
        const migs = this.gatewayGroups(infra);
        const vm = this.world.vm ?? { runners: [], delegates: [] };
        const out = [];
        for (const region of Object.keys(md.region_configs ?? {})) {
            const reasons = [];
            const prefix = `${infra.config.name}-${region}-gateway-group-`;
            const mig = migs.find((m) => typeof m.name === 'string' && m.name.startsWith(prefix));
            if (!mig) {
                out.push({ region, reasons: [`no instance group ${prefix}* in GCP`] });
                continue;
            }
            if (!vm.runners.some((r) => r.healthy))
                reasons.push('no healthy VM runner');
            const connected = vm.delegates.filter((d) => this.delegateConnected(d));
            // The delegate drives the runner at RUNNER_URL: a name that does not resolve on its Docker network
            // (sandbox/vm/docker-state.ts, dnsNamesOf) leaves the gateway with no runner to talk to.
            const unreachable = connected.find((d) => d.reachesRunner === false);
            if (connected.length && connected.every((d) => d.reachesRunner === false) && unreachable)
                reasons.push(`delegate ${unreachable.name} cannot reach the runner at ${unreachable.runnerUrl || '(no RUNNER_URL)'}: the name does not resolve on its Docker network`);
            const elsewhere = vm.delegates.find((d) => !this.reachesThisManager(d.managerUrl));
            if (connected.length === 0)
                reasons.push(!vm.delegates.length
                    ? 'no delegate started'
                    : elsewhere
                        ? `no delegate connected: ${elsewhere.name} has manager URL ${elsewhere.managerUrl || '(none)'}, not this Harness (${this.world.urls.harness})`
                        : 'no delegate connected with a valid token');
            else if (selectors.length === 0)
                reasons.push('the infra has no delegate selector');
            else if (!connected.some((d) => selectors.some((s) => d.tags.includes(s) || d.name === s)))
                reasons.push(`no connected delegate matches the selectors ${selectors.join(', ')}`);
            if ((0,sandbox_scenario/* gatewayStuck */.Zd)(this.world.scenario, region))
                reasons.push('gateway stuck unhealthy (scenario)');
            const key = `${infraIdentifier}/${region}`;
            const delay = (0,sandbox_scenario/* gatewayDelayMs */.aG)(this.world.scenario, region);
            let healthy = false;
            if (reasons.length === 0) {
                const since = this.conditionsSince.get(key) ?? now;
                this.conditionsSince.set(key, since);
                if (now - since >= delay)
                    healthy = true;
                else
                    reasons.push(`waiting for the gateway to report (${delay - (now - since)} ms)`);
            }
            else
                this.conditionsSince.delete(key);
            const zone = typeof mig.zone === 'string' ? mig.zone.split('/').pop() : `${region}-a`;
            const created = mig.creationTimestamp ? Date.parse(mig.creationTimestamp) || now : now;
            out.push({
                region,
                reasons,
                gateway: {
                    name: `${mig.name}-${zone}`,
                    group_name: mig.name,
                    region,
                    zone,
                    health: healthy ? 'healthy' : 'unhealthy',
                    envoy_health: 'healthy',
                    overall_health: healthy ? 'healthy' : 'unhealthy',
                    version: sc.gatewayVersion,
                    infra_provider_config_identifier: infraIdentifier,
                    infra_provider_config_id: 1,
                    space_path: this.accountId,
                    space_id: 1,
                    created,
                    updated: now,
                },
            });
        }
        return out;
    }
    delegateGroups(tokenName) {
        const token = this.tokens.get(tokenName);
        if (!token)
            return [];
        const vm = this.world.vm ?? { delegates: [] };
        const byName = new Map();
        for (const d of vm.delegates.filter((x) => x.token === token.details.value)) {
            const connected = this.delegateConnected(d);
            const g = byName.get(d.name) ?? {
                groupId: `grp-${d.name}`,
                delegateGroupIdentifier: d.name.replace(/-/g, '_'),
                delegateType: 'DOCKER',
                groupName: d.name,
                groupHostName: d.name,
                groupImplicitSelectors: { [d.name]: 'GROUP_NAME' },
                groupCustomSelectors: [...d.tags],
                delegateInstanceDetails: [],
                activelyConnected: false,
                connectivityStatus: 'disconnected',
                lastHeartBeat: 0,
                tokenActive: token.details.status === 'ACTIVE',
            };
            g.delegateInstanceDetails?.push({
                uuid: d.instance,
                hostName: d.instance.split('/').pop(),
                lastHeartbeat: connected ? this.now() : d.startedAt,
                activelyConnected: connected,
                tokenActive: token.details.status === 'ACTIVE',
            });
            if (connected) {
                g.activelyConnected = true;
                g.connectivityStatus = 'connected';
            }
            g.lastHeartBeat = Math.max(g.lastHeartBeat, connected ? this.now() : d.startedAt);
            byName.set(d.name, g);
        }
        return [...byName.values()];
    }
}

;// CONCATENATED MODULE: ./sandbox/harness/api.ts

/** The CDE API's prefix on app.harness.io, and the NG (NextGen platform) API's. */
const CDE_PREFIX = '/gateway/cde/api/v1';
const NG_PREFIX = '/ng/api';
/** The account scope every CDE path starts with. */
const ACCOUNT = `${CDE_PREFIX}/accounts/{acc}`;
function obj(v) {
    return v && typeof v === 'object' && !Array.isArray(v) ? v : {};
}
const api_json = (status, body) => ({ status, body });
/** An NG API error body (`Failure`: status, code, message, correlationId). */
const ngError = (status, code, message) => ({
    status,
    body: {
        status: 'ERROR',
        code,
        message,
        correlationId: randomChars(12),
        detailedMessage: null,
        responseMessages: [],
    },
});
/** An NG `RestResponse` envelope. */
const rest = (resource) => ({
    status: 200,
    body: { metaData: {}, resource, responseMessages: [] },
});
function header(req, name) {
    const v = req.headers[name];
    return Array.isArray(v) ? v[0] : v;
}

;// CONCATENATED MODULE: ./sandbox/harness/setup-yaml.ts

const DEFAULT_IMAGE = 'projects/ubuntu-os-cloud/global/images/family/ubuntu-2204-lts';
/** The gateway image in Harness's sample Infra Config YAML (module v0.0.3's `vm_image`). */
const V003_GATEWAY_IMAGE = { family: 'debian-11', project: 'debian-cloud' };
function setup_yaml_obj(v) {
    return v && typeof v === 'object' && !Array.isArray(v) ? v : {};
}
function setup_yaml_str(v, fallback = '') {
    return typeof v === 'string' ? v : v === undefined || v === null ? fallback : String(v);
}
function buildSetupYaml(i) {
    const md = i.metadata;
    const gw = setup_yaml_obj(md.gateway);
    const runner = setup_yaml_obj(md.runner);
    const project = setup_yaml_obj(md.project);
    const selectors = Array.isArray(md.delegate_selectors)
        ? md.delegate_selectors.map((s) => ({ selector: setup_yaml_str(setup_yaml_obj(s).selector), origin: 'default' }))
        : [];
    const gatewayImage = setup_yaml_str(gw.vm_image_name, DEFAULT_IMAGE) || DEFAULT_IMAGE;
    const runnerImage = setup_yaml_str(runner.vm_image_name, DEFAULT_IMAGE) || DEFAULT_IMAGE;
    const regionConfigs = {};
    for (const [key, raw] of Object.entries(setup_yaml_obj(md.region_configs))) {
        const rc = setup_yaml_obj(raw);
        const contents = Array.isArray(setup_yaml_obj(rc.certificates).contents)
            ? setup_yaml_obj(rc.certificates).contents
            : [];
        const domain = setup_yaml_str(setup_yaml_obj(contents[0]).domain, `${key}.${setup_yaml_str(md.domain)}`);
        regionConfigs[key] = {
            region_name: setup_yaml_str(rc.region_name, key),
            default_subnet_ip_range: setup_yaml_str(rc.default_subnet_ip_range),
            proxy_subnet_ip_range: setup_yaml_str(rc.proxy_subnet_ip_range),
            certificates: { contents: [{ domain }] },
        };
    }
    const gateway = {
        instances: Number(gw.instances ?? 3),
        machine_type: setup_yaml_str(gw.machine_type),
        vm_tags: ['gateway'],
        // v0.0.3: the gateway image of Harness's own sample Infra Config YAML (developer-hub
        // docs/cloud-development-environments/self-hosted-gitspaces/steps/content/gitspace-infra-ui-gcp.md), whatever
        // the metadata says: the only v0.0.3 output Harness documents. After it, the UI's vm_image_name.
        ...(i.generation === 'v0.0.3' ? { vm_image: V003_GATEWAY_IMAGE } : { vm_image_name: gatewayImage }),
        shared_secret: i.sharedSecret,
        cde_manager_url: i.cdeManagerUrl,
        version: i.gatewayVersion,
    };
    // No whitelist_ip_ranges, even when the metadata carries one: Harness's UI never sends it (harness/harness
    // web/src/cde-gitness/pages/InfraConfigure/InfraDetails/GcpInfraDetails.tsx sends gateway.{machine_type,
    // instances, vm_image_name} only), the sample YAML has none, and the server's generator is closed source
    // (harness/harness implements GenerateSetupYAML only for the Docker provider, infraprovider/docker_provider.go).
    // The module then opens the gateway to 0.0.0.0/0 (contracts/terraform-module.md).
    const doc = {
        name: i.name,
        domain: setup_yaml_str(md.domain),
        account_identifier: i.accountId,
        infra_provider_config_identifier: i.identifier,
        gitspace_vm_tags: ['gcp-gitspace'],
        project: { id: setup_yaml_str(project.id), service_account: `${i.name}-sa` },
        delegateselectors: selectors,
        gateway,
        runner: i.generation === 'v0.0.3'
            ? { vm_image: runnerImage }
            : { region: setup_yaml_str(runner.region), zone: setup_yaml_str(runner.zone), vm_image_name: runnerImage },
        region_configs: regionConfigs,
    };
    return (0,dist.stringify)(doc);
}

;// CONCATENATED MODULE: ./sandbox/harness/infra.ts




/** An infra like examples/gitspaces.yaml's, already configured (scenario.harness.existingInfra). */
function seedExistingInfra(world, m) {
    const body = {
        identifier: 'gitspaces_gcp',
        name: 'gitspaces',
        type: 'hybrid_vm_gcp',
        metadata: {
            name: 'gitspaces_gcp',
            domain: 'gitspaces.acme.dev',
            project: { id: world.scenario.gcp.projectId },
            gateway: {
                machine_type: 'e2-standard-2',
                instances: 1,
                vm_image_name: 'projects/ubuntu-os-cloud/global/images/family/ubuntu-2204-lts',
            },
            runner: {
                region: 'us-central1',
                zone: 'us-central1-a',
                vm_image_name: 'projects/ubuntu-os-cloud/global/images/family/ubuntu-2204-lts',
            },
            delegate_selectors: [{ selector: 'gitspaces' }],
            region_configs: {
                'us-central1': {
                    region_name: 'us-central1',
                    default_subnet_ip_range: '10.6.0.0/16',
                    proxy_subnet_ip_range: '10.3.0.0/26',
                    certificates: { contents: [{ domain: 'usc1.gitspaces.acme.dev' }] },
                },
            },
        },
    };
    const rec = newInfra(world, m, body, 'https://app.harness.io/gateway/cde');
    m.infraProviders.set(rec.config.identifier, rec);
}
function newInfra(world, m, body, cdeManagerUrl) {
    const now = m.now();
    const rec = {
        config: {
            identifier: String(body.identifier),
            name: String(body.name),
            type: body.type,
            metadata: obj(body.metadata),
            space_path: m.accountId,
            created: now,
            updated: now,
            is_deleted: false,
            deleted: null,
        },
        sharedSecret: (0,external_node_crypto_.randomBytes)(24).toString('hex'),
        resources: new Map(),
    };
    rec.config.setup_yaml = setupYaml(world, m, rec, cdeManagerUrl);
    return rec;
}
function setupYaml(world, m, rec, cdeManagerUrl) {
    return buildSetupYaml({
        accountId: m.accountId,
        identifier: rec.config.identifier,
        name: rec.config.name,
        metadata: rec.config.metadata,
        sharedSecret: rec.sharedSecret,
        cdeManagerUrl,
        gatewayVersion: world.scenario.harness.gatewayVersion,
        generation: world.scenario.harness.setupYamlGeneration ?? 'post-0.0.3',
    });
}
function infraView(rec) {
    return { ...rec.config, resources: [...rec.resources.values()] };
}
/** Problems with a hybrid_vm_gcp metadata block (the UI's required fields, docs/domain.md#the-infrastructure-provider). */
function metadataProblems(md) {
    const p = [];
    if (typeof md.domain !== 'string' || !md.domain)
        p.push('metadata.domain is required');
    if (typeof obj(md.project).id !== 'string' || !obj(md.project).id)
        p.push('metadata.project.id is required');
    if (typeof obj(md.gateway).machine_type !== 'string' || !obj(md.gateway).machine_type)
        p.push('metadata.gateway.machine_type is required');
    const rc = obj(md.region_configs);
    if (Object.keys(rc).length === 0)
        p.push('metadata.region_configs needs at least one region');
    const runner = obj(md.runner);
    if (typeof runner.region !== 'string' || !runner.region)
        p.push('metadata.runner.region is required');
    else if (Object.keys(rc).length && !(runner.region in rc))
        p.push(`metadata.runner.region ${runner.region} is not one of the configured regions`);
    return p;
}
/** The infra provider named by `{infra}` in the path, or Harness's 404 for it. */
function infraOr404(m, req) {
    return (m.infraProviders.get(req.params.infra) ??
        harnessError(404, `Failed to find infraprovider config: ${req.params.infra}`));
}

;// CONCATENATED MODULE: ./sandbox/harness/token-listing.ts
/**
 * A delegate token as `GET /ng/api/delegate-token-ng` lists it (by name or not). Harness includes the token's
 * value only for a caller allowed to edit delegates: harness-core's ng-manager `DelegateTokenNgResource
 * .getDelegateTokens` checks `core_delegate_edit` and passes the answer on as `includeValue`; harness-go-sdk's
 * `DelegateTokenDetails.value` reads "only populated when fetching delegate token by name or the user has edit
 * delegate permission", and terraform-provider-harness's `harness_platform_delegatetoken` data source reads
 * the value this way. The sandbox's account-scoped key may edit delegates; a project-scoped key may not.
 */
function delegateTokenAsListed(details, keyScope) {
    return keyScope === 'account' ? { ...details } : { ...details, value: undefined };
}

;// CONCATENATED MODULE: ./sandbox/harness/routes/delegate-tokens.ts




/** NG delegate tokens: list, create, revoke, and the delegate groups that connected with one. */
function delegateTokenRoutes(r, world) {
    const m = world.harness;
    // getDelegateTokens: the value only to a key that may edit delegates (token-listing.ts says where from).
    r.get(`${NG_PREFIX}/delegate-token-ng`, (req) => {
        const name = req.query.get('name');
        const status = req.query.get('status');
        const list = [...m.tokens.values()]
            .map((t) => delegateTokenAsListed(t.details, world.scenario.harness.keyScope))
            .filter((t) => (!name || t.name === name) && (!status || t.status === status));
        return rest(list);
    });
    r.post(`${NG_PREFIX}/delegate-token-ng`, (req) => {
        const name = req.query.get('tokenName');
        if (m.tokens.has(name))
            return ngError(400, 'INVALID_REQUEST', `Token with given name ${name} already exists for this account.`);
        const details = {
            uuid: randomChars(22),
            accountId: m.accountId,
            name,
            createdBy: { type: 'API_KEY', name: 'sandbox' },
            createdAt: m.now(),
            status: 'ACTIVE',
            value: Buffer.from((0,external_node_crypto_.randomBytes)(16).toString('hex')).toString('base64'),
        };
        m.tokens.set(name, { details });
        return rest(details);
    });
    r.put(`${NG_PREFIX}/delegate-token-ng`, (req) => {
        const name = req.query.get('tokenName');
        const t = m.tokens.get(name);
        if (!t)
            return ngError(404, 'RESOURCE_NOT_FOUND', `Delegate token ${name} not found`);
        t.details.status = 'REVOKED';
        return rest({ ...t.details, value: undefined });
    });
    r.get(`${NG_PREFIX}/delegate-token-ng/delegate-groups`, (req) => rest({ delegateGroupDetails: m.delegateGroups(req.query.get('delegateTokenName')) }));
}

;// CONCATENATED MODULE: ./sandbox/harness/routes/gitspace-actions.ts



/**
 * POST .../gitspaces/{id}/actions: start, stop or reset. The emulator schedules the instance's state changes
 * and events (read lazily by GET), in the order harness/harness emits them
 * (app/gitspace/orchestrator/orchestrator_trigger.go, TriggerStartGitspace / TriggerStopGitspace).
 */
function gitspaceAction(world, g, req) {
    const m = world.harness;
    const action = obj(req.body).action;
    const view = m.gitspaceView(g);
    const instanceState = view?.instance?.state;
    if (instanceState && BUSY_STATES.includes(instanceState))
        return harnessError(403, `Last session for this gitspace is still ${instanceState}`);
    const t = m.now();
    const step = world.scenario.harness.gitspaceStepMs;
    let steps;
    if (action === 'start') {
        if (instanceState === 'running')
            return api_json(200, view);
        steps = [
            {
                at: t,
                event: 'gitspace_action_start',
                message: 'Starting the gitspace',
                instanceState: 'starting',
                errorMessage: null,
                url: null,
                sshCommand: null,
            },
            ...startSteps(world, g, t),
        ];
    }
    else if (action === 'stop') {
        if (!instanceState || instanceState === 'stopped' || instanceState === 'uninitialized')
            return api_json(200, view);
        steps = stopSteps(t, step);
    }
    else {
        steps = [
            {
                at: t,
                event: 'gitspace_action_reset',
                message: 'Resetting the gitspace',
                instanceState: 'resetting',
                url: null,
                sshCommand: null,
                errorMessage: null,
            },
            {
                at: t + step,
                event: 'gitspace_action_reset_completed',
                message: 'Gitspace reset',
                instanceState: 'starting',
            },
            ...startSteps(world, g, t + step),
        ];
    }
    g.steps.push(...steps);
    return api_json(200, m.gitspaceView(g));
}
function stopSteps(t, step) {
    return [
        { at: t, event: 'gitspace_action_stop', message: 'Stopping the gitspace', instanceState: 'stopping' },
        { at: t + step, event: 'agent_gitspace_stop_start', message: 'Stopping the container' },
        { at: t + 2 * step, event: 'agent_gitspace_stop_completed', message: 'Container stopped' },
        {
            at: t + 2 * step,
            event: 'gitspace_action_stop_completed',
            message: 'Gitspace stopped',
            instanceState: 'stopped',
            url: null,
            sshCommand: null,
        },
    ];
}
/**
 * Provisioning, then the agent's setup. A hybrid gitspace is provisioned through the gateway of its machine's
 * region: without a healthy one the control plane cannot provision it, so the start fails the way
 * TriggerStartGitspace reports a provisioning failure (event infra_provisioning_failed, instance `error` with
 * "cannot trigger provision infrastructure for ID <resource>: <cause>").
 */
function startSteps(world, g, t0) {
    const m = world.harness;
    const sc = world.scenario.harness;
    const step = sc.gitspaceStepMs;
    const steps = [
        { at: t0 + step, event: 'infra_provisioning_start', message: 'Provisioning infrastructure' },
    ];
    const noGateway = gatewayProblem(m, g);
    if (noGateway) {
        const error = `cannot trigger provision infrastructure for ID ${String(g.config.resource?.identifier)}: ${noGateway}`;
        steps.push({ at: t0 + 2 * step, event: 'infra_provisioning_failed', message: error }, failed(t0 + 2 * step, error));
        return steps;
    }
    steps.push({ at: t0 + 2 * step, event: 'infra_provisioning_completed', message: 'Infrastructure provisioned' }, { at: t0 + 3 * step, event: 'agent_gitspace_creation_start', message: 'Setting up the gitspace' });
    if (sc.gitspaceStartFails) {
        const error = 'Failed to set up the gitspace: devcontainer image could not be pulled (scenario gitspaceStartFails)';
        steps.push({ at: t0 + 4 * step, event: 'agent_gitspace_creation_failed', message: error }, failed(t0 + 4 * step, error));
        return steps;
    }
    const domain = gitspaceDomain(m, g);
    steps.push({ at: t0 + 4 * step, event: 'agent_gitspace_creation_completed', message: 'Gitspace set up' }, {
        at: t0 + 4 * step,
        event: 'gitspace_action_start_completed',
        message: 'Gitspace is running',
        instanceState: 'running',
        errorMessage: null,
        url: `https://${g.config.identifier}.${domain}/?folder=/gitspace/${repoName(String(g.config.code_repo_url))}`,
        sshCommand: `ssh -p 2222 ${g.config.identifier}@${domain}`,
    });
    return steps;
}
function failed(at, error) {
    return {
        at,
        event: 'gitspace_action_start_failed',
        message: error,
        instanceState: 'error',
        errorMessage: error,
    };
}
/** Why the gitspace's region has no healthy gateway now, or undefined when it has one. */
function gatewayProblem(m, g) {
    const infra = m.infraProviders.get(g.infraIdentifier);
    if (!infra || infra.config.type !== 'hybrid_vm_gcp')
        return undefined;
    const region = g.config.resource?.region ?? '';
    const gateway = m.gateways(g.infraIdentifier).find((gw) => gw.region === region);
    if (gateway?.overall_health === 'healthy')
        return undefined;
    const why = m.gatewayDiagnostics(g.infraIdentifier)[region] ?? [];
    return `no healthy gateway in region ${region} for infra provider ${g.infraIdentifier}${why.length ? ` (${why.join('; ')})` : ''}`;
}
function repoName(url) {
    return (url
        .replace(/\.git$/, '')
        .split('/')
        .filter(Boolean)
        .pop() ?? 'repo');
}
/** The region domain of the gitspace's machine (certificates.contents[0].domain), else the infra domain. */
function gitspaceDomain(m, g) {
    const infra = m.infraProviders.get(g.infraIdentifier);
    const md = infra?.config.metadata ?? {};
    const region = g.config.resource?.region ?? '';
    const rc = obj(obj(md.region_configs)[region]);
    const contents = obj(rc.certificates).contents;
    const d = Array.isArray(contents) ? obj(contents[0]).domain : undefined;
    return typeof d === 'string' && d ? d : String(md.domain ?? 'gitspaces.example.com');
}

;// CONCATENATED MODULE: ./sandbox/harness/routes/gitspaces.ts




const G = `${ACCOUNT}/orgs/{org}/projects/{project}/gitspaces`;
/** Gitspaces of a project: list (paged), create, get, update when stopped, delete (asynchronous), events. */
function gitspaceRoutes(r, world) {
    r.get(G, (req) => listGitspaces(world, req));
    r.post(G, (req) => createGitspace(world, req));
    r.get(`${G}/{id}`, (req) => getGitspace(world, req));
    r.patch(`${G}/{id}`, (req) => updateGitspace(world, req));
    r.delete(`${G}/{id}`, (req) => deleteGitspace(world, req));
    r.get(`${G}/{id}/events`, (req) => listGitspaceEvents(world, req));
    r.post(`${G}/{id}/actions`, (req) => postGitspaceAction(world, req));
}
function listGitspaces(world, req) {
    const m = world.harness;
    const page = Number(req.query.get('page') ?? 1);
    const limit = Number(req.query.get('limit') ?? 30);
    const states = req.query.getAll('gitspace_states');
    const q = req.query.get('query')?.toLowerCase();
    const all = m.gitspaces
        .filter((g) => g.org === req.params.org && g.project === req.params.project)
        .map((g) => m.gitspaceView(g))
        .filter((v) => v !== undefined)
        .filter((v) => !states.length || states.includes(String(v.state)))
        .filter((v) => !q || String(v.identifier).includes(q) || String(v.name).toLowerCase().includes(q));
    const items = all.slice((page - 1) * limit, page * limit);
    return {
        status: 200,
        body: items,
        headers: { 'x-total': String(all.length), 'x-page': String(page), 'x-per-page': String(limit) },
    };
}
function createGitspace(world, req) {
    const m = world.harness;
    const body = obj(req.body);
    const base = String(body.identifier).toLowerCase();
    if (!/^[a-z0-9-]{1,50}$/.test(base))
        return harnessError(400, `Invalid identifier "${base}": lower-case letters, digits and dashes, at most 50 characters`);
    const infraId = String(body.infra_provider_config_identifier);
    const infra = m.infraProviders.get(infraId);
    if (!infra)
        return harnessError(400, `Failed to find infraprovider config: ${infraId}`);
    const resource = infra.resources.get(String(body.resource_identifier));
    if (!resource)
        return harnessError(400, `Failed to find infraprovider resource: ${String(body.resource_identifier)}`);
    const identifier = `${base}-${randomChars(6)}`;
    const now = m.now();
    const spacePath = `${m.accountId}/${req.params.org}/${req.params.project}`;
    const rec = {
        org: req.params.org,
        project: req.params.project,
        infraIdentifier: infraId,
        deleted: false,
        steps: [],
        config: {
            identifier,
            name: String(body.name),
            ide: body.ide,
            code_repo_url: String(body.code_repo_url),
            code_repo_type: body.code_repo_type ?? 'unknown',
            code_repo_ref: body.code_repo_ref ?? null,
            code_repo_is_private: false,
            branch: typeof body.branch === 'string' ? body.branch : 'main',
            devcontainer_path: body.devcontainer_path ?? null,
            ssh_token_identifier: typeof body.ssh_token_identifier === 'string' ? body.ssh_token_identifier : undefined,
            space_path: spacePath,
            resource,
            created: now,
            updated: now,
            user_id: 'sandbox-user',
            user_display_name: 'Sandbox User',
            user_email: 'sandbox@example.com',
            log_key: `${identifier}-log`,
            is_marked_for_reset: false,
            is_marked_for_infra_reset: false,
        },
    };
    m.gitspaces.push(rec);
    return api_json(201, m.gitspaceView(rec));
}
function getGitspace(world, req) {
    const m = world.harness;
    const g = gsOr404(m, req);
    return 'status' in g ? g : api_json(200, m.gitspaceView(g));
}
function updateGitspace(world, req) {
    const m = world.harness;
    const g = gsOr404(m, req);
    if ('status' in g)
        return g;
    const state = m.gitspaceView(g)?.state;
    if (state !== 'stopped' && state !== 'uninitialized')
        return harnessError(400, `Gitspace can be updated only when stopped or uninitialized (it is ${String(state)})`);
    const body = obj(req.body);
    if (typeof body.name === 'string')
        g.config.name = body.name;
    if (typeof body.ide === 'string')
        g.config.ide = body.ide;
    if (typeof body.ssh_token_identifier === 'string')
        g.config.ssh_token_identifier = body.ssh_token_identifier;
    if (typeof body.resource_identifier === 'string') {
        const res = m.infraProviders.get(g.infraIdentifier)?.resources.get(body.resource_identifier);
        if (!res)
            return harnessError(400, `Failed to find infraprovider resource: ${body.resource_identifier}`);
        g.config.resource = res;
    }
    g.config.updated = m.now();
    return api_json(200, m.gitspaceView(g));
}
function deleteGitspace(world, req) {
    const m = world.harness;
    const sc = world.scenario.harness;
    const g = gsOr404(m, req);
    if ('status' in g)
        return g;
    const t = m.now();
    g.steps = g.steps.filter((s) => s.at <= t);
    g.deleted = true;
    g.steps.push({
        at: t,
        event: 'infra_deprovisioning_start',
        message: 'Deleting the gitspace',
        instanceState: 'cleaning',
        url: null,
        sshCommand: null,
    });
    g.steps.push({
        at: t + sc.gitspaceStepMs,
        event: 'infra_deprovisioning_completed',
        message: 'Gitspace deleted',
        instanceState: 'deleted',
    });
    g.steps.push({ at: t + 2 * sc.gitspaceStepMs, gone: true });
    return { status: 204 };
}
function listGitspaceEvents(world, req) {
    const m = world.harness;
    const g = gsOr404(m, req);
    return 'status' in g ? g : api_json(200, m.gitspaceEvents(g));
}
function postGitspaceAction(world, req) {
    const g = gsOr404(world.harness, req);
    return 'status' in g ? g : gitspaceAction(world, g, req);
}
/** The gitspace named by `{id}` in the path (not yet deleted), or Harness's 404 for it. */
function gsOr404(m, req) {
    return (m.findGitspace(req.params.org, req.params.project, req.params.id) ??
        harnessError(404, `Failed to find gitspace config: ${req.params.id}`));
}

;// CONCATENATED MODULE: ./sandbox/harness/routes/guard.ts


/**
 * What Harness checks before any handler: the request against the OpenAPI contract (recorded in the journal
 * when it does not conform), the API key, the account in the path, the key's scope, the org and project.
 */
function harnessGuard(world, contracts) {
    const m = world.harness;
    const sc = world.scenario.harness;
    return (req, mutating) => {
        const cde = req.path.startsWith(`${CDE_PREFIX}/`);
        const ng = req.path.startsWith(`${NG_PREFIX}/`);
        if (!cde && !ng)
            return harnessError(404, `No route ${req.method} ${req.path}`);
        const check = (cde ? contracts.cde : contracts.ng).check({
            method: req.method,
            path: req.path.slice((cde ? CDE_PREFIX : NG_PREFIX).length),
            query: req.query,
            body: req.body,
            rawBody: req.rawBody,
        });
        const key = header(req, 'x-api-key') ?? header(req, 'authorization')?.replace(/^Bearer\s+/i, '');
        if (!key || (key !== m.apiKey && key !== m.viewApiKey) || sc.keyScope === 'invalid') {
            const res = cde
                ? harnessError(401, 'Unauthorized: invalid or missing API key')
                : ngError(401, 'INVALID_TOKEN', 'Token is not valid.');
            return { ...res, contractViolation: check.violation };
        }
        // Per API key, before the request is looked at further (sandbox/harness/rate-limit.ts).
        if (m.rateLimiter && !m.rateLimiter.take(key))
            return { ...harnessError(429, 'Too Many Requests'), contractViolation: check.violation };
        if (check.violation) {
            const res = check.unknownOperation
                ? cde
                    ? harnessError(404, `No route ${req.method} ${req.path}`)
                    : ngError(404, 'RESOURCE_NOT_FOUND', `No route ${req.method} ${req.path}`)
                : cde
                    ? harnessError(400, check.violation)
                    : ngError(400, 'INVALID_REQUEST', check.violation);
            return { ...res, contractViolation: check.violation };
        }
        // A key whose role only views (the preview's): Harness answers a write with 403 naming the missing
        // permission (as for the project-scoped key below; permission names from the role's resource group).
        if (key === m.viewApiKey && mutating) {
            const resource = /\/infraproviders/.test(req.path)
                ? 'cde_infraprovider'
                : /\/gitspaces/.test(req.path)
                    ? 'cde_gitspace'
                    : /delegate/.test(req.path)
                        ? 'core_delegate'
                        : 'cde_resource';
            const perm = `${resource}_${req.method === 'DELETE' ? 'delete' : 'edit'}`;
            return cde
                ? harnessError(403, `Missing permission ${perm} on account: the API key's role may only view`)
                : ngError(403, 'NG_ACCESS_DENIED', `Missing permission ${perm} on account`);
        }
        if (cde) {
            const accM = /^\/gateway\/cde\/api\/v1\/accounts\/([^/]+)/.exec(req.path);
            if (accM && decodeURIComponent(accM[1]) !== m.accountId)
                return harnessError(403, 'Forbidden: the API key does not belong to this account');
            if (sc.keyScope === 'project' &&
                /^\/gateway\/cde\/api\/v1\/accounts\/[^/]+\/infraproviders/.test(req.path)) {
                const perm = req.method === 'GET'
                    ? 'cde_infraprovider_view'
                    : req.method === 'DELETE'
                        ? 'cde_infraprovider_delete'
                        : 'cde_infraprovider_edit';
                return harnessError(403, `Missing permission ${perm} on account: the API key is scoped to a project`);
            }
            const gsM = /^\/gateway\/cde\/api\/v1\/accounts\/[^/]+\/orgs\/([^/]+)\/projects\/([^/]+)\//.exec(req.path);
            if (gsM) {
                const org = decodeURIComponent(gsM[1]);
                const project = decodeURIComponent(gsM[2]);
                if (org !== sc.org || !sc.projects.includes(project))
                    return harnessError(404, `Project ${org}/${project} not found`);
            }
        }
        else if (req.query.get('accountIdentifier') !== m.accountId)
            return ngError(403, 'ACCESS_DENIED', 'Not authorized for this account');
        return undefined;
    };
}

;// CONCATENATED MODULE: ./sandbox/harness/routes/infraproviders.ts



const A = ACCOUNT;
/** The account's gitspace settings, infra providers (create, read, update, delete) and their gateways. */
function infraProviderRoutes(r, world) {
    const m = world.harness;
    r.get(`${A}/gitspace-settings`, () => gitspaceSettings(world));
    r.get(`${A}/infraproviders`, () => api_json(200, [...m.infraProviders.values()].map(infraView)));
    r.post(`${A}/infraproviders`, (req) => createInfraProvider(world, req));
    r.get(`${A}/infraproviders/{infra}`, (req) => getInfraProvider(world, req));
    r.put(`${A}/infraproviders/{infra}`, (req) => updateInfraProvider(world, req));
    r.delete(`${A}/infraproviders/{infra}`, (req) => deleteInfraProvider(world, req));
    r.get(`${A}/infraproviders/{infra}/gateways`, (req) => listGateways(world, req));
}
/**
 * The account's gitspace settings: `available_settings.infra_provider_resources`, per infrastructure type, the
 * regions (and machine types) the admin's allow-list offers (harness/harness web/src/services/cde/swagger.yaml
 * TypesAvailableSettings; AdminSettings/CloudRegions/hooks/useInfraProviderResources.ts). That the hybrid type is
 * listed only with CDE_HYBRID_ENABLED is this emulator's assumption, not documented behaviour: HARNESS-002 reports
 * its absence as a warning with this evidence, never as the flag's state.
 */
function gitspaceSettings(world) {
    const m = world.harness;
    const sc = world.scenario.harness;
    const types = ['harness_gcp', ...(sc.hybridEnabled ? ['hybrid_vm_gcp'] : [])];
    const available = {};
    for (const t of types) {
        const regions = [...m.infraProviders.values()]
            .filter((i) => i.config.type === t)
            .flatMap((i) => Object.keys(obj(obj(i.config.metadata).region_configs)));
        available[t] = regions.map((region) => ({ region, region_display_name: region, machine_types: [] }));
    }
    return api_json(200, {
        available_settings: { infra_provider_resources: available },
        settings: {},
        space_path: m.accountId,
    });
}
function createInfraProvider(world, req) {
    const m = world.harness;
    const sc = world.scenario.harness;
    const body = obj(req.body);
    const id = String(body.identifier);
    if (!/^[a-zA-Z0-9_.-]{1,100}$/.test(id))
        return harnessError(400, `Invalid identifier "${id}": letters, digits, - _ . only, at most 100 characters`);
    if (body.type === 'hybrid_vm_gcp' && !sc.hybridEnabled)
        return harnessError(403, 'Infra provider type hybrid_vm_gcp is not enabled for this account');
    if (m.infraProviders.has(id))
        return harnessError(400, `Infraprovider config with identifier ${id} already exists`);
    if (body.type === 'hybrid_vm_gcp') {
        const p = metadataProblems(obj(body.metadata));
        if (p.length)
            return harnessError(400, `Invalid metadata: ${p.join('; ')}`);
    }
    const rec = newInfra(world, m, body, `${req.baseUrl}/gateway/cde`);
    m.infraProviders.set(id, rec);
    return api_json(201, infraView(rec));
}
function getInfraProvider(world, req) {
    const m = world.harness;
    const rec = infraOr404(m, req);
    return 'status' in rec ? rec : api_json(200, infraView(rec));
}
function updateInfraProvider(world, req) {
    const m = world.harness;
    const rec = infraOr404(m, req);
    if ('status' in rec)
        return rec;
    const body = obj(req.body);
    const md = obj(body.metadata);
    const old = rec.config.metadata;
    if (body.identifier !== rec.config.identifier)
        return harnessError(400, `The identifier cannot be changed (${rec.config.identifier} -> ${String(body.identifier)})`);
    if (body.type !== rec.config.type)
        return harnessError(400, 'The infra provider type cannot be changed');
    if (md.domain !== undefined && md.domain !== old.domain)
        return harnessError(400, `The domain cannot be changed after creation (${String(old.domain)})`);
    const newProject = obj(md.project).id;
    if (newProject !== undefined && newProject !== obj(old.project).id)
        return harnessError(400, `The GCP project cannot be changed after creation (${String(obj(old.project).id)})`);
    if (rec.config.type === 'hybrid_vm_gcp') {
        const p = metadataProblems({
            ...md,
            domain: md.domain ?? old.domain,
            project: md.project ?? old.project,
        });
        if (p.length)
            return harnessError(400, `Invalid metadata: ${p.join('; ')}`);
    }
    rec.config.name = String(body.name);
    rec.config.metadata = { ...md, domain: old.domain, project: old.project };
    rec.config.updated = m.now();
    const oldYaml = rec.config.setup_yaml ?? '';
    const manager = /cde_manager_url: (\S+)/.exec(oldYaml)?.[1] ?? `${req.baseUrl}/gateway/cde`;
    rec.config.setup_yaml = setupYaml(world, m, rec, manager);
    return api_json(200, infraView(rec));
}
function deleteInfraProvider(world, req) {
    const m = world.harness;
    const rec = infraOr404(m, req);
    if ('status' in rec)
        return rec;
    if (rec.resources.size > 0)
        return harnessError(400, `Infraprovider ${rec.config.identifier} still has ${rec.resources.size} machine(s): delete them first`);
    if (m.gitspaces.some((g) => g.infraIdentifier === rec.config.identifier && m.gitspaceView(g)))
        return harnessError(400, `Infraprovider ${rec.config.identifier} still has gitspaces: delete them first`);
    m.infraProviders.delete(rec.config.identifier);
    return { status: 204 };
}
function listGateways(world, req) {
    const m = world.harness;
    const rec = infraOr404(m, req);
    return 'status' in rec ? rec : api_json(200, m.gateways(rec.config.identifier));
}

;// CONCATENATED MODULE: ./sandbox/harness/routes/machines.ts




/** An infra provider's machines (resources): list, bulk create, delete when no gitspace uses them. */
function machineRoutes(r, world) {
    const m = world.harness;
    const A = ACCOUNT;
    r.get(`${A}/infraproviders/{infra}/resources`, (req) => {
        const rec = infraOr404(m, req);
        return 'status' in rec ? rec : api_json(200, [...rec.resources.values()]);
    });
    r.post(`${A}/infraproviders/{infra}/resources`, (req) => {
        const rec = infraOr404(m, req);
        if ('status' in rec)
            return rec;
        const inputs = req.body;
        const regions = Object.keys(obj(rec.config.metadata.region_configs));
        const created = [];
        const now = m.now();
        for (const input of inputs) {
            if (rec.config.type === 'hybrid_vm_gcp' && !regions.includes(String(input.region)))
                return harnessError(400, `Region ${String(input.region)} is not configured for infraprovider ${rec.config.identifier}`);
            const id = typeof input.identifier === 'string' && input.identifier
                ? input.identifier
                : `${String(input.name)
                    .toLowerCase()
                    .replace(/[^a-z0-9_-]+/g, '-')}-${randomChars(6)}`;
            if (rec.resources.has(id) || created.some((c) => c.identifier === id))
                return harnessError(400, `Resource with identifier ${id} already exists`);
            const md = obj(input.metadata);
            created.push({
                identifier: id,
                name: String(input.name),
                region: String(input.region),
                infra_provider_type: input.infra_provider_type,
                metadata: md,
                cpu: typeof input.cpu === 'string' ? input.cpu : null,
                memory: typeof input.memory === 'string' ? input.memory : null,
                disk: typeof input.disk === 'string' ? input.disk : (md.persistent_disk_size ?? null),
                network: typeof input.network === 'string' ? input.network : null,
                config_identifier: rec.config.identifier,
                config_name: rec.config.name,
                space_path: m.accountId,
                created: now,
                updated: now,
                is_deleted: false,
                deleted: null,
            });
        }
        for (const c of created)
            rec.resources.set(c.identifier, c);
        return api_json(201, created);
    });
    r.delete(`${A}/infraproviders/{infra}/resources/{res}`, (req) => {
        const rec = infraOr404(m, req);
        if ('status' in rec)
            return rec;
        const id = req.params.res;
        if (!rec.resources.has(id))
            return harnessError(404, `Failed to find infraprovider resource: ${id}`);
        const inUse = m.gitspaces.find((g) => g.config.resource?.identifier === id &&
            g.infraIdentifier === rec.config.identifier &&
            m.gitspaceView(g));
        if (inUse)
            return harnessError(400, `Resource ${id} is used by gitspace ${inUse.config.identifier}`);
        rec.resources.delete(id);
        return { status: 200 };
    });
}

;// CONCATENATED MODULE: ./sandbox/harness/routes/ng.ts

/** NG organizations and projects, as the preflight reads them. */
function organizationRoutes(r, world) {
    const sc = world.scenario.harness;
    r.get(`${NG_PREFIX}/organizations/{org}`, (req) => req.params.org === sc.org
        ? api_json(200, {
            status: 'SUCCESS',
            data: {
                organization: { identifier: sc.org, name: sc.org, description: '', tags: {} },
                createdAt: 0,
                lastModifiedAt: 0,
                harnessManaged: sc.org === 'default',
            },
        })
        : ngError(404, 'RESOURCE_NOT_FOUND', `Organization with identifier [${req.params.org}] not found`));
    r.get(`${NG_PREFIX}/projects/{project}`, (req) => {
        const org = req.query.get('orgIdentifier') ?? 'default';
        return org === sc.org && sc.projects.includes(req.params.project)
            ? api_json(200, {
                status: 'SUCCESS',
                data: {
                    project: {
                        orgIdentifier: org,
                        identifier: req.params.project,
                        name: req.params.project,
                        modules: ['CDE'],
                        tags: {},
                    },
                    createdAt: 0,
                    lastModifiedAt: 0,
                },
            })
            : ngError(404, 'RESOURCE_NOT_FOUND', `Project with orgIdentifier [${org}] and identifier [${req.params.project}] not found`);
    });
}

;// CONCATENATED MODULE: ./sandbox/harness/index.ts












/** The Harness API's resource families, one file each under routes/. A new family: one file, one line here. */
const HARNESS_FAMILIES = [
    infraProviderRoutes,
    machineRoutes,
    gitspaceRoutes,
    organizationRoutes,
    delegateTokenRoutes,
];
/** The emulated Harness control plane's state, seeded from scenario.harness. */
function createHarnessState(world) {
    const model = new HarnessModel(world);
    if (world.scenario.harness.existingInfra)
        seedExistingInfra(world, model);
    return model;
}
function model(world) {
    return world.harness;
}
/** The router of the one `harness` service: CDE under /gateway/cde/api/v1, NG under /ng/api. */
function harnessRouter(world) {
    const r = new Router();
    r.notFound = (req) => harnessError(404, `No route ${req.method} ${req.path}`);
    r.guard = harnessGuard(world, loadContracts());
    for (const family of HARNESS_FAMILIES)
        family(r, world);
    return r;
}
async function startHarness(world) {
    const svc = await startService('harness', harnessRouter(world), world.journal, world.faults);
    world.urls.harness = svc.url;
    // Seeded infra providers were made before the port was known: their YAML points at this service now.
    const m = model(world);
    for (const rec of m.infraProviders.values())
        rec.config.setup_yaml = setupYaml(world, m, rec, `${svc.url}/gateway/cde`);
    return [svc];
}

;// CONCATENATED MODULE: ./sandbox/github/model.ts

/** GitHub's limit on an issue or comment body (characters). */
const MAX_BODY_CHARS = 65536;
const DOCS = 'https://docs.github.com/rest';
/** The repository prefix of every path the bundle uses. */
const R = '/repos/{owner}/{repo}';
/** The user a token stands for: GITHUB_TOKEN is the `github-actions[bot]` app's installation token (type Bot). */
const GITHUB_ACTIONS_BOT = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };
const OCTOCAT = { login: 'octocat', id: 583231, type: 'User' };
class GithubModel {
    /** `ghs_` is the prefix of installation tokens (GITHUB_TOKEN), `ghp_` of personal access tokens. */
    token = `ghs_${(0,external_node_crypto_.randomBytes)(18).toString('hex')}`;
    userToken = `ghp_${(0,external_node_crypto_.randomBytes)(18).toString('hex')}`;
    readOnlyToken = `ghs_${(0,external_node_crypto_.randomBytes)(18).toString('hex')}`;
    login = GITHUB_ACTIONS_BOT.login;
    identities = new Map([
        [this.token, GITHUB_ACTIONS_BOT],
        [this.userToken, OCTOCAT],
        [this.readOnlyToken, GITHUB_ACTIONS_BOT],
    ]);
    issues = new Map();
    comments = new Map();
    pullCommits = new Map();
    nextId = 1_000_000;
    bot = GITHUB_ACTIONS_BOT;
    commentsOn(repository, issueNumber) {
        return this.comments.get(`${repository}#${issueNumber}`) ?? [];
    }
}
/** A commit sha that stands for `what` (a pull request's head, base or merge commit), the same in every run. */
function fakeSha(what) {
    return (0,external_node_crypto_.createHash)('sha1').update(what).digest('hex');
}
/** The token of a request (`Authorization: token|Bearer <t>`), or undefined. */
function tokenOf(req) {
    const auth = String(req.headers.authorization ?? '');
    return /^(?:token|bearer)\s+(.+)$/i.exec(auth)?.[1];
}
/** Whom the request's token belongs to (the guard has already refused unknown tokens). */
function userOf(m, req) {
    return m.identities.get(tokenOf(req) ?? '') ?? m.bot;
}
const iso = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
function newIssue(m, repo, number, title, body, user, base) {
    const id = m.nextId++;
    return {
        id,
        node_id: `I_kwDO${id}`,
        number,
        title,
        body,
        state: 'open',
        state_reason: null,
        labels: [],
        user,
        url: `${base}/repos/${repo}/issues/${number}`,
        html_url: `https://github.com/${repo}/issues/${number}`,
        comments: 0,
        created_at: iso(),
        updated_at: iso(),
        closed_at: null,
    };
}
function newComment(m, repo, issueNumber, body, user, base) {
    const id = m.nextId++;
    return {
        id,
        node_id: `IC_kwDO${id}`,
        url: `${base}/repos/${repo}/issues/comments/${id}`,
        html_url: `https://github.com/${repo}/issues/${issueNumber}#issuecomment-${id}`,
        issue_url: `${base}/repos/${repo}/issues/${issueNumber}`,
        body,
        user,
        created_at: iso(),
        updated_at: iso(),
        author_association: user.type === 'Bot' ? 'NONE' : 'MEMBER',
    };
}
const model_notFound = () => ({
    status: 404,
    body: { message: 'Not Found', documentation_url: DOCS, status: '404' },
});
function validationFailed(resource, field, message, code = 'custom') {
    return {
        status: 422,
        body: {
            message: 'Validation Failed',
            errors: [{ resource, code, field, message }],
            documentation_url: DOCS,
            status: '422',
        },
    };
}
function bodyProblem(resource, body, required) {
    if (body === undefined || body === null)
        return required ? validationFailed(resource, 'body', 'body is missing', 'missing_field') : undefined;
    if (typeof body !== 'string')
        return validationFailed(resource, 'body', 'body is not a string', 'invalid');
    if ([...body].length > MAX_BODY_CHARS)
        return validationFailed(resource, 'body', `body is too long (maximum is ${MAX_BODY_CHARS} characters)`);
    return undefined;
}
/** page/per_page as GitHub reads them, and the Link header it sends. */
function model_paginate(req, items) {
    const perPage = Math.min(100, Math.max(1, Number(req.query.get('per_page') ?? 30) || 30));
    const page = Math.max(1, Number(req.query.get('page') ?? 1) || 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const slice = items.slice((page - 1) * perPage, page * perPage);
    const link = (p) => {
        const q = new URLSearchParams(req.query);
        q.set('per_page', String(perPage));
        q.set('page', String(p));
        return `<${req.baseUrl}${req.path}?${q.toString()}>`;
    };
    const rels = [];
    if (page > 1)
        rels.push(`${link(page - 1)}; rel="prev"`);
    if (page < last)
        rels.push(`${link(page + 1)}; rel="next"`, `${link(last)}; rel="last"`);
    if (page > 1)
        rels.push(`${link(1)}; rel="first"`);
    return { status: 200, body: slice, headers: rels.length ? { link: rels.join(', ') } : {} };
}
/** `owner/repo` from the path. */
const repoOf = (req) => `${req.params.owner}/${req.params.repo}`;
const model_obj = (b) => b && typeof b === 'object' && !Array.isArray(b) ? b : {};

;// CONCATENATED MODULE: ./sandbox/github/routes/comments.ts

/** Issue and pull-request comments: list (paged, Link header), create, get, update, delete. */
function issueCommentRoutes(r, world) {
    const m = world.github;
    r.get(`${R}/issues/{n}/comments`, (req) => {
        const key = `${repoOf(req)}#${Number(req.params.n)}`;
        if (!m.issues.get(repoOf(req))?.has(Number(req.params.n)))
            return model_notFound();
        return model_paginate(req, m.comments.get(key) ?? []);
    });
    r.post(`${R}/issues/{n}/comments`, (req) => {
        const n = Number(req.params.n);
        const issue = m.issues.get(repoOf(req))?.get(n);
        if (!issue)
            return model_notFound();
        const bad = bodyProblem('IssueComment', model_obj(req.body).body, true);
        if (bad)
            return bad;
        // The comment's author is whoever the token belongs to (the workflow's bot, or a user).
        const c = newComment(m, repoOf(req), n, model_obj(req.body).body, userOf(m, req), req.baseUrl);
        const key = `${repoOf(req)}#${n}`;
        m.comments.set(key, [...(m.comments.get(key) ?? []), c]);
        issue.comments++;
        return { status: 201, body: c, headers: { location: c.url } };
    });
    const findComment = (req) => {
        const id = Number(req.params.id);
        for (const [key, list] of m.comments) {
            if (!key.startsWith(`${repoOf(req)}#`))
                continue;
            const c = list.find((x) => x.id === id);
            if (c)
                return { list, c, key };
        }
        return undefined;
    };
    r.get(`${R}/issues/comments/{id}`, (req) => {
        const f = findComment(req);
        return f ? { status: 200, body: f.c } : model_notFound();
    });
    r.patch(`${R}/issues/comments/{id}`, (req) => {
        const f = findComment(req);
        if (!f)
            return model_notFound();
        const bad = bodyProblem('IssueComment', model_obj(req.body).body, true);
        if (bad)
            return bad;
        // As on GitHub, an edit keeps the comment's author (`user`), whoever edits it: the REST API does not say who
        // edited a comment (only GraphQL's `editor` does), so the author alone cannot tell an edited comment apart.
        f.c.body = model_obj(req.body).body;
        f.c.updated_at = iso();
        return { status: 200, body: f.c };
    });
    r.delete(`${R}/issues/comments/{id}`, (req) => {
        const f = findComment(req);
        if (!f)
            return model_notFound();
        m.comments.set(f.key, f.list.filter((c) => c !== f.c));
        return { status: 204 };
    });
}

;// CONCATENATED MODULE: ./sandbox/github/routes/issues.ts

/** Issues: list by state and labels, create, get, update (title, body, state, labels). */
function issueRoutes(r, world) {
    const m = world.github;
    r.get(`${R}/issues`, (req) => {
        const all = m.issues.get(repoOf(req));
        if (!all)
            return model_notFound();
        const state = req.query.get('state') ?? 'open';
        const labels = (req.query.get('labels') ?? '').split(',').filter(Boolean);
        const items = [...all.values()]
            .filter((i) => state === 'all' || i.state === state)
            .filter((i) => labels.every((l) => i.labels.some((x) => x.name === l)))
            .sort((a, b) => b.number - a.number);
        return model_paginate(req, items);
    });
    r.post(`${R}/issues`, (req) => {
        const all = m.issues.get(repoOf(req));
        if (!all)
            return model_notFound();
        const b = model_obj(req.body);
        if (typeof b.title !== 'string' || !b.title)
            return validationFailed('Issue', 'title', 'title is missing', 'missing_field');
        const bad = bodyProblem('Issue', b.body, false);
        if (bad)
            return bad;
        const number = Math.max(0, ...all.keys()) + 1;
        const issue = newIssue(m, repoOf(req), number, b.title, typeof b.body === 'string' ? b.body : null, userOf(m, req), req.baseUrl);
        issue.labels = (Array.isArray(b.labels) ? b.labels : []).map((l, i) => ({
            id: i + 1,
            name: typeof l === 'string' ? l : String(model_obj(l).name),
            color: 'ededed',
        }));
        all.set(number, issue);
        return { status: 201, body: issue };
    });
    r.get(`${R}/issues/{n}`, (req) => {
        const issue = m.issues.get(repoOf(req))?.get(Number(req.params.n));
        return issue ? { status: 200, body: issue } : model_notFound();
    });
    r.patch(`${R}/issues/{n}`, (req) => {
        const issue = m.issues.get(repoOf(req))?.get(Number(req.params.n));
        if (!issue)
            return model_notFound();
        const b = model_obj(req.body);
        const bad = bodyProblem('Issue', b.body, false);
        if (bad)
            return bad;
        if (typeof b.title === 'string')
            issue.title = b.title;
        if (typeof b.body === 'string')
            issue.body = b.body;
        if (b.state === 'open' || b.state === 'closed') {
            issue.state = b.state;
            issue.closed_at = b.state === 'closed' ? iso() : null;
            issue.state_reason =
                b.state === 'closed' ? (typeof b.state_reason === 'string' ? b.state_reason : 'completed') : null;
        }
        if (Array.isArray(b.labels))
            issue.labels = b.labels.map((l, i) => ({
                id: i + 1,
                name: typeof l === 'string' ? l : String(model_obj(l).name),
                color: 'ededed',
            }));
        issue.updated_at = iso();
        return { status: 200, body: issue };
    });
}

;// CONCATENATED MODULE: ./sandbox/github/routes/repos.ts

/** A pull request as `pulls/{n}` and `commits/{sha}/pulls` return it (the fields the bundle reads, and a few more). */
function pullJson(m, repo, issue) {
    const c = m.pullCommits.get(`${repo}#${issue.number}`);
    return {
        id: issue.id,
        number: issue.number,
        state: issue.state,
        title: issue.title,
        body: issue.body,
        user: issue.user,
        url: issue.pull_request?.url,
        html_url: `https://github.com/${repo}/pull/${issue.number}`,
        head: { ref: 'gitspaces-change', sha: c?.headSha ?? 'a'.repeat(40) },
        base: { ref: 'main', sha: c?.baseSha ?? 'b'.repeat(40) },
        merge_commit_sha: c?.mergeCommitSha ?? null,
        draft: false,
        merged: false,
    };
}
/** The repository, its pull requests, the pull requests of a commit, and the authenticated user. */
function repositoryRoutes(r, world) {
    const m = world.github;
    r.get(R, (req) => {
        if (!m.issues.get(repoOf(req)))
            return model_notFound();
        return {
            status: 200,
            body: {
                id: 1,
                name: req.params.repo,
                full_name: repoOf(req),
                private: true,
                default_branch: 'main',
                html_url: `https://github.com/${repoOf(req)}`,
            },
        };
    });
    r.get(`${R}/pulls/{n}`, (req) => {
        const issue = m.issues.get(repoOf(req))?.get(Number(req.params.n));
        if (!issue?.pull_request)
            return model_notFound();
        return { status: 200, body: pullJson(m, repoOf(req), issue) };
    });
    // "List pull requests associated with a commit" (docs.github.com/rest/commits/commits): the pull request a
    // merge commit (or a head commit) belongs to, as a list; a commit without one answers []. GitHub answers 422
    // "No commit found for SHA" for a sha it does not have; the emulator has every well-formed sha as a commit of
    // the default branch, and refuses only malformed ones.
    r.get(`${R}/commits/{sha}/pulls`, (req) => {
        const all = m.issues.get(repoOf(req));
        if (!all)
            return model_notFound();
        const sha = String(req.params.sha).toLowerCase();
        if (!/^[0-9a-f]{7,40}$/.test(sha))
            return {
                status: 422,
                body: {
                    message: `No commit found for SHA: ${req.params.sha}`,
                    documentation_url: DOCS,
                    status: '422',
                },
            };
        const hits = [...all.values()].filter((i) => {
            const c = i.pull_request ? m.pullCommits.get(`${repoOf(req)}#${i.number}`) : undefined;
            return c && (c.mergeCommitSha.startsWith(sha) || c.headSha.startsWith(sha));
        });
        return { status: 200, body: hits.map((i) => pullJson(m, repoOf(req), i)) };
    });
    // "Get the authenticated user": an installation token (GITHUB_TOKEN is one) is not a user, and GitHub answers
    // 403 "Resource not accessible by integration"; a personal token gets its user.
    r.get('/user', (req) => {
        const u = userOf(m, req);
        if (u.type === 'Bot')
            return {
                status: 403,
                body: {
                    message: 'Resource not accessible by integration',
                    documentation_url: 'https://docs.github.com/rest/users/users#get-the-authenticated-user',
                    status: '403',
                },
            };
        return { status: 200, body: { login: u.login, id: u.id, type: u.type } };
    });
}

;// CONCATENATED MODULE: ./sandbox/github/index.ts






/** The GitHub REST API's resource families, one file each under routes/. A new family: one file, one line here. */
const GITHUB_FAMILIES = [repositoryRoutes, issueCommentRoutes, issueRoutes];
function createGithubState(world) {
    const m = new GithubModel();
    const sc = world.scenario.github;
    const repo = sc.repository;
    const issues = new Map();
    m.issues.set(repo, issues);
    const pulls = [
        { number: sc.pullRequest, mergeCommitSha: sc.mergeCommitSha },
        ...(sc.morePullRequests ?? []),
    ];
    for (const p of pulls) {
        const pr = newIssue(m, repo, p.number, 'Update Gitspaces infrastructure', 'Changes gitspaces.yaml', OCTOCAT, 'http://127.0.0.1');
        pr.pull_request = {
            url: `http://127.0.0.1/repos/${repo}/pulls/${p.number}`,
            html_url: `https://github.com/${repo}/pull/${p.number}`,
        };
        m.pullCommits.set(`${repo}#${p.number}`, {
            headSha: fakeSha(`${repo}#${p.number} head`),
            baseSha: fakeSha(`${repo} main`),
            mergeCommitSha: p.mergeCommitSha ?? fakeSha(`${repo}#${p.number} merge`),
        });
        issues.set(pr.number, pr);
        m.comments.set(`${repo}#${pr.number}`, []);
    }
    const pr = issues.get(sc.pullRequest);
    const list = [];
    for (let i = 0; i < sc.existingComments; i++)
        list.push(newComment(m, repo, pr.number, `Comment ${i + 1} from a reviewer`, OCTOCAT, 'http://127.0.0.1'));
    m.comments.set(`${repo}#${pr.number}`, list);
    pr.comments = list.length;
    return m;
}
function githubRouter(world) {
    const m = world.github;
    const r = new Router();
    r.notFound = () => model_notFound();
    r.guard = (req, mutating) => {
        // The workflow's token and the users' tokens (model.ts); anything else is GitHub's 401.
        const token = tokenOf(req) ?? '';
        if (!m.identities.has(token))
            return { status: 401, body: { message: 'Bad credentials', documentation_url: DOCS, status: '401' } };
        // A fork's pull request runs with a read-only GITHUB_TOKEN ("Permissions for the GITHUB_TOKEN": pull requests
        // from public forks get read access only); a write is GitHub's 403 for a missing integration permission.
        if (mutating && token === m.readOnlyToken)
            return {
                status: 403,
                body: { message: 'Resource not accessible by integration', documentation_url: DOCS, status: '403' },
            };
        return undefined;
    };
    for (const family of GITHUB_FAMILIES)
        family(r, world);
    return r;
}
/** Starts the `github` service (world.urls.github): the REST API paths the bundle uses. */
async function startGithub(world) {
    const svc = await startService('github', githubRouter(world), world.journal, world.faults);
    world.urls.github = svc.url;
    // Seeded items were made before the port was known.
    const fix = (u) => u.replace(/^http:\/\/127\.0\.0\.1(?=\/)/, svc.url);
    for (const issues of world.github.issues.values())
        for (const i of issues.values()) {
            i.url = fix(i.url);
            if (i.pull_request)
                i.pull_request.url = fix(i.pull_request.url);
        }
    for (const list of world.github.comments.values())
        for (const c of list) {
            c.url = fix(c.url);
            c.issue_url = fix(c.issue_url);
        }
    return [svc];
}

// EXTERNAL MODULE: external "node:dgram"
var external_node_dgram_ = __webpack_require__(41314);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(77030);
// EXTERNAL MODULE: ./node_modules/dns-packet/index.js
var dns_packet = __webpack_require__(14894);
;// CONCATENATED MODULE: ./sandbox/dns/index.ts




const NOERROR = 0;
const SERVFAIL = 2;
const NXDOMAIN = 3;
const REFUSED = 5;
const RCODE_NAME = { 0: 'NOERROR', 2: 'SERVFAIL', 3: 'NXDOMAIN', 5: 'REFUSED' };
const norm = (n) => n.toLowerCase().replace(/\.+$/, '');
const fqdn = (n) => `${norm(n)}.`;
const within = (name, zone) => name === zone || name.endsWith(`.${zone}`);
/**
 * The name servers Cloud DNS would assign to a zone, as the emulator predicts them before the zone exists:
 * one of the ns-cloud-{a..e} shards, chosen from the zone name, four servers. (The GCP emulator uses the same
 * function when it creates a zone, so a parent delegated "in advance" matches.)
 */
function predictedNameServers(zoneName) {
    const shard = 'abcde'[(0,external_node_crypto_.createHash)('sha256').update(zoneName).digest()[0] % 5];
    return [1, 2, 3, 4].map((i) => `ns-cloud-${shard}${i}.googledomains.com.`);
}
async function startDns(world) {
    const server = await startDnsServer(world);
    return server;
}
async function startDnsServer(world) {
    const startedAt = Date.now();
    const answer = (q, rd) => build(world, startedAt, q, rd);
    const handle = async (msg, transport) => {
        const receivedAt = Date.now();
        let query;
        try {
            query = dns_packet.decode(msg);
        }
        catch {
            return undefined;
        }
        const q = query.questions?.[0];
        const rd = Boolean(query.flag_rd);
        const fault = q ? world.faults.decide('dns', 'QUERY', `${norm(q.name)} ${q.type}`) : undefined;
        if (fault?.latencyMs)
            await new Promise((r) => setTimeout(r, fault.latencyMs));
        if (fault?.kind === 'drop') {
            world.journal.add({
                service: 'dns',
                method: 'QUERY',
                path: q ? `${norm(q.name)} ${q.type}` : '?',
                query: `${transport}${rd ? ' rd' : ''}`,
                mutating: false,
                attempted: false,
                status: 0,
                fault: 'drop',
                receivedAt,
            });
            return undefined;
        }
        let built;
        if (!q)
            built = { rcode: REFUSED, aa: false, answers: [], authorities: [], additionals: [] };
        else if (fault && fault.kind !== 'latency')
            built = { rcode: SERVFAIL, aa: false, answers: [], authorities: [], additionals: [] };
        else
            built = answer(q, rd);
        world.journal.add({
            service: 'dns',
            method: 'QUERY',
            path: q ? `${norm(q.name)} ${q.type}` : '?',
            query: `${transport}${rd ? ' rd' : ''}`,
            mutating: false,
            attempted: false,
            status: built.rcode,
            fault: fault && fault.kind !== 'latency' ? fault.kind : undefined,
            receivedAt,
        });
        const flags = (built.aa ? dns_packet.AUTHORITATIVE_ANSWER : 0) |
            (rd ? dns_packet.RECURSION_DESIRED | dns_packet.RECURSION_AVAILABLE : 0) |
            built.rcode;
        const response = {
            type: 'response',
            id: query.id,
            flags,
            questions: query.questions,
            answers: built.answers.map(toAnswer),
            authorities: built.authorities.map(toAnswer),
            additionals: built.additionals.map(toAnswer),
        };
        let buf = dns_packet.encode(response);
        if (transport === 'udp') {
            const opt = (query.additionals ?? []).find((a) => a.type === 'OPT');
            const max = Math.max(512, opt?.udpPayloadSize ?? 512);
            if (buf.length > max) {
                buf = dns_packet.encode({
                    type: 'response',
                    id: query.id,
                    flags: flags | dns_packet.TRUNCATED_RESPONSE,
                    questions: query.questions,
                    answers: [],
                });
            }
        }
        return buf;
    };
    const onUdp = (udp) => (msg, rinfo) => {
        void handle(msg, 'udp').then((out) => {
            if (out)
                udp.send(out, rinfo.port, rinfo.address);
        });
    };
    const sockets = new Set();
    const onTcp = (sock) => {
        sockets.add(sock);
        sock.on('close', () => sockets.delete(sock));
        sock.on('error', () => sock.destroy());
        let pending = Buffer.alloc(0);
        sock.on('data', (chunk) => {
            pending = Buffer.concat([pending, chunk]);
            while (pending.length >= 2) {
                const len = pending.readUInt16BE(0);
                if (pending.length < 2 + len)
                    break;
                const msg = Buffer.from(pending.subarray(2, 2 + len));
                pending = pending.subarray(2 + len);
                void handle(msg, 'tcp').then((out) => {
                    if (!out || sock.destroyed)
                        return;
                    const prefix = Buffer.alloc(2);
                    prefix.writeUInt16BE(out.length);
                    sock.write(Buffer.concat([prefix, out]));
                });
            }
        });
    };
    // UDP picks a free port; TCP must get the same one (retry on the rare collision).
    let udp;
    let tcp;
    let port = 0;
    for (let attempt = 0; attempt < 20 && !tcp; attempt++) {
        const u = (0,external_node_dgram_.createSocket)('udp4');
        u.on('message', onUdp(u));
        await new Promise((resolve, reject) => {
            u.once('error', reject);
            u.bind(0, '127.0.0.1', () => {
                u.off('error', reject);
                resolve();
            });
        });
        port = u.address().port;
        const t = (0,external_node_net_.createServer)(onTcp);
        const ok = await new Promise((resolve) => {
            const onErr = () => resolve(false);
            t.once('error', onErr);
            t.listen(port, '127.0.0.1', () => {
                t.off('error', onErr);
                resolve(true);
            });
        });
        if (ok) {
            udp = u;
            tcp = t;
        }
        else {
            await new Promise((r) => u.close(() => r()));
        }
    }
    if (!udp || !tcp)
        throw new Error('dns: could not bind UDP and TCP on the same port');
    const [u, t] = [udp, tcp];
    world.urls.dns = `127.0.0.1:${port}`;
    return {
        port,
        async close() {
            for (const s of sockets)
                s.destroy();
            await Promise.all([
                new Promise((r) => u.close(() => r())),
                new Promise((r) => t.close(() => r())),
            ]);
        },
    };
}
function toAnswer(r) {
    if (r.type === 'SOA')
        return { name: norm(r.name), type: 'SOA', class: 'IN', ttl: r.ttl, data: r.data };
    return {
        name: norm(r.name),
        type: r.type,
        class: 'IN',
        ttl: r.ttl,
        data: norm(r.data),
    };
}
/** The zones the GCP emulator holds, or the scenario's seed when it exposes none. */
function zones(world) {
    const gcp = world.gcp;
    if (gcp && typeof gcp.managedZones === 'function')
        return gcp.managedZones();
    return (world.scenario.gcp.managedZones ?? []).map((z) => ({
        ...z,
        nameServers: predictedNameServers(z.name),
    }));
}
function recordSets(world, zone) {
    const gcp = world.gcp;
    if (gcp && typeof gcp.recordSets === 'function') {
        try {
            return gcp.recordSets(zone);
        }
        catch {
            return [];
        }
    }
    return [];
}
function soa(zone, primary, ttl, hostmaster) {
    return {
        name: fqdn(zone),
        type: 'SOA',
        ttl,
        data: {
            mname: norm(primary),
            rname: norm(hostmaster),
            serial: 1,
            refresh: 21600,
            retry: 3600,
            expire: 259200,
            minimum: 300,
        },
    };
}
/** The answer to one question, from the world as it is now. */
function build(world, startedAt, q, rd) {
    const s = world.scenario.dns;
    const name = norm(q.name);
    const type = q.type;
    const parent = norm(s.parentZone);
    const domain = norm(s.domain);
    const ttl = s.ttlSeconds;
    const zoneName = domain.replace(/\./g, '-');
    const zone = zones(world).find((z) => norm(z.dnsName) === domain);
    const cloudNs = (zone?.nameServers?.length ? zone.nameServers : predictedNameServers(zoneName)).map(fqdn);
    const current = s.delegated ? cloudNs : s.wrongNameServers.map(fqdn);
    const staleLeftMs = startedAt + ttl * 1000 - Date.now();
    const resolverStale = !s.resolversUpdated && staleLeftMs > 0;
    const delegation = rd && resolverStale ? s.wrongNameServers.map(fqdn) : current;
    const delegationTtl = rd && resolverStale ? Math.max(1, Math.ceil(staleLeftMs / 1000)) : ttl;
    const parentSoa = soa(parent, s.parentNameServers[0] ?? `ns1.${parent}`, ttl, `hostmaster.${parent}`);
    const empty = (rcode, aa, authorities = []) => ({
        rcode,
        aa,
        answers: [],
        authorities,
        additionals: [],
    });
    const glue = (hosts) => hosts
        .filter((h) => within(norm(h), parent) || /googledomains\.com$/.test(norm(h)))
        .map((h) => ({ name: h, type: 'A', ttl, data: '127.0.0.1' }));
    // Name-server host names we know (parent's and Cloud DNS's): they resolve to loopback.
    const knownHosts = new Set([...s.parentNameServers, ...cloudNs, ...s.wrongNameServers].map(norm));
    if (knownHosts.has(name) && !within(name, domain)) {
        if (type === 'A')
            return {
                rcode: NOERROR,
                aa: !rd,
                answers: [{ name: fqdn(name), type: 'A', ttl, data: '127.0.0.1' }],
                authorities: [],
                additionals: [],
            };
        return empty(NOERROR, !rd);
    }
    if (within(name, domain)) {
        if (delegation.length === 0)
            return empty(NXDOMAIN, !rd, [parentSoa]);
        const referral = {
            rcode: NOERROR,
            aa: false,
            answers: [],
            authorities: delegation.map((ns) => ({
                name: fqdn(domain),
                type: 'NS',
                ttl: delegationTtl,
                data: ns,
            })),
            additionals: glue(delegation),
        };
        if (!rd) {
            // To the parent's servers: the NS question for the domain itself gets the referral.
            if (name === domain && type === 'NS')
                return referral;
            // Anything else inside: what the Cloud DNS name servers answer (or a referral when there is no zone).
            if (!zone)
                return referral;
            return fromZone(world, zone, name, type, ttl);
        }
        // A resolver: follow the delegation it has.
        if (name === domain && type === 'NS') {
            return {
                rcode: NOERROR,
                aa: false,
                answers: delegation.map((ns) => ({
                    name: fqdn(domain),
                    type: 'NS',
                    ttl: delegationTtl,
                    data: ns,
                })),
                authorities: [],
                additionals: [],
            };
        }
        const sameServers = zone && sameSet(delegation, cloudNs);
        if (!sameServers || !zone)
            return empty(SERVFAIL, false); // lame or wrong delegation: the named servers do not serve the zone
        const r = fromZone(world, zone, name, type, ttl);
        return { ...r, aa: false };
    }
    if (within(name, parent)) {
        if (name === parent && type === 'NS') {
            return {
                rcode: NOERROR,
                aa: !rd,
                answers: s.parentNameServers.map((ns) => ({
                    name: fqdn(parent),
                    type: 'NS',
                    ttl,
                    data: fqdn(ns),
                })),
                authorities: [],
                additionals: glue(s.parentNameServers),
            };
        }
        if (name === parent && type === 'SOA')
            return { rcode: NOERROR, aa: !rd, answers: [parentSoa], authorities: [], additionals: [] };
        if (name === parent)
            return empty(NOERROR, !rd, [parentSoa]);
        return empty(NXDOMAIN, !rd, [parentSoa]);
    }
    return empty(rd ? NXDOMAIN : REFUSED, false);
}
/** An authoritative answer from the Cloud DNS zone's record sets (CNAMEs inside the zone are followed). */
function fromZone(world, zone, name, type, ttl) {
    const domain = norm(zone.dnsName);
    const sets = recordSets(world, zone.name);
    const zoneSoa = sets.find((r) => r.type === 'SOA' && norm(r.name) === domain);
    const soaRr = soa(domain, zone.nameServers[0] ?? 'ns-cloud-a1.googledomains.com', zoneSoa?.ttl ?? 21600, 'cloud-dns-hostmaster.google.com');
    const answers = [];
    let current = name;
    for (let hops = 0; hops < 8; hops++) {
        if (current === domain && type === 'NS') {
            const nsSet = sets.find((r) => r.type === 'NS' && norm(r.name) === domain);
            const hosts = nsSet?.rrdatas ?? zone.nameServers;
            answers.push(...hosts.map((h) => ({
                name: fqdn(domain),
                type: 'NS',
                ttl: nsSet?.ttl ?? 21600,
                data: fqdn(h),
            })));
            return { rcode: NOERROR, aa: true, answers, authorities: [], additionals: [] };
        }
        if (current === domain && type === 'SOA')
            return { rcode: NOERROR, aa: true, answers: [soaRr], authorities: [], additionals: [] };
        const exact = sets.filter((r) => norm(r.name) === current);
        const wildcard = exact.length
            ? []
            : sets.filter((r) => norm(r.name).startsWith('*.') &&
                current.endsWith(norm(r.name).slice(1)) &&
                current !== norm(r.name).slice(2));
        const found = exact.length ? exact : wildcard;
        const match = found.filter((r) => r.type === type);
        if (match.length) {
            answers.push(...match.flatMap((r) => r.rrdatas.map((d) => ({
                name: fqdn(current),
                type: r.type,
                ttl: r.ttl ?? ttl,
                data: r.type === 'A' ? d : fqdn(d),
            }))));
            return { rcode: NOERROR, aa: true, answers, authorities: [], additionals: [] };
        }
        const cname = found.find((r) => r.type === 'CNAME');
        if (cname && type !== 'CNAME' && cname.rrdatas[0]) {
            const target = norm(cname.rrdatas[0]);
            answers.push({ name: fqdn(current), type: 'CNAME', ttl: cname.ttl ?? ttl, data: fqdn(target) });
            if (!within(target, domain))
                return { rcode: NOERROR, aa: true, answers, authorities: [], additionals: [] };
            current = target;
            continue;
        }
        if (found.length)
            return { rcode: NOERROR, aa: true, answers, authorities: [soaRr], additionals: [] };
        return {
            rcode: answers.length ? NOERROR : NXDOMAIN,
            aa: true,
            answers,
            authorities: [soaRr],
            additionals: [],
        };
    }
    return { rcode: SERVFAIL, aa: false, answers: [], authorities: [], additionals: [] };
}
function sameSet(a, b) {
    const x = new Set(a.map(norm));
    const y = new Set(b.map(norm));
    return x.size === y.size && [...x].every((v) => y.has(v));
}


// EXTERNAL MODULE: ./shared/endpoints.ts
var endpoints = __webpack_require__(57416);
;// CONCATENATED MODULE: ./sandbox/gcp/storage-env.ts

/**
 * The environment that sends the product's storage client and Terraform's own gcs backend to the emulated
 * Cloud Storage. The backend reads `storage_custom_endpoint` from GOOGLE_BACKEND_STORAGE_CUSTOM_ENDPOINT and
 * `access_token` from GOOGLE_OAUTH_ACCESS_TOKEN (hashicorp/terraform internal/backend/remote-state/gcs/backend.go,
 * SDKLikeDefaults); the endpoint is the JSON API's base path, `<url>/storage/v1/`, as the Go client's
 * option.WithEndpoint expects. The token is one the sandbox's OAuth emulator issued to the service account,
 * valid for the sandbox's lifetime (a day), so Terraform never needs to reach Google's token endpoint.
 */
function storageEnv(world) {
    const gcp = world.gcp;
    const url = world.urls.storage;
    return {
        [endpoints/* ENDPOINT_ENV */.iG.storage]: url,
        GOOGLE_BACKEND_STORAGE_CUSTOM_ENDPOINT: `${url}/storage/v1/`,
        GOOGLE_OAUTH_ACCESS_TOKEN: gcp.issueAccessToken(gcp.clientEmail, 86_400).token,
    };
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
;// CONCATENATED MODULE: ./sandbox/vm/docker-state.ts


function dockerStatePath(root) {
    return (0,external_node_path_.join)(root, 'var/lib/docker-standin/state.json');
}
/** Every argv the stand-in docker was called with, in order. */
function dockerInvocations(root) {
    const p = join(dirname(dockerStatePath(root)), 'invocations.log');
    if (!existsSync(p))
        return [];
    return readFileSync(p, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l));
}
function readDockerState(root) {
    const p = dockerStatePath(root);
    if (!(0,external_node_fs_.existsSync)(p))
        return { containers: [], networks: ['bridge', 'host', 'none'] };
    try {
        return JSON.parse((0,external_node_fs_.readFileSync)(p, 'utf8'));
    }
    catch {
        // A write in progress is renamed into place atomically; a parse error means a corrupted file.
        return { containers: [], networks: ['bridge', 'host', 'none'] };
    }
}
function writeDockerState(root, s) {
    const p = dockerStatePath(root);
    (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(p), { recursive: true });
    const tmp = `${p}.${process.pid}.tmp`;
    (0,external_node_fs_.writeFileSync)(tmp, JSON.stringify(s, null, 2));
    (0,external_node_fs_.renameSync)(tmp, p);
}
function hostPath(c, path) {
    for (const v of c.volumes) {
        const [host, inner] = v.split(':');
        if (!host || !inner)
            continue;
        if (path === inner || path.startsWith(inner.endsWith('/') ? inner : `${inner}/`))
            return host + path.slice(inner.length);
    }
    return undefined;
}
function isRunnerContainer(c) {
    return c.command[0] === 'delegate' && c.command.includes('--pool');
}
function isDelegateContainer(c) {
    return c.env.DELEGATE_TOKEN !== undefined || c.env.DELEGATE_NAME !== undefined;
}
/** Mirrors sandbox/vm/bin/runner-health.mjs: what GET /healthz on the runner answers. */
function runnerHealth(c, scenarioHealthy) {
    if (!c.running)
        return { healthy: false, reason: 'container not running' };
    const pool = c.command[c.command.indexOf('--pool') + 1] ?? '';
    const poolHost = pool.startsWith('/') ? hostPath(c, pool) : undefined;
    if (!poolHost || !(0,external_node_fs_.existsSync)(poolHost))
        return { healthy: false, reason: `pool file ${pool} not found in the container` };
    const text = (0,external_node_fs_.readFileSync)(poolHost, 'utf8');
    for (const m of text.matchAll(/json_path:\s*["']?([^"'\n]*)["']?\s*$/gm)) {
        const p = (m[1] ?? '').trim();
        const h = p.startsWith('/') ? hostPath(c, p) : undefined;
        if (!h || !(0,external_node_fs_.existsSync)(h))
            return { healthy: false, reason: `json_path ${p} not found in the container` };
    }
    if (!scenarioHealthy)
        return { healthy: false, reason: 'runner unhealthy (scenario)' };
    return { healthy: true, reason: 'OK' };
}
/** The Docker Engine version the simulated VM runs when the scenario names none. */
const DEFAULT_DOCKER_VERSION = '27.0.0';
function versionAtLeast(version, major, minor) {
    const [a = 0, b = 0] = version.split('.').map((x) => parseInt(x, 10) || 0);
    return a > major || (a === major && b >= minor);
}
/**
 * The names other containers on the same user-defined network resolve to this container (Docker's embedded DNS):
 * its name and its network aliases on every version; its --hostname only from Docker 20.10, which added the
 * hostname as an alias (moby/moby#39204; thaJeztah in moby/moby#42027: "before docker 20.10, hostname was only
 * setting hostname for the container, and it was not used for DNS resolution"). On the default `bridge` network
 * there is no embedded DNS: nothing resolves by name.
 */
function dnsNamesOf(c, dockerVersion) {
    if (['bridge', 'host', 'none'].includes(c.network))
        return [];
    const names = [c.name, ...(c.aliases ?? [])];
    if (c.hostname && versionAtLeast(dockerVersion, 20, 10))
        names.push(c.hostname);
    return names;
}
/** The running container `host` resolves to from a container on `network`, if any. */
function resolveOnNetwork(s, network, host, dockerVersion) {
    return s.containers.find((c) => c.running && c.network === network && dnsNamesOf(c, dockerVersion).includes(host));
}

;// CONCATENATED MODULE: ./sandbox/vm/index.ts






const vm_here = (0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(import.meta.url));
/** Where the stand-in commands live, from the sources or from a bundle (dist/...). */
function standInBinDir() {
    for (const c of [
        (0,external_node_path_.join)(vm_here, 'bin'),
        (0,external_node_path_.join)(vm_here, '..', 'sandbox', 'vm', 'bin'),
        (0,external_node_path_.join)(vm_here, '..', '..', 'sandbox', 'vm', 'bin'),
        (0,external_node_path_.join)(vm_here, 'vm', 'bin'),
    ]) {
        if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(c, 'docker.mjs')))
            return c;
    }
    return (0,external_node_path_.join)(vm_here, 'bin');
}
/**
 * Prepares a VM root with stand-in `docker` and `curl` on PATH and returns the environment a startup script
 * runs with there. Nothing of the host's environment is passed on except what commands need to run.
 */
function prepareVmRoot(opts) {
    const bin = (0,external_node_path_.join)(opts.root, '.standin', 'bin');
    (0,external_node_fs_.mkdirSync)(bin, { recursive: true });
    const src = standInBinDir();
    const wrappers = {
        docker: `#!/bin/sh\nexec '${process.execPath}' '${(0,external_node_path_.join)(src, 'docker.mjs')}' "$@"\n`,
        curl: `#!/bin/sh\nGITSPACES_STANDIN_NODE='${process.execPath}' GITSPACES_STANDIN_DIR='${src}' exec /bin/sh '${(0,external_node_path_.join)(src, 'curl.sh')}' "$@"\n`,
    };
    for (const [cmd, text] of Object.entries(wrappers)) {
        const wrapper = (0,external_node_path_.join)(bin, cmd);
        (0,external_node_fs_.writeFileSync)(wrapper, text);
        (0,external_node_fs_.chmodSync)(wrapper, 0o755);
    }
    const env = {
        PATH: `${bin}:/usr/sbin:/usr/bin:/sbin:/bin`,
        HOME: opts.root,
        LANG: 'C',
        GITSPACES_ROOT: opts.root,
        GITSPACES_POLL_INTERVAL: String(opts.pollIntervalSeconds ?? 0.05),
        GITSPACES_HEALTH_ATTEMPTS: String(opts.healthAttempts ?? 30),
        GITSPACES_SIM_RUNNER_HEALTHY: String(opts.runnerHealthy ?? true),
    };
    if (opts.dockerVersion)
        env.GITSPACES_SIM_DOCKER_VERSION = opts.dockerVersion;
    if (opts.metadataUrl)
        env.GITSPACES_SIM_METADATA_URL = opts.metadataUrl;
    if (opts.metadataDir)
        env.GITSPACES_SIM_METADATA_DIR = opts.metadataDir;
    return env;
}
/** Runs a startup script for real with bash, in its own process group (a VM reset kills all of it). */
function runStartupScript(script, env) {
    const root = env.GITSPACES_ROOT ?? '.';
    const file = (0,external_node_path_.join)(root, '.standin', 'startup-script');
    (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(file), { recursive: true });
    (0,external_node_fs_.writeFileSync)(file, script, { mode: 0o700 });
    const child = (0,external_node_child_process_.spawn)('/bin/bash', [file], {
        env,
        cwd: root,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (d) => (output += d.toString()));
    child.stderr?.on('data', (d) => (output += d.toString()));
    const done = new Promise((resolve) => {
        child.on('error', (e) => resolve({ code: -1, signal: null, output: `${output}\nspawn failed: ${e.message}` }));
        child.on('close', (code, signal) => resolve({ code, signal, output }));
    });
    return { child, done };
}
function killGroup(child) {
    if (!child?.pid || child.exitCode !== null || child.signalCode !== null)
        return;
    try {
        process.kill(-child.pid, 'SIGKILL');
    }
    catch {
        child.kill('SIGKILL');
    }
}
const vm_live = new Set();
let exitHookInstalled = false;
function track(child) {
    vm_live.add(child);
    child.on('close', () => vm_live.delete(child));
    if (!exitHookInstalled) {
        exitHookInstalled = true;
        process.on('exit', () => {
            for (const c of vm_live)
                killGroup(c);
        });
    }
}
/**
 * The simulated VMs. Each booted instance gets a root under world.dir/vm/<project>/<zone>/<name>; on boot
 * (Compute insert with a startup-script, reset, start) the instance's startup-script runs for real with
 * bash there, asynchronously, after scenario.vm.bootMs. The stand-in docker keeps the containers in a file
 * in that root; `runners` and `delegates` are read from those files whenever asked, so the Harness emulator
 * always sees what runs now.
 */
class VmSimulation {
    world;
    machines = new Map();
    constructor(world) {
        this.world = world;
    }
    get runners() {
        const out = [];
        for (const m of this.machines.values()) {
            for (const c of readDockerState(m.root).containers) {
                if (!c.running || !isRunnerContainer(c))
                    continue;
                const pool = c.command[c.command.indexOf('--pool') + 1] ?? '';
                const health = runnerHealth(c, this.world.scenario.vm.runnerHealthy);
                out.push({
                    instance: m.path,
                    image: c.image,
                    healthy: health.healthy,
                    poolFile: pool,
                    healthReason: health.reason,
                });
            }
        }
        return out;
    }
    get delegates() {
        const out = [];
        const version = this.world.scenario.vm.dockerVersion || DEFAULT_DOCKER_VERSION;
        for (const m of this.machines.values()) {
            const state = readDockerState(m.root);
            for (const c of state.containers) {
                if (!c.running || !isDelegateContainer(c))
                    continue;
                let host = '';
                try {
                    host = new URL(c.env.RUNNER_URL ?? '').hostname;
                }
                catch {
                    // no usable RUNNER_URL: reaches nothing
                }
                const target = host ? resolveOnNetwork(state, c.network, host, version) : undefined;
                out.push({
                    instance: m.path,
                    name: c.env.DELEGATE_NAME ?? c.name,
                    image: c.image,
                    accountId: c.env.ACCOUNT_ID ?? '',
                    token: c.env.DELEGATE_TOKEN ?? '',
                    tags: (c.env.DELEGATE_TAGS ?? '')
                        .split(',')
                        .map((t) => t.trim())
                        .filter(Boolean),
                    managerUrl: c.env.MANAGER_HOST_AND_PORT ?? '',
                    runnerUrl: c.env.RUNNER_URL ?? '',
                    reachesRunner: !!target && isRunnerContainer(target),
                    startedAt: c.startedAt,
                });
            }
        }
        return out;
    }
    serialOutput(instancePath) {
        return this.machines.get(instancePath)?.serial ?? '';
    }
    machine(instancePath) {
        const m = this.machines.get(instancePath);
        return m
            ? { path: m.path, root: m.root, boots: m.boots, booting: m.booting, lastExit: m.lastExit, log: m.log }
            : undefined;
    }
    /** Resolves once no instance is booting (tests use it before reading the VM's files). */
    async whenIdle() {
        await Promise.all([...this.machines.values()]
            .filter((m) => m.booting)
            .map((m) => new Promise((resolve) => m.idleWaiters.push(resolve))));
    }
    onBoot(instance) {
        const path = `projects/${instance.project}/zones/${instance.zone}/instances/${instance.name}`;
        let m = this.machines.get(path);
        if (!m) {
            m = {
                path,
                root: (0,external_node_path_.join)(this.world.dir, 'vm', instance.project, instance.zone, instance.name),
                boots: 0,
                generation: 0,
                booting: false,
                log: '',
                serial: '',
                idleWaiters: [],
            };
            (0,external_node_fs_.mkdirSync)(m.root, { recursive: true });
            this.machines.set(path, m);
        }
        const machine = m;
        // The VM goes down: the running script dies, every container stops.
        machine.generation++;
        const generation = machine.generation;
        if (machine.timer)
            clearTimeout(machine.timer);
        killGroup(machine.child);
        machine.child = undefined;
        const state = readDockerState(machine.root);
        for (const c of state.containers)
            c.running = false;
        writeDockerState(machine.root, state);
        machine.booting = true;
        machine.boots++;
        const script = instance.metadata['startup-script'];
        const bootMs = Math.max(0, this.world.scenario.vm.bootMs);
        machine.timer = setTimeout(() => {
            if (generation !== machine.generation)
                return;
            machine.timer = undefined;
            // The sandbox stopped meanwhile (its directory is gone): the VM never comes up.
            if (!(0,external_node_fs_.existsSync)(machine.root))
                return this.finish(machine, generation, null);
            // The Docker daemon starts again and restarts containers per their restart policy.
            const s = readDockerState(machine.root);
            for (const c of s.containers) {
                if ((c.restart === 'always' || c.restart === 'unless-stopped') && !c.stoppedByUser) {
                    c.running = true;
                    c.startedAt = Date.now();
                }
            }
            writeDockerState(machine.root, s);
            this.note(machine, `boot ${machine.boots}: ${script ? 'running startup-script' : 'no startup-script'}`);
            if (!script)
                return this.finish(machine, generation, null);
            const metadataBase = this.world.urls.metadata;
            if (!metadataBase)
                this.note(machine, 'no metadata server in this sandbox: the script cannot read its attributes');
            const env = prepareVmRoot({
                root: machine.root,
                metadataUrl: metadataBase
                    ? `${metadataBase.replace(/\/+$/, '')}/vm/${instance.project}/${instance.zone}/${instance.name}`
                    : undefined,
                runnerHealthy: this.world.scenario.vm.runnerHealthy,
                dockerVersion: this.world.scenario.vm.dockerVersion,
            });
            const run = runStartupScript(script, env);
            this.serialLines(machine, generation, run.child, instance.name);
            machine.child = run.child;
            track(run.child);
            run.child.unref();
            void run.done.then((r) => {
                if (generation !== machine.generation)
                    return;
                (0,external_node_fs_.appendFileSync)((0,external_node_path_.join)(machine.root, '.standin', 'startup-script.log'), r.output);
                this.note(machine, `${r.output}startup-script exited ${r.code ?? r.signal}`);
                this.finish(machine, generation, r.code);
            });
        }, bootMs);
        machine.timer.unref?.();
    }
    /**
     * Copies the script's output to serial port 1 as it comes, line by line, the way google_metadata_script_runner
     * logs startup-script output to the serial console (`<time> <host> google_metadata_script_runner[pid]:
     * startup-script: <line>`; Compute Engine, "View startup script output": serial port 1).
     */
    serialLines(m, generation, child, host) {
        let partial = '';
        const onData = (d) => {
            if (generation !== m.generation)
                return;
            const lines = (partial + d.toString()).split('\n');
            partial = lines.pop() ?? '';
            for (const line of lines)
                m.serial += `${new Date().toISOString()} ${host} google_metadata_script_runner[${child.pid ?? 0}]: startup-script: ${line}\n`;
        };
        child.stdout?.on('data', onData);
        child.stderr?.on('data', onData);
    }
    note(m, text) {
        m.log += text.endsWith('\n') ? text : `${text}\n`;
    }
    finish(m, generation, code) {
        if (generation !== m.generation)
            return;
        m.booting = false;
        m.lastExit = code;
        m.child = undefined;
        for (const w of m.idleWaiters.splice(0))
            w();
    }
}
function createVmState(world) {
    return new VmSimulation(world);
}

;// CONCATENATED MODULE: ./sandbox/module/locate.ts



/**
 * The directory holding the stand-in module's generations (`v0.0.3/`, `post-0.0.3/`): next to this file when
 * running from the sources, `dist/sandbox/module` when running from the bundle (the build copies it there).
 */
function standInModuleDir() {
    const here = (0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(import.meta.url));
    const candidates = [
        here,
        (0,external_node_path_.join)(here, 'sandbox', 'module'),
        (0,external_node_path_.join)(here, '..', 'sandbox', 'module'),
        (0,external_node_path_.join)(here, '..', '..', 'sandbox', 'module'),
        (0,external_node_path_.join)(here, '..', 'dist', 'sandbox', 'module'),
        (0,external_node_path_.join)(process.cwd(), 'dist', 'sandbox', 'module'),
        (0,external_node_path_.join)(process.cwd(), 'sandbox', 'module'),
    ];
    const found = candidates.find((d) => (0,external_node_fs_.existsSync)((0,external_node_path_.join)(d, 'v0.0.3', 'main.tf')) && (0,external_node_fs_.existsSync)((0,external_node_path_.join)(d, 'post-0.0.3', 'main.tf')));
    if (!found)
        throw new Error(`The stand-in Terraform module was not found (looked in ${candidates.join(', ')})`);
    return (0,external_node_path_.resolve)(found);
}

// EXTERNAL MODULE: external "node:module"
var external_node_module_ = __webpack_require__(98995);
;// CONCATENATED MODULE: ./sandbox/provider/files.ts



/**
 * The provider's data files (proto/, schemas/): next to this file in the sources; in the bundle, the build
 * copies sandbox/provider/{proto,schemas} next to the provider's entry (dist/sandbox/provider/). A provider bundled
 * elsewhere (install.ts builds one into the sandbox's directory) is told where they are by PROVIDER_DATA_ENV.
 */
const PROVIDER_DATA_ENV = 'GITSPACES_PROVIDER_DATA';
function providerDataDir() {
    const here = dirname(fileURLToPath(import.meta.url));
    const candidates = [
        ...(process.env[PROVIDER_DATA_ENV] ? [process.env[PROVIDER_DATA_ENV]] : []),
        here,
        join(here, 'sandbox', 'provider'),
        join(here, '..', 'sandbox', 'provider'),
        join(here, '..', '..', 'sandbox', 'provider'),
    ];
    const found = candidates.find((d) => existsSync(join(d, 'proto', 'tfplugin6.8.proto')) && existsSync(join(d, 'schemas')));
    if (!found)
        throw new Error(`The stand-in provider's proto/ and schemas/ were not found (looked in ${candidates.join(', ')})`);
    return found;
}
function readSchemaFile(name) {
    return JSON.parse(readFileSync(join(providerDataDir(), 'schemas', name), 'utf8'));
}

;// CONCATENATED MODULE: ./sandbox/provider/install.ts






/**
 * Makes Terraform use the stand-in providers, for the sandbox only: an unpacked filesystem mirror
 * (`<dir>/registry.terraform.io/hashicorp/<type>/<version>/<os>_<arch>/terraform-provider-<type>_v<version>`,
 * the layout Terraform's provider installation docs give) holding a small executable that starts this
 * provider, and a CLI configuration whose provider_installation takes those two providers from the mirror
 * only. `terraform init` then installs them offline, records them in .terraform.lock.hcl, and plan and apply
 * launch them as they would launch the real ones. Nothing else is touched: the real providers are used
 * wherever this CLI configuration is not.
 */
const STAND_IN_PROVIDERS = [
    { type: 'google', version: '6.50.0' },
    { type: 'null', version: '3.2.4' },
];
function terraformPlatform() {
    const os = process.platform === 'win32' ? 'windows' : process.platform;
    const arch = process.arch === 'x64' ? 'amd64' : process.arch === 'ia32' ? '386' : process.arch;
    return `${os}_${arch}`;
}
/** The provider's sources, for the bundle's cache key. */
function sourceFiles(here) {
    const out = [(0,external_node_path_.join)(here, '..', '..', 'shared', 'endpoints.ts')];
    const walk = (d) => {
        for (const e of (0,external_node_fs_.readdirSync)(d, { withFileTypes: true }))
            if (e.isDirectory())
                walk((0,external_node_path_.join)(d, e.name));
            else if (e.name.endsWith('.ts'))
                out.push((0,external_node_path_.join)(d, e.name));
    };
    walk(here);
    return out.sort();
}
/**
 * From the sources, the provider is bundled once with esbuild (a development dependency) into
 * node_modules/.cache, keyed by the sources' hash: node then starts it in about a third of the time tsx needs
 * to start the TypeScript, which Terraform pays at every launch (several per plan).
 */
function bundleFromSources(here) {
    // A require of our own (named so that no bundler takes it for its own): esbuild is a development dependency.
    const load = (0,external_node_module_.createRequire)((0,external_node_path_.join)(here, 'install.ts'));
    let esbuild;
    try {
        esbuild = load('esbuild');
    }
    catch {
        return undefined;
    }
    const hash = (0,external_node_crypto_.createHash)('sha256');
    for (const f of sourceFiles(here))
        hash.update(f).update((0,external_node_fs_.readFileSync)(f));
    const cacheDir = (0,external_node_path_.join)(here, '..', '..', 'node_modules', '.cache', 'gitspaces-provider');
    const out = (0,external_node_path_.join)(cacheDir, `provider-${hash.digest('hex').slice(0, 16)}.mjs`);
    if ((0,external_node_fs_.existsSync)(out))
        return out;
    (0,external_node_fs_.mkdirSync)(cacheDir, { recursive: true });
    const tmp = `${out}.${process.pid}.tmp`;
    esbuild.buildSync({
        entryPoints: [(0,external_node_path_.join)(here, 'main.ts')],
        bundle: true,
        platform: 'node',
        format: 'esm',
        outfile: tmp,
        logLevel: 'error',
        // grpc-js and its peers are CommonJS: give the ESM bundle a require.
        banner: {
            js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
        },
    });
    (0,external_node_fs_.renameSync)(tmp, out);
    // Earlier builds of other sources are not needed any more.
    for (const f of (0,external_node_fs_.readdirSync)(cacheDir))
        if (f.endsWith('.mjs') && (0,external_node_path_.join)(cacheDir, f) !== out)
            (0,external_node_fs_.rmSync)((0,external_node_path_.join)(cacheDir, f), { force: true });
    return out;
}
/** How to start the provider: the bundle's own entry (dist), else a bundle of the sources, else tsx. */
function launchCommand() {
    const here = (0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(import.meta.url));
    // The bundle: dist/sandbox/provider/provider.js, next to dist/lib where this code then runs from.
    const shipped = [
        (0,external_node_path_.join)(here, 'provider.js'),
        (0,external_node_path_.join)(here, 'sandbox', 'provider', 'provider.js'),
        (0,external_node_path_.join)(here, '..', 'sandbox', 'provider', 'provider.js'),
    ].find(external_node_fs_.existsSync);
    if (shipped)
        return { argv: [process.execPath, shipped], env: {} };
    // The sources: next to this file, or (this code bundled elsewhere, as the tests' CLI bundle under
    // node_modules/) in the repository it came from.
    const candidates = [
        here,
        (0,external_node_path_.join)(here, '..', '..', 'sandbox', 'provider'),
        (0,external_node_path_.join)(process.cwd(), 'sandbox', 'provider'),
    ];
    const src = candidates.find((d) => (0,external_node_fs_.existsSync)((0,external_node_path_.join)(d, 'main.ts')));
    if (!src)
        throw new Error(`The stand-in Terraform provider was not found: neither a built dist/sandbox/provider/provider.js nor its sources (looked in ${candidates.join(', ')})`);
    const bundled = bundleFromSources(src);
    if (bundled)
        return { argv: [process.execPath, bundled], env: { [PROVIDER_DATA_ENV]: src } };
    const tsx = (0,external_node_path_.join)((0,external_node_path_.dirname)((0,external_node_module_.createRequire)((0,external_node_path_.join)(src, 'install.ts')).resolve('tsx/package.json')), 'dist', 'loader.mjs');
    return { argv: [process.execPath, '--import', tsx, (0,external_node_path_.join)(src, 'main.ts')], env: {} };
}
const shQuote = (s) => `'${s.replace(/'/g, `'\\''`)}'`;
function installStandInProviders(dir) {
    const mirrorDir = (0,external_node_path_.join)(dir, 'provider-mirror');
    const launch = launchCommand();
    for (const p of STAND_IN_PROVIDERS) {
        const pkg = (0,external_node_path_.join)(mirrorDir, 'registry.terraform.io', 'hashicorp', p.type, p.version, terraformPlatform());
        (0,external_node_fs_.mkdirSync)(pkg, { recursive: true });
        const exe = (0,external_node_path_.join)(pkg, `terraform-provider-${p.type}_v${p.version}`);
        const env = Object.entries(launch.env)
            .map(([k, v]) => `${k}=${shQuote(v)} `)
            .join('');
        (0,external_node_fs_.writeFileSync)(exe, `#!/bin/sh\n# The sandbox's stand-in for hashicorp/${p.type} (sandbox/provider).\n${env ? `export ${env}\n` : ''}exec ${[...launch.argv, p.type].map(shQuote).join(' ')} "$@"\n`);
        (0,external_node_fs_.chmodSync)(exe, 0o755);
    }
    const cliConfigFile = (0,external_node_path_.join)(dir, 'terraform.rc');
    const sources = STAND_IN_PROVIDERS.map((p) => `"registry.terraform.io/hashicorp/${p.type}"`).join(', ');
    (0,external_node_fs_.writeFileSync)(cliConfigFile, [
        '# Written by the gitspaces sandbox: the google and null providers come from its stand-in mirror, nothing',
        '# from the network.',
        'provider_installation {',
        `  filesystem_mirror {`,
        `    path    = ${JSON.stringify(mirrorDir)}`,
        `    include = [${sources}]`,
        '  }',
        '  direct {',
        `    exclude = [${sources}]`,
        '  }',
        '}',
        '',
    ].join('\n'));
    return { mirrorDir, cliConfigFile };
}

;// CONCATENATED MODULE: ./sandbox/index.ts














/** Starts every emulator on 127.0.0.1 with the scenario's world. */
async function startSandbox(opts = {}) {
    const scenario = (0,sandbox_scenario/* loadScenario */.df)(opts.scenario ?? 'healthy');
    const dir = createScratchDir(opts.keepDir);
    const journal = new Journal();
    const faults = new Faults(scenario.faults, scenario.seed, scenario.requestLatencyMs);
    const world = { scenario, journal, faults, dir, urls: {} };
    world.gcp = createGcpState(world);
    world.harness = createHarnessState(world);
    world.vm = createVmState(world);
    world.github = createGithubState(world);
    const services = [];
    const closers = [];
    services.push(...(await startGcp(world)));
    services.push(...(await startHarness(world)));
    services.push(...(await startGithub(world)));
    const dns = await startDns(world);
    closers.push(dns.close);
    const control = await startControl(journal);
    services.push(control);
    const secrets = {
        harnessApiKey: world.harness.apiKey,
        harnessViewApiKey: world.harness.viewApiKey,
        githubToken: world.github.token,
        githubUserToken: world.github.userToken,
        githubReadOnlyToken: world.github.readOnlyToken,
        serviceAccountPrivateKey: world.gcp.privateKeyPem,
    };
    const env = {
        [endpoints/* ENDPOINT_ENV */.iG.googleTokenUrl]: `${world.urls.oauth}/token`,
        [endpoints/* ENDPOINT_ENV */.iG.serviceUsage]: world.urls.serviceusage,
        [endpoints/* ENDPOINT_ENV */.iG.resourceManager]: world.urls.resourcemanager,
        [endpoints/* ENDPOINT_ENV */.iG.iam]: world.urls.iam,
        [endpoints/* ENDPOINT_ENV */.iG.compute]: world.urls.compute,
        [endpoints/* ENDPOINT_ENV */.iG.cloudDns]: world.urls.clouddns,
        [endpoints/* ENDPOINT_ENV */.iG.certificateManager]: world.urls.certificatemanager,
        [endpoints/* ENDPOINT_ENV */.iG.harness]: world.urls.harness,
        [endpoints/* ENDPOINT_ENV */.iG.github]: world.urls.github,
        [endpoints/* ENDPOINT_ENV */.iG.dnsResolvers]: world.urls.dns,
        [endpoints/* ENDPOINT_ENV */.iG.dnsAuthoritativeOverride]: world.urls.dns,
        // Not read by the bundle: for checks in other processes that assert on the journal (core/control.ts).
        GITSPACES_SANDBOX_CONTROL_URL: control.url,
        GOOGLE_APPLICATION_CREDENTIALS: world.gcp.keyFile,
        HARNESS_API_KEY: world.harness.apiKey,
        GITHUB_TOKEN: world.github.token,
        GITHUB_REPOSITORY: scenario.github.repository,
        // The merge commit of the scenario's pull request: a push event with this GITHUB_SHA has a pull request
        // (commits/{sha}/pulls), any other sha has none.
        GITHUB_SHA: world.github.pullCommits.get(`${scenario.github.repository}#${scenario.github.pullRequest}`)
            ?.mergeCommitSha,
        // Another user's token (not read by the bundle): for checks that forge a comment the workflow did not write.
        // A Harness key that may only view (not read by the bundle): the preview job's key in least-privilege checks.
        GITSPACES_SANDBOX_HARNESS_VIEW_KEY: world.harness.viewApiKey,
        GITSPACES_SANDBOX_GITHUB_USER_TOKEN: world.github.userToken,
        // The workflow's token of a fork's pull request (read-only: writes answer 403), for fork scenarios.
        GITSPACES_SANDBOX_GITHUB_READONLY_TOKEN: world.github.readOnlyToken,
        // The stand-in Terraform module, as a module mirror (one directory per generation); a CLI config of our own
        // (no ~/.terraformrc leaks in) that takes hashicorp/google and hashicorp/null from the stand-in providers.
        GITSPACES_TF_MODULE_MIRROR: standInModuleDir(),
        TF_CLI_CONFIG_FILE: installStandInProviders(dir).cliConfigFile,
        CHECKPOINT_DISABLE: '1',
        GITSPACES_TF_PROVIDERS: 'none',
        ...storageEnv(world),
    };
    return {
        scenario,
        world,
        journal,
        faults,
        holds: faults.holds,
        urls: world.urls,
        env,
        secrets,
        files: {
            serviceAccountKey: world.gcp.keyFile,
            externalAccount: world.gcp.externalAccountFile ?? '',
        },
        dir,
        async stop() {
            await Promise.all([...services.map((s) => s.close()), ...closers.map((c) => c())]);
            releaseScratchDir(dir, opts.keepDir);
        },
    };
}


/***/ }),

/***/ 7695:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  aG: () => (/* binding */ gatewayDelayMs),
  Zd: () => (/* binding */ gatewayStuck),
  df: () => (/* binding */ loadScenario),
  zb: () => (/* binding */ mergeScenario),
  scenariosDir: () => (/* binding */ scenariosDir)
});

// UNUSED EXPORTS: HEALTHY

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./sandbox/latency/profile.ts
/**
 * The realistic latency profile: how long each long operation the pipeline waits for takes on the real services,
 * in real milliseconds, each with where the figure comes from. A scenario with `latency: realistic` takes these
 * durations multiplied by its `timeScale` (default 0.01: a 30-minute certificate takes 18 s), so a whole run
 * keeps the real proportions and still takes seconds. docs/sandbox.md ("Latency profile") is the reader's version.
 *
 * `value` is the figure the sandbox uses; `range` is the published or documented range it was taken from; `source`
 * names the page (or the code) that says so. A figure marked `estimate` has no published number: it is a
 * conservative reading of what the source does say, and the docs list it as such.
 */
const S = 1000;
const MIN = 60 * S;
/** Every long operation the sandbox times, real durations. */
const REALISTIC = {
    /**
     * One request's round trip to a real API, read or write (its answer, not the operation it starts): every
     * emulated HTTP service and the DNS resolver add it to each request. Runs make hundreds of them one after
     * another (a Terraform refresh walks the module's graph in dependency order), which loopback hides.
     */
    request: {
        value: 100,
        range: [30, 500],
        source: 'Google Cloud Platform blog (googlecloudplatform.blogspot.com), on isolating App Engine latency with curl: a trivial request to the nearest Google front end took 98 ms to connect and 144 ms in all; no published figure for an API call: our reading, about 100 ms for a read from a CI runner, more across continents',
        estimate: true,
    },
    /** A Compute long-running operation that is not an instance or a group (addresses, firewalls, backend services, forwarding rules, health checks). */
    computeOperation: {
        value: 15 * S,
        range: [5 * S, 60 * S],
        source: "Compute API operations are asynchronous (an Operation RUNNING until DONE); no published duration: our reading, seconds for network resources, with the google provider's 20m default create timeout as the bound it tolerates",
        estimate: true,
    },
    /** instances.insert until the operation is DONE (the VM is RUNNING). */
    instanceInsert: {
        value: 30 * S,
        range: [10 * S, 90 * S],
        source: 'https://cloud.google.com/compute/docs/instances/creating-and-starting-an-instance ("Compute Engine automatically starts the instance after you create it"; creation is limited to 20 instances per second); no published duration: tens of seconds is the common observation (issue 18)',
        estimate: true,
    },
    /** instanceGroupManagers.insert until the operation is DONE (the group has created its instances). */
    instanceGroupInsert: {
        value: 2 * MIN,
        range: [1 * MIN, 5 * MIN],
        source: 'https://cloud.google.com/compute/docs/instance-groups/creating-groups-of-managed-instances (the MIG creates each of its instances from the template, so at least one instance creation, above, plus the group); no published duration: minutes (issue 18)',
        estimate: true,
    },
    /** A Cloud DNS change (the zone\'s records) until `done`. */
    dnsChange: {
        value: 10 * S,
        range: [1 * S, 60 * S],
        source: 'Cloud DNS changes.create answers a Change `pending` until it is `done` (https://cloud.google.com/dns/docs/reference/rest/v1/changes); no published duration: our reading, seconds',
        estimate: true,
    },
    /** Certificate Manager: a Google-managed certificate with DNS authorization, from creation to ACTIVE. */
    certificateActive: {
        value: 30 * MIN,
        range: [5 * MIN, 60 * MIN],
        source: 'https://cloud.google.com/certificate-manager/docs/troubleshooting ("Provisioning a Google-managed certificate can take up to 60 minutes after your DNS and load balancer configuration changes propagate"); GKE\'s managed-certificate guides give 30 to 60 minutes with a correct configuration',
    },
    /** The runner VM\'s startup script: Docker installed, the runner and delegate images pulled and started. */
    runnerBoot: {
        value: 90 * S,
        range: [45 * S, 5 * MIN],
        source: "docs/domain.md (the runner VM installs Docker and pulls the runner and delegate images on boot); install-runner's runner-timeout default of 10m is the upper bound we wait for",
        estimate: true,
    },
    /** From runner and delegate up to the gateway reporting healthy in Harness. */
    gatewayHealthy: {
        value: 4 * MIN,
        range: [3 * MIN, 5 * MIN],
        source: 'Harness UI strings (`waitingMessage`, harness/harness-ui): connecting the gateway takes "about 3-5 minutes"; install-runner\'s GW-101 fix says the same',
    },
    /** A gitspace from the start action to `running` (provisioning through the gateway, then the agent\'s setup). */
    gitspaceStart: {
        value: 3 * MIN,
        range: [1 * MIN, 60 * MIN],
        source: 'harness/harness types/config.go: GITNESS_INFRA_TIMEOUT_IN_MINS=60 is the upper bound the control plane allows; Harness publishes no typical figure (a VM from the machine template, then the devcontainer image pull)',
        estimate: true,
    },
};
const DEFAULT_TIME_SCALE = 0.01;
/** A real duration scaled for the sandbox (never below 1 ms, so order is kept). */
function scaled(ms, timeScale) {
    return Math.max(1, Math.round(ms * timeScale));
}
/** Number of gitspace states the emulator steps through to `running` (sandbox/harness/routes/gitspace-actions.ts). */
const GITSPACE_START_STEPS = 4;
/** The scenario fields the profile sets, scaled. Explicit fields of the same scenario win over these. */
function latencyOverrides(timeScale) {
    const p = REALISTIC;
    const t = (f) => scaled(f.value, timeScale);
    return {
        requestLatencyMs: t(p.request),
        gcp: {
            operationMs: t(p.computeOperation),
            operationMsByCollection: {
                instances: t(p.instanceInsert),
                instanceGroupManagers: t(p.instanceGroupInsert),
                regionInstanceGroupManagers: t(p.instanceGroupInsert),
                changes: t(p.dnsChange),
            },
            certificates: { activeAfterMs: t(p.certificateActive) },
        },
        harness: {
            gatewayHealthyAfterMs: t(p.gatewayHealthy),
            gitspaceStepMs: Math.max(1, Math.round(t(p.gitspaceStart) / GITSPACE_START_STEPS)),
        },
        vm: { bootMs: t(p.runnerBoot) },
    };
}

;// CONCATENATED MODULE: ./sandbox/scenario.ts





const HEALTHY = {
    name: 'healthy',
    description: 'A project ready for Gitspaces: APIs on, Owner key valid, domain delegated, account flag on.',
    expectFailures: [],
    seed: 1,
    faults: [],
    requestLatencyMs: 0,
    gcp: {
        projectId: 'acme-gitspaces',
        projectNumber: '123456789012',
        enabledApis: [
            'cloudresourcemanager.googleapis.com',
            'compute.googleapis.com',
            'certificatemanager.googleapis.com',
            'iam.googleapis.com',
            'dns.googleapis.com',
            'redis.googleapis.com',
            'serviceusage.googleapis.com',
        ],
        enableOperationMs: 300,
        enablePropagationMs: 500,
        serviceAccount: {
            email: 'gitspaces-admin@acme-gitspaces.iam.gserviceaccount.com',
            keyState: 'active',
            keyAgeDays: 10,
        },
        bindings: {
            'roles/owner': [
                'serviceAccount:gitspaces-admin@acme-gitspaces.iam.gserviceaccount.com',
                'user:admin@acme.dev',
            ],
        },
        permissions: 'all',
        canReadOrgPolicy: true,
        orgPolicies: {},
        projectQuotas: { CPUS_ALL_REGIONS: { limit: 96, usage: 4 } },
        regions: {
            'us-central1': {
                zones: ['us-central1-a', 'us-central1-b', 'us-central1-c', 'us-central1-f'],
                quotas: {
                    CPUS: { limit: 72, usage: 4 },
                    N2_CPUS: { limit: 24, usage: 0 },
                    N2D_CPUS: { limit: 24, usage: 0 },
                    C2_CPUS: { limit: 24, usage: 0 },
                    C3_CPUS: { limit: 24, usage: 0 },
                    IN_USE_ADDRESSES: { limit: 8, usage: 0 },
                    STATIC_ADDRESSES: { limit: 8, usage: 0 },
                    INSTANCE_GROUPS: { limit: 100, usage: 0 },
                    INSTANCE_GROUP_MANAGERS: { limit: 100, usage: 0 },
                    DISKS_TOTAL_GB: { limit: 4096, usage: 100 },
                    SSD_TOTAL_GB: { limit: 500, usage: 0 },
                },
            },
            'europe-west1': {
                zones: ['europe-west1-b', 'europe-west1-c', 'europe-west1-d'],
                quotas: {
                    CPUS: { limit: 24, usage: 0 },
                    N2_CPUS: { limit: 24, usage: 0 },
                    N2D_CPUS: { limit: 24, usage: 0 },
                    C2_CPUS: { limit: 24, usage: 0 },
                    C3_CPUS: { limit: 24, usage: 0 },
                    IN_USE_ADDRESSES: { limit: 8, usage: 0 },
                    STATIC_ADDRESSES: { limit: 8, usage: 0 },
                    INSTANCE_GROUPS: { limit: 100, usage: 0 },
                    INSTANCE_GROUP_MANAGERS: { limit: 100, usage: 0 },
                    DISKS_TOTAL_GB: { limit: 4096, usage: 0 },
                    SSD_TOTAL_GB: { limit: 500, usage: 0 },
                },
            },
        },
        images: [
            {
                path: 'projects/ubuntu-os-cloud/global/images/ubuntu-2204-jammy-v20250112',
                family: 'ubuntu-2204-lts',
                ubuntu: true,
            },
            {
                path: 'projects/ubuntu-os-cloud/global/images/ubuntu-2004-focal-v20250213',
                family: 'ubuntu-2004-lts',
                ubuntu: true,
            },
            {
                path: 'projects/debian-cloud/global/images/debian-11-bullseye-v20250123',
                family: 'debian-11',
                ubuntu: false,
            },
        ],
        subnetworks: [
            { region: 'us-central1', name: 'default', network: 'default', ipCidrRange: '10.128.0.0/20' },
        ],
        managedZones: [],
        certificates: { finalState: 'ACTIVE', activeAfterMs: 300, needsDelegation: true },
    },
    dns: {
        parentZone: 'acme.dev',
        domain: 'gitspaces.acme.dev',
        parentNameServers: ['ns1.acme.dev', 'ns2.acme.dev'],
        delegated: true,
        wrongNameServers: [],
        resolversUpdated: true,
        ttlSeconds: 300,
    },
    harness: {
        accountId: 'AbCdEfGhIjKlMnOpQrStUv',
        org: 'default',
        projects: ['platform'],
        keyScope: 'account',
        hybridEnabled: true,
        gatewayVersion: '1.16.0',
        gatewayHealthyAfterMs: 300,
        gatewayStuckUnhealthy: false,
        gitspaceStepMs: 100,
        gitspaceStartFails: false,
        existingInfra: false,
    },
    vm: { runnerHealthy: true, delegateConnects: true, bootMs: 100 },
    github: { repository: 'acme/platform-infra', pullRequest: 7, existingComments: 0 },
};
/** Deep merge for plain objects; arrays and scalars in the override replace the base. */
function mergeScenario(base, override) {
    if (override === undefined)
        return structuredClone(base);
    if (Array.isArray(base) || typeof base !== 'object' || base === null)
        return structuredClone(override);
    const out = structuredClone(base);
    for (const [k, v] of Object.entries(override)) {
        const b = base[k];
        out[k] =
            v && typeof v === 'object' && !Array.isArray(v) && b && typeof b === 'object' && !Array.isArray(b)
                ? mergeScenario(b, v)
                : structuredClone(v);
    }
    return out;
}
const here = (0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(import.meta.url));
/** Where the named scenarios live, whether running from sources or from the bundle (dist/sandbox/scenarios). */
function scenariosDir() {
    for (const candidate of [
        (0,external_node_path_.join)(here, 'scenarios'),
        (0,external_node_path_.join)(here, '..', 'sandbox', 'scenarios'),
        (0,external_node_path_.join)(here, '..', '..', 'sandbox', 'scenarios'),
    ]) {
        if ((0,external_node_fs_.existsSync)(candidate))
            return candidate;
    }
    return (0,external_node_path_.join)(here, 'scenarios');
}
/**
 * The base a scenario's fields are merged over: the healthy project, with the realistic latency profile's
 * durations when the scenario asks for it (so that its own explicit fields still win).
 */
function baseFor(override) {
    if (override.latency === undefined)
        return HEALTHY;
    if (override.latency !== 'realistic')
        throw new Error(`Scenario latency: "${String(override.latency)}" is not a profile; use latency: realistic`);
    const timeScale = override.timeScale ?? DEFAULT_TIME_SCALE;
    if (!(typeof timeScale === 'number' && timeScale > 0 && timeScale <= 1))
        throw new Error(`Scenario timeScale: ${String(override.timeScale)} is not a factor in (0, 1]; use e.g. timeScale: 0.01`);
    return mergeScenario(HEALTHY, { ...latencyOverrides(timeScale), latency: 'realistic', timeScale });
}
/** A scenario by name (sandbox/scenarios/<name>.yaml), from a file path, or an object of overrides. */
function loadScenario(nameOrPath = 'healthy') {
    if (typeof nameOrPath !== 'string')
        return checkGatewayRegions(mergeScenario(baseFor(nameOrPath), nameOrPath));
    if (nameOrPath === 'healthy')
        return structuredClone(HEALTHY);
    const byName = (0,external_node_path_.join)(scenariosDir(), `${nameOrPath}.yaml`);
    const path = (0,external_node_fs_.existsSync)(byName) ? byName : (0,external_node_path_.resolve)(nameOrPath);
    if (!(0,external_node_fs_.existsSync)(path))
        throw new Error(`Unknown scenario "${nameOrPath}": not in ${scenariosDir()} and not a file`);
    const raw = (0,dist.parse)((0,external_node_fs_.readFileSync)(path, 'utf8'));
    return checkGatewayRegions(mergeScenario(baseFor(raw), { name: nameOrPath, ...raw }));
}
/**
 * The per-region gateway fields name regions of the world (`gcp.regions`), with delays in ms >= 0: a region
 * misspelt would otherwise leave its gateway on the default schedule without a word.
 */
function checkGatewayRegions(s) {
    const known = Object.keys(s.gcp.regions);
    const h = s.harness;
    const named = [
        ...Object.keys(h.gatewayHealthyAfterMsByRegion ?? {}).map((r) => ['gatewayHealthyAfterMsByRegion', r]),
        ...(Array.isArray(h.gatewayStuckUnhealthy) ? h.gatewayStuckUnhealthy : []).map((r) => [
            'gatewayStuckUnhealthy',
            r,
        ]),
    ];
    for (const [field, region] of named)
        if (!known.includes(region))
            throw new Error(`Scenario harness.${field}: "${region}" is not a region of the world; use one of gcp.regions (${known.join(', ')})`);
    for (const [region, ms] of Object.entries(h.gatewayHealthyAfterMsByRegion ?? {}))
        if (!(typeof ms === 'number' && ms >= 0))
            throw new Error(`Scenario harness.gatewayHealthyAfterMsByRegion.${region}: ${String(ms)} is not a duration; use milliseconds >= 0, e.g. 5000`);
    return s;
}
/**
 * How long after its conditions hold a region's gateway reports healthy, in the sandbox's (scaled) milliseconds:
 * the region's own `gatewayHealthyAfterMsByRegion` (a real duration under `latency: realistic`, so scaled by
 * `timeScale` like the profile's figures), else `gatewayHealthyAfterMs` (already the scaled profile figure, or
 * what the scenario set).
 */
function gatewayDelayMs(s, region) {
    const own = s.harness.gatewayHealthyAfterMsByRegion?.[region];
    if (own === undefined)
        return s.harness.gatewayHealthyAfterMs;
    return s.latency === 'realistic' ? scaled(own, s.timeScale ?? DEFAULT_TIME_SCALE) : own;
}
/** Whether the scenario keeps a region's gateway unhealthy for good. */
function gatewayStuck(s, region) {
    const stuck = s.harness.gatewayStuckUnhealthy;
    return stuck === true || (Array.isArray(stuck) && stuck.includes(region));
}


/***/ }),

/***/ 57416:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   iG: () => (/* binding */ ENDPOINT_ENV),
/* harmony export */   k3: () => (/* binding */ endpointsFromEnv)
/* harmony export */ });
/* unused harmony export GOOGLE_DEFAULTS */
const GOOGLE_DEFAULTS = {
    googleTokenUrl: 'https://oauth2.googleapis.com/token',
    serviceUsage: 'https://serviceusage.googleapis.com',
    resourceManager: 'https://cloudresourcemanager.googleapis.com',
    iam: 'https://iam.googleapis.com',
    compute: 'https://compute.googleapis.com',
    cloudDns: 'https://dns.googleapis.com',
    certificateManager: 'https://certificatemanager.googleapis.com',
    storage: 'https://storage.googleapis.com',
};
const ENDPOINT_ENV = {
    googleTokenUrl: 'GITSPACES_GOOGLE_TOKEN_URL',
    serviceUsage: 'GITSPACES_SERVICEUSAGE_URL',
    resourceManager: 'GITSPACES_RESOURCEMANAGER_URL',
    iam: 'GITSPACES_IAM_URL',
    compute: 'GITSPACES_COMPUTE_URL',
    cloudDns: 'GITSPACES_CLOUDDNS_URL',
    certificateManager: 'GITSPACES_CERTIFICATEMANAGER_URL',
    storage: 'GITSPACES_STORAGE_URL',
    harness: 'GITSPACES_HARNESS_URL',
    github: 'GITHUB_API_URL',
    dnsResolvers: 'GITSPACES_DNS_RESOLVERS',
    dnsAuthoritativeOverride: 'GITSPACES_DNS_AUTHORITATIVE',
};
const trim = (u) => u.replace(/\/+$/, '');
function endpointsFromEnv(env = process.env) {
    const pick = (key) => trim(env[ENDPOINT_ENV[key]] || GOOGLE_DEFAULTS[key]);
    return {
        googleTokenUrl: env[ENDPOINT_ENV.googleTokenUrl] || GOOGLE_DEFAULTS.googleTokenUrl,
        serviceUsage: pick('serviceUsage'),
        resourceManager: pick('resourceManager'),
        iam: pick('iam'),
        compute: pick('compute'),
        cloudDns: pick('cloudDns'),
        certificateManager: pick('certificateManager'),
        storage: pick('storage'),
        harness: env[ENDPOINT_ENV.harness] ? trim(env[ENDPOINT_ENV.harness]) : undefined,
        github: trim(env.GITHUB_API_URL || 'https://api.github.com'),
        dnsResolvers: (env[ENDPOINT_ENV.dnsResolvers] || '8.8.8.8,1.1.1.1')
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
        dnsAuthoritativeOverride: env[ENDPOINT_ENV.dnsAuthoritativeOverride] || undefined,
    };
}


/***/ }),

/***/ 32829:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TY: () => (/* binding */ locationAllowedBy)
/* harmony export */ });
/* unused harmony exports VALUE_GROUPS, regionOfLocation, valueCovers */
/**
 * The gcp.resourceLocations organization-policy constraint, evaluated the way Google defines it
 * (https://cloud.google.com/resource-manager/docs/organization-policy/defining-locations, "Value groups" and
 * "Location types"):
 *
 * - a plain value (`us-central1`, `us-central1-a`, `is:us-central1`) allows or denies that one location only:
 *   "allowing or denying a multi-region or region does not imply that all included sub-locations" are too, so
 *   `us-central1` does not allow the zone `us-central1-a`;
 * - `in:<region>-locations` is the region and its zones;
 * - `in:<group>-locations` is one of Google's curated value groups. Only the groups below are encoded, with their
 *   members as that page lists them; a group this table does not know is reported as unknown, never guessed.
 *   Notably `in:eu-locations` holds the regions in European Union member states only: it does not hold London
 *   (europe-west2) or Zürich (europe-west6), which `in:europe-locations` does.
 */
/** Regions in EU member states (in:eu-locations), from Google's value-group table. */
const EU_REGIONS = new Set([
    'europe-central2', // Warsaw
    'europe-north1', // Hamina, Finland
    'europe-north2', // Stockholm
    'europe-southwest1', // Madrid
    'europe-west1', // St. Ghislain, Belgium
    'europe-west3', // Frankfurt
    'europe-west4', // Eemshaven, Netherlands
    'europe-west8', // Milan
    'europe-west9', // Paris
    'europe-west10', // Berlin
    'europe-west12', // Turin
]);
/** The value groups encoded: name (without `in:` and `-locations`) -> whether a region belongs to it. */
const VALUE_GROUPS = {
    eu: (r) => EU_REGIONS.has(r),
    europe: (r) => r.startsWith('europe-'),
    us: (r) => r.startsWith('us-'),
    northamerica: (r) => r.startsWith('us-') || r.startsWith('northamerica-'),
    southamerica: (r) => r.startsWith('southamerica-'),
    asia: (r) => r.startsWith('asia-'),
    australia: (r) => r.startsWith('australia-'),
    africa: (r) => r.startsWith('africa-'),
};
const REGION_RE = /^[a-z]+-[a-z]+\d+$/;
const ZONE_RE = /^([a-z]+-[a-z]+\d+)-[a-z]$/;
/** The region of a region or zone name (`us-central1-a` -> `us-central1`). */
function regionOfLocation(location) {
    return ZONE_RE.exec(location)?.[1] ?? location;
}
/** Whether one policy value covers a location (a region or a zone). */
function valueCovers(value, location) {
    if (value.startsWith('in:')) {
        const name = /^in:(.+)-locations$/.exec(value)?.[1];
        if (!name)
            return 'no'; // `in:us` names a multi-region, not a group: it holds no region or zone
        if (REGION_RE.test(name))
            return location === name || location.startsWith(`${name}-`) ? 'yes' : 'no';
        const group = VALUE_GROUPS[name];
        if (!group)
            return 'unknown';
        return group(regionOfLocation(location)) ? 'yes' : 'no';
    }
    return value.replace(/^is:/, '') === location ? 'yes' : 'no';
}
/** The policy values that decide a location: the first that covers it, or the unknown groups that might. */
function cover(values, location) {
    const unknown = [];
    for (const v of values) {
        const m = valueCovers(v, location);
        if (m === 'yes')
            return { match: 'yes', unknown: [] };
        if (m === 'unknown')
            unknown.push(v);
    }
    return { match: unknown.length ? 'unknown' : 'no', unknown };
}
/** Whether a list policy lets resources be created in a location; `unknown` names the value groups that decide it. */
function locationAllowedBy(policy, location) {
    if (!policy)
        return { allowed: 'yes', unknown: [] };
    if (policy.allValues === 'DENY')
        return { allowed: 'no', unknown: [] };
    const denied = cover(policy.deniedValues ?? [], location);
    if (denied.match === 'yes')
        return { allowed: 'no', unknown: [] };
    if (policy.allValues === 'ALLOW' || !policy.allowedValues?.length)
        return denied.match === 'unknown'
            ? { allowed: 'unknown', unknown: denied.unknown }
            : { allowed: 'yes', unknown: [] };
    const allowed = cover(policy.allowedValues, location);
    if (allowed.match === 'no')
        return { allowed: 'no', unknown: [] };
    if (allowed.match === 'unknown' || denied.match === 'unknown')
        return { allowed: 'unknown', unknown: [...allowed.unknown, ...denied.unknown] };
    return { allowed: 'yes', unknown: [] };
}


/***/ })

};
