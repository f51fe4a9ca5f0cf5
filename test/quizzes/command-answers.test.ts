// Every command question of the bank: each accepted answer parses as a docker command line AND,
// run on a fresh world after the question's setup, reaches the question's goal; each listed
// mistake is judged wrong. Then the judge itself, on the push question: an alias is right by
// parsing, an unlisted but working variant is right by its effect, a wrong target is wrong.
import { describe, expect, it } from 'vitest';
import { loadBank } from '../../src/lessons/quiz/bank-loader';
import { judgeCommand, runEffect } from '../../src/lessons/quiz/command-judge';
import { parseDockerLine } from '../../src/lessons/quiz/command-line';
import type { QuestionOf } from '../../src/lessons/quiz/question-schema';

const commands = [...loadBank().questions.values()].filter((q): q is QuestionOf<'command'> => q.type === 'command');

describe.each(commands.map((q) => [q.id, q] as const))('command question %s', (_id, question) => {
  it('has an effect to judge answers by', () => {
    expect(question.effect).toBeDefined();
  });

  it.each(question.accepted)('accepts %s: it parses and, run, reaches the goal', { timeout: 240_000 }, async (line) => {
    expect(parseDockerLine(line).ok).toBe(true);
    const ran = await runEffect(question.effect!, line, { seed: `quiz:${question.id}` });
    expect(ran.unmet).toEqual([]);
    expect(ran.met).toBe(true);
  });

  it('judges each listed mistake wrong, with its own feedback', async () => {
    for (const mistake of question.mistakes) {
      const verdict = await judgeCommand(question, mistake.answer);
      expect(verdict).toMatchObject({ score: 0, by: 'mistake', feedback: mistake.feedback });
    }
  });
});

describe('judging the push question', () => {
  const push = commands.find((q) => q.id === 'dist-push-command')!;

  it('an alias is the same command', async () => {
    expect(await judgeCommand(push, 'docker image push registry.example.com/student/alpine:v1')).toMatchObject({
      score: 1,
      by: 'accepted',
    });
  });

  it('an unlisted variant is right by its effect on the world', { timeout: 240_000 }, async () => {
    const verdict = await judgeCommand(push, 'docker push --quiet registry.example.com/student/alpine:v1');
    expect(verdict).toMatchObject({ score: 1, by: 'effect' });
    expect(verdict.ran?.exitCode).toBe(0);
  });

  it('a command that does something else is wrong by its effect', { timeout: 240_000 }, async () => {
    const verdict = await judgeCommand(push, 'docker push registry.example.com/student/other:v1');
    expect(verdict).toMatchObject({ score: 0, by: 'effect' });
    expect(verdict.ran?.unmet.length).toBeGreaterThan(0);
  });

  it('a line the CLI refuses is wrong, in the CLI words', async () => {
    expect(await judgeCommand(push, 'docker push --nope x')).toMatchObject({
      score: 0,
      by: 'refused',
      error: 'unknown flag: --nope',
    });
  });
});

describe('an answer that never ends by itself', () => {
  const hello = commands.find((q) => q.effect && q.accepted.includes('docker run hello-world'))!;

  it(
    'is stopped with Ctrl-C after the budget of world time and judged on what it did',
    { timeout: 240_000 },
    async () => {
      const verdict = await judgeCommand(hello, 'docker run nginx:alpine');
      expect(verdict).toMatchObject({ score: 0, by: 'effect' });
      expect(verdict.ran?.interrupted).toBe(true);
    },
  );
});
