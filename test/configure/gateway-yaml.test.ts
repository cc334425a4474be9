import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { main as configure } from '../../actions/configure-infra/main.js';
import type { GitspacesConfig } from '../../shared/config/schema.js';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import type { DeepPartial, Scenario } from '../../sandbox/scenario.js';
import { configFor } from '../terraform/fixtures.js';
import { testIO } from './helpers.js';

/**
 * Issue 16 point 5: Harness's Infra Config YAML carries no gateway whitelist (the UI never sends one) and, in the
 * v0.0.3 generation, the Debian gateway image of Harness's sample. configure-infra writes the config's whitelist
 * and image into the YAML the module reads, and refuses to hand on a gateway left open or on another image.
 */
type Gw = { whitelist_ip_ranges?: string[]; vm_image?: unknown; vm_image_name?: string };

describe('configure-infra: the gateway whitelist and image in the Infra Config YAML', () => {
  let dir: string;
  beforeAll(() => void (dir = mkdtempSync(join(tmpdir(), 'gitspaces-gwyaml-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function run(scenario: DeepPartial<Scenario>, edit: (c: GitspacesConfig) => void, name: string) {
    const sb: Sandbox = await startSandbox({ scenario });
    try {
      const config = configFor(scenario.harness?.setupYamlGeneration ?? 'post-0.0.3');
      edit(config);
      const path = join(dir, `${name}.yaml`);
      const t = testIO(
        { 'harness-api-key': sb.secrets.harnessApiKey, 'infra-config-path': path },
        {
          ...process.env,
          ...sb.env,
          RUNNER_TEMP: dir,
        },
      );
      const result = await configure(t.io, { config }).catch((e: unknown) => e);
      const served = parse(sb.world.harness.infraProviders.get('gitspaces_gcp')?.config.setup_yaml ?? '') as {
        gateway: Gw;
      };
      const written = existsSync(path) ? (parse(readFileSync(path, 'utf8')) as { gateway: Gw }) : undefined;
      return { result, t, served, written };
    } finally {
      await sb.stop();
    }
  }

  it('writes the configured whitelist into the YAML Harness served without one, and says so', async () => {
    const { result, t, served, written } = await run(
      {},
      (c) => {
        c.infrastructure.gateway.allow_public = false;
        c.infrastructure.gateway.whitelist_ip_ranges = ['203.0.113.0/24'];
      },
      'whitelist',
    );
    expect(served.gateway.whitelist_ip_ranges).toBeUndefined();
    expect(written?.gateway.whitelist_ip_ranges).toEqual(['203.0.113.0/24']);
    expect(result).toMatchObject({ exitCode: 0 });
    const checks = (result as { checks: { id: string; status: string; observed: string }[] }).checks;
    expect(checks.find((c) => c.id === 'NET-004')).toMatchObject({
      status: 'ok',
      observed: "the Infra Config YAML's gateway.whitelist_ip_ranges: 203.0.113.0/24",
    });
    expect(t.summary.join('\n')).toContain(
      "Written into it from gitspaces.yaml (Harness's YAML does not carry it): gateway.whitelist_ip_ranges: absent (the module would open the gateway to 0.0.0.0/0) -> 203.0.113.0/24",
    );
  });

  it('refuses a gateway open to the internet without allow_public: exit 2 naming both keys, no YAML written', async () => {
    const { result, written } = await run(
      {},
      (c) => void (c.infrastructure.gateway.allow_public = false),
      'open',
    );
    expect(result).toMatchObject({
      name: 'ConfigurationError',
      code: 'GATEWAY_OPEN_TO_INTERNET',
      message: expect.stringMatching(
        /^NET-004: the Infra Config YAML has no gateway\.whitelist_ip_ranges: the module opens/,
      ),
      fix: expect.stringMatching(/whitelist_ip_ranges .* or set infrastructure\.gateway\.allow_public: true/),
    });
    expect(written).toBeUndefined();
  });

  it('v0.0.3: Harness serves a Debian gateway image; the configured Ubuntu family is written instead', async () => {
    const { result, served, written } = await run(
      { harness: { setupYamlGeneration: 'v0.0.3' } },
      (c) =>
        void (c.infrastructure.gateway.vm_image_name =
          'projects/ubuntu-os-cloud/global/images/family/ubuntu-2204-lts'),
      'v003-image',
    );
    expect(served.gateway.vm_image).toEqual({ family: 'debian-11', project: 'debian-cloud' });
    expect(written?.gateway.vm_image).toEqual({ family: 'ubuntu-2204-lts', project: 'ubuntu-os-cloud' });
    const checks = (result as { checks: { id: string; status: string }[] }).checks;
    expect(checks.find((c) => c.id === 'IMG-002')?.status).toBe('ok');
  });

  it("v0.0.3 without a configured gateway image: the YAML's Debian image is refused, not only the config checked", async () => {
    const { result, written } = await run(
      { harness: { setupYamlGeneration: 'v0.0.3' } },
      () => undefined,
      'v003-none',
    );
    expect(result).toMatchObject({
      code: 'GATEWAY_IMAGE_UNSUPPORTED',
      message:
        "IMG-002: the Infra Config YAML's gateway image: projects/debian-cloud/global/images/family/debian-11, which is not Ubuntu (Harness's default).",
      fix: expect.stringContaining('Set infrastructure.gateway.vm_image_name to an Ubuntu image'),
    });
    expect(written).toBeUndefined();
  });
});
