/**
 * The gateway's exposure and image as the Terraform module will read them: from the Infra Config YAML Harness
 * generates (`setup_yaml`), not from gitspaces.yaml. Harness's UI never sends `gateway.whitelist_ip_ranges`
 * (harness/harness `web/src/cde-gitness/pages/InfraConfigure/InfraDetails/GcpInfraDetails.tsx` sends only
 * `machine_type`, `instances`, `vm_image_name`), its sample YAML has none and carries the gateway image
 * `debian-11`/`debian-cloud` in the v0.0.3 generation (developer-hub `gitspace-infra-ui-gcp.md`), and the module
 * opens the gateway to `0.0.0.0/0` when the key is absent (`lookup(..., "whitelist_ip_ranges", ["0.0.0.0/0"])`,
 * /work/shared/contracts/terraform-module.md). So configure-infra writes the config's whitelist and gateway image
 * into the YAML it hands to Terraform, and these findings (NET-004, IMG-002) hold the result, before apply.
 */
import type { GitspacesConfig } from '../config/schema.js';
import { errorMessage } from '../errors.js';
import type { CheckStatus } from '../report/model.js';
import { PreflightContext, SkipCheck, needConfig } from './types.js';

/** What the module will read from the YAML's `gateway`: the ingress ranges (undefined: the key is absent) and image. */
export interface GatewayYaml {
  whitelist?: string[];
  /** The image as a path: `projects/<p>/global/images/family/<f>` (v0.0.3's vm_image) or vm_image_name. */
  image?: string;
}

export const OPEN_RANGE = '0.0.0.0/0';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});

/** The gateway keys of a parsed Infra Config YAML. */
export function gatewayOf(doc: unknown): GatewayYaml {
  const gw = obj(obj(doc).gateway);
  const out: GatewayYaml = {};
  if (Array.isArray(gw.whitelist_ip_ranges)) out.whitelist = gw.whitelist_ip_ranges.map(String);
  const vi = obj(gw.vm_image);
  if (typeof gw.vm_image_name === 'string') out.image = gw.vm_image_name;
  else if (typeof vi.family === 'string' && typeof vi.project === 'string')
    out.image = `projects/${vi.project}/global/images/family/${vi.family}`;
  return out;
}

/** A family path as v0.0.3's `vm_image: {family, project}`; undefined for a path that names one image. */
export function familyOf(path: string): { family: string; project: string } | undefined {
  const m = /^projects\/([^/]+)\/global\/images\/family\/([^/]+)$/.exec(path);
  return m ? { family: m[2] as string, project: m[1] as string } : undefined;
}

/**
 * The config's whitelist and gateway image written into the parsed YAML (in place), as the module reads them in
 * this generation. Returns what was changed, for the job summary.
 */
export function applyGatewayConfig(doc: Obj, config: GitspacesConfig): string[] {
  const gwConfig = config.infrastructure.gateway;
  const gw = obj(doc.gateway);
  doc.gateway = gw;
  const changes: string[] = [];
  const have = gatewayOf(doc);
  const want = gwConfig.whitelist_ip_ranges;
  if (want && JSON.stringify(have.whitelist) !== JSON.stringify(want)) {
    gw.whitelist_ip_ranges = [...want];
    changes.push(
      `gateway.whitelist_ip_ranges: ${have.whitelist ? have.whitelist.join(', ') : `absent (the module would open the gateway to ${OPEN_RANGE})`} -> ${want.join(', ')}`,
    );
  }
  const image = gwConfig.vm_image_name;
  if (image && have.image !== image) {
    if (config.terraform.module.generation === 'v0.0.3') {
      const f = familyOf(image);
      if (f) gw.vm_image = f;
    } else gw.vm_image_name = image;
    if (gatewayOf(doc).image === image) changes.push(`gateway image: ${have.image ?? 'absent'} -> ${image}`);
  }
  return changes;
}

export interface Finding {
  status: CheckStatus;
  observed: string;
  expected: string;
  fix: string;
}

/** NET-004: the ranges the gateway's firewall rule will admit; open to the internet only by explicit choice. */
export function whitelistFinding(gw: GatewayYaml, config: GitspacesConfig): Finding {
  const allowPublic = config.infrastructure.gateway.allow_public;
  const expected = allowPublic
    ? `gateway.whitelist_ip_ranges absent or ${OPEN_RANGE} (gateway.allow_public: true)`
    : 'gateway.whitelist_ip_ranges in the Infra Config YAML, without 0.0.0.0/0';
  const open = !gw.whitelist || gw.whitelist.includes(OPEN_RANGE);
  const observed = gw.whitelist
    ? `the Infra Config YAML's gateway.whitelist_ip_ranges: ${gw.whitelist.join(', ')}`
    : `the Infra Config YAML has no gateway.whitelist_ip_ranges: the module opens ports 80, 443, 2117-2118 and 2200-65000 of the gateways to ${OPEN_RANGE}`;
  if (!open) return { status: 'ok', observed, expected, fix: '' };
  if (allowPublic)
    return { status: 'ok', observed: `${observed} (gateway.allow_public: true)`, expected, fix: '' };
  return {
    status: 'error',
    observed,
    expected,
    fix: 'Set infrastructure.gateway.whitelist_ip_ranges to the ranges your users and IDEs connect from (the bundle writes it into the Infra Config YAML, which Harness does not), or set infrastructure.gateway.allow_public: true to open the gateways to the internet on purpose.',
  };
}

/** IMG-002: the gateway image the module will boot, as the YAML names it: the configured one, or an Ubuntu one. */
export function imageFinding(gw: GatewayYaml, config: GitspacesConfig): Finding {
  const configured = config.infrastructure.gateway.vm_image_name;
  const gen = config.terraform.module.generation;
  const expected = configured
    ? `the configured gateway image ${configured} (checked by IMG-001)`
    : 'an Ubuntu gateway image (only Ubuntu works for the gateway)';
  const observed = `the Infra Config YAML's gateway image: ${gw.image ?? 'absent'}`;
  if (configured && gw.image === configured) return { status: 'ok', observed, expected, fix: '' };
  if (configured && gen === 'v0.0.3' && !familyOf(configured))
    return {
      status: 'error',
      observed: `${observed}; module v0.0.3 reads the gateway image as a family, and ${configured} names one image`,
      expected,
      fix: 'Use a family path for infrastructure.gateway.vm_image_name (projects/ubuntu-os-cloud/global/images/family/ubuntu-2204-lts), or a post-0.0.3 module.',
    };
  if (!configured && gw.image && /ubuntu/i.test(gw.image))
    return { status: 'ok', observed, expected, fix: '' };
  return {
    status: 'error',
    observed: configured ? observed : `${observed}, which is not Ubuntu (Harness's default)`,
    expected,
    fix: 'Set infrastructure.gateway.vm_image_name to an Ubuntu image (e.g. projects/ubuntu-os-cloud/global/images/family/ubuntu-2204-lts); configure-infra writes it into the Infra Config YAML.',
  };
}

/**
 * For the preflight: the gateway keys of the Infra Config YAML Harness serves for this infrastructure today, with
 * the config written in as configure-infra will write it. Skips when the infrastructure does not exist yet (then
 * configure-infra holds the YAML it downloads to the same findings before writing it).
 */
export function gatewayAsWritten(ctx: PreflightContext): Promise<GatewayYaml> {
  const c = needConfig(ctx);
  const harness = ctx.harness;
  if (!harness) throw new SkipCheck('no Harness API key was given (see HARNESS-001)');
  return ctx.once('infra-setup-yaml', async () => {
    let text: string | undefined;
    try {
      text = (await harness.getInfraProvider(c.infrastructure.identifier))?.setup_yaml;
    } catch (e) {
      throw new SkipCheck(
        `the infrastructure provider could not be read (see HARNESS-001): ${errorMessage(e)}`,
      );
    }
    if (!text)
      throw new SkipCheck(
        `the infrastructure ${c.infrastructure.identifier} does not exist yet: configure-infra checks the Infra Config YAML it downloads before Terraform reads it`,
      );
    const { parse } = await import('yaml');
    const doc = obj(parse(text));
    applyGatewayConfig(doc, c);
    return gatewayOf(doc);
  });
}
