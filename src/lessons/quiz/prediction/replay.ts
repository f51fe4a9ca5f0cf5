// Proving a prediction question's answer key against the simulator (the test suite does this for
// every one): run its scenario on a fresh world, pause at its pause point, let it finish, then
// judge every option's claim — the correct option's must hold and every other's must not. The
// problems name the question, the option and what happened instead.
import type { LessonPlatform } from '../../runner/platform';
import type { QuestionOf } from '../question-schema';
import { checkClaim, type ClaimCheck } from './claims';
import { pauseScenario, type PredictionOutcome } from './scenario';

export interface PredictionReplay {
  outcome: PredictionOutcome;
  options: (ClaimCheck & { text: string; correct: boolean })[];
  problems: string[];
}

/** The seed a prediction question's world is built from (the page and the tests use the same). */
export const predictionSeed = (question: { id: string }) => `quiz:${question.id}`;

export async function replayPrediction(
  question: QuestionOf<'prediction'>,
  platform?: LessonPlatform,
): Promise<PredictionReplay> {
  const paused = await pauseScenario(question.scenario, {
    seed: predictionSeed(question),
    ...(platform ? { platform } : {}),
  });
  try {
    const outcome = await paused.finish();
    const options = question.options.map((o) => ({
      text: o.text,
      correct: o.correct,
      ...checkClaim(o.claim, outcome),
    }));
    const problems = options.flatMap((o) => {
      if (o.correct && !o.holds)
        return [`${question.id}: the correct option "${o.text}" does not happen: ${o.misses.join('; ')}`];
      if (!o.correct && o.holds) return [`${question.id}: the wrong option "${o.text}" is what the simulator does`];
      return [];
    });
    return { outcome, options, problems };
  } finally {
    paused.stop();
  }
}
