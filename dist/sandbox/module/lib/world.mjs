// The stand-in module's only way to touch GCP: plain Google REST calls, authenticated like any client
// (a JWT signed with the service-account key, exchanged at the token endpoint). Endpoints come from the
// same environment variables the bundle reads (shared/endpoints.ts ENDPOINT_ENV), so the module reaches
// the sandbox by configuration only. Usage: node world.mjs <apply|destroy>, spec JSON in GITSPACES_WORLD_SPEC.
import { createSign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { URLSearchParams } from 'node:url';

const env = process.env;
const trim = (u) => u.replace(/\/+$/, '');
const BASE = {
  compute: trim(env.GITSPACES_COMPUTE_URL || 'https://compute.googleapis.com') + '/compute/v1',
  dns: trim(env.GITSPACES_CLOUDDNS_URL || 'https://dns.googleapis.com') + '/dns/v1',
  certs: trim(env.GITSPACES_CERTIFICATEMANAGER_URL || 'https://certificatemanager.googleapis.com') + '/v1',
};

const b64url = (b) =>
  Buffer.from(b).toString('base64').replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');

async function token(keyFile) {
  const key = JSON.parse(readFileSync(keyFile, 'utf8'));
  const tokenUrl = env.GITSPACES_GOOGLE_TOKEN_URL || key.token_uri || 'https://oauth2.googleapis.com/token';
  const now = Math.floor(Date.now() / 1000);
  const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: key.private_key_id }));
  const claims = b64url(
    JSON.stringify({
      iss: key.client_email,
      scope: 'https://www.googleapis.com/auth/cloud-platform',
      aud: tokenUrl,
      iat: now,
      exp: now + 3600,
    }),
  );
  const signer = createSign('RSA-SHA256');
  signer.update(`${header}.${claims}`);
  const assertion = `${header}.${claims}.${b64url(signer.sign(key.private_key))}`;
  const res = await fetch(tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      assertion,
    }).toString(),
  });
  const body = await res.json().catch(() => ({}));
  if (!res.ok || !body.access_token)
    throw new Error(`token endpoint answered ${res.status}: ${JSON.stringify(body)}`);
  return body.access_token;
}

let accessToken = '';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function call(method, url, body) {
  for (let attempt = 0; ; attempt++) {
    let res;
    try {
      res = await fetch(url, {
        method,
        headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (e) {
      if (attempt < 5) {
        await sleep(200 * 2 ** attempt);
        continue;
      }
      throw new Error(
        `${method} ${url}: ${e instanceof Error ? e.message : String(e)}${e?.cause ? ` (${e.cause.code ?? e.cause.message ?? e.cause})` : ''}`,
        { cause: e },
      );
    }
    const text = await res.text();
    const json = text ? JSON.parse(text) : {};
    if ((res.status === 429 || res.status >= 500) && attempt < 5) {
      const ra = Number(res.headers.get('retry-after'));
      await sleep(ra > 0 ? Math.min(ra * 1000, 5000) : 200 * 2 ** attempt);
      continue;
    }
    return { status: res.status, json };
  }
}

function fail(what, r) {
  throw new Error(`${what}: HTTP ${r.status} ${JSON.stringify(r.json?.error ?? r.json)}`);
}

/** Waits for a Compute operation or a Certificate Manager long-running operation. */
async function waitOp(kind, op, collectionUrl) {
  for (let i = 0; i < 600; i++) {
    if (kind === 'compute') {
      if (!op || op.status === 'DONE' || op.kind !== 'compute#operation') {
        if (op?.error) throw new Error(`operation ${op.name} failed: ${JSON.stringify(op.error)}`);
        return op;
      }
      // selfLink names Google's host; keep only its path and ask the endpoint we were pointed at.
      const rel = op.selfLink ? String(op.selfLink).split('/compute/v1/')[1] : undefined;
      const url = rel
        ? `${BASE.compute}/${rel}`
        : `${collectionUrl.replace(/\/[^/]+$/, '')}/operations/${op.name}`;
      await sleep(100);
      const r = await call('GET', url);
      if (r.status !== 200) fail(`polling ${url}`, r);
      op = r.json;
    } else {
      if (!op || op.done || !op.name || !String(op.name).includes('/operations/')) {
        if (op?.error) throw new Error(`operation ${op.name} failed: ${JSON.stringify(op.error)}`);
        return op;
      }
      await sleep(100);
      const r = await call('GET', `${BASE.certs}/${op.name}`);
      if (r.status !== 200) fail(`polling ${op.name}`, r);
      op = r.json;
    }
  }
  throw new Error(`operation ${op?.name} did not finish`);
}

/** Creates; an existing resource of the same name counts as created (a re-run after a partial failure). */
async function create(kind, collection, body, query = '') {
  const url = `${BASE[kind]}/${collection}`;
  const r = await call('POST', url + query, body);
  if (r.status === 409) return;
  if (r.status >= 300) fail(`POST ${collection}${query}`, r);
  await waitOp(kind, r.json, url);
  console.log(`created ${collection}/${body.name ?? query.replace(/^\?\w+=/, '')}`);
}

async function remove(kind, path) {
  const url = `${BASE[kind]}/${path}`;
  const r = await call('DELETE', url);
  if (r.status === 404) return;
  if (r.status >= 300) fail(`DELETE ${path}`, r);
  await waitOp(kind, r.json, url.replace(/\/[^/]+$/, ''));
  console.log(`deleted ${path}`);
}

const P = (s) => `projects/${s.project}`;
const net = (s) => `${P(s)}/global/networks/${s.network}`;

/** Everything one spec stands for, in creation order: [kind, collection, body, query, deletePath]. */
function plan(s) {
  const out = [];
  if (s.type === 'network') {
    out.push([
      'compute',
      `${P(s)}/global/networks`,
      { name: s.network, autoCreateSubnetworks: false, routingConfig: { routingMode: 'GLOBAL' } },
    ]);
    for (const f of s.firewalls) out.push(['compute', `${P(s)}/global/firewalls`, { ...f, network: net(s) }]);
  } else if (s.type === 'region') {
    const r = s.region;
    const reg = `${P(s)}/regions/${r}`;
    out.push([
      'compute',
      `${reg}/subnetworks`,
      { name: s.subnet, network: net(s), ipCidrRange: s.default_subnet_ip_range, region: r },
    ]);
    out.push([
      'compute',
      `${reg}/subnetworks`,
      {
        name: s.proxy_subnet,
        network: net(s),
        ipCidrRange: s.proxy_subnet_ip_range,
        region: r,
        purpose: 'REGIONAL_MANAGED_PROXY',
        role: 'ACTIVE',
      },
    ]);
    out.push([
      'compute',
      `${reg}/addresses`,
      { name: s.alb_address_name, address: s.alb_ip, addressType: 'EXTERNAL', networkTier: 'PREMIUM' },
    ]);
    out.push([
      'compute',
      `${reg}/addresses`,
      { name: s.nlb_address_name, address: s.nlb_ip, addressType: 'EXTERNAL', networkTier: 'PREMIUM' },
    ]);
    if (s.ssl_certificate) {
      out.push([
        'compute',
        `${reg}/sslCertificates`,
        {
          name: s.ssl_certificate.name,
          certificate: s.ssl_certificate.certificate,
          privateKey: s.ssl_certificate.private_key,
        },
      ]);
    }
    if (s.dns) {
      const z = `${P(s)}/managedZones/${s.dns.zone}`;
      out.push([
        'dns',
        `${z}/rrsets`,
        { name: `${s.domain}.`, type: 'A', ttl: 300, rrdatas: [s.alb_ip] },
        '',
        `${z}/rrsets/${s.domain}./A`,
      ]);
      out.push([
        'dns',
        `${z}/rrsets`,
        { name: `*.${s.domain}.`, type: 'CNAME', ttl: 300, rrdatas: [`${s.domain}.`] },
        '',
        `${z}/rrsets/*.${s.domain}./CNAME`,
      ]);
      // Regional, as the module creates them (location = region; the HTTPS proxy names that path).
      const loc = `${P(s)}/locations/${s.region}`;
      out.push([
        'certs',
        `${loc}/dnsAuthorizations`,
        { domain: s.domain, description: 'gitspaces wildcard' },
        `?dnsAuthorizationId=${s.dns.authorization}`,
        `${loc}/dnsAuthorizations/${s.dns.authorization}`,
      ]);
      out.push([
        'certs',
        `${loc}/certificates`,
        {
          managed: {
            domains: [s.domain, `*.${s.domain}`],
            dnsAuthorizations: [`${loc}/dnsAuthorizations/${s.dns.authorization}`],
          },
          scope: 'DEFAULT',
        },
        `?certificateId=${s.dns.certificate}`,
        `${loc}/certificates/${s.dns.certificate}`,
      ]);
    }
  } else if (s.type === 'gateway') {
    const r = s.region;
    const reg = `${P(s)}/regions/${r}`;
    out.push([
      'compute',
      `${P(s)}/global/instanceTemplates`,
      {
        name: s.template,
        properties: {
          machineType: s.machine_type,
          tags: { items: s.vm_tags },
          labels: { 'gitspaces-gateway-version': s.gateway_version.replace(/\./g, '-') },
          metadata: { items: Object.entries(s.metadata).map(([key, value]) => ({ key, value })) },
          disks: [
            { boot: true, autoDelete: true, initializeParams: { sourceImage: s.image, diskSizeGb: '20' } },
          ],
          networkInterfaces: [{ network: net(s), subnetwork: `${reg}/subnetworks/${s.subnet}` }],
        },
      },
    ]);
    out.push([
      'compute',
      `${reg}/instanceGroupManagers`,
      {
        name: s.group,
        baseInstanceName: `${s.name}-${r}-gateway`,
        instanceTemplate: `${P(s)}/global/instanceTemplates/${s.template}`,
        targetSize: s.instances,
      },
    ]);
  } else if (s.type === 'dns_zone') {
    out.push([
      'dns',
      `${P(s)}/managedZones`,
      { name: s.zone, dnsName: `${s.domain}.`, description: 'Harness Gitspaces', visibility: 'public' },
    ]);
  } else if (s.type === 'runner_vm') {
    out.push([
      'compute',
      `${P(s)}/zones/${s.zone}/instances`,
      {
        name: s.vm,
        machineType: `zones/${s.zone}/machineTypes/${s.machine_type}`,
        tags: { items: ['runner-vm'] },
        labels: { 'gitspaces-role': 'runner' },
        metadata: { items: [] },
        disks: [
          { boot: true, autoDelete: true, initializeParams: { sourceImage: s.image, diskSizeGb: '50' } },
        ],
        networkInterfaces: [
          { network: net(s), subnetwork: `${P(s)}/regions/${s.region}/subnetworks/${s.subnet}` },
        ],
      },
    ]);
  } else {
    throw new Error(`unknown spec type ${s.type}`);
  }
  return out;
}

const deletePath = ([, collection, body, query, explicit]) =>
  explicit ?? `${collection}/${body.name ?? (query ?? '').replace(/^\?\w+=/, '')}`;

async function main() {
  const [action] = process.argv.slice(2);
  const spec = JSON.parse(env.GITSPACES_WORLD_SPEC || '{}');
  accessToken = await token(spec.key_file);
  const steps = plan(spec);
  if (action === 'apply') {
    for (const [kind, collection, body, query] of steps) await create(kind, collection, body, query ?? '');
    if (spec.type === 'region' && spec.dns) {
      // The authorization names the CNAME that proves control of the domain: put it in the zone, as the module does.
      const loc = `${P(spec)}/locations/${spec.region}`;
      const a = await call('GET', `${BASE.certs}/${loc}/dnsAuthorizations/${spec.dns.authorization}`);
      const rr = a.json?.dnsResourceRecord;
      if (a.status === 200 && rr?.name && rr?.data) {
        await create('dns', `${P(spec)}/managedZones/${spec.dns.zone}/rrsets`, {
          name: rr.name,
          type: rr.type || 'CNAME',
          ttl: 300,
          rrdatas: [rr.data],
        });
      }
    }
  } else if (action === 'destroy') {
    if (spec.type === 'region' && spec.dns) {
      const loc = `${P(spec)}/locations/${spec.region}`;
      const a = await call('GET', `${BASE.certs}/${loc}/dnsAuthorizations/${spec.dns.authorization}`);
      const rr = a.json?.dnsResourceRecord;
      if (a.status === 200 && rr?.name)
        await remove(
          'dns',
          `${P(spec)}/managedZones/${spec.dns.zone}/rrsets/${rr.name}/${rr.type || 'CNAME'}`,
        );
    }
    for (const step of [...steps].reverse()) await remove(step[0], deletePath(step));
  } else {
    throw new Error(`usage: world.mjs apply|destroy (got ${action})`);
  }
}

main().catch((e) => {
  console.error(`gitspaces stand-in module: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
