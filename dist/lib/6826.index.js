export const id = 6826;
export const ids = [6826,3997];
export const modules = {

/***/ 63997:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  VK: () => (/* binding */ MAX_COMMENT_CHARS),
  I2: () => (/* binding */ commentBody),
  findMarkedComment: () => (/* binding */ findMarkedComment),
  githubClient: () => (/* binding */ githubClient),
  wV: () => (/* binding */ markerComment),
  splitRepository: () => (/* binding */ splitRepository),
  upsertMarkedComment: () => (/* binding */ upsertMarkedComment),
  HF: () => (/* binding */ writeComment)
});

// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js + 22 modules
var github = __webpack_require__(92413);
// EXTERNAL MODULE: ./shared/clock.ts
var clock = __webpack_require__(17128);
// EXTERNAL MODULE: ./shared/endpoints.ts
var endpoints = __webpack_require__(57416);
// EXTERNAL MODULE: ./shared/errors.ts
var errors = __webpack_require__(32635);
// EXTERNAL MODULE: ./shared/retry.ts
var retry = __webpack_require__(42372);
;// CONCATENATED MODULE: ./shared/github/retry.ts


/** How long GitHub asks to wait before this request may be sent again, or undefined when it is no rate limit. */
function githubThrottleWaitMs(e, nowMs) {
    const err = e;
    if (err?.status !== 403 && err?.status !== 429)
        return undefined;
    const h = err.response?.headers ?? {};
    const header = (k) => (h[k] === undefined ? undefined : String(h[k]));
    const after = (0,retry/* parseRetryAfter */.mu)(header('retry-after'), nowMs);
    if (after !== undefined)
        return after;
    if (header('x-ratelimit-remaining') === '0') {
        const reset = Number(header('x-ratelimit-reset'));
        return Number.isFinite(reset) ? Math.max(0, reset * 1000 - nowMs) : 60_000;
    }
    const message = `${err.message ?? ''} ${JSON.stringify(err.response?.data ?? '')}`;
    if (/secondary rate limit|rate limit exceeded/i.test(message))
        return 60_000;
    return err.status === 429 ? 60_000 : undefined;
}
/** A fetch failure inside Octokit: status 500 without a response (`@octokit/request`). */
function isNetworkFailure(e) {
    const err = e;
    return err?.status === 500 && !err.response;
}
/** Runs one Octokit request with GitHub's retry rules (above). */
async function withGithubRetries(method, route, send, o) {
    const read = method === 'GET' || method === 'HEAD';
    const attempts = o.attempts ?? 5;
    const budget = o.budgetMs ?? 90_000;
    const start = o.clock.now();
    for (let attempt = 0;; attempt++) {
        try {
            return await send();
        }
        catch (e) {
            const remaining = budget - (o.clock.now() - start);
            const last = attempt + 1 >= attempts;
            const wait = githubThrottleWaitMs(e, o.clock.now());
            let delay;
            if (wait !== undefined && !last && wait <= remaining)
                delay = Math.max(wait, (0,retry/* backoffDelay */.EY)(attempt, { random: o.random, baseMs: 500 }));
            else if (read && !last && (isNetworkFailure(e) || (e?.status ?? 0) >= 500))
                delay = Math.min(remaining, (0,retry/* backoffDelay */.EY)(attempt, { random: o.random, baseMs: 500 }));
            if (delay === undefined || delay < 0) {
                if (isNetworkFailure(e))
                    throw new errors/* RemoteError */.Hi('github', 0, `Cannot reach GitHub at ${o.host} (${method} ${route}): ${(0,retry/* networkCause */.u6)(e.cause ?? e)}`);
                throw e;
            }
            o.log?.debug(`GitHub ${method} ${route}: ${e.message}; retry ${attempt + 1} in ${delay} ms`);
            await o.clock.sleep(delay);
        }
    }
}

;// CONCATENATED MODULE: ./shared/github/comments.ts




/** GitHub refuses issue and comment bodies longer than this (422 "body is too long"). */
const MAX_COMMENT_CHARS = 65536;
/**
 * An Octokit for the GitHub API the environment points at (GITHUB_API_URL; the sandbox sets it), retrying as
 * GitHub documents (shared/github/retry.ts).
 */
function githubClient(token, env = process.env, opts = {}) {
    const baseUrl = (0,endpoints/* endpointsFromEnv */.k3)(env).github;
    const octokit = (0,github/* getOctokit */.Q)(token, { baseUrl });
    let host = 'api.github.com';
    try {
        host = new URL(baseUrl ?? 'https://api.github.com').host;
    }
    catch {
        /* keep */
    }
    octokit.hook.wrap('request', (request, options) => withGithubRetries(String(options.method), String(options.url), async () => request(options), {
        clock: opts.clock ?? clock/* realClock */.d,
        log: opts.log,
        host,
    }));
    return octokit;
}
/** `<!-- gitspaces:<id> -->`: accepts the bare id (`plan`), `gitspaces:plan`, or the full HTML comment. */
function markerComment(marker) {
    const m = marker.trim();
    if (m.startsWith('<!--'))
        return m;
    return `<!-- ${m.startsWith('gitspaces:') ? m : `gitspaces:${m}`} -->`;
}
/**
 * Puts the hidden marker on the first line and keeps the whole within GitHub's limit: an over-long body is cut
 * at a line boundary with a note saying so (the full text belongs in the job summary or an artifact).
 */
function commentBody(marker, body) {
    const tag = markerComment(marker);
    const full = body.includes(tag) ? body : `${tag}\n${body}`;
    if ([...full].length <= MAX_COMMENT_CHARS)
        return full;
    const note = '\n\n… (truncated: the full output is in the workflow run summary)';
    const room = MAX_COMMENT_CHARS - [...note].length;
    let cut = [...full].slice(0, room).join('');
    const nl = cut.lastIndexOf('\n');
    if (nl > room / 2)
        cut = cut.slice(0, nl);
    return cut + note;
}
/**
 * The one comment that starts with the marker (a marker anywhere else is text someone wrote), by `author` when
 * given, looking through every page of the issue's comments.
 */
async function findMarkedComment(t) {
    const tag = markerComment(t.marker);
    const all = await t.octokit.paginate(t.octokit.rest.issues.listComments, {
        owner: t.owner,
        repo: t.repo,
        issue_number: t.issueNumber,
        per_page: 100,
    });
    const hit = all.find((c) => (c.body ?? '').startsWith(tag) && (t.author === undefined || c.user?.login === t.author));
    return hit ? { id: hit.id, body: hit.body ?? '', url: hit.html_url } : undefined;
}
/** Updates the comment that carries the marker, or creates it: one sticky comment per marker. */
async function upsertMarkedComment(t) {
    const body = commentBody(t.marker, t.body);
    return writeComment(t.octokit, t, await findMarkedComment(t), body);
}
/**
 * The write half of every upsert: the comment found is left as it is when it already says `body`, updated in place
 * when it differs, and a new one is created when none was found.
 */
async function writeComment(octokit, where, existing, body) {
    if (existing) {
        if (existing.body === body)
            return { action: 'unchanged', id: existing.id, url: existing.url };
        const res = await octokit.rest.issues.updateComment({
            owner: where.owner,
            repo: where.repo,
            comment_id: existing.id,
            body,
        });
        return { action: 'updated', id: res.data.id, url: res.data.html_url };
    }
    const res = await octokit.rest.issues.createComment({
        owner: where.owner,
        repo: where.repo,
        issue_number: where.issueNumber,
        body,
    });
    return { action: 'created', id: res.data.id, url: res.data.html_url };
}
/** `owner/repo` (GITHUB_REPOSITORY) split in two. */
function splitRepository(repository) {
    const [owner, repo] = repository.split('/');
    if (!owner || !repo)
        throw new Error(`Expected owner/repo, got "${repository}"`);
    return { owner, repo };
}


/***/ }),

/***/ 56826:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DEFAULT_PREVIEW_AUTHOR: () => (/* binding */ DEFAULT_PREVIEW_AUTHOR),
/* harmony export */   findAdmission: () => (/* binding */ findAdmission),
/* harmony export */   findPreviewComment: () => (/* binding */ findPreviewComment),
/* harmony export */   prNumberOfEvent: () => (/* binding */ prNumberOfEvent),
/* harmony export */   pullsOfCommit: () => (/* binding */ pullsOfCommit),
/* harmony export */   recordAdmission: () => (/* binding */ recordAdmission),
/* harmony export */   upsertPreviewComment: () => (/* binding */ upsertPreviewComment)
/* harmony export */ });
/* harmony import */ var _comments_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(63997);
/* harmony import */ var _preview_render_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(79725);
/**
 * The pull request's preview comment and the pull request of a pushed commit: what the preview writes and the
 * gate reads (issue 12). Only comments written by the workflow's own identity count.
 *
 * Which login is "the workflow's own": GITHUB_TOKEN is an installation token of the GitHub Actions app, whose
 * comments GitHub attributes to `github-actions[bot]` (type Bot). An installation token cannot ask who it is
 * (`GET /user` answers 403 "Resource not accessible by integration"), so the login is not looked up: it is
 * `github-actions[bot]` unless the `preview-author` input names another (a GitHub App's `<slug>[bot]` when the
 * workflow comments with an app token).
 */


const DEFAULT_PREVIEW_AUTHOR = 'github-actions[bot]';
function prNumberOfEvent(event) {
    const pr = event.pull_request;
    return typeof pr?.number === 'number' ? pr.number : undefined;
}
/** Every comment on the pull request, all pages. */
function commentsOf(octokit, t) {
    return octokit.paginate(octokit.rest.issues.listComments, {
        owner: t.owner,
        repo: t.repo,
        issue_number: t.pr,
        per_page: 100,
    });
}
async function findPreviewComment(octokit, t) {
    const all = await commentsOf(octokit, t);
    const out = { ignoredOthers: [] };
    for (const c of all) {
        const body = c.body ?? '';
        if (!(0,_preview_render_js__WEBPACK_IMPORTED_MODULE_1__/* .isPreviewOf */ .ko)(body, t.key))
            continue;
        if (c.user?.login !== t.author) {
            out.ignoredOthers.push(`${c.user?.login ?? 'unknown'} (${c.html_url})`);
            continue;
        }
        if (out.id !== undefined)
            continue; // the first of the workflow's own is the one it keeps updating
        out.id = c.id;
        out.body = body;
        const r = (0,_preview_render_js__WEBPACK_IMPORTED_MODULE_1__/* .readPreviewComment */ .IT)(body);
        if (r.found && r.found.pr === t.pr)
            out.found = { ...r.found, url: c.html_url };
        else
            out.edited = c.html_url;
    }
    return out;
}
/** Creates or updates (in place) the workflow's own preview comment. */
async function upsertPreviewComment(octokit, t) {
    if ([...t.body].length > _comments_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_COMMENT_CHARS */ .VK)
        throw new Error(`the preview is ${[...t.body].length} characters, more than a comment holds (${_comments_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_COMMENT_CHARS */ .VK})`);
    const existing = await findPreviewComment(octokit, t);
    const found = existing.id !== undefined
        ? { id: existing.id, body: existing.body ?? '', url: existing.found?.url ?? existing.edited ?? '' }
        : undefined;
    const r = await (0,_comments_js__WEBPACK_IMPORTED_MODULE_0__/* .writeComment */ .HF)(octokit, { owner: t.owner, repo: t.repo, issueNumber: t.pr }, found, t.body);
    return { action: r.action, url: r.url };
}
/** The pull requests GitHub associates with a commit (the merged one for a merge commit on the default branch). */
async function pullsOfCommit(octokit, t) {
    const r = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
        owner: t.owner,
        repo: t.repo,
        commit_sha: t.sha,
    });
    return r.data.map((p) => ({ number: p.number, state: p.state, url: p.html_url }));
}
/**
 * The gate's admission of `sha` on the pull request, written by `author` only (anyone else's is ignored), for
 * this infrastructure key: the reviewed fingerprint it matched, and where.
 */
async function findAdmission(octokit, t) {
    const all = await commentsOf(octokit, t);
    for (const c of all) {
        if (c.user?.login !== t.author)
            continue;
        const a = (0,_preview_render_js__WEBPACK_IMPORTED_MODULE_1__/* .readAdmission */ ._v)(c.body ?? '');
        if (a && a.sha === t.sha && a.config === t.config && a.key === (0,_preview_render_js__WEBPACK_IMPORTED_MODULE_1__/* .safeKey */ .vW)(t.key))
            return { fingerprint: a.fingerprint, url: c.html_url };
    }
    return undefined;
}
/** Records the gate's admission of `sha` (one comment; none again when the same admission is there). */
async function recordAdmission(octokit, t, runUrl) {
    const there = await findAdmission(octokit, t);
    if (there?.fingerprint === t.fingerprint)
        return there.url;
    const r = await octokit.rest.issues.createComment({
        owner: t.owner,
        repo: t.repo,
        issue_number: t.pr,
        body: (0,_preview_render_js__WEBPACK_IMPORTED_MODULE_1__/* .renderAdmission */ .c0)(t, runUrl),
    });
    return r.data.html_url;
}


/***/ })

};
