/**
 * The gcp.resourceLocations organization-policy constraint, evaluated the way Google defines it
 * (https://cloud.google.com/resource-manager/docs/organization-policy/defining-locations, "Value groups" and
 * "Location types"):
 *
 * - a plain value (`us-central1`, `us-central1-a`, `is:us-central1`) allows or denies that one location only:
 *   "allowing or denying a multi-region or region does not imply that all included sub-locations" are too, so
 *   `us-central1` does not allow the zone `us-central1-a`;
 * - `in:<region>-locations` is the region and its zones;
 * - `in:<group>-locations` is one of Google's curated value groups. Only the groups below are encoded, with their
 *   members as that page lists them; a group this table does not know is reported as unknown, never guessed.
 *   Notably `in:eu-locations` holds the regions in European Union member states only: it does not hold London
 *   (europe-west2) or Zürich (europe-west6), which `in:europe-locations` does.
 */

/** Regions in EU member states (in:eu-locations), from Google's value-group table. */
const EU_REGIONS = new Set([
  'europe-central2', // Warsaw
  'europe-north1', // Hamina, Finland
  'europe-north2', // Stockholm
  'europe-southwest1', // Madrid
  'europe-west1', // St. Ghislain, Belgium
  'europe-west3', // Frankfurt
  'europe-west4', // Eemshaven, Netherlands
  'europe-west8', // Milan
  'europe-west9', // Paris
  'europe-west10', // Berlin
  'europe-west12', // Turin
]);

/** The value groups encoded: name (without `in:` and `-locations`) -> whether a region belongs to it. */
export const VALUE_GROUPS: Readonly<Record<string, (region: string) => boolean>> = {
  eu: (r) => EU_REGIONS.has(r),
  europe: (r) => r.startsWith('europe-'),
  us: (r) => r.startsWith('us-'),
  northamerica: (r) => r.startsWith('us-') || r.startsWith('northamerica-'),
  southamerica: (r) => r.startsWith('southamerica-'),
  asia: (r) => r.startsWith('asia-'),
  australia: (r) => r.startsWith('australia-'),
  africa: (r) => r.startsWith('africa-'),
};

const REGION_RE = /^[a-z]+-[a-z]+\d+$/;
const ZONE_RE = /^([a-z]+-[a-z]+\d+)-[a-z]$/;

/** The region of a region or zone name (`us-central1-a` -> `us-central1`). */
export function regionOfLocation(location: string): string {
  return ZONE_RE.exec(location)?.[1] ?? location;
}

export type LocationMatch = 'yes' | 'no' | 'unknown';

/** Whether one policy value covers a location (a region or a zone). */
export function valueCovers(value: string, location: string): LocationMatch {
  if (value.startsWith('in:')) {
    const name = /^in:(.+)-locations$/.exec(value)?.[1];
    if (!name) return 'no'; // `in:us` names a multi-region, not a group: it holds no region or zone
    if (REGION_RE.test(name)) return location === name || location.startsWith(`${name}-`) ? 'yes' : 'no';
    const group = VALUE_GROUPS[name];
    if (!group) return 'unknown';
    return group(regionOfLocation(location)) ? 'yes' : 'no';
  }
  return value.replace(/^is:/, '') === location ? 'yes' : 'no';
}

/** The policy values that decide a location: the first that covers it, or the unknown groups that might. */
function cover(values: readonly string[], location: string): { match: LocationMatch; unknown: string[] } {
  const unknown: string[] = [];
  for (const v of values) {
    const m = valueCovers(v, location);
    if (m === 'yes') return { match: 'yes', unknown: [] };
    if (m === 'unknown') unknown.push(v);
  }
  return { match: unknown.length ? 'unknown' : 'no', unknown };
}

export interface LocationPolicy {
  allValues?: string;
  allowedValues?: string[];
  deniedValues?: string[];
}

/** Whether a list policy lets resources be created in a location; `unknown` names the value groups that decide it. */
export function locationAllowedBy(
  policy: LocationPolicy | undefined,
  location: string,
): { allowed: LocationMatch; unknown: string[] } {
  if (!policy) return { allowed: 'yes', unknown: [] };
  if (policy.allValues === 'DENY') return { allowed: 'no', unknown: [] };
  const denied = cover(policy.deniedValues ?? [], location);
  if (denied.match === 'yes') return { allowed: 'no', unknown: [] };
  if (policy.allValues === 'ALLOW' || !policy.allowedValues?.length)
    return denied.match === 'unknown'
      ? { allowed: 'unknown', unknown: denied.unknown }
      : { allowed: 'yes', unknown: [] };
  const allowed = cover(policy.allowedValues, location);
  if (allowed.match === 'no') return { allowed: 'no', unknown: [] };
  if (allowed.match === 'unknown' || denied.match === 'unknown')
    return { allowed: 'unknown', unknown: [...allowed.unknown, ...denied.unknown] };
  return { allowed: 'yes', unknown: [] };
}
