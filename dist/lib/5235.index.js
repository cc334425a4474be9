export const id = 5235;
export const ids = [5235];
export const modules = {

/***/ 83753:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ic: () => (/* binding */ gateInputsFor),
/* harmony export */   Y1: () => (/* binding */ runAfterApplyGates),
/* harmony export */   i_: () => (/* binding */ CERT_101),
/* harmony export */   xn: () => (/* binding */ gcpGateApis)
/* harmony export */ });
/* unused harmony exports gatewayFirewallName, DNS_101, NET_101, AFTER_APPLY_GATES */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(32635);
/* harmony import */ var _gcp_rest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(19809);
/* harmony import */ var _net_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(27781);
/* harmony import */ var _catalog_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(38017);
/* harmony import */ var _infra_yaml_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(42318);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(22779);






/**
 * The gates' inputs: the names and addresses the setup YAML (configure-infra's Infra Config) and the module's
 * `alb_ips` output give, the config's otherwise.
 */
async function gateInputsFor(config, setupYaml, alb, now) {
    const { parse: parseYaml } = await __webpack_require__.e(/* import() */ 8815).then(__webpack_require__.t.bind(__webpack_require__, 38815, 19));
    const infra = parseYaml(setupYaml);
    const whitelist = infra.gateway?.whitelist_ip_ranges;
    return {
        project: infra.project?.id ?? config.gcp.project_id,
        name: infra.name ?? config.infrastructure.name,
        rootDomain: infra.domain ?? config.infrastructure.domain,
        zoneName: (0,_net_js__WEBPACK_IMPORTED_MODULE_2__/* .zoneNameFor */ .$k)(infra.domain ?? config.infrastructure.domain),
        manageDnsZone: config.terraform.manage_dns_zone,
        useCertificateManager: config.terraform.certificate.mode === 'certificate-manager',
        regions: Object.entries(alb).map(([k, ip]) => ({
            key: k,
            albIp: ip,
            domain: infra.region_configs?.[k]?.certificates?.contents?.[0]?.domain ?? '',
        })),
        gateway: {
            whitelist: Array.isArray(whitelist) ? whitelist.map(String) : undefined,
            allowPublic: config.infrastructure.gateway.allow_public,
        },
        now,
    };
}
/** The gates' reads, through the project's Google clients. */
function gcpGateApis(gcp) {
    return {
        dns: gcp.dns,
        certs: gcp.certs,
        firewalls: {
            async getFirewall(project, name) {
                try {
                    return await gcp.rest.get('compute', `/compute/v1/projects/${encodeURIComponent(project)}/global/firewalls/${encodeURIComponent(name)}`);
                }
                catch (e) {
                    if ((0,_gcp_rest_js__WEBPACK_IMPORTED_MODULE_1__/* .isNotFound */ .c4)(e))
                        return undefined;
                    throw e;
                }
            },
        },
    };
}
function check(id, title, started, now, r) {
    return {
        id,
        title,
        docUrl: r.docUrl ?? (0,_types_js__WEBPACK_IMPORTED_MODULE_5__/* .docUrlFor */ .B_)(id),
        durationMs: now() - started,
        status: r.status,
        observed: r.observed,
        expected: r.expected,
        fix: r.fix,
    };
}
/** DNS-101: each region's A record equals its ALB address (read from Cloud DNS, not from a resolver). */
async function dnsRecords(apis, g) {
    // Every region at once: one round trip however many regions.
    return Promise.all(g.regions.map(async (r) => {
        const started = g.now();
        const title = `${r.domain} A record points at the ${r.key} ALB`;
        if (!g.manageDnsZone) {
            return check('DNS-101', title, started, g.now, {
                status: 'skip',
                observed: 'manage_dns_zone is false',
                expected: `A ${r.domain}. -> ${r.albIp}`,
                fix: `The module does not manage DNS: create the A record ${r.domain}. -> ${r.albIp} (and *.${r.domain}) in your DNS.`,
            });
        }
        try {
            const sets = await apis.dns.listRecordSets(g.project, g.zoneName, {
                name: `${r.domain}.`,
                type: 'A',
            });
            const a = sets.find((s) => s.type === 'A' && s.name === `${r.domain}.`);
            const ok = !!a && a.rrdatas.length === 1 && a.rrdatas[0] === r.albIp;
            return check('DNS-101', title, started, g.now, {
                status: ok ? 'ok' : 'error',
                observed: a
                    ? `A ${a.name} -> ${a.rrdatas.join(', ')}`
                    : `no A record ${r.domain}. in zone ${g.zoneName}`,
                expected: `A ${r.domain}. -> ${r.albIp}`,
                fix: ok
                    ? ''
                    : `Re-run terraform-apply (mode: apply): the module manages this record. If someone edited it by hand, run mode: drift to see what else differs.`,
            });
        }
        catch (e) {
            return check('DNS-101', title, started, g.now, {
                status: 'error',
                observed: `Cloud DNS could not be read: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(e)}`,
                expected: `A ${r.domain}. -> ${r.albIp}`,
                fix: 'Grant the identity roles/dns.reader (or dns.admin), and check the zone exists.',
            });
        }
    }));
}
/** CERT-101: the certificate is ACTIVE; PROVISIONING until the domain is delegated, with the name servers to set. */
async function certificates(apis, g) {
    // Every region at once: one round trip however many regions.
    return Promise.all(g.regions.map(async (r) => {
        const started = g.now();
        const certName = `${g.name}-${r.key}-dns-cert`;
        const title = `certificate ${certName} for ${r.domain} is ACTIVE`;
        if (!g.useCertificateManager || !g.manageDnsZone) {
            return check('CERT-101', title, started, g.now, {
                status: 'skip',
                observed: g.useCertificateManager ? 'manage_dns_zone is false' : 'certificate.mode is files',
                expected: 'ACTIVE',
                fix: 'Certificate Manager is not managed by the module in this configuration.',
            });
        }
        try {
            // The module creates each region's certificate in that region (location = region), not globally.
            const cert = await apis.certs.getCertificate(g.project, r.key, certName);
            const state = cert?.managed?.state;
            if (!cert) {
                return check('CERT-101', title, started, g.now, {
                    status: 'error',
                    observed: 'the certificate does not exist',
                    expected: 'ACTIVE',
                    fix: 'Re-run terraform-apply (mode: apply); the module creates it with manage_dns_zone: true.',
                });
            }
            else if (state === 'ACTIVE') {
                return check('CERT-101', title, started, g.now, {
                    status: 'ok',
                    observed: 'ACTIVE',
                    expected: 'ACTIVE',
                    fix: '',
                });
            }
            else if (state === 'PROVISIONING') {
                const zone = await apis.dns.getManagedZone(g.project, g.zoneName).catch(() => undefined);
                const ns = zone?.nameServers ?? [];
                const attempts = (cert.managed?.authorizationAttemptInfo ?? []).map((a) => `${a.domain}: ${a.state}${a.failureReason ? ` (${a.failureReason})` : ''}`);
                return check('CERT-101', title, started, g.now, {
                    status: 'warn',
                    observed: `PROVISIONING${cert.managed?.provisioningIssue?.reason ? ` (${cert.managed.provisioningIssue.reason})` : ''}${attempts.length ? `; ${attempts.join('; ')}` : ''}`,
                    expected: 'ACTIVE',
                    fix: ns.length
                        ? `The domain is probably not delegated yet: at your registrar (or parent zone), set the NS records of ${g.rootDomain} to ${ns.join(', ')}. Google issues the certificate once it can see them (minutes to hours).`
                        : `Delegate ${g.rootDomain} to the Cloud DNS zone ${g.zoneName}'s name servers (gcloud dns managed-zones describe ${g.zoneName}).`,
                });
            }
            else {
                return check('CERT-101', title, started, g.now, {
                    status: 'error',
                    observed: `${state ?? 'no state'}${cert.managed?.provisioningIssue ? `: ${cert.managed.provisioningIssue.reason ?? ''} ${cert.managed.provisioningIssue.details ?? ''}` : ''}`,
                    expected: 'ACTIVE',
                    fix: `Check the DNS authorization record in zone ${g.zoneName} and the CAA records of ${g.rootDomain}; then re-apply to recreate the certificate.`,
                });
            }
        }
        catch (e) {
            return check('CERT-101', title, started, g.now, {
                status: 'error',
                observed: `Certificate Manager could not be read: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(e)}`,
                expected: 'ACTIVE',
                fix: 'Grant the identity roles/certificatemanager.viewer, and enable certificatemanager.googleapis.com.',
            });
        }
    }));
}
/** The module's firewall rule for the gateways (modules/infra network.tf: `${network_name}-allow-all-ingress-gateway`). */
function gatewayFirewallName(name) {
    return `${name}-network-allow-all-ingress-gateway`;
}
/**
 * NET-101: the source ranges the gateways' firewall rule really has, read back from Compute: open to 0.0.0.0/0 only
 * with gateway.allow_public, and holding every whitelisted range.
 */
async function gatewayIngress(apis, g) {
    const started = g.now();
    const rule = gatewayFirewallName(g.name);
    const title = `firewall rule ${rule} admits only the whitelisted ranges`;
    const want = g.gateway.whitelist;
    const expected = want
        ? `source ranges ${want.join(', ')} (plus the module's NAT, ALB and NLB addresses), no ${_infra_yaml_js__WEBPACK_IMPORTED_MODULE_4__/* .OPEN_RANGE */ .t3}`
        : g.gateway.allowPublic
            ? `${_infra_yaml_js__WEBPACK_IMPORTED_MODULE_4__/* .OPEN_RANGE */ .t3} accepted (gateway.allow_public: true)`
            : `no ${_infra_yaml_js__WEBPACK_IMPORTED_MODULE_4__/* .OPEN_RANGE */ .t3}`;
    const result = (status, observed, fix = '') => check('NET-101', title, started, g.now, { status, observed, expected, fix });
    let fw;
    try {
        fw = await apis.firewalls.getFirewall(g.project, rule);
    }
    catch (e) {
        return [
            result('error', `Compute could not be read: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(e)}`, 'Grant the identity compute.firewalls.get (roles/compute.securityAdmin or roles/compute.viewer).'),
        ];
    }
    if (!fw)
        return [
            result('error', `no firewall rule ${rule}`, 'Re-run terraform-apply (mode: apply): the module creates it.'),
        ];
    const ranges = fw.sourceRanges ?? [];
    const observed = `source ranges read from Compute: ${ranges.join(', ') || 'none'}${fw.disabled ? ' (rule disabled)' : ''}`;
    const missing = (want ?? []).filter((r) => !ranges.includes(r));
    if (ranges.includes(_infra_yaml_js__WEBPACK_IMPORTED_MODULE_4__/* .OPEN_RANGE */ .t3) && !g.gateway.allowPublic)
        return [
            result('error', `${observed}: the gateways are open to the internet`, 'Set infrastructure.gateway.whitelist_ip_ranges (configure-infra writes it into the Infra Config YAML) and run configure-infra and terraform-apply again; or set infrastructure.gateway.allow_public: true if that is intended. If someone edited the rule by hand, mode: drift shows it.'),
        ];
    if (missing.length)
        return [
            result('error', `${observed}: ${missing.join(', ')} missing`, 'Run configure-infra and terraform-apply again (mode: drift first, if the rule was edited by hand).'),
        ];
    return [result('ok', observed)];
}
const DNS_101 = { id: 'DNS-101', run: dnsRecords };
const CERT_101 = { id: 'CERT-101', run: certificates };
const NET_101 = { id: 'NET-101', run: gatewayIngress };
const AFTER_APPLY_GATES = [DNS_101, CERT_101, NET_101];
/** Runs the catalog's after-apply gates at once (each only reads), their results in catalog order. */
async function runAfterApplyGates(apis, g) {
    const gates = (0,_catalog_js__WEBPACK_IMPORTED_MODULE_3__/* .entriesOfPhase */ .nF)('after-apply').map((entry) => {
        const gate = AFTER_APPLY_GATES.find((x) => x.id === entry.id);
        if (!gate)
            throw new Error(`${entry.id} is in the check catalog but has no after-apply implementation`);
        return gate;
    });
    return (await Promise.all(gates.map((gate) => gate.run(apis, g)))).flat();
}


/***/ }),

/***/ 27781:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $f: () => (/* binding */ overlaps),
/* harmony export */   $k: () => (/* binding */ zoneNameFor),
/* harmony export */   Ej: () => (/* binding */ size),
/* harmony export */   GN: () => (/* binding */ parseCidr),
/* harmony export */   Ll: () => (/* binding */ isValidDomain),
/* harmony export */   PG: () => (/* binding */ isNetworkAddress),
/* harmony export */   g6: () => (/* binding */ TEN_SLASH_EIGHT),
/* harmony export */   gR: () => (/* binding */ contains),
/* harmony export */   oB: () => (/* binding */ isValidZoneName),
/* harmony export */   zJ: () => (/* binding */ isValidLabel)
/* harmony export */ });
const OCTET = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const CIDR_RE = new RegExp(`^${OCTET}\\.${OCTET}\\.${OCTET}\\.${OCTET}/(3[0-2]|[12]?\\d)$`);
function parseCidr(text) {
    if (typeof text !== 'string' || !CIDR_RE.test(text))
        return undefined;
    const [ip, p] = text.split('/');
    const base = ip.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
    return { text, base, prefix: Number(p) };
}
function size(c) {
    return 2 ** (32 - c.prefix);
}
/** True when the address part has no bits set beyond the prefix (GCP rejects 10.0.0.1/16). */
function isNetworkAddress(c) {
    return c.base % size(c) === 0;
}
function overlaps(a, b) {
    return a.base < b.base + size(b) && b.base < a.base + size(a);
}
function contains(outer, inner) {
    return inner.base >= outer.base && inner.base + size(inner) <= outer.base + size(outer);
}
const TEN_SLASH_EIGHT = parseCidr('10.0.0.0/8');
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
/** A DNS name as Cloud DNS accepts it: lower-case labels, at least two, 253 characters at most. */
function isValidDomain(name) {
    if (typeof name !== 'string' || name.length > 253 || name !== name.toLowerCase())
        return false;
    const labels = name.replace(/\.$/, '').split('.');
    return (labels.length >= 2 &&
        labels.every((l) => LABEL.test(l)) &&
        !/^\d+$/.test(labels[labels.length - 1]));
}
function isValidLabel(label) {
    return LABEL.test(label);
}
/** The Cloud DNS zone name the module derives from the domain: dots become dashes. */
function zoneNameFor(domain) {
    return domain.replace(/\.$/, '').replace(/\./g, '-');
}
/** Cloud DNS managed zone names: 1-63 chars, lower-case letters, digits, dashes, starting with a letter. */
function isValidZoneName(name) {
    return /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/.test(name);
}


/***/ }),

/***/ 16607:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qn: () => (/* binding */ classifyPlan),
/* harmony export */   d5: () => (/* binding */ withoutChurn)
/* harmony export */ });
/* unused harmony exports configAddress, knownDifference */
/* harmony import */ var _plan_json_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(37305);

/** `module.a["k"].module.b[0].type.name["x"]` → `module.a.module.b.type.name` (the state's depends_on form). */
function configAddress(address) {
    return address.replace(/\[(?:"(?:[^"\\]|\\.)*"|\d+)\]/g, '');
}
function isUnknown(u) {
    return u === true;
}
/** True when some value known after the plan differs from before (unknown values are skipped). */
function knownDifference(before, after, unknown) {
    if (isUnknown(unknown))
        return false;
    if (Array.isArray(after) && Array.isArray(before)) {
        if (after.length !== before.length)
            return true;
        const u = Array.isArray(unknown) ? unknown : [];
        return after.some((a, i) => knownDifference(before[i], a, u[i]));
    }
    if (after && typeof after === 'object' && before && typeof before === 'object' && !Array.isArray(after)) {
        const a = after;
        const b = before;
        const u = unknown && typeof unknown === 'object' ? unknown : {};
        const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
        for (const k of keys) {
            // An attribute absent from `after` is either unknown (listed in after_unknown) or null.
            if (!(k in a) && isUnknown(u[k]))
                continue;
            if (knownDifference(b[k] ?? null, a[k] ?? null, u[k]))
                return true;
        }
        return false;
    }
    // An unknown container (list or object) can also be partly unknown: after is then shorter, compared above.
    return JSON.stringify(before ?? null) !== JSON.stringify(after ?? null);
}
function containsUnknown(u) {
    if (u === true)
        return true;
    if (Array.isArray(u))
        return u.some(containsUnknown);
    return !!u && typeof u === 'object' && Object.values(u).some(containsUnknown);
}
/** True when the value at a path is unknown after the plan, wholly or in part (or a parent is unknown). */
function unknownAt(unknown, path) {
    let u = unknown;
    for (const step of path) {
        if (u === true)
            return true;
        if (!u || typeof u !== 'object')
            return false;
        u = u[String(step)];
    }
    return containsUnknown(u);
}
function candidate(rc) {
    const kind = (0,_plan_json_js__WEBPACK_IMPORTED_MODULE_0__/* .kindOf */ .I)(rc.change.actions);
    if (kind === 'read')
        return true;
    if (kind !== 'update' && kind !== 'replace')
        return false;
    if (kind === 'replace') {
        if (rc.action_reason && rc.action_reason !== 'replace_because_cannot_update')
            return false;
        const paths = Array.isArray(rc.change.replace_paths) ? rc.change.replace_paths : [];
        if (!paths.length || !paths.every((p) => unknownAt(rc.change.after_unknown, p)))
            return false;
    }
    return !knownDifference(rc.change.before, rc.change.after, rc.change.after_unknown);
}
/** Instance address → the config addresses it depends on, from the plan's prior state. */
function dependencies(plan) {
    const deps = new Map();
    const walk = (m) => {
        for (const r of m?.resources ?? [])
            deps.set(r.address, r.depends_on ?? []);
        for (const c of m?.child_modules ?? [])
            walk(c);
    };
    const prior = plan.prior_state;
    walk(prior?.values?.root_module);
    return deps;
}
function classifyPlan(plan) {
    const changes = (plan.resource_changes ?? []).filter((rc) => (0,_plan_json_js__WEBPACK_IMPORTED_MODULE_0__/* .kindOf */ .I)(rc.change.actions) !== 'no-op');
    const deps = dependencies(plan);
    // Config address → the changes under it (several instances share one config address).
    const byConfig = new Map();
    for (const rc of changes) {
        const k = configAddress(rc.address);
        byConfig.set(k, [...(byConfig.get(k) ?? []), rc]);
    }
    const churn = new Set(changes.filter(candidate));
    // Reads are churn only when what they wait for is churn; without a changing dependency they are real.
    let moved = true;
    while (moved) {
        moved = false;
        for (const rc of [...churn]) {
            const changing = (deps.get(rc.address) ?? []).flatMap((d) => byConfig.get(d) ?? []);
            const readWithoutCause = (0,_plan_json_js__WEBPACK_IMPORTED_MODULE_0__/* .kindOf */ .I)(rc.change.actions) === 'read' && changing.length === 0;
            if (readWithoutCause || changing.some((d) => !churn.has(d))) {
                churn.delete(rc);
                moved = true;
            }
        }
    }
    const real = changes.filter((rc) => !churn.has(rc) && (0,_plan_json_js__WEBPACK_IMPORTED_MODULE_0__/* .kindOf */ .I)(rc.change.actions) !== 'read');
    const outputs = Object.entries(plan.output_changes ?? {}).filter(([, oc]) => (0,_plan_json_js__WEBPACK_IMPORTED_MODULE_0__/* .kindOf */ .I)(oc.actions) !== 'no-op');
    const outputIsChurn = (oc) => real.length === 0 &&
        (0,_plan_json_js__WEBPACK_IMPORTED_MODULE_0__/* .kindOf */ .I)(oc.actions) === 'update' &&
        oc.after_unknown !== undefined &&
        oc.after_unknown !== false &&
        !knownDifference(oc.before, oc.after, oc.after_unknown);
    return {
        real,
        churn: changes.filter((rc) => churn.has(rc) && (0,_plan_json_js__WEBPACK_IMPORTED_MODULE_0__/* .kindOf */ .I)(rc.change.actions) !== 'read'),
        realOutputs: outputs.filter(([, oc]) => !outputIsChurn(oc)),
        churnOutputs: outputs.filter(([, oc]) => outputIsChurn(oc)),
    };
}
/** A plan with the churn taken out: what the fingerprint, the counts and the apply go by. */
function withoutChurn(plan, c = classifyPlan(plan)) {
    const realSet = new Set(c.real);
    return {
        ...plan,
        resource_changes: (plan.resource_changes ?? []).filter((rc) => realSet.has(rc) || (0,_plan_json_js__WEBPACK_IMPORTED_MODULE_0__/* .kindOf */ .I)(rc.change.actions) === 'no-op'),
        output_changes: Object.fromEntries(c.realOutputs),
    };
}


/***/ }),

/***/ 37305:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ kindOf),
/* harmony export */   J: () => (/* binding */ priorOutputs)
/* harmony export */ });
/**
 * The state's outputs as the plan read them: what `terraform output -json` would print, when nothing was applied
 * after the plan. Undefined when the plan carries no prior state (a first plan against an empty state).
 */
function priorOutputs(plan) {
    return plan.prior_state?.values?.outputs;
}
function kindOf(actions) {
    if (actions.includes('delete') && actions.includes('create'))
        return 'replace';
    if (actions.includes('create'))
        return 'create';
    if (actions.includes('delete'))
        return 'delete';
    if (actions.includes('update'))
        return 'update';
    if (actions.includes('read'))
        return 'read';
    return 'no-op';
}


/***/ }),

/***/ 84091:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ai: () => (/* binding */ planCounts),
/* harmony export */   Ed: () => (/* binding */ fingerprintFromComment),
/* harmony export */   J7: () => (/* binding */ churnLine),
/* harmony export */   YH: () => (/* binding */ planMarker),
/* harmony export */   an: () => (/* binding */ planFingerprint),
/* harmony export */   at: () => (/* binding */ countsLine),
/* harmony export */   dj: () => (/* binding */ canonicalJson),
/* harmony export */   kk: () => (/* binding */ runUrlFromEnv),
/* harmony export */   zk: () => (/* binding */ renderPlanComment)
/* harmony export */ });
/* unused harmony exports GITHUB_COMMENT_LIMIT, fingerprintMarker, redact, resourceLines */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _churn_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(16607);
/* harmony import */ var _plan_json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(37305);




const GITHUB_COMMENT_LIMIT = 65_536;
function planCounts(plan) {
    const c = { add: 0, change: 0, destroy: 0, replace: 0, outputs: 0 };
    for (const rc of plan.resource_changes ?? []) {
        switch ((0,_plan_json_js__WEBPACK_IMPORTED_MODULE_1__/* .kindOf */ .I)(rc.change.actions)) {
            case 'create':
                c.add++;
                break;
            case 'update':
                c.change++;
                break;
            case 'delete':
                c.destroy++;
                break;
            case 'replace':
                c.add++;
                c.destroy++;
                c.replace++;
                break;
            default:
        }
    }
    for (const oc of Object.values(plan.output_changes ?? {}))
        if ((0,_plan_json_js__WEBPACK_IMPORTED_MODULE_1__/* .kindOf */ .I)(oc.actions) !== 'no-op')
            c.outputs++;
    return c;
}
/** Terraform's own line: `Plan: N to add, N to change, N to destroy.` (or its no-change wording). */
function countsLine(c) {
    if (c.add + c.change + c.destroy === 0) {
        return c.outputs
            ? `No resource changes; ${c.outputs} output(s) change.`
            : 'No changes. Your infrastructure matches the configuration.';
    }
    return `Plan: ${c.add} to add, ${c.change} to change, ${c.destroy} to destroy.`;
}
/** The churn a plan carries, in one sentence (empty when none): said next to the counts, never counted in them. */
function churnLine(c) {
    if (!c.churn.length && !c.churnOutputs.length)
        return '';
    const parts = [
        c.churn.length ? `${c.churn.length} resource(s)` : '',
        c.churnOutputs.length ? `${c.churnOutputs.length} output(s)` : '',
    ].filter(Boolean);
    return `Module churn, not applied: ${parts.join(' and ')} change only through the module's own uuid()/timestamp().`;
}
/** JSON with sorted keys, so equal values hash equally whatever order Terraform printed them in. */
function canonicalJson(v) {
    return JSON.stringify(v ?? null, (_key, value) => {
        if (!value || typeof value !== 'object' || Array.isArray(value))
            return value;
        const o = value;
        const sorted = {};
        for (const k of Object.keys(o).sort())
            sorted[k] = o[k];
        return sorted;
    });
}
/**
 * The fingerprint of what a plan will do: sha256 over every resource and output change that is not a no-op (or is
 * an import) and not the module's own churn (shared/terraform/churn.ts), with its actions and its before/after values (unknown
 * values are recorded as unknown, not guessed). Two plans of the same configuration against the same state
 * fingerprint equally, whatever churn they carry; any real change changes it.
 */
function planFingerprint(planWithChurn) {
    const plan = (0,_churn_js__WEBPACK_IMPORTED_MODULE_2__/* .withoutChurn */ .d5)(planWithChurn);
    const resources = (plan.resource_changes ?? [])
        // An import is a change even when it plans nothing else (import-existing): a plan reviewed with imports is not
        // the plan of a run without them.
        .filter((rc) => (0,_plan_json_js__WEBPACK_IMPORTED_MODULE_1__/* .kindOf */ .I)(rc.change.actions) !== 'no-op' || rc.change.importing)
        .map((rc) => ({
        address: rc.address,
        ...(rc.change.importing ? { importing: rc.change.importing.id ?? '' } : {}),
        actions: rc.change.actions,
        before: rc.change.before ?? null,
        after: rc.change.after ?? null,
        after_unknown: rc.change.after_unknown ?? null,
        replace_paths: Array.isArray(rc.change.replace_paths)
            ? rc.change.replace_paths.map((p) => JSON.stringify(p)).sort()
            : null,
    }))
        .sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
    const outputs = Object.entries(plan.output_changes ?? {})
        .filter(([, oc]) => (0,_plan_json_js__WEBPACK_IMPORTED_MODULE_1__/* .kindOf */ .I)(oc.actions) !== 'no-op')
        .map(([name, oc]) => ({
        name,
        actions: oc.actions,
        before: oc.before ?? null,
        after: oc.after ?? null,
        after_unknown: oc.after_unknown ?? null,
    }))
        .sort((a, b) => (a.name < b.name ? -1 : 1));
    return 'sha256:' + (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(canonicalJson({ resources, outputs })).digest('hex');
}
/** The hidden marker that finds this plan's comment again: one comment per (root, workspace, label). */
function planMarker(t) {
    const clean = (s) => s.replace(/-->/g, '').replace(/\s+/g, '_');
    return `<!-- gitspaces-plan: root=${clean(t.root)} workspace=${clean(t.workspace)} label=${clean(t.label)} -->`;
}
const FINGERPRINT_RE = /^<!-- gitspaces-plan-fingerprint: (sha256:[0-9a-f]{64}) -->$/;
function fingerprintMarker(fp) {
    return `<!-- gitspaces-plan-fingerprint: ${fp} -->`;
}
/**
 * The fingerprint of a plan comment, read from its last line only (where renderPlanComment writes it): a value in
 * the plan that carries the marker text sits in the body above and is never read.
 */
function fingerprintFromComment(body) {
    const last = body.trimEnd().split('\n').pop() ?? '';
    return FINGERPRINT_RE.exec(last.trim())?.[1];
}
const SENSITIVE = '(sensitive value)';
const UNKNOWN = '(known after apply)';
/** Replaces what after_sensitive/before_sensitive mark, and what after_unknown marks. */
function redact(value, sensitive, unknown) {
    if (sensitive === true)
        return SENSITIVE;
    if (unknown === true)
        return UNKNOWN;
    if (Array.isArray(value)) {
        return value.map((v, i) => redact(v, Array.isArray(sensitive) ? sensitive[i] : undefined, Array.isArray(unknown) ? unknown[i] : undefined));
    }
    if (value && typeof value === 'object') {
        const s = sensitive && typeof sensitive === 'object' ? sensitive : {};
        const u = unknown && typeof unknown === 'object' ? unknown : {};
        const out = {};
        for (const [k, v] of Object.entries(value))
            out[k] = redact(v, s[k], u[k]);
        // Unknown attributes have no value in `after` at all.
        for (const [k, flag] of Object.entries(u))
            if (!(k in out) && flag === true)
                out[k] = UNKNOWN;
        return out;
    }
    if (value === undefined && unknown === true)
        return UNKNOWN;
    return value;
}
function show(v) {
    if (v === SENSITIVE || v === UNKNOWN)
        return v;
    return JSON.stringify(v ?? null);
}
const VERB = {
    create: 'will be created',
    update: 'will be updated in-place',
    delete: 'will be destroyed',
    replace: 'must be replaced',
    read: 'will be read during apply',
    'no-op': 'has no changes',
};
/** The diff lines of one resource (attribute by attribute). */
function resourceLines(rc) {
    const kind = (0,_plan_json_js__WEBPACK_IMPORTED_MODULE_1__/* .kindOf */ .I)(rc.change.actions);
    const before = redact(rc.change.before, rc.change.before_sensitive);
    const after = redact(rc.change.after, rc.change.after_sensitive, rc.change.after_unknown);
    const reason = rc.action_reason ? ` (${rc.action_reason.replace(/_/g, ' ')})` : '';
    const lines = [`# ${rc.address} ${VERB[kind]}${reason}`];
    const b = before && typeof before === 'object' ? before : {};
    const a = after && typeof after === 'object' ? after : {};
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
    for (const k of keys) {
        const bv = show(b[k]);
        const av = show(a[k]);
        if (kind === 'create') {
            if (a[k] !== null && a[k] !== undefined)
                lines.push(`+ ${k} = ${av}`);
        }
        else if (kind === 'delete') {
            if (b[k] !== null && b[k] !== undefined)
                lines.push(`- ${k} = ${bv}`);
        }
        else if (bv !== av) {
            lines.push(`~ ${k} = ${bv} -> ${av}`);
        }
    }
    return lines;
}
function outputLine(name, oc) {
    const k = (0,_plan_json_js__WEBPACK_IMPORTED_MODULE_1__/* .kindOf */ .I)(oc.actions);
    const after = redact(oc.after, oc.after_sensitive, oc.after_unknown);
    const before = redact(oc.before, oc.before_sensitive);
    return k === 'create'
        ? `+ ${name} = ${show(after)}`
        : k === 'delete'
            ? `- ${name}`
            : `~ ${name} = ${show(before)} -> ${show(after)}`;
}
function scrub(text, secrets) {
    let out = text;
    for (const s of secrets)
        if (s && s.length >= 3)
            out = out.split(s).join('***');
    return out;
}
/**
 * The pull-request comment (and job summary) for a plan: the counts line as the <details> summary,
 * replaced and destroyed resources called out first, everything else folded, sensitive values never shown,
 * and the whole kept below GitHub's limit by cutting on line boundaries with a note and the run link.
 */
function renderPlanComment(plan, opts) {
    const limit = Math.min(opts.maxChars ?? GITHUB_COMMENT_LIMIT - 536, GITHUB_COMMENT_LIMIT - 1);
    const churn = (0,_churn_js__WEBPACK_IMPORTED_MODULE_2__/* .classifyPlan */ .Qn)(plan);
    const real = (0,_churn_js__WEBPACK_IMPORTED_MODULE_2__/* .withoutChurn */ .d5)(plan, churn);
    const counts = planCounts(real);
    const fp = planFingerprint(plan);
    const changes = (real.resource_changes ?? []).filter((rc) => !['no-op', 'read'].includes((0,_plan_json_js__WEBPACK_IMPORTED_MODULE_1__/* .kindOf */ .I)(rc.change.actions)));
    const replaced = changes.filter((rc) => (0,_plan_json_js__WEBPACK_IMPORTED_MODULE_1__/* .kindOf */ .I)(rc.change.actions) === 'replace');
    const destroyed = changes.filter((rc) => (0,_plan_json_js__WEBPACK_IMPORTED_MODULE_1__/* .kindOf */ .I)(rc.change.actions) === 'delete');
    const rest = changes.filter((rc) => !['replace', 'delete'].includes((0,_plan_json_js__WEBPACK_IMPORTED_MODULE_1__/* .kindOf */ .I)(rc.change.actions)));
    const outputChanges = churn.realOutputs;
    const head = [
        planMarker(opts),
        `#### Terraform plan: \`${opts.root}\` · workspace \`${opts.workspace}\`${opts.label ? ` · ${opts.label}` : ''}`,
        '',
    ];
    const attention = [];
    const nameList = (list) => {
        const shown = list.slice(0, 20).map((rc) => `\`${rc.address}\``);
        return shown.join(', ') + (list.length > 20 ? ` and ${list.length - 20} more` : '');
    };
    if (replaced.length)
        attention.push(`> **⚠️ ${replaced.length} to replace:** ${nameList(replaced)}`);
    if (destroyed.length)
        attention.push(`> **🗑️ ${destroyed.length} to destroy:** ${nameList(destroyed)}`);
    const imported = (plan.resource_changes ?? []).filter((rc) => rc.change.importing);
    if (imported.length)
        attention.push(`> **📥 ${imported.length} to import** (import-existing; existing resources the state did not know): ${nameList(imported)}`);
    // Body sections, as lines, in the order a reviewer should read them.
    const body = [];
    const section = (title, list, fold) => {
        if (!list.length)
            return;
        body.push(fold ? `<details><summary>${title} (${list.length})</summary>` : `**${title} (${list.length})**`, '', '```diff');
        for (const rc of list)
            body.push(...resourceLines(rc), '');
        body.push('```', '', ...(fold ? ['</details>', ''] : []));
    };
    section('Replaced', replaced, false);
    section('Destroyed', destroyed, false);
    section('Other changes', rest, true);
    const outputSection = (title, list) => {
        if (!list.length)
            return;
        body.push(`<details><summary>${title} (${list.length})</summary>`, '', '```diff');
        for (const [name, oc] of list)
            body.push(outputLine(name, oc));
        body.push('```', '', '</details>', '');
    };
    outputSection('Changes to outputs', outputChanges);
    // The module's own churn last, folded, apart from the real changes: it is not applied (see CONTRIBUTING).
    if (churn.churn.length || churn.churnOutputs.length) {
        body.push(`<details><summary>Module churn, not applied (${churn.churn.length + churn.churnOutputs.length}): the module's own uuid()/timestamp()</summary>`, '', '```diff');
        for (const rc of churn.churn)
            body.push(...resourceLines(rc), '');
        for (const [name, oc] of churn.churnOutputs)
            body.push(outputLine(name, oc));
        body.push('```', '', '</details>', '');
    }
    const churnNote = churnLine(churn);
    const open = [`<details><summary>${countsLine(counts)}${churnNote ? ` ${churnNote}` : ''}</summary>`, ''];
    const close = ['</details>', ''];
    const foot = [
        ...(opts.runUrl ? [`Full log: [workflow run](${opts.runUrl})`, ''] : []),
        fingerprintMarker(fp),
    ];
    const secrets = opts.secrets ?? [];
    const assemble = (bodyLines) => scrub([
        ...head,
        ...open,
        ...bodyLines,
        ...close,
        ...attention,
        ...(attention.length ? [''] : []),
        ...foot,
    ].join('\n'), secrets);
    const full = assemble(body);
    if (full.length <= limit)
        return full;
    // Too long: keep whole lines while they fit, close what is open, and say so.
    const fixed = assemble([]).length;
    const noteFor = (omitted) => `\n_Plan truncated: ${omitted} more line(s) not shown (GitHub comments are limited to ${GITHUB_COMMENT_LIMIT} characters).${opts.runUrl ? ` The full plan is in the [workflow run](${opts.runUrl}).` : ''}_`;
    const reserve = noteFor(body.length).length + 40;
    const kept = [];
    let used = fixed;
    for (const line of body) {
        const cost = scrub(line, secrets).length + 1;
        if (used + cost + reserve > limit)
            break;
        kept.push(line);
        used += cost;
    }
    // Close an open code fence and any open <details> so the rest of the comment renders.
    const fences = kept.filter((l) => l === '```diff' || l === '```').length;
    if (fences % 2 === 1)
        kept.push('```');
    const opened = kept.filter((l) => l.startsWith('<details>')).length - kept.filter((l) => l === '</details>').length;
    for (let i = 0; i < opened; i++)
        kept.push('</details>');
    kept.push(noteFor(body.length - kept.length), '');
    return assemble(kept);
}
/** GITHUB_SERVER_URL/GITHUB_REPOSITORY/actions/runs/GITHUB_RUN_ID, when the job runs on GitHub. */
function runUrlFromEnv(env) {
    const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run } = env;
    return repo && run
        ? `${(server || 'https://github.com').replace(/\/+$/, '')}/${repo}/actions/runs/${run}`
        : undefined;
}


/***/ })

};
