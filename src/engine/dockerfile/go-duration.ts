// Go's `time.ParseDuration`, which reads HEALTHCHECK's `--interval=30s`, `--timeout=1m30s` and
// `--start-period=500ms`. A duration is a signed sequence of decimal numbers, each with a unit:
// `ns`, `us` (or `µs`/`μs`), `ms`, `s`, `m`, `h` — `1h15m`, `1.5s`, `-2m`. A bare `0` needs no unit.
// The errors are Go's own words: `time: invalid duration "x"`, `time: missing unit in duration "5"`,
// `time: unknown unit "d" in duration "1d"`.
import { goQuote } from './go-text';

/** A bad duration; the message is exactly what Go's time package says. */
export class DurationError extends Error {
  override name = 'DurationError';
}

const unitNanoseconds: Record<string, bigint> = {
  ns: 1n,
  us: 1_000n,
  µs: 1_000n, // U+00B5 micro sign
  μs: 1_000n, // U+03BC Greek small letter mu
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};
const maxDuration = (1n << 63n) - 1n;
const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';

/** Parse a Go duration string into nanoseconds. */
export function parseGoDuration(text: string): number {
  const invalid = () => new DurationError(`time: invalid duration ${goQuote(text)}`);
  let s = text;
  let negative = false;
  if (s.startsWith('-') || s.startsWith('+')) {
    negative = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s === '') throw invalid();
  let total = 0n;
  while (s !== '') {
    if (!(s[0] === '.' || isDigit(s[0]))) throw invalid();
    let i = 0;
    while (isDigit(s[i])) i++;
    const whole = s.slice(0, i);
    s = s.slice(i);
    let fraction = '';
    if (s.startsWith('.')) {
      let j = 1;
      while (isDigit(s[j])) j++;
      fraction = s.slice(1, j);
      if (whole === '' && fraction === '') throw invalid();
      s = s.slice(j);
    }
    let u = 0;
    while (u < s.length && s[u] !== '.' && !isDigit(s[u])) u++;
    if (u === 0) throw new DurationError(`time: missing unit in duration ${goQuote(text)}`);
    const unitName = s.slice(0, u);
    s = s.slice(u);
    const unit = unitNanoseconds[unitName];
    if (unit === undefined) {
      throw new DurationError(`time: unknown unit ${goQuote(unitName)} in duration ${goQuote(text)}`);
    }
    let value = BigInt(whole === '' ? '0' : whole) * unit;
    if (fraction !== '') value += (BigInt(fraction) * unit) / 10n ** BigInt(fraction.length);
    total += value;
    if (total > maxDuration + (negative ? 1n : 0n)) throw invalid();
  }
  return Number(negative ? -total : total);
}
