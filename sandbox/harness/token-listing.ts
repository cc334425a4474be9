import type { DelegateTokenDetails } from '../../shared/harness/types.js';
import type { Scenario } from '../scenario.js';

/**
 * A delegate token as `GET /ng/api/delegate-token-ng` lists it (by name or not). Harness includes the token's
 * value only for a caller allowed to edit delegates: harness-core's ng-manager `DelegateTokenNgResource
 * .getDelegateTokens` checks `core_delegate_edit` and passes the answer on as `includeValue`; harness-go-sdk's
 * `DelegateTokenDetails.value` reads "only populated when fetching delegate token by name or the user has edit
 * delegate permission", and terraform-provider-harness's `harness_platform_delegatetoken` data source reads
 * the value this way. The sandbox's account-scoped key may edit delegates; a project-scoped key may not.
 */
export function delegateTokenAsListed(
  details: DelegateTokenDetails,
  keyScope: Scenario['harness']['keyScope'],
): DelegateTokenDetails {
  return keyScope === 'account' ? { ...details } : { ...details, value: undefined };
}
