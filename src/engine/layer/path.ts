// Paths inside a layer, and why a layer must never reach outside its root.
//
// A tar entry's name is just text: `./etc/hosts`, `usr/bin/`, or — in a hostile archive —
// `../../root/.ssh/authorized_keys`. When dockerd unpacks a layer (moby's `pkg/archive` Unpack and
// createTarFile) it cleans each name and refuses any that lands outside the directory it is unpacking
// into, a "breakout" (`"../x" is outside of "/var/lib/docker/…"`). It applies the same idea to links:
// a hardlink's target is a name in the same archive, so it must stay inside the root too; a symlink's
// *relative* target is resolved from the link's own directory, so `usr/lib/x -> ../../../etc` escapes
// while `usr/lib/x -> ../../etc` does not. An *absolute* symlink target such as `/bin/busybox` is fine:
// inside a container it means the container's own `/bin/busybox`.
//
// We follow those rules with one deliberate difference: moby silently roots an absolute entry name
// (`/etc/passwd` becomes `<root>/etc/passwd`); we reject it with a clear error, as GNU tar warns and
// Go's archive/tar (with `tarinsecurepath=0`) refuses. Both the writer and the reader use these
// helpers, so a bad path is refused at the door in either direction.
import { TarError } from './tar-error';

const quote = (text: string): string => JSON.stringify(text);
// In a `u` regex, \p{Cs} matches only surrogates that are not part of a pair: text UTF-8 cannot encode.
const loneSurrogate = /\p{Cs}/u;

/** Clean a name, or say why it cannot be cleaned (the reason ends up in the error message). */
function clean(raw: string): { path: string } | { problem: string } {
  if (raw.includes('\0')) return { problem: 'contains a NUL byte' };
  if (loneSurrogate.test(raw)) return { problem: 'not valid Unicode' };
  if (raw.startsWith('/')) return { problem: 'path is absolute' };
  const kept: string[] = [];
  for (const segment of raw.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment !== '..') kept.push(segment);
    else if (kept.pop() === undefined) return { problem: 'path escapes the root' };
  }
  return { path: kept.join('/') };
}

/**
 * Clean a tar entry name into the form `FsEntry.path` uses: no leading `./`, no trailing `/`, no empty,
 * `.` or `..` segments (`./usr//bin/` → `usr/bin`, `a/../b` → `b`). Returns `''` for the root itself
 * (`./`, `.`). Throws TarError for absolute names, names containing NUL and names that climb above the root.
 */
export function normalizeEntryPath(raw: string): string {
  const result = clean(raw);
  if ('problem' in result) throw new TarError(`invalid path ${quote(raw)}: ${result.problem}`);
  return result.path;
}

/**
 * A hardlink names another entry of the same filesystem, in the same form as an entry path, so its
 * target is cleaned like one and must name something below the root. Returns the cleaned target.
 */
export function normalizeHardlinkTarget(linkPath: string, target: string): string {
  const fail = (why: string) => new TarError(`invalid hardlink ${quote(linkPath)} -> ${quote(target)}: ${why}`);
  const result = clean(target);
  if ('problem' in result) throw fail(result.problem);
  if (result.path === '') throw fail('target is the root');
  return result.path;
}

/**
 * Refuse a symlink whose relative target, resolved from the directory holding the link, climbs above
 * the root. Absolute targets are accepted (they are interpreted inside the container's root); the
 * target text itself is kept exactly as given, as a real symlink keeps it.
 */
export function checkSymlinkTarget(linkPath: string, target: string): void {
  const fail = (why: string) => new TarError(`invalid symlink ${quote(linkPath)} -> ${quote(target)}: ${why}`);
  if (target === '') throw fail('empty target');
  if (target.includes('\0')) throw fail('contains a NUL byte');
  if (loneSurrogate.test(target)) throw fail('not valid Unicode');
  if (target.startsWith('/')) return;
  let depth = linkPath.split('/').length - 1; // segments of the directory that holds the link
  for (const segment of target.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      depth -= 1;
      if (depth < 0) throw fail('path escapes the root');
    } else {
      depth += 1;
    }
  }
}
