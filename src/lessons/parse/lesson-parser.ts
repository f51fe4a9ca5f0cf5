// Reading one lesson: `index.md` → frontmatter checked by the schema (errors name the file and
// the field, `lessons/…/index.md: steps.0.goal.1.container.state: Invalid option…`), body split
// into sections that must match the steps one for one and in order, and `files` entries resolved
// to text from the lesson folder. A pure function of its inputs, so Node tests can feed it files.
import * as v from 'valibot';
import type { Lesson, LessonFile } from '../course';
import { lessonFrontmatterSchema } from '../schema/lesson-schema';
import { LessonFormatError, splitFrontmatter } from './frontmatter';
import { splitSections } from './sections';

/** A file of the course as text: `path` as the loader sees it (`/lessons/01-x/01-y/index.md`). */
export interface SourceFile {
  path: string;
  text: string;
}

/** Valibot's issues as `file: field.path: message` lines. */
export function describeIssues(path: string, issues: readonly v.BaseIssue<unknown>[]): string[] {
  return issues.map((issue) => {
    const field = v.getDotPath(issue);
    return `${path}: ${field ? `${field}: ` : ''}${issue.message}`;
  });
}

/** Folder names `NN-slug`: the numeric prefix orders them. */
export const ORDERED_FOLDER = /^(\d+)-[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Parse `index.md` of the lesson folder `folder` (`lessons/01-chapter/01-lesson`); `folderFiles`
 * maps paths relative to the folder (`files/Dockerfile`) to text. Throws LessonFormatError.
 */
export function parseLesson(index: SourceFile, folderFiles: ReadonlyMap<string, string> = new Map()): Lesson {
  const path = index.path.replace(/^\//, '');
  const parts = path.split('/');
  const [chapter, lessonFolder] = [parts.at(-3) ?? '', parts.at(-2) ?? ''];
  const problems: string[] = [];
  if (
    parts.length < 4 ||
    parts.at(-1) !== 'index.md' ||
    !ORDERED_FOLDER.test(chapter) ||
    !ORDERED_FOLDER.test(lessonFolder)
  ) {
    problems.push(`${path}: a lesson lives at lessons/NN-chapter-slug/NN-lesson-slug/index.md`);
  }
  const { data, body } = splitFrontmatter(path, index.text);
  const checked = v.safeParse(lessonFrontmatterSchema, data);
  if (!checked.success) throw new LessonFormatError([...problems, ...describeIssues(path, checked.issues)]);
  const front = checked.output;

  const { intro, sections } = splitSections(body);
  const stepIds = front.steps.map((s) => s.id);
  const sectionIds = sections.map((s) => s.id);
  if (stepIds.join('\n') !== sectionIds.join('\n')) {
    problems.push(
      `${path}: the body must have one "## Title {#step-id}" section per step, in order: expected ${stepIds.join(', ')}; found ${sectionIds.join(', ') || 'none'}`,
    );
  }

  const files: LessonFile[] = [];
  front.files.forEach((entry, i) => {
    if (entry.content !== undefined) files.push({ path: entry.path, content: entry.content });
    else {
      const text = folderFiles.get(entry.source!);
      if (text === undefined) problems.push(`${path}: files.${i}.source: no file ${entry.source} in the lesson folder`);
      else files.push({ path: entry.path, content: text });
    }
  });
  if (problems.length) throw new LessonFormatError(problems);

  return {
    id: front.id,
    title: front.title,
    summary: front.summary,
    world: front.world,
    setup: front.setup,
    files,
    terminal: front.terminal,
    steps: front.steps.map((step, i) => ({ ...step, markdown: sections[i]?.markdown ?? '' })),
    intro,
    folder: parts.slice(0, -1).join('/'),
    chapter,
  };
}
