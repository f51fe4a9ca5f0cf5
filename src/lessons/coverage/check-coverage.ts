// Checking the coverage map against the course: the map must parse, every point and FAQ item must
// name at least one lesson step, every named lesson and step must exist, and ids must be unique.
// Each problem is one line naming the point (`sections.client.two-channels: …`).
import * as v from 'valibot';
import { parse as parseYaml } from 'yaml';
import type { Course } from '../course';
import { describeIssues } from '../parse/lesson-parser';
import { coverageSchema, type CoverageMap, type CoveragePoint } from './coverage-schema';

export const COVERAGE_PATH = 'lessons/coverage.yaml';

export interface CoverageCheck {
  map?: CoverageMap;
  problems: string[];
}

export function checkCoverage(text: string, course: Course): CoverageCheck {
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (err) {
    return { problems: [`${COVERAGE_PATH}: not valid YAML: ${(err as Error).message.split('\n')[0]}`] };
  }
  const checked = v.safeParse(coverageSchema, data);
  if (!checked.success) return { problems: describeIssues(COVERAGE_PATH, checked.issues) };
  const map = checked.output;
  const problems: string[] = [];
  const steps = new Map(course.lessons.map((l) => [l.id, new Set(l.steps.map((s) => s.id))]));
  const ids = new Set<string>();
  const visit = (where: string, point: CoveragePoint) => {
    const name = `${where}.${point.id}`;
    if (ids.has(name)) problems.push(`${COVERAGE_PATH}: ${name}: the id is used twice`);
    ids.add(name);
    if (point.lessons.length === 0) problems.push(`${COVERAGE_PATH}: ${name}: no lesson step teaches it`);
    for (const ref of point.lessons) {
      const [lessonId, stepId] = ref.split('#') as [string, string];
      const lessonSteps = steps.get(lessonId);
      if (!lessonSteps) problems.push(`${COVERAGE_PATH}: ${name}: no lesson ${lessonId}`);
      else if (!lessonSteps.has(stepId))
        problems.push(`${COVERAGE_PATH}: ${name}: lesson ${lessonId} has no step ${stepId}`);
    }
  };
  const sectionIds = new Set<string>();
  for (const section of map.sections) {
    if (sectionIds.has(section.id)) problems.push(`${COVERAGE_PATH}: sections.${section.id}: the id is used twice`);
    sectionIds.add(section.id);
    for (const point of section.points) visit(`sections.${section.id}`, point);
  }
  for (const item of map.faq) visit('faq', item);
  return { map, problems };
}
