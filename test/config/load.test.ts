/** The config loader in-process: defaults, derived fields, and the shape of its errors. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../shared/config/load.js';
import { configFromText, parseConfig } from '../../shared/config/parse.js';
import { ConfigurationError } from '../../shared/errors.js';
import { ROOT } from '../cli/run-cli.js';

const example = readFileSync(join(ROOT, 'examples', 'gitspaces.yaml'), 'utf8');
const minimal = `version: 1
harness: { account_id: acct }
gcp: { project_id: acme-gitspaces }
infrastructure:
  identifier: gs
  name: gitspaces
  domain: gitspaces.acme.dev
  gateway: { machine_type: e2-standard-2 }
  regions:
    us-central1: { default_subnet_ip_range: 10.6.0.0/16, proxy_subnet_ip_range: 10.3.0.0/26 }
  runner: { region: us-central1, zone: us-central1-a }
`;

test('a minimal file gets every default, and the module generation is derived from the version', () => {
  const c = configFromText(minimal);
  expect(c.harness).toEqual({ account_id: 'acct', org: 'default', api_url: 'https://app.harness.io' });
  expect(c.gcp.credentials).toBe('key');
  expect(c.infrastructure.gateway.instances).toBe(1);
  expect(c.infrastructure.regions['us-central1']?.subdomain).toBe('');
  expect(c.terraform.module).toEqual({
    source: 'harness/harness-gitspaces/gcp',
    version: '0.0.3',
    generation: 'v0.0.3',
  });
  expect(c.terraform.certificate.mode).toBe('certificate-manager');
  expect(c.delegate.tags).toEqual(['gitspaces']);
  expect(c.machines).toEqual([]);
  expect(c.gitspaces).toEqual([]);
  const newer = configFromText(minimal + 'terraform:\n  module: { version: 0.1.0 }\n');
  expect(newer.terraform.module.generation).toBe('post-0.0.3');
});

test('the example keeps its explicit generation', async () => {
  const c = await loadConfig(join(ROOT, 'examples', 'gitspaces.yaml'));
  expect(c.terraform.module.generation).toBe('post-0.0.3');
  expect(c.gitspaces[0]?.machine).toBe('standard');
});

test('an invalid file is one ConfigurationError with every problem as a detail, each with path, line, found, expected, fix', () => {
  const text = example
    .replace('10.6.0.0/16', '10.6.0.1/16')
    .replace('ide: vs_code_web', 'ide: vscode')
    .replace('instances: 1', 'instances: "one"');
  let err: ConfigurationError | undefined;
  try {
    configFromText(text, 'my.yaml');
  } catch (e) {
    err = e as ConfigurationError;
  }
  expect(err?.code).toBe('CONFIG_INVALID');
  expect(err?.message).toMatch(/^my\.yaml has 3 problem\(s\):/);
  expect(err?.details).toHaveLength(3);
  expect(err?.details).toEqual(
    expect.arrayContaining([
      expect.stringMatching(
        /^infrastructure\.regions\.us-central1\.default_subnet_ip_range \(line \d+\): found "10\.6\.0\.1\/16"; expected a network address \(no host bits set\)\. Fix: Use 10\.6\.0\.0\/16\.$/,
      ),
      expect.stringMatching(
        /^gitspaces\.0\.ide \(line \d+\): found "vscode"; expected one of "vs_code", .*"vs_code_web"/,
      ),
      expect.stringMatching(/^infrastructure\.gateway\.instances \(line \d+\): found "one"; expected number/),
    ]),
  );
});

test('a missing file is CONFIG_NOT_FOUND with the fix', async () => {
  await expect(loadConfig('/nonexistent/gitspaces.yaml')).rejects.toMatchObject({
    code: 'CONFIG_NOT_FOUND',
    fix: expect.stringContaining('examples/gitspaces.yaml'),
  });
});

test('line numbers point at the offending key', () => {
  const r = parseConfig(example.replace('arch: amd64', 'arch: x86'));
  expect(r.ok).toBe(false);
  const issue = !r.ok ? r.issues[0] : undefined;
  const line = example.split('\n').findIndex((l) => l.includes('arch: amd64')) + 1;
  expect(issue).toMatchObject({ path: 'machines.0.arch', line });
});
