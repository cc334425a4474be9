/**
 * Guest attributes as the metadata server limits them. Sources: Compute Engine, "Set and query guest attributes"
 * (cloud.google.com/compute/docs/metadata/manage-guest-attributes):
 * - guest attributes are off unless the metadata key `enable-guest-attributes` is `TRUE` (instance, or project
 *   metadata); until then the metadata server answers the VM's reads and writes of
 *   /computeMetadata/v1/instance/guest-attributes/ with 403 "Guest attributes endpoint access is disabled."
 *   (the text and status GCE returns, as clients of the metadata server match it, e.g. a metadata
 *   client's `isGuestAttributesDisabled`: HTTP 403 and that message);
 * - writes from the VM are limited to 10 a minute per VM, with bursts of up to 3 a second, and writes beyond
 *   that may be dropped. The emulator drops every write beyond either limit, and answers it like a stored one
 *   (the VM cannot tell): the hostile reading of "may drop".
 * The limiter runs on the emulators' clock (`GcpWorld.now`), which tests may replace.
 */
export const GUEST_WRITE_LIMITS = { perMinute: 10, perSecond: 3 } as const;

export const GUEST_ATTRIBUTES_DISABLED = 'Guest attributes endpoint access is disabled.';

/** Whether instance metadata items turn guest attributes on (`enable-guest-attributes: TRUE`, any case). */
export function guestAttributesEnabled(items: Record<string, string>): boolean {
  return /^true$/i.test((items['enable-guest-attributes'] ?? '').trim());
}

export interface GuestWrite {
  at: number;
  key: string;
  dropped: boolean;
}

/** Every write a VM made to its guest attributes, kept or dropped, per instance path. */
export class GuestWriteLimiter {
  readonly writes = new Map<string, GuestWrite[]>();

  /** Records a write at `now`; false when it is over the limits (dropped). */
  admit(instancePath: string, key: string, now: number): boolean {
    const log = this.writes.get(instancePath) ?? [];
    const kept = log.filter((w) => !w.dropped);
    const lastMinute = kept.filter((w) => now - w.at < 60_000).length;
    const lastSecond = kept.filter((w) => now - w.at < 1_000).length;
    const ok = lastMinute < GUEST_WRITE_LIMITS.perMinute && lastSecond < GUEST_WRITE_LIMITS.perSecond;
    log.push({ at: now, key, dropped: !ok });
    // Older than a minute no longer counts; keep the last 200 for tests and debugging.
    this.writes.set(instancePath, log.slice(-200));
    return ok;
  }

  dropped(instancePath: string): GuestWrite[] {
    return (this.writes.get(instancePath) ?? []).filter((w) => w.dropped);
  }
}
