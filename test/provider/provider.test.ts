import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import type { GcpWorld } from '../../sandbox/gcp/index.js';
import { makeServerCertificate } from '../../sandbox/provider/cert.js';
import { itNeedsTerraform } from '../terraform/fixtures.js';
import { workdir } from './terraform-run.js';

const itTf = itNeedsTerraform;

const NETWORK = `
resource "google_compute_network" "vpc" {
  name                    = "demo-network"
  auto_create_subnetworks = false
}
resource "google_compute_subnetwork" "subnet" {
  name          = "harnessdefault"
  region        = "us-central1"
  ip_cidr_range = "10.20.0.0/20"
  network       = google_compute_network.vpc.id
}
resource "google_compute_firewall" "ssh" {
  name          = "demo-network-allow-ssh"
  network       = google_compute_network.vpc.self_link
  source_ranges = ["35.235.240.0/20"]
  allow {
    protocol = "tcp"
    ports    = ["22"]
  }
}
resource "google_compute_address" "alb" {
  name   = "demo-us-central1-alb-ip"
  region = "us-central1"
}
resource "null_resource" "marker" {
  triggers = { network = google_compute_network.vpc.id }
}
`;

let s: Sandbox;
beforeAll(async () => {
  s = await startSandbox();
});
afterAll(async () => {
  await s?.stop();
});

const googleExe = () => {
  const dir = join(s.dir, 'provider-mirror', 'registry.terraform.io', 'hashicorp', 'google', '6.50.0');
  return join(dir, readdirSync(dir)[0] as string, 'terraform-provider-google_v6.50.0');
};
const rel = (path: string) =>
  (s.world.gcp as GcpWorld).compute.get(`projects/${s.scenario.gcp.projectId}/${path}`);

describe('the plugin process', () => {
  it('refuses to run without the magic cookie, as go-plugin plugins do', async () => {
    expect(readFileSync(googleExe(), 'utf8')).toMatch(/^#!\/bin\/sh/);
    const out = await run(googleExe(), {});
    expect(out.code).toBe(1);
    expect(out.stderr).toContain('This binary is a plugin');
  });

  it('prints the go-plugin handshake with its certificate when given a client certificate', async () => {
    const line = await firstLine(googleExe(), {
      TF_PLUGIN_MAGIC_COOKIE: 'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2',
      PLUGIN_PROTOCOL_VERSIONS: '5,6',
      // Terraform's client certificate is self-signed in the same way.
      PLUGIN_CLIENT_CERT: makeServerCertificate().certPem,
    });
    const [core, proto, net, addr, kind, cert] = line.split('|');
    expect([core, proto, net, kind]).toEqual(['1', '6', 'tcp', 'grpc']);
    expect(addr).toMatch(/^127\.0\.0\.1:\d+$/);
    const { X509Certificate } = await import('node:crypto');
    const x = new X509Certificate(Buffer.from(cert as string, 'base64'));
    expect(x.subjectAltName).toBe('DNS:localhost');
  });
});

describe('the stand-in google provider under the real terraform (needs terraform)', () => {
  itTf('installs offline from the mirror and returns the real schema', async () => {
    const w = workdir(s, 'schema', NETWORK);
    const init = await w.tf('init', '-input=false', '-no-color');
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('Installing hashicorp/google v6.50.0');
    const schema = await w.tf('providers', 'schema', '-json');
    const all = JSON.parse(schema.stdout) as {
      provider_schemas: Record<
        string,
        {
          resource_schemas: Record<
            string,
            {
              block: {
                attributes: Record<
                  string,
                  { type: unknown; required?: boolean; computed?: boolean; optional?: boolean }
                >;
                block_types: Record<string, { nesting_mode: string }>;
              };
            }
          >;
        }
      >;
    };
    const google = all.provider_schemas['registry.terraform.io/hashicorp/google']!;
    const fw = google.resource_schemas.google_compute_firewall!.block;
    expect(fw.attributes.name).toMatchObject({ type: 'string', required: true });
    expect(fw.attributes.source_ranges).toMatchObject({ type: ['set', 'string'], optional: true });
    expect(fw.attributes.self_link).toMatchObject({ computed: true });
    expect(fw.block_types.allow?.nesting_mode).toBe('set');
    expect(fw.block_types.timeouts?.nesting_mode).toBe('single');
  });

  itTf(
    'plans computed attributes as unknown, applies through the emulators, then plans nothing',
    async () => {
      const w = workdir(s, 'apply', NETWORK);
      await w.tf('init', '-input=false', '-no-color');
      const plan = await w.tf('plan', '-input=false', '-no-color');
      expect(plan.stdout).toContain('# google_compute_network.vpc will be created');
      expect(plan.stdout).toMatch(/\+ self_link\s+= \(known after apply\)/);
      expect(plan.stdout).toContain('Plan: 5 to add, 0 to change, 0 to destroy.');
      const apply = await w.tf('apply', '-input=false', '-no-color', '-auto-approve');
      expect(apply.stderr).toBe('');
      expect(apply.stdout).toContain('Apply complete! Resources: 5 added, 0 changed, 0 destroyed.');
      expect(rel('global/networks/demo-network')?.autoCreateSubnetworks).toBe(false);
      expect(rel('global/firewalls/demo-network-allow-ssh')?.sourceRanges).toEqual(['35.235.240.0/20']);
      const address = rel('regions/us-central1/addresses/demo-us-central1-alb-ip')?.address as string;
      const state = JSON.parse((await w.tf('show', '-json')).stdout) as {
        values: { root_module: { resources: { address: string; values: Record<string, unknown> }[] } };
      };
      const alb = state.values.root_module.resources.find((r) => r.address === 'google_compute_address.alb');
      expect(alb?.values.address).toBe(address);
      const again = await w.tf('plan', '-input=false', '-no-color', '-detailed-exitcode');
      expect(again.stdout).toContain('No changes.');
      expect(again.code).toBe(0);

      // An in-place change and a replacement, each as the real provider plans it.
      w.write(
        NETWORK.replace('["22"]', '["22", "2222"]').replace(
          '10.20.0.0/20',
          '10.20.0.0/20"\n  purpose = "PRIVATE',
        ),
      );
      const update = await w.tf('plan', '-input=false', '-no-color');
      expect(update.stdout).toContain('# google_compute_firewall.ssh will be updated in-place');
      expect(update.stdout).not.toContain('must be replaced');
      w.write(NETWORK.replace('demo-us-central1-alb-ip', 'demo-us-central1-alb-ip-2'));
      const replace = await w.tf('plan', '-input=false', '-no-color');
      expect(replace.stdout).toContain('# google_compute_address.alb must be replaced');
      expect(replace.stdout).toMatch(
        /~ name\s+= "demo-us-central1-alb-ip" -> "demo-us-central1-alb-ip-2" # forces replacement/,
      );
      expect(replace.stdout).toContain('Plan: 1 to add, 0 to change, 1 to destroy.');

      // Drift: a rule edited and an address deleted behind Terraform's back.
      w.write(NETWORK);
      rel('global/firewalls/demo-network-allow-ssh')!.sourceRanges = ['0.0.0.0/0'];
      (s.world.gcp as GcpWorld).compute.delete(
        `projects/${s.scenario.gcp.projectId}/regions/us-central1/addresses/demo-us-central1-alb-ip`,
      );
      const drift = await w.tf('plan', '-refresh-only', '-input=false', '-no-color');
      expect(drift.stdout).toContain('Terraform detected the following changes made outside of Terraform');
      expect(drift.stdout).toMatch(/~ source_ranges\s+= \[/);
      expect(drift.stdout).toContain('"0.0.0.0/0"');
      expect(drift.stdout).toContain('# google_compute_address.alb has been deleted');
      const repair = await w.tf('apply', '-input=false', '-no-color', '-auto-approve');
      expect(repair.stdout).toContain('Resources: 1 added, 1 changed, 0 destroyed.');
      expect(rel('global/firewalls/demo-network-allow-ssh')?.sourceRanges).toEqual(['35.235.240.0/20']);

      const destroy = await w.tf('destroy', '-input=false', '-no-color', '-auto-approve');
      expect(destroy.stdout).toContain('Destroy complete! Resources: 5 destroyed.');
      expect(rel('global/networks/demo-network')).toBeUndefined();
    },
  );

  itTf("stops waiting for an operation at the resource's create timeout, as the provider does", async () => {
    const scenario = s.scenario.gcp as { operationMs?: number };
    const before = scenario.operationMs;
    scenario.operationMs = 60_000;
    try {
      const w = workdir(
        s,
        'timeout',
        `
resource "google_compute_network" "slow" {
  name                    = "slow-network"
  auto_create_subnetworks = false
  timeouts {
    create = "1s"
  }
}
`,
      );
      await w.tf('init', '-input=false', '-no-color');
      const apply = await w.tf('apply', '-input=false', '-no-color', '-auto-approve');
      expect(apply.code).toBe(1);
      expect(apply.stderr).toContain(
        "Error: Error waiting to create Network: Error waiting for Creating Network: timeout while waiting for state to become 'DONE'",
      );
    } finally {
      scenario.operationMs = before;
    }
  });

  itTf(
    'stops an apply on a resource that exists outside the state with the 409 message, and imports it',
    async () => {
      const w = workdir(
        s,
        'conflict',
        `
resource "google_compute_network" "vpc" {
  name                    = "leftover-network"
  auto_create_subnetworks = false
}
`,
      );
      const other = workdir(
        s,
        'conflict-maker',
        `
resource "google_compute_network" "vpc" {
  name                    = "leftover-network"
  auto_create_subnetworks = false
}
`,
      );
      await other.tf('init', '-input=false', '-no-color');
      expect((await other.tf('apply', '-input=false', '-no-color', '-auto-approve')).code).toBe(0);
      await w.tf('init', '-input=false', '-no-color');
      const apply = await w.tf('apply', '-input=false', '-no-color', '-auto-approve');
      expect(apply.code).toBe(1);
      expect(apply.stderr).toContain(
        `Error: Error creating Network: googleapi: Error 409: The resource 'projects/${s.scenario.gcp.projectId}/global/networks/leftover-network' already exists, alreadyExists`,
      );
      const imported = await w.tf(
        'import',
        '-input=false',
        '-no-color',
        'google_compute_network.vpc',
        `projects/${s.scenario.gcp.projectId}/global/networks/leftover-network`,
      );
      expect(imported.stdout).toContain('Import successful!');
      const plan = await w.tf('plan', '-input=false', '-no-color', '-detailed-exitcode');
      expect(plan.stdout).toContain('No changes.');
    },
  );
});

function run(path: string, env: Record<string, string>): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(path, [], { env: { PATH: process.env.PATH ?? '', ...env } });
    let stderr = '';
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    p.on('exit', (code) => resolve({ code: code ?? 1, stderr }));
  });
}

function firstLine(path: string, env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const p = spawn(path, [], { env: { PATH: process.env.PATH ?? '', ...env } });
    let out = '';
    p.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) {
        p.kill();
        resolve(out.split('\n')[0] as string);
      }
    });
    p.on('exit', (code) => (out.includes('\n') ? undefined : reject(new Error(`plugin exited ${code}`))));
  });
}
