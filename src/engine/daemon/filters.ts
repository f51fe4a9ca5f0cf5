// Engine API filters: the `filters` query parameter of `/images/json`, `/events`, `/images/prune`…
// It is JSON mapping a filter name to a set of values — `{"dangling":{"true":true}}` — or, from
// older clients, to a list — `{"dangling":["true"]}`. This models moby's `filters.Args` and its
// matching rules: a filter that is not given matches everything; values of one filter are OR-ed,
// different filters are AND-ed; "exact", "fuzzy" (prefix) and `key=value` label matches.
import { DaemonError } from './api/errors';

export class FilterArgs {
  private constructor(private readonly fields: ReadonlyMap<string, ReadonlySet<string>>) {}

  static empty(): FilterArgs {
    return new FilterArgs(new Map());
  }

  static of(record: Record<string, string[]>): FilterArgs {
    return new FilterArgs(new Map(Object.entries(record).map(([k, v]) => [k, new Set(v)])));
  }

  /** moby's filters.FromJSON; anything else than the two accepted shapes is `invalid filter` (400). */
  static fromJson(text: string | null | undefined): FilterArgs {
    if (text === null || text === undefined || text === '') return FilterArgs.empty();
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      throw DaemonError.invalidParameter('invalid filter');
    }
    if (raw === null) return FilterArgs.empty();
    if (typeof raw !== 'object' || Array.isArray(raw)) throw DaemonError.invalidParameter('invalid filter');
    const fields = new Map<string, Set<string>>();
    for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
      fields.set(key, new Set(valuesOf(value)));
    }
    return new FilterArgs(fields);
  }

  keys(): string[] {
    return [...this.fields.keys()];
  }

  contains(key: string): boolean {
    return this.fields.has(key);
  }

  /** The values given for `key` (an empty list when none). */
  get(key: string): string[] {
    return [...(this.fields.get(key) ?? [])];
  }

  /** Refuse any filter not in `accepted`: `invalid filter 'name'` (400), as Validate does. */
  validate(accepted: readonly string[]): void {
    for (const key of this.fields.keys()) {
      if (!accepted.includes(key)) throw DaemonError.invalidParameter(`invalid filter '${key}'`);
    }
  }

  /** True when `key` is not filtered, or `source` is one of its values. */
  exactMatch(key: string, source: string): boolean {
    const values = this.fields.get(key);
    return values === undefined || values.size === 0 || values.has(source);
  }

  /** exactMatch, or `source` starts with one of the values (IDs by prefix). */
  fuzzyMatch(key: string, source: string): boolean {
    if (this.exactMatch(key, source)) return true;
    for (const prefix of this.fields.get(key) ?? []) if (source.startsWith(prefix)) return true;
    return false;
  }

  /** Every `k` or `k=v` value of `key` must be among `labels` (MatchKVList). */
  matchKeyValues(key: string, labels: Record<string, string> | null | undefined): boolean {
    const values = this.fields.get(key);
    if (values === undefined || values.size === 0) return true;
    if (!labels || Object.keys(labels).length === 0) return false;
    for (const value of values) {
      const eq = value.indexOf('=');
      const name = eq < 0 ? value : value.slice(0, eq);
      if (!Object.hasOwn(labels, name)) return false;
      if (eq >= 0 && labels[name] !== value.slice(eq + 1)) return false;
    }
    return true;
  }

  /**
   * A boolean filter (`dangling`): the default when absent, else `true`/`1` or `false`/`0`; none or
   * both is `invalid filter 'dangling=[…]'` (GetBoolOrDefault).
   */
  boolOrDefault(key: string, fallback: boolean): boolean {
    const values = this.fields.get(key);
    if (values === undefined) return fallback;
    if (values.size === 0) throw DaemonError.invalidParameter(`invalid filter '${key}'`);
    const isTrue = values.has('true') || values.has('1');
    const isFalse = values.has('false') || values.has('0');
    if (isTrue === isFalse) throw DaemonError.invalidParameter(invalidFilterText(key, this.get(key)));
    return isTrue;
  }
}

/** moby's invalidFilter text: `invalid filter 'dangling=[maybe]'`. */
export function invalidFilterText(key: string, values: readonly string[]): string {
  return `invalid filter '${key}=[${values.join(' ')}]'`;
}

function valuesOf(value: unknown): string[] {
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.every(([, v]) => typeof v === 'boolean')) return entries.filter(([, v]) => v).map(([k]) => k);
  }
  throw DaemonError.invalidParameter('invalid filter');
}
