import { describe, expect, it } from 'vitest';
import { fixtureFiles } from '../testdata/fixture-course';
import { buildCourse } from './course-builder';
import type { SourceFile } from './lesson-parser';
import { runCommands } from './sections';

const chapter: SourceFile = {
  path: '/lessons/01-basics/chapter.md',
  text: '---\ntitle: Basics\nsummary: The start.\n---\n',
};

function lesson(folder: string, frontmatter: string, body = '## Run {#run}\n'): SourceFile {
  return { path: `/lessons/01-basics/${folder}/index.md`, text: `---\n${frontmatter}\n---\n${body}` };
}

const good = `id: first
title: First
summary: One.
world: fresh
steps:
  - id: run
    title: Run
    goal:
      - image: { host: laptop, ref: alpine }
    solution: [docker pull alpine]`;

describe('the course builder', () => {
  it('reads the fixture course: chapters and lessons in prefix order, files resolved', () => {
    const { course, problems } = buildCourse(fixtureFiles());
    expect(problems).toEqual([]);
    expect(course.chapters.map((c) => c.title)).toEqual(['Fixture chapter']);
    expect(course.lessons.map((l) => l.id)).toEqual(['fixture-hello', 'fixture-tagging']);
    const tagging = course.lessons[1]!;
    expect(tagging.files).toEqual([
      { path: 'hello/Dockerfile', content: 'FROM alpine\nCMD ["echo", "hello"]\n' },
      { path: 'notes.txt', content: 'tag me\n' },
    ]);
    expect(tagging.terminal).toBe('laptop');
    expect(tagging.steps[0]!.hints).toEqual([]);
    expect(course.lessons[0]!.intro).toBe('The client, the daemon and the registry.');
    expect(runCommands(course.lessons[0]!.steps[0]!.markdown)).toEqual(['docker run hello-world']);
  });

  it('orders folders by their numeric prefix, not alphabetically', () => {
    const f = (n: string, id: string) => lesson(n, good.replace('id: first', `id: ${id}`));
    const { course, problems } = buildCourse([chapter, f('10-late', 'late'), f('2-early', 'early')]);
    expect(problems).toEqual([]);
    expect(course.lessons.map((l) => l.id)).toEqual(['early', 'late']);
  });

  it.each([
    [
      'a bad state',
      good.replace('image: { host: laptop, ref: alpine }', 'container: { host: laptop, state: stopped }'),
      'steps.0.goal.0.container.state',
    ],
    ['an unknown check', good.replace('image:', 'picture:'), 'steps.0.goal.0'],
    [
      'two kinds in one check',
      good.replace('ref: alpine }', 'ref: alpine }\n        noImage: { host: laptop, ref: x }'),
      'exactly one key',
    ],
    ['an unknown host', good.replace('host: laptop', 'host: mainframe'), 'steps.0.goal.0.image.host'],
    ['a missing solution', good.replace('    solution: [docker pull alpine]', ''), 'steps.0.solution'],
    ['a bad world', good.replace('world: fresh', 'world: empty'), 'world'],
    ['an unknown field', `${good}\ncolour: blue`, 'colour'],
    ['a non-kebab id', good.replace('id: first', 'id: First_Lesson'), 'id: must be kebab-case'],
  ])('names the file and the field for %s', (_name, frontmatter, field) => {
    const { problems } = buildCourse([chapter, lesson('01-first', frontmatter)]);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toContain('lessons/01-basics/01-first/index.md: ');
    expect(problems.join('\n')).toContain(field);
  });

  it('requires one body section per step, in order', () => {
    const { problems } = buildCourse([chapter, lesson('01-first', good, '## Wrong {#other}\n')]);
    expect(problems).toEqual([expect.stringMatching(/expected run; found other/)]);
  });

  it('ignores step headings inside fenced code', () => {
    const body = '```md\n## Not a step {#nope}\n```\n## Run {#run}\n';
    expect(buildCourse([chapter, lesson('01-first', good, body)]).problems).toEqual([]);
  });

  it('reports missing files, duplicate ids, missing chapters and bad YAML', () => {
    const withFile = good.replace(
      'world: fresh',
      'world: fresh\nfiles:\n  - { path: app/Dockerfile, source: files/Dockerfile }',
    );
    const { problems, course } = buildCourse([
      chapter,
      lesson('01-first', withFile),
      lesson('02-again', good),
      lesson('03-dup', good),
      {
        path: '/lessons/02-orphan/01-x/index.md',
        text: `---\n${good.replace('id: first', 'id: orphan')}\n---\n## Run {#run}\n`,
      },
      lesson('04-yaml', 'id: [unclosed'),
    ]);
    expect(problems).toEqual([
      'lessons/01-basics/01-first/index.md: files.0.source: no file files/Dockerfile in the lesson folder',
      'lessons/01-basics/03-dup/index.md: id: "first" is already the id of lessons/01-basics/02-again/index.md',
      expect.stringMatching(/^lessons\/01-basics\/04-yaml\/index.md: frontmatter is not valid YAML/),
      'lessons/02-orphan/01-x/index.md: its chapter has no chapter.md (lessons/02-orphan/chapter.md)',
    ]);
    expect(course.lessons.map((l) => l.id)).toEqual(['first']);
  });
});
