// `--filter name=value` as the API wants it: a JSON object of name → {value: true}
// (`{"dangling":{"true":true},"reference":{"alpine":true}}`), Go's filters.Args, keys sorted.
import { goMarshal } from '../../format/go-json';

/** The `filters` query parameter for these `name=value` pairs, or undefined when there are none. */
export function filtersParam(pairs: readonly string[]): string | undefined {
  if (pairs.length === 0) return undefined;
  const args: Record<string, Record<string, boolean>> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq);
    (args[name] ??= {})[pair.slice(eq + 1)] = true;
  }
  return goMarshal(args);
}
