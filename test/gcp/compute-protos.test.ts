import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gaxFor } from '../../shared/gcp/compute.js';
import { COMPUTE_PROTO_SERVICES } from '../../shared/gcp/compute-protos.generated.js';

/**
 * The Compute clients load a subset of @google-cloud/compute's protos (scripts/compute-protos.mjs). What must
 * hold: the committed subset is what the script writes from the installed package and the clients compute.ts
 * imports, and every one of those clients gets it. That the subset carries every type a call needs is proved by
 * the tests that call each service on the sandbox (test/gcp, test/checks/collisions, the pipeline tests).
 */
describe('the Compute protos subset', () => {
  it('is current: the script writes the committed file again, byte for byte', () => {
    const r = spawnSync(process.execPath, ['scripts/compute-protos.mjs', '--check'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('holds the service of every client compute.ts imports, and each of those clients is given it', async () => {
    const source = readFileSync('shared/gcp/compute.ts', 'utf8');
    const imports = [...source.matchAll(/@google-cloud\/compute\/build\/src\/v1\/([a-z_]+_client)\.js/g)].map(
      (m) => m[1]!,
    );
    expect(imports.length).toBeGreaterThan(10);
    for (const file of new Set(imports)) {
      const mod = (await import(`@google-cloud/compute/build/src/v1/${file}.js`)) as Record<string, unknown>;
      const exported = (mod.default ?? mod) as Record<string, unknown>;
      const Ctor = Object.values(exported).find((v) => typeof v === 'function' && /Client$/.test(v.name)) as
        (new (...a: unknown[]) => unknown) | undefined;
      expect(Ctor).toBeDefined();
      const service = `google.cloud.compute.v1.${Ctor!.name.replace(/Client$/, '')}`;
      expect(COMPUTE_PROTO_SERVICES).toContain(service);
      const gax = (await gaxFor(Ctor as never)) as
        { fallback?: { GrpcClient?: { name?: string } } } | undefined;
      expect(gax?.fallback?.GrpcClient?.name).toBe('SubsetGrpcClient');
    }
  });

  it('leaves a client whose service it lacks to gax as it comes', async () => {
    class LicensesClient {}
    expect(await gaxFor(LicensesClient as never)).toBeUndefined();
  });
});
