import type { GitspacesConfig } from '../config/schema.js';
import { ConfigurationError, errorMessage } from '../errors.js';
import type { DelegateTokenDetails } from '../harness/types.js';
import type { Logger } from '../logger.js';
import { isTransient } from '../retry.js';
import type { BootstrapProgress } from '../checks/after-install.js';

/**
 * The naming rule that makes a delegate token this bundle's: its name starts with `gitspaces-` (the default
 * delegate.token_name, `gitspaces-delegate-token`, does). Harness keeps no other mark of who created a token,
 * so install-runner creates tokens only under such names, and teardown revokes only such tokens. A
 * delegate.token_name outside the rule must name a token that already exists (the user's own): the bundle
 * uses it and never revokes it.
 */
export const BUNDLE_TOKEN_PREFIX = 'gitspaces-';

export function isBundleToken(name: string): boolean {
  return name.startsWith(BUNDLE_TOKEN_PREFIX);
}

/** The Harness calls the delegate-token step makes (shared/harness/client.ts HarnessClient). */
export interface DelegateTokenApi {
  getDelegateToken(name: string): Promise<DelegateTokenDetails | undefined>;
  createDelegateToken(name: string): Promise<DelegateTokenDetails>;
}

export interface DelegateTokenUse {
  /** The value to write into the VM's metadata; undefined when the VM keeps the copy it consumed earlier. */
  value?: string;
  /** `name@uuid`: changes when the token is replaced, so a new token reinstalls the delegate. */
  identity: string;
  created: boolean;
}

/**
 * The delegate token named delegate.token_name: the active one reused (its value read back from Harness when
 * the VM has no copy, so a run killed after creating it recovers), or created when there is none. Never a
 * second token for the same delegate.
 */
export async function ensureDelegateToken(
  harness: DelegateTokenApi,
  config: GitspacesConfig,
  log: Logger,
  before: BootstrapProgress,
  givenValue: string | undefined,
  /** The token as already read by name (the caller read it alongside its other reads); read here when absent. */
  found?: Promise<DelegateTokenDetails | undefined>,
): Promise<DelegateTokenUse> {
  const name = config.delegate.token_name;
  const existing = await (found ?? harness.getDelegateToken(name));
  if (!existing) return createBundleToken(harness, name, log);
  if (existing.status !== 'ACTIVE') {
    throw new ConfigurationError(
      'DELEGATE_TOKEN_REVOKED',
      `The delegate token ${name} is ${existing.status}`,
      `Set delegate.token_name to a new name starting with ${BUNDLE_TOKEN_PREFIX} (a revoked token cannot be reused or recreated under its name; install-runner creates the new one).`,
    );
  }
  const vmHasCopy = before.secretsConsumed || before.secretsOnDisk;
  // The VM keeps the copy it consumed: the value is sent again only when given, or when the VM has none.
  const value = givenValue || (vmHasCopy ? undefined : existing.value) || undefined;
  if (value) log.mask(value);
  if (!value && !vmHasCopy) {
    throw new ConfigurationError(
      'DELEGATE_TOKEN_VALUE_UNAVAILABLE',
      `The delegate token ${name} exists and this VM has no copy of it, but Harness did not return its value: Harness returns a token's value only to an API key allowed to edit delegates (core_delegate_edit)`,
      `Give the API key's role the Delegate Create/Edit permission at account scope (install-runner needs it to create the token too), or pass the token's value as the \`delegate-token\` input (from a secret).`,
    );
  }
  log.info(
    `Delegate token ${name}: exists, reused${!givenValue && value ? ' (its value read back from Harness)' : ''}`,
  );
  return { identity: identityOf(existing), created: false, value };
}

/** Creates of the delegate token tried at most, each after a read back showed the last one was not applied. */
const CREATE_ATTEMPTS = 4;

async function createBundleToken(
  harness: DelegateTokenApi,
  name: string,
  log: Logger,
): Promise<DelegateTokenUse> {
  if (!isBundleToken(name)) {
    throw new ConfigurationError(
      'DELEGATE_TOKEN_NOT_FOUND',
      `The delegate token ${name} does not exist, and install-runner creates tokens only under names starting with ${BUNDLE_TOKEN_PREFIX} (the rule teardown uses to know which tokens are its own)`,
      `Set delegate.token_name to a name starting with ${BUNDLE_TOKEN_PREFIX} (install-runner creates it), or create ${name} in Harness (Account Settings -> Delegates -> Tokens) and re-run.`,
    );
  }
  // The create POST is not retried blindly: a create that failed in transit (5xx, dropped connection) may have
  // been applied, and Harness refuses a second token of the same name. So each transient failure is followed by
  // a read back by name: the token is there (applied: use it) or it is not (not applied: create it again).
  let created: DelegateTokenDetails | undefined;
  for (let attempt = 1; !created; attempt++) {
    try {
      created = await harness.createDelegateToken(name);
      log.info(`Delegate token ${name}: created (account level)`);
    } catch (e) {
      if (!isTransient(e) || attempt >= CREATE_ATTEMPTS) throw e;
      const applied = await harness.getDelegateToken(name);
      if (applied?.status === 'ACTIVE' && applied.value) {
        log.info(
          `Delegate token ${name}: the create answered "${errorMessage(e)}", but it was applied: token read back`,
        );
        created = applied;
      } else if (applied) throw e;
      else
        log.info(
          `Delegate token ${name}: the create answered "${errorMessage(e)}" and was not applied; creating it again`,
        );
    }
  }
  if (created.value) log.mask(created.value);
  return { identity: identityOf(created), created: true, value: created.value || undefined };
}

function identityOf(t: DelegateTokenDetails): string {
  return `${t.name}@${t.uuid ?? t.createdAt ?? ''}`;
}
