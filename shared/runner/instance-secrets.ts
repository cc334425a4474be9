import { errorMessage } from '../errors.js';
import type { MetadataChange } from '../gcp/compute.js';
import type { Logger } from '../logger.js';
import { SECRET_METADATA_KEYS } from './bootstrap.js';

export interface SecretsReport {
  written: boolean;
  consumed: boolean;
  removed: boolean;
  /** One line for the log and the summary. */
  note: string;
}

interface MetadataWriter {
  setInstanceMetadata(
    project: string,
    zone: string,
    name: string,
    changes: readonly MetadataChange[],
  ): Promise<unknown>;
}

/**
 * The key and the delegate token while they sit in the runner VM's instance metadata: written for the bootstrap
 * to read, removed as soon as the VM reports them consumed, and removed in any case when install-runner ends.
 */
export class InstanceSecrets {
  readonly report: SecretsReport = {
    written: false,
    consumed: false,
    removed: false,
    note: 'No secret was written to instance metadata (nothing to install).',
  };

  constructor(
    private readonly compute: MetadataWriter,
    private readonly vm: { project: string; zone: string; name: string },
    private readonly log: Logger,
  ) {}

  set consumed(v: boolean) {
    this.report.consumed = v;
  }

  /** Counted as written before the call: a failure after Compute applied it must still end with the removal. */
  async write(items: MetadataChange[]): Promise<void> {
    this.report.written = true;
    await this.compute.setInstanceMetadata(this.vm.project, this.vm.zone, this.vm.name, items);
  }

  async remove(why: string): Promise<void> {
    if (!this.report.written || this.report.removed) return;
    await this.compute.setInstanceMetadata(
      this.vm.project,
      this.vm.zone,
      this.vm.name,
      SECRET_METADATA_KEYS.map((key) => ({ key, value: null })),
    );
    this.report.removed = true;
    this.report.note = why;
    this.log.info(why);
  }

  /** At the end, whatever happened: nothing secret stays in metadata, or the report says what to delete by hand. */
  async removeAtEnd(): Promise<void> {
    const r = this.report;
    if (!r.written) {
      r.note = 'No secret was written to instance metadata: the VM already had this configuration.';
      return;
    }
    if (r.removed) return;
    try {
      await this.remove(
        r.consumed
          ? 'Removed the key and the delegate token from instance metadata.'
          : 'Removed the key and the delegate token from instance metadata although the VM never reported them consumed: the VM has no copy; re-run install-runner once it boots.',
      );
    } catch (e) {
      r.note = `COULD NOT remove the key and the delegate token from ${this.vm.name}'s metadata (${errorMessage(e)}): delete the keys ${SECRET_METADATA_KEYS.join(', ')} by hand.`;
      this.log.error(r.note);
    }
  }
}
