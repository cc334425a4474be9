/** The harness family (HARNESS): the API key, the self-hosted infrastructure type, the org and project. */
import { RemoteError, errorMessage } from '../errors.js';
import type { HarnessClient } from '../harness/client.js';
import type { TypesInfraProviderConfig } from '../harness/types.js';
import { PreflightCheck, PreflightContext, SkipCheck, error, needConfig, ok, skip, warn } from './types.js';

const SUPPORT = 'Harness Support (support@harness.io, or the in-app Help -> Submit a ticket)';

function client(ctx: PreflightContext): HarnessClient {
  if (!ctx.harness) throw new SkipCheck('no Harness API key was given (see HARNESS-001)');
  return ctx.harness;
}

/** The account's infra providers, once per run: the call that proves the key has account scope. */
function infraProviders(ctx: PreflightContext): Promise<TypesInfraProviderConfig[]> {
  return ctx.once('harness-infras', () => client(ctx).listInfraProviders());
}

export const HARNESS_001: PreflightCheck = {
  id: 'HARNESS-001',
  async run(ctx) {
    const c = needConfig(ctx);
    const expected = `an API key (PAT or service-account token) of account ${c.harness.account_id} that may view infrastructure providers at account scope`;
    if (!ctx.harness) {
      return error(
        'no Harness API key: the harness-api-key input (HARNESS_API_KEY for the CLI) is empty',
        expected,
        'Create a token (Account Settings -> Access Control -> Service Accounts -> API key -> token), store it as a secret, pass it as harness-api-key.',
      );
    }
    try {
      const list = await infraProviders(ctx);
      return ok(`key accepted; ${list.length} infrastructure provider(s) visible at account scope`, expected);
    } catch (e) {
      if (e instanceof RemoteError && e.status === 401) {
        return error(
          `Harness answered 401: the key is invalid, expired or revoked (${e.message})`,
          expected,
          'Create a new token for the API key (it may have expired), update the secret, and check that it belongs to this account.',
        );
      }
      if (e instanceof RemoteError && e.status === 403) {
        return error(
          `Harness answered 403 on the account's infrastructure providers: the key is scoped to a project or lacks the permission (${e.message})`,
          expected,
          'Use a token of an account-level service account (or user) with the CDE Admin or Account Admin role: Gitspace infrastructure exists only at account scope.',
        );
      }
      throw e;
    }
  },
};

export const HARNESS_002: PreflightCheck = {
  id: 'HARNESS-002',
  async run(ctx) {
    const c = needConfig(ctx);
    const expected =
      'the hybrid_vm_gcp infrastructure type available (feature flag CDE_HYBRID_ENABLED, set by Harness Support)';
    const h = client(ctx);
    // The list and the account's gitspace settings are independent: ask both at once.
    const settings = h
      .request<{ available_settings?: { infra_provider_resources?: Record<string, unknown> } }>(
        'GET',
        `${h.baseUrl}/gateway/cde/api/v1/accounts/${encodeURIComponent(c.harness.account_id)}/gitspace-settings`,
      )
      .catch((e: unknown) => {
        if (e instanceof RemoteError && (e.status === 404 || e.status === 403)) return undefined;
        throw e;
      });
    let list: TypesInfraProviderConfig[];
    try {
      list = await infraProviders(ctx);
    } catch (e) {
      void settings.catch(() => undefined);
      throw new SkipCheck(
        `the infrastructure providers could not be listed (see HARNESS-001): ${errorMessage(e)}`,
        expected,
      );
    }
    const hybrid = list.filter((i) => i.type === 'hybrid_vm_gcp');
    if (hybrid.length) {
      void settings.catch(() => undefined);
      return ok(
        `the account already has ${hybrid.length} hybrid_vm_gcp infrastructure(s) (${hybrid.map((i) => i.identifier).join(', ')})`,
        expected,
      );
    }
    // The account's gitspace settings: `available_settings.infra_provider_resources` is, per infrastructure type,
    // the regions and machine types the admin's "Cloud Regions & Machine Types" allow-list offers (harness/harness
    // web/src/services/cde/swagger.yaml TypesAvailableSettings; web/src/cde-gitness/pages/AdminSettings/CloudRegions/
    // hooks/useInfraProviderResources.ts). Harness does not document it as the state of CDE_HYBRID_ENABLED, so a
    // missing hybrid_vm_gcp there is reported as what was seen (a warning), never as "the flag is off".
    // The NG licensing API (harness-go-sdk LicensesApi GetLicensesAndSummary, GET /ng/api/licenses/{account}/summary
    // ?moduleType=) would be the documented place to ask whether the CDE module is enabled, but its ModuleType enum
    // has no CDE (harness-core io.harness.ModuleType; Harness's OpenAPI ModuleType: CD, CI, CV, CF, CE, STO, CORE,
    // PMS, TEMPLATESERVICE, GOVERNANCE, CHAOS, CET, IDP, SSCA, SEI, CODE, HAR), so it is not asked.
    const s = await settings;
    const res = s?.available_settings?.infra_provider_resources;
    const types = res && typeof res === 'object' ? Object.keys(res) : undefined;
    if (types && types.length > 0) {
      if (types.includes('hybrid_vm_gcp'))
        return ok(
          `hybrid_vm_gcp is among the infrastructure types the account's gitspace settings offer (${types.join(', ')})`,
          expected,
        );
      return warn(
        `the account's gitspace settings offer regions and machine types for ${types.join(', ')} but not hybrid_vm_gcp (available_settings.infra_provider_resources), and the account has no hybrid_vm_gcp infrastructure yet. Harness does not document that map as the feature flag's state, so this is what was seen, not a verdict`,
        expected,
        `If configure-infra is then refused (403), ask ${SUPPORT} to enable CDE_HYBRID_ENABLED (and the CDE module) for account ${c.harness.account_id}; only Harness can turn it on.`,
      );
    }
    return skip(
      `Harness has no public API that shows CDE_HYBRID_ENABLED or whether the CDE module is enabled (the licensing API's module types have no CDE), and the account has no hybrid infrastructure yet. If creating the infrastructure fails with 403, ask ${SUPPORT} to enable it for account ${c.harness.account_id}`,
      expected,
    );
  },
};

export const HARNESS_003: PreflightCheck = {
  id: 'HARNESS-003',
  async run(ctx) {
    const c = needConfig(ctx);
    const h = client(ctx);
    const { org, project } = c.harness;
    const expected = project ? `organization ${org} with project ${project}` : `organization ${org}`;
    const [orgExists, projectExists] = await Promise.all([
      h.getOrganization(org),
      project ? h.getProject(org, project) : Promise.resolve(true),
    ]);
    if (orgExists === undefined || projectExists === undefined)
      return skip(
        `the API key may not read the ${orgExists === undefined ? 'organization' : 'project'} (403)`,
        expected,
      );
    if (!orgExists)
      return error(
        `organization ${org} does not exist in account ${c.harness.account_id}`,
        expected,
        `Use an existing organization identifier (Account Settings -> Organizations) in harness.org, or create ${org}.`,
      );
    if (!projectExists)
      return error(
        `project ${project} does not exist in organization ${org}`,
        expected,
        `Use an existing project identifier in harness.project, or create ${project} in ${org}.`,
      );
    return ok(project ? `${org}/${project} exist` : `${org} exists (no project configured)`, expected);
  },
};

export const HARNESS_CHECKS: readonly PreflightCheck[] = [HARNESS_001, HARNESS_002, HARNESS_003];
