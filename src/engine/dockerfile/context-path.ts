// Where a COPY/ADD source may point: inside the build context, never outside it (moby's classic
// builder, `copy.go` calcCopyInfo and `remotecontext.FullPath`).
//
// The builder first trims one leading `/` and one leading `./` (`COPY /app .` means the context's
// `app`), then joins the source to the context root. A source that climbs out — `COPY ../secret .`,
// `COPY a/../../x .` — is refused with the classic builder's old, terse message (the empty
// parentheses are where moby would have printed a resolved path, which it never has here):
//
//   COPY failed: forbidden path outside the build context: ../secret ()
//
// Symbolic links inside the context are followed *within* it: an absolute target is taken from the
// context root and `..` cannot go above the root (moby/sys `FollowSymlinkInScope`), so a link can
// never reach outside. A missing source reads
// `COPY failed: file not found in build context or excluded by .dockerignore: stat x: file does not exist`.
import { DockerfileError } from './errors';
import { cleanPath } from './go-path';

/** A COPY/ADD source that is outside the context, or cannot be resolved in it. */
export class ContextPathError extends DockerfileError {
  override name = 'ContextPathError';
  readonly kind = 'context';
}

/** The source as the classic builder looks it up: one leading `/` and then one `./` removed. */
export function copySourcePath(source: string): string {
  let path = source.startsWith('/') ? source.slice(1) : source;
  if (path.startsWith('./')) path = path.slice(2);
  return path;
}

/** Reads a symbolic link in the context: its target, or undefined when the path is not a link. */
export type ReadLink = (path: string) => string | undefined;

const maxLinks = 255;

/**
 * Resolve a COPY/ADD source to a context-relative path (`.` is the root), following links in scope.
 * Throws ContextPathError: `forbidden path outside the build context: ../x ()`.
 */
export function resolveContextPath(source: string, readLink: ReadLink = () => undefined): string {
  const path = copySourcePath(source);
  const joined = cleanPath(path.replace(/^\/+/, ''));
  if (joined === '..' || joined.startsWith('../')) {
    throw new ContextPathError(`forbidden path outside the build context: ${path} ()`);
  }
  return followSymlinkInScope(joined, readLink);
}

/** moby/sys `FollowSymlinkInScope` with the context as the root; the result stays inside it. */
export function followSymlinkInScope(path: string, readLink: ReadLink): string {
  let rest = cleanPath('/' + path);
  let resolved = '';
  for (let n = 0; rest !== ''; n++) {
    if (n > maxLinks) throw new ContextPathError(`evalSymlinksInScope: too many links in ${path}`);
    const slash = rest.indexOf('/');
    const part = slash < 0 ? rest : rest.slice(0, slash);
    rest = slash < 0 ? '' : rest.slice(slash + 1);
    if (part === '') continue;
    const candidate = cleanPath('/' + resolved + part);
    if (candidate === '/') {
      resolved = '';
      continue;
    }
    const target = readLink(candidate.slice(1));
    if (target === undefined) {
      resolved += part + '/';
      continue;
    }
    if (target.startsWith('/')) resolved = '';
    rest = target + '/' + rest;
  }
  const result = cleanPath('/' + resolved);
  return result === '/' ? '.' : result.slice(1);
}

/** The message for a source that is not in the context (the builder prefixes `COPY failed: `). */
export function fileNotFoundInContext(source: string): string {
  return `file not found in build context or excluded by .dockerignore: stat ${copySourcePath(source)}: file does not exist`;
}

/** How the classic builder reports any COPY/ADD source problem: `COPY failed: <reason>`. */
export function copyFailed(instruction: 'COPY' | 'ADD', reason: string): string {
  return `${instruction} failed: ${reason}`;
}
