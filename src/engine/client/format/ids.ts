// Identifiers and times as the CLI prints them: IDs cut to 12 characters after the algorithm
// (`sha256:9d9e6c7c13a5…` → `9d9e6c7c13a5`, docker's stringid.TruncateID), Unix times as Go's
// time.Time prints them (`2025-02-14 03:28:36 +0000 UTC`), and RFC 3339 as the API sends them.

/** stringid.TruncateID: drop any `algorithm:` prefix, keep 12 characters. */
export function truncateId(id: string): string {
  const colon = id.indexOf(':');
  const bare = colon >= 0 ? id.slice(colon + 1) : id;
  return bare.length > 12 ? bare.slice(0, 12) : bare;
}

const two = (n: number) => String(n).padStart(2, '0');

/** time.Time's String() of `ms` (UTC): `2006-01-02 15:04:05.999999999 +0000 UTC`. */
export function goTimeString(ms: number, nanos?: string): string {
  const d = new Date(ms);
  const date = `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`;
  const time = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
  const fraction = (nanos ?? String(d.getUTCMilliseconds()).padStart(3, '0')).replace(/0+$/, '');
  return `${date} ${time}${fraction ? '.' + fraction : ''} +0000 UTC`;
}

/** Milliseconds of an RFC 3339 time, or NaN. */
export function parseRfc3339(text: string): number {
  return Date.parse(text);
}

/** The fractional seconds of an RFC 3339 time, as written (`986` of `…:32.986Z`). */
export function fractionOf(text: string): string {
  return /\.(\d+)/.exec(text)?.[1] ?? '';
}
