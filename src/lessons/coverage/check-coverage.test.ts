import { describe, expect, it } from 'vitest';
import { buildCourse } from '../parse/course-builder';
import { fixtureFiles } from '../testdata/fixture-course';
import { checkCoverage } from './check-coverage';

const { course } = buildCourse(fixtureFiles());

const map = (lessons: string, faq = '[]') => `
sections:
  - id: overview
    title: At a glance
    points:
      - id: client-server
        text: Client and server.
        lessons: ${lessons}
        quiz: [q1]
faq: ${faq}
`;

describe('the coverage check', () => {
  it('accepts a map whose points all name existing lesson steps', () => {
    const result = checkCoverage(map('[fixture-hello#run-hello, fixture-tagging#list]'), course);
    expect(result.problems).toEqual([]);
    expect(result.map?.sections[0]?.points[0]?.quiz).toEqual(['q1']);
  });

  it.each([
    ['a point no step teaches', map('[]'), 'sections.overview.client-server: no lesson step teaches it'],
    ['an unknown lesson', map('[nowhere#run-hello]'), 'sections.overview.client-server: no lesson nowhere'],
    [
      'an unknown step',
      map('[fixture-hello#fly]'),
      'sections.overview.client-server: lesson fixture-hello has no step fly',
    ],
    ['a malformed reference', map('[fixture-hello]'), 'lesson-id#step-id'],
    [
      'a FAQ item without a step',
      map('[fixture-hello#run-hello]', '[{ id: why, text: Why?, lessons: [] }]'),
      'faq.why: no lesson step teaches it',
    ],
    ['bad YAML', 'sections: [', 'not valid YAML'],
  ])('reports %s', (_name, text, problem) => {
    const { problems } = checkCoverage(text, course);
    expect(problems.join('\n')).toContain(problem);
  });
});
