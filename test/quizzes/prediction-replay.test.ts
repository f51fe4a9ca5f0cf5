// Every prediction question of the bank, replayed headlessly: a fresh world, the scenario's setup,
// the network paused and stepped one message at a time to the pause point, then resumed. The
// option marked correct must describe what the simulator then did (the next request, the layers
// pushed or already there, the error text) and every other option must not — so the answer key
// can never disagree with the simulator.
import { describe, expect, it } from 'vitest';
import { loadBank } from '../../src/lessons/quiz/bank-loader';
import type { QuestionOf } from '../../src/lessons/quiz/question-schema';
import { replayPrediction } from '../../src/lessons/quiz/prediction/replay';

const predictions = [...loadBank().questions.values()].filter(
  (q): q is QuestionOf<'prediction'> => q.type === 'prediction',
);

it('the bank has prediction questions to replay', () => {
  expect(predictions.length).toBeGreaterThanOrEqual(8);
});

describe.each(predictions.map((q) => [q.id, q] as const))('prediction %s', (_id, question) => {
  it('its answer key matches what the simulator does', { timeout: 240_000 }, async () => {
    const replay = await replayPrediction(question);
    expect(replay.problems).toEqual([]);
    // The pause point was real: something happened after it.
    expect(replay.outcome.after.length).toBeGreaterThan(0);
  });
});
