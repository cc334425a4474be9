import { Req, Res, harnessError } from '../../core/http.js';
import type { World } from '../../world.js';
import { CDE_PREFIX, NG_PREFIX, header, ngError } from '../api.js';
import type { HarnessContracts } from '../contract.js';
import type { HarnessModel } from '../model.js';

/**
 * What Harness checks before any handler: the request against the OpenAPI contract (recorded in the journal
 * when it does not conform), the API key, the account in the path, the key's scope, the org and project.
 */
export function harnessGuard(
  world: World,
  contracts: HarnessContracts,
): (req: Req, mutating: boolean) => Res | undefined {
  const m = world.harness as HarnessModel;
  const sc = world.scenario.harness;
  return (req, mutating) => {
    const cde = req.path.startsWith(`${CDE_PREFIX}/`);
    const ng = req.path.startsWith(`${NG_PREFIX}/`);
    if (!cde && !ng) return harnessError(404, `No route ${req.method} ${req.path}`);
    const check = (cde ? contracts.cde : contracts.ng).check({
      method: req.method,
      path: req.path.slice((cde ? CDE_PREFIX : NG_PREFIX).length),
      query: req.query,
      body: req.body,
      rawBody: req.rawBody,
    });
    const key = header(req, 'x-api-key') ?? header(req, 'authorization')?.replace(/^Bearer\s+/i, '');
    if (!key || (key !== m.apiKey && key !== m.viewApiKey) || sc.keyScope === 'invalid') {
      const res = cde
        ? harnessError(401, 'Unauthorized: invalid or missing API key')
        : ngError(401, 'INVALID_TOKEN', 'Token is not valid.');
      return { ...res, contractViolation: check.violation };
    }
    if (check.violation) {
      const res = check.unknownOperation
        ? cde
          ? harnessError(404, `No route ${req.method} ${req.path}`)
          : ngError(404, 'RESOURCE_NOT_FOUND', `No route ${req.method} ${req.path}`)
        : cde
          ? harnessError(400, check.violation)
          : ngError(400, 'INVALID_REQUEST', check.violation);
      return { ...res, contractViolation: check.violation };
    }
    // A key whose role only views (the preview's): Harness answers a write with 403 naming the missing
    // permission (as for the project-scoped key below; permission names from the role's resource group).
    if (key === m.viewApiKey && mutating) {
      const resource = /\/infraproviders/.test(req.path)
        ? 'cde_infraprovider'
        : /\/gitspaces/.test(req.path)
          ? 'cde_gitspace'
          : /delegate/.test(req.path)
            ? 'core_delegate'
            : 'cde_resource';
      const perm = `${resource}_${req.method === 'DELETE' ? 'delete' : 'edit'}`;
      return cde
        ? harnessError(403, `Missing permission ${perm} on account: the API key's role may only view`)
        : ngError(403, 'NG_ACCESS_DENIED', `Missing permission ${perm} on account`);
    }
    if (cde) {
      const accM = /^\/gateway\/cde\/api\/v1\/accounts\/([^/]+)/.exec(req.path);
      if (accM && decodeURIComponent(accM[1] as string) !== m.accountId)
        return harnessError(403, 'Forbidden: the API key does not belong to this account');
      if (
        sc.keyScope === 'project' &&
        /^\/gateway\/cde\/api\/v1\/accounts\/[^/]+\/infraproviders/.test(req.path)
      ) {
        const perm =
          req.method === 'GET'
            ? 'cde_infraprovider_view'
            : req.method === 'DELETE'
              ? 'cde_infraprovider_delete'
              : 'cde_infraprovider_edit';
        return harnessError(403, `Missing permission ${perm} on account: the API key is scoped to a project`);
      }
      const gsM = /^\/gateway\/cde\/api\/v1\/accounts\/[^/]+\/orgs\/([^/]+)\/projects\/([^/]+)\//.exec(
        req.path,
      );
      if (gsM) {
        const org = decodeURIComponent(gsM[1] as string);
        const project = decodeURIComponent(gsM[2] as string);
        if (org !== sc.org || !sc.projects.includes(project))
          return harnessError(404, `Project ${org}/${project} not found`);
      }
    } else if (req.query.get('accountIdentifier') !== m.accountId)
      return ngError(403, 'ACCESS_DENIED', 'Not authorized for this account');
    return undefined;
  };
}
