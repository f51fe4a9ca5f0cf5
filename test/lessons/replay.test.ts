// Every lesson in lessons/, proven the Learn Git Branching way: its frontmatter passes the schema,
// every command block and solution line parses as a shell line, and replaying its solution on its
// starting world meets each step's goal — which must NOT hold before that step's solution runs (a
// goal that is always true is a defect). Failures name lesson#step, the check and its detail.
import { describe, expect, it } from 'vitest';
import { parseScript } from '../../src/engine/runtime/shell/parser';
import { loadCourse } from '../../src/lessons/loader';
import { runCommands } from '../../src/lessons/parse/sections';
import { replayFailures, replaySolution } from '../../src/lessons/runner/replay';
import { isFaultLine } from '../../src/lessons/runner/world-faults';

const { course, problems } = loadCourse();

it('every lesson and chapter passes the schema', () => {
  expect(problems).toEqual([]);
  expect(course.lessons.length).toBeGreaterThan(0);
});

describe.each(course.lessons.map((lesson) => [lesson.id, lesson] as const))('lesson %s', (_id, lesson) => {
  it('has command blocks and solutions that parse as shell lines', () => {
    const lines = [
      ...runCommands(lesson.intro),
      ...lesson.steps.flatMap((s) => [...runCommands(s.markdown), ...s.solution]),
      ...lesson.setup.filter((l) => !isFaultLine(l)),
    ];
    const unparsable = lines.flatMap((line) => {
      try {
        parseScript(line);
        return [];
      } catch (err) {
        return [`${line}: ${(err as Error).message}`];
      }
    });
    expect(unparsable).toEqual([]);
  });

  it('replays: each goal unmet before its solution, met after', { timeout: 240_000 }, async () => {
    const replay = await replaySolution(lesson, { course });
    expect(replayFailures(replay)).toEqual([]);
  });
});
