// Go's `path.Clean` and `path.Dir`: the slash-separated path arithmetic Docker does on build-context
// names, .dockerignore patterns and COPY sources (on Linux `filepath` behaves exactly like `path`).
//
//   clean('a//b/./c/..')  → 'a/b'        clean('')      → '.'
//   clean('/../x')        → '/x'         clean('../x')  → '../x'   (a relative path may climb)

/** Go's `path.Clean`: the shortest equivalent path, by purely lexical processing. */
export function cleanPath(path: string): string {
  if (path === '') return '.';
  const rooted = path.startsWith('/');
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment !== '..') out.push(segment);
    else if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else if (!rooted) out.push('..');
  }
  const joined = out.join('/');
  if (rooted) return '/' + joined;
  return joined === '' ? '.' : joined;
}

/** Go's `path.Dir`: everything but the last element, cleaned. */
export function dirPath(path: string): string {
  const slash = path.lastIndexOf('/');
  return cleanPath(path.slice(0, slash + 1));
}
