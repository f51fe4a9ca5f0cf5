// The functions a `--format` template may call: Go's built-ins (`index`, `len`, `eq`, `printf`…)
// and the ones docker/cli adds (`templates/templates.go`): `json`, `join`, `split`, `title`,
// `lower`, `upper`, `pad`, `truncate`. Table headers are rendered with docker's "header functions"
// instead, which leave a column's name as it is (`{{upper .Repository}}` → `REPOSITORY`).
import { utf8, fromUtf8 } from '../../../bytes';
import { GoMap, GoNil, GoPointerNil, GoStruct, NO_VALUE, goJsonOf, goSprint, goTruth } from '../go-values';

export type TemplateFunction = (...args: unknown[]) => unknown;

/** The Go type name of a value, for messages (`string`, `*formatter.imageContext`). */
export function typeNameOf(value: unknown): string {
  if (value instanceof GoStruct) return value.typeName;
  if (value instanceof GoMap) return value.typeName;
  if (value instanceof GoPointerNil) return value.typeName;
  if (value instanceof GoNil) return value.kind === 'slice' ? '[]string' : 'map[string]string';
  if (typeof value === 'object' && value !== null && 'goType' in value)
    return String((value as { goType: string }).goType);
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float64';
  if (typeof value === 'boolean') return 'bool';
  if (Array.isArray(value)) return value.every((v) => typeof v === 'string') ? '[]string' : '[]interface {}';
  return 'interface {}';
}

function argCount(name: string, want: number, got: number): void {
  if (want !== got) throw new Error(`wrong number of args for ${name}: want ${want} got ${got}`);
}

function asString(value: unknown): string {
  if (typeof value !== 'string') throw new Error(`wrong type for value; expected string; got ${typeNameOf(value)}`);
  return value;
}

function asInt(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new Error(`wrong type for value; expected int; got ${typeNameOf(value)}`);
  }
  return value;
}

function indexOne(item: unknown, key: unknown): unknown {
  if (item instanceof GoMap)
    return item.has(String(key)) ? item.get(String(key)) : item.typeName === 'map[string]string' ? '' : NO_VALUE;
  if (item instanceof GoNil) {
    if (item.kind === 'map') return NO_VALUE;
    throw new Error(`index out of range: ${goSprint(key)}`);
  }
  if (Array.isArray(item) || typeof item === 'string') {
    if (typeof key !== 'number' || !Number.isInteger(key))
      throw new Error(`cannot index slice/array with type ${typeNameOf(key)}`);
    const length = typeof item === 'string' ? utf8(item).length : item.length;
    if (key < 0 || key >= length) throw new Error(`index out of range: ${key}`);
    return typeof item === 'string' ? utf8(item)[key] : item[key];
  }
  if (item === null || item === NO_VALUE || item === undefined) throw new Error('index of untyped nil');
  throw new Error(`can't index item of type ${typeNameOf(item)}`);
}

const isNil = (v: unknown) =>
  v === null || v === NO_VALUE || v === undefined || v instanceof GoPointerNil || v instanceof GoNil;

function comparable(a: unknown, b: unknown): [unknown, unknown] {
  const basic = (v: unknown) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
  if (!basic(a) || !basic(b)) {
    // Comparing with nil asks whether the other side is nil (a pointer, slice or map).
    if (a === null || b === null) return [isNil(a), isNil(b)];
    throw new Error('incompatible types for comparison');
  }
  if (typeof a !== typeof b) throw new Error('incompatible types for comparison');
  return [a, b];
}

function ordered(name: string, op: (x: number | string, y: number | string) => boolean): TemplateFunction {
  return (...args) => {
    argCount(name, 2, args.length);
    const [a, b] = comparable(args[0], args[1]);
    if (typeof a === 'boolean') throw new Error('invalid type for comparison');
    return op(a as number | string, b as number | string);
  };
}

/** Go's fmt.Sprintf for the verbs templates use: %v %s %d %q %t %x %f, widths and `-`. */
export function sprintf(format: string, args: unknown[]): string {
  let out = '';
  let n = 0;
  for (let i = 0; i < format.length; i++) {
    const c = format[i]!;
    if (c !== '%') {
      out += c;
      continue;
    }
    const spec = /^([-+# 0]*)(\d*)(?:\.(\d+))?([a-zA-Z%])/.exec(format.slice(i + 1));
    if (!spec) {
      out += '%!(NOVERB)';
      continue;
    }
    i += spec[0].length;
    const [, flags = '', widthText, precisionText, verb] = spec;
    if (verb === '%') {
      out += '%';
      continue;
    }
    if (n >= args.length) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    const arg = args[n++];
    let text: string;
    switch (verb) {
      case 'd':
        text = typeof arg === 'number' ? String(Math.trunc(arg)) : `%!d(${typeNameOf(arg)}=${goSprint(arg)})`;
        break;
      case 'q':
        text = JSON.stringify(typeof arg === 'string' ? arg : goSprint(arg));
        break;
      case 'x':
      case 'X': {
        const raw =
          typeof arg === 'number'
            ? arg.toString(16)
            : [...utf8(goSprint(arg))].map((b) => b.toString(16).padStart(2, '0')).join('');
        text = verb === 'X' ? raw.toUpperCase() : raw;
        break;
      }
      case 'f':
        text =
          typeof arg === 'number'
            ? arg.toFixed(precisionText ? Number(precisionText) : 6)
            : `%!f(${typeNameOf(arg)}=${goSprint(arg)})`;
        break;
      case 't':
        text = typeof arg === 'boolean' ? String(arg) : `%!t(${typeNameOf(arg)}=${goSprint(arg)})`;
        break;
      default:
        text = goSprint(arg === NO_VALUE ? undefined : arg);
        if (precisionText && (verb === 's' || verb === 'v')) text = text.slice(0, Number(precisionText));
    }
    const width = widthText ? Number(widthText) : 0;
    if (text.length < width) {
      const pad = (flags.includes('0') && !flags.includes('-') ? '0' : ' ').repeat(width - [...text].length);
      text = flags.includes('-') ? text + pad.replace(/0/g, ' ') : pad + text;
    }
    out += text;
  }
  if (n < args.length)
    out += `%!(EXTRA ${args
      .slice(n)
      .map((a) => `${typeNameOf(a)}=${goSprint(a)}`)
      .join(', ')})`;
  return out;
}

function sprint(args: unknown[], spaces: 'between-non-strings' | 'always'): string {
  let out = '';
  args.forEach((arg, i) => {
    const prev = args[i - 1];
    if (i > 0 && (spaces === 'always' || (typeof arg !== 'string' && typeof prev !== 'string'))) out += ' ';
    out += goSprint(arg === NO_VALUE ? undefined : arg);
  });
  return out;
}

const title = (s: string) =>
  s.replace(/(^|[^\p{L}\p{N}_'])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());

/** Go's built-in template functions (`and` and `or` are evaluated lazily by the executor). */
export const builtinFunctions: ReadonlyMap<string, TemplateFunction> = new Map<string, TemplateFunction>([
  ['and', () => undefined],
  ['or', () => undefined],
  ['not', (...a) => (argCount('not', 1, a.length), !goTruth(a[0] === NO_VALUE ? undefined : a[0]))],
  [
    'len',
    (...a) => {
      argCount('len', 1, a.length);
      const v = a[0];
      if (typeof v === 'string') return utf8(v).length;
      if (Array.isArray(v)) return v.length;
      if (v instanceof GoMap) return v.entries.length;
      if (v instanceof GoNil) return 0;
      throw new Error(`len of type ${typeNameOf(v)}`);
    },
  ],
  ['index', (item, ...keys) => keys.reduce((value, key) => indexOne(value, key), item)],
  [
    'slice',
    (item, ...idx) => {
      const from = idx[0] === undefined ? 0 : asInt(idx[0]);
      if (typeof item === 'string')
        return fromUtf8(utf8(item).slice(from, idx[1] === undefined ? undefined : asInt(idx[1])));
      if (Array.isArray(item)) return item.slice(from, idx[1] === undefined ? undefined : asInt(idx[1]));
      throw new Error(`can't slice item of type ${typeNameOf(item)}`);
    },
  ],
  ['print', (...a) => sprint(a, 'between-non-strings')],
  ['println', (...a) => sprint(a, 'always') + '\n'],
  ['printf', (format, ...a) => sprintf(asString(format), a)],
  [
    'eq',
    (first, ...rest) => {
      if (rest.length === 0) throw new Error('missing argument for comparison');
      return rest.some((other) => {
        const [x, y] = comparable(first, other);
        return x === y;
      });
    },
  ],
  ['ne', (...a) => (argCount('ne', 2, a.length), comparable(a[0], a[1])[0] !== comparable(a[0], a[1])[1])],
  ['lt', ordered('lt', (x, y) => x < y)],
  ['le', ordered('le', (x, y) => x <= y)],
  ['gt', ordered('gt', (x, y) => x > y)],
  ['ge', ordered('ge', (x, y) => x >= y)],
  [
    'html',
    (...a) =>
      sprint(a, 'between-non-strings').replace(
        /[<>&'"]/g,
        (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&#39;', '"': '&#34;' })[c]!,
      ),
  ],
  ['urlquery', (...a) => encodeURIComponent(sprint(a, 'between-non-strings'))],
  [
    'js',
    (...a) =>
      sprint(a, 'between-non-strings').replace(
        /[\\'"<>&=]/g,
        (c) => '\\u' + c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0'),
      ),
  ],
  [
    'call',
    (fn, ...a) => {
      if (typeof fn !== 'function') throw new Error(`non-function of type ${typeNameOf(fn)}`);
      return (fn as TemplateFunction)(...a);
    },
  ],
]);

/** docker/cli's basicFunctions. */
export const dockerFunctions: ReadonlyMap<string, TemplateFunction> = new Map<string, TemplateFunction>([
  ['json', (...a) => (argCount('json', 1, a.length), goJsonOf(a[0] === NO_VALUE ? null : a[0]))],
  ['split', (s, sep) => asString(s).split(asString(sep))],
  [
    'join',
    (list, sep) => {
      if (!Array.isArray(list) && !(list instanceof GoNil))
        throw new Error(`wrong type for value; expected []string; got ${typeNameOf(list)}`);
      return (Array.isArray(list) ? list : []).map((v) => goSprint(v)).join(asString(sep));
    },
  ],
  ['title', (s) => title(asString(s))],
  ['lower', (s) => asString(s).toLowerCase()],
  ['upper', (s) => asString(s).toUpperCase()],
  [
    'pad',
    (s, prefix, suffix) => {
      const text = asString(s);
      return text === '' ? text : ' '.repeat(asInt(prefix)) + text + ' '.repeat(asInt(suffix));
    },
  ],
  [
    'truncate',
    (s, length) => {
      const bytes = utf8(asString(s));
      const n = asInt(length);
      return bytes.length < n ? fromUtf8(bytes) : new TextDecoder().decode(bytes.slice(0, n));
    },
  ],
]);

/** docker/cli's HeaderFunctions: the column name stays as it is. */
export const headerFunctions: ReadonlyMap<string, TemplateFunction> = new Map<string, TemplateFunction>([
  ['json', (v) => v],
  ['split', (v) => v],
  ['join', (v) => v],
  ['title', (v) => v],
  ['lower', (v) => v],
  ['upper', (v) => v],
  ['truncate', (v) => v],
]);
