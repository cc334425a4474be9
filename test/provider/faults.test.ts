import { afterAll, beforeAll, describe, expect } from '@jest/globals';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import { itNeedsTerraform } from '../terraform/fixtures.js';
import { workdir } from './terraform-run.js';

const itTf = itNeedsTerraform;

// Half of the Compute and Cloud DNS calls answer 429 or 503 (the scenario's seed makes the draw reproducible):
// the provider must retry them as the real one does and converge without an error.
let s: Sandbox;
beforeAll(async () => {
  s = await startSandbox({
    scenario: {
      seed: 7,
      faults: [
        { service: 'compute', kind: '429', rate: 0.3, retryAfterSeconds: 0 },
        { service: 'compute', kind: '5xx', status: 503, rate: 0.2 },
        { service: 'clouddns', kind: '5xx', status: 503, rate: 0.4 },
      ],
    },
  });
});
afterAll(async () => {
  await s?.stop();
});

describe('the stand-in google provider under throttling and 5xx (needs terraform)', () => {
  itTf('retries 429 and 503 and converges', async () => {
    const w = workdir(
      s,
      'faults',
      `
resource "google_compute_network" "vpc" {
  name                    = "faulty-network"
  auto_create_subnetworks = false
}
resource "google_compute_firewall" "web" {
  name          = "faulty-network-web"
  network       = google_compute_network.vpc.self_link
  source_ranges = ["0.0.0.0/0"]
  allow {
    protocol = "tcp"
    ports    = ["80"]
  }
}
resource "google_dns_managed_zone" "zone" {
  name     = "faulty-example-dev"
  dns_name = "faulty.example.dev."
}
resource "google_dns_record_set" "a" {
  managed_zone = google_dns_managed_zone.zone.name
  name         = "www.faulty.example.dev."
  type         = "A"
  ttl          = 300
  rrdatas      = ["203.0.113.10"]
}
`,
    );
    expect((await w.tf('init', '-input=false', '-no-color')).code).toBe(0);
    const apply = await w.tf('apply', '-input=false', '-no-color', '-auto-approve');
    expect(apply.stderr).toBe('');
    expect(apply.stdout).toContain('Apply complete! Resources: 4 added, 0 changed, 0 destroyed.');
    const faulted = s.journal.entries.filter((e) => e.fault && ['compute', 'clouddns'].includes(e.service));
    expect(new Set(faulted.map((e) => e.status))).toEqual(new Set([429, 503]));
    const plan = await w.tf('plan', '-input=false', '-no-color', '-detailed-exitcode');
    expect(plan.stdout).toContain('No changes.');
  });
});
