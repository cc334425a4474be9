export const id = 3538;
export const ids = [3538];
export const modules = {

/***/ 33538:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runPreflight: () => (/* reexport */ runPreflight)
});

// UNUSED EXPORTS: CATALOG, DOC_BASE, FAMILIES, PREFLIGHT_CHECKS, PREFLIGHT_FAMILIES, SkipCheck, catalogEntry, createPreflightContext, defaultExec, docUrlFor, entriesOfPhase, error, list, loadConfigForPreflight, modulePermissions, needConfig, ok, outcomeOfError, regionFootprint, runChecks, skip, vcpusOf, warn

// EXTERNAL MODULE: ./shared/checks/types.ts
var checks_types = __webpack_require__(22779);
// EXTERNAL MODULE: ./shared/checks/catalog.ts
var catalog = __webpack_require__(38017);
// EXTERNAL MODULE: ./shared/errors.ts
var errors = __webpack_require__(32635);
// EXTERNAL MODULE: ./shared/retry.ts
var retry = __webpack_require__(42372);
// EXTERNAL MODULE: ./shared/gcp/iam.ts
var iam = __webpack_require__(1982);
// EXTERNAL MODULE: ./shared/gcp/rest.ts
var rest = __webpack_require__(19809);
;// CONCATENATED MODULE: ./shared/checks/compute-reads.ts

const enc = encodeURIComponent;
function quotasOf(r) {
    return (Array.isArray(r.quotas) ? r.quotas : []).map((q) => ({
        metric: String(q.metric ?? ''),
        limit: Number(q.limit ?? 0),
        usage: Number(q.usage ?? 0),
    }));
}
function computeReads(gcp) {
    const get = async (path) => {
        try {
            return await gcp.rest.get('compute', `/compute/v1/${path}`);
        }
        catch (e) {
            if ((0,rest/* isNotFound */.c4)(e))
                return undefined;
            throw e;
        }
    };
    return {
        async getRegion(project, region) {
            const r = await get(`projects/${enc(project)}/regions/${enc(region)}`);
            if (!r)
                return undefined;
            return { ...r, name: String(r.name ?? region), quotas: quotasOf(r) };
        },
        async getProject(project) {
            const p = await get(`projects/${enc(project)}`);
            return p ? { quotas: quotasOf(p) } : undefined;
        },
        getZone: (project, zone) => get(`projects/${enc(project)}/zones/${enc(zone)}`),
        async getImage(path) {
            const m = path.match(/projects\/([^/]+)\/global\/images\/(?:family\/([^/]+)|([^/]+))$/);
            if (!m)
                return undefined;
            const [, project, family, name] = m;
            return family
                ? get(`projects/${enc(project)}/global/images/family/${enc(family)}`)
                : get(`projects/${enc(project)}/global/images/${enc(name)}`);
        },
        async listSubnetworks(project) {
            const scopes = await (0,rest/* listAll */._w)(async (pageToken) => {
                const page = await gcp.rest.get('compute', `/compute/v1/projects/${enc(project)}/aggregated/subnetworks`, { pageToken });
                return { items: [page.items ?? {}], nextPageToken: page.nextPageToken };
            }, 'items');
            return scopes.flatMap((s) => Object.values(s).flatMap((v) => v.subnetworks ?? []));
        },
    };
}

;// CONCATENATED MODULE: ./shared/checks/gcp-access.ts






/** The APIs the module needs, with the check that reports each (API-001..006, apis.ts; titles in catalog.ts). */
const MODULE_APIS = [
    {
        id: 'API-001',
        service: 'cloudresourcemanager.googleapis.com',
        why: 'IAM bindings and project lookups',
    },
    {
        id: 'API-002',
        service: 'compute.googleapis.com',
        why: 'the VPC, gateways, load balancers and runner VM',
    },
    {
        id: 'API-003',
        service: 'certificatemanager.googleapis.com',
        why: 'the managed wildcard certificate of each region',
    },
    {
        id: 'API-004',
        service: 'iam.googleapis.com',
        why: 'the service account the module creates',
    },
    {
        id: 'API-005',
        service: 'dns.googleapis.com',
        why: 'the managed zone and the region records',
    },
    {
        id: 'API-006',
        service: 'redis.googleapis.com',
        why: 'the Redis instance HA gateways share (gateway.instances > 1)',
    },
];
/** Whether the config needs Redis (post-0.0.3 module, more than one gateway instance). */
function needsRedis(ctx) {
    const c = ctx.config;
    return Boolean(c && c.infrastructure.gateway.instances > 1 && c.terraform.module.generation === 'post-0.0.3');
}
function requiredApis(ctx) {
    return MODULE_APIS.filter((a) => a.id !== 'API-006' || needsRedis(ctx)).map((a) => a.service);
}
const checkForApi = (service) => MODULE_APIS.find((a) => a.service === service)?.id ?? 'API-00x';
const KEY_REJECTED_FIX = 'The token endpoint refused this key: it was deleted or disabled, it expired, or its private_key does not belong to its private_key_id ' +
    '(a hand-edited or mixed-up file). Create a new JSON key (`gcloud iam service-accounts keys create key.json --iam-account=SA_EMAIL`), ' +
    'store the whole file as the secret, and delete the old key; or use keyless authentication (google-github-actions/auth with Workload Identity Federation).';
/**
 * Credentials, project and a first token, once per run. The failure names the one check that reports it
 * (AUTH-001: none or the wrong project; AUTH-002: not a JSON key; AUTH-003: the token endpoint refused the key),
 * so a bad key gives exactly one error and every other GCP check skips with that reason.
 */
function gcpAuth(ctx) {
    return ctx.once('gcp-auth', async () => {
        const setup = ctx.gcp;
        if (!setup.ok)
            return { ok: false, checkId: setup.checkId, observed: setup.message, fix: setup.fix };
        const gcp = setup.gcp;
        const config = ctx.config;
        const project = config?.gcp.project_id ?? gcp.projectId;
        if (!project)
            return {
                ok: false,
                checkId: 'AUTH-001',
                observed: 'no GCP project: the config did not load and the credentials name none',
                fix: 'Fix the config (CFG-001).',
            };
        const cred = gcp.credentials;
        if (cred.kind === 'service_account' &&
            config &&
            cred.projectId !== config.gcp.project_id &&
            !(cred.format === 'p12' && cred.projectId === '-')) {
            return {
                ok: false,
                checkId: 'AUTH-001',
                observed: `the key (${cred.source}) is for service account ${cred.clientEmail} of project ${cred.projectId}, but gcp.project_id is ${config.gcp.project_id}`,
                fix: `Harness needs an Owner service account of the project itself: create a JSON key for a service account of ${config.gcp.project_id} and pass it, or correct gcp.project_id.`,
            };
        }
        try {
            await gcp.tokenSource.getToken();
        }
        catch (e) {
            if ((0,errors/* isConfigurationError */.p0)(e)) {
                const ce = e;
                const checkId = cred.kind === 'service_account' && ce.code === 'AUTH_TOKEN_REJECTED'
                    ? 'AUTH-003'
                    : ce.code === 'AUTH_KEY_INVALID'
                        ? 'AUTH-002'
                        : 'AUTH-001';
                return {
                    ok: false,
                    checkId,
                    observed: ce.message,
                    fix: checkId === 'AUTH-003' ? KEY_REJECTED_FIX : ce.fix,
                };
            }
            return {
                ok: false,
                checkId: 'AUTH-001',
                observed: `no token: ${(0,errors/* errorMessage */.gJ)(e)}`,
                fix: 'Check that the Google token endpoint is reachable from the machine that runs the job (proxy, firewall), then run again.',
            };
        }
        if (cred.kind === 'service_account' && cred.format === 'p12') {
            // The P12 key's id, from IAM's key list by its public key: AUTH-003 reads that key's state.
            try {
                await (0,iam/* resolveP12KeyId */.q)(gcp.iam, cred);
            }
            catch (e) {
                if ((0,errors/* isConfigurationError */.p0)(e)) {
                    const ce = e;
                    return { ok: false, checkId: 'AUTH-003', observed: ce.message, fix: ce.fix ?? KEY_REJECTED_FIX };
                }
                if (!(e instanceof errors/* RemoteError */.Hi && e.status === 403))
                    throw e;
                // IAM does not let the account read its own keys: AUTH-003 says so; the key works nonetheless.
            }
        }
        return { ok: true, gcp, project };
    });
}
/** The Google clients, or a skip naming the check that explains why there are none. With enable-apis, waits for API-007. */
async function requireGcp(ctx, api) {
    const auth = await gcpAuth(ctx);
    if (!auth.ok)
        throw new checks_types/* SkipCheck */.oC(`no usable Google credentials (see ${auth.checkId})`);
    if (api && ctx.enableApis) {
        const en = await enableApis(ctx).catch(() => undefined);
        if (!en || en.stillDisabled.includes(api))
            throw new checks_types/* SkipCheck */.oC(`${api} could not be enabled (see API-007)`);
    }
    return auth;
}
/** One services:batchGet for every required API, shared by API-001..007. */
function serviceStates(ctx) {
    return ctx.once('service-states', async () => {
        const { gcp, project } = await requireGcp(ctx);
        return gcp.serviceUsage.batchGetStates(project, requiredApis(ctx));
    });
}
/** A read-only call per API; anything but SERVICE_DISABLED (or a transport failure) proves the API answers. */
async function probe(gcp, project, service, ctx) {
    const config = ctx.config;
    try {
        switch (service) {
            case 'cloudresourcemanager.googleapis.com':
                await gcp.resourceManager.getProject(project);
                break;
            case 'compute.googleapis.com':
                await computeReads(gcp).getRegion(project, config ? (Object.keys(config.infrastructure.regions)[0] ?? 'us-central1') : 'us-central1');
                break;
            case 'iam.googleapis.com':
                await gcp.iam.getServiceAccount(project, gcp.tokenSource.identity());
                break;
            case 'dns.googleapis.com':
                await gcp.dns.listManagedZones(project);
                break;
            case 'certificatemanager.googleapis.com':
                await gcp.rest.get('certificateManager', `/v1/projects/${encodeURIComponent(project)}/locations/global/certificates`);
                break;
            default:
                // No client of ours calls this API before apply (redis): its state is the probe.
                return (await gcp.serviceUsage.getState(project, service)) === 'ENABLED';
        }
        return true;
    }
    catch (e) {
        if (isServiceDisabled(e))
            return false;
        if (e instanceof errors/* RemoteError */.Hi && e.status >= 400 && e.status < 500)
            return true; // the API answered
        return false;
    }
}
/** API-007's work, once: batchEnable the missing APIs, wait for the operation, then until a probe on each succeeds. */
function enableApis(ctx) {
    return ctx.once('enable-apis', async () => {
        const { gcp, project } = await requireGcp(ctx);
        const start = ctx.clock.now();
        const states = await serviceStates(ctx);
        const missing = requiredApis(ctx).filter((s) => states.get(s) !== 'ENABLED');
        if (missing.length === 0)
            return { missing, enabled: [], stillDisabled: [], waitedMs: 0 };
        ctx.log.info(`Enabling ${missing.join(', ')} in ${project} (enable-apis: true)`);
        const op = await gcp.serviceUsage.batchEnable(project, missing);
        const remaining = () => Math.max(1000, ctx.enableDeadlineMs - (ctx.clock.now() - start));
        await gcp.serviceUsage.waitOperation(op, {
            deadlineMs: remaining(),
            clock: ctx.clock,
            log: ctx.log,
            intervalMs: 1000,
        });
        let pending = [...missing];
        await (0,retry/* waitFor */.fm)(async () => {
            const results = await Promise.all(pending.map(async (s) => [s, await probe(gcp, project, s, ctx)]));
            pending = results.filter(([, ok]) => !ok).map(([s]) => s);
            return {
                done: pending.length === 0,
                state: pending.length ? `still propagating: ${pending.join(', ')}` : 'every API answers',
            };
        }, {
            describe: 'the newly enabled APIs to answer',
            deadlineMs: remaining(),
            intervalMs: 1000,
            factor: 1.5,
            maxIntervalMs: 10_000,
            clock: ctx.clock,
            log: ctx.log,
            fix: 'Enablement can take a few minutes to propagate: run the step again shortly.',
        });
        return { missing, enabled: missing, stillDisabled: [], waitedMs: ctx.clock.now() - start };
    });
}
function isServiceDisabled(e) {
    return ((0,rest/* googleReason */.Eu)(e) === 'SERVICE_DISABLED' ||
        (e instanceof errors/* RemoteError */.Hi &&
            e.status === 403 &&
            /has not been used in project|is disabled|accessNotConfigured/.test(e.message)));
}
/** The API a SERVICE_DISABLED error names. */
function disabledService(e) {
    return ((0,rest/* googleErrorMetadata */.r1)(e)?.service ??
        (e instanceof errors/* RemoteError */.Hi ? e.message.match(/([a-z]+\.googleapis\.com)/)?.[1] : undefined));
}
/** The configured project's id for messages. */
function projectOf(ctx) {
    return needConfig(ctx).gcp.project_id;
}

;// CONCATENATED MODULE: ./shared/checks/run.ts




/** A failure inside a check, turned into what the user needs: skip when it could not look, error otherwise. */
function outcomeOfError(e) {
    if (e instanceof checks_types/* SkipCheck */.oC)
        return { status: 'skip', observed: 'not checked', expected: e.expected, fix: e.reason };
    if (isServiceDisabled(e)) {
        const svc = disabledService(e) ?? 'an API';
        const id = checkForApi(svc);
        const where = id === 'API-00x' ? `enable it: \`gcloud services enable ${svc}\`` : `see ${id}`;
        return {
            status: 'skip',
            observed: 'not checked',
            expected: '',
            fix: `${svc} is not enabled, so this could not be checked (${where})`,
        };
    }
    if (e instanceof errors/* RemoteError */.Hi && (e.status === 403 || e.status === 401)) {
        return {
            status: 'skip',
            observed: 'not checked',
            expected: '',
            fix: `the credentials may not read this (${e.status}): ${e.message}`,
        };
    }
    if ((0,errors/* isConfigurationError */.p0)(e)) {
        const ce = e;
        return { status: 'error', observed: ce.message, expected: 'a usable setup', fix: ce.fix };
    }
    if (e instanceof errors/* WaitTimeoutError */.Do)
        return {
            status: 'error',
            observed: e.message,
            expected: 'the state to arrive before the deadline',
            fix: e.fix ?? 'Run the step again.',
        };
    return {
        status: 'error',
        observed: `the check could not complete: ${(0,errors/* errorMessage */.gJ)(e)}`,
        expected: 'an answer from the service',
        fix: 'A service did not answer as expected (after retries). Run the step again; if it persists, check the service status and the network path from the machine that runs the job.',
    };
}
/** Runs the checks concurrently (bounded), each isolated: one check's failure never stops another. Results keep catalog order. */
async function runChecks(defs, ctx, opts = {}) {
    const selected = opts.only ? defs.filter((d) => opts.only?.includes(d.id)) : defs;
    return (0,retry/* mapLimit */.sf)([...selected], opts.concurrency ?? 32, async (def) => {
        const start = ctx.clock.now();
        let outcome;
        try {
            outcome = await def.run(ctx);
        }
        catch (e) {
            outcome = outcomeOfError(e);
        }
        const result = {
            id: def.id,
            title: def.title,
            status: outcome.status,
            observed: outcome.observed,
            expected: outcome.expected,
            fix: outcome.fix ?? '',
            docUrl: def.docUrl ?? (0,checks_types/* docUrlFor */.B_)(def.id),
            durationMs: Math.max(0, ctx.clock.now() - start),
        };
        ctx.log.debug(`${result.id} ${result.status} in ${result.durationMs} ms`);
        return result;
    });
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./shared/clock.ts
var shared_clock = __webpack_require__(17128);
// EXTERNAL MODULE: ./shared/config/parse.ts + 1 modules
var parse = __webpack_require__(83314);
// EXTERNAL MODULE: ./shared/dns/query.ts
var query = __webpack_require__(67538);
// EXTERNAL MODULE: ./shared/endpoints.ts
var endpoints = __webpack_require__(57416);
// EXTERNAL MODULE: ./shared/gcp/index.ts + 4 modules
var shared_gcp = __webpack_require__(15924);
// EXTERNAL MODULE: ./shared/harness/client.ts
var client = __webpack_require__(90262);
;// CONCATENATED MODULE: ./shared/checks/apis.ts
/** The apis family (API): the Google APIs the module calls are enabled; with enable-apis, enabled here. */



const apiCheck = (a) => ({
    id: a.id,
    async run(ctx) {
        const expected = `${a.service} ENABLED (${a.why})`;
        if (a.id === 'API-006' && !needsRedis(ctx)) {
            (0,checks_types/* needConfig */.Po)(ctx);
            return (0,checks_types.ok)(`not needed: gateway.instances is ${ctx.config?.infrastructure.gateway.instances} (${ctx.config?.terraform.module.generation})`, 'redis.googleapis.com only when gateway.instances > 1 with a post-0.0.3 module');
        }
        const { project } = await requireGcp(ctx);
        const states = await serviceStates(ctx);
        const state = states.get(a.service) ?? 'STATE_UNSPECIFIED';
        if (state === 'ENABLED')
            return (0,checks_types.ok)(`${a.service}: ENABLED`, expected);
        let note = '';
        if (ctx.enableApis) {
            const en = await enableApis(ctx).catch((e) => {
                note = `; enabling it failed (API-007): ${e.message}`;
                return undefined;
            });
            if (en?.enabled.includes(a.service))
                return (0,checks_types.ok)(`${a.service}: was ${state}, enabled by API-007 and answering`, expected);
        }
        return (0,checks_types/* error */.z3)(`${a.service}: ${state} in project ${project}${note}`, expected, `Enable it: \`gcloud services enable ${a.service} --project ${project}\` (or set enable-apis: true on this step). Enablement takes a minute or two to propagate.`);
    },
});
const API_001_006 = MODULE_APIS.map(apiCheck);
const API_007 = {
    id: 'API-007',
    async run(ctx) {
        const expected = 'with enable-apis: true, every missing API enabled and answering a probe call';
        await requireGcp(ctx);
        if (!ctx.enableApis) {
            const states = await serviceStates(ctx);
            const missing = requiredApis(ctx).filter((s) => states.get(s) !== 'ENABLED');
            if (missing.length === 0)
                return (0,checks_types.ok)('every required API is already enabled; nothing to do', expected);
            return (0,checks_types/* skip */.iv)(`enable-apis is false, so nothing was changed; ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} reported by the API checks (set enable-apis: true to enable them)`, expected);
        }
        let en;
        try {
            en = await enableApis(ctx);
        }
        catch (e) {
            if (e instanceof errors/* RemoteError */.Hi && e.status === 403) {
                return (0,checks_types/* error */.z3)(`enabling was refused: ${e.message}`, expected, 'The identity needs serviceusage.services.enable (roles/serviceusage.serviceUsageAdmin, or Owner); or enable the APIs once by hand with `gcloud services enable ...`.');
            }
            throw e;
        }
        if (en.missing.length === 0)
            return (0,checks_types.ok)('every required API is already enabled; nothing to do', expected);
        return (0,checks_types.ok)(`enabled ${en.enabled.join(', ')}; every probe answered after ${Math.round(en.waitedMs / 1000)} s`, expected);
    },
};
const APIS_CHECKS = [...API_001_006, API_007];

;// CONCATENATED MODULE: ./shared/checks/auth.ts
/** The auth family (AUTH): the Google credentials resolve, are a JSON key or keyless, and the key is usable. */



function describeCredentials(ctx) {
    if (!ctx.gcp.ok)
        return '';
    const c = ctx.gcp.gcp.credentials;
    switch (c.kind) {
        case 'service_account':
            return `${c.format === 'p12' ? 'P12 ' : ''}service-account key ${c.privateKeyId ? `${c.privateKeyId.slice(0, 8)}…` : '(id not found in IAM)'} for ${c.clientEmail} (${c.source})`;
        case 'external_account':
            return `keyless: external_account (Workload Identity Federation${c.serviceAccountEmail ? `, impersonating ${c.serviceAccountEmail}` : ''}) from ${c.source}`;
        case 'authorized_user':
            return `gcloud user credentials (authorized_user) from ${c.source}`;
    }
}
const AUTH_001 = {
    id: 'AUTH-001',
    async run(ctx) {
        const expected = 'a service-account JSON key (input gcp-credentials or GOOGLE_APPLICATION_CREDENTIALS) or keyless credentials, for the configured project, that obtain a token';
        const auth = await gcpAuth(ctx);
        if (!auth.ok) {
            if (auth.checkId !== 'AUTH-001')
                return (0,checks_types/* skip */.iv)(`the credentials were found; ${auth.checkId} reports why they cannot be used`, expected);
            return (0,checks_types/* error */.z3)(auth.observed, expected, auth.fix);
        }
        return (0,checks_types.ok)(`${describeCredentials(ctx)}; token obtained for project ${auth.project}`, expected);
    },
};
const AUTH_002 = {
    id: 'AUTH-002',
    async run(ctx) {
        const expected = 'a JSON service-account key ("type": "service_account"), or keyless credentials';
        const setup = ctx.gcp;
        if (!setup.ok) {
            if (setup.checkId === 'AUTH-002')
                return (0,checks_types/* error */.z3)(setup.message, expected, setup.fix);
            return (0,checks_types/* skip */.iv)('no credentials were found (see AUTH-001)', expected);
        }
        const auth = await gcpAuth(ctx);
        if (!auth.ok && auth.checkId === 'AUTH-002')
            return (0,checks_types/* error */.z3)(auth.observed, expected, auth.fix);
        const c = setup.gcp.credentials;
        if (c.kind === 'service_account' && c.format === 'p12')
            return (0,checks_types/* warn */.R8)(`a P12 key for ${c.clientEmail} (${c.source}): accepted, converted to a JSON key in memory for the clients and Terraform`, expected, `Prefer a JSON key (\`gcloud iam service-accounts keys create key.json --iam-account=${c.clientEmail}\`, then delete the P12 key), or keyless authentication (google-github-actions/auth with Workload Identity Federation).`);
        if (c.kind === 'service_account')
            return (0,checks_types.ok)(`JSON service-account key for ${c.clientEmail}`, expected);
        return (0,checks_types.ok)(`no key file: ${c.kind} credentials`, expected);
    },
};
/** The key's IAM record (once per run). */
function keyRecord(ctx) {
    return ctx.once('sa-key', async () => {
        const auth = await gcpAuth(ctx);
        if (!auth.ok || auth.gcp.credentials.kind !== 'service_account')
            return undefined;
        const c = auth.gcp.credentials;
        if (!c.privateKeyId) {
            // A P12 key whose id IAM would not tell (no iam.serviceAccountKeys.list / get).
            throw new errors/* RemoteError */.Hi('iam', 403, `cannot list the keys of ${c.clientEmail}`);
        }
        return auth.gcp.iam.getServiceAccountKey(c.projectId, c.clientEmail, c.privateKeyId);
    });
}
const AUTH_003 = {
    id: 'AUTH-003',
    async run(ctx) {
        const expected = 'an enabled key that the token endpoint accepts, not expiring within 30 days';
        const auth = await gcpAuth(ctx);
        if (!auth.ok) {
            if (auth.checkId === 'AUTH-003')
                return (0,checks_types/* error */.z3)(auth.observed, expected, auth.fix);
            return (0,checks_types/* skip */.iv)(`no usable credentials to test (see ${auth.checkId})`, expected);
        }
        const c = auth.gcp.credentials;
        if (c.kind !== 'service_account')
            return (0,checks_types.ok)(`no key: ${c.kind} credentials obtained a token`, expected);
        let key;
        try {
            key = await keyRecord(ctx);
        }
        catch (e) {
            if (e instanceof errors/* RemoteError */.Hi && e.status === 403)
                throw new checks_types/* SkipCheck */.oC(`the key obtained a token, but IAM does not let ${c.clientEmail} read its own keys (iam.serviceAccountKeys.get)`, expected);
            throw e;
        }
        const id = `${c.privateKeyId.slice(0, 8)}…`;
        const fix = `Create a new JSON key (\`gcloud iam service-accounts keys create key.json --iam-account=${c.clientEmail}\`), update the secret, then delete key ${id}; or move to keyless authentication.`;
        if (!key)
            return (0,checks_types/* error */.z3)(`key ${id} of ${c.clientEmail} does not exist in IAM (deleted)`, expected, fix);
        if (key.disabled)
            return (0,checks_types/* error */.z3)(`key ${id} of ${c.clientEmail} is disabled`, expected, `Enable it again (\`gcloud iam service-accounts keys enable ${c.privateKeyId} --iam-account=${c.clientEmail}\`) or ${fix.charAt(0).toLowerCase()}${fix.slice(1)}`);
        if (key.validBeforeTime && !key.validBeforeTime.startsWith('9999')) {
            const days = Math.floor((Date.parse(key.validBeforeTime) - ctx.clock.now()) / 86_400_000);
            if (days < 0)
                return (0,checks_types/* error */.z3)(`key ${id} expired on ${key.validBeforeTime}`, expected, fix);
            if (days < 30)
                return (0,checks_types/* warn */.R8)(`key ${id} expires in ${days} day(s) (${key.validBeforeTime})`, expected, fix);
        }
        return (0,checks_types.ok)(`key ${id} is enabled${key.validBeforeTime && !key.validBeforeTime.startsWith('9999') ? ` until ${key.validBeforeTime}` : ', no expiry'}`, expected);
    },
};
const AUTH_004 = {
    id: 'AUTH-004',
    async run(ctx) {
        const expected = 'keyless authentication (Workload Identity Federation) in GitHub Actions; a key younger than 90 days otherwise';
        const auth = await gcpAuth(ctx);
        if (!auth.ok)
            return (0,checks_types/* skip */.iv)(`no usable credentials (see ${auth.checkId})`, expected);
        const c = auth.gcp.credentials;
        if (c.kind !== 'service_account')
            return (0,checks_types.ok)(`keyless (${c.kind})`, expected);
        const key = await keyRecord(ctx).catch(() => undefined);
        const ageDays = key?.validAfterTime
            ? Math.floor((ctx.clock.now() - Date.parse(key.validAfterTime)) / 86_400_000)
            : undefined;
        const age = ageDays !== undefined ? `${ageDays} day(s) old` : 'age unknown';
        const keylessFix = 'Use google-github-actions/auth with workload_identity_provider and service_account (and `permissions: id-token: write`), set gcp.credentials: keyless, and delete the key. ' +
            'The Terraform module and the VM runner still read a JSON key file: the runner keeps its own key on the VM.';
        if (ctx.config?.gcp.credentials === 'keyless')
            return (0,checks_types/* warn */.R8)(`gcp.credentials is keyless, but a key is in use (${age})`, expected, keylessFix);
        if (ctx.env.GITHUB_ACTIONS === 'true')
            return (0,checks_types/* warn */.R8)(`a long-lived service-account key (${age}) in GitHub Actions, where keyless would do`, expected, keylessFix);
        if (ageDays !== undefined && ageDays > 90)
            return (0,checks_types/* warn */.R8)(`the key is ${ageDays} days old`, expected, `Rotate it: create a new key, update the secret, delete the old one. ${keylessFix}`);
        return (0,checks_types.ok)(`service-account key, ${age}`, expected);
    },
};
const AUTH_CHECKS = [AUTH_001, AUTH_002, AUTH_003, AUTH_004];

;// CONCATENATED MODULE: ./shared/checks/capacity.ts



/** vCPUs a machine type counts against the CPUS quota (shared-core types count as their vCPU number). */
function vcpusOf(machineType) {
    const t = machineType.toLowerCase();
    const custom = t.match(/custom-(\d+)-\d+/);
    if (custom)
        return { vcpus: Number(custom[1]), known: true };
    const std = t.match(/^[a-z0-9]+-(?:standard|highmem|highcpu|highgpu|megamem|ultramem)-(\d+)/);
    if (std)
        return { vcpus: Number(std[1]), known: true };
    if (/^(e2-(micro|small|medium)|f1-micro|g1-small)$/.test(t))
        return { vcpus: 2, known: true };
    return { vcpus: 2, known: false };
}
/**
 * The regional CPU quota a machine family counts against. Families with a metric of their own in the Compute API's
 * Quota.metric enum (compute v1 discovery document; @google-cloud/compute's compute.proto, `message Quota`) count
 * there and not against `CPUS`; N1, E2 and the shared-core types (f1, g1, e2-micro/small/medium), and families with
 * no metric of their own (c3d, h3, c4, ...), count against `CPUS` (cloud.google.com/compute/resource-usage#cpu_quota;
 * GoogleCloudPlatform/guest-test-infra's storageperf suite waits on the same metrics: n2 N2_CPUS, c3 C3_CPUS,
 * n2d N2D_CPUS, n1/c3d/h3 CPUS). `E2_CPUS` is in the enum too, but E2 VMs are counted against `CPUS`.
 * Every family also counts against the project's global `CPUS_ALL_REGIONS`.
 */
const FAMILY_CPU_METRICS = {
    a2: 'A2_CPUS',
    c2: 'C2_CPUS',
    c2d: 'C2D_CPUS',
    c3: 'C3_CPUS',
    m1: 'M1_CPUS',
    m2: 'M2_CPUS',
    m3: 'M3_CPUS',
    n2: 'N2_CPUS',
    n2d: 'N2D_CPUS',
    t2a: 'T2A_CPUS',
    t2d: 'T2D_CPUS',
};
/** The regional quota metric a machine type's vCPUs count against (`n2-standard-4` -> N2_CPUS, `e2-medium` -> CPUS). */
function cpuMetricOf(machineType) {
    const t = machineType.toLowerCase().split('/').pop() ?? '';
    // `custom-4-8192` is an N1 custom type; `n2-custom-4-8192` an N2 one.
    const family = t.startsWith('custom-') ? 'n1' : (t.split('-')[0] ?? '');
    return FAMILY_CPU_METRICS[family] ?? 'CPUS';
}
/** The project-level (global) quota every region's vCPUs count against. */
const GLOBAL_CPU_METRIC = 'CPUS_ALL_REGIONS';
/**
 * The footprint per region QUOTA-001 compares with the quotas: gateways (MIG), the runner VM (post-0.0.3), three
 * static addresses, the gitspace VMs (docs/troubleshooting.md#QUOTA-001). Each machine's vCPUs count against its
 * family's metric (cpuMetricOf); the sum over regions is the global CPUS_ALL_REGIONS need (globalCpuNeed).
 */
function regionFootprint(config) {
    const infra = config.infrastructure;
    const gw = vcpusOf(infra.gateway.machine_type);
    const gwMetric = cpuMetricOf(infra.gateway.machine_type);
    const post = config.terraform.module.generation === 'post-0.0.3';
    return Object.keys(infra.regions).map((region) => {
        const notes = [];
        const cpus = {};
        const add = (metric, n) => void (cpus[metric] = (cpus[metric] ?? 0) + n);
        add(gwMetric, gw.vcpus * infra.gateway.instances);
        let disk = 50 * infra.gateway.instances;
        notes.push(`${infra.gateway.instances} gateway(s) ${infra.gateway.machine_type}`);
        if (!gw.known)
            notes.push(`${infra.gateway.machine_type} counted as 2 vCPUs`);
        if (post && config.terraform.create_runner_vm && infra.runner.region === region) {
            add(gwMetric, gw.vcpus); // the runner VM uses the gateway's machine type
            disk += 30;
            notes.push('runner VM');
        }
        // Gitspace VMs: one per declared gitspace on a machine of this region (at least one per machine).
        for (const m of config.machines.filter((x) => x.region === region)) {
            const count = Math.max(1, config.gitspaces.filter((g) => g.machine === m.name).length);
            const v = vcpusOf(m.machine_type);
            add(cpuMetricOf(m.machine_type), v.vcpus * count);
            disk += (m.boot_disk_size + m.persistent_disk_size) * count;
            notes.push(`${count} × ${m.machine_type} (${m.name})`);
        }
        return {
            region,
            needs: {
                // CPUS is always compared (an empty region needs 0); family metrics only when a machine uses them.
                CPUS: 0,
                ...cpus,
                STATIC_ADDRESSES: 3,
                IN_USE_ADDRESSES: 3,
                INSTANCE_GROUP_MANAGERS: 1,
                INSTANCE_GROUPS: 1,
                DISKS_TOTAL_GB: disk,
            },
            notes,
        };
    });
}
/** vCPUs of every family in every region: what CPUS_ALL_REGIONS must hold. */
function globalCpuNeed(plan) {
    const cpuMetrics = new Set(['CPUS', ...Object.values(FAMILY_CPU_METRICS)]);
    let n = 0;
    for (const p of plan)
        for (const [metric, need] of Object.entries(p.needs))
            if (cpuMetrics.has(metric))
                n += need;
    return n;
}
function region(ctx, name) {
    return ctx.once(`region:${name}`, async () => {
        const { gcp, project } = await requireGcp(ctx, 'compute.googleapis.com');
        return computeReads(gcp).getRegion(project, name);
    });
}
function projectQuotas(ctx) {
    return ctx.once('compute-project', async () => {
        const { gcp, project } = await requireGcp(ctx, 'compute.googleapis.com');
        return (await computeReads(gcp).getProject(project))?.quotas;
    });
}
function compare(where, metric, need, q, short, parts) {
    if (!q) {
        // A family metric the region does not report cannot be compared; say so rather than pass it silently.
        if (need > 0 && metric !== 'CPUS')
            parts.push(`${metric} ${need} needed, not reported`);
        return;
    }
    const free = q.limit - q.usage;
    parts.push(`${metric} ${need}/${free} free`);
    if (free < need)
        short.push(`${where} ${metric}: needs ${need}, ${free} free (limit ${q.limit}, used ${q.usage})`);
}
const QUOTA_001 = {
    id: 'QUOTA-001',
    async run(ctx) {
        const c = (0,checks_types/* needConfig */.Po)(ctx);
        const plan = regionFootprint(c);
        const [regions, globalQuotas] = await Promise.all([
            Promise.all(plan.map((p) => region(ctx, p.region))),
            projectQuotas(ctx),
        ]);
        const short = [];
        const seen = [];
        plan.forEach((p, i) => {
            const r = regions[i];
            if (!r) {
                short.push(`${p.region}: region not found (REG-001)`);
                return;
            }
            const parts = [];
            for (const [metric, need] of Object.entries(p.needs))
                compare(p.region, metric, need, r.quotas.find((x) => x.metric === metric), short, parts);
            seen.push(`${p.region}: ${parts.join(', ')}`);
        });
        const all = globalCpuNeed(plan);
        const globalParts = [];
        compare('project', GLOBAL_CPU_METRIC, all, globalQuotas?.find((x) => x.metric === GLOBAL_CPU_METRIC), short, globalParts);
        if (globalParts.length)
            seen.push(`project: ${globalParts.join(', ')}`);
        const expected = `free quota for ${plan.map((p) => `${p.region}: ${p.notes.join(' + ')}`).join('; ')}; ${GLOBAL_CPU_METRIC} for ${all} vCPUs`;
        if (short.length) {
            return (0,checks_types/* error */.z3)(short.join('; '), expected, 'Request a quota increase for the metric named (Console: IAM & Admin -> Quotas; N2, N2D, C2, C3, ... have their own CPU quota per region, CPUS_ALL_REGIONS is per project), free unused resources, or use smaller machine types / fewer gateway instances.');
        }
        return (0,checks_types.ok)(seen.join('; '), expected);
    },
};
const REG_001 = {
    id: 'REG-001',
    async run(ctx) {
        const c = (0,checks_types/* needConfig */.Po)(ctx);
        const { gcp, project } = await requireGcp(ctx, 'compute.googleapis.com');
        const names = Object.keys(c.infrastructure.regions);
        const zones = [...new Set([c.infrastructure.runner.zone, ...c.machines.map((m) => m.zone)])];
        const reads = computeReads(gcp);
        const [found, zoneResults] = await Promise.all([
            Promise.all(names.map((n) => region(ctx, n))),
            Promise.all(zones.map((z) => reads.getZone(project, z))),
        ]);
        const problems = [];
        names.forEach((n, i) => {
            const r = found[i];
            if (!r)
                problems.push(`region ${n} does not exist`);
            else if (r.status && r.status !== 'UP')
                problems.push(`region ${n} is ${r.status}`);
        });
        zones.forEach((z, i) => {
            const zr = zoneResults[i];
            if (!zr)
                problems.push(`zone ${z} does not exist`);
            else if (zr.status && zr.status !== 'UP')
                problems.push(`zone ${z} is ${zr.status}`);
        });
        if (!names.includes(c.infrastructure.runner.region))
            problems.push(`runner region ${c.infrastructure.runner.region} is not one of ${names.join(', ')}`);
        const expected = `regions ${names.join(', ')} and zones ${zones.join(', ')} exist and are UP; the runner region is configured`;
        if (problems.length)
            return (0,checks_types/* error */.z3)(problems.join('; '), expected, 'Use names from `gcloud compute regions list` and `gcloud compute zones list`.');
        return (0,checks_types.ok)(`regions ${names.join(', ')} UP; zones ${zones.join(', ')} UP`, expected);
    },
};
const CAPACITY_CHECKS = [QUOTA_001, REG_001];

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./shared/net.ts
var net = __webpack_require__(27781);
// EXTERNAL MODULE: ./shared/report/render.ts
var render = __webpack_require__(23617);
;// CONCATENATED MODULE: ./shared/checks/dns.ts





/** Each region's domain: `<subdomain>.<domain>`, or the domain itself when the subdomain is empty (docs/config.md, regions). */
function regionDomains(ctx) {
    const c = (0,checks_types/* needConfig */.Po)(ctx);
    return Object.entries(c.infrastructure.regions).map(([region, r]) => ({
        region,
        domain: r.subdomain ? `${r.subdomain}.${c.infrastructure.domain}` : c.infrastructure.domain,
    }));
}
const DNS_001 = {
    id: 'DNS-001',
    async run(ctx) {
        const c = (0,checks_types/* needConfig */.Po)(ctx);
        const domain = c.infrastructure.domain;
        const zone = (0,net/* zoneNameFor */.$k)(domain);
        const problems = [];
        if (!(0,net/* isValidDomain */.Ll)(domain))
            problems.push(`domain ${domain} is not a valid DNS name`);
        for (const r of regionDomains(ctx)) {
            if (!(0,net/* isValidDomain */.Ll)(r.domain))
                problems.push(`region ${r.region} domain ${r.domain} is not a valid DNS name`);
            if (`*.${r.domain}`.length > 253)
                problems.push(`*.${r.domain} is longer than 253 characters`);
        }
        if (!(0,net/* isValidZoneName */.oB)(zone))
            problems.push(`the derived zone name ${zone} is not a valid Cloud DNS zone name (1-63 characters, starts with a letter)`);
        const expected = 'valid DNS names; zone name = domain with dots as dashes, at most 63 characters';
        if (problems.length)
            return (0,checks_types/* error */.z3)(problems.join('; '), expected, 'Use a shorter domain or sub-domains (lower-case letters, digits, dashes).');
        return (0,checks_types.ok)(`domain ${domain}; ${regionDomains(ctx)
            .map((r) => `${r.region}: ${r.domain}`)
            .join(', ')}; zone ${zone}`, expected);
    },
};
const sameSet = (a, b) => {
    const x = new Set(a.map(query/* normName */.ML));
    const y = new Set(b.map(query/* normName */.ML));
    return x.size === y.size && [...x].every((v) => y.has(v));
};
const isCloudDnsHost = (h) => /^ns-cloud-[a-e][1-4]\.googledomains\.com$/.test((0,query/* normName */.ML)(h));
function firstAnswer(results) {
    for (const r of results)
        if (r.status === 'fulfilled' && (r.value.rcode === 'NOERROR' || r.value.rcode === 'NXDOMAIN'))
            return r.value;
    return undefined;
}
/** What the parent zone's authoritative servers say about the domain (once per run). */
function parentView(ctx) {
    return ctx.once('dns-parent', async () => {
        const domain = (0,checks_types/* needConfig */.Po)(ctx).infrastructure.domain;
        const labels = domain.split('.');
        let parentZone = labels.slice(1).join('.');
        let servers;
        if (ctx.dns.override) {
            servers = [ctx.dns.override];
        }
        else {
            // Find the closest enclosing zone that has NS records, then its servers' addresses.
            let hosts = [];
            for (let i = 1; i < labels.length - 1 && hosts.length === 0; i++) {
                const candidate = labels.slice(i).join('.');
                const res = firstAnswer(await ctx.dns.askResolvers(candidate, 'NS'));
                const ns = res
                    ? res.answers.filter((r) => r.type === 'NS' && r.name === (0,query/* normName */.ML)(candidate)).map((r) => r.data)
                    : [];
                if (ns.length) {
                    hosts = ns;
                    parentZone = candidate;
                }
            }
            if (hosts.length === 0)
                throw new checks_types/* SkipCheck */.oC(`no resolver (${ctx.dns.resolvers.join(', ')}) returned name servers for any parent of ${domain}`);
            servers = await ctx.dns.authoritativeServers(hosts);
            if (servers.length === 0)
                throw new checks_types/* SkipCheck */.oC(`the name servers of ${parentZone} (${hosts.join(', ')}) could not be resolved`);
        }
        const results = await ctx.dns.askAuthoritative(servers, domain, 'NS');
        const res = firstAnswer(results);
        if (!res) {
            const why = results
                .map((r) => r.status === 'rejected' ? r.reason.message : `${r.value.server}: ${r.value.rcode}`)
                .join('; ');
            throw new checks_types/* SkipCheck */.oC(`the authoritative servers of ${parentZone} did not answer: ${why}`);
        }
        return {
            parentZone,
            servers,
            nameServers: (0,query/* nameServersOf */.hL)(res, domain),
            ttl: (0,query/* nsTtl */.Cv)(res, domain),
            rcode: res.rcode,
        };
    });
}
/** The Cloud DNS zone named after the domain (once per run); undefined when it does not exist. */
function cloudZone(ctx) {
    return ctx.once('dns-zone', async () => {
        const { gcp, project } = await requireGcp(ctx, 'dns.googleapis.com');
        return gcp.dns.getManagedZone(project, (0,net/* zoneNameFor */.$k)((0,checks_types/* needConfig */.Po)(ctx).infrastructure.domain));
    });
}
const DNS_002 = {
    id: 'DNS-002',
    async run(ctx) {
        const c = (0,checks_types/* needConfig */.Po)(ctx);
        const domain = c.infrastructure.domain;
        const zoneName = (0,net/* zoneNameFor */.$k)(domain);
        const [pv, zr] = await Promise.allSettled([parentView(ctx), cloudZone(ctx)]);
        if (pv.status === 'rejected')
            throw pv.reason;
        const parent = pv.value;
        const zone = zr.status === 'fulfilled' ? zr.value : undefined;
        const zoneNs = zone?.nameServers.map(query/* normName */.ML).sort() ?? [];
        const expected = zone
            ? `NS ${domain} at ${parent.parentZone} = ${zoneNs.join(', ')} (Cloud DNS zone ${zoneName})`
            : `NS ${domain} at ${parent.parentZone} = the nameServers of Cloud DNS zone ${zoneName}`;
        const nsRecords = (hosts) => hosts.map((h) => `\`${domain}. ${parent.ttl ?? 300} IN NS ${(0,query/* normName */.ML)(h)}.\``).join(', ');
        const howTo = zone
            ? `At the DNS provider of ${parent.parentZone}, replace the NS records of ${domain} with: ${nsRecords(zone.nameServers)}.`
            : `Create the zone first (apply with manage_dns_zone: true creates ${zoneName}), read its name servers (\`gcloud dns managed-zones describe ${zoneName} --format="value(nameServers)"\`), then add NS records for ${domain} at the DNS provider of ${parent.parentZone}.`;
        if (parent.nameServers.length === 0) {
            return (0,checks_types/* error */.z3)(`${parent.parentZone} (asked ${parent.servers.join(', ')}) has no NS records for ${domain} (${parent.rcode}): the domain is not delegated`, expected, howTo + ' Certificate Manager cannot issue the certificate until this is done.');
        }
        const observed = `${parent.parentZone} delegates ${domain} to ${parent.nameServers.join(', ')} (TTL ${parent.ttl ?? '?'} s)`;
        if (zone) {
            if (sameSet(parent.nameServers, zoneNs))
                return (0,checks_types.ok)(observed, expected);
            return (0,checks_types/* error */.z3)(`${observed}; Cloud DNS zone ${zoneName} has ${zoneNs.join(', ')}`, expected, howTo);
        }
        if (zr.status === 'rejected') {
            const why = zr.reason instanceof checks_types/* SkipCheck */.oC ? zr.reason.reason : zr.reason.message;
            if (!parent.nameServers.every(isCloudDnsHost))
                return (0,checks_types/* error */.z3)(`${observed}: these are not Cloud DNS name servers`, expected, howTo);
            return (0,checks_types/* skip */.iv)(`${observed}, but the Cloud DNS zone could not be read to compare (${why})`, expected);
        }
        if (!c.terraform.manage_dns_zone)
            return (0,checks_types/* skip */.iv)(`${observed}; the Cloud DNS zone ${zoneName} does not exist (DNS-004), nothing to compare with`, expected);
        if (!parent.nameServers.every(isCloudDnsHost))
            return (0,checks_types/* error */.z3)(`${observed}: these are not Cloud DNS name servers, and the zone does not exist yet`, expected, howTo);
        return (0,checks_types.ok)(`${observed}: Cloud DNS name servers; zone ${zoneName} will be created by the module (the apply step re-checks the exact set)`, expected);
    },
};
const DNS_003 = {
    id: 'DNS-003',
    async run(ctx) {
        const domain = (0,checks_types/* needConfig */.Po)(ctx).infrastructure.domain;
        const [parent, answers] = await Promise.all([parentView(ctx), ctx.dns.askResolvers(domain, 'NS')]);
        const expected = `every resolver (${ctx.dns.resolvers.join(', ')}) returns the parent's delegation`;
        if (parent.nameServers.length === 0)
            return (0,checks_types/* skip */.iv)(`${domain} is not delegated yet (DNS-002): nothing to propagate`, expected);
        const stale = [];
        const agreeing = [];
        const unreachable = [];
        for (const a of answers) {
            if (a.status === 'rejected') {
                unreachable.push(a.reason.message);
                continue;
            }
            const ns = (0,query/* nameServersOf */.hL)(a.value, domain);
            if (sameSet(ns, parent.nameServers))
                agreeing.push(a.value.server);
            else
                stale.push({ server: a.value.server, ns, ttl: (0,query/* nsTtl */.Cv)(a.value, domain) ?? parent.ttl ?? 0 });
        }
        if (agreeing.length === 0 && stale.length === 0)
            return (0,checks_types/* skip */.iv)(`no resolver answered: ${unreachable.join('; ')}`, expected);
        if (stale.length) {
            const eta = Math.max(...stale.map((s) => s.ttl));
            return (0,checks_types/* warn */.R8)(stale
                .map((s) => `${s.server} still returns ${s.ns.length ? s.ns.join(', ') : 'no delegation'} (cached, TTL ${s.ttl} s left)`)
                .join('; ') + (agreeing.length ? `; ${agreeing.join(', ')} agree` : ''), expected, `Propagation is pending: the cached answers expire within ~${(0,render/* formatDuration */.a3)(eta * 1000)} (by ${new Date(ctx.clock.now() + eta * 1000).toISOString()}). Nothing to change; run again after that. Certificate issuance starts once resolvers see the delegation.`);
        }
        return (0,checks_types.ok)(`${agreeing.join(', ')} return ${(0,checks_types/* list */.p_)(parent.nameServers)}${unreachable.length ? ` (${unreachable.length} resolver(s) did not answer)` : ''}`, expected);
    },
};
const DNS_004 = {
    id: 'DNS-004',
    async run(ctx) {
        const c = (0,checks_types/* needConfig */.Po)(ctx);
        const domain = c.infrastructure.domain;
        const zoneName = (0,net/* zoneNameFor */.$k)(domain);
        const expected = c.terraform.manage_dns_zone
            ? `the module creates zone ${zoneName}`
            : `an existing Cloud DNS zone ${zoneName} for ${domain}.`;
        if (c.terraform.manage_dns_zone) {
            const zone = await cloudZone(ctx).catch(() => undefined);
            return (0,checks_types.ok)(zone
                ? `manage_dns_zone: true; zone ${zoneName} already exists (from an earlier apply, or import it into the state)`
                : `manage_dns_zone: true; the module creates ${zoneName}`, expected);
        }
        const zone = await cloudZone(ctx);
        if (!zone) {
            return (0,checks_types/* error */.z3)(`manage_dns_zone: false, and project ${c.gcp.project_id} has no zone ${zoneName}: the module reads it unconditionally and fails`, expected, `Create it: \`gcloud dns managed-zones create ${zoneName} --dns-name=${domain}. --description="Harness Gitspaces" --project ${c.gcp.project_id}\`, then delegate ${domain} to its name servers; or set manage_dns_zone: true.`);
        }
        if ((0,query/* normName */.ML)(zone.dnsName) !== (0,query/* normName */.ML)(domain)) {
            return (0,checks_types/* error */.z3)(`zone ${zoneName} exists but serves ${zone.dnsName}`, expected, `Recreate ${zoneName} with --dns-name=${domain}.`);
        }
        return (0,checks_types.ok)(`zone ${zoneName} exists (${zone.dnsName}, name servers ${(0,checks_types/* list */.p_)(zone.nameServers.map(query/* normName */.ML))})`, expected);
    },
};
const DNS_CHECKS = [DNS_001, DNS_002, DNS_003, DNS_004];

;// CONCATENATED MODULE: ./shared/checks/certificates.ts
/** The certificates family (CERT-001): a certificate brought as files fits the region domains. */





function splitPem(text) {
    return text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
}
function sanCovers(san, host) {
    const names = san
        .split(/,\s*/)
        .filter((s) => s.startsWith('DNS:'))
        .map((s) => s.slice(4).toLowerCase());
    return names.includes(host.toLowerCase());
}
const CERT_001 = {
    id: 'CERT-001',
    async run(ctx) {
        const c = (0,checks_types/* needConfig */.Po)(ctx);
        const cert = c.terraform.certificate;
        const expected = 'a certificate whose key matches, leaf first, covering *.<region domain>, valid > 30 days';
        if (cert.mode !== 'files') {
            return (0,checks_types.ok)('certificate-manager: Google issues a managed *.<region domain> certificate per region after apply (needs DNS-002)', 'no certificate files to check in certificate-manager mode');
        }
        const base = (0,external_node_path_.dirname)((0,external_node_path_.resolve)(ctx.configPath));
        const certPath = (0,external_node_path_.resolve)(base, cert.certificate_path);
        const keyPath = (0,external_node_path_.resolve)(base, cert.private_key_path);
        let certText;
        let keyText;
        try {
            [certText, keyText] = await Promise.all([(0,promises_.readFile)(certPath, 'utf8'), (0,promises_.readFile)(keyPath, 'utf8')]);
        }
        catch (e) {
            return (0,checks_types/* error */.z3)(`cannot read ${e.path ?? 'the certificate files'}: ${e.code ?? 'error'}`, expected, 'Point terraform.certificate.certificate_path and private_key_path at PEM files in the repository or workspace.');
        }
        ctx.log.mask(keyText.trim());
        const pems = splitPem(certText);
        if (pems.length === 0)
            return (0,checks_types/* error */.z3)(`${cert.certificate_path} holds no PEM certificate`, expected, 'Use the PEM (Base64) certificate, leaf first, then the intermediates.');
        let chain;
        try {
            chain = pems.map((p) => new external_node_crypto_.X509Certificate(p));
        }
        catch (e) {
            return (0,checks_types/* error */.z3)(`${cert.certificate_path} cannot be parsed: ${e.message}`, expected, 'Export the certificate again as PEM.');
        }
        const leaf = chain[0];
        const problems = [];
        let keyMatches = false;
        try {
            keyMatches = leaf.checkPrivateKey((0,external_node_crypto_.createPrivateKey)(keyText));
        }
        catch {
            problems.push(`${cert.private_key_path} is not a readable PEM private key`);
        }
        if (!keyMatches && problems.length === 0)
            problems.push(`the private key does not belong to the first certificate (${leaf.subject.replace(/\n/g, ', ')})`);
        for (let i = 0; i + 1 < chain.length; i++) {
            const a = chain[i];
            const b = chain[i + 1];
            if (!a.checkIssued(b))
                problems.push(`certificate ${i + 1} was not issued by certificate ${i + 2}: the chain is out of order (leaf first, then its issuer)`);
        }
        const san = leaf.subjectAltName ?? '';
        const uncovered = regionDomains(ctx)
            .map((r) => `*.${r.domain}`)
            .filter((h) => !sanCovers(san, h));
        if (uncovered.length)
            problems.push(`the certificate does not cover ${uncovered.join(', ')} (SANs: ${san || 'none'})`);
        const days = Math.floor((Date.parse(leaf.validTo) - ctx.clock.now()) / 86_400_000);
        if (days < 0)
            problems.push(`the certificate expired ${-days} day(s) ago (${leaf.validTo})`);
        const observed = `leaf ${leaf.subject.replace(/\n/g, ', ')}; ${chain.length} certificate(s); SANs ${san || 'none'}; ${days} day(s) left`;
        if (problems.length)
            return (0,checks_types/* error */.z3)(problems.join('; '), expected, 'Issue a certificate for *.<region domain> of every region, put the leaf first and its intermediates after it, and keep the matching key.');
        if (days < 30)
            return (0,checks_types/* warn */.R8)(observed, expected, 'Renew the certificate before it expires and re-apply.');
        return (0,checks_types.ok)(observed, expected);
    },
};
const CERTIFICATES_CHECKS = [CERT_001];

// EXTERNAL MODULE: ./shared/config/schema.ts
var schema = __webpack_require__(18646);
;// CONCATENATED MODULE: ./shared/checks/config.ts
/** The config family (CFG): the file parses and validates, and its keys match the pinned module generation. */



const CFG_001 = {
    id: 'CFG-001',
    async run(ctx) {
        if (ctx.config)
            return (0,checks_types.ok)(`${ctx.configPath}: valid (version 1, ${Object.keys(ctx.config.infrastructure.regions).length} region(s))`, 'a gitspaces.yaml that matches the schema');
        const issues = ctx.configIssues;
        return (0,checks_types/* error */.z3)(`${ctx.configPath}: ${issues.length} problem(s): ${issues.map(parse/* formatIssue */.H).join(' | ')}`, 'a gitspaces.yaml that matches the schema (docs/config.md)', issues.length
            ? `Correct each field listed (path, what was found, what is expected). ${issues[0]?.fix ?? ''}`
            : 'Create gitspaces.yaml from examples/gitspaces.yaml.');
    },
};
const CFG_002 = {
    id: 'CFG-002',
    async run(ctx) {
        const c = (0,checks_types/* needConfig */.Po)(ctx);
        const mod = c.terraform.module;
        const gen = mod.generation;
        const expected = gen === 'v0.0.3'
            ? 'v0.0.3 keys: gateway image as a family (vm_image.family/project), no runner VM'
            : 'post-0.0.3 keys: gateway.vm_image_name, runner.region/zone/vm_image_name, create_runner_vm';
        if (mod.version) {
            const byVersion = (0,schema/* generationForVersion */.os)(mod.version);
            if (byVersion !== gen) {
                return (0,checks_types/* error */.z3)(`module version ${mod.version} has the ${byVersion} interface, but generation says ${gen}`, `generation ${byVersion} for version ${mod.version}`, `Remove terraform.module.generation (it is derived from the version) or set it to ${byVersion}.`);
            }
        }
        if (gen === 'v0.0.3') {
            const img = c.infrastructure.gateway.vm_image_name;
            if (img && !/\/images\/family\//.test(img)) {
                return (0,checks_types/* error */.z3)(`gateway.vm_image_name is ${img}, a single image; module ${mod.version ?? 'v0.0.3'} reads only gateway.vm_image.family and .project`, expected, `Use an image family path (projects/ubuntu-os-cloud/global/images/family/ubuntu-2204-lts), or pin a post-0.0.3 module version that reads vm_image_name.`);
            }
            if (c.terraform.create_runner_vm) {
                return (0,checks_types/* warn */.R8)(`create_runner_vm is true, but the v0.0.3 module has no such variable: no runner VM is created`, expected, 'Create the runner VM yourself and set infrastructure.runner.vm_name (docs/troubleshooting.md#CFG-002), or pin a post-0.0.3 module version that creates it.');
            }
            return (0,checks_types.ok)(`generation v0.0.3 (${mod.source}${mod.version ? `@${mod.version}` : ''}); the keys match`, expected);
        }
        return (0,checks_types.ok)(`generation post-0.0.3 (${mod.source}${mod.version ? `@${mod.version}` : ''}); the keys match`, expected);
    },
};
const CONFIG_CHECKS = [CFG_001, CFG_002];

;// CONCATENATED MODULE: ./shared/checks/harness.ts
/** The harness family (HARNESS): the API key, the self-hosted infrastructure type, the org and project. */


const SUPPORT = 'Harness Support (support@harness.io, or the in-app Help -> Submit a ticket)';
function harness_client(ctx) {
    if (!ctx.harness)
        throw new checks_types/* SkipCheck */.oC('no Harness API key was given (see HARNESS-001)');
    return ctx.harness;
}
/** The account's infra providers, once per run: the call that proves the key has account scope. */
function infraProviders(ctx) {
    return ctx.once('harness-infras', () => harness_client(ctx).listInfraProviders());
}
const HARNESS_001 = {
    id: 'HARNESS-001',
    async run(ctx) {
        const c = (0,checks_types/* needConfig */.Po)(ctx);
        const expected = `an API key (PAT or service-account token) of account ${c.harness.account_id} that may view infrastructure providers at account scope`;
        if (!ctx.harness) {
            return (0,checks_types/* error */.z3)('no Harness API key: the harness-api-key input (HARNESS_API_KEY for the CLI) is empty', expected, 'Create a token (Account Settings -> Access Control -> Service Accounts -> API key -> token), store it as a secret, pass it as harness-api-key.');
        }
        try {
            const list = await infraProviders(ctx);
            return (0,checks_types.ok)(`key accepted; ${list.length} infrastructure provider(s) visible at account scope`, expected);
        }
        catch (e) {
            if (e instanceof errors/* RemoteError */.Hi && e.status === 401) {
                return (0,checks_types/* error */.z3)(`Harness answered 401: the key is invalid, expired or revoked (${e.message})`, expected, 'Create a new token for the API key (it may have expired), update the secret, and check that it belongs to this account.');
            }
            if (e instanceof errors/* RemoteError */.Hi && e.status === 403) {
                return (0,checks_types/* error */.z3)(`Harness answered 403 on the account's infrastructure providers: the key is scoped to a project or lacks the permission (${e.message})`, expected, 'Use a token of an account-level service account (or user) with the CDE Admin or Account Admin role: Gitspace infrastructure exists only at account scope.');
            }
            throw e;
        }
    },
};
const HARNESS_002 = {
    id: 'HARNESS-002',
    async run(ctx) {
        const c = (0,checks_types/* needConfig */.Po)(ctx);
        const expected = 'the hybrid_vm_gcp infrastructure type available (feature flag CDE_HYBRID_ENABLED, set by Harness Support)';
        const h = harness_client(ctx);
        // The list and the account's gitspace settings are independent: ask both at once.
        const settings = h
            .request('GET', `${h.baseUrl}/gateway/cde/api/v1/accounts/${encodeURIComponent(c.harness.account_id)}/gitspace-settings`)
            .catch((e) => {
            if (e instanceof errors/* RemoteError */.Hi && (e.status === 404 || e.status === 403))
                return undefined;
            throw e;
        });
        let list;
        try {
            list = await infraProviders(ctx);
        }
        catch (e) {
            void settings.catch(() => undefined);
            throw new checks_types/* SkipCheck */.oC(`the infrastructure providers could not be listed (see HARNESS-001): ${(0,errors/* errorMessage */.gJ)(e)}`, expected);
        }
        const hybrid = list.filter((i) => i.type === 'hybrid_vm_gcp');
        if (hybrid.length) {
            void settings.catch(() => undefined);
            return (0,checks_types.ok)(`the account already has ${hybrid.length} hybrid_vm_gcp infrastructure(s) (${hybrid.map((i) => i.identifier).join(', ')})`, expected);
        }
        // The account's gitspace settings: `available_settings.infra_provider_resources` is, per infrastructure type,
        // the regions and machine types the admin's "Cloud Regions & Machine Types" allow-list offers (harness/harness
        // web/src/services/cde/swagger.yaml TypesAvailableSettings; web/src/cde-gitness/pages/AdminSettings/CloudRegions/
        // hooks/useInfraProviderResources.ts). Harness does not document it as the state of CDE_HYBRID_ENABLED, so a
        // missing hybrid_vm_gcp there is reported as what was seen (a warning), never as "the flag is off".
        // The NG licensing API (harness-go-sdk LicensesApi GetLicensesAndSummary, GET /ng/api/licenses/{account}/summary
        // ?moduleType=) would be the documented place to ask whether the CDE module is enabled, but its ModuleType enum
        // has no CDE (harness-core io.harness.ModuleType; Harness's OpenAPI ModuleType: CD, CI, CV, CF, CE, STO, CORE,
        // PMS, TEMPLATESERVICE, GOVERNANCE, CHAOS, CET, IDP, SSCA, SEI, CODE, HAR), so it is not asked.
        const s = await settings;
        const res = s?.available_settings?.infra_provider_resources;
        const types = res && typeof res === 'object' ? Object.keys(res) : undefined;
        if (types && types.length > 0) {
            if (types.includes('hybrid_vm_gcp'))
                return (0,checks_types.ok)(`hybrid_vm_gcp is among the infrastructure types the account's gitspace settings offer (${types.join(', ')})`, expected);
            return (0,checks_types/* warn */.R8)(`the account's gitspace settings offer regions and machine types for ${types.join(', ')} but not hybrid_vm_gcp (available_settings.infra_provider_resources), and the account has no hybrid_vm_gcp infrastructure yet. Harness does not document that map as the feature flag's state, so this is what was seen, not a verdict`, expected, `If configure-infra is then refused (403), ask ${SUPPORT} to enable CDE_HYBRID_ENABLED (and the CDE module) for account ${c.harness.account_id}; only Harness can turn it on.`);
        }
        return (0,checks_types/* skip */.iv)(`Harness has no public API that shows CDE_HYBRID_ENABLED or whether the CDE module is enabled (the licensing API's module types have no CDE), and the account has no hybrid infrastructure yet. If creating the infrastructure fails with 403, ask ${SUPPORT} to enable it for account ${c.harness.account_id}`, expected);
    },
};
const HARNESS_003 = {
    id: 'HARNESS-003',
    async run(ctx) {
        const c = (0,checks_types/* needConfig */.Po)(ctx);
        const h = harness_client(ctx);
        const { org, project } = c.harness;
        const expected = project ? `organization ${org} with project ${project}` : `organization ${org}`;
        const [orgExists, projectExists] = await Promise.all([
            h.getOrganization(org),
            project ? h.getProject(org, project) : Promise.resolve(true),
        ]);
        if (orgExists === undefined || projectExists === undefined)
            return (0,checks_types/* skip */.iv)(`the API key may not read the ${orgExists === undefined ? 'organization' : 'project'} (403)`, expected);
        if (!orgExists)
            return (0,checks_types/* error */.z3)(`organization ${org} does not exist in account ${c.harness.account_id}`, expected, `Use an existing organization identifier (Account Settings -> Organizations) in harness.org, or create ${org}.`);
        if (!projectExists)
            return (0,checks_types/* error */.z3)(`project ${project} does not exist in organization ${org}`, expected, `Use an existing project identifier in harness.project, or create ${project} in ${org}.`);
        return (0,checks_types.ok)(project ? `${org}/${project} exist` : `${org} exists (no project configured)`, expected);
    },
};
const HARNESS_CHECKS = [HARNESS_001, HARNESS_002, HARNESS_003];

// EXTERNAL MODULE: ./shared/gcp/resourcemanager.ts
var resourcemanager = __webpack_require__(11192);
;// CONCATENATED MODULE: ./shared/checks/iam.ts



/**
 * The permissions IAM-001 tests: what creating the module's resources (and the gitspaces of the config) takes,
 * resource by resource (the list is in docs/troubleshooting.md#IAM-001).
 */
function modulePermissions(config) {
    const tf = config.terraform;
    const post = tf.module.generation === 'post-0.0.3';
    const perms = [
        // VPC, subnets (default + proxy-only), firewall rules, router + NAT
        'compute.networks.create',
        'compute.networks.get',
        'compute.networks.updatePolicy',
        'compute.subnetworks.create',
        'compute.subnetworks.get',
        'compute.subnetworks.use',
        'compute.firewalls.create',
        'compute.firewalls.get',
        'compute.routers.create',
        'compute.routers.get',
        'compute.routers.update',
        // static addresses (NAT, ALB, NLB)
        'compute.addresses.create',
        'compute.addresses.get',
        'compute.addresses.use',
        // gateway template + regional MIG + autohealing health check
        'compute.instanceTemplates.create',
        'compute.instanceTemplates.get',
        'compute.instanceTemplates.useReadOnly',
        'compute.instanceGroupManagers.create',
        'compute.instanceGroupManagers.get',
        'compute.instanceGroups.create',
        'compute.instanceGroups.use',
        'compute.healthChecks.create',
        'compute.healthChecks.get',
        'compute.healthChecks.useReadOnly',
        'compute.regionHealthChecks.create',
        'compute.regionHealthChecks.useReadOnly',
        // ALB and NLB chains
        'compute.regionBackendServices.create',
        'compute.regionBackendServices.get',
        'compute.regionBackendServices.use',
        'compute.regionUrlMaps.create',
        'compute.regionUrlMaps.use',
        'compute.regionTargetHttpsProxies.create',
        'compute.regionTargetHttpsProxies.use',
        'compute.forwardingRules.create',
        'compute.forwardingRules.get',
        // instances the MIG, the runner and the VM runner create
        'compute.instances.create',
        'compute.instances.get',
        'compute.instances.delete',
        'compute.instances.setMetadata',
        'compute.instances.setTags',
        'compute.instances.setLabels',
        'compute.disks.create',
        'compute.images.useReadOnly',
        'compute.images.get',
        'compute.regions.get',
        'compute.zones.get',
        'compute.regionOperations.get',
        'compute.zoneOperations.get',
        'compute.globalOperations.get',
        // the module's service account and its role binding
        'iam.serviceAccounts.create',
        'iam.serviceAccounts.get',
        'iam.serviceAccounts.actAs',
        'resourcemanager.projects.getIamPolicy',
        'resourcemanager.projects.setIamPolicy',
    ];
    if (tf.certificate.mode === 'files')
        perms.push('compute.regionSslCertificates.create', 'compute.regionSslCertificates.get');
    // The zone is read even when the module does not manage it (unconditional data source).
    perms.push('dns.managedZones.get', 'dns.managedZones.list');
    if (tf.manage_dns_zone)
        perms.push('dns.managedZones.create', 'dns.resourceRecordSets.create', 'dns.resourceRecordSets.list', 'dns.changes.create', 'dns.changes.get');
    if (tf.manage_dns_zone && tf.certificate.mode === 'certificate-manager') {
        perms.push('certificatemanager.certs.create', 'certificatemanager.certs.get', 'certificatemanager.certs.use', 'certificatemanager.dnsauthorizations.create', 'certificatemanager.dnsauthorizations.get', 'certificatemanager.dnsauthorizations.use', 'certificatemanager.operations.get');
    }
    if (post && config.infrastructure.gateway.instances > 1)
        perms.push('redis.instances.create', 'redis.instances.get', 'redis.operations.get');
    return [...new Set(perms)];
}
/** Permissions the identity lacks, once per run (IAM-001 and IAM-002 share it). */
function missingPermissions(ctx) {
    return ctx.once('iam-missing', async () => {
        const { gcp, project } = await requireGcp(ctx, 'cloudresourcemanager.googleapis.com');
        const needed = modulePermissions((0,checks_types/* needConfig */.Po)(ctx));
        const granted = new Set(await gcp.resourceManager.testIamPermissions(project, needed));
        return { needed, missing: needed.filter((p) => !granted.has(p)) };
    });
}
function identity(ctx) {
    if (!ctx.gcp.ok)
        return { email: '', member: '' };
    const c = ctx.gcp.gcp.credentials;
    const email = c.kind === 'service_account'
        ? c.clientEmail
        : c.kind === 'external_account'
            ? (c.serviceAccountEmail ?? '')
            : '';
    return { email, member: email ? `serviceAccount:${email}` : '' };
}
const ROLES_FIX = 'Grant the service account roles/owner on the project, as Harness documents (`gcloud projects add-iam-policy-binding PROJECT --member=serviceAccount:EMAIL --role=roles/owner`), ' +
    'or at least roles/compute.admin, roles/dns.admin, roles/certificatemanager.editor, roles/iam.serviceAccountAdmin, roles/iam.serviceAccountUser, roles/resourcemanager.projectIamAdmin (+ roles/redis.admin for HA gateways). Check deny policies too.';
const IAM_001 = {
    id: 'IAM-001',
    async run(ctx) {
        const { needed, missing } = await missingPermissions(ctx);
        const who = identity(ctx).email || 'the identity';
        const expected = `all ${needed.length} permissions the module's resources need (compute, dns, certificatemanager, iam, resourcemanager${needsRedis(ctx) ? ', redis' : ''})`;
        if (missing.length)
            return (0,checks_types/* error */.z3)(`${who} lacks ${missing.length} of ${needed.length}: ${(0,checks_types/* list */.p_)(missing, 12)}`, expected, ROLES_FIX);
        return (0,checks_types.ok)(`${who} holds all ${needed.length}`, expected);
    },
};
const IAM_002 = {
    id: 'IAM-002',
    async run(ctx) {
        const { gcp, project } = await requireGcp(ctx, 'cloudresourcemanager.googleapis.com');
        const { email, member } = identity(ctx);
        const expected = `roles/owner for ${member || 'the service account'} on ${project} (Harness's prerequisite)`;
        if (!member)
            return (0,checks_types/* skip */.iv)('the credentials name no service account (user credentials): the binding cannot be looked up', expected);
        const policy = await gcp.resourceManager.getIamPolicy(project);
        if ((0,resourcemanager/* hasRole */.h)(policy, 'roles/owner', member)) {
            return (0,checks_types.ok)(`${email} has roles/owner (broader than the module needs: IAM-001 lists exactly what it uses)`, expected);
        }
        const roles = policy.bindings
            .filter((b) => b.members.some((m) => m.toLowerCase() === member.toLowerCase()))
            .map((b) => b.role);
        const { missing } = await missingPermissions(ctx).catch(() => ({ missing: ['(unknown)'] }));
        const observed = `${email} is not Owner; direct roles: ${(0,checks_types/* list */.p_)(roles)}`;
        if (missing.length === 0) {
            return (0,checks_types/* warn */.R8)(`${observed}; it still holds every permission the module needs (IAM-001)`, expected, 'Fine for the module; Harness support assumes Owner, so mention the custom roles when you open a ticket.');
        }
        return (0,checks_types/* error */.z3)(`${observed}; it lacks ${missing.length} permission(s) the module needs (IAM-001)`, expected, ROLES_FIX.replace('PROJECT', project).replace('EMAIL', email));
    },
};
const IAM_CHECKS = [IAM_001, IAM_002];

// EXTERNAL MODULE: ./shared/checks/infra-yaml.ts
var infra_yaml = __webpack_require__(42318);
;// CONCATENATED MODULE: ./shared/checks/images.ts
/** The images family (IMG): the gateway, runner and machine images exist and are Ubuntu. */





/** Image paths the module and the runner will use: gateway, runner, and every machine. */
function configuredImages(ctx) {
    const c = (0,checks_types/* needConfig */.Po)(ctx);
    const fallback = 'projects/ubuntu-os-cloud/global/images/ubuntu-2004-focal-v20250213';
    const out = [
        { role: 'gateway', path: c.infrastructure.gateway.vm_image_name ?? fallback },
        { role: 'runner', path: c.infrastructure.runner.vm_image_name ?? fallback },
        ...c.machines
            .filter((m) => m.vm_image_name)
            .map((m) => ({ role: `machine ${m.name}`, path: m.vm_image_name })),
    ];
    for (const i of out)
        if (!schema/* IMAGE_RE */._n.test(i.path))
            throw new checks_types/* SkipCheck */.oC(`${i.role} image ${i.path} is not an image path (CFG-001)`);
    return out;
}
function isUbuntu(img) {
    if (img.licenses?.length)
        return img.licenses.some((l) => /ubuntu/i.test(l));
    return /ubuntu/i.test(`${img.name} ${img.family ?? ''}`);
}
const IMG_001 = {
    id: 'IMG-001',
    async run(ctx) {
        const images = configuredImages(ctx);
        const { gcp } = await requireGcp(ctx, 'compute.googleapis.com');
        const unique = [...new Set(images.map((i) => i.path))];
        const reads = computeReads(gcp);
        const results = await Promise.all(unique.map(async (p) => [p, await reads.getImage(p)]));
        const byPath = new Map(results);
        const problems = [];
        const seen = [];
        for (const i of images) {
            const img = byPath.get(i.path);
            if (!img) {
                problems.push(`${i.role} image ${i.path} does not exist (or is not readable by the service account)`);
                continue;
            }
            const label = `${i.role}: ${img.name}${img.family ? ` (family ${img.family})` : ''}`;
            if (!isUbuntu(img))
                problems.push(`${label} is not Ubuntu${img.licenses?.length ? ` (licenses: ${img.licenses.map((l) => l.split('/').pop()).join(', ')})` : ''}`);
            else if (img.deprecated?.state && img.deprecated.state !== 'ACTIVE')
                problems.push(`${label} is ${img.deprecated.state}${img.deprecated.replacement ? `, replaced by ${img.deprecated.replacement.split('/').pop()}` : ''}`);
            else
                seen.push(label);
        }
        const expected = 'existing Ubuntu images (only Ubuntu works for the gateway and the runner)';
        if (problems.length) {
            return (0,checks_types/* error */.z3)(problems.join('; '), expected, 'Use an Ubuntu image, e.g. projects/ubuntu-os-cloud/global/images/family/ubuntu-2204-lts (gateway.vm_image_name, runner.vm_image_name).');
        }
        return (0,checks_types.ok)(seen.join('; '), expected);
    },
};
/** IMG-002: the gateway image the module will boot, read from the Infra Config YAML Harness serves. */
const IMG_002 = {
    id: 'IMG-002',
    async run(ctx) {
        const c = (0,checks_types/* needConfig */.Po)(ctx);
        const f = (0,infra_yaml.imageFinding)(await (0,infra_yaml/* gatewayAsWritten */.mm)(ctx), c);
        return f.status === 'ok' ? (0,checks_types.ok)(f.observed, f.expected) : (0,checks_types/* error */.z3)(f.observed, f.expected, f.fix);
    },
};
const IMAGES_CHECKS = [IMG_001, IMG_002];

;// CONCATENATED MODULE: ./shared/checks/network.ts
/** The network family (NET): subnet ranges are valid, do not overlap, and the gateway's ingress is restricted. */






const NET_001 = {
    id: 'NET-001',
    async run(ctx) {
        const c = (0,checks_types/* needConfig */.Po)(ctx);
        const problems = [];
        const seen = [];
        for (const [region, r] of Object.entries(c.infrastructure.regions)) {
            const def = (0,net/* parseCidr */.GN)(r.default_subnet_ip_range);
            const proxy = (0,net/* parseCidr */.GN)(r.proxy_subnet_ip_range);
            seen.push(`${region}: default ${r.default_subnet_ip_range}, proxy ${r.proxy_subnet_ip_range}`);
            if (!def)
                problems.push(`${region}.default_subnet_ip_range ${r.default_subnet_ip_range} is not a CIDR`);
            else if (!(0,net/* contains */.gR)(net/* TEN_SLASH_EIGHT */.g6, def))
                problems.push(`${region}.default_subnet_ip_range ${r.default_subnet_ip_range} is outside 10.0.0.0/8 (the gitspace ingress rule admits only 10/8: the runner could not reach lite-engine on 9079)`);
            if (!proxy)
                problems.push(`${region}.proxy_subnet_ip_range ${r.proxy_subnet_ip_range} is not a CIDR`);
            else if (proxy.prefix > 26)
                problems.push(`${region}.proxy_subnet_ip_range ${r.proxy_subnet_ip_range} is smaller than /26 (GCP's minimum for a proxy-only subnet)`);
        }
        const expected = 'valid CIDRs; default subnets within 10.0.0.0/8; proxy-only subnets /26 or larger';
        if (problems.length)
            return (0,checks_types/* error */.z3)(problems.join('; '), expected, 'Use ranges such as default 10.6.0.0/16 and proxy 10.3.0.0/26 (docs/config.md).');
        return (0,checks_types.ok)(seen.join('; '), expected);
    },
};
function overlapsAmong(ranges) {
    const out = [];
    for (let i = 0; i < ranges.length; i++) {
        for (let j = i + 1; j < ranges.length; j++) {
            const a = ranges[i];
            const b = ranges[j];
            const ca = (0,net/* parseCidr */.GN)(a.cidr);
            const cb = (0,net/* parseCidr */.GN)(b.cidr);
            if (ca && cb && (0,net/* overlaps */.$f)(ca, cb))
                out.push(`${a.label} ${a.cidr} overlaps ${b.label} ${b.cidr}`);
        }
    }
    return out;
}
const NET_002 = {
    id: 'NET-002',
    async run(ctx) {
        const c = (0,checks_types/* needConfig */.Po)(ctx);
        const name = c.infrastructure.name;
        const network = `${name}-network`;
        const ranges = Object.entries(c.infrastructure.regions).flatMap(([region, r]) => [
            { label: `${region} default`, cidr: r.default_subnet_ip_range, region, name: 'harnessdefault' },
            {
                label: `${region} proxy`,
                cidr: r.proxy_subnet_ip_range,
                region,
                name: `${name}-${region}-proxy-subnet`,
            },
        ]);
        const problems = overlapsAmong(ranges);
        const expected = `no overlap between configured ranges, nor with other subnets of ${network}; no subnet named harnessdefault in another network of a configured region`;
        let existingNote;
        const auth = await gcpAuth(ctx);
        if (auth.ok) {
            try {
                const { gcp, project } = await requireGcp(ctx, 'compute.googleapis.com');
                const subnets = await computeReads(gcp).listSubnetworks(project);
                const regionOf = (s) => (s.region ?? '').split('/').pop() ?? '';
                const netOf = (s) => (s.network ?? '').split('/').pop() ?? '';
                existingNote = `; ${subnets.length} existing subnet(s) compared`;
                for (const s of subnets) {
                    const ours = ranges.find((r) => r.name === s.name && r.region === regionOf(s));
                    if (ours && netOf(s) === network)
                        continue; // created by an earlier apply of this infrastructure
                    if (ours && s.name === 'harnessdefault') {
                        problems.push(`subnet harnessdefault already exists in ${regionOf(s)} (network ${netOf(s)}): the module's subnet name collides (one infrastructure per project and region)`);
                        continue;
                    }
                    if (netOf(s) !== network || !s.ipCidrRange)
                        continue;
                    for (const r of ranges) {
                        const o = overlapsAmong([
                            { label: r.label, cidr: r.cidr },
                            { label: `existing ${s.name}`, cidr: s.ipCidrRange },
                        ]);
                        problems.push(...o);
                    }
                }
            }
            catch (e) {
                if (e instanceof checks_types/* SkipCheck */.oC || (e instanceof errors/* RemoteError */.Hi && e.status === 403))
                    existingNote = `; existing subnets not compared (${e instanceof checks_types/* SkipCheck */.oC ? e.reason : 'no permission to list subnetworks'})`;
                else
                    throw e;
            }
        }
        else
            existingNote = `; existing subnets not compared (no usable credentials, ${auth.checkId})`;
        if (problems.length)
            return (0,checks_types/* error */.z3)(problems.join('; '), expected, 'Choose ranges that do not overlap (e.g. 10.6.0.0/16 + 10.3.0.0/26 in one region, 10.7.0.0/16 + 10.3.1.0/26 in the next), or remove the colliding subnet.');
        return (0,checks_types.ok)(`${ranges.map((r) => `${r.label} ${r.cidr}`).join(', ')}: no overlap${existingNote}`, expected);
    },
};
const NET_003 = {
    id: 'NET-003',
    async run(ctx) {
        const c = (0,checks_types/* needConfig */.Po)(ctx);
        const w = c.infrastructure.gateway.whitelist_ip_ranges;
        const allowPublic = c.infrastructure.gateway.allow_public;
        const expected = 'gateway.whitelist_ip_ranges set to the ranges your users come from, or gateway.allow_public: true';
        if (!w || w.length === 0 || w.includes(infra_yaml/* OPEN_RANGE */.t3)) {
            const observed = w?.length
                ? `whitelist_ip_ranges includes ${infra_yaml/* OPEN_RANGE */.t3}`
                : `whitelist_ip_ranges is absent: the module opens ports 80, 443, 2117-2118 and 2200-65000 to ${infra_yaml/* OPEN_RANGE */.t3}`;
            if (allowPublic)
                return (0,checks_types.ok)(`${observed}, by choice (gateway.allow_public: true)`, expected);
            return (0,checks_types/* error */.z3)(observed, expected, 'Set infrastructure.gateway.whitelist_ip_ranges to your office/VPN egress ranges (e.g. [203.0.113.0/24]), or set infrastructure.gateway.allow_public: true to open the gateways to the internet on purpose.');
        }
        return (0,checks_types.ok)(`whitelist_ip_ranges: ${w.join(', ')}`, expected);
    },
};
/** NET-004: the whitelist the gateway will really get, read from the Infra Config YAML Harness serves. */
const NET_004 = {
    id: 'NET-004',
    async run(ctx) {
        const c = (0,checks_types/* needConfig */.Po)(ctx);
        const f = (0,infra_yaml.whitelistFinding)(await (0,infra_yaml/* gatewayAsWritten */.mm)(ctx), c);
        return f.status === 'ok' ? (0,checks_types.ok)(f.observed, f.expected) : (0,checks_types/* error */.z3)(f.observed, f.expected, f.fix);
    },
};
const NETWORK_CHECKS = [NET_001, NET_002, NET_003, NET_004];

// EXTERNAL MODULE: ./shared/gcp/location-groups.ts
var location_groups = __webpack_require__(32829);
;// CONCATENATED MODULE: ./shared/checks/org.ts
/** The org family (ORG): organization policies that block or change what the module creates. */



function orgPolicy(ctx, constraint) {
    return ctx.once(`org:${constraint}`, async () => {
        const { gcp, project } = await requireGcp(ctx, 'cloudresourcemanager.googleapis.com');
        return gcp.resourceManager.getEffectiveOrgPolicy(project, constraint);
    });
}
function unreadable(p) {
    throw new checks_types/* SkipCheck */.oC(`the organization policy ${p.constraint} could not be read (${p.status === 'unreadable' ? p.message : ''}): grant roles/orgpolicy.policyViewer to look, or ask your organization admin`);
}
const ORG_001 = {
    id: 'ORG-001',
    async run(ctx) {
        const p = await orgPolicy(ctx, 'iam.disableServiceAccountKeyCreation');
        if (p.status !== 'ok')
            unreadable(p);
        const enforced = Boolean(p.booleanPolicy?.enforced);
        const usesKey = ctx.gcp.ok && ctx.gcp.gcp.credentials.kind === 'service_account';
        const expected = 'key creation allowed, or keyless authentication';
        if (!enforced)
            return (0,checks_types.ok)('not enforced: service-account keys can be created', expected);
        if (usesKey) {
            return (0,checks_types/* warn */.R8)('enforced: this key works, but no new key can be created (rotation, or the key the VM runner needs)', expected, 'Use keyless authentication for the workflow (google-github-actions/auth with Workload Identity Federation); ask the organization admin for an exception on this project for the runner key (iam.disableServiceAccountKeyCreation).');
        }
        return (0,checks_types.ok)('enforced; the workflow is keyless', expected);
    },
};
/** Whether a location is allowed by a gcp.resourceLocations allow list (values like in:us-locations, us-central1). */
function locationAllowed(location, values) {
    return locationAllowedBy({ allowedValues: [...values] }, location).allowed === 'yes';
}
const VALUE_GROUPS_DOC = 'https://cloud.google.com/resource-manager/docs/organization-policy/defining-locations#value_groups';
/**
 * The locations the module and the gitspaces create resources in: each region (subnets, addresses, the gateways'
 * regional group, certificates), the runner VM's zone and each machine's zone (zonal VMs). A plain region value
 * allows regional resources only, not its zones (defining-locations: sub-locations are not implied).
 */
function plannedLocations(c) {
    const out = Object.keys(c.infrastructure.regions).map((r) => ({ location: r, what: 'regional resources' }));
    const zones = new Map([[c.infrastructure.runner.zone, 'the runner VM']]);
    for (const m of c.machines)
        if (!zones.has(m.zone))
            zones.set(m.zone, `machine ${m.name}`);
    for (const [zone, what] of zones)
        out.push({ location: zone, what });
    return out;
}
const ORG_002 = {
    id: 'ORG-002',
    async run(ctx) {
        const c = (0,checks_types/* needConfig */.Po)(ctx);
        const p = await orgPolicy(ctx, 'gcp.resourceLocations');
        if (p.status !== 'ok')
            unreadable(p);
        const planned = plannedLocations(c);
        const expected = `resources allowed in ${planned.map((l) => l.location).join(', ')}`;
        const lp = p.listPolicy;
        if (!lp ||
            lp.allValues === 'ALLOW' ||
            (!lp.allowedValues?.length && !lp.deniedValues?.length && lp.allValues !== 'DENY'))
            return (0,checks_types.ok)('no location restriction', expected);
        const desc = `allowed: ${(0,checks_types/* list */.p_)(lp.allowedValues ?? [])}${lp.deniedValues?.length ? `; denied: ${(0,checks_types/* list */.p_)(lp.deniedValues)}` : ''}`;
        const verdicts = planned.map((l) => ({ ...l, ...(0,location_groups/* locationAllowedBy */.TY)(lp, l.location) }));
        const blocked = verdicts.filter((v) => v.allowed === 'no');
        const unknown = verdicts.filter((v) => v.allowed === 'unknown');
        if (blocked.length) {
            return (0,checks_types/* error */.z3)(`${blocked.map((b) => `${b.location} (${b.what})`).join(', ')} not allowed (${desc})`, expected, `Use allowed regions and zones in gitspaces.yaml, or ask the organization admin to allow ${blocked.map((b) => b.location).join(', ')} in gcp.resourceLocations (in:<region>-locations allows a region and its zones; a plain region name does not allow its zones).`);
        }
        if (unknown.length) {
            const groups = [...new Set(unknown.flatMap((u) => u.unknown))];
            return (0,checks_types/* warn */.R8)(`${unknown.map((u) => u.location).join(', ')}: decided by the value group(s) ${groups.join(', ')}, which this check does not encode, so whether they are allowed is not known (${desc})`, expected, `Look the group(s) up in Google's value-group table (${VALUE_GROUPS_DOC}), or run \`gcloud resource-manager org-policies describe gcp.resourceLocations --project ${c.gcp.project_id} --effective\`; if a location is outside them, the apply fails with 412 "violates constraint constraints/gcp.resourceLocations".`);
        }
        return (0,checks_types.ok)(`every region and zone allowed (${desc})`, expected);
    },
};
const ORG_003 = {
    id: 'ORG-003',
    async run(ctx) {
        const [ip, os] = await Promise.all([
            orgPolicy(ctx, 'compute.vmExternalIpAccess'),
            orgPolicy(ctx, 'compute.requireOsLogin'),
        ]);
        if (ip.status !== 'ok')
            unreadable(ip);
        if (os.status !== 'ok')
            unreadable(os);
        const expected = 'no policy that blocks what the module creates; SSH implications known';
        const ipDeny = ip.listPolicy?.allValues === 'DENY' || Boolean(ip.listPolicy?.allowedValues?.length);
        const ipText = ipDeny
            ? 'VM external IPs restricted (fine: the module gives VMs no external IP; egress goes through Cloud NAT)'
            : 'VM external IPs not restricted';
        if (os.booleanPolicy?.enforced) {
            return (0,checks_types/* warn */.R8)(`${ipText}; OS Login required: SSH keys in instance metadata are ignored`, expected, 'To SSH to the runner VM or gateways (through IAP, 35.235.240.0/20), grant roles/compute.osAdminLogin and roles/iap.tunnelResourceAccessor to the people who need it.');
        }
        return (0,checks_types.ok)(`${ipText}; OS Login not required`, expected);
    },
};
const ORG_CHECKS = [ORG_001, ORG_002, ORG_003];

// EXTERNAL MODULE: ./shared/gcp/storage.ts
var gcp_storage = __webpack_require__(46046);
// EXTERNAL MODULE: ./shared/terraform/backend.ts
var terraform_backend = __webpack_require__(11037);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./shared/terraform/collisions.ts
var terraform_collisions = __webpack_require__(50068);
;// CONCATENATED MODULE: ./shared/checks/collisions.ts








async function readState(ctx, storage) {
    const config = (0,checks_types/* needConfig */.Po)(ctx);
    const backend = (0,terraform_backend/* stateBackend */._h)(config);
    const workspace = ctx.env.TF_WORKSPACE || 'default';
    if (backend.type === 'gcs' && backend.bucket) {
        const prefix = (backend.prefix ?? '').replace(/^\/+|\/+$/g, '');
        const object = `${prefix ? `${prefix}/` : ''}${workspace}.tfstate`;
        const where = `gs://${backend.bucket}/${object}`;
        try {
            const state = await storage.readJson(backend.bucket, object);
            return { kind: 'read', view: (0,terraform_collisions.stateView)(state), where: state ? where : `${where} (none yet)` };
        }
        catch (e) {
            if (e instanceof errors/* RemoteError */.Hi && e.status === 403)
                return { kind: 'unreadable', why: `${where} cannot be read (${e.message}; see STATE-004)` };
            throw e;
        }
    }
    if (backend.type === 'local') {
        const configured = typeof backend.config.path === 'string' ? backend.config.path : '';
        const dir = (0,external_node_path_.resolve)(config.terraform.working_directory);
        const file = configured
            ? (0,external_node_path_.isAbsolute)(configured)
                ? configured
                : (0,external_node_path_.join)(dir, configured)
            : workspace === 'default'
                ? (0,external_node_path_.join)(dir, 'terraform.tfstate')
                : (0,external_node_path_.join)(dir, 'terraform.tfstate.d', workspace, 'terraform.tfstate');
        if (!(0,external_node_fs_.existsSync)(file))
            return { kind: 'read', view: (0,terraform_collisions.stateView)(undefined), where: `${file} (none)` };
        return { kind: 'read', view: (0,terraform_collisions.stateView)(JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8'))), where: file };
    }
    return {
        kind: 'unreadable',
        why: `terraform.backend.type is ${backend.type}: this check cannot read that backend's state`,
    };
}
function line(c) {
    return `${c.kind} ${c.name} (${c.where}${c.detail ? `, ${c.detail}` : ''})`;
}
/** What the user does about each: import it (the exact command) or delete it; leftovers: delete. */
function fixText(collisions, leftovers, workingDirectory) {
    const parts = [];
    if (collisions.length)
        parts.push('If these are from an earlier attempt of this setup (or you want Terraform to manage them), import them: run ' +
            'terraform-apply (or the pipeline) once with the input import-existing: true, which adds exactly these as ' +
            'Terraform import blocks (the plan shows each import; an import that would replace or destroy is refused), ' +
            `or import each yourself in the generated root (${workingDirectory}, after terraform init):\n` +
            collisions.map((c) => (0,terraform_collisions.importCommand)(c, workingDirectory)).join('\n') +
            '\nOtherwise delete them (in this order: what uses a resource goes first):\n' +
            [...collisions]
                .reverse()
                .map((c) => c.deleteCommand)
                .join('\n'));
    if (leftovers.length)
        parts.push('Gateway templates and groups an interrupted apply left behind (their names carry uuid(): Terraform will never manage them again), delete them:\n' +
            leftovers.map((l) => l.deleteCommand).join('\n'));
    return parts.join('\n');
}
const STATE_006 = {
    id: 'STATE-006',
    title: 'Nothing the module would create already exists outside the Terraform state',
    async run(ctx) {
        const config = (0,checks_types/* needConfig */.Po)(ctx);
        const { gcp, project } = await requireGcp(ctx);
        const storage = new gcp_storage/* CloudStorage */.f(gcp.rest);
        const state = await readState(ctx, storage);
        const view = state.kind === 'read' ? state.view : (0,terraform_collisions.stateView)(undefined);
        const { collisions, leftovers } = await (0,terraform_collisions.findCollisions)(config, {
            compute: gcp.compute,
            dns: gcp.dns,
            certs: gcp.certs,
            iam: gcp.iam,
        }, view);
        const stateSays = state.kind === 'read' ? `the state (${state.where})` : 'the state';
        const expected = `none of the module's resources in ${project} unless ${stateSays} records it`;
        const workingDirectory = config.terraform.working_directory;
        if (!collisions.length && !leftovers.length)
            return (0,checks_types.ok)(state.kind === 'read'
                ? `no collision: every resource of the module that exists is in ${stateSays} (${view.addresses.size} recorded)`
                : `none of the module's resources exists yet (${state.why})`, expected);
        const observed = [
            collisions.length
                ? `${collisions.length} resource(s) the module would create exist but ${stateSays} does not know them, so the apply would stop on Error 409 alreadyExists: ${collisions.map(line).join('; ')}`
                : '',
            leftovers.length
                ? `${leftovers.length} gateway resource(s) left by an interrupted apply: ${leftovers.map((l) => `${l.kind} ${l.name} (${l.where})`).join('; ')}`
                : '',
        ]
            .filter(Boolean)
            .join('. ');
        const fix = fixText(collisions, leftovers, workingDirectory);
        if (state.kind === 'unreadable')
            return (0,checks_types/* warn */.R8)(`${observed} (${state.why}: if it records them, this is no collision)`, expected, fix);
        if (ctx.importExisting && !leftovers.length)
            return (0,checks_types/* warn */.R8)(`${observed}. import-existing is true: terraform-apply imports them (Terraform import blocks).`, expected, 'Review the imports in the plan: each must plan as no change or an in-place update.');
        return (0,checks_types/* error */.z3)(observed, expected, fix);
    },
};

;// CONCATENATED MODULE: ./shared/checks/state.ts






/**
 * STATE-001..005: the bucket that keeps the Terraform state between jobs (the gcs backend, the default). The
 * preflight only reads: a missing bucket is created by terraform-apply when `create-state-bucket` (or
 * `terraform.backend.create_bucket`) asks for it.
 */
/** What the backend needs on objects: read and list to plan; create and delete to write state and to lock. */
const STATE_OBJECT_PERMISSIONS = [
    'storage.objects.get',
    'storage.objects.list',
    'storage.objects.create',
    'storage.objects.delete',
];
const READ_ONLY = ['storage.objects.get', 'storage.objects.list'];
/** The gcs backend and a storage client, or a skip saying why the bucket is not ours to check. */
async function target(ctx) {
    const config = (0,checks_types/* needConfig */.Po)(ctx);
    const backend = (0,terraform_backend/* stateBackend */._h)(config);
    if (backend.type !== 'gcs' || !backend.bucket || backend.prefix === undefined)
        throw new checks_types/* SkipCheck */.oC(`terraform.backend.type is ${backend.type}: the state is not in a Cloud Storage bucket this check can look at`);
    const { gcp, project } = await requireGcp(ctx);
    return {
        backend: backend,
        storage: new gcp_storage/* CloudStorage */.f(gcp.rest),
        project,
    };
}
/** One buckets.get (and the project's number) shared by STATE-001..005. */
function lookAtBucket(ctx, t) {
    return ctx.once('state-bucket', async () => {
        if (!ctx.gcp.ok)
            throw new checks_types/* SkipCheck */.oC('no usable Google credentials');
        // The project's number and the bucket read at once (one round trip); the project's failure comes first.
        const bucketRead = t.storage.getBucket(t.backend.bucket);
        bucketRead.catch(() => undefined);
        const projectNumber = (await ctx.gcp.gcp.resourceManager.getProject(t.project)).projectNumber;
        try {
            const bucket = await bucketRead;
            return bucket ? { kind: 'found', bucket, projectNumber } : { kind: 'missing' };
        }
        catch (e) {
            if (e instanceof errors/* RemoteError */.Hi && e.status === 403)
                return { kind: 'denied', message: e.message };
            throw e;
        }
    });
}
async function foundBucket(ctx, t) {
    const look = await lookAtBucket(ctx, t);
    if (look.kind !== 'found' || look.bucket.projectNumber !== look.projectNumber)
        throw new checks_types/* SkipCheck */.oC(`the state bucket gs://${t.backend.bucket} is not usable (see STATE-001)`);
    return look.bucket;
}
function createCommand(t) {
    return (`gcloud storage buckets create gs://${t.backend.bucket} --project ${t.project} --location US ` +
        '--uniform-bucket-level-access --public-access-prevention && ' +
        `gcloud storage buckets update gs://${t.backend.bucket} --versioning`);
}
const STATE_001 = {
    id: 'STATE-001',
    title: 'Terraform state bucket exists in this project',
    async run(ctx) {
        const t = await target(ctx);
        const where = `gs://${t.backend.bucket}`;
        const expected = `${where} in project ${t.project} (Terraform state, prefix ${t.backend.prefix})`;
        const look = await lookAtBucket(ctx, t);
        if (look.kind === 'missing') {
            if (t.backend.createBucket)
                return (0,checks_types.ok)(`${where} does not exist yet; terraform.backend.create_bucket is true: terraform-apply creates it`, expected);
            return (0,checks_types/* error */.z3)(`${where} does not exist`, expected, `Let the pipeline create it (input create-state-bucket: true, or terraform.backend.create_bucket: true), or create it once: ${createCommand(t)}`);
        }
        if (look.kind === 'denied')
            return (0,checks_types/* error */.z3)(`${where} cannot be read: ${look.message}`, expected, 'Bucket names are global: it may belong to another project. Grant this identity roles/storage.admin on it, or set terraform.backend.config.bucket to a bucket of this project.');
        if (look.bucket.projectNumber !== look.projectNumber)
            return (0,checks_types/* error */.z3)(`${where} belongs to project number ${look.bucket.projectNumber ?? 'unknown'}, not ${t.project} (${look.projectNumber})`, expected, 'Bucket names are global and this one is taken: set terraform.backend.config.bucket to a bucket of this project.');
        return (0,checks_types.ok)(`${where} exists in ${t.project} (${look.bucket.location ?? 'unknown location'})`, expected);
    },
};
const STATE_002 = {
    id: 'STATE-002',
    title: 'Object versioning on the state bucket',
    async run(ctx) {
        const t = await target(ctx);
        const b = await foundBucket(ctx, t);
        const expected = 'versioning.enabled true, so an earlier state can be restored (Terraform recommends it for gcs)';
        if (b.versioning?.enabled)
            return (0,checks_types.ok)(`gs://${b.name}: versioning on`, expected);
        return (0,checks_types/* warn */.R8)(`gs://${b.name}: versioning off; a damaged or deleted state cannot be recovered`, expected, `gcloud storage buckets update gs://${b.name} --versioning`);
    },
};
const STATE_003 = {
    id: 'STATE-003',
    title: 'State bucket is private: uniform bucket-level access and public access prevention',
    async run(ctx) {
        const t = await target(ctx);
        const b = await foundBucket(ctx, t);
        const expected = 'uniformBucketLevelAccess on, publicAccessPrevention enforced, no allUsers/allAuthenticatedUsers binding';
        const policy = await t.storage.getIamPolicy(b.name);
        const publicRoles = (policy.bindings ?? [])
            .filter((x) => x.members.some((m) => m === 'allUsers' || m === 'allAuthenticatedUsers'))
            .map((x) => `${x.role} (${x.members.filter((m) => m.startsWith('all')).join(', ')})`);
        const ubla = b.iamConfiguration?.uniformBucketLevelAccess?.enabled === true;
        const pap = b.iamConfiguration?.publicAccessPrevention ?? 'inherited';
        const observed = `gs://${b.name}: uniform bucket-level access ${ubla ? 'on' : 'off'}, public access prevention ${pap}`;
        const fix = `gcloud storage buckets update gs://${b.name} --uniform-bucket-level-access --public-access-prevention` +
            (publicRoles.length
                ? ' (and remove the public bindings: gcloud storage buckets remove-iam-policy-binding ...)'
                : '');
        if (publicRoles.length)
            return (0,checks_types/* error */.z3)(`${observed}; PUBLIC: ${(0,checks_types/* list */.p_)(publicRoles)}. The state holds the gateway's secrets.`, expected, fix);
        if (!ubla || pap !== 'enforced')
            return (0,checks_types/* warn */.R8)(`${observed}; the state holds secrets and nothing stops it being made public`, expected, fix);
        return (0,checks_types.ok)(observed, expected);
    },
};
const STATE_004 = {
    id: 'STATE-004',
    title: 'Identity can read, list, write and delete state objects',
    async run(ctx) {
        const t = await target(ctx);
        const b = await foundBucket(ctx, t);
        const expected = `${STATE_OBJECT_PERMISSIONS.join(', ')} on gs://${b.name} (plan-only identities: get and list)`;
        const held = new Set(await t.storage.testPermissions(b.name, STATE_OBJECT_PERMISSIONS));
        const missing = STATE_OBJECT_PERMISSIONS.filter((p) => !held.has(p));
        if (!missing.length)
            return (0,checks_types.ok)(`all ${STATE_OBJECT_PERMISSIONS.length} held`, expected);
        const fix = `gcloud storage buckets add-iam-policy-binding gs://${b.name} --member=<this identity> --role=roles/storage.objectAdmin`;
        if (missing.every((p) => !READ_ONLY.includes(p)))
            return (0,checks_types/* warn */.R8)(`missing ${(0,checks_types/* list */.p_)(missing)}: enough to plan (preview), not to apply or lock`, expected, fix);
        return (0,checks_types/* error */.z3)(`missing ${(0,checks_types/* list */.p_)(missing)}: Terraform cannot read the state`, expected, fix);
    },
};
const STATE_005 = {
    id: 'STATE-005',
    title: 'No lock held on the Terraform state',
    async run(ctx) {
        const t = await target(ctx);
        const b = await foundBucket(ctx, t);
        const workspace = ctx.env.TF_WORKSPACE || 'default';
        const object = `${t.backend.prefix.replace(/^\/+|\/+$/g, '')}/${workspace}.tflock`;
        const expected = `no gs://${b.name}/${object}`;
        const lock = await t.storage.readLock(b.name, object);
        if (!lock)
            return (0,checks_types.ok)('not locked', expected);
        const config = (0,checks_types/* needConfig */.Po)(ctx);
        return (0,checks_types/* warn */.R8)(`gs://${b.name}/${object} is ${(0,terraform_backend/* describeLock */.FD)(lock, ctx.clock.now())}`, expected, `If that run is still going, wait for it. If it was killed, release the lock: run terraform-apply (or the pipeline) with the input force-unlock: ${lock.id}, or ${(0,terraform_backend/* forceUnlockCommand */.Vs)(lock, config.terraform.working_directory)} (after terraform init in that directory).`);
    },
};
const STATE_CHECKS = [
    STATE_001,
    STATE_002,
    STATE_003,
    STATE_004,
    STATE_005,
    STATE_006,
];

;// CONCATENATED MODULE: ./shared/checks/tools.ts
/** The tools family (TOOL): the programs the module needs on the machine that runs the job. */

function parseVersion(v) {
    return v
        .replace(/^v/, '')
        .split(/[.-]/)
        .slice(0, 3)
        .map((x) => Number.parseInt(x, 10) || 0);
}
function atLeast(v, min) {
    const a = parseVersion(v);
    const b = parseVersion(min);
    for (let i = 0; i < 3; i++)
        if ((a[i] ?? 0) !== (b[i] ?? 0))
            return (a[i] ?? 0) > (b[i] ?? 0);
    return true;
}
const TOOL_001 = {
    id: 'TOOL-001',
    async run(ctx) {
        const preferred = ctx.config?.terraform.binary ?? 'terraform';
        const candidates = [preferred, preferred === 'terraform' ? 'tofu' : 'terraform'];
        const found = [];
        for (const bin of candidates) {
            const r = await ctx.exec(bin, ['version', '-json']);
            if (r.error || r.code !== 0)
                continue;
            let version;
            try {
                version = String(JSON.parse(r.stdout).terraform_version ?? '');
            }
            catch {
                version = r.stdout.match(/v?(\d+\.\d+\.\d+)/)?.[1] ?? '';
            }
            if (!version)
                continue;
            if (!atLeast(version, '1.3.0')) {
                found.push(`${bin} ${version}`);
                continue;
            }
            if (bin !== preferred) {
                return (0,checks_types/* warn */.R8)(`${preferred} not found; ${bin} ${version} is`, `${preferred} >= 1.3 (terraform.binary)`, `Set terraform.binary: ${bin}, or install ${preferred} (hashicorp/setup-terraform or opentofu/setup-opentofu).`);
            }
            return (0,checks_types.ok)(`${bin} ${version}`, `${preferred} >= 1.3 (the module's submodules need 1.3)`);
        }
        if (found.length)
            return (0,checks_types/* error */.z3)(`only ${found.join(', ')}`, 'terraform or tofu >= 1.3', 'Install a newer version: hashicorp/setup-terraform@v4 with terraform_version: 1.9.x (or opentofu/setup-opentofu).');
        return (0,checks_types/* error */.z3)(`neither ${candidates.join(' nor ')} is on PATH`, 'terraform or tofu >= 1.3 on PATH', 'Add hashicorp/setup-terraform@v4 (or opentofu/setup-opentofu@v2) before this step.');
    },
};
const TOOL_002 = {
    id: 'TOOL-002',
    async run(ctx) {
        const r = await ctx.exec('sh', ['-c', 'true']);
        if (r.error || r.code !== 0) {
            return (0,checks_types/* error */.z3)(`sh -c true failed: ${r.error ?? `exit ${r.code}`}`, 'a POSIX sh (the module writes pool.yaml with local-exec `echo ... > pool.yaml`)', 'Run the job on Linux or macOS (runs-on: ubuntu-latest), or install a POSIX shell on PATH.');
        }
        return (0,checks_types.ok)('sh runs', "a POSIX sh for the module's local-exec");
    },
};
const TOOLS_CHECKS = [TOOL_001, TOOL_002];

;// CONCATENATED MODULE: ./shared/checks/preflight.ts
























/** The preflight implementations, by family (each family's file exports its list). */
const PREFLIGHT_FAMILIES = {
    config: CONFIG_CHECKS,
    tools: TOOLS_CHECKS,
    auth: AUTH_CHECKS,
    apis: APIS_CHECKS,
    iam: IAM_CHECKS,
    org: ORG_CHECKS,
    capacity: CAPACITY_CHECKS,
    network: NETWORK_CHECKS,
    images: IMAGES_CHECKS,
    dns: DNS_CHECKS,
    certificates: CERTIFICATES_CHECKS,
    harness: HARNESS_CHECKS,
    state: STATE_CHECKS,
};
/** Every preflight check of the catalog (catalog.ts) with its implementation, in catalog (report) order. */
const PREFLIGHT_CHECKS = (0,catalog/* entriesOfPhase */.nF)('preflight').map((entry) => {
    const impl = PREFLIGHT_FAMILIES[entry.family]?.find((c) => c.id === entry.id);
    if (!impl)
        throw new Error(`${entry.id} is in the check catalog but shared/checks/${entry.family}.ts does not list it`);
    return { id: entry.id, title: entry.title, run: (ctx) => impl.run(ctx) };
});
/** Runs a program; the spawn waits one turn of the event loop so that the checks' requests go out first. */
const defaultExec = (file, args) => new Promise((resolve) => setImmediate(resolve)).then(() => new Promise((resolve) => {
    (0,external_node_child_process_.execFile)(file, args, { timeout: 20_000, maxBuffer: 1 << 20, env: { ...process.env, CHECKPOINT_DISABLE: '1' } }, (err, stdout, stderr) => {
        const e = err;
        if (e && typeof e.code === 'string')
            resolve({ code: null, stdout: String(stdout), stderr: String(stderr), error: e.code });
        else
            resolve({
                code: e ? (typeof e.code === 'number' ? e.code : 1) : 0,
                stdout: String(stdout),
                stderr: String(stderr),
            });
    });
}));
async function loadConfigForPreflight(path, text) {
    let body = text;
    if (body === undefined) {
        try {
            body = await (0,promises_.readFile)(path, 'utf8');
        }
        catch (e) {
            const code = e.code ?? 'error';
            return {
                issues: [
                    {
                        path: '',
                        found: `no readable file (${code})`,
                        expected: `a config file at ${path}`,
                        fix: 'Create gitspaces.yaml (start from examples/gitspaces.yaml) or set the config input to its path.',
                    },
                ],
            };
        }
    }
    const r = (0,parse/* parseConfig */.o)(body);
    return r.ok ? { config: r.config, issues: [] } : { issues: r.issues };
}
/** Builds what the checks share. Nothing here makes a request: credentials are parsed, clients created. */
async function createPreflightContext(opts) {
    const clock = opts.clock ?? shared_clock/* realClock */.d;
    const { config, issues } = await loadConfigForPreflight(opts.configPath, opts.configText);
    let gcp;
    try {
        const serviceAccountEmail = opts.serviceAccountEmail || config?.gcp.service_account_email;
        gcp = {
            ok: true,
            gcp: (0,shared_gcp.createGcp)({ keyJson: opts.keyJson, env: opts.env, log: opts.log, clock, serviceAccountEmail }),
        };
    }
    catch (e) {
        if (!(0,errors/* isConfigurationError */.p0)(e))
            throw e;
        const ce = e;
        gcp = {
            ok: false,
            checkId: ce.code === 'AUTH_MISSING' ? 'AUTH-001' : 'AUTH-002',
            code: ce.code,
            message: ce.message,
            fix: ce.fix,
        };
    }
    const key = opts.harnessApiKey?.trim();
    if (key)
        opts.log.mask(key);
    const harness = key && config
        ? new client/* HarnessClient */.aU({
            baseUrl: (0,client/* harnessBaseUrl */.pj)(config, opts.env),
            apiKey: key,
            accountId: config.harness.account_id,
            log: opts.log,
            clock,
        })
        : undefined;
    const memo = new Map();
    return {
        config,
        configIssues: issues,
        configPath: opts.configPath,
        env: opts.env,
        log: opts.log,
        clock,
        enableApis: opts.enableApis ?? false,
        importExisting: opts.importExisting ?? false,
        enableDeadlineMs: opts.enableDeadlineMs ?? 10 * 60_000,
        gcp,
        harness,
        dns: opts.dns ??
            (0,query/* dnsClientFromEndpoints */.Vl)((0,endpoints/* endpointsFromEnv */.k3)(opts.env), { timeoutMs: 3000 }),
        exec: opts.exec ?? defaultExec,
        once(k, fn) {
            let p = memo.get(k);
            if (!p) {
                p = fn();
                memo.set(k, p);
            }
            return p;
        },
    };
}
/** The whole preflight: context, every check concurrently, results in catalog order. */
async function runPreflight(opts) {
    const context = await createPreflightContext(opts);
    try {
        const checks = await runChecks(PREFLIGHT_CHECKS, context, opts);
        return { checks, context };
    }
    finally {
        if (context.gcp.ok)
            await context.gcp.gcp.close().catch(() => undefined);
    }
}

;// CONCATENATED MODULE: ./shared/checks/index.ts
/** The preflight as validate-prereqs loads it (lazily): the catalog, the run loop, the context, every check. */








/***/ }),

/***/ 67538:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cv: () => (/* binding */ nsTtl),
/* harmony export */   ML: () => (/* binding */ normName),
/* harmony export */   Vl: () => (/* binding */ dnsClientFromEndpoints),
/* harmony export */   hL: () => (/* binding */ nameServersOf)
/* harmony export */ });
/* unused harmony exports DnsQueryError, parseServer, queryDns */
/* harmony import */ var node_dgram__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(41314);
/* harmony import */ var node_dgram__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_dgram__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(77030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var dns_packet__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(14894);




class DnsQueryError extends Error {
    server;
    question;
    name = 'DnsQueryError';
    constructor(server, question, message) {
        super(message);
        this.server = server;
        this.question = question;
    }
}
function parseServer(server) {
    const s = server.trim();
    const v6 = s.match(/^\[([^\]]+)\](?::(\d+))?$/);
    if (v6)
        return { host: v6[1], port: v6[2] ? Number(v6[2]) : 53 };
    const parts = s.split(':');
    if (parts.length === 2)
        return { host: parts[0], port: Number(parts[1]) };
    return { host: s, port: 53 };
}
const normName = (n) => n.toLowerCase().replace(/\.+$/, '');
function toRecord(a) {
    const ttl = 'ttl' in a && typeof a.ttl === 'number' ? a.ttl : 0;
    let data;
    if (a.type === 'SOA') {
        const d = a.data;
        data = `${normName(d.mname)} ${normName(d.rname)} ${d.serial}`;
    }
    else if (a.type === 'A' || a.type === 'AAAA')
        data = String(a.data);
    else {
        const d = a.data;
        data = typeof d === 'string' ? normName(d) : '';
    }
    return { name: normName(a.name), type: a.type, ttl, data };
}
function decodeResponse(buf, server, transport) {
    const p = dns_packet__WEBPACK_IMPORTED_MODULE_3__.decode(buf);
    return {
        server,
        rcode: p.rcode ?? 'NOERROR',
        authoritative: Boolean(p.flag_aa),
        truncated: Boolean(p.flag_tc),
        answers: (p.answers ?? []).filter((a) => a.type !== 'OPT').map(toRecord),
        authorities: (p.authorities ?? []).map(toRecord),
        additionals: (p.additionals ?? []).filter((a) => a.type !== 'OPT').map(toRecord),
        transport,
    };
}
function encodeQuery(name, type, rd) {
    const id = (0,node_crypto__WEBPACK_IMPORTED_MODULE_2__.randomInt)(0, 65536);
    const buf = dns_packet__WEBPACK_IMPORTED_MODULE_3__.encode({
        type: 'query',
        id,
        flags: rd ? dns_packet__WEBPACK_IMPORTED_MODULE_3__.RECURSION_DESIRED : 0,
        questions: [{ type, name: normName(name), class: 'IN' }],
    });
    return { id, buf };
}
function udpQuery(host, port, buf, id, timeoutMs) {
    return new Promise((resolve, reject) => {
        const sock = (0,node_dgram__WEBPACK_IMPORTED_MODULE_0__.createSocket)(host.includes(':') ? 'udp6' : 'udp4');
        const timer = setTimeout(() => {
            sock.close();
            reject(new Error(`no answer within ${timeoutMs} ms`));
        }, timeoutMs);
        sock.on('error', (e) => {
            clearTimeout(timer);
            sock.close();
            reject(e);
        });
        sock.on('message', (msg) => {
            if (msg.length < 2 || msg.readUInt16BE(0) !== id)
                return; // not ours
            clearTimeout(timer);
            sock.close();
            resolve(msg);
        });
        sock.send(buf, port, host);
    });
}
function tcpQuery(host, port, buf, timeoutMs) {
    return new Promise((resolve, reject) => {
        const sock = (0,node_net__WEBPACK_IMPORTED_MODULE_1__.connect)({ host, port });
        let data = Buffer.alloc(0);
        const timer = setTimeout(() => {
            sock.destroy();
            reject(new Error(`no answer over TCP within ${timeoutMs} ms`));
        }, timeoutMs);
        sock.on('connect', () => {
            const prefix = Buffer.alloc(2);
            prefix.writeUInt16BE(buf.length);
            sock.write(Buffer.concat([prefix, buf]));
        });
        sock.on('data', (chunk) => {
            data = Buffer.concat([data, chunk]);
            if (data.length >= 2 && data.length >= 2 + data.readUInt16BE(0)) {
                clearTimeout(timer);
                sock.end();
                resolve(data.subarray(2, 2 + data.readUInt16BE(0)));
            }
        });
        sock.on('error', (e) => {
            clearTimeout(timer);
            reject(e);
        });
    });
}
/** One question to one server. Falls back to TCP when the UDP answer is truncated. */
async function queryDns(server, name, type, opts = {}) {
    const { host, port } = parseServer(server);
    const rd = opts.recursionDesired ?? true;
    const timeoutMs = opts.timeoutMs ?? 2000;
    const question = `${normName(name)} ${type}`;
    const { id, buf } = encodeQuery(name, type, rd);
    try {
        if (!opts.tcp) {
            let lastErr;
            for (let i = 0; i < (opts.attempts ?? 2); i++) {
                try {
                    const res = decodeResponse(await udpQuery(host, port, buf, id, timeoutMs), server, 'udp');
                    if (!res.truncated)
                        return res;
                    lastErr = undefined;
                    break;
                }
                catch (e) {
                    lastErr = e;
                }
            }
            if (lastErr)
                throw lastErr;
        }
        return decodeResponse(await tcpQuery(host, port, buf, timeoutMs), server, 'tcp');
    }
    catch (e) {
        throw new DnsQueryError(server, question, `DNS server ${server} did not answer ${question}: ${e instanceof Error ? e.message : String(e)}`);
    }
}
/** NS host names of a response: the answer section (a resolver or the child zone) or the authority section (a parent's referral). */
function nameServersOf(res, zone) {
    const z = normName(zone);
    const fromAnswer = res.answers.filter((r) => r.type === 'NS' && r.name === z).map((r) => r.data);
    const list = fromAnswer.length
        ? fromAnswer
        : res.authorities.filter((r) => r.type === 'NS' && r.name === z).map((r) => r.data);
    return [...new Set(list.map(normName))].sort();
}
/** The TTL carried by the NS records for the zone in this response (the smallest), if any. */
function nsTtl(res, zone) {
    const z = normName(zone);
    const ttls = [...res.answers, ...res.authorities]
        .filter((r) => r.type === 'NS' && r.name === z)
        .map((r) => r.ttl);
    return ttls.length ? Math.min(...ttls) : undefined;
}
/**
 * A client over the configured endpoints: public resolvers from GITSPACES_DNS_RESOLVERS, and (when
 * GITSPACES_DNS_AUTHORITATIVE is set) a server that answers every query meant for an authoritative server.
 */
function dnsClientFromEndpoints(endpoints, opts = {}) {
    const resolvers = endpoints.dnsResolvers;
    const override = endpoints.dnsAuthoritativeOverride;
    const ask = (servers, name, type, rd) => Promise.allSettled(servers.map((s) => queryDns(s, name, type, { ...opts, recursionDesired: rd })));
    return {
        resolvers,
        override,
        askResolvers: (name, type) => ask(resolvers, name, type, true),
        askAuthoritative: (servers, name, type) => ask(servers, name, type, false),
        async authoritativeServers(nsHosts) {
            if (override)
                return [override];
            const addrs = await Promise.all(nsHosts.map(async (h) => {
                for (const r of resolvers) {
                    try {
                        const res = await queryDns(r, h, 'A', { ...opts, recursionDesired: true });
                        const a = res.answers.find((x) => x.type === 'A');
                        if (a)
                            return a.data;
                    }
                    catch {
                        // next resolver
                    }
                }
                return undefined;
            }));
            return [...new Set(addrs.filter((a) => Boolean(a)))];
        },
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


/***/ }),

/***/ 46046:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ CloudStorage),
/* harmony export */   p: () => (/* binding */ stateBucketSettings)
/* harmony export */ });
/* harmony import */ var _rest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(19809);

/** The settings a state bucket is created with: versioned, uniform bucket-level access, public access prevented. */
function stateBucketSettings(name, location) {
    return {
        name,
        location,
        storageClass: 'STANDARD',
        versioning: { enabled: true },
        iamConfiguration: {
            uniformBucketLevelAccess: { enabled: true },
            publicAccessPrevention: 'enforced',
        },
        labels: { 'managed-by': 'gitspaces-actions' },
    };
}
class CloudStorage {
    rest;
    constructor(rest) {
        this.rest = rest;
    }
    /** The bucket, or undefined when it does not exist (404). A 403 (not ours, or no permission) throws. */
    async getBucket(name) {
        try {
            return await this.rest.get('storage', `/storage/v1/b/${encodeURIComponent(name)}`);
        }
        catch (e) {
            if ((0,_rest_js__WEBPACK_IMPORTED_MODULE_0__/* .isNotFound */ .c4)(e))
                return undefined;
            throw e;
        }
    }
    getIamPolicy(bucket) {
        return this.rest.get('storage', `/storage/v1/b/${encodeURIComponent(bucket)}/iam`);
    }
    /** The subset of `permissions` the caller holds on the bucket. */
    async testPermissions(bucket, permissions) {
        const r = await this.rest.get('storage', `/storage/v1/b/${encodeURIComponent(bucket)}/iam/testPermissions`, { permissions });
        return r.permissions ?? [];
    }
    insertBucket(project, body) {
        return this.rest.post('storage', '/storage/v1/b', body, { project });
    }
    /** A JSON object's content (a Terraform state), or undefined when the object or the bucket does not exist. */
    async readJson(bucket, object) {
        const path = `/storage/v1/b/${encodeURIComponent(bucket)}/o/${encodeURIComponent(object)}`;
        try {
            return await this.rest.get('storage', path, { alt: 'media' });
        }
        catch (e) {
            if ((0,_rest_js__WEBPACK_IMPORTED_MODULE_0__/* .isNotFound */ .c4)(e))
                return undefined;
            throw e;
        }
    }
    /** Whether an object exists (a metadata read; 404 is false, other errors throw). */
    async objectExists(bucket, object) {
        try {
            await this.rest.get('storage', `/storage/v1/b/${encodeURIComponent(bucket)}/o/${encodeURIComponent(object)}`);
            return true;
        }
        catch (e) {
            if ((0,_rest_js__WEBPACK_IMPORTED_MODULE_0__/* .isNotFound */ .c4)(e))
                return false;
            throw e;
        }
    }
    /** Terraform's lock object for a state, or undefined when nobody holds the lock. */
    async readLock(bucket, object) {
        const path = `/storage/v1/b/${encodeURIComponent(bucket)}/o/${encodeURIComponent(object)}`;
        try {
            const meta = await this.rest.get('storage', path);
            const info = await this.rest.get('storage', path, {
                alt: 'media',
                generation: meta.generation,
            });
            const str = (k) => (typeof info[k] === 'string' ? info[k] : undefined);
            return {
                id: meta.generation ?? '',
                operation: str('Operation'),
                who: str('Who'),
                created: str('Created'),
                info: str('Info'),
                version: str('Version'),
                path: str('Path'),
            };
        }
        catch (e) {
            if ((0,_rest_js__WEBPACK_IMPORTED_MODULE_0__/* .isNotFound */ .c4)(e))
                return undefined;
            throw e;
        }
    }
}


/***/ }),

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

/***/ 11037:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FD: () => (/* binding */ describeLock),
/* harmony export */   Qy: () => (/* binding */ backendWarnings),
/* harmony export */   TW: () => (/* binding */ STATE_BUCKET_SUFFIX),
/* harmony export */   Te: () => (/* binding */ defaultStatePrefix),
/* harmony export */   Vs: () => (/* binding */ forceUnlockCommand),
/* harmony export */   _h: () => (/* binding */ stateBackend),
/* harmony export */   vP: () => (/* binding */ defaultStateBucket)
/* harmony export */ });
/**
 * Where Terraform keeps the state. A GitHub Actions job starts on a fresh runner, so state kept in the work tree
 * is gone when the job ends: the next job would plan to create everything again. With no `terraform.backend`
 * (or `backend: {type: gcs}` without a bucket), the root uses the `gcs` backend in a bucket of the project:
 *
 * - bucket `<gcp.project_id>-gitspaces-tfstate` (STATE_BUCKET_SUFFIX);
 * - prefix `gitspaces/<infrastructure.identifier>`, so that several infrastructures can share the bucket; the
 *   backend stores `<prefix>/<workspace>.tfstate` and locks with `<prefix>/<workspace>.tflock`.
 *
 * `backend: {type: local}` opts out (a warning in GitHub Actions); any other backend type is passed through with
 * its `config` as written.
 */
const STATE_BUCKET_SUFFIX = '-gitspaces-tfstate';
function defaultStateBucket(projectId) {
    return `${projectId}${STATE_BUCKET_SUFFIX}`;
}
function defaultStatePrefix(identifier) {
    return `gitspaces/${identifier}`;
}
function stateBackend(config) {
    const b = config.terraform.backend ?? { type: 'gcs', config: {}, create_bucket: false };
    if (b.type !== 'gcs')
        return { type: b.type, config: { ...b.config }, createBucket: false };
    const bucket = typeof b.config.bucket === 'string' && b.config.bucket ? b.config.bucket : undefined;
    const prefix = typeof b.config.prefix === 'string' ? b.config.prefix : undefined;
    const effective = {
        bucket: bucket ?? defaultStateBucket(config.gcp.project_id),
        prefix: prefix ?? defaultStatePrefix(config.infrastructure.identifier),
    };
    return {
        type: 'gcs',
        config: { ...b.config, ...effective },
        ...effective,
        derivedBucket: bucket === undefined,
        createBucket: b.create_bucket,
    };
}
/** Local state in GitHub Actions is lost with the runner: say so, and how to fix it. */
function backendWarnings(backend, env) {
    if (backend.type !== 'local' || env.GITHUB_ACTIONS !== 'true')
        return [];
    return [
        'terraform.backend.type is local: the Terraform state stays on this runner and is lost when the job ends, so ' +
            'the next job plans to create everything again (and drift and teardown see nothing). Fix: remove ' +
            'terraform.backend to keep the state in gs://<project_id>-gitspaces-tfstate (created with ' +
            'create-state-bucket: true), or set another remote backend.',
    ];
}
/** `terraform force-unlock` as the user should type it (never run by the product). */
function forceUnlockCommand(lock, workingDirectory) {
    return `terraform${workingDirectory ? ` -chdir=${workingDirectory}` : ''} force-unlock ${lock.id}`;
}
/** A sentence on who holds a state lock, since when, doing what. */
function describeLock(lock, now) {
    const since = lock.created ? Date.parse(lock.created) : NaN;
    const age = Number.isFinite(since) ? ` (${Math.max(0, Math.round((now - since) / 60_000))} min ago)` : '';
    const info = lock.info ? `, run ${lock.info}` : '';
    return `held by ${lock.who ?? 'unknown'} for \`${lock.operation ?? 'an operation'}\` since ${lock.created ?? 'an unknown time'}${age}${info}, lock ID ${lock.id}`;
}


/***/ })

};
