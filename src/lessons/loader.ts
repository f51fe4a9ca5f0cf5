// The course shipped with the app: the files under `/lessons`, parsed by buildCourse when the app
// is built (build/course-plugin.ts serves the outcome as `virtual:dockyard-course`), so the page
// imports data and never the parser. Vitest and the dev server run the same plugin: the course
// there is built from the sources on disk as they are now, problems reported, not thrown.
import built from 'virtual:dockyard-course';
import type { CourseBuild } from './parse/course-builder';

const coverage = import.meta.glob<string>('/lessons/coverage.yaml', { query: '?raw', import: 'default', eager: true });

/** The course in `/lessons`, with the problems found in it (none, in a built app). */
export function loadCourse(): CourseBuild {
  return built;
}

/** The text of `lessons/coverage.yaml`, when there is one. */
export function coverageText(): string | undefined {
  return coverage['/lessons/coverage.yaml'];
}
