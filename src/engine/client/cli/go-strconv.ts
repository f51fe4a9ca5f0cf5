// How the docker CLI reads the text of a flag value. The CLI is written in Go, and its flag library
// (spf13/pflag) hands every value to Go's `strconv`: `-n 0x10` is 16, `--rm=T` is true, `-t 1.5`
// is "invalid syntax". The messages a student sees when a value is wrong are strconv's own
// (`strconv.ParseInt: parsing "x": invalid syntax`), quoted the way Go's %q quotes, so they are
// reproduced here word for word. Also here: go-units' memory sizes (`-m 512m`) and Go durations
// (`--health-interval 30s`), the other two value grammars the CLI's flags use.

/** A value the flag library refused; `message` is what follows `invalid argument "…" for "…" flag: `. */
export class FlagValueError extends Error {
  override name = 'FlagValueError';
}

/** Go's `strconv.Quote`: double quotes, with Go's escapes for control and non-printable characters. */
export function goQuote(text: string): string {
  let out = '"';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\x07') out += '\\a';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (ch === '\v') out += '\\v';
    else if (code < 0x20 || code === 0x7f) out += '\\x' + code.toString(16).padStart(2, '0');
    else if (code >= 0x80 && code < 0xa0) out += '\\u' + code.toString(16).padStart(4, '0');
    else if (code >= 0xd800 && code <= 0xdfff) out += '\\ufffd';
    else out += ch;
  }
  return out + '"';
}

/** Go's `%q` of one byte: a quoted character literal (`'z'`, `'\x00'`). */
export function goQuoteByte(byte: number): string {
  if (byte === 0x27) return "'\\''";
  if (byte === 0x5c) return "'\\\\'";
  const inner = goQuote(String.fromCharCode(byte)).slice(1, -1);
  return `'${inner === '\\"' ? '"' : inner}'`;
}

const syntax = (fn: string, text: string) =>
  new FlagValueError(`strconv.${fn}: parsing ${goQuote(text)}: invalid syntax`);
const range = (fn: string, text: string) =>
  new FlagValueError(`strconv.${fn}: parsing ${goQuote(text)}: value out of range`);

/** Go's underscoreOK: `_` only between digits or right after a base prefix. */
function underscoreOk(text: string): boolean {
  let saw = '^';
  let i = 0;
  const hex = /^0[xX]/.test(text);
  if (/^0[bBoOxX]/.test(text)) [i, saw] = [2, '0'];
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (/[0-9]/.test(ch) || (hex && /[a-fA-F]/.test(ch))) saw = '0';
    else if (ch === '_') {
      if (saw !== '0') return false;
      saw = '_';
    } else {
      if (saw === '_') return false;
      saw = '!';
    }
  }
  return saw !== '_';
}

/** Digits of unsigned `text` in Go's base-0 syntax (0x, 0o, 0b, leading-0 octal, `_` separators). */
function baseZeroDigits(text: string): { base: number; digits: string } | undefined {
  if (text.includes('_') && !underscoreOk(text)) return undefined;
  let body = text.replace(/_/g, '');
  let base = 10;
  if (/^0[xX]/.test(body)) [base, body] = [16, body.slice(2)];
  else if (/^0[oO]/.test(body)) [base, body] = [8, body.slice(2)];
  else if (/^0[bB]/.test(body)) [base, body] = [2, body.slice(2)];
  else if (body.length > 1 && body.startsWith('0')) [base, body] = [8, body.slice(1)];
  const allowed = { 2: /^[01]+$/, 8: /^[0-7]+$/, 10: /^[0-9]+$/, 16: /^[0-9a-fA-F]+$/ }[base]!;
  if (body === '' || !allowed.test(body)) return undefined;
  return { base, digits: body };
}

function bigOf(base: number, digits: string): bigint {
  const prefix = { 2: '0b', 8: '0o', 10: '', 16: '0x' }[base]!;
  return BigInt(prefix + digits);
}

/** `strconv.ParseInt(text, 0, bits)`, as pflag's int flags call it. */
export function parseGoInt(text: string, bits = 64): number {
  const negative = text.startsWith('-');
  const unsigned = text.startsWith('+') || negative ? text.slice(1) : text;
  const parsed = baseZeroDigits(unsigned);
  if (!parsed) throw syntax('ParseInt', text);
  const value = bigOf(parsed.base, parsed.digits) * (negative ? -1n : 1n);
  const limit = 1n << BigInt(bits - 1);
  if (value >= limit || value < -limit) throw range('ParseInt', text);
  return Number(value);
}

/** `strconv.ParseUint(text, 0, bits)`. */
export function parseGoUint(text: string, bits = 64): number {
  const parsed = baseZeroDigits(text);
  if (!parsed) throw syntax('ParseUint', text);
  const value = bigOf(parsed.base, parsed.digits);
  if (value >= 1n << BigInt(bits)) throw range('ParseUint', text);
  return Number(value);
}

const TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

/** `strconv.ParseBool`. */
export function parseGoBool(text: string): boolean {
  if (TRUE.has(text)) return true;
  if (FALSE.has(text)) return false;
  throw syntax('ParseBool', text);
}

/** `strconv.ParseFloat(text, 64)` for plain decimal text (what --cpus and friends accept). */
export function parseGoFloat(text: string): number {
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(text) && !/^[+-]?(inf|infinity|nan)$/i.test(text)) {
    throw syntax('ParseFloat', text);
  }
  return Number(text.replace(/^([+-]?)inf(inity)?$/i, '$1Infinity'));
}

const durationUnits: Record<string, number> = {
  ns: 1,
  us: 1e3,
  µs: 1e3,
  μs: 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

/** Go's `time.ParseDuration`, in nanoseconds: `1h30m`, `2.5s`, `300ms`; `0` needs no unit. */
export function parseGoDuration(text: string): number {
  const invalid = () => new FlagValueError(`time: invalid duration ${goQuote(text)}`);
  let rest = text;
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    sign = rest.startsWith('-') ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === '0') return 0;
  if (rest === '') throw invalid();
  let total = 0;
  while (rest !== '') {
    const number = /^(\d*)(\.\d*)?/.exec(rest)!;
    if (number[0] === '' || number[0] === '.') throw invalid();
    rest = rest.slice(number[0].length);
    const unit = /^[^0-9.]*/.exec(rest)![0];
    if (unit === '') throw new FlagValueError(`time: missing unit in duration ${goQuote(text)}`);
    const scale = durationUnits[unit];
    if (scale === undefined) {
      throw new FlagValueError(`time: unknown unit ${goQuote(unit)} in duration ${goQuote(text)}`);
    }
    rest = rest.slice(unit.length);
    total += Number(number[0]) * scale;
  }
  return sign * Math.round(total);
}

/** Go's `time.Duration.String()` of `ns` nanoseconds: `1h30m0s`, `2.5s`, `300ms`, `0s`. */
export function formatGoDuration(ns: number): string {
  if (ns === 0) return '0s';
  const sign = ns < 0 ? '-' : '';
  let value = Math.abs(ns);
  if (value < 1e9) {
    const [unit, scale] = value < 1e3 ? ['ns', 1] : value < 1e6 ? ['µs', 1e3] : ['ms', 1e6];
    return sign + trimFraction(value / (scale as number)) + unit;
  }
  const hours = Math.floor(value / 3600e9);
  value -= hours * 3600e9;
  const minutes = Math.floor(value / 60e9);
  value -= minutes * 60e9;
  const seconds = trimFraction(value / 1e9) + 's';
  if (hours > 0) return `${sign}${hours}h${minutes}m${seconds}`;
  if (minutes > 0) return `${sign}${minutes}m${seconds}`;
  return sign + seconds;
}

function trimFraction(value: number): string {
  return String(Number(value.toFixed(9)));
}

const ramUnits: Record<string, number> = { k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 };

/** go-units `RAMInBytes`: `512m`, `1.5GiB`, `1024` (binary units, case-insensitive). */
export function parseRamInBytes(text: string): number {
  const match = /^(\d+(?:\.\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$/.exec(text);
  if (!match || !/^\d+(\.\d+)?$/.test(match[1]!)) throw new FlagValueError(`invalid size: '${text}'`);
  const unit = match[2] ? ramUnits[match[2].toLowerCase()]! : 1;
  return Math.trunc(Number(match[1]) * unit);
}
