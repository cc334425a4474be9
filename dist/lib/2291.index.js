export const id = 2291;
export const ids = [2291,3997];
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

/***/ 62291:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  syncDriftIssue: () => (/* binding */ syncDriftIssue)
});

// EXTERNAL MODULE: ./shared/github/comments.ts + 1 modules
var comments = __webpack_require__(63997);
;// CONCATENATED MODULE: ./shared/github/issues.ts

/** The one open issue (not pull request) whose body carries the marker, across every page. */
async function findMarkedIssue(t) {
    const tag = (0,comments/* markerComment */.wV)(t.marker);
    const all = await t.octokit.paginate(t.octokit.rest.issues.listForRepo, {
        owner: t.owner,
        repo: t.repo,
        state: 'open',
        per_page: 100,
    });
    const hit = all.find((i) => !i.pull_request && (i.body ?? '').includes(tag));
    return hit ? { number: hit.number, url: hit.html_url, body: hit.body ?? '' } : undefined;
}
/** Keeps one open issue per marker: updates it when present, else opens it. */
async function upsertMarkedIssue(t) {
    const body = (0,comments/* commentBody */.I2)(t.marker, t.body);
    const existing = await findMarkedIssue(t);
    if (existing) {
        if (existing.body === body)
            return { action: 'unchanged', number: existing.number, url: existing.url };
        const res = await t.octokit.rest.issues.update({
            owner: t.owner,
            repo: t.repo,
            issue_number: existing.number,
            title: t.title,
            body,
        });
        return { action: 'updated', number: res.data.number, url: res.data.html_url };
    }
    const res = await t.octokit.rest.issues.create({
        owner: t.owner,
        repo: t.repo,
        title: t.title,
        body,
        labels: t.labels,
    });
    return { action: 'created', number: res.data.number, url: res.data.html_url };
}
/** Closes the marked issue if one is open (drift resolved); returns its number, or undefined when none was open. */
async function closeMarkedIssue(t) {
    const existing = await findMarkedIssue(t);
    if (!existing)
        return undefined;
    if (t.comment)
        await t.octokit.rest.issues.createComment({
            owner: t.owner,
            repo: t.repo,
            issue_number: existing.number,
            body: t.comment,
        });
    await t.octokit.rest.issues.update({
        owner: t.owner,
        repo: t.repo,
        issue_number: existing.number,
        state: 'closed',
        state_reason: 'completed',
    });
    return existing.number;
}

;// CONCATENATED MODULE: ./shared/github/drift.ts

/**
 * Keeps exactly one open issue per root while drift exists: opened on the first drift, updated in place on
 * later runs, closed with a comment once a run finds none. Returns what it did, for the summary.
 */
async function syncDriftIssue(t, f) {
    const marker = `gitspaces-drift: root=${t.root}`;
    const target = { octokit: t.octokit, owner: t.owner, repo: t.repo, marker };
    const run = t.runUrl ? ` ([run](${t.runUrl}))` : '';
    if (!f.drift) {
        const closed = await closeMarkedIssue({ ...target, comment: `✅ No drift any more${run}: closing.` });
        return closed === undefined ? 'no drift issue open' : `closed drift issue #${closed}`;
    }
    const body = [
        `**⚠️ ${f.drifted.length} resource(s) of \`${t.root}\` differ from the Terraform state**${run}.`,
        '',
        ...f.drifted.map((a) => `- \`${a}\``),
        '',
        'Re-apply the configuration (the setup workflow on the default branch), or bring gitspaces.yaml in line with the change. This issue closes itself when a drift check finds none.',
    ].join('\n');
    const r = await upsertMarkedIssue({
        ...target,
        title: `Gitspaces infrastructure drift in ${t.root}`,
        body,
        labels: [t.label],
    });
    return `${r.action} drift issue #${r.number}`;
}


/***/ })

};
