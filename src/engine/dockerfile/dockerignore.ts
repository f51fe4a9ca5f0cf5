// .dockerignore: what the docker CLI leaves out of the build context it sends, and what the daemon
// then hides from COPY/ADD (moby/patternmatcher `ignorefile`, docker/cli `build/context.go`, moby
// `go-archive` TarWithOptions and `remotecontext/detect.go`).
//
// The file is read line by line: a line starting with `#` is a comment, blank lines are skipped,
// each pattern is trimmed and cleaned (`./a//b/` → `a/b`), and a leading `/` is dropped — patterns
// are always relative to the context root. See pattern-matcher.ts for what a pattern matches.
//
// Two special files: the Dockerfile and the .dockerignore itself are always SENT (the CLI adds
// `!Dockerfile` and `!.dockerignore` exceptions when the patterns would exclude them, because the
// daemon must read them), but the daemon REMOVES them from the context after reading them if the
// patterns match — so `COPY Dockerfile /` fails when .dockerignore lists it.
import { cleanPath } from './go-path';
import { trimGoSpace } from './go-text';
import { PatternMatcher, matches, matchesOrParentMatches, type MatchInfo } from './pattern-matcher';

/** The patterns of a .dockerignore file, in order (moby's `ignorefile.ReadAll`). */
export function readDockerignore(text: string): string[] {
  const patterns: string[] = [];
  const lines = (text.startsWith('\ufeff') ? text.slice(1) : text).split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (const line of lines) {
    if (line.startsWith('#')) continue;
    let pattern = trimGoSpace(line);
    if (pattern === '') continue;
    const invert = pattern.startsWith('!');
    if (invert) pattern = trimGoSpace(pattern.slice(1));
    if (pattern.length > 0) {
      pattern = cleanPath(pattern);
      if (pattern.length > 1 && pattern.startsWith('/')) pattern = pattern.slice(1);
    }
    patterns.push(invert ? '!' + pattern : pattern);
  }
  return patterns;
}

/**
 * The docker CLI's `TrimBuildFilesFromExcludes`: add `!.dockerignore` and `!<Dockerfile>` when the
 * patterns would exclude them, so the daemon receives both (not for a Dockerfile read from stdin).
 */
export function trimBuildFilesFromExcludes(
  excludes: readonly string[],
  dockerfile: string,
  dockerfileFromStdin = false,
): string[] {
  const out = [...excludes];
  if (matches('.dockerignore', out)) out.push('!.dockerignore');
  if (matches(dockerfile, out) && !dockerfileFromStdin) out.push('!' + dockerfile);
  return out;
}

/** Which of `.dockerignore` and the Dockerfile the classic builder deletes from the context after reading. */
export function buildFilesRemovedByDaemon(excludes: readonly string[], dockerfile: string): string[] {
  return ['.dockerignore', dockerfile].filter((file) => matchesOrParentMatches(file, excludes));
}

/** One path in a build context directory. */
export interface ContextEntry {
  /** Relative to the context root, `/`-separated (`src/main.go`). */
  readonly path: string;
  readonly isDir: boolean;
}

interface TreeNode {
  readonly path: string;
  isDir: boolean;
  readonly children: Map<string, TreeNode>;
}

function buildTree(entries: readonly ContextEntry[]): TreeNode {
  const root: TreeNode = { path: '.', isDir: true, children: new Map() };
  for (const entry of entries) {
    const clean = cleanPath(entry.path);
    if (clean === '.' || clean.startsWith('../') || clean === '..' || clean.startsWith('/')) continue;
    let node = root;
    const names = clean.split('/');
    names.forEach((name, i) => {
      let child = node.children.get(name);
      if (!child) {
        child = { path: names.slice(0, i + 1).join('/'), isDir: true, children: new Map() };
        node.children.set(name, child);
      }
      if (i === names.length - 1) child.isDir = entry.isDir;
      node = child;
    });
  }
  return root;
}

const byteOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The entries `docker build` puts in the context tarball, in the order it walks them (moby's
 * TarWithOptions): an excluded file is left out; an excluded directory is skipped whole unless an
 * exception pattern lies inside it (`!dir/keep`), in which case only the re-included entries go in.
 */
export function filterBuildContext(entries: readonly ContextEntry[], excludes: readonly string[]): ContextEntry[] {
  const matcher = new PatternMatcher(excludes);
  const kept: ContextEntry[] = [];
  const walk = (node: TreeNode, parentInfo: MatchInfo): void => {
    for (const name of [...node.children.keys()].sort(byteOrder)) {
      const child = node.children.get(name)!;
      const { matched, info } = matcher.matchesUsingParentResults(child.path, parentInfo);
      if (matched) {
        if (!child.isDir || !exceptionInside(matcher, child.path)) continue;
      } else {
        kept.push({ path: child.path, isDir: child.isDir });
      }
      if (child.isDir) walk(child, info);
    }
  };
  walk(buildTree(entries), []);
  return kept;
}

function exceptionInside(matcher: PatternMatcher, dir: string): boolean {
  return matcher.patterns.some((p) => p.exclusion && (p.text + '/').startsWith(dir + '/'));
}
