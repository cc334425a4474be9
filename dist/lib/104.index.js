export const id = 104;
export const ids = [104];
export const modules = {

/***/ 80104:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   modulePin: () => (/* reexport safe */ _shared_preview_module_js__WEBPACK_IMPORTED_MODULE_4__.k3),
/* harmony export */   previewBackend: () => (/* binding */ previewBackend),
/* harmony export */   previewPlan: () => (/* binding */ previewPlan),
/* harmony export */   previewPlanFingerprint: () => (/* binding */ previewPlanFingerprint),
/* harmony export */   refuseModule: () => (/* binding */ refuseModule)
/* harmony export */ });
/* unused harmony export withoutSecrets */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(32635);
/* harmony import */ var _shared_gcp_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(15924);
/* harmony import */ var _shared_gcp_storage_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(46046);
/* harmony import */ var _shared_preview_module_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(66501);
/* harmony import */ var _shared_terraform_plan_render_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(84091);
/**
 * terraform-apply with `mode: preview`: the plan a merge would apply, made without writing anything to Google.
 *
 * - The module source must be one the bundle trusts (or the caller allows): a preview job runs with the pull
 *   request's gitspaces.yaml, and `terraform init`/`plan` would run whatever module it names.
 * - The state is read without a lock (`-lock=false`): a plan only reads it, and a lock is an object written to the
 *   state bucket. When there is no state yet (no bucket, or no state object), the plan runs against an empty
 *   local state: the gcs backend would otherwise create the empty state object (a write) on first use.
 * - The fingerprint leaves out the secrets Harness generates (the gateway's shared secret), so that the plan made
 *   with a predicted Infra Config YAML and the one made at merge compare on what the user changed.
 */







/** The plan's share of the preview comment; the preflight, Harness and gitspaces sections take the rest. */
const PLAN_SHARE_OF_COMMENT = 40_000;
/** Where the preview reads the state from; switches the root to an empty local state when there is none. */
async function previewBackend(io, root, p) {
    const b = root.backend;
    if (b.type !== 'gcs' || !b.bucket)
        return `state read through the ${b.type} backend without a lock (-lock=false)`;
    const gcp = (0,_shared_gcp_index_js__WEBPACK_IMPORTED_MODULE_2__.createGcp)({ keyJson: p.gcpCredentials, env: io.env, log: io.log, clock: io.clock });
    try {
        const storage = new _shared_gcp_storage_js__WEBPACK_IMPORTED_MODULE_3__/* .CloudStorage */ .f(gcp.rest);
        const prefix = (b.prefix ?? '').replace(/^\/+|\/+$/g, '');
        const object = prefix ? `${prefix}/${p.workspace}.tfstate` : `${p.workspace}.tfstate`;
        const exists = (await storage.getBucket(b.bucket)) && (await storage.objectExists(b.bucket, object));
        if (exists)
            return `state read from gs://${b.bucket}/${object} without a lock (-lock=false)`;
        root.mainTf.terraform.backend = {
            local: { path: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(p.scratchDir, 'preview.tfstate') },
        };
        return `no state yet at gs://${b.bucket}/${object}: planned against an empty state (nothing written to the bucket)`;
    }
    finally {
        await gcp.close().catch(() => undefined);
    }
}
/** The plan JSON with each secret value replaced, so a fingerprint does not depend on them. */
function withoutSecrets(plan, secrets) {
    let text = JSON.stringify(plan);
    for (const s of secrets) {
        if (!s || s.length < 8)
            continue;
        for (const form of [s, JSON.stringify(s).slice(1, -1)])
            text = text.split(form).join('(secret)');
    }
    return JSON.parse(text);
}
/** The fingerprint a preview gives a plan: its real changes, secrets left out. */
function previewPlanFingerprint(plan, secrets) {
    return (0,_shared_terraform_plan_render_js__WEBPACK_IMPORTED_MODULE_5__/* .planFingerprint */ .an)(withoutSecrets(plan, secrets));
}
/** mode: preview. The plan, its fingerprint and rendering for the pull request's preview; no comment of its own. */
async function previewPlan(run, p, plan, stateNote) {
    const fingerprint = previewPlanFingerprint(plan, run.secrets);
    run.setOutput('plan-fingerprint', fingerprint);
    // The plan comment's own markers are left out: the preview comment has one marker, on its first line.
    // Rendered again with room for the preview's other sections within one comment (65,536 characters).
    const rendered = (0,_shared_terraform_plan_render_js__WEBPACK_IMPORTED_MODULE_5__/* .renderPlanComment */ .zk)(plan, {
        ...run.target,
        runUrl: run.runUrl,
        secrets: run.secrets,
        maxChars: PLAN_SHARE_OF_COMMENT,
    })
        .split('\n')
        .filter((l) => !/^<!-- gitspaces-plan/.test(l))
        .join('\n');
    const terraform = {
        fingerprint,
        countsLine: (0,_shared_terraform_plan_render_js__WEBPACK_IMPORTED_MODULE_5__/* .countsLine */ .at)(p.counts),
        churnLine: (0,_shared_terraform_plan_render_js__WEBPACK_IMPORTED_MODULE_5__/* .churnLine */ .J7)(p.churn),
        changes: p.apply,
        rendered,
        stateNote,
    };
    await run.io.appendSummary(`${rendered}\n\n_${stateNote}._\n`);
    return {
        outputs: run.outputs,
        phase: run.phase('ok', `preview: ${terraform.countsLine}${terraform.churnLine ? ` ${terraform.churnLine}` : ''}`),
        preview: { terraform },
        exitCode: 0,
    };
}
function refuseModule(pin) {
    throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1('MODULE_NOT_ALLOWED', `The Terraform plan was not run: ${pin.refused}.`, `Use the pinned module (${_shared_preview_module_js__WEBPACK_IMPORTED_MODULE_4__/* .PINNED_MODULE */ .Ck.source} ${_shared_preview_module_js__WEBPACK_IMPORTED_MODULE_4__/* .PINNED_MODULE */ .Ck.version}), or add the source to the workflow's allowed-module-sources input (set by the repository's workflow, not by gitspaces.yaml).`);
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

/***/ 66501:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ck: () => (/* binding */ PINNED_MODULE),
/* harmony export */   k3: () => (/* binding */ modulePin)
/* harmony export */ });
/* unused harmony export TRUSTED_MODULE_SOURCES */
/** The module the bundle pins by default (shared/config/schema.ts) and the sources it trusts. */
const PINNED_MODULE = { source: 'harness/harness-gitspaces/gcp', version: '0.0.3' };
const TRUSTED_MODULE_SOURCES = [
    'harness/harness-gitspaces/gcp',
    'registry.terraform.io/harness/harness-gitspaces/gcp',
    'github.com/harness/terraform-gcp-harness-gitspaces',
    'git::https://github.com/harness/terraform-gcp-harness-gitspaces.git',
];
/** The config's module against the bundle's pin and the allow-list (trusted sources + `allowed-module-sources`). */
function modulePin(config, allowed) {
    const { source, version } = config.terraform.module;
    const list = [...TRUSTED_MODULE_SOURCES, ...allowed];
    // A git source may carry `?ref=` and a `//subdir`: the repository part is what is trusted.
    const noRef = source.split('?')[0];
    const schemeEnd = noRef.indexOf('://');
    const sub = noRef.indexOf('//', schemeEnd >= 0 ? schemeEnd + 3 : 0);
    const repoPart = sub >= 0 ? noRef.slice(0, sub) : noRef;
    const ok = list.includes(source) || list.includes(repoPart);
    return {
        source,
        version,
        pinnedSource: PINNED_MODULE.source,
        pinnedVersion: PINNED_MODULE.version,
        changed: source !== PINNED_MODULE.source || (version ?? '') !== PINNED_MODULE.version,
        ...(ok
            ? {}
            : {
                refused: `module source ${JSON.stringify(source)} is not in the allow-list (${list.join(', ')}): a preview does not run a module it does not trust with the project's credentials`,
            }),
    };
}


/***/ })

};
