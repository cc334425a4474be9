import type { GitspacesConfig } from '../config/schema.js';
import { ConfigurationError } from '../errors.js';
import type { DelegateTokenDetails } from '../harness/types.js';
import type { Logger } from '../logger.js';
import type { BootstrapProgress } from './gates.js';

/** The Harness calls the delegate-token step makes (shared/harness/client.ts HarnessClient). */
export interface DelegateTokenApi {
  listDelegateTokens(name?: string): Promise<DelegateTokenDetails[]>;
  createDelegateToken(name: string): Promise<DelegateTokenDetails>;
}

export interface DelegateTokenUse {
  /** The value to write into the VM's metadata; undefined when the VM keeps the copy it consumed earlier. */
  value?: string;
  /** `name@uuid`: changes when the token is replaced, so a new token reinstalls the delegate. */
  identity: string;
  created: boolean;
}

/** The delegate token named delegate.token_name: the existing one reused, or created. */
export async function ensureDelegateToken(
  harness: DelegateTokenApi,
  config: GitspacesConfig,
  log: Logger,
  before: BootstrapProgress,
  givenValue: string | undefined,
): Promise<DelegateTokenUse> {
  const name = config.delegate.token_name;
  const existing = (await harness.listDelegateTokens(name)).find((t) => t.name === name);
  let value = givenValue || undefined;
  let use: DelegateTokenUse;
  if (existing && existing.status !== 'ACTIVE') {
    throw new ConfigurationError(
      'DELEGATE_TOKEN_REVOKED',
      `The delegate token ${name} is ${existing.status}`,
      'Set delegate.token_name to a new name (a revoked token cannot be reused or recreated under its name).',
    );
  }
  if (existing) {
    use = { identity: identityOf(existing), created: false };
    log.info(`Delegate token ${name}: exists, reused`);
  } else {
    const created = await harness.createDelegateToken(name);
    if (created.value) log.mask(created.value);
    value = created.value;
    use = { identity: identityOf(created), created: true };
    log.info(`Delegate token ${name}: created (account level)`);
  }
  if (value) log.mask(value);
  if (!value && !before.secretsConsumed && !before.secretsOnDisk) {
    throw new ConfigurationError(
      'DELEGATE_TOKEN_VALUE_UNAVAILABLE',
      `The delegate token ${name} exists, but Harness returns a token's value only when it is created, and this VM has no copy of it yet`,
      `Pass the token's value as the \`delegate-token\` input (from a secret), or set delegate.token_name to a new name so install-runner creates one.`,
    );
  }
  return { ...use, value };
}

function identityOf(t: DelegateTokenDetails): string {
  return `${t.name}@${t.uuid ?? t.createdAt ?? ''}`;
}
