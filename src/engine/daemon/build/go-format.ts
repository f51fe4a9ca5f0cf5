// How Go's fmt prints the values the classic builder puts in its history comments, where students
// read them in `docker history` (moby `dispatchers.go`):
//
//   CMD %q          CMD ["nginx" "-g" "daemon off;"]           a []string under %q
//   VOLUME %v       VOLUME [/data]                              a []string under %v
//   HEALTHCHECK %q  HEALTHCHECK &{["CMD-SHELL" "curl -f http://localhost/ || exit 1"] "5m0s" "3s" "0s" "0s" '\x03'}
//
// The HEALTHCHECK line is Go printing a *HealthConfig struct: the test list, the four durations
// through time.Duration's String (`1m30s`, `500ms`, `0s`), and the retry count as a character
// literal — %q of an int is a quoted rune, so 3 retries show as '\x03'.
import { goQuote, goQuoteList } from '../../dockerfile/go-text';

const NS_PER_SECOND = 1_000_000_000n;

/** `value` scaled down by 10^digits, with the fraction's trailing zeros removed (`1.5`, `2`). */
function decimal(value: bigint, digits: number): string {
  const scale = 10n ** BigInt(digits);
  const fraction = (value % scale).toString().padStart(digits, '0').replace(/0+$/, '');
  return `${value / scale}${fraction === '' ? '' : '.' + fraction}`;
}

/** Go's time.Duration.String for a number of nanoseconds. */
export function goDuration(nanoseconds: number): string {
  if (nanoseconds === 0) return '0s';
  const sign = nanoseconds < 0 ? '-' : '';
  const ns = BigInt(Math.abs(Math.trunc(nanoseconds)));
  if (ns < 1000n) return `${sign}${ns}ns`;
  if (ns < 1_000_000n) return `${sign}${decimal(ns, 3)}µs`;
  if (ns < NS_PER_SECOND) return `${sign}${decimal(ns, 6)}ms`;
  const totalSeconds = ns / NS_PER_SECOND;
  const seconds = decimal((totalSeconds % 60n) * NS_PER_SECOND + (ns % NS_PER_SECOND), 9) + 's';
  const minutes = (totalSeconds / 60n) % 60n;
  const hours = totalSeconds / 3600n;
  if (hours > 0n) return `${sign}${hours}h${minutes}m${seconds}`;
  if (minutes > 0n) return `${sign}${minutes}m${seconds}`;
  return `${sign}${seconds}`;
}

const runeEscapes: Record<number, string> = {
  7: '\\a',
  8: '\\b',
  12: '\\f',
  10: '\\n',
  13: '\\r',
  9: '\\t',
  11: '\\v',
};

/** Go's strconv.QuoteRune — what `%q` prints for an integer. */
export function goQuoteRune(code: number): string {
  if (!Number.isInteger(code) || code < 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return `'\ufffd'`;
  const escaped = runeEscapes[code];
  if (escaped !== undefined) return `'${escaped}'`;
  if (code === 0x27) return `'\\''`;
  if (code === 0x5c) return `'\\\\'`;
  if (code < 0x20 || code === 0x7f) return `'\\x${code.toString(16).padStart(2, '0')}'`;
  if (code < 0x80) return `'${String.fromCharCode(code)}'`;
  // Beyond ASCII, reuse strconv.Quote's rules for one character and swap the quotes.
  const quoted = goQuote(String.fromCodePoint(code));
  return `'${quoted.slice(1, -1)}'`;
}

export interface HealthcheckFields {
  Test?: readonly string[];
  Interval?: number;
  Timeout?: number;
  StartPeriod?: number;
  StartInterval?: number;
  Retries?: number;
}

/** `%q` of a *container.HealthConfig. */
export function goHealthcheck(h: HealthcheckFields): string {
  const duration = (ns: number | undefined) => goQuote(goDuration(ns ?? 0));
  return `&{${goQuoteList(h.Test ?? [])} ${duration(h.Interval)} ${duration(h.Timeout)} ${duration(h.StartPeriod)} ${duration(h.StartInterval)} ${goQuoteRune(h.Retries ?? 0)}}`;
}
