import { Router, harnessError } from '../../core/http.js';
import { infraOr404 } from '../infra.js';
import type { World } from '../../world.js';
import { ACCOUNT, json, obj } from '../api.js';
import { HarnessModel, randomChars } from '../model.js';
import type { TypesInfraProviderResource } from '../../../shared/harness/types.js';

/** An infra provider's machines (resources): list, bulk create, delete when no gitspace uses them. */
export function machineRoutes(r: Router, world: World): void {
  const m = world.harness as HarnessModel;
  const A = ACCOUNT;
  r.get(`${A}/infraproviders/{infra}/resources`, (req) => {
    const rec = infraOr404(m, req);
    return 'status' in rec ? rec : json(200, [...rec.resources.values()]);
  });
  r.post(`${A}/infraproviders/{infra}/resources`, (req) => {
    const rec = infraOr404(m, req);
    if ('status' in rec) return rec;
    const inputs = req.body as Record<string, unknown>[];
    const regions = Object.keys(obj(rec.config.metadata.region_configs));
    const created: TypesInfraProviderResource[] = [];
    const now = m.now();
    for (const input of inputs) {
      if (rec.config.type === 'hybrid_vm_gcp' && !regions.includes(String(input.region)))
        return harnessError(
          400,
          `Region ${String(input.region)} is not configured for infraprovider ${rec.config.identifier}`,
        );
      const id =
        typeof input.identifier === 'string' && input.identifier
          ? input.identifier
          : `${String(input.name)
              .toLowerCase()
              .replace(/[^a-z0-9_-]+/g, '-')}-${randomChars(6)}`;
      if (rec.resources.has(id) || created.some((c) => c.identifier === id))
        return harnessError(400, `Resource with identifier ${id} already exists`);
      const md = obj(input.metadata) as Record<string, string>;
      created.push({
        identifier: id,
        name: String(input.name),
        region: String(input.region),
        infra_provider_type: input.infra_provider_type as TypesInfraProviderResource['infra_provider_type'],
        metadata: md,
        cpu: typeof input.cpu === 'string' ? input.cpu : null,
        memory: typeof input.memory === 'string' ? input.memory : null,
        disk: typeof input.disk === 'string' ? input.disk : (md.persistent_disk_size ?? null),
        network: typeof input.network === 'string' ? input.network : null,
        config_identifier: rec.config.identifier,
        config_name: rec.config.name,
        space_path: m.accountId,
        created: now,
        updated: now,
        is_deleted: false,
        deleted: null,
      });
    }
    for (const c of created) rec.resources.set(c.identifier as string, c);
    return json(201, created);
  });
  r.delete(`${A}/infraproviders/{infra}/resources/{res}`, (req) => {
    const rec = infraOr404(m, req);
    if ('status' in rec) return rec;
    const id = req.params.res as string;
    if (!rec.resources.has(id)) return harnessError(404, `Failed to find infraprovider resource: ${id}`);
    const inUse = m.gitspaces.find(
      (g) =>
        g.config.resource?.identifier === id &&
        g.infraIdentifier === rec.config.identifier &&
        m.gitspaceView(g),
    );
    if (inUse) return harnessError(400, `Resource ${id} is used by gitspace ${inUse.config.identifier}`);
    rec.resources.delete(id);
    return { status: 200 };
  });
}
