// Patterns in goal checks: `*` stands for any run of characters within one path segment (no `/`),
// as in `/v2/library/*/manifests/*`. Every other character means itself.

/** Whether `text` matches `pattern` as a whole. */
export function globMatch(pattern: string, text: string): boolean {
  if (!pattern.includes('*')) return pattern === text;
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\/]/g, '\\$&'))
    .join('[^/]*');
  return new RegExp(`^${source}$`).test(text);
}
