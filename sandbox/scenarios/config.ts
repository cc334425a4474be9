import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { mergeScenario, scenariosDir, type Scenario } from '../scenario.js';

/** Names of the scenario files shipped in sandbox/scenarios (without .yaml), plus `healthy`. */
export function scenarioNames(): string[] {
  return [
    'healthy',
    ...readdirSync(scenariosDir())
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => f.replace(/\.yaml$/, ''))
      .sort(),
  ];
}

/** The gitspaces.yaml a scenario is meant to be validated with: one matching the seeded world, plus scenario.config. */
export function scenarioConfig(scenario: Scenario): Record<string, unknown> {
  const base = {
    version: 1,
    harness: {
      account_id: scenario.harness.accountId,
      org: scenario.harness.org,
      project: scenario.harness.projects[0] ?? 'platform',
      api_url: 'https://app.harness.io',
    },
    gcp: { project_id: scenario.gcp.projectId, credentials: 'key' },
    infrastructure: {
      identifier: 'gitspaces_gcp',
      name: 'gitspaces',
      domain: scenario.dns.domain,
      gateway: {
        machine_type: 'e2-standard-2',
        instances: 1,
        vm_image_name: 'projects/ubuntu-os-cloud/global/images/family/ubuntu-2204-lts',
        whitelist_ip_ranges: ['203.0.113.0/24'],
      },
      regions: {
        'us-central1': {
          subdomain: 'usc1',
          default_subnet_ip_range: '10.6.0.0/16',
          proxy_subnet_ip_range: '10.3.0.0/26',
        },
      },
      runner: {
        region: 'us-central1',
        zone: 'us-central1-a',
        vm_image_name: 'projects/ubuntu-os-cloud/global/images/family/ubuntu-2204-lts',
      },
    },
    terraform: {
      binary: 'terraform',
      module: { source: 'harness/harness-gitspaces/gcp', generation: 'post-0.0.3' },
      manage_dns_zone: true,
      certificate: { mode: 'certificate-manager' },
      create_runner_vm: true,
    },
    machines: [
      {
        name: 'standard',
        region: 'us-central1',
        zone: 'us-central1-a',
        machine_type: 'e2-standard-4',
        boot_disk_size: 50,
        persistent_disk_size: 100,
      },
    ],
    gitspaces: [
      {
        name: 'api-dev',
        repo_url: 'https://github.com/acme/api',
        repo_type: 'github',
        branch: 'main',
        ide: 'vs_code_web',
        machine: 'standard',
      },
    ],
  };
  return mergeScenario(base as Record<string, unknown>, (scenario.config ?? {}) as never);
}

/**
 * Writes the scenario's config to `dir`/gitspaces.yaml and returns its path. A `certificate.mode: files` config
 * without paths gets a self-signed certificate for *.<region domain> of every region (openssl), so CERT-001 passes.
 */
export function writeScenarioConfig(scenario: Scenario, dir: string): string {
  mkdirSync(dir, { recursive: true });
  const cfg = scenarioConfig(scenario) as {
    terraform: { certificate: Record<string, string> };
    infrastructure: { domain: string; regions: Record<string, { subdomain?: string }> };
  };
  const cert = cfg.terraform.certificate;
  if (cert.mode === 'files' && !cert.certificate_path) {
    const names = Object.values(cfg.infrastructure.regions).map(
      (r) => `*.${r.subdomain ? `${r.subdomain}.` : ''}${cfg.infrastructure.domain}`,
    );
    const certPath = join(dir, 'gateway.crt');
    const keyPath = join(dir, 'gateway.key');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        keyPath,
        '-out',
        certPath,
        '-days',
        '365',
        '-subj',
        `/CN=${names[0]}`,
        '-addext',
        `subjectAltName=${names.map((n) => `DNS:${n}`).join(',')}`,
      ],
      { stdio: 'ignore' },
    );
    cert.certificate_path = certPath;
    cert.private_key_path = keyPath;
  }
  const path = join(dir, 'gitspaces.yaml');
  writeFileSync(path, stringify(cfg));
  return path;
}
