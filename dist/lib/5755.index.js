export const id = 5755;
export const ids = [5755];
export const modules = {

/***/ 45755:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main)
});

// EXTERNAL MODULE: ./shared/config/load.ts
var load = __webpack_require__(45481);
// EXTERNAL MODULE: ./shared/dns/query.ts
var query = __webpack_require__(67538);
// EXTERNAL MODULE: ./shared/endpoints.ts
var endpoints = __webpack_require__(57416);
// EXTERNAL MODULE: ./shared/errors.ts
var errors = __webpack_require__(32635);
// EXTERNAL MODULE: ./shared/workspace.ts
var workspace = __webpack_require__(74107);
// EXTERNAL MODULE: ./shared/gcp/index.ts + 4 modules
var shared_gcp = __webpack_require__(15924);
// EXTERNAL MODULE: ./shared/harness/client.ts
var client = __webpack_require__(90262);
// EXTERNAL MODULE: ./shared/net.ts
var net = __webpack_require__(27781);
;// CONCATENATED MODULE: ./shared/teardown/orphans.ts


/** In deletion order: what uses a thing comes before it, the network last. */
const COLLECTIONS = [
    { collection: 'globalForwardingRules', kind: 'forwarding rule', gcloud: 'forwarding-rules' },
    { collection: 'forwardingRules', kind: 'forwarding rule', gcloud: 'forwarding-rules' },
    { collection: 'targetHttpsProxies', kind: 'target HTTPS proxy', gcloud: 'target-https-proxies' },
    { collection: 'urlMaps', kind: 'URL map', gcloud: 'url-maps' },
    { collection: 'backendServices', kind: 'backend service', gcloud: 'backend-services' },
    { collection: 'instanceGroupManagers', kind: 'managed instance group', gcloud: 'instance-groups managed' },
    { collection: 'instanceTemplates', kind: 'instance template', gcloud: 'instance-templates' },
    { collection: 'instances', kind: 'instance', gcloud: 'instances' },
    { collection: 'disks', kind: 'disk', gcloud: 'disks' },
    { collection: 'healthChecks', kind: 'health check', gcloud: 'health-checks' },
    { collection: 'routers', kind: 'router (and its NAT)', gcloud: 'routers' },
    { collection: 'addresses', kind: 'address', gcloud: 'addresses' },
    { collection: 'globalAddresses', kind: 'address', gcloud: 'addresses' },
    { collection: 'firewalls', kind: 'firewall rule', gcloud: 'firewall-rules' },
    { collection: 'subnetworks', kind: 'subnetwork', gcloud: 'networks subnets' },
    { collection: 'networks', kind: 'network', gcloud: 'networks' },
];
/** `zones/us-central1-a` -> `--zone=us-central1-a`; `regions/x` -> `--region=x`; global -> `--global` where gcloud wants it. */
function scopeFlag(scope, collection) {
    const [kind, value] = scope.split('/');
    if (kind === 'zones')
        return ` --zone=${value}`;
    if (kind === 'regions')
        return ` --region=${value}`;
    if (['firewalls', 'networks', 'instanceTemplates'].includes(collection))
        return '';
    return ' --global';
}
function where(scope) {
    return scope.split('/')[1] ?? scope;
}
function lastSegment(s) {
    return (s ?? '').split('/').pop() ?? '';
}
/**
 * Whether a Compute resource belongs to this setup: its name carries the infrastructure name as prefix, it
 * is labelled with it, it is one of the module's fixed names (subnet `harnessdefault` and the global
 * `autohealing-health-check`) inside or next to the setup's network, or it sits in the setup's network.
 */
function attribution(item, infraName, infraId) {
    const prefix = `${infraName}-`;
    if (item.name.startsWith(prefix))
        return `name starts with ${prefix}`;
    for (const [k, v] of Object.entries(item.labels)) {
        if (v === infraName || v === infraId.toLowerCase())
            return `label ${k}=${v}`;
    }
    const network = lastSegment(item.resource.network);
    if (network === `${infraName}-network`)
        return `in network ${network}`;
    if (item.collection === 'subnetworks' &&
        item.name === 'harnessdefault' &&
        network === `${infraName}-network`)
        return "the module's default subnet";
    if (item.collection === 'healthChecks' && item.name === 'autohealing-health-check')
        return "the module's fixed autohealing health check name";
    return undefined;
}
/** The service account the module creates (`project.service_account` of the infra's setup YAML). */
function moduleServiceAccountEmail(config, fromSetupYaml) {
    const sa = fromSetupYaml || `${config.infrastructure.name}-sa`;
    return sa.includes('@') ? sa : `${sa}@${config.gcp.project_id}.iam.gserviceaccount.com`;
}
/**
 * Looks for everything the setup could have created and is still there. Each lookup that fails is listed
 * as skipped with the reason: a scan that could not look never reports "nothing left".
 */
async function scanOrphans(config, apis, opts = {}) {
    const project = config.gcp.project_id;
    const run = {
        config,
        apis,
        project,
        p: ` --project=${project} --quiet`,
        found: { orphans: [], notices: [], skipped: [] },
    };
    await scanCompute(run);
    await scanCertificates(run);
    const zoneExists = await scanDnsZones(run);
    await scanServiceAccount(run, opts.serviceAccount);
    if (!zoneExists)
        await checkParentDelegation(run);
    else if (!apis.dnsClient)
        run.found.skipped.push(`Parent-zone delegation of ${config.infrastructure.domain}: no DNS client configured`);
    return run.found;
}
/** Compute resources the module names after the infrastructure (or places in its network). */
async function scanCompute({ config, apis, project, p, found }) {
    const infraName = config.infrastructure.name;
    const infraId = config.infrastructure.identifier;
    const lists = await Promise.all(COLLECTIONS.map(async (c) => {
        try {
            return { c, items: await apis.compute.aggregatedList(project, c.collection) };
        }
        catch (e) {
            found.skipped.push(`Compute ${c.collection}: ${(0,errors/* errorMessage */.gJ)(e)}`);
            return { c, items: [] };
        }
    }));
    for (const { c, items } of lists) {
        for (const item of items) {
            const reason = attribution(item, infraName, infraId);
            if (!reason)
                continue;
            found.orphans.push({
                kind: c.kind,
                name: item.name,
                where: where(item.scope),
                reason,
                command: `gcloud compute ${c.gcloud} delete ${item.name}${scopeFlag(item.scope, c.collection)}${p}`,
            });
        }
    }
}
/** Certificate Manager: per region of the infra, and global. */
async function scanCertificates({ config, apis, project, p, found }) {
    const infraName = config.infrastructure.name;
    const ours = (r) => lastSegment(r.name).startsWith(`${infraName}-`) || Object.values(r.labels ?? {}).includes(infraName);
    for (const location of [...Object.keys(config.infrastructure.regions), 'global']) {
        try {
            for (const cert of (await apis.certs.listCertificates(project, location)).filter(ours)) {
                const name = lastSegment(cert.name);
                found.orphans.push({
                    kind: 'certificate',
                    name,
                    where: location,
                    reason: `name starts with ${infraName}-`,
                    command: `gcloud certificate-manager certificates delete ${name} --location=${location}${p}`,
                });
            }
            for (const auth of (await apis.certs.listDnsAuthorizations(project, location)).filter(ours)) {
                const name = lastSegment(auth.name);
                found.orphans.push({
                    kind: 'DNS authorization',
                    name,
                    where: location,
                    reason: `name starts with ${infraName}-`,
                    command: `gcloud certificate-manager dns-authorizations delete ${name} --location=${location}${p}`,
                });
            }
        }
        catch (e) {
            found.skipped.push(`Certificate Manager (${location}): ${(0,errors/* errorMessage */.gJ)(e)}`);
        }
    }
}
/** Cloud DNS: the zone named after the domain, and its records (except the zone's own NS and SOA). */
async function scanDnsZones({ config, apis, project, p, found }) {
    const domain = config.infrastructure.domain;
    const zoneName = (0,net/* zoneNameFor */.$k)(domain);
    let zoneExists = false;
    try {
        const zones = (await apis.dns.listManagedZones(project)).filter((z) => z.name === zoneName || z.dnsName === `${domain}.`);
        for (const z of zones) {
            zoneExists = true;
            try {
                for (const rr of await apis.dns.listRecordSets(project, z.name)) {
                    if ((rr.type === 'NS' || rr.type === 'SOA') && rr.name === z.dnsName)
                        continue;
                    found.orphans.push({
                        kind: `DNS ${rr.type} record`,
                        name: rr.name,
                        where: z.name,
                        reason: `in zone ${z.name}`,
                        command: `gcloud dns record-sets delete ${rr.name} --type=${rr.type} --zone=${z.name}${p}`,
                    });
                }
            }
            catch (e) {
                found.skipped.push(`Cloud DNS records of ${z.name}: ${(0,errors/* errorMessage */.gJ)(e)}`);
            }
            found.orphans.push({
                kind: 'DNS zone',
                name: z.name,
                where: 'global',
                reason: `zone for ${domain}`,
                command: `gcloud dns managed-zones delete ${z.name}${p}`,
            });
        }
    }
    catch (e) {
        found.skipped.push(`Cloud DNS zones: ${(0,errors/* errorMessage */.gJ)(e)}`);
    }
    return zoneExists;
}
/** The module's (unused) service account. */
async function scanServiceAccount({ config, apis, project, p, found }, fromSetupYaml) {
    const email = moduleServiceAccountEmail(config, fromSetupYaml);
    try {
        const sa = await apis.iam.getServiceAccount(project, email);
        if (sa)
            found.orphans.push({
                kind: 'service account',
                name: email,
                where: 'global',
                reason: 'project.service_account of the infra YAML',
                command: `gcloud iam service-accounts delete ${email}${p}`,
            });
    }
    catch (e) {
        found.skipped.push(`IAM service account ${email}: ${(0,errors/* errorMessage */.gJ)(e)}`);
    }
}
/** A parent zone that still delegates to a zone that no longer exists sends lookups into the void. */
async function checkParentDelegation({ config, apis, found }) {
    const domain = config.infrastructure.domain;
    if (!apis.dnsClient) {
        found.skipped.push(`Parent-zone delegation of ${domain}: no DNS client configured`);
        return;
    }
    try {
        const answers = await apis.dnsClient.askResolvers(domain, 'NS');
        const ns = new Set();
        let asked = 0;
        for (const a of answers) {
            if (a.status !== 'fulfilled')
                continue;
            asked++;
            for (const r of [...a.value.answers, ...a.value.authorities])
                if (r.type === 'NS' && r.name.replace(/\.$/, '') === domain)
                    ns.add(r.data);
        }
        if (!asked)
            found.skipped.push(`Parent-zone delegation of ${domain}: no resolver answered`);
        else if (ns.size) {
            found.notices.push({
                title: `The parent zone still delegates ${domain}`,
                detail: `NS ${[...ns].join(', ')} while the Cloud DNS zone ${(0,net/* zoneNameFor */.$k)(domain)} is gone: lookups of ${domain} now fail (or, worse, answer from a zone someone else could create on those servers).`,
                fix: `Delete the NS records for ${domain} in the parent zone (at your registrar or DNS provider).`,
            });
        }
    }
    catch (e) {
        found.skipped.push(`Parent-zone delegation of ${domain}: ${(0,errors/* errorMessage */.gJ)(e)}`);
    }
}

// EXTERNAL MODULE: ./shared/report/render.ts
var render = __webpack_require__(23617);
// EXTERNAL MODULE: ./shared/gitspaces/backoff.ts
var backoff = __webpack_require__(9734);
// EXTERNAL MODULE: ./shared/gitspaces/gitspaces.ts
var gitspaces = __webpack_require__(32173);
// EXTERNAL MODULE: ./shared/retry.ts
var retry = __webpack_require__(42372);
// EXTERNAL MODULE: ./shared/runner/delegate-token.ts
var delegate_token = __webpack_require__(56042);
// EXTERNAL MODULE: ./shared/runner/bootstrap.ts
var bootstrap = __webpack_require__(94711);
;// CONCATENATED MODULE: ./shared/teardown/runner-stop.ts

/** Guest attribute the stop script sets once the containers are gone (`gitspaces/teardown = stopped`). */
const TEARDOWN_ATTRIBUTE = `${bootstrap/* GUEST_NAMESPACE */.Nh}/teardown`;
/** Every metadata key install-runner may have left on the runner VM (the script, the secrets, the pool file). */
const RUNNER_METADATA_KEYS = [
    bootstrap/* METADATA_KEYS */.L3.startupScript,
    bootstrap/* METADATA_KEYS */.L3.serviceAccountKey,
    bootstrap/* METADATA_KEYS */.L3.poolYaml,
    bootstrap/* METADATA_KEYS */.L3.delegateToken,
    bootstrap/* METADATA_KEYS */.L3.runId,
];
/**
 * The startup script teardown puts on the runner VM before resetting it: removes the delegate and runner
 * containers and the key file, then reports through a guest attribute. Holds no secret.
 */
function stopScript() {
    return `#!/bin/bash
# Harness Gitspaces runner VM teardown, generated by gitspaces teardown: stops and removes the delegate and
# the runner, and deletes the service-account key from the disk.
set -u
ROOT="\${GITSPACES_ROOT:-}"
METADATA_BASE="\${METADATA_BASE:-http://metadata.google.internal}"
docker rm -f ${bootstrap/* DELEGATE_CONTAINER */.EO} >/dev/null 2>&1 || true
docker rm -f ${bootstrap/* RUNNER_CONTAINER */.LM} >/dev/null 2>&1 || true
rm -f "$ROOT/runner/${bootstrap/* KEY_FILE_NAME */.R1}" "$ROOT/runner/pool.yaml" "$ROOT/var/lib/gitspaces/delegate.env"
curl -sf -X PUT -H 'Metadata-Flavor: Google' --data-binary stopped "$METADATA_BASE/computeMetadata/v1/instance/guest-attributes/${TEARDOWN_ATTRIBUTE}" >/dev/null 2>&1 || echo "gitspaces-teardown: could not report"
echo "gitspaces-teardown: delegate and runner removed"
`;
}

;// CONCATENATED MODULE: ./shared/teardown/steps.ts






/** The reverse of the setup, in the order the API requires. */
const TEARDOWN_STEPS = [
    'gitspaces',
    'machines',
    'runner',
    'delegate-token',
    'terraform',
    'infra-provider',
];
function runnerVmName(config) {
    const r = config.infrastructure.runner;
    return r.vm_name || `${config.infrastructure.name}-${r.region}-runner-vm`;
}
function isNotFound(e) {
    return (0,backoff/* statusOf */.c2)(e) === 404;
}
/** The gitspaces on this infra (by their machine's infra) or declared in the config. */
function ownGitspaces(o, list) {
    const names = new Set(o.config.gitspaces.map((g) => g.name));
    const infraId = o.config.infrastructure.identifier;
    return list.filter((g) => g.resource?.config_identifier === infraId || (g.name !== undefined && names.has(g.name)));
}
const gitspacesStep = async (o, pacer) => {
    const project = o.config.harness.project;
    if (!project)
        return {
            status: 'skipped',
            detail: 'harness.project is not set: no project to look for gitspaces in',
            actions: [],
        };
    const ctx = {
        api: o.harness,
        accountId: o.config.harness.account_id,
        org: o.config.harness.org,
        project,
        infraId: o.config.infrastructure.identifier,
        pacer,
        log: o.log,
        clock: o.clock,
        pollIntervalMs: o.pollIntervalMs,
        timeoutMs: o.timeoutMs,
    };
    const list = ownGitspaces(o, await pacer.call('list gitspaces', () => o.harness.listGitspaces(o.config.harness.org, project)));
    if (!list.length)
        return {
            status: 'nothing-to-do',
            detail: `no gitspaces of ${ctx.infraId} in ${o.config.harness.org}/${project}`,
            actions: [],
        };
    const actions = list.map((g) => `stop and delete gitspace ${(0,gitspaces/* idOf */.TH)(g)} (${g.state ?? 'unknown'})`);
    if (o.dryRun)
        return { status: 'would-do', detail: `${list.length} gitspace(s) would be stopped and deleted`, actions };
    const outcomes = await (0,retry/* mapLimit */.sf)(list, o.concurrency, (g) => (0,gitspaces/* deleteOne */.oK)(ctx, g.name ?? (0,gitspaces/* idOf */.TH)(g), g));
    return { status: 'done', detail: `${outcomes.length} gitspace(s) stopped and deleted`, actions };
};
const machinesStep = async (o, pacer) => {
    const infraId = o.config.infrastructure.identifier;
    const infra = await pacer.call('get infra provider', () => o.harness.getInfraProvider(infraId));
    if (!infra)
        return { status: 'nothing-to-do', detail: `infra provider ${infraId} does not exist`, actions: [] };
    const machines = await pacer.call('list machines', () => o.harness.listResources(infraId));
    if (!machines.length)
        return { status: 'nothing-to-do', detail: `no machines in ${infraId}`, actions: [] };
    const actions = machines.map((m) => `delete machine ${m.name ?? '?'} (${m.identifier ?? '?'}, ${m.region ?? '?'})`);
    if (o.dryRun)
        return { status: 'would-do', detail: `${machines.length} machine(s) would be deleted`, actions };
    for (const m of machines) {
        try {
            await pacer.call(`delete machine ${m.identifier}`, () => o.harness.deleteResource(infraId, m.identifier ?? m.name ?? ''));
        }
        catch (e) {
            if (!isNotFound(e))
                throw e;
        }
        o.log.info(`Deleted machine ${m.name} (${m.identifier})`);
    }
    return { status: 'done', detail: `${machines.length} machine(s) deleted`, actions };
};
const runnerStep = async (o) => {
    const project = o.config.gcp.project_id;
    const zone = o.config.infrastructure.runner.zone;
    const name = runnerVmName(o.config);
    const where = `${name} (${zone})`;
    const vm = await o.compute.getInstance(project, zone, name);
    if (!vm)
        return { status: 'nothing-to-do', detail: `runner VM ${where} does not exist`, actions: [] };
    const keys = new Set((vm.metadata?.items ?? []).map((i) => i.key));
    const leftKeys = RUNNER_METADATA_KEYS.filter((k) => keys.has(k));
    const attrs = await o.compute
        .getGuestAttributes(project, zone, name, `${TEARDOWN_ATTRIBUTE.split('/')[0]}/`)
        .catch(() => ({}));
    const stopped = attrs[TEARDOWN_ATTRIBUTE] === 'stopped';
    const running = (vm.status ?? 'RUNNING') === 'RUNNING';
    const actions = [];
    if (!stopped && running)
        actions.push(`stop and remove the delegate and runner containers on ${where} (stop script + reset)`);
    if (leftKeys.length || (!stopped && running))
        actions.push(`remove metadata ${[...new Set([...leftKeys, 'startup-script'])].join(', ')} from ${where}`);
    if (!actions.length)
        return {
            status: 'nothing-to-do',
            detail: `delegate and runner on ${where} already stopped; no metadata left`,
            actions,
        };
    if (o.dryRun)
        return { status: 'would-do', detail: `delegate and runner on ${where} would be stopped`, actions };
    if (!stopped && running) {
        o.log.info(`Stopping the delegate and runner on ${where}: replacing its startup script with a stop script and resetting it`);
        const secrets = RUNNER_METADATA_KEYS.filter((k) => k !== 'startup-script').map((key) => ({
            key,
            value: null,
        }));
        await o.compute.setInstanceMetadata(project, zone, name, [
            { key: 'startup-script', value: stopScript() },
            ...secrets,
        ]);
        await o.compute.resetInstance(project, zone, name);
        const start = o.clock.now();
        for (;;) {
            const a = await o.compute
                .getGuestAttributes(project, zone, name, `${TEARDOWN_ATTRIBUTE.split('/')[0]}/`)
                .catch(() => ({}));
            if (a[TEARDOWN_ATTRIBUTE] === 'stopped')
                break;
            if (o.clock.now() - start > o.timeoutMs) {
                o.log.warning(`The runner VM ${where} did not report the delegate and runner stopped within ${Math.round(o.timeoutMs / 1000)}s; terraform destroy removes the VM anyway.`);
                break;
            }
            await o.clock.sleep(o.pollIntervalMs);
        }
    }
    await o.compute.setInstanceMetadata(project, zone, name, RUNNER_METADATA_KEYS.map((key) => ({ key, value: null })));
    return {
        status: 'done',
        detail: `delegate and runner on ${where} stopped; startup script and secrets removed from its metadata`,
        actions,
    };
};
/**
 * Revokes delegate.token_name only when it is the bundle's (the naming rule in shared/runner/delegate-token.ts)
 * and no delegate but ours uses it: a token the user brought, or one another delegate shares, stays active.
 */
const tokenStep = async (o, pacer) => {
    const name = o.config.delegate.token_name;
    const tokens = (await pacer.call('list delegate tokens', () => o.harness.listDelegateTokens(name))).filter((t) => t.name === name);
    const active = tokens.filter((t) => t.status === 'ACTIVE');
    if (!active.length)
        return {
            status: 'nothing-to-do',
            detail: tokens.length ? `delegate token ${name} already revoked` : `no delegate token ${name}`,
            actions: [],
        };
    if (!(0,delegate_token/* isBundleToken */.ks)(name))
        return {
            status: 'skipped',
            detail: `delegate token ${name} left active: its name does not start with ${delegate_token/* BUNDLE_TOKEN_PREFIX */.Gm}, so this bundle did not create it; revoke it in Harness (Account Settings -> Delegates -> Tokens) once nothing uses it`,
            actions: [],
        };
    const groups = await pacer.call('list the delegate groups of the token', () => o.harness.delegateGroupsForToken(name));
    const others = [...new Set(groups.map((g) => g.groupName).filter((g) => g !== o.config.delegate.name))];
    if (others.length)
        return {
            status: 'skipped',
            detail: `delegate token ${name} left active: delegate group(s) ${others.join(', ')} also use it; revoke it in Harness once they no longer do`,
            actions: [],
        };
    const actions = [`revoke delegate token ${name}`];
    if (o.dryRun)
        return { status: 'would-do', detail: `delegate token ${name} would be revoked`, actions };
    await pacer.call('revoke delegate token', () => o.harness.revokeDelegateToken(name));
    return { status: 'done', detail: `delegate token ${name} revoked`, actions };
};
const terraformStep = async (o) => {
    if (!o.terraform)
        return { status: 'skipped', detail: o.terraformMissing ?? 'no Terraform configuration', actions: [] };
    if (!o.terraformInitialised)
        await o.terraform.init();
    const list = await o.terraform.exec(['state', 'list'], { quiet: true });
    const resources = list.exitCode === 0 ? list.stdout.split('\n').filter(Boolean) : [];
    if (list.exitCode === 0 && !resources.length)
        return { status: 'nothing-to-do', detail: 'the Terraform state is empty', actions: [] };
    const actions = resources.length ? resources.map((r) => `terraform destroy ${r}`) : ['terraform destroy'];
    if (o.dryRun)
        return {
            status: 'would-do',
            detail: `${resources.length} resource(s) in the Terraform state would be destroyed`,
            actions,
        };
    await o.terraform.destroy();
    return { status: 'done', detail: `terraform destroy: ${resources.length} resource(s) destroyed`, actions };
};
const infraStep = async (o, pacer) => {
    const infraId = o.config.infrastructure.identifier;
    const infra = await pacer.call('get infra provider', () => o.harness.getInfraProvider(infraId));
    if (!infra)
        return { status: 'nothing-to-do', detail: `infra provider ${infraId} does not exist`, actions: [] };
    const actions = [`delete infra provider ${infraId}`];
    if (o.dryRun)
        return { status: 'would-do', detail: `infra provider ${infraId} would be deleted`, actions };
    try {
        await pacer.call('delete infra provider', () => o.harness.deleteInfraProvider(infraId));
    }
    catch (e) {
        if (!isNotFound(e))
            throw e;
    }
    return { status: 'done', detail: `infra provider ${infraId} deleted`, actions };
};
const STEP_FNS = {
    gitspaces: gitspacesStep,
    machines: machinesStep,
    runner: runnerStep,
    'delegate-token': tokenStep,
    terraform: terraformStep,
    'infra-provider': infraStep,
};
const STEP_TITLES = {
    gitspaces: 'Gitspaces stopped and deleted',
    machines: 'Machines deleted',
    runner: 'Delegate and runner stopped',
    'delegate-token': 'Delegate token revoked',
    terraform: 'terraform destroy',
    'infra-provider': 'Infra provider deleted',
};
/**
 * Runs the steps in order. Each looks before it acts, so a teardown interrupted anywhere can be run again to
 * completion; the first failure stops the run (later steps depend on earlier ones: the infra provider cannot
 * be deleted while it has gitspaces or machines).
 */
async function runTeardown(o) {
    const pacer = new backoff/* Pacer */._E({ clock: o.clock, log: o.log });
    const wanted = new Set(o.steps ?? TEARDOWN_STEPS);
    const results = [];
    let failed = false;
    for (const step of TEARDOWN_STEPS) {
        if (!wanted.has(step))
            continue;
        if (failed) {
            results.push({ step, status: 'skipped', detail: 'not run: an earlier step failed', actions: [] });
            continue;
        }
        try {
            const r = await o.log.group(`${o.dryRun ? '[dry run] ' : ''}${STEP_TITLES[step]}`, () => STEP_FNS[step](o, pacer));
            results.push({ step, ...r });
            o.log.info(`${step}: ${r.status}: ${r.detail}`);
            for (const a of r.status === 'would-do' ? r.actions : [])
                o.log.info(`  would ${a}`);
        }
        catch (e) {
            failed = true;
            const detail = e instanceof errors/* RemoteError */.Hi ? `${e.service} answered ${e.status}: ${e.message}` : (0,errors/* errorMessage */.gJ)(e);
            results.push({ step, status: 'failed', detail, actions: [] });
            o.log.error(`${STEP_TITLES[step]}: ${detail}`, { title: `teardown: ${step}` });
        }
    }
    return results;
}

;// CONCATENATED MODULE: ./shared/teardown/report.ts


const ICON = {
    done: '✅',
    'nothing-to-do': '➖',
    'would-do': '📝',
    skipped: '⏭️',
    failed: '❌',
};
function renderTeardownSummary(steps, scan, dryRun) {
    const out = [`## Teardown${dryRun ? ' (dry run: nothing was changed)' : ''}`, ''];
    const failed = steps.filter((s) => s.status === 'failed');
    if (failed.length)
        out.push(`**❌ Stopped at ${failed.map((f) => f.step).join(', ')}: fix the cause and run teardown again (every step is safe to repeat).**`, '');
    else if (scan && scan.orphans.length)
        out.push(`**⚠️ ${scan.orphans.length} resource(s) ${dryRun ? 'exist' : 'are left'}: see below for how to remove each.**`, '');
    else
        out.push(dryRun
            ? '**📝 Dry run: the steps below say what a teardown would do.**'
            : '**✅ Torn down; the orphan scan found nothing left.**', '');
    out.push('| | Step | Result |', '|---|---|---|');
    for (const s of steps)
        out.push(`| ${ICON[s.status] ?? ''} | ${STEP_TITLES[s.step]} | ${(0,render/* cell */.Hn)(s.detail)} |`);
    out.push('');
    const planned = steps.filter((s) => s.status === 'would-do' && s.actions.length);
    if (planned.length) {
        out.push('### What would be removed', '');
        for (const s of planned)
            for (const a of s.actions)
                out.push(`- ${(0,render/* cell */.Hn)(a)}`);
        out.push('');
    }
    if (scan) {
        out.push(`### Orphan scan`, '');
        if (!scan.orphans.length)
            out.push('Nothing found by name prefix, label, or network.', '');
        else {
            out.push('| Kind | Name | Where | Why it is ours |', '|---|---|---|---|');
            for (const o of scan.orphans)
                out.push(`| ${o.kind} | ${(0,render/* cell */.Hn)(o.name)} | ${o.where} | ${(0,render/* cell */.Hn)(o.reason)} |`);
            out.push('', 'To remove them (in this order):', '', '```sh', ...scan.orphans.map((o) => o.command), '```', '');
        }
        for (const n of scan.notices)
            out.push(`> ⚠️ **${n.title}**: ${n.detail} ${n.fix}`, '');
        if (scan.skipped.length) {
            out.push('<details><summary>Lookups that could not be made</summary>', '', ...scan.skipped.map((s) => `- ${(0,render/* cell */.Hn)(s)}`), '', '</details>', '');
        }
    }
    return out.join('\n');
}

;// CONCATENATED MODULE: ./actions/teardown/main.ts










/** The module's `project.service_account` from the infra's setup YAML, when the infra still exists. */
async function serviceAccountFromSetupYaml(yamlText) {
    if (!yamlText)
        return undefined;
    const { parse } = await __webpack_require__.e(/* import() */ 8815).then(__webpack_require__.t.bind(__webpack_require__, 38815, 19));
    try {
        const doc = parse(yamlText);
        const sa = doc?.project?.service_account;
        return typeof sa === 'string' && sa ? sa : undefined;
    }
    catch {
        return undefined;
    }
}
/** The steps to run: the `steps` input, each a known step, or all of them in order. */
function readSteps(io) {
    const stepsInput = io.inputs.list('steps');
    for (const s of stepsInput) {
        if (!TEARDOWN_STEPS.includes(s))
            throw new errors/* ConfigurationError */.j1('INPUT_INVALID', `Unknown teardown step "${s}"`, `Use any of: ${TEARDOWN_STEPS.join(', ')} (or leave \`steps\` empty for all).`);
    }
    return stepsInput.length ? stepsInput : [...TEARDOWN_STEPS];
}
/** Read before the infra provider goes: the service account the module created is named in its setup YAML. */
async function readInfraSetup(io, harness, config) {
    try {
        const setupYaml = (await harness.getInfraProvider(config.infrastructure.identifier))?.setup_yaml;
        return { setupYaml, serviceAccount: await serviceAccountFromSetupYaml(setupYaml) };
    }
    catch (e) {
        io.log.debug(`infra provider not readable: ${(0,errors/* errorMessage */.gJ)(e)}`);
        return {};
    }
}
/** What the orphan scan found left in GCP, each with the command that removes it. */
async function scanForOrphans(io, config, apis, serviceAccount) {
    const orphans = await io.log.group('Orphan scan', () => scanOrphans(config, apis, { serviceAccount }));
    if (!orphans.orphans.length)
        io.log.info('Orphan scan: nothing left.');
    for (const o of orphans.orphans)
        io.log.warning(`Left: ${o.kind} ${o.name} (${o.where}; ${o.reason}). Remove with: ${o.command}`);
    for (const n of orphans.notices)
        io.log.warning(`${n.title}: ${n.detail} ${n.fix}`);
    for (const s of orphans.skipped)
        io.log.info(`Orphan scan could not look: ${s}`);
    return orphans;
}
/** Outputs, the summary and the verdict: failed when a step failed, or (a full run) when something is left. */
async function reportTeardown(io, startedAt, opts, results, orphans) {
    const { dryRun } = opts;
    const failed = results.filter((r) => r.status === 'failed');
    const left = orphans?.orphans.length ?? 0;
    const outputs = {
        steps: JSON.stringify(results.map((r) => ({ step: r.step, status: r.status, detail: r.detail }))),
        orphans: JSON.stringify((orphans?.orphans ?? []).map((o) => ({
            kind: o.kind,
            name: o.name,
            where: o.where,
            command: o.command,
        }))),
        clean: String(!failed.length && !!orphans && left === 0 && !dryRun),
    };
    for (const [k, v] of Object.entries(outputs))
        io.setOutput(k, v);
    await io.appendSummary(renderTeardownSummary(results, orphans, dryRun));
    const orphanFailure = !dryRun && opts.failOnOrphans && left > 0 && opts.allSteps;
    if (failed.length)
        io.setFailed(`Teardown stopped at ${failed.map((f) => `${f.step}: ${f.detail}`).join('; ')}. Fix the cause and run teardown again: every step is safe to repeat.`);
    else if (orphanFailure)
        io.setFailed(`${left} resource(s) are left after teardown; the summary lists the command that removes each.`);
    const done = results.filter((r) => r.status === 'done').length;
    return {
        outputs,
        phase: {
            name: 'teardown',
            status: failed.length || orphanFailure ? 'failed' : 'ok',
            startedAt,
            durationMs: io.clock.now() - startedAt,
            summary: `${dryRun ? 'dry run: ' : ''}${done} step(s) done, ${results.filter((r) => r.status === 'would-do').length} would act, ${failed.length} failed; ${left} orphan(s)`,
            changes: { created: 0, updated: 0, deleted: done },
            details: results.map((r) => `${r.step}: ${r.status}: ${r.detail}`),
        },
        exitCode: failed.length || orphanFailure ? 1 : 0,
    };
}
/** Terraform as the deps give it (a test), or in the apply's working directory (absolute, inside the workspace). */
async function teardownTerraform(io, deps, config, workingDir, keyJson, setupYaml) {
    if (deps.terraform === null)
        return { terraformMissing: 'no Terraform configuration', terraformInitialised: false };
    if (deps.terraform)
        return { terraform: deps.terraform, terraformInitialised: true };
    // Loaded here: the root generator (and yaml) only once a config was read and terraform is needed.
    const { terraformForTeardown } = await Promise.all(/* import() */[__webpack_require__.e(8815), __webpack_require__.e(5760), __webpack_require__.e(4291)]).then(__webpack_require__.bind(__webpack_require__, 16567));
    return terraformForTeardown(io, config, workingDir, keyJson, setupYaml);
}
/** The orphan scan's view of GCP, and public DNS for the parent zone's delegation. */
function gcpScanApis(io, gcp) {
    return {
        compute: gcp.compute,
        dns: gcp.dns,
        certs: gcp.certs,
        iam: gcp.iam,
        dnsClient: (0,query/* dnsClientFromEndpoints */.Vl)((0,endpoints/* endpointsFromEnv */.k3)(io.env)),
    };
}
async function main(io, deps = {}) {
    const startedAt = io.clock.now();
    const inp = io.inputs;
    const dryRun = inp.boolean('dry-run', false);
    const apiKey = (0,client/* readHarnessApiKey */.In)(io);
    const givenKey = inp.secret('gcp-credentials');
    const config = deps.config ?? (await (0,load.loadConfig)(inp.optional('config', 'gitspaces.yaml')));
    // A P12 key becomes the equivalent JSON key (in memory) for the clients and Terraform.
    const keyJson = (givenKey &&
        (await (0,shared_gcp.jsonKeyForP12)({
            keyJson: givenKey,
            env: io.env,
            log: io.log,
            clock: io.clock,
            serviceAccountEmail: inp.optional('gcp-service-account-email') || config.gcp.service_account_email,
        }))) ||
        givenKey;
    const steps = readSteps(io);
    const scan = inp.boolean('orphan-scan', true);
    const failOnOrphans = inp.boolean('fail-on-orphans', true);
    const timeoutMs = inp.duration('timeout', 20 * 60_000);
    const pollIntervalMs = inp.duration('poll-interval', 5_000);
    const concurrency = inp.integer('concurrency', 4, 1);
    const givenDir = inp.optional('working-directory');
    // Relative to the workspace (GITHUB_WORKSPACE on a runner); absolute, `~` and `..` are refused as in the config,
    // before anything is deleted.
    const workingDir = (0,workspace/* resolveInWorkspace */.z1)(givenDir || config.terraform.working_directory, io.env, givenDir ? 'The working-directory input' : 'terraform.working_directory');
    if (!deps.harness && !apiKey)
        throw (0,client/* missingHarnessApiKey */.Sd)();
    const harness = deps.harness ??
        (0,client/* harnessClientFromConfig */.ed)(config, {
            apiKey,
            env: io.env,
            log: io.log,
            clock: io.clock,
            retry: { attempts: 1 },
        });
    const needGcp = !deps.compute || (scan && !deps.scanApis);
    const gcp = needGcp
        ? (0,shared_gcp.createGcp)({
            keyJson: keyJson || undefined,
            env: io.env,
            log: io.log,
            clock: io.clock,
            inputName: 'gcp-credentials',
        })
        : undefined;
    try {
        const compute = deps.compute ?? gcp.compute;
        let infraSetup = {};
        const tf = await teardownTerraform(io, deps, config, workingDir, keyJson, () => infraSetup.setupYaml);
        infraSetup = await readInfraSetup(io, harness, config);
        if (dryRun)
            io.log.info('Dry run: looking only; nothing will be changed.');
        const results = await runTeardown({
            config,
            harness,
            compute,
            ...tf,
            log: io.log,
            clock: io.clock,
            dryRun,
            steps,
            pollIntervalMs,
            timeoutMs,
            concurrency,
        });
        let orphans;
        if (scan && !results.some((r) => r.status === 'failed')) {
            const apis = deps.scanApis ?? gcpScanApis(io, gcp);
            orphans = await scanForOrphans(io, config, apis, infraSetup.serviceAccount);
        }
        return await reportTeardown(io, startedAt, { dryRun, failOnOrphans, allSteps: steps.length === TEARDOWN_STEPS.length }, results, orphans);
    }
    finally {
        await gcp?.close();
    }
}


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

/***/ 56042:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gm: () => (/* binding */ BUNDLE_TOKEN_PREFIX),
/* harmony export */   Ne: () => (/* binding */ ensureDelegateToken),
/* harmony export */   ks: () => (/* binding */ isBundleToken)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(32635);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(42372);


/**
 * The naming rule that makes a delegate token this bundle's: its name starts with `gitspaces-` (the default
 * delegate.token_name, `gitspaces-delegate-token`, does). Harness keeps no other mark of who created a token,
 * so install-runner creates tokens only under such names, and teardown revokes only such tokens. A
 * delegate.token_name outside the rule must name a token that already exists (the user's own): the bundle
 * uses it and never revokes it.
 */
const BUNDLE_TOKEN_PREFIX = 'gitspaces-';
function isBundleToken(name) {
    return name.startsWith(BUNDLE_TOKEN_PREFIX);
}
/**
 * The delegate token named delegate.token_name: the active one reused (its value read back from Harness when
 * the VM has no copy, so a run killed after creating it recovers), or created when there is none. Never a
 * second token for the same delegate.
 */
async function ensureDelegateToken(harness, config, log, before, givenValue, 
/** The token as already read by name (the caller read it alongside its other reads); read here when absent. */
found) {
    const name = config.delegate.token_name;
    const existing = await (found ?? harness.getDelegateToken(name));
    if (!existing)
        return createBundleToken(harness, name, log);
    if (existing.status !== 'ACTIVE') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1('DELEGATE_TOKEN_REVOKED', `The delegate token ${name} is ${existing.status}`, `Set delegate.token_name to a new name starting with ${BUNDLE_TOKEN_PREFIX} (a revoked token cannot be reused or recreated under its name; install-runner creates the new one).`);
    }
    const vmHasCopy = before.secretsConsumed || before.secretsOnDisk;
    // The VM keeps the copy it consumed: the value is sent again only when given, or when the VM has none.
    const value = givenValue || (vmHasCopy ? undefined : existing.value) || undefined;
    if (value)
        log.mask(value);
    if (!value && !vmHasCopy) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1('DELEGATE_TOKEN_VALUE_UNAVAILABLE', `The delegate token ${name} exists and this VM has no copy of it, but Harness did not return its value: Harness returns a token's value only to an API key allowed to edit delegates (core_delegate_edit)`, `Give the API key's role the Delegate Create/Edit permission at account scope (install-runner needs it to create the token too), or pass the token's value as the \`delegate-token\` input (from a secret).`);
    }
    log.info(`Delegate token ${name}: exists, reused${!givenValue && value ? ' (its value read back from Harness)' : ''}`);
    return { identity: identityOf(existing), created: false, value };
}
/** Creates of the delegate token tried at most, each after a read back showed the last one was not applied. */
const CREATE_ATTEMPTS = 4;
async function createBundleToken(harness, name, log) {
    if (!isBundleToken(name)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1('DELEGATE_TOKEN_NOT_FOUND', `The delegate token ${name} does not exist, and install-runner creates tokens only under names starting with ${BUNDLE_TOKEN_PREFIX} (the rule teardown uses to know which tokens are its own)`, `Set delegate.token_name to a name starting with ${BUNDLE_TOKEN_PREFIX} (install-runner creates it), or create ${name} in Harness (Account Settings -> Delegates -> Tokens) and re-run.`);
    }
    // The create POST is not retried blindly: a create that failed in transit (5xx, dropped connection) may have
    // been applied, and Harness refuses a second token of the same name. So each transient failure is followed by
    // a read back by name: the token is there (applied: use it) or it is not (not applied: create it again).
    let created;
    for (let attempt = 1; !created; attempt++) {
        try {
            created = await harness.createDelegateToken(name);
            log.info(`Delegate token ${name}: created (account level)`);
        }
        catch (e) {
            if (!(0,_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .isTransient */ .dg)(e) || attempt >= CREATE_ATTEMPTS)
                throw e;
            const applied = await harness.getDelegateToken(name);
            if (applied?.status === 'ACTIVE' && applied.value) {
                log.info(`Delegate token ${name}: the create answered "${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(e)}", but it was applied: token read back`);
                created = applied;
            }
            else if (applied)
                throw e;
            else
                log.info(`Delegate token ${name}: the create answered "${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(e)}" and was not applied; creating it again`);
        }
    }
    if (created.value)
        log.mask(created.value);
    return { identity: identityOf(created), created: true, value: created.value || undefined };
}
function identityOf(t) {
    return `${t.name}@${t.uuid ?? t.createdAt ?? ''}`;
}


/***/ })

};
