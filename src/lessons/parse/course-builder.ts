// Assembling the course from the files under `lessons/`: each chapter folder's `chapter.md`, each
// lesson folder's `index.md` and `files/`. Folders sort by their numeric prefix. Every problem is
// collected (a broken lesson does not hide the others) and named by its file.
import * as v from 'valibot';
import type { Chapter, Course, Lesson } from '../course';
import { chapterFrontmatterSchema } from '../schema/lesson-schema';
import { LessonFormatError, splitFrontmatter } from './frontmatter';
import { ORDERED_FOLDER, describeIssues, parseLesson, type SourceFile } from './lesson-parser';

export interface CourseBuild {
  course: Course;
  /** One line per problem, each naming its file; empty when the course is sound. */
  problems: string[];
}

const prefix = (folder: string) => Number(ORDERED_FOLDER.exec(folder)?.[1] ?? Infinity);
const byPrefix = (a: string, b: string) => prefix(a) - prefix(b) || a.localeCompare(b);

/** Build the course from its files (paths like `/lessons/01-x/chapter.md`, `/lessons/01-x/01-y/index.md`). */
export function buildCourse(files: readonly SourceFile[]): CourseBuild {
  const problems: string[] = [];
  const chapterFiles = new Map<string, SourceFile>();
  const lessonFiles = new Map<string, { index?: SourceFile; others: Map<string, string> }>();
  for (const file of files) {
    const parts = file.path.replace(/^\//, '').split('/');
    if (parts[0] !== 'lessons') continue;
    if (parts.length === 3 && parts[2] === 'chapter.md') chapterFiles.set(parts[1]!, file);
    else if (parts.length >= 4) {
      const key = `${parts[1]}/${parts[2]}`;
      const entry = lessonFiles.get(key) ?? { others: new Map<string, string>() };
      if (parts.length === 4 && parts[3] === 'index.md') entry.index = file;
      else entry.others.set(parts.slice(3).join('/'), file.text);
      lessonFiles.set(key, entry);
    }
  }

  const chapters = new Map<string, Chapter>();
  for (const slug of [...chapterFiles.keys()].sort(byPrefix)) {
    const file = chapterFiles.get(slug)!;
    const path = file.path.replace(/^\//, '');
    if (!ORDERED_FOLDER.test(slug)) problems.push(`${path}: a chapter folder is named NN-chapter-slug`);
    try {
      const { data } = splitFrontmatter(path, file.text);
      const checked = v.safeParse(chapterFrontmatterSchema, data);
      if (checked.success) chapters.set(slug, { slug, ...checked.output, lessons: [] });
      else problems.push(...describeIssues(path, checked.issues));
    } catch (err) {
      problems.push(...problemsOf(err));
    }
  }

  const seen = new Map<string, string>();
  for (const key of [...lessonFiles.keys()].sort((a, b) => {
    const [ca, la] = a.split('/') as [string, string];
    const [cb, lb] = b.split('/') as [string, string];
    return byPrefix(ca, cb) || byPrefix(la, lb);
  })) {
    const { index, others } = lessonFiles.get(key)!;
    if (!index) {
      if ([...others.keys()].some((p) => !p.startsWith('files/'))) problems.push(`lessons/${key}: no index.md`);
      continue;
    }
    let lesson: Lesson;
    try {
      lesson = parseLesson(index, others);
    } catch (err) {
      problems.push(...problemsOf(err));
      continue;
    }
    const chapter = chapters.get(lesson.chapter);
    if (!chapter) {
      problems.push(`${lesson.folder}/index.md: its chapter has no chapter.md (lessons/${lesson.chapter}/chapter.md)`);
      continue;
    }
    const other = seen.get(lesson.id);
    if (other) {
      problems.push(`${lesson.folder}/index.md: id: "${lesson.id}" is already the id of ${other}`);
      continue;
    }
    seen.set(lesson.id, `${lesson.folder}/index.md`);
    chapter.lessons.push(lesson);
  }

  const ordered = [...chapters.values()];
  return { course: { chapters: ordered, lessons: ordered.flatMap((c) => c.lessons) }, problems };
}

function problemsOf(err: unknown): string[] {
  if (err instanceof LessonFormatError) return [...err.problems];
  throw err;
}
