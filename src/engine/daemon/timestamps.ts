// Times as the Engine API's filters accept them (moby's api/types/time GetTimestamp): `until=24h`
// means "24 hours before now", a date or date-time in RFC 3339 form means that moment (UTC when no
// zone is given — the simulated hosts live in UTC), and `1700000000[.5]` is Unix seconds.

const units: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};
const durationPattern = /^[+-]?((\d+(\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h))+$/;

/** Go's time.ParseDuration in milliseconds, or undefined when `text` is not a duration. */
export function parseGoDuration(text: string): number | undefined {
  if (!durationPattern.test(text)) return undefined;
  const sign = text.startsWith('-') ? -1 : 1;
  let total = 0;
  for (const m of text.replace(/^[+-]/, '').matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g)) {
    total += Number(m[1]) * units[m[2]!]!;
  }
  return sign * total;
}

export class TimestampError extends Error {
  override name = 'TimestampError';
}

/** The moment a filter value names, in milliseconds since the epoch, relative to `nowMs`. */
export function parseFilterTime(value: string, nowMs: number): number {
  const duration = value === '0' ? undefined : parseGoDuration(value);
  if (duration !== undefined) return nowMs - duration;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  if (/^\d{4}-\d{2}-\d{2}/.test(value)) {
    const hasZone = /[zZ]|[+-]\d{2}:\d{2}$/.test(value.slice(10));
    const ms = Date.parse(hasZone ? value : `${value}${value.includes('T') ? '' : 'T00:00:00'}Z`);
    if (!Number.isNaN(ms)) return ms;
    throw new TimestampError(`parsing time "${value}": cannot parse`);
  }
  throw new TimestampError(`failed to parse value as time or duration: "${value}"`);
}
