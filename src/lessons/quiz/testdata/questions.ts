// Small questions for the quiz engine's unit tests (the real bank is tested in lint.test.ts and
// test/quizzes). Built through the schema, so they have every default a bank question has.
import * as v from 'valibot';
import type { Quiz } from '../bank';
import { questionSchema, type Question, type QuestionOf } from '../question-schema';

const make = <T extends Question['type']>(data: unknown) => v.parse(questionSchema, data) as QuestionOf<T>;

export const single = make<'single'>({
  id: 't-single',
  type: 'single',
  lesson: 'first-container',
  prompt: 'Who pulls images?',
  options: [
    { text: 'The daemon', correct: true, feedback: 'It talks to registries.' },
    { text: 'The client', feedback: 'It only talks to the daemon.' },
    { text: 'The registry', feedback: 'It only answers.' },
  ],
  explanation: 'Pulls are daemon work.',
});

export const multiple = make<'multiple'>({
  id: 't-multiple',
  type: 'multiple',
  lesson: 'three-components',
  prompt: 'Which are parts of Docker?',
  options: [
    { text: 'Client', correct: true, feedback: 'Yes.' },
    { text: 'Daemon', correct: true, feedback: 'Yes.' },
    { text: 'Registry', correct: true, feedback: 'Yes.' },
    { text: 'Hypervisor', feedback: 'No.' },
    { text: 'Dashboard', feedback: 'No.' },
  ],
  explanation: 'Three parts.',
});

export const trueFalse = make<'truefalse'>({
  id: 't-truefalse',
  type: 'truefalse',
  prompt: 'Client and daemon must share a machine.',
  answer: false,
  whenTrue: 'They need not.',
  whenFalse: 'Right, -H reaches others.',
  explanation: 'Remote daemons exist.',
});

export const matching = make<'matching'>({
  id: 't-matching',
  type: 'matching',
  prompt: 'Match.',
  pairs: [
    { left: 'build', right: 'makes an image', feedback: 'f1' },
    { left: 'push', right: 'uploads', feedback: 'f2' },
    { left: 'pull', right: 'downloads', feedback: 'f3' },
    { left: 'run', right: 'starts a container', feedback: 'f4' },
  ],
  distractors: ['boots a VM'],
  explanation: 'Four commands.',
});

export const ordering = make<'ordering'>({
  id: 't-ordering',
  type: 'ordering',
  prompt: 'Order.',
  items: [
    { text: 'Dockerfile', feedback: 'first' },
    { text: 'build', feedback: 'then' },
    { text: 'push', feedback: 'then' },
    { text: 'pull', feedback: 'last' },
  ],
  explanation: 'Build before push before pull.',
});

export const command = make<'command'>({
  id: 't-command',
  type: 'command',
  prompt: 'Push x.',
  accepted: ['docker push registry.example.com/student/x:1'],
  right: 'Right.',
  wrong: 'Wrong.',
  mistakes: [{ answer: 'docker pull registry.example.com/student/x:1', feedback: 'That downloads.' }],
  explanation: 'push uploads.',
});

export function quizOf(questions: Question[], tries = 3): Quiz {
  return { id: 'test-quiz', title: 'Test quiz', lessons: [], tries, questions, path: 'lessons/quizzes/test.yaml' };
}
