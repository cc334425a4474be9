export const id = 5758;
export const ids = [5758];
export const modules = {

/***/ 5758:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   authClientFor: () => (/* binding */ authClientFor)
/* harmony export */ });
/* harmony import */ var google_auth_library__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(492);
/* harmony import */ var google_auth_library__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(google_auth_library__WEBPACK_IMPORTED_MODULE_0__);
/**
 * The bridge from our TokenSource to google-auth-library, for the official Google clients. Kept in its own module
 * (loaded with `await import('./authclient.js')` by compute.ts) so that actions that never touch Compute do not
 * load google-auth-library at start-up.
 */

/**
 * An OAuth2Client (google-auth-library, the copy google-gax uses) whose tokens come from `source`:
 * `new InstancesClient({ ..., authClient: authClientFor(source) })`.
 */
function authClientFor(source) {
    const client = new google_auth_library__WEBPACK_IMPORTED_MODULE_0__.OAuth2Client();
    client.refreshHandler = async () => {
        const t = await source.getAccessToken();
        // google-auth-library compares expiry_date with wall-clock time; the source may run on another clock.
        return { access_token: t.token, expiry_date: Date.now() + Math.min(t.expiresInMs, 3600_000) };
    };
    return client;
}


/***/ })

};
