// Paths, two ways. Inside a container a path is what a program passes to a system call: absolute
// (`/etc/hosts`) or relative to the working directory (`../lib`), resolved by the kernel one name at
// a time, following symbolic links. Inside a layer a path is a tar entry name: relative to the root
// of the image (`etc/hosts`), with no `.`, `..` or empty segments (see ./entry.ts).
//
// This module only splits, cleans and joins; the walk that follows symlinks lives in
// ./overlay-resolve.ts, because `..` after a symlink must be taken physically, not lexically.

/** The names of a path, dropping empty and `.` segments but keeping `..` (the resolver needs them). */
export function splitPath(path: string): string[] {
  return path.split('/').filter((name) => name !== '' && name !== '.');
}

/** `['etc', 'hosts']` → `/etc/hosts`; `[]` → `/`. */
export function absolutePath(names: readonly string[]): string {
  return '/' + names.join('/');
}

/** `['etc', 'hosts']` → `etc/hosts`, the form layer entries use. */
export function entryPath(names: readonly string[]): string {
  return names.join('/');
}

/**
 * Clean a layer entry name as Docker does before extracting it (Go's `path.Clean`): accepts `./etc/`,
 * `/etc` and `etc//hosts`; resolves `..` lexically. Returns the names, `[]` for the root, or
 * `undefined` when the name climbs out of the root (`../etc/passwd`) — a "breakout" Docker refuses.
 */
export function cleanEntryPath(path: string): string[] | undefined {
  const names: string[] = [];
  for (const name of splitPath(path)) {
    if (name !== '..') names.push(name);
    else if (names.pop() === undefined) return undefined;
  }
  return names;
}

/** Byte-wise name order (for ASCII names, which is what images hold), as `ls` and Go's sort use. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The names of a map in byte-wise order. */
export function sortedNames(children: ReadonlyMap<string, unknown>): string[] {
  return [...children.keys()].sort(compareNames);
}
