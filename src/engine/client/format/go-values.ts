// Values as the docker CLI's Go templates see them, and as Go's fmt prints them. A `--format`
// template runs over Go values, and what `{{.Config.Cmd}}` prints depends on the Go type behind it:
//
//   a slice            [/bin/sh]            a nil slice        []
//   a map              map[a:1 b:2]         a nil map          map[]
//   a struct           {layers [sha256:…]}  a nil pointer      <nil>
//   a time.Time        2025-01-01 00:00:00 +0000 UTC
//
// JSON loses those types (a nil slice and a nil pointer are both `null`), so values are rebuilt
// with them: GoStruct, GoMap, GoNil and GoTime below, plain strings, numbers, booleans and arrays.
import { goMarshal, OrderedObject } from './go-json';

/** How a struct field is written as JSON (its Go tag), and whether it is embedded. */
export interface FieldMeta {
  /** The JSON key when it is not the field's name. */
  json?: string;
  omitempty?: boolean;
  /** An embedded struct: its fields are reachable from the outer one and inlined in JSON. */
  embedded?: boolean;
}

/** A Go struct: its type name (for error messages) and every field, in declaration order. */
export class GoStruct {
  constructor(
    readonly typeName: string,
    readonly fields: [string, unknown][],
    /** Its JSON when given as is (otherwise it is marshalled from the fields and their meta). */
    readonly json?: unknown,
    readonly meta: ReadonlyMap<string, FieldMeta> = new Map(),
  ) {}

  private embedded(): GoStruct[] {
    return this.fields
      .filter(([k, v]) => this.meta.get(k)?.embedded && v instanceof GoStruct)
      .map(([, v]) => v as GoStruct);
  }

  /** Is there a field `name`, its own or promoted from an embedded struct? */
  has(name: string): boolean {
    return this.fields.some(([k]) => k === name) || this.embedded().some((e) => e.has(name));
  }

  get(name: string): unknown {
    const own = this.fields.find(([k]) => k === name);
    if (own) return own[1];
    return this.embedded()
      .find((e) => e.has(name))
      ?.get(name);
  }
}

/** A Go map; fmt prints it with keys sorted. */
export class GoMap {
  constructor(
    readonly entries: [string, unknown][],
    readonly typeName = 'map[string]interface {}',
  ) {}

  get(key: string): unknown {
    return this.entries.find(([k]) => k === key)?.[1];
  }

  has(key: string): boolean {
    return this.entries.some(([k]) => k === key);
  }

  sorted(): [string, unknown][] {
    return [...this.entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }
}

/** A nil slice or map: empty, but printed as `[]` / `map[]`, and `null` in JSON. */
export class GoNil {
  constructor(readonly kind: 'slice' | 'map') {}
}

/** A Go time.Time, printed `2006-01-02 15:04:05.999999999 -0700 MST` (always UTC here). */
export class GoTime {
  constructor(
    /** RFC 3339 text, nanoseconds kept. */
    readonly text: string,
  ) {}

  toString(): string {
    const m = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d:\d\d)(?:\.(\d+))?/.exec(this.text);
    if (!m) return this.text;
    const fraction = (m[3] ?? '').replace(/0+$/, '');
    return `${m[1]} ${m[2]}${fraction ? '.' + fraction : ''} +0000 UTC`;
  }
}

/** The missing value (Go's invalid reflect.Value): printed `<no value>`. */
export const NO_VALUE = Symbol('no value');

/** A nil pointer to a struct (`*types.Health`): printed `<nil>`, an error to look into. */
export class GoPointerNil {
  constructor(readonly typeName: string) {}
}

/** A Go method value: `{{.Label "com.example"}}` calls it with its arguments. */
export type GoMethod = (...args: unknown[]) => unknown;

/** strconv.FormatFloat(f, 'g', -1, 64): the shortest text, with `e+06` style for large values. */
export function formatFloat(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf';
  if (value === 0) return Object.is(value, -0) ? '-0' : '0';
  const [mantissa, exp] = value.toExponential().split('e') as [string, string];
  const exponent = Number(exp);
  if (exponent < -4 || exponent >= 21) {
    return `${mantissa}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  return String(value);
}

function printNumber(value: number, nested: boolean): string {
  void nested;
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return BigInt(value).toString();
  return formatFloat(value);
}

/** fmt's %v of one value. `depth` > 0 inside a struct, slice or map (pointers then print as addresses). */
export function goSprint(value: unknown, depth = 0): string {
  if (value === null || value === undefined || value instanceof GoPointerNil) return '<nil>';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return printNumber(value, depth > 0);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof GoNil) return value.kind === 'slice' ? '[]' : 'map[]';
  if (value instanceof GoTime) return value.toString();
  if (Array.isArray(value)) return '[' + value.map((v) => goSprint(v, depth + 1)).join(' ') + ']';
  if (value instanceof GoMap) {
    return (
      'map[' +
      value
        .sorted()
        .map(([k, v]) => `${k}:${goSprint(v, depth + 1)}`)
        .join(' ') +
      ']'
    );
  }
  if (value instanceof GoStruct) return '{' + value.fields.map(([, v]) => goSprint(v, depth + 1)).join(' ') + '}';
  if (value instanceof OrderedObject) return goSprint(untyped(value), depth);
  if (typeof value === 'function') return '0x' + '4a2b40';
  if (typeof value === 'object') return goSprint(untyped(value), depth);
  return String(value);
}

/** A JSON value with no known Go type: objects become map[string]interface{}. */
export function untyped(value: unknown): unknown {
  if (value instanceof OrderedObject) return new GoMap(value.entries.map(([k, v]) => [k, untyped(v)]));
  if (Array.isArray(value)) return value.map(untyped);
  if (value !== null && typeof value === 'object' && !(value instanceof GoStruct) && !(value instanceof GoMap)) {
    if (value instanceof GoNil || value instanceof GoTime) return value;
    return new GoMap(Object.entries(value).map(([k, v]) => [k, untyped(v)]));
  }
  return value;
}

/** Go's truth for `{{if}}`: false, 0, nil, and empty strings, slices and maps are false. */
export function goTruth(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === 0 || value === '') return false;
  if (value instanceof GoNil || value instanceof GoPointerNil) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (value instanceof GoMap) return value.entries.length > 0;
  return true;
}

/** Go's omitempty: false, 0, "", nil, and empty slices and maps. */
export function isEmptyValue(v: unknown): boolean {
  if (v === null || v === undefined || v === false || v === 0 || v === '' || v === NO_VALUE) return true;
  if (v instanceof GoNil || v instanceof GoPointerNil) return true;
  if (Array.isArray(v)) return v.length === 0;
  if (v instanceof GoMap) return v.entries.length === 0;
  return false;
}

/** A struct's JSON members: tags applied, empty `omitempty` fields left out, embedded ones inlined. */
function structMembers(s: GoStruct, plain: (v: unknown) => unknown): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const [name, value] of s.fields) {
    const meta = s.meta.get(name) ?? {};
    if (meta.embedded) {
      if (value instanceof GoStruct) out.push(...structMembers(value, plain));
      continue;
    }
    if (meta.omitempty && isEmptyValue(value)) continue;
    out.push([meta.json ?? name, plain(value)]);
  }
  return out;
}

/** Go's json.Encoder with HTML escaping off, as docker's `json` template function uses it. */
export function goJsonOf(value: unknown): string {
  const plain = (v: unknown): unknown => {
    if (v instanceof GoStruct) return v.json !== undefined ? v.json : new OrderedObject(structMembers(v, plain));
    if (v instanceof GoMap) return new OrderedObject(v.sorted().map(([k, x]) => [k, plain(x)]));
    if (v instanceof GoNil || v instanceof GoPointerNil) return null;
    if (v instanceof GoTime) return v.text;
    if (Array.isArray(v)) return v.map(plain);
    if (v !== null && typeof v === 'object' && 'toGoJson' in v) return v;
    return v;
  };
  const p = plain(value);
  if (p !== null && typeof p === 'object' && 'toGoJson' in p) return (p as { toGoJson(): string }).toGoJson();
  return goMarshal(p, { sortKeys: false, escapeHtml: false });
}
