// The environment a word is expanded in: Docker's `KEY=value` list (the image's ENV plus the build
// args in scope), looked up by exact name. BuildKit's `shell.EnvsFromSlice`: a later entry for the
// same key wins, and an entry without `=` defines the key with an empty value.

/** The variables a word is expanded with (the image's ENV plus the allowed build args). */
export interface EnvGetter {
  get(name: string): string | undefined;
  keys(): readonly string[];
}

/** An environment from `KEY=value` strings, as Docker keeps it; a later key wins, `KEY` alone is empty. */
export function envFromList(list: readonly string[]): EnvGetter {
  const values = new Map<string, string>();
  for (const entry of list) {
    const eq = entry.indexOf('=');
    values.set(eq < 0 ? entry : entry.slice(0, eq), eq < 0 ? '' : entry.slice(eq + 1));
  }
  return { get: (name) => values.get(name), keys: () => [...values.keys()] };
}

/** An environment from a plain record or map. */
export function envFromRecord(record: Readonly<Record<string, string>> | ReadonlyMap<string, string>): EnvGetter {
  const values = record instanceof Map ? new Map(record) : new Map(Object.entries(record));
  return { get: (name) => values.get(name), keys: () => [...values.keys()] };
}

/** The empty environment. */
export const emptyEnv: EnvGetter = envFromList([]);
