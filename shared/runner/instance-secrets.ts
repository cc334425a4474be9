import { errorMessage } from '../errors.js';
import type { MetadataChange } from '../gcp/compute.js';
import type { Logger } from '../logger.js';
import { SECRET_METADATA_KEYS } from './bootstrap.js';

export interface SecretsReport {
  /** Written by this run. */
  written: boolean;
  /** Found in the VM's metadata when this run started: left there by an earlier run that was interrupted. */
  leftOver: boolean;
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
 * to read, removed as soon as the VM reports them consumed, and removed in any case when install-runner ends,
 * as are those an earlier, interrupted run left there (`foundLeftOver`).
 */
export class InstanceSecrets {
  readonly report: SecretsReport = {
    written: false,
    leftOver: false,
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

  /** Whether secret keys this run must remove are (or may be) in the VM's metadata. */
  private get inMetadata(): boolean {
    return (this.report.written || this.report.leftOver) && !this.report.removed;
  }

  /**
   * The secret keys the VM's metadata holds as this run starts. Only a run that ended before its removal (killed,
   * its removal lost) leaves any: this run removes them, whatever else it does (install.ts says when).
   */
  foundLeftOver(keys: readonly string[]): void {
    if (!keys.length) return;
    this.report.leftOver = true;
    this.log.warning(
      `${this.vm.name}'s metadata still holds ${keys.join(', ')}, written by an earlier run that did not finish: this run removes them.`,
    );
  }

  /** Counted as written before the call: a failure after Compute applied it must still end with the removal. */
  async write(items: MetadataChange[]): Promise<void> {
    this.report.written = true;
    await this.compute.setInstanceMetadata(this.vm.project, this.vm.zone, this.vm.name, items);
  }

  async remove(why: string): Promise<void> {
    if (!this.inMetadata) return;
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
    if (r.removed) return;
    if (!this.inMetadata) {
      r.note = 'No secret was written to instance metadata: the VM already had this configuration.';
      return;
    }
    try {
      await this.remove(
        r.consumed
          ? 'Removed the key and the delegate token from instance metadata.'
          : r.written
            ? 'Removed the key and the delegate token from instance metadata although the VM never reported them consumed: the VM has no copy; re-run install-runner once it boots.'
            : "Removed the key and the delegate token an interrupted earlier run had left in instance metadata; re-run install-runner once this run's failure is fixed.",
      );
    } catch (e) {
      r.note = `COULD NOT remove the key and the delegate token from ${this.vm.name}'s metadata (${errorMessage(e)}): delete the keys ${SECRET_METADATA_KEYS.join(', ')} by hand.`;
      this.log.error(r.note);
    }
  }
}
