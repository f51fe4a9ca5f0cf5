// Pathname expansion on the laptop: `ls *.txt`, `cat app/*.js`, `rm -r build/*`. A word with an
// unquoted `*`, `?` or `[…]` becomes the sorted list of existing paths it matches, component by
// component; names starting with `.` match only a pattern starting with a literal `.`; a pattern
// that matches nothing stays as typed (bash's default), so `ls *.nope` lets ls complain.
// The matching itself is the same shell pattern language the container shells use.
import { hasMagic, matchPattern, type PatternPiece } from '../runtime/shell/pattern';
import type { LaptopFiles } from './files';
import { resolvePath } from './laptop-path';

function components(pieces: readonly PatternPiece[]): PatternPiece[][] {
  const out: PatternPiece[][] = [[]];
  for (const piece of pieces) {
    piece.text.split('/').forEach((text, i) => {
      if (i > 0) out.push([]);
      if (text !== '') (out[out.length - 1] as PatternPiece[]).push({ text, quoted: piece.quoted });
    });
  }
  return out;
}

const literal = (pieces: readonly PatternPiece[]) => pieces.map((p) => p.text).join('');

/** The paths matching a pattern relative to `cwd`, sorted; undefined when none (or no magic). */
export function expandGlob(files: LaptopFiles, cwd: string, pieces: readonly PatternPiece[]): string[] | undefined {
  if (!hasMagic(pieces)) return undefined;
  const parts = components(pieces);
  const absolute = parts.length > 1 && parts[0]?.length === 0;
  const rest = absolute ? parts.slice(1) : parts;
  const trailingSlash = rest.length > 1 && rest[rest.length - 1]?.length === 0;
  const steps = trailingSlash ? rest.slice(0, -1) : rest;
  let prefixes = [absolute ? '/' : ''];
  const kindOf = (typed: string) => files.stat(resolvePath(cwd, typed === '' ? '.' : typed))?.kind;
  for (const [i, component] of steps.entries()) {
    const last = i === steps.length - 1;
    const wantDir = !last || trailingSlash;
    const next: string[] = [];
    for (const prefix of prefixes) {
      if (component.length === 0) continue;
      if (!hasMagic(component)) {
        const path = `${prefix}${literal(component)}`;
        const kind = kindOf(path);
        if (kind !== undefined && (!wantDir || kind === 'dir')) next.push(path);
        continue;
      }
      if (kindOf(prefix) !== 'dir') continue;
      const dotOk = component[0]?.text.startsWith('.') === true;
      for (const name of files.readdir(resolvePath(cwd, prefix === '' ? '.' : prefix))) {
        if (name.startsWith('.') && !dotOk) continue;
        if (!matchPattern(component, name)) continue;
        const path = `${prefix}${name}`;
        if (!wantDir || kindOf(path) === 'dir') next.push(path);
      }
    }
    prefixes = next.map((p) => (last ? p : `${p}/`));
    if (prefixes.length === 0) return undefined;
  }
  const results = prefixes.map((p) => (trailingSlash ? `${p}/` : p));
  return results.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
