// The coverage map, `lessons/coverage.yaml`: every section and point of the source material (the
// course's syllabus), each with the lesson steps that teach it (`lesson-id#step-id`) and the quiz
// items that test it, plus a FAQ list of the same shape. `checkCoverage` proves every point is
// taught and every reference exists; the quiz helper checks the quiz ids.
import * as v from 'valibot';

const stepRef = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*#[A-Za-z0-9_-]+$/, 'a lesson step is written lesson-id#step-id'),
  v.description('A lesson step that teaches the point: lesson-id#step-id.'),
);

const pointFields = {
  id: v.pipe(v.string(), v.nonEmpty(), v.description('Unique id of the point.')),
  text: v.pipe(v.string(), v.nonEmpty(), v.description('The point, in our own words.')),
  lessons: v.pipe(v.array(stepRef), v.description('The lesson steps that teach it; at least one.')),
  quiz: v.optional(v.pipe(v.array(v.string()), v.description('Ids of the quiz items that test it.')), []),
};

export const coveragePointSchema = v.strictObject(pointFields);

export const coverageSchema = v.strictObject({
  sections: v.pipe(
    v.array(
      v.strictObject({
        id: v.pipe(v.string(), v.nonEmpty(), v.description('Unique id of the section.')),
        title: v.pipe(v.string(), v.nonEmpty(), v.description('The section, in our own words.')),
        points: v.pipe(v.array(coveragePointSchema), v.minLength(1), v.description('What the section teaches.')),
      }),
    ),
    v.minLength(1),
    v.description('The sections of the source material, in its order.'),
  ),
  faq: v.optional(
    v.pipe(v.array(coveragePointSchema), v.description('The frequently asked questions it answers.')),
    [],
  ),
});

export type CoverageMap = v.InferOutput<typeof coverageSchema>;
export type CoveragePoint = v.InferOutput<typeof coveragePointSchema>;
