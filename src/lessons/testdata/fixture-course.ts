// The runtime's own small course (src/lessons/testdata/lessons), gathered the way the loader
// gathers /lessons, with the paths the loader would give (`/lessons/…`).
import type { SourceFile } from '../parse/lesson-parser';

const files = import.meta.glob<string>('./lessons/**/*', { query: '?raw', import: 'default', eager: true });

export function fixtureFiles(): SourceFile[] {
  return Object.entries(files).map(([path, text]) => ({ path: path.replace(/^\.\//, '/'), text }));
}
