// Values of the mini languages and how each language prints them. Python keeps ints and floats
// apart (`4/2` is `2.0`, `7//2` is `3`) and prints lists as `[1, 'a']`; JavaScript has one number
// type and console.log prints arrays as `[ 1, 'a' ]` and objects as `{ a: 1 }` (util.inspect).
import type { Dialect } from './tokens';

export type Value =
  | { t: 'num'; v: number; int: boolean }
  | { t: 'str'; v: string }
  | { t: 'bool'; v: boolean }
  | { t: 'none' }
  | { t: 'undef' }
  | { t: 'list'; v: Value[] }
  | { t: 'dict'; v: Map<string, Value> }
  | { t: 'fn'; name: string; call: (args: Value[], kwargs: Map<string, Value>) => Value };

export const num = (v: number, int = Number.isInteger(v)): Value => ({ t: 'num', v, int });
export const str = (v: string): Value => ({ t: 'str', v });
export const bool = (v: boolean): Value => ({ t: 'bool', v });
export const NONE: Value = { t: 'none' };
export const UNDEF: Value = { t: 'undef' };
export const list = (v: Value[]): Value => ({ t: 'list', v });
export const dict = (entries: [string, Value][]): Value => ({ t: 'dict', v: new Map(entries) });
export const fn = (name: string, call: (args: Value[], kwargs: Map<string, Value>) => Value): Value => ({
  t: 'fn',
  name,
  call,
});

export function truthy(v: Value): boolean {
  switch (v.t) {
    case 'num':
      return v.v !== 0 && !Number.isNaN(v.v);
    case 'str':
      return v.v !== '';
    case 'bool':
      return v.v;
    case 'none':
    case 'undef':
      return false;
    case 'list':
    case 'dict':
      return true;
    case 'fn':
      return true;
  }
}

/** Python's float repr: shortest round trip, `.0` on whole numbers, exponent from 1e16 and below 1e-4. */
export function pyFloat(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const exp = Math.floor(Math.log10(Math.abs(x)));
  if (exp >= 16 || exp < -4) {
    const [mantissa, e] = x.toExponential().split('e') as [string, string];
    const sign = e.startsWith('-') ? '-' : '+';
    return `${mantissa}e${sign}${e.replace(/^[+-]/, '').padStart(2, '0')}`;
  }
  const s = String(x);
  return s.includes('.') || s.includes('e') ? s : `${s}.0`;
}

function pyStrRepr(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  const body = s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(/\r/g, '\\r');
  return q + (q === "'" ? body.replace(/'/g, "\\'") : body) + q;
}

function jsStrRepr(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  const body = s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\t/g, '\\t');
  return q + (q === "'" ? body.replace(/'/g, "\\'") : body) + q;
}

/** How `print()` (py) or `console.log()` (js) shows a value at top level. */
export function display(v: Value, dialect: Dialect): string {
  if (v.t === 'str') return v.v;
  return repr(v, dialect);
}

/** How a value shows inside a container, or at the REPL. */
export function repr(v: Value, dialect: Dialect): string {
  const py = dialect === 'py';
  switch (v.t) {
    case 'num':
      if (py) return v.int ? String(v.v) : pyFloat(v.v);
      return Object.is(v.v, -0) ? '-0' : String(v.v);
    case 'str':
      return py ? pyStrRepr(v.v) : jsStrRepr(v.v);
    case 'bool':
      return py ? (v.v ? 'True' : 'False') : String(v.v);
    case 'none':
      return py ? 'None' : 'null';
    case 'undef':
      return 'undefined';
    case 'list':
      if (py) return `[${v.v.map((x) => repr(x, dialect)).join(', ')}]`;
      return v.v.length === 0 ? '[]' : `[ ${v.v.map((x) => repr(x, dialect)).join(', ')} ]`;
    case 'dict': {
      const entries = [...v.v];
      if (py) return `{${entries.map(([k, x]) => `${pyStrRepr(k)}: ${repr(x, dialect)}`).join(', ')}}`;
      if (entries.length === 0) return '{}';
      const key = (k: string) => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : jsStrRepr(k));
      return `{ ${entries.map(([k, x]) => `${key(k)}: ${repr(x, dialect)}`).join(', ')} }`;
    }
    case 'fn':
      return py ? `<built-in function ${v.name}>` : `[Function: ${v.name}]`;
  }
}

/** JavaScript's ToString (template literals, `+` with a string, String()). */
export function jsString(v: Value): string {
  switch (v.t) {
    case 'str':
      return v.v;
    case 'list':
      return v.v.map((x) => (x.t === 'none' || x.t === 'undef' ? '' : jsString(x))).join(',');
    case 'dict':
      return '[object Object]';
    case 'none':
      return 'null';
    default:
      return repr(v, 'js');
  }
}

/** Python's type names, for error messages (`'int' and 'str'`). */
export function pyType(v: Value): string {
  switch (v.t) {
    case 'num':
      return v.int ? 'int' : 'float';
    case 'str':
      return 'str';
    case 'bool':
      return 'bool';
    case 'none':
      return 'NoneType';
    case 'list':
      return 'list';
    case 'dict':
      return 'dict';
    default:
      return 'builtin_function_or_method';
  }
}

/** JSON.stringify for mini values (undefined and functions are left out, as JSON does). */
export function toJson(v: Value): string | undefined {
  switch (v.t) {
    case 'num':
      return Number.isFinite(v.v) ? String(v.v) : 'null';
    case 'str':
      return JSON.stringify(v.v);
    case 'bool':
      return String(v.v);
    case 'none':
      return 'null';
    case 'list':
      return `[${v.v.map((x) => toJson(x) ?? 'null').join(',')}]`;
    case 'dict': {
      const parts = [...v.v].flatMap(([k, x]) => {
        const j = toJson(x);
        return j === undefined ? [] : [`${JSON.stringify(k)}:${j}`];
      });
      return `{${parts.join(',')}}`;
    }
    default:
      return undefined;
  }
}
