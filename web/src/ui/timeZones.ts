// The IANA time zones this browser knows (what a region or a person may choose), UTC included.
let zones: string[] | undefined;

export function timeZones(): string[] {
  if (!zones) {
    let known: string[];
    try {
      known = Intl.supportedValuesOf('timeZone');
    } catch {
      known = [];
    }
    zones = known.includes('UTC') ? known : [...known, 'UTC'];
  }
  return zones;
}
