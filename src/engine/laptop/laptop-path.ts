// Paths on the laptop, POSIX style: `/home/student/app/Dockerfile`. The shell resolves what the
// student types against the working directory (`cd app`, `cat ../notes.txt`, `ls ~/.docker`) into
// one clean absolute path; the file tree only ever sees clean absolute paths.

/** `a//b/./c/../d` → `/a/b/d`; always absolute; `..` above the root stays at the root. */
export function normalizePath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

/** `path` as typed, relative to `cwd` unless it starts with `/`. */
export function resolvePath(cwd: string, path: string): string {
  return normalizePath(path.startsWith('/') ? path : `${cwd}/${path}`);
}

/** The parent directory of a clean absolute path (`/` is its own parent). */
export function parentOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash <= 0 ? '/' : path.slice(0, slash);
}

/** The last component of a path (`''` for `/`); trailing slashes ignored. */
export function baseName(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** Is `path` the same as `ancestor` or below it? */
export function isWithin(path: string, ancestor: string): boolean {
  return path === ancestor || ancestor === '/' || path.startsWith(`${ancestor}/`);
}

/** The path as the prompt shows it: `$HOME` becomes `~`. */
export function tildePath(path: string, home: string): string {
  if (path === home) return '~';
  return path.startsWith(`${home}/`) ? `~${path.slice(home.length)}` : path;
}
