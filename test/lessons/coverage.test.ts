// The course's coverage map (lessons/coverage.yaml) against the course in lessons/: every point and
// FAQ item of the source material is taught by at least one lesson step that exists.
import { expect, it } from 'vitest';
import { checkCoverage } from '../../src/lessons/coverage/check-coverage';
import { coverageText, loadCourse } from '../../src/lessons/loader';

it('every point of the source material is taught by an existing lesson step', () => {
  const text = coverageText();
  expect(text, 'lessons/coverage.yaml is missing').toBeDefined();
  const { problems } = checkCoverage(text!, loadCourse().course);
  expect(problems).toEqual([]);
});
