// The frontmatter of a lesson's `index.md`, as a valibot schema whose descriptions document the
// lesson format (the TutorialKit way: the schema is the reference). A lesson is a folder
// `lessons/NN-chapter/NN-lesson/` holding `index.md` (frontmatter + markdown) and optionally
// `files/` to place in the student's home directory. See CONTRIBUTING.md, "Add a lesson".
import * as v from 'valibot';
import { LESSON_HOSTS, goalSchema } from './goal-schema';

const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const id = (what: string) =>
  v.pipe(v.string(), v.regex(kebab, 'must be kebab-case (a-z, 0-9 and single dashes)'), v.description(what));

const fileEntrySchema = v.pipe(
  v.strictObject({
    path: v.pipe(
      v.string(),
      v.nonEmpty(),
      v.check(
        (p) => !p.startsWith('/') && !p.split('/').includes('..'),
        'must be relative to /home/student, without ..',
      ),
      v.description("Where the file goes, relative to the student's home directory /home/student."),
    ),
    source: v.optional(
      v.pipe(
        v.string(),
        v.nonEmpty(),
        v.description('A file of the lesson folder whose text is copied (files/Dockerfile).'),
      ),
    ),
    content: v.optional(v.pipe(v.string(), v.description('The text of the file, inline.'))),
  }),
  v.check((f) => (f.source === undefined) !== (f.content === undefined), 'give exactly one of `source` or `content`'),
  v.description("A file placed in the laptop's home directory before step 1."),
);

export const stepSchema = v.strictObject({
  id: id('Unique within the lesson; the markdown section of the step is headed `## Title {#id}`.'),
  title: v.pipe(v.string(), v.nonEmpty(), v.description('Short title shown in the step list.')),
  goal: goalSchema,
  hints: v.optional(
    v.pipe(v.array(v.pipe(v.string(), v.nonEmpty())), v.description('Hints, revealed one at a time, in order.')),
    [],
  ),
  solution: v.pipe(
    v.array(v.pipe(v.string(), v.nonEmpty())),
    v.minLength(1, 'a step needs a solution: the command lines that reach its goal'),
    v.description('Command lines that reach the goal, run in order; the replay test runs them.'),
  ),
});

export const lessonFrontmatterSchema = v.pipe(
  v.strictObject({
    id: id('Unique across the course; the deep link is #/lesson/<id>.'),
    title: v.pipe(v.string(), v.nonEmpty(), v.description('The lesson title.')),
    summary: v.pipe(v.string(), v.nonEmpty(), v.description('One sentence for the course menu.')),
    world: v.pipe(
      v.picklist(['fresh', 'previous']),
      v.description(
        'The starting world: fresh (a new world seeded with lesson:<id>) or previous (the end state of the previous lesson: its solutions replayed on its own start).',
      ),
    ),
    setup: v.optional(
      v.pipe(
        v.array(v.pipe(v.string(), v.nonEmpty())),
        v.description(
          'Lines run silently on the starting world before step 1: shell lines, or world faults `!daemon.stop HOST`, `!daemon.start HOST`, `!link.down A B`, `!link.up A B`.',
        ),
      ),
      [],
    ),
    files: v.optional(
      v.pipe(v.array(fileEntrySchema), v.description('Files placed in /home/student before step 1.')),
      [],
    ),
    terminal: v.optional(
      v.pipe(
        v.picklist(LESSON_HOSTS),
        v.description('The daemon the terminal talks to at first (DOCKER_HOST); default laptop.'),
      ),
      'laptop',
    ),
    steps: v.pipe(
      v.array(stepSchema),
      v.minLength(1, 'a lesson needs at least one step'),
      v.check((steps) => new Set(steps.map((s) => s.id)).size === steps.length, 'step ids must be unique'),
      v.description('The steps, in order; each has a section in the markdown body.'),
    ),
  }),
  v.description('The frontmatter of lessons/NN-chapter/NN-lesson/index.md.'),
);

export const chapterFrontmatterSchema = v.pipe(
  v.strictObject({
    title: v.pipe(v.string(), v.nonEmpty(), v.description('The chapter title.')),
    summary: v.pipe(v.string(), v.nonEmpty(), v.description('One sentence for the course menu.')),
  }),
  v.description('The frontmatter of lessons/NN-chapter/chapter.md.'),
);

export type LessonFrontmatter = v.InferOutput<typeof lessonFrontmatterSchema>;
export type LessonStepData = v.InferOutput<typeof stepSchema>;
export type LessonFileEntry = LessonFrontmatter['files'][number];
export type ChapterFrontmatter = v.InferOutput<typeof chapterFrontmatterSchema>;
