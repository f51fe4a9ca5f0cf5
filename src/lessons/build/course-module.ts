// The course, parsed when the app is built rather than in the student's browser. Reading the
// lessons (yaml frontmatter, valibot schemas, sections) costs a few hundred milliseconds of CPU on
// every page load, and the outcome is the same for everyone: so the `dockyard:course` plugin in
// vite.config.ts runs this module in Node over the files in `lessons/` and serves its output as
// `virtual:dockyard-course` — plain JSON data, no parser (src/lessons/loader.ts imports it). Under
// `vite build` a course with problems fails the build with every problem listed, so a broken course
// is never shipped; the dev server and Vitest get the problems as data instead (the lesson panel
// and test/lessons report them, as they always have).
import { buildCourse, type CourseBuild } from '../parse/course-builder';
import type { SourceFile } from '../parse/lesson-parser';

/**
 * Whether a file is part of the course, by its path inside `lessons/` (`01-x/chapter.md`): every
 * markdown file, and every file under a lesson's `files/`. Quizzes and the coverage map are read
 * elsewhere.
 */
export function isCourseFile(pathInLessons: string): boolean {
  const path = pathInLessons.split('\\').join('/');
  return path.endsWith('.md') || /^[^/]+\/[^/]+\/files\/./.test(path);
}

/** The module's source: the course and its problems as one JSON literal (JSON.parse reads it fastest). */
export function courseModuleCode(built: CourseBuild): string {
  return `export default JSON.parse(${JSON.stringify(JSON.stringify(built))});\n`;
}

/** The build's error for a course with problems, one line per problem. */
export function courseProblemsMessage(problems: readonly string[]): string {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  const lines = problems.map((problem) => `  - ${problem}`);
  return [`The course in lessons/ has ${count}; the app is not built with it:`, ...lines].join('\n');
}

export class CourseProblemsError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(courseProblemsMessage(problems));
    this.name = 'CourseProblemsError';
  }
}

/**
 * The `virtual:dockyard-course` module for these files (paths as `/lessons/…`). With `strict` (a
 * production build) a course with problems throws CourseProblemsError instead.
 */
export function courseModule(files: readonly SourceFile[], { strict }: { strict: boolean }): string {
  const built = buildCourse(files);
  if (strict && built.problems.length > 0) throw new CourseProblemsError(built.problems);
  return courseModuleCode(built);
}
