// The course shipped with the app: every file under `/lessons`, gathered by Vite at build time
// (`import.meta.glob`, which works in Vite and in Vitest alike) and assembled by buildCourse —
// a pure function, so tests may also feed it files of their own.
import type { SourceFile } from './parse/lesson-parser';
import { buildCourse, type CourseBuild } from './parse/course-builder';

const markdown = import.meta.glob<string>('/lessons/**/*.md', { query: '?raw', import: 'default', eager: true });
const lessonFiles = import.meta.glob<string>('/lessons/*/*/files/**', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const coverage = import.meta.glob<string>('/lessons/coverage.yaml', { query: '?raw', import: 'default', eager: true });

/** Every course file as text, paths as `/lessons/…`. */
export function courseFiles(): SourceFile[] {
  return Object.entries({ ...markdown, ...lessonFiles }).map(([path, text]) => ({ path, text }));
}

let built: CourseBuild | undefined;

/** The course in `/lessons` (built once). */
export function loadCourse(): CourseBuild {
  built ??= buildCourse(courseFiles());
  return built;
}

/** The text of `lessons/coverage.yaml`, when there is one. */
export function coverageText(): string | undefined {
  return coverage['/lessons/coverage.yaml'];
}
