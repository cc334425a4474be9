export const id = 1076;
export const ids = [1076];
export const modules = {

/***/ 51076:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I2: () => (/* binding */ commentBody),
/* harmony export */   findMarkedComment: () => (/* binding */ findMarkedComment),
/* harmony export */   githubClient: () => (/* binding */ githubClient),
/* harmony export */   splitRepository: () => (/* binding */ splitRepository),
/* harmony export */   upsertMarkedComment: () => (/* binding */ upsertMarkedComment),
/* harmony export */   wV: () => (/* binding */ markerComment)
/* harmony export */ });
/* unused harmony export MAX_COMMENT_CHARS */
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(92413);
/* harmony import */ var _endpoints_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(57416);


/** GitHub refuses issue and comment bodies longer than this (422 "body is too long"). */
const MAX_COMMENT_CHARS = 65536;
/** An Octokit for the GitHub API the environment points at (GITHUB_API_URL; the sandbox sets it). */
function githubClient(token, env = process.env) {
    return (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(token, { baseUrl: (0,_endpoints_js__WEBPACK_IMPORTED_MODULE_1__/* .endpointsFromEnv */ .k3)(env).github });
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
/** The one comment carrying the marker, looking through every page of the issue's comments. */
async function findMarkedComment(t) {
    const tag = markerComment(t.marker);
    const all = await t.octokit.paginate(t.octokit.rest.issues.listComments, {
        owner: t.owner,
        repo: t.repo,
        issue_number: t.issueNumber,
        per_page: 100,
    });
    const hit = all.find((c) => (c.body ?? '').includes(tag));
    return hit ? { id: hit.id, body: hit.body ?? '', url: hit.html_url } : undefined;
}
/** Updates the comment that carries the marker, or creates it: one sticky comment per marker. */
async function upsertMarkedComment(t) {
    const body = commentBody(t.marker, t.body);
    const existing = await findMarkedComment(t);
    if (existing) {
        if (existing.body === body)
            return { action: 'unchanged', id: existing.id, url: existing.url };
        const res = await t.octokit.rest.issues.updateComment({
            owner: t.owner,
            repo: t.repo,
            comment_id: existing.id,
            body,
        });
        return { action: 'updated', id: res.data.id, url: res.data.html_url };
    }
    const res = await t.octokit.rest.issues.createComment({
        owner: t.owner,
        repo: t.repo,
        issue_number: t.issueNumber,
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


/***/ })

};
