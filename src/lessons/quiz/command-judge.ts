// Judging a command question. First by reading the line as the docker CLI would (command-line.ts):
// a line the CLI refuses is wrong, with the CLI's own words; a line that is the same command as an
// accepted answer (aliases, short or long flags, flag order) is right; a listed mistake gets its
// own feedback. Then, when the question has an `effect`, by running the line on a fresh world
// (after the effect's setup) and checking the effect's goal with the lesson runtime's checks — so
// `docker push -q x` passes where the goal is "the registry holds x" even though nobody listed it.
import type { World } from '../../actors/world/world';
import { evaluateGoal, unmetDetails } from '../goals/evaluate';
import { readGoalState } from '../goals/world-state';
import { simulatorPlatform, type LessonPlatform, type LineResult } from '../runner/platform';
import { faultEvent, isFaultLine } from '../runner/world-faults';
import { parseDockerLine, type DockerLine } from './command-line';
import type { Effect, QuestionOf } from './question-schema';

export interface EffectRun extends LineResult {
  met: boolean;
  /** Why the goal did not hold (empty when it did). */
  unmet: string[];
  /** It was still running after EFFECT_BUDGET_MS of the world's time and was stopped with Ctrl-C. */
  interrupted?: boolean;
}

/**
 * How long (the world's time) an answer may run before the judge presses Ctrl-C, as a student
 * would: `docker run nginx` in the foreground never ends by itself. At instant speed this costs
 * no real time.
 */
export const EFFECT_BUDGET_MS = 60_000;

export interface CommandVerdict {
  score: 0 | 1;
  /** How it was decided. */
  by: 'refused' | 'accepted' | 'mistake' | 'effect' | 'unmatched';
  feedback: string;
  parsed?: DockerLine;
  /** The CLI's refusal, when it refused the line. */
  error?: string;
  /** What running it did, when the effect was checked. */
  ran?: EffectRun;
}

/** Run `line` on a fresh world after `effect.setup` and judge `effect.goal`. */
export async function runEffect(
  effect: Effect,
  line: string,
  options: { seed: string; platform?: LessonPlatform },
): Promise<EffectRun> {
  const platform = options.platform ?? simulatorPlatform;
  const world: World = await platform.createWorld(options.seed);
  try {
    const session = platform.createSession(world);
    for (const setupLine of effect.setup) {
      if (isFaultLine(setupLine)) world.send(faultEvent(setupLine));
      else await platform.runLine(session, setupLine);
    }
    const since = { seq: world.trace.lastSeq, commands: 0 };
    const ctrlC = new AbortController();
    const finished = new AbortController();
    let interrupted = false;
    world.clock.sleep(EFFECT_BUDGET_MS, finished.signal).then(
      () => {
        interrupted = true;
        ctrlC.abort();
      },
      () => undefined,
    );
    const result = await platform.runLine(session, line, { signal: ctrlC.signal }).finally(() => finished.abort());
    const state = await readGoalState(world, [{ line, ...result }]);
    const outcome = evaluateGoal(effect.goal, state, since);
    return { ...result, met: outcome.met, unmet: unmetDetails(outcome), ...(interrupted ? { interrupted } : {}) };
  } finally {
    world.stop();
  }
}

export async function judgeCommand(
  question: QuestionOf<'command'>,
  line: string,
  options: { platform?: LessonPlatform; seed?: string } = {},
): Promise<CommandVerdict> {
  const read = parseDockerLine(line);
  if (!read.ok)
    return { score: 0, by: 'refused', error: read.error, feedback: `The docker CLI would not run this: ${read.error}` };
  const parsed = read.line;
  const same = (other: string) => {
    const o = parseDockerLine(other);
    return o.ok && o.line.canonical === parsed.canonical;
  };
  if (question.accepted.some(same)) return { score: 1, by: 'accepted', parsed, feedback: question.right };
  const mistake = question.mistakes.find((m) => same(m.answer));
  if (mistake) return { score: 0, by: 'mistake', parsed, feedback: mistake.feedback };
  if (question.effect) {
    const ran = await runEffect(question.effect, line, {
      seed: options.seed ?? `quiz:${question.id}`,
      ...(options.platform ? { platform: options.platform } : {}),
    });
    return ran.met
      ? { score: 1, by: 'effect', parsed, ran, feedback: question.right }
      : { score: 0, by: 'effect', parsed, ran, feedback: question.wrong };
  }
  return { score: 0, by: 'unmatched', parsed, feedback: question.wrong };
}
