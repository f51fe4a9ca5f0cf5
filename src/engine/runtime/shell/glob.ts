// Pathname expansion (XCU 2.6.6): a word with an unquoted `*`, `?` or `[` becomes the sorted list of
// existing paths it matches, directory by directory (`/etc/*.conf`, `src/*/index.ts`). Names
// starting with `.` are matched only by a pattern that starts with a literal `.`. A pattern that
// matches nothing stays as it is — `ls *.nope` passes `*.nope` to ls, which then complains.

import { isFsError } from '../../layer/fs-errors';
import type { ProcessContext } from '../contract';
import { listDir, statPath } from '../files';
import { hasMagic, matchPattern, type PatternPiece } from './pattern';

/** Split pattern pieces into path components at every `/`, keeping each piece's quoting. */
function components(pieces: readonly PatternPiece[]): PatternPiece[][] {
  const out: PatternPiece[][] = [[]];
  for (const piece of pieces) {
    const segments = piece.text.split('/');
    segments.forEach((text, i) => {
      if (i > 0) out.push([]);
      if (text !== '') (out[out.length - 1] as PatternPiece[]).push({ text, quoted: piece.quoted });
    });
  }
  return out;
}

function textOf(pieces: readonly PatternPiece[]): string {
  return pieces.map((p) => (p.quoted ? p.text : p.text.replace(/\\(.)/g, '$1'))).join('');
}

function isDirectory(ctx: ProcessContext, path: string): boolean {
  try {
    return statPath(ctx, path).type === 'dir';
  } catch (err) {
    if (isFsError(err)) return false;
    throw err;
  }
}

function exists(ctx: ProcessContext, path: string): boolean {
  try {
    statPath(ctx, path, { follow: false });
    return true;
  } catch (err) {
    if (isFsError(err)) return false;
    throw err;
  }
}

/** The paths matching a pattern, sorted; undefined when it has no magic or matches nothing. */
export function expandPathname(ctx: ProcessContext, pieces: readonly PatternPiece[]): string[] | undefined {
  if (!hasMagic(pieces)) return undefined;
  const parts = components(pieces);
  const absolute = parts[0]?.length === 0 && parts.length > 1;
  let prefixes = [absolute ? '/' : ''];
  const rest = absolute ? parts.slice(1) : parts;
  for (const [i, component] of rest.entries()) {
    const last = i === rest.length - 1;
    if (component.length === 0) {
      // A trailing `/` (`*/`): keep only directories.
      prefixes = prefixes.filter((p) => isDirectory(ctx, p)).map((p) => (p.endsWith('/') ? p : `${p}/`));
      continue;
    }
    const next: string[] = [];
    for (const prefix of prefixes) {
      const dir = prefix === '' ? '.' : prefix;
      if (!hasMagic(component)) {
        const path = `${prefix}${textOf(component)}`;
        if (last ? exists(ctx, path) : isDirectory(ctx, path)) next.push(last ? path : `${path}/`);
        continue;
      }
      let names: string[];
      try {
        names = listDir(ctx, dir);
      } catch (err) {
        if (isFsError(err)) continue;
        throw err;
      }
      const dotOk = component[0]?.text.startsWith('.') === true;
      for (const name of names) {
        if (name.startsWith('.') && !dotOk) continue;
        if (!matchPattern(component, name)) continue;
        const path = `${prefix}${name}`;
        if (last) next.push(path);
        else if (isDirectory(ctx, path)) next.push(`${path}/`);
      }
    }
    prefixes = next;
    if (prefixes.length === 0) return undefined;
  }
  const results = prefixes.map((p) =>
    p.length > 1 && p.endsWith('/') && !textOf(pieces).endsWith('/') ? p.slice(0, -1) : p,
  );
  return results.length === 0 ? undefined : results.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
