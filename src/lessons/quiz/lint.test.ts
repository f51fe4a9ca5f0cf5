// The content linter, over the real bank (with the course's lessons and the coverage map) and over
// small broken banks that show each rule bites.
import * as v from 'valibot';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { coverageSchema } from '../coverage/coverage-schema';
import { coverageText, loadCourse } from '../loader';
import { buildBank } from './bank';
import { loadBank } from './bank-loader';
import { lintBank, positionalReference } from './lint';

describe('the bank in lessons/quizzes', () => {
  const bank = loadBank();
  const lessons = new Set(loadCourse().course.lessons.map((l) => l.id));
  const coverage = v.parse(coverageSchema, parseYaml(coverageText() ?? ''));

  it('passes the schema and every linter rule, FAQ coverage included', () => {
    expect(lintBank(bank, { lessons, coverage })).toEqual([]);
  });

  it('has a quiz per chapter and a final course quiz', () => {
    const chapters = new Set(loadCourse().course.chapters.map((c) => c.slug));
    expect(new Set(bank.quizzes.flatMap((q) => (q.chapter ? [q.chapter] : [])))).toEqual(chapters);
    const course = bank.quizzes.find((q) => q.chapter === undefined);
    expect(course?.questions.length).toBeGreaterThanOrEqual(10);
  });
});

const file = (questions: unknown[], extra: Record<string, unknown> = {}) => ({
  path: 'lessons/quizzes/bad.yaml',
  text: JSON.stringify({ id: 'bad', title: 'Bad', questions, ...extra }),
});
const opt = (text: string, correct = false, feedback = 'Because.') => ({ text, correct, feedback });
const base = { prompt: 'Q?', explanation: 'Because.' };

describe('the linter catches', () => {
  it.each([
    [
      'two correct options in a single choice',
      { id: 'a', type: 'single', ...base, options: [opt('x', true), opt('y', true)] },
      'exactly one correct option, has 2',
    ],
    [
      'no correct option in a multiple choice',
      { id: 'a', type: 'multiple', ...base, options: [opt('x'), opt('y')] },
      'at least one correct option',
    ],
    [
      'a letter in feedback',
      { id: 'a', type: 'single', ...base, options: [opt('x', true, 'Like option B says.'), opt('y')] },
      'by letter or position',
    ],
    [
      'a position in the explanation',
      { id: 'a', type: 'single', ...base, explanation: 'The first one is right.', options: [opt('x', true), opt('y')] },
      'by letter or position',
    ],
    [
      'a numbered answer like the source',
      { id: 'a', type: 'single', ...base, explanation: '(2) is it.', options: [opt('x', true), opt('y')] },
      'by letter or position',
    ],
    [
      'a matching key like A-2',
      { id: 'a', type: 'single', ...base, explanation: 'A-2, B-3.', options: [opt('x', true), opt('y')] },
      'by letter or position',
    ],
    [
      'a repeated right side',
      {
        id: 'a',
        type: 'matching',
        ...base,
        pairs: [
          { left: 'l1', right: 'r', feedback: 'f' },
          { left: 'l2', right: 'r', feedback: 'f' },
        ],
      },
      'appears twice',
    ],
    [
      'a repeated ordering item',
      {
        id: 'a',
        type: 'ordering',
        ...base,
        items: [
          { text: 'i', feedback: 'f' },
          { text: 'i', feedback: 'f' },
          { text: 'j', feedback: 'f' },
        ],
      },
      'appears twice',
    ],
    [
      'an accepted answer the CLI refuses',
      { id: 'a', type: 'command', ...base, accepted: ['docker pushh x'], right: 'r', wrong: 'w' },
      'does not parse',
    ],
    [
      'a mistake equal to an accepted answer',
      {
        id: 'a',
        type: 'command',
        ...base,
        accepted: ['docker push x'],
        right: 'r',
        wrong: 'w',
        mistakes: [{ answer: 'docker image push x', feedback: 'f' }],
      },
      'same command as an accepted answer',
    ],
  ])('%s', (_what, question, problem) => {
    const problems = lintBank(buildBank([file([question])]));
    expect(
      problems.some((p) => p.includes(problem)),
      problems.join('\n'),
    ).toBe(true);
  });

  it('a question without an explanation or option feedback (schema)', () => {
    const noExplanation = lintBank(
      buildBank([file([{ id: 'a', type: 'single', prompt: 'Q?', options: [opt('x', true), opt('y')] }])]),
    );
    expect(noExplanation.some((p) => p.includes('explanation'))).toBe(true);
    const noFeedback = lintBank(
      buildBank([file([{ id: 'a', type: 'single', ...base, options: [{ text: 'x', correct: true }, opt('y')] }])]),
    );
    expect(noFeedback.some((p) => p.includes('feedback'))).toBe(true);
  });

  it('duplicate ids across files, unknown includes, too small a bank', () => {
    const q = { id: 'same', type: 'truefalse', ...base, answer: true, whenTrue: 't', whenFalse: 'f' };
    const problems = lintBank(
      buildBank([
        { path: 'lessons/quizzes/a.yaml', text: JSON.stringify({ id: 'qa', title: 'A', questions: [q] }) },
        {
          path: 'lessons/quizzes/b.yaml',
          text: JSON.stringify({ id: 'qb', title: 'B', questions: [q], include: ['nope'] }),
        },
      ]),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        'lessons/quizzes/b.yaml: question same: the id is already used in lessons/quizzes/a.yaml',
        'lessons/quizzes/b.yaml: include: no question nope in the bank',
        'bank: 1 questions, at least 40 wanted',
        'bank: 0 prediction questions, at least 8 wanted',
        'bank: no prediction question pauses `docker image push`',
      ]),
    );
  });

  it('an FAQ item with no question, and a coverage entry naming a missing question', () => {
    const coverage = {
      sections: [{ id: 's', title: 'S', points: [{ id: 'p', text: 'P', lessons: ['x#y'], quiz: ['ghost'] }] }],
      faq: [{ id: 'f', text: 'F', lessons: ['x#y'], quiz: [] }],
    };
    const problems = lintBank(buildBank([]), { coverage });
    expect(problems).toContain('coverage: faq.f: no quiz question tests it');
    expect(problems).toContain('coverage: sections.s.p: no question ghost in the bank');
  });
});

describe('positional references', () => {
  it.each(['option A', 'Answer 2 is right', 'the second one', '(c)', 'the options below', 'A) yes', 'C-4'])(
    'flags %j',
    (text) => {
      expect(positionalReference(text)).toBeDefined();
    },
  );
  it.each([
    'The daemon answers 404 on create.',
    'Step 1/2 runs FROM alpine',
    'HTTP/1.1 201 Created',
    'port 8080 of the host',
    'a tag like v1.0',
  ])('lets %j through', (text) => {
    expect(positionalReference(text)).toBeUndefined();
  });
});
