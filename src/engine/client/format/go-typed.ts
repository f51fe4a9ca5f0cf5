// Giving JSON back its Go types, so that `--format` templates behave as they do in the real CLI.
// The daemon's answer to `docker inspect` is JSON; the CLI decodes it into Go structs first, and
// the struct decides what a template prints: a missing slice is `[]`, a missing map `map[]`, a
// missing pointer `<nil>`, `{{json .Config}}` leaves out empty `omitempty` fields. A type is
// described here the way Go declares it:
//
//   struct('types.RootFS', [field('Type', 'string'), field('Layers', slice('string'), { omitempty: true })])
//
// JSON with no description (fields Dockyard has not typed) is read by its shape: objects become
// structs, except under names that are maps in Docker's types (`Labels`, `Networks`, `Ports`…).
import { OrderedObject } from './go-json';
import { GoMap, GoNil, GoPointerNil, GoStruct, GoTime, type FieldMeta } from './go-values';

export type GoType =
  | { kind: 'string' | 'int' | 'float' | 'bool' | 'any' | 'time' }
  | { kind: 'slice'; elem: GoType }
  | { kind: 'map'; elem: GoType; name: string }
  | { kind: 'ptr'; elem: StructType }
  | StructType;

export interface StructType {
  kind: 'struct';
  name: string;
  fields: FieldType[];
}

export interface FieldType extends FieldMeta {
  name: string;
  type: GoType;
}

export const string: GoType = { kind: 'string' };
export const int: GoType = { kind: 'int' };
export const bool: GoType = { kind: 'bool' };
export const any: GoType = { kind: 'any' };
export const time: GoType = { kind: 'time' };
export const slice = (elem: GoType): GoType => ({ kind: 'slice', elem });
export const map = (
  elem: GoType,
  name = `map[string]${elem.kind === 'string' ? 'string' : 'interface {}'}`,
): GoType => ({
  kind: 'map',
  elem,
  name,
});
export const ptr = (elem: StructType): GoType => ({ kind: 'ptr', elem });
export const struct = (name: string, fields: FieldType[]): StructType => ({ kind: 'struct', name, fields });
export const field = (name: string, type: GoType, meta: FieldMeta = {}): FieldType => ({ name, type, ...meta });

/** Field names that are maps in Docker's API types, for JSON read without a description. */
const MAP_NAMES = new Set([
  'Labels',
  'Options',
  'Networks',
  'Ports',
  'ExposedPorts',
  'Volumes',
  'Data',
  'Details',
  'Annotations',
  'Sysctls',
  'Tmpfs',
  'StorageOpt',
  'DriverOpts',
  'Containers',
  'Runtimes',
  'IndexConfigs',
  'DriverOpts',
  'Status',
  'PortBindings',
]);

/** Maps whose values are slices (nat.PortMap): a null value is a nil slice, printed `[]`. */
const MAPS_OF_SLICES = new Set(['Ports', 'PortBindings']);

function entriesOf(json: unknown): [string, unknown][] | undefined {
  if (json instanceof OrderedObject) return json.entries;
  if (json !== null && typeof json === 'object' && !Array.isArray(json)) return Object.entries(json);
  return undefined;
}

/** JSON read by its shape (no type description). */
export function inferred(json: unknown, name = ''): unknown {
  const entries = entriesOf(json);
  if (entries) {
    if (MAP_NAMES.has(name)) {
      return new GoMap(
        entries.map(([k, v]) => [k, v === null && MAPS_OF_SLICES.has(name) ? new GoNil('slice') : inferred(v)]),
      );
    }
    return new GoStruct(
      name ? `*types.${name}` : 'struct',
      entries.map(([k, v]) => [k, inferred(v, k)]),
    );
  }
  if (Array.isArray(json)) return json.map((v) => inferred(v));
  if (json === undefined) return null;
  return json;
}

function zero(type: GoType): unknown {
  switch (type.kind) {
    case 'string':
      return '';
    case 'int':
    case 'float':
      return 0;
    case 'bool':
      return false;
    case 'time':
      return new GoTime('0001-01-01T00:00:00Z');
    case 'slice':
      return new GoNil('slice');
    case 'map':
      return new GoNil('map');
    case 'ptr':
      return new GoPointerNil(`*${type.elem.name}`);
    case 'struct':
      return typed(undefined, type);
    default:
      return null;
  }
}

/**
 * `json` decoded into the Go type `type`. Keys a struct's description does not know are kept,
 * read by their shape — except in an embedded struct, whose outer struct keeps them.
 */
export function typed(json: unknown, type: GoType, embedded = false): unknown {
  if (json === null || json === undefined) {
    if (type.kind === 'struct') {
      return new GoStruct(
        type.name,
        type.fields.map((f) => [f.name, zero(f.type)]),
        undefined,
        new Map(type.fields.map((f) => [f.name, f])),
      );
    }
    return type.kind === 'any' ? null : zero(type);
  }
  switch (type.kind) {
    case 'string':
      return typeof json === 'string' ? json : String(json);
    case 'int':
    case 'float':
      if (typeof json === 'string' && /^-?\d{16,}$/.test(json)) return BigInt(json);
      return typeof json === 'number' ? json : Number(json);
    case 'bool':
      return json === true;
    case 'time':
      return new GoTime(String(json));
    case 'any':
      return inferred(json);
    case 'slice':
      return Array.isArray(json) ? json.map((v) => typed(v, type.elem)) : zero(type);
    case 'map': {
      const entries = entriesOf(json) ?? [];
      return new GoMap(
        entries.map(([k, v]) => [k, typed(v, type.elem)]),
        type.name,
      );
    }
    case 'ptr':
      return typed(json, type.elem);
    case 'struct': {
      const entries = entriesOf(json) ?? [];
      const byJsonName = new Map(entries);
      const fields: [string, unknown][] = [];
      for (const f of type.fields) {
        if (f.embedded && f.type.kind === 'struct') fields.push([f.name, typed(json, f.type, true)]);
        else {
          const value = byJsonName.get(f.json ?? f.name);
          fields.push([
            f.name,
            f.type.kind === 'any' && value != null ? inferred(value, f.name) : typed(value, f.type),
          ]);
        }
      }
      // Keys the description does not know stay reachable, read by their shape.
      const known = new Set(allJsonNames(type));
      if (!embedded) for (const [k, v] of entries) if (!known.has(k)) fields.push([k, inferred(v, k)]);
      return new GoStruct(type.name, fields, undefined, new Map(type.fields.map((f) => [f.name, f])));
    }
  }
}

function allJsonNames(type: StructType): string[] {
  return type.fields.flatMap((f) =>
    f.embedded && f.type.kind === 'struct' ? allJsonNames(f.type) : [f.json ?? f.name],
  );
}
