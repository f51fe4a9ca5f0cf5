import { describe, expect, it } from 'vitest';
import { buildCourse } from '../parse/course-builder';
import type { SourceFile } from '../parse/lesson-parser';
import { fixtureFiles } from '../testdata/fixture-course';
import {
  CourseProblemsError,
  courseModule,
  courseModuleCode,
  courseProblemsMessage,
  isCourseFile,
} from './course-module';

/** What the generated module exports, run the way a browser would run it. */
function evaluate(code: string): unknown {
  expect(code).toMatch(/^export default /);
  return new Function(code.replace(/^export default /, 'return '))() as unknown;
}

const brokenLesson: SourceFile = {
  path: '/lessons/01-fixture/03-broken/index.md',
  text: '---\nid: broken\ntitle: Broken\n---\nNo summary, no world, no steps.\n',
};

describe('the course built into the app', () => {
  it.each([
    ['01-architecture/chapter.md', true],
    ['01-architecture/02-client/index.md', true],
    ['01-architecture/02-client/files/Dockerfile', true],
    ['01-architecture/02-client/files/app/index.html', true],
    ['01-architecture\\02-client\\files\\Dockerfile', true],
    ['README.md', true],
    ['coverage.yaml', false],
    ['quizzes/01-architecture.yaml', false],
    ['01-architecture/02-client/notes.txt', false],
    ['01-architecture/files/Dockerfile', false],
  ])('%s is a course file: %s', (path, expected) => {
    expect(isCourseFile(path)).toBe(expected);
  });

  it('is the course buildCourse reads, as data', () => {
    const built = buildCourse(fixtureFiles());
    expect(built.course.lessons.length).toBeGreaterThan(0);
    expect(evaluate(courseModule(fixtureFiles(), { strict: true }))).toEqual(built);
  });

  it('keeps text that would break a JavaScript literal', () => {
    const built = { course: { chapters: [], lessons: [] }, problems: ["it's `${x}` </script>\n\u2028\\"] };
    expect(evaluate(courseModuleCode(built))).toEqual(built);
  });

  it('refuses a course with problems when strict (a build), naming each one', () => {
    const files = [...fixtureFiles(), brokenLesson];
    const { problems } = buildCourse(files);
    expect(problems.length).toBeGreaterThan(0);
    expect(() => courseModule(files, { strict: true })).toThrow(CourseProblemsError);
    expect(() => courseModule(files, { strict: true })).toThrow(courseProblemsMessage(problems));
    expect(courseProblemsMessage(problems)).toContain('lessons/01-fixture/03-broken/index.md');
  });

  it('hands the problems on as data otherwise (the dev server, the tests)', () => {
    const files = [...fixtureFiles(), brokenLesson];
    expect(evaluate(courseModule(files, { strict: false }))).toEqual(buildCourse(files));
  });

  it('counts the problems in its message', () => {
    expect(courseProblemsMessage(['a: x'])).toBe(
      'The course in lessons/ has 1 problem; the app is not built with it:\n  - a: x',
    );
    expect(courseProblemsMessage(['a: x', 'b: y']).split('\n')).toEqual([
      'The course in lessons/ has 2 problems; the app is not built with it:',
      '  - a: x',
      '  - b: y',
    ]);
  });
});
