import { join } from 'node:path';
import { runValidate, scenarioRun } from '../validate/helpers.js';

/** NET-004 and IMG-002 in the preflight: the YAML Harness serves for an existing infrastructure, as configure will write it. */
describe('NET-004 and IMG-002 before anything is created', () => {
  async function checks(scenario: Record<string, unknown>) {
    const s = await scenarioRun(scenario as never);
    try {
      const r = await runValidate(
        {
          config: s.configPath,
          'harness-api-key': s.sb.secrets.harnessApiKey,
          'report-path': join(s.dir, 'r.json'),
        },
        s.env,
      );
      expect(s.sb.journal.attempts()).toEqual([]);
      const byId = (id: string) => r.report.checks.find((c) => c.id === id);
      return { net: byId('NET-004'), img: byId('IMG-002') };
    } finally {
      await s.close();
    }
  }

  it('skip while the infrastructure does not exist, naming configure-infra', async () => {
    const { net, img } = await checks({});
    expect(net?.status).toBe('skip');
    expect(net?.fix).toMatch(/configure-infra checks the Infra Config YAML it downloads/);
    expect(img?.status).toBe('skip');
  });

  it('an existing infrastructure: the served YAML has no whitelist, the configured one is what the module will get', async () => {
    const { net, img } = await checks({ harness: { existingInfra: true } });
    expect(net).toMatchObject({
      status: 'ok',
      observed: "the Infra Config YAML's gateway.whitelist_ip_ranges: 203.0.113.0/24",
    });
    expect(img?.status).toBe('ok');
  });

  it('an existing infrastructure and no whitelist in the config: NET-004 fails on what the module would open', async () => {
    const { net } = await checks({
      harness: { existingInfra: true },
      config: { infrastructure: { gateway: { whitelist_ip_ranges: undefined } } },
    });
    expect(net?.status).toBe('error');
    expect(net?.observed).toMatch(
      /^the Infra Config YAML has no gateway\.whitelist_ip_ranges: the module opens/,
    );
  });
});
