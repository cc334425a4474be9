import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { classifyPlan, configAddress } from '../../shared/terraform/churn.js';
import { classifyDrift, type ComputedOnly } from '../../shared/terraform/drift.js';
import { SHARED_SECRET } from './fixtures.js';
import {
  fingerprintFromComment,
  planFingerprint,
  renderPlanComment,
  type PlanJson,
} from '../../shared/terraform/plan-render.js';

/** Plans captured from the sandbox by test/terraform/capture-plans.ts (the real module's body, real terraform). */
const fixture = <T = PlanJson>(name: string): T =>
  JSON.parse(readFileSync(new URL(`../fixtures/plans/${name}.json`, import.meta.url), 'utf8')) as T;

const INFRA = 'module.gitspaces.module.infra.';
const CHURN = [
  'module.gitspaces.null_resource.write_yaml',
  `${INFRA}google_compute_region_backend_service.alb_default["us-central1"]`,
  `${INFRA}google_compute_region_backend_service.nlb_default["us-central1"]`,
  `${INFRA}google_compute_region_backend_service.nlb_gateway_default["us-central1"]`,
  `${INFRA}google_compute_region_instance_group_manager.gateway["us-central1"]`,
  `${INFRA}google_compute_region_instance_template.default_template["us-central1"]`,
];
const FIREWALL = `${INFRA}module.firewall_rules.google_compute_firewall.rules_ingress_egress["gitspaces-network-allow-all-ingress-gateway"]`;
const target = { root: '.gitspaces/terraform', workspace: 'default', label: '', secrets: [SHARED_SECRET] };
const addresses = (list: { address: string }[]) => list.map((r) => r.address).sort();

describe('the module churn classifier, on plans captured from the sandbox', () => {
  it('a plan right after apply is churn only: the uuid()-named template and group, what points at them, the timestamp() resource and output', () => {
    const c = classifyPlan(fixture('churn-only'));
    expect(addresses(c.churn)).toEqual([...CHURN].sort());
    expect(c.real).toEqual([]);
    expect(c.churnOutputs.map(([n]) => n)).toEqual(['instance_yaml']);
    expect(c.realOutputs).toEqual([]);
  });

  it('a real firewall change next to the churn is the only real change', () => {
    const c = classifyPlan(fixture('mixed-firewall'));
    expect(addresses(c.real)).toEqual([FIREWALL]);
    expect(addresses(c.churn)).toEqual([...CHURN].sort());
  });

  it('a real change to the gateway group makes what depends on it real too; the template stays churn', () => {
    const c = classifyPlan(fixture('mixed-gateway'));
    expect(addresses(c.real)).toEqual(
      [
        `${INFRA}google_compute_region_backend_service.alb_default["us-central1"]`,
        `${INFRA}google_compute_region_backend_service.nlb_default["us-central1"]`,
        `${INFRA}google_compute_region_backend_service.nlb_gateway_default["us-central1"]`,
        `${INFRA}google_compute_region_instance_group_manager.gateway["us-central1"]`,
      ].sort(),
    );
    expect(addresses(c.churn)).toEqual(
      [
        'module.gitspaces.null_resource.write_yaml',
        `${INFRA}google_compute_region_instance_template.default_template["us-central1"]`,
      ].sort(),
    );
  });

  it('a known value that differs is never churn, even with unknown values beside it', () => {
    const plan = fixture('churn-only');
    const template = plan.resource_changes!.find((rc) => rc.address === CHURN[5])!;
    (template.change.after as Record<string, unknown>).machine_type = 'e2-standard-8';
    const c = classifyPlan(plan);
    // The template is real now, and so is everything that depends on it.
    expect(addresses(c.real)).toEqual(CHURN.filter((a) => !a.includes('write_yaml')).sort());
  });

  it('a tainted or requested replacement is never churn', () => {
    const plan = fixture('churn-only');
    plan.resource_changes!.find((rc) => rc.address === CHURN[0])!.action_reason = 'replace_because_tainted';
    expect(addresses(classifyPlan(plan).real)).toEqual([CHURN[0]]);
  });

  it('strips instance keys to the depends_on form', () => {
    expect(configAddress('module.a["x.y"].module.b[0].t.n["k[1]"]')).toBe('module.a.module.b.t.n');
  });
});

describe('the plan comment and fingerprint with churn', () => {
  it('says no changes and folds the churn apart, not applied', () => {
    const md = renderPlanComment(fixture('churn-only'), target);
    expect(md).toContain(
      "<details><summary>No changes. Your infrastructure matches the configuration. Module churn, not applied: 6 resource(s) and 1 output(s) change only through the module's own uuid()/timestamp().</summary>",
    );
    expect(md).toContain(
      "<details><summary>Module churn, not applied (7): the module's own uuid()/timestamp()</summary>",
    );
    expect(md).not.toContain('to replace:**');
    // The churn's diff shows the template's old startup script: the gateway's shared secret stays scrubbed.
    expect(md).toContain('GATEWAY_SECRET=***');
    expect(md).not.toContain(SHARED_SECRET);
  });

  it('shows the real change in the counts and the churn folded apart', () => {
    const md = renderPlanComment(fixture('mixed-firewall'), target);
    expect(md).toContain(
      '<summary>Plan: 0 to add, 1 to change, 0 to destroy. Module churn, not applied: 6 resource(s)',
    );
    expect(md).toContain(`# ${FIREWALL} will be updated in-place`);
    expect(md).toContain(
      '~ source_ranges = ["0.0.0.0/0","34.120.0.10","34.120.0.11","34.120.0.12"] -> ["203.0.113.0/24","34.120.0.10","34.120.0.11","34.120.0.12"]',
    );
    expect(md).not.toContain('to replace:**');
  });

  it('the fingerprint is that of no change for churn only, stable across churn, and follows real changes', () => {
    const empty = planFingerprint({ resource_changes: [], output_changes: {} });
    expect(planFingerprint(fixture('churn-only'))).toBe(empty);
    expect(planFingerprint(fixture('churn-only-2'))).toBe(empty);
    const firewall = planFingerprint(fixture('mixed-firewall'));
    expect(firewall).not.toBe(empty);
    expect(planFingerprint(fixture('mixed-gateway'))).not.toBe(firewall);
    expect(fingerprintFromComment(renderPlanComment(fixture('mixed-firewall'), target))).toBe(firewall);
  });
});

describe('drift: only configured attributes changed outside Terraform', () => {
  const computed = fixture<ComputedOnly>('computed-only');

  it('values Google computes (an address users, a certificate going ACTIVE) and the timestamp() output are not drift', () => {
    expect(computed.google_compute_address).toContain('users');
    expect(computed.google_certificate_manager_certificate).toContain('managed.state');
    const d = classifyDrift(fixture('refresh-after-apply'), computed);
    expect(d.drifted).toEqual([]);
    expect(d.computedOnly.sort()).toEqual([
      'module.gitspaces.module.domain[0].google_certificate_manager_certificate.default["us-central1"]',
      `${INFRA}google_compute_address.alb_ip["us-central1"]`,
    ]);
    expect(d.outputs).toEqual(['output.instance_yaml']);
  });

  it('a firewall rule whose source ranges were edited by hand is drift, naming the attribute', () => {
    const d = classifyDrift(fixture('refresh-firewall-edited'), computed);
    expect(d.drifted).toEqual([
      {
        address: `${INFRA}module.firewall_rules.google_compute_firewall.rules_ingress_egress["gitspaces-network-allow-gateway-ssh"]`,
        attributes: ['source_ranges'],
      },
    ]);
  });

  it('a resource deleted by hand is drift; a type the schema does not know counts whole', () => {
    const plan = fixture('refresh-after-apply');
    const [cert, address] = plan.resource_drift!;
    cert!.change = { ...cert!.change, actions: ['delete'], after: null };
    const d = classifyDrift(
      { ...plan, resource_drift: [cert!, address!] },
      { ...computed, google_compute_address: [] },
    );
    expect(d.drifted.map((e) => e.attributes)).toEqual([['deleted'], ['users']]);
  });
});
