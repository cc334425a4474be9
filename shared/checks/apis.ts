/** The apis family (API): the Google APIs the module calls are enabled; with enable-apis, enabled here. */
import { RemoteError } from '../errors.js';
import {
  MODULE_APIS,
  enableApis,
  needsRedis,
  requireGcp,
  requiredApis,
  serviceStates,
} from './gcp-access.js';
import { PreflightCheck, error, needConfig, ok, skip } from './types.js';

const apiCheck = (a: (typeof MODULE_APIS)[number]): PreflightCheck => ({
  id: a.id,
  async run(ctx) {
    const expected = `${a.service} ENABLED (${a.why})`;
    if (a.id === 'API-006' && !needsRedis(ctx)) {
      needConfig(ctx);
      return ok(
        `not needed: gateway.instances is ${ctx.config?.infrastructure.gateway.instances} (${ctx.config?.terraform.module.generation})`,
        'redis.googleapis.com only when gateway.instances > 1 with a post-0.0.3 module',
      );
    }
    const { project } = await requireGcp(ctx);
    const states = await serviceStates(ctx);
    const state = states.get(a.service) ?? 'STATE_UNSPECIFIED';
    if (state === 'ENABLED') return ok(`${a.service}: ENABLED`, expected);
    let note = '';
    if (ctx.enableApis) {
      const en = await enableApis(ctx).catch((e: unknown) => {
        note = `; enabling it failed (API-007): ${(e as Error).message}`;
        return undefined;
      });
      if (en?.enabled.includes(a.service))
        return ok(`${a.service}: was ${state}, enabled by API-007 and answering`, expected);
    }
    return error(
      `${a.service}: ${state} in project ${project}${note}`,
      expected,
      `Enable it: \`gcloud services enable ${a.service} --project ${project}\` (or set enable-apis: true on this step). Enablement takes a minute or two to propagate.`,
    );
  },
});

export const API_001_006: PreflightCheck[] = MODULE_APIS.map(apiCheck);

export const API_007: PreflightCheck = {
  id: 'API-007',
  async run(ctx) {
    const expected = 'with enable-apis: true, every missing API enabled and answering a probe call';
    await requireGcp(ctx);
    if (!ctx.enableApis) {
      const states = await serviceStates(ctx);
      const missing = requiredApis(ctx).filter((s) => states.get(s) !== 'ENABLED');
      if (missing.length === 0) return ok('every required API is already enabled; nothing to do', expected);
      return skip(
        `enable-apis is false, so nothing was changed; ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} reported by the API checks (set enable-apis: true to enable them)`,
        expected,
      );
    }
    let en;
    try {
      en = await enableApis(ctx);
    } catch (e) {
      if (e instanceof RemoteError && e.status === 403) {
        return error(
          `enabling was refused: ${e.message}`,
          expected,
          'The identity needs serviceusage.services.enable (roles/serviceusage.serviceUsageAdmin, or Owner); or enable the APIs once by hand with `gcloud services enable ...`.',
        );
      }
      throw e;
    }
    if (en.missing.length === 0) return ok('every required API is already enabled; nothing to do', expected);
    return ok(
      `enabled ${en.enabled.join(', ')}; every probe answered after ${Math.round(en.waitedMs / 1000)} s`,
      expected,
    );
  },
};

export const APIS_CHECKS: readonly PreflightCheck[] = [...API_001_006, API_007];
