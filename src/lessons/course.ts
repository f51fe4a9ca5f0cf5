// The course as the runtime holds it: chapters of lessons, in the order their folders' numeric
// prefixes give (`lessons/01-architecture/02-client-and-daemon/`). A lesson is its validated
// frontmatter plus its markdown split into an introduction and one section per step, and its
// files resolved to text. Nothing here renders markdown.
import type { GoalCheck } from './schema/goal-schema';
import type { LessonFrontmatter } from './schema/lesson-schema';

export interface LessonStep {
  id: string;
  title: string;
  goal: GoalCheck[];
  hints: string[];
  solution: string[];
  /** The markdown of the step's section (its heading removed). */
  markdown: string;
}

export interface LessonFile {
  /** Relative to /home/student. */
  path: string;
  content: string;
}

export interface Lesson {
  id: string;
  title: string;
  summary: string;
  world: LessonFrontmatter['world'];
  setup: string[];
  files: LessonFile[];
  terminal: LessonFrontmatter['terminal'];
  steps: LessonStep[];
  /** The markdown before the first step. */
  intro: string;
  /** The lesson's folder, e.g. `lessons/01-architecture/02-first-container`. */
  folder: string;
  /** The chapter folder's name, e.g. `01-architecture`. */
  chapter: string;
}

export interface Chapter {
  /** The folder's name, e.g. `01-architecture`. */
  slug: string;
  title: string;
  summary: string;
  lessons: Lesson[];
}

export interface Course {
  chapters: Chapter[];
  /** Every lesson in course order. */
  lessons: Lesson[];
}

/** A lesson by id. */
export function lessonById(course: Course, id: string): Lesson | undefined {
  return course.lessons.find((l) => l.id === id);
}

/** The lesson before `lesson` in course order (what `world: previous` starts from). */
export function previousLesson(course: Course, lesson: Lesson): Lesson | undefined {
  const i = course.lessons.findIndex((l) => l.id === lesson.id);
  return i > 0 ? course.lessons[i - 1] : undefined;
}
