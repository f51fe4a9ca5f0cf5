// Replaying a lesson's solution, the proof that a lesson works (Learn Git Branching replays every
// level's solution in its tests): start the lesson on its starting world; for each step, judge its
// goal before anything is typed — it must NOT hold, or the step teaches nothing — then run the
// step's solution lines in the terminal and judge again — now it must hold, and the runner must
// have moved on by itself. The report says, per step, what held and why not.
import type { Course, Lesson } from '../course';
import { unmetDetails } from '../goals/evaluate';
import type { LineResult, LessonPlatform } from './platform';
import { LessonRunner } from './lesson-runner';

export interface StepReplay {
  stepId: string;
  /** False when an earlier step's solution failed, so this step never began. */
  reached: boolean;
  /** The goal held before the solution ran (a defect of the lesson). */
  metBefore: boolean;
  /** The goal held after the solution ran and the runner advanced past it. */
  metAfter: boolean;
  /** Why the goal did not hold after the solution (empty when it did). */
  unmet: string[];
  lines: (LineResult & { line: string })[];
}

export interface LessonReplay {
  lessonId: string;
  steps: StepReplay[];
  /** Every step unmet before and met after its solution. */
  ok: boolean;
}

export async function replaySolution(
  lesson: Lesson,
  options: { course?: Course; platform?: LessonPlatform } = {},
): Promise<LessonReplay> {
  const runner = new LessonRunner(options);
  const { world, session } = await runner.start(lesson);
  const steps: StepReplay[] = [];
  try {
    for (const [i, step] of lesson.steps.entries()) {
      if (runner.state.stepIndex < i) {
        // An earlier step's solution did not reach its goal: this step was never reached.
        steps.push({ stepId: step.id, reached: false, metBefore: false, metAfter: false, unmet: [], lines: [] });
        continue;
      }
      if (runner.state.stepIndex > i) {
        // The runner went past this step on its own: its goal already held when it began.
        steps.push({ stepId: step.id, reached: true, metBefore: true, metAfter: true, unmet: [], lines: [] });
        continue;
      }
      const before = await runner.check();
      const lines: StepReplay['lines'] = [];
      for (const line of step.solution) lines.push({ line, ...(await runner.platform.runLine(session, line)) });
      await runner.settled();
      const after = runner.state.stepIndex > i;
      const outcome = after ? undefined : await runner.check();
      steps.push({
        stepId: step.id,
        reached: true,
        metBefore: before?.met ?? false,
        metAfter: after,
        unmet: outcome ? unmetDetails(outcome) : [],
        lines,
      });
    }
  } finally {
    runner.detach();
    world.stop();
  }
  return { lessonId: lesson.id, steps, ok: steps.every((s) => s.reached && !s.metBefore && s.metAfter) };
}

/** A replay's failures, one line each: `lesson#step: …`. */
export function replayFailures(replay: LessonReplay): string[] {
  return replay.steps.flatMap((s) => {
    const where = `${replay.lessonId}#${s.stepId}`;
    const out: string[] = [];
    if (!s.reached) return [`${where}: not reached (an earlier step's solution did not reach its goal)`];
    if (s.metBefore) out.push(`${where}: the goal already holds before the solution runs`);
    if (!s.metAfter) {
      const failed = s.lines
        .filter((l) => l.exitCode !== 0)
        .map((l) => `\`${l.line}\` exited ${l.exitCode}: ${l.stderr.trim().split('\n').at(-1) ?? ''}`);
      out.push(
        `${where}: the goal does not hold after the solution: ${s.unmet.join('; ')}${failed.length ? ` (${failed.join('; ')})` : ''}`,
      );
    }
    return out;
  });
}
