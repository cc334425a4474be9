/** The images family (IMG): the gateway, runner and machine images exist and are Ubuntu. */
import { IMAGE_RE } from '../config/schema.js';
import type { Image } from '../gcp/compute.js';
import { computeReads } from './compute-reads.js';
import { requireGcp } from './gcp-access.js';
import { gatewayAsWritten, imageFinding } from './infra-yaml.js';
import { PreflightCheck, PreflightContext, SkipCheck, error, needConfig, ok } from './types.js';

/** Image paths the module and the runner will use: gateway, runner, and every machine. */
export function configuredImages(ctx: PreflightContext): { role: string; path: string }[] {
  const c = needConfig(ctx);
  const fallback = 'projects/ubuntu-os-cloud/global/images/ubuntu-2004-focal-v20250213';
  const out = [
    { role: 'gateway', path: c.infrastructure.gateway.vm_image_name ?? fallback },
    { role: 'runner', path: c.infrastructure.runner.vm_image_name ?? fallback },
    ...c.machines
      .filter((m) => m.vm_image_name)
      .map((m) => ({ role: `machine ${m.name}`, path: m.vm_image_name as string })),
  ];
  for (const i of out)
    if (!IMAGE_RE.test(i.path))
      throw new SkipCheck(`${i.role} image ${i.path} is not an image path (CFG-001)`);
  return out;
}

export function isUbuntu(img: Image): boolean {
  if (img.licenses?.length) return img.licenses.some((l) => /ubuntu/i.test(l));
  return /ubuntu/i.test(`${img.name} ${img.family ?? ''}`);
}

export const IMG_001: PreflightCheck = {
  id: 'IMG-001',
  async run(ctx) {
    const images = configuredImages(ctx);
    const { gcp } = await requireGcp(ctx, 'compute.googleapis.com');
    const unique = [...new Set(images.map((i) => i.path))];
    const reads = computeReads(gcp);
    const results = await Promise.all(unique.map(async (p) => [p, await reads.getImage(p)] as const));
    const byPath = new Map(results);
    const problems: string[] = [];
    const seen: string[] = [];
    for (const i of images) {
      const img = byPath.get(i.path);
      if (!img) {
        problems.push(`${i.role} image ${i.path} does not exist (or is not readable by the service account)`);
        continue;
      }
      const label = `${i.role}: ${img.name}${img.family ? ` (family ${img.family})` : ''}`;
      if (!isUbuntu(img))
        problems.push(
          `${label} is not Ubuntu${img.licenses?.length ? ` (licenses: ${img.licenses.map((l) => l.split('/').pop()).join(', ')})` : ''}`,
        );
      else if (img.deprecated?.state && img.deprecated.state !== 'ACTIVE')
        problems.push(
          `${label} is ${img.deprecated.state}${img.deprecated.replacement ? `, replaced by ${img.deprecated.replacement.split('/').pop()}` : ''}`,
        );
      else seen.push(label);
    }
    const expected = 'existing Ubuntu images (only Ubuntu works for the gateway and the runner)';
    if (problems.length) {
      return error(
        problems.join('; '),
        expected,
        'Use an Ubuntu image, e.g. projects/ubuntu-os-cloud/global/images/family/ubuntu-2204-lts (gateway.vm_image_name, runner.vm_image_name).',
      );
    }
    return ok(seen.join('; '), expected);
  },
};

/** IMG-002: the gateway image the module will boot, read from the Infra Config YAML Harness serves. */
export const IMG_002: PreflightCheck = {
  id: 'IMG-002',
  async run(ctx) {
    const c = needConfig(ctx);
    const f = imageFinding(await gatewayAsWritten(ctx), c);
    return f.status === 'ok' ? ok(f.observed, f.expected) : error(f.observed, f.expected, f.fix);
  },
};

export const IMAGES_CHECKS: readonly PreflightCheck[] = [IMG_001, IMG_002];
